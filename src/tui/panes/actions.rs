//! Action items as every pane shows them: the list in a meeting, in a piece of feedback and on
//! a person's page; the item form (title, owner with create-new, due date); done toggling (the
//! linked focus task follows); promoting an item to a focus task on a chosen day; and the
//! one-line rendering with the link to the task ("→ task #42 on 2026-11-23").
//!
//! [`ItemForms`] holds the popups and does the writes; [`ItemList`] is a cursor over one
//! source's items. A pane owns one of each and forwards keys.

use super::list::Cursor;
use super::pick::{NONE_ID, new_person, parse_day, person_options, resolve_people, short_day};
use super::{Ctx, Outcome, PaneId};
use crate::dates::Lean;
use crate::db::{Error as DbError, Repo};
use crate::model::{ActionItem, ActionItemDraft, ActionSource, Deletable, Id, Task, TaskStatus};
use crate::text::{fit, sanitize, truncate, width};
use crate::tui::form::controller::{Conflict, FormController, FormSpec, FormStep, FormTarget};
use crate::tui::form::{Form, FormDraft, PickOption};
use crate::tui::keymap::{Context, ItemAction};
use crate::tui::theme::Theme;
use chrono::{Datelike, NaiveDate};
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use std::collections::HashMap;

/// The item popups: the action item form, or the day to promote an item to a focus task.
enum ItemForm {
    Item { source: ActionSource },
    Promote { id: Id, title: String },
}

enum ItemSaved {
    Item(ActionItem),
    Promoted { id: Id, title: String, task: Task },
}

/// The item form's values, the owner as picked (a new name is created on save).
fn read_item(
    form: &Form,
    today: NaiveDate,
) -> Result<(String, Vec<PickOption>, Option<NaiveDate>), DbError> {
    let due = parse_day(&form.text("due"), today, "due date", Lean::Future)
        .map_err(|e| DbError::invalid("due", e))?;
    Ok((form.text("title"), form.picked("owner"), due))
}

impl FormSpec for ItemForm {
    type Saved = ItemSaved;

    fn draft_key(&self, target: &FormTarget) -> Option<String> {
        match (self, target) {
            (ItemForm::Promote { .. }, _) => None,
            (ItemForm::Item { .. }, FormTarget::Edit { id, .. }) => Some(format!("item:edit:{id}")),
            (ItemForm::Item { source }, FormTarget::New) => Some(match source {
                ActionSource::Meeting(m) => format!("item:new:meeting:{m}"),
                ActionSource::Feedback(f) => format!("item:new:feedback:{f}"),
                ActionSource::None => "item:new".into(),
            }),
        }
    }

    fn save(&mut self, ctx: &Ctx, form: &Form, target: &FormTarget) -> Result<ItemSaved, DbError> {
        match self {
            ItemForm::Item { source } => {
                let (title, owner, due) = read_item(form, ctx.today)?;
                let source = *source;
                ctx.repo
                    .in_transaction(|r| {
                        let draft = ActionItemDraft {
                            title: title.clone(),
                            source,
                            owner_id: resolve_people(r, &owner)?.first().copied(),
                            due_date: due,
                        };
                        match *target {
                            FormTarget::New => r.add_action_item(&draft),
                            FormTarget::Edit { id, version } => {
                                r.update_action_item(id, version, &draft)
                            }
                        }
                    })
                    .map(ItemSaved::Item)
            }
            ItemForm::Promote { id, title } => {
                let day = parse_day(&form.text("day"), ctx.today, "day", Lean::Future)
                    .map_err(|e| DbError::invalid("day", e))?
                    .unwrap_or(ctx.today);
                let task = ctx.repo.promote_action_item(*id, day)?;
                Ok(ItemSaved::Promoted {
                    id: *id,
                    title: title.clone(),
                    task,
                })
            }
        }
    }

    fn conflict(&mut self, ctx: &Ctx, form: &Form, id: Id, _: i64) -> Result<Conflict, DbError> {
        let theirs = ctx.repo.action_item(id)?;
        let yours = match self {
            ItemForm::Item { .. } => {
                let (title, owner, due) = read_item(form, ctx.today)?;
                vec![
                    ("title".into(), title),
                    (
                        "owner".into(),
                        owner.first().map(|o| o.label.clone()).unwrap_or_default(),
                    ),
                    ("due".into(), due.map(|d| d.to_string()).unwrap_or_default()),
                ]
            }
            ItemForm::Promote { .. } => vec![("day".into(), form.text("day"))],
        };
        Ok(Conflict {
            yours,
            theirs: item_lines(&theirs),
            version: theirs.stamp.version,
        })
    }
}

/// The action item popups (form, promote prompt) and the writes behind them.
pub struct ItemForms {
    theme: Theme,
    modal: FormController<ItemForm>,
    /// The item last saved, for the pane to select after its reload.
    pub saved: Option<Id>,
}

impl ItemForms {
    pub fn new(pane: PaneId, theme: Theme) -> Self {
        ItemForms {
            theme,
            modal: FormController::new(pane.slug()),
            saved: None,
        }
    }

    pub fn is_open(&self) -> bool {
        self.modal.is_open()
    }

    pub fn contexts(&self) -> Option<&'static [Context]> {
        self.modal.contexts()
    }

    /// Opens the form for a new item from `source`, owned by `owner` (`None`: me).
    pub fn open_new(&mut self, ctx: &mut Ctx, source: ActionSource, owner: Option<Id>) -> Outcome {
        self.open(ctx, FormTarget::New, source, "", owner, None)
    }

    pub fn open_edit(&mut self, ctx: &mut Ctx, item: &ActionItem) -> Outcome {
        self.open(
            ctx,
            FormTarget::Edit {
                id: item.id,
                version: item.stamp.version,
            },
            item.source,
            &item.title,
            item.owner.as_ref().map(|o| o.id),
            item.due_date,
        )
    }

    fn open(
        &mut self,
        ctx: &mut Ctx,
        target: FormTarget,
        source: ActionSource,
        title: &str,
        owner: Option<Id>,
        due: Option<NaiveDate>,
    ) -> Outcome {
        let people = match ctx.repo.people(None) {
            Ok(p) => p,
            Err(e) => {
                ctx.status.error(e);
                return Outcome::Handled;
            }
        };
        let heading = match &target {
            FormTarget::New => "New action item",
            FormTarget::Edit { .. } => "Edit action item",
        };
        let form = Form::new(heading, self.theme)
            .line("title", "Title", title)
            .picker(
                "owner",
                "Owner",
                person_options(&people, Some("me")),
                &[owner.unwrap_or(NONE_ID)],
                false,
                Some(new_person),
            )
            .line(
                "due",
                "Due",
                &due.map(|d| d.format("%Y-%m-%d").to_string())
                    .unwrap_or_default(),
            );
        self.modal
            .open(ctx, form, target, ItemForm::Item { source });
        Outcome::Handled
    }

    /// Asks for the day to put the item's focus task on (default today).
    pub fn open_promote(
        &mut self,
        ctx: &mut Ctx,
        item: &ActionItem,
        task: Option<&Task>,
    ) -> Outcome {
        if let Some(id) = item.task_id {
            ctx.status.warn(format!(
                "already a focus task: {}",
                link_text(id, task.map(|t| t.day))
            ));
            return Outcome::Handled;
        }
        if item.done_at.is_some() {
            ctx.status
                .warn("this action item is done; Space reopens it first");
            return Outcome::Handled;
        }
        let form = Form::new(
            format!("Focus task from “{}”", truncate(&sanitize(&item.title), 40)),
            self.theme,
        )
        .line("day", "On day", "today");
        let spec = ItemForm::Promote {
            id: item.id,
            title: item.title.clone(),
        };
        self.modal.open(ctx, form, FormTarget::New, spec);
        Outcome::Handled
    }

    /// Marks the item done or open again; its focus task follows (in the repository).
    pub fn toggle_done(&mut self, ctx: &mut Ctx, item: &ActionItem) -> Outcome {
        let done = item.done_at.is_none();
        match ctx
            .repo
            .set_action_item_done(item.id, item.stamp.version, done)
        {
            Ok(i) => {
                let also = if i.task_id.is_some() {
                    if done {
                        " (and its focus task)"
                    } else {
                        " (its focus task too)"
                    }
                } else {
                    ""
                };
                ctx.status.info(format!(
                    "“{}” {}{also}",
                    truncate(&sanitize(&i.title), 50),
                    if done { "done" } else { "open again" }
                ));
            }
            Err(e @ DbError::Conflict { .. }) => {
                ctx.status.error(format!("{e} — reloaded, try again"));
            }
            Err(e) => ctx.status.error(e),
        }
        Outcome::Wrote
    }

    pub fn delete(&mut self, ctx: &mut Ctx, item: &ActionItem) -> Outcome {
        match ctx.repo.delete(Deletable::ActionItem, item.id) {
            Ok(()) => ctx.status.offer_undo(
                Deletable::ActionItem,
                item.id,
                format!("action item “{}”", truncate(&sanitize(&item.title), 40)),
            ),
            Err(e) => ctx.status.error(e),
        }
        Outcome::Wrote
    }

    pub fn paste(&mut self, text: &str) {
        self.modal.paste(text);
    }

    pub fn handle_key(&mut self, key: &KeyEvent, ctx: &mut Ctx) -> Outcome {
        let step = self.modal.handle_key(key, ctx);
        match &step {
            FormStep::Saved(ItemSaved::Item(item)) => {
                ctx.status
                    .info(format!("saved “{}”", truncate(&sanitize(&item.title), 50)));
                self.saved = Some(item.id);
            }
            FormStep::Saved(ItemSaved::Promoted { id, title, task }) => {
                ctx.status.info(format!(
                    "“{}” → Focus task #{} on {} (done there closes it here)",
                    truncate(&sanitize(title), 30),
                    task.id,
                    short_day(task.day, ctx.today)
                ));
                self.saved = Some(*id);
            }
            _ => {}
        }
        step.outcome()
    }

    pub fn render(&mut self, frame: &mut Frame, area: Rect) {
        self.modal.render(frame, area);
    }

    /// The open item form as a draft (the session is ending).
    pub fn take_draft(&mut self) -> Option<FormDraft> {
        self.modal.take_draft()
    }
}

fn item_lines(i: &ActionItem) -> Vec<(String, String)> {
    vec![
        ("title".into(), i.title.clone()),
        (
            "owner".into(),
            i.owner
                .as_ref()
                .map(|o| o.name.clone())
                .unwrap_or_else(|| "me".into()),
        ),
        (
            "due".into(),
            i.due_date.map(|d| d.to_string()).unwrap_or_default(),
        ),
    ]
}

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

/// A cursor over one meeting's or one piece of feedback's items.
#[derive(Default)]
pub struct ItemList {
    pub items: Vec<ActionItem>,
    pub tasks: HashMap<Id, Task>,
    pub cursor: Cursor,
}

impl ItemList {
    /// Replaces the items (and their linked tasks), keeping the selection on `keep` if given.
    pub fn set(
        &mut self,
        repo: &Repo,
        items: Vec<ActionItem>,
        keep: Option<Id>,
    ) -> anyhow::Result<()> {
        let keep = keep.or(self.selected().map(|i| i.id));
        self.tasks = linked_tasks(repo, &items)?;
        self.items = items;
        if let Some(id) = keep
            && let Some(pos) = self.items.iter().position(|i| i.id == id)
        {
            self.cursor.selected = pos;
        }
        self.cursor.clamp(self.items.len());
        Ok(())
    }

    pub fn selected(&self) -> Option<&ActionItem> {
        self.items.get(self.cursor.selected)
    }

    pub fn open_count(&self) -> usize {
        self.items.iter().filter(|i| i.done_at.is_none()).count()
    }

    /// Acts on a key of the ActionItems context; new items come from `source`.
    pub fn act(
        &mut self,
        action: ItemAction,
        ctx: &mut Ctx,
        forms: &mut ItemForms,
        source: ActionSource,
    ) -> Outcome {
        match action {
            ItemAction::Move(nav) => {
                self.cursor.apply(nav, self.items.len());
                Outcome::Handled
            }
            ItemAction::Add => forms.open_new(ctx, source, None),
            ItemAction::Edit => match self.selected_or_say(ctx) {
                Some(item) => forms.open_edit(ctx, &item),
                None => Outcome::Handled,
            },
            ItemAction::Delete => match self.selected_or_say(ctx) {
                Some(item) => forms.delete(ctx, &item),
                None => Outcome::Handled,
            },
            ItemAction::ToggleDone => match self.selected_or_say(ctx) {
                Some(item) => forms.toggle_done(ctx, &item),
                None => Outcome::Handled,
            },
            ItemAction::Promote => match self.selected_or_say(ctx) {
                Some(item) => {
                    let task = item.task_id.and_then(|id| self.tasks.get(&id));
                    forms.open_promote(ctx, &item, task)
                }
                None => Outcome::Handled,
            },
        }
    }

    /// The selected item, or a word on the status line that there is none.
    fn selected_or_say(&self, ctx: &mut Ctx) -> Option<ActionItem> {
        let item = self.selected().cloned();
        if item.is_none() {
            ctx.status.info("no action item here — a adds one");
        }
        item
    }

    /// Draws the items in `rect` (rows only for the visible window).
    pub fn render(
        &mut self,
        frame: &mut Frame,
        rect: Rect,
        today: NaiveDate,
        theme: Theme,
        focused: bool,
    ) {
        if rect.height == 0 || rect.width == 0 {
            return;
        }
        if self.items.is_empty() {
            frame.render_widget(
                Paragraph::new(Span::styled(
                    truncate(" No action items. a adds one.", usize::from(rect.width)).into_owned(),
                    theme.dim(),
                )),
                Rect { height: 1, ..rect },
            );
            return;
        }
        let range = self
            .cursor
            .window(self.items.len(), usize::from(rect.height));
        let shown = || {
            self.items
                .get(range.clone())
                .unwrap_or_default()
                .iter()
                .map(|i| (i, i.task_id.and_then(|id| self.tasks.get(&id))))
        };
        let cols = ItemCols::new(shown(), usize::from(rect.width), today);
        let lines: Vec<Line> = shown()
            .zip(range.clone())
            .map(|((item, task), i)| {
                item_line(
                    item,
                    task,
                    &cols,
                    today,
                    theme,
                    focused && i == self.cursor.selected,
                )
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), rect);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{PersonRef, Stamp};
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
