//! `worklog report` and `report::write_last_week` on a small, known record.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::bin::{terminal_safe, worklog};
use common::{at, day};

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::sync::Arc;
use worklog::clock::FixedClock;
use worklog::db::Repo;
use worklog::model::*;
use worklog::paths::DataDir;

const NOW: &str = "2026-11-22T18:00:00";

/// A week (Mon 2026-11-16 to Sun 2026-11-22) and a bit before it, written the way the app
/// would, with the clock moved to each moment.
fn fill(data: &Path) -> Repo {
    let clock = Arc::new(FixedClock::new(at("2026-11-01T09:00:00")));
    let r = worklog::launch::open(&DataDir::new(data), clock.clone()).unwrap();
    let person = |name: &str| r.find_or_add_person(name).unwrap().id;
    let (ana, ben) = (person("Ana Lima"), person("Ben"));

    let ship = r
        .add_goal(&GoalDraft {
            title: "Ship *v2* API".into(),
            ..GoalDraft::default()
        })
        .unwrap();
    let go = r
        .add_goal(&GoalDraft {
            title: "Learn Go".into(),
            ..GoalDraft::default()
        })
        .unwrap();
    let beta = r.add_milestone(ship.id, "Beta | out", None).unwrap();

    let rust = r
        .add_skill(&SkillDraft {
            name: "Rust".into(),
            ..SkillDraft::default()
        })
        .unwrap()
        .id;
    let sql = r
        .add_skill(&SkillDraft {
            name: "SQL".into(),
            ..SkillDraft::default()
        })
        .unwrap()
        .id;
    let golang = r
        .add_skill(&SkillDraft {
            name: "Go".into(),
            ..SkillDraft::default()
        })
        .unwrap()
        .id;
    r.record_skill_level(rust, 3, day("2026-11-01"), "")
        .unwrap();
    r.record_skill_level(golang, 2, day("2026-11-02"), "")
        .unwrap();

    let done = |on: &str, when: &str, title: &str, goal: Option<Id>| {
        let t = r
            .add_task(
                day(on),
                &TaskDraft {
                    title: title.into(),
                    goal_id: goal,
                    ..TaskDraft::default()
                },
            )
            .unwrap();
        clock.set(at(when));
        r.set_task_status(t.id, t.stamp.version, TaskStatus::Done)
            .unwrap();
    };
    done(
        "2026-11-10",
        "2026-11-10T17:00:00",
        "Last week's work",
        None,
    );
    done(
        "2026-11-17",
        "2026-11-17T10:00:00",
        "Write changelog",
        Some(ship.id),
    );
    done(
        "2026-11-18",
        "2026-11-18T11:00:00",
        "# Heading attempt\n- [x](javascript:alert(1)) \u{1b}[31mred",
        None,
    );
    done(
        "2026-11-19",
        "2026-11-19T15:00:00",
        "Read the Go tour",
        Some(go.id),
    );
    r.add_task(
        day("2026-11-20"),
        &TaskDraft {
            title: "Still open".into(),
            ..TaskDraft::default()
        },
    )
    .unwrap();

    clock.set(at("2026-11-18T12:00:00"));
    r.set_milestone_done(beta.id, beta.version, true).unwrap();
    clock.set(at("2026-11-20T16:00:00"));
    r.set_goal_status(go.id, go.stamp.version, GoalStatus::Done)
        .unwrap();

    r.add_learning(&LearningDraft {
        at: Some(at("2026-11-17T20:00:00")),
        title: "Lifetimes".into(),
        body: "The borrow\nchecker _is_ your friend".into(),
        starred: true,
        tags: vec!["rust".into()],
        ..LearningDraft::default()
    })
    .unwrap();
    r.add_learning(&LearningDraft {
        at: Some(at("2026-11-12T20:00:00")),
        title: "Before the week".into(),
        ..LearningDraft::default()
    })
    .unwrap();

    r.record_skill_level(rust, 4, day("2026-11-19"), "")
        .unwrap();
    r.record_skill_level(sql, 1, day("2026-11-20"), "").unwrap();
    r.record_skill_level(golang, 2, day("2026-11-18"), "")
        .unwrap();

    let fb = |direction, person_id, on: &str, kind, content: &str| {
        r.add_feedback(&FeedbackDraft {
            direction,
            person_id,
            day: day(on),
            kind,
            content: content.into(),
            meeting_id: None,
            tags: vec![],
        })
        .unwrap();
    };
    fb(
        Direction::Received,
        ana,
        "2026-11-18",
        FeedbackKind::Praise,
        "Great demo",
    );
    fb(
        Direction::Given,
        ben,
        "2026-11-19",
        FeedbackKind::Constructive,
        "Shorter PRs, please",
    );
    fb(
        Direction::Received,
        ben,
        "2026-11-05",
        FeedbackKind::Other,
        "Too early to show",
    );

    let sync = r
        .add_meeting(&MeetingDraft {
            starts_at: at("2026-11-17T10:00:00"),
            duration_minutes: Some(30),
            title: "Team sync".into(),
            kind: MeetingKind::Team,
            notes: String::new(),
            attendee_ids: vec![ana, ben],
            tags: vec![],
        })
        .unwrap();
    let item = r
        .add_action_item(&ActionItemDraft {
            title: "Send the slides".into(),
            source: ActionSource::Meeting(sync.id),
            owner_id: Some(ana),
            due_date: None,
        })
        .unwrap();
    clock.set(at("2026-11-18T09:00:00"));
    r.set_action_item_done(item.id, item.stamp.version, true)
        .unwrap();

    for (when, level) in [
        ("2026-11-10T09:00:00", 3),
        ("2026-11-12T09:00:00", 3),
        ("2026-11-16T09:00:00", 4),
        ("2026-11-17T09:00:00", 3),
        ("2026-11-20T09:00:00", 5),
    ] {
        r.add_checkin(&CheckinDraft {
            at: at(when),
            level,
            note: String::new(),
            tags: vec![],
        })
        .unwrap();
    }
    r
}

const EXPECTED: &str = "\
# Review 2026-11-16 to 2026-11-22

7 days, written by worklog.

## Focus

3 tasks completed.

### Learn Go

- Read the Go tour (2026-11-19)

### Ship \\*v2\\* API

- Write changelog (2026-11-17)

### Not linked to a goal

- \\# Heading attempt - \\[x\\](javascript:alert(1)) \\[31mred (2026-11-18)

## Goals and milestones reached

- Goal **Learn Go** (2026-11-20)
- Milestone **Beta \\| out** of Ship \\*v2\\* API (2026-11-18)

## Learnings

- 2026-11-17 **Lifetimes** ★: The borrow checker \\_is\\_ your friend (tags: rust)

## Skills that changed

- Rust: competent (3) → proficient (4)
- SQL: not assessed → novice (1)

## Feedback

### Received (1)

- 2026-11-18 from Ana Lima (praise): Great demo

### Given (1)

- 2026-11-19 to Ben (constructive): Shorter PRs, please

## Meetings

1 meeting held; 1 action item closed.

- 2026-11-17 10:00 Team sync (team, 30 min) with Ana Lima, Ben

Action items closed:

- Send the slides (Ana Lima) (2026-11-18)

## Energy

Average 4.0 from 3 check-ins; up 1.0 from 3.0 in the previous 7 days (2026-11-09 to 2026-11-15).

- Week of 2026-11-16: 4.0 (3 check-ins)
";

#[test]
fn report_on_a_known_week() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    drop(fill(&data));
    let run = worklog(
        &data,
        NOW,
        &["report", "--from", "2026-11-16", "--to", "2026-11-22"],
    )
    .ok();
    assert!(terminal_safe(&run.stdout));
    assert_eq!(run.stdout, EXPECTED);
    // --week is the 7 days ending today; so is no option at all.
    assert_eq!(
        worklog(&data, NOW, &["report", "--week"]).ok().stdout,
        EXPECTED
    );
    assert_eq!(worklog(&data, NOW, &["report"]).ok().stdout, EXPECTED);
    // Relative days work too: `mon` is Monday 2026-11-16.
    assert_eq!(
        worklog(&data, NOW, &["report", "--from", "mon"])
            .ok()
            .stdout,
        EXPECTED
    );

    let file = tmp.path().join("review.md");
    let run = worklog(
        &data,
        NOW,
        &["report", "--week", "--out", file.to_str().unwrap()],
    )
    .ok();
    assert_eq!(
        run.stdout,
        format!(
            "wrote the review of 2026-11-16 to 2026-11-22 to {}\n",
            file.display()
        )
    );
    assert_eq!(fs::read_to_string(&file).unwrap(), EXPECTED);
    assert_eq!(
        fs::metadata(&file).unwrap().permissions().mode() & 0o777,
        0o600
    );
}

#[test]
fn report_over_a_month_has_a_line_per_week() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    drop(fill(&data));
    let out = worklog(&data, NOW, &["report", "--month"]).ok().stdout;
    assert!(
        out.starts_with("# Review 2026-10-23 to 2026-11-22\n"),
        "{out}"
    );
    assert!(out.contains("4 tasks completed."), "{out}");
    assert!(out.contains(
        "Average 3.6 from 5 check-ins; no check-ins in the previous 31 days (2026-09-22 to 2026-10-22)."
    ), "{out}");
    for line in [
        "- Week of 2026-10-19: no check-ins\n",
        "- Week of 2026-10-26: no check-ins\n",
        "- Week of 2026-11-09: 3.0 (2 check-ins)\n",
        "- Week of 2026-11-16: 4.0 (3 check-ins)\n",
    ] {
        assert!(out.contains(line), "{line} missing in\n{out}");
    }
    assert!(out.contains("### Received (2)"), "{out}");
}

#[test]
fn an_empty_period_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    drop(fill(&data));
    let out = worklog(
        &data,
        NOW,
        &["report", "--from", "2025-01-01", "--to", "2025-01-07"],
    )
    .ok()
    .stdout;
    for line in [
        "No focus tasks completed.",
        "None reached.",
        "Nothing written in the journal.",
        "No skill levels changed.",
        "0 meetings held; 0 action items closed.",
        "No check-ins.",
    ] {
        assert!(out.contains(line), "{line} missing in\n{out}");
    }
}

#[test]
fn report_errors_are_one_line() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    for (args, expect) in [
        (
            &["report", "--from", "2026-11-22", "--to", "2026-11-01"][..],
            "worklog: --from (2026-11-22) is after --to (2026-11-01)\n",
        ),
        (
            &["report", "--to", "2026-11-01"][..],
            "worklog: --to 2026-11-01 needs --from, the first day of the report\n",
        ),
        (
            &["report", "--from", "whenever"][..],
            "worklog: --from must be today, yesterday, tomorrow, +N or -N days, a weekday or YYYY-MM-DD, got \"whenever\"\n",
        ),
    ] {
        assert_eq!(worklog(data, NOW, args).one_line_error(), expect);
    }
    let line = worklog(data, NOW, &["report", "--week", "--month"]).usage_error();
    assert!(line.contains("cannot be used with"), "{line}");
}

#[test]
fn write_last_week_for_the_today_pane() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let r = fill(&data);
    let dir = DataDir::new(&data);
    let path = worklog::report::write_last_week(&r, day("2026-11-22"), &dir).unwrap();
    assert_eq!(path, data.join("reports/review-2026-11-16-2026-11-22.md"));
    assert_eq!(fs::read_to_string(&path).unwrap(), EXPECTED);
    assert_eq!(
        fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o600
    );
    assert_eq!(
        fs::metadata(data.join("reports"))
            .unwrap()
            .permissions()
            .mode()
            & 0o777,
        0o700
    );
    // Written again, it is replaced.
    let again = worklog::report::write_last_week(&r, day("2026-11-22"), &dir).unwrap();
    assert_eq!(again, path);
    assert_eq!(fs::read_dir(data.join("reports")).unwrap().count(), 1);
}
