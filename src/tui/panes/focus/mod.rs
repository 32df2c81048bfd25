//! Focus: one day's tasks, in the user's order, with a progress bar, carrying over of
//! unfinished tasks, and the task form.

use super::bulk::{Here, Marking, Rows, Step};
use super::chart::progress_bar;
use super::common::{day_label, new_tag, render_empty, render_filter, tag_options, tags_text};
use super::goals::goal_options;
use super::list::{Cursor, Filter};
use super::pick::NONE_ID;
use super::{Ctx, Outcome, Pane, PaneId};
use crate::db::{Error as DbError, Move, Repo};
use crate::model::{AttachOwner, Deletable, Id, Task, TaskDraft, TaskStatus};
use crate::text::{fit, sanitize, sanitize_lines, truncate, width};
use crate::tui::attach::Attached;
use crate::tui::form::controller::{FormController, FormStep, FormTarget};
use crate::tui::form::{Form, FormDraft, PickOption, format_minutes};
use crate::tui::keymap::{
    self, Action, BulkAction, CarryAction, ChecklistAction, Context, DayAction, FilterAction,
    FocusAction, ListAction,
};
use crate::tui::theme::Theme;
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use std::collections::HashSet;

mod keys;
mod render;
mod spec;

use spec::TaskForm;

struct Checklist {
    tasks: Vec<Task>,
    ticked: Vec<bool>,
    cursor: Cursor,
}

pub struct FocusPane {
    theme: Theme,
    /// The day shown; `None` follows today (and so moves on at midnight).
    day: Option<NaiveDate>,
    today: NaiveDate,
    tasks: Vec<Task>,
    /// Indices into `tasks` that pass the filter.
    visible: Vec<usize>,
    cursor: Cursor,
    filter: Filter,
    /// Unfinished tasks from earlier days, offered for carrying to `day`.
    offer: Vec<Task>,
    dismissed: HashSet<NaiveDate>,
    checklist: Option<Checklist>,
    editing: FormController<TaskForm>,
    /// The task to select after the next reload (one just saved or moved).
    pending_select: Option<Id>,
    /// The day `offer` was loaded for; `None` when it must be loaded again. Loading it can be
    /// costly (every unfinished task of every earlier day), and this pane's own writes never
    /// touch earlier days except by carrying, so it survives the pane's own reloads.
    offer_day: Option<NaiveDate>,
    /// Tasks marked to change together (`V`).
    marking: Marking,
    /// The selected task's attachments (read when the selection moves to another task).
    attached: Attached,
}

/// Tasks as marking sees them: done, tagged, moved or deleted together.
static TASKS: Rows = Rows {
    one: "task",
    many: "tasks",
    kind: Deletable::Task,
    done: Some(|repo, ids| repo.set_tasks_status(ids, TaskStatus::Done)),
    tag: Some(Repo::tag_tasks),
    move_to: Some(Repo::carry_tasks),
};

const PRIORITIES: [(i64, &str); 3] = [(1, "high"), (2, "normal"), (3, "low")];

impl FocusPane {
    pub fn new(theme: Theme) -> Self {
        FocusPane {
            theme,
            day: None,
            today: NaiveDate::default(),
            tasks: Vec::new(),
            visible: Vec::new(),
            cursor: Cursor::default(),
            filter: Filter::default(),
            offer: Vec::new(),
            dismissed: HashSet::new(),
            checklist: None,
            editing: FormController::new(PaneId::Focus.slug()),
            pending_select: None,
            offer_day: None,
            marking: Marking::new(PaneId::Focus.slug()),
            attached: Attached::default(),
        }
    }

    /// The day on screen.
    pub fn day(&self) -> NaiveDate {
        self.day.unwrap_or(self.today)
    }

    /// The tasks on screen (after the filter), in order.
    pub fn shown(&self) -> impl Iterator<Item = &Task> {
        self.visible.iter().filter_map(|&i| self.tasks.get(i))
    }

    pub fn is_editing(&self) -> bool {
        self.editing.is_open()
    }

    /// The tasks marked to change together, if marking (`V`) is on.
    pub fn marked(&self) -> Option<Vec<Id>> {
        self.marking.marked()
    }

    /// How many unfinished tasks are on offer.
    pub fn offered(&self) -> usize {
        self.offer.len()
    }

    /// The task under the cursor.
    pub fn selected(&self) -> Option<&Task> {
        self.visible
            .get(self.cursor.selected)
            .and_then(|&i| self.tasks.get(i))
    }

    fn refilter(&mut self) {
        let keep = self.selected().map(|t| t.id);
        self.visible = self
            .tasks
            .iter()
            .enumerate()
            .filter(|(_, t)| {
                self.filter.matches(
                    [t.title.as_str(), t.notes.as_str()]
                        .into_iter()
                        .chain(t.tags.iter().map(String::as_str)),
                )
            })
            .map(|(i, _)| i)
            .collect();
        self.select_id(keep);
    }

    fn select_id(&mut self, id: Option<Id>) {
        let rows = &self.tasks;
        self.cursor.select_where(&self.visible, |i| {
            id.is_some_and(|id| rows.get(i).is_some_and(|t| t.id == id))
        });
    }

    /// After a key: the attachments follow the selection (read only if it moved to another task).
    fn follow_selection(&mut self, ctx: &mut Ctx) {
        if let Err(e) = self.sync_attached(ctx.repo, false) {
            ctx.status.error(format!("{e:#}"));
        }
    }

    fn go_to_day(&mut self, day: NaiveDate) -> Outcome {
        self.day = (day != self.today).then_some(day);
        self.cursor = Cursor::default();
        Outcome::Moved
    }
}

impl Pane for FocusPane {
    fn history_target(&self) -> Option<super::Target> {
        self.selected().map(|t| super::Target::Task {
            id: t.id,
            day: t.day,
        })
    }

    fn title(&self) -> &str {
        "Focus"
    }

    fn dated(&self) -> bool {
        true
    }

    /// Focus shows one day: it goes to that day, and says if the day has no tasks.
    fn jump_to_date(&mut self, day: NaiveDate, ctx: &mut Ctx) -> Option<Outcome> {
        self.go_to_day(day);
        if let Err(e) = self.reload(ctx.repo) {
            ctx.status.error(format!("{e:#}"));
            return Some(Outcome::Handled);
        }
        let label = day.format("%a %-d %b %Y");
        match self.tasks.len() {
            0 => ctx.status.warn(format!("no tasks on {label}")),
            1 => ctx.status.info(format!("{label}: 1 task")),
            n => ctx.status.info(format!("{label}: {n} tasks")),
        }
        Some(Outcome::Handled)
    }

    fn reload(&mut self, repo: &Repo) -> anyhow::Result<()> {
        self.today = repo.clock().today();
        if self.day == Some(self.today) {
            // Asked to show today (by `select`): follow today again.
            self.day = None;
        }
        let keep = self.pending_select.take().or(self.selected().map(|t| t.id));
        let day = self.day();
        self.tasks = repo.tasks_on(day)?;
        if day < self.today || self.dismissed.contains(&day) {
            self.offer.clear();
            self.offer_day = None;
        } else if self.offer_day != Some(day) {
            self.offer = repo.unfinished_before(day)?;
            self.offer_day = Some(day);
        }
        let tasks = &self.tasks;
        self.marking.retain(|id| tasks.iter().any(|t| t.id == id));
        self.refilter();
        self.select_id(keep);
        self.sync_attached(repo, true)?;
        Ok(())
    }

    fn handle_key(&mut self, key: KeyEvent, ctx: &mut Ctx) -> Outcome {
        if self.editing.is_open() {
            return self.form_key(&key, ctx);
        }
        if let Some(outcome) = self.marking.prompt_key(&key, ctx) {
            return outcome;
        }
        if self.attached.is_open() {
            return self.attached.handle_key(&key, ctx);
        }
        let Some(binding) = keymap::resolve(self.hints(), &key) else {
            if self.filter.typing {
                if self.filter.type_key(&key) {
                    self.refilter();
                }
                self.follow_selection(ctx);
                return Outcome::Handled;
            }
            return Outcome::Ignored;
        };
        if self.checklist.is_some() {
            // The checklist is modal: only its context is in force.
            return match binding.action {
                Action::Checklist(a) => self.checklist_key(a, ctx),
                _ => Outcome::Ignored,
            };
        }
        let outcome = self.act(binding.action, ctx);
        self.follow_selection(ctx);
        outcome
    }

    fn render(&mut self, frame: &mut Frame, area: Rect) {
        if area.height < 3 || area.width < 10 {
            return;
        }
        let mut y = area.y;
        let row = |y: u16| Rect {
            y: y.min(area.bottom()),
            height: u16::from(y < area.bottom()),
            ..area
        };
        self.render_header(frame, row(y));
        y += 1;
        if self.marking.on() {
            self.marking
                .render_banner(frame, row(y), &TASKS, self.theme);
            y += 1;
        } else if !self.offer.is_empty() {
            self.render_offer(frame, row(y));
            y += 1;
        }
        if self.filter.is_active() || self.filter.typing {
            render_filter(
                frame,
                row(y),
                &self.filter,
                self.visible.len(),
                self.tasks.len(),
                self.theme,
            );
            y += 1;
        }
        let rest = Rect {
            y: y + 1,
            height: area.bottom().saturating_sub(y + 1),
            ..area
        };
        if rest.width >= 110 {
            let detail_w = rest.width * 35 / 100;
            let table = Rect {
                width: rest.width - detail_w - 1,
                ..rest
            };
            let detail = Rect {
                x: rest.x + rest.width - detail_w,
                width: detail_w,
                ..rest
            };
            self.render_table(frame, table, false);
            self.render_detail(frame, detail);
        } else {
            self.render_table(frame, rest, true);
            // No Details panel: "which one?" lists the files it asks about.
            if self
                .attached
                .contexts()
                .is_some_and(|c| c.contains(&Context::AttachPick))
            {
                self.render_files(frame, rest);
            }
        }
        self.attached.render_prompt(frame, area, self.theme);
        if self.checklist.is_some() {
            self.render_checklist(frame, area);
        }
        self.editing.render(frame, area);
        self.marking.render_prompt(frame, area);
    }

    fn hints(&self) -> &[Context] {
        if let Some(contexts) = self.editing.contexts() {
            return contexts;
        }
        if let Some(contexts) = self.marking.prompt_contexts() {
            return contexts;
        }
        if let Some(contexts) = self.attached.contexts() {
            return contexts;
        }
        if self.checklist.is_some() {
            return &[Context::Checklist];
        }
        if self.filter.typing {
            return &[Context::FilterInput];
        }
        if self.marking.on() {
            // Space marks rows; the verbs act on every marked one.
            return &[
                Context::Selecting,
                Context::Focus,
                Context::Dated,
                Context::List,
            ];
        }
        // Attachments last: the day's own keys keep the front of the footer.
        if self.offer.is_empty() {
            &[
                Context::Focus,
                Context::Dated,
                Context::List,
                Context::Selectable,
                Context::Attachments,
            ]
        } else {
            // The offer's keys (c, C, x) clash with nothing, so it can follow Focus and the
            // footer shows the day's keys first (the banner shows the offer's).
            &[
                Context::Focus,
                Context::CarryOffer,
                Context::Dated,
                Context::List,
                Context::Selectable,
                Context::Attachments,
            ]
        }
    }

    fn paste(&mut self, text: &str, ctx: &mut Ctx) -> Outcome {
        if self.editing.paste(text) || self.marking.paste(text) || self.attached.paste(text) {
            return Outcome::Handled;
        }
        if self.filter.typing {
            self.filter.paste(text);
            self.refilter();
            self.follow_selection(ctx);
            return Outcome::Handled;
        }
        Outcome::Ignored
    }

    fn database_replaced(&mut self) -> bool {
        // Marked rows are ids of the old database.
        self.marking.replaced()
    }

    fn data_changed(&mut self) {
        self.offer_day = None;
    }

    fn select(&mut self, target: super::Target) -> bool {
        let super::Target::Task { id, day } = target else {
            return false;
        };
        if self.day() != day {
            self.cursor = Cursor::default();
        }
        self.day = Some(day);
        self.filter = Filter::default();
        self.checklist = None;
        self.pending_select = Some(id);
        true
    }

    fn take_draft(&mut self) -> Option<FormDraft> {
        self.editing.take_draft()
    }
}
