//! Times `backup::take` (snapshot, sync, integrity check, rename, rotation) on a database of
//! about 100,000 rows. Run with `cargo bench --bench backup`; prints the median.

use chrono::{Days, NaiveDate};
use std::sync::Arc;
use std::time::Instant;
use worklog::backup::{self, Reason};
use worklog::clock::{Clock, FixedClock};
use worklog::model::{CheckinDraft, TaskDraft};
use worklog::paths::DataDir;

const RUNS: usize = 9;

fn main() -> anyhow::Result<()> {
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
    Ok(())
}
