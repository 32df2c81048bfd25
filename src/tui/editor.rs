//! Writing text in the user's own editor.
//!
//! The text goes into a private temporary file (mode 0600, removed afterwards); the editor
//! runs on it with the terminal handed over (the app leaves the alternate screen and raw mode
//! around [`edit`], see `tui::suspended`), and what the file holds when the editor exits
//! successfully comes back. A missing or failing editor leaves the text as it was and says why.
//!
//! Which editor: `WORKLOG_EDITOR`, then the config file's `editor`, then `VISUAL`, then
//! `EDITOR` (as git reads them), then `vi`. The command is run by `sh -c` like git does, so
//! `EDITOR="code --wait"` or `EDITOR="vim -u NONE"` work.

use std::io::Write;
use std::process::Command;

/// The editor command from the environment and the config file (see the module docs).
pub fn command_from_env() -> String {
    crate::config::editor_setting(crate::config::current()).0
}

/// Runs `command` on a private temporary file holding `text`; returns the file's text after
/// the editor exited successfully. The one newline editors add at the end is dropped again if
/// `text` had none. Err is a sentence for the status line; the caller keeps `text` then.
pub fn edit(command: &str, text: &str) -> Result<String, String> {
    let mut file = tempfile::Builder::new()
        .prefix("worklog-")
        .suffix(".md")
        .tempfile()
        .map_err(|e| format!("could not create a file for the editor: {e}"))?;
    restrict(file.path()).map_err(|e| format!("could not make the editor's file private: {e}"))?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.flush())
        .map_err(|e| format!("could not write the file for the editor: {e}"))?;
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{command} \"$1\""))
        .arg("worklog-editor")
        .arg(file.path())
        .status()
        .map_err(|e| {
            format!("could not start the editor ({command}): {e}; the text is unchanged")
        })?;
    if !status.success() {
        let why = match status.code() {
            Some(127) => "not found".to_string(),
            Some(c) => format!("exit status {c}"),
            None => "killed by a signal".to_string(),
        };
        return Err(format!(
            "the editor ({command}) failed: {why}; the text is unchanged"
        ));
    }
    // Editors may replace the file rather than write into it: read it again by name.
    let mut out = std::fs::read_to_string(file.path()).map_err(|e| {
        format!("could not read back the editor's file: {e}; the text is unchanged")
    })?;
    if !text.ends_with('\n') && out.ends_with('\n') {
        out.pop();
        if out.ends_with('\r') {
            out.pop();
        }
    }
    Ok(out)
}

#[cfg(unix)]
fn restrict(path: &std::path::Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))
}

#[cfg(not(unix))]
fn restrict(_path: &std::path::Path) -> std::io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_script_edits_the_text_and_the_final_newline_is_dropped() {
        let out = edit("sed -i 's/old/new/'", "the old text");
        assert_eq!(out, Ok("the new text".to_string()));
        // A text that ended with a newline keeps it.
        let out = edit("sed -i 's/a/b/'", "a\n");
        assert_eq!(out, Ok("b\n".to_string()));
    }

    #[test]
    fn the_file_is_private_and_gone_afterwards() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let log = dir.path().join("log");
        let cmd = format!(
            "sh -c 'stat -c %a \"$1\" > {0}; echo \"$1\" >> {0}' x",
            log.display()
        );
        assert_eq!(edit(&cmd, "secret"), Ok("secret".to_string()));
        let log = std::fs::read_to_string(&log).unwrap_or_default();
        let mut lines = log.lines();
        assert_eq!(lines.next(), Some("600"));
        let path = lines.next().unwrap_or_default();
        assert!(!path.is_empty() && !std::path::Path::new(path).exists());
    }

    #[test]
    fn a_failing_or_missing_editor_says_why() {
        let e = edit("false", "keep").unwrap_err();
        assert!(
            e.contains("exit status 1") && e.contains("unchanged"),
            "{e}"
        );
        let e = edit("/nonexistent/editor-xyz", "keep").unwrap_err();
        assert!(e.contains("not found"), "{e}");
    }
}
