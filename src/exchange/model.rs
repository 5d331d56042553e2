//! The export as a document, before it has a format: the title page, the chosen days
//! and entries (names already replaced), the commitments and the weekly trends. Each
//! format module only lays this out.

use std::borrow::Cow;
use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::commitments::{self, CommitmentReport};
use super::psel::{self, PromptStandards};
use super::pseudonym::Pseudonyms;
use super::select::{self, Counts};
use super::trends::{self, WeekTrend};
use super::{ExportContext, ExportFormat, ExportOptions, GroupBy, Sources};
use crate::domain::{Entry, Frame};

/// The title when none is given.
pub(crate) const DEFAULT_TITLE: &str = "Leadership reflections";

/// A prepared export: render it in any format, as often as needed.
#[derive(Debug, Clone)]
pub struct Export<'a> {
    pub(crate) title: String,
    pub(crate) author: Option<String>,
    pub(crate) from: NaiveDate,
    pub(crate) to: NaiveDate,
    pub(crate) generated: DateTime<FixedOffset>,
    pub(crate) options: ExportOptions,
    pub(crate) days: Vec<ExportDay<'a>>,
    pub(crate) commitments: Vec<CommitmentReport>,
    pub(crate) trends: Vec<WeekTrend>,
    counts: Counts,
}

/// A day of the export: its ratings and its entries, oldest first (possibly none, when
/// only its ratings are here for the trends).
#[derive(Debug, Clone)]
pub(crate) struct ExportDay<'a> {
    pub date: NaiveDate,
    pub energy: Option<u8>,
    pub outlook: Option<u8>,
    pub entries: Vec<ExportEntry<'a>>,
}

/// An entry as it goes out: the stored entry, with its words pseudonymized.
#[derive(Debug, Clone)]
pub(crate) struct ExportEntry<'a> {
    pub entry: &'a Entry,
    pub text: Cow<'a, str>,
    pub question: Option<Cow<'a, str>>,
    /// Explicit tags; `#tags` written in the text stay in the text.
    pub tags: Vec<Cow<'a, str>>,
    /// The PSEL standards of its prompt, filled in when grouping by standard.
    pub psel: Vec<u8>,
}

/// A heading and the entries under it, each with its day.
pub(crate) struct Section<'e, 'a> {
    pub heading: String,
    pub entries: Vec<(NaiveDate, &'e ExportEntry<'a>)>,
}

pub(crate) fn build<'a>(
    sources: Sources<'a>,
    options: &ExportOptions,
    context: &ExportContext,
) -> Export<'a> {
    let selection = select::select(sources.days, options, context.today);
    let names = if options.include_names {
        Pseudonyms::default()
    } else {
        Pseudonyms::from_roster(sources.people)
    };
    let standards = match options.group_by {
        GroupBy::Psel => PromptStandards::new(sources.packs),
        GroupBy::Date | GroupBy::Frame => PromptStandards::default(),
    };
    let trends = trends::weekly(&selection, context.week_start);
    let range = commitments::Range {
        from: selection.from,
        until: selection.to.min(context.today),
        today: context.today,
        week_start: context.week_start,
    };
    let commitments = commitments::reports(
        sources.commitments,
        sources.days,
        sources.people,
        options,
        &range,
        &names,
    );
    let days = selection
        .days
        .iter()
        .map(|chosen| ExportDay {
            date: chosen.date(),
            energy: chosen.day.ratings.energy.map(|rating| rating.value()),
            outlook: chosen.day.ratings.outlook.map(|rating| rating.value()),
            entries: chosen
                .entries
                .iter()
                .map(|entry| ExportEntry {
                    entry,
                    text: names.apply(&entry.text),
                    question: entry.question.as_deref().map(|q| names.apply(q)),
                    tags: entry.tags.iter().map(|tag| names.apply_tag(tag)).collect(),
                    psel: standards.of(entry).to_vec(),
                })
                .collect(),
        })
        .collect();
    Export {
        // A title such as "Notes on Maya" follows the same rule as the entries.
        title: names
            .apply(
                options
                    .title
                    .as_deref()
                    .map(str::trim)
                    .filter(|title| !title.is_empty())
                    .unwrap_or(DEFAULT_TITLE),
            )
            .into_owned(),
        author: options
            .author
            .as_deref()
            .map(str::trim)
            .filter(|author| !author.is_empty())
            .map(str::to_string),
        from: selection.from,
        to: selection.to,
        generated: context.now,
        options: ExportOptions {
            // A tag asked for by a person's name is told in the document by pseudonym.
            tags: options
                .tags
                .iter()
                .map(|tag| {
                    names
                        .apply_tag(tag.trim().trim_start_matches('#'))
                        .into_owned()
                })
                .collect(),
            ..options.clone()
        },
        days,
        commitments,
        trends,
        counts: selection.counts,
    }
}

impl<'a> Export<'a> {
    /// Entries in, and private entries left out.
    pub fn counts(&self) -> Counts {
        self.counts
    }

    /// The first and last day the export covers.
    pub fn range(&self) -> (NaiveDate, NaiveDate) {
        (self.from, self.to)
    }

    /// The document in `format`.
    pub fn render(&self, format: ExportFormat) -> String {
        match format {
            ExportFormat::Markdown => super::markdown::render(self),
            ExportFormat::Html => super::html::render(self),
            ExportFormat::Json => super::json::render(self),
            ExportFormat::Text => super::text::render(self),
        }
    }

    /// The entries grouped as the options ask: by day, by frame (built-in frames in
    /// their usual order, a pack's own after them, then entries with no frame), or
    /// by PSEL standard (then entries linked to none).
    pub(crate) fn sections(&self) -> Vec<Section<'_, 'a>> {
        let all = self
            .days
            .iter()
            .flat_map(|day| day.entries.iter().map(move |entry| (day.date, entry)));
        match self.options.group_by {
            GroupBy::Date => self
                .days
                .iter()
                .filter(|day| !day.entries.is_empty())
                .map(|day| Section {
                    heading: long_date(day.date),
                    entries: day.entries.iter().map(|entry| (day.date, entry)).collect(),
                })
                .collect(),
            GroupBy::Frame => {
                let mut groups: BTreeMap<(usize, String), Section<'_, 'a>> = BTreeMap::new();
                for (date, entry) in all {
                    let key = match &entry.entry.frame {
                        Some(frame) => (frame_rank(frame), frame.label()),
                        None => (usize::MAX, "No frame".to_string()),
                    };
                    groups
                        .entry(key.clone())
                        .or_insert_with(|| Section {
                            heading: key.1,
                            entries: Vec::new(),
                        })
                        .entries
                        .push((date, entry));
                }
                groups.into_values().collect()
            }
            GroupBy::Psel => {
                let mut groups: BTreeMap<u8, Section<'_, 'a>> = BTreeMap::new();
                for (date, entry) in all {
                    let standards: &[u8] = if entry.psel.is_empty() {
                        &[u8::MAX]
                    } else {
                        &entry.psel
                    };
                    for &standard in standards {
                        groups
                            .entry(standard)
                            .or_insert_with(|| Section {
                                heading: if standard == u8::MAX {
                                    "Not linked to a standard".to_string()
                                } else {
                                    psel::heading(standard)
                                },
                                entries: Vec::new(),
                            })
                            .entries
                            .push((date, entry));
                    }
                }
                groups.into_values().collect()
            }
        }
    }

    /// "Frames: Courageous conversations. Tags: #staff. Packs: courage-6-weeks." or
    /// `None` when nothing narrows the export.
    pub(crate) fn selection_line(&self) -> Option<String> {
        let options = &self.options;
        let mut parts = Vec::new();
        if !options.frames.is_empty() {
            let labels: Vec<String> = options.frames.iter().map(Frame::label).collect();
            parts.push(format!("Frames: {}.", labels.join(", ")));
        }
        if !options.tags.is_empty() {
            let tags: Vec<String> = options
                .tags
                .iter()
                .map(|tag| format!("#{}", tag.trim().trim_start_matches('#')))
                .collect();
            parts.push(format!("Tags: {}.", tags.join(", ")));
        }
        if !options.packs.is_empty() {
            parts.push(format!("Packs: {}.", options.packs.join(", ")));
        }
        (!parts.is_empty()).then(|| parts.join(" "))
    }

    /// The line that tells the reader whether names were replaced.
    pub(crate) fn names_line(&self) -> &'static str {
        if self.options.include_names {
            "Names appear as written."
        } else {
            "Names of people on the roster are replaced by pseudonyms such as \"Student A\"."
        }
    }

    pub(crate) fn range_line(&self) -> String {
        format!("{} to {}", medium_date(self.from), medium_date(self.to))
    }

    pub(crate) fn generated_line(&self) -> String {
        self.generated
            .format("%-d %B %Y, %H:%M (UTC%:z)")
            .to_string()
    }

    pub(crate) fn group_name(&self) -> &'static str {
        match self.options.group_by {
            GroupBy::Date => "by date",
            GroupBy::Frame => "by frame",
            GroupBy::Psel => "by PSEL standard",
        }
    }

    /// Whether entries are listed under their day (so each need not repeat it).
    pub(crate) fn by_date(&self) -> bool {
        self.options.group_by == GroupBy::Date
    }
}

impl ExportEntry<'_> {
    /// The heading an entry is shown under: the question it answered, or "Note".
    pub fn heading(&self) -> &str {
        self.question.as_deref().unwrap_or("Note")
    }

    /// "07:12 · Love · #lunch #staff · PSEL 3, 5 · answer: 4", what is known of it.
    pub fn details(&self, date: Option<NaiveDate>) -> String {
        let mut parts = Vec::new();
        let time = self.entry.created.format("%H:%M").to_string();
        parts.push(match date {
            Some(date) => format!("{}, {time}", medium_date(date)),
            None => time,
        });
        if let Some(frame) = &self.entry.frame {
            parts.push(frame.label());
        }
        if !self.tags.is_empty() {
            let tags: Vec<String> = self.tags.iter().map(|tag| format!("#{tag}")).collect();
            parts.push(tags.join(" "));
        }
        if !self.psel.is_empty() {
            let numbers: Vec<String> = self.psel.iter().map(u8::to_string).collect();
            parts.push(format!("PSEL {}", numbers.join(", ")));
        }
        if let Some(value) = self.entry.value {
            parts.push(format!("answer: {value}"));
        }
        parts.join(" · ")
    }
}

/// Built-in frames in their usual order, then a pack's own.
fn frame_rank(frame: &Frame) -> usize {
    Frame::BUILT_IN
        .iter()
        .position(|known| known == frame)
        .unwrap_or(Frame::BUILT_IN.len())
}

/// "Tuesday 24 November 2026".
pub(crate) fn long_date(date: NaiveDate) -> String {
    date.format("%A %-d %B %Y").to_string()
}

/// "24 Nov 2026".
pub(crate) fn medium_date(date: NaiveDate) -> String {
    date.format("%-d %b %Y").to_string()
}
