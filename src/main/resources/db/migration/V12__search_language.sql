-- The language a search was made in, for a translated site (search/insights per language): its BCP 47 tag ('fr'),
-- NULL for the default language (and for every search made before translations). Runs on H2 and PostgreSQL.
ALTER TABLE search_log ADD COLUMN language VARCHAR(35);
-- The same for a question asked through "Ask us" on a translation's page, so that the owner reads it as asked.
ALTER TABLE open_question ADD COLUMN language VARCHAR(35);
