-- Undo of 0011_calendar.
DROP TABLE calendar_events;
UPDATE worklog_version SET version = 10;
