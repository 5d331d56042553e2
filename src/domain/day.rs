//! A day of the journal: its ratings and its entries.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Entry;
use super::commitment::CheckIn;
use super::person::Connection;

/// The day-file format version this build writes.
pub const DAY_FORMAT_VERSION: u32 = 1;

/// A self-rating from 1 (low) to 5 (high).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "i64", into = "u8")]
pub struct Rating(u8);

impl Rating {
    pub const MIN: u8 = 1;
    pub const MAX: u8 = 5;
    pub const LOWEST: Rating = Rating(Self::MIN);

    pub fn new(value: u8) -> Option<Rating> {
        (Self::MIN..=Self::MAX)
            .contains(&value)
            .then_some(Rating(value))
    }

    pub fn value(self) -> u8 {
        self.0
    }

    /// One step up, saturating at the top of the scale.
    pub fn up(self) -> Rating {
        Rating(self.0.saturating_add(1).min(Self::MAX))
    }

    /// One step down, saturating at the bottom of the scale.
    pub fn down(self) -> Rating {
        Rating(self.0.saturating_sub(1).max(Self::MIN))
    }
}

impl TryFrom<i64> for Rating {
    type Error = String;

    fn try_from(value: i64) -> Result<Self, Self::Error> {
        u8::try_from(value)
            .ok()
            .and_then(Rating::new)
            .ok_or_else(|| format!("a rating must be a whole number from 1 to 5, not {value}"))
    }
}

impl From<Rating> for u8 {
    fn from(rating: Rating) -> Self {
        rating.0
    }
}

impl fmt::Display for Rating {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// How the leader felt that day.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Ratings {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub energy: Option<Rating>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlook: Option<Rating>,
    #[serde(flatten)]
    pub extra: toml::Table,
}

impl Ratings {
    pub fn is_empty(&self) -> bool {
        self.energy.is_none() && self.outlook.is_none() && self.extra.is_empty()
    }
}

/// One file of the journal: `journal/YYYY/YYYY-MM-DD.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Day {
    pub version: u32,
    pub date: NaiveDate,
    #[serde(default, skip_serializing_if = "Ratings::is_empty")]
    pub ratings: Ratings,
    #[serde(default, rename = "entry", skip_serializing_if = "Vec::is_empty")]
    pub entries: Vec<Entry>,
    /// Commitments checked off for this day (possibly recorded later, back-filled).
    #[serde(default, rename = "checkin", skip_serializing_if = "Vec::is_empty")]
    pub checkins: Vec<CheckIn>,
    /// Connection notes about people on the roster, logged this day.
    #[serde(default, rename = "connection", skip_serializing_if = "Vec::is_empty")]
    pub connections: Vec<Connection>,
    #[serde(flatten)]
    pub extra: toml::Table,
}

impl Day {
    /// Renames a tag in every entry of the day; says how many entries changed.
    pub fn rename_tag(&mut self, old: &str, new: &str) -> usize {
        self.entries
            .iter_mut()
            .map(|entry| entry.rename_tag(old, new))
            .filter(|changed| *changed)
            .count()
    }

    pub fn new(date: NaiveDate) -> Day {
        Day {
            version: DAY_FORMAT_VERSION,
            date,
            ratings: Ratings::default(),
            entries: Vec::new(),
            checkins: Vec::new(),
            connections: Vec::new(),
            extra: toml::Table::new(),
        }
    }

    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|entry| entry.id == id)
    }

    /// Replaces the entry with the same id, or appends it.
    pub fn upsert(&mut self, entry: Entry) {
        match self.entries.iter_mut().find(|old| old.id == entry.id) {
            Some(old) => *old = entry,
            None => self.entries.push(entry),
        }
    }

    /// The most recent answer from the given pack, if the day holds one.
    pub fn latest_from_pack(&self, pack: &str) -> Option<&Entry> {
        self.entries
            .iter()
            .filter(|entry| entry.pack.as_deref() == Some(pack))
            .max_by_key(|entry| entry.created)
    }

    /// A fresh id for an entry created at `created`, unique within this day.
    pub fn next_entry_id(&self, created: chrono::DateTime<chrono::FixedOffset>) -> String {
        (self.entries.len()..)
            .map(|sequence| Entry::new(created, sequence, String::new()).id)
            .find(|id| self.entry(id).is_none())
            .expect("an unbounded range always yields a free id")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratings_stay_on_the_scale() {
        assert!(Rating::new(0).is_none());
        assert!(Rating::new(6).is_none());
        let three = Rating::new(3).unwrap();
        assert_eq!(three.up().value(), 4);
        assert_eq!(Rating::new(5).unwrap().up().value(), 5);
        assert_eq!(Rating::new(1).unwrap().down().value(), 1);
        assert!(Rating::try_from(-1).is_err());
        assert!(Rating::try_from(300).is_err());
    }

    #[test]
    fn upsert_replaces_by_id_and_ids_stay_unique() {
        let created = chrono::DateTime::parse_from_rfc3339("2026-11-25T07:30:00+01:00").unwrap();
        let mut day = Day::new(created.date_naive());
        let first = Entry::new(created, 0, "first".into());
        day.upsert(first.clone());
        let id = day.next_entry_id(created);
        assert_ne!(id, first.id);
        let mut edited = first.clone();
        edited.text = "edited".into();
        day.upsert(edited);
        assert_eq!(day.entries.len(), 1);
        assert_eq!(day.entry(&first.id).unwrap().text, "edited");
    }
}
