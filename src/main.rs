//! The `worklog` binary: parses the command line and hands over to the library.

use clap::{Parser, Subcommand};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use worklog::cli;
use worklog::clock;
use worklog::paths::DataDir;

#[derive(Debug, Parser)]
#[command(name = "worklog", version, about, max_term_width = 100)]
struct Cli {
    /// Where the database and its backups live [default: $XDG_DATA_HOME/worklog]
    #[arg(long, global = true, env = "WORKLOG_DATA_DIR", value_name = "DIR")]
    data_dir: Option<PathBuf>,

    #[command(subcommand)]
    command: Option<Command>,
}

const SEARCH_EXAMPLES: &str = r#"Examples:
  worklog search kube deploy
  worklog search '"code review"' pane:journal from:2026-01-01
  worklog search 'ku*' -docker is:open
  worklog search person:ana tag:1on1"#;

/// One variant per subcommand; no subcommand starts the interactive app.
#[derive(Debug, Subcommand)]
enum Command {
    /// Take a verified backup now (or list the backups)
    Backup {
        /// List the backups instead: date, reason, size and rows of each
        #[arg(long)]
        list: bool,
    },
    /// Replace the database with a backup (the current one is backed up first)
    Restore {
        /// A backup file, or a date YYYY-MM-DD for the newest backup of that day
        #[arg(value_name = "FILE|YYYY-MM-DD")]
        source: String,
    },
    /// Check the database's integrity and the state of the backups
    Check,
    /// Move the database schema to version N, up or down (backs up first)
    Migrate {
        /// The schema version to move to
        #[arg(long, value_name = "N")]
        to: u32,
    },
    /// Search the text of every pane: words, "phrases", prefix*, OR, -word, and the filters
    /// pane: tag: person: from: to: is:
    #[command(after_help = SEARCH_EXAMPLES)]
    Search {
        /// What to look for (see above); quote it or not, the words are joined with spaces.
        /// --json and --limit may also follow the words; after -- everything is words
        #[arg(
            required = true,
            num_args = 1..,
            trailing_var_arg = true,
            allow_hyphen_values = true,
            value_name = "QUERY"
        )]
        query: Vec<String>,
        /// Print the hits as a JSON array (matches marked with U+E000 and U+E001)
        #[arg(long)]
        json: bool,
        /// Show at most N hits
        #[arg(long, value_name = "N", default_value_t = 20)]
        limit: usize,
    },
    /// Fill an empty data directory (by default a new temporary one) with sample data
    Demo {
        /// About how many rows to write, up to 1000000 [default: about a year of use]
        #[arg(long, value_name = "N", default_value_t = worklog::demo::DEFAULT_ROWS)]
        rows: usize,
        /// The same seed always gives the same data
        #[arg(long, value_name = "S", default_value_t = 1)]
        seed: u64,
    },
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            // --help and --version.
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            let text = e.to_string();
            let first = text.lines().next().unwrap_or_default();
            let first = first.strip_prefix("error: ").unwrap_or(first);
            eprintln!(
                "worklog: {} (see worklog --help)",
                worklog::text::sanitize(first)
            );
            return ExitCode::from(2);
        }
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}", cli::error_line(&e));
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let clock = clock::from_env();
    let data_dir = cli.data_dir;
    let dir = || DataDir::resolve(data_dir.clone());
    let (out, err) = (&mut std::io::stdout().lock(), &mut std::io::stderr().lock());
    match cli.command {
        None => writeln!(
            out,
            "worklog: the interactive app is not built yet; see `worklog --help` for commands"
        )?,
        Some(Command::Backup { list: true }) => cli::admin::list_backups(&dir()?, out)?,
        Some(Command::Backup { list: false }) => cli::admin::backup_now(&dir()?, clock, out, err)?,
        Some(Command::Restore { source }) => {
            cli::admin::restore(&dir()?, clock, &source, out, err)?
        }
        Some(Command::Check) => cli::admin::check(&dir()?, clock, out, err)?,
        Some(Command::Migrate { to }) => cli::admin::migrate(&dir()?, clock, to, out, err)?,
        Some(Command::Search { query, json, limit }) => {
            let args = cli::search::Args::gather(query, json, limit)?;
            let highlight = cli::search::Highlight::for_stdout();
            cli::search::search(&dir()?, clock, &args, highlight, out, err)?;
        }
        // Without --data-dir, demo makes a new directory rather than using the default one.
        Some(Command::Demo { rows, seed }) => {
            cli::demo::fill(data_dir.clone(), rows, seed, clock, out)?;
        }
    }
    Ok(())
}
