//! Attachments in the TUI (issue 14): a meeting's page lists its files; `A` attaches one by
//! path (Tab completes it), `F` opens one (a verified copy; without a display, its path in the
//! status line), `X` detaches one and `u` brings it back. Driven by keys against a real
//! database file and data directory; results checked through the repository.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod tui_support;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::{Path, PathBuf};
use tui_support::*;
use worklog::model::*;
use worklog::paths::DataDir;
use worklog::tui::keymap::Context;

/// An app on the Meetings pane with one meeting open, and a folder of files to attach.
fn on_a_meeting() -> (Tui, Id, tempfile::TempDir) {
    let mut u = Tui::new();
    let ada = u.t.repo.find_or_add_person("Ada Lovelace").unwrap().id;
    let m =
        u.t.repo
            .add_meeting(&meeting("2026-11-22T09:00:00", "Design review", &[ada]))
            .unwrap()
            .id;
    let files = tempfile::tempdir().unwrap();
    std::fs::write(
        files.path().join("quarterly-report.pdf"),
        b"%PDF-1.4 report",
    )
    .unwrap();
    std::fs::write(files.path().join("quarterly-notes.txt"), b"notes").unwrap();
    std::fs::write(files.path().join("slides.odp"), b"slides").unwrap();
    std::fs::create_dir(files.path().join("sub")).unwrap();
    u.app.tick();
    u.keys(&["4", "Enter"]);
    assert!(u.app.contexts().contains(&Context::Attachments));
    (u, m, files)
}

fn attached(u: &Tui, m: Id) -> Vec<String> {
    u.t.repo
        .attachments_of(AttachOwner::Meeting, m)
        .unwrap()
        .into_iter()
        .map(|a| a.name)
        .collect()
}

fn typed(p: &Path, rest: &str) -> String {
    format!("text:{}/{rest}", p.display())
}

fn attach_directly(u: &Tui, m: Id, path: &Path) {
    let dir = DataDir::new(u.t.dir.path().to_path_buf());
    let new = worklog::attachments::prepare(&dir, path, 1 << 20).unwrap();
    u.t.repo
        .add_attachments(AttachOwner::Meeting, m, &[new])
        .unwrap();
}

#[test]
fn a_file_is_attached_by_its_path_completed_with_tab() {
    let (mut u, m, files) = on_a_meeting();
    u.keys(&["A"]);
    assert_eq!(u.app.contexts()[0], Context::AttachPrompt);
    u.keys(&[&typed(files.path(), "sl"), "Tab"]);
    let s = u.screen(120, 40);
    assert!(
        s.contains(&format!("{}/slides.odp", files.path().display())),
        "{s}"
    );
    u.keys(&["Enter"]);
    assert_eq!(attached(&u, m), ["slides.odp"]);
    let s = u.screen(120, 40);
    assert!(s.contains("attached slides.odp"), "{s}");
    assert!(s.contains("1 slides.odp"), "{s}");
    assert!(
        s.contains("application/vnd.oasis.opendocument.presentation"),
        "{s}"
    );
    assert!(!u.app.contexts().contains(&Context::AttachPrompt));
}

#[test]
fn tab_completes_the_common_part_and_lists_the_names_that_match() {
    let (mut u, m, files) = on_a_meeting();
    u.keys(&["A", &typed(files.path(), "qu"), "Tab"]);
    let s = u.screen(120, 40);
    assert!(
        s.contains(&format!("{}/quarterly-", files.path().display())),
        "{s}"
    );
    assert!(s.contains("quarterly-notes.txt"), "{s}");
    assert!(s.contains("quarterly-report.pdf"), "{s}");
    // One more letter makes it one name: Tab completes it.
    u.keys(&["text:r", "Tab", "Enter"]);
    assert_eq!(attached(&u, m), ["quarterly-report.pdf"]);
    // A folder completes with its slash.
    u.keys(&["A", &typed(files.path(), "su"), "Tab"]);
    let s = u.screen(120, 40);
    assert!(
        s.contains(&format!("{}/sub/", files.path().display())),
        "{s}"
    );
}

#[test]
fn a_missing_file_is_one_error_and_the_typed_path_stays_to_be_corrected() {
    let (mut u, m, files) = on_a_meeting();
    u.keys(&["A", &typed(files.path(), "slidez.odp"), "Enter"]);
    assert!(attached(&u, m).is_empty());
    assert_eq!(u.app.contexts()[0], Context::AttachPrompt);
    let s = u.screen(120, 40);
    assert!(s.contains("slidez.odp"), "{s}");
    assert!(s.contains("No such file"), "{s}");
    // Corrected in place.
    u.keys(&[
        "Backspace",
        "Backspace",
        "Backspace",
        "Backspace",
        "Backspace",
    ]);
    u.keys(&["text:s.odp", "Enter"]);
    assert_eq!(attached(&u, m), ["slides.odp"]);
    // Esc attaches nothing.
    u.keys(&["A", &typed(files.path(), "quarterly-notes.txt"), "Esc"]);
    assert_eq!(attached(&u, m), ["slides.odp"]);
    assert!(u.app.contexts().contains(&Context::Attachments));
}

#[test]
fn opening_makes_a_verified_copy_and_without_a_display_says_where_it_is() {
    let (mut u, m, files) = on_a_meeting();
    attach_directly(&u, m, &files.path().join("quarterly-report.pdf"));
    u.app.tick();
    u.keys(&["Esc", "Enter", "F"]);
    let s = u.screen(200, 30);
    let copy = std::fs::read_dir(u.t.dir.path().join("open"))
        .unwrap()
        .flatten()
        .map(|e| e.path().join("quarterly-report.pdf"))
        .find(|p| p.exists())
        .expect("a copy under open/");
    assert_eq!(std::fs::read(&copy).unwrap(), b"%PDF-1.4 report");
    if worklog::attachments::desktop() {
        assert!(s.contains("opened quarterly-report.pdf"), "{s}");
    } else {
        assert!(s.contains(&copy.display().to_string()), "{s}");
    }
}

#[test]
fn detaching_one_of_several_asks_which_and_u_brings_it_back() {
    let (mut u, m, files) = on_a_meeting();
    attach_directly(&u, m, &files.path().join("slides.odp"));
    attach_directly(&u, m, &files.path().join("quarterly-notes.txt"));
    u.app.tick();
    u.keys(&["Esc", "Enter"]);
    u.keys(&["X"]);
    assert_eq!(u.app.contexts()[0], Context::AttachPick);
    let s = u.screen(120, 40);
    assert!(s.contains("Detach which attachment?"), "{s}");
    u.keys(&["2"]);
    assert_eq!(attached(&u, m), ["slides.odp"]);
    let s = u.screen(120, 40);
    assert!(s.contains("detached quarterly-notes.txt"), "{s}");
    assert!(!s.contains("2 quarterly-notes.txt"), "{s}");
    u.keys(&["u"]);
    assert_eq!(attached(&u, m), ["slides.odp", "quarterly-notes.txt"]);
    let s = u.screen(120, 40);
    assert!(s.contains("2 quarterly-notes.txt"), "{s}");
    // Esc asks nothing more.
    u.keys(&["X", "Esc"]);
    assert_eq!(attached(&u, m).len(), 2);
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

#[test]
fn a_meeting_page_with_attachments_snapshots() {
    let (mut u, m, files) = on_a_meeting();
    let evil: PathBuf = files.path().join("evil\u{1b}[31mred.txt");
    std::fs::write(&evil, b"x").unwrap();
    attach_directly(&u, m, &files.path().join("quarterly-report.pdf"));
    attach_directly(&u, m, &files.path().join("slides.odp"));
    attach_directly(&u, m, &evil);
    u.app.tick();
    u.keys(&["Esc", "Enter"]);
    insta::assert_snapshot!("meeting_attachments_80x24", draw(&mut u, 80, 24).backend());
    insta::assert_snapshot!(
        "meeting_attachments_120x40",
        draw(&mut u, 120, 40).backend()
    );
    u.keys(&["F"]);
    insta::assert_snapshot!(
        "meeting_attachments_pick_80x24",
        draw(&mut u, 80, 24).backend()
    );
}

#[test]
fn a_goal_page_lists_attaches_and_detaches_too() {
    let mut u = Tui::new();
    let g = u.t.repo.add_goal(&goal("Grow", None)).unwrap().id;
    let files = tempfile::tempdir().unwrap();
    std::fs::write(files.path().join("plan.md"), b"# plan").unwrap();
    u.app.tick();
    u.keys(&["5", "Enter"]);
    assert!(u.app.contexts().contains(&Context::Attachments));
    assert!(
        u.screen(80, 24)
            .contains("No attachments. A attaches a file.")
    );
    u.keys(&["A", &typed(files.path(), "pl"), "Tab", "Enter"]);
    let names: Vec<String> =
        u.t.repo
            .attachments_of(AttachOwner::Goal, g)
            .unwrap()
            .into_iter()
            .map(|a| a.name)
            .collect();
    assert_eq!(names, ["plan.md"]);
    assert!(u.screen(80, 24).contains("1 plan.md"));
    u.keys(&["X"]);
    assert!(
        u.t.repo
            .attachments_of(AttachOwner::Goal, g)
            .unwrap()
            .is_empty()
    );
    u.keys(&["u"]);
    assert_eq!(
        u.t.repo.attachments_of(AttachOwner::Goal, g).unwrap().len(),
        1
    );
    insta::assert_snapshot!("goal_attachments_80x24", draw(&mut u, 80, 24).backend());
}

#[test]
fn a_feedback_page_lists_and_attaches_too() {
    let mut u = Tui::new();
    let ada = u.t.repo.find_or_add_person("Ada").unwrap().id;
    let f =
        u.t.repo
            .add_feedback(&feedback(ada, "clear design doc"))
            .unwrap()
            .id;
    let files = tempfile::tempdir().unwrap();
    std::fs::write(files.path().join("review.pdf"), b"%PDF").unwrap();
    u.app.tick();
    u.keys(&["6", "Enter"]);
    assert!(u.app.contexts().contains(&Context::Attachments));
    u.keys(&["A", &typed(files.path(), "review.pdf"), "Enter"]);
    let rows = u.t.repo.attachments_of(AttachOwner::Feedback, f).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].name, "review.pdf");
    let s = u.screen(80, 24);
    assert!(s.contains("1 review.pdf"), "{s}");
    assert!(s.contains("application/pdf"), "{s}");
}
