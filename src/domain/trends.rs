//! Weekly trends: how often the leader reflected, what they wrote about, how they felt,
//! how well they kept their commitments and how many people they reached, week by week.
//! Pure: today, the first day of the week and the day-rollover hour are passed in.
//!
//! A week is identified by its first day, so a week that straddles a year end (or ISO
//! week 53) is one week like any other. Entries are bucketed by their journal day (see
//! [`entry_date`]); ratings, check-ins and connections by the day file they are kept in.

use std::collections::{BTreeMap, HashSet};

use chrono::{DateTime, Datelike, Days, Duration, FixedOffset, NaiveDate, Timelike, Weekday};

use super::commitment::{Commitment, CommitmentState};
use super::person::Person;
use super::streak::{Record, StreakUnit};
use super::{AnswerValue, Day, Entry, Frame};

mod reflection;

pub use reflection::{ReflectionStreaks, Run, reflection_dates};

/// The first day of the week holding `date`, for weeks starting on `week_start`.
pub fn week_of(date: NaiveDate, week_start: Weekday) -> NaiveDate {
    let back = date.weekday().days_since(week_start);
    date - Days::new(back.into())
}

/// The journal day a moment belongs to: before `rollover_hour` (local time, as the
/// entry was written) it still counts for the day before, so a reflection written at
/// 1 am belongs to the evening it reflects on. Same rule as `Config::journal_day`.
pub fn effective_date(created: DateTime<FixedOffset>, rollover_hour: u8) -> NaiveDate {
    (created.naive_local() - Duration::hours(i64::from(rollover_hour))).date()
}

/// The journal day an entry kept in the file of `file_date` counts for.
///
/// The file is trusted, with one exception: an entry written in the small hours of the
/// file's own date (before `rollover_hour`) counts for the day before. That is the one
/// case where a file's date and the journal day disagree (a late-night entry saved by
/// a command that files by calendar date). An entry written on another day than its
/// file (a back-filled or imported one) stays on the day it was filed under.
pub fn entry_date(
    file_date: NaiveDate,
    created: DateTime<FixedOffset>,
    rollover_hour: u8,
) -> NaiveDate {
    if created.date_naive() == file_date && created.hour() < u32::from(rollover_hour) {
        file_date.pred_opt().unwrap_or(file_date)
    } else {
        file_date
    }
}

/// Whether an entry holds a reflection at all (an answer or a measured value), as
/// opposed to an empty shell.
fn is_written(entry: &Entry) -> bool {
    entry.value.is_some() || !entry.text.trim().is_empty()
}

/// Words in `text`, as `split_whitespace` counts them. Most journals are mostly ASCII,
/// and a byte loop over those is several times faster than decoding characters, which
/// matters when a chart spans years of entries.
pub fn word_count(text: &str) -> usize {
    if !text.is_ascii() {
        return text.split_whitespace().count();
    }
    let mut words = 0;
    let mut in_word = false;
    for byte in text.bytes() {
        let space = byte.is_ascii_whitespace() || byte == 0x0b;
        words += usize::from(!space && !in_word);
        in_word = !space;
    }
    words
}

/// Entries per love, care and vulnerability frame.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Lcv {
    pub love: usize,
    pub care: usize,
    pub vulnerability: usize,
}

impl Lcv {
    /// The count of one LCV frame (0 for any other frame).
    pub fn get(&self, frame: &Frame) -> usize {
        match frame {
            Frame::Love => self.love,
            Frame::Care => self.care,
            Frame::Vulnerability => self.vulnerability,
            _ => 0,
        }
    }

    pub fn total(&self) -> usize {
        self.love + self.care + self.vulnerability
    }

    fn add(&mut self, frame: &Frame) {
        match frame {
            Frame::Love => self.love += 1,
            Frame::Care => self.care += 1,
            Frame::Vulnerability => self.vulnerability += 1,
            _ => {}
        }
    }
}

impl std::ops::AddAssign for Lcv {
    fn add_assign(&mut self, other: Lcv) {
        self.love += other.love;
        self.care += other.care;
        self.vulnerability += other.vulnerability;
    }
}

/// One commitment's week: due check-ins kept and missed. A daily commitment asks for
/// one a day, "weekly on DAY" for one a week, "N per week" for N a week (fewer with
/// days off; extra check-ins count for nothing more). Periods still open or off are in
/// neither.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommitmentWeek {
    pub id: String,
    pub title: String,
    /// Still active today (not paused, done or archived).
    pub active: bool,
    pub kept: u32,
    pub missed: u32,
}

impl CommitmentWeek {
    /// Kept share, 0.0 to 1.0; `None` when nothing was due.
    pub fn rate(&self) -> Option<f32> {
        KeptTally::of([self]).share()
    }

    /// Check-ins due: kept and missed.
    pub fn due(&self) -> u32 {
        self.kept + self.missed
    }
}

/// Due check-ins kept, summed over commitments (and weeks): the one way the weekly
/// figures (Trends, the weekly review, `stats`, insights) tell how well commitments
/// were kept. Each due check-in weighs the same, so "1 of 6" and "1 of 1" make 2 of 7
/// (29%), not the average of 17% and 100%. One commitment's own figures (its screen,
/// `commit list`, an export) count the days or weeks it was kept instead, and say so
/// (see [`Rate::describe`](crate::domain::streak::Rate::describe)).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct KeptTally {
    pub kept: u32,
    pub due: u32,
}

impl KeptTally {
    /// The sum over `commitments`.
    pub fn of<'a>(commitments: impl IntoIterator<Item = &'a CommitmentWeek>) -> KeptTally {
        commitments
            .into_iter()
            .fold(KeptTally::default(), |tally, c| KeptTally {
                kept: tally.kept + c.kept,
                due: tally.due + c.due(),
            })
    }

    /// `kept / due`, 0.0 to 1.0; `None` when nothing was due.
    pub fn share(self) -> Option<f32> {
        share(self.kept as usize, self.due as usize)
    }

    /// `3 of 8 kept (38%)`, or `nothing due`.
    pub fn label(self) -> String {
        match self.share() {
            Some(rate) => format!(
                "{} of {} kept ({}%)",
                self.kept,
                self.due,
                (rate * 100.0).round() as i64
            ),
            None => "nothing due".to_string(),
        }
    }
}

/// The answers to one measured prompt (scale, number or yes/no) in a week.
#[derive(Debug, Clone, PartialEq)]
pub struct Measure {
    pub pack: String,
    pub prompt: String,
    /// The question as last answered that week.
    pub question: Option<String>,
    pub count: usize,
    /// The mean value; for yes/no prompts the share of "yes" (0.0 to 1.0).
    pub average: f32,
    pub yes_no: bool,
}

/// Everything one week holds, as seen on the day trends were computed.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekStats {
    /// The week's first day.
    pub start: NaiveDate,
    /// The week's last day.
    pub end: NaiveDate,
    /// The last day counted: `end`, or the day trends were computed for when the week
    /// is still running (later days are left out).
    pub through: NaiveDate,
    /// Days with at least one written entry.
    pub reflection_days: usize,
    /// Written entries, private ones included (only figures are shown, never text).
    pub entries: usize,
    pub words: usize,
    pub lcv: Lcv,
    /// Entries per frame; entries without a frame (free notes) are not counted here.
    pub frames: BTreeMap<Frame, usize>,
    pub energy_avg: Option<f32>,
    /// Days with an energy rating.
    pub energy_days: usize,
    pub outlook_avg: Option<f32>,
    pub outlook_days: usize,
    /// The commitments that had anything due this week, in the order they were added.
    pub commitments: Vec<CommitmentWeek>,
    /// The share of the week's due check-ins that were kept, summed over
    /// `commitments` ([`KeptTally`]), 0.0 to 1.0; `None` when nothing was due.
    pub commitments_kept_rate: Option<f32>,
    /// Different people on the roster connected with this week.
    pub people_connected: usize,
    /// People on the roster (archived ones left out).
    pub roster_size: usize,
    /// `people_connected / roster_size`, 0.0 to 1.0; `None` without a roster.
    pub people_connected_share: Option<f32>,
    /// Measured answers, by pack and prompt.
    pub measures: Vec<Measure>,
}

impl WeekStats {
    fn empty(start: NaiveDate, through: NaiveDate) -> WeekStats {
        WeekStats {
            start,
            end: start + Days::new(6),
            through,
            reflection_days: 0,
            entries: 0,
            words: 0,
            lcv: Lcv::default(),
            frames: BTreeMap::new(),
            energy_avg: None,
            energy_days: 0,
            outlook_avg: None,
            outlook_days: 0,
            commitments: Vec::new(),
            commitments_kept_rate: None,
            people_connected: 0,
            roster_size: 0,
            people_connected_share: None,
            measures: Vec::new(),
        }
    }

    /// Due check-ins kept, summed over the week's commitments.
    pub fn commitments_kept(&self) -> KeptTally {
        KeptTally::of(&self.commitments)
    }

    /// Whether the week was still running (not every day counted).
    pub fn is_partial(&self) -> bool {
        self.through < self.end
    }

    /// How many of its days were counted (7 for a whole week).
    pub fn days_counted(&self) -> usize {
        ((self.through - self.start).num_days() + 1).clamp(0, 7) as usize
    }

    /// `16–22 Nov`, `28 Dec – 3 Jan`: the week for a chart's axis or a heading.
    pub fn label(&self) -> String {
        week_label(self.start, self.end)
    }
}

/// A week's span as people read it: `16–22 Nov`, `28 Dec – 3 Jan`.
pub fn week_label(start: NaiveDate, end: NaiveDate) -> String {
    if start.month() == end.month() {
        format!("{}–{} {}", start.day(), end.day(), end.format("%b"))
    } else {
        format!("{} – {}", start.format("%-d %b"), end.format("%-d %b"))
    }
}

fn share(part: usize, whole: usize) -> Option<f32> {
    (whole > 0).then(|| part as f32 / whole as f32)
}

/// Computes [`WeekStats`] for a run of weeks. Commitments and people are optional:
/// without them the commitment and coverage figures are `None`.
///
/// ```
/// # use chrono::{NaiveDate, Weekday};
/// # use truenorth::domain::trends::WeeklyTrends;
/// let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
/// let weeks = WeeklyTrends::new(Weekday::Mon, 4).compute(&[], 12, today);
/// assert_eq!(weeks.len(), 12);
/// assert_eq!(weeks[11].start, NaiveDate::from_ymd_opt(2026, 11, 23).unwrap());
/// ```
#[derive(Debug, Clone, Copy)]
pub struct WeeklyTrends<'a> {
    week_start: Weekday,
    rollover_hour: u8,
    commitments: Option<&'a [Commitment]>,
    people: Option<&'a [Person]>,
}

impl<'a> WeeklyTrends<'a> {
    pub fn new(week_start: Weekday, rollover_hour: u8) -> WeeklyTrends<'a> {
        WeeklyTrends {
            week_start,
            rollover_hour,
            commitments: None,
            people: None,
        }
    }

    /// Adds the commitments, for kept rates.
    pub fn commitments(mut self, commitments: &'a [Commitment]) -> WeeklyTrends<'a> {
        self.commitments = Some(commitments);
        self
    }

    /// Adds the roster, for coverage (and for commitments kept by connection notes).
    pub fn people(mut self, people: &'a [Person]) -> WeeklyTrends<'a> {
        self.people = Some(people);
        self
    }

    pub fn week_start(&self) -> Weekday {
        self.week_start
    }

    pub fn rollover_hour(&self) -> u8 {
        self.rollover_hour
    }

    /// The `weeks` weeks ending with the one holding `today`, oldest first. The last
    /// one counts only up to `today`. `days` may come in any order; only the days in
    /// range are read closely, so ten years of journal cost little more than twelve
    /// weeks.
    pub fn compute(&self, days: &[Day], weeks: usize, today: NaiveDate) -> Vec<WeekStats> {
        self.compute_to_week(days, weeks, today, today)
    }

    /// The `weeks` weeks ending with the one holding `week`, oldest first, as seen on
    /// `today`: a past week counts whole, the current one up to `today` (a later week
    /// is taken as the current one).
    ///
    /// A week's figures do not depend on the window that shows it: commitments are
    /// judged as seen on `today` whichever week ends the window, so a past week's
    /// last day (and, for a weekly practice, the week itself) is over and judged
    /// kept or missed, as [`compute`](Self::compute) judges it, never left out as
    /// still open.
    pub fn compute_to_week(
        &self,
        days: &[Day],
        weeks: usize,
        week: NaiveDate,
        today: NaiveDate,
    ) -> Vec<WeekStats> {
        if weeks == 0 {
            return Vec::new();
        }
        let ending = (week_of(week, self.week_start) + Days::new(6)).min(today);
        let last_start = week_of(ending, self.week_start);
        let first_start = (1..weeks).fold(last_start, |start, _| {
            start.checked_sub_days(Days::new(7)).unwrap_or(start)
        });
        let mut stats: Vec<WeekStats> = (0..weeks)
            .map(|n| first_start + Days::new(7 * n as u64))
            .take_while(|start| *start <= last_start)
            .map(|start| WeekStats::empty(start, (start + Days::new(6)).min(ending)))
            .collect();
        let index_of = |date: NaiveDate| -> Option<usize> {
            if date < first_start || date > ending {
                return None;
            }
            Some(((date - first_start).num_days() / 7) as usize)
        };

        let mut tally = vec![Tally::default(); stats.len()];
        let roster: HashSet<&str> = self
            .people
            .unwrap_or_default()
            .iter()
            .filter(|person| !person.archived)
            .map(|person| person.id.as_str())
            .collect();
        // A file dated the day after `ending` may hold a small-hours entry that counts
        // for `ending`.
        let last_file = ending.succ_opt().unwrap_or(ending);
        for day in days
            .iter()
            .filter(|day| day.date >= first_start && day.date <= last_file)
        {
            if let Some(week) = index_of(day.date) {
                tally[week].add_day(day, &roster);
            }
            for entry in day.entries.iter().filter(|entry| is_written(entry)) {
                let date = entry_date(day.date, entry.created, self.rollover_hour);
                if let Some(week) = index_of(date) {
                    tally[week].add_entry(date, entry, &mut stats[week]);
                }
            }
        }
        for (week, tally) in stats.iter_mut().zip(tally) {
            tally.finish(week, roster.len(), self.people.is_some());
        }
        if let Some(commitments) = self.commitments {
            self.add_commitments(&mut stats, commitments, days, today);
        }
        stats
    }

    fn add_commitments(
        &self,
        stats: &mut [WeekStats],
        commitments: &[Commitment],
        days: &[Day],
        today: NaiveDate,
    ) {
        let people = self.people.unwrap_or_default();
        let Some(last) = stats.last().map(|week| week.through) else {
            return;
        };
        let first = stats.first().map_or(last, |week| week.start);
        let in_window = || {
            days.iter()
                .filter(|day| day.date >= first && day.date <= last)
        };
        for commitment in commitments {
            let record = match counted_from(commitment, days) {
                // Only the weeks shown are judged, so only their days are read; the
                // first day it counts from is fixed first, as the whole history says.
                Some(floor) => {
                    let mut anchored = commitment.clone();
                    anchored.start = Some(floor);
                    Record::from_days(&anchored, in_window(), people, self.week_start)
                }
                None => Record::from_days(commitment, days, people, self.week_start),
            };
            for week in stats.iter_mut() {
                // Periods are judged as seen on `today`, whatever week ends the
                // window: one still open then (today, or this week for a weekly
                // practice) is neither kept nor missed; one that is over is, even
                // when it is the last of the window.
                let periods: Vec<NaiveDate> = match record.unit() {
                    StreakUnit::Days => week.start.iter_days().take(week.days_counted()).collect(),
                    StreakUnit::Weeks => vec![week.start],
                };
                let (mut kept, mut missed) = (0, 0);
                for period in periods {
                    let due = record.due_check_ins(period, today);
                    kept += due.kept;
                    missed += due.missed;
                }
                if kept + missed > 0 {
                    week.commitments.push(CommitmentWeek {
                        id: commitment.id.clone(),
                        title: commitment.title.clone(),
                        active: commitment.state == CommitmentState::Active,
                        kept,
                        missed,
                    });
                }
            }
        }
        for week in stats.iter_mut() {
            week.commitments_kept_rate = week.commitments_kept().share();
        }
    }
}

/// The first day `commitment` counts from: its start, or else (as the streak rules
/// say) its first check-in. `None` when that takes the whole history to tell: no
/// check-in and no start, or kept by connection notes, whose first met goal only the
/// streak rules can find.
fn counted_from(commitment: &Commitment, days: &[Day]) -> Option<NaiveDate> {
    if commitment.start.is_some() {
        return commitment.start;
    }
    if commitment.counts_connections.is_some() {
        return None;
    }
    days.iter()
        .filter(|day| day.checkins.iter().any(|c| c.commitment == commitment.id))
        .map(|day| day.date)
        .min()
}

/// What a week gathers before its averages are taken.
#[derive(Debug, Clone, Default)]
struct Tally {
    /// Bit n set: day n of the week has a written entry.
    reflected: u8,
    energy: (u32, usize),
    outlook: (u32, usize),
    connected: HashSet<String>,
    measures: BTreeMap<(String, String), MeasureSum>,
}

#[derive(Debug, Clone, Default)]
struct MeasureSum {
    question: Option<String>,
    sum: f64,
    count: usize,
    yes_no: bool,
}

impl Tally {
    fn add_day(&mut self, day: &Day, roster: &HashSet<&str>) {
        if let Some(energy) = day.ratings.energy {
            self.energy.0 += u32::from(energy.value());
            self.energy.1 += 1;
        }
        if let Some(outlook) = day.ratings.outlook {
            self.outlook.0 += u32::from(outlook.value());
            self.outlook.1 += 1;
        }
        for connection in &day.connections {
            if roster.contains(connection.person.as_str()) {
                self.connected.insert(connection.person.clone());
            }
        }
    }

    fn add_entry(&mut self, date: NaiveDate, entry: &Entry, week: &mut WeekStats) {
        let offset = (date - week.start).num_days();
        self.reflected |= 1 << offset;
        week.entries += 1;
        week.words += word_count(&entry.text);
        if let Some(frame) = &entry.frame {
            week.lcv.add(frame);
            *week.frames.entry(frame.clone()).or_default() += 1;
        }
        if let (Some(value), Some(pack), Some(prompt)) = (entry.value, &entry.pack, &entry.prompt) {
            let sum = self
                .measures
                .entry((pack.clone(), prompt.clone()))
                .or_default();
            let (number, yes_no) = match value {
                AnswerValue::Number(n) => (n as f64, false),
                AnswerValue::YesNo(yes) => (f64::from(u8::from(yes)), true),
            };
            sum.sum += number;
            sum.count += 1;
            sum.yes_no = yes_no;
            if entry.question.is_some() {
                sum.question.clone_from(&entry.question);
            }
        }
    }

    fn finish(self, week: &mut WeekStats, roster_size: usize, has_roster: bool) {
        week.reflection_days = self.reflected.count_ones() as usize;
        let mean = |(sum, count): (u32, usize)| (count > 0).then(|| sum as f32 / count as f32);
        week.energy_avg = mean(self.energy);
        week.energy_days = self.energy.1;
        week.outlook_avg = mean(self.outlook);
        week.outlook_days = self.outlook.1;
        week.people_connected = self.connected.len();
        week.roster_size = roster_size;
        week.people_connected_share = if has_roster {
            share(self.connected.len(), roster_size)
        } else {
            None
        };
        week.measures = self
            .measures
            .into_iter()
            .map(|((pack, prompt), sum)| Measure {
                pack,
                prompt,
                question: sum.question,
                count: sum.count,
                average: (sum.sum / sum.count as f64) as f32,
                yes_no: sum.yes_no,
            })
            .collect();
    }
}

#[cfg(test)]
mod tests;
