//! The goal form and the milestone form: opening them, their keys, saving (with the
//! conflict view) and where the selection lands after a save.

use super::*;
use crate::dates::Lean;
use crate::db::Error as DbError;
use crate::model::{Goal, GoalDraft, Id, Milestone};
use crate::text::{sanitize, truncate};
use crate::tui::form::{Form, FormEvent, PickOption};
use crate::tui::panes::common::{new_tag, tag_options};
use crate::tui::panes::pick::{NONE_ID, parse_day};
use crate::tui::panes::{Ctx, Outcome, PaneId};
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
                GoalTarget::Edit {
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
                GoalTarget::New { parent },
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
        self.start_editing(ctx, Editing::Goal { form, target })
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
                MsTarget::Edit {
                    id: m.id,
                    version: m.version,
                },
            ),
            None => ("New milestone", MsTarget::New { goal }),
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
        self.start_editing(ctx, Editing::Milestone { form, target })
    }

    pub(super) fn start_editing(&mut self, ctx: &mut Ctx, mut ed: Editing) -> Outcome {
        match ctx.drafts.take(PaneId::Goals, &ed.key()) {
            Ok(Some(d)) => {
                ed.form_mut().restore(&d.values);
                if let Some(v) = d.version {
                    ed.set_version(v);
                }
                ctx.status
                    .info("restored the unsaved draft from an interrupted session");
            }
            Ok(None) => {}
            Err(e) => ctx.status.error(format!("could not read the draft: {e}")),
        }
        self.editing = Some(ed);
        Outcome::Handled
    }

    pub(super) fn save(&mut self, ctx: &mut Ctx) -> Outcome {
        let today = ctx.today;
        let Some(ed) = self.editing.as_mut() else {
            return Outcome::Handled;
        };
        ed.form_mut().clear_errors();
        match ed {
            Editing::Goal { form, target } => {
                let target_date =
                    match parse_day(&form.text("target"), today, "target date", Lean::Future) {
                        Ok(d) => d,
                        Err(e) => {
                            form.set_error("target", e);
                            return Outcome::Handled;
                        }
                    };
                let parent_id = form
                    .picked("parent")
                    .first()
                    .map(|o| o.id)
                    .filter(|id| *id != NONE_ID);
                let organization_id = match target {
                    GoalTarget::Edit { id, .. } => self
                        .index
                        .get(id)
                        .and_then(|&i| self.goals.get(i))
                        .and_then(|g| g.organization_id),
                    GoalTarget::New { .. } => None,
                };
                let draft = GoalDraft {
                    parent_id,
                    organization_id,
                    title: form.text("title"),
                    description: form.text("description"),
                    target_date,
                    tags: form.picked("tags").into_iter().map(|o| o.label).collect(),
                };
                let result = match target {
                    GoalTarget::New { .. } => ctx.repo.add_goal(&draft),
                    GoalTarget::Edit { id, version } => ctx.repo.update_goal(*id, *version, &draft),
                };
                match result {
                    Ok(g) => {
                        ctx.status.info(format!(
                            "saved goal “{}”",
                            truncate(&sanitize(&g.title), 50)
                        ));
                        if let Some(p) = g.parent_id {
                            self.collapsed.remove(&p);
                        }
                        self.pending_select = Some(g.id);
                        self.editing = None;
                        Outcome::Wrote
                    }
                    Err(DbError::Conflict { id, .. }) => match ctx.repo.goal(id) {
                        Ok(theirs) => {
                            let paths = paths(&self.goals);
                            let parent_of = |p: Option<Id>| {
                                p.and_then(|p| paths.get(&p).cloned()).unwrap_or_default()
                            };
                            let lines = |d: &GoalDraft| {
                                vec![
                                    ("title".to_string(), d.title.clone()),
                                    ("about".to_string(), d.description.clone()),
                                    (
                                        "target".to_string(),
                                        d.target_date.map(|d| d.to_string()).unwrap_or_default(),
                                    ),
                                    ("under".to_string(), parent_of(d.parent_id)),
                                    ("tags".to_string(), d.tags.join(" ")),
                                ]
                            };
                            let theirs_draft = GoalDraft {
                                parent_id: theirs.parent_id,
                                organization_id: theirs.organization_id,
                                title: theirs.title.clone(),
                                description: theirs.description.clone(),
                                target_date: theirs.target_date,
                                tags: theirs.tags.clone(),
                            };
                            form.show_conflict(
                                lines(&draft),
                                lines(&theirs_draft),
                                theirs.stamp.version,
                            );
                            Outcome::Handled
                        }
                        Err(e) => {
                            form.show_error(&e);
                            Outcome::Handled
                        }
                    },
                    Err(e) => {
                        form.show_error(&e);
                        Outcome::Handled
                    }
                }
            }
            Editing::Milestone { form, target } => {
                let due = match parse_day(&form.text("due"), today, "due date", Lean::Future) {
                    Ok(d) => d,
                    Err(e) => {
                        form.set_error("due", e);
                        return Outcome::Handled;
                    }
                };
                let title = form.text("title");
                let result = match target {
                    MsTarget::New { goal } => ctx.repo.add_milestone(*goal, &title, due),
                    MsTarget::Edit { id, version } => {
                        ctx.repo.update_milestone(*id, *version, &title, due)
                    }
                };
                match result {
                    Ok(m) => {
                        ctx.status.info(format!(
                            "saved milestone “{}”",
                            truncate(&sanitize(&m.title), 50)
                        ));
                        self.editing = None;
                        self.select_milestone(m.id, m.goal_id);
                        Outcome::Wrote
                    }
                    Err(DbError::Conflict { id, current, .. }) => {
                        // The cached tree holds the copy this edit started from; theirs is
                        // read afresh (the milestone's goal never changes).
                        let goal = self
                            .goals
                            .iter()
                            .find(|g| g.milestones.iter().any(|m| m.id == id))
                            .map(|g| g.id);
                        let fresh = match goal.map(|g| ctx.repo.goal(g)) {
                            Some(Ok(g)) => g.milestones.into_iter().find(|m| m.id == id),
                            Some(Err(e)) => {
                                form.show_error(&e);
                                return Outcome::Handled;
                            }
                            None => None,
                        };
                        let version = fresh.as_ref().map_or(current, |m| m.version);
                        let theirs = fresh
                            .map(|m| {
                                vec![
                                    ("title".to_string(), m.title),
                                    (
                                        "due".to_string(),
                                        m.due_date.map(|d| d.to_string()).unwrap_or_default(),
                                    ),
                                ]
                            })
                            .unwrap_or_default();
                        let yours = vec![
                            ("title".to_string(), title),
                            (
                                "due".to_string(),
                                due.map(|d| d.to_string()).unwrap_or_default(),
                            ),
                        ];
                        form.show_conflict(yours, theirs, version);
                        Outcome::Handled
                    }
                    Err(e) => {
                        form.show_error(&e);
                        Outcome::Handled
                    }
                }
            }
        }
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
        let Some(ed) = self.editing.as_mut() else {
            return Outcome::Ignored;
        };
        match ed.form_mut().handle_key(key) {
            FormEvent::None => Outcome::Handled,
            FormEvent::Ignored => Outcome::Ignored,
            FormEvent::Save => self.save(ctx),
            FormEvent::Closed => {
                self.editing = None;
                Outcome::Handled
            }
            FormEvent::KeepTheirs => {
                self.editing = None;
                ctx.status
                    .info("kept the version saved by the other session");
                Outcome::Wrote
            }
            FormEvent::Overwrite { version } => {
                ed.set_version(version);
                self.save(ctx)
            }
        }
    }
}
