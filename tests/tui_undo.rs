//! `u` undoes the last change of any kind, in any pane, and Ctrl-R redoes it: driven by keys
//! against a real database file.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod tui_support;
use common::*;
use tui_support::*;
use worklog::model::*;
use worklog::tui::keymap::Context;

fn status_line(u: &mut Tui) -> String {
    u.screen(100, 30)
}

on_both_backends! {
    #[test]
    fn a_status_change_is_undone_and_redone_and_the_line_says_what() {
        let mut u = Tui::with(db());
        let id =
            u.t.repo
                .add_task(day("2026-11-22"), &task("Write report"))
                .unwrap()
                .id;
        u.keys(&["1", "Space"]);
        assert_eq!(u.t.repo.task(id).unwrap().status, TaskStatus::Done);
        u.keys(&["u"]);
        assert_eq!(u.t.repo.task(id).unwrap().status, TaskStatus::Todo);
        let s = status_line(&mut u);
        assert!(s.contains("Undid: marked \"Write report\" done"), "{s}");
        u.keys(&["C-r"]);
        assert_eq!(u.t.repo.task(id).unwrap().status, TaskStatus::Done);
        let s = status_line(&mut u);
        assert!(s.contains("Redid: marked \"Write report\" done"), "{s}");
        u.keys(&["u", "u"]);
        let s = status_line(&mut u);
        assert!(s.contains("nothing to undo"), "{s}");
    }

    #[test]
    fn an_edit_made_in_one_pane_is_undone_from_another() {
        let mut u = Tui::with(db());
        let id =
            u.t.repo
                .add_task(day("2026-11-22"), &task("Plan"))
                .unwrap()
                .id;
        u.keys(&["1", "e", "text: the week", "C-s"]);
        assert_eq!(u.t.repo.task(id).unwrap().title, "Plan the week");
        u.keys(&["2", "u"]);
        assert_eq!(u.t.repo.task(id).unwrap().title, "Plan");
        let s = status_line(&mut u);
        assert!(s.contains("Undid: edited task \"Plan the week\""), "{s}");
    }

    #[test]
    fn an_undo_over_a_change_made_elsewhere_is_refused_and_says_so() {
        let mut u = Tui::with(db());
        let id =
            u.t.repo
                .add_task(day("2026-11-22"), &task("Plan"))
                .unwrap()
                .id;
        u.keys(&["1", "Space"]);
        let now = u.t.repo.task(id).unwrap();
        u.t.repo
            .update_task(id, now.stamp.version, &task("Plan (theirs)"))
            .unwrap();
        u.keys(&["u"]);
        let kept = u.t.repo.task(id).unwrap();
        assert_eq!(
            (kept.title.as_str(), kept.status),
            ("Plan (theirs)", TaskStatus::Done)
        );
        let s = status_line(&mut u);
        assert!(s.contains("could not undo"), "{s}");
        assert!(s.contains("changed since"), "{s}");
    }

    #[test]
    fn a_milestone_is_deleted_at_once_and_u_brings_it_back() {
        let mut u = Tui::with(db());
        let g = u.t.repo.add_goal(&goal("Rust", None)).unwrap().id;
        u.t.repo.add_milestone(g, "Read the book", None).unwrap();
        u.keys(&["5", "Enter", "d"]);
        assert!(
            u.t.repo.goal(g).unwrap().milestones.is_empty(),
            "no question"
        );
        assert_eq!(u.app.contexts()[0], Context::GoalDetail);
        u.keys(&["u"]);
        let ms = u.t.repo.goal(g).unwrap().milestones;
        assert_eq!(ms.len(), 1);
        assert_eq!(ms[0].title, "Read the book");
        let s = status_line(&mut u);
        assert!(
            s.contains("Undid: deleted milestone \"Read the book\""),
            "{s}"
        );
    }

    #[test]
    fn a_task_added_by_keys_is_taken_away_by_u_and_comes_back_by_ctrl_r() {
        let mut u = Tui::with(db());
        u.keys(&["1", "a", "text:Write report", "Enter"]);
        assert_eq!(u.t.repo.tasks_on(day("2026-11-22")).unwrap().len(), 1);
        u.keys(&["u"]);
        let s = status_line(&mut u);
        assert!(s.contains("Undid: added task \"Write report\""), "{s}");
        assert!(u.t.repo.tasks_on(day("2026-11-22")).unwrap().is_empty());
        u.keys(&["C-r"]);
        assert_eq!(u.t.repo.tasks_on(day("2026-11-22")).unwrap().len(), 1);
    }
}
