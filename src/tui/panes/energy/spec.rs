//! What the check-in form saves, and how a conflict shows the saved version: the
//! [`FormSpec`] of the Energy pane, with the reading of a check-in time. It needs nothing from
//! the pane itself, so the pane's module can hold one without the two importing each other.

use crate::db::Error as DbError;
use crate::model::{Checkin, CheckinDraft, Id};
use crate::text::sanitize;
use crate::tui::form::Form;
use crate::tui::form::controller::{Conflict, FormSpec, FormTarget};
use crate::tui::panes::Ctx;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

/// The check-in form; a bare `HH:MM` in its time field belongs to `day`.
pub(super) struct CheckinForm {
    pub(super) day: NaiveDate,
}

impl FormSpec for CheckinForm {
    type Saved = Checkin;

    fn save(&mut self, ctx: &Ctx, form: &Form, target: &FormTarget) -> Result<Checkin, DbError> {
        let draft = read_form(form, self.day)?;
        match *target {
            FormTarget::New => ctx.repo.add_checkin(&draft),
            FormTarget::Edit { id, version } => ctx.repo.update_checkin(id, version, &draft),
        }
    }

    fn conflict(&mut self, ctx: &Ctx, form: &Form, id: Id, _: i64) -> Result<Conflict, DbError> {
        let theirs = ctx.repo.checkin(id)?;
        Ok(Conflict {
            yours: draft_lines(&read_form(form, self.day)?),
            theirs: checkin_lines(&theirs),
            version: theirs.stamp.version,
        })
    }
}

/// Reads a check-in time: `YYYY-MM-DD HH:MM[:SS]` (or with `T`), or `HH:MM[:SS]` on `day`.
pub fn parse_at(s: &str, day: NaiveDate) -> Result<NaiveDateTime, String> {
    let s = s.trim();
    for fmt in [
        "%Y-%m-%d %H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%dT%H:%M:%S",
    ] {
        if let Ok(t) = NaiveDateTime::parse_from_str(s, fmt) {
            return Ok(t);
        }
    }
    for fmt in ["%H:%M", "%H:%M:%S"] {
        if let Ok(t) = NaiveTime::parse_from_str(s, fmt) {
            return Ok(day.and_time(t));
        }
    }
    Err(format!(
        "time must be YYYY-MM-DD HH:MM or HH:MM, got {:?}",
        sanitize(s)
    ))
}

/// The form's values as a draft for the repository; a value that cannot be read is an
/// error on its field.
pub(super) fn read_form(form: &Form, day: NaiveDate) -> Result<CheckinDraft, DbError> {
    let at = parse_at(&form.text("at"), day).map_err(|e| DbError::invalid("at", e))?;
    let level = form
        .picked("level")
        .first()
        .and_then(|o| u8::try_from(o.id).ok())
        .ok_or_else(|| DbError::invalid("level", "pick an energy level 1–5"))?;
    Ok(CheckinDraft {
        at,
        level,
        note: form.text("note"),
        tags: form.picked("tags").into_iter().map(|o| o.label).collect(),
    })
}

pub(super) fn draft_lines(d: &CheckinDraft) -> Vec<(String, String)> {
    vec![
        ("time".into(), d.at.format("%Y-%m-%d %H:%M").to_string()),
        ("level".into(), d.level.to_string()),
        ("note".into(), d.note.clone()),
        ("tags".into(), d.tags.join(" ")),
    ]
}

pub(super) fn checkin_lines(c: &Checkin) -> Vec<(String, String)> {
    draft_lines(&CheckinDraft {
        at: c.at,
        level: c.level,
        note: c.note.clone(),
        tags: c.tags.clone(),
    })
}
