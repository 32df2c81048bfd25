//! `worklog rm` and `worklog undo` on the real binary: several rows in one transaction, an
//! unknown id removing nothing, undo taking back the last removal (several rows at once, then
//! the one before), a removal made in the app, and stored escapes never reaching the output.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::at;
use common::bin::{terminal_safe, worklog};

use std::path::Path;
use worklog::db::Repo;
use worklog::model::{CheckinDraft, Deletable, TaskDraft};

const NOW: &str = "2026-11-18T09:30:00";

fn repo(data: &Path) -> Repo {
    common::open_as_the_binary(data, NOW)
}

fn task(repo: &Repo, title: &str) -> i64 {
    repo.add_task(
        common::day("2026-11-18"),
        &TaskDraft {
            title: title.into(),
            ..TaskDraft::default()
        },
    )
    .unwrap()
    .id
}

fn live_tasks(repo: &Repo) -> Vec<String> {
    repo.tasks_on(common::day("2026-11-18"))
        .unwrap()
        .into_iter()
        .map(|t| t.title)
        .collect()
}

/// What `undo` printed before its last line, which says when (by the real clock) the removal
/// was made; that line is checked to have the shape of a time.
fn restored(run: &common::bin::Run) -> String {
    let (rows, last) = run
        .stdout
        .trim_end()
        .rsplit_once('\n')
        .unwrap_or_else(|| panic!("{:?}", run.stdout));
    let when = last
        .strip_prefix("(removed ")
        .and_then(|l| l.strip_suffix("; worklog undo again goes back one more)"))
        .unwrap_or_else(|| panic!("{last}"));
    assert!(
        chrono::NaiveDateTime::parse_from_str(when, "%Y-%m-%d %H:%M:%S").is_ok(),
        "{when}"
    );
    format!("{rows}\n")
}

on_both_backends! {
#[test]
fn rm_removes_several_and_undo_brings_them_back_together() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    let (a, b, c) = {
        let r = repo(data);
        (
            task(&r, "One"),
            task(&r, "Two"),
            task(&r, "Three \x1b[31mred"),
        )
    };
    let run = worklog(data, NOW, &["rm", "tasks", &a.to_string(), &c.to_string()]).ok();
    assert_eq!(
        run.stdout,
        format!(
            "removed task {a}: One\nremoved task {c}: Three ␛[31mred\nworklog undo brings them back\n"
        )
    );
    assert!(terminal_safe(&run.stdout));
    assert_eq!(live_tasks(&repo(data)), ["Two"]);

    let run = worklog(data, NOW, &["undo"]).ok();
    assert_eq!(
        restored(&run),
        format!("restored task {a}: One\nrestored task {c}: Three ␛[31mred\n")
    );
    assert_eq!(live_tasks(&repo(data)), ["One", "Two", "Three \x1b[31mred"]);
    let _ = b;
}

#[test]
fn an_unknown_id_removes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    let a = task(&repo(data), "One");
    let err = worklog(data, NOW, &["rm", "task", &a.to_string(), "999"]).one_line_error();
    assert_eq!(
        err,
        "worklog: task 999 does not exist (or is already deleted); nothing was removed\n"
    );
    assert_eq!(live_tasks(&repo(data)), ["One"]);
    // Removed twice: the second time it is already gone.
    worklog(data, NOW, &["rm", "task", &a.to_string(), &a.to_string()]).ok();
    let err = worklog(data, NOW, &["rm", "task", &a.to_string()]).one_line_error();
    assert!(err.contains(&format!("task {a} does not exist")), "{err}");
}

#[test]
fn undo_goes_back_one_removal_at_a_time_including_the_apps() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    let (a, checkin) = {
        let r = repo(data);
        let a = task(&r, "One");
        let c = r
            .add_checkin(&CheckinDraft {
                at: at("2026-11-18T08:00:00"),
                level: 4,
                note: String::new(),
                tags: vec![],
            })
            .unwrap();
        (a, c.id)
    };
    worklog(data, NOW, &["rm", "checkin", &checkin.to_string()]).ok();
    // Then a delete as the app makes it.
    repo(data).delete(Deletable::Task, a).unwrap();

    let run = worklog(data, NOW, &["undo"]).ok();
    assert_eq!(restored(&run), format!("restored task {a}: One\n"));
    let run = worklog(data, NOW, &["undo"]).ok();
    assert_eq!(
        restored(&run),
        format!("restored check-in {checkin}: energy 4\n")
    );
    let err = worklog(data, NOW, &["undo"]).one_line_error();
    assert_eq!(err, "worklog: nothing to undo: nothing is deleted\n");
}

#[test]
fn rm_takes_every_deletable_kind_and_rejects_others() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    repo(data);
    let err = worklog(data, NOW, &["rm", "person", "1"]).usage_error();
    assert!(err.contains("action-item"), "{err}");
    let err = worklog(data, NOW, &["rm", "goal", "1"]).one_line_error();
    assert!(err.contains("goal 1 does not exist"), "{err}");
}
}
