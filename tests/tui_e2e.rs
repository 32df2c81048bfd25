//! The real binary in a pseudo-terminal: keystrokes in, screen parsed with vt100, then the
//! database file checked and the terminal state (alternate screen, cursor, termios) verified.
#![allow(clippy::unwrap_used, clippy::expect_used)]
// The meetings test reads the database file with rusqlite itself, to see what is really on disk.
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

mod common;
use common::pty::Session;
use common::*;
use nix::sys::termios::LocalFlags;
use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::os::fd::{AsRawFd, FromRawFd};
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};
use worklog::clock::FixedClock;
use worklog::db::Repo;

const ROWS: u16 = 24;
const COLS: u16 = 80;

/// The app at 80×24 with `env` on top of the harness's.
fn start(data_dir: &Path, env: &[(&str, &str)]) -> Session {
    Session::start(data_dir, COLS, ROWS, env)
}

fn open(dir: &Path) -> Repo {
    Repo::open(
        &dir.join("worklog.db"),
        Arc::new(FixedClock::new(at("2026-11-22T09:30:00"))),
    )
    .unwrap()
}

#[test]
fn add_a_task_mark_it_done_check_in_and_quit() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = start(dir.path(), &[]);
    s.wait_for("Open action items");
    s.send("1");
    s.wait_for("No tasks for this day");
    let raw = s.master.get_termios().unwrap();
    assert!(
        !raw.local_flags.contains(LocalFlags::ICANON),
        "raw mode while running (so the check after quitting means something)"
    );
    assert!(s.screen().screen().alternate_screen());
    s.send("a");
    s.wait_for("New task");
    s.send("Ship from the pty");
    s.wait_for("Ship from the pty");
    s.send("\r");
    s.wait_for("saved “Ship from the pty”");
    s.send(" ");
    s.wait_for("1/1 done");
    s.send("7");
    s.wait_for("Today · 0 check-ins");
    s.send("c");
    s.wait_for("energy now?");
    s.send("4");
    s.wait_for("recorded energy 4");
    s.send("\x1b");
    s.wait_for("c check in");
    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
    s.assert_restored();

    let repo = open(dir.path());
    let tasks = repo.tasks_on(day("2026-11-22")).unwrap();
    assert_eq!(tasks.len(), 1);
    assert_eq!(tasks[0].title, "Ship from the pty");
    assert_eq!(tasks[0].status, worklog::model::TaskStatus::Done);
    let checkins = repo
        .checkins_between(day("2026-11-22"), day("2026-11-22"))
        .unwrap();
    assert_eq!(checkins.len(), 1);
    assert_eq!(
        (checkins[0].level, checkins[0].at),
        (4, at("2026-11-22T09:30:00"))
    );
    assert!(repo.integrity_problems().unwrap().is_empty());
}

fn signal_saves_the_open_form(sig: nix::sys::signal::Signal) {
    let dir = tempfile::tempdir().unwrap();
    let mut s = start(dir.path(), &[]);
    s.wait_for("Open action items");
    s.send("1");
    s.wait_for("No tasks for this day");
    s.send("a");
    s.wait_for("New task");
    s.send("words that must not be lost");
    s.wait_for("words that must not be lost");
    let pid = s.child.process_id().unwrap();
    nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid as i32), sig).unwrap();
    s.wait_exit();
    s.assert_restored();
    let draft =
        std::fs::read_to_string(common::pty::drafts_dir(dir.path()).join("focus.json")).unwrap();
    assert!(draft.contains("words that must not be lost"), "{draft}");

    // The next session offers it back in the same form.
    let mut s = start(dir.path(), &[]);
    s.wait_for("unsaved draft");
    s.send("1");
    s.wait_for("No tasks for this day");
    s.send("a");
    s.wait_for("words that must not be lost");
    s.send("\x13"); // Ctrl-S
    s.wait_for("saved “words that must not be lost”");
    s.send("q");
    s.wait_exit();
    let tasks = open(dir.path()).tasks_on(day("2026-11-22")).unwrap();
    assert_eq!(tasks[0].title, "words that must not be lost");
}

#[test]
fn sigterm_saves_the_open_form_as_a_draft_and_restores_the_terminal() {
    signal_saves_the_open_form(nix::sys::signal::Signal::SIGTERM);
}

#[test]
fn sighup_saves_the_open_form_as_a_draft_and_restores_the_terminal() {
    signal_saves_the_open_form(nix::sys::signal::Signal::SIGHUP);
}

/// In raw mode Ctrl-C is a key, so a SIGINT can only come from another process (`kill -INT`,
/// a supervisor): it must end the app as gently as SIGTERM does.
#[test]
fn sigint_from_another_process_saves_the_open_form_and_restores_the_terminal() {
    signal_saves_the_open_form(nix::sys::signal::Signal::SIGINT);
}

/// The pids of processes whose command line mentions `needle`.
fn pids_mentioning(needle: &str) -> Vec<i32> {
    std::fs::read_dir("/proc")
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<i32>().ok())
        .filter(|pid| {
            std::fs::read(format!("/proc/{pid}/cmdline"))
                .map(|c| String::from_utf8_lossy(&c).contains(needle))
                .unwrap_or(false)
        })
        .filter(|pid| {
            // A zombie has finished; only its parent has yet to collect it.
            std::fs::read_to_string(format!("/proc/{pid}/stat"))
                .map(|s| !s.contains(") Z "))
                .unwrap_or(false)
        })
        .collect()
}

/// The terminal vanishes under the app the way a killed tmux pane or a dropped SSH session
/// does it: the pty's master side closes while worklog runs under a shell. worklog must save
/// the open form and exit, not linger (crossterm's default event source would spin on the dead
/// terminal for ever, see crossterm#793).
#[test]
fn a_terminal_that_hangs_up_ends_the_app_with_the_form_saved() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("hangup-data");
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new("sh");
    cmd.arg("-c");
    cmd.arg(format!(
        "'{}' --data-dir '{}'; sleep 30",
        env!("CARGO_BIN_EXE_worklog"),
        data.display()
    ));
    cmd.env("WORKLOG_NOW", "2026-11-22T09:30:00");
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("WORKLOG_CONFIG");
    cmd.env("XDG_CONFIG_HOME", dir.path().join("config"));
    cmd.env("XDG_STATE_HOME", dir.path().join("state"));
    let mut shell = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    // Read the master through a non-blocking duplicate owned here (not by a reader thread),
    // so that dropping it and the master really closes the terminal's master side.
    let raw = pair.master.as_raw_fd().unwrap();
    let mut reader = std::fs::File::from(
        nix::unistd::dup(raw)
            .map(|fd| {
                // SAFETY: `dup` just returned this descriptor and nothing else owns it.
                unsafe { std::os::fd::OwnedFd::from_raw_fd(fd) }
            })
            .unwrap(),
    );
    nix::fcntl::fcntl(
        reader.as_raw_fd(),
        nix::fcntl::FcntlArg::F_SETFL(nix::fcntl::OFlag::O_NONBLOCK),
    )
    .unwrap();
    let mut writer = pair.master.take_writer().unwrap();
    let output = std::cell::RefCell::new(Vec::new());
    let mut drain = |reader: &mut std::fs::File| {
        let mut buf = [0u8; 4096];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            output.borrow_mut().extend_from_slice(&buf[..n]);
        }
    };
    let screen = |reader: &mut std::fs::File, drain: &mut dyn FnMut(&mut std::fs::File)| {
        drain(reader);
        let size = |n: u16| std::num::NonZeroU16::new(n).unwrap();
        let mut p = vt100::Parser::new(size(ROWS), size(COLS), 0);
        p.process(&output.borrow());
        p.screen().contents()
    };
    let start = Instant::now();
    while !screen(&mut reader, &mut drain).contains("? help") {
        assert!(start.elapsed() < Duration::from_secs(20), "no first frame");
        std::thread::sleep(Duration::from_millis(20));
    }
    let needle = data.display().to_string();
    let app = pids_mentioning(&format!("--data-dir\0{needle}"));
    assert_eq!(app.len(), 1, "one worklog running: {app:?}");
    writer.write_all(b"1a").unwrap();
    writer.flush().unwrap();
    std::thread::sleep(Duration::from_millis(300));
    writer
        .write_all("words typed just before the line dropped".as_bytes())
        .unwrap();
    writer.flush().unwrap();
    let start = Instant::now();
    while !screen(&mut reader, &mut drain).contains("line dropped") {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "typing not shown"
        );
        std::thread::sleep(Duration::from_millis(20));
    }

    // Hang up: close every descriptor of the master side of the pseudo-terminal.
    drop(reader);
    drop(writer);
    drop(pair.master);
    let start = Instant::now();
    while pids_mentioning(&format!("--data-dir\0{needle}")).contains(&app[0]) {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "worklog is still running 10 s after its terminal hung up"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = shell.kill();
    let draft = std::fs::read_to_string(
        common::pty::drafts_dir_in(&dir.path().join("state")).join("focus.json"),
    )
    .unwrap();
    assert!(
        draft.contains("words typed just before the line dropped"),
        "{draft}"
    );
}

#[test]
fn the_journal_body_goes_through_editor_and_the_terminal_comes_back() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("editor.log");
    let editor = dir.path().join("editor.sh");
    // The editor records the terminal mode it got and the file's mode, then writes the body.
    std::fs::write(
        &editor,
        format!(
            "#!/bin/sh\nstty -a | tr ' ' '\\n' | grep -x -- '-\\?icanon' > {log}\nstat -c %a \"$1\" >> {log}\nprintf 'from the editor\\nsecond line\\n' > \"$1\"\n",
            log = log.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    let editor = editor.display().to_string();
    let mut s = start(dir.path(), &[("WORKLOG_EDITOR", &editor)]);
    s.wait_for("Open action items");
    s.send("2");
    s.wait_for("Nothing in the journal yet");
    s.send("a");
    s.wait_for("New journal entry");
    s.send("Edited outside");
    s.wait_for("Edited outside");
    s.send("\x0f"); // Ctrl-O
    s.wait_for("the body is back from the editor");
    s.wait_for("second line");
    assert!(
        s.screen().screen().alternate_screen(),
        "back on the alternate screen"
    );
    let raw = s.master.get_termios().unwrap();
    assert!(
        !raw.local_flags.contains(LocalFlags::ICANON),
        "raw mode again after the editor"
    );
    let seen = std::fs::read_to_string(&log).unwrap();
    assert_eq!(
        seen, "icanon\n600\n",
        "the editor had a cooked terminal and a private file"
    );
    s.send("\x13"); // Ctrl-S
    s.wait_for("saved “Edited outside”");
    // A missing editor: the TUI stays whole and says so.
    s.send("q");
    s.wait_exit();
    let mut s = start(dir.path(), &[("WORKLOG_EDITOR", "/nonexistent/editor")]);
    s.wait_for("Open action items");
    s.send("2");
    s.wait_for("Edited outside");
    s.send("E");
    s.wait_for("failed: not found");
    assert!(s.screen().screen().contents().contains("from the editor"));
    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
    s.assert_restored();
    let repo = open(dir.path());
    let l = repo.learnings(&Default::default()).unwrap();
    assert_eq!(l.len(), 1);
    assert_eq!(l[0].body, "from the editor\nsecond line");
}

#[test]
fn a_meeting_with_two_attendees_an_item_promoted_and_its_task_finished() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = start(dir.path(), &[]);
    s.wait_for("? help");
    s.send("4");
    s.wait_for("No meetings yet");
    s.send("a");
    s.wait_for("New meeting");
    s.send("Weekly sync");
    s.wait_for("Weekly sync");
    s.send("\t\t\t\t"); // title → when → kind → duration → attendees
    s.send("Ada");
    s.wait_for("new “Ada”");
    s.send("\r");
    s.wait_for("[Ada]");
    s.send("Bob");
    s.wait_for("new “Bob”");
    s.send("\r");
    s.wait_for("[Bob]");
    s.send("\x13"); // Ctrl-S
    s.wait_for("saved “Weekly sync”");
    s.send("\r");
    s.wait_for("No action items");
    s.send("a");
    s.wait_for("New action item");
    s.send("Send the notes");
    s.wait_for("Send the notes");
    s.send("\x13");
    s.wait_for("saved “Send the notes”");
    s.send("p");
    s.wait_for("On day");
    s.send("\r"); // today
    s.wait_for("→ task #1 on 2026-11-22");
    s.send("1");
    s.wait_for("0/1 done");
    s.send(" ");
    s.wait_for("1/1 done");
    s.send("4");
    s.wait_for("[✓] Send the notes");
    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
    s.assert_restored();

    // What is on disk, read without worklog's code.
    let conn = rusqlite::Connection::open(dir.path().join("worklog.db")).unwrap();
    let (meeting_id, title): (i64, String) = conn
        .query_row(
            "SELECT id, title FROM meetings WHERE deleted_at IS NULL",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(title, "Weekly sync");
    let attendees: Vec<String> = conn
        .prepare(
            "SELECT p.name FROM meeting_attendees a JOIN people p ON p.id = a.person_id
             WHERE a.meeting_id = ?1 ORDER BY p.name",
        )
        .unwrap()
        .query_map([meeting_id], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(attendees, ["Ada", "Bob"]);
    let (item_id, item_meeting, item_task, item_done, owner): (
        i64,
        Option<i64>,
        Option<i64>,
        Option<String>,
        Option<i64>,
    ) = conn
        .query_row(
            "SELECT id, meeting_id, task_id, done_at, owner_id FROM action_items",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .unwrap();
    assert_eq!(
        item_meeting,
        Some(meeting_id),
        "the item belongs to the meeting"
    );
    assert_eq!(owner, None, "owned by me");
    assert_eq!(
        item_done.as_deref(),
        Some("2026-11-22T09:30:00"),
        "finishing the task closed the item"
    );
    let task_id = item_task.expect("the item links its task");
    let (task_title, task_day, task_status): (String, String, String) = conn
        .query_row(
            "SELECT title, day, status FROM tasks WHERE id = ?1",
            [task_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        (task_title.as_str(), task_day.as_str(), task_status.as_str()),
        ("Send the notes", "2026-11-22", "done")
    );
    let fk: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(fk, 0);
    // And the repository sees the same links from the task's side.
    let repo = open(dir.path());
    assert_eq!(repo.task(task_id).unwrap().action_item_id, Some(item_id));
}

/// In a real terminal shrunk to 30×5, "terminal too small" shows and keys do nothing but
/// quit: `1` then `d` (and a confirmation) used to delete a task unseen.
#[test]
fn a_terminal_too_small_ignores_every_key_but_quit() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::new(at("2026-11-22T09:30:00")));
    let repo = worklog::launch::open(&worklog::paths::DataDir::new(dir.path()), clock).unwrap();
    let task = repo
        .add_task(
            day("2026-11-22"),
            &worklog::model::TaskDraft {
                title: "keep me".into(),
                ..Default::default()
            },
        )
        .unwrap();
    drop(repo);
    let mut s = start(dir.path(), &[]);
    s.wait_for("Open action items");
    s.master
        .resize(PtySize {
            rows: 5,
            cols: 30,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    s.wait_for("too small");
    for k in ["1", "d", "y", "\r", "a", "typed", "\x13", "x", " "] {
        s.send(k);
    }
    // Nothing on screen tells when the keys were read: give the app time to (not) act.
    std::thread::sleep(Duration::from_millis(800));
    assert!(s.child.try_wait().unwrap().is_none(), "no key but q quits");
    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
    s.assert_restored();
    let tasks = open(dir.path()).tasks_on(day("2026-11-22")).unwrap();
    assert_eq!(tasks, vec![task]);
}

/// The app's output once it holds at least `n` frame marks (20 s at most; a mark is written
/// at the flush that ends a frame, which may reach the pty after the frame's text).
fn wait_for_marks(s: &Session, n: usize) -> Vec<u8> {
    let mark = worklog::tui::FRAME_MARK;
    let start = Instant::now();
    loop {
        let bytes = s.bytes();
        let count = bytes.windows(mark.len()).filter(|w| *w == mark).count();
        if count >= n {
            return bytes;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "timed out waiting for {n} frame marks; {count} came; screen:\n{}",
            s.text()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The pty benchmark knows a frame is complete by the mark `WORKLOG_FRAME_MARKS` makes the app
/// write after each one: the mark comes after the frame's cells (the screen up to the first
/// mark already shows the first frame) and once per key's frame; without the variable no mark
/// is written at all.
#[test]
fn frame_marks_follow_each_complete_frame_only_when_asked() {
    let mark = worklog::tui::FRAME_MARK;
    let count = |bytes: &[u8]| bytes.windows(mark.len()).filter(|w| *w == mark).count();
    let dir = tempfile::tempdir().unwrap();
    let mut s = start(dir.path(), &[("WORKLOG_FRAME_MARKS", "1")]);
    s.wait_for("Open action items");
    // The frame's text can reach the pty before its mark (the terminal's writer passes on a
    // long frame in pieces before the flush that writes the mark): wait for the mark itself.
    let bytes = wait_for_marks(&s, 1);
    let first = bytes
        .windows(mark.len())
        .position(|w| w == mark)
        .expect("a mark after the first frame");
    let screen_up_to = |bytes: &[u8], end: usize| {
        let size = |n: u16| std::num::NonZeroU16::new(n).unwrap();
        let mut p = vt100::Parser::new(size(ROWS), size(COLS), 0);
        p.process(&bytes[..end]);
        p.screen().contents()
    };
    let first_screen = screen_up_to(&bytes, first);
    assert!(
        first_screen.contains("Open action items"),
        "the first mark came before the first frame was complete:\n{first_screen}"
    );
    let before = count(&s.bytes());
    s.send("1");
    s.wait_for("No tasks for this day");
    // A mark after the key's frame: the screen up to a later mark shows that frame (a tick's
    // mark before it does not count).
    let began = Instant::now();
    loop {
        let bytes = s.bytes();
        let last = bytes.windows(mark.len()).rposition(|w| w == mark);
        if let Some(last) = last.filter(|_| count(&bytes) > before)
            && screen_up_to(&bytes, last).contains("No tasks for this day")
        {
            break;
        }
        assert!(
            began.elapsed() < Duration::from_secs(20),
            "no mark after the key's frame; the screen up to the last mark:\n{}",
            last.map(|l| screen_up_to(&bytes, l)).unwrap_or_default()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    s.send("q");
    s.wait_exit();

    let dir = tempfile::tempdir().unwrap();
    let mut s = start(dir.path(), &[]);
    s.wait_for("Open action items");
    s.send("1");
    s.wait_for("No tasks for this day");
    s.send("q");
    s.wait_exit();
    assert_eq!(
        count(&s.bytes()),
        0,
        "marks written without WORKLOG_FRAME_MARKS"
    );
}

/// `--demo` says in the tab bar, at 80 columns too, that the data is throwaway and where it
/// is (the demo makes its directory under TMPDIR).
#[test]
fn demo_says_in_the_tab_bar_that_its_data_is_throwaway_and_where() {
    let dir = tempfile::tempdir().unwrap();
    let tmp = dir.path().join("tmp");
    std::fs::create_dir(&tmp).unwrap();
    let tmp_s = tmp.to_str().unwrap().to_string();
    let mut s = Session::start_with(dir.path(), COLS, ROWS, &[("TMPDIR", &tmp_s)], &["--demo"]);
    s.wait_for("throwaway");
    let demo_dir = std::fs::read_dir(&tmp)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .find(|n| n.starts_with("worklog-demo-"))
        .unwrap();
    let screen = s.screen();
    let top = screen.screen().rows(0, COLS).next().unwrap();
    assert!(top.contains("throwaway"), "{top}");
    assert!(
        top.contains(&demo_dir),
        "the tab bar names the directory: {top}"
    );
    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
}
