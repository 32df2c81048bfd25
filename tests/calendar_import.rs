//! The calendar importer's harder cases (issue 15), on the real binary: a zone defined only by
//! the calendar's own VTIMEZONE, RDATE periods, whole events that left a calendar, the user's
//! own domain from the config file, and real exports with a moved occurrence and a DST change
//! (tests/fixtures/ics/README.md). The binary runs in the UTC zone (tests/common/bin.rs).
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

mod common;
use common::bin::{worklog, worklog_with_env, worklog_with_input};

use std::path::{Path, PathBuf};

const NOW: &str = "2026-11-01T12:00:00";

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ics")
        .join(name)
        .display()
        .to_string()
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p: PathBuf = dir.join(name);
    std::fs::write(&p, text.replace('\n', "\r\n")).unwrap();
    p.display().to_string()
}

fn query(data: &Path, sql: &str) -> Vec<Vec<String>> {
    let c = rusqlite::Connection::open(data.join("worklog.db")).unwrap();
    let mut s = c.prepare(sql).unwrap();
    let n = s.column_count();
    s.query_map([], |r| {
        (0..n)
            .map(|i| {
                let v: rusqlite::types::Value = r.get(i)?;
                Ok(match v {
                    rusqlite::types::Value::Null => "NULL".to_string(),
                    rusqlite::types::Value::Integer(i) => i.to_string(),
                    rusqlite::types::Value::Text(t) => t,
                    other => format!("{other:?}"),
                })
            })
            .collect()
    })
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}

fn json(run: &common::bin::Run) -> serde_json::Value {
    assert_eq!(run.code, 0, "{}", run.stderr);
    serde_json::from_str(&run.stdout).unwrap()
}

fn row(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

fn meetings(data: &Path) -> Vec<Vec<String>> {
    query(
        data,
        "SELECT m.starts_at, ifnull(m.duration_minutes, ''), m.title, e.occurrence, e.status
           FROM meetings m JOIN calendar_events e ON e.meeting_id = m.id ORDER BY m.starts_at",
    )
}

/// Outlook 2003 names its zone "Canberra, Melbourne, Sydney", which is neither an IANA nor a
/// Windows zone name: only the file's VTIMEZONE says that summer time ends on the first
/// Sunday of April (5 April 2009, +11:00 to +10:00). The 09:30 standup is 22:30 UTC the day
/// before until then, and 23:30 UTC after.
#[test]
fn a_zone_defined_only_by_the_calendar_follows_its_own_dst_rules() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let out = json(&worklog(
        &data,
        "2009-04-01T12:00:00",
        &[
            "import",
            &fixture("outlook2003_standup_custom_zone.ics"),
            "--from",
            "2009-04-01",
            "--to",
            "2009-04-08",
            "--json",
        ],
    ));
    assert_eq!(out["added_total"], 6, "{out}");
    let uid_free: Vec<Vec<String>> = meetings(&data)
        .into_iter()
        .map(|r| vec![r[0].clone(), r[1].clone(), r[3].clone()])
        .collect();
    assert_eq!(
        uid_free,
        vec![
            row(&["2009-04-01T22:30:00", "15", "20090401T223000Z"]),
            row(&["2009-04-02T22:30:00", "15", "20090402T223000Z"]),
            row(&["2009-04-05T23:30:00", "15", "20090405T233000Z"]),
            row(&["2009-04-06T23:30:00", "15", "20090406T233000Z"]),
            row(&["2009-04-07T23:30:00", "15", "20090407T233000Z"]),
            row(&["2009-04-08T23:30:00", "15", "20090408T233000Z"]),
        ]
    );
    // Importing it again changes nothing.
    let again = json(&worklog(
        &data,
        "2009-04-01T12:00:00",
        &[
            "import",
            &fixture("outlook2003_standup_custom_zone.ics"),
            "--from",
            "2009-04-01",
            "--to",
            "2009-04-08",
            "--json",
        ],
    ));
    assert_eq!(again["already_there_total"], 6, "{again}");
    assert_eq!(again["added_total"], 0, "{again}");
    assert_eq!(again["updated_total"], 0, "{again}");
}

/// A custom zone's rules with a transition UNTIL (in UTC, as Thunderbird writes old rules) and
/// an EXDATE and a RECURRENCE-ID written in the same zone; and a zone east of UTC, where the
/// UNTIL instant and the local onset differ.
const CUSTOM_ZONE: &str = "BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//custom zone//EN
BEGIN:VTIMEZONE
TZID:Office Time
BEGIN:DAYLIGHT
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
DTSTART:19810329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
DTSTART:19961027T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
BEGIN:STANDARD
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
DTSTART:19810927T030000
RRULE:FREQ=YEARLY;UNTIL=19950924T010000Z;BYMONTH=9;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE
BEGIN:VEVENT
UID:weekly@office.example
DTSTART;TZID=Office Time:20261012T100000
DTEND;TZID=Office Time:20261012T110000
RRULE:FREQ=WEEKLY;COUNT=4
EXDATE;TZID=Office Time:20261019T100000
SUMMARY:Weekly
END:VEVENT
BEGIN:VEVENT
UID:weekly@office.example
RECURRENCE-ID;TZID=Office Time:20261026T100000
DTSTART;TZID=Office Time:20261026T150000
DTEND;TZID=Office Time:20261026T160000
SUMMARY:Weekly (moved)
END:VEVENT
END:VCALENDAR
";

#[test]
fn a_custom_zone_applies_to_exdates_and_overrides_too() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let file = write(tmp.path(), "office.ics", CUSTOM_ZONE);
    let out = json(&worklog(&data, NOW, &["import", &file, "--json"]));
    assert_eq!(out["added_total"], 3, "{out}");
    assert_eq!(
        meetings(&data),
        vec![
            // Summer time (+02:00) until 25 October.
            row(&[
                "2026-10-12T08:00:00",
                "60",
                "Weekly",
                "20261012T080000Z",
                "confirmed"
            ]),
            // 19 October is excluded; 26 October moved to 15:00 winter time (+01:00).
            row(&[
                "2026-10-26T14:00:00",
                "60",
                "Weekly (moved)",
                "20261026T090000Z",
                "confirmed"
            ]),
            row(&[
                "2026-11-02T09:00:00",
                "60",
                "Weekly",
                "20261102T090000Z",
                "confirmed"
            ]),
        ]
    );
}

/// RDATE periods: each is an occurrence with its own end, as start/end or start/duration.
const PERIODS: &str = "BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//periods//EN
BEGIN:VEVENT
UID:workshop@corp.example
DTSTART:20261026T090000Z
DTEND:20261026T100000Z
RDATE;VALUE=PERIOD:20261027T130000Z/20261027T150000Z,20261028T080000Z/PT30M
RDATE;VALUE=PERIOD;TZID=Europe/Berlin:20261029T100000/20261029T113000
SUMMARY:Workshop
END:VEVENT
END:VCALENDAR
";

#[test]
fn rdate_periods_are_occurrences_with_their_own_end() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let file = write(tmp.path(), "periods.ics", PERIODS);
    let out = json(&worklog(&data, NOW, &["import", &file, "--json"]));
    assert_eq!(out["added_total"], 4, "{out}");
    assert_eq!(
        meetings(&data),
        vec![
            row(&[
                "2026-10-26T09:00:00",
                "60",
                "Workshop",
                "20261026T090000Z",
                "confirmed"
            ]),
            row(&[
                "2026-10-27T13:00:00",
                "120",
                "Workshop",
                "20261027T130000Z",
                "confirmed"
            ]),
            row(&[
                "2026-10-28T08:00:00",
                "30",
                "Workshop",
                "20261028T080000Z",
                "confirmed"
            ]),
            row(&[
                "2026-10-29T09:00:00",
                "90",
                "Workshop",
                "20261029T090000Z",
                "confirmed"
            ]),
        ]
    );
    let again = json(&worklog(&data, NOW, &["import", &file, "--json"]));
    assert_eq!(again["already_there_total"], 4, "{again}");
    assert_eq!(again["updated_total"], 0, "{again}");
    // A period that ends before it starts names the event.
    let bad = write(
        tmp.path(),
        "bad.ics",
        &PERIODS.replace(
            "20261028T080000Z/PT30M",
            "20261028T080000Z/20261028T070000Z",
        ),
    );
    let run = worklog(&data, NOW, &["import", &bad]);
    assert_ne!(run.code, 0);
    assert!(
        run.stderr.contains("workshop@corp.example") && run.stderr.contains("RDATE"),
        "{}",
        run.stderr
    );
}

/// A work calendar with a weekly sync (Mondays 12 October to 2 November) and a client call.
const WORK: &str = "BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//work//EN
X-WR-CALNAME:Work
BEGIN:VEVENT
UID:sync@corp.example
DTSTART:20261012T090000Z
DURATION:PT30M
RRULE:FREQ=WEEKLY;COUNT=4
SUMMARY:Sync
END:VEVENT
BEGIN:VEVENT
UID:client@corp.example
DTSTART:20261020T130000Z
DURATION:PT1H
SUMMARY:Client call
DESCRIPTION:From the calendar
END:VEVENT
BEGIN:VEVENT
UID:review@corp.example
DTSTART:20261021T130000Z
DURATION:PT1H
SUMMARY:Review
END:VEVENT
END:VCALENDAR
";

const HOME: &str = "BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//work//EN
X-WR-CALNAME:Home
BEGIN:VEVENT
UID:dentist@home.example
DTSTART:20261022T150000Z
DURATION:PT30M
SUMMARY:Dentist
END:VEVENT
END:VCALENDAR
";

fn drop_event(cal: &str, uid: &str) -> String {
    let start = cal.find(&format!("UID:{uid}")).unwrap();
    let begin = cal[..start].rfind("BEGIN:VEVENT").unwrap();
    let end = start + cal[start..].find("END:VEVENT\n").unwrap() + "END:VEVENT\n".len();
    format!("{}{}", &cal[..begin], &cal[end..])
}

#[test]
fn an_event_that_left_its_calendar_is_cancelled_within_the_window() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let work = write(tmp.path(), "work.ics", WORK);
    json(&worklog(&data, NOW, &["import", &work, "--json"]));
    // The user adds notes to the client call.
    let c = rusqlite::Connection::open(data.join("worklog.db")).unwrap();
    c.execute(
        "UPDATE meetings SET notes = 'my notes' WHERE title = 'Client call'",
        [],
    )
    .unwrap();
    drop(c);
    // Another calendar, which has none of Work's events, cancels none of them.
    let home = write(tmp.path(), "home.ics", HOME);
    let out = json(&worklog(&data, NOW, &["import", &home, "--json"]));
    assert_eq!(out["cancelled_total"], 0, "{out}");
    // Work without the client call and the sync, within a window from 20 October: a dry run
    // says so, and writes nothing.
    let fewer = drop_event(
        &drop_event(WORK, "client@corp.example"),
        "sync@corp.example",
    );
    std::fs::write(&work, fewer.replace('\n', "\r\n")).unwrap();
    let dry = worklog(
        &data,
        NOW,
        &["import", &work, "--from", "2026-10-20", "--dry-run"],
    );
    assert_eq!(dry.code, 0, "{}", dry.stderr);
    assert!(
        dry.stdout
            .contains("would cancel:  3 meetings (event no longer in the calendar)"),
        "{}",
        dry.stdout
    );
    assert_eq!(
        query(
            &data,
            "SELECT count(*) FROM calendar_events WHERE status = 'cancelled'"
        ),
        vec![row(&["0"])]
    );
    let out = json(&worklog(
        &data,
        NOW,
        &["import", &work, "--from", "2026-10-20", "--json"],
    ));
    assert_eq!(out["cancelled_total"], 3, "{out}");
    assert_eq!(out["already_there_total"], 1, "{out}");
    // Kept, with the user's notes; the two syncs before the window are left alone, and so is
    // the other calendar's event.
    assert_eq!(
        query(
            &data,
            "SELECT substr(m.starts_at, 1, 10), m.title, m.notes, e.status, m.deleted_at IS NULL
               FROM meetings m JOIN calendar_events e ON e.meeting_id = m.id ORDER BY m.starts_at"
        ),
        vec![
            row(&["2026-10-12", "Sync", "", "confirmed", "1"]),
            row(&["2026-10-19", "Sync", "", "confirmed", "1"]),
            row(&["2026-10-20", "Client call", "my notes", "cancelled", "1"]),
            row(&["2026-10-21", "Review", "", "confirmed", "1"]),
            row(&["2026-10-22", "Dentist", "", "confirmed", "1"]),
            row(&["2026-10-26", "Sync", "", "cancelled", "1"]),
            row(&["2026-11-02", "Sync", "", "cancelled", "1"]),
        ]
    );
    // Again: nothing more to cancel.
    let out = json(&worklog(
        &data,
        NOW,
        &["import", &work, "--from", "2026-10-20", "--json"],
    ));
    assert_eq!(out["cancelled_total"], 0, "{out}");
}

/// Which calendar a file is: `--calendar NAME` names it whatever the file is called; without
/// it, the same file (path) with the same X-WR-CALNAME and PRODID. A calendar on standard
/// input with no name cannot be told from another, so nothing is cancelled for leaving it.
#[test]
fn the_same_calendar_is_the_named_one_or_the_same_file() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let a = write(tmp.path(), "a.ics", WORK);
    json(&worklog(
        &data,
        NOW,
        &["import", &a, "--calendar", "team", "--json"],
    ));
    let fewer = drop_event(WORK, "review@corp.example");
    // Another file with the same X-WR-CALNAME is not the same calendar ...
    let b = write(tmp.path(), "b.ics", &fewer);
    let out = json(&worklog(&data, NOW, &["import", &b, "--json"]));
    assert_eq!(out["cancelled_total"], 0, "{out}");
    // ... unless it is given the same name.
    let out = json(&worklog(
        &data,
        NOW,
        &["import", &b, "--calendar", "team", "--json"],
    ));
    assert_eq!(out["cancelled_total"], 1, "{out}");
    // Standard input with no X-WR-CALNAME and no --calendar: no calendar to compare with.
    let other = tmp.path().join("other");
    let unnamed = WORK.replace("X-WR-CALNAME:Work\n", "");
    json(&worklog_with_input(
        &other,
        NOW,
        &["import", "-", "--json"],
        &unnamed,
    ));
    let run = worklog_with_input(
        &other,
        NOW,
        &["import", "-", "--json"],
        &drop_event(&unnamed, "review@corp.example"),
    );
    assert_eq!(json(&run)["cancelled_total"], 0, "{}", run.stdout);
    // An empty --calendar is refused.
    let run = worklog(&data, NOW, &["import", &a, "--calendar", " "]);
    assert_ne!(run.code, 0);
    assert!(run.stderr.contains("--calendar"), "{}", run.stderr);
}

/// The user (me@corp.example) with a colleague, and with a colleague and a client.
const DOMAINS: &str = "BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//domains//EN
BEGIN:VEVENT
UID:a@x
DTSTART:20261020T090000Z
DURATION:PT30M
SUMMARY:Planning
ORGANIZER;CN=Me:mailto:me@corp.example
ATTENDEE;CN=Ann:mailto:ann@corp.example
END:VEVENT
BEGIN:VEVENT
UID:b@x
DTSTART:20261021T090000Z
DURATION:PT30M
SUMMARY:Chat
ORGANIZER;CN=Me:mailto:me@corp.example
ATTENDEE;CN=Ann:mailto:ann@corp.example
ATTENDEE;CN=Bob:mailto:bob@client.example
END:VEVENT
END:VCALENDAR
";

#[test]
fn the_config_files_domain_is_the_users_own_unless_domain_is_given() {
    let tmp = tempfile::tempdir().unwrap();
    let file = write(tmp.path(), "d.ics", DOMAINS);
    let config = tmp.path().join("config.toml");
    std::fs::write(&config, "[calendar]\ndomain = \"client.example\"\n").unwrap();
    let cfg = config.to_str().unwrap();
    let kinds = |data: &Path| query(data, "SELECT title, kind FROM meetings ORDER BY title");
    // Guessed (the organizer of most events is at corp.example): Planning is a 1:1.
    let guessed = tmp.path().join("guessed");
    json(&worklog(&guessed, NOW, &["import", &file, "--json"]));
    assert_eq!(
        kinds(&guessed),
        vec![row(&["Chat", "external"]), row(&["Planning", "one_on_one"])]
    );
    // From the config file (the user works for the client): Ann is external.
    let configured = tmp.path().join("configured");
    json(&worklog_with_env(
        &configured,
        NOW,
        &["import", &file, "--json"],
        "",
        &[("WORKLOG_CONFIG", cfg)],
    ));
    assert_eq!(
        kinds(&configured),
        vec![row(&["Chat", "external"]), row(&["Planning", "external"])]
    );
    // --domain beats the file.
    let flagged = tmp.path().join("flagged");
    json(&worklog_with_env(
        &flagged,
        NOW,
        &["import", &file, "--json", "--domain", "corp.example"],
        "",
        &[("WORKLOG_CONFIG", cfg)],
    ));
    assert_eq!(kinds(&flagged), kinds(&guessed));
    // `config --print` shows it, and where it came from.
    let run = worklog_with_env(
        &flagged,
        NOW,
        &["config", "--print"],
        "",
        &[("WORKLOG_CONFIG", cfg)],
    );
    assert!(
        run.stdout.contains("calendar.domain client.example") && run.stdout.contains(cfg),
        "{}",
        run.stdout
    );
    // A bad domain in the file is a config error naming the line.
    std::fs::write(&config, "[calendar]\ndomain = \"not a domain\"\n").unwrap();
    let run = worklog_with_env(
        &flagged,
        NOW,
        &["import", &file, "--json"],
        "",
        &[("WORKLOG_CONFIG", cfg)],
    );
    assert_ne!(run.code, 0);
    assert!(run.stderr.contains("config.toml:2"), "{}", run.stderr);
    // And the config file's domain is not a calendar flag: another kind of file imports.
    let jrnl = write(tmp.path(), "j.json", r#"{"tags":{},"entries":[]}"#);
    std::fs::write(&config, "[calendar]\ndomain = \"client.example\"\n").unwrap();
    let run = worklog_with_env(
        &flagged,
        NOW,
        &["import", &jrnl],
        "",
        &[("WORKLOG_CONFIG", cfg)],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
}

/// Google Calendar's export of a daily series of three (America/Denver, 10:00 MST) whose second
/// occurrence was moved to 10:30 and renamed.
#[test]
fn a_real_google_series_with_a_moved_occurrence() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let out = json(&worklog(
        &data,
        "2026-02-09T12:00:00",
        &[
            "import",
            &fixture("google_series_with_exception.ics"),
            "--json",
        ],
    ));
    assert_eq!(out["added_total"], 3, "{out}");
    assert_eq!(
        meetings(&data),
        vec![
            row(&[
                "2026-02-10T17:00:00",
                "30",
                "TEST RECURR 3",
                "20260210T170000Z",
                "confirmed"
            ]),
            row(&[
                "2026-02-11T17:30:00",
                "30",
                "TEST RECURR 3 - MODIFIED",
                "20260211T170000Z",
                "confirmed"
            ]),
            row(&[
                "2026-02-12T17:00:00",
                "30",
                "TEST RECURR 3",
                "20260212T170000Z",
                "confirmed"
            ]),
        ]
    );
}

/// A VTIMEZONE that cannot be read fails the import only when an event is in that zone, and
/// then the error names the zone and the event.
#[test]
fn an_unreadable_zone_fails_only_the_calendars_that_use_it() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let broken = CUSTOM_ZONE.replace("TZOFFSETTO:+0200\n", "TZOFFSETTO:two hours\n");
    let unused = broken
        .replace("TZID=Office Time", "TZID=Europe/Berlin")
        .replace("Weekly (moved)", "Weekly moved");
    let file = write(tmp.path(), "unused.ics", &unused);
    let out = json(&worklog(&data, NOW, &["import", &file, "--json"]));
    assert_eq!(out["added_total"], 3, "{out}");
    let file = write(tmp.path(), "used.ics", &broken);
    let run = worklog(&data, NOW, &["import", &file]);
    assert_ne!(run.code, 0);
    assert!(
        run.stderr.contains("Office Time")
            && run.stderr.contains("two hours")
            && run.stderr.contains("weekly@office.example"),
        "{}",
        run.stderr
    );
}
