//! The session's undo and redo: every change a key made, in order (see
//! `crate::db::Change`). One list for the whole app, so `u` takes back the last change of any
//! kind, in whichever pane it was made.

use crate::db::{Change, Error, Repo};

/// At most this many changes are kept to undo (the oldest go first).
const KEEP: usize = 200;

/// One change with what it did, in the user's words.
#[derive(Debug, Clone)]
struct Step {
    what: String,
    change: Change,
}

#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
}

impl History {
    /// A new change: it can be undone, and what was undone before can no longer be redone.
    pub fn record(&mut self, change: Change) {
        let what = change.describe();
        self.undo.push(Step { what, change });
        if self.undo.len() > KEEP {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// Forgets everything (the database was replaced: the rows named are gone).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }

    /// What `u` would take back.
    pub fn next_undo(&self) -> Option<&str> {
        self.undo.last().map(|s| s.what.as_str())
    }

    /// Takes back the last change; the status line's words for what came of it (`None`:
    /// there is nothing to undo).
    pub fn undo(&mut self, repo: &Repo) -> Option<Result<String, String>> {
        let step = self.undo.pop()?;
        Some(match repo.revert(&step.change) {
            Ok(back) => {
                let text = format!("Undid: {} · Ctrl-R redoes", step.what);
                self.redo.push(Step {
                    what: step.what,
                    change: back,
                });
                Ok(text)
            }
            Err(e) => Err(refused("undo", &step.what, &e)),
        })
    }

    /// Makes the last undone change again.
    pub fn redo(&mut self, repo: &Repo) -> Option<Result<String, String>> {
        let step = self.redo.pop()?;
        Some(match repo.revert(&step.change) {
            Ok(again) => {
                let text = format!("Redid: {}", step.what);
                self.undo.push(Step {
                    what: step.what,
                    change: again,
                });
                Ok(text)
            }
            Err(e) => Err(refused("redo", &step.what, &e)),
        })
    }
}

fn refused(verb: &str, what: &str, e: &Error) -> String {
    match e {
        Error::Conflict { .. } => format!(
            "could not {verb} ({what}): it was changed since, here or in another session; \
             nothing was changed"
        ),
        e => format!("could not {verb} ({what}): {e}"),
    }
}
