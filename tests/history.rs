//! The history of every change (issue 14): what each kind of write records, reverting a change
//! by its number (and refusing when a later change depends on it), pruning, writes from other
//! clients, and the commands `worklog history` and `worklog revert` through the real binary.
//! Each test runs on SQLite and on PostgreSQL.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::bin::worklog;
use common::*;
use worklog::db::{Move, Repo};
use worklog::model::*;

const NOW: &str = "2026-11-22T09:30:00";

fn task_draft(title: &str, tags: &[&str]) -> TaskDraft {
    TaskDraft {
        title: title.into(),
        tags: tags.iter().map(|t| t.to_string()).collect(),
        ..TaskDraft::default()
    }
}

/// The newest change.
fn last(t: &TestDb) -> HistoryEntry {
    t.repo
        .history(&HistoryFilter::default())
        .unwrap()
        .into_iter()
        .next()
        .expect("a change was recorded")
}

fn count(t: &TestDb) -> usize {
    t.repo.history(&HistoryFilter::default()).unwrap().len()
}

/// The field changes of the newest change's row of `table`.
fn fields(e: &HistoryEntry, table: &str) -> Vec<(String, Option<String>, Option<String>)> {
    e.rows
        .iter()
        .filter(|r| r.table == table)
        .flat_map(|r| r.fields.iter())
        .map(|f| (f.field.clone(), f.old.clone(), f.new.clone()))
        .collect()
}

on_both_backends! {
    #[test]
    fn every_kind_of_write_records_one_change_with_its_operation_and_fields() {
        let t = db();
        let d = day("2026-11-22");
        let a = t.repo.add_task(d, &task_draft("Write report", &["work"])).unwrap();
        let e = last(&t);
        assert_eq!(
            (e.op.as_str(), e.kind.as_str(), e.item_id, e.summary.as_str()),
            ("create", "task", Some(a.id), "added task \"Write report\"")
        );
        assert!(!e.session.is_empty());
        assert!(e.rows.iter().any(|r| r.table == "task_tags" && r.action == "added"));

        // update: the fields that changed, old and new
        let a = t.repo.update_task(a.id, a.stamp.version, &task_draft("Write the report", &["work"])).unwrap();
        let e = last(&t);
        assert_eq!((e.op.as_str(), e.item_id), ("update", Some(a.id)));
        assert_eq!(
            fields(&e, "tasks"),
            vec![(
                "title".to_string(),
                Some("Write report".to_string()),
                Some("Write the report".to_string())
            )]
        );
        let a = t.repo.set_task_status(a.id, a.stamp.version, TaskStatus::Done).unwrap();
        assert_eq!(last(&t).summary, "marked \"Write the report\" done");

        // a link change
        t.repo.tag_tasks(&[a.id], &["urgent".to_string()]).unwrap();
        let e = last(&t);
        assert!(e.rows.iter().any(|r| r.table == "task_tags" && r.action == "added"), "{e:?}");

        // move: to another day, and within a day
        let b = t.repo.add_task(d, &task_draft("Call Sam", &[])).unwrap();
        t.repo.carry_tasks(&[b.id], day("2026-11-23")).unwrap();
        let e = last(&t);
        assert_eq!((e.op.as_str(), e.item_id), ("move", Some(b.id)));
        assert_eq!(e.summary, "moved \"Call Sam\" to 2026-11-23");
        let c = t.repo.add_task(day("2026-11-23"), &task_draft("Plan", &[])).unwrap();
        assert!(t.repo.move_task(c.id, Move::Up).unwrap());
        assert_eq!(last(&t).op, "move");

        // delete (soft) and restore
        t.repo.delete(Deletable::Task, b.id).unwrap();
        let e = last(&t);
        assert_eq!((e.op.as_str(), e.summary.as_str()), ("delete", "deleted task \"Call Sam\""));
        t.repo.restore(Deletable::Task, b.id).unwrap();
        assert_eq!(last(&t).op, "restore");

        // a check-in
        t.repo
            .add_checkin(&CheckinDraft { at: at(NOW), level: 4, note: "ok".into(), tags: vec![] })
            .unwrap();
        let e = last(&t);
        assert_eq!((e.op.as_str(), e.kind.as_str(), e.summary.as_str()), ("create", "check-in", "recorded energy 4"));

        // a merge
        let p = |name: &str| PersonDraft { name: name.into(), ..PersonDraft::default() };
        let keep = t.repo.add_person(&p("Samuel")).unwrap();
        let gone = t.repo.add_person(&p("Sam")).unwrap();
        t.repo.merge_people(keep.id, gone.id).unwrap();
        let e = last(&t);
        assert_eq!((e.op.as_str(), e.summary.as_str()), ("merge", "merged person \"Sam\""));

        // a hard delete (a milestone goes at once)
        let g = t.repo.add_goal(&GoalDraft { title: "Rust".into(), ..GoalDraft::default() }).unwrap();
        let m = t.repo.add_milestone(g.id, "Read the book", None).unwrap();
        t.repo.delete_milestone(m.id).unwrap();
        let e = last(&t);
        assert_eq!(e.op, "delete");
        assert!(e.rows.iter().any(|r| r.table == "goal_milestones" && r.action == "deleted"));

        // One item's history: only the changes that wrote it, newest first.
        let mine = t
            .repo
            .history(&HistoryFilter { item: Some((Deletable::Task, a.id)), ..HistoryFilter::default() })
            .unwrap();
        let ops: Vec<&str> = mine.iter().map(|e| e.op.as_str()).collect();
        assert_eq!(ops, vec!["update", "update", "update", "create"]);
    }

    #[test]
    fn a_failed_write_records_nothing_and_a_write_that_changes_nothing_leaves_no_change() {
        let t = db();
        let a = t.repo.add_task(day("2026-11-22"), &task_draft("A", &[])).unwrap();
        let before = count(&t);
        // A stale version is refused: the write rolls back, and so does its change.
        assert!(t.repo.update_task(a.id, a.stamp.version + 5, &task_draft("B", &[])).is_err());
        assert_eq!(count(&t), before);
        // Moving the first task up writes no row: no change.
        assert!(!t.repo.move_task(a.id, Move::Up).unwrap());
        assert_eq!(count(&t), before);
    }

    #[test]
    fn a_change_is_reverted_by_its_number_and_the_revert_is_a_change() {
        let t = db();
        let a = t.repo.add_task(day("2026-11-22"), &task_draft("Write report", &["work"])).unwrap();
        let a = t.repo.set_task_status(a.id, a.stamp.version, TaskStatus::Done).unwrap();
        let done = last(&t);
        let made = t.repo.revert_change(done.id).unwrap().expect("a revert change");
        assert_eq!(made.op, "revert");
        assert_eq!(made.summary, format!("reverted change {}: marked \"Write report\" done", done.id));
        let back = t.repo.task(a.id).unwrap();
        assert_eq!(back.status, TaskStatus::Todo);
        assert_eq!(back.tags, vec!["work"]);
        // Reverting the revert does the change again.
        t.repo.revert_change(made.id).unwrap();
        assert_eq!(t.repo.task(a.id).unwrap().status, TaskStatus::Done);
        // Reverting the add takes the task and its tag link away.
        let created = t.repo.history(&HistoryFilter::default()).unwrap().into_iter().last().unwrap();
        assert_eq!(created.op, "create");
        let err = t.repo.revert_change(created.id).unwrap_err().to_string();
        assert!(err.contains(&format!("change {} (marked \"Write report\" done", done.id)), "{err}");
        assert!(err.ends_with("changed them since; nothing was changed"), "{err}");
        assert_eq!(t.repo.task(a.id).unwrap().status, TaskStatus::Done, "nothing was written");
    }

    #[test]
    fn a_refused_revert_names_the_later_change_in_one_line() {
        let t = db();
        let a = t.repo.add_task(day("2026-11-22"), &task_draft("x", &[])).unwrap();
        let a = t.repo.update_task(a.id, a.stamp.version, &task_draft("y", &[])).unwrap();
        let first = last(&t);
        t.repo.update_task(a.id, a.stamp.version, &task_draft("z", &[])).unwrap();
        let second = last(&t);
        let err = t.repo.revert_change(first.id).unwrap_err().to_string();
        assert_eq!(
            err,
            format!(
                "cannot revert change {} (edited task \"y\"): change {} (edited task \"z\", Sun 22 Nov 09:30) changed it since; nothing was changed",
                first.id, second.id
            )
        );
        assert!(!err.contains('\n'));
        assert_eq!(t.repo.task(a.id).unwrap().title, "z");
        // The later one can go, then the first.
        t.repo.revert_change(second.id).unwrap();
        t.repo.revert_change(first.id).unwrap();
        assert_eq!(t.repo.task(a.id).unwrap().title, "x");
    }

    #[test]
    fn pruning_deletes_the_changes_before_a_moment_and_says_how_many() {
        let t = db();
        t.repo.add_task(day("2026-11-22"), &task_draft("old", &[])).unwrap();
        t.repo.add_task(day("2026-11-22"), &task_draft("old too", &[])).unwrap();
        t.clock.set(at("2026-11-25T09:00:00"));
        t.repo.add_task(day("2026-11-25"), &task_draft("new", &[])).unwrap();
        assert_eq!(count(&t), 3);
        assert_eq!(t.repo.prune_history("2026-11-24T00:00:00.000Z").unwrap(), 2);
        let left = t.repo.history(&HistoryFilter::default()).unwrap();
        assert_eq!(left.len(), 1);
        assert_eq!(left[0].summary, "added task \"new\"");
        assert_eq!(t.repo.prune_history("2026-11-24T00:00:00.000Z").unwrap(), 0);
        // The data itself stays.
        assert_eq!(t.repo.tasks_on(day("2026-11-22")).unwrap().len(), 2);
    }

    #[test]
    fn the_cli_lists_reverts_refuses_and_prunes() {
        let t = db();
        let dir = t.dir.path();
        let run = worklog(dir, NOW, &["add", "task", "Write report", "--tag", "work"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let run = worklog(dir, NOW, &["done", "1"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let run = worklog(dir, NOW, &["history"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let lines: Vec<&str> = run.stdout.lines().collect();
        assert!(lines[0].contains("update") && lines[0].ends_with("marked \"Write report\" done"), "{}", run.stdout);
        assert!(run.stdout.contains("tasks status: \"todo\" → \"done\""), "{}", run.stdout);
        assert!(run.stdout.contains("added task \"Write report\""), "{}", run.stdout);

        let run = worklog(dir, NOW, &["history", "task", "1", "--json"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        let list = v.as_array().unwrap();
        assert_eq!(list.len(), 2);
        assert_eq!(list[0]["op"], "update");
        assert_eq!(list[1]["op"], "create");
        let done_id = list[0]["id"].as_i64().unwrap();
        let add_id = list[1]["id"].as_i64().unwrap();

        let run = worklog(dir, NOW, &["history", "--from", "2026-11-23"]);
        assert_eq!(run.stdout.trim(), "no changes recorded in that time");

        // Refused: the add cannot be taken back while the later change stands.
        let run = worklog(dir, NOW, &["revert", &add_id.to_string()]);
        assert_ne!(run.code, 0);
        assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
        assert!(run.stderr.contains(&format!("change {done_id} (marked \"Write report\" done, Sun 22 Nov 09:30) changed it since")), "{}", run.stderr);

        let run = worklog(dir, NOW, &["revert", &done_id.to_string()]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(run.stdout.starts_with(&format!("reverted change {done_id}: marked")), "{}", run.stdout);
        let run = worklog(dir, NOW, &["list", "tasks", "--json"]);
        assert!(run.stdout.contains("\"todo\""), "{}", run.stdout);

        let run = worklog(dir, NOW, &["revert", "999"]);
        assert_ne!(run.code, 0);
        assert!(run.stderr.contains("change 999 does not exist"), "{}", run.stderr);

        let run = worklog(dir, NOW, &["history", "--prune", "--before", "tomorrow"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert_eq!(run.stdout.trim(), "pruned 3 changes made before 2026-11-23");
        let run = worklog(dir, NOW, &["history"]);
        assert_eq!(run.stdout.trim(), "no changes recorded yet");
    }

    #[test]
    fn an_export_carries_the_history_and_an_import_into_an_empty_log_brings_it_back() {
        let t = db();
        let a = t.repo.add_task(day("2026-11-22"), &task_draft("Write report", &["work"])).unwrap();
        t.repo.set_task_status(a.id, a.stamp.version, TaskStatus::Done).unwrap();
        t.repo.delete(Deletable::Task, a.id).unwrap();
        let history = t.repo.history(&HistoryFilter::default()).unwrap();
        assert_eq!(history.len(), 3);
        let file = t.dir.path().join("export.json");
        let run = worklog(t.dir.path(), NOW, &["export", "--format", "json", "--out", file.to_str().unwrap()]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        // Into an empty log on SQLite, whichever backend the export came from.
        common::on_postgres::forget();
        let empty = tempfile::tempdir().unwrap();
        let run = worklog(empty.path(), NOW, &["import", file.to_str().unwrap()]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(run.stdout.contains("history_changes 3"), "{}", run.stdout);
        let there = Repo::open(&empty.path().join("worklog.db"), t.clock.clone()).unwrap();
        assert_eq!(there.history(&HistoryFilter::default()).unwrap(), history);
        // And the history still reverts there.
        there.revert_change(history[0].id).unwrap();
        assert_eq!(there.task(a.id).unwrap().status, TaskStatus::Done);
    }

    #[test]
    fn user_text_in_the_history_is_made_safe_for_the_terminal() {
        let t = db();
        let dir = t.dir.path();
        let a = t.repo.add_task(day("2026-11-22"), &task_draft("plain", &[])).unwrap();
        t.repo.update_task(a.id, a.stamp.version, &task_draft("evil\u{1b}[31m\u{7}", &[])).unwrap();
        let run = worklog(dir, NOW, &["history"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(!run.stdout.contains('\u{1b}'), "{:?}", run.stdout);
        assert!(!run.stdout.contains('\u{7}'), "{:?}", run.stdout);
        let run = worklog(dir, NOW, &["history", "--json"]);
        assert!(!run.stdout.contains('\u{1b}'), "{:?}", run.stdout);
    }
}

/// Plays the `sqlite3` shell: another client on the same file.
#[test]
#[allow(clippy::disallowed_types, clippy::disallowed_methods)]
fn a_write_from_another_client_is_neither_refused_nor_recorded() {
    let t = db();
    t.repo
        .add_task(day("2026-11-22"), &task_draft("A", &[]))
        .unwrap();
    let before = count(&t);
    let c = rusqlite::Connection::open(t.dir.path().join("worklog.db")).unwrap();
    c.execute(
        "INSERT INTO tasks (day, first_day, title) VALUES ('2026-11-22', '2026-11-22', 'from sqlite3')",
        [],
    )
    .unwrap();
    c.execute("UPDATE tasks SET title = 'B' WHERE title = 'A'", [])
        .unwrap();
    assert_eq!(count(&t), before);
    let n: i64 = c
        .query_row("SELECT count(*) FROM history_rows", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1, "only the first add's row");
}

#[test]
fn a_write_from_psql_is_neither_refused_nor_recorded() {
    let Some(server) = common::pg::server() else {
        return;
    };
    let t = common::on_postgres::db();
    t.repo
        .add_task(day("2026-11-22"), &task_draft("A", &[]))
        .unwrap();
    let before = count(&t);
    let schema = &t.server.as_ref().unwrap().1;
    server
        .admin_sql(&format!(
            "SET search_path TO public; \
             INSERT INTO \"{schema}\".tasks (day, first_day, title) VALUES ('2026-11-22', '2026-11-22', 'from psql'); \
             UPDATE \"{schema}\".tasks SET title = 'B' WHERE title = 'A'"
        ))
        .unwrap();
    assert_eq!(count(&t), before);
    let rows = server
        .admin_sql(&format!("SELECT count(*) FROM \"{schema}\".history_rows"))
        .unwrap();
    assert_eq!(rows.trim(), "1");
}
