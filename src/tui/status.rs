//! The status line: one message at a time (errors stay longer), the pending undo, and the
//! backup note the launch routine fills in. A message belongs to the pane it was said in: it
//! shows only there (a sort order of Skills means nothing on Meetings).

use super::pane_id::PaneId;
use crate::model::{Deletable, Id};
use crate::text::{truncate, width, wrap};
use chrono::{NaiveDate, NaiveDateTime};
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Info,
    Warning,
    Error,
}

#[derive(Debug, Clone)]
pub struct Message {
    pub level: Level,
    pub text: String,
    at: Instant,
    /// The pane shown when it was said (`None` before the app said which).
    pane: Option<PaneId>,
}

/// The last backup, as the launch routine reports it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum BackupNote {
    /// Nothing reported (yet): shown as "no backup yet today".
    #[default]
    None,
    /// A backup was made (or verified) at this local time.
    At(NaiveDateTime),
    /// Something to warn about, e.g. "backup failed: disk full".
    Warning(String),
}

/// The status message as the lines it takes at `cols` columns: one beside the backup note
/// (`right_w` columns) when it fits there; else wrapped at words over up to `max_lines` lines
/// of the whole width (a path or a conflict stays readable), the last cut with "…" if even
/// those are not enough, and an empty last line for the note when the message leaves it no
/// room and a line is left. Each line leaves a column free at both ends.
pub fn message_lines(text: &str, cols: usize, right_w: usize, max_lines: usize) -> Vec<String> {
    if width(text) + right_w + 2 <= cols {
        return vec![text.to_string()];
    }
    let full = cols.saturating_sub(2).max(1);
    let max_lines = max_lines.max(1);
    let mut lines = wrap(text, full);
    if lines.len() > max_lines {
        // At words it takes too many lines (a long path moves whole to the next): fill every
        // line to the edge instead.
        lines = fill(text, full);
    }
    if lines.len() > max_lines {
        let rest = lines.split_off(max_lines - 1).join(" ");
        lines.push(truncate(&rest, full).into_owned());
    }
    // The backup note keeps its place: on a line of its own if the last has no room for it.
    let last = lines.last().map_or(0, |l| width(l));
    if last + right_w + 2 > cols && lines.len() < max_lines {
        lines.push(String::new());
    }
    lines
}

/// `text` in lines of exactly `cols` columns (the last shorter), cut wherever the edge falls.
fn fill(text: &str, cols: usize) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut used = 0;
    for ch in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
        if used + w > cols {
            out.push(String::new());
            used = 0;
        }
        if let Some(line) = out.last_mut() {
            line.push(ch);
        }
        used += w;
    }
    out
}

const INFO_FOR: Duration = Duration::from_secs(6);
const ERROR_FOR: Duration = Duration::from_secs(15);

#[derive(Debug, Default)]
pub struct Status {
    message: Option<Message>,
    /// The pane on screen, set by the app on every switch.
    pane: Option<PaneId>,
    pub backup: BackupNote,
}

impl Status {
    pub fn info(&mut self, text: impl Into<String>) {
        self.set(Level::Info, text.into());
    }

    pub fn warn(&mut self, text: impl Into<String>) {
        self.set(Level::Warning, text.into());
    }

    pub fn error(&mut self, text: impl std::fmt::Display) {
        self.set(Level::Error, text.to_string());
    }

    fn set(&mut self, level: Level, text: String) {
        self.message = Some(Message {
            level,
            text,
            at: Instant::now(),
            pane: self.pane,
        });
    }

    /// The pane now on screen: messages said in another pane are not shown.
    pub fn show_pane(&mut self, pane: PaneId) {
        self.pane = Some(pane);
    }

    /// The message to show on the pane now on screen.
    pub fn message(&self) -> Option<&Message> {
        self.message.as_ref().filter(|m| m.pane == self.pane)
    }

    /// Says a delete was made (the app's history takes it back with `u`).
    pub fn offer_undo(&mut self, _kind: Deletable, _id: Id, what: impl Into<String>) {
        self.info(format!("deleted {} — u to undo", what.into()));
    }

    /// Says a row was just added, with `message` (which should say `u` takes it back).
    pub fn offer_undo_add(
        &mut self,
        _kind: Deletable,
        _id: Id,
        _what: impl Into<String>,
        message: impl Into<String>,
    ) {
        self.info(message);
    }

    /// Drops a message that has been shown long enough; true if the line changed.
    pub fn expire(&mut self, now: Instant) -> bool {
        let old = self.message.as_ref().is_some_and(|m| {
            let keep = if m.level == Level::Error {
                ERROR_FOR
            } else {
                INFO_FOR
            };
            now.saturating_duration_since(m.at) >= keep
        });
        if old {
            self.message = None;
        }
        old
    }

    /// The backup part of the line and whether it is a warning.
    pub fn backup_text(&self, today: NaiveDate) -> (String, bool) {
        match &self.backup {
            BackupNote::None => ("no backup yet today".into(), true),
            BackupNote::At(t) if t.date() == today => {
                (format!("backup {}", t.format("%H:%M")), false)
            }
            BackupNote::At(t) => (format!("last backup {}", t.format("%Y-%m-%d")), true),
            BackupNote::Warning(w) => (w.clone(), true),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_expire_errors_later() {
        let mut s = Status::default();
        s.info("saved");
        let t0 = s.message().map(|m| m.at).unwrap_or_else(Instant::now);
        assert!(!s.expire(t0 + Duration::from_secs(1)));
        assert!(s.expire(t0 + INFO_FOR));
        assert!(s.message().is_none());
        s.error("boom");
        let t0 = s.message().map(|m| m.at).unwrap_or_else(Instant::now);
        assert!(!s.expire(t0 + INFO_FOR));
        assert!(s.expire(t0 + ERROR_FOR));
    }

    #[test]
    fn a_long_message_wraps_over_lines_and_a_short_one_keeps_to_one() {
        assert_eq!(message_lines("saved", 60, 20, 2), ["saved"]);
        let long = "could not write the review: /home/ada/.local/share/worklog/reports/2026-11-22.md: \
                    permission denied";
        let lines = message_lines(long, 60, 20, 2);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(lines.iter().all(|l| width(l) <= 58), "{lines:?}");
        assert_eq!(
            lines.concat().replace(' ', ""),
            long.replace(' ', ""),
            "nothing lost"
        );
        // Longer than the lines allowed: the end is cut, and says so.
        let lines = message_lines(&long.repeat(3), 60, 20, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'), "{lines:?}");
        assert_eq!(message_lines(long, 200, 20, 2).len(), 1);
        // Fits the line but not beside the note: the note gets a line of its own.
        assert_eq!(
            message_lines(&"x".repeat(50), 60, 20, 2),
            ["x".repeat(50), String::new()]
        );
        assert_eq!(message_lines(&"x".repeat(50), 60, 20, 1), ["x".repeat(50)]);
    }

    #[test]
    fn backup_note_text() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or_default();
        let mut s = Status::default();
        assert_eq!(s.backup_text(today), ("no backup yet today".into(), true));
        s.backup = BackupNote::At(today.and_hms_opt(8, 5, 0).unwrap_or_default());
        assert_eq!(s.backup_text(today), ("backup 08:05".into(), false));
    }
}
