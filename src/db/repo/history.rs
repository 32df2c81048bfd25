//! Undo and redo of any change the app makes, for the session.
//!
//! Rather than teach every write how to take itself back, the connection records what each
//! write transaction did to the rows: TEMP triggers on every table of the user's data hand
//! the old row (before an update or delete) or the new row's key (after an insert) to a
//! function of ours, and at commit the repository reads each touched row as it is now. A
//! [`Change`] is that list of rows as they were before and after. Taking it back writes the
//! "before" of each row, in one transaction, but only where the row still is its "after":
//! a row changed meanwhile (by another session, or a later change of this one) is a
//! conflict and nothing is written. The triggers live in this connection's TEMP schema, so
//! the database file, its schema and other sessions never see them.

use super::Repo;
use crate::db::error::{Error, Result};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// One row as it was before and after a change (`None`: it did not exist).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct RowChange {
    table: Arc<Table>,
    key: Vec<Value>,
    before: Option<Vec<Value>>,
    after: Option<Vec<Value>>,
}

/// What the history knows of one table.
#[derive(Debug, PartialEq)]
struct Table {
    name: String,
    columns: Vec<String>,
    /// Indexes of the primary key's columns.
    key: Vec<usize>,
    /// Index of the `version` column, named in a conflict.
    version: Option<usize>,
}

impl Table {
    fn col(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c == name)
    }
}

/// A change to the data: every row one user action wrote, before and after. Empty changes
/// are never handed out.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Change {
    rows: Vec<RowChange>,
}

/// What the triggers report: table, the row's values (`old` for update/delete, `new` for
/// insert), and whether the row existed before.
#[derive(Default)]
struct Log {
    on: bool,
    entries: Vec<(String, Vec<Value>, bool)>,
}

/// The recorder a repository carries once [`Repo::enable_history`] ran.
pub(super) struct Recorder {
    log: Arc<Mutex<Log>>,
    tables: HashMap<String, Arc<Table>>,
    /// Rows written by transactions committed since capturing began.
    captured: Vec<RowChange>,
}

/// Tables never recorded: the search index (kept by triggers of its own), the database's
/// identity and the import log.
fn recorded(name: &str) -> bool {
    !(name.starts_with("sqlite_")
        || name.starts_with("search")
        || name == "database_identity"
        || name == "imports")
}

fn quote(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

fn lock(log: &Mutex<Log>) -> std::sync::MutexGuard<'_, Log> {
    // A poisoned lock means a panic while pushing a row; the log is still a plain list.
    log.lock().unwrap_or_else(|e| e.into_inner())
}

impl Repo {
    /// Starts recording this connection's writes so they can be undone: installs the TEMP
    /// triggers. Nothing is captured until [`Repo::capture_changes`] turns it on.
    pub fn enable_history(&self) -> Result<()> {
        if self.history.borrow().is_some() {
            return Ok(());
        }
        // The triggers are SQLite's TEMP triggers: on PostgreSQL the session keeps no history
        // yet, and the app says undo is not available there.
        let Ok(c) = self.conn().lite() else {
            return Ok(());
        };
        let log = Arc::new(Mutex::new(Log::default()));
        let shared = log.clone();
        c.create_scalar_function(
            "worklog_history",
            -1,
            rusqlite::functions::FunctionFlags::SQLITE_UTF8,
            move |ctx| {
                let mut log = lock(&shared);
                if !log.on || ctx.len() < 2 {
                    return Ok(0);
                }
                let table: String = ctx.get(0)?;
                let existed: bool = ctx.get(1)?;
                let mut values = Vec::with_capacity(ctx.len() - 2);
                for i in 2..ctx.len() {
                    values.push(ctx.get::<Value>(i)?);
                }
                log.entries.push((table, values, existed));
                Ok(0)
            },
        )?;
        let names: Vec<String> = c
            .prepare("SELECT name FROM main.sqlite_schema WHERE type = 'table' ORDER BY name")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut tables = HashMap::new();
        for name in names.into_iter().filter(|n| recorded(n)) {
            let mut columns = Vec::new();
            let mut key = Vec::new();
            let mut stmt = c.prepare(&format!("PRAGMA main.table_info({})", quote(&name)))?;
            let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(1)?, r.get::<_, i64>(5)?)))?;
            let mut pk: Vec<(i64, usize)> = Vec::new();
            for (i, row) in rows.enumerate() {
                let (col, pk_pos) = row?;
                if pk_pos > 0 {
                    pk.push((pk_pos, i));
                }
                columns.push(col);
            }
            pk.sort();
            key.extend(pk.into_iter().map(|(_, i)| i));
            if key.is_empty() {
                // Without a key a row cannot be found again; such a table is not the user's.
                continue;
            }
            let q = quote(&name);
            let lit = format!("'{}'", name.replace('\'', "''"));
            let of = |which: &str| {
                columns
                    .iter()
                    .map(|col| format!("{which}.{}", quote(col)))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let (old, new, there) = (of("OLD"), of("NEW"), of("x"));
            // The row already at NEW's key, if any: an update that moves a link onto a key
            // another row holds (UPDATE OR IGNORE in a merge), or an INSERT OR REPLACE.
            let at_new = key
                .iter()
                .map(|&i| format!("x.{0} IS NEW.{0}", quote(&columns[i])))
                .collect::<Vec<_>>()
                .join(" AND ");
            let t = name.replace('"', "");
            c.execute_batch(&format!(
                "DROP TRIGGER IF EXISTS temp.\"worklog_history_{t}_b\";
                 DROP TRIGGER IF EXISTS temp.\"worklog_history_{t}_i\";
                 DROP TRIGGER IF EXISTS temp.\"worklog_history_{t}_u\";
                 DROP TRIGGER IF EXISTS temp.\"worklog_history_{t}_d\";
                 CREATE TEMP TRIGGER \"worklog_history_{t}_b\" BEFORE INSERT ON main.{q} BEGIN
                     SELECT worklog_history({lit}, 1, {there}) FROM main.{q} AS x WHERE {at_new};
                 END;
                 CREATE TEMP TRIGGER \"worklog_history_{t}_i\" AFTER INSERT ON main.{q} BEGIN
                     SELECT worklog_history({lit}, 0, {new});
                 END;
                 CREATE TEMP TRIGGER \"worklog_history_{t}_u\" BEFORE UPDATE ON main.{q} BEGIN
                     SELECT worklog_history({lit}, 1, {old});
                     SELECT worklog_history({lit}, 1, {there}) FROM main.{q} AS x WHERE {at_new};
                     SELECT worklog_history({lit}, 0, {new})
                      WHERE NOT EXISTS (SELECT 1 FROM main.{q} AS x WHERE {at_new});
                 END;
                 CREATE TEMP TRIGGER \"worklog_history_{t}_d\" BEFORE DELETE ON main.{q} BEGIN
                     SELECT worklog_history({lit}, 1, {old});
                 END;"
            ))?;
            let version = columns.iter().position(|c| c == "version");
            tables.insert(
                name.clone(),
                Arc::new(Table {
                    name,
                    columns,
                    key,
                    version,
                }),
            );
        }
        *self.history.borrow_mut() = Some(Recorder {
            log,
            tables,
            captured: Vec::new(),
        });
        Ok(())
    }

    /// Forgets every captured row and installs the triggers afresh: the database was
    /// replaced (restored, migrated) and its tables may no longer have the columns read.
    pub fn reset_history(&self) -> Result<()> {
        if self.history.borrow_mut().take().is_none() {
            return Ok(());
        }
        self.enable_history()
    }

    /// Turns capturing on or off. While on, every committed write adds its rows to what
    /// [`Repo::take_change`] hands out.
    pub fn capture_changes(&self, on: bool) {
        if let Some(rec) = self.history.borrow_mut().as_mut() {
            lock(&rec.log).on = on;
        }
    }

    /// Everything written since the last call (while capturing), as one change; `None` if
    /// nothing changed.
    pub fn take_change(&self) -> Option<Change> {
        let mut history = self.history.borrow_mut();
        let rec = history.as_mut()?;
        let rows = coalesce(std::mem::take(&mut rec.captured));
        (!rows.is_empty()).then_some(Change { rows })
    }

    /// Called at the start of a top-level write: what the log holds is from no transaction
    /// that will commit.
    pub(super) fn history_begin(&self) {
        if let Some(rec) = self.history.borrow().as_ref() {
            lock(&rec.log).entries.clear();
        }
    }

    /// Called inside a top-level write about to commit: the rows it touched, before and now.
    pub(super) fn history_collect(&self, c: &crate::db::sql::Connection) -> Result<Vec<RowChange>> {
        let history = self.history.borrow();
        let (Some(rec), Ok(c)) = (history.as_ref(), c.lite()) else {
            return Ok(Vec::new());
        };
        let entries = std::mem::take(&mut lock(&rec.log).entries);
        let mut rows: Vec<RowChange> = Vec::new();
        let mut seen: HashMap<(String, Vec<KeyPart>), usize> = HashMap::new();
        for (name, values, existed) in entries {
            let Some(table) = rec.tables.get(&name) else {
                continue;
            };
            let key: Vec<Value> = table.key.iter().map(|&i| values[i].clone()).collect();
            let id = (name, key.iter().map(KeyPart::of).collect::<Vec<_>>());
            if seen.contains_key(&id) {
                continue;
            }
            seen.insert(id, rows.len());
            rows.push(RowChange {
                table: table.clone(),
                key,
                before: existed.then_some(values),
                after: None,
            });
        }
        for row in &mut rows {
            row.after = read_row(c, &row.table, &row.key)?;
        }
        rows.retain(|r| r.before != r.after);
        Ok(rows)
    }

    /// After a top-level write committed: keep its rows if capturing.
    pub(super) fn history_committed(&self, rows: Vec<RowChange>) {
        if let Some(rec) = self.history.borrow_mut().as_mut()
            && lock(&rec.log).on
        {
            rec.captured.extend(rows);
        }
    }

    /// Takes `change` back in one transaction: every row is written as it was before,
    /// provided it is still as the change left it. Returns the change this made (taking that
    /// back re-applies `change`: redo). A row changed since is [`Error::Conflict`] and
    /// nothing is written.
    pub fn revert(&self, change: &Change) -> Result<Change> {
        let (was_on, saved) = {
            let mut history = self.history.borrow_mut();
            let Some(rec) = history.as_mut() else {
                return Err(Error::invalid("undo", "undo is not available here"));
            };
            let mut log = lock(&rec.log);
            let was_on = log.on;
            log.on = true;
            drop(log);
            (was_on, std::mem::take(&mut rec.captured))
        };
        let result = self.write(|c| {
            let c = c.lite()?;
            // A parent may come back after its children in the list: check at commit.
            c.execute_batch("PRAGMA defer_foreign_keys = ON")?;
            for row in change.rows.iter().rev() {
                restore(c, row)?;
            }
            Ok(())
        });
        let mut history = self.history.borrow_mut();
        let made = match history.as_mut() {
            Some(rec) => {
                lock(&rec.log).on = was_on;
                std::mem::replace(&mut rec.captured, saved)
            }
            None => Vec::new(),
        };
        result?;
        Ok(Change {
            rows: coalesce(made),
        })
    }
}

/// A key value that can be hashed (the keys are integers and text).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum KeyPart {
    Null,
    Int(i64),
    Text(String),
    Other(String),
}

impl KeyPart {
    fn of(v: &Value) -> KeyPart {
        match v {
            Value::Null => KeyPart::Null,
            Value::Integer(i) => KeyPart::Int(*i),
            Value::Text(t) => KeyPart::Text(t.clone()),
            other => KeyPart::Other(format!("{other:?}")),
        }
    }
}

/// Merges the rows of several transactions: one entry per row, with its first "before" and
/// last "after"; rows that ended as they began are dropped.
fn coalesce(rows: Vec<RowChange>) -> Vec<RowChange> {
    let mut out: Vec<RowChange> = Vec::new();
    let mut at: HashMap<(String, Vec<KeyPart>), usize> = HashMap::new();
    for row in rows {
        let id = (
            row.table.name.clone(),
            row.key.iter().map(KeyPart::of).collect::<Vec<_>>(),
        );
        match at.get(&id) {
            Some(&i) => out[i].after = row.after,
            None => {
                at.insert(id, out.len());
                out.push(row);
            }
        }
    }
    out.retain(|r| r.before != r.after);
    out
}

fn where_key(table: &Table) -> String {
    table
        .key
        .iter()
        .enumerate()
        .map(|(n, &i)| format!("{} IS ?{}", quote(&table.columns[i]), n + 1))
        .collect::<Vec<_>>()
        .join(" AND ")
}

fn read_row(c: &Connection, table: &Table, key: &[Value]) -> Result<Option<Vec<Value>>> {
    let cols = table
        .columns
        .iter()
        .map(|c| quote(c))
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!(
        "SELECT {cols} FROM main.{} WHERE {}",
        quote(&table.name),
        where_key(table)
    );
    let n = table.columns.len();
    Ok(c.prepare_cached(&sql)?
        .query_row(rusqlite::params_from_iter(key.iter()), |r| {
            (0..n).map(|i| r.get::<_, Value>(i)).collect()
        })
        .optional()?)
}

fn int(v: Option<&Value>) -> i64 {
    match v {
        Some(Value::Integer(i)) => *i,
        _ => 0,
    }
}

/// Writes one row back to its "before", if it is still its "after".
fn restore(c: &Connection, row: &RowChange) -> Result<()> {
    let table = &row.table;
    let now = read_row(c, table, &row.key)?;
    if now == row.before {
        return Ok(());
    }
    if now != row.after {
        let at = |r: &Option<Vec<Value>>| {
            table
                .version
                .and_then(|v| r.as_ref().map(|r| int(r.get(v))))
                .unwrap_or_default()
        };
        return Err(Error::Conflict {
            what: what_of(&table.name),
            id: int(row.key.first()),
            yours: at(&row.after),
            current: at(&now),
        });
    }
    let t = quote(&table.name);
    let Some(before) = &row.before else {
        c.prepare_cached(&format!("DELETE FROM main.{t} WHERE {}", where_key(table)))?
            .execute(rusqlite::params_from_iter(row.key.iter()))?;
        return Ok(());
    };
    // Exactly as it was, version and all: a copy read since the change (at its version) is
    // refused on save, one read before it matches again, and the change before this one in
    // the history finds its rows as it left them.
    let values = before;
    if now.is_some() {
        let sets: Vec<String> = (0..table.columns.len())
            .filter(|i| !table.key.contains(i))
            .map(|i| format!("{} = ?{}", quote(&table.columns[i]), i + 1))
            .collect();
        if sets.is_empty() {
            return Ok(());
        }
        let keys: Vec<String> = table
            .key
            .iter()
            .map(|&i| format!("{} IS ?{}", quote(&table.columns[i]), i + 1))
            .collect();
        c.prepare_cached(&format!(
            "UPDATE main.{t} SET {} WHERE {}",
            sets.join(", "),
            keys.join(" AND ")
        ))?
        .execute(rusqlite::params_from_iter(values.iter()))?;
    } else {
        let cols: Vec<String> = table.columns.iter().map(|c| quote(c)).collect();
        let marks: Vec<String> = (1..=cols.len()).map(|i| format!("?{i}")).collect();
        c.prepare_cached(&format!(
            "INSERT INTO main.{t} ({}) VALUES ({})",
            cols.join(", "),
            marks.join(", ")
        ))?
        .execute(rusqlite::params_from_iter(values.iter()))?;
    }
    Ok(())
}

/// What a row of a table is called, in the user's words.
fn what_of(table: &str) -> &'static str {
    match table {
        "tasks" => "task",
        "learnings" => "journal entry",
        "skills" => "skill",
        "skill_progress" => "assessment",
        "meetings" => "meeting",
        "action_items" => "action item",
        "goals" => "goal",
        "goal_milestones" => "milestone",
        "feedback" => "feedback",
        "energy_checkins" => "check-in",
        "people" => "person",
        "tags" => "tag",
        "organizations" => "organization",
        "profile" => "profile",
        "task_carries" => "carry-over",
        "calendar_events" => "calendar event",
        _ => "link",
    }
}

impl RowChange {
    fn value(&self, col: &str) -> (Option<&Value>, Option<&Value>) {
        let i = self.table.col(col);
        fn get(r: &Option<Vec<Value>>, i: Option<usize>) -> Option<&Value> {
            i.and_then(|i| r.as_ref().and_then(|r| r.get(i)))
        }
        (get(&self.before, i), get(&self.after, i))
    }

    fn changed(&self, col: &str) -> bool {
        let (b, a) = self.value(col);
        self.table.col(col).is_some() && self.before.is_some() && self.after.is_some() && b != a
    }

    /// The row's name: its title, or a few words for rows without one.
    fn name(&self) -> String {
        let text = |col: &str| {
            let (b, a) = self.value(col);
            match a.or(b) {
                Some(Value::Text(t)) => Some(t.clone()),
                Some(Value::Integer(i)) => Some(i.to_string()),
                _ => None,
            }
        };
        let name = match self.table.name.as_str() {
            "energy_checkins" => text("level").map(|l| format!("energy {l}")),
            "feedback" => text("content").map(|c| {
                let words: String = c.chars().take(40).collect();
                if words.len() < c.len() {
                    format!("{words}…")
                } else {
                    words
                }
            }),
            "skill_progress" => text("assessed_on").map(|d| format!("of {d}")),
            _ => text("title").or_else(|| text("name")),
        };
        name.unwrap_or_default()
    }

    /// "“title”", or the kind when the row has no name.
    fn named(&self) -> String {
        let name = self.name();
        let what = what_of(&self.table.name);
        match self.table.name.as_str() {
            "energy_checkins" if !name.is_empty() => format!("check-in {name}"),
            "skill_progress" => format!("{what} {name}").trim().to_string(),
            _ if name.is_empty() => what.to_string(),
            _ => format!("\"{}\"", crate::text::sanitize(&name)),
        }
    }

    fn is_main(&self) -> bool {
        what_of(&self.table.name) != "link"
            && !matches!(self.table.name.as_str(), "task_carries" | "profile")
    }

    /// What happened to this row: the verb and what follows the row's name.
    fn action(&self) -> (&'static str, String) {
        if self.before.is_none() {
            return if self.table.name == "energy_checkins" {
                ("recorded", String::new())
            } else {
                ("added", String::new())
            };
        }
        if self.after.is_none() {
            return ("deleted", String::new());
        }
        if self.changed("deleted_at") {
            return match self.value("deleted_at").1 {
                Some(Value::Null) | None => ("restored", String::new()),
                _ => ("deleted", String::new()),
            };
        }
        if self.changed("status")
            && let (_, Some(Value::Text(s))) = self.value("status")
        {
            return ("marked", crate::text::sanitize(s).into_owned());
        }
        for col in ["done_at", "done_on"] {
            if self.changed(col) {
                return match self.value(col).1 {
                    Some(Value::Null) | None => ("marked", "not done".into()),
                    _ => ("marked", "done".into()),
                };
            }
        }
        if self.changed("day")
            && self.table.name == "tasks"
            && let (_, Some(Value::Text(d))) = self.value("day")
        {
            return ("moved", format!("to {}", crate::text::sanitize(d)));
        }
        if self.changed("position") || self.changed("sort_order") {
            return ("reordered", String::new());
        }
        ("edited", String::new())
    }

    /// What happened to this row, in a phrase ("marked “x” done").
    fn describe(&self) -> String {
        let (verb, tail) = self.action();
        let named = self.named();
        let what = what_of(&self.table.name);
        let subject = match verb {
            "recorded" => format!("energy {}", self.name().trim_start_matches("energy ")),
            "marked" | "moved" | "reordered" => named,
            _ if named.starts_with('"') => format!("{what} {named}"),
            _ => named,
        };
        format!("{verb} {subject} {tail}").trim().to_string()
    }
}

impl Change {
    /// What the change did, in the user's words: "marked \"Write report\" done", "deleted 3
    /// tasks", "merged person \"Sam\"".
    pub fn describe(&self) -> String {
        let mut main: Vec<&RowChange> = self.rows.iter().filter(|r| r.is_main()).collect();
        let named =
            |r: &&RowChange| matches!(r.table.name.as_str(), "people" | "tags" | "organizations");
        // People and tags made on the spot by a picker are not what the user did.
        let made_on_the_spot = |r: &&RowChange| named(r) && r.before.is_none();
        if main.iter().any(|r| !named(r)) {
            main.retain(|r| !made_on_the_spot(r));
        }
        // A merge: a person or tag went away while other rows moved to another.
        if self.rows.len() > 1
            && let Some(gone) = main.iter().find(|r| {
                matches!(r.table.name.as_str(), "people" | "tags")
                    && (r.after.is_none() || r.changed("deleted_at") || r.changed("merged_into"))
            })
        {
            return format!("merged {} {}", what_of(&gone.table.name), gone.named());
        }
        match main.as_slice() {
            [] => match self.rows.first() {
                Some(r) => format!("changed the links of a {}", what_of(&r.table.name)),
                None => "nothing".into(),
            },
            [one] => one.describe(),
            [first, rest @ ..] => {
                let same = rest
                    .iter()
                    .all(|r| r.table.name == first.table.name && r.action() == first.action());
                if same {
                    let (verb, tail) = first.action();
                    let what = plural(what_of(&first.table.name));
                    return format!("{verb} {} {what} {tail}", main.len())
                        .trim()
                        .to_string();
                }
                format!("{} and {} more", first.describe(), rest.len())
            }
        }
    }

    /// How many rows it wrote.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

fn plural(what: &str) -> String {
    match what {
        "feedback" => "feedback".into(),
        "journal entry" => "journal entries".into(),
        "person" => "people".into(),
        w => format!("{w}s"),
    }
}
