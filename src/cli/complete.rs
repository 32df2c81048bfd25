//! Dynamic shell completion (`source <(WORKLOG_COMPLETE=bash worklog)`): the shell runs worklog
//! with `WORKLOG_COMPLETE` set on every TAB, and these functions offer values from the user's
//! database: today's open tasks for `done`, goals, tags, people, skills, and the ids of recent
//! rows for `show`, `edit` and `rm`.
//!
//! A TAB must never change anything or make the user wait on a prompt: the database is opened
//! read-only (no migration, no backup, no file created beside it), and when it is missing, from
//! another version, locked or broken, nothing is offered and nothing is said.

use crate::db::{Candidate, Repo, RowsOf};
use crate::paths::DataDir;
use clap_complete::engine::ArgValueCandidates;
use clap_complete::engine::CompletionCandidate;
use std::ffi::OsString;
use std::path::PathBuf;

/// The shell asking, noted before clap_complete takes [`VAR`] out of the environment.
static SHELL: std::sync::OnceLock<OsString> = std::sync::OnceLock::new();

/// The variable the completion scripts set. Not clap's usual `COMPLETE`: a name that generic
/// may be set for something else, and then every command would print a script instead of
/// running.
pub const VAR: &str = "WORKLOG_COMPLETE";

/// Answers the shell and exits when `WORKLOG_COMPLETE` is set (by the script
/// `WORKLOG_COMPLETE=bash worklog` prints, or that line itself); else returns at once. Called
/// first thing, before anything is opened or written. An unknown shell is a one-line error.
pub fn respond(cli: fn() -> clap::Command) {
    if let Some(shell) = std::env::var_os(VAR) {
        let _ = SHELL.set(shell);
    }
    let env = clap_complete::CompleteEnv::with_factory(move || attach(cli())).var(VAR);
    let cwd = std::env::current_dir().ok();
    match env.try_complete(std::env::args_os(), cwd.as_deref()) {
        Ok(false) => {}
        Ok(true) => std::process::exit(0),
        Err(e) => {
            let text = e.to_string();
            let text = text.trim().trim_start_matches("error: ");
            eprintln!("worklog: {VAR}: {}", crate::text::sanitize(text));
            std::process::exit(2)
        }
    }
}

/// The command line with its values completed from the database: arguments are found by name
/// in every subcommand, so a new `--tag` or `--person` anywhere completes without more wiring.
pub fn attach(cmd: clap::Command) -> clap::Command {
    let mut cmd = cmd;
    let ids: Vec<clap::Id> = cmd.get_arguments().map(|a| a.get_id().clone()).collect();
    // `mut_arg` moves the argument to the end, and positionals are numbered in order when the
    // command is built: each keeps its place by number (`add assessment SKILL LEVEL`).
    let positionals: Vec<clap::Id> = cmd.get_positionals().map(|a| a.get_id().clone()).collect();
    for (n, id) in positionals.into_iter().enumerate() {
        cmd = cmd.mut_arg(id, |a| a.index(n + 1));
    }
    for id in ids {
        if let Some(source) = source(cmd.get_name(), id.as_str()) {
            cmd = cmd.mut_arg(id, |a| a.add(ArgValueCandidates::new(source)));
        }
    }
    let subcommands: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subcommands {
        cmd = cmd.mut_subcommand(name, attach);
    }
    cmd
}

/// Where the values of argument `arg` of subcommand `command` come from, if from the database.
fn source(command: &str, arg: &str) -> Option<fn() -> Vec<CompletionCandidate>> {
    Some(match (command, arg) {
        ("done", "ids") => open_tasks,
        (_, "goal" | "parent") => goals,
        (_, "tag" | "tags") => tags,
        (_, "person" | "with" | "owner") => people,
        ("assessment", "skill") => skills,
        ("show" | "edit", "id") | ("rm", "ids") => rows_of_kind,
        _ => return None,
    })
}

/// `worklog done <TAB>`: today's open tasks, by id, with their titles.
pub fn open_tasks() -> Vec<CompletionCandidate> {
    offer(|repo| repo.complete_open_tasks(repo.clock().today()))
}

/// `--goal`, `--parent`: goals by id (a title has spaces, which a shell would split), with
/// their titles.
pub fn goals() -> Vec<CompletionCandidate> {
    offer(Repo::complete_goals)
}

/// `--tag`: tag names.
pub fn tags() -> Vec<CompletionCandidate> {
    offer(Repo::complete_tags)
}

/// `--person`, `--with`, `--owner`: people by name, with their organization.
pub fn people() -> Vec<CompletionCandidate> {
    offer(Repo::complete_people)
}

/// `show KIND <TAB>`, `edit KIND <TAB>`, `rm KIND <TAB>`: ids of recent rows of that kind.
pub fn rows_of_kind() -> Vec<CompletionCandidate> {
    let Some(kind) = kind_in(std::env::args_os()) else {
        return Vec::new();
    };
    offer(|repo| repo.complete_rows(kind))
}

/// The KIND typed after `show`, `edit` or `rm` on the line being completed, by the names
/// those commands accept (singular or plural).
fn kind_in(args: impl Iterator<Item = OsString>) -> Option<RowsOf> {
    let words: Vec<String> = line(args)
        .into_iter()
        .map(|w| w.to_string_lossy().into_owned())
        .collect();
    let at = words
        .iter()
        .position(|w| matches!(w.as_str(), "show" | "edit" | "rm"))?;
    let mut rest = words[at + 1..].iter();
    let word = loop {
        let w = rest.next()?;
        match w.as_str() {
            // Options that take a value, as the next word.
            "--data-dir" | "--color" => {
                rest.next();
            }
            w if w.starts_with('-') => {}
            w => break w,
        }
    };
    Some(match word {
        "task" | "tasks" => RowsOf::Tasks,
        "learning" | "learnings" | "journal" => RowsOf::Learnings,
        "skill" | "skills" => RowsOf::Skills,
        "meeting" | "meetings" => RowsOf::Meetings,
        "action-item" | "action-items" | "action" => RowsOf::ActionItems,
        "goal" | "goals" => RowsOf::Goals,
        "feedback" => RowsOf::Feedback,
        "checkin" | "checkins" | "energy" => RowsOf::Checkins,
        "person" | "people" => RowsOf::People,
        "tag" | "tags" => RowsOf::Tags,
        _ => return None,
    })
}

/// The words of the command line being completed: those after the `--` that the shell's
/// completion script passes.
fn line(args: impl Iterator<Item = OsString>) -> Vec<OsString> {
    args.skip_while(|a| a != "--").skip(1).collect()
}

/// `add assessment <TAB>`: skill names, with their category.
pub fn skills() -> Vec<CompletionCandidate> {
    offer(Repo::complete_skills)
}

fn offer(
    read: impl FnOnce(&Repo) -> crate::db::Result<Vec<Candidate>>,
) -> Vec<CompletionCandidate> {
    let Some(repo) = open() else {
        return Vec::new();
    };
    let bash = SHELL.get().is_some_and(|s| s == "bash");
    read(&repo)
        .unwrap_or_default()
        .into_iter()
        .map(|c| {
            let value = crate::text::sanitize(&c.value).into_owned();
            let value = if bash { bash_escape(&value) } else { value };
            let help = crate::text::sanitize(&c.help).into_owned();
            CompletionCandidate::new(value).help((!help.is_empty()).then(|| help.into()))
        })
        .collect()
}

/// The database the command being completed would use, opened read-only; None when there is
/// none to read.
fn open() -> Option<Repo> {
    let dir = DataDir::resolve(
        option_in(std::env::args_os(), "--data-dir")
            .or_else(|| {
                std::env::var_os("WORKLOG_DATA_DIR")
                    .filter(|v| !v.is_empty())
                    .map(PathBuf::from)
            })
            // Else the config file's, as the command would (a config that cannot be read
            // offers nothing here: the command itself will say what is wrong with it).
            .or_else(|| {
                crate::config::load(option_in(std::env::args_os(), "--config").as_deref())
                    .ok()
                    .and_then(|c| c.data_dir)
            }),
    )
    .ok()?;
    let path = dir.database();
    // Opening a missing file read-only fails anyway; this keeps the common case quiet and cheap.
    if !path.is_file() {
        return None;
    }
    Repo::open_read_only(&path, crate::clock::from_env()).ok()
}

/// The path given to `option` (`--data-dir`, `--config`) on the command line being completed
/// (the words after the `--` that the shell's completion script passes), so completion reads
/// the database the command will.
fn option_in(args: impl Iterator<Item = OsString>, option: &str) -> Option<PathBuf> {
    let words = line(args);
    let with_value = format!("{option}=");
    let mut found = None;
    let mut it = words.iter();
    while let Some(word) = it.next() {
        if word == option {
            found = it.next().map(PathBuf::from);
        } else if let Some(path) = word.to_str().and_then(|w| w.strip_prefix(&with_value)) {
            found = Some(PathBuf::from(path));
        }
    }
    found.filter(|d| !d.as_os_str().is_empty())
}

/// bash inserts a candidate as it is: a name with a space ("Ana Lima") would become two words.
/// zsh and fish quote what they insert themselves.
fn bash_escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        if c.is_whitespace() || "\\'\"`$!&|;<>()[]{}*?#~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(words: &[&str]) -> impl Iterator<Item = OsString> {
        words
            .iter()
            .map(OsString::from)
            .collect::<Vec<_>>()
            .into_iter()
    }

    #[test]
    fn the_data_dir_typed_on_the_line_being_completed() {
        let typed = |w: &[&str]| option_in(args(w), "--data-dir");
        assert_eq!(
            typed(&["worklog", "--", "worklog", "--data-dir", "/d", "done", ""]),
            Some(PathBuf::from("/d"))
        );
        assert_eq!(
            typed(&["worklog", "--", "worklog", "done", "--data-dir=/e", ""]),
            Some(PathBuf::from("/e"))
        );
        // Words before the `--` are worklog's own, not the line's.
        assert_eq!(
            typed(&["worklog", "--data-dir", "/x", "--", "worklog", "done"]),
            None
        );
        assert_eq!(typed(&["worklog", "--", "worklog", "--data-dir"]), None);
    }

    #[test]
    fn the_kind_before_the_id_being_completed() {
        let kind = |w: &[&str]| kind_in(args(w));
        assert_eq!(
            kind(&["w", "--", "worklog", "show", "task", ""]),
            Some(RowsOf::Tasks)
        );
        assert_eq!(
            kind(&[
                "w",
                "--",
                "worklog",
                "--data-dir",
                "/d",
                "rm",
                "--color",
                "never",
                "action",
                ""
            ]),
            Some(RowsOf::ActionItems)
        );
        assert_eq!(
            kind(&["w", "--", "worklog", "edit", "energy", "4", ""]),
            Some(RowsOf::Checkins)
        );
        assert_eq!(kind(&["w", "--", "worklog", "show", "bogus", ""]), None);
        assert_eq!(kind(&["w", "--", "worklog", "list", "tasks", ""]), None);
    }

    #[test]
    fn bash_gets_names_escaped() {
        assert_eq!(bash_escape("Ana Lima"), "Ana\\ Lima");
        assert_eq!(bash_escape("O'Brien & co"), "O\\'Brien\\ \\&\\ co");
        assert_eq!(bash_escape("rust"), "rust");
    }
}
