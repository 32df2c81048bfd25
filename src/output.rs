//! Where `--out` may write, and writing there whole or not at all.
//!
//! An output path must never be a way to lose data: the live database, its `-wal`/`-shm`
//! and the backups are refused however they are named (another spelling, a symlink, a hard
//! link: paths are compared canonically and files by device and inode), even with `--force`.
//! An existing file, or a folder that is not empty, is replaced only with `--force`.
//!
//! A file is written to a temporary file beside it, synced and renamed over it; a folder (csv)
//! is built as a temporary folder beside it and renamed into place. So an interrupted write
//! leaves the old output or the new one, never half of one.

use crate::paths::{DataDir, with_path, write_private_file};
use anyhow::{Context, Result, bail};
use std::fs;
use std::io::{self, Write};
use std::os::unix::fs::MetadataExt;
use std::path::{Component, Path, PathBuf};

/// What `--out` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// One file (json, sql, a report).
    File,
    /// A folder of files (csv).
    Folder,
}

fn shown(path: &Path) -> String {
    crate::text::sanitize(&path.display().to_string()).into_owned()
}

/// The path as the file system resolves it: the longest existing ancestor canonicalized
/// (symlinks followed), the rest appended with `.` dropped and `..` applied.
fn resolved(path: &Path) -> PathBuf {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    if let Ok(c) = fs::canonicalize(&absolute) {
        return c;
    }
    let mut rest = Vec::new();
    let mut base = absolute.as_path();
    loop {
        match (base.parent(), base.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_owned());
                base = parent;
                if let Ok(c) = fs::canonicalize(base) {
                    let mut out = c;
                    for name in rest.iter().rev() {
                        out.push(name);
                    }
                    return normalized(&out);
                }
            }
            _ => return normalized(&absolute),
        }
    }
}

fn normalized(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            c => out.push(c),
        }
    }
    out
}

/// Device and inode of an existing file (symlinks followed).
fn identity(path: &Path) -> Option<(u64, u64)> {
    fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

/// What must never be written over, for one data directory.
struct Protected {
    /// (canonical path, what it is), for the database and its -wal/-shm.
    files: Vec<(PathBuf, &'static str)>,
    backups: PathBuf,
    root: PathBuf,
    /// Device and inode of every protected file that exists, with what it is.
    inodes: Vec<((u64, u64), String)>,
}

impl Protected {
    fn of(dir: &DataDir) -> Protected {
        let db = dir.database();
        let side = |suffix: &str| {
            let mut p = db.as_os_str().to_owned();
            p.push(suffix);
            PathBuf::from(p)
        };
        let named = [
            (db.clone(), "the live database"),
            (side("-wal"), "the live database's -wal file"),
            (side("-shm"), "the live database's -shm file"),
        ];
        let mut inodes = Vec::new();
        for (path, what) in &named {
            if let Some(id) = identity(path) {
                inodes.push((id, (*what).to_string()));
            }
        }
        let backups = dir.backups();
        if let Some(id) = identity(&backups) {
            inodes.push((id, "the backups folder".to_string()));
        }
        for entry in fs::read_dir(&backups).into_iter().flatten().flatten() {
            if let Some(id) = identity(&entry.path()) {
                inodes.push((id, format!("the backup {}", shown(&entry.path()))));
            }
        }
        if let Some(id) = identity(dir.root()) {
            inodes.push((id, "the data directory".to_string()));
        }
        Protected {
            files: named.iter().map(|(p, what)| (resolved(p), *what)).collect(),
            backups: resolved(&backups),
            root: resolved(dir.root()),
            inodes,
        }
    }

    /// Why `target` must not be written, if it must not.
    fn refusal(&self, target: &Path, shape: Shape) -> Option<String> {
        let t = resolved(target);
        if let Some((p, what)) = self.files.iter().find(|(p, _)| *p == t) {
            return Some(format!("it is {what} ({})", shown(p)));
        }
        if t.starts_with(&self.backups) {
            return Some(format!(
                "it is inside the backups folder {}",
                shown(&self.backups)
            ));
        }
        if shape == Shape::Folder && self.root.starts_with(&t) {
            return Some(format!("it holds the data directory {}", shown(&self.root)));
        }
        let id = identity(target)?;
        self.inodes
            .iter()
            .find(|(i, _)| *i == id)
            .map(|(_, what)| format!("it is the same file as {what} (a link to it)"))
    }
}

/// Checks that `--out target` may be written: never the live database, its -wal/-shm, the
/// backups or (for a folder) the data directory, even with `force`; an existing file or
/// non-empty folder only with `force`. Nothing is touched.
pub fn check(dir: &DataDir, target: &Path, shape: Shape, force: bool) -> Result<()> {
    if let Some(why) = Protected::of(dir).refusal(target, shape) {
        bail!(
            "refusing to write to {}: {why}; choose another --out",
            shown(target)
        );
    }
    let Ok(meta) = fs::metadata(target) else {
        return Ok(());
    };
    match shape {
        Shape::File if meta.is_dir() => bail!("{} is a folder; give a file name", shown(target)),
        Shape::File if !force => bail!(
            "{} already exists; add --force to replace it",
            shown(target)
        ),
        Shape::File => Ok(()),
        Shape::Folder if !meta.is_dir() => bail!(
            "{} is a file; csv export writes a folder of files, one per table",
            shown(target)
        ),
        Shape::Folder => {
            let entries: Vec<PathBuf> = fs::read_dir(target)
                .with_context(|| format!("cannot read {}", shown(target)))?
                .map(|e| e.map(|e| e.path()))
                .collect::<io::Result<_>>()
                .with_context(|| format!("cannot read {}", shown(target)))?;
            if entries.is_empty() {
                return Ok(());
            }
            if !force {
                bail!(
                    "{} is a folder that is not empty; add --force to replace it",
                    shown(target)
                );
            }
            // --force replaces an earlier csv export, never a folder of other things.
            if let Some(other) = entries
                .iter()
                .find(|p| p.extension().is_none_or(|e| e != "csv") || !p.is_file())
            {
                bail!(
                    "{} holds {}, which is not a csv export; give a new or empty folder",
                    shown(target),
                    shown(other)
                );
            }
            Ok(())
        }
    }
}

/// Writes `path` whole or not at all (0600) with `f`: a temporary file beside it, synced, then
/// renamed over it.
pub fn write_file<T>(path: &Path, f: impl FnOnce(&mut dyn Write) -> Result<T>) -> Result<T> {
    if path.is_dir() {
        bail!("{} is a folder; give a file name", shown(path));
    }
    let mut value = None;
    write_private_file(path, |file| -> Result<()> {
        value = Some(f(file)?);
        file.flush()?;
        crate::fault::point("output.before_rename")?;
        Ok(())
    })?;
    value.ok_or_else(|| anyhow::anyhow!("{}: nothing was written", shown(path)))
}

/// Builds the folder `path` whole or not at all: `fill` writes into a new temporary folder
/// (0700) beside it, which is synced and renamed into place. A folder already there (empty,
/// or an earlier export that [`check`] allowed with --force) is moved aside first and removed
/// once the new one is in place.
pub fn write_folder<T>(path: &Path, fill: impl FnOnce(&Path) -> Result<T>) -> Result<T> {
    let parent = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    crate::paths::remove_stale_temps(parent);
    let tmp = tempfile::Builder::new()
        .prefix(&crate::paths::temp_prefix())
        .suffix(".tmp")
        .tempdir_in(parent)
        .map_err(|e| with_path(e, parent))?;
    let _live = crate::paths::LiveTemp::register(tmp.path().to_path_buf());
    let value = fill(tmp.path())?;
    fs::File::open(tmp.path())
        .and_then(|d| d.sync_all())
        .map_err(|e| with_path(e, tmp.path()))?;
    crate::fault::point("output.csv_before_rename")?;
    let old = if fs::symlink_metadata(path).is_ok() {
        let aside = tempfile::Builder::new()
            .prefix(&format!("{}old-", crate::paths::temp_prefix()))
            .suffix(".tmp")
            .tempdir_in(parent)
            .map_err(|e| with_path(e, parent))?
            .keep();
        // Rename over the empty placeholder folder just made, so the name is ours.
        if let Err(e) = fs::rename(path, &aside) {
            let _ = fs::remove_dir(&aside);
            return Err(with_path(e, path).into());
        }
        Some(aside)
    } else {
        None
    };
    let built = tmp.keep();
    if let Err(e) = fs::rename(&built, path) {
        // Put the old folder back; the new one stays where it was built.
        if let Some(old) = &old {
            let _ = fs::rename(old, path);
        }
        let _ = fs::remove_dir_all(&built);
        return Err(with_path(e, path).into());
    }
    fs::File::open(parent)
        .and_then(|d| d.sync_all())
        .map_err(|e| with_path(e, parent))?;
    // The new folder is in place: failing to remove the old one (moved aside, hidden) is no
    // reason to report the export as failed.
    if let Some(old) = old {
        let _ = fs::remove_dir_all(&old);
    }
    Ok(value)
}
