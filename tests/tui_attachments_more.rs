//! Attachments in the TUI (issue 14) on the panes that list items rather than open a page:
//! the selected task in Focus (its Details; under 110 columns a `+N files` marker on its row and
//! the files listed while `F`/`X` ask which), the selected journal entry's preview, and the
//! selected assessment on a skill's page. `A` attaches by path (Tab completes), `F` opens (no
//! display: the verified copy's path), `X` detaches and `u` brings it back; the files follow the
//! selection. Driven by keys against a real database file and data directory; checked through
//! the repository and the screen.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod tui_support;
use common::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::Path;
use tui_support::*;
use worklog::model::*;
use worklog::paths::DataDir;
use worklog::tui::keymap::Context;

/// A folder of files to attach.
fn files() -> tempfile::TempDir {
    let files = tempfile::tempdir().unwrap();
    std::fs::write(
        files.path().join("quarterly-report.pdf"),
        b"%PDF-1.4 report",
    )
    .unwrap();
    std::fs::write(files.path().join("quarterly-notes.txt"), b"notes").unwrap();
    std::fs::write(files.path().join("slides.odp"), b"slides").unwrap();
    files
}

fn typed(p: &Path, rest: &str) -> String {
    format!("text:{}/{rest}", p.display())
}

fn names(u: &Tui, owner: AttachOwner, id: Id) -> Vec<String> {
    u.t.repo
        .attachments_of(owner, id)
        .unwrap()
        .into_iter()
        .map(|a| a.name)
        .collect()
}

fn attach_directly(u: &Tui, owner: AttachOwner, id: Id, path: &Path) {
    let dir = DataDir::new(u.t.dir.path().to_path_buf());
    let new = worklog::attachments::prepare(&dir, path, 1 << 20).unwrap();
    u.t.repo.add_attachments(owner, id, &[new]).unwrap();
}

fn draw(u: &mut Tui, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| u.app.draw(f)).unwrap();
    for cell in terminal.backend().buffer().content() {
        assert!(
            !cell.symbol().chars().any(|c| c.is_control()),
            "control character {:?} reached the buffer",
            cell.symbol()
        );
    }
    terminal
}

/// `F` on an item with one file: a verified copy under `open/`; without a display the status
/// line shows where it is.
fn opens_a_verified_copy(u: &mut Tui, name: &str, content: &[u8]) {
    u.keys(&["F"]);
    let s = u.screen(200, 30);
    let copy = std::fs::read_dir(u.t.dir.path().join("open"))
        .unwrap()
        .flatten()
        .map(|e| e.path().join(name))
        .find(|p| p.exists())
        .expect("a copy under open/");
    assert_eq!(std::fs::read(&copy).unwrap(), content);
    if worklog::attachments::desktop() {
        assert!(s.contains(&format!("opened {name}")), "{s}");
    } else {
        assert!(s.contains(&copy.display().to_string()), "{s}");
    }
}

// ---- Focus ----------------------------------------------------------------------------------

/// Focus with two tasks today, the first selected.
fn on_focus() -> (Tui, Id, Id) {
    let mut u = Tui::new();
    let today = day("2026-11-22");
    let alpha = u.t.repo.add_task(today, &task("alpha task")).unwrap().id;
    let beta = u.t.repo.add_task(today, &task("beta task")).unwrap().id;
    u.app.tick();
    u.keys(&["1"]);
    assert!(u.app.contexts().contains(&Context::Attachments));
    (u, alpha, beta)
}

#[test]
fn focus_attaches_opens_and_detaches_the_selected_tasks_files() {
    let (mut u, alpha, beta) = on_focus();
    let files = files();
    // No files, no section: the Details keep their room.
    assert!(!u.screen(120, 40).contains("Attachments"));
    u.keys(&["A"]);
    assert_eq!(u.app.contexts()[0], Context::AttachPrompt);
    u.keys(&[&typed(files.path(), "sl"), "Tab"]);
    let s = u.screen(120, 40);
    assert!(
        s.contains(&format!("{}/slides.odp", files.path().display())),
        "{s}"
    );
    u.keys(&["Enter"]);
    assert_eq!(names(&u, AttachOwner::Task, alpha), ["slides.odp"]);
    assert!(names(&u, AttachOwner::Task, beta).is_empty());
    // The Details panel lists it; under 110 columns the row says so.
    let s = u.screen(120, 40);
    assert!(s.contains("1 slides.odp"), "{s}");
    assert!(s.contains("attached slides.odp"), "{s}");
    let s = u.screen(80, 24);
    assert!(s.contains("alpha task +1 file"), "{s}");
    opens_a_verified_copy(&mut u, "slides.odp", b"slides");
    u.keys(&["X"]);
    assert!(names(&u, AttachOwner::Task, alpha).is_empty());
    let s = u.screen(120, 40);
    assert!(s.contains("detached slides.odp"), "{s}");
    assert!(!s.contains("1 slides.odp"), "{s}");
    u.keys(&["u"]);
    assert_eq!(names(&u, AttachOwner::Task, alpha), ["slides.odp"]);
    assert!(u.screen(120, 40).contains("1 slides.odp"));
}

#[test]
fn focus_files_follow_the_selected_task() {
    let (mut u, alpha, beta) = on_focus();
    let files = files();
    attach_directly(
        &u,
        AttachOwner::Task,
        alpha,
        &files.path().join("slides.odp"),
    );
    attach_directly(
        &u,
        AttachOwner::Task,
        beta,
        &files.path().join("quarterly-report.pdf"),
    );
    u.app.tick();
    u.keys(&["Esc"]);
    let s = u.screen(120, 40);
    assert!(s.contains("1 slides.odp"), "{s}");
    assert!(!s.contains("quarterly-report.pdf"), "{s}");
    u.keys(&["j"]);
    let s = u.screen(120, 40);
    assert!(s.contains("1 quarterly-report.pdf"), "{s}");
    assert!(!s.contains("slides.odp"), "{s}");
    // `A` now attaches to the task selected.
    u.keys(&["A", &typed(files.path(), "quarterly-n"), "Tab", "Enter"]);
    assert_eq!(
        names(&u, AttachOwner::Task, beta),
        ["quarterly-report.pdf", "quarterly-notes.txt"]
    );
    assert_eq!(names(&u, AttachOwner::Task, alpha), ["slides.odp"]);
}

#[test]
fn focus_without_the_details_panel_lists_the_files_while_asking_which() {
    let (mut u, alpha, _) = on_focus();
    let files = files();
    attach_directly(
        &u,
        AttachOwner::Task,
        alpha,
        &files.path().join("slides.odp"),
    );
    attach_directly(
        &u,
        AttachOwner::Task,
        alpha,
        &files.path().join("quarterly-notes.txt"),
    );
    u.app.tick();
    u.keys(&["Esc"]);
    let s = u.screen(80, 24);
    assert!(s.contains("alpha task +2 files"), "{s}");
    assert!(!s.contains("beta task +"), "{s}");
    u.keys(&["X"]);
    assert_eq!(u.app.contexts()[0], Context::AttachPick);
    let s = u.screen(80, 24);
    assert!(s.contains("Files of “alpha task”"), "{s}");
    assert!(s.contains("1 slides.odp"), "{s}");
    assert!(s.contains("2 quarterly-notes.txt"), "{s}");
    assert!(s.contains("Detach which attachment?"), "{s}");
    u.keys(&["1"]);
    assert_eq!(names(&u, AttachOwner::Task, alpha), ["quarterly-notes.txt"]);
    assert!(u.screen(80, 24).contains("alpha task +1 file"));
}

#[test]
fn focus_with_attachments_snapshots() {
    let (mut u, alpha, _) = on_focus();
    let files = files();
    let evil = files.path().join("evil\u{1b}[31mred.txt");
    std::fs::write(&evil, b"x").unwrap();
    attach_directly(
        &u,
        AttachOwner::Task,
        alpha,
        &files.path().join("quarterly-report.pdf"),
    );
    attach_directly(&u, AttachOwner::Task, alpha, &evil);
    u.app.tick();
    u.keys(&["Esc"]);
    insta::assert_snapshot!("focus_attachments_80x24", draw(&mut u, 80, 24).backend());
    insta::assert_snapshot!("focus_attachments_120x40", draw(&mut u, 120, 40).backend());
    u.keys(&["F"]);
    insta::assert_snapshot!(
        "focus_attachments_pick_80x24",
        draw(&mut u, 80, 24).backend()
    );
}

// ---- Journal --------------------------------------------------------------------------------

/// The Journal with two entries, the newer ("newer entry") selected.
fn on_journal() -> (Tui, Id, Id) {
    let mut u = Tui::new();
    let entry = |title: &str, when: &str| LearningDraft {
        at: Some(at(when)),
        title: title.into(),
        body: "what I learned".into(),
        ..LearningDraft::default()
    };
    let older =
        u.t.repo
            .add_learning(&entry("older entry", "2026-11-20T10:00:00"))
            .unwrap()
            .id;
    let newer =
        u.t.repo
            .add_learning(&entry("newer entry", "2026-11-21T10:00:00"))
            .unwrap()
            .id;
    u.app.tick();
    u.keys(&["2"]);
    assert!(u.app.contexts().contains(&Context::Attachments));
    (u, newer, older)
}

#[test]
fn journal_attaches_opens_and_detaches_the_selected_entrys_files() {
    let (mut u, newer, older) = on_journal();
    let files = files();
    assert!(!u.screen(80, 24).contains("Attachments"));
    u.keys(&["A", &typed(files.path(), "quarterly-r"), "Tab"]);
    let s = u.screen(120, 40);
    assert!(
        s.contains(&format!("{}/quarterly-report.pdf", files.path().display())),
        "{s}"
    );
    u.keys(&["Enter"]);
    assert_eq!(
        names(&u, AttachOwner::Learning, newer),
        ["quarterly-report.pdf"]
    );
    assert!(names(&u, AttachOwner::Learning, older).is_empty());
    for (w, h) in [(80, 24), (120, 40)] {
        let s = u.screen(w, h);
        assert!(s.contains("1 quarterly-report.pdf"), "{s}");
        assert!(s.contains("application/pdf"), "{s}");
    }
    opens_a_verified_copy(&mut u, "quarterly-report.pdf", b"%PDF-1.4 report");
    u.keys(&["X"]);
    assert!(names(&u, AttachOwner::Learning, newer).is_empty());
    assert!(!u.screen(120, 40).contains("1 quarterly-report.pdf"));
    u.keys(&["u"]);
    assert_eq!(
        names(&u, AttachOwner::Learning, newer),
        ["quarterly-report.pdf"]
    );
    assert!(u.screen(120, 40).contains("1 quarterly-report.pdf"));
}

#[test]
fn journal_files_follow_the_selected_entry() {
    let (mut u, newer, older) = on_journal();
    let files = files();
    attach_directly(
        &u,
        AttachOwner::Learning,
        newer,
        &files.path().join("slides.odp"),
    );
    attach_directly(
        &u,
        AttachOwner::Learning,
        older,
        &files.path().join("quarterly-notes.txt"),
    );
    u.app.tick();
    let s = u.screen(120, 40);
    assert!(s.contains("1 slides.odp"), "{s}");
    assert!(!s.contains("quarterly-notes.txt"), "{s}");
    u.keys(&["j"]);
    let s = u.screen(120, 40);
    assert!(s.contains("1 quarterly-notes.txt"), "{s}");
    assert!(!s.contains("slides.odp"), "{s}");
    u.keys(&["X"]);
    assert!(names(&u, AttachOwner::Learning, older).is_empty());
    assert_eq!(names(&u, AttachOwner::Learning, newer), ["slides.odp"]);
}

#[test]
fn journal_with_attachments_snapshots() {
    let (mut u, newer, _) = on_journal();
    let files = files();
    attach_directly(
        &u,
        AttachOwner::Learning,
        newer,
        &files.path().join("quarterly-report.pdf"),
    );
    attach_directly(
        &u,
        AttachOwner::Learning,
        newer,
        &files.path().join("slides.odp"),
    );
    u.app.tick();
    insta::assert_snapshot!("journal_attachments_80x24", draw(&mut u, 80, 24).backend());
    insta::assert_snapshot!(
        "journal_attachments_120x40",
        draw(&mut u, 120, 40).backend()
    );
}

// ---- Skills ---------------------------------------------------------------------------------

/// A skill's page with two assessments, the newer ("better") selected.
fn on_a_skill() -> (Tui, Id, Id) {
    let mut u = Tui::new();
    let r = &u.t.repo;
    let skill = r
        .add_skill(&SkillDraft {
            name: "Rust".into(),
            target_level: Some(4),
            ..SkillDraft::default()
        })
        .unwrap();
    let older = r
        .record_skill_level(skill.id, 2, day("2026-10-01"), "start")
        .unwrap()
        .id;
    let newer = r
        .record_skill_level(skill.id, 3, day("2026-11-01"), "better")
        .unwrap()
        .id;
    u.app.tick();
    u.keys(&["3", "Enter"]);
    assert!(u.app.contexts().contains(&Context::SkillDetail));
    assert!(u.app.contexts().contains(&Context::Attachments));
    (u, newer, older)
}

#[test]
fn a_skills_page_attaches_opens_and_detaches_the_selected_assessments_files() {
    let (mut u, newer, older) = on_a_skill();
    let files = files();
    assert!(
        u.screen(80, 24)
            .contains("No attachments. A attaches a file.")
    );
    u.keys(&["A", &typed(files.path(), "sl"), "Tab"]);
    let s = u.screen(120, 40);
    assert!(
        s.contains(&format!("{}/slides.odp", files.path().display())),
        "{s}"
    );
    u.keys(&["Enter"]);
    assert_eq!(names(&u, AttachOwner::Assessment, newer), ["slides.odp"]);
    assert!(names(&u, AttachOwner::Assessment, older).is_empty());
    for (w, h) in [(80, 24), (120, 40)] {
        let s = u.screen(w, h);
        assert!(s.contains("1 slides.odp"), "{s}");
    }
    opens_a_verified_copy(&mut u, "slides.odp", b"slides");
    u.keys(&["X"]);
    assert!(names(&u, AttachOwner::Assessment, newer).is_empty());
    assert!(!u.screen(120, 40).contains("1 slides.odp"));
    u.keys(&["u"]);
    assert_eq!(names(&u, AttachOwner::Assessment, newer), ["slides.odp"]);
    assert!(u.screen(120, 40).contains("1 slides.odp"));
}

#[test]
fn a_skills_page_files_follow_the_selected_assessment() {
    let (mut u, newer, older) = on_a_skill();
    let files = files();
    attach_directly(
        &u,
        AttachOwner::Assessment,
        newer,
        &files.path().join("slides.odp"),
    );
    attach_directly(
        &u,
        AttachOwner::Assessment,
        older,
        &files.path().join("quarterly-notes.txt"),
    );
    u.app.tick();
    let s = u.screen(120, 40);
    assert!(s.contains("1 slides.odp"), "{s}");
    assert!(!s.contains("quarterly-notes.txt"), "{s}");
    // Tab to the assessments, then the older one.
    u.keys(&["Tab", "j"]);
    let s = u.screen(120, 40);
    assert!(s.contains("1 quarterly-notes.txt"), "{s}");
    assert!(!s.contains("slides.odp"), "{s}");
    u.keys(&["A", &typed(files.path(), "quarterly-r"), "Tab", "Enter"]);
    assert_eq!(
        names(&u, AttachOwner::Assessment, older),
        ["quarterly-notes.txt", "quarterly-report.pdf"]
    );
    assert_eq!(names(&u, AttachOwner::Assessment, newer), ["slides.odp"]);
}

#[test]
fn a_skills_page_without_assessments_says_how_to_get_one() {
    let mut u = Tui::new();
    u.t.repo
        .add_skill(&SkillDraft {
            name: "Go".into(),
            ..SkillDraft::default()
        })
        .unwrap();
    u.app.tick();
    u.keys(&["3", "Enter", "A"]);
    assert!(!u.app.contexts().contains(&Context::AttachPrompt));
    let s = u.screen(120, 40);
    assert!(s.contains("no assessment to attach to"), "{s}");
}

#[test]
fn a_skills_page_with_attachments_snapshots() {
    let (mut u, newer, _) = on_a_skill();
    let files = files();
    attach_directly(
        &u,
        AttachOwner::Assessment,
        newer,
        &files.path().join("quarterly-report.pdf"),
    );
    u.app.tick();
    insta::assert_snapshot!("skill_attachments_80x24", draw(&mut u, 80, 24).backend());
    insta::assert_snapshot!("skill_attachments_120x40", draw(&mut u, 120, 40).backend());
}
