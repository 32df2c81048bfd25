//! Reading any kind of row from the shell: `worklog list` and `worklog show`.
//!
//! Each row is built as a JSON object by SQLite itself (`json_object`, with linked rows as
//! nested arrays), so the field names and their order are written once, here, and a script
//! reading `--json` sees exactly what the text output was made from. Lists are filtered,
//! ordered and cut in SQL (`LIMIT`), with the number of matching rows counted in the same
//! statement (`count(*) OVER ()`), so a long table is never loaded to show its first rows.
//!
//! A JSON value that comes out of a subquery has lost its JSON subtype and would be embedded
//! as a string, so every nested object or array is wrapped in `json(...)`.

use super::Repo;
use crate::db::error::{Error, Result};
use crate::db::sql::OptionalExtension;
use crate::db::sql::types::Value;
use crate::model::Id;
use chrono::NaiveDate;
use serde_json::value::RawValue;

/// What `worklog list` and `worklog show` can read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadKind {
    Tasks,
    Learnings,
    Skills,
    Meetings,
    Goals,
    Feedback,
    Checkins,
    People,
    Tags,
}

impl ReadKind {
    /// The singular noun, for messages: "task 7 does not exist".
    pub fn noun(self) -> &'static str {
        match self {
            ReadKind::Tasks => "task",
            ReadKind::Learnings => "learning",
            ReadKind::Skills => "skill",
            ReadKind::Meetings => "meeting",
            ReadKind::Goals => "goal",
            ReadKind::Feedback => "feedback",
            ReadKind::Checkins => "check-in",
            ReadKind::People => "person",
            ReadKind::Tags => "tag",
        }
    }

    /// The plural, as typed after `worklog list`.
    pub fn plural(self) -> &'static str {
        match self {
            ReadKind::Tasks => "tasks",
            ReadKind::Learnings => "learnings",
            ReadKind::Skills => "skills",
            ReadKind::Meetings => "meetings",
            ReadKind::Goals => "goals",
            ReadKind::Feedback => "feedback",
            ReadKind::Checkins => "checkins",
            ReadKind::People => "people",
            ReadKind::Tags => "tags",
        }
    }

    /// The `--status` values this kind takes (none: the filter does not apply).
    pub fn statuses(self) -> &'static [&'static str] {
        match self {
            ReadKind::Tasks => &["todo", "doing", "done", "dropped", "open"],
            ReadKind::Goals => &["active", "paused", "done", "dropped", "open"],
            ReadKind::Feedback => &["given", "received"],
            ReadKind::Learnings => &["starred"],
            _ => &[],
        }
    }

    /// Whether `--day`/`--from`/`--to` apply (the kind has a date of its own).
    pub fn has_day(self) -> bool {
        self.spec().day.is_some()
    }

    /// Whether `--tag` applies.
    pub fn has_tag(self) -> bool {
        self.spec().tag.is_some()
    }

    /// Whether `--person` applies.
    pub fn has_person(self) -> bool {
        self.spec().person.is_some()
    }

    fn spec(self) -> &'static Spec {
        match self {
            ReadKind::Tasks => &TASKS,
            ReadKind::Learnings => &LEARNINGS,
            ReadKind::Skills => &SKILLS,
            ReadKind::Meetings => &MEETINGS,
            ReadKind::Goals => &GOALS,
            ReadKind::Feedback => &FEEDBACK,
            ReadKind::Checkins => &CHECKINS,
            ReadKind::People => &PEOPLE,
            ReadKind::Tags => &TAGS,
        }
    }
}

/// The filters of `worklog list`, already checked to apply to the kind (see [`ReadKind`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListFilter {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// A tag name, matched ignoring case.
    pub tag: Option<String>,
    /// Part of a person's name, matched ignoring case.
    pub person: Option<String>,
    /// One of [`ReadKind::statuses`].
    pub status: Option<String>,
    /// At most this many rows.
    pub limit: usize,
}

/// One page of a list: the first rows that matched, and how many matched in all.
#[derive(Debug)]
pub struct ListPage {
    /// Each row as a JSON object (field names per kind, dates ISO 8601).
    pub rows: Vec<Box<RawValue>>,
    /// How many rows pass the filter, counted no further than one past [`COUNT_CAP`]
    /// (see [`ListPage::counted_all`]).
    pub total: u64,
}

impl ListPage {
    /// False when more than [`COUNT_CAP`] rows pass: `total` then only says so.
    pub fn counted_all(&self) -> bool {
        self.total <= COUNT_CAP as u64
    }
}

/// How far `list` counts the rows that pass its filter (the most `--limit` can show).
pub const COUNT_CAP: usize = 10_000;

/// How to read one kind: the table (aliased `x`), the JSON a row becomes, and the
/// expressions its filters use.
struct Spec {
    from: &'static str,
    live: &'static str,
    row: &'static str,
    detail: &'static str,
    /// The row's day, for `--from`/`--to`.
    day: Option<&'static str>,
    /// The tag link table and its column naming the row.
    tag: Option<(&'static str, &'static str)>,
    /// A condition with one `?`: the lower-cased part of a name.
    person: Option<&'static str>,
    order: &'static str,
}

/// Names of the tags on row `x.id` through link table `$1` (column `$2`), as a JSON array.
macro_rules! tags_of {
    ($table:literal, $col:literal) => {
        concat!(
            "json((SELECT json_group_array(name) FROM (SELECT t.name FROM ",
            $table,
            " l JOIN tags t ON t.id = l.tag_id WHERE l.",
            $col,
            " = x.id ORDER BY t.name)))"
        )
    };
}

const TASKS: Spec = Spec {
    from: "tasks x",
    live: "x.deleted_at IS NULL",
    row: concat!(
        "json_object('id', x.id, 'day', x.day, 'status', x.status, 'priority', ",
        "CASE x.priority WHEN 1 THEN 'high' WHEN 3 THEN 'low' ELSE 'normal' END, ",
        "'title', x.title, 'tags', ",
        tags_of!("task_tags", "task_id"),
        ", 'goal_id', x.goal_id, 'estimate_minutes', x.estimate_minutes, ",
        "'carry_count', x.carry_count, 'done_at', x.done_at)"
    ),
    detail: concat!(
        "json_object('id', x.id, 'day', x.day, 'first_day', x.first_day, 'status', x.status, ",
        "'priority', CASE x.priority WHEN 1 THEN 'high' WHEN 3 THEN 'low' ELSE 'normal' END, ",
        "'title', x.title, 'notes', x.notes, 'estimate_minutes', x.estimate_minutes, 'tags', ",
        tags_of!("task_tags", "task_id"),
        ", 'goal', json((SELECT json_object('id', g.id, 'title', g.title, 'status', g.status) ",
        "FROM goals g WHERE g.id = x.goal_id AND g.deleted_at IS NULL)), ",
        "'carry_count', x.carry_count, 'carries', json((SELECT json_group_array(json(c)) FROM ",
        "(SELECT json_object('from_day', from_day, 'to_day', to_day) AS c FROM task_carries ",
        "WHERE task_id = x.id ORDER BY from_day, id))), ",
        "'action_item', json((SELECT json_object('id', a.id, 'title', a.title, 'meeting_id', ",
        "a.meeting_id, 'feedback_id', a.feedback_id) FROM action_items a WHERE a.task_id = x.id ",
        "AND a.deleted_at IS NULL)), ",
        "'done_at', x.done_at, 'created_at', strftime('%Y-%m-%dT%H:%M:%fZ', x.created_at), 'updated_at', strftime('%Y-%m-%dT%H:%M:%fZ', x.updated_at), ",
        "'version', x.version)"
    ),
    day: Some("x.day"),
    tag: Some(("task_tags", "task_id")),
    person: None,
    order: "x.day DESC, x.position, x.id",
};

const LEARNINGS: Spec = Spec {
    from: "learnings x",
    live: "x.deleted_at IS NULL",
    row: concat!(
        "json_object('id', x.id, 'at', x.at, 'title', x.title, ",
        "'starred', json(CASE WHEN x.starred THEN 'true' ELSE 'false' END), 'tags', ",
        tags_of!("learning_tags", "learning_id"),
        ", 'skills', json((SELECT json_group_array(name) FROM (SELECT s.name FROM ",
        "learning_skills l JOIN skills s ON s.id = l.skill_id WHERE l.learning_id = x.id ",
        "AND s.deleted_at IS NULL ORDER BY s.name))))"
    ),
    detail: concat!(
        "json_object('id', x.id, 'at', x.at, 'title', x.title, ",
        "'starred', json(CASE WHEN x.starred THEN 'true' ELSE 'false' END), 'body', x.body, ",
        "'tags', ",
        tags_of!("learning_tags", "learning_id"),
        ", 'skills', json((SELECT json_group_array(json(s)) FROM (SELECT json_object('id', ",
        "s.id, 'name', s.name) AS s FROM learning_skills l JOIN skills s ON s.id = l.skill_id ",
        "WHERE l.learning_id = x.id AND s.deleted_at IS NULL ORDER BY s.name))), ",
        "'created_at', strftime('%Y-%m-%dT%H:%M:%fZ', x.created_at), 'updated_at', strftime('%Y-%m-%dT%H:%M:%fZ', x.updated_at), 'version', x.version)"
    ),
    day: Some("date(x.at)"),
    tag: Some(("learning_tags", "learning_id")),
    person: None,
    order: "x.at DESC, x.id DESC",
};

/// The newest assessment of skill `x`: `$1` is the column wanted.
macro_rules! latest_assessment {
    ($col:literal) => {
        concat!(
            "(SELECT ",
            $col,
            " FROM skill_progress p WHERE p.skill_id = x.id ORDER BY p.assessed_on DESC, p.id DESC LIMIT 1)"
        )
    };
}

const SKILLS: Spec = Spec {
    from: "skills x",
    live: "x.deleted_at IS NULL",
    row: concat!(
        "json_object('id', x.id, 'name', x.name, 'category', x.category, 'level', ",
        latest_assessment!("level"),
        ", 'target_level', x.target_level, 'assessed_on', ",
        latest_assessment!("assessed_on"),
        ", 'tags', ",
        tags_of!("skill_tags", "skill_id"),
        ")"
    ),
    detail: concat!(
        "json_object('id', x.id, 'name', x.name, 'category', x.category, 'description', ",
        "x.description, 'level', ",
        latest_assessment!("level"),
        ", 'target_level', x.target_level, 'organization', (SELECT name FROM organizations o ",
        "WHERE o.id = x.organization_id), 'tags', ",
        tags_of!("skill_tags", "skill_id"),
        ", 'history', json((SELECT json_group_array(json(h)) FROM (SELECT json_object(",
        "'assessed_on', assessed_on, 'level', level, 'note', note) AS h FROM skill_progress ",
        "WHERE skill_id = x.id ORDER BY assessed_on, id))), ",
        "'learnings', (SELECT count(*) FROM learning_skills ls JOIN learnings l ON l.id = ",
        "ls.learning_id WHERE ls.skill_id = x.id AND l.deleted_at IS NULL), ",
        "'recent_learnings', json((SELECT json_group_array(json(j)) FROM (SELECT json_object(",
        "'id', l.id, 'at', l.at, 'title', l.title) AS j FROM learning_skills ls JOIN learnings l ",
        "ON l.id = ls.learning_id WHERE ls.skill_id = x.id AND l.deleted_at IS NULL ",
        "ORDER BY l.at DESC, l.id DESC LIMIT 10))), ",
        "'created_at', strftime('%Y-%m-%dT%H:%M:%fZ', x.created_at), 'updated_at', strftime('%Y-%m-%dT%H:%M:%fZ', x.updated_at), 'version', x.version)"
    ),
    day: None,
    tag: Some(("skill_tags", "skill_id")),
    person: None,
    order: "x.name COLLATE NOCASE, x.id",
};

const MEETINGS: Spec = Spec {
    from: "meetings x",
    live: "x.deleted_at IS NULL",
    row: concat!(
        "json_object('id', x.id, 'starts_at', x.starts_at, 'duration_minutes', ",
        "x.duration_minutes, 'kind', x.kind, 'title', x.title, 'attendees', ",
        "json((SELECT json_group_array(name) FROM (SELECT p.name FROM meeting_attendees a ",
        "JOIN people p ON p.id = a.person_id WHERE a.meeting_id = x.id ORDER BY p.name))), ",
        "'tags', ",
        tags_of!("meeting_tags", "meeting_id"),
        ", 'open_action_items', (SELECT count(*) FROM action_items a WHERE a.meeting_id = x.id ",
        "AND a.deleted_at IS NULL AND a.done_at IS NULL))"
    ),
    detail: concat!(
        "json_object('id', x.id, 'starts_at', x.starts_at, 'duration_minutes', ",
        "x.duration_minutes, 'kind', x.kind, 'title', x.title, 'notes', x.notes, 'attendees', ",
        "json((SELECT json_group_array(json(p)) FROM (SELECT json_object('id', p.id, 'name', ",
        "p.name) AS p FROM meeting_attendees a JOIN people p ON p.id = a.person_id ",
        "WHERE a.meeting_id = x.id ORDER BY p.name))), 'tags', ",
        tags_of!("meeting_tags", "meeting_id"),
        ", 'action_items', json((SELECT json_group_array(json(i)) FROM (SELECT json_object(",
        "'id', a.id, 'title', a.title, 'owner', (SELECT name FROM people o WHERE o.id = ",
        "a.owner_id), 'due_date', a.due_date, 'done_at', a.done_at, 'task_id', a.task_id) AS i ",
        "FROM action_items a WHERE a.meeting_id = x.id AND a.deleted_at IS NULL ",
        "ORDER BY a.id))), ",
        "'created_at', strftime('%Y-%m-%dT%H:%M:%fZ', x.created_at), 'updated_at', strftime('%Y-%m-%dT%H:%M:%fZ', x.updated_at), 'version', x.version)"
    ),
    day: Some("date(x.starts_at)"),
    tag: Some(("meeting_tags", "meeting_id")),
    person: Some(
        "EXISTS (SELECT 1 FROM meeting_attendees a JOIN people p ON p.id = a.person_id \
         WHERE a.meeting_id = x.id AND contains_folded(p.name, ?))",
    ),
    order: "x.starts_at DESC, x.id DESC",
};

/// Goals under a deleted goal are hidden with it, as in the Goals pane.
const LIVE_GOAL: &str = "x.deleted_at IS NULL AND NOT EXISTS (WITH RECURSIVE up(id) AS \
     (SELECT x.parent_id UNION SELECT g.parent_id FROM goals g JOIN up ON g.id = up.id) \
     SELECT 1 FROM goals g JOIN up ON g.id = up.id WHERE g.deleted_at IS NOT NULL)";

const GOALS: Spec = Spec {
    from: "goals x",
    live: LIVE_GOAL,
    row: concat!(
        "json_object('id', x.id, 'title', x.title, 'status', x.status, 'target_date', ",
        "x.target_date, 'parent_id', x.parent_id, 'milestones_done', (SELECT count(*) FROM ",
        "goal_milestones m WHERE m.goal_id = x.id AND m.done_on IS NOT NULL), ",
        "'milestones', (SELECT count(*) FROM goal_milestones m WHERE m.goal_id = x.id), 'tags', ",
        tags_of!("goal_tags", "goal_id"),
        ")"
    ),
    detail: concat!(
        "json_object('id', x.id, 'title', x.title, 'description', x.description, 'status', ",
        "x.status, 'target_date', x.target_date, 'done_on', x.done_on, ",
        // JSON text made in Rust, so that both backends write the number alike (PostgreSQL
        // writes a whole float without its `.0`), and typed (a bare parameter in PostgreSQL's
        // json_build_object has none).
        "'progress', json(CAST(?2 AS TEXT)), ",
        "'parent', json((SELECT json_object('id', g.id, 'title', g.title) FROM goals g ",
        "WHERE g.id = x.parent_id AND g.deleted_at IS NULL)), ",
        "'children', json((SELECT json_group_array(json(c)) FROM (SELECT json_object('id', ",
        "g.id, 'title', g.title, 'status', g.status) AS c FROM goals g WHERE g.parent_id = x.id ",
        "AND g.deleted_at IS NULL ORDER BY g.position, g.id))), ",
        "'milestones', json((SELECT json_group_array(json(m)) FROM (SELECT json_object('id', ",
        "m.id, 'title', m.title, 'due_date', m.due_date, 'done_on', m.done_on) AS m FROM ",
        "goal_milestones m WHERE m.goal_id = x.id ORDER BY m.position, m.id))), 'tags', ",
        tags_of!("goal_tags", "goal_id"),
        ", 'tasks', (SELECT count(*) FROM tasks t WHERE t.goal_id = x.id AND t.deleted_at IS NULL), ",
        "'open_tasks', json((SELECT json_group_array(json(t)) FROM (SELECT json_object('id', ",
        "t.id, 'day', t.day, 'status', t.status, 'title', t.title) AS t FROM tasks t WHERE ",
        "t.goal_id = x.id AND t.deleted_at IS NULL AND t.status IN ('todo', 'doing') ",
        "ORDER BY t.day, t.position, t.id LIMIT 20))), ",
        "'created_at', strftime('%Y-%m-%dT%H:%M:%fZ', x.created_at), 'updated_at', strftime('%Y-%m-%dT%H:%M:%fZ', x.updated_at), 'version', x.version)"
    ),
    day: None,
    tag: Some(("goal_tags", "goal_id")),
    person: None,
    order: "CASE x.status WHEN 'active' THEN 0 WHEN 'paused' THEN 1 WHEN 'done' THEN 2 ELSE 3 END, \
            x.position, x.id",
};

const FEEDBACK: Spec = Spec {
    from: "feedback x JOIN people p ON p.id = x.person_id",
    live: "x.deleted_at IS NULL",
    row: concat!(
        "json_object('id', x.id, 'day', x.day, 'direction', x.direction, 'kind', x.kind, ",
        "'person', p.name, 'person_id', p.id, 'content', x.content, 'tags', ",
        tags_of!("feedback_tags", "feedback_id"),
        ")"
    ),
    detail: concat!(
        "json_object('id', x.id, 'day', x.day, 'direction', x.direction, 'kind', x.kind, ",
        "'person', json_object('id', p.id, 'name', p.name, 'organization', (SELECT name FROM ",
        "organizations o WHERE o.id = p.organization_id)), 'content', x.content, ",
        "'meeting', json((SELECT json_object('id', m.id, 'title', m.title, 'starts_at', ",
        "m.starts_at) FROM meetings m WHERE m.id = x.meeting_id AND m.deleted_at IS NULL)), ",
        "'tags', ",
        tags_of!("feedback_tags", "feedback_id"),
        ", 'action_items', json((SELECT json_group_array(json(i)) FROM (SELECT json_object(",
        "'id', a.id, 'title', a.title, 'due_date', a.due_date, 'done_at', a.done_at, ",
        "'task_id', a.task_id) AS i FROM action_items a WHERE a.feedback_id = x.id ",
        "AND a.deleted_at IS NULL ORDER BY a.id))), ",
        "'created_at', strftime('%Y-%m-%dT%H:%M:%fZ', x.created_at), 'updated_at', strftime('%Y-%m-%dT%H:%M:%fZ', x.updated_at), 'version', x.version)"
    ),
    day: Some("x.day"),
    tag: Some(("feedback_tags", "feedback_id")),
    person: Some("contains_folded(p.name, ?)"),
    order: "x.day DESC, x.id DESC",
};

const CHECKINS: Spec = Spec {
    from: "energy_checkins x",
    live: "x.deleted_at IS NULL",
    row: concat!(
        "json_object('id', x.id, 'at', x.at, 'level', x.level, 'note', x.note, 'tags', ",
        tags_of!("checkin_tags", "checkin_id"),
        ")"
    ),
    detail: concat!(
        "json_object('id', x.id, 'at', x.at, 'level', x.level, 'note', x.note, 'tags', ",
        tags_of!("checkin_tags", "checkin_id"),
        ", 'created_at', strftime('%Y-%m-%dT%H:%M:%fZ', x.created_at), 'updated_at', strftime('%Y-%m-%dT%H:%M:%fZ', x.updated_at), 'version', x.version)"
    ),
    day: Some("date(x.at)"),
    tag: Some(("checkin_tags", "checkin_id")),
    person: None,
    order: "x.at DESC, x.id DESC",
};

const PEOPLE: Spec = Spec {
    from: "people x",
    live: "1 = 1",
    row: concat!(
        "json_object('id', x.id, 'name', x.name, 'organization', (SELECT name FROM ",
        "organizations o WHERE o.id = x.organization_id), 'role', x.role, 'email', x.email, ",
        "'meetings', (SELECT count(*) FROM meeting_attendees a JOIN meetings m ON m.id = ",
        "a.meeting_id WHERE a.person_id = x.id AND m.deleted_at IS NULL), ",
        "'feedback', (SELECT count(*) FROM feedback f WHERE f.person_id = x.id ",
        "AND f.deleted_at IS NULL))"
    ),
    detail: concat!(
        "json_object('id', x.id, 'name', x.name, 'organization', (SELECT name FROM ",
        "organizations o WHERE o.id = x.organization_id), 'role', x.role, 'email', x.email, ",
        "'notes', x.notes, ",
        "'meetings', (SELECT count(*) FROM meeting_attendees a JOIN meetings m ON m.id = ",
        "a.meeting_id WHERE a.person_id = x.id AND m.deleted_at IS NULL), ",
        "'feedback_given', (SELECT count(*) FROM feedback f WHERE f.person_id = x.id ",
        "AND f.deleted_at IS NULL AND f.direction = 'given'), ",
        "'feedback_received', (SELECT count(*) FROM feedback f WHERE f.person_id = x.id ",
        "AND f.deleted_at IS NULL AND f.direction = 'received'), ",
        "'open_action_items', (SELECT count(*) FROM action_items a WHERE a.owner_id = x.id ",
        "AND a.deleted_at IS NULL AND a.done_at IS NULL), ",
        "'recent_meetings', json((SELECT json_group_array(json(r)) FROM (SELECT json_object(",
        "'id', m.id, 'starts_at', m.starts_at, 'title', m.title) AS r FROM meeting_attendees a ",
        "JOIN meetings m ON m.id = a.meeting_id WHERE a.person_id = x.id AND m.deleted_at IS NULL ",
        "ORDER BY m.starts_at DESC, m.id DESC LIMIT 5))), ",
        "'recent_feedback', json((SELECT json_group_array(json(r)) FROM (SELECT json_object(",
        "'id', f.id, 'day', f.day, 'direction', f.direction, 'kind', f.kind) AS r FROM feedback f ",
        "WHERE f.person_id = x.id AND f.deleted_at IS NULL ORDER BY f.day DESC, f.id DESC ",
        "LIMIT 5))), ",
        "'created_at', strftime('%Y-%m-%dT%H:%M:%fZ', x.created_at), 'updated_at', strftime('%Y-%m-%dT%H:%M:%fZ', x.updated_at), 'version', x.version)"
    ),
    day: None,
    tag: None,
    person: Some("contains_folded(x.name, ?)"),
    order: "x.name COLLATE NOCASE, x.id",
};

/// How many live rows of each kind carry tag `x`.
macro_rules! tag_uses {
    ($table:literal, $col:literal, $rows:literal) => {
        concat!(
            "(SELECT count(*) FROM ",
            $table,
            " l JOIN ",
            $rows,
            " r ON r.id = l.",
            $col,
            " WHERE l.tag_id = x.id AND r.deleted_at IS NULL)"
        )
    };
}

/// The counts of every kind of row that carries tag `x`, as `json_object` arguments.
macro_rules! all_tag_uses {
    () => {
        concat!(
            "'tasks', ",
            tag_uses!("task_tags", "task_id", "tasks"),
            ", 'learnings', ",
            tag_uses!("learning_tags", "learning_id", "learnings"),
            ", 'skills', ",
            tag_uses!("skill_tags", "skill_id", "skills"),
            ", 'meetings', ",
            tag_uses!("meeting_tags", "meeting_id", "meetings"),
            ", 'goals', ",
            tag_uses!("goal_tags", "goal_id", "goals"),
            ", 'feedback', ",
            tag_uses!("feedback_tags", "feedback_id", "feedback"),
            ", 'checkins', ",
            tag_uses!("checkin_tags", "checkin_id", "energy_checkins")
        )
    };
}

const TAGS: Spec = Spec {
    from: "tags x",
    live: "1 = 1",
    row: concat!(
        "json_object('id', x.id, 'name', x.name, ",
        all_tag_uses!(),
        ")"
    ),
    detail: "",
    day: None,
    tag: None,
    person: None,
    order: "x.name COLLATE NOCASE, x.id",
};

impl Repo {
    /// The first `filter.limit` rows of `kind` that pass `filter`, newest first for kinds
    /// with a date, by name or status otherwise, and how many passed in all.
    pub fn list_for_shell(&self, kind: ReadKind, filter: &ListFilter) -> Result<ListPage> {
        let spec = kind.spec();
        let mut conditions = vec![spec.live.to_string()];
        let mut params: Vec<Value> = Vec::new();
        let day = spec.day.unwrap_or("NULL");
        if let Some(from) = filter.from {
            conditions.push(format!("{day} >= ?"));
            params.push(Value::Text(from.to_string()));
        }
        if let Some(to) = filter.to {
            conditions.push(format!("{day} <= ?"));
            params.push(Value::Text(to.to_string()));
        }
        if let Some(tag) = &filter.tag {
            let Some((table, col)) = spec.tag else {
                return Err(Error::invalid("tag", "--tag does not apply here"));
            };
            conditions.push(format!(
                "EXISTS (SELECT 1 FROM {table} l JOIN tags t ON t.id = l.tag_id \
                 WHERE l.{col} = x.id AND t.name = ?)"
            ));
            params.push(Value::Text(tag.clone()));
        }
        if let Some(person) = &filter.person {
            let Some(cond) = spec.person else {
                return Err(Error::invalid("person", "--person does not apply here"));
            };
            conditions.push(cond.to_string());
            params.push(Value::Text(person.to_lowercase()));
        }
        if let Some(status) = &filter.status {
            conditions.push(status_condition(kind, status)?.to_string());
        }
        let limit = i64::try_from(filter.limit).unwrap_or(i64::MAX);
        let cond = conditions.join(" AND ");
        // The page's ids are chosen first, through the list's index where it has one, so only
        // its rows are built as JSON; the total is counted only when the page is full. (A
        // window count over every match made `list tasks --limit 20` sort the whole table:
        // 190 ms at 1M rows.)
        let ids_sql = format!(
            "SELECT x.id FROM {from} WHERE {cond} ORDER BY {order} LIMIT ?",
            from = spec.from,
            order = spec.order,
        );
        let mut page_params = params.clone();
        page_params.push(Value::Integer(limit));
        let ids: Vec<Id> = self
            .conn()
            .prepare(&ids_sql)?
            .query_map(crate::db::sql::params_from_iter(page_params), |r| r.get(0))?
            .collect::<crate::db::sql::Result<_>>()?;
        // Then the page's rows, by id (not ordered in SQL: an ORDER BY there can make SQLite
        // walk the list's index and test every row against the page), put in page order here.
        let json = serde_json::to_string(&ids).map_err(|e| Error::Sqlite(e.to_string()))?;
        let mut built: std::collections::HashMap<Id, Box<RawValue>> = self
            .conn()
            .prepare(&format!(
                "SELECT x.id, {row} FROM {from} WHERE x.id IN (SELECT CAST(value AS BIGINT) FROM json_each(?))",
                row = spec.row,
                from = spec.from,
            ))?
            .query_map([json], |r| Ok((r.get::<_, Id>(0)?, r.get::<_, String>(1)?)))?
            .map(|row| {
                let (id, text) = row?;
                Ok((id, raw(text)?))
            })
            .collect::<Result<_>>()?;
        let rows: Vec<Box<RawValue>> = ids.iter().filter_map(|id| built.remove(id)).collect();
        let mut page = ListPage {
            total: rows.len() as u64,
            rows,
        };
        if page.total > 0 && page.total as i64 >= limit {
            // Counted up to a cap: beyond it the exact number helps nobody (no --limit shows
            // that many), and counting 220,000 tasks to say so took 28 ms.
            let cap = i64::try_from(COUNT_CAP).unwrap_or(i64::MAX);
            let mut count_params = params;
            count_params.push(Value::Integer(cap + 1));
            let n: i64 = self
                .conn()
                .prepare(&format!(
                    "SELECT count(*) FROM (SELECT 1 FROM {} WHERE {cond} LIMIT ?)",
                    spec.from
                ))?
                .query_row(crate::db::sql::params_from_iter(count_params), |r| r.get(0))?;
            page.total = n.try_into().unwrap_or(0);
        }
        Ok(page)
    }

    /// One live row of `kind`, whole, with the rows linked to it, as a JSON object.
    pub fn show_for_shell(&self, kind: ReadKind, id: Id) -> Result<Box<RawValue>> {
        let spec = kind.spec();
        let missing = Error::NotFound {
            what: kind.noun(),
            id,
        };
        // A goal's progress follows a rule over its whole subtree (see `goal_tree`).
        let progress = match kind {
            ReadKind::Goals => match self.goal(id) {
                Ok(g) => (g.progress * 1000.0).round() / 1000.0,
                Err(Error::NotFound { .. }) => return Err(missing),
                Err(e) => return Err(e),
            },
            _ => 0.0,
        };
        let progress_json =
            serde_json::to_string(&progress).map_err(|e| Error::Sqlite(e.to_string()))?;
        let detail = match kind {
            ReadKind::Tags => concat!(
                "json_object('id', x.id, 'name', x.name, 'uses', json_object(",
                all_tag_uses!(),
                "), 'created_at', strftime('%Y-%m-%dT%H:%M:%fZ', x.created_at))"
            )
            .to_string(),
            _ => spec.detail.to_string(),
        };
        let sql = format!(
            "SELECT {detail} FROM {from} WHERE x.id = ?1 AND {live} AND CAST(?2 AS TEXT) IS NOT NULL",
            from = spec.from,
            live = spec.live,
        );
        let text: Option<String> = self
            .conn()
            .prepare(&sql)?
            .query_row(crate::db::sql::params![id, progress_json], |row| row.get(0))
            .optional()?;
        match text {
            Some(t) => raw(t),
            None => Err(missing),
        }
    }
}

/// The condition `--status` adds for `kind` (its values are fixed, so they are written in).
fn status_condition(kind: ReadKind, status: &str) -> Result<&'static str> {
    let cond = match (kind, status) {
        (ReadKind::Tasks, "todo") => "x.status = 'todo'",
        (ReadKind::Tasks, "doing") => "x.status = 'doing'",
        (ReadKind::Tasks, "done") => "x.status = 'done'",
        (ReadKind::Tasks, "dropped") => "x.status = 'dropped'",
        (ReadKind::Tasks, "open") => "x.status IN ('todo', 'doing')",
        (ReadKind::Goals, "active") => "x.status = 'active'",
        (ReadKind::Goals, "paused") => "x.status = 'paused'",
        (ReadKind::Goals, "done") => "x.status = 'done'",
        (ReadKind::Goals, "dropped") => "x.status = 'dropped'",
        (ReadKind::Goals, "open") => "x.status IN ('active', 'paused')",
        (ReadKind::Feedback, "given") => "x.direction = 'given'",
        (ReadKind::Feedback, "received") => "x.direction = 'received'",
        (ReadKind::Learnings, "starred") => "x.starred",
        _ => {
            return Err(Error::invalid(
                "status",
                format!("--status {status} does not apply to {}", kind.plural()),
            ));
        }
    };
    Ok(cond)
}

/// SQLite's JSON text as a raw JSON value (it is always an object; anything else is a bug).
fn raw(text: String) -> Result<Box<RawValue>> {
    RawValue::from_string(text).map_err(|e| Error::Sqlite(format!("bad JSON from SQLite: {e}")))
}
