//! The people, tags and organizations popup (`P` from anywhere): three lists to keep the names
//! every pane links to in order. People are edited (name, organization, role, email, notes),
//! tags and organizations renamed; two people or two tags are merged without losing a link
//! (every meeting, feedback, action item, or tagged row of the one removed moves to the one
//! kept); organizations are added, and `f` shows one organization everywhere (the same filter
//! as `O`).

use super::form::controller::{FormController, FormStep, FormTarget};
use super::form::{Form, FormDraft, FormEvent, PickOption};
use super::keymap::{self, Action, Answer, Context, FormAction, ManageAction};
use super::panes::Ctx;
use super::panes::common::{render_empty, render_filter};
use super::panes::list::{Cursor, Filter};
use super::theme::Theme;
use crate::db::Repo;
use crate::model::{Id, Organization, Person, PersonDraft, Tag};
use crate::text::{fit, sanitize, truncate, width};
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

mod keys;
mod render;
mod spec;

use spec::FormJob;

/// The name the person form's draft is kept under (see `Drafts::save_named`).
pub const DRAFT_NAME: &str = "people";

/// What the app should do after a key in the popup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ManageOutcome {
    Handled,
    Ignored,
    /// Something was written: every pane should hear of it.
    Changed,
    Close,
    /// Show only this organization everywhere (`None`: all).
    Organization(Option<Id>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    People,
    Tags,
    Organizations,
}

impl Section {
    const ALL: [Section; 3] = [Section::People, Section::Tags, Section::Organizations];

    fn name(self) -> &'static str {
        match self {
            Section::People => "People",
            Section::Tags => "Tags",
            Section::Organizations => "Organizations",
        }
    }

    fn step(self, forward: bool) -> Section {
        let i = Section::ALL.iter().position(|s| *s == self).unwrap_or(0);
        let n = Section::ALL.len();
        Section::ALL[if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }]
    }
}

enum ConfirmJob {
    MergePeople { keep: Id, remove: Id },
    MergeTags { keep: Id, remove: Id },
    DeletePerson { id: Id },
}

enum Modal {
    None,
    /// Picking what to merge `remove` into.
    Merge {
        form: Box<Form>,
        remove: Id,
        name: String,
    },
    Confirm {
        question: String,
        job: ConfirmJob,
    },
}

pub struct Manager {
    theme: Theme,
    section: Section,
    people: Vec<Person>,
    tags: Vec<Tag>,
    orgs: Vec<Organization>,
    organization: Option<Id>,
    /// Indices into the current section's list that pass the organization and text filters.
    visible: Vec<usize>,
    cursor: Cursor,
    filter: Filter,
    modal: Modal,
    form: FormController<FormJob>,
}

impl Manager {
    /// Another program replaced the database: a merge or delete question names people and
    /// tags by id, which now may be others. Drops it; true if there was one. (An open form
    /// stays, and refuses to save.)
    pub fn database_replaced(&mut self) -> bool {
        let asked = !matches!(self.modal, Modal::None);
        self.modal = Modal::None;
        asked
    }

    pub fn new(theme: Theme) -> Self {
        Manager {
            theme,
            section: Section::People,
            people: Vec::new(),
            tags: Vec::new(),
            orgs: Vec::new(),
            organization: None,
            visible: Vec::new(),
            cursor: Cursor::default(),
            filter: Filter::default(),
            modal: Modal::None,
            form: FormController::new(DRAFT_NAME),
        }
    }

    pub fn reload(&mut self, repo: &Repo, organization: Option<Id>) -> anyhow::Result<()> {
        let keep = self.selected_id();
        self.organization = organization;
        self.people = repo.people(None)?;
        self.tags = repo.tags()?;
        self.orgs = repo.organizations()?;
        self.refilter();
        self.select_id(keep);
        Ok(())
    }

    pub fn section(&self) -> Section {
        self.section
    }

    /// The names on screen in the current list.
    pub fn shown(&self) -> Vec<String> {
        self.visible.iter().filter_map(|&i| self.label(i)).collect()
    }

    /// The name under the cursor in the current list.
    pub fn selected(&self) -> Option<String> {
        self.visible
            .get(self.cursor.selected)
            .and_then(|&i| self.label(i))
    }

    pub fn hints(&self) -> &'static [Context] {
        if let Some(contexts) = self.form.contexts() {
            return contexts;
        }
        match &self.modal {
            Modal::Merge { form, .. } => form.contexts(),
            Modal::Confirm { .. } => &[Context::Confirm],
            Modal::None if self.filter.typing => &[Context::FilterInput],
            Modal::None => &[Context::Manage],
        }
    }

    fn label(&self, i: usize) -> Option<String> {
        match self.section {
            Section::People => self.people.get(i).map(|p| p.name.clone()),
            Section::Tags => self.tags.get(i).map(|t| t.name.clone()),
            Section::Organizations => self.orgs.get(i).map(|o| o.name.clone()),
        }
    }

    fn id_at(&self, i: usize) -> Option<Id> {
        match self.section {
            Section::People => self.people.get(i).map(|p| p.id),
            Section::Tags => self.tags.get(i).map(|t| t.id),
            Section::Organizations => self.orgs.get(i).map(|o| o.id),
        }
    }

    fn selected_id(&self) -> Option<Id> {
        self.visible
            .get(self.cursor.selected)
            .and_then(|&i| self.id_at(i))
    }

    fn org_name(&self, id: Option<Id>) -> Option<&str> {
        let id = id?;
        self.orgs
            .iter()
            .find(|o| o.id == id)
            .map(|o| o.name.as_str())
    }

    fn refilter(&mut self) {
        let keep = self.selected_id();
        let n = match self.section {
            Section::People => self.people.len(),
            Section::Tags => self.tags.len(),
            Section::Organizations => self.orgs.len(),
        };
        self.visible = (0..n)
            .filter(|&i| match self.section {
                Section::People => self.people.get(i).is_some_and(|p| {
                    (self.organization.is_none() || p.organization_id == self.organization)
                        && self.filter.matches([
                            p.name.as_str(),
                            p.role.as_str(),
                            p.email.as_str(),
                            self.org_name(p.organization_id).unwrap_or(""),
                        ])
                }),
                _ => self
                    .label(i)
                    .is_some_and(|l| self.filter.matches([l.as_str()])),
            })
            .collect();
        self.select_id(keep);
    }

    fn select_id(&mut self, id: Option<Id>) {
        let mut cursor = std::mem::take(&mut self.cursor);
        cursor.select_where(&self.visible, |i| id.is_some() && self.id_at(i) == id);
        self.cursor = cursor;
    }

    fn org_options(&self) -> Vec<PickOption> {
        let mut opts = vec![PickOption::new(0, "(none)")];
        opts.extend(
            self.orgs
                .iter()
                .map(|o| PickOption::new(o.id, o.name.clone())),
        );
        opts
    }
}
