//! Shared by the benchmarks: a data directory holding about 100,000 rows of demo data, and
//! timing helpers.
#![allow(dead_code)]

use chrono::NaiveDate;
use std::sync::Arc;
use std::time::{Duration, Instant};
use worklog::clock::FixedClock;
use worklog::paths::DataDir;

pub const ROWS: usize = 100_000;
pub const NOW: &str = "2026-11-22T09:30:00";

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or_default()
}

pub fn clock() -> Arc<FixedClock> {
    Arc::new(FixedClock::new(
        today().and_hms_opt(9, 30, 0).unwrap_or_default(),
    ))
}

/// Fills `dir` with about [`ROWS`] rows through `worklog::demo::generate`.
pub fn filled(dir: &DataDir) -> anyhow::Result<i64> {
    let repo = worklog::launch::open(dir, clock())?;
    let started = Instant::now();
    let summary = worklog::demo::generate(&repo, ROWS, 1, today())?;
    println!(
        "generated {} rows in {:.1} s",
        summary.rows,
        started.elapsed().as_secs_f64()
    );
    Ok(summary.rows)
}

pub fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// CPU time this process has used so far (all threads), from /proc/self/schedstat; zero
/// where that is not available. Wall time on a shared machine includes waiting for a core.
pub fn cpu_time() -> Duration {
    std::fs::read_to_string("/proc/self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .map(Duration::from_nanos)
        .unwrap_or_default()
}

/// `cargo bench` passes `--bench`; `cargo test --all-targets` does not, and then the
/// benchmark only says how to run it instead of taking a minute.
pub fn run_as_bench() -> bool {
    if std::env::args().any(|a| a == "--bench") {
        return true;
    }
    println!("benchmark skipped: run it with `cargo bench`");
    false
}
