-- When each embedding was last in use, so that rows of texts no instance embeds any more are deleted instead of
-- kept forever (search/semantic/EmbeddingCacheRetention). Each instance refreshes the rows of the content it
-- serves, at most once a week per row; rows not in use for 30 days are deleted. Plain SQL for H2 and PostgreSQL.
--
-- Existing rows count as used on the day of this migration rather than on their created_at: instances still on
-- the previous version during a rolling upgrade never mark the rows they use, and this gives them 30 days. The
-- default also lets those instances keep inserting rows meanwhile; this version always sets the date itself
-- (UTC). PostgreSQL 11 and later add the column without rewriting the table.
ALTER TABLE embedding_cache ADD COLUMN used_on DATE DEFAULT CURRENT_DATE NOT NULL;

-- The daily deletion and the search for rows due for a refresh read a range of days.
CREATE INDEX embedding_cache_used_on ON embedding_cache (used_on);
