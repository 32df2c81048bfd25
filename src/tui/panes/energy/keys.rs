//! What keys do on the check-ins and in the check-in form.

use super::*;

impl EnergyPane {
    pub(super) fn record(&mut self, ctx: &mut Ctx, level: u8) -> Outcome {
        let draft = CheckinDraft {
            at: ctx.now,
            level,
            note: String::new(),
            tags: Vec::new(),
        };
        match ctx.repo.add_checkin(&draft) {
            Ok(c) => {
                let what = format!("check-in {level} at {}", c.at.format("%a %-d %b %H:%M"));
                ctx.status.offer_undo_add(
                    Deletable::Checkin,
                    c.id,
                    what,
                    format!(
                        "recorded energy {level} ({}) at {}: add a note or Esc · u undoes",
                        level_name(level),
                        c.at.format("%H:%M")
                    ),
                );
                self.day = None;
                self.filter = Filter::default();
                self.pending_select = Some(c.id);
                self.open_form(ctx, Some(c));
                Outcome::Wrote
            }
            Err(e) => {
                ctx.status.error(e);
                Outcome::Handled
            }
        }
    }

    pub(super) fn open_form(&mut self, ctx: &mut Ctx, checkin: Option<Checkin>) -> Outcome {
        let tags = match ctx.repo.tags() {
            Ok(t) => t,
            Err(e) => {
                ctx.status.error(e);
                return Outcome::Handled;
            }
        };
        let (title, target, at, level, note, selected_tags) = match &checkin {
            Some(c) => (
                "Check-in",
                FormTarget::Edit {
                    id: c.id,
                    version: c.stamp.version,
                },
                c.at,
                c.level,
                c.note.clone(),
                c.tags.clone(),
            ),
            None => (
                "New check-in",
                FormTarget::New,
                ctx.now,
                3,
                String::new(),
                Vec::new(),
            ),
        };
        let (tag_opts, tag_ids) = tag_options(&tags, &selected_tags);
        let levels: Vec<PickOption> = (1..=5u8)
            .map(|l| PickOption::new(i64::from(l), format!("{l} · {}", level_name(l))))
            .collect();
        let form = Form::new(title, self.theme)
            .line("at", "Time", &at.format("%Y-%m-%d %H:%M").to_string())
            .picker("level", "Level", levels, &[i64::from(level)], false, None)
            .multiline("note", "Note", &note, 3)
            .picker("tags", "Tags", tag_opts, &tag_ids, true, Some(new_tag));
        self.editing
            .open(ctx, form, target, CheckinForm { day: at.date() });
        Outcome::Handled
    }

    pub(super) fn form_key(&mut self, key: &KeyEvent, ctx: &mut Ctx) -> Outcome {
        let step = self.editing.handle_key(key, ctx);
        if let FormStep::Saved(c) = &step {
            ctx.status.info(format!(
                "saved check-in {} at {}",
                c.level,
                c.at.format("%a %-d %b %H:%M")
            ));
            self.pending_select = Some(c.id);
        }
        step.outcome()
    }

    pub(super) fn act(&mut self, action: Action, ctx: &mut Ctx) -> Outcome {
        match action {
            Action::List(a) => self.list_act(a, ctx),
            Action::FilterInput(a) => self.filter_act(a),
            Action::Dated(a) => self.day_act(a, ctx),
            Action::Energy(a) => self.energy_act(a, ctx),
            Action::Year(YearAction::Back) => {
                self.year = false;
                Outcome::Handled
            }
            Action::CheckinLevel(a) => {
                self.asking_level = false;
                match a {
                    CheckinLevelAction::Level(level) => self.record(ctx, level),
                    CheckinLevelAction::Cancel => Outcome::Handled,
                }
            }
            Action::Selectable(a) | Action::Selecting(a) => self.bulk_act(a, ctx),
            // Not a context this pane puts in force.
            _ => Outcome::Ignored,
        }
    }

    /// `V` and what follows: marking check-ins, then tagging or deleting them together (see
    /// `bulk`).
    fn bulk_act(&mut self, action: keymap::BulkAction, ctx: &mut Ctx) -> Outcome {
        let here = Here {
            selected: self.selected().map(|c| c.id),
            shown: self.shown().map(|c| c.id).collect(),
            day: self.day(),
        };
        match self.marking.key(action, &CHECKINS, here, ctx, self.theme) {
            Step::Done(outcome) => outcome,
            Step::MoveDown => {
                self.cursor.apply(keymap::Nav::Down, self.visible.len());
                Outcome::Handled
            }
        }
    }

    pub(super) fn list_act(&mut self, action: ListAction, ctx: &mut Ctx) -> Outcome {
        match action {
            ListAction::Move(nav) => {
                self.cursor.apply(nav, self.visible.len());
                Outcome::Handled
            }
            ListAction::Add => self.open_form(ctx, None),
            ListAction::Edit => match self.selected().cloned() {
                Some(c) => self.open_form(ctx, Some(c)),
                None => Outcome::Handled,
            },
            ListAction::Delete => {
                let Some(c) = self.selected() else {
                    return Outcome::Handled;
                };
                let (id, what) = (
                    c.id,
                    format!("check-in {} at {}", c.level, c.at.format("%a %-d %b %H:%M")),
                );
                match ctx.repo.delete(Deletable::Checkin, id) {
                    Ok(()) => ctx.status.offer_undo(Deletable::Checkin, id, what),
                    Err(e) => ctx.status.error(e),
                }
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
                self.refilter();
                Outcome::Handled
            }
        }
    }

    pub(super) fn filter_act(&mut self, action: FilterAction) -> Outcome {
        if self.filter.act(action) {
            self.refilter();
        }
        Outcome::Handled
    }

    pub(super) fn day_act(&mut self, action: DayAction, ctx: &mut Ctx) -> Outcome {
        match action.day_from(self.day(), ctx.today) {
            Some(d) => self.go_to_day(d),
            None => Outcome::Handled,
        }
    }

    pub(super) fn energy_act(&mut self, action: EnergyAction, ctx: &mut Ctx) -> Outcome {
        match action {
            EnergyAction::Checkin => {
                self.asking_level = true;
                ctx.status
                    .info("energy now? 1 drained · 2 low · 3 okay · 4 good · 5 energized");
                Outcome::Handled
            }
            EnergyAction::ToggleRange => {
                self.range = match self.range {
                    Range::Days30 => Range::Days90,
                    Range::Days90 => Range::Days30,
                };
                Outcome::Handled
            }
            EnergyAction::Year => {
                if let Err(e) = self.read_year(ctx.repo) {
                    ctx.status.error(e);
                    return Outcome::Handled;
                }
                self.year = true;
                Outcome::Handled
            }
        }
    }
}
