//! `worklog add task` as a whole process on PostgreSQL, on loopback, at 100,000 rows of demo
//! data, against `psql` inserting the same row into the same schema (the floor: a process, a
//! connection, one statement), and the same command on SQLite for comparison. Reports medians
//! and the ratio to the floor.
//!
//! Run: `cargo bench --bench postgres_add` (`WORKLOG_BENCH_ROWS=N` for another size). It starts a
//! throwaway server of its own, as the tests do (`tests/common/pg.rs`), and needs PostgreSQL's
//! programs. The TUI's figures on PostgreSQL come from
//! `WORKLOG_BENCH_BACKEND=postgres cargo bench --bench tui_pty -- 100000`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../tests/common/pg.rs"]
mod pg;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const NOW: &str = "2026-11-22T09:30:00";
const RUNS: usize = 25;

fn worklog() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_worklog"));
    cmd.env("WORKLOG_NOW", NOW)
        // Today's backup is taken once, before measuring; nothing runs in the background.
        .env("WORKLOG_DAILY_BACKUP", "wait")
        .env("XDG_CONFIG_HOME", "/nonexistent/worklog-bench/config")
        .env_remove("WORKLOG_CONFIG");
    cmd
}

fn run(cmd: &mut Command) -> Duration {
    let started = Instant::now();
    let out = cmd.output().unwrap();
    let took = started.elapsed();
    assert!(
        out.status.success(),
        "{:?} failed: {}",
        cmd.get_program(),
        String::from_utf8_lossy(&out.stderr)
    );
    took
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1000.0)
}

fn fill(dir: &Path, rows: usize, server: Option<(&str, &str)>) {
    let mut cmd = worklog();
    cmd.args([
        "demo",
        "--rows",
        &rows.to_string(),
        "--seed",
        "1",
        "--data-dir",
    ])
    .arg(dir);
    if let Some((url, schema)) = server {
        cmd.env("WORKLOG_DATABASE", url)
            .env("WORKLOG_SCHEMA", schema);
    }
    let started = Instant::now();
    run(&mut cmd);
    eprintln!(
        "  {rows} rows of demo data in {:.1} s",
        started.elapsed().as_secs_f64()
    );
}

fn add_task(dir: &Path, server: Option<(&str, &str)>, i: usize) -> Duration {
    let mut cmd = worklog();
    cmd.arg("--data-dir")
        .arg(dir)
        .args(["-q", "add", "task", &format!("Bench task {i}")]);
    if let Some((url, schema)) = server {
        cmd.env("WORKLOG_DATABASE", url)
            .env("WORKLOG_SCHEMA", schema);
    }
    run(&mut cmd)
}

fn main() {
    let rows: usize = std::env::var("WORKLOG_BENCH_ROWS")
        .ok()
        .and_then(|v| v.replace('_', "").parse().ok())
        .unwrap_or(100_000);
    let Some(server) = pg::server() else {
        println!("postgres bench: SKIPPED, PostgreSQL's initdb and postgres were not found");
        return;
    };
    let url = server.url(pg::ADMIN, "postgres");
    let schema = "bench";
    let base = tempfile::tempdir().unwrap();
    let (pg_dir, lite_dir): (PathBuf, PathBuf) = (base.path().join("pg"), base.path().join("lite"));
    eprintln!("PostgreSQL:");
    fill(&pg_dir, rows, Some((&url, schema)));
    eprintln!("SQLite:");
    fill(&lite_dir, rows, None);
    // Warm both (and take today's backups now, not during the runs).
    add_task(&pg_dir, Some((&url, schema)), 0);
    add_task(&lite_dir, None, 0);

    let pg: Vec<Duration> = (1..=RUNS)
        .map(|i| add_task(&pg_dir, Some((&url, schema)), i))
        .collect();
    let lite: Vec<Duration> = (1..=RUNS).map(|i| add_task(&lite_dir, None, i)).collect();
    let psql = pg::tool("psql");
    let socket = url
        .split("host=")
        .nth(1)
        .and_then(|h| h.split('&').next())
        .unwrap()
        .to_string();
    let floor: Vec<Duration> = (1..=RUNS)
        .map(|i| {
            run(Command::new(&psql)
                .args(["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", &socket])
                .args(["-U", pg::ADMIN, "-d", "postgres", "-c"])
                .arg(format!(
                    "INSERT INTO {schema}.tasks (day, first_day, title, position)
                     VALUES ('2026-11-22', '2026-11-22', 'Floor task {i}', 1000 + {i})"
                )))
        })
        .collect();
    let (pg, lite, floor) = (median(pg), median(lite), median(floor));
    let ratio = |d: Duration| d.as_secs_f64() / floor.as_secs_f64();
    println!("\n`worklog add task` as a process, {rows} rows, median of {RUNS} runs, in ms");
    println!("{:<44}{:>10}{:>14}", "", "ms", "to the floor");
    println!(
        "{:<44}{:>10}{:>14}",
        "psql INSERT of the same row (the floor)",
        ms(floor),
        "1.0x"
    );
    println!(
        "{:<44}{:>10}{:>14}",
        "worklog add task on PostgreSQL",
        ms(pg),
        format!("{:.1}x", ratio(pg))
    );
    println!(
        "{:<44}{:>10}{:>14}",
        "worklog add task on SQLite",
        ms(lite),
        format!("{:.1}x", ratio(lite))
    );
}
