//! `worklog import FILE.ics` and `worklog export --format ics` (issue 15), on the real binary,
//! with real exports from Google Calendar and Outlook (tests/fixtures/ics/README.md) and
//! calendars written here for what those lack (a series across a DST change, with an
//! exception, a move and a cancellation). The binary runs in the UTC zone (tests/common/bin.rs).
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

mod common;
use common::bin::{worklog, worklog_with_input};

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

/// A weekly series in Berlin time across the end of summer time (25 Oct 2026), one week
/// excluded, one moved, with the user (me@corp.example) and a colleague.
const SERIES: &str = "BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//series//EN
BEGIN:VTIMEZONE
TZID:Europe/Berlin
BEGIN:DAYLIGHT
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
DTSTART:19700329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
DTSTART:19701025T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE
BEGIN:VEVENT
UID:sync-1@corp.example
DTSTART;TZID=Europe/Berlin:20261005T100000
DTEND;TZID=Europe/Berlin:20261005T103000
RRULE:FREQ=WEEKLY;COUNT=6
EXDATE;TZID=Europe/Berlin:20261012T100000
SUMMARY:Sync
LOCATION:Room 1
DESCRIPTION:Agenda\\nsecond line
ORGANIZER;CN=Me:mailto:me@corp.example
ATTENDEE;CN=Me:mailto:me@corp.example
ATTENDEE;CN=Inès Dubois:mailto:ines@corp.example
END:VEVENT
BEGIN:VEVENT
UID:sync-1@corp.example
RECURRENCE-ID;TZID=Europe/Berlin:20261019T100000
DTSTART;TZID=Europe/Berlin:20261019T140000
DTEND;TZID=Europe/Berlin:20261019T150000
SUMMARY:Sync (moved)
ORGANIZER;CN=Me:mailto:me@corp.example
ATTENDEE;CN=Inès Dubois:mailto:ines@corp.example
END:VEVENT
BEGIN:VEVENT
UID:client-1@corp.example
DTSTART:20261020T090000Z
DURATION:PT45M
SUMMARY:Client call
ORGANIZER;CN=Me:mailto:me@corp.example
ATTENDEE;CN=Bob Stone:mailto:bob@client.example
ATTENDEE;CN=Inès Dubois:mailto:ines@corp.example
END:VEVENT
BEGIN:VEVENT
UID:holiday@corp.example
DTSTART;VALUE=DATE:20261021
SUMMARY:Holiday
END:VEVENT
END:VCALENDAR
";

fn meetings(data: &Path) -> Vec<Vec<String>> {
    query(
        data,
        "SELECT m.starts_at, ifnull(m.duration_minutes, ''), m.title, m.kind, e.occurrence, e.status
           FROM meetings m JOIN calendar_events e ON e.meeting_id = m.id ORDER BY m.starts_at",
    )
}

fn row(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

#[test]
fn a_series_expands_across_dst_with_its_exception_and_override() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "cal.ics", SERIES);
    let data = dir.path().join("data");
    let run = worklog(&data, NOW, &["import", &file, "--json"]);
    let out = json(&run);
    assert_eq!(out["source"], "ics");
    assert_eq!(out["added_total"], 6, "{out}");
    assert_eq!(out["skipped"]["all-day event"], 1, "{out}");
    assert_eq!(
        meetings(&data),
        vec![
            // 10:00 Berlin is 08:00 UTC in summer time...
            row(&[
                "2026-10-05T08:00:00",
                "30",
                "Sync",
                "one_on_one",
                "20261005T080000Z",
                "confirmed"
            ]),
            // ...the 12th is excluded, the 19th moved to 14:00 (still keyed by its old start)...
            row(&[
                "2026-10-19T12:00:00",
                "60",
                "Sync (moved)",
                "one_on_one",
                "20261019T080000Z",
                "confirmed"
            ]),
            row(&[
                "2026-10-20T09:00:00",
                "45",
                "Client call",
                "external",
                "20261020T090000Z",
                "confirmed"
            ]),
            // ...and after 25 October 10:00 Berlin is 09:00 UTC.
            row(&[
                "2026-10-26T09:00:00",
                "30",
                "Sync",
                "one_on_one",
                "20261026T090000Z",
                "confirmed"
            ]),
            row(&[
                "2026-11-02T09:00:00",
                "30",
                "Sync",
                "one_on_one",
                "20261102T090000Z",
                "confirmed"
            ]),
            row(&[
                "2026-11-09T09:00:00",
                "30",
                "Sync",
                "one_on_one",
                "20261109T090000Z",
                "confirmed"
            ]),
        ]
    );
    // The user (on every event) is nobody's attendee; the others are people, with emails.
    assert_eq!(
        query(&data, "SELECT name, email FROM people ORDER BY name"),
        vec![
            row(&["Bob Stone", "bob@client.example"]),
            row(&["Inès Dubois", "ines@corp.example"])
        ]
    );
    assert_eq!(
        query(
            &data,
            "SELECT notes FROM meetings WHERE starts_at = '2026-10-05T08:00:00'"
        ),
        vec![row(&["Agenda\nsecond line"])]
    );
    // --all-day brings the holiday in; a narrower window leaves the rest out.
    let other = dir.path().join("other");
    let out = json(&worklog(
        &other,
        NOW,
        &[
            "import",
            &file,
            "--json",
            "--all-day",
            "--from",
            "2026-10-21",
            "--to",
            "2026-10-26",
        ],
    ));
    assert_eq!(out["added_total"], 2, "{out}");
    assert_eq!(
        query(
            &other,
            "SELECT starts_at, title FROM meetings ORDER BY starts_at"
        ),
        vec![
            row(&["2026-10-21T00:00:00", "Holiday"]),
            row(&["2026-10-26T09:00:00", "Sync"])
        ]
    );
}

#[test]
fn reimport_updates_without_touching_what_the_user_added_and_cancels_without_deleting() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let file = write(dir.path(), "cal.ics", SERIES);
    json(&worklog(&data, NOW, &["import", &file, "--json"]));
    // The same file again: nothing added, nothing updated.
    let again = json(&worklog(&data, NOW, &["import", &file, "--json"]));
    assert_eq!(
        (
            again["added_total"].clone(),
            again["updated_total"].clone(),
            again["already_there_total"].clone()
        ),
        (0.into(), 0.into(), 6.into()),
        "{again}"
    );
    // The user writes notes and an action item on the client call.
    let c = rusqlite::Connection::open(data.join("worklog.db")).unwrap();
    c.execute(
        "UPDATE meetings SET notes = 'my notes' WHERE title = 'Client call'",
        [],
    )
    .unwrap();
    c.execute(
        "INSERT INTO action_items (title, meeting_id, due_date)
         SELECT 'send the offer', id, '2026-10-23' FROM meetings WHERE title = 'Client call'",
        [],
    )
    .unwrap();
    drop(c);
    // The calendar renames and moves the call, and cancels the 26 October sync.
    let changed = SERIES
        .replace(
            "DTSTART:20261020T090000Z\nDURATION:PT45M\nSUMMARY:Client call",
            "DTSTART:20261020T090000Z\nDURATION:PT60M\nSUMMARY:Client call (offer)",
        )
        .replace(
            "END:VCALENDAR",
            "BEGIN:VEVENT\nUID:sync-1@corp.example\nRECURRENCE-ID;TZID=Europe/Berlin:20261026T100000\n\
             DTSTART;TZID=Europe/Berlin:20261026T100000\nSUMMARY:Sync\nSTATUS:CANCELLED\n\
             ORGANIZER;CN=Me:mailto:me@corp.example\nATTENDEE;CN=Inès Dubois:mailto:ines@corp.example\n\
             END:VEVENT\nEND:VCALENDAR",
        );
    let file2 = write(dir.path(), "cal2.ics", &changed);
    let dry = json(&worklog(
        &data,
        NOW,
        &["import", &file2, "--json", "--dry-run"],
    ));
    assert_eq!(dry["updated_total"], 1, "{dry}");
    assert_eq!(dry["cancelled_total"], 1, "{dry}");
    assert_eq!(dry["added_total"], 0, "{dry}");
    assert_eq!(
        query(
            &data,
            "SELECT count(*) FROM calendar_events WHERE status = 'cancelled'"
        ),
        vec![row(&["0"])]
    );
    let done = json(&worklog(&data, NOW, &["import", &file2, "--json"]));
    assert_eq!(done["updated_total"], 1, "{done}");
    assert_eq!(done["cancelled_total"], 1, "{done}");
    assert_eq!(
        query(
            &data,
            "SELECT m.title, m.duration_minutes, m.notes, a.title FROM meetings m
               JOIN action_items a ON a.meeting_id = m.id"
        ),
        vec![row(&[
            "Client call (offer)",
            "60",
            "my notes",
            "send the offer"
        ])]
    );
    assert_eq!(
        query(
            &data,
            "SELECT m.starts_at, e.status FROM meetings m JOIN calendar_events e ON e.meeting_id = m.id
              WHERE e.status = 'cancelled' AND m.deleted_at IS NULL"
        ),
        vec![row(&["2026-10-26T09:00:00", "cancelled"])]
    );
    assert_eq!(
        query(&data, "SELECT count(*) FROM meetings"),
        vec![row(&["6"])]
    );
}

#[test]
fn a_malformed_event_fails_the_whole_import_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let bad = SERIES.replace(
        "DTSTART:20261020T090000Z\nDURATION:PT45M",
        "DTSTART:20261020T250000Z\nDURATION:PT45M",
    );
    let file = write(dir.path(), "bad.ics", &bad);
    let run = worklog(&data, NOW, &["import", &file]);
    assert_ne!(run.code, 0);
    assert!(run.stderr.starts_with("worklog: "), "{}", run.stderr);
    assert!(
        run.stderr.contains("UID client-1@corp.example"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("\"Client call\""), "{}", run.stderr);
    // The third VEVENT begins on line 41 of the file.
    assert!(run.stderr.contains("line 41"), "{}", run.stderr);
    assert!(
        run.stderr.contains("nothing was imported"),
        "{}",
        run.stderr
    );
    assert_eq!(
        query(&data, "SELECT count(*) FROM meetings"),
        vec![row(&["0"])]
    );
}

#[test]
fn standard_input_and_detection_by_content() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let run = worklog_with_input(&data, NOW, &["import", "-", "--json"], SERIES);
    assert_eq!(json(&run)["added_total"], 6);
    let run = worklog_with_input(
        &data,
        NOW,
        &["import", "-", "--from", "ics", "--json"],
        SERIES,
    );
    assert_eq!(json(&run)["already_there_total"], 6);
}

#[test]
fn attendees_match_people_by_email_then_by_name_ignoring_accents() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    // Ines is known by name only; Bob by email, under another name.
    let r = worklog(
        &data,
        NOW,
        &["add", "meeting", "Intro", "--with", "Ines Dubois"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let c = rusqlite::Connection::open(data.join("worklog.db")).unwrap();
    c.execute(
        "INSERT INTO people (name, name_key, email) VALUES ('Robert Stone', 'robert stone', 'BOB@client.example')",
        [],
    )
    .unwrap();
    drop(c);
    let file = write(dir.path(), "cal.ics", SERIES);
    json(&worklog(&data, NOW, &["import", &file, "--json"]));
    assert_eq!(
        query(&data, "SELECT name, email FROM people ORDER BY id"),
        vec![
            row(&["Ines Dubois", "ines@corp.example"]),
            row(&["Robert Stone", "BOB@client.example"])
        ]
    );
}

#[test]
fn real_google_and_outlook_exports_import() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let now = "2024-10-10T12:00:00";
    let out = json(&worklog(
        &data,
        now,
        &["import", &fixture("google_alarm_future.ics"), "--json"],
    ));
    assert_eq!(out["added_total"], 1, "{out}");
    // Outlook names its zone the Windows way: "GMT Standard Time" is London, in summer time
    // on 4 October, so 18:30 there is 17:30 UTC.
    let out = json(&worklog(
        &data,
        now,
        &[
            "import",
            &fixture("outlook_alarm_in_future.ics"),
            "--json",
            "--from",
            "2024-06-01",
        ],
    ));
    assert_eq!(out["added_total"], 1, "{out}");
    // Two all-day series (the event and its edited copy under another UID), on 1 July only.
    assert_eq!(out["skipped"]["all-day event"], 2, "{out}");
    assert_eq!(
        query(
            &data,
            "SELECT starts_at, duration_minutes, title, kind FROM meetings ORDER BY starts_at"
        ),
        vec![
            row(&[
                "2024-10-04T17:30:00",
                "30",
                "outlook event with alarm",
                "other"
            ]),
            row(&["2024-10-04T18:15:00", "45", "event with alarms", "other"]),
        ]
    );
    // Outlook's all-day series, every other Monday from 1 July to 28 July, less 15 July.
    let other = dir.path().join("other");
    json(&worklog(
        &other,
        now,
        &[
            "import",
            &fixture("outlook_alarm_in_future.ics"),
            "--json",
            "--all-day",
            "--from",
            "2024-06-01",
        ],
    ));
    assert_eq!(
        query(
            &other,
            "SELECT DISTINCT substr(starts_at, 1, 10) FROM meetings WHERE title LIKE 'test123%' ORDER BY 1"
        ),
        vec![row(&["2024-07-01"])]
    );
}

#[test]
fn the_export_round_trips_and_carries_action_items_as_todos() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let file = write(dir.path(), "cal.ics", SERIES);
    json(&worklog(&data, NOW, &["import", &file, "--json"]));
    let r = worklog(
        &data,
        NOW,
        &[
            "add",
            "meeting",
            "Native",
            "chat",
            "--day",
            "2026-10-28",
            "--time",
            "10:00",
            "--with",
            "Ana",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let c = rusqlite::Connection::open(data.join("worklog.db")).unwrap();
    c.execute(
        "INSERT INTO action_items (title, meeting_id, due_date)
         SELECT 'send the offer', id, '2026-10-23' FROM meetings WHERE title = 'Client call'",
        [],
    )
    .unwrap();
    drop(c);
    let out = worklog(&data, NOW, &["export", "--format", "ics"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let ics = out.stdout.clone();
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"), "{ics}");
    assert!(ics.contains("BEGIN:VTODO\r\n"), "{ics}");
    assert!(ics.contains("DUE;VALUE=DATE:20261023\r\n"), "{ics}");
    assert!(
        ics.contains("RELATED-TO:client-1@corp.example\r\n"),
        "{ics}"
    );
    assert!(ics.contains("RECURRENCE-ID:20261019T080000Z\r\n"), "{ics}");
    // Importing it back into the same database changes nothing...
    let back = worklog_with_input(&data, NOW, &["import", "-", "--json"], &ics);
    let back = json(&back);
    assert_eq!(back["added_total"], 0, "{back}");
    assert_eq!(back["updated_total"], 0, "{back}");
    assert_eq!(back["already_there_total"], 7, "{back}");
    // ...and into an empty one makes the same calendar again.
    let fresh = dir.path().join("fresh");
    let first = json(&worklog_with_input(
        &fresh,
        NOW,
        &["import", "-", "--json"],
        &ics,
    ));
    assert_eq!(first["added_total"], 7, "{first}");
    let again = worklog(&fresh, NOW, &["export", "--format", "ics"]).stdout;
    let events = |s: &str| -> Vec<String> {
        s.split("BEGIN:VEVENT")
            .skip(1)
            .map(|e| e.split("END:VEVENT").next().unwrap().to_string())
            .collect()
    };
    assert_eq!(events(&again), events(&ics));
}

#[test]
fn calendar_flags_on_another_kind_of_file_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let file = write(dir.path(), "j.json", r#"{"tags":{},"entries":[]}"#);
    let run = worklog(&data, NOW, &["import", &file, "--to", "2026-01-01"]);
    assert_ne!(run.code, 0);
    assert!(
        run.stderr.contains("are for a calendar (.ics) import"),
        "{}",
        run.stderr
    );
    // A source name for --from is still a source.
    let run = worklog(&data, NOW, &["import", &file, "--from", "jrnl"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn a_ranged_json_export_of_calendar_meetings_imports_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let file = write(dir.path(), "cal.ics", SERIES);
    json(&worklog(&data, NOW, &["import", &file, "--json"]));
    let out = dir.path().join("part.json");
    let r = worklog(
        &data,
        NOW,
        &[
            "export",
            "--format",
            "json",
            "--from",
            "2026-10-20",
            "--to",
            "2026-10-20",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let text = std::fs::read_to_string(&out).unwrap();
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        doc["tables"]["calendar_events"].as_array().map(Vec::len),
        Some(1),
        "{}",
        doc["tables"]["calendar_events"]
    );
    let fresh = dir.path().join("fresh");
    let r = worklog(&fresh, NOW, &["import", out.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        query(&fresh, "SELECT count(*) FROM calendar_events"),
        vec![row(&["1"])]
    );
}

#[test]
fn an_occurrence_that_left_the_feed_is_cancelled_not_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let file = write(dir.path(), "cal.ics", SERIES);
    json(&worklog(&data, NOW, &["import", &file, "--json"]));
    // The organizer drops the 2 November meeting (an EXDATE) after the first import.
    let dropped = SERIES.replace(
        "EXDATE;TZID=Europe/Berlin:20261012T100000",
        "EXDATE;TZID=Europe/Berlin:20261012T100000,20261102T100000",
    );
    let file2 = write(dir.path(), "cal2.ics", &dropped);
    let out = json(&worklog(&data, NOW, &["import", &file2, "--json"]));
    assert_eq!(out["cancelled_total"], 1, "{out}");
    assert_eq!(out["added_total"], 0, "{out}");
    assert_eq!(
        query(
            &data,
            "SELECT m.starts_at FROM meetings m JOIN calendar_events e ON e.meeting_id = m.id
              WHERE e.status = 'cancelled' AND m.deleted_at IS NULL"
        ),
        vec![row(&["2026-11-02T09:00:00"])]
    );
    // Again: it stays cancelled, counted once.
    let out = json(&worklog(&data, NOW, &["import", &file2, "--json"]));
    assert_eq!(out["cancelled_total"], 0, "{out}");
    assert_eq!(out["updated_total"], 0, "{out}");
    // The organizer takes it back: the same meeting is confirmed again.
    let out = json(&worklog(&data, NOW, &["import", &file, "--json"]));
    assert_eq!(out["updated_total"], 1, "{out}");
    assert_eq!(out["added_total"], 0, "{out}");
    assert_eq!(
        query(
            &data,
            "SELECT count(*) FROM calendar_events WHERE status = 'cancelled'"
        ),
        vec![row(&["0"])]
    );
}

/// An event with no occurrence inside the window is counted as skipped, so a dry run of a
/// calendar whose events all lie outside it does not just say "nothing".
#[test]
fn events_outside_the_window_are_counted_as_skipped() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    // The Google export's one event is in October 2024; the default window is around NOW.
    let run = worklog(
        &data,
        NOW,
        &["import", &fixture("google_alarm_future.ics"), "--dry-run"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("1 out-of-window event"),
        "{}",
        run.stdout
    );
    let run = worklog(
        &data,
        NOW,
        &[
            "import",
            &fixture("google_alarm_future.ics"),
            "--dry-run",
            "--from",
            "2024-10-01",
            "--to",
            "2024-10-31",
        ],
    );
    assert!(!run.stdout.contains("out-of-window"), "{}", run.stdout);
    assert!(run.stdout.contains("1 meeting"), "{}", run.stdout);
}
