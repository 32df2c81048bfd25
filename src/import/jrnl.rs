//! jrnl's `jrnl --format json`: `{"tags": {...}, "entries": [...]}`.
//!
//! Each entry becomes a journal entry (a learning) at its `date` and `time` (jrnl writes local
//! time, and so does worklog), with its title and body; its tags lose their `@` (or `#`); a
//! starred entry stays starred. jrnl has no ids, so an entry's identity is a SHA-256 of its
//! date, time, title and body: importing the same export twice adds nothing, while an entry
//! edited in jrnl since comes in as a new one. The entry as it was in the file, with any
//! field worklog has no place for, is kept in `imports.original`.

use super::Outcome;
use crate::db::Repo;
use crate::db::exchange::{ImportedLearning, Provenance};
use crate::model::ImportSource;
use anyhow::{Result, anyhow, bail};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::Deserialize;
use serde_json::value::RawValue;
use sha2::{Digest, Sha256};

/// One entry as read and checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// 1-based position in `entries`.
    pub position: usize,
    pub at: NaiveDateTime,
    pub title: String,
    pub body: String,
    pub starred: bool,
    pub tags: Vec<String>,
    /// The stable identity (see the module docs).
    pub id: String,
    pub original: String,
}

#[derive(Deserialize)]
struct Export<'a> {
    #[serde(borrow)]
    entries: Vec<&'a RawValue>,
}

#[derive(Deserialize)]
struct RawEntry {
    date: String,
    time: String,
    title: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    starred: bool,
}

/// SHA-256 (hex) of the entry's date, time, title and body, kept apart as a JSON list so no
/// two different entries can run together into the same text.
pub fn identity(date: &str, time: &str, title: &str, body: &str) -> String {
    let key = serde_json::json!([date, time, title, body]).to_string();
    Sha256::digest(key.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn entry(position: usize, raw: &RawValue) -> Result<Entry, String> {
    let e: RawEntry = serde_json::from_str(raw.get()).map_err(|e| e.to_string())?;
    let date = NaiveDate::parse_from_str(e.date.trim(), "%Y-%m-%d")
        .map_err(|_| format!("date must be YYYY-MM-DD, got {:?}", e.date))?;
    let time = NaiveTime::parse_from_str(e.time.trim(), "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(e.time.trim(), "%H:%M:%S"))
        .map_err(|_| format!("time must be HH:MM, got {:?}", e.time))?;
    if e.title.trim().is_empty() {
        return Err("title must not be empty".into());
    }
    Ok(Entry {
        position,
        at: date.and_time(time),
        id: identity(&e.date, &e.time, &e.title, &e.body),
        title: e.title,
        body: e.body,
        starred: e.starred,
        tags: e.tags,
        original: raw.get().to_string(),
    })
}

/// Reads and checks every entry; the first bad one is the error.
pub fn parse(text: &str) -> Result<Vec<Entry>> {
    let export: Export<'_> =
        serde_json::from_str(text).map_err(|e| anyhow!("this is not a jrnl JSON export ({e})"))?;
    let mut out = Vec::with_capacity(export.entries.len());
    for (i, raw) in export.entries.iter().enumerate() {
        match entry(i + 1, raw) {
            Ok(e) => out.push(e),
            Err(e) => bail!("entry {}: {e}", i + 1),
        }
    }
    Ok(out)
}

/// Imports the entries (inside the caller's transaction).
pub fn apply(repo: &Repo, entries: &[Entry], outcome: &mut Outcome) -> Result<()> {
    let mut seen = super::Seen::default();
    for e in entries {
        let name = format!(
            "entry {} ({} {})",
            e.position,
            e.at.format("%Y-%m-%d %H:%M"),
            e.title
        );
        if let Some(first) = seen.first(e.id.clone(), format!("entry {}", e.position), &e.original)
        {
            super::repeated(outcome, "repeated entry", &name, first)?;
            continue;
        }
        if repo.imported(ImportSource::Jrnl, &e.id)?.is_some() {
            outcome.present.add("journal entry");
            continue;
        }
        repo.add_imported_learning(
            Provenance {
                source: ImportSource::Jrnl,
                external_id: &e.id,
                original: &e.original,
            },
            &ImportedLearning {
                at: e.at,
                title: e.title.clone(),
                body: e.body.clone(),
                starred: e.starred,
                tags: e.tags.clone(),
            },
        )
        .map_err(|err| anyhow!("entry {} ({} {}): {err}", e.position, e.at, e.title))?;
        outcome.added.add("journal entry");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_is_stable_and_separates_fields() {
        let a = identity("2026-11-16", "09:12", "Title", "Body");
        assert_eq!(a, identity("2026-11-16", "09:12", "Title", "Body"));
        assert_eq!(a.len(), 64);
        assert_ne!(a, identity("2026-11-16", "09:12", "TitleB", "ody"));
        assert_ne!(a, identity("2026-11-16", "09:13", "Title", "Body"));
    }

    #[test]
    fn bad_entries_are_named() {
        let e = parse(r#"{"entries":[{"date":"2026-11-16","time":"09:12","title":"ok"},{"date":"16/11/2026","time":"09:12","title":"x"}]}"#)
            .unwrap_err()
            .to_string();
        assert_eq!(e, "entry 2: date must be YYYY-MM-DD, got \"16/11/2026\"");
        let e = parse(r#"{"entries":[{"date":"2026-11-16","time":"09:12","title":" "}]}"#)
            .unwrap_err()
            .to_string();
        assert_eq!(e, "entry 1: title must not be empty");
    }
}
