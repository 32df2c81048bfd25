-- worklog schema, version 14. Generated from src/db/migrations/ by the test
-- tests/migrations.rs (UPDATE_SCHEMA=1 cargo test --test migrations rewrites it).
-- Read-only reference: change the schema by adding a migration.

CREATE TABLE organizations (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL COLLATE NOCASE UNIQUE
                CONSTRAINT organization_name_empty CHECK (length(trim(name)) > 0),
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    version     INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE profile (
    id              INTEGER PRIMARY KEY CONSTRAINT profile_single_row CHECK (id = 1),
    name            TEXT NOT NULL DEFAULT '',
    role            TEXT NOT NULL DEFAULT '',
    organization_id INTEGER REFERENCES organizations(id) ON DELETE SET NULL,
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    version         INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE INDEX profile_organization_id ON profile(organization_id);

CREATE TABLE people (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL CONSTRAINT person_name_empty CHECK (length(trim(name)) > 0),
    organization_id INTEGER REFERENCES organizations(id) ON DELETE SET NULL,
    role            TEXT NOT NULL DEFAULT '',
    email           TEXT NOT NULL DEFAULT '',
    notes           TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    version         INTEGER NOT NULL DEFAULT 1
, name_key TEXT) STRICT;

CREATE UNIQUE INDEX people_org_name ON people(ifnull(organization_id, 0), name COLLATE NOCASE);

CREATE INDEX people_organization_id ON people(organization_id);

CREATE TABLE tags (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL COLLATE NOCASE UNIQUE
                CONSTRAINT tag_name_invalid CHECK (length(name) BETWEEN 1 AND 64 AND name NOT GLOB '*[ 	,]*'),
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    version     INTEGER NOT NULL DEFAULT 1
, name_key TEXT) STRICT;

CREATE TABLE goals (
    id              INTEGER PRIMARY KEY,
    -- Deleting a parent for good lifts its children to the top level rather than losing them.
    parent_id       INTEGER REFERENCES goals(id) ON DELETE SET NULL,
    organization_id INTEGER REFERENCES organizations(id) ON DELETE SET NULL,
    title           TEXT NOT NULL CONSTRAINT goal_title_empty CHECK (length(trim(title)) > 0),
    description     TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL DEFAULT 'active'
                    CONSTRAINT goal_status CHECK (status IN ('active', 'paused', 'done', 'dropped')),
    target_date     TEXT CONSTRAINT goal_target_date CHECK (target_date IS NULL OR target_date IS date(target_date)),
    done_on         TEXT CONSTRAINT goal_done_on CHECK (done_on IS NULL OR done_on IS date(done_on)),
    position        INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    deleted_at      TEXT,
    version         INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT goal_own_parent CHECK (parent_id IS NULL OR parent_id <> id)
) STRICT;

CREATE INDEX goals_parent_id ON goals(parent_id);

CREATE INDEX goals_organization_id ON goals(organization_id);

CREATE INDEX goals_status ON goals(status);

CREATE INDEX goals_target_date ON goals(target_date);

CREATE TABLE goal_milestones (
    id          INTEGER PRIMARY KEY,
    goal_id     INTEGER NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
    title       TEXT NOT NULL CONSTRAINT milestone_title_empty CHECK (length(trim(title)) > 0),
    due_date    TEXT CONSTRAINT milestone_due_date CHECK (due_date IS NULL OR due_date IS date(due_date)),
    done_on     TEXT CONSTRAINT milestone_done_on CHECK (done_on IS NULL OR done_on IS date(done_on)),
    position    INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    version     INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE INDEX goal_milestones_goal_id ON goal_milestones(goal_id, position);

CREATE INDEX goal_milestones_due_date ON goal_milestones(due_date);

CREATE INDEX goal_milestones_done_on ON goal_milestones(done_on);

CREATE TABLE tasks (
    id               INTEGER PRIMARY KEY,
    day              TEXT NOT NULL CONSTRAINT task_day CHECK (day IS date(day)),
    first_day        TEXT NOT NULL CONSTRAINT task_first_day CHECK (first_day IS date(first_day)),
    title            TEXT NOT NULL CONSTRAINT task_title_empty CHECK (length(trim(title)) > 0),
    notes            TEXT NOT NULL DEFAULT '',
    status           TEXT NOT NULL DEFAULT 'todo'
                     CONSTRAINT task_status CHECK (status IN ('todo', 'doing', 'done', 'dropped')),
    priority         INTEGER NOT NULL DEFAULT 2 CONSTRAINT task_priority CHECK (priority BETWEEN 1 AND 3),
    estimate_minutes INTEGER CONSTRAINT task_estimate CHECK (estimate_minutes IS NULL OR estimate_minutes BETWEEN 1 AND 1440),
    goal_id          INTEGER REFERENCES goals(id) ON DELETE SET NULL,
    position         INTEGER NOT NULL DEFAULT 0,
    carry_count      INTEGER NOT NULL DEFAULT 0 CONSTRAINT task_carry_count CHECK (carry_count >= 0),
    done_at          TEXT CONSTRAINT task_done_at CHECK (done_at IS NULL OR done_at IS strftime('%Y-%m-%dT%H:%M:%S', done_at)),
    created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    updated_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    deleted_at       TEXT,
    version          INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT task_done_at_status CHECK ((status = 'done') = (done_at IS NOT NULL))
) STRICT;

CREATE INDEX tasks_day ON tasks(day, position);

CREATE INDEX tasks_status ON tasks(status, day);

CREATE INDEX tasks_goal_id ON tasks(goal_id);

CREATE INDEX tasks_done_at ON tasks(done_at);

CREATE TABLE task_carries (
    id          INTEGER PRIMARY KEY,
    task_id     INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    from_day    TEXT NOT NULL CONSTRAINT carry_from_day CHECK (from_day IS date(from_day)),
    to_day      TEXT NOT NULL CONSTRAINT carry_to_day CHECK (to_day IS date(to_day)),
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ'))
) STRICT;

CREATE INDEX task_carries_task_id ON task_carries(task_id);

CREATE INDEX task_carries_from_day ON task_carries(from_day);

CREATE TABLE learnings (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL CONSTRAINT learning_at CHECK (at IS strftime('%Y-%m-%dT%H:%M:%S', at)),
    title       TEXT NOT NULL CONSTRAINT learning_title_empty CHECK (length(trim(title)) > 0),
    body        TEXT NOT NULL DEFAULT '',
    starred     INTEGER NOT NULL DEFAULT 0 CONSTRAINT learning_starred CHECK (starred IN (0, 1)),
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    deleted_at  TEXT,
    version     INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE INDEX learnings_at ON learnings(at);

CREATE TABLE skills (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL CONSTRAINT skill_name_empty CHECK (length(trim(name)) > 0),
    category        TEXT NOT NULL DEFAULT '',
    description     TEXT NOT NULL DEFAULT '',
    target_level    INTEGER CONSTRAINT skill_target_level CHECK (target_level IS NULL OR target_level BETWEEN 0 AND 5),
    organization_id INTEGER REFERENCES organizations(id) ON DELETE SET NULL,
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    deleted_at      TEXT,
    version         INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE UNIQUE INDEX skills_name ON skills(name COLLATE NOCASE) WHERE deleted_at IS NULL;

CREATE INDEX skills_category ON skills(category);

CREATE INDEX skills_organization_id ON skills(organization_id);

CREATE TABLE skill_progress (
    id          INTEGER PRIMARY KEY,
    skill_id    INTEGER NOT NULL REFERENCES skills(id) ON DELETE CASCADE,
    level       INTEGER NOT NULL CONSTRAINT skill_level CHECK (level BETWEEN 0 AND 5),
    assessed_on TEXT NOT NULL CONSTRAINT skill_assessed_on CHECK (assessed_on IS date(assessed_on)),
    note        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ'))
) STRICT;

CREATE INDEX skill_progress_skill_id ON skill_progress(skill_id, assessed_on);

CREATE INDEX skill_progress_assessed_on ON skill_progress(assessed_on);

CREATE TABLE learning_skills (
    learning_id INTEGER NOT NULL REFERENCES learnings(id) ON DELETE CASCADE,
    skill_id    INTEGER NOT NULL REFERENCES skills(id) ON DELETE CASCADE,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    PRIMARY KEY (learning_id, skill_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX learning_skills_skill_id ON learning_skills(skill_id);

CREATE TABLE meetings (
    id               INTEGER PRIMARY KEY,
    starts_at        TEXT NOT NULL CONSTRAINT meeting_starts_at CHECK (starts_at IS strftime('%Y-%m-%dT%H:%M:%S', starts_at)),
    duration_minutes INTEGER CONSTRAINT meeting_duration CHECK (duration_minutes IS NULL OR duration_minutes BETWEEN 1 AND 1440),
    title            TEXT NOT NULL CONSTRAINT meeting_title_empty CHECK (length(trim(title)) > 0),
    kind             TEXT NOT NULL DEFAULT 'other'
                     CONSTRAINT meeting_kind CHECK (kind IN ('one_on_one', 'team', 'interview', 'review', 'planning', 'external', 'other')),
    notes            TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    updated_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    deleted_at       TEXT,
    version          INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE INDEX meetings_starts_at ON meetings(starts_at);

CREATE TABLE meeting_attendees (
    meeting_id  INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    person_id   INTEGER NOT NULL REFERENCES people(id) ON DELETE RESTRICT,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    PRIMARY KEY (meeting_id, person_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX meeting_attendees_person_id ON meeting_attendees(person_id);

CREATE TABLE feedback (
    id          INTEGER PRIMARY KEY,
    direction   TEXT NOT NULL CONSTRAINT feedback_direction CHECK (direction IN ('given', 'received')),
    person_id   INTEGER NOT NULL REFERENCES people(id) ON DELETE RESTRICT,
    day         TEXT NOT NULL CONSTRAINT feedback_day CHECK (day IS date(day)),
    kind        TEXT NOT NULL DEFAULT 'other'
                CONSTRAINT feedback_kind CHECK (kind IN ('praise', 'constructive', 'suggestion', 'recognition', 'other')),
    content     TEXT NOT NULL CONSTRAINT feedback_content_empty CHECK (length(trim(content)) > 0),
    meeting_id  INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    deleted_at  TEXT,
    version     INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE INDEX feedback_person_id ON feedback(person_id);

CREATE INDEX feedback_meeting_id ON feedback(meeting_id);

CREATE INDEX feedback_day ON feedback(day);

CREATE INDEX feedback_direction ON feedback(direction, day);

CREATE TABLE action_items (
    id          INTEGER PRIMARY KEY,
    title       TEXT NOT NULL CONSTRAINT action_item_title_empty CHECK (length(trim(title)) > 0),
    meeting_id  INTEGER REFERENCES meetings(id) ON DELETE CASCADE,
    feedback_id INTEGER REFERENCES feedback(id) ON DELETE CASCADE,
    owner_id    INTEGER REFERENCES people(id) ON DELETE SET NULL,
    due_date    TEXT CONSTRAINT action_item_due_date CHECK (due_date IS NULL OR due_date IS date(due_date)),
    done_at     TEXT CONSTRAINT action_item_done_at CHECK (done_at IS NULL OR done_at IS strftime('%Y-%m-%dT%H:%M:%S', done_at)),
    task_id     INTEGER UNIQUE REFERENCES tasks(id) ON DELETE SET NULL,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    deleted_at  TEXT,
    version     INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT action_item_one_source CHECK (meeting_id IS NULL OR feedback_id IS NULL)
) STRICT;

CREATE INDEX action_items_meeting_id ON action_items(meeting_id);

CREATE INDEX action_items_feedback_id ON action_items(feedback_id);

CREATE INDEX action_items_owner_id ON action_items(owner_id);

CREATE INDEX action_items_open ON action_items(done_at, due_date);

CREATE TABLE energy_checkins (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL CONSTRAINT checkin_at CHECK (at IS strftime('%Y-%m-%dT%H:%M:%S', at)),
    level       INTEGER NOT NULL CONSTRAINT energy_level CHECK (level BETWEEN 1 AND 5),
    note        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    deleted_at  TEXT,
    version     INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE INDEX energy_checkins_at ON energy_checkins(at);

CREATE TABLE task_tags (
    task_id     INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    tag_id      INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    PRIMARY KEY (task_id, tag_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX task_tags_tag_id ON task_tags(tag_id);

CREATE TABLE learning_tags (
    learning_id INTEGER NOT NULL REFERENCES learnings(id) ON DELETE CASCADE,
    tag_id      INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    PRIMARY KEY (learning_id, tag_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX learning_tags_tag_id ON learning_tags(tag_id);

CREATE TABLE meeting_tags (
    meeting_id  INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    tag_id      INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    PRIMARY KEY (meeting_id, tag_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX meeting_tags_tag_id ON meeting_tags(tag_id);

CREATE TABLE goal_tags (
    goal_id     INTEGER NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
    tag_id      INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    PRIMARY KEY (goal_id, tag_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX goal_tags_tag_id ON goal_tags(tag_id);

CREATE TABLE feedback_tags (
    feedback_id INTEGER NOT NULL REFERENCES feedback(id) ON DELETE CASCADE,
    tag_id      INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    PRIMARY KEY (feedback_id, tag_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX feedback_tags_tag_id ON feedback_tags(tag_id);

CREATE TABLE skill_tags (
    skill_id    INTEGER NOT NULL REFERENCES skills(id) ON DELETE CASCADE,
    tag_id      INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    PRIMARY KEY (skill_id, tag_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX skill_tags_tag_id ON skill_tags(tag_id);

CREATE TABLE checkin_tags (
    checkin_id  INTEGER NOT NULL REFERENCES energy_checkins(id) ON DELETE CASCADE,
    tag_id      INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    PRIMARY KEY (checkin_id, tag_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX checkin_tags_tag_id ON checkin_tags(tag_id);

CREATE TABLE imports (
    id          INTEGER PRIMARY KEY,
    source      TEXT NOT NULL CONSTRAINT import_source CHECK (source IN ('worklog', 'taskwarrior', 'jrnl')),
    external_id TEXT NOT NULL CONSTRAINT import_external_id_empty CHECK (length(external_id) > 0),
    task_id     INTEGER REFERENCES tasks(id) ON DELETE CASCADE,
    learning_id INTEGER REFERENCES learnings(id) ON DELETE CASCADE,
    goal_id     INTEGER REFERENCES goals(id) ON DELETE CASCADE,
    original    TEXT NOT NULL CONSTRAINT import_original_json CHECK (json_valid(original)),
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    CONSTRAINT import_one_target CHECK ((task_id IS NOT NULL) + (learning_id IS NOT NULL) + (goal_id IS NOT NULL) = 1),
    UNIQUE (source, external_id)
) STRICT;

CREATE INDEX imports_task_id ON imports(task_id);

CREATE INDEX imports_learning_id ON imports(learning_id);

CREATE INDEX imports_goal_id ON imports(goal_id);

CREATE TABLE search_docs (
    id      INTEGER PRIMARY KEY,      -- order of indexing: higher is newer
    key     INTEGER NOT NULL UNIQUE,  -- ref * 16 + kind code (see the views)
    kind    TEXT NOT NULL,            -- task, learning, skill, assessment, meeting, action_item, goal, milestone, feedback, checkin
    ref     INTEGER NOT NULL,         -- the row itself
    pane    TEXT NOT NULL,            -- focus, journal, skills, meetings, goals, feedback, energy
    target  INTEGER NOT NULL,         -- the row to open in that pane (the meeting of an action item, ...)
    at      TEXT,                     -- day or local moment, for recency and from:/to:
    status  TEXT,                     -- open, done or dropped, for tasks and action items
    title   TEXT NOT NULL,
    body    TEXT NOT NULL
) STRICT;

CREATE INDEX search_docs_at ON search_docs(at);

CREATE VIRTUAL TABLE search USING fts5(
    title, body,
    content = 'search_docs', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);

CREATE TABLE 'search_data'(id INTEGER PRIMARY KEY, block BLOB);

CREATE TABLE 'search_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

CREATE TABLE 'search_docsize'(id INTEGER PRIMARY KEY, sz BLOB);

CREATE TABLE 'search_config'(k PRIMARY KEY, v) WITHOUT ROWID;

CREATE VIEW search_src_task AS
SELECT t.id * 16 + 1 AS key, 'task' AS kind, t.id AS ref, 'focus' AS pane, t.id AS target,
       t.day AS at,
       CASE WHEN t.status IN ('todo', 'doing') THEN 'open' ELSE t.status END AS status,
       replace(replace(t.title, char(57344), ''), char(57345), '') AS title,
       replace(replace(t.notes, char(57344), ''), char(57345), '') AS body
FROM tasks t WHERE t.deleted_at IS NULL;

CREATE VIEW search_src_learning AS
SELECT l.id * 16 + 2 AS key, 'learning' AS kind, l.id AS ref, 'journal' AS pane, l.id AS target,
       l.at AS at, NULL AS status,
       replace(replace(l.title, char(57344), ''), char(57345), '') AS title,
       replace(replace(l.body, char(57344), ''), char(57345), '') AS body
FROM learnings l WHERE l.deleted_at IS NULL;

CREATE VIEW search_src_skill AS
SELECT s.id * 16 + 3 AS key, 'skill' AS kind, s.id AS ref, 'skills' AS pane, s.id AS target,
       NULL AS at, NULL AS status,
       replace(replace(s.name, char(57344), ''), char(57345), '') AS title,
       replace(replace(s.description, char(57344), ''), char(57345), '') AS body
FROM skills s WHERE s.deleted_at IS NULL;

CREATE VIEW search_src_assessment AS
SELECT p.id * 16 + 4 AS key, 'assessment' AS kind, p.id AS ref, 'skills' AS pane,
       p.skill_id AS target, p.assessed_on AS at, NULL AS status,
       '' AS title,
       replace(replace(p.note, char(57344), ''), char(57345), '') AS body
FROM skill_progress p JOIN skills s ON s.id = p.skill_id
WHERE s.deleted_at IS NULL;

CREATE VIEW search_src_meeting AS
SELECT m.id * 16 + 5 AS key, 'meeting' AS kind, m.id AS ref, 'meetings' AS pane, m.id AS target,
       m.starts_at AS at, NULL AS status,
       replace(replace(m.title, char(57344), ''), char(57345), '') AS title,
       replace(replace(m.notes, char(57344), ''), char(57345), '') AS body
FROM meetings m WHERE m.deleted_at IS NULL;

CREATE VIEW search_src_action_item AS
SELECT a.id * 16 + 6 AS key, 'action_item' AS kind, a.id AS ref,
       CASE WHEN a.feedback_id IS NOT NULL THEN 'feedback' ELSE 'meetings' END AS pane,
       coalesce(a.meeting_id, a.feedback_id, a.id) AS target,
       coalesce(m.starts_at, f.day, a.due_date) AS at,
       CASE WHEN a.done_at IS NULL THEN 'open' ELSE 'done' END AS status,
       replace(replace(a.title, char(57344), ''), char(57345), '') AS title,
       '' AS body
FROM action_items a
    LEFT JOIN meetings m ON m.id = a.meeting_id
    LEFT JOIN feedback f ON f.id = a.feedback_id
WHERE a.deleted_at IS NULL AND m.deleted_at IS NULL AND f.deleted_at IS NULL;

CREATE VIEW search_src_goal AS
SELECT g.id * 16 + 7 AS key, 'goal' AS kind, g.id AS ref, 'goals' AS pane, g.id AS target,
       g.target_date AS at, NULL AS status,
       replace(replace(g.title, char(57344), ''), char(57345), '') AS title,
       replace(replace(g.description, char(57344), ''), char(57345), '') AS body
FROM goals g
WHERE g.deleted_at IS NULL AND NOT EXISTS (
    WITH RECURSIVE up(id) AS (
        SELECT g.parent_id
        UNION
        SELECT p.parent_id FROM goals p JOIN up ON p.id = up.id
    )
    SELECT 1 FROM goals a JOIN up ON a.id = up.id WHERE a.deleted_at IS NOT NULL
);

CREATE VIEW search_src_milestone AS
SELECT ms.id * 16 + 8 AS key, 'milestone' AS kind, ms.id AS ref, 'goals' AS pane,
       ms.goal_id AS target, coalesce(ms.due_date, ms.done_on) AS at, NULL AS status,
       replace(replace(ms.title, char(57344), ''), char(57345), '') AS title,
       '' AS body
FROM goal_milestones ms
WHERE EXISTS (SELECT 1 FROM search_src_goal g WHERE g.ref = ms.goal_id);

CREATE VIEW search_src_feedback AS
SELECT f.id * 16 + 9 AS key, 'feedback' AS kind, f.id AS ref, 'feedback' AS pane, f.id AS target,
       f.day AS at, NULL AS status,
       '' AS title,
       replace(replace(f.content, char(57344), ''), char(57345), '') AS body
FROM feedback f WHERE f.deleted_at IS NULL;

CREATE VIEW search_src_checkin AS
SELECT c.id * 16 + 10 AS key, 'checkin' AS kind, c.id AS ref, 'energy' AS pane, c.id AS target,
       c.at AS at, NULL AS status,
       '' AS title,
       replace(replace(c.note, char(57344), ''), char(57345), '') AS body
FROM energy_checkins c WHERE c.deleted_at IS NULL;

CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN
    INSERT INTO search (rowid, title, body) VALUES (new.id, new.title, new.body);
END;

CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN
    INSERT INTO search (search, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;

CREATE TRIGGER search_docs_au AFTER UPDATE OF title, body ON search_docs
WHEN old.title IS NOT new.title OR old.body IS NOT new.body BEGIN
    INSERT INTO search (search, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO search (rowid, title, body) VALUES (new.id, new.title, new.body);
END;

CREATE TRIGGER tasks_search_ai AFTER INSERT ON tasks BEGIN
    INSERT INTO search_docs SELECT NULL, * FROM search_src_task WHERE ref = new.id;
END;

CREATE TRIGGER tasks_search_au AFTER UPDATE OF day, title, notes, status, deleted_at ON tasks BEGIN
    DELETE FROM search_docs WHERE key = old.id * 16 + 1
        AND NOT EXISTS (SELECT 1 FROM search_src_task WHERE ref = new.id);
    INSERT INTO search_docs SELECT NULL, * FROM search_src_task WHERE ref = new.id
        ON CONFLICT (key) DO UPDATE SET pane = excluded.pane, target = excluded.target, at = excluded.at,
            status = excluded.status, title = excluded.title, body = excluded.body;
END;

CREATE TRIGGER tasks_search_ad AFTER DELETE ON tasks BEGIN
    DELETE FROM search_docs WHERE key = old.id * 16 + 1;
END;

CREATE TRIGGER learnings_search_ai AFTER INSERT ON learnings BEGIN
    INSERT INTO search_docs SELECT NULL, * FROM search_src_learning WHERE ref = new.id;
END;

CREATE TRIGGER learnings_search_au AFTER UPDATE OF at, title, body, deleted_at ON learnings BEGIN
    DELETE FROM search_docs WHERE key = old.id * 16 + 2
        AND NOT EXISTS (SELECT 1 FROM search_src_learning WHERE ref = new.id);
    INSERT INTO search_docs SELECT NULL, * FROM search_src_learning WHERE ref = new.id
        ON CONFLICT (key) DO UPDATE SET pane = excluded.pane, target = excluded.target, at = excluded.at,
            status = excluded.status, title = excluded.title, body = excluded.body;
END;

CREATE TRIGGER learnings_search_ad AFTER DELETE ON learnings BEGIN
    DELETE FROM search_docs WHERE key = old.id * 16 + 2;
END;

CREATE TRIGGER skills_search_ai AFTER INSERT ON skills BEGIN
    INSERT INTO search_docs SELECT NULL, * FROM search_src_skill WHERE ref = new.id;
END;

CREATE TRIGGER skills_search_au AFTER UPDATE OF name, description, deleted_at ON skills BEGIN
    DELETE FROM search_docs WHERE key = old.id * 16 + 3
        AND NOT EXISTS (SELECT 1 FROM search_src_skill WHERE ref = new.id);
    INSERT INTO search_docs SELECT NULL, * FROM search_src_skill WHERE ref = new.id
        ON CONFLICT (key) DO UPDATE SET pane = excluded.pane, target = excluded.target, at = excluded.at,
            status = excluded.status, title = excluded.title, body = excluded.body;
END;

CREATE TRIGGER skills_search_children AFTER UPDATE OF deleted_at ON skills
WHEN old.deleted_at IS NOT new.deleted_at BEGIN
    DELETE FROM search_docs WHERE key IN (SELECT id * 16 + 4 FROM skill_progress WHERE skill_id = new.id);
    INSERT INTO search_docs SELECT NULL, * FROM search_src_assessment WHERE target = new.id;
END;

CREATE TRIGGER skills_search_ad AFTER DELETE ON skills BEGIN
    DELETE FROM search_docs WHERE key = old.id * 16 + 3;
END;

CREATE TRIGGER skill_progress_search_ai AFTER INSERT ON skill_progress BEGIN
    INSERT INTO search_docs SELECT NULL, * FROM search_src_assessment WHERE ref = new.id;
END;

CREATE TRIGGER skill_progress_search_au AFTER UPDATE OF skill_id, assessed_on, note ON skill_progress BEGIN
    DELETE FROM search_docs WHERE key = old.id * 16 + 4
        AND NOT EXISTS (SELECT 1 FROM search_src_assessment WHERE ref = new.id);
    INSERT INTO search_docs SELECT NULL, * FROM search_src_assessment WHERE ref = new.id
        ON CONFLICT (key) DO UPDATE SET pane = excluded.pane, target = excluded.target, at = excluded.at,
            status = excluded.status, title = excluded.title, body = excluded.body;
END;

CREATE TRIGGER skill_progress_search_ad AFTER DELETE ON skill_progress BEGIN
    DELETE FROM search_docs WHERE key = old.id * 16 + 4;
END;

CREATE TRIGGER meetings_search_ai AFTER INSERT ON meetings BEGIN
    INSERT INTO search_docs SELECT NULL, * FROM search_src_meeting WHERE ref = new.id;
END;

CREATE TRIGGER meetings_search_au AFTER UPDATE OF starts_at, title, notes, deleted_at ON meetings BEGIN
    DELETE FROM search_docs WHERE key = old.id * 16 + 5
        AND NOT EXISTS (SELECT 1 FROM search_src_meeting WHERE ref = new.id);
    INSERT INTO search_docs SELECT NULL, * FROM search_src_meeting WHERE ref = new.id
        ON CONFLICT (key) DO UPDATE SET pane = excluded.pane, target = excluded.target, at = excluded.at,
            status = excluded.status, title = excluded.title, body = excluded.body;
END;

CREATE TRIGGER meetings_search_children AFTER UPDATE OF starts_at, deleted_at ON meetings
WHEN old.starts_at IS NOT new.starts_at OR old.deleted_at IS NOT new.deleted_at BEGIN
    DELETE FROM search_docs WHERE key IN (SELECT id * 16 + 6 FROM action_items WHERE meeting_id = new.id);
    INSERT INTO search_docs SELECT NULL, * FROM search_src_action_item
        WHERE ref IN (SELECT id FROM action_items WHERE meeting_id = new.id);
END;

CREATE TRIGGER meetings_search_ad AFTER DELETE ON meetings BEGIN
    DELETE FROM search_docs WHERE key = old.id * 16 + 5;
END;

CREATE TRIGGER action_items_search_ai AFTER INSERT ON action_items BEGIN
    INSERT INTO search_docs SELECT NULL, * FROM search_src_action_item WHERE ref = new.id;
END;

CREATE TRIGGER action_items_search_au
AFTER UPDATE OF title, meeting_id, feedback_id, due_date, done_at, deleted_at ON action_items BEGIN
    DELETE FROM search_docs WHERE key = old.id * 16 + 6
        AND NOT EXISTS (SELECT 1 FROM search_src_action_item WHERE ref = new.id);
    INSERT INTO search_docs SELECT NULL, * FROM search_src_action_item WHERE ref = new.id
        ON CONFLICT (key) DO UPDATE SET pane = excluded.pane, target = excluded.target, at = excluded.at,
            status = excluded.status, title = excluded.title, body = excluded.body;
END;

CREATE TRIGGER action_items_search_ad AFTER DELETE ON action_items BEGIN
    DELETE FROM search_docs WHERE key = old.id * 16 + 6;
END;

CREATE TRIGGER goals_search_ai AFTER INSERT ON goals BEGIN
    INSERT INTO search_docs SELECT NULL, * FROM search_src_goal WHERE ref = new.id;
END;

CREATE TRIGGER goals_search_au AFTER UPDATE OF title, description, target_date ON goals BEGIN
    DELETE FROM search_docs WHERE key = old.id * 16 + 7
        AND NOT EXISTS (SELECT 1 FROM search_src_goal WHERE ref = new.id);
    INSERT INTO search_docs SELECT NULL, * FROM search_src_goal WHERE ref = new.id
        ON CONFLICT (key) DO UPDATE SET pane = excluded.pane, target = excluded.target, at = excluded.at,
            status = excluded.status, title = excluded.title, body = excluded.body;
END;

CREATE TRIGGER goals_search_tree AFTER UPDATE OF parent_id, deleted_at ON goals
WHEN old.parent_id IS NOT new.parent_id OR old.deleted_at IS NOT new.deleted_at BEGIN
    DELETE FROM search_docs WHERE key IN (
        WITH RECURSIVE sub(id) AS (
            SELECT new.id UNION SELECT g.id FROM goals g JOIN sub ON g.parent_id = sub.id
        )
        SELECT id * 16 + 7 FROM sub
        UNION ALL
        SELECT ms.id * 16 + 8 FROM goal_milestones ms JOIN sub ON ms.goal_id = sub.id
    );
    INSERT INTO search_docs
        WITH RECURSIVE sub(id) AS (
            SELECT new.id UNION SELECT g.id FROM goals g JOIN sub ON g.parent_id = sub.id
        )
        SELECT NULL, * FROM search_src_goal WHERE ref IN sub
        UNION ALL
        SELECT NULL, * FROM search_src_milestone WHERE target IN sub;
END;

CREATE TRIGGER goals_search_ad AFTER DELETE ON goals BEGIN
    DELETE FROM search_docs WHERE key = old.id * 16 + 7;
END;

CREATE TRIGGER goal_milestones_search_ai AFTER INSERT ON goal_milestones BEGIN
    INSERT INTO search_docs SELECT NULL, * FROM search_src_milestone WHERE ref = new.id;
END;

CREATE TRIGGER goal_milestones_search_au
AFTER UPDATE OF goal_id, title, due_date, done_on ON goal_milestones BEGIN
    DELETE FROM search_docs WHERE key = old.id * 16 + 8
        AND NOT EXISTS (SELECT 1 FROM search_src_milestone WHERE ref = new.id);
    INSERT INTO search_docs SELECT NULL, * FROM search_src_milestone WHERE ref = new.id
        ON CONFLICT (key) DO UPDATE SET pane = excluded.pane, target = excluded.target, at = excluded.at,
            status = excluded.status, title = excluded.title, body = excluded.body;
END;

CREATE TRIGGER goal_milestones_search_ad AFTER DELETE ON goal_milestones BEGIN
    DELETE FROM search_docs WHERE key = old.id * 16 + 8;
END;

CREATE TRIGGER feedback_search_ai AFTER INSERT ON feedback BEGIN
    INSERT INTO search_docs SELECT NULL, * FROM search_src_feedback WHERE ref = new.id;
END;

CREATE TRIGGER feedback_search_au AFTER UPDATE OF day, content, deleted_at ON feedback BEGIN
    DELETE FROM search_docs WHERE key = old.id * 16 + 9
        AND NOT EXISTS (SELECT 1 FROM search_src_feedback WHERE ref = new.id);
    INSERT INTO search_docs SELECT NULL, * FROM search_src_feedback WHERE ref = new.id
        ON CONFLICT (key) DO UPDATE SET pane = excluded.pane, target = excluded.target, at = excluded.at,
            status = excluded.status, title = excluded.title, body = excluded.body;
END;

CREATE TRIGGER feedback_search_children AFTER UPDATE OF day, deleted_at ON feedback
WHEN old.day IS NOT new.day OR old.deleted_at IS NOT new.deleted_at BEGIN
    DELETE FROM search_docs WHERE key IN (SELECT id * 16 + 6 FROM action_items WHERE feedback_id = new.id);
    INSERT INTO search_docs SELECT NULL, * FROM search_src_action_item
        WHERE ref IN (SELECT id FROM action_items WHERE feedback_id = new.id);
END;

CREATE TRIGGER feedback_search_ad AFTER DELETE ON feedback BEGIN
    DELETE FROM search_docs WHERE key = old.id * 16 + 9;
END;

CREATE TRIGGER energy_checkins_search_ai AFTER INSERT ON energy_checkins BEGIN
    INSERT INTO search_docs SELECT NULL, * FROM search_src_checkin WHERE ref = new.id;
END;

CREATE TRIGGER energy_checkins_search_au AFTER UPDATE OF at, note, deleted_at ON energy_checkins BEGIN
    DELETE FROM search_docs WHERE key = old.id * 16 + 10
        AND NOT EXISTS (SELECT 1 FROM search_src_checkin WHERE ref = new.id);
    INSERT INTO search_docs SELECT NULL, * FROM search_src_checkin WHERE ref = new.id
        ON CONFLICT (key) DO UPDATE SET pane = excluded.pane, target = excluded.target, at = excluded.at,
            status = excluded.status, title = excluded.title, body = excluded.body;
END;

CREATE TRIGGER energy_checkins_search_ad AFTER DELETE ON energy_checkins BEGIN
    DELETE FROM search_docs WHERE key = old.id * 16 + 10;
END;

CREATE TABLE database_identity (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    identity    TEXT NOT NULL CHECK (length(identity) = 32),
    -- What last gave the database its identity: 'migrate', 'restore' or 'import'.
    reason      TEXT NOT NULL CHECK (reason IN ('migrate', 'restore', 'import')),
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    -- When the identity last changed.
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ'))
) STRICT;

CREATE INDEX learnings_live_at ON learnings(at) WHERE deleted_at IS NULL;

CREATE INDEX meetings_live_day ON meetings(substr(starts_at, 1, 10) DESC, starts_at, id)
    WHERE deleted_at IS NULL;

CREATE INDEX goals_done_on ON goals(done_on);

CREATE INDEX people_name_key ON people(name_key);

CREATE INDEX tags_name_key ON tags(name_key);

CREATE INDEX feedback_live_day ON feedback(day) WHERE deleted_at IS NULL;

CREATE INDEX feedback_live_who ON feedback(direction, person_id, day) WHERE deleted_at IS NULL;

CREATE VIRTUAL TABLE search_learnings USING fts5(
    title, body,
    content = 'learnings', content_rowid = 'id',
    tokenize = 'trigram'
);

CREATE TABLE 'search_learnings_data'(id INTEGER PRIMARY KEY, block BLOB);

CREATE TABLE 'search_learnings_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

CREATE TABLE 'search_learnings_docsize'(id INTEGER PRIMARY KEY, sz BLOB);

CREATE TABLE 'search_learnings_config'(k PRIMARY KEY, v) WITHOUT ROWID;

CREATE TRIGGER learnings_search_text_ai AFTER INSERT ON learnings BEGIN
    INSERT INTO search_learnings (rowid, title, body) VALUES (new.id, new.title, new.body);
END;

CREATE TRIGGER learnings_search_text_ad AFTER DELETE ON learnings BEGIN
    INSERT INTO search_learnings (search_learnings, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
END;

CREATE TRIGGER learnings_search_text_au AFTER UPDATE OF title, body ON learnings BEGIN
    INSERT INTO search_learnings (search_learnings, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO search_learnings (rowid, title, body) VALUES (new.id, new.title, new.body);
END;

CREATE INDEX tasks_live_list ON tasks(day DESC, position, id) WHERE deleted_at IS NULL;

CREATE INDEX tasks_deleted ON tasks(deleted_at) WHERE deleted_at IS NOT NULL;

CREATE INDEX learnings_deleted ON learnings(deleted_at) WHERE deleted_at IS NOT NULL;

CREATE INDEX skills_deleted ON skills(deleted_at) WHERE deleted_at IS NOT NULL;

CREATE INDEX meetings_deleted ON meetings(deleted_at) WHERE deleted_at IS NOT NULL;

CREATE INDEX action_items_deleted ON action_items(deleted_at) WHERE deleted_at IS NOT NULL;

CREATE INDEX goals_deleted ON goals(deleted_at) WHERE deleted_at IS NOT NULL;

CREATE INDEX feedback_deleted ON feedback(deleted_at) WHERE deleted_at IS NOT NULL;

CREATE INDEX energy_checkins_deleted ON energy_checkins(deleted_at)
    WHERE deleted_at IS NOT NULL;

CREATE TABLE calendar_events (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    source      TEXT NOT NULL DEFAULT 'ics' CONSTRAINT calendar_source CHECK (source IN ('ics')),
    uid         TEXT NOT NULL CONSTRAINT calendar_uid_empty CHECK (length(uid) > 0),
    occurrence  TEXT NOT NULL,
    recurring   INTEGER NOT NULL DEFAULT 0 CONSTRAINT calendar_recurring CHECK (recurring IN (0, 1)),
    location    TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL DEFAULT 'confirmed'
                CONSTRAINT calendar_status CHECK (status IN ('confirmed', 'cancelled')),
    fingerprint TEXT NOT NULL,
    synced_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ'))
, calendar TEXT NOT NULL DEFAULT '', calendar_name TEXT NOT NULL DEFAULT '') STRICT;

CREATE UNIQUE INDEX calendar_events_meeting_id ON calendar_events(meeting_id);

CREATE UNIQUE INDEX calendar_events_key ON calendar_events(uid, occurrence);

CREATE INDEX calendar_events_calendar ON calendar_events(calendar) WHERE calendar <> '';

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

CREATE TABLE attachments (
    id            INTEGER PRIMARY KEY,
    task_id       INTEGER REFERENCES tasks(id) ON DELETE CASCADE,
    learning_id   INTEGER REFERENCES learnings(id) ON DELETE CASCADE,
    meeting_id    INTEGER REFERENCES meetings(id) ON DELETE CASCADE,
    goal_id       INTEGER REFERENCES goals(id) ON DELETE CASCADE,
    feedback_id   INTEGER REFERENCES feedback(id) ON DELETE CASCADE,
    assessment_id INTEGER REFERENCES skill_progress(id) ON DELETE CASCADE,
    name          TEXT NOT NULL
                  CONSTRAINT attachment_name CHECK (length(name) BETWEEN 1 AND 255 AND instr(name, '/') = 0),
    size          INTEGER NOT NULL CONSTRAINT attachment_size CHECK (size >= 0),
    media_type    TEXT NOT NULL CONSTRAINT attachment_media_type CHECK (length(media_type) > 0),
    sha256        TEXT NOT NULL
                  CONSTRAINT attachment_sha256 CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    deleted_at    TEXT,
    version       INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT attachment_owner CHECK (
        (task_id IS NOT NULL) + (learning_id IS NOT NULL) + (meeting_id IS NOT NULL)
        + (goal_id IS NOT NULL) + (feedback_id IS NOT NULL) + (assessment_id IS NOT NULL) = 1)
) STRICT;

CREATE INDEX attachments_task_id ON attachments(task_id) WHERE task_id IS NOT NULL;

CREATE INDEX attachments_learning_id ON attachments(learning_id) WHERE learning_id IS NOT NULL;

CREATE INDEX attachments_meeting_id ON attachments(meeting_id) WHERE meeting_id IS NOT NULL;

CREATE INDEX attachments_goal_id ON attachments(goal_id) WHERE goal_id IS NOT NULL;

CREATE INDEX attachments_feedback_id ON attachments(feedback_id) WHERE feedback_id IS NOT NULL;

CREATE INDEX attachments_assessment_id ON attachments(assessment_id)
    WHERE assessment_id IS NOT NULL;

CREATE INDEX attachments_sha256 ON attachments(sha256);

CREATE INDEX attachments_deleted ON attachments(deleted_at) WHERE deleted_at IS NOT NULL;

CREATE TRIGGER attachments_history_ai AFTER INSERT ON attachments BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key)SELECT change_id,'attachments',json_array(NEW.id) FROM history_open WHERE true ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER attachments_history_au AFTER UPDATE ON attachments BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key,before)SELECT change_id,'attachments',json_array(OLD.id),
 json_object('id',OLD.id,'task_id',OLD.task_id,'learning_id',OLD.learning_id,'meeting_id',OLD.meeting_id,'goal_id',OLD.goal_id,'feedback_id',OLD.feedback_id,'assessment_id',OLD.assessment_id,'name',OLD.name,'size',OLD.size,'media_type',OLD.media_type,'sha256',OLD.sha256,'created_at',OLD.created_at,'updated_at',OLD.updated_at,'deleted_at',OLD.deleted_at,'version',OLD.version)
 FROM history_open WHERE true ON CONFLICT DO NOTHING;
 INSERT INTO history_rows(change_id,table_name,row_key)SELECT change_id,'attachments',json_array(NEW.id) FROM history_open WHERE NOT(NEW.id IS OLD.id) ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER attachments_history_ad AFTER DELETE ON attachments BEGIN
 INSERT INTO history_rows(change_id,table_name,row_key,before)SELECT change_id,'attachments',json_array(OLD.id),
 json_object('id',OLD.id,'task_id',OLD.task_id,'learning_id',OLD.learning_id,'meeting_id',OLD.meeting_id,'goal_id',OLD.goal_id,'feedback_id',OLD.feedback_id,'assessment_id',OLD.assessment_id,'name',OLD.name,'size',OLD.size,'media_type',OLD.media_type,'sha256',OLD.sha256,'created_at',OLD.created_at,'updated_at',OLD.updated_at,'deleted_at',OLD.deleted_at,'version',OLD.version)
 FROM history_open WHERE true ON CONFLICT DO NOTHING;
END;
