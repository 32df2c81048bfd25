//! Attached files (issue 14): the content-addressed store in the data directory, attaching a
//! file crash-safely, verifying what is stored, and finding files nothing needs.
//!
//! # The store
//!
//! `attachments/` in the data directory holds each distinct content once, named by its
//! SHA-256 in lower-case hex and sharded by the first two digits:
//! `attachments/3f/3fa9…`. Folders are 0700, files 0600. A row of the `attachments` table names
//! its file by that hash, with the size it must have. On a PostgreSQL log the bytes live in
//! the server instead (`attachment_blobs`), and the local store holds only what the local
//! backups of the server need ([`crate::backup`]).
//!
//! # Attaching, in a crash-safe order
//!
//! 1. the file is copied into a temporary file in `attachments/` (`.worklog-tmp-PID-…`,
//!    removed by the next start once its process is gone), hashing what is read;
//! 2. the copy is synced; then the source is hashed again, and the copy read back and hashed:
//!    a source that changed while being copied, or a copy that does not read back the same,
//!    is refused and nothing is attached;
//! 3. the copy is renamed to its content address and the folder synced;
//! 4. only then is the row committed (`Repo::add_attachments`, one transaction for all the
//!    files of one command).
//!
//! A crash anywhere leaves at most a temporary file or a file no row names (an orphan, which
//! `worklog check` reports and `worklog check --repair` removes), never a row without its file.
//! Fault points: `attach.temp`, `attach.written`, `attach.synced`, `attach.renamed`,
//! `attach.dir_synced`, then `attach.row` and `repo.commit` in the repository.
//!
//! # What is kept
//!
//! A file stays while a row of the live database names it (detached rows too: `worklog undo`
//! brings them back) or a kept backup does (each backup's own `attachments` table is its
//! manifest). Nothing else removes a file but `worklog check --repair`, and that only for
//! files older than [`ORPHAN_GRACE`], so that an attach in progress (file renamed, row not yet
//! committed) is never undone under its feet.

use crate::db::Repo;
use crate::model::{Attachment, NewAttachment};
use crate::paths::{self, DataDir, LiveTemp, with_path};
use anyhow::{Result, anyhow, bail};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// A file no row and no backup names is removed by `check --repair` only once it is this old.
pub const ORPHAN_GRACE: Duration = Duration::from_secs(60 * 60);

const CHUNK: usize = 256 * 1024;

/// The content-addressed store of one data directory.
#[derive(Debug, Clone)]
pub struct Store {
    root: PathBuf,
}

/// What a stored file was found to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Ok,
    Missing,
    WrongSize(u64),
    WrongHash,
    Unreadable(String),
}

impl Verdict {
    /// What is wrong, in words; `None` when nothing is.
    pub fn problem(&self, want_size: u64) -> Option<String> {
        match self {
            Verdict::Ok => None,
            Verdict::Missing => Some("its file is missing".into()),
            Verdict::WrongSize(n) => Some(format!(
                "its file is {n} bytes, not {want_size}: it was changed or is damaged"
            )),
            Verdict::WrongHash => {
                Some("its file's SHA-256 does not match: it was changed or is damaged".into())
            }
            Verdict::Unreadable(e) => Some(format!("its file cannot be read: {e}")),
        }
    }
}

/// SHA-256 in lower-case hex.
pub fn hex(digest: &[u8]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

fn is_sha(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// Hashes a whole file: its SHA-256 and its length.
pub fn hash_file(path: &Path) -> io::Result<(String, u64)> {
    let mut f = File::open(path)?;
    let mut hash = Sha256::new();
    let mut buf = vec![0u8; CHUNK];
    let mut len = 0u64;
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hash.update(&buf[..n]);
        len += n as u64;
    }
    Ok((hex(&hash.finalize()), len))
}

impl Store {
    pub fn of(dir: &DataDir) -> Store {
        Store {
            root: dir.root().join("attachments"),
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Where the content with this SHA-256 lives.
    pub fn path_of(&self, sha256: &str) -> PathBuf {
        self.root.join(&sha256[..2.min(sha256.len())]).join(sha256)
    }

    /// Checks the stored file of a content: there, of its size, with its hash.
    pub fn verify(&self, sha256: &str, size: u64) -> Verdict {
        let path = self.path_of(sha256);
        match fs::metadata(&path) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Verdict::Missing,
            Err(e) => return Verdict::Unreadable(e.to_string()),
            Ok(m) if !m.is_file() => return Verdict::Unreadable("not a regular file".into()),
            Ok(m) if m.len() != size => return Verdict::WrongSize(m.len()),
            Ok(_) => {}
        }
        match hash_file(&path) {
            Ok((h, _)) if h == sha256 => Verdict::Ok,
            Ok(_) => Verdict::WrongHash,
            Err(e) => Verdict::Unreadable(e.to_string()),
        }
    }

    fn ensure_root(&self) -> Result<()> {
        paths::create_private_dir(&self.root)?;
        Ok(())
    }

    /// A new private temporary file in the store's folder, registered for removal on a signal.
    fn temp(&self) -> Result<(File, tempfile::TempPath, LiveTemp)> {
        self.ensure_root()?;
        paths::remove_stale_temps(&self.root);
        let tmp = tempfile::Builder::new()
            .prefix(&paths::temp_prefix())
            .suffix(".tmp")
            .permissions(fs::Permissions::from_mode(0o600))
            .tempfile_in(&self.root)
            .map_err(|e| with_path(e, &self.root))?;
        let (file, path) = tmp.into_parts();
        let live = LiveTemp::register(path.to_path_buf());
        Ok((file, path, live))
    }

    /// Moves a synced temporary file whose content hashes to `sha256` to its address and
    /// syncs the folders. A sound file already there is kept (the same content, stored once);
    /// a damaged one is replaced.
    fn place(&self, temp: tempfile::TempPath, sha256: &str, size: u64) -> Result<PathBuf> {
        let shard = self.root.join(&sha256[..2]);
        let created = paths::create_private_dir(&shard)?;
        if created {
            sync_dir(&self.root)?;
        }
        let dest = shard.join(sha256);
        if self.verify(sha256, size) == Verdict::Ok {
            // Dropping the temporary path removes it.
            drop(temp);
            return Ok(dest);
        }
        temp.persist(&dest).map_err(|e| with_path(e.error, &dest))?;
        crate::fault::point("attach.renamed")?;
        sync_dir(&shard)?;
        crate::fault::point("attach.dir_synced")?;
        Ok(dest)
    }

    /// Copies the file at `source` into the store (see the module documentation for the
    /// order of writes), refusing one over `max` bytes. Returns its address and size.
    pub fn put_file(&self, source: &Path, max: u64) -> Result<(String, u64)> {
        let meta = fs::metadata(source).map_err(|e| with_path(e, source))?;
        if !meta.is_file() {
            bail!("{} is not a regular file", source.display());
        }
        too_big(source, meta.len(), max)?;
        let mut input = File::open(source).map_err(|e| with_path(e, source))?;
        let (mut file, temp, _live) = self.temp()?;
        crate::fault::point("attach.temp")?;
        let mut hash = Sha256::new();
        let mut buf = vec![0u8; CHUNK];
        let mut len = 0u64;
        loop {
            let n = input.read(&mut buf).map_err(|e| with_path(e, source))?;
            if n == 0 {
                break;
            }
            len += n as u64;
            too_big(source, len, max)?;
            hash.update(&buf[..n]);
            file.write_all(&buf[..n]).map_err(|e| with_path(e, &temp))?;
        }
        let read = hex(&hash.finalize());
        crate::fault::point("attach.written")?;
        file.sync_all().map_err(|e| with_path(e, &temp))?;
        drop(file);
        crate::fault::point("attach.synced")?;
        // The source as it is now, and the copy as the disk gives it back.
        let (again, again_len) = hash_file(source).map_err(|e| with_path(e, source))?;
        if again != read || again_len != len {
            bail!(
                "{} changed while it was being copied; nothing was attached (try again once \
                 it is no longer being written)",
                source.display()
            );
        }
        let (written, _) = hash_file(&temp).map_err(|e| with_path(e, &temp))?;
        if written != read {
            bail!(
                "the copy of {} does not read back as written; nothing was attached",
                source.display()
            );
        }
        self.place(temp, &read, len)?;
        Ok((read, len))
    }

    /// Stores bytes whose SHA-256 must be `sha256` (a server's content for a local backup, a
    /// file of an export): refused if they do not hash to it.
    pub fn put_bytes(&self, sha256: &str, bytes: &[u8]) -> Result<()> {
        if !is_sha(sha256) {
            bail!("{sha256:?} is not a SHA-256");
        }
        if hex(&Sha256::digest(bytes)) != sha256 {
            bail!("the content said to be {sha256} does not hash to it");
        }
        if self.verify(sha256, bytes.len() as u64) == Verdict::Ok {
            return Ok(());
        }
        let (mut file, temp, _live) = self.temp()?;
        file.write_all(bytes).map_err(|e| with_path(e, &temp))?;
        file.sync_all().map_err(|e| with_path(e, &temp))?;
        drop(file);
        let (written, _) = hash_file(&temp).map_err(|e| with_path(e, &temp))?;
        if written != sha256 {
            bail!("the copy of {sha256} does not read back as written");
        }
        self.place(temp, sha256, bytes.len() as u64)?;
        Ok(())
    }

    /// Stores the file at `source`, which must hash to `sha256` with `size` bytes (an export's
    /// file brought back by an import).
    pub fn put_verified(&self, source: &Path, sha256: &str, size: u64) -> Result<()> {
        if self.verify(sha256, size) == Verdict::Ok {
            return Ok(());
        }
        let (got, len) = self.put_file(source, u64::MAX)?;
        if got != sha256 || len != size {
            bail!(
                "{} is not the attachment it is named for (its SHA-256 or size differs)",
                source.display()
            );
        }
        Ok(())
    }

    /// Every content in the store: SHA-256 and path. Anything else in the folder (temporary
    /// files, names that are not a content address) is left out, and never touched.
    pub fn files(&self) -> Vec<(String, PathBuf)> {
        let mut out = Vec::new();
        let Ok(shards) = fs::read_dir(&self.root) else {
            return out;
        };
        for shard in shards.flatten() {
            let name = shard.file_name();
            let Some(prefix) = name.to_str() else {
                continue;
            };
            if prefix.len() != 2 || !shard.path().is_dir() {
                continue;
            }
            let Ok(entries) = fs::read_dir(shard.path()) else {
                continue;
            };
            for e in entries.flatten() {
                if let Some(n) = e.file_name().to_str()
                    && is_sha(n)
                    && n.starts_with(prefix)
                {
                    out.push((n.to_string(), e.path()));
                }
            }
        }
        out.sort();
        out
    }
}

/// Refuses, before anything is copied, a path that is not a regular file or is over `max`.
pub fn admissible(source: &Path, max: u64) -> Result<()> {
    let meta = fs::metadata(source).map_err(|e| with_path(e, source))?;
    if !meta.is_file() {
        bail!("{} is not a regular file", source.display());
    }
    attached_name(source)?;
    too_big(source, meta.len(), max)
}

fn too_big(source: &Path, size: u64, max: u64) -> Result<()> {
    if size > max {
        bail!(
            "{} is {}, over the limit of {} a file for attachments (set [attachments] max_size \
             in the config file to change it)",
            source.display(),
            crate::backup::human_size(size),
            crate::backup::human_size(max)
        );
    }
    Ok(())
}

fn sync_dir(dir: &Path) -> Result<()> {
    File::open(dir)
        .and_then(|f| f.sync_all())
        .map_err(|e| with_path(e, dir))?;
    Ok(())
}

/// The name a file is attached as: its file name (never a path).
fn attached_name(source: &Path) -> Result<String> {
    let name = source
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .filter(|n| !n.is_empty())
        .ok_or_else(|| anyhow!("{} names no file", source.display()))?;
    // At most 255 characters, as the schema holds (a Linux name has at most 255 bytes).
    Ok(name.chars().take(255).collect())
}

/// The media type a name suggests (`application/octet-stream` when it suggests none).
pub fn media_type(name: &str) -> String {
    mime_guess::from_path(name)
        .first_or_octet_stream()
        .essence_str()
        .to_string()
}

/// Prepares one file to be attached to a log in `dir`: on SQLite it is stored (crash-safe,
/// see the module documentation); on PostgreSQL it is read, checked the same way, and its
/// bytes go with the row.
pub fn prepare(dir: &DataDir, source: &Path, max: u64) -> Result<NewAttachment> {
    let name = attached_name(source)?;
    let media_type = media_type(&name);
    if dir.server().is_none() {
        let (sha256, size) = Store::of(dir).put_file(source, max)?;
        return Ok(NewAttachment {
            name,
            size,
            media_type,
            sha256,
            content: None,
        });
    }
    let meta = fs::metadata(source).map_err(|e| with_path(e, source))?;
    if !meta.is_file() {
        bail!("{} is not a regular file", source.display());
    }
    too_big(source, meta.len(), max)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    File::open(source)
        .and_then(|f| f.take(max.saturating_add(1)).read_to_end(&mut bytes))
        .map_err(|e| with_path(e, source))?;
    too_big(source, bytes.len() as u64, max)?;
    let sha256 = hex(&Sha256::digest(&bytes));
    let (again, len) = hash_file(source).map_err(|e| with_path(e, source))?;
    if again != sha256 || len != bytes.len() as u64 {
        bail!(
            "{} changed while it was being read; nothing was attached (try again once it is \
             no longer being written)",
            source.display()
        );
    }
    Ok(NewAttachment {
        name,
        size: bytes.len() as u64,
        media_type,
        sha256,
        content: Some(bytes),
    })
}

/// A name safe to give a file in a folder: no path separators or control characters.
fn file_name_for(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| if c == '/' || c.is_control() { '_' } else { c })
        .collect();
    match cleaned.trim() {
        "" | "." | ".." => "attachment".into(),
        _ => cleaned,
    }
}

/// Puts an attachment, under its own name, in a private folder of the data directory
/// (`open/<first 16 hex digits>/NAME`, 0700/0600) for `worklog open`, verified: a copy from
/// the store (so that an application editing it cannot change the stored content), or the
/// server's bytes. Returns its path.
pub fn materialise(dir: &DataDir, repo: &Repo, a: &Attachment) -> Result<PathBuf> {
    let bytes = if dir.server().is_some() {
        repo.attachment_blob(&a.sha256)?.ok_or_else(|| {
            anyhow!(
                "attachment {} ({}): the server does not hold its content",
                a.id,
                a.name
            )
        })?
    } else {
        let store = Store::of(dir);
        if let Some(problem) = store.verify(&a.sha256, a.size).problem(a.size) {
            bail!(
                "attachment {} ({}): {problem}; `worklog check` lists every problem",
                a.id,
                a.name
            );
        }
        fs::read(store.path_of(&a.sha256)).map_err(|e| with_path(e, &store.path_of(&a.sha256)))?
    };
    if hex(&Sha256::digest(&bytes)) != a.sha256 {
        bail!(
            "attachment {} ({}): its content does not match its SHA-256",
            a.id,
            a.name
        );
    }
    let opened = dir.root().join("open");
    remove_old_copies(&opened);
    let folder = opened.join(&a.sha256[..16]);
    paths::create_private_dir(&folder)?;
    let path = folder.join(file_name_for(&a.name));
    paths::write_private_file(&path, |out| -> io::Result<()> { out.write_all(&bytes) })?;
    Ok(path)
}

/// What [`open`] did with an attachment's verified copy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Opened {
    /// Handed to the desktop's opener (`xdg-open`, `open` on macOS).
    Launched(PathBuf),
    /// Over SSH or without a display: the copy is there to be fetched or read.
    Path(PathBuf),
    /// The opener could not be started (`why` says so); the copy is there.
    LaunchFailed { path: PathBuf, why: String },
}

/// True when a desktop can show a file: a display, and not a session over SSH.
pub fn desktop() -> bool {
    let set = |v: &str| std::env::var_os(v).is_some_and(|x| !x.is_empty());
    let remote = set("SSH_CONNECTION") || set("SSH_TTY") || set("SSH_CLIENT");
    let display = set("DISPLAY") || set("WAYLAND_DISPLAY");
    !remote && (display || cfg!(target_os = "macos"))
}

/// Opens attachment `id` (`worklog open` and the TUI): a verified copy under its own name in a
/// private folder ([`materialise`]), handed to `xdg-open` on a desktop (`open` on macOS), with
/// its output kept off the terminal. Over SSH or without a display only the copy is made.
/// A detached or missing attachment is an error of one line.
pub fn open(dir: &DataDir, repo: &Repo, id: crate::model::Id) -> Result<Opened> {
    let a = repo.attachment(id).map_err(|e| match e {
        crate::db::Error::NotFound { what, id } => {
            anyhow!("{what} {id} does not exist (or is deleted); nothing to open")
        }
        e => e.into(),
    })?;
    if a.deleted_at.is_some() {
        bail!("attachment {id} is detached (worklog undo brings it back)");
    }
    let path = materialise(dir, repo, &a)?;
    if !desktop() {
        return Ok(Opened::Path(path));
    }
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    let started = std::process::Command::new(opener)
        .arg(&path)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    Ok(match started {
        Ok(mut child) => {
            // Reaped in the background, so that a long TUI session leaves no zombie.
            std::thread::spawn(move || child.wait());
            Opened::Launched(path)
        }
        Err(e) => Opened::LaunchFailed {
            path,
            why: format!("could not run {opener}: {e}"),
        },
    })
}

/// Copies `worklog open` made more than a day ago are removed (an application has long read
/// them); a failure to remove one is no reason not to open another.
fn remove_old_copies(opened: &Path) {
    let Ok(entries) = fs::read_dir(opened) else {
        return;
    };
    let now = std::time::SystemTime::now();
    for e in entries.flatten() {
        let old = e
            .metadata()
            .ok()
            .and_then(|m| m.modified().ok())
            .and_then(|t| now.duration_since(t).ok())
            .is_some_and(|age| age > Duration::from_secs(24 * 60 * 60));
        let name = e.file_name();
        let ours = name
            .to_str()
            .is_some_and(|n| n.len() == 16 && n.bytes().all(|b| b.is_ascii_hexdigit()));
        if old && ours && e.path().is_dir() {
            let _ = fs::remove_dir_all(e.path());
        }
    }
}

/// One attachment found wrong by [`check`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub attachment: Attachment,
    /// The title of the item it belongs to.
    pub item: String,
    pub what: String,
}

impl Problem {
    /// One line: "attachment 3 "slides.pdf" of task 12 "Talk": its file is missing".
    pub fn line(&self) -> String {
        let a = &self.attachment;
        format!(
            "attachment {} \"{}\" of {} {} \"{}\"{}: {}",
            a.id,
            a.name,
            a.owner.noun(),
            a.owner_id,
            self.item,
            if a.deleted_at.is_some() {
                " (detached)"
            } else {
                ""
            },
            self.what
        )
    }
}

/// A content nothing needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Orphan {
    pub sha256: String,
    /// Its file, or on the server `None`.
    pub path: Option<PathBuf>,
    pub size: u64,
    /// Too young to remove (an attach may be in progress): see [`ORPHAN_GRACE`].
    pub young: bool,
}

/// What `worklog check` found of the attachments.
#[derive(Debug, Clone, Default)]
pub struct Checked {
    /// Rows checked.
    pub rows: usize,
    /// Distinct contents checked.
    pub contents: usize,
    pub problems: Vec<Problem>,
    /// Backups whose attachments are missing or damaged: one line each.
    pub backup_problems: Vec<String>,
    pub orphans: Vec<Orphan>,
}

/// Each kept backup's needs: SHA-256 → (size, a name, the backups needing it).
type Needs = BTreeMap<String, (u64, String, Vec<String>)>;

/// What the backups in `backups/` need. A backup that cannot be read names nothing, and its
/// name is returned among the unreadable ones (a `check` of it says why).
pub fn needed_by_backups(dir: &DataDir) -> Result<(Needs, Vec<String>)> {
    let mut needs: Needs = BTreeMap::new();
    let mut unreadable = Vec::new();
    for b in crate::backup::list(dir)? {
        match crate::db::snapshot::attachment_files(&b.path) {
            Ok(files) => {
                for (sha, size, name) in files {
                    needs
                        .entry(sha)
                        .or_insert_with(|| (size, name, Vec::new()))
                        .2
                        .push(b.file_name());
                }
            }
            Err(_) => unreadable.push(b.file_name()),
        }
    }
    Ok((needs, unreadable))
}

/// Verifies the files a backup file needs are in the store, whole, hashing every one: one line
/// per missing or damaged one (none: all there). For a restore, and anything else that is
/// about to rely on the bytes; a new backup uses [`verify_new_backup_needs`].
pub fn verify_backup_needs(dir: &DataDir, backup: &Path) -> Result<Vec<String>> {
    let store = Store::of(dir);
    let mut out = Vec::new();
    for (sha, size, name) in crate::db::snapshot::attachment_files(backup)? {
        if let Some(p) = store.verify(&sha, size).problem(size) {
            out.push(format!("attachment \"{name}\" ({}): {p}", &sha[..12]));
        }
    }
    Ok(out)
}

/// What a new backup's verification of its attachments found: the problems (one line each;
/// none: all there, whole) and the record to keep for the next backup ([`Hashed::save`]).
#[derive(Debug, Default)]
pub struct NeedsChecked {
    pub problems: Vec<String>,
    pub hashed: Hashed,
}

/// Verifies the files a new backup (at `backup`, not yet in place) needs, without hashing
/// again what an earlier backup hashed and has not changed since.
///
/// # Why not hash everything every day
///
/// A launch takes a verified backup every day, and hashing every attached file each time
/// reads the whole store: 1.2 GB of attachments cost seconds of disk and CPU a day, for
/// bytes that cannot have changed through worklog. A stored file is named by its SHA-256 and
/// never written again (a new content is a new file, renamed into place), so once hashed
/// whole, the question a later backup asks is only "is it still the file that was hashed?".
/// So each verification keeps a record, `backups/attachments-hashed.json`, of the contents it
/// found whole with the identity their file had then: device, inode, size, modification and
/// change times. The next backup hashes in full only the contents the record lacks (the
/// ones attached since) and those whose file is not the one recorded; for the rest it looks
/// at the file's metadata (a `stat`): it must be there, of its size, with the same identity.
/// Anything that writes to the file, replaces it or changes its metadata through the
/// filesystem changes its change time (which user programs cannot set back), and the file is
/// hashed again. A missing, unreadable or foreign record costs one full verification, never a
/// wrong verdict.
///
/// What the `stat` cannot see is damage underneath the filesystem (a flipped bit on the
/// disk, a file edited through the raw device). Hashing daily would not undo that either:
/// the store keeps one copy of each content, which every backup shares. `worklog check`
/// hashes every file, and `worklog restore` hashes every file the backup needs before it
/// changes anything, so such damage is reported there, never restored as if whole.
pub fn verify_new_backup_needs(dir: &DataDir, backup: &Path) -> Result<NeedsChecked> {
    let store = Store::of(dir);
    let before = Hashed::load(dir);
    let mut out = NeedsChecked::default();
    for (sha, size, name) in crate::db::snapshot::attachment_files(backup)? {
        let (verdict, identity) = store.verify_since(&sha, size, &before);
        match (verdict.problem(size), identity) {
            (Some(p), _) => out
                .problems
                .push(format!("attachment \"{name}\" ({}): {p}", &sha[..12])),
            (None, Some(id)) => {
                out.hashed.files.insert(sha, id);
            }
            (None, None) => {}
        }
    }
    Ok(out)
}

/// A stored file's identity as the filesystem tells it (see [`verify_new_backup_needs`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileIdentity {
    pub dev: u64,
    pub ino: u64,
    pub size: u64,
    pub mtime: (i64, i64),
    pub ctime: (i64, i64),
}

impl FileIdentity {
    fn of(meta: &fs::Metadata) -> FileIdentity {
        use std::os::unix::fs::MetadataExt;
        FileIdentity {
            dev: meta.dev(),
            ino: meta.ino(),
            size: meta.len(),
            mtime: (meta.mtime(), meta.mtime_nsec()),
            ctime: (meta.ctime(), meta.ctime_nsec()),
        }
    }
}

/// The record of the contents the last backup's verification hashed whole, each with its
/// file's identity then (see [`verify_new_backup_needs`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hashed {
    pub files: BTreeMap<String, FileIdentity>,
}

/// The record's name in `backups/` (a name that never parses as a backup).
pub const HASHED_FILE: &str = "attachments-hashed.json";

impl Hashed {
    /// The record in `dir`; empty if there is none or it cannot be read (then everything is
    /// hashed in full).
    pub fn load(dir: &DataDir) -> Hashed {
        fs::read(dir.backups().join(HASHED_FILE))
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default()
    }

    /// Replaces the record, atomically (a temporary file renamed over it). With nothing to
    /// record and no record yet, writes nothing.
    pub fn save(&self, dir: &DataDir) -> Result<()> {
        let path = dir.backups().join(HASHED_FILE);
        if self.files.is_empty() && !path.exists() {
            return Ok(());
        }
        let folder = dir.backups();
        let tmp = tempfile::Builder::new()
            .prefix(&paths::temp_prefix())
            .suffix(".tmp")
            .permissions(fs::Permissions::from_mode(0o600))
            .tempfile_in(&folder)
            .map_err(|e| with_path(e, &folder))?;
        let (mut file, tmp_path) = tmp.into_parts();
        let _live = LiveTemp::register(tmp_path.to_path_buf());
        let text = serde_json::to_vec(self)?;
        file.write_all(&text)
            .and_then(|()| file.sync_all())
            .map_err(|e| with_path(e, &tmp_path))?;
        drop(file);
        tmp_path
            .persist(&path)
            .map_err(|e| with_path(e.error, &path))?;
        sync_dir(&folder)
    }
}

impl Store {
    /// The identity of the stored file of a content, if it is there.
    fn identity(&self, sha256: &str) -> Option<FileIdentity> {
        fs::metadata(self.path_of(sha256))
            .ok()
            .filter(|m| m.is_file())
            .map(|m| FileIdentity::of(&m))
    }

    /// Checks a content against the record of an earlier verification: a file whose identity
    /// is the one recorded (and of the size wanted) is whole without being read; any other is
    /// hashed ([`Store::verify`]). Returns the verdict, and for a whole
    /// file the identity to record: taken before it was hashed and the same after, so a file
    /// written meanwhile is never recorded as hashed.
    fn verify_since(
        &self,
        sha256: &str,
        size: u64,
        record: &Hashed,
    ) -> (Verdict, Option<FileIdentity>) {
        let before = self.identity(sha256);
        if let (Some(id), Some(known)) = (&before, record.files.get(sha256))
            && id == known
            && id.size == size
        {
            return (Verdict::Ok, before);
        }
        let verdict = self.verify(sha256, size);
        let after = self.identity(sha256);
        let identity = (verdict == Verdict::Ok && before.is_some() && before == after)
            .then_some(after)
            .flatten();
        (verdict, identity)
    }
}

/// Verifies every attachment of the log (each content once), and finds the contents nothing
/// needs: no row of the live database names them and no kept backup does.
pub fn check(dir: &DataDir, repo: &Repo) -> Result<Checked> {
    let rows = repo.all_attachments()?;
    let store = Store::of(dir);
    let server = dir.server().is_some();
    let mut verdicts: HashMap<String, Option<String>> = HashMap::new();
    let mut out = Checked {
        rows: rows.len(),
        ..Checked::default()
    };
    for a in &rows {
        let verdict = match verdicts.get(&a.sha256) {
            Some(v) => v.clone(),
            None => {
                let v = if server {
                    let state = repo.attachment_blob_state(&a.sha256)?;
                    match (state.size, state.sha256) {
                        (None, _) => Some("the server does not hold its content".to_string()),
                        (Some(n), _) if n != a.size => {
                            Some(format!("the server holds {n} bytes for it, not {}", a.size))
                        }
                        (Some(_), Some(h)) if h == a.sha256 => None,
                        _ => {
                            Some("its content on the server does not match its SHA-256".to_string())
                        }
                    }
                } else {
                    store.verify(&a.sha256, a.size).problem(a.size)
                };
                verdicts.insert(a.sha256.clone(), v.clone());
                v
            }
        };
        if let Some(what) = verdict {
            // A size recorded for the content differs between rows only if a row is wrong.
            out.problems.push(Problem {
                attachment: a.clone(),
                item: repo.attachment_owner_title(a.owner, a.owner_id)?,
                what,
            });
        }
    }
    out.contents = verdicts.len();

    let (needs, _) = needed_by_backups(dir)?;
    for (sha, (size, name, backups)) in &needs {
        let problem = match verdicts.get(sha) {
            // Checked above, in the local store.
            Some(v) if !server => v.clone(),
            _ => store.verify(sha, *size).problem(*size),
        };
        if let Some(p) = problem {
            for b in backups {
                out.backup_problems
                    .push(format!("backup {b} needs attachment \"{name}\", but {p}"));
            }
        }
    }

    let named: BTreeSet<&str> = if server {
        BTreeSet::new()
    } else {
        rows.iter().map(|a| a.sha256.as_str()).collect()
    };
    let now = std::time::SystemTime::now();
    for (sha, path) in store.files() {
        if named.contains(sha.as_str()) || needs.contains_key(&sha) {
            continue;
        }
        let meta = fs::symlink_metadata(&path).ok();
        let young = meta
            .as_ref()
            .and_then(|m| m.modified().ok())
            .and_then(|t| now.duration_since(t).ok())
            .is_none_or(|age| age < ORPHAN_GRACE);
        out.orphans.push(Orphan {
            sha256: sha,
            path: Some(path),
            size: meta.map_or(0, |m| m.len()),
            young,
        });
    }
    if server {
        for (sha, size) in repo.orphan_attachment_blobs()? {
            out.orphans.push(Orphan {
                sha256: sha,
                path: None,
                size,
                young: false,
            });
        }
    }
    Ok(out)
}

/// `check --repair`: removes the orphans [`check`] found that are old enough, after looking
/// once more that nothing names them. Returns how many went.
pub fn repair(dir: &DataDir, repo: &Repo, checked: &Checked) -> Result<usize> {
    let named: BTreeSet<String> = if dir.server().is_some() {
        BTreeSet::new()
    } else {
        repo.all_attachments()?
            .into_iter()
            .map(|a| a.sha256)
            .collect()
    };
    let (needs, unreadable) = needed_by_backups(dir)?;
    let mut removed = 0;
    let mut blobs = Vec::new();
    for o in checked.orphans.iter().filter(|o| !o.young) {
        if named.contains(&o.sha256) || needs.contains_key(&o.sha256) {
            continue;
        }
        match &o.path {
            Some(path) => {
                if !unreadable.is_empty() {
                    // A backup that cannot be read may need it: keep every file.
                    continue;
                }
                match fs::remove_file(path) {
                    Ok(()) => removed += 1,
                    Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                    Err(e) => return Err(with_path(e, path).into()),
                }
            }
            None => blobs.push(o.sha256.clone()),
        }
    }
    if !blobs.is_empty() {
        removed += repo.remove_orphan_attachment_blobs(&blobs)?;
    }
    Ok(removed)
}

/// For a local backup of a server log: makes sure the local store holds, whole, every
/// content the snapshot at `snapshot` needs, fetching what it lacks from the server.
/// A content the last backup hashed and whose file is unchanged is not read again (see
/// [`verify_new_backup_needs`], which then verifies the backup's needs).
pub fn fetch_for_backup(dir: &DataDir, server: &Repo, snapshot: &Path) -> Result<()> {
    let store = Store::of(dir);
    let record = Hashed::load(dir);
    for (sha, size, name) in crate::db::snapshot::attachment_files(snapshot)? {
        if store.verify_since(&sha, size, &record).0 == Verdict::Ok {
            continue;
        }
        let bytes = server.attachment_blob(&sha)?.ok_or_else(|| {
            anyhow!("the server does not hold the content of attachment \"{name}\"")
        })?;
        store.put_bytes(&sha, &bytes)?;
    }
    Ok(())
}

/// For a restore into a server: puts on the server every content the backup at `backup`
/// needs, from the local store, verified (inside the caller's transaction).
pub fn push_for_restore(dir: &DataDir, server: &Repo, backup: &Path) -> Result<()> {
    let store = Store::of(dir);
    for (sha, size, name) in crate::db::snapshot::attachment_files(backup)? {
        let state = server.attachment_blob_state(&sha)?;
        if state.sha256.as_deref() == Some(sha.as_str()) {
            continue;
        }
        let path = store.path_of(&sha);
        let bytes = fs::read(&path).map_err(|e| {
            anyhow!(
                "attachment \"{name}\" needed by the backup: {}",
                with_path(e, &path)
            )
        })?;
        if bytes.len() as u64 != size || hex(&Sha256::digest(&bytes)) != sha {
            bail!(
                "attachment \"{name}\" needed by the backup is damaged in {}",
                path.display()
            );
        }
        server.put_attachment_blob(&sha, &bytes)?;
    }
    Ok(())
}

impl Store {
    /// A store at any folder (the `attachments/` of an export folder).
    pub fn at(root: impl Into<PathBuf>) -> Store {
        Store { root: root.into() }
    }
}

/// The attachments a worklog JSON export names: each distinct SHA-256 with its size and a name.
pub fn named_in_export(text: &str) -> Result<Vec<(String, u64, String)>> {
    let doc: serde_json::Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|e| anyhow!("the export is not valid JSON: {e}"))?;
    let mut out: BTreeMap<String, (u64, String)> = BTreeMap::new();
    let rows = doc
        .get("tables")
        .and_then(|t| t.get("attachments"))
        .and_then(|a| a.as_array());
    for row in rows.into_iter().flatten() {
        let sha = row.get("sha256").and_then(|v| v.as_str()).unwrap_or("");
        if !is_sha(sha) {
            bail!("an attachments row of the export has no valid sha256");
        }
        let size = row.get("size").and_then(|v| v.as_u64()).unwrap_or(0);
        let name = row.get("name").and_then(|v| v.as_str()).unwrap_or("");
        out.entry(sha.to_string())
            .or_insert_with(|| (size, name.to_string()));
    }
    Ok(out
        .into_iter()
        .map(|(sha, (size, name))| (sha, size, name))
        .collect())
}

/// For `export --format json --out DIR`: copies into `DIR/attachments/` (laid out as the
/// store) the files the export at `json` names, verified. Returns how many.
pub fn export_files(dir: &DataDir, repo: &Repo, json: &Path, folder: &Path) -> Result<usize> {
    let text = fs::read_to_string(json).map_err(|e| with_path(e, json))?;
    let target = Store::at(folder.join("attachments"));
    let store = Store::of(dir);
    let mut n = 0;
    for (sha, size, name) in named_in_export(&text)? {
        let bytes = if dir.server().is_some() {
            repo.attachment_blob(&sha)?
                .ok_or_else(|| anyhow!("the server does not hold attachment \"{name}\""))?
        } else {
            if let Some(p) = store.verify(&sha, size).problem(size) {
                bail!("attachment \"{name}\": {p}; `worklog check` lists every problem");
            }
            let path = store.path_of(&sha);
            fs::read(&path).map_err(|e| with_path(e, &path))?
        };
        target.put_bytes(&sha, &bytes)?;
        n += 1;
    }
    Ok(n)
}

/// For `import` of a worklog export: makes sure every file its attachment rows name is in
/// this log (the store, or the server), verified, taking what is missing from `folder`'s
/// `attachments/` (an export folder). Runs before the rows go in, so a row never arrives
/// without its file; a failed import leaves at most files nothing names. With `dry_run`
/// nothing is written. Returns how many files were brought in (or would be).
pub fn import_files(
    dir: &DataDir,
    repo: &Repo,
    text: &str,
    folder: Option<&Path>,
    dry_run: bool,
) -> Result<usize> {
    let store = Store::of(dir);
    let mut n = 0;
    for (sha, size, name) in named_in_export(text)? {
        let here = if dir.server().is_some() {
            repo.attachment_blob_state(&sha)?.sha256.as_deref() == Some(sha.as_str())
        } else {
            store.verify(&sha, size) == Verdict::Ok
        };
        if here {
            continue;
        }
        let source = folder.map(|f| Store::at(f.join("attachments")).path_of(&sha));
        let Some(source) = source.filter(|s| s.is_file()) else {
            bail!(
                "the export names attachment \"{name}\", whose file is not here: import the \
                 folder that `worklog export --format json --out DIR` wrote"
            );
        };
        let bytes = fs::read(&source).map_err(|e| with_path(e, &source))?;
        if bytes.len() as u64 != size || hex(&Sha256::digest(&bytes)) != sha {
            bail!(
                "{} is not attachment \"{name}\" (its size or SHA-256 differs)",
                source.display()
            );
        }
        if !dry_run {
            if dir.server().is_some() {
                repo.put_attachment_blob(&sha, &bytes)?;
            } else {
                store.put_bytes(&sha, &bytes)?;
            }
        }
        n += 1;
    }
    Ok(n)
}

/// For `worklog copy`: puts every content the source's rows name into the target (its server,
/// or `target_store`), verified, before the rows are copied. Returns how many.
pub fn copy_files(
    source_dir: &DataDir,
    source: &Repo,
    target: &Repo,
    target_store: Option<&Store>,
) -> Result<usize> {
    let store = Store::of(source_dir);
    let mut seen = BTreeSet::new();
    for a in source.all_attachments()? {
        if !seen.insert(a.sha256.clone()) {
            continue;
        }
        let bytes = if source_dir.server().is_some() {
            source
                .attachment_blob(&a.sha256)?
                .ok_or_else(|| anyhow!("the server does not hold attachment \"{}\"", a.name))?
        } else {
            if let Some(p) = store.verify(&a.sha256, a.size).problem(a.size) {
                bail!(
                    "attachment {} \"{}\": {p}; nothing was copied",
                    a.id,
                    a.name
                );
            }
            let path = store.path_of(&a.sha256);
            fs::read(&path).map_err(|e| with_path(e, &path))?
        };
        match target_store {
            Some(t) => t.put_bytes(&a.sha256, &bytes)?,
            None => target.put_attachment_blob(&a.sha256, &bytes)?,
        }
    }
    Ok(seen.len())
}
