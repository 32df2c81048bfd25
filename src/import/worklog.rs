//! A worklog JSON export (see [`crate::export`]) put back.
//!
//! Rows go back exactly as they were: same ids, stamps, versions, soft-deleted rows and import
//! records, so export → import into an empty data directory → export gives the same bytes.
//! A row's identity is its table and id plus its `created_at` (a link row's identity is the
//! link itself): a row already there is skipped and left as it is, so importing a file twice,
//! or into the database it came from, adds only what is missing. An id taken by a *different*
//! row means the file comes from another database; that is refused (ids would clash), and
//! nothing is imported. An export made by a newer schema is refused; one from an older schema
//! loads, its missing columns taking their defaults.

use super::Outcome;
use crate::db::Repo;
use crate::db::exchange::Value;
use crate::export::JSON_FORMAT_VERSION;
use anyhow::{Context, Result, anyhow, bail};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::collections::BTreeMap;

/// A parsed export: the header, and each table's rows still as raw JSON text (each row is
/// read when it is put back, so a big file is not held twice).
#[derive(Debug, Deserialize)]
pub struct Document<'a> {
    pub format: String,
    pub format_version: u32,
    pub schema_version: u32,
    #[serde(borrow)]
    pub tables: BTreeMap<String, Vec<&'a RawValue>>,
}

/// Reads the document's structure (rows are checked as they are put back).
pub fn parse(text: &str) -> Result<Document<'_>> {
    let doc: Document<'_> =
        serde_json::from_str(text).context("this is not a worklog export (bad JSON)")?;
    if doc.format != "worklog" {
        bail!("this is not a worklog export (format is {:?})", doc.format);
    }
    if doc.format_version > JSON_FORMAT_VERSION {
        bail!(
            "this export has format version {}, newer than this worklog reads ({JSON_FORMAT_VERSION}); upgrade worklog",
            doc.format_version
        );
    }
    Ok(doc)
}

fn to_value(v: &serde_json::Value) -> Option<Value> {
    Some(match v {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Integer(i64::from(*b)),
        serde_json::Value::Number(n) => match n.as_i64() {
            Some(i) => Value::Integer(i),
            None => Value::Real(n.as_f64()?),
        },
        serde_json::Value::String(s) => Value::Text(s.clone()),
        serde_json::Value::Array(_) | serde_json::Value::Object(_) => return None,
    })
}

/// The order to put a table's rows back in: the file's, except that a row referring to another
/// row of the same table (a goal under a goal with a higher id) comes after it, as
/// PostgreSQL checks each row's references as it arrives.
fn parents_first(parent: Option<&str>, rows: &[&RawValue]) -> Vec<usize> {
    let Some(parent) = parent else {
        return (0..rows.len()).collect();
    };
    #[derive(Deserialize)]
    struct Link {
        id: Option<i64>,
        #[serde(flatten)]
        rest: BTreeMap<String, serde_json::Value>,
    }
    let links: Vec<(Option<i64>, Option<i64>)> = rows
        .iter()
        .map(|raw| match serde_json::from_str::<Link>(raw.get()) {
            Ok(l) => (l.id, l.rest.get(parent).and_then(serde_json::Value::as_i64)),
            // A malformed row is reported where it is put back.
            Err(_) => (None, None),
        })
        .collect();
    let by_id: std::collections::HashMap<i64, usize> = links
        .iter()
        .enumerate()
        .filter_map(|(i, (id, _))| id.map(|id| (id, i)))
        .collect();
    let mut placed = vec![false; rows.len()];
    let mut order = Vec::with_capacity(rows.len());
    for start in 0..rows.len() {
        // The chain of parents not yet placed, placed from the top down.
        let mut chain = Vec::new();
        let mut at = Some(start);
        while let Some(i) = at.filter(|&i| !placed[i] && !chain.contains(&i)) {
            chain.push(i);
            at = links[i].1.and_then(|p| by_id.get(&p).copied());
        }
        for &i in chain.iter().rev() {
            placed[i] = true;
            order.push(i);
        }
    }
    order
}

/// Puts every row back (inside the caller's transaction), counting per table what was added
/// and what was already there.
pub fn apply(repo: &Repo, doc: &Document<'_>, outcome: &mut Outcome) -> Result<()> {
    let ours = repo.schema_version()?;
    if doc.schema_version > ours {
        bail!(
            "this export is from schema version {}, newer than this database ({ours}); upgrade worklog",
            doc.schema_version
        );
    }
    let tables = repo.export_tables()?;
    if let Some(unknown) = doc
        .tables
        .keys()
        .find(|name| !tables.iter().any(|t| &t.name == *name))
    {
        bail!("the export has a table {unknown:?} that this database does not have");
    }
    repo.defer_foreign_keys()?;
    for table in &tables {
        let Some(rows) = doc.tables.get(&table.name) else {
            continue;
        };
        let kind = format!("table:{}", table.name);
        let mut seen = super::Seen::default();
        for i in parents_first(table.parent.as_deref(), rows) {
            let raw = rows[i];
            let name = || {
                let id = serde_json::from_str::<serde_json::Value>(raw.get())
                    .ok()
                    .and_then(|v| v.get("id").and_then(|id| id.as_i64()));
                match id {
                    Some(id) => format!("{} row {} (id {id})", table.name, i + 1),
                    None => format!("{} row {}", table.name, i + 1),
                }
            };
            let object: serde_json::Map<String, serde_json::Value> =
                serde_json::from_str(raw.get())
                    .map_err(|e| anyhow!("{}: not an object of column values ({e})", name()))?;
            let mut columns = Vec::with_capacity(object.len());
            let mut values = Vec::with_capacity(object.len());
            for (column, v) in &object {
                let value = to_value(v).ok_or_else(|| {
                    anyhow!("{}: column {column:?} holds a list or an object", name())
                })?;
                columns.push(column.as_str());
                values.push(value);
            }
            // The row's identity is its primary key (a link row's, the link).
            let key: Option<Vec<String>> = table
                .key
                .iter()
                .map(|k| object.get(k).map(|v| v.to_string()))
                .collect();
            if let Some(key) = key
                && let Some(first) = seen.first(key.join(","), format!("row {}", i + 1), raw.get())
            {
                super::repeated(outcome, "repeated row", &name(), first)?;
                continue;
            }
            match repo
                .import_row(table, &columns, &values)
                .map_err(|e| anyhow!("{}: {e}", name()))?
            {
                crate::db::exchange::RowOutcome::Added => outcome.added.add(&kind),
                crate::db::exchange::RowOutcome::Present => outcome.present.add(&kind),
            }
        }
    }
    let broken = repo.foreign_key_problems()?;
    if let Some(first) = broken.first() {
        bail!(
            "the export is not self-consistent: {first}{}",
            if broken.len() > 1 {
                format!(" (and {} more)", broken.len() - 1)
            } else {
                String::new()
            }
        );
    }
    Ok(())
}
