//! Where worklog keeps its files, and creating them private to the user.

use std::fs::{self, OpenOptions};
use std::io;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// The files of one data directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataDir {
    root: PathBuf,
}

impl DataDir {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        DataDir { root: root.into() }
    }

    /// `--data-dir`, else `WORKLOG_DATA_DIR` (clap passes either as `explicit`), else
    /// `$XDG_DATA_HOME/worklog`, else `~/.local/share/worklog`.
    pub fn resolve(explicit: Option<PathBuf>) -> io::Result<Self> {
        if let Some(dir) = explicit.filter(|d| !d.as_os_str().is_empty()) {
            return Ok(DataDir::new(dir));
        }
        let base = match std::env::var_os("XDG_DATA_HOME").filter(|v| !v.is_empty()) {
            Some(xdg) if Path::new(&xdg).is_absolute() => PathBuf::from(xdg),
            _ => match std::env::var_os("HOME").filter(|v| !v.is_empty()) {
                Some(home) => PathBuf::from(home).join(".local/share"),
                None => {
                    return Err(io::Error::new(
                        io::ErrorKind::NotFound,
                        "cannot find a data directory: set HOME, XDG_DATA_HOME or --data-dir",
                    ));
                }
            },
        };
        Ok(DataDir::new(base.join("worklog")))
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn database(&self) -> PathBuf {
        self.root.join("worklog.db")
    }

    pub fn backups(&self) -> PathBuf {
        self.root.join("backups")
    }

    /// `reports/`: review reports written from the app.
    pub fn reports(&self) -> PathBuf {
        self.root.join("reports")
    }

    /// Creates the directory and its `backups/`, mode 0700.
    pub fn create(&self) -> io::Result<()> {
        create_private_dir(&self.root)?;
        create_private_dir(&self.backups())
    }
}

/// Creates a directory (and parents) with mode 0700; tightens an existing one.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .map_err(|e| with_path(e, dir))?;
    fs::set_permissions(dir, fs::Permissions::from_mode(0o700)).map_err(|e| with_path(e, dir))
}

/// Creates an empty file with mode 0600 if it does not exist, and tightens an existing one.
/// SQLite gives its -wal and -shm files the mode of the database file.
pub fn create_private_file(path: &Path) -> io::Result<()> {
    OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .open(path)
        .map_err(|e| with_path(e, path))?;
    fs::set_permissions(path, fs::Permissions::from_mode(0o600)).map_err(|e| with_path(e, path))
}

/// Writes a file as a whole or not at all, private to the user (0600): `write` fills a
/// temporary file beside `path`, which is synced and then renamed over it. On error the
/// temporary file is removed and `path` is untouched.
pub fn write_private_file<E: From<io::Error>>(
    path: &Path,
    write: impl FnOnce(&mut io::BufWriter<fs::File>) -> Result<(), E>,
) -> Result<(), E> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let tmp = tempfile::Builder::new()
        .prefix(".worklog-")
        .suffix(".tmp")
        .permissions(fs::Permissions::from_mode(0o600))
        .tempfile_in(dir)
        .map_err(|e| with_path(e, dir))?;
    let (file, tmp_path) = tmp.into_parts();
    let mut out = io::BufWriter::new(file);
    write(&mut out)?;
    let file = out
        .into_inner()
        .map_err(|e| with_path(e.into_error(), path))?;
    file.sync_all().map_err(|e| with_path(e, path))?;
    crate::fault::point("output.before_rename")?;
    tmp_path
        .persist(path)
        .map_err(|e| with_path(e.error, path))?;
    Ok(())
}

/// Adds the path to an I/O error, so the one-line message says which file.
pub fn with_path(e: io::Error, path: &Path) -> io::Error {
    io::Error::new(e.kind(), format!("{}: {e}", path.display()))
}
