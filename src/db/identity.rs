//! The database's identity (migration 4): what lets a session tell that the database it read
//! was replaced by another one (restored, imported into while empty, migrated), so that it
//! never writes into the new one on the strength of what it read from the old.

use super::error::Result;
use super::sql::{Backend, Connection, OptionalExtension};

/// The table holding the identity; not user data.
pub const TABLE: &str = "database_identity";
/// The first schema version that has [`TABLE`].
pub const SINCE: u32 = 4;

/// Which database a session is talking to. The schema version is part of it, so every
/// migration step changes it even below [`SINCE`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    pub schema_version: u32,
    /// The random id of [`TABLE`]; `None` before [`SINCE`] (or in a file loaded from an SQL
    /// dump, which carries the table but not its row).
    pub id: Option<String>,
}

/// Why the identity changed, as stored in the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Renewal {
    Migrate,
    Restore,
    Import,
}

impl Renewal {
    fn as_str(self) -> &'static str {
        match self {
            Renewal::Migrate => "migrate",
            Renewal::Restore => "restore",
            Renewal::Import => "import",
        }
    }
}

/// Reads the identity as the connection sees it now (inside a transaction: as of it).
pub(crate) fn read(conn: &Connection) -> Result<Identity> {
    let schema_version = super::migrate::current(conn)?;
    if schema_version < SINCE {
        return Ok(Identity {
            schema_version,
            id: None,
        });
    }
    // Every write reads this: one cached statement, and the table lookup only if it fails.
    // A failed statement would end a PostgreSQL transaction: look for the table first there.
    if conn.backend() == Backend::Postgres && !has_table(conn)? {
        return Ok(Identity {
            schema_version,
            id: None,
        });
    }
    let id = match conn.prepare_cached("SELECT identity FROM database_identity WHERE id = 1") {
        Ok(mut stmt) => stmt.query_row([], |r| r.get(0)).optional()?,
        Err(_) if !has_table(conn)? => None,
        Err(e) => return Err(e.into()),
    };
    Ok(Identity { schema_version, id })
}

/// Gives the database a new random identity, if its schema has the table. Call inside the
/// write transaction that replaces the database, so the two commit together.
pub(crate) fn renew(conn: &Connection, why: Renewal) -> Result<()> {
    if !has_table(conn)? {
        return Ok(());
    }
    let fresh: String = (0..16)
        .map(|_| format!("{:02x}", rand::random::<u8>()))
        .collect();
    conn.execute(
        "INSERT INTO database_identity (id, identity, reason)
             VALUES (1, ?2, ?1)
             ON CONFLICT (id) DO UPDATE SET identity = excluded.identity,
                 reason = excluded.reason,
                 updated_at = strftime('%Y-%m-%dT%H:%M:%fZ')",
        [why.as_str(), fresh.as_str()],
    )?;
    Ok(())
}

fn has_table(conn: &Connection) -> Result<bool> {
    let sql = match conn.backend() {
        Backend::Sqlite => "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?1",
        Backend::Postgres => {
            "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename = ?1"
        }
    };
    Ok(conn
        .prepare_cached(sql)?
        .query_row([TABLE], |r| r.get::<_, i64>(0))?
        > 0)
}
