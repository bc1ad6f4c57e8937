-- One row that faqkb rewrites, only after the database failed (down, read-only, full), to find out whether it
-- takes writes again. Plain SQL for H2 and PostgreSQL, like V1.
CREATE TABLE storage_probe (
	id INTEGER PRIMARY KEY,
	checked_at TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO storage_probe (id, checked_at) VALUES (1, CURRENT_TIMESTAMP);
