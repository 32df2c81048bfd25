-- Undo of 0013_history.
DO $$
DECLARE
    fk record;
BEGIN
    FOR fk IN
        SELECT conrelid::regclass AS tbl, conname FROM pg_constraint
        WHERE contype = 'f' AND connamespace = current_schema()::regnamespace
    LOOP
        EXECUTE format('ALTER TABLE %s ALTER CONSTRAINT %I NOT DEFERRABLE', fk.tbl, fk.conname);
    END LOOP;
END
$$;
DROP TRIGGER organizations_history ON organizations;
DROP TRIGGER profile_history ON profile;
DROP TRIGGER people_history ON people;
DROP TRIGGER tags_history ON tags;
DROP TRIGGER goals_history ON goals;
DROP TRIGGER goal_milestones_history ON goal_milestones;
DROP TRIGGER tasks_history ON tasks;
DROP TRIGGER task_carries_history ON task_carries;
DROP TRIGGER learnings_history ON learnings;
DROP TRIGGER skills_history ON skills;
DROP TRIGGER skill_progress_history ON skill_progress;
DROP TRIGGER learning_skills_history ON learning_skills;
DROP TRIGGER meetings_history ON meetings;
DROP TRIGGER meeting_attendees_history ON meeting_attendees;
DROP TRIGGER feedback_history ON feedback;
DROP TRIGGER action_items_history ON action_items;
DROP TRIGGER energy_checkins_history ON energy_checkins;
DROP TRIGGER task_tags_history ON task_tags;
DROP TRIGGER learning_tags_history ON learning_tags;
DROP TRIGGER meeting_tags_history ON meeting_tags;
DROP TRIGGER goal_tags_history ON goal_tags;
DROP TRIGGER feedback_tags_history ON feedback_tags;
DROP TRIGGER skill_tags_history ON skill_tags;
DROP TRIGGER checkin_tags_history ON checkin_tags;
DROP TRIGGER calendar_events_history ON calendar_events;
DROP FUNCTION history_record();
DROP FUNCTION history_key(json, text[]);
DROP FUNCTION history_image(json, text[]);
DROP TABLE history_open;
DROP TABLE history_rows;
DROP TABLE history_changes;

UPDATE worklog_version SET version = 12;
