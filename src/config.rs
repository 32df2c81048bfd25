//! The optional config file: `$XDG_CONFIG_HOME/worklog/config.toml` (`~/.config/...` when
//! unset, on macOS too, as command-line tools do), or the file named by `--config` or
//! `WORKLOG_CONFIG`. Without one every setting keeps its default. `assets/config.toml` is a
//! commented sample that holds exactly the defaults (a test checks it).
//!
//! The whole file is read and checked before anything starts: an unknown key, a bad value or
//! a key bound twice in one context is one error line naming the file and the line, and the
//! program stops. Nothing runs with half a config.
//!
//! Precedence, highest first: a command-line flag, then an environment variable, then the
//! file, then the default. `worklog config --print` shows each setting with where it came
//! from ([`Source`]).
//!
//! The settings reach the parts that use them through [`install`] / [`current`], set once by
//! the binary before it does anything else, so that the panes, the editor and the report need
//! no extra arguments; without [`install`] (tests, benchmarks) [`current`] is the defaults.

use crate::tui::keymap::{self, Action, Context, Key, Remap};
use chrono::Weekday;
use ratatui::style::Color;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The environment variable naming the config file (beaten by `--config`).
pub const ENV: &str = "WORKLOG_CONFIG";

/// Where a setting (or the config file itself) came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Default,
    File(PathBuf),
    Env(&'static str),
    Flag(&'static str),
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Default => write!(f, "default"),
            Source::File(p) => write!(f, "file {}", p.display()),
            Source::Env(v) => write!(f, "env {v}"),
            Source::Flag(flag) => write!(f, "flag {flag}"),
        }
    }
}

/// `dark` (the 16-colour default), `light` (colours that read on a light background), `none`
/// (no colour, as with `NO_COLOR`), or one of the first two with some roles recoloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThemeSpec {
    pub base: ThemeBase,
    pub palette: Palette,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeBase {
    Dark,
    Light,
    None,
}

/// The colour of each role the screen uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    /// Titles, the active tab, the field being edited.
    pub title: Color,
    /// Keys in the footer and the help.
    pub key: Color,
    pub error: Color,
    /// Warnings and tasks in progress.
    pub warning: Color,
    /// Success and done tasks.
    pub success: Color,
    pub tag: Color,
    /// Charts and the middle energy levels.
    pub chart: Color,
    /// Search matches.
    pub matched: Color,
}

/// The role names of [`Palette`], as the config file writes them.
pub const ROLES: [&str; 8] = [
    "title", "key", "error", "warning", "success", "tag", "chart", "matched",
];

impl Palette {
    pub const DARK: Palette = Palette {
        title: Color::Cyan,
        key: Color::Yellow,
        error: Color::Red,
        warning: Color::Yellow,
        success: Color::Green,
        tag: Color::Magenta,
        chart: Color::Cyan,
        matched: Color::Yellow,
    };

    /// No yellow or cyan, which wash out on a light background.
    pub const LIGHT: Palette = Palette {
        title: Color::Blue,
        key: Color::Magenta,
        error: Color::Red,
        warning: Color::Magenta,
        success: Color::Green,
        tag: Color::Blue,
        chart: Color::Blue,
        matched: Color::Magenta,
    };

    fn role_mut(&mut self, role: &str) -> Option<&mut Color> {
        Some(match role {
            "title" => &mut self.title,
            "key" => &mut self.key,
            "error" => &mut self.error,
            "warning" => &mut self.warning,
            "success" => &mut self.success,
            "tag" => &mut self.tag,
            "chart" => &mut self.chart,
            "matched" => &mut self.matched,
            _ => return None,
        })
    }
}

impl Default for ThemeSpec {
    fn default() -> Self {
        ThemeSpec {
            base: ThemeBase::Dark,
            palette: Palette::DARK,
        }
    }
}

/// The settings in force, each with its source.
#[derive(Debug, Clone)]
pub struct Config {
    /// The file read, if any, and how it was chosen.
    pub file: Option<PathBuf>,
    pub file_source: Source,
    /// The data directory from the file (a flag or `WORKLOG_DATA_DIR` beats it; see main).
    pub data_dir: Option<PathBuf>,
    pub editor: Option<String>,
    pub week_start: Weekday,
    pub week_start_source: Source,
    pub theme: ThemeSpec,
    pub theme_source: Source,
    /// Mouse capture in the app (scroll, click); off leaves text selection to the terminal.
    pub mouse: bool,
    pub mouse_source: Source,
    /// The remapped actions, in file order.
    pub remaps: Vec<Remap>,
    /// `[calendar] domain`: the user's own email domain for calendar imports (`--domain`
    /// beats it).
    pub calendar_domain: Option<String>,
    /// `[attachments] max_size`: the largest file `worklog attach` takes, in bytes.
    pub attachment_max_size: u64,
    pub attachment_max_size_source: Source,
}

/// The default `[attachments] max_size`: 100 MiB.
pub const DEFAULT_ATTACHMENT_MAX_SIZE: u64 = 100 * 1024 * 1024;

impl Default for Config {
    fn default() -> Self {
        Config {
            file: None,
            file_source: Source::Default,
            data_dir: None,
            editor: None,
            week_start: Weekday::Mon,
            week_start_source: Source::Default,
            theme: ThemeSpec::default(),
            theme_source: Source::Default,
            mouse: true,
            mouse_source: Source::Default,
            remaps: Vec::new(),
            calendar_domain: None,
            attachment_max_size: DEFAULT_ATTACHMENT_MAX_SIZE,
            attachment_max_size_source: Source::Default,
        }
    }
}

/// A config file that cannot be used: one line, `FILE:LINE: problem`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError(pub String);

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl std::error::Error for ConfigError {}

static CURRENT: std::sync::OnceLock<Config> = std::sync::OnceLock::new();

/// Makes `config` the settings of this process, and its key remaps the one key table. Once:
/// a second call changes nothing and returns false.
pub fn install(config: Config) -> bool {
    // `load` has already built this table once, so it cannot fail here; were it to, the
    // defaults stay rather than half the remaps.
    if let Ok(table) = keymap::remapped(&config.remaps) {
        keymap::install(table);
    }
    CURRENT.set(config).is_ok()
}

/// The settings in force (the defaults before [`install`]).
pub fn current() -> &'static Config {
    static DEFAULT: std::sync::OnceLock<Config> = std::sync::OnceLock::new();
    CURRENT
        .get()
        .unwrap_or_else(|| DEFAULT.get_or_init(Config::default))
}

/// `$XDG_CONFIG_HOME/worklog/config.toml` (`~/.config/worklog/config.toml`), if a home can be
/// found.
pub fn default_path() -> Option<PathBuf> {
    crate::paths::config_home().map(|d| d.join("worklog").join("config.toml"))
}

/// Finds and reads the config file: `flag` (`--config`), else `$WORKLOG_CONFIG`, else the
/// default path. A file named by the flag or the variable must exist; the default one may not.
pub fn load(flag: Option<&Path>) -> Result<Config, ConfigError> {
    let env = std::env::var_os(ENV).filter(|v| !v.is_empty());
    let (path, source) = match (flag, env) {
        (Some(p), _) => (p.to_path_buf(), Source::Flag("--config")),
        (None, Some(p)) => (PathBuf::from(p), Source::Env(ENV)),
        (None, None) => match default_path() {
            Some(p) => (p, Source::Default),
            None => return Ok(Config::default()),
        },
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && source == Source::Default => {
            return Ok(Config::default());
        }
        Err(e) => {
            return Err(ConfigError(format!(
                "cannot read the config file {}: {e}",
                path.display()
            )));
        }
    };
    let mut config = parse(&text, &path)?;
    config.file_source = source;
    Ok(config)
}

/// One `[keys.CONTEXT]` table: action name → key or keys, each with its place in the file.
type RawContext = Spanned<BTreeMap<Spanned<String>, Spanned<toml::Value>>>;

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    data_dir: Option<Spanned<String>>,
    editor: Option<Spanned<String>>,
    week_start: Option<Spanned<String>>,
    theme: Option<Spanned<toml::Value>>,
    mouse: Option<Spanned<toml::Value>>,
    database_url: Option<Spanned<toml::Value>>,
    keys: Option<BTreeMap<Spanned<String>, RawContext>>,
    calendar: Option<RawCalendar>,
    attachments: Option<RawAttachments>,
}

/// The `[attachments]` table.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAttachments {
    max_size: Option<Spanned<toml::Value>>,
}

/// A size as a user writes it: bytes as an integer, or text with a unit (`"100 MiB"`, `"2GB"`,
/// `"512 KiB"`; KB/MB/GB are taken as powers of 1024 too). `None` if it is not one.
pub fn parse_size(v: &toml::Value) -> Option<u64> {
    if let Some(i) = v.as_integer() {
        return u64::try_from(i).ok().filter(|n| *n > 0);
    }
    let s = v.as_str()?.trim();
    let split = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let (number, unit) = s.split_at(split);
    let n: u64 = number.parse().ok()?;
    let factor: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" | "kib" => 1 << 10,
        "m" | "mb" | "mib" => 1 << 20,
        "g" | "gb" | "gib" => 1 << 30,
        _ => return None,
    };
    n.checked_mul(factor).filter(|n| *n > 0)
}

/// The `[calendar]` table.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCalendar {
    domain: Option<Spanned<String>>,
}

/// An email domain as a user writes it (`example.com`, `@example.com`), lowercased; `None`
/// when it cannot be one.
fn email_domain(v: &str) -> Option<String> {
    let d = v.trim().trim_start_matches('@').to_lowercase();
    let ok = d.contains('.')
        && !d.starts_with('.')
        && !d.ends_with('.')
        && d.chars()
            .all(|c| c.is_alphanumeric() || c == '.' || c == '-');
    ok.then_some(d)
}

/// Reads a config file's text; `path` names it in errors.
pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
    let at = |span: std::ops::Range<usize>, msg: &str| {
        let line = text[..span.start.min(text.len())].matches('\n').count() + 1;
        ConfigError(format!("{}:{line}: {msg}", path.display()))
    };
    let raw: Raw = toml::from_str(text).map_err(|e| {
        let msg = e.message().trim().replace('\n', "; ");
        match e.span() {
            Some(span) => at(span, &friendlier(&msg)),
            None => ConfigError(format!("{}: {msg}", path.display())),
        }
    })?;
    let file = Source::File(path.to_path_buf());
    let mut config = Config {
        file: Some(path.to_path_buf()),
        ..Config::default()
    };
    if let Some(url) = raw.database_url {
        return Err(at(
            url.span(),
            "database_url: a server is not chosen in the config file (its address can hold a \
             password); use --database URL or WORKLOG_DATABASE",
        ));
    }
    if let Some(dir) = raw.data_dir {
        let value = dir.get_ref();
        let expanded = match value.strip_prefix("~/") {
            Some(rest) => crate::paths::home().map(|h| h.join(rest)),
            None => Some(PathBuf::from(value)),
        };
        match expanded {
            Some(p) if p.is_absolute() => config.data_dir = Some(p),
            _ => {
                return Err(at(
                    dir.span(),
                    &format!("data_dir \"{value}\" must be an absolute path or start with ~/"),
                ));
            }
        }
    }
    if let Some(editor) = raw.editor {
        if editor.get_ref().trim().is_empty() {
            return Err(at(
                editor.span(),
                "editor is empty: leave it out for $EDITOR",
            ));
        }
        config.editor = Some(editor.get_ref().trim().to_string());
    }
    if let Some(day) = raw.week_start {
        config.week_start = weekday(day.get_ref()).ok_or_else(|| {
            at(
                day.span(),
                &format!(
                    "week_start \"{}\" is not a day of the week (monday … sunday)",
                    day.get_ref()
                ),
            )
        })?;
        config.week_start_source = file.clone();
    }
    if let Some(domain) = raw.calendar.and_then(|c| c.domain) {
        config.calendar_domain = Some(email_domain(domain.get_ref()).ok_or_else(|| {
            at(
                domain.span(),
                &format!(
                    "calendar.domain \"{}\" is not an email domain (like example.com)",
                    domain.get_ref()
                ),
            )
        })?);
    }
    if let Some(max) = raw.attachments.and_then(|a| a.max_size) {
        config.attachment_max_size = parse_size(max.get_ref()).ok_or_else(|| {
            at(
                max.span(),
                "attachments.max_size must be a size above 0, like \"100 MiB\" or a number of bytes",
            )
        })?;
        config.attachment_max_size_source = file.clone();
    }
    if let Some(theme) = raw.theme {
        config.theme = theme_spec(theme.get_ref()).map_err(|(role, m)| {
            // A table's span starts at its header: point at the role's own line instead.
            let span = theme.span();
            let start = role
                .and_then(|role| line_of_key(&text[span.start..], &role))
                .map_or(span.start, |offset| span.start + offset);
            at(start..span.end, &m)
        })?;
        config.theme_source = file.clone();
    }
    if let Some(mouse) = raw.mouse {
        config.mouse = mouse.get_ref().as_bool().ok_or_else(|| {
            at(
                mouse.span(),
                "mouse must be true or false (false lets the terminal select text)",
            )
        })?;
        config.mouse_source = file.clone();
    }
    // The span of each remap, for the error of a key bound twice.
    let mut spans = Vec::new();
    for (context, actions) in raw.keys.unwrap_or_default() {
        let Some(ctx) = Context::with_bindings()
            .into_iter()
            .find(|c| c.config_name() == *context.get_ref())
        else {
            let names: Vec<String> = Context::with_bindings()
                .iter()
                .map(|c| c.config_name())
                .collect();
            return Err(at(
                context.span(),
                &format!(
                    "unknown key context [keys.{}]; expected one of: {}",
                    context.get_ref(),
                    names.join(", ")
                ),
            ));
        };
        for (name, value) in actions.into_inner() {
            let Some(action) = Action::named(ctx, name.get_ref()) else {
                let names: Vec<String> = keymap::BINDINGS
                    .iter()
                    .filter(|b| b.context == ctx)
                    .map(|b| b.action.config_name())
                    .collect();
                return Err(at(
                    name.span(),
                    &format!(
                        "unknown action \"{}\" in [keys.{}]; expected one of: {}",
                        name.get_ref(),
                        context.get_ref(),
                        names.join(", ")
                    ),
                ));
            };
            let keys = keys_of(value.get_ref()).map_err(|m| {
                at(
                    value.span(),
                    &format!("[keys.{}] {}: {m}", context.get_ref(), name.get_ref()),
                )
            })?;
            config.remaps.push(Remap { action, keys });
            spans.push(value.span());
        }
    }
    // In file order, so that a clash is reported at the first of its lines.
    let mut order: Vec<usize> = (0..spans.len()).collect();
    order.sort_by_key(|&i| spans[i].start);
    config.remaps = order.iter().map(|&i| config.remaps[i].clone()).collect();
    let spans: Vec<_> = order.iter().map(|&i| spans[i].clone()).collect();
    if let Err(e) = keymap::remapped(&config.remaps) {
        return Err(match spans.get(e.remap).cloned() {
            Some(span) => at(span, &e.message),
            None => ConfigError(format!("{}: {}", path.display(), e.message)),
        });
    }
    Ok(config)
}

/// toml's messages for the common mistakes, in the words of this file.
fn friendlier(msg: &str) -> String {
    msg.replace("unknown field", "unknown key")
}

fn weekday(text: &str) -> Option<Weekday> {
    let t = text.trim().to_ascii_lowercase();
    [
        ("monday", Weekday::Mon),
        ("tuesday", Weekday::Tue),
        ("wednesday", Weekday::Wed),
        ("thursday", Weekday::Thu),
        ("friday", Weekday::Fri),
        ("saturday", Weekday::Sat),
        ("sunday", Weekday::Sun),
    ]
    .into_iter()
    .find(|(name, _)| t.len() >= 3 && name.starts_with(&t))
    .map(|(_, d)| d)
}

/// The offset in `block` (a table from its header on, toml's span of a table being its
/// header) of the line that sets `key` (`key = ...`), before the next table.
fn line_of_key(block: &str, key: &str) -> Option<usize> {
    let mut offset = 0;
    for (i, line) in block.split_inclusive('\n').enumerate() {
        let t = line.trim_start();
        if i > 0 && t.starts_with('[') {
            return None;
        }
        if let Some(rest) = t.strip_prefix(key)
            && rest.trim_start().starts_with('=')
        {
            return Some(offset);
        }
        offset += line.len();
    }
    None
}

/// The theme, or the role at fault (if any) and why.
fn theme_spec(value: &toml::Value) -> Result<ThemeSpec, (Option<String>, String)> {
    let base = |name: &str| match name {
        "dark" => Ok(ThemeSpec::default()),
        "light" => Ok(ThemeSpec {
            base: ThemeBase::Light,
            palette: Palette::LIGHT,
        }),
        "none" => Ok(ThemeSpec {
            base: ThemeBase::None,
            palette: Palette::DARK,
        }),
        other => Err((
            None,
            format!(
                "theme \"{other}\" is not dark, light, none or a [theme] table of colours by role"
            ),
        )),
    };
    match value {
        toml::Value::String(name) => base(name),
        toml::Value::Table(table) => {
            let mut spec = match table.get("base") {
                None => ThemeSpec::default(),
                Some(toml::Value::String(b)) => {
                    base(b).map_err(|(_, m)| (Some("base".into()), m))?
                }
                Some(other) => {
                    return Err((
                        Some("base".into()),
                        format!("theme base {other} is not dark, light or none"),
                    ));
                }
            };
            for (role, colour) in table {
                if role == "base" {
                    continue;
                }
                let Some(slot) = spec.palette.role_mut(role) else {
                    return Err((
                        Some(role.clone()),
                        format!(
                            "unknown theme role \"{role}\"; expected base or one of: {}",
                            ROLES.join(", ")
                        ),
                    ));
                };
                let toml::Value::String(text) = colour else {
                    return Err((
                        Some(role.clone()),
                        format!("theme {role}: {colour} is not a colour name"),
                    ));
                };
                *slot = text.parse::<Color>().map_err(|_| {
                    (
                        Some(role.clone()),
                        format!(
                            "theme {role}: \"{text}\" is not a colour (a name such as red or \
                             light-blue, #rrggbb, or 0-255)"
                        ),
                    )
                })?;
            }
            Ok(spec)
        }
        other => Err((
            None,
            format!("theme {other} is not dark, light, none or a table of colours by role"),
        )),
    }
}

fn keys_of(value: &toml::Value) -> Result<Vec<Key>, String> {
    match value {
        toml::Value::String(k) => Ok(vec![Key::parse(k)?]),
        toml::Value::Array(items) => items
            .iter()
            .map(|v| match v {
                toml::Value::String(k) => Key::parse(k),
                other => Err(format!("{other} is not a key")),
            })
            .collect(),
        other => Err(format!(
            "{other} is not a key: write \"x\" or a list such as [\"x\", \"Enter\"]"
        )),
    }
}

/// Where the data directory came from: `cli` is what clap gave for `--data-dir`, which is
/// the flag or, without it, `WORKLOG_DATA_DIR`; then the file's `data_dir`; then the default.
pub fn data_dir_source(cli: Option<&Path>, config: &Config) -> Source {
    match (cli, &config.file, &config.data_dir) {
        (Some(d), _, _)
            if std::env::var_os("WORKLOG_DATA_DIR").is_some_and(|v| v == d.as_os_str())
                && !std::env::args_os().any(|a| a.to_string_lossy().starts_with("--data-dir")) =>
        {
            Source::Env("WORKLOG_DATA_DIR")
        }
        (Some(_), _, _) => Source::Flag("--data-dir"),
        (None, Some(file), Some(_)) => Source::File(file.clone()),
        _ => Source::Default,
    }
}

/// `worklog config --print`: each setting, its value and where it came from.
pub fn print(
    config: &Config,
    data_dir: (&Path, Source),
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let file = match &config.file {
        Some(p) => format!("{} ({})", p.display(), config.file_source),
        None => match default_path() {
            Some(p) => format!("none (default {} does not exist)", p.display()),
            None => "none".to_string(),
        },
    };
    writeln!(out, "config     {file}")?;
    writeln!(out, "data_dir   {}  ({})", data_dir.0.display(), data_dir.1)?;
    let (editor, editor_source) = editor_setting(config);
    writeln!(out, "editor     {editor}  ({editor_source})")?;
    let day = format!("{:?}", config.week_start).to_lowercase();
    writeln!(
        out,
        "week_start {}  ({})",
        full_day(&day),
        config.week_start_source
    )?;
    let (theme, theme_source) = theme_setting(config);
    writeln!(out, "theme      {theme}  ({theme_source})")?;
    writeln!(
        out,
        "mouse      {}  ({})",
        config.mouse, config.mouse_source
    )?;
    if config.remaps.is_empty() {
        writeln!(out, "keys       the defaults  (default)")?;
    }
    let source = config
        .file
        .as_ref()
        .map(|p| Source::File(p.clone()))
        .unwrap_or(Source::Default);
    for r in &config.remaps {
        let keys: Vec<String> = r
            .keys
            .iter()
            .map(|k| format!("\"{}\"", k.config_name()))
            .collect();
        writeln!(
            out,
            "keys.{}.{} = [{}]  ({source})",
            r.action.context().config_name(),
            r.action.config_name(),
            keys.join(", ")
        )?;
    }
    writeln!(
        out,
        "attachments.max_size {}  ({})",
        crate::backup::human_size(config.attachment_max_size),
        config.attachment_max_size_source
    )?;
    if let Some(domain) = &config.calendar_domain {
        writeln!(out, "calendar.domain {domain}  ({source})")?;
    }
    Ok(())
}

fn full_day(short: &str) -> &'static str {
    match short {
        "mon" => "monday",
        "tue" => "tuesday",
        "wed" => "wednesday",
        "thu" => "thursday",
        "fri" => "friday",
        "sat" => "saturday",
        _ => "sunday",
    }
}

/// The editor command in force and where it came from: `WORKLOG_EDITOR`, then the file's
/// `editor`, then `VISUAL`, then `EDITOR`, then `vi`.
pub fn editor_setting(config: &Config) -> (String, Source) {
    let env = |name: &'static str| {
        std::env::var(name)
            .ok()
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
            .map(|v| (v, Source::Env(name)))
    };
    env("WORKLOG_EDITOR")
        .or_else(|| {
            config
                .editor
                .clone()
                .zip(config.file.clone().map(Source::File))
        })
        .or_else(|| env("VISUAL"))
        .or_else(|| env("EDITOR"))
        .unwrap_or_else(|| ("vi".to_string(), Source::Default))
}

/// The theme in force: `NO_COLOR` (set and not empty) beats the file, as the variable asks.
pub fn theme_setting(config: &Config) -> (String, Source) {
    if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        return ("none".to_string(), Source::Env("NO_COLOR"));
    }
    let spec = config.theme;
    let base = match spec.base {
        ThemeBase::Dark => "dark",
        ThemeBase::Light => "light",
        ThemeBase::None => "none",
    };
    let defaults = match spec.base {
        ThemeBase::Light => Palette::LIGHT,
        _ => Palette::DARK,
    };
    let mut text = base.to_string();
    if spec.palette != defaults && spec.base != ThemeBase::None {
        let mut changed = Vec::new();
        let (mut now, mut was) = (spec.palette, defaults);
        for role in ROLES {
            if let (Some(a), Some(b)) = (now.role_mut(role), was.role_mut(role))
                && a != b
            {
                changed.push(format!("{role}={a}"));
            }
        }
        text = format!("{text} with {}", changed.join(", "));
    }
    (text, config.theme_source.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_err(text: &str) -> String {
        match parse(text, Path::new("/c.toml")) {
            Ok(c) => panic!("parsed: {c:?}"),
            Err(e) => e.0,
        }
    }

    #[test]
    fn a_remap_replaces_the_default_keys_of_its_action() {
        let c = parse("[keys.focus]\ntoggle_done = \"z\"\n", Path::new("/c.toml"))
            .unwrap_or_else(|e| panic!("{e}"));
        let table = keymap::remapped(&c.remaps).unwrap_or_else(|e| panic!("{e:?}"));
        let row = table
            .iter()
            .find(|b| b.action == Action::Focus(keymap::FocusAction::ToggleDone))
            .unwrap_or_else(|| panic!("no row"));
        assert_eq!(row.keys, &[Key::ch('z')]);
    }

    #[test]
    fn each_mistake_is_one_line_with_the_file_and_its_line() {
        let cases = [
            (
                "editor = \"vim\"\ncolour = 1\n",
                "/c.toml:2: unknown key `colour`",
            ),
            (
                "week_start = \"someday\"\n",
                "/c.toml:1: week_start \"someday\"",
            ),
            ("\n\ntheme = \"purple\"\n", "/c.toml:3: theme \"purple\""),
            (
                "[theme]\nbase = \"light\"\ntitle = \"blurple\"\n",
                "/c.toml:3: theme title",
            ),
            (
                "[keys.focus]\ntoggle_done = \"x\"\n\ncycle_status = \"x\"\n",
                "/c.toml:",
            ),
            (
                "[keys.nowhere]\nquit = \"x\"\n",
                "/c.toml:1: unknown key context [keys.nowhere]",
            ),
            (
                "[keys.global]\nfly = \"x\"\n",
                "/c.toml:2: unknown action \"fly\"",
            ),
            (
                "[keys.global]\nquit = \"Hyper-x\"\n",
                "/c.toml:2: [keys.global] quit: unknown key",
            ),
            (
                "database_url = \"postgres://x\"\n",
                "/c.toml:1: database_url: a server is not chosen in the config file",
            ),
            (
                "data_dir = \"rel/dir\"\n",
                "/c.toml:1: data_dir \"rel/dir\" must be an absolute path",
            ),
        ];
        for (text, want) in cases {
            let got = parse_err(text);
            assert!(got.starts_with(want), "{text:?}: {got}");
            assert!(!got.contains('\n'), "{got}");
        }
    }

    #[test]
    fn a_key_bound_twice_names_both_actions() {
        let got = parse_err("[keys.focus]\ntoggle_done = \"x\"\n\ncycle_status = [\"x\"]\n");
        assert!(got.starts_with("/c.toml:"), "{got}");
        assert!(got.contains("bound twice in [keys.focus]"), "{got}");
        assert!(
            got.contains("toggle_done") && got.contains("cycle_status"),
            "{got}"
        );
    }
}
