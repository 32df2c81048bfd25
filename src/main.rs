//! The `worklog` binary: parses the command line and hands over to the library.

use clap::{Parser, Subcommand};
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

    /// Open the app on a new throwaway directory filled with a year of sample data
    #[arg(long)]
    demo: bool,

    #[command(subcommand)]
    command: Option<Command>,
}

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
        None if cli.demo => {
            let dir = cli::demo::fill(None, worklog::demo::DEFAULT_ROWS, 1, clock.clone(), out)?;
            worklog::tui::run(dir, clock)?;
        }
        None => worklog::tui::run(dir()?, clock)?,
        Some(Command::Backup { list: true }) => cli::admin::list_backups(&dir()?, out)?,
        Some(Command::Backup { list: false }) => cli::admin::backup_now(&dir()?, clock, out, err)?,
        Some(Command::Restore { source }) => {
            cli::admin::restore(&dir()?, clock, &source, out, err)?
        }
        Some(Command::Check) => cli::admin::check(&dir()?, clock, out, err)?,
        Some(Command::Migrate { to }) => cli::admin::migrate(&dir()?, clock, to, out, err)?,
        // Without --data-dir, demo makes a new directory rather than using the default one.
        Some(Command::Demo { rows, seed }) => {
            cli::demo::fill(data_dir.clone(), rows, seed, clock, out)?;
        }
    }
    Ok(())
}
