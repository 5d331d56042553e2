//! Commitments in an export: how each was kept over the export's range, by the rules
//! of [`crate::domain::streak`].
//!
//! Figures are for the range alone: a commitment is counted from the later of its own
//! start and the range's first day, and up to the range's last day (or today, when the
//! range runs on). So a streak that began before the range counts from the range's
//! start, and the figures can be computed again from the check-ins the export carries:
//! that is what makes a JSON export, imported elsewhere, export the same again.

use chrono::{NaiveDate, Weekday};

use super::ExportOptions;
use super::pseudonym::Pseudonyms;
use crate::domain::Day;
use crate::domain::commitment::{Commitment, CommitmentState, Pause};
use crate::domain::person::Person;
use crate::domain::streak::{Rate, Record, StreakUnit};
use crate::domain::trends::week_of;

/// One commitment as the export shows it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CommitmentReport {
    /// The commitment with its title and why pseudonymized, its start moved to where
    /// the figures start, and only the skips and pauses that touch the range.
    pub commitment: Commitment,
    /// The days in the range it was kept, with the check-ins that count for each.
    pub kept: Vec<(NaiveDate, u32)>,
    pub unit: StreakUnit,
    pub rate: Rate,
    /// Kept periods in a row up to the range's end.
    pub current_streak: u32,
    /// The longest run of kept periods within the range.
    pub best_streak: u32,
}

/// The stretch the figures cover: from the range's first day to `until`, the range's
/// last day or today when that is earlier (days to come are neither kept nor missed).
pub(crate) struct Range {
    pub from: NaiveDate,
    pub until: NaiveDate,
    /// Today: when `until` is earlier, the range is over and its last day or week is
    /// judged as finished, not as still open.
    pub today: NaiveDate,
    pub week_start: Weekday,
}

/// The commitments that ran during the range (not archived; of the asked-for frames
/// when frames were given), in the order they were added.
pub(crate) fn reports(
    commitments: &[Commitment],
    days: &[Day],
    people: &[Person],
    options: &ExportOptions,
    range: &Range,
    names: &Pseudonyms,
) -> Vec<CommitmentReport> {
    let mut reports: Vec<CommitmentReport> = commitments
        .iter()
        .filter(|c| c.state != CommitmentState::Archived)
        .filter(|c| options.frames.is_empty() || options.frames.contains(&c.dimension))
        .filter_map(|c| report(c, days, people, range, names))
        .collect();
    // An id made from a title with a name in it carries the name: it goes out with the
    // name replaced, as the title does, and still unique.
    let mut used = std::collections::HashSet::new();
    for report in &mut reports {
        let id = &mut report.commitment.id;
        let mut unique = id.clone();
        let mut number = 1;
        while !used.insert(unique.clone()) {
            number += 1;
            unique = format!("{id}-{number}");
        }
        *id = unique;
    }
    reports
}

fn report(
    commitment: &Commitment,
    days: &[Day],
    people: &[Person],
    range: &Range,
    names: &Pseudonyms,
) -> Option<CommitmentReport> {
    // Without a start date a commitment counts from its first check-in.
    let own_start = commitment
        .start
        .or_else(|| first_check_in(commitment, days))?;
    let start = own_start.max(range.from);
    if start > range.until || commitment.end.is_some_and(|end| end < range.from) {
        return None;
    }
    // The rules see the commitment from `start` on; connection goals still count.
    let mut rules = commitment.clone();
    rules.start = Some(start);
    // A range that is over is judged the day after it, with nothing asked after its
    // last day: its last day (or week) is then kept or missed, not "still open".
    let judged_on = if range.until < range.today {
        rules.end = Some(rules.end.map_or(range.until, |end| end.min(range.until)));
        range.until.succ_opt().unwrap_or(range.until)
    } else {
        range.until
    };
    let in_range = days
        .iter()
        .filter(|day| (start..=range.until).contains(&day.date));
    let record = Record::from_days(&rules, in_range, people, range.week_start);

    let mut shown = rules;
    shown.id = names.apply_tag(&commitment.id).into_owned();
    shown.title = names.apply(&commitment.title).into_owned();
    shown.why = names.apply(&commitment.why).into_owned();
    shown
        .skips
        .retain(|skip| (start..=range.until).contains(skip));
    shown
        .pauses
        .retain(|pause| touches(pause, start, range.until));
    // The export carries the days it was kept instead: connection notes stay home.
    shown.counts_connections = None;
    shown.extra = toml::Table::new();
    let kept = start
        .iter_days()
        .take_while(|date| *date <= range.until)
        .map(|date| (date, record.checked_on(date)))
        .filter(|(_, count)| *count > 0)
        .collect();
    let weeks =
        (week_of(judged_on, range.week_start) - week_of(start, range.week_start)).num_days() / 7
            + 1;
    Some(CommitmentReport {
        unit: record.unit(),
        rate: record.kept_rate(judged_on, u32::try_from(weeks).unwrap_or(u32::MAX)),
        current_streak: record.current_streak(judged_on),
        best_streak: record.best_streak(judged_on),
        commitment: shown,
        kept,
    })
}

fn touches(pause: &Pause, first: NaiveDate, last: NaiveDate) -> bool {
    pause.from <= last && pause.until.is_none_or(|until| until > first)
}

fn first_check_in(commitment: &Commitment, days: &[Day]) -> Option<NaiveDate> {
    days.iter()
        .filter(|day| {
            day.checkins
                .iter()
                .any(|check_in| check_in.commitment == commitment.id)
        })
        .map(|day| day.date)
        .min()
}
