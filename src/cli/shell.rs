//! The command line as a shell sees it: usage errors, closed pipes, completions, man pages.

use crate::text::{sanitize, sanitize_lines};
use anyhow::Context;
use std::io::{self, IsTerminal, Write};
use std::path::Path;

/// What `main` prints for a usage error: clap's whole message (what is missing, the valid
/// values, "did you mean"), led by `worklog:` like every other error. Coloured only when
/// standard error is coloured (see `super::say::colour`: `--color`, `NO_COLOR`, `CLICOLOR_FORCE`), and
/// never when it quotes text that would need escaping: then the plain text is made safe.
pub fn usage_error(err: &clap::Error) -> String {
    let styled = err.render();
    let plain = styled.to_string();
    let lines = sanitize_lines(&plain);
    let text = if lines
        .iter()
        .any(|l| matches!(l, std::borrow::Cow::Owned(_)))
    {
        lines.join("\n")
    } else if colour_on_stderr() {
        styled.ansi().to_string()
    } else {
        plain
    };
    text.replacen("error:", "worklog:", 1)
}

fn colour_on_stderr() -> bool {
    super::say::colour(io::stderr().is_terminal())
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

/// `worklog completions SHELL`: the completion script for `shell`, for the shell to source.
/// Rendered in memory first: clap_complete panics on a failed write (a closed pipe).
pub fn completions(
    mut cmd: clap::Command,
    shell: clap_complete::Shell,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let mut script = Vec::new();
    let name = cmd.get_name().to_string();
    clap_complete::generate(shell, &mut cmd, name, &mut script);
    out.write_all(&script)?;
    Ok(())
}

/// `worklog man [SUBCOMMAND...]` prints the man page of worklog or of one subcommand
/// (`worklog man add task`); `worklog man --out DIR` writes every page into DIR, named as
/// `man` looks them up (`worklog.1`, `worklog-add-task.1`), and says how many.
pub fn man(
    cmd: clap::Command,
    words: &[String],
    out_dir: Option<&Path>,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let mut cmd = cmd.disable_help_subcommand(true);
    // Gives each subcommand its page's name (its display name, `worklog-add-task`).
    cmd.build();
    if let Some(dir) = out_dir {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        let mut pages = Vec::new();
        collect(&cmd, &mut pages);
        for page in &pages {
            let man = page_of(page);
            let path = dir.join(man.get_filename());
            std::fs::write(&path, render(man)?)
                .with_context(|| format!("cannot write {}", path.display()))?;
        }
        writeln!(
            out,
            "wrote {} man pages to {}",
            pages.len(),
            sanitize(&dir.display().to_string())
        )?;
        return Ok(());
    }
    let mut page = &cmd;
    for word in words {
        page = page
            .get_subcommands()
            .find(|s| !s.is_hide_set() && s.get_name() == word)
            .ok_or_else(|| {
                anyhow::anyhow!(
                    "{} has no subcommand {:?} (see worklog --help)",
                    page.get_display_name().unwrap_or(page.get_name()),
                    sanitize(word).as_ref()
                )
            })?;
    }
    out.write_all(&render(page_of(page))?)?;
    Ok(())
}

/// `cmd` and every visible subcommand below it.
fn collect(cmd: &clap::Command, pages: &mut Vec<clap::Command>) {
    pages.push(cmd.clone());
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        collect(sub, pages);
    }
}

/// A page footed "worklog VERSION" (a subcommand has no version of its own).
fn page_of(cmd: &clap::Command) -> clap_mangen::Man {
    clap_mangen::Man::new(cmd.clone()).source(format!("worklog {}", env!("CARGO_PKG_VERSION")))
}

fn render(man: clap_mangen::Man) -> io::Result<Vec<u8>> {
    let mut page = Vec::new();
    man.render(&mut page)?;
    Ok(page)
}
