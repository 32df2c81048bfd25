//! `worklog edit KIND ID` on the real binary, with scripted editors (small shell scripts as
//! `EDITOR` that rewrite the file): the document's format, a save, a mistake reopening the
//! editor with the error at the top, a stale version detected and the edit kept, cancelling,
//! and every kind read back after an edit.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::at;
use common::bin::{Run, worklog, worklog_with_env};

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use worklog::db::Repo;
use worklog::model::*;

const NOW: &str = "2026-11-18T09:30:00";

fn repo(data: &Path) -> Repo {
    common::open_as_the_binary(data, NOW)
}

/// Writes an executable script `name` in `dir` with `body` (the file to edit is `$1`).
fn script(dir: &Path, name: &str, body: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, format!("#!/bin/sh\nset -e\n{body}\n")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

fn edit(data: &Path, editor: &Path, kind: &str, id: i64) -> Run {
    worklog_with_env(
        data,
        NOW,
        &["edit", kind, &id.to_string()],
        "",
        &[
            ("EDITOR", editor.to_str().unwrap()),
            ("WORKLOG_BIN", env!("CARGO_BIN_EXE_worklog")),
        ],
    )
}

fn task(data: &Path) -> i64 {
    repo(data)
        .add_task(
            common::day("2026-11-18"),
            &TaskDraft {
                title: "Call the bank".into(),
                notes: "# not a comment\nask about fees".into(),
                tags: vec!["home".into()],
                ..TaskDraft::default()
            },
        )
        .unwrap()
        .id
}

on_both_backends! {
#[test]
fn the_document_shows_fields_and_body_and_a_save_writes_them() {
    let tmp = tempfile::tempdir().unwrap();
    let (data, dir) = (tmp.path().join("data"), tmp.path());
    let id = task(&data);
    let seen = dir.join("seen.txt");
    let editor = script(
        dir,
        "ed.sh",
        &format!(
            "cp \"$1\" {seen:?}\n\
             sed -i -e 's/^title: .*/title: Call the bank about fees/' -e 's/^priority: .*/priority: high/' \
             -e 's/^status: .*/status: done/' -e 's/^tags: .*/tags: home, #money/' \
             -e 's/^estimate:.*/estimate: 1h/' \"$1\"\n\
             echo 'and the card' >> \"$1\""
        ),
    );
    let run = edit(&data, &editor, "task", id).ok();
    let seen = std::fs::read_to_string(&seen).unwrap();
    assert!(seen.starts_with("# worklog: task 1, version 1."), "{seen}");
    assert!(
        seen.contains(
            "\ntitle: Call the bank\nstatus: todo\npriority: normal\nestimate:\ngoal:\ntags: home\n---\n# not a comment\nask about fees\n"
        ),
        "{seen}"
    );
    assert!(seen.contains("# day: 2026-11-18"), "{seen}");
    assert_eq!(run.stdout, "saved task 1 (version 3)\n");
    let t = repo(&data).task(id).unwrap();
    assert_eq!(t.title, "Call the bank about fees");
    assert_eq!(t.priority, Priority::HIGH);
    assert_eq!(t.status, TaskStatus::Done);
    assert_eq!(t.estimate_minutes, Some(60));
    assert_eq!(t.tags, ["home", "money"]);
    assert_eq!(t.notes, "# not a comment\nask about fees\nand the card");
}

#[test]
fn a_mistake_reopens_the_editor_with_the_error_at_the_top() {
    let tmp = tempfile::tempdir().unwrap();
    let (data, dir) = (tmp.path().join("data"), tmp.path());
    let id = task(&data);
    let second = dir.join("second.txt");
    // First time: a bad priority. Second time: copy what it was shown, and fix it.
    let editor = script(
        dir,
        "ed.sh",
        &format!(
            "if [ ! -e {c:?} ]; then touch {c:?}; sed -i 's/^priority: .*/priority: urgent/' \"$1\"; \
             else cp \"$1\" {second:?}; sed -i 's/^priority: .*/priority: low/' \"$1\"; fi",
            c = dir.join("count")
        ),
    );
    let run = edit(&data, &editor, "task", id).ok();
    assert_eq!(run.stdout, "saved task 1 (version 2)\n");
    let shown = std::fs::read_to_string(&second).unwrap();
    assert!(
        shown.starts_with("# error: priority must be 1–3 or high/normal/low"),
        "{shown}"
    );
    assert!(shown.contains("\npriority: urgent\n"), "{shown}");
    assert_eq!(repo(&data).task(id).unwrap().priority, Priority::LOW);
}

#[test]
fn a_mistake_saved_again_unchanged_gives_up_and_keeps_the_edit() {
    let tmp = tempfile::tempdir().unwrap();
    let (data, dir) = (tmp.path().join("data"), tmp.path());
    let id = task(&data);
    // Always the same unknown field (the second time the file already has it: a no-op).
    let editor = script(
        dir,
        "ed.sh",
        "grep -q '^colour:' \"$1\" || sed -i '1i colour: red' \"$1\"",
    );
    let run = edit(&data, &editor, "task", id);
    let err = run.one_line_error();
    assert!(
        err.starts_with("worklog: task 1: line 1: unknown field \"colour\""),
        "{err}"
    );
    let kept = err.trim_end().rsplit(' ').next().unwrap();
    let text = std::fs::read_to_string(kept).unwrap();
    assert!(text.contains("colour: red"), "{text}");
    std::fs::remove_file(kept).unwrap();
    assert_eq!(repo(&data).task(id).unwrap().stamp.version, 1);
}

#[test]
fn a_row_changed_meanwhile_is_not_overwritten() {
    let tmp = tempfile::tempdir().unwrap();
    let (data, dir) = (tmp.path().join("data"), tmp.path());
    let id = task(&data);
    // While the editor is open, another command marks the task done.
    let editor = script(
        dir,
        "ed.sh",
        "\"$WORKLOG_BIN\" done 1 > /dev/null\nsed -i 's/^title: .*/title: Mine/' \"$1\"",
    );
    let err = edit(&data, &editor, "task", id).one_line_error();
    assert!(
        err.starts_with(
            "worklog: task 1 was changed by another session since you opened it (yours: v1, now: v2)"
        ),
        "{err}"
    );
    assert!(err.contains("worklog edit task 1` starts again"), "{err}");
    let kept = err.trim_end().rsplit(' ').next().unwrap();
    assert!(
        std::fs::read_to_string(kept)
            .unwrap()
            .contains("title: Mine")
    );
    std::fs::remove_file(kept).unwrap();
    let t = repo(&data).task(id).unwrap();
    assert_eq!(
        (t.title.as_str(), t.status),
        ("Call the bank", TaskStatus::Done)
    );
}

#[test]
fn an_empty_or_unchanged_file_cancels_and_a_failing_editor_saves_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let (data, dir) = (tmp.path().join("data"), tmp.path());
    let id = task(&data);
    let run = edit(&data, &script(dir, "empty.sh", ": > \"$1\""), "task", id).ok();
    assert_eq!(
        run.stdout,
        "cancelled: the file was empty; nothing was saved\n"
    );
    let run = edit(&data, &script(dir, "same.sh", "true"), "task", id).ok();
    assert_eq!(run.stdout, "no change; nothing was saved\n");
    let err = edit(
        &data,
        &script(
            dir,
            "fail.sh",
            "sed -i 's/^title: .*/title: X/' \"$1\"; exit 3",
        ),
        "task",
        id,
    )
    .one_line_error();
    assert!(
        err.contains("failed (exit status: 3); nothing was saved; your edit is kept in"),
        "{err}"
    );
    std::fs::remove_file(err.trim_end().rsplit(' ').next().unwrap()).unwrap();
    assert_eq!(repo(&data).task(id).unwrap().stamp.version, 1);
    let err = worklog(&data, NOW, &["edit", "task", "99"]).one_line_error();
    assert_eq!(err, "worklog: task 99 does not exist\n");
}

#[test]
fn every_kind_can_be_edited() {
    let tmp = tempfile::tempdir().unwrap();
    let (data, dir) = (tmp.path().join("data"), tmp.path());
    let r = repo(&data);
    let ana = r
        .add_person(&PersonDraft {
            name: "Ana".into(),
            ..PersonDraft::default()
        })
        .unwrap()
        .id;
    let learning = r
        .add_learning(&LearningDraft {
            title: "WAL".into(),
            body: "old".into(),
            ..LearningDraft::default()
        })
        .unwrap()
        .id;
    let skill = r
        .add_skill(&SkillDraft {
            name: "Rust".into(),
            ..SkillDraft::default()
        })
        .unwrap()
        .id;
    let meeting = r
        .add_meeting(&MeetingDraft {
            starts_at: at("2026-11-18T10:00:00"),
            duration_minutes: None,
            title: "Sync".into(),
            kind: MeetingKind::Team,
            notes: String::new(),
            attendee_ids: vec![ana],
            tags: vec![],
        })
        .unwrap()
        .id;
    let action = r
        .add_action_item(&ActionItemDraft {
            title: "Send notes".into(),
            source: ActionSource::Meeting(meeting),
            owner_id: None,
            due_date: None,
        })
        .unwrap()
        .id;
    let goal = r
        .add_goal(&GoalDraft {
            title: "Grow".into(),
            ..GoalDraft::default()
        })
        .unwrap()
        .id;
    let feedback = r
        .add_feedback(&FeedbackDraft {
            direction: Direction::Received,
            person_id: ana,
            day: common::day("2026-11-17"),
            kind: FeedbackKind::Other,
            content: "Nice".into(),
            meeting_id: None,
            tags: vec![],
        })
        .unwrap()
        .id;
    let checkin = r
        .add_checkin(&CheckinDraft {
            at: at("2026-11-18T08:00:07"),
            level: 3,
            note: String::new(),
            tags: vec![],
        })
        .unwrap()
        .id;
    drop(r);
    let sed = |name: &str, expr: &str| script(dir, name, &format!("sed -i {expr} \"$1\""));
    let cases: Vec<(&str, i64, PathBuf)> = vec![
        (
            "learning",
            learning,
            sed(
                "l.sh",
                "-e 's/^starred: no/starred: yes/' -e 's/^old$/new/'",
            ),
        ),
        (
            "skill",
            skill,
            sed(
                "s.sh",
                "-e 's/^target:.*/target: 4/' -e 's/^category:.*/category: lang/'",
            ),
        ),
        (
            "meeting",
            meeting,
            sed(
                "m.sh",
                "-e 's/^attendees: .*/attendees: Ana, Bo/' -e 's/^duration:.*/duration: 45/' -e 's/^kind: .*/kind: 1:1/'",
            ),
        ),
        (
            "action-item",
            action,
            sed(
                "a.sh",
                "-e 's/^owner:.*/owner: ana/' -e 's/^due:.*/due: 2026-11-20/' -e 's/^done: no/done: yes/'",
            ),
        ),
        (
            "goal",
            goal,
            sed(
                "g.sh",
                "-e 's/^status: .*/status: paused/' -e 's/^target:.*/target: 2026-12-31/'",
            ),
        ),
        (
            "feedback",
            feedback,
            sed(
                "f.sh",
                "-e 's/^kind: .*/kind: praise/' -e 's/^Nice$/Very nice/'",
            ),
        ),
        (
            "checkin",
            checkin,
            sed("c.sh", "-e 's/^level: .*/level: 5/'"),
        ),
    ];
    for (kind, id, editor) in &cases {
        let run = edit(&data, editor, kind, *id);
        assert_eq!(run.code, 0, "{kind}: {}{}", run.stdout, run.stderr);
        let noun = match *kind {
            "action-item" => "action item",
            "checkin" => "check-in",
            k => k,
        };
        assert!(
            run.stdout
                .starts_with(&format!("saved {noun} {id} (version ")),
            "{}",
            run.stdout
        );
    }
    let r = repo(&data);
    let l = r.learning(learning).unwrap();
    assert_eq!((l.starred, l.body.as_str()), (true, "new"));
    let s = r.skill(skill).unwrap();
    assert_eq!((s.target_level, s.category.as_str()), (Some(4), "lang"));
    let m = r.meeting(meeting).unwrap();
    let names: Vec<&str> = m.attendees.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Ana", "Bo"]);
    assert_eq!(
        (m.duration_minutes, m.kind),
        (Some(45), MeetingKind::OneOnOne)
    );
    let a = r.action_item(action).unwrap();
    assert_eq!(a.owner.map(|p| p.id), Some(ana));
    assert_eq!(a.due_date, Some(common::day("2026-11-20")));
    assert!(a.done_at.is_some());
    let g = r.goal(goal).unwrap();
    assert_eq!(
        (g.status, g.target_date),
        (GoalStatus::Paused, Some(common::day("2026-12-31")))
    );
    let f = r.feedback_item(feedback).unwrap();
    assert_eq!(
        (f.kind, f.content.as_str()),
        (FeedbackKind::Praise, "Very nice")
    );
    let c = r.checkin(checkin).unwrap();
    // The seconds of an unchanged time are kept.
    assert_eq!((c.level, c.at), (5, at("2026-11-18T08:00:07")));
}

/// Ctrl-C in the editor reaches the whole foreground process group, worklog included. As git
/// does, worklog lets the editor decide: it must not die and leave the editor running with
/// the edit lost. The scripted editor sends SIGINT to its worklog (found through /proc), then
/// edits; the edit is saved.
#[test]
fn an_interrupt_while_the_editor_runs_does_not_end_worklog() {
    let tmp = tempfile::tempdir().unwrap();
    let (data, dir) = (tmp.path().join("data"), tmp.path());
    let id = task(&data);
    let editor = script(
        dir,
        "ed.sh",
        "p=$PPID\n\
         while [ \"$(cat /proc/$p/comm)\" != worklog ]; do p=$(cut -d' ' -f4 /proc/$p/stat); done\n\
         kill -INT $p\n\
         sleep 0.3\n\
         sed -i 's/^title: .*/title: Still here/' \"$1\"",
    );
    let run = edit(&data, &editor, "task", id);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert_eq!(run.stdout, "saved task 1 (version 2)\n");
    assert_eq!(repo(&data).task(id).unwrap().title, "Still here");
}
}
