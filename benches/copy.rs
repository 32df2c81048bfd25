//! `worklog copy` of a large log (1,000,000 rows by default), SQLite to PostgreSQL and
//! PostgreSQL to SQLite, in process against a throwaway PostgreSQL cluster on a unix socket
//! (the tests' own, `tests/common/pg.rs`). Each copy includes its verification: both sides read
//! back, counted and checksummed. Run with `cargo bench --bench copy`;
//! `WORKLOG_BENCH_ROWS=100000` and `WORKLOG_BENCH_RUNS=N` change the size and the runs.
//!
//! Measured 2026-12-01 on the shared 2-core build machine (load 6-10), medians of 3, the
//! cluster run as the tests run it (fsync off: one commit per copy, so that matters little):
//! the demo's "1,000,000" rows are 940,143; SQLite to PostgreSQL 18.1 s (52,000 rows/s, 3.7 s
//! CPU in worklog), PostgreSQL to SQLite 8.1 s (116,000 rows/s); of that, reading one side
//! back and checksumming it takes 0.9 s on SQLite and 2.7 s on PostgreSQL. At 98,483 rows:
//! 2.0 s and 0.8 s.

mod common;
// The tests' throwaway cluster (the file allows what tests allow).
#[path = "../tests/common/pg.rs"]
mod pg;

use common::{clock, cpu_time, median, ms, today};
use std::time::Instant;
use worklog::db::Repo;

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() -> anyhow::Result<()> {
    if !common::run_as_bench() {
        return Ok(());
    }
    let Some(server) = pg::server() else {
        println!("PostgreSQL is not installed: nothing to measure");
        return Ok(());
    };
    let rows = env_number("WORKLOG_BENCH_ROWS", 1_000_000);
    let runs = env_number("WORKLOG_BENCH_RUNS", 3);
    let tmp = tempfile::tempdir()?;
    let source_path = tmp.path().join("source.db");
    let source = Repo::open_migrated(&source_path, clock())?;
    let started = Instant::now();
    let made = worklog::demo::generate(&source, rows, 1, today())?;
    println!(
        "generated {} rows in {:.1} s",
        made.rows,
        started.elapsed().as_secs_f64()
    );

    let (mut to_pg, mut to_pg_cpu, mut to_lite, mut to_lite_cpu) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut copied_rows = 0;
    for run in 0..runs {
        let (url, schema) = server.fresh_schema();
        let pg = Repo::open_server_migrated(&url, Some(&schema), clock())?;
        let (t, cpu) = (Instant::now(), cpu_time());
        let copied = worklog::copy::copy(&source, &pg, &mut |_, _| {})?;
        to_pg.push(t.elapsed());
        to_pg_cpu.push(cpu_time() - cpu);
        copied_rows = copied.rows();

        let back_path = tmp.path().join(format!("back-{run}.db"));
        let back = Repo::open_migrated(&back_path, clock())?;
        let (t, cpu) = (Instant::now(), cpu_time());
        let again = worklog::copy::copy(&pg, &back, &mut |_, _| {})?;
        to_lite.push(t.elapsed());
        to_lite_cpu.push(cpu_time() - cpu);
        anyhow::ensure!(
            again.source.checksum == copied.source.checksum,
            "copies differ"
        );
        println!(
            "run {}: to PostgreSQL {:.1} s, back to SQLite {:.1} s",
            run + 1,
            to_pg.last().map_or(0.0, |d| d.as_secs_f64()),
            to_lite.last().map_or(0.0, |d| d.as_secs_f64())
        );
        drop(back);
        std::fs::remove_file(&back_path).ok();
        for suffix in ["-wal", "-shm"] {
            std::fs::remove_file(format!("{}{suffix}", back_path.display())).ok();
        }
        server
            .admin_sql(&format!("DROP SCHEMA {schema} CASCADE"))
            .map_err(anyhow::Error::msg)?;
    }

    // The verification alone: reading a side back and checksumming it.
    let (url, schema) = server.fresh_schema();
    let pg = Repo::open_server_migrated(&url, Some(&schema), clock())?;
    worklog::copy::copy(&source, &pg, &mut |_, _| {})?;
    let t = Instant::now();
    worklog::copy::fingerprint(&source)?;
    let sum_lite = t.elapsed();
    let t = Instant::now();
    worklog::copy::fingerprint(&pg)?;
    let sum_pg = t.elapsed();

    let to_pg_med = median(to_pg);
    let to_lite_med = median(to_lite);
    println!(
        "medians over {runs} runs, {copied_rows} rows copied (demo data of {} rows):",
        made.rows
    );
    println!(
        "  SQLite -> PostgreSQL: {:>9.0} ms wall, {:>9.0} ms CPU ({:.0} rows/s)",
        ms(to_pg_med),
        ms(median(to_pg_cpu)),
        copied_rows as f64 / to_pg_med.as_secs_f64()
    );
    println!(
        "  PostgreSQL -> SQLite: {:>9.0} ms wall, {:>9.0} ms CPU ({:.0} rows/s)",
        ms(to_lite_med),
        ms(median(to_lite_cpu)),
        copied_rows as f64 / to_lite_med.as_secs_f64()
    );
    println!(
        "  of which reading back and checksumming: SQLite {:.0} ms, PostgreSQL {:.0} ms",
        ms(sum_lite),
        ms(sum_pg)
    );
    println!("  (CPU is this process only; PostgreSQL's server processes are not counted)");
    Ok(())
}
