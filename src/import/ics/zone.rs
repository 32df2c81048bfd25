//! Time zones a calendar defines itself.
//!
//! Most calendars name their zones the IANA way (or the Windows way, which maps to IANA), and
//! chrono-tz knows those. Some programs invent a name instead (Outlook 2003 writes
//! `TZID:Canberra, Melbourne, Sydney`, Exchange `Customized Time Zone`) and say only in the
//! file's VTIMEZONE what the zone does: each STANDARD or DAYLIGHT observance starts at a
//! DTSTART (wall-clock time, in the offset before it), repeats by RRULE and RDATE, and sets
//! TZOFFSETTO from then on. The onsets are expanded once per zone by the `rrule` crate; the
//! offset at an instant is then the last onset's.

use super::{Component, first_line, param, prop, props};
use anyhow::{Result, anyhow};
use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveDateTime, Offset, TimeZone, Utc};

/// Onsets are expanded up to here: later than any meeting anyone imports.
const HORIZON_YEAR: i32 = 2200;

/// One zone from a VTIMEZONE.
#[derive(Debug, Clone)]
pub(super) struct Defined {
    pub tzid: String,
    /// When each observance begins (UTC) and the offset from then on, in order.
    onsets: Vec<(DateTime<Utc>, FixedOffset)>,
    /// The offset before the first onset: the first observance's TZOFFSETFROM.
    before: FixedOffset,
    /// Every offset the zone uses, to find which ones a wall-clock time could be in.
    offsets: Vec<FixedOffset>,
    /// Why the VTIMEZONE could not be read: an error only for an event in this zone.
    pub broken: Option<String>,
}

/// A wall-clock time as an instant in UTC with this zone's rules carried as if they were UTC:
/// the `rrule` crate expands a series in wall-clock time this way, so a weekly 10:00 stays at
/// 10:00 across a DST change, and each result is then placed with [`Defined::instant`].
pub(super) fn carrier(local: NaiveDateTime) -> DateTime<rrule::Tz> {
    rrule::Tz::UTC.from_utc_datetime(&local)
}

impl Defined {
    /// A zone whose VTIMEZONE could not be read, kept to say so to an event that uses it.
    pub fn broken(tzid: String, why: String) -> Self {
        Defined {
            tzid,
            onsets: Vec::new(),
            before: Utc.fix(),
            offsets: Vec::new(),
            broken: Some(why),
        }
    }

    /// The offset in force at instant `t`.
    pub fn offset_at(&self, t: DateTime<Utc>) -> FixedOffset {
        match self.onsets.partition_point(|(at, _)| *at <= t) {
            0 => self.before,
            i => self.onsets[i - 1].1,
        }
    }

    /// The wall-clock time in this zone at instant `t`.
    pub fn local(&self, t: DateTime<Utc>) -> NaiveDateTime {
        t.naive_utc() + Duration::seconds(i64::from(self.offset_at(t).local_minus_utc()))
    }

    /// The instant a wall-clock time names: in an overlap the first of the two; in a gap, read
    /// with the offset before the gap, so it is moved on by the gap (RFC 5545 3.3.5).
    pub fn instant(&self, local: NaiveDateTime) -> DateTime<Utc> {
        let at =
            |o: &FixedOffset| (local - Duration::seconds(i64::from(o.local_minus_utc()))).and_utc();
        let first = self
            .offsets
            .iter()
            .map(|o| (at(o), *o))
            .filter(|(t, o)| self.offset_at(*t) == *o)
            .map(|(t, _)| t)
            .min();
        first.unwrap_or_else(|| {
            // No offset fits: a gap. Observances are months apart, so the offset a day
            // earlier is the one before the gap.
            at(&self.offset_at(local.and_utc() - Duration::days(1)))
        })
    }
}

/// `+HHMM`, `-HHMM` or `+HHMMSS` (TZOFFSETFROM, TZOFFSETTO).
fn utc_offset(v: &str) -> Result<FixedOffset> {
    let bad = || anyhow!("`{v}` is not a UTC offset (like +0100)");
    let v = v.trim();
    let (sign, digits) = match v.as_bytes().first() {
        Some(b'+') => (1, &v[1..]),
        Some(b'-') => (-1, &v[1..]),
        _ => return Err(bad()),
    };
    if !(digits.len() == 4 || digits.len() == 6) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let n = |r: std::ops::Range<usize>| digits.get(r).and_then(|s| s.parse::<i32>().ok());
    let secs = n(0..2).unwrap_or(0) * 3600 + n(2..4).unwrap_or(0) * 60 + n(4..6).unwrap_or(0);
    FixedOffset::east_opt(sign * secs).ok_or_else(bad)
}

/// A VTIMEZONE's DTSTART or RDATE value: a local date-time (or a date, at midnight).
fn local_time(v: &str) -> Result<NaiveDateTime> {
    let v = v.trim();
    if v.len() == 8 {
        return NaiveDate::parse_from_str(v, "%Y%m%d")
            .map(|d| d.and_time(chrono::NaiveTime::MIN))
            .map_err(|_| anyhow!("`{v}` is not a date (YYYYMMDD)"));
    }
    NaiveDateTime::parse_from_str(v.trim_end_matches(['Z', 'z']), "%Y%m%dT%H%M%S")
        .map_err(|_| anyhow!("`{v}` is not a date-time (YYYYMMDDTHHMMSS)"))
}

/// Reads one VTIMEZONE; an error names the zone.
/// The TZID of a VTIMEZONE, as events name it.
pub(super) fn tzid(c: &Component<'_>) -> String {
    prop(c, "TZID")
        .map(|p| p.val.as_str().trim().trim_matches('"').to_string())
        .unwrap_or_default()
}

pub(super) fn read(c: &Component<'_>) -> Result<Defined> {
    let tzid = tzid(c);
    let named = |e: anyhow::Error| anyhow!("time zone `{tzid}` (VTIMEZONE): {e}");
    let horizon = NaiveDate::from_ymd_opt(HORIZON_YEAR, 1, 1)
        .map(|d| carrier(d.and_time(chrono::NaiveTime::MIN)))
        .ok_or_else(|| anyhow!("the horizon year is a date"))?;
    // (onset in UTC, offset before, offset after)
    let mut onsets: Vec<(DateTime<Utc>, FixedOffset, FixedOffset)> = Vec::new();
    for o in c.components.iter().filter(|o| {
        let n = o.name.as_str();
        n.eq_ignore_ascii_case("STANDARD") || n.eq_ignore_ascii_case("DAYLIGHT")
    }) {
        let value = |name: &str| {
            prop(o, name)
                .map(|p| p.val.as_str().to_string())
                .ok_or_else(|| anyhow!("{} has no {name}", o.name.as_str()))
        };
        let from = value("TZOFFSETFROM")
            .and_then(|v| utc_offset(&v))
            .map_err(named)?;
        let to = value("TZOFFSETTO")
            .and_then(|v| utc_offset(&v))
            .map_err(named)?;
        let start = value("DTSTART")
            .and_then(|v| local_time(&v))
            .map_err(named)?;
        let mut local = vec![start];
        for p in props(o, "RRULE") {
            let rule = p.val.as_str().trim();
            let mut r = rule
                .parse::<rrule::RRule<rrule::Unvalidated>>()
                .map_err(|e| named(anyhow!("RRULE `{rule}`: {}", first_line(&e.to_string()))))?;
            // UNTIL is an instant (UTC); the carrier counts in wall-clock time before the onset.
            // Thunderbird writes it floating, already in that wall-clock time.
            if let Some(until) = r.get_until().copied() {
                let wall = if until.timezone().is_local() {
                    until.naive_local()
                } else {
                    until.with_timezone(&Utc).naive_utc()
                        + Duration::seconds(i64::from(from.local_minus_utc()))
                };
                r = r.until(carrier(wall));
            }
            let rule_set = r
                .build(carrier(start))
                .map_err(|e| named(anyhow!("RRULE `{rule}`: {}", first_line(&e.to_string()))))?;
            let found = rule_set.before(horizon).all(u16::MAX);
            local.extend(found.dates.iter().map(|t| t.naive_utc()));
        }
        for p in props(o, "RDATE") {
            if param(p, "VALUE").is_some_and(|v| v.eq_ignore_ascii_case("PERIOD")) {
                return Err(named(anyhow!("RDATE periods are not onsets")));
            }
            for v in p.val.as_str().split(',').filter(|v| !v.trim().is_empty()) {
                local.push(local_time(v).map_err(named)?);
            }
        }
        for l in local {
            let utc = (l - Duration::seconds(i64::from(from.local_minus_utc()))).and_utc();
            onsets.push((utc, from, to));
        }
    }
    onsets.sort_by_key(|(t, _, _)| *t);
    onsets.dedup_by_key(|(t, _, _)| *t);
    let Some(&(_, before, _)) = onsets.first() else {
        return Err(named(anyhow!("it has no STANDARD or DAYLIGHT part")));
    };
    let mut offsets: Vec<FixedOffset> = std::iter::once(before)
        .chain(onsets.iter().map(|(_, _, to)| *to))
        .collect();
    offsets.sort_by_key(FixedOffset::local_minus_utc);
    offsets.dedup();
    Ok(Defined {
        tzid,
        onsets: onsets.into_iter().map(|(t, _, to)| (t, to)).collect(),
        before,
        offsets,
        broken: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zone(text: &str) -> Defined {
        let unfolded = icalendar::parser::unfold(text);
        let cal = icalendar::parser::read_calendar(&unfolded).unwrap();
        let c = cal
            .components
            .iter()
            .find(|c| c.name.as_str() == "VTIMEZONE")
            .unwrap();
        read(c).unwrap()
    }

    const BERLINISH: &str = "BEGIN:VCALENDAR\r\nBEGIN:VTIMEZONE\r\nTZID:Office\r\n\
BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nDTSTART:19810329T020000\r\n\
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n\
BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nDTSTART:19961027T030000\r\n\
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\nEND:VCALENDAR\r\n";

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn wall_clock_times_around_both_changes() {
        let z = zone(BERLINISH);
        assert_eq!(
            z.instant(at("2026-10-24 10:00")),
            at("2026-10-24 08:00").and_utc()
        );
        assert_eq!(
            z.instant(at("2026-10-26 10:00")),
            at("2026-10-26 09:00").and_utc()
        );
        // 02:30 on 25 October happens twice: the first (summer time) is meant.
        assert_eq!(
            z.instant(at("2026-10-25 02:30")),
            at("2026-10-25 00:30").and_utc()
        );
        // 02:30 on 29 March does not happen: read in winter time, it is 03:30 summer time.
        assert_eq!(
            z.instant(at("2026-03-29 02:30")),
            at("2026-03-29 01:30").and_utc()
        );
        assert_eq!(
            z.local(at("2026-03-29 01:30").and_utc()),
            at("2026-03-29 03:30")
        );
    }

    /// A real Thunderbird VTIMEZONE (Europe/London, 85 observances: single onsets as RDATEs,
    /// rules with a floating UNTIL) gives the offsets the IANA database does.
    #[test]
    fn a_thunderbird_zone_agrees_with_the_iana_database() {
        let z = zone(include_str!(
            "../../../tests/fixtures/ics/thunderbird_london.ics"
        ));
        let london = chrono_tz::Europe::London;
        let mut t = at("1972-01-01 00:00").and_utc();
        let mut checked = 0;
        while t < at("2040-01-01 00:00").and_utc() {
            let iana = london.offset_from_utc_datetime(&t.naive_utc()).fix();
            assert_eq!(z.offset_at(t), iana, "at {t}");
            // Either side of every change (they fall at 01:00 or 02:00 UTC).
            t += Duration::hours(6);
            checked += 1;
        }
        assert!(checked > 90_000);
    }

    #[test]
    fn offsets_read_as_written() {
        assert_eq!(utc_offset("+0530").unwrap().local_minus_utc(), 19_800);
        assert_eq!(utc_offset("-0100").unwrap().local_minus_utc(), -3_600);
        assert_eq!(utc_offset("+005328").unwrap().local_minus_utc(), 3_208);
        assert!(utc_offset("0100").is_err());
        assert!(utc_offset("+1").is_err());
    }
}
