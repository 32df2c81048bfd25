-- Undo of 0004_identity. The schema version, which every step changes, still tells a session
-- that the database changed under it.
DROP TABLE database_identity;
UPDATE worklog_version SET version = 3;
