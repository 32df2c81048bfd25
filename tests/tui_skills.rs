//! The Skills pane driven by keys on a real database file: adding and editing skills,
//! recording assessments (appended, never overwritten), the three sort orders, the detail view
//! (chart, evidence, linked journal entries) and the organization filter.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod tui_support;
use common::*;
use tui_support::*;
use worklog::model::*;
use worklog::tui::keymap::Context;
use worklog::tui::panes::PaneId;
use worklog::tui::panes::skills::Sort;

fn skills() -> Tui {
    let mut u = Tui::new();
    u.keys(&["3"]);
    u
}

fn skill(u: &Tui, name: &str, category: &str, target: Option<u8>) -> Skill {
    u.t.repo
        .add_skill(&SkillDraft {
            name: name.into(),
            category: category.into(),
            target_level: target,
            ..SkillDraft::default()
        })
        .unwrap()
}

fn names(u: &Tui) -> Vec<String> {
    u.app.panes.skills.shown().map(|s| s.name.clone()).collect()
}

#[test]
fn adding_a_skill_by_keys() {
    let mut u = skills();
    let acme = u.t.repo.add_organization("Acme").unwrap();
    skill(&u, "SQL", "Data", None);
    u.app.tick();
    u.keys(&[
        "a",
        "text:Rust",
        "Tab",
        "text:Languages",
        "Enter", // a new category
        "Tab",
        "Down",
        "Down",
        "Down",
        "Down",
        "Down", // target: (none) → 0 → 1 → 2 → 3 → 4
        "Tab",
        "Down", // organization: (none) → Acme
        "Tab",
        "text:Systems language",
        "Tab",
        "text:lang",
        "Enter",
        "C-s",
    ]);
    assert!(!u.app.panes.skills.is_editing());
    let s =
        u.t.repo
            .skills()
            .unwrap()
            .into_iter()
            .find(|s| s.name == "Rust")
            .unwrap();
    assert_eq!(s.category, "Languages");
    assert_eq!(s.target_level, Some(4));
    assert_eq!(s.organization_id, Some(acme.id));
    assert_eq!(s.description, "Systems language");
    assert_eq!(s.tags, vec!["lang"]);
    assert!(s.history.is_empty());
    let screen = u.screen(80, 24);
    assert!(
        screen.contains("Rust") && screen.contains("never"),
        "{screen}"
    );
}

#[test]
fn a_duplicate_name_is_refused_beside_the_field() {
    let mut u = skills();
    skill(&u, "Rust", "", None);
    u.app.tick();
    u.keys(&["a", "text:rust", "C-s"]);
    assert!(u.app.panes.skills.is_editing());
    assert!(u.screen(80, 24).contains("already exists"));
}

#[test]
fn two_assessments_make_a_history_of_two_and_the_sparkline_shows_it() {
    let mut u = skills();
    let id = skill(&u, "Rust", "Languages", Some(4)).id;
    u.app.tick();
    // First: level 2 today with a note.
    u.keys(&["r", "Down", "Down", "Tab", "Tab", "text:wrote a CLI", "C-s"]);
    // Second: level 3, dated the day before (typed).
    u.keys(&["r", "Down", "Tab"]);
    for _ in 0.."2026-11-22".len() {
        u.keys(&["Backspace"]);
    }
    u.keys(&["text:2026-11-21", "Tab", "text:shipped the parser", "C-s"]);
    let history = u.t.repo.skill_history(id).unwrap();
    let got: Vec<(u8, chrono::NaiveDate, &str)> = history
        .iter()
        .map(|a| (a.level, a.assessed_on, a.note.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            (3, day("2026-11-21"), "shipped the parser"),
            (2, day("2026-11-22"), "wrote a CLI"),
        ],
        "both kept, oldest assessment first"
    );
    let s = u.t.repo.skill(id).unwrap();
    assert_eq!(s.history, vec![3, 2]);
    assert_eq!(s.current_level, Some(2));
    let screen = u.screen(80, 24);
    let row = screen.lines().find(|l| l.starts_with("Rust")).unwrap();
    assert!(row.contains("2 advanced b"), "{row}");
    assert!(row.contains("+2"), "the gap: {row}");
    assert!(row.contains("0d"), "assessed today: {row}");
    // One column a month, the level held at its end: both fall in this month, which ends
    // on level 2; the months before any assessment are dots.
    assert!(
        row.contains("·········▄"),
        "the level over 10 months: {row}"
    );
    assert!(
        screen.contains("10 months"),
        "the column says its scale:\n{screen}"
    );
}

#[test]
fn a_bad_date_keeps_the_assessment_form_open() {
    let mut u = skills();
    let id = skill(&u, "Rust", "", None).id;
    u.app.tick();
    u.keys(&["r", "Tab", "text:x", "C-s"]);
    assert!(u.app.panes.skills.is_editing());
    assert!(u.screen(80, 24).contains("date must be today, yesterday"));
    assert!(u.t.repo.skill_history(id).unwrap().is_empty());
}

#[test]
fn sorting_by_category_gap_and_staleness() {
    let mut u = skills();
    let r = &u.t.repo;
    let a = skill(&u, "Alpha", "Zeta", Some(5));
    let b = skill(&u, "Beta", "Eta", Some(2));
    let c = skill(&u, "Gamma", "Eta", None);
    let d = skill(&u, "Delta", "Alpha", Some(4));
    r.record_skill_level(a.id, 1, day("2026-10-01"), "")
        .unwrap(); // gap 4, 52d
    r.record_skill_level(b.id, 2, day("2026-11-20"), "")
        .unwrap(); // gap 0, 2d
    r.record_skill_level(c.id, 3, day("2025-01-01"), "")
        .unwrap(); // no target, 690d
    let _ = d; // gap 4 (never assessed), never
    u.app.tick();
    assert_eq!(u.app.panes.skills.sort(), Sort::Category);
    assert_eq!(names(&u), ["Delta", "Beta", "Gamma", "Alpha"]);
    assert!(u.screen(80, 24).contains("sorted by category"));
    u.keys(&["o"]);
    assert_eq!(u.app.panes.skills.sort(), Sort::Gap);
    assert_eq!(names(&u), ["Alpha", "Delta", "Beta", "Gamma"]);
    assert!(u.screen(80, 24).contains("sorted by gap to target"));
    u.keys(&["o"]);
    assert_eq!(names(&u), ["Delta", "Gamma", "Alpha", "Beta"]);
    let s = u.screen(80, 24);
    assert!(s.contains("sorted by time since assessed"), "{s}");
    assert!(s.contains("690d") && s.contains("never"), "{s}");
    u.keys(&["o"]);
    assert_eq!(u.app.panes.skills.sort(), Sort::Category);
}

#[test]
fn the_detail_view_shows_chart_evidence_and_linked_entries() {
    let mut u = skills();
    let r = &u.t.repo;
    let s = skill(&u, "Rust", "Languages", Some(4));
    r.record_skill_level(s.id, 1, day("2026-01-10"), "starting out")
        .unwrap();
    r.record_skill_level(s.id, 3, day("2026-06-01"), "led the rewrite \x1b[1m")
        .unwrap();
    let l = r
        .add_learning(&LearningDraft {
            title: "Lifetimes click".into(),
            skill_ids: vec![s.id],
            ..LearningDraft::default()
        })
        .unwrap();
    r.add_learning(&LearningDraft {
        title: "Not linked".into(),
        ..LearningDraft::default()
    })
    .unwrap();
    u.app.tick();
    u.keys(&["Enter"]);
    assert_eq!(u.app.panes.skills.detail_id(), Some(s.id));
    assert_eq!(u.app.contexts()[0], Context::SkillDetail);
    let screen = u.screen(80, 24);
    for needle in [
        "Rust · Languages",
        "level 3 competent → target 4 proficient (gap 1)",
        "Level over time",
        "Evidence · 2 assessments",
        "2026-06-01 3 led the rewrite ␛[1m",
        "2026-01-10 1 starting out",
        "Journal entries · 1",
        "Lifetimes click",
    ] {
        assert!(screen.contains(needle), "{needle:?} missing:\n{screen}");
    }
    assert!(!screen.contains("Not linked"));
    assert_eq!(
        screen.chars().filter(|c| *c == '●').count(),
        2,
        "the chart draws a point per assessment: {screen}"
    );
    assert!(screen.contains("5┤") && screen.contains("0┤"), "{screen}");
    // r in the detail records; the evidence grows at once.
    u.keys(&["r", "Down", "Tab", "Tab", "text:now proficient", "C-s"]);
    assert_eq!(u.t.repo.skill_history(s.id).unwrap().len(), 3);
    assert!(u.screen(80, 24).contains("Evidence · 3 assessments"));
    // Enter opens the entry in the Journal.
    u.keys(&["Enter"]);
    assert_eq!(u.app.current(), PaneId::Journal);
    assert_eq!(u.app.panes.journal.selected().unwrap().id, l.id);
    // Back in Skills the detail is still open; Esc leaves it.
    u.keys(&["3", "Esc"]);
    assert_eq!(u.app.panes.skills.detail_id(), None);
}

#[test]
fn edit_from_the_detail_and_delete_with_undo() {
    let mut u = skills();
    let id = skill(&u, "Rust", "", None).id;
    u.app.tick();
    u.keys(&["Enter", "e", "text: lang", "C-s"]);
    assert_eq!(u.t.repo.skill(id).unwrap().name, "Rust lang");
    assert!(u.screen(80, 24).contains("Rust lang"));
    u.keys(&["Esc", "d"]);
    assert!(u.t.repo.skills().unwrap().is_empty());
    u.keys(&["u"]);
    assert_eq!(u.t.repo.skills().unwrap()[0].name, "Rust lang");
}

#[test]
fn a_stale_skill_save_shows_the_conflict() {
    let mut u = skills();
    let s = skill(&u, "Rust", "", None);
    u.app.tick();
    u.keys(&["e", "text: (mine)"]);
    u.t.repo
        .update_skill(
            s.id,
            1,
            &SkillDraft {
                name: "Rust (theirs)".into(),
                ..SkillDraft::default()
            },
        )
        .unwrap();
    u.keys(&["C-s"]);
    assert_eq!(u.app.contexts()[0], Context::Conflict);
    u.keys(&["t"]);
    assert_eq!(u.t.repo.skill(s.id).unwrap().name, "Rust (theirs)");
}

#[test]
fn the_organization_filter_applies_to_skills_and_new_skills_join_it() {
    let mut u = skills();
    let acme = u.t.repo.add_organization("Acme").unwrap();
    u.t.repo
        .add_skill(&SkillDraft {
            name: "Acme billing".into(),
            organization_id: Some(acme.id),
            ..SkillDraft::default()
        })
        .unwrap();
    skill(&u, "Rust", "", None);
    u.app.tick();
    assert_eq!(names(&u).len(), 2);
    u.keys(&["O"]);
    assert_eq!(names(&u), ["Acme billing"]);
    assert!(u.screen(80, 24).contains("Skills · 1 · Acme"));
    u.keys(&["a", "text:Acme deploys", "C-s"]);
    let added =
        u.t.repo
            .skills()
            .unwrap()
            .into_iter()
            .find(|s| s.name == "Acme deploys")
            .unwrap();
    assert_eq!(added.organization_id, Some(acme.id));
    u.keys(&["O"]);
    assert_eq!(names(&u).len(), 3);
}

#[test]
fn filter_by_text() {
    let mut u = skills();
    skill(&u, "Rust", "Languages", None);
    skill(&u, "Public speaking", "People", None);
    u.app.tick();
    u.keys(&["/", "text:people"]);
    assert_eq!(names(&u), ["Public speaking"]);
    u.keys(&["Enter", "Esc"]);
    assert_eq!(names(&u).len(), 2);
}

/// A status message belongs to the pane it was said in: Skills' "sorted by" does not follow
/// the user to Meetings (it is there again on the way back, until it expires).
#[test]
fn a_status_message_stays_with_its_pane_and_expires() {
    let mut u = Tui::new();
    u.keys(&["3", "o"]);
    let status_line = |s: &str| s.lines().nth(22).unwrap_or_default().to_string();
    let s = u.screen(80, 24);
    assert!(status_line(&s).contains("sorted by"), "{s}");
    u.keys(&["4"]);
    let s = u.screen(80, 24);
    assert!(
        !s.contains("sorted by"),
        "Meetings shows Skills' message: {s}"
    );
    u.keys(&["3"]);
    let s = u.screen(80, 24);
    assert!(status_line(&s).contains("sorted by"), "back on Skills: {s}");
    u.app
        .status
        .expire(std::time::Instant::now() + std::time::Duration::from_secs(7));
    let s = u.screen(80, 24);
    assert!(!status_line(&s).contains("sorted by"), "expired: {s}");
}

#[test]
fn an_assessment_is_edited_and_deleted_from_the_detail_and_u_brings_it_back() {
    let mut u = skills();
    let s = skill(&u, "Rust", "", None);
    let r = &u.t.repo;
    r.record_skill_level(s.id, 1, day("2026-01-10"), "starting out")
        .unwrap();
    r.record_skill_level(s.id, 3, day("2026-06-01"), "led the rewrite")
        .unwrap();
    u.app.tick();
    u.keys(&["Enter"]);
    // Tab moves to the assessments (newest first); Enter edits the selected one.
    u.keys(&["Tab", "j", "Enter"]);
    let screen = u.screen(80, 24);
    assert!(screen.contains("Edit assessment · Rust"), "{screen}");
    u.keys(&["Down", "Tab", "Tab", "text: slowly", "C-s"]);
    let h = u.t.repo.skill_history(s.id).unwrap();
    assert_eq!(
        (h[0].level, h[0].note.as_str()),
        (2, "starting out slowly"),
        "the older one changed, the newer kept"
    );
    assert_eq!(h[1].level, 3);
    // d deletes the selected assessment at once; u brings it back.
    u.keys(&["k", "d"]);
    assert_eq!(u.t.repo.skill_history(s.id).unwrap().len(), 1);
    assert!(u.screen(80, 24).contains("Evidence · 1 assessment"));
    u.keys(&["u"]);
    let h = u.t.repo.skill_history(s.id).unwrap();
    assert_eq!(h.len(), 2);
    assert_eq!(h[1].note, "led the rewrite");
    let screen = u.screen(100, 30);
    assert!(
        screen.contains("Undid: deleted assessment of 2026-06-01"),
        "{screen}"
    );
}
