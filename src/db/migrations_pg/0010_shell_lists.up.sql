-- Lists from the shell (issue 12).
--
-- `worklog list tasks` reads the newest days first, a day's tasks in their order: this index
-- holds only live tasks, in the list's own order, so a page is an index range.
CREATE INDEX tasks_live_list ON tasks(day DESC, position, id) WHERE deleted_at IS NULL;

-- `worklog undo` finds the newest removal and brings back the rows that share its stamp.
-- Deleted rows are few: these indexes hold only them, so neither step reads a whole table.
CREATE INDEX tasks_deleted ON tasks(deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX learnings_deleted ON learnings(deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX skills_deleted ON skills(deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX meetings_deleted ON meetings(deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX action_items_deleted ON action_items(deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX goals_deleted ON goals(deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX feedback_deleted ON feedback(deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX energy_checkins_deleted ON energy_checkins(deleted_at)
    WHERE deleted_at IS NOT NULL;

UPDATE worklog_version SET version = 10;
