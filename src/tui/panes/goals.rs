//! Goals: the tree of goals and sub-goals (expand, collapse, move under another parent), each
//! with its status, target date and a progress gauge the repository computes from milestones
//! and sub-goals; a goal's page with its milestones (done, add, edit, delete) and the focus
//! tasks linked to it.

use super::actions::compact_day;
use super::chart::progress_bar;
use super::common::{new_tag, render_empty, render_filter, tag_options, tags_text};
use super::list::{Cursor, Filter};
use super::pick::{Chooser, Chosen, NONE_ID, parse_day, short_day};
use super::{Ctx, Outcome, Pane, PaneId, Target};
use crate::dates::Lean;
use crate::db::{Error as DbError, Repo};
use crate::model::{Deletable, Goal, GoalDraft, GoalStatus, Id, Milestone, Task, TaskStatus};
use crate::text::{fit, sanitize, sanitize_lines, truncate};
use crate::tui::form::{Form, FormDraft, FormEvent, PickOption};
use crate::tui::keymap::{self, Action, Context};
use crate::tui::theme::Theme;
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use std::collections::{HashMap, HashSet};

/// The status after `s`: active → paused → done → dropped → active.
pub fn next_status(s: GoalStatus) -> GoalStatus {
    match s {
        GoalStatus::Active => GoalStatus::Paused,
        GoalStatus::Paused => GoalStatus::Done,
        GoalStatus::Done => GoalStatus::Dropped,
        GoalStatus::Dropped => GoalStatus::Active,
    }
}

/// "Parent › Child" for every goal (goals in tree order, parents first).
fn paths(goals: &[Goal]) -> HashMap<Id, String> {
    let mut out: HashMap<Id, String> = HashMap::with_capacity(goals.len());
    for g in goals {
        let path = match g.parent_id.and_then(|p| out.get(&p)) {
            Some(parent) => format!("{parent} › {}", g.title),
            None => g.title.clone(),
        };
        out.insert(g.id, path);
    }
    out
}

/// Picker options over goals by path, for linking a task: active and paused goals, plus
/// `current` whatever its status, after a "(none)" option.
pub fn goal_options(goals: &[Goal], current: Option<Id>) -> Vec<PickOption> {
    let paths = paths(goals);
    std::iter::once(PickOption::new(NONE_ID, "(none)"))
        .chain(
            goals
                .iter()
                .filter(|g| {
                    matches!(g.status, GoalStatus::Active | GoalStatus::Paused)
                        || Some(g.id) == current
                })
                .map(|g| PickOption::new(g.id, paths.get(&g.id).cloned().unwrap_or_default())),
        )
        .collect()
}

fn percent(p: f64) -> String {
    format!("{:>3.0}%", (p.clamp(0.0, 1.0) * 100.0).floor())
}

fn status_style(s: GoalStatus, t: Theme) -> Style {
    match s {
        GoalStatus::Active => t.plain(),
        GoalStatus::Paused => t.warning(),
        GoalStatus::Done => t.done(),
        GoalStatus::Dropped => t.dropped(),
    }
}

enum GoalTarget {
    New { parent: Option<Id> },
    Edit { id: Id, version: i64 },
}

enum MsTarget {
    New { goal: Id },
    Edit { id: Id, version: i64 },
}

enum Editing {
    Goal { form: Form, target: GoalTarget },
    Milestone { form: Form, target: MsTarget },
}

impl Editing {
    fn form(&self) -> &Form {
        match self {
            Editing::Goal { form, .. } | Editing::Milestone { form, .. } => form,
        }
    }

    fn form_mut(&mut self) -> &mut Form {
        match self {
            Editing::Goal { form, .. } | Editing::Milestone { form, .. } => form,
        }
    }

    fn key(&self) -> String {
        match self {
            Editing::Goal {
                target: GoalTarget::New { parent: None },
                ..
            } => "new".into(),
            Editing::Goal {
                target: GoalTarget::New { parent: Some(p) },
                ..
            } => format!("new:under:{p}"),
            Editing::Goal {
                target: GoalTarget::Edit { id, .. },
                ..
            } => format!("edit:{id}"),
            Editing::Milestone {
                target: MsTarget::New { goal },
                ..
            } => format!("milestone:new:{goal}"),
            Editing::Milestone {
                target: MsTarget::Edit { id, .. },
                ..
            } => format!("milestone:edit:{id}"),
        }
    }

    fn version(&self) -> Option<i64> {
        match self {
            Editing::Goal {
                target: GoalTarget::Edit { version, .. },
                ..
            }
            | Editing::Milestone {
                target: MsTarget::Edit { version, .. },
                ..
            } => Some(*version),
            _ => None,
        }
    }

    fn set_version(&mut self, v: i64) {
        match self {
            Editing::Goal {
                target: GoalTarget::Edit { version, .. },
                ..
            }
            | Editing::Milestone {
                target: MsTarget::Edit { version, .. },
                ..
            } => *version = v,
            _ => {}
        }
    }
}

/// A goal's page.
struct Detail {
    id: Id,
    /// Over the milestones.
    cursor: Cursor,
    tasks: Vec<Task>,
}

pub struct GoalsPane {
    theme: Theme,
    today: NaiveDate,
    /// The global organization filter (`O`); `None` shows every goal.
    organization: Option<Id>,
    /// Every live goal in tree order (parents first, siblings by position).
    goals: Vec<Goal>,
    depth: Vec<usize>,
    children: Vec<usize>,
    index: HashMap<Id, usize>,
    collapsed: HashSet<Id>,
    /// Indices into `goals` of the rows on screen.
    visible: Vec<usize>,
    cursor: Cursor,
    filter: Filter,
    detail: Option<Detail>,
    editing: Option<Editing>,
    /// Choosing a new parent for this goal.
    mover: Option<(Chooser, Id)>,
    /// Asking before deleting this milestone for good.
    confirm: Option<Milestone>,
    pending_select: Option<Id>,
    /// A goal to open after the next reload (from another pane).
    pending_open: Option<Id>,
}

impl GoalsPane {
    pub fn new(theme: Theme) -> Self {
        GoalsPane {
            theme,
            today: NaiveDate::default(),
            organization: None,
            goals: Vec::new(),
            depth: Vec::new(),
            children: Vec::new(),
            index: HashMap::new(),
            collapsed: HashSet::new(),
            visible: Vec::new(),
            cursor: Cursor::default(),
            filter: Filter::default(),
            detail: None,
            editing: None,
            mover: None,
            confirm: None,
            pending_select: None,
            pending_open: None,
        }
    }

    /// The goals on screen, in order.
    pub fn shown(&self) -> impl Iterator<Item = &Goal> {
        self.visible.iter().filter_map(|&i| self.goals.get(i))
    }

    pub fn is_editing(&self) -> bool {
        self.editing.is_some()
    }

    /// The goal whose page is open.
    pub fn open_goal(&self) -> Option<&Goal> {
        self.detail.as_ref().and_then(|d| self.goal(d.id))
    }

    /// The focus tasks linked to the open goal.
    pub fn open_tasks(&self) -> &[Task] {
        self.detail.as_ref().map_or(&[], |d| &d.tasks)
    }

    fn goal(&self, id: Id) -> Option<&Goal> {
        self.index.get(&id).and_then(|&i| self.goals.get(i))
    }

    fn selected(&self) -> Option<&Goal> {
        self.visible
            .get(self.cursor.selected)
            .and_then(|&i| self.goals.get(i))
    }

    fn set_goals(&mut self, goals: Vec<Goal>) {
        self.index = goals.iter().enumerate().map(|(i, g)| (g.id, i)).collect();
        self.depth = vec![0; goals.len()];
        self.children = vec![0; goals.len()];
        for (i, g) in goals.iter().enumerate() {
            if let Some(&p) = g.parent_id.and_then(|p| self.index.get(&p)) {
                self.depth[i] = self.depth[p] + 1;
                self.children[p] += 1;
            }
        }
        self.collapsed.retain(|id| self.index.contains_key(id));
        self.goals = goals;
    }

    fn refilter(&mut self) {
        let keep = self.selected().map(|g| g.id);
        self.visible.clear();
        if self.filter.is_active() {
            // Matches and the goals above them, whatever is collapsed.
            let mut show = vec![false; self.goals.len()];
            for (i, g) in self.goals.iter().enumerate() {
                if self.filter.matches(
                    [g.title.as_str(), g.description.as_str(), g.status.label()]
                        .into_iter()
                        .chain(g.tags.iter().map(String::as_str))
                        .chain(g.milestones.iter().map(|m| m.title.as_str())),
                ) {
                    let mut at = Some(i);
                    while let Some(j) = at {
                        if std::mem::replace(&mut show[j], true) {
                            break;
                        }
                        at = self.goals[j]
                            .parent_id
                            .and_then(|p| self.index.get(&p).copied());
                    }
                }
            }
            self.visible = (0..self.goals.len()).filter(|&i| show[i]).collect();
        } else {
            let mut hide_below: Option<usize> = None;
            for (i, g) in self.goals.iter().enumerate() {
                let d = self.depth[i];
                if let Some(h) = hide_below {
                    if d > h {
                        continue;
                    }
                    hide_below = None;
                }
                self.visible.push(i);
                if self.collapsed.contains(&g.id) {
                    hide_below = Some(d);
                }
            }
        }
        self.select_id(keep);
    }

    fn select_id(&mut self, id: Option<Id>) {
        if let Some(id) = id
            && let Some(pos) = self
                .visible
                .iter()
                .position(|&i| self.goals.get(i).is_some_and(|g| g.id == id))
        {
            self.cursor.selected = pos;
        }
        self.cursor.clamp(self.visible.len());
    }

    /// Expands everything above `id` so its row shows.
    fn reveal(&mut self, id: Id) {
        let mut at = self.goal(id).and_then(|g| g.parent_id);
        while let Some(p) = at {
            self.collapsed.remove(&p);
            at = self.goal(p).and_then(|g| g.parent_id);
        }
    }

    fn has_children(&self, id: Id) -> bool {
        self.index
            .get(&id)
            .and_then(|&i| self.children.get(i))
            .is_some_and(|n| *n > 0)
    }

    fn open_goal_form(&mut self, ctx: &mut Ctx, goal: Option<Goal>, parent: Option<Id>) -> Outcome {
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

    fn open_milestone_form(&mut self, ctx: &mut Ctx, goal: Id, ms: Option<&Milestone>) -> Outcome {
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

    fn start_editing(&mut self, ctx: &mut Ctx, mut ed: Editing) -> Outcome {
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

    fn save(&mut self, ctx: &mut Ctx) -> Outcome {
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
    fn select_milestone(&mut self, id: Id, goal: Id) {
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

    fn form_key(&mut self, key: &KeyEvent, ctx: &mut Ctx) -> Outcome {
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

    fn cycle_status(&mut self, ctx: &mut Ctx, goal: Option<Goal>) -> Outcome {
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

    fn open_mover(&mut self) -> Outcome {
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

    fn move_to(&mut self, ctx: &mut Ctx, id: Id, parent: Option<Id>) -> Result<Goal, DbError> {
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

    fn mover_key(&mut self, key: &KeyEvent, ctx: &mut Ctx) -> Outcome {
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

    fn confirm_key(&mut self, action: Option<Action>, ctx: &mut Ctx) -> Outcome {
        match action {
            Some(Action::ConfirmYes) => {
                let Some(m) = self.confirm.take() else {
                    return Outcome::Handled;
                };
                match ctx.repo.delete_milestone(m.id) {
                    Ok(()) => ctx.status.info(format!(
                        "deleted milestone “{}”",
                        truncate(&sanitize(&m.title), 50)
                    )),
                    Err(e) => ctx.status.error(e),
                }
                Outcome::Wrote
            }
            Some(Action::ConfirmNo) => {
                self.confirm = None;
                Outcome::Handled
            }
            _ => Outcome::Handled,
        }
    }

    fn tree_act(&mut self, action: Action, ctx: &mut Ctx) -> Outcome {
        if self.cursor.apply(action, self.visible.len()) {
            return Outcome::Handled;
        }
        let sel = self.selected().cloned();
        match action {
            Action::Expand => {
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
                    });
                    Outcome::Moved
                }
            }
            Action::Collapse => {
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
            Action::ToggleAll => {
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
            Action::Add => self.open_goal_form(ctx, None, None),
            Action::AddChild => match sel {
                Some(g) => self.open_goal_form(ctx, None, Some(g.id)),
                None => self.open_goal_form(ctx, None, None),
            },
            Action::Edit => match sel {
                Some(g) => self.open_goal_form(ctx, Some(g), None),
                None => Outcome::Handled,
            },
            Action::CycleStatus => self.cycle_status(ctx, sel),
            Action::MoveGoal => self.open_mover(),
            Action::Delete => {
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
            Action::Filter => {
                self.filter.typing = true;
                Outcome::Handled
            }
            Action::ClearFilter => {
                if !self.filter.is_active() {
                    return Outcome::Ignored;
                }
                self.filter = Filter::default();
                self.refilter();
                Outcome::Handled
            }
            Action::FilterDone => {
                self.filter.typing = false;
                Outcome::Handled
            }
            Action::FilterCancel => {
                self.filter = Filter::default();
                self.refilter();
                Outcome::Handled
            }
            _ => Outcome::Ignored,
        }
    }

    /// How many goals sit below `id`, at any depth.
    fn count_below(&self, id: Id) -> usize {
        let Some(&i) = self.index.get(&id) else {
            return 0;
        };
        let d = self.depth[i];
        self.depth[i + 1..].iter().take_while(|&&x| x > d).count()
    }

    fn detail_act(&mut self, action: Action, ctx: &mut Ctx) -> Outcome {
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
            Action::Back => {
                self.detail = None;
                self.select_id(Some(goal.id));
                Outcome::Handled
            }
            Action::Down | Action::Up => {
                if let Some(d) = self.detail.as_mut() {
                    d.cursor.apply(action, goal.milestones.len());
                }
                Outcome::Handled
            }
            Action::ToggleDone => {
                let Some(m) = ms else {
                    ctx.status.info("no milestone here — a adds one");
                    return Outcome::Handled;
                };
                match ctx
                    .repo
                    .set_milestone_done(m.id, m.version, m.done_on.is_none())
                {
                    Ok(m) => ctx.status.info(format!(
                        "milestone “{}” {}",
                        truncate(&sanitize(&m.title), 50),
                        if m.done_on.is_some() {
                            "done"
                        } else {
                            "not done"
                        }
                    )),
                    Err(e @ DbError::Conflict { .. }) => {
                        ctx.status.error(format!("{e} — reloaded, try again"));
                    }
                    Err(e) => ctx.status.error(e),
                }
                Outcome::Wrote
            }
            Action::Add => self.open_milestone_form(ctx, goal.id, None),
            Action::Edit => match ms {
                Some(m) => self.open_milestone_form(ctx, goal.id, Some(&m)),
                None => self.open_milestone_form(ctx, goal.id, None),
            },
            Action::Delete => {
                match ms {
                    Some(m) => self.confirm = Some(m),
                    None => ctx.status.info("no milestone here"),
                }
                Outcome::Handled
            }
            Action::CycleStatus => self.cycle_status(ctx, Some(goal)),
            Action::EditOuter => self.open_goal_form(ctx, Some(goal), None),
            _ => Outcome::Ignored,
        }
    }

    // ---- drawing ------------------------------------------------------------------------

    fn render_tree(&mut self, frame: &mut Frame, rect: Rect) {
        let t = self.theme;
        if rect.height < 2 || rect.width < 10 {
            return;
        }
        let active = self
            .goals
            .iter()
            .filter(|g| g.status == GoalStatus::Active)
            .count();
        let done = self
            .goals
            .iter()
            .filter(|g| g.status == GoalStatus::Done)
            .count();
        let head = format!(
            "Goals · {active} active · {done} done · {} in all",
            self.goals.len()
        );
        frame.render_widget(
            Paragraph::new(Span::styled(
                truncate(&head, usize::from(rect.width)).into_owned(),
                t.title(),
            )),
            Rect { height: 1, ..rect },
        );
        let mut body = Rect {
            y: rect.y + 1,
            height: rect.height - 1,
            ..rect
        };
        if self.filter.is_active() || self.filter.typing {
            render_filter(
                frame,
                Rect { height: 1, ..body },
                &self.filter,
                self.visible.len(),
                self.goals.len(),
                t,
            );
            body.y += 1;
            body.height = body.height.saturating_sub(1);
        }
        if body.height == 0 {
            return;
        }
        if self.visible.is_empty() {
            let msg = if self.filter.is_active() {
                "No goal matches the filter. Esc clears it."
            } else {
                "No goals yet. Press a to add one, A for a sub-goal."
            };
            render_empty(frame, body, msg, t);
            return;
        }
        let w = usize::from(body.width);
        // status 7, target 11, gauge 12, percent 4; spaces between.
        let gauge_w = if w >= 100 { 16 } else { 10 };
        let fixed = 1 + 7 + 1 + 11 + 1 + gauge_w + 1 + 4;
        let title_w = w.saturating_sub(fixed).max(6);
        let range = self
            .cursor
            .window(self.visible.len(), usize::from(body.height));
        let mut lines = Vec::with_capacity(range.len());
        for row in range {
            let Some(&i) = self.visible.get(row) else {
                continue;
            };
            let Some(g) = self.goals.get(i) else {
                continue;
            };
            let selected = row == self.cursor.selected;
            let sel = |s: Style| if selected { s.patch(t.selected()) } else { s };
            let marker = if self.children.get(i).is_some_and(|n| *n > 0) {
                if self.collapsed.contains(&g.id) && !self.filter.is_active() {
                    "▸ "
                } else {
                    "▾ "
                }
            } else {
                "  "
            };
            let indent = "  ".repeat(self.depth.get(i).copied().unwrap_or(0).min(12));
            let label = format!("{indent}{marker}{}", sanitize(&g.title));
            let target = match g.target_date {
                Some(d)
                    if d < self.today
                        && matches!(g.status, GoalStatus::Active | GoalStatus::Paused) =>
                {
                    (d.format("%Y-%m-%d").to_string(), t.error())
                }
                Some(d) => (d.format("%Y-%m-%d").to_string(), t.dim()),
                None => (String::new(), t.dim()),
            };
            lines.push(Line::from(vec![
                Span::styled(fit(&label, title_w), sel(status_style(g.status, t))),
                Span::styled(" ", sel(t.plain())),
                Span::styled(fit(g.status.label(), 7), sel(status_style(g.status, t))),
                Span::styled(" ", sel(t.plain())),
                Span::styled(fit(&target.0, 11), sel(target.1)),
                Span::styled(" ", sel(t.plain())),
                Span::styled(
                    progress_bar(gauge_num(g.progress), 100, gauge_w),
                    sel(t.gauge()),
                ),
                Span::styled(" ", sel(t.plain())),
                Span::styled(percent(g.progress), sel(t.plain())),
            ]));
        }
        frame.render_widget(Paragraph::new(lines), body);
    }

    /// The selected goal beside the tree (wide terminals).
    fn render_preview(&self, frame: &mut Frame, rect: Rect) {
        let t = self.theme;
        let block = Block::default()
            .borders(Borders::LEFT)
            .border_style(t.dim())
            .title(Span::styled(" Goal ", t.bold()));
        let inner = block.inner(rect);
        frame.render_widget(block, rect);
        let inner = Rect {
            x: inner.x.saturating_add(1),
            width: inner.width.saturating_sub(1),
            ..inner
        };
        let Some(g) = self.selected() else {
            return;
        };
        let cols = usize::from(inner.width);
        let mut lines = self.goal_head(g, cols);
        if !g.milestones.is_empty() {
            lines.push(Line::from(Span::styled(
                format!(
                    "Milestones · {} of {} done",
                    g.milestones.iter().filter(|m| m.done_on.is_some()).count(),
                    g.milestones.len()
                ),
                t.title(),
            )));
            for m in &g.milestones {
                lines.push(self.milestone_line(m, cols, false));
            }
        }
        let subs: Vec<&Goal> = self
            .goals
            .iter()
            .filter(|c| c.parent_id == Some(g.id))
            .collect();
        if !subs.is_empty() {
            lines.push(Line::from(Span::styled(
                format!("Sub-goals ({})", subs.len()),
                t.title(),
            )));
            for c in subs {
                lines.push(self.sub_goal_line(c, cols));
            }
        }
        lines.push(Line::from(Span::styled(
            "Enter opens it with its linked tasks",
            t.dim(),
        )));
        frame.render_widget(Paragraph::new(lines), inner);
    }

    fn goal_head(&self, g: &Goal, cols: usize) -> Vec<Line<'static>> {
        let t = self.theme;
        let gauge_w = cols.saturating_sub(6).min(30);
        let mut lines = vec![
            Line::from(Span::styled(sanitize(&g.title).into_owned(), t.bold())),
            Line::from(vec![
                Span::styled(g.status.label().to_string(), status_style(g.status, t)),
                Span::styled(
                    match g.target_date {
                        Some(d) => format!(" · target {}", short_day(d, self.today)),
                        None => " · no target date".into(),
                    },
                    t.dim(),
                ),
                Span::styled(
                    g.done_on
                        .map(|d| format!(" · done {}", short_day(d, self.today)))
                        .unwrap_or_default(),
                    t.done(),
                ),
            ]),
            Line::from(vec![
                Span::styled(progress_bar(gauge_num(g.progress), 100, gauge_w), t.gauge()),
                Span::raw(format!(" {}", percent(g.progress).trim_start())),
            ]),
        ];
        if let Some(p) = g.parent_id.and_then(|p| self.goal(p)) {
            lines.push(Line::from(vec![
                Span::styled("under ", t.dim()),
                Span::raw(sanitize(&p.title).into_owned()),
            ]));
        }
        if !g.tags.is_empty() {
            lines.push(Line::from(Span::styled(tags_text(&g.tags), t.tag())));
        }
        for l in sanitize_lines(&g.description)
            .into_iter()
            .filter(|l| !l.trim().is_empty())
            .take(4)
        {
            lines.push(Line::from(truncate(&l, cols).into_owned()));
        }
        lines.push(Line::from(""));
        lines
    }

    fn milestone_line(&self, m: &Milestone, cols: usize, selected: bool) -> Line<'static> {
        let t = self.theme;
        let sel = |s: Style| if selected { s.patch(t.selected()) } else { s };
        let (mark, style) = if m.done_on.is_some() {
            ("[✓] ", t.done())
        } else {
            ("[ ] ", t.plain())
        };
        let (when, when_style) = match (m.done_on, m.due_date) {
            (Some(d), _) => (format!("done {}", compact_day(d, self.today)), t.done()),
            (None, Some(d)) if d < self.today => {
                (format!("overdue {}", compact_day(d, self.today)), t.error())
            }
            (None, Some(d)) => (format!("due {}", compact_day(d, self.today)), t.dim()),
            (None, None) => (String::new(), t.dim()),
        };
        let when_w = 22.min(cols / 3);
        let title_w = cols.saturating_sub(4 + 2 + when_w);
        Line::from(vec![
            Span::styled(mark, sel(style)),
            Span::styled(fit(&sanitize(&m.title), title_w), sel(style)),
            Span::styled("  ", sel(t.plain())),
            Span::styled(fit(&when, when_w), sel(when_style)),
        ])
    }

    fn sub_goal_line(&self, c: &Goal, cols: usize) -> Line<'static> {
        let t = self.theme;
        let gauge = progress_bar(gauge_num(c.progress), 100, 10);
        Line::from(vec![
            Span::styled(
                fit(
                    &format!("  {}", sanitize(&c.title)),
                    cols.saturating_sub(16),
                ),
                status_style(c.status, t),
            ),
            Span::styled(format!(" {gauge} "), t.gauge()),
            Span::raw(percent(c.progress)),
        ])
    }

    fn render_detail(&mut self, frame: &mut Frame, area: Rect) {
        let t = self.theme;
        let Some(d) = self.detail.as_ref() else {
            return;
        };
        let Some(g) = self.goal(d.id).cloned() else {
            render_empty(
                frame,
                area,
                "This goal is gone (deleted?). Esc goes back.",
                t,
            );
            return;
        };
        let cols = usize::from(area.width);
        let head = self.goal_head(&g, cols);
        let head_h = u16::try_from(head.len())
            .unwrap_or(u16::MAX)
            .min(area.height);
        frame.render_widget(
            Paragraph::new(head).wrap(Wrap { trim: false }),
            Rect {
                height: head_h,
                ..area
            },
        );
        let rest = Rect {
            y: area.y + head_h,
            height: area.height - head_h,
            ..area
        };
        if rest.height < 2 {
            return;
        }
        let tasks_n = self.detail.as_ref().map_or(0, |d| d.tasks.len());
        let subs: Vec<&Goal> = self
            .goals
            .iter()
            .filter(|c| c.parent_id == Some(g.id))
            .collect();
        // Milestones get what they need (at least 2 rows); tasks and sub-goals share the rest.
        let ms_h = (g.milestones.len().max(1) as u16 + 1)
            .min(
                rest.height
                    .saturating_sub(if tasks_n + subs.len() > 0 { 3 } else { 0 })
                    .max(2),
            )
            .min(rest.height);
        let ms_rect = Rect {
            height: ms_h,
            ..rest
        };
        let done = g.milestones.iter().filter(|m| m.done_on.is_some()).count();
        frame.render_widget(
            Paragraph::new(Span::styled(
                format!("Milestones · {done} of {} done", g.milestones.len()),
                t.title(),
            )),
            Rect {
                height: 1,
                ..ms_rect
            },
        );
        let list = Rect {
            y: ms_rect.y + 1,
            height: ms_rect.height - 1,
            ..ms_rect
        };
        if g.milestones.is_empty() {
            render_empty(
                frame,
                Rect {
                    height: list.height.min(1),
                    ..list
                },
                "No milestones. a adds one.",
                t,
            );
        } else if let Some(d) = self.detail.as_mut() {
            let range = d
                .cursor
                .window(g.milestones.len(), usize::from(list.height));
            let selected = d.cursor.selected;
            let lines: Vec<Line> = range
                .filter_map(|i| g.milestones.get(i).map(|m| (i, m)))
                .map(|(i, m)| self.milestone_line(m, cols, i == selected))
                .collect();
            frame.render_widget(Paragraph::new(lines), list);
        }
        let mut y = rest.y + ms_h;
        let bottom = rest.bottom();
        let mut lines: Vec<Line> = Vec::new();
        if !subs.is_empty() {
            lines.push(Line::from(Span::styled(
                format!("Sub-goals ({})", subs.len()),
                t.title(),
            )));
            for c in &subs {
                lines.push(self.sub_goal_line(c, cols));
            }
        }
        let tasks = self.detail.as_ref().map_or(&[][..], |d| &d.tasks[..]);
        lines.push(Line::from(Span::styled(
            format!("Linked focus tasks ({})", tasks.len()),
            t.title(),
        )));
        if tasks.is_empty() {
            lines.push(Line::from(Span::styled(
                "  none — pick this goal in a task's form in Focus (1)",
                t.dim(),
            )));
        }
        for task in tasks {
            let mark = match task.status {
                TaskStatus::Todo => "[ ]",
                TaskStatus::Doing => "[▸]",
                TaskStatus::Done => "[✓]",
                TaskStatus::Dropped => "[✗]",
            };
            let style = match task.status {
                TaskStatus::Done => t.done(),
                TaskStatus::Dropped => t.dropped(),
                _ => t.plain(),
            };
            let text = format!(
                "  {} {mark} {}",
                fit(&short_day(task.day, self.today), 11),
                sanitize(&task.title)
            );
            lines.push(Line::from(Span::styled(fit(&text, cols), style)));
        }
        if y < bottom {
            y += 1;
        }
        if y < bottom {
            frame.render_widget(
                Paragraph::new(lines),
                Rect {
                    y,
                    height: bottom - y,
                    ..rest
                },
            );
        }
        if let Some(m) = &self.confirm {
            let w = area.width.min(60);
            let popup = Rect {
                x: area.x + (area.width - w) / 2,
                y: area.y + area.height.saturating_sub(5) / 2,
                width: w,
                height: area.height.min(5),
            };
            let block = Block::default()
                .borders(Borders::ALL)
                .border_style(t.warning())
                .title(Span::styled(
                    " Delete this milestone for good? ",
                    t.warning(),
                ));
            let inner = block.inner(popup);
            let mut keys = Vec::new();
            for (k, h) in keymap::footer(&[Context::ConfirmDelete]) {
                keys.push(Span::styled(k, t.key()));
                keys.push(Span::raw(format!(" {h}  ")));
            }
            let lines = vec![
                Line::from(Span::styled(
                    truncate(&sanitize(&m.title), usize::from(inner.width)).into_owned(),
                    t.bold(),
                )),
                Line::from(Span::styled(
                    "milestones cannot be restored with u",
                    t.dim(),
                )),
                Line::from(keys),
            ];
            frame.render_widget(Clear, popup);
            frame.render_widget(block, popup);
            frame.render_widget(Paragraph::new(lines), inner);
        }
    }
}

/// Progress as a whole percentage for [`progress_bar`].
fn gauge_num(p: f64) -> usize {
    (p.clamp(0.0, 1.0) * 100.0).floor() as usize
}

/// The goals of one organization (all when `None`), in tree order. A goal with no
/// organization of its own belongs to its parent's; the goals above a kept one stay too, so
/// the tree keeps its shape.
fn in_organization(goals: Vec<Goal>, organization: Option<Id>) -> Vec<Goal> {
    let Some(org) = organization else {
        return goals;
    };
    let index: HashMap<Id, usize> = goals.iter().enumerate().map(|(i, g)| (g.id, i)).collect();
    // Parents come before their children, so one pass settles every goal's organization.
    let mut effective: Vec<Option<Id>> = Vec::with_capacity(goals.len());
    for g in &goals {
        let inherited = g
            .parent_id
            .and_then(|p| index.get(&p))
            .and_then(|&p| effective.get(p).copied().flatten());
        effective.push(g.organization_id.or(inherited));
    }
    let mut keep = vec![false; goals.len()];
    for i in (0..goals.len()).rev() {
        if effective[i] == Some(org) || keep[i] {
            keep[i] = true;
            if let Some(&p) = goals[i].parent_id.and_then(|p| index.get(&p)) {
                keep[p] = true;
            }
        }
    }
    goals
        .into_iter()
        .zip(keep)
        .filter_map(|(g, k)| k.then_some(g))
        .collect()
}

impl Pane for GoalsPane {
    fn title(&self) -> &str {
        "Goals"
    }

    fn set_organization(&mut self, organization: Option<Id>) {
        self.organization = organization;
    }

    fn reload(&mut self, repo: &Repo) -> anyhow::Result<()> {
        self.today = repo.clock().today();
        let keep = self.pending_select.take().or(self.selected().map(|g| g.id));
        self.set_goals(in_organization(repo.goal_tree()?, self.organization));
        if let Some(id) = self.pending_open.take()
            && self.index.contains_key(&id)
        {
            self.detail = Some(Detail {
                id,
                cursor: Cursor::default(),
                tasks: Vec::new(),
            });
            self.filter = Filter::default();
            self.reveal(id);
            self.refilter();
            self.select_id(Some(id));
        } else {
            if let Some(id) = keep {
                self.reveal(id);
            }
            self.refilter();
            self.select_id(keep);
        }
        if let Some(id) = self.detail.as_ref().map(|d| d.id) {
            if self.index.contains_key(&id) {
                let tasks = repo.tasks_for_goal(id)?;
                let n = self.goal(id).map_or(0, |g| g.milestones.len());
                if let Some(d) = self.detail.as_mut() {
                    d.tasks = tasks;
                    d.cursor.clamp(n);
                }
            } else {
                self.detail = None;
            }
        }
        Ok(())
    }

    fn handle_key(&mut self, key: KeyEvent, ctx: &mut Ctx) -> Outcome {
        if self.editing.is_some() {
            return self.form_key(&key, ctx);
        }
        if self.mover.is_some() {
            return self.mover_key(&key, ctx);
        }
        let binding = keymap::resolve(self.hints(), &key);
        if self.confirm.is_some() {
            return self.confirm_key(binding.map(|b| b.action), ctx);
        }
        let Some(binding) = binding else {
            if self.filter.typing {
                if self.filter.type_key(&key) {
                    self.refilter();
                }
                return Outcome::Handled;
            }
            return Outcome::Ignored;
        };
        if self.detail.is_some() {
            self.detail_act(binding.action, ctx)
        } else {
            self.tree_act(binding.action, ctx)
        }
    }

    fn render(&mut self, frame: &mut Frame, area: Rect) {
        if area.height < 3 || area.width < 10 {
            return;
        }
        if self.detail.is_some() {
            self.render_detail(frame, area);
        } else if area.width >= 110 {
            let preview_w = area.width * 35 / 100;
            let tree = Rect {
                width: area.width - preview_w - 1,
                ..area
            };
            let preview = Rect {
                x: area.x + area.width - preview_w,
                width: preview_w,
                ..area
            };
            self.render_tree(frame, tree);
            self.render_preview(frame, preview);
        } else {
            self.render_tree(frame, area);
        }
        if let Some((chooser, _)) = self.mover.as_mut() {
            chooser.form.render(frame, area);
        }
        if let Some(ed) = self.editing.as_mut() {
            ed.form_mut().render(frame, area);
        }
    }

    fn hints(&self) -> &[Context] {
        if let Some(ed) = &self.editing {
            return ed.form().contexts();
        }
        if let Some((chooser, _)) = &self.mover {
            return chooser.form.contexts();
        }
        if self.confirm.is_some() {
            return &[Context::ConfirmDelete];
        }
        if self.detail.is_some() {
            return &[Context::GoalDetail];
        }
        if self.filter.typing {
            return &[Context::FilterInput];
        }
        &[Context::Goals, Context::List]
    }

    fn paste(&mut self, text: &str, _ctx: &mut Ctx) -> Outcome {
        if let Some(ed) = self.editing.as_mut() {
            ed.form_mut().paste(text);
            return Outcome::Handled;
        }
        if let Some((chooser, _)) = self.mover.as_mut() {
            chooser.form.paste(text);
            return Outcome::Handled;
        }
        if self.detail.is_none() && self.filter.typing {
            self.filter.text.push_str(&text.replace(['\n', '\r'], " "));
            self.refilter();
            return Outcome::Handled;
        }
        Outcome::Ignored
    }

    fn take_draft(&mut self) -> Option<FormDraft> {
        let ed = self.editing.take()?;
        if !ed.form().is_changed() {
            return None;
        }
        Some(FormDraft {
            target: ed.key(),
            version: ed.version(),
            values: ed.form().values(),
        })
    }

    fn select(&mut self, target: Target) -> bool {
        let Target::Goal { id } = target else {
            return false;
        };
        self.editing = None;
        self.mover = None;
        self.confirm = None;
        self.pending_open = Some(id);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_cycles_through_all_four() {
        let mut s = GoalStatus::Active;
        let mut seen = Vec::new();
        for _ in 0..4 {
            s = next_status(s);
            seen.push(s);
        }
        assert_eq!(
            seen,
            [
                GoalStatus::Paused,
                GoalStatus::Done,
                GoalStatus::Dropped,
                GoalStatus::Active
            ]
        );
        assert_eq!(percent(0.666), " 66%");
        assert_eq!(percent(2.0), "100%");
        assert_eq!(gauge_num(0.5), 50);
    }
}
