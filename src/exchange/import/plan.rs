//! What an import would change, worked out before anything is written: the dry run
//! shows it, and `--apply` writes exactly it.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::BuildHasher;

use chrono::{DateTime, Datelike, NaiveDate, Utc};

use super::{BadRecord, ImportFormat, Incoming, Parsed, Position};
use crate::domain::commitment::Commitment;
use crate::domain::{Day, Entry, Rating};

/// What changes in one day.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DayPlan {
    pub entries: Vec<Incoming>,
    /// Ratings to set where the day has none.
    pub energy: Option<Rating>,
    pub outlook: Option<Rating>,
    /// Check-ins to bring up to a count, per commitment.
    pub check_ins: Vec<PlannedCheckIns>,
}

/// A commitment's check-ins on one day: the file says `total` count for the day, and
/// `adding` of them are not in the journal yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedCheckIns {
    pub commitment: String,
    pub total: u32,
    pub adding: u32,
}

impl DayPlan {
    fn is_empty(&self) -> bool {
        self.entries.is_empty()
            && self.energy.is_none()
            && self.outlook.is_none()
            && self.check_ins.is_empty()
    }
}

/// An entry left out because the journal (or the file, earlier) already holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate {
    pub position: Position,
    pub day: NaiveDate,
    pub title: String,
}

/// Everything an import would do.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportPlan {
    pub format: ImportFormat,
    /// Per day, oldest first.
    pub days: BTreeMap<NaiveDate, DayPlan>,
    pub duplicates: Vec<Duplicate>,
    pub bad: Vec<BadRecord>,
    /// Records read with a guess (see [`super::Parsed::notes`]); they are imported.
    pub notes: Vec<BadRecord>,
    /// Commitments not in the journal yet.
    pub commitments: Vec<Commitment>,
}

impl ImportPlan {
    /// Entries that would be written.
    pub fn entry_count(&self) -> usize {
        self.days.values().map(|day| day.entries.len()).sum()
    }

    /// Entries per calendar year, oldest year first.
    pub fn per_year(&self) -> BTreeMap<i32, usize> {
        let mut years = BTreeMap::new();
        for (date, day) in &self.days {
            if !day.entries.is_empty() {
                *years.entry(date.year()).or_default() += day.entries.len();
            }
        }
        years
    }

    /// Entries in the order they would appear in the journal, oldest first.
    pub fn entries(&self) -> impl Iterator<Item = &Incoming> {
        self.days.values().flat_map(|day| &day.entries)
    }

    /// Days whose ratings would be set.
    pub fn rated_days(&self) -> usize {
        self.days
            .values()
            .filter(|day| day.energy.is_some() || day.outlook.is_some())
            .count()
    }

    /// Check-ins that would be added.
    pub fn check_in_count(&self) -> u32 {
        self.days
            .values()
            .flat_map(|day| &day.check_ins)
            .map(|planned| planned.adding)
            .sum()
    }

    /// Whether applying it would change nothing.
    pub fn is_empty(&self) -> bool {
        self.days.is_empty() && self.commitments.is_empty()
    }
}

/// The first line of an entry, shortened, to name it in a list.
pub fn title_of(entry: &Entry) -> String {
    const MOST: usize = 60;
    let line = entry.text.lines().find(|line| !line.trim().is_empty());
    let line = line.unwrap_or_default().trim();
    if line.chars().count() <= MOST {
        return line.to_string();
    }
    let cut: String = line.chars().take(MOST - 1).collect();
    format!("{}…", cut.trim_end())
}

/// What makes two entries the same for import: the moment they were created and their
/// text (hashed, so ten years of text is not copied into a set).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) struct Fingerprint {
    created: DateTime<Utc>,
    text: u64,
}

impl Fingerprint {
    pub(super) fn of(entry: &Entry) -> Fingerprint {
        // A fixed seed: fingerprints are only compared within one run, but a fixed
        // one keeps runs reproducible.
        let state = foldhash::fast::FixedState::with_seed(0x7472_7565_6e6f_7274);
        Fingerprint {
            created: entry.created.to_utc(),
            text: state.hash_one(entry.text.trim()),
        }
    }
}

/// Sets what was parsed against the journal as it is (`days`, `commitments`).
pub fn plan(
    format: ImportFormat,
    parsed: Parsed,
    days: &[Day],
    commitments: &[Commitment],
) -> ImportPlan {
    let mut seen: HashSet<Fingerprint> = days
        .iter()
        .flat_map(|day| &day.entries)
        .map(Fingerprint::of)
        .collect();
    let existing: HashMap<NaiveDate, &Day> = days.iter().map(|day| (day.date, day)).collect();
    let mut plan = ImportPlan {
        format,
        days: BTreeMap::new(),
        duplicates: Vec::new(),
        bad: parsed.bad,
        notes: parsed.notes,
        commitments: Vec::new(),
    };
    for incoming in parsed.entries {
        if !seen.insert(Fingerprint::of(&incoming.entry)) {
            plan.duplicates.push(Duplicate {
                position: incoming.position.clone(),
                day: incoming.day,
                title: title_of(&incoming.entry),
            });
            continue;
        }
        plan.days
            .entry(incoming.day)
            .or_default()
            .entries
            .push(incoming);
    }
    for day in plan.days.values_mut() {
        day.entries.sort_by_key(|incoming| incoming.entry.created);
    }
    for (date, ratings) in parsed.ratings {
        let old = existing.get(&date).map(|day| &day.ratings);
        let energy = ratings
            .energy
            .filter(|_| old.is_none_or(|old| old.energy.is_none()));
        let outlook = ratings
            .outlook
            .filter(|_| old.is_none_or(|old| old.outlook.is_none()));
        if energy.is_some() || outlook.is_some() {
            let day = plan.days.entry(date).or_default();
            day.energy = day.energy.or(energy);
            day.outlook = day.outlook.or(outlook);
        }
    }
    let known: HashSet<&str> = commitments.iter().map(|c| c.id.as_str()).collect();
    let mut added: Vec<Commitment> = Vec::new();
    for incoming in parsed.commitments {
        let id = incoming.commitment.id.clone();
        for (date, count) in incoming.kept {
            let already = existing.get(&date).map_or(0, |day| {
                day.checkins.iter().filter(|c| c.commitment == id).count()
            });
            let missing = count.saturating_sub(u32::try_from(already).unwrap_or(u32::MAX));
            if missing > 0 {
                plan.days
                    .entry(date)
                    .or_default()
                    .check_ins
                    .push(PlannedCheckIns {
                        commitment: id.clone(),
                        total: count,
                        adding: missing,
                    });
            }
        }
        if !known.contains(id.as_str()) && !added.iter().any(|c| c.id == id) {
            added.push(incoming.commitment);
        }
    }
    plan.commitments = added;
    plan.days.retain(|_, day| !day.is_empty());
    plan
}

#[cfg(test)]
mod tests {
    use super::*;

    fn incoming(line: usize, stamp: &str, text: &str) -> Incoming {
        let created = DateTime::parse_from_rfc3339(stamp).unwrap();
        Incoming {
            position: Position::Line(line),
            day: created.date_naive(),
            entry: Entry::new(created, 0, text.to_string()),
        }
    }

    #[test]
    fn the_same_moment_and_text_is_a_duplicate_in_the_journal_or_the_file() {
        let old = incoming(0, "2026-11-24T07:00:00-05:00", "Already here");
        let mut day = Day::new(old.day);
        day.entries.push(old.entry.clone());
        let parsed = Parsed {
            entries: vec![
                // Same instant written with another offset, text with a trailing space.
                incoming(1, "2026-11-24T12:00:00+00:00", "Already here "),
                incoming(2, "2026-11-24T08:00:00-05:00", "New"),
                incoming(3, "2026-11-24T08:00:00-05:00", "New"),
                incoming(4, "2026-11-24T08:00:00-05:00", "New, but other words"),
                incoming(5, "2025-01-02T08:00:00-05:00", "Last year"),
            ],
            ..Parsed::default()
        };
        let plan = plan(ImportFormat::Jrnl, parsed, &[day], &[]);
        let duplicates: Vec<&Position> = plan.duplicates.iter().map(|d| &d.position).collect();
        assert_eq!(duplicates, [&Position::Line(1), &Position::Line(3)]);
        assert_eq!(plan.entry_count(), 3);
        assert_eq!(
            plan.per_year().into_iter().collect::<Vec<_>>(),
            [(2025, 1), (2026, 2)]
        );
        let first: Vec<String> = plan.entries().map(|i| title_of(&i.entry)).collect();
        assert_eq!(first, ["Last year", "New", "New, but other words"]);
    }

    #[test]
    fn long_titles_are_shortened() {
        let created = DateTime::parse_from_rfc3339("2026-11-24T07:00:00Z").unwrap();
        let entry = Entry::new(created, 0, format!("\n{}\nbody", "word ".repeat(30)));
        let title = title_of(&entry);
        assert!(title.ends_with('…'), "{title}");
        assert!(title.chars().count() <= 60);
    }
}
