-- Undo of 0008_feedback_paging.
DROP INDEX feedback_live_who;
DROP INDEX feedback_live_day;
UPDATE worklog_version SET version = 7;
