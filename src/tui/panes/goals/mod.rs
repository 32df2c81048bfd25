//! Goals: the tree of goals and sub-goals (expand, collapse, move under another parent), each
//! with its status, target date and a progress gauge the repository computes from milestones
//! and sub-goals; a goal's page with its milestones (done, add, edit, delete) and the focus
//! tasks linked to it.
//!
//! Here the pane's state and its `Pane` face; `forms` holds the goal and milestone forms,
//! `keys` what keys do on the tree and on a page, `render` the drawing.

use super::bulk::{Here, Marking, Rows, Step};
use super::list::{Cursor, Filter};
use super::pick::{Chooser, NONE_ID};
use super::{Ctx, Outcome, Pane, PaneId, Target};
use crate::db::Repo;
use crate::model::{Goal, GoalStatus, Id, Task};
use crate::tui::form::controller::FormController;
use crate::tui::form::{FormDraft, PickOption};
use crate::tui::keymap::{self, Action, Context};
use crate::tui::theme::Theme;
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::style::Style;
use std::collections::{HashMap, HashSet};

mod forms;
mod spec;

use spec::GoalForm;
mod keys;
mod render;

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

/// A goal's page.
struct Detail {
    id: Id,
    /// Over the milestones.
    cursor: Cursor,
    /// The newest linked tasks (at most [`LINKED_TASKS`]).
    tasks: Vec<Task>,
    /// How many tasks are linked in all.
    tasks_total: usize,
}

/// How many linked tasks a goal's page loads: more than any screen shows.
const LINKED_TASKS: usize = 100;

/// Goals as marking sees them: done, tagged or deleted together.
static GOALS: Rows = Rows {
    one: "goal",
    many: "goals",
    kind: crate::model::Deletable::Goal,
    done: Some(|repo, ids| repo.set_goals_status(ids, GoalStatus::Done)),
    tag: Some(Repo::tag_goals),
    move_to: None,
};

pub struct GoalsPane {
    theme: Theme,
    today: NaiveDate,
    /// The global organization filter (`O`); `None` shows every goal.
    organization: Option<Id>,
    /// Goals the organization filter leaves out (said in the header and the empty list).
    hidden_by_organization: usize,
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
    /// The attachments of the goal whose page is open.
    attached: crate::tui::attach::Attached,
    editing: FormController<GoalForm>,
    /// Choosing a new parent for this goal.
    mover: Option<(Chooser, Id)>,
    /// Asking whether to mark this goal done (its milestones all are): its id and title.
    confirm: Option<(Id, String)>,
    /// Goals marked to change together (`v`).
    marking: Marking,
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
            hidden_by_organization: 0,
            goals: Vec::new(),
            depth: Vec::new(),
            children: Vec::new(),
            index: HashMap::new(),
            collapsed: HashSet::new(),
            visible: Vec::new(),
            cursor: Cursor::default(),
            filter: Filter::default(),
            detail: None,
            attached: Default::default(),
            editing: FormController::new(PaneId::Goals.slug()),
            mover: None,
            confirm: None,
            marking: Marking::new(PaneId::Goals.slug()),
            pending_select: None,
            pending_open: None,
        }
    }

    /// The goals on screen, in order.
    pub fn shown(&self) -> impl Iterator<Item = &Goal> {
        self.visible.iter().filter_map(|&i| self.goals.get(i))
    }

    pub fn is_editing(&self) -> bool {
        self.editing.is_open()
    }

    /// The goals marked to change together, if marking (`V`) is on.
    pub fn marked(&self) -> Option<Vec<Id>> {
        self.marking.marked()
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
        let index = &self.index;
        self.marking.retain(|id| index.contains_key(&id));
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
        let rows = &self.goals;
        self.cursor.select_where(&self.visible, |i| {
            id.is_some_and(|id| rows.get(i).is_some_and(|g| g.id == id))
        });
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
    fn history_target(&self) -> Option<super::Target> {
        self.selected().map(|g| super::Target::Goal { id: g.id })
    }

    fn database_replaced(&mut self) -> bool {
        // Marked rows are ids of the old database too.
        let marked = self.marking.replaced();
        let asked = self.confirm.is_some() || self.mover.is_some() || marked;
        self.confirm = None;
        self.mover = None;
        asked
    }

    fn title(&self) -> &str {
        "Goals"
    }

    fn set_organization(&mut self, organization: Option<Id>) {
        self.organization = organization;
    }

    fn reload(&mut self, repo: &Repo) -> anyhow::Result<()> {
        self.today = repo.clock().today();
        let keep = self.pending_select.take().or(self.selected().map(|g| g.id));
        let all = repo.goal_tree()?;
        let total = all.len();
        let shown = in_organization(all, self.organization);
        self.hidden_by_organization = total - shown.len();
        self.set_goals(shown);
        if let Some(id) = self.pending_open.take()
            && self.index.contains_key(&id)
        {
            self.detail = Some(Detail {
                id,
                cursor: Cursor::default(),
                tasks: Vec::new(),
                tasks_total: 0,
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
                let (tasks, total) = repo.recent_tasks_for_goal(id, LINKED_TASKS)?;
                let n = self.goal(id).map_or(0, |g| g.milestones.len());
                self.attached
                    .load(repo, crate::model::AttachOwner::Goal, id)?;
                if let Some(d) = self.detail.as_mut() {
                    d.tasks = tasks;
                    d.tasks_total = total;
                    d.cursor.clamp(n);
                }
            } else {
                self.detail = None;
            }
        }
        Ok(())
    }

    fn handle_key(&mut self, key: KeyEvent, ctx: &mut Ctx) -> Outcome {
        if self.editing.is_open() {
            return self.form_key(&key, ctx);
        }
        if let Some(outcome) = self.marking.prompt_key(&key, ctx) {
            return outcome;
        }
        if self.mover.is_some() {
            return self.mover_key(&key, ctx);
        }
        if self.detail.is_some() && self.attached.is_open() {
            return self.attached.handle_key(&key, ctx);
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
            match binding.action {
                Action::GoalDetail(a) => self.detail_act(a, ctx),
                Action::Attachments(a) => self.attached.act(a, ctx),
                // Only global keys reach past the goal view (the app handles them).
                _ => Outcome::Ignored,
            }
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
            self.attached.render_prompt(frame, area, self.theme);
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
        if let Some((chooser, _)) = &self.mover {
            return chooser.form.contexts();
        }
        if self.confirm.is_some() {
            return &[Context::Confirm];
        }
        if self.detail.is_some() {
            return self
                .attached
                .contexts()
                .unwrap_or(&[Context::GoalDetail, Context::Attachments]);
        }
        if self.filter.typing {
            return &[Context::FilterInput];
        }
        if self.marking.on() {
            return &[Context::Selecting, Context::Goals, Context::List];
        }
        &[Context::Goals, Context::List, Context::Selectable]
    }

    fn paste(&mut self, text: &str, _ctx: &mut Ctx) -> Outcome {
        if self.editing.paste(text) || self.marking.paste(text) {
            return Outcome::Handled;
        }
        if let Some((chooser, _)) = self.mover.as_mut() {
            chooser.form.paste(text);
            return Outcome::Handled;
        }
        if self.detail.is_some() && self.attached.paste(text) {
            return Outcome::Handled;
        }
        if self.detail.is_none() && self.filter.typing {
            self.filter.paste(text);
            self.refilter();
            return Outcome::Handled;
        }
        Outcome::Ignored
    }

    fn take_draft(&mut self) -> Option<FormDraft> {
        self.editing.take_draft()
    }

    fn select(&mut self, target: Target) -> bool {
        let Target::Goal { id } = target else {
            return false;
        };
        self.editing.close();
        self.mover = None;
        self.confirm = None;
        self.pending_open = Some(id);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::render::gauge_num;
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
