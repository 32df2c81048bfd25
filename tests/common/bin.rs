//! Running the real `worklog` binary on a data directory, with the clock pinned.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// An `XDG_CONFIG_HOME` that holds no config file, for runs that must see the defaults.
pub const NO_CONFIG: &str = "/nonexistent/worklog-tests/config";

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `worklog ARGS` on `data` at `now` (local time, in the UTC zone so that imported UTC
/// stamps read the same on every machine).
pub fn worklog(data: &Path, now: &str, args: &[&str]) -> Run {
    worklog_with_input(data, now, args, "")
}

/// As [`worklog`], with `input` on standard input.
pub fn worklog_with_input(data: &Path, now: &str, args: &[&str], input: &str) -> Run {
    worklog_with_env(data, now, args, input, &[])
}

/// As [`worklog_with_input`], with more environment variables (`EDITOR`, `NO_COLOR`…).
pub fn worklog_with_env(
    data: &Path,
    now: &str,
    args: &[&str],
    input: &str,
    env: &[(&str, &str)],
) -> Run {
    // Tests often use a temp dir itself as the data directory; make it private as a real one
    // is, or every command warns that others can read it (tests/backup_safety.rs covers that).
    if data.is_dir() {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(data, std::fs::Permissions::from_mode(0o700)).unwrap();
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_worklog"))
        .env("WORKLOG_DAILY_BACKUP", "wait")
        .args(args)
        .env("WORKLOG_DATA_DIR", data)
        .env("WORKLOG_NOW", now)
        .env("TZ", "UTC")
        .env_remove("XDG_DATA_HOME")
        // No config file of the machine's user: each setting at its default.
        .env_remove("WORKLOG_CONFIG")
        .env("XDG_CONFIG_HOME", NO_CONFIG)
        .env_remove("VISUAL")
        .env_remove("EDITOR")
        // A developer's own server is never used: only the test's, on PostgreSQL.
        .env_remove("WORKLOG_DATABASE")
        .env_remove("WORKLOG_SCHEMA")
        .envs(
            super::on_postgres::current().map_or(Vec::new(), |(url, schema)| {
                vec![("WORKLOG_DATABASE", url), ("WORKLOG_SCHEMA", schema)]
            }),
        )
        .envs(env.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

impl Run {
    /// Success, with nothing on standard error.
    pub fn ok(self) -> Run {
        assert_eq!(
            self.code, 0,
            "stdout: {}\nstderr: {}",
            self.stdout, self.stderr
        );
        assert_eq!(self.stderr, "", "stdout: {}", self.stdout);
        self
    }

    /// A failure: non-zero, nothing on stdout, exactly one `worklog: ` line on stderr.
    pub fn one_line_error(self) -> String {
        assert_ne!(self.code, 0, "stdout: {}", self.stdout);
        assert_eq!(self.stdout, "");
        assert_eq!(self.stderr.lines().count(), 1, "{:?}", self.stderr);
        assert!(self.stderr.starts_with("worklog: "), "{}", self.stderr);
        self.stderr
    }
}

impl Run {
    /// A usage error: exit 2, nothing on stdout, and clap's whole message (what was wrong,
    /// the valid values, a "did you mean") on stderr after `worklog: `.
    pub fn usage_error(self) -> String {
        assert_eq!(
            self.code, 2,
            "stdout: {}\nstderr: {}",
            self.stdout, self.stderr
        );
        assert_eq!(self.stdout, "");
        assert!(self.stderr.starts_with("worklog: "), "{}", self.stderr);
        self.stderr
    }
}

/// True when `s` holds no character that could drive a terminal (line breaks and tabs are
/// layout, not control).
pub fn terminal_safe(s: &str) -> bool {
    !s.chars().any(|c| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    })
}
