//! The journal in memory, indexed for browsing and for search on every keystroke.
//!
//! [`JournalIndex`] is built from the days a scan loaded (pure: no files, no clock) and
//! answers what the Journal screen and the scripting commands ask:
//!
//! ```
//! use truenorth::domain::index::{Filter, JournalIndex, Privacy};
//! # let days = Vec::new();
//! let index = JournalIndex::new(days);
//! let filter = Filter { privacy: Privacy::SharedOnly, ..Filter::default() };
//! let results = index.search("jordan mother", &filter, 50);
//! for hit in &results.hits {
//!     let entry = index.entry(hit.entry).expect("hits point at entries");
//!     for range in &hit.text {
//!         let _highlighted: &str = &entry.text[range.clone()];
//!     }
//! }
//! ```
//!
//! What matches is told in [`SearchQuery`]: every word, as a whole word, the start or
//! inside of one, or one typo away (ranked in that order); `"phrases"` and `#tags`;
//! case and accents never matter, and highlights fall on the characters as written.
//!
//! How search stays fast on ten years (6,500 entries, 1.7 million words): every
//! distinct word is kept once, folded (lower case, accents dropped), in a vocabulary
//! with the list of entries that use it. A query term is compared with the vocabulary
//! (tens of thousands of short words), not with the text, and only the few best results
//! are highlighted. Entry text is not copied: the index keeps ids and small per-entry
//! facts beside the days themselves.

mod filter;
mod query;
mod search;
mod snapshot;
mod words;

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};

use super::{Day, Entry, Frame};
use words::{FastMap, Scratch, Vocabulary};

pub use filter::{Filter, Privacy, normalize_tag};
pub use query::SearchQuery;
pub use search::{Highlight, Hit, Ranking, Scored, Search, SearchResults};

/// Where an entry is: its day and its position in that day's `entries`.
///
/// A locator is valid until the day it points into is replaced; look entries up again
/// (or search again) after [`JournalIndex::replace_day`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntryRef {
    pub date: NaiveDate,
    /// The entry's index in [`Day::entries`].
    pub index: usize,
}

/// "None" for the interned small ids below.
const NO_ID: u32 = u32::MAX;

/// What the index keeps per entry: small facts for filtering and ranking, never text.
#[derive(Debug, Clone)]
struct Slot {
    date: NaiveDate,
    /// Seconds since the epoch: newer first among equals.
    created: i64,
    /// Position in the day's entries.
    index: u32,
    question: u32,
    frame: u32,
    pack: u32,
    private: bool,
    /// False once the entry's day was replaced; dead slots are skipped, and the index
    /// is rebuilt when too many pile up.
    alive: bool,
}

/// A question as entries quote it, kept once however many entries answer it.
#[derive(Debug)]
struct Question {
    /// The text folded (see `words::fold_into`), for quoted phrases.
    folded: Box<str>,
    /// Distinct vocabulary ids of its words.
    words: Box<[u32]>,
}

/// The whole journal, newest first, with what search and the screens need.
#[derive(Debug, Default)]
pub struct JournalIndex {
    /// Newest first.
    days: Vec<Day>,
    slots: Vec<Slot>,
    dead: usize,
    vocab: Vocabulary,
    questions: Vec<Question>,
    question_ids: FastMap<Box<str>, u32>,
    frames: Vec<Frame>,
    packs: Vec<String>,
    tags: Vec<Box<str>>,
    tag_ids: FastMap<Box<str>, u32>,
    /// Per tag, the slots of entries carrying it (written `#tag` or explicit).
    tag_slots: Vec<Vec<u32>>,
}

impl JournalIndex {
    /// Indexes `days` (in any order; a scan gives them oldest first).
    pub fn new(days: Vec<Day>) -> JournalIndex {
        let mut index = JournalIndex {
            days: snapshot::newest_first(days),
            ..JournalIndex::default()
        };
        let mut scratch = Scratch::default();
        for position in 0..index.days.len() {
            index.index_day(position, &mut scratch);
        }
        index
    }

    /// Days, newest first (including days with ratings but no entries).
    pub fn days(&self) -> &[Day] {
        &self.days
    }

    /// The days, newest first, giving up the index.
    pub fn into_days(self) -> Vec<Day> {
        self.days
    }

    pub fn day(&self, date: NaiveDate) -> Option<&Day> {
        self.position(date)
            .ok()
            .map(|position| &self.days[position])
    }

    /// Where the day of `date` is in [`JournalIndex::days`].
    pub fn day_position(&self, date: NaiveDate) -> Option<usize> {
        self.position(date).ok()
    }

    pub fn entry(&self, at: EntryRef) -> Option<&Entry> {
        self.day(at.date)?.entries.get(at.index)
    }

    /// How many entries the journal holds.
    pub fn entry_count(&self) -> usize {
        self.slots.len() - self.dead
    }

    /// Every entry, newest first (by day, then by the time it was written).
    pub fn entries(&self) -> impl Iterator<Item = (EntryRef, &Entry)> {
        self.days.iter().flat_map(|day| {
            newest_first_in(day).into_iter().map(move |index| {
                let at = EntryRef {
                    date: day.date,
                    index,
                };
                (at, &day.entries[index])
            })
        })
    }

    /// Puts `day` in place of the day with its date (or adds it) and re-indexes it:
    /// call after saving an edit. Locators into that day are stale afterwards.
    pub fn replace_day(&mut self, day: Day) {
        self.kill_slots(day.date);
        let position = match self.position(day.date) {
            Ok(position) => {
                self.days[position] = day;
                position
            }
            Err(position) => {
                self.days.insert(position, day);
                position
            }
        };
        self.index_day(position, &mut Scratch::default());
        self.compact_if_worthwhile();
    }

    /// Forgets the day (after its file was removed).
    pub fn remove_day(&mut self, date: NaiveDate) -> Option<Day> {
        self.kill_slots(date);
        let position = self.position(date).ok()?;
        let day = self.days.remove(position);
        self.compact_if_worthwhile();
        Some(day)
    }

    /// Every tag with the number of entries `privacy` allows carrying it, most used
    /// first, then by name; tags no such entry carries are left out.
    pub fn tag_counts(&self, privacy: Privacy) -> Vec<(String, usize)> {
        let mut counts: Vec<(String, usize)> = self
            .tags
            .iter()
            .zip(&self.tag_slots)
            .map(|(tag, slots)| {
                let alive = slots
                    .iter()
                    .map(|&slot| &self.slots[slot as usize])
                    .filter(|slot| slot.alive && privacy.allows(slot.private))
                    .count();
                (tag.to_string(), alive)
            })
            .filter(|(_, count)| *count > 0)
            .collect();
        counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        counts
    }

    /// Every pack that has entries, with how many, most used first, then by id.
    /// Private entries count: the list is for the leader's own screens.
    pub fn pack_counts(&self) -> Vec<(String, usize)> {
        let mut counts = vec![0usize; self.packs.len()];
        for slot in self.slots.iter().filter(|slot| slot.alive) {
            if let Some(count) = counts.get_mut(slot.pack as usize) {
                *count += 1;
            }
        }
        let mut counts: Vec<(String, usize)> = self
            .packs
            .iter()
            .cloned()
            .zip(counts)
            .filter(|(_, count)| *count > 0)
            .collect();
        counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        counts
    }

    /// Entries written on the same month and day as `date` in earlier years, newest
    /// first. On 28 February of a year without a 29th, entries of earlier 29ths of
    /// February are included too, so they still come back once every year.
    pub fn on_this_day(&self, date: NaiveDate) -> Vec<EntryRef> {
        let leap_day_too = date.month() == 2
            && date.day() == 28
            && NaiveDate::from_ymd_opt(date.year(), 2, 29).is_none();
        let same_day = |day: &Day| {
            day.date.year() < date.year()
                && day.date.month() == date.month()
                && (day.date.day() == date.day() || (leap_day_too && day.date.day() == 29))
        };
        self.days
            .iter()
            .filter(|day| same_day(day))
            .flat_map(|day| {
                newest_first_in(day).into_iter().map(|index| EntryRef {
                    date: day.date,
                    index,
                })
            })
            .collect()
    }

    /// The dates in `year` with at least one entry: the calendar heatmap.
    pub fn reflection_days(&self, year: i32) -> BTreeSet<NaiveDate> {
        self.days
            .iter()
            .filter(|day| day.date.year() == year && !day.entries.is_empty())
            .map(|day| day.date)
            .collect()
    }

    /// Searches entry text, questions and tags for `query` (see [`SearchQuery`]) among
    /// the entries `filter` allows: at most `limit` hits, best first, each with the
    /// byte ranges to highlight. An empty query lists the allowed entries newest first.
    ///
    /// To highlight lazily (only the rows on screen), use [`JournalIndex::prepare`].
    pub fn search(&self, query: &str, filter: &Filter, limit: usize) -> SearchResults {
        let search = self.prepare(SearchQuery::parse(query));
        let ranking = search.run(filter, limit);
        let hits = ranking
            .matches
            .iter()
            .map(|scored| {
                let highlight = search.highlight(scored.entry);
                Hit {
                    entry: scored.entry,
                    score: scored.score,
                    text: highlight.text,
                    question: highlight.question,
                }
            })
            .collect();
        SearchResults {
            hits,
            total: ranking.total,
        }
    }

    /// Matches the query's words against the vocabulary once, for running it (with any
    /// filter) and highlighting entries one at a time.
    pub fn prepare(&self, query: SearchQuery) -> Search<'_> {
        Search::new(self, query)
    }

    /// Rough bytes held by the index beside the days (for the memory budget).
    pub fn index_bytes(&self) -> usize {
        let slots = self.slots.capacity() * std::mem::size_of::<Slot>();
        let tags: usize = self.tag_slots.iter().map(|s| s.capacity() * 4 + 48).sum();
        let questions: usize = self
            .questions
            .iter()
            .map(|q| q.folded.len() * 2 + q.words.len() * 4 + 64)
            .sum();
        slots + tags + questions + self.vocab.heap_bytes()
    }

    /// Binary search in the newest-first days.
    fn position(&self, date: NaiveDate) -> Result<usize, usize> {
        self.days.binary_search_by(|day| date.cmp(&day.date))
    }

    fn kill_slots(&mut self, date: NaiveDate) {
        for slot in self.slots.iter_mut().filter(|s| s.alive && s.date == date) {
            slot.alive = false;
            self.dead += 1;
        }
    }

    /// Rebuilds when dead slots outnumber a quarter of the live ones: a long editing
    /// session then never keeps searching through stale lists.
    fn compact_if_worthwhile(&mut self) {
        if self.dead > 64 && self.dead * 4 > self.slots.len() {
            *self = JournalIndex::new(std::mem::take(&mut self.days));
        }
    }

    /// Adds slots for the entries of `self.days[position]`, newest first.
    fn index_day(&mut self, position: usize, scratch: &mut Scratch) {
        for index in newest_first_in(&self.days[position]) {
            let entry = &self.days[position].entries[index];
            let date = self.days[position].date;
            let slot = self.slots.len() as u32;
            let question = match &entry.question {
                Some(text) => intern_question(
                    &mut self.questions,
                    &mut self.question_ids,
                    &mut self.vocab,
                    text,
                    scratch,
                ),
                None => NO_ID,
            };
            let frame = entry
                .frame
                .as_ref()
                .map_or(NO_ID, |frame| intern(&mut self.frames, frame));
            let pack = entry
                .pack
                .as_ref()
                .map_or(NO_ID, |pack| intern(&mut self.packs, pack));
            self.vocab.intern_text(&entry.text, scratch);
            self.vocab.add_slot(slot, &scratch.ids);
            for tag in entry.all_tags() {
                let id = intern_tag(
                    &mut self.tags,
                    &mut self.tag_ids,
                    &mut self.tag_slots,
                    &normalize_tag(&tag),
                );
                let list = &mut self.tag_slots[id as usize];
                if list.last() != Some(&slot) {
                    list.push(slot);
                }
            }
            self.slots.push(Slot {
                date,
                created: entry.created.timestamp(),
                index: index as u32,
                question,
                frame,
                pack,
                private: entry.private,
                alive: true,
            });
        }
    }
}

/// The positions of a day's entries, newest first; entries written in the same second
/// keep the order they were saved in (the later one first).
fn newest_first_in(day: &Day) -> Vec<usize> {
    let mut order: Vec<usize> = (0..day.entries.len()).collect();
    order.sort_by(|&a, &b| {
        let (first, second) = (&day.entries[a], &day.entries[b]);
        second.created.cmp(&first.created).then(b.cmp(&a))
    });
    order
}

fn intern<T: PartialEq + Clone>(values: &mut Vec<T>, value: &T) -> u32 {
    match values.iter().position(|known| known == value) {
        Some(id) => id as u32,
        None => {
            values.push(value.clone());
            (values.len() - 1) as u32
        }
    }
}

fn intern_question(
    questions: &mut Vec<Question>,
    ids: &mut FastMap<Box<str>, u32>,
    vocab: &mut Vocabulary,
    text: &str,
    scratch: &mut Scratch,
) -> u32 {
    if let Some(&id) = ids.get(text) {
        return id;
    }
    vocab.intern_text(text, scratch);
    let id = questions.len() as u32;
    questions.push(Question {
        folded: words::fold(text).into(),
        words: scratch.ids.as_slice().into(),
    });
    ids.insert(text.into(), id);
    id
}

fn intern_tag(
    tags: &mut Vec<Box<str>>,
    ids: &mut FastMap<Box<str>, u32>,
    tag_slots: &mut Vec<Vec<u32>>,
    tag: &str,
) -> u32 {
    if let Some(&id) = ids.get(tag) {
        return id;
    }
    let id = tags.len() as u32;
    tags.push(tag.into());
    ids.insert(tag.into(), id);
    tag_slots.push(Vec::new());
    id
}

#[cfg(test)]
mod tests;
