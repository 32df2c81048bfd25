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
        Deletable::Attachment => ("attachments", "attachment"),
    };
    Table { name, what }
}

/// The tables `row_counts` reports, in schema order: every table of user data. The search
/// index (`search_docs` and the FTS5 tables) is left out: it is derived from these. So is the
/// history of changes (`history_*`): it is kept, backed up, exported and copied with the data,
/// but the counts say how much the log holds, and a log whose only rows are its history is
/// empty (an import or a copy may go into it).
const COUNTED: [&str; 27] = [
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
    "calendar_events",
    "attachments",
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
        match self.conn() {
            crate::db::sql::Connection::Lite(c) => super::super::snapshot::row_counts(c, &COUNTED),
            c @ crate::db::sql::Connection::Pg(_) => {
                let mut out = Vec::new();
                for t in COUNTED {
                    let exists: bool = c.query_row(
                        "SELECT count(*) > 0 FROM pg_tables
                          WHERE schemaname = current_schema() AND tablename = ?1",
                        [t],
                        |r| r.get(0),
                    )?;
                    if exists {
                        let n: i64 =
                            c.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))?;
                        out.push((t.to_string(), n));
                    }
                }
                Ok(RowCounts(out))
            }
        }
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
        match self.conn() {
            crate::db::sql::Connection::Lite(c) => {
                super::super::snapshot::tables_dropped(c, from, target)
            }
            c @ crate::db::sql::Connection::Pg(_) => {
                let mut out = Vec::new();
                for t in super::super::snapshot::tables_gone(from, target)? {
                    let n: i64 =
                        c.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))?;
                    if n > 0 {
                        out.push((t, n));
                    }
                }
                Ok(out)
            }
        }
    }

    /// A number that changes whenever another connection commits (`PRAGMA data_version`);
    /// the TUI polls it to notice a second session's writes.
    pub fn data_version(&self) -> Result<i64> {
        match self.conn() {
            crate::db::sql::Connection::Lite(c) => {
                Ok(c.query_row("PRAGMA data_version", [], |r| r.get(0))?)
            }
            crate::db::sql::Connection::Pg(s) => Ok(s.data_version()?),
        }
    }

    /// The pragmas in force on this connection, read back from SQLite.
    pub fn connection_settings(&self) -> Result<ConnectionSettings> {
        let c = self.conn().lite()?;
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
    /// On PostgreSQL, none: the server keeps its files sound itself (its checksums and WAL),
    /// and checking them takes an extension a plain role cannot install.
    pub fn integrity_problems(&self) -> Result<Vec<String>> {
        match self.conn() {
            crate::db::sql::Connection::Lite(c) => super::super::snapshot::integrity_problems(c),
            crate::db::sql::Connection::Pg(_) => Ok(Vec::new()),
        }
    }

    /// `PRAGMA foreign_key_check`, one line per broken reference. PostgreSQL checks every
    /// reference as each statement runs, so none can be broken there.
    pub fn foreign_key_problems(&self) -> Result<Vec<String>> {
        match self.conn() {
            crate::db::sql::Connection::Lite(c) => foreign_key_problems(c),
            crate::db::sql::Connection::Pg(_) => Ok(Vec::new()),
        }
    }
}

impl Repo {
    /// Opens the database at `path` for reading only (see `connect_read_only_live`): for
    /// commands that only read, when the data directory or the file cannot be written. Any
    /// write through it fails. Does not migrate.
    pub fn open_read_only(
        path: &std::path::Path,
        clock: std::sync::Arc<dyn crate::clock::Clock>,
    ) -> Result<Repo> {
        let conn = crate::db::sql::Connection::Lite(crate::db::connect_read_only_live(path)?);
        let identity = std::cell::RefCell::new(crate::db::identity::read(&conn)?);
        Ok(Repo {
            conn,
            clock,
            path: path.to_path_buf(),
            identity,
            history: std::cell::RefCell::new(super::history::Recorder::new()),
        })
    }
}

/// `PRAGMA foreign_key_check`, one line per broken reference, naming the row, the column and
/// the missing key: "task 12 refers to goal 99 (goal_id), which does not exist".
pub(super) fn foreign_key_problems(conn: &rusqlite::Connection) -> Result<Vec<String>> {
    let broken: Vec<(String, Option<i64>, String, i64)> = conn
        .prepare("SELECT \"table\", rowid, parent, fkid FROM pragma_foreign_key_check")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut out = Vec::with_capacity(broken.len());
    for (table, rowid, parent, fkid) in broken {
        // (child column, parent column) pairs of this foreign key, in key order.
        let columns: Vec<(String, Option<String>)> = conn
            .prepare_cached(
                "SELECT \"from\", \"to\" FROM pragma_foreign_key_list(?1) WHERE id = ?2 ORDER BY seq",
            )?
            .query_map(rusqlite::params![table, fkid], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let has_id = conn
            .prepare_cached("SELECT count(*) FROM pragma_table_info(?1) WHERE name = 'id'")?
            .query_row([&table], |r| r.get::<_, i64>(0))?
            > 0;
        let row = match rowid {
            Some(id) if has_id => format!("{} {id}", noun(&table)),
            Some(n) => format!("{} row {n}", table),
            None => format!("a {table} row"),
        };
        let mut values = Vec::with_capacity(columns.len());
        for (from, _) in &columns {
            let value = match rowid {
                Some(r) => conn
                    .query_row(
                        &format!(
                            "SELECT {} FROM {} WHERE rowid = ?1",
                            quote(from),
                            quote(&table)
                        ),
                        [r],
                        |r| r.get::<_, rusqlite::types::Value>(0),
                    )
                    .map(|v| shown_value(&v))
                    .unwrap_or_else(|_| "?".into()),
                None => "?".into(),
            };
            values.push(value);
        }
        let from: Vec<&str> = columns.iter().map(|(f, _)| f.as_str()).collect();
        let to: Vec<&str> = columns
            .iter()
            .map(|(_, t)| t.as_deref().unwrap_or("id"))
            .collect();
        let key = if to == ["id"] {
            values.join(", ")
        } else {
            to.iter()
                .zip(&values)
                .map(|(t, v)| format!("{t} {v}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        out.push(format!(
            "{row} refers to {} {key} ({}), which does not exist",
            noun(&parent),
            from.join(", ")
        ));
    }
    Ok(out)
}

fn quote(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

fn shown_value(v: &rusqlite::types::Value) -> String {
    use rusqlite::types::Value as V;
    match v {
        V::Null => "NULL".into(),
        V::Integer(i) => i.to_string(),
        V::Real(f) => f.to_string(),
        V::Text(t) => format!("{t:?}"),
        V::Blob(_) => "(binary)".into(),
    }
}

/// What one row of a table is called in messages.
pub(super) fn noun(table: &str) -> &str {
    match table {
        "organizations" => "organization",
        "people" => "person",
        "tags" => "tag",
        "goals" => "goal",
        "goal_milestones" => "milestone",
        "tasks" => "task",
        "learnings" => "journal entry",
        "skills" => "skill",
        "skill_progress" => "assessment",
        "meetings" => "meeting",
        "feedback" => "feedback",
        "action_items" => "action item",
        "energy_checkins" => "check-in",
        "imports" => "import record",
        "calendar_events" => "calendar event",
        "history_changes" => "history change",
        "history_rows" => "history row",
        other => other,
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
        // search_docs is the search index's copy of the text, not data of its own,
        // database_identity says which database this is, and the history's three tables
        // are the record of changes (see COUNTED).
        let n = sql.matches("CREATE TABLE ").count() - 5;
        assert!(sql.contains("CREATE TABLE search_docs ("));
        assert!(sql.contains("CREATE TABLE database_identity ("));
        for t in ["history_changes", "history_rows", "history_open"] {
            assert!(sql.contains(&format!("CREATE TABLE {t} (")), "{t}");
        }
        assert_eq!(n, super::COUNTED.len());
        for t in super::COUNTED {
            assert!(sql.contains(&format!("CREATE TABLE {t} (")), "{t}");
        }
    }
}
