//! Meetings that came from a calendar (`worklog import FILE.ics`, `worklog export --format ics`).
//!
//! A calendar occurrence is a meeting plus one `calendar_events` row that keys it by the event's
//! UID and occurrence. An update from the calendar changes only what the calendar owns (title,
//! times, kind, location, status) and adds attendees; the notes, action items, feedback and links
//! the user added are never touched, and a cancelled occurrence is marked, not deleted.

use super::Repo;
use super::util::*;
use crate::db::error::Result;
use crate::db::sql::{Connection, OptionalExtension, params};
use crate::model::{Id, MeetingKind};
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

/// One occurrence of a calendar event, as the import wants the meeting to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarOccurrence {
    pub uid: String,
    /// The RECURRENCE-ID, or the start, in UTC (`YYYYMMDDTHHMMSSZ`).
    pub occurrence: String,
    pub recurring: bool,
    pub starts_at: NaiveDateTime,
    pub duration_minutes: Option<u32>,
    pub title: String,
    pub kind: MeetingKind,
    /// The event's description: the meeting's notes when it is first imported, never after.
    pub notes: String,
    pub location: String,
    pub cancelled: bool,
    pub attendees: Vec<Id>,
    /// What the calendar said, to tell an update from no change on the next import.
    pub fingerprint: String,
}

/// What an earlier import made of an occurrence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarKnown {
    pub meeting_id: Id,
    pub fingerprint: String,
    pub cancelled: bool,
}

/// A person as an export names them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarPerson {
    pub name: String,
    pub email: String,
}

/// An action item of an exported meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarTodo {
    pub id: Id,
    pub title: String,
    pub due_date: Option<NaiveDate>,
    pub done_at: Option<NaiveDateTime>,
}

/// A meeting as `export --format ics` writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarExport {
    pub meeting_id: Id,
    pub starts_at: NaiveDateTime,
    pub duration_minutes: Option<u32>,
    pub title: String,
    pub kind: MeetingKind,
    pub notes: String,
    /// `None` for a meeting that did not come from a calendar.
    pub uid: Option<String>,
    pub occurrence: Option<String>,
    pub recurring: bool,
    pub location: String,
    pub cancelled: bool,
    pub attendees: Vec<CalendarPerson>,
    pub todos: Vec<CalendarTodo>,
}

/// Where a meeting came from, when a calendar import made it (its page says so).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarSource {
    /// `ics`: an iCalendar file or feed (`worklog import FILE.ics`).
    pub source: String,
    pub recurring: bool,
    pub location: String,
    pub cancelled: bool,
    /// The last import that found this event in its calendar (UTC).
    pub synced_at: DateTime<Utc>,
}

impl Repo {
    /// The calendar a meeting came from, or `None` for one made in worklog.
    pub fn meeting_calendar(&self, meeting_id: Id) -> Result<Option<CalendarSource>> {
        Ok(self
            .conn()
            .prepare_cached(
                "SELECT source, recurring, location, status = 'cancelled', synced_at
                   FROM calendar_events WHERE meeting_id = ?1",
            )?
            .query_row([meeting_id], |r| {
                Ok(CalendarSource {
                    source: r.get(0)?,
                    recurring: r.get(1)?,
                    location: r.get(2)?,
                    cancelled: r.get(3)?,
                    synced_at: get_utc(r, 4)?,
                })
            })
            .optional()?)
    }

    /// The meeting an earlier import made of this occurrence, if any (and not deleted since).
    pub fn calendar_known(&self, uid: &str, occurrence: &str) -> Result<Option<CalendarKnown>> {
        Ok(self
            .conn()
            .prepare_cached(
                "SELECT c.meeting_id, c.fingerprint, c.status = 'cancelled'
                   FROM calendar_events c JOIN meetings m ON m.id = c.meeting_id
                  WHERE c.uid = ?1 AND c.occurrence = ?2 AND m.deleted_at IS NULL",
            )?
            .query_row([uid, occurrence], |r| {
                Ok(CalendarKnown {
                    meeting_id: r.get(0)?,
                    fingerprint: r.get(1)?,
                    cancelled: r.get(2)?,
                })
            })
            .optional()?)
    }

    /// Makes the meeting for a new occurrence, with its attendees and calendar key.
    pub fn add_calendar_meeting(&self, o: &CalendarOccurrence) -> Result<Id> {
        let title = required("title", "meeting title", &o.title)?;
        self.write(|c| {
            // A deleted meeting's key is taken over by the new one.
            c.prepare_cached("DELETE FROM calendar_events WHERE uid = ?1 AND occurrence = ?2")?
                .execute([o.uid.as_str(), o.occurrence.as_str()])?;
            let id: Id = c
                .prepare_cached(
                    "INSERT INTO meetings (starts_at, duration_minutes, title, kind, notes)
                 VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id",
                )?
                .query_row(
                    params![
                        at_text(o.starts_at),
                        o.duration_minutes,
                        title,
                        o.kind.as_str(),
                        o.notes
                    ],
                    |r| r.get(0),
                )?;
            add_attendees(c, id, &o.attendees)?;
            c.prepare_cached(
                "INSERT INTO calendar_events
                    (meeting_id, uid, occurrence, recurring, location, status, fingerprint)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![
                id,
                o.uid,
                o.occurrence,
                o.recurring,
                o.location,
                status(o.cancelled),
                o.fingerprint
            ])?;
            Ok(id)
        })
    }

    /// Brings a meeting up to date with its calendar occurrence: never its notes, and
    /// attendees are only added.
    pub fn update_calendar_meeting(&self, meeting_id: Id, o: &CalendarOccurrence) -> Result<()> {
        let title = required("title", "meeting title", &o.title)?;
        self.write(|c| {
            c.prepare_cached(&format!(
                "UPDATE meetings SET starts_at = ?2, duration_minutes = ?3, title = ?4, kind = ?5,
                    updated_at = {NOW_UTC}, version = version + 1 WHERE id = ?1"
            ))?
            .execute(params![
                meeting_id,
                at_text(o.starts_at),
                o.duration_minutes,
                title,
                o.kind.as_str()
            ])?;
            add_attendees(c, meeting_id, &o.attendees)?;
            c.prepare_cached(&format!(
                "UPDATE calendar_events SET recurring = ?2, location = ?3, status = ?4,
                    fingerprint = ?5, synced_at = {NOW_UTC}, updated_at = {NOW_UTC}
                  WHERE meeting_id = ?1"
            ))?
            .execute(params![
                meeting_id,
                o.recurring,
                o.location,
                status(o.cancelled),
                o.fingerprint
            ])?;
            Ok(())
        })
    }

    /// Links meeting `id`, made in worklog and exported, to its own event on the way back in:
    /// only if it is live, has no calendar key yet and still has that start and title (in
    /// another database the same id is another meeting). True if it was linked.
    pub fn link_calendar_meeting(&self, id: Id, o: &CalendarOccurrence) -> Result<bool> {
        self.write(|c| {
            let same: bool = c
                .prepare_cached(
                    "SELECT count(*) FROM meetings m
                      WHERE m.id = ?1 AND m.deleted_at IS NULL AND m.starts_at = ?2
                        AND m.title = ?3
                        AND NOT EXISTS (SELECT 1 FROM calendar_events e WHERE e.meeting_id = m.id)",
                )?
                .query_row(params![id, at_text(o.starts_at), o.title], |r| r.get(0))?;
            if !same {
                return Ok(false);
            }
            c.prepare_cached(
                "INSERT INTO calendar_events
                    (meeting_id, uid, occurrence, recurring, location, status, fingerprint)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![
                id,
                o.uid,
                o.occurrence,
                o.recurring,
                o.location,
                status(o.cancelled),
                o.fingerprint
            ])?;
            Ok(true)
        })
    }

    /// The live, not cancelled meetings of one calendar event (UID) starting between `from` and
    /// `to` (inclusive days), with their occurrence keys.
    pub fn calendar_occurrences(
        &self,
        uid: &str,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<(Id, String)>> {
        Ok(self
            .conn()
            .prepare_cached(
                "SELECT e.meeting_id, e.occurrence FROM calendar_events e
                   JOIN meetings m ON m.id = e.meeting_id
                  WHERE e.uid = ?1 AND e.status = 'confirmed' AND m.deleted_at IS NULL
                    AND substr(m.starts_at, 1, 10) BETWEEN ?2 AND ?3
                  ORDER BY e.occurrence",
            )?
            .query_map(params![uid, day_text(from), day_text(to)], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?
            .collect::<crate::db::sql::Result<_>>()?)
    }

    /// Marks a calendar meeting cancelled (it is kept, with all the user added).
    pub fn cancel_calendar_meeting(&self, meeting_id: Id) -> Result<()> {
        self.write(|c| {
            c.prepare_cached(&format!(
                "UPDATE calendar_events SET status = 'cancelled', synced_at = {NOW_UTC},
                    updated_at = {NOW_UTC} WHERE meeting_id = ?1"
            ))?
            .execute([meeting_id])?;
            Ok(())
        })
    }

    /// Notes that the calendar still says the same of this meeting.
    pub fn calendar_synced(&self, meeting_id: Id) -> Result<()> {
        self.write(|c| {
            c.prepare_cached(&format!(
                "UPDATE calendar_events SET synced_at = {NOW_UTC} WHERE meeting_id = ?1"
            ))?
            .execute([meeting_id])?;
            Ok(())
        })
    }

    /// The person an attendee is: by email first, then by name (accents, case and spacing
    /// ignored); created, with the email, if nobody matches. A person found by name who had
    /// no email gets this one.
    pub fn calendar_person(&self, name: &str, email: &str) -> Result<Id> {
        let email = email.trim();
        let shown = if name.trim().is_empty() {
            email
        } else {
            name.trim()
        };
        let shown = required("name", "person name", shown)?;
        self.write(|c| {
            if !email.is_empty() {
                let by_email: Option<Id> = c
                    .prepare_cached(
                        "SELECT id FROM people WHERE email = ?1 COLLATE NOCASE ORDER BY id LIMIT 1",
                    )?
                    .query_row([email], |r| r.get(0))
                    .optional()?;
                if let Some(id) = by_email {
                    return Ok(id);
                }
            }
            let key = crate::text::name_key(&shown);
            let by_name: Option<Id> = c
                .prepare_cached(
                    "SELECT id FROM people WHERE name_key = ?1
                     ORDER BY name = ?2 DESC, organization_id IS NOT NULL, id LIMIT 1",
                )?
                .query_row([key.as_str(), shown.as_str()], |r| r.get(0))
                .optional()?;
            if let Some(id) = by_name {
                if !email.is_empty() {
                    c.prepare_cached(&format!(
                        "UPDATE people SET email = ?2, updated_at = {NOW_UTC}, version = version + 1
                          WHERE id = ?1 AND email = ''"
                    ))?
                    .execute(params![id, email])?;
                }
                return Ok(id);
            }
            let id: Id = c
                .prepare_cached(
                    "INSERT INTO people (name, name_key, email) VALUES (?1, ?2, ?3) RETURNING id",
                )?
                .query_row([shown.as_str(), key.as_str(), email], |r| r.get(0))?;
            Ok(id)
        })
    }

    /// The live meetings starting between `from` and `to` (inclusive days; open ends allowed),
    /// with their calendar keys, attendees and action items, for an iCalendar export.
    pub fn calendar_export(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Vec<CalendarExport>> {
        let c = self.conn();
        let mut stmt = c.prepare_cached(
            "SELECT m.id, m.starts_at, m.duration_minutes, m.title, m.notes, m.kind,
                    e.uid, e.occurrence, CASE WHEN e.recurring THEN 1 ELSE 0 END, coalesce(e.location, ''),
                    CASE WHEN e.status = 'cancelled' THEN 1 ELSE 0 END
               FROM meetings m LEFT JOIN calendar_events e ON e.meeting_id = m.id
              WHERE m.deleted_at IS NULL
                AND (CAST(?1 AS TEXT) IS NULL OR substr(m.starts_at, 1, 10) >= ?1)
                AND (CAST(?2 AS TEXT) IS NULL OR substr(m.starts_at, 1, 10) <= ?2)
              ORDER BY m.starts_at, m.id",
        )?;
        let rows = stmt.query_map(params![from.map(day_text), to.map(day_text)], |r| {
            Ok(CalendarExport {
                meeting_id: r.get(0)?,
                starts_at: get_at(r, 1)?,
                duration_minutes: r.get(2)?,
                title: r.get(3)?,
                notes: r.get(4)?,
                kind: get_enum(r, 5, MeetingKind::parse)?,
                uid: r.get(6)?,
                occurrence: r.get(7)?,
                recurring: r.get(8)?,
                location: r.get(9)?,
                cancelled: r.get(10)?,
                attendees: Vec::new(),
                todos: Vec::new(),
            })
        })?;
        let mut out = rows.collect::<crate::db::sql::Result<Vec<_>>>()?;
        let mut people = c.prepare_cached(
            "SELECT p.name, p.email FROM meeting_attendees a JOIN people p ON p.id = a.person_id
              WHERE a.meeting_id = ?1 ORDER BY p.name COLLATE NOCASE, p.id",
        )?;
        let mut todos = c.prepare_cached(
            "SELECT id, title, due_date, done_at FROM action_items
              WHERE meeting_id = ?1 AND deleted_at IS NULL ORDER BY id",
        )?;
        for m in &mut out {
            m.attendees = people
                .query_map([m.meeting_id], |r| {
                    Ok(CalendarPerson {
                        name: r.get(0)?,
                        email: r.get(1)?,
                    })
                })?
                .collect::<crate::db::sql::Result<_>>()?;
            m.todos = todos
                .query_map([m.meeting_id], |r| {
                    Ok(CalendarTodo {
                        id: r.get(0)?,
                        title: r.get(1)?,
                        due_date: get_opt_day(r, 2)?,
                        done_at: get_opt_at(r, 3)?,
                    })
                })?
                .collect::<crate::db::sql::Result<_>>()?;
        }
        Ok(out)
    }
}

fn status(cancelled: bool) -> &'static str {
    if cancelled { "cancelled" } else { "confirmed" }
}

fn add_attendees(c: &Connection, meeting_id: Id, people: &[Id]) -> Result<()> {
    let mut stmt = c.prepare_cached(
        "INSERT INTO meeting_attendees (meeting_id, person_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
    )?;
    for &p in people {
        stmt.execute(params![meeting_id, p])?;
    }
    Ok(())
}

/// Which calendar an occurrence came from, so that an event that has left a calendar can be
/// told from one that was never in it (migration 12).
impl Repo {
    /// Marks every occurrence of the events `uids` as `calendar`'s (its identity) and what to
    /// call it, in one statement (an import names thousands of events).
    pub fn calendar_claim(&self, uids: &[&str], calendar: &str, name: &str) -> Result<()> {
        let uids =
            serde_json::to_string(uids).map_err(|e| crate::db::Error::Sqlite(e.to_string()))?;
        self.write(|c| {
            c.prepare_cached(
                "UPDATE calendar_events SET calendar = ?2, calendar_name = ?3
                  WHERE uid IN (SELECT value FROM json_each(?1))
                    AND (calendar <> ?2 OR calendar_name <> ?3)",
            )?
            .execute([uids.as_str(), calendar, name])?;
            Ok(())
        })
    }

    /// The live, not cancelled meetings of `calendar` starting between `from` and `to`
    /// (inclusive days), each with its event's UID.
    pub fn calendar_meetings(
        &self,
        calendar: &str,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<(Id, String)>> {
        Ok(self
            .conn()
            .prepare_cached(
                "SELECT e.meeting_id, e.uid FROM calendar_events e
                   JOIN meetings m ON m.id = e.meeting_id
                  WHERE e.calendar = ?1 AND e.calendar <> '' AND e.status = 'confirmed'
                    AND m.deleted_at IS NULL
                    AND substr(m.starts_at, 1, 10) BETWEEN ?2 AND ?3
                  ORDER BY m.starts_at, e.meeting_id",
            )?
            .query_map(params![calendar, day_text(from), day_text(to)], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?
            .collect::<crate::db::sql::Result<_>>()?)
    }
}
