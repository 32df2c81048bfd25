//! The real binary in a pseudo-terminal: a name typed into a picker that nearly matches a
//! person already there is asked about, and answering "use it" adds no one.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::bin::worklog;
use common::pty::{NOW, Session};

fn people_json(dir: &std::path::Path) -> Vec<serde_json::Value> {
    let out = worklog(dir, NOW, &["list", "people", "--json"]).ok();
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    v.as_array().cloned().unwrap_or_default()
}

#[test]
fn a_near_duplicate_attendee_is_asked_about_and_the_existing_person_is_used() {
    let dir = tempfile::tempdir().unwrap();
    worklog(
        dir.path(),
        NOW,
        &[
            "add",
            "feedback",
            "--given",
            "--person",
            "Inès Dubois",
            "Good demo",
        ],
    )
    .ok();
    let before = people_json(dir.path());
    assert_eq!(before.len(), 1, "{before:?}");
    let ines_id = before[0]["id"].clone();

    let mut s = Session::start(dir.path(), 80, 24, &[]);
    s.wait_for("? help");
    s.send("4");
    s.wait_for("No meetings yet");
    s.send("a");
    s.wait_for("New meeting");
    s.send("Weekly sync");
    s.wait_for("Weekly sync");
    s.send("\t\t\t\t"); // title → when → kind → duration → attendees
    s.send("Ines Dubios");
    s.wait_for("new “Ines Dubios”");
    s.send("\r");
    s.wait_for("“Ines Dubios” looks like one already here:");
    s.wait_for("use Inès Dubois");
    s.wait_for("+ new “Ines Dubios” anyway");
    s.send("\r"); // the first answer: the one already there
    s.wait_for("[Inès Dubois]");
    s.send("\x13"); // Ctrl-S
    s.wait_for("saved “Weekly sync”");
    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
    s.assert_restored();

    let after = people_json(dir.path());
    assert_eq!(after.len(), 1, "no new person: {after:?}");
    assert_eq!(after[0]["id"], ines_id);
    assert_eq!(after[0]["name"], "Inès Dubois");
    let shown = worklog(dir.path(), NOW, &["list", "meetings", "--json"]).ok();
    assert!(shown.stdout.contains("Inès Dubois"), "{}", shown.stdout);
}
