-- Which database this is. One row holding a random identity that changes whenever the
-- database is replaced as a whole: restored from a backup, imported into while empty, or
-- migrated (every step, up or down, inside its own transaction). A session remembers the
-- identity it read, and every write checks it inside its transaction: a session that read one
-- database never writes into another that took its place (where a reused id and version would
-- otherwise let a stale edit overwrite a different row). Not user data: left out of row
-- counts and exports.
CREATE TABLE database_identity (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    identity    TEXT NOT NULL CHECK (length(identity) = 32),
    -- What last gave the database its identity: 'migrate', 'restore' or 'import'.
    reason      TEXT NOT NULL CHECK (reason IN ('migrate', 'restore', 'import')),
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    -- When the identity last changed.
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ'))
) STRICT;
INSERT INTO database_identity (id, identity, reason)
    VALUES (1, lower(hex(randomblob(16))), 'migrate');
