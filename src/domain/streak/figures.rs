//! What the streak rules answer with: period statuses, heatmap marks, rates and the
//! summary a list shows.

use chrono::NaiveDate;

/// How one period (a day or a week) went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodStatus {
    Kept,
    Missed,
    /// The current period, not kept yet, still keepable.
    Open,
    /// Nothing was asked: a planned skip, a pause, before the start or after the end.
    Off,
    Future,
}

/// One day of the heatmap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayMark {
    /// Checked off (or kept by connection notes); `backfilled` when every check-in of
    /// the day was recorded later.
    Kept {
        backfilled: bool,
    },
    /// It was due and the chance has passed.
    Missed,
    /// Due and not kept yet, and still keepable: today for a daily commitment, or a
    /// weekly one's day while its week runs.
    Due,
    /// Nothing asked of this day in particular (the days of an "N per week" week, a
    /// weekly commitment's other days).
    Free,
    /// A planned skip or a paused day.
    Skipped,
    /// Before the start or after the end.
    Inactive,
    Future,
}

/// Whether a streak is counted in days or weeks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StreakUnit {
    Days,
    Weeks,
}

impl StreakUnit {
    /// `days` or `weeks`.
    pub fn plural(self) -> &'static str {
        match self {
            StreakUnit::Days => "days",
            StreakUnit::Weeks => "weeks",
        }
    }

    /// `1 day`, `3 weeks`.
    pub fn count(self, n: u32) -> String {
        match (self, n) {
            (StreakUnit::Days, 1) => "1 day".to_string(),
            (StreakUnit::Weeks, 1) => "1 week".to_string(),
            (unit, n) => format!("{n} {}", unit.plural()),
        }
    }
}

/// This week's check-ins against what the week asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekProgress {
    /// Kept days (daily), check-ins (N per week), or 0/1 (weekly on DAY).
    pub kept: u32,
    /// Days due (daily), check-ins asked (N per week, fewer with days off), or 0/1.
    pub required: u32,
}

impl WeekProgress {
    /// "3 of 5"; "4 (goal 3)" when more were done than the week asks (it is kept, and
    /// the extra ones still show); "nothing due" for a week that asks nothing.
    pub fn of_goal(self) -> String {
        if self.required == 0 {
            match self.kept {
                0 => "nothing due".to_string(),
                kept => format!("{kept} (nothing was due)"),
            }
        } else if self.kept > self.required {
            format!("{} (goal {})", self.kept, self.required)
        } else {
            format!("{} of {}", self.kept, self.required)
        }
    }

    /// "3/5", "0/0"; "4 (goal 3)" or "1 (none due)" when the week has more than it asks.
    pub fn compact(self) -> String {
        if self.kept > self.required && self.required == 0 {
            format!("{} (none due)", self.kept)
        } else if self.kept > self.required {
            self.of_goal()
        } else {
            format!("{}/{}", self.kept, self.required)
        }
    }
}

/// Kept periods against kept and missed ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Rate {
    pub kept: u32,
    pub missed: u32,
}

impl Rate {
    /// The kept share as a whole percentage; `None` when nothing was due yet.
    pub fn percent(self) -> Option<u32> {
        let due = self.kept + self.missed;
        (due > 0).then(|| ((f64::from(self.kept) * 100.0) / f64::from(due)).round() as u32)
    }

    /// `12 of 14 days (86%)`, or `nothing due yet`. The unit is said because these are
    /// periods kept, while the weekly trends count check-ins: a "3 per week" practice
    /// kept twice in a week is a week missed here and 2 of 3 check-ins there.
    pub fn describe(self, unit: StreakUnit) -> String {
        match self.percent() {
            Some(percent) => format!(
                "{} of {} ({percent}%)",
                self.kept,
                unit.count(self.kept + self.missed)
            ),
            None => "nothing due yet".to_string(),
        }
    }
}

/// Everything a list or screen shows about one commitment, computed at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub unit: StreakUnit,
    pub current_streak: u32,
    pub best_streak: u32,
    pub this_week: WeekProgress,
    /// Over the last four weeks, this one included.
    pub last_four_weeks: Rate,
    /// The last day on which a check-in still saves the current streak.
    pub deadline: Option<NaiveDate>,
    /// Days from today to `deadline` (0: today is the last chance).
    pub days_until_break: Option<u32>,
    pub due_today: bool,
    /// Check-ins that count for today.
    pub checked_today: u32,
}
