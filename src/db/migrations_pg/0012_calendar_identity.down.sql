-- Undo of 0012_calendar_identity.
DROP INDEX calendar_events_calendar;
ALTER TABLE calendar_events DROP COLUMN calendar_name;
ALTER TABLE calendar_events DROP COLUMN calendar;

UPDATE worklog_version SET version = 11;
