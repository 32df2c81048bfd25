-- Undo of 0005_paging.
DROP INDEX meetings_live_day;
DROP INDEX learnings_live_at;
UPDATE worklog_version SET version = 4;
