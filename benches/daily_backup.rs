//! The first command of the day, and a backup's memory, on a demo database made by the real
//! binary (`worklog demo --rows N`): 100,000 rows by default, `WORKLOG_BENCH_ROWS=1000000` for
//! the 228 MB case. Run with `cargo bench --bench daily_backup`. Prints medians of:
//! - `worklog add task` as the first command of a day (every run is a new day), which hands
//!   the daily backup to a detached process, beside the same with `WORKLOG_DAILY_BACKUP=wait`
//!   (the backup taken in the foreground, as every command did before);
//! - `worklog backup`: wall time and peak RSS (`/usr/bin/time`'s maximum resident set).

mod common;

use common::{median, ms};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const RUNS: usize = 5;

fn worklog(data: &Path, now: &str, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_worklog"));
    cmd.args(args)
        .env("WORKLOG_DATA_DIR", data)
        .env("WORKLOG_NOW", now)
        .env_remove("WORKLOG_DAILY_BACKUP");
    cmd
}

fn time(cmd: &mut Command) -> anyhow::Result<Duration> {
    let started = Instant::now();
    let out = cmd.output()?;
    let took = started.elapsed();
    if !out.status.success() {
        anyhow::bail!("{:?} failed: {}", cmd, String::from_utf8_lossy(&out.stderr));
    }
    Ok(took)
}

/// Waits (bounded) until the detached backup of `day` is in place and its lock is gone.
fn wait_for_backup(data: &Path, day: &str) -> anyhow::Result<()> {
    let until = Instant::now() + Duration::from_secs(600);
    loop {
        let done = std::fs::read_dir(data.join("backups"))?
            .filter_map(|e| e.ok())
            .any(|e| {
                e.file_name()
                    .to_string_lossy()
                    .starts_with(&format!("worklog-{day}"))
            });
        if done && !data.join("daily-backup.lock").exists() {
            return Ok(());
        }
        if Instant::now() > until {
            anyhow::bail!("the daily backup of {day} did not appear");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Peak RSS in KiB and wall time of one run, through `/usr/bin/time -f %M`.
fn peak_rss(cmd: &Command) -> anyhow::Result<(u64, Duration)> {
    let mut timed = Command::new("/usr/bin/time");
    timed
        .args(["-f", "%M"])
        .arg(cmd.get_program())
        .args(cmd.get_args());
    for (k, v) in cmd.get_envs() {
        match v {
            Some(v) => timed.env(k, v),
            None => timed.env_remove(k),
        };
    }
    let started = Instant::now();
    let out = timed.output()?;
    let took = started.elapsed();
    if !out.status.success() {
        anyhow::bail!("{:?} failed: {}", cmd, String::from_utf8_lossy(&out.stderr));
    }
    let err = String::from_utf8_lossy(&out.stderr);
    let kib = err
        .lines()
        .last()
        .and_then(|l| l.trim().parse().ok())
        .ok_or_else(|| anyhow::anyhow!("no peak RSS in {err:?}"))?;
    Ok((kib, took))
}

fn main() -> anyhow::Result<()> {
    if !common::run_as_bench() {
        return Ok(());
    }
    let rows: usize = std::env::var("WORKLOG_BENCH_ROWS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(common::ROWS);
    let tmp = tempfile::tempdir()?;
    let data = tmp.path().join("data");
    let made = Instant::now();
    time(
        worklog(
            &data,
            "2026-11-22T09:00:00",
            &["demo", "--rows", &rows.to_string()],
        )
        .arg("--data-dir")
        .arg(&data),
    )?;
    let size = std::fs::metadata(data.join("worklog.db"))?.len();
    println!(
        "demo of {rows} rows ({} MB) in {:.1} s",
        size / 1_000_000,
        made.elapsed().as_secs_f64()
    );

    // Alternating, so both see the same load; every run is the first command of a new day.
    let (mut detached, mut waited) = (Vec::new(), Vec::new());
    for k in 0..RUNS * 2 {
        let day = format!("2026-12-{:02}", k + 1);
        let now = format!("{day}T09:30:00");
        let mut cmd = worklog(&data, &now, &["add", "task", "first of the day"]);
        if k % 2 == 0 {
            detached.push(time(&mut cmd)?);
            wait_for_backup(&data, &day)?;
        } else {
            waited.push(time(cmd.env("WORKLOG_DAILY_BACKUP", "wait"))?);
        }
    }

    let (mut rss, mut took) = (Vec::new(), Vec::new());
    for k in 0..RUNS {
        let now = format!("2026-12-20T09:{:02}:00", 30 + k);
        let (kib, t) = peak_rss(&worklog(&data, &now, &["backup"]))?;
        rss.push(kib);
        took.push(t);
    }
    rss.sort_unstable();
    println!("medians over {RUNS} runs, {rows} rows:");
    println!(
        "  first `worklog add task` of the day, backup detached:   {:>8.1} ms",
        ms(median(detached))
    );
    println!(
        "  the same with WORKLOG_DAILY_BACKUP=wait (foreground):   {:>8.1} ms",
        ms(median(waited))
    );
    println!(
        "  `worklog backup`: {:.0} ms, peak RSS {:.1} MiB",
        ms(median(took)),
        rss[RUNS / 2] as f64 / 1024.0
    );
    Ok(())
}
