//! `Repo::tasks_by_ids`: the focus tasks action items were promoted to, in one query.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::*;
use worklog::model::{ActionItemDraft, ActionSource, Deletable, TaskDraft};

fn task(title: &str) -> TaskDraft {
    TaskDraft {
        title: title.into(),
        ..TaskDraft::default()
    }
}

on_both_backends! {
    #[test]
    fn tasks_by_ids_keeps_the_order_asked_and_leaves_out_deleted_and_missing() {
        let t = db();
        let r = &t.repo;
        let a = r.add_task(day("2026-11-22"), &task("a")).unwrap();
        let b = r.add_task(day("2026-11-23"), &task("b 日本語")).unwrap();
        let c = r.add_task(day("2026-11-24"), &task("c")).unwrap();
        r.delete(Deletable::Task, c.id).unwrap();
        let got = r.tasks_by_ids(&[b.id, 9999, a.id, c.id, b.id]).unwrap();
        let ids: Vec<_> = got.iter().map(|t| t.id).collect();
        assert_eq!(ids, vec![b.id, a.id]);
        assert_eq!(got[0].day, day("2026-11-23"));
        assert!(r.tasks_by_ids(&[]).unwrap().is_empty());
    }

    #[test]
    fn a_promoted_item_finds_its_task_and_the_task_knows_its_item() {
        let t = db();
        let r = &t.repo;
        let item = r
            .add_action_item(&ActionItemDraft {
                title: "follow up".into(),
                source: ActionSource::None,
                owner_id: None,
                due_date: None,
            })
            .unwrap();
        let task = r.promote_action_item(item.id, day("2026-11-25")).unwrap();
        let item = r.action_item(item.id).unwrap();
        let found = r.tasks_by_ids(&[item.task_id.unwrap()]).unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].id, task.id);
        assert_eq!(found[0].day, day("2026-11-25"));
        assert_eq!(found[0].action_item_id, Some(item.id));
    }
}
