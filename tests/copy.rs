//! `worklog copy --to TARGET`: SQLite to PostgreSQL and back, SQLite to SQLite; refusing a
//! target with data; an interrupted copy leaves the target empty; the printed counts and
//! checksums.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::bin::{worklog, worklog_with_env};
use common::{at, day};
use std::path::Path;
use std::sync::Arc;
use worklog::clock::FixedClock;
use worklog::db::Repo;
use worklog::model::{Deletable, GoalDraft, TaskDraft};
use worklog::paths::DataDir;

const NOW: &str = "2026-11-22T09:30:00";

fn clock() -> Arc<FixedClock> {
    Arc::new(FixedClock::new(at(NOW)))
}

fn open(data: &Path) -> Repo {
    worklog::launch::open(&DataDir::new(data), clock()).unwrap()
}

/// Demo data, a deleted task, control characters, and a goal under a goal made after it.
fn fill(data: &Path) {
    let r = open(data);
    worklog::demo::generate(&r, 2000, 3, day("2026-11-22")).unwrap();
    let t = r
        .add_task(
            day("2026-11-21"),
            &TaskDraft {
                title: "ESC \u{1b}[2J and \"quotes\", commas".into(),
                notes: "line one\nline two".into(),
                ..TaskDraft::default()
            },
        )
        .unwrap();
    r.delete(Deletable::Task, t.id).unwrap();
    let child = r
        .add_goal(&GoalDraft {
            title: "Child".into(),
            ..GoalDraft::default()
        })
        .unwrap();
    let parent = r
        .add_goal(&GoalDraft {
            title: "Parent".into(),
            ..GoalDraft::default()
        })
        .unwrap();
    r.update_goal(
        child.id,
        child.stamp.version,
        &GoalDraft {
            parent_id: Some(parent.id),
            title: "Child".into(),
            ..GoalDraft::default()
        },
    )
    .unwrap();
}

fn export(data: &Path) -> String {
    worklog(data, NOW, &["export", "--format", "json"])
        .ok()
        .stdout
}

fn json_of(r: &Repo) -> String {
    let mut out = Vec::new();
    worklog::export::write_json(r, Default::default(), &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// The checksum lines `worklog copy` printed: (source, target).
fn checksums(stdout: &str) -> (String, String) {
    let find = |side: &str| {
        stdout
            .lines()
            .find_map(|l| l.strip_prefix(&format!("checksum {side} ")))
            .unwrap_or_else(|| panic!("no {side} checksum in {stdout}"))
            .to_string()
    };
    (find("source"), find("target"))
}

#[test]
fn a_copy_to_a_data_directory_or_a_db_file_is_the_same_log() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    fill(&a);
    let before = export(&a);
    let run = worklog(&a, NOW, &["copy", "--to", b.to_str().unwrap()]).ok();
    assert!(run.stdout.starts_with("copied "), "{}", run.stdout);
    let (here, there) = checksums(&run.stdout);
    assert_eq!(here, there);
    assert_eq!(
        here,
        worklog::copy::fingerprint(&open(&a)).unwrap().checksum
    );
    // Every table's counts, both sides.
    let tasks = open(&a).row_counts().unwrap();
    let n = tasks.0.iter().find(|(t, _)| t == "tasks").unwrap().1;
    assert!(
        run.stdout
            .lines()
            .any(|l| l.split_whitespace().collect::<Vec<_>>()
                == ["tasks", &n.to_string(), &n.to_string()]),
        "{}",
        run.stdout
    );
    assert!(export(&b) == before, "the copy exports another document");
    // The history is part of the data: the copy carries it.
    let history = open(&a).history(&Default::default()).unwrap();
    assert!(history.len() >= 4, "{history:?}");
    assert_eq!(open(&b).history(&Default::default()).unwrap(), history);

    let file = tmp.path().join("elsewhere").join("log.db");
    worklog(&a, NOW, &["copy", "--to", file.to_str().unwrap()]).ok();
    let r = Repo::open_migrated(&file, clock()).unwrap();
    assert!(json_of(&r) == before);
}

#[test]
fn a_target_that_holds_data_is_refused_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    fill(&a);
    let r = open(&b);
    r.add_task(
        day("2026-11-22"),
        &TaskDraft {
            title: "Mine".into(),
            ..TaskDraft::default()
        },
    )
    .unwrap();
    drop(r);
    let before = export(&b);
    let line = worklog(&a, NOW, &["copy", "--to", b.to_str().unwrap()]).one_line_error();
    assert!(
        line.contains("already holds data; copy goes only into an empty database"),
        "{line}"
    );
    assert!(export(&b) == before);
    let line = worklog(&a, NOW, &["copy", "--to", a.to_str().unwrap()]).one_line_error();
    assert_eq!(line, "worklog: the target is the database being copied\n");
}

#[test]
fn an_interrupted_copy_leaves_the_target_empty() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    fill(&a);
    let run = worklog_with_env(
        &a,
        NOW,
        &["copy", "--to", b.to_str().unwrap()],
        "",
        &[("WORKLOG_FAULT", "copy.page=abort")],
    );
    assert_ne!(run.code, 0);
    assert!(!open(&b).has_data().unwrap());
    // And the copy then goes through.
    worklog(&a, NOW, &["copy", "--to", b.to_str().unwrap()]).ok();
    assert!(export(&b) == export(&a));
}

/// The main end-to-end test: SQLite to PostgreSQL with the binary, back to a new SQLite file
/// with the library (the binary cannot name a server as its source yet); the three export the
/// same document.
#[test]
fn a_copy_to_postgres_and_back_is_the_same_log() {
    let Some(server) = common::pg::server() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let (a, back) = (tmp.path().join("a"), tmp.path().join("back"));
    fill(&a);
    let before = export(&a);
    let (url, schema) = server.fresh_schema();
    let run = worklog_with_env(
        &a,
        NOW,
        &["copy", "--to", &url],
        "",
        &[("WORKLOG_SCHEMA", &schema)],
    )
    .ok();
    let (here, there) = checksums(&run.stdout);
    assert_eq!(here, there);
    let pg = Repo::open_server(&url, Some(&schema), clock()).unwrap();
    assert!(
        json_of(&pg) == before,
        "PostgreSQL exports another document"
    );
    assert_eq!(worklog::copy::fingerprint(&pg).unwrap().checksum, here);
    let history = open(&a).history(&Default::default()).unwrap();
    assert!(history.len() >= 4, "{history:?}");
    assert_eq!(pg.history(&Default::default()).unwrap(), history);

    std::fs::create_dir_all(&back).unwrap();
    let target = Repo::open_migrated(&DataDir::new(&back).database(), clock()).unwrap();
    let mut calls = 0;
    let copied = worklog::copy::copy(&pg, &target, &mut |done, total| {
        calls += 1;
        assert!(done <= total);
    })
    .unwrap();
    assert!(calls > 1);
    assert_eq!(copied.source, copied.target);
    assert_eq!(copied.source.checksum, here);
    drop(target);
    assert!(
        export(&back) == before,
        "the copy back exports another document"
    );

    // A server schema with data is refused as a target, and the copy stops before writing.
    let line = worklog_with_env(
        &a,
        NOW,
        &["copy", "--to", &url],
        "",
        &[("WORKLOG_SCHEMA", &schema)],
    )
    .one_line_error();
    assert!(line.contains("already holds data"), "{line}");
    assert!(json_of(&pg) == before);
}

#[test]
fn an_interrupted_copy_to_postgres_leaves_the_schema_empty() {
    let Some(server) = common::pg::server() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("a");
    fill(&a);
    let (url, schema) = server.fresh_schema();
    // A failed step, and a crash (the server rolls back what a lost connection left open).
    for fault in ["copy.page=eio", "copy.page=abort"] {
        let run = worklog_with_env(
            &a,
            NOW,
            &["copy", "--to", &url],
            "",
            &[("WORKLOG_SCHEMA", &schema), ("WORKLOG_FAULT", fault)],
        );
        assert_ne!(run.code, 0, "{}", run.stdout);
        let pg = Repo::open_server(&url, Some(&schema), clock()).unwrap();
        assert!(!pg.has_data().unwrap(), "{fault}");
    }
    let rows = server
        .admin_sql(&format!("SELECT count(*) FROM {schema}.tasks"))
        .unwrap();
    assert_eq!(rows.trim(), "0");
}

/// On a terminal the copy shows rows copied of the total on standard error; elsewhere (every
/// other test here checks standard error is empty) it says nothing while it works.
#[test]
fn progress_shows_on_a_terminal() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    fill(&a);
    // Every table's rows go across, the history's too.
    let r = open(&a);
    let total: u64 = r
        .export_tables()
        .unwrap()
        .iter()
        .map(|t| r.table_rows(t).unwrap())
        .sum();
    drop(r);
    let mut session =
        common::pty::Session::start_with(&a, 120, 40, &[], &["copy", "--to", b.to_str().unwrap()]);
    session.wait_for("the copy is complete");
    assert!(session.wait_exit().success());
    let text = String::from_utf8_lossy(&session.bytes()).into_owned();
    assert!(
        text.contains(&format!("worklog: copying: {total} of {total} rows (100%)")),
        "{text}"
    );
}
