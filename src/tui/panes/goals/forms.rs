//! The goal form and the milestone form: their fields, how they save and show the saved
//! version in a conflict, and where the selection lands after a save.

use super::spec::{GoalForm, GoalSaved};
use super::*;
use crate::model::{Goal, GoalDraft, Id, Milestone};
use crate::text::{sanitize, truncate};
use crate::tui::form::controller::{FormStep, FormTarget};
use crate::tui::form::{Form, PickOption};
use crate::tui::panes::common::{new_tag, tag_options};
use crate::tui::panes::pick::NONE_ID;
use crate::tui::panes::{Ctx, Outcome};
use ratatui::crossterm::event::KeyEvent;

impl GoalsPane {
    pub(super) fn open_goal_form(
        &mut self,
        ctx: &mut Ctx,
        goal: Option<Goal>,
        parent: Option<Id>,
    ) -> Outcome {
        let (tags, orgs) = match (ctx.repo.tags(), ctx.repo.organizations()) {
            (Ok(t), Ok(o)) => (t, o),
            (Err(e), _) | (_, Err(e)) => {
                ctx.status.error(e);
                return Outcome::Handled;
            }
        };
        let (heading, target, draft) = match &goal {
            Some(g) => (
                "Edit goal".to_string(),
                FormTarget::Edit {
                    id: g.id,
                    version: g.stamp.version,
                },
                GoalDraft {
                    parent_id: g.parent_id,
                    organization_id: g.organization_id,
                    title: g.title.clone(),
                    description: g.description.clone(),
                    target_date: g.target_date,
                    tags: g.tags.clone(),
                },
            ),
            None => (
                match parent.and_then(|p| self.goal(p)) {
                    Some(p) => format!("New sub-goal of “{}”", truncate(&sanitize(&p.title), 40)),
                    None => "New goal".to_string(),
                },
                FormTarget::New,
                GoalDraft {
                    parent_id: parent,
                    // A new top-level goal belongs to the organization shown, so it does not
                    // vanish from the list it was added to; a sub-goal takes its parent's.
                    organization_id: if parent.is_none() {
                        self.organization
                    } else {
                        None
                    },
                    ..GoalDraft::default()
                },
            ),
        };
        let (tag_opts, tag_ids) = tag_options(&tags, &draft.tags);
        let mut parents = vec![PickOption::new(NONE_ID, "(top level)")];
        let paths = paths(&self.goals);
        parents.extend(
            self.goals
                .iter()
                .filter(|g| goal.as_ref().is_none_or(|me| me.id != g.id))
                .map(|g| PickOption::new(g.id, paths.get(&g.id).cloned().unwrap_or_default())),
        );
        let form = Form::new(heading, self.theme)
            .line("title", "Title", &draft.title)
            .multiline("description", "About", &draft.description, 3)
            .line(
                "target",
                "Target",
                &draft
                    .target_date
                    .map(|d| d.format("%Y-%m-%d").to_string())
                    .unwrap_or_default(),
            )
            .picker(
                "parent",
                "Under",
                parents,
                &[draft.parent_id.unwrap_or(NONE_ID)],
                false,
                None,
            )
            .picker(
                "organization",
                "Org",
                std::iter::once(PickOption::new(NONE_ID, "(none: its parent's)"))
                    .chain(orgs.iter().map(|o| PickOption::new(o.id, o.name.clone())))
                    .collect(),
                &[draft.organization_id.unwrap_or(NONE_ID)],
                false,
                None,
            )
            .picker("tags", "Tags", tag_opts, &tag_ids, true, Some(new_tag));
        let spec = GoalForm::Goal {
            parent,
            organizations: orgs.into_iter().map(|o| (o.id, o.name)).collect(),
            paths,
        };
        self.editing.open(ctx, form, target, spec);
        Outcome::Handled
    }

    pub(super) fn open_milestone_form(
        &mut self,
        ctx: &mut Ctx,
        goal: Id,
        ms: Option<&Milestone>,
    ) -> Outcome {
        let (heading, target) = match ms {
            Some(m) => (
                "Edit milestone",
                FormTarget::Edit {
                    id: m.id,
                    version: m.version,
                },
            ),
            None => ("New milestone", FormTarget::New),
        };
        let form = Form::new(heading, self.theme)
            .line("title", "Title", ms.map_or("", |m| m.title.as_str()))
            .line(
                "due",
                "Due",
                &ms.and_then(|m| m.due_date)
                    .map(|d| d.format("%Y-%m-%d").to_string())
                    .unwrap_or_default(),
            );
        self.editing
            .open(ctx, form, target, GoalForm::Milestone { goal });
        Outcome::Handled
    }

    /// Puts the milestone cursor on `id` once the goal is reloaded.
    pub(super) fn select_milestone(&mut self, id: Id, goal: Id) {
        // The new milestone goes last; an edited one keeps its place. The reload clamps.
        if let Some(d) = self.detail.as_mut()
            && d.id == goal
        {
            let pos = self
                .goals
                .iter()
                .find(|g| g.id == goal)
                .and_then(|g| g.milestones.iter().position(|m| m.id == id))
                .unwrap_or(usize::MAX);
            d.cursor.selected = pos;
        }
    }

    pub(super) fn form_key(&mut self, key: &KeyEvent, ctx: &mut Ctx) -> Outcome {
        let step = self.editing.handle_key(key, ctx);
        match &step {
            FormStep::Saved(GoalSaved::Goal(g)) => {
                ctx.status.info(format!(
                    "saved goal “{}”",
                    truncate(&sanitize(&g.title), 50)
                ));
                if let Some(p) = g.parent_id {
                    self.collapsed.remove(&p);
                }
                self.pending_select = Some(g.id);
            }
            FormStep::Saved(GoalSaved::Milestone(m)) => {
                ctx.status.info(format!(
                    "saved milestone “{}”",
                    truncate(&sanitize(&m.title), 50)
                ));
                self.select_milestone(m.id, m.goal_id);
            }
            _ => {}
        }
        step.outcome()
    }
}
