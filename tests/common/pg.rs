//! A throwaway PostgreSQL server for the tests that need one.
//!
//! The first test that asks starts one cluster for its test binary: `initdb` into a temporary
//! directory, and `postgres` listening on a unix socket in it (no TCP port). Each test then
//! works in a schema of its own. When the test binary exits, a small shell watching a pipe from
//! it stops the server and removes the directory. No test ever touches a server it did not
//! start.
//!
//! `initdb` refuses to run as root, and CI runs as root: as root, the cluster runs as the
//! `postgres` user (made by Debian's package), or `nobody`.
//!
//! Without PostgreSQL's programs the tests that need them return at once, and
//! `tests/postgres_available.rs` prints one line saying so; with `WORKLOG_REQUIRE_POSTGRES=1`
//! (CI sets it) their absence is a failure instead.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

/// A running throwaway cluster.
pub struct Server {
    root: PathBuf,
    socket_dir: PathBuf,
    /// The end of the pipe the watcher reads: it closes when this process exits.
    _watch: Mutex<ChildStdin>,
    _watcher: Mutex<Child>,
    /// The server: stopped, and reaped by init, after the watcher's signal.
    _postgres: Mutex<Child>,
}

/// The superuser `initdb` makes; tests use it only to set up roles and schemas.
pub const ADMIN: &str = "worklog_test_admin";

/// Debian's `/usr/lib/postgresql/<version>/bin` holding `name`, the newest version first.
fn debian_bin(name: &str) -> Option<PathBuf> {
    let mut found: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|e| {
            let e = e.ok()?;
            let version: u32 = e.file_name().to_str()?.parse().ok()?;
            let bin = e.path().join("bin");
            bin.join(name).is_file().then_some((version, bin))
        })
        .collect();
    found.sort();
    found.pop().map(|(_, bin)| bin)
}

/// The folder holding `initdb` and `postgres`: on the PATH, else Debian's
/// `/usr/lib/postgresql/<version>/bin` (the newest).
pub fn bin_dir() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("PATH") {
        for dir in std::env::split_paths(&path) {
            if dir.join("initdb").is_file() && dir.join("postgres").is_file() {
                return Some(dir);
            }
        }
    }
    debian_bin("initdb").filter(|bin| bin.join("postgres").is_file())
}

/// One of PostgreSQL's programs (`pg_dump`, `psql`): beside `initdb`, else in Debian's folder,
/// else on the PATH.
pub fn tool(name: &str) -> PathBuf {
    bin_dir()
        .map(|d| d.join(name))
        .filter(|p| p.is_file())
        .or_else(|| debian_bin(name).map(|d| d.join(name)))
        .unwrap_or_else(|| PathBuf::from(name))
}

/// Whether the PostgreSQL tests must run (CI): then a missing server is a failure.
pub fn required() -> bool {
    std::env::var("WORKLOG_REQUIRE_POSTGRES").is_ok_and(|v| v == "1")
}

/// The throwaway server, started on first use; `None` when PostgreSQL is not installed and
/// the tests are not required.
pub fn server() -> Option<&'static Server> {
    static SERVER: OnceLock<Option<Server>> = OnceLock::new();
    SERVER
        .get_or_init(|| match bin_dir() {
            Some(bin) => Some(start(&bin)),
            None if required() => panic!(
                "WORKLOG_REQUIRE_POSTGRES=1, but PostgreSQL's initdb and postgres were not found \
                 (install the postgresql package)"
            ),
            None => None,
        })
        .as_ref()
}

/// The uid and gid to run the cluster as: ours, or, as root, the `postgres` user's.
fn run_as() -> Option<(u32, u32)> {
    if !nix::unistd::geteuid().is_root() {
        return None;
    }
    for name in ["postgres", "nobody"] {
        if let Ok(Some(u)) = nix::unistd::User::from_name(name) {
            return Some((u.uid.as_raw(), u.gid.as_raw()));
        }
    }
    panic!("running as root, and there is no postgres or nobody user to run PostgreSQL as");
}

fn as_owner(cmd: &mut Command, owner: Option<(u32, u32)>) -> &mut Command {
    if let Some((uid, gid)) = owner {
        cmd.uid(uid).gid(gid);
    }
    cmd
}

fn start(bin: &Path) -> Server {
    let owner = run_as();
    let root = tempfile::Builder::new()
        .prefix("worklog-pg-")
        .tempdir()
        .unwrap()
        .keep();
    // The cluster's user must be able to reach its folders.
    std::fs::set_permissions(&root, std::fs::Permissions::from_mode(0o711)).unwrap();
    let data = root.join("data");
    let socket_dir = root.join("socket");
    for d in [&data, &socket_dir] {
        std::fs::create_dir(d).unwrap();
        std::fs::set_permissions(d, std::fs::Permissions::from_mode(0o700)).unwrap();
        if let Some((uid, gid)) = owner {
            nix::unistd::chown(d.as_path(), Some(uid.into()), Some(gid.into())).unwrap();
        }
    }
    let out = as_owner(&mut Command::new(bin.join("initdb")), owner)
        .args([
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        ])
        .arg(format!("--username={ADMIN}"))
        .arg("-D")
        .arg(&data)
        .current_dir(&root)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "initdb failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let log = std::fs::File::create(root.join("server.log")).unwrap();
    if let Some((uid, gid)) = owner {
        nix::unistd::chown(&root.join("server.log"), Some(uid.into()), Some(gid.into())).unwrap();
    }
    let postgres = as_owner(&mut Command::new(bin.join("postgres")), owner)
        .arg("-D")
        .arg(&data)
        .arg("-k")
        .arg(&socket_dir)
        .args([
            "-c",
            "listen_addresses=",
            "-c",
            "fsync=off",
            "-c",
            "synchronous_commit=off",
            "-c",
            "full_page_writes=off",
            "-c",
            "max_connections=300",
            "-c",
            "shared_buffers=32MB",
        ])
        .current_dir(&root)
        .stdin(Stdio::null())
        .stdout(log.try_clone().unwrap())
        .stderr(log)
        .spawn()
        .unwrap();
    let postgres_pid = postgres.id();
    // The watcher outlives this process by as long as the server takes to stop: it reads its
    // stdin until this process exits and closes the pipe, then stops the server (fast
    // shutdown) and removes the folder.
    let mut watcher = Command::new("sh")
        .arg("-c")
        .arg(
            r#"cat >/dev/null; kill -INT "$1" 2>/dev/null
               while kill -0 "$1" 2>/dev/null; do sleep 0.1; done; rm -rf "$2""#,
        )
        .arg("sh")
        .arg(postgres_pid.to_string())
        .arg(&root)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn()
        .unwrap();
    let watch = watcher.stdin.take().unwrap();
    let server = Server {
        root,
        socket_dir,
        _watch: Mutex::new(watch),
        _watcher: Mutex::new(watcher),
        _postgres: Mutex::new(postgres),
    };
    server.wait_ready();
    server
}

impl Server {
    fn wait_ready(&self) {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if self.admin_sql("SELECT 1").is_ok() {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "the throwaway PostgreSQL server did not start: {}",
                std::fs::read_to_string(self.root.join("server.log")).unwrap_or_default()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// A URL for `user` on `database`, over the unix socket.
    pub fn url(&self, user: &str, database: &str) -> String {
        format!(
            "postgresql://{user}@/{database}?host={}&sslmode=disable",
            self.socket_dir.display()
        )
    }

    /// Runs SQL as the superuser through `psql`, failing on the first error.
    pub fn admin_sql(&self, sql: &str) -> Result<String, String> {
        let out = Command::new(tool("psql"))
            .args(["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1"])
            .arg("-h")
            .arg(&self.socket_dir)
            .args(["-U", ADMIN, "-d", "postgres", "-c", sql])
            .output()
            .map_err(|e| e.to_string())?;
        if out.status.success() {
            Ok(String::from_utf8_lossy(&out.stdout).into_owned())
        } else {
            Err(String::from_utf8_lossy(&out.stderr).into_owned())
        }
    }

    /// The schema `schema` as `pg_dump` writes it, made readable and independent of its name:
    /// no comments, settings or ownership, and unqualified names.
    pub fn dump_schema(&self, schema: &str) -> String {
        let out = Command::new(tool("pg_dump"))
            .arg("-h")
            .arg(&self.socket_dir)
            .args(["-U", ADMIN, "-d", "postgres", "--schema-only", "--no-owner"])
            .args(["--no-privileges", "--no-comments", "--schema", schema])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).unwrap();
        let mut lines: Vec<String> = Vec::new();
        for line in text.lines() {
            if line.starts_with("--")
                || line.starts_with("SET ")
                || line.starts_with("SELECT pg_catalog.set_config")
                || line.starts_with("CREATE SCHEMA ")
                || line.starts_with("\\restrict")
                || line.starts_with("\\unrestrict")
            {
                continue;
            }
            // Unqualified, and the schema a function is pinned to named as by default.
            let line = line
                .replace(&format!("{schema}."), "")
                .replace(schema, "worklog");
            if line.is_empty() && lines.last().is_none_or(|l| l.is_empty()) {
                continue;
            }
            lines.push(line);
        }
        while lines.last().is_some_and(|l| l.is_empty()) {
            lines.pop();
        }
        lines.join("\n") + "\n"
    }

    /// How many tables, views, sequences, functions and types `schema` holds.
    pub fn objects_in(&self, schema: &str) -> i64 {
        let sql = format!(
            "SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                      WHERE n.nspname = '{schema}')
                  + (SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                      WHERE n.nspname = '{schema}')
                  + (SELECT count(*) FROM pg_collation c JOIN pg_namespace n
                      ON n.oid = c.collnamespace WHERE n.nspname = '{schema}')"
        );
        self.admin_sql(&sql).unwrap().trim().parse().unwrap()
    }

    /// A fresh, empty schema for one test, and the URL that selects it.
    pub fn fresh_schema(&self) -> (String, String) {
        static NEXT: AtomicU64 = AtomicU64::new(1);
        let schema = format!(
            "t{}_{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        (self.url(ADMIN, "postgres"), schema)
    }
}
