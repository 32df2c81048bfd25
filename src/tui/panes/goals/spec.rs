//! What the goal and milestone forms save, and how a conflict shows the saved version: the
//! [`FormSpec`] of the Goals pane. It needs nothing from the pane itself, so the pane's module
//! can hold one without the two importing each other.

use crate::dates::Lean;
use crate::db::Error as DbError;
use crate::model::{Goal, GoalDraft, Id, Milestone};
use crate::tui::form::Form;
use crate::tui::form::controller::{Conflict, FormSpec, FormTarget, Lines};
use crate::tui::panes::Ctx;
use crate::tui::panes::pick::{NONE_ID, parse_day};
use chrono::NaiveDate;
use std::collections::HashMap;

/// The goals pane's two forms.
pub(in crate::tui::panes::goals) enum GoalForm {
    Goal {
        /// The parent a new goal was opened under (its draft is kept apart).
        parent: Option<Id>,
        /// Every organization's name, to name the goal's in the conflict view.
        organizations: HashMap<Id, String>,
        /// Every goal's path, to name the parent in the conflict view.
        paths: HashMap<Id, String>,
    },
    /// A milestone of the goal `goal`.
    Milestone { goal: Id },
}

pub(in crate::tui::panes::goals) enum GoalSaved {
    Goal(Goal),
    Milestone(Milestone),
}

fn goal_lines(
    paths: &HashMap<Id, String>,
    organizations: &HashMap<Id, String>,
    d: &GoalDraft,
) -> Lines {
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
        (
            "organization".to_string(),
            d.organization_id
                .and_then(|o| organizations.get(&o).cloned())
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

fn read_goal(form: &Form, today: NaiveDate) -> Result<GoalDraft, DbError> {
    let target_date = parse_day(&form.text("target"), today, "target date", Lean::Future)
        .map_err(|e| DbError::invalid("target", e))?;
    Ok(GoalDraft {
        parent_id: form
            .picked("parent")
            .first()
            .map(|o| o.id)
            .filter(|id| *id != NONE_ID),
        organization_id: form
            .picked("organization")
            .first()
            .map(|o| o.id)
            .filter(|id| *id != NONE_ID),
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
            GoalForm::Goal { .. } => {
                let draft = read_goal(form, ctx.today)?;
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
                organizations,
                paths,
                ..
            } => {
                let theirs = ctx.repo.goal(id)?;
                let yours = read_goal(form, ctx.today)?;
                let theirs_draft = GoalDraft {
                    parent_id: theirs.parent_id,
                    organization_id: theirs.organization_id,
                    title: theirs.title.clone(),
                    description: theirs.description.clone(),
                    target_date: theirs.target_date,
                    tags: theirs.tags.clone(),
                };
                Ok(Conflict {
                    yours: goal_lines(paths, organizations, &yours),
                    theirs: goal_lines(paths, organizations, &theirs_draft),
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
