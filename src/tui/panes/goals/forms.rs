//! The goal form and the milestone form: their fields, how they save and show the saved
//! version in a conflict, and where the selection lands after a save.

use super::*;
use crate::dates::Lean;
use crate::db::Error as DbError;
use crate::model::{Goal, GoalDraft, Id, Milestone};
use crate::text::{sanitize, truncate};
use crate::tui::form::controller::{Conflict, FormSpec, FormStep, FormTarget, Lines};
use crate::tui::form::{Form, PickOption};
use crate::tui::panes::common::{new_tag, tag_options};
use crate::tui::panes::pick::{NONE_ID, parse_day};
use crate::tui::panes::{Ctx, Outcome};
use ratatui::crossterm::event::KeyEvent;

impl GoalsPane {
    pub(super) fn open_goal_form(
        &mut self,
        ctx: &mut Ctx,
        goal: Option<Goal>,
        parent: Option<Id>,
    ) -> Outcome {
        let tags = match ctx.repo.tags() {
            Ok(t) => t,
            Err(e) => {
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
            .picker("tags", "Tags", tag_opts, &tag_ids, true, Some(new_tag));
        let spec = GoalForm::Goal {
            parent,
            organization_id: draft.organization_id,
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

/// The goals pane's two forms.
pub(super) enum GoalForm {
    Goal {
        /// The parent a new goal was opened under (its draft is kept apart).
        parent: Option<Id>,
        /// Kept as it is: the form does not edit it.
        organization_id: Option<Id>,
        /// Every goal's path, to name the parent in the conflict view.
        paths: HashMap<Id, String>,
    },
    /// A milestone of the goal `goal`.
    Milestone { goal: Id },
}

pub(super) enum GoalSaved {
    Goal(Goal),
    Milestone(Milestone),
}

fn goal_lines(paths: &HashMap<Id, String>, d: &GoalDraft) -> Lines {
    vec![
        ("title".to_string(), d.title.clone()),
        ("about".to_string(), d.description.clone()),
        (
            "target".to_string(),
            d.target_date.map(|d| d.to_string()).unwrap_or_default(),
        ),
        (
            "under".to_string(),
            d.parent_id
                .and_then(|p| paths.get(&p).cloned())
                .unwrap_or_default(),
        ),
        ("tags".to_string(), d.tags.join(" ")),
    ]
}

fn milestone_lines(title: String, due: Option<NaiveDate>) -> Lines {
    vec![
        ("title".to_string(), title),
        (
            "due".to_string(),
            due.map(|d| d.to_string()).unwrap_or_default(),
        ),
    ]
}

fn read_goal(
    form: &Form,
    today: NaiveDate,
    organization_id: Option<Id>,
) -> Result<GoalDraft, DbError> {
    let target_date = parse_day(&form.text("target"), today, "target date", Lean::Future)
        .map_err(|e| DbError::invalid("target", e))?;
    Ok(GoalDraft {
        parent_id: form
            .picked("parent")
            .first()
            .map(|o| o.id)
            .filter(|id| *id != NONE_ID),
        organization_id,
        title: form.text("title"),
        description: form.text("description"),
        target_date,
        tags: form.picked("tags").into_iter().map(|o| o.label).collect(),
    })
}

fn read_due(form: &Form, today: NaiveDate) -> Result<Option<NaiveDate>, DbError> {
    parse_day(&form.text("due"), today, "due date", Lean::Future)
        .map_err(|e| DbError::invalid("due", e))
}

impl FormSpec for GoalForm {
    type Saved = GoalSaved;

    fn draft_key(&self, target: &FormTarget) -> Option<String> {
        Some(match (self, target) {
            (GoalForm::Goal { parent: None, .. }, FormTarget::New) => "new".into(),
            (
                GoalForm::Goal {
                    parent: Some(p), ..
                },
                FormTarget::New,
            ) => format!("new:under:{p}"),
            (GoalForm::Goal { .. }, FormTarget::Edit { id, .. }) => format!("edit:{id}"),
            (GoalForm::Milestone { goal }, FormTarget::New) => format!("milestone:new:{goal}"),
            (GoalForm::Milestone { .. }, FormTarget::Edit { id, .. }) => {
                format!("milestone:edit:{id}")
            }
        })
    }

    fn save(&mut self, ctx: &Ctx, form: &Form, target: &FormTarget) -> Result<GoalSaved, DbError> {
        match self {
            GoalForm::Goal {
                organization_id, ..
            } => {
                let draft = read_goal(form, ctx.today, *organization_id)?;
                match *target {
                    FormTarget::New => ctx.repo.add_goal(&draft),
                    FormTarget::Edit { id, version } => ctx.repo.update_goal(id, version, &draft),
                }
                .map(GoalSaved::Goal)
            }
            GoalForm::Milestone { goal } => {
                let due = read_due(form, ctx.today)?;
                let title = form.text("title");
                match *target {
                    FormTarget::New => ctx.repo.add_milestone(*goal, &title, due),
                    FormTarget::Edit { id, version } => {
                        ctx.repo.update_milestone(id, version, &title, due)
                    }
                }
                .map(GoalSaved::Milestone)
            }
        }
    }

    fn conflict(
        &mut self,
        ctx: &Ctx,
        form: &Form,
        id: Id,
        current: i64,
    ) -> Result<Conflict, DbError> {
        match self {
            GoalForm::Goal {
                organization_id,
                paths,
                ..
            } => {
                let theirs = ctx.repo.goal(id)?;
                let yours = read_goal(form, ctx.today, *organization_id)?;
                let theirs_draft = GoalDraft {
                    parent_id: theirs.parent_id,
                    organization_id: theirs.organization_id,
                    title: theirs.title.clone(),
                    description: theirs.description.clone(),
                    target_date: theirs.target_date,
                    tags: theirs.tags.clone(),
                };
                Ok(Conflict {
                    yours: goal_lines(paths, &yours),
                    theirs: goal_lines(paths, &theirs_draft),
                    version: theirs.stamp.version,
                })
            }
            GoalForm::Milestone { goal } => {
                // Theirs is read afresh with its goal (a milestone's goal never changes).
                let fresh = ctx
                    .repo
                    .goal(*goal)?
                    .milestones
                    .into_iter()
                    .find(|m| m.id == id);
                let due = read_due(form, ctx.today)?;
                Ok(Conflict {
                    yours: milestone_lines(form.text("title"), due),
                    version: fresh.as_ref().map_or(current, |m| m.version),
                    theirs: fresh
                        .map(|m| milestone_lines(m.title, m.due_date))
                        .unwrap_or_default(),
                })
            }
        }
    }
}
