//! The binary at home in a shell: whole usage errors, quiet closed pipes, completions, man pages.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::bin::worklog;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const NOW: &str = "2026-11-25T10:00:00";

/// A usage error: exit 2, nothing on stdout, clap's whole message on stderr with our prefix.
fn usage_error(data: &Path, args: &[&str]) -> String {
    let run = worklog(data, NOW, args);
    assert_eq!(run.code, 2, "{args:?}: {} {}", run.stdout, run.stderr);
    assert_eq!(run.stdout, "", "{args:?}");
    assert!(run.stderr.starts_with("worklog: "), "{}", run.stderr);
    // Not a terminal: no colour.
    assert!(!run.stderr.contains('\x1b'), "{:?}", run.stderr);
    run.stderr
}

#[test]
fn usage_errors_keep_clap_s_whole_message() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    let err = usage_error(data, &["add", "task"]);
    assert!(err.contains("<TEXT>"), "{err}");
    let err = usage_error(data, &["export", "--format", "xml"]);
    assert!(err.contains("invalid value 'xml'"), "{err}");
    for value in ["json", "csv", "sql"] {
        assert!(err.contains(value), "{err}");
    }
    let err = usage_error(data, &["tody"]);
    assert!(err.contains("'today'"), "{err}");
    // User text in the message never reaches the terminal raw (usage_error checks for ESC).
    let err = usage_error(data, &["export", "--format", "x\x1b[31m"]);
    assert!(err.contains("invalid value"), "{err:?}");
}

/// Runs `worklog ARGS` on a pseudo-terminal and returns all it wrote.
fn on_a_terminal(data: &Path, args: &[&str], no_color: bool) -> (String, u32) {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    use std::io::Read;
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_worklog"));
    cmd.args(args);
    cmd.env("WORKLOG_DATA_DIR", data);
    cmd.env("WORKLOG_NOW", NOW);
    cmd.env_remove("CLICOLOR_FORCE");
    cmd.env_remove("NO_COLOR");
    cmd.env("TERM", "xterm-256color");
    if no_color {
        cmd.env("NO_COLOR", "1");
    }
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut buf = [0u8; 1024];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let status = child.wait().unwrap();
    let mut seen = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(5);
    while Instant::now() < deadline {
        match rx.recv_timeout(Duration::from_millis(200)) {
            Ok(chunk) => seen.extend(chunk),
            Err(_) if !seen.is_empty() => break,
            Err(_) => {}
        }
    }
    (
        String::from_utf8_lossy(&seen).into_owned(),
        status.exit_code(),
    )
}

#[test]
fn usage_errors_are_coloured_only_on_a_terminal_without_no_color() {
    let tmp = tempfile::tempdir().unwrap();
    let (coloured, code) = on_a_terminal(tmp.path(), &["tody"], false);
    assert_eq!(code, 2, "{coloured}");
    assert!(coloured.contains("\x1b["), "{coloured:?}");
    assert!(coloured.contains("today"), "{coloured:?}");
    let (plain, code) = on_a_terminal(tmp.path(), &["tody"], true);
    assert_eq!(code, 2, "{plain}");
    assert!(!plain.contains("\x1b["), "{plain:?}");
    assert!(
        plain.contains("worklog: ") && plain.contains("'today'"),
        "{plain:?}"
    );
}

fn demo(data: &Path) {
    let run = Command::new(env!("CARGO_BIN_EXE_worklog"))
        .args(["demo", "--rows", "3000", "--data-dir"])
        .arg(data)
        .env("WORKLOG_NOW", NOW)
        .output()
        .unwrap();
    assert!(run.status.success(), "{run:?}");
}

/// `worklog ARGS` with standard output a pipe whose reader is already gone.
fn into_a_closed_pipe(data: &Path, args: &[&str]) -> std::process::Output {
    let (reader, writer) = nix::unistd::pipe().unwrap();
    drop(reader);
    Command::new(env!("CARGO_BIN_EXE_worklog"))
        .args(args)
        .env("WORKLOG_DATA_DIR", data)
        .env("WORKLOG_NOW", NOW)
        .stdin(Stdio::null())
        .stdout(Stdio::from(writer))
        .stderr(Stdio::piped())
        .output()
        .unwrap()
}

#[test]
fn a_closed_pipe_ends_the_command_quietly() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("d");
    demo(&data);
    for args in [
        &["export", "--format", "json"][..],
        &["export", "--format", "sql"],
        &["search", "review"],
        &["search", "review", "--json"],
        &["today"],
        &["report", "--week"],
    ] {
        let out = into_a_closed_pipe(&data, args);
        assert_eq!(
            (
                out.status.code(),
                String::from_utf8_lossy(&out.stderr).as_ref()
            ),
            (Some(0), ""),
            "{args:?}"
        );
    }
    // And as a shell runs it, with a reader that stops after one line.
    let script = r#""$0" export --format json --data-dir "$1" | head -1 >/dev/null; echo "status ${PIPESTATUS[0]}" >&2"#;
    let out = Command::new("bash")
        .args(["-c", script, env!("CARGO_BIN_EXE_worklog")])
        .arg(&data)
        .env("WORKLOG_NOW", NOW)
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stderr), "status 0\n");
}

#[test]
fn days_written_minus_n_are_values_not_flags() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    let run = worklog(
        data,
        NOW,
        &["add", "task", "Call", "the", "bank", "--day", "-1"],
    )
    .ok();
    assert!(run.stdout.contains("for 2026-11-24"), "{}", run.stdout);
    let run = worklog(data, NOW, &["add", "task", "Plan", "--day", "-2d"]).ok();
    assert!(run.stdout.contains("for 2026-11-23"), "{}", run.stdout);
    let run = worklog(
        data,
        NOW,
        &[
            "add", "feedback", "--given", "--person", "Ana", "--day", "-3", "Nice", "demo",
        ],
    )
    .ok();
    assert!(run.stdout.contains("2026-11-22"), "{}", run.stdout);
    let run = worklog(data, NOW, &["export", "--format", "json", "--from", "-1"]).ok();
    assert!(run.stdout.contains("Call the bank"), "{}", run.stdout);
    assert!(!run.stdout.contains("\"Plan\""), "{}", run.stdout);
    worklog(data, NOW, &["report", "--from", "-7", "--to", "-1"]).ok();
}

fn help(args: &[&str]) -> String {
    let tmp = tempfile::tempdir().unwrap();
    let mut with_help = args.to_vec();
    with_help.push("--help");
    worklog(tmp.path(), NOW, &with_help).ok().stdout
}

/// The option's help, joined into one line however clap wrapped it.
fn option_help(help: &str, option: &str) -> String {
    let mut lines = help
        .lines()
        .skip_while(|l| !l.trim_start().starts_with(option));
    let mut text = lines.next().unwrap_or_default().to_string();
    for l in lines.take_while(|l| !l.trim_start().starts_with('-')) {
        text.push(' ');
        text.push_str(l.trim());
    }
    text
}

#[test]
fn help_says_what_the_options_do() {
    // On Wednesday 2026-11-25, `--day mon` plans a task for the coming Monday.
    let tmp = tempfile::tempdir().unwrap();
    let run = worklog(tmp.path(), NOW, &["add", "task", "Plan", "--day", "wed"]).ok();
    assert!(run.stdout.contains("for 2026-12-02"), "{}", run.stdout);
    let task = option_help(&help(&["add", "task"]), "--day");
    assert!(task.contains("the next one"), "{task}");
    assert!(!task.contains("most recent"), "{task}");
    let feedback = option_help(&help(&["add", "feedback"]), "--day");
    assert!(feedback.contains("most recent"), "{feedback}");

    let demo = help(&["demo"]);
    let rows = option_help(&demo, "--rows");
    assert_eq!(rows.matches("[default:").count(), 1, "{rows}");
    let dir = option_help(&demo, "--data-dir");
    assert!(!dir.contains("XDG_DATA_HOME"), "{dir}");
    assert!(dir.contains("temporary"), "{dir}");
}
