//! The real binary in a pseudo-terminal, driven by the mouse (SGR mouse reports, as xterm,
//! kitty or tmux send them) and by the date prompt; the database file checked afterwards and
//! the terminal given back with mouse reporting off.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::pty::{Session, XDG_CONFIG};
use common::*;
use std::path::Path;
use std::sync::Arc;
use worklog::clock::FixedClock;
use worklog::db::Repo;

/// The data directory opened as the app opens it (created and migrated if new).
fn open(dir: &Path) -> Repo {
    let clock = Arc::new(FixedClock::new(at("2026-11-22T09:30:00")));
    worklog::launch::open(&worklog::paths::DataDir::new(dir), clock).unwrap()
}

/// A left click at 0-based (`col`, `row`): press and release, as SGR mouse reports.
fn click(s: &mut Session, col: usize, row: usize) {
    s.send(&format!("\x1b[<0;{};{}M", col + 1, row + 1));
    s.send(&format!("\x1b[<0;{};{}m", col + 1, row + 1));
}

fn wheel_up(s: &mut Session, col: usize, row: usize) {
    s.send(&format!("\x1b[<64;{};{}M", col + 1, row + 1));
}

/// Where `needle` is on the screen now: (column, row), 0-based.
fn find(s: &Session, needle: &str) -> (usize, usize) {
    let parser = s.screen();
    // Row by row: `contents()` joins a full row to the next one.
    for (y, line) in parser.screen().rows(0, 80).enumerate() {
        if let Some(x) = line.find(needle) {
            return (line[..x].chars().count(), y);
        }
    }
    panic!("{needle:?} not on the screen:\n{}", s.text());
}

fn mouse_reporting(s: &Session) -> bool {
    s.screen().screen().mouse_protocol_mode() != vt100::MouseProtocolMode::None
}

#[test]
fn clicks_switch_tabs_select_rows_and_focus_form_fields_and_the_wheel_scrolls() {
    let dir = tempfile::tempdir().unwrap();
    {
        let repo = open(dir.path());
        for t in ["Alpha task", "Beta task", "Gamma task"] {
            let draft = worklog::model::TaskDraft {
                title: t.into(),
                ..Default::default()
            };
            repo.add_task(day("2026-11-22"), &draft).unwrap();
        }
    }
    let mut s = Session::start(dir.path(), 80, 24, &[]);
    s.wait_for("Open action items");
    assert!(mouse_reporting(&s), "mouse capture is on by default");
    let (x, y) = find(&s, "1 Focus");
    click(&mut s, x + 2, y);
    // Focus's own header (Today shows "0/3 done" too).
    s.wait_for("today ▸");
    // Select the third task with a click and mark it done.
    let (_, y) = find(&s, "Gamma task");
    click(&mut s, 10, y);
    s.send(" ");
    s.wait_for("1/3 done");
    // The wheel moves the selection up two rows, to the first task.
    wheel_up(&mut s, 10, y);
    wheel_up(&mut s, 10, y);
    s.send(" ");
    s.wait_for("2/3 done");
    // In a form, a click on a field puts the cursor there.
    s.send("e");
    s.wait_for("Edit task");
    let (x, y) = find(&s, "Notes");
    click(&mut s, x + 14, y);
    s.send("noted by a click");
    s.wait_for("noted by a click");
    s.send("\x13"); // Ctrl-S
    s.wait_for("saved");
    s.send("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
    assert!(!mouse_reporting(&s), "mouse reporting off after exit");

    let tasks = open(dir.path()).tasks_on(day("2026-11-22")).unwrap();
    let by = |t: &str| tasks.iter().find(|x| x.title == t).unwrap();
    assert_eq!(by("Gamma task").status, worklog::model::TaskStatus::Done);
    assert_eq!(by("Alpha task").status, worklog::model::TaskStatus::Done);
    assert_eq!(by("Beta task").status, worklog::model::TaskStatus::Todo);
    assert_eq!(by("Alpha task").notes, "noted by a click");
}

#[test]
fn mouse_false_in_the_config_file_leaves_the_mouse_to_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join(XDG_CONFIG).join("worklog");
    std::fs::create_dir_all(&cfg).unwrap();
    std::fs::write(cfg.join("config.toml"), "mouse = false\n").unwrap();
    let mut s = Session::start(dir.path(), 80, 24, &[]);
    s.wait_for("Open action items");
    assert!(
        !mouse_reporting(&s),
        "no capture: the terminal selects text"
    );
    s.send("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

#[test]
fn colon_then_a_date_word_moves_the_journal_to_that_date() {
    let dir = tempfile::tempdir().unwrap();
    {
        let repo = open(dir.path());
        for (t, when) in [
            ("Early November", "2026-11-01T09:00:00"),
            ("Mid November", "2026-11-10T09:00:00"),
            ("Late November", "2026-11-20T09:00:00"),
        ] {
            repo.add_learning(&worklog::model::LearningDraft {
                at: Some(at(when)),
                title: t.into(),
                body: format!("body of {t}"),
                ..Default::default()
            })
            .unwrap();
        }
    }
    let mut s = Session::start(dir.path(), 80, 24, &[]);
    s.wait_for("Open action items");
    s.send("2");
    s.wait_for("Late November");
    s.send(":");
    s.wait_for("Go to date:");
    s.send("2026-11-12\r");
    s.wait_for("showing Tue 10 Nov");
    s.wait_for("body of Mid November");
    // D, a relative day word, and Ctrl-U to put a typo right.
    s.send("Dxx\x15-21d\r");
    s.wait_for("Sun 1 Nov 2026");
    s.wait_for("body of Early November");
    s.send("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

#[test]
fn ctrl_z_hands_the_terminal_and_the_mouse_back_then_takes_them_again() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Session::start(dir.path(), 80, 24, &[]);
    s.wait_for("Open action items");
    let before = s.bytes().len();
    s.send("\x1a"); // Ctrl-Z
    // The test is no shell: the process group has none to continue it, so the kernel drops
    // the stop and the app takes the terminal back at once. SIGCONT covers the other case.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let after = loop {
        let b = s.bytes();
        let a = b[before..].to_vec();
        let on = a.windows(8).rposition(|w| w == b"\x1b[?1000h");
        let off = a.windows(8).position(|w| w == b"\x1b[?1000l");
        if let (Some(off), Some(on)) = (off, on)
            && on > off
        {
            break a;
        }
        if let Some(pid) = s.child.process_id() {
            let _ = nix::sys::signal::kill(
                nix::unistd::Pid::from_raw(pid as i32),
                nix::sys::signal::Signal::SIGCONT,
            );
        }
        assert!(std::time::Instant::now() < deadline, "no suspend seen");
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    let pos = |pat: &[u8]| after.windows(pat.len()).position(|w| w == pat);
    let left = pos(b"\x1b[?1049l").expect("left the alternate screen");
    let back = pos(b"\x1b[?1049h").expect("took the alternate screen again");
    assert!(left < back);
    assert!(
        pos(b"\x1b[?1000l").unwrap() < back,
        "mouse released while suspended"
    );
    assert!(mouse_reporting(&s), "and captured again");
    s.send("1");
    s.wait_for("today ▸");
    s.send("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
    assert!(!mouse_reporting(&s));
}
