//! The people, tags and organizations popup (`P` from anywhere): three lists to keep the names
//! every pane links to in order. People are edited (name, organization, role, email, notes),
//! tags and organizations renamed; two people or two tags are merged without losing a link
//! (every meeting, feedback, action item, or tagged row of the one removed moves to the one
//! kept); organizations are added, and `f` shows one organization everywhere (the same filter
//! as `O`).

use super::form::controller::{Conflict, FormController, FormSpec, FormStep, FormTarget};
use super::form::{Form, FormDraft, FormEvent, PickOption};
use super::keymap::{self, Action, Answer, Context, FormAction, ManageAction};
use super::panes::Ctx;
use super::panes::common::{new_tag, render_empty, render_filter};
use super::panes::list::{Cursor, Filter};
use super::theme::Theme;
use crate::db::{Error as DbError, Repo};
use crate::model::{Id, Organization, Person, PersonDraft, Tag};
use crate::text::{fit, sanitize, truncate, width};
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

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

/// The popup's forms: a person (new or edited), a tag's or an organization's name.
enum FormJob {
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

fn read_person(form: &Form) -> PersonDraft {
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
        if let Some(id) = id
            && let Some(pos) = self.visible.iter().position(|&i| self.id_at(i) == Some(id))
        {
            self.cursor.selected = pos;
        }
        self.cursor.clamp(self.visible.len());
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

    fn open_person_form(&mut self, ctx: &mut Ctx, person: Option<&Person>) {
        let (title, target, draft) = match person {
            Some(p) => (
                format!("Edit person · {}", p.name),
                FormTarget::Edit {
                    id: p.id,
                    version: p.stamp.version,
                },
                PersonDraft {
                    name: p.name.clone(),
                    organization_id: p.organization_id,
                    role: p.role.clone(),
                    email: p.email.clone(),
                    notes: p.notes.clone(),
                },
            ),
            None => (
                "New person".to_string(),
                FormTarget::New,
                PersonDraft {
                    organization_id: self.organization,
                    ..PersonDraft::default()
                },
            ),
        };
        let form = Form::new(title, self.theme)
            .line("name", "Name", &draft.name)
            .picker(
                "organization",
                "Org",
                self.org_options(),
                &[draft.organization_id.unwrap_or(0)],
                false,
                None,
            )
            .line("role", "Role", &draft.role)
            .line("email", "Email", &draft.email)
            .multiline("notes", "Notes", &draft.notes, 3);
        self.form.open(ctx, form, target, FormJob::Person);
    }

    fn open_name_form(&mut self, title: String, value: &str, job: FormJob) {
        let form = Form::new(title, self.theme).line("name", "Name", value);
        self.form.open_prompt(form, FormTarget::New, job);
    }

    fn open_merge(&mut self, ctx: &mut Ctx) -> ManageOutcome {
        let Some(id) = self.selected_id() else {
            return ManageOutcome::Handled;
        };
        let (name, options): (String, Vec<PickOption>) = match self.section {
            Section::People => {
                let Some(p) = self.people.iter().find(|p| p.id == id) else {
                    return ManageOutcome::Handled;
                };
                (
                    p.name.clone(),
                    self.people
                        .iter()
                        .filter(|o| o.id != id)
                        .map(|o| PickOption::new(o.id, self.person_label(o)))
                        .collect(),
                )
            }
            Section::Tags => {
                let Some(t) = self.tags.iter().find(|t| t.id == id) else {
                    return ManageOutcome::Handled;
                };
                (
                    t.name.clone(),
                    self.tags
                        .iter()
                        .filter(|o| o.id != id)
                        .map(|o| PickOption::new(o.id, format!("#{} · {} uses", o.name, o.uses)))
                        .collect(),
                )
            }
            Section::Organizations => {
                ctx.status
                    .info("organizations are not merged: rename one, and move its people");
                return ManageOutcome::Handled;
            }
        };
        if options.is_empty() {
            ctx.status.info("there is nothing else to merge into");
            return ManageOutcome::Handled;
        }
        let form = Form::new(format!("Merge “{name}” into…"), self.theme).picker(
            "into",
            "Into",
            options,
            &[],
            false,
            None,
        );
        self.modal = Modal::Merge {
            form: Box::new(form),
            remove: id,
            name,
        };
        ManageOutcome::Handled
    }

    fn person_label(&self, p: &Person) -> String {
        match self.org_name(p.organization_id) {
            Some(o) => format!("{} ({o})", p.name),
            None => p.name.clone(),
        }
    }

    fn act(&mut self, action: Action, ctx: &mut Ctx) -> ManageOutcome {
        match action {
            Action::Manage(a) => self.manage_key(a, ctx),
            Action::FilterInput(a) => {
                if self.filter.act(a) {
                    self.refilter();
                }
                ManageOutcome::Handled
            }
            // Not a context of the popup.
            _ => ManageOutcome::Ignored,
        }
    }

    fn manage_key(&mut self, action: ManageAction, ctx: &mut Ctx) -> ManageOutcome {
        match action {
            ManageAction::Move(nav) => {
                self.cursor.apply(nav, self.visible.len());
            }
            ManageAction::NextSection | ManageAction::PrevSection => {
                self.section = self.section.step(action == ManageAction::NextSection);
                self.filter = Filter::default();
                self.cursor = Cursor::default();
                self.refilter();
            }
            ManageAction::Add => match self.section {
                Section::People => self.open_person_form(ctx, None),
                Section::Organizations => {
                    self.open_name_form("New organization".into(), "", FormJob::AddOrganization);
                }
                Section::Tags => ctx
                    .status
                    .info("tags are made where they are used: type a new one in any tag field"),
            },
            ManageAction::Edit => {
                let Some(id) = self.selected_id() else {
                    return ManageOutcome::Handled;
                };
                match self.section {
                    Section::People => {
                        if let Some(p) = self.people.iter().find(|p| p.id == id).cloned() {
                            self.open_person_form(ctx, Some(&p));
                        }
                    }
                    Section::Tags => {
                        if let Some(t) = self.tags.iter().find(|t| t.id == id) {
                            let title = format!("Rename tag #{}", t.name);
                            let name = t.name.clone();
                            self.open_name_form(title, &name, FormJob::RenameTag { id });
                        }
                    }
                    Section::Organizations => {
                        if let Some(o) = self.orgs.iter().find(|o| o.id == id) {
                            let title = format!("Rename organization {}", o.name);
                            let name = o.name.clone();
                            self.open_name_form(title, &name, FormJob::RenameOrganization { id });
                        }
                    }
                }
            }
            ManageAction::Merge => return self.open_merge(ctx),
            ManageAction::Delete => match (self.section, self.selected_id()) {
                (Section::People, Some(id)) => {
                    let name = self
                        .people
                        .iter()
                        .find(|p| p.id == id)
                        .map(|p| p.name.clone())
                        .unwrap_or_default();
                    self.modal = Modal::Confirm {
                        question: format!(
                            "Delete “{name}” for good? Only someone linked to no meeting, feedback or action item can be deleted (merge the others)."
                        ),
                        job: ConfirmJob::DeletePerson { id },
                    };
                }
                (Section::People, None) => {}
                _ => ctx
                    .status
                    .info("tags and organizations are not deleted: merge or rename them"),
            },
            ManageAction::FilterOrganization => {
                let org = match self.section {
                    Section::Organizations => self.selected_id(),
                    Section::People => self
                        .selected_id()
                        .and_then(|id| self.people.iter().find(|p| p.id == id))
                        .and_then(|p| p.organization_id),
                    Section::Tags => None,
                };
                return match org {
                    Some(o) if self.organization == Some(o) => ManageOutcome::Organization(None),
                    Some(o) => ManageOutcome::Organization(Some(o)),
                    None if self.organization.is_some() => ManageOutcome::Organization(None),
                    None => {
                        ctx.status
                            .info("pick an organization (or a person in one) to show only it");
                        ManageOutcome::Handled
                    }
                };
            }
            ManageAction::Filter => self.filter.typing = true,
            ManageAction::Close => return ManageOutcome::Close,
        }
        ManageOutcome::Handled
    }

    fn confirm(&mut self, yes: bool, ctx: &mut Ctx) -> ManageOutcome {
        let Modal::Confirm { job, .. } = std::mem::replace(&mut self.modal, Modal::None) else {
            return ManageOutcome::Handled;
        };
        if !yes {
            ctx.status.info("left as it was");
            return ManageOutcome::Handled;
        }
        let result = match job {
            ConfirmJob::MergePeople { keep, remove } => ctx
                .repo
                .merge_people(keep, remove)
                .map(|p| format!("merged into {}: every link kept", sanitize(&p.name))),
            ConfirmJob::MergeTags { keep, remove } => {
                let name = self
                    .tags
                    .iter()
                    .find(|t| t.id == keep)
                    .map(|t| t.name.clone())
                    .unwrap_or_default();
                ctx.repo
                    .merge_tags(keep, remove)
                    .map(|()| format!("merged into #{}: every link kept", sanitize(&name)))
            }
            ConfirmJob::DeletePerson { id } => {
                ctx.repo.delete_person(id).map(|()| "deleted".to_string())
            }
        };
        match result {
            Ok(msg) => {
                ctx.status.info(msg);
                ManageOutcome::Changed
            }
            Err(e) => {
                ctx.status.error(e);
                ManageOutcome::Handled
            }
        }
    }

    fn form_key(&mut self, key: &KeyEvent, ctx: &mut Ctx) -> ManageOutcome {
        let step = self.form.handle_key(key, ctx);
        match step {
            FormStep::Handled | FormStep::Closed => ManageOutcome::Handled,
            FormStep::Ignored => ManageOutcome::Ignored,
            FormStep::KeptTheirs => ManageOutcome::Changed,
            FormStep::Saved(msg) => {
                ctx.status.info(msg);
                ManageOutcome::Changed
            }
        }
    }

    /// A key in the merge chooser: Esc leaves at once, picking goes straight on to the
    /// question.
    fn merge_key(&mut self, key: &KeyEvent) -> ManageOutcome {
        let Modal::Merge { form, remove, name } = &mut self.modal else {
            return ManageOutcome::Ignored;
        };
        let action = keymap::resolve(form.contexts(), key).map(|b| b.action);
        if action == Some(Action::Form(FormAction::Cancel)) {
            self.modal = Modal::None;
            return ManageOutcome::Handled;
        }
        let ev = form.handle_key(key);
        let picking = action.is_some_and(Action::picks);
        if ev == FormEvent::Closed {
            self.modal = Modal::None;
            return ManageOutcome::Handled;
        }
        if !picking {
            return ManageOutcome::Handled;
        }
        let Some(keep) = form.picked("into").first().cloned() else {
            return ManageOutcome::Handled;
        };
        let (remove, name) = (*remove, name.clone());
        self.modal = match self.section {
            Section::People => Modal::Confirm {
                question: format!(
                    "Merge “{name}” into “{}”? Every meeting, feedback and action item of “{name}” moves over, then “{name}” is removed.",
                    keep.label
                ),
                job: ConfirmJob::MergePeople {
                    keep: keep.id,
                    remove,
                },
            },
            _ => Modal::Confirm {
                question: format!(
                    "Merge #{name} into {}? Everything tagged #{name} gets the other tag, then #{name} is removed.",
                    keep.label
                ),
                job: ConfirmJob::MergeTags {
                    keep: keep.id,
                    remove,
                },
            },
        };
        ManageOutcome::Handled
    }

    pub fn handle_key(&mut self, key: KeyEvent, ctx: &mut Ctx) -> ManageOutcome {
        if self.form.is_open() {
            return self.form_key(&key, ctx);
        }
        match &self.modal {
            Modal::Merge { .. } => return self.merge_key(&key),
            Modal::Confirm { .. } => {
                return match keymap::resolve(&[Context::Confirm], &key).map(|b| b.action) {
                    Some(Action::Confirm(answer)) => match answer {
                        Answer::Yes => self.confirm(true, ctx),
                        Answer::No => self.confirm(false, ctx),
                    },
                    // The question takes every other key.
                    _ => ManageOutcome::Handled,
                };
            }
            Modal::None => {}
        }
        let Some(binding) = keymap::resolve(self.hints(), &key) else {
            if self.filter.typing {
                if self.filter.type_key(&key) {
                    self.refilter();
                }
                return ManageOutcome::Handled;
            }
            return ManageOutcome::Ignored;
        };
        self.act(binding.action, ctx)
    }

    pub fn paste(&mut self, text: &str) {
        if self.form.paste(text) {
            return;
        }
        match &mut self.modal {
            Modal::Merge { form, .. } => form.paste(text),
            Modal::Confirm { .. } => {}
            Modal::None => {
                if self.filter.typing {
                    self.filter.text.push_str(&text.replace(['\n', '\r'], " "));
                    self.refilter();
                }
            }
        }
    }

    /// An open person form as a draft (the session is ending).
    pub fn take_draft(&mut self) -> Option<FormDraft> {
        self.form.take_draft()
    }

    pub fn render(&mut self, frame: &mut Frame, area: Rect) {
        let t = self.theme;
        if area.width < 10 || area.height < 4 {
            return;
        }
        let w = area.width.min(100);
        let popup = Rect {
            x: area.x + (area.width - w) / 2,
            width: w,
            ..area
        };
        frame.render_widget(Clear, popup);
        let mut title = vec![Span::raw(" ")];
        for s in Section::ALL {
            let style = if s == self.section {
                t.active()
            } else {
                t.dim()
            };
            title.push(Span::styled(format!(" {} ", s.name()), style));
            title.push(Span::raw(" "));
        }
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(t.focus())
            .title(Line::from(title));
        let inner = block.inner(popup);
        frame.render_widget(block, popup);
        if inner.height < 2 || inner.width < 4 {
            return;
        }
        let mut y = inner.y;
        let shown = match self.organization.and_then(|id| self.org_name(Some(id))) {
            Some(o) if self.section == Section::People => {
                format!("{} people in {}", self.visible.len(), sanitize(o))
            }
            _ => format!(
                "{} {}",
                self.visible.len(),
                self.section.name().to_lowercase()
            ),
        };
        frame.render_widget(
            Paragraph::new(Span::styled(
                truncate(&shown, usize::from(inner.width)).into_owned(),
                t.dim(),
            )),
            Rect {
                y,
                height: 1,
                ..inner
            },
        );
        y += 1;
        if self.filter.is_active() || self.filter.typing {
            let total = match self.section {
                Section::People => self.people.len(),
                Section::Tags => self.tags.len(),
                Section::Organizations => self.orgs.len(),
            };
            render_filter(
                frame,
                Rect {
                    y,
                    height: 1,
                    ..inner
                },
                &self.filter,
                self.visible.len(),
                total,
                t,
            );
            y += 1;
        }
        let body = Rect {
            y,
            height: inner.bottom().saturating_sub(y),
            ..inner
        };
        if self.visible.is_empty() {
            let msg = match self.section {
                Section::People => {
                    "No people yet: a adds one (meetings and feedback add them too)."
                }
                Section::Tags => "No tags yet: they are made where you use them.",
                Section::Organizations => "No organizations yet: a adds one.",
            };
            render_empty(frame, body, msg, t);
        } else {
            self.render_rows(frame, body);
        }
        match &mut self.modal {
            Modal::None => {}
            Modal::Merge { form, .. } => form.render(frame, area),
            Modal::Confirm { question, .. } => render_confirm(frame, area, question, t),
        }
        self.form.render(frame, area);
    }

    fn render_rows(&mut self, frame: &mut Frame, body: Rect) {
        let t = self.theme;
        let w = usize::from(body.width);
        let range = self
            .cursor
            .window(self.visible.len(), usize::from(body.height));
        let mut lines = Vec::new();
        for row in range {
            let Some(&i) = self.visible.get(row) else {
                continue;
            };
            let text = match self.section {
                Section::People => {
                    let Some(p) = self.people.get(i) else {
                        continue;
                    };
                    let org = self.org_name(p.organization_id).unwrap_or("");
                    let name_w = (w / 3).max(10);
                    let org_w = (w / 5).max(8);
                    let rest = w.saturating_sub(name_w + org_w + 2);
                    let detail = [p.role.as_str(), p.email.as_str()]
                        .into_iter()
                        .filter(|s| !s.is_empty())
                        .collect::<Vec<_>>()
                        .join(" · ");
                    format!(
                        "{} {} {}",
                        fit(&sanitize(&p.name), name_w),
                        fit(&sanitize(org), org_w),
                        fit(&sanitize(&detail), rest)
                    )
                }
                Section::Tags => {
                    let Some(tag) = self.tags.get(i) else {
                        continue;
                    };
                    let uses = format!("{} use{}", tag.uses, if tag.uses == 1 { "" } else { "s" });
                    format!(
                        "{} {}",
                        fit(
                            &format!("#{}", sanitize(&tag.name)),
                            w.saturating_sub(width(&uses) + 1)
                        ),
                        uses
                    )
                }
                Section::Organizations => {
                    let Some(o) = self.orgs.get(i) else {
                        continue;
                    };
                    let n = self
                        .people
                        .iter()
                        .filter(|p| p.organization_id == Some(o.id))
                        .count();
                    let mark = if self.organization == Some(o.id) {
                        "  ● shown alone"
                    } else {
                        ""
                    };
                    let tail = format!("{n} {}{mark}", if n == 1 { "person" } else { "people" });
                    format!(
                        "{} {}",
                        fit(&sanitize(&o.name), w.saturating_sub(width(&tail) + 1)),
                        tail
                    )
                }
            };
            let style = if row == self.cursor.selected {
                t.selected()
            } else {
                t.plain()
            };
            lines.push(Line::from(Span::styled(fit(&text, w), style)));
        }
        frame.render_widget(Paragraph::new(lines), body);
    }
}

fn person_lines(d: &PersonDraft, orgs: &[Organization]) -> Vec<(String, String)> {
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

fn render_confirm(frame: &mut Frame, area: Rect, question: &str, t: Theme) {
    let w = area.width.min(64);
    // The question wrapped (one line of slack for word breaks), a blank line, the keys.
    let text_w = usize::from(w.saturating_sub(2)).max(1);
    let q_lines = width(question).div_ceil(text_w) + 1;
    let h = area
        .height
        .min(u16::try_from(q_lines + 4).unwrap_or(u16::MAX));
    if w < 4 || h < 3 {
        return;
    }
    let popup = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    frame.render_widget(Clear, popup);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.warning())
        .title(Span::styled(" Are you sure? ", t.warning()));
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let mut spans = Vec::new();
    for (k, h) in keymap::footer(&[Context::Confirm]) {
        spans.push(Span::styled(k, t.key()));
        spans.push(Span::raw(format!(" {h}   ")));
    }
    let lines = vec![
        Line::from(sanitize(question).into_owned()),
        Line::from(""),
        Line::from(spans),
    ];
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
}
