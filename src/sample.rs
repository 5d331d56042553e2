//! A deterministic sample journal: realistic volume and shape, made-up words. Benches
//! use it to measure the screens on ten years of entries; the same seed always gives
//! the same journal.

use chrono::{Days, FixedOffset, NaiveDate, TimeZone};

use crate::builtin::{self, DAILY_SLOTS};
use crate::domain::schedule::prompt_for;
use crate::domain::{Day, Entry, Rating};
use crate::store::{Journal, StoreError};

mod demo;

pub use demo::{
    DEMO_PACK, DEMO_WEEKS, DemoError, DemoJournal, demo_days, demo_folder, remove_demo_folder,
    write_demo,
};

/// Words the sample text is drawn from: the vocabulary of a school day.
const WORDS: &[&str] = &[
    "student",
    "teacher",
    "hallway",
    "lunch",
    "conversation",
    "listened",
    "shared",
    "families",
    "staff",
    "meeting",
    "learned",
    "robot",
    "science",
    "fair",
    "reading",
    "math",
    "coach",
    "bus",
    "morning",
    "quiet",
    "asked",
    "story",
    "laughed",
    "worried",
    "proud",
    "team",
    "grade",
    "advisory",
    "counselor",
    "parent",
    "mother",
    "father",
    "hope",
    "plan",
    "tried",
    "again",
    "mistake",
    "feedback",
    "trust",
    "honest",
    "today",
    "tomorrow",
    "week",
    "because",
    "and",
    "the",
    "a",
    "with",
    "about",
    "her",
    "his",
    "their",
    "we",
    "I",
    "they",
    "was",
    "felt",
    "noticed",
    "wonder",
    "next",
    "time",
    "classroom",
    "playground",
    "library",
    "art",
    "music",
    "soccer",
    "drawing",
    "care",
    "equity",
    "voice",
    "choice",
    "belonging",
    "courage",
    "vision",
    "change",
    "small",
];

const TAGS: &[&str] = &[
    "#students",
    "#staff",
    "#families",
    "#courage",
    "#equity",
    "#wins",
];

/// How big a sample to make.
#[derive(Debug, Clone, Copy)]
pub struct SampleSize {
    pub days: u64,
    /// Share of days with any writing, in percent.
    pub reflect_percent: u64,
    pub words_per_entry: usize,
}

impl SampleSize {
    /// Ten years of near-daily reflection: over 6,000 entries and 1.5 million words.
    pub const TEN_YEARS: SampleSize = SampleSize {
        days: 3653,
        reflect_percent: 90,
        words_per_entry: 260,
    };
}

/// A small, fast pseudo-random source (splitmix64) so samples are reproducible.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// The days of a sample ending on `last`, newest last.
pub fn sample_days(last: NaiveDate, size: SampleSize, seed: u64) -> Vec<Day> {
    let packs = builtin::packs().unwrap_or_default();
    let mut random = Random(seed);
    let offset = FixedOffset::east_opt(-5 * 3600).expect("a valid offset");
    let first = last - Days::new(size.days.saturating_sub(1));
    let mut days = Vec::new();
    for n in 0..size.days {
        let date = first + Days::new(n);
        if random.below(100) >= size.reflect_percent {
            continue;
        }
        let mut day = Day::new(date);
        day.ratings.energy = Rating::new(1 + random.below(5) as u8);
        day.ratings.outlook = Rating::new(1 + random.below(5) as u8);
        for (index, slot) in DAILY_SLOTS.iter().enumerate() {
            let Some(pack) = packs.iter().find(|pack| pack.meta.id == slot.pack) else {
                continue;
            };
            let Some(prompt) = prompt_for(&pack.prompts, &(slot.frame_for)(date), date, 0) else {
                continue;
            };
            let minute = 6 * 60 + random.below(120) as u32 + index as u32;
            let created = offset
                .from_local_datetime(
                    &date
                        .and_hms_opt(minute / 60, minute % 60, 0)
                        .expect("a valid time"),
                )
                .single()
                .expect("a fixed offset has no gaps");
            let text = sample_text(&mut random, size.words_per_entry);
            let mut entry = Entry::new(created, index, text);
            entry.pack = Some(slot.pack.to_string());
            entry.prompt = Some(prompt.id.clone());
            entry.question = Some(prompt.text.clone());
            entry.frame = Some(prompt.frame.clone());
            entry.private = random.below(10) == 0;
            day.entries.push(entry);
        }
        days.push(day);
    }
    days
}

fn sample_text(random: &mut Random, words: usize) -> String {
    let mut text = String::with_capacity(words * 7);
    for n in 0..words {
        if n > 0 {
            text.push(if random.below(14) == 0 { '\n' } else { ' ' });
        }
        text.push_str(WORDS[random.below(WORDS.len() as u64) as usize]);
    }
    if random.below(3) == 0 {
        text.push(' ');
        text.push_str(TAGS[random.below(TAGS.len() as u64) as usize]);
    }
    text
}

/// Writes a sample journal into `journal`.
pub fn write_sample(
    journal: &Journal,
    last: NaiveDate,
    size: SampleSize,
    seed: u64,
) -> Result<usize, StoreError> {
    let days = sample_days(last, size, seed);
    for day in &days {
        journal.update_day(day.date, |on_disk| *on_disk = day.clone())?;
    }
    Ok(days.iter().map(|day| day.entries.len()).sum())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ten_years_is_big_enough_and_reproducible() {
        let last = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let days = sample_days(last, SampleSize::TEN_YEARS, 7);
        let entries: usize = days.iter().map(|day| day.entries.len()).sum();
        let words: usize = days
            .iter()
            .flat_map(|day| &day.entries)
            .map(|entry| entry.text.split_whitespace().count())
            .sum();
        assert!(entries >= 6000, "{entries} entries");
        assert!(words >= 1_500_000, "{words} words");
        assert_eq!(days, sample_days(last, SampleSize::TEN_YEARS, 7));
    }
}
