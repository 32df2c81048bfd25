//! Errors from the storage layer, phrased for the person using worklog.

use crate::model::Id;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Bad input: names the field and the problem, e.g. "energy level must be 1–5, got 7".
    #[error("{message}")]
    Invalid {
        field: &'static str,
        message: String,
    },
    #[error("{what} {id} does not exist")]
    NotFound { what: &'static str, id: Id },
    /// A save from a stale copy: the row changed since it was read.
    #[error(
        "{what} {id} was changed by another session since you opened it (yours: v{yours}, now: v{current})"
    )]
    Conflict {
        what: &'static str,
        id: Id,
        yours: i64,
        current: i64,
    },
    #[error(
        "this database is at schema version {found}, newer than this worklog knows ({supported}); \
         upgrade worklog. Nothing was changed."
    )]
    TooNew { found: u32, supported: u32 },
    #[error("bundled SQLite {found} is too old; worklog needs {needed} or newer")]
    OldSqlite { found: String, needed: &'static str },
    /// The database was replaced as a whole since this session read it (its identity
    /// changed): a write made from what the session read could land on a different row.
    #[error(
        "the database was replaced (restored, imported or migrated) since this session read it; \
         nothing was written"
    )]
    Replaced,
    #[error("the database is busy: another worklog is writing. Try again.")]
    Busy,
    #[error("{0}")]
    Constraint(String),
    /// The file is damaged or is not a database at all.
    #[error("the file is damaged or not a database ({0})")]
    Corrupt(String),
    #[error("database error: {0}")]
    Sqlite(String),
    #[error("{0}")]
    Io(String),
    /// Whoever read the output stopped reading (`worklog export | head`): the command ends
    /// quietly rather than failing.
    #[error("the output was closed")]
    OutputClosed,
}

impl Error {
    pub fn invalid(field: &'static str, message: impl Into<String>) -> Self {
        Error::Invalid {
            field,
            message: message.into(),
        }
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            return Error::OutputClosed;
        }
        Error::Io(e.to_string())
    }
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        if let rusqlite::Error::SqliteFailure(code, msg) = &e {
            let msg = msg.clone().unwrap_or_default();
            match code.code {
                ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => return Error::Busy,
                ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase => {
                    return Error::Corrupt(if msg.is_empty() { e.to_string() } else { msg });
                }
                ErrorCode::ConstraintViolation => {
                    return Error::Constraint(explain_constraint(&msg));
                }
                _ => {}
            }
        }
        Error::Sqlite(e.to_string())
    }
}

impl From<super::sql::Error> for Error {
    fn from(e: super::sql::Error) -> Self {
        use super::sql::Error as E;
        match e {
            E::Sqlite(e) => e.into(),
            E::Postgres(e) => from_postgres(&e),
            E::NoRows => Error::Sqlite("the row was not found".into()),
            E::Setup(why) => Error::Io(why),
            e @ (E::Conversion { .. } | E::Unsupported(_)) => Error::Sqlite(e.to_string()),
        }
    }
}

/// PostgreSQL's errors in the same words as SQLite's: constraint names are the same on both
/// backends (`migrations_pg/README.md`), so they map through the same table.
fn from_postgres(e: &postgres::Error) -> Error {
    use postgres::error::SqlState;
    let Some(db) = e.as_db_error() else {
        return Error::Sqlite(super::sql::pg::describe(e));
    };
    let code = db.code();
    if *code == SqlState::CHECK_VIOLATION {
        let name = db.constraint().unwrap_or("");
        return Error::Constraint(explain_constraint(&format!(
            "CHECK constraint failed: {name}"
        )));
    }
    if *code == SqlState::UNIQUE_VIOLATION {
        let table = db.table().unwrap_or("");
        return Error::Constraint(explain_constraint(&format!(
            "UNIQUE constraint failed: {table}."
        )));
    }
    if *code == SqlState::FOREIGN_KEY_VIOLATION {
        return Error::Constraint(explain_constraint("FOREIGN KEY constraint failed"));
    }
    if *code == SqlState::NOT_NULL_VIOLATION {
        let column = format!("{}.{}", db.table().unwrap_or(""), db.column().unwrap_or(""));
        return Error::Constraint(format!("a required value is missing ({column})"));
    }
    if *code == SqlState::T_R_SERIALIZATION_FAILURE
        || *code == SqlState::T_R_DEADLOCK_DETECTED
        || *code == SqlState::LOCK_NOT_AVAILABLE
    {
        return Error::Busy;
    }
    Error::Sqlite(db.message().to_string())
}

/// Turns SQLite's constraint text into a sentence. The repository validates input first, so
/// these are the backstop for what slips past (or for a database edited by hand).
fn explain_constraint(msg: &str) -> String {
    if let Some(name) = msg.strip_prefix("CHECK constraint failed: ") {
        return match CHECK_MESSAGES.iter().find(|(n, _)| *n == name.trim()) {
            Some((_, text)) => (*text).to_string(),
            None => format!("a value is out of range ({name})"),
        };
    }
    if let Some(cols) = msg.strip_prefix("UNIQUE constraint failed: ") {
        let first = cols.split(&['.', ','][..]).next().unwrap_or("");
        // A unique index on an expression is named by the index, not by its columns.
        let table = match first
            .strip_prefix("index '")
            .map(|i| i.trim_end_matches('\''))
        {
            Some("people_org_name") => "people",
            Some(_) => "",
            None => first,
        };
        let what = match table {
            "tags" => "a tag with that name already exists",
            "skills" => "a skill with that name already exists",
            "organizations" => "an organization with that name already exists",
            "people" => "a person with that name already exists in that organization",
            "action_items" => "that task is already linked to another action item",
            _ => "that would create a duplicate",
        };
        return what.to_string();
    }
    if msg.starts_with("FOREIGN KEY constraint failed") {
        return "that row is linked to others (or refers to one that does not exist)".to_string();
    }
    if let Some(column) = msg.strip_prefix("NOT NULL constraint failed: ") {
        return format!("a required value is missing ({column})");
    }
    msg.to_string()
}

/// Named CHECK constraints of the schema and what they mean.
const CHECK_MESSAGES: &[(&str, &str)] = &[
    (
        "history_open_single_row",
        "another change is being recorded in this transaction",
    ),
    (
        "organization_name_empty",
        "organization name must not be empty",
    ),
    ("person_name_empty", "person name must not be empty"),
    (
        "tag_name_invalid",
        "tag name must be 1–64 characters with no spaces or commas",
    ),
    ("goal_title_empty", "goal title must not be empty"),
    (
        "goal_status",
        "goal status must be active, paused, done or dropped",
    ),
    (
        "goal_target_date",
        "goal target date must be a date (YYYY-MM-DD)",
    ),
    ("goal_own_parent", "a goal cannot be its own parent"),
    ("milestone_title_empty", "milestone title must not be empty"),
    ("task_day", "task day must be a date (YYYY-MM-DD)"),
    ("task_title_empty", "task title must not be empty"),
    (
        "task_status",
        "task status must be todo, doing, done or dropped",
    ),
    ("task_priority", "task priority must be 1–3"),
    ("task_estimate", "task estimate must be 1–1440 minutes"),
    (
        "task_done_at_status",
        "a task has a done time exactly when it is done",
    ),
    ("learning_title_empty", "journal title must not be empty"),
    ("learning_at", "journal time must be YYYY-MM-DDTHH:MM:SS"),
    ("skill_name_empty", "skill name must not be empty"),
    ("skill_target_level", "skill target level must be 0–5"),
    ("skill_level", "skill level must be 0–5"),
    ("meeting_title_empty", "meeting title must not be empty"),
    ("meeting_kind", "meeting kind is not one worklog knows"),
    (
        "meeting_duration",
        "meeting duration must be 1–1440 minutes",
    ),
    (
        "feedback_direction",
        "feedback direction must be given or received",
    ),
    ("feedback_kind", "feedback kind is not one worklog knows"),
    ("feedback_content_empty", "feedback must not be empty"),
    (
        "action_item_title_empty",
        "action item title must not be empty",
    ),
    (
        "action_item_one_source",
        "an action item comes from a meeting or from feedback, not both",
    ),
    ("energy_level", "energy level must be 1–5"),
    ("checkin_at", "check-in time must be YYYY-MM-DDTHH:MM:SS"),
    ("goal_done_on", "goal done date must be a date (YYYY-MM-DD)"),
    (
        "milestone_due_date",
        "milestone due date must be a date (YYYY-MM-DD)",
    ),
    (
        "milestone_done_on",
        "milestone done date must be a date (YYYY-MM-DD)",
    ),
    (
        "task_first_day",
        "task first day must be a date (YYYY-MM-DD)",
    ),
    ("task_done_at", "task done time must be YYYY-MM-DDTHH:MM:SS"),
    ("task_carry_count", "task carry count cannot be negative"),
    ("carry_from_day", "carry day must be a date (YYYY-MM-DD)"),
    ("carry_to_day", "carry day must be a date (YYYY-MM-DD)"),
    ("learning_starred", "starred must be 0 or 1"),
    (
        "skill_assessed_on",
        "assessment date must be a date (YYYY-MM-DD)",
    ),
    (
        "meeting_starts_at",
        "meeting start must be YYYY-MM-DDTHH:MM:SS",
    ),
    ("feedback_day", "feedback day must be a date (YYYY-MM-DD)"),
    (
        "action_item_due_date",
        "action item due date must be a date (YYYY-MM-DD)",
    ),
    (
        "action_item_done_at",
        "action item done time must be YYYY-MM-DDTHH:MM:SS",
    ),
    (
        "import_source",
        "import source must be worklog, taskwarrior or jrnl",
    ),
    (
        "calendar_source",
        "a calendar event must come from an ics import",
    ),
    ("calendar_uid_empty", "a calendar event needs its UID"),
    ("calendar_recurring", "recurring must be 0 or 1"),
    (
        "attachment_name",
        "an attachment's name must be 1–255 characters without a /",
    ),
    ("attachment_size", "an attachment's size cannot be negative"),
    ("attachment_media_type", "an attachment needs a media type"),
    (
        "attachment_sha256",
        "an attachment's SHA-256 must be 64 lower-case hex digits",
    ),
    (
        "attachment_owner",
        "an attachment belongs to exactly one item",
    ),
    (
        "attachment_blob_sha256",
        "a stored content's key must be its SHA-256 in lower-case hex",
    ),
    (
        "attachment_blob_size",
        "a stored content's size must be its length",
    ),
    (
        "calendar_status",
        "a calendar event's status must be confirmed or cancelled",
    ),
    (
        "import_external_id_empty",
        "an imported record needs its id in the source",
    ),
    (
        "import_original_json",
        "an imported record must be kept as valid JSON",
    ),
    (
        "import_one_target",
        "an imported record becomes exactly one task, journal entry or goal",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_names_become_sentences() {
        assert_eq!(
            explain_constraint("CHECK constraint failed: energy_level"),
            "energy level must be 1–5"
        );
        assert_eq!(
            explain_constraint("UNIQUE constraint failed: tags.name"),
            "a tag with that name already exists"
        );
        assert!(explain_constraint("CHECK constraint failed: mystery").contains("mystery"));
        assert_eq!(
            explain_constraint("NOT NULL constraint failed: tasks.title"),
            "a required value is missing (tasks.title)"
        );
        // SQLite names a unique index on an expression instead of its columns.
        assert_eq!(
            explain_constraint("UNIQUE constraint failed: index 'people_org_name'"),
            "a person with that name already exists in that organization"
        );
    }

    #[test]
    fn every_named_check_in_the_schema_has_a_sentence() {
        let sql = crate::db::migrate::MIGRATIONS
            .iter()
            .map(|m| m.up)
            .collect::<String>();
        for (i, _) in sql.match_indices("CONSTRAINT ") {
            let name: String = sql[i + 11..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            let is_check = sql[i..].trim_start_matches("CONSTRAINT ")[name.len()..]
                .trim_start()
                .starts_with("CHECK");
            if is_check && name != "profile_single_row" {
                assert!(
                    CHECK_MESSAGES.iter().any(|(n, _)| *n == name),
                    "no message for CHECK {name}"
                );
            }
        }
    }
}
