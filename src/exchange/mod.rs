//! Export for the mentor meeting, and import from other journals.
//!
//! **Export** turns a chosen slice of the journal into a document: Markdown, one
//! self-contained HTML file, JSON or plain text. It is built in two steps so a screen
//! can show a live preview:
//!
//! ```
//! use truenorth::exchange::{self, ExportContext, ExportFormat, ExportOptions, Sources};
//! # let now = chrono::DateTime::parse_from_rfc3339("2026-11-24T18:00:00-05:00").unwrap();
//! let context = ExportContext { now, today: now.date_naive(), week_start: chrono::Weekday::Mon };
//! let options = ExportOptions { include_names: false, ..ExportOptions::default() };
//! let export = exchange::prepare(Sources::default(), &options, &context);
//! let counts = export.counts(); // entries in, private ones left out
//! let markdown: String = export.render(ExportFormat::Markdown);
//! # assert_eq!(counts.entries, 0);
//! # assert!(markdown.starts_with("# "));
//! ```
//!
//! Privacy rules hold whatever the options say: private entries never go in, and the
//! names of people on the roster are replaced by stable pseudonyms ("Student A") unless
//! `include_names` is set. The document does not even say how many private entries
//! were left out: that count is for the leader ([`Export::counts`]), not the reader.
//!
//! **Import** ([`import`]) reads jrnl's plain-text journals, Day One's JSON export and
//! this module's own JSON, plans what would change (a dry run), and applies the plan
//! through [`crate::store::Journal::update_day`].
//!
//! Nothing here reads the clock: the time of the export is passed in.

pub mod check;
mod commitments;
mod html;
pub mod import;
mod json;
mod markdown;
mod model;
pub mod psel;
pub mod pseudonym;
mod select;
mod svg;
mod text;
mod trends;

use std::path::Path;
use std::str::FromStr;

use chrono::{DateTime, FixedOffset, NaiveDate, Weekday};

use crate::builtin;
use crate::domain::commitment::Commitment;
use crate::domain::person::Person;
use crate::domain::{Day, Frame, Pack};
use crate::store::{CommitmentStore, Journal, PackStore, PeopleStore, StoreError, journal_cache};

pub use crate::store::config::ExportFormat;
pub use json::{FORMAT_NAME as JSON_FORMAT_NAME, FORMAT_VERSION as JSON_FORMAT_VERSION};
pub use model::Export;
pub use select::{Counts, count};

/// What goes into an export. The default is everything that is not private, grouped
/// by date, with names replaced.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// The first day (inclusive); without it, the journal's first day.
    pub from: Option<NaiveDate>,
    /// The last day (inclusive); without it, today.
    pub to: Option<NaiveDate>,
    /// Only entries with any of these tags (`#tags` in the text or explicit ones).
    pub tags: Vec<String>,
    /// Only entries answering prompts of any of these frames; also narrows the
    /// commitments to those serving these frames.
    pub frames: Vec<Frame>,
    /// Only answers to prompts of any of these packs.
    pub packs: Vec<String>,
    pub group_by: GroupBy,
    /// Keep the names of people on the roster instead of pseudonyms.
    pub include_names: bool,
    /// The document's title (a default one otherwise).
    pub title: Option<String>,
    /// Who the reflections are by, for the title page.
    pub author: Option<String>,
}

/// How the entries of a Markdown, HTML or text export are grouped. (JSON is data: its
/// entries are always listed by day.)
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum GroupBy {
    #[default]
    Date,
    /// By the frame of the prompt answered (love, care, ..., then "No frame").
    Frame,
    /// By the PSEL 2015 standards of the prompt answered, for evaluation
    /// conversations; an entry serving two standards appears under both.
    Psel,
}

impl GroupBy {
    pub const ALL: [GroupBy; 3] = [GroupBy::Date, GroupBy::Frame, GroupBy::Psel];

    pub fn name(self) -> &'static str {
        match self {
            GroupBy::Date => "date",
            GroupBy::Frame => "frame",
            GroupBy::Psel => "psel",
        }
    }
}

impl FromStr for GroupBy {
    type Err = String;

    fn from_str(value: &str) -> Result<Self, Self::Err> {
        let value = value.trim().to_ascii_lowercase();
        GroupBy::ALL
            .into_iter()
            .find(|by| by.name() == value)
            .ok_or_else(|| format!("`{value}` is not one of date, frame or psel"))
    }
}

/// Why a range holds no day at all, so there is nothing to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmptyRange {
    /// The first day is after the last.
    Backwards { from: NaiveDate, to: NaiveDate },
    /// The first day is after today and no last day was given: an open range ends
    /// today, so it would end before it begins.
    StartsAfterToday { from: NaiveDate, today: NaiveDate },
}

/// Whether the range `from` to `to` (each open when `None`; an open end is `today`)
/// holds a day: the one rule `export` and the Export screen refuse a range by, each
/// saying it in its own words. An export is never made of a range that ends before
/// it begins (it would quietly cover some other day instead).
pub fn check_range(
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<(), EmptyRange> {
    match (from, to) {
        (Some(from), Some(to)) if from > to => Err(EmptyRange::Backwards { from, to }),
        (Some(from), None) if from > today => Err(EmptyRange::StartsAfterToday { from, today }),
        _ => Ok(()),
    }
}

/// When the export is made, and the settings that shape its weeks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportContext {
    /// Printed on the title page as the time it was generated.
    pub now: DateTime<FixedOffset>,
    /// The journal day `now` belongs to: the default end of the range, and the day
    /// streaks are counted up to when the range runs on to the present.
    pub today: NaiveDate,
    /// The first day of a week, for weekly trends and weekly commitments.
    pub week_start: Weekday,
}

/// Everything an export reads, borrowed: the screens already hold it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Sources<'a> {
    /// The journal's days, in any order.
    pub days: &'a [Day],
    pub commitments: &'a [Commitment],
    /// The roster whose names are replaced by pseudonyms.
    pub people: &'a [Person],
    /// Built-in and installed packs: where `--by psel` finds each prompt's standards.
    pub packs: &'a [Pack],
}

/// [`Sources`] read from a journal folder, for the command line.
#[derive(Debug, Default)]
pub struct LoadedSources {
    pub days: Vec<Day>,
    pub commitments: Vec<Commitment>,
    pub people: Vec<Person>,
    pub packs: Vec<Pack>,
    /// Files that could not be read; everything else was loaded. An unreadable roster
    /// is listed here too, and then the export must not go ahead with names in it:
    /// see [`LoadedSources::roster_unreadable`].
    pub problems: Vec<String>,
    roster_unreadable: bool,
}

impl LoadedSources {
    /// Loads the journal through its cache, the commitments, the roster and the packs
    /// (built-in and installed) of the journal rooted at `root`.
    pub fn load(root: &Path) -> Result<LoadedSources, StoreError> {
        let journal = Journal::open(root)?;
        let scan = journal_cache::load(&journal);
        let mut loaded = LoadedSources {
            days: scan.days,
            problems: scan.problems.iter().map(ToString::to_string).collect(),
            ..LoadedSources::default()
        };
        match CommitmentStore::open(root).load() {
            Ok(commitments) => loaded.commitments = commitments,
            Err(error) => loaded.problems.push(error.to_string()),
        }
        match PeopleStore::open(root).load() {
            Ok(people) => loaded.people = people,
            Err(error) => {
                loaded.problems.push(error.to_string());
                loaded.roster_unreadable = true;
            }
        }
        let installed = PackStore::open(root).load();
        loaded.packs = builtin::packs_lenient();
        loaded
            .packs
            .extend(installed.packs.into_iter().map(|(pack, _)| pack));
        Ok(loaded)
    }

    /// True when `people.toml` exists but cannot be read: names could not be replaced,
    /// so an export without `include_names` must stop rather than leak them.
    pub fn roster_unreadable(&self) -> bool {
        self.roster_unreadable
    }

    pub fn sources(&self) -> Sources<'_> {
        Sources {
            days: &self.days,
            commitments: &self.commitments,
            people: &self.people,
            packs: &self.packs,
        }
    }
}

/// The folder `path` would be written into, when it is not an existing folder. An
/// export goes only into a folder that is there: a mistyped path must not quietly
/// make folders (nor leave the document where nobody will look for it).
pub fn missing_folder(path: &Path) -> Option<&Path> {
    let folder = path
        .parent()
        .filter(|parent| !parent.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    (!folder.is_dir()).then_some(folder)
}

/// The format a file's name asks for, by its extension: the one rule `export -o` and
/// the Export screen share. `Ok(None)` when the name has no extension; an error
/// naming the extension when it is not one of md, html, json or txt (`.htm`,
/// `.markdown` and `.text` are read too), so a `.docx` is never quietly Markdown.
pub fn format_of_file(file: &Path) -> Result<Option<ExportFormat>, String> {
    let Some(extension) = file.extension() else {
        return Ok(None);
    };
    let extension = extension.to_string_lossy();
    match extension.to_ascii_lowercase().as_str() {
        "htm" => Ok(Some(ExportFormat::Html)),
        other => ExportFormat::from_name(other).map(Some).ok_or_else(|| {
            format!(
                "`.{extension}` is not an export format: the formats are md, html, json \
                 and txt"
            )
        }),
    }
}

/// Chooses what goes in and builds the document, ready to [`Export::render`] in any
/// format. Private entries are never chosen.
pub fn prepare<'a>(
    sources: Sources<'a>,
    options: &ExportOptions,
    context: &ExportContext,
) -> Export<'a> {
    model::build(sources, options, context)
}
