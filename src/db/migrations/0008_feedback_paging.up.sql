-- Feedback as a paged list (issue 10): the pane reads one window at a time, newest day first,
-- and counts what its direction and person narrowing leaves. These indexes hold only live
-- rows, so a page is an index range (the rowid follows the day) and a count reads the small
-- second index, never the table with its text.
CREATE INDEX feedback_live_day ON feedback(day) WHERE deleted_at IS NULL;
CREATE INDEX feedback_live_who ON feedback(direction, person_id, day) WHERE deleted_at IS NULL;
