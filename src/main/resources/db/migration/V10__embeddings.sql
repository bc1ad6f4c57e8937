-- Sentence embeddings of the questions (semantic search), so that a restart, a content reload or a new replica
-- sharing the database embeds only the texts that changed. Plain SQL for H2 and PostgreSQL.
CREATE TABLE embedding_cache (
	-- SHA-256 (hex) of the model's name and the embedded text: another text or another model is another key.
	text_key CHAR(64) PRIMARY KEY,
	model VARCHAR(100) NOT NULL,
	dimensions INTEGER NOT NULL,
	-- The vector as big-endian float32 values, and their CRC32: a damaged row is detected and embedded again.
	vector BYTEA NOT NULL,
	checksum BIGINT NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
