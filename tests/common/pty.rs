//! The real `worklog` app in a pseudo-terminal: keys in, the screen as vt100 parses it, and
//! the terminal's state (alternate screen, cursor, termios) afterwards. One harness for every
//! end-to-end TUI test.

use nix::sys::termios::LocalFlags;
use portable_pty::{CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The clock the app reads unless a test sets `WORKLOG_NOW` itself.
pub const NOW: &str = "2026-11-22T09:30:00";

/// Where a session keeps its config (`XDG_CONFIG_HOME`) and state (`XDG_STATE_HOME`, the
/// drafts), inside its data directory so the test's temporary directory takes them away.
pub const XDG_CONFIG: &str = ".xdg-config";
pub const XDG_STATE: &str = ".xdg-state";

/// The folder the app on `data_dir` keeps its drafts in, under `state_home` (the one folder
/// of `state_home/worklog/drafts/`; panics if there is not exactly one).
pub fn drafts_dir_in(state_home: &Path) -> std::path::PathBuf {
    let all: Vec<_> = std::fs::read_dir(state_home.join("worklog/drafts"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(all.len(), 1, "{all:?}");
    all[0].clone()
}

/// The drafts folder of a [`Session`] on `data_dir`.
pub fn drafts_dir(data_dir: &Path) -> std::path::PathBuf {
    drafts_dir_in(&data_dir.join(XDG_STATE))
}

pub struct Session {
    pub master: Box<dyn MasterPty + Send>,
    pub child: Box<dyn portable_pty::Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    output: Arc<Mutex<Vec<u8>>>,
    rows: u16,
    cols: u16,
}

impl Session {
    /// `worklog --data-dir DATA` at `cols`×`rows`, on [`NOW`] in UTC, with `env` on top (no
    /// NO_COLOR and no fault injected unless `env` says so).
    pub fn start(data_dir: &Path, cols: u16, rows: u16, env: &[(&str, &str)]) -> Session {
        Session::start_with(data_dir, cols, rows, env, &[])
    }

    /// [`Session::start`] with `args` after `--data-dir DATA` (`--demo`).
    pub fn start_with(
        data_dir: &Path,
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
        args: &[&str],
    ) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_worklog"));
        cmd.arg("--data-dir");
        cmd.arg(data_dir);
        for a in args {
            cmd.arg(a);
        }
        cmd.env("WORKLOG_NOW", NOW);
        cmd.env("TZ", "UTC");
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("WORKLOG_FAULT");
        // The config and state of this test alone, never the machine's user's.
        cmd.env_remove("WORKLOG_CONFIG");
        cmd.env("XDG_CONFIG_HOME", data_dir.join(XDG_CONFIG));
        cmd.env("XDG_STATE_HOME", data_dir.join(XDG_STATE));
        for (k, v) in env {
            cmd.env(k, v);
        }
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
            master: pair.master,
            child,
            writer,
            output,
            rows,
            cols,
        }
    }

    /// Everything the app wrote so far.
    pub fn bytes(&self) -> Vec<u8> {
        self.output.lock().unwrap().clone()
    }

    /// The screen as a terminal of the session's size shows it now.
    pub fn screen(&self) -> vt100::Parser {
        let size = |n: u16| std::num::NonZeroU16::new(n).unwrap();
        let mut p = vt100::Parser::new(size(self.rows), size(self.cols), 0);
        p.process(&self.bytes());
        p
    }

    /// The screen's text.
    pub fn text(&self) -> String {
        self.screen().screen().contents()
    }

    pub fn send(&mut self, s: &str) {
        self.writer.write_all(s.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Waits (20 s at most) until the screen text contains `needle`.
    pub fn wait_for(&self, needle: &str) {
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

    /// Sends `sig` to the app.
    pub fn signal(&self, sig: nix::sys::signal::Signal) {
        let pid = self.child.process_id().unwrap();
        nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid as i32), sig).unwrap();
    }

    /// Waits (20 s at most) for the app to exit, then lets the reader drain its last output.
    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                std::thread::sleep(Duration::from_millis(200));
                return status;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "worklog did not exit"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The terminal is back as it was: out of the alternate screen, cursor shown, cooked mode.
    pub fn assert_restored(&self) {
        let bytes = self.bytes();
        let find_last = |pat: &[u8]| bytes.windows(pat.len()).rposition(|w| w == pat);
        let entered = find_last(b"\x1b[?1049h").expect("entered the alternate screen");
        let left = find_last(b"\x1b[?1049l").expect("left the alternate screen");
        let shown = find_last(b"\x1b[?25h").expect("showed the cursor");
        assert!(left > entered, "alternate screen left after entering it");
        assert!(shown > left, "cursor shown at the end");
        let parser = self.screen();
        assert!(!parser.screen().alternate_screen());
        assert!(!parser.screen().hide_cursor());
        let termios = self.master.get_termios().expect("termios of the pty");
        assert!(
            termios
                .local_flags
                .contains(LocalFlags::ICANON | LocalFlags::ECHO),
            "raw mode is off again: {:?}",
            termios.local_flags
        );
    }
}

impl Drop for Session {
    /// A test that fails midway leaves no app running.
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
