//! Times `backup::take` (snapshot, sync, integrity check, rename, rotation) on a database of
//! about 100,000 rows. Run with `cargo bench --bench backup`; prints the median.
//!
//! Then the cost of attachments (issue 14): medians of a backup (`backup::take`), of the
//! launch-time daily backup (`backup::daily_if_missing`, what the app's background thread and
//! `worklog __daily-backup` run, every run a new day) and of `worklog check` (the real binary,
//! on a day that has its backup), without attachments and with 200 files of 1 MiB and 20 of
//! 50 MiB (random bytes, attached through the library). `WORKLOG_BENCH_ATTACH_MIB=N` scales
//! the 50 MiB files; `WORKLOG_BENCH_ATTACH_ONLY=1` skips the database-only figures;
//! `WORKLOG_BIN` runs another build of the binary for `check`.

mod common;

use chrono::{Days, NaiveDate};
use common::{median, ms};
use rand::RngCore;
use rand::SeedableRng;
use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::time::Duration;
use std::time::Instant;
use worklog::backup::{self, Reason};
use worklog::clock::{Clock, FixedClock};
use worklog::model::{CheckinDraft, TaskDraft};
use worklog::paths::DataDir;

const RUNS: usize = 9;

fn main() -> anyhow::Result<()> {
    if !common::run_as_bench() {
        return Ok(());
    }
    let tmp = tempfile::tempdir()?;
    let dir = DataDir::new(tmp.path().join("data"));
    let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default();
    let clock = Arc::new(FixedClock::new(
        start.and_hms_opt(9, 0, 0).unwrap_or_default(),
    ));
    let repo = worklog::launch::open(&dir, clock.clone())?;

    let filled = Instant::now();
    repo.in_transaction(|r| {
        for i in 0..50_000u64 {
            let day = start + Days::new(i % 365);
            r.add_task(
                day,
                &TaskDraft {
                    title: format!("Task {i}: review the quarterly plan and write notes"),
                    notes: "Some notes of a realistic length, a sentence or two about it.".into(),
                    ..TaskDraft::default()
                },
            )?;
            r.add_checkin(&CheckinDraft {
                at: day
                    .and_hms_opt(8 + (i % 10) as u32, 0, 0)
                    .unwrap_or_default(),
                level: (i % 5 + 1) as u8,
                note: "fine".into(),
                tags: Vec::new(),
            })?;
        }
        Ok(())
    })?;
    let rows = repo.row_counts()?.total();
    println!(
        "{rows} rows written in {:.1} s",
        filled.elapsed().as_secs_f64()
    );

    // WORKLOG_BENCH_ATTACH_ONLY=1: only the attachments part below (same database).
    if std::env::var_os("WORKLOG_BENCH_ATTACH_ONLY").is_none() {
        let mut times = Vec::new();
        let mut size = 0;
        for k in 0..RUNS {
            clock.set(clock.now() + chrono::Duration::seconds(k as i64 + 1));
            let report = backup::take(&dir, &*clock, Reason::Manual)?;
            size = report.size;
            times.push(report.duration.as_secs_f64() * 1000.0);
        }
        times.sort_by(f64::total_cmp);
        println!(
            "backup of {} ({rows} rows): median {:.0} ms, min {:.0} ms, max {:.0} ms over {RUNS} runs",
            backup::human_size(size),
            times[RUNS / 2],
            times[0],
            times[RUNS - 1]
        );

        // Where the time goes: the snapshot itself, then the read-only integrity check.
        let probe = tmp.path().join("probe.db");
        let t = Instant::now();
        worklog::db::snapshot::snapshot_file(&dir.database(), &probe)?;
        let snap = t.elapsed();
        let t = Instant::now();
        let check = worklog::db::snapshot::check_file(&probe)?;
        println!(
            "of which: VACUUM INTO {:.0} ms, integrity check and counts {:.0} ms ({} problems)",
            snap.as_secs_f64() * 1000.0,
            t.elapsed().as_secs_f64() * 1000.0,
            check.problems.len()
        );
    }

    let without = attachment_case(&dir, &clock)?;
    let attached = Instant::now();
    let big: u64 = std::env::var("WORKLOG_BENCH_ATTACH_MIB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50);
    let bytes = attach_files(&dir, &repo, tmp.path(), &[(200, 1), (20, big)])?;
    println!(
        "attached 220 files ({}) in {:.1} s",
        backup::human_size(bytes),
        attached.elapsed().as_secs_f64()
    );
    let with = attachment_case(&dir, &clock)?;
    println!("medians over {ATTACH_RUNS} runs, without / with attachments (ratio):");
    for (what, a, b) in [
        ("backup::take", without.take, with.take),
        ("daily backup (launch path)", without.daily, with.daily),
        ("`worklog check`", without.check, with.check),
    ] {
        println!(
            "  {what:<28} {:>8.1} ms / {:>8.1} ms ({:.1}x)",
            ms(a),
            ms(b),
            b.as_secs_f64() / a.as_secs_f64()
        );
    }
    Ok(())
}

const ATTACH_RUNS: usize = 5;

struct Case {
    take: Duration,
    daily: Duration,
    check: Duration,
}

/// The medians of a manual backup, of today's backup on a new day, and of `worklog check`.
fn attachment_case(dir: &DataDir, clock: &FixedClock) -> anyhow::Result<Case> {
    let (mut take, mut daily, mut check) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..ATTACH_RUNS {
        clock.set(clock.now() + chrono::Duration::seconds(1));
        let t = Instant::now();
        backup::take(dir, clock, Reason::Manual)?;
        take.push(t.elapsed());

        // The next day: the first start takes today's backup.
        clock.set(clock.now() + chrono::Duration::days(1));
        let t = Instant::now();
        if backup::daily_if_missing(dir, clock)?.is_none() {
            anyhow::bail!("no daily backup was taken");
        }
        daily.push(t.elapsed());

        // Today has its backup, so `check` takes none: the check alone.
        let bin = std::env::var("WORKLOG_BIN")
            .unwrap_or_else(|_| env!("CARGO_BIN_EXE_worklog").to_string());
        let t = Instant::now();
        let out = Command::new(bin)
            .arg("check")
            .env("WORKLOG_DATA_DIR", dir.root())
            .env(
                "WORKLOG_NOW",
                clock.now().format("%Y-%m-%dT%H:%M:%S").to_string(),
            )
            .env_remove("WORKLOG_DAILY_BACKUP")
            .output()?;
        check.push(t.elapsed());
        if !out.status.success() {
            anyhow::bail!(
                "worklog check failed: {}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
    Ok(Case {
        take: median(take),
        daily: median(daily),
        check: median(check),
    })
}

/// Writes `count` files of `mib` MiB of random bytes for each `(count, mib)` and attaches
/// each to its own task through the library. Returns the bytes attached.
fn attach_files(
    dir: &DataDir,
    repo: &worklog::db::Repo,
    tmp: &Path,
    sizes: &[(usize, u64)],
) -> anyhow::Result<u64> {
    let src = tmp.join("sources");
    std::fs::create_dir_all(&src)?;
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(14);
    let mut buf = vec![0u8; 1024 * 1024];
    let (mut task, mut total) = (0i64, 0u64);
    for &(count, mib) in sizes {
        for n in 0..count {
            let path = src.join(format!("file-{mib}-{n}.bin"));
            let mut f = std::fs::File::create(&path)?;
            for _ in 0..mib {
                rng.fill_bytes(&mut buf);
                std::io::Write::write_all(&mut f, &buf)?;
            }
            drop(f);
            let new = worklog::attachments::prepare(dir, &path, u64::MAX)?;
            task += 1;
            repo.add_attachments(worklog::model::AttachOwner::Task, task, &[new])?;
            std::fs::remove_file(&path)?;
            total += mib * 1024 * 1024;
        }
    }
    Ok(total)
}
