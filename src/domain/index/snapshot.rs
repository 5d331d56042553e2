//! The index as bytes, kept beside the days it was built from, so the journal cache
//! restores it in milliseconds instead of reading every word of ten years again.
//! Pure: it writes to a byte vector and reads from any reader.

use std::io::Read;

use chrono::{Datelike, NaiveDate};

use super::words::{FastMap, Vocabulary};
use super::{JournalIndex, NO_ID, Question, Slot, words};
use crate::binary::{Reader, Writer};
use crate::domain::{Day, Frame};

/// Bumped whenever what is written here changes (2: the vocabulary holds folded words,
/// accents dropped).
const SNAPSHOT_FORMAT: u32 = 2;

impl JournalIndex {
    /// Writes everything but the days, which the caller keeps (the cache stores them
    /// next to this).
    pub fn write_snapshot(&self, out: &mut Writer) {
        out.u32(SNAPSHOT_FORMAT);
        out.length(self.slots.len());
        for slot in &self.slots {
            out.i32(slot.date.num_days_from_ce());
            out.i64(slot.created);
            out.u32(slot.index);
            out.u32(slot.question);
            out.u32(slot.frame);
            out.u32(slot.pack);
            out.bool(slot.private);
            out.bool(slot.alive);
        }
        self.vocab.write(out);
        let mut originals = vec![""; self.questions.len()];
        for (text, &id) in &self.question_ids {
            originals[id as usize] = text;
        }
        out.length(self.questions.len());
        for (question, original) in self.questions.iter().zip(originals) {
            out.str(original);
            out.u32s(&question.words);
        }
        out.length(self.frames.len());
        for frame in &self.frames {
            out.str(frame.id());
        }
        out.length(self.packs.len());
        for pack in &self.packs {
            out.str(pack);
        }
        out.length(self.tags.len());
        for (tag, slots) in self.tags.iter().zip(&self.tag_slots) {
            out.str(tag);
            out.u32s(slots);
        }
    }

    /// The index [`JournalIndex::write_snapshot`] wrote for exactly these `days`, or
    /// `None` when the bytes are malformed or do not fit the days (then build afresh
    /// with [`JournalIndex::new`]).
    pub fn read_snapshot(days: Vec<Day>, input: &mut Reader<impl Read>) -> Option<JournalIndex> {
        if input.u32()? != SNAPSHOT_FORMAT {
            return None;
        }
        let mut index = JournalIndex {
            days: newest_first(days),
            ..JournalIndex::default()
        };
        let count = input.length(30)?;
        index.slots.reserve_exact(count);
        for _ in 0..count {
            index.slots.push(Slot {
                date: NaiveDate::from_num_days_from_ce_opt(input.i32()?)?,
                created: input.i64()?,
                index: input.u32()?,
                question: input.u32()?,
                frame: input.u32()?,
                pack: input.u32()?,
                private: input.bool()?,
                alive: input.bool()?,
            });
        }
        index.dead = index.slots.iter().filter(|slot| !slot.alive).count();
        let slot_count = u32::try_from(index.slots.len()).ok()?;
        index.vocab = Vocabulary::read(input, slot_count)?;
        let vocabulary_size = index.vocab.words().count() as u32;
        for id in 0..input.length(8)? as u32 {
            let original = input.string()?;
            let words = input.u32s()?;
            if words.iter().any(|&word| word >= vocabulary_size) {
                return None;
            }
            index.questions.push(Question {
                folded: words::fold(&original).into(),
                words: words.into(),
            });
            index.question_ids.insert(original.into(), id);
        }
        for _ in 0..input.length(4)? {
            index.frames.push(Frame::from(input.string()?));
        }
        for _ in 0..input.length(4)? {
            index.packs.push(input.string()?);
        }
        let mut tag_ids = FastMap::default();
        for id in 0..input.length(8)? as u32 {
            let tag: Box<str> = input.string()?.into();
            let slots = input.u32s()?;
            if slots.iter().any(|&slot| slot >= slot_count) {
                return None;
            }
            tag_ids.insert(tag.clone(), id);
            index.tags.push(tag);
            index.tag_slots.push(slots);
        }
        index.tag_ids = tag_ids;
        index.fits_its_days().then_some(index)
    }

    /// Every id in range, every live slot pointing at an entry, and every entry of
    /// every day indexed exactly once.
    fn fits_its_days(&self) -> bool {
        let in_range = |id: u32, len: usize| id == NO_ID || (id as usize) < len;
        let mut live = 0;
        for slot in &self.slots {
            if !(in_range(slot.question, self.questions.len())
                && in_range(slot.frame, self.frames.len())
                && in_range(slot.pack, self.packs.len()))
            {
                return false;
            }
            if slot.alive {
                live += 1;
                let Some(day) = self.day(slot.date) else {
                    return false;
                };
                if slot.index as usize >= day.entries.len() {
                    return false;
                }
            }
        }
        let entries: usize = self.days.iter().map(|day| day.entries.len()).sum();
        live == entries
    }
}

/// Days newest first, one per date (as [`JournalIndex::new`] keeps them).
pub(super) fn newest_first(mut days: Vec<Day>) -> Vec<Day> {
    days.sort_by_key(|day| std::cmp::Reverse(day.date));
    days.dedup_by(|later, kept| later.date == kept.date);
    days
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::index::{Filter, Privacy, SearchQuery};
    use crate::sample::{SampleSize, sample_days};

    fn days() -> Vec<Day> {
        let size = SampleSize {
            days: 90,
            reflect_percent: 90,
            words_per_entry: 30,
        };
        sample_days(NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(), size, 9)
    }

    fn snapshot(index: &JournalIndex) -> Vec<u8> {
        let mut out = Writer::default();
        index.write_snapshot(&mut out);
        out.0
    }

    fn restore(days: Vec<Day>, bytes: &[u8]) -> Option<JournalIndex> {
        JournalIndex::read_snapshot(days, &mut Reader::new(bytes, bytes.len() as u64))
    }

    #[test]
    fn a_restored_index_answers_like_the_original() {
        let mut original = JournalIndex::new(days());
        // Also after an edit, with dead slots in the snapshot.
        let mut edited = original.days()[3].clone();
        edited.entries[0].text = "a #fresh look at the robot fair".into();
        original.replace_day(edited);
        let restored = restore(original.days().to_vec(), &snapshot(&original)).unwrap();
        for query in [
            "",
            "robot",
            "fair rob",
            "#fresh",
            "\"the student\"",
            "convrsation",
        ] {
            let search = |index: &JournalIndex| {
                index
                    .prepare(SearchQuery::parse(query))
                    .run(&Filter::default(), usize::MAX)
            };
            assert_eq!(search(&restored), search(&original), "{query}");
        }
        assert_eq!(
            restored.tag_counts(Privacy::All),
            original.tag_counts(Privacy::All)
        );
        assert_eq!(snapshot(&restored), snapshot(&original));
    }

    #[test]
    fn a_snapshot_of_other_days_or_damaged_bytes_is_refused() {
        let index = JournalIndex::new(days());
        let bytes = snapshot(&index);
        let mut fewer = days();
        fewer.pop();
        assert!(restore(fewer, &bytes).is_none());
        assert!(restore(days(), &bytes[..bytes.len() - 3]).is_none());
        let mut flipped = bytes.clone();
        flipped[0] ^= 0xff;
        assert!(restore(days(), &flipped).is_none());
    }
}
