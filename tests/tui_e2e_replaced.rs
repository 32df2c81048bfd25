//! The real binary in a pseudo-terminal across a `worklog restore` run from another terminal:
//! the app notices on its own (its once-a-second tick), and an edit form opened before never
//! overwrites the row that took its id.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::bin::worklog;
use common::*;
use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use worklog::backup::{self, Reason};
use worklog::clock::{Clock, FixedClock};
use worklog::db::Repo;
use worklog::launch;
use worklog::paths::DataDir;

const NOW: &str = "2026-11-22T09:30:00";
const ROWS: u16 = 30;
const COLS: u16 = 120;

/// The app in a pty: keys in, the screen as vt100 parses it.
struct Session {
    child: Box<dyn portable_pty::Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    output: Arc<Mutex<Vec<u8>>>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Session {
    fn start(data_dir: &Path) -> Session {
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
        cmd.arg(data_dir);
        cmd.env("WORKLOG_NOW", NOW);
        cmd.env("TZ", "UTC");
        cmd.env("TERM", "xterm-256color");
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let output = Arc::new(Mutex::new(Vec::new()));
        let sink = output.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Session {
            child,
            writer,
            output,
            _master: pair.master,
        }
    }

    fn text(&self) -> String {
        let size = |n: u16| std::num::NonZeroU16::new(n).unwrap();
        let mut p = vt100::Parser::new(size(ROWS), size(COLS), 0);
        p.process(&self.output.lock().unwrap());
        p.screen().contents()
    }

    fn send(&mut self, s: &str) {
        self.writer.write_all(s.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    fn wait_for(&self, needle: &str) {
        let start = Instant::now();
        loop {
            let text = self.text();
            if text.contains(needle) {
                return;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "timed out waiting for {needle:?}; screen:\n{text}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn an_edit_form_open_in_the_app_across_a_restore_never_overwrites_the_new_row() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = DataDir::new(tmp.path().join("data"));
    let clock: Arc<dyn Clock> = Arc::new(FixedClock::new(at(NOW)));
    let repo = launch::open(&dir, clock.clone()).unwrap();
    repo.add_checkin(&worklog::model::CheckinDraft {
        at: at("2026-11-22T08:00:00"),
        level: 3,
        note: String::new(),
        tags: Vec::new(),
    })
    .unwrap();
    let point = backup::take(&dir, &*clock, Reason::Manual).unwrap();
    let x = repo
        .add_task(
            day("2026-11-22"),
            &worklog::model::TaskDraft {
                title: "task X".into(),
                ..Default::default()
            },
        )
        .unwrap();
    drop(repo);

    let mut s = Session::start(dir.root());
    s.wait_for("Open action items");
    s.send("1");
    s.wait_for("task X");
    s.send("e");
    s.wait_for("Title");
    s.send(" typed in the app");
    s.wait_for("task X typed in the app");

    let restored = worklog(dir.root(), NOW, &["restore", point.path.to_str().unwrap()]);
    assert_eq!(restored.code, 0, "{}", restored.stderr);
    let added = worklog(dir.root(), NOW, &["add", "task", "a new task"]).ok();
    assert!(
        added.stdout.starts_with(&format!("added task {} ", x.id)),
        "{}",
        added.stdout
    );

    // The app notices by itself (no key pressed), and says so.
    s.wait_for("database was replaced");
    s.send("\x13"); // Ctrl-S
    s.wait_for("not saved");
    let text = s.text();
    assert!(text.contains("task X typed in the app"), "{text}");
    let now = Repo::open(&dir.database(), clock.clone()).unwrap();
    assert_eq!(now.task(x.id).unwrap().title, "a new task");
    assert_eq!(now.task(x.id).unwrap().stamp.version, x.stamp.version);
}
