//! Where worklog keeps its files, and creating them private to the user.
//!
//! Only a directory worklog creates is made private (0700). An existing directory, or a
//! symlink to one, is never chmodded: it may be shared on purpose (a 1777 scratch folder, a
//! synced folder), and changing it behind the user's back breaks other things. Instead a
//! directory readable or writable by others gets a one-line warning, as ssh does for its keys.
//!
//! The data directory's path must be UTF-8: SQLite takes file names as text, so `VACUUM INTO`
//! (every backup) cannot name a file under any other path. Such a path is refused up front
//! rather than leaving the user without backups.
//!
//! Every temporary file or folder worklog writes (a backup in progress, an `--out` file, a csv
//! folder, a report, a state file) is named `.worklog-tmp-PID-...`, beside its final name.
//! While it is being written it is registered here, so that a CLI process interrupted by
//! SIGINT, SIGTERM or SIGHUP removes it before it exits ([`remove_temps_on_signal`]). After a
//! harder end (SIGKILL, a crash, a power cut) the name says whose it was: the next start, and
//! the next write into the same folder, remove those whose process is gone
//! ([`remove_stale_temps`]).

use std::fs::{self, OpenOptions};
use std::io;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// The files of one data directory, and the database: its `worklog.db`, or a PostgreSQL
/// server (`--database`), whose drafts, reports and backups still live here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataDir {
    root: PathBuf,
    server: Option<ServerAddress>,
}

/// A PostgreSQL server's address as given (`--database`, `WORKLOG_DATABASE`), and the schema
/// (`WORKLOG_SCHEMA`). Shown, it is always without its password.
#[derive(Clone, PartialEq, Eq)]
pub struct ServerAddress {
    pub url: String,
    pub schema: Option<String>,
}

impl std::fmt::Debug for ServerAddress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", crate::db::sql::pg::redact(&self.url))
    }
}

impl std::fmt::Display for ServerAddress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", crate::db::sql::pg::redact(&self.url))?;
        // The schema in use: WORKLOG_SCHEMA, else the address's, else the default.
        let schema = crate::db::sql::pg::Target::parse(&self.url, self.schema.as_deref())
            .map(|t| t.schema().to_string())
            .ok()
            .or_else(|| self.schema.clone());
        if let Some(s) = schema {
            write!(f, " (schema {s})")?;
        }
        Ok(())
    }
}

impl DataDir {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        DataDir {
            root: root.into(),
            server: None,
        }
    }

    /// This directory with the database on a PostgreSQL server at `url` (none: its own
    /// `worklog.db`). The schema comes from `WORKLOG_SCHEMA`, else the address.
    pub fn with_server(mut self, url: Option<String>) -> Self {
        self.server = url.filter(|u| !u.is_empty()).map(|url| ServerAddress {
            url,
            schema: std::env::var("WORKLOG_SCHEMA")
                .ok()
                .filter(|s| !s.is_empty()),
        });
        self
    }

    /// The database as messages name it: its file, or its server and schema (never with a
    /// password). Not sanitized.
    pub fn database_shown(&self) -> String {
        match &self.server {
            Some(server) => server.to_string(),
            None => self.database().display().to_string(),
        }
    }

    /// The PostgreSQL server holding the database, if it is on one.
    pub fn server(&self) -> Option<&ServerAddress> {
        self.server.as_ref()
    }

    /// `--data-dir`, else `WORKLOG_DATA_DIR` (clap passes either as `explicit`), else
    /// `$XDG_DATA_HOME/worklog`, else `~/.local/share/worklog`.
    pub fn resolve(explicit: Option<PathBuf>) -> io::Result<Self> {
        if let Some(dir) = explicit.filter(|d| !d.as_os_str().is_empty()) {
            let dir = DataDir::new(dir);
            dir.ensure_utf8()?;
            return Ok(dir);
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
        let dir = DataDir::new(base.join("worklog"));
        dir.ensure_utf8()?;
        Ok(dir)
    }

    /// Refuses a path that is not UTF-8 (see the module documentation).
    pub fn ensure_utf8(&self) -> io::Result<()> {
        if self.root.to_str().is_some() {
            return Ok(());
        }
        Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!(
                "the data directory {} is not a valid UTF-8 path, which SQLite needs to \
                 write backups; choose another --data-dir",
                self.root.display()
            ),
        ))
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

    /// The lock file that serializes the launch routine (see `crate::launch`).
    pub fn lock_file(&self) -> PathBuf {
        self.root.join("worklog.lock")
    }

    /// The lock file a daily backup holds while it runs (see `crate::backup::DailyLock`);
    /// removed when it is done.
    pub fn daily_lock_file(&self) -> PathBuf {
        self.root.join("daily-backup.lock")
    }

    /// Creates the directory and its `backups/` (0700 if worklog creates them; existing ones
    /// are left as they are). A path that is not UTF-8 is refused.
    pub fn create(&self) -> io::Result<()> {
        self.ensure_utf8()?;
        create_private_dir(&self.root)?;
        create_private_dir(&self.backups())?;
        Ok(())
    }

    /// One line for each of the directory and `backups/` that others can read or write.
    pub fn permission_warnings(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (what, path) in [
            ("data directory", self.root.clone()),
            ("backups directory", self.backups()),
        ] {
            // metadata follows a symlink: what matters is the directory the files land in.
            let Ok(meta) = fs::metadata(&path) else {
                continue;
            };
            let mode = meta.permissions().mode() & 0o7777;
            if meta.is_dir() && mode & 0o077 != 0 {
                out.push(format!(
                    "the {what} {} is readable or writable by others (mode {mode:o}); worklog \
                     leaves it as it is: `chmod 700` it to keep your log private",
                    path.display()
                ));
            }
        }
        out
    }
}

/// The user's home directory, if one can be found (`HOME`, else the password database).
pub fn home() -> Option<PathBuf> {
    etcetera::home_dir().ok()
}

/// `$XDG_CONFIG_HOME`, else `~/.config` (on macOS too: the layout command-line tools use
/// there, which etcetera's base strategy gives). A relative `XDG_CONFIG_HOME` is ignored, as
/// the XDG specification says.
pub fn config_home() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    etcetera::choose_base_strategy()
        .ok()
        .map(|s| s.config_dir())
}

/// `$XDG_STATE_HOME`, else `~/.local/state` (on macOS too, as [`config_home`]).
pub fn state_home() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    etcetera::choose_base_strategy()
        .ok()
        .and_then(|s| s.state_dir())
}

/// Where the drafts of the app on `data_dir` are kept: `$XDG_STATE_HOME/worklog/drafts/`,
/// in a folder of their own for each data directory (a draft says "edit row 7", which means
/// something else in the demo's database than in the real one), named after the directory
/// and a digest of its absolute path: `drafts/worklog-3f2a9c0d1e4b5a67`.
pub fn drafts_dir(data_dir: &Path) -> Option<PathBuf> {
    use sha2::Digest;
    let absolute = fs::canonicalize(data_dir).unwrap_or_else(|_| data_dir.to_path_buf());
    let digest = sha2::Sha256::digest(absolute.as_os_str().as_encoded_bytes());
    let hex: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    let name: String = absolute
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .take(40)
        .collect();
    Some(
        state_home()?
            .join("worklog")
            .join("drafts")
            .join(format!("{}-{hex}", name.trim_start_matches('_'))),
    )
}

/// Creates a directory with mode 0700, and any missing parents (0700 too). An existing
/// directory is left as it is, mode included. Returns true if it created `dir`.
pub fn create_private_dir(dir: &Path) -> io::Result<bool> {
    if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(parent)
            .map_err(|e| with_path(e, parent))?;
    }
    match fs::DirBuilder::new().mode(0o700).create(dir) {
        Ok(()) => {
            // The umask may have taken bits away; this directory is ours to set.
            fs::set_permissions(dir, fs::Permissions::from_mode(0o700))
                .map_err(|e| with_path(e, dir))?;
            Ok(true)
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists && dir.is_dir() => Ok(false),
        Err(e) => Err(with_path(e, dir)),
    }
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
    remove_stale_temps(dir);
    let tmp = tempfile::Builder::new()
        .prefix(&temp_prefix())
        .suffix(".tmp")
        .permissions(fs::Permissions::from_mode(0o600))
        .tempfile_in(dir)
        .map_err(|e| with_path(e, dir))?;
    let (file, tmp_path) = tmp.into_parts();
    let _live = LiveTemp::register(tmp_path.to_path_buf());
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

/// The temporary files this process is writing right now, for [`remove_temps_on_signal`].
static LIVE_TEMPS: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

fn live_temps() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    // A panic while the list was held leaves it usable: it is only a list of paths.
    LIVE_TEMPS.lock().unwrap_or_else(|e| e.into_inner())
}

/// A temporary file registered for removal on a signal while this value lives. Dropping it
/// only unregisters the path: removing the file on the normal paths is the owner's job.
pub struct LiveTemp(PathBuf);

impl LiveTemp {
    pub fn register(path: PathBuf) -> LiveTemp {
        live_temps().push(path.clone());
        LiveTemp(path)
    }
}

impl Drop for LiveTemp {
    fn drop(&mut self) {
        let mut list = live_temps();
        if let Some(i) = list.iter().position(|p| *p == self.0) {
            list.swap_remove(i);
        }
    }
}

/// Removes every registered temporary file (or folder) and its SQLite side files.
fn remove_live_temps() {
    for path in live_temps().iter() {
        if path.is_dir() {
            let _ = fs::remove_dir_all(path);
        } else {
            let _ = fs::remove_file(path);
        }
        for suffix in ["-journal", "-wal", "-shm"] {
            let mut side = path.clone().into_os_string();
            side.push(suffix);
            let _ = fs::remove_file(side);
        }
    }
}

/// For command-line runs (not the TUI, which handles its own signals): on SIGINT, SIGTERM or
/// SIGHUP, removes the temporary files being written and exits with 128 + the signal number,
/// as the default action would have ended the process, only without litter of up to the
/// database's size. Installs its thread once.
pub fn remove_temps_on_signal() -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    static INSTALLED: std::sync::OnceLock<()> = std::sync::OnceLock::new();
    if INSTALLED.get().is_some() {
        return Ok(());
    }
    let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])?;
    std::thread::Builder::new()
        .name("temp-cleanup".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                remove_live_temps();
                std::process::exit(128 + signal);
            }
        })?;
    let _ = INSTALLED.set(());
    Ok(())
}

/// What every temporary name worklog makes starts with.
pub const TEMP_PREFIX: &str = ".worklog-tmp-";

/// A temporary file older than this is a leftover, whatever its pid says (pids are reused).
const STALE_TEMP: std::time::Duration = std::time::Duration::from_secs(60 * 60);

/// `.worklog-tmp-PID-`: the start of a temporary name this process makes.
pub fn temp_prefix() -> String {
    format!("{TEMP_PREFIX}{}-", std::process::id())
}

/// Removes from `folder` the temporary files and folders (see the module documentation) whose
/// owner process is gone, and any older than an hour. A young one of a running process may be
/// a write in progress, and is left alone. Returns a warning for each that could not be
/// removed; a folder that cannot be read has none to remove.
pub fn remove_stale_temps(folder: &Path) -> Vec<String> {
    let mut warnings = Vec::new();
    let Ok(entries) = fs::read_dir(folder) else {
        return warnings;
    };
    let now = std::time::SystemTime::now();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(rest) = name.to_str().and_then(|n| n.strip_prefix(TEMP_PREFIX)) else {
            continue;
        };
        let owner_gone = rest
            .split('-')
            .next()
            .and_then(|pid| pid.parse::<i32>().ok())
            .is_some_and(|pid| !process_alive(pid));
        // symlink_metadata: a link named like ours is removed, never followed.
        let Ok(meta) = entry.path().symlink_metadata() else {
            continue;
        };
        let old = meta
            .modified()
            .ok()
            .and_then(|t| now.duration_since(t).ok())
            .is_some_and(|age| age > STALE_TEMP);
        if !(owner_gone || old) {
            continue;
        }
        let removed = if meta.is_dir() {
            fs::remove_dir_all(entry.path())
        } else {
            fs::remove_file(entry.path())
        };
        if let Err(e) = removed
            && e.kind() != io::ErrorKind::NotFound
        {
            warnings.push(format!(
                "could not remove a leftover temporary file: {}",
                with_path(e, &entry.path())
            ));
        }
    }
    warnings
}

/// True unless `kill(pid, 0)` says there is no such process (EPERM: it runs as someone else).
fn process_alive(pid: i32) -> bool {
    use nix::errno::Errno;
    if pid <= 0 {
        return true;
    }
    !matches!(
        nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), None),
        Err(Errno::ESRCH)
    )
}
