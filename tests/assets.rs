//! `assets/` holds the generated completion scripts and man pages; they must match what the
//! binary prints. `UPDATE_ASSETS=1 cargo test --test assets` rewrites them (review the diff).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

const SHELLS: [(&str, &str); 5] = [
    ("bash", "worklog.bash"),
    ("zsh", "_worklog"),
    ("fish", "worklog.fish"),
    ("elvish", "worklog.elv"),
    ("powershell", "_worklog.ps1"),
];

fn worklog(args: &[&str]) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_worklog"))
        .args(args)
        .env_remove("WORKLOG_DATA_DIR")
        .output()
        .unwrap();
    assert!(out.status.success(), "{args:?}: {out:?}");
    assert!(out.stderr.is_empty(), "{args:?}: {out:?}");
    out.stdout
}

fn assets() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets")
}

/// Every file of `dir`, by name.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return BTreeMap::new();
    };
    entries
        .map(|e| e.unwrap())
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

/// What the binary generates now: completions/ and man/.
fn generated() -> BTreeMap<String, BTreeMap<String, Vec<u8>>> {
    let completions = SHELLS
        .iter()
        .map(|(shell, file)| (file.to_string(), worklog(&["completions", shell])))
        .collect();
    let tmp = tempfile::tempdir().unwrap();
    let man_dir = tmp.path().join("man");
    let said = worklog(&["man", "--out", man_dir.to_str().unwrap()]);
    let man = files(&man_dir);
    assert!(
        String::from_utf8_lossy(&said).contains(&format!("wrote {} man pages", man.len())),
        "{}",
        String::from_utf8_lossy(&said)
    );
    BTreeMap::from([
        ("completions".to_string(), completions),
        ("man".to_string(), man),
    ])
}

#[test]
fn assets_match_what_the_binary_generates() {
    let now = generated();
    if std::env::var_os("UPDATE_ASSETS").is_some() {
        for (folder, contents) in &now {
            let dir = assets().join(folder);
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(&dir).unwrap();
            for (name, bytes) in contents {
                std::fs::write(dir.join(name), bytes).unwrap();
            }
        }
    }
    for (folder, contents) in &now {
        let stored = files(&assets().join(folder));
        let names = |m: &BTreeMap<String, Vec<u8>>| m.keys().cloned().collect::<Vec<_>>();
        assert_eq!(
            names(&stored),
            names(contents),
            "assets/{folder} is stale: run `UPDATE_ASSETS=1 cargo test --test assets`"
        );
        for (name, bytes) in contents {
            assert!(
                stored.get(name) == Some(bytes),
                "assets/{folder}/{name} is stale: run `UPDATE_ASSETS=1 cargo test --test assets`"
            );
        }
    }
}

#[test]
fn completions_and_man_pages_cover_every_command() {
    let bash = String::from_utf8(worklog(&["completions", "bash"])).unwrap();
    for word in ["today", "search", "--format", "json", "csv", "--data-dir"] {
        assert!(bash.contains(word), "{word}");
    }
    let fish = String::from_utf8(worklog(&["completions", "fish"])).unwrap();
    assert!(fish.contains("complete -c worklog"), "{fish}");
    let page = String::from_utf8(worklog(&["man"])).unwrap();
    assert!(
        page.starts_with(".ie") && page.contains(".TH worklog 1"),
        "{page}"
    );
    assert!(page.contains("worklog\\-search(1)"), "{page}");
    let task = String::from_utf8(worklog(&["man", "add", "task"])).unwrap();
    assert!(
        task.contains(".TH worklog\\-add\\-task 1") || task.contains(".TH worklog-add-task 1"),
        "{task}"
    );
    assert!(
        task.contains("priority") && task.contains("worklog 0."),
        "{task}"
    );
    let out = Command::new(env!("CARGO_BIN_EXE_worklog"))
        .args(["man", "nope"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no subcommand \"nope\""));
    let out = Command::new(env!("CARGO_BIN_EXE_worklog"))
        .args(["completions", "tcsh"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
