//! Open forms saved when a session is cut off (SSH drop, SIGTERM, Ctrl-C), one JSON file per
//! pane, and given back the next time that pane opens the same form.
//!
//! The app keeps them in the XDG state directory, `$XDG_STATE_HOME/worklog/drafts/<data
//! dir>-<digest>/` (see `crate::paths::drafts_dir`): they are the app's state, not the user's
//! data, and have no place in a synced or backed-up data directory. Older versions kept them
//! in `<data dir>/drafts/`; those are moved on the first start, and any that could not be
//! moved (the state directory is on another disk that is full, a draft of the same form is
//! already there) are still read from where they are, so none is lost.

use super::form::FormDraft;
use super::pane_id::PaneId;
use crate::paths::{create_private_dir, create_private_file, with_path};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Default)]
pub struct Drafts {
    /// `None` keeps drafts nowhere (tests that do not care, benchmarks).
    dir: Option<PathBuf>,
    /// Where an older worklog kept them, still read while drafts remain there.
    legacy: Option<PathBuf>,
}

impl Drafts {
    /// Drafts under `data_dir/drafts` (tests and embedding; the app uses [`Drafts::in_state_dir`]).
    pub fn in_data_dir(data_dir: Option<PathBuf>) -> Self {
        Drafts {
            dir: data_dir.map(|d| d.join("drafts")),
            legacy: None,
        }
    }

    /// The drafts of the app on `data_dir`, in the state directory, after moving there those
    /// an older worklog left in `data_dir/drafts`. Returns a warning for each that stays
    /// behind (it is still found there). Without a home directory to put the state directory
    /// in, drafts stay in the data directory.
    pub fn in_state_dir(data_dir: &Path) -> (Self, Vec<String>) {
        let old = data_dir.join("drafts");
        let Some(dir) = crate::paths::drafts_dir(data_dir) else {
            return (
                Drafts::in_data_dir(Some(data_dir.to_path_buf())),
                Vec::new(),
            );
        };
        let warnings = move_drafts(&old, &dir);
        let drafts = Drafts {
            dir: Some(dir),
            legacy: Some(old),
        };
        (drafts, warnings)
    }

    /// The draft files of `name`: the current place first, then the old one.
    fn candidates(&self, name: &str) -> Vec<PathBuf> {
        [&self.dir, &self.legacy]
            .into_iter()
            .flatten()
            .map(|d| d.join(format!("{name}.json")))
            .collect()
    }

    fn file_named(&self, name: &str) -> Option<PathBuf> {
        self.dir.as_ref().map(|d| d.join(format!("{name}.json")))
    }

    /// Writes the draft (mode 0600), replacing an older one for the pane.
    pub fn save(&self, pane: PaneId, draft: &FormDraft) -> io::Result<Option<PathBuf>> {
        self.save_named(pane.slug(), draft)
    }

    /// [`Drafts::save`] for a form that belongs to no pane (a popup), under its own name.
    pub fn save_named(&self, name: &str, draft: &FormDraft) -> io::Result<Option<PathBuf>> {
        let (Some(dir), Some(path)) = (&self.dir, self.file_named(name)) else {
            return Ok(None);
        };
        create_private_dir(dir)?;
        let tmp = path.with_extension("json.tmp");
        create_private_file(&tmp)?;
        let json = serde_json::to_vec_pretty(draft).map_err(io::Error::other)?;
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .truncate(true)
            .open(&tmp)
            .map_err(|e| with_path(e, &tmp))?;
        f.write_all(&json).map_err(|e| with_path(e, &tmp))?;
        f.sync_all().map_err(|e| with_path(e, &tmp))?;
        std::fs::rename(&tmp, &path).map_err(|e| with_path(e, &path))?;
        Ok(Some(path))
    }

    /// The pane's draft if it was for `target`; the file is removed once taken.
    pub fn take(&self, pane: PaneId, target: &str) -> io::Result<Option<FormDraft>> {
        self.take_named(pane.slug(), target)
    }

    /// [`Drafts::take`] for a draft saved with [`Drafts::save_named`].
    pub fn take_named(&self, name: &str, target: &str) -> io::Result<Option<FormDraft>> {
        for path in self.candidates(name) {
            let bytes = match std::fs::read(&path) {
                Ok(b) => b,
                Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
                Err(e) => return Err(with_path(e, &path)),
            };
            let draft: FormDraft = serde_json::from_slice(&bytes)
                .map_err(|e| with_path(io::Error::other(e), &path))?;
            if draft.target != target {
                continue;
            }
            std::fs::remove_file(&path).map_err(|e| with_path(e, &path))?;
            return Ok(Some(draft));
        }
        Ok(None)
    }

    /// The draft waiting for a pane, without taking it.
    pub fn peek(&self, pane: PaneId) -> Option<FormDraft> {
        self.peek_named(pane.slug())
    }

    /// [`Drafts::peek`] for a draft saved with [`Drafts::save_named`].
    pub fn peek_named(&self, name: &str) -> Option<FormDraft> {
        self.candidates(name).into_iter().find_map(|path| {
            let bytes = std::fs::read(path).ok()?;
            serde_json::from_slice(&bytes).ok()
        })
    }

    /// Panes that have a draft waiting.
    pub fn pending(&self) -> Vec<PaneId> {
        PaneId::ALL
            .into_iter()
            .filter(|p| self.candidates(p.slug()).iter().any(|f| f.exists()))
            .collect()
    }
}

/// Moves every `*.json` draft from `old` into `new` (created 0700), each as a whole: renamed,
/// or on another file system copied, synced, renamed into place and only then removed. One
/// whose name is already taken in `new` stays in `old`. Returns a warning per draft left.
fn move_drafts(old: &Path, new: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(old) else {
        return Vec::new();
    };
    let mut warnings = Vec::new();
    for entry in entries.flatten() {
        let from = entry.path();
        if from.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let Some(name) = from.file_name() else {
            continue;
        };
        let to = new.join(name);
        if to.exists() {
            warnings.push(format!(
                "the draft {} stays where it is: {} already has one for the same form",
                from.display(),
                new.display()
            ));
            continue;
        }
        if let Err(e) = create_private_dir(new).and_then(|_| move_file(&from, &to)) {
            warnings.push(format!(
                "could not move the draft {} to {}: {e}; it stays where it is",
                from.display(),
                new.display()
            ));
        }
    }
    // The old folder goes once it is empty (remove_dir refuses otherwise).
    let _ = std::fs::remove_dir(old);
    warnings
}

fn move_file(from: &Path, to: &Path) -> io::Result<()> {
    crate::fault::point("drafts.move")?;
    match std::fs::rename(from, to) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::CrossesDevices => {
            let tmp = to.with_extension("json.tmp");
            create_private_file(&tmp)?;
            std::fs::copy(from, &tmp).map_err(|e| with_path(e, &tmp))?;
            std::fs::File::open(&tmp)
                .and_then(|f| f.sync_all())
                .map_err(|e| with_path(e, &tmp))?;
            std::fs::rename(&tmp, to).map_err(|e| with_path(e, to))?;
            std::fs::remove_file(from).map_err(|e| with_path(e, from))
        }
        Err(e) => Err(with_path(e, from)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::form::DraftValue;

    #[test]
    fn save_take_once_and_only_for_its_target() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let drafts = Drafts::in_data_dir(Some(dir.path().to_path_buf()));
        let d = FormDraft {
            target: "edit:7".into(),
            version: Some(3),
            values: vec![("title".into(), DraftValue::Text("half-typed".into()))],
        };
        let path = drafts.save(PaneId::Focus, &d).ok().flatten();
        assert!(path.is_some_and(|p| p.ends_with("drafts/focus.json")));
        assert_eq!(drafts.pending(), vec![PaneId::Focus]);
        assert!(drafts.take(PaneId::Focus, "new").ok().flatten().is_none());
        assert_eq!(drafts.take(PaneId::Focus, "edit:7").ok().flatten(), Some(d));
        assert!(drafts.pending().is_empty());
    }

    #[test]
    fn a_draft_whose_name_is_taken_in_the_new_place_stays_and_is_still_found() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let old = Drafts::in_data_dir(Some(dir.path().join("data")));
        let new = Drafts::in_data_dir(Some(dir.path().join("state")));
        let draft = |target: &str| FormDraft {
            target: target.into(),
            version: None,
            values: vec![("title".into(), DraftValue::Text(target.into()))],
        };
        assert!(old.save(PaneId::Focus, &draft("edit:1")).is_ok());
        assert!(old.save(PaneId::Journal, &draft("new")).is_ok());
        assert!(new.save(PaneId::Focus, &draft("edit:2")).is_ok());
        let warnings = move_drafts(
            &dir.path().join("data/drafts"),
            &dir.path().join("state/drafts"),
        );
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(dir.path().join("data/drafts/focus.json").exists());
        assert!(!dir.path().join("data/drafts/journal.json").exists());
        let both = Drafts {
            dir: Some(dir.path().join("state/drafts")),
            legacy: Some(dir.path().join("data/drafts")),
        };
        assert_eq!(both.pending(), vec![PaneId::Focus, PaneId::Journal]);
        let took = |pane, target: &str| both.take(pane, target).ok().flatten();
        assert_eq!(took(PaneId::Focus, "edit:2"), Some(draft("edit:2")));
        assert_eq!(took(PaneId::Focus, "edit:1"), Some(draft("edit:1")));
        assert_eq!(took(PaneId::Journal, "new"), Some(draft("new")));
        assert!(both.pending().is_empty());
    }
}
