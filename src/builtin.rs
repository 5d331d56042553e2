//! The packs, themes and files compiled into the binary.

use chrono::NaiveDate;

use crate::domain::schedule::lcv_frame_for;
use crate::domain::{Frame, Pack, PackError};

/// Pack id of the daily love, care and vulnerability pool.
pub const DAILY_LCV: &str = "daily-lcv";
/// Pack id of the daily true-north pool.
pub const DAILY_TRUE_NORTH: &str = "daily-true-north";

macro_rules! builtin_pack {
    ($file:literal) => {
        (
            concat!("<built-in>/prompts/", $file),
            include_str!(concat!("../prompts/", $file)),
        )
    };
}

/// A prompt Today always offers: which pack it draws from and which frame's turn it is.
#[derive(Debug, Clone, Copy)]
pub struct DailySlot {
    pub pack: &'static str,
    pub frame_for: fn(NaiveDate) -> Frame,
}

/// Today's two standing prompts: one of love, care or vulnerability (rotating), one on
/// the leader's true north.
pub const DAILY_SLOTS: &[DailySlot] = &[
    DailySlot {
        pack: DAILY_LCV,
        frame_for: lcv_frame_for,
    },
    DailySlot {
        pack: DAILY_TRUE_NORTH,
        frame_for: |_| Frame::TrueNorth,
    },
];

/// Every built-in pack file, by the name it is reported under.
pub const PACK_FILES: &[(&str, &str)] = &[
    builtin_pack!("lcv.toml"),
    builtin_pack!("true-north.toml"),
    builtin_pack!("leadership-soul-30.toml"),
    builtin_pack!("true-north-4-weeks.toml"),
    builtin_pack!("courage-6-weeks.toml"),
    builtin_pack!("know-students-4-weeks.toml"),
    builtin_pack!("weekly-review.toml"),
    builtin_pack!("psel-10-weeks.toml"),
];

/// Parses the built-in packs. They are checked by tests, so an error here is a bug in
/// the build, but it is still reported rather than panicking.
pub fn packs() -> Result<Vec<Pack>, PackError> {
    PACK_FILES
        .iter()
        .map(|(source, text)| Pack::parse(source, text))
        .collect()
}

/// The built-in packs that parse. They are checked by tests, so one that does not is
/// a build bug; commands and screens leave it out rather than stop.
pub fn packs_lenient() -> Vec<Pack> {
    PACK_FILES
        .iter()
        .filter_map(|(source, text)| Pack::parse(source, text).ok())
        .collect()
}

/// Whether `id` is one of the daily pools Today always draws from: nothing to start,
/// pause or remove.
pub fn is_daily(id: &str) -> bool {
    DAILY_SLOTS.iter().any(|slot| slot.pack == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Frame;

    #[test]
    fn every_built_in_pack_parses_and_together_they_hold_150_prompts() {
        let packs = packs().unwrap_or_else(|error| panic!("{error}"));
        assert_eq!(packs.len(), PACK_FILES.len());
        let mut ids: Vec<&str> = packs.iter().map(|pack| pack.meta.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), packs.len(), "pack ids must be unique");
        let prompts: usize = packs.iter().map(|pack| pack.prompts.len()).sum();
        assert!(prompts >= 150, "{prompts} prompts");
    }

    #[test]
    fn built_in_packs_parse_and_fill_every_daily_pool() {
        let packs = packs().unwrap_or_else(|error| panic!("{error}"));
        let lcv = packs.iter().find(|p| p.meta.id == DAILY_LCV).unwrap();
        for frame in Frame::LCV {
            let count = lcv.prompts.iter().filter(|p| p.frame == frame).count();
            assert!(count >= 20, "{frame}: only {count} prompts");
        }
        let true_north = packs
            .iter()
            .find(|p| p.meta.id == DAILY_TRUE_NORTH)
            .unwrap();
        assert!(
            true_north
                .prompts
                .iter()
                .all(|p| p.frame == Frame::TrueNorth)
        );
        assert!(true_north.prompts.len() >= 20);
    }
}
