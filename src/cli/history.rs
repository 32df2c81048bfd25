//! `worklog history` and `worklog revert`: the history of every change (issue 14).

use super::remove::RowKind;
use crate::clock::Clock;
use crate::dates::{Lean, parse_day};
use crate::launch;
use crate::model::{Deletable, HistoryEntry, HistoryFilter, Id};
use crate::paths::DataDir;
use crate::text::sanitize;
use anyhow::{Result, anyhow, bail};
use chrono::{NaiveDate, TimeZone};
use std::io::Write;
use std::sync::Arc;

/// What `worklog history` was asked.
#[derive(Debug, Clone, Default)]
pub struct HistoryArgs {
    pub item: Option<(RowKind, Id)>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub json: bool,
    /// `--prune --before DATE`.
    pub prune_before: Option<String>,
}

/// The first moment of `day` in local time, as a UTC instant like the history's `at`.
fn start_of(day: NaiveDate) -> String {
    let local = day.and_time(chrono::NaiveTime::MIN);
    let utc = chrono::Local
        .from_local_datetime(&local)
        .earliest()
        .map(|t| t.with_timezone(&chrono::Utc))
        .unwrap_or_else(|| local.and_utc());
    utc.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

fn day(flag: &str, text: &str, today: NaiveDate) -> Result<NaiveDate> {
    parse_day(flag, text, today, Lean::Past).map_err(|e| anyhow!("--{e}"))
}

fn open(
    dir: &DataDir,
    clock: Arc<dyn Clock>,
    write: bool,
    err: &mut dyn Write,
) -> Result<crate::db::Repo> {
    if write {
        super::refuse_read_only(dir)?;
    }
    let launched = super::say::launch(dir, clock, launch::Daily::Detach, !write, err)?;
    Ok(launched.repo)
}

/// `worklog history [KIND ID] [--from D] [--to D] [--json]`, or `--prune --before D`.
pub fn history(
    dir: &DataDir,
    clock: Arc<dyn Clock>,
    args: &HistoryArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<()> {
    let today = clock.today();
    if let Some(before) = &args.prune_before {
        let before = day("before", before, today)?;
        let repo = open(dir, clock, true, err)?;
        let n = repo.prune_history(&start_of(before))?;
        let s = if n == 1 { "" } else { "s" };
        writeln!(
            out,
            "pruned {n} change{s} made before {}",
            before.format("%Y-%m-%d")
        )?;
        return Ok(());
    }
    let from = args
        .from
        .as_deref()
        .map(|d| day("from", d, today))
        .transpose()?;
    let to = args
        .to
        .as_deref()
        .map(|d| day("to", d, today))
        .transpose()?;
    if let (Some(f), Some(t)) = (from, to)
        && f > t
    {
        bail!("--from {f} is after --to {t}");
    }
    let filter = HistoryFilter {
        item: args.item.map(|(k, id)| (Deletable::from(k), id)),
        from: from.map(start_of),
        to: to.and_then(|t| t.succ_opt()).map(start_of),
        limit: None,
    };
    let repo = open(dir, clock, false, err)?;
    let entries = repo.history(&filter)?;
    if args.json {
        return super::json::print(out, &serde_json::to_value(&entries)?);
    }
    if entries.is_empty() {
        writeln!(out, "no changes recorded{}", scope(&filter))?;
        return Ok(());
    }
    for e in &entries {
        write_entry(out, e)?;
    }
    Ok(())
}

fn scope(filter: &HistoryFilter) -> &'static str {
    match (
        filter.item.is_some(),
        filter.from.is_some() || filter.to.is_some(),
    ) {
        (true, _) => " for it",
        (false, true) => " in that time",
        _ => " yet",
    }
}

/// One change: its number, when, what; then a line per field that changed.
pub fn write_entry(out: &mut dyn Write, e: &HistoryEntry) -> Result<()> {
    writeln!(
        out,
        "{:>6}  {}  {:<7}  {}",
        e.id,
        crate::db::history_when(&e.at),
        sanitize(&e.op),
        sanitize(&e.summary)
    )?;
    // What an added or deleted row held is in --json; the summary says what happened to it.
    for row in e.rows.iter().filter(|r| r.action == "changed") {
        for f in &row.fields {
            writeln!(
                out,
                "        {} {}: {} → {}",
                sanitize(&row.table),
                sanitize(&f.field),
                value(f.old.as_deref()),
                value(f.new.as_deref())
            )?;
        }
    }
    Ok(())
}

/// A value in one line: long text cut, control characters made safe, none shown as "—".
pub fn value(v: Option<&str>) -> String {
    match v {
        None => "—".into(),
        Some(s) => {
            let one_line: String = s.replace(['\n', '\r', '\t'], " ");
            let cut: String = one_line.chars().take(60).collect();
            let cut = if cut.len() < one_line.len() {
                format!("{cut}…")
            } else {
                cut
            };
            format!("\"{}\"", sanitize(&cut))
        }
    }
}

/// `worklog revert CHANGE-ID`.
pub fn revert(
    dir: &DataDir,
    clock: Arc<dyn Clock>,
    id: Id,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<()> {
    let repo = open(dir, clock, true, err)?;
    match repo.revert_change(id)? {
        Some(made) => writeln!(out, "{} (change {})", sanitize(&made.summary), made.id)?,
        None => writeln!(
            out,
            "nothing to revert: what change {id} wrote is already as it was before it"
        )?,
    }
    Ok(())
}
