//! People, organizations, tags and the user's own profile.

use super::Repo;
use super::util::*;
use crate::db::error::{Error, Result};
use crate::db::sql::{Connection, OptionalExtension, Row, params};
use crate::model::{Id, Organization, Person, PersonDraft, Profile, Tag};

const PEOPLE: Table = Table {
    name: "people",
    what: "person",
};

const SELECT_PERSON: &str = "SELECT id, name, organization_id, role, email, notes,
        created_at, updated_at, version FROM people";

fn person_from_row(r: &Row<'_>) -> crate::db::sql::Result<Person> {
    Ok(Person {
        id: r.get(0)?,
        name: r.get(1)?,
        organization_id: r.get(2)?,
        role: r.get(3)?,
        email: r.get(4)?,
        notes: r.get(5)?,
        stamp: get_stamp(r, 6)?,
    })
}

fn load_person(conn: &Connection, id: Id) -> Result<Person> {
    found(
        conn.prepare_cached(&format!("{SELECT_PERSON} WHERE id = ?1"))?
            .query_row([id], person_from_row),
        "person",
        id,
    )
}

pub(super) fn ensure_org(conn: &Connection, org: Option<Id>) -> Result<()> {
    if let Some(o) = org {
        let n: i64 = conn
            .prepare_cached("SELECT count(*) FROM organizations WHERE id = ?1")?
            .query_row([o], |r| r.get(0))?;
        if n == 0 {
            return Err(Error::invalid(
                "organization",
                format!("organization {o} does not exist"),
            ));
        }
    }
    Ok(())
}

/// Every place a person is referenced, as (table, column). Merging moves all of them.
/// The columns that refer to a person, with the other column of the table's key where the
/// person is part of one (an attendance is a meeting and a person).
const PERSON_REFERENCES: [(&str, &str, Option<&str>); 3] = [
    ("feedback", "person_id", None),
    ("action_items", "owner_id", None),
    ("meeting_attendees", "person_id", Some("meeting_id")),
];

impl Repo {
    pub fn add_person(&self, draft: &PersonDraft) -> Result<Person> {
        let name = required("name", "person name", &draft.name)?;
        self.write(|c| {
            ensure_org(c, draft.organization_id)?;
            let id: Id = c
                .prepare_cached(
                    "INSERT INTO people (name, organization_id, role, email, notes, name_key)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id",
                )?
                .query_row(
                    params![
                        name,
                        draft.organization_id,
                        draft.role,
                        draft.email,
                        draft.notes,
                        name_key(&name)
                    ],
                    |r| r.get(0),
                )?;
            load_person(c, id)
        })
    }

    pub fn update_person(&self, id: Id, version: i64, draft: &PersonDraft) -> Result<Person> {
        let name = required("name", "person name", &draft.name)?;
        self.write(|c| {
            ensure_org(c, draft.organization_id)?;
            let changed = c
                .prepare_cached(&format!(
                    "UPDATE people SET name = ?1, organization_id = ?2, role = ?3, email = ?4, notes = ?5,
                        name_key = ?8, updated_at = {NOW_UTC}, version = version + 1
                     WHERE id = ?6 AND version = ?7"
                ))?
                .execute(params![name, draft.organization_id, draft.role, draft.email, draft.notes, id, version, name_key(&name)])?;
            check_versioned_update(c, PEOPLE, id, version, changed)?;
            load_person(c, id)
        })
    }

    pub fn person(&self, id: Id) -> Result<Person> {
        load_person(self.conn(), id)
    }

    /// Everyone, by name; `organization` narrows to one organization.
    pub fn people(&self, organization: Option<Id>) -> Result<Vec<Person>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "{SELECT_PERSON} WHERE CAST(?1 AS BIGINT) IS NULL OR organization_id = ?1 ORDER BY name COLLATE NOCASE, id"
        ))?;
        let rows = stmt
            .query_map([organization], person_from_row)?
            .collect::<crate::db::sql::Result<_>>()?;
        Ok(rows)
    }

    /// The person of that name (ignoring accents, case and spacing: see `text::name_key`;
    /// in no organization, or the only match), created if there is none. Used by pickers'
    /// create-new and by quick capture, which tell the user when the name differs.
    pub fn find_or_add_person(&self, name: &str) -> Result<Person> {
        let name = required("name", "person name", name)?;
        self.write(|c| {
            let ids: Vec<Id> = c
                .prepare_cached(
                    "SELECT id FROM people WHERE name_key = ?1
                     ORDER BY name = ?2 DESC, organization_id IS NOT NULL, id",
                )?
                .query_map([name_key(&name).as_str(), name.as_str()], |r| r.get(0))?
                .collect::<crate::db::sql::Result<_>>()?;
            match ids.first() {
                Some(&id) => load_person(c, id),
                None => {
                    let id: Id = c
                        .prepare_cached(
                            "INSERT INTO people (name, name_key) VALUES (?1, ?2) RETURNING id",
                        )?
                        .query_row([name.as_str(), name_key(&name).as_str()], |r| r.get(0))?;
                    load_person(c, id)
                }
            }
        })
    }

    /// Moves every link of `remove` to `keep`, then deletes `remove`. Nothing is lost: where
    /// both attended the same meeting, the one attendance row stays.
    pub fn merge_people(&self, keep: Id, remove: Id) -> Result<Person> {
        if keep == remove {
            return Err(Error::invalid(
                "person",
                "cannot merge a person into themselves",
            ));
        }
        self.write(|c| {
            self.history_hint("merge");
            load_person(c, keep)?;
            load_person(c, remove)?;
            for (table, column, with) in PERSON_REFERENCES {
                // A row `keep` already has the same key as is left for the delete below.
                let not_taken = with.map_or(String::new(), |w| {
                    format!(" AND {w} NOT IN (SELECT {w} FROM {table} WHERE {column} = ?1)")
                });
                c.execute(
                    &format!("UPDATE {table} SET {column} = ?1 WHERE {column} = ?2{not_taken}"),
                    params![keep, remove],
                )?;
            }
            // Attendances left behind were duplicates of ones `keep` already has.
            c.execute(
                "DELETE FROM meeting_attendees WHERE person_id = ?1",
                [remove],
            )?;
            c.execute("DELETE FROM people WHERE id = ?1", [remove])?;
            load_person(c, keep)
        })
    }

    /// Deletes a person nobody refers to; one who is referenced must be merged instead.
    pub fn delete_person(&self, id: Id) -> Result<()> {
        self.write(|c| {
            load_person(c, id)?;
            let used: i64 = c.query_row(
                "SELECT (SELECT count(*) FROM feedback WHERE person_id = ?1)
                      + (SELECT count(*) FROM meeting_attendees WHERE person_id = ?1)
                      + (SELECT count(*) FROM action_items WHERE owner_id = ?1)",
                [id],
                |r| r.get(0),
            )?;
            if used > 0 {
                return Err(Error::invalid(
                    "person",
                    format!("this person is linked to {used} meetings, feedback or action items; merge them into someone instead"),
                ));
            }
            c.execute("DELETE FROM people WHERE id = ?1", [id])?;
            Ok(())
        })
    }

    // -- organizations ----------------------------------------------------------------------

    pub fn add_organization(&self, name: &str) -> Result<Organization> {
        let name = required("name", "organization name", name)?;
        self.write(|c| {
            let id: Id = c
                .prepare_cached("INSERT INTO organizations (name) VALUES (?1) RETURNING id")?
                .query_row([&name], |r| r.get(0))?;
            load_org(c, id)
        })
    }

    pub fn rename_organization(&self, id: Id, name: &str) -> Result<Organization> {
        let name = required("name", "organization name", name)?;
        self.write(|c| {
            let changed = c
                .prepare_cached(&format!(
                    "UPDATE organizations SET name = ?1, updated_at = {NOW_UTC}, version = version + 1 WHERE id = ?2"
                ))?
                .execute(params![name, id])?;
            if changed == 0 {
                return Err(Error::NotFound { what: "organization", id });
            }
            load_org(c, id)
        })
    }

    pub fn organizations(&self) -> Result<Vec<Organization>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, name, created_at, updated_at, version FROM organizations ORDER BY name",
        )?;
        let rows = stmt
            .query_map([], org_from_row)?
            .collect::<crate::db::sql::Result<_>>()?;
        Ok(rows)
    }

    // -- tags -------------------------------------------------------------------------------

    /// Every tag with how many live rows carry it, by name.
    pub fn tags(&self) -> Result<Vec<Tag>> {
        let uses = ALL_TAG_LINKS
            .iter()
            .map(|l| format!("(SELECT count(*) FROM {} l WHERE l.tag_id = t.id)", l.table))
            .collect::<Vec<_>>()
            .join(" + ");
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT t.id, t.name, {uses} FROM tags t ORDER BY t.name"
        ))?;
        let rows = stmt
            .query_map([], |r| {
                Ok(Tag {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    uses: r.get(2)?,
                })
            })?
            .collect::<crate::db::sql::Result<_>>()?;
        Ok(rows)
    }

    /// The existing tag that `name` would be, when it is spelled otherwise (accents, case):
    /// so quick capture can say which tag it used.
    pub fn existing_tag_spelled_otherwise(&self, name: &str) -> Result<Option<String>> {
        let Ok(name) = normalize_tag(name) else {
            return Ok(None);
        };
        let Some(id) = tag_by_key(self.conn(), &name)? else {
            return Ok(None);
        };
        let stored: String = self
            .conn()
            .prepare_cached("SELECT name FROM tags WHERE id = ?1")?
            .query_row([id], |r| r.get(0))?;
        Ok((stored != name).then_some(stored))
    }

    pub fn rename_tag(&self, id: Id, name: &str) -> Result<()> {
        let name = normalize_tag(name)?;
        self.write(|c| {
            let changed = c
                .prepare_cached(&format!(
                    "UPDATE tags SET name = ?1, name_key = ?3, updated_at = {NOW_UTC}, version = version + 1
                     WHERE id = ?2"
                ))?
                .execute(params![name, id, name_key(&name)])?;
            if changed == 0 {
                return Err(Error::NotFound { what: "tag", id });
            }
            Ok(())
        })
    }

    /// Moves every use of tag `remove` to `keep` and deletes `remove`.
    pub fn merge_tags(&self, keep: Id, remove: Id) -> Result<()> {
        if keep == remove {
            return Err(Error::invalid("tag", "cannot merge a tag into itself"));
        }
        self.write(|c| {
            self.history_hint("merge");
            for id in [keep, remove] {
                let n: i64 = c.query_row("SELECT count(*) FROM tags WHERE id = ?1", [id], |r| {
                    r.get(0)
                })?;
                if n == 0 {
                    return Err(Error::NotFound { what: "tag", id });
                }
            }
            for l in ALL_TAG_LINKS {
                c.execute(
                    &format!(
                        "UPDATE {table} SET tag_id = ?1 WHERE tag_id = ?2
                           AND {owner} NOT IN (SELECT {owner} FROM {table} WHERE tag_id = ?1)",
                        table = l.table,
                        owner = l.owner
                    ),
                    params![keep, remove],
                )?;
            }
            // Links still on `remove` duplicated ones `keep` has; they go with the tag.
            c.execute("DELETE FROM tags WHERE id = ?1", [remove])?;
            Ok(())
        })
    }

    // -- profile ----------------------------------------------------------------------------

    pub fn profile(&self) -> Result<Profile> {
        let p = self
            .conn()
            .query_row(
                "SELECT name, role, organization_id FROM profile WHERE id = 1",
                [],
                |r| {
                    Ok(Profile {
                        name: r.get(0)?,
                        role: r.get(1)?,
                        organization_id: r.get(2)?,
                    })
                },
            )
            .optional()?;
        Ok(p.unwrap_or_default())
    }

    pub fn set_profile(&self, profile: &Profile) -> Result<()> {
        self.write(|c| {
            ensure_org(c, profile.organization_id)?;
            c.execute(
                &format!(
                    "INSERT INTO profile (id, name, role, organization_id) VALUES (1, ?1, ?2, ?3)
                     ON CONFLICT (id) DO UPDATE SET name = excluded.name, role = excluded.role,
                        organization_id = excluded.organization_id, updated_at = {NOW_UTC},
                        version = profile.version + 1"
                ),
                params![
                    profile.name.trim(),
                    profile.role.trim(),
                    profile.organization_id
                ],
            )?;
            Ok(())
        })
    }
}

fn org_from_row(r: &Row<'_>) -> crate::db::sql::Result<Organization> {
    Ok(Organization {
        id: r.get(0)?,
        name: r.get(1)?,
        stamp: get_stamp(r, 2)?,
    })
}

fn load_org(conn: &Connection, id: Id) -> Result<Organization> {
    found(
        conn.prepare_cached(
            "SELECT id, name, created_at, updated_at, version FROM organizations WHERE id = ?1",
        )?
        .query_row([id], org_from_row),
        "organization",
        id,
    )
}
