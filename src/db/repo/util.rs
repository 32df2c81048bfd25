//! Helpers the repository files share: text forms of dates, tags, version-checked updates.

use crate::db::error::{Error, Result};
use crate::db::sql::{Connection, OptionalExtension, Row, params};
use crate::model::{Id, Stamp};
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use std::collections::HashMap;

pub use crate::text::name_key;

pub const DAY: &str = "%Y-%m-%d";
pub const AT: &str = "%Y-%m-%dT%H:%M:%S";
/// SQL for "now" in the form of `created_at` / `updated_at`.
pub const NOW_UTC: &str = "strftime('%Y-%m-%dT%H:%M:%fZ')";

pub fn day_text(d: NaiveDate) -> String {
    d.format(DAY).to_string()
}

pub fn at_text(t: NaiveDateTime) -> String {
    t.format(AT).to_string()
}

fn bad(idx: usize, e: impl std::fmt::Display) -> crate::db::sql::Error {
    crate::db::sql::Error::conversion(idx, e)
}

pub fn get_day(row: &Row<'_>, idx: usize) -> crate::db::sql::Result<NaiveDate> {
    let s: String = row.get(idx)?;
    NaiveDate::parse_from_str(&s, DAY).map_err(|e| bad(idx, e))
}

pub fn get_opt_day(row: &Row<'_>, idx: usize) -> crate::db::sql::Result<Option<NaiveDate>> {
    let s: Option<String> = row.get(idx)?;
    s.map(|s| NaiveDate::parse_from_str(&s, DAY).map_err(|e| bad(idx, e)))
        .transpose()
}

pub fn get_at(row: &Row<'_>, idx: usize) -> crate::db::sql::Result<NaiveDateTime> {
    let s: String = row.get(idx)?;
    NaiveDateTime::parse_from_str(&s, AT).map_err(|e| bad(idx, e))
}

pub fn get_opt_at(row: &Row<'_>, idx: usize) -> crate::db::sql::Result<Option<NaiveDateTime>> {
    let s: Option<String> = row.get(idx)?;
    s.map(|s| NaiveDateTime::parse_from_str(&s, AT).map_err(|e| bad(idx, e)))
        .transpose()
}

pub fn get_utc(row: &Row<'_>, idx: usize) -> crate::db::sql::Result<DateTime<Utc>> {
    let s: String = row.get(idx)?;
    DateTime::parse_from_rfc3339(&s)
        .map(|d| d.with_timezone(&Utc))
        .map_err(|e| bad(idx, e))
}

/// Reads `created_at, updated_at, version` starting at column `idx`.
pub fn get_stamp(row: &Row<'_>, idx: usize) -> crate::db::sql::Result<Stamp> {
    Ok(Stamp {
        created_at: get_utc(row, idx)?,
        updated_at: get_utc(row, idx + 1)?,
        version: row.get(idx + 2)?,
    })
}

/// Reads a stored enumeration through its `parse`.
pub fn get_enum<T>(
    row: &Row<'_>,
    idx: usize,
    parse: fn(&str) -> Option<T>,
) -> crate::db::sql::Result<T> {
    let s: String = row.get(idx)?;
    parse(&s).ok_or_else(|| bad(idx, format!("unknown value {s:?}")))
}

/// Trims a required text field, or says it is empty.
pub fn required(field: &'static str, label: &str, value: &str) -> Result<String> {
    let v = value.trim();
    if v.is_empty() {
        return Err(Error::invalid(field, format!("{label} must not be empty")));
    }
    Ok(v.to_string())
}

/// Checks an integer is within a range, naming the field: "energy level must be 1–5, got 7".
pub fn in_range(field: &'static str, label: &str, value: i64, lo: i64, hi: i64) -> Result<()> {
    if (lo..=hi).contains(&value) {
        Ok(())
    } else {
        Err(Error::invalid(
            field,
            format!("{label} must be {lo}–{hi}, got {value}"),
        ))
    }
}

/// Cleans a tag as typed: trims, drops a leading `#` or `@`, and refuses spaces and commas.
pub fn normalize_tag(raw: &str) -> Result<String> {
    let t = raw.trim().trim_start_matches(['#', '@']);
    if t.is_empty() {
        return Err(Error::invalid("tag", "tag must not be empty"));
    }
    if t.chars()
        .any(|c| c.is_whitespace() || c == ',' || c.is_control())
    {
        return Err(Error::invalid(
            "tag",
            format!("tag {t:?} must not contain spaces, commas or control characters"),
        ));
    }
    if t.chars().count() > 64 {
        return Err(Error::invalid("tag", "tag must be at most 64 characters"));
    }
    Ok(t.to_string())
}

/// Cleans a list of tags, dropping duplicates (ignoring case) and keeping the first spelling.
pub fn normalize_tags(raw: &[String]) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for r in raw {
        let t = normalize_tag(r)?;
        if !out.iter().any(|o| o.eq_ignore_ascii_case(&t)) {
            out.push(t);
        }
    }
    Ok(out)
}

/// `text` with the LIKE wildcards `%` and `_` (and the escape character itself) taken
/// literally. Use with `ESCAPE '\'`.
pub fn like_escape(text: &str) -> String {
    let mut p = String::with_capacity(text.len() + 2);
    for ch in text.chars() {
        if matches!(ch, '\\' | '%' | '_') {
            p.push('\\');
        }
        p.push(ch);
    }
    p
}

/// A LIKE pattern matching `text` anywhere (see [`like_escape`]).
pub fn like_pattern(text: &str) -> String {
    format!("%{}%", like_escape(text))
}

/// A kind of row that carries tags, with its link table.
#[derive(Debug, Clone, Copy)]
pub struct TagLink {
    pub table: &'static str,
    pub owner: &'static str,
}

pub const TASK_TAGS: TagLink = TagLink {
    table: "task_tags",
    owner: "task_id",
};
pub const LEARNING_TAGS: TagLink = TagLink {
    table: "learning_tags",
    owner: "learning_id",
};
pub const MEETING_TAGS: TagLink = TagLink {
    table: "meeting_tags",
    owner: "meeting_id",
};
pub const GOAL_TAGS: TagLink = TagLink {
    table: "goal_tags",
    owner: "goal_id",
};
pub const FEEDBACK_TAGS: TagLink = TagLink {
    table: "feedback_tags",
    owner: "feedback_id",
};
pub const SKILL_TAGS: TagLink = TagLink {
    table: "skill_tags",
    owner: "skill_id",
};
pub const CHECKIN_TAGS: TagLink = TagLink {
    table: "checkin_tags",
    owner: "checkin_id",
};
pub const ALL_TAG_LINKS: [TagLink; 7] = [
    TASK_TAGS,
    LEARNING_TAGS,
    MEETING_TAGS,
    GOAL_TAGS,
    FEEDBACK_TAGS,
    SKILL_TAGS,
    CHECKIN_TAGS,
];

/// Makes a row's tags exactly `tags`, creating tags that do not exist yet. Table and column
/// names come from the constants above, never from input; tag names are bound parameters.
pub fn set_tags(conn: &Connection, link: TagLink, owner_id: Id, tags: &[String]) -> Result<()> {
    let tags = normalize_tags(tags)?;
    conn.prepare_cached(&format!(
        "DELETE FROM {} WHERE {} = ?1",
        link.table, link.owner
    ))?
    .execute([owner_id])?;
    for name in &tags {
        // An existing tag whose name differs only by accents or case is this tag.
        let id = match tag_by_key(conn, name)? {
            Some(id) => id,
            None => {
                conn.prepare_cached(
                    "INSERT INTO tags (name, name_key) VALUES (?1, ?2) ON CONFLICT (name) DO NOTHING",
                )?
                .execute([name.as_str(), name_key(name).as_str()])?;
                conn.prepare_cached("SELECT id FROM tags WHERE name = ?1")?
                    .query_row([name], |r| r.get(0))?
            }
        };
        conn.prepare_cached(&format!(
            "INSERT INTO {} ({}, tag_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
            link.table, link.owner
        ))?
        .execute(params![owner_id, id])?;
    }
    Ok(())
}

/// Adds `tags` to each of the rows `ids` of `table` (each keeps the tags it has), stamping
/// each row changed. A row missing (or deleted) fails with `NotFound` naming `what`; the caller
/// runs this in its one transaction, so nothing is then written.
pub fn add_tags(
    conn: &Connection,
    link: TagLink,
    (table, what): (&str, &'static str),
    ids: &[Id],
    tags: &[String],
) -> Result<usize> {
    let tags = normalize_tags(tags)?;
    for &id in ids {
        let changed = conn
            .prepare_cached(&format!(
                "UPDATE {table} SET updated_at = {NOW_UTC}, version = version + 1
                 WHERE id = ?1 AND deleted_at IS NULL"
            ))?
            .execute([id])?;
        if changed == 0 {
            return Err(Error::NotFound { what, id });
        }
        let mut all = tags_of(conn, link, id)?;
        all.extend(tags.iter().cloned());
        set_tags(conn, link, id, &all)?;
    }
    Ok(ids.len())
}

/// The tag that `name` means: the same name but for accents, case and spacing (the oldest, if
/// an upgrade found several).
pub fn tag_by_key(conn: &Connection, name: &str) -> Result<Option<Id>> {
    Ok(conn
        .prepare_cached("SELECT id FROM tags WHERE name_key = ?1 ORDER BY name = ?2 DESC, id")?
        .query_row([name_key(name).as_str(), name], |r| r.get(0))
        .optional()?)
}

/// The tags of one row, sorted by name.
pub fn tags_of(conn: &Connection, link: TagLink, owner_id: Id) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT t.name FROM {} l JOIN tags t ON t.id = l.tag_id WHERE l.{} = ?1 ORDER BY t.name",
        link.table, link.owner
    ))?;
    let names = stmt
        .query_map([owner_id], |r| r.get(0))?
        .collect::<crate::db::sql::Result<Vec<String>>>()?;
    Ok(names)
}

/// The tags of many rows at once (one query, not one per row).
pub fn tags_of_many(
    conn: &Connection,
    link: TagLink,
    ids: &[Id],
) -> Result<HashMap<Id, Vec<String>>> {
    let mut map: HashMap<Id, Vec<String>> = HashMap::new();
    if ids.is_empty() {
        return Ok(map);
    }
    let json = serde_json::to_string(ids).map_err(|e| Error::Sqlite(e.to_string()))?;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT l.{owner}, t.name FROM {table} l JOIN tags t ON t.id = l.tag_id
         WHERE l.{owner} IN (SELECT CAST(value AS BIGINT) FROM json_each(?1)) ORDER BY t.name",
        owner = link.owner,
        table = link.table
    ))?;
    let rows = stmt.query_map([json], |r| Ok((r.get::<_, Id>(0)?, r.get::<_, String>(1)?)))?;
    for row in rows {
        let (id, name) = row?;
        map.entry(id).or_default().push(name);
    }
    Ok(map)
}

/// A versioned table, for update checks and soft delete.
#[derive(Debug, Clone, Copy)]
pub struct Table {
    pub name: &'static str,
    /// What the user calls one row: "task", "journal entry".
    pub what: &'static str,
}

/// After an `UPDATE ... WHERE id = ? AND version = ?`, turns "no row changed" into NotFound or
/// Conflict, so a save from a stale copy is reported and never silently applied.
pub fn check_versioned_update(
    conn: &Connection,
    table: Table,
    id: Id,
    yours: i64,
    changed: usize,
) -> Result<()> {
    if changed == 1 {
        return Ok(());
    }
    let current: Option<i64> = conn
        .prepare_cached(&format!(
            "SELECT version FROM {} WHERE id = ?1 AND {}",
            table.name,
            live_clause(table)
        ))?
        .query_row([id], |r| r.get(0))
        .optional()?;
    match current {
        None => Err(Error::NotFound {
            what: table.what,
            id,
        }),
        Some(current) => Err(Error::Conflict {
            what: table.what,
            id,
            yours,
            current,
        }),
    }
}

/// Tables without soft delete count every row as live.
fn live_clause(table: Table) -> &'static str {
    if SOFT_DELETE_TABLES.contains(&table.name) {
        "deleted_at IS NULL"
    } else {
        "1 = 1"
    }
}

pub const SOFT_DELETE_TABLES: [&str; 8] = [
    "tasks",
    "learnings",
    "skills",
    "meetings",
    "action_items",
    "goals",
    "feedback",
    "energy_checkins",
];

/// Turns QueryReturnedNoRows into NotFound.
pub fn found<T>(r: crate::db::sql::Result<T>, what: &'static str, id: Id) -> Result<T> {
    r.optional()?.ok_or(Error::NotFound { what, id })
}

#[cfg(test)]
mod tests {
    use super::like_pattern;

    #[test]
    fn like_wildcards_are_escaped() {
        assert_eq!(like_pattern("50%_a\\b"), "%50\\%\\_a\\\\b%");
        assert_eq!(like_pattern("plain"), "%plain%");
    }
}
