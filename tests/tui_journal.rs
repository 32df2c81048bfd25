//! The Journal pane driven by keys on a real database file: writing entries (tags, linked
//! skills), the body in `$EDITOR` (a script stands in for the editor), starring, the three
//! filters, delete and undo, stale saves and drafts.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod tui_support;
use common::*;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use tui_support::*;
use worklog::model::*;
use worklog::tui::keymap::Context;
use worklog::tui::panes::PaneId;

fn journal() -> Tui {
    let mut u = Tui::new();
    u.keys(&["2"]);
    u
}

fn entry(title: &str, body: &str, tags: &[&str], starred: bool, at_: &str) -> LearningDraft {
    LearningDraft {
        at: Some(at(at_)),
        title: title.into(),
        body: body.into(),
        starred,
        tags: tags.iter().map(|s| s.to_string()).collect(),
        skill_ids: vec![],
    }
}

/// An executable shell script in `dir` standing in for the user's editor.
fn script(dir: &Path, name: &str, body: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

fn all(u: &Tui) -> Vec<Learning> {
    u.t.repo.learnings(&LearningFilter::default()).unwrap()
}

#[test]
fn writing_an_entry_with_tags_and_skills() {
    let mut u = journal();
    let rust =
        u.t.repo
            .add_skill(&SkillDraft {
                name: "Rust".into(),
                ..SkillDraft::default()
            })
            .unwrap();
    u.t.repo
        .add_skill(&SkillDraft {
            name: "SQL".into(),
            ..SkillDraft::default()
        })
        .unwrap();
    u.app.tick();
    u.keys(&[
        "a",
        "text:WAL checkpoints",
        "Tab",
        "Tab",
        "text:Checkpoints move pages",
        "Enter",
        "text:back into the main file.",
        "Tab",
        "text:sqlite",
        "Enter", // creates the tag
        "Tab",
        "Enter", // picks the first skill (Rust)
        "C-s",
    ]);
    assert!(!u.app.panes.journal.is_editing());
    let l = &all(&u)[0];
    assert_eq!(l.title, "WAL checkpoints");
    assert_eq!(l.body, "Checkpoints move pages\nback into the main file.");
    assert_eq!(l.tags, vec!["sqlite"]);
    assert_eq!(l.skill_ids, vec![rust.id]);
    assert_eq!(l.at, at("2026-11-22T09:30:00"));
    assert!(!l.starred);
    let s = u.screen(80, 24);
    assert!(
        s.contains("WAL checkpoints") && s.contains("#sqlite"),
        "{s}"
    );
    assert!(
        s.contains("skills Rust"),
        "the preview names the skill:\n{s}"
    );
    assert!(s.contains("back into the main file."), "{s}");
}

#[test]
fn a_bad_time_keeps_the_text_and_says_why() {
    let mut u = journal();
    u.keys(&["a", "text:Title", "Tab"]);
    for _ in 0.."2026-11-22 09:30".len() {
        u.keys(&["Backspace"]);
    }
    u.keys(&["text:someday", "Tab", "text:body I typed", "C-s"]);
    assert!(u.app.panes.journal.is_editing());
    let s = u.screen(80, 24);
    assert!(s.contains("time must be YYYY-MM-DD HH:MM"), "{s}");
    assert!(s.contains("body I typed"));
    assert!(all(&u).is_empty());
}

#[test]
fn the_body_round_trips_through_the_editor_from_the_form() {
    let mut u = journal();
    let log = u.t.dir.path().join("editor.log");
    let ed = script(
        u.t.dir.path(),
        "ed.sh",
        &format!(
            "stat -c %a \"$1\" > {log}\ncat \"$1\" >> {log}\nprintf 'written in the editor\\nline two 🚀\\n' > \"$1\"",
            log = log.display()
        ),
    );
    u.app.set_editor_command(ed.display().to_string());
    u.keys(&[
        "a",
        "text:From the editor",
        "Tab",
        "Tab",
        "text:typed first",
        "C-o",
    ]);
    assert!(u.app.panes.journal.is_editing(), "back in the form");
    assert_eq!(
        u.app.panes.journal.form_body().as_deref(),
        Some("written in the editor\nline two 🚀"),
        "the editor's text replaces the body; its final newline is dropped"
    );
    let seen = std::fs::read_to_string(&log).unwrap();
    assert_eq!(seen, "600\ntyped first", "a private file holding the body");
    assert!(u.screen(80, 24).contains("back from the editor"));
    u.keys(&["C-s"]);
    let l = &all(&u)[0];
    assert_eq!(
        (l.title.as_str(), l.body.as_str()),
        ("From the editor", "written in the editor\nline two 🚀")
    );
}

#[test]
fn e_on_the_list_saves_the_editors_text_with_a_version_check() {
    let mut u = journal();
    let id =
        u.t.repo
            .add_learning(&entry(
                "Entry",
                "old body",
                &["x"],
                true,
                "2026-11-20T10:00:00",
            ))
            .unwrap()
            .id;
    u.app.tick();
    let ed = script(u.t.dir.path(), "ed.sh", "sed -i 's/old/new/' \"$1\"");
    u.app.set_editor_command(ed.display().to_string());
    u.keys(&["E"]);
    let l = u.t.repo.learning(id).unwrap();
    assert_eq!(l.body, "new body");
    assert_eq!(l.stamp.version, 2);
    assert!(l.starred && l.tags == ["x"], "nothing else changes");
    assert!(u.screen(80, 24).contains("saved the text of “Entry”"));

    // An editor that leaves the text alone writes nothing.
    u.app.set_editor_command("true");
    u.keys(&["E"]);
    assert_eq!(u.t.repo.learning(id).unwrap().stamp.version, 2);
    assert!(u.screen(80, 24).contains("the body is unchanged"));
}

#[test]
fn a_failing_or_missing_editor_changes_nothing_and_says_so() {
    let mut u = journal();
    let id =
        u.t.repo
            .add_learning(&entry(
                "Entry",
                "keep me",
                &[],
                false,
                "2026-11-20T10:00:00",
            ))
            .unwrap()
            .id;
    u.app.tick();
    let ed = script(u.t.dir.path(), "fail.sh", "echo junk > \"$1\"; exit 3");
    u.app.set_editor_command(ed.display().to_string());
    u.keys(&["E"]);
    assert_eq!(u.t.repo.learning(id).unwrap().body, "keep me");
    let s = u.screen(100, 24);
    assert!(s.contains("failed: exit status 3"), "{s}");
    u.app.set_editor_command("/nonexistent/editor");
    u.keys(&["e", "C-o"]);
    assert!(u.screen(100, 24).contains("not found"));
    assert_eq!(
        u.app.panes.journal.form_body().as_deref(),
        Some("keep me"),
        "the form keeps its text"
    );
}

#[test]
fn a_stale_editor_save_opens_both_versions_and_loses_nothing() {
    let mut u = journal();
    let id =
        u.t.repo
            .add_learning(&entry("Entry", "old", &[], false, "2026-11-20T10:00:00"))
            .unwrap()
            .id;
    u.app.tick();
    let ed = script(
        u.t.dir.path(),
        "ed.sh",
        "printf 'mine from the editor' > \"$1\"",
    );
    u.app.set_editor_command(ed.display().to_string());
    // Press E, but let another session save before the editor returns.
    u.app.key(key_event("E"));
    assert!(u.app.editor_wanted());
    let l = u.t.repo.learning(id).unwrap();
    u.t.repo
        .update_learning(
            id,
            l.stamp.version,
            &entry("Entry", "theirs", &[], false, "2026-11-20T10:00:00"),
        )
        .unwrap();
    u.app.run_editor();
    assert_eq!(u.app.contexts()[0], Context::Conflict);
    let s = u.screen(100, 30);
    assert!(
        s.contains("mine from the editor") && s.contains("theirs"),
        "{s}"
    );
    assert_eq!(u.t.repo.learning(id).unwrap().body, "theirs");
    u.keys(&["o"]);
    let l = u.t.repo.learning(id).unwrap();
    assert_eq!(
        (l.body.as_str(), l.stamp.version),
        ("mine from the editor", 3)
    );
}

#[test]
fn star_and_the_three_filters() {
    let mut u = journal();
    let r = &u.t.repo;
    r.add_learning(&entry(
        "Rust lifetimes",
        "borrowck",
        &["rust"],
        false,
        "2026-11-20T10:00:00",
    ))
    .unwrap();
    r.add_learning(&entry(
        "SQL window functions",
        "OVER (PARTITION BY)",
        &["sql"],
        true,
        "2026-11-21T10:00:00",
    ))
    .unwrap();
    r.add_learning(&entry(
        "Async Rust",
        "tokio select",
        &["rust", "async"],
        false,
        "2026-11-22T08:00:00",
    ))
    .unwrap();
    u.app.tick();
    let titles = |u: &Tui| -> Vec<String> {
        u.app
            .panes
            .journal
            .shown()
            .map(|l| l.title.clone())
            .collect()
    };
    assert_eq!(
        titles(&u),
        ["Async Rust", "SQL window functions", "Rust lifetimes"]
    );
    // Text: title or body, as you type.
    u.keys(&["/", "text:partition"]);
    assert_eq!(titles(&u), ["SQL window functions"]);
    u.keys(&["Enter", "Esc"]);
    assert_eq!(titles(&u).len(), 3);
    // Tag: pick #rust from the picker.
    u.keys(&["#", "text:rust", "Enter"]);
    assert_eq!(u.app.panes.journal.filters(), (Some("rust"), false));
    assert_eq!(titles(&u), ["Async Rust", "Rust lifetimes"]);
    assert!(u.screen(80, 24).contains("Journal · 2 entries · #rust"));
    // Starred only, on top of the tag: none of the rust ones is starred yet.
    u.keys(&["v"]);
    assert!(titles(&u).is_empty());
    assert!(u.screen(80, 24).contains("No entry matches the filters"));
    u.keys(&["v", "j", "*"]);
    assert!(
        u.t.repo
            .learnings(&LearningFilter::default())
            .unwrap()
            .iter()
            .any(|l| l.title == "Rust lifetimes" && l.starred)
    );
    u.keys(&["v"]);
    assert_eq!(titles(&u), ["Rust lifetimes"]);
    // Esc clears every filter at once.
    u.keys(&["Esc"]);
    assert_eq!(u.app.panes.journal.filters(), (None, false));
    assert_eq!(titles(&u).len(), 3);
    // The tag picker's "every tag" clears the tag; Esc leaves it as it was.
    u.keys(&["#", "text:sql", "Enter", "#", "Esc"]);
    assert_eq!(u.app.panes.journal.filters(), (Some("sql"), false));
    u.keys(&["#", "text:every", "Enter"]);
    assert_eq!(u.app.panes.journal.filters(), (None, false));
    // Starred shows in the list.
    let s = u.screen(80, 24);
    assert!(s.contains("★ 2026-11-21 SQL window functions"), "{s}");
}

#[test]
fn delete_then_undo() {
    let mut u = journal();
    u.t.repo
        .add_learning(&entry("Keep me", "", &[], false, "2026-11-20T10:00:00"))
        .unwrap();
    u.app.tick();
    u.keys(&["d"]);
    assert!(all(&u).is_empty());
    assert!(u.screen(80, 24).contains("u to undo"));
    u.keys(&["u"]);
    assert_eq!(all(&u)[0].title, "Keep me");
}

#[test]
fn editing_keeps_star_and_a_stale_form_save_shows_the_conflict() {
    let mut u = journal();
    let id =
        u.t.repo
            .add_learning(&entry("Plan", "body", &["a"], true, "2026-11-20T10:00:00"))
            .unwrap()
            .id;
    u.app.tick();
    u.keys(&["e", "text: (mine)"]);
    u.t.repo
        .update_learning(
            id,
            1,
            &entry("Plan (theirs)", "body", &["a"], true, "2026-11-20T10:00:00"),
        )
        .unwrap();
    u.keys(&["C-s"]);
    assert_eq!(u.app.contexts()[0], Context::Conflict);
    u.keys(&["o"]);
    let l = u.t.repo.learning(id).unwrap();
    assert_eq!(l.title, "Plan (mine)");
    assert!(l.starred, "the star survives an edit");
    assert_eq!(l.at, at("2026-11-20T10:00:00"), "the time is kept");
}

#[test]
fn the_preview_shows_the_body_sanitized_and_scrolls() {
    let mut u = journal();
    let body = format!(
        "first \x1b[31mred\x1b[0m line\n{}\nlast line",
        (1..=40)
            .map(|i| format!("line {i}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
    u.t.repo
        .add_learning(&entry("Long one", &body, &[], false, "2026-11-20T10:00:00"))
        .unwrap();
    u.app.tick();
    let s = u.screen(80, 24);
    assert!(s.contains("first ␛[31mred␛[0m line"), "{s}");
    assert!(!s.contains("last line"));
    for _ in 0..20 {
        u.keys(&["C-d"]);
    }
    let s = u.screen(80, 24);
    assert!(s.contains("last line"), "{s}");
    assert!(!s.contains("first ␛"));
}

#[test]
fn an_open_form_survives_as_a_draft() {
    let mut u = journal();
    u.keys(&[
        "a",
        "text:half a thought",
        "Tab",
        "Tab",
        "text:and its body",
    ]);
    let saved = u.app.save_drafts();
    assert!(saved[0].ends_with("drafts/journal.json"));
    let mut next = u.reopen();
    assert!(screen(&mut next, 80, 24).contains("unsaved draft"));
    press(&mut next, &["2", "a", "C-s"]);
    let l = &all(&u)[0];
    assert_eq!(
        (l.title.as_str(), l.body.as_str()),
        ("half a thought", "and its body")
    );
}

#[test]
fn a_skills_journal_entry_opens_here_with_the_filters_cleared() {
    let mut u = journal();
    let r = &u.t.repo;
    let skill = r
        .add_skill(&SkillDraft {
            name: "Rust".into(),
            ..SkillDraft::default()
        })
        .unwrap();
    r.add_learning(&entry("One", "", &["a"], false, "2026-11-20T10:00:00"))
        .unwrap();
    let mut two = entry("Two", "", &["b"], false, "2026-11-19T10:00:00");
    two.skill_ids = vec![skill.id];
    let two = r.add_learning(&two).unwrap();
    u.app.tick();
    u.keys(&["v"]);
    assert_eq!(u.app.panes.journal.shown().count(), 0);
    u.keys(&["3", "Enter", "Enter"]);
    assert_eq!(u.app.current(), PaneId::Journal);
    assert_eq!(u.app.panes.journal.selected().unwrap().id, two.id);
    assert_eq!(u.app.panes.journal.filters(), (None, false));
    assert_eq!(u.app.panes.journal.shown().count(), 2);
}

#[test]
fn the_text_filter_ignores_case_beyond_ascii() {
    let mut u = journal();
    let r = &u.t.repo;
    r.add_learning(&entry(
        "Pairing with Zoë",
        "ÉTÉ planning, straße",
        &[],
        false,
        "2026-11-20T10:00:00",
    ))
    .unwrap();
    r.add_learning(&entry(
        "Other",
        "nothing",
        &[],
        false,
        "2026-11-21T10:00:00",
    ))
    .unwrap();
    u.app.tick();
    let titles = |u: &Tui| -> Vec<String> {
        u.app
            .panes
            .journal
            .shown()
            .map(|l| l.title.clone())
            .collect()
    };
    for needle in ["ZOË", "été", "STRASSE_NOT", "STRAẞE"] {
        u.keys(&["/", &format!("text:{needle}")]);
        let expected: &[&str] = if needle == "STRASSE_NOT" {
            &[]
        } else {
            &["Pairing with Zoë"]
        };
        assert_eq!(titles(&u), expected, "{needle}");
        u.keys(&["Esc", "Esc"]);
    }
}
