//! A cursor over one source's items, its keys and its drawing.

use super::forms::ItemForms;
use super::line::{ItemCols, item_line, linked_tasks};
use crate::db::Repo;
use crate::model::Deletable;
use crate::model::{ActionItem, ActionSource, Id, Task};
use crate::text::truncate;
use crate::tui::keymap::BulkAction;
use crate::tui::keymap::ItemAction;
use crate::tui::panes::bulk::{Here, Marking, Rows, Step};
use crate::tui::panes::list::Cursor;
use crate::tui::panes::{Ctx, Outcome};
use crate::tui::theme::Theme;
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use std::collections::HashMap;

/// A cursor over one meeting's or one piece of feedback's items.
#[derive(Default)]
pub struct ItemList {
    pub items: Vec<ActionItem>,
    pub tasks: HashMap<Id, Task>,
    pub cursor: Cursor,
    /// Items marked to change together (`V`).
    pub marking: Marking,
}

/// Action items as marking sees them: done or deleted together.
pub static ITEMS: Rows = Rows {
    one: "action item",
    many: "action items",
    kind: Deletable::ActionItem,
    done: Some(Repo::set_action_items_done),
    tag: None,
    move_to: None,
};

impl ItemList {
    /// Replaces the items (and their linked tasks), keeping the selection on `keep` if given.
    pub fn set(
        &mut self,
        repo: &Repo,
        items: Vec<ActionItem>,
        keep: Option<Id>,
    ) -> anyhow::Result<()> {
        let keep = keep.or(self.selected().map(|i| i.id));
        self.tasks = linked_tasks(repo, &items)?;
        self.marking.retain(|id| items.iter().any(|i| i.id == id));
        self.items = items;
        if let Some(id) = keep
            && let Some(pos) = self.items.iter().position(|i| i.id == id)
        {
            self.cursor.selected = pos;
        }
        self.cursor.clamp(self.items.len());
        Ok(())
    }

    pub fn selected(&self) -> Option<&ActionItem> {
        self.items.get(self.cursor.selected)
    }

    pub fn open_count(&self) -> usize {
        self.items.iter().filter(|i| i.done_at.is_none()).count()
    }

    /// Acts on a key of the ActionItems context; new items come from `source`.
    pub fn act(
        &mut self,
        action: ItemAction,
        ctx: &mut Ctx,
        forms: &mut ItemForms,
        source: ActionSource,
    ) -> Outcome {
        match action {
            ItemAction::Move(nav) => {
                self.cursor.apply(nav, self.items.len());
                Outcome::Handled
            }
            ItemAction::Add => forms.open_new(ctx, source, None),
            ItemAction::Edit => match self.selected_or_say(ctx) {
                Some(item) => forms.open_edit(ctx, &item),
                None => Outcome::Handled,
            },
            ItemAction::Delete => match self.selected_or_say(ctx) {
                Some(item) => forms.delete(ctx, &item),
                None => Outcome::Handled,
            },
            ItemAction::ToggleDone => match self.selected_or_say(ctx) {
                Some(item) => forms.toggle_done(ctx, &item),
                None => Outcome::Handled,
            },
            ItemAction::Promote => match self.selected_or_say(ctx) {
                Some(item) => {
                    let task = item.task_id.and_then(|id| self.tasks.get(&id));
                    forms.open_promote(ctx, &item, task)
                }
                None => Outcome::Handled,
            },
        }
    }

    /// `V` and what follows: marking items, then marking them done or deleting them
    /// together (see `bulk`).
    pub fn bulk(&mut self, action: BulkAction, ctx: &mut Ctx, theme: Theme) -> Outcome {
        let here = Here {
            selected: self.selected().map(|i| i.id),
            shown: self.items.iter().map(|i| i.id).collect(),
            day: ctx.today,
        };
        match self.marking.key(action, &ITEMS, here, ctx, theme) {
            Step::Done(outcome) => outcome,
            Step::MoveDown => {
                self.cursor
                    .apply(crate::tui::keymap::Nav::Down, self.items.len());
                Outcome::Handled
            }
        }
    }

    /// The selected item, or a word on the status line that there is none.
    fn selected_or_say(&self, ctx: &mut Ctx) -> Option<ActionItem> {
        let item = self.selected().cloned();
        if item.is_none() {
            ctx.status.info("no action item here — a adds one");
        }
        item
    }

    /// Draws the items in `rect` (rows only for the visible window).
    pub fn render(
        &mut self,
        frame: &mut Frame,
        rect: Rect,
        today: NaiveDate,
        theme: Theme,
        focused: bool,
    ) {
        if rect.height == 0 || rect.width == 0 {
            return;
        }
        let mut rect = rect;
        if self.marking.on() {
            self.marking
                .render_banner(frame, Rect { height: 1, ..rect }, &ITEMS, theme);
            rect.y += 1;
            rect.height -= 1;
            if rect.height == 0 {
                return;
            }
        }
        if self.items.is_empty() {
            frame.render_widget(
                Paragraph::new(Span::styled(
                    truncate(" No action items. a adds one.", usize::from(rect.width)).into_owned(),
                    theme.dim(),
                )),
                Rect { height: 1, ..rect },
            );
            return;
        }
        let range = self
            .cursor
            .window(self.items.len(), usize::from(rect.height));
        let shown = || {
            self.items
                .get(range.clone())
                .unwrap_or_default()
                .iter()
                .map(|i| (i, i.task_id.and_then(|id| self.tasks.get(&id))))
        };
        let marker_w = self.marking.marker_width();
        let cols = ItemCols::new(
            shown(),
            usize::from(rect.width).saturating_sub(marker_w),
            today,
        );
        let lines: Vec<Line> = shown()
            .zip(range.clone())
            .map(|((item, task), i)| {
                let selected = focused && i == self.cursor.selected;
                let mut line = item_line(item, task, &cols, today, theme, selected);
                if marker_w > 0 {
                    let style = if selected {
                        theme.warning().patch(theme.selected())
                    } else {
                        theme.warning()
                    };
                    line.spans
                        .insert(0, Span::styled(self.marking.marker(item.id), style));
                }
                line
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), rect);
    }
}
