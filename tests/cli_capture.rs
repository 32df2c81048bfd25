//! Quick capture on the real binary: add task|learning|energy|feedback, done, today.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::bin::{terminal_safe, worklog, worklog_with_input};
use common::{at, day};

use std::path::Path;
use std::sync::Arc;
use worklog::clock::FixedClock;
use worklog::db::Repo;
use worklog::model::{
    ActionItemDraft, ActionSource, Direction, FeedbackKind, GoalDraft, MeetingDraft, MeetingKind,
    Priority, TaskDraft, TaskStatus,
};
use worklog::paths::DataDir;

const NOW: &str = "2026-11-18T09:30:00"; // a Wednesday

fn repo(data: &Path) -> Repo {
    let clock = Arc::new(FixedClock::new(at(NOW)));
    worklog::launch::open(&DataDir::new(data), clock).unwrap()
}

fn goal(data: &Path, title: &str) -> i64 {
    repo(data)
        .add_goal(&GoalDraft {
            title: title.into(),
            ..GoalDraft::default()
        })
        .unwrap()
        .id
}

#[test]
fn add_task_with_every_option() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    let ship = goal(data, "Ship the v2 API");
    goal(data, "Learn Go");

    let run = worklog(
        data,
        NOW,
        &[
            "add",
            "task",
            "Write",
            "the",
            "changelog",
            "--day",
            "yesterday",
            "--priority",
            "high",
            "--tag",
            "docs",
            "--tag",
            "#api",
            "--goal",
            "v2",
        ],
    )
    .ok();
    assert_eq!(run.stdout, "added task 1 for 2026-11-17\n");
    let t = repo(data).task(1).unwrap();
    assert_eq!(t.title, "Write the changelog");
    assert_eq!(t.day, day("2026-11-17"));
    assert_eq!(t.priority, Priority::HIGH);
    assert_eq!(t.tags, vec!["api", "docs"]);
    assert_eq!(t.goal_id, Some(ship));
    assert_eq!(t.status, TaskStatus::Todo);

    // Defaults: today, normal priority, no goal; the goal can be given by id.
    let run = worklog(data, NOW, &["add", "task", "Plain"]).ok();
    assert_eq!(run.stdout, "added task 2 for 2026-11-18\n");
    let run = worklog(
        data,
        NOW,
        &["add", "task", "By id", "--goal", &ship.to_string()],
    )
    .ok();
    assert_eq!(run.stdout, "added task 3 for 2026-11-18\n");
    // A title that is exactly one goal's wins over goals that merely contain it.
    let docs = goal(data, "Docs");
    goal(data, "Docs site");
    let run = worklog(data, NOW, &["add", "task", "Exact", "--goal", "DOCS"]).ok();
    assert_eq!(run.stdout, "added task 4 for 2026-11-18\n");
    let r = repo(data);
    assert_eq!(r.task(4).unwrap().goal_id, Some(docs));
    assert_eq!(r.task(2).unwrap().priority, Priority::NORMAL);
    assert_eq!(r.task(2).unwrap().goal_id, None);
    assert_eq!(r.task(3).unwrap().goal_id, Some(ship));
}

#[test]
fn a_tasks_weekday_is_the_coming_one() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    // NOW is Wednesday 2026-11-18. A task is planned, so a weekday looks ahead (feedback, which
    // has happened, looks back: see the feedback test).
    for (spec, expect) in [
        ("wed", "2026-11-25"),
        ("mon", "2026-11-23"),
        ("Tuesday", "2026-11-24"),
        ("thu", "2026-11-19"),
        ("sun", "2026-11-22"),
        ("+2", "2026-11-20"),
        ("tomorrow", "2026-11-19"),
        ("today", "2026-11-18"),
        ("2027-01-04", "2027-01-04"),
    ] {
        let run = worklog(data, NOW, &["add", "task", "x", "--day", spec]).ok();
        assert!(
            run.stdout.ends_with(&format!(" for {expect}\n")),
            "{spec}: {}",
            run.stdout
        );
    }
}

#[test]
fn capture_errors_are_one_line_and_write_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    goal(data, "Ship API v1");
    goal(data, "Ship API v2");
    let cases: &[(&[&str], &str)] = &[
        (
            &["add", "task", "x", "--day", "someday"],
            "worklog: --day must be today, yesterday, tomorrow, +N or -N days, a weekday or YYYY-MM-DD, got \"someday\"",
        ),
        (
            &["add", "task", "x", "--day", "2026-02-30"],
            "got \"2026-02-30\"",
        ),
        (
            &["add", "task", "x", "--priority", "urgent"],
            "worklog: --priority must be 1–3 or high/normal/low, got \"urgent\"",
        ),
        (&["add", "task", "x", "--priority", "4"], "got \"4\""),
        (
            &["add", "task", "x", "--goal", "Ship"],
            "worklog: --goal: \"Ship\" matches 2 goals: Ship API v1 (1), Ship API v2 (2); give the goal's id",
        ),
        (
            &["add", "task", "x", "--goal", "nothing like it"],
            "worklog: --goal: no goal matches \"nothing like it\"",
        ),
        (
            &["add", "task", "x", "--goal", "99"],
            "worklog: --goal: goal 99 does not exist",
        ),
        (
            &["add", "task", "x", "--tag", "two words"],
            "tag \"two words\"",
        ),
        (
            &["add", "task", " "],
            "worklog: task text must not be empty",
        ),
        (&["add", "task"], "required"),
        (
            &["add", "energy", "7"],
            "worklog: energy level must be 1–5, got \"7\"",
        ),
        (&["add", "energy", "0"], "got \"0\""),
        (&["add", "energy", "lots"], "got \"lots\""),
        (&["add", "feedback", "--person", "Ana", "Nice"], "required"),
        (
            &[
                "add",
                "feedback",
                "--given",
                "--received",
                "--person",
                "Ana",
                "Nice",
            ],
            "cannot be used with",
        ),
        (
            &[
                "add", "feedback", "--given", "--person", "Ana", "--kind", "rude", "x",
            ],
            "worklog: --kind must be praise, constructive, suggestion, recognition or other, got \"rude\"",
        ),
        (&["done", "99"], "worklog: task 99 does not exist"),
        (&["done", "abc"], "invalid value 'abc'"),
    ];
    for (args, expect) in cases {
        let run = worklog(data, NOW, args);
        // Usage errors (exit 2) keep clap's whole message; the others are one line.
        let line = if run.code == 2 {
            run.usage_error()
        } else {
            run.one_line_error()
        };
        assert!(line.contains(expect), "{args:?}: {line}");
    }
    let counts = repo(data).row_counts().unwrap();
    let get = |t: &str| counts.0.iter().find(|(n, _)| n == t).unwrap().1;
    assert_eq!(get("tasks"), 0);
    assert_eq!(get("energy_checkins"), 0);
    assert_eq!(get("feedback"), 0);
    assert_eq!(get("people"), 0);
}

#[test]
fn add_learning_reads_the_body_from_stdin() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    let run = worklog_with_input(
        data,
        NOW,
        &[
            "add",
            "learning",
            "WAL",
            "checkpoints",
            "--body",
            "-",
            "--tag",
            "sqlite",
            "--star",
        ],
        "First line.\n\nSecond paragraph.\n",
    )
    .ok();
    assert_eq!(run.stdout, "added journal entry 1 at 2026-11-18 09:30\n");
    let run = worklog(
        data,
        NOW,
        &["add", "learning", "Short one", "--body", "inline"],
    )
    .ok();
    assert_eq!(run.stdout, "added journal entry 2 at 2026-11-18 09:30\n");
    let r = repo(data);
    let l = r.learning(1).unwrap();
    assert_eq!(l.title, "WAL checkpoints");
    assert_eq!(l.body, "First line.\n\nSecond paragraph.");
    assert_eq!(l.tags, vec!["sqlite"]);
    assert!(l.starred);
    assert_eq!(r.learning(2).unwrap().body, "inline");
    assert!(!r.learning(2).unwrap().starred);
}

#[test]
fn add_energy_and_feedback() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    let run = worklog(data, NOW, &["add", "energy", "4", "--note", "after coffee"]).ok();
    assert_eq!(
        run.stdout,
        "added check-in 1: energy 4 at 2026-11-18 09:30\n"
    );
    let c = repo(data).checkin(1).unwrap();
    assert_eq!((c.level, c.note.as_str()), (4, "after coffee"));
    assert_eq!(c.at, at(NOW));

    let run = worklog(
        data,
        NOW,
        &[
            "add",
            "feedback",
            "--received",
            "--person",
            "Ana Lima",
            "Great",
            "demo",
            "--kind",
            "praise",
        ],
    )
    .ok();
    assert_eq!(
        run.stdout,
        "added feedback 1 (received from Ana Lima) for 2026-11-18\n"
    );
    // The same person, found by name ignoring case; a day can be given.
    let run = worklog(
        data,
        NOW,
        &[
            "add",
            "feedback",
            "--given",
            "--person",
            "ana lima",
            "--day",
            "mon",
            "Thanks for the review",
        ],
    )
    .ok();
    assert_eq!(
        run.stdout,
        "added feedback 2 (given to Ana Lima) for 2026-11-16\n\
         using the existing person Ana Lima for \"ana lima\"\n"
    );
    let r = repo(data);
    assert_eq!(r.people(None).unwrap().len(), 1);
    let f1 = r.feedback_item(1).unwrap();
    assert_eq!(f1.direction, Direction::Received);
    assert_eq!(f1.kind, FeedbackKind::Praise);
    assert_eq!(f1.content, "Great demo");
    let f2 = r.feedback_item(2).unwrap();
    assert_eq!(f2.direction, Direction::Given);
    assert_eq!(f2.kind, FeedbackKind::Other);
    assert_eq!(f2.day, day("2026-11-16"));
    assert_eq!(f2.person.id, f1.person.id);
}

#[test]
fn done_marks_tasks_and_is_all_or_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    worklog(data, NOW, &["add", "task", "One"]).ok();
    worklog(data, NOW, &["add", "task", "Two"]).ok();
    let run = worklog(data, "2026-11-18T11:00:00", &["done", "1"]).ok();
    assert_eq!(run.stdout, "done: task 1 One\n");
    let t = repo(data).task(1).unwrap();
    assert_eq!(t.status, TaskStatus::Done);
    assert_eq!(t.done_at, Some(at("2026-11-18T11:00:00")));
    let run = worklog(data, NOW, &["done", "1"]).ok();
    assert_eq!(run.stdout, "task 1 was already done: One\n");
    // One unknown id: nothing changes.
    let line = worklog(data, NOW, &["done", "2", "42"]).one_line_error();
    assert_eq!(line, "worklog: task 42 does not exist\n");
    assert_eq!(repo(data).task(2).unwrap().status, TaskStatus::Todo);
}

#[test]
fn today_shows_the_day_at_a_glance() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    let r = repo(data);
    let t1 = r
        .add_task(
            day("2026-11-18"),
            &TaskDraft {
                title: "Review PR \u{1b}[2J evil".into(),
                priority: Priority::HIGH,
                tags: vec!["work".into()],
                ..TaskDraft::default()
            },
        )
        .unwrap();
    let t2 = r
        .add_task(
            day("2026-11-18"),
            &TaskDraft {
                title: "Call the bank".into(),
                ..TaskDraft::default()
            },
        )
        .unwrap();
    r.set_task_status(t2.id, t2.stamp.version, TaskStatus::Done)
        .unwrap();
    r.add_task(
        day("2026-11-16"),
        &TaskDraft {
            title: "Left over".into(),
            ..TaskDraft::default()
        },
    )
    .unwrap();
    let m = r
        .add_meeting(&MeetingDraft {
            starts_at: at("2026-11-18T10:00:00"),
            duration_minutes: Some(30),
            title: "Team sync".into(),
            kind: MeetingKind::Team,
            notes: String::new(),
            attendee_ids: vec![],
            tags: vec![],
        })
        .unwrap();
    r.add_action_item(&ActionItemDraft {
        title: "Send slides".into(),
        source: ActionSource::Meeting(m.id),
        owner_id: None,
        due_date: Some(day("2026-11-17")),
    })
    .unwrap();
    drop(r);
    worklog(data, "2026-11-18T08:00:00", &["add", "energy", "3"]).ok();
    worklog(data, "2026-11-18T09:00:00", &["add", "energy", "4"]).ok();

    let run = worklog(data, NOW, &["today"]).ok();
    assert!(terminal_safe(&run.stdout), "{:?}", run.stdout);
    let expected = format!(
        "Wednesday 2026-11-18\n\
         Focus: 1 of 2 done\n  \
         [ ] {:>4}  Review PR ␛[2J evil  !high #work\n  \
         [x] {:>4}  Call the bank\n  \
         (1 still open from earlier days)\n\
         Energy: 3 at 08:00, 4 at 09:00\n\
         Meetings:\n  \
         10:00  Team sync (30 min)\n\
         Open action items: 1\n  \
         {:>4}  Send slides (overdue, due 2026-11-17)\n",
        t1.id, t2.id, 1
    );
    assert_eq!(run.stdout, expected);
    assert!(run.stdout.lines().count() <= 12);

    let run = worklog(data, NOW, &["today", "--json"]).ok();
    assert!(terminal_safe(&run.stdout), "{:?}", run.stdout);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v["day"], "2026-11-18");
    assert_eq!(v["tasks"].as_array().unwrap().len(), 2);
    assert_eq!(v["tasks"][0]["title"], "Review PR \u{1b}[2J evil");
    assert_eq!(v["tasks"][0]["status"], "todo");
    assert_eq!(v["tasks"][1]["status"], "done");
    assert_eq!(v["open_from_earlier"], 1);
    assert_eq!(v["checkins"][0]["level"], 3);
    assert_eq!(v["meetings"][0]["title"], "Team sync");
    assert_eq!(v["open_action_items"][0]["title"], "Send slides");
}

#[test]
fn today_on_an_empty_day() {
    let tmp = tempfile::tempdir().unwrap();
    let run = worklog(tmp.path(), NOW, &["today"]).ok();
    assert_eq!(run.stdout, "Wednesday 2026-11-18\nFocus: nothing planned\n");
}

/// Line and paragraph separators, bidi marks, zero-width space and BOM never reach a terminal
/// from `today` or `search`: they show as placeholders, as control characters do.
#[test]
fn invisible_and_line_breaking_characters_are_shown_not_sent() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let title = "one\u{2028}two\u{2029}three \u{200e}l\u{200f}r\u{061c}a \u{200b}z\u{feff}b";
    worklog(&data, "2026-11-22T09:00:00", &["add", "task", title]).ok();
    for args in [
        vec!["today"],
        vec!["search", "three"],
        vec!["search", "one"],
    ] {
        let out = worklog(&data, "2026-11-22T09:30:00", &args).ok().stdout;
        assert!(
            !out.chars().any(|c| matches!(
                c,
                '\u{2028}'
                    | '\u{2029}'
                    | '\u{200e}'
                    | '\u{200f}'
                    | '\u{061c}'
                    | '\u{200b}'
                    | '\u{feff}'
            )),
            "{args:?}: {out:?}"
        );
        assert!(out.contains("⏎two¶"), "{args:?}: {out}");
    }
}

/// `today` lists the first open action items and counts the rest, rather than loading every
/// item years of meetings left open.
#[test]
fn today_lists_the_first_open_action_items_and_counts_them_all() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    let r = repo(data);
    let n = worklog::capture::TODAY_ACTIONS + 7;
    r.in_transaction(|r| {
        for i in 0..n {
            r.add_action_item(&ActionItemDraft {
                title: format!("item {i}"),
                source: ActionSource::None,
                owner_id: None,
                due_date: None,
            })?;
        }
        Ok(())
    })
    .unwrap();
    r.add_task(
        day("2026-11-17"),
        &TaskDraft {
            title: "Left over".into(),
            ..TaskDraft::default()
        },
    )
    .unwrap();
    drop(r);
    let run = worklog(data, NOW, &["today", "--json"]).ok();
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(
        v["open_action_items"].as_array().unwrap().len(),
        worklog::capture::TODAY_ACTIONS
    );
    assert_eq!(v["open_action_items_total"], n);
    assert_eq!(v["open_action_items"][0]["title"], "item 0");
    assert_eq!(v["open_from_earlier"], 1);
    let run = worklog(data, NOW, &["today"]).ok();
    assert!(
        run.stdout.contains(&format!("Open action items: {n}\n")),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(&format!("  … and {} more\n", n - 5)),
        "{}",
        run.stdout
    );
}
