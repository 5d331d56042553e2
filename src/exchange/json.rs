//! The export as JSON, documented in `docs/export-json.md`. It is data rather than a
//! document: entries are listed by day whatever the grouping, and every key is always
//! present (`null` when it has no value), so a script never has to guess.
//!
//! The same file is an import format ([`super::import`]): the days, entries, ratings
//! and commitments with the days they were kept are everything the export is made
//! from, so exporting, importing into an empty journal and exporting again with the
//! same options gives the same file. (The count of private entries left out is not in
//! it for that reason too, besides being nobody else's business.)

use std::borrow::Cow;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::commitments::CommitmentReport;
use super::model::{Export, ExportEntry};
use crate::domain::commitment::{Cadence, Commitment, CommitmentState};
use crate::domain::{AnswerValue, Entry, Frame, review};

/// The value of the `format` key.
pub const FORMAT_NAME: &str = "truenorth-export";
/// The value of the `version` key this build writes and reads.
pub const FORMAT_VERSION: u32 = 1;

/// The whole file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Document<'a> {
    pub format: Cow<'a, str>,
    pub version: u32,
    pub title: Cow<'a, str>,
    pub author: Option<Cow<'a, str>>,
    pub generated: DateTime<FixedOffset>,
    pub range: Range,
    pub selection: Selection<'a>,
    /// `"replaced"` or `"included"`.
    pub names: Cow<'a, str>,
    /// How many entries `days` holds.
    pub entries: usize,
    pub days: Vec<JsonDay<'a>>,
    pub commitments: Vec<JsonCommitment<'a>>,
    pub trends: Vec<JsonWeek>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub(crate) struct Range {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// The filters the export was made with (empty lists: not narrowed).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Selection<'a> {
    pub tags: Vec<Cow<'a, str>>,
    pub frames: Vec<Cow<'a, str>>,
    pub packs: Vec<Cow<'a, str>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct JsonDay<'a> {
    pub date: NaiveDate,
    pub energy: Option<u8>,
    pub outlook: Option<u8>,
    pub entries: Vec<JsonEntry<'a>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct JsonEntry<'a> {
    pub id: Cow<'a, str>,
    pub created: DateTime<FixedOffset>,
    pub pack: Option<Cow<'a, str>>,
    pub prompt: Option<Cow<'a, str>>,
    pub question: Option<Cow<'a, str>>,
    pub frame: Option<Frame>,
    pub text: Cow<'a, str>,
    pub value: Option<AnswerValue>,
    pub tags: Vec<Cow<'a, str>>,
    /// For an answer saved from the weekly review, the first day of the week it looks
    /// back on. (Added after the first files were written: one without it reads as
    /// `null`.)
    pub review_week: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct JsonCommitment<'a> {
    pub id: Cow<'a, str>,
    pub title: Cow<'a, str>,
    pub why: Option<Cow<'a, str>>,
    pub dimension: Frame,
    pub cadence: Cadence,
    pub start: NaiveDate,
    pub end: Option<NaiveDate>,
    pub psel: Vec<u8>,
    pub state: CommitmentState,
    pub skips: Vec<NaiveDate>,
    pub pauses: Vec<JsonPause>,
    /// The days it was kept, with the check-ins that count for each.
    pub kept: Vec<KeptDay>,
    /// Worked out again on import, so a file written by hand may leave them out.
    #[serde(default)]
    pub figures: Figures,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub(crate) struct JsonPause {
    pub from: NaiveDate,
    pub until: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub(crate) struct KeptDay {
    pub date: NaiveDate,
    pub check_ins: u32,
}

/// What the export shows about a commitment; recomputed, not read, on import.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub(crate) struct Figures {
    /// `"days"` or `"weeks"`: what the other figures count.
    pub unit: String,
    pub kept: u32,
    pub missed: u32,
    pub kept_percent: Option<u32>,
    pub current_streak: u32,
    pub best_streak: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct JsonWeek {
    pub week: NaiveDate,
    pub reflection_days: u32,
    pub love: u32,
    pub care: u32,
    pub vulnerability: u32,
    pub energy: Option<f64>,
    pub outlook: Option<f64>,
}

pub(crate) fn render(export: &Export<'_>) -> String {
    let document = document(export);
    let mut text = serde_json::to_string_pretty(&document).expect("plain data serializes");
    text.push('\n');
    text
}

fn document<'e>(export: &'e Export<'_>) -> Document<'e> {
    let options = &export.options;
    Document {
        format: Cow::Borrowed(FORMAT_NAME),
        version: FORMAT_VERSION,
        title: Cow::Borrowed(&export.title),
        author: export.author.as_deref().map(Cow::Borrowed),
        generated: export.generated,
        range: Range {
            from: export.from,
            to: export.to,
        },
        selection: Selection {
            tags: options
                .tags
                .iter()
                .map(|tag| Cow::Borrowed(tag.trim().trim_start_matches('#')))
                .collect(),
            frames: options
                .frames
                .iter()
                .map(|frame| Cow::Borrowed(frame.id()))
                .collect(),
            packs: options
                .packs
                .iter()
                .map(|pack| Cow::Borrowed(pack.as_str()))
                .collect(),
        },
        names: Cow::Borrowed(if options.include_names {
            "included"
        } else {
            "replaced"
        }),
        entries: export.counts().entries,
        days: export
            .days
            .iter()
            .map(|day| JsonDay {
                date: day.date,
                energy: day.energy,
                outlook: day.outlook,
                entries: day
                    .entries
                    .iter()
                    .enumerate()
                    .map(|(place, shown)| entry(shown, place))
                    .collect(),
            })
            .collect(),
        commitments: export.commitments.iter().map(commitment).collect(),
        trends: export
            .trends
            .iter()
            .map(|week| JsonWeek {
                week: week.week,
                reflection_days: week.reflection_days,
                love: week.love,
                care: week.care,
                vulnerability: week.vulnerability,
                energy: week.energy.map(|tenths| tenths as f64 / 10.0),
                outlook: week.outlook.map(|tenths| tenths as f64 / 10.0),
            })
            .collect(),
    }
}

/// `place` is the entry's place among the day's exported entries: its id is made from
/// that and its time, not copied from the journal, where the number after the time
/// counts every entry of the day and so would hint at private ones left out. Made
/// this way, an imported file exports with the same ids again.
fn entry<'e>(shown: &'e ExportEntry<'_>, place: usize) -> JsonEntry<'e> {
    let entry = shown.entry;
    JsonEntry {
        id: Cow::Owned(Entry::id_for(entry.created, place)),
        created: entry.created,
        pack: entry.pack.as_deref().map(Cow::Borrowed),
        prompt: entry.prompt.as_deref().map(Cow::Borrowed),
        question: shown.question.as_deref().map(Cow::Borrowed),
        frame: entry.frame.clone(),
        text: Cow::Borrowed(&shown.text),
        value: entry.value,
        tags: shown
            .tags
            .iter()
            .map(|tag| Cow::Borrowed(tag.as_ref()))
            .collect(),
        review_week: review::review_week(entry),
    }
}

fn commitment(report: &CommitmentReport) -> JsonCommitment<'_> {
    let c: &Commitment = &report.commitment;
    JsonCommitment {
        id: Cow::Borrowed(&c.id),
        title: Cow::Borrowed(&c.title),
        why: (!c.why.is_empty()).then_some(Cow::Borrowed(c.why.as_str())),
        dimension: c.dimension.clone(),
        cadence: c.cadence,
        // The report always sets the start it counted from.
        start: c.start.unwrap_or_default(),
        end: c.end,
        psel: c.psel.clone(),
        state: c.state,
        skips: c.skips.clone(),
        pauses: c
            .pauses
            .iter()
            .map(|pause| JsonPause {
                from: pause.from,
                until: pause.until,
            })
            .collect(),
        kept: report
            .kept
            .iter()
            .map(|&(date, check_ins)| KeptDay { date, check_ins })
            .collect(),
        figures: Figures {
            unit: report.unit.plural().to_string(),
            kept: report.rate.kept,
            missed: report.rate.missed,
            kept_percent: report.rate.percent(),
            current_streak: report.current_streak,
            best_streak: report.best_streak,
        },
    }
}
