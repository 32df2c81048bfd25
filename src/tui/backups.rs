//! Today's backup, taken on a background thread so start-up never waits for it (about a third
//! of a second at 100,000 rows), and again when the app stays open past midnight.
//!
//! A suspected data loss on record (see `crate::backup`) outranks everything else here: the
//! status line shows it from the first frame of every launch, and after every backup, until
//! the user restores or accepts it.

use super::status::BackupNote;
use crate::backup::{self, BackupReport};
use crate::clock::Clock;
use crate::paths::DataDir;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, TryRecvError};

type Outcome = Result<Option<BackupReport>, String>;

pub struct BackupWorker {
    dir: DataDir,
    clock: Arc<dyn Clock>,
    running: Option<Receiver<Outcome>>,
}

impl BackupWorker {
    pub fn new(dir: DataDir, clock: Arc<dyn Clock>) -> Self {
        BackupWorker {
            dir,
            clock,
            running: None,
        }
    }

    /// Starts today's backup unless one is already running. It opens its own connection, so
    /// the UI thread keeps answering keys meanwhile.
    pub fn start(&mut self) {
        if self.running.is_some() {
            return;
        }
        let (tx, rx) = mpsc::channel();
        let (dir, clock) = (self.dir.clone(), self.clock.clone());
        let spawned = std::thread::Builder::new()
            .name("daily-backup".into())
            .spawn(move || {
                let outcome = backup::daily_if_missing(&dir, &*clock).map_err(|e| format!("{e:#}"));
                // The app may have quit meanwhile; then nobody needs the answer.
                let _ = tx.send(outcome);
            });
        if spawned.is_ok() {
            self.running = Some(rx);
        }
    }

    /// How the backup went, once it has finished; `None` while it runs or when none was started.
    pub fn poll(&mut self) -> Option<BackupNote> {
        let rx = self.running.as_ref()?;
        let outcome = match rx.try_recv() {
            Ok(outcome) => outcome,
            Err(TryRecvError::Empty) => return None,
            Err(TryRecvError::Disconnected) => Err("the backup thread stopped unexpectedly".into()),
        };
        self.running = None;
        if let Some(note) = self.shrink_note() {
            return Some(note);
        }
        Some(match outcome {
            Ok(Some(report)) => match report.warnings.first() {
                Some(w) => BackupNote::Warning(format!("backup: {w}")),
                None => BackupNote::At(self.clock.now()),
            },
            Ok(None) => self.newest_today(),
            Err(e) => BackupNote::Warning(format!("backup failed: {e}")),
        })
    }

    /// The suspected-loss warning, short enough for the status line.
    fn shrink_note(&self) -> Option<BackupNote> {
        match backup::shrink(&self.dir) {
            Ok(Some(marker)) => Some(BackupNote::Warning(format!(
                "suspected data loss since {}: older backups kept, see `worklog check`",
                marker.since.format("%Y-%m-%d")
            ))),
            Ok(None) => None,
            Err(e) => Some(BackupNote::Warning(format!("backups: {e:#}"))),
        }
    }

    /// The newest backup taken today, if there is one (or a suspected loss, which comes first).
    pub fn newest_today(&self) -> BackupNote {
        if let Some(note) = self.shrink_note() {
            return note;
        }
        match backup::newest_of_day(&self.dir, self.clock.today()) {
            Ok(Some(b)) => BackupNote::At(b.name.at),
            Ok(None) => BackupNote::None,
            Err(e) => BackupNote::Warning(format!("backups: {e:#}")),
        }
    }
}
