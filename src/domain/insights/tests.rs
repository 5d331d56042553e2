//! Each rule on a crafted journal: once where its numbers support it (the exact
//! wording, so a broken rule fails) and once where they do not (it stays silent).

use std::collections::BTreeMap;

use chrono::{DateTime, Days, NaiveDate, Weekday};

use super::*;
use crate::domain::commitment::{Cadence, CheckIn, Commitment};
use crate::domain::trends::WeeklyTrends;
use crate::domain::{Entry, Rating};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Wednesday 25 November 2026: the week of 23 November is running.
fn today() -> NaiveDate {
    date(2026, 11, 25)
}

/// Monday of the week `back` weeks before the current one (0: this week).
fn monday(back: u64) -> NaiveDate {
    date(2026, 11, 23) - Days::new(7 * back)
}

#[derive(Default)]
struct Crafted {
    days: BTreeMap<NaiveDate, Day>,
    commitments: Vec<Commitment>,
}

impl Crafted {
    fn day(&mut self, date: NaiveDate) -> &mut Day {
        self.days.entry(date).or_insert_with(|| Day::new(date))
    }

    fn write(&mut self, date: NaiveDate, frame: Option<Frame>) {
        let day = self.day(date);
        let created = DateTime::parse_from_rfc3339(&format!("{date}T07:00:00-05:00")).unwrap();
        let mut entry = Entry::new(created, day.entries.len(), "a few honest lines".into());
        entry.frame = frame;
        day.entries.push(entry);
    }

    /// `n` entries of `frame`, one a day from `first`.
    fn write_many(&mut self, first: NaiveDate, n: u64, frame: Frame) {
        for k in 0..n {
            self.write(first + Days::new(k), Some(frame.clone()));
        }
    }

    fn rate(&mut self, date: NaiveDate, energy: u8) {
        self.day(date).ratings.energy = Rating::new(energy);
    }

    fn check(&mut self, id: &str, date: NaiveDate) {
        let at = DateTime::parse_from_rfc3339(&format!("{date}T16:00:00-05:00")).unwrap();
        self.day(date)
            .checkins
            .push(CheckIn::new(id, date, date, at, None));
    }

    fn days(&self) -> Vec<Day> {
        self.days.values().cloned().collect()
    }

    fn weeks(&self) -> Vec<WeekStats> {
        WeeklyTrends::new(Weekday::Mon, 4)
            .commitments(&self.commitments)
            .compute(&self.days(), 12, today())
    }

    fn insights(&self) -> Vec<Insight> {
        let weeks = self.weeks();
        let days = self.days();
        let packs = crate::builtin::packs_lenient();
        insights(&InsightInputs {
            weeks: &weeks,
            days: &days,
            today: today(),
            rollover_hour: 4,
            packs: &packs,
        })
    }

    fn insight(&self, kind: InsightKind) -> Option<Insight> {
        self.insights()
            .into_iter()
            .find(|insight| insight.kind == kind)
    }
}

#[test]
fn an_empty_journal_has_nothing_to_say() {
    assert!(Crafted::default().insights().is_empty());
}

#[test]
fn a_neglected_dimension_is_named_with_its_counts_and_a_prompt_for_it() {
    let mut journal = Crafted::default();
    // The last three weeks: love 9, care 7, vulnerability 1. Older weeks do not count.
    journal.write_many(monday(2), 5, Frame::Love);
    journal.write_many(monday(1), 4, Frame::Love);
    journal.write_many(monday(1) + Days::new(4), 3, Frame::Care);
    journal.write_many(monday(0), 3, Frame::Care);
    journal.write(monday(0) + Days::new(1), Some(Frame::Care));
    journal.write(monday(2) + Days::new(6), Some(Frame::Vulnerability));
    journal.write_many(monday(5), 7, Frame::Vulnerability);

    let insight = journal.insight(InsightKind::NeglectedDimension).unwrap();
    assert_eq!(insight.title, "Little room for vulnerability lately");
    assert_eq!(
        insight.detail,
        "Vulnerability appeared in 1 entry in the last 3 weeks; love in 9 and care in 7."
    );
    assert_eq!(
        insight.evidence,
        [
            ("Love".to_string(), "9 entries".to_string()),
            ("Care".to_string(), "7 entries".to_string()),
            ("Vulnerability".to_string(), "1 entry".to_string()),
        ]
    );
    let packs = crate::builtin::packs_lenient();
    let pool = packs.iter().find(|p| p.meta.id == DAILY_LCV).unwrap();
    let expected = prompt_for(&pool.prompts, &Frame::Vulnerability, today(), 0).unwrap();
    assert_eq!(expected.frame, Frame::Vulnerability);
    assert_eq!(
        insight.action,
        InsightAction::AnswerPrompt {
            pack: DAILY_LCV.to_string(),
            prompt_id: expected.id.clone(),
        }
    );
}

#[test]
fn a_balanced_or_thin_lcv_record_names_no_neglected_dimension() {
    let mut balanced = Crafted::default();
    // 9, 5, 4: the least has more than a third of the most.
    balanced.write_many(monday(2), 7, Frame::Love);
    balanced.write_many(monday(1), 2, Frame::Love);
    balanced.write_many(monday(1) + Days::new(2), 5, Frame::Care);
    balanced.write_many(monday(0), 3, Frame::Vulnerability);
    balanced.write(monday(2), Some(Frame::Vulnerability));
    assert_eq!(balanced.insight(InsightKind::NeglectedDimension), None);

    // Love 4, the rest 0: too few entries to judge a balance.
    let mut thin = Crafted::default();
    thin.write_many(monday(1), 4, Frame::Love);
    assert_eq!(thin.insight(InsightKind::NeglectedDimension), None);
}

#[test]
fn the_current_streak_is_set_against_the_longest() {
    let mut journal = Crafted::default();
    // Eight days in October, then five days up to yesterday (today not written yet).
    for k in 0..8 {
        journal.write(date(2026, 10, 5) + Days::new(k), None);
    }
    for k in 1..=5 {
        journal.write(today() - Days::new(k), None);
    }
    let insight = journal.insight(InsightKind::ReflectionStreak).unwrap();
    assert_eq!(insight.title, "5 days in a row");
    assert_eq!(
        insight.detail,
        "You have reflected 5 days in a row, since Fri 20 Nov. Your longest run is 8 days \
         (5 Oct 2026 – 12 Oct 2026)."
    );
    assert_eq!(insight.action, review_prompt(prompt_ids::STREAK));

    // Writing today makes the current run reach today; it is still shorter.
    journal.write(today(), None);
    let insight = journal.insight(InsightKind::ReflectionStreak).unwrap();
    assert_eq!(insight.title, "6 days in a row");

    // Three more days back and the current run is the longest.
    for k in 6..=8 {
        journal.write(today() - Days::new(k), None);
    }
    let insight = journal.insight(InsightKind::ReflectionStreak).unwrap();
    assert_eq!(insight.title, "9 days in a row: your longest run");
}

#[test]
fn a_broken_streak_recalls_the_longest_and_short_runs_say_nothing() {
    let mut journal = Crafted::default();
    for k in 0..4 {
        journal.write(date(2026, 11, 2) + Days::new(k), None);
    }
    let insight = journal.insight(InsightKind::ReflectionStreak).unwrap();
    assert_eq!(insight.title, "Your longest run: 4 days");
    // Something to do: what helped, and what could keep it going.
    assert_eq!(insight.action, review_prompt(prompt_ids::STREAK));
    let text = prompt_text(&insight.action);
    assert!(text.contains("keeping it going"), "{text}");
    assert_eq!(
        insight.detail,
        "Your longest run of reflection is 4 days in a row (2 Nov 2026 – 5 Nov 2026)."
    );

    // Every other day: no run of three.
    let mut scattered = Crafted::default();
    for k in 0..10 {
        scattered.write(date(2026, 11, 1) + Days::new(2 * k), None);
    }
    assert_eq!(scattered.insight(InsightKind::ReflectionStreak), None);
}

/// A daily commitment from four weeks back, checked on `kept_before` days of each of
/// the two earlier weeks and `kept_recent` of each of the last two.
fn commitment_journal(kept_before: u64, kept_recent: u64) -> Crafted {
    let mut journal = Crafted::default();
    let mut commitment = Commitment::new(
        "learn-names".into(),
        "Learn three students' names".into(),
        Frame::Love,
        Cadence::Daily,
    );
    commitment.start = Some(monday(3));
    journal.commitments.push(commitment);
    for (week, kept) in [
        (3, kept_before),
        (2, kept_before),
        (1, kept_recent),
        (0, kept_recent),
    ] {
        for k in 0..kept {
            let day = monday(week) + Days::new(k);
            if day <= today() {
                journal.check("learn-names", day);
            }
        }
    }
    journal
}

#[test]
fn a_slipping_commitment_shows_both_rates_and_offers_to_review_it() {
    // Before: 6 of 7 days kept in each week. Recently: 2 of 7 last week, and this
    // week Monday and Tuesday kept (Wednesday, today, is still open).
    let insight = commitment_journal(6, 2)
        .insight(InsightKind::CommitmentSlipping)
        .unwrap();
    assert_eq!(insight.title, "“Learn three students' names” is slipping");
    assert_eq!(
        insight.detail,
        "Kept 4 of 9 times in the last 2 weeks, down from 12 of 14 in the 2 weeks before \
         (86% → 44%)."
    );
    assert_eq!(
        insight.action,
        InsightAction::ReviewCommitment {
            id: "learn-names".into()
        }
    );
}

#[test]
fn a_steady_or_inactive_commitment_is_not_called_slipping() {
    assert_eq!(
        commitment_journal(5, 5).insight(InsightKind::CommitmentSlipping),
        None
    );
    // A small dip (6 of 7, then 5 of 7 and 2 of 2) is not a slide.
    assert_eq!(
        commitment_journal(6, 5).insight(InsightKind::CommitmentSlipping),
        None
    );
    // A commitment that is paused now is not nagged about.
    let mut paused = commitment_journal(6, 1);
    paused.commitments[0].pause(today());
    assert_eq!(paused.insight(InsightKind::CommitmentSlipping), None);
}

/// Energy ratings on Monday and Tuesday of each of the last four weeks.
fn energy_journal(weekly: [(u8, u8); 4]) -> Crafted {
    let mut journal = Crafted::default();
    for (back, (monday_energy, tuesday_energy)) in (0..4).rev().zip(weekly) {
        journal.rate(monday(back), monday_energy);
        journal.rate(monday(back) + Days::new(1), tuesday_energy);
    }
    journal
}

#[test]
fn falling_energy_is_reported_with_each_weeks_average() {
    let insight = energy_journal([(4, 4), (4, 3), (3, 3), (3, 2)])
        .insight(InsightKind::EnergyTrend)
        .unwrap();
    assert_eq!(insight.title, "Energy is going down");
    assert_eq!(
        insight.detail,
        "Your average energy went from 4.0 to 2.5 over the last 4 weeks (4.0, 3.5, 3.0, 2.5 \
         on a 1–5 scale)."
    );
    let labels: Vec<&str> = insight.evidence.iter().map(|(l, _)| l.as_str()).collect();
    assert_eq!(labels, ["2–8 Nov", "9–15 Nov", "16–22 Nov", "23–29 Nov"]);
    // Something to do: a question on what drains and what restores energy.
    assert_eq!(insight.action, review_prompt(prompt_ids::ENERGY_DOWN));
    let text = prompt_text(&insight.action);
    assert!(
        text.contains("energy") && text.contains("restores"),
        "{text}"
    );

    let rising = energy_journal([(2, 2), (2, 3), (3, 3), (4, 3)])
        .insight(InsightKind::EnergyTrend)
        .unwrap();
    assert_eq!(rising.title, "Energy is going up");
    assert_eq!(rising.action, review_prompt(prompt_ids::ENERGY_UP));
}

#[test]
fn a_falling_or_rising_outlook_offers_a_question_on_it() {
    let outlook = |weekly: [(u8, u8); 4]| {
        let mut journal = Crafted::default();
        for (back, (first, second)) in (0..4).rev().zip(weekly) {
            journal.day(monday(back)).ratings.outlook = Rating::new(first);
            journal.day(monday(back) + Days::new(1)).ratings.outlook = Rating::new(second);
        }
        journal.insight(InsightKind::OutlookTrend)
    };
    let falling = outlook([(5, 4), (4, 4), (3, 4), (3, 2)]).unwrap();
    assert_eq!(falling.title, "Outlook is going down");
    assert_eq!(falling.action, review_prompt(prompt_ids::OUTLOOK_DOWN));
    assert!(prompt_text(&falling.action).contains("weighing on"));
    let rising = outlook([(2, 2), (3, 2), (3, 3), (4, 4)]).unwrap();
    assert_eq!(rising.title, "Outlook is going up");
    assert_eq!(rising.action, review_prompt(prompt_ids::OUTLOOK_UP));
    assert_eq!(outlook([(3, 3), (3, 3), (3, 3), (3, 3)]), None);
}

/// The text of the built-in prompt an action answers; fails when it is missing.
fn prompt_text(action: &InsightAction) -> String {
    let InsightAction::AnswerPrompt { pack, prompt_id } = action else {
        panic!("not a prompt: {action:?}");
    };
    let packs = crate::builtin::packs_lenient();
    let pack = packs.iter().find(|p| &p.meta.id == pack).unwrap();
    let prompt = pack.prompts.iter().find(|p| &p.id == prompt_id);
    prompt.unwrap_or_else(|| panic!("{prompt_id}")).text.clone()
}

#[test]
fn every_insight_prompt_is_a_built_in_question_that_never_comes_up_by_itself() {
    let packs = crate::builtin::packs_lenient();
    let review = packs.iter().find(|p| p.meta.id == REVIEW_PACK).unwrap();
    for id in [
        prompt_ids::ENERGY_DOWN,
        prompt_ids::ENERGY_UP,
        prompt_ids::OUTLOOK_DOWN,
        prompt_ids::OUTLOOK_UP,
        prompt_ids::STREAK,
        prompt_ids::REFLECTING_LESS,
        prompt_ids::REFLECTING_MORE,
    ] {
        let text = prompt_text(&review_prompt(id));
        assert!(text.ends_with('?'), "{id}: {text}");
        // No schedule: the weekly-review pack running on Fridays does not ask them,
        // and they are not in the review frame, so answering one is not a review.
        let prompt = review.prompts.iter().find(|p| p.id == id).unwrap();
        assert!(
            review.unscheduled().any(|p| p.id == id),
            "{id} is scheduled"
        );
        assert_ne!(prompt.frame, Frame::Review, "{id}");
    }
}

#[test]
fn flat_zigzag_or_thin_energy_is_not_a_trend() {
    let flat = energy_journal([(3, 3), (3, 4), (3, 3), (3, 4)]);
    assert_eq!(flat.insight(InsightKind::EnergyTrend), None);
    let zigzag = energy_journal([(2, 2), (5, 5), (2, 2), (4, 4)]);
    assert_eq!(zigzag.insight(InsightKind::EnergyTrend), None);
    // One rated day a week is too little to average.
    let mut thin = Crafted::default();
    for (back, energy) in [(3, 5), (2, 4), (1, 2), (0, 1)] {
        thin.rate(monday(back), energy);
    }
    assert_eq!(thin.insight(InsightKind::EnergyTrend), None);
}

/// Reflection on `before` days of each of four whole weeks, then `recent` days of
/// each of the next four whole weeks (the running week is left empty).
fn frequency_journal(before: u64, recent: u64) -> Crafted {
    let mut journal = Crafted::default();
    for back in 1..=8 {
        let days = if back > 4 { before } else { recent };
        for k in 0..days {
            // Every other day first, so no long streak is needed to reach a count.
            journal.write(monday(back) + Days::new((2 * k) % 7), None);
        }
    }
    journal
}

#[test]
fn reflecting_less_often_compares_whole_weeks() {
    let insight = frequency_journal(6, 2)
        .insight(InsightKind::ReflectionFrequency)
        .unwrap();
    assert_eq!(insight.title, "Reflecting less often");
    assert_eq!(
        insight.detail,
        "You reflected on 8 days in the last 4 whole weeks, down from 24 in the 4 weeks before."
    );
    assert_eq!(insight.action, review_prompt(prompt_ids::REFLECTING_LESS));
    assert!(prompt_text(&insight.action).contains("crowded out"));
    let more = frequency_journal(2, 5)
        .insight(InsightKind::ReflectionFrequency)
        .unwrap();
    assert_eq!(more.title, "Reflecting more often");
    assert_eq!(more.action, review_prompt(prompt_ids::REFLECTING_MORE));
}

#[test]
fn a_small_change_in_frequency_says_nothing() {
    // 20 days, then 18: fewer than three days apart.
    assert_eq!(
        frequency_journal(5, 5).insight(InsightKind::ReflectionFrequency),
        None
    );
    let mut small = frequency_journal(5, 5);
    for back in [1, 2] {
        let day = monday(back) + Days::new(1);
        small.days.remove(&day);
    }
    assert_eq!(small.insight(InsightKind::ReflectionFrequency), None);
}

#[test]
fn at_most_five_insights_in_the_rules_order() {
    let mut journal = commitment_journal(6, 1);
    journal.write_many(monday(2), 9, Frame::Love);
    journal.write_many(monday(1) + Days::new(2), 7, Frame::Care);
    for (back, energy) in [(3, 5), (2, 4), (1, 3), (0, 2)] {
        journal.rate(monday(back), energy);
        journal.rate(monday(back) + Days::new(1), energy);
    }
    for back in 5..=8 {
        for k in 0..7 {
            journal.write(monday(back) + Days::new(k), None);
        }
    }
    let kinds: Vec<InsightKind> = journal.insights().iter().map(|i| i.kind).collect();
    assert_eq!(
        kinds,
        [
            InsightKind::NeglectedDimension,
            InsightKind::ReflectionStreak,
            InsightKind::CommitmentSlipping,
            InsightKind::EnergyTrend,
            InsightKind::ReflectionFrequency,
        ]
    );
}

#[test]
fn on_a_monday_morning_the_empty_new_week_does_not_hide_a_trend() {
    // Four whole weeks of falling energy, seen on the Monday after, before anything
    // is written: the window is the four weeks before.
    let mut journal = Crafted::default();
    for (back, energy) in [(4, 5), (3, 4), (2, 3), (1, 2)] {
        journal.rate(monday(back), energy);
        journal.rate(monday(back) + Days::new(1), energy);
    }
    let weeks = WeeklyTrends::new(Weekday::Mon, 4).compute(&journal.days(), 12, monday(0));
    let insight = rating_trend(&weeks, RatingKind::Energy).unwrap();
    assert_eq!(
        insight.detail,
        "Your average energy went from 5.0 to 2.0 over the last 4 weeks (5.0, 4.0, 3.0, 2.0 \
         on a 1–5 scale)."
    );
    // Once the new week has ratings it is part of the window.
    journal.rate(monday(0), 5);
    journal.rate(monday(0) + Days::new(1), 5);
    let weeks = WeeklyTrends::new(Weekday::Mon, 4).compute(&journal.days(), 12, today());
    assert_eq!(rating_trend(&weeks, RatingKind::Energy), None);
}

#[test]
fn a_dimension_missing_altogether_reads_as_no_entry() {
    let mut journal = Crafted::default();
    journal.write_many(monday(1), 4, Frame::Love);
    journal.write_many(monday(0), 3, Frame::Care);
    let insight = journal.insight(InsightKind::NeglectedDimension).unwrap();
    assert_eq!(
        insight.detail,
        "Vulnerability appeared in no entry in the last 3 weeks; love in 4 and care in 3."
    );
}

#[test]
fn a_weekly_commitment_slips_on_two_misses_not_one() {
    let weekly = |kept_recent: &[u64]| {
        let mut journal = Crafted::default();
        let mut commitment = Commitment::new(
            "share".into(),
            "Share at the staff meeting".into(),
            Frame::Vulnerability,
            Cadence::WeeklyOn(Weekday::Tue),
        );
        commitment.start = Some(monday(4));
        journal.commitments.push(commitment);
        for back in [4, 3] {
            journal.check("share", monday(back) + Days::new(1));
        }
        for &back in kept_recent {
            journal.check("share", monday(back) + Days::new(1));
        }
        journal
    };
    // Seen on a Wednesday: this week's Tuesday is judged, so the last two weeks are
    // this one and the one before.
    let insight = weekly(&[])
        .insight(InsightKind::CommitmentSlipping)
        .unwrap();
    assert_eq!(
        insight.detail,
        "Kept 0 of 2 times in the last 2 weeks, down from 2 of 2 in the 2 weeks before \
         (100% → 0%)."
    );
    assert_eq!(weekly(&[0]).insight(InsightKind::CommitmentSlipping), None);
}
