//! Which prompts today offers.
//!
//! The choice is a pure function of the date and the pools: the same all day, different
//! tomorrow, and no prompt comes back before its whole pool has been used. Each frame's
//! pool is walked in a fixed, shuffled order (seeded by the frame, so it does not follow
//! the file's order); a fixed cyclic order is the only one that keeps the gap between two
//! uses of a prompt at its largest, the pool's size.

use chrono::{Datelike, Days, NaiveDate};

use super::enrollment::{Enrollment, PackStatus};
use super::{Day, Frame, Pack, Prompt, Schedule};

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

/// A prompt Today offers, and where it comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct Offer {
    pub pack: String,
    pub prompt: Prompt,
    /// A standing daily prompt (the LCV or true-north rotation), as opposed to one a
    /// pack scheduled.
    pub daily: bool,
    /// Set when the prompt was due on an earlier day and is still unanswered.
    pub missed_from: Option<NaiveDate>,
}

/// How many days back an unanswered scheduled prompt is still offered.
pub const MISSED_LOOK_BACK: u64 = 6;

/// Whether a prompt with `schedule` is due on `date`, pack day `day`.
pub fn is_due(schedule: Schedule, day: u32, date: NaiveDate) -> bool {
    match schedule {
        Schedule::Anytime => false,
        Schedule::Day(n) => n == day,
        Schedule::Weekday(weekday) => date.weekday() == weekday,
        Schedule::EveryDay => true,
        Schedule::EveryWeek => (day - 1).is_multiple_of(7),
    }
}

/// The prompts of an enrolled pack due on `date` (none unless it is running then).
pub fn due_on<'a>(pack: &'a Pack, enrollment: &Enrollment, date: NaiveDate) -> Vec<&'a Prompt> {
    match enrollment.status_on(date, pack.meta.days) {
        PackStatus::Active { day } => pack
            .prompts
            .iter()
            .filter(|prompt| is_due(prompt.schedule, day, date))
            .collect(),
        _ => Vec::new(),
    }
}

/// Everything Today offers on `date`: the standing daily prompts, each running pack's
/// prompts for the day, and day- or weekday-scheduled prompts of the last few days
/// that `recent` (the days since then) holds no answer to. Repeating check-ins
/// (`every`) are not carried over: a missed one is simply asked again next time.
pub fn todays_offers(
    date: NaiveDate,
    daily: &[(&Pack, Frame)],
    enrolled: &[(&Pack, &Enrollment)],
    recent: &[Day],
) -> Vec<Offer> {
    let mut offers: Vec<Offer> = daily
        .iter()
        .filter_map(|(pack, frame)| {
            let prompt = prompt_for(&pack.prompts, frame, date, 0)?;
            Some(Offer {
                pack: pack.meta.id.clone(),
                prompt: prompt.clone(),
                daily: true,
                missed_from: None,
            })
        })
        .collect();
    for (pack, enrollment) in enrolled {
        for prompt in due_on(pack, enrollment, date) {
            offers.push(Offer {
                pack: pack.meta.id.clone(),
                prompt: prompt.clone(),
                daily: false,
                missed_from: None,
            });
        }
    }
    for (pack, enrollment) in enrolled {
        // Newest first, so a prompt missed twice is offered from its latest date.
        for back in 1..=MISSED_LOOK_BACK {
            let Some(earlier) = date.checked_sub_days(Days::new(back)) else {
                continue;
            };
            for prompt in due_on(pack, enrollment, earlier) {
                let carried = matches!(prompt.schedule, Schedule::Day(_) | Schedule::Weekday(_));
                let offered = offers
                    .iter()
                    .any(|offer| offer.pack == pack.meta.id && offer.prompt.id == prompt.id);
                let answered = recent.iter().filter(|day| day.date >= earlier).any(|day| {
                    day.entries.iter().any(|entry| {
                        entry.pack.as_deref() == Some(pack.meta.id.as_str())
                            && entry.prompt.as_deref() == Some(prompt.id.as_str())
                    })
                });
                if carried && !offered && !answered {
                    offers.push(Offer {
                        pack: pack.meta.id.clone(),
                        prompt: prompt.clone(),
                        daily: false,
                        missed_from: Some(earlier),
                    });
                }
            }
        }
    }
    offers
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

    fn coach_pack() -> Pack {
        Pack::parse(
            "coach.toml",
            r#"
[pack]
id = "coach"
title = "Coach"
version = "1.0.0"
days = 14

[[prompt]]
id = "d1"
frame = "courage"
text = "Day one?"
day = 1

[[prompt]]
id = "d3"
frame = "courage"
text = "Day three?"
day = 3

[[prompt]]
id = "fri"
frame = "review"
text = "Friday?"
weekday = "fri"

[[prompt]]
id = "daily"
frame = "students"
text = "How many?"
answer = "number"
every = "day"

[[prompt]]
id = "weekly"
frame = "staff"
text = "Weekly?"
every = "week"
"#,
        )
        .unwrap()
    }

    fn ids(offers: &[Offer]) -> Vec<String> {
        offers
            .iter()
            .map(|offer| match offer.missed_from {
                Some(from) => format!("{} (from {from})", offer.prompt.id),
                None => offer.prompt.id.clone(),
            })
            .collect()
    }

    #[test]
    fn a_pack_offers_its_prompts_on_their_days() {
        let pack = coach_pack();
        // Monday 2026-11-30 is day 1.
        let enrollment = Enrollment::new("coach", "1.0.0", date(2026, 11, 30));
        let on = |d: NaiveDate| ids(&todays_offers(d, &[], &[(&pack, &enrollment)], &[]));
        assert_eq!(on(date(2026, 11, 29)), Vec::<String>::new());
        assert_eq!(on(date(2026, 11, 30)), vec!["d1", "daily", "weekly"]);
        // Wednesday, day 3; day 1's prompt is still unanswered.
        assert_eq!(
            on(date(2026, 12, 2)),
            vec!["d3", "daily", "d1 (from 2026-11-30)"]
        );
        // Friday: the weekday prompt; the next week starts on day 8.
        assert!(on(date(2026, 12, 4)).contains(&"fri".to_string()));
        assert!(on(date(2026, 12, 7)).contains(&"weekly".to_string()));
        // Day 15 is past the pack's 14 days: only unanswered prompts of its last days.
        assert_eq!(on(date(2026, 12, 14)), vec!["fri (from 2026-12-11)"]);
        assert_eq!(on(date(2026, 12, 20)), Vec::<String>::new());
    }

    #[test]
    fn an_answered_prompt_is_not_offered_again() {
        let pack = coach_pack();
        let enrollment = Enrollment::new("coach", "1.0.0", date(2026, 12, 28));
        let mut answered_day = Day::new(date(2026, 12, 29));
        let when = chrono::DateTime::parse_from_rfc3339("2026-12-29T07:00:00+01:00").unwrap();
        let mut entry = crate::domain::Entry::new(when, 0, "done".into());
        entry.pack = Some("coach".into());
        entry.prompt = Some("d1".into());
        answered_day.entries.push(entry);
        // Across a year end: Jan 1st is day 5.
        let offers = todays_offers(
            date(2027, 1, 1),
            &[],
            &[(&pack, &enrollment)],
            &[answered_day],
        );
        assert!(
            !ids(&offers).iter().any(|id| id.starts_with("d1")),
            "{offers:?}"
        );
        assert!(ids(&offers).contains(&"d3 (from 2026-12-30)".to_string()));
    }

    #[test]
    fn a_paused_pack_offers_nothing() {
        let pack = coach_pack();
        let mut enrollment = Enrollment::new("coach", "1.0.0", date(2026, 11, 30));
        enrollment.pause(date(2026, 11, 30));
        assert!(todays_offers(date(2026, 12, 1), &[], &[(&pack, &enrollment)], &[]).is_empty());
    }

    #[test]
    fn daily_pools_come_first() {
        let pool = pool(Frame::TrueNorth, 20);
        let pack = Pack {
            meta: coach_pack().meta,
            frames: Vec::new(),
            prompts: pool,
            commitments: Vec::new(),
        };
        let offers = todays_offers(date(2026, 11, 25), &[(&pack, Frame::TrueNorth)], &[], &[]);
        assert_eq!(offers.len(), 1);
        assert!(offers[0].daily);
    }

    #[test]
    fn an_empty_pool_offers_nothing() {
        assert!(prompt_for(&[], &Frame::Love, date(2026, 1, 1), 0).is_none());
    }
}
