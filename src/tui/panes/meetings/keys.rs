//! What keys do on the list, on a meeting's page and on a person's page.

use super::*;

impl MeetingsPane {
    /// `@`: whose page to open. From a meeting's page, its attendees (one goes straight there).
    pub(super) fn open_form(&mut self, ctx: &mut Ctx, meeting: Option<&Meeting>) -> Outcome {
        MeetingForm::open(&mut self.editing, ctx, meeting, self.theme);
        Outcome::Handled
    }

    pub(super) fn form_key(&mut self, key: &KeyEvent, ctx: &mut Ctx) -> Outcome {
        let step = self.editing.handle_key(key, ctx);
        match &step {
            FormStep::Saved(m) => {
                ctx.status.info(MeetingForm::saved(m, ctx.today));
                self.pending_select = Some(m.id);
                self.list_stale = true;
            }
            FormStep::KeptTheirs => self.list_stale = true,
            _ => {}
        }
        step.outcome()
    }

    pub(super) fn choose_person(&mut self, ctx: &mut Ctx) -> Outcome {
        let options: Vec<PickOption> = match (self.views.last(), &self.detail) {
            (Some(View::Meeting(_)), Some(d)) => {
                if let [only] = d.meeting.attendees.as_slice() {
                    return self.push(View::Person(only.id));
                }
                if d.meeting.attendees.is_empty() {
                    ctx.status
                        .info("nobody is recorded at this meeting; E edits it");
                    return Outcome::Handled;
                }
                d.meeting
                    .attendees
                    .iter()
                    .map(|p| PickOption::new(p.id, p.name.clone()))
                    .collect()
            }
            _ => match ctx.repo.people(None) {
                Ok(p) => person_options(&p, None),
                Err(e) => {
                    ctx.status.error(e);
                    return Outcome::Handled;
                }
            },
        };
        if options.is_empty() {
            ctx.status
                .info("no people yet: they are added from a meeting's attendees");
            return Outcome::Handled;
        }
        self.chooser = Some(Chooser::new(
            "Whose page? (type to narrow, Enter opens)",
            "Person",
            options,
            None,
            self.theme,
        ));
        Outcome::Handled
    }

    pub(super) fn push(&mut self, view: View) -> Outcome {
        if self.views.last() != Some(&view) {
            self.views.retain(|v| *v != view);
            self.views.push(view);
        }
        Outcome::Moved
    }

    pub(super) fn back(&mut self) -> Outcome {
        self.views.pop();
        Outcome::Moved
    }

    pub(super) fn list_act(&mut self, action: Action, ctx: &mut Ctx) -> Outcome {
        match action {
            Action::List(a) => self.list_key(a, ctx),
            Action::FilterInput(a) => self.filter_key(a, ctx),
            Action::Dated(a) => self.day_key(a, ctx),
            Action::Meetings(a) => self.meetings_key(a, ctx),
            Action::Selectable(a) | Action::Selecting(a) => self.bulk_key(a, ctx),
            // Not a context this pane puts in force.
            _ => Outcome::Ignored,
        }
    }

    /// `V` and what follows on the list: marking meetings, then tagging or deleting them
    /// together (see `bulk`).
    fn bulk_key(&mut self, action: keymap::BulkAction, ctx: &mut Ctx) -> Outcome {
        let here = Here {
            selected: self.selected().map(|m| m.id),
            shown: self.shown().map(|m| m.id).collect(),
            day: ctx.today,
        };
        match self.marking.key(action, &MEETINGS, here, ctx, self.theme) {
            super::super::bulk::Step::Done(outcome) => {
                self.list_stale |= outcome == Outcome::Wrote;
                outcome
            }
            super::super::bulk::Step::MoveDown => {
                self.read(ctx, |list, src| list.apply(Nav::Down, src));
                Outcome::Handled
            }
        }
    }

    pub(super) fn list_key(&mut self, action: ListAction, ctx: &mut Ctx) -> Outcome {
        match action {
            ListAction::Move(nav) => {
                self.read(ctx, |list, src| list.apply(nav, src));
                Outcome::Handled
            }
            ListAction::Add => self.open_form(ctx, None),
            ListAction::Edit => match self.selected().cloned() {
                Some(m) => self.open_form(ctx, Some(&m)),
                None => Outcome::Handled,
            },
            ListAction::Delete => {
                let Some(m) = self.selected() else {
                    return Outcome::Handled;
                };
                let (id, what) = (
                    m.id,
                    format!(
                        "meeting “{}” of {}",
                        truncate(&sanitize(&m.title), 30),
                        m.starts_at.format("%-d %b")
                    ),
                );
                match ctx.repo.delete(Deletable::Meeting, id) {
                    Ok(()) => ctx.status.offer_undo(Deletable::Meeting, id, what),
                    Err(e) => ctx.status.error(e),
                }
                self.list_stale = true;
                Outcome::Wrote
            }
            ListAction::Filter => {
                self.filter.typing = true;
                Outcome::Handled
            }
            ListAction::ClearFilter => {
                if !self.filter.clear() {
                    return Outcome::Ignored;
                }
                self.refilter(ctx);
                Outcome::Handled
            }
        }
    }

    pub(super) fn filter_key(&mut self, action: FilterAction, ctx: &mut Ctx) -> Outcome {
        if self.filter.act(action) {
            self.refilter(ctx);
        }
        Outcome::Handled
    }

    pub(super) fn day_key(&mut self, action: DayAction, ctx: &mut Ctx) -> Outcome {
        match action {
            DayAction::Prev => {
                self.step_day(ctx, true);
                Outcome::Handled
            }
            DayAction::Next => {
                self.step_day(ctx, false);
                Outcome::Handled
            }
            DayAction::Today => {
                self.jump_today(ctx);
                Outcome::Handled
            }
        }
    }

    pub(super) fn meetings_key(&mut self, action: MeetingsAction, ctx: &mut Ctx) -> Outcome {
        match action {
            MeetingsAction::Open => match self.selected().map(|m| m.id) {
                Some(id) => self.push(View::Meeting(id)),
                None => Outcome::Handled,
            },
            MeetingsAction::PickPerson => self.choose_person(ctx),
            MeetingsAction::Week => self.open_week(ctx),
            MeetingsAction::Year => self.open_year(ctx),
        }
    }

    pub(super) fn person_act(&mut self, action: Action, ctx: &mut Ctx) -> Outcome {
        let step = match action {
            Action::PersonView(a) => match a {
                PersonAction::Back => return self.back(),
                PersonAction::Open => match self.page.as_mut() {
                    Some(page) => page.open(ctx, &mut self.items),
                    None => return Outcome::Handled,
                },
            },
            Action::ActionItems(a) => match self.page.as_mut() {
                Some(page) => Step::Done(page.item_act(a, ctx, &mut self.items)),
                None => return Outcome::Handled,
            },
            // Not a context of the person page.
            _ => return Outcome::Ignored,
        };
        match step {
            Step::Done(outcome) => outcome,
            Step::OpenMeeting(id) => self.push(View::Meeting(id)),
        }
    }

    pub(super) fn load_person(&mut self, repo: &Repo, id: Id) -> anyhow::Result<bool> {
        self.page = PersonPage::load(repo, id, self.page.as_ref())?;
        Ok(self.page.is_some())
    }
}

impl MeetingsPane {
    pub(super) fn detail_act(&mut self, action: Action, ctx: &mut Ctx) -> Outcome {
        match action {
            Action::MeetingDetail(a) => match a {
                MeetingDetailAction::Back => self.back(),
                MeetingDetailAction::PickPerson => self.choose_person(ctx),
                MeetingDetailAction::EditOuter => {
                    match self.detail.as_ref().map(|d| d.meeting.clone()) {
                        Some(m) => self.open_form(ctx, Some(&m)),
                        None => Outcome::Handled,
                    }
                }
            },
            Action::Attachments(a) => match self.detail.as_mut() {
                Some(d) => d.attached.act(a, ctx),
                None => Outcome::Handled,
            },
            Action::ActionItems(a) => {
                let Some(d) = self.detail.as_mut() else {
                    return Outcome::Handled;
                };
                let source = ActionSource::Meeting(d.meeting.id);
                d.list.act(a, ctx, &mut self.items, source)
            }
            Action::Selectable(a) | Action::Selecting(a) => match self.detail.as_mut() {
                Some(d) => d.list.bulk(a, ctx, self.theme),
                None => Outcome::Handled,
            },
            // Not a context of the meeting view.
            _ => Outcome::Ignored,
        }
    }

    pub(super) fn load_detail(&mut self, repo: &Repo, id: Id) -> anyhow::Result<bool> {
        let meeting = match repo.meeting(id) {
            Ok(m) => m,
            Err(DbError::NotFound { .. }) => return Ok(false),
            Err(e) => return Err(e.into()),
        };
        let items = repo.action_items_for_meeting(id)?;
        let calendar = repo.meeting_calendar(id)?;
        let keep = self.items.saved.take();
        let d = self.detail.get_or_insert_with(|| Detail {
            meeting: meeting.clone(),
            list: ItemList::default(),
            calendar: None,
            attached: Default::default(),
        });
        if d.meeting.id != id {
            d.list = ItemList::default();
        }
        d.meeting = meeting;
        d.calendar = calendar;
        d.attached
            .load(repo, crate::model::AttachOwner::Meeting, id)?;
        d.list.set(repo, items, keep)?;
        Ok(true)
    }
}
