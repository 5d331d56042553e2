//! Which prompts today offers.
//!
//! The choice is a pure function of the date and the pools: the same all day, different
//! tomorrow, and no prompt comes back before its whole pool has been used. Each frame's
//! pool is walked in a fixed, shuffled order (seeded by the frame, so it does not follow
//! the file's order); a fixed cyclic order is the only one that keeps the gap between two
//! uses of a prompt at its largest, the pool's size.

use chrono::NaiveDate;

use super::{Frame, Prompt};

/// The day the rotations count from. Any fixed date would do; changing it would change
/// every user's sequence, so it never changes.
fn epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(2000, 1, 3).expect("a valid date")
}

/// Days since the epoch (negative before it).
pub fn day_number(date: NaiveDate) -> i64 {
    (date - epoch()).num_days()
}

/// The love, care or vulnerability frame whose turn it is on `date`.
pub fn lcv_frame_for(date: NaiveDate) -> Frame {
    Frame::LCV[day_number(date).rem_euclid(3) as usize].clone()
}

/// How many times a frame has come up before `date`: daily frames every day, an LCV
/// dimension every third day.
fn turn_of(frame: &Frame, date: NaiveDate) -> i64 {
    let day = day_number(date);
    if Frame::LCV.contains(frame) {
        day.div_euclid(3)
    } else {
        day
    }
}

/// The prompt of `frame` for `date`, `skip` places further along the rotation (the
/// "offer me another" key counts up `skip`). `None` if the pool has no prompt of that
/// frame.
pub fn prompt_for<'a>(
    pool: &'a [Prompt],
    frame: &Frame,
    date: NaiveDate,
    skip: usize,
) -> Option<&'a Prompt> {
    let mut candidates: Vec<&Prompt> = pool.iter().filter(|p| &p.frame == frame).collect();
    if candidates.is_empty() {
        return None;
    }
    shuffle(&mut candidates, seed_for(frame));
    let turn = turn_of(frame, date) + skip as i64;
    Some(candidates[turn.rem_euclid(candidates.len() as i64) as usize])
}

/// A stable seed from the frame's id (FNV-1a), independent of the build and platform.
fn seed_for(frame: &Frame) -> u64 {
    frame
        .id()
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
        })
}

/// Fisher-Yates with splitmix64: deterministic for a seed, good enough to look random.
fn shuffle<T>(items: &mut [T], seed: u64) {
    let mut state = seed;
    let mut next = || {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    };
    for i in (1..items.len()).rev() {
        let j = (next() % (i as u64 + 1)) as usize;
        items.swap(i, j);
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn pool(frame: Frame, count: usize) -> Vec<Prompt> {
        (0..count)
            .map(|n| {
                Prompt::text(
                    format!("{}-{n:02}", frame.id()),
                    frame.clone(),
                    format!("Question {n}?"),
                )
            })
            .collect()
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn lcv_rotates_through_all_three_dimensions() {
        let start = date(2026, 12, 30);
        let frames: Vec<Frame> = (0..3)
            .map(|n| lcv_frame_for(start + chrono::Days::new(n)))
            .collect();
        for frame in Frame::LCV {
            assert!(frames.contains(&frame), "{frame} missing from {frames:?}");
        }
    }

    #[test]
    fn the_same_day_gives_the_same_prompt() {
        let prompts = pool(Frame::TrueNorth, 20);
        let today = date(2026, 11, 25);
        let first = prompt_for(&prompts, &Frame::TrueNorth, today, 0).unwrap();
        let again = prompt_for(&prompts, &Frame::TrueNorth, today, 0).unwrap();
        assert_eq!(first.id, again.id);
        let tomorrow = prompt_for(&prompts, &Frame::TrueNorth, today.succ_opt().unwrap(), 0);
        assert_ne!(first.id, tomorrow.unwrap().id);
    }

    #[test]
    fn no_prompt_repeats_before_its_pool_is_used_up() {
        for (frame, size) in [(Frame::TrueNorth, 20), (Frame::Love, 20), (Frame::Care, 23)] {
            let prompts = pool(frame.clone(), size);
            let mut last_seen: HashMap<String, i64> = HashMap::new();
            // Across a leap year and a year end.
            let start = date(2027, 12, 1);
            let mut turns = 0;
            for offset in 0..800 {
                let day = start + chrono::Days::new(offset);
                let is_its_day = !Frame::LCV.contains(&frame) || lcv_frame_for(day) == frame;
                if !is_its_day {
                    continue;
                }
                let prompt = prompt_for(&prompts, &frame, day, 0).unwrap();
                if let Some(previous) = last_seen.insert(prompt.id.clone(), turns) {
                    assert_eq!(
                        turns - previous,
                        size as i64,
                        "{} came back early",
                        prompt.id
                    );
                }
                turns += 1;
            }
            // Every 20-day window of a daily frame holds 20 different prompts.
            assert!(turns >= 200);
        }
    }

    #[test]
    fn skip_walks_the_pool_and_wraps() {
        let prompts = pool(Frame::Care, 5);
        let today = date(2026, 11, 25);
        let ids: Vec<&str> = (0..5)
            .map(|skip| {
                prompt_for(&prompts, &Frame::Care, today, skip)
                    .unwrap()
                    .id
                    .as_str()
            })
            .collect();
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), 5);
        assert_eq!(
            prompt_for(&prompts, &Frame::Care, today, 5).unwrap().id,
            ids[0]
        );
    }

    #[test]
    fn the_order_is_shuffled_not_the_file_order() {
        let prompts = pool(Frame::TrueNorth, 20);
        let start = date(2026, 1, 1);
        let in_file_order = (0..20).all(|n| {
            let day = start + chrono::Days::new(n);
            let next = start + chrono::Days::new(n + 1);
            let a = prompt_for(&prompts, &Frame::TrueNorth, day, 0).unwrap();
            let b = prompt_for(&prompts, &Frame::TrueNorth, next, 0).unwrap();
            b.id > a.id
        });
        assert!(!in_file_order);
    }

    #[test]
    fn an_empty_pool_offers_nothing() {
        assert!(prompt_for(&[], &Frame::Love, date(2026, 1, 1), 0).is_none());
    }
}
