//! Review reports: what a period held, as Markdown (`worklog report`, and the TUI's Today
//! pane through [`write_last_week`]).
//!
//! User text is escaped so it cannot change the document's structure (no heading, list, link,
//! emphasis, table or HTML can come from a title) and control characters are removed.

use crate::db::Repo;
use crate::model::{Direction, Id, Task, skill_level_name};
use crate::paths::{DataDir, create_private_dir, write_private_file};
use crate::text::strip_controls;
use anyhow::Result;
use chrono::{Datelike, Days, Months, NaiveDate};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::PathBuf;

/// The 7 days ending `today`.
pub fn last_week(today: NaiveDate) -> (NaiveDate, NaiveDate) {
    (today - Days::new(6), today)
}

/// The month ending `today`: from the day after the same date a month before.
pub fn last_month(today: NaiveDate) -> (NaiveDate, NaiveDate) {
    let start = today
        .checked_sub_months(Months::new(1))
        .map_or(today - Days::new(29), |d| d + Days::new(1));
    (start, today)
}

/// Writes the review of the 7 days ending `today` to
/// `<data dir>/reports/review-<from>-<to>.md` (0600, the folder 0700), replacing one written
/// before for the same days, and returns its path.
pub fn write_last_week(repo: &Repo, today: NaiveDate, dir: &DataDir) -> Result<PathBuf> {
    let (from, to) = last_week(today);
    let text = markdown(repo, from, to)?;
    let folder = dir.reports();
    create_private_dir(&folder)?;
    let path = folder.join(format!("review-{from}-{to}.md"));
    write_private_file(&path, |f| f.write_all(text.as_bytes()))?;
    Ok(path)
}

/// User text made safe inside a Markdown line: control characters removed (line breaks
/// become spaces), and every character that could start Markdown syntax backslash-escaped.
pub fn escape(text: &str) -> String {
    let clean = strip_controls(text);
    let clean = clean.trim();
    let mut out = String::with_capacity(clean.len() + 8);
    let mut leading_digits = true;
    for (i, c) in clean.chars().enumerate() {
        let special = matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '#' | '!' | '$'
        );
        // At the start of a line these begin lists, rules or headings.
        let at_start = i == 0 && matches!(c, '-' | '+' | '=' | ':');
        // "1." or "1)" at the start is an ordered list.
        let list_number = leading_digits && i > 0 && matches!(c, '.' | ')');
        if special || at_start || list_number {
            out.push('\\');
        }
        if !c.is_ascii_digit() {
            leading_digits = false;
        }
        out.push(c);
    }
    out
}

/// A short one-line excerpt of longer text.
fn excerpt(text: &str, max: usize) -> String {
    let clean = strip_controls(text);
    let clean = clean.split_whitespace().collect::<Vec<_>>().join(" ");
    if clean.chars().count() <= max {
        return clean;
    }
    let cut: String = clean.chars().take(max).collect();
    format!("{}…", cut.trim_end())
}

fn level(l: Option<u8>) -> String {
    match l {
        Some(l) => format!("{} ({l})", skill_level_name(l)),
        None => "not assessed".to_string(),
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The average of levels, or `None` without check-ins.
fn average(levels: &[u8]) -> Option<f64> {
    if levels.is_empty() {
        None
    } else {
        Some(levels.iter().map(|&l| f64::from(l)).sum::<f64>() / levels.len() as f64)
    }
}

/// The Markdown review of the days `from` to `to`, inclusive.
pub fn markdown(repo: &Repo, from: NaiveDate, to: NaiveDate) -> Result<String> {
    if to < from {
        anyhow::bail!("the report's first day ({from}) is after its last ({to})");
    }
    repo.snapshot(|repo| build(repo, from, to))
}

fn build(repo: &Repo, from: NaiveDate, to: NaiveDate) -> Result<String> {
    let mut md = String::new();
    let days = (to - from).num_days() + 1;
    writeln!(md, "# Review {from} to {to}\n")?;
    writeln!(md, "{} days, written by worklog.\n", days)?;

    // Focus, grouped by goal.
    let done = repo.tasks_done_between(from, to)?;
    let goal_titles: BTreeMap<Id, String> = repo
        .goal_tree()?
        .into_iter()
        .map(|g| (g.id, g.title))
        .collect();
    writeln!(md, "## Focus\n")?;
    if done.is_empty() {
        writeln!(md, "No focus tasks completed.\n")?;
    } else {
        writeln!(md, "{} completed.\n", plural(done.len(), "task", "tasks"))?;
        let mut groups: Vec<(Option<&String>, Vec<&Task>)> = Vec::new();
        for t in &done {
            let goal = t.goal_id.and_then(|g| goal_titles.get(&g));
            match groups.iter_mut().find(|(g, _)| *g == goal) {
                Some((_, list)) => list.push(t),
                None => groups.push((goal, vec![t])),
            }
        }
        // Goals by title, tasks without a (live) goal last.
        groups.sort_by(|a, b| match (a.0, b.0) {
            (None, None) => std::cmp::Ordering::Equal,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (Some(_), None) => std::cmp::Ordering::Less,
            (Some(x), Some(y)) => x.to_lowercase().cmp(&y.to_lowercase()),
        });
        for (goal, tasks) in groups {
            match goal {
                Some(title) => writeln!(md, "### {}\n", escape(title))?,
                None => writeln!(md, "### Not linked to a goal\n")?,
            }
            for t in tasks {
                let when = t.done_at.map(|d| d.date()).unwrap_or(t.day);
                writeln!(md, "- {} ({when})", escape(&t.title))?;
            }
            writeln!(md)?;
        }
    }

    // Goals and milestones reached.
    let goals = repo.goals_done_between(from, to)?;
    let milestones = repo.milestones_done_between(from, to)?;
    writeln!(md, "## Goals and milestones reached\n")?;
    if goals.is_empty() && milestones.is_empty() {
        writeln!(md, "None reached.\n")?;
    } else {
        for g in &goals {
            let on = g.done_on.map(|d| d.to_string()).unwrap_or_default();
            writeln!(md, "- Goal **{}** ({on})", escape(&g.title))?;
        }
        for (m, goal) in &milestones {
            let on = m.done_on.map(|d| d.to_string()).unwrap_or_default();
            writeln!(
                md,
                "- Milestone **{}** of {} ({on})",
                escape(&m.title),
                escape(goal)
            )?;
        }
        writeln!(md)?;
    }

    // Learnings.
    let learnings = repo.learnings_between(from, to)?;
    writeln!(md, "## Learnings\n")?;
    if learnings.is_empty() {
        writeln!(md, "Nothing written in the journal.\n")?;
    } else {
        for l in &learnings {
            let mut line = format!("- {} **{}**", l.at.date(), escape(&l.title));
            if l.starred {
                line.push_str(" ★");
            }
            if !l.body.trim().is_empty() {
                line.push_str(&format!(": {}", escape(&excerpt(&l.body, 160))));
            }
            if !l.tags.is_empty() {
                let tags: Vec<String> = l.tags.iter().map(|t| escape(t)).collect();
                line.push_str(&format!(" (tags: {})", tags.join(", ")));
            }
            writeln!(md, "{line}")?;
        }
        writeln!(md)?;
    }

    // Skills.
    let skills = repo.skill_changes_between(from, to)?;
    writeln!(md, "## Skills that changed\n")?;
    if skills.is_empty() {
        writeln!(md, "No skill levels changed.\n")?;
    } else {
        for (skill, before, after) in &skills {
            writeln!(
                md,
                "- {}: {} → {}",
                escape(&skill.name),
                level(*before),
                level(Some(*after))
            )?;
        }
        writeln!(md)?;
    }

    // Feedback.
    let feedback = repo.feedback_between(from, to)?;
    writeln!(md, "## Feedback\n")?;
    for (direction, heading, word) in [
        (Direction::Received, "Received", "from"),
        (Direction::Given, "Given", "to"),
    ] {
        let items: Vec<_> = feedback
            .iter()
            .filter(|f| f.direction == direction)
            .collect();
        writeln!(md, "### {heading} ({})\n", items.len())?;
        if items.is_empty() {
            writeln!(md, "None.\n")?;
            continue;
        }
        for f in items {
            writeln!(
                md,
                "- {} {word} {} ({}): {}",
                f.day,
                escape(&f.person.name),
                f.kind.label(),
                escape(&excerpt(&f.content, 200))
            )?;
        }
        writeln!(md)?;
    }

    // Meetings and action items.
    let meetings = repo.meetings_between(from, to)?;
    let closed = repo.action_items_done_between(from, to)?;
    writeln!(md, "## Meetings\n")?;
    writeln!(
        md,
        "{} held; {} closed.\n",
        plural(meetings.len(), "meeting", "meetings"),
        plural(closed.len(), "action item", "action items")
    )?;
    for m in &meetings {
        let length = m
            .duration_minutes
            .map(|d| format!(", {d} min"))
            .unwrap_or_default();
        let people = if m.attendees.is_empty() {
            String::new()
        } else {
            let names: Vec<String> = m.attendees.iter().map(|p| escape(&p.name)).collect();
            format!(" with {}", names.join(", "))
        };
        writeln!(
            md,
            "- {} {} ({}{length}){people}",
            m.starts_at.format("%Y-%m-%d %H:%M"),
            escape(&m.title),
            m.kind.label()
        )?;
    }
    if !meetings.is_empty() {
        writeln!(md)?;
    }
    if !closed.is_empty() {
        writeln!(md, "Action items closed:\n")?;
        for a in &closed {
            let on = a.done_at.map(|d| d.date().to_string()).unwrap_or_default();
            let owner = a
                .owner
                .as_ref()
                .map(|p| format!(" ({})", escape(&p.name)))
                .unwrap_or_default();
            writeln!(md, "- {}{owner} ({on})", escape(&a.title))?;
        }
        writeln!(md)?;
    }

    // Energy.
    writeln!(md, "## Energy\n")?;
    let now: Vec<(NaiveDate, u8)> = repo
        .checkins_between(from, to)?
        .into_iter()
        .map(|c| (c.at.date(), c.level))
        .collect();
    let before_to = from - Days::new(1);
    let before_from = from - Days::new(days as u64);
    let before: Vec<u8> = repo
        .checkins_between(before_from, before_to)?
        .into_iter()
        .map(|c| c.level)
        .collect();
    let levels: Vec<u8> = now.iter().map(|(_, l)| *l).collect();
    match average(&levels) {
        None => writeln!(md, "No check-ins.\n")?,
        Some(avg) => {
            let trend = match average(&before) {
                None => format!(
                    "no check-ins in the previous {days} days ({before_from} to {before_to})"
                ),
                Some(prev) => {
                    let diff = avg - prev;
                    let way = if diff.abs() < 0.05 {
                        "about the same as".to_string()
                    } else if diff > 0.0 {
                        format!("up {diff:.1} from")
                    } else {
                        format!("down {:.1} from", -diff)
                    };
                    format!(
                        "{way} {prev:.1} in the previous {days} days ({before_from} to {before_to})"
                    )
                }
            };
            writeln!(
                md,
                "Average {avg:.1} from {}; {trend}.\n",
                plural(levels.len(), "check-in", "check-ins")
            )?;
            // Weeks begin on the config file's week_start (Monday by default).
            let week_start = crate::config::current().week_start;
            let mut start = from - Days::new(u64::from(from.weekday().days_since(week_start)));
            while start <= to {
                let end = start + Days::new(6);
                let week: Vec<u8> = now
                    .iter()
                    .filter(|(d, _)| *d >= start && *d <= end)
                    .map(|(_, l)| *l)
                    .collect();
                match average(&week) {
                    Some(a) => writeln!(
                        md,
                        "- Week of {start}: {a:.1} ({})",
                        plural(week.len(), "check-in", "check-ins")
                    )?,
                    None => writeln!(md, "- Week of {start}: no check-ins")?,
                }
                start = end + Days::new(1);
            }
            writeln!(md)?;
        }
    }
    // One trailing newline.
    while md.ends_with("\n\n") {
        md.pop();
    }
    Ok(md)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_keeps_structure() {
        assert_eq!(escape("# not a heading"), "\\# not a heading");
        assert_eq!(escape("- not a list"), "\\- not a list");
        assert_eq!(escape("1. not numbered"), "1\\. not numbered");
        assert_eq!(escape("v1.2 is fine"), "v1.2 is fine");
        assert_eq!(escape("[link](http://x)"), "\\[link\\](http://x)");
        assert_eq!(
            escape("a *b* _c_ `d` <e> |f|"),
            "a \\*b\\* \\_c\\_ \\`d\\` \\<e\\> \\|f\\|"
        );
        assert_eq!(escape("two\nlines\x1b[31m"), "two lines\\[31m");
        assert_eq!(escape("R&D"), "R\\&D");
    }

    #[test]
    fn periods() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(
            last_week(d("2026-11-22")),
            (d("2026-11-16"), d("2026-11-22"))
        );
        assert_eq!(
            last_month(d("2026-11-22")),
            (d("2026-10-23"), d("2026-11-22"))
        );
        assert_eq!(
            last_month(d("2026-03-31")),
            (d("2026-03-01"), d("2026-03-31"))
        );
    }
}
