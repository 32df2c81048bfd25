//! `worklog search` through the real binary.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::{at, day};

use std::path::Path;
use std::process::Command;
use worklog::model::{LearningDraft, TaskDraft};

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn worklog(data_dir: &Path, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_worklog"))
        .env("WORKLOG_DAILY_BACKUP", "wait")
        .args(args)
        .env("WORKLOG_DATA_DIR", data_dir)
        .env("WORKLOG_NOW", "2026-11-22T12:00:00")
        .env_remove("XDG_DATA_HOME")
        .env_remove("NO_COLOR")
        // This test's schema on PostgreSQL, and never a developer's own server.
        .env_remove("WORKLOG_DATABASE")
        .env_remove("WORKLOG_SCHEMA")
        .envs(
            common::on_postgres::current().map_or(Vec::new(), |(url, schema)| {
                vec![("WORKLOG_DATABASE", url), ("WORKLOG_SCHEMA", schema)]
            }),
        )
        .output()
        .unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

impl Run {
    fn ok(self) -> Run {
        assert_eq!(
            self.code, 0,
            "stdout: {}\nstderr: {}",
            self.stdout, self.stderr
        );
        assert_eq!(self.stderr, "");
        self
    }

    /// Success with the list cut off at `--limit`: one line on stderr says so.
    fn cut_off(self) -> Run {
        assert_eq!(
            self.code, 0,
            "stdout: {}\nstderr: {}",
            self.stdout, self.stderr
        );
        assert!(
            self.stderr.starts_with("worklog: showing the first ")
                && self
                    .stderr
                    .ends_with("there are more (--limit N, up to 10000)\n")
                && self.stderr.lines().count() == 1,
            "{}",
            self.stderr
        );
        self
    }
}

/// A data directory with a few rows, some carrying terminal escape sequences.
fn data() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let repo = common::open_as_the_binary(&data, "2026-11-22T09:00:00");
    for (d, title, notes) in [
        (
            "2026-11-20",
            "Upgrade kube \x1b]0;pwned\x07cluster",
            "then \x1b[2J clear \u{9b}31m",
        ),
        ("2026-11-21", "Patch the kube nodes", "docker images too"),
        ("2026-11-19", "Unrelated chore", ""),
    ] {
        repo.add_task(
            day(d),
            &TaskDraft {
                title: title.into(),
                notes: notes.into(),
                ..TaskDraft::default()
            },
        )
        .unwrap();
    }
    repo.add_learning(&LearningDraft {
        at: Some(at("2026-11-18T10:00:00")),
        title: "Kubernetes operators".into(),
        body: "reconcile \u{202e}loops\u{202c} all the way down".into(),
        ..LearningDraft::default()
    })
    .unwrap();
    (tmp, data)
}

/// Hits in text output: each starts a line at the left edge (snippets are indented).
fn hits(stdout: &str) -> usize {
    stdout.lines().filter(|l| !l.starts_with(' ')).count()
}

fn assert_terminal_safe(s: &str) {
    for bad in ['\x1b', '\x07', '\u{9b}', '\u{202e}', '\u{e000}', '\u{e001}'] {
        assert!(!s.contains(bad), "{bad:?} reached stdout: {s:?}");
    }
}

/// Runs the binary with no WORKLOG_DATA_DIR, HOME and XDG_DATA_HOME pointing into `home`, so
/// that a default data directory, if one were made, would show up there.
fn worklog_at_home(home: &Path, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_worklog"))
        .env("WORKLOG_DAILY_BACKUP", "wait")
        .args(args)
        .env_remove("WORKLOG_DATA_DIR")
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("xdg"))
        .env("WORKLOG_NOW", "2026-11-22T12:00:00")
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

on_both_backends! {
#[test]
fn text_output_is_safe_and_marks_matches() {
    let (_tmp, data) = data();
    let run = worklog(&data, &["search", "kube*"]).ok();
    assert_terminal_safe(&run.stdout);
    // Three hits, matched in their titles: one line each, the title marked.
    assert_eq!(hits(&run.stdout), 3, "{}", run.stdout);
    assert!(
        run.stdout.contains(
            "task         1  2026-11-20  task           Upgrade [kube] ␛]0;pwned␇cluster\n"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("learning     1  2026-11-18  journal entry  [Kubernetes] operators\n"),
        "{}",
        run.stdout
    );

    // A match in the text: the title, then the passage.
    let run = worklog(&data, &["search", "reconcile"]).ok();
    assert_terminal_safe(&run.stdout);
    assert_eq!(
        run.stdout,
        "learning     1  2026-11-18  journal entry  Kubernetes operators\n                  \
         [reconcile] �loops� all the way down\n"
    );
    let run = worklog(&data, &["search", "clear"]).ok();
    assert_terminal_safe(&run.stdout);
    assert!(
        run.stdout
            .ends_with("\n                  then ␛[2J [clear] �31m\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn json_is_an_array_of_hits() {
    let (_tmp, data) = data();
    let run = worklog(&data, &["search", "kube", "--json"]).ok();
    assert_terminal_safe(&run.stdout);
    let hits: Vec<worklog::model::SearchHit> = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(hits.len(), 2);
    assert!(hits.iter().all(|h| h.kind == worklog::model::HitKind::Task));
    // The text comes back exactly as stored, escapes and all, once decoded.
    assert!(hits.iter().any(|h| h.title.contains("\x1b]0;pwned\x07")));
    assert!(hits.iter().all(|h| h.snippet.contains('\u{e000}')));

    let none = worklog(&data, &["search", "--json", "nothing-like-this"]).ok();
    assert_eq!(none.stdout.trim(), "[]");
}

#[test]
fn options_may_follow_the_words_and_words_may_start_with_a_dash() {
    let (_tmp, data) = data();
    let run = worklog(&data, &["search", "kube", "-docker", "--limit", "5"]).ok();
    assert_eq!(hits(&run.stdout), 1, "{}", run.stdout);
    assert!(run.stdout.contains("Upgrade"), "{}", run.stdout);
    let run = worklog(&data, &["search", "kube", "--limit=1"]).cut_off();
    assert_eq!(hits(&run.stdout), 1, "{}", run.stdout);
    let run = worklog(&data, &["search", "--limit", "1", "--json", "kube"]).cut_off();
    assert_eq!(
        serde_json::from_str::<Vec<serde_json::Value>>(&run.stdout)
            .unwrap()
            .len(),
        1
    );
    let run = worklog(&data, &["search", "pane:journal"]).ok();
    assert!(
        run.stdout
            .starts_with("learning     1  2026-11-18  journal entry  Kubernetes operators")
    );
    let run = worklog(&data, &["search", "zzzz"]).ok();
    assert_eq!(run.stdout, "no matches\n");
}

#[test]
fn a_malformed_query_is_one_line_and_opens_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("never-made");
    for (args, says) in [
        (vec!["search", "\"code review"], "quote is not closed"),
        (vec!["search", "kube", "OR"], "OR needs a word on each side"),
        (vec!["search", "colour:red"], "unknown filter colour:"),
        (vec!["search", "from:2026-02-30"], "from: wants a date"),
        (vec!["search", "pane:\x1b[2J"], "pane: wants"),
    ] {
        let run = worklog(&data, &args);
        assert_eq!(run.code, 1, "{args:?}: {}", run.stderr);
        assert_eq!(run.stdout, "");
        assert_eq!(run.stderr.lines().count(), 1, "{:?}", run.stderr);
        assert!(run.stderr.starts_with("worklog: "), "{}", run.stderr);
        assert!(run.stderr.contains(says), "{args:?}: {}", run.stderr);
        assert!(!run.stderr.contains('\x1b'), "{:?}", run.stderr);
    }
    assert!(
        !data.exists(),
        "a bad query never touches the data directory"
    );
}


/// `--limit` has a cap, so one command cannot ask to load the whole record: a larger number is
/// a clear one-line usage error (exit 2) naming the cap, before anything is opened.
#[test]
fn a_limit_above_the_cap_is_a_clear_error() {
    let (_tmp, data) = data();
    let cap = worklog::search::MAX_LIMIT.to_string();
    let ok = worklog(&data, &["search", "kube", "--limit", &cap]).ok();
    assert!(ok.stdout.contains("kube"), "{}", ok.stdout);
    for too_many in ["10001", "1000000000"] {
        let run = worklog(&data, &["search", "kube", "--limit", too_many]);
        assert_eq!(run.code, 2, "{too_many}: {} {}", run.stdout, run.stderr);
        assert!(run.stdout.is_empty(), "{}", run.stdout);
        assert!(run.stderr.starts_with("worklog: "), "{}", run.stderr);
        assert!(
            run.stderr.contains("--limit") && run.stderr.contains(&cap),
            "{}",
            run.stderr
        );
    }
}

/// Each hit starts with what `worklog show` takes (kind and id), so a hit can be piped on; a
/// list cut off at `--limit` says so in one line on stderr, and a list that fits does not.
#[test]
fn hits_show_ids_for_show_and_a_cut_off_list_says_so() {
    let (_tmp, data) = data();
    let run = worklog(&data, &["search", "patch"]).ok();
    let first = run.stdout.lines().next().unwrap();
    let words: Vec<&str> = first.split_whitespace().take(2).collect();
    assert_eq!(words, ["task", "2"], "{first}");
    let shown = worklog(&data, &["show", words[0], words[1], "--json"]).ok();
    let task: serde_json::Value = serde_json::from_str(&shown.stdout).unwrap();
    assert_eq!(task["title"], "Patch the kube nodes");

    let run = worklog(&data, &["search", "kube*", "--limit", "2"]).cut_off();
    assert_eq!(hits(&run.stdout), 2, "{}", run.stdout);
    assert_eq!(
        run.stderr,
        "worklog: showing the first 2 hits; there are more (--limit N, up to 10000)\n"
    );
    // Exactly as many as there are: nothing was cut off.
    let run = worklog(&data, &["search", "kube*", "--limit", "3"]).ok();
    assert_eq!(hits(&run.stdout), 3, "{}", run.stdout);
}
}

/// Options work in any position, as in every other command (`--data-dir` after the words
/// searched, and created, the default data directory instead); `-word` is still a word, after
/// `--` everything is, and an unknown `--flag` is an error naming it.
#[test]
fn options_after_the_words_are_options_wherever_they_are() {
    let (tmp, data) = data();
    let home = tmp.path().join("home");
    std::fs::create_dir(&home).unwrap();
    let d = data.to_str().unwrap();
    let run = worklog_at_home(&home, &["search", "kube", "--data-dir", d]).ok();
    assert_eq!(hits(&run.stdout), 2, "{}", run.stdout);
    let run = worklog_at_home(
        &home,
        &["search", "kube", "-docker", "--data-dir", d, "--json"],
    )
    .ok();
    let json: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json.len(), 1, "{}", run.stdout);
    let run = worklog_at_home(
        &home,
        &["search", &format!("--data-dir={d}"), "kube", "--limit=1"],
    )
    .cut_off();
    assert_eq!(hits(&run.stdout), 1, "{}", run.stdout);
    let run = worklog_at_home(
        &home,
        &["--data-dir", d, "search", "-docker", "kube", "--limit", "2"],
    )
    .ok();
    assert_eq!(hits(&run.stdout), 1, "{}", run.stdout);
    // After --, everything is words, wherever the -- is.
    for args in [
        vec!["search", "--data-dir", d, "--", "--json", "kube"],
        vec!["search", "kube", "--data-dir", d, "--", "--json"],
        vec!["search", "--data-dir", d, "kube", "--", "--limit", "1"],
    ] {
        let run = worklog_at_home(&home, &args).ok();
        // Text output: --json was a word, not the option.
        assert!(!run.stdout.starts_with('['), "{args:?}: {}", run.stdout);
    }
    // An unknown --flag is an error naming it, in any position.
    for args in [
        vec!["search", "kube", "--bogus", "--data-dir", d],
        vec!["search", "--bogus", "kube", "--data-dir", d],
    ] {
        let run = worklog_at_home(&home, &args);
        assert_eq!(run.code, 2, "{args:?}: {} {}", run.stdout, run.stderr);
        assert!(run.stderr.starts_with("worklog: "), "{}", run.stderr);
        assert!(run.stderr.contains("--bogus"), "{}", run.stderr);
    }
    let run = worklog_at_home(&home, &["search", "x", "--limit", "many", "--data-dir", d]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("--limit") && run.stderr.contains("many"),
        "{}",
        run.stderr
    );
    let made: Vec<_> = std::fs::read_dir(&home).unwrap().collect();
    assert!(
        made.is_empty(),
        "the default data directory was touched: {made:?}"
    );
}
