//! Command implementations for `src/main.rs`, which only parses arguments and dispatches.
//! Each command writes its normal output to `out` and warnings (one line each) to `warn`, and
//! returns an error for `main` to print as one line.

pub mod add;
pub mod admin;
pub mod attach;
pub mod browse;
pub mod capture;
pub mod complete;
pub mod copy;
pub mod demo;
pub mod edit;
pub mod exchange;
pub mod history;
pub mod json;
pub mod quick;
pub mod remove;
pub mod say;
pub mod search;
pub mod shell;

use crate::text::sanitize;
use std::io::{self, Write};

/// Writes one warning line, neutralised for the terminal.
pub fn warn(to: &mut dyn Write, message: &str) -> io::Result<()> {
    writeln!(to, "worklog: warning: {}", sanitize(message))
}

/// The one line `main` prints for an error: `{err:#}` with every cause, made safe to print.
pub fn error_line(err: &anyhow::Error) -> String {
    format!("worklog: {}", sanitize(&format!("{err:#}")))
}

/// Errors in one line when the data directory (or its database) cannot be written, before a
/// command that writes opens anything.
pub fn refuse_read_only(dir: &crate::paths::DataDir) -> anyhow::Result<()> {
    if crate::launch::is_writable(dir) {
        return Ok(());
    }
    anyhow::bail!(
        "cannot write: the data directory {} or its database is read-only (today, list, show, \
         search, export, report and check still work)",
        dir.root().display()
    )
}
