//! The history of every change, kept in the database (issue 14), and the undo, redo and
//! revert built on it.
//!
//! Each top-level write of the repository is one change. Inside its transaction the
//! repository adds a row to `history_changes` and puts its id in the one row of
//! `history_open`; triggers on every table of the user's data (migration 0013) then record
//! each row they touch in `history_rows`: its table and key, and its image before the change as
//! JSON (the first write to a row in a change keeps it). Before commit the repository empties
//! `history_open`, reads the change's rows back with each row's image after it, drops the rows
//! that ended as they began, and writes the change's operation, item and one-line summary
//! (from [`Change::describe`]); a change that wrote nothing is deleted.
//!
//! Why persistent triggers rather than the connection's TEMP triggers and a Rust callback, as
//! undo used to work: they cost nothing to set up per process (a `worklog add` would install
//! some hundred TEMP triggers and read every table's columns first), they work the same on
//! both backends, and the images are taken by the database at the moment of the write, in the
//! transaction, so nothing written through any repository path escapes them: cascades and
//! `SET NULL` actions fire them too. Writes from another client (sqlite3, psql) find no open
//! change: they are neither refused nor recorded.
//!
//! The one difference between the backends is where the "after" image comes from.
//! PostgreSQL has one generic PL/pgSQL function (`to_json(OLD/NEW)`) that records both images.
//! SQLite's triggers are generated per table (`json_object` of every column) and record the
//! "before" only; the repository reads each recorded row as it is at commit for its "after"
//! (the same result: nothing else writes inside the transaction). SQLite parses the whole
//! schema on every connection, and every command is a new connection: with images of NEW in
//! its triggers the schema's text grew threefold and `worklog add task` took a third longer.
//! The cost that remains is a JSON image per row written and a few small statements per write.
//!
//! Undo (the app's `u`) and `worklog revert` write each row's "before" back, in one
//! transaction, but only where the row is still its "after": a row changed meanwhile (by
//! another session, or a later change) is a conflict and nothing is written. A revert is
//! itself a change, so it can be taken back (redo).

use super::Repo;
use crate::db::error::{Error, Result};
use crate::db::exchange::TableInfo;
use crate::db::sql::types::Value;
use crate::db::sql::{Connection, Row, params, params_from_iter};
use crate::model::{Deletable, FieldChange, HistoryEntry, HistoryFilter, HistoryRow, Id};
use serde_json::{Map, Value as Json};
use std::collections::HashMap;

/// The first schema version with the history's tables.
const SINCE: u32 = 13;

/// A row's columns and values, as the triggers write them.
type Image = Map<String, Json>;

/// One row as it was before and after a change (`None`: it did not exist).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct RowChange {
    table: String,
    /// The primary key as a JSON array: `[5]`, `[3,1]`.
    key: String,
    before: Option<Image>,
    after: Option<Image>,
}

/// A change to the data: every row one user action wrote, before and after, and the
/// history's numbers for the writes it is made of. Empty changes are never handed out.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Change {
    rows: Vec<RowChange>,
    ids: Vec<Id>,
    /// The operation the write said it was, if it said.
    hint: Option<&'static str>,
}

/// What the repository keeps for the history: the session's id, the change being written,
/// and what the app asked to capture for its undo.
pub(super) struct Recorder {
    session: String,
    /// The change the current top-level write records into.
    open: Option<Id>,
    /// What the open change is, when the caller knows better than its rows (a revert).
    label: Option<(String, String)>,
    /// What the open change does, when its rows cannot tell (a merge that moved nothing).
    hint: Option<&'static str>,
    /// Whether the schema has the history's tables (`None`: not looked yet).
    ready: Option<bool>,
    /// The tables the history touched, as the database defines them (read when needed).
    tables: HashMap<String, TableInfo>,
    capture: bool,
    captured: Vec<RowChange>,
    captured_ids: Vec<Id>,
}

impl Recorder {
    pub(super) fn new() -> Recorder {
        Recorder {
            session: format!("{:016x}", rand::random::<u64>()),
            open: None,
            label: None,
            hint: None,
            ready: None,
            tables: HashMap::new(),
            capture: false,
            captured: Vec::new(),
            captured_ids: Vec::new(),
        }
    }

    /// The schema changed (migrated, replaced): look again before the next write.
    pub(super) fn schema_changed(&mut self) {
        self.ready = None;
        self.tables.clear();
    }
}

/// The table of each kind of item, for `worklog history KIND ID`.
pub fn table_of(kind: Deletable) -> &'static str {
    match kind {
        Deletable::Task => "tasks",
        Deletable::Learning => "learnings",
        Deletable::Skill => "skills",
        Deletable::Meeting => "meetings",
        Deletable::ActionItem => "action_items",
        Deletable::Goal => "goals",
        Deletable::Checkin => "energy_checkins",
        Deletable::Attachment => "attachments",
        Deletable::Feedback => "feedback",
    }
}

fn quote(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// An image as JSON text with its columns in the table's order, as the triggers'
/// `json_object` and PostgreSQL's `to_json` write theirs: the exports of the two backends are
/// the same text.
fn image_text(columns: &[String], image: &Image) -> String {
    let mut out = String::from("{");
    let ordered = columns
        .iter()
        .filter_map(|c| image.get(c).map(|v| (c, v)))
        .chain(image.iter().filter(|(c, _)| !columns.contains(c)));
    for (i, (col, value)) in ordered.enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&Json::String(col.clone()).to_string());
        out.push(':');
        out.push_str(&value.to_string());
    }
    out.push('}');
    out
}

fn parse_image(text: Option<String>, id: Id) -> Result<Option<Image>> {
    text.map(|t| {
        serde_json::from_str::<Image>(&t)
            .map_err(|e| Error::Sqlite(format!("history row {id} holds a damaged image: {e}")))
    })
    .transpose()
}

/// A stored value as the images hold it.
fn to_json(v: Value) -> Json {
    match v {
        Value::Null => Json::Null,
        Value::Integer(i) => Json::from(i),
        Value::Real(r) => serde_json::Number::from_f64(r).map_or(Json::Null, Json::Number),
        Value::Text(t) => Json::String(t),
        Value::Blob(b) => Json::String(String::from_utf8_lossy(&b).into_owned()),
    }
}

/// An image's value as a parameter.
fn from_json(v: &Json) -> Value {
    match v {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Integer(i64::from(*b)),
        Json::Number(n) => match n.as_i64() {
            Some(i) => Value::Integer(i),
            None => n.as_f64().map_or(Value::Null, Value::Real),
        },
        Json::String(s) => Value::Text(s.clone()),
        other => Value::Text(other.to_string()),
    }
}

/// A value in a line of text: NULL is `None`.
fn shown(v: Option<&Json>) -> Option<String> {
    match v? {
        Json::Null => None,
        Json::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

/// Now, as a UTC instant in the form of `created_at`, from the repository's clock.
fn instant(repo: &Repo) -> String {
    use chrono::TimeZone;
    let local = repo.clock().now();
    let utc = chrono::Local
        .from_local_datetime(&local)
        .earliest()
        .map(|t| t.with_timezone(&chrono::Utc))
        .unwrap_or_else(chrono::Utc::now);
    utc.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

/// A change's time for a message: "Mon 30 Nov 10:00", local time.
pub fn when(at: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(at)
        .map(|t| {
            t.with_timezone(&chrono::Local)
                .format("%a %-d %b %H:%M")
                .to_string()
        })
        .unwrap_or_else(|_| crate::text::sanitize(at).into_owned())
}

impl Repo {
    /// Forgets every captured row: the database was replaced (restored, migrated) and the
    /// rows captured name rows of the old one.
    pub fn reset_history(&self) -> Result<()> {
        let mut rec = self.history.borrow_mut();
        rec.schema_changed();
        rec.captured.clear();
        rec.captured_ids.clear();
        Ok(())
    }

    /// Turns capturing on or off. While on, every committed change adds its rows to what
    /// [`Repo::take_change`] hands out.
    pub fn capture_changes(&self, on: bool) {
        self.history.borrow_mut().capture = on;
    }

    /// Everything written since the last call (while capturing), as one change; `None` if
    /// nothing changed.
    pub fn take_change(&self) -> Option<Change> {
        let mut rec = self.history.borrow_mut();
        let rows = coalesce(std::mem::take(&mut rec.captured));
        let ids = std::mem::take(&mut rec.captured_ids);
        (!rows.is_empty()).then_some(Change {
            rows,
            ids,
            hint: None,
        })
    }

    /// This session's id, as the history records it.
    pub fn session_id(&self) -> String {
        self.history.borrow().session.clone()
    }

    fn history_ready(&self, c: &Connection) -> Result<bool> {
        if let Some(ready) = self.history.borrow().ready {
            return Ok(ready);
        }
        let ready = crate::db::migrate::current(c)? >= SINCE;
        self.history.borrow_mut().ready = Some(ready);
        Ok(ready)
    }

    /// Called at the start of a top-level write, inside its transaction: opens its change.
    pub(super) fn history_begin(&self, c: &Connection) -> Result<()> {
        {
            let mut rec = self.history.borrow_mut();
            rec.open = None;
            rec.hint = None;
        }
        if !self.history_ready(c)? {
            return Ok(());
        }
        let session = self.session_id();
        let id: Id = c.query_row(
            "INSERT INTO history_changes (at, session) VALUES (?1, ?2) RETURNING id",
            params![instant(self), session],
            |r| r.get(0),
        )?;
        c.execute(
            "INSERT INTO history_open (id, change_id) VALUES (1, ?1)",
            params![id],
        )?;
        self.history.borrow_mut().open = Some(id);
        Ok(())
    }

    /// Says what the write under way is, where its rows cannot tell: a merge of a person or
    /// tag with nothing linked to it is only a delete by its rows.
    pub(super) fn history_hint(&self, op: &'static str) {
        self.history.borrow_mut().hint = Some(op);
    }

    /// Called inside a top-level write about to commit: closes its change, and returns its
    /// number and rows (`None` when it wrote nothing).
    pub(super) fn history_collect(&self, c: &Connection) -> Result<Option<(Id, Vec<RowChange>)>> {
        let (open, label, hint) = {
            let mut rec = self.history.borrow_mut();
            (rec.open.take(), rec.label.take(), rec.hint.take())
        };
        let Some(id) = open else {
            return Ok(None);
        };
        c.execute("DELETE FROM history_open", [])?;
        let mut rows: Vec<(Id, RowChange)> = Vec::new();
        let mut unchanged: Vec<Id> = Vec::new();
        c.prepare_cached(
            "SELECT id, table_name, row_key, before, after FROM history_rows
             WHERE change_id = ?1 ORDER BY id",
        )?
        .for_each(params![id], |r| {
            let row_id: Id = r.get(0)?;
            rows.push((row_id, read_row_change(r, row_id)?));
            Ok::<(), Error>(())
        })?;
        // SQLite's triggers record the "before" only (see 0013): each row's "after" is the
        // row as it is now, read here and stored. PostgreSQL's trigger stored it already.
        if c.lite().is_ok() {
            for (row_id, row) in &mut rows {
                let (table, now) = self.current(c, row)?;
                row.after = now;
                if row.before != row.after {
                    let after = row.after.as_ref().map(|i| image_text(&table.columns, i));
                    c.execute(
                        "UPDATE history_rows SET after = ?1 WHERE id = ?2",
                        params![after, *row_id],
                    )?;
                }
            }
        }
        let rows: Vec<RowChange> = rows
            .into_iter()
            .filter_map(|(row_id, row)| {
                if row.before == row.after {
                    unchanged.push(row_id);
                    None
                } else {
                    Some(row)
                }
            })
            .collect();
        for row_id in unchanged {
            c.execute("DELETE FROM history_rows WHERE id = ?1", params![row_id])?;
        }
        if rows.is_empty() {
            c.execute("DELETE FROM history_changes WHERE id = ?1", params![id])?;
            return Ok(None);
        }
        let change = Change {
            rows,
            ids: vec![id],
            hint,
        };
        let (op, summary) = label.unwrap_or_else(|| (change.op().to_string(), change.describe()));
        let (kind, item) = change.main_item();
        let rows = change.rows;
        c.execute(
            "UPDATE history_changes SET op = ?1, kind = ?2, item_id = ?3, summary = ?4 WHERE id = ?5",
            params![op, kind, item, summary, id],
        )?;
        Ok(Some((id, rows)))
    }

    /// After a top-level write committed: keep its rows if capturing.
    pub(super) fn history_committed(&self, made: Option<(Id, Vec<RowChange>)>) {
        let mut rec = self.history.borrow_mut();
        if let (true, Some((id, rows))) = (rec.capture, made) {
            rec.captured.extend(rows);
            rec.captured_ids.push(id);
        }
    }

    /// Takes `change` back in one transaction: every row is written as it was before,
    /// provided it is still as the change left it. Returns the change this made (taking that
    /// back re-applies `change`: redo). A row changed since is [`Error::Conflict`] and
    /// nothing is written.
    pub fn revert(&self, change: &Change) -> Result<Change> {
        let summary = match change.ids.as_slice() {
            [] => format!("reverted: {}", change.describe()),
            [one] => format!("reverted change {one}: {}", change.describe()),
            many => format!(
                "reverted changes {}: {}",
                many.iter()
                    .map(|i| i.to_string())
                    .collect::<Vec<_>>()
                    .join(", "),
                change.describe()
            ),
        };
        let made = self.reverting(summary, |c| {
            for row in change.rows.iter().rev() {
                self.restore_row(c, row)?;
            }
            Ok(())
        })?;
        Ok(made)
    }

    /// Runs `f` as one change labelled a revert, capturing what it wrote.
    fn reverting(
        &self,
        summary: String,
        f: impl FnOnce(&Connection) -> Result<()>,
    ) -> Result<Change> {
        let (was_on, saved, saved_ids) = {
            let mut rec = self.history.borrow_mut();
            let was_on = std::mem::replace(&mut rec.capture, true);
            rec.label = Some(("revert".into(), summary));
            (
                was_on,
                std::mem::take(&mut rec.captured),
                std::mem::take(&mut rec.captured_ids),
            )
        };
        let result = self.write(|c| {
            // A parent may come back after its children in the list: check at commit.
            match c.lite() {
                Ok(lite) => lite.execute_batch("PRAGMA defer_foreign_keys = ON")?,
                Err(_) => c.execute_batch("SET CONSTRAINTS ALL DEFERRED")?,
            }
            f(c)
        });
        let mut rec = self.history.borrow_mut();
        rec.capture = was_on;
        rec.label = None;
        let made = std::mem::replace(&mut rec.captured, saved);
        let ids = std::mem::replace(&mut rec.captured_ids, saved_ids);
        drop(rec);
        result?;
        Ok(Change {
            rows: coalesce(made),
            ids,
            hint: None,
        })
    }

    /// The tables as the database defines them (read once).
    fn table_info(&self, name: &str) -> Result<TableInfo> {
        if let Some(t) = self.history.borrow().tables.get(name) {
            return Ok(t.clone());
        }
        let found = match self.conn() {
            // One table's columns: a write touches few, and every command is a new process.
            Connection::Lite(c) => {
                let mut columns = Vec::new();
                let mut key: Vec<(i64, String)> = Vec::new();
                let mut stmt =
                    c.prepare_cached("SELECT name, pk FROM pragma_table_info(?1) ORDER BY cid")?;
                let mut rows = stmt.query([name])?;
                while let Some(r) = rows.next()? {
                    let col: String = r.get(0)?;
                    let pk: i64 = r.get(1)?;
                    if pk > 0 {
                        key.push((pk, col.clone()));
                    }
                    columns.push(col);
                }
                key.sort();
                (!columns.is_empty()).then(|| TableInfo {
                    name: name.to_string(),
                    columns,
                    key: key.into_iter().map(|(_, k)| k).collect(),
                    parent: None,
                })
            }
            Connection::Pg(_) => self.export_tables()?.into_iter().find(|t| t.name == name),
        };
        let Some(table) = found else {
            return Err(Error::Sqlite(format!(
                "the history names a table this database does not have ({})",
                crate::text::sanitize(name)
            )));
        };
        self.history
            .borrow_mut()
            .tables
            .insert(name.to_string(), table.clone());
        Ok(table)
    }

    /// The row `row` is about, as it is now, with the columns its images have.
    fn current(&self, c: &Connection, row: &RowChange) -> Result<(TableInfo, Option<Image>)> {
        let table = self.table_info(&row.table)?;
        let key: Vec<Json> = serde_json::from_str(&row.key)
            .map_err(|e| Error::Sqlite(format!("a history row has a damaged key: {e}")))?;
        if key.len() != table.key.len() {
            return Err(Error::Sqlite(format!(
                "the history's key of {} no longer matches the table",
                row.table
            )));
        }
        let columns: Vec<String> = row
            .after
            .as_ref()
            .or(row.before.as_ref())
            .map_or_else(|| table.columns.clone(), |i| i.keys().cloned().collect());
        if let Some(missing) = columns.iter().find(|c| table.column(c).is_none()) {
            return Err(Error::Sqlite(format!(
                "{} has no column {} that its history names",
                row.table,
                crate::text::sanitize(missing)
            )));
        }
        let cols = columns
            .iter()
            .map(|c| quote(c))
            .collect::<Vec<_>>()
            .join(", ");
        let cond = table
            .key
            .iter()
            .enumerate()
            .map(|(n, k)| format!("{} = ?{}", quote(k), n + 1))
            .collect::<Vec<_>>()
            .join(" AND ");
        let sql = format!("SELECT {cols} FROM {} WHERE {cond}", quote(&table.name));
        let n = columns.len();
        let mut found = None;
        c.prepare_cached(&sql)?
            .for_each(params_from_iter(key.iter().map(from_json)), |r| {
                let mut image = Image::new();
                for (i, col) in columns.iter().enumerate().take(n) {
                    image.insert(col.clone(), to_json(r.get::<_, Value>(i)?));
                }
                found = Some(image);
                Ok::<(), Error>(())
            })?;
        Ok((table, found))
    }

    /// Writes one row back to its "before", if it is still its "after".
    fn restore_row(&self, c: &Connection, row: &RowChange) -> Result<()> {
        let (table, now) = self.current(c, row)?;
        if now == row.before {
            return Ok(());
        }
        if now != row.after {
            return Err(row.conflict(now.as_ref()));
        }
        let key: Vec<Json> = serde_json::from_str(&row.key)
            .map_err(|e| Error::Sqlite(format!("a history row has a damaged key: {e}")))?;
        let t = quote(&table.name);
        let cond = |from: usize| {
            table
                .key
                .iter()
                .enumerate()
                .map(|(n, k)| format!("{} = ?{}", quote(k), n + from))
                .collect::<Vec<_>>()
                .join(" AND ")
        };
        let Some(before) = &row.before else {
            c.prepare_cached(&format!("DELETE FROM {t} WHERE {}", cond(1)))?
                .execute(params_from_iter(key.iter().map(from_json)))?;
            return Ok(());
        };
        // Exactly as it was, version and all: a copy read since the change (at its version) is
        // refused on save, one read before it matches again, and the change before this one in
        // the history finds its rows as it left them.
        if now.is_some() {
            let sets: Vec<(&String, &Json)> = before
                .iter()
                .filter(|(col, _)| !table.key.contains(col))
                .collect();
            if sets.is_empty() {
                return Ok(());
            }
            let assign = sets
                .iter()
                .enumerate()
                .map(|(i, (col, _))| format!("{} = ?{}", quote(col), i + 1))
                .collect::<Vec<_>>()
                .join(", ");
            let values: Vec<Value> = sets
                .iter()
                .map(|(_, v)| from_json(v))
                .chain(key.iter().map(from_json))
                .collect();
            c.prepare_cached(&format!(
                "UPDATE {t} SET {assign} WHERE {}",
                cond(sets.len() + 1)
            ))?
            .execute(params_from_iter(values))?;
        } else {
            let cols: Vec<String> = before.keys().map(|c| quote(c)).collect();
            let marks: Vec<String> = (1..=cols.len()).map(|i| format!("?{i}")).collect();
            c.prepare_cached(&format!(
                "INSERT INTO {t} ({}) VALUES ({})",
                cols.join(", "),
                marks.join(", ")
            ))?
            .execute(params_from_iter(before.values().map(from_json)))?;
        }
        Ok(())
    }

    /// One change of the history, as recorded.
    fn load_change(&self, c: &Connection, id: Id) -> Result<(HistoryEntry, Change)> {
        let entries = self.entries(c, "WHERE id = ?1", vec![Value::Integer(id)])?;
        let Some(entry) = entries.into_iter().next() else {
            return Err(Error::NotFound { what: "change", id });
        };
        let rows = change_rows(c, id)?;
        Ok((
            entry,
            Change {
                rows,
                ids: vec![id],
                hint: None,
            },
        ))
    }

    /// `worklog revert CHANGE-ID`: takes one change back, if every row it wrote is still as
    /// it left it; else refuses, naming the later changes that wrote them. The revert is a
    /// change of its own; returns it (`None`: the rows were already as before the change).
    pub fn revert_change(&self, id: Id) -> Result<Option<HistoryEntry>> {
        if !self.history_ready(self.conn())? {
            return Err(Error::invalid(
                "revert",
                "this database has no history yet: run worklog migrate",
            ));
        }
        let (entry, change) = self.load_change(self.conn(), id)?;
        let summary = format!(
            "reverted change {id}: {}",
            crate::text::sanitize(&entry.summary)
        );
        let made = self.reverting(summary, |c| {
            let mut later: Vec<HistoryEntry> = Vec::new();
            let mut outside = false;
            for row in &change.rows {
                let (_, now) = self.current(c, row)?;
                if now == row.after || now == row.before {
                    continue;
                }
                let found = self.entries(
                    c,
                    "WHERE id > ?1 AND id IN (SELECT change_id FROM history_rows
                                              WHERE table_name = ?2 AND row_key = ?3)",
                    vec![
                        Value::Integer(id),
                        Value::Text(row.table.clone()),
                        Value::Text(row.key.clone()),
                    ],
                )?;
                if found.is_empty() {
                    outside = true;
                }
                for e in found {
                    if !later.iter().any(|l| l.id == e.id) {
                        later.push(e);
                    }
                }
            }
            if !later.is_empty() || outside {
                later.sort_by_key(|e| e.id);
                let mut named: Vec<String> = later
                    .iter()
                    .map(|e| {
                        format!(
                            "change {} ({}, {})",
                            e.id,
                            crate::text::sanitize(&e.summary),
                            when(&e.at)
                        )
                    })
                    .collect();
                if outside {
                    named.push("a write from outside worklog".into());
                }
                let verb = if named.len() == 1 {
                    "changed it since"
                } else {
                    "changed them since"
                };
                return Err(Error::invalid(
                    "revert",
                    format!(
                        "cannot revert change {id} ({}): {} {verb}; nothing was changed",
                        crate::text::sanitize(&entry.summary),
                        named.join(", ")
                    ),
                ));
            }
            for row in change.rows.iter().rev() {
                self.restore_row(c, row)?;
            }
            Ok(())
        })?;
        match made.ids.first() {
            Some(&new) => Ok(self
                .entries(self.conn(), "WHERE id = ?1", vec![Value::Integer(new)])?
                .into_iter()
                .next()),
            None => Ok(None),
        }
    }

    /// The changes `filter` asks for, newest first, with the rows each wrote.
    pub fn history(&self, filter: &HistoryFilter) -> Result<Vec<HistoryEntry>> {
        if !self.history_ready(self.conn())? {
            return Ok(Vec::new());
        }
        let mut conds: Vec<String> = Vec::new();
        let mut values: Vec<Value> = Vec::new();
        if let Some(from) = &filter.from {
            values.push(Value::Text(from.clone()));
            conds.push(format!("at >= ?{}", values.len()));
        }
        if let Some(to) = &filter.to {
            values.push(Value::Text(to.clone()));
            conds.push(format!("at < ?{}", values.len()));
        }
        if let Some((kind, item)) = filter.item {
            let table = table_of(kind);
            values.push(Value::Text(table.into()));
            values.push(Value::Text(format!("[{item}]")));
            values.push(Value::Text(what_of(table).into()));
            values.push(Value::Integer(item));
            let n = values.len();
            conds.push(format!(
                "(id IN (SELECT change_id FROM history_rows WHERE table_name = ?{} AND row_key = ?{})
                  OR (kind = ?{} AND item_id = ?{}))",
                n - 3,
                n - 2,
                n - 1,
                n
            ));
        }
        let mut tail = String::new();
        if !conds.is_empty() {
            tail = format!("WHERE {}", conds.join(" AND "));
        }
        tail.push_str(" ORDER BY id DESC");
        if let Some(limit) = filter.limit {
            tail.push_str(&format!(" LIMIT {limit}"));
        }
        let conn = self.conn();
        let mut entries = self.entries(conn, &tail, values)?;
        for e in &mut entries {
            e.rows = change_rows(conn, e.id)?
                .iter()
                .map(RowChange::to_history_row)
                .collect();
        }
        Ok(entries)
    }

    /// Changes (without their rows) by a condition on `history_changes`.
    fn entries(&self, c: &Connection, tail: &str, values: Vec<Value>) -> Result<Vec<HistoryEntry>> {
        let sql = format!(
            "SELECT id, at, session, op, kind, item_id, summary FROM history_changes {tail}"
        );
        let mut out = Vec::new();
        c.prepare(&sql)?.for_each(params_from_iter(values), |r| {
            out.push(HistoryEntry {
                id: r.get(0)?,
                at: r.get(1)?,
                session: r.get(2)?,
                op: r.get(3)?,
                kind: r.get(4)?,
                item_id: r.get(5)?,
                summary: r.get(6)?,
                rows: Vec::new(),
            });
            Ok::<(), Error>(())
        })?;
        Ok(out)
    }

    /// `worklog history --prune --before DATE`: deletes every change made before `before` (a
    /// UTC instant) with its rows; returns how many.
    pub fn prune_history(&self, before: &str) -> Result<u64> {
        if !self.history_ready(self.conn())? {
            return Ok(0);
        }
        // The prune's own change (open while it runs) is not among them.
        self.write(|c| {
            c.execute(
                "DELETE FROM history_rows WHERE change_id IN
                 (SELECT id FROM history_changes WHERE at < ?1
                  AND id NOT IN (SELECT change_id FROM history_open))",
                params![before],
            )?;
            let n = c.execute(
                "DELETE FROM history_changes WHERE at < ?1
                 AND id NOT IN (SELECT change_id FROM history_open)",
                params![before],
            )?;
            Ok(n as u64)
        })
    }
}

fn read_row_change(r: &Row<'_>, row_id: Id) -> Result<RowChange> {
    Ok(RowChange {
        table: r.get(1)?,
        key: r.get(2)?,
        before: parse_image(r.get(3)?, row_id)?,
        after: parse_image(r.get(4)?, row_id)?,
    })
}

fn change_rows(c: &Connection, id: Id) -> Result<Vec<RowChange>> {
    let mut rows = Vec::new();
    c.prepare_cached(
        "SELECT id, table_name, row_key, before, after FROM history_rows
         WHERE change_id = ?1 ORDER BY id",
    )?
    .for_each(params![id], |r| {
        let row_id: Id = r.get(0)?;
        rows.push(read_row_change(r, row_id)?);
        Ok::<(), Error>(())
    })?;
    Ok(rows)
}

/// Merges the rows of several changes: one entry per row, with its first "before" and last
/// "after"; rows that ended as they began are dropped.
fn coalesce(rows: Vec<RowChange>) -> Vec<RowChange> {
    let mut out: Vec<RowChange> = Vec::new();
    let mut at: HashMap<(String, String), usize> = HashMap::new();
    for row in rows {
        let id = (row.table.clone(), row.key.clone());
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

/// What a row of a table is called, in the user's words.
pub(super) fn what_of(table: &str) -> &'static str {
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
        "attachments" => "attachment",
        _ => "link",
    }
}

/// Fields left out of the fields a history shows: they change with every write.
const BOOKKEEPING: [&str; 3] = ["updated_at", "version", "name_key"];

fn int(v: Option<&Json>) -> i64 {
    v.and_then(Json::as_i64).unwrap_or_default()
}

impl RowChange {
    fn value(&self, col: &str) -> (Option<&Json>, Option<&Json>) {
        (
            self.before.as_ref().and_then(|r| r.get(col)),
            self.after.as_ref().and_then(|r| r.get(col)),
        )
    }

    fn has(&self, col: &str) -> bool {
        let (b, a) = self.value(col);
        b.is_some() || a.is_some()
    }

    fn changed(&self, col: &str) -> bool {
        let (b, a) = self.value(col);
        self.has(col) && self.before.is_some() && self.after.is_some() && b != a
    }

    /// The first column of the key, when it is a number: the row's id.
    fn id(&self) -> Option<Id> {
        serde_json::from_str::<Vec<Json>>(&self.key)
            .ok()
            .and_then(|k| k.first().and_then(Json::as_i64))
    }

    fn conflict(&self, now: Option<&Image>) -> Error {
        let version = |r: Option<&Image>| int(r.and_then(|r| r.get("version")));
        Error::Conflict {
            what: what_of(&self.table),
            id: self.id().unwrap_or_default(),
            yours: version(self.after.as_ref()),
            current: version(now),
        }
    }

    /// The row's name: its title, or a few words for rows without one.
    fn name(&self) -> String {
        let text = |col: &str| {
            let (b, a) = self.value(col);
            match a.or(b) {
                Some(Json::String(t)) => Some(t.clone()),
                Some(Json::Number(i)) => Some(i.to_string()),
                _ => None,
            }
        };
        let name = match self.table.as_str() {
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
        let what = what_of(&self.table);
        match self.table.as_str() {
            "energy_checkins" if !name.is_empty() => format!("check-in {name}"),
            "skill_progress" => format!("{what} {name}").trim().to_string(),
            _ if name.is_empty() => what.to_string(),
            _ => format!("\"{}\"", crate::text::sanitize(&name)),
        }
    }

    fn is_main(&self) -> bool {
        what_of(&self.table) != "link" && !matches!(self.table.as_str(), "task_carries" | "profile")
    }

    /// What happened to this row: the verb and what follows the row's name.
    fn action(&self) -> (&'static str, String) {
        if self.before.is_none() {
            return if self.table == "energy_checkins" {
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
                Some(Json::Null) | None => ("restored", String::new()),
                _ => ("deleted", String::new()),
            };
        }
        if self.changed("status")
            && let (_, Some(Json::String(s))) = self.value("status")
        {
            return ("marked", crate::text::sanitize(s).into_owned());
        }
        for col in ["done_at", "done_on"] {
            if self.changed(col) {
                return match self.value(col).1 {
                    Some(Json::Null) | None => ("marked", "not done".into()),
                    _ => ("marked", "done".into()),
                };
            }
        }
        if self.changed("day")
            && self.table == "tasks"
            && let (_, Some(Json::String(d))) = self.value("day")
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
        let what = what_of(&self.table);
        let subject = match verb {
            "recorded" => format!("energy {}", self.name().trim_start_matches("energy ")),
            "marked" | "moved" | "reordered" => named,
            _ if named.starts_with('"') => format!("{what} {named}"),
            _ => named,
        };
        format!("{verb} {subject} {tail}").trim().to_string()
    }

    /// The row as `worklog history` shows it: which fields changed, old and new.
    fn to_history_row(&self) -> HistoryRow {
        let action = match (&self.before, &self.after) {
            (None, _) => "added",
            (_, None) => "deleted",
            _ => "changed",
        };
        let mut fields = Vec::new();
        let empty = Image::new();
        let cols = self
            .after
            .as_ref()
            .or(self.before.as_ref())
            .unwrap_or(&empty);
        for col in cols.keys() {
            if BOOKKEEPING.contains(&col.as_str()) {
                continue;
            }
            let (b, a) = self.value(col);
            if b == a {
                continue;
            }
            let (old, new) = (shown(b), shown(a));
            if old.is_none() && new.is_none() {
                continue;
            }
            fields.push(FieldChange {
                field: col.clone(),
                old,
                new,
            });
        }
        HistoryRow {
            table: self.table.clone(),
            key: self.key.clone(),
            action: action.into(),
            fields,
        }
    }
}

impl Change {
    /// The rows that say what the change was about, and the person or tag merged away.
    fn main(&self) -> (Vec<&RowChange>, Option<&RowChange>) {
        let mut main: Vec<&RowChange> = self.rows.iter().filter(|r| r.is_main()).collect();
        let named =
            |r: &&RowChange| matches!(r.table.as_str(), "people" | "tags" | "organizations");
        // People and tags made on the spot by a picker are not what the user did.
        let made_on_the_spot = |r: &&RowChange| named(r) && r.before.is_none();
        if main.iter().any(|r| !named(r)) {
            main.retain(|r| !made_on_the_spot(r));
        }
        // A merge: a person or tag went away while other rows moved to another.
        let merged = if self.rows.len() > 1 || self.hint == Some("merge") {
            main.iter()
                .find(|r| {
                    matches!(r.table.as_str(), "people" | "tags")
                        && (r.after.is_none()
                            || r.changed("deleted_at")
                            || r.changed("merged_into"))
                })
                .copied()
        } else {
            None
        };
        (main, merged)
    }

    /// What the change did, in the user's words: "marked \"Write report\" done", "deleted 3
    /// tasks", "merged person \"Sam\"".
    pub fn describe(&self) -> String {
        let (main, merged) = self.main();
        if let Some(gone) = merged {
            return format!("merged {} {}", what_of(&gone.table), gone.named());
        }
        match main.as_slice() {
            [] => match self.rows.first() {
                Some(r) => format!("changed the links of a {}", what_of(&r.table)),
                None => "nothing".into(),
            },
            [one] => one.describe(),
            [first, rest @ ..] => {
                let same = rest
                    .iter()
                    .all(|r| r.table == first.table && r.action() == first.action());
                if same {
                    let (verb, tail) = first.action();
                    let what = plural(what_of(&first.table));
                    return format!("{verb} {} {what} {tail}", main.len())
                        .trim()
                        .to_string();
                }
                format!("{} and {} more", first.describe(), rest.len())
            }
        }
    }

    /// The operation, as the history records it: create, update, delete, restore, merge or
    /// move.
    pub fn op(&self) -> &'static str {
        let (main, merged) = self.main();
        if merged.is_some() {
            return "merge";
        }
        match main.first().map(|r| r.action().0) {
            Some("added" | "recorded") => "create",
            Some("deleted") => "delete",
            Some("restored") => "restore",
            Some("moved" | "reordered") => "move",
            _ => "update",
        }
    }

    /// What the change was mainly about: its kind in words and its id.
    fn main_item(&self) -> (String, Option<Id>) {
        let (main, merged) = self.main();
        let row = merged.or(main.first().copied()).or(self.rows.first());
        match row {
            Some(r) if r.is_main() => (what_of(&r.table).to_string(), r.id()),
            Some(r) => (what_of(&r.table).to_string(), None),
            None => (String::new(), None),
        }
    }

    /// How many rows it wrote.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The history's numbers for the writes it is made of.
    pub fn ids(&self) -> &[Id] {
        &self.ids
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
