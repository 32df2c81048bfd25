//! The one-line quick syntax of `worklog add task`, and durations as typed.
//!
//! `worklog add task "Call the bank tomorrow !high #home ~30m"`: `#tag` adds a tag, `!P` sets
//! the priority (`!high`, `!1`, `!low`…), `~D` the estimate (`~45`, `~1h30`), and a day
//! (`today`, `tomorrow`, `friday`, `+3`, `2026-12-01`: see [`is_day_word`]) sets the day when
//! it is the last word of the text that is left. Anything else stays in the title, so a word that
//! only looks like a marker (`!important`, `Friday's`, `#42`) is kept as typed; `--literal` keeps
//! the whole text.

use crate::dates::{Lean, parse_day};
use crate::model::Priority;
use chrono::NaiveDate;

/// What the quick syntax took out of a task's text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Quick {
    /// The text that is left: the title.
    pub title: String,
    /// The day word as typed, and the day it means.
    pub day: Option<(String, NaiveDate)>,
    pub priority: Option<Priority>,
    pub estimate: Option<u32>,
    pub tags: Vec<String>,
}

impl Quick {
    /// True when anything was understood beyond the title.
    pub fn understood_anything(&self) -> bool {
        self.day.is_some()
            || self.priority.is_some()
            || self.estimate.is_some()
            || !self.tags.is_empty()
    }
}

/// Reads the quick syntax in `text`. `want_day` is false when `--day` was given: a day word
/// then stays in the title.
pub fn parse(text: &str, today: NaiveDate, want_day: bool) -> Quick {
    let mut q = Quick::default();
    // Split on spaces only, and put the rest back as it was: text without markers is kept
    // exactly as typed (other whitespace, such as a line separator, is the sanitizer's to show).
    let mut words: Vec<&str> = Vec::new();
    for word in text.split(' ') {
        if let Some(tag) = word
            .strip_prefix('#')
            // `#42` is an issue number ("Review PR #42"), not a tag.
            .filter(|t| !t.starts_with('#') && !t.chars().all(|c| c.is_ascii_digit()))
        {
            q.tags.push(tag.to_string());
        } else if let Some(p) = word
            .strip_prefix('!')
            .and_then(|p| Priority::parse(p).ok())
            .filter(|_| q.priority.is_none())
        {
            q.priority = Some(p);
        } else if let Some(m) = word
            .strip_prefix('~')
            .filter(|m| !m.is_empty())
            .and_then(|m| minutes(m).ok().flatten())
            .filter(|_| q.estimate.is_none())
        {
            q.estimate = Some(m);
        } else {
            words.push(word);
        }
    }
    while words.last().is_some_and(|w| w.is_empty()) {
        words.pop();
    }
    if want_day
        && words.iter().filter(|w| !w.is_empty()).count() > 1
        && let Some(last) = words.last()
        && is_day_word(last)
        && let Ok(day) = parse_day("day", last, today, Lean::Future)
    {
        q.day = Some((last.to_string(), day));
        words.pop();
    }
    q.title = words.join(" ").trim_matches(' ').to_string();
    q
}

/// The words the quick syntax reads as a day: fewer than `--day` takes, since the last word
/// of a title is often just a word. `today`, `tomorrow`, a weekday in full (`friday`), `+N`
/// days and `YYYY-MM-DD`; not `now`, `tom` (a name), `sun` or `sat`, nor a bare number
/// ("Read chapter 3").
fn is_day_word(word: &str) -> bool {
    const WORDS: [&str; 9] = [
        "today",
        "tomorrow",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let w = word.to_lowercase();
    if WORDS.contains(&w.as_str()) {
        return true;
    }
    if let Some(n) = w.strip_prefix('+') {
        let n = n.strip_suffix('d').unwrap_or(n);
        return !n.is_empty() && n.chars().all(|c| c.is_ascii_digit());
    }
    w.len() == 10 && w.as_bytes()[4] == b'-' && w.as_bytes()[7] == b'-'
}

/// A duration as typed: `90`, `90m`, `1h`, `1h30`, `1:30`; empty is None.
pub fn minutes(s: &str) -> Result<Option<u32>, String> {
    let t = s.trim().to_lowercase().replace(' ', "");
    if t.is_empty() {
        return Ok(None);
    }
    let bad = || {
        format!(
            "must be minutes or like 1h30, got {:?}",
            crate::text::sanitize(s.trim()).as_ref()
        )
    };
    let num = |x: &str| x.parse::<u32>().map_err(|_| bad());
    let total = if let Some((h, m)) = t.split_once(':') {
        num(h)?.saturating_mul(60).saturating_add(num(m)?)
    } else if let Some((h, m)) = t.split_once('h') {
        let m = m.trim_end_matches('m');
        num(h)?
            .saturating_mul(60)
            .saturating_add(if m.is_empty() { 0 } else { num(m)? })
    } else {
        num(t.trim_end_matches("min").trim_end_matches('m'))?
    };
    if !(1..=1440).contains(&total) {
        return Err(format!("must be 1 minute to 24 hours, got {:?}", s.trim()));
    }
    Ok(Some(total))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    #[test]
    fn markers_come_out_and_the_rest_is_the_title() {
        let wed = d("2026-11-18");
        let q = parse("Call the bank tomorrow !high #home ~30m", wed, true);
        assert_eq!(q.title, "Call the bank");
        assert_eq!(q.day, Some(("tomorrow".into(), d("2026-11-19"))));
        assert_eq!(q.priority, Some(Priority::HIGH));
        assert_eq!(q.estimate, Some(30));
        assert_eq!(q.tags, ["home"]);
        assert!(q.understood_anything());
    }

    #[test]
    fn look_alikes_stay_in_the_title() {
        let wed = d("2026-11-18");
        let q = parse(
            "Fix the today's bug !important in chapter 3 of C# for PR #42",
            wed,
            true,
        );
        assert_eq!(
            q.title,
            "Fix the today's bug !important in chapter 3 of C# for PR #42"
        );
        assert!(!q.understood_anything());
        // A day word is the day only at the end, and only without --day.
        let q = parse("Plan friday offsite", wed, true);
        assert_eq!(q.title, "Plan friday offsite");
        let q = parse("Plan the offsite friday", wed, false);
        assert_eq!(q.title, "Plan the offsite friday");
        // The title alone is never taken for a day.
        let q = parse("Tomorrow", wed, true);
        assert_eq!((q.title.as_str(), q.day), ("Tomorrow", None));
        // Short forms are words: a name, the sun, now.
        for text in ["Call tom", "Look at the sun", "Do it now", "Fix the wed"] {
            assert_eq!(parse(text, wed, true).title, text);
        }
        let q = parse("Ship it Friday", wed, true);
        assert_eq!(q.day, Some(("Friday".into(), d("2026-11-20"))));
        let q = parse("Ship it +2", wed, true);
        assert_eq!(q.day, Some(("+2".into(), d("2026-11-20"))));
        let q = parse("Ship it 2026-12-01", wed, true);
        assert_eq!(q.day, Some(("2026-12-01".into(), d("2026-12-01"))));
    }

    #[test]
    fn durations() {
        assert_eq!(minutes("90"), Ok(Some(90)));
        assert_eq!(minutes("1h30"), Ok(Some(90)));
        assert_eq!(minutes("1:05"), Ok(Some(65)));
        assert_eq!(minutes("2h"), Ok(Some(120)));
        assert_eq!(minutes(""), Ok(None));
        assert!(minutes("0").is_err());
        assert!(minutes("25h").is_err());
        assert!(minutes("soon").is_err());
    }
}
