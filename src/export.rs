//! `worklog export`: the whole database (or a date range of it) as JSON, CSV or SQL.
//!
//! * JSON: one document holding every table, stamped with the schema version. Nothing is lost:
//!   every column, id and stamp, soft-deleted rows, import records. `worklog import` puts it
//!   back exactly. Strings are escaped so the document holds no raw control characters.
//! * CSV: a folder with one RFC 4180 file per table (header row, CRLF line ends). NULL is an
//!   empty cell. A text cell starting with `=`, `+`, `-`, `@`, tab or carriage return is
//!   prefixed with `'`, so a spreadsheet shows it rather than running it as a formula.
//! * SQL: a script that the `sqlite3` shell loads into an empty file to make the same
//!   database (schema, rows, `user_version`).
//!
//! A range keeps dated rows in it and whatever they refer to (see
//! [`crate::db::Repo::export_rows`] for the rule).

use crate::db::Repo;
use crate::db::exchange::{Range, TableInfo, Value};
use crate::paths::write_private_file;
use crate::text::push_json_string;
use anyhow::{Context, Result};
use std::io::Write;
use std::path::Path;

/// The `format_version` of the JSON document this worklog writes and reads.
pub const JSON_FORMAT_VERSION: u32 = 1;

/// How many tables and rows an export wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Written {
    pub tables: usize,
    pub rows: u64,
}

fn day_json(d: Option<chrono::NaiveDate>) -> String {
    d.map_or_else(|| "null".to_string(), |d| format!("\"{d}\""))
}

/// Appends a value as JSON.
pub fn push_json_value(v: &Value, out: &mut String) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Integer(i) => out.push_str(&i.to_string()),
        // Shortest text that reads back as the same number.
        Value::Real(f) if f.is_finite() => out.push_str(&format!("{f:?}")),
        Value::Real(_) => out.push_str("null"),
        Value::Text(t) => push_json_string(t, out),
    }
}

/// Writes the JSON document, one row per line, on one consistent snapshot.
///
/// ```text
/// {
///   "format": "worklog",
///   "format_version": 1,
///   "schema_version": 2,
///   "from": null,
///   "to": null,
///   "tables": {
///     "tasks": [
///       {"id":1,"day":"2026-11-22",...},
///       ...
///     ],
///     ...
///   }
/// }
/// ```
pub fn write_json(repo: &Repo, range: Range, out: &mut dyn Write) -> Result<Written> {
    repo.snapshot(|repo| {
        let mut written = Written::default();
        let tables = repo.export_tables()?;
        writeln!(
            out,
            "{{\n  \"format\": \"worklog\",\n  \"format_version\": {JSON_FORMAT_VERSION},\n  \
             \"schema_version\": {},\n  \"from\": {},\n  \"to\": {},\n  \"tables\": {{",
            repo.schema_version()?,
            day_json(range.from),
            day_json(range.to)
        )?;
        let mut line = String::new();
        for (t, table) in tables.iter().enumerate() {
            line.clear();
            line.push_str("    ");
            push_json_string(&table.name, &mut line);
            line.push_str(": [");
            out.write_all(line.as_bytes())?;
            let keys: Vec<String> = table
                .columns
                .iter()
                .map(|c| {
                    let mut k = String::new();
                    push_json_string(c, &mut k);
                    k
                })
                .collect();
            let mut first = true;
            repo.export_rows(table, range, &mut |values| {
                line.clear();
                line.push_str(if first { "\n      {" } else { ",\n      {" });
                first = false;
                for (i, (k, v)) in keys.iter().zip(values).enumerate() {
                    if i > 0 {
                        line.push(',');
                    }
                    line.push_str(k);
                    line.push(':');
                    push_json_value(v, &mut line);
                }
                line.push('}');
                written.rows += 1;
                out.write_all(line.as_bytes())
                    .map_err(crate::db::Error::from)
            })?;
            let end = if first { "]" } else { "\n    ]" };
            let sep = if t + 1 < tables.len() { "," } else { "" };
            writeln!(out, "{end}{sep}")?;
            written.tables += 1;
        }
        writeln!(out, "  }}\n}}")?;
        out.flush()?;
        Ok(written)
    })
}

/// Prefixes text a spreadsheet would run as a formula with `'`.
pub fn neutralise_formula(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

fn csv_cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::Integer(i) => i.to_string(),
        Value::Real(f) => f.to_string(),
        Value::Text(t) => neutralise_formula(t).into_owned(),
    }
}

/// Writes one CSV file per table (0600) into the folder `dir` (0700), on one consistent
/// snapshot. The folder is built whole beside `dir` and then renamed into place (see
/// [`crate::output::write_folder`]), so it is never left half-filled.
pub fn write_csv(repo: &Repo, range: Range, dir: &Path) -> Result<Written> {
    if dir.exists() && !dir.is_dir() {
        anyhow::bail!(
            "{} is a file; csv export writes a folder of files, one per table",
            dir.display()
        );
    }
    crate::output::write_folder(dir, |tmp| {
        repo.snapshot(|repo| {
            let mut written = Written::default();
            for table in repo.export_tables()? {
                written.rows += write_csv_table(repo, &table, range, tmp)?;
                written.tables += 1;
            }
            Ok(written)
        })
    })
}

fn write_csv_table(repo: &Repo, table: &TableInfo, range: Range, dir: &Path) -> Result<u64> {
    let path = dir.join(format!("{}.csv", table.name));
    let mut rows = 0u64;
    write_private_file(&path, |file| -> Result<()> {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(file);
        w.write_record(&table.columns)?;
        let mut cells: Vec<String> = Vec::with_capacity(table.columns.len());
        repo.export_rows(table, range, &mut |values| {
            cells.clear();
            cells.extend(values.iter().map(csv_cell));
            rows += 1;
            w.write_record(&cells)
                .map_err(|e| crate::db::Error::Io(e.to_string()))
        })?;
        w.flush()?;
        Ok(())
    })
    .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(rows)
}

/// Writes the SQL script (see the module docs), on one consistent snapshot.
pub fn write_sql(repo: &Repo, range: Range, out: &mut dyn Write) -> Result<()> {
    repo.snapshot(|repo| repo.write_sql_dump(range, out))?;
    out.flush()?;
    Ok(())
}

/// Writes `path` whole or not at all (0600) with `f` (see [`crate::output::write_file`]).
pub fn to_file<T>(path: &Path, f: impl FnOnce(&mut dyn Write) -> Result<T>) -> Result<T> {
    crate::output::write_file(path, f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_plain_text_is_not() {
        assert_eq!(neutralise_formula("=1+1"), "'=1+1");
        assert_eq!(neutralise_formula("+33 6"), "'+33 6");
        assert_eq!(neutralise_formula("-x"), "'-x");
        assert_eq!(neutralise_formula("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise_formula("\t=x"), "'\t=x");
        assert_eq!(neutralise_formula("a=b"), "a=b");
        assert_eq!(neutralise_formula(""), "");
    }

    #[test]
    fn json_values() {
        let mut s = String::new();
        for v in [
            Value::Null,
            Value::Integer(-3),
            Value::Real(0.5),
            Value::Text("a\"b".into()),
        ] {
            push_json_value(&v, &mut s);
            s.push(' ');
        }
        assert_eq!(s, "null -3 0.5 \"a\\\"b\" ");
    }
}
