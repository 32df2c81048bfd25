//! Attachments: the rows that name attached files (issue 14), and on PostgreSQL the bytes.
//!
//! The file store of a SQLite log is plain file IO and lives in `crate::attachments`; this
//! module only records, lists and soft-deletes rows. On PostgreSQL the bytes live in the server
//! (`attachment_blobs`, keyed by SHA-256), written in the same transaction as the rows that
//! name them, so that a row never exists without its content on either backend.

use super::Repo;
use crate::db::error::{Error, Result};
use crate::db::sql::{Backend, Connection, OptionalExtension, Row, params};
use crate::model::{AttachOwner, Attachment, Id, NewAttachment};

/// The owner column of a kind, and a query that is one row when such an item exists and is
/// not deleted.
fn owner_column(owner: AttachOwner) -> (&'static str, &'static str) {
    match owner {
        AttachOwner::Task => (
            "task_id",
            "SELECT 1 FROM tasks WHERE id = ?1 AND deleted_at IS NULL",
        ),
        AttachOwner::Learning => (
            "learning_id",
            "SELECT 1 FROM learnings WHERE id = ?1 AND deleted_at IS NULL",
        ),
        AttachOwner::Meeting => (
            "meeting_id",
            "SELECT 1 FROM meetings WHERE id = ?1 AND deleted_at IS NULL",
        ),
        AttachOwner::Goal => (
            "goal_id",
            "SELECT 1 FROM goals WHERE id = ?1 AND deleted_at IS NULL",
        ),
        AttachOwner::Feedback => (
            "feedback_id",
            "SELECT 1 FROM feedback WHERE id = ?1 AND deleted_at IS NULL",
        ),
        AttachOwner::Assessment => (
            "assessment_id",
            "SELECT 1 FROM skill_progress p JOIN skills s ON s.id = p.skill_id
              WHERE p.id = ?1 AND s.deleted_at IS NULL",
        ),
    }
}

const COLUMNS: &str = "id, task_id, learning_id, meeting_id, goal_id, feedback_id, \
                       assessment_id, name, size, media_type, sha256, created_at, deleted_at";

fn read(r: &Row<'_>) -> crate::db::sql::Result<Attachment> {
    let mut owner = None;
    for (i, kind) in AttachOwner::ALL.iter().enumerate() {
        if let Some(id) = r.get::<_, Option<i64>>(i + 1)? {
            owner = Some((*kind, id));
        }
    }
    // The attachment_owner CHECK sets exactly one owner column.
    let (owner, owner_id) = owner.ok_or_else(|| {
        crate::db::sql::Error::conversion(1, "an attachment row without an owner")
    })?;
    let size: i64 = r.get(8)?;
    Ok(Attachment {
        id: r.get(0)?,
        owner,
        owner_id,
        name: r.get(7)?,
        size: u64::try_from(size).unwrap_or_default(),
        media_type: r.get(9)?,
        sha256: r.get(10)?,
        attached_at: r.get(11)?,
        deleted_at: r.get(12)?,
    })
}

/// A SHA-256 as the schema holds it: 64 lower-case hex digits.
fn valid_sha(sha: &str) -> bool {
    sha.len() == 64 && sha.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

fn put_blob(c: &Connection, sha256: &str, content: &[u8]) -> Result<()> {
    c.prepare_cached(
        "INSERT INTO attachment_blobs (sha256, size, content) VALUES (?1, ?2, ?3)
         ON CONFLICT (sha256) DO NOTHING",
    )?
    .execute(params![sha256, content.len(), content])?;
    // What the server holds, hashed by the server: a blob stored before under this key
    // that no longer matches is replaced by the bytes just read.
    let stored: Option<String> = c
        .query_row(
            "SELECT encode(sha256(content), 'hex') FROM attachment_blobs WHERE sha256 = ?1",
            [sha256],
            |r| r.get(0),
        )
        .optional()?;
    if stored.as_deref() != Some(sha256) {
        c.prepare_cached("UPDATE attachment_blobs SET content = ?2, size = ?3 WHERE sha256 = ?1")?
            .execute(params![sha256, content, content.len()])?;
        let again: String = c.query_row(
            "SELECT encode(sha256(content), 'hex') FROM attachment_blobs WHERE sha256 = ?1",
            [sha256],
            |r| r.get(0),
        )?;
        if again != sha256 {
            return Err(Error::Io(format!(
                "the server stored different bytes than were sent for {sha256}"
            )));
        }
    }
    Ok(())
}

/// One attachment's state on the server, for `check`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlobState {
    /// The stored size, if a blob exists.
    pub size: Option<u64>,
    /// The SHA-256 of the stored bytes, computed by the server.
    pub sha256: Option<String>,
}

impl Repo {
    /// Records files as attached to one item, in one transaction: all of them, or none (an
    /// item that does not exist, or is deleted, fails the whole call). On PostgreSQL each
    /// file's `content` goes into the server in the same transaction, verified there by its
    /// SHA-256; on SQLite the files must already be in the store.
    pub fn add_attachments(
        &self,
        owner: AttachOwner,
        owner_id: Id,
        files: &[NewAttachment],
    ) -> Result<Vec<Attachment>> {
        let (column, exists) = owner_column(owner);
        let backend = self.backend();
        self.write(|c| {
            if !c.prepare_cached(exists)?.exists([owner_id])? {
                return Err(Error::NotFound {
                    what: owner.noun(),
                    id: owner_id,
                });
            }
            let mut out = Vec::with_capacity(files.len());
            for f in files {
                if !valid_sha(&f.sha256) {
                    return Err(Error::invalid("sha256", "not a SHA-256 in hex"));
                }
                if backend == Backend::Postgres {
                    match &f.content {
                        Some(content) => put_blob(c, &f.sha256, content)?,
                        None => {
                            return Err(Error::invalid(
                                "content",
                                "on PostgreSQL an attachment's bytes go with its row",
                            ));
                        }
                    }
                }
                crate::fault::point("attach.row")?;
                let a = c
                    .prepare_cached(&format!(
                        "INSERT INTO attachments ({column}, name, size, media_type, sha256)
                         VALUES (?1, ?2, ?3, ?4, ?5) RETURNING {COLUMNS}"
                    ))?
                    .query_row(
                        params![owner_id, f.name, f.size, f.media_type, f.sha256],
                        read,
                    )?;
                out.push(a);
            }
            Ok(out)
        })
    }

    /// Refuses ([`Error::NotFound`]) an item that does not exist or is deleted.
    pub fn attachable(&self, owner: AttachOwner, owner_id: Id) -> Result<()> {
        let (_, exists) = owner_column(owner);
        if self.conn().prepare_cached(exists)?.exists([owner_id])? {
            Ok(())
        } else {
            Err(Error::NotFound {
                what: owner.noun(),
                id: owner_id,
            })
        }
    }

    /// One attachment, detached or not.
    pub fn attachment(&self, id: Id) -> Result<Attachment> {
        self.conn()
            .query_row(
                &format!("SELECT {COLUMNS} FROM attachments WHERE id = ?1"),
                [id],
                read,
            )
            .optional()?
            .ok_or(Error::NotFound {
                what: "attachment",
                id,
            })
    }

    /// The attachments (not detached) of one item, oldest first.
    pub fn attachments_of(&self, owner: AttachOwner, owner_id: Id) -> Result<Vec<Attachment>> {
        let (column, _) = owner_column(owner);
        Ok(self
            .conn()
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM attachments WHERE {column} = ?1 AND deleted_at IS NULL
                 ORDER BY id"
            ))?
            .query_map([owner_id], read)?
            .collect::<crate::db::sql::Result<_>>()?)
    }

    /// Every attachment not detached, oldest first.
    pub fn live_attachments(&self) -> Result<Vec<Attachment>> {
        Ok(self
            .conn()
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM attachments WHERE deleted_at IS NULL ORDER BY id"
            ))?
            .query_map([], read)?
            .collect::<crate::db::sql::Result<_>>()?)
    }

    /// Every attachment row, detached ones included (their files are kept: `undo` brings them
    /// back), oldest first. None before the schema has the table.
    pub fn all_attachments(&self) -> Result<Vec<Attachment>> {
        if self.schema_version()? < 14 {
            return Ok(Vec::new());
        }
        Ok(self
            .conn()
            .prepare_cached(&format!("SELECT {COLUMNS} FROM attachments ORDER BY id"))?
            .query_map([], read)?
            .collect::<crate::db::sql::Result<_>>()?)
    }

    /// Detaches (soft-deletes) an attachment; `worklog undo` brings it back.
    pub fn detach(&self, id: Id) -> Result<super::Removed> {
        let mut removed = self.delete_rows(&[(crate::model::Deletable::Attachment, id)])?;
        removed.pop().ok_or(Error::NotFound {
            what: "attachment",
            id,
        })
    }

    /// The title of the item an attachment belongs to (for messages), if it still exists.
    pub fn attachment_owner_title(&self, owner: AttachOwner, owner_id: Id) -> Result<String> {
        let sql = match owner {
            AttachOwner::Task => "SELECT title FROM tasks WHERE id = ?1",
            AttachOwner::Learning => "SELECT title FROM learnings WHERE id = ?1",
            AttachOwner::Meeting => "SELECT title FROM meetings WHERE id = ?1",
            AttachOwner::Goal => "SELECT title FROM goals WHERE id = ?1",
            AttachOwner::Feedback => "SELECT substr(content, 1, 60) FROM feedback WHERE id = ?1",
            AttachOwner::Assessment => {
                "SELECT s.name FROM skill_progress p JOIN skills s ON s.id = p.skill_id
                  WHERE p.id = ?1"
            }
        };
        Ok(self
            .conn()
            .query_row(sql, [owner_id], |r| r.get(0))
            .optional()?
            .unwrap_or_default())
    }

    // --- The bytes on PostgreSQL ---------------------------------------------------------

    /// The bytes of a content on the server (PostgreSQL only), if it holds them.
    pub fn attachment_blob(&self, sha256: &str) -> Result<Option<Vec<u8>>> {
        self.require_server()?;
        Ok(self
            .conn()
            .query_row(
                "SELECT content FROM attachment_blobs WHERE sha256 = ?1",
                [sha256],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Puts one content on the server (PostgreSQL only), verified there; one already there is
    /// kept (or replaced, if its bytes no longer match their key).
    pub fn put_attachment_blob(&self, sha256: &str, content: &[u8]) -> Result<()> {
        self.require_server()?;
        if !valid_sha(sha256) {
            return Err(Error::invalid("sha256", "not a SHA-256 in hex"));
        }
        self.write(|c| put_blob(c, sha256, content))
    }

    /// What the server holds for a content: its size and the SHA-256 of its bytes, both
    /// computed by the server (no bytes cross the network). PostgreSQL only.
    pub fn attachment_blob_state(&self, sha256: &str) -> Result<BlobState> {
        self.require_server()?;
        let found: Option<(i64, String)> = self
            .conn()
            .query_row(
                "SELECT length(content), encode(sha256(content), 'hex') FROM attachment_blobs
                  WHERE sha256 = ?1",
                [sha256],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        Ok(match found {
            Some((size, sha)) => BlobState {
                size: u64::try_from(size).ok(),
                sha256: Some(sha),
            },
            None => BlobState {
                size: None,
                sha256: None,
            },
        })
    }

    /// The contents on the server that no attachment row names (PostgreSQL only).
    pub fn orphan_attachment_blobs(&self) -> Result<Vec<(String, u64)>> {
        self.require_server()?;
        Ok(self
            .conn()
            .prepare_cached(
                "SELECT sha256, size FROM attachment_blobs b
                  WHERE NOT EXISTS (SELECT 1 FROM attachments a WHERE a.sha256 = b.sha256)
                  ORDER BY sha256",
            )?
            .query_map([], |r| {
                let size: i64 = r.get(1)?;
                Ok((r.get(0)?, u64::try_from(size).unwrap_or_default()))
            })?
            .collect::<crate::db::sql::Result<_>>()?)
    }

    /// Removes the given contents from the server, each only if no row names it (checked in
    /// the same transaction). Returns how many went. PostgreSQL only.
    pub fn remove_orphan_attachment_blobs(&self, shas: &[String]) -> Result<usize> {
        self.require_server()?;
        self.write(|c| {
            let mut n = 0;
            for sha in shas {
                n += c
                    .prepare_cached(
                        "DELETE FROM attachment_blobs WHERE sha256 = ?1
                           AND NOT EXISTS (SELECT 1 FROM attachments WHERE sha256 = ?1)",
                    )?
                    .execute([sha])?;
            }
            Ok(n)
        })
    }

    fn require_server(&self) -> Result<()> {
        if self.backend() == Backend::Postgres {
            Ok(())
        } else {
            Err(Error::Sqlite(
                "a SQLite log keeps attachments as files, not in the database".into(),
            ))
        }
    }
}
