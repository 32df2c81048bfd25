-- Files attached to items (issue 14).
--
-- The bytes are not in the database: on SQLite they live in `attachments/` beside it, under
-- their SHA-256 (`attachments/ab/abcdef…`, sharded by the first two hex characters), written
-- and synced before the row that names them commits (src/attachments.rs). The same content
-- is stored once, however many rows name it. A row is one attach: a name, the size, the
-- media type (guessed from the name), the SHA-256 the file must still have, and the one item
-- it belongs to: exactly one of the owner columns is set. `created_at` is when it was
-- attached; `deleted_at` a soft delete (`worklog detach`, undone by `worklog undo`).
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

-- The history records attachments as it records every table of the log's data (step 13 and
-- its README): attaching, detaching and bringing back are changes that can be listed and
-- reverted.
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
