//! What shell completion offers: short lists read straight from the tables, newest or most
//! used first, capped so that a TAB answers at once however large the history.

use super::Repo;
use crate::db::Result;

/// How many candidates a list offers at most: more is noise in a shell.
const CAP: i64 = 200;

/// A value the shell can insert, with a line saying what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub value: String,
    pub help: String,
}

/// A kind of row `show`, `edit` and `rm` take by id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowsOf {
    Tasks,
    Learnings,
    Skills,
    Meetings,
    ActionItems,
    Goals,
    Feedback,
    Checkins,
    People,
    Tags,
}

/// How many rows of a kind an id is offered from: the recent ones, which are the ones typed.
const RECENT: i64 = 50;

impl Repo {
    /// Ids of the rows of `kind` not deleted, the newest first, each with what tells it apart
    /// (a day and a title, a name).
    pub fn complete_rows(&self, kind: RowsOf) -> Result<Vec<Candidate>> {
        let sql = match kind {
            RowsOf::Tasks => {
                "SELECT id, day || ' ' || title FROM tasks WHERE deleted_at IS NULL
                 ORDER BY day DESC, id DESC LIMIT ?1"
            }
            RowsOf::Learnings => {
                "SELECT id, substr(at, 1, 10) || ' ' || title FROM learnings
                 WHERE deleted_at IS NULL ORDER BY at DESC, id DESC LIMIT ?1"
            }
            RowsOf::Skills => {
                "SELECT id, name FROM skills WHERE deleted_at IS NULL
                 ORDER BY name COLLATE NOCASE LIMIT ?1"
            }
            RowsOf::Meetings => {
                "SELECT id, replace(substr(starts_at, 1, 16), 'T', ' ') || ' ' || title
                 FROM meetings WHERE deleted_at IS NULL ORDER BY starts_at DESC, id DESC LIMIT ?1"
            }
            RowsOf::ActionItems => {
                "SELECT id, title || CASE WHEN done_at IS NULL THEN '' ELSE ' (done)' END
                 FROM action_items WHERE deleted_at IS NULL
                 ORDER BY done_at IS NOT NULL, id DESC LIMIT ?1"
            }
            RowsOf::Goals => {
                "SELECT id, title FROM goals WHERE deleted_at IS NULL
                 ORDER BY status NOT IN ('active', 'paused'), position, id LIMIT ?1"
            }
            RowsOf::Feedback => {
                "SELECT id, day || ' ' || direction || ' ' || substr(content, 1, 60) FROM feedback
                 WHERE deleted_at IS NULL ORDER BY day DESC, id DESC LIMIT ?1"
            }
            RowsOf::Checkins => {
                "SELECT id, rtrim(replace(substr(at, 1, 16), 'T', ' ') || ' ' || level || ' ' || note)
                 FROM energy_checkins WHERE deleted_at IS NULL ORDER BY at DESC, id DESC LIMIT ?1"
            }
            RowsOf::People => "SELECT id, name FROM people ORDER BY name COLLATE NOCASE LIMIT ?1",
            RowsOf::Tags => "SELECT id, name FROM tags ORDER BY name COLLATE NOCASE LIMIT ?1",
        };
        self.candidates(sql, crate::db::sql::params![RECENT])
    }

    /// Open tasks of `day` (what `worklog done` takes), in the order the day shows them.
    pub fn complete_open_tasks(&self, day: chrono::NaiveDate) -> Result<Vec<Candidate>> {
        self.candidates(
            "SELECT id, title FROM tasks
             WHERE day = ?1 AND status IN ('todo', 'doing') AND deleted_at IS NULL
             ORDER BY position, id LIMIT ?2",
            crate::db::sql::params![day.to_string(), CAP],
        )
    }

    /// Goals not done or dropped, by id, with their titles.
    pub fn complete_goals(&self) -> Result<Vec<Candidate>> {
        self.candidates(
            "SELECT id, title FROM goals
             WHERE status IN ('active', 'paused') AND deleted_at IS NULL
             ORDER BY position, id LIMIT ?1",
            crate::db::sql::params![CAP],
        )
    }

    /// Tag names, alphabetically.
    pub fn complete_tags(&self) -> Result<Vec<Candidate>> {
        self.candidates(
            "SELECT name, '' FROM tags ORDER BY name COLLATE NOCASE LIMIT ?1",
            crate::db::sql::params![CAP],
        )
    }

    /// People by name, with their organization when they have one.
    pub fn complete_people(&self) -> Result<Vec<Candidate>> {
        self.candidates(
            "SELECT p.name, ifnull(o.name, '') FROM people p
             LEFT JOIN organizations o ON o.id = p.organization_id
             ORDER BY p.name COLLATE NOCASE LIMIT ?1",
            crate::db::sql::params![CAP],
        )
    }

    /// Skill names, with their category.
    pub fn complete_skills(&self) -> Result<Vec<Candidate>> {
        self.candidates(
            "SELECT name, category FROM skills WHERE deleted_at IS NULL
             ORDER BY name COLLATE NOCASE LIMIT ?1",
            crate::db::sql::params![CAP],
        )
    }

    fn candidates(&self, sql: &str, params: impl crate::db::sql::Params) -> Result<Vec<Candidate>> {
        let rows = self
            .conn
            .prepare(sql)?
            .query_map(params, |r| {
                Ok(Candidate {
                    value: r
                        .get::<_, crate::db::sql::types::Value>(0)
                        .map(|v| match v {
                            crate::db::sql::types::Value::Integer(i) => i.to_string(),
                            crate::db::sql::types::Value::Text(t) => t,
                            _ => String::new(),
                        })?,
                    help: r.get(1)?,
                })
            })?
            .collect::<crate::db::sql::Result<Vec<_>>>()?;
        Ok(rows)
    }
}
