//! `worklog add task` end to end, as a process, on a database of about 100,000 rows, against
//! the floor: the `sqlite3` shell inserting one row into the same file. Run with
//! `cargo bench --bench capture`.

mod common;

use common::{NOW, filled, median, ms};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};
use worklog::paths::DataDir;

const RUNS: usize = 31;

fn time(mut cmd: Command) -> anyhow::Result<Duration> {
    let started = Instant::now();
    let out = cmd.output()?;
    let took = started.elapsed();
    if !out.status.success() {
        anyhow::bail!("{:?} failed: {}", cmd, String::from_utf8_lossy(&out.stderr));
    }
    Ok(took)
}

fn add_task(data: &Path, title: &str) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_worklog"));
    cmd.args(["add", "task", title, "--tag", "bench"])
        .env("WORKLOG_DATA_DIR", data)
        .env("WORKLOG_NOW", NOW);
    cmd
}

fn main() -> anyhow::Result<()> {
    if !common::run_as_bench() {
        return Ok(());
    }
    let tmp = tempfile::tempdir()?;
    let data = tmp.path().join("data");
    filled(&DataDir::new(&data))?;
    let db = data.join("worklog.db");

    // The first command of the day also starts the daily backup, in a detached process (see
    // benches/daily_backup.rs); the runs after it do not. Wait for it, so that it does not
    // share the machine with the timed runs.
    let first = time(add_task(&data, "first of the day"))?;
    println!(
        "worklog add task, first run of the day (starts the daily backup): {:.1} ms",
        ms(first)
    );
    let waited = Instant::now();
    while data.join("daily-backup.lock").exists()
        || !std::fs::read_dir(data.join("backups"))?
            .filter_map(|e| e.ok())
            .any(|e| e.file_name().to_string_lossy().contains("T093000-daily"))
    {
        if waited.elapsed() > Duration::from_secs(600) {
            anyhow::bail!("the daily backup did not finish");
        }
        std::thread::sleep(Duration::from_millis(20));
    }

    let mut worklog = Vec::with_capacity(RUNS);
    let mut floor = Vec::with_capacity(RUNS);
    let mut spawn = Vec::with_capacity(RUNS);
    for i in 0..RUNS {
        // Interleaved, so both see the same machine load.
        worklog.push(time(add_task(&data, &format!("bench task {i}")))?);
        let mut sqlite = Command::new("sqlite3");
        sqlite.arg(&db).arg(format!(
            "INSERT INTO tasks (day, first_day, title) VALUES ('2026-11-22', '2026-11-22', 'floor {i}');"
        ));
        floor.push(time(sqlite)?);
        spawn.push(time(Command::new("true"))?);
    }
    let (w, f, s) = (median(worklog), median(floor), median(spawn));
    println!("medians over {RUNS} runs, database of ~100,000 rows:");
    println!(
        "  worklog add task (process, end to end):  {:>7.2} ms",
        ms(w)
    );
    println!(
        "  sqlite3 shell, one INSERT (the floor):   {:>7.2} ms",
        ms(f)
    );
    println!(
        "  spawning `true` (process start alone):   {:>7.2} ms",
        ms(s)
    );
    println!(
        "  ratio worklog / sqlite3:                 {:>7.2}x",
        ms(w) / ms(f)
    );
    Ok(())
}
