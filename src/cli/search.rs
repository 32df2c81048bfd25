//! `worklog search QUERY...`: every pane's text, from the command line.

use crate::clock::Clock;
use crate::launch;
use crate::model::{ActionSource, HitKind, Id, SearchHit};
use crate::paths::DataDir;
use crate::search::{MATCH_END, MATCH_START, MAX_LIMIT, Query, plain, segments};
use crate::text::sanitize;
use anyhow::{Result, anyhow};
use std::io::{IsTerminal, Write};
use std::sync::Arc;

/// How matches are shown in text output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Highlight {
    /// Bold (ANSI), for a terminal.
    Bold,
    /// `[between brackets]`, for pipes, files and NO_COLOR.
    Brackets,
}

impl Highlight {
    /// Bold when standard output is coloured (see `super::say::colour`: a terminal without
    /// `NO_COLOR`, `CLICOLOR_FORCE`, `--color`).
    pub fn for_stdout() -> Highlight {
        if super::say::colour(std::io::stdout().is_terminal()) {
            Highlight::Bold
        } else {
            Highlight::Brackets
        }
    }
}

/// What `worklog search` was asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Args {
    pub words: Vec<String>,
    pub json: bool,
    pub limit: usize,
}

/// `--limit N`: a number of hits up to [`MAX_LIMIT`], for clap to report in its usage error.
pub fn parse_limit(text: &str) -> std::result::Result<usize, String> {
    let n: usize = text
        .parse()
        .map_err(|_| format!("expected a number of hits, up to {MAX_LIMIT}"))?;
    if n > MAX_LIMIT {
        return Err(format!(
            "at most {MAX_LIMIT} hits at a time; narrow the search with more words or from:/to:"
        ));
    }
    Ok(n)
}

/// Splits what follows `worklog search`'s first word, as typed, into options and words, so
/// that options work in any position as in every other command. A token starting with `--` is
/// an option (with its value next, if `takes_value` says the option takes one and it is not
/// written `--name=value`); an unknown one stays an option, for the parser to name in its
/// error. Anything else, `-word` included, is a word, and after `--` everything is.
pub fn split_options(
    raw: Vec<String>,
    takes_value: impl Fn(&str) -> bool,
) -> (Vec<String>, Vec<String>) {
    let (mut options, mut words) = (Vec::new(), Vec::new());
    let mut raw = raw.into_iter();
    while let Some(w) = raw.next() {
        if w == "--" {
            words.extend(raw.by_ref());
            break;
        }
        match w.strip_prefix("--") {
            Some(name) => {
                let value_follows = !name.contains('=') && takes_value(name);
                options.push(w);
                if value_follows && let Some(v) = raw.next() {
                    options.push(v);
                }
            }
            None => words.push(w),
        }
    }
    (options, words)
}

/// `worklog search`: parses the query before opening anything, so a mistake costs nothing.
pub fn search(
    dir: &DataDir,
    clock: Arc<dyn Clock>,
    args: &Args,
    highlight: Highlight,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<()> {
    let query = Query::parse(&args.words.join(" ")).map_err(|m| anyhow!(m))?;
    let (json, limit) = (args.json, args.limit);
    let launched = super::say::launch(dir, clock, launch::Daily::Detach, true, err)?;
    // One more than asked for tells whether the list was cut off.
    let mut hits = launched.repo.search(&query, limit.saturating_add(1))?;
    let cut = hits.len() > limit;
    hits.truncate(limit);
    let result = if json {
        write_hits(&hits, &[], json, highlight, out)
    } else {
        let refs = hits
            .iter()
            .map(|h| show_ref(&launched.repo, h))
            .collect::<Result<Vec<_>>>()?;
        write_hits(&hits, &refs, json, highlight, out)
    };
    // Only once the hits are out: a reader that went away (`| head`) ends the command
    // quietly, with nothing said about hits it did not want.
    result?;
    out.flush()?;
    if cut {
        writeln!(
            err,
            "worklog: showing the first {limit} hits; there are more (--limit N, up to {MAX_LIMIT})"
        )?;
    }
    Ok(())
}

fn write_hits(
    hits: &[SearchHit],
    refs: &[(&'static str, Id)],
    json: bool,
    highlight: Highlight,
    out: &mut dyn Write,
) -> Result<()> {
    if json {
        let text = serde_json::to_string_pretty(&hits)?;
        writeln!(out, "{}", json_terminal_safe(&text))?;
        return Ok(());
    }
    if hits.is_empty() {
        writeln!(out, "no matches")?;
    }
    for (hit, r) in hits.iter().zip(refs) {
        write_hit(out, hit, *r, highlight)?;
    }
    Ok(())
}

/// What `worklog show` takes to show a hit: the row itself, or for an assessment, milestone
/// or action item the skill, goal, meeting or feedback that holds it. An action item held by
/// neither has no page of its own (`action`). An action item's holder is looked up: its
/// target id alone cannot tell a meeting from the item itself when the two ids are equal.
fn show_ref(repo: &crate::db::Repo, hit: &SearchHit) -> Result<(&'static str, Id)> {
    Ok(match hit.kind {
        HitKind::Task => ("task", hit.id),
        HitKind::Learning => ("learning", hit.id),
        HitKind::Skill => ("skill", hit.id),
        HitKind::Assessment => ("skill", hit.target_id),
        HitKind::Meeting => ("meeting", hit.id),
        HitKind::Goal => ("goal", hit.id),
        HitKind::Milestone => ("goal", hit.target_id),
        HitKind::Feedback => ("feedback", hit.id),
        HitKind::Checkin => ("checkin", hit.id),
        HitKind::ActionItem => match repo.action_item(hit.id)?.source {
            ActionSource::Meeting(m) => ("meeting", m),
            ActionSource::Feedback(f) => ("feedback", f),
            ActionSource::None => ("action", hit.id),
        },
    })
}

/// A line with what `worklog show` takes to show it (kind and id, so a hit can be piped on),
/// the date, kind and title; then, indented, the snippet. When the snippet is the
/// whole title (the match was there), the title is shown marked and the snippet left out.
fn write_hit(
    out: &mut dyn Write,
    hit: &SearchHit,
    (kind, id): (&str, Id),
    highlight: Highlight,
) -> Result<()> {
    let date = hit.date.map(|d| d.to_string()).unwrap_or_default();
    let title_matched = plain(&hit.snippet) == hit.title;
    let title = if title_matched {
        marked(&hit.snippet, highlight)
    } else {
        sanitize(&hit.title).into_owned()
    };
    writeln!(
        out,
        "{kind:<8} {id:>5}  {date:<10}  {:<13}  {title}",
        hit.kind.label()
    )?;
    if !hit.snippet.is_empty() && !title_matched {
        writeln!(out, "{:<16}  {}", "", marked(&hit.snippet, highlight))?;
    }
    Ok(())
}

/// The snippet made safe for a terminal, its matches shown bold or in brackets.
pub fn marked(snippet: &str, highlight: Highlight) -> String {
    let mut line = String::with_capacity(snippet.len() + 16);
    for (text, hit) in segments(snippet) {
        let text = sanitize(text);
        match (hit, highlight) {
            (false, _) => line.push_str(&text),
            (true, Highlight::Bold) => line.push_str(&format!("\x1b[1m{text}\x1b[0m")),
            (true, Highlight::Brackets) => line.push_str(&format!("[{text}]")),
        }
    }
    line
}

/// serde_json escapes C0 controls in strings but writes DEL, C1 controls and bidirectional
/// overrides as they are, and those can steer a terminal; the match markers are invisible.
/// Outside strings JSON is ASCII (its only control is the newline between lines), so each can
/// be written as a `\u` escape in place.
fn json_terminal_safe(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if (crate::text::needs_escape(c) && c >= '\u{7f}') || c == MATCH_START || c == MATCH_END {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_are_bold_or_bracketed_and_text_is_neutralised() {
        let s = format!("a\x1b[2J {MATCH_START}kube\x07{MATCH_END} b");
        assert_eq!(marked(&s, Highlight::Brackets), "a␛[2J [kube␇] b");
        assert_eq!(marked(&s, Highlight::Bold), "a␛[2J \x1b[1mkube␇\x1b[0m b");
    }

    #[test]
    fn options_after_the_words_are_split_out() {
        let words = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let takes = |n: &str| matches!(n, "limit" | "data-dir");
        let (o, w) = split_options(
            words(&[
                "kube",
                "-docker",
                "--json",
                "--limit",
                "3",
                "x",
                "--data-dir=D",
                "y",
            ]),
            takes,
        );
        assert_eq!(o, words(&["--json", "--limit", "3", "--data-dir=D"]));
        assert_eq!(w, words(&["kube", "-docker", "x", "y"]));
        let (o, w) = split_options(words(&["x", "--bogus", "--", "--json", "--limit"]), takes);
        assert_eq!(o, words(&["--bogus"]));
        assert_eq!(w, words(&["x", "--json", "--limit"]));
        let (o, w) = split_options(words(&["x", "--limit"]), takes);
        assert_eq!((o, w), (words(&["--limit"]), words(&["x"])));
    }

    #[test]
    fn json_stays_valid_and_terminal_safe() {
        let v = serde_json::json!({ "t": format!("\u{9b}31m\u{202e}x\u{7f}{MATCH_START}y\n") });
        let safe = json_terminal_safe(&serde_json::to_string_pretty(&v).unwrap());
        assert!(safe.is_ascii(), "{safe}");
        assert_eq!(safe.lines().count(), 3, "{safe}");
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, v);
    }
}
