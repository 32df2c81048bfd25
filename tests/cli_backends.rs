//! The command-line contract on both backends: one script of commands (add, done, today, list,
//! show, rm, undo, edit, search, export, import, report, check, migrate), run through the real
//! binary once on a SQLite data directory and once on a fresh PostgreSQL schema, gives the same
//! output, step by step. Only what must differ is normalised: the data directory's path and the
//! database's name.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::bin::{Run, worklog_with_env};
use common::{on_postgres, pg};

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

/// One step of the script: when it runs, its arguments, and what it reads on stdin.
struct Step {
    now: &'static str,
    args: Vec<String>,
    input: &'static str,
}

fn step(now: &'static str, args: &[&str]) -> Step {
    Step {
        now,
        args: args.iter().map(|a| (*a).to_string()).collect(),
        input: "",
    }
}

/// Writes an executable editor script (the file to edit is `$1`).
fn editor(dir: &Path, body: &str) -> PathBuf {
    let path = dir.join("editor.sh");
    std::fs::write(&path, format!("#!/bin/sh\nset -e\n{body}\n")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

/// A worklog export from another log, to import: one task with a tag, made on SQLite.
fn other_log_export() -> String {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("other");
    let now = "2026-11-15T08:00:00";
    on_postgres::forget();
    worklog_with_env(&data, now, &["add", "task", "Imported task #old"], "", &[]).ok();
    worklog_with_env(&data, now, &["export", "--format", "json"], "", &[])
        .ok()
        .stdout
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn script(tmp: &Path) -> Vec<Step> {
    // Steps borrow their words for the whole test.
    let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
    let latest = leak(worklog::db::migrate::latest().to_string());
    let other = leak(tmp.join("import.json").to_str().unwrap().to_string());
    let taskwarrior = leak(fixture("taskwarrior-export.json"));
    let jrnl = leak(fixture("jrnl-export.json"));
    let d1 = "2026-11-16T09:00:00";
    let d2 = "2026-11-17T10:15:00";
    let d3 = "2026-11-18T11:30:00";
    vec![
        step(d1, &["add", "task", "Write the report #work !high ~30m"]),
        step(d1, &["add", "task", "Call the bank", "--day", "tomorrow"]),
        step(d1, &["add", "task", "Résumé naïve café #home"]),
        step(
            d1,
            &[
                "add",
                "learning",
                "Rust",
                "lifetimes",
                "--body",
                "borrows end early",
                "--tag",
                "rust",
                "--star",
            ],
        ),
        step(d1, &["add", "energy", "4", "--note", "after coffee"]),
        step(
            d1,
            &[
                "add",
                "meeting",
                "Weekly",
                "sync",
                "--time",
                "10:00",
                "--with",
                "Ana",
                "--with",
                "Bo",
                "--kind",
                "team",
                "--duration",
                "45",
                "--notes",
                "plan the release",
            ],
        ),
        step(
            d1,
            &[
                "add",
                "feedback",
                "--received",
                "--person",
                "Ana",
                "Great",
                "demo",
            ],
        ),
        step(d1, &["add", "goal", "Grow as a lead"]),
        step(d1, &["add", "goal", "Mentor two people", "--parent", "1"]),
        step(d1, &["add", "skill", "Rust"]),
        step(
            d1,
            &["add", "assessment", "Rust", "3", "--note", "wrote a macro"],
        ),
        step(d1, &["add", "action-item", "Book a room", "--meeting", "1"]),
        step(d1, &["add", "task", "X", "--estimate", "soon"]),
        step(d1, &["done", "1"]),
        step(d1, &["done", "1", "42"]),
        step(d1, &["today"]),
        step(d1, &["today", "--json"]),
        step(d2, &["today"]),
        step(d2, &["list", "tasks"]),
        step(d2, &["list", "tasks", "--json"]),
        step(d2, &["list", "learnings"]),
        step(d2, &["list", "meetings", "--json"]),
        step(d2, &["list", "people"]),
        step(d2, &["list", "tags"]),
        step(d2, &["list", "goals"]),
        step(d2, &["list", "skills"]),
        step(d2, &["list", "feedback"]),
        step(d2, &["list", "action-items"]),
        step(d2, &["list", "tasks", "--tag", "work"]),
        step(d2, &["show", "task", "1"]),
        step(d2, &["show", "meeting", "1", "--json"]),
        step(d2, &["show", "goal", "1"]),
        step(d2, &["show", "goal", "1", "--json"]),
        step(d2, &["show", "goal", "2"]),
        step(d2, &["show", "task", "99"]),
        step(d2, &["rm", "task", "3"]),
        step(d2, &["rm", "task", "2", "999"]),
        step(d2, &["list", "tasks"]),
        step(d2, &["undo"]),
        step(d2, &["list", "tasks"]),
        step(d2, &["undo"]),
        step(d2, &["edit", "task", "2"]),
        step(d2, &["show", "task", "2"]),
        step(d2, &["search", "report"]),
        step(d2, &["search", "--json", "cafe"]),
        step(d2, &["search", "rust", "OR", "bank"]),
        step(d2, &["search", "tag:work"]),
        step(d2, &["search", "is:open", "-bank"]),
        step(d2, &["search", "lifet*"]),
        step(d2, &["search", "\"weekly sync\""]),
        step(d2, &["search", "pane:journal", "rust"]),
        step(d2, &["search", "person:ana"]),
        step(d2, &["export", "--format", "json"]),
        step(d2, &["export", "--format", "sql"]),
        step(d2, &["export", "--format", "json", "--from", "2026-11-17"]),
        step(d3, &["import", other, "--dry-run"]),
        step(d3, &["import", other]),
        step(d3, &["import", other]),
        step(d3, &["import", taskwarrior, "--json"]),
        step(d3, &["import", jrnl]),
        step(d3, &["import", jrnl]),
        Step {
            now: d3,
            args: ["import", "-", "--from", "jrnl"]
                .iter()
                .map(|a| (*a).to_string())
                .collect(),
            input: r#"{"tags":{},"entries":[{"title":"From jrnl","body":"a day out","date":"2026-11-10","time":"08:00","tags":[],"starred":false}]}"#,
        },
        step(d3, &["list", "learnings", "--json"]),
        step(d3, &["list", "tasks", "--json"]),
        step(d3, &["report", "--week"]),
        step(
            d3,
            &[
                "report",
                "--from",
                "2026-11-10",
                "--to",
                "2026-11-18",
                "--json",
            ],
        ),
        step(d3, &["report", "--month"]),
        step(d3, &["check"]),
        step(d3, &["migrate", "--to", latest]),
        step(d3, &["migrate", "--to", "99"]),
        step(d3, &["migrate", "--to", "1"]),
        step(d3, &["migrate", "--to", "11", "--yes"]),
        step(d3, &["migrate", "--to", latest]),
        step(d3, &["list", "tasks"]),
        step(d3, &["check", "--json"]),
    ]
}

/// Runs the script on `data` (and on PostgreSQL if a schema is current on this thread),
/// returning each step as text with the data directory's path normalised.
fn run_script(tmp: &Path, data: &Path, other_log: &str) -> Vec<String> {
    std::fs::write(tmp.join("import.json"), other_log).unwrap();
    let edit = editor(
        tmp,
        r#"sed -i 's/^title: .*/title: Call the bank about fees/' "$1""#,
    );
    let mut out = Vec::new();
    for s in script(tmp) {
        let args: Vec<&str> = s.args.iter().map(String::as_str).collect();
        let Run {
            code,
            stdout,
            stderr,
        } = worklog_with_env(
            data,
            s.now,
            &args,
            s.input,
            &[("EDITOR", edit.to_str().unwrap()), ("NO_COLOR", "1")],
        );
        let text = format!(
            "$ worklog {}\n[exit {code}]\n{stdout}\n[stderr]\n{stderr}",
            args.join(" ")
        );
        out.push(
            text.replace(data.to_str().unwrap(), "DATA")
                .replace(tmp.to_str().unwrap(), "TMP")
                .replace(env!("CARGO_MANIFEST_DIR"), "SRC"),
        );
    }
    out
}

/// The time stamps the database writes itself (`created_at`, `updated_at`, `deleted_at`) come
/// from the wall clock, not from `WORKLOG_NOW`, so they differ between the two runs: written
/// today (or yesterday, across midnight), in either of the two shapes worklog prints.
fn without_wall_clock(text: &str) -> String {
    let today = chrono::Utc::now().date_naive();
    let days = [today, today.pred_opt().unwrap()].map(|d| d.format("%Y-%m-%d").to_string());
    let digit_shape = |s: &str, shape: &str| {
        s.len() == shape.len()
            && s.bytes().zip(shape.bytes()).all(|(c, p)| match p {
                b'9' => c.is_ascii_digit(),
                _ => c == p,
            })
    };
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    'scan: while !rest.is_empty() {
        for day in &days {
            if let Some(after) = rest.strip_prefix(day.as_str()) {
                for shape in ["T99:99:99.999Z", " 99:99:99"] {
                    if after
                        .get(..shape.len())
                        .is_some_and(|s| digit_shape(s, shape))
                    {
                        out.push_str("STAMP");
                        rest = &after[shape.len()..];
                        continue 'scan;
                    }
                }
            }
        }
        let c = rest.chars().next().unwrap();
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// The history in an export, numbered in its own order (changes and their rows). Each run is its own session (a
/// random id), and PostgreSQL's identity never hands a number out twice, so a change that
/// was opened and then dropped (a write that changed nothing) leaves a gap there that
/// SQLite's rowid fills: the changes, their order and their rows must still be the same.
fn history_numbered(text: &str) -> String {
    fn number_after<'a>(line: &'a str, key: &str) -> Option<(&'a str, &'a str, &'a str)> {
        let at = line.find(key)? + key.len();
        let len = line[at..].bytes().take_while(u8::is_ascii_digit).count();
        (len > 0).then(|| (&line[..at], &line[at..at + len], &line[at + len..]))
    }
    let mut ordinal: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut rows = 0;
    let mut out = Vec::new();
    for line in text.lines() {
        let mut line = line.to_string();
        if line.contains("\"session\":\"") {
            if let Some((head, id, tail)) = number_after(&line, "{\"id\":") {
                let n = ordinal.len() + 1;
                let n = *ordinal.entry(id.to_string()).or_insert(n);
                line = format!("{head}{n}{tail}");
            }
            if let Some(at) = line.find("\"session\":\"") {
                let start = at + "\"session\":\"".len();
                if let Some(len) = line[start..].find('"') {
                    line.replace_range(start..start + len, "SESSION");
                }
            }
        }
        if line.contains("\"change_id\":")
            && let Some((head, _, tail)) = number_after(&line, "{\"id\":")
        {
            rows += 1;
            line = format!("{head}{rows}{tail}");
        }
        if let Some((head, id, tail)) = number_after(&line, "\"change_id\":") {
            let n = ordinal
                .get(id)
                .map_or_else(|| format!("?{id}"), usize::to_string);
            line = format!("{head}{n}{tail}");
        }
        out.push(line);
    }
    out.join("\n")
}

/// Steps whose output may legitimately differ, and what PostgreSQL must print instead.
fn differs_by_design(args: &str, server: &str) -> bool {
    // The SQL export is a script for SQLite's sqlite3 shell: on a server it is refused, in
    // one line that names the alternatives.
    if args == "export --format sql" {
        assert!(
            server.contains("[exit 1]\n\n[stderr]\nworklog: the SQL export is a script for SQLite"),
            "{server}"
        );
        assert!(server.contains("worklog copy"), "{server}");
        return true;
    }
    false
}

/// Hits ranked by relevance over several words: bm25 (SQLite) and ts_rank_cd (PostgreSQL)
/// weigh the words differently (bm25's inverse document frequency has no counterpart), so
/// the same hits may come in another order; they must be the same hits.
fn ranked_over_words(args: &str) -> bool {
    args.starts_with("search") && args.contains(" OR ")
}

#[test]
fn every_command_gives_the_same_output_on_both_backends() {
    if pg::server().is_none() {
        return;
    }
    let other_log = other_log_export();
    let lite_tmp = tempfile::tempdir().unwrap();
    let lite_data = lite_tmp.path().join("data");
    on_postgres::forget();
    let lite = run_script(lite_tmp.path(), &lite_data, &other_log);

    let pg_tmp = tempfile::tempdir().unwrap();
    let pg_data = pg_tmp.path().join("data");
    let (url, schema) = on_postgres::use_fresh_schema();
    let server = run_script(pg_tmp.path(), &pg_data, &other_log);
    on_postgres::forget();

    assert_eq!(lite.len(), server.len());
    let mut differences = Vec::new();
    for (a, b) in lite.iter().zip(&server) {
        // The database is named as `check` and the messages name it: the file, or the
        // server and schema.
        let a = history_numbered(&without_wall_clock(
            &a.replace("DATA/worklog.db", "DATABASE"),
        ));
        let b = history_numbered(&without_wall_clock(
            &b.replace(&format!("{url} (schema {schema})"), "DATABASE"),
        ));
        let args = a.lines().next().unwrap().trim_start_matches("$ worklog ");
        if differs_by_design(args, &b) {
            continue;
        }
        let same = if ranked_over_words(args) {
            let mut x: Vec<&str> = a.lines().collect();
            let mut y: Vec<&str> = b.lines().collect();
            x.sort_unstable();
            y.sort_unstable();
            x == y
        } else {
            a == b
        };
        if !same {
            differences.push(format!(
                "--- SQLite\n{a}\n--- PostgreSQL\n{b}\n=================="
            ));
        }
    }
    assert!(
        differences.is_empty(),
        "{} of {} steps differ:\n{}",
        differences.len(),
        lite.len(),
        differences.join("\n")
    );
    // The script did something: rows were written, changed, found and imported.
    for expected in [
        "Call the bank about fees",
        "already exists here as a different row",
        "Ship the pagination endpoint",
        "From jrnl",
        "restored task 3",
        "[Rust] lifetimes",
    ] {
        assert!(lite.iter().any(|s| s.contains(expected)), "{expected}");
    }
}
