//! `worklog import FILE.ics`: meetings from an iCalendar (RFC 5545) export.
//!
//! The file is parsed whole by the `icalendar` crate and recurring events are expanded by the
//! `rrule` crate, in IANA time zones from `chrono-tz` (or, for a zone with a name of its own,
//! by the rules of the calendar's VTIMEZONE: see the `zone` module), within a window of days
//! (by default the past 90 and the next 14). Each occurrence is keyed by its UID and its
//! RECURRENCE-ID or start (in UTC), so importing the same or an updated calendar again updates
//! the meetings it made instead of adding them twice; see `Repo::update_calendar_meeting` for
//! what an update leaves alone. One malformed event fails the whole import, naming its UID,
//! summary and line.
//!
//! Who the user is: a calendar says nothing about whose calendar it is. The user's own domain
//! is `--domain`, or the config file's `[calendar] domain`, or else that of the organizer of
//! most events; the user's own address (the one on the most events) is not made a person, so
//! "exactly one other attendee" is a 1:1.
//!
//! Which calendar it is: `--calendar NAME`, or else the file with its X-WR-CALNAME and PRODID
//! (see `identity`). Each occurrence records it, so that an event a later import of the same
//! calendar no longer has is known to have left it, and its meetings in the window cancelled.

use super::{Outcome, ToLocal};
use crate::db::{CalendarOccurrence, Repo};
use crate::model::MeetingKind;
use anyhow::{Result, anyhow, bail};
use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, TimeZone, Utc};
use icalendar::parser::{Component, Property};
use std::collections::{BTreeMap, HashMap};

mod zone;
use zone::Defined;

/// The choices of an ics import.
#[derive(Debug, Clone)]
pub struct Options {
    /// The first and last day (inclusive, local) whose occurrences are imported.
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Import all-day events too (as meetings starting at midnight, with no duration).
    pub all_day: bool,
    /// The user's own email domain (`--domain`, or the config file's `[calendar] domain`);
    /// `None` takes the organizer of most events'.
    pub domain: Option<String>,
    /// Which calendar this is (`--calendar NAME`); `None` tells it by the file.
    pub calendar: Option<String>,
    /// The file read (`None`: standard input), which is the calendar without a name.
    pub path: Option<std::path::PathBuf>,
}

impl Options {
    /// The default window around `today`: the past 90 days and the next 14.
    pub fn around(today: NaiveDate) -> Self {
        Options {
            from: today - Duration::days(90),
            to: today + Duration::days(14),
            all_day: false,
            domain: None,
            calendar: None,
            path: None,
        }
    }
}

/// A moment as the calendar wrote it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum When {
    /// An all-day date.
    Day(NaiveDate),
    /// A time in a zone (UTC, a known TZID, or floating: the machine's zone).
    At(DateTime<rrule::Tz>),
    /// A wall-clock time in a zone only the calendar's VTIMEZONE defines (`zones[zone]`),
    /// and the instant it names there.
    Defined {
        local: NaiveDateTime,
        zone: usize,
        at: DateTime<Utc>,
    },
}

impl When {
    /// The day as written (in the value's own zone).
    fn day(&self) -> NaiveDate {
        match self {
            When::Day(d) => *d,
            When::At(t) => t.naive_local().date(),
            When::Defined { local, .. } => local.date(),
        }
    }

    fn at(&self) -> DateTime<rrule::Tz> {
        match self {
            When::At(t) => *t,
            When::Day(d) => local_midnight(*d),
            When::Defined { at, .. } => at.with_timezone(&rrule::Tz::UTC),
        }
    }

    /// The wall-clock time in zone `z` (a date is its midnight).
    fn wall_in(&self, zones: &[Defined], z: usize) -> NaiveDateTime {
        match self {
            When::Defined { local, zone, .. } if *zone == z => *local,
            When::Day(d) => d.and_time(chrono::NaiveTime::MIN),
            other => zones[z].local(other.at().with_timezone(&Utc)),
        }
    }
}

fn local_midnight(d: NaiveDate) -> DateTime<rrule::Tz> {
    let tz = rrule::Tz::LOCAL;
    let naive = d.and_time(chrono::NaiveTime::MIN);
    tz.from_local_datetime(&naive)
        .earliest()
        .unwrap_or_else(|| tz.from_utc_datetime(&naive))
}

/// One person on an event.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Who {
    name: String,
    email: String,
}

/// One VEVENT, read.
#[derive(Debug, Clone)]
struct Event {
    uid: String,
    summary: String,
    line: usize,
    start: When,
    duration: Option<Duration>,
    location: String,
    description: String,
    cancelled: bool,
    organizer: Option<Who>,
    attendees: Vec<Who>,
    recurrence_id: Option<When>,
    rrules: Vec<String>,
    /// Each RDATE, with its own duration when it is a period.
    rdates: Vec<(When, Option<Duration>)>,
    exdates: Vec<When>,
    sequence: i64,
    /// X-WORKLOG-KIND: the meeting's kind, as worklog's export writes it.
    kind: Option<MeetingKind>,
}

impl Event {
    fn name(&self) -> String {
        let summary = if self.summary.is_empty() {
            "(no summary)".to_string()
        } else {
            format!("\"{}\"", self.summary)
        };
        format!("event {summary} (UID {}, line {})", self.uid, self.line)
    }
}

/// Looks like an iCalendar file (after a byte-order mark and blank lines).
pub fn detect(text: &str) -> bool {
    text.trim_start_matches('\u{feff}')
        .trim_start()
        .get(..15)
        .is_some_and(|s| s.eq_ignore_ascii_case("BEGIN:VCALENDAR"))
}

fn prop<'a>(c: &'a Component<'_>, name: &str) -> Option<&'a Property<'a>> {
    c.properties
        .iter()
        .find(|p| p.name.as_str().eq_ignore_ascii_case(name))
}

fn props<'a>(c: &'a Component<'_>, name: &'a str) -> impl Iterator<Item = &'a Property<'a>> {
    c.properties
        .iter()
        .filter(move |p| p.name.as_str().eq_ignore_ascii_case(name))
}

fn param(p: &Property<'_>, key: &str) -> Option<String> {
    p.params
        .iter()
        .find(|q| q.key.as_str().eq_ignore_ascii_case(key))
        .and_then(|q| q.val.as_ref())
        .map(|v| v.as_str().trim_matches('"').to_string())
}

fn text(c: &Component<'_>, name: &str) -> String {
    prop(c, name)
        .map(|p| p.val.as_str().trim().to_string())
        .unwrap_or_default()
}

/// Outlook and Exchange name zones the Windows way; the commonest, with the IANA zone the
/// Unicode CLDR maps each to (its territory "001").
const WINDOWS_ZONES: &[(&str, &str)] = &[
    ("GMT Standard Time", "Europe/London"),
    ("Greenwich Standard Time", "Atlantic/Reykjavik"),
    ("W. Europe Standard Time", "Europe/Berlin"),
    ("Romance Standard Time", "Europe/Paris"),
    ("Central Europe Standard Time", "Europe/Budapest"),
    ("Central European Standard Time", "Europe/Warsaw"),
    ("E. Europe Standard Time", "Europe/Chisinau"),
    ("FLE Standard Time", "Europe/Kiev"),
    ("GTB Standard Time", "Europe/Bucharest"),
    ("Russian Standard Time", "Europe/Moscow"),
    ("Eastern Standard Time", "America/New_York"),
    ("Central Standard Time", "America/Chicago"),
    ("Mountain Standard Time", "America/Denver"),
    ("US Mountain Standard Time", "America/Phoenix"),
    ("Pacific Standard Time", "America/Los_Angeles"),
    ("Atlantic Standard Time", "America/Halifax"),
    ("E. South America Standard Time", "America/Sao_Paulo"),
    ("India Standard Time", "Asia/Calcutta"),
    ("China Standard Time", "Asia/Shanghai"),
    ("Singapore Standard Time", "Asia/Singapore"),
    ("Tokyo Standard Time", "Asia/Tokyo"),
    ("AUS Eastern Standard Time", "Australia/Sydney"),
    ("New Zealand Standard Time", "Pacific/Auckland"),
    ("UTC", "UTC"),
];

/// A TZID as an IANA zone: as written, or its tail after a vendor prefix (Thunderbird writes
/// `/mozilla.org/20050126_1/Europe/Berlin`). `None` when no IANA zone has that name.
fn zone(tzid: &str) -> Option<chrono_tz::Tz> {
    let tzid = tzid.trim();
    if let Ok(z) = tzid.parse::<chrono_tz::Tz>() {
        return Some(z);
    }
    if let Some((_, iana)) = WINDOWS_ZONES
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(tzid))
    {
        return iana.parse().ok();
    }
    tzid.char_indices()
        .filter(|(_, ch)| *ch == '/')
        .find_map(|(i, _)| tzid[i + 1..].parse::<chrono_tz::Tz>().ok())
}

/// Parses one DATE or DATE-TIME value with its TZID. A TZID no IANA zone matches is read by
/// the rules of the calendar's VTIMEZONE of that name, or, when it has none, as the machine's
/// zone.
fn when(value: &str, tzid: Option<&str>, zones: &[Defined]) -> Result<When> {
    let v = value.trim();
    if v.len() == 8 {
        let d = NaiveDate::parse_from_str(v, "%Y%m%d")
            .map_err(|_| anyhow!("`{v}` is not a date (YYYYMMDD)"))?;
        return Ok(When::Day(d));
    }
    let (body, utc) = match v.strip_suffix(['Z', 'z']) {
        Some(b) => (b, true),
        None => (v, false),
    };
    let naive = NaiveDateTime::parse_from_str(body, "%Y%m%dT%H%M%S")
        .map_err(|_| anyhow!("`{v}` is not a date-time (YYYYMMDDTHHMMSS)"))?;
    let tz = if utc {
        rrule::Tz::UTC
    } else {
        match tzid.and_then(zone) {
            Some(z) => rrule::Tz::Tz(z),
            None => match tzid.and_then(|t| zones.iter().position(|z| z.tzid == t.trim())) {
                Some(z) => {
                    if let Some(why) = &zones[z].broken {
                        bail!("{why}");
                    }
                    return Ok(When::Defined {
                        local: naive,
                        zone: z,
                        at: zones[z].instant(naive),
                    });
                }
                None => rrule::Tz::LOCAL,
            },
        }
    };
    // In a DST gap the time is moved on by the gap (RFC 5545 3.3.5); in an overlap, the first.
    let t = match tz.from_local_datetime(&naive) {
        chrono::LocalResult::Single(t) => t,
        chrono::LocalResult::Ambiguous(a, _) => a,
        chrono::LocalResult::None => tz
            .from_local_datetime(&(naive + Duration::hours(1)))
            .earliest()
            .ok_or_else(|| anyhow!("`{v}` does not exist in {}", tz.name()))?,
    };
    Ok(When::At(t))
}

fn when_prop(p: &Property<'_>, zones: &[Defined]) -> Result<When> {
    when(p.val.as_str(), param(p, "TZID").as_deref(), zones)
}

/// Every value of a list property (RDATE, EXDATE), each with the property's TZID, and each
/// period's (`start/end` or `start/duration`) length; only RDATE may hold periods.
fn when_list(
    c: &Component<'_>,
    name: &str,
    zones: &[Defined],
) -> Result<Vec<(When, Option<Duration>)>> {
    let mut out = Vec::new();
    for p in props(c, name) {
        let tzid = param(p, "TZID");
        for v in p.val.as_str().split(',').filter(|v| !v.trim().is_empty()) {
            let Some((start, end)) = v.split_once('/') else {
                out.push((when(v, tzid.as_deref(), zones)?, None));
                continue;
            };
            if !name.eq_ignore_ascii_case("RDATE") {
                bail!("{name} cannot be a period (`{v}`)");
            }
            let start = when(start, tzid.as_deref(), zones)?;
            let length = if end.trim_start().starts_with(['P', 'p', '+', '-']) {
                duration(end)?
            } else {
                let end = when(end, tzid.as_deref(), zones)?;
                end.at().signed_duration_since(start.at())
            };
            if length < Duration::zero() {
                bail!("the period `{}` ends before it starts", v.trim());
            }
            out.push((start, Some(length)));
        }
    }
    Ok(out)
}

/// An RFC 5545 DURATION: `[+-]P[nW]` or `[+-]P[nD][T[nH][nM][nS]]`.
fn duration(v: &str) -> Result<Duration> {
    let bad = || anyhow!("`{v}` is not a duration (like PT1H30M)");
    let s = v.trim();
    let (neg, s) = match s.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let s = s.strip_prefix(['P', 'p']).ok_or_else(bad)?;
    let mut total = 0i64;
    let mut n = String::new();
    let mut in_time = false;
    for ch in s.chars() {
        match ch.to_ascii_uppercase() {
            '0'..='9' => n.push(ch),
            'T' if n.is_empty() => in_time = true,
            u => {
                let k: i64 = n.parse().map_err(|_| bad())?;
                n.clear();
                total += k * match (u, in_time) {
                    ('W', false) => 7 * 86_400,
                    ('D', false) => 86_400,
                    ('H', true) => 3_600,
                    ('M', true) => 60,
                    ('S', true) => 1,
                    _ => return Err(bad()),
                };
            }
        }
    }
    if !n.is_empty() {
        return Err(bad());
    }
    Ok(Duration::seconds(if neg { -total } else { total }))
}

fn who(p: &Property<'_>) -> Who {
    let v = p.val.as_str().trim();
    let email = match v.get(..7) {
        Some(s) if s.eq_ignore_ascii_case("mailto:") => v[7..].trim().to_string(),
        _ if v.contains('@') && !v.contains(':') => v.to_string(),
        _ => String::new(),
    };
    Who {
        name: param(p, "CN").unwrap_or_default().trim().to_string(),
        email: email.to_lowercase(),
    }
}

/// Line of the `n`th (0-based) `BEGIN:VEVENT` in the file as written, for error messages.
fn event_lines(text: &str) -> Vec<usize> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.trim().eq_ignore_ascii_case("BEGIN:VEVENT"))
        .map(|(i, _)| i + 1)
        .collect()
}

fn read_event(c: &Component<'_>, line: usize, zones: &[Defined]) -> Result<Event> {
    let uid = text(c, "UID");
    let summary = text(c, "SUMMARY");
    let named = |what: String| {
        let s = if summary.is_empty() {
            "(no summary)".to_string()
        } else {
            format!("\"{summary}\"")
        };
        let u = if uid.is_empty() { "(none)" } else { &uid };
        anyhow!("event {s} (UID {u}, line {line}): {what}")
    };
    if uid.is_empty() {
        return Err(named("it has no UID".into()));
    }
    let start = prop(c, "DTSTART")
        .ok_or_else(|| named("it has no DTSTART".into()))
        .and_then(|p| when_prop(p, zones).map_err(|e| named(format!("DTSTART: {e}"))))?;
    let duration = match (prop(c, "DTEND"), prop(c, "DURATION")) {
        (Some(p), _) => {
            let end = when_prop(p, zones).map_err(|e| named(format!("DTEND: {e}")))?;
            Some(end.at().signed_duration_since(start.at()))
        }
        (None, Some(p)) => {
            Some(duration(p.val.as_str()).map_err(|e| named(format!("DURATION: {e}")))?)
        }
        (None, None) => None,
    };
    if duration.is_some_and(|d| d < Duration::zero()) {
        return Err(named("it ends before it starts".into()));
    }
    let recurrence_id = prop(c, "RECURRENCE-ID")
        .map(|p| when_prop(p, zones).map_err(|e| named(format!("RECURRENCE-ID: {e}"))))
        .transpose()?;
    let rrules: Vec<String> = props(c, "RRULE")
        .map(|p| p.val.as_str().trim().to_string())
        .collect();
    let rdates = when_list(c, "RDATE", zones).map_err(|e| named(format!("RDATE: {e}")))?;
    let exdates = when_list(c, "EXDATE", zones)
        .map_err(|e| named(format!("EXDATE: {e}")))?
        .into_iter()
        .map(|(w, _)| w)
        .collect();
    let sequence = match prop(c, "SEQUENCE") {
        Some(p) => p
            .val
            .as_str()
            .trim()
            .parse()
            .map_err(|_| named(format!("SEQUENCE `{}` is not a number", p.val.as_str())))?,
        None => 0,
    };
    Ok(Event {
        line,
        start,
        duration,
        location: text(c, "LOCATION"),
        description: text(c, "DESCRIPTION"),
        cancelled: text(c, "STATUS").eq_ignore_ascii_case("CANCELLED"),
        organizer: prop(c, "ORGANIZER").map(who),
        attendees: props(c, "ATTENDEE").map(who).collect(),
        recurrence_id,
        rrules,
        rdates,
        exdates,
        sequence,
        kind: MeetingKind::parse(&text(c, "X-WORKLOG-KIND")),
        uid,
        summary,
    })
}

/// Whether the calendar is worklog's own export (its PRODID).
fn produced_by_worklog(text: &str) -> bool {
    text.lines()
        .take(20)
        .any(|l| l.trim_end().strip_prefix("PRODID:") == Some(PRODID))
}

/// What the calendar says about itself (X-WR-CALNAME, PRODID), to tell which calendar it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Header {
    pub name: String,
    pub prodid: String,
}

/// Every VEVENT of the calendar, read and checked; the first bad one fails them all. Zones
/// named neither the IANA nor the Windows way are read from the calendar's VTIMEZONEs.
fn parse(text: &str) -> Result<(Header, Vec<Event>, Vec<Defined>)> {
    let unfolded = icalendar::parser::unfold(text);
    let cal = icalendar::parser::read_calendar(&unfolded)
        .map_err(|e| anyhow!("this is not a valid iCalendar file: {}", first_line(&e)))?;
    let header = Header {
        name: cal
            .properties
            .iter()
            .find(|p| p.name.as_str().eq_ignore_ascii_case("X-WR-CALNAME"))
            .map(|p| p.val.as_str().trim().to_string())
            .unwrap_or_default(),
        prodid: cal
            .properties
            .iter()
            .find(|p| p.name.as_str().eq_ignore_ascii_case("PRODID"))
            .map(|p| p.val.as_str().trim().to_string())
            .unwrap_or_default(),
    };
    let mut zones = Vec::new();
    for c in cal
        .components
        .iter()
        .filter(|c| c.name.as_str().eq_ignore_ascii_case("VTIMEZONE"))
    {
        let known = prop(c, "TZID").is_some_and(|p| zone(p.val.as_str()).is_some());
        if !known {
            zones.push(
                zone::read(c).unwrap_or_else(|e| Defined::broken(zone::tzid(c), e.to_string())),
            );
        }
    }
    let lines = event_lines(text);
    let mut events = Vec::new();
    for c in cal
        .components
        .iter()
        .filter(|c| c.name.as_str().eq_ignore_ascii_case("VEVENT"))
    {
        let line = lines.get(events.len()).copied().unwrap_or(0);
        events.push(read_event(c, line, &zones)?);
    }
    Ok((header, events, zones))
}

fn first_line(s: &str) -> String {
    s.lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("unreadable")
        .trim()
        .chars()
        .take(200)
        .collect()
}

/// The key of an occurrence: its original start in UTC, or the date of an all-day one.
fn key(w: &When) -> String {
    match w {
        When::Day(d) => d.format("%Y%m%d").to_string(),
        When::At(t) => t.with_timezone(&Utc).format("%Y%m%dT%H%M%SZ").to_string(),
        When::Defined { at, .. } => at.format("%Y%m%dT%H%M%SZ").to_string(),
    }
}

/// One occurrence to import: the event that describes it, and when it starts.
struct Occurrence<'a> {
    event: &'a Event,
    key: String,
    start: When,
    /// Its length: an RDATE period's own, else the event's.
    duration: Option<Duration>,
    recurring: bool,
}

/// The occurrences of one UID's events (a master and its overrides) in the window.
fn expand<'a>(
    events: &[&'a Event],
    zones: &[Defined],
    lo: DateTime<rrule::Tz>,
    hi: DateTime<rrule::Tz>,
) -> Result<Vec<Occurrence<'a>>> {
    let mut overrides: HashMap<String, &Event> = HashMap::new();
    let mut masters: Vec<&Event> = Vec::new();
    for &e in events {
        match &e.recurrence_id {
            Some(r) => {
                let k = key(r);
                match overrides.get(&k) {
                    Some(o) if o.sequence > e.sequence => {}
                    _ => {
                        overrides.insert(k, e);
                    }
                }
            }
            None => match masters.first() {
                Some(m) if m.sequence > e.sequence => {}
                _ => masters = vec![e],
            },
        }
    }
    let within = |w: &When| w.at() >= lo && w.at() <= hi;
    let mut out: BTreeMap<String, Occurrence<'a>> = BTreeMap::new();
    if let Some(m) = masters.first().copied() {
        let recurring = !m.rrules.is_empty() || !m.rdates.is_empty();
        // An RDATE period's own length, by occurrence.
        let periods: HashMap<String, Duration> = m
            .rdates
            .iter()
            .filter_map(|(w, d)| d.map(|d| (key(w), d)))
            .collect();
        let starts: Vec<When> = if recurring {
            // A series in a zone the calendar defines is expanded in its wall-clock time (see
            // `zone::carrier`), then each start placed by the zone's rules.
            let defined = match m.start {
                When::Defined { zone, .. } => Some(zone),
                _ => None,
            };
            let set_time = |w: &When| match defined {
                Some(z) => zone::carrier(w.wall_in(zones, z)),
                None => w.at(),
            };
            let dt = set_time(&m.start);
            let mut set = rrule::RRuleSet::new(dt);
            for r in &m.rrules {
                let mut rule = r
                    .parse::<rrule::RRule<rrule::Unvalidated>>()
                    .map_err(|e| anyhow!("{}: RRULE `{r}`: {e}", m.name()))?;
                if let (Some(z), Some(until)) = (defined, rule.get_until().copied()) {
                    // UNTIL is an instant; the carrier counts in the zone's wall-clock time.
                    // A floating UNTIL is taken as already in it.
                    let wall = if until.timezone().is_local() {
                        until.naive_local()
                    } else {
                        zones[z].local(until.with_timezone(&Utc))
                    };
                    rule = rule.until(zone::carrier(wall));
                }
                let rule = rule
                    .validate(dt)
                    .map_err(|e| anyhow!("{}: RRULE `{r}`: {e}", m.name()))?;
                set = set.rrule(rule);
            }
            for (d, _) in &m.rdates {
                set = set.rdate(set_time(d));
            }
            for d in &m.exdates {
                set = set.exdate(set_time(d));
            }
            let (after, before) = match defined {
                // A day either side: the window's ends are instants, the carrier counts in
                // wall-clock time; what falls outside is dropped below.
                Some(z) => (
                    zone::carrier(zones[z].local(lo.with_timezone(&Utc)) - Duration::days(1)),
                    zone::carrier(zones[z].local(hi.with_timezone(&Utc)) + Duration::days(1)),
                ),
                None => (lo, hi),
            };
            let found = set.after(after).before(before).all(u16::MAX);
            if found.limited {
                bail!(
                    "{}: more than {} occurrences in the window",
                    m.name(),
                    u16::MAX
                );
            }
            let mut starts: Vec<When> = found
                .dates
                .into_iter()
                .map(|t| match (m.start, defined) {
                    (When::Day(_), _) => When::Day(t.date_naive()),
                    (_, Some(z)) => When::Defined {
                        local: t.naive_utc(),
                        zone: z,
                        at: zones[z].instant(t.naive_utc()),
                    },
                    _ => When::At(t),
                })
                .filter(within)
                .collect();
            // The series' first occurrence is itself when no rule yields it (RFC 5545 3.8.5.3).
            if within(&m.start) && !starts.iter().any(|s| key(s) == key(&m.start)) {
                let excluded = m.exdates.iter().any(|x| key(x) == key(&m.start));
                if !excluded {
                    starts.push(m.start);
                }
            }
            // An all-day series is excluded by day: Outlook writes its EXDATEs as midnight in
            // its own zone, which is not the local midnight the series runs at.
            if let When::Day(_) = m.start {
                starts.retain(|s| !m.exdates.iter().any(|x| x.day() == s.day()));
            }
            starts
        } else if within(&m.start) {
            vec![m.start]
        } else {
            Vec::new()
        };
        for s in starts {
            let k = key(&s);
            let occ = match overrides.remove(&k) {
                Some(o) => Occurrence {
                    event: o,
                    key: k.clone(),
                    start: o.start,
                    duration: o.duration,
                    recurring,
                },
                None => Occurrence {
                    event: m,
                    key: k.clone(),
                    start: s,
                    duration: periods.get(&k).copied().or(m.duration),
                    recurring,
                },
            };
            out.insert(k, occ);
        }
    }
    // Overrides of occurrences outside the window (or of a master not in the file) count
    // where they now are.
    for (k, o) in overrides {
        if within(&o.start) {
            out.insert(
                k.clone(),
                Occurrence {
                    event: o,
                    key: k,
                    start: o.start,
                    duration: o.duration,
                    recurring: true,
                },
            );
        }
    }
    Ok(out.into_values().collect())
}

fn domain_of(email: &str) -> Option<&str> {
    email
        .rsplit_once('@')
        .map(|(_, d)| d)
        .filter(|d| !d.is_empty())
}

/// The most frequent value, ties to the smallest (so the answer does not depend on order).
fn most<'a>(values: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut n: BTreeMap<&str, usize> = BTreeMap::new();
    for v in values {
        *n.entry(v).or_default() += 1;
    }
    let best = n.values().copied().max()?;
    n.into_iter()
        .find(|(_, c)| *c == best)
        .map(|(v, _)| v.to_string())
}

/// Which calendar this import is, and what to call it: the name given (`--calendar`), or else
/// the file with its X-WR-CALNAME and PRODID (a calendar exported again to the same file, or
/// fetched again to standard input under the same name, is the same calendar). `None` for
/// standard input with no name: it cannot be told from another calendar.
fn identity(opts: &Options, header: &Header) -> Option<(String, String)> {
    if let Some(name) = &opts.calendar {
        return Some((format!("name:{name}"), name.clone()));
    }
    let (origin, file_name) = match &opts.path {
        Some(p) => (
            format!("file:{}", p.display()),
            p.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
        ),
        None if !header.name.is_empty() => ("stdin:".to_string(), String::new()),
        None => return None,
    };
    let shown = if header.name.is_empty() {
        file_name
    } else {
        header.name.clone()
    };
    Some((
        format!("{origin}\u{1f}{}\u{1f}{}", header.name, header.prodid),
        shown,
    ))
}

/// What a meeting cancelled because its whole event left the calendar is counted as.
pub const LEFT_THE_CALENDAR: &str = "meeting (event no longer in the calendar)";

/// Imports the calendar `text` into `repo` (inside the caller's transaction).
pub fn apply(
    repo: &Repo,
    text: &str,
    opts: &Options,
    to_local: ToLocal<'_>,
    outcome: &mut Outcome,
) -> Result<()> {
    let (header, events, zones) = parse(text)?;
    let calendar = identity(opts, &header);
    let ours = produced_by_worklog(text);
    let own_domain = match &opts.domain {
        Some(d) => Some(d.trim().trim_start_matches('@').to_lowercase()),
        None => most(
            events
                .iter()
                .filter_map(|e| e.organizer.as_ref())
                .filter_map(|o| domain_of(&o.email)),
        ),
    };
    // The user's own address: the one on most events (it is their calendar); between equals,
    // the one that organizes most.
    let mut seen: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for e in &events {
        let mut emails: Vec<&str> = e
            .organizer
            .iter()
            .chain(e.attendees.iter())
            .map(|w| w.email.as_str())
            .filter(|m| !m.is_empty())
            .collect();
        emails.sort_unstable();
        emails.dedup();
        for m in emails {
            seen.entry(m).or_default().0 += 1;
        }
        if let Some(o) = e.organizer.as_ref().filter(|o| !o.email.is_empty()) {
            seen.entry(o.email.as_str()).or_default().1 += 1;
        }
    }
    let me = seen
        .iter()
        .filter(|_| !ours)
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(m, _)| m.to_string());
    let lo = local_midnight(opts.from);
    let hi = local_midnight(opts.to + Duration::days(1)) - Duration::seconds(1);
    let mut by_uid: BTreeMap<&str, Vec<&Event>> = BTreeMap::new();
    for e in &events {
        by_uid.entry(e.uid.as_str()).or_default().push(e);
    }
    let mut people: HashMap<(String, String), i64> = HashMap::new();
    for (uid, group) in &by_uid {
        let occurrences = expand(group, &zones, lo, hi)?;
        if occurrences.is_empty() {
            // Said, so that a calendar whose events all lie outside the window (--from, --to)
            // does not import "nothing" without a word why.
            outcome.skipped.add("out-of-window event");
        }
        // An occurrence imported before that the event no longer has within the window (an
        // EXDATE added, a series cut short) has left the feed: it is cancelled, not deleted.
        // Only this event's: another calendar's meetings are not in this file.
        let keys: std::collections::HashSet<&str> =
            occurrences.iter().map(|o| o.key.as_str()).collect();
        for (id, occurrence) in repo.calendar_occurrences(uid, opts.from, opts.to)? {
            if !keys.contains(occurrence.as_str()) {
                repo.cancel_calendar_meeting(id)?;
                outcome.cancelled.add("meeting");
            }
        }
        for occ in occurrences {
            let e = occ.event;
            let (starts_at, all_day) = match occ.start {
                When::Day(d) => (d.and_time(chrono::NaiveTime::MIN), true),
                When::At(t) => (to_local(t.with_timezone(&Utc)), false),
                When::Defined { at, .. } => (to_local(at), false),
            };
            if all_day && !opts.all_day {
                outcome.skipped.add("all-day event");
                continue;
            }
            let minutes = occ
                .duration
                .map(|d| d.num_minutes())
                .filter(|m| (1..=1440).contains(m))
                .and_then(|m| u32::try_from(m).ok());
            let mut who: Vec<&Who> = Vec::new();
            for w in e.organizer.iter().chain(e.attendees.iter()) {
                if w.email.is_empty() && w.name.is_empty() {
                    continue;
                }
                if !w.email.is_empty() && Some(&w.email) == me.as_ref() {
                    continue;
                }
                let dup = who.iter().any(|x| {
                    (!w.email.is_empty() && x.email == w.email)
                        || (w.email.is_empty() && x.name == w.name)
                });
                if !dup {
                    who.push(w);
                }
            }
            let external = who
                .iter()
                .any(|w| domain_of(&w.email).is_some_and(|d| Some(d.to_lowercase()) != own_domain));
            let kind = if let Some(k) = e.kind.filter(|_| ours) {
                k
            } else if who.is_empty() {
                MeetingKind::Other
            } else if external {
                MeetingKind::External
            } else if who.len() == 1 {
                MeetingKind::OneOnOne
            } else {
                MeetingKind::Team
            };
            let title = if e.summary.trim().is_empty() {
                "(no title)".to_string()
            } else {
                e.summary.clone()
            };
            let mut ids = Vec::new();
            for w in &who {
                let k = (w.name.clone(), w.email.clone());
                let id = match people.get(&k) {
                    Some(&id) => id,
                    None => {
                        let id = repo.calendar_person(&w.name, &w.email)?;
                        people.insert(k, id);
                        id
                    }
                };
                ids.push(id);
            }
            ids.sort_unstable();
            ids.dedup();
            let names: Vec<String> = ids.iter().map(i64::to_string).collect();
            let fingerprint = format!(
                "{title}\u{1f}{starts_at}\u{1f}{minutes:?}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}",
                kind.as_str(),
                e.location,
                e.cancelled,
                names.join(",")
            );
            let o = CalendarOccurrence {
                uid: e.uid.clone(),
                occurrence: occ.key,
                recurring: occ.recurring,
                starts_at,
                duration_minutes: minutes,
                title,
                kind,
                notes: e.description.clone(),
                location: e.location.clone(),
                cancelled: e.cancelled,
                attendees: ids,
                fingerprint,
            };
            let known = repo.calendar_known(&o.uid, &o.occurrence)?;
            // A meeting made in worklog, exported and now coming back.
            let linked = match (&known, native_id(&o.uid)) {
                (None, Some(id)) if ours => repo.link_calendar_meeting(id, &o)?,
                _ => false,
            };
            if linked {
                outcome.present.add("meeting");
                continue;
            }
            match known {
                None if o.cancelled => outcome.skipped.add("cancelled event"),
                None => {
                    repo.add_calendar_meeting(&o)
                        .map_err(|err| anyhow!("{}: {err}", e.name()))?;
                    outcome.added.add("meeting");
                }
                Some(k) if k.fingerprint == o.fingerprint && k.cancelled == o.cancelled => {
                    repo.calendar_synced(k.meeting_id)?;
                    outcome.present.add("meeting");
                }
                Some(k) => {
                    repo.update_calendar_meeting(k.meeting_id, &o)
                        .map_err(|err| anyhow!("{}: {err}", e.name()))?;
                    if o.cancelled && !k.cancelled {
                        outcome.cancelled.add("meeting");
                    } else {
                        outcome.updated.add("meeting");
                    }
                }
            }
        }
    }
    // A whole event an earlier import of this calendar brought and this one no longer has has
    // left the calendar: its meetings within the window are cancelled, never deleted.
    if let Some((calendar, name)) = &calendar {
        let uids: Vec<&str> = by_uid.keys().copied().collect();
        repo.calendar_claim(&uids, calendar, name)?;
        for (id, uid) in repo.calendar_meetings(calendar, opts.from, opts.to)? {
            if !by_uid.contains_key(uid.as_str()) {
                repo.cancel_calendar_meeting(id)?;
                outcome.cancelled.add(LEFT_THE_CALENDAR);
            }
        }
    }
    Ok(())
}

/// The PRODID of worklog's own export. Its events name only the other people (never the
/// user), and carry each meeting's kind, so an import of it guesses neither.
pub const PRODID: &str = "-//worklog//worklog calendar export//EN";

/// UID of a meeting that did not come from a calendar (`worklog-meeting-ID@worklog`).
fn native_uid(id: i64) -> String {
    format!("worklog-meeting-{id}@worklog")
}

/// The meeting id in a [`native_uid`].
fn native_id(uid: &str) -> Option<i64> {
    uid.strip_prefix("worklog-meeting-")?
        .strip_suffix("@worklog")?
        .parse()
        .ok()
}

fn utc_text(t: NaiveDateTime, to_utc: &dyn Fn(NaiveDateTime) -> DateTime<Utc>) -> String {
    to_utc(t).format("%Y%m%dT%H%M%SZ").to_string()
}

/// Writes the meetings starting between `from` and `to` (inclusive days) as an iCalendar
/// file, each action item a VTODO related to its meeting. Calendar meetings keep their UID
/// (and, in a series, their RECURRENCE-ID), so importing the file again changes nothing.
/// `to_utc` reads a stored local time in the user's zone; `now` stamps the file.
pub fn write(
    repo: &Repo,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    now: DateTime<Utc>,
    to_utc: &dyn Fn(NaiveDateTime) -> DateTime<Utc>,
    out: &mut dyn std::io::Write,
) -> Result<usize> {
    use icalendar::{Calendar, Component, Event, Property, Todo};
    let meetings = repo.snapshot(|repo| repo.calendar_export(from, to))?;
    let stamp = now.format("%Y%m%dT%H%M%SZ").to_string();
    let mut cal = Calendar::empty();
    cal.append_property(Property::new("VERSION", "2.0"));
    cal.append_property(Property::new("PRODID", PRODID));
    cal.append_property(Property::new("CALSCALE", "GREGORIAN"));
    for m in &meetings {
        let uid = m.uid.clone().unwrap_or_else(|| native_uid(m.meeting_id));
        let mut e = Event::new();
        e.uid(&uid);
        e.add_property("DTSTAMP", &stamp);
        e.add_property("DTSTART", utc_text(m.starts_at, to_utc));
        if let Some(min) = m.duration_minutes {
            let end = m.starts_at + Duration::minutes(i64::from(min));
            e.add_property("DTEND", utc_text(end, to_utc));
        }
        if m.recurring
            && let Some(occ) = &m.occurrence
        {
            let mut p = Property::new("RECURRENCE-ID", occ);
            if occ.len() == 8 {
                p.add_parameter("VALUE", "DATE");
            }
            e.append_property(p);
        }
        e.summary(&m.title);
        if !m.notes.is_empty() {
            e.description(&m.notes);
        }
        if !m.location.is_empty() {
            e.add_property("LOCATION", &m.location);
        }
        e.add_property(
            "STATUS",
            if m.cancelled {
                "CANCELLED"
            } else {
                "CONFIRMED"
            },
        );
        e.add_property("X-WORKLOG-KIND", m.kind.as_str());
        for p in &m.attendees {
            let value = if p.email.is_empty() {
                // No address: the name alone identifies them on the way back in.
                "mailto:".to_string()
            } else {
                format!("mailto:{}", p.email)
            };
            let mut a = Property::new("ATTENDEE", value);
            a.add_parameter("CN", &p.name);
            e.append_multi_property(a);
        }
        cal.push(e.done());
        for t in &m.todos {
            let mut todo = Todo::new();
            todo.uid(&format!("worklog-action-item-{}@worklog", t.id));
            todo.add_property("DTSTAMP", &stamp);
            todo.summary(&t.title);
            todo.add_property("RELATED-TO", &uid);
            if let Some(d) = t.due_date {
                let mut p = Property::new("DUE", d.format("%Y%m%d").to_string());
                p.add_parameter("VALUE", "DATE");
                todo.append_property(p);
            }
            match t.done_at {
                Some(done) => {
                    todo.add_property("STATUS", "COMPLETED");
                    todo.add_property("COMPLETED", utc_text(done, to_utc));
                }
                None => {
                    todo.add_property("STATUS", "NEEDS-ACTION");
                }
            }
            cal.push(todo.done());
        }
    }
    write!(out, "{cal}")?;
    Ok(meetings.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_as_rfc_5545_writes_them() {
        assert_eq!(duration("PT1H30M").unwrap(), Duration::minutes(90));
        assert_eq!(duration("P1W").unwrap(), Duration::days(7));
        assert_eq!(duration("P1DT2H").unwrap(), Duration::hours(26));
        assert_eq!(duration("-PT15M").unwrap(), Duration::minutes(-15));
        assert!(duration("1H").is_err());
        assert!(duration("PT1X").is_err());
        assert!(duration("PT").is_ok());
    }

    #[test]
    fn vendor_prefixed_tzids_find_their_zone() {
        assert_eq!(zone("Europe/Berlin"), Some(chrono_tz::Europe::Berlin));
        assert_eq!(
            zone("/mozilla.org/20050126_1/Europe/Berlin"),
            Some(chrono_tz::Europe::Berlin)
        );
        assert_eq!(
            zone("W. Europe Standard Time"),
            Some(chrono_tz::Europe::Berlin)
        );
        assert_eq!(zone("Nowhere Standard Time"), None);
    }

    #[test]
    fn detects_a_calendar_by_its_first_line() {
        assert!(detect("\u{feff}BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(detect("\n begin:vcalendar\n"));
        assert!(!detect("[{\"uuid\":1}]"));
    }
}
