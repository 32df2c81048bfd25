//! The app: owns the panes and the event loop.
//!
//! The loop blocks in `event::poll` with a one-second timeout; that timeout is the tick. It
//! redraws once after each event, and on a tick only if something changed: a status message
//! expired, the date moved on at midnight, or another session wrote to the database
//! (`PRAGMA data_version` changed) so the visible pane was reloaded. If that write replaced
//! the database as a whole (restore, import into an empty one, migrate: its identity changed),
//! every pane is reloaded and no form opened before can save. Idle, it wakes once a second and
//! does next to nothing.

use super::backups::BackupWorker;
use super::drafts::Drafts;
use super::history::History;
use super::keymap::{
    self, Action, AlwaysAction, Context, FilterAction, GlobalAction, HelpAction, TodayAction,
};
use super::line_input::LineInput;
use super::manage::{ManageOutcome, Manager};
use super::panes::all::Panes;
use super::panes::{Ctx, Outcome, PaneId, Target};
use super::search::{SearchOutcome, SearchOverlay};
use super::status::{self, BackupNote, Level, Status};
use super::theme::Theme;
use crate::clock::Clock;
use crate::dates::Lean;
use crate::db::Repo;
use crate::model::{Id, Organization};
use crate::paths::DataDir;
use crate::text::{sanitize, truncate, width};
use chrono::NaiveDate;
use ratatui::crossterm::event::{
    self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent,
    MouseEventKind,
};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui::{Frame, Terminal};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// The smallest terminal worklog lays itself out in.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;
const TICK: Duration = Duration::from_secs(1);

pub struct App {
    /// Where the database lives (reports are written beside it); `None` in some tests.
    data_dir: Option<DataDir>,
    repo: Repo,
    clock: Arc<dyn Clock>,
    theme: Theme,
    pub panes: Panes,
    current: PaneId,
    pub status: Status,
    /// Every change made this session, for `u` and Ctrl-R.
    history: History,
    drafts: Drafts,
    today: NaiveDate,
    data_version: i64,
    /// The help popup, with its scroll offset.
    help: Option<usize>,
    /// The history of one row (`H`), with its scroll offset.
    row_history: Option<RowHistory>,
    quit: bool,
    /// Counts writes and outside changes; `seen` is the count each pane last knew of, so a
    /// pane shown again is told (`data_changed`) only if something changed meanwhile.
    epoch: u64,
    seen: [u64; PaneId::ALL.len()],
    /// Whether a pane's cache shows the data as it is: read since anything changed, and not
    /// asked since to show something else (a row from another pane, another organization).
    /// A switch to a fresh pane reads nothing, so going back and forth costs no query.
    fresh: [bool; PaneId::ALL.len()],
    /// `epoch + 1` when idle time last read the pane (0: not since it was asked to show
    /// something else), so a pane that cannot be read is not read again and again.
    tried: [u64; PaneId::ALL.len()],
    /// The binding the last key resolved to and what came of it (for tests and debugging).
    last_action: Option<Action>,
    last_outcome: Option<Outcome>,
    /// Today's backup in the background; `None` in tests that do not want one.
    backups: Option<BackupWorker>,
    /// The people, tags and organizations popup (`P`), when open.
    manager: Option<Manager>,
    /// The global organization filter (`O`) and its name for the status line.
    organization: Option<Organization>,
    /// The pane that asked for `$EDITOR` (run by the loop with the screen suspended).
    editor_for: Option<PaneId>,
    /// A form's multi-line field waiting for `$EDITOR` (see `form::EditorJob`).
    form_editor: Option<super::form::EditorJob>,
    /// The editor command; `None` reads the environment (see `tui::editor`).
    editor_command: Option<String>,
    /// The search overlay (Ctrl-F, `/` on Today), when open.
    search: Option<SearchOverlay>,
    /// The last frame was too small to show anything but "terminal too small": keys then do
    /// nothing but quit, since the user cannot see what they would act on.
    too_small: bool,
    /// `--demo`: the directory of the throwaway sample data, named in the tab bar so nobody
    /// takes it for their own log.
    demo: Option<PathBuf>,
    /// The date being typed after `:` or `D`, when asked, and why the last one typed could
    /// not be read (shown in the prompt, which covers the status line).
    date_prompt: Option<LineInput>,
    date_error: Option<String>,
    /// Ctrl-Z asked to suspend (the loop does it, with the terminal handed back).
    suspend: bool,
}

/// The context a pane or the popup gets for one key (borrows only the fields it names, so
/// the panes stay free to borrow mutably beside it).
macro_rules! ctx {
    ($app:ident) => {
        Ctx {
            repo: &$app.repo,
            today: $app.today,
            now: $app.clock.now(),
            status: &mut $app.status,
            drafts: &$app.drafts,
            organization: $app.organization.as_ref().map(|o| o.id),
            data_dir: $app.data_dir.as_ref(),
        }
    };
}

impl App {
    /// An app on `repo`, showing the Today pane. `data_dir` is the session's data directory
    /// (with its database's server, if any): drafts are kept there, and on PostgreSQL
    /// attaching and opening keep the bytes in the server.
    pub fn new(repo: Repo, data_dir: Option<DataDir>, theme: Theme) -> Self {
        let clock = repo.clock().clone();
        let today = clock.today();
        let data_version = repo.data_version().unwrap_or_default();
        let mut app = App {
            repo,
            clock,
            theme,
            panes: Panes::new(theme),
            current: PaneId::Today,
            status: Status::default(),
            history: History::default(),
            drafts: Drafts::in_data_dir(data_dir.as_ref().map(|d| d.root().to_path_buf())),
            data_dir,
            today,
            data_version,
            help: None,
            row_history: None,
            quit: false,
            epoch: 0,
            seen: [0; PaneId::ALL.len()],
            fresh: [false; PaneId::ALL.len()],
            tried: [0; PaneId::ALL.len()],
            last_action: None,
            last_outcome: None,
            backups: None,
            manager: None,
            organization: None,
            editor_for: None,
            form_editor: None,
            editor_command: None,
            search: None,
            too_small: false,
            demo: None,
            date_prompt: None,
            date_error: None,
            suspend: false,
        };
        app.status.show_pane(app.current);
        app.announce_drafts();
        app.reload(app.current);
        app
    }

    /// Keeps drafts in `drafts` (the app on a real data directory: the state directory) and
    /// says on the status line if one is waiting there.
    pub fn with_drafts(mut self, drafts: Drafts) -> Self {
        self.drafts = drafts;
        self.announce_drafts();
        self
    }

    fn announce_drafts(&mut self) {
        let pending = self.drafts.pending();
        if let Some(p) = pending.first() {
            self.status.warn(format!(
                "{} has an unsaved draft from an interrupted session: it comes back when you open its form",
                p.name()
            ));
        } else if self.drafts.peek_named(super::manage::DRAFT_NAME).is_some() {
            self.status.warn(
                "a person's details were left unsaved by an interrupted session: P, then edit them to get it back",
            );
        }
    }

    /// Takes today's backup in the background now, and again whenever the date changes while
    /// the app is open; the status line shows how it went.
    /// Marks the session as a demo on throwaway data in `dir` (said in the tab bar).
    pub fn with_demo(mut self, dir: PathBuf) -> Self {
        self.demo = Some(dir);
        self
    }

    pub fn with_backups(mut self, mut worker: BackupWorker) -> Self {
        self.status.backup = worker.newest_today();
        worker.start();
        self.backups = Some(worker);
        self
    }

    pub fn repo(&self) -> &Repo {
        &self.repo
    }

    pub fn current(&self) -> PaneId {
        self.current
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    pub fn last_action(&self) -> Option<Action> {
        self.last_action
    }

    /// What the last key came to: `Ignored` if nothing used it.
    pub fn last_outcome(&self) -> Option<Outcome> {
        self.last_outcome
    }

    pub fn help_open(&self) -> bool {
        self.help.is_some()
    }

    /// The people, tags and organizations popup, if open.
    pub fn manager(&self) -> Option<&Manager> {
        self.manager.as_ref()
    }

    /// The global organization filter (`None`: all organizations).
    pub fn organization(&self) -> Option<Id> {
        self.organization.as_ref().map(|o| o.id)
    }

    /// The search overlay, if open.
    pub fn search(&self) -> Option<&SearchOverlay> {
        self.search.as_ref()
    }

    /// Uses `command` for `$EDITOR` instead of the environment (tests, embedding).
    pub fn set_editor_command(&mut self, command: impl Into<String>) {
        self.editor_command = Some(command.into());
    }

    /// True when a pane asked for the external editor: the loop suspends the screen and
    /// calls [`App::run_editor`].
    /// True once when Ctrl-Z asked to suspend: the loop hands the terminal back and stops.
    pub fn take_suspend(&mut self) -> bool {
        std::mem::take(&mut self.suspend)
    }

    pub fn editor_wanted(&self) -> bool {
        self.editor_for.is_some() || self.form_editor.is_some()
    }

    /// Runs the external editor for the pane that asked (blocking until it exits) and hands
    /// the result back to that pane.
    pub fn run_editor(&mut self) {
        if let Some(job) = self.form_editor.take() {
            let command = self
                .editor_command
                .clone()
                .unwrap_or_else(super::editor::command_from_env);
            let result = super::editor::edit(&command, &job.text());
            match &result {
                Ok(_) => self
                    .status
                    .info("the text is back from the editor: Ctrl-S saves the form"),
                Err(e) => self.status.error(e.clone()),
            }
            job.finish(result);
            return;
        }
        let Some(id) = self.editor_for.take() else {
            return;
        };
        let Some(text) = self.panes.get(id).editor_text() else {
            return;
        };
        let command = self
            .editor_command
            .clone()
            .unwrap_or_else(super::editor::command_from_env);
        let result = super::editor::edit(&command, &text);
        let mut ctx = ctx!(self);
        let outcome = self.panes.get_mut(id).editor_done(result, &mut ctx);
        self.apply(outcome);
    }

    /// The launch routine reports the last backup (or a problem with it) here.
    pub fn set_backup_note(&mut self, note: BackupNote) {
        self.status.backup = note;
    }

    /// The keymap contexts in force, most specific first.
    pub fn contexts(&self) -> Vec<Context> {
        if self.help.is_some() {
            return keymap::active(&[Context::Help]);
        }
        if self.row_history.is_some() {
            return keymap::active(&[Context::RowHistory]);
        }
        if let Some(s) = &self.search {
            return keymap::active(s.hints());
        }
        if let Some(m) = &self.manager {
            return keymap::active(m.hints());
        }
        if self.date_prompt.is_some() {
            return keymap::active(&[Context::DatePrompt]);
        }
        keymap::active(self.panes.get(self.current).hints())
    }

    fn reload(&mut self, id: PaneId) {
        if let Err(e) = self.read(id) {
            self.status
                .error(format!("could not load {}: {e:#}", id.name()));
        }
    }

    /// Reads the pane's cache; it is fresh if that worked.
    fn read(&mut self, id: PaneId) -> anyhow::Result<()> {
        let read = self.panes.get_mut(id).reload(&self.repo);
        self.fresh[id.index()] = read.is_ok();
        read
    }

    /// Tells the pane of the changes it has not heard of yet, if any: its cache is then stale.
    fn catch_up(&mut self, id: PaneId) {
        if self.seen[id.index()] < self.epoch {
            self.panes.get_mut(id).data_changed();
            self.seen[id.index()] = self.epoch;
            self.fresh[id.index()] = false;
        }
    }

    fn switch(&mut self, id: PaneId) {
        self.current = id;
        self.status.show_pane(id);
        self.catch_up(id);
        if self.fresh[id.index()] {
            self.panes.get_mut(id).shown_again(self.clock.now());
        } else {
            self.reload(id);
        }
    }

    /// Reads the first pane (in tab order) that is not shown and whose cache is not current;
    /// false if every pane is current. For idle time: a switch to a current pane reads
    /// nothing. A pane that fails to read stays stale and is not tried again until something
    /// changes (its error is on the status line when it is shown).
    pub fn prefetch_one(&mut self) -> bool {
        let Some(id) = PaneId::ALL.into_iter().find(|p| {
            let i = p.index();
            *p != self.current
                && !(self.fresh[i] && self.seen[i] >= self.epoch)
                && self.tried[i] != self.epoch + 1
        }) else {
            return false;
        };
        self.catch_up(id);
        self.tried[id.index()] = self.epoch + 1;
        // An error is said when the pane is shown (it is read again then).
        let _ = self.read(id);
        true
    }

    /// The current pane wrote: others will hear of it when shown.
    fn own_write(&mut self) {
        self.epoch += 1;
        self.seen[self.current.index()] = self.epoch;
        self.reload(self.current);
    }

    /// Data changed behind the current pane's back (undo, another session, midnight).
    fn outside_change(&mut self) {
        self.epoch += 1;
        self.seen[self.current.index()] = self.epoch;
        self.panes.get_mut(self.current).data_changed();
        self.reload(self.current);
        self.reload_manager();
    }

    /// Another program replaced the database (restore, import into an empty one, migrate):
    /// everything shown came from one that is gone. Forms open now can never save (their text
    /// stays, to copy), the pending undo is dropped (it names a row of the old database),
    /// every pane is read afresh, and only then does this session accept the new database,
    /// so its writes go through again.
    fn database_replaced(&mut self) {
        super::form::database_replaced();
        self.history.clear();
        if let Err(e) = self.repo.reset_history() {
            self.status.warn(format!("undo is off from now on: {e}"));
        }
        if let Err(e) = self.repo.acknowledge_identity() {
            self.status.error(e);
            return;
        }
        self.epoch += 1;
        let mut dropped = self.manager.as_mut().is_some_and(|m| m.database_replaced());
        for id in PaneId::ALL {
            dropped |= self.panes.get_mut(id).database_replaced();
            self.panes.get_mut(id).data_changed();
            self.reload(id);
        }
        self.seen = [self.epoch; PaneId::ALL.len()];
        self.reload_manager();
        self.status.warn(if dropped {
            "the database was replaced by another program: the question asked before was \
             dropped (it named rows of the old one); everything shown is reloaded, and a form \
             open before cannot be saved"
        } else {
            "the database was replaced (restored, imported or migrated) by another program: \
             everything shown is reloaded; a form open before cannot be saved"
        });
    }

    fn reload_manager(&mut self) {
        let org = self.organization();
        if let Some(m) = self.manager.as_mut()
            && let Err(e) = m.reload(&self.repo, org)
        {
            self.status
                .error(format!("could not load people and tags: {e:#}"));
        }
    }

    /// Sets the global organization filter, tells every pane, reloads what is shown.
    fn set_organization(&mut self, id: Option<Id>) {
        let org = match id {
            None => None,
            Some(id) => match self.repo.organizations() {
                Ok(all) => all.into_iter().find(|o| o.id == id),
                Err(e) => {
                    self.status.error(e);
                    return;
                }
            },
        };
        match &org {
            Some(o) => self
                .status
                .info(format!("showing {} only (O: next)", sanitize(&o.name))),
            None => self.status.info("showing every organization"),
        }
        self.organization = org;
        let id = self.organization();
        for p in PaneId::ALL {
            self.panes.get_mut(p).set_organization(id);
        }
        self.fresh = [false; PaneId::ALL.len()];
        self.tried = [0; PaneId::ALL.len()];
        self.reload(self.current);
        self.reload_manager();
    }

    /// `O`: the next organization by name, then all again.
    fn cycle_organization(&mut self) {
        let all = match self.repo.organizations() {
            Ok(a) => a,
            Err(e) => {
                self.status.error(e);
                return;
            }
        };
        if all.is_empty() {
            self.status
                .info("no organizations yet: add one with P (people, tags, organizations)");
            return;
        }
        let next = match self.organization() {
            None => all.first().map(|o| o.id),
            Some(cur) => all
                .iter()
                .position(|o| o.id == cur)
                .and_then(|i| all.get(i + 1))
                .map(|o| o.id),
        };
        self.set_organization(next);
    }

    fn manager_outcome(&mut self, outcome: ManageOutcome) {
        match outcome {
            ManageOutcome::Handled | ManageOutcome::Ignored => {}
            ManageOutcome::Changed => {
                // Renames and merges show in every pane: all of them hear of it.
                self.outside_change();
                if let Some(o) = &self.organization {
                    self.set_organization_quietly(o.id);
                }
            }
            ManageOutcome::Close => self.manager = None,
            ManageOutcome::Organization(id) => self.set_organization(id),
        }
    }

    /// Refreshes the filter's name after a rename, without a status message.
    fn set_organization_quietly(&mut self, id: Id) {
        if let Ok(all) = self.repo.organizations() {
            self.organization = all.into_iter().find(|o| o.id == id);
        }
    }

    /// Handles one terminal event; true if the screen should be redrawn.
    pub fn handle_event(&mut self, ev: &Event) -> bool {
        match ev {
            Event::Key(key) => {
                self.key(*key);
                true
            }
            Event::Resize(w, h) => {
                self.too_small = *w < MIN_WIDTH || *h < MIN_HEIGHT;
                true
            }
            Event::Paste(_)
                if self.help.is_some() || self.row_history.is_some() || self.too_small =>
            {
                false
            }
            Event::Paste(text) if self.search.is_some() => {
                if let Some(s) = self.search.as_mut() {
                    s.paste(text, &self.repo);
                }
                true
            }
            Event::Paste(text) if self.date_prompt.is_some() => {
                if let Some(p) = self.date_prompt.as_mut() {
                    p.paste(text);
                }
                true
            }
            Event::Paste(text) if self.manager.is_some() => {
                if let Some(m) = self.manager.as_mut() {
                    m.paste(text);
                }
                true
            }
            Event::Paste(text) => {
                self.repo.capture_changes(true);
                let mut ctx = ctx!(self);
                let outcome = self.panes.get_mut(self.current).paste(text, &mut ctx);
                self.apply(outcome);
                self.repo.capture_changes(false);
                if let Some(change) = self.repo.take_change() {
                    self.history.record(change);
                }
                true
            }
            Event::FocusGained => true,
            Event::Mouse(m) => self.mouse(*m),
            _ => false,
        }
    }

    /// A mouse event, as the keys that do the same (see `tui::mouse`); true to redraw.
    pub fn mouse(&mut self, m: MouseEvent) -> bool {
        use super::mouse::Click;
        if self.too_small {
            return false;
        }
        let press = |code: KeyCode| KeyEvent::new(code, KeyModifiers::NONE);
        // Tabs and list rows are for the panes, not behind a form, a prompt or a popup.
        let free = || self.contexts().contains(&Context::Global);
        match m.kind {
            MouseEventKind::ScrollDown => self.key(press(KeyCode::Down)),
            MouseEventKind::ScrollUp => self.key(press(KeyCode::Up)),
            MouseEventKind::Down(MouseButton::Left) => match super::mouse::click(m.column, m.row) {
                Click::Tab(pane) if free() => self.global(GlobalAction::GoTo(pane)),
                Click::Rows { delta, popup } if popup || free() => {
                    let code = if delta < 0 {
                        KeyCode::Up
                    } else {
                        KeyCode::Down
                    };
                    for _ in 0..delta.unsigned_abs() {
                        self.key(press(code));
                    }
                }
                Click::Open { popup } if popup || free() => {
                    self.key(press(KeyCode::Enter));
                }
                Click::Fields(n) if self.contexts().contains(&Context::Form) => {
                    for _ in 0..n {
                        self.key(press(KeyCode::Tab));
                    }
                }
                _ => return false,
            },
            _ => return false,
        }
        true
    }

    /// Handles one key press. What it writes is one step of the history.
    pub fn key(&mut self, key: KeyEvent) {
        if key.kind == KeyEventKind::Release {
            return;
        }
        self.repo.capture_changes(true);
        self.key_inner(key);
        self.repo.capture_changes(false);
        if let Some(change) = self.repo.take_change() {
            self.history.record(change);
        }
    }

    fn key_inner(&mut self, key: KeyEvent) {
        if self.too_small {
            self.key_while_too_small(key);
            return;
        }
        let contexts = self.contexts();
        let binding = keymap::resolve(&contexts, &key);
        self.last_action = binding.map(|b| b.action);
        if binding.is_some_and(|b| {
            matches!(
                b.action,
                Action::Global(GlobalAction::Search) | Action::Today(TodayAction::Search)
            )
        }) {
            self.search = Some(SearchOverlay::new(self.theme));
            self.last_outcome = Some(Outcome::Handled);
            return;
        }
        let always = matches!(binding.map(|b| b.action), Some(Action::Always(_)));
        if !always && let Some(s) = self.search.as_mut() {
            let outcome = s.handle_key(key, binding.map(|b| b.action), &self.repo);
            self.last_outcome = Some(match outcome {
                SearchOutcome::Ignored => Outcome::Ignored,
                _ => Outcome::Handled,
            });
            match outcome {
                SearchOutcome::Handled | SearchOutcome::Ignored => {}
                SearchOutcome::Close => self.search = None,
                SearchOutcome::Open(target) => {
                    self.search = None;
                    self.apply(Outcome::Open(target));
                }
            }
            return;
        }
        if self.date_prompt.is_some() && !always {
            self.date_prompt_key(key, binding.map(|b| b.action));
            return;
        }
        match binding {
            Some(keymap::Binding {
                action: Action::Global(a),
                ..
            }) => {
                self.global(*a);
                self.last_outcome = Some(Outcome::Handled);
            }
            Some(keymap::Binding {
                action: Action::Always(a),
                ..
            }) => {
                match a {
                    AlwaysAction::ForceQuit => {
                        self.save_drafts();
                        self.quit = true;
                    }
                    AlwaysAction::Suspend => self.suspend = true,
                }
                self.last_outcome = Some(Outcome::Handled);
            }
            Some(keymap::Binding {
                action: Action::Help(a),
                ..
            }) => {
                match a {
                    HelpAction::Close => self.help = None,
                    HelpAction::Down => {
                        if let Some(h) = self.help.as_mut() {
                            *h = h.saturating_add(1);
                        }
                    }
                    HelpAction::Up => {
                        if let Some(h) = self.help.as_mut() {
                            *h = h.saturating_sub(1);
                        }
                    }
                }
                self.last_outcome = Some(Outcome::Handled);
            }
            Some(keymap::Binding {
                action: Action::RowHistory(a),
                ..
            }) => {
                if let Some(h) = self.row_history.as_mut() {
                    match a {
                        HelpAction::Close => self.row_history = None,
                        HelpAction::Down => h.scroll = h.scroll.saturating_add(1),
                        HelpAction::Up => h.scroll = h.scroll.saturating_sub(1),
                    }
                }
                self.last_outcome = Some(Outcome::Handled);
            }
            _ if self.help.is_some() || self.row_history.is_some() => {
                self.last_outcome = Some(Outcome::Ignored)
            }
            _ if self.manager.is_some() => {
                let mut ctx = ctx!(self);
                let outcome = match self.manager.as_mut() {
                    Some(m) => m.handle_key(key, &mut ctx),
                    None => ManageOutcome::Ignored,
                };
                self.last_outcome = Some(match outcome {
                    ManageOutcome::Ignored => Outcome::Ignored,
                    _ => Outcome::Handled,
                });
                self.manager_outcome(outcome);
            }
            _ => {
                let mut ctx = ctx!(self);
                let outcome = self.panes.get_mut(self.current).handle_key(key, &mut ctx);
                self.last_outcome = Some(outcome);
                self.apply(outcome);
            }
        }
        if super::form::take_refusal() {
            self.status.error(super::form::REPLACED_REFUSAL);
        }
        if let Some(job) = super::form::take_editor_request() {
            self.form_editor = Some(job);
        }
    }

    /// A key while the date prompt asks: Enter goes to the date typed, Esc stays; the rest
    /// edit the date as any input is edited.
    fn date_prompt_key(&mut self, key: KeyEvent, action: Option<Action>) {
        self.last_outcome = Some(Outcome::Handled);
        self.date_error = None;
        match action {
            Some(Action::DatePrompt(FilterAction::Cancel)) => self.date_prompt = None,
            Some(Action::DatePrompt(FilterAction::Done)) => {
                let typed = self
                    .date_prompt
                    .take()
                    .map(|p| p.text().to_string())
                    .unwrap_or_default();
                if typed.trim().is_empty() {
                    return;
                }
                match crate::dates::parse_day("date", &typed, self.today, Lean::Past) {
                    Ok(day) => {
                        let mut ctx = ctx!(self);
                        let outcome = self
                            .panes
                            .get_mut(self.current)
                            .jump_to_date(day, &mut ctx)
                            .unwrap_or(Outcome::Ignored);
                        self.apply(outcome);
                    }
                    Err(e) => {
                        // The typed date stays, to be put right, with what is wrong beside it.
                        self.date_prompt = Some(LineInput::new(&typed));
                        self.date_error = Some(e);
                    }
                }
            }
            _ => {
                if let Some(p) = self.date_prompt.as_mut() {
                    p.input(&key);
                }
            }
        }
    }

    /// `q` or Ctrl-C quit (an open form is kept as a draft, since it cannot be seen to be
    /// saved or discarded); every other key is ignored.
    fn key_while_too_small(&mut self, key: KeyEvent) {
        let quit = match key.code {
            KeyCode::Char('q') => key.modifiers.is_empty(),
            KeyCode::Char('c') => key.modifiers.contains(KeyModifiers::CONTROL),
            _ => false,
        };
        if quit {
            self.last_action = Some(Action::Always(AlwaysAction::ForceQuit));
            self.last_outcome = Some(Outcome::Quit);
            self.save_drafts();
            self.quit = true;
        } else {
            self.last_action = None;
            self.last_outcome = Some(Outcome::Ignored);
        }
    }

    fn apply(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Handled | Outcome::Ignored => {}
            Outcome::Wrote => self.own_write(),
            Outcome::Moved => self.reload(self.current),
            Outcome::SwitchTo(p) => self.switch(p),
            Outcome::Quit => self.quit = true,
            Outcome::Open(target) => self.open(target),
            Outcome::Editor => self.editor_for = Some(self.current),
        }
    }

    /// Shows a row in its own pane, selected (Enter on Today, links between panes, search).
    pub fn open(&mut self, target: Target) {
        let pane = target.pane();
        self.fresh[pane.index()] = false;
        self.tried[pane.index()] = 0;
        if !self.panes.get_mut(pane).select(target) {
            self.status.warn(format!(
                "the {} pane cannot show that item yet",
                pane.name()
            ));
        }
        self.switch(pane);
    }

    fn global(&mut self, action: GlobalAction) {
        match action {
            GlobalAction::Quit => self.quit = true,
            GlobalAction::Help => self.help = Some(0),
            GlobalAction::RowHistory => self.open_row_history(),
            // `key` opens the overlay before it dispatches; the same here.
            GlobalAction::Search => self.search = Some(SearchOverlay::new(self.theme)),
            GlobalAction::GoTo(p) => self.switch(p),
            GlobalAction::NextPane => self.switch(self.current.next()),
            GlobalAction::PrevPane => self.switch(self.current.prev()),
            GlobalAction::Manage => {
                let mut m = Manager::new(self.theme);
                match m.reload(&self.repo, self.organization()) {
                    Ok(()) => self.manager = Some(m),
                    Err(e) => self
                        .status
                        .error(format!("could not load people and tags: {e:#}")),
                }
            }
            GlobalAction::CycleOrganization => self.cycle_organization(),
            GlobalAction::JumpToDate => {
                if self.panes.get(self.current).dated() {
                    self.date_prompt = Some(LineInput::default());
                } else {
                    self.status.info(format!(
                        "{} has no dates to go to; try Focus, Journal or Meetings",
                        self.panes.get(self.current).title()
                    ));
                }
            }
            GlobalAction::Undo | GlobalAction::Redo => {
                let done = if action == GlobalAction::Undo {
                    self.history.undo(&self.repo)
                } else {
                    self.history.redo(&self.repo)
                };
                match done {
                    Some(Ok(text)) => {
                        self.status.info(text);
                        self.outside_change();
                    }
                    Some(Err(text)) => self.status.error(text),
                    None if action == GlobalAction::Undo => self.status.info("nothing to undo"),
                    None => self.status.info("nothing to redo"),
                }
            }
        }
    }

    /// Saves every open form as a draft (the session is ending); returns where.
    pub fn save_drafts(&mut self) -> Vec<PathBuf> {
        let mut saved = Vec::new();
        if let Some(d) = self.manager.as_mut().and_then(Manager::take_draft) {
            match self.drafts.save_named(super::manage::DRAFT_NAME, &d) {
                Ok(Some(p)) => saved.push(p),
                Ok(None) => {}
                Err(e) => self.status.error(format!("could not save the draft: {e}")),
            }
        }
        for id in PaneId::ALL {
            if let Some(d) = self.panes.get_mut(id).take_draft() {
                match self.drafts.save(id, &d) {
                    Ok(Some(p)) => saved.push(p),
                    Ok(None) => {}
                    Err(e) => self.status.error(format!("could not save the draft: {e}")),
                }
            }
        }
        saved
    }

    /// The once-a-second check; true if the screen should be redrawn.
    pub fn tick(&mut self) -> bool {
        let mut changed = self.status.expire(Instant::now());
        let today = self.clock.today();
        if today != self.today {
            self.today = today;
            if let Some(worker) = &mut self.backups {
                worker.start();
            }
            self.outside_change();
            changed = true;
        }
        if let Some(note) = self.backups.as_mut().and_then(BackupWorker::poll) {
            self.status.backup = note;
            changed = true;
        }
        match self.repo.data_version() {
            Ok(v) if v != self.data_version => {
                self.data_version = v;
                match self.repo.identity_changed() {
                    Ok(true) => self.database_replaced(),
                    Ok(false) => self.outside_change(),
                    // Writes check the identity themselves (and refuse if it changed); the
                    // reload still shows what is there now.
                    Err(e) => {
                        self.outside_change();
                        self.status.error(e);
                    }
                }
                changed = true;
            }
            Ok(_) => {}
            Err(e) => {
                self.status.error(e);
                changed = true;
            }
        }
        changed
    }

    /// Draws the whole screen from the panes' caches.
    pub fn draw(&mut self, frame: &mut Frame) {
        super::mouse::begin_frame();
        let area = frame.area();
        self.too_small = area.width < MIN_WIDTH || area.height < MIN_HEIGHT;
        if self.too_small {
            self.draw_too_small(frame, area);
            return;
        }
        let tabs = Rect { height: 1, ..area };
        // A long status message takes the lines it needs (up to 2, or 3 from 24 rows on).
        let said = match &self.date_prompt {
            Some(_) => Vec::new(),
            None => self.status_lines(area),
        };
        let status_h = u16::try_from(said.len().max(1)).unwrap_or(1);
        let body = Rect {
            y: area.y + 1,
            height: area.height - 2 - status_h,
            ..area
        };
        let status = Rect {
            y: area.bottom() - 1 - status_h,
            height: status_h,
            ..area
        };
        let footer = Rect {
            y: area.bottom() - 1,
            height: 1,
            ..area
        };
        self.draw_tabs(frame, tabs);
        self.panes.get_mut(self.current).render(frame, body);
        match &self.date_prompt {
            Some(p) => self.draw_date_prompt(frame, status, p),
            None => self.draw_status(frame, status, &said),
        }
        self.draw_footer(frame, footer);
        if let Some(m) = self.manager.as_mut() {
            m.render(frame, body);
        }
        if let Some(s) = self.search.as_mut() {
            s.render(frame, body);
        }
        if self.row_history.is_some() {
            self.draw_row_history(frame, body);
        }
        if let Some(scroll) = self.help {
            self.draw_help(frame, body, scroll);
        }
    }

    fn draw_too_small(&self, frame: &mut Frame, area: Rect) {
        if area.width == 0 || area.height == 0 {
            return;
        }
        let msg = format!(
            "terminal too small: {}×{}, worklog needs {MIN_WIDTH}×{MIN_HEIGHT}",
            area.width, area.height
        );
        let lines: Vec<Line> = wrap_words(&msg, usize::from(area.width))
            .into_iter()
            .take(usize::from(area.height))
            .map(|l| Line::from(Span::styled(l, self.theme.warning())))
            .collect();
        let h = u16::try_from(lines.len()).unwrap_or(area.height);
        let rect = Rect {
            y: area.y + (area.height - h) / 2,
            height: h,
            ..area
        };
        frame.render_widget(Paragraph::new(lines), rect);
    }

    /// Notes where each tab label is (spans: a space, then a label and a space per pane).
    fn note_tabs(rect: Rect, spans: &[Span]) {
        let mut x = rect.x;
        let mut hits = Vec::new();
        for (i, s) in spans.iter().enumerate() {
            let w = u16::try_from(width(&s.content)).unwrap_or(u16::MAX);
            if i % 2 == 1
                && let Some(&pane) = PaneId::ALL.get(i / 2)
            {
                hits.push((x, x.saturating_add(w), pane));
            }
            x = x.saturating_add(w);
        }
        super::mouse::tabs(hits);
    }

    fn draw_tabs(&self, frame: &mut Frame, rect: Rect) {
        let t = self.theme;
        let max = usize::from(rect.width);
        let tabs = |short: bool| {
            let mut spans = vec![Span::raw(" ")];
            for id in PaneId::ALL {
                let label = if short && id != self.current {
                    id.digit().to_string()
                } else {
                    format!("{} {}", id.digit(), self.panes.get(id).title())
                };
                let style = if id == self.current {
                    t.active()
                } else {
                    t.plain()
                };
                spans.push(Span::styled(label, style));
                spans.push(Span::raw(" "));
            }
            spans
        };
        let used = |spans: &[Span]| spans.iter().map(|s| width(&s.content)).sum::<usize>();
        // The organization filter shows on every pane: it hides people, skills and goals, and
        // a list that looks short for no reason is worse than a tab bar with less room.
        let org = self
            .organization
            .as_ref()
            .map(|o| format!(" only {} (O) ", truncate(&sanitize(&o.name), 20)));
        let Some(dir) = &self.demo else {
            let (brand, style) = match &org {
                Some(o) => (o.as_str(), t.warning()),
                None => (" worklog ", t.dim()),
            };
            // In a narrow terminal, or beside the organization filter, the other tabs give up
            // their names for their digits, so that every pane can still be seen.
            let full = tabs(false);
            let beside = if org.is_some() { width(brand) } else { 0 };
            let mut spans = if used(&full) + beside <= max {
                full
            } else {
                tabs(true)
            };
            let w = used(&spans);
            if max >= w + width(brand) {
                spans.push(Span::raw(" ".repeat(max - w - width(brand))));
                spans.push(Span::styled(brand, style));
            }
            Self::note_tabs(rect, &spans);
            frame.render_widget(Paragraph::new(Line::from(spans)), rect);
            return;
        };
        // A demo says so before anything else: the tabs give up their names (but the
        // current one's) when the note would not fit beside them, and a long directory
        // keeps its end, the part that tells one demo from another.
        let head = match &org {
            Some(o) => format!("{} · DEMO · throwaway data in ", o.trim_end()),
            None => " DEMO · throwaway data in ".to_string(),
        };
        let head = head.as_str();
        let path = sanitize(&dir.display().to_string()).into_owned();
        let full = tabs(false);
        let mut spans = if max > used(&full) + width(head) + width(&path) {
            full
        } else {
            tabs(true)
        };
        let room = max.saturating_sub(used(&spans) + width(head) + 1);
        let shown = if width(&path) <= room {
            path
        } else {
            let tail: String = {
                let mut chars: Vec<char> = Vec::new();
                let mut w = 0;
                for c in path.chars().rev() {
                    let cw = width(&c.to_string());
                    if w + cw + 1 > room {
                        break;
                    }
                    w += cw;
                    chars.push(c);
                }
                chars.into_iter().rev().collect()
            };
            format!("…{tail}")
        };
        Self::note_tabs(rect, &spans);
        let note = format!("{head}{shown} ");
        let w = used(&spans);
        if max > w {
            spans.push(Span::raw(" ".repeat(max.saturating_sub(w + width(&note)))));
            spans.push(Span::styled(note, t.warning()));
        }
        frame.render_widget(Paragraph::new(Line::from(spans)), rect);
    }

    /// The date prompt over the status line, with the forms it reads.
    fn draw_date_prompt(&self, frame: &mut Frame, rect: Rect, input: &LineInput) {
        let t = self.theme;
        let label = " Go to date: ";
        let forms = "  yesterday · mon · 2026-11-03 · -3d";
        let typed = width(&sanitize(input.text())) + 1;
        let room = usize::from(rect.width)
            .saturating_sub(width(label) + width(forms))
            .max(12);
        let mut spans = vec![Span::styled(label, t.key())];
        spans.extend(input.spans(t.plain(), t.selected(), true, room));
        match &self.date_error {
            Some(e) => {
                let left = usize::from(rect.width).saturating_sub(width(label) + typed + 4);
                spans.push(Span::styled(
                    format!("  ✗ {}", truncate(&sanitize(e), left)),
                    t.error(),
                ));
            }
            None => spans.push(Span::styled(forms, t.dim())),
        }
        frame.render_widget(Paragraph::new(Line::from(spans)), rect);
    }

    /// The right end of the status line: the organization filter and the last backup.
    fn status_note(&self) -> (String, bool) {
        let (backup, warn) = self.status.backup_text(self.today);
        let note = match &self.organization {
            Some(o) => format!(" org {} · {backup} ", truncate(&sanitize(&o.name), 24)),
            None => format!(" {backup} "),
        };
        (note, warn)
    }

    /// The message of the status line in the lines it takes on `area` (none if no message).
    fn status_lines(&self, area: Rect) -> Vec<String> {
        let Some(m) = self.status.message() else {
            return Vec::new();
        };
        let max = if area.height >= 24 { 3 } else { 2 };
        let right_w = width(&self.status_note().0);
        status::message_lines(&sanitize(&m.text), usize::from(area.width), right_w, max)
    }

    /// The status line: the message in `said` (its lines, see [`Self::status_lines`]), the
    /// backup note at the right of the last line when there is room for it.
    fn draw_status(&self, frame: &mut Frame, rect: Rect, said: &[String]) {
        let t = self.theme;
        let (backup, warn) = self.status_note();
        let right_w = width(&backup);
        let cols = usize::from(rect.width);
        let style = match self.status.message().map(|m| m.level) {
            Some(Level::Warning) => t.warning(),
            Some(Level::Error) => t.error(),
            _ => t.success(),
        };
        let mut lines: Vec<Line> = said
            .iter()
            .map(|l| Line::from(vec![Span::raw(" "), Span::styled(l.clone(), style)]))
            .collect();
        let last_w = said.last().map_or(0, |l| width(l) + 1);
        if last_w + right_w <= cols {
            let pad = " ".repeat(cols - last_w - right_w);
            let note = Span::styled(backup, if warn { t.warning() } else { t.dim() });
            match lines.last_mut() {
                Some(l) => l.spans.extend([Span::raw(pad), note]),
                None => lines.push(Line::from(vec![Span::raw(pad), note])),
            }
        }
        frame.render_widget(Paragraph::new(lines), rect);
    }

    /// Key hints from the keymap: the pane's from the left, the global ones (help, quit,
    /// panes) at the right end. When they do not all fit, the most useful stay: help, the
    /// pane's own main verb (its first hint), add / edit / delete and the way out of a popup
    /// (close, cancel, back), quit; the rest (and the
    /// pane digits, which the tab bar shows anyway) go first. What stays keeps its order.
    fn draw_footer(&self, frame: &mut Frame, rect: Rect) {
        let t = self.theme;
        let max = usize::from(rect.width);
        let mut all = keymap::footer_by_context(&self.contexts());
        // Marking rows: the banner above the list names the verbs this pane's rows take (the
        // marking context has them all, and meetings are never "done").
        all.retain(|(_, _, c)| *c != Context::Selecting);
        let cost = |k: &str, h: &str| width(k) + 1 + width(h) + 2;
        let first_local = all
            .iter()
            .position(|(_, _, c)| !matches!(c, Context::Global | Context::Always));
        let rank = |i: usize, hint: &str, ctx: Context| -> u8 {
            match (ctx, hint) {
                (Context::Global | Context::Always, "help") => 0,
                _ if Some(i) == first_local => 1,
                (Context::Global | Context::Always, "quit") => 3,
                (Context::Global | Context::Always, _) => 5,
                // Marking rows is the least needed: it shows where there is room to spare.
                (Context::Selectable, _) => 6,
                (_, "add" | "edit" | "del" | "close" | "cancel" | "back") => 2,
                _ => 4,
            }
        };
        let mut order: Vec<usize> = (0..all.len()).collect();
        order.sort_by_key(|&i| (rank(i, all[i].1, all[i].2), i));
        let mut keep = vec![false; all.len()];
        let mut used = 1;
        for i in order {
            let (k, h, _) = &all[i];
            let w = cost(k, h);
            if used + w <= max {
                used += w;
                keep[i] = true;
            }
        }
        let is_global = |c: &Context| matches!(c, Context::Global | Context::Always);
        let mut spans = vec![Span::raw(" ")];
        let push = |spans: &mut Vec<Span>, keys: &str, hint: &str| {
            spans.push(Span::styled(keys.to_string(), t.key()));
            spans.push(Span::raw(format!(" {hint}  ")));
        };
        for (i, (keys, hint, c)) in all.iter().enumerate() {
            if keep[i] && !is_global(c) {
                push(&mut spans, keys, hint);
            }
        }
        spans.push(Span::raw(" ".repeat(max.saturating_sub(used))));
        for (i, (keys, hint, c)) in all.iter().enumerate() {
            if keep[i] && is_global(c) {
                push(&mut spans, keys, hint);
            }
        }
        frame.render_widget(Paragraph::new(Line::from(spans)), rect);
    }

    /// `H`: the history of the row under the cursor, in a popup.
    fn open_row_history(&mut self) {
        let Some(target) = self.panes.get(self.current).history_target() else {
            self.status
                .info("no row here to show the history of: move to a task, entry or meeting");
            return;
        };
        let (kind, id) = target.item();
        let filter = crate::model::HistoryFilter {
            item: Some((kind, id)),
            limit: Some(ROW_HISTORY_LIMIT),
            ..Default::default()
        };
        match self.repo.history(&filter) {
            Ok(entries) => {
                self.row_history = Some(RowHistory {
                    title: format!("{} {id}", what(kind)),
                    table: crate::db::history_table(kind),
                    key: format!("[{id}]"),
                    entries,
                    scroll: 0,
                })
            }
            Err(e) => self
                .status
                .error(format!("could not read the history: {e}")),
        }
    }

    fn draw_row_history(&mut self, frame: &mut Frame, area: Rect) {
        let t = self.theme;
        let Some(h) = self.row_history.as_mut() else {
            return;
        };
        let w = area.width.min(100);
        let text_w = usize::from(w.saturating_sub(2));
        let mut lines: Vec<Line> = Vec::new();
        if h.entries.is_empty() {
            lines.push(Line::from(Span::styled(
                "No change to it is recorded (the history starts with this version of worklog, \
                 or was pruned).",
                t.dim(),
            )));
        }
        for e in &h.entries {
            let head = format!(
                "{}  {}",
                crate::db::history_when(&e.at),
                sanitize(&e.summary)
            );
            lines.push(Line::from(vec![
                Span::styled(format!("#{} ", e.id), t.dim()),
                Span::styled(
                    truncate(&head, text_w.saturating_sub(8)).into_owned(),
                    t.bold(),
                ),
            ]));
            // The row's own fields; what the change wrote elsewhere (its tag links, a
            // person made on the spot) in one line.
            let (own, other): (Vec<_>, Vec<_>) = e
                .rows
                .iter()
                .partition(|r| r.table == h.table && r.key == h.key);
            for row in own.iter().filter(|r| r.action == "changed") {
                for f in &row.fields {
                    let text = format!(
                        "    {}: {} → {}",
                        sanitize(&f.field),
                        shown_value(f.old.as_deref()),
                        shown_value(f.new.as_deref())
                    );
                    lines.push(Line::from(truncate(&text, text_w).into_owned()));
                }
            }
            if !other.is_empty() {
                let n = other.len();
                let text = format!(
                    "    and {n} linked row{} ({})",
                    if n == 1 { "" } else { "s" },
                    linked_tables(&other)
                );
                lines.push(Line::from(Span::styled(
                    truncate(&text, text_w).into_owned(),
                    t.dim(),
                )));
            }
        }
        let popup = Rect {
            x: area.x + (area.width - w) / 2,
            width: w,
            ..area
        };
        let inner_h = usize::from(area.height.saturating_sub(2));
        h.scroll = h.scroll.min(lines.len().saturating_sub(inner_h));
        frame.render_widget(Clear, popup);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(t.focus())
            .title(Span::styled(
                format!(" History · {} · Esc closes ", h.title),
                t.title(),
            ));
        frame.render_widget(
            Paragraph::new(lines)
                .block(block)
                .scroll((u16::try_from(h.scroll).unwrap_or(u16::MAX), 0)),
            popup,
        );
    }

    fn draw_help(&mut self, frame: &mut Frame, area: Rect, scroll: usize) {
        let t = self.theme;
        let contexts = keymap::active(self.panes.get(self.current).hints());
        let w = area.width.min(100);
        // Keys in a column, what they do wrapped beside it, so nothing is cut at 80 columns.
        let key_w = 16usize;
        let text_w = usize::from(w.saturating_sub(2))
            .saturating_sub(key_w)
            .max(10);
        let mut lines: Vec<Line> = wrap_words(
            "This screen's keys, what its marks mean, then the keys shared by every pane. Esc closes.",
            usize::from(w.saturating_sub(2)),
        )
        .into_iter()
        .map(|l| Line::from(Span::styled(l, t.dim())))
        .collect();
        let row = |lines: &mut Vec<Line>, key: String, key_style, text: &str| {
            for (i, part) in wrap_words(text, text_w).into_iter().enumerate() {
                let k = if i == 0 { key.clone() } else { String::new() };
                lines.push(Line::from(vec![
                    Span::styled(format!("  {:<width$}", k, width = key_w - 2), key_style),
                    Span::raw(part),
                ]));
            }
        };
        // The pane's own keys, then what its marks mean, then the keys every list and every
        // pane share.
        // (Not over a form or a popup, whose keys are not about the list's marks.)
        let marks = crate::tui::legend::legend(self.current);
        let mut legend_shown = marks.is_empty() || contexts.first().is_some_and(|c| c.is_modal());
        for (ctx, rows) in keymap::help(&contexts) {
            // A key another section takes here is not listed under this one: the help shows
            // what each key does now, not the table behind it.
            let rows: Vec<_> = rows.into_iter().filter(|r| !r.live.is_empty()).collect();
            if rows.is_empty() {
                continue;
            }
            lines.push(Line::from(""));
            lines.push(Line::from(Span::styled(ctx.title(), t.title())));
            for r in rows {
                row(&mut lines, r.live, t.key(), r.help);
            }
            if !legend_shown {
                legend_shown = true;
                lines.push(Line::from(""));
                lines.push(Line::from(Span::styled("What the marks mean", t.title())));
                for (mark, meaning) in marks {
                    row(&mut lines, (*mark).to_string(), t.bold(), meaning);
                }
            }
        }
        let h = area.height;
        let popup = Rect {
            x: area.x + (area.width - w) / 2,
            width: w,
            height: h,
            ..area
        };
        let inner_h = usize::from(h.saturating_sub(2));
        let max_scroll = lines.len().saturating_sub(inner_h);
        let scroll = scroll.min(max_scroll);
        self.help = Some(scroll);
        frame.render_widget(Clear, popup);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(t.focus())
            .title(Span::styled(
                format!(" Keys · {} ", self.panes.get(self.current).title()),
                t.title(),
            ));
        frame.render_widget(
            Paragraph::new(lines)
                .block(block)
                .scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0)),
            popup,
        );
    }
}

/// At most this many changes in a row's history popup (the newest).
const ROW_HISTORY_LIMIT: usize = 200;

/// The `H` popup: one row's changes, newest first.
struct RowHistory {
    title: String,
    /// The row's table and key, as the history names them.
    table: &'static str,
    key: String,
    entries: Vec<crate::model::HistoryEntry>,
    scroll: usize,
}

/// What a row of a kind is called in the popup's title.
fn what(kind: crate::model::Deletable) -> &'static str {
    use crate::model::Deletable as D;
    match kind {
        D::Task => "task",
        D::Learning => "journal entry",
        D::Skill => "skill",
        D::Meeting => "meeting",
        D::ActionItem => "action item",
        D::Goal => "goal",
        D::Feedback => "feedback",
        D::Checkin => "check-in",
        D::Attachment => "attachment",
    }
}

/// The tables of a change's other rows, in words: "task_tags" is "tags".
fn linked_tables(rows: &[&crate::model::HistoryRow]) -> String {
    let mut names: Vec<String> = Vec::new();
    for r in rows {
        let name = r
            .table
            .rsplit_once('_')
            .map_or(r.table.as_str(), |(_, last)| last)
            .to_string();
        if !names.contains(&name) {
            names.push(name);
        }
    }
    sanitize(&names.join(", ")).into_owned()
}

/// A field's value in the popup: in quotes, on one line, "—" for none.
fn shown_value(v: Option<&str>) -> String {
    match v {
        None => "—".into(),
        Some(s) => format!("\"{}\"", sanitize(&s.replace(['\n', '\r', '\t'], " "))),
    }
}

/// Splits text into lines of at most `max` columns at spaces (cutting words that do not fit).
fn wrap_words(text: &str, max: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut cur = String::new();
    for word in text.split(' ') {
        let need = if cur.is_empty() {
            width(word)
        } else {
            width(&cur) + 1 + width(word)
        };
        if need <= max {
            if !cur.is_empty() {
                cur.push(' ');
            }
            cur.push_str(word);
        } else {
            if !cur.is_empty() {
                lines.push(std::mem::take(&mut cur));
            }
            cur = truncate(word, max).into_owned();
        }
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

/// Stops the process as Ctrl-Z in a cooked terminal would (SIGTSTP), returning when it is
/// continued. In an orphaned process group (no shell to continue it) the kernel drops the
/// signal, and this returns at once.
fn stop_self() {
    let _ = nix::sys::signal::raise(nix::sys::signal::Signal::SIGTSTP);
}

/// True once standard input is no longer a terminal. After a hang-up the kernel answers every
/// terminal request on it with EIO, so `isatty` turns false. Crossterm's event source is built
/// with `use-dev-tty` (see Cargo.toml) so that `event::poll` still returns at its timeout on a
/// dead terminal and this check gets to run.
fn terminal_gone() -> bool {
    use std::io::IsTerminal;
    !std::io::stdin().is_terminal()
}

/// Runs the loop until the user quits or `stop` is set (SIGTERM, SIGHUP). Open forms are
/// saved as drafts before returning, whatever the reason.
pub fn run_loop<B: ratatui::backend::Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    stop: &AtomicBool,
) -> anyhow::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    let result = event_loop(terminal, app, stop);
    if !app.should_quit() {
        app.save_drafts();
    }
    result
}

fn event_loop<B: ratatui::backend::Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    stop: &AtomicBool,
) -> anyhow::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    terminal.draw(|f| app.draw(f))?;
    let mut last_tick = Instant::now();
    loop {
        if stop.load(Ordering::Relaxed) {
            app.save_drafts();
            return Ok(());
        }
        if app.should_quit() {
            return Ok(());
        }
        // Idle: read one pane the user is not looking at whose cache is not current, so that
        // switching to it later draws at once. One pane at a time, and only while no key
        // waits: a key typed meanwhile waits for at most one pane's read.
        while !event::poll(Duration::ZERO)? && app.prefetch_one() {}
        let timeout = TICK.saturating_sub(last_tick.elapsed());
        let mut redraw = false;
        if event::poll(timeout)? {
            let ev = event::read()?;
            redraw |= app.handle_event(&ev);
        }
        if app.take_suspend() {
            // The terminal goes back to the shell (raw mode off, mouse released, the normal
            // screen), then the process stops as a job does; after `fg` it is taken again.
            if let Err(e) = super::suspended(stop_self) {
                app.status
                    .error(format!("could not take the terminal back: {e}"));
            }
            let size = terminal.size()?;
            terminal.resize(Rect::new(0, 0, size.width, size.height))?;
            redraw = true;
        }
        if app.editor_wanted() {
            if let Err(e) = super::suspended(|| app.run_editor()) {
                app.status
                    .error(format!("could not take the terminal back: {e}"));
            }
            // The editor drew over everything: clear and draw every cell again. (Not
            // `Terminal::clear`, which asks the terminal where its cursor is: over a slow SSH
            // link, or in a terminal that does not answer, that fails the whole app.)
            let size = terminal.size()?;
            terminal.resize(Rect::new(0, 0, size.width, size.height))?;
            redraw = true;
        }
        if last_tick.elapsed() >= TICK {
            last_tick = Instant::now();
            if terminal_gone() {
                // The terminal hung up (an SSH session dropped, a tmux pane was killed) and no
                // SIGHUP reached us: keep what was typed and stop, rather than run on unseen.
                app.save_drafts();
                return Ok(());
            }
            redraw |= app.tick();
        }
        if redraw && !app.should_quit() && !stop.load(Ordering::Relaxed) {
            terminal.draw(|f| app.draw(f))?;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_wrap_within_width() {
        let lines = wrap_words("terminal too small: 10×3, worklog needs 80×24", 12);
        assert!(lines.iter().all(|l| width(l) <= 12), "{lines:?}");
        assert_eq!(
            wrap_words("abc", 0),
            vec!["".to_string()]
                .into_iter()
                .filter(|_| false)
                .collect::<Vec<_>>()
        );
    }
}
