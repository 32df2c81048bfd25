//! Skills: the matrix. Each skill with its category, current level (0–5, named), target, the
//! gap between them, when it was last assessed (and how long ago), and its levels over time as
//! a sparkline. `o` sorts by category, by gap or by time since assessed; `r` records a level
//! (every assessment is kept). Enter shows one skill in detail: a step chart of its level over
//! time, the evidence recorded with each assessment, and the journal entries linked to it
//! (Enter opens one in the Journal pane).

use super::chart::{held_by_month, sparkline, step_chart};
use super::common::{
    new_tag, render_empty, render_filter, say_jump, side_panel, tag_options, tags_text,
};
use super::list::{Cursor, Filter};
use super::{Ctx, Outcome, Pane, PaneId, Target};
use crate::db::Repo;
use crate::model::{
    Assessment, AttachOwner, Deletable, Id, Learning, Organization, Skill, SkillDraft,
    skill_level_name,
};
use crate::text::wrap;
use crate::text::{fit, sanitize, sanitize_lines, truncate};
use crate::tui::attach::Attached;
use crate::tui::form::controller::{FormController, FormStep, FormTarget};
use crate::tui::form::{Form, FormDraft, PickOption};
use crate::tui::keymap::{
    self, Action, Context, FilterAction, ListAction, SkillDetailAction, SkillsAction,
};
use crate::tui::theme::Theme;
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

mod keys;
mod render;
mod spec;
#[cfg(test)]
mod tests;

use spec::SkillForm;

/// Assessed longer ago than this many days counts as stale (shown in warning colours).
const STALE_DAYS: i64 = 90;
const WIDE: u16 = 110;
/// From this width the matrix has a panel beside it showing the selected skill.
const SIDE_PANEL: u16 = 140;

/// How the table is sorted (`o` cycles).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    /// By category, then name.
    Category,
    /// Largest gap to the target first (skills without a target last).
    Gap,
    /// Never assessed first, then longest since assessed.
    Stale,
}

impl Sort {
    fn next(self) -> Sort {
        match self {
            Sort::Category => Sort::Gap,
            Sort::Gap => Sort::Stale,
            Sort::Stale => Sort::Category,
        }
    }

    fn label(self) -> &'static str {
        match self {
            Sort::Category => "category",
            Sort::Gap => "gap to target",
            Sort::Stale => "time since assessed",
        }
    }
}

/// Levels the list reads per skill: the widest sparkline it draws.
const SPARK_LEVELS: usize = 20;

/// Journal entries a skill's page lists at most (newest first); its heading counts them all.
const LINKED_LISTED: usize = 100;

/// One skill in detail.
struct Detail {
    id: Id,
    history: Vec<Assessment>,
    learnings: Vec<Learning>,
    /// How many entries are linked in all (`learnings` holds the latest).
    learnings_total: usize,
    cursor: Cursor,
    /// The selected assessment, counted from the newest (the evidence list's order).
    evidence: Cursor,
    /// Whether j/k, Enter and d act on the assessments (else on the journal entries).
    on_evidence: bool,
}

impl Detail {
    /// The assessment selected in the evidence list (newest first).
    fn selected_assessment(&self) -> Option<&Assessment> {
        let n = self.history.len();
        n.checked_sub(1 + self.evidence.selected)
            .and_then(|i| self.history.get(i))
    }
}

pub struct SkillsPane {
    theme: Theme,
    today: NaiveDate,
    organization: Option<Id>,
    /// Every live skill (category, name order).
    skills: Vec<Skill>,
    /// Indices into `skills`: in the organization, passing the filter, in `sort` order.
    visible: Vec<usize>,
    cursor: Cursor,
    filter: Filter,
    sort: Sort,
    orgs: Vec<Organization>,
    editing: FormController<SkillForm>,
    detail: Option<Detail>,
    pending_select: Option<Id>,
    /// The attachments of the assessment selected on the skill's page (read when the
    /// selection moves to another assessment).
    attached: Attached,
}

impl SkillsPane {
    pub fn new(theme: Theme) -> Self {
        SkillsPane {
            theme,
            today: NaiveDate::default(),
            organization: None,
            skills: Vec::new(),
            visible: Vec::new(),
            cursor: Cursor::default(),
            filter: Filter::default(),
            sort: Sort::Category,
            orgs: Vec::new(),
            editing: FormController::new(PaneId::Skills.slug()),
            detail: None,
            pending_select: None,
            attached: Attached::default(),
        }
    }

    /// The skills on screen, in order.
    pub fn shown(&self) -> impl Iterator<Item = &Skill> {
        self.visible.iter().filter_map(|&i| self.skills.get(i))
    }

    pub fn selected(&self) -> Option<&Skill> {
        self.visible
            .get(self.cursor.selected)
            .and_then(|&i| self.skills.get(i))
    }

    pub fn sort(&self) -> Sort {
        self.sort
    }

    pub fn is_editing(&self) -> bool {
        self.editing.is_open()
    }

    /// The skill shown in detail, if the detail view is open.
    pub fn detail_id(&self) -> Option<Id> {
        self.detail.as_ref().map(|d| d.id)
    }

    fn skill(&self, id: Id) -> Option<&Skill> {
        self.skills.iter().find(|s| s.id == id)
    }

    fn staleness(&self, s: &Skill) -> Option<i64> {
        s.last_assessed.map(|d| (self.today - d).num_days())
    }

    fn refilter(&mut self) {
        let keep = self.selected().map(|s| s.id);
        let mut visible: Vec<usize> = self
            .skills
            .iter()
            .enumerate()
            .filter(|(_, s)| self.organization.is_none() || s.organization_id == self.organization)
            .filter(|(_, s)| {
                self.filter.matches(
                    [s.name.as_str(), s.category.as_str(), s.description.as_str()]
                        .into_iter()
                        .chain(s.tags.iter().map(String::as_str)),
                )
            })
            .map(|(i, _)| i)
            .collect();
        let name = |i: &usize| {
            self.skills
                .get(*i)
                .map(|s| s.name.to_lowercase())
                .unwrap_or_default()
        };
        match self.sort {
            // The repository's order already.
            Sort::Category => {}
            Sort::Gap => visible.sort_by_cached_key(|i| {
                let gap = self.skills.get(*i).and_then(Skill::gap);
                (gap.is_none(), std::cmp::Reverse(gap), name(i))
            }),
            Sort::Stale => visible.sort_by_cached_key(|i| {
                let last = self.skills.get(*i).and_then(|s| s.last_assessed);
                (last.is_some(), last, name(i))
            }),
        }
        self.visible = visible;
        self.select_id(keep);
    }

    fn select_id(&mut self, id: Option<Id>) {
        let rows = &self.skills;
        self.cursor.select_where(&self.visible, |i| {
            id.is_some_and(|id| rows.get(i).is_some_and(|s| s.id == id))
        });
    }

    /// The selected assessment's attachments, read when the selection moved to another one
    /// (or always with `again`, after a reload). No assessment (or no skill's page): none.
    fn sync_attached(&mut self, repo: &Repo, again: bool) -> anyhow::Result<()> {
        let id = self
            .detail
            .as_ref()
            .and_then(Detail::selected_assessment)
            .map(|a| a.id);
        self.attached
            .follow(repo, AttachOwner::Assessment, id, again)
    }

    /// After a key: the attachments follow the selected assessment.
    fn follow_selection(&mut self, ctx: &mut Ctx) {
        if let Err(e) = self.sync_attached(ctx.repo, false) {
            ctx.status.error(format!("{e:#}"));
        }
    }

    fn load_detail(repo: &Repo, id: Id) -> anyhow::Result<Detail> {
        let (learnings, learnings_total) = repo.recent_learnings_for_skill(id, LINKED_LISTED)?;
        Ok(Detail {
            id,
            history: repo.skill_history(id)?,
            learnings,
            learnings_total,
            cursor: Cursor::default(),
            evidence: Cursor::default(),
            on_evidence: false,
        })
    }
}

impl Pane for SkillsPane {
    fn history_target(&self) -> Option<super::Target> {
        self.selected().map(|s| super::Target::Skill { id: s.id })
    }

    fn title(&self) -> &str {
        "Skills"
    }

    /// A skill's page lists its journal entries by date; the list of skills has no dates.
    fn dated(&self) -> bool {
        self.detail.is_some()
    }

    /// On a skill's page: the linked journal entry nearest on or before `day`.
    fn jump_to_date(&mut self, day: NaiveDate, ctx: &mut Ctx) -> Option<Outcome> {
        let d = self.detail.as_mut()?;
        let nearest = d
            .learnings
            .iter()
            .enumerate()
            .filter(|(_, l)| l.at.date() <= day)
            .max_by_key(|(_, l)| l.at);
        let landed = nearest.map(|(i, l)| {
            d.cursor.selected = i;
            l.at.date()
        });
        say_jump(ctx.status, "linked journal entries", day, landed);
        Some(Outcome::Handled)
    }

    fn reload(&mut self, repo: &Repo) -> anyhow::Result<()> {
        self.today = repo.clock().today();
        let keep = self.pending_select.take().or(self.selected().map(|s| s.id));
        self.skills = repo.skills_recent(SPARK_LEVELS)?;
        self.orgs = repo.organizations()?;
        if let Some(d) = &self.detail {
            let (id, sel) = (d.id, d.cursor.selected);
            let (ev, on_evidence) = (d.evidence.selected, d.on_evidence);
            if self.skill(id).is_some() {
                let mut fresh = Self::load_detail(repo, id)?;
                fresh.cursor.selected = sel;
                fresh.cursor.clamp(fresh.learnings.len());
                fresh.evidence.selected = ev;
                fresh.evidence.clamp(fresh.history.len());
                fresh.on_evidence = on_evidence;
                self.detail = Some(fresh);
            } else {
                self.detail = None;
            }
        }
        self.refilter();
        self.select_id(keep);
        self.sync_attached(repo, true)?;
        Ok(())
    }

    fn handle_key(&mut self, key: KeyEvent, ctx: &mut Ctx) -> Outcome {
        if self.editing.is_open() {
            return self.form_key(&key, ctx);
        }
        if self.detail.is_some() && self.attached.is_open() {
            return self.attached.handle_key(&key, ctx);
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
        let outcome = if self.detail.is_some() {
            match binding.action {
                Action::SkillDetail(a) => self.detail_key(a, ctx),
                Action::Attachments(a) => self.attach_act(a, ctx),
                // Only global keys reach past the detail (the app handles them).
                _ => Outcome::Ignored,
            }
        } else {
            self.act(binding.action, ctx)
        };
        self.follow_selection(ctx);
        outcome
    }

    fn render(&mut self, frame: &mut Frame, area: Rect) {
        if area.height < 3 || area.width < 10 {
            return;
        }
        if self.detail.is_some() {
            self.render_detail(frame, area);
            self.attached.render_prompt(frame, area, self.theme);
        } else if area.width >= SIDE_PANEL {
            // A wide screen shows the selected skill beside the matrix.
            let side_w = area.width.saturating_sub(WIDE).clamp(36, 60);
            let table = Rect {
                width: area.width - side_w,
                ..area
            };
            self.render_table(frame, table);
            self.render_side(
                frame,
                Rect {
                    x: area.x + table.width,
                    width: side_w,
                    ..area
                },
            );
        } else {
            self.render_table(frame, area);
        }
        self.editing.render(frame, area);
    }

    fn hints(&self) -> &[Context] {
        if let Some(contexts) = self.editing.contexts() {
            return contexts;
        }
        if self.detail.is_some() {
            if let Some(modal) = self.attached.contexts() {
                return modal;
            }
            // Attachments last: the page's own keys keep the front of the footer.
            return &[Context::SkillDetail, Context::Attachments];
        }
        if self.filter.typing {
            return &[Context::FilterInput];
        }
        &[Context::Skills, Context::List]
    }

    fn paste(&mut self, text: &str, _ctx: &mut Ctx) -> Outcome {
        if self.editing.paste(text) || (self.detail.is_some() && self.attached.paste(text)) {
            return Outcome::Handled;
        }
        if self.filter.typing {
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
        let Target::Skill { id } = target else {
            return false;
        };
        self.detail = None;
        self.filter = Filter::default();
        self.pending_select = Some(id);
        true
    }

    fn set_organization(&mut self, organization: Option<Id>) {
        self.organization = organization;
    }
}
