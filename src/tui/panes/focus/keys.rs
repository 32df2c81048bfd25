//! What keys do on the day's tasks, in the task form, the checklist and the carry offer.

use super::*;

impl FocusPane {
    pub(super) fn set_status(&mut self, ctx: &mut Ctx, status: TaskStatus) -> Outcome {
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

    pub(super) fn open_form(&mut self, ctx: &mut Ctx, task: Option<Task>) -> Outcome {
        let (tags, goals) = match ctx.repo.tags().and_then(|t| Ok((t, ctx.repo.goal_tree()?))) {
            Ok(x) => x,
            Err(e) => {
                ctx.status.error(e);
                return Outcome::Handled;
            }
        };
        let (day, open) = match &task {
            Some(t) => (
                t.day,
                matches!(t.status, TaskStatus::Todo | TaskStatus::Doing),
            ),
            None => (self.day(), true),
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
        )
        .line("day", "Day", &day.format("%Y-%m-%d").to_string());
        self.editing.open(ctx, form, target, TaskForm { day, open });
        Outcome::Handled
    }

    pub(super) fn form_key(&mut self, key: &KeyEvent, ctx: &mut Ctx) -> Outcome {
        let step = self.editing.handle_key(key, ctx);
        if let FormStep::Saved(task) = &step {
            if task.day == self.day() {
                ctx.status
                    .info(format!("saved “{}”", sanitize(&task.title)));
            } else {
                ctx.status.info(format!(
                    "saved “{}” on {}",
                    sanitize(&task.title),
                    task.day.format("%a %-d %b")
                ));
            }
            if task.day == self.day() {
                self.pending_select = Some(task.id);
            }
        }
        step.outcome()
    }

    pub(super) fn checklist_key(&mut self, action: ChecklistAction, ctx: &mut Ctx) -> Outcome {
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

    pub(super) fn carry(&mut self, ctx: &mut Ctx, ids: &[Id]) -> Outcome {
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

    pub(super) fn act(&mut self, action: Action, ctx: &mut Ctx) -> Outcome {
        match action {
            Action::List(a) => self.list_act(a, ctx),
            Action::FilterInput(a) => self.filter_act(a),
            Action::Dated(a) => self.day_act(a, ctx),
            Action::Focus(a) => self.focus_act(a, ctx),
            Action::CarryOffer(a) => self.carry_act(a, ctx),
            Action::Selectable(a) | Action::Selecting(a) => self.bulk_act(a, ctx),
            Action::Attachments(a) => {
                if self.selected().is_none() {
                    ctx.status.info("no task selected: a adds one");
                    return Outcome::Handled;
                }
                self.attached.act(a, ctx)
            }
            // Not a context this pane puts in force.
            _ => Outcome::Ignored,
        }
    }

    /// The selected task's attachments, read when the selection moved to another task (or
    /// always with `again`, after a reload).
    pub(super) fn sync_attached(&mut self, repo: &Repo, again: bool) -> anyhow::Result<()> {
        let id = self.selected().map(|t| t.id);
        self.attached.follow(repo, AttachOwner::Task, id, again)
    }

    pub(super) fn list_act(&mut self, action: ListAction, ctx: &mut Ctx) -> Outcome {
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
                if !self.filter.clear() {
                    return Outcome::Ignored;
                }
                self.refilter();
                Outcome::Handled
            }
        }
    }

    pub(super) fn filter_act(&mut self, action: FilterAction) -> Outcome {
        if self.filter.act(action) {
            self.refilter();
        }
        Outcome::Handled
    }

    pub(super) fn day_act(&mut self, action: DayAction, ctx: &mut Ctx) -> Outcome {
        match action.day_from(self.day(), ctx.today) {
            Some(d) => self.go_to_day(d),
            None => Outcome::Handled,
        }
    }

    pub(super) fn focus_act(&mut self, action: FocusAction, ctx: &mut Ctx) -> Outcome {
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
            FocusAction::Postpone => {
                let Some((id, title)) = self.selected().map(|t| (t.id, t.title.clone())) else {
                    return Outcome::Handled;
                };
                let Some(to) = self.day().checked_add_days(chrono::Days::new(1)) else {
                    return Outcome::Handled;
                };
                match ctx.repo.carry_tasks(&[id], to) {
                    Ok(0) => ctx
                        .status
                        .warn("only a task still to do moves to another day"),
                    Ok(_) => ctx.status.info(format!(
                        "“{}” moved to {}",
                        sanitize(&title),
                        to.format("%a %-d %b")
                    )),
                    Err(e) => ctx.status.error(e),
                }
                Outcome::Wrote
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

    pub(super) fn carry_act(&mut self, action: CarryAction, ctx: &mut Ctx) -> Outcome {
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

    /// `V` and what follows: marking rows, then one change to all of them (see `bulk`).
    pub(super) fn bulk_act(&mut self, action: BulkAction, ctx: &mut Ctx) -> Outcome {
        let here = Here {
            selected: self.selected().map(|t| t.id),
            shown: self.shown().map(|t| t.id).collect(),
            day: self.day(),
        };
        match self.marking.key(action, &TASKS, here, ctx, self.theme) {
            Step::Done(outcome) => outcome,
            Step::MoveDown => {
                self.cursor.apply(keymap::Nav::Down, self.visible.len());
                Outcome::Handled
            }
        }
    }
}
