//! The terminal UI.
//!
//! - [`app`]: the event loop and the frame around the panes (tabs, status line, footer, help).
//! - [`keymap`]: the one table of keys behind dispatch, footer and help.
//! - [`panes`]: the [`panes::Pane`] trait and one struct per pane.
//! - [`form`]: forms and pickers every pane uses; [`drafts`]: forms kept when a session dies.
//! - [`status`], [`theme`]: the status line and the styles (16 colours or `NO_COLOR`).

pub mod app;
pub mod attach;
pub mod backups;
pub mod drafts;
pub mod form;
pub mod history;
pub mod keymap;
pub mod legend;
pub mod line_input;
pub mod mouse;
pub mod paged;
pub mod pane_id;
pub mod panes;
pub mod status;
pub mod theme;
// $EDITOR and the people/tags/organizations popup (panes-a)
pub mod editor;
pub mod manage;
pub mod search;

use crate::clock::Clock;
use crate::paths::DataDir;
use app::App;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};
use std::io::{Stdout, Write, stdout};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use theme::Theme;

/// Runs the launch routine on the data directory (open, back up if migrating, migrate), then
/// the UI until the user quits; today's backup runs in the background meanwhile.
/// The app's page cache: the indexes and pages behind a window of rows per pane fit with room
/// to spare, and peak memory stays far below the 30 MiB the app allows itself at a million
/// rows (issue 10), where the default 64 MB would fill up over a session.
const UI_PAGE_CACHE_KIB: u32 = 8 * 1024;

pub fn run(dir: DataDir, clock: Arc<dyn Clock>) -> anyhow::Result<()> {
    run_with(dir, clock, false)
}

/// [`run`] on the throwaway sample data `worklog --demo` made in `dir`: the tab bar says so.
pub fn run_demo(dir: DataDir, clock: Arc<dyn Clock>) -> anyhow::Result<()> {
    run_with(dir, clock, true)
}

fn run_with(dir: DataDir, clock: Arc<dyn Clock>, demo: bool) -> anyhow::Result<()> {
    use std::io::IsTerminal;
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        anyhow::bail!("the app needs a terminal; for scripts see `worklog --help`");
    }
    let repo = crate::launch::open(&dir, clock.clone())?;
    repo.limit_page_cache(UI_PAGE_CACHE_KIB)?;
    // What a command would print as warnings (a directory others can read, a leftover file
    // that could not be removed) goes to the status line, unless it already says that an
    // interrupted session left a draft: the user's words come first (commands repeat these
    // warnings every time).
    let mut warnings = dir.permission_warnings();
    warnings.extend(crate::backup::remove_leftover_temps(&dir));
    // A failed detached daily backup (started by an earlier command) is reported once, here
    // as by a command. The app's own daily backup stays on a thread: it reports to the
    // status line when done, and shares the daily lock with the detached one.
    warnings.extend(crate::backup::take_daily_outcome(&dir));
    // Drafts live in the state directory; an older version's are moved there first.
    let (drafts, moved) = drafts::Drafts::in_state_dir(dir.root());
    warnings.extend(moved);
    let mut app = App::new(repo, Some(dir.clone()), Theme::from_env()).with_drafts(drafts);
    if demo {
        app = app.with_demo(dir.root().to_path_buf());
    }
    if !warnings.is_empty() && app.status.message().is_none() {
        app.status.warn(warnings.join("; "));
    }
    run_app(app.with_backups(backups::BackupWorker::new(dir, clock)))
}

/// Runs an app in the real terminal: raw mode and the alternate screen for its lifetime,
/// restored on return, on error and on panic; SIGTERM, SIGHUP and SIGINT save open forms as
/// drafts and end the loop. (In raw mode Ctrl-C is a key, so a SIGINT comes from another
/// process, `kill -INT` or a supervisor, and deserves the same care as SIGTERM.)
pub fn run_app(mut app: App) -> anyhow::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    for sig in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        // A second signal while the first is being handled ends the process at once.
        signal_hook::flag::register_conditional_shutdown(sig, 1, stop.clone())?;
        signal_hook::flag::register(sig, stop.clone())?;
    }
    let mut guard = TerminalGuard::enter()?;
    let result = app::run_loop(&mut guard.terminal, &mut app, &stop);
    drop(guard);
    result
}

/// Raw mode + alternate screen + bracketed paste (+ mouse capture) while alive; puts the terminal back when
/// dropped (also during unwinding) and from the panic hook.
struct TerminalGuard {
    terminal: Terminal<CrosstermBackend<FrameMarks<Stdout>>>,
}

impl TerminalGuard {
    fn enter() -> anyhow::Result<Self> {
        install_panic_hook();
        enable_raw_mode()?;
        let guard_on_error = RestoreOnDrop;
        execute!(stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
        capture_mouse()?;
        let terminal = Terminal::new(CrosstermBackend::new(FrameMarks::from_env(stdout())))?;
        std::mem::forget(guard_on_error);
        Ok(TerminalGuard { terminal })
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

/// The terminal's output, which, when `WORKLOG_FRAME_MARKS` is set (to anything non-empty),
/// writes [`FRAME_MARK`] at every flush. For the pty benchmark (`benches/tui_pty.rs`): ratatui
/// flushes once at the end of every draw, after the frame's last cell, so the mark tells the
/// reader of the pty that a frame is complete, exactly, with no guessing from a quiet period.
/// It costs one short write per frame and nothing when unset.
pub struct FrameMarks<W: Write> {
    inner: W,
    marks: bool,
}

/// An OSC sequence with a number no terminal uses: terminals (and vt100) ignore it.
pub const FRAME_MARK: &[u8] = b"\x1b]7777;worklog-frame\x07";

impl<W: Write> FrameMarks<W> {
    fn from_env(inner: W) -> Self {
        let marks = std::env::var_os("WORKLOG_FRAME_MARKS").is_some_and(|v| !v.is_empty());
        FrameMarks { inner, marks }
    }
}

impl<W: Write> Write for FrameMarks<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.inner.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.marks {
            self.inner.write_all(FRAME_MARK)?;
        }
        self.inner.flush()
    }
}

/// Restores the terminal if `enter` fails half-way.
struct RestoreOnDrop;

impl Drop for RestoreOnDrop {
    fn drop(&mut self) {
        restore_terminal();
    }
}

/// Turns mouse capture on unless the config file says `mouse = false`.
fn capture_mouse() -> std::io::Result<()> {
    if crate::config::current().mouse {
        execute!(stdout(), EnableMouseCapture)?;
    }
    Ok(())
}

/// Leaves raw mode and the alternate screen, releases the mouse and shows the cursor. Errors
/// are ignored: after an SSH drop there is no terminal left to restore. The mouse is released
/// whether or not it was captured, so a shell is never left with clicks turned into escapes.
pub fn restore_terminal() {
    let _ = disable_raw_mode();
    let _ = execute!(
        stdout(),
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
}

/// Runs `f` (an external editor) with the terminal handed back: out of raw mode and the
/// alternate screen, cursor shown; then takes it again. The caller redraws everything after.
pub fn suspended<T>(f: impl FnOnce() -> T) -> std::io::Result<T> {
    restore_terminal();
    let out = f();
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
    capture_mouse()?;
    Ok(out)
}

fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore_terminal();
            previous(info);
        }));
    });
}
