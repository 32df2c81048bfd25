-- Search everything: one full-text index over the text of every pane.
--
-- Design
--   * search_docs holds one row per searchable row of the ten kinds (task, learning, skill,
--     assessment, meeting, action_item, goal, milestone, feedback, checkin) that its pane would
--     show: not deleted, and not under a deleted meeting, feedback, skill or goal. Its key is
--     the source row's id * 16 + a code for the kind (unique, so a trigger finds a row's entry
--     by index); its id grows as rows are indexed, so the newest entries have the highest ids
--     and a search can rank the most recent matches of a very common word without ranking
--     them all. It also carries what results are filtered and sorted by (pane, the row to
--     open, a date, open/done), indexed by date so filter-only searches are cheap.
--   * search is an FTS5 index over search_docs' title and body, with search_docs as its
--     external content. One index for every pane means one MATCH ranks everything together.
--     A contentless index cannot give snippets; pointing external content at the source
--     tables directly would need one index per table (and a merge of rankings). The cost is
--     a second copy of the text, in search_docs.
--   * Triggers on the source tables keep a row's entry in step on every insert, edit, soft
--     delete, restore and hard delete (cascades included: SQLite fires delete triggers for
--     cascaded rows). An edit updates the entry in place; triggers on search_docs then touch
--     the FTS index (as the FTS5 manual describes for external content) only when the text
--     changed, so marking a task done costs the index nothing.
--   * The views search_src_* say once, per kind, what an entry holds; the triggers and the
--     initial fill below select from them.
--   * Text is indexed without U+E000 and U+E001: snippets mark matches with them, so they must
--     not occur in the text itself. unicode61 with remove_diacritics 2 folds case and accents
--     (cafe finds Café); prefix indexes of 2 and 3 characters make short prefixes (ku*) fast.

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

-- An assessment's text is its note; results show the skill's name (see the repository).
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

-- An action item opens in the pane of what it came from; one from nothing opens itself in
-- Meetings. Its date is its meeting's or feedback's, else its due date.
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

-- A goal is shown while neither it nor any goal above it is deleted.
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

-- Feedback's text is its content; results say who it was with (see the repository).
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

-- Index every row there already is, oldest first (so ids follow dates), then build the
-- full-text index over them in one pass. NULL for id picks the next id.
INSERT INTO search_docs SELECT NULL, * FROM (
              SELECT * FROM search_src_task
    UNION ALL SELECT * FROM search_src_learning
    UNION ALL SELECT * FROM search_src_skill
    UNION ALL SELECT * FROM search_src_assessment
    UNION ALL SELECT * FROM search_src_meeting
    UNION ALL SELECT * FROM search_src_action_item
    UNION ALL SELECT * FROM search_src_goal
    UNION ALL SELECT * FROM search_src_milestone
    UNION ALL SELECT * FROM search_src_feedback
    UNION ALL SELECT * FROM search_src_checkin
) ORDER BY at, key;
INSERT INTO search (search) VALUES ('rebuild');

-- search_docs -> search
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

-- Focus tasks
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

-- Journal
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

-- Skills, and their assessments (hidden with a deleted skill)
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

-- Meetings, and their action items (hidden with a deleted meeting, dated by it)
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

-- Goals, and everything under them (a deleted goal hides its subtree and milestones)
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

-- Feedback, and its action items (hidden with deleted feedback, dated by it)
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

-- Energy check-ins
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
