//! Reflection streaks: runs of consecutive journal days with something written.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::{entry_date, is_written};
use crate::domain::Day;

/// The journal days (after the rollover rule, see [`super::entry_date`]) with at least
/// one written entry.
pub fn reflection_dates(days: &[Day], rollover_hour: u8) -> BTreeSet<NaiveDate> {
    days.iter()
        .flat_map(|day| {
            day.entries
                .iter()
                .filter(|entry| is_written(entry))
                .map(|entry| entry_date(day.date, entry.created, rollover_hour))
        })
        .collect()
}

/// Consecutive days, first and last included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    pub first: NaiveDate,
    pub last: NaiveDate,
}

impl Run {
    /// Its length in days.
    pub fn days(&self) -> u32 {
        u32::try_from((self.last - self.first).num_days() + 1).unwrap_or(0)
    }
}

/// The current and the longest run of reflection days.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReflectionStreaks {
    /// The run that reaches today, or yesterday: a day not written yet does not break
    /// a streak until it is over.
    pub current: Option<Run>,
    /// The longest run up to today (the latest of equal ones).
    pub longest: Option<Run>,
}

impl ReflectionStreaks {
    /// The streaks in `dates` as seen on `today` (later dates are ignored).
    pub fn compute(dates: &BTreeSet<NaiveDate>, today: NaiveDate) -> ReflectionStreaks {
        let mut streaks = ReflectionStreaks::default();
        let mut run: Option<Run> = None;
        for &date in dates.range(..=today) {
            run = match run {
                Some(open) if open.last.succ_opt() == Some(date) => Some(Run {
                    first: open.first,
                    last: date,
                }),
                _ => Some(Run {
                    first: date,
                    last: date,
                }),
            };
            let current = run.expect("just set");
            if streaks
                .longest
                .is_none_or(|longest| current.days() >= longest.days())
            {
                streaks.longest = Some(current);
            }
        }
        let yesterday = today.pred_opt();
        streaks.current = run.filter(|run| run.last == today || Some(run.last) == yesterday);
        streaks
    }
}
