//! What the screen shows: snapshots of Focus and Energy at 80×24 and 120×40 on data with
//! emoji, CJK and control characters (no raw ESC may reach the buffer), every tiny size from
//! 0×0 to 20×10 without a panic, and the "too small" message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod tui_support;
use common::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tui_support::*;
use worklog::model::{Priority, TaskStatus};
use worklog::tui::app::App;
use worklog::tui::theme::Theme;

fn populated() -> Tui {
    let t = db_at("2026-11-22T09:30:00");
    let r = &t.repo;
    let today = day("2026-11-22");
    let y = day("2026-11-21");
    let a = r
        .add_task(
            today,
            &task_with(
                "Ship the 🚀 release notes",
                Priority::HIGH,
                Some(90),
                &["release", "writing"],
            ),
        )
        .unwrap();
    r.set_task_status(a.id, 1, TaskStatus::Done).unwrap();
    let b = r
        .add_task(
            today,
            &task_with(
                "日本語のドキュメントを翻訳する",
                Priority::NORMAL,
                Some(45),
                &["翻訳"],
            ),
        )
        .unwrap();
    r.set_task_status(b.id, 1, TaskStatus::Doing).unwrap();
    r.add_task(
        today,
        &task_with(
            "Evil \x1b[31mred\x1b[0m title\twith\ttabs\nand a newline",
            Priority::LOW,
            None,
            &[],
        ),
    )
    .unwrap();
    let carried = r.add_task(y, &task("Carried from yesterday")).unwrap();
    r.carry_tasks(&[carried.id], today).unwrap();
    let dropped = r.add_task(today, &task("Dropped idea")).unwrap();
    r.set_task_status(dropped.id, 1, TaskStatus::Dropped)
        .unwrap();
    r.add_task(y, &task("Still open from Saturday")).unwrap();
    let mut notes = task("Task with notes");
    notes.notes = "line one\n\x1b]0;pwned\x07 line two 🎉\n中文注释".into();
    r.add_task(today, &notes).unwrap();

    for (at_, level, note, tags) in [
        (
            "2026-11-22T08:05:00",
            4,
            "coffee ☕ and a walk",
            vec!["morning"],
        ),
        ("2026-11-22T09:10:00", 3, "standup \x1b[2J clear?", vec![]),
        ("2026-11-21T15:00:00", 2, "午後の眠気", vec!["slump"]),
        ("2026-11-21T10:00:00", 4, "", vec![]),
        (
            "2026-11-18T11:30:00",
            5,
            "great pairing session 🎸",
            vec!["pairing"],
        ),
        ("2026-11-02T16:45:00", 1, "migraine", vec![]),
        ("2026-10-10T09:00:00", 3, "", vec![]),
    ] {
        r.add_checkin(&checkin(at_, level, note, &tags)).unwrap();
    }
    let app = App::new(
        second_session(&t),
        Some(worklog::paths::DataDir::new(t.dir.path())),
        Theme::default(),
    );
    Tui { t, app }
}

/// [`populated`] plus what the Today, Journal and Skills panes and the people popup show:
/// meetings, action items, goals, journal entries, skills with their levels, people,
/// organizations, all with emoji, CJK and control characters.
fn populated_more() -> Tui {
    use worklog::model::*;
    let mut u = populated();
    let r = &u.t.repo;
    let acme = r.add_organization("Acme 🚀 Corp").unwrap();
    let tokyo = r.add_organization("東京 Labs\x1b[5m").unwrap();
    let person = |name: &str, org: Option<Id>, role: &str| {
        r.add_person(&PersonDraft {
            name: name.into(),
            organization_id: org,
            role: role.into(),
            email: format!("{}@example.com", name.len()),
            notes: String::new(),
        })
        .unwrap()
    };
    let ana = person("Ana Souza", Some(acme.id), "Engineering manager");
    let hiro = person("田中 ヒロ", Some(tokyo.id), "Backend \x1b[31mengineer");
    person("Evil \x1b]0;title\x07 name", None, "");
    let standup = r
        .add_meeting(&MeetingDraft {
            starts_at: at("2026-11-22T09:00:00"),
            duration_minutes: Some(15),
            title: "Standup 🧍".into(),
            kind: MeetingKind::Team,
            notes: String::new(),
            attendee_ids: vec![ana.id, hiro.id],
            tags: vec![],
        })
        .unwrap();
    r.add_meeting(&MeetingDraft {
        starts_at: at("2026-11-22T14:00:00"),
        duration_minutes: Some(30),
        title: "1:1 \x1b[2J with 田中".into(),
        kind: MeetingKind::OneOnOne,
        notes: String::new(),
        attendee_ids: vec![hiro.id],
        tags: vec![],
    })
    .unwrap();
    for (title, owner, due) in [
        ("Send the 📊 slides", None, Some("2026-11-19")),
        ("レビューを書く", Some(hiro.id), Some("2026-11-22")),
        ("Book \x1b[1mroom\x1b[0m", Some(ana.id), Some("2026-12-01")),
        ("Someday, maybe", None, None),
    ] {
        r.add_action_item(&ActionItemDraft {
            title: title.into(),
            source: ActionSource::Meeting(standup.id),
            owner_id: owner,
            due_date: due.map(day),
        })
        .unwrap();
    }
    let g = r
        .add_goal(&GoalDraft {
            title: "Ship v2 🚢".into(),
            target_date: Some(day("2026-11-30")),
            ..GoalDraft::default()
        })
        .unwrap();
    let m = r.add_milestone(g.id, "beta", None).unwrap();
    r.add_milestone(g.id, "launch", None).unwrap();
    r.add_milestone(g.id, "docs", None).unwrap();
    r.set_milestone_done(m.id, m.version, true).unwrap();
    r.add_goal(&GoalDraft {
        title: "日本語の資格 \x1b[7m".into(),
        organization_id: Some(tokyo.id),
        target_date: Some(day("2026-12-04")),
        ..GoalDraft::default()
    })
    .unwrap();
    let skill = |name: &str,
                 cat: &str,
                 target: Option<u8>,
                 org: Option<Id>,
                 levels: &[(u8, &str, &str)]| {
        let s = r
            .add_skill(&SkillDraft {
                name: name.into(),
                category: cat.into(),
                description: "What it takes \x1b[31m to be good at it 💪".into(),
                target_level: target,
                organization_id: org,
                tags: vec!["craft".into()],
            })
            .unwrap();
        for (lvl, d, note) in levels {
            r.record_skill_level(s.id, *lvl, day(d), note).unwrap();
        }
        s
    };
    let rust = skill(
        "Rust 🦀",
        "Languages",
        Some(4),
        None,
        &[
            (1, "2025-12-01", "started"),
            (2, "2026-03-10", "wrote a CLI 🛠"),
            (3, "2026-08-20", "led the \x1b[1mrewrite"),
        ],
    );
    skill(
        "日本語",
        "Languages",
        Some(3),
        Some(tokyo.id),
        &[(1, "2026-01-15", "")],
    );
    skill("Public speaking", "People", Some(3), Some(acme.id), &[]);
    skill(
        "SQL \x1b[31m",
        "Data",
        None,
        None,
        &[(3, "2025-06-01", "window functions"), (4, "2025-07-01", "")],
    );
    for (i, (title, body, tags, starred)) in [
        (
            "WAL checkpoints 📒",
            "Checkpoints move pages back.\nSecond line with 日本語 and a very long sentence that has to wrap somewhere in the preview pane because it is long.\n\x1b]0;pwned\x07 evil line",
            vec!["sqlite", "db"],
            true,
        ),
        ("借用チェッカー", "所有権と借用", vec!["rust"], false),
        ("Evil \x1b[31mtitle\x1b[0m", "body\twith\ttabs", vec![], false),
    ]
    .into_iter()
    .enumerate()
    {
        r.add_learning(&LearningDraft {
            at: Some(at(&format!("2026-11-2{}T1{i}:00:00", 2 - i))),
            title: title.into(),
            body: body.into(),
            starred,
            tags: tags.into_iter().map(String::from).collect(),
            skill_ids: vec![rust.id],
        })
        .unwrap();
    }
    u.app.tick();
    u
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
fn focus_snapshots() {
    let mut u = populated();
    u.keys(&["1", "j"]);
    insta::assert_snapshot!("focus_80x24", draw(&mut u.app, 80, 24).backend());
    insta::assert_snapshot!("focus_120x40", draw(&mut u.app, 120, 40).backend());
    let s = u.screen(80, 24);
    assert!(s.contains("␛[31mred␛[0m"), "escape shown as a symbol: {s}");
    assert!(s.contains("↻1"));
    u.keys(&["G", "e"]);
    insta::assert_snapshot!("focus_form_80x24", draw(&mut u.app, 80, 24).backend());
}

#[test]
fn energy_snapshots() {
    let mut u = populated();
    u.keys(&["7"]);
    insta::assert_snapshot!("energy_80x24", draw(&mut u.app, 80, 24).backend());
    insta::assert_snapshot!("energy_120x40", draw(&mut u.app, 120, 40).backend());
    u.keys(&["v"]);
    insta::assert_snapshot!("energy_90d_120x40", draw(&mut u.app, 120, 40).backend());
    let s = u.screen(80, 24);
    assert!(s.contains("standup ␛[2J clear?"), "{s}");
}

#[test]
fn help_and_conflict_snapshots() {
    let mut u = populated();
    u.keys(&["7", "?"]);
    insta::assert_snapshot!("energy_help_80x24", draw(&mut u.app, 80, 24).backend());
    u.keys(&["Esc", "0", "1", "e", "text: (mine)"]);
    let t = u.t.repo.tasks_on(day("2026-11-22")).unwrap().remove(0);
    let mut theirs = task_with("Theirs: 日本語 🚀", Priority::LOW, Some(30), &["other"]);
    theirs.notes = "their \x1b notes".into();
    u.t.repo
        .update_task(t.id, t.stamp.version, &theirs)
        .unwrap();
    u.keys(&["C-s"]);
    insta::assert_snapshot!("focus_conflict_80x24", draw(&mut u.app, 80, 24).backend());
    insta::assert_snapshot!("focus_conflict_120x40", draw(&mut u.app, 120, 40).backend());
}

#[test]
fn no_colour_mode_still_marks_the_selection() {
    let t = db_at("2026-11-22T09:30:00");
    t.repo
        .add_task(day("2026-11-22"), &task("only task"))
        .unwrap();
    let mut app = App::new(second_session(&t), None, Theme::monochrome());
    press(&mut app, &["1"]);
    let terminal = draw(&mut app, 80, 24);
    let buf = terminal.backend().buffer();
    for cell in buf.content() {
        assert_eq!(
            cell.fg,
            ratatui::style::Color::Reset,
            "no colour with NO_COLOR"
        );
        assert_eq!(cell.bg, ratatui::style::Color::Reset);
    }
    let row = (0..24)
        .find(|y| {
            (0..80)
                .map(|x| buf[(x, *y)].symbol())
                .collect::<String>()
                .contains("only task")
        })
        .unwrap();
    assert!(
        buf[(6, row)]
            .modifier
            .contains(ratatui::style::Modifier::REVERSED),
        "the selected row is reversed"
    );
}

#[test]
fn every_tiny_size_renders_without_panic() {
    let mut u = populated();
    let states: [&[&str]; 6] = [&[], &["1"], &["e"], &["Esc", "C"], &["Esc", "7"], &["4"]];
    for keys in states {
        u.keys(keys);
        for w in 0..=20 {
            for h in 0..=10 {
                draw(&mut u.app, w, h);
            }
        }
        // And the odd sizes around the minimum and very large ones.
        for (w, h) in [
            (59, 16),
            (60, 15),
            (60, 16),
            (61, 17),
            (79, 24),
            (80, 23),
            (80, 24),
            (81, 25),
            (300, 100),
            (1000, 30),
        ] {
            draw(&mut u.app, w, h);
        }
    }
}

#[test]
fn too_small_says_so() {
    let mut u = populated();
    let s = u.screen(59, 16);
    assert!(
        s.contains("terminal too small: 59×16, worklog needs 60×16"),
        "{s}"
    );
    let s = u.screen(60, 15);
    assert!(s.contains("terminal too small"), "{s}");
    let s = u.screen(20, 10);
    assert!(s.contains("too small"), "{s}");
    // A phone's SSH session or a split tmux pane gets a compact layout, not a refusal.
    let s = u.screen(60, 16);
    assert!(!s.contains("too small"), "{s}");
    let s = u.screen(80, 24);
    assert!(!s.contains("too small"));
}

#[test]
fn panes_draw_in_any_area_even_smaller_than_the_app_gives_them() {
    use worklog::tui::panes::PaneId;
    let mut u = populated();
    for keys in [&[][..], &["/", "text:a"][..], &["Esc", "e"][..]] {
        u.keys(keys);
        for id in [
            PaneId::Focus,
            PaneId::Energy,
            PaneId::Today,
            PaneId::Journal,
            PaneId::Skills,
        ] {
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

#[test]
fn today_snapshots() {
    let mut u = populated_more();
    u.keys(&["0", "j", "j"]);
    insta::assert_snapshot!("today_80x24", draw(&mut u.app, 80, 24).backend());
    insta::assert_snapshot!("today_120x40", draw(&mut u.app, 120, 40).backend());
    let s = u.screen(120, 40);
    assert!(s.contains("1:1 ␛[2J with"), "{s}");
    u.keys(&["O", "O"]);
    insta::assert_snapshot!("today_org_80x24", draw(&mut u.app, 80, 24).backend());
}

#[test]
fn journal_snapshots() {
    let mut u = populated_more();
    u.keys(&["2"]);
    insta::assert_snapshot!("journal_80x24", draw(&mut u.app, 80, 24).backend());
    insta::assert_snapshot!("journal_120x40", draw(&mut u.app, 120, 40).backend());
    let s = u.screen(120, 40);
    assert!(s.contains("␛]0;pwned␇ evil line"), "{s}");
    u.keys(&["e"]);
    insta::assert_snapshot!("journal_form_80x24", draw(&mut u.app, 80, 24).backend());
    u.keys(&["Esc", "#"]);
    insta::assert_snapshot!(
        "journal_tag_picker_80x24",
        draw(&mut u.app, 80, 24).backend()
    );
}

#[test]
fn skills_snapshots() {
    let mut u = populated_more();
    u.keys(&["3"]);
    insta::assert_snapshot!("skills_80x24", draw(&mut u.app, 80, 24).backend());
    insta::assert_snapshot!("skills_120x40", draw(&mut u.app, 120, 40).backend());
    u.keys(&["v", "k", "Enter"]);
    insta::assert_snapshot!("skill_detail_80x24", draw(&mut u.app, 80, 24).backend());
    insta::assert_snapshot!("skill_detail_120x40", draw(&mut u.app, 120, 40).backend());
    u.keys(&["r"]);
    insta::assert_snapshot!("skill_assess_80x24", draw(&mut u.app, 80, 24).backend());
}

#[test]
fn people_popup_snapshots() {
    let mut u = populated_more();
    u.keys(&["P"]);
    insta::assert_snapshot!("people_80x24", draw(&mut u.app, 80, 24).backend());
    u.keys(&["Tab"]);
    insta::assert_snapshot!("tags_120x40", draw(&mut u.app, 120, 40).backend());
    u.keys(&["Tab"]);
    insta::assert_snapshot!("organizations_80x24", draw(&mut u.app, 80, 24).backend());
    u.keys(&["BackTab", "BackTab", "m", "Enter"]);
    insta::assert_snapshot!("merge_confirm_80x24", draw(&mut u.app, 80, 24).backend());
}

#[test]
fn new_panes_and_the_popup_draw_at_every_tiny_size() {
    let mut u = populated_more();
    let states: [&[&str]; 9] = [
        &["0"],
        &["2"],
        &["e"],
        &["Esc", "3"],
        &["Enter"],
        &["r"],
        &["Esc", "Esc", "P"],
        &["m"],
        &["Enter"],
    ];
    for keys in states {
        u.keys(keys);
        for w in 0..=24 {
            for h in 0..=12 {
                draw(&mut u.app, w, h);
            }
        }
        for (w, h) in [(80, 24), (81, 25), (300, 100), (1000, 30)] {
            draw(&mut u.app, w, h);
        }
    }
}

/// Characters that are invisible or move text (line and paragraph separators, bidi marks,
/// zero-width space, BOM).
const INVISIBLE: [char; 7] = [
    '\u{2028}', '\u{2029}', '\u{200e}', '\u{200f}', '\u{061c}', '\u{200b}', '\u{feff}',
];

/// U+2028/U+2029 broke the layout (a terminal moves to the next line); they and the invisible
/// marks show as placeholders, and every row of the screen keeps its width.
#[test]
fn line_separators_and_invisible_marks_show_as_placeholders() {
    let mut u = Tui::new();
    let title = "one\u{2028}two\u{2029}three \u{200e}l\u{200f}r\u{061c}a \u{200b}z\u{feff}b end";
    u.t.repo.add_task(day("2026-11-22"), &task(title)).unwrap();
    u.app.tick();
    u.keys(&["1"]);
    let terminal = draw(&mut u.app, 80, 24);
    let buf = terminal.backend().buffer();
    for cell in buf.content() {
        assert!(
            !cell.symbol().chars().any(|c| INVISIBLE.contains(&c)),
            "{:?} reached the buffer",
            cell.symbol()
        );
    }
    let s = u.screen(80, 24);
    assert!(s.contains("one⏎two¶three"), "{s}");
    assert!(s.contains("end"), "{s}");
    for line in s.lines() {
        assert_eq!(worklog::text::width(line), 80, "{line:?}");
    }
    // The edit form shows the title too.
    u.keys(&["e"]);
    let terminal = draw(&mut u.app, 80, 24);
    for cell in terminal.backend().buffer().content() {
        assert!(
            !cell.symbol().chars().any(|c| INVISIBLE.contains(&c)),
            "{:?} reached the buffer in the form",
            cell.symbol()
        );
    }
    let s = u.screen(80, 24);
    assert!(
        s.contains("Edit task") && s.contains("Title     one⏎two¶three"),
        "{s}"
    );
}

/// A demo session says in the tab bar that its data is throwaway and where it is: beside the
/// full tabs when there is room, else the other tabs shrink to their digits.
#[test]
fn demo_tab_bar_snapshots() {
    let u = populated();
    let mut app = u
        .reopen()
        .with_demo(std::path::PathBuf::from("/tmp/worklog-demo-AbC123"));
    press(&mut app, &["1"]);
    insta::assert_snapshot!("demo_80x24", draw(&mut app, 80, 24).backend());
    insta::assert_snapshot!("demo_120x40", draw(&mut app, 120, 40).backend());
    let long = u.reopen().with_demo(std::path::PathBuf::from(format!(
        "/home/{}/worklog-demo-XyZ789",
        "x".repeat(80)
    )));
    let mut long = long;
    let s = screen(&mut long, 80, 24);
    let top = s.lines().next().unwrap_or_default();
    assert!(top.contains("throwaway data in …"), "{top}");
    assert!(top.contains("worklog-demo-XyZ789"), "{top}");
}
