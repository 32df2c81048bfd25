//! The meeting form of the Meetings pane: title, when, kind, duration, attendees (picked from
//! people, new ones created inline), tags and notes; its save, conflict view and draft.

use super::common::{new_tag, tag_options};
use super::pick::{new_person, parse_when, person_options, resolve_people, short_day};
use super::{Ctx, Outcome, PaneId};
use crate::db::Error as DbError;
use crate::model::{Id, Meeting, MeetingDraft, MeetingKind};
use crate::text::{sanitize, truncate};
use crate::tui::form::{Form, FormDraft, FormEvent, PickOption, format_minutes, parse_minutes};
use crate::tui::theme::Theme;
use chrono::NaiveDate;
use ratatui::crossterm::event::KeyEvent;

enum FormTarget {
    New,
    Edit { id: Id, version: i64 },
}

impl FormTarget {
    fn key(&self) -> String {
        match self {
            FormTarget::New => "new".into(),
            FormTarget::Edit { id, .. } => format!("edit:{id}"),
        }
    }
}

/// The meeting form and what it saves to.
pub(super) struct MeetingForm {
    pub(super) form: Form,
    target: FormTarget,
}

/// What a key in the form asks of the pane.
pub(super) enum Step {
    /// The form stays open.
    Stay(Outcome),
    /// Closed without saving.
    Closed,
    /// Saved this meeting.
    Saved(Id),
    /// Closed, keeping the version another session saved.
    KeptTheirs,
}

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

impl MeetingForm {
    /// The form for a new meeting or for `meeting`, with a draft left from an interrupted
    /// session restored; `None` (said on the status line) if what it offers cannot be read.
    pub(super) fn open(ctx: &mut Ctx, meeting: Option<&Meeting>, theme: Theme) -> Option<Self> {
        let (tags, people) = match (ctx.repo.tags(), ctx.repo.people(None)) {
            (Ok(t), Ok(p)) => (t, p),
            (Err(e), _) | (_, Err(e)) => {
                ctx.status.error(e);
                return None;
            }
        };
        let (heading, mut target, draft) = match meeting {
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
        let mut form = Form::new(heading, theme)
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
        match ctx.drafts.take(PaneId::Meetings, &target.key()) {
            Ok(Some(d)) => {
                form.restore(&d.values);
                if let (FormTarget::Edit { version, .. }, Some(v)) = (&mut target, d.version) {
                    *version = v;
                }
                ctx.status
                    .info("restored the unsaved draft from an interrupted session");
            }
            Ok(None) => {}
            Err(e) => ctx.status.error(format!("could not read the draft: {e}")),
        }
        Some(MeetingForm { form, target })
    }

    /// The form's values (attendees still as picked), or (field, message) for a bad value.
    fn read_form(
        form: &Form,
        today: NaiveDate,
    ) -> Result<(MeetingDraft, Vec<PickOption>), (&'static str, String)> {
        let starts_at = parse_when(&form.text("when"), today).map_err(|e| ("when", e))?;
        let duration = parse_minutes(&form.text("duration")).map_err(|_| {
            (
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

    fn save(&mut self, ctx: &mut Ctx) -> Step {
        let ed = self;
        ed.form.clear_errors();
        let (mut draft, attendees) = match Self::read_form(&ed.form, ctx.today) {
            Ok(d) => d,
            Err((field, msg)) => {
                ed.form.set_error(field, msg);
                return Step::Stay(Outcome::Handled);
            }
        };
        let result = ctx.repo.in_transaction(|r| {
            draft.attendee_ids = resolve_people(r, &attendees)?;
            match ed.target {
                FormTarget::New => r.add_meeting(&draft),
                FormTarget::Edit { id, version } => r.update_meeting(id, version, &draft),
            }
        });
        match result {
            Ok(m) => {
                ctx.status.info(format!(
                    "saved “{}” on {}",
                    truncate(&sanitize(&m.title), 40),
                    short_day(m.starts_at.date(), ctx.today)
                ));
                Step::Saved(m.id)
            }
            Err(DbError::Conflict { id, .. }) => match ctx.repo.meeting(id) {
                Ok(theirs) => {
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
                    ed.form.show_conflict(
                        yours,
                        meeting_lines(&theirs_draft, &names),
                        theirs.stamp.version,
                    );
                    Step::Stay(Outcome::Handled)
                }
                Err(e) => {
                    ed.form.show_error(&e);
                    Step::Stay(Outcome::Handled)
                }
            },
            Err(e) => {
                ed.form.show_error(&e);
                Step::Stay(Outcome::Handled)
            }
        }
    }

    pub(super) fn handle_key(&mut self, key: &KeyEvent, ctx: &mut Ctx) -> Step {
        match self.form.handle_key(key) {
            FormEvent::None => Step::Stay(Outcome::Handled),
            FormEvent::Ignored => Step::Stay(Outcome::Ignored),
            FormEvent::Save => self.save(ctx),
            FormEvent::Closed => Step::Closed,
            FormEvent::KeepTheirs => {
                ctx.status
                    .info("kept the version saved by the other session");
                Step::KeptTheirs
            }
            FormEvent::Overwrite { version } => {
                if let FormTarget::Edit { version: v, .. } = &mut self.target {
                    *v = version;
                }
                self.save(ctx)
            }
        }
    }

    /// The form's content as a draft, if it was changed (the session is ending).
    pub(super) fn into_draft(self) -> Option<FormDraft> {
        if !self.form.is_changed() {
            return None;
        }
        Some(FormDraft {
            target: self.target.key(),
            version: match self.target {
                FormTarget::Edit { version, .. } => Some(version),
                FormTarget::New => None,
            },
            values: self.form.values(),
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
