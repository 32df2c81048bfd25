-- Paged lists (issue 10): the Journal and Meetings panes read one window of rows at a time,
-- by keyset, and count their rows. These indexes hold only live rows, in each list's order, so
-- a page is an index range and a count scans the index, never the table with its text.

-- Journal: newest first, (at, id) descending (the rowid follows `at` in the index).
CREATE INDEX learnings_live_at ON learnings(at) WHERE deleted_at IS NULL;

-- Meetings: days newest first, a day's meetings in order of time.
CREATE INDEX meetings_live_day ON meetings(substr(starts_at, 1, 10) DESC, starts_at, id)
    WHERE deleted_at IS NULL;
