//! `worklog import` of real Taskwarrior and jrnl exports (tests/fixtures, made by the tools
//! themselves: see tests/fixtures/README.md), on the real binary.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::bin::{worklog, worklog_with_input};
use common::{at, day};

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use worklog::clock::FixedClock;
use worklog::db::Repo;
use worklog::model::{Deletable, GoalDraft, LearningFilter, Priority, TaskStatus};
use worklog::paths::DataDir;

const NOW: &str = "2026-11-22T12:00:00";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn repo(data: &Path) -> Repo {
    let clock = Arc::new(FixedClock::new(at(NOW)));
    worklog::launch::open(&DataDir::new(data), clock).unwrap()
}

fn import(data: &Path, file: &Path, extra: &[&str]) -> String {
    let mut args = vec!["import", file.to_str().unwrap()];
    args.extend_from_slice(extra);
    worklog(data, NOW, &args).ok().stdout
}

/// Every task, deleted ones included, by title (via a full export).
fn all_tasks(data: &Path) -> Vec<serde_json::Value> {
    let out = worklog(data, NOW, &["export", "--format", "json"])
        .ok()
        .stdout;
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    doc["tables"]["tasks"].as_array().unwrap().clone()
}

fn task_titled(r: &Repo, title: &str) -> worklog::model::Task {
    let all = [
        "2026-10-01",
        "2026-11-05",
        "2026-11-06",
        "2026-11-10",
        "2026-11-18",
        "2026-11-20",
        "2026-11-23",
        "2026-12-15",
    ];
    all.iter()
        .flat_map(|d| r.tasks_on(day(d)).unwrap())
        .find(|t| t.title == title)
        .unwrap_or_else(|| panic!("no task {title:?}"))
}

#[test]
fn taskwarrior_export_becomes_focus_tasks_and_goals() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    let file = fixture("taskwarrior-export.json");

    let out = import(data, &file, &[]);
    assert_eq!(
        out,
        "added:         6 goals, 8 tasks\n\
         already there: nothing\n\
         skipped:       1 recurrence template\n\
         imported from taskwarrior\n"
    );
    let r = repo(data);

    // Projects became a goal tree: work > api > v2, work > design, home > admin.
    let goals = r.goal_tree().unwrap();
    let path_of = |id: i64| {
        let mut parts = Vec::new();
        let mut at = Some(id);
        while let Some(g) = at.and_then(|id| goals.iter().find(|g| g.id == id)) {
            parts.push(g.title.clone());
            at = g.parent_id;
        }
        parts.reverse();
        parts.join(".")
    };
    let mut paths: Vec<String> = goals.iter().map(|g| path_of(g.id)).collect();
    paths.sort();
    assert_eq!(
        paths,
        vec![
            "home",
            "home.admin",
            "work",
            "work.api",
            "work.api.v2",
            "work.design"
        ]
    );

    // Pending, high priority, due on the 20th, two tags, two annotations.
    let ship = task_titled(&r, "Ship the pagination endpoint");
    assert_eq!(ship.day, day("2026-11-20"));
    assert_eq!(ship.status, TaskStatus::Todo);
    assert_eq!(ship.priority, Priority::HIGH);
    assert_eq!(ship.tags, vec!["backend", "urgent"]);
    assert_eq!(path_of(ship.goal_id.unwrap()), "work.api.v2");
    let notes: Vec<&str> = ship.notes.lines().collect();
    assert_eq!(notes.len(), 2, "{}", ship.notes);
    assert!(
        notes[0].ends_with("  Talked with Ana: keep cursor-based paging"),
        "{}",
        notes[0]
    );
    assert!(notes[1].ends_with("  Benchmarks: p99 under 40 ms with 1M rows"));
    assert_eq!(
        ship.stamp.created_at.to_rfc3339(),
        "2026-11-02T09:00:00+00:00"
    );

    // Started: doing, on its scheduled day (which wins over the entry date).
    let changelog = task_titled(&r, "Write API changelog");
    assert_eq!(changelog.status, TaskStatus::Doing);
    assert_eq!(changelog.day, day("2026-11-18"));
    assert_eq!(changelog.priority, Priority::NORMAL);

    // No due or scheduled date: the day it was entered. Unicode kept; L is low.
    let cafe = task_titled(&r, "Café crème für das Team bestellen — ünïcödé ✓");
    assert_eq!(cafe.day, day("2026-11-05"));
    assert_eq!(cafe.priority, Priority::LOW);
    assert_eq!(cafe.goal_id, None);

    // Completed: done on its end date, which is also its day.
    let tap = task_titled(&r, "Fix the leaking tap");
    assert_eq!(tap.status, TaskStatus::Done);
    assert_eq!(tap.done_at, Some(at("2026-11-06T16:30:00")));
    assert_eq!(tap.day, day("2026-11-06"));
    assert_eq!(path_of(tap.goal_id.unwrap()), "home");
    assert_eq!(
        r.tasks_done_between(day("2026-11-01"), day("2026-11-30"))
            .unwrap()
            .len(),
        1
    );

    // The recurring instance is imported; its template is not.
    let weekly: Vec<_> = all_tasks(data)
        .into_iter()
        .filter(|t| t["title"] == "Weekly report")
        .collect();
    assert_eq!(weekly.len(), 1);
    assert_eq!(weekly[0]["day"], "2026-11-23");

    // Deleted: there, but soft-deleted and dropped (restorable).
    let old: Vec<_> = all_tasks(data)
        .into_iter()
        .filter(|t| t["title"] == "Old idea nobody needs")
        .collect();
    assert_eq!(old.len(), 1);
    assert!(old[0]["deleted_at"].is_string());
    assert_eq!(old[0]["status"], "dropped");
    let old_id = old[0]["id"].as_i64().unwrap();
    assert!(r.task(old_id).is_err());
    r.restore(Deletable::Task, old_id).unwrap();
    assert_eq!(r.task(old_id).unwrap().status, TaskStatus::Dropped);
    drop(r);

    // The original record is kept whole, fields worklog has no column for included.
    let out = worklog(data, NOW, &["export", "--format", "json"])
        .ok()
        .stdout;
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    let imports = doc["tables"]["imports"].as_array().unwrap();
    let ship_record = imports
        .iter()
        .find(|i| i["external_id"] == "714b52e3-e6a7-494a-91b1-ca48840c7c77")
        .unwrap();
    assert_eq!(ship_record["source"], "taskwarrior");
    let original: serde_json::Value =
        serde_json::from_str(ship_record["original"].as_str().unwrap()).unwrap();
    assert_eq!(original["urgency"], 18.4973);
    assert_eq!(original["project"], "work.api.v2");

    // Again: nothing new.
    let out = import(data, &file, &[]);
    assert_eq!(
        out,
        "added:         nothing\n\
         already there: 8 tasks\n\
         skipped:       1 recurrence template\n\
         imported from taskwarrior\n"
    );
}

#[test]
fn taskwarrior_one_object_per_line_and_existing_goals() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    // A goal "Work" made by hand is reused for the project "work" (titles ignore case).
    let work = repo(data)
        .add_goal(&GoalDraft {
            title: "Work".into(),
            ..GoalDraft::default()
        })
        .unwrap()
        .id;
    let text = fs::read_to_string(fixture("taskwarrior-export.json")).unwrap();
    let lines: String = text
        .lines()
        .filter(|l| l.starts_with('{'))
        .map(|l| format!("{}\n", l.trim_end_matches(',')))
        .collect();
    let file = tmp.path().join("lines.json");
    fs::write(&file, lines).unwrap();
    let out = import(data, &file, &["--from", "taskwarrior"]);
    assert!(
        out.starts_with("added:         5 goals, 8 tasks\n"),
        "{out}"
    );
    let r = repo(data);
    let ship = task_titled(&r, "Ship the pagination endpoint");
    let v2 = r.goal(ship.goal_id.unwrap()).unwrap();
    let api = r.goal(v2.parent_id.unwrap()).unwrap();
    assert_eq!(api.parent_id, Some(work));
    // The array form of the same tasks is already there.
    let out = import(data, &fixture("taskwarrior-export.json"), &[]);
    assert!(
        out.starts_with("added:         nothing\nalready there: 8 tasks\n"),
        "{out}"
    );
}

#[test]
fn jrnl_export_becomes_journal_entries() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    let file = fixture("jrnl-export.json");
    let out = import(data, &file, &[]);
    assert_eq!(
        out,
        "added:         4 journal entries\nalready there: nothing\nimported from jrnl\n"
    );
    let r = repo(data);
    let mut list = r.learnings(&LearningFilter::default()).unwrap();
    list.reverse();
    assert_eq!(list.len(), 4);
    assert_eq!(list[0].at, at("2026-11-16T09:12:00"));
    assert_eq!(list[0].title, "Learned how SQLite WAL checkpoints work.");
    assert_eq!(list[0].tags, vec!["databases", "sqlite"]);
    assert!(!list[0].starred);
    assert_eq!(list[1].title, "Pairing with Ana on Rust lifetimes");
    assert!(list[1].starred);
    assert_eq!(
        list[1].body,
        "We untangled a borrow that outlived its scope.\n\nLesson: clone early, optimise later. @rust @pairing"
    );
    assert_eq!(list[1].tags, vec!["pairing", "rust"]);
    assert_eq!(list[2].title, "Ünïcödé in titles — ça marche ✓.");
    assert_eq!(list[2].body, "Emoji too: 🦀 @unicode");
    assert!(list[3].tags.is_empty());
    drop(r);
    // Twice: nothing added. From standard input, with the source given.
    let text = fs::read_to_string(&file).unwrap();
    let run = worklog_with_input(data, NOW, &["import", "-", "--from", "jrnl"], &text).ok();
    assert_eq!(
        run.stdout,
        "added:         nothing\nalready there: 4 journal entries\nimported from jrnl\n"
    );
}

#[test]
fn dry_run_reports_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    let jrnl = fixture("jrnl-export.json");
    let tw = fixture("taskwarrior-export.json");
    let out = import(data, &tw, &["--dry-run"]);
    assert_eq!(
        out,
        "would add:     6 goals, 8 tasks\n\
         already there: nothing\n\
         would skip:    1 recurrence template\n\
         dry run: nothing was written (source: taskwarrior)\n"
    );
    assert_eq!(repo(data).row_counts().unwrap().total(), 0);
    import(data, &jrnl, &[]);
    let before = repo(data).row_counts().unwrap();
    let out = import(data, &jrnl, &["--dry-run"]);
    assert_eq!(
        out,
        "would add:     nothing\nalready there: 4 journal entries\ndry run: nothing was written (source: jrnl)\n"
    );
    assert_eq!(repo(data).row_counts().unwrap(), before);
}

#[test]
fn one_bad_record_imports_nothing_and_is_named() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    let text = fs::read_to_string(fixture("taskwarrior-export.json")).unwrap();
    // Break the third record's priority.
    let bad = text.replacen("\"priority\":\"L\"", "\"priority\":\"X\"", 1);
    assert_ne!(bad, text);
    let file = tmp.path().join("bad-tw.json");
    fs::write(&file, bad).unwrap();
    let line = worklog(data, NOW, &["import", file.to_str().unwrap()]).one_line_error();
    assert_eq!(
        line,
        "worklog: nothing was imported: record 3 (uuid 27c66c5b-b860-4c1d-ac2b-d2e07cefeb50): \
         priority must be H, M or L, got \"X\"\n"
    );
    // A tag worklog cannot take fails while writing; still nothing is kept.
    let bad = text.replacen("\"errands\"", "\"two words\"", 2);
    fs::write(&file, bad).unwrap();
    let line = worklog(data, NOW, &["import", file.to_str().unwrap()]).one_line_error();
    assert!(
        line.starts_with("worklog: nothing was imported: record 3 (uuid 27c66c5b-b860-4c1d-ac2b-d2e07cefeb50): tag \"two words\""),
        "{line}"
    );
    assert_eq!(repo(data).row_counts().unwrap().total(), 0);

    let jrnl = fs::read_to_string(fixture("jrnl-export.json")).unwrap();
    let bad = jrnl.replacen("\"time\": \"18:05\"", "\"time\": \"6pm\"", 1);
    assert_ne!(bad, jrnl);
    let file = tmp.path().join("bad-jrnl.json");
    fs::write(&file, bad).unwrap();
    let line = worklog(data, NOW, &["import", file.to_str().unwrap()]).one_line_error();
    assert_eq!(
        line,
        "worklog: nothing was imported: entry 3: time must be HH:MM, got \"6pm\"\n"
    );
    assert_eq!(repo(data).row_counts().unwrap().total(), 0);
}

#[test]
fn unreadable_or_unknown_files_are_one_line_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    let line = worklog(data, NOW, &["import", "/no/such/file.json"]).one_line_error();
    assert!(
        line.starts_with("worklog: cannot read /no/such/file.json: "),
        "{line}"
    );
    let file = tmp.path().join("notes.txt");
    fs::write(&file, "just some notes\n").unwrap();
    let line = worklog(data, NOW, &["import", file.to_str().unwrap()]).one_line_error();
    assert!(line.contains("cannot tell what this file is"), "{line}");
    // A jrnl file said to be Taskwarrior's.
    let jrnl = fixture("jrnl-export.json");
    let line = worklog(
        data,
        NOW,
        &["import", jrnl.to_str().unwrap(), "--from", "taskwarrior"],
    )
    .one_line_error();
    assert!(
        line.starts_with("worklog: nothing was imported: line 1"),
        "{line}"
    );
    let file = tmp.path().join("binary.json");
    fs::write(&file, [0xff, 0xfe, 0x00]).unwrap();
    let line = worklog(data, NOW, &["import", file.to_str().unwrap()]).one_line_error();
    assert!(line.ends_with("is not UTF-8 text\n"), "{line}");
}

/// A record repeated inside one file was counted as "already there" (or silently skipped):
/// it is reported, naming the record and the one it repeats, in the summary and the dry run;
/// a repeat with different contents is an error, and nothing is imported.
#[test]
fn a_record_repeated_inside_one_file_is_reported() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let a = r#"{"uuid":"0a4c2d3e-1111-2222-3333-444455556666","description":"first","entry":"20261101T090000Z"}"#;
    let b = r#"{"uuid":"0a4c2d3e-1111-2222-3333-777777777777","description":"second","entry":"20261101T090000Z"}"#;
    let file = tmp.path().join("tw.json");
    fs::write(&file, format!("[{a},\n{b},\n{a}]")).unwrap();
    for (extra, added) in [
        (&["--dry-run"][..], "would add:    "),
        (&[][..], "added:        "),
    ] {
        let out = import(&data, &file, extra);
        assert!(
            out.starts_with(&format!("{added} 2 tasks\nalready there: nothing\n")),
            "{out}"
        );
        assert!(
            out.contains("record 3 (uuid 0a4c2d3e-1111-2222-3333-444455556666) repeats record 1"),
            "{out}"
        );
        assert!(out.contains("1 repeated record"), "{out}");
    }
    let counts = repo(&data).row_counts().unwrap();
    assert!(counts.0.contains(&("tasks".to_string(), 2)), "{counts:?}");
    // Different contents under one uuid: which is right? Refused, naming both.
    let changed = a.replace("first", "changed");
    fs::write(&file, format!("[{a},\n{b},\n{changed}]")).unwrap();
    let line = worklog(&data, NOW, &["import", file.to_str().unwrap()]).one_line_error();
    assert!(
        line.contains("record 3 (uuid 0a4c2d3e-1111-2222-3333-444455556666)")
            && line.contains("record 1"),
        "{line}"
    );

    // jrnl: the same entry twice.
    let e = r#"{"date":"2026-11-16","time":"09:12","title":"Same","body":"b","tags":[],"starred":false}"#;
    let file = tmp.path().join("j.json");
    fs::write(&file, format!(r#"{{"tags":{{}},"entries":[{e},{e}]}}"#)).unwrap();
    let out = import(&data, &file, &["--dry-run"]);
    assert!(
        out.starts_with("would add:     1 journal entry\nalready there: nothing\n"),
        "{out}"
    );
    assert!(
        out.contains("entry 2 (2026-11-16 09:12 Same) repeats entry 1"),
        "{out}"
    );

    // A worklog export with a row twice.
    let fresh = tmp.path().join("fresh");
    worklog(&fresh, NOW, &["add", "task", "only", "once"]).ok();
    let export = worklog(&fresh, NOW, &["export", "--format", "json"])
        .ok()
        .stdout;
    let mut doc: serde_json::Value = serde_json::from_str(&export).unwrap();
    let tasks = doc["tables"]["tasks"].as_array_mut().unwrap();
    let row = tasks[0].clone();
    tasks.push(row);
    let file = tmp.path().join("w.json");
    fs::write(&file, doc.to_string()).unwrap();
    let empty = tmp.path().join("empty");
    let out = import(&empty, &file, &[]);
    assert!(out.contains("tasks row 2 (id 1) repeats row 1"), "{out}");
    assert!(out.starts_with("added:"), "{out}");
    assert!(!out.contains("already there: tasks"), "{out}");
}

/// A broken reference names the row, the column and the missing key, not "row 0 (key 0)".
#[test]
fn a_broken_reference_in_an_export_names_the_missing_key() {
    let tmp = tempfile::tempdir().unwrap();
    let fresh = tmp.path().join("fresh");
    worklog(&fresh, NOW, &["add", "task", "linked"]).ok();
    let export = worklog(&fresh, NOW, &["export", "--format", "json"])
        .ok()
        .stdout;
    let mut doc: serde_json::Value = serde_json::from_str(&export).unwrap();
    doc["tables"]["tasks"][0]["goal_id"] = serde_json::json!(99);
    let file = tmp.path().join("w.json");
    fs::write(&file, doc.to_string()).unwrap();
    let line = worklog(
        &tmp.path().join("empty"),
        NOW,
        &["import", file.to_str().unwrap()],
    )
    .one_line_error();
    assert!(
        line.contains("task 1 refers to goal 99 (goal_id), which does not exist"),
        "{line}"
    );
}
