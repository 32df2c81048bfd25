-- Undo of 0007_name_keys.
DROP INDEX tags_name_key;
ALTER TABLE tags DROP COLUMN name_key;
DROP INDEX people_name_key;
ALTER TABLE people DROP COLUMN name_key;
UPDATE worklog_version SET version = 6;
