-- worklog schema, version 2. Generated from src/db/migrations/ by the test
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
) STRICT;

CREATE UNIQUE INDEX people_org_name ON people(ifnull(organization_id, 0), name COLLATE NOCASE);

CREATE INDEX people_organization_id ON people(organization_id);

CREATE TABLE tags (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL COLLATE NOCASE UNIQUE
                CONSTRAINT tag_name_invalid CHECK (length(name) BETWEEN 1 AND 64 AND name NOT GLOB '*[ 	,]*'),
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    version     INTEGER NOT NULL DEFAULT 1
) STRICT;

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
