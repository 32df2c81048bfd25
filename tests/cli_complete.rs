//! Dynamic completion on the real binary, asked the way a shell's script asks
//! (`WORKLOG_COMPLETE=fish worklog -- WORDS… CURRENT`): values come from the user's database, and a
//! TAB never writes, migrates or backs up anything, nor says anything when it cannot read.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::bin::{worklog, worklog_with_env};

use std::collections::BTreeMap;
use std::path::Path;

const NOW: &str = "2026-11-25T10:00:00";

/// What the shell is offered for the command line `words` (the last is the word being
/// completed), as (value, help) pairs.
fn offered(data: &Path, now: &str, shell: &str, words: &[&str]) -> Vec<(String, String)> {
    let mut args = vec!["--"];
    args.extend_from_slice(words);
    let index = (words.len() - 1).to_string();
    let run = worklog_with_env(
        data,
        now,
        &args,
        "",
        &[
            ("WORKLOG_COMPLETE", shell),
            ("_CLAP_COMPLETE_INDEX", &index),
            ("_CLAP_IFS", "\n"),
        ],
    );
    assert_eq!(run.code, 0, "{words:?}: {} {}", run.stdout, run.stderr);
    assert_eq!(run.stderr, "", "{words:?}");
    run.stdout
        .lines()
        .filter(|l| !l.is_empty())
        .map(|l| {
            let (value, help) = l.split_once('\t').unwrap_or((l, ""));
            (value.to_string(), help.to_string())
        })
        .collect()
}

/// The values alone, leaving out the options clap offers beside them.
fn values(data: &Path, now: &str, words: &[&str]) -> Vec<String> {
    offered(data, now, "fish", words)
        .into_iter()
        .map(|(v, _)| v)
        .filter(|v| !v.starts_with('-'))
        .collect()
}

fn fill(data: &Path) {
    for args in [
        &["add", "task", "Call the bank", "--tag", "home"][..],
        &["add", "task", "Write the review", "--tag", "work"],
        &["add", "task", "Already done"],
        &["add", "task", "Next week's", "--day", "2026-12-02"],
        &["add", "goal", "Grow as a lead"],
        &[
            "add", "meeting", "Sync", "--with", "Ana Lima", "--with", "Bo",
        ],
        &["add", "skill", "Rust", "--category", "languages"],
    ] {
        worklog(data, NOW, args).ok();
    }
    worklog(data, NOW, &["done", "3"]).ok();
}

/// Every file under `dir` with its bytes and modification time.
fn snapshot(dir: &Path) -> BTreeMap<String, (Vec<u8>, std::time::SystemTime)> {
    let mut out = BTreeMap::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in entries {
        let e = e.unwrap();
        let meta = e.metadata().unwrap();
        let name = e.path().display().to_string();
        if meta.is_dir() {
            out.insert(name.clone(), (Vec::new(), meta.modified().unwrap()));
            out.extend(snapshot(&e.path()));
        } else {
            out.insert(
                name,
                (std::fs::read(e.path()).unwrap(), meta.modified().unwrap()),
            );
        }
    }
    out
}

#[test]
fn done_offers_today_s_open_tasks_with_their_titles() {
    let tmp = tempfile::tempdir().unwrap();
    fill(tmp.path());
    let offered = offered(tmp.path(), NOW, "fish", &["worklog", "done", ""]);
    let tasks: Vec<_> = offered
        .iter()
        .filter(|(v, _)| !v.starts_with('-'))
        .collect();
    assert_eq!(
        tasks,
        [
            &("1".to_string(), "Call the bank".to_string()),
            &("2".to_string(), "Write the review".to_string())
        ]
    );
    // The next ids follow the typed prefix.
    assert_eq!(
        values(tmp.path(), NOW, &["worklog", "done", "1", ""]).len(),
        2
    );
    assert_eq!(values(tmp.path(), NOW, &["worklog", "done", "2"]), ["2"]);
}

#[test]
fn tags_people_goals_and_skills_come_from_the_database() {
    let tmp = tempfile::tempdir().unwrap();
    fill(tmp.path());
    let d = tmp.path();
    assert_eq!(
        values(d, NOW, &["worklog", "add", "task", "x", "--tag", ""]),
        ["home", "work"]
    );
    assert_eq!(
        values(d, NOW, &["worklog", "list", "tasks", "--tag", "w"]),
        ["work"]
    );
    assert_eq!(
        values(d, NOW, &["worklog", "add", "meeting", "x", "--with", ""]),
        ["Ana Lima", "Bo"]
    );
    assert_eq!(
        values(
            d,
            NOW,
            &["worklog", "add", "feedback", "--given", "--person", "B"]
        ),
        ["Bo"]
    );
    assert_eq!(
        offered(
            d,
            NOW,
            "fish",
            &["worklog", "add", "task", "x", "--goal", ""]
        ),
        [("1".to_string(), "Grow as a lead".to_string())]
    );
    assert_eq!(
        values(d, NOW, &["worklog", "add", "assessment", ""]),
        ["Rust"]
    );
}

#[test]
fn show_edit_and_rm_offer_ids_of_the_kind_typed() {
    let tmp = tempfile::tempdir().unwrap();
    fill(tmp.path());
    let d = tmp.path();
    let tasks = offered(d, NOW, "fish", &["worklog", "show", "task", ""]);
    assert_eq!(
        tasks.first(),
        Some(&("4".to_string(), "2026-12-02 Next week's".to_string()))
    );
    assert_eq!(tasks.iter().filter(|(v, _)| !v.starts_with('-')).count(), 4);
    let meetings = offered(d, NOW, "fish", &["worklog", "rm", "meetings", ""]);
    assert_eq!(
        meetings.first(),
        Some(&("1".to_string(), "2026-11-25 10:00 Sync".to_string()))
    );
    assert_eq!(values(d, NOW, &["worklog", "edit", "goal", ""]), ["1"]);
    // A removed row is not offered.
    worklog(d, NOW, &["rm", "task", "4"]).ok();
    assert_eq!(
        values(d, NOW, &["worklog", "rm", "task", ""]),
        ["3", "2", "1"]
    );
    // No kind, or one worklog does not know: nothing.
    assert!(values(d, NOW, &["worklog", "show", "bogus", ""]).is_empty());
}

#[test]
fn bash_gets_names_it_can_insert_as_one_word() {
    let tmp = tempfile::tempdir().unwrap();
    fill(tmp.path());
    let offered = offered(
        tmp.path(),
        NOW,
        "bash",
        &["worklog", "add", "meeting", "x", "--with", "A"],
    );
    assert_eq!(offered, [("Ana\\ Lima".to_string(), String::new())]);
}

#[test]
fn the_data_dir_on_the_line_is_the_one_read() {
    let tmp = tempfile::tempdir().unwrap();
    let real = tmp.path().join("real");
    std::fs::create_dir(&real).unwrap();
    fill(&real);
    // WORKLOG_DATA_DIR names a directory with no database; the line names the real one.
    let elsewhere = tmp.path().join("elsewhere");
    let words = ["worklog", "--data-dir", real.to_str().unwrap(), "done", ""];
    assert_eq!(values(&elsewhere, NOW, &words), ["1", "2"]);
    assert!(!elsewhere.exists());
}

#[test]
fn completing_writes_nothing_and_says_nothing_when_it_cannot_read() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    std::fs::create_dir(&data).unwrap();
    fill(&data);
    // The next day: a command would take that day's backup first. A TAB must not.
    let tomorrow = "2026-11-26T10:00:00";
    let before = snapshot(&data);
    for words in [
        &["worklog", "done", ""][..],
        &["worklog", "add", "task", "x", "--tag", ""],
        &["worklog", "add", "meeting", "x", "--with", ""],
    ] {
        assert!(!values(&data, tomorrow, words).is_empty() || words[1] == "done");
    }
    assert_eq!(snapshot(&data), before, "a TAB changed the data directory");

    // An older schema is not migrated (nor backed up first): whatever it offers, nothing moves.
    worklog(&data, NOW, &["migrate", "--to", "1", "--yes"]);
    let before = snapshot(&data);
    values(&data, tomorrow, &["worklog", "done", ""]);
    values(
        &data,
        tomorrow,
        &["worklog", "add", "task", "x", "--tag", ""],
    );
    assert_eq!(snapshot(&data), before, "a TAB migrated or backed up");

    // No database: nothing offered, nothing created.
    let missing = tmp.path().join("missing");
    assert!(values(&missing, NOW, &["worklog", "done", ""]).is_empty());
    assert!(values(&missing, NOW, &["worklog", "list", "tasks", "--tag", ""]).is_empty());
    assert!(!missing.exists());

    // Not a database: nothing offered, quietly.
    let junk = tmp.path().join("junk");
    std::fs::create_dir(&junk).unwrap();
    std::fs::write(junk.join("worklog.db"), b"not a database").unwrap();
    let before = snapshot(&junk);
    assert!(values(&junk, NOW, &["worklog", "done", ""]).is_empty());
    assert_eq!(snapshot(&junk), before);
}

#[test]
fn the_start_up_line_prints_a_script_and_a_stray_complete_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    fill(tmp.path());
    let d = tmp.path();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let run = worklog_with_env(d, NOW, &[], "", &[("WORKLOG_COMPLETE", shell)]).ok();
        assert!(
            run.stdout.contains("WORKLOG_COMPLETE"),
            "{shell}: {}",
            run.stdout
        );
    }
    // clap's usual variable is not worklog's: a command runs as ever with it set.
    let run = worklog_with_env(d, NOW, &["today"], "", &[("COMPLETE", "bash")]).ok();
    assert!(run.stdout.contains("Call the bank"), "{}", run.stdout);
    // A shell worklog does not know: one line, exit 2, nothing run.
    let run = worklog_with_env(d, NOW, &["today"], "", &[("WORKLOG_COMPLETE", "bsh")]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr
            .starts_with("worklog: WORKLOG_COMPLETE: unknown shell `bsh`"),
        "{}",
        run.stderr
    );
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
}

/// The whole path, in a real bash on a pseudo-terminal: the start-up line from the README,
/// then TAB after `--with A` puts the one person who matches on the line, quoted as one word.
#[test]
fn bash_completes_from_the_database_on_a_terminal() {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    use std::io::{Read, Write};
    use std::time::{Duration, Instant};
    if !Path::new("/bin/bash").exists() {
        eprintln!("NOTE: no /bin/bash; skipping");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    std::fs::create_dir(&data).unwrap();
    fill(&data);
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_worklog")).parent().unwrap();
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new("/bin/bash");
    cmd.args(["--norc", "--noprofile", "-i"]);
    cmd.env_clear();
    cmd.env("PATH", format!("{}:/usr/bin:/bin", bin_dir.display()));
    cmd.env("HOME", tmp.path());
    cmd.env("TERM", "xterm");
    cmd.env("PS1", "$ ");
    cmd.env("WORKLOG_DATA_DIR", &data);
    cmd.env("WORKLOG_NOW", NOW);
    cmd.env("TZ", "UTC");
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let mut writer = pair.master.take_writer().unwrap();
    let output = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
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
    let screen = || {
        let mut p = vt100::Parser::new(
            std::num::NonZeroU16::new(24).unwrap(),
            std::num::NonZeroU16::new(100).unwrap(),
            0,
        );
        p.process(&output.lock().unwrap());
        p.screen().contents()
    };
    let wait_for = |needle: &str| {
        let start = Instant::now();
        while !screen().contains(needle) {
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "no {needle:?} on\n{}",
                screen()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    };
    writer
        .write_all(b"source <(WORKLOG_COMPLETE=bash worklog) && echo registered\n")
        .unwrap();
    wait_for("registered");
    writer
        .write_all(b"worklog add meeting x --with A\t")
        .unwrap();
    wait_for("--with Ana\\ Lima");
    // Put `printf '<%s>'` in front and run it: the shell reads the inserted name as one word.
    writer.write_all(b"\x01printf '<%s>' \n").unwrap();
    wait_for("<worklog><add><meeting><x><--with><Ana Lima>");
    writer.write_all(b"exit\n").unwrap();
    let _ = child.wait();
}

#[test]
fn the_config_files_data_dir_is_read_when_nothing_else_names_one() {
    let tmp = tempfile::tempdir().unwrap();
    let real = tmp.path().join("real");
    std::fs::create_dir(&real).unwrap();
    fill(&real);
    let config = tmp.path().join("config.toml");
    std::fs::write(
        &config,
        format!("data_dir = {:?}\n", real.to_str().unwrap()),
    )
    .unwrap();
    let words = ["worklog", "--config", config.to_str().unwrap(), "done", ""];
    let run = worklog_with_env(
        &tmp.path().join("unused"),
        NOW,
        &["--", words[0], words[1], words[2], words[3], words[4]],
        "",
        &[
            ("WORKLOG_COMPLETE", "fish"),
            ("_CLAP_COMPLETE_INDEX", "4"),
            ("_CLAP_IFS", "\n"),
            ("WORKLOG_DATA_DIR", ""),
        ],
    );
    assert_eq!(run.stderr, "");
    let values: Vec<&str> = run
        .stdout
        .lines()
        .map(|l| l.split('\t').next().unwrap())
        .filter(|v| !v.is_empty() && !v.starts_with('-'))
        .collect();
    assert_eq!(values, ["1", "2"], "{}", run.stdout);
}
