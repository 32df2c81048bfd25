//! Focus: one day's tasks, in the user's order, with a progress bar, carrying over of
//! unfinished tasks, and the task form.

use super::chart::progress_bar;
use super::common::{day_label, new_tag, render_empty, render_filter, tag_options, tags_text};
use super::goals::goal_options;
use super::list::{Cursor, Filter};
use super::pick::NONE_ID;
use super::{Ctx, Outcome, Pane, PaneId};
use crate::db::{Error as DbError, Move, Repo};
use crate::model::{Deletable, Id, Priority, Task, TaskDraft, TaskStatus};
use crate::text::{fit, sanitize, sanitize_lines, truncate, width};
use crate::tui::form::controller::{Conflict, FormController, FormSpec, FormStep, FormTarget};
use crate::tui::form::{Form, FormDraft, PickOption, format_minutes, parse_minutes};
use crate::tui::keymap::{
    self, Action, CarryAction, ChecklistAction, Context, DayAction, FilterAction, FocusAction,
    ListAction,
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

/// The task form: a new task on `day`, or an edit.
struct TaskForm {
    day: NaiveDate,
}

impl FormSpec for TaskForm {
    type Saved = Task;

    fn save(&mut self, ctx: &Ctx, form: &Form, target: &FormTarget) -> Result<Task, DbError> {
        let draft = read_form(form)?;
        match *target {
            FormTarget::New => ctx.repo.add_task(self.day, &draft),
            FormTarget::Edit { id, version } => ctx.repo.update_task(id, version, &draft),
        }
    }

    fn conflict(&mut self, ctx: &Ctx, form: &Form, id: Id, _: i64) -> Result<Conflict, DbError> {
        let theirs = ctx.repo.task(id)?;
        Ok(Conflict {
            yours: draft_lines(&read_form(form)?),
            theirs: task_lines(&theirs),
            version: theirs.stamp.version,
        })
    }
}

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
}

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
        if let Some(id) = id
            && let Some(pos) = self
                .visible
                .iter()
                .position(|&i| self.tasks.get(i).is_some_and(|t| t.id == id))
        {
            self.cursor.selected = pos;
        }
        self.cursor.clamp(self.visible.len());
    }

    fn go_to_day(&mut self, day: NaiveDate) -> Outcome {
        self.day = (day != self.today).then_some(day);
        self.cursor = Cursor::default();
        Outcome::Moved
    }

    fn set_status(&mut self, ctx: &mut Ctx, status: TaskStatus) -> Outcome {
        let Some(task) = self.selected() else {
            return Outcome::Handled;
        };
        match ctx
            .repo
            .set_task_status(task.id, task.stamp.version, status)
        {
            Ok(t) => {
                ctx.status
                    .info(format!("“{}” is {}", sanitize(&t.title), t.status));
                Outcome::Wrote
            }
            Err(e @ DbError::Conflict { .. }) => {
                ctx.status.error(format!("{e} — reloaded, try again"));
                Outcome::Wrote
            }
            Err(e) => {
                ctx.status.error(e);
                Outcome::Wrote
            }
        }
    }

    fn open_form(&mut self, ctx: &mut Ctx, task: Option<Task>) -> Outcome {
        let (tags, goals) = match ctx.repo.tags().and_then(|t| Ok((t, ctx.repo.goal_tree()?))) {
            Ok(x) => x,
            Err(e) => {
                ctx.status.error(e);
                return Outcome::Handled;
            }
        };
        let (title, target, draft) = match &task {
            Some(t) => (
                "Edit task",
                FormTarget::Edit {
                    id: t.id,
                    version: t.stamp.version,
                },
                TaskDraft {
                    title: t.title.clone(),
                    notes: t.notes.clone(),
                    priority: t.priority,
                    estimate_minutes: t.estimate_minutes,
                    goal_id: t.goal_id,
                    tags: t.tags.clone(),
                },
            ),
            None => ("New task", FormTarget::New, TaskDraft::default()),
        };
        let (tag_opts, tag_ids) = tag_options(&tags, &draft.tags);
        let priorities: Vec<PickOption> = PRIORITIES
            .iter()
            .map(|(id, l)| PickOption::new(*id, *l))
            .collect();
        let form = Form::new(
            format!("{title} · {}", self.day().format("%a %-d %b")),
            self.theme,
        )
        .line("title", "Title", &draft.title)
        .multiline("notes", "Notes", &draft.notes, 4)
        .picker(
            "priority",
            "Priority",
            priorities,
            &[i64::from(draft.priority.get())],
            false,
            None,
        )
        .line(
            "estimate",
            "Estimate",
            &draft
                .estimate_minutes
                .map(format_minutes)
                .unwrap_or_default(),
        )
        .picker("tags", "Tags", tag_opts, &tag_ids, true, Some(new_tag))
        .picker(
            "goal",
            "Goal",
            goal_options(&goals, draft.goal_id),
            &[draft.goal_id.unwrap_or(NONE_ID)],
            false,
            None,
        );
        let day = self.day();
        self.editing.open(ctx, form, target, TaskForm { day });
        Outcome::Handled
    }

    fn form_key(&mut self, key: &KeyEvent, ctx: &mut Ctx) -> Outcome {
        let step = self.editing.handle_key(key, ctx);
        if let FormStep::Saved(task) = &step {
            ctx.status
                .info(format!("saved “{}”", sanitize(&task.title)));
            if task.day == self.day() {
                self.pending_select = Some(task.id);
            }
        }
        step.outcome()
    }

    fn checklist_key(&mut self, action: ChecklistAction, ctx: &mut Ctx) -> Outcome {
        let Some(cl) = self.checklist.as_mut() else {
            return Outcome::Ignored;
        };
        match action {
            ChecklistAction::Move(nav) => {
                cl.cursor.apply(nav, cl.tasks.len());
                Outcome::Handled
            }
            ChecklistAction::Toggle => {
                if let Some(t) = cl.ticked.get_mut(cl.cursor.selected) {
                    *t = !*t;
                }
                Outcome::Handled
            }
            ChecklistAction::All => {
                let all = cl.ticked.iter().all(|t| *t);
                cl.ticked.iter_mut().for_each(|t| *t = !all);
                Outcome::Handled
            }
            ChecklistAction::Confirm => {
                let ids: Vec<Id> = cl
                    .tasks
                    .iter()
                    .zip(&cl.ticked)
                    .filter(|(_, on)| **on)
                    .map(|(t, _)| t.id)
                    .collect();
                self.checklist = None;
                self.carry(ctx, &ids)
            }
            ChecklistAction::Cancel => {
                self.checklist = None;
                Outcome::Handled
            }
        }
    }

    fn carry(&mut self, ctx: &mut Ctx, ids: &[Id]) -> Outcome {
        if ids.is_empty() {
            ctx.status.info("nothing carried");
            return Outcome::Handled;
        }
        self.offer_day = None;
        match ctx.repo.carry_tasks(ids, self.day()) {
            Ok(n) => {
                ctx.status.info(format!(
                    "carried {n} task{} to {}",
                    if n == 1 { "" } else { "s" },
                    self.day().format("%a %-d %b")
                ));
                Outcome::Wrote
            }
            Err(e) => {
                ctx.status.error(e);
                Outcome::Wrote
            }
        }
    }

    fn act(&mut self, action: Action, ctx: &mut Ctx) -> Outcome {
        match action {
            Action::List(a) => self.list_act(a, ctx),
            Action::FilterInput(a) => self.filter_act(a),
            Action::Dated(a) => self.day_act(a, ctx),
            Action::Focus(a) => self.focus_act(a, ctx),
            Action::CarryOffer(a) => self.carry_act(a, ctx),
            // Not a context this pane puts in force.
            _ => Outcome::Ignored,
        }
    }

    fn list_act(&mut self, action: ListAction, ctx: &mut Ctx) -> Outcome {
        let len = self.visible.len();
        match action {
            ListAction::Move(nav) => {
                self.cursor.apply(nav, len);
                Outcome::Handled
            }
            ListAction::Add => self.open_form(ctx, None),
            ListAction::Edit => match self.selected().cloned() {
                Some(t) => self.open_form(ctx, Some(t)),
                None => Outcome::Handled,
            },
            ListAction::Delete => {
                let Some(t) = self.selected() else {
                    return Outcome::Handled;
                };
                let (id, title) = (t.id, t.title.clone());
                match ctx.repo.delete(Deletable::Task, id) {
                    Ok(()) => {
                        ctx.status.offer_undo(
                            Deletable::Task,
                            id,
                            format!("task “{}”", truncate(&sanitize(&title), 40)),
                        );
                    }
                    Err(e) => ctx.status.error(e),
                }
                Outcome::Wrote
            }
            ListAction::Filter => {
                self.filter.typing = true;
                Outcome::Handled
            }
            ListAction::ClearFilter => {
                if !self.filter.is_active() {
                    return Outcome::Ignored;
                }
                self.filter = Filter::default();
                self.refilter();
                Outcome::Handled
            }
        }
    }

    fn filter_act(&mut self, action: FilterAction) -> Outcome {
        if self.filter.act(action) {
            self.refilter();
        }
        Outcome::Handled
    }

    fn day_act(&mut self, action: DayAction, ctx: &mut Ctx) -> Outcome {
        match action.day_from(self.day(), ctx.today) {
            Some(d) => self.go_to_day(d),
            None => Outcome::Handled,
        }
    }

    fn focus_act(&mut self, action: FocusAction, ctx: &mut Ctx) -> Outcome {
        match action {
            FocusAction::ToggleDone => {
                let next = match self.selected().map(|t| t.status) {
                    Some(TaskStatus::Done) => TaskStatus::Todo,
                    _ => TaskStatus::Done,
                };
                self.set_status(ctx, next)
            }
            FocusAction::CycleStatus => {
                let next = self.selected().map(|t| t.status.cycle());
                match next {
                    Some(s) => self.set_status(ctx, s),
                    None => Outcome::Handled,
                }
            }
            FocusAction::MoveTaskDown | FocusAction::MoveTaskUp => {
                let Some(id) = self.selected().map(|t| t.id) else {
                    return Outcome::Handled;
                };
                let dir = if action == FocusAction::MoveTaskDown {
                    Move::Down
                } else {
                    Move::Up
                };
                match ctx.repo.move_task(id, dir) {
                    Ok(_) => self.pending_select = Some(id),
                    Err(e) => ctx.status.error(e),
                }
                Outcome::Wrote
            }
        }
    }

    fn carry_act(&mut self, action: CarryAction, ctx: &mut Ctx) -> Outcome {
        match action {
            CarryAction::All => {
                let ids: Vec<Id> = self.offer.iter().map(|t| t.id).collect();
                self.carry(ctx, &ids)
            }
            CarryAction::Choose => {
                self.checklist = Some(Checklist {
                    ticked: vec![false; self.offer.len()],
                    tasks: self.offer.clone(),
                    cursor: Cursor::default(),
                });
                Outcome::Handled
            }
            CarryAction::Dismiss => {
                self.dismissed.insert(self.day());
                self.offer.clear();
                Outcome::Handled
            }
        }
    }

    fn render_header(&self, frame: &mut Frame, rect: Rect) {
        let t = self.theme;
        let counted: Vec<&Task> = self
            .tasks
            .iter()
            .filter(|t| t.status != TaskStatus::Dropped)
            .collect();
        let done = counted
            .iter()
            .filter(|t| t.status == TaskStatus::Done)
            .count();
        let left: u32 = counted
            .iter()
            .filter(|t| t.status.is_open())
            .filter_map(|t| t.estimate_minutes)
            .sum();
        let date = format!("◂ {} ▸", day_label(self.day(), self.today));
        let mut summary = format!(" {done}/{} done", counted.len());
        if left > 0 {
            summary.push_str(&format!(" · {} left", format_minutes(left)));
        }
        let w = usize::from(rect.width);
        let bar_cols = w.saturating_sub(width(&date) + width(&summary) + 2).min(40);
        let mut spans = vec![Span::styled(date, t.title()), Span::raw("  ")];
        if bar_cols >= 4 {
            spans.push(Span::styled(
                progress_bar(done, counted.len(), bar_cols),
                t.gauge(),
            ));
        }
        spans.push(Span::raw(summary));
        frame.render_widget(Paragraph::new(Line::from(spans)), rect);
    }

    fn render_offer(&self, frame: &mut Frame, rect: Rect) {
        let t = self.theme;
        let n = self.offer.len();
        let mut spans = vec![Span::styled(
            format!(
                "↻ {n} unfinished task{} from earlier days: ",
                if n == 1 { "" } else { "s" }
            ),
            t.warning(),
        )];
        for (k, h) in keymap::footer(&[Context::CarryOffer]) {
            spans.push(Span::styled(k, t.key()));
            spans.push(Span::raw(format!(" {h}  ")));
        }
        frame.render_widget(Paragraph::new(Line::from(spans)), rect);
    }

    fn render_table(&mut self, frame: &mut Frame, rect: Rect) {
        let t = self.theme;
        if rect.height < 2 {
            return;
        }
        let w = usize::from(rect.width);
        // Columns: status 3, priority 1, title, tags, carries 3, estimate 5, one space between.
        let tag_w = if w >= 100 { 24 } else { 14 };
        let fixed = 3 + 1 + tag_w + 3 + 5 + 5;
        let title_w = w.saturating_sub(fixed).max(1);
        let header = format!(
            "{} {} {} {} {} {}",
            fit("", 3),
            fit("", 1),
            fit("Task", title_w),
            fit("Tags", tag_w),
            fit("", 3),
            fit("Est", 5)
        );
        frame.render_widget(
            Paragraph::new(Span::styled(truncate(&header, w).into_owned(), t.dim())),
            Rect { height: 1, ..rect },
        );
        let body = Rect {
            y: rect.y + 1,
            height: rect.height - 1,
            ..rect
        };
        if self.visible.is_empty() {
            let msg = if self.filter.is_active() {
                "No task matches the filter. Esc clears it."
            } else {
                "No tasks for this day. Press a to add one."
            };
            render_empty(frame, body, msg, t);
            return;
        }
        let range = self
            .cursor
            .window(self.visible.len(), usize::from(body.height));
        let mut lines: Vec<Line> = Vec::with_capacity(range.len());
        for row in range {
            let Some(task) = self.visible.get(row).and_then(|&i| self.tasks.get(i)) else {
                continue;
            };
            let (mark, mark_style, title_style) = match task.status {
                TaskStatus::Todo => ("[ ]", t.plain(), t.plain()),
                TaskStatus::Doing => ("[▸]", t.doing(), t.bold()),
                TaskStatus::Done => ("[✓]", t.done(), t.done()),
                TaskStatus::Dropped => ("[✗]", t.dim(), t.dropped()),
            };
            let (pri, pri_style) = match task.priority.get() {
                1 => ("H", t.high()),
                3 => ("L", t.dim()),
                _ => ("M", t.plain()),
            };
            let carry = if task.carry_count > 0 {
                format!("↻{}", task.carry_count)
            } else {
                String::new()
            };
            let est = task
                .estimate_minutes
                .map(format_minutes)
                .unwrap_or_default();
            let selected = row == self.cursor.selected;
            let sel = |s: Style| if selected { s.patch(t.selected()) } else { s };
            lines.push(Line::from(vec![
                Span::styled(mark, sel(mark_style)),
                Span::styled(" ", sel(t.plain())),
                Span::styled(pri, sel(pri_style)),
                Span::styled(" ", sel(t.plain())),
                Span::styled(
                    fit(
                        &if task.notes.trim().is_empty() {
                            sanitize(&task.title).into_owned()
                        } else {
                            format!("{} ✎", sanitize(&task.title))
                        },
                        title_w,
                    ),
                    sel(title_style),
                ),
                Span::styled(" ", sel(t.plain())),
                Span::styled(fit(&tags_text(&task.tags), tag_w), sel(t.tag())),
                Span::styled(" ", sel(t.plain())),
                Span::styled(fit(&carry, 3), sel(t.warning())),
                Span::styled(" ", sel(t.plain())),
                Span::styled(fit(&est, 5), sel(t.dim())),
            ]));
        }
        frame.render_widget(Paragraph::new(lines), body);
    }

    fn render_detail(&self, frame: &mut Frame, rect: Rect) {
        let t = self.theme;
        let block = Block::default()
            .borders(Borders::LEFT)
            .border_style(t.dim())
            .title(Span::styled(" Details ", t.bold()));
        let inner = block.inner(rect);
        frame.render_widget(block, rect);
        let Some(task) = self.selected() else {
            return;
        };
        let mut lines = vec![
            Line::from(Span::styled(sanitize(&task.title).into_owned(), t.bold())),
            Line::from(vec![
                Span::styled("status ", t.dim()),
                Span::raw(task.status.label()),
                Span::styled("  priority ", t.dim()),
                Span::raw(task.priority.label()),
            ]),
        ];
        if task.carry_count > 0 {
            lines.push(Line::from(Span::styled(
                format!(
                    "carried {}× since {}",
                    task.carry_count,
                    task.first_day.format("%a %-d %b")
                ),
                t.warning(),
            )));
        }
        if let Some(at) = task.done_at {
            lines.push(Line::from(Span::styled(
                format!("done {}", at.format("%a %-d %b %H:%M")),
                t.done(),
            )));
        }
        if !task.tags.is_empty() {
            lines.push(Line::from(Span::styled(tags_text(&task.tags), t.tag())));
        }
        lines.push(Line::from(""));
        for l in sanitize_lines(&task.notes) {
            lines.push(Line::from(l.into_owned()));
        }
        frame.render_widget(
            Paragraph::new(lines).wrap(Wrap { trim: false }),
            Rect {
                x: inner.x.saturating_add(1),
                width: inner.width.saturating_sub(1),
                ..inner
            },
        );
    }

    fn render_checklist(&mut self, frame: &mut Frame, area: Rect) {
        let t = self.theme;
        let Some(cl) = self.checklist.as_mut() else {
            return;
        };
        let w = area.width.min(76);
        let h = area.height.min(
            u16::try_from(cl.tasks.len())
                .unwrap_or(u16::MAX)
                .saturating_add(4),
        );
        let popup = Rect {
            x: area.x + (area.width - w) / 2,
            y: area.y + (area.height - h) / 2,
            width: w,
            height: h,
        };
        frame.render_widget(Clear, popup);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(t.focus())
            .title(Span::styled(" Carry which tasks? ", t.title()));
        let inner = block.inner(popup);
        frame.render_widget(block, popup);
        if inner.height < 2 {
            return;
        }
        let list = Rect {
            height: inner.height - 1,
            ..inner
        };
        let range = cl.cursor.window(cl.tasks.len(), usize::from(list.height));
        let mut lines = Vec::new();
        for i in range {
            let (Some(task), Some(on)) = (cl.tasks.get(i), cl.ticked.get(i)) else {
                continue;
            };
            let text = format!(
                "{} {}  {}{}",
                if *on { "[x]" } else { "[ ]" },
                task.day.format("%a %-d %b"),
                sanitize(&task.title),
                if task.carry_count > 0 {
                    format!("  ↻{}", task.carry_count)
                } else {
                    String::new()
                }
            );
            let style = if i == cl.cursor.selected {
                t.selected()
            } else {
                t.plain()
            };
            lines.push(Line::from(Span::styled(
                fit(&text, usize::from(list.width)),
                style,
            )));
        }
        frame.render_widget(Paragraph::new(lines), list);
        let mut spans = Vec::new();
        for (k, h) in keymap::footer(&[Context::Checklist]) {
            spans.push(Span::styled(k, t.key()));
            spans.push(Span::raw(format!(" {h}  ")));
        }
        frame.render_widget(
            Paragraph::new(Line::from(spans)),
            Rect {
                y: inner.y + inner.height - 1,
                height: 1,
                ..inner
            },
        );
    }
}

/// The form's values as a draft for the repository; a value that cannot be read is an
/// error on its field.
fn read_form(form: &Form) -> Result<TaskDraft, DbError> {
    let estimate =
        parse_minutes(&form.text("estimate")).map_err(|e| DbError::invalid("estimate", e))?;
    let priority = form
        .picked("priority")
        .first()
        .and_then(|o| u8::try_from(o.id).ok())
        .and_then(|p| Priority::new(p).ok())
        .unwrap_or_default();
    Ok(TaskDraft {
        title: form.text("title"),
        notes: form.text("notes"),
        priority,
        estimate_minutes: estimate,
        goal_id: form
            .picked("goal")
            .first()
            .map(|o| o.id)
            .filter(|id| *id != NONE_ID),
        tags: form.picked("tags").into_iter().map(|o| o.label).collect(),
    })
}

/// (label, value) lines of a draft, for the conflict view.
fn draft_lines(d: &TaskDraft) -> Vec<(String, String)> {
    vec![
        ("title".into(), d.title.clone()),
        ("notes".into(), d.notes.clone()),
        ("priority".into(), d.priority.label().into()),
        (
            "estimate".into(),
            d.estimate_minutes.map(format_minutes).unwrap_or_default(),
        ),
        ("tags".into(), d.tags.join(" ")),
    ]
}

fn task_lines(t: &Task) -> Vec<(String, String)> {
    let mut lines = draft_lines(&TaskDraft {
        title: t.title.clone(),
        notes: t.notes.clone(),
        priority: t.priority,
        estimate_minutes: t.estimate_minutes,
        goal_id: t.goal_id,
        tags: t.tags.clone(),
    });
    lines.push(("status".into(), t.status.label().into()));
    lines
}

impl Pane for FocusPane {
    fn title(&self) -> &str {
        "Focus"
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
        self.refilter();
        self.select_id(keep);
        Ok(())
    }

    fn handle_key(&mut self, key: KeyEvent, ctx: &mut Ctx) -> Outcome {
        if self.editing.is_open() {
            return self.form_key(&key, ctx);
        }
        let Some(binding) = keymap::resolve(self.hints(), &key) else {
            if self.filter.typing {
                if self.filter.type_key(&key) {
                    self.refilter();
                }
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
        self.act(binding.action, ctx)
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
        if !self.offer.is_empty() {
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
            self.render_table(frame, table);
            self.render_detail(frame, detail);
        } else {
            self.render_table(frame, rest);
        }
        if self.checklist.is_some() {
            self.render_checklist(frame, area);
        }
        self.editing.render(frame, area);
    }

    fn hints(&self) -> &[Context] {
        if let Some(contexts) = self.editing.contexts() {
            return contexts;
        }
        if self.checklist.is_some() {
            return &[Context::Checklist];
        }
        if self.filter.typing {
            return &[Context::FilterInput];
        }
        if self.offer.is_empty() {
            &[Context::Focus, Context::Dated, Context::List]
        } else {
            // The offer's keys (c, C, x) clash with nothing, so it can follow Focus and the
            // footer shows the day's keys first (the banner shows the offer's).
            &[
                Context::Focus,
                Context::CarryOffer,
                Context::Dated,
                Context::List,
            ]
        }
    }

    fn paste(&mut self, text: &str, _ctx: &mut Ctx) -> Outcome {
        if self.editing.paste(text) {
            return Outcome::Handled;
        }
        if self.filter.typing {
            self.filter.text.push_str(&text.replace(['\n', '\r'], " "));
            self.refilter();
            return Outcome::Handled;
        }
        Outcome::Ignored
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
