//! A leader's progress through a pack: when they started it, and its pauses.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Where a pack stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PackStatus {
    /// Starts on a later date.
    NotStarted,
    /// Running: today is this day of the pack (1 = the start day).
    Active {
        day: u32,
    },
    Paused {
        day: u32,
    },
    /// Past its last day.
    Finished,
}

/// One pack the leader has taken up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Enrollment {
    pub pack: String,
    /// The version installed; a newer one may replace it, keeping this progress.
    pub version: String,
    pub started: NaiveDate,
    /// Days spent paused before the current pause; they do not count as pack days.
    #[serde(default)]
    pub paused_days: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paused_since: Option<NaiveDate>,
}

impl Enrollment {
    pub fn new(
        pack: impl Into<String>,
        version: impl Into<String>,
        started: NaiveDate,
    ) -> Enrollment {
        Enrollment {
            pack: pack.into(),
            version: version.into(),
            started,
            paused_days: 0,
            paused_since: None,
        }
    }

    /// The pack day `date` falls on, counting only days it was running. For a
    /// paused pack, the day it was paused on. `None` before the start.
    pub fn day_on(&self, date: NaiveDate) -> Option<u32> {
        let until = self.paused_since.map_or(date, |since| since.min(date));
        let elapsed = (until - self.started).num_days() - i64::from(self.paused_days);
        if date < self.started {
            return None;
        }
        u32::try_from(elapsed + 1).ok().filter(|day| *day >= 1)
    }

    /// The pack's status on `date`, for a pack `length` days long (`None`: ongoing).
    pub fn status_on(&self, date: NaiveDate, length: Option<u32>) -> PackStatus {
        let Some(day) = self.day_on(date) else {
            return PackStatus::NotStarted;
        };
        if length.is_some_and(|length| day > length) {
            return PackStatus::Finished;
        }
        if self.paused_since.is_some_and(|since| since <= date) {
            PackStatus::Paused { day }
        } else {
            PackStatus::Active { day }
        }
    }

    /// Pauses from `date` on. Pausing a paused pack changes nothing.
    pub fn pause(&mut self, date: NaiveDate) {
        if self.paused_since.is_none() {
            self.paused_since = Some(date.max(self.started));
        }
    }

    /// Resumes on `date`: the days in between do not count.
    pub fn resume(&mut self, date: NaiveDate) {
        if let Some(since) = self.paused_since.take() {
            let paused = (date - since).num_days().max(0);
            self.paused_days += u32::try_from(paused).unwrap_or(u32::MAX);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    #[test]
    fn days_count_from_one_on_the_start_day() {
        let enrollment = Enrollment::new("p", "1.0.0", date(11, 25));
        assert_eq!(enrollment.day_on(date(11, 24)), None);
        assert_eq!(enrollment.day_on(date(11, 25)), Some(1));
        assert_eq!(enrollment.day_on(date(12, 3)), Some(9));
        assert_eq!(
            enrollment.status_on(date(12, 3), Some(42)),
            PackStatus::Active { day: 9 }
        );
        assert_eq!(
            enrollment.status_on(date(11, 24), Some(42)),
            PackStatus::NotStarted
        );
    }

    #[test]
    fn a_pack_finishes_after_its_last_day() {
        let enrollment = Enrollment::new("p", "1.0.0", date(12, 1));
        // 31 days: December 1st to 31st; January 1st is past it (a year end).
        assert_eq!(
            enrollment.status_on(date(12, 31), Some(31)),
            PackStatus::Active { day: 31 }
        );
        let next_year = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
        assert_eq!(
            enrollment.status_on(next_year, Some(31)),
            PackStatus::Finished
        );
        assert_eq!(
            enrollment.status_on(next_year, None),
            PackStatus::Active { day: 32 }
        );
    }

    #[test]
    fn days_run_on_across_clock_changes() {
        // Europe and the US change clocks on these nights; pack days are calendar
        // days, so each still advances by exactly one.
        let enrollment = Enrollment::new("p", "1.0.0", date(3, 5));
        let days: Vec<u32> = (5..=31)
            .filter_map(|d| enrollment.day_on(date(3, d)))
            .collect();
        assert_eq!(days, (1..=27).collect::<Vec<_>>());
        let autumn = Enrollment::new("p", "1.0.0", date(10, 24));
        assert_eq!(autumn.day_on(date(11, 2)), Some(10));
    }

    #[test]
    fn paused_days_do_not_count() {
        let mut enrollment = Enrollment::new("p", "1.0.0", date(11, 1));
        enrollment.pause(date(11, 5));
        assert_eq!(
            enrollment.status_on(date(11, 10), Some(30)),
            PackStatus::Paused { day: 5 }
        );
        enrollment.pause(date(11, 8));
        enrollment.resume(date(11, 12));
        assert_eq!(enrollment.day_on(date(11, 12)), Some(5));
        assert_eq!(enrollment.day_on(date(11, 13)), Some(6));
        enrollment.resume(date(11, 20));
        assert_eq!(enrollment.day_on(date(11, 13)), Some(6));
    }
}
