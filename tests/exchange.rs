//! `worklog export` (json, csv, sql) and putting a worklog export back, on the real binary.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::bin::{terminal_safe, worklog};
use common::{at, day};

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use worklog::clock::FixedClock;
use worklog::db::Repo;
use worklog::model::{
    ActionItemDraft, ActionSource, CheckinDraft, Deletable, Direction, FeedbackDraft, FeedbackKind,
    LearningDraft, MeetingDraft, MeetingKind, PersonDraft, TaskDraft,
};
use worklog::paths::DataDir;

const NOW: &str = "2026-11-22T09:30:00";

fn repo(data: &Path) -> Repo {
    let clock = Arc::new(FixedClock::new(at(NOW)));
    worklog::launch::open(&DataDir::new(data), clock).unwrap()
}

fn task(r: &Repo, on: &str, title: &str) -> i64 {
    r.add_task(
        day(on),
        &TaskDraft {
            title: title.into(),
            notes: "line one\nline \"two\", with a comma".into(),
            ..TaskDraft::default()
        },
    )
    .unwrap()
    .id
}

/// Sample data plus the awkward cases: formulas, control characters, quotes and line breaks,
/// a soft-deleted row, an import record.
fn filled(data: &Path) {
    let r = repo(data);
    worklog::demo::generate(&r, 1500, 7, day("2026-11-22")).unwrap();
    for title in [
        "=HYPERLINK(\"http://evil.example\",\"click\")",
        "+1 555 0100",
        "-rm -rf",
        "@SUM(A1:A9)",
        "ESC \u{1b}]0;owned\u{7} and C1 \u{9b}31m and RTL \u{202e}txt",
    ] {
        task(&r, "2026-11-21", title);
    }
    let gone = task(&r, "2026-11-20", "Deleted but kept");
    r.delete(Deletable::Task, gone).unwrap();
    drop(r);
    let jrnl = r#"{"tags":{},"entries":[{"date":"2026-11-19","time":"08:00","title":"Imported","body":"b","tags":["@x"],"starred":true,"extra":"kept"}]}"#;
    let file = data.join("j.json");
    fs::write(&file, jrnl).unwrap();
    worklog(data, NOW, &["import", file.to_str().unwrap()]).ok();
}

fn export_json(data: &Path, extra: &[&str]) -> String {
    let mut args = vec!["export", "--format", "json"];
    args.extend_from_slice(extra);
    worklog(data, NOW, &args).ok().stdout
}

#[test]
fn json_round_trips_byte_for_byte() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    filled(&a);
    let first = export_json(&a, &[]);
    assert!(terminal_safe(&first));
    let doc: serde_json::Value = serde_json::from_str(&first).unwrap();
    assert_eq!(doc["format"], "worklog");
    assert_eq!(doc["schema_version"], worklog::db::migrate::latest());
    let tasks = doc["tables"]["tasks"].as_array().unwrap();
    assert!(
        tasks
            .iter()
            .any(|t| t["title"] == "Deleted but kept" && t["deleted_at"].is_string())
    );
    assert!(
        tasks
            .iter()
            .any(|t| t["title"].as_str().unwrap().contains('\u{1b}'))
    );
    let imports = doc["tables"]["imports"].as_array().unwrap();
    assert_eq!(imports.len(), 1);
    assert!(
        imports[0]["original"]
            .as_str()
            .unwrap()
            .contains("\"extra\":\"kept\"")
    );
    // Every table is there, with every column.
    let r = repo(&a);
    for t in r.export_tables().unwrap() {
        let rows = doc["tables"][&t.name].as_array().unwrap();
        if let Some(row) = rows.first() {
            let keys: Vec<&String> = row.as_object().unwrap().keys().collect();
            assert_eq!(keys.len(), t.columns.len(), "{}", t.name);
        }
    }
    drop(r);

    let file = tmp.path().join("export.json");
    let run = worklog(
        &a,
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
    assert!(
        run.stdout.starts_with("exported 29 tables, "),
        "{}",
        run.stdout
    );
    assert_eq!(fs::read_to_string(&file).unwrap(), first);
    assert_eq!(
        fs::metadata(&file).unwrap().permissions().mode() & 0o777,
        0o600
    );

    let run = worklog(&b, NOW, &["import", file.to_str().unwrap()]).ok();
    assert!(
        run.stdout.starts_with("added:         organizations "),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("already there: nothing\n"),
        "{}",
        run.stdout
    );
    let second = export_json(&b, &[]);
    assert!(first == second, "the second export differs from the first");

    // Importing it again adds nothing, and says so.
    let run = worklog(&b, NOW, &["import", file.to_str().unwrap()]).ok();
    assert!(
        run.stdout.starts_with("added:         nothing\n"),
        "{}",
        run.stdout
    );
    assert!(export_json(&b, &[]) == first);
}

#[test]
fn a_worklog_export_does_not_merge_into_another_database() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    let ra = repo(&a);
    task(&ra, "2026-11-20", "From A");
    drop(ra);
    let rb = repo(&b);
    task(&rb, "2026-11-21", "Already in B");
    task(&rb, "2026-11-21", "Second in B");
    drop(rb);
    let file = tmp.path().join("a.json");
    fs::write(&file, export_json(&a, &[])).unwrap();
    let before = export_json(&b, &[]);
    let line = worklog(&b, NOW, &["import", file.to_str().unwrap()]).one_line_error();
    assert!(
        line.starts_with("worklog: nothing was imported: tasks row 1 (id 1): tasks id 1 already exists here as a different row"),
        "{line}"
    );
    assert!(export_json(&b, &[]) == before);
}

#[test]
fn a_bad_row_in_a_worklog_export_imports_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    let ra = repo(&a);
    task(&ra, "2026-11-20", "Fine");
    task(&ra, "2026-11-20", "Will be broken");
    drop(ra);
    let text = export_json(&a, &[]).replace(
        "\"priority\":2,\"estimate_minutes\":null,\"goal_id\":null,\"position\":1",
        "\"priority\":9,\"estimate_minutes\":null,\"goal_id\":null,\"position\":1",
    );
    assert!(text.contains("\"priority\":9"));
    let file = tmp.path().join("bad.json");
    fs::write(&file, text).unwrap();
    let line = worklog(&b, NOW, &["import", file.to_str().unwrap()]).one_line_error();
    assert_eq!(
        line,
        "worklog: nothing was imported: tasks row 2 (id 2): task priority must be 1–3\n"
    );
    let line = worklog(&b, NOW, &["import", file.to_str().unwrap(), "--dry-run"]).one_line_error();
    assert!(
        line.starts_with(
            "worklog: the dry run found a problem (nothing would be imported): tasks row 2"
        ),
        "{line}"
    );
    let counts = repo(&b).row_counts().unwrap();
    assert_eq!(counts.total(), 0, "{counts:?}");
}

#[test]
fn csv_is_one_file_per_table_with_formulas_neutralised() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    filled(&data);
    let dir = tmp.path().join("csv");
    let run = worklog(
        &data,
        NOW,
        &["export", "--format", "csv", "--out", dir.to_str().unwrap()],
    )
    .ok();
    assert!(
        run.stdout.starts_with("exported 29 tables, "),
        "{}",
        run.stdout
    );
    let r = repo(&data);
    for t in r.export_tables().unwrap() {
        let path = dir.join(format!("{}.csv", t.name));
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
        let mut reader = csv::Reader::from_path(&path).unwrap();
        let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(header, t.columns, "{}", t.name);
    }
    let raw = fs::read_to_string(dir.join("tasks.csv")).unwrap();
    assert!(
        raw.starts_with("id,day,first_day,title,notes,status,"),
        "{raw:.80}"
    );
    assert!(raw.contains("\r\n"));
    let mut reader = csv::Reader::from_path(dir.join("tasks.csv")).unwrap();
    let title_col = 3;
    let titles: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[title_col].to_string())
        .collect();
    for expect in [
        "'=HYPERLINK(\"http://evil.example\",\"click\")",
        "'+1 555 0100",
        "'-rm -rf",
        "'@SUM(A1:A9)",
        "Deleted but kept",
    ] {
        assert!(
            titles.iter().any(|t| t == expect),
            "{expect} not in tasks.csv"
        );
    }
    assert!(!titles.iter().any(|t| t.starts_with(['=', '+', '-', '@'])));
    // Quotes, commas and line breaks survive the quoting; NULL is an empty cell.
    let mut reader = csv::Reader::from_path(dir.join("tasks.csv")).unwrap();
    let row = reader
        .records()
        .map(|r| r.unwrap())
        .find(|r| &r[title_col] == "Deleted but kept")
        .unwrap();
    assert_eq!(&row[4], "line one\nline \"two\", with a comma");
    assert_eq!(&row[7], "", "estimate_minutes is NULL");

    // Exporting again into the same folder replaces the files, with --force.
    worklog(
        &data,
        NOW,
        &[
            "export",
            "--format",
            "csv",
            "--force",
            "--out",
            dir.to_str().unwrap(),
        ],
    )
    .ok();
    assert_eq!(fs::read_to_string(dir.join("tasks.csv")).unwrap(), raw);

    let line = worklog(&data, NOW, &["export", "--format", "csv"]).one_line_error();
    assert!(line.contains("give it with --out DIR"), "{line}");
}

fn sqlite3_available() -> bool {
    Command::new("sqlite3").arg("--version").output().is_ok()
}

fn sqlite3(db: &Path, input: Option<&Path>, args: &[&str]) -> String {
    let mut cmd = Command::new("sqlite3");
    cmd.arg(db).args(args);
    if let Some(file) = input {
        cmd.stdin(fs::File::open(file).unwrap());
    }
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "sqlite3 failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn sql_dump_reloads_into_the_same_database_with_the_sqlite3_shell() {
    if !sqlite3_available() {
        // CI installs sqlite3 (.ci/run), so there a missing shell is a broken setup, not a skip.
        assert!(
            std::env::var_os("CI").is_none(),
            "sqlite3 is missing in CI: .ci/run should have installed it"
        );
        eprintln!(
            "NOTE: sqlite3 is not installed; skipping the SQL reload test (.ci/run installs it)"
        );
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    filled(&data);
    let stdout = worklog(&data, NOW, &["export", "--format", "sql"])
        .ok()
        .stdout;
    assert!(
        terminal_safe(&stdout),
        "the dump holds raw control characters"
    );
    let file = tmp.path().join("dump.sql");
    let run = worklog(
        &data,
        NOW,
        &["export", "--format", "sql", "--out", file.to_str().unwrap()],
    )
    .ok();
    assert!(run.stdout.contains("sqlite3 NEW.db <"), "{}", run.stdout);
    assert_eq!(fs::read_to_string(&file).unwrap(), stdout);

    let copy_dir = tmp.path().join("copy");
    fs::create_dir(&copy_dir).unwrap();
    let copy = copy_dir.join("worklog.db");
    sqlite3(&copy, Some(&file), &[]);
    assert_eq!(
        sqlite3(&copy, None, &["PRAGMA user_version"]).trim(),
        worklog::db::migrate::latest().to_string()
    );
    assert_eq!(
        sqlite3(&copy, None, &["PRAGMA integrity_check"]).trim(),
        "ok"
    );
    assert_eq!(
        sqlite3(&copy, None, &["PRAGMA foreign_key_check"]).trim(),
        ""
    );
    // The shell's own dump of both files is the same text: same schema, same rows. The dump
    // loads indexes before triggers while the migrations made them in turn, and the shell
    // prints them in the order they were made: they are compared as a set (by name), and the
    // rest of the dump line by line. The search index is derived data, rebuilt by the
    // triggers as the rows load, so its rows are numbered in load order and FTS5 lays out
    // its blocks anew: those lines are compared by what the index answers instead (below).
    let objects = |db: &Path| -> Vec<String> {
        let listed = sqlite3(
            db,
            None,
            &[
                "-separator",
                "\u{1f}",
                "SELECT name, sql FROM sqlite_schema WHERE type IN ('index', 'trigger') \
                 AND sql IS NOT NULL ORDER BY name",
            ],
        );
        let mut all: Vec<String> = Vec::new();
        for part in listed.split('\n') {
            match all.last_mut() {
                Some(last) if !part.contains('\u{1f}') => {
                    last.push('\n');
                    last.push_str(part);
                }
                _ if part.is_empty() => {}
                _ => all.push(part.to_string()),
            }
        }
        all
    };
    let rest = |db: &Path| -> Vec<String> {
        let mut dump = sqlite3(db, None, &[".dump"]);
        for object in objects(db) {
            let sql = object.split_once('\u{1f}').map_or("", |(_, sql)| sql);
            dump = dump.replace(&format!("{sql};\n"), "");
        }
        dump.lines()
            .filter(|l| {
                !l.starts_with("INSERT INTO search_") && !l.starts_with("INSERT INTO \"search_")
            })
            .map(str::to_string)
            .collect()
    };
    let original_db = data.join("worklog.db");
    assert_eq!(
        objects(&original_db),
        objects(&copy),
        "indexes and triggers"
    );
    let (original, reloaded) = (rest(&original_db), rest(&copy));
    assert!(
        original.iter().any(|l| l.starts_with("INSERT INTO tasks")),
        "the dump's rows are compared"
    );
    assert!(original == reloaded, "the reloaded database differs");
    let mut found = 0;
    for q in [
        "review",
        "kube*",
        "\"code review\"",
        "pane:journal",
        "is:open",
    ] {
        let hits = |dir: &std::path::Path| {
            worklog(dir, NOW, &["search", "--json", "--limit", "500", q])
                .ok()
                .stdout
        };
        let (a, b) = (hits(&data), hits(&copy_dir));
        let parse = |s: &str| -> Vec<(String, i64)> {
            let v: serde_json::Value = serde_json::from_str(s).unwrap();
            let mut hits: Vec<(String, i64)> = v
                .as_array()
                .unwrap()
                .iter()
                .map(|h| {
                    (
                        h["kind"].as_str().unwrap().to_string(),
                        h["id"].as_i64().unwrap(),
                    )
                })
                .collect();
            hits.sort();
            hits
        };
        assert_eq!(
            parse(&a),
            parse(&b),
            "search {q} answers differently after the reload"
        );
        found += parse(&a).len();
    }
    assert!(found > 0, "the searches found nothing to compare");
    // And worklog opens it as its own and exports the same document.
    assert!(export_json(&copy_dir, &[]) == export_json(&data, &[]));
}

#[test]
fn a_date_range_keeps_dated_rows_in_it_and_what_they_refer_to() {
    let tmp = tempfile::tempdir().unwrap();
    let (data, back) = (tmp.path().join("data"), tmp.path().join("back"));
    let r = repo(&data);
    let inside = task(&r, "2026-11-10", "Inside");
    task(&r, "2026-11-01", "Before");
    task(&r, "2026-11-20", "After");
    let ana = r
        .add_person(&PersonDraft {
            name: "Ana".into(),
            ..PersonDraft::default()
        })
        .unwrap()
        .id;
    let meeting = |r: &Repo, when: &str, title: &str| {
        r.add_meeting(&MeetingDraft {
            starts_at: at(when),
            duration_minutes: None,
            title: title.into(),
            kind: MeetingKind::OneOnOne,
            notes: String::new(),
            attendee_ids: vec![ana],
            tags: vec!["m".into()],
        })
        .unwrap()
        .id
    };
    let old_meeting = meeting(&r, "2026-11-02T10:00:00", "Referred to by feedback");
    meeting(&r, "2026-11-03T10:00:00", "Out of range");
    let feedback = r
        .add_feedback(&FeedbackDraft {
            direction: Direction::Received,
            person_id: ana,
            day: day("2026-11-10"),
            kind: FeedbackKind::Praise,
            content: "Nice".into(),
            meeting_id: Some(old_meeting),
            tags: vec![],
        })
        .unwrap()
        .id;
    let item = r
        .add_action_item(&ActionItemDraft {
            title: "Follow up".into(),
            source: ActionSource::Meeting(old_meeting),
            owner_id: None,
            due_date: None,
        })
        .unwrap()
        .id;
    let promoted = r.promote_action_item(item, day("2026-11-25")).unwrap().id;
    for when in ["2026-11-09T08:00:00", "2026-11-16T08:00:00"] {
        r.add_checkin(&CheckinDraft {
            at: at(when),
            level: 3,
            note: String::new(),
            tags: vec!["e".into()],
        })
        .unwrap();
    }
    r.add_learning(&LearningDraft {
        at: Some(at("2026-11-15T23:59:59")),
        title: "Last second".into(),
        ..LearningDraft::default()
    })
    .unwrap();
    drop(r);

    let text = export_json(&data, &["--from", "2026-11-09", "--to", "2026-11-15"]);
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["from"], "2026-11-09");
    assert_eq!(doc["to"], "2026-11-15");
    let ids = |table: &str| -> Vec<i64> {
        doc["tables"][table]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_i64().unwrap())
            .collect()
    };
    assert_eq!(ids("tasks"), vec![inside, promoted]);
    assert_eq!(ids("meetings"), vec![old_meeting]);
    assert_eq!(ids("feedback"), vec![feedback]);
    assert_eq!(ids("action_items"), vec![item]);
    assert_eq!(ids("energy_checkins").len(), 1);
    assert_eq!(ids("learnings").len(), 1);
    assert_eq!(ids("people"), vec![ana]);
    assert_eq!(
        doc["tables"]["meeting_attendees"].as_array().unwrap().len(),
        1
    );
    assert_eq!(doc["tables"]["checkin_tags"].as_array().unwrap().len(), 1);
    // Self-consistent: it loads into an empty database on its own.
    let file = tmp.path().join("range.json");
    fs::write(&file, &text).unwrap();
    worklog(&back, NOW, &["import", file.to_str().unwrap()]).ok();
    assert_eq!(
        repo(&back).foreign_key_problems().unwrap(),
        Vec::<String>::new()
    );

    let line = worklog(
        &data,
        NOW,
        &[
            "export",
            "--format",
            "json",
            "--from",
            "2026-11-15",
            "--to",
            "2026-11-09",
        ],
    )
    .one_line_error();
    assert_eq!(
        line,
        "worklog: --from (2026-11-15) is after --to (2026-11-09)\n"
    );
    let line = worklog(
        &data,
        NOW,
        &["export", "--format", "json", "--from", "later"],
    )
    .one_line_error();
    assert!(line.starts_with("worklog: --from must be today"), "{line}");
    let line = worklog(&data, NOW, &["export", "--format", "xml"]).usage_error();
    assert!(line.contains("invalid value 'xml'"), "{line}");
}

// The same export and import, through the library, on both backends (the binary has no way to
// name a server yet).

/// Sample data plus the awkward cases on `r`: formulas, control characters, a soft-deleted row,
/// an import record, and a goal under a goal made after it (its parent has the higher id).
fn fill(r: &Repo) {
    worklog::demo::generate(r, 1500, 7, day("2026-11-22")).unwrap();
    for title in [
        "=HYPERLINK(\"http://evil.example\",\"click\")",
        "ESC \u{1b}]0;owned\u{7} and C1 \u{9b}31m and RTL \u{202e}txt",
    ] {
        task(r, "2026-11-21", title);
    }
    let gone = task(r, "2026-11-20", "Deleted but kept");
    r.delete(Deletable::Task, gone).unwrap();
    let goal = |title: &str| {
        r.add_goal(&worklog::model::GoalDraft {
            title: title.into(),
            ..Default::default()
        })
        .unwrap()
    };
    let child = goal("Child made first");
    let parent = goal("Parent made later");
    r.update_goal(
        child.id,
        child.stamp.version,
        &worklog::model::GoalDraft {
            parent_id: Some(parent.id),
            title: child.title.clone(),
            ..Default::default()
        },
    )
    .unwrap();
    let jrnl = r#"{"tags":{},"entries":[{"date":"2026-11-19","time":"08:00","title":"Imported","body":"b","tags":["@x"],"starred":true,"extra":"kept"}]}"#;
    worklog::import::import(r, jrnl, None, false, &worklog::import::system_local).unwrap();
}

fn json_of(r: &Repo) -> String {
    json_in_range(r, worklog::db::exchange::Range::default())
}

fn json_in_range(r: &Repo, range: worklog::db::exchange::Range) -> String {
    let mut out = Vec::new();
    worklog::export::write_json(r, range, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn import_json(r: &Repo, text: &str) -> worklog::import::Outcome {
    worklog::import::import(r, text, None, false, &worklog::import::system_local).unwrap()
}

use common::db;

on_both_backends! {
    #[test]
    fn a_json_export_imports_back_exactly_and_new_rows_get_new_ids() {
        let a = db();
        fill(&a.repo);
        let first = json_of(&a.repo);
        let doc: serde_json::Value = serde_json::from_str(&first).unwrap();
        assert_eq!(doc["tables"]["imports"].as_array().unwrap().len(), 1);
        assert!(doc["tables"]["goals"].as_array().unwrap().iter().any(|g| g["parent_id"].is_i64()));
        let b = db();
        let outcome = import_json(&b.repo, &first);
        assert_eq!(outcome.present.total(), 0, "{outcome:?}");
        let second = json_of(&b.repo);
        assert!(first == second, "the export of the copy differs");
        // Again: nothing added.
        let again = import_json(&b.repo, &first);
        assert_eq!(again.added.total(), 0, "{again:?}");
        // The rows came with their ids; the next one made here follows them.
        let highest = doc["tables"]["tasks"].as_array().unwrap().iter()
            .map(|t| t["id"].as_i64().unwrap()).max().unwrap();
        assert_eq!(task(&b.repo, "2026-11-22", "After the import"), highest + 1);
    }

    #[test]
    fn a_worklog_export_does_not_merge_into_another_database_on_either_backend() {
        let a = db();
        task(&a.repo, "2026-11-20", "From A");
        let b = db();
        task(&b.repo, "2026-11-21", "Already in B");
        let before = json_of(&b.repo);
        let e = worklog::import::import(
            &b.repo, &json_of(&a.repo), None, false, &worklog::import::system_local,
        )
        .unwrap_err();
        assert!(
            format!("{e:#}").contains("tasks row 1 (id 1): tasks id 1 already exists here as a different row"),
            "{e:#}"
        );
        assert!(json_of(&b.repo) == before);
    }

    #[test]
    fn a_bad_row_imports_nothing_on_either_backend() {
        let a = db();
        task(&a.repo, "2026-11-20", "Fine");
        task(&a.repo, "2026-11-20", "Will be broken");
        let text = json_of(&a.repo).replace(
            "\"priority\":2,\"estimate_minutes\":null,\"goal_id\":null,\"position\":1",
            "\"priority\":9,\"estimate_minutes\":null,\"goal_id\":null,\"position\":1",
        );
        assert!(text.contains("\"priority\":9"));
        let b = db();
        let e = worklog::import::import(&b.repo, &text, None, false, &worklog::import::system_local)
            .unwrap_err();
        assert_eq!(format!("{e}"), "tasks row 2 (id 2): task priority must be 1–3");
        assert_eq!(b.repo.row_counts().unwrap().total(), 0);
    }

    #[test]
    fn a_date_range_export_keeps_the_same_rows_on_either_backend() {
        let t = db();
        let r = &t.repo;
        let inside = task(r, "2026-11-10", "Inside");
        task(r, "2026-11-01", "Before");
        task(r, "2026-11-20", "After");
        r.add_learning(&LearningDraft {
            at: Some(at("2026-11-15T23:59:59")),
            title: "Last second".into(),
            ..LearningDraft::default()
        })
        .unwrap();
        let item = r
            .add_action_item(&ActionItemDraft {
                title: "Due inside".into(),
                source: ActionSource::None,
                owner_id: None,
                due_date: Some(day("2026-11-12")),
            })
            .unwrap()
            .id;
        let text = json_in_range(
            r,
            worklog::db::exchange::Range {
                from: Some(day("2026-11-09")),
                to: Some(day("2026-11-15")),
            },
        );
        let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
        let ids = |table: &str| -> Vec<i64> {
            doc["tables"][table].as_array().unwrap().iter()
                .map(|r| r["id"].as_i64().unwrap()).collect()
        };
        assert_eq!(ids("tasks"), vec![inside]);
        assert_eq!(ids("learnings").len(), 1);
        assert_eq!(ids("action_items"), vec![item]);
    }

    #[test]
    fn csv_export_writes_one_file_per_table_on_either_backend() {
        let t = db();
        task(&t.repo, "2026-11-21", "=1+1");
        let dir = t.dir.path().join("csv");
        let written = worklog::export::write_csv(&t.repo, Default::default(), &dir).unwrap();
        assert_eq!(written.tables, t.repo.export_tables().unwrap().len());
        let tasks = fs::read_to_string(dir.join("tasks.csv")).unwrap();
        assert!(tasks.starts_with("id,day,"), "{tasks}");
        assert!(tasks.contains(",'=1+1,"), "{tasks}");
    }

    /// A broken reference names the row, the column and the missing key, on both backends
    /// (PostgreSQL finds it as the row arrives, SQLite when the load ends).
    #[test]
    fn a_broken_reference_in_an_export_names_the_missing_key_on_either_backend() {
        let a = db();
        task(&a.repo, "2026-11-20", "linked");
        let mut doc: serde_json::Value = serde_json::from_str(&json_of(&a.repo)).unwrap();
        doc["tables"]["tasks"][0]["goal_id"] = serde_json::json!(99);
        let b = db();
        let e = worklog::import::import(
            &b.repo,
            &doc.to_string(),
            None,
            false,
            &worklog::import::system_local,
        )
        .unwrap_err();
        assert!(
            format!("{e:#}").contains("task 1 refers to goal 99 (goal_id), which does not exist"),
            "{e:#}"
        );
        assert_eq!(b.repo.row_counts().unwrap().total(), 0);
    }
}

/// An export of a SQLite database loads into PostgreSQL, and PostgreSQL exports the very
/// same document; and the other way round.
#[test]
fn an_export_is_the_same_document_on_both_backends() {
    if common::pg::server().is_none() {
        return;
    }
    let lite = common::db();
    fill(&lite.repo);
    let from_lite = json_of(&lite.repo);
    let pg = common::on_postgres::db();
    import_json(&pg.repo, &from_lite);
    assert!(
        json_of(&pg.repo) == from_lite,
        "PostgreSQL exports another document"
    );

    let pg = common::on_postgres::db();
    fill(&pg.repo);
    let from_pg = json_of(&pg.repo);
    let lite = common::db();
    import_json(&lite.repo, &from_pg);
    assert!(
        json_of(&lite.repo) == from_pg,
        "SQLite exports another document"
    );
    assert_eq!(
        pg.repo.export_tables().unwrap(),
        lite.repo.export_tables().unwrap()
    );
}

#[test]
fn the_sql_dump_says_it_is_for_sqlite_only() {
    if common::pg::server().is_none() {
        return;
    }
    let pg = common::on_postgres::db();
    let mut out = Vec::new();
    let e = worklog::export::write_sql(&pg.repo, Default::default(), &mut out).unwrap_err();
    assert!(
        e.to_string()
            .starts_with("the SQL export is a script for SQLite's sqlite3 shell"),
        "{e}"
    );
}

/// PostgreSQL's export reads a page of rows at a time: a table longer than a page comes out
/// whole and in order, the same document as SQLite's, in a range too.
#[test]
fn a_table_longer_than_a_page_exports_whole_on_postgres() {
    if common::pg::server().is_none() {
        return;
    }
    let lite = common::db();
    // Every table's kinds of rows from a small demo, and a long table by one statement (a
    // 48,000-row demo, made only to hold a long table, took minutes): 18,000 tasks over the
    // first nine months of 2026, two thirds of them inside the range below.
    worklog::demo::generate(&lite.repo, 3_000, 5, day("2026-11-22")).unwrap();
    let sql = "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 17999) \
               INSERT INTO tasks (day, first_day, title, notes, position) \
               SELECT date('2026-01-01', '+' || (i % 273) || ' days'), \
                      date('2026-01-01', '+' || (i % 273) || ' days'), \
                      'Long table task ' || i, 'notes of task ' || i, i / 273 FROM n";
    assert_eq!(lite.repo.raw_execute_for_tests(sql).unwrap(), 18_000);
    let doc = json_of(&lite.repo);
    let parsed: serde_json::Value = serde_json::from_str(&doc).unwrap();
    let longest = parsed["tables"]
        .as_object()
        .unwrap()
        .values()
        .map(|rows| rows.as_array().unwrap().len())
        .max()
        .unwrap();
    assert!(
        longest > 10_000,
        "no table is longer than a page ({longest})"
    );
    let pg = common::on_postgres::db();
    import_json(&pg.repo, &doc);
    assert!(
        json_of(&pg.repo) == doc,
        "PostgreSQL exports another document"
    );
    let range = worklog::db::exchange::Range {
        from: Some(day("2000-01-01")),
        to: Some(day("2026-06-30")),
    };
    let ranged = json_in_range(&lite.repo, range);
    assert!(ranged.len() > doc.len() / 2 && ranged.len() < doc.len());
    let ranged_tasks =
        serde_json::from_str::<serde_json::Value>(&ranged).unwrap()["tables"]["tasks"]
            .as_array()
            .unwrap()
            .len();
    assert!(
        ranged_tasks > 10_000,
        "the range holds less than a page ({ranged_tasks})"
    );
    assert!(json_in_range(&pg.repo, range) == ranged);
}

/// The export with the stamps a fresh import takes from the clock of the moment (made,
/// changed) blanked: what two imports of the same file at different times share.
fn without_stamps(doc: &str) -> serde_json::Value {
    let mut v: serde_json::Value = serde_json::from_str(doc).unwrap();
    for rows in v["tables"].as_object_mut().unwrap().values_mut() {
        for row in rows.as_array_mut().unwrap() {
            for stamp in ["created_at", "updated_at", "imported_at"] {
                if let Some(x) = row.get_mut(stamp) {
                    *x = serde_json::Value::Null;
                }
            }
        }
    }
    v
}

/// Taskwarrior's and jrnl's exports import into the same rows on
/// PostgreSQL as on SQLite.
#[test]
fn other_tools_exports_import_the_same_on_both_backends() {
    if common::pg::server().is_none() {
        return;
    }
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let utc = |t: chrono::DateTime<chrono::Utc>| t.naive_utc();
    for file in ["taskwarrior-export.json", "jrnl-export.json"] {
        let text = fs::read_to_string(fixtures.join(file)).unwrap();
        let lite = common::db();
        let pg = common::on_postgres::db();
        let a = worklog::import::import(&lite.repo, &text, None, false, &utc).unwrap();
        let b = worklog::import::import(&pg.repo, &text, None, false, &utc).unwrap();
        assert_eq!(a.added, b.added, "{file}");
        assert!(a.added.total() > 0, "{file}");
        assert_eq!(
            without_stamps(&json_of(&pg.repo)),
            without_stamps(&json_of(&lite.repo)),
            "{file}"
        );
    }
}

/// The iCalendar export of the same rows is the same file on both backends.
#[test]
fn the_icalendar_export_is_the_same_on_both_backends() {
    if common::pg::server().is_none() {
        return;
    }
    let lite = common::db();
    fill(&lite.repo);
    // A weekly series and a cancelled meeting, so calendar_events has rows of both kinds.
    let calendar = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n\
        BEGIN:VEVENT\r\nUID:weekly@example.com\r\nDTSTAMP:20261101T000000Z\r\n\
        DTSTART:20261102T100000Z\r\nDTEND:20261102T103000Z\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\n\
        SUMMARY:Weekly sync\r\nLOCATION:Room 1\r\nEND:VEVENT\r\n\
        BEGIN:VEVENT\r\nUID:off@example.com\r\nDTSTAMP:20261101T000000Z\r\n\
        DTSTART:20261105T140000Z\r\nDTEND:20261105T150000Z\r\nSTATUS:CANCELLED\r\n\
        SUMMARY:Called off\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let window = worklog::import::ics::Options {
        from: day("2026-10-01"),
        to: day("2026-12-31"),
        all_day: false,
        domain: None,
        calendar: None,
        path: None,
    };
    worklog::import::import_with(
        &lite.repo,
        calendar,
        Some(worklog::model::ImportSource::Ics),
        false,
        &|t| t.naive_utc(),
        &window,
    )
    .unwrap();
    let doc = json_of(&lite.repo);
    let parsed: serde_json::Value = serde_json::from_str(&doc).unwrap();
    let events = parsed["tables"]["calendar_events"].as_array().unwrap();
    assert!(events.iter().any(|e| e["recurring"] == 1), "{events:?}");
    let pg = common::on_postgres::db();
    import_json(&pg.repo, &doc);
    let ics = |r: &Repo| {
        let mut out = Vec::new();
        let n = worklog::import::ics::write(
            r,
            Some(day("2026-01-01")),
            Some(day("2026-12-31")),
            at(NOW).and_utc(),
            &|t| t.and_utc(),
            &mut out,
        )
        .unwrap();
        (n, String::from_utf8(out).unwrap())
    };
    let (n, text) = ics(&lite.repo);
    assert!(n > 0 && text.contains("BEGIN:VEVENT"), "{n}");
    assert!(
        ics(&pg.repo) == (n, text),
        "PostgreSQL writes another calendar"
    );
}
