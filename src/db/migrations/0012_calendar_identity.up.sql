-- Which calendar each imported occurrence came from (issue 15). An event that an earlier import
-- of a calendar brought and that a later import of the same calendar no longer has has left it:
-- its occurrences in the import's window are marked cancelled. "The same calendar" is `calendar`:
-- the name given with `--calendar NAME`, or else the file (its path, or standard input) with its
-- X-WR-CALNAME and PRODID; '' when an import could not tell (standard input with no name), so
-- nothing is ever cancelled for leaving it. `calendar_name` is what to call it: the name given,
-- the X-WR-CALNAME, or the file's name.
ALTER TABLE calendar_events ADD COLUMN calendar TEXT NOT NULL DEFAULT '';
ALTER TABLE calendar_events ADD COLUMN calendar_name TEXT NOT NULL DEFAULT '';

CREATE INDEX calendar_events_calendar ON calendar_events(calendar) WHERE calendar <> '';
