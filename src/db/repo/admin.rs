//! Whole-database operations: soft delete and restore, counts, checks, change detection.

use super::Repo;
use super::util::*;
use crate::db::error::{Error, Result};
use crate::model::{ConnectionSettings, Deletable, Id, RowCounts};

fn table_of(kind: Deletable) -> Table {
    let (name, what) = match kind {
        Deletable::Task => ("tasks", "task"),
        Deletable::Learning => ("learnings", "journal entry"),
        Deletable::Skill => ("skills", "skill"),
        Deletable::Meeting => ("meetings", "meeting"),
        Deletable::ActionItem => ("action_items", "action item"),
        Deletable::Goal => ("goals", "goal"),
        Deletable::Feedback => ("feedback", "feedback"),
        Deletable::Checkin => ("energy_checkins", "check-in"),
    };
    Table { name, what }
}

/// The tables `row_counts` reports, in schema order: every table of user data. The search
/// index (`search_docs` and the FTS5 tables) is left out: it is derived from these.
const COUNTED: [&str; 25] = [
    "organizations",
    "profile",
    "people",
    "tags",
    "goals",
    "goal_milestones",
    "tasks",
    "task_carries",
    "learnings",
    "skills",
    "skill_progress",
    "learning_skills",
    "meetings",
    "meeting_attendees",
    "feedback",
    "action_items",
    "energy_checkins",
    "task_tags",
    "learning_tags",
    "meeting_tags",
    "goal_tags",
    "feedback_tags",
    "skill_tags",
    "checkin_tags",
    "imports",
];

impl Repo {
    /// Soft-deletes a row: it disappears from every list but can be restored.
    pub fn delete(&self, kind: Deletable, id: Id) -> Result<()> {
        let t = table_of(kind);
        self.write(|c| {
            let changed = c
                .prepare_cached(&format!(
                    "UPDATE {} SET deleted_at = {NOW_UTC}, updated_at = {NOW_UTC}, version = version + 1
                     WHERE id = ?1 AND deleted_at IS NULL",
                    t.name
                ))?
                .execute([id])?;
            if changed == 0 {
                return Err(Error::NotFound { what: t.what, id });
            }
            Ok(())
        })
    }

    /// Undoes a soft delete.
    pub fn restore(&self, kind: Deletable, id: Id) -> Result<()> {
        let t = table_of(kind);
        self.write(|c| {
            let changed = c
                .prepare_cached(&format!(
                    "UPDATE {} SET deleted_at = NULL, updated_at = {NOW_UTC}, version = version + 1
                     WHERE id = ?1 AND deleted_at IS NOT NULL",
                    t.name
                ))?
                .execute([id])?;
            if changed == 0 {
                return Err(Error::NotFound { what: t.what, id });
            }
            Ok(())
        })
    }

    /// Rows per table (deleted ones included: they are still data).
    pub fn row_counts(&self) -> Result<RowCounts> {
        super::super::snapshot::row_counts(self.conn(), &COUNTED)
    }

    /// True once anything but the empty profile has been written.
    pub fn has_data(&self) -> Result<bool> {
        if self.schema_version()? == 0 {
            return Ok(false);
        }
        Ok(self.row_counts()?.total() > 0)
    }

    /// The tables holding rows that moving the schema down to `target` would drop, with
    /// their row counts (the derived search index left out); empty when moving up.
    pub fn tables_dropped_by(&self, target: u32) -> Result<Vec<(String, i64)>> {
        let from = self.schema_version()?;
        super::super::snapshot::tables_dropped(self.conn(), from, target)
    }

    /// A number that changes whenever another connection commits (`PRAGMA data_version`);
    /// the TUI polls it to notice a second session's writes.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn()
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// The pragmas in force on this connection, read back from SQLite.
    pub fn connection_settings(&self) -> Result<ConnectionSettings> {
        let c = self.conn();
        let int =
            |p: &str| -> Result<i64> { Ok(c.query_row(&format!("PRAGMA {p}"), [], |r| r.get(0))?) };
        Ok(ConnectionSettings {
            sqlite_version: crate::db::sqlite_version().to_string(),
            journal_mode: c.query_row("PRAGMA journal_mode", [], |r| r.get(0))?,
            foreign_keys: int("foreign_keys")? == 1,
            synchronous: int("synchronous")?,
            busy_timeout_ms: int("busy_timeout")?,
            cache_size: int("cache_size")?,
            trusted_schema: int("trusted_schema")? == 1,
        })
    }

    /// `PRAGMA integrity_check`: empty when the file is sound, else the problems found.
    pub fn integrity_problems(&self) -> Result<Vec<String>> {
        super::super::snapshot::integrity_problems(self.conn())
    }

    /// `PRAGMA foreign_key_check`, one line per broken reference.
    pub fn foreign_key_problems(&self) -> Result<Vec<String>> {
        let mut stmt = self
            .conn()
            .prepare("SELECT \"table\", rowid, parent, fkid FROM pragma_foreign_key_check")?;
        let rows = stmt
            .query_map([], |r| {
                Ok(format!(
                    "{} row {} refers to a missing {} (key {})",
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<i64>>(1)?.unwrap_or_default(),
                    r.get::<_, String>(2)?,
                    r.get::<_, i64>(3)?
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn counted_tables_are_every_table() {
        let sql: String = crate::db::migrate::MIGRATIONS
            .iter()
            .map(|m| m.up)
            .collect();
        // search_docs is the search index's copy of the text, not data of its own.
        let n = sql.matches("CREATE TABLE ").count() - 1;
        assert!(sql.contains("CREATE TABLE search_docs ("));
        assert_eq!(n, super::COUNTED.len());
        for t in super::COUNTED {
            assert!(sql.contains(&format!("CREATE TABLE {t} (")), "{t}");
        }
    }
}
