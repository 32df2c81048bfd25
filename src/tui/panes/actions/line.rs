//! One item as a line: its columns, the link to its task, and how the text and the list
//! share the height.

use crate::db::Repo;
use crate::model::{ActionItem, Id, Task, TaskStatus};
use crate::text::{fit, sanitize, width};
use crate::tui::theme::Theme;
use chrono::{Datelike, NaiveDate};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use std::collections::HashMap;

/// "→ task #42 on 2026-11-23" (the day when known).
pub fn link_text(task_id: Id, day: Option<NaiveDate>) -> String {
    match day {
        Some(d) => format!("→ task #{task_id} on {}", d.format("%Y-%m-%d")),
        None => format!("→ task #{task_id}"),
    }
}

/// The focus tasks the items were promoted to, by task id (one query).
pub fn linked_tasks(repo: &Repo, items: &[ActionItem]) -> anyhow::Result<HashMap<Id, Task>> {
    let ids: Vec<Id> = items.iter().filter_map(|i| i.task_id).collect();
    Ok(repo
        .tasks_by_ids(&ids)?
        .into_iter()
        .map(|t| (t.id, t))
        .collect())
}

/// The parts of an item's line after its title: owner, due date (with its style), link.
fn parts(
    item: &ActionItem,
    task: Option<&Task>,
    today: NaiveDate,
    t: Theme,
) -> (String, (String, Style), String) {
    let done = item.done_at.is_some();
    let owner = match &item.owner {
        Some(p) => format!("@{}", sanitize(&p.name)),
        None => "me".to_string(),
    };
    let due = match item.due_date {
        Some(d) if !done && d < today => (format!("overdue {}", compact_day(d, today)), t.error()),
        Some(d) if !done && d == today => ("due today".to_string(), t.warning()),
        Some(d) => (format!("due {}", compact_day(d, today)), t.dim()),
        None => (String::new(), t.dim()),
    };
    let link = item
        .task_id
        .map(|id| {
            let text = link_text(id, task.map(|t| t.day));
            match task.map(|t| t.status) {
                Some(TaskStatus::Done) => format!("{text} ✓"),
                Some(TaskStatus::Dropped) => format!("{text} (dropped)"),
                _ => text,
            }
        })
        .unwrap_or_default();
    (owner, due, link)
}

/// Column widths for a run of item lines, so owners and due dates line up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ItemCols {
    title: usize,
    owner: usize,
    due: usize,
    link: usize,
    /// Short of room: one column holds the link to the task when there is one, else the due
    /// date (a promoted item's day is its task's).
    merged: bool,
}

/// The title keeps at least this many columns; the due date and link share a column, then
/// give way, before it gets less.
const MIN_TITLE: usize = 20;

impl ItemCols {
    /// Widths for `items` in `cols` columns.
    pub fn new<'a>(
        items: impl IntoIterator<Item = (&'a ActionItem, Option<&'a Task>)>,
        cols: usize,
        today: NaiveDate,
    ) -> Self {
        let (mut title, mut owner, mut due, mut link, mut either) = (0, 0, 0, 0, 0);
        for (item, task) in items {
            let (o, (d, _), l) = parts(item, task, today, Theme::default());
            title = title.max(width(&sanitize(&item.title)));
            owner = owner.max(width(&o));
            due = due.max(width(&d));
            link = link.max(width(&l));
            either = either.max(width(if l.is_empty() { &d } else { &l }));
        }
        let mut c = ItemCols {
            title,
            owner: owner.min(16),
            due,
            link,
            merged: false,
        };
        let room = |c: &ItemCols| {
            let gap = |w: usize| if w > 0 { w + 2 } else { 0 };
            cols.saturating_sub(4 + gap(c.owner) + gap(c.due) + gap(c.link))
        };
        if room(&c) < MIN_TITLE {
            c.merged = true;
            c.due = either;
            c.link = 0;
        }
        if room(&c) < MIN_TITLE {
            c.due = 0;
        }
        c.title = c.title.max(MIN_TITLE).min(room(&c));
        c
    }
}

/// "Fri 28 Nov" this year, "28 Nov 2025" another.
pub fn compact_day(d: NaiveDate, today: NaiveDate) -> String {
    if d.year() == today.year() {
        d.format("%a %-d %b").to_string()
    } else {
        d.format("%-d %b %Y").to_string()
    }
}

/// One action item on one line: done box, title, owner, due date, link to its focus task.
pub fn item_line(
    item: &ActionItem,
    task: Option<&Task>,
    c: &ItemCols,
    today: NaiveDate,
    theme: Theme,
    selected: bool,
) -> Line<'static> {
    let t = theme;
    let sel = |s: Style| if selected { s.patch(t.selected()) } else { s };
    let done = item.done_at.is_some();
    let (owner, (due, due_style), link) = parts(item, task, today, t);
    let title_style = if done { t.done() } else { t.plain() };
    let mut spans = vec![
        Span::styled(if done { "[✓] " } else { "[ ] " }, sel(title_style)),
        Span::styled(fit(&sanitize(&item.title), c.title), sel(title_style)),
    ];
    let (due, due_style) = if c.merged && !link.is_empty() {
        (link.clone(), t.success())
    } else {
        (due, due_style)
    };
    for (text, w, style) in [
        (owner, c.owner, t.tag()),
        (due, c.due, due_style),
        (link, c.link, t.success()),
    ] {
        if w > 0 {
            spans.push(Span::styled("  ", sel(t.plain())));
            spans.push(Span::styled(fit(&text, w), sel(style)));
        }
    }
    Line::from(spans)
}

/// Splits `rect` between a text (its lines, wrapped to the width) and an item list below it
/// (a title row and `items` rows), one blank row between: the text takes what it needs when
/// everything fits; otherwise the list keeps its rows up to half the height (at least 4).
pub fn split_text_and_items(rect: Rect, text: &[Line], items: usize) -> (Rect, Rect) {
    let cols = usize::from(rect.width).max(1);
    let text_h: usize = text.iter().map(|l| l.width().div_ceil(cols).max(1)).sum();
    let h = usize::from(rect.height);
    let list_need = items.max(1) + 1;
    let text_h = if text_h + 1 + list_need <= h {
        text_h
    } else {
        let list_h = list_need.min((h / 2).max(4)).min(h);
        h.saturating_sub(list_h + 1)
    };
    let text_h = u16::try_from(text_h)
        .unwrap_or(rect.height)
        .min(rect.height);
    let gap = u16::from(text_h < rect.height);
    let text_rect = Rect {
        height: text_h,
        ..rect
    };
    let list_rect = Rect {
        y: rect.y + text_h + gap,
        height: rect.height - text_h - gap,
        ..rect
    };
    (text_rect, list_rect)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActionSource, PersonRef, Stamp};
    use chrono::{NaiveDateTime, Utc};

    fn item(done: bool, task: Option<Id>) -> ActionItem {
        ActionItem {
            id: 1,
            title: "Send the \x1b[31mnotes 日本語".into(),
            source: ActionSource::Meeting(3),
            owner: Some(PersonRef {
                id: 2,
                name: "Ada".into(),
            }),
            due_date: NaiveDate::from_ymd_opt(2026, 11, 20),
            done_at: done.then(NaiveDateTime::default),
            task_id: task,
            stamp: Stamp {
                created_at: Utc::now(),
                updated_at: Utc::now(),
                version: 1,
            },
        }
    }

    fn text(l: &Line) -> String {
        l.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn a_line_shows_owner_due_and_link_and_fits() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or_default();
        let t = Theme::default();
        let one = item(false, Some(42));
        let line = |i: &ActionItem, cols: usize| {
            let c = ItemCols::new([(i, None)], cols, today);
            text(&item_line(i, None, &c, today, t, false))
        };
        let s = line(&one, 100);
        assert!(s.contains("@Ada"), "{s}");
        assert!(s.contains("overdue Fri 20 Nov"), "{s}");
        assert!(s.contains("→ task #42"), "{s}");
        assert!(s.contains("␛[31mnotes"), "{s}");
        assert!(width(&s) <= 100, "{s}");
        let old = ActionItem {
            due_date: NaiveDate::from_ymd_opt(2025, 12, 9),
            ..item(false, None)
        };
        assert!(line(&old, 100).contains("overdue 9 Dec 2025"));
        let narrow = line(&one, 60);
        assert!(width(&narrow) <= 60, "{narrow}");
        assert!(
            narrow.contains("→ task #42") && !narrow.contains("overdue"),
            "short of room the link takes the due date's place: {narrow}"
        );
        let not_promoted = line(&old, 60);
        assert!(
            not_promoted.contains("overdue 9 Dec 2025"),
            "{not_promoted}"
        );
        let tiny = line(&one, 30);
        assert!(!tiny.contains('→'), "then both give way: {tiny}");
        assert!(tiny.contains("@Ada"), "{tiny}");
        // Owners line up whatever the titles' lengths.
        let short = ActionItem {
            title: "x".into(),
            ..item(false, None)
        };
        let c = ItemCols::new([(&one, None), (&short, None)], 100, today);
        let a = text(&item_line(&one, None, &c, today, t, false));
        let b = text(&item_line(&short, None, &c, today, t, false));
        let col = |s: &str| s.find("@Ada").map(|i| width(&s[..i]));
        assert_eq!(col(&a), col(&b));
        assert_eq!(
            link_text(42, NaiveDate::from_ymd_opt(2026, 11, 23)),
            "→ task #42 on 2026-11-23"
        );
    }

    #[test]
    fn text_and_items_share_the_height() {
        let rect = Rect::new(0, 0, 10, 20);
        let short: Vec<Line> = vec![Line::from("one"), Line::from("x".repeat(25))];
        let (t, l) = split_text_and_items(rect, &short, 3);
        assert_eq!(
            (t.height, l.y, l.height),
            (4, 5, 15),
            "1 + 3 wrapped rows, a gap"
        );
        let long: Vec<Line> = (0..50).map(|i| Line::from(i.to_string())).collect();
        let (t, l) = split_text_and_items(rect, &long, 3);
        assert_eq!((t.height, l.height), (15, 4), "the list keeps its 4 rows");
        let (t, l) = split_text_and_items(rect, &long, 30);
        assert_eq!(
            (t.height, l.height),
            (9, 10),
            "at most half for a long list"
        );
        let (t, l) = split_text_and_items(Rect::new(0, 0, 0, 0), &long, 3);
        assert_eq!((t.height, l.height), (0, 0));
    }
}
