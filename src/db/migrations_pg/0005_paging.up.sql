-- Paged lists (issue 10): the Journal and Meetings panes read one window of rows at a time,
-- by keyset, and count their rows. These indexes hold only live rows, in each list's order.

-- Journal: newest first, (at, id) descending.
CREATE INDEX learnings_live_at ON learnings(at) WHERE deleted_at IS NULL;

-- Meetings: days newest first, a day's meetings in order of time. SQLite's day is
-- substr(starts_at, 1, 10); here it is starts_at::date, which a query must write the same way
-- to use the index.
CREATE INDEX meetings_live_day ON meetings((starts_at::date) DESC, starts_at, id)
    WHERE deleted_at IS NULL;

UPDATE worklog_version SET version = 5;
