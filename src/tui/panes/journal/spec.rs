//! What the entry form saves, and how a conflict shows the saved version: the [`FormSpec`]
//! of the Journal pane. It needs nothing from the pane itself, so the pane's module can hold
//! one without the two importing each other.

use crate::db::Error as DbError;
use crate::model::{Id, Learning, LearningDraft};
use crate::tui::form::Form;
use crate::tui::form::controller::{Conflict, FormSpec, FormTarget};
use crate::tui::panes::Ctx;
use crate::tui::panes::energy::parse_at;
use chrono::NaiveDate;

/// The journal entry form. It does not edit the star: a save keeps `starred`, which a
/// conflict updates to theirs.
pub(super) struct EntryForm {
    pub(super) starred: bool,
    /// Every live skill (id, name), for the picker and the conflict view: read when the
    /// form opens.
    pub(super) skills: Vec<(Id, String)>,
}

impl EntryForm {
    fn read(&self, form: &Form, today: NaiveDate) -> Result<LearningDraft, DbError> {
        let at = parse_at(&form.text("at"), today).map_err(|e| DbError::invalid("at", e))?;
        Ok(LearningDraft {
            at: Some(at),
            title: form.text("title"),
            body: form.text("body"),
            starred: self.starred,
            tags: form.picked("tags").into_iter().map(|o| o.label).collect(),
            skill_ids: form.picked("skills").into_iter().map(|o| o.id).collect(),
        })
    }

    fn lines(&self, d: &LearningDraft) -> Vec<(String, String)> {
        let skills: Vec<&str> = d
            .skill_ids
            .iter()
            .filter_map(|id| self.skills.iter().find(|(s, _)| s == id))
            .map(|(_, n)| n.as_str())
            .collect();
        vec![
            ("title".into(), d.title.clone()),
            (
                "when".into(),
                d.at.map(|a| a.format("%Y-%m-%d %H:%M").to_string())
                    .unwrap_or_default(),
            ),
            ("body".into(), d.body.clone()),
            ("tags".into(), d.tags.join(" ")),
            ("skills".into(), skills.join(", ")),
        ]
    }
}

impl FormSpec for EntryForm {
    type Saved = Learning;

    fn save(&mut self, ctx: &Ctx, form: &Form, target: &FormTarget) -> Result<Learning, DbError> {
        let draft = self.read(form, ctx.today)?;
        match *target {
            FormTarget::New => ctx.repo.add_learning(&draft),
            FormTarget::Edit { id, version } => ctx.repo.update_learning(id, version, &draft),
        }
    }

    fn conflict(&mut self, ctx: &Ctx, form: &Form, id: Id, _: i64) -> Result<Conflict, DbError> {
        let theirs = ctx.repo.learning(id)?;
        let yours = self.lines(&self.read(form, ctx.today)?);
        // The form does not edit the star: overwriting keeps theirs.
        self.starred = theirs.starred;
        Ok(Conflict {
            yours,
            theirs: self.lines(&LearningDraft {
                at: Some(theirs.at),
                title: theirs.title.clone(),
                body: theirs.body.clone(),
                starred: theirs.starred,
                tags: theirs.tags.clone(),
                skill_ids: theirs.skill_ids.clone(),
            }),
            version: theirs.stamp.version,
        })
    }
}
