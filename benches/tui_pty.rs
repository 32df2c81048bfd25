//! The TUI as the user meets it: the real release binary in a pseudo-terminal, on demo
//! databases of 10K, 100K and 1M rows. Reports medians of
//! - the first frame (process start → first complete frame),
//! - each pane switch (key → complete frame of that pane, for every pane 0–7): the median of
//!   later visits, and apart, the single first visit of each pane in the session (its first
//!   load: one sample, so noisy),
//! - scrolling the Journal by a page (PgDn / PgUp),
//! - a keystroke in the Journal's filter,
//! - saving a new task in Focus (Enter → the frame saying it was saved),
//!
//! and peak RSS (VmHWM from /proc/PID/status after every pane was visited), with the ratio of
//! each figure to the one at the smallest size.
//!
//! Run: `cargo bench --bench tui_pty` (10K and 100K rows; `WORKLOG_BENCH_SCREENS=1` prints the
//! screen each step ended on, to check that the keys did what the step says), or choose sizes with
//! `WORKLOG_BENCH_ROWS=10000,100000,1000000 cargo bench --bench tui_pty` (or
//! `cargo bench --bench tui_pty -- 1000000`). Each size is made once with
//! `worklog demo --rows N --seed 1` (clock pinned to 2026-11-22) and cached under
//! `target/bench-data/demo-N-seed1`, made again when its schema is older than this worklog's;
//! delete that folder after changing the demo generator.
//! Every session runs on a copy of the cached database (saves write to it); the demo's backup
//! of the day is linked in, so no daily backup runs in the background during a measurement.
//!
//! How a frame is known to be complete: the binary is started with `WORKLOG_FRAME_MARKS=1`,
//! which makes it write a private OSC sequence (`FRAME_MARK` in `src/tui/mod.rs`, ignored by
//! terminals and by vt100) each time ratatui flushes, which it does once at the end of every
//! draw, after the last cell. A reader thread feeds the pty's output to vt100 up to each mark
//! and records when the mark arrived, with the screen as it then was. A measurement is the
//! time from writing the key to the arrival of the first mark whose screen shows the expected
//! result (the pane's tab highlighted; for scroll and filter, a screen that differs from the
//! one before the key; for a save, the "saved" message). So the figure ends exactly when the
//! app has written the frame: no quiet period is waited for or subtracted, and frames drawn
//! for other reasons (a tick) are not mistaken for the answer. What it includes beyond the
//! app's own work is one pty round trip (tens of microseconds).
//!
//! `WORKLOG_BENCH_BACKEND=postgres` measures the same on PostgreSQL, on loopback: a throwaway
//! server (as the tests start one, `tests/common/pg.rs`) gets the same demo data in a schema
//! per size, made anew each run, and every session opens it with `WORKLOG_DATABASE`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../tests/common/pg.rs"]
mod pg;

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

const ROWS: u16 = 36;
const COLS: u16 = 120;
const NOW: &str = "2026-11-22T09:30:00";
const SEED: u64 = 1;
const MARK: &[u8] = worklog::tui::FRAME_MARK;
const PANES: [&str; 8] = [
    "Today", "Focus", "Journal", "Skills", "Meetings", "Goals", "Feedback", "Energy",
];
const STARTS: usize = 7;
const SWITCH_ROUNDS: usize = 8;
const SCROLLS: usize = 20;
const FILTER_ROUNDS: usize = 3;
/// What is typed into the Journal's filter; `WORKLOG_BENCH_FILTER` types another text (on
/// PostgreSQL, a word after a space is looked up in the search index's words).
const FILTER_TEXT: &str = "review";
const SAVES: usize = 7;
const TIMEOUT: Duration = Duration::from_secs(60);

fn worklog_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_worklog"))
}

/// `target/` (the binary lives in `target/release/`).
fn target_dir() -> PathBuf {
    let bin = worklog_bin();
    bin.parent()
        .and_then(Path::parent)
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"))
}

/// The schema version of the database at `path`, read without changing it.
fn schema_version(path: &Path) -> u32 {
    let clock = std::sync::Arc::new(worklog::clock::FixedClock::new(
        chrono::NaiveDateTime::parse_from_str(NOW, "%Y-%m-%dT%H:%M:%S").unwrap(),
    ));
    worklog::db::Repo::open_read_only(path, clock)
        .and_then(|r| r.schema_version())
        .unwrap_or(0)
}

/// The demo data directory for `rows`, made once.
/// On PostgreSQL: the server's address, for every process the bench starts.
fn postgres() -> Option<String> {
    static URL: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    URL.get_or_init(|| {
        let wanted = std::env::var("WORKLOG_BENCH_BACKEND").is_ok_and(|b| b == "postgres");
        wanted.then(|| {
            let server = pg::server().expect("PostgreSQL's initdb and postgres are needed");
            server.url(pg::ADMIN, "postgres")
        })
    })
    .clone()
}

/// Runs `cmd` on the bench's database: PostgreSQL's schema for `rows`, or the data directory's.
fn on_database(cmd: &mut std::process::Command, rows: usize) {
    if let Some(url) = postgres() {
        cmd.env("WORKLOG_DATABASE", url);
        cmd.env("WORKLOG_SCHEMA", format!("demo_{rows}"));
    }
}

fn cached_demo(rows: usize) -> PathBuf {
    if postgres().is_some() {
        return postgres_demo(rows);
    }
    let dir = target_dir()
        .join("bench-data")
        .join(format!("demo-{rows}-seed{SEED}"));
    if dir.join("worklog.db").is_file() {
        if schema_version(&dir.join("worklog.db")) == worklog::db::migrate::latest() {
            return dir;
        }
        // Made by an older worklog: every session would migrate it first (a backup, new
        // indexes), which is not what is measured. Make it again.
        eprintln!("{} is at an older schema: making it again", dir.display());
        std::fs::remove_dir_all(&dir).unwrap();
    }
    let tmp = dir.with_extension("partial");
    let _ = std::fs::remove_dir_all(&tmp);
    std::fs::create_dir_all(tmp.parent().unwrap()).unwrap();
    eprintln!(
        "making {rows} rows of demo data (once) in {}",
        dir.display()
    );
    let started = Instant::now();
    let out = std::process::Command::new(worklog_bin())
        .args([
            "demo",
            "--rows",
            &rows.to_string(),
            "--seed",
            &SEED.to_string(),
        ])
        .arg("--data-dir")
        .arg(&tmp)
        .env("WORKLOG_NOW", NOW)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "worklog demo failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    eprintln!("  took {:.1} s", started.elapsed().as_secs_f64());
    std::fs::rename(&tmp, &dir).unwrap();
    dir
}

/// The demo data in a PostgreSQL schema of its own, and a data directory for its backups.
fn postgres_demo(rows: usize) -> PathBuf {
    let dir = target_dir()
        .join("bench-data")
        .join(format!("pg-demo-{rows}-seed{SEED}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    eprintln!("making {rows} rows of demo data on PostgreSQL");
    let started = Instant::now();
    let mut cmd = std::process::Command::new(worklog_bin());
    cmd.args([
        "demo",
        "--rows",
        &rows.to_string(),
        "--seed",
        &SEED.to_string(),
    ])
    .arg("--data-dir")
    .arg(&dir)
    .env("WORKLOG_NOW", NOW);
    on_database(&mut cmd, rows);
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "worklog demo failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    eprintln!("  took {:.1} s", started.elapsed().as_secs_f64());
    dir
}

/// A fresh data directory for one run: a copy of the database, the day's backup linked in.
fn run_copy(cached: &Path, name: &str) -> PathBuf {
    let run = cached.with_file_name(format!(
        "run-{}-{name}",
        cached.file_name().unwrap().to_string_lossy()
    ));
    let _ = std::fs::remove_dir_all(&run);
    std::fs::create_dir_all(run.join("backups")).unwrap();
    if cached.join("worklog.db").is_file() {
        std::fs::copy(cached.join("worklog.db"), run.join("worklog.db")).unwrap();
    }
    std::fs::create_dir_all(cached.join("backups")).unwrap();
    for entry in std::fs::read_dir(cached.join("backups")).unwrap() {
        let entry = entry.unwrap();
        let to = run.join("backups").join(entry.file_name());
        if std::fs::hard_link(entry.path(), &to).is_err() {
            std::fs::copy(entry.path(), &to).unwrap();
        }
    }
    run
}

/// A complete frame: when its mark arrived, and the screen it left.
struct Frame {
    at: Instant,
    text: String,
    /// The pane whose tab is highlighted, if any.
    active: Option<usize>,
}

fn active_tab(screen: &vt100::Screen) -> Option<usize> {
    let row: String = screen.contents_between(0, 0, 0, COLS);
    PANES.iter().enumerate().find_map(|(i, title)| {
        let label = format!("{i} {title}");
        let col = row.find(&label)?;
        // Tab labels are ASCII, so the byte offset is the column.
        let cell = screen.cell(0, u16::try_from(col).ok()?)?;
        cell.inverse().then_some(i)
    })
}

struct Session {
    master: Box<dyn MasterPty + Send>,
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    frames: Receiver<Frame>,
    started: Instant,
    last: Option<Frame>,
}

impl Session {
    fn start(data: &Path, rows: usize) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(worklog_bin());
        cmd.arg("--data-dir");
        cmd.arg(data);
        cmd.env("WORKLOG_NOW", NOW);
        cmd.env("WORKLOG_FRAME_MARKS", "1");
        cmd.env("TERM", "xterm-256color");
        if let Some(url) = postgres() {
            cmd.env("WORKLOG_DATABASE", url);
            cmd.env("WORKLOG_SCHEMA", format!("demo_{rows}"));
        }
        cmd.env_remove("NO_COLOR");
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let (tx, frames) = channel();
        std::thread::spawn(move || {
            let size = |n: u16| std::num::NonZeroU16::new(n).unwrap();
            let mut parser = vt100::Parser::new(size(ROWS), size(COLS), 0);
            let mut pending: Vec<u8> = Vec::new();
            let mut buf = vec![0u8; 1 << 16];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                let at = Instant::now();
                pending.extend_from_slice(&buf[..n]);
                while let Some(i) = find(&pending, MARK) {
                    let end = i + MARK.len();
                    parser.process(&pending[..end]);
                    pending.drain(..end);
                    let screen = parser.screen();
                    let frame = Frame {
                        at,
                        text: screen.contents(),
                        active: active_tab(screen),
                    };
                    if tx.send(frame).is_err() {
                        return;
                    }
                }
                // Keep what could be the start of a mark split across reads.
                let keep = pending.len().min(MARK.len() - 1);
                let upto = pending.len() - keep;
                parser.process(&pending[..upto]);
                pending.drain(..upto);
            }
        });
        let started = Instant::now();
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        Session {
            master: pair.master,
            child,
            writer,
            frames,
            started,
            last: None,
        }
    }

    /// Waits for the first frame (from `since`) that passes `done`; returns its arrival.
    fn wait(&mut self, since: Instant, what: &str, done: &dyn Fn(&Frame) -> bool) -> Duration {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.frames.recv_timeout(left) {
                Ok(f) => {
                    let hit = f.at >= since && done(&f);
                    let took = f.at.saturating_duration_since(since);
                    self.last = Some(f);
                    if hit {
                        return took;
                    }
                }
                Err(RecvTimeoutError::Timeout) => panic!(
                    "timed out waiting for {what}; last screen:\n{}",
                    self.last.as_ref().map(|f| f.text.as_str()).unwrap_or("")
                ),
                Err(RecvTimeoutError::Disconnected) => {
                    panic!("worklog exited while waiting for {what}")
                }
            }
        }
    }

    /// Frames drawn so far (ticks) are not answers to the next key.
    fn settle(&mut self) {
        std::thread::sleep(Duration::from_millis(30));
        while let Ok(f) = self.frames.try_recv() {
            self.last = Some(f);
        }
    }

    fn screen(&self) -> String {
        self.last
            .as_ref()
            .map(|f| f.text.clone())
            .unwrap_or_default()
    }

    /// Sends `keys` and times the frame that passes `done`.
    fn key(&mut self, keys: &str, what: &str, done: &dyn Fn(&Frame) -> bool) -> Duration {
        self.settle();
        let sent = Instant::now();
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        self.wait(sent, what, done)
    }

    /// Sends `keys` and waits for a frame showing `needle` (setup, not measured).
    fn keys_until(&mut self, keys: &str, needle: &str) {
        let needle = needle.to_string();
        self.key(keys, &needle.clone(), &move |f| f.text.contains(&needle));
    }

    /// Sends `keys` and times the frame that differs from the screen before them.
    fn key_changing(&mut self, keys: &str, what: &str) -> Duration {
        self.settle();
        let before = self.screen();
        self.key(keys, what, &move |f| f.text != before)
    }

    fn peak_rss_kib(&self) -> u64 {
        let pid = self.child.process_id().unwrap();
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap()
    }

    fn quit(mut self) {
        let _ = self.writer.write_all(b"0q");
        let _ = self.writer.flush();
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        let _ = self.child.kill();
        let _ = self.master.get_termios();
    }
}

/// With `WORKLOG_BENCH_SCREENS` set, prints the screen a step ended on, to check by eye that
/// the keys did what the step says.
fn show(step: &str, screen: &str) {
    if std::env::var_os("WORKLOG_BENCH_SCREENS").is_some() {
        eprintln!("--- {step}:\n{screen}");
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn median(mut v: Vec<Duration>) -> Duration {
    assert!(!v.is_empty());
    v.sort();
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2
    }
}

/// The figures for one size, in the order printed.
struct Figures {
    rows: usize,
    times: Vec<(String, Duration)>,
    peak_rss_kib: u64,
}

fn measure(rows: usize) -> Figures {
    let cached = cached_demo(rows);
    let mut times = Vec::new();

    // First frame: a new process each time, on a fresh copy so every start sees the same file.
    let data = run_copy(&cached, "start");
    let mut firsts = Vec::new();
    for _ in 0..STARTS {
        let mut s = Session::start(&data, rows);
        let started = s.started;
        firsts.push(s.wait(started, "the first frame", &|f| f.active == Some(0)));
        s.quit();
    }
    times.push(("first frame".to_string(), median(firsts)));
    let _ = std::fs::remove_dir_all(&data);

    let data = run_copy(&cached, "session");
    let mut s = Session::start(&data, rows);
    let started = s.started;
    s.wait(started, "the first frame", &|f| f.active == Some(0));

    // Every pane switch: round after round through 1..7 and back to 0, each key timed to the
    // frame that shows its pane.
    // The first round is the first visit of each pane (its first load), reported apart from
    // the median of the later rounds (what a pane costs each time it is shown again).
    let mut switches: Vec<Vec<Duration>> = vec![Vec::new(); PANES.len()];
    let mut first_visits = vec![Duration::ZERO; PANES.len()];
    for round in 0..SWITCH_ROUNDS {
        for pane in (1..PANES.len()).chain([0]) {
            let d = s.key(&pane.to_string(), &format!("pane {pane}"), &move |f| {
                f.active == Some(pane)
            });
            if round == 0 {
                first_visits[pane] = d;
            } else {
                switches[pane].push(d);
            }
        }
    }
    for (pane, d) in switches.into_iter().enumerate() {
        times.push((format!("switch to {pane} {}", PANES[pane]), median(d)));
    }
    for (pane, d) in first_visits.into_iter().enumerate().skip(1) {
        times.push((format!("first visit {pane} {} (1 run)", PANES[pane]), d));
    }

    // Scroll the Journal by a page, down and up again, so every key changes the screen.
    s.key("2", "Journal", &|f| f.active == Some(2));
    let mut scrolls = Vec::new();
    for i in 0..SCROLLS {
        let key = if i % 2 == 0 { "\x1b[6~" } else { "\x1b[5~" };
        scrolls.push(s.key_changing(key, "a page scrolled"));
    }
    show("the Journal a page down", &s.screen());
    times.push(("scroll a page (Journal)".into(), median(scrolls)));

    // Type into the Journal's filter, a key at a time.
    let mut filter = Vec::new();
    for _ in 0..FILTER_ROUNDS {
        s.key_changing("/", "the filter line");
        let text = std::env::var("WORKLOG_BENCH_FILTER").unwrap_or_else(|_| FILTER_TEXT.into());
        for c in text.chars() {
            filter.push(s.key_changing(&c.to_string(), "the filtered list"));
        }
        show("the Journal filtered", &s.screen());
        s.key_changing("\x1b", "the filter cleared");
    }
    times.push(("filter keystroke (Journal)".into(), median(filter)));

    // Save a new task in Focus.
    s.key("1", "Focus", &|f| f.active == Some(1));
    let mut saves = Vec::new();
    for i in 0..SAVES {
        let title = format!("bench task {i}");
        s.keys_until("a", "New task");
        s.keys_until(&title, &title);
        let saved = format!("saved “{title}”");
        saves.push(s.key("\r", "the save", &move |f| f.text.contains(&saved)));
    }
    times.push(("save a task (Focus)".into(), median(saves)));

    show("Focus after the saves", &s.screen());
    let peak_rss_kib = s.peak_rss_kib();
    s.quit();
    let _ = std::fs::remove_dir_all(&data);
    Figures {
        rows,
        times,
        peak_rss_kib,
    }
}

fn sizes() -> Vec<usize> {
    let from_args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.replace('_', "").parse().ok())
        .collect();
    if !from_args.is_empty() {
        return from_args;
    }
    match std::env::var("WORKLOG_BENCH_ROWS") {
        Ok(v) if !v.trim().is_empty() => v
            .split(',')
            .map(|n| {
                n.trim()
                    .replace('_', "")
                    .parse()
                    .expect("WORKLOG_BENCH_ROWS: numbers separated by commas")
            })
            .collect(),
        _ => vec![10_000, 100_000],
    }
}

fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1000.0)
}

fn main() {
    let sizes = sizes();
    let all: Vec<Figures> = sizes.iter().map(|&n| measure(n)).collect();
    let base = &all[0];
    println!(
        "\nTUI in a pty{}, {COLS}x{ROWS}, medians in ms (ratio to {} rows in brackets)",
        if postgres().is_some() {
            " on PostgreSQL"
        } else {
            ""
        },
        base.rows
    );
    print!("{:<32}", "");
    for f in &all {
        print!("{:>22}", format!("{} rows", f.rows));
    }
    println!();
    for (i, (name, _)) in base.times.iter().enumerate() {
        print!("{name:<32}");
        for f in &all {
            let d = f.times[i].1;
            let ratio = d.as_secs_f64() / base.times[i].1.as_secs_f64().max(1e-9);
            if f.rows == base.rows {
                print!("{:>22}", ms(d));
            } else {
                print!("{:>22}", format!("{} ({ratio:.1}x)", ms(d)));
            }
        }
        println!();
    }
    print!("{:<32}", "peak RSS (MiB)");
    for f in &all {
        let mib = f.peak_rss_kib as f64 / 1024.0;
        let ratio = f.peak_rss_kib as f64 / base.peak_rss_kib.max(1) as f64;
        if f.rows == base.rows {
            print!("{:>22}", format!("{mib:.1}"));
        } else {
            print!("{:>22}", format!("{mib:.1} ({ratio:.1}x)"));
        }
    }
    println!();
}
