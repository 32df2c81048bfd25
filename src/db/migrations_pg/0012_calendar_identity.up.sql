-- Which calendar each imported occurrence came from (as SQLite's 0012_calendar_identity):
-- `calendar` is what makes two imports the same calendar ('' when an import could not tell),
-- `calendar_name` what to call it.
ALTER TABLE calendar_events ADD COLUMN calendar text COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE calendar_events ADD COLUMN calendar_name text COLLATE "C" NOT NULL DEFAULT '';

CREATE INDEX calendar_events_calendar ON calendar_events(calendar) WHERE calendar <> '';

UPDATE worklog_version SET version = 12;
