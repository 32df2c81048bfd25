-- PLACEHOLDER on the `attach` branch only (see migrations/0013_history.up.sql).
UPDATE worklog_version SET version = 13;
