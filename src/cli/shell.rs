//! The command line as a shell sees it: usage errors, closed pipes, completions, man pages.

use crate::text::sanitize_lines;
use std::io::{self, IsTerminal};

/// What `main` prints for a usage error: clap's whole message (what is missing, the valid
/// values, "did you mean"), led by `worklog:` like every other error. Coloured only when
/// standard error is a terminal and `NO_COLOR` is unset (or `CLICOLOR_FORCE` asks for it), and
/// never when it quotes text that would need escaping: then the plain text is made safe.
pub fn usage_error(err: &clap::Error) -> String {
    let styled = err.render();
    let plain = styled.to_string();
    let lines = sanitize_lines(&plain);
    let text = if lines.iter().any(|l| matches!(l, std::borrow::Cow::Owned(_))) {
        lines.join("\n")
    } else if colour_on_stderr() {
        styled.ansi().to_string()
    } else {
        plain
    };
    text.replacen("error:", "worklog:", 1)
}

fn colour_on_stderr() -> bool {
    let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty() && v != "0");
    if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        return false;
    }
    set("CLICOLOR_FORCE") || io::stderr().is_terminal()
}

/// True when the command failed only because whoever read its output stopped reading
/// (`worklog export | head -1`): not an error, as for ripgrep, so `main` exits quietly.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        if let Some(crate::db::Error::OutputClosed) = cause.downcast_ref::<crate::db::Error>() {
            return true;
        }
        let kind = if let Some(e) = cause.downcast_ref::<io::Error>() {
            Some(e.kind())
        } else if let Some(e) = cause.downcast_ref::<serde_json::Error>() {
            e.io_error_kind()
        } else if let Some(e) = cause.downcast_ref::<csv::Error>() {
            match e.kind() {
                csv::ErrorKind::Io(e) => Some(e.kind()),
                _ => None,
            }
        } else {
            None
        };
        kind == Some(io::ErrorKind::BrokenPipe)
    })
}
