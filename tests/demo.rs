//! The sample-data generator: deterministic, realistic across every table, near its row target.
// Compares two generated files table by table with its own connection, independently of the
// repository.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::disallowed_types,
    clippy::disallowed_methods
)]

mod common;
use common::*;
use rusqlite::Connection;
use worklog::demo;

/// Every table's rows as text, leaving out the wall-clock bookkeeping stamps and the
/// database's random identity (which says which file this is, not what it holds).
fn content(path: &std::path::Path) -> Vec<String> {
    let c = Connection::open(path).unwrap();
    let tables: Vec<String> = c
        .prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name <> 'database_identity'
             ORDER BY name",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut out = Vec::new();
    for t in tables {
        let mut stmt = c.prepare(&format!("SELECT * FROM {t}")).unwrap();
        let names: Vec<String> = stmt.column_names().map(|s| s.to_string()).collect();
        let mut rows = stmt.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            let mut line = t.clone();
            for (i, n) in names.iter().enumerate() {
                if ["created_at", "updated_at", "deleted_at"].contains(&n.as_str()) {
                    continue;
                }
                let v: rusqlite::types::Value = row.get(i).unwrap();
                line.push_str(&format!(" {n}={v:?}"));
            }
            out.push(line);
        }
    }
    out
}

#[test]
fn same_seed_same_data_other_seed_other_data() {
    let a = db();
    let b = db();
    let c = db();
    let today = day("2026-11-22");
    demo::generate(&a.repo, 3_000, 42, today).unwrap();
    demo::generate(&b.repo, 3_000, 42, today).unwrap();
    demo::generate(&c.repo, 3_000, 43, today).unwrap();
    let (ca, cb, cc) = (
        content(&a.dir.path().join("worklog.db")),
        content(&b.dir.path().join("worklog.db")),
        content(&c.dir.path().join("worklog.db")),
    );
    assert!(ca.len() > 2_000);
    assert_eq!(ca, cb);
    assert_ne!(ca, cc);
}

#[test]
fn default_size_is_a_year_of_use_across_every_table() {
    let t = db();
    let today = day("2026-11-22");
    let s = demo::generate(&t.repo, demo::DEFAULT_ROWS, 1, today).unwrap();
    assert!((today - s.first_day).num_days() >= 360, "{s:?}");
    let n = s.rows as usize;
    assert!(
        n > demo::DEFAULT_ROWS * 8 / 10 && n < demo::DEFAULT_ROWS * 12 / 10,
        "{n}"
    );
    for (table, count) in t.repo.row_counts().unwrap().0 {
        // Sample data is made here, not imported from another tool or a calendar, and has
        // no files to attach.
        if table == "imports" || table == "calendar_events" || table == "attachments" {
            continue;
        }
        assert!(count > 0, "{table} is empty");
    }
    // Lived-in today: open tasks, and yesterday's leftovers offered to carry.
    assert!(!t.repo.tasks_on(today).unwrap().is_empty());
    assert!(t.repo.goal_tree().unwrap().iter().any(|g| g.progress > 0.0));
    assert!(t.repo.integrity_problems().unwrap().is_empty());
    assert!(t.repo.foreign_key_problems().unwrap().is_empty());
}

#[test]
fn row_target_is_respected_when_large() {
    let t = db();
    let s = demo::generate(&t.repo, 15_000, 9, day("2026-11-22")).unwrap();
    assert!((13_500..=16_500).contains(&(s.rows as usize)), "{s:?}");
}

#[test]
fn row_target_is_respected_when_small() {
    for (target, range) in [(50, 25..=100), (300, 200..=420), (1_000, 800..=1_200)] {
        let t = db();
        let s = demo::generate(&t.repo, target, 1, day("2026-11-22")).unwrap();
        assert!(range.contains(&(s.rows as usize)), "{target}: {s:?}");
        assert!(t.repo.foreign_key_problems().unwrap().is_empty());
    }
}

/// Finished work is stamped on its own day, not with the moment the demo ran, so a report of
/// the last week counts the last week's work.
#[test]
fn completion_times_lie_on_the_work_s_own_day() {
    let t = db();
    let today = day("2026-11-22");
    demo::generate(&t.repo, 3_000, 1, today).unwrap();
    let conn = Connection::open(t.dir.path().join("worklog.db")).unwrap();
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert!(count("SELECT count(*) FROM tasks WHERE done_at IS NOT NULL") > 500);
    assert_eq!(
        count("SELECT count(*) FROM tasks WHERE done_at IS NOT NULL AND date(done_at) <> day"),
        0
    );
    assert!(count("SELECT count(*) FROM action_items WHERE done_at IS NOT NULL") > 20);
    // An action item is closed after its meeting, by the day it was due.
    assert_eq!(
        count(
            "SELECT count(*) FROM action_items a JOIN meetings m ON m.id = a.meeting_id
             WHERE a.done_at IS NOT NULL
               AND (date(a.done_at) < date(m.starts_at) OR date(a.done_at) > a.due_date)"
        ),
        0
    );
    // Milestones are reached on past days, not all on the day the demo ran.
    let milestones = count("SELECT count(*) FROM goal_milestones WHERE done_on IS NOT NULL");
    let on_demo_day = count(
        "SELECT count(*) FROM goal_milestones WHERE done_on IS NOT NULL AND done_on >= '2026-11-22'",
    );
    assert!(
        milestones > 3 && on_demo_day == 0,
        "{milestones} {on_demo_day}"
    );
    // A week's report counts about a week of tasks (3–7 a working day), not every one.
    let done_last_week = t
        .repo
        .tasks_done_between(today - chrono::Duration::days(6), today)
        .unwrap()
        .len();
    assert!((5..=50).contains(&done_last_week), "{done_last_week}");
}

/// On PostgreSQL the demo is made in a SQLite file and copied across in bulk: the same rows
/// as on SQLite, whatever the backend.
#[test]
fn the_same_demo_on_postgres() {
    if pg::server().is_none() {
        return;
    }
    let lite = db();
    let server = on_postgres::db();
    on_postgres::forget();
    let today = day("2026-11-22");
    let a = demo::generate(&lite.repo, 3_000, 42, today).unwrap();
    let b = demo::generate(&server.repo, 3_000, 42, today).unwrap();
    assert_eq!(a, b);
    assert!(b.rows > 2_000, "{b:?}");
    assert_eq!(
        lite.repo.row_counts().unwrap().0,
        server.repo.row_counts().unwrap().0
    );
    let tasks = |t: &TestDb, d| -> Vec<String> {
        t.repo
            .tasks_on(d)
            .unwrap()
            .into_iter()
            .map(|t| {
                format!(
                    "{} {} {:?} {:?} {:?} {:?} {:?}",
                    t.id, t.title, t.status, t.priority, t.done_at, t.goal_id, t.tags
                )
            })
            .collect()
    };
    let mut d = a.first_day;
    while d <= today {
        assert_eq!(tasks(&lite, d), tasks(&server, d), "{d}");
        d = d.succ_opt().unwrap();
    }
}
