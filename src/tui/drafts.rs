//! Open forms saved when a session is cut off (SSH drop, SIGTERM, Ctrl-C), one JSON file per
//! pane in `<data dir>/drafts/`, and given back the next time that pane opens the same form.

use super::form::FormDraft;
use super::pane_id::PaneId;
use crate::paths::{create_private_dir, create_private_file, with_path};
use std::io::{self, Write};
use std::path::PathBuf;

#[derive(Debug, Clone, Default)]
pub struct Drafts {
    /// `None` keeps drafts nowhere (tests that do not care, benchmarks).
    dir: Option<PathBuf>,
}

impl Drafts {
    /// Drafts under `data_dir/drafts`.
    pub fn in_data_dir(data_dir: Option<PathBuf>) -> Self {
        Drafts {
            dir: data_dir.map(|d| d.join("drafts")),
        }
    }

    fn file(&self, pane: PaneId) -> Option<PathBuf> {
        self.file_named(pane.slug())
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
        let Some(path) = self.file_named(name) else {
            return Ok(None);
        };
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(with_path(e, &path)),
        };
        let draft: FormDraft =
            serde_json::from_slice(&bytes).map_err(|e| with_path(io::Error::other(e), &path))?;
        if draft.target != target {
            return Ok(None);
        }
        std::fs::remove_file(&path).map_err(|e| with_path(e, &path))?;
        Ok(Some(draft))
    }

    /// The draft waiting for a pane, without taking it.
    pub fn peek(&self, pane: PaneId) -> Option<FormDraft> {
        self.peek_named(pane.slug())
    }

    /// [`Drafts::peek`] for a draft saved with [`Drafts::save_named`].
    pub fn peek_named(&self, name: &str) -> Option<FormDraft> {
        let bytes = std::fs::read(self.file_named(name)?).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    /// Panes that have a draft waiting.
    pub fn pending(&self) -> Vec<PaneId> {
        PaneId::ALL
            .into_iter()
            .filter(|p| self.file(*p).is_some_and(|f| f.exists()))
            .collect()
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
}
