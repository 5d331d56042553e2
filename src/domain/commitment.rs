//! Commitments: small, concrete practices a leader checks off.
//!
//! A [`Commitment`] is kept in `commitments.toml`; each [`CheckIn`] is kept in the day
//! file of the day it counts for. The rules that turn check-ins into streaks and rates
//! live in [`super::streak`].

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Days, FixedOffset, NaiveDate, Weekday};
use serde::{Deserialize, Deserializer, Serialize};

use super::Frame;
use super::person::Role;

pub mod plan;

/// How often a commitment is meant to be kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum Cadence {
    Daily,
    /// N check-ins in a week, on any days.
    PerWeek(u8),
    /// Once a week, on this day.
    WeeklyOn(Weekday),
}

impl Cadence {
    /// Whether it is kept (and its streak counted) week by week rather than day by day.
    pub fn is_weekly(self) -> bool {
        !matches!(self, Cadence::Daily)
    }
}

impl FromStr for Cadence {
    type Err = String;

    /// Reads `daily`, `3 per week` or `weekly on fri` (any case, full day names too).
    fn from_str(value: &str) -> Result<Self, Self::Err> {
        let normal = value.trim().to_ascii_lowercase();
        let words: Vec<&str> = normal.split_whitespace().collect();
        let bad = || {
            format!(
                "cadence `{value}` is not one of \"daily\", \"N per week\" (e.g. \"3 per week\") \
                 or \"weekly on DAY\" (e.g. \"weekly on fri\")"
            )
        };
        match words.as_slice() {
            ["daily"] => Ok(Cadence::Daily),
            [count, "per", "week"]
            | [count, "times", "per", "week"]
            | [count, "x", "per", "week"] => match count.parse::<u8>() {
                Ok(n @ 1..=7) => Ok(Cadence::PerWeek(n)),
                _ => Err(format!("cadence `{value}`: a week holds 1 to 7 check-ins")),
            },
            ["weekly", "on", day] => day
                .parse::<Weekday>()
                .map(Cadence::WeeklyOn)
                .map_err(|_| bad()),
            _ => Err(bad()),
        }
    }
}

impl TryFrom<String> for Cadence {
    type Error = String;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        value.parse()
    }
}

impl From<Cadence> for String {
    fn from(cadence: Cadence) -> Self {
        cadence.to_string()
    }
}

impl fmt::Display for Cadence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Cadence::Daily => f.write_str("daily"),
            Cadence::PerWeek(n) => write!(f, "{n} per week"),
            Cadence::WeeklyOn(day) => {
                write!(f, "weekly on {}", day.to_string().to_ascii_lowercase())
            }
        }
    }
}

/// Where a commitment stands. Only an active one is offered on Today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CommitmentState {
    #[default]
    Active,
    /// Set aside for a while (a holiday, a busy term); paused days do not break streaks.
    Paused,
    /// Finished: the practice has become a habit or has served its purpose.
    Done,
    /// Put away; kept in the file and in the day files' history, hidden from lists.
    Archived,
}

impl fmt::Display for CommitmentState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            CommitmentState::Active => "active",
            CommitmentState::Paused => "paused",
            CommitmentState::Done => "done",
            CommitmentState::Archived => "archived",
        })
    }
}

/// A commitment kept by connection notes rather than check-ins: "connect with three
/// students a day" is kept on any day with notes about `per_day` different people
/// (from `group` and of `role`, when given). Several notes about one person count once:
/// the practice is about reaching several people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConnectionGoal {
    pub per_day: u8,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
}

impl ConnectionGoal {
    /// Who counts, after the number: "different people", "different students in 5B",
    /// "person" (for one a day).
    pub fn whom(&self) -> String {
        let (one, many) = match self.role {
            Some(Role::Student) => ("student", "students"),
            Some(Role::Staff) => ("staff member", "staff members"),
            Some(Role::Family) => ("family member", "family members"),
            Some(Role::Other) => ("person (role: other)", "people (role: other)"),
            None => ("person", "people"),
        };
        let who = if self.per_day == 1 {
            one.to_string()
        } else {
            format!("different {many}")
        };
        match &self.group {
            Some(group) => format!("{who} in {group}"),
            None => who,
        }
    }
}

/// A stretch of days a commitment was paused: from `from` up to, not including,
/// `until` (the day it was resumed); still paused when `until` is `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pause {
    pub from: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<NaiveDate>,
}

impl Pause {
    pub fn contains(&self, date: NaiveDate) -> bool {
        date >= self.from && self.until.is_none_or(|until| date < until)
    }
}

/// A practice the leader has committed to, as kept in `commitments.toml`.
///
/// `extra` holds keys this version does not know, so a rewrite never drops them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Commitment {
    /// Stable, made from the title when it was added; check-ins refer to it.
    pub id: String,
    pub title: String,
    /// A line linking the practice to the leader's true north.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub why: String,
    pub dimension: Frame,
    pub cadence: Cadence,
    /// The first day it counts. Without one, it counts from its first check-in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<NaiveDate>,
    /// The last day it counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<NaiveDate>,
    /// The day marking it done set its end date, and the end date it had before
    /// (none when open-ended): bringing it back undoes that, so it is due again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done_on: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_before_done: Option<NaiveDate>,
    /// The PSEL 2015 standards (1-10) it serves.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "psel_standards"
    )]
    pub psel: Vec<u8>,
    #[serde(default)]
    pub state: CommitmentState,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counts_connections: Option<ConnectionGoal>,
    /// Planned days off (a holiday, a sick day): unkept, they neither count nor break
    /// a streak.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skips: Vec<NaiveDate>,
    /// When it was paused; paused days are treated like planned skips.
    #[serde(default, rename = "pause", skip_serializing_if = "Vec::is_empty")]
    pub pauses: Vec<Pause>,
    #[serde(flatten)]
    pub extra: toml::Table,
}

/// The PSEL standards are numbered 1 to 10; anything else is a typo worth naming.
fn psel_standards<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<u8>, D::Error> {
    let numbers = Vec::<i64>::deserialize(deserializer)?;
    numbers
        .into_iter()
        .map(|n| {
            u8::try_from(n)
                .ok()
                .filter(|n| (1..=10).contains(n))
                .ok_or_else(|| {
                    serde::de::Error::custom(format!(
                        "PSEL standards are numbered 1 to 10, not {n}"
                    ))
                })
        })
        .collect()
}

/// Checks a list of PSEL standard numbers as typed on the command line.
pub fn check_psel(numbers: &[u8]) -> Result<(), String> {
    match numbers.iter().find(|n| !(1..=10).contains(*n)) {
        Some(n) => Err(format!("PSEL standards are numbered 1 to 10, not {n}")),
        None => Ok(()),
    }
}

impl Commitment {
    /// A new active commitment; the other fields start empty.
    pub fn new(id: String, title: String, dimension: Frame, cadence: Cadence) -> Commitment {
        Commitment {
            id,
            title,
            why: String::new(),
            dimension,
            cadence,
            start: None,
            end: None,
            done_on: None,
            end_before_done: None,
            psel: Vec::new(),
            state: CommitmentState::Active,
            counts_connections: None,
            skips: Vec::new(),
            pauses: Vec::new(),
            extra: toml::Table::new(),
        }
    }

    /// Whether `date` lies between the start and end dates (either may be open).
    pub fn in_range(&self, date: NaiveDate) -> bool {
        self.start.is_none_or(|start| date >= start) && self.end.is_none_or(|end| date <= end)
    }

    /// Whether `date` is a planned skip or a paused day.
    pub fn is_day_off(&self, date: NaiveDate) -> bool {
        self.skips.contains(&date) || self.pauses.iter().any(|pause| pause.contains(date))
    }

    /// The day the current pause began, if it is paused.
    pub fn paused_since(&self) -> Option<NaiveDate> {
        self.pauses
            .iter()
            .rev()
            .find(|pause| pause.until.is_none())
            .map(|pause| pause.from)
    }

    /// Pauses it from `today` on. Returns false (and changes nothing) unless it is active.
    pub fn pause(&mut self, today: NaiveDate) -> bool {
        if self.state != CommitmentState::Active {
            return false;
        }
        self.state = CommitmentState::Paused;
        self.pauses.push(Pause {
            from: today,
            until: None,
        });
        true
    }

    /// Resumes it on `today` (today counts again). Returns false unless it was paused.
    pub fn resume(&mut self, today: NaiveDate) -> bool {
        if self.state != CommitmentState::Paused {
            return false;
        }
        self.state = CommitmentState::Active;
        for pause in self.pauses.iter_mut().filter(|pause| pause.until.is_none()) {
            // A pause resumed on the day it began covers no day at all.
            pause.until = Some(today.max(pause.from));
        }
        self.pauses.retain(|pause| pause.until != Some(pause.from));
        true
    }

    /// Moves it to `state` on `today`, by the rules of each move: pausing records a
    /// pause; resuming, finishing or archiving ends an open pause; finishing makes
    /// today its last day (unless it ended earlier). Returns false (and changes
    /// nothing) when it is already in that state, or when asked to pause one that is
    /// not active. Making a finished one active again (directly or from the archive)
    /// gives back the end date it had before it was marked done, so it is due again.
    pub fn change_state(&mut self, state: CommitmentState, today: NaiveDate) -> bool {
        if self.state == state {
            return false;
        }
        if state == CommitmentState::Paused {
            // Only an active commitment can be paused; a finished one stays finished.
            return self.pause(today);
        }
        if self.state == CommitmentState::Paused {
            self.resume(today);
        }
        if state == CommitmentState::Done && self.end.is_none_or(|end| end > today) {
            self.done_on = Some(today);
            self.end_before_done = self.end;
            self.end = Some(today);
        }
        if state == CommitmentState::Active {
            self.undo_done();
        }
        self.state = state;
        true
    }

    /// Gives back the end date marking it done replaced, unless the end has been
    /// edited since.
    fn undo_done(&mut self) {
        if let Some(done_on) = self.done_on.take() {
            let before = self.end_before_done.take();
            if self.end == Some(done_on) {
                self.end = before;
            }
        }
    }

    /// The end date, when it has already passed on `today`: an active commitment
    /// with one is never due.
    pub fn ended_before(&self, today: NaiveDate) -> Option<NaiveDate> {
        self.end.filter(|end| *end < today)
    }

    /// Plans a day off. Returns false when it was already planned.
    pub fn skip(&mut self, date: NaiveDate) -> bool {
        if self.skips.contains(&date) {
            return false;
        }
        self.skips.push(date);
        self.skips.sort();
        true
    }

    /// Takes back a planned day off. Returns false when there was none.
    pub fn unskip(&mut self, date: NaiveDate) -> bool {
        let before = self.skips.len();
        self.skips.retain(|skip| *skip != date);
        self.skips.len() != before
    }

    /// Why a check-in for `date` (recorded on `today`) cannot be made, if it cannot.
    pub fn check_in_refusal(&self, date: NaiveDate, today: NaiveDate) -> Option<CheckInRefusal> {
        if date > today {
            return Some(CheckInRefusal::Future);
        }
        if today
            .checked_sub_days(Days::new(MAX_BACKFILL_DAYS))
            .is_some_and(|earliest| date < earliest)
        {
            return Some(CheckInRefusal::TooLongAgo);
        }
        if self.state != CommitmentState::Active {
            return Some(CheckInRefusal::NotActive(self.state));
        }
        if let Some(start) = self.start.filter(|start| date < *start) {
            return Some(CheckInRefusal::BeforeStart(start));
        }
        if let Some(end) = self.end.filter(|end| date > *end) {
            return Some(CheckInRefusal::AfterEnd(end));
        }
        None
    }

    /// Whether a second check-in on one day means anything: only "N per week" counts
    /// each one; for the others a day is kept or not.
    pub fn counts_each_check_in(&self) -> bool {
        matches!(self.cadence, Cadence::PerWeek(_))
    }
}

/// How many days back a forgotten check-in may still be recorded (marked back-filled).
/// A week covers a forgotten Friday noticed on Monday and no more: streaks should tell
/// what happened, not what was remembered later.
pub const MAX_BACKFILL_DAYS: u64 = 7;

/// Why a check-in was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CheckInRefusal {
    #[error("a check-in cannot be for a day that has not come yet")]
    Future,
    #[error("a check-in can be back-filled up to {MAX_BACKFILL_DAYS} days back, not further")]
    TooLongAgo,
    #[error("it is {0}; resume it first")]
    NotActive(CommitmentState),
    #[error("it starts on {0}")]
    BeforeStart(NaiveDate),
    #[error("it ended on {0}")]
    AfterEnd(NaiveDate),
}

/// One check-off of a commitment, kept in the day file of the day it counts for
/// (`[[checkin]]`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckIn {
    /// The commitment's id.
    pub commitment: String,
    /// When it was recorded, with the writer's UTC offset.
    pub at: DateTime<FixedOffset>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Recorded on a later day than the one it counts for.
    #[serde(default, skip_serializing_if = "is_false")]
    pub backfilled: bool,
    #[serde(flatten)]
    pub extra: toml::Table,
}

fn is_false(value: &bool) -> bool {
    !*value
}

impl CheckIn {
    /// A check-in recorded at `at`, on the journal day `today`, that counts for
    /// `date`; back-filled when `date` is before `today`. (`today` is passed rather
    /// than read from `at` because a journal day may run past midnight.)
    pub fn new(
        commitment: impl Into<String>,
        date: NaiveDate,
        today: NaiveDate,
        at: DateTime<FixedOffset>,
        note: Option<String>,
    ) -> CheckIn {
        CheckIn {
            commitment: commitment.into(),
            at,
            note: note
                .map(|note| note.trim().to_string())
                .filter(|note| !note.is_empty()),
            backfilled: date < today,
            extra: toml::Table::new(),
        }
    }
}

/// The result of looking something up by what a person typed.
#[derive(Debug, Clone, PartialEq)]
pub enum Lookup<T> {
    Found(T),
    /// Several fit; the person has to say which.
    Ambiguous(Vec<T>),
    NotFound,
}

/// Finds a commitment by its id or, failing that, by the start of its title (any
/// case). An exact id always wins; a title prefix must fit exactly one commitment that
/// is not archived, so a typo never checks off the wrong practice.
pub fn find<'a>(commitments: &'a [Commitment], query: &str) -> Lookup<&'a Commitment> {
    let query = query.trim();
    if let Some(found) = commitments.iter().find(|c| c.id == query) {
        return Lookup::Found(found);
    }
    let lower = query.to_lowercase();
    let id_or_title_starts =
        |c: &&Commitment| c.id.starts_with(&lower) || c.title.to_lowercase().starts_with(&lower);
    let mut fits: Vec<&Commitment> = commitments
        .iter()
        .filter(|c| c.state != CommitmentState::Archived)
        .filter(id_or_title_starts)
        .collect();
    if fits.is_empty() {
        fits = commitments.iter().filter(id_or_title_starts).collect();
    }
    match fits.len() {
        0 => Lookup::NotFound,
        1 => Lookup::Found(fits[0]),
        _ => Lookup::Ambiguous(fits),
    }
}

#[cfg(test)]
mod tests;
