//! Getting data in and out at the level of tables and rows: reading every table generically for
//! exports (JSON, CSV, and the SQL dump written here), putting a worklog export's rows back,
//! recording imported records in `imports`, and transactions that span a whole import.
//!
//! The formats themselves live outside `src/db` (`crate::export`, `crate::import`); this module
//! gives them plain values and never lets table or column names from a file reach SQL unchecked.

use super::Repo;
use super::admin::foreign_key_problems;
use super::search::search_rebuild_sql;
use super::util::{
    LEARNING_TAGS, NOW_UTC, TASK_TAGS, at_text, day_text, normalize_tags, required, set_tags,
};
use crate::db::error::{Error, Result};
use crate::db::sql::{Backend, Connection, OptionalExtension, Row, params, params_from_iter};
use crate::model::{Id, ImportSource, Priority, TaskStatus};
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use std::io::Write;

/// One stored value. worklog's tables are STRICT with INTEGER and TEXT columns only; `Real` is
/// there so a value SQLite could hold is never misread.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Integer(i64),
    Real(f64),
    Text(String),
}

/// A table as the database defines it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableInfo {
    pub name: String,
    /// Every column, in the table's order.
    pub columns: Vec<String>,
    /// The primary-key columns, in key order (rows are read in this order).
    pub key: Vec<String>,
    /// A column that refers to a row of this same table (a goal's parent). PostgreSQL checks
    /// each row's foreign keys as it arrives, so a load puts the rows it refers to first.
    pub parent: Option<String>,
}

impl TableInfo {
    /// The position of a column, by exact name.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c == name)
    }
}

/// Which dated rows an export keeps: days from `from` to `to`, inclusive; `None` is open-ended.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Range {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl Range {
    pub fn is_all(&self) -> bool {
        self.from.is_none() && self.to.is_none()
    }
}

/// What happened to one row of a worklog export put back into a database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowOutcome {
    Added,
    /// The same row (same id and creation stamp, or the same link) is already there.
    Present,
}

/// The row an imported record became.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportTarget {
    Task(Id),
    Learning(Id),
    Goal(Id),
}

/// Where an imported record came from, and the record as it was read (JSON text).
#[derive(Debug, Clone, Copy)]
pub struct Provenance<'a> {
    pub source: ImportSource,
    pub external_id: &'a str,
    pub original: &'a str,
}

/// A focus task as another tool recorded it, with its history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedTask {
    pub day: NaiveDate,
    pub title: String,
    pub notes: String,
    pub status: TaskStatus,
    pub priority: Priority,
    pub goal_id: Option<Id>,
    pub tags: Vec<String>,
    /// Set exactly when `status` is done.
    pub done_at: Option<NaiveDateTime>,
    /// When the source created and last changed the record (now, when unknown).
    pub created_at: Option<DateTime<Utc>>,
    pub updated_at: Option<DateTime<Utc>>,
    /// Imported as soft-deleted at this moment (the source had deleted it).
    pub deleted_at: Option<DateTime<Utc>>,
}

/// A journal entry as another tool recorded it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedLearning {
    pub at: NaiveDateTime,
    pub title: String,
    pub body: String,
    pub starred: bool,
    pub tags: Vec<String>,
}

/// The `created_at` text form of a UTC moment.
fn stamp_text(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

fn quote_ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// `x` lies in the range: ?1 is the first day or NULL, ?2 the last day or NULL. Works for day
/// and for `YYYY-MM-DDTHH:MM:SS` columns alike, and for PostgreSQL's `date` and `timestamp`:
/// each parameter is text wherever it appears (PostgreSQL gives a parameter one type), made a
/// day by `date()` (which the PostgreSQL schema defines as SQLite has it).
fn within(x: &str) -> String {
    format!(
        "((CAST(?1 AS TEXT) IS NULL OR {x} >= date(?1, '+0 days')) \
         AND (CAST(?2 AS TEXT) IS NULL OR {x} < date(?2, '+1 day')))"
    )
}

/// The rows of `table` a ranged export keeps, as a WHERE condition over ?1/?2 (see
/// [`Repo::export_rows`] for the rule). `None`: the whole table.
fn range_condition(table: &str, backend: Backend) -> Option<String> {
    // An action item's day: its due date, else the (UTC) day it was made.
    let action_day = match backend {
        Backend::Sqlite => "coalesce(due_date, substr(created_at, 1, 10))",
        Backend::Postgres => "coalesce(due_date, CAST(created_at AS date))",
    };
    let meetings = format!(
        "SELECT id FROM meetings WHERE {} UNION SELECT meeting_id FROM feedback \
         WHERE meeting_id IS NOT NULL AND {}",
        within("starts_at"),
        within("day")
    );
    let feedback = format!("SELECT id FROM feedback WHERE {}", within("day"));
    let actions = format!(
        "SELECT id FROM action_items WHERE meeting_id IN ({meetings}) OR feedback_id IN ({feedback}) \
         OR (meeting_id IS NULL AND feedback_id IS NULL AND ({} \
             OR task_id IN (SELECT id FROM tasks WHERE {})))",
        within(action_day),
        within("day")
    );
    let tasks = format!(
        "SELECT id FROM tasks WHERE {} UNION SELECT task_id FROM action_items \
         WHERE task_id IS NOT NULL AND id IN ({actions})",
        within("day")
    );
    let learnings = format!("SELECT id FROM learnings WHERE {}", within("at"));
    let checkins = format!("SELECT id FROM energy_checkins WHERE {}", within("at"));
    Some(match table {
        "tasks" => format!("id IN ({tasks})"),
        "task_carries" | "task_tags" => format!("task_id IN ({tasks})"),
        "learnings" => within("at"),
        "learning_tags" | "learning_skills" => format!("learning_id IN ({learnings})"),
        "skill_progress" => within("assessed_on"),
        "meetings" => format!("id IN ({meetings})"),
        "meeting_attendees" | "meeting_tags" | "calendar_events" => {
            format!("meeting_id IN ({meetings})")
        }
        "feedback" => within("day"),
        "feedback_tags" => format!("feedback_id IN ({feedback})"),
        "action_items" => format!("id IN ({actions})"),
        "energy_checkins" => within("at"),
        "checkin_tags" => format!("checkin_id IN ({checkins})"),
        "imports" => {
            format!("task_id IN ({tasks}) OR learning_id IN ({learnings}) OR goal_id IS NOT NULL")
        }
        // An attachment goes with its item (goals are exported whole).
        "attachments" => format!(
            "task_id IN ({tasks}) OR learning_id IN ({learnings}) OR meeting_id IN ({meetings}) \
             OR goal_id IS NOT NULL OR feedback_id IN ({feedback}) \
             OR assessment_id IN (SELECT id FROM skill_progress WHERE {})",
            within("assessed_on")
        ),
        _ => return None,
    })
}

/// A row of `table`, every column in order.
fn row_values(row: &Row<'_>, table: &TableInfo) -> Result<Vec<Value>> {
    table
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| read_value(row.get(i), &table.name, c))
        .collect()
}

fn read_value(
    v: crate::db::sql::Result<crate::db::sql::types::Value>,
    table: &str,
    column: &str,
) -> Result<Value> {
    use crate::db::sql::types::Value as V;
    Ok(match v {
        Ok(V::Null) => Value::Null,
        Ok(V::Integer(i)) => Value::Integer(i),
        Ok(V::Real(f)) => Value::Real(f),
        Ok(V::Text(t)) => Value::Text(t),
        Err(crate::db::sql::Error::Conversion { .. }) => {
            return Err(Error::Sqlite(format!(
                "{table}.{column} holds text that is not UTF-8"
            )));
        }
        Err(e) => return Err(e.into()),
        Ok(V::Blob(_)) => {
            return Err(Error::Sqlite(format!(
                "{table}.{column} holds binary data, which worklog never writes"
            )));
        }
    })
}

impl crate::db::sql::ToSql for Value {
    fn to_value(&self) -> crate::db::sql::Value<'_> {
        use crate::db::sql::Value as V;
        match self {
            Value::Null => V::Null,
            Value::Integer(i) => V::Int(*i),
            Value::Real(f) => V::Real(*f),
            Value::Text(s) => V::Text(s),
        }
    }
}

/// Tables that hold nothing of their own: the search index (`search_docs` mirrors the text of
/// live rows; FTS5 keeps its index in a virtual table and that table's shadow tables). Exports
/// leave them out, and loading the rows back rebuilds them once, from the loaded tables
/// (`Repo::load_in_bulk`, and the end of the SQL dump).
fn is_derived(name: &str, virtual_tables: &[String]) -> bool {
    const SHADOW: [&str; 5] = ["data", "idx", "docsize", "config", "content"];
    name == "search_docs"
        || virtual_tables.iter().any(|v| {
            name == v
                || name
                    .strip_prefix(v.as_str())
                    .and_then(|rest| rest.strip_prefix('_'))
                    .is_some_and(|suffix| SHADOW.contains(&suffix))
        })
}

fn virtual_tables(conn: &Connection) -> Result<Vec<String>> {
    if conn.backend() == Backend::Postgres {
        return Ok(Vec::new());
    }
    Ok(conn
        .prepare_cached(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<crate::db::sql::Result<_>>()?)
}

/// The tables as [`tables`] gives them, on PostgreSQL: in the order they were made (by
/// their catalog ids, which follow the migrations as SQLite's `rowid` does), the version
/// table left out (SQLite keeps that in its header).
fn pg_tables(conn: &Connection) -> Result<Vec<TableInfo>> {
    let names: Vec<(i64, String)> = conn
        .prepare_cached(
            "SELECT CAST(c.oid AS bigint), CAST(c.relname AS text) FROM pg_class c
              WHERE c.relkind = 'r' AND c.relnamespace =
                    (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
                AND c.relname <> 'worklog_version'
              ORDER BY c.oid",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<crate::db::sql::Result<_>>()?;
    let mut out = Vec::with_capacity(names.len());
    for (oid, name) in names {
        if is_derived(&name, &[]) {
            continue;
        }
        let columns: Vec<String> = conn
            .prepare_cached(
                "SELECT CAST(attname AS text) FROM pg_attribute
                  WHERE attrelid = CAST(CAST(?1 AS bigint) AS oid) AND attnum > 0
                    AND NOT attisdropped AND attgenerated = ''
                  ORDER BY attnum",
            )?
            .query_map([oid], |r| r.get(0))?
            .collect::<crate::db::sql::Result<_>>()?;
        let key: Vec<String> = conn
            .prepare_cached(
                "SELECT CAST(a.attname AS text) FROM pg_index i
                   JOIN pg_attribute a ON a.attrelid = i.indrelid
                                      AND a.attnum = ANY (CAST(i.indkey AS int2[]))
                  WHERE i.indrelid = CAST(CAST(?1 AS bigint) AS oid) AND i.indisprimary
                  ORDER BY array_position(CAST(i.indkey AS int2[]), a.attnum)",
            )?
            .query_map([oid], |r| r.get(0))?
            .collect::<crate::db::sql::Result<_>>()?;
        let parent: Option<String> = conn
            .prepare_cached(
                "SELECT CAST(a.attname AS text) FROM pg_constraint f
                   JOIN pg_attribute a ON a.attrelid = f.conrelid AND a.attnum = f.conkey[1]
                  WHERE f.contype = 'f' AND f.conrelid = CAST(CAST(?1 AS bigint) AS oid)
                    AND f.confrelid = f.conrelid AND cardinality(f.conkey) = 1",
            )?
            .query_row([oid], |r| r.get(0))
            .optional()?;
        out.push(TableInfo {
            name,
            columns,
            key,
            parent,
        });
    }
    Ok(out)
}

fn tables(conn: &Connection) -> Result<Vec<TableInfo>> {
    if conn.backend() == Backend::Postgres {
        return pg_tables(conn);
    }
    let virtual_tables = virtual_tables(conn)?;
    let names: Vec<String> = conn
        .prepare_cached(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
             ORDER BY rowid",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<crate::db::sql::Result<Vec<String>>>()?
        .into_iter()
        .filter(|n| !is_derived(n, &virtual_tables))
        .collect();
    let mut out = Vec::with_capacity(names.len());
    for name in names {
        let cols: Vec<(String, i64)> = conn
            .prepare_cached("SELECT name, pk FROM pragma_table_info(?1) ORDER BY cid")?
            .query_map([&name], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<crate::db::sql::Result<_>>()?;
        let mut key: Vec<(i64, String)> = cols
            .iter()
            .filter(|(_, pk)| *pk > 0)
            .map(|(c, pk)| (*pk, c.clone()))
            .collect();
        key.sort();
        let parent: Option<String> = conn
            .prepare_cached(
                "SELECT \"from\" FROM pragma_foreign_key_list(?1) WHERE \"table\" = ?1 AND seq = 0
                  AND id NOT IN (SELECT id FROM pragma_foreign_key_list(?1) WHERE seq > 0)",
            )?
            .query_row([&name], |r| r.get(0))
            .optional()?;
        out.push(TableInfo {
            name,
            columns: cols.into_iter().map(|(c, _)| c).collect(),
            key: key.into_iter().map(|(_, c)| c).collect(),
            parent,
        });
    }
    Ok(out)
}

/// Ends a transaction begun by [`Repo::transaction`] (or, with `nested` false, a read
/// transaction of [`Repo::snapshot`]): commit or roll back. A COMMIT that fails (a deferred
/// foreign key, a full disk) leaves SQLite inside the transaction, so it is rolled back here:
/// the connection is never left holding a transaction after this returns, or the error says
/// that even the rollback failed.
fn finish(conn: &Connection, nested: bool, commit: bool) -> Result<()> {
    if !commit {
        return roll_back(conn, nested);
    }
    let committed = crate::fault::point("db.commit")
        .map_err(Error::from)
        .and_then(|()| {
            if nested {
                conn.execute_batch("RELEASE exchange")
            } else {
                conn.end(true)
            }
            .map_err(Error::from)
        });
    match committed {
        Ok(()) => Ok(()),
        Err(e) => {
            let e = commit_failed(conn, e);
            match roll_back(conn, nested) {
                Ok(()) => Err(e),
                Err(r) => Err(Error::Sqlite(format!(
                    "{e}; rolling back failed too ({r}): close worklog and start it again"
                ))),
            }
        }
    }
}

fn roll_back(conn: &Connection, nested: bool) -> Result<()> {
    // Inside a transaction a failed ROLLBACK TO keeps the savepoint; RELEASE then ends it.
    if nested {
        conn.execute_batch("ROLLBACK TO exchange; RELEASE exchange")?;
    } else if !conn.is_autocommit() {
        conn.end(false)?;
    }
    Ok(())
}

/// A failed COMMIT because of a deferred foreign key names the broken reference.
fn commit_failed(conn: &Connection, e: Error) -> Error {
    if let Error::Constraint(_) = e
        && let Ok(lite) = conn.lite()
        && let Ok(problems) = foreign_key_problems(lite)
        && let Some(first) = problems.first()
    {
        return Error::Constraint(format!("nothing was saved: {first}"));
    }
    e
}

/// How a [`Repo::transaction`] ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// Commit on success (roll back on error).
    Commit,
    /// Always roll back: a rehearsal that writes nothing (`--dry-run`).
    Rollback,
}

impl Repo {
    /// Runs `f` in one write transaction (a savepoint if one is open), for work that spans many
    /// repository calls and whose errors are not storage errors (an import naming the bad
    /// record). With [`Ending::Rollback`] everything `f` wrote is undone even when it succeeds.
    pub fn transaction<T, E: From<Error> + std::fmt::Display>(
        &self,
        ending: Ending,
        f: impl FnOnce(&Repo) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        let conn = self.conn();
        let nested = !conn.is_autocommit();
        if nested {
            conn.execute_batch("SAVEPOINT exchange")
        } else {
            conn.begin(true)
        }
        .map_err(Error::from)?;
        if !nested && let Err(e) = self.check_identity(conn) {
            let _ = finish(conn, nested, false);
            return Err(e.into());
        }
        match f(self) {
            Ok(value) => {
                finish(conn, nested, ending == Ending::Commit)?;
                Ok(value)
            }
            Err(e) => match finish(conn, nested, false) {
                Ok(()) => Err(e),
                // The original error is the one worth reporting, but the user must hear that
                // the connection could not be cleaned up.
                Err(r) => Err(E::from(Error::Sqlite(format!(
                    "{e}; rolling back failed too ({r}): close worklog and start it again"
                )))),
            },
        }
    }

    /// [`Repo::transaction`] for an import: an import that fills an empty database makes it
    /// another database (a session open on the empty one must reload before it writes), so it
    /// gives it a new identity in the same transaction, which this session then acknowledges.
    pub fn import_transaction<T, E: From<Error> + std::fmt::Display>(
        &self,
        ending: Ending,
        f: impl FnOnce(&Repo) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        let mut renewed = false;
        let value = self.transaction(ending, |repo| -> std::result::Result<T, E> {
            let was_empty = !repo.has_data()?;
            let value = f(repo)?;
            if was_empty && ending == Ending::Commit && repo.has_data()? {
                repo.renew_identity(crate::db::identity::Renewal::Import)?;
                renewed = true;
            }
            Ok(value)
        })?;
        if renewed {
            self.acknowledge_identity()?;
        }
        Ok(value)
    }

    /// Runs `f` on one consistent snapshot of the database (a read transaction), so an export
    /// taken while another session writes is still self-consistent.
    pub fn snapshot<T, E: From<Error> + std::fmt::Display>(
        &self,
        f: impl FnOnce(&Repo) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        let conn = self.conn();
        if !conn.is_autocommit() {
            return f(self);
        }
        conn.begin(false).map_err(Error::from)?;
        match f(self) {
            Ok(value) => {
                finish(conn, false, true)?;
                Ok(value)
            }
            Err(e) => match finish(conn, false, false) {
                Ok(()) => Err(e),
                Err(r) => Err(E::from(Error::Sqlite(format!(
                    "{e}; ending the read failed too ({r}): close worklog and start it again"
                )))),
            },
        }
    }

    /// Every table of the database in the order they were made (parents before the tables
    /// that refer to them), with columns and primary key.
    ///
    /// The database's identity is left out: it says which database a file is, and an import
    /// of its rows into another must not make that one claim to be this one. So is the
    /// history's `history_open`, which is empty outside a write.
    /// Empties every table of the user's data and the search index, inside the caller's
    /// transaction, and gives the database a new identity (sessions that read it before
    /// must read again): for a restore into a PostgreSQL server, which fills it again in the
    /// same transaction. On SQLite a restore replaces the file instead.
    pub fn empty_for_restore(&self) -> Result<()> {
        let conn = self.conn();
        if conn.backend() != crate::db::sql::Backend::Postgres {
            return Err(Error::Sqlite(
                "a SQLite database is restored by replacing its file".into(),
            ));
        }
        if conn.is_autocommit() {
            return Err(Error::Sqlite(
                "emptying for a restore belongs in the restore's transaction".into(),
            ));
        }
        let mut names: Vec<String> = self
            .export_tables()?
            .into_iter()
            .map(|t| quote_ident(&t.name))
            .collect();
        names.push("search_docs".into());
        conn.execute_batch(&format!("TRUNCATE {} RESTART IDENTITY", names.join(", ")))?;
        self.renew_identity(super::super::identity::Renewal::Restore)
    }

    /// How many rows `table` (one of [`Repo::export_tables`]) holds.
    pub fn table_rows(&self, table: &TableInfo) -> Result<u64> {
        if !tables(self.conn())?.contains(table) {
            return Err(Error::invalid(
                "table",
                format!("no table {:?} in this database", table.name),
            ));
        }
        let n: i64 = self.conn().query_row(
            &format!("SELECT count(*) FROM {}", quote_ident(&table.name)),
            [],
            |r| r.get(0),
        )?;
        Ok(u64::try_from(n).unwrap_or(0))
    }

    pub fn export_tables(&self) -> Result<Vec<TableInfo>> {
        let mut all = tables(self.conn())?;
        // The bytes of attachments on PostgreSQL are storage, not rows: exports and copies
        // carry them as files (`crate::attachments`). `history_open` holds the change being
        // written, inside its transaction only: it is empty whenever anything reads it.
        all.retain(|t| {
            t.name != crate::db::identity::TABLE
                && t.name != "attachment_blobs"
                && t.name != "history_open"
        });
        Ok(all)
    }

    /// Calls `each` with every row of `table`, in primary-key order, as values in column order.
    ///
    /// With a range, dated rows are kept when their date falls in it: tasks by `day`, journal
    /// entries and check-ins by `at`, meetings by `starts_at`, feedback by `day`, assessments
    /// by `assessed_on`. Rows that hang off a kept row go with it (tags, attendees, carries,
    /// skill links, import records). Action items go with the meeting or feedback they came
    /// from; one with neither is kept when its due date (else the day it was made) is in the
    /// range or its task is. Whatever a kept row refers to is kept too, even from outside the
    /// range: the meeting of kept feedback, the task an action item became. The tables that
    /// are not dated (organizations, profile, people, tags, goals and milestones, skills) are
    /// always exported whole. So a ranged export is self-consistent: it loads on its own.
    pub fn export_rows(
        &self,
        table: &TableInfo,
        range: Range,
        each: &mut dyn FnMut(&[Value]) -> Result<()>,
    ) -> Result<()> {
        let conn = self.conn();
        let known = tables(conn)?;
        if !known.contains(table) {
            return Err(Error::invalid(
                "table",
                format!("no table {:?} in this database", table.name),
            ));
        }
        let cols = table
            .columns
            .iter()
            .map(|c| quote_ident(c))
            .collect::<Vec<_>>()
            .join(", ");
        let order = table
            .key
            .iter()
            .map(|c| quote_ident(c))
            .collect::<Vec<_>>()
            .join(", ");
        let condition = if range.is_all() {
            None
        } else {
            range_condition(&table.name, conn.backend())
        };
        if conn.backend() == Backend::Postgres && !table.key.is_empty() {
            return self.export_pages(table, &cols, &order, condition.as_deref(), range, each);
        }
        let mut sql = format!("SELECT {cols} FROM {}", quote_ident(&table.name));
        if let Some(c) = &condition {
            sql.push_str(&format!(" WHERE {c}"));
        }
        if !order.is_empty() {
            sql.push_str(&format!(" ORDER BY {order}"));
        }
        let mut stmt = conn.prepare(&sql)?;
        let (from, to) = (range.from.map(day_text), range.to.map(day_text));
        let bound = if condition.is_some() {
            params![from, to]
        } else {
            params![]
        };
        stmt.for_each(bound, |row| each(&row_values(row, table)?))
    }

    /// [`Repo::export_rows`] on PostgreSQL, a page of rows at a time by key: its driver reads
    /// a whole result before handing on the first row, which for a table of a million rows
    /// would hold all of them at once. Inside the export's snapshot the pages are consistent.
    fn export_pages(
        &self,
        table: &TableInfo,
        cols: &str,
        order: &str,
        condition: Option<&str>,
        range: Range,
        each: &mut dyn FnMut(&[Value]) -> Result<()>,
    ) -> Result<()> {
        const PAGE: usize = 10_000;
        let conn = self.conn();
        let text = |d: Option<NaiveDate>| d.map_or(Value::Null, |d| Value::Text(day_text(d)));
        let range_values = match condition {
            Some(_) => vec![text(range.from), text(range.to)],
            None => Vec::new(),
        };
        let marks = (1..=table.key.len())
            .map(|i| format!("?{}", range_values.len() + i))
            .collect::<Vec<_>>()
            .join(", ");
        let name = quote_ident(&table.name);
        let first = match condition {
            Some(c) => format!("SELECT {cols} FROM {name} WHERE {c} ORDER BY {order} LIMIT {PAGE}"),
            None => format!("SELECT {cols} FROM {name} ORDER BY {order} LIMIT {PAGE}"),
        };
        let next = match condition {
            Some(c) => format!(
                "SELECT {cols} FROM {name} WHERE ({c}) AND ({order}) > ({marks}) \
                 ORDER BY {order} LIMIT {PAGE}"
            ),
            None => format!(
                "SELECT {cols} FROM {name} WHERE ({order}) > ({marks}) ORDER BY {order} LIMIT {PAGE}"
            ),
        };
        let key_at: Vec<usize> = table.key.iter().filter_map(|k| table.column(k)).collect();
        let mut after: Option<Vec<Value>> = None;
        loop {
            let mut bound = range_values.clone();
            let sql = match &after {
                Some(key) => {
                    bound.extend(key.iter().cloned());
                    &next
                }
                None => &first,
            };
            let mut rows: Vec<Vec<Value>> = Vec::new();
            conn.prepare_cached(sql)?
                .for_each(params_from_iter(bound.iter()), |row| {
                    rows.push(row_values(row, table)?);
                    Ok::<(), Error>(())
                })?;
            for row in &rows {
                each(row)?;
            }
            match rows.last() {
                Some(last) if rows.len() == PAGE => {
                    after = Some(
                        key_at
                            .iter()
                            .filter_map(|&i| last.get(i).cloned())
                            .collect(),
                    );
                }
                _ => return Ok(()),
            }
        }
    }

    /// Up to `limit` rows of `table` whose key comes after `after` (from the first row with
    /// `None`), in key order, as values in column order: reads a table of any size a page at a
    /// time, each page one statement, with the same result on both backends.
    pub fn rows_after(
        &self,
        table: &TableInfo,
        after: Option<&[Value]>,
        limit: usize,
    ) -> Result<Vec<Vec<Value>>> {
        let conn = self.conn();
        let known = tables(conn)?;
        if !known.contains(table) || table.key.is_empty() {
            return Err(Error::invalid(
                "table",
                format!("no table {:?} with a key in this database", table.name),
            ));
        }
        let cols = table
            .columns
            .iter()
            .map(|c| quote_ident(c))
            .collect::<Vec<_>>()
            .join(", ");
        let key = table
            .key
            .iter()
            .map(|c| quote_ident(c))
            .collect::<Vec<_>>()
            .join(", ");
        let mut sql = format!("SELECT {cols} FROM {}", quote_ident(&table.name));
        let mut bound: Vec<&Value> = Vec::new();
        if let Some(after) = after {
            let marks = (1..=after.len())
                .map(|i| format!("?{i}"))
                .collect::<Vec<_>>()
                .join(", ");
            sql.push_str(&format!(" WHERE ({key}) > ({marks})"));
            bound.extend(after);
        }
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let limit_value = Value::Integer(limit);
        sql.push_str(&format!(" ORDER BY {key} LIMIT ?{}", bound.len() + 1));
        bound.push(&limit_value);
        let mut rows = Vec::new();
        conn.prepare_cached(&sql)?
            .for_each(params_from_iter(bound), |row| {
                rows.push(row_values(row, table)?);
                Ok::<(), Error>(())
            })?;
        Ok(rows)
    }

    /// Inserts whole rows (every column of `table`, in its order) as they are, many to a
    /// statement: the bulk path of a copy into an empty database. Checks nothing beyond the
    /// schema's constraints; see [`Repo::import_row`] for rows that may already be there.
    pub fn insert_rows(&self, table: &TableInfo, rows: &[Vec<Value>]) -> Result<()> {
        let width = table.columns.len();
        if width == 0 {
            return Ok(());
        }
        if let Some(bad) = rows.iter().find(|r| r.len() != width) {
            return Err(Error::invalid(
                "row",
                format!(
                    "a {} row has {} values for {width} columns",
                    table.name,
                    bad.len()
                ),
            ));
        }
        // Well below SQLite's 32,766 parameters a statement.
        let per_statement = (30_000 / width).clamp(1, 500);
        let names = table
            .columns
            .iter()
            .map(|c| quote_ident(c))
            .collect::<Vec<_>>()
            .join(", ");
        let conn = self.conn();
        for chunk in rows.chunks(per_statement) {
            let groups = (0..chunk.len())
                .map(|r| {
                    let marks = (1..=width)
                        .map(|c| format!("?{}", r * width + c))
                        .collect::<Vec<_>>()
                        .join(", ");
                    format!("({marks})")
                })
                .collect::<Vec<_>>()
                .join(", ");
            conn.prepare_cached(&format!(
                "INSERT INTO {} ({names}) VALUES {groups}",
                quote_ident(&table.name)
            ))?
            .execute(params_from_iter(chunk.iter().flatten()))?;
        }
        Ok(())
    }

    /// Writes an SQL script that the `sqlite3` shell loads into an empty file to make the same
    /// database: schema, rows (restricted by `range` as [`Repo::export_rows`] says) and
    /// `user_version`. Text with control characters is spelled with `char()`, so the script
    /// itself holds none (beyond the line breaks of the schema's own SQL).
    pub fn write_sql_dump(&self, range: Range, out: &mut dyn Write) -> Result<()> {
        let conn = self.conn();
        if conn.backend() == Backend::Postgres {
            return Err(Error::invalid(
                "format",
                "the SQL export is a script for SQLite's sqlite3 shell and is not made from a \
                 PostgreSQL database; export --format json (or csv), or use `worklog copy` to \
                 make a SQLite file",
            ));
        }
        let version = self.schema_version()?;
        let objects: Vec<(String, String, String)> = conn
            .prepare(
                "SELECT type, name, sql FROM sqlite_schema
                 WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid",
            )?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<crate::db::sql::Result<_>>()?;
        for (_, name, sql) in &objects {
            if sql
                .chars()
                .any(|c| c.is_control() && c != '\n' && c != '\t')
            {
                return Err(Error::Sqlite(format!(
                    "the schema of {name} holds control characters; it was not written by worklog"
                )));
            }
        }
        let io = Error::from;
        writeln!(
            out,
            "-- worklog database, schema version {version}. Load it into a new, empty file with:\n\
             --   sqlite3 NEW.db < THIS-FILE.sql\n\
             PRAGMA foreign_keys=OFF;\n\
             BEGIN TRANSACTION;"
        )
        .map_err(io)?;
        // The schema but its triggers first, in the order it was made (FTS5 makes its shadow
        // tables itself); then the data; then the search index, built once from the loaded
        // tables in date order (see `search_rebuild_sql`: replaying the triggers row by row in
        // table order indexes rows the app hides, and is slow); then the triggers, which
        // keep the index in step from there on. Only the search index has triggers.
        let virtual_tables = virtual_tables(conn)?;
        for (kind, name, sql) in &objects {
            let shadow = is_derived(name, &virtual_tables)
                && name != "search_docs"
                && !virtual_tables.contains(name);
            if kind == "table" && !shadow {
                writeln!(out, "{sql};").map_err(io)?;
            }
        }
        for (kind, _, sql) in &objects {
            if kind != "table" && kind != "trigger" {
                writeln!(out, "{sql};").map_err(io)?;
            }
        }
        let infos = tables(conn)?;
        for info in &infos {
            let prefix = format!(
                "INSERT INTO {} ({}) VALUES (",
                quote_ident(&info.name),
                info.columns
                    .iter()
                    .map(|c| quote_ident(c))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            let mut line = String::new();
            self.export_rows(info, range, &mut |values| {
                line.clear();
                line.push_str(&prefix);
                for (i, v) in values.iter().enumerate() {
                    if i > 0 {
                        line.push_str(", ");
                    }
                    sql_literal(v, &mut line);
                }
                line.push_str(");");
                writeln!(out, "{line}").map_err(io)
            })?;
        }
        if let Some(rebuild) = search_rebuild_sql(conn)? {
            writeln!(out, "{rebuild}").map_err(io)?;
        }
        for (kind, _, sql) in &objects {
            if kind == "trigger" {
                writeln!(out, "{sql};").map_err(io)?;
            }
        }
        writeln!(out, "PRAGMA user_version={version};\nCOMMIT;").map_err(io)?;
        Ok(())
    }

    /// Lets a bulk load insert rows in any order: foreign keys are checked when the
    /// transaction commits (call [`Repo::foreign_key_problems`] first to name a broken one).
    /// Only meaningful inside [`Repo::transaction`].
    ///
    /// PostgreSQL's foreign keys are not deferrable: each row is checked as it arrives. Rows
    /// loaded in table order ([`Repo::export_tables`]) find their parents there, except the
    /// rows of a table referring to itself, which a load orders by [`TableInfo::parent`].
    pub fn defer_foreign_keys(&self) -> Result<()> {
        if self.backend() == Backend::Postgres {
            return Ok(());
        }
        self.conn()
            .execute_batch("PRAGMA defer_foreign_keys = ON")?;
        Ok(())
    }

    /// Puts back one row of a worklog export, exactly as it was (id, stamps, deleted rows
    /// included). A row whose id is taken by the same row (same `created_at`) — or, for link
    /// tables, the same link — is [`RowOutcome::Present`]; an id taken by a different row is an
    /// error, since two different databases cannot be merged this way. Columns missing from
    /// `columns` take their defaults; a column the table lacks is an error.
    pub fn import_row(
        &self,
        table: &TableInfo,
        columns: &[&str],
        values: &[Value],
    ) -> Result<RowOutcome> {
        let conn = self.conn();
        for c in columns {
            if table.column(c).is_none() {
                return Err(Error::invalid(
                    "column",
                    format!("table {} has no column {c:?}", table.name),
                ));
            }
        }
        let value_of = |col: &str| {
            columns
                .iter()
                .position(|c| *c == col)
                .and_then(|i| values.get(i))
        };
        // Look for the row by its primary key.
        let mut key_values = Vec::with_capacity(table.key.len());
        for k in &table.key {
            match value_of(k) {
                Some(v) if *v != Value::Null => key_values.push(v),
                _ => {
                    return Err(Error::invalid(
                        "column",
                        format!("a {} row needs its {k}", table.name),
                    ));
                }
            }
        }
        let has_created = table.column("created_at").is_some();
        let key_match = table
            .key
            .iter()
            .enumerate()
            .map(|(i, k)| format!("{} = ?{}", quote_ident(k), i + 1))
            .collect::<Vec<_>>()
            .join(" AND ");
        let existing: Option<Option<String>> = conn
            .prepare_cached(&format!(
                "SELECT {} FROM {} WHERE {key_match}",
                if has_created { "created_at" } else { "NULL" },
                quote_ident(&table.name)
            ))?
            .query_row(params_from_iter(key_values.iter()), |r| r.get(0))
            .optional()?;
        if let Some(created) = existing {
            let link_table = table.key.len() > 1;
            let theirs = match value_of("created_at") {
                Some(Value::Text(t)) => Some(t.as_str()),
                _ => None,
            };
            if link_table || created.as_deref() == theirs {
                return Ok(RowOutcome::Present);
            }
            let key = table
                .key
                .iter()
                .zip(&key_values)
                .map(|(k, v)| format!("{k} {}", value_display(v)))
                .collect::<Vec<_>>()
                .join(", ");
            return Err(Error::invalid(
                "row",
                format!(
                    "{} {key} already exists here as a different row (created {}); a worklog \
                     export goes into an empty database or back into the one it came from",
                    table.name,
                    created.unwrap_or_default()
                ),
            ));
        }
        if conn.backend() == Backend::Postgres
            && let Some(problem) = pg_missing_reference(conn, table, &value_of)?
        {
            return Err(Error::invalid("row", problem));
        }
        let names = columns
            .iter()
            .map(|c| quote_ident(c))
            .collect::<Vec<_>>()
            .join(", ");
        let marks = (1..=columns.len())
            .map(|i| format!("?{i}"))
            .collect::<Vec<_>>()
            .join(", ");
        conn.prepare_cached(&format!(
            "INSERT INTO {} ({names}) VALUES ({marks})",
            quote_ident(&table.name)
        ))?
        .execute(params_from_iter(values.iter()))?;
        if matches!(table.name.as_str(), "people" | "tags") {
            // The match key follows the name, whatever the file says (an older export has none).
            conn.prepare_cached(&format!(
                "UPDATE {} SET name_key = fold_name(name) WHERE {key_match}",
                quote_ident(&table.name)
            ))?
            .execute(params_from_iter(key_values.iter()))?;
        }
        Ok(RowOutcome::Added)
    }

    /// The row a record from `source` with that id became, if it was imported before (and
    /// that row still exists; deleting it for good forgets the import).
    pub fn imported(
        &self,
        source: ImportSource,
        external_id: &str,
    ) -> Result<Option<ImportTarget>> {
        let row: Option<(Option<Id>, Option<Id>, Option<Id>)> = self
            .conn()
            .prepare_cached(
                "SELECT task_id, learning_id, goal_id FROM imports
                 WHERE source = ?1 AND external_id = ?2",
            )?
            .query_row(params![source.as_str(), external_id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()?;
        Ok(row.and_then(|ids| match ids {
            (Some(t), _, _) => Some(ImportTarget::Task(t)),
            (_, Some(l), _) => Some(ImportTarget::Learning(l)),
            (_, _, Some(g)) => Some(ImportTarget::Goal(g)),
            _ => None,
        }))
    }

    /// Adds a task recorded by another tool (status, done time, stamps and deletion as it
    /// had them) and records where it came from.
    pub fn add_imported_task(&self, from: Provenance<'_>, task: &ImportedTask) -> Result<Id> {
        let title = required("title", "task title", &task.title)?;
        if (task.status == TaskStatus::Done) != task.done_at.is_some() {
            return Err(Error::invalid(
                "status",
                "a task has a done time exactly when it is done",
            ));
        }
        let tags = normalize_tags(&task.tags)?;
        self.write(|c| {
            super::tasks::ensure_goal(c, task.goal_id)?;
            let day = day_text(task.day);
            let position: i64 = c
                .prepare_cached("SELECT ifnull(max(position) + 1, 0) FROM tasks WHERE day = ?1")?
                .query_row([&day], |r| r.get(0))?;
            let created = task.created_at.map(stamp_text);
            let updated = task.updated_at.map(stamp_text).or_else(|| created.clone());
            let id: Id = c
                .prepare_cached(&format!(
                    "INSERT INTO tasks (day, first_day, title, notes, status, priority, goal_id,
                    position, done_at, created_at, updated_at, deleted_at)
                 VALUES (?1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,
                    ifnull(?9, {NOW_UTC}), ifnull(?10, {NOW_UTC}), ?11) RETURNING id"
                ))?
                .query_row(
                    params![
                        day,
                        title,
                        task.notes,
                        task.status.as_str(),
                        task.priority.get(),
                        task.goal_id,
                        position,
                        task.done_at.map(at_text),
                        created,
                        updated,
                        task.deleted_at.map(stamp_text)
                    ],
                    |r| r.get(0),
                )?;
            set_tags(c, TASK_TAGS, id, &tags)?;
            record(c, from, ImportTarget::Task(id))?;
            Ok(id)
        })
    }

    /// Adds a journal entry recorded by another tool and records where it came from.
    pub fn add_imported_learning(
        &self,
        from: Provenance<'_>,
        entry: &ImportedLearning,
    ) -> Result<Id> {
        let title = required("title", "journal title", &entry.title)?;
        let tags = normalize_tags(&entry.tags)?;
        self.write(|c| {
            let id: Id = c.prepare_cached(
                "INSERT INTO learnings (at, title, body, starred) VALUES (?1, ?2, ?3, ?4) RETURNING id",
            )?
            .query_row(params![at_text(entry.at), title, entry.body, entry.starred], |r| r.get(0))?;
            set_tags(c, LEARNING_TAGS, id, &tags)?;
            record(c, from, ImportTarget::Learning(id))?;
            Ok(id)
        })
    }

    /// Adds a goal for a record of another tool (a Taskwarrior project) under `parent`, last
    /// among its siblings, and records where it came from.
    pub fn add_imported_goal(
        &self,
        from: Provenance<'_>,
        title: &str,
        parent: Option<Id>,
    ) -> Result<Id> {
        let title = required("title", "goal title", title)?;
        self.write(|c| {
            let id: Id = c
                .prepare_cached(
                    "INSERT INTO goals (parent_id, title, position)
                 VALUES (?1, ?2, (SELECT ifnull(max(position) + 1, 0) FROM goals
                                  WHERE parent_id IS ?1 AND deleted_at IS NULL)) RETURNING id",
                )?
                .query_row(params![parent, title], |r| r.get(0))?;
            record(c, from, ImportTarget::Goal(id))?;
            Ok(id)
        })
    }

    /// A goal that is not deleted, directly under `parent` (or at the top), titled `title`
    /// ignoring case: the oldest if several.
    pub fn goal_named(&self, parent: Option<Id>, title: &str) -> Result<Option<Id>> {
        Ok(self
            .conn()
            .prepare_cached(
                "SELECT id FROM goals WHERE parent_id IS ?1 AND deleted_at IS NULL
                   AND title = ?2 COLLATE NOCASE ORDER BY id LIMIT 1",
            )?
            .query_row(params![parent, title.trim()], |r| r.get(0))
            .optional()?)
    }
}

/// On PostgreSQL, which checks a row's references as it arrives, the first reference of a row
/// about to be inserted that finds no row, said as SQLite's check at the end of a load says
/// it ("task 1 refers to goal 99 (goal_id), which does not exist").
fn pg_missing_reference<'v>(
    conn: &Connection,
    table: &TableInfo,
    value_of: &dyn Fn(&str) -> Option<&'v Value>,
) -> Result<Option<String>> {
    let references: Vec<(String, String, String)> = conn
        .prepare_cached(
            "SELECT CAST(a.attname AS text), CAST(p.relname AS text), CAST(pa.attname AS text)
               FROM pg_constraint f
               JOIN pg_class c ON c.oid = f.conrelid
               JOIN pg_class p ON p.oid = f.confrelid
               JOIN pg_attribute a ON a.attrelid = f.conrelid AND a.attnum = f.conkey[1]
               JOIN pg_attribute pa ON pa.attrelid = f.confrelid AND pa.attnum = f.confkey[1]
              WHERE f.contype = 'f' AND cardinality(f.conkey) = 1 AND c.relname = CAST(?1 AS text)
                AND c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
              ORDER BY f.conname",
        )?
        .query_map([&table.name], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<crate::db::sql::Result<_>>()?;
    for (column, parent, parent_column) in references {
        let Some(v) = value_of(&column).filter(|v| **v != Value::Null) else {
            continue;
        };
        let found = conn
            .prepare_cached(&format!(
                "SELECT 1 FROM {} WHERE {} = ?1",
                quote_ident(&parent),
                quote_ident(&parent_column)
            ))?
            .exists([v])?;
        if !found {
            let row = match value_of("id") {
                Some(Value::Integer(id)) => format!("{} {id}", super::admin::noun(&table.name)),
                _ => format!("a {} row", table.name),
            };
            let key = if parent_column == "id" {
                value_display(v)
            } else {
                format!("{parent_column} {}", value_display(v))
            };
            return Ok(Some(format!(
                "{row} refers to {} {key} ({column}), which does not exist",
                super::admin::noun(&parent)
            )));
        }
    }
    Ok(None)
}

fn record(conn: &Connection, from: Provenance<'_>, target: ImportTarget) -> Result<()> {
    let (task, learning, goal) = match target {
        ImportTarget::Task(id) => (Some(id), None, None),
        ImportTarget::Learning(id) => (None, Some(id), None),
        ImportTarget::Goal(id) => (None, None, Some(id)),
    };
    conn.prepare_cached(
        "INSERT INTO imports (source, external_id, task_id, learning_id, goal_id, original)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        from.source.as_str(),
        from.external_id,
        task,
        learning,
        goal,
        from.original
    ])?;
    Ok(())
}

fn value_display(v: &Value) -> String {
    match v {
        Value::Null => "NULL".into(),
        Value::Integer(i) => i.to_string(),
        Value::Real(f) => f.to_string(),
        Value::Text(t) => format!("{t:?}"),
    }
}

/// Appends `v` as an SQL literal. Text is quoted with `'` doubled; characters that would be
/// raw control characters (or could reorder what a terminal shows) are written as `char(N)`.
fn sql_literal(v: &Value, out: &mut String) {
    match v {
        Value::Null => out.push_str("NULL"),
        Value::Integer(i) => out.push_str(&i.to_string()),
        Value::Real(f) => out.push_str(&format!("{f:?}")),
        Value::Text(t) => {
            if !t.chars().any(needs_char) {
                push_quoted(t, out);
                return;
            }
            let mut first = true;
            let mut run = String::new();
            let mut codes: Vec<u32> = Vec::new();
            let flush_run = |run: &mut String, out: &mut String, first: &mut bool| {
                if !run.is_empty() {
                    if !*first {
                        out.push_str(" || ");
                    }
                    push_quoted(run, out);
                    run.clear();
                    *first = false;
                }
            };
            let flush_codes = |codes: &mut Vec<u32>, out: &mut String, first: &mut bool| {
                if !codes.is_empty() {
                    if !*first {
                        out.push_str(" || ");
                    }
                    let list = codes
                        .iter()
                        .map(u32::to_string)
                        .collect::<Vec<_>>()
                        .join(", ");
                    out.push_str(&format!("char({list})"));
                    codes.clear();
                    *first = false;
                }
            };
            for ch in t.chars() {
                if needs_char(ch) {
                    flush_run(&mut run, out, &mut first);
                    codes.push(ch as u32);
                } else {
                    flush_codes(&mut codes, out, &mut first);
                    run.push(ch);
                }
            }
            flush_run(&mut run, out, &mut first);
            flush_codes(&mut codes, out, &mut first);
        }
    }
}

fn push_quoted(t: &str, out: &mut String) {
    out.push('\'');
    out.push_str(&t.replace('\'', "''"));
    out.push('\'');
}

fn needs_char(c: char) -> bool {
    crate::text::needs_escape(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lit(s: &str) -> String {
        let mut out = String::new();
        sql_literal(&Value::Text(s.into()), &mut out);
        out
    }

    #[test]
    fn sql_literals_quote_and_spell_out_controls() {
        assert_eq!(lit("it's"), "'it''s'");
        assert_eq!(lit(""), "''");
        assert_eq!(lit("a\nb"), "'a' || char(10) || 'b'");
        assert_eq!(lit("\x1b[2J"), "char(27) || '[2J'");
        assert_eq!(lit("x\r\n"), "'x' || char(13, 10)");
        let mut out = String::new();
        sql_literal(&Value::Real(3.0), &mut out);
        assert_eq!(out, "3.0");
    }

    #[test]
    fn every_dated_table_has_a_range_rule() {
        for t in [
            "tasks",
            "task_carries",
            "learnings",
            "skill_progress",
            "meetings",
            "feedback",
            "action_items",
            "energy_checkins",
            "imports",
            "calendar_events",
            "attachments",
        ] {
            assert!(range_condition(t, Backend::Sqlite).is_some(), "{t}");
        }
        for t in ["people", "goals", "skills", "tags", "goal_milestones"] {
            assert!(range_condition(t, Backend::Sqlite).is_none(), "{t}");
        }
    }
}
