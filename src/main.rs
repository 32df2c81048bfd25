use clap::Parser;
use std::path::PathBuf;

/// A keyboard-driven terminal record of your working life.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    /// Where worklog keeps its database, backups and drafts.
    #[arg(long, env = "WORKLOG_DATA_DIR", global = true)]
    data_dir: Option<PathBuf>,
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let dir = worklog::paths::DataDir::resolve(cli.data_dir)?;
    worklog::tui::run(dir, worklog::clock::from_env())
}
