//! What the popup's forms save, and how a conflict shows the saved version: the [`FormSpec`]
//! of the people, tags and organizations popup. It needs nothing from the popup itself, so
//! the popup's module can hold one without the two importing each other.

use crate::db::Error as DbError;
use crate::model::{Id, Organization, PersonDraft};
use crate::text::sanitize;
use crate::tui::form::Form;
use crate::tui::form::controller::{Conflict, FormSpec, FormTarget};
use crate::tui::panes::Ctx;
use crate::tui::panes::common::new_tag;

/// The popup's forms: a person (new or edited), a tag's or an organization's name.
pub(super) enum FormJob {
    Person,
    RenameTag { id: Id },
    AddOrganization,
    RenameOrganization { id: Id },
}

impl FormSpec for FormJob {
    /// The status line's message.
    type Saved = String;

    fn draft_key(&self, target: &FormTarget) -> Option<String> {
        matches!(self, FormJob::Person).then(|| target.key())
    }

    fn save(&mut self, ctx: &Ctx, form: &Form, target: &FormTarget) -> Result<String, DbError> {
        let name = form.text("name");
        match self {
            FormJob::Person => {
                let draft = read_person(form);
                match *target {
                    FormTarget::Edit { id, version } => ctx.repo.update_person(id, version, &draft),
                    FormTarget::New => ctx.repo.add_person(&draft),
                }
                .map(|p| format!("saved {}", sanitize(&p.name)))
            }
            FormJob::RenameTag { id } => {
                let id = *id;
                let n = new_tag(&name).map_err(|msg| DbError::invalid("name", msg))?;
                if let Some(other) = ctx
                    .repo
                    .tags()?
                    .into_iter()
                    .find(|t| t.id != id && t.name.eq_ignore_ascii_case(&n))
                {
                    return Err(DbError::invalid(
                        "name",
                        format!(
                            "#{} exists already: Esc, then m merges into it",
                            sanitize(&other.name)
                        ),
                    ));
                }
                ctx.repo
                    .rename_tag(id, &n)
                    .map(|()| format!("renamed to #{}", sanitize(&n)))
            }
            FormJob::AddOrganization => ctx
                .repo
                .add_organization(&name)
                .map(|o| format!("added {}", sanitize(&o.name))),
            FormJob::RenameOrganization { id } => ctx
                .repo
                .rename_organization(*id, &name)
                .map(|o| format!("renamed to {}", sanitize(&o.name))),
        }
    }

    fn conflict(&mut self, ctx: &Ctx, form: &Form, id: Id, _: i64) -> Result<Conflict, DbError> {
        let theirs = ctx.repo.person(id)?;
        let orgs = ctx.repo.organizations()?;
        Ok(Conflict {
            yours: person_lines(&read_person(form), &orgs),
            theirs: person_lines(
                &PersonDraft {
                    name: theirs.name,
                    organization_id: theirs.organization_id,
                    role: theirs.role,
                    email: theirs.email,
                    notes: theirs.notes,
                },
                &orgs,
            ),
            version: theirs.stamp.version,
        })
    }
}

pub(super) fn read_person(form: &Form) -> PersonDraft {
    PersonDraft {
        name: form.text("name"),
        organization_id: form
            .picked("organization")
            .first()
            .map(|o| o.id)
            .filter(|id| *id > 0),
        role: form.text("role").trim().to_string(),
        email: form.text("email").trim().to_string(),
        notes: form.text("notes"),
    }
}

pub(super) fn person_lines(d: &PersonDraft, orgs: &[Organization]) -> Vec<(String, String)> {
    let org = d
        .organization_id
        .and_then(|id| orgs.iter().find(|o| o.id == id))
        .map(|o| o.name.clone())
        .unwrap_or_default();
    vec![
        ("name".into(), d.name.clone()),
        ("organization".into(), org),
        ("role".into(), d.role.clone()),
        ("email".into(), d.email.clone()),
        ("notes".into(), d.notes.clone()),
    ]
}
