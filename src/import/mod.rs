//! `worklog import`: records from worklog's own JSON export, Taskwarrior (`task export`) and
//! jrnl (`jrnl --format json`).
//!
//! Every import is all or nothing: the file is read and checked whole, then written in one
//! transaction; one bad record and nothing is imported, with an error naming the record (its
//! position, and its id in the source where it has one) and what is wrong with it.
//! Importing the same file again adds nothing: each record's identity in its source is kept
//! in the `imports` table (a worklog export's rows keep their own ids instead). A dry run does
//! the whole import inside a transaction that is then rolled back, so what it reports is
//! exactly what a real import would do, and it writes nothing.
//!
//! The rules for each source are in [`worklog`], [`taskwarrior`] and [`jrnl`].

pub mod ics;
pub mod jrnl;
pub mod taskwarrior;
pub mod worklog;

use crate::db::Repo;
use crate::db::exchange::Ending;
use crate::model::ImportSource;
use anyhow::{Result, bail};
use chrono::{DateTime, Local, NaiveDateTime, Utc};
use std::fmt;

/// Turns a moment recorded in UTC (Taskwarrior's timestamps) into local wall-clock time.
pub type ToLocal<'a> = &'a dyn Fn(DateTime<Utc>) -> NaiveDateTime;

/// The machine's time zone (honours `TZ`).
pub fn system_local(t: DateTime<Utc>) -> NaiveDateTime {
    t.with_timezone(&Local).naive_local()
}

/// Counts of something, by kind, in the order first seen ("3 tasks, 1 goal").
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally(pub Vec<(String, usize)>);

impl Tally {
    pub fn add(&mut self, kind: &str) {
        match self.0.iter_mut().find(|(k, _)| k == kind) {
            Some((_, n)) => *n += 1,
            None => self.0.push((kind.to_string(), 1)),
        }
    }

    pub fn total(&self) -> usize {
        self.0.iter().map(|(_, n)| n).sum()
    }

    pub fn get(&self, kind: &str) -> usize {
        self.0
            .iter()
            .find(|(k, _)| k == kind)
            .map_or(0, |(_, n)| *n)
    }
}

impl fmt::Display for Tally {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str("nothing");
        }
        let parts: Vec<String> = self.0.iter().map(|(k, n)| plural(*n, k)).collect();
        f.write_str(&parts.join(", "))
    }
}

/// "1 task", "3 tasks", "2 journal entries"; a table (`table:tasks`, for worklog imports)
/// reads "tasks 3".
fn plural(n: usize, kind: &str) -> String {
    if let Some(table) = kind.strip_prefix("table:") {
        return format!("{table} {n}");
    }
    // "meeting (event no longer in the calendar)": the word before the note is counted.
    if let Some((noun, note)) = kind.split_once(" (") {
        return format!("{} ({note}", plural(n, noun));
    }
    if n == 1 {
        return format!("{n} {kind}");
    }
    match kind.strip_suffix('y') {
        Some(stem) => format!("{n} {stem}ies"),
        None => format!("{n} {kind}s"),
    }
}

/// What an import did (or, in a dry run, would do).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub source: ImportSource,
    pub dry_run: bool,
    pub added: Tally,
    /// Records imported before that the source has changed since (calendar events).
    pub updated: Tally,
    /// Calendar occurrences imported before and cancelled since.
    pub cancelled: Tally,
    /// Records already imported before (or rows already in the database).
    pub present: Tally,
    /// Records deliberately left out, with why.
    pub skipped: Tally,
    /// Records repeated inside the file (left out after their first copy), each named with
    /// the record it repeats: "record 5 (uuid …) repeats record 2".
    pub repeated: Vec<String>,
}

impl Outcome {
    fn new(source: ImportSource, dry_run: bool) -> Self {
        Outcome {
            source,
            dry_run,
            added: Tally::default(),
            updated: Tally::default(),
            cancelled: Tally::default(),
            present: Tally::default(),
            skipped: Tally::default(),
            repeated: Vec::new(),
        }
    }

    /// Notes a record repeated inside the file: skipped, and named in the summary.
    fn repeat(&mut self, kind: &str, message: String) {
        self.skipped.add(kind);
        self.repeated.push(message);
    }
}

/// Where each record's identity (a uuid, an id) was first seen in the file, to tell a record
/// repeated inside one file from one imported before.
#[derive(Debug, Default)]
pub(crate) struct Seen<'a> {
    first: std::collections::HashMap<String, (String, &'a str)>,
}

impl<'a> Seen<'a> {
    /// `None` the first time `key` is seen (remembering the record as `name`); after that,
    /// the name of the record that had it first, and whether its contents were the same.
    pub(crate) fn first(
        &mut self,
        key: String,
        name: String,
        contents: &'a str,
    ) -> Option<(String, bool)> {
        match self.first.get(&key) {
            Some((first, same)) => Some((first.clone(), *same == contents)),
            None => {
                self.first.insert(key, (name, contents));
                None
            }
        }
    }
}

/// Skips a repeated record, or fails on a repeat whose contents differ (which copy would be
/// right?). `name` is the repeat's full name; `first` that of the record it repeats.
pub(crate) fn repeated(
    outcome: &mut Outcome,
    kind: &str,
    name: &str,
    (first, same): (String, bool),
) -> Result<()> {
    if !same {
        bail!("{name} repeats {first} with different contents; remove one of them");
    }
    outcome.repeat(kind, format!("{name} repeats {first}"));
    Ok(())
}

/// Tells the source of an export from its shape: a worklog export is an object with
/// `"format": "worklog"`; jrnl's is an object with an `entries` list; Taskwarrior's is a list
/// of objects, or one object per line, each with a `uuid`.
pub fn detect(text: &str) -> Option<ImportSource> {
    let t = text.trim_start_matches('\u{feff}').trim_start();
    if ics::detect(t) {
        return Some(ImportSource::Ics);
    }
    if t.starts_with('[') {
        return Some(ImportSource::Taskwarrior);
    }
    if !t.starts_with('{') {
        return None;
    }
    #[derive(serde::Deserialize)]
    struct Probe {
        format: Option<serde_json::Value>,
        entries: Option<serde_json::Value>,
        uuid: Option<serde_json::Value>,
    }
    // The whole text is one object (worklog, jrnl), or the first line is (Taskwarrior's older
    // one-object-per-line form).
    let probe = serde_json::from_str::<Probe>(t)
        .ok()
        .or_else(|| serde_json::from_str::<Probe>(t.lines().next().unwrap_or_default()).ok())?;
    if probe.format.as_ref().and_then(|f| f.as_str()) == Some("worklog") {
        Some(ImportSource::Worklog)
    } else if probe.entries.is_some() {
        Some(ImportSource::Jrnl)
    } else if probe.uuid.is_some() {
        Some(ImportSource::Taskwarrior)
    } else {
        None
    }
}

/// Imports `text` (the contents of the file) into `repo`. `source` says what it is; `None`
/// detects it. With `dry_run` nothing is written.
pub fn import(
    repo: &Repo,
    text: &str,
    source: Option<ImportSource>,
    dry_run: bool,
    to_local: ToLocal<'_>,
) -> Result<Outcome> {
    let calendar = ics::Options::around(Local::now().date_naive());
    import_with(repo, text, source, dry_run, to_local, &calendar)
}

/// [`import`] with the choices of a calendar import (its window, all-day events, domain).
pub fn import_with(
    repo: &Repo,
    text: &str,
    source: Option<ImportSource>,
    dry_run: bool,
    to_local: ToLocal<'_>,
    calendar: &ics::Options,
) -> Result<Outcome> {
    let source = match source {
        Some(s) => s,
        None => match detect(text) {
            Some(s) => s,
            None => bail!(
                "cannot tell what this file is: expected a worklog export, the output of \
                 `task export` or of `jrnl --format json`, or an iCalendar (.ics) file; say which with --from"
            ),
        },
    };
    let text = text.trim_start_matches('\u{feff}');
    let mut outcome = Outcome::new(source, dry_run);
    let ending = if dry_run {
        Ending::Rollback
    } else {
        Ending::Commit
    };
    match source {
        ImportSource::Worklog => {
            let doc = worklog::parse(text)?;
            // Rows go back with their ids, in table order, so the index is built once at the
            // end from the finished tables (see `Repo::load_in_bulk`).
            repo.import_transaction(ending, |repo| {
                repo.load_in_bulk(|repo| worklog::apply(repo, &doc, &mut outcome))
            })?;
        }
        ImportSource::Taskwarrior => {
            let records = taskwarrior::parse(text)?;
            repo.import_transaction(ending, |repo| {
                taskwarrior::apply(repo, &records, to_local, &mut outcome)
            })?;
        }
        ImportSource::Jrnl => {
            let entries = jrnl::parse(text)?;
            repo.import_transaction(ending, |repo| jrnl::apply(repo, &entries, &mut outcome))?;
        }
        ImportSource::Ics => {
            repo.import_transaction(ending, |repo| {
                ics::apply(repo, text, calendar, to_local, &mut outcome)
            })?;
        }
    }
    Ok(outcome)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_each_source_by_shape() {
        assert_eq!(
            detect(r#"{"format":"worklog","tables":{}}"#),
            Some(ImportSource::Worklog)
        );
        assert_eq!(
            detect(r#"{"tags":{},"entries":[]}"#),
            Some(ImportSource::Jrnl)
        );
        assert_eq!(
            detect("[\n{\"uuid\":\"x\"}\n]"),
            Some(ImportSource::Taskwarrior)
        );
        assert_eq!(
            detect(
                "{\"uuid\":\"a\",\"description\":\"x\"}\n{\"uuid\":\"b\",\"description\":\"y\"}\n"
            ),
            Some(ImportSource::Taskwarrior)
        );
        assert_eq!(detect("hello"), None);
        assert_eq!(detect(r#"{"something":"else"}"#), None);
    }

    #[test]
    fn tallies_read_naturally() {
        let mut t = Tally::default();
        assert_eq!(t.to_string(), "nothing");
        t.add("task");
        t.add("task");
        t.add("journal entry");
        t.add("goal");
        assert_eq!(t.to_string(), "2 tasks, 1 journal entry, 1 goal");
        t.add("journal entry");
        assert_eq!(t.to_string(), "2 tasks, 2 journal entries, 1 goal");
        let mut w = Tally::default();
        w.add("table:task_tags");
        w.add("table:task_tags");
        w.add("table:people");
        assert_eq!(w.to_string(), "task_tags 2, people 1");
        assert_eq!(t.total(), 5);
        let mut c = Tally::default();
        c.add("meeting (event no longer in the calendar)");
        assert_eq!(c.to_string(), "1 meeting (event no longer in the calendar)");
        c.add("meeting (event no longer in the calendar)");
        assert_eq!(
            c.to_string(),
            "2 meetings (event no longer in the calendar)"
        );
    }
}
