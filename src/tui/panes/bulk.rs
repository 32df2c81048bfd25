//! Marking rows (`V`) and changing them together, the same way in every list: `Space` marks
//! the selected row, `*` every row shown, then a verb acts on every marked row in one
//! transaction (so one `u` takes it back). A pane describes its rows once in a [`Rows`],
//! holds a [`Marking`] and hands it the keys of the Selectable and Selecting contexts.

use super::common::{new_tag, render_marking, tag_options};
use super::list::Marks;
use super::pick::parse_day;
use super::{Ctx, Outcome};
use crate::dates::Lean;
use crate::db::{Error as DbError, Repo};
use crate::model::{Deletable, Id};
use crate::text::sanitize;
use crate::tui::form::Form;
use crate::tui::form::controller::{Conflict, FormController, FormSpec, FormStep, FormTarget};
use crate::tui::keymap::{self, BulkAction, Context};
use crate::tui::theme::Theme;
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

type DbResult<T> = Result<T, DbError>;
/// Marks rows done: how many changed.
pub type DoneFn = fn(&Repo, &[Id]) -> DbResult<usize>;
/// Adds tags to rows.
pub type TagFn = fn(&Repo, &[Id], &[String]) -> DbResult<usize>;
/// Moves rows to a day: how many moved.
pub type MoveFn = fn(&Repo, &[Id], NaiveDate) -> DbResult<usize>;

/// A pane's rows as marking sees them: what one is called, and the changes they take
/// together (delete always; the others where the rows have them).
pub struct Rows {
    pub one: &'static str,
    pub many: &'static str,
    pub kind: Deletable,
    /// Mark every one done (`x`).
    pub done: Option<DoneFn>,
    /// Add tags to every one (`t`, after a prompt for the tags).
    pub tag: Option<TagFn>,
    /// Move every one to another day (`m`, after a prompt for the day; tasks).
    pub move_to: Option<MoveFn>,
}

impl Rows {
    /// "1 task", "3 journal entries".
    pub fn count(&self, n: usize) -> String {
        format!("{n} {}", if n == 1 { self.one } else { self.many })
    }

    fn offers(&self, action: BulkAction) -> bool {
        match action {
            BulkAction::Done => self.done.is_some(),
            BulkAction::Tag => self.tag.is_some(),
            BulkAction::Move => self.move_to.is_some(),
            BulkAction::ToggleMarking
            | BulkAction::Mark
            | BulkAction::MarkAll
            | BulkAction::Delete => true,
        }
    }

    /// The marking keys offered, by the keymap's footer labels (the banner shows these).
    pub fn verbs(&self) -> Vec<&'static str> {
        let mut v = vec!["mark", "all"];
        v.extend(self.done.map(|_| "done"));
        v.extend(self.tag.map(|_| "tag"));
        v.extend(self.move_to.map(|_| "move"));
        v.extend(["delete", "stop"]);
        v
    }

    /// "goals marked together can be marked done (x) or deleted (d)".
    fn offer_text(&self) -> String {
        let key = |a: BulkAction| keymap::keys_of(keymap::Action::Selecting(a));
        let mut verbs = Vec::new();
        if self.done.is_some() {
            verbs.push(format!("marked done ({})", key(BulkAction::Done)));
        }
        if self.tag.is_some() {
            verbs.push(format!("tagged ({})", key(BulkAction::Tag)));
        }
        if self.move_to.is_some() {
            verbs.push(format!("moved ({})", key(BulkAction::Move)));
        }
        verbs.push(format!("deleted ({})", key(BulkAction::Delete)));
        let last = verbs.pop().unwrap_or_default();
        let list = if verbs.is_empty() {
            last
        } else {
            format!("{}, or {last}", verbs.join(", "))
        };
        format!("{} marked together can be {list}", self.many)
    }
}

/// Where the list stands when a marking key comes.
pub struct Here {
    /// The row under the cursor.
    pub selected: Option<Id>,
    /// Every row shown (after the filter).
    pub shown: Vec<Id>,
    /// The day the list shows (a move offers the day after), or today.
    pub day: NaiveDate,
}

/// What a marking key did, for the pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Done(Outcome),
    /// A row was marked or unmarked: the cursor moves on to the next.
    MoveDown,
}

/// A value typed for a change to the marked rows.
pub struct Prompt {
    rows: &'static Rows,
    ids: Vec<Id>,
    ask: Ask,
}

enum Ask {
    Tags,
    Day,
}

impl FormSpec for Prompt {
    /// What to say on the status line.
    type Saved = String;

    fn draft_key(&self, _: &FormTarget) -> Option<String> {
        // The marks do not outlive the session, so neither does a prompt for them.
        None
    }

    fn save(&mut self, ctx: &Ctx, form: &Form, _: &FormTarget) -> DbResult<String> {
        let rows = self.rows;
        match self.ask {
            Ask::Tags => {
                let tags: Vec<String> = form.picked("tags").into_iter().map(|o| o.label).collect();
                if tags.is_empty() {
                    return Err(DbError::invalid("tags", "pick or type a tag to add"));
                }
                let Some(tag) = rows.tag else {
                    return Err(DbError::invalid("tags", "these rows have no tags"));
                };
                let n = tag(ctx.repo, &self.ids, &tags)?;
                Ok(format!(
                    "tagged {} {} — u to undo",
                    rows.count(n),
                    tags.iter()
                        .map(|t| format!("#{}", sanitize(t)))
                        .collect::<Vec<_>>()
                        .join(" ")
                ))
            }
            Ask::Day => {
                let to = parse_day(&form.text("day"), ctx.today, "day", Lean::Future)
                    .map_err(|e| DbError::invalid("day", e))?
                    .ok_or_else(|| DbError::invalid("day", "type the day to move them to"))?;
                let Some(move_to) = rows.move_to else {
                    return Err(DbError::invalid("day", "these rows have no day to move"));
                };
                let n = move_to(ctx.repo, &self.ids, to)?;
                let stayed = self.ids.len().saturating_sub(n);
                Ok(format!(
                    "moved {} to {}{} — u to undo",
                    rows.count(n),
                    to.format("%a %-d %b"),
                    if stayed > 0 {
                        format!(" ({stayed} stayed: only open tasks move, and only forward)")
                    } else {
                        String::new()
                    }
                ))
            }
        }
    }

    fn conflict(&mut self, _: &Ctx, _: &Form, _: Id, _: i64) -> DbResult<Conflict> {
        // Nothing here saves over a version, so no save can be stale; say so if one is.
        Err(DbError::invalid(
            match self.ask {
                Ask::Tags => "tags",
                Ask::Day => "day",
            },
            "a marked row changed meanwhile; nothing was changed",
        ))
    }
}

/// A list's marks and the prompt a change to them may need.
pub struct Marking {
    marks: Marks,
    prompt: FormController<Prompt>,
}

impl Default for Marking {
    /// For rows that need no prompt (nothing to type before the change).
    fn default() -> Self {
        Marking::new("marks")
    }
}

impl Marking {
    /// `name`: whose drafts file the prompt would use (it keeps none).
    pub fn new(name: &'static str) -> Self {
        Marking {
            marks: Marks::default(),
            prompt: FormController::new(name),
        }
    }

    /// Whether the list is marking rows.
    pub fn on(&self) -> bool {
        self.marks.on
    }

    /// The marked rows while marking (`None` when not marking).
    pub fn marked(&self) -> Option<Vec<Id>> {
        self.marks.on.then(|| self.marks.ids())
    }

    pub fn contains(&self, id: Id) -> bool {
        self.marks.contains(id)
    }

    /// The column of marks before a row: "● " marked, "  " not, "" when not marking.
    pub fn marker(&self, id: Id) -> &'static str {
        match (self.marks.on, self.marks.contains(id)) {
            (false, _) => "",
            (true, true) => "● ",
            (true, false) => "  ",
        }
    }

    /// Its width in columns.
    pub fn marker_width(&self) -> usize {
        if self.marks.on { 2 } else { 0 }
    }

    /// Drops marks of rows that are gone.
    pub fn retain(&mut self, exists: impl Fn(Id) -> bool) {
        self.marks.retain(exists);
    }

    /// Stops marking (the rows it marked are gone or replaced).
    pub fn finish(&mut self) {
        self.marks.finish();
        self.prompt.close();
    }

    /// Another program replaced the database: the marks name rows of the old one, so they
    /// go (and any prompt for them). True if marking was on.
    pub fn replaced(&mut self) -> bool {
        let was = self.marks.on;
        self.finish();
        was
    }

    /// The contexts of the open prompt, if one is open.
    pub fn prompt_contexts(&self) -> Option<&'static [Context]> {
        self.prompt.contexts()
    }

    pub fn is_prompting(&self) -> bool {
        self.prompt.is_open()
    }

    /// A key for the open prompt; `None` if none is open.
    pub fn prompt_key(&mut self, key: &KeyEvent, ctx: &mut Ctx) -> Option<Outcome> {
        if !self.prompt.is_open() {
            return None;
        }
        let step = self.prompt.handle_key(key, ctx);
        if let FormStep::Saved(said) = &step {
            ctx.status.info(said.clone());
            self.marks.finish();
        }
        Some(step.outcome())
    }

    /// Pasted text for the open prompt; false if none is open.
    pub fn paste(&mut self, text: &str) -> bool {
        self.prompt.paste(text)
    }

    pub fn render_prompt(&mut self, frame: &mut Frame, area: Rect) {
        self.prompt.render(frame, area);
    }

    /// The banner above a list marking rows: the count and the keys that act on them.
    pub fn render_banner(&self, frame: &mut Frame, rect: Rect, rows: &Rows, theme: Theme) {
        render_marking(frame, rect, self.marks.len(), &rows.verbs(), theme);
    }

    /// The banner as a line of `cols` columns (for a pane that draws it among its own).
    pub fn banner_line(
        &self,
        rows: &Rows,
        cols: usize,
        theme: Theme,
    ) -> ratatui::text::Line<'static> {
        super::common::marking_line(self.marks.len(), &rows.verbs(), cols, theme)
    }

    /// A key of the Selectable or Selecting context.
    pub fn key(
        &mut self,
        action: BulkAction,
        rows: &'static Rows,
        here: Here,
        ctx: &mut Ctx,
        theme: Theme,
    ) -> Step {
        let ids = self.marks.ids();
        let n = ids.len();
        let handled = Step::Done(Outcome::Handled);
        match action {
            BulkAction::ToggleMarking => {
                if self.marks.toggle_marking() {
                    ctx.status
                        .info(format!("marking {}: Space marks a row, V stops", rows.many));
                } else {
                    ctx.status.info("stopped marking");
                }
                return handled;
            }
            BulkAction::Mark => {
                return match here.selected {
                    Some(id) => {
                        self.marks.toggle(id);
                        Step::MoveDown
                    }
                    None => handled,
                };
            }
            BulkAction::MarkAll => {
                self.marks.toggle_all(here.shown);
                return handled;
            }
            a if !rows.offers(a) => {
                ctx.status.info(rows.offer_text());
                return handled;
            }
            _ if ids.is_empty() => {
                ctx.status.info(format!(
                    "no {} marked: Space marks the selected one, * every one shown",
                    rows.one
                ));
                return handled;
            }
            _ => {}
        }
        let wrote = |r: DbResult<usize>, said: &str, marks: &mut Marks, ctx: &mut Ctx| {
            match r {
                Ok(_) => {
                    ctx.status.info(format!("{said} — u to undo"));
                    marks.finish();
                }
                Err(e) => ctx.status.error(e),
            }
            Step::Done(Outcome::Wrote)
        };
        match action {
            BulkAction::Delete => {
                let del: Vec<(Deletable, Id)> = ids.iter().map(|&id| (rows.kind, id)).collect();
                let r = ctx.repo.delete_rows(&del).map(|r| r.len());
                wrote(
                    r,
                    &format!("deleted {}", rows.count(n)),
                    &mut self.marks,
                    ctx,
                )
            }
            BulkAction::Done => match rows.done {
                Some(done) => {
                    let r = done(ctx.repo, &ids);
                    let said = format!("marked {} done", rows.count(n));
                    wrote(r, &said, &mut self.marks, ctx)
                }
                None => handled,
            },
            BulkAction::Tag => {
                let tags = match ctx.repo.tags() {
                    Ok(t) => t,
                    Err(e) => {
                        ctx.status.error(e);
                        return handled;
                    }
                };
                let (opts, _) = tag_options(&tags, &[]);
                let form = Form::new(format!("Tag {}", rows.count(n)), theme).picker(
                    "tags",
                    "Add tags",
                    opts,
                    &[],
                    true,
                    Some(new_tag),
                );
                self.ask(form, rows, ids, Ask::Tags)
            }
            BulkAction::Move => {
                let next = here
                    .day
                    .checked_add_days(chrono::Days::new(1))
                    .unwrap_or(here.day);
                let form = Form::new(format!("Move {}", rows.count(n)), theme).line(
                    "day",
                    "To day",
                    &next.format("%Y-%m-%d").to_string(),
                );
                self.ask(form, rows, ids, Ask::Day)
            }
            BulkAction::ToggleMarking | BulkAction::Mark | BulkAction::MarkAll => handled,
        }
    }

    fn ask(&mut self, form: Form, rows: &'static Rows, ids: Vec<Id>, ask: Ask) -> Step {
        self.prompt
            .open_prompt(form, FormTarget::New, Prompt { rows, ids, ask });
        Step::Done(Outcome::Handled)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static NOTES: Rows = Rows {
        one: "note",
        many: "notes",
        kind: Deletable::Learning,
        done: None,
        tag: None,
        move_to: None,
    };

    #[test]
    fn rows_say_what_they_offer() {
        assert_eq!(NOTES.count(1), "1 note");
        assert_eq!(NOTES.count(3), "3 notes");
        assert_eq!(NOTES.verbs(), ["mark", "all", "delete", "stop"]);
        assert_eq!(
            NOTES.offer_text(),
            "notes marked together can be deleted (d)"
        );
        assert!(!NOTES.offers(BulkAction::Done));
        assert!(NOTES.offers(BulkAction::Delete));
    }

    #[test]
    fn the_marker_column_shows_only_while_marking() {
        let mut m = Marking::new("test");
        assert_eq!(m.marker(1), "");
        assert_eq!(m.marker_width(), 0);
        m.marks.toggle_marking();
        m.marks.toggle(1);
        assert_eq!((m.marker(1), m.marker(2)), ("● ", "  "));
        assert_eq!(m.marked(), Some(vec![1]));
        m.finish();
        assert_eq!(m.marked(), None);
    }
}
