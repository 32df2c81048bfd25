//! `worklog export`, `worklog import` and `worklog report`.

use crate::clock::Clock;
use crate::dates::{Lean, parse_day};
use crate::db::exchange::Range;
use crate::export;
use crate::import;
use crate::launch;
use crate::model::ImportSource;
use crate::output;
use crate::paths::DataDir;
use crate::report;
use crate::text::sanitize;
use anyhow::{Context, Result, anyhow, bail};
use chrono::NaiveDate;
use std::io::{Read, Write};
use std::path::Path;
use std::sync::Arc;

/// `--format` of `worklog export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// One JSON document with every table (lossless; `worklog import` reads it)
    Json,
    /// A folder with one CSV file per table (needs --out DIR)
    Csv,
    /// An SQL script that `sqlite3 NEW.db < FILE` loads into the same database
    Sql,
    /// The meetings as an iCalendar (.ics) file, action items as to-dos
    Ics,
}

/// `--from` of `worklog import`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ImportFrom {
    /// A `worklog export --format json` file
    Worklog,
    /// The output of `task export`
    Taskwarrior,
    /// The output of `jrnl --format json`
    Jrnl,
    /// An iCalendar (.ics) file: its events become meetings
    Ics,
}

/// The flags of `worklog import` beyond the file.
#[derive(Debug, Clone, Default)]
pub struct ImportArgs {
    /// A source name, or (for a calendar) the window's first day.
    pub from: Option<String>,
    pub to: Option<String>,
    pub all_day: bool,
    pub domain: Option<String>,
    /// `--calendar NAME`: which calendar this is.
    pub calendar: Option<String>,
}

impl From<ImportFrom> for ImportSource {
    fn from(f: ImportFrom) -> ImportSource {
        match f {
            ImportFrom::Worklog => ImportSource::Worklog,
            ImportFrom::Taskwarrior => ImportSource::Taskwarrior,
            ImportFrom::Jrnl => ImportSource::Jrnl,
            ImportFrom::Ics => ImportSource::Ics,
        }
    }
}

fn shown(path: &Path) -> String {
    sanitize(&path.display().to_string()).into_owned()
}

/// Opens the database for a command that only reads (export, report): read-only if it must be.
/// Today's backup is left to a detached process (`crate::launch::Daily`).
fn open_to_read(
    dir: &DataDir,
    clock: Arc<dyn Clock>,
    err: &mut dyn Write,
) -> Result<crate::db::Repo> {
    let launched = super::say::launch(dir, clock, launch::Daily::Detach, true, err)?;
    Ok(launched.repo)
}

/// Opens the database for `import`, which waits for today's backup before it writes.
fn open(dir: &DataDir, clock: Arc<dyn Clock>, err: &mut dyn Write) -> Result<crate::db::Repo> {
    super::refuse_read_only(dir)?;
    let launched = super::say::launch(dir, clock, launch::Daily::Wait, false, err)?;
    Ok(launched.repo)
}

/// A stored local wall-clock time as UTC, in the machine's zone (honours `TZ`); in a DST
/// overlap the earlier, in a gap an hour on (as the calendar import reads it).
fn local_to_utc(t: chrono::NaiveDateTime) -> chrono::DateTime<chrono::Utc> {
    use chrono::TimeZone;
    match chrono::Local.from_local_datetime(&t) {
        chrono::LocalResult::Single(l) | chrono::LocalResult::Ambiguous(l, _) => l.to_utc(),
        chrono::LocalResult::None => chrono::Local
            .from_local_datetime(&(t + chrono::Duration::hours(1)))
            .earliest()
            .map_or_else(|| chrono::Utc.from_utc_datetime(&t), |l| l.to_utc()),
    }
}

fn day_arg(flag: &str, value: Option<&str>, today: NaiveDate) -> Result<Option<NaiveDate>> {
    value
        .map(|v| parse_day(flag, v, today, Lean::Past).map_err(|e| anyhow!("--{e}")))
        .transpose()
}

/// `worklog export --format json|csv|sql [--out PATH] [--from D] [--to D]`. JSON and SQL go to
/// standard output without --out.
#[allow(clippy::too_many_arguments)]
pub fn export(
    dir: &DataDir,
    clock: Arc<dyn Clock>,
    format: ExportFormat,
    path: Option<&Path>,
    force: bool,
    from: Option<&str>,
    to: Option<&str>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<()> {
    let today = clock.today();
    let now = local_to_utc(clock.now());
    let range = Range {
        from: day_arg("from", from, today)?,
        to: day_arg("to", to, today)?,
    };
    if let (Some(f), Some(t)) = (range.from, range.to)
        && t < f
    {
        bail!("--from ({f}) is after --to ({t})");
    }
    if format == ExportFormat::Csv && path.is_none() {
        bail!("csv export writes a folder with one file per table: give it with --out DIR");
    }
    // `--format json --out DIR/` (or an existing folder): the export and its attachments'
    // files, in a folder `import` takes back.
    let folder = (format == ExportFormat::Json)
        .then_some(path)
        .flatten()
        .filter(|p| p.is_dir() || p.as_os_str().to_string_lossy().ends_with('/'));
    if let Some(f) = folder {
        if std::fs::read_dir(f).is_ok_and(|mut d| d.next().is_some()) {
            bail!(
                "{} is a folder that is not empty; give a new or empty folder for a json \
                 export with its attachments",
                shown(f)
            );
        }
        output::check(dir, f, output::Shape::Folder, false)?;
        crate::paths::create_private_dir(f)?;
        let repo = open_to_read(dir, clock, err)?;
        let json = f.join("worklog.json");
        let w = export::to_file(&json, |o| export::write_json(&repo, range, o))?;
        let files = crate::attachments::export_files(dir, &repo, &json, f)?;
        writeln!(
            out,
            "exported {} tables, {} rows and {files} attachment file{} into {}",
            w.tables,
            w.rows,
            if files == 1 { "" } else { "s" },
            shown(f)
        )?;
        return Ok(());
    }
    if let Some(p) = path {
        let shape = match format {
            ExportFormat::Csv => output::Shape::Folder,
            ExportFormat::Json | ExportFormat::Sql | ExportFormat::Ics => output::Shape::File,
        };
        output::check(dir, p, shape, force)?;
    }
    let repo = open_to_read(dir, clock, err)?;
    match (format, path) {
        (ExportFormat::Json, None) => {
            export::write_json(&repo, range, out)?;
        }
        (ExportFormat::Sql, None) => export::write_sql(&repo, range, out)?,
        (ExportFormat::Ics, None) => {
            import::ics::write(&repo, range.from, range.to, now, &local_to_utc, out)?;
        }
        (ExportFormat::Ics, Some(p)) => {
            let mut n = 0;
            export::to_file(p, |f| {
                n = import::ics::write(&repo, range.from, range.to, now, &local_to_utc, f)?;
                Ok(())
            })?;
            writeln!(out, "exported {n} meetings as iCalendar to {}", shown(p))?;
        }
        (ExportFormat::Json, Some(p)) => {
            let w = export::to_file(p, |f| export::write_json(&repo, range, f))?;
            writeln!(
                out,
                "exported {} tables, {} rows to {}",
                w.tables,
                w.rows,
                shown(p)
            )?;
        }
        (ExportFormat::Sql, Some(p)) => {
            export::to_file(p, |f| export::write_sql(&repo, range, f))?;
            writeln!(
                out,
                "exported the database as SQL to {} (load it with: sqlite3 NEW.db < {})",
                shown(p),
                shown(p)
            )?;
        }
        (ExportFormat::Csv, Some(p)) => {
            let w = export::write_csv(&repo, range, p)?;
            writeln!(
                out,
                "exported {} tables, {} rows as CSV files into {}",
                w.tables,
                w.rows,
                shown(p)
            )?;
        }
        (ExportFormat::Csv, None) => unreachable!("checked above"),
    }
    Ok(())
}

/// `worklog import FILE [--from worklog|taskwarrior|jrnl] [--dry-run]`; FILE `-` is standard
/// input.
#[allow(clippy::too_many_arguments)]
pub fn import(
    dir: &DataDir,
    clock: Arc<dyn Clock>,
    file: &Path,
    args: ImportArgs,
    dry_run: bool,
    json: bool,
    stdin: &mut dyn Read,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<()> {
    use clap::ValueEnum;
    let today = clock.today();
    // `--from` names the source (worklog, taskwarrior, jrnl, ics) or, for a calendar, the
    // window's first day, as the export's and report's `--from` do.
    let (from, first_day) = match args.from.as_deref() {
        None => (None, None),
        Some(v) => match ImportFrom::from_str(v, true) {
            Ok(f) => (Some(ImportSource::from(f)), None),
            Err(_) => (None, day_arg("from", Some(v), today)?),
        },
    };
    let mut calendar = import::ics::Options::around(today);
    if let Some(d) = first_day {
        calendar.from = d;
    }
    if let Some(d) = day_arg("to", args.to.as_deref(), today)? {
        calendar.to = d;
    }
    calendar.all_day = args.all_day;
    calendar.domain = args.domain;
    if let Some(name) = &args.calendar {
        let name = name.trim();
        if name.is_empty() {
            bail!("--calendar needs a name");
        }
        calendar.calendar = Some(name.to_string());
    }
    // The file is part of which calendar this is: the same file however it is named.
    calendar.path = (file != Path::new("-"))
        .then(|| std::fs::canonicalize(file).unwrap_or_else(|_| file.to_path_buf()));
    // A folder written by `export --format json --out DIR`: its worklog.json, and the
    // attachments' files beside it.
    let folder = file.is_dir().then(|| file.to_path_buf());
    let file_owned = folder.as_ref().map(|f| f.join("worklog.json"));
    let file = file_owned.as_deref().unwrap_or(file);
    let bytes = if file == Path::new("-") {
        let mut b = Vec::new();
        stdin
            .read_to_end(&mut b)
            .context("cannot read standard input")?;
        b
    } else {
        std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?
    };
    let text =
        String::from_utf8(bytes).map_err(|_| anyhow!("{} is not UTF-8 text", file.display()))?;
    let calendar_flags = first_day.is_some() || args.to.is_some() || calendar.all_day;
    let calendar_flags = calendar_flags || calendar.domain.is_some() || calendar.calendar.is_some();
    if calendar_flags && from.or_else(|| import::detect(&text)) != Some(ImportSource::Ics) {
        bail!(
            "a day for --from, --to, --all-day, --domain and --calendar are for a calendar \
             (.ics) import, and this file is not one"
        );
    }
    // The config file's domain is the user's own unless --domain says otherwise; it is no
    // calendar flag, so another kind of file imports with it set.
    if calendar.domain.is_none() {
        calendar.domain = crate::config::current().calendar_domain.clone();
    }
    if calendar.to < calendar.from {
        bail!("--from ({}) is after --to ({})", calendar.from, calendar.to);
    }
    let repo = open(dir, clock, err)?;
    if from.or_else(|| import::detect(&text)) == Some(ImportSource::Worklog) {
        crate::attachments::import_files(dir, &repo, &text, folder.as_deref(), dry_run)
            .context("nothing was imported")?;
    }
    let outcome = import::import_with(
        &repo,
        &text,
        from,
        dry_run,
        &import::system_local,
        &calendar,
    )
    .context(if dry_run {
        "the dry run found a problem (nothing would be imported)"
    } else {
        "nothing was imported"
    })?;
    if json {
        return super::json::print(out, &super::json::import(&outcome));
    }
    let (added, skipped) = if dry_run {
        ("would add:    ", "would skip:   ")
    } else {
        ("added:        ", "skipped:      ")
    };
    writeln!(out, "{added} {}", outcome.added)?;
    if outcome.source == ImportSource::Ics {
        let (updated, cancelled) = if dry_run {
            ("would update: ", "would cancel: ")
        } else {
            ("updated:      ", "cancelled:    ")
        };
        writeln!(out, "{updated} {}", outcome.updated)?;
        writeln!(out, "{cancelled} {}", outcome.cancelled)?;
    }
    writeln!(out, "already there: {}", outcome.present)?;
    if outcome.skipped.total() > 0 {
        writeln!(out, "{skipped} {}", outcome.skipped)?;
    }
    // Each record repeated inside the file, by name (the first few).
    const SHOWN: usize = 10;
    for r in outcome.repeated.iter().take(SHOWN) {
        writeln!(out, "repeated:      {}", sanitize(r))?;
    }
    if outcome.repeated.len() > SHOWN {
        writeln!(
            out,
            "repeated:      and {} more",
            outcome.repeated.len() - SHOWN
        )?;
    }
    if dry_run {
        writeln!(
            out,
            "dry run: nothing was written (source: {})",
            outcome.source.as_str()
        )?;
    } else {
        writeln!(out, "imported from {}", outcome.source.as_str())?;
    }
    Ok(())
}

/// `worklog report [--from D --to D | --week | --month] [--out FILE]`; with nothing given, the
/// 7 days ending today.
#[allow(clippy::too_many_arguments)]
pub fn report(
    dir: &DataDir,
    clock: Arc<dyn Clock>,
    from: Option<&str>,
    to: Option<&str>,
    month: bool,
    json: bool,
    path: Option<&Path>,
    force: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<()> {
    let today = clock.today();
    let (from, to) = match (day_arg("from", from, today)?, day_arg("to", to, today)?) {
        (Some(f), Some(t)) => (f, t),
        (Some(f), None) => (f, today),
        (None, Some(t)) => bail!("--to {t} needs --from, the first day of the report"),
        (None, None) if month => report::last_month(today),
        (None, None) => report::last_week(today),
    };
    if to < from {
        bail!("--from ({from}) is after --to ({to})");
    }
    if let Some(p) = path {
        output::check(dir, p, output::Shape::File, force)?;
    }
    let repo = open_to_read(dir, clock, err)?;
    let text = if json {
        let value = super::json::report(&repo, from, to)?;
        format!(
            "{}\n",
            crate::text::json_safe(serde_json::to_string_pretty(&value)?)
        )
    } else {
        report::markdown(&repo, from, to)?
    };
    match path {
        None => write!(out, "{text}")?,
        Some(p) => {
            export::to_file(p, |f| Ok(f.write_all(text.as_bytes())?))?;
            writeln!(out, "wrote the review of {from} to {to} to {}", shown(p))?;
        }
    }
    Ok(())
}
