//! What the skill and assessment forms save, and how a conflict shows the saved version: the
//! [`FormSpec`] of the Skills pane. It needs nothing from the pane itself, so the pane's module
//! can hold one without the two importing each other.

use crate::dates::Lean;
use crate::db::Error as DbError;
use crate::model::{Assessment, Id, Organization, Skill, SkillDraft};
use crate::tui::form::Form;
use crate::tui::form::controller::{Conflict, FormSpec, FormTarget};
use crate::tui::panes::Ctx;
use chrono::NaiveDate;

/// The skills pane's two forms: a skill (new or edited), or an assessment of one.
pub(super) enum SkillForm {
    /// The organizations, to name one in the conflict view.
    Skill {
        orgs: Vec<Organization>,
    },
    Assess {
        skill_id: Id,
    },
    /// An assessment changed: `was` is the row as read (assessments have no version).
    EditAssessment {
        was: Assessment,
    },
}

pub(super) enum SkillSaved {
    Skill(Skill),
    Assessed {
        skill_id: Id,
        assessment: Assessment,
    },
    Edited(Assessment),
}

impl FormSpec for SkillForm {
    type Saved = SkillSaved;

    fn draft_key(&self, target: &FormTarget) -> Option<String> {
        Some(match self {
            SkillForm::Skill { .. } => target.key(),
            SkillForm::Assess { skill_id } => format!("assess:{skill_id}"),
            SkillForm::EditAssessment { was } => format!("assessment:{}", was.id),
        })
    }

    fn save(&mut self, ctx: &Ctx, form: &Form, target: &FormTarget) -> Result<SkillSaved, DbError> {
        match (self, *target) {
            (SkillForm::EditAssessment { was }, _) => {
                let (level, on, note) = read_assessment(form, ctx.today)?;
                let saved = ctx.repo.update_assessment(was, level, on, &note)?;
                *was = saved.clone();
                Ok(SkillSaved::Edited(saved))
            }
            (SkillForm::Assess { skill_id }, _) => {
                let (level, on, note) = read_assessment(form, ctx.today)?;
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
        if let SkillForm::EditAssessment { was } = self {
            let theirs = ctx.repo.assessment(id)?;
            let lines = |level: u8, on: NaiveDate, note: &str| {
                vec![
                    ("level".to_string(), level.to_string()),
                    ("date".to_string(), on.format("%Y-%m-%d").to_string()),
                    ("evidence".to_string(), note.to_string()),
                ]
            };
            let yours = match read_assessment(form, ctx.today) {
                Ok((level, on, note)) => lines(level, on, &note),
                Err(_) => lines(was.level, was.assessed_on, &form.text("note")),
            };
            // Saving over theirs starts from the row as it is now.
            *was = theirs.clone();
            return Ok(Conflict {
                yours,
                theirs: lines(theirs.level, theirs.assessed_on, &theirs.note),
                version: 0,
            });
        }
        let theirs = ctx.repo.skill(id)?;
        let orgs = match self {
            SkillForm::Skill { orgs } => orgs.as_slice(),
            SkillForm::Assess { .. } | SkillForm::EditAssessment { .. } => &[],
        };
        Ok(Conflict {
            yours: draft_lines(orgs, &read_skill_form(form)),
            theirs: draft_lines(orgs, &skill_draft(&theirs)),
            version: theirs.stamp.version,
        })
    }
}

/// The level, day and evidence the assessment form holds.
fn read_assessment(form: &Form, today: NaiveDate) -> Result<(u8, NaiveDate, String), DbError> {
    let level = form
        .picked("level")
        .first()
        .and_then(|o| u8::try_from(o.id).ok())
        .ok_or_else(|| DbError::invalid("level", "pick a level 0–5"))?;
    let on = parse_day(&form.text("on"), today).map_err(|e| DbError::invalid("on", e))?;
    Ok((level, on, form.text("note")))
}

/// The day of an assessment as typed: it has happened, so a weekday looks back; empty is
/// `today`.
pub(super) fn parse_day(s: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    crate::tui::panes::pick::parse_day(s, today, "date", Lean::Past).map(|d| d.unwrap_or(today))
}

/// A category typed into the picker: trimmed, not empty, no control characters.
pub(super) fn new_category(raw: &str) -> Result<String, String> {
    let c = raw.trim();
    if c.is_empty() {
        return Err("category must not be empty".into());
    }
    if c.chars().any(char::is_control) {
        return Err("category must not contain control characters".into());
    }
    Ok(c.to_string())
}

pub(super) fn read_skill_form(form: &Form) -> SkillDraft {
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

pub(super) fn draft_lines(orgs: &[Organization], d: &SkillDraft) -> Vec<(String, String)> {
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

pub(super) fn skill_draft(s: &Skill) -> SkillDraft {
    SkillDraft {
        name: s.name.clone(),
        category: s.category.clone(),
        description: s.description.clone(),
        target_level: s.target_level,
        organization_id: s.organization_id,
        tags: s.tags.clone(),
    }
}
