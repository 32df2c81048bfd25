-- `worklog list tasks` (issue 12) reads the newest days first, a day's tasks in their order.
-- The index on (day, position) runs the other way within a day, and with many deleted rows
-- SQLite chose to read every task and sort them: 35 ms at 220,000 tasks for a page of 20.
-- This one holds only live tasks, in the list's own order, so a page is an index range.
CREATE INDEX tasks_live_list ON tasks(day DESC, position, id) WHERE deleted_at IS NULL;
