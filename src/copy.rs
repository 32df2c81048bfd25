//! `worklog copy --to TARGET`: the whole database, SQLite or PostgreSQL, into another that
//! holds no data yet, on either backend.
//!
//! The target is migrated to the latest version first; then every row goes across in ONE
//! transaction on the target (an interrupted copy leaves it empty), read from one consistent
//! snapshot of the source, a page at a time. Afterwards both sides are read again through the
//! repository and compared: rows per table and a checksum over every row (see
//! [`Fingerprint`]), which the command prints.

use crate::db::Repo;
use crate::db::exchange::{Ending, TableInfo, Value};
use anyhow::{Result, bail};
use sha2::{Digest, Sha256};

/// Rows read from the source and written to the target at a time.
const PAGE: usize = 5_000;

/// Rows per table and a checksum over their content, the same on both backends for the same
/// data.
///
/// The checksum is SHA-256 over a canonical text of every exported table (the search index and
/// the database's identity left out), in table order, each table's rows in key order: the
/// table's name, then per row each value as `N` (NULL), `i<integer>`, `r<real>` or
/// `t<length>:<text>`, each followed by a unit separator, the row by a newline. Values are
/// the repository's: days, local times and UTC stamps as SQLite holds them (text), flags as
/// 0/1, whatever the backend stores.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    pub counts: Vec<(String, u64)>,
    pub checksum: String,
}

#[derive(Default)]
struct Summer {
    hash: Sha256,
    counts: Vec<(String, u64)>,
    line: String,
}

impl Summer {
    fn table(&mut self, name: &str) {
        self.hash.update(format!("table {name}\n").as_bytes());
        self.counts.push((name.to_string(), 0));
    }

    fn row(&mut self, values: &[Value]) {
        use std::fmt::Write;
        self.line.clear();
        for v in values {
            // Writing to a String cannot fail.
            let _ = match v {
                Value::Null => write!(self.line, "N"),
                Value::Integer(i) => write!(self.line, "i{i}"),
                Value::Real(r) => write!(self.line, "r{r:?}"),
                Value::Text(t) => write!(self.line, "t{}:{t}", t.len()),
            };
            self.line.push('\u{1f}');
        }
        self.line.push('\n');
        self.hash.update(self.line.as_bytes());
        if let Some((_, n)) = self.counts.last_mut() {
            *n += 1;
        }
    }

    fn finish(self) -> Fingerprint {
        let digest = self.hash.finalize();
        Fingerprint {
            counts: self.counts,
            checksum: digest.iter().map(|b| format!("{b:02x}")).collect(),
        }
    }
}

/// What [`read_all`] hands each page of rows to.
type PageSink<'a> = dyn FnMut(&TableInfo, &[Vec<Value>]) -> Result<()> + 'a;

/// Reads every row of `repo` (in one snapshot), page by page, handing each page to `each`.
fn read_all(repo: &Repo, tables: &[TableInfo], each: &mut PageSink<'_>) -> Result<Fingerprint> {
    let mut sum = Summer::default();
    for table in tables {
        sum.table(&table.name);
        let mut after: Option<Vec<Value>> = None;
        loop {
            let rows = repo.rows_after(table, after.as_deref(), PAGE)?;
            for row in &rows {
                sum.row(row);
            }
            each(table, &rows)?;
            let Some(last) = rows.last() else { break };
            after = Some(
                table
                    .key
                    .iter()
                    .filter_map(|k| table.column(k).and_then(|i| last.get(i)).cloned())
                    .collect(),
            );
            if rows.len() < PAGE {
                break;
            }
        }
    }
    Ok(sum.finish())
}

/// The row counts and checksum of `repo`, read on one snapshot.
pub fn fingerprint(repo: &Repo) -> Result<Fingerprint> {
    repo.snapshot(|repo| {
        let tables = repo.export_tables()?;
        read_all(repo, &tables, &mut |_, _| Ok(()))
    })
}

/// What a copy did: both sides' fingerprints, equal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Copied {
    pub source: Fingerprint,
    pub target: Fingerprint,
}

impl Copied {
    pub fn rows(&self) -> u64 {
        self.source.counts.iter().map(|(_, n)| n).sum()
    }
}

/// Copies every row of `source` into `target`, which must hold no data and is first brought
/// up to the source's schema version (a backup taken before a migration keeps the schema it
/// was taken at). `progress(done, total)` hears after each page how many rows are across.
/// Then both are read back and compared (see the module docs).
pub fn copy(source: &Repo, target: &Repo, progress: &mut dyn FnMut(u64, u64)) -> Result<Copied> {
    // Before anything is written to the target, not even a migration.
    if target.has_data()? {
        bail!(
            "{} already holds data; copy goes only into an empty database",
            target.path().display()
        );
    }
    let from = source.schema_version()?;
    if target.schema_version()? < from {
        target.migrate_to(from)?;
    }
    let to = target.schema_version()?;
    if from != to {
        bail!(
            "the source is at schema version {from} and the target at {to}: open the source \
             with this worklog first, so that it is migrated"
        );
    }
    let source_print = source.snapshot(|source| -> Result<Fingerprint> {
        let tables = source.export_tables()?;
        if tables != target.export_tables()? {
            bail!("the source and the target have different tables or columns");
        }
        // Every table that goes across, the history's too.
        let mut total = 0u64;
        for t in &tables {
            total += source.table_rows(t)?;
        }
        let mut done = 0u64;
        progress(0, total);
        target.import_transaction(Ending::Commit, |target| {
            target.load_in_bulk(|target| -> Result<Fingerprint> {
                target.defer_foreign_keys()?;
                // A table referring to itself (goals) is held whole and written parents
                // first: PostgreSQL checks each row's references as it arrives.
                let mut held: Vec<Vec<Value>> = Vec::new();
                let print = read_all(source, &tables, &mut |table, rows| {
                    if table.parent.is_some() {
                        held.extend_from_slice(rows);
                        if rows.len() == PAGE {
                            return Ok(());
                        }
                        let ordered = parents_first(table, std::mem::take(&mut held));
                        target.insert_rows(table, &ordered)?;
                    } else {
                        target.insert_rows(table, rows)?;
                    }
                    crate::fault::point("copy.page")?;
                    done += rows.len() as u64;
                    progress(done, total);
                    Ok(())
                })?;
                let broken = target.foreign_key_problems()?;
                if let Some(first) = broken.first() {
                    bail!("the source is not self-consistent: {first}");
                }
                Ok(print)
            })
        })
    })?;
    let target_print = fingerprint(target)?;
    let copied = Copied {
        source: source_print,
        target: target_print,
    };
    if copied.source != copied.target {
        bail!(
            "the copy in {} differs from the source (rows {} here, {} there; checksum {} here, \
             {} there): do not use it",
            target.path().display(),
            copied.target.counts.iter().map(|(_, n)| n).sum::<u64>(),
            copied.rows(),
            copied.target.checksum,
            copied.source.checksum
        );
    }
    Ok(copied)
}

/// `rows` of a table with a parent column, each after the row it refers to (if present).
fn parents_first(table: &TableInfo, rows: Vec<Vec<Value>>) -> Vec<Vec<Value>> {
    let (Some(id), Some(parent)) = (
        table.key.first().and_then(|k| table.column(k)),
        table.parent.as_deref().and_then(|p| table.column(p)),
    ) else {
        return rows;
    };
    let int = |v: Option<&Value>| match v {
        Some(Value::Integer(i)) => Some(*i),
        _ => None,
    };
    let by_id: std::collections::HashMap<i64, usize> = rows
        .iter()
        .enumerate()
        .filter_map(|(i, r)| int(r.get(id)).map(|k| (k, i)))
        .collect();
    let mut placed = vec![false; rows.len()];
    let mut order = Vec::with_capacity(rows.len());
    for start in 0..rows.len() {
        let mut chain = Vec::new();
        let mut at = Some(start);
        while let Some(i) = at.filter(|&i| !placed[i] && !chain.contains(&i)) {
            chain.push(i);
            at = int(rows[i].get(parent)).and_then(|p| by_id.get(&p).copied());
        }
        for &i in chain.iter().rev() {
            placed[i] = true;
            order.push(i);
        }
    }
    let mut slots: Vec<Option<Vec<Value>>> = rows.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_comes_after_the_row_it_refers_to() {
        let table = TableInfo {
            name: "goals".into(),
            columns: vec!["id".into(), "parent_id".into()],
            key: vec!["id".into()],
            parent: Some("parent_id".into()),
        };
        let row = |id: i64, parent: Option<i64>| {
            vec![
                Value::Integer(id),
                parent.map_or(Value::Null, Value::Integer),
            ]
        };
        // 1 under 3 under 2; 4 under a goal not in the rows; 5 on its own.
        let rows = vec![
            row(1, Some(3)),
            row(2, None),
            row(3, Some(2)),
            row(4, Some(99)),
            row(5, None),
        ];
        let ids: Vec<Value> = parents_first(&table, rows)
            .into_iter()
            .map(|r| r[0].clone())
            .collect();
        assert_eq!(ids, [2, 3, 1, 4, 5].map(Value::Integer));
    }

    #[test]
    fn the_checksum_sees_every_value_and_where_it_is() {
        let sum = |rows: &[Vec<Value>]| {
            let mut s = Summer::default();
            s.table("t");
            for r in rows {
                s.row(r);
            }
            s.finish()
        };
        let base = sum(&[vec![Value::Integer(1), Value::Text("a".into())]]);
        assert_eq!(base.counts, vec![("t".to_string(), 1)]);
        assert_eq!(base.checksum.len(), 64);
        for other in [
            vec![vec![Value::Integer(1), Value::Text("b".into())]],
            vec![vec![Value::Integer(1), Value::Null]],
            vec![vec![Value::Text("1".into()), Value::Text("a".into())]],
            vec![vec![
                Value::Integer(1),
                Value::Text("a".into()),
                Value::Null,
            ]],
        ] {
            assert_ne!(sum(&other).checksum, base.checksum, "{other:?}");
        }
        assert_eq!(
            sum(&[vec![Value::Integer(1), Value::Text("a".into())]]),
            base
        );
    }
}
