//! Days as people type them: one reading for the whole app, command line and screens alike.

use crate::text::sanitize;
use chrono::{Datelike, Days, NaiveDate, Weekday};

/// Which way a bare weekday points. It is the field, not the person, that decides: a day
/// something happened looks back, a day something is due looks ahead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lean {
    /// The most recent such day, today included: feedback given, a skill assessed, the
    /// start of a report. On Wednesday, `mon` is two days ago and `wed` is today.
    Past,
    /// The next such day, today excluded (that is `today`): a task planned, a due date, a
    /// meeting. On Wednesday, `mon` is in five days and `wed` a week ahead.
    Future,
}

/// The forms [`parse_day`] accepts, for messages.
pub const DAY_FORMS: &str = "today, yesterday, tomorrow, +N or -N days, a weekday or YYYY-MM-DD";

/// Reads a day relative to `today`: `today` (`tod`, `now`), `yesterday` (`yest`), `tomorrow`
/// (`tom`, `tmr`), `+N`/`-N` days (`+3`, `-2d`), a weekday (`mon`, `tues`, `Friday`: three
/// letters or more, any case; which one per `lean`), or `YYYY-MM-DD`. The error names `field`
/// and shows what was typed, made safe to print.
pub fn parse_day(field: &str, s: &str, today: NaiveDate, lean: Lean) -> Result<NaiveDate, String> {
    let t = s.trim().to_lowercase();
    let shift = |n: i64| {
        if n >= 0 {
            today.checked_add_days(Days::new(n.unsigned_abs()))
        } else {
            today.checked_sub_days(Days::new(n.unsigned_abs()))
        }
    };
    let day = match t.as_str() {
        "today" | "tod" | "now" => Some(today),
        "tomorrow" | "tom" | "tmr" => shift(1),
        "yesterday" | "yest" => shift(-1),
        _ if t.starts_with('+') || t.starts_with('-') => t
            .get(1..)
            .and_then(|n| n.trim_end_matches('d').parse::<i64>().ok())
            .filter(|n| *n <= 100_000)
            .and_then(|n| shift(if t.starts_with('-') { -n } else { n })),
        _ => match weekday(&t) {
            Some(w) => {
                let (to, from) = (
                    i64::from(w.num_days_from_monday()),
                    i64::from(today.weekday().num_days_from_monday()),
                );
                match lean {
                    Lean::Past => shift(-((7 + from - to) % 7)),
                    Lean::Future => shift(match (7 + to - from) % 7 {
                        0 => 7,
                        ahead => ahead,
                    }),
                }
            }
            None => NaiveDate::parse_from_str(&t, "%Y-%m-%d").ok(),
        },
    };
    day.ok_or_else(|| {
        format!(
            "{field} must be {DAY_FORMS}, got {:?}",
            sanitize(s.trim()).as_ref()
        )
    })
}

fn weekday(t: &str) -> Option<Weekday> {
    const NAMES: [(&str, Weekday); 7] = [
        ("monday", Weekday::Mon),
        ("tuesday", Weekday::Tue),
        ("wednesday", Weekday::Wed),
        ("thursday", Weekday::Thu),
        ("friday", Weekday::Fri),
        ("saturday", Weekday::Sat),
        ("sunday", Weekday::Sun),
    ];
    if t.len() < 3 {
        return None;
    }
    NAMES
        .iter()
        .find(|(name, _)| name.starts_with(t))
        .map(|(_, w)| *w)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    #[test]
    fn words_and_offsets() {
        let sun = d("2026-11-22");
        let p = |s| parse_day("due", s, sun, Lean::Future);
        assert_eq!(p("today"), Ok(sun));
        assert_eq!(p(" Tomorrow "), Ok(d("2026-11-23")));
        assert_eq!(p("Yesterday"), Ok(d("2026-11-21")));
        assert_eq!(p("+3"), Ok(d("2026-11-25")));
        assert_eq!(p("-2d"), Ok(d("2026-11-20")));
        assert_eq!(p("2027-01-05"), Ok(d("2027-01-05")));
    }

    #[test]
    fn a_weekday_looks_back_or_ahead_as_the_field_says() {
        // 2026-11-18 is a Wednesday.
        let wed = d("2026-11-18");
        let back = |s| parse_day("day", s, wed, Lean::Past);
        assert_eq!(back("wed"), Ok(wed));
        assert_eq!(back("mon"), Ok(d("2026-11-16")));
        assert_eq!(back("tues"), Ok(d("2026-11-17")));
        assert_eq!(back("thu"), Ok(d("2026-11-12")));
        assert_eq!(back("Friday"), Ok(d("2026-11-13")));
        assert_eq!(back("sun"), Ok(d("2026-11-15")));
        let ahead = |s| parse_day("due", s, wed, Lean::Future);
        assert_eq!(ahead("wed"), Ok(d("2026-11-25")));
        assert_eq!(ahead("thu"), Ok(d("2026-11-19")));
        assert_eq!(ahead("mon"), Ok(d("2026-11-23")));
        assert_eq!(ahead("tuesday"), Ok(d("2026-11-24")));
    }

    #[test]
    fn bad_days_name_the_field_and_show_what_was_typed_safely() {
        let wed = d("2026-11-18");
        for bad in [
            "someday",
            "2026-02-30",
            "18/11/2026",
            "",
            "mo",
            "+99999999999",
        ] {
            let e = parse_day("day", bad, wed, Lean::Past).unwrap_err();
            assert!(e.starts_with("day must be today, yesterday"), "{e}");
            assert!(e.contains(&format!("{bad:?}")), "{e}");
        }
        let e = parse_day("due", "soon\x1b", wed, Lean::Future).unwrap_err();
        assert!(e.starts_with("due must be"), "{e}");
        assert!(!e.contains('\x1b'), "{e}");
    }
}
