-- Feedback as a paged list (issue 10): the pane reads one window at a time, newest day first,
-- and counts what its direction and person narrowing leaves. These indexes hold only live rows.
CREATE INDEX feedback_live_day ON feedback(day) WHERE deleted_at IS NULL;
CREATE INDEX feedback_live_who ON feedback(direction, person_id, day) WHERE deleted_at IS NULL;

UPDATE worklog_version SET version = 8;
