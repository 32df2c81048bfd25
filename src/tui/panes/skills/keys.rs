//! What keys do on the list, on a skill's page and in its forms.

use super::spec::{SkillSaved, new_category};
use super::*;
use crate::tui::keymap::AttachAction;

impl SkillsPane {
    pub(super) fn open_skill_form(&mut self, ctx: &mut Ctx, skill: Option<&Skill>) -> Outcome {
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

    pub(super) fn open_assess_form(&mut self, ctx: &mut Ctx, skill: &Skill) -> Outcome {
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

    /// The assessment form filled with `a`, to change its level, day or evidence.
    pub(super) fn open_assessment_form(&mut self, ctx: &mut Ctx, a: Assessment) -> Outcome {
        let levels: Vec<PickOption> = (0..=5u8)
            .map(|l| PickOption::new(i64::from(l), format!("{l} · {}", skill_level_name(l))))
            .collect();
        let name = self
            .skill(a.skill_id)
            .map(|s| s.name.clone())
            .unwrap_or_default();
        let form = Form::new(format!("Edit assessment · {name}"), self.theme)
            .picker("level", "Level", levels, &[i64::from(a.level)], false, None)
            .line("on", "Date", &a.assessed_on.format("%Y-%m-%d").to_string())
            .multiline("note", "Evidence", &a.note, 4);
        let target = FormTarget::Edit {
            id: a.id,
            version: 0,
        };
        self.editing
            .open(ctx, form, target, SkillForm::EditAssessment { was: a });
        Outcome::Handled
    }

    pub(super) fn form_key(&mut self, key: &KeyEvent, ctx: &mut Ctx) -> Outcome {
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
            FormStep::Saved(SkillSaved::Edited(a)) => {
                ctx.status.info(format!(
                    "saved the assessment: {} ({}) on {}",
                    a.level,
                    skill_level_name(a.level),
                    a.assessed_on.format("%a %-d %b %Y")
                ));
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

    pub(super) fn detail_key(&mut self, action: SkillDetailAction, ctx: &mut Ctx) -> Outcome {
        let Some(d) = self.detail.as_mut() else {
            return Outcome::Ignored;
        };
        match action {
            SkillDetailAction::Move(nav) if d.on_evidence => {
                d.evidence.apply(nav, d.history.len());
                Outcome::Handled
            }
            SkillDetailAction::Move(nav) => {
                d.cursor.apply(nav, d.learnings.len());
                Outcome::Handled
            }
            SkillDetailAction::SwitchList => {
                d.on_evidence = !d.on_evidence;
                Outcome::Handled
            }
            SkillDetailAction::Open if d.on_evidence => match d.selected_assessment().cloned() {
                Some(a) => self.open_assessment_form(ctx, a),
                None => {
                    ctx.status.info("no assessment yet: r records one");
                    Outcome::Handled
                }
            },
            SkillDetailAction::DeleteAssessment if !d.on_evidence => {
                ctx.status
                    .info("Tab to the assessments first: d deletes the selected one");
                Outcome::Handled
            }
            SkillDetailAction::DeleteAssessment => match d.selected_assessment().cloned() {
                Some(a) => match ctx.repo.delete_assessment(a.id) {
                    Ok(()) => {
                        ctx.status.info(format!(
                            "deleted the assessment of {} ({}) — u to undo",
                            a.assessed_on.format("%a %-d %b %Y"),
                            a.level
                        ));
                        Outcome::Wrote
                    }
                    Err(e) => {
                        ctx.status.error(e);
                        Outcome::Handled
                    }
                },
                None => {
                    ctx.status.info("no assessment to delete");
                    Outcome::Handled
                }
            },
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

    /// `A`, `F` or `X` on a skill's page: on the selected assessment's files.
    pub(super) fn attach_act(&mut self, action: AttachAction, ctx: &mut Ctx) -> Outcome {
        if self.attached.item().is_none() {
            ctx.status
                .info("no assessment to attach to: r records one (with its evidence)");
            return Outcome::Handled;
        }
        self.attached.act(action, ctx)
    }

    pub(super) fn act(&mut self, action: Action, ctx: &mut Ctx) -> Outcome {
        match action {
            Action::List(a) => self.list_act(a, ctx),
            Action::FilterInput(a) => self.filter_act(a),
            Action::Skills(a) => self.skills_act(a, ctx),
            // Not a context this pane puts in force.
            _ => Outcome::Ignored,
        }
    }

    pub(super) fn list_act(&mut self, action: ListAction, ctx: &mut Ctx) -> Outcome {
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

    pub(super) fn skills_act(&mut self, action: SkillsAction, ctx: &mut Ctx) -> Outcome {
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
}
