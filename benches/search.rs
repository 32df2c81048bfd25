//! Search at scale: sample databases of 100,000 and 1,000,000 rows (`demo::generate`), built
//! at schema version 2 and then migrated to 3, which indexes every row already there.
//!
//! Reports the time of that migration, the bytes the index adds, the cost of a write with and
//! without the index, and the median latency of typical searches next to a plain
//! `LIKE '%word%'` scan over the same text (what search would cost without an index).
//!
//! Then, where PostgreSQL is installed, the same searches at 100,000 rows on a throwaway
//! server started as the tests start theirs (`tests/common/pg.rs`), next to an `ILIKE` scan
//! of the same text.
//!
//! ```sh
//! cargo bench --bench search                          # both sizes (about 3 minutes)
//! WORKLOG_BENCH_ROWS=100000 cargo bench --bench search  # one size
//! WORKLOG_BENCH_ROWS=0 cargo bench --bench search       # PostgreSQL only
//! ```

mod common;
// The throwaway server of the tests, reused as it is (it allows its own unwraps).
#[path = "../tests/common/pg.rs"]
mod pg;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use std::sync::Arc;
use std::time::{Duration, Instant};
use worklog::clock::FixedClock;
use worklog::db::Repo;
use worklog::model::{Deletable, TaskDraft, TaskStatus};
use worklog::search::Query;

/// Searches as someone would type them, in the order reported.
const QUERIES: &[(&str, &str)] = &[
    ("common word", "review"),
    ("rare word", "starting"),
    ("prefix", "kube*"),
    ("2-letter prefix", "re*"),
    ("phrase", "\"code review\""),
    (
        "word + filters",
        "review pane:focus is:open from:2026-01-01",
    ),
    ("filters only", "pane:journal tag:rust"),
];

/// The same words for the LIKE scan.
const LIKE: &[(&str, &str)] = &[
    ("common word", "review"),
    ("rare word", "starting"),
    ("prefix", "kube"),
];

const LIMIT: usize = 20;
const WRITES: usize = 500;

fn main() -> Result<()> {
    // `cargo test --all-targets` would otherwise generate a million rows and start a server.
    if !common::run_as_bench() {
        return Ok(());
    }
    let sizes: Vec<usize> = match std::env::var("WORKLOG_BENCH_ROWS") {
        Ok(v) => v
            .split(',')
            .map(|n| {
                n.trim()
                    .parse()
                    .context("WORKLOG_BENCH_ROWS: numbers, comma-separated")
            })
            .collect::<Result<_>>()?,
        Err(_) => vec![100_000, 1_000_000],
    };
    for rows in sizes.into_iter().filter(|&n| n > 0) {
        bench(rows)?;
    }
    bench_postgres(PG_ROWS)
}

/// Rows of the PostgreSQL run.
const PG_ROWS: usize = 100_000;

/// The searches on PostgreSQL, against ILIKE over the same text.
fn bench_postgres(rows: usize) -> Result<()> {
    let Some(server) = pg::server() else {
        println!("\n== PostgreSQL: skipped (initdb and postgres not found)");
        return Ok(());
    };
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).context("date")?;
    let clock = Arc::new(FixedClock::new(today.and_hms_opt(9, 0, 0).context("time")?));
    let (url, schema) = server.fresh_schema();
    let repo = Repo::open_server_migrated(&url, Some(&schema), clock)?;
    let started = Instant::now();
    let summary = worklog::demo::generate(&repo, rows, 1, today)?;
    println!(
        "\n== PostgreSQL (throwaway server, unix socket): {} rows generated and indexed in {:.1} s",
        summary.rows,
        started.elapsed().as_secs_f64()
    );
    report_searches(&repo, "ILIKE")
}

/// Median latencies of QUERIES, then of the unindexed scan for LIKE's words.
fn report_searches(repo: &Repo, scan: &str) -> Result<()> {
    println!(
        "{:<16} {:<44} {:>6} {:>10}",
        "search", "query", "hits", "median"
    );
    let mut medians = Vec::new();
    for (label, text) in QUERIES {
        let q = Query::parse(text).map_err(anyhow::Error::msg)?;
        let hits = repo.search(&q, LIMIT)?.len();
        let m = median(101, || repo.search(&q, LIMIT).map(drop))?;
        medians.push((*label, m));
        println!("{label:<16} {text:<44} {hits:>6} {:>7.2} ms", millis(m));
    }
    for (label, word) in LIKE {
        let hits = repo.search_like_baseline(word, LIMIT)?.len();
        let m = median(7, || repo.search_like_baseline(word, LIMIT).map(drop))?;
        let indexed = medians
            .iter()
            .find(|(l, _)| l == label)
            .map_or(Duration::ZERO, |(_, d)| *d);
        println!(
            "{scan} {label:<11} {:<44} {hits:>6} {:>7.2} ms  ({:.0}x the indexed search)",
            format!("'%{word}%' over every text column"),
            millis(m),
            m.as_secs_f64() / indexed.as_secs_f64().max(1e-9)
        );
    }
    Ok(())
}

fn bench(rows: usize) -> Result<()> {
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).context("date")?;
    let clock = Arc::new(FixedClock::new(today.and_hms_opt(9, 0, 0).context("time")?));
    let tmp = tempfile::tempdir()?;
    let repo = Repo::open(&tmp.path().join("worklog.db"), clock)?;
    repo.migrate_to(2)?;

    let started = Instant::now();
    let summary = worklog::demo::generate(&repo, rows, 1, today)?;
    println!(
        "\n== {} rows ({} to {}), generated at schema version 2 in {:.1} s",
        summary.rows,
        summary.first_day,
        summary.last_day,
        started.elapsed().as_secs_f64()
    );

    let unindexed_write = time_writes(&repo, today)?;
    let (_, _, file_before) = repo.search_index_stats()?;
    let started = Instant::now();
    repo.migrate_to(3)?;
    let migration = started.elapsed();
    let (docs, index_bytes, file_after) = repo.search_index_stats()?;
    let indexed_write = time_writes(&repo, today)?;

    println!(
        "migration 3 (index {docs} rows already there): {:.2} s",
        migration.as_secs_f64()
    );
    println!(
        "size: file {} -> {} (+{}); the index's tables hold {} ({:.0}% of the file)",
        mib(file_before),
        mib(file_after),
        mib(file_after - file_before),
        mib(index_bytes),
        100.0 * index_bytes as f64 / file_after as f64
    );
    let writes = |w: [Duration; 4]| {
        format!(
            "add {:.0} µs, edit {:.0} µs, done {:.0} µs, delete {:.0} µs",
            micros(w[0]),
            micros(w[1]),
            micros(w[2]),
            micros(w[3])
        )
    };
    println!(
        "a task write without the index: {}",
        writes(unindexed_write)
    );
    println!("a task write with the index:    {}", writes(indexed_write));
    report_searches(&repo, "LIKE")
}

/// What the index adds to writes: the time per task added, edited (its text), marked done
/// and deleted, each kind of write done WRITES times in one transaction, so that syncing the
/// file (milliseconds, and noisy) is not what is measured.
fn time_writes(repo: &Repo, day: NaiveDate) -> Result<[Duration; 4]> {
    let per = |d: Duration| d / WRITES as u32;
    let started = Instant::now();
    let tasks = repo.in_transaction(|r| {
        (0..WRITES)
            .map(|i| {
                r.add_task(
                    day,
                    &TaskDraft {
                        title: format!("Benchmark write {i}: review the connection pool"),
                        notes: "Some notes of a realistic length, a sentence or two.".into(),
                        ..TaskDraft::default()
                    },
                )
            })
            .collect::<worklog::db::Result<Vec<_>>>()
    })?;
    let add = per(started.elapsed());
    let started = Instant::now();
    let tasks = repo.in_transaction(|r| {
        tasks
            .iter()
            .map(|t| {
                r.update_task(
                    t.id,
                    t.stamp.version,
                    &TaskDraft {
                        title: format!("{}, then the retry logic", t.title),
                        notes: "Edited notes, a sentence or two.".into(),
                        ..TaskDraft::default()
                    },
                )
            })
            .collect::<worklog::db::Result<Vec<_>>>()
    })?;
    let edit = per(started.elapsed());
    let started = Instant::now();
    let tasks = repo.in_transaction(|r| {
        tasks
            .iter()
            .map(|t| r.set_task_status(t.id, t.stamp.version, TaskStatus::Done))
            .collect::<worklog::db::Result<Vec<_>>>()
    })?;
    let done = per(started.elapsed());
    let started = Instant::now();
    repo.in_transaction(|r| {
        tasks
            .iter()
            .try_for_each(|t| r.delete(Deletable::Task, t.id))
    })?;
    let delete = per(started.elapsed());
    Ok([add, edit, done, delete])
}

fn median(runs: usize, mut f: impl FnMut() -> worklog::db::Result<()>) -> Result<Duration> {
    for _ in 0..3 {
        f()?;
    }
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let started = Instant::now();
        f()?;
        times.push(started.elapsed());
    }
    times.sort();
    Ok(times[runs / 2])
}

fn millis(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn micros(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

fn mib(bytes: i64) -> String {
    format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
}
