//! The one place the wall clock is read, so everything else can be tested at any time.

use chrono::{DateTime, FixedOffset, Local, NaiveDate, Timelike};

pub trait Clock {
    fn now(&self) -> DateTime<FixedOffset>;

    fn today(&self) -> NaiveDate {
        self.now().date_naive()
    }
}

/// The machine's local time.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<FixedOffset> {
        // Whole seconds: entries are read by people, and sub-second noise in every
        // file helps no one.
        let now = Local::now().fixed_offset();
        now.with_nanosecond(0).unwrap_or(now)
    }
}

/// A clock that always says the same time: for tests and reproducible screens.
#[derive(Debug, Clone, Copy)]
pub struct FixedClock(pub DateTime<FixedOffset>);

impl FixedClock {
    /// Parses an RFC 3339 time, panicking on a typo (it is only used with literals).
    pub fn at(rfc3339: &str) -> FixedClock {
        FixedClock(DateTime::parse_from_rfc3339(rfc3339).expect("a valid RFC 3339 time"))
    }
}

impl Clock for FixedClock {
    fn now(&self) -> DateTime<FixedOffset> {
        self.0
    }
}
