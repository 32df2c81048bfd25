//! The Goals, Focus/carry and Today paths on a long history: one goal, an edit, the goals due
//! or done in a window, carrying a backlog of tasks, and the Today, Goals and Focus panes'
//! reloads. These should cost the same however many years lie behind them.
//!
//! Run with `cargo bench --bench history`: on ~100,000 rows of demo data it generates, or on
//! a copy of an existing database with `WORKLOG_BENCH_DB=/tmp/big/worklog.db` (for example one
//! made by `worklog demo --rows 1000000`). Either way it adds 20 years of goals (4,400 goals,
//! 8,800 milestones: the demo makes only a handful) and 500 open tasks to carry. Prints
//! medians.
// Goals are added with plain SQL: through the repository each insert would cost as much as
// the code under test, and this is setup, not the thing measured.
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

mod common;

use chrono::{Days, NaiveDate};
use common::{median, ms};
use rusqlite::{Connection, params};
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};
use worklog::clock::FixedClock;
use worklog::db::Repo;
use worklog::model::{GoalDraft, Id, TaskDraft};
use worklog::paths::DataDir;
use worklog::tui::panes::Pane;
use worklog::tui::panes::focus::FocusPane;
use worklog::tui::panes::goals::GoalsPane;
use worklog::tui::panes::today::TodayPane;
use worklog::tui::theme::Theme;

const RUNS: usize = 21;
const ROOTS: u64 = 400;
const CHILDREN: u64 = 10;
const BACKLOG: usize = 500;

fn day_text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// 20 years of goals back from `today`: each root with its children, two milestones each;
/// older ones done on their target date, the rest active.
fn add_goal_history(db: &Path, today: NaiveDate) -> anyhow::Result<(Id, Id)> {
    let mut conn = Connection::open(db)?;
    let tx = conn.transaction()?;
    let (mut a_root, mut a_leaf) = (0, 0);
    for r in 0..ROOTS {
        let target = today - Days::new(r * 18) + Days::new(7);
        let done = r >= 4;
        let status = if done { "done" } else { "active" };
        let done_on = done.then(|| day_text(target));
        tx.execute(
            "INSERT INTO goals (title, status, target_date, done_on, position)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                format!("goal {r}"),
                status,
                day_text(target),
                done_on,
                r as i64
            ],
        )?;
        let root = tx.last_insert_rowid();
        for c in 0..CHILDREN {
            let t = target - Days::new(c);
            tx.execute(
                "INSERT INTO goals (parent_id, title, status, target_date, done_on, position)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    root,
                    format!("goal {r}.{c}"),
                    status,
                    day_text(t),
                    done.then(|| day_text(t)),
                    c as i64
                ],
            )?;
            let leaf = tx.last_insert_rowid();
            for m in 0..2 {
                tx.execute(
                    "INSERT INTO goal_milestones (goal_id, title, due_date, done_on, position)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![
                        leaf,
                        format!("step {m}"),
                        day_text(t),
                        (done || m == 0).then(|| day_text(t)),
                        m
                    ],
                )?;
            }
            if r == 0 && c == 0 {
                (a_root, a_leaf) = (root, leaf);
            }
        }
    }
    tx.commit()?;
    Ok((a_root, a_leaf))
}

fn last_day(db: &Path) -> anyhow::Result<NaiveDate> {
    let conn = Connection::open(db)?;
    let d: Option<String> = conn.query_row("SELECT max(day) FROM tasks", [], |r| r.get(0))?;
    Ok(
        d.and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok())
            .unwrap_or_else(common::today),
    )
}

fn time<T>(name: &str, mut f: impl FnMut(usize) -> anyhow::Result<T>) -> anyhow::Result<()> {
    let mut samples: Vec<Duration> = Vec::with_capacity(RUNS);
    for i in 0..RUNS + 1 {
        let started = Instant::now();
        f(i)?;
        // The first run warms the page cache and the statement cache.
        if i > 0 {
            samples.push(started.elapsed());
        }
    }
    println!("  {name:<46} {:>9.3} ms", ms(median(samples)));
    Ok(())
}

fn main() -> anyhow::Result<()> {
    if !common::run_as_bench() {
        return Ok(());
    }
    let tmp = tempfile::tempdir()?;
    let data = tmp.path().join("data");
    let db = data.join("worklog.db");
    match std::env::var_os("WORKLOG_BENCH_DB") {
        Some(from) => {
            std::fs::create_dir_all(&data)?;
            std::fs::copy(from, &db)?;
        }
        None => {
            common::filled(&DataDir::new(&data))?;
        }
    }
    let today = last_day(&db)?;
    let clock = Arc::new(FixedClock::new(
        today.and_hms_opt(9, 30, 0).unwrap_or_default(),
    ));
    let (root, leaf) = add_goal_history(&db, today)?;
    let repo = Repo::open_migrated(&db, clock.clone())?;
    let rows: i64 = {
        let conn = Connection::open(&db)?;
        conn.query_row(
            "SELECT (SELECT count(*) FROM tasks) + (SELECT count(*) FROM learnings)
                + (SELECT count(*) FROM meetings) + (SELECT count(*) FROM energy_checkins)
                + (SELECT count(*) FROM goals) + (SELECT count(*) FROM action_items)",
            [],
            |r| r.get(0),
        )?
    };
    let backlog_day = today - Days::new(400);
    let backlog: Vec<Id> = repo.in_transaction(|r| {
        (0..BACKLOG)
            .map(|i| {
                r.add_task(
                    backlog_day,
                    &TaskDraft {
                        title: format!("backlog {i}"),
                        ..TaskDraft::default()
                    },
                )
                .map(|t| t.id)
            })
            .collect()
    })?;
    println!(
        "medians of {RUNS} runs; {rows} rows in the main tables, {} goals, today {today}:",
        ROOTS * (CHILDREN + 1)
    );

    time("goal(id), a top-level goal with 10 sub-goals", |_| {
        Ok(repo.goal(root)?)
    })?;
    time("goal(id), a sub-goal", |_| Ok(repo.goal(leaf)?))?;
    let mut version = repo.goal(leaf)?.stamp.version;
    time("update_goal (a sub-goal, same fields)", |_| {
        let g = repo.update_goal(
            leaf,
            version,
            &GoalDraft {
                parent_id: Some(root),
                title: "goal 0.0".into(),
                target_date: Some(today),
                ..GoalDraft::default()
            },
        )?;
        version = g.stamp.version;
        Ok(())
    })?;
    let week = today - Days::new(6);
    time("goals_due_between (next 14 days)", |_| {
        Ok(repo.goals_due_between(today, today + Days::new(14))?)
    })?;
    time("goals_done_between (last 7 days)", |_| {
        Ok(repo.goals_done_between(week, today)?)
    })?;
    time("milestones_done_between (last 7 days)", |_| {
        Ok(repo.milestones_done_between(week, today)?)
    })?;
    time(&format!("carry_tasks ({BACKLOG} tasks)"), |i| {
        let to = backlog_day + Days::new(i as u64 + 1);
        let moved = repo.carry_tasks(&backlog, to)?;
        anyhow::ensure!(moved == BACKLOG, "carried {moved}");
        Ok(())
    })?;
    let mut today_pane = TodayPane::new(Theme::monochrome());
    time("Today pane reload", |_| today_pane.reload(&repo))?;
    let mut goals_pane = GoalsPane::new(Theme::monochrome());
    time("Goals pane reload", |_| goals_pane.reload(&repo))?;
    let mut focus_pane = FocusPane::new(Theme::monochrome());
    time("Focus pane reload", |_| focus_pane.reload(&repo))?;
    Ok(())
}
