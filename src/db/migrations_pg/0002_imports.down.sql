-- Undo of 0002_imports.
DROP TABLE imports;
DROP FUNCTION json_valid(text);
UPDATE worklog_version SET version = 1;
