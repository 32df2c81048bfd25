//! What keys do on the list and in the entry form and tag picker.

use super::*;

impl JournalPane {
    pub(super) fn open_form(&mut self, ctx: &mut Ctx, entry: Option<&Learning>) -> Outcome {
        let (tags, skills) = match (ctx.repo.tags(), ctx.repo.skill_names()) {
            (Ok(t), Ok(s)) => (t, s),
            (Err(e), _) | (_, Err(e)) => {
                ctx.status.error(e);
                return Outcome::Handled;
            }
        };
        let (title, target, draft, at) = match entry {
            Some(l) => (
                "Edit journal entry",
                FormTarget::Edit {
                    id: l.id,
                    version: l.stamp.version,
                },
                LearningDraft {
                    at: Some(l.at),
                    title: l.title.clone(),
                    body: l.body.clone(),
                    starred: l.starred,
                    tags: l.tags.clone(),
                    skill_ids: l.skill_ids.clone(),
                },
                l.at,
            ),
            None => (
                "New journal entry",
                FormTarget::New,
                LearningDraft::default(),
                ctx.now,
            ),
        };
        let (tag_opts, tag_ids) = tag_options(&tags, &draft.tags);
        let skill_opts: Vec<PickOption> = skills
            .iter()
            .map(|(id, name)| PickOption::new(*id, name.clone()))
            .collect();
        let form = Form::new(title, self.theme)
            .line("title", "Title", &draft.title)
            .line("at", "When", &at.format("%Y-%m-%d %H:%M").to_string())
            .multiline("body", "Body", &draft.body, 8)
            .picker("tags", "Tags", tag_opts, &tag_ids, true, Some(new_tag))
            .picker("skills", "Skills", skill_opts, &draft.skill_ids, true, None);
        let spec = EntryForm {
            starred: draft.starred,
            skills,
        };
        self.editing.open(ctx, form, target, spec);
        Outcome::Handled
    }

    pub(super) fn form_key(&mut self, key: &KeyEvent, ctx: &mut Ctx) -> Outcome {
        if self
            .editing
            .form()
            .map(form_hints)
            .and_then(<[Context]>::first)
            == Some(&Context::JournalForm)
            && let Some(Action::JournalForm(action)) =
                keymap::resolve(&[Context::JournalForm], key).map(|b| b.action)
        {
            match action {
                JournalFormAction::ExternalEditor => {
                    self.editor = Some(EditorJob::Form);
                    return Outcome::Editor;
                }
            }
        }
        let step = self.editing.handle_key(key, ctx);
        self.form_step(step, ctx)
    }

    pub(super) fn form_step(&mut self, step: FormStep<Learning>, ctx: &mut Ctx) -> Outcome {
        if let FormStep::Saved(l) = &step {
            ctx.status
                .info(format!("saved “{}”", truncate(&sanitize(&l.title), 50)));
            self.pending_select = Some(l.id);
        }
        step.outcome()
    }

    pub(super) fn open_tag_picker(&mut self, ctx: &mut Ctx) -> Outcome {
        let tags = match ctx.repo.learning_tags() {
            Ok(t) => t,
            Err(e) => {
                ctx.status.error(e);
                return Outcome::Handled;
            }
        };
        if tags.is_empty() {
            ctx.status
                .info("no journal entry has a tag yet: the entry form adds them");
            return Outcome::Handled;
        }
        let mut options = vec![PickOption::new(0, "(every tag)")];
        options.extend(tags.iter().map(|t| {
            PickOption::new(
                t.id,
                format!(
                    "{} · {} entr{}",
                    t.name,
                    t.uses,
                    if t.uses == 1 { "y" } else { "ies" }
                ),
            )
        }));
        let names: Vec<(Id, String)> = tags.into_iter().map(|t| (t.id, t.name)).collect();
        let current = self
            .tag
            .as_ref()
            .and_then(|n| names.iter().find(|(_, m)| m.eq_ignore_ascii_case(n)))
            .map_or(0, |(id, _)| *id);
        let form = Form::new("Show the entries tagged…", self.theme).picker(
            "tag",
            "Tag",
            options,
            &[current],
            false,
            None,
        );
        self.tag_picker = Some((form, names));
        Outcome::Handled
    }

    pub(super) fn tag_picker_key(&mut self, key: &KeyEvent, ctx: &mut Ctx) -> Outcome {
        let Some((form, names)) = self.tag_picker.as_mut() else {
            return Outcome::Ignored;
        };
        let action = keymap::resolve(form.contexts(), key).map(|b| b.action);
        if action == Some(Action::Form(FormAction::Cancel)) {
            // Choosing a filter changes nothing worth asking about.
            self.tag_picker = None;
            return Outcome::Handled;
        }
        let picking = action.is_some_and(Action::picks);
        match form.handle_key(key) {
            FormEvent::Closed => {
                self.tag_picker = None;
                return Outcome::Handled;
            }
            FormEvent::Save => {}
            _ if !picking => return Outcome::Handled,
            _ => {}
        }
        let Some(picked) = form.picked("tag").first().map(|o| o.id) else {
            return Outcome::Handled;
        };
        self.tag = names
            .iter()
            .find(|(id, _)| *id == picked)
            .map(|(_, n)| n.clone());
        self.tag_picker = None;
        match &self.tag {
            Some(t) => ctx
                .status
                .info(format!("showing entries tagged #{}", sanitize(t))),
            None => ctx.status.info("showing entries with any tag"),
        }
        self.list = PagedList::default();
        Outcome::Moved
    }

    pub(super) fn toggle_star(&mut self, ctx: &mut Ctx) -> Outcome {
        let Some(l) = self.selected_entry() else {
            return Outcome::Handled;
        };
        match ctx
            .repo
            .set_learning_starred(l.id, l.stamp.version, !l.starred)
        {
            Ok(l) => {
                ctx.status.info(format!(
                    "{} “{}”",
                    if l.starred { "starred" } else { "unstarred" },
                    truncate(&sanitize(&l.title), 50)
                ));
                self.pending_select = Some(l.id);
            }
            Err(e @ DbError::Conflict { .. }) => {
                ctx.status.error(format!("{e} — reloaded, try again"));
            }
            Err(e) => ctx.status.error(e),
        }
        Outcome::Wrote
    }

    pub(super) fn act(&mut self, action: Action, ctx: &mut Ctx) -> Outcome {
        match action {
            Action::List(a) => self.list_act(a, ctx),
            Action::FilterInput(a) => self.filter_act(a, ctx),
            Action::Journal(a) => self.journal_act(a, ctx),
            Action::Selectable(a) | Action::Selecting(a) => self.bulk_act(a, ctx),
            Action::Attachments(a) => {
                if self.selected_entry().is_none() {
                    ctx.status.info("no entry selected: a adds one");
                    return Outcome::Handled;
                }
                self.attached.act(a, ctx)
            }
            // Not a context this pane puts in force.
            _ => Outcome::Ignored,
        }
    }

    pub(super) fn list_act(&mut self, action: ListAction, ctx: &mut Ctx) -> Outcome {
        match action {
            ListAction::Move(nav) => self.move_cursor(nav, ctx),
            ListAction::Add => self.open_form(ctx, None),
            ListAction::Edit => match self.selected_entry().cloned() {
                Some(l) => self.open_form(ctx, Some(&l)),
                None => Outcome::Handled,
            },
            ListAction::Delete => {
                let Some(l) = self.selected() else {
                    return Outcome::Handled;
                };
                let (id, what) = (
                    l.id,
                    format!("journal entry “{}”", truncate(&sanitize(&l.title), 40)),
                );
                match ctx.repo.delete(Deletable::Learning, id) {
                    Ok(()) => ctx.status.offer_undo(Deletable::Learning, id, what),
                    Err(e) => ctx.status.error(e),
                }
                Outcome::Moved
            }
            ListAction::Filter => {
                self.filter.typing = true;
                Outcome::Handled
            }
            ListAction::ClearFilter => {
                if !self.filter.is_active() && self.tag.is_none() && !self.starred_only {
                    return Outcome::Ignored;
                }
                self.filter = Filter::default();
                self.tag = None;
                self.starred_only = false;
                ctx.status.info("showing every entry");
                Outcome::Moved
            }
        }
    }

    pub(super) fn filter_act(&mut self, action: FilterAction, ctx: &mut Ctx) -> Outcome {
        if self.filter.act(action) {
            self.refilter(ctx);
        }
        Outcome::Handled
    }

    pub(super) fn journal_act(&mut self, action: JournalAction, ctx: &mut Ctx) -> Outcome {
        match action {
            // `/` here too, so the footer shows the three ways of finding first.
            JournalAction::Filter => self.list_act(ListAction::Filter, ctx),
            JournalAction::ToggleStar => self.toggle_star(ctx),
            JournalAction::StarredOnly => {
                self.starred_only = !self.starred_only;
                ctx.status.info(if self.starred_only {
                    "showing starred entries only (v: all)"
                } else {
                    "showing every entry"
                });
                Outcome::Wrote
            }
            JournalAction::TagFilter => self.open_tag_picker(ctx),
            JournalAction::ExternalEditor => match self.selected_entry().cloned() {
                Some(l) => {
                    self.editor = Some(EditorJob::Entry(Box::new(l)));
                    Outcome::Editor
                }
                None => {
                    ctx.status.info("no entry selected: a adds one");
                    Outcome::Handled
                }
            },
            JournalAction::PreviewDown => {
                self.preview_scroll = self.preview_scroll.saturating_add(3);
                Outcome::Handled
            }
            JournalAction::PreviewUp => {
                self.preview_scroll = self.preview_scroll.saturating_sub(3);
                Outcome::Handled
            }
        }
    }

    /// A key, before [`Pane::handle_key`] notes whether the list must be read again.
    pub(super) fn key(&mut self, key: KeyEvent, ctx: &mut Ctx) -> Outcome {
        if self.editing.is_open() {
            return self.form_key(&key, ctx);
        }
        if self.tag_picker.is_some() {
            return self.tag_picker_key(&key, ctx);
        }
        if let Some(outcome) = self.marking.prompt_key(&key, ctx) {
            return outcome;
        }
        if self.attached.is_open() {
            return self.attached.handle_key(&key, ctx);
        }
        let Some(binding) = keymap::resolve(self.hints(), &key) else {
            if self.filter.typing {
                if self.filter.type_key(&key) {
                    self.refilter(ctx);
                }
                return Outcome::Handled;
            }
            return Outcome::Ignored;
        };
        self.act(binding.action, ctx)
    }

    // ---- drawing ----------------------------------------------------------------------------

    /// `V` and what follows: marking entries, then tagging or deleting them together (see
    /// `bulk`).
    fn bulk_act(&mut self, action: crate::tui::keymap::BulkAction, ctx: &mut Ctx) -> Outcome {
        let here = Here {
            selected: self.selected().map(|l| l.id),
            shown: self.shown().map(|l| l.id).collect(),
            day: ctx.today,
        };
        match self.marking.key(action, &ENTRIES, here, ctx, self.theme) {
            Step::Done(outcome) => outcome,
            Step::MoveDown => self.move_cursor(crate::tui::keymap::Nav::Down, ctx),
        }
    }
}
