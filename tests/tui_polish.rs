//! Issue 13, by keys on a real database file: every single-line input edits alike (form
//! fields, the list filter, the search box, picker queries), the organization filter says
//! what it hides and shows on every pane, one meaning per key across panes, going to a date
//! (`:` or `D`) in every dated pane, and the mouse.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod tui_support;
use common::*;
use ratatui::crossterm::event::{Event, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use tui_support::*;
use worklog::tui::keymap::{self, Context, Key};

// ---- One set of editing keys for every single-line input ----

#[test]
fn ctrl_u_in_a_form_field_deletes_to_the_start_of_the_line() {
    // Issue 13: `3`, `Enter`, `r`, `Tab`, `Ctrl-U` did nothing: in ratatui-textarea Ctrl-U is
    // undo, and a field filled in from the row has nothing to undo.
    let mut u = Tui::new();
    let id =
        u.t.repo
            .add_task(day("2026-11-22"), &task("Write the report"))
            .unwrap()
            .id;
    u.app.tick();
    u.keys(&["1", "e", "C-u", "text:Ship it", "C-s"]);
    let tasks = u.t.repo.tasks_on(day("2026-11-22")).unwrap();
    let t = tasks.iter().find(|t| t.id == id).unwrap();
    assert_eq!(t.title, "Ship it");
}

#[test]
fn the_list_filter_takes_ctrl_w_and_ctrl_u_and_moves_its_cursor() {
    let mut u = Tui::new();
    u.t.repo
        .add_task(day("2026-11-22"), &task("Write the report"))
        .unwrap();
    u.t.repo
        .add_task(day("2026-11-22"), &task("Review notes"))
        .unwrap();
    u.app.tick();
    u.keys(&["1", "/", "text:write xyz", "C-w"]);
    let s = u.screen(80, 24);
    assert!(s.contains("/write "), "{s}");
    assert!(!s.contains("xyz"), "{s}");
    // The cursor moves: to the start, where Ctrl-D deletes, then to the end for Bksp.
    u.keys(&["C-a", "C-d", "C-e", "Backspace", "Left", "text:!"]);
    let s = u.screen(80, 24);
    assert!(s.contains("/rit!e"), "{s}");
    u.keys(&["Backspace"]);
    let s = u.screen(80, 24);
    assert!(s.contains("/rite "), "the cursor on the e: {s}");
    assert!(s.contains("1 of 2"), "{s}");
    u.keys(&["C-u"]);
    let s = u.screen(80, 24);
    assert!(s.contains("2 of 2"), "{s}");
}

#[test]
fn the_search_box_deletes_to_the_start_with_ctrl_u_from_where_the_cursor_is() {
    let mut u = Tui::new();
    u.keys(&["C-f", "text:kube deploy"]);
    for _ in 0.."deploy".len() {
        u.keys(&["Left"]);
    }
    u.keys(&["C-u"]);
    assert_eq!(u.app.search().unwrap().query(), "deploy");
    u.keys(&["End", "text: now", "C-w"]);
    assert_eq!(u.app.search().unwrap().query(), "deploy ");
}

#[test]
fn a_picker_query_takes_the_same_editing_keys() {
    let mut u = Tui::new();
    u.keys(&["1", "a", "text:Task", "Tab"]);
    // Tab again until the tags picker (a picker with create-new) has the cursor.
    for _ in 0..8 {
        if u.screen(80, 24).contains("› ") && u.app.contexts()[0] == Context::Picker {
            break;
        }
        u.keys(&["Tab"]);
    }
    assert_eq!(u.app.contexts()[0], Context::Picker);
    u.keys(&["text:deep work", "C-w", "C-a", "Right", "C-k"]);
    let s = u.screen(80, 24);
    assert!(s.contains("› d "), "{s}");
    assert!(!s.contains("work"), "{s}");
}

// ---- The organization filter ----

fn goals_elsewhere() -> Tui {
    let u = Tui::new();
    let r = &u.t.repo;
    r.add_organization("Acme").unwrap();
    for t in ["Career", "Read more", "Learn Rust"] {
        r.add_goal(&goal(t, None)).unwrap();
    }
    u
}

#[test]
fn goals_hidden_by_the_organization_filter_are_not_called_no_goals_yet() {
    let mut u = goals_elsewhere();
    u.keys(&["5", "O"]);
    let s = u.screen(80, 24);
    assert!(!s.contains("No goals yet"), "{s}");
    assert!(s.contains("3 hidden"), "{s}");
    assert!(s.contains("O until"), "how to clear it: {s}");
}

#[test]
fn the_organization_filter_shows_in_the_tab_bar_of_every_pane() {
    let mut u = goals_elsewhere();
    u.keys(&["O"]);
    for pane in ["0", "1", "2", "3", "4", "5", "6", "7"] {
        u.keys(&[pane]);
        for (w, h) in [(80, 24), (120, 40)] {
            let s = u.screen(w, h);
            let tabs = s.lines().next().unwrap();
            assert!(tabs.contains("only Acme"), "pane {pane} at {w}: {tabs}");
        }
    }
    u.keys(&["O"]); // all again
    let s = u.screen(80, 24);
    assert!(!s.lines().next().unwrap().contains("Acme"), "{s}");
}

// ---- One meaning per key ----

#[test]
fn s_and_j_k_mean_the_same_kind_of_thing_in_every_pane_that_binds_them() {
    let action = |c: Context, k: Key| keymap::resolve(&[c], &k.event()).map(|b| b.action);
    // `s` changes a status in Focus and Goals; the Journal no longer uses it for a view.
    assert!(action(Context::Focus, Key::ch('s')).is_some());
    assert!(action(Context::Goals, Key::ch('s')).is_some());
    assert_eq!(action(Context::Journal, Key::ch('s')), None);
    // `J`/`K` move a task in Focus; in the Journal they no longer scroll the preview.
    assert!(action(Context::Focus, Key::ch('J')).is_some());
    assert_eq!(action(Context::Journal, Key::ch('J')), None);
    assert_eq!(action(Context::Journal, Key::ch('K')), None);
}

#[test]
fn every_pane_key_table_keeps_one_meaning_per_key() {
    // The rule over every pane's table (forms, prompts and popups answer their own question).
    let panes: Vec<Context> = Context::with_bindings()
        .into_iter()
        .filter(|c| !c.is_modal() && !keymap::OWN_KEYS.contains(c))
        .collect();
    let table = keymap::BINDINGS;
    let mut checked = 0;
    for a in table.iter().filter(|b| panes.contains(&b.context)) {
        for b in table.iter().filter(|b| panes.contains(&b.context)) {
            if a.context == b.context {
                continue;
            }
            for k in a.keys.iter().filter(|k| b.keys.contains(k)) {
                checked += 1;
                assert_eq!(
                    a.action.kind(),
                    b.action.kind(),
                    "{} is {:?} in {:?} but {:?} in {:?}",
                    k.label(),
                    a.action,
                    a.context,
                    b.action,
                    b.context
                );
            }
        }
    }
    assert!(
        checked > 20,
        "keys shared between panes were checked: {checked}"
    );
}

#[test]
fn the_journal_filters_starred_with_v_and_scrolls_the_preview_with_ctrl_d() {
    let mut u = Tui::new();
    let r = &u.t.repo;
    let mut d = worklog::model::LearningDraft {
        at: Some(at("2026-11-21T10:00:00")),
        title: "Plain".into(),
        ..Default::default()
    };
    r.add_learning(&d).unwrap();
    d.title = "Shiny".into();
    d.starred = true;
    r.add_learning(&d).unwrap();
    u.app.tick();
    u.keys(&["2", "v"]);
    assert_eq!(u.app.panes.journal.filters(), (None, true));
    assert_eq!(u.app.panes.journal.paged().total(), 1);
    u.keys(&["v", "s"]);
    assert_eq!(
        u.app.panes.journal.filters(),
        (None, false),
        "s does nothing here"
    );
    u.keys(&["C-d"]);
    assert!(u.app.last_action().is_some());
}

// ---- Going to a date ----

fn message(u: &Tui) -> String {
    u.app
        .status
        .message()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

#[test]
fn colon_goes_to_a_day_in_focus_and_says_when_it_has_no_tasks() {
    let mut u = Tui::new();
    u.t.repo
        .add_task(day("2026-11-16"), &task("Monday thing"))
        .unwrap();
    u.app.tick();
    u.keys(&["1", ":", "text:mon", "Enter"]);
    assert_eq!(u.app.panes.focus.day(), day("2026-11-16"));
    assert!(message(&u).contains("1 task"), "{}", message(&u));
    u.keys(&["D", "text:yesterday", "Enter"]);
    assert_eq!(u.app.panes.focus.day(), day("2026-11-21"));
    assert!(
        message(&u).contains("no tasks on Sat 21 Nov 2026"),
        "{}",
        message(&u)
    );
    // A word it cannot read: said, and the prompt keeps it to put right.
    u.keys(&[":", "text:someday", "Enter"]);
    assert_eq!(u.app.contexts()[0], Context::DatePrompt);
    // Said in the prompt itself, which covers the status line.
    let s = u.screen(80, 24);
    let prompt = s.lines().nth(22).unwrap();
    assert!(prompt.contains("Go to date: someday"), "{prompt}");
    assert!(prompt.contains("✗ date"), "{prompt}");
    u.keys(&["C-u", "text:2026-11-03", "Enter"]);
    assert_eq!(u.app.panes.focus.day(), day("2026-11-03"));
    // Esc leaves it.
    u.keys(&[":", "text:-3d", "Esc"]);
    assert_eq!(u.app.panes.focus.day(), day("2026-11-03"));
    assert_ne!(u.app.contexts()[0], Context::DatePrompt);
}

#[test]
fn the_journal_goes_to_the_nearest_entry_on_or_before_the_date() {
    let mut u = Tui::new();
    for (t, when) in [
        ("First", "2026-11-01T09:00:00"),
        ("Second", "2026-11-10T09:00:00"),
        ("Second, later", "2026-11-10T17:00:00"),
        ("Third", "2026-11-20T09:00:00"),
    ] {
        u.t.repo
            .add_learning(&worklog::model::LearningDraft {
                at: Some(at(when)),
                title: t.into(),
                ..Default::default()
            })
            .unwrap();
    }
    u.app.tick();
    u.keys(&["2", ":", "text:2026-11-12", "Enter"]);
    assert_eq!(
        u.app.panes.journal.selected().unwrap().title,
        "Second, later"
    );
    assert!(
        message(&u) == "no journal entries on Thu 12 Nov 2026; showing Tue 10 Nov",
        "{}",
        message(&u)
    );
    u.keys(&["D", "text:2026-11-20", "Enter"]);
    assert_eq!(u.app.panes.journal.selected().unwrap().title, "Third");
    u.keys(&[":", "text:2026-10-01", "Enter"]);
    assert_eq!(
        u.app.panes.journal.selected().unwrap().title,
        "Third",
        "stays"
    );
    assert!(
        message(&u).contains("no journal entries on or before"),
        "{}",
        message(&u)
    );
}

#[test]
fn meetings_feedback_and_energy_go_to_a_date_too() {
    let mut u = Tui::new();
    let r = &u.t.repo;
    let ada = r.find_or_add_person("Ada").unwrap().id;
    for (when, title) in [
        ("2026-11-02T10:00:00", "Kickoff"),
        ("2026-11-09T10:00:00", "Review"),
        ("2026-11-09T15:00:00", "Retro"),
        ("2026-11-18T10:00:00", "Planning"),
    ] {
        r.add_meeting(&meeting(when, title, &[ada])).unwrap();
    }
    for (d, text) in [("2026-11-03", "early"), ("2026-11-12", "middle")] {
        let mut f = feedback(ada, text);
        f.day = day(d);
        r.add_feedback(&f).unwrap();
    }
    r.add_checkin(&checkin("2026-11-10T08:00:00", 2, "monday-ish", &[]))
        .unwrap();
    r.add_checkin(&checkin("2026-11-21T08:00:00", 4, "recent", &[]))
        .unwrap();
    u.app.tick();

    u.keys(&["4", ":", "text:2026-11-09", "Enter"]);
    let m = u.app.panes.meetings.paged().selected().unwrap();
    assert_eq!(m.title, "Review", "the first meeting of the day");
    u.keys(&[":", "text:2026-11-15", "Enter"]);
    let m = u.app.panes.meetings.paged().selected().unwrap();
    assert_eq!(m.starts_at.date(), day("2026-11-09"));
    assert!(message(&u).contains("showing Mon 9 Nov"), "{}", message(&u));

    u.keys(&["6", ":", "text:2026-11-11", "Enter"]);
    let f = u.app.panes.feedback.paged().selected().unwrap();
    assert_eq!(f.content, "early");
    u.keys(&["D", "text:2026-11-01", "Enter"]);
    assert!(
        message(&u).contains("no feedback on or before"),
        "{}",
        message(&u)
    );

    u.keys(&["7", ":", "text:2026-11-15", "Enter"]);
    let c = u.app.panes.energy.selected().unwrap();
    assert_eq!(c.note, "monday-ish");
    assert!(
        message(&u).contains("showing Tue 10 Nov"),
        "{}",
        message(&u)
    );
}

#[test]
fn a_pane_without_dates_says_so() {
    let mut u = Tui::new();
    u.keys(&["5", ":"]);
    assert_ne!(u.app.contexts()[0], Context::DatePrompt);
    assert!(
        message(&u).contains("Goals has no dates"),
        "{}",
        message(&u)
    );
}

#[test]
fn the_date_prompt_shows_over_the_status_line() {
    let mut u = Tui::new();
    u.keys(&["2", ":", "text:mon"]);
    for (w, h) in [(80, 24), (120, 40)] {
        let s = u.screen(w, h);
        let status = s.lines().nth(usize::from(h) - 2).unwrap();
        assert!(status.contains("Go to date: mon"), "{status}");
        assert!(status.contains("yesterday"), "{status}");
    }
}

// ---- The organization of a goal ----

#[test]
fn the_goal_form_sets_the_organization_and_a_new_goal_takes_the_one_shown() {
    let mut u = Tui::new();
    let acme = u.t.repo.add_organization("Acme").unwrap().id;
    u.t.repo.add_organization("Beta").unwrap();
    u.app.tick();
    // Under the filter, a new top-level goal belongs to Acme and stays in view.
    u.keys(&["5", "O", "a", "text:Ship billing", "C-s"]);
    let tree = u.t.repo.goal_tree().unwrap();
    let g = tree.iter().find(|g| g.title == "Ship billing").unwrap();
    assert_eq!(g.organization_id, Some(acme));
    assert!(u.screen(80, 24).contains("Ship billing"));
    // The form names it, and can change it: Tab to Org, Down to Beta.
    u.keys(&["O", "O", "e"]);
    let s = u.screen(80, 24);
    assert!(s.contains("Org"), "{s}");
    assert!(s.contains("Acme"), "{s}");
    for _ in 0..4 {
        u.keys(&["Tab"]);
    }
    u.keys(&["Down", "C-s"]);
    let g = u.t.repo.goal(g.id).unwrap();
    let beta =
        u.t.repo
            .organizations()
            .unwrap()
            .into_iter()
            .find(|o| o.name == "Beta")
            .unwrap();
    assert_eq!(g.organization_id, Some(beta.id));
}

// ---- The mouse ----

fn mouse(u: &mut Tui, kind: MouseEventKind, col: u16, row: u16) {
    u.app.handle_event(&Event::Mouse(MouseEvent {
        kind,
        column: col,
        row,
        modifiers: KeyModifiers::NONE,
    }));
}

fn row_of(screen: &str, needle: &str) -> (u16, u16) {
    for (y, line) in screen.lines().enumerate() {
        if let Some(x) = line.find(needle) {
            let col = line[..x].chars().count();
            return (col as u16, y as u16);
        }
    }
    panic!("{needle:?} not on the screen:\n{screen}");
}

#[test]
fn a_click_switches_tabs_and_selects_rows_and_the_wheel_scrolls() {
    let mut u = Tui::new();
    for t in ["Alpha task", "Beta task", "Gamma task"] {
        u.t.repo.add_task(day("2026-11-22"), &task(t)).unwrap();
    }
    u.app.tick();
    let s = u.screen(80, 24);
    let (x, y) = row_of(&s, "1 Focus");
    mouse(&mut u, MouseEventKind::Down(MouseButton::Left), x + 2, y);
    assert_eq!(u.app.current(), worklog::tui::panes::PaneId::Focus);
    let s = u.screen(80, 24);
    let (_, y) = row_of(&s, "Gamma task");
    mouse(&mut u, MouseEventKind::Down(MouseButton::Left), 3, y);
    assert_eq!(u.app.panes.focus.selected().unwrap().title, "Gamma task");
    mouse(&mut u, MouseEventKind::ScrollUp, 3, y);
    assert_eq!(u.app.panes.focus.selected().unwrap().title, "Beta task");
    mouse(&mut u, MouseEventKind::ScrollDown, 3, y);
    assert_eq!(u.app.panes.focus.selected().unwrap().title, "Gamma task");
    // A click in a form moves to the field clicked; the list behind takes no clicks.
    u.keys(&["e"]);
    let s = u.screen(80, 24);
    let (x, y) = row_of(&s, "Notes");
    mouse(&mut u, MouseEventKind::Down(MouseButton::Left), x + 12, y);
    u.keys(&["text:clicked", "C-s"]);
    let tasks = u.t.repo.tasks_on(day("2026-11-22")).unwrap();
    let g = tasks.iter().find(|t| t.title == "Gamma task").unwrap();
    assert_eq!(g.notes, "clicked");
}

#[test]
fn mouse_false_in_the_config_file_is_read_and_anything_else_refused() {
    let path = std::path::Path::new("/c.toml");
    let on = worklog::config::parse("", path).unwrap();
    assert!(on.mouse, "on by default");
    let off = worklog::config::parse("mouse = false\n", path).unwrap();
    assert!(!off.mouse);
    let err = worklog::config::parse("mouse = \"no\"\n", path).unwrap_err();
    assert!(
        err.0.contains("/c.toml:1: mouse must be true or false"),
        "{}",
        err.0
    );
}

// ---- Snapshots of the screens this changes, at 80×24 and 120×40 ----

fn snap(u: &mut Tui, name: &str) {
    insta::assert_snapshot!(format!("{name}_80x24"), u.screen(80, 24));
    insta::assert_snapshot!(format!("{name}_120x40"), u.screen(120, 40));
}

#[test]
fn snapshots() {
    // Goals under an organization that has none of them.
    let mut u = goals_elsewhere();
    u.keys(&["5", "O"]);
    snap(&mut u, "goals_hidden_by_organization");
    // The goal form with its Org field, opened under the filter.
    u.keys(&["a"]);
    snap(&mut u, "goal_form_organization");
    u.keys(&["Esc"]);

    // The date prompt over the status line, with a word being typed.
    let mut u = Tui::new();
    for (t, when) in [
        ("First", "2026-11-01T09:00:00"),
        ("Second", "2026-11-10T09:00:00"),
    ] {
        u.t.repo
            .add_learning(&worklog::model::LearningDraft {
                at: Some(at(when)),
                title: t.into(),
                ..Default::default()
            })
            .unwrap();
    }
    u.app.tick();
    u.keys(&["2", ":", "text:last mon", "Left", "Left", "Left"]);
    snap(&mut u, "date_prompt");
    // Where it landed, said in the status line.
    u.keys(&["C-u", "Enter"]);
    snap(&mut u, "date_landed");

    // The filter with its cursor inside the text.
    let mut u = Tui::new();
    u.t.repo
        .add_task(day("2026-11-22"), &task("Write the report"))
        .unwrap();
    u.app.tick();
    u.keys(&["1", "/", "text:write report", "M-b"]);
    snap(&mut u, "filter_cursor");
}

#[test]
fn a_paste_goes_into_the_date_prompt() {
    let mut u = Tui::new();
    u.keys(&["1", ":"]);
    u.app.handle_event(&Event::Paste("2026-11-03\n".into()));
    u.keys(&["Enter"]);
    assert_eq!(u.app.panes.focus.day(), day("2026-11-03"));
}

#[test]
fn ctrl_c_and_ctrl_z_reach_the_app_from_the_search_box_and_the_date_prompt() {
    let mut u = Tui::new();
    u.keys(&["C-f", "text:abc", "C-z"]);
    assert!(u.app.take_suspend(), "Ctrl-Z is the app's, not the query's");
    u.keys(&["Esc", "1", ":", "C-z"]);
    assert!(u.app.take_suspend());
    assert!(!u.app.take_suspend(), "once");
    u.keys(&["C-c"]);
    assert!(u.app.should_quit());
}

#[test]
fn a_demo_under_the_organization_filter_says_both() {
    let u = goals_elsewhere();
    let mut app = u
        .reopen()
        .with_demo(std::path::PathBuf::from("/tmp/worklog-demo"));
    press(&mut app, &["O"]);
    for w in [80, 120] {
        let s = screen(&mut app, w, 24);
        let tabs = s.lines().next().unwrap();
        assert!(tabs.contains("only Acme (O) · DEMO"), "{tabs}");
    }
}

#[test]
fn a_skill_page_goes_to_its_journal_entry_nearest_the_date() {
    let mut u = Tui::new();
    let r = &u.t.repo;
    let s = r
        .add_skill(&worklog::model::SkillDraft {
            name: "Rust".into(),
            category: "Languages".into(),
            ..Default::default()
        })
        .unwrap();
    for (t, when) in [
        ("Borrowing", "2026-10-01T09:00:00"),
        ("Lifetimes", "2026-11-05T09:00:00"),
        ("Async", "2026-11-20T09:00:00"),
    ] {
        r.add_learning(&worklog::model::LearningDraft {
            at: Some(at(when)),
            title: t.into(),
            skill_ids: vec![s.id],
            ..Default::default()
        })
        .unwrap();
    }
    u.app.tick();
    // The list of skills has no dates; a skill's page has.
    u.keys(&["3", ":"]);
    assert_ne!(u.app.contexts()[0], Context::DatePrompt);
    u.keys(&["Enter", ":", "text:2026-11-10", "Enter"]);
    assert!(message(&u).contains("showing Thu 5 Nov"), "{}", message(&u));
    u.keys(&["Enter"]); // opens the selected entry in the Journal
    assert_eq!(u.app.panes.journal.selected().unwrap().title, "Lifetimes");
}
