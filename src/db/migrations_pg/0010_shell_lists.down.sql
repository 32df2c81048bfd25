-- Undo of 0010_shell_lists.
DROP INDEX energy_checkins_deleted;
DROP INDEX feedback_deleted;
DROP INDEX goals_deleted;
DROP INDEX action_items_deleted;
DROP INDEX meetings_deleted;
DROP INDEX skills_deleted;
DROP INDEX learnings_deleted;
DROP INDEX tasks_deleted;
DROP INDEX tasks_live_list;
UPDATE worklog_version SET version = 9;
