//! What keys do on the tree and on a goal's page: status, moving under another parent,
//! deleting, the offer to mark a goal done once its milestones are and the rest of the actions.

use super::*;
use crate::db::Error as DbError;
use crate::model::{Deletable, Goal, GoalDraft, Id};
use crate::text::{sanitize, truncate};
use crate::tui::form::PickOption;
use crate::tui::keymap::{
    Action, Answer, BulkAction, FilterAction, GoalDetailAction, GoalsAction, ListAction, Nav,
};
use crate::tui::panes::list::Cursor;
use crate::tui::panes::pick::{Chooser, Chosen, NONE_ID};
use crate::tui::panes::{Ctx, Outcome};
use ratatui::crossterm::event::KeyEvent;

impl GoalsPane {
    pub(super) fn cycle_status(&mut self, ctx: &mut Ctx, goal: Option<Goal>) -> Outcome {
        let Some(g) = goal else {
            return Outcome::Handled;
        };
        let next = next_status(g.status);
        match ctx.repo.set_goal_status(g.id, g.stamp.version, next) {
            Ok(g) => ctx.status.info(format!(
                "“{}” is {}",
                truncate(&sanitize(&g.title), 50),
                g.status
            )),
            Err(e @ DbError::Conflict { .. }) => {
                ctx.status.error(format!("{e} — reloaded, try again"));
            }
            Err(e) => ctx.status.error(e),
        }
        Outcome::Wrote
    }

    pub(super) fn open_mover(&mut self) -> Outcome {
        let Some(g) = self.selected() else {
            return Outcome::Handled;
        };
        let (id, title, parent) = (g.id, g.title.clone(), g.parent_id);
        let paths = paths(&self.goals);
        let mut options = vec![PickOption::new(NONE_ID, "(top level)")];
        options.extend(
            self.goals
                .iter()
                .filter(|o| o.id != id)
                .map(|o| PickOption::new(o.id, paths.get(&o.id).cloned().unwrap_or_default())),
        );
        self.mover = Some((
            Chooser::new(
                format!("Move “{}” under…", truncate(&sanitize(&title), 40)),
                "Under",
                options,
                Some(parent.unwrap_or(NONE_ID)),
                self.theme,
            ),
            id,
        ));
        Outcome::Handled
    }

    pub(super) fn move_to(
        &mut self,
        ctx: &mut Ctx,
        id: Id,
        parent: Option<Id>,
    ) -> Result<Goal, DbError> {
        let g = ctx.repo.goal(id)?;
        ctx.repo.update_goal(
            id,
            g.stamp.version,
            &GoalDraft {
                parent_id: parent,
                organization_id: g.organization_id,
                title: g.title.clone(),
                description: g.description.clone(),
                target_date: g.target_date,
                tags: g.tags.clone(),
            },
        )
    }

    pub(super) fn mover_key(&mut self, key: &KeyEvent, ctx: &mut Ctx) -> Outcome {
        let Some((chooser, id)) = self.mover.as_mut() else {
            return Outcome::Ignored;
        };
        let id = *id;
        match chooser.handle_key(key) {
            Chosen::No => Outcome::Handled,
            Chosen::Cancelled => {
                self.mover = None;
                Outcome::Handled
            }
            Chosen::Picked(o) => {
                let parent = (o.id != NONE_ID).then_some(o.id);
                match self.move_to(ctx, id, parent) {
                    Ok(g) => {
                        ctx.status.info(format!(
                            "moved “{}” {}",
                            truncate(&sanitize(&g.title), 40),
                            match parent {
                                Some(p) => format!(
                                    "under “{}”",
                                    truncate(
                                        &sanitize(
                                            self.goal(p)
                                                .map_or(o.label.as_str(), |g| g.title.as_str())
                                        ),
                                        40
                                    )
                                ),
                                None => "to the top level".into(),
                            }
                        ));
                        if let Some(p) = parent {
                            self.collapsed.remove(&p);
                        }
                        self.pending_select = Some(g.id);
                        self.mover = None;
                        Outcome::Wrote
                    }
                    Err(e) => {
                        // The refusal (a goal under its own sub-goal) stays in the popup.
                        if let Some((chooser, _)) = self.mover.as_mut() {
                            chooser.form.show_error(&e);
                        }
                        Outcome::Handled
                    }
                }
            }
        }
    }

    /// The answer to "mark the goal done?" (asked when its last milestone was done).
    pub(super) fn confirm_key(&mut self, action: Option<Action>, ctx: &mut Ctx) -> Outcome {
        let Some(Action::Confirm(answer)) = action else {
            // The question takes every other key.
            return Outcome::Handled;
        };
        let Some((id, title)) = self.confirm.take() else {
            return Outcome::Handled;
        };
        match answer {
            Answer::Yes => {
                let done = ctx.repo.goal(id).and_then(|g| {
                    ctx.repo
                        .set_goal_status(id, g.stamp.version, GoalStatus::Done)
                });
                match done {
                    Ok(_) => ctx.status.info(format!(
                        "marked goal “{}” done — u to undo",
                        truncate(&sanitize(&title), 50)
                    )),
                    Err(e) => ctx.status.error(e),
                }
                Outcome::Wrote
            }
            Answer::No => {
                ctx.status
                    .info("the goal stays open (s changes its status)");
                Outcome::Handled
            }
        }
    }

    pub(super) fn tree_act(&mut self, action: Action, ctx: &mut Ctx) -> Outcome {
        match action {
            Action::List(a) => self.list_key(a, ctx),
            Action::FilterInput(a) => self.filter_key(a),
            Action::Goals(a) => self.tree_key(a, ctx),
            Action::Selectable(a) | Action::Selecting(a) => self.bulk_key(a, ctx),
            // Not a context this pane puts in force.
            _ => Outcome::Ignored,
        }
    }

    fn list_key(&mut self, action: ListAction, ctx: &mut Ctx) -> Outcome {
        let sel = self.selected().cloned();
        match action {
            ListAction::Move(nav) => {
                self.cursor.apply(nav, self.visible.len());
                Outcome::Handled
            }
            ListAction::Add => self.open_goal_form(ctx, None, None),
            ListAction::Edit => match sel {
                Some(g) => self.open_goal_form(ctx, Some(g), None),
                None => Outcome::Handled,
            },
            ListAction::Delete => {
                let Some(g) = sel else {
                    return Outcome::Handled;
                };
                let below = self.count_below(g.id);
                match ctx.repo.delete(Deletable::Goal, g.id) {
                    Ok(()) => ctx.status.offer_undo(
                        Deletable::Goal,
                        g.id,
                        format!(
                            "goal “{}”{}",
                            truncate(&sanitize(&g.title), 40),
                            match below {
                                0 => String::new(),
                                1 => " and its sub-goal".into(),
                                n => format!(" and its {n} sub-goals"),
                            }
                        ),
                    ),
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

    fn filter_key(&mut self, action: FilterAction) -> Outcome {
        if self.filter.act(action) {
            self.refilter();
        }
        Outcome::Handled
    }

    fn tree_key(&mut self, action: GoalsAction, ctx: &mut Ctx) -> Outcome {
        let sel = self.selected().cloned();
        match action {
            GoalsAction::Expand => {
                let Some(g) = sel else {
                    return Outcome::Handled;
                };
                if self.has_children(g.id)
                    && self.collapsed.contains(&g.id)
                    && !self.filter.is_active()
                {
                    self.collapsed.remove(&g.id);
                    self.refilter();
                    Outcome::Handled
                } else {
                    self.detail = Some(Detail {
                        id: g.id,
                        cursor: Cursor::default(),
                        tasks: Vec::new(),
                        tasks_total: 0,
                    });
                    Outcome::Moved
                }
            }
            GoalsAction::Collapse => {
                let Some(g) = sel else {
                    return Outcome::Handled;
                };
                if self.has_children(g.id)
                    && !self.collapsed.contains(&g.id)
                    && !self.filter.is_active()
                {
                    self.collapsed.insert(g.id);
                    self.refilter();
                } else if let Some(p) = g.parent_id {
                    self.select_id(Some(p));
                }
                Outcome::Handled
            }
            GoalsAction::ToggleAll => {
                if self.collapsed.is_empty() {
                    let parents: Vec<Id> = self
                        .goals
                        .iter()
                        .filter(|g| self.has_children(g.id))
                        .map(|g| g.id)
                        .collect();
                    self.collapsed.extend(parents);
                } else {
                    self.collapsed.clear();
                }
                self.refilter();
                Outcome::Handled
            }
            GoalsAction::AddChild => match sel {
                Some(g) => self.open_goal_form(ctx, None, Some(g.id)),
                None => self.open_goal_form(ctx, None, None),
            },
            GoalsAction::CycleStatus => self.cycle_status(ctx, sel),
            GoalsAction::MoveGoal => self.open_mover(),
        }
    }

    /// How many goals sit below `id`, at any depth.
    pub(super) fn count_below(&self, id: Id) -> usize {
        let Some(&i) = self.index.get(&id) else {
            return 0;
        };
        let d = self.depth[i];
        self.depth[i + 1..].iter().take_while(|&&x| x > d).count()
    }

    pub(super) fn detail_act(&mut self, action: GoalDetailAction, ctx: &mut Ctx) -> Outcome {
        let Some(d) = self.detail.as_ref() else {
            return Outcome::Handled;
        };
        let goal = self.goal(d.id).cloned();
        let Some(goal) = goal else {
            self.detail = None;
            return Outcome::Handled;
        };
        let ms = goal.milestones.get(d.cursor.selected).cloned();
        match action {
            GoalDetailAction::Back => {
                self.detail = None;
                self.select_id(Some(goal.id));
                Outcome::Handled
            }
            GoalDetailAction::Move(nav) => {
                if let Some(d) = self.detail.as_mut() {
                    d.cursor.apply(nav, goal.milestones.len());
                }
                Outcome::Handled
            }
            GoalDetailAction::ToggleDone => {
                let Some(m) = ms else {
                    ctx.status.info("no milestone here — a adds one");
                    return Outcome::Handled;
                };
                match ctx
                    .repo
                    .set_milestone_done(m.id, m.version, m.done_on.is_none())
                {
                    Ok(m) => {
                        ctx.status.info(format!(
                            "milestone “{}” {}",
                            truncate(&sanitize(&m.title), 50),
                            if m.done_on.is_some() {
                                "done"
                            } else {
                                "not done"
                            }
                        ));
                        // The last one done: offer to finish the goal itself.
                        if m.done_on.is_some()
                            && let Ok(g) = ctx.repo.goal(goal.id)
                            && !matches!(g.status, GoalStatus::Done | GoalStatus::Dropped)
                            && !g.milestones.is_empty()
                            && g.milestones.iter().all(|m| m.done_on.is_some())
                        {
                            self.confirm = Some((g.id, g.title));
                        }
                    }
                    Err(e @ DbError::Conflict { .. }) => {
                        ctx.status.error(format!("{e} — reloaded, try again"));
                    }
                    Err(e) => ctx.status.error(e),
                }
                Outcome::Wrote
            }
            GoalDetailAction::Add => self.open_milestone_form(ctx, goal.id, None),
            GoalDetailAction::Edit => match ms {
                Some(m) => self.open_milestone_form(ctx, goal.id, Some(&m)),
                None => self.open_milestone_form(ctx, goal.id, None),
            },
            GoalDetailAction::Delete => match ms {
                // Instant, like every other delete: `u` brings it back.
                Some(m) => match ctx.repo.delete_milestone(m.id) {
                    Ok(()) => {
                        ctx.status.info(format!(
                            "deleted milestone “{}” — u to undo",
                            truncate(&sanitize(&m.title), 50)
                        ));
                        Outcome::Wrote
                    }
                    Err(e) => {
                        ctx.status.error(e);
                        Outcome::Handled
                    }
                },
                None => {
                    ctx.status.info("no milestone here");
                    Outcome::Handled
                }
            },
            GoalDetailAction::CycleStatus => self.cycle_status(ctx, Some(goal)),
            GoalDetailAction::EditOuter => self.open_goal_form(ctx, Some(goal), None),
        }
    }

    // ---- drawing ------------------------------------------------------------------------

    /// `V` and what follows: marking goals, then one change to all of them (see `bulk`).
    fn bulk_key(&mut self, action: BulkAction, ctx: &mut Ctx) -> Outcome {
        let here = Here {
            selected: self.selected().map(|g| g.id),
            shown: self.shown().map(|g| g.id).collect(),
            day: ctx.today,
        };
        match self.marking.key(action, &GOALS, here, ctx, self.theme) {
            Step::Done(outcome) => outcome,
            Step::MoveDown => {
                self.cursor.apply(Nav::Down, self.visible.len());
                Outcome::Handled
            }
        }
    }
}
