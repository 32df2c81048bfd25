//! `--json` on check, backup --list, import (--dry-run) and report, on the real binary: each
//! prints one JSON value a script can read, with the facts the text output gives, and stored
//! escapes never reach the output raw.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::bin::{terminal_safe, worklog};

use serde_json::{Value, json};

const NOW: &str = "2026-11-18T09:30:00";

fn parse(stdout: &str) -> Value {
    assert!(terminal_safe(stdout), "{stdout}");
    serde_json::from_str(stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"))
}

on_both_backends! {
#[test]
fn check_json_reports_the_database_and_backups() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    worklog(data, NOW, &["add", "task", "One"]).ok();
    let v = parse(&worklog(data, NOW, &["check", "--json"]).ok().stdout);
    assert_eq!(v["ok"], json!(true));
    assert_eq!(v["integrity"], json!([]));
    assert_eq!(v["foreign_keys"], json!([]));
    assert!(v["schema_version"].as_u64().unwrap() >= 7, "{v}");
    assert!(v["rows"].as_i64().unwrap() >= 1, "{v}");
    assert_eq!(v["backups"]["count"], json!(1));
    assert_eq!(v["backups"]["newest_verified"]["age_days"], json!(0));
    assert_eq!(v["suspected_loss"], Value::Null);
}

#[test]
fn backup_list_json_is_an_array_of_backups() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    worklog(data, NOW, &["add", "task", "One"]).ok();
    worklog(data, NOW, &["backup"]).ok();
    let v = parse(
        &worklog(data, NOW, &["backup", "--list", "--json"])
            .ok()
            .stdout,
    );
    let list = v.as_array().unwrap();
    assert_eq!(list.len(), 2, "{v}");
    let reasons: Vec<&str> = list.iter().map(|b| b["reason"].as_str().unwrap()).collect();
    assert!(
        reasons.contains(&"manual") && reasons.contains(&"daily"),
        "{v}"
    );
    for b in list {
        // The daily backup is taken as the first command opens the database, before its task.
        let rows = if b["reason"] == "manual" { 1 } else { 0 };
        assert_eq!(b["rows"], json!(rows), "{b}");
        assert!(b["size"].as_u64().unwrap() > 0, "{b}");
        assert!(
            b["file"]
                .as_str()
                .unwrap()
                .starts_with("worklog-2026-11-18T"),
            "{b}"
        );
        assert_eq!(b["unreadable"], Value::Null);
    }
    // --json belongs to --list.
    worklog(data, NOW, &["backup", "--json"]).usage_error();
}

#[test]
fn import_dry_run_json_counts_what_would_be_added() {
    let tmp = tempfile::tempdir().unwrap();
    let (from, to) = (tmp.path().join("a"), tmp.path().join("b"));
    worklog(&from, NOW, &["add", "task", "One #home"]).ok();
    worklog(&from, NOW, &["add", "energy", "4"]).ok();
    let file = tmp.path().join("all.json");
    worklog(
        &from,
        NOW,
        &[
            "export",
            "--format",
            "json",
            "--out",
            file.to_str().unwrap(),
        ],
    )
    .ok();
    // On PostgreSQL the other log is another schema.
    if common::on_postgres::current().is_some() {
        common::on_postgres::use_fresh_schema();
    }
    let run = worklog(
        &to,
        NOW,
        &["import", file.to_str().unwrap(), "--dry-run", "--json"],
    )
    .ok();
    let v = parse(&run.stdout);
    assert_eq!(v["source"], json!("worklog"));
    assert_eq!(v["dry_run"], json!(true));
    assert_eq!(v["added"]["tasks"], json!(1), "{v}");
    assert_eq!(v["added"]["energy_checkins"], json!(1), "{v}");
    assert_eq!(v["already_there_total"], json!(0));
    // Nothing was written.
    let v = parse(&worklog(&to, NOW, &["list", "tasks", "--json"]).ok().stdout);
    assert_eq!(v, json!([]));
}

#[test]
fn report_json_holds_each_section() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    worklog(data, NOW, &["add", "task", "Ship \x1b[31mit #work"]).ok();
    worklog(data, NOW, &["done", "1"]).ok();
    worklog(data, NOW, &["add", "energy", "4"]).ok();
    worklog(
        data,
        NOW,
        &["add", "meeting", "Sync", "--time", "09:00", "--with", "Ana"],
    )
    .ok();
    let v = parse(
        &worklog(data, NOW, &["report", "--week", "--json"])
            .ok()
            .stdout,
    );
    assert_eq!(v["from"], json!("2026-11-12"));
    assert_eq!(v["to"], json!("2026-11-18"));
    assert_eq!(v["days"], json!(7));
    assert_eq!(v["tasks_done"][0]["title"], json!("Ship \x1b[31mit"));
    assert_eq!(v["tasks_done"][0]["tags"], json!(["work"]));
    assert_eq!(v["meetings"][0]["attendees"], json!(["Ana"]));
    assert_eq!(v["energy"]["checkins"], json!(1));
    assert_eq!(v["energy"]["average"], json!(4.0));
    assert_eq!(v["learnings"], json!([]));
}
}
