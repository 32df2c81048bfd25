//! Attachments (issue 14) through the real binary, on SQLite and on PostgreSQL: attach, list,
//! open, detach and undo; the size limit; crashes at each step of attaching; a damaged file
//! found by `check`; orphans and `check --repair`; backup and restore, export and import
//! round trips.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::bin::{Run, worklog, worklog_with_env};
use common::*;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

const NOW: &str = "2026-11-22T09:30:00";

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A data directory with task 1, and a folder of files to attach.
struct Setup {
    _tmp: tempfile::TempDir,
    data: PathBuf,
    files: PathBuf,
}

fn setup() -> Setup {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let files = tmp.path().join("files");
    std::fs::create_dir(&data).unwrap();
    std::fs::create_dir(&files).unwrap();
    worklog(&data, NOW, &["add", "task", "Give the talk"]).ok();
    Setup {
        _tmp: tmp,
        data,
        files,
    }
}

impl Setup {
    fn file(&self, name: &str, content: &[u8]) -> String {
        let p = self.files.join(name);
        std::fs::write(&p, content).unwrap();
        p.display().to_string()
    }

    fn run(&self, args: &[&str]) -> Run {
        worklog(&self.data, NOW, args)
    }

    fn listed(&self) -> Vec<serde_json::Value> {
        let r = self.run(&["attachments", "--json"]).ok();
        serde_json::from_str::<serde_json::Value>(&r.stdout)
            .unwrap()
            .as_array()
            .unwrap()
            .clone()
    }

    /// `worklog open ID` over SSH: the path of the verified copy.
    fn open(&self, id: &str) -> PathBuf {
        let r = worklog_with_env(
            &self.data,
            NOW,
            &["open", id],
            "",
            &[("SSH_CONNECTION", "10.0.0.1 1 10.0.0.2 22")],
        )
        .ok();
        PathBuf::from(r.stdout.trim_end())
    }

    fn store_files(&self) -> Vec<PathBuf> {
        let mut out = Vec::new();
        let Ok(shards) = std::fs::read_dir(self.data.join("attachments")) else {
            return out;
        };
        for s in shards.flatten() {
            if s.path().is_dir() {
                for f in std::fs::read_dir(s.path()).unwrap().flatten() {
                    out.push(f.path());
                }
            } else {
                out.push(s.path());
            }
        }
        out.sort();
        out
    }

    fn on_server(&self) -> bool {
        on_postgres::current().is_some()
    }
}

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

on_both_backends! {
    #[test]
    fn attach_list_open_detach_and_undo() {
        let s = setup();
        let slides = s.file("slides.pdf", b"%PDF-1.4 the slides");
        let notes = s.file("notes.txt", b"what to say");
        let r = s.run(&["attach", "task", "1", &slides, &notes]).ok();
        assert!(r.stdout.contains("attached slides.pdf to task 1 as attachment 1"), "{}", r.stdout);
        assert!(r.stdout.contains("as attachment 2"), "{}", r.stdout);
        // The same content again: another row, the same stored file.
        s.run(&["attach", "task", "1", &slides]).ok();
        let rows = s.listed();
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0]["name"], "slides.pdf");
        assert_eq!(rows[0]["media_type"], "application/pdf");
        assert_eq!(rows[0]["size"], 19);
        assert_eq!(rows[0]["sha256"], sha256_hex(b"%PDF-1.4 the slides"));
        assert_eq!(rows[1]["media_type"], "text/plain");
        assert_eq!(rows[2]["sha256"], rows[0]["sha256"]);
        if !s.on_server() {
            let stored = s.store_files();
            assert_eq!(stored.len(), 2, "{stored:?}");
            let sha = sha256_hex(b"%PDF-1.4 the slides");
            let want = s.data.join("attachments").join(&sha[..2]).join(&sha);
            assert!(stored.contains(&want), "{stored:?}");
            assert_eq!(mode(&want), 0o600);
            assert_eq!(mode(want.parent().unwrap()), 0o700);
            assert_eq!(mode(&s.data.join("attachments")), 0o700);
        }
        let text = s.run(&["attachments", "task", "1"]).ok().stdout;
        assert!(text.contains("slides.pdf") && text.contains("notes.txt"), "{text}");

        // Over SSH, open prints the path of a verified private copy with its own name.
        let opened = s.open("2");
        assert_eq!(opened.file_name().unwrap(), "notes.txt");
        assert_eq!(std::fs::read(&opened).unwrap(), b"what to say");
        assert_eq!(mode(&opened), 0o600);
        assert_eq!(mode(opened.parent().unwrap()), 0o700);

        let r = s.run(&["detach", "2"]).ok();
        assert!(r.stdout.contains("detached attachment 2: notes.txt"), "{}", r.stdout);
        let ids: Vec<i64> = s.listed().iter().map(|r| r["id"].as_i64().unwrap()).collect();
        assert_eq!(ids, vec![1, 3]);
        let err = s.run(&["open", "2"]).one_line_error();
        assert!(err.contains("detached"), "{err}");
        let r = s.run(&["undo"]).ok();
        assert!(r.stdout.contains("restored attachment 2: notes.txt"), "{}", r.stdout);
        assert_eq!(s.listed().len(), 3);

        // An item that does not exist: one line, nothing attached, nothing stored.
        let other = s.file("other.txt", b"other");
        let err = s.run(&["attach", "task", "9", &other]).one_line_error();
        assert!(err.contains("task 9 does not exist"), "{err}");
        assert_eq!(s.listed().len(), 3);
        if !s.on_server() {
            assert_eq!(s.store_files().len(), 2);
        }
        let r = s.run(&["check"]).ok();
        assert!(r.stdout.contains("attachments: ok (3 attachments, 2 files verified)"), "{}", r.stdout);
    }

    #[test]
    fn a_file_over_the_limit_is_refused_with_a_clear_error() {
        let s = setup();
        let config = s.files.join("config.toml");
        std::fs::write(&config, "[attachments]\nmax_size = \"1 KiB\"\n").unwrap();
        let small = s.file("small.txt", &[b'a'; 1024]);
        let big = s.file("big.bin", &[b'b'; 1025]);
        let cfg = config.display().to_string();
        let err = s
            .run(&["--config", &cfg, "attach", "task", "1", &small, &big])
            .one_line_error();
        assert!(err.contains("big.bin is 1.0 KiB, over the limit of 1.0 KiB"), "{err}");
        assert!(err.contains("[attachments] max_size"), "{err}");
        // All or none: the small one was not attached either, nor even copied.
        assert!(s.listed().is_empty());
        if !s.on_server() {
            assert!(s.store_files().is_empty(), "{:?}", s.store_files());
        }
        s.run(&["--config", &cfg, "attach", "task", "1", &small]).ok();
        assert_eq!(s.listed().len(), 1);
    }

    #[test]
    fn check_finds_a_damaged_attachment_and_fails() {
        let s = setup();
        let notes = s.file("notes.txt", b"the real notes");
        s.run(&["attach", "task", "1", &notes]).ok();
        s.run(&["check"]).ok();
        let sha = sha256_hex(b"the real notes");
        match on_postgres::current() {
            None => {
                let stored = s.data.join("attachments").join(&sha[..2]).join(&sha);
                // Same size, other bytes: only the hash can tell.
                std::fs::write(&stored, b"the fake notes").unwrap();
            }
            Some((_, schema)) => {
                pg::server()
                    .unwrap()
                    .admin_sql(&format!(
                        "UPDATE {schema}.attachment_blobs SET content = 'the fake notes'::bytea"
                    ))
                    .unwrap();
            }
        }
        let r = s.run(&["check"]);
        assert_ne!(r.code, 0);
        assert!(
            r.stdout.contains("attachment 1 \"notes.txt\" of task 1 \"Give the talk\":"),
            "{}",
            r.stdout
        );
        assert!(r.stdout.contains("does not match"), "{}", r.stdout);
        assert!(r.stderr.contains("1 attachment is missing or damaged"), "{}", r.stderr);
        let json = s.run(&["check", "--json"]);
        assert_ne!(json.code, 0);
        let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
        assert_eq!(v["attachments"]["ok"], false);
        assert_eq!(v["attachments"]["problems"].as_array().unwrap().len(), 1);
    }

    #[test]
    fn backup_and_restore_bring_back_the_attachments() {
        let s = setup();
        let notes = s.file("notes.txt", b"kept in the backup");
        s.run(&["attach", "task", "1", &notes]).ok();
        s.run(&["backup"]).ok();
        let before = s.listed();
        // After the backup: another attachment, and the first one's content lost.
        let later = s.file("later.txt", b"attached after the backup");
        s.run(&["attach", "task", "1", &later]).ok();
        let sha = sha256_hex(b"kept in the backup");
        match on_postgres::current() {
            None => {}
            Some((_, schema)) => {
                // The server loses the rows and the bytes; the local backup has both.
                pg::server()
                    .unwrap()
                    .admin_sql(&format!(
                        "DELETE FROM {schema}.attachments; DELETE FROM {schema}.attachment_blobs"
                    ))
                    .unwrap();
            }
        }
        let r = s.run(&["restore", "2026-11-22"]).ok();
        assert!(r.stdout.contains("restored"), "{}", r.stdout);
        assert_eq!(s.listed(), before);
        let opened = s.open("1");
        assert_eq!(std::fs::read(opened).unwrap(), b"kept in the backup");
        s.run(&["check"]).ok();

        if !s.on_server() {
            // A backup whose file is gone cannot be restored, and says why.
            let stored = s.data.join("attachments").join(&sha[..2]).join(&sha);
            std::fs::remove_file(&stored).unwrap();
            let err = s.run(&["restore", "2026-11-22"]).one_line_error();
            assert!(err.contains("attachments are missing or damaged"), "{err}");
            assert!(err.contains("notes.txt"), "{err}");
            assert!(err.contains("nothing was restored"), "{err}");
            // Nor can a new backup be taken without it.
            let err = s.run(&["backup"]).one_line_error();
            assert!(err.contains("the new backup failed verification"), "{err}");
        }
    }

    #[test]
    fn export_and_import_round_trip_with_the_files() {
        let s = setup();
        let notes = s.file("notes.txt", b"exported notes");
        let pic = s.file("pic.png", &[0x89, b'P', b'N', b'G', 0, 1, 2, 255]);
        s.run(&["attach", "task", "1", &notes, &pic]).ok();
        let out = s.files.join("export");
        let out_arg = format!("{}/", out.display());
        let r = s.run(&["export", "--format", "json", "--out", &out_arg]).ok();
        assert!(r.stdout.contains("2 attachment files"), "{}", r.stdout);
        assert!(out.join("worklog.json").is_file());
        let sha = sha256_hex(&[0x89, b'P', b'N', b'G', 0, 1, 2, 255]);
        assert!(out.join("attachments").join(&sha[..2]).join(&sha).is_file());
        let json = std::fs::read_to_string(out.join("worklog.json")).unwrap();
        assert!(json.contains("\"attachments\": ["), "{json}");
        let before = s.listed();

        // Into a new, empty log (a fresh schema on PostgreSQL).
        let fresh = tempfile::tempdir().unwrap();
        if s.on_server() {
            on_postgres::use_fresh_schema();
        }
        // The JSON file alone does not carry the files: refused, nothing imported.
        let only_json = out.join("worklog.json").display().to_string();
        let err = worklog(fresh.path(), NOW, &["import", &only_json]).one_line_error();
        assert!(err.contains("whose file is not here"), "{err}");
        let r = worklog(fresh.path(), NOW, &["list", "tasks", "--json"]).ok();
        assert_eq!(r.stdout.trim(), "[]");

        worklog(fresh.path(), NOW, &["import", &out.display().to_string()]).ok();
        let r = worklog(fresh.path(), NOW, &["attachments", "--json"]).ok();
        let after: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
        assert_eq!(after.as_array().unwrap(), &before);
        let opened = worklog_with_env(
            fresh.path(),
            NOW,
            &["open", "2"],
            "",
            &[("SSH_CONNECTION", "10.0.0.1 1 10.0.0.2 22")],
        )
        .ok();
        assert_eq!(
            std::fs::read(opened.stdout.trim_end()).unwrap(),
            [0x89, b'P', b'N', b'G', 0, 1, 2, 255]
        );
        worklog(fresh.path(), NOW, &["check"]).ok();
    }

    #[test]
    fn copy_carries_the_files_into_a_sqlite_log() {
        let s = setup();
        let notes = s.file("notes.txt", b"copied along");
        s.run(&["attach", "meeting", "1", &notes]).one_line_error();
        s.run(&["attach", "task", "1", &notes]).ok();
        let target = s.files.join("copy");
        let r = s.run(&["copy", "--to", &target.display().to_string()]).ok();
        assert!(r.stdout.contains("attachments"), "{}", r.stdout);
        // The copy is a SQLite data directory of its own, with the file in its store.
        on_postgres::forget();
        let opened = worklog_with_env(
            &target,
            NOW,
            &["open", "1"],
            "",
            &[("SSH_CONNECTION", "10.0.0.1 1 10.0.0.2 22")],
        )
        .ok();
        assert_eq!(std::fs::read(opened.stdout.trim_end()).unwrap(), b"copied along");
        worklog(&target, NOW, &["check"]).ok();
    }

    #[test]
    fn a_crash_while_writing_the_row_attaches_nothing() {
        let s = setup();
        let notes = s.file("notes.txt", b"crash");
        for point in ["attach.row", "repo.commit"] {
            let r = worklog_with_env(
                &s.data,
                NOW,
                &["attach", "task", "1", &notes],
                "",
                &[("WORKLOG_FAULT", &format!("{point}=abort"))],
            );
            assert_ne!(r.code, 0, "{point}");
            assert!(s.listed().is_empty(), "{point}");
            let c = s.run(&["check"]).ok();
            assert!(c.stdout.contains("attachments: ok (0 attachments"), "{}", c.stdout);
            if s.on_server() {
                // The blob went in the row's transaction: nothing is left on the server.
                assert!(!c.stdout.contains("nothing needs"), "{point}: {}", c.stdout);
            } else {
                // The file was in place before the row: an orphan, reported.
                assert!(c.stdout.contains("1 file nothing needs"), "{point}: {}", c.stdout);
            }
        }
    }
}

/// Crashes at each step of storing the file (SQLite's store): never a row without its file;
/// a file already renamed into place is an orphan, reported, and removed by `--repair` once
/// old enough; temporary files are cleaned up by the next attach.
#[test]
fn a_crash_at_each_step_of_storing_leaves_no_row_without_its_file() {
    for (point, orphan) in [
        ("attach.temp", false),
        ("attach.written", false),
        ("attach.synced", false),
        ("attach.renamed", true),
        ("attach.dir_synced", true),
    ] {
        let s = setup();
        let notes = s.file("notes.txt", b"crash test");
        let r = worklog_with_env(
            &s.data,
            NOW,
            &["attach", "task", "1", &notes],
            "",
            &[("WORKLOG_FAULT", &format!("{point}=abort"))],
        );
        assert_ne!(r.code, 0, "{point}: {}", r.stderr);
        assert!(s.listed().is_empty(), "{point}");
        let c = s.run(&["check"]).ok();
        assert_eq!(
            c.stdout.contains("1 file nothing needs"),
            orphan,
            "{point}: {}",
            c.stdout
        );
        if orphan {
            // Young: kept by --repair, in case an attach is still in progress.
            let r = s.run(&["check", "--repair"]).ok();
            assert!(r.stdout.contains("0 removed"), "{}", r.stdout);
            assert!(r.stdout.contains("kept: under an hour old"), "{}", r.stdout);
            let sha = sha256_hex(b"crash test");
            let file = s.data.join("attachments").join(&sha[..2]).join(&sha);
            backdate(&file);
            let r = s.run(&["check", "--repair"]).ok();
            assert!(r.stdout.contains("1 removed"), "{}", r.stdout);
            assert!(!file.exists());
        }
        // The next attach works and leaves no temporary file of the dead process behind.
        s.run(&["attach", "task", "1", &notes]).ok();
        assert_eq!(s.listed().len(), 1, "{point}");
        let stored = s.store_files();
        assert_eq!(stored.len(), 1, "{point}: {stored:?}");
        s.run(&["check"]).ok();
    }
}

fn backdate(file: &Path) {
    use nix::sys::time::TimeSpec;
    let old = TimeSpec::new(1_000_000_000, 0);
    nix::sys::stat::utimensat(
        None,
        file,
        &old,
        &old,
        nix::sys::stat::UtimensatFlags::NoFollowSymlink,
    )
    .unwrap();
}

/// A file that changes while it is being copied is refused: hashing what was written and
/// reading the source again tells.
#[test]
fn a_file_changed_while_copying_is_refused() {
    let s = setup();
    let notes = s.file("notes.txt", b"first version");
    let release = s.files.join("release");
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_worklog"))
        .args(["attach", "task", "1", &notes])
        .env("WORKLOG_DATA_DIR", &s.data)
        .env("WORKLOG_NOW", NOW)
        .env("XDG_CONFIG_HOME", common::bin::NO_CONFIG)
        .env_remove("WORKLOG_DATABASE")
        .env("WORKLOG_FAULT", "attach.written=hold")
        .env("WORKLOG_FAULT_RELEASE", &release)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Wait until it holds, then change the source and let it go on.
    let tmp_seen = || {
        std::fs::read_dir(s.data.join("attachments"))
            .map(|d| d.count() > 0)
            .unwrap_or(false)
    };
    let until = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !tmp_seen() && std::time::Instant::now() < until {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    std::thread::sleep(std::time::Duration::from_millis(200));
    std::fs::write(&notes, b"second version!").unwrap();
    std::fs::write(&release, b"").unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!out.status.success());
    assert!(
        stderr.contains("changed while it was being copied"),
        "{stderr}"
    );
    assert!(s.listed().is_empty());
    assert!(s.store_files().is_empty(), "{:?}", s.store_files());
}

/// `check --repair` never removes a file that a kept backup needs, even when no row of the
/// live database names it any more; once no backup needs it either, it goes.
#[test]
fn repair_keeps_what_a_backup_needs() {
    let s = setup();
    s.run(&["backup"]).ok();
    let before = std::fs::read_dir(s.data.join("backups"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "db"))
        .unwrap();
    let notes = s.file("notes.txt", b"only a backup needs this");
    s.run(&["attach", "task", "1", &notes]).ok();
    s.run(&["backup"]).ok();
    // Back to the state before the attach: no row names the file now.
    s.run(&["restore", &before.display().to_string()]).ok();
    assert!(s.listed().is_empty());
    let sha = sha256_hex(b"only a backup needs this");
    let file = s.data.join("attachments").join(&sha[..2]).join(&sha);
    backdate(&file);
    let r = s.run(&["check", "--repair"]).ok();
    assert!(!r.stdout.contains("nothing needs"), "{}", r.stdout);
    assert!(file.exists());
    // Once the backups naming it are gone, it is an orphan and goes.
    for b in std::fs::read_dir(s.data.join("backups")).unwrap().flatten() {
        let p = b.path();
        if p.extension().is_some_and(|e| e == "db") && p != before {
            std::fs::remove_file(p).unwrap();
        }
    }
    let r = s.run(&["check", "--repair"]).ok();
    assert!(r.stdout.contains("1 file nothing needs"), "{}", r.stdout);
    assert!(r.stdout.contains("1 removed"), "{}", r.stdout);
    assert!(!file.exists());
}

/// BLOB ↔ bytea through the sql layer: every byte value round-trips on PostgreSQL, and a
/// content whose key is not its hash is refused by the server-side check.
#[test]
fn bytes_round_trip_through_bytea() {
    if pg::server().is_none() {
        return;
    }
    let t = on_postgres::db();
    let bytes: Vec<u8> = (0..=255u8).chain((0..=255u8).rev()).collect();
    let sha = sha256_hex(&bytes);
    t.repo.put_attachment_blob(&sha, &bytes).unwrap();
    assert_eq!(t.repo.attachment_blob(&sha).unwrap(), Some(bytes.clone()));
    let state = t.repo.attachment_blob_state(&sha).unwrap();
    assert_eq!(state.size, Some(512));
    assert_eq!(state.sha256.as_deref(), Some(sha.as_str()));
    let wrong = sha256_hex(b"something else");
    assert!(t.repo.put_attachment_blob(&wrong, &bytes).is_err());
    assert_eq!(t.repo.attachment_blob(&wrong).unwrap(), None);
}

/// `worklog copy` from a SQLite log to a server puts the files in the server first.
#[test]
fn copy_carries_the_files_into_a_server() {
    let Some(server) = pg::server() else {
        return;
    };
    let s = setup();
    let notes = s.file("notes.txt", b"up to the server");
    s.run(&["attach", "task", "1", &notes]).ok();
    let (url, schema) = server.fresh_schema();
    let env = [
        ("WORKLOG_SCHEMA", schema.as_str()),
        ("SSH_CONNECTION", "10.0.0.1 1 10.0.0.2 22"),
    ];
    worklog_with_env(&s.data, NOW, &["copy", "--to", &url], "", &env).ok();
    // Another machine: an empty data directory on the same server sees the file.
    let other = tempfile::tempdir().unwrap();
    let env = [
        ("WORKLOG_DATABASE", url.as_str()),
        ("WORKLOG_SCHEMA", schema.as_str()),
        ("SSH_CONNECTION", "10.0.0.1 1 10.0.0.2 22"),
    ];
    let opened = worklog_with_env(other.path(), NOW, &["open", "1"], "", &env).ok();
    assert_eq!(
        std::fs::read(opened.stdout.trim_end()).unwrap(),
        b"up to the server"
    );
    worklog_with_env(other.path(), NOW, &["check"], "", &env).ok();
}

/// The stored file of a content.
fn stored(s: &Setup, content: &[u8]) -> PathBuf {
    let sha = sha256_hex(content);
    s.data.join("attachments").join(&sha[..2]).join(&sha)
}

fn backups(s: &Setup) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(s.data.join("backups"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "db"))
        .collect();
    out.sort();
    out
}

/// The record a backup keeps of what it hashed (`attachments-hashed.json`): the contents it
/// names.
fn recorded(s: &Setup) -> Vec<String> {
    let text = std::fs::read_to_string(s.data.join("backups/attachments-hashed.json")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["files"].as_object().unwrap().keys().cloned().collect()
}

/// A backup hashes only what the previous one did not, and checks the rest by its file's
/// metadata: a file gone since the previous backup fails the next one, with a message, and
/// no backup is added.
#[test]
fn a_file_gone_since_the_last_backup_fails_the_next_one() {
    let s = setup();
    let notes = s.file("notes.txt", b"needed by every backup");
    s.run(&["attach", "task", "1", &notes]).ok();
    s.run(&["backup"]).ok();
    assert_eq!(recorded(&s), [sha256_hex(b"needed by every backup")]);
    let before = backups(&s);
    std::fs::remove_file(stored(&s, b"needed by every backup")).unwrap();
    let err = s.run(&["backup"]).one_line_error();
    assert!(err.contains("the new backup failed verification"), "{err}");
    assert!(err.contains("\"notes.txt\""), "{err}");
    assert!(err.contains("its file is missing"), "{err}");
    assert_eq!(backups(&s), before);
}

/// A stored file written to in place since the previous backup, same size and its
/// modification time set back, is not the file that was hashed: its change time tells, and
/// the next backup hashes it and fails.
#[test]
fn a_file_rewritten_since_the_last_backup_is_hashed_again() {
    let s = setup();
    let notes = s.file("notes.txt", b"the real notes");
    s.run(&["attach", "task", "1", &notes]).ok();
    s.run(&["backup"]).ok();
    let file = stored(&s, b"the real notes");
    let modified = std::fs::metadata(&file).unwrap().modified().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    let f = std::fs::OpenOptions::new().write(true).open(&file).unwrap();
    std::io::Write::write_all(&mut &f, b"the fake notes").unwrap();
    f.set_modified(modified).unwrap();
    drop(f);
    let before = backups(&s);
    let err = s.run(&["backup"]).one_line_error();
    assert!(err.contains("the new backup failed verification"), "{err}");
    assert!(err.contains("SHA-256 does not match"), "{err}");
    assert_eq!(backups(&s), before);
}

/// Damage the filesystem does not see (a bit flipped on the disk: same file, same size, same
/// times) passes a backup's cheap look, as the README says; `worklog check` hashes every
/// file and reports it, and `restore` hashes what the backup needs and refuses.
#[test]
fn damage_below_the_filesystem_is_found_by_check_and_restore() {
    use std::os::unix::fs::MetadataExt;
    let s = setup();
    let notes = s.file("notes.txt", b"the real notes");
    s.run(&["attach", "task", "1", &notes]).ok();
    s.run(&["backup"]).ok();
    let first = backups(&s).pop().unwrap();
    let file = stored(&s, b"the real notes");
    std::fs::write(&file, b"the fake notes").unwrap();
    // What a flipped bit would leave: the record matches the file as it is now.
    let m = std::fs::metadata(&file).unwrap();
    let record = s.data.join("backups/attachments-hashed.json");
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&record).unwrap()).unwrap();
    v["files"][sha256_hex(b"the real notes")] = serde_json::json!({
        "dev": m.dev(), "ino": m.ino(), "size": m.size(),
        "mtime": [m.mtime(), m.mtime_nsec()], "ctime": [m.ctime(), m.ctime_nsec()],
    });
    std::fs::write(&record, v.to_string()).unwrap();

    s.run(&["backup"]).ok();
    let r = s.run(&["check"]);
    assert_ne!(r.code, 0);
    assert!(r.stdout.contains("\"notes.txt\""), "{}", r.stdout);
    assert!(r.stdout.contains("does not match"), "{}", r.stdout);
    let err = s
        .run(&["restore", &first.display().to_string()])
        .one_line_error();
    assert!(err.contains("attachments are missing or damaged"), "{err}");
    assert!(err.contains("nothing was restored"), "{err}");
}
