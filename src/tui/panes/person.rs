//! A person's page in the Meetings pane: meetings with them, the open action items between
//! you, and feedback both ways — the page to read before a 1:1.

use super::actions::{ItemCols, ItemForms, item_line, linked_tasks};
use super::common::day_label;
use super::list::Cursor;
use super::pick::short_day;
use super::{Ctx, Outcome, Target};
use crate::db::{Error as DbError, Repo};
use crate::model::{
    ActionItem, ActionSource, Direction, Feedback, FeedbackFilter, Id, Meeting, PageDir, Person,
    Task,
};
use crate::text::{fit, sanitize};
use crate::tui::keymap::{ItemAction, Nav};
use crate::tui::theme::Theme;
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use std::collections::HashMap;

/// Rows a section of the page lists at most, newest (or soonest due) first; its heading
/// counts them all. A person met every week for twenty years would otherwise be a thousand
/// meetings read on every visit.
const LISTED: usize = 100;

/// What a key on the page asks of the Meetings pane.
pub(super) enum Step {
    Done(Outcome),
    /// Show this meeting's page over the person's.
    OpenMeeting(Id),
}

/// One row of a person's page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum PRow {
    Heading(&'static str, usize),
    Nothing,
    /// How many more the section has than it lists.
    More(usize),
    Item(usize),
    Meeting(usize),
    Feedback(usize),
}

impl PRow {
    fn selectable(self) -> bool {
        matches!(self, PRow::Item(_) | PRow::Meeting(_) | PRow::Feedback(_))
    }
}

pub(super) struct PersonPage {
    pub(super) person: Person,
    items: Vec<ActionItem>,
    tasks: HashMap<Id, Task>,
    meetings: Vec<Meeting>,
    feedback: Vec<Feedback>,
    /// How many open items, meetings and pieces of feedback there are in all.
    totals: [usize; 3],
    rows: Vec<PRow>,
    cursor: Cursor,
}

impl PersonPage {
    fn build_rows(&mut self) {
        let mut rows = Vec::new();
        let section =
            |rows: &mut Vec<PRow>, title, n: usize, total: usize, row: fn(usize) -> PRow| {
                let total = total.max(n);
                rows.push(PRow::Heading(title, total));
                if n == 0 {
                    rows.push(PRow::Nothing);
                }
                rows.extend((0..n).map(row));
                if total > n {
                    rows.push(PRow::More(total - n));
                }
            };
        let [items, meetings, feedback] = self.totals;
        section(
            &mut rows,
            "Open action items",
            self.items.len(),
            items,
            PRow::Item,
        );
        section(
            &mut rows,
            "Meetings",
            self.meetings.len(),
            meetings,
            PRow::Meeting,
        );
        section(
            &mut rows,
            "Feedback",
            self.feedback.len(),
            feedback,
            PRow::Feedback,
        );
        self.rows = rows;
    }

    fn selected(&self) -> Option<PRow> {
        self.rows.get(self.cursor.selected).copied()
    }

    /// Moves the cursor onto a selectable row, going `down` first.
    fn settle(&mut self, down: bool) {
        let n = self.rows.len();
        let ok = |i: usize| self.rows.get(i).is_some_and(|r| r.selectable());
        let mut i = self.cursor.selected.min(n.saturating_sub(1));
        if ok(i) {
            self.cursor.selected = i;
            return;
        }
        let forward = |mut i: usize| {
            while i + 1 < n {
                i += 1;
                if ok(i) {
                    return Some(i);
                }
            }
            None
        };
        let backward = |mut i: usize| {
            while i > 0 {
                i -= 1;
                if ok(i) {
                    return Some(i);
                }
            }
            None
        };
        let found = if down {
            forward(i).or_else(|| backward(i))
        } else {
            backward(i).or_else(|| forward(i))
        };
        if let Some(f) = found {
            i = f;
        }
        self.cursor.selected = i;
    }

    fn item(&self) -> Option<&ActionItem> {
        match self.selected()? {
            PRow::Item(i) => self.items.get(i),
            _ => None,
        }
    }
}

impl PersonPage {
    /// The page of person `id` (`None` if they are gone), keeping the cursor of `old` when it
    /// is the same person's.
    pub(super) fn load(
        repo: &Repo,
        id: Id,
        old: Option<&PersonPage>,
    ) -> anyhow::Result<Option<PersonPage>> {
        let person = match repo.person(id) {
            Ok(p) => p,
            Err(DbError::NotFound { .. }) => return Ok(None),
            Err(e) => return Err(e.into()),
        };
        let (items, items_total) = repo.open_action_items_for_person(id, LISTED)?;
        let tasks = linked_tasks(repo, &items)?;
        let (meetings, meetings_total) = repo.recent_meetings_with(id, LISTED)?;
        let theirs = FeedbackFilter {
            person_id: Some(id),
            ..FeedbackFilter::default()
        };
        let feedback =
            repo.feedback_page(&theirs, None, PageDir::Down { inclusive: true }, LISTED)?;
        let (feedback_total, _) = repo.feedback_counts(&theirs)?;
        let keep = old.filter(|p| p.person.id == id).map(|p| p.cursor.clone());
        let mut page = PersonPage {
            person,
            items,
            tasks,
            meetings,
            feedback,
            totals: [items_total, meetings_total, feedback_total],
            rows: Vec::new(),
            cursor: keep.unwrap_or_default(),
        };
        page.build_rows();
        page.settle(true);
        Ok(Some(page))
    }

    /// Enter on the page: a meeting opens (the meetings pane opens it), feedback opens in
    /// its pane, an action item opens where it came from.
    pub(super) fn open(&mut self, ctx: &mut Ctx, items: &mut ItemForms) -> Step {
        let page = self;
        let row = page.selected();
        let item = page.item().cloned();
        let meeting_id = match row {
            Some(PRow::Meeting(i)) => page.meetings.get(i).map(|m| m.id),
            _ => None,
        };
        let feedback_id = match row {
            Some(PRow::Feedback(i)) => page.feedback.get(i).map(|f| f.id),
            _ => None,
        };
        if let Some(id) = meeting_id {
            return Step::OpenMeeting(id);
        }
        if let Some(id) = feedback_id {
            return Step::Done(Outcome::Open(Target::Feedback { id }));
        }
        match item {
            Some(i) => match i.source {
                ActionSource::Meeting(m) => {
                    items.saved = Some(i.id);
                    Step::OpenMeeting(m)
                }
                ActionSource::Feedback(f) => Step::Done(Outcome::Open(Target::Feedback { id: f })),
                ActionSource::None => Step::Done(items.open_edit(ctx, &i)),
            },
            None => Step::Done(Outcome::Handled),
        }
    }

    /// A key of the ActionItems context on the page (its rows are not all action items).
    pub(super) fn item_act(
        &mut self,
        action: ItemAction,
        ctx: &mut Ctx,
        items: &mut ItemForms,
    ) -> Outcome {
        let page = self;
        let item = page.item().cloned();
        let not_an_item = |ctx: &mut Ctx| {
            ctx.status.info("that row is not an action item");
            Outcome::Handled
        };
        match action {
            ItemAction::Move(nav) => {
                page.cursor.apply(nav, page.rows.len());
                page.settle(!matches!(nav, Nav::Up | Nav::PageUp | Nav::Bottom));
                Outcome::Handled
            }
            ItemAction::Add => items.open_new(ctx, ActionSource::None, Some(page.person.id)),
            ItemAction::Edit => match item {
                Some(item) => items.open_edit(ctx, &item),
                None => not_an_item(ctx),
            },
            ItemAction::Delete => match item {
                Some(item) => items.delete(ctx, &item),
                None => not_an_item(ctx),
            },
            ItemAction::ToggleDone => match item {
                Some(item) => items.toggle_done(ctx, &item),
                None => not_an_item(ctx),
            },
            ItemAction::Promote => match item {
                Some(item) => {
                    let task = item.task_id.and_then(|id| page.tasks.get(&id)).cloned();
                    items.open_promote(ctx, &item, task.as_ref())
                }
                None => not_an_item(ctx),
            },
        }
    }

    pub(super) fn render(&mut self, frame: &mut Frame, area: Rect, today: NaiveDate, t: Theme) {
        let p = self;
        let cols = usize::from(area.width);
        let mut head = vec![Span::styled(
            sanitize(&p.person.name).into_owned(),
            t.title(),
        )];
        for extra in [&p.person.role, &p.person.email] {
            if !extra.trim().is_empty() {
                head.push(Span::styled(format!(" · {}", sanitize(extra)), t.dim()));
            }
        }
        let last = p
            .meetings
            .first()
            .map(|m| format!("  last met {}", day_label(m.starts_at.date(), today)));
        if let Some(l) = last {
            head.push(Span::styled(l, t.dim()));
        }
        frame.render_widget(Paragraph::new(Line::from(head)), Rect { height: 1, ..area });
        if area.height < 3 {
            return;
        }
        let body = Rect {
            y: area.y + 2,
            height: area.height - 2,
            ..area
        };
        let range = p.cursor.window(p.rows.len(), usize::from(body.height));
        let item_cols = ItemCols::new(
            p.rows
                .get(range.clone())
                .unwrap_or_default()
                .iter()
                .filter_map(|r| match r {
                    PRow::Item(i) => p.items.get(*i),
                    _ => None,
                })
                .map(|i| (i, i.task_id.and_then(|id| p.tasks.get(&id)))),
            cols.saturating_sub(2),
            today,
        );
        let mut lines = Vec::with_capacity(range.len());
        for r in range {
            let Some(row) = p.rows.get(r).copied() else {
                continue;
            };
            let selected = r == p.cursor.selected;
            let sel = |s: Style| if selected { s.patch(t.selected()) } else { s };
            let line = match row {
                PRow::Heading(title, n) => {
                    Line::from(Span::styled(format!("{title} ({n})"), t.title()))
                }
                PRow::Nothing => Line::from(Span::styled("  none", t.dim())),
                PRow::More(n) => Line::from(Span::styled(format!("  … and {n} more"), t.dim())),
                PRow::Item(i) => match p.items.get(i) {
                    Some(item) => {
                        let task = item.task_id.and_then(|id| p.tasks.get(&id));
                        let mut l = item_line(item, task, &item_cols, today, t, selected);
                        l.spans.insert(0, Span::raw("  "));
                        l
                    }
                    None => Line::from(""),
                },
                PRow::Meeting(i) => match p.meetings.get(i) {
                    Some(m) => {
                        let text = format!(
                            "  {}  {}  {:<9} {}",
                            fit(&short_day(m.starts_at.date(), today), 11),
                            m.starts_at.format("%H:%M"),
                            m.kind.label(),
                            sanitize(&m.title)
                        );
                        Line::from(Span::styled(fit(&text, cols), sel(t.plain())))
                    }
                    None => Line::from(""),
                },
                PRow::Feedback(i) => match p.feedback.get(i) {
                    Some(f) => {
                        let arrow = match f.direction {
                            Direction::Given => "→ given   ",
                            Direction::Received => "← received",
                        };
                        let first = sanitize(f.content.lines().next().unwrap_or("")).into_owned();
                        let text = format!(
                            "  {}  {arrow}  {:<12} {first}",
                            fit(&short_day(f.day, today), 11),
                            f.kind.label(),
                        );
                        Line::from(Span::styled(fit(&text, cols), sel(t.plain())))
                    }
                    None => Line::from(""),
                },
            };
            lines.push(line);
        }
        frame.render_widget(Paragraph::new(lines), body);
    }
}
