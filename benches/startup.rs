//! The real binary, as a user meets it: time from process start to the first complete frame,
//! and peak memory, on a data directory of about 100,000 rows of `worklog demo` data. The
//! binary runs in a pseudo-terminal and its screen is parsed with vt100, so what is timed is
//! what a person would see.
//!
//! Run with `cargo bench --bench startup` (ROWS=N to change the size); prints medians.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use worklog::clock::FixedClock;
use worklog::db::Repo;

const NOW: &str = "2026-11-22T09:30:00";
const COLS: u16 = 120;
const ROWS: u16 = 40;

struct Run {
    first_frame: Duration,
    peak_rss_kib: u64,
}

/// Starts the binary, waits for its first complete frame (the footer's `? help` is drawn last,
/// at the bottom), visits every pane, reads the peak resident memory, and quits.
fn run_once(data: &Path) -> Run {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_worklog"));
    cmd.arg("--data-dir");
    cmd.arg(data);
    cmd.env("WORKLOG_NOW", NOW);
    cmd.env("TERM", "xterm-256color");
    let start = Instant::now();
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let pid = child.process_id().unwrap();
    let mut reader = pair.master.try_clone_reader().unwrap();
    let mut writer = pair.master.take_writer().unwrap();
    let output = Arc::new(Mutex::new(Vec::<u8>::new()));
    let sink = output.clone();
    std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            sink.lock().unwrap().extend_from_slice(&buf[..n]);
        }
    });
    let screen_has = |needle: &str| {
        let size = |n: u16| std::num::NonZeroU16::new(n).unwrap();
        let mut p = vt100::Parser::new(size(ROWS), size(COLS), 0);
        p.process(&output.lock().unwrap());
        p.screen().contents().contains(needle)
    };
    let deadline = Instant::now() + Duration::from_secs(20);
    while !screen_has("? help") {
        assert!(Instant::now() < deadline, "no frame within 20 s");
        std::thread::sleep(Duration::from_micros(200));
    }
    let first_frame = start.elapsed();
    // Every pane once, so the peak covers what a session touches.
    for key in ["1", "2", "3", "4", "5", "6", "7", "0"] {
        writer.write_all(key.as_bytes()).unwrap();
        writer.flush().unwrap();
        std::thread::sleep(Duration::from_millis(60));
    }
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let peak_rss_kib = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0);
    writer.write_all(b"q").unwrap();
    writer.flush().unwrap();
    child.wait().unwrap();
    Run {
        first_frame,
        peak_rss_kib,
    }
}

fn median<T: Ord + Copy>(mut v: Vec<T>) -> T {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let rows: usize = std::env::var("ROWS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let now = chrono::NaiveDateTime::parse_from_str(NOW, "%Y-%m-%dT%H:%M:%S").unwrap();
    std::fs::create_dir_all(&data).unwrap();
    let made = {
        let repo =
            Repo::open_migrated(&data.join("worklog.db"), Arc::new(FixedClock::new(now))).unwrap();
        worklog::demo::generate(&repo, rows, 1, now.date()).unwrap()
    };
    let size = std::fs::metadata(data.join("worklog.db")).unwrap().len();
    println!(
        "data: {} rows, {} to {}, database {:.1} MiB",
        made.rows,
        made.first_day,
        made.last_day,
        size as f64 / 1048576.0
    );

    // The first start of the day also takes the daily backup, on a background thread.
    let first_of_day = run_once(&data);
    println!(
        "first start of the day (backup running meanwhile): first frame {:.1} ms",
        first_of_day.first_frame.as_secs_f64() * 1000.0
    );

    let runs: Vec<Run> = (0..15).map(|_| run_once(&data)).collect();
    let frames: Vec<Duration> = runs.iter().map(|r| r.first_frame).collect();
    let peaks: Vec<u64> = runs.iter().map(|r| r.peak_rss_kib).collect();
    println!(
        "process start to first complete frame: median {:.1} ms (min {:.1}, max {:.1}, n={})",
        median(frames.clone()).as_secs_f64() * 1000.0,
        frames.iter().min().unwrap().as_secs_f64() * 1000.0,
        frames.iter().max().unwrap().as_secs_f64() * 1000.0,
        frames.len()
    );
    println!(
        "peak memory (VmHWM) after visiting every pane: median {:.1} MiB (max {:.1})",
        median(peaks.clone()) as f64 / 1024.0,
        *peaks.iter().max().unwrap() as f64 / 1024.0
    );
}
