//! What keys do in the popup: the lists, the forms, the merge chooser and the confirmation.

use super::*;

impl Manager {
    pub(super) fn open_person_form(&mut self, ctx: &mut Ctx, person: Option<&Person>) {
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

    pub(super) fn open_name_form(&mut self, title: String, value: &str, job: FormJob) {
        let form = Form::new(title, self.theme).line("name", "Name", value);
        self.form.open_prompt(form, FormTarget::New, job);
    }

    pub(super) fn open_merge(&mut self, ctx: &mut Ctx) -> ManageOutcome {
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

    pub(super) fn person_label(&self, p: &Person) -> String {
        match self.org_name(p.organization_id) {
            Some(o) => format!("{} ({o})", p.name),
            None => p.name.clone(),
        }
    }

    pub(super) fn act(&mut self, action: Action, ctx: &mut Ctx) -> ManageOutcome {
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

    pub(super) fn manage_key(&mut self, action: ManageAction, ctx: &mut Ctx) -> ManageOutcome {
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

    pub(super) fn confirm(&mut self, yes: bool, ctx: &mut Ctx) -> ManageOutcome {
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

    pub(super) fn form_key(&mut self, key: &KeyEvent, ctx: &mut Ctx) -> ManageOutcome {
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
    pub(super) fn merge_key(&mut self, key: &KeyEvent) -> ManageOutcome {
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
                    self.filter.paste(text);
                    self.refilter();
                }
            }
        }
    }

    /// An open person form as a draft (the session is ending).
    pub fn take_draft(&mut self) -> Option<FormDraft> {
        self.form.take_draft()
    }
}
