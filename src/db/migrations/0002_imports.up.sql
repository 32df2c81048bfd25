-- Where imported rows came from. One row per imported record: the source tool, the record's
-- identity there (so importing the same file twice adds nothing), the row it became, and the
-- record exactly as it was read (so fields worklog has no column for are kept, not dropped).
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
