//! Attachments (issue 14) through the real binary in a pseudo-terminal, on SQLite and on
//! PostgreSQL: a meeting's page, `A` with a path that Tab completes, Enter attaches; `F` over
//! SSH says where the verified copy is; `X` detaches and `u` brings it back; after quitting,
//! `worklog attachments --json` agrees and `worklog check` passes. A file whose name holds
//! escape sequences is shown sanitized (checked on the raw bytes the terminal received), and
//! a missing file is one error with the typed path kept in the prompt.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::bin::worklog;
use common::pty::{NOW, Session};
use common::*;
use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;
use worklog::backup::human_size;
use worklog::model::{Id, MeetingDraft, MeetingKind};

/// Wide enough that the status line shows a copy's whole path.
const COLS: u16 = 160;
const ROWS: u16 = 40;

/// One test's world: a data directory with one meeting on the backend chosen, and a folder of
/// files to attach.
struct World {
    data: tempfile::TempDir,
    files: tempfile::TempDir,
    meeting: Id,
    /// `WORKLOG_DATABASE` and `WORKLOG_SCHEMA` on PostgreSQL.
    server: Option<(String, String)>,
}

impl World {
    /// On SQLite, or (`postgres`) on a fresh schema of the throwaway server.
    fn new(postgres: bool) -> World {
        let server = if postgres {
            Some(on_postgres::use_fresh_schema())
        } else {
            on_postgres::forget();
            None
        };
        let data = tempfile::tempdir().unwrap();
        // Private, as a real data directory is (else the app warns that others can read it).
        std::fs::set_permissions(data.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
        let repo = open_as_the_binary(data.path(), NOW);
        let meeting = repo
            .add_meeting(&MeetingDraft {
                starts_at: at("2026-11-22T09:00:00"),
                duration_minutes: Some(30),
                title: "Design review".into(),
                kind: MeetingKind::Team,
                notes: String::new(),
                attendee_ids: Vec::new(),
                tags: Vec::new(),
            })
            .unwrap()
            .id;
        drop(repo);
        World {
            data,
            files: tempfile::tempdir().unwrap(),
            meeting,
            server,
        }
    }

    fn file(&self, name: &str, content: &[u8]) -> PathBuf {
        let p = self.files.path().join(name);
        std::fs::write(&p, content).unwrap();
        p
    }

    /// The app over "SSH" with no display, on this world's database, on the meeting's page.
    fn start_on_the_meeting(&self) -> Session {
        let mut env: Vec<(&str, &str)> = vec![
            ("SSH_CONNECTION", "10.0.0.1 50000 10.0.0.2 22"),
            ("DISPLAY", ""),
            ("WAYLAND_DISPLAY", ""),
        ];
        if let Some((url, schema)) = &self.server {
            env.push(("WORKLOG_DATABASE", url));
            env.push(("WORKLOG_SCHEMA", schema));
        }
        let mut s = Session::start(self.data.path(), COLS, ROWS, &env);
        s.wait_for("Open action items");
        s.send("4");
        s.wait_for("Design review");
        s.send("\r");
        s.wait_for("No attachments. A attaches a file.");
        s
    }

    /// `worklog attachments --json`: (name, size, kind, item id) of each attachment listed.
    fn listed(&self) -> Vec<(String, u64, String, Id)> {
        let r = worklog(self.data.path(), NOW, &["attachments", "--json"]).ok();
        let all: Vec<serde_json::Value> = serde_json::from_str(&r.stdout).unwrap();
        all.iter()
            .map(|a| {
                (
                    a["name"].as_str().unwrap().to_string(),
                    a["size"].as_u64().unwrap(),
                    a["kind"].as_str().unwrap().to_string(),
                    a["item_id"].as_i64().unwrap(),
                )
            })
            .collect()
    }

    /// `worklog check` passes (exit 0).
    fn check_passes(&self) {
        let r = worklog(self.data.path(), NOW, &["check"]);
        assert_eq!(r.code, 0, "stdout: {}\nstderr: {}", r.stdout, r.stderr);
    }
}

fn quit(s: &mut Session) {
    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
    s.assert_restored();
}

/// The screen's row that contains `needle` (the first), or a failure showing the screen.
fn row_with(s: &Session, needle: &str) -> String {
    let text = s.text();
    text.lines()
        .find(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no row with {needle:?}:\n{text}"))
        .to_string()
}

fn attach_open_detach_undo(w: &World) {
    let content: Vec<u8> = (0..3000u32).map(|i| (i * 7 % 251) as u8).collect();
    let path = w.file("minutes-2026.txt", &content);
    w.file("notes.md", b"other");
    let mut s = w.start_on_the_meeting();

    // A, part of the path, Tab completes it, Enter attaches.
    s.send("A");
    s.wait_for("Attach file:");
    let folder = w.files.path().display().to_string();
    s.send(&format!("{folder}/minu"));
    s.wait_for(&format!("{folder}/minu"));
    s.send("\t");
    s.wait_for(&path.display().to_string());
    s.send("\r");
    s.wait_for("attached minutes-2026.txt");
    s.wait_for("Attachments · 1");
    let row = row_with(&s, "1 minutes-2026.txt");
    assert!(row.contains(&human_size(3000)), "{row}");
    assert!(row.contains("text/plain"), "{row}");
    assert!(!s.text().contains("Attach file:"), "{}", s.text());

    // F without a display, over SSH: the status line says where the verified copy is.
    s.send("F");
    s.wait_for("copy at ");
    let row = row_with(&s, "copy at ");
    let shown = row
        .split("copy at ")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap();
    let copy = PathBuf::from(shown);
    assert!(copy.starts_with(w.data.path().join("open")), "{row}");
    assert_eq!(copy.file_name().unwrap(), "minutes-2026.txt");
    assert_eq!(std::fs::read(&copy).unwrap(), content);

    // X detaches the only one; u brings it back.
    s.send("X");
    s.wait_for("detached minutes-2026.txt");
    s.wait_for("No attachments. A attaches a file.");
    assert!(!s.text().contains("1 minutes-2026.txt"), "{}", s.text());
    s.send("u");
    s.wait_for("Undid:");
    s.wait_for("Attachments · 1");
    let row = row_with(&s, "1 minutes-2026.txt");
    assert!(row.contains(&human_size(3000)), "{row}");
    quit(&mut s);

    assert_eq!(
        w.listed(),
        [(
            "minutes-2026.txt".to_string(),
            3000,
            "meeting".to_string(),
            w.meeting
        )]
    );
    w.check_passes();
}

#[test]
fn attach_with_tab_open_over_ssh_detach_and_undo_on_sqlite() {
    attach_open_detach_undo(&World::new(false));
}

#[test]
fn attach_with_tab_open_over_ssh_detach_and_undo_on_postgresql() {
    if common::pg::server().is_none() {
        return;
    }
    attach_open_detach_undo(&World::new(true));
}

/// The name of a file that tries to drive the terminal: a colour, a bell, a C1 CSI.
const EVIL: &str = "evil\u{1b}[31mred\u{7}bell\u{9b}2J.txt";

fn a_name_with_escapes_is_shown_sanitized(w: &World) {
    w.file(EVIL, b"harmless");
    let mut s = w.start_on_the_meeting();
    s.send("A");
    s.wait_for("Attach file:");
    let folder = w.files.path().display().to_string();
    s.send(&format!("{folder}/ev"));
    s.wait_for(&format!("{folder}/ev"));
    // Tab puts the whole raw name in the prompt; it is shown sanitized there too.
    s.send("\t");
    s.wait_for(&format!("{folder}/evil␛[31mred␇bell"));
    s.send("\r");
    s.wait_for("attached evil␛[31mred␇bell");
    s.wait_for("Attachments · 1");
    let row = row_with(&s, "1 evil␛[31mred␇bell");
    assert!(row.contains("2J.txt"), "{row}");
    // Detach and undo name it too.
    s.send("X");
    s.wait_for("detached evil␛[31mred");
    s.send("u");
    s.wait_for("Undid:");
    s.wait_for("Attachments · 1");
    quit(&mut s);

    let bytes = s.bytes();
    let has = |pat: &[u8]| bytes.windows(pat.len()).any(|w| w == pat);
    assert!(
        !has(b"\x1b[31mred"),
        "the raw ESC of the name reached the terminal"
    );
    assert!(
        !has(b"red\x07bell"),
        "the raw BEL of the name reached the terminal"
    );
    assert!(
        !has("\u{9b}".as_bytes()),
        "the raw C1 CSI reached the terminal"
    );
    assert!(
        has("evil␛[31mred".as_bytes()),
        "the sanitized name was shown"
    );

    let listed = w.listed();
    assert_eq!(listed.len(), 1, "{listed:?}");
    assert_eq!(listed[0].0, EVIL);
    w.check_passes();
}

#[test]
fn a_name_with_escapes_is_shown_sanitized_on_sqlite() {
    a_name_with_escapes_is_shown_sanitized(&World::new(false));
}

#[test]
fn a_name_with_escapes_is_shown_sanitized_on_postgresql() {
    if common::pg::server().is_none() {
        return;
    }
    a_name_with_escapes_is_shown_sanitized(&World::new(true));
}

fn a_missing_file_is_one_error_and_the_path_stays(w: &World) {
    let mut s = w.start_on_the_meeting();
    let gone: PathBuf = w.files.path().join("gone-slides.odp");
    let typed = gone.display().to_string();
    s.send("A");
    s.wait_for("Attach file:");
    s.send(&typed);
    s.wait_for(&typed);
    s.send("\r");
    s.wait_for("No such file");
    let text = s.text();
    let errors: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("No such file"))
        .collect();
    assert_eq!(errors.len(), 1, "{text}");
    // The prompt is still open with what was typed, to be corrected.
    let prompt = row_with(&s, "Attach file:");
    assert!(prompt.contains(&typed), "{prompt}\n{text}");
    assert!(
        text.contains("No attachments. A attaches a file."),
        "{text}"
    );
    // Corrected in place: the file is made, and Enter attaches the same typed path.
    std::fs::write(&gone, b"slides").unwrap();
    s.send("\r");
    s.wait_for("attached gone-slides.odp");
    s.wait_for("Attachments · 1");
    quit(&mut s);
    assert_eq!(w.listed().len(), 1);
    w.check_passes();
}

#[test]
fn a_missing_file_is_one_error_and_the_typed_path_stays_on_sqlite() {
    a_missing_file_is_one_error_and_the_path_stays(&World::new(false));
}

#[test]
fn a_missing_file_is_one_error_and_the_typed_path_stays_on_postgresql() {
    if common::pg::server().is_none() {
        return;
    }
    a_missing_file_is_one_error_and_the_path_stays(&World::new(true));
}
