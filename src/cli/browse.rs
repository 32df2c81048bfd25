//! `worklog list KIND` and `worklog show KIND ID`: every kind of row, read from the shell.
//!
//! Text output is aligned columns (widths in terminal columns, stored text sanitized, long
//! text cut with `…`), the same on a terminal and in a pipe except for a bold header line.
//! `--json` prints the rows as the repository built them: plain objects with stable field
//! names and ISO 8601 dates. When a list is cut off at `--limit`, one line on standard error
//! says so, so standard output stays what a script reads.

use crate::clock::Clock;
use crate::dates::{Lean, parse_day};
use crate::db::{ListFilter, ReadKind};
use crate::launch;
use crate::model::Id;
use crate::paths::DataDir;
use crate::text::{json_safe, sanitize, sanitize_lines, truncate, width};
use anyhow::{Result, anyhow, bail};
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use std::io::{IsTerminal, Write};
use std::sync::Arc;

/// Rows `worklog list` shows unless told otherwise.
pub const DEFAULT_LIMIT: usize = 50;
/// The most `--limit` allows: a list longer than this is for `export`.
pub const MAX_LIMIT: usize = crate::db::COUNT_CAP;

/// KIND as typed: the plural, or the singular (`task`), either way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Kind {
    #[value(alias = "task")]
    Tasks,
    #[value(alias = "learning")]
    Learnings,
    #[value(alias = "skill")]
    Skills,
    #[value(alias = "meeting")]
    Meetings,
    #[value(alias = "goal")]
    Goals,
    Feedback,
    #[value(alias = "checkin")]
    Checkins,
    #[value(alias = "person")]
    People,
    #[value(alias = "tag")]
    Tags,
}

impl From<Kind> for ReadKind {
    fn from(k: Kind) -> ReadKind {
        match k {
            Kind::Tasks => ReadKind::Tasks,
            Kind::Learnings => ReadKind::Learnings,
            Kind::Skills => ReadKind::Skills,
            Kind::Meetings => ReadKind::Meetings,
            Kind::Goals => ReadKind::Goals,
            Kind::Feedback => ReadKind::Feedback,
            Kind::Checkins => ReadKind::Checkins,
            Kind::People => ReadKind::People,
            Kind::Tags => ReadKind::Tags,
        }
    }
}

/// `--limit N`: 1 to [`MAX_LIMIT`] rows, for clap to report in its usage error.
pub fn parse_limit(text: &str) -> std::result::Result<usize, String> {
    match text.parse::<usize>() {
        Ok(n) if (1..=MAX_LIMIT).contains(&n) => Ok(n),
        _ => Err(format!("expected a number of rows from 1 to {MAX_LIMIT}")),
    }
}

/// What `worklog list` was asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListArgs {
    pub kind: Kind,
    pub day: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub tag: Option<String>,
    pub person: Option<String>,
    pub status: Option<String>,
    pub limit: usize,
    pub json: bool,
}

/// How text output looks: a terminal gets its own width, anything else (a pipe, a file) a
/// fixed width; the header is bold when output is coloured (see `super::say::colour`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub bold: bool,
    pub columns: usize,
}

impl Style {
    /// Width of a pipe's lines: wide enough for a title, narrow enough to read.
    const PIPE_COLUMNS: usize = 120;

    pub fn for_stdout() -> Style {
        let tty = std::io::stdout().is_terminal();
        let columns = if tty {
            ratatui::crossterm::terminal::size()
                .map(|(w, _)| usize::from(w))
                .unwrap_or(Self::PIPE_COLUMNS)
        } else {
            Self::PIPE_COLUMNS
        };
        Style {
            bold: super::say::colour(tty),
            columns,
        }
    }
}

/// The filters checked against the kind, and the days read as other commands read them.
fn filter(args: &ListArgs, today: chrono::NaiveDate) -> Result<ListFilter> {
    let kind = ReadKind::from(args.kind);
    let day = |flag: &str, v: &Option<String>| {
        v.as_deref()
            .map(|v| parse_day(flag, v, today, Lean::Past).map_err(|e| anyhow!("--{e}")))
            .transpose()
    };
    let dated = args.day.is_some() || args.from.is_some() || args.to.is_some();
    if dated && !kind.has_day() {
        bail!("--day, --from and --to do not apply to {}", kind.plural());
    }
    if args.tag.is_some() && !kind.has_tag() {
        bail!("--tag does not apply to {}", kind.plural());
    }
    if args.person.is_some() && !kind.has_person() {
        bail!(
            "--person does not apply to {} (it does to meetings, feedback and people)",
            kind.plural()
        );
    }
    if let Some(s) = &args.status
        && !kind.statuses().contains(&s.as_str())
    {
        let allowed = kind.statuses();
        if allowed.is_empty() {
            bail!("--status does not apply to {}", kind.plural());
        }
        bail!(
            "--status for {} is one of {}, not {}",
            kind.plural(),
            allowed.join(", "),
            sanitize(s)
        );
    }
    let (mut from, mut to) = (day("from", &args.from)?, day("to", &args.to)?);
    if let Some(d) = day("day", &args.day)? {
        (from, to) = (Some(d), Some(d));
    }
    if let (Some(f), Some(t)) = (from, to)
        && f > t
    {
        bail!("--from {f} is after --to {t}");
    }
    Ok(ListFilter {
        from,
        to,
        tag: args
            .tag
            .as_deref()
            .map(|t| t.trim_start_matches('#').to_string()),
        person: args.person.clone(),
        status: args.status.clone(),
        limit: args.limit,
    })
}

/// `worklog list`: checks the filters before opening anything, so a mistake costs nothing.
pub fn list(
    dir: &DataDir,
    clock: Arc<dyn Clock>,
    args: &ListArgs,
    style: Style,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<()> {
    let kind = ReadKind::from(args.kind);
    let filter = filter(args, clock.today())?;
    let launched = super::say::launch(dir, clock, launch::Daily::Detach, true, err)?;
    let page = launched.repo.list_for_shell(kind, &filter)?;
    if args.json {
        let mut text = String::from("[");
        for (i, row) in page.rows.iter().enumerate() {
            text.push_str(if i == 0 { "\n  " } else { ",\n  " });
            text.push_str(row.get());
        }
        text.push_str(if page.rows.is_empty() { "]" } else { "\n]" });
        writeln!(out, "{}", json_safe(text))?;
    } else if page.rows.is_empty() {
        writeln!(out, "no {}", kind.plural())?;
    } else {
        let rows = page
            .rows
            .iter()
            .map(|r| Node::parse(r.get()))
            .collect::<Result<Vec<_>>>()?;
        write_table(out, kind, &rows, style)?;
    }
    let shown = page.rows.len() as u64;
    if page.total > shown {
        writeln!(
            err,
            "worklog: showing {shown} of {} {}; --limit N shows more (up to {MAX_LIMIT})",
            if page.counted_all() {
                page.total.to_string()
            } else {
                format!("more than {MAX_LIMIT}")
            },
            kind.plural()
        )?;
    }
    Ok(())
}

/// `worklog show`: one row, whole; a missing id is an error naming it.
pub fn show(
    dir: &DataDir,
    clock: Arc<dyn Clock>,
    kind: Kind,
    id: Id,
    json: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<()> {
    let kind = ReadKind::from(kind);
    let launched = super::say::launch(dir, clock, launch::Daily::Detach, true, err)?;
    let item = launched.repo.show_for_shell(kind, id)?;
    if json {
        writeln!(out, "{}", json_safe(item.get().to_string()))?;
        return Ok(());
    }
    let Node::Obj(fields) = Node::parse(item.get())? else {
        bail!("{} {id} could not be read", kind.noun());
    };
    writeln!(out, "{} {id}", kind.noun())?;
    let key_width = fields
        .iter()
        .map(|(k, _)| width(k))
        .max()
        .unwrap_or(0)
        .min(20);
    for (key, value) in &fields {
        if key == "id" {
            continue;
        }
        write_field(out, key, value, key_width)?;
    }
    Ok(())
}

/// The columns of each kind's list: the JSON field and its header. The last is the text
/// that takes the rest of the line.
fn columns(kind: ReadKind) -> &'static [(&'static str, &'static str)] {
    match kind {
        ReadKind::Tasks => &[
            ("id", "ID"),
            ("day", "DAY"),
            ("status", "STATUS"),
            ("priority", "PRIORITY"),
            ("tags", "TAGS"),
            ("title", "TITLE"),
        ],
        ReadKind::Learnings => &[
            ("id", "ID"),
            ("at", "AT"),
            ("starred", "★"),
            ("tags", "TAGS"),
            ("title", "TITLE"),
        ],
        ReadKind::Skills => &[
            ("id", "ID"),
            ("level", "LEVEL"),
            ("target_level", "TARGET"),
            ("category", "CATEGORY"),
            ("name", "NAME"),
        ],
        ReadKind::Meetings => &[
            ("id", "ID"),
            ("starts_at", "STARTS"),
            ("kind", "KIND"),
            ("attendees", "ATTENDEES"),
            ("title", "TITLE"),
        ],
        ReadKind::Goals => &[
            ("id", "ID"),
            ("status", "STATUS"),
            ("target_date", "TARGET"),
            ("parent_id", "PARENT"),
            ("title", "TITLE"),
        ],
        ReadKind::Feedback => &[
            ("id", "ID"),
            ("day", "DAY"),
            ("direction", "DIRECTION"),
            ("kind", "KIND"),
            ("person", "PERSON"),
            ("content", "CONTENT"),
        ],
        ReadKind::Checkins => &[
            ("id", "ID"),
            ("at", "AT"),
            ("level", "LEVEL"),
            ("tags", "TAGS"),
            ("note", "NOTE"),
        ],
        ReadKind::People => &[
            ("id", "ID"),
            ("organization", "ORGANIZATION"),
            ("meetings", "MEETINGS"),
            ("feedback", "FEEDBACK"),
            ("name", "NAME"),
        ],
        ReadKind::Tags => &[
            ("id", "ID"),
            ("tasks", "TASKS"),
            ("learnings", "LEARNINGS"),
            ("meetings", "MEETINGS"),
            ("goals", "GOALS"),
            ("feedback", "FEEDBACK"),
            ("name", "NAME"),
        ],
    }
}

/// A column other than the last is never wider than this.
const MAX_CELL: usize = 32;
/// Nor, on a narrow terminal, narrower than this.
const MIN_CELL: usize = 6;
/// The last column keeps at least this many columns, however narrow the terminal.
const MIN_LAST: usize = 12;

fn write_table(out: &mut dyn Write, kind: ReadKind, rows: &[Node], style: Style) -> Result<()> {
    let cols = columns(kind);
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|row| cols.iter().map(|(k, _)| cell(k, row.get(k))).collect())
        .collect();
    let last = cols.len() - 1;
    let mut widths: Vec<usize> = cols.iter().map(|(_, h)| width(h)).collect();
    for row in &cells {
        for (i, c) in row.iter().enumerate() {
            let cap = if i == last { usize::MAX } else { MAX_CELL };
            widths[i] = widths[i].max(width(c).min(cap));
        }
    }
    // The last column takes what is left of the line. On a narrow terminal the widest other
    // columns give up room first (down to a few columns each), so a line does not wrap.
    let used = |widths: &[usize]| widths[..last].iter().map(|w| w + 2).sum::<usize>();
    while style.columns.saturating_sub(used(&widths)) < MIN_LAST {
        let Some((i, _)) = widths[1..last]
            .iter()
            .enumerate()
            .filter(|&(_, w)| *w > MIN_CELL)
            .max_by_key(|&(_, w)| *w)
        else {
            break;
        };
        widths[i + 1] -= 1;
    }
    widths[last] = widths[last].min(style.columns.saturating_sub(used(&widths)).max(MIN_LAST));
    let line = |row: &[String]| {
        let mut text = String::new();
        for (i, c) in row.iter().enumerate() {
            let c = truncate(c, widths[i]);
            if i == last {
                text.push_str(&c);
            } else if i == 0 {
                // Ids line up on the right, as numbers do.
                text.push_str(&" ".repeat(widths[i].saturating_sub(width(&c))));
                text.push_str(&c);
                text.push_str("  ");
            } else {
                text.push_str(&c);
                text.push_str(&" ".repeat(widths[i].saturating_sub(width(&c)) + 2));
            }
        }
        text
    };
    let header: Vec<String> = cols.iter().map(|(_, h)| h.to_string()).collect();
    let header = line(&header);
    if style.bold {
        writeln!(out, "\x1b[1m{}\x1b[0m", header.trim_end())?;
    } else {
        writeln!(out, "{}", header.trim_end())?;
    }
    for row in &cells {
        writeln!(out, "{}", line(row).trim_end())?;
    }
    Ok(())
}

/// One value in one line, sanitized: lists joined (tags as `#tag`), times to the minute.
fn cell(key: &str, value: Option<&Node>) -> String {
    match value {
        None | Some(Node::Null) => String::new(),
        Some(Node::Bool(b)) => if *b { "★" } else { "" }.to_string(),
        Some(Node::Num(n)) => n.clone(),
        Some(Node::Str(s)) if matches!(key, "at" | "starts_at") => {
            sanitize(&s.replacen('T', " ", 1).chars().take(16).collect::<String>()).into_owned()
        }
        Some(Node::Str(s)) => sanitize(s).into_owned(),
        Some(Node::List(items)) => {
            let parts: Vec<String> = items
                .iter()
                .map(|i| {
                    let c = cell("", Some(i));
                    if key == "tags" { format!("#{c}") } else { c }
                })
                .collect();
            parts.join(if key == "tags" { " " } else { ", " })
        }
        Some(Node::Obj(fields)) => fields
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| format!("{}: {}", sanitize(k), cell(k, Some(v))))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// One field of `show`: `key  value`, a long text over several indented lines, a linked row
/// on the line below, and each linked row of a list on a line of its own.
fn write_field(out: &mut dyn Write, key: &str, value: &Node, key_width: usize) -> Result<()> {
    let pad = " ".repeat(key_width.saturating_sub(width(key)));
    match value {
        Node::Str(s) if s.contains('\n') => {
            let lines = sanitize_lines(s);
            let indent = " ".repeat(key_width + 2);
            for (i, l) in lines.iter().enumerate() {
                if i == 0 {
                    writeln!(out, "{key}{pad}  {l}")?;
                } else {
                    writeln!(out, "{indent}{l}")?;
                }
            }
        }
        Node::List(items) if items.iter().any(|i| matches!(i, Node::Obj(_))) => {
            writeln!(out, "{key}")?;
            for item in items {
                writeln!(out, "  - {}", cell("", Some(item)))?;
            }
        }
        Node::List(items) if items.is_empty() => writeln!(out, "{key}{pad}  none")?,
        Node::Bool(b) => writeln!(out, "{key}{pad}  {}", if *b { "yes" } else { "no" })?,
        _ if value.is_empty() => writeln!(out, "{key}{pad}  -")?,
        _ => writeln!(out, "{key}{pad}  {}", cell(key, Some(value)))?,
    }
    Ok(())
}

/// A JSON value with the order of its object's fields kept, as SQLite wrote them
/// (`serde_json::Value` sorts them).
#[derive(Debug, Clone, PartialEq)]
enum Node {
    Null,
    Bool(bool),
    Num(String),
    Str(String),
    List(Vec<Node>),
    Obj(Vec<(String, Node)>),
}

impl Node {
    fn parse(json: &str) -> Result<Node> {
        serde_json::from_str(json).map_err(|e| anyhow!("could not read a row: {e}"))
    }

    fn get(&self, key: &str) -> Option<&Node> {
        match self {
            Node::Obj(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    fn is_empty(&self) -> bool {
        match self {
            Node::Null => true,
            Node::Str(s) => s.is_empty(),
            Node::List(l) => l.is_empty(),
            _ => false,
        }
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Node, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Node;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_unit<E>(self) -> std::result::Result<Node, E> {
                Ok(Node::Null)
            }
            fn visit_bool<E>(self, b: bool) -> std::result::Result<Node, E> {
                Ok(Node::Bool(b))
            }
            fn visit_i64<E>(self, n: i64) -> std::result::Result<Node, E> {
                Ok(Node::Num(n.to_string()))
            }
            fn visit_u64<E>(self, n: u64) -> std::result::Result<Node, E> {
                Ok(Node::Num(n.to_string()))
            }
            fn visit_f64<E>(self, n: f64) -> std::result::Result<Node, E> {
                Ok(Node::Num(n.to_string()))
            }
            fn visit_str<E>(self, s: &str) -> std::result::Result<Node, E> {
                Ok(Node::Str(s.to_string()))
            }
            fn visit_string<E>(self, s: String) -> std::result::Result<Node, E> {
                Ok(Node::Str(s))
            }
            fn visit_seq<A: SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> std::result::Result<Node, A::Error> {
                let mut items = Vec::new();
                while let Some(i) = seq.next_element()? {
                    items.push(i);
                }
                Ok(Node::List(items))
            }
            fn visit_map<A: MapAccess<'de>>(
                self,
                mut map: A,
            ) -> std::result::Result<Node, A::Error> {
                let mut fields = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    fields.push(entry);
                }
                Ok(Node::Obj(fields))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_keep_their_order_and_lists_join() {
        let n = Node::parse(r#"{"z": 1, "a": ["x", "y"], "m": null, "t": "a\u001bb"}"#).unwrap();
        let Node::Obj(f) = &n else { panic!() };
        let keys: Vec<&str> = f.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["z", "a", "m", "t"]);
        assert_eq!(cell("tags", n.get("a")), "#x #y");
        assert_eq!(cell("other", n.get("a")), "x, y");
        assert_eq!(cell("t", n.get("t")), "a␛b");
        assert_eq!(cell("m", n.get("m")), "");
    }
}
