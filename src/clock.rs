//! The one source of "now", so that tests can set the date (backup rotation, midnight rollover).

use chrono::{Local, NaiveDate, NaiveDateTime, Timelike};
use std::sync::{Arc, Mutex};

/// Local wall-clock time.
pub trait Clock: Send + Sync {
    fn now(&self) -> NaiveDateTime;

    fn today(&self) -> NaiveDate {
        self.now().date()
    }
}

/// The machine's clock, to the second.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> NaiveDateTime {
        let now = Local::now().naive_local();
        now.with_nanosecond(0).unwrap_or(now)
    }
}

/// A clock that stands still until moved; for tests and for `WORKLOG_NOW`.
#[derive(Debug)]
pub struct FixedClock(Mutex<NaiveDateTime>);

impl FixedClock {
    pub fn new(at: NaiveDateTime) -> Self {
        FixedClock(Mutex::new(at))
    }

    pub fn set(&self, at: NaiveDateTime) {
        *self.0.lock().unwrap_or_else(|e| e.into_inner()) = at;
    }
}

impl Clock for FixedClock {
    fn now(&self) -> NaiveDateTime {
        *self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The system clock, unless `WORKLOG_NOW=YYYY-MM-DDTHH:MM:SS` pins it (used by end-to-end tests).
pub fn from_env() -> Arc<dyn Clock> {
    match std::env::var("WORKLOG_NOW")
        .ok()
        .and_then(|s| NaiveDateTime::parse_from_str(&s, "%Y-%m-%dT%H:%M:%S").ok())
    {
        Some(at) => Arc::new(FixedClock::new(at)),
        None => Arc::new(SystemClock),
    }
}
