-- The history of every change (issue 14). Each write the repository makes is one change:
-- `history_changes` says when, by which session, what kind of operation on which item, in a
-- line; `history_rows` holds every row it touched, as it was before and after (JSON objects
-- of the row's columns; NULL where the row did not exist), keyed by table and primary key
-- (a JSON array). The repository opens a change by putting its id in the one row of
-- `history_open` inside its write transaction, and empties it before commit: the triggers
-- below record only while a change is open, so writes from another client (sqlite3) are
-- neither refused nor attributed to a change.
--
-- The triggers record each touched row's key, with its image before the change (the first
-- write to a row in a change wins: ON CONFLICT DO NOTHING); the repository reads each row as
-- it is at commit for its "after". They are kept short on purpose: SQLite parses the whole
-- schema on every connection, and every `worklog` command is a new connection, so the
-- triggers' text is paid for by every command (images of NEW in the triggers made
-- `worklog add task` a third slower). See src/db/migrations/README.md for how a table made by
-- a later migration joins the history.

CREATE TABLE history_changes (
    id       INTEGER PRIMARY KEY,
    at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    session  TEXT NOT NULL,
    op       TEXT NOT NULL DEFAULT '',
    kind     TEXT NOT NULL DEFAULT '',
    item_id  INTEGER,
    summary  TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX history_changes_at ON history_changes(at);

CREATE INDEX history_changes_item ON history_changes(kind, item_id);

CREATE TABLE history_rows (
    id          INTEGER PRIMARY KEY,
    change_id   INTEGER NOT NULL REFERENCES history_changes(id) ON DELETE CASCADE,
    table_name  TEXT NOT NULL,
    row_key     TEXT NOT NULL,
    before      TEXT,
    after       TEXT,
    CONSTRAINT history_rows_one_per_row UNIQUE (change_id, table_name, row_key)
) STRICT;

CREATE INDEX history_rows_row ON history_rows(table_name, row_key, change_id);

CREATE TABLE history_open (
    id         INTEGER PRIMARY KEY CONSTRAINT history_open_single_row CHECK (id = 1),
    change_id  INTEGER NOT NULL
) STRICT;

CREATE TRIGGER organizations_history_ai AFTER INSERT ON organizations BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key)SELECT change_id,'organizations',json_array(NEW.id) FROM history_open WHERE true ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER organizations_history_au AFTER UPDATE ON organizations BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key,before)SELECT change_id,'organizations',json_array(OLD.id),
 json_object('id',OLD.id,'name',OLD.name,'created_at',OLD.created_at,'updated_at',OLD.updated_at,'version',OLD.version)
 FROM history_open WHERE true ON CONFLICT DO NOTHING;
 INSERT INTO history_rows(change_id,table_name,row_key)SELECT change_id,'organizations',json_array(NEW.id) FROM history_open WHERE NOT(NEW.id IS OLD.id) ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER organizations_history_ad AFTER DELETE ON organizations BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key,before)SELECT change_id,'organizations',json_array(OLD.id),
 json_object('id',OLD.id,'name',OLD.name,'created_at',OLD.created_at,'updated_at',OLD.updated_at,'version',OLD.version)
 FROM history_open WHERE true ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER profile_history_ai AFTER INSERT ON profile BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key)SELECT change_id,'profile',json_array(NEW.id) FROM history_open WHERE true ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER profile_history_au AFTER UPDATE ON profile BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key,before)SELECT change_id,'profile',json_array(OLD.id),
 json_object('id',OLD.id,'name',OLD.name,'role',OLD.role,'organization_id',OLD.organization_id,'created_at',OLD.created_at,'updated_at',OLD.updated_at,'version',OLD.version)
 FROM history_open WHERE true ON CONFLICT DO NOTHING;
 INSERT INTO history_rows(change_id,table_name,row_key)SELECT change_id,'profile',json_array(NEW.id) FROM history_open WHERE NOT(NEW.id IS OLD.id) ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER profile_history_ad AFTER DELETE ON profile BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key,before)SELECT change_id,'profile',json_array(OLD.id),
 json_object('id',OLD.id,'name',OLD.name,'role',OLD.role,'organization_id',OLD.organization_id,'created_at',OLD.created_at,'updated_at',OLD.updated_at,'version',OLD.version)
 FROM history_open WHERE true ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER people_history_ai AFTER INSERT ON people BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key)SELECT change_id,'people',json_array(NEW.id) FROM history_open WHERE true ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER people_history_au AFTER UPDATE ON people BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key,before)SELECT change_id,'people',json_array(OLD.id),
 json_object('id',OLD.id,'name',OLD.name,'organization_id',OLD.organization_id,'role',OLD.role,'email',OLD.email,'notes',OLD.notes,'created_at',OLD.created_at,'updated_at',OLD.updated_at,'version',OLD.version,'name_key',OLD.name_key)
 FROM history_open WHERE true ON CONFLICT DO NOTHING;
 INSERT INTO history_rows(change_id,table_name,row_key)SELECT change_id,'people',json_array(NEW.id) FROM history_open WHERE NOT(NEW.id IS OLD.id) ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER people_history_ad AFTER DELETE ON people BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key,before)SELECT change_id,'people',json_array(OLD.id),
 json_object('id',OLD.id,'name',OLD.name,'organization_id',OLD.organization_id,'role',OLD.role,'email',OLD.email,'notes',OLD.notes,'created_at',OLD.created_at,'updated_at',OLD.updated_at,'version',OLD.version,'name_key',OLD.name_key)
 FROM history_open WHERE true ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER tags_history_ai AFTER INSERT ON tags BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key)SELECT change_id,'tags',json_array(NEW.id) FROM history_open WHERE true ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER tags_history_au AFTER UPDATE ON tags BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key,before)SELECT change_id,'tags',json_array(OLD.id),
 json_object('id',OLD.id,'name',OLD.name,'created_at',OLD.created_at,'updated_at',OLD.updated_at,'version',OLD.version,'name_key',OLD.name_key)
 FROM history_open WHERE true ON CONFLICT DO NOTHING;
 INSERT INTO history_rows(change_id,table_name,row_key)SELECT change_id,'tags',json_array(NEW.id) FROM history_open WHERE NOT(NEW.id IS OLD.id) ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER tags_history_ad AFTER DELETE ON tags BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key,before)SELECT change_id,'tags',json_array(OLD.id),
 json_object('id',OLD.id,'name',OLD.name,'created_at',OLD.created_at,'updated_at',OLD.updated_at,'version',OLD.version,'name_key',OLD.name_key)
 FROM history_open WHERE true ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER goals_history_ai AFTER INSERT ON goals BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key)SELECT change_id,'goals',json_array(NEW.id) FROM history_open WHERE true ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER goals_history_au AFTER UPDATE ON goals BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key,before)SELECT change_id,'goals',json_array(OLD.id),
 json_object('id',OLD.id,'parent_id',OLD.parent_id,'organization_id',OLD.organization_id,'title',OLD.title,'description',OLD.description,'status',OLD.status,'target_date',OLD.target_date,'done_on',OLD.done_on,'position',OLD.position,'created_at',OLD.created_at,'updated_at',OLD.updated_at,'deleted_at',OLD.deleted_at,'version',OLD.version)
 FROM history_open WHERE true ON CONFLICT DO NOTHING;
 INSERT INTO history_rows(change_id,table_name,row_key)SELECT change_id,'goals',json_array(NEW.id) FROM history_open WHERE NOT(NEW.id IS OLD.id) ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER goals_history_ad AFTER DELETE ON goals BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key,before)SELECT change_id,'goals',json_array(OLD.id),
 json_object('id',OLD.id,'parent_id',OLD.parent_id,'organization_id',OLD.organization_id,'title',OLD.title,'description',OLD.description,'status',OLD.status,'target_date',OLD.target_date,'done_on',OLD.done_on,'position',OLD.position,'created_at',OLD.created_at,'updated_at',OLD.updated_at,'deleted_at',OLD.deleted_at,'version',OLD.version)
 FROM history_open WHERE true ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER goal_milestones_history_ai AFTER INSERT ON goal_milestones BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key)SELECT change_id,'goal_milestones',json_array(NEW.id) FROM history_open WHERE true ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER goal_milestones_history_au AFTER UPDATE ON goal_milestones BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key,before)SELECT change_id,'goal_milestones',json_array(OLD.id),
 json_object('id',OLD.id,'goal_id',OLD.goal_id,'title',OLD.title,'due_date',OLD.due_date,'done_on',OLD.done_on,'position',OLD.position,'created_at',OLD.created_at,'updated_at',OLD.updated_at,'version',OLD.version)
 FROM history_open WHERE true ON CONFLICT DO NOTHING;
 INSERT INTO history_rows(change_id,table_name,row_key)SELECT change_id,'goal_milestones',json_array(NEW.id) FROM history_open WHERE NOT(NEW.id IS OLD.id) ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER goal_milestones_history_ad AFTER DELETE ON goal_milestones BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key,before)SELECT change_id,'goal_milestones',json_array(OLD.id),
 json_object('id',OLD.id,'goal_id',OLD.goal_id,'title',OLD.title,'due_date',OLD.due_date,'done_on',OLD.done_on,'position',OLD.position,'created_at',OLD.created_at,'updated_at',OLD.updated_at,'version',OLD.version)
 FROM history_open WHERE true ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER tasks_history_ai AFTER INSERT ON tasks BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key)SELECT change_id,'tasks',json_array(NEW.id) FROM history_open WHERE true ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER tasks_history_au AFTER UPDATE ON tasks BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key,before)SELECT change_id,'tasks',json_array(OLD.id),
 json_object('id',OLD.id,'day',OLD.day,'first_day',OLD.first_day,'title',OLD.title,'notes',OLD.notes,'status',OLD.status,'priority',OLD.priority,'estimate_minutes',OLD.estimate_minutes,'goal_id',OLD.goal_id,'position',OLD.position,'carry_count',OLD.carry_count,'done_at',OLD.done_at,'created_at',OLD.created_at,'updated_at',OLD.updated_at,'deleted_at',OLD.deleted_at,'version',OLD.version)
 FROM history_open WHERE true ON CONFLICT DO NOTHING;
 INSERT INTO history_rows(change_id,table_name,row_key)SELECT change_id,'tasks',json_array(NEW.id) FROM history_open WHERE NOT(NEW.id IS OLD.id) ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER tasks_history_ad AFTER DELETE ON tasks BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key,before)SELECT change_id,'tasks',json_array(OLD.id),
 json_object('id',OLD.id,'day',OLD.day,'first_day',OLD.first_day,'title',OLD.title,'notes',OLD.notes,'status',OLD.status,'priority',OLD.priority,'estimate_minutes',OLD.estimate_minutes,'goal_id',OLD.goal_id,'position',OLD.position,'carry_count',OLD.carry_count,'done_at',OLD.done_at,'created_at',OLD.created_at,'updated_at',OLD.updated_at,'deleted_at',OLD.deleted_at,'version',OLD.version)
 FROM history_open WHERE true ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER task_carries_history_ai AFTER INSERT ON task_carries BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key)SELECT change_id,'task_carries',json_array(NEW.id) FROM history_open WHERE true ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER task_carries_history_au AFTER UPDATE ON task_carries BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key,before)SELECT change_id,'task_carries',json_array(OLD.id),
 json_object('id',OLD.id,'task_id',OLD.task_id,'from_day',OLD.from_day,'to_day',OLD.to_day,'created_at',OLD.created_at,'updated_at',OLD.updated_at)
 FROM history_open WHERE true ON CONFLICT DO NOTHING;
 INSERT INTO history_rows(change_id,table_name,row_key)SELECT change_id,'task_carries',json_array(NEW.id) FROM history_open WHERE NOT(NEW.id IS OLD.id) ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER task_carries_history_ad AFTER DELETE ON task_carries BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key,before)SELECT change_id,'task_carries',json_array(OLD.id),
 json_object('id',OLD.id,'task_id',OLD.task_id,'from_day',OLD.from_day,'to_day',OLD.to_day,'created_at',OLD.created_at,'updated_at',OLD.updated_at)
 FROM history_open WHERE true ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER learnings_history_ai AFTER INSERT ON learnings BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key)SELECT change_id,'learnings',json_array(NEW.id) FROM history_open WHERE true ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER learnings_history_au AFTER UPDATE ON learnings BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key,before)SELECT change_id,'learnings',json_array(OLD.id),
 json_object('id',OLD.id,'at',OLD.at,'title',OLD.title,'body',OLD.body,'starred',OLD.starred,'created_at',OLD.created_at,'updated_at',OLD.updated_at,'deleted_at',OLD.deleted_at,'version',OLD.version)
 FROM history_open WHERE true ON CONFLICT DO NOTHING;
 INSERT INTO history_rows(change_id,table_name,row_key)SELECT change_id,'learnings',json_array(NEW.id) FROM history_open WHERE NOT(NEW.id IS OLD.id) ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER learnings_history_ad AFTER DELETE ON learnings BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key,before)SELECT change_id,'learnings',json_array(OLD.id),
 json_object('id',OLD.id,'at',OLD.at,'title',OLD.title,'body',OLD.body,'starred',OLD.starred,'created_at',OLD.created_at,'updated_at',OLD.updated_at,'deleted_at',OLD.deleted_at,'version',OLD.version)
 FROM history_open WHERE true ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER skills_history_ai AFTER INSERT ON skills BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key)SELECT change_id,'skills',json_array(NEW.id) FROM history_open WHERE true ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER skills_history_au AFTER UPDATE ON skills BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key,before)SELECT change_id,'skills',json_array(OLD.id),
 json_object('id',OLD.id,'name',OLD.name,'category',OLD.category,'description',OLD.description,'target_level',OLD.target_level,'organization_id',OLD.organization_id,'created_at',OLD.created_at,'updated_at',OLD.updated_at,'deleted_at',OLD.deleted_at,'version',OLD.version)
 FROM history_open WHERE true ON CONFLICT DO NOTHING;
 INSERT INTO history_rows(change_id,table_name,row_key)SELECT change_id,'skills',json_array(NEW.id) FROM history_open WHERE NOT(NEW.id IS OLD.id) ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER skills_history_ad AFTER DELETE ON skills BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key,before)SELECT change_id,'skills',json_array(OLD.id),
 json_object('id',OLD.id,'name',OLD.name,'category',OLD.category,'description',OLD.description,'target_level',OLD.target_level,'organization_id',OLD.organization_id,'created_at',OLD.created_at,'updated_at',OLD.updated_at,'deleted_at',OLD.deleted_at,'version',OLD.version)
 FROM history_open WHERE true ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER skill_progress_history_ai AFTER INSERT ON skill_progress BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key)SELECT change_id,'skill_progress',json_array(NEW.id) FROM history_open WHERE true ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER skill_progress_history_au AFTER UPDATE ON skill_progress BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key,before)SELECT change_id,'skill_progress',json_array(OLD.id),
 json_object('id',OLD.id,'skill_id',OLD.skill_id,'level',OLD.level,'assessed_on',OLD.assessed_on,'note',OLD.note,'created_at',OLD.created_at,'updated_at',OLD.updated_at)
 FROM history_open WHERE true ON CONFLICT DO NOTHING;
 INSERT INTO history_rows(change_id,table_name,row_key)SELECT change_id,'skill_progress',json_array(NEW.id) FROM history_open WHERE NOT(NEW.id IS OLD.id) ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER skill_progress_history_ad AFTER DELETE ON skill_progress BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key,before)SELECT change_id,'skill_progress',json_array(OLD.id),
 json_object('id',OLD.id,'skill_id',OLD.skill_id,'level',OLD.level,'assessed_on',OLD.assessed_on,'note',OLD.note,'created_at',OLD.created_at,'updated_at',OLD.updated_at)
 FROM history_open WHERE true ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER learning_skills_history_ai AFTER INSERT ON learning_skills BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key)SELECT change_id,'learning_skills',json_array(NEW.learning_id,NEW.skill_id) FROM history_open WHERE true ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER learning_skills_history_au AFTER UPDATE ON learning_skills BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key,before)SELECT change_id,'learning_skills',json_array(OLD.learning_id,OLD.skill_id),
 json_object('learning_id',OLD.learning_id,'skill_id',OLD.skill_id,'created_at',OLD.created_at,'updated_at',OLD.updated_at)
 FROM history_open WHERE true ON CONFLICT DO NOTHING;
 INSERT INTO history_rows(change_id,table_name,row_key)SELECT change_id,'learning_skills',json_array(NEW.learning_id,NEW.skill_id) FROM history_open WHERE NOT(NEW.learning_id IS OLD.learning_id AND NEW.skill_id IS OLD.skill_id) ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER learning_skills_history_ad AFTER DELETE ON learning_skills BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key,before)SELECT change_id,'learning_skills',json_array(OLD.learning_id,OLD.skill_id),
 json_object('learning_id',OLD.learning_id,'skill_id',OLD.skill_id,'created_at',OLD.created_at,'updated_at',OLD.updated_at)
 FROM history_open WHERE true ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER meetings_history_ai AFTER INSERT ON meetings BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key)SELECT change_id,'meetings',json_array(NEW.id) FROM history_open WHERE true ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER meetings_history_au AFTER UPDATE ON meetings BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key,before)SELECT change_id,'meetings',json_array(OLD.id),
 json_object('id',OLD.id,'starts_at',OLD.starts_at,'duration_minutes',OLD.duration_minutes,'title',OLD.title,'kind',OLD.kind,'notes',OLD.notes,'created_at',OLD.created_at,'updated_at',OLD.updated_at,'deleted_at',OLD.deleted_at,'version',OLD.version)
 FROM history_open WHERE true ON CONFLICT DO NOTHING;
 INSERT INTO history_rows(change_id,table_name,row_key)SELECT change_id,'meetings',json_array(NEW.id) FROM history_open WHERE NOT(NEW.id IS OLD.id) ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER meetings_history_ad AFTER DELETE ON meetings BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key,before)SELECT change_id,'meetings',json_array(OLD.id),
 json_object('id',OLD.id,'starts_at',OLD.starts_at,'duration_minutes',OLD.duration_minutes,'title',OLD.title,'kind',OLD.kind,'notes',OLD.notes,'created_at',OLD.created_at,'updated_at',OLD.updated_at,'deleted_at',OLD.deleted_at,'version',OLD.version)
 FROM history_open WHERE true ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER meeting_attendees_history_ai AFTER INSERT ON meeting_attendees BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key)SELECT change_id,'meeting_attendees',json_array(NEW.meeting_id,NEW.person_id) FROM history_open WHERE true ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER meeting_attendees_history_au AFTER UPDATE ON meeting_attendees BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key,before)SELECT change_id,'meeting_attendees',json_array(OLD.meeting_id,OLD.person_id),
 json_object('meeting_id',OLD.meeting_id,'person_id',OLD.person_id,'created_at',OLD.created_at,'updated_at',OLD.updated_at)
 FROM history_open WHERE true ON CONFLICT DO NOTHING;
 INSERT INTO history_rows(change_id,table_name,row_key)SELECT change_id,'meeting_attendees',json_array(NEW.meeting_id,NEW.person_id) FROM history_open WHERE NOT(NEW.meeting_id IS OLD.meeting_id AND NEW.person_id IS OLD.person_id) ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER meeting_attendees_history_ad AFTER DELETE ON meeting_attendees BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key,before)SELECT change_id,'meeting_attendees',json_array(OLD.meeting_id,OLD.person_id),
 json_object('meeting_id',OLD.meeting_id,'person_id',OLD.person_id,'created_at',OLD.created_at,'updated_at',OLD.updated_at)
 FROM history_open WHERE true ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER feedback_history_ai AFTER INSERT ON feedback BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key)SELECT change_id,'feedback',json_array(NEW.id) FROM history_open WHERE true ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER feedback_history_au AFTER UPDATE ON feedback BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key,before)SELECT change_id,'feedback',json_array(OLD.id),
 json_object('id',OLD.id,'direction',OLD.direction,'person_id',OLD.person_id,'day',OLD.day,'kind',OLD.kind,'content',OLD.content,'meeting_id',OLD.meeting_id,'created_at',OLD.created_at,'updated_at',OLD.updated_at,'deleted_at',OLD.deleted_at,'version',OLD.version)
 FROM history_open WHERE true ON CONFLICT DO NOTHING;
 INSERT INTO history_rows(change_id,table_name,row_key)SELECT change_id,'feedback',json_array(NEW.id) FROM history_open WHERE NOT(NEW.id IS OLD.id) ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER feedback_history_ad AFTER DELETE ON feedback BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key,before)SELECT change_id,'feedback',json_array(OLD.id),
 json_object('id',OLD.id,'direction',OLD.direction,'person_id',OLD.person_id,'day',OLD.day,'kind',OLD.kind,'content',OLD.content,'meeting_id',OLD.meeting_id,'created_at',OLD.created_at,'updated_at',OLD.updated_at,'deleted_at',OLD.deleted_at,'version',OLD.version)
 FROM history_open WHERE true ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER action_items_history_ai AFTER INSERT ON action_items BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key)SELECT change_id,'action_items',json_array(NEW.id) FROM history_open WHERE true ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER action_items_history_au AFTER UPDATE ON action_items BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key,before)SELECT change_id,'action_items',json_array(OLD.id),
 json_object('id',OLD.id,'title',OLD.title,'meeting_id',OLD.meeting_id,'feedback_id',OLD.feedback_id,'owner_id',OLD.owner_id,'due_date',OLD.due_date,'done_at',OLD.done_at,'task_id',OLD.task_id,'created_at',OLD.created_at,'updated_at',OLD.updated_at,'deleted_at',OLD.deleted_at,'version',OLD.version)
 FROM history_open WHERE true ON CONFLICT DO NOTHING;
 INSERT INTO history_rows(change_id,table_name,row_key)SELECT change_id,'action_items',json_array(NEW.id) FROM history_open WHERE NOT(NEW.id IS OLD.id) ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER action_items_history_ad AFTER DELETE ON action_items BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key,before)SELECT change_id,'action_items',json_array(OLD.id),
 json_object('id',OLD.id,'title',OLD.title,'meeting_id',OLD.meeting_id,'feedback_id',OLD.feedback_id,'owner_id',OLD.owner_id,'due_date',OLD.due_date,'done_at',OLD.done_at,'task_id',OLD.task_id,'created_at',OLD.created_at,'updated_at',OLD.updated_at,'deleted_at',OLD.deleted_at,'version',OLD.version)
 FROM history_open WHERE true ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER energy_checkins_history_ai AFTER INSERT ON energy_checkins BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key)SELECT change_id,'energy_checkins',json_array(NEW.id) FROM history_open WHERE true ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER energy_checkins_history_au AFTER UPDATE ON energy_checkins BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key,before)SELECT change_id,'energy_checkins',json_array(OLD.id),
 json_object('id',OLD.id,'at',OLD.at,'level',OLD.level,'note',OLD.note,'created_at',OLD.created_at,'updated_at',OLD.updated_at,'deleted_at',OLD.deleted_at,'version',OLD.version)
 FROM history_open WHERE true ON CONFLICT DO NOTHING;
 INSERT INTO history_rows(change_id,table_name,row_key)SELECT change_id,'energy_checkins',json_array(NEW.id) FROM history_open WHERE NOT(NEW.id IS OLD.id) ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER energy_checkins_history_ad AFTER DELETE ON energy_checkins BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key,before)SELECT change_id,'energy_checkins',json_array(OLD.id),
 json_object('id',OLD.id,'at',OLD.at,'level',OLD.level,'note',OLD.note,'created_at',OLD.created_at,'updated_at',OLD.updated_at,'deleted_at',OLD.deleted_at,'version',OLD.version)
 FROM history_open WHERE true ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER task_tags_history_ai AFTER INSERT ON task_tags BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key)SELECT change_id,'task_tags',json_array(NEW.task_id,NEW.tag_id) FROM history_open WHERE true ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER task_tags_history_au AFTER UPDATE ON task_tags BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key,before)SELECT change_id,'task_tags',json_array(OLD.task_id,OLD.tag_id),
 json_object('task_id',OLD.task_id,'tag_id',OLD.tag_id,'created_at',OLD.created_at,'updated_at',OLD.updated_at)
 FROM history_open WHERE true ON CONFLICT DO NOTHING;
 INSERT INTO history_rows(change_id,table_name,row_key)SELECT change_id,'task_tags',json_array(NEW.task_id,NEW.tag_id) FROM history_open WHERE NOT(NEW.task_id IS OLD.task_id AND NEW.tag_id IS OLD.tag_id) ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER task_tags_history_ad AFTER DELETE ON task_tags BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key,before)SELECT change_id,'task_tags',json_array(OLD.task_id,OLD.tag_id),
 json_object('task_id',OLD.task_id,'tag_id',OLD.tag_id,'created_at',OLD.created_at,'updated_at',OLD.updated_at)
 FROM history_open WHERE true ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER learning_tags_history_ai AFTER INSERT ON learning_tags BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key)SELECT change_id,'learning_tags',json_array(NEW.learning_id,NEW.tag_id) FROM history_open WHERE true ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER learning_tags_history_au AFTER UPDATE ON learning_tags BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key,before)SELECT change_id,'learning_tags',json_array(OLD.learning_id,OLD.tag_id),
 json_object('learning_id',OLD.learning_id,'tag_id',OLD.tag_id,'created_at',OLD.created_at,'updated_at',OLD.updated_at)
 FROM history_open WHERE true ON CONFLICT DO NOTHING;
 INSERT INTO history_rows(change_id,table_name,row_key)SELECT change_id,'learning_tags',json_array(NEW.learning_id,NEW.tag_id) FROM history_open WHERE NOT(NEW.learning_id IS OLD.learning_id AND NEW.tag_id IS OLD.tag_id) ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER learning_tags_history_ad AFTER DELETE ON learning_tags BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key,before)SELECT change_id,'learning_tags',json_array(OLD.learning_id,OLD.tag_id),
 json_object('learning_id',OLD.learning_id,'tag_id',OLD.tag_id,'created_at',OLD.created_at,'updated_at',OLD.updated_at)
 FROM history_open WHERE true ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER meeting_tags_history_ai AFTER INSERT ON meeting_tags BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key)SELECT change_id,'meeting_tags',json_array(NEW.meeting_id,NEW.tag_id) FROM history_open WHERE true ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER meeting_tags_history_au AFTER UPDATE ON meeting_tags BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key,before)SELECT change_id,'meeting_tags',json_array(OLD.meeting_id,OLD.tag_id),
 json_object('meeting_id',OLD.meeting_id,'tag_id',OLD.tag_id,'created_at',OLD.created_at,'updated_at',OLD.updated_at)
 FROM history_open WHERE true ON CONFLICT DO NOTHING;
 INSERT INTO history_rows(change_id,table_name,row_key)SELECT change_id,'meeting_tags',json_array(NEW.meeting_id,NEW.tag_id) FROM history_open WHERE NOT(NEW.meeting_id IS OLD.meeting_id AND NEW.tag_id IS OLD.tag_id) ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER meeting_tags_history_ad AFTER DELETE ON meeting_tags BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key,before)SELECT change_id,'meeting_tags',json_array(OLD.meeting_id,OLD.tag_id),
 json_object('meeting_id',OLD.meeting_id,'tag_id',OLD.tag_id,'created_at',OLD.created_at,'updated_at',OLD.updated_at)
 FROM history_open WHERE true ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER goal_tags_history_ai AFTER INSERT ON goal_tags BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key)SELECT change_id,'goal_tags',json_array(NEW.goal_id,NEW.tag_id) FROM history_open WHERE true ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER goal_tags_history_au AFTER UPDATE ON goal_tags BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key,before)SELECT change_id,'goal_tags',json_array(OLD.goal_id,OLD.tag_id),
 json_object('goal_id',OLD.goal_id,'tag_id',OLD.tag_id,'created_at',OLD.created_at,'updated_at',OLD.updated_at)
 FROM history_open WHERE true ON CONFLICT DO NOTHING;
 INSERT INTO history_rows(change_id,table_name,row_key)SELECT change_id,'goal_tags',json_array(NEW.goal_id,NEW.tag_id) FROM history_open WHERE NOT(NEW.goal_id IS OLD.goal_id AND NEW.tag_id IS OLD.tag_id) ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER goal_tags_history_ad AFTER DELETE ON goal_tags BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key,before)SELECT change_id,'goal_tags',json_array(OLD.goal_id,OLD.tag_id),
 json_object('goal_id',OLD.goal_id,'tag_id',OLD.tag_id,'created_at',OLD.created_at,'updated_at',OLD.updated_at)
 FROM history_open WHERE true ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER feedback_tags_history_ai AFTER INSERT ON feedback_tags BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key)SELECT change_id,'feedback_tags',json_array(NEW.feedback_id,NEW.tag_id) FROM history_open WHERE true ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER feedback_tags_history_au AFTER UPDATE ON feedback_tags BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key,before)SELECT change_id,'feedback_tags',json_array(OLD.feedback_id,OLD.tag_id),
 json_object('feedback_id',OLD.feedback_id,'tag_id',OLD.tag_id,'created_at',OLD.created_at,'updated_at',OLD.updated_at)
 FROM history_open WHERE true ON CONFLICT DO NOTHING;
 INSERT INTO history_rows(change_id,table_name,row_key)SELECT change_id,'feedback_tags',json_array(NEW.feedback_id,NEW.tag_id) FROM history_open WHERE NOT(NEW.feedback_id IS OLD.feedback_id AND NEW.tag_id IS OLD.tag_id) ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER feedback_tags_history_ad AFTER DELETE ON feedback_tags BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key,before)SELECT change_id,'feedback_tags',json_array(OLD.feedback_id,OLD.tag_id),
 json_object('feedback_id',OLD.feedback_id,'tag_id',OLD.tag_id,'created_at',OLD.created_at,'updated_at',OLD.updated_at)
 FROM history_open WHERE true ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER skill_tags_history_ai AFTER INSERT ON skill_tags BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key)SELECT change_id,'skill_tags',json_array(NEW.skill_id,NEW.tag_id) FROM history_open WHERE true ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER skill_tags_history_au AFTER UPDATE ON skill_tags BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key,before)SELECT change_id,'skill_tags',json_array(OLD.skill_id,OLD.tag_id),
 json_object('skill_id',OLD.skill_id,'tag_id',OLD.tag_id,'created_at',OLD.created_at,'updated_at',OLD.updated_at)
 FROM history_open WHERE true ON CONFLICT DO NOTHING;
 INSERT INTO history_rows(change_id,table_name,row_key)SELECT change_id,'skill_tags',json_array(NEW.skill_id,NEW.tag_id) FROM history_open WHERE NOT(NEW.skill_id IS OLD.skill_id AND NEW.tag_id IS OLD.tag_id) ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER skill_tags_history_ad AFTER DELETE ON skill_tags BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key,before)SELECT change_id,'skill_tags',json_array(OLD.skill_id,OLD.tag_id),
 json_object('skill_id',OLD.skill_id,'tag_id',OLD.tag_id,'created_at',OLD.created_at,'updated_at',OLD.updated_at)
 FROM history_open WHERE true ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER checkin_tags_history_ai AFTER INSERT ON checkin_tags BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key)SELECT change_id,'checkin_tags',json_array(NEW.checkin_id,NEW.tag_id) FROM history_open WHERE true ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER checkin_tags_history_au AFTER UPDATE ON checkin_tags BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key,before)SELECT change_id,'checkin_tags',json_array(OLD.checkin_id,OLD.tag_id),
 json_object('checkin_id',OLD.checkin_id,'tag_id',OLD.tag_id,'created_at',OLD.created_at,'updated_at',OLD.updated_at)
 FROM history_open WHERE true ON CONFLICT DO NOTHING;
 INSERT INTO history_rows(change_id,table_name,row_key)SELECT change_id,'checkin_tags',json_array(NEW.checkin_id,NEW.tag_id) FROM history_open WHERE NOT(NEW.checkin_id IS OLD.checkin_id AND NEW.tag_id IS OLD.tag_id) ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER checkin_tags_history_ad AFTER DELETE ON checkin_tags BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key,before)SELECT change_id,'checkin_tags',json_array(OLD.checkin_id,OLD.tag_id),
 json_object('checkin_id',OLD.checkin_id,'tag_id',OLD.tag_id,'created_at',OLD.created_at,'updated_at',OLD.updated_at)
 FROM history_open WHERE true ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER calendar_events_history_ai AFTER INSERT ON calendar_events BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key)SELECT change_id,'calendar_events',json_array(NEW.id) FROM history_open WHERE true ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER calendar_events_history_au AFTER UPDATE ON calendar_events BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key,before)SELECT change_id,'calendar_events',json_array(OLD.id),
 json_object('id',OLD.id,'meeting_id',OLD.meeting_id,'source',OLD.source,'uid',OLD.uid,'occurrence',OLD.occurrence,'recurring',OLD.recurring,'location',OLD.location,'status',OLD.status,'fingerprint',OLD.fingerprint,'synced_at',OLD.synced_at,'created_at',OLD.created_at,'updated_at',OLD.updated_at,'calendar',OLD.calendar,'calendar_name',OLD.calendar_name)
 FROM history_open WHERE true ON CONFLICT DO NOTHING;
 INSERT INTO history_rows(change_id,table_name,row_key)SELECT change_id,'calendar_events',json_array(NEW.id) FROM history_open WHERE NOT(NEW.id IS OLD.id) ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER calendar_events_history_ad AFTER DELETE ON calendar_events BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key,before)SELECT change_id,'calendar_events',json_array(OLD.id),
 json_object('id',OLD.id,'meeting_id',OLD.meeting_id,'source',OLD.source,'uid',OLD.uid,'occurrence',OLD.occurrence,'recurring',OLD.recurring,'location',OLD.location,'status',OLD.status,'fingerprint',OLD.fingerprint,'synced_at',OLD.synced_at,'created_at',OLD.created_at,'updated_at',OLD.updated_at,'calendar',OLD.calendar,'calendar_name',OLD.calendar_name)
 FROM history_open WHERE true ON CONFLICT DO NOTHING;
END;
