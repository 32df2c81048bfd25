-- The history of every change (issue 14). Each write the repository makes is one change:
-- `history_changes` says when, by which session, what kind of operation on which item, in a
-- line; `history_rows` holds every row it touched, as it was before and after (JSON objects
-- of the row's columns; NULL where the row did not exist), keyed by table and primary key
-- (a JSON array). The repository opens a change by putting its id in the one row of
-- `history_open` inside its write transaction, and empties it before commit: the triggers
-- below record only while a change is open, so writes from another client (sqlite3) are
-- neither refused nor attributed to a change. Several writes to one row in one change keep
-- the first "before" and the last "after". See src/db/migrations/README.md for how a table
-- made by a later migration joins the history.

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

CREATE TRIGGER organizations_history_ai AFTER INSERT ON organizations WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'organizations', json_array(NEW.id), NULL,
            json_object('id', NEW.id, 'name', NEW.name, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'version', NEW.version)
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER organizations_history_au AFTER UPDATE ON organizations WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'organizations', json_array(OLD.id),
            json_object('id', OLD.id, 'name', OLD.name, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'version', OLD.version),
            CASE WHEN NEW.id IS OLD.id THEN json_object('id', NEW.id, 'name', NEW.name, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'version', NEW.version) END
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'organizations', json_array(NEW.id), NULL,
            json_object('id', NEW.id, 'name', NEW.name, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'version', NEW.version)
        FROM history_open WHERE NOT (NEW.id IS OLD.id)
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER organizations_history_ad AFTER DELETE ON organizations WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'organizations', json_array(OLD.id),
            json_object('id', OLD.id, 'name', OLD.name, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'version', OLD.version), NULL
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER profile_history_ai AFTER INSERT ON profile WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'profile', json_array(NEW.id), NULL,
            json_object('id', NEW.id, 'name', NEW.name, 'role', NEW.role, 'organization_id', NEW.organization_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'version', NEW.version)
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER profile_history_au AFTER UPDATE ON profile WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'profile', json_array(OLD.id),
            json_object('id', OLD.id, 'name', OLD.name, 'role', OLD.role, 'organization_id', OLD.organization_id, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'version', OLD.version),
            CASE WHEN NEW.id IS OLD.id THEN json_object('id', NEW.id, 'name', NEW.name, 'role', NEW.role, 'organization_id', NEW.organization_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'version', NEW.version) END
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'profile', json_array(NEW.id), NULL,
            json_object('id', NEW.id, 'name', NEW.name, 'role', NEW.role, 'organization_id', NEW.organization_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'version', NEW.version)
        FROM history_open WHERE NOT (NEW.id IS OLD.id)
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER profile_history_ad AFTER DELETE ON profile WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'profile', json_array(OLD.id),
            json_object('id', OLD.id, 'name', OLD.name, 'role', OLD.role, 'organization_id', OLD.organization_id, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'version', OLD.version), NULL
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER people_history_ai AFTER INSERT ON people WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'people', json_array(NEW.id), NULL,
            json_object('id', NEW.id, 'name', NEW.name, 'organization_id', NEW.organization_id, 'role', NEW.role, 'email', NEW.email, 'notes', NEW.notes, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'version', NEW.version, 'name_key', NEW.name_key)
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER people_history_au AFTER UPDATE ON people WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'people', json_array(OLD.id),
            json_object('id', OLD.id, 'name', OLD.name, 'organization_id', OLD.organization_id, 'role', OLD.role, 'email', OLD.email, 'notes', OLD.notes, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'version', OLD.version, 'name_key', OLD.name_key),
            CASE WHEN NEW.id IS OLD.id THEN json_object('id', NEW.id, 'name', NEW.name, 'organization_id', NEW.organization_id, 'role', NEW.role, 'email', NEW.email, 'notes', NEW.notes, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'version', NEW.version, 'name_key', NEW.name_key) END
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'people', json_array(NEW.id), NULL,
            json_object('id', NEW.id, 'name', NEW.name, 'organization_id', NEW.organization_id, 'role', NEW.role, 'email', NEW.email, 'notes', NEW.notes, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'version', NEW.version, 'name_key', NEW.name_key)
        FROM history_open WHERE NOT (NEW.id IS OLD.id)
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER people_history_ad AFTER DELETE ON people WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'people', json_array(OLD.id),
            json_object('id', OLD.id, 'name', OLD.name, 'organization_id', OLD.organization_id, 'role', OLD.role, 'email', OLD.email, 'notes', OLD.notes, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'version', OLD.version, 'name_key', OLD.name_key), NULL
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER tags_history_ai AFTER INSERT ON tags WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'tags', json_array(NEW.id), NULL,
            json_object('id', NEW.id, 'name', NEW.name, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'version', NEW.version, 'name_key', NEW.name_key)
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER tags_history_au AFTER UPDATE ON tags WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'tags', json_array(OLD.id),
            json_object('id', OLD.id, 'name', OLD.name, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'version', OLD.version, 'name_key', OLD.name_key),
            CASE WHEN NEW.id IS OLD.id THEN json_object('id', NEW.id, 'name', NEW.name, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'version', NEW.version, 'name_key', NEW.name_key) END
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'tags', json_array(NEW.id), NULL,
            json_object('id', NEW.id, 'name', NEW.name, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'version', NEW.version, 'name_key', NEW.name_key)
        FROM history_open WHERE NOT (NEW.id IS OLD.id)
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER tags_history_ad AFTER DELETE ON tags WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'tags', json_array(OLD.id),
            json_object('id', OLD.id, 'name', OLD.name, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'version', OLD.version, 'name_key', OLD.name_key), NULL
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER goals_history_ai AFTER INSERT ON goals WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'goals', json_array(NEW.id), NULL,
            json_object('id', NEW.id, 'parent_id', NEW.parent_id, 'organization_id', NEW.organization_id, 'title', NEW.title, 'description', NEW.description, 'status', NEW.status, 'target_date', NEW.target_date, 'done_on', NEW.done_on, 'position', NEW.position, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'deleted_at', NEW.deleted_at, 'version', NEW.version)
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER goals_history_au AFTER UPDATE ON goals WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'goals', json_array(OLD.id),
            json_object('id', OLD.id, 'parent_id', OLD.parent_id, 'organization_id', OLD.organization_id, 'title', OLD.title, 'description', OLD.description, 'status', OLD.status, 'target_date', OLD.target_date, 'done_on', OLD.done_on, 'position', OLD.position, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'deleted_at', OLD.deleted_at, 'version', OLD.version),
            CASE WHEN NEW.id IS OLD.id THEN json_object('id', NEW.id, 'parent_id', NEW.parent_id, 'organization_id', NEW.organization_id, 'title', NEW.title, 'description', NEW.description, 'status', NEW.status, 'target_date', NEW.target_date, 'done_on', NEW.done_on, 'position', NEW.position, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'deleted_at', NEW.deleted_at, 'version', NEW.version) END
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'goals', json_array(NEW.id), NULL,
            json_object('id', NEW.id, 'parent_id', NEW.parent_id, 'organization_id', NEW.organization_id, 'title', NEW.title, 'description', NEW.description, 'status', NEW.status, 'target_date', NEW.target_date, 'done_on', NEW.done_on, 'position', NEW.position, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'deleted_at', NEW.deleted_at, 'version', NEW.version)
        FROM history_open WHERE NOT (NEW.id IS OLD.id)
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER goals_history_ad AFTER DELETE ON goals WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'goals', json_array(OLD.id),
            json_object('id', OLD.id, 'parent_id', OLD.parent_id, 'organization_id', OLD.organization_id, 'title', OLD.title, 'description', OLD.description, 'status', OLD.status, 'target_date', OLD.target_date, 'done_on', OLD.done_on, 'position', OLD.position, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'deleted_at', OLD.deleted_at, 'version', OLD.version), NULL
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER goal_milestones_history_ai AFTER INSERT ON goal_milestones WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'goal_milestones', json_array(NEW.id), NULL,
            json_object('id', NEW.id, 'goal_id', NEW.goal_id, 'title', NEW.title, 'due_date', NEW.due_date, 'done_on', NEW.done_on, 'position', NEW.position, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'version', NEW.version)
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER goal_milestones_history_au AFTER UPDATE ON goal_milestones WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'goal_milestones', json_array(OLD.id),
            json_object('id', OLD.id, 'goal_id', OLD.goal_id, 'title', OLD.title, 'due_date', OLD.due_date, 'done_on', OLD.done_on, 'position', OLD.position, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'version', OLD.version),
            CASE WHEN NEW.id IS OLD.id THEN json_object('id', NEW.id, 'goal_id', NEW.goal_id, 'title', NEW.title, 'due_date', NEW.due_date, 'done_on', NEW.done_on, 'position', NEW.position, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'version', NEW.version) END
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'goal_milestones', json_array(NEW.id), NULL,
            json_object('id', NEW.id, 'goal_id', NEW.goal_id, 'title', NEW.title, 'due_date', NEW.due_date, 'done_on', NEW.done_on, 'position', NEW.position, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'version', NEW.version)
        FROM history_open WHERE NOT (NEW.id IS OLD.id)
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER goal_milestones_history_ad AFTER DELETE ON goal_milestones WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'goal_milestones', json_array(OLD.id),
            json_object('id', OLD.id, 'goal_id', OLD.goal_id, 'title', OLD.title, 'due_date', OLD.due_date, 'done_on', OLD.done_on, 'position', OLD.position, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'version', OLD.version), NULL
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER tasks_history_ai AFTER INSERT ON tasks WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'tasks', json_array(NEW.id), NULL,
            json_object('id', NEW.id, 'day', NEW.day, 'first_day', NEW.first_day, 'title', NEW.title, 'notes', NEW.notes, 'status', NEW.status, 'priority', NEW.priority, 'estimate_minutes', NEW.estimate_minutes, 'goal_id', NEW.goal_id, 'position', NEW.position, 'carry_count', NEW.carry_count, 'done_at', NEW.done_at, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'deleted_at', NEW.deleted_at, 'version', NEW.version)
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER tasks_history_au AFTER UPDATE ON tasks WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'tasks', json_array(OLD.id),
            json_object('id', OLD.id, 'day', OLD.day, 'first_day', OLD.first_day, 'title', OLD.title, 'notes', OLD.notes, 'status', OLD.status, 'priority', OLD.priority, 'estimate_minutes', OLD.estimate_minutes, 'goal_id', OLD.goal_id, 'position', OLD.position, 'carry_count', OLD.carry_count, 'done_at', OLD.done_at, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'deleted_at', OLD.deleted_at, 'version', OLD.version),
            CASE WHEN NEW.id IS OLD.id THEN json_object('id', NEW.id, 'day', NEW.day, 'first_day', NEW.first_day, 'title', NEW.title, 'notes', NEW.notes, 'status', NEW.status, 'priority', NEW.priority, 'estimate_minutes', NEW.estimate_minutes, 'goal_id', NEW.goal_id, 'position', NEW.position, 'carry_count', NEW.carry_count, 'done_at', NEW.done_at, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'deleted_at', NEW.deleted_at, 'version', NEW.version) END
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'tasks', json_array(NEW.id), NULL,
            json_object('id', NEW.id, 'day', NEW.day, 'first_day', NEW.first_day, 'title', NEW.title, 'notes', NEW.notes, 'status', NEW.status, 'priority', NEW.priority, 'estimate_minutes', NEW.estimate_minutes, 'goal_id', NEW.goal_id, 'position', NEW.position, 'carry_count', NEW.carry_count, 'done_at', NEW.done_at, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'deleted_at', NEW.deleted_at, 'version', NEW.version)
        FROM history_open WHERE NOT (NEW.id IS OLD.id)
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER tasks_history_ad AFTER DELETE ON tasks WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'tasks', json_array(OLD.id),
            json_object('id', OLD.id, 'day', OLD.day, 'first_day', OLD.first_day, 'title', OLD.title, 'notes', OLD.notes, 'status', OLD.status, 'priority', OLD.priority, 'estimate_minutes', OLD.estimate_minutes, 'goal_id', OLD.goal_id, 'position', OLD.position, 'carry_count', OLD.carry_count, 'done_at', OLD.done_at, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'deleted_at', OLD.deleted_at, 'version', OLD.version), NULL
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER task_carries_history_ai AFTER INSERT ON task_carries WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'task_carries', json_array(NEW.id), NULL,
            json_object('id', NEW.id, 'task_id', NEW.task_id, 'from_day', NEW.from_day, 'to_day', NEW.to_day, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at)
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER task_carries_history_au AFTER UPDATE ON task_carries WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'task_carries', json_array(OLD.id),
            json_object('id', OLD.id, 'task_id', OLD.task_id, 'from_day', OLD.from_day, 'to_day', OLD.to_day, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
            CASE WHEN NEW.id IS OLD.id THEN json_object('id', NEW.id, 'task_id', NEW.task_id, 'from_day', NEW.from_day, 'to_day', NEW.to_day, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at) END
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'task_carries', json_array(NEW.id), NULL,
            json_object('id', NEW.id, 'task_id', NEW.task_id, 'from_day', NEW.from_day, 'to_day', NEW.to_day, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at)
        FROM history_open WHERE NOT (NEW.id IS OLD.id)
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER task_carries_history_ad AFTER DELETE ON task_carries WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'task_carries', json_array(OLD.id),
            json_object('id', OLD.id, 'task_id', OLD.task_id, 'from_day', OLD.from_day, 'to_day', OLD.to_day, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at), NULL
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER learnings_history_ai AFTER INSERT ON learnings WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'learnings', json_array(NEW.id), NULL,
            json_object('id', NEW.id, 'at', NEW.at, 'title', NEW.title, 'body', NEW.body, 'starred', NEW.starred, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'deleted_at', NEW.deleted_at, 'version', NEW.version)
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER learnings_history_au AFTER UPDATE ON learnings WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'learnings', json_array(OLD.id),
            json_object('id', OLD.id, 'at', OLD.at, 'title', OLD.title, 'body', OLD.body, 'starred', OLD.starred, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'deleted_at', OLD.deleted_at, 'version', OLD.version),
            CASE WHEN NEW.id IS OLD.id THEN json_object('id', NEW.id, 'at', NEW.at, 'title', NEW.title, 'body', NEW.body, 'starred', NEW.starred, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'deleted_at', NEW.deleted_at, 'version', NEW.version) END
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'learnings', json_array(NEW.id), NULL,
            json_object('id', NEW.id, 'at', NEW.at, 'title', NEW.title, 'body', NEW.body, 'starred', NEW.starred, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'deleted_at', NEW.deleted_at, 'version', NEW.version)
        FROM history_open WHERE NOT (NEW.id IS OLD.id)
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER learnings_history_ad AFTER DELETE ON learnings WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'learnings', json_array(OLD.id),
            json_object('id', OLD.id, 'at', OLD.at, 'title', OLD.title, 'body', OLD.body, 'starred', OLD.starred, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'deleted_at', OLD.deleted_at, 'version', OLD.version), NULL
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER skills_history_ai AFTER INSERT ON skills WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'skills', json_array(NEW.id), NULL,
            json_object('id', NEW.id, 'name', NEW.name, 'category', NEW.category, 'description', NEW.description, 'target_level', NEW.target_level, 'organization_id', NEW.organization_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'deleted_at', NEW.deleted_at, 'version', NEW.version)
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER skills_history_au AFTER UPDATE ON skills WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'skills', json_array(OLD.id),
            json_object('id', OLD.id, 'name', OLD.name, 'category', OLD.category, 'description', OLD.description, 'target_level', OLD.target_level, 'organization_id', OLD.organization_id, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'deleted_at', OLD.deleted_at, 'version', OLD.version),
            CASE WHEN NEW.id IS OLD.id THEN json_object('id', NEW.id, 'name', NEW.name, 'category', NEW.category, 'description', NEW.description, 'target_level', NEW.target_level, 'organization_id', NEW.organization_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'deleted_at', NEW.deleted_at, 'version', NEW.version) END
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'skills', json_array(NEW.id), NULL,
            json_object('id', NEW.id, 'name', NEW.name, 'category', NEW.category, 'description', NEW.description, 'target_level', NEW.target_level, 'organization_id', NEW.organization_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'deleted_at', NEW.deleted_at, 'version', NEW.version)
        FROM history_open WHERE NOT (NEW.id IS OLD.id)
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER skills_history_ad AFTER DELETE ON skills WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'skills', json_array(OLD.id),
            json_object('id', OLD.id, 'name', OLD.name, 'category', OLD.category, 'description', OLD.description, 'target_level', OLD.target_level, 'organization_id', OLD.organization_id, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'deleted_at', OLD.deleted_at, 'version', OLD.version), NULL
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER skill_progress_history_ai AFTER INSERT ON skill_progress WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'skill_progress', json_array(NEW.id), NULL,
            json_object('id', NEW.id, 'skill_id', NEW.skill_id, 'level', NEW.level, 'assessed_on', NEW.assessed_on, 'note', NEW.note, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at)
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER skill_progress_history_au AFTER UPDATE ON skill_progress WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'skill_progress', json_array(OLD.id),
            json_object('id', OLD.id, 'skill_id', OLD.skill_id, 'level', OLD.level, 'assessed_on', OLD.assessed_on, 'note', OLD.note, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
            CASE WHEN NEW.id IS OLD.id THEN json_object('id', NEW.id, 'skill_id', NEW.skill_id, 'level', NEW.level, 'assessed_on', NEW.assessed_on, 'note', NEW.note, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at) END
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'skill_progress', json_array(NEW.id), NULL,
            json_object('id', NEW.id, 'skill_id', NEW.skill_id, 'level', NEW.level, 'assessed_on', NEW.assessed_on, 'note', NEW.note, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at)
        FROM history_open WHERE NOT (NEW.id IS OLD.id)
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER skill_progress_history_ad AFTER DELETE ON skill_progress WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'skill_progress', json_array(OLD.id),
            json_object('id', OLD.id, 'skill_id', OLD.skill_id, 'level', OLD.level, 'assessed_on', OLD.assessed_on, 'note', OLD.note, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at), NULL
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER learning_skills_history_ai AFTER INSERT ON learning_skills WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'learning_skills', json_array(NEW.learning_id, NEW.skill_id), NULL,
            json_object('learning_id', NEW.learning_id, 'skill_id', NEW.skill_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at)
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER learning_skills_history_au AFTER UPDATE ON learning_skills WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'learning_skills', json_array(OLD.learning_id, OLD.skill_id),
            json_object('learning_id', OLD.learning_id, 'skill_id', OLD.skill_id, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
            CASE WHEN NEW.learning_id IS OLD.learning_id AND NEW.skill_id IS OLD.skill_id THEN json_object('learning_id', NEW.learning_id, 'skill_id', NEW.skill_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at) END
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'learning_skills', json_array(NEW.learning_id, NEW.skill_id), NULL,
            json_object('learning_id', NEW.learning_id, 'skill_id', NEW.skill_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at)
        FROM history_open WHERE NOT (NEW.learning_id IS OLD.learning_id AND NEW.skill_id IS OLD.skill_id)
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER learning_skills_history_ad AFTER DELETE ON learning_skills WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'learning_skills', json_array(OLD.learning_id, OLD.skill_id),
            json_object('learning_id', OLD.learning_id, 'skill_id', OLD.skill_id, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at), NULL
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER meetings_history_ai AFTER INSERT ON meetings WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'meetings', json_array(NEW.id), NULL,
            json_object('id', NEW.id, 'starts_at', NEW.starts_at, 'duration_minutes', NEW.duration_minutes, 'title', NEW.title, 'kind', NEW.kind, 'notes', NEW.notes, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'deleted_at', NEW.deleted_at, 'version', NEW.version)
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER meetings_history_au AFTER UPDATE ON meetings WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'meetings', json_array(OLD.id),
            json_object('id', OLD.id, 'starts_at', OLD.starts_at, 'duration_minutes', OLD.duration_minutes, 'title', OLD.title, 'kind', OLD.kind, 'notes', OLD.notes, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'deleted_at', OLD.deleted_at, 'version', OLD.version),
            CASE WHEN NEW.id IS OLD.id THEN json_object('id', NEW.id, 'starts_at', NEW.starts_at, 'duration_minutes', NEW.duration_minutes, 'title', NEW.title, 'kind', NEW.kind, 'notes', NEW.notes, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'deleted_at', NEW.deleted_at, 'version', NEW.version) END
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'meetings', json_array(NEW.id), NULL,
            json_object('id', NEW.id, 'starts_at', NEW.starts_at, 'duration_minutes', NEW.duration_minutes, 'title', NEW.title, 'kind', NEW.kind, 'notes', NEW.notes, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'deleted_at', NEW.deleted_at, 'version', NEW.version)
        FROM history_open WHERE NOT (NEW.id IS OLD.id)
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER meetings_history_ad AFTER DELETE ON meetings WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'meetings', json_array(OLD.id),
            json_object('id', OLD.id, 'starts_at', OLD.starts_at, 'duration_minutes', OLD.duration_minutes, 'title', OLD.title, 'kind', OLD.kind, 'notes', OLD.notes, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'deleted_at', OLD.deleted_at, 'version', OLD.version), NULL
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER meeting_attendees_history_ai AFTER INSERT ON meeting_attendees WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'meeting_attendees', json_array(NEW.meeting_id, NEW.person_id), NULL,
            json_object('meeting_id', NEW.meeting_id, 'person_id', NEW.person_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at)
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER meeting_attendees_history_au AFTER UPDATE ON meeting_attendees WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'meeting_attendees', json_array(OLD.meeting_id, OLD.person_id),
            json_object('meeting_id', OLD.meeting_id, 'person_id', OLD.person_id, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
            CASE WHEN NEW.meeting_id IS OLD.meeting_id AND NEW.person_id IS OLD.person_id THEN json_object('meeting_id', NEW.meeting_id, 'person_id', NEW.person_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at) END
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'meeting_attendees', json_array(NEW.meeting_id, NEW.person_id), NULL,
            json_object('meeting_id', NEW.meeting_id, 'person_id', NEW.person_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at)
        FROM history_open WHERE NOT (NEW.meeting_id IS OLD.meeting_id AND NEW.person_id IS OLD.person_id)
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER meeting_attendees_history_ad AFTER DELETE ON meeting_attendees WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'meeting_attendees', json_array(OLD.meeting_id, OLD.person_id),
            json_object('meeting_id', OLD.meeting_id, 'person_id', OLD.person_id, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at), NULL
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER feedback_history_ai AFTER INSERT ON feedback WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'feedback', json_array(NEW.id), NULL,
            json_object('id', NEW.id, 'direction', NEW.direction, 'person_id', NEW.person_id, 'day', NEW.day, 'kind', NEW.kind, 'content', NEW.content, 'meeting_id', NEW.meeting_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'deleted_at', NEW.deleted_at, 'version', NEW.version)
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER feedback_history_au AFTER UPDATE ON feedback WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'feedback', json_array(OLD.id),
            json_object('id', OLD.id, 'direction', OLD.direction, 'person_id', OLD.person_id, 'day', OLD.day, 'kind', OLD.kind, 'content', OLD.content, 'meeting_id', OLD.meeting_id, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'deleted_at', OLD.deleted_at, 'version', OLD.version),
            CASE WHEN NEW.id IS OLD.id THEN json_object('id', NEW.id, 'direction', NEW.direction, 'person_id', NEW.person_id, 'day', NEW.day, 'kind', NEW.kind, 'content', NEW.content, 'meeting_id', NEW.meeting_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'deleted_at', NEW.deleted_at, 'version', NEW.version) END
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'feedback', json_array(NEW.id), NULL,
            json_object('id', NEW.id, 'direction', NEW.direction, 'person_id', NEW.person_id, 'day', NEW.day, 'kind', NEW.kind, 'content', NEW.content, 'meeting_id', NEW.meeting_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'deleted_at', NEW.deleted_at, 'version', NEW.version)
        FROM history_open WHERE NOT (NEW.id IS OLD.id)
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER feedback_history_ad AFTER DELETE ON feedback WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'feedback', json_array(OLD.id),
            json_object('id', OLD.id, 'direction', OLD.direction, 'person_id', OLD.person_id, 'day', OLD.day, 'kind', OLD.kind, 'content', OLD.content, 'meeting_id', OLD.meeting_id, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'deleted_at', OLD.deleted_at, 'version', OLD.version), NULL
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER action_items_history_ai AFTER INSERT ON action_items WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'action_items', json_array(NEW.id), NULL,
            json_object('id', NEW.id, 'title', NEW.title, 'meeting_id', NEW.meeting_id, 'feedback_id', NEW.feedback_id, 'owner_id', NEW.owner_id, 'due_date', NEW.due_date, 'done_at', NEW.done_at, 'task_id', NEW.task_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'deleted_at', NEW.deleted_at, 'version', NEW.version)
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER action_items_history_au AFTER UPDATE ON action_items WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'action_items', json_array(OLD.id),
            json_object('id', OLD.id, 'title', OLD.title, 'meeting_id', OLD.meeting_id, 'feedback_id', OLD.feedback_id, 'owner_id', OLD.owner_id, 'due_date', OLD.due_date, 'done_at', OLD.done_at, 'task_id', OLD.task_id, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'deleted_at', OLD.deleted_at, 'version', OLD.version),
            CASE WHEN NEW.id IS OLD.id THEN json_object('id', NEW.id, 'title', NEW.title, 'meeting_id', NEW.meeting_id, 'feedback_id', NEW.feedback_id, 'owner_id', NEW.owner_id, 'due_date', NEW.due_date, 'done_at', NEW.done_at, 'task_id', NEW.task_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'deleted_at', NEW.deleted_at, 'version', NEW.version) END
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'action_items', json_array(NEW.id), NULL,
            json_object('id', NEW.id, 'title', NEW.title, 'meeting_id', NEW.meeting_id, 'feedback_id', NEW.feedback_id, 'owner_id', NEW.owner_id, 'due_date', NEW.due_date, 'done_at', NEW.done_at, 'task_id', NEW.task_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'deleted_at', NEW.deleted_at, 'version', NEW.version)
        FROM history_open WHERE NOT (NEW.id IS OLD.id)
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER action_items_history_ad AFTER DELETE ON action_items WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'action_items', json_array(OLD.id),
            json_object('id', OLD.id, 'title', OLD.title, 'meeting_id', OLD.meeting_id, 'feedback_id', OLD.feedback_id, 'owner_id', OLD.owner_id, 'due_date', OLD.due_date, 'done_at', OLD.done_at, 'task_id', OLD.task_id, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'deleted_at', OLD.deleted_at, 'version', OLD.version), NULL
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER energy_checkins_history_ai AFTER INSERT ON energy_checkins WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'energy_checkins', json_array(NEW.id), NULL,
            json_object('id', NEW.id, 'at', NEW.at, 'level', NEW.level, 'note', NEW.note, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'deleted_at', NEW.deleted_at, 'version', NEW.version)
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER energy_checkins_history_au AFTER UPDATE ON energy_checkins WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'energy_checkins', json_array(OLD.id),
            json_object('id', OLD.id, 'at', OLD.at, 'level', OLD.level, 'note', OLD.note, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'deleted_at', OLD.deleted_at, 'version', OLD.version),
            CASE WHEN NEW.id IS OLD.id THEN json_object('id', NEW.id, 'at', NEW.at, 'level', NEW.level, 'note', NEW.note, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'deleted_at', NEW.deleted_at, 'version', NEW.version) END
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'energy_checkins', json_array(NEW.id), NULL,
            json_object('id', NEW.id, 'at', NEW.at, 'level', NEW.level, 'note', NEW.note, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'deleted_at', NEW.deleted_at, 'version', NEW.version)
        FROM history_open WHERE NOT (NEW.id IS OLD.id)
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER energy_checkins_history_ad AFTER DELETE ON energy_checkins WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'energy_checkins', json_array(OLD.id),
            json_object('id', OLD.id, 'at', OLD.at, 'level', OLD.level, 'note', OLD.note, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'deleted_at', OLD.deleted_at, 'version', OLD.version), NULL
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER task_tags_history_ai AFTER INSERT ON task_tags WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'task_tags', json_array(NEW.task_id, NEW.tag_id), NULL,
            json_object('task_id', NEW.task_id, 'tag_id', NEW.tag_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at)
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER task_tags_history_au AFTER UPDATE ON task_tags WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'task_tags', json_array(OLD.task_id, OLD.tag_id),
            json_object('task_id', OLD.task_id, 'tag_id', OLD.tag_id, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
            CASE WHEN NEW.task_id IS OLD.task_id AND NEW.tag_id IS OLD.tag_id THEN json_object('task_id', NEW.task_id, 'tag_id', NEW.tag_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at) END
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'task_tags', json_array(NEW.task_id, NEW.tag_id), NULL,
            json_object('task_id', NEW.task_id, 'tag_id', NEW.tag_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at)
        FROM history_open WHERE NOT (NEW.task_id IS OLD.task_id AND NEW.tag_id IS OLD.tag_id)
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER task_tags_history_ad AFTER DELETE ON task_tags WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'task_tags', json_array(OLD.task_id, OLD.tag_id),
            json_object('task_id', OLD.task_id, 'tag_id', OLD.tag_id, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at), NULL
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER learning_tags_history_ai AFTER INSERT ON learning_tags WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'learning_tags', json_array(NEW.learning_id, NEW.tag_id), NULL,
            json_object('learning_id', NEW.learning_id, 'tag_id', NEW.tag_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at)
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER learning_tags_history_au AFTER UPDATE ON learning_tags WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'learning_tags', json_array(OLD.learning_id, OLD.tag_id),
            json_object('learning_id', OLD.learning_id, 'tag_id', OLD.tag_id, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
            CASE WHEN NEW.learning_id IS OLD.learning_id AND NEW.tag_id IS OLD.tag_id THEN json_object('learning_id', NEW.learning_id, 'tag_id', NEW.tag_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at) END
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'learning_tags', json_array(NEW.learning_id, NEW.tag_id), NULL,
            json_object('learning_id', NEW.learning_id, 'tag_id', NEW.tag_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at)
        FROM history_open WHERE NOT (NEW.learning_id IS OLD.learning_id AND NEW.tag_id IS OLD.tag_id)
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER learning_tags_history_ad AFTER DELETE ON learning_tags WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'learning_tags', json_array(OLD.learning_id, OLD.tag_id),
            json_object('learning_id', OLD.learning_id, 'tag_id', OLD.tag_id, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at), NULL
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER meeting_tags_history_ai AFTER INSERT ON meeting_tags WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'meeting_tags', json_array(NEW.meeting_id, NEW.tag_id), NULL,
            json_object('meeting_id', NEW.meeting_id, 'tag_id', NEW.tag_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at)
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER meeting_tags_history_au AFTER UPDATE ON meeting_tags WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'meeting_tags', json_array(OLD.meeting_id, OLD.tag_id),
            json_object('meeting_id', OLD.meeting_id, 'tag_id', OLD.tag_id, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
            CASE WHEN NEW.meeting_id IS OLD.meeting_id AND NEW.tag_id IS OLD.tag_id THEN json_object('meeting_id', NEW.meeting_id, 'tag_id', NEW.tag_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at) END
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'meeting_tags', json_array(NEW.meeting_id, NEW.tag_id), NULL,
            json_object('meeting_id', NEW.meeting_id, 'tag_id', NEW.tag_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at)
        FROM history_open WHERE NOT (NEW.meeting_id IS OLD.meeting_id AND NEW.tag_id IS OLD.tag_id)
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER meeting_tags_history_ad AFTER DELETE ON meeting_tags WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'meeting_tags', json_array(OLD.meeting_id, OLD.tag_id),
            json_object('meeting_id', OLD.meeting_id, 'tag_id', OLD.tag_id, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at), NULL
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER goal_tags_history_ai AFTER INSERT ON goal_tags WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'goal_tags', json_array(NEW.goal_id, NEW.tag_id), NULL,
            json_object('goal_id', NEW.goal_id, 'tag_id', NEW.tag_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at)
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER goal_tags_history_au AFTER UPDATE ON goal_tags WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'goal_tags', json_array(OLD.goal_id, OLD.tag_id),
            json_object('goal_id', OLD.goal_id, 'tag_id', OLD.tag_id, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
            CASE WHEN NEW.goal_id IS OLD.goal_id AND NEW.tag_id IS OLD.tag_id THEN json_object('goal_id', NEW.goal_id, 'tag_id', NEW.tag_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at) END
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'goal_tags', json_array(NEW.goal_id, NEW.tag_id), NULL,
            json_object('goal_id', NEW.goal_id, 'tag_id', NEW.tag_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at)
        FROM history_open WHERE NOT (NEW.goal_id IS OLD.goal_id AND NEW.tag_id IS OLD.tag_id)
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER goal_tags_history_ad AFTER DELETE ON goal_tags WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'goal_tags', json_array(OLD.goal_id, OLD.tag_id),
            json_object('goal_id', OLD.goal_id, 'tag_id', OLD.tag_id, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at), NULL
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER feedback_tags_history_ai AFTER INSERT ON feedback_tags WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'feedback_tags', json_array(NEW.feedback_id, NEW.tag_id), NULL,
            json_object('feedback_id', NEW.feedback_id, 'tag_id', NEW.tag_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at)
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER feedback_tags_history_au AFTER UPDATE ON feedback_tags WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'feedback_tags', json_array(OLD.feedback_id, OLD.tag_id),
            json_object('feedback_id', OLD.feedback_id, 'tag_id', OLD.tag_id, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
            CASE WHEN NEW.feedback_id IS OLD.feedback_id AND NEW.tag_id IS OLD.tag_id THEN json_object('feedback_id', NEW.feedback_id, 'tag_id', NEW.tag_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at) END
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'feedback_tags', json_array(NEW.feedback_id, NEW.tag_id), NULL,
            json_object('feedback_id', NEW.feedback_id, 'tag_id', NEW.tag_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at)
        FROM history_open WHERE NOT (NEW.feedback_id IS OLD.feedback_id AND NEW.tag_id IS OLD.tag_id)
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER feedback_tags_history_ad AFTER DELETE ON feedback_tags WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'feedback_tags', json_array(OLD.feedback_id, OLD.tag_id),
            json_object('feedback_id', OLD.feedback_id, 'tag_id', OLD.tag_id, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at), NULL
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER skill_tags_history_ai AFTER INSERT ON skill_tags WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'skill_tags', json_array(NEW.skill_id, NEW.tag_id), NULL,
            json_object('skill_id', NEW.skill_id, 'tag_id', NEW.tag_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at)
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER skill_tags_history_au AFTER UPDATE ON skill_tags WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'skill_tags', json_array(OLD.skill_id, OLD.tag_id),
            json_object('skill_id', OLD.skill_id, 'tag_id', OLD.tag_id, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
            CASE WHEN NEW.skill_id IS OLD.skill_id AND NEW.tag_id IS OLD.tag_id THEN json_object('skill_id', NEW.skill_id, 'tag_id', NEW.tag_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at) END
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'skill_tags', json_array(NEW.skill_id, NEW.tag_id), NULL,
            json_object('skill_id', NEW.skill_id, 'tag_id', NEW.tag_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at)
        FROM history_open WHERE NOT (NEW.skill_id IS OLD.skill_id AND NEW.tag_id IS OLD.tag_id)
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER skill_tags_history_ad AFTER DELETE ON skill_tags WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'skill_tags', json_array(OLD.skill_id, OLD.tag_id),
            json_object('skill_id', OLD.skill_id, 'tag_id', OLD.tag_id, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at), NULL
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER checkin_tags_history_ai AFTER INSERT ON checkin_tags WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'checkin_tags', json_array(NEW.checkin_id, NEW.tag_id), NULL,
            json_object('checkin_id', NEW.checkin_id, 'tag_id', NEW.tag_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at)
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER checkin_tags_history_au AFTER UPDATE ON checkin_tags WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'checkin_tags', json_array(OLD.checkin_id, OLD.tag_id),
            json_object('checkin_id', OLD.checkin_id, 'tag_id', OLD.tag_id, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
            CASE WHEN NEW.checkin_id IS OLD.checkin_id AND NEW.tag_id IS OLD.tag_id THEN json_object('checkin_id', NEW.checkin_id, 'tag_id', NEW.tag_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at) END
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'checkin_tags', json_array(NEW.checkin_id, NEW.tag_id), NULL,
            json_object('checkin_id', NEW.checkin_id, 'tag_id', NEW.tag_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at)
        FROM history_open WHERE NOT (NEW.checkin_id IS OLD.checkin_id AND NEW.tag_id IS OLD.tag_id)
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER checkin_tags_history_ad AFTER DELETE ON checkin_tags WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'checkin_tags', json_array(OLD.checkin_id, OLD.tag_id),
            json_object('checkin_id', OLD.checkin_id, 'tag_id', OLD.tag_id, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at), NULL
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER calendar_events_history_ai AFTER INSERT ON calendar_events WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'calendar_events', json_array(NEW.id), NULL,
            json_object('id', NEW.id, 'meeting_id', NEW.meeting_id, 'source', NEW.source, 'uid', NEW.uid, 'occurrence', NEW.occurrence, 'recurring', NEW.recurring, 'location', NEW.location, 'status', NEW.status, 'fingerprint', NEW.fingerprint, 'synced_at', NEW.synced_at, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'calendar', NEW.calendar, 'calendar_name', NEW.calendar_name)
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER calendar_events_history_au AFTER UPDATE ON calendar_events WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'calendar_events', json_array(OLD.id),
            json_object('id', OLD.id, 'meeting_id', OLD.meeting_id, 'source', OLD.source, 'uid', OLD.uid, 'occurrence', OLD.occurrence, 'recurring', OLD.recurring, 'location', OLD.location, 'status', OLD.status, 'fingerprint', OLD.fingerprint, 'synced_at', OLD.synced_at, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'calendar', OLD.calendar, 'calendar_name', OLD.calendar_name),
            CASE WHEN NEW.id IS OLD.id THEN json_object('id', NEW.id, 'meeting_id', NEW.meeting_id, 'source', NEW.source, 'uid', NEW.uid, 'occurrence', NEW.occurrence, 'recurring', NEW.recurring, 'location', NEW.location, 'status', NEW.status, 'fingerprint', NEW.fingerprint, 'synced_at', NEW.synced_at, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'calendar', NEW.calendar, 'calendar_name', NEW.calendar_name) END
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'calendar_events', json_array(NEW.id), NULL,
            json_object('id', NEW.id, 'meeting_id', NEW.meeting_id, 'source', NEW.source, 'uid', NEW.uid, 'occurrence', NEW.occurrence, 'recurring', NEW.recurring, 'location', NEW.location, 'status', NEW.status, 'fingerprint', NEW.fingerprint, 'synced_at', NEW.synced_at, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'calendar', NEW.calendar, 'calendar_name', NEW.calendar_name)
        FROM history_open WHERE NOT (NEW.id IS OLD.id)
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;

CREATE TRIGGER calendar_events_history_ad AFTER DELETE ON calendar_events WHEN (SELECT change_id FROM history_open) IS NOT NULL BEGIN
    INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        SELECT change_id, 'calendar_events', json_array(OLD.id),
            json_object('id', OLD.id, 'meeting_id', OLD.meeting_id, 'source', OLD.source, 'uid', OLD.uid, 'occurrence', OLD.occurrence, 'recurring', OLD.recurring, 'location', OLD.location, 'status', OLD.status, 'fingerprint', OLD.fingerprint, 'synced_at', OLD.synced_at, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'calendar', OLD.calendar, 'calendar_name', OLD.calendar_name), NULL
        FROM history_open WHERE true
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
END;
