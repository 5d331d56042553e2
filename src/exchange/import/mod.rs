//! Import from other journals: jrnl's plain-text format, Day One's JSON export, and
//! truenorth's own JSON export.
//!
//! It runs in three steps, so a dry run shows exactly what `--apply` would do:
//! 1. [`parse`] reads the file into entries, each with its position in the file (line
//!    or JSON path). A record that cannot be read becomes a [`BadRecord`] naming its
//!    position; the others still import.
//! 2. [`plan`] sets the parsed entries against the journal: an entry with the same
//!    creation time and text as one already there (or earlier in the file) is a
//!    duplicate and is skipped, so importing a file twice changes nothing.
//! 3. [`apply`] writes the plan day by day through [`Journal::update_day`], the one
//!    write path, re-checking duplicates against each day as it is written.
//!
//! Entries from jrnl and Day One keep their text (title line included) and their tags
//! as explicit tags ("starred" for a starred entry); they answer no prompt, so they
//! have no frame. They go on the calendar day their source gave them.

mod apply;
mod dayone;
mod fields;
mod jrnl;
mod ours;
mod plan;

use std::fmt;
use std::str::FromStr;

use chrono::{FixedOffset, NaiveDate, NaiveDateTime, Offset, TimeZone};

use crate::domain::commitment::Commitment;
use crate::domain::trends::effective_date;
use crate::domain::{Entry, Ratings};

pub use apply::{ApplyReport, apply};
pub use plan::{DayPlan, Duplicate, ImportPlan, PlannedCheckIns, plan, title_of};

/// The file formats `truenorth import --from` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportFormat {
    /// jrnl's plain-text journal: `[YYYY-MM-DD HH:MM] Title` lines start entries.
    Jrnl,
    /// truenorth's own JSON export (`docs/export-json.md`).
    Json,
    /// Day One's JSON export: `{"metadata": ..., "entries": [...]}`.
    DayOne,
}

impl ImportFormat {
    pub const ALL: [ImportFormat; 3] =
        [ImportFormat::Jrnl, ImportFormat::Json, ImportFormat::DayOne];

    pub fn name(self) -> &'static str {
        match self {
            ImportFormat::Jrnl => "jrnl",
            ImportFormat::Json => "json",
            ImportFormat::DayOne => "dayone",
        }
    }
}

impl FromStr for ImportFormat {
    type Err = String;

    fn from_str(value: &str) -> Result<Self, Self::Err> {
        match value.trim().to_ascii_lowercase().as_str() {
            "jrnl" => Ok(ImportFormat::Jrnl),
            "json" | "truenorth" => Ok(ImportFormat::Json),
            "dayone" | "day-one" | "day1" => Ok(ImportFormat::DayOne),
            other => Err(format!("`{other}` is not one of jrnl, json or dayone")),
        }
    }
}

impl fmt::Display for ImportFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Where a record is in the file it came from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Position {
    /// A line, counted from 1 (jrnl).
    Line(usize),
    /// A path into a JSON document, indexes counted from 0 as in the file
    /// (`entries[3]`, `days[2].entries[0]`).
    Path(String),
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Position::Line(line) => write!(f, "line {line}"),
            Position::Path(path) => f.write_str(path),
        }
    }
}

/// A record that could not be read, and why. The rest of the file still imports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRecord {
    pub position: Position,
    pub problem: String,
}

impl fmt::Display for BadRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.position, self.problem)
    }
}

/// An entry read from the file, for the day it belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct Incoming {
    pub position: Position,
    pub day: NaiveDate,
    /// Its id is a suggestion: a free one is chosen when it is taken in its day.
    pub entry: Entry,
}

/// A commitment from a truenorth export, with the days it was kept.
#[derive(Debug, Clone, PartialEq)]
pub struct IncomingCommitment {
    pub position: Position,
    pub commitment: Commitment,
    /// Days and the check-ins that count for each.
    pub kept: Vec<(NaiveDate, u32)>,
}

/// Everything read from a file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Parsed {
    /// In file order.
    pub entries: Vec<Incoming>,
    pub bad: Vec<BadRecord>,
    /// Records that were read, but with a guess the leader should know about (a
    /// Day One time zone that is not one), at their positions.
    pub notes: Vec<BadRecord>,
    /// Day ratings (truenorth exports only).
    pub ratings: Vec<(NaiveDate, Ratings)>,
    /// Commitments (truenorth exports only).
    pub commitments: Vec<IncomingCommitment>,
}

/// A file that cannot be imported at all (as opposed to a bad record in it).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ImportError(pub String);

/// The time zone that local times without an offset (jrnl) and entries without a
/// zone (old Day One exports) are read in. Passed in, so tests fix it and the command
/// line uses the computer's own.
pub trait Zone {
    /// The offset in force at a local date and time.
    fn offset_for_local(&self, local: NaiveDateTime) -> FixedOffset;
    /// The offset in force at a moment given in UTC.
    fn offset_for_utc(&self, utc: NaiveDateTime) -> FixedOffset;
}

impl Zone for FixedOffset {
    fn offset_for_local(&self, _local: NaiveDateTime) -> FixedOffset {
        *self
    }

    fn offset_for_utc(&self, _utc: NaiveDateTime) -> FixedOffset {
        *self
    }
}

/// The computer's own time zone, daylight saving time included.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemZone;

impl Zone for SystemZone {
    fn offset_for_local(&self, local: NaiveDateTime) -> FixedOffset {
        // A time in the hour skipped by a change to summer time does not exist; it
        // was most likely written with the offset of the hour before.
        match chrono::Local.from_local_datetime(&local).earliest() {
            Some(time) => time.offset().fix(),
            None => chrono::Local.offset_from_utc_datetime(&local).fix(),
        }
    }

    fn offset_for_utc(&self, utc: NaiveDateTime) -> FixedOffset {
        chrono::Local.offset_from_utc_datetime(&utc).fix()
    }
}

/// Reads `text` as `format`. Only a file that is not of that format at all is an
/// error; records that cannot be read are in [`Parsed::bad`].
///
/// Each entry is filed under the journal day the app would have filed it under:
/// one written before `day_rollover_hour` (local time) belongs to the day before, as
/// `truenorth add` and the trends count it. Our own JSON keeps each entry in the day
/// it was exported from, since that day already followed the rule.
pub fn parse(
    format: ImportFormat,
    text: &str,
    zone: &dyn Zone,
    day_rollover_hour: u8,
) -> Result<Parsed, ImportError> {
    let mut parsed = match format {
        ImportFormat::Jrnl => jrnl::parse(text, zone),
        ImportFormat::Json => return ours::parse(text),
        ImportFormat::DayOne => dayone::parse(text, zone)?,
    };
    for incoming in &mut parsed.entries {
        incoming.day = effective_date(incoming.entry.created, day_rollover_hour);
    }
    Ok(parsed)
}

/// A tag as the journal keeps it: lower case, no `#` or `@`, spaces as `-`.
fn tag_from(raw: &str) -> Option<String> {
    let tag = raw
        .trim()
        .trim_start_matches(['#', '@'])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("-")
        .to_lowercase();
    (!tag.is_empty()).then_some(tag)
}

/// Adds `tag` unless it is there already.
fn push_tag(tags: &mut Vec<String>, tag: String) {
    if !tags.contains(&tag) {
        tags.push(tag);
    }
}

/// The tag starred entries of jrnl and Day One get.
pub const STARRED_TAG: &str = "starred";
