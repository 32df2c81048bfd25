//! The search overlay: Ctrl-F anywhere (and `/` on Today) opens it, results follow each
//! keystroke with their matches highlighted, Enter opens a hit in its own pane with it
//! selected, Esc goes back exactly where the user was, and a malformed query is a message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod tui_support;
use common::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;
use tui_support::*;
use worklog::model::{ActionItemDraft, ActionSource, HitKind, Id, LearningDraft};
use worklog::tui::app::App;
use worklog::tui::keymap::Context;
use worklog::tui::panes::PaneId;

struct Ids {
    task: Id,
    entry: Id,
    evil: Id,
    meeting: Id,
    item: Id,
}

fn learning(at_: &str, title: &str, body: &str) -> LearningDraft {
    LearningDraft {
        at: Some(at(at_)),
        title: title.into(),
        body: body.into(),
        ..LearningDraft::default()
    }
}

fn ready() -> (Tui, Ids) {
    let u = Tui::new();
    let r = &u.t.repo;
    r.add_task(day("2026-11-22"), &task("write the weekly notes"))
        .unwrap();
    let task = r
        .add_task(day("2026-11-18"), &task("Kubernetes rollout plan"))
        .unwrap()
        .id;
    let entry = r
        .add_learning(&learning(
            "2026-11-10T10:00:00",
            "Liveness probes",
            "readiness and liveness probes in kubernetes differ",
        ))
        .unwrap()
        .id;
    r.add_learning(&learning(
        "2026-11-12T10:00:00",
        "🚀 日本語 notes",
        "会議 about kubernetes upgrades 🚀",
    ))
    .unwrap();
    let evil = r
        .add_learning(&learning(
            "2026-11-14T10:00:00",
            "evil\x1b[31m kubeword title",
            "bell\x07 and\ttab and esc\x1b]0;x\x07 kubeword body",
        ))
        .unwrap()
        .id;
    let ada = r.find_or_add_person("Ada").unwrap().id;
    let meeting = r
        .add_meeting(&meeting("2026-11-20T09:00:00", "Planning", &[ada]))
        .unwrap()
        .id;
    r.add_action_item(&ActionItemDraft {
        title: "send the agenda".into(),
        source: ActionSource::Meeting(meeting),
        owner_id: None,
        due_date: None,
    })
    .unwrap();
    let item = r
        .add_action_item(&ActionItemDraft {
            title: "upgrade the staging cluster".into(),
            source: ActionSource::Meeting(meeting),
            owner_id: Some(ada),
            due_date: None,
        })
        .unwrap()
        .id;
    let mut u = u;
    u.app.tick();
    (
        u,
        Ids {
            task,
            entry,
            evil,
            meeting,
            item,
        },
    )
}

fn buffer(app: &mut App, w: u16, h: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| app.draw(f)).unwrap();
    let buf = terminal.backend().buffer().clone();
    for cell in buf.content() {
        assert!(
            !cell.symbol().chars().any(|c| c.is_control()),
            "control character {:?} reached the buffer",
            cell.symbol()
        );
    }
    buf
}

/// The cells of `buf` on the first line containing `needle`, from where it starts.
fn find(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    let area = buf.area;
    for y in 0..area.height {
        let cells: Vec<&str> = (0..area.width).map(|x| buf[(x, y)].symbol()).collect();
        let line: String = cells.concat();
        if let Some(byte) = line.find(needle) {
            // Columns: count cells whose symbols come before `byte`.
            let mut acc = 0;
            for (x, s) in cells.iter().enumerate() {
                if acc >= byte {
                    return Some((x as u16, y));
                }
                acc += s.len();
            }
        }
    }
    None
}

fn open_search(u: &mut Tui, query: &str) {
    u.keys(&["C-f", &format!("text:{query}")]);
}

#[test]
fn typing_lists_results_with_the_matches_highlighted() {
    let (mut u, ids) = ready();
    u.keys(&["C-f"]);
    assert!(u.app.search().is_some());
    assert_eq!(u.app.contexts()[0], Context::SearchOverlay);
    u.keys(&["text:kubern"]);
    let hits = u.app.search().unwrap().hits().to_vec();
    assert!(hits.len() >= 3, "{hits:?}");
    assert!(
        hits.iter()
            .any(|h| h.id == ids.task && h.kind == HitKind::Task)
    );
    assert!(hits.iter().any(|h| h.id == ids.entry));
    let buf = buffer(&mut u.app, 120, 40);
    let s = u.screen(120, 40);
    assert!(s.contains("Search everything"), "{s}");
    assert!(s.contains("› kubern"), "{s}");
    assert!(s.contains("Kubernetes rollout plan"), "{s}");
    assert!(s.contains("Liveness probes"), "{s}");
    assert!(s.contains("2026-11-18"), "{s}");
    assert!(s.contains("journal entry"), "{s}");
    // The matched word in the entry's snippet is styled; the text before it is not.
    let (x, y) = find(&buf, "kubernetes differ").expect("snippet on screen");
    let cell = &buf[(x, y)];
    assert!(
        cell.modifier
            .contains(Modifier::BOLD | Modifier::UNDERLINED),
        "{cell:?}"
    );
    let (bx, by) = find(&buf, "probes in").unwrap();
    assert!(!buf[(bx, by)].modifier.contains(Modifier::UNDERLINED));
    // Down moves the selection; Ctrl-N and Ctrl-P too.
    assert_eq!(u.app.search().unwrap().selected(), 0);
    u.keys(&["Down", "C-n"]);
    assert_eq!(u.app.search().unwrap().selected(), 2);
    u.keys(&["C-p", "Up", "Up"]);
    assert_eq!(u.app.search().unwrap().selected(), 0);
    // Tab hands the keys to the list, where j/k move; `/` goes back to typing.
    u.keys(&["Tab", "j"]);
    assert_eq!(u.app.search().unwrap().selected(), 1);
    assert_eq!(u.app.search().unwrap().query(), "kubern");
    u.keys(&["/", "text:e"]);
    assert_eq!(u.app.search().unwrap().query(), "kuberne");
}

#[test]
fn empty_and_one_letter_queries_show_help_and_a_hint() {
    let (mut u, _) = ready();
    u.keys(&["C-f"]);
    let s = u.screen(80, 24);
    assert!(s.contains("pane:journal"), "{s}");
    assert!(s.contains("\"code review\""), "{s}");
    u.keys(&["text:k"]);
    assert!(u.app.search().unwrap().hits().is_empty());
    assert!(u.screen(80, 24).contains("two letters"));
    u.keys(&["text:u"]);
    assert!(!u.app.search().unwrap().hits().is_empty());
    // A one-letter word after others keeps the results of the words before it.
    let before = u.app.search().unwrap().hits().len();
    u.keys(&["Backspace", "Backspace", "text:kubernetes r"]);
    assert!(!u.app.search().unwrap().hits().is_empty());
    assert!(before > 0);
    u.keys(&["C-u"]);
    assert_eq!(u.app.search().unwrap().query(), "");
    assert!(u.screen(80, 24).contains("pane:journal"));
}

#[test]
fn enter_opens_a_journal_entry_selected_in_its_pane() {
    let (mut u, ids) = ready();
    open_search(&mut u, "liveness");
    assert_eq!(u.app.search().unwrap().hits()[0].id, ids.entry);
    u.keys(&["Enter"]);
    assert!(u.app.search().is_none());
    assert_eq!(u.app.current(), PaneId::Journal);
    assert_eq!(u.app.panes.journal.selected().unwrap().id, ids.entry);
}

#[test]
fn enter_opens_a_task_on_its_day() {
    let (mut u, ids) = ready();
    open_search(&mut u, "rollout");
    u.keys(&["Enter"]);
    assert_eq!(u.app.current(), PaneId::Focus);
    assert_eq!(u.app.panes.focus.day(), day("2026-11-18"));
    assert_eq!(u.app.panes.focus.selected().unwrap().id, ids.task);
    assert!(u.screen(80, 24).contains("Kubernetes rollout plan"));
}

#[test]
fn enter_opens_an_action_item_in_its_meeting() {
    let (mut u, ids) = ready();
    open_search(&mut u, "staging cluster");
    let hit = &u.app.search().unwrap().hits()[0];
    assert_eq!((hit.kind, hit.id), (HitKind::ActionItem, ids.item));
    u.keys(&["Enter"]);
    assert_eq!(u.app.current(), PaneId::Meetings);
    assert_eq!(u.app.panes.meetings.open_meeting(), Some(ids.meeting));
    assert_eq!(u.app.panes.meetings.selected_item().unwrap().id, ids.item);
}

#[test]
fn filters_in_the_query_narrow_the_results() {
    let (mut u, ids) = ready();
    open_search(&mut u, "pane:focus kubernetes");
    let hits = u.app.search().unwrap().hits().to_vec();
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0].id, ids.task);
    u.keys(&["C-u", "text:is:open pane:meetings"]);
    let hits = u.app.search().unwrap().hits().to_vec();
    assert_eq!(hits.len(), 2, "{hits:?}");
    assert!(hits.iter().all(|h| h.kind == HitKind::ActionItem));
}

#[test]
fn esc_returns_to_the_pane_as_it_was() {
    let (mut u, _) = ready();
    u.keys(&["2", "j"]);
    let selected = u.app.panes.journal.selected().unwrap().id;
    let before = u.screen(80, 24);
    u.keys(&["C-f", "text:kubernetes", "Down", "Tab", "j", "Esc"]);
    assert!(u.app.search().is_none());
    assert_eq!(u.app.current(), PaneId::Journal);
    assert_eq!(u.app.panes.journal.selected().unwrap().id, selected);
    assert_eq!(u.screen(80, 24), before);
    // From the query too.
    u.keys(&["C-f", "text:q", "Esc"]);
    assert_eq!(u.screen(80, 24), before);
}

#[test]
fn ctrl_f_opens_search_from_every_pane_and_slash_only_on_today() {
    let (mut u, _) = ready();
    for digit in ["0", "1", "2", "3", "4", "5", "6", "7"] {
        u.keys(&[digit, "C-f"]);
        assert!(u.app.search().is_some(), "pane {digit}");
        u.keys(&["Esc"]);
        assert!(u.app.search().is_none());
    }
    u.keys(&["0", "/"]);
    assert!(u.app.search().is_some());
    u.keys(&["Esc", "2", "/"]);
    assert!(u.app.search().is_none());
    assert!(u.app.contexts().contains(&Context::FilterInput));
}

#[test]
fn malformed_queries_show_a_message_and_never_panic() {
    let (mut u, _) = ready();
    open_search(&mut u, "pane:nowhere");
    let msg = u.app.search().unwrap().message().unwrap().to_string();
    assert!(msg.contains("nowhere"), "{msg}");
    assert!(!msg.to_lowercase().contains("sqlite"), "{msg}");
    assert!(u.app.search().unwrap().hits().is_empty());
    let s = u.screen(80, 24);
    assert!(s.contains("nowhere"), "{s}");
    u.keys(&["Enter", "Down", "Tab"]);
    assert!(u.app.search().is_some());
    for q in [
        "\"unbalanced",
        "from:yesterday",
        "OR OR",
        "\"",
        "-",
        "tag:",
        "NOT",
        "kube*)(\"",
        "col:umn",
    ] {
        u.keys(&["C-u", &format!("text:{q}")]);
        let s = u.screen(80, 24);
        assert!(s.contains("Search everything"), "{q}: {s}");
        assert!(!s.to_lowercase().contains("fts5"), "{q}: {s}");
    }
    u.keys(&["C-u", "text:from:yesterday"]);
    assert!(u.app.search().unwrap().message().is_some());
}

#[test]
fn control_characters_in_stored_text_never_reach_the_screen() {
    let (mut u, ids) = ready();
    open_search(&mut u, "kubeword");
    assert_eq!(u.app.search().unwrap().hits()[0].id, ids.evil);
    for (w, h) in [(80, 24), (120, 40), (200, 50)] {
        buffer(&mut u.app, w, h);
    }
    let s = u.screen(120, 40);
    assert!(s.contains("evil␛[31m kubeword title"), "{s}");
    // A paste with line breaks and escapes joins the query as plain text.
    u.app.handle_event(&ratatui::crossterm::event::Event::Paste(
        " x\n\x1b[2J".to_string(),
    ));
    assert!(
        !u.app
            .search()
            .unwrap()
            .query()
            .chars()
            .any(|c| c.is_control())
    );
    buffer(&mut u.app, 80, 24);
}

#[test]
fn snapshots() {
    let (mut u, _) = ready();
    open_search(&mut u, "kubernetes");
    insta::assert_snapshot!("search_80x24", u.screen(80, 24));
    insta::assert_snapshot!("search_120x40", u.screen(120, 40));
    u.keys(&["C-u"]);
    insta::assert_snapshot!("search_help_80x24", u.screen(80, 24));
}
