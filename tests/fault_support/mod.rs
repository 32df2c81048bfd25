//! The harness of the fault-injection suite (tests/fault_injection.rs): a demo data directory
//! built once, copied per run; the real binary killed at random moments or crashed at named
//! fault points; and the checks every run is judged by, read straight from the files with
//! rusqlite (never through worklog's own code, which is what is under test).
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rusqlite::types::ValueRef;
use rusqlite::{Connection, OpenFlags};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::hash::{Hash, Hasher};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

/// The day every run happens (the fixture's newest backup is dated today, so `worklog check`
/// after a run takes no daily backup of its own).
pub const NOW: &str = "2026-11-22T09:30:00";
/// When the demo data was made, and its backup taken: the date `restore` brings back.
pub const DEMO_NOW: &str = "2026-11-21T09:00:00";
pub const DEMO_DAY: &str = "2026-11-21";
/// Demo rows: enough that each command runs for tens of milliseconds in a debug build, so
/// that kills land inside it, not before or after.
pub const DEMO_ROWS: &str = "12000";
/// Tasks added on top of the demo "today", after the demo's backup: the difference between
/// the live database and the backup of the day before.
pub const EXTRA_TASKS: usize = 1500;

/// Files a data directory may hold once a command has finished (besides databases a restore
/// set aside, `worklog-replaced-*`, which are kept data, not leftovers).
const DATA_DIR_FILES: [&str; 7] = [
    "worklog.db",
    "worklog.db-wal",
    "worklog.db-shm",
    "worklog.lock",
    "backups",
    "drafts",
    "reports",
];
/// Files `backups/` may hold besides backups: the record of a suspected loss and the row
/// counts it is judged against.
const BACKUPS_DIR_FILES: [&str; 2] = ["shrink.json", "baseline.json"];

// ---------------------------------------------------------------------------------------------
// Running the binary

pub fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_worklog"));
    c.env("WORKLOG_DAILY_BACKUP", "wait");
    c.env("TZ", "UTC")
        .env_remove("XDG_DATA_HOME")
        .env_remove("WORKLOG_FAULT")
        .env_remove("WORKLOG_DATA_DIR")
        .env_remove("WORKLOG_CONFIG")
        .env("XDG_CONFIG_HOME", "/nonexistent/worklog-tests/config")
        .stdin(Stdio::null());
    c
}

pub struct Out {
    pub status: ExitStatus,
    pub stdout: String,
    pub stderr: String,
}

impl Out {
    pub fn ok(&self) -> bool {
        self.status.success()
    }
    pub fn describe(&self) -> String {
        format!(
            "{}; stdout: {}; stderr: {}",
            status_text(self.status),
            self.stdout.trim(),
            self.stderr.trim()
        )
    }
}

pub fn status_text(s: ExitStatus) -> String {
    match (s.code(), s.signal()) {
        (Some(c), _) => format!("exit {c}"),
        (None, Some(sig)) => format!("signal {sig}"),
        _ => "unknown status".into(),
    }
}

/// Runs `worklog ARGS --data-dir DATA` at `now` to the end.
pub fn run(data: &Path, now: &str, args: &[String], fault: Option<&str>) -> Out {
    let mut c = bin();
    c.args(args)
        .arg("--data-dir")
        .arg(data)
        .env("WORKLOG_NOW", now);
    if let Some(f) = fault {
        c.env("WORKLOG_FAULT", f);
    }
    let o = c.output().unwrap();
    Out {
        status: o.status,
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
}

pub fn run_ok(data: &Path, now: &str, args: &[&str]) -> Out {
    let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    let out = run(data, now, &args, None);
    assert!(out.ok(), "worklog {args:?}: {}", out.describe());
    out
}

/// The help text of a subcommand, to find out which flags this build has.
pub fn help_of(sub: &str) -> String {
    let o = bin().args([sub, "--help"]).output().unwrap();
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Starts the command, sends SIGKILL after `delay` (if it is still running), and waits.
/// Returns how long it took if it ended before the kill.
pub fn run_killed(data: &Path, args: &[String], delay: Duration) -> Option<Duration> {
    let mut child = bin()
        .args(args)
        .arg("--data-dir")
        .arg(data)
        .env("WORKLOG_NOW", NOW)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    // Sleep most of the delay, then poll so that a command that ends early is seen as ended.
    loop {
        if child.try_wait().unwrap().is_some() {
            return Some(started.elapsed());
        }
        let left = delay.saturating_sub(started.elapsed());
        if left.is_zero() {
            break;
        }
        std::thread::sleep(left.min(Duration::from_millis(2)));
    }
    let _ = child.kill();
    let status = child.wait().unwrap();
    // It may have ended between the last look and the kill.
    (status.signal() != Some(9)).then(|| started.elapsed())
}

// ---------------------------------------------------------------------------------------------
// Files

/// Copies a folder tree; folders are made private (0700), as worklog makes its own.
pub fn copy_dir(from: &Path, to: &Path) {
    use std::os::unix::fs::PermissionsExt;
    fs::create_dir_all(to).unwrap();
    fs::set_permissions(to, fs::Permissions::from_mode(0o700)).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            fs::copy(e.path(), &target).unwrap();
        }
    }
}

fn names_in(dir: &Path) -> Vec<String> {
    match fs::read_dir(dir) {
        Ok(entries) => {
            let mut v: Vec<String> = entries
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
            v.sort();
            v
        }
        Err(_) => Vec::new(),
    }
}

/// A name a kept backup can have: `worklog-<stamp>-<reason>[-N].db`. Deliberately looser than
/// worklog's own parser (a new reason is fine); what it rejects is temporary files and
/// anything else a command left behind.
pub fn looks_like_backup(name: &str) -> bool {
    name.starts_with("worklog-2")
        && name.ends_with(".db")
        && !name.contains("tmp")
        && name.len() > "worklog-2026-11-22T093000-x.db".len() - 1
}

/// Files nobody should find once a command has finished: anything in the data directory but
/// the database (and its WAL files), `backups/` and `drafts/`; anything in `backups/` that is
/// not a backup; anything in the output folder but the output file.
pub fn strays(data: &Path, out_dir: Option<(&Path, &str)>) -> Vec<String> {
    let mut found = Vec::new();
    for n in names_in(data) {
        if !DATA_DIR_FILES.contains(&n.as_str()) && !n.starts_with("worklog-replaced-") {
            found.push(format!("data dir: {n}"));
        }
    }
    for n in names_in(&data.join("backups")) {
        if !looks_like_backup(&n) && !BACKUPS_DIR_FILES.contains(&n.as_str()) {
            found.push(format!("backups/: {n}"));
        }
    }
    if let Some((dir, keep)) = out_dir {
        for n in names_in(dir) {
            if n != keep {
                found.push(format!("--out folder: {n}"));
            }
        }
    }
    found
}

pub fn backup_files(data: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = names_in(&data.join("backups"))
        .into_iter()
        .filter(|n| looks_like_backup(n))
        .map(|n| data.join("backups").join(n))
        .collect();
    v.reverse(); // newest first: the names sort by time
    v
}

// ---------------------------------------------------------------------------------------------
// What a database file holds

/// Every row of every table holding the user's data, each hashed with its table's name;
/// sorted. Left out: the search index (derived from the rest) and the database's identity
/// (a random id that is meant to change on restore and migration). Two files hold the same
/// data when these are equal, whatever their schema version (an empty table and a missing
/// one hold the same: nothing).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rows(pub Vec<u64>);

impl Rows {
    pub fn contains_all(&self, other: &Rows) -> bool {
        other.0.iter().all(|h| self.0.binary_search(h).is_ok())
    }
    pub fn len(&self) -> usize {
        self.0.len()
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

fn read_only(path: &Path) -> rusqlite::Result<Connection> {
    Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
}

/// `PRAGMA integrity_check` on a read-only connection: `Ok(())` when "ok".
pub fn integrity(path: &Path) -> Result<(), String> {
    if !path.is_file() {
        return Err(format!("{} is missing", path.display()));
    }
    let conn = read_only(path).map_err(|e| format!("cannot open: {e}"))?;
    let mut stmt = conn
        .prepare("PRAGMA integrity_check")
        .map_err(|e| format!("cannot check: {e}"))?;
    let rows: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .and_then(|r| r.collect())
        .map_err(|e| format!("cannot check: {e}"))?;
    if rows == ["ok"] {
        Ok(())
    } else {
        Err(rows.join("; "))
    }
}

pub fn rows_of(path: &Path) -> Result<Rows, String> {
    let conn = read_only(path).map_err(|e| format!("cannot open {}: {e}", path.display()))?;
    rows_of_conn(&conn).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn rows_of_conn(conn: &Connection) -> rusqlite::Result<Rows> {
    let tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
             AND name NOT LIKE 'search%' AND name NOT LIKE 'history%' \
             AND name <> 'database_identity' ORDER BY name",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    // The history of changes (migration 13) is left out: it records the writes rather than
    // being the data they wrote, and a down-migration killed between steps may have dropped it
    // (that step asks for --yes), as it may have dropped the search index.
    let mut all = Vec::new();
    for t in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{t}\""))?;
        // `name_key` is derived from `name` (migration 7), as the search index is from the
        // text: a down-migration killed between steps may have dropped it, the names stay.
        let kept: Vec<usize> = stmt
            .column_names()
            .enumerate()
            .filter(|(_, c)| *c != "name_key")
            .map(|(i, _)| i)
            .collect();
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let mut h = std::hash::DefaultHasher::new();
            t.hash(&mut h);
            for &i in &kept {
                match r.get_ref(i)? {
                    ValueRef::Null => 0u8.hash(&mut h),
                    ValueRef::Integer(v) => (1u8, v).hash(&mut h),
                    ValueRef::Real(v) => (2u8, v.to_bits()).hash(&mut h),
                    ValueRef::Text(v) => (3u8, v).hash(&mut h),
                    ValueRef::Blob(v) => (4u8, v).hash(&mut h),
                }
            }
            all.push(h.finish());
        }
    }
    all.sort_unstable();
    Ok(Rows(all))
}

/// `PRAGMA user_version`, for the record.
pub fn schema_version(path: &Path) -> Option<i64> {
    read_only(path)
        .ok()?
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .ok()
}

// ---------------------------------------------------------------------------------------------
// The fixture, built once per test binary

pub struct Fixture {
    pub root: PathBuf,
    /// Demo data plus today's extra tasks; backups: old empty ones (for rotation to act on),
    /// the demo's (yesterday) and today's daily.
    pub base: PathBuf,
    /// `base` migrated down to schema version 1 (for the way back up).
    pub v1: PathBuf,
    /// `base` with the database as it was yesterday (the demo's backup), to import into.
    pub import_base: PathBuf,
    /// `worklog export --format json` of `base`.
    pub import_json: PathBuf,
    /// A copy of yesterday's backup outside the data directory, for `restore FILE`.
    pub restore_source: PathBuf,
    pub has_yes: bool,
    /// The newest schema version this build knows (that of `base`, which a start migrated).
    pub latest: i64,
    pub export_force: bool,
    pub report_force: bool,
}

static FIXTURE: OnceLock<Arc<Fixture>> = OnceLock::new();

pub fn fixture() -> Arc<Fixture> {
    FIXTURE.get_or_init(|| Arc::new(build_fixture())).clone()
}

fn pid_alive(pid: u32) -> bool {
    Path::new(&format!("/proc/{pid}")).exists()
}

/// Adds `n` tasks dated today to the database in `data`, in one transaction.
fn add_tasks(data: &Path, n: usize, title: &str) {
    use worklog::clock::FixedClock;
    use worklog::model::TaskDraft;
    let clock = Arc::new(FixedClock::new(
        chrono::NaiveDateTime::parse_from_str(NOW, "%Y-%m-%dT%H:%M:%S").unwrap(),
    ));
    let repo = worklog::db::Repo::open(&data.join("worklog.db"), clock).unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    repo.in_transaction(|r| {
        for i in 0..n {
            r.add_task(
                today,
                &TaskDraft {
                    title: format!("{title} {i}"),
                    notes: "words that must survive every crash".into(),
                    tags: vec![format!("tag{}", i % 7)],
                    ..TaskDraft::default()
                },
            )?;
        }
        Ok(())
    })
    .unwrap();
}

fn build_fixture() -> Fixture {
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    // Leftovers of earlier runs of this suite whose process is gone.
    for n in names_in(tmp) {
        if let Some(pid) = n.strip_prefix("fault-injection-")
            && let Ok(pid) = pid.parse::<u32>()
            && !pid_alive(pid)
        {
            let _ = fs::remove_dir_all(tmp.join(&n));
        }
    }
    let root = tmp.join(format!("fault-injection-{}", std::process::id()));
    let _ = fs::remove_dir_all(&root);
    fs::create_dir_all(&root).unwrap();

    // Empty backups spread over the autumn: old enough that rotation deletes some of them
    // on every backup, so kills land in rotation too.
    let empty = root.join("empty");
    run_ok(&empty, "2026-09-01T08:00:00", &["check"]);
    if backup_files(&empty).is_empty() {
        run_ok(&empty, "2026-09-01T08:00:00", &["backup"]);
    }
    let empty_backup = backup_files(&empty)
        .pop()
        .expect("a backup of the empty database");

    let base = root.join("base");
    run_ok(
        &base,
        DEMO_NOW,
        &["demo", "--rows", DEMO_ROWS, "--seed", "9"],
    );
    add_tasks(&base, EXTRA_TASKS, "written today, number");
    // Today's daily backup, taken by the first start of the day.
    run_ok(&base, NOW, &["check"]);
    // And work since: rows that only the live database holds, until a command backs it up.
    add_tasks(&base, 25, "written after the last backup, number");
    // After it, so that it did not rotate them away.
    // Every 5 days from 2 September to 7 October: the daily and weekly rules keep the newest
    // few, and the oldest three go.
    for k in 0..8u64 {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 9, 2).unwrap() + chrono::Days::new(k * 5);
        let name = format!("worklog-{}T080000-daily.db", day.format("%Y-%m-%d"));
        fs::copy(&empty_backup, base.join("backups").join(name)).unwrap();
    }
    let yesterday = backup_files(&base)
        .into_iter()
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .contains(&format!("{DEMO_DAY}T"))
        })
        .expect("the demo's backup");
    let restore_source = root.join("restore-source.db");
    fs::copy(&yesterday, &restore_source).unwrap();

    let has_yes = help_of("migrate").contains("--yes");
    let latest = schema_version(&base.join("worklog.db")).expect("the schema version of base");
    let v1 = root.join("v1");
    copy_dir(&base, &v1);
    let mut args = vec!["migrate", "--to", "1"];
    if has_yes {
        args.push("--yes");
    }
    run_ok(&v1, NOW, &args);

    // Today's part of `base` (the undated tables whole): what the database of yesterday lacks.
    let import_json = root.join("import.json");
    run_ok(
        &base,
        NOW,
        &[
            "export",
            "--format",
            "json",
            "--from",
            "2026-11-22",
            "--out",
            import_json.to_str().unwrap(),
        ],
    );
    let import_base = root.join("import-base");
    copy_dir(&base, &import_base);
    for side in ["worklog.db-wal", "worklog.db-shm"] {
        let _ = fs::remove_file(import_base.join(side));
    }
    fs::copy(&yesterday, import_base.join("worklog.db")).unwrap();
    // Put it in WAL mode, as every live database is (a backup is not).
    run_ok(&import_base, NOW, &["check"]);

    Fixture {
        root,
        base,
        v1,
        import_base,
        import_json,
        restore_source,
        has_yes,
        latest,
        export_force: help_of("export").contains("--force"),
        report_force: help_of("report").contains("--force"),
    }
}

// ---------------------------------------------------------------------------------------------
// One command under test

/// A command to kill: which data directory it starts from, its arguments (`{OUT}` stands for
/// the output file), and where its output goes.
#[derive(Clone)]
pub struct Spec {
    pub name: &'static str,
    pub base: PathBuf,
    pub args: Vec<String>,
    /// The output file's name, for `--out` commands (in a folder of its own per run).
    pub out_file: Option<&'static str>,
    /// Whether the output command takes `--force` to replace an existing file.
    pub force: bool,
    /// Runs killed at random moments (before WORKLOG_SOAK).
    pub kills: usize,
    /// Named points to crash at (`abort`), one run each.
    pub abort_points: Vec<&'static str>,
    /// Named points to fail with a full disk (`enospc`), one run each.
    pub enospc_points: Vec<&'static str>,
}

/// What one spec's runs found, for the summary and the failure message.
#[derive(Default)]
pub struct Tally {
    pub runs: usize,
    pub kills_sent: usize,
    pub killed_mid_way: usize,
    pub finished_first: usize,
    pub aborts: usize,
    pub enospc: usize,
    pub old_state: usize,
    pub new_state: usize,
    pub other_state: usize,
    pub schema_versions: BTreeMap<i64, usize>,
    /// Runs whose database had a hot journal to roll back (inspected on a scratch copy).
    pub hot_journals: usize,
    /// Runs that left files for the next command to clean up.
    pub cleanups_needed: usize,
    /// Violations by check, each with the runs that broke it.
    pub violations: BTreeMap<&'static str, Vec<String>>,
}

impl Tally {
    fn violation(&mut self, check: &'static str, what: String) {
        self.violations.entry(check).or_default().push(what);
    }

    pub fn summary(&self, spec: &str, seed: u64, reference_ms: f64) -> String {
        let mut s = format!(
            "{spec}: seed {seed}, uninterrupted run {reference_ms:.0} ms; {} runs: {} SIGKILLs \
             ({} mid-way, {} after the end), {} crashes at fault points, {} disk-full faults; \
             database afterwards: {} old state, {} new state, {} neither; schema versions seen {:?}; \
             {} hot journals; {} left files for the next command to clean; \
             losses/violations: {}",
            self.runs,
            self.kills_sent,
            self.killed_mid_way,
            self.finished_first,
            self.aborts,
            self.enospc,
            self.old_state,
            self.new_state,
            self.other_state,
            self.schema_versions,
            self.hot_journals,
            self.cleanups_needed,
            self.violations.values().map(Vec::len).sum::<usize>(),
        );
        for (check, list) in &self.violations {
            let _ = write!(
                s,
                "\n  FAILED CHECK [{check}] in {} run(s), e.g.:",
                list.len()
            );
            for v in list.iter().take(4) {
                let _ = write!(s, "\n    {v}");
            }
        }
        s
    }
}

/// The seed: WORKLOG_FAULT_SEED if given; else fixed, unless soaking (then new each time).
pub fn seed() -> u64 {
    if let Ok(s) = std::env::var("WORKLOG_FAULT_SEED") {
        return s.trim().parse().expect("WORKLOG_FAULT_SEED is a number");
    }
    if soak() > 1 {
        return std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos() as u64;
    }
    0x5eed_0009
}

/// WORKLOG_SOAK=N multiplies the runs.
pub fn soak() -> usize {
    std::env::var("WORKLOG_SOAK")
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(1)
        .max(1)
}

fn spec_seed(seed: u64, name: &str) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    name.hash(&mut h);
    seed ^ h.finish()
}

/// What the command is expected to leave: the database before and after an uninterrupted
/// run, and (for `--out`) the complete output.
struct Reference {
    old: Rows,
    new: Rows,
    out_bytes: Option<Vec<u8>>,
    duration: Duration,
}

/// One run's folders: a copy of the spec's data directory and an output folder.
struct RunDir {
    _tmp: tempfile::TempDir,
    data: PathBuf,
    out_dir: PathBuf,
}

impl RunDir {
    fn new(spec: &Spec, root: &Path) -> RunDir {
        let tmp = tempfile::Builder::new()
            .prefix("run-")
            .tempdir_in(root)
            .unwrap();
        let data = tmp.path().join("data");
        copy_dir(&spec.base, &data);
        let out_dir = tmp.path().join("out");
        fs::create_dir_all(&out_dir).unwrap();
        RunDir {
            _tmp: tmp,
            data,
            out_dir,
        }
    }

    fn out_path(&self, spec: &Spec) -> Option<PathBuf> {
        spec.out_file.map(|f| self.out_dir.join(f))
    }

    /// The arguments, with the output file put in, and `--force` when it already exists.
    fn args(&self, spec: &Spec) -> Vec<String> {
        let out = self.out_path(spec);
        let mut args: Vec<String> = spec
            .args
            .iter()
            .map(|a| match (&out, a.as_str()) {
                (Some(p), "{OUT}") => p.display().to_string(),
                _ => a.clone(),
            })
            .collect();
        if spec.force && out.as_ref().is_some_and(|p| p.exists()) {
            args.push("--force".into());
        }
        args
    }
}

/// The previous contents of an output file that the next export must not destroy.
const OLD_OUT: &[u8] = b"the previous output, which a failed write must leave as it was\n";

fn measure(spec: &Spec, root: &Path) -> Reference {
    let mut old = None;
    let mut durations = Vec::new();
    let mut reference: Option<(Rows, Option<Vec<u8>>)> = None;
    for _ in 0..3 {
        let dir = RunDir::new(spec, root);
        let args = dir.args(spec);
        // Read from the copy: `base` is shared by tests running at the same time.
        old.get_or_insert_with(|| rows_of(&dir.data.join("worklog.db")).unwrap());
        let started = Instant::now();
        let out = run(&dir.data, NOW, &args, None);
        durations.push(started.elapsed());
        assert!(
            out.ok(),
            "{}: the uninterrupted run failed: worklog {args:?}: {}",
            spec.name,
            out.describe()
        );
        let new = rows_of(&dir.data.join("worklog.db")).unwrap();
        let bytes = dir.out_path(spec).map(|p| fs::read(p).unwrap());
        if let Some((r_new, r_bytes)) = &reference {
            assert_eq!(
                r_new, &new,
                "{}: two uninterrupted runs left different data",
                spec.name
            );
            assert_eq!(
                r_bytes, &bytes,
                "{}: two uninterrupted runs wrote different output",
                spec.name
            );
        }
        let left = strays(
            &dir.data,
            dir.out_path(spec)
                .as_ref()
                .map(|_| (dir.out_dir.as_path(), spec.out_file.unwrap_or_default())),
        );
        assert!(
            left.is_empty(),
            "{}: an uninterrupted run left {left:?}",
            spec.name
        );
        reference = Some((new, bytes));
    }
    let (new, out_bytes) = reference.unwrap();
    Reference {
        old: old.unwrap(),
        new,
        out_bytes,
        // The median run: another may have waited for the other tests' processes.
        duration: {
            durations.sort();
            durations[1]
        },
    }
}

/// A killed writer can leave a hot rollback journal (while the database switches to WAL mode,
/// say), which only a read-write connection can roll back. Then the database and its side
/// files are copied to a scratch folder and inspected there, leaving the data directory as the
/// next command will find it. `None`: the live file can be read where it is.
fn inspectable(
    data: &Path,
    root: &Path,
    tally: &mut Tally,
) -> Option<(tempfile::TempDir, PathBuf)> {
    let live = data.join("worklog.db");
    let fine = read_only(&live).and_then(|c| {
        c.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
            r.get::<_, i64>(0)
        })
    });
    match fine {
        Err(e) if e.to_string().contains("readonly") => {}
        _ => return None,
    }
    tally.hot_journals += 1;
    let scratch = tempfile::Builder::new()
        .prefix("scratch-")
        .tempdir_in(root)
        .unwrap();
    for suffix in ["", "-journal", "-wal", "-shm"] {
        let from = data.join(format!("worklog.db{suffix}"));
        if from.exists() {
            fs::copy(&from, scratch.path().join(format!("worklog.db{suffix}"))).unwrap();
        }
    }
    // Rolls the journal back (or recovers the WAL) in the copy.
    let copy = scratch.path().join("worklog.db");
    drop(Connection::open(&copy).and_then(|c| {
        c.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
            r.get::<_, i64>(0)
        })
    }));
    Some((scratch, copy))
}

enum Fault {
    Kill(Duration),
    Abort(&'static str),
    Enospc(&'static str),
}

/// Runs every fault of the spec and checks after each. Returns the tally and the summary.
pub fn exercise(spec: &Spec) -> (Tally, String) {
    let fx = fixture();
    let seed = seed();
    let mut rng = ChaCha8Rng::seed_from_u64(spec_seed(seed, spec.name));
    let reference = measure(spec, &fx.root);
    let mut tally = Tally::default();
    let kills = spec.kills * soak();
    // Kills land uniformly across the run time, the process start included. The machine may
    // be busier or idler now than when the run was measured, so the range follows what kills
    // find: a bit shorter after one that came too late, a bit longer after one that landed
    // mid-way, which settles where about one kill in six comes after the end (so the last
    // steps are hit too). Kills go on until `kills` of them have landed mid-way (at most
    // twice that many sent). A kill that lands after the end is fine: the run counts as
    // finished.
    let mut estimate = reference.duration.as_secs_f64();
    let mut i = 0;
    while tally.killed_mid_way < kills && tally.kills_sent < 2 * kills {
        let delay = Duration::from_secs_f64(rng.random_range(0.0..estimate));
        let preexisting = spec.out_file.is_some() && rng.random_bool(0.5);
        let finished = one_run(
            spec,
            &fx,
            &reference,
            &mut tally,
            i,
            Fault::Kill(delay),
            preexisting,
            seed,
        );
        estimate *= if finished.is_some() { 0.9 } else { 1.02 };
        i += 1;
    }
    let mut faults: Vec<Fault> = Vec::new();
    for _ in 0..soak() {
        faults.extend(spec.abort_points.iter().copied().map(Fault::Abort));
        faults.extend(spec.enospc_points.iter().copied().map(Fault::Enospc));
    }
    for fault in faults {
        // Half of the output runs find an older file in the way.
        let preexisting = spec.out_file.is_some() && rng.random_bool(0.5);
        one_run(
            spec,
            &fx,
            &reference,
            &mut tally,
            i,
            fault,
            preexisting,
            seed,
        );
        i += 1;
    }
    let summary = tally.summary(spec.name, seed, reference.duration.as_secs_f64() * 1000.0);
    if tally.violations.is_empty() {
        eprintln!("{summary}");
    }
    (tally, summary)
}

#[allow(clippy::too_many_arguments)]
fn one_run(
    spec: &Spec,
    fx: &Fixture,
    reference: &Reference,
    tally: &mut Tally,
    i: usize,
    fault: Fault,
    preexisting: bool,
    seed: u64,
) -> Option<Duration> {
    let dir = RunDir::new(spec, &fx.root);
    let out_path = dir.out_path(spec);
    if preexisting && let Some(p) = &out_path {
        fs::write(p, OLD_OUT).unwrap();
    }
    let args = dir.args(spec);
    let backups_before: Vec<(PathBuf, u64)> = backup_files(&dir.data)
        .into_iter()
        .map(|p| {
            let len = fs::metadata(&p).unwrap().len();
            (p, len)
        })
        .collect();
    tally.runs += 1;
    let label;
    let mut alive_after_fault = false;
    let mut finished = None;
    match &fault {
        Fault::Kill(delay) => {
            label = format!(
                "run {i} (seed {seed}): SIGKILL after {:.1} ms of `worklog {}`",
                delay.as_secs_f64() * 1000.0,
                args.join(" ")
            );
            tally.kills_sent += 1;
            finished = run_killed(&dir.data, &args, *delay);
            if finished.is_none() {
                tally.killed_mid_way += 1;
            } else {
                tally.finished_first += 1;
            }
        }
        Fault::Abort(point) => {
            label = format!(
                "run {i}: WORKLOG_FAULT={point}=abort on `worklog {}`",
                args.join(" ")
            );
            tally.aborts += 1;
            let out = run(&dir.data, NOW, &args, Some(&format!("{point}=abort")));
            if out.status.signal() != Some(6) {
                tally.violation(
                    "fault point reached",
                    format!(
                        "{label}: the point was never reached ({}); was its hook removed?",
                        out.describe()
                    ),
                );
            }
        }
        Fault::Enospc(point) => {
            label = format!(
                "run {i}: WORKLOG_FAULT={point}=enospc on `worklog {}`",
                args.join(" ")
            );
            tally.enospc += 1;
            alive_after_fault = true;
            let out = run(&dir.data, NOW, &args, Some(&format!("{point}=enospc")));
            let one_line = out.stderr.lines().count() == 1 && out.stderr.starts_with("worklog: ");
            if out.ok() || !one_line || !out.stderr.contains("No space left") {
                tally.violation(
                    "disk full is a clear one-line error",
                    format!("{label}: {}", out.describe()),
                );
            }
            // The process saw the error and could clean up: nothing may be left, even before
            // any other command runs, and no backup may have gone.
            let left = strays(
                &dir.data,
                out_path
                    .as_ref()
                    .map(|_| (dir.out_dir.as_path(), spec.out_file.unwrap_or_default())),
            );
            if !left.is_empty() {
                tally.violation(
                    "no temporary file after a failed write",
                    format!("{label}: left {left:?}"),
                );
            }
            let after: Vec<(PathBuf, u64)> = backup_files(&dir.data)
                .into_iter()
                .map(|p| {
                    let len = fs::metadata(&p).unwrap().len();
                    (p, len)
                })
                .collect();
            let gone: Vec<String> = backups_before
                .iter()
                .filter(|b| !after.contains(b))
                .map(|(p, _)| p.file_name().unwrap().to_string_lossy().into_owned())
                .collect();
            if !gone.is_empty() {
                tally.violation(
                    "a failed write deletes no backup",
                    format!("{label}: deleted or changed {gone:?}"),
                );
            }
        }
    }

    // 1. The live database is sound.
    let live = inspectable(&dir.data, &fx.root, tally);
    let live = live
        .as_ref()
        .map_or(dir.data.join("worklog.db"), |s| s.1.clone());
    if let Err(e) = integrity(&live) {
        tally.violation("integrity_check ok", format!("{label}: {e}"));
    }
    if let Some(v) = schema_version(&live) {
        *tally.schema_versions.entry(v).or_default() += 1;
    }
    // 2. It holds exactly the old or the new state.
    let now_rows = rows_of(&live);
    match &now_rows {
        Ok(r) if *r == reference.old => tally.old_state += 1,
        Ok(r) if *r == reference.new => tally.new_state += 1,
        Ok(r) => {
            tally.other_state += 1;
            tally.violation(
                "database holds the old or the new state",
                format!(
                    "{label}: {} rows, old state {} rows, new state {} rows",
                    r.len(),
                    reference.old.len(),
                    reference.new.len()
                ),
            );
        }
        Err(e) => {
            tally.other_state += 1;
            tally.violation(
                "database holds the old or the new state",
                format!("{label}: {e}"),
            );
        }
    }
    // 3. Some backup, or the live database, still holds every row of the state before.
    let held = now_rows
        .as_ref()
        .is_ok_and(|r| r.contains_all(&reference.old))
        || backup_files(&dir.data)
            .iter()
            .any(|b| rows_of(b).is_ok_and(|r| r.contains_all(&reference.old)));
    if !held {
        tally.violation(
            "the backups still hold the newest data",
            format!(
                "{label}: no backup nor the live database holds all {} rows from before; backups: {:?}",
                reference.old.len(),
                names_in(&dir.data.join("backups"))
            ),
        );
    }
    // 4. The output file is absent, the old file, or complete.
    if let (Some(p), Some(complete)) = (&out_path, &reference.out_bytes) {
        match fs::read(p) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !preexisting => {}
            Ok(b) if preexisting && b == OLD_OUT => {}
            Ok(b) if b == *complete => {}
            Ok(b) => tally.violation(
                "the --out file is absent, the old file, or complete",
                format!(
                    "{label}: {} holds {} bytes (complete: {}, old file existed: {preexisting})",
                    p.display(),
                    b.len(),
                    complete.len()
                ),
            ),
            Err(e) => tally.violation(
                "the --out file is absent, the old file, or complete",
                format!("{label}: {e} (old file existed: {preexisting})"),
            ),
        }
    }
    // 5. No temporary or stray file once the next command has run: `worklog check`, and for
    //    an output command the same command again (the next one to write in that folder).
    //    (When nothing is left right after the fault, there is nothing for it to clean.)
    let out_folder = out_path
        .as_ref()
        .map(|_| (dir.out_dir.as_path(), spec.out_file.unwrap_or_default()));
    if !alive_after_fault && !strays(&dir.data, out_folder).is_empty() {
        tally.cleanups_needed += 1;
        let _ = run(&dir.data, NOW, &["check".to_string()], None);
        if spec.out_file.is_some() {
            let again = dir.args(spec);
            let _ = run(&dir.data, NOW, &again, None);
        }
        let left = strays(&dir.data, out_folder);
        if !left.is_empty() {
            let check: &'static str = if left.iter().all(|l| l.starts_with("--out folder")) {
                "no stray file in the --out folder once the next command ran"
            } else {
                "no stray file in the data dir or backups/ once the next command ran"
            };
            tally.violation(check, format!("{label}: left {left:?}"));
        }
    }
    finished
}
