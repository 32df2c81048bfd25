//! The `worklog` binary: parses the command line and hands over to the library.

use clap::{ArgGroup, CommandFactory, FromArgMatches, Parser, Subcommand};
use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use worklog::cli;
use worklog::cli::exchange::ExportFormat;
use worklog::clock;
use worklog::paths::DataDir;

#[derive(Debug, Parser)]
#[command(name = "worklog", version, about, max_term_width = 100)]
struct Cli {
    /// Where the database and its backups live [default: $XDG_DATA_HOME/worklog]
    #[arg(long, global = true, env = "WORKLOG_DATA_DIR", value_name = "DIR")]
    data_dir: Option<PathBuf>,

    /// Keep the log on a PostgreSQL server instead of the data directory's worklog.db:
    /// postgresql://USER@HOST/DB?sslmode=verify-full (libpq's PG* variables and ~/.pgpass
    /// apply; WORKLOG_SCHEMA names the schema, "worklog" by default)
    #[arg(
        long,
        global = true,
        env = "WORKLOG_DATABASE",
        value_name = "URL",
        hide_env_values = true
    )]
    database: Option<String>,

    /// Read settings from this file [default: $WORKLOG_CONFIG, else
    /// $XDG_CONFIG_HOME/worklog/config.toml if it exists]
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,

    /// Open the app on a new throwaway directory filled with a year of sample data
    #[arg(long)]
    demo: bool,

    /// Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for,
    /// warnings and errors are still written
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    quiet: bool,

    /// Explain on standard error what opening the database did: created or migrated it, took
    /// today's backup (or handed it to the background), rotated old backups
    #[arg(short, long, global = true)]
    verbose: bool,

    /// Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a
    /// pipe too), always or never
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = cli::say::ColorChoice::Auto)]
    color: cli::say::ColorChoice,

    #[command(subcommand)]
    command: Option<Command>,
}

const SEARCH_EXAMPLES: &str = r#"Examples:
  worklog search kube deploy
  worklog search '"code review"' pane:journal from:2026-01-01
  worklog search 'ku*' -docker is:open
  worklog search person:ana tag:1on1"#;

const LIST_EXAMPLES: &str = r#"Examples:
  worklog list tasks --day today --status open
  worklog list meetings --from mon --person ana
  worklog list learnings --tag rust --json | jq '.[].title'
  worklog show task 12"#;

const EDIT_HELP: &str = r#"The file opened holds comment lines (#) saying what each field takes, one
`field: value` line per field, and for most kinds a --- line with the long text below it
(a task's notes, a learning's body, a meeting's notes…):

  title: Call the bank
  status: todo
  priority: high
  estimate: 30
  goal:
  tags: home, money
  ---
  Ask about the fee.

Save and quit to write it. A mistake reopens the editor with the problem at the top. If the
row was changed meanwhile (in the app, another shell), nothing is overwritten: the edit is kept
in a file and the command says where. Emptying the file, or leaving it unchanged, cancels."#;

/// One variant per subcommand; no subcommand starts the interactive app.
#[derive(Debug, Subcommand)]
enum Command {
    /// Take a verified backup now (or list the backups)
    Backup {
        /// List the backups instead: date, reason, size and rows of each
        #[arg(long, conflicts_with = "accept_shrink")]
        list: bool,
        /// After a suspected data loss: confirm the data as it is now, so that the backups
        /// from before it follow the usual rotation again
        #[arg(long)]
        accept_shrink: bool,
        /// With --list: print a JSON array instead
        #[arg(long, requires = "list")]
        json: bool,
    },
    /// Replace the database with a backup (the current one is backed up first)
    Restore {
        /// A backup file, or a date YYYY-MM-DD for the newest backup of that day
        #[arg(value_name = "FILE|YYYY-MM-DD")]
        source: String,
    },
    /// Check the database's integrity and the state of the backups
    Check {
        /// Print the findings as a JSON object (the exit status is the same)
        #[arg(long)]
        json: bool,
        /// Remove attachment files that nothing needs (no row names them, no kept backup
        /// does, and they are over an hour old)
        #[arg(long)]
        repair: bool,
    },
    /// Take today's backup if missing, unless one is running (started detached by commands)
    #[command(name = "__daily-backup", hide = true)]
    DailyBackup,
    /// Copy the whole database into an empty one: a PostgreSQL server or a SQLite file
    Copy {
        /// A postgresql:// URL (schema from WORKLOG_SCHEMA or the URL), a data directory,
        /// or a .db file
        #[arg(long, value_name = "TARGET")]
        to: String,
    },
    /// Move the database schema to version N, up or down (backs up first)
    Migrate {
        /// The schema version to move to
        #[arg(long, value_name = "N")]
        to: u32,
        /// Go ahead without asking when moving down drops tables that hold data
        #[arg(long)]
        yes: bool,
    },
    /// Capture something quickly, without opening the app
    Add {
        #[command(subcommand)]
        what: AddCommand,
    },
    /// Mark focus tasks done
    Done {
        /// The task's id (as `worklog today` shows it); several are done together or not at all
        #[arg(required = true, value_name = "TASK-ID")]
        ids: Vec<i64>,
    },
    /// The day at a glance: focus tasks, check-ins, meetings, open action items
    Today {
        /// Print it as JSON
        #[arg(long)]
        json: bool,
    },
    /// Export everything, or a date range, as JSON, CSV or SQL
    Export {
        #[arg(long, value_enum, value_name = "FORMAT")]
        format: ExportFormat,
        /// Write to this file (a folder for csv) instead of standard output
        #[arg(long, value_name = "PATH")]
        out: Option<PathBuf>,
        /// Replace an existing --out file (or csv folder); never the database or a backup
        #[arg(long, requires = "out")]
        force: bool,
        /// Keep dated rows from this day on (today, yesterday, -N days, mon…sun, YYYY-MM-DD)
        #[arg(long, value_name = "D", allow_hyphen_values = true)]
        from: Option<String>,
        /// Keep dated rows up to this day, inclusive
        #[arg(long, value_name = "D", allow_hyphen_values = true)]
        to: Option<String>,
    },
    /// Import a worklog export, Taskwarrior's `task export`, `jrnl --format json` output or an
    /// iCalendar (.ics) file's events as meetings
    Import {
        /// The file to read (- for standard input)
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// What the file is (worklog, taskwarrior, jrnl, ics) [default: detected from its
        /// contents]; for a calendar, a day instead is the first day of events to import
        /// [default: 90 days ago]
        #[arg(long, value_name = "SOURCE|D", allow_hyphen_values = true)]
        from: Option<String>,
        /// A calendar's last day of events to import [default: 14 days from today]
        #[arg(long, value_name = "D", allow_hyphen_values = true)]
        to: Option<String>,
        /// Import a calendar's all-day events too
        #[arg(long)]
        all_day: bool,
        /// The user's own email domain, which tells external meetings [default: the config
        /// file's [calendar] domain, else the domain of the organizer of most events]
        #[arg(long, value_name = "DOMAIN")]
        domain: Option<String>,
        /// Which calendar this is, whatever the file is called: an event an earlier import of
        /// it brought and this one lacks is cancelled [default: the same file with the same
        /// X-WR-CALNAME and PRODID]
        #[arg(long, value_name = "NAME")]
        calendar: Option<String>,
        /// Show what would be added and what is already there, and write nothing
        #[arg(long)]
        dry_run: bool,
        /// Print the counts as a JSON object
        #[arg(long)]
        json: bool,
    },
    /// Write a Markdown review of a period: tasks done, goals, learnings, skills, feedback,
    /// meetings, energy [default: the 7 days ending today]
    Report {
        /// The first day (today, yesterday, -N days, mon…sun, YYYY-MM-DD)
        #[arg(long, value_name = "D", allow_hyphen_values = true, conflicts_with_all = ["week", "month"])]
        from: Option<String>,
        /// The last day, inclusive [default: today]
        #[arg(long, value_name = "D", allow_hyphen_values = true, conflicts_with_all = ["week", "month"])]
        to: Option<String>,
        /// The 7 days ending today
        #[arg(long, conflicts_with = "month")]
        week: bool,
        /// The month ending today
        #[arg(long)]
        month: bool,
        /// The review as a JSON object (each section's rows) instead of Markdown
        #[arg(long)]
        json: bool,
        /// Write the report to this file instead of standard output
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Replace an existing --out file; never the database or a backup
        #[arg(long, requires = "out")]
        force: bool,
    },
    /// Search the text of every pane: words, "phrases", prefix*, OR, -word, and the filters
    /// pane: tag: person: from: to: is:
    #[command(after_help = SEARCH_EXAMPLES)]
    Search {
        /// What to look for (see above); quote it or not, the words are joined with spaces.
        /// Options may come anywhere; -word is a word (not word), and after -- everything is
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
        /// Show at most N hits (up to 10000)
        #[arg(long, value_name = "N", default_value_t = 20, value_parser = worklog::cli::search::parse_limit)]
        limit: usize,
    },
    /// List rows of one kind, newest first: aligned columns with ids, or --json
    #[command(after_help = LIST_EXAMPLES)]
    List {
        /// What to list
        #[arg(value_enum, value_name = "KIND")]
        kind: cli::browse::Kind,
        /// Only this day: today, yesterday, -N, mon…sun (the most recent, today included) or
        /// YYYY-MM-DD
        #[arg(long, value_name = "D", allow_hyphen_values = true, conflicts_with_all = ["from", "to"])]
        day: Option<String>,
        /// From this day on
        #[arg(long, value_name = "D", allow_hyphen_values = true)]
        from: Option<String>,
        /// Up to this day, inclusive
        #[arg(long, value_name = "D", allow_hyphen_values = true)]
        to: Option<String>,
        /// Only rows with this tag
        #[arg(long, value_name = "T")]
        tag: Option<String>,
        /// Only meetings with, feedback from or to, or people named (part of) this name
        #[arg(long, value_name = "NAME")]
        person: Option<String>,
        /// tasks: todo, doing, done, dropped, open; goals: active, paused, done, dropped,
        /// open; feedback: given, received; learnings: starred
        #[arg(long, value_name = "S")]
        status: Option<String>,
        /// Show at most N rows (up to 10000); a line on stderr says when more matched
        #[arg(long, value_name = "N", default_value_t = cli::browse::DEFAULT_LIMIT,
              value_parser = cli::browse::parse_limit)]
        limit: usize,
        /// Print a JSON array of objects instead
        #[arg(long)]
        json: bool,
    },
    /// Show one row whole, with what it links to (tags, attendees, action items, history…)
    Show {
        /// What it is
        #[arg(value_enum, value_name = "KIND")]
        kind: cli::browse::Kind,
        /// Its id, as `worklog list` and `worklog search` show it
        #[arg(value_name = "ID")]
        id: i64,
        /// Print it as a JSON object
        #[arg(long)]
        json: bool,
    },
    /// Remove rows (a soft delete, as in the app): all of them, or none if an id is unknown
    Rm {
        /// What they are
        #[arg(value_enum, value_name = "KIND")]
        kind: cli::remove::RowKind,
        /// Their ids, as `worklog list` shows them
        #[arg(required = true, value_name = "ID")]
        ids: Vec<i64>,
    },
    /// Change one row in $VISUAL or $EDITOR: its fields, then its text below a --- line
    #[command(after_help = EDIT_HELP)]
    Edit {
        /// What it is
        #[arg(value_enum, value_name = "KIND")]
        kind: cli::remove::RowKind,
        /// Its id, as `worklog list` shows it
        #[arg(value_name = "ID")]
        id: i64,
    },
    /// Bring back the last removal (from `worklog rm` or the app); again for the one before
    Undo,
    /// Attach files to an item: copied into the data directory (on PostgreSQL, the server),
    /// each with its SHA-256, all of them or none
    Attach {
        /// What to attach to
        #[arg(value_enum, value_name = "KIND")]
        kind: cli::attach::OwnerKind,
        /// Its id, as `worklog list` shows it
        #[arg(value_name = "ID")]
        id: i64,
        /// The files
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// List attachments: an item's, or every one
    Attachments {
        /// Whose attachments (with ID)
        #[arg(value_enum, value_name = "KIND", requires = "id")]
        kind: Option<cli::attach::OwnerKind>,
        /// The item's id
        #[arg(value_name = "ID")]
        id: Option<i64>,
        /// Print a JSON array instead
        #[arg(long)]
        json: bool,
    },
    /// Open an attachment with the desktop's application (xdg-open); over SSH or without a
    /// display, print the path of a verified copy instead
    Open {
        /// The attachment's id, as `worklog attachments` shows it
        #[arg(value_name = "ATTACHMENT-ID")]
        id: i64,
    },
    /// Detach attachments (a soft delete: `worklog undo` brings them back)
    Detach {
        /// Their ids, as `worklog attachments` shows them
        #[arg(required = true, value_name = "ATTACHMENT-ID")]
        ids: Vec<i64>,
    },
    /// List the changes made to the data, newest first, with the fields each changed: all of
    /// them, or one item's (KIND ID)
    History {
        /// What the item is
        #[arg(value_enum, value_name = "KIND", requires = "id")]
        kind: Option<cli::remove::RowKind>,
        /// Its id, as `worklog list` shows it
        #[arg(value_name = "ID")]
        id: Option<i64>,
        /// Changes made on this day or later (today, yesterday, -N days, mon…sun, YYYY-MM-DD)
        #[arg(long, value_name = "D", allow_hyphen_values = true)]
        from: Option<String>,
        /// Changes made up to this day, inclusive
        #[arg(long, value_name = "D", allow_hyphen_values = true)]
        to: Option<String>,
        /// Print a JSON array of the changes, each with its rows and fields
        #[arg(long)]
        json: bool,
        /// Delete the changes made before --before: they can no longer be listed or reverted
        #[arg(long, requires = "before", conflicts_with_all = ["kind", "from", "to", "json"])]
        prune: bool,
        /// With --prune: the first day whose changes are kept
        #[arg(long, value_name = "D", allow_hyphen_values = true, requires = "prune")]
        before: Option<String>,
    },
    /// Take one change back (its number from `worklog history`), if nothing later changed
    /// what it wrote; the revert is a change of its own
    Revert {
        /// The change's number
        #[arg(value_name = "CHANGE-ID")]
        id: i64,
    },
    /// Fill an empty data directory (by default a new temporary one) with sample data
    Demo {
        /// The directory to fill; it must hold no data [default: a new directory under the
        /// system's temporary directory]
        #[arg(long, env = "WORKLOG_DATA_DIR", value_name = "DIR", hide_env = true)]
        data_dir: Option<PathBuf>,
        /// About how many rows to write, up to 1000000 (the default is about a year of use)
        #[arg(long, value_name = "N", default_value_t = worklog::demo::DEFAULT_ROWS)]
        rows: usize,
        /// The same seed always gives the same data
        #[arg(long, value_name = "S", default_value_t = 1)]
        seed: u64,
    },
    #[command(flatten)]
    Shell(ShellCommand),
    #[command(flatten)]
    Settings(SettingsCommand),
}

/// The config file's commands.
#[derive(Debug, Subcommand)]
enum SettingsCommand {
    /// Show the settings in force and where each came from (default, file, env or flag)
    Config {
        /// Print every setting with its source (the only thing it does for now)
        #[arg(long)]
        print: bool,
    },
}

/// Shell integration, apart from the other commands so that merges stay small.
#[derive(Debug, Subcommand)]
enum ShellCommand {
    /// Print the completion script for a shell: e.g. `worklog completions bash >
    /// ~/.local/share/bash-completion/completions/worklog`
    ///
    /// This script completes commands and options. To complete from your data too (today's
    /// tasks after `done`, tags, people, goals, ids), put `source <(WORKLOG_COMPLETE=bash
    /// worklog)` in ~/.bashrc instead (zsh: the same with zsh in ~/.zshrc; fish:
    /// `WORKLOG_COMPLETE=fish worklog | source`). A TAB then reads the database, read-only.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page of worklog, or of a subcommand (`worklog man add task`); --out DIR
    /// writes every page into DIR (`worklog.1`, `worklog-add-task.1`…)
    Man {
        /// The subcommand whose page to print
        #[arg(value_name = "SUBCOMMAND", conflicts_with = "out")]
        words: Vec<String>,
        /// Write every page into this directory instead (created if missing)
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
}

const TASK_QUICK: &str = r#"Quick syntax in TEXT:
  #tag        adds a tag              !high, !low, !1…!3  sets the priority
  ~45, ~1h30  sets the estimate
  today, tomorrow, friday, +3, 2026-12-01 as the last word: sets the day
  worklog add task 'Call the bank tomorrow !high #home'
It says what it understood. Options win over the text: with --day, a day word stays in the
title. --literal keeps the text as typed. Quote the text: a shell drops an unquoted #tag
(a comment), and bash expands !word inside double quotes."#;

/// What `worklog add` captures.
#[derive(Debug, Subcommand)]
enum AddCommand {
    /// A focus task: worklog add task "Call the bank tomorrow !high #home ~30m"
    #[command(after_help = TASK_QUICK)]
    Task {
        /// What to do, with the quick syntax below
        #[arg(required = true, value_name = "TEXT")]
        text: Vec<String>,
        /// The day it is for: today, tomorrow, +N or -N days, mon…sun (the next one, a week
        /// ahead for today's weekday) or YYYY-MM-DD [default: today]
        #[arg(long, value_name = "D", allow_hyphen_values = true)]
        day: Option<String>,
        /// 1–3 or high/normal/low [default: normal]
        #[arg(long, value_name = "P")]
        priority: Option<String>,
        /// A tag (repeat for more)
        #[arg(long = "tag", value_name = "T")]
        tags: Vec<String>,
        /// The goal it serves: its id, or (part of) its title if that matches only one
        #[arg(long, value_name = "G")]
        goal: Option<String>,
        /// How long it should take: minutes, or like 1h30
        #[arg(long, value_name = "E")]
        estimate: Option<String>,
        /// Notes on it
        #[arg(long, value_name = "TEXT")]
        notes: Option<String>,
        /// Take TEXT as typed: no #tags, !priority, ~estimate or day read out of it
        #[arg(long)]
        literal: bool,
    },
    /// A journal entry: what you learned
    Learning {
        /// Its title
        #[arg(required = true, value_name = "TITLE")]
        title: Vec<String>,
        /// The body; - reads it from standard input
        #[arg(long, value_name = "TEXT|-")]
        body: Option<String>,
        /// A tag (repeat for more)
        #[arg(long = "tag", value_name = "T")]
        tags: Vec<String>,
        /// Star it
        #[arg(long)]
        star: bool,
    },
    /// An energy check-in, now
    Energy {
        /// How much energy you have, 1 (none) to 5 (plenty)
        #[arg(value_name = "1-5")]
        level: String,
        /// A note about it
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
        /// A tag (repeat for more)
        #[arg(long = "tag", value_name = "T")]
        tags: Vec<String>,
    },
    /// Feedback given or received: worklog add feedback --received --person Ana Great demo
    #[command(group(ArgGroup::new("direction").required(true).args(["given", "received"])))]
    Feedback {
        /// You gave it
        #[arg(long)]
        given: bool,
        /// You received it
        #[arg(long)]
        received: bool,
        /// Who from or to: found by name, or added
        #[arg(long, value_name = "P")]
        person: String,
        /// What was said
        #[arg(required = true, value_name = "TEXT")]
        text: Vec<String>,
        /// praise, constructive, suggestion, recognition or other [default: other]
        #[arg(long, value_name = "KIND")]
        kind: Option<String>,
        /// The day: today, yesterday, -N days, mon…sun (the most recent one, today included) or
        /// YYYY-MM-DD [default: today]
        #[arg(long, value_name = "D", allow_hyphen_values = true)]
        day: Option<String>,
        /// A tag (repeat for more)
        #[arg(long = "tag", value_name = "T")]
        tags: Vec<String>,
    },
    /// A meeting: worklog add meeting Weekly sync --time 10:00 --with Ana --with Bo
    Meeting {
        /// Its title
        #[arg(required = true, value_name = "TITLE")]
        title: Vec<String>,
        /// The day: today, tomorrow, +N or -N days, mon…sun (the next one) or YYYY-MM-DD
        /// [default: today]
        #[arg(long, value_name = "D", allow_hyphen_values = true)]
        day: Option<String>,
        /// When it starts, HH:MM [default: now]
        #[arg(long, value_name = "HH:MM")]
        time: Option<String>,
        /// How long: minutes, or like 1h30
        #[arg(long, value_name = "M")]
        duration: Option<String>,
        /// 1:1, team, interview, review, planning, external or other [default: other]
        #[arg(long, value_name = "KIND")]
        kind: Option<String>,
        /// Someone who attended, found by name or added (repeat for more)
        #[arg(long = "with", value_name = "NAME")]
        with: Vec<String>,
        /// Notes
        #[arg(long, value_name = "TEXT")]
        notes: Option<String>,
        /// A tag (repeat for more)
        #[arg(long = "tag", value_name = "T")]
        tags: Vec<String>,
    },
    /// A goal, or a sub-goal with --parent
    Goal {
        /// Its title
        #[arg(required = true, value_name = "TITLE")]
        title: Vec<String>,
        /// The goal it belongs under: its id, or (part of) its title if that matches only one
        #[arg(long, value_name = "G")]
        parent: Option<String>,
        /// When it should be reached: a day as --day of add task reads it
        #[arg(long, value_name = "D", allow_hyphen_values = true)]
        target: Option<String>,
        /// What it means
        #[arg(long, value_name = "TEXT")]
        description: Option<String>,
        /// A tag (repeat for more)
        #[arg(long = "tag", value_name = "T")]
        tags: Vec<String>,
    },
    /// A skill to track
    Skill {
        /// Its name
        #[arg(required = true, value_name = "NAME")]
        name: Vec<String>,
        /// A category, e.g. languages
        #[arg(long, value_name = "C")]
        category: Option<String>,
        /// The level you aim for, 0–5
        #[arg(long, value_name = "0-5", value_parser = clap::value_parser!(u8).range(0..=5))]
        target: Option<u8>,
        /// What it covers
        #[arg(long, value_name = "TEXT")]
        description: Option<String>,
    },
    /// A skill assessment: worklog add assessment Rust 3 --note "wrote a macro"
    Assessment {
        /// The skill: its id, or its name (or part of it, if that matches only one)
        #[arg(value_name = "SKILL")]
        skill: String,
        /// The level, 0 (none) to 5 (expert)
        #[arg(value_name = "0-5")]
        level: String,
        /// The day: today, yesterday, -N days, mon…sun (the most recent one, today included) or
        /// YYYY-MM-DD [default: today]
        #[arg(long, value_name = "D", allow_hyphen_values = true)]
        day: Option<String>,
        /// What it rests on
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
    },
    /// An action item, from a meeting or feedback or on its own
    #[command(name = "action-item", visible_alias = "action")]
    ActionItem {
        /// What to do
        #[arg(required = true, value_name = "TITLE")]
        title: Vec<String>,
        /// The meeting it came from
        #[arg(long, value_name = "ID", conflicts_with = "feedback")]
        meeting: Option<i64>,
        /// The feedback it came from
        #[arg(long, value_name = "ID")]
        feedback: Option<i64>,
        /// Who owns it, found by name or added [default: you]
        #[arg(long, value_name = "NAME")]
        owner: Option<String>,
        /// When it is due: a day as --day of add task reads it
        #[arg(long, value_name = "D", allow_hyphen_values = true)]
        due: Option<String>,
    },
}

/// Parses the command line. `worklog search` takes words that may start with `-` (`-docker`:
/// not docker), so its query is parsed as "everything from the first word on" first; then any
/// `--option` among the words is moved in front of them and the whole line parsed again, with
/// the words after a `--`, so options work in any position and an unknown one is an error.
fn parse(argv: Vec<OsString>) -> Result<Cli, clap::Error> {
    let color = match cli::say::color_in_args(&argv) {
        cli::say::ColorChoice::Auto => clap::ColorChoice::Auto,
        cli::say::ColorChoice::Always => clap::ColorChoice::Always,
        cli::say::ColorChoice::Never => clap::ColorChoice::Never,
    };
    let matches = Cli::command().color(color).try_get_matches_from(&argv)?;
    let cli = Cli::from_arg_matches(&matches)?;
    let Some(Command::Search { query, .. }) = &cli.command else {
        return Ok(cli);
    };
    // The query is what was typed from its first word on: the end of the command line.
    let Some(start) = argv.len().checked_sub(query.len()) else {
        return Ok(cli);
    };
    if argv[start..]
        .iter()
        .zip(query)
        .any(|(a, q)| a != q.as_str())
        || (start > 0 && argv[start - 1] == "--")
    {
        return Ok(cli);
    }
    let mut cmd = Cli::command().color(color).mut_subcommand("search", |s| {
        s.mut_arg("query", |a| a.allow_hyphen_values(false))
    });
    cmd.build();
    let search = cmd.find_subcommand("search").cloned();
    let takes_value = |long: &str| {
        search.as_ref().is_some_and(|s| {
            s.get_arguments()
                .any(|a| a.get_long() == Some(long) && a.get_action().takes_values())
        })
    };
    let (options, words) = cli::search::split_options(query.clone(), takes_value);
    if options.is_empty() {
        return Ok(cli);
    }
    let mut again: Vec<OsString> = argv[..start].to_vec();
    again.extend(options.into_iter().map(OsString::from));
    again.push("--".into());
    again.extend(words.into_iter().map(OsString::from));
    let matches = cmd.try_get_matches_from_mut(again)?;
    Cli::from_arg_matches(&matches)
}

fn main() -> ExitCode {
    // With WORKLOG_COMPLETE set (by a shell's completion script), answer the shell and exit.
    cli::complete::respond(Cli::command);
    let argv: Vec<OsString> = std::env::args_os().collect();
    // Usage errors come before the line is parsed: their colour follows --color as typed.
    cli::say::set(cli::say::color_in_args(&argv), cli::say::Verbosity::Normal);
    let cli = match parse(argv) {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            // --help and --version.
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprint!("{}", cli::shell::usage_error(&e));
            return ExitCode::from(2);
        }
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        // The reader went away (`worklog export | head -1`): nothing more to say.
        Err(e) if cli::shell::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}", cli::error_line(&e));
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    // The whole config is read and checked before anything else happens. The detached daily
    // backup (started by a command, told its directory) needs none of it.
    let config = match cli.command {
        Some(Command::DailyBackup) => worklog::config::Config::default(),
        _ => worklog::config::load(cli.config.as_deref())?,
    };
    let clock = clock::from_env();
    let data_dir = cli.data_dir;
    // `--data-dir` or WORKLOG_DATA_DIR (clap gives either), else the file's data_dir.
    let default_dir = data_dir.clone().or_else(|| config.data_dir.clone());
    let database = cli.database.clone();
    let dir = || DataDir::resolve(default_dir.clone()).map(|d| d.with_server(database.clone()));
    let data_dir_source = worklog::config::data_dir_source(data_dir.as_deref(), &config);
    worklog::config::install(config);
    let config = worklog::config::current();
    if cli.command.is_some() {
        // Commands (not the app, which saves drafts on a signal) remove their temporary
        // files when interrupted.
        // `edit` leaves Ctrl-C to the editor while it runs; it writes no temporary file of
        // the data directory's but a daily backup's, which the next start removes.
        if !matches!(cli.command, Some(Command::Edit { .. })) {
            worklog::paths::remove_temps_on_signal()?;
        }
    }
    let (out, err) = (&mut std::io::stdout().lock(), &mut std::io::stderr().lock());
    use cli::say::Verbosity;
    let verbosity = match (cli.quiet, cli.verbose) {
        (true, _) => Verbosity::Quiet,
        (false, true) => Verbosity::Verbose,
        (false, false) => Verbosity::Normal,
    };
    cli::say::set(cli.color, verbosity);
    // Where confirmations go: nowhere with -q.
    let mut sink = std::io::sink();
    let quiet = cli::say::quiet();
    macro_rules! confirm {
        () => {
            confirm!(true)
        };
        ($when:expr) => {
            if quiet && $when {
                &mut sink as &mut dyn Write
            } else {
                &mut *out as &mut dyn Write
            }
        };
    }
    match cli.command {
        None if cli.demo => {
            let dir = cli::demo::fill(
                None,
                None,
                worklog::demo::DEFAULT_ROWS,
                1,
                clock.clone(),
                out,
            )?;
            worklog::tui::run_demo(dir, clock)?;
        }
        None => worklog::tui::run(dir()?, clock)?,
        Some(Command::Backup {
            list: true, json, ..
        }) => cli::admin::list_backups(&dir()?, json, out)?,
        Some(Command::Backup {
            list: false,
            accept_shrink,
            json: _,
        }) => cli::admin::backup_now(&dir()?, clock, accept_shrink, confirm!(), err)?,
        Some(Command::Restore { source }) => {
            cli::admin::restore(&dir()?, clock, &source, confirm!(), err)?
        }
        Some(Command::Check { json, repair }) => {
            cli::admin::check(&dir()?, clock, json, repair, out, err)?
        }
        Some(Command::DailyBackup) => worklog::launch::daily_backup_detached(&dir()?, clock)?,
        Some(Command::Copy { to }) => cli::copy::copy(&dir()?, clock, &to, out, err)?,
        Some(Command::Migrate { to, yes }) => {
            cli::admin::migrate(&dir()?, clock, to, yes, out, err)?
        }
        Some(Command::Add { what }) => add(&dir()?, clock, what, confirm!(), err)?,
        Some(Command::Done { ids }) => cli::capture::done(&dir()?, clock, &ids, confirm!(), err)?,
        Some(Command::Today { json }) => cli::capture::today(&dir()?, clock, json, out, err)?,
        Some(Command::Export {
            format,
            out: path,
            force,
            from,
            to,
        }) => cli::exchange::export(
            &dir()?,
            clock,
            format,
            path.as_deref(),
            force,
            from.as_deref(),
            to.as_deref(),
            confirm!(path.is_some()),
            err,
        )?,
        Some(Command::Import {
            file,
            from,
            to,
            all_day,
            domain,
            calendar,
            dry_run,
            json,
        }) => cli::exchange::import(
            &dir()?,
            clock,
            &file,
            cli::exchange::ImportArgs {
                from,
                to,
                all_day,
                domain,
                calendar,
            },
            dry_run,
            json,
            &mut std::io::stdin().lock(),
            confirm!(!dry_run && !json),
            err,
        )?,
        Some(Command::Report {
            from,
            to,
            week: _,
            month,
            json,
            out: path,
            force,
        }) => cli::exchange::report(
            &dir()?,
            clock,
            from.as_deref(),
            to.as_deref(),
            month,
            json,
            path.as_deref(),
            force,
            confirm!(path.is_some()),
            err,
        )?,
        Some(Command::Search { query, json, limit }) => {
            let args = cli::search::Args {
                words: query,
                json,
                limit,
            };
            let highlight = cli::search::Highlight::for_stdout();
            cli::search::search(&dir()?, clock, &args, highlight, out, err)?;
        }
        Some(Command::List {
            kind,
            day,
            from,
            to,
            tag,
            person,
            status,
            limit,
            json,
        }) => {
            let args = cli::browse::ListArgs {
                kind,
                day,
                from,
                to,
                tag,
                person,
                status,
                limit,
                json,
            };
            let style = cli::browse::Style::for_stdout();
            cli::browse::list(&dir()?, clock, &args, style, out, err)?;
        }
        Some(Command::Show { kind, id, json }) => {
            cli::browse::show(&dir()?, clock, kind, id, json, out, err)?
        }
        Some(Command::Rm { kind, ids }) => {
            cli::remove::rm(&dir()?, clock, kind, &ids, confirm!(), err)?
        }
        Some(Command::Edit { kind, id }) => {
            cli::edit::edit(&dir()?, clock, kind, id, confirm!(), err)?
        }
        Some(Command::Undo) => cli::remove::undo(&dir()?, clock, confirm!(), err)?,
        Some(Command::Attach { kind, id, files }) => {
            cli::attach::attach(&dir()?, clock, kind, id, &files, confirm!(), err)?
        }
        Some(Command::Attachments { kind, id, json }) => {
            cli::attach::list(&dir()?, clock, kind.zip(id), json, out, err)?
        }
        Some(Command::Open { id }) => cli::attach::open(&dir()?, clock, id, out, err)?,
        Some(Command::Detach { ids }) => {
            cli::attach::detach(&dir()?, clock, &ids, confirm!(), err)?
        }
        Some(Command::History {
            kind,
            id,
            from,
            to,
            json,
            prune: _,
            before,
        }) => {
            let args = cli::history::HistoryArgs {
                item: kind.zip(id),
                from,
                to,
                json,
                prune_before: before,
            };
            cli::history::history(&dir()?, clock, &args, out, err)?
        }
        Some(Command::Revert { id }) => cli::history::revert(&dir()?, clock, id, confirm!(), err)?,
        Some(Command::Settings(SettingsCommand::Config { print: _ })) => {
            worklog::config::print(config, (dir()?.root(), data_dir_source), out)?
        }
        // Without --data-dir, demo makes a new directory rather than using the default one.
        Some(Command::Shell(ShellCommand::Completions { shell })) => {
            cli::shell::completions(Cli::command(), shell, out)?
        }
        Some(Command::Shell(ShellCommand::Man { words, out: dir })) => {
            cli::shell::man(Cli::command(), &words, dir.as_deref(), out)?
        }
        Some(Command::Demo {
            data_dir: demo_dir,
            rows,
            seed,
        }) => {
            cli::demo::fill(demo_dir.or(data_dir), database, rows, seed, clock, out)?;
        }
    }
    Ok(())
}

fn add(
    dir: &DataDir,
    clock: std::sync::Arc<dyn clock::Clock>,
    what: AddCommand,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<()> {
    use worklog::cli::add as a;
    use worklog::cli::capture as c;
    match what {
        AddCommand::Task {
            text,
            day,
            priority,
            tags,
            goal,
            estimate,
            notes,
            literal,
        } => c::add_task(
            dir,
            clock,
            &c::TaskArgs {
                text,
                day,
                priority,
                tags,
                goal,
                estimate,
                notes,
                literal,
            },
            out,
            err,
        ),
        AddCommand::Learning {
            title,
            body,
            tags,
            star,
        } => c::add_learning(
            dir,
            clock,
            &title,
            body.as_deref(),
            &tags,
            star,
            &mut std::io::stdin().lock(),
            out,
            err,
        ),
        AddCommand::Energy { level, note, tags } => {
            c::add_energy(dir, clock, &level, note.as_deref(), &tags, out, err)
        }
        AddCommand::Feedback {
            given,
            received: _,
            person,
            text,
            kind,
            day,
            tags,
        } => c::add_feedback(
            dir,
            clock,
            &c::FeedbackArgs {
                direction: if given {
                    worklog::model::Direction::Given
                } else {
                    worklog::model::Direction::Received
                },
                person,
                text,
                kind,
                day,
                tags,
            },
            out,
            err,
        ),
        AddCommand::Meeting {
            title,
            day,
            time,
            duration,
            kind,
            with,
            notes,
            tags,
        } => a::add_meeting(
            dir,
            clock,
            &a::MeetingArgs {
                title,
                day,
                time,
                duration,
                kind,
                with,
                notes,
                tags,
            },
            out,
            err,
        ),
        AddCommand::Goal {
            title,
            parent,
            target,
            description,
            tags,
        } => a::add_goal(
            dir,
            clock,
            &a::GoalArgs {
                title,
                parent,
                target,
                description,
                tags,
            },
            out,
            err,
        ),
        AddCommand::Skill {
            name,
            category,
            target,
            description,
        } => a::add_skill(
            dir,
            clock,
            &name,
            category.as_deref(),
            target,
            description.as_deref(),
            out,
            err,
        ),
        AddCommand::Assessment {
            skill,
            level,
            day,
            note,
        } => a::add_assessment(dir, clock, &skill, &level, day, note.as_deref(), out, err),
        AddCommand::ActionItem {
            title,
            meeting,
            feedback,
            owner,
            due,
        } => a::add_action_item(
            dir,
            clock,
            &a::ActionArgs {
                title,
                meeting,
                feedback,
                owner,
                due,
            },
            out,
            err,
        ),
    }
}
