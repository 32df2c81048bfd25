//! Skills: the matrix. Each skill with its category, current level (0–5, named), target, the
//! gap between them, when it was last assessed (and how long ago), and its levels over time as
//! a sparkline. `o` sorts by category, by gap or by time since assessed; `r` records a level
//! (every assessment is kept). Enter shows one skill in detail: a step chart of its level over
//! time, the evidence recorded with each assessment, and the journal entries linked to it
//! (Enter opens one in the Journal pane).

use super::chart::sparkline;
use super::common::{new_tag, render_empty, render_filter, tag_options, tags_text};
use super::list::{Cursor, Filter};
use super::{Ctx, Outcome, Pane, PaneId, Target};
use crate::dates::Lean;
use crate::db::{Error as DbError, Repo};
use crate::model::{
    Assessment, Deletable, Id, Learning, Organization, Skill, SkillDraft, skill_level_name,
};
use crate::text::{fit, sanitize, sanitize_lines, truncate};
use crate::tui::form::controller::{Conflict, FormController, FormSpec, FormStep, FormTarget};
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
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Block, Borders, Chart, Dataset, GraphType, Paragraph, Wrap};

/// Assessed longer ago than this many days counts as stale (shown in warning colours).
const STALE_DAYS: i64 = 90;
const WIDE: u16 = 110;

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

/// The skills pane's two forms: a skill (new or edited), or an assessment of one.
enum SkillForm {
    /// The organizations, to name one in the conflict view.
    Skill {
        orgs: Vec<Organization>,
    },
    Assess {
        skill_id: Id,
    },
}

enum SkillSaved {
    Skill(Skill),
    Assessed {
        skill_id: Id,
        assessment: Assessment,
    },
}

impl FormSpec for SkillForm {
    type Saved = SkillSaved;

    fn draft_key(&self, target: &FormTarget) -> Option<String> {
        Some(match self {
            SkillForm::Skill { .. } => target.key(),
            SkillForm::Assess { skill_id } => format!("assess:{skill_id}"),
        })
    }

    fn save(&mut self, ctx: &Ctx, form: &Form, target: &FormTarget) -> Result<SkillSaved, DbError> {
        match (self, *target) {
            (SkillForm::Assess { skill_id }, _) => {
                let level = form
                    .picked("level")
                    .first()
                    .and_then(|o| u8::try_from(o.id).ok())
                    .ok_or_else(|| DbError::invalid("level", "pick a level 0–5"))?;
                let on = parse_day(&form.text("on"), ctx.today)
                    .map_err(|e| DbError::invalid("on", e))?;
                let note = form.text("note");
                let assessment = ctx.repo.record_skill_level(*skill_id, level, on, &note)?;
                Ok(SkillSaved::Assessed {
                    skill_id: *skill_id,
                    assessment,
                })
            }
            (SkillForm::Skill { .. }, FormTarget::Edit { id, version }) => ctx
                .repo
                .update_skill(id, version, &read_skill_form(form))
                .map(SkillSaved::Skill),
            (SkillForm::Skill { .. }, FormTarget::New) => ctx
                .repo
                .add_skill(&read_skill_form(form))
                .map(SkillSaved::Skill),
        }
    }

    fn conflict(&mut self, ctx: &Ctx, form: &Form, id: Id, _: i64) -> Result<Conflict, DbError> {
        let theirs = ctx.repo.skill(id)?;
        let orgs = match self {
            SkillForm::Skill { orgs } => orgs.as_slice(),
            SkillForm::Assess { .. } => &[],
        };
        Ok(Conflict {
            yours: draft_lines(orgs, &read_skill_form(form)),
            theirs: draft_lines(orgs, &skill_draft(&theirs)),
            version: theirs.stamp.version,
        })
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
        if let Some(id) = id
            && let Some(pos) = self
                .visible
                .iter()
                .position(|&i| self.skills.get(i).is_some_and(|s| s.id == id))
        {
            self.cursor.selected = pos;
        }
        self.cursor.clamp(self.visible.len());
    }

    fn load_detail(repo: &Repo, id: Id) -> anyhow::Result<Detail> {
        let (learnings, learnings_total) = repo.recent_learnings_for_skill(id, LINKED_LISTED)?;
        Ok(Detail {
            id,
            history: repo.skill_history(id)?,
            learnings,
            learnings_total,
            cursor: Cursor::default(),
        })
    }

    fn open_skill_form(&mut self, ctx: &mut Ctx, skill: Option<&Skill>) -> Outcome {
        let tags = match ctx.repo.tags() {
            Ok(t) => t,
            Err(e) => {
                ctx.status.error(e);
                return Outcome::Handled;
            }
        };
        let (title, target, draft) = match skill {
            Some(s) => (
                format!("Edit skill · {}", s.name),
                FormTarget::Edit {
                    id: s.id,
                    version: s.stamp.version,
                },
                SkillDraft {
                    name: s.name.clone(),
                    category: s.category.clone(),
                    description: s.description.clone(),
                    target_level: s.target_level,
                    organization_id: s.organization_id,
                    tags: s.tags.clone(),
                },
            ),
            None => (
                "New skill".to_string(),
                FormTarget::New,
                SkillDraft {
                    organization_id: ctx.organization,
                    ..SkillDraft::default()
                },
            ),
        };
        let mut categories: Vec<String> = Vec::new();
        for s in &self.skills {
            let c = s.category.trim();
            if !c.is_empty() && !categories.iter().any(|x| x.eq_ignore_ascii_case(c)) {
                categories.push(c.to_string());
            }
        }
        categories.sort_by_key(|c| c.to_lowercase());
        let mut cat_opts = vec![PickOption::new(0, "(none)")];
        cat_opts.extend(
            categories
                .iter()
                .enumerate()
                .map(|(i, c)| PickOption::new(i as i64 + 1, c.clone())),
        );
        let cat_sel = categories
            .iter()
            .position(|c| c.eq_ignore_ascii_case(draft.category.trim()))
            .map_or(0, |i| i as i64 + 1);
        let mut target_opts = vec![PickOption::new(-1, "(none)")];
        target_opts.extend(
            (0..=5u8)
                .map(|l| PickOption::new(i64::from(l), format!("{l} · {}", skill_level_name(l)))),
        );
        let target_sel = draft.target_level.map_or(-1, i64::from);
        let mut org_opts = vec![PickOption::new(0, "(none)")];
        org_opts.extend(
            self.orgs
                .iter()
                .map(|o| PickOption::new(o.id, o.name.clone())),
        );
        let (tag_opts, tag_ids) = tag_options(&tags, &draft.tags);
        let form = Form::new(title, self.theme)
            .line("name", "Name", &draft.name)
            .picker(
                "category",
                "Category",
                cat_opts,
                &[cat_sel],
                false,
                Some(new_category),
            )
            .picker(
                "target_level",
                "Target",
                target_opts,
                &[target_sel],
                false,
                None,
            )
            .picker(
                "organization",
                "Org",
                org_opts,
                &[draft.organization_id.unwrap_or(0)],
                false,
                None,
            )
            .multiline("description", "About", &draft.description, 3)
            .picker("tags", "Tags", tag_opts, &tag_ids, true, Some(new_tag));
        let orgs = self.orgs.clone();
        self.editing
            .open(ctx, form, target, SkillForm::Skill { orgs });
        Outcome::Handled
    }

    fn open_assess_form(&mut self, ctx: &mut Ctx, skill: &Skill) -> Outcome {
        let levels: Vec<PickOption> = (0..=5u8)
            .map(|l| PickOption::new(i64::from(l), format!("{l} · {}", skill_level_name(l))))
            .collect();
        let form = Form::new(format!("Assess · {}", skill.name), self.theme)
            .picker(
                "level",
                "Level",
                levels,
                &[i64::from(skill.current_level.unwrap_or(0))],
                false,
                None,
            )
            .line("on", "Date", &ctx.today.format("%Y-%m-%d").to_string())
            .multiline("note", "Evidence", "", 4);
        let spec = SkillForm::Assess { skill_id: skill.id };
        self.editing.open(ctx, form, FormTarget::New, spec);
        Outcome::Handled
    }

    fn form_key(&mut self, key: &KeyEvent, ctx: &mut Ctx) -> Outcome {
        let step = self.editing.handle_key(key, ctx);
        match &step {
            FormStep::Saved(SkillSaved::Assessed {
                skill_id,
                assessment: a,
            }) => {
                ctx.status.info(format!(
                    "recorded {} ({}) on {}",
                    a.level,
                    skill_level_name(a.level),
                    a.assessed_on.format("%a %-d %b %Y")
                ));
                self.pending_select = Some(*skill_id);
            }
            FormStep::Saved(SkillSaved::Skill(s)) => {
                ctx.status
                    .info(format!("saved skill “{}”", sanitize(&s.name)));
                self.pending_select = Some(s.id);
            }
            _ => {}
        }
        step.outcome()
    }

    fn detail_key(&mut self, action: SkillDetailAction, ctx: &mut Ctx) -> Outcome {
        let Some(d) = self.detail.as_mut() else {
            return Outcome::Ignored;
        };
        match action {
            SkillDetailAction::Move(nav) => {
                d.cursor.apply(nav, d.learnings.len());
                Outcome::Handled
            }
            SkillDetailAction::Open => match d.learnings.get(d.cursor.selected) {
                Some(l) => Outcome::Open(Target::Learning { id: l.id }),
                None => {
                    ctx.status
                        .info("no journal entry is linked to this skill yet (link one from the Journal form)");
                    Outcome::Handled
                }
            },
            SkillDetailAction::Assess | SkillDetailAction::Edit => {
                let id = d.id;
                let Some(skill) = self.skill(id).cloned() else {
                    return Outcome::Handled;
                };
                if action == SkillDetailAction::Assess {
                    self.open_assess_form(ctx, &skill)
                } else {
                    self.open_skill_form(ctx, Some(&skill))
                }
            }
            SkillDetailAction::Back => {
                self.detail = None;
                Outcome::Handled
            }
        }
    }

    fn act(&mut self, action: Action, ctx: &mut Ctx) -> Outcome {
        match action {
            Action::List(a) => self.list_act(a, ctx),
            Action::FilterInput(a) => self.filter_act(a),
            Action::Skills(a) => self.skills_act(a, ctx),
            // Not a context this pane puts in force.
            _ => Outcome::Ignored,
        }
    }

    fn list_act(&mut self, action: ListAction, ctx: &mut Ctx) -> Outcome {
        match action {
            ListAction::Move(nav) => {
                self.cursor.apply(nav, self.visible.len());
                Outcome::Handled
            }
            ListAction::Add => self.open_skill_form(ctx, None),
            ListAction::Edit => match self.selected().cloned() {
                Some(s) => self.open_skill_form(ctx, Some(&s)),
                None => Outcome::Handled,
            },
            ListAction::Delete => {
                let Some(s) = self.selected() else {
                    return Outcome::Handled;
                };
                let (id, what) = (
                    s.id,
                    format!("skill “{}”", truncate(&sanitize(&s.name), 40)),
                );
                match ctx.repo.delete(Deletable::Skill, id) {
                    Ok(()) => ctx.status.offer_undo(Deletable::Skill, id, what),
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

    fn skills_act(&mut self, action: SkillsAction, ctx: &mut Ctx) -> Outcome {
        match action {
            SkillsAction::Assess => match self.selected().cloned() {
                Some(s) => self.open_assess_form(ctx, &s),
                None => {
                    ctx.status.info("no skill selected: a adds one");
                    Outcome::Handled
                }
            },
            SkillsAction::Detail => {
                let Some(id) = self.selected().map(|s| s.id) else {
                    return Outcome::Handled;
                };
                match Self::load_detail(ctx.repo, id) {
                    Ok(d) => self.detail = Some(d),
                    Err(e) => ctx.status.error(format!("{e:#}")),
                }
                Outcome::Handled
            }
            SkillsAction::CycleSort => {
                self.sort = self.sort.next();
                self.refilter();
                ctx.status.info(format!("sorted by {}", self.sort.label()));
                Outcome::Handled
            }
        }
    }

    // ---- drawing ----------------------------------------------------------------------------

    fn render_table(&mut self, frame: &mut Frame, area: Rect) {
        let t = self.theme;
        let w = usize::from(area.width);
        let org = self
            .organization
            .and_then(|id| self.orgs.iter().find(|o| o.id == id))
            .map(|o| format!(" · {}", sanitize(&o.name)))
            .unwrap_or_default();
        let head = format!(
            "Skills · {}{org} · sorted by {}",
            self.visible.len(),
            self.sort.label()
        );
        frame.render_widget(
            Paragraph::new(Span::styled(truncate(&head, w).into_owned(), t.title())),
            Rect { height: 1, ..area },
        );
        let mut y = area.y + 1;
        if self.filter.is_active() || self.filter.typing {
            render_filter(
                frame,
                Rect {
                    y,
                    height: 1,
                    ..area
                },
                &self.filter,
                self.visible.len(),
                self.skills.len(),
                t,
            );
            y += 1;
        }
        let wide = area.width >= WIDE;
        let (cat_w, level_w, last_w, spark_w) = if wide {
            (18, 20, 15, 20)
        } else {
            (12, 13, 5, 10)
        };
        let fixed = cat_w + level_w + 3 + 4 + last_w + spark_w + 6;
        let free = w.saturating_sub(fixed).max(4);
        // Wide: the name gets up to 36 columns and the tags what is left.
        let (name_w, tags_w) = if wide && free > 48 {
            (36, free - 37)
        } else {
            (free, 0)
        };
        let mut cols = vec![
            ("Skill", name_w),
            ("Category", cat_w),
            ("Level", level_w),
            ("Tgt", 3),
            ("Gap", 4),
            (if wide { "Assessed" } else { "Last" }, last_w),
            ("History", spark_w),
        ];
        if tags_w > 0 {
            cols.push(("Tags", tags_w));
        }
        if y >= area.bottom() {
            return;
        }
        let header = cols
            .iter()
            .map(|(h, w)| fit(h, *w))
            .collect::<Vec<_>>()
            .join(" ");
        frame.render_widget(
            Paragraph::new(Span::styled(truncate(&header, w).into_owned(), t.dim())),
            Rect {
                y,
                height: 1,
                ..area
            },
        );
        y += 1;
        let body = Rect {
            y,
            height: area.bottom().saturating_sub(y),
            ..area
        };
        if self.visible.is_empty() {
            let msg = if self.filter.is_active() {
                "No skill matches the filter. Esc clears it."
            } else if self.organization.is_some() {
                "No skills in this organization (O shows the next, then all). Press a to add one."
            } else {
                "No skills yet. Press a to add one, then r to record your level."
            };
            render_empty(frame, body, msg, t);
            return;
        }
        let range = self
            .cursor
            .window(self.visible.len(), usize::from(body.height));
        let mut lines = Vec::with_capacity(range.len());
        for row in range {
            let Some(s) = self.visible.get(row).and_then(|&i| self.skills.get(i)) else {
                continue;
            };
            let selected = row == self.cursor.selected;
            let sel = |st: Style| if selected { st.patch(t.selected()) } else { st };
            let level = match s.current_level {
                Some(l) => format!("{l} {}", skill_level_name(l)),
                None => "–".to_string(),
            };
            let target = s.target_level.map(|l| l.to_string()).unwrap_or_default();
            let (gap, gap_style) = match s.gap() {
                Some(g) if g > 0 => (format!("+{g}"), t.warning()),
                Some(g) => (g.to_string(), t.done()),
                None => (String::new(), t.dim()),
            };
            let stale = self.staleness(s);
            let (last, last_style) = match (s.last_assessed, stale) {
                (Some(d), Some(n)) => (
                    if wide {
                        format!("{} {n}d", d.format("%Y-%m-%d"))
                    } else {
                        format!("{n}d")
                    },
                    if n > STALE_DAYS {
                        t.warning()
                    } else {
                        t.plain()
                    },
                ),
                _ => ("never".to_string(), t.dim()),
            };
            let history: Vec<Option<f64>> = s
                .history
                .iter()
                .rev()
                .take(spark_w)
                .rev()
                .map(|l| Some(f64::from(*l)))
                .collect();
            let sp = |x: &str| Span::styled(x.to_string(), sel(t.plain()));
            let mut spans = vec![
                Span::styled(fit(&sanitize(&s.name), name_w), sel(t.bold())),
                sp(" "),
                Span::styled(fit(&sanitize(&s.category), cat_w), sel(t.dim())),
                sp(" "),
                Span::styled(fit(&level, level_w), sel(t.plain())),
                sp(" "),
                Span::styled(fit(&target, 3), sel(t.plain())),
                sp(" "),
                Span::styled(fit(&gap, 4), sel(gap_style)),
                sp(" "),
                Span::styled(fit(&last, last_w), sel(last_style)),
                sp(" "),
                Span::styled(fit(&sparkline(&history, 5.0), spark_w), sel(t.chart())),
            ];
            if tags_w > 0 {
                spans.push(sp(" "));
                spans.push(Span::styled(fit(&tags_text(&s.tags), tags_w), sel(t.tag())));
            }
            lines.push(Line::from(spans));
        }
        frame.render_widget(Paragraph::new(lines), body);
    }

    fn render_detail(&mut self, frame: &mut Frame, area: Rect) {
        let t = self.theme;
        let Some(d) = self.detail.as_ref() else {
            return;
        };
        let Some(s) = self.skill(d.id) else {
            render_empty(
                frame,
                area,
                "This skill is gone (deleted elsewhere). Esc goes back.",
                t,
            );
            return;
        };
        let w = usize::from(area.width);
        // Head: name, level and target, description, tags.
        let mut head: Vec<Line> = Vec::new();
        let mut title = vec![Span::styled(sanitize(&s.name).into_owned(), t.title())];
        if !s.category.is_empty() {
            title.push(Span::styled(
                format!(" · {}", sanitize(&s.category)),
                t.dim(),
            ));
        }
        if let Some(o) = s
            .organization_id
            .and_then(|id| self.orgs.iter().find(|o| o.id == id))
        {
            title.push(Span::styled(format!(" · {}", sanitize(&o.name)), t.dim()));
        }
        head.push(Line::from(title));
        let mut facts = match s.current_level {
            Some(l) => format!("level {l} {}", skill_level_name(l)),
            None => "not assessed yet".to_string(),
        };
        if let Some(tg) = s.target_level {
            facts.push_str(&format!(" → target {tg} {}", skill_level_name(tg)));
            if let Some(g) = s.gap() {
                facts.push_str(&format!(" (gap {g})"));
            }
        }
        if let (Some(last), Some(n)) = (s.last_assessed, self.staleness(s)) {
            facts.push_str(&format!(
                " · last assessed {} ({n} day{} ago)",
                last.format("%-d %b %Y"),
                if n == 1 { "" } else { "s" }
            ));
        }
        head.push(Line::from(Span::raw(truncate(&facts, w).into_owned())));
        let mut about = s
            .description
            .lines()
            .find(|l| !l.trim().is_empty())
            .map(|l| sanitize(l).into_owned())
            .unwrap_or_default();
        if !s.tags.is_empty() {
            if !about.is_empty() {
                about.push_str("  ");
            }
            about.push_str(&tags_text(&s.tags));
        }
        if !about.is_empty() {
            head.push(Line::from(Span::styled(
                truncate(&about, w).into_owned(),
                t.dim(),
            )));
        }
        let head_h = u16::try_from(head.len()).unwrap_or(3).min(area.height);
        frame.render_widget(
            Paragraph::new(head),
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
        if rest.height < 4 {
            return;
        }
        let chart_h = if rest.height >= 30 {
            rest.height * 45 / 100
        } else {
            (rest.height / 2).clamp(4, 9)
        };
        let chart = Rect {
            height: chart_h,
            ..rest
        };
        self.render_chart(frame, chart);
        let lists = Rect {
            y: rest.y + chart_h,
            height: rest.height - chart_h,
            ..rest
        };
        if lists.width >= 70 {
            let half = lists.width / 2;
            self.render_evidence(
                frame,
                Rect {
                    width: half,
                    ..lists
                },
            );
            self.render_linked(
                frame,
                Rect {
                    x: lists.x + half,
                    width: lists.width - half,
                    ..lists
                },
            );
        } else {
            let half = lists.height / 2;
            self.render_evidence(
                frame,
                Rect {
                    height: half,
                    ..lists
                },
            );
            self.render_linked(
                frame,
                Rect {
                    y: lists.y + half,
                    height: lists.height - half,
                    ..lists
                },
            );
        }
    }

    fn render_chart(&self, frame: &mut Frame, rect: Rect) {
        let t = self.theme;
        let Some(d) = self.detail.as_ref() else {
            return;
        };
        let block = Block::default()
            .borders(Borders::TOP)
            .border_style(t.dim())
            .title(Span::styled(" Level over time ", t.bold()));
        if d.history.is_empty() {
            let inner = block.inner(rect);
            frame.render_widget(block, rect);
            render_empty(frame, inner, "No level recorded yet: r records one.", t);
            return;
        }
        let first = d.history.first().map_or(self.today, |a| a.assessed_on);
        let last_day = d
            .history
            .last()
            .map_or(self.today, |a| a.assessed_on)
            .max(self.today);
        let x = |day: NaiveDate| (day - first).num_days() as f64;
        // A step line: each level holds until the next assessment, the last one until today.
        let mut points: Vec<(f64, f64)> = Vec::new();
        for a in &d.history {
            if let Some(&(_, prev)) = points.last() {
                points.push((x(a.assessed_on), prev));
            }
            points.push((x(a.assessed_on), f64::from(a.level)));
        }
        if let Some(&(_, lvl)) = points.last() {
            points.push((x(last_day), lvl));
        }
        let x_max = x(last_day).max(1.0);
        let target: Vec<(f64, f64)> = self
            .skill(d.id)
            .and_then(|s| s.target_level)
            .map(|tg| vec![(0.0, f64::from(tg)), (x_max, f64::from(tg))])
            .unwrap_or_default();
        let mut datasets = vec![
            Dataset::default()
                .name("level")
                .marker(Marker::Braille)
                .graph_type(GraphType::Line)
                .style(t.chart())
                .data(&points),
        ];
        if !target.is_empty() {
            datasets.push(
                Dataset::default()
                    .name("target")
                    .marker(Marker::Dot)
                    .graph_type(GraphType::Line)
                    .style(t.dim())
                    .data(&target),
            );
        }
        let chart = Chart::new(datasets)
            .block(block)
            .hidden_legend_constraints((
                ratatui::layout::Constraint::Length(0),
                ratatui::layout::Constraint::Length(0),
            ))
            .x_axis(
                Axis::default()
                    .bounds([0.0, x_max])
                    .style(t.dim())
                    .labels_alignment(ratatui::layout::Alignment::Right)
                    .labels([
                        first.format("%-d %b %Y").to_string(),
                        last_day.format("%-d %b %Y").to_string(),
                    ]),
            )
            .y_axis(
                Axis::default()
                    .bounds([0.0, 5.0])
                    .style(t.dim())
                    .labels(["0", "1", "2", "3", "4", "5"]),
            );
        frame.render_widget(chart, rect);
    }

    fn render_evidence(&self, frame: &mut Frame, rect: Rect) {
        let t = self.theme;
        let Some(d) = self.detail.as_ref() else {
            return;
        };
        let block = Block::default()
            .borders(Borders::TOP)
            .border_style(t.dim())
            .title(Span::styled(
                format!(
                    " Evidence · {} assessment{} ",
                    d.history.len(),
                    if d.history.len() == 1 { "" } else { "s" }
                ),
                t.bold(),
            ));
        let inner = block.inner(rect);
        frame.render_widget(block, rect);
        if inner.height == 0 {
            return;
        }
        let w = usize::from(inner.width);
        let mut lines: Vec<Line> = Vec::new();
        for a in d.history.iter().rev() {
            if lines.len() >= usize::from(inner.height) {
                break;
            }
            let note = sanitize_lines(&a.note)
                .into_iter()
                .filter(|l| !l.trim().is_empty())
                .collect::<Vec<_>>()
                .join(" / ");
            let text = format!(
                "{} {} {}",
                a.assessed_on.format("%Y-%m-%d"),
                a.level,
                if note.is_empty() {
                    skill_level_name(a.level).to_string()
                } else {
                    note
                }
            );
            lines.push(Line::from(vec![Span::raw(truncate(&text, w).into_owned())]));
        }
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
    }

    fn render_linked(&mut self, frame: &mut Frame, rect: Rect) {
        let t = self.theme;
        let Some(d) = self.detail.as_mut() else {
            return;
        };
        let block = Block::default()
            .borders(Borders::TOP)
            .border_style(t.dim())
            .title(Span::styled(
                if d.learnings_total > d.learnings.len() {
                    format!(
                        " Journal entries · {} (latest {}) ",
                        d.learnings_total,
                        d.learnings.len()
                    )
                } else {
                    format!(" Journal entries · {} ", d.learnings.len())
                },
                t.bold(),
            ));
        let inner = block.inner(rect);
        frame.render_widget(block, rect);
        let inner = Rect {
            x: inner.x.saturating_add(1),
            width: inner.width.saturating_sub(1),
            ..inner
        };
        if inner.height == 0 || inner.width == 0 {
            return;
        }
        if d.learnings.is_empty() {
            render_empty(
                frame,
                inner,
                "None linked yet (the Journal form links skills).",
                t,
            );
            return;
        }
        let w = usize::from(inner.width);
        let range = d
            .cursor
            .window(d.learnings.len(), usize::from(inner.height));
        let mut lines = Vec::new();
        for i in range {
            let Some(l) = d.learnings.get(i) else {
                continue;
            };
            let style = if i == d.cursor.selected {
                t.selected()
            } else {
                t.plain()
            };
            let text = format!(
                "{}{} {}",
                if l.starred { "★ " } else { "" },
                l.at.format("%Y-%m-%d"),
                sanitize(&l.title)
            );
            lines.push(Line::from(Span::styled(fit(&text, w), style)));
        }
        frame.render_widget(Paragraph::new(lines), inner);
    }
}

/// The day of an assessment as typed: it has happened, so a weekday looks back; empty is
/// `today`.
fn parse_day(s: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    super::pick::parse_day(s, today, "date", Lean::Past).map(|d| d.unwrap_or(today))
}

/// A category typed into the picker: trimmed, not empty, no control characters.
fn new_category(raw: &str) -> Result<String, String> {
    let c = raw.trim();
    if c.is_empty() {
        return Err("category must not be empty".into());
    }
    if c.chars().any(char::is_control) {
        return Err("category must not contain control characters".into());
    }
    Ok(c.to_string())
}

fn read_skill_form(form: &Form) -> SkillDraft {
    let category = match form.picked("category").first() {
        Some(o) if o.id == 0 => String::new(),
        Some(o) => o.label.clone(),
        None => String::new(),
    };
    SkillDraft {
        name: form.text("name"),
        category,
        description: form.text("description"),
        target_level: form
            .picked("target_level")
            .first()
            .and_then(|o| u8::try_from(o.id).ok()),
        organization_id: form
            .picked("organization")
            .first()
            .map(|o| o.id)
            .filter(|id| *id > 0),
        tags: form.picked("tags").into_iter().map(|o| o.label).collect(),
    }
}

fn draft_lines(orgs: &[Organization], d: &SkillDraft) -> Vec<(String, String)> {
    let org = d
        .organization_id
        .and_then(|id| orgs.iter().find(|o| o.id == id))
        .map(|o| o.name.clone())
        .unwrap_or_default();
    vec![
        ("name".into(), d.name.clone()),
        ("category".into(), d.category.clone()),
        (
            "target".into(),
            d.target_level.map(|t| t.to_string()).unwrap_or_default(),
        ),
        ("organization".into(), org),
        ("about".into(), d.description.clone()),
        ("tags".into(), d.tags.join(" ")),
    ]
}

fn skill_draft(s: &Skill) -> SkillDraft {
    SkillDraft {
        name: s.name.clone(),
        category: s.category.clone(),
        description: s.description.clone(),
        target_level: s.target_level,
        organization_id: s.organization_id,
        tags: s.tags.clone(),
    }
}

impl Pane for SkillsPane {
    fn title(&self) -> &str {
        "Skills"
    }

    fn reload(&mut self, repo: &Repo) -> anyhow::Result<()> {
        self.today = repo.clock().today();
        let keep = self.pending_select.take().or(self.selected().map(|s| s.id));
        self.skills = repo.skills_recent(SPARK_LEVELS)?;
        self.orgs = repo.organizations()?;
        if let Some(d) = &self.detail {
            let (id, sel) = (d.id, d.cursor.selected);
            if self.skill(id).is_some() {
                let mut fresh = Self::load_detail(repo, id)?;
                fresh.cursor.selected = sel;
                fresh.cursor.clamp(fresh.learnings.len());
                self.detail = Some(fresh);
            } else {
                self.detail = None;
            }
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
        if self.detail.is_some() {
            return match binding.action {
                Action::SkillDetail(a) => self.detail_key(a, ctx),
                // Only global keys reach past the detail (the app handles them).
                _ => Outcome::Ignored,
            };
        }
        self.act(binding.action, ctx)
    }

    fn render(&mut self, frame: &mut Frame, area: Rect) {
        if area.height < 3 || area.width < 10 {
            return;
        }
        if self.detail.is_some() {
            self.render_detail(frame, area);
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
            return &[Context::SkillDetail];
        }
        if self.filter.typing {
            return &[Context::FilterInput];
        }
        &[Context::Skills, Context::List]
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_and_categories_parse() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or_default();
        assert_eq!(parse_day("", today), Ok(today));
        assert_eq!(
            parse_day(" 2026-01-02 ", today),
            Ok(NaiveDate::from_ymd_opt(2026, 1, 2).unwrap_or_default())
        );
        assert_eq!(
            parse_day("yesterday", today),
            Ok(NaiveDate::from_ymd_opt(2026, 11, 21).unwrap_or_default())
        );
        assert_eq!(
            parse_day("fri", today),
            Ok(NaiveDate::from_ymd_opt(2026, 11, 20).unwrap_or_default()),
            "an assessment happened: a weekday looks back"
        );
        assert!(parse_day("soon", today).is_err());
        assert_eq!(new_category("  Backend "), Ok("Backend".into()));
        assert!(new_category("a\x1bb").is_err());
        assert_eq!(Sort::Category.next().next().next(), Sort::Category);
    }
}
