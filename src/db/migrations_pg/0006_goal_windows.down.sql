-- Undo of 0006_goal_windows.
DROP INDEX goals_done_on;
UPDATE worklog_version SET version = 5;
