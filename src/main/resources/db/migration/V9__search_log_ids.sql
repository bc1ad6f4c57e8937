-- Search ids are handed out by the application in blocks of 1,024 ids, one value of this sequence each
-- (feedback/SearchLog), so that a results page knows its search's id before the search is written: the writing
-- then happens in batches, off the reader's request. Instances sharing the database never share a block. The
-- first block starts at 2^40, above any id the identity column handed out before.
CREATE SEQUENCE search_log_id_block START WITH 1073741824;
