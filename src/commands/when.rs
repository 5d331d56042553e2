//! The time and settings the commitment and people commands share: read once in
//! `main`, passed down, so every command is testable at any date.

use chrono::{DateTime, FixedOffset, NaiveDate, Weekday};

use crate::domain::dates;
use crate::store::Paths;
use crate::store::commitments::Moment;
use crate::store::config::{self, Config};

/// When a command runs, and the settings that shape its dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Context {
    pub now: DateTime<FixedOffset>,
    /// The journal day `now` belongs to (it may run past midnight, see
    /// `Config::journal_day`).
    pub today: NaiveDate,
    /// The first day of a week, for weekly commitments and "this week".
    pub week_start: Weekday,
}

impl Context {
    /// The context at `now` with the leader's settings (their defaults when the
    /// settings file is missing or broken; `truenorth doctor` reports a broken one).
    pub fn load(paths: &Paths, now: DateTime<FixedOffset>) -> Context {
        let (config, _problem) = Config::load(&paths.config.join(config::FILE_NAME));
        Context {
            now,
            today: config.journal_day(now.naive_local()),
            week_start: config.week_start,
        }
    }

    pub fn moment(&self) -> Moment {
        Moment {
            now: self.now,
            today: self.today,
        }
    }
}

/// A day typed on the command line (default: today), in any form
/// [`dates::parse_date`] reads: a day that has come (check-ins and connections are
/// about what happened). `tomorrow` is understood, and refused as in the future.
pub fn parse_day(text: Option<&str>, today: NaiveDate) -> anyhow::Result<NaiveDate> {
    match text {
        None => Ok(today),
        Some(text) if text.trim().eq_ignore_ascii_case("tomorrow") => anyhow::bail!(
            "the date cannot be in the future: tomorrow has not come yet. Use today \
             (the default) or a day before it, e.g. yesterday or -2d"
        ),
        Some(text) => Ok(dates::parse_date(text, today)?),
    }
}

/// "today", "yesterday", "tomorrow" or "Tue 24 Nov 2026".
pub fn describe_day(date: NaiveDate, today: NaiveDate) -> String {
    match (date - today).num_days() {
        0 => "today".to_string(),
        -1 => "yesterday".to_string(),
        1 => "tomorrow".to_string(),
        _ => date.format("%a %-d %b %Y").to_string(),
    }
}
