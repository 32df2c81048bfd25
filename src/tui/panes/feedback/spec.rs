//! What the feedback form saves, and how a conflict shows the saved version: the [`FormSpec`]
//! of the Feedback pane. It needs nothing from the pane itself, so the pane's module can hold
//! one without the two importing each other.

use crate::dates::Lean;
use crate::db::Error as DbError;
use crate::model::{Direction, Feedback, FeedbackDraft, FeedbackKind, Id};
use crate::tui::form::controller::{Conflict, FormSpec, FormTarget};
use crate::tui::form::{Form, PickOption};
use crate::tui::panes::Ctx;
use crate::tui::panes::pick::{NONE_ID, parse_day, resolve_people};
use chrono::NaiveDate;

/// The feedback form.
pub(super) struct FeedbackForm;

impl FormSpec for FeedbackForm {
    type Saved = Feedback;

    fn save(&mut self, ctx: &Ctx, form: &Form, target: &FormTarget) -> Result<Feedback, DbError> {
        let (mut draft, person) = read_form(form, ctx.today)?;
        ctx.repo.in_transaction(|r| {
            draft.person_id = resolve_people(r, &person)?
                .first()
                .copied()
                .unwrap_or(NONE_ID);
            match *target {
                FormTarget::New => r.add_feedback(&draft),
                FormTarget::Edit { id, version } => r.update_feedback(id, version, &draft),
            }
        })
    }

    fn conflict(&mut self, ctx: &Ctx, form: &Form, id: Id, _: i64) -> Result<Conflict, DbError> {
        let theirs = ctx.repo.feedback_item(id)?;
        let (draft, person) = read_form(form, ctx.today)?;
        let who = person.first().map(|o| o.label.clone()).unwrap_or_default();
        Ok(Conflict {
            yours: feedback_lines(&draft, &who),
            theirs: feedback_lines(
                &FeedbackDraft {
                    direction: theirs.direction,
                    person_id: theirs.person.id,
                    day: theirs.day,
                    kind: theirs.kind,
                    content: theirs.content.clone(),
                    meeting_id: theirs.meeting_id,
                    tags: theirs.tags.clone(),
                },
                &theirs.person.name,
            ),
            version: theirs.stamp.version,
        })
    }
}

/// The form's values, with the person as picked (a new name is created on save).
pub(super) fn read_form(
    form: &Form,
    today: NaiveDate,
) -> Result<(FeedbackDraft, Vec<PickOption>), DbError> {
    let day = parse_day(&form.text("day"), today, "day", Lean::Past)
        .map_err(|e| DbError::invalid("day", e))?
        .unwrap_or(today);
    let person = form.picked("person");
    if person.is_empty() {
        return Err(DbError::invalid(
            "person",
            "pick who the feedback is with (or type a new name and Enter)",
        ));
    }
    let direction = match form.picked("direction").first().map(|o| o.id) {
        Some(1) => Direction::Given,
        _ => Direction::Received,
    };
    let draft = FeedbackDraft {
        direction,
        person_id: NONE_ID,
        day,
        kind: form
            .picked("kind")
            .first()
            .map_or(FeedbackKind::Other, |o| kind_of(o.id)),
        content: form.text("content"),
        meeting_id: form
            .picked("meeting")
            .first()
            .map(|o| o.id)
            .filter(|id| *id != NONE_ID),
        tags: form.picked("tags").into_iter().map(|o| o.label).collect(),
    };
    Ok((draft, person))
}

pub(super) fn kind_of(id: i64) -> FeedbackKind {
    usize::try_from(id - 1)
        .ok()
        .and_then(|i| FeedbackKind::ALL.get(i).copied())
        .unwrap_or(FeedbackKind::Other)
}

pub(super) fn feedback_lines(d: &FeedbackDraft, person: &str) -> Vec<(String, String)> {
    vec![
        ("direction".into(), d.direction.label().into()),
        ("person".into(), person.to_string()),
        ("kind".into(), d.kind.label().into()),
        ("feedback".into(), d.content.clone()),
        ("day".into(), d.day.format("%Y-%m-%d").to_string()),
        (
            "meeting".into(),
            d.meeting_id.map(|m| format!("#{m}")).unwrap_or_default(),
        ),
        ("tags".into(), d.tags.join(" ")),
    ]
}
