-- Undo of 0006_paging.
DROP INDEX meetings_live_day;
DROP INDEX learnings_live_at;
