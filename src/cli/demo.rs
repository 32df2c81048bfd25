//! `worklog demo`: fills a data directory with sample data.

use crate::backup;
use crate::clock::Clock;
use crate::demo;
use crate::launch;
use crate::paths::DataDir;
use crate::text::sanitize;
use anyhow::{Context, Result, bail};
use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;

/// Fills `dir` (or, when `None`, a new directory under the system's temporary directory) with
/// about `rows` rows of sample data, and returns the directory. Refuses a directory that
/// already holds data, so it can never mix sample rows into someone's real record.
pub fn fill(
    dir: Option<PathBuf>,
    server: Option<String>,
    rows: usize,
    seed: u64,
    clock: Arc<dyn Clock>,
    out: &mut dyn Write,
) -> Result<DataDir> {
    if rows > demo::MAX_ROWS {
        bail!("--rows must be at most {}, got {rows}", demo::MAX_ROWS);
    }
    let dir = match dir {
        Some(d) => DataDir::new(d),
        None => {
            let made = tempfile::Builder::new()
                .prefix("worklog-demo-")
                .tempdir()
                .context("cannot create a temporary directory for the demo")?
                .keep();
            // Private, as every data directory worklog makes (the system's temporary folder
            // is shared; tempfile leaves the mode to the umask).
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&made, std::fs::Permissions::from_mode(0o700))
                .map_err(|e| crate::paths::with_path(e, &made))?;
            DataDir::new(made)
        }
    };
    let dir = dir.with_server(server);
    let repo = launch::open(&dir, clock.clone())?;
    if repo.has_data()? {
        match dir.server() {
            Some(server) => bail!("{server} already holds data; demo fills only an empty log"),
            None => bail!(
                "{} already holds data; demo fills only an empty data directory",
                dir.root().display()
            ),
        }
    }
    let summary = demo::generate(&repo, rows, seed, clock.today())?;
    drop(repo);
    // Taken after the data is in, so the first backup is of the filled database.
    let backup = backup::daily_if_missing(&dir, &*clock);
    let root = dir.root().display().to_string();
    writeln!(
        out,
        "{} rows of sample data from {} to {} in {}",
        summary.rows,
        summary.first_day,
        summary.last_day,
        sanitize(&root)
    )?;
    if let Err(e) = backup {
        writeln!(
            out,
            "(the first backup failed: {})",
            sanitize(&format!("{e:#}"))
        )?;
    }
    writeln!(out, "open it with: worklog --data-dir {}", sanitize(&root))?;
    Ok(dir)
}
