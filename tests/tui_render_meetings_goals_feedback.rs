//! What Meetings, Goals and Feedback show: snapshots at 80×24 and 120×40 on data with emoji,
//! CJK and control characters (no raw control character may reach the buffer), and every
//! small size, in every view and popup, without a panic.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod tui_support;
use common::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tui_support::*;
use worklog::model::*;
use worklog::tui::app::App;
use worklog::tui::panes::PaneId;
use worklog::tui::theme::Theme;

fn populated() -> Tui {
    let t = db_at("2026-11-22T09:30:00");
    let r = &t.repo;
    let ada = r.find_or_add_person("Ada Lovelace").unwrap().id;
    let chen = r.find_or_add_person("陈伟 Chen").unwrap().id;
    let evil = r
        .find_or_add_person("Mallory \u{1b}]0;pwned\u{7}")
        .unwrap()
        .id;

    let mut planning = meeting("2026-11-22T09:00:00", "Sprint planning 🚀", &[ada, chen]);
    planning.notes =
        "Goals for the sprint:\n- ship \u{1b}[31mred\u{1b}[0m fix\n- 日本語のドキュメント".into();
    planning.tags = vec!["sprint".into()];
    planning.kind = MeetingKind::Planning;
    let planning = r.add_meeting(&planning).unwrap().id;
    let mut one = meeting("2026-11-21T14:00:00", "1:1 \u{1b}[1mbold\u{1b}[0m", &[evil]);
    one.kind = MeetingKind::OneOnOne;
    one.duration_minutes = Some(45);
    let one = r.add_meeting(&one).unwrap().id;
    let mut review = meeting("2026-11-18T11:00:00", "設計レビュー", &[ada, chen, evil]);
    review.kind = MeetingKind::Review;
    review.duration_minutes = None;
    r.add_meeting(&review).unwrap();

    let item = |title: &str, source, owner, due: Option<&str>| {
        r.add_action_item(&ActionItemDraft {
            title: title.into(),
            source,
            owner_id: owner,
            due_date: due.map(day),
        })
        .unwrap()
    };
    item(
        "Send the notes 📝",
        ActionSource::Meeting(planning),
        Some(ada),
        Some("2026-11-23"),
    );
    let promoted = item(
        "Book a \u{1b}[7mroom",
        ActionSource::Meeting(planning),
        None,
        Some("2026-11-20"),
    );
    r.promote_action_item(promoted.id, day("2026-11-22"))
        .unwrap();
    let done = item(
        "Agree on scope",
        ActionSource::Meeting(planning),
        Some(chen),
        None,
    );
    r.set_action_item_done(done.id, 1, true).unwrap();
    item(
        "Ask about the 休暇",
        ActionSource::Meeting(one),
        Some(evil),
        None,
    );

    let ship = r.add_goal(&goal("Ship 🚀 2.0", None)).unwrap();
    let mut docs = goal("日本語ドキュメント", Some(ship.id));
    docs.target_date = Some(day("2026-12-15"));
    let docs = r.add_goal(&docs).unwrap().id;
    let m1 = r
        .add_milestone(docs, "Translate the guide 翻訳", Some(day("2026-11-30")))
        .unwrap();
    r.set_milestone_done(m1.id, m1.version, true).unwrap();
    r.add_milestone(docs, "Review with \u{1b}[31mChen", None)
        .unwrap();
    r.add_goal(&goal("Evil \u{1b}[31m goal\tname", Some(ship.id)))
        .unwrap();
    let mut rust = goal("Learn Rust 🦀", None);
    rust.target_date = Some(day("2026-11-01"));
    rust.description = "Read the book\nwith \u{1b}[2J a twist".into();
    let rust = r.add_goal(&rust).unwrap();
    r.set_goal_status(rust.id, 1, GoalStatus::Paused).unwrap();
    let mut linked = task("Chapter 8 📖");
    linked.goal_id = Some(rust.id);
    r.add_task(day("2026-11-21"), &linked).unwrap();

    let mut praise = feedback(ada, "Great demo 🎉\nsecond line");
    praise.direction = Direction::Given;
    praise.day = day("2026-11-21");
    praise.tags = vec!["demo".into()];
    r.add_feedback(&praise).unwrap();
    let mut thanks = feedback(chen, "コードレビューありがとう");
    thanks.kind = FeedbackKind::Recognition;
    r.add_feedback(&thanks).unwrap();
    let mut wipe = feedback(evil, "\u{1b}[2J wipe the screen");
    wipe.kind = FeedbackKind::Constructive;
    wipe.meeting_id = Some(one);
    wipe.day = day("2026-11-19");
    let wipe = r.add_feedback(&wipe).unwrap();
    r.add_action_item(&ActionItemDraft {
        title: "Practise the \u{1b}[5mdemo".into(),
        source: ActionSource::Feedback(wipe.id),
        owner_id: None,
        due_date: Some(day("2026-11-25")),
    })
    .unwrap();

    let app = App::new(
        second_session(&t),
        Some(worklog::paths::DataDir::new(t.dir.path())),
        Theme::default(),
    );
    Tui { t, app }
}

fn draw(app: &mut App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| app.draw(f)).unwrap();
    let buf = terminal.backend().buffer();
    for cell in buf.content() {
        assert!(
            !cell.symbol().chars().any(|c| c.is_control()),
            "control character {:?} reached the buffer",
            cell.symbol()
        );
    }
    terminal
}

#[test]
fn meetings_snapshots() {
    let mut u = populated();
    u.keys(&["4"]);
    insta::assert_snapshot!("meetings_80x24", draw(&mut u.app, 80, 24).backend());
    insta::assert_snapshot!("meetings_120x40", draw(&mut u.app, 120, 40).backend());
    u.keys(&["Enter"]);
    insta::assert_snapshot!("meeting_80x24", draw(&mut u.app, 80, 24).backend());
    let s = u.screen(100, 30);
    assert!(s.contains("ship ␛[31mred␛[0m fix"), "{s}");
    assert!(s.contains("→ task #1 on 2026-11-22"), "{s}");
    u.keys(&["Esc", "j", "Enter", "@"]);
    insta::assert_snapshot!("person_80x24", draw(&mut u.app, 80, 24).backend());
    u.keys(&["Esc", "Esc", "a"]);
    insta::assert_snapshot!("meeting_form_80x24", draw(&mut u.app, 80, 24).backend());
}

#[test]
fn goals_snapshots() {
    let mut u = populated();
    u.keys(&["5"]);
    insta::assert_snapshot!("goals_80x24", draw(&mut u.app, 80, 24).backend());
    u.keys(&["j"]);
    insta::assert_snapshot!("goals_120x40", draw(&mut u.app, 120, 40).backend());
    u.keys(&["Enter"]);
    insta::assert_snapshot!("goal_80x24", draw(&mut u.app, 80, 24).backend());
    let s = u.screen(80, 24);
    assert!(s.contains("Review with ␛[31mChen"), "{s}");
}

#[test]
fn feedback_snapshots() {
    let mut u = populated();
    u.keys(&["6"]);
    insta::assert_snapshot!("feedback_80x24", draw(&mut u.app, 80, 24).backend());
    insta::assert_snapshot!("feedback_120x40", draw(&mut u.app, 120, 40).backend());
    u.keys(&["G", "Enter"]);
    insta::assert_snapshot!("feedback_item_80x24", draw(&mut u.app, 80, 24).backend());
    let s = u.screen(80, 24);
    assert!(s.contains("␛[2J wipe the screen"), "{s}");
}

#[test]
fn no_colour_mode_marks_the_selection_in_every_new_pane() {
    let t = populated().t;
    let mut app = App::new(second_session(&t), None, Theme::monochrome());
    for pane in ["4", "5", "6"] {
        press(&mut app, &[pane]);
        let terminal = draw(&mut app, 80, 24);
        let buf = terminal.backend().buffer();
        assert!(
            buf.content()
                .iter()
                .all(|c| c.fg == ratatui::style::Color::Reset)
        );
        let reversed = (0..24).any(|y| {
            (0..80).any(|x| {
                buf[(x, y)]
                    .modifier
                    .contains(ratatui::style::Modifier::REVERSED)
                    && buf[(x, y)].symbol() != " "
            })
        });
        assert!(reversed, "pane {pane}: the selected row is reversed");
    }
}

#[test]
fn every_view_draws_at_every_small_size() {
    let mut u = populated();
    let states: [&[&str]; 14] = [
        &["4"],
        &["Enter"],
        &["p"],
        &["Esc", "a"],
        &["Esc", "Esc", "@"],
        &["Enter"],
        &["Esc", "Esc", "a"],
        &["Esc", "5"],
        &["m"],
        &["Esc", "Enter"],
        &["d"],
        &["n", "Esc", "6", "Enter"],
        &["Esc", "@"],
        &["Esc", "a"],
    ];
    for keys in states {
        u.keys(keys);
        for w in 0..=24 {
            for h in 0..=12 {
                draw(&mut u.app, w, h);
            }
        }
        for (w, h) in [
            (80, 24),
            (81, 25),
            (120, 40),
            (160, 48),
            (300, 100),
            (1000, 30),
        ] {
            draw(&mut u.app, w, h);
        }
        // The panes alone, in areas smaller than the app ever gives them.
        for id in [PaneId::Meetings, PaneId::Goals, PaneId::Feedback] {
            for w in 0..=30 {
                for h in 0..=12 {
                    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
                    terminal
                        .draw(|f| u.app.panes.get_mut(id).render(f, f.area()))
                        .unwrap();
                }
            }
        }
    }
}
