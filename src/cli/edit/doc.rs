//! The document `worklog edit` opens: comment lines, `field: value` lines, and a `---` line
//! before the long text. [`Doc`] writes it; [`Read`] reads it back and checks each value.

use crate::dates::{Lean, parse_day};
use crate::model::Id;
use chrono::{NaiveDate, NaiveDateTime, Timelike};

/// The line between the fields and the long text.
pub(super) const SEPARATOR: &str = "---";

/// One row as a document: its fields, with what each takes, and its long text.
pub(super) struct Doc {
    /// (field, value, what it takes).
    pub(super) fields: Vec<(&'static str, String, &'static str)>,
    /// Read-only facts shown as comments.
    pub(super) facts: Vec<String>,
    /// The long text and what it is, for kinds that have one.
    pub(super) body: Option<(&'static str, String)>,
}

impl Doc {
    pub(super) fn render(&self, noun: &str, id: Id, version: i64) -> String {
        let mut s = format!(
            "# worklog: {noun} {id}, version {version}. Change the values after the colons{}, then\n\
             # save and quit. Lines starting with # {}are ignored. To cancel, empty the file or\n\
             # quit without changing it.\n",
            if let Some((what, _)) = &self.body {
                format!(" and the {what} below ---")
            } else {
                String::new()
            },
            if self.body.is_some() {
                "above --- "
            } else {
                ""
            },
        );
        for (key, _, help) in &self.fields {
            s.push_str(&format!("#   {key:<11} {help}\n"));
        }
        for f in &self.facts {
            s.push_str(&format!("# {f}\n"));
        }
        for (key, value, _) in &self.fields {
            if value.is_empty() {
                s.push_str(&format!("{key}:\n"));
            } else {
                s.push_str(&format!("{key}: {value}\n"));
            }
        }
        if let Some((_, body)) = &self.body {
            s.push_str(SEPARATOR);
            s.push('\n');
            s.push_str(body);
            if !body.is_empty() && !body.ends_with('\n') {
                s.push('\n');
            }
        }
        s
    }
}

/// A document as read back: every field given, checked against the kind's.
pub(super) struct Read {
    pub(super) fields: Vec<(String, String)>,
    pub(super) body: Option<String>,
}

impl Read {
    pub(super) fn parse(text: &str, doc: &Doc) -> Result<Read, String> {
        let mut fields: Vec<(String, String)> = Vec::new();
        let mut body = None;
        let mut lines = text.split_inclusive('\n').enumerate();
        for (n, raw) in lines.by_ref() {
            let line = raw.trim_end_matches(['\n', '\r']);
            if line.trim() == SEPARATOR {
                let rest: String = text
                    .split_inclusive('\n')
                    .skip(n + 1)
                    .collect::<Vec<_>>()
                    .concat();
                body = Some(rest.trim_end().to_string());
                break;
            }
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((key, value)) = line.split_once(':') else {
                return Err(format!(
                    "line {}: expected `field: value`, got {:?}",
                    n + 1,
                    line
                ));
            };
            let key = key.trim().to_lowercase();
            if !doc.fields.iter().any(|(k, _, _)| *k == key) {
                return Err(format!(
                    "line {}: unknown field {key:?}; the fields are {}",
                    n + 1,
                    doc.fields
                        .iter()
                        .map(|(k, _, _)| *k)
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
            if fields.iter().any(|(k, _)| *k == key) {
                return Err(format!("line {}: {key} is given twice", n + 1));
            }
            fields.push((key, value.trim().to_string()));
        }
        if let Some((k, _, _)) = doc
            .fields
            .iter()
            .find(|(k, _, _)| !fields.iter().any(|(f, _)| f == k))
        {
            return Err(format!("the field {k} is missing"));
        }
        match (&doc.body, &body) {
            (Some((what, _)), None) => {
                return Err(format!(
                    "the --- line before the {what} is missing (keep it, even with no {what})"
                ));
            }
            (None, Some(_)) => return Err("this kind has no text below a --- line".into()),
            _ => {}
        }
        Ok(Read { fields, body })
    }

    pub(super) fn get(&self, key: &str) -> &str {
        self.fields
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    }

    pub(super) fn body(&self) -> String {
        self.body.clone().unwrap_or_default()
    }

    pub(super) fn required(&self, key: &str) -> Result<String, String> {
        let v = self.get(key);
        if v.is_empty() {
            Err(format!("{key} must not be empty"))
        } else {
            Ok(v.to_string())
        }
    }

    pub(super) fn list(&self, key: &str) -> Vec<String> {
        self.get(key)
            .split(',')
            .map(|t| t.trim().trim_start_matches('#').trim().to_string())
            .filter(|t| !t.is_empty())
            .collect()
    }

    pub(super) fn id(&self, key: &str) -> Result<Option<Id>, String> {
        let v = self.get(key);
        if v.is_empty() {
            return Ok(None);
        }
        v.parse::<Id>()
            .map(Some)
            .map_err(|_| format!("{key} must be an id (a number) or empty, got {v:?}"))
    }

    pub(super) fn day(
        &self,
        key: &str,
        today: NaiveDate,
        lean: Lean,
    ) -> Result<Option<NaiveDate>, String> {
        let v = self.get(key);
        if v.is_empty() {
            return Ok(None);
        }
        parse_day(key, v, today, lean).map(Some)
    }

    /// A time `YYYY-MM-DD HH:MM`; the seconds of `was` are kept when the minute is unchanged.
    pub(super) fn time(&self, key: &str, was: NaiveDateTime) -> Result<NaiveDateTime, String> {
        let v = self.get(key);
        let t = NaiveDateTime::parse_from_str(v, "%Y-%m-%d %H:%M")
            .or_else(|_| NaiveDateTime::parse_from_str(v, "%Y-%m-%dT%H:%M"))
            .map_err(|_| format!("{key} must be YYYY-MM-DD HH:MM, got {v:?}"))?;
        Ok(if t == was.with_second(0).unwrap_or(was) {
            was
        } else {
            t
        })
    }

    pub(super) fn yes(&self, key: &str) -> Result<bool, String> {
        match self.get(key).to_lowercase().as_str() {
            "yes" | "y" | "true" => Ok(true),
            "no" | "n" | "false" | "" => Ok(false),
            v => Err(format!("{key} must be yes or no, got {v:?}")),
        }
    }

    pub(super) fn minutes(&self, key: &str) -> Result<Option<u32>, String> {
        crate::cli::quick::minutes(self.get(key)).map_err(|e| format!("{key} {e}"))
    }

    pub(super) fn level(&self, key: &str, low: u8) -> Result<Option<u8>, String> {
        let v = self.get(key);
        if v.is_empty() {
            return Ok(None);
        }
        match v.parse::<u8>() {
            Ok(l) if (low..=5).contains(&l) => Ok(Some(l)),
            _ => Err(format!("{key} must be {low} to 5, got {v:?}")),
        }
    }
}

pub(super) fn one_of<T: Copy>(
    key: &str,
    v: &str,
    parse: impl Fn(&str) -> Option<T>,
    all: &[&str],
) -> Result<T, String> {
    parse(v).ok_or_else(|| format!("{key} must be one of {}, got {v:?}", all.join(", ")))
}

pub(super) fn tags(t: &[String]) -> String {
    t.join(", ")
}

pub(super) fn time(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%d %H:%M").to_string()
}

pub(super) fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

pub(super) fn labels<T: Copy>(all: &[T], label: impl Fn(T) -> &'static str) -> Vec<&'static str> {
    all.iter().map(|v| label(*v)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> Doc {
        Doc {
            fields: vec![
                ("title", "A".into(), "text"),
                ("tags", String::new(), "list"),
            ],
            facts: vec!["day: 2026-11-18".into()],
            body: Some(("notes", "# heading\n---\nmore".into())),
        }
    }

    #[test]
    fn a_rendered_document_reads_back_whole() {
        let d = doc();
        let text = d.render("task", 7, 3);
        assert!(text.starts_with("# worklog: task 7, version 3."), "{text}");
        assert!(
            text.ends_with("title: A\ntags:\n---\n# heading\n---\nmore\n"),
            "{text}"
        );
        let r = Read::parse(&text, &d).unwrap();
        assert_eq!(r.get("title"), "A");
        assert!(r.list("tags").is_empty());
        // Below the first ---, # lines and further --- lines are text.
        assert_eq!(r.body(), "# heading\n---\nmore");
    }

    #[test]
    fn mistakes_name_the_line_or_the_field() {
        let d = doc();
        let e = |t: &str| Read::parse(t, &d).err().unwrap_or_default();
        assert_eq!(
            e("title: A\ncolour: red\ntags:\n---\n"),
            "line 2: unknown field \"colour\"; the fields are title, tags"
        );
        assert_eq!(
            e("title: A\ntitle: B\ntags:\n---\n"),
            "line 2: title is given twice"
        );
        assert_eq!(e("title: A\n---\n"), "the field tags is missing");
        assert_eq!(
            e("title: A\ntags:\n"),
            "the --- line before the notes is missing (keep it, even with no notes)"
        );
        assert_eq!(
            e("just words\n"),
            "line 1: expected `field: value`, got \"just words\""
        );
        let r = Read::parse("title:   \ntags: a, #b,, c \n---\n", &d).unwrap();
        assert_eq!(r.required("title"), Err("title must not be empty".into()));
        assert_eq!(r.list("tags"), ["a", "b", "c"]);
    }
}
