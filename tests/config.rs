//! The config file, on the real binary: a remapped key acts in the app and shows in `?` help
//! and the footer; every bad file is one line naming the file and the line, before anything
//! starts; `config --print` names where each setting came from; drafts an older version left
//! in the data directory are moved to the state directory and offered back; and
//! `assets/config.toml` is a sample that holds exactly the defaults.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::bin::{NO_CONFIG, Run};
use common::pty::{NOW, Session, XDG_CONFIG, XDG_STATE, drafts_dir};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use worklog::tui::keymap::{self, BINDINGS};

/// `worklog ARGS` with the environment of tests/common/bin.rs, minus the data directory and
/// the config, plus `env`.
fn run(args: &[&str], env: &[(&str, &Path)]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_worklog"));
    cmd.env("WORKLOG_DAILY_BACKUP", "wait")
        .env("WORKLOG_NOW", NOW)
        .env("TZ", "UTC")
        .env("XDG_CONFIG_HOME", NO_CONFIG)
        .env_remove("XDG_DATA_HOME")
        .env_remove("WORKLOG_DATA_DIR")
        .env_remove("WORKLOG_CONFIG")
        .env_remove("WORKLOG_EDITOR")
        .env_remove("EDITOR")
        .env_remove("VISUAL")
        .env_remove("NO_COLOR")
        .args(args)
        .stdin(Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

/// A private data directory inside `root`.
fn data_in(root: &Path) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let data = root.join("data");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o700)).unwrap();
    data
}

/// Writes `text` as the config file a [`Session`] on `data` reads from its default place.
fn session_config(data: &Path, text: &str) -> PathBuf {
    let path = data.join(XDG_CONFIG).join("worklog/config.toml");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn a_remapped_key_acts_and_shows_in_help_and_footer() {
    let root = tempfile::tempdir().unwrap();
    let data = data_in(root.path());
    let title = "Write the config test";
    common::bin::worklog(&data, NOW, &["add", "task", title]).ok();
    session_config(&data, "[keys.focus]\ntoggle_done = \"x\"\n");

    let mut s = Session::start(&data, 100, 30, &[]);
    s.wait_for("? help");
    s.send("1");
    s.wait_for(title);
    // The footer shows the user's key for the action.
    s.wait_for("x done");
    assert!(!s.text().contains("Space done"), "{}", s.text());
    // Space no longer toggles (were it to, x would toggle the task back to open).
    s.send(" ");
    s.send("x");
    s.send("?");
    s.wait_for("mark done / not done");
    let help = s.text();
    let line = help
        .lines()
        .find(|l| l.contains("mark done / not done"))
        .unwrap();
    let before = &line[..line.find("mark done / not done").unwrap()];
    assert_eq!(before.split_whitespace().last(), Some("x"), "{help}");
    s.send("?"); // closes the help
    s.send("q");
    assert!(s.wait_exit().success());

    let done = common::bin::worklog(&data, NOW, &["list", "tasks", "--status", "done"]).ok();
    assert!(done.stdout.contains(title), "{}", done.stdout);
}

#[test]
fn without_the_remap_space_is_still_the_key() {
    // The same steps with no config: proves the test above sees the remap, not the default.
    let root = tempfile::tempdir().unwrap();
    let data = data_in(root.path());
    common::bin::worklog(&data, NOW, &["add", "task", "Plain"]).ok();
    let mut s = Session::start(&data, 100, 30, &[]);
    s.wait_for("? help");
    s.send("1");
    s.wait_for("Space done");
    s.send("x");
    s.send("q");
    assert!(s.wait_exit().success());
    let done = common::bin::worklog(&data, NOW, &["list", "tasks", "--status", "done"]).ok();
    assert!(!done.stdout.contains("Plain"), "{}", done.stdout);
}

#[test]
fn every_bad_config_is_one_line_naming_the_file_and_line_and_nothing_starts() {
    let root = tempfile::tempdir().unwrap();
    let cases: &[(&str, &str)] = &[
        (
            "editor = \"vim\"\ncolour = \"red\"\n",
            ":2: unknown key `colour`",
        ),
        (
            "week_start = \"someday\"\n",
            ":1: week_start \"someday\" is not a day of the week",
        ),
        (
            "theme = \"purple\"\n",
            ":1: theme \"purple\" is not dark, light, none",
        ),
        (
            "[theme]\nbase = \"dark\"\ntitle = \"blurple\"\n",
            ":3: theme title: \"blurple\" is not a colour",
        ),
        (
            "[theme]\ntitel = \"blue\"\n",
            ":2: unknown theme role \"titel\"",
        ),
        (
            "data_dir = \"relative/dir\"\n",
            ":1: data_dir \"relative/dir\" must be an absolute path",
        ),
        ("editor = 3\n", ":1: invalid type"),
        (
            "\n[keys.focus]\ntoggle_done = \"x\"\ncycle_status = \"x\"\n",
            ":3: the key \"x\" is bound twice in [keys.focus]: to toggle_done and to cycle_status",
        ),
        (
            "[keys.focus]\ntoggle_done = \"s\"\n",
            ":2: the key \"s\" is bound twice in [keys.focus]",
        ),
        (
            "[keys.elsewhere]\nquit = \"x\"\n",
            ":1: unknown key context [keys.elsewhere]",
        ),
        (
            "[keys.global]\nfly = \"x\"\n",
            ":2: unknown action \"fly\" in [keys.global]",
        ),
        (
            "[keys.global]\nquit = \"Hyper-q\"\n",
            ":2: [keys.global] quit: unknown key \"Hyper-q\"",
        ),
        (
            "[keys.global]\nquit = 7\n",
            ":2: [keys.global] quit: 7 is not a key",
        ),
        (
            "database_url = \"postgres://localhost/worklog\"\n",
            ":1: database_url: a server is not chosen in the config file",
        ),
        (
            "week_start = \"monday\"\nweek_start = \"sunday\"\n",
            ":2: duplicate key",
        ),
        ("keys = [\n", ":1:"),
    ];
    for (i, (text, want)) in cases.iter().enumerate() {
        let data = root.path().join(format!("data-{i}"));
        let file = root.path().join(format!("bad-{i}.toml"));
        std::fs::write(&file, text).unwrap();
        // By flag, by variable, and from the default place: the same one line.
        let xdg = root.path().join(format!("xdg-{i}"));
        std::fs::create_dir_all(xdg.join("worklog")).unwrap();
        std::fs::copy(&file, xdg.join("worklog/config.toml")).unwrap();
        let default_file = xdg.join("worklog/config.toml");
        let runs = [
            (
                run(
                    &["--config", file.to_str().unwrap(), "today"],
                    &[("WORKLOG_DATA_DIR", &data)],
                ),
                &file,
            ),
            (
                run(
                    &["today"],
                    &[("WORKLOG_DATA_DIR", &data), ("WORKLOG_CONFIG", &file)],
                ),
                &file,
            ),
            (
                run(
                    &["today"],
                    &[("WORKLOG_DATA_DIR", &data), ("XDG_CONFIG_HOME", &xdg)],
                ),
                &default_file,
            ),
        ];
        for (r, path) in runs {
            let line = r.one_line_error();
            let head = format!("worklog: {}{want}", path.display());
            assert!(
                line.starts_with(&head),
                "{text:?}\nwant {head}\ngot  {line}"
            );
        }
        assert!(
            !data.exists(),
            "{text:?}: nothing may start, yet {data:?} was made"
        );
    }
}

#[test]
fn a_config_named_by_flag_or_variable_must_exist_the_default_one_need_not() {
    let root = tempfile::tempdir().unwrap();
    let data = data_in(root.path());
    let missing = root.path().join("missing.toml");
    let line = run(
        &["--config", missing.to_str().unwrap(), "today"],
        &[("WORKLOG_DATA_DIR", &data)],
    )
    .one_line_error();
    assert!(line.contains("cannot read the config file"), "{line}");
    assert!(line.contains("missing.toml"), "{line}");
    run(&["today"], &[("WORKLOG_DATA_DIR", &data)]).ok();
}

#[test]
fn config_print_names_the_source_of_every_setting() {
    let root = tempfile::tempdir().unwrap();
    let data = data_in(root.path());
    let file_dir = root.path().join("from-file");

    // Nothing set: every setting is its default.
    let out = run(&["config", "--print"], &[("WORKLOG_DATA_DIR", &data)])
        .ok()
        .stdout;
    assert!(out.contains("config     none"), "{out}");
    assert!(
        out.contains(&format!(
            "data_dir   {}  (env WORKLOG_DATA_DIR)",
            data.display()
        )),
        "{out}"
    );
    assert!(out.contains("editor     vi  (default)"), "{out}");
    assert!(out.contains("week_start monday  (default)"), "{out}");
    assert!(out.contains("theme      dark  (default)"), "{out}");
    assert!(out.contains("keys       the defaults  (default)"), "{out}");

    // From the default place.
    let xdg = root.path().join("xdg");
    let file = xdg.join("worklog/config.toml");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(
        &file,
        format!(
            "data_dir = \"{}\"\neditor = \"nano -w\"\nweek_start = \"sun\"\n\
             [theme]\nbase = \"light\"\nkey = \"#d75f00\"\n[keys.global]\nquit = [\"Q\", \"C-q\"]\n",
            file_dir.display()
        ),
    )
    .unwrap();
    let src = format!("(file {})", file.display());
    let out = run(&["config", "--print"], &[("XDG_CONFIG_HOME", &xdg)])
        .ok()
        .stdout;
    assert!(
        out.contains(&format!("config     {} (default)", file.display())),
        "{out}"
    );
    assert!(
        out.contains(&format!("data_dir   {}  {src}", file_dir.display())),
        "{out}"
    );
    assert!(out.contains(&format!("editor     nano -w  {src}")), "{out}");
    assert!(out.contains(&format!("week_start sunday  {src}")), "{out}");
    assert!(
        out.contains(&format!("theme      light with key=#D75F00  {src}")),
        "{out}"
    );
    assert!(
        out.contains(&format!("keys.global.quit = [\"Q\", \"C-q\"]  {src}")),
        "{out}"
    );

    // The file's data_dir is where commands write.
    run(&["add", "task", "Filed"], &[("XDG_CONFIG_HOME", &xdg)]).ok();
    assert!(file_dir.join("worklog.db").exists());

    // The environment beats the file; a flag beats both.
    let editor = Path::new("emacs");
    let out = run(
        &["config", "--print"],
        &[
            ("XDG_CONFIG_HOME", &xdg),
            ("WORKLOG_DATA_DIR", &data),
            ("WORKLOG_EDITOR", editor),
            ("NO_COLOR", Path::new("1")),
        ],
    )
    .ok()
    .stdout;
    assert!(
        out.contains(&format!(
            "data_dir   {}  (env WORKLOG_DATA_DIR)",
            data.display()
        )),
        "{out}"
    );
    assert!(
        out.contains("editor     emacs  (env WORKLOG_EDITOR)"),
        "{out}"
    );
    assert!(out.contains("theme      none  (env NO_COLOR)"), "{out}");
    let flag_dir = root.path().join("by-flag");
    let out = run(
        &[
            "--data-dir",
            flag_dir.to_str().unwrap(),
            "config",
            "--print",
        ],
        &[("XDG_CONFIG_HOME", &xdg), ("WORKLOG_DATA_DIR", &data)],
    )
    .ok()
    .stdout;
    assert!(
        out.contains(&format!(
            "data_dir   {}  (flag --data-dir)",
            flag_dir.display()
        )),
        "{out}"
    );
    // EDITOR is below the file's editor, and used without it.
    let out = run(
        &["config", "--print"],
        &[("XDG_CONFIG_HOME", &xdg), ("EDITOR", editor)],
    )
    .ok()
    .stdout;
    assert!(out.contains(&format!("editor     nano -w  {src}")), "{out}");
    let out = run(
        &["config", "--print"],
        &[("WORKLOG_DATA_DIR", &data), ("EDITOR", editor)],
    )
    .ok()
    .stdout;
    assert!(out.contains("editor     emacs  (env EDITOR)"), "{out}");

    // Which file: WORKLOG_CONFIG beats the default place, --config beats both.
    let other = root.path().join("other.toml");
    std::fs::write(&other, "week_start = \"friday\"\n").unwrap();
    let out = run(
        &["config", "--print"],
        &[
            ("XDG_CONFIG_HOME", &xdg),
            ("WORKLOG_CONFIG", &other),
            ("WORKLOG_DATA_DIR", &data),
        ],
    )
    .ok()
    .stdout;
    assert!(
        out.contains(&format!(
            "config     {} (env WORKLOG_CONFIG)",
            other.display()
        )),
        "{out}"
    );
    assert!(out.contains("week_start friday"), "{out}");
    let third = root.path().join("third.toml");
    std::fs::write(&third, "week_start = \"tuesday\"\n").unwrap();
    let out = run(
        &["--config", third.to_str().unwrap(), "config", "--print"],
        &[("WORKLOG_CONFIG", &other), ("WORKLOG_DATA_DIR", &data)],
    )
    .ok()
    .stdout;
    assert!(
        out.contains(&format!("config     {} (flag --config)", third.display())),
        "{out}"
    );
    assert!(out.contains("week_start tuesday"), "{out}");
}

#[test]
fn week_start_splits_the_reports_energy_into_weeks() {
    let root = tempfile::tempdir().unwrap();
    let data = data_in(root.path());
    // NOW is Sunday 2026-11-22.
    run(&["add", "energy", "4"], &[("WORKLOG_DATA_DIR", &data)]).ok();
    let report = |config: &Path| {
        run(
            &["--config", config.to_str().unwrap(), "report", "--week"],
            &[("WORKLOG_DATA_DIR", &data)],
        )
        .ok()
        .stdout
    };
    let monday = root.path().join("monday.toml");
    std::fs::write(&monday, "").unwrap();
    let sunday = root.path().join("sunday.toml");
    std::fs::write(&sunday, "week_start = \"sunday\"\n").unwrap();
    let by_monday = report(&monday);
    assert!(
        by_monday.contains("- Week of 2026-11-16: 4.0"),
        "{by_monday}"
    );
    let by_sunday = report(&sunday);
    assert!(
        by_sunday.contains("- Week of 2026-11-22: 4.0"),
        "{by_sunday}"
    );
    assert!(
        by_sunday.contains("- Week of 2026-11-15: no check-ins"),
        "{by_sunday}"
    );
}

#[test]
fn drafts_left_in_the_data_directory_are_moved_to_the_state_directory_and_offered_back() {
    let root = tempfile::tempdir().unwrap();
    let data = data_in(root.path());
    let words = "a draft from before the move";
    // A real draft, made by a session cut off with its form open...
    let mut s = Session::start(&data, 100, 24, &[]);
    s.wait_for("? help");
    s.send("1");
    s.wait_for("No tasks for this day");
    s.send("a");
    s.wait_for("New task");
    s.send(words);
    s.wait_for(words);
    s.signal(nix::sys::signal::Signal::SIGTERM);
    s.wait_exit();
    let new_place = drafts_dir(&data).join("focus.json");
    assert!(new_place.exists(), "drafts go to the state directory");
    assert!(
        !data.join("drafts").exists(),
        "and not to the data directory"
    );
    // ...put where an older worklog kept it, with a fresh state directory.
    std::fs::create_dir_all(data.join("drafts")).unwrap();
    std::fs::rename(&new_place, data.join("drafts/focus.json")).unwrap();
    std::fs::remove_dir_all(data.join(XDG_STATE)).unwrap();

    let mut s = Session::start(&data, 100, 24, &[]);
    s.wait_for("unsaved draft");
    assert!(
        !data.join("drafts").exists(),
        "the old folder is gone once moved"
    );
    let moved = drafts_dir(&data).join("focus.json");
    assert!(std::fs::read_to_string(&moved).unwrap().contains(words));
    s.send("1");
    s.wait_for("No tasks for this day");
    s.send("a");
    s.wait_for(words);
    s.send("\x13"); // Ctrl-S
    s.wait_for(&format!("saved “{words}”"));
    s.send("q");
    assert!(s.wait_exit().success());
    assert!(!moved.exists(), "taken once saved");
}

#[test]
fn a_draft_that_cannot_move_is_still_found_where_it_is() {
    let root = tempfile::tempdir().unwrap();
    let data = data_in(root.path());
    let words = "kept in the old place";
    let mut s = Session::start(&data, 100, 24, &[]);
    s.wait_for("? help");
    s.send("1");
    s.wait_for("No tasks for this day");
    s.send("a");
    s.wait_for("New task");
    s.send(words);
    s.wait_for(words);
    s.signal(nix::sys::signal::Signal::SIGTERM);
    s.wait_exit();
    let draft = drafts_dir(&data).join("focus.json");
    std::fs::create_dir_all(data.join("drafts")).unwrap();
    std::fs::rename(&draft, data.join("drafts/focus.json")).unwrap();

    // The move fails (as on a full or read-only state disk): the draft stays and is offered.
    let state = root.path().join("state-2");
    let mut s = Session::start(
        &data,
        100,
        24,
        &[
            ("XDG_STATE_HOME", state.to_str().unwrap()),
            ("WORKLOG_FAULT", "drafts.move=eio"),
        ],
    );
    s.wait_for("? help");
    assert!(data.join("drafts/focus.json").exists(), "not lost");
    s.send("1");
    s.wait_for("No tasks for this day");
    s.send("a");
    s.wait_for(words);
    s.send("\x13"); // Ctrl-S
    s.wait_for(&format!("saved “{words}”"));
    s.send("q");
    assert!(s.wait_exit().success());
    let tasks = common::bin::worklog(&data, NOW, &["list", "tasks"]).ok();
    assert!(tasks.stdout.contains(words), "{}", tasks.stdout);
}

/// The part of assets/config.toml after this line is generated from the key table.
const GENERATED: &str =
    "# Below, every action with its default keys (generated from the key table).\n";

fn generated_keys() -> String {
    let mut out = String::new();
    for ctx in keymap::Context::with_bindings() {
        out.push_str(&format!(
            "\n[keys.{}]  # {}\n",
            ctx.config_name(),
            ctx.title()
        ));
        for b in BINDINGS.iter().filter(|b| b.context == ctx) {
            let keys: Vec<String> = b
                .keys
                .iter()
                .map(|k| format!("{:?}", k.config_name()))
                .collect();
            let value = if keys.len() == 1 {
                keys[0].clone()
            } else {
                format!("[{}]", keys.join(", "))
            };
            out.push_str(&format!(
                "{} = {value}  # {}\n",
                b.action.config_name(),
                b.help
            ));
        }
    }
    out
}

#[test]
fn the_sample_config_parses_and_holds_exactly_the_defaults() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/config.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let head =
        &text[..text.find(GENERATED).expect("the generated part's marker") + GENERATED.len()];
    let want = format!("{head}{}", generated_keys());
    if std::env::var_os("UPDATE_ASSETS").is_some() {
        std::fs::write(&path, &want).unwrap();
    }
    assert!(
        text == want,
        "assets/config.toml is stale: run `UPDATE_ASSETS=1 cargo test --test config`"
    );

    let config = worklog::config::parse(&text, &path).unwrap();
    let defaults = worklog::config::Config::default();
    assert_eq!(config.data_dir, None);
    assert_eq!(config.editor, None);
    assert_eq!(config.week_start, defaults.week_start);
    assert_eq!(config.theme, defaults.theme);
    assert_eq!(config.mouse, defaults.mouse);
    assert_eq!(config.attachment_max_size, defaults.attachment_max_size);
    // Every action is named in it, and keeps its default keys.
    assert_eq!(config.remaps.len(), BINDINGS.len());
    let table = keymap::remapped(&config.remaps).unwrap();
    for (got, default) in table.iter().zip(BINDINGS) {
        assert_eq!(got.action, default.action);
        assert_eq!(got.keys, default.keys, "{:?}", default.action);
    }
}

#[test]
fn every_action_has_its_own_name_in_its_context_and_every_key_reads_back() {
    for (i, a) in BINDINGS.iter().enumerate() {
        for b in &BINDINGS[i + 1..] {
            assert!(
                a.context != b.context || a.action.config_name() != b.action.config_name(),
                "{:?} and {:?} share a name",
                a.action,
                b.action
            );
        }
        for k in a.keys {
            assert_eq!(keymap::Key::parse(&k.config_name()), Ok(*k), "{k:?}");
        }
    }
}

/// The colour of the `?` of the footer's `? help`, as the terminal shows it.
fn help_key_colour(data: &Path, env: &[(&str, &str)]) -> vt100::Color {
    let mut s = Session::start(data, 100, 24, env);
    s.wait_for("? help");
    let parser = s.screen();
    let screen = parser.screen();
    let (rows, cols) = screen.size();
    let (rows, cols) = (rows.get(), cols.get());
    let row = rows - 1;
    let text = screen.contents_between(row, 0, row, cols);
    // The column in characters (the footer may hold arrows before it).
    let col = text[..text.find("? help").unwrap()].chars().count();
    let colour = screen.cell(row, col as u16).unwrap().fgcolor();
    s.send("q");
    assert!(s.wait_exit().success());
    colour
}

#[test]
fn the_theme_colours_the_screen_by_role_and_no_color_beats_it() {
    let root = tempfile::tempdir().unwrap();
    let data = data_in(root.path());
    // Index 3 is yellow, the dark theme's key colour; 5 magenta, the light theme's.
    assert_eq!(help_key_colour(&data, &[]), vt100::Color::Idx(3));
    session_config(&data, "theme = \"light\"\n");
    assert_eq!(help_key_colour(&data, &[]), vt100::Color::Idx(5));
    session_config(&data, "[theme]\nkey = \"#102030\"\n");
    assert_eq!(
        help_key_colour(&data, &[]),
        vt100::Color::Rgb(0x10, 0x20, 0x30)
    );
    assert_eq!(
        help_key_colour(&data, &[("NO_COLOR", "1")]),
        vt100::Color::Default
    );
    session_config(&data, "theme = \"none\"\n");
    assert_eq!(help_key_colour(&data, &[]), vt100::Color::Default);
}

#[test]
fn the_files_editor_writes_the_journal_body_and_beats_editor() {
    use std::os::unix::fs::PermissionsExt;
    let root = tempfile::tempdir().unwrap();
    let data = data_in(root.path());
    let editor = root.path().join("editor.sh");
    std::fs::write(
        &editor,
        "#!/bin/sh\nprintf 'written by the config editor' > \"$1\"\n",
    )
    .unwrap();
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    session_config(&data, &format!("editor = \"{}\"\n", editor.display()));
    // EDITOR names an editor that does not exist: the file's must win.
    let mut s = Session::start(
        &data,
        100,
        24,
        &[("EDITOR", "/nonexistent/editor"), ("WORKLOG_EDITOR", "")],
    );
    s.wait_for("? help");
    s.send("2");
    s.wait_for("Nothing in the journal yet");
    s.send("a");
    s.wait_for("New journal entry");
    s.send("Edited by config");
    s.wait_for("Edited by config");
    s.send("\x0f"); // Ctrl-O
    s.wait_for("written by the config editor");
    s.send("\x13"); // Ctrl-S
    s.wait_for("saved “Edited by config”");
    s.send("q");
    assert!(s.wait_exit().success());
}
