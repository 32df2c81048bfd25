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

impl Repo {
    /// Open tasks of `day` (what `worklog done` takes), in the order the day shows them.
    pub fn complete_open_tasks(&self, day: chrono::NaiveDate) -> Result<Vec<Candidate>> {
        self.candidates(
            "SELECT id, title FROM tasks
             WHERE day = ?1 AND status IN ('todo', 'doing') AND deleted_at IS NULL
             ORDER BY position, id LIMIT ?2",
            rusqlite::params![day.to_string(), CAP],
        )
    }

    /// Goals not done or dropped, by id, with their titles.
    pub fn complete_goals(&self) -> Result<Vec<Candidate>> {
        self.candidates(
            "SELECT id, title FROM goals
             WHERE status IN ('active', 'paused') AND deleted_at IS NULL
             ORDER BY position, id LIMIT ?1",
            rusqlite::params![CAP],
        )
    }

    /// Tag names, alphabetically.
    pub fn complete_tags(&self) -> Result<Vec<Candidate>> {
        self.candidates(
            "SELECT name, '' FROM tags ORDER BY name COLLATE NOCASE LIMIT ?1",
            rusqlite::params![CAP],
        )
    }

    /// People by name, with their organization when they have one.
    pub fn complete_people(&self) -> Result<Vec<Candidate>> {
        self.candidates(
            "SELECT p.name, ifnull(o.name, '') FROM people p
             LEFT JOIN organizations o ON o.id = p.organization_id
             ORDER BY p.name COLLATE NOCASE LIMIT ?1",
            rusqlite::params![CAP],
        )
    }

    /// Skill names, with their category.
    pub fn complete_skills(&self) -> Result<Vec<Candidate>> {
        self.candidates(
            "SELECT name, category FROM skills WHERE deleted_at IS NULL
             ORDER BY name COLLATE NOCASE LIMIT ?1",
            rusqlite::params![CAP],
        )
    }

    fn candidates(&self, sql: &str, params: impl rusqlite::Params) -> Result<Vec<Candidate>> {
        let rows = self
            .conn
            .prepare(sql)?
            .query_map(params, |r| {
                Ok(Candidate {
                    value: r.get::<_, rusqlite::types::Value>(0).map(|v| match v {
                        rusqlite::types::Value::Integer(i) => i.to_string(),
                        rusqlite::types::Value::Text(t) => t,
                        _ => String::new(),
                    })?,
                    help: r.get(1)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }
}
