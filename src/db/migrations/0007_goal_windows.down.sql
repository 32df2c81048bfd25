-- Undo of 0007_goal_windows.
DROP INDEX goals_done_on;
