//! `Repo::transaction` and `Repo::snapshot` on a real file: a COMMIT that fails is an error,
//! and the connection is never left inside the transaction.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::*;
use worklog::db::exchange::{Ending, Value};

/// A task row whose goal does not exist: with foreign keys deferred, only COMMIT notices.
fn insert_orphan_task(repo: &worklog::db::Repo) -> worklog::db::Result<()> {
    let tasks = repo
        .export_tables()?
        .into_iter()
        .find(|t| t.name == "tasks")
        .unwrap();
    repo.defer_foreign_keys()?;
    repo.import_row(
        &tasks,
        &[
            "id",
            "day",
            "first_day",
            "title",
            "goal_id",
            "created_at",
            "updated_at",
        ],
        &[
            Value::Integer(12),
            Value::Text("2026-11-22".into()),
            Value::Text("2026-11-22".into()),
            Value::Text("orphan".into()),
            Value::Integer(99),
            Value::Text("2026-11-22T09:00:00.000Z".into()),
            Value::Text("2026-11-22T09:00:00.000Z".into()),
        ],
    )?;
    Ok(())
}

#[test]
fn a_failed_commit_is_an_error_and_leaves_no_transaction_open() {
    let t = db();
    let result: worklog::db::Result<()> = t.repo.transaction(Ending::Commit, insert_orphan_task);
    let e = result.expect_err("COMMIT must fail on the deferred foreign key");
    assert_eq!(
        e.to_string(),
        "nothing was saved: task 12 refers to goal 99 (goal_id), which does not exist"
    );
    // Rolled back: the row is gone for this connection too (inside a still-open transaction
    // it would be visible here), and the write lock is free for another session at once.
    assert!(t.repo.tasks_on(day("2026-11-22")).unwrap().is_empty());
    let other = second_session(&t);
    let started = std::time::Instant::now();
    other
        .add_task(day("2026-11-22"), &tui_task("after"))
        .unwrap();
    assert!(started.elapsed() < std::time::Duration::from_secs(2));
    // And this connection works normally afterwards.
    t.repo
        .add_task(day("2026-11-22"), &tui_task("mine"))
        .unwrap();
    assert_eq!(other.tasks_on(day("2026-11-22")).unwrap().len(), 2);
}

#[test]
fn a_successful_transaction_commits_and_a_dry_run_rolls_back() {
    let t = db();
    let r: worklog::db::Result<()> = t.repo.transaction(Ending::Rollback, |r| {
        r.add_task(day("2026-11-22"), &tui_task("rehearsal"))?;
        Ok(())
    });
    r.unwrap();
    assert!(t.repo.tasks_on(day("2026-11-22")).unwrap().is_empty());
    let r: worklog::db::Result<()> = t.repo.transaction(Ending::Commit, |r| {
        r.add_task(day("2026-11-22"), &tui_task("kept"))?;
        Ok(())
    });
    r.unwrap();
    assert_eq!(
        second_session(&t)
            .tasks_on(day("2026-11-22"))
            .unwrap()
            .len(),
        1
    );
}

fn tui_task(title: &str) -> worklog::model::TaskDraft {
    worklog::model::TaskDraft {
        title: title.into(),
        ..Default::default()
    }
}

/// The read transaction of an export ends with a COMMIT too; when that fails (an injected
/// fault in its place), the export fails rather than reporting success.
#[test]
fn a_failed_commit_at_the_end_of_an_export_or_import_is_an_error() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    common::bin::worklog(&data, "2026-11-22T09:30:00", &["add", "task", "x"]).ok();
    let file = tmp.path().join("out.json");
    let jrnl = tmp.path().join("j.json");
    std::fs::write(
        &jrnl,
        r#"{"tags":{},"entries":[{"date":"2026-11-16","time":"09:12","title":"T","body":""}]}"#,
    )
    .unwrap();
    for args in [
        vec![
            "export",
            "--format",
            "json",
            "--out",
            file.to_str().unwrap(),
        ],
        vec!["import", jrnl.to_str().unwrap()],
    ] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_worklog"))
            .env("WORKLOG_DAILY_BACKUP", "wait")
            .args(&args)
            .env("WORKLOG_DATA_DIR", &data)
            .env("WORKLOG_NOW", "2026-11-22T09:30:00")
            .env("WORKLOG_FAULT", "db.commit=eio")
            .output()
            .unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(stderr.contains("injected at db.commit"), "{stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
    }
    assert!(!file.exists());
    let today = common::bin::worklog(&data, "2026-11-22T09:30:00", &["search", "T"]).ok();
    assert_eq!(today.stdout, "no matches\n", "the import was rolled back");
}
