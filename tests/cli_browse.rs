//! `worklog list KIND` and `worklog show KIND ID` on the real binary: every kind, its JSON
//! field by field, the filters, the limit and its notice, truncation, and stored control
//! characters never reaching the output raw.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::bin::{Run, terminal_safe, worklog};
use common::{at, day};

use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use worklog::model::*;

const NOW: &str = "2026-11-22T09:30:00";

/// Ids of what [`data`] made.
struct Ids {
    upgrade: Id,
    patch: Id,
    report: Id,
    deleted: Id,
    long: Id,
    parent_goal: Id,
    child_goal: Id,
    learning: Id,
    skill: Id,
    meeting: Id,
    action: Id,
    praise: Id,
    given: Id,
    checkin: Id,
    ana: Id,
    bo: Id,
}

/// A data directory with one or more rows of every kind, some text carrying escapes.
fn data() -> (tempfile::TempDir, PathBuf, Ids) {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let repo = common::open_as_the_binary(&data, "2026-11-22T09:00:00");
    let acme = repo.add_organization("Acme").unwrap();
    let person = |name: &str, org: Option<Id>| {
        repo.add_person(&PersonDraft {
            name: name.into(),
            organization_id: org,
            role: "Engineer".into(),
            ..PersonDraft::default()
        })
        .unwrap()
        .id
    };
    let ana = person("Ana Souza", Some(acme.id));
    let bo = person("Bo \x1b[31mRed", None);
    let parent_goal = repo
        .add_goal(&GoalDraft {
            title: "Grow".into(),
            tags: vec!["career".into()],
            ..GoalDraft::default()
        })
        .unwrap()
        .id;
    let child_goal = repo
        .add_goal(&GoalDraft {
            parent_id: Some(parent_goal),
            title: "Ship v2".into(),
            target_date: Some(day("2026-12-31")),
            ..GoalDraft::default()
        })
        .unwrap()
        .id;
    let m1 = repo
        .add_milestone(child_goal, "Beta", Some(day("2026-12-01")))
        .unwrap();
    repo.set_milestone_done(m1.id, m1.version, true).unwrap();
    repo.add_milestone(child_goal, "Launch", None).unwrap();
    let task = |d: &str, title: &str, notes: &str, tags: &[&str], goal: Option<Id>| {
        repo.add_task(
            day(d),
            &TaskDraft {
                title: title.into(),
                notes: notes.into(),
                priority: Priority::HIGH,
                goal_id: goal,
                tags: tags.iter().map(|t| t.to_string()).collect(),
                ..TaskDraft::default()
            },
        )
        .unwrap()
    };
    let upgrade = task(
        "2026-11-20",
        "Upgrade \x1b]0;pwned\x07cluster",
        "first line\nthen \x1b[2J\u{9b}31m",
        &["ops", "k8s"],
        Some(child_goal),
    )
    .id;
    repo.carry_tasks(&[upgrade], day("2026-11-22")).unwrap();
    let patch = task("2026-11-21", "Patch nodes", "", &["ops"], None);
    repo.set_task_status(patch.id, patch.stamp.version, TaskStatus::Done)
        .unwrap();
    let report = task("2026-11-22", "Write report", "", &[], None).id;
    let deleted = task("2026-11-22", "Gone for good", "", &["ops"], None).id;
    repo.delete(Deletable::Task, deleted).unwrap();
    let long = task("2026-11-10", &"very long title ".repeat(20), "", &[], None).id;

    let skill = repo
        .add_skill(&SkillDraft {
            name: "Rust".into(),
            category: "Craft".into(),
            target_level: Some(4),
            tags: vec!["rust".into()],
            ..SkillDraft::default()
        })
        .unwrap()
        .id;
    repo.record_skill_level(skill, 2, day("2026-11-01"), "start")
        .unwrap();
    repo.record_skill_level(skill, 3, day("2026-11-20"), "better \x1b[1m")
        .unwrap();
    let learning = repo
        .add_learning(&LearningDraft {
            at: Some(at("2026-11-18T10:00:00")),
            title: "Kubernetes operators".into(),
            body: "reconcile \u{202e}loops\u{202c}\nall the way down".into(),
            starred: true,
            tags: vec!["rust".into()],
            skill_ids: vec![skill],
        })
        .unwrap()
        .id;
    let meeting = repo
        .add_meeting(&MeetingDraft {
            starts_at: at("2026-11-21T10:00:00"),
            duration_minutes: Some(30),
            title: "1:1 with Ana".into(),
            kind: MeetingKind::OneOnOne,
            notes: "talked \x1b[2J".into(),
            attendee_ids: vec![ana],
            tags: vec!["1on1".into()],
        })
        .unwrap()
        .id;
    let action = repo
        .add_action_item(&ActionItemDraft {
            title: "Send notes".into(),
            source: ActionSource::Meeting(meeting),
            owner_id: Some(ana),
            due_date: Some(day("2026-11-25")),
        })
        .unwrap()
        .id;
    let feedback = |direction, person_id, d: &str, content: &str| {
        repo.add_feedback(&FeedbackDraft {
            direction,
            person_id,
            day: day(d),
            kind: FeedbackKind::Praise,
            content: content.into(),
            meeting_id: None,
            tags: vec!["demo".into()],
        })
        .unwrap()
        .id
    };
    let praise = feedback(Direction::Received, ana, "2026-11-21", "Great demo");
    let given = feedback(Direction::Given, bo, "2026-11-15", "Clear \x07 write-up");
    let checkin = repo
        .add_checkin(&CheckinDraft {
            at: at("2026-11-22T08:00:00"),
            level: 4,
            note: "fine \x07".into(),
            tags: vec!["focus".into()],
        })
        .unwrap()
        .id;
    repo.add_checkin(&CheckinDraft {
        at: at("2026-11-21T17:00:00"),
        level: 2,
        note: String::new(),
        tags: vec![],
    })
    .unwrap();
    let ids = Ids {
        upgrade,
        patch: patch.id,
        report,
        deleted,
        long,
        parent_goal,
        child_goal,
        learning,
        skill,
        meeting,
        action,
        praise,
        given,
        checkin,
        ana,
        bo,
    };
    (tmp, data, ids)
}

fn run(data: &Path, args: &[&str]) -> Run {
    let r = worklog(data, NOW, args);
    assert!(terminal_safe(&r.stdout), "{args:?}: {:?}", r.stdout);
    assert!(terminal_safe(&r.stderr), "{args:?}: {:?}", r.stderr);
    r
}

/// `list KIND --json ARGS…` parsed; nothing on stderr.
fn list_json(data: &Path, kind: &str, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["list", kind, "--json"];
    all.extend_from_slice(args);
    let r = run(data, &all).ok();
    serde_json::from_str(&r.stdout).unwrap()
}

fn show_json(data: &Path, kind: &str, id: Id) -> Value {
    let r = run(data, &["show", kind, &id.to_string(), "--json"]).ok();
    serde_json::from_str(&r.stdout).unwrap()
}

fn ids_of(rows: &[Value]) -> Vec<i64> {
    rows.iter().map(|r| r["id"].as_i64().unwrap()).collect()
}

/// Runs `worklog ARGS` in a pseudo-terminal `cols` wide and returns what it printed.
fn in_terminal(data: &Path, cols: u16, args: &[&str], env: &[(&str, &str)]) -> String {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    use std::io::Read;
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 40,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_worklog"));
    cmd.args(args);
    cmd.env("WORKLOG_DATA_DIR", data);
    cmd.env("WORKLOG_NOW", NOW);
    cmd.env("TZ", "UTC");
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("NO_COLOR");
    cmd.env_remove("WORKLOG_DATABASE");
    cmd.env_remove("WORKLOG_SCHEMA");
    if let Some((url, schema)) = common::on_postgres::current() {
        cmd.env("WORKLOG_DATABASE", url);
        cmd.env("WORKLOG_SCHEMA", schema);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let reading = std::thread::spawn(move || {
        let mut out = Vec::new();
        let mut buf = [0u8; 4096];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            out.extend_from_slice(&buf[..n]);
        }
        out
    });
    let status = child.wait().unwrap();
    assert!(status.success(), "{args:?}");
    drop(pair.master);
    String::from_utf8(reading.join().unwrap()).unwrap()
}

on_both_backends! {
#[test]
fn every_kind_lists_as_json_field_by_field() {
    let (_tmp, data, ids) = data();

    let tasks = list_json(&data, "tasks", &[]);
    // Newest day first, in the day's Focus order; the deleted task is not there.
    assert_eq!(
        ids_of(&tasks),
        [ids.upgrade, ids.report, ids.patch, ids.long],
        "{tasks:#?}"
    );
    let upgrade = &tasks[0];
    assert_eq!(upgrade["day"], "2026-11-22", "carried to today");
    assert_eq!(upgrade["status"], "todo");
    assert_eq!(upgrade["priority"], "high");
    assert_eq!(upgrade["title"], "Upgrade \x1b]0;pwned\x07cluster");
    assert_eq!(upgrade["tags"], json!(["k8s", "ops"]));
    assert_eq!(upgrade["goal_id"], ids.child_goal);
    assert_eq!(upgrade["carry_count"], 1);
    assert_eq!(upgrade["done_at"], Value::Null);
    assert_eq!(tasks[2]["status"], "done");
    assert!(
        tasks[2]["done_at"]
            .as_str()
            .unwrap()
            .starts_with("2026-11-22T")
    );

    let learnings = list_json(&data, "learnings", &[]);
    assert_eq!(ids_of(&learnings), [ids.learning]);
    assert_eq!(learnings[0]["at"], "2026-11-18T10:00:00");
    assert_eq!(learnings[0]["title"], "Kubernetes operators");
    assert_eq!(learnings[0]["starred"], true);
    assert_eq!(learnings[0]["tags"], json!(["rust"]));
    assert_eq!(learnings[0]["skills"], json!(["Rust"]));

    let skills = list_json(&data, "skills", &[]);
    assert_eq!(ids_of(&skills), [ids.skill]);
    assert_eq!(skills[0]["name"], "Rust");
    assert_eq!(skills[0]["category"], "Craft");
    assert_eq!(skills[0]["level"], 3, "the newest assessment");
    assert_eq!(skills[0]["assessed_on"], "2026-11-20");
    assert_eq!(skills[0]["target_level"], 4);
    assert_eq!(skills[0]["tags"], json!(["rust"]));

    let meetings = list_json(&data, "meetings", &[]);
    assert_eq!(ids_of(&meetings), [ids.meeting]);
    assert_eq!(meetings[0]["starts_at"], "2026-11-21T10:00:00");
    assert_eq!(meetings[0]["duration_minutes"], 30);
    assert_eq!(meetings[0]["kind"], "one_on_one");
    assert_eq!(meetings[0]["title"], "1:1 with Ana");
    assert_eq!(meetings[0]["attendees"], json!(["Ana Souza"]));
    assert_eq!(meetings[0]["tags"], json!(["1on1"]));
    assert_eq!(meetings[0]["open_action_items"], 1);

    let goals = list_json(&data, "goals", &[]);
    assert_eq!(ids_of(&goals), [ids.parent_goal, ids.child_goal]);
    assert_eq!(goals[1]["title"], "Ship v2");
    assert_eq!(goals[1]["status"], "active");
    assert_eq!(goals[1]["target_date"], "2026-12-31");
    assert_eq!(goals[1]["parent_id"], ids.parent_goal);
    assert_eq!(goals[1]["milestones_done"], 1);
    assert_eq!(goals[1]["milestones"], 2);
    assert_eq!(goals[0]["tags"], json!(["career"]));

    let feedback = list_json(&data, "feedback", &[]);
    assert_eq!(ids_of(&feedback), [ids.praise, ids.given]);
    assert_eq!(feedback[0]["day"], "2026-11-21");
    assert_eq!(feedback[0]["direction"], "received");
    assert_eq!(feedback[0]["kind"], "praise");
    assert_eq!(feedback[0]["person"], "Ana Souza");
    assert_eq!(feedback[0]["person_id"], ids.ana);
    assert_eq!(feedback[0]["content"], "Great demo");
    assert_eq!(feedback[0]["tags"], json!(["demo"]));

    let checkins = list_json(&data, "checkins", &[]);
    assert_eq!(checkins.len(), 2);
    assert_eq!(checkins[0]["id"], ids.checkin);
    assert_eq!(checkins[0]["at"], "2026-11-22T08:00:00");
    assert_eq!(checkins[0]["level"], 4);
    assert_eq!(checkins[0]["note"], "fine \x07");
    assert_eq!(checkins[0]["tags"], json!(["focus"]));

    let people = list_json(&data, "people", &[]);
    assert_eq!(ids_of(&people), [ids.ana, ids.bo]);
    assert_eq!(people[0]["name"], "Ana Souza");
    assert_eq!(people[0]["organization"], "Acme");
    assert_eq!(people[0]["role"], "Engineer");
    assert_eq!(people[0]["meetings"], 1);
    assert_eq!(people[0]["feedback"], 1);
    assert_eq!(people[1]["organization"], Value::Null);

    let tags = list_json(&data, "tags", &[]);
    let names: Vec<&str> = tags.iter().map(|t| t["name"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        ["1on1", "career", "demo", "focus", "k8s", "ops", "rust"]
    );
    let ops = &tags[5];
    // The deleted task's use of the tag does not count.
    assert_eq!(ops["tasks"], 2);
    assert_eq!(tags[6]["learnings"], 1);
    assert_eq!(tags[6]["skills"], 1);
    assert_eq!(tags[2]["feedback"], 2);
    assert_eq!(tags[3]["checkins"], 1);
}

#[test]
fn every_kind_shows_whole_with_its_links() {
    let (_tmp, data, ids) = data();

    let t = show_json(&data, "task", ids.upgrade);
    assert_eq!(t["id"], ids.upgrade);
    assert_eq!(t["first_day"], "2026-11-20");
    assert_eq!(t["notes"], "first line\nthen \x1b[2J\u{9b}31m");
    assert_eq!(t["tags"], json!(["k8s", "ops"]));
    assert_eq!(t["goal"]["id"], ids.child_goal);
    assert_eq!(t["goal"]["title"], "Ship v2");
    assert_eq!(
        t["carries"],
        json!([{"from_day": "2026-11-20", "to_day": "2026-11-22"}])
    );
    assert_eq!(t["version"], 2);
    // Singular and plural both name the kind.
    assert_eq!(show_json(&data, "tasks", ids.patch)["status"], "done");

    let l = show_json(&data, "learning", ids.learning);
    assert_eq!(
        l["body"],
        "reconcile \u{202e}loops\u{202c}\nall the way down"
    );
    assert_eq!(l["skills"], json!([{"id": ids.skill, "name": "Rust"}]));
    assert_eq!(l["tags"], json!(["rust"]));

    let s = show_json(&data, "skill", ids.skill);
    assert_eq!(
        s["history"],
        json!([
            {"assessed_on": "2026-11-01", "level": 2, "note": "start"},
            {"assessed_on": "2026-11-20", "level": 3, "note": "better \x1b[1m"},
        ])
    );
    assert_eq!(s["level"], 3);
    assert_eq!(s["learnings"], 1);
    assert_eq!(s["recent_learnings"][0]["id"], ids.learning);

    let m = show_json(&data, "meeting", ids.meeting);
    assert_eq!(m["notes"], "talked \x1b[2J");
    assert_eq!(
        m["attendees"],
        json!([{"id": ids.ana, "name": "Ana Souza"}])
    );
    assert_eq!(m["action_items"][0]["id"], ids.action);
    assert_eq!(m["action_items"][0]["title"], "Send notes");
    assert_eq!(m["action_items"][0]["owner"], "Ana Souza");
    assert_eq!(m["action_items"][0]["due_date"], "2026-11-25");
    assert_eq!(m["action_items"][0]["done_at"], Value::Null);

    let g = show_json(&data, "goal", ids.child_goal);
    assert_eq!(g["parent"], json!({"id": ids.parent_goal, "title": "Grow"}));
    assert_eq!(g["progress"], 0.5, "one of two milestones done");
    assert_eq!(g["milestones"][0]["title"], "Beta");
    assert_eq!(g["milestones"][0]["done_on"], "2026-11-22");
    assert_eq!(g["milestones"][1]["done_on"], Value::Null);
    assert_eq!(g["tasks"], 1);
    assert_eq!(g["open_tasks"][0]["id"], ids.upgrade);
    let parent = show_json(&data, "goal", ids.parent_goal);
    assert_eq!(parent["parent"], Value::Null);
    assert_eq!(
        parent["children"],
        json!([{"id": ids.child_goal, "title": "Ship v2", "status": "active"}])
    );

    let f = show_json(&data, "feedback", ids.praise);
    assert_eq!(
        f["person"],
        json!({"id": ids.ana, "name": "Ana Souza", "organization": "Acme"})
    );
    assert_eq!(f["content"], "Great demo");
    assert_eq!(f["action_items"], json!([]));

    let c = show_json(&data, "checkin", ids.checkin);
    assert_eq!(c["level"], 4);
    assert_eq!(c["note"], "fine \x07");

    let p = show_json(&data, "person", ids.ana);
    assert_eq!(p["organization"], "Acme");
    assert_eq!(p["meetings"], 1);
    assert_eq!(p["feedback_received"], 1);
    assert_eq!(p["feedback_given"], 0);
    assert_eq!(p["open_action_items"], 1);
    assert_eq!(p["recent_meetings"][0]["id"], ids.meeting);
    assert_eq!(show_json(&data, "person", ids.bo)["feedback_given"], 1);

    let tags = list_json(&data, "tags", &[]);
    let ops = tags.iter().find(|t| t["name"] == "ops").unwrap()["id"]
        .as_i64()
        .unwrap();
    let tag = show_json(&data, "tag", ops);
    assert_eq!(tag["name"], "ops");
    assert_eq!(tag["uses"]["tasks"], 2);
    assert_eq!(tag["uses"]["meetings"], 0);

    // Text: the kind and id, then one field a line, long text over indented lines.
    let text = run(&data, &["show", "task", &ids.upgrade.to_string()]).ok();
    let lines: Vec<&str> = text.stdout.lines().collect();
    assert_eq!(lines[0], format!("task {}", ids.upgrade));
    assert!(
        lines.contains(&"title             Upgrade ␛]0;pwned␇cluster"),
        "{}",
        text.stdout
    );
    assert!(
        lines.contains(&"notes             first line"),
        "{}",
        text.stdout
    );
    assert!(
        lines.contains(&"                  then ␛[2J�31m"),
        "{}",
        text.stdout
    );
    assert!(
        lines.contains(&"  - from_day: 2026-11-20, to_day: 2026-11-22"),
        "{}",
        text.stdout
    );
    for (kind, id) in [
        ("learning", ids.learning),
        ("skill", ids.skill),
        ("meeting", ids.meeting),
        ("goal", ids.child_goal),
        ("feedback", ids.given),
        ("checkin", ids.checkin),
        ("person", ids.bo),
        ("tag", ops),
    ] {
        let r = run(&data, &["show", kind, &id.to_string()]).ok();
        assert!(r.stdout.lines().count() > 3, "{kind}: {}", r.stdout);
    }
}

#[test]
fn a_missing_or_deleted_id_is_one_line_and_exit_1() {
    let (_tmp, data, ids) = data();
    for (kind, id, says) in [
        ("task", 999, "task 999 does not exist"),
        ("task", ids.deleted, "does not exist"),
        ("goal", 999, "goal 999 does not exist"),
        ("person", 999, "person 999 does not exist"),
        ("tag", 999, "tag 999 does not exist"),
        ("checkin", 999, "check-in 999 does not exist"),
    ] {
        let r = run(&data, &["show", kind, &id.to_string()]);
        assert_eq!(r.code, 1, "{kind} {id}: {}", r.stderr);
        let line = r.one_line_error();
        assert!(line.contains(says), "{line}");
    }
    let r = run(&data, &["show", "widgets", "1"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
}

#[test]
fn filters_narrow_every_kind_they_apply_to() {
    let (_tmp, data, ids) = data();
    let list = |kind: &str, args: &[&str]| ids_of(&list_json(&data, kind, args));

    // Days as other commands read them (Sunday 2026-11-22).
    assert_eq!(
        list("tasks", &["--day", "today"]),
        [ids.upgrade, ids.report]
    );
    assert_eq!(list("tasks", &["--day", "yesterday"]), [ids.patch]);
    assert_eq!(list("tasks", &["--day", "-1"]), [ids.patch]);
    assert_eq!(list("tasks", &["--day", "sat"]), [ids.patch]);
    assert_eq!(
        list("tasks", &["--from", "2026-11-10", "--to", "2026-11-21"]),
        [ids.patch, ids.long]
    );
    assert_eq!(list("learnings", &["--day", "2026-11-18"]), [ids.learning]);
    assert!(list("learnings", &["--from", "2026-11-19"]).is_empty());
    assert_eq!(list("meetings", &["--to", "2026-11-21"]), [ids.meeting]);
    assert!(list("meetings", &["--to", "2026-11-20"]).is_empty());
    assert_eq!(list("feedback", &["--from", "2026-11-16"]), [ids.praise]);
    assert_eq!(list("checkins", &["--day", "today"]), [ids.checkin]);

    // Tags ignore case and a leading #.
    assert_eq!(list("tasks", &["--tag", "OPS"]), [ids.upgrade, ids.patch]);
    assert_eq!(list("tasks", &["--tag", "#k8s"]), [ids.upgrade]);
    assert_eq!(list("goals", &["--tag", "career"]), [ids.parent_goal]);
    assert_eq!(list("skills", &["--tag", "rust"]), [ids.skill]);
    assert!(list("learnings", &["--tag", "ops"]).is_empty());

    // People by part of the name, ignoring case.
    assert_eq!(list("meetings", &["--person", "ana"]), [ids.meeting]);
    assert!(list("meetings", &["--person", "bo"]).is_empty());
    assert_eq!(list("feedback", &["--person", "SOUZA"]), [ids.praise]);
    assert_eq!(list("people", &["--person", "bo"]), [ids.bo]);

    // Status.
    assert_eq!(list("tasks", &["--status", "done"]), [ids.patch]);
    assert_eq!(
        list("tasks", &["--status", "open"]),
        [ids.upgrade, ids.report, ids.long]
    );
    assert_eq!(list("feedback", &["--status", "given"]), [ids.given]);
    assert_eq!(list("learnings", &["--status", "starred"]), [ids.learning]);
    assert!(list("goals", &["--status", "done"]).is_empty());

    // A filter that does not apply, or a bad value, is one line and reads nothing.
    for args in [
        vec!["list", "skills", "--day", "today"],
        vec!["list", "tags", "--tag", "x"],
        vec!["list", "tasks", "--person", "ana"],
        vec!["list", "meetings", "--status", "done"],
        vec!["list", "tasks", "--status", "finished"],
        vec!["list", "tasks", "--day", "someday"],
        vec![
            "list",
            "tasks",
            "--from",
            "2026-11-22",
            "--to",
            "2026-11-01",
        ],
    ] {
        let r = run(&data, &args);
        assert_eq!(r.code, 1, "{args:?}: {}", r.stderr);
        r.one_line_error();
    }
    let r = run(&data, &["list", "tasks", "--day", "today", "--from", "mon"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
}

#[test]
fn the_limit_cuts_in_order_and_says_so_on_stderr() {
    let (_tmp, data, ids) = data();
    let r = run(&data, &["list", "tasks", "--json", "--limit", "2"]);
    assert_eq!(r.code, 0);
    let rows: Vec<Value> = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(ids_of(&rows), [ids.upgrade, ids.report]);
    assert_eq!(
        r.stderr,
        "worklog: showing 2 of 4 tasks; --limit N shows more (up to 10000)\n"
    );
    // Text output too; exactly as many as there are is not cut off.
    let r = run(&data, &["list", "tasks", "--limit", "3"]);
    assert_eq!(r.stdout.lines().count(), 4, "a header and 3 rows");
    assert!(r.stderr.contains("showing 3 of 4 tasks"), "{}", r.stderr);
    run(&data, &["list", "tasks", "--limit", "4"]).ok();
    for bad in ["0", "10001", "many"] {
        let r = run(&data, &["list", "tasks", "--limit", bad]);
        assert_eq!(r.code, 2, "{bad}: {}", r.stderr);
    }
}

#[test]
fn text_lists_are_aligned_sanitized_and_truncated() {
    let (_tmp, data, ids) = data();
    let r = run(&data, &["list", "tasks"]).ok();
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 5, "{}", r.stdout);
    assert_eq!(
        lines[0],
        "ID  DAY         STATUS  PRIORITY  TAGS       TITLE"
    );
    assert_eq!(
        lines[1],
        format!(
            "{:>2}  2026-11-22  todo    high      #k8s #ops  Upgrade ␛]0;pwned␇cluster",
            ids.upgrade
        )
    );
    // The long title is cut to the line with an ellipsis; --json keeps it whole.
    let long = lines[4];
    assert!(long.ends_with('…'), "{long}");
    assert_eq!(unicode_width::UnicodeWidthStr::width(long), 120, "{long}");
    let rows = list_json(&data, "tasks", &[]);
    assert_eq!(rows[3]["id"], ids.long);
    assert_eq!(rows[3]["title"], "very long title ".repeat(20).trim_end());

    // Every kind: its header then one line per row, no raw control character (checked by
    // `run`), and the empty case says so.
    for kind in [
        "learnings",
        "skills",
        "meetings",
        "goals",
        "feedback",
        "checkins",
        "people",
        "tags",
    ] {
        let r = run(&data, &["list", kind]).ok();
        assert!(r.stdout.starts_with("ID  "), "{kind}: {}", r.stdout);
        let json = list_json(&data, kind, &[]);
        assert_eq!(r.stdout.lines().count(), json.len() + 1, "{kind}");
    }
    let r = run(&data, &["list", "people"]).ok();
    assert!(r.stdout.contains("Bo ␛[31mRed"), "{}", r.stdout);
    let r = run(&data, &["list", "feedback"]).ok();
    assert!(r.stdout.contains("Clear ␇ write-up"), "{}", r.stdout);
    let r = run(&data, &["list", "meetings", "--person", "nobody"]).ok();
    assert_eq!(r.stdout, "no meetings\n");
    let r = run(&data, &["list", "meetings", "--person", "nobody", "--json"]).ok();
    assert_eq!(r.stdout, "[]\n");

    // JSON output is escaped for a terminal beyond what JSON requires, and parses back.
    for kind in ["tasks", "learnings", "feedback", "people"] {
        let r = run(&data, &["list", kind, "--json"]).ok();
        assert!(
            !r.stdout.chars().any(|c| c == '\u{9b}' || c == '\u{202e}'),
            "{kind}: {}",
            r.stdout
        );
    }
}

/// A search hit on a row without a page of its own (a milestone, an action item, an
/// assessment) names the row that holds it, so what it prints can be given to `show`.
#[test]
fn search_hits_name_something_show_can_show() {
    let (_tmp, data, ids) = data();
    for (query, kind, id) in [
        ("Beta", "goal", ids.child_goal),
        ("Send notes", "meeting", ids.meeting),
        ("better", "skill", ids.skill),
        ("Patch", "task", ids.patch),
    ] {
        let r = run(&data, &["search", query]).ok();
        let first = r.stdout.lines().next().unwrap();
        let words: Vec<&str> = first.split_whitespace().take(2).collect();
        assert_eq!(words, [kind, &id.to_string()], "{query}: {}", r.stdout);
        run(&data, &["show", words[0], words[1]]).ok();
    }
}

/// On a terminal the header is bold (not with NO_COLOR) and the text is cut to the
/// terminal's width; a pipe gets the same columns without colour (see above).
#[test]
fn on_a_terminal_the_header_is_bold_and_lines_fit_its_width() {
    let (_tmp, data, _ids) = data();
    // Make the directory private, as `run` does, so no warning joins the output.
    run(&data, &["list", "tags"]).ok();
    let out = in_terminal(&data, 60, &["list", "tasks"], &[]);
    assert!(out.starts_with("\x1b[1mID  DAY"), "{out:?}");
    let rows: Vec<&str> = out
        .lines()
        .skip(1)
        .map(|l| l.trim_end_matches('\r'))
        .collect();
    assert_eq!(rows.len(), 4, "{out:?}");
    let long = rows[3];
    assert!(long.ends_with('…'), "{long:?}");
    assert_eq!(unicode_width::UnicodeWidthStr::width(long), 60, "{long:?}");
    // Narrower still: the other text columns give up room before a line would wrap.
    let narrow = in_terminal(&data, 50, &["list", "tasks"], &[]);
    for line in narrow.lines().skip(1) {
        let line = line.trim_end_matches('\r');
        assert!(
            unicode_width::UnicodeWidthStr::width(line) <= 50,
            "{narrow}"
        );
    }
    let plain = in_terminal(&data, 60, &["list", "tasks"], &[("NO_COLOR", "1")]);
    assert!(plain.starts_with("ID  DAY"), "{plain:?}");
    assert!(!plain.contains('\x1b'), "{plain:?}");
}

/// Past the most `--limit` can show, the count stops: it says "more than 10000" instead of
/// counting a long history to the end; the page is still the newest rows, in order.
#[test]
fn a_long_history_is_counted_up_to_the_cap() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let repo = common::open_as_the_binary(&data, "2026-11-20T09:30:00");
    // Over 10,000 tasks, each day's written by one statement (a 60,000-row demo, made only to
    // hold that many, took over a minute per backend). The newest day goes in first and the
    // middle one last, so the page below is in the days' order, not the ids'.
    for (day, n) in [("2026-11-20", 1), ("2026-11-18", 10_000), ("2026-11-19", 1)] {
        let sql = format!(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {n}) \
             INSERT INTO tasks (day, first_day, title) SELECT '{day}', '{day}', 'Task ' || i FROM n"
        );
        assert_eq!(repo.raw_execute_for_tests(&sql).unwrap(), n, "{sql}");
    }
    let tasks = repo
        .list_for_shell(
            worklog::db::ReadKind::Tasks,
            &worklog::db::ListFilter {
                limit: 10_000,
                ..Default::default()
            },
        )
        .unwrap();
    assert!(!tasks.counted_all(), "there are over 10,000 tasks");
    drop(repo);
    let r = run(&data, &["list", "tasks", "--json", "--limit", "3"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stderr,
        "worklog: showing 3 of more than 10000 tasks; --limit N shows more (up to 10000)\n"
    );
    let rows: Vec<Value> = serde_json::from_str(&r.stdout).unwrap();
    let days: Vec<&str> = rows.iter().map(|t| t["day"].as_str().unwrap()).collect();
    assert_eq!(
        days,
        ["2026-11-20", "2026-11-19", "2026-11-18"],
        "newest days first"
    );
}
}
