//! `worklog add` for every kind on the real binary: meetings with attendees, goals under a
//! parent, skills and their assessments, action items, and a task's estimate, notes and
//! one-line quick syntax. Each is read back from the database.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::bin::{terminal_safe, worklog};
use common::{at, day};

use std::path::Path;
use worklog::db::Repo;
use worklog::model::{ActionSource, MeetingKind, PersonDraft, Priority};

const NOW: &str = "2026-11-18T09:30:00"; // a Wednesday

fn repo(data: &Path) -> Repo {
    common::open_as_the_binary(data, NOW)
}

on_both_backends! {
#[test]
fn quick_syntax_sets_day_priority_estimate_and_tags_and_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    let run = worklog(
        data,
        NOW,
        &["add", "task", "Call the bank tomorrow !high #home ~30m"],
    )
    .ok();
    assert_eq!(
        run.stdout,
        "added task 1 for 2026-11-19\nunderstood: title \"Call the bank\", day tomorrow \
         (Thu 2026-11-19), priority high, estimate 30 min, tag #home\n"
    );
    let t = repo(data).task(1).unwrap();
    assert_eq!(t.title, "Call the bank");
    assert_eq!(t.day, day("2026-11-19"));
    assert_eq!(t.priority, Priority::HIGH);
    assert_eq!(t.estimate_minutes, Some(30));
    assert_eq!(t.tags, ["home"]);

    // Plain words stay; nothing understood, nothing said about it.
    let run = worklog(data, NOW, &["add", "task", "Read", "chapter", "3"]).ok();
    assert_eq!(run.stdout, "added task 2 for 2026-11-18\n");
    assert_eq!(repo(data).task(2).unwrap().title, "Read chapter 3");

    // --literal keeps the markers in the title.
    worklog(data, NOW, &["add", "task", "--literal", "Fix #12 tomorrow"]).ok();
    let t = repo(data).task(3).unwrap();
    assert_eq!(
        (t.title.as_str(), t.day),
        ("Fix #12 tomorrow", day("2026-11-18"))
    );

    // Twice the same thing is an error, and nothing is added.
    let err = worklog(data, NOW, &["add", "task", "X !low", "--priority", "high"]).one_line_error();
    assert!(err.contains("priority is given twice"), "{err}");
    let err = worklog(data, NOW, &["add", "task", "#only", "!high"]).one_line_error();
    assert!(err.contains("must not be empty"), "{err}");
    assert!(repo(data).task(4).is_err());
}

#[test]
fn add_task_takes_an_estimate_and_notes() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    worklog(
        data,
        NOW,
        &[
            "add",
            "task",
            "Write report",
            "--estimate",
            "1h30",
            "--notes",
            "see \x1b[2J the brief",
        ],
    )
    .ok();
    let t = repo(data).task(1).unwrap();
    assert_eq!(t.estimate_minutes, Some(90));
    assert_eq!(t.notes, "see \x1b[2J the brief");
    let err = worklog(data, NOW, &["add", "task", "X", "--estimate", "soon"]).one_line_error();
    assert!(
        err.starts_with("worklog: --estimate must be minutes"),
        "{err}"
    );
}

#[test]
fn add_meeting_with_attendees_found_or_added() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    repo(data)
        .add_person(&PersonDraft {
            name: "Inès Dubois".into(),
            ..PersonDraft::default()
        })
        .unwrap();
    let run = worklog(
        data,
        NOW,
        &[
            "add",
            "meeting",
            "Weekly",
            "sync",
            "--day",
            "fri",
            "--time",
            "10:00",
            "--duration",
            "45",
            "--kind",
            "1:1",
            "--with",
            "ines dubois",
            "--with",
            "Bo \x1b[31m",
            "--tag",
            "team",
        ],
    )
    .ok();
    assert!(terminal_safe(&run.stdout));
    assert_eq!(
        run.stdout,
        "added meeting 1 at 2026-11-20 10:00 with Bo ␛[31m, Inès Dubois\n\
         using the existing person Inès Dubois for \"ines dubois\"\n"
    );
    let m = repo(data).meeting(1).unwrap();
    assert_eq!(m.starts_at, at("2026-11-20T10:00:00"));
    assert_eq!(m.duration_minutes, Some(45));
    assert_eq!(m.kind, MeetingKind::OneOnOne);
    assert_eq!(m.tags, ["team"]);
    assert_eq!(m.attendees.len(), 2);
    assert_eq!(repo(data).people(None).unwrap().len(), 2);

    let err = worklog(data, NOW, &["add", "meeting", "X", "--time", "25:00"]).one_line_error();
    assert!(err.contains("--time must be HH:MM"), "{err}");
    let err = worklog(data, NOW, &["add", "meeting", "X", "--kind", "party"]).one_line_error();
    assert!(err.contains("--kind must be one of 1:1, team"), "{err}");
}

#[test]
fn add_goal_under_a_parent() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    worklog(data, NOW, &["add", "goal", "Grow as a lead"]).ok();
    let run = worklog(
        data,
        NOW,
        &[
            "add",
            "goal",
            "Run",
            "the",
            "offsite",
            "--parent",
            "lead",
            "--target",
            "2026-12-15",
        ],
    )
    .ok();
    assert_eq!(run.stdout, "added goal 2 under goal 1, target 2026-12-15\n");
    let g = repo(data).goal(2).unwrap();
    assert_eq!(g.parent_id, Some(1));
    assert_eq!(g.target_date, Some(day("2026-12-15")));
    let err = worklog(data, NOW, &["add", "goal", "X", "--parent", "nothing"]).one_line_error();
    assert!(err.contains("--parent: no goal matches"), "{err}");
}

#[test]
fn add_skill_and_an_assessment_by_name() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    let run = worklog(
        data,
        NOW,
        &[
            "add",
            "skill",
            "Rust",
            "--category",
            "languages",
            "--target",
            "4",
        ],
    )
    .ok();
    assert_eq!(run.stdout, "added skill 1: Rust\n");
    let run = worklog(
        data,
        NOW,
        &[
            "add",
            "assessment",
            "rust",
            "3",
            "--day",
            "mon",
            "--note",
            "wrote a macro",
        ],
    )
    .ok();
    assert!(
        run.stdout.starts_with("recorded Rust at level 3 ("),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.ends_with(") on 2026-11-16 (assessment 1)\n"),
        "{}",
        run.stdout
    );
    let h = repo(data).skill_history(1).unwrap();
    assert_eq!((h[0].level, h[0].assessed_on), (3, day("2026-11-16")));
    assert_eq!(h[0].note, "wrote a macro");

    let err = worklog(data, NOW, &["add", "assessment", "Go", "2"]).one_line_error();
    assert!(
        err.contains("no skill matches \"Go\"; worklog add skill adds one"),
        "{err}"
    );
    let err = worklog(data, NOW, &["add", "assessment", "Rust", "7"]).one_line_error();
    assert!(err.contains("skill level must be 0–5"), "{err}");
    assert_eq!(repo(data).skill_history(1).unwrap().len(), 1);
}

#[test]
fn add_action_item_from_a_meeting_with_an_owner() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    worklog(data, NOW, &["add", "meeting", "Retro", "--time", "09:00"]).ok();
    let run = worklog(
        data,
        NOW,
        &[
            "add",
            "action-item",
            "Send",
            "notes",
            "--meeting",
            "1",
            "--owner",
            "Ana",
            "--due",
            "fri",
        ],
    )
    .ok();
    assert_eq!(
        run.stdout,
        "added action item 1 from meeting 1 for Ana, due 2026-11-20\n"
    );
    let a = repo(data).action_item(1).unwrap();
    assert_eq!(a.source, ActionSource::Meeting(1));
    assert_eq!(a.owner.unwrap().name, "Ana");
    // On its own, owned by you.
    let run = worklog(data, NOW, &["add", "action", "Book a room"]).ok();
    assert_eq!(run.stdout, "added action item 2\n");
    let err = worklog(data, NOW, &["add", "action-item", "X", "--meeting", "9"]).one_line_error();
    assert!(err.contains("meeting 9 does not exist"), "{err}");
}
}
