//! What keys do on the list, on a piece of feedback's page and in its form.

use super::*;

impl FeedbackPane {
    pub(super) fn open_form(&mut self, ctx: &mut Ctx, fb: Option<Feedback>) -> Outcome {
        let loaded = ctx
            .repo
            .tags()
            .and_then(|t| Ok((t, ctx.repo.people(None)?)));
        let (tags, people) = match loaded {
            Ok(x) => x,
            Err(e) => {
                ctx.status.error(e);
                return Outcome::Handled;
            }
        };
        let from = ctx
            .today
            .checked_sub_days(Days::new(MEETING_PICKER_DAYS))
            .unwrap_or(ctx.today);
        let to = ctx
            .today
            .checked_add_days(Days::new(7))
            .unwrap_or(ctx.today);
        let mut meetings = match ctx.repo.meetings_between(from, to) {
            Ok(m) => m,
            Err(e) => {
                ctx.status.error(e);
                return Outcome::Handled;
            }
        };
        meetings.reverse();
        if let Some(id) = fb.as_ref().and_then(|f| f.meeting_id)
            && !meetings.iter().any(|m| m.id == id)
            && let Ok(m) = ctx.repo.meeting(id)
        {
            meetings.push(m);
        }
        let (heading, target, draft) = match &fb {
            Some(f) => (
                "Edit feedback",
                FormTarget::Edit {
                    id: f.id,
                    version: f.stamp.version,
                },
                FeedbackDraft {
                    direction: f.direction,
                    person_id: f.person.id,
                    day: f.day,
                    kind: f.kind,
                    content: f.content.clone(),
                    meeting_id: f.meeting_id,
                    tags: f.tags.clone(),
                },
            ),
            None => (
                "New feedback",
                FormTarget::New,
                FeedbackDraft {
                    direction: self.direction.unwrap_or(Direction::Received),
                    person_id: self.person().unwrap_or(NONE_ID),
                    day: ctx.today,
                    kind: FeedbackKind::Praise,
                    content: String::new(),
                    meeting_id: None,
                    tags: Vec::new(),
                },
            ),
        };
        let (tag_opts, tag_ids) = tag_options(&tags, &draft.tags);
        let mut meeting_opts = vec![PickOption::new(NONE_ID, "(none)")];
        meeting_opts.extend(
            meetings
                .iter()
                .map(|m| PickOption::new(m.id, meeting_label(m, ctx.today))),
        );
        let person_sel: Vec<i64> = (draft.person_id != NONE_ID)
            .then_some(draft.person_id)
            .into_iter()
            .collect();
        let form = Form::new(heading, self.theme)
            .picker(
                "person",
                "Person",
                person_options(&people, None),
                &person_sel,
                false,
                Some(new_person),
            )
            .picker(
                "direction",
                "Direction",
                direction_options(),
                &[match draft.direction {
                    Direction::Given => 1,
                    Direction::Received => 2,
                }],
                false,
                None,
            )
            .picker(
                "kind",
                "Kind",
                kind_options(),
                &[kind_id(draft.kind)],
                false,
                None,
            )
            .multiline("content", "Feedback", &draft.content, 5)
            .line("day", "Day", &draft.day.format("%Y-%m-%d").to_string())
            .picker(
                "meeting",
                "Meeting",
                meeting_opts,
                &[draft.meeting_id.unwrap_or(NONE_ID)],
                false,
                None,
            )
            .picker("tags", "Tags", tag_opts, &tag_ids, true, Some(new_tag));
        self.editing.open(ctx, form, target, FeedbackForm);
        Outcome::Handled
    }

    pub(super) fn form_key(&mut self, key: &KeyEvent, ctx: &mut Ctx) -> Outcome {
        let step = self.editing.handle_key(key, ctx);
        if let FormStep::Saved(f) = &step {
            ctx.status.info(format!(
                "saved feedback {} {}",
                match f.direction {
                    Direction::Given => "to",
                    Direction::Received => "from",
                },
                sanitize(&f.person.name)
            ));
            self.pending_select = Some(f.id);
        }
        let outcome = step.outcome();
        if outcome == Outcome::Wrote {
            // Saved, or kept the other session's version: the list is read again.
            self.stale = true;
        }
        outcome
    }

    pub(super) fn choose_person(&mut self, ctx: &mut Ctx) -> Outcome {
        let people = match ctx.repo.people(None) {
            Ok(p) => p,
            Err(e) => {
                ctx.status.error(e);
                return Outcome::Handled;
            }
        };
        self.chooser = Some(Chooser::new(
            "Feedback with whom? (type to narrow, Enter picks)",
            "Person",
            person_options(&people, Some("(everyone)")),
            Some(self.person().unwrap_or(NONE_ID)),
            self.theme,
        ));
        Outcome::Handled
    }

    pub(super) fn list_act(&mut self, action: Action, ctx: &mut Ctx) -> Outcome {
        match action {
            Action::List(a) => self.list_key(a, ctx),
            Action::FilterInput(a) => self.filter_key(a, ctx),
            Action::Feedback(a) => self.feedback_key(a, ctx),
            Action::Selectable(a) | Action::Selecting(a) => self.bulk_key(a, ctx),
            // Not a context this pane puts in force.
            _ => Outcome::Ignored,
        }
    }

    /// `V` and what follows on the list: marking feedback, then tagging or deleting it
    /// together (see `bulk`).
    fn bulk_key(&mut self, action: crate::tui::keymap::BulkAction, ctx: &mut Ctx) -> Outcome {
        let here = Here {
            selected: self.selected().map(|f| f.id),
            shown: self.shown().map(|f| f.id).collect(),
            day: ctx.today,
        };
        match self.marking.key(action, &FEEDBACK, here, ctx, self.theme) {
            crate::tui::panes::bulk::Step::Done(outcome) => {
                self.stale |= outcome == Outcome::Wrote;
                outcome
            }
            crate::tui::panes::bulk::Step::MoveDown => {
                self.read(ctx, |list, src| {
                    list.apply(crate::tui::keymap::Nav::Down, src)
                });
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
                Some(f) => self.open_form(ctx, Some(f)),
                None => Outcome::Handled,
            },
            ListAction::Delete => {
                let Some(f) = self.selected() else {
                    return Outcome::Handled;
                };
                let (id, what) = (
                    f.id,
                    format!(
                        "feedback {} {} of {}",
                        match f.direction {
                            Direction::Given => "to",
                            Direction::Received => "from",
                        },
                        truncate(&sanitize(&f.person.name), 30),
                        f.day.format("%-d %b")
                    ),
                );
                match ctx.repo.delete(Deletable::Feedback, id) {
                    Ok(()) => ctx.status.offer_undo(Deletable::Feedback, id, what),
                    Err(e) => ctx.status.error(e),
                }
                self.stale = true;
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

    pub(super) fn feedback_key(&mut self, action: FeedbackAction, ctx: &mut Ctx) -> Outcome {
        match action {
            FeedbackAction::Open => match self.selected().map(|f| f.id) {
                Some(id) => {
                    self.open_id = Some(id);
                    Outcome::Moved
                }
                None => Outcome::Handled,
            },
            FeedbackAction::CycleDirection => {
                self.direction = match self.direction {
                    None => Some(Direction::Given),
                    Some(Direction::Given) => Some(Direction::Received),
                    Some(Direction::Received) => None,
                };
                self.stale = true;
                ctx.status.info(match self.direction {
                    None => "showing feedback given and received",
                    Some(Direction::Given) => "showing feedback you gave",
                    Some(Direction::Received) => "showing feedback you received",
                });
                Outcome::Moved
            }
            FeedbackAction::PickPerson => self.choose_person(ctx),
        }
    }

    pub(super) fn detail_act(&mut self, action: Action, ctx: &mut Ctx) -> Outcome {
        match action {
            Action::FeedbackDetail(a) => self.detail_key(a, ctx),
            Action::Attachments(a) => self.attached.act(a, ctx),
            Action::ActionItems(a) => {
                let Some(d) = self.detail.as_mut() else {
                    return Outcome::Handled;
                };
                let source = ActionSource::Feedback(d.feedback.id);
                d.list.act(a, ctx, &mut self.items, source)
            }
            Action::Selectable(a) | Action::Selecting(a) => match self.detail.as_mut() {
                Some(d) => d.list.bulk(a, ctx, self.theme),
                None => Outcome::Handled,
            },
            // Not a context of the feedback view.
            _ => Outcome::Ignored,
        }
    }

    pub(super) fn detail_key(&mut self, action: FeedbackDetailAction, ctx: &mut Ctx) -> Outcome {
        match action {
            FeedbackDetailAction::Back => {
                self.open_id = None;
                if let Some(d) = self.detail.take()
                    && self.selected().map(|f| f.id) != Some(d.feedback.id)
                {
                    // Opened from elsewhere: the list shows it selected when read again.
                    self.pending_select = Some(d.feedback.id);
                    return Outcome::Moved;
                }
                Outcome::Handled
            }
            FeedbackDetailAction::EditOuter => {
                match self.detail.as_ref().map(|d| d.feedback.clone()) {
                    Some(f) => self.open_form(ctx, Some(f)),
                    None => Outcome::Handled,
                }
            }
            FeedbackDetailAction::OpenMeeting => {
                match self.detail.as_ref().and_then(|d| d.meeting.as_ref()) {
                    Some(m) => Outcome::Open(Target::Meeting { id: m.id }),
                    None => {
                        ctx.status
                            .info("this feedback names no meeting; E edits it");
                        Outcome::Handled
                    }
                }
            }
        }
    }

    pub(super) fn load_detail(&mut self, repo: &Repo, id: Id) -> anyhow::Result<bool> {
        let feedback = match repo.feedback_item(id) {
            Ok(f) => f,
            Err(DbError::NotFound { .. }) => return Ok(false),
            Err(e) => return Err(e.into()),
        };
        let meeting = match feedback.meeting_id {
            Some(m) => match repo.meeting(m) {
                Ok(m) => Some(m),
                Err(DbError::NotFound { .. }) => None,
                Err(e) => return Err(e.into()),
            },
            None => None,
        };
        let items = repo.action_items_for_feedback(id)?;
        let keep = self.items.saved.take();
        let mut list = match self.detail.take() {
            Some(d) if d.feedback.id == id => d.list,
            _ => ItemList::default(),
        };
        list.set(repo, items, keep)?;
        self.detail = Some(Detail {
            feedback,
            meeting,
            list,
        });
        Ok(true)
    }

    // ---- drawing ------------------------------------------------------------------------
}
