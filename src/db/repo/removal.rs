//! Removing rows from the shell and taking the last removal back: `worklog rm` and
//! `worklog undo`.
//!
//! A removal is a soft delete, as in the app. What the repository keeps of it is the
//! `deleted_at` stamp, so the last removal is the set of rows sharing the newest stamp: one
//! `rm` of several rows stamps them all with one value, and each delete in the app has its
//! own. `undo` works across processes and sessions without a table of its own, and takes
//! back the app's deletes too.

use super::Repo;
use super::util::*;
use crate::db::error::{Error, Result};
use crate::db::sql::OptionalExtension;
use crate::model::{Deletable, Id};

/// One removed (or restored) row, with a name to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removed {
    pub kind: Deletable,
    pub id: Id,
    /// Its title, or a short description for rows without one ("energy 4", the feedback's
    /// first words).
    pub name: String,
}

/// The last removal that `undo` restored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Undone {
    /// When the rows had been removed (UTC, ISO 8601).
    pub deleted_at: String,
    pub rows: Vec<Removed>,
}

const KINDS: [Deletable; 9] = [
    Deletable::Task,
    Deletable::Learning,
    Deletable::Skill,
    Deletable::Meeting,
    Deletable::ActionItem,
    Deletable::Goal,
    Deletable::Feedback,
    Deletable::Checkin,
    Deletable::Attachment,
];

/// The table, what one row is called, and the expression naming a row.
fn table(kind: Deletable) -> (&'static str, &'static str, &'static str) {
    match kind {
        Deletable::Task => ("tasks", "task", "title"),
        Deletable::Learning => ("learnings", "journal entry", "title"),
        Deletable::Skill => ("skills", "skill", "name"),
        Deletable::Meeting => ("meetings", "meeting", "title"),
        Deletable::ActionItem => ("action_items", "action item", "title"),
        Deletable::Goal => ("goals", "goal", "title"),
        Deletable::Feedback => ("feedback", "feedback", "substr(content, 1, 60)"),
        Deletable::Checkin => ("energy_checkins", "check-in", "'energy ' || level"),
        Deletable::Attachment => ("attachments", "attachment", "name"),
    }
}

impl Repo {
    /// Soft-deletes every row given, all with one stamp, in one transaction: an id that does
    /// not exist (or is already deleted) fails the whole call and nothing is deleted.
    pub fn delete_rows(&self, rows: &[(Deletable, Id)]) -> Result<Vec<Removed>> {
        self.write(|c| {
            let stamp: String = c.query_row(&format!("SELECT {NOW_UTC}"), [], |r| r.get(0))?;
            let mut removed = Vec::with_capacity(rows.len());
            for &(kind, id) in rows {
                let (name, what, title) = table(kind);
                let found: Option<String> = c
                    .prepare_cached(&format!(
                        "UPDATE {name} SET deleted_at = ?2, updated_at = ?2, version = version + 1
                         WHERE id = ?1 AND deleted_at IS NULL RETURNING {title}"
                    ))?
                    .query_row(crate::db::sql::params![id, stamp], |r| r.get(0))
                    .optional()?;
                let Some(found) = found else {
                    return Err(Error::NotFound { what, id });
                };
                removed.push(Removed {
                    kind,
                    id,
                    name: found,
                });
            }
            Ok(removed)
        })
    }

    /// Restores the rows of the newest soft delete (every row sharing the newest `deleted_at`
    /// stamp), in one transaction; None when nothing is deleted. Called again, it restores
    /// the removal before that.
    pub fn undo_last_delete(&self) -> Result<Option<Undone>> {
        self.write(|c| {
            let newest = KINDS
                .iter()
                // `IS NOT NULL` lets SQLite answer from the partial index of deleted rows
                // (migration 10) instead of reading the table.
                .map(|&k| {
                    format!(
                        "SELECT max(deleted_at) AS d FROM {} WHERE deleted_at IS NOT NULL",
                        table(k).0
                    )
                })
                .collect::<Vec<_>>()
                .join(" UNION ALL ");
            let stamp: Option<String> =
                c.query_row(&format!("SELECT max(d) FROM ({newest})"), [], |r| r.get(0))?;
            let Some(stamp) = stamp else {
                return Ok(None);
            };
            let mut rows = Vec::new();
            for kind in KINDS {
                let (name, _, title) = table(kind);
                let mut stmt = c.prepare_cached(&format!(
                    "UPDATE {name} SET deleted_at = NULL, updated_at = {NOW_UTC},
                     version = version + 1 WHERE deleted_at = ?1 RETURNING id, {title}"
                ))?;
                let restored = stmt
                    .query_map([&stamp], |r| {
                        Ok(Removed {
                            kind,
                            id: r.get(0)?,
                            name: r.get(1)?,
                        })
                    })?
                    .collect::<crate::db::sql::Result<Vec<_>>>()?;
                rows.extend(restored);
            }
            Ok(Some(Undone {
                deleted_at: stamp,
                rows,
            }))
        })
    }
}
