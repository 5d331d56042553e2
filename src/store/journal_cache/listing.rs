//! The journal as the scripting commands print it: ranked like the Journal screen,
//! each entry shown by its facts and its [`EntrySummary`], its text only when asked.

use std::borrow::Cow;

use super::LoadedJournal;
use crate::domain::index::{EntryRef, Filter, JournalIndex, Privacy, Ranking, SearchQuery};
use crate::domain::{Entry, EntrySummary, Problem};

/// What [`load_listing`](super::load_listing) gives: the index, and the entries'
/// summaries or their whole text.
#[derive(Debug)]
pub struct Listing {
    /// When `summaries` is there, every entry's `text` in here is empty: it was left
    /// in the cache.
    index: JournalIndex,
    /// Per day of `index` (newest first), its entries' summaries, in their order.
    summaries: Option<Vec<Vec<EntrySummary>>>,
    /// Files that could not be read, left out.
    pub problems: Vec<Problem>,
}

/// One entry of a [`Listing`].
#[derive(Debug)]
pub struct Listed<'a> {
    /// Everything but the text, which may be empty here: read `summary` or `text`.
    pub facts: &'a Entry,
    pub summary: Cow<'a, EntrySummary>,
    /// The whole text, when the listing was loaded with it.
    pub text: Option<&'a str>,
}

impl Listing {
    pub(super) fn with_text(loaded: LoadedJournal) -> Listing {
        Listing {
            index: loaded.index,
            summaries: None,
            problems: loaded.problems,
        }
    }

    pub(super) fn without_text(
        index: JournalIndex,
        summaries: Vec<Vec<EntrySummary>>,
        problems: Vec<Problem>,
    ) -> Listing {
        Listing {
            index,
            summaries: Some(summaries),
            problems,
        }
    }

    /// Whether entries come with their whole text.
    pub fn has_text(&self) -> bool {
        self.summaries.is_none()
    }

    /// How many entries the journal holds.
    pub fn entry_count(&self) -> usize {
        self.index.entry_count()
    }

    /// The entries `filter` allows that match `query`, best first (newest first for an
    /// empty query), at most `limit` of them.
    ///
    /// # Panics
    /// If `query` reads entry text (a quoted phrase) and the listing was loaded
    /// without it: ask [`load_listing`](super::load_listing) for text then.
    pub fn rank(&self, query: SearchQuery, filter: &Filter, limit: usize) -> Ranking {
        assert!(
            self.has_text() || !query.reads_text(),
            "a quoted phrase is looked for in entry text: load the listing with text"
        );
        self.index.prepare(query).run(filter, limit)
    }

    /// Every tag of the entries `privacy` allows, with their number, most used first.
    pub fn tag_counts(&self, privacy: Privacy) -> Vec<(String, usize)> {
        self.index.tag_counts(privacy)
    }

    pub fn entry(&self, at: EntryRef) -> Option<Listed<'_>> {
        let facts = self.index.entry(at)?;
        Some(match &self.summaries {
            None => Listed {
                facts,
                summary: Cow::Owned(facts.summary()),
                text: Some(&facts.text),
            },
            Some(summaries) => {
                let day = self.index.day_position(at.date)?;
                Listed {
                    facts,
                    summary: Cow::Borrowed(summaries.get(day)?.get(at.index)?),
                    text: None,
                }
            }
        })
    }
}
