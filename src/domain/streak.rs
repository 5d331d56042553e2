//! Streaks, kept rates and the heatmap: how well a commitment has been kept, by the
//! rules of its cadence. Pure: `today` and the first day of the week are passed in.
//!
//! A commitment is judged period by period: a day for `daily`, a week for `N per week`
//! and `weekly on DAY`. Each period is [`PeriodStatus::Kept`], `Missed`, `Open` (the
//! current one, not kept yet: it is not missed until it ends), `Off` (nothing was asked:
//! planned skips, pauses, before the start or after the end) or `Future`.
//!
//! - **daily**: a day is kept with one check-in. Days off neither count nor break.
//! - **N per week**: a week is kept when N check-ins land in it, on any days (two on
//!   one day count twice). A week with days off asks for no more check-ins than it
//!   has days left; a week that is all days off asks for none.
//! - **weekly on DAY**: a week is kept by a check-in on any of its days; it is due
//!   from DAY on, and asks for nothing when DAY itself is off.
//!
//! "Kept beats off": a check-in on a day off still counts. Streaks count kept periods
//! back from today, stepping over `Off` ones and over the current `Open` one. Rates are
//! kept / (kept + missed): `Open` and `Off` periods are left out.

use std::collections::{BTreeSet, HashMap, HashSet};

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::Day;
use super::commitment::{Cadence, Commitment, CommitmentState, ConnectionGoal, Pause};
use super::person::Person;

mod figures;
mod tallies;

pub use figures::{DayMark, PeriodStatus, Rate, StreakUnit, Summary, WeekProgress};

use self::tallies::Tallies;

/// The weeks a heatmap shows.
pub const HEATMAP_WEEKS: usize = 12;

/// How far ahead [`Record::streak_deadline`] looks for the next day that must be kept
/// (further than any planned skip run; an open pause never ends).
const LOOKAHEAD_DAYS: u64 = 400;

/// A day or a week, first and last day included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Period {
    first: NaiveDate,
    last: NaiveDate,
}

/// One commitment's history, ready for the rules. Build it from the loaded days with
/// [`Record::from_days`] (or piece by piece with [`Record::new`] and
/// [`Record::add_check_in`]), then ask it questions for any `today`.
#[derive(Debug, Clone)]
pub struct Record {
    cadence: Cadence,
    week_start: Weekday,
    state: CommitmentState,
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
    skips: BTreeSet<NaiveDate>,
    pauses: Vec<Pause>,
    days: Tallies,
}

impl Record {
    /// An empty history for `commitment`, with weeks starting on `week_start`.
    pub fn new(commitment: &Commitment, week_start: Weekday) -> Record {
        Record {
            cadence: commitment.cadence,
            week_start,
            state: commitment.state,
            start: commitment.start,
            end: commitment.end,
            skips: commitment.skips.iter().copied().collect(),
            pauses: commitment.pauses.clone(),
            days: Tallies::default(),
        }
    }

    /// The history of `commitment` in `days`: its check-ins, and the days its
    /// connection goal was met (`people` tells each connection's group and role).
    pub fn from_days<'a>(
        commitment: &Commitment,
        days: impl IntoIterator<Item = &'a Day>,
        people: &[Person],
        week_start: Weekday,
    ) -> Record {
        let mut records =
            Record::all_from_days(std::slice::from_ref(commitment), days, people, week_start);
        records.pop().expect("one record per commitment")
    }

    /// The records of all `commitments` (in their order), in one pass over `days`:
    /// what a list of every commitment wants.
    pub fn all_from_days<'a>(
        commitments: &[Commitment],
        days: impl IntoIterator<Item = &'a Day>,
        people: &[Person],
        week_start: Weekday,
    ) -> Vec<Record> {
        let mut records: Vec<Record> = commitments
            .iter()
            .map(|commitment| Record::new(commitment, week_start))
            .collect();
        let by_commitment: HashMap<&str, usize> = commitments
            .iter()
            .enumerate()
            .map(|(index, commitment)| (commitment.id.as_str(), index))
            .collect();
        let goals: Vec<(usize, &ConnectionGoal)> = commitments
            .iter()
            .enumerate()
            .filter_map(|(index, c)| c.counts_connections.as_ref().map(|goal| (index, goal)))
            .collect();
        let needs_people = goals
            .iter()
            .any(|(_, goal)| goal.group.is_some() || goal.role.is_some());
        let by_person: HashMap<&str, &Person> = if needs_people {
            people
                .iter()
                .map(|person| (person.id.as_str(), person))
                .collect()
        } else {
            HashMap::new()
        };
        for day in days {
            for check_in in &day.checkins {
                if let Some(&index) = by_commitment.get(check_in.commitment.as_str()) {
                    records[index].add_check_in(day.date, check_in.backfilled);
                }
            }
            for &(index, goal) in &goals {
                if records[index].takes_connections(day.date) && goal_met(goal, day, &by_person) {
                    records[index].add_connection_day(day.date);
                }
            }
        }
        records
    }

    /// Counts one check-in for `date`.
    pub fn add_check_in(&mut self, date: NaiveDate, backfilled: bool) {
        let tally = self.days.entry(date);
        tally.check_ins += 1;
        tally.backfilled += u32::from(backfilled);
    }

    /// Notes that the connection goal was met on `date`: the day counts as one
    /// check-in (not on top of check-ins made by hand that day). Only on a day that
    /// [`Record::takes_connections`]; any other day is left as it was.
    pub fn add_connection_day(&mut self, date: NaiveDate) {
        if self.takes_connections(date) {
            self.days.entry(date).by_connections = true;
        }
    }

    /// Whether connection notes on `date` can keep the commitment: the days a
    /// check-in by hand could be made for it, i.e. from its start to its end and not
    /// paused. Notes from before it began (the journal's earlier connections), after it
    /// ended, or while it was paused are not about this commitment. A planned skip
    /// still takes them, as it takes a check-in ("kept beats off").
    pub fn takes_connections(&self, date: NaiveDate) -> bool {
        self.start.is_none_or(|start| date >= start)
            && self.end.is_none_or(|end| date <= end)
            && !self.pauses.iter().any(|pause| pause.contains(date))
    }

    pub fn unit(&self) -> StreakUnit {
        if self.cadence.is_weekly() {
            StreakUnit::Weeks
        } else {
            StreakUnit::Days
        }
    }

    /// The check-ins that count for `date` (a met connection goal counts as one).
    pub fn checked_on(&self, date: NaiveDate) -> u32 {
        self.days.get(date).count()
    }

    /// The first day of the week holding `date`.
    pub fn week_of(&self, date: NaiveDate) -> NaiveDate {
        let back = (date.weekday().num_days_from_monday() + 7
            - self.week_start.num_days_from_monday())
            % 7;
        date - Days::new(back.into())
    }

    /// Whether the commitment belongs on `date`'s list of things to do: it is active,
    /// and either it was checked off that day (it stays listed, ticked, so the
    /// check-off can be seen and taken back, however full the week is), or the day is
    /// not off and its period still asks for a check-in that other days' check-ins
    /// have not already given. Today's list and the `c` picker both ask this.
    pub fn is_due(&self, date: NaiveDate) -> bool {
        let declared =
            self.start.is_none_or(|start| date >= start) && self.end.is_none_or(|end| date <= end);
        if self.state != CommitmentState::Active || !declared {
            return false;
        }
        if self.checked_on(date) > 0 {
            return true;
        }
        if self.is_resting(date) {
            return false;
        }
        let week = self.week(date);
        let elsewhere = self.count_in(week) - self.checked_on(date);
        match self.cadence {
            Cadence::Daily => true,
            Cadence::PerWeek(_) => elsewhere < self.required(week),
            Cadence::WeeklyOn(day) => {
                let due = self.weekday_in(week, day);
                date >= due && self.required(week) > 0 && elsewhere == 0
            }
        }
    }

    /// Kept periods in a row, back from today. The current period counts when kept and
    /// is passed over while open; periods off are passed over.
    pub fn current_streak(&self, today: NaiveDate) -> u32 {
        let Some(floor) = self.floor() else {
            return 0;
        };
        let mut period = self.period_of(today);
        let mut streak = 0;
        while period.last >= floor {
            match self.status(period, today) {
                PeriodStatus::Kept => streak += 1,
                PeriodStatus::Missed => break,
                PeriodStatus::Open | PeriodStatus::Off | PeriodStatus::Future => {}
            }
            period = self.previous(period);
        }
        streak
    }

    /// The longest run of kept periods up to today.
    pub fn best_streak(&self, today: NaiveDate) -> u32 {
        let Some(floor) = self.floor() else {
            return 0;
        };
        let (mut best, mut run) = (0, 0);
        let mut period = self.period_of(floor);
        while period.first <= today {
            match self.status(period, today) {
                PeriodStatus::Kept => {
                    run += 1;
                    best = best.max(run);
                }
                PeriodStatus::Missed => run = 0,
                PeriodStatus::Open | PeriodStatus::Off | PeriodStatus::Future => {}
            }
            period = self.next(period);
        }
        best
    }

    /// The last day on which a check-in still saves the current streak: the end of the
    /// first period from today on that asks for more than it has. `None` when there
    /// is no streak to lose, or nothing will be asked again (paused, ended).
    pub fn streak_deadline(&self, today: NaiveDate) -> Option<NaiveDate> {
        if self.state != CommitmentState::Active || self.current_streak(today) == 0 {
            return None;
        }
        let horizon = today.checked_add_days(Days::new(LOOKAHEAD_DAYS))?;
        let mut period = self.period_of(today);
        while period.first <= horizon {
            if self.end.is_some_and(|end| period.first > end) {
                return None;
            }
            let required = self.required(period);
            if required > 0 && self.count_in(period) < required {
                return Some(period.last);
            }
            period = self.next(period);
        }
        None
    }

    /// Whole days from `today` until the streak breaks (0: today is the last day to
    /// keep it); see [`Record::streak_deadline`].
    pub fn days_until_streak_breaks(&self, today: NaiveDate) -> Option<u32> {
        self.streak_deadline(today)
            .map(|deadline| u32::try_from((deadline - today).num_days()).unwrap_or(0))
    }

    /// The week holding `today`: what it asks for and what it has.
    pub fn kept_this_week(&self, today: NaiveDate) -> WeekProgress {
        let week = self.week(today);
        match self.cadence {
            Cadence::Daily => {
                let days = self.days_of(week);
                WeekProgress {
                    kept: days.clone().filter(|day| self.checked_on(*day) > 0).count() as u32,
                    required: days.filter(|day| !self.is_off(*day)).count() as u32,
                }
            }
            Cadence::PerWeek(_) => WeekProgress {
                kept: self.count_in(week),
                required: self.required(week),
            },
            Cadence::WeeklyOn(_) => WeekProgress {
                kept: self.count_in(week).min(1),
                required: self.required(week),
            },
        }
    }

    /// Kept and missed periods in the last `weeks` weeks, the current one included (so
    /// `kept_rate(today, 1)` is this week's). A daily commitment counts days; today
    /// counts only once kept.
    pub fn kept_rate(&self, today: NaiveDate, weeks: u32) -> Rate {
        let mut rate = Rate::default();
        if weeks == 0 {
            return rate;
        }
        let first = self.week_of(today) - Days::new(7 * u64::from(weeks - 1));
        let mut period = self.period_of(first);
        while period.first <= today {
            match self.status(period, today) {
                PeriodStatus::Kept => rate.kept += 1,
                PeriodStatus::Missed => rate.missed += 1,
                PeriodStatus::Open | PeriodStatus::Off | PeriodStatus::Future => {}
            }
            period = self.next(period);
        }
        rate
    }

    /// The check-ins the period holding `date` asked for, split into kept and missed,
    /// as seen on `today`. A day, or a "weekly on DAY" week, asks for one; an "N per
    /// week" week asks for N (fewer when days are off), and check-ins beyond N count
    /// for nothing more. A period still open, off or to come asks for nothing yet.
    pub fn due_check_ins(&self, date: NaiveDate, today: NaiveDate) -> Rate {
        let period = self.period_of(date);
        let status = self.status(period, today);
        let asked = match self.cadence {
            Cadence::PerWeek(_) => self.required(period),
            Cadence::Daily | Cadence::WeeklyOn(_) => 1,
        };
        match status {
            // A period kept although it asked nothing (a check-in on a day off) still
            // counts once, as the streak counts it.
            PeriodStatus::Kept => Rate {
                kept: asked.max(1),
                missed: 0,
            },
            PeriodStatus::Missed => {
                let kept = match self.cadence {
                    Cadence::PerWeek(_) => self.count_in(period).min(asked),
                    Cadence::Daily | Cadence::WeeklyOn(_) => 0,
                };
                Rate {
                    kept,
                    missed: asked - kept,
                }
            }
            PeriodStatus::Open | PeriodStatus::Off | PeriodStatus::Future => Rate::default(),
        }
    }

    /// How the period (day or week) holding `date` went, as seen on `today`.
    pub fn status_on(&self, date: NaiveDate, today: NaiveDate) -> PeriodStatus {
        self.status(self.period_of(date), today)
    }

    /// One mark per day for the last `weeks` whole weeks, oldest first, ending with the
    /// week holding `today` (its later days are `Future`).
    pub fn heatmap(&self, today: NaiveDate, weeks: usize) -> Vec<(NaiveDate, DayMark)> {
        let back = 7 * weeks.saturating_sub(1) as u64;
        let first = self.week_of(today) - Days::new(back);
        first
            .iter_days()
            .take(7 * weeks)
            .map(|day| (day, self.mark(day, today)))
            .collect()
    }

    /// Every figure a list shows, for `today`.
    pub fn summary(&self, today: NaiveDate) -> Summary {
        let deadline = self.streak_deadline(today);
        Summary {
            unit: self.unit(),
            current_streak: self.current_streak(today),
            best_streak: self.best_streak(today),
            this_week: self.kept_this_week(today),
            last_four_weeks: self.kept_rate(today, 4),
            deadline,
            days_until_break: deadline
                .map(|deadline| u32::try_from((deadline - today).num_days()).unwrap_or(0)),
            due_today: self.is_due(today),
            checked_today: self.checked_on(today),
        }
    }

    fn mark(&self, day: NaiveDate, today: NaiveDate) -> DayMark {
        if day > today {
            return DayMark::Future;
        }
        let tally = self.days.get(day);
        if tally.count() > 0 {
            return DayMark::Kept {
                backfilled: !tally.by_connections && tally.backfilled == tally.check_ins,
            };
        }
        if !self.in_range(day) {
            return DayMark::Inactive;
        }
        if self.is_resting(day) {
            return DayMark::Skipped;
        }
        let open_or_missed = |status| match status {
            PeriodStatus::Open => DayMark::Due,
            PeriodStatus::Missed => DayMark::Missed,
            _ => DayMark::Free,
        };
        match self.cadence {
            Cadence::Daily => open_or_missed(self.status_on(day, today)),
            Cadence::PerWeek(_) => DayMark::Free,
            Cadence::WeeklyOn(due) if day.weekday() == due => {
                open_or_missed(self.status_on(day, today))
            }
            Cadence::WeeklyOn(_) => DayMark::Free,
        }
    }

    fn status(&self, period: Period, today: NaiveDate) -> PeriodStatus {
        if period.first > today {
            return PeriodStatus::Future;
        }
        let count = self.count_in(period);
        let required = self.required(period);
        if count > 0 && count >= required {
            PeriodStatus::Kept
        } else if required == 0 {
            PeriodStatus::Off
        } else if period.last >= today {
            PeriodStatus::Open
        } else {
            PeriodStatus::Missed
        }
    }

    /// What a period asks for (0 when it asks nothing).
    fn required(&self, period: Period) -> u32 {
        match self.cadence {
            Cadence::Daily => u32::from(!self.is_off(period.first)),
            Cadence::PerWeek(n) => {
                let open = self
                    .days_of(period)
                    .filter(|day| !self.is_off(*day))
                    .count();
                u32::from(n).min(open as u32)
            }
            Cadence::WeeklyOn(day) => u32::from(!self.is_off(self.weekday_in(period, day))),
        }
    }

    fn count_in(&self, period: Period) -> u32 {
        self.days.count_between(period.first, period.last)
    }

    /// The first day anything can count: the start, or else the first check-in.
    fn floor(&self) -> Option<NaiveDate> {
        self.start.or_else(|| self.days.first())
    }

    fn in_range(&self, date: NaiveDate) -> bool {
        self.floor().is_none_or(|floor| date >= floor) && self.end.is_none_or(|end| date <= end)
    }

    fn is_resting(&self, date: NaiveDate) -> bool {
        self.skips.contains(&date) || self.pauses.iter().any(|pause| pause.contains(date))
    }

    fn is_off(&self, date: NaiveDate) -> bool {
        !self.in_range(date) || self.is_resting(date)
    }

    fn week(&self, date: NaiveDate) -> Period {
        let first = self.week_of(date);
        Period {
            first,
            last: first + Days::new(6),
        }
    }

    fn period_of(&self, date: NaiveDate) -> Period {
        match self.cadence {
            Cadence::Daily => Period {
                first: date,
                last: date,
            },
            Cadence::PerWeek(_) | Cadence::WeeklyOn(_) => self.week(date),
        }
    }

    fn previous(&self, period: Period) -> Period {
        self.period_of(period.first - Days::new(1))
    }

    fn next(&self, period: Period) -> Period {
        self.period_of(period.last + Days::new(1))
    }

    fn days_of(&self, period: Period) -> impl Iterator<Item = NaiveDate> + Clone {
        period
            .first
            .iter_days()
            .take_while(move |day| *day <= period.last)
    }

    /// The date of `day` in the week `week`.
    fn weekday_in(&self, week: Period, day: Weekday) -> NaiveDate {
        let offset = (day.num_days_from_monday() + 7 - self.week_start.num_days_from_monday()) % 7;
        week.first + Days::new(offset.into())
    }
}

/// Whether `day`'s connection notes reach `goal.per_day` different people of the
/// goal's group and role.
fn goal_met(goal: &ConnectionGoal, day: &Day, by_person: &HashMap<&str, &Person>) -> bool {
    goal.per_day > 0
        && day.connections.len() >= usize::from(goal.per_day)
        && people_reached(goal, day, by_person) >= usize::from(goal.per_day)
}

/// How many different people that count for `goal` have a connection note on `day`:
/// the progress shown beside a goal not met yet ("1 of 3 today").
pub fn goal_progress(goal: &ConnectionGoal, day: &Day, people: &[Person]) -> usize {
    let by_person: HashMap<&str, &Person> = people
        .iter()
        .map(|person| (person.id.as_str(), person))
        .collect();
    people_reached(goal, day, &by_person)
}

fn people_reached(goal: &ConnectionGoal, day: &Day, by_person: &HashMap<&str, &Person>) -> usize {
    let counts = |person: &str| {
        if goal.group.is_none() && goal.role.is_none() {
            return true;
        }
        by_person.get(person).is_some_and(|person| {
            goal.group
                .as_ref()
                .is_none_or(|group| person.in_group(group))
                && goal.role.is_none_or(|role| person.role == role)
        })
    };
    let reached: HashSet<&str> = day
        .connections
        .iter()
        .map(|connection| connection.person.as_str())
        .filter(|person| counts(person))
        .collect();
    reached.len()
}

#[cfg(test)]
mod tests;
