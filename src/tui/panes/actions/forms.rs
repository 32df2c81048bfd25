//! The item popups and the writes behind them: the form, promoting to a focus task, done
//! toggling and deleting.

use super::line::link_text;
use super::spec::*;
use crate::db::Error as DbError;
use crate::model::{ActionItem, ActionSource, Deletable, Id, Task};
use crate::text::{sanitize, truncate};
use crate::tui::form::controller::{FormController, FormStep, FormTarget};
use crate::tui::form::{Form, FormDraft};
use crate::tui::keymap::Context;
use crate::tui::panes::pick::{NONE_ID, new_person, person_options, short_day};
use crate::tui::panes::{Ctx, Outcome, PaneId};
use crate::tui::theme::Theme;
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

/// The action item popups (form, promote prompt) and the writes behind them.
pub struct ItemForms {
    theme: Theme,
    modal: FormController<ItemForm>,
    /// The item last saved, for the pane to select after its reload.
    pub saved: Option<Id>,
}

impl ItemForms {
    pub fn new(pane: PaneId, theme: Theme) -> Self {
        ItemForms {
            theme,
            modal: FormController::new(pane.slug()),
            saved: None,
        }
    }

    pub fn is_open(&self) -> bool {
        self.modal.is_open()
    }

    pub fn contexts(&self) -> Option<&'static [Context]> {
        self.modal.contexts()
    }

    /// Opens the form for a new item from `source`, owned by `owner` (`None`: me).
    pub fn open_new(&mut self, ctx: &mut Ctx, source: ActionSource, owner: Option<Id>) -> Outcome {
        self.open(ctx, FormTarget::New, source, "", owner, None)
    }

    pub fn open_edit(&mut self, ctx: &mut Ctx, item: &ActionItem) -> Outcome {
        self.open(
            ctx,
            FormTarget::Edit {
                id: item.id,
                version: item.stamp.version,
            },
            item.source,
            &item.title,
            item.owner.as_ref().map(|o| o.id),
            item.due_date,
        )
    }

    fn open(
        &mut self,
        ctx: &mut Ctx,
        target: FormTarget,
        source: ActionSource,
        title: &str,
        owner: Option<Id>,
        due: Option<NaiveDate>,
    ) -> Outcome {
        let people = match ctx.repo.people(None) {
            Ok(p) => p,
            Err(e) => {
                ctx.status.error(e);
                return Outcome::Handled;
            }
        };
        let heading = match &target {
            FormTarget::New => "New action item",
            FormTarget::Edit { .. } => "Edit action item",
        };
        let form = Form::new(heading, self.theme)
            .line("title", "Title", title)
            .picker(
                "owner",
                "Owner",
                person_options(&people, Some("me")),
                &[owner.unwrap_or(NONE_ID)],
                false,
                Some(new_person),
            )
            .line(
                "due",
                "Due",
                &due.map(|d| d.format("%Y-%m-%d").to_string())
                    .unwrap_or_default(),
            );
        self.modal
            .open(ctx, form, target, ItemForm::Item { source });
        Outcome::Handled
    }

    /// Asks for the day to put the item's focus task on (default today).
    pub fn open_promote(
        &mut self,
        ctx: &mut Ctx,
        item: &ActionItem,
        task: Option<&Task>,
    ) -> Outcome {
        if let Some(id) = item.task_id {
            ctx.status.warn(format!(
                "already a focus task: {}",
                link_text(id, task.map(|t| t.day))
            ));
            return Outcome::Handled;
        }
        if item.done_at.is_some() {
            ctx.status
                .warn("this action item is done; Space reopens it first");
            return Outcome::Handled;
        }
        let form = Form::new(
            format!("Focus task from “{}”", truncate(&sanitize(&item.title), 40)),
            self.theme,
        )
        .line("day", "On day", "today");
        let spec = ItemForm::Promote {
            id: item.id,
            title: item.title.clone(),
        };
        self.modal.open(ctx, form, FormTarget::New, spec);
        Outcome::Handled
    }

    /// Marks the item done or open again; its focus task follows (in the repository).
    pub fn toggle_done(&mut self, ctx: &mut Ctx, item: &ActionItem) -> Outcome {
        let done = item.done_at.is_none();
        match ctx
            .repo
            .set_action_item_done(item.id, item.stamp.version, done)
        {
            Ok(i) => {
                let also = if i.task_id.is_some() {
                    if done {
                        " (and its focus task)"
                    } else {
                        " (its focus task too)"
                    }
                } else {
                    ""
                };
                ctx.status.info(format!(
                    "“{}” {}{also}",
                    truncate(&sanitize(&i.title), 50),
                    if done { "done" } else { "open again" }
                ));
            }
            Err(e @ DbError::Conflict { .. }) => {
                ctx.status.error(format!("{e} — reloaded, try again"));
            }
            Err(e) => ctx.status.error(e),
        }
        Outcome::Wrote
    }

    pub fn delete(&mut self, ctx: &mut Ctx, item: &ActionItem) -> Outcome {
        match ctx.repo.delete(Deletable::ActionItem, item.id) {
            Ok(()) => ctx.status.offer_undo(
                Deletable::ActionItem,
                item.id,
                format!("action item “{}”", truncate(&sanitize(&item.title), 40)),
            ),
            Err(e) => ctx.status.error(e),
        }
        Outcome::Wrote
    }

    pub fn paste(&mut self, text: &str) {
        self.modal.paste(text);
    }

    pub fn handle_key(&mut self, key: &KeyEvent, ctx: &mut Ctx) -> Outcome {
        let step = self.modal.handle_key(key, ctx);
        match &step {
            FormStep::Saved(ItemSaved::Item(item)) => {
                ctx.status
                    .info(format!("saved “{}”", truncate(&sanitize(&item.title), 50)));
                self.saved = Some(item.id);
            }
            FormStep::Saved(ItemSaved::Promoted { id, title, task }) => {
                ctx.status.info(format!(
                    "“{}” → Focus task #{} on {} (done there closes it here)",
                    truncate(&sanitize(title), 30),
                    task.id,
                    short_day(task.day, ctx.today)
                ));
                self.saved = Some(*id);
            }
            _ => {}
        }
        step.outcome()
    }

    pub fn render(&mut self, frame: &mut Frame, area: Rect) {
        self.modal.render(frame, area);
    }

    /// The open item form as a draft (the session is ending).
    pub fn take_draft(&mut self) -> Option<FormDraft> {
        self.modal.take_draft()
    }
}
