//! The meeting form of the Meetings pane: title, when, kind, duration, attendees (picked from
//! people, new ones created inline), tags and notes: its fields and how it saves (the form
//! controller does the rest).

use super::Ctx;
use super::common::{new_tag, tag_options};
use super::pick::{new_person, parse_when, person_options, resolve_people, short_day};
use crate::db::Error as DbError;
use crate::model::{Id, Meeting, MeetingDraft, MeetingKind};
use crate::text::{sanitize, truncate};
use crate::tui::form::controller::{Conflict, FormController, FormSpec, FormTarget};
use crate::tui::form::{Form, PickOption, format_minutes, parse_minutes};
use crate::tui::theme::Theme;
use chrono::NaiveDate;

const KINDS_FIRST_ID: i64 = 1;

fn kind_options() -> Vec<PickOption> {
    MeetingKind::ALL
        .iter()
        .enumerate()
        .map(|(i, k)| PickOption::new(i as i64 + KINDS_FIRST_ID, k.label()))
        .collect()
}

fn kind_id(k: MeetingKind) -> i64 {
    MeetingKind::ALL
        .iter()
        .position(|x| *x == k)
        .map_or(KINDS_FIRST_ID, |i| i as i64 + KINDS_FIRST_ID)
}

fn kind_of(id: i64) -> MeetingKind {
    usize::try_from(id - KINDS_FIRST_ID)
        .ok()
        .and_then(|i| MeetingKind::ALL.get(i).copied())
        .unwrap_or(MeetingKind::Other)
}

/// The meeting form.
pub(super) struct MeetingForm;

impl MeetingForm {
    /// Opens the form for a new meeting or for `meeting` (a draft left from an interrupted
    /// session is restored); says on the status line if what it offers cannot be read.
    pub(super) fn open(
        editing: &mut FormController<MeetingForm>,
        ctx: &mut Ctx,
        meeting: Option<&Meeting>,
        theme: Theme,
    ) {
        let (tags, people) = match (ctx.repo.tags(), ctx.repo.people(None)) {
            (Ok(t), Ok(p)) => (t, p),
            (Err(e), _) | (_, Err(e)) => {
                ctx.status.error(e);
                return;
            }
        };
        let (heading, target, draft) = match meeting {
            Some(m) => (
                "Edit meeting",
                FormTarget::Edit {
                    id: m.id,
                    version: m.stamp.version,
                },
                MeetingDraft {
                    starts_at: m.starts_at,
                    duration_minutes: m.duration_minutes,
                    title: m.title.clone(),
                    kind: m.kind,
                    notes: m.notes.clone(),
                    attendee_ids: m.attendees.iter().map(|p| p.id).collect(),
                    tags: m.tags.clone(),
                },
            ),
            None => (
                "New meeting",
                FormTarget::New,
                MeetingDraft {
                    starts_at: ctx.now,
                    duration_minutes: Some(30),
                    title: String::new(),
                    kind: MeetingKind::Other,
                    notes: String::new(),
                    attendee_ids: Vec::new(),
                    tags: Vec::new(),
                },
            ),
        };
        let (tag_opts, tag_ids) = tag_options(&tags, &draft.tags);
        let form = Form::new(heading, theme)
            .line("title", "Title", &draft.title)
            .line(
                "when",
                "When",
                &draft.starts_at.format("%Y-%m-%d %H:%M").to_string(),
            )
            .picker(
                "kind",
                "Kind",
                kind_options(),
                &[kind_id(draft.kind)],
                false,
                None,
            )
            .line(
                "duration",
                "Duration",
                &draft
                    .duration_minutes
                    .map(format_minutes)
                    .unwrap_or_default(),
            )
            .picker(
                "attendees",
                "Attendees",
                person_options(&people, None),
                &draft.attendee_ids,
                true,
                Some(new_person),
            )
            .picker("tags", "Tags", tag_opts, &tag_ids, true, Some(new_tag))
            .multiline("notes", "Notes", &draft.notes, 5);
        editing.open(ctx, form, target, MeetingForm);
    }

    /// The status line after `m` was saved.
    pub(super) fn saved(m: &Meeting, today: NaiveDate) -> String {
        format!(
            "saved “{}” on {}",
            truncate(&sanitize(&m.title), 40),
            short_day(m.starts_at.date(), today)
        )
    }
}

/// The form's values (attendees still as picked); a bad value is an error on its field.
fn read_form(form: &Form, today: NaiveDate) -> Result<(MeetingDraft, Vec<PickOption>), DbError> {
    let starts_at =
        parse_when(&form.text("when"), today).map_err(|e| DbError::invalid("when", e))?;
    let duration = parse_minutes(&form.text("duration")).map_err(|_| {
        DbError::invalid(
            "duration",
            format!(
                "duration must be minutes or like 1h30, got {:?}",
                sanitize(form.text("duration").trim())
            ),
        )
    })?;
    let kind = form
        .picked("kind")
        .first()
        .map_or(MeetingKind::Other, |o| kind_of(o.id));
    Ok((
        MeetingDraft {
            starts_at,
            duration_minutes: duration,
            title: form.text("title"),
            kind,
            notes: form.text("notes"),
            attendee_ids: Vec::new(),
            tags: form.picked("tags").into_iter().map(|o| o.label).collect(),
        },
        form.picked("attendees"),
    ))
}

impl FormSpec for MeetingForm {
    type Saved = Meeting;

    fn save(&mut self, ctx: &Ctx, form: &Form, target: &FormTarget) -> Result<Meeting, DbError> {
        let (mut draft, attendees) = read_form(form, ctx.today)?;
        ctx.repo.in_transaction(|r| {
            draft.attendee_ids = resolve_people(r, &attendees)?;
            match *target {
                FormTarget::New => r.add_meeting(&draft),
                FormTarget::Edit { id, version } => r.update_meeting(id, version, &draft),
            }
        })
    }

    fn conflict(&mut self, ctx: &Ctx, form: &Form, id: Id, _: i64) -> Result<Conflict, DbError> {
        let theirs = ctx.repo.meeting(id)?;
        let (draft, attendees) = read_form(form, ctx.today)?;
        let mut yours = meeting_lines(&draft, "");
        if let Some((_, v)) = yours.iter_mut().find(|(k, _)| k == "attendees") {
            *v = attendees
                .iter()
                .map(|o| o.label.clone())
                .collect::<Vec<_>>()
                .join(", ");
        }
        let names = theirs
            .attendees
            .iter()
            .map(|p| p.name.clone())
            .collect::<Vec<_>>()
            .join(", ");
        let theirs_draft = MeetingDraft {
            starts_at: theirs.starts_at,
            duration_minutes: theirs.duration_minutes,
            title: theirs.title.clone(),
            kind: theirs.kind,
            notes: theirs.notes.clone(),
            attendee_ids: Vec::new(),
            tags: theirs.tags.clone(),
        };
        Ok(Conflict {
            yours,
            theirs: meeting_lines(&theirs_draft, &names),
            version: theirs.stamp.version,
        })
    }
}

fn meeting_lines(d: &MeetingDraft, attendees: &str) -> Vec<(String, String)> {
    vec![
        ("title".into(), d.title.clone()),
        (
            "when".into(),
            d.starts_at.format("%Y-%m-%d %H:%M").to_string(),
        ),
        ("kind".into(), d.kind.label().into()),
        (
            "duration".into(),
            d.duration_minutes.map(format_minutes).unwrap_or_default(),
        ),
        ("attendees".into(), attendees.to_string()),
        ("tags".into(), d.tags.join(" ")),
        ("notes".into(), d.notes.clone()),
    ]
}
