//! Attachments in a detail view (issue 14): the list of an item's files, `A` to attach one by
//! path (a prompt with Tab completion), `F` to open one and `X` to detach one (`u` undoes).
//!
//! A detail view keeps an [`Attached`] beside what it shows: its `reload` calls
//! [`Attached::load`] (the only read), its render draws [`Attached::lines`] and
//! [`Attached::render_prompt`] from that cache, and its key handling gives the modal keys to
//! [`Attached::handle_key`] first and the [`AttachAction`]s to [`Attached::act`].
//! Attaching and opening are the library's (`crate::attachments`), as `worklog attach` and
//! `worklog open` do them.

use super::keymap::{self, Action, AttachAction, AttachPickAction, AttachPromptAction, Context};
use super::line_input::{Edit, LineInput};
use super::panes::{Ctx, Outcome};
use super::theme::Theme;
use crate::attachments::{self, Opened};
use crate::backup::human_size;
use crate::db::Repo;
use crate::model::{AttachOwner, Attachment, Id};
use crate::text::{sanitize, truncate, width};
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use std::path::{Path, PathBuf};

/// The contexts of the path prompt and of "which one?".
const PROMPT: &[Context] = &[Context::AttachPrompt];
const PICK: &[Context] = &[Context::AttachPick];

/// What a digit picks after `F` or `X` on an item with several files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Picking {
    Open,
    Detach,
}

/// Typing the path of a file to attach.
#[derive(Debug, Default)]
struct PathPrompt {
    input: LineInput,
    /// What Tab found when it could not complete further: names in the folder typed.
    candidates: Vec<String>,
}

/// One item's attachments, read by [`Attached::load`], and the prompt or question open on them.
#[derive(Debug, Default)]
pub struct Attached {
    owner: Option<(AttachOwner, Id)>,
    /// The item's attachments (not detached), oldest first.
    pub rows: Vec<Attachment>,
    prompt: Option<PathPrompt>,
    picking: Option<Picking>,
}

impl Attached {
    /// Reads the attachments of `owner` `id` (the view's `reload`). Another item than before
    /// drops an open prompt or question.
    pub fn load(&mut self, repo: &Repo, owner: AttachOwner, id: Id) -> anyhow::Result<()> {
        if self.owner != Some((owner, id)) {
            self.prompt = None;
            self.picking = None;
        }
        self.owner = Some((owner, id));
        self.rows = repo.attachments_of(owner, id)?;
        Ok(())
    }

    /// Follows a list's selection: reads the attachments of `owner` `id` when the selection
    /// moved to another item (one indexed query), or always with `again` (after a reload).
    /// No item selected: holds nothing. A failed read is tried again next time.
    pub fn follow(
        &mut self,
        repo: &Repo,
        owner: AttachOwner,
        id: Option<Id>,
        again: bool,
    ) -> anyhow::Result<()> {
        match id {
            None => *self = Attached::default(),
            Some(id) if !again && self.owner == Some((owner, id)) => {}
            Some(id) => {
                if let Err(e) = self.load(repo, owner, id) {
                    self.owner = None;
                    return Err(e);
                }
            }
        }
        Ok(())
    }

    /// The item whose attachments are held, if any.
    pub fn item(&self) -> Option<Id> {
        self.owner.map(|(_, id)| id)
    }

    /// The contexts in force while the prompt or the question is open (modal), else `None`.
    pub fn contexts(&self) -> Option<&'static [Context]> {
        if self.prompt.is_some() {
            Some(PROMPT)
        } else if self.picking.is_some() {
            Some(PICK)
        } else {
            None
        }
    }

    /// True while the prompt or the question takes the keys.
    pub fn is_open(&self) -> bool {
        self.contexts().is_some()
    }

    /// Bracketed paste into the path prompt; false if it is not open.
    pub fn paste(&mut self, text: &str) -> bool {
        match self.prompt.as_mut() {
            Some(p) => {
                p.input.paste(text);
                p.candidates.clear();
                true
            }
            None => false,
        }
    }

    /// A key while the prompt or the question is open (see [`Attached::is_open`]).
    pub fn handle_key(&mut self, key: &KeyEvent, ctx: &mut Ctx) -> Outcome {
        let Some(contexts) = self.contexts() else {
            return Outcome::Ignored;
        };
        let action = keymap::resolve(contexts, key).map(|b| b.action);
        match action {
            Some(Action::AttachPrompt(a)) => self.prompt_act(a, ctx),
            Some(Action::AttachPick(a)) => self.pick_act(a, ctx),
            _ => {
                if let Some(p) = self.prompt.as_mut()
                    && p.input.input(key) == Edit::Changed
                {
                    p.candidates.clear();
                }
                // A modal question: any other key is its own, never a command behind it.
                Outcome::Handled
            }
        }
    }

    /// `A`, `F` or `X` on the detail view.
    pub fn act(&mut self, action: AttachAction, ctx: &mut Ctx) -> Outcome {
        match action {
            AttachAction::Attach => {
                if ctx.data_dir.is_none() {
                    ctx.status
                        .error("attaching needs the data directory, which this session has not");
                    return Outcome::Handled;
                }
                self.prompt = Some(PathPrompt::default());
                Outcome::Handled
            }
            AttachAction::Open => self.choose(Picking::Open, ctx),
            AttachAction::Detach => self.choose(Picking::Detach, ctx),
        }
    }

    /// Acts on the only attachment, or asks which one (a digit) when there are several.
    fn choose(&mut self, what: Picking, ctx: &mut Ctx) -> Outcome {
        match self.rows.len() {
            0 => {
                ctx.status.info(format!(
                    "nothing is attached here; {} attaches a file",
                    keymap::keys_of(Action::Attachments(AttachAction::Attach))
                ));
                Outcome::Handled
            }
            1 => self.apply(what, 0, ctx),
            _ => {
                self.picking = Some(what);
                Outcome::Handled
            }
        }
    }

    fn pick_act(&mut self, action: AttachPickAction, ctx: &mut Ctx) -> Outcome {
        let Some(what) = self.picking.take() else {
            return Outcome::Handled;
        };
        match action {
            AttachPickAction::Cancel => Outcome::Handled,
            AttachPickAction::Pick(n) => {
                let i = usize::from(n).saturating_sub(1);
                if i >= self.rows.len() {
                    ctx.status
                        .info(format!("there is no attachment {n} here; nothing was done"));
                    return Outcome::Handled;
                }
                self.apply(what, i, ctx)
            }
        }
    }

    fn apply(&mut self, what: Picking, i: usize, ctx: &mut Ctx) -> Outcome {
        let Some(a) = self.rows.get(i) else {
            return Outcome::Handled;
        };
        let name = truncate(&sanitize(&a.name), 40).into_owned();
        match what {
            Picking::Open => {
                let Some(dir) = ctx.data_dir else {
                    ctx.status
                        .error("opening needs the data directory, which this session has not");
                    return Outcome::Handled;
                };
                match attachments::open(dir, ctx.repo, a.id) {
                    Ok(Opened::Launched(_)) => ctx.status.info(format!("opened {name}")),
                    // The path first: it is what a session over SSH needs to see.
                    Ok(Opened::Path(path)) => ctx.status.info(format!("copy at {}", shown(&path))),
                    Ok(Opened::LaunchFailed { path, why }) => ctx
                        .status
                        .warn(format!("{why}; {name} is at {}", shown(&path))),
                    Err(e) => ctx.status.error(one_line(&e)),
                }
                Outcome::Handled
            }
            Picking::Detach => match ctx.repo.detach(a.id) {
                Ok(_) => {
                    ctx.status.info(format!("detached {name} — u to undo"));
                    Outcome::Wrote
                }
                Err(e) => {
                    ctx.status.error(e);
                    Outcome::Handled
                }
            },
        }
    }

    fn prompt_act(&mut self, action: AttachPromptAction, ctx: &mut Ctx) -> Outcome {
        let Some(p) = self.prompt.as_mut() else {
            return Outcome::Handled;
        };
        match action {
            AttachPromptAction::Cancel => {
                self.prompt = None;
                Outcome::Handled
            }
            AttachPromptAction::Complete => {
                let done = complete(p.input.text(), home().as_deref());
                if done.text != p.input.text() {
                    // The name as it is on disk, so that Enter finds that file.
                    p.input.set_text_verbatim(&done.text);
                }
                p.candidates = done.candidates;
                Outcome::Handled
            }
            AttachPromptAction::Attach => {
                let typed = p.input.text().trim().to_string();
                if typed.is_empty() {
                    self.prompt = None;
                    return Outcome::Handled;
                }
                match self.attach(&typed, ctx) {
                    Ok(a) => {
                        self.prompt = None;
                        ctx.status.info(format!(
                            "attached {} ({}, {}) — u to undo",
                            truncate(&sanitize(&a.name), 40),
                            human_size(a.size),
                            truncate(&sanitize(&a.media_type), 30)
                        ));
                        Outcome::Wrote
                    }
                    Err(e) => {
                        // The prompt stays with what was typed, to be corrected.
                        ctx.status.error(one_line(&e));
                        Outcome::Handled
                    }
                }
            }
        }
    }

    /// Stores the file and records it, as `worklog attach` does.
    fn attach(&self, typed: &str, ctx: &mut Ctx) -> anyhow::Result<Attachment> {
        let (owner, id) = self
            .owner
            .ok_or_else(|| anyhow::anyhow!("nothing to attach to"))?;
        let dir = ctx
            .data_dir
            .ok_or_else(|| anyhow::anyhow!("attaching needs the data directory"))?;
        let path = expand(typed, home().as_deref());
        let max = crate::config::current().attachment_max_size;
        attachments::admissible(&path, max)?;
        let new = attachments::prepare(dir, &path, max)?;
        let mut added = ctx.repo.add_attachments(owner, id, &[new])?;
        added
            .pop()
            .ok_or_else(|| anyhow::anyhow!("nothing was attached"))
    }

    /// The "Attachments" section of a detail view, at most `width` columns a line: a title
    /// and one numbered line a file (name, size, media type), all sanitized.
    pub fn lines(&self, width_cols: u16, t: Theme) -> Vec<Line<'static>> {
        let w = usize::from(width_cols);
        let keys = |a: AttachAction| keymap::keys_of(Action::Attachments(a));
        let mut out = Vec::with_capacity(self.rows.len() + 1);
        if self.rows.is_empty() {
            out.push(Line::from(Span::styled(
                truncate(
                    &format!(
                        "No attachments. {} attaches a file.",
                        keys(AttachAction::Attach)
                    ),
                    w,
                )
                .into_owned(),
                t.dim(),
            )));
            return out;
        }
        let title = format!(
            "Attachments · {} · {} open · {} detaches",
            self.rows.len(),
            keys(AttachAction::Open),
            keys(AttachAction::Detach)
        );
        out.push(Line::from(Span::styled(
            truncate(&title, w).into_owned(),
            t.title(),
        )));
        // A narrow panel (a Details column, half a page) keeps its room for the names: no
        // media type there.
        let kind_room = if w >= 100 {
            48
        } else if w >= 60 {
            24
        } else {
            0
        };
        let kinds: Vec<String> = self
            .rows
            .iter()
            .map(|a| truncate(&sanitize(&a.media_type), kind_room).into_owned())
            .collect();
        let kind_w = kinds.iter().map(|k| width(k)).max().unwrap_or(0);
        for (i, (a, kind)) in self.rows.iter().zip(kinds).enumerate() {
            let size = human_size(a.size);
            let number = if i < 9 {
                format!("{} ", i + 1)
            } else {
                "  ".to_string()
            };
            let kind_pad = " ".repeat(kind_w.saturating_sub(width(&kind)));
            let tail = if kind_w == 0 {
                format!("  {size:>9}")
            } else {
                format!("  {size:>9}  {kind}{kind_pad}")
            };
            let room = w.saturating_sub(width(&number) + width(&tail)).max(8);
            let name = truncate(&sanitize(&a.name), room).into_owned();
            let pad = room.saturating_sub(width(&name));
            out.push(Line::from(vec![
                Span::styled(number, t.key()),
                Span::raw(format!("{name}{}", " ".repeat(pad))),
                Span::styled(tail, t.dim()),
            ]));
        }
        out.iter_mut().for_each(|l| {
            if l.width() > w {
                *l = Line::from(truncate(&l.to_string(), w).into_owned());
            }
        });
        out
    }

    /// The prompt (and what Tab found) or the question, over the bottom of `area`.
    pub fn render_prompt(&self, frame: &mut Frame, area: Rect, t: Theme) {
        if area.height < 2 || area.width < 10 {
            return;
        }
        let w = usize::from(area.width);
        let mut lines: Vec<Line> = Vec::new();
        if let Some(p) = &self.prompt {
            let room = usize::from(area.height).saturating_sub(2).min(8);
            let shown: Vec<&String> = p.candidates.iter().take(room).collect();
            if !shown.is_empty() {
                let more = p.candidates.len() - shown.len();
                for c in shown {
                    lines.push(Line::from(Span::styled(
                        truncate(&format!("  {}", sanitize(c)), w).into_owned(),
                        t.dim(),
                    )));
                }
                if more > 0 {
                    lines.push(Line::from(Span::styled(
                        format!("  … and {more} more"),
                        t.dim(),
                    )));
                }
            }
            let label = " Attach file: ";
            // The footer says the same; a narrow screen keeps the room for the path.
            let hint = if w >= 100 {
                "  Tab completes · Enter attaches · Esc cancels"
            } else {
                ""
            };
            let room = w.saturating_sub(width(label) + width(hint)).max(12);
            let mut spans = vec![Span::styled(label, t.key())];
            spans.extend(p.input.spans(t.plain(), t.selected(), true, room));
            spans.push(Span::styled(hint, t.dim()));
            lines.push(Line::from(spans));
        } else if let Some(what) = self.picking {
            let verb = match what {
                Picking::Open => "Open",
                Picking::Detach => "Detach",
            };
            let last = self.rows.len().min(9);
            lines.push(Line::from(vec![
                Span::styled(format!(" {verb} which attachment? "), t.key()),
                Span::styled(format!("1-{last} · Esc cancels"), t.dim()),
            ]));
        } else {
            return;
        }
        let h = u16::try_from(lines.len())
            .unwrap_or(u16::MAX)
            .min(area.height);
        let rect = Rect {
            y: area.y + area.height - h,
            height: h,
            ..area
        };
        frame.render_widget(Clear, rect);
        frame.render_widget(Paragraph::new(lines), rect);
    }
}

/// An error as one line (an `anyhow` chain joined, never a backtrace).
fn one_line(e: &anyhow::Error) -> String {
    let text = format!("{e:#}");
    sanitize(text.lines().next().unwrap_or_default()).into_owned()
}

fn shown(path: &Path) -> String {
    sanitize(&path.display().to_string()).into_owned()
}

fn home() -> Option<PathBuf> {
    std::env::var_os("HOME")
        .filter(|h| !h.is_empty())
        .map(PathBuf::from)
}

/// The path typed, with a leading `~` (alone or before `/`) for the home folder.
pub fn expand(typed: &str, home: Option<&Path>) -> PathBuf {
    match (typed.strip_prefix('~'), home) {
        (Some(""), Some(h)) => h.to_path_buf(),
        (Some(rest), Some(h)) if rest.starts_with('/') => h.join(rest.trim_start_matches('/')),
        _ => PathBuf::from(typed),
    }
}

/// What Tab does to a typed path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    /// The path typed, completed as far as every match agrees (`~` kept as typed).
    pub text: String,
    /// When several names still match: all of them (folders with a trailing `/`), sorted.
    pub candidates: Vec<String>,
}

/// Completes the last part of `typed` against the folder it names: one match is completed
/// (a folder gets its `/`), several are completed to their common prefix and listed. Hidden
/// names match only a part that starts with a dot. An unreadable folder completes nothing.
pub fn complete(typed: &str, home: Option<&Path>) -> Completion {
    let (folder, part) = match typed.rfind('/') {
        Some(i) => (&typed[..=i], &typed[i + 1..]),
        None if typed == "~" => {
            return Completion {
                text: "~/".into(),
                candidates: Vec::new(),
            };
        }
        None => ("", typed),
    };
    let read_from = if folder.is_empty() {
        PathBuf::from(".")
    } else {
        expand(folder, home)
    };
    let mut names: Vec<(String, bool)> = std::fs::read_dir(&read_from)
        .map(|entries| {
            entries
                .flatten()
                .filter_map(|e| {
                    let name = e.file_name().into_string().ok()?;
                    let hidden_ok = part.starts_with('.') || !name.starts_with('.');
                    (hidden_ok && name.starts_with(part)).then(|| {
                        // A link to a folder completes as a folder.
                        let dir = std::fs::metadata(e.path()).is_ok_and(|m| m.is_dir());
                        (name, dir)
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    match names.as_slice() {
        [] => Completion {
            text: typed.to_string(),
            candidates: Vec::new(),
        },
        [(name, dir)] => Completion {
            text: format!("{folder}{name}{}", if *dir { "/" } else { "" }),
            candidates: Vec::new(),
        },
        many => {
            let first = &many[0].0;
            let mut common = first.len();
            for (n, _) in &many[1..] {
                common = first
                    .char_indices()
                    .zip(n.chars())
                    .take_while(|((_, a), b)| a == b)
                    .map(|((i, a), _)| i + a.len_utf8())
                    .last()
                    .unwrap_or(0)
                    .min(common);
            }
            Completion {
                text: format!("{folder}{}", &first[..common]),
                candidates: many
                    .iter()
                    .map(|(n, d)| format!("{n}{}", if *d { "/" } else { "" }))
                    .collect(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tilde_expands_alone_and_before_a_slash_only() {
        let h = Path::new("/home/ada");
        assert_eq!(expand("~", Some(h)), PathBuf::from("/home/ada"));
        assert_eq!(expand("~/a.pdf", Some(h)), PathBuf::from("/home/ada/a.pdf"));
        assert_eq!(expand("~bob/a", Some(h)), PathBuf::from("~bob/a"));
        assert_eq!(expand("/tmp/x", Some(h)), PathBuf::from("/tmp/x"));
    }
}
