//! What the Meetings, Goals and Feedback forms share: reading typed days and times, people as
//! picker options (with create-new), and a one-field picker popup that acts on Enter.

use crate::dates::{self, Lean};
use crate::db::{Error as DbError, Repo};
use crate::model::{Id, Person};
use crate::text::sanitize;
use crate::tui::form::{Form, FormEvent, PickOption};
use crate::tui::keymap::{self, Action, FormAction};
use crate::tui::theme::Theme;
use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime};
use ratatui::crossterm::event::KeyEvent;

pub use crate::tui::form::NONE_ID;

/// Reads a day as typed in a form field ([`crate::dates::parse_day`]; `lean` says whether a
/// weekday looks back or ahead). Empty is `None`. `field` names the field in the message.
pub fn parse_day(
    s: &str,
    today: NaiveDate,
    field: &str,
    lean: Lean,
) -> Result<Option<NaiveDate>, String> {
    if s.trim().is_empty() {
        return Ok(None);
    }
    dates::parse_day(field, s, today, lean).map(Some)
}

/// Reads a moment as typed: `YYYY-MM-DD HH:MM`, `HH:MM` (on `today`), or a day as
/// [`parse_day`] reads it followed by a time (`tomorrow 14:30`, `fri 9:00`).
pub fn parse_when(s: &str, today: NaiveDate) -> Result<NaiveDateTime, String> {
    let t = s.trim();
    let bad = || {
        format!(
            "time must be YYYY-MM-DD HH:MM, HH:MM or like tomorrow 14:30, got {:?}",
            sanitize(t)
        )
    };
    if let Ok(at) = super::energy::parse_at(t, today) {
        return Ok(at);
    }
    let (day, time) = t.rsplit_once(' ').ok_or_else(bad)?;
    // Meetings are mostly arranged ahead: `fri 9:00` is the coming Friday.
    let day = dates::parse_day("day", day, today, Lean::Future).map_err(|_| bad())?;
    let time = ["%H:%M", "%H:%M:%S"]
        .iter()
        .find_map(|f| NaiveTime::parse_from_str(time.trim(), f).ok())
        .ok_or_else(bad)?;
    Ok(day.and_time(time))
}

/// A picker's create-new for people: the trimmed name, refused if empty, over 100 characters
/// or holding control characters.
pub fn new_person(raw: &str) -> Result<String, String> {
    let name = raw.trim();
    if name.is_empty() {
        return Err("a person's name must not be empty".into());
    }
    if name.chars().any(char::is_control) {
        return Err(format!(
            "name {:?} must not contain control characters",
            sanitize(name)
        ));
    }
    if name.chars().count() > 100 {
        return Err("a person's name must be at most 100 characters".into());
    }
    Ok(name.to_string())
}

/// People as picker options, after `first` (e.g. "me").
pub fn person_options(people: &[Person], first: Option<&str>) -> Vec<PickOption> {
    first
        .map(|l| PickOption::new(NONE_ID, l))
        .into_iter()
        .chain(people.iter().map(|p| PickOption::new(p.id, p.name.clone())))
        .collect()
}

/// The ids of picked people, adding those typed as new (negative ids) to the database. Call
/// it inside the transaction that saves what refers to them, so a failed save adds no one.
pub fn resolve_people(repo: &Repo, picked: &[PickOption]) -> Result<Vec<Id>, DbError> {
    let mut ids = Vec::with_capacity(picked.len());
    for o in picked {
        let id = if o.id < NONE_ID {
            repo.find_or_add_person(&o.label)?.id
        } else {
            o.id
        };
        if id != NONE_ID && !ids.contains(&id) {
            ids.push(id);
        }
    }
    Ok(ids)
}

/// "Mon 23 Nov" (and the year when it is not this year's).
pub fn short_day(d: NaiveDate, today: NaiveDate) -> String {
    if d.year() == today.year() {
        d.format("%a %-d %b").to_string()
    } else {
        d.format("%a %-d %b %Y").to_string()
    }
}

/// A popup with one single-choice picker that acts as soon as Enter picks an option.
pub struct Chooser {
    pub form: Form,
}

/// What a key did to a [`Chooser`].
pub enum Chosen {
    /// Still choosing.
    No,
    /// Closed without a choice.
    Cancelled,
    Picked(PickOption),
}

impl Chooser {
    pub fn new(
        title: impl Into<String>,
        label: &'static str,
        options: Vec<PickOption>,
        selected: Option<i64>,
        theme: Theme,
    ) -> Self {
        let selected: Vec<i64> = selected.into_iter().collect();
        Chooser {
            form: Form::new(title, theme).picker("choice", label, options, &selected, false, None),
        }
    }

    pub fn handle_key(&mut self, key: &KeyEvent) -> Chosen {
        let action = keymap::resolve(self.form.contexts(), key).map(|b| b.action);
        // Nothing typed here is worth a "discard?" question.
        if action == Some(Action::Form(FormAction::Cancel)) {
            return Chosen::Cancelled;
        }
        let picks = action.is_some_and(Action::picks);
        // A choice offered from the database before it was replaced may name a different row
        // now: it is never acted on.
        if picks && self.form.opened_before_replacement() {
            self.form.refuse_replaced();
            return Chosen::No;
        }
        match self.form.handle_key(key) {
            FormEvent::Closed => Chosen::Cancelled,
            FormEvent::Save | FormEvent::None if picks => match self.form.picked("choice").pop() {
                Some(o) => Chosen::Picked(o),
                None => Chosen::No,
            },
            _ => Chosen::No,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_choice_offered_before_the_database_was_replaced_is_never_acted_on() {
        let enter = KeyEvent::new(
            ratatui::crossterm::event::KeyCode::Enter,
            ratatui::crossterm::event::KeyModifiers::NONE,
        );
        let options = || vec![PickOption::new(1, "one"), PickOption::new(2, "two")];
        let mut old = Chooser::new("Move", "to", options(), Some(2), Theme::default());
        crate::tui::form::database_replaced();
        let mut new = Chooser::new("Move", "to", options(), Some(2), Theme::default());
        assert!(matches!(old.handle_key(&enter), Chosen::No));
        assert!(crate::tui::form::take_refusal());
        assert!(matches!(new.handle_key(&enter), Chosen::Picked(o) if o.id == 2));
    }

    #[test]
    fn a_chooser_narrows_fuzzily_and_enter_takes_the_best_match() {
        use ratatui::crossterm::event::{KeyCode, KeyModifiers};
        let k = |c| KeyEvent::new(c, KeyModifiers::NONE);
        let options = vec![
            PickOption::new(1, "Ada Lovelace"),
            PickOption::new(2, "Bob Idubov"),
            PickOption::new(3, "Inès Dubois"),
        ];
        let mut c = Chooser::new("Person", "who", options, None, Theme::default());
        for ch in "INES".chars() {
            assert!(matches!(c.handle_key(&k(KeyCode::Char(ch))), Chosen::No));
        }
        assert!(matches!(c.handle_key(&k(KeyCode::Enter)), Chosen::Picked(o) if o.id == 3));
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    #[test]
    fn days_as_typed() {
        let today = d("2026-11-22"); // a Sunday
        let p = |s| parse_day(s, today, "due", Lean::Future);
        assert_eq!(p(""), Ok(None));
        assert_eq!(p("today"), Ok(Some(today)));
        assert_eq!(p(" Tomorrow "), Ok(Some(d("2026-11-23"))));
        assert_eq!(p("yesterday"), Ok(Some(d("2026-11-21"))));
        assert_eq!(p("+3"), Ok(Some(d("2026-11-25"))));
        assert_eq!(p("-2d"), Ok(Some(d("2026-11-20"))));
        assert_eq!(p("mon"), Ok(Some(d("2026-11-23"))));
        assert_eq!(p("sunday"), Ok(Some(d("2026-11-29"))));
        assert_eq!(p("2027-01-05"), Ok(Some(d("2027-01-05"))));
        let e = p("soon\x1b").unwrap_err();
        assert!(e.starts_with("due must be"), "{e}");
        assert!(!e.contains('\x1b'));
        assert!(p("2026-02-30").is_err());
        assert!(p("+99999999999").is_err());
    }

    #[test]
    fn moments_as_typed() {
        let today = d("2026-11-22");
        let at = |s| parse_when(s, today).map(|t| t.format("%Y-%m-%d %H:%M").to_string());
        assert_eq!(at("2026-11-20 14:05"), Ok("2026-11-20 14:05".into()));
        assert_eq!(at("9:30"), Ok("2026-11-22 09:30".into()));
        assert_eq!(at("tomorrow 14:30"), Ok("2026-11-23 14:30".into()));
        assert_eq!(at("fri 9:00"), Ok("2026-11-27 09:00".into()));
        assert!(at("later").is_err());
        assert!(at("tomorrow noon").is_err());
    }

    #[test]
    fn names_for_new_people() {
        assert_eq!(new_person("  Ada Lovelace "), Ok("Ada Lovelace".into()));
        assert!(new_person("  ").is_err());
        assert!(new_person("bad\x1bname").is_err());
        assert!(new_person(&"x".repeat(101)).is_err());
    }
}
