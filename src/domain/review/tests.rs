use chrono::{DateTime, NaiveDate, Weekday};

use super::*;
use crate::domain::Rating;
use crate::domain::trends::{CommitmentWeek, WeeklyTrends};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn at(rfc3339: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(rfc3339).unwrap()
}

#[test]
fn the_questions_are_the_weekly_review_packs_continue_start_stop_and_true_north() {
    let packs = crate::builtin::packs_lenient();
    let prompts = prompts(&packs);
    let parts: Vec<ReviewPart> = prompts.iter().map(|p| p.part).collect();
    assert_eq!(parts, ReviewPart::ALL);
    assert!(
        prompts[0].prompt.text.contains("continue"),
        "{}",
        prompts[0].prompt.text
    );
    assert!(
        prompts[1].prompt.text.contains("start"),
        "{}",
        prompts[1].prompt.text
    );
    assert!(
        prompts[2].prompt.text.contains("stop"),
        "{}",
        prompts[2].prompt.text
    );
    for prompt in &prompts[..3] {
        assert_eq!(prompt.prompt.frame, Frame::Review);
    }
    assert_eq!(prompts[3].prompt.frame, Frame::TrueNorth);
    assert!(super::prompts(&[]).is_empty());
}

#[test]
fn a_review_looks_back_on_its_own_week_only_late_in_the_week() {
    // Monday weeks: Friday to Sunday review the same week; Monday to Thursday the one
    // before.
    let week = date(2026, 11, 16);
    assert_eq!(reviewed_week(date(2026, 11, 20), Weekday::Mon), week); // Friday
    assert_eq!(reviewed_week(date(2026, 11, 22), Weekday::Mon), week); // Sunday
    assert_eq!(
        reviewed_week(date(2026, 11, 19), Weekday::Mon),
        date(2026, 11, 9)
    );
    assert_eq!(reviewed_week(date(2026, 11, 23), Weekday::Mon), week); // next Monday
    // Sunday weeks: Thursday to Saturday.
    assert_eq!(
        reviewed_week(date(2026, 11, 19), Weekday::Sun),
        date(2026, 11, 15)
    );
    assert_eq!(
        reviewed_week(date(2026, 11, 22), Weekday::Sun),
        date(2026, 11, 15)
    );
}

/// The week a review written on `date` (Monday weeks) looks back on.
fn by(date: NaiveDate) -> Option<NaiveDate> {
    Some(reviewed_week(date, Weekday::Mon))
}

#[test]
fn a_review_is_due_on_the_first_open_of_a_week_until_one_is_written() {
    let monday = date(2026, 11, 23);
    let thursday = date(2026, 11, 26);
    assert!(is_due(monday, Weekday::Mon, None));
    // Written on the pack's Friday last week: last week is reviewed.
    assert!(!is_due(monday, Weekday::Mon, by(date(2026, 11, 20))));
    // Written this Monday: done for the week.
    assert!(!is_due(monday, Weekday::Mon, by(monday)));
    assert!(!is_due(thursday, Weekday::Mon, by(monday)));
    // Last written on Monday a week ago (that looked back two weeks): due, and still
    // due on Thursday when skipped on Monday.
    assert!(is_due(monday, Weekday::Mon, by(date(2026, 11, 16))));
    assert!(is_due(thursday, Weekday::Mon, by(date(2026, 11, 16))));
    // A review dated later than today (a clock set wrong) is not asked again.
    assert!(!is_due(monday, Weekday::Mon, by(date(2026, 12, 1))));
    // Across the year end and ISO week 53: Friday 1 January reviews the week of 28
    // December, so Monday 4 January has nothing due.
    assert!(!is_due(
        date(2027, 1, 4),
        Weekday::Mon,
        by(date(2027, 1, 1))
    ));
    assert!(is_due(
        date(2027, 1, 11),
        Weekday::Mon,
        by(date(2027, 1, 1))
    ));
    // Sunday weeks: Sunday is the first open of the week.
    let sunday_weeks = |d| Some(reviewed_week(d, Weekday::Sun));
    assert!(is_due(
        date(2026, 11, 22),
        Weekday::Sun,
        sunday_weeks(date(2026, 11, 15))
    ));
    assert!(!is_due(
        date(2026, 11, 22),
        Weekday::Sun,
        sunday_weeks(date(2026, 11, 20))
    ));
}

#[test]
fn w_opens_the_last_complete_week_while_its_review_is_due() {
    // Entries 24–28 Nov; the review of 23–29 Nov was offered on Sunday 6 December and
    // put off. Nothing reviewed since: `w` brings back 23–29 Nov, not the week of
    // Sunday itself.
    let sunday = date(2026, 12, 6);
    let last_complete = date(2026, 11, 23);
    assert_eq!(week_to_review(sunday, Weekday::Mon, None), last_complete);
    assert_eq!(
        week_to_review(sunday, Weekday::Mon, Some(date(2026, 11, 9))),
        last_complete
    );
    // On a Monday or a Thursday too.
    assert_eq!(
        week_to_review(date(2026, 11, 30), Weekday::Mon, None),
        last_complete
    );
    assert_eq!(
        week_to_review(date(2026, 12, 3), Weekday::Mon, None),
        last_complete
    );
    // Once last week is reviewed: early in the week `w` opens last week again; from
    // Friday on, this week.
    let reviewed = Some(last_complete);
    assert_eq!(
        week_to_review(date(2026, 12, 1), Weekday::Mon, reviewed),
        last_complete
    );
    assert_eq!(
        week_to_review(date(2026, 12, 4), Weekday::Mon, reviewed),
        date(2026, 11, 30)
    );
    assert_eq!(
        week_to_review(sunday, Weekday::Mon, reviewed),
        date(2026, 11, 30)
    );
    // Sunday weeks: on Sunday 6 December the last complete week is 29 Nov – 5 Dec.
    assert_eq!(
        week_to_review(sunday, Weekday::Sun, None),
        date(2026, 11, 29)
    );
}

#[test]
fn a_review_taken_late_counts_for_the_week_it_looked_back_on() {
    let packs = crate::builtin::packs_lenient();
    let prompts = prompts(&packs);
    // The review of 23–29 Nov, put off and written on Sunday 6 December.
    let sunday = date(2026, 12, 6);
    let mut day = Day::new(sunday);
    day.entries.push(entry(
        &day,
        prompts[0].prompt,
        "keep".into(),
        at("2026-12-06T10:00:00-05:00"),
        date(2026, 11, 23),
    ));
    let reviewed = last_reviewed_week(&[day.clone()], Weekday::Mon, 4);
    assert_eq!(reviewed, Some(date(2026, 11, 23)));
    // So on Monday 7 December the review of 30 Nov – 6 Dec is still due.
    assert!(is_due(date(2026, 12, 7), Weekday::Mon, reviewed));
    assert!(!is_due(sunday, Weekday::Mon, reviewed));
    // The week is kept in the day file and read back from it.
    let text = toml::to_string(&day.entries[0]).unwrap();
    assert!(text.contains("review_week = \"2026-11-23\""), "{text}");
    let back: Entry = toml::from_str(&text).unwrap();
    assert_eq!(
        last_reviewed_week(
            &[Day {
                entries: vec![back],
                ..Day::new(sunday)
            }],
            Weekday::Mon,
            4
        ),
        Some(date(2026, 11, 23))
    );
    // A week named unreadably (edited by hand) falls back to the day it was written.
    day.entries[0]
        .extra
        .insert(WEEK_KEY.into(), toml::Value::String("soon".into()));
    assert_eq!(
        last_reviewed_week(&[day], Weekday::Mon, 4),
        Some(date(2026, 11, 30))
    );
}

/// An answer to `prompt` in `day` as the pack's schedule writes it on Today, written
/// at `created`: naming no week.
fn unnamed(day: &Day, prompt: &Prompt, text: &str, created: &str) -> Entry {
    let mut answer = entry(day, prompt, text.into(), at(created), day.date);
    answer.extra.clear();
    answer
}

#[test]
fn the_last_review_is_the_latest_review_entry_after_the_rollover() {
    let packs = crate::builtin::packs_lenient();
    let prompts = prompts(&packs);
    // Written by the pack on Friday, without naming a week: that week.
    let mut friday = Day::new(date(2026, 11, 20));
    let written = unnamed(
        &friday,
        prompts[0].prompt,
        "keep",
        "2026-11-20T15:00:00-05:00",
    );
    friday.entries.push(written);
    // Only the true-north question answered on Monday: not a review.
    let mut monday = Day::new(date(2026, 11, 23));
    monday.entries.push(entry(
        &monday,
        prompts[3].prompt,
        "why".into(),
        at("2026-11-23T07:00:00-05:00"),
        date(2026, 11, 16),
    ));
    let week = |days: &[Day], rollover| last_reviewed_week(days, Weekday::Mon, rollover);
    assert_eq!(
        week(&[monday.clone(), friday.clone()], 4),
        Some(date(2026, 11, 16))
    );
    // Written at 1 am on Monday without naming a week: Sunday night or early Monday,
    // it looks back on the week before.
    let mut late = Day::new(date(2026, 11, 23));
    let written = unnamed(
        &late,
        prompts[2].prompt,
        "stop",
        "2026-11-23T01:00:00-05:00",
    );
    late.entries.push(written);
    assert_eq!(week(&[late.clone()], 4), Some(date(2026, 11, 16)));
    assert_eq!(week(&[late], 0), Some(date(2026, 11, 16)));
    assert_eq!(week(&[monday], 4), None);
}

#[test]
fn review_entries_belong_to_the_pack_and_get_fresh_ids() {
    let packs = crate::builtin::packs_lenient();
    let prompts = prompts(&packs);
    let now = at("2026-11-23T07:00:00-05:00");
    let mut day = Day::new(date(2026, 11, 23));
    let week = date(2026, 11, 16);
    let first = entry(&day, prompts[0].prompt, "keep".into(), now, week);
    day.entries.push(first.clone());
    let second = entry(&day, prompts[1].prompt, "start".into(), now, week);
    assert_ne!(first.id, second.id);
    assert_eq!(first.pack.as_deref(), Some(PACK));
    assert_eq!(first.prompt.as_deref(), Some("review-01"));
    assert_eq!(first.frame, Some(Frame::Review));
    assert_eq!(
        first.question.as_deref(),
        Some(prompts[0].prompt.text.as_str())
    );
}

#[test]
fn an_empty_week_is_not_offered_for_review() {
    let monday = date(2026, 11, 23);
    let trends = WeeklyTrends::new(Weekday::Mon, 4);
    let empty = &trends.compute(&[], 2, monday)[0];
    assert!(!should_offer(monday, Weekday::Mon, None, empty));
    let mut day = Day::new(date(2026, 11, 18));
    day.entries
        .push(Entry::new(at("2026-11-18T07:00:00-05:00"), 0, "x".into()));
    let written = &trends.compute(&[day], 2, monday)[0];
    assert!(should_offer(monday, Weekday::Mon, None, written));
    assert!(!should_offer(monday, Weekday::Mon, by(monday), written));
}

#[test]
fn the_summary_reads_last_weeks_figures() {
    let start = date(2026, 11, 16);
    let mut days = Vec::new();
    for (n, frame) in [Frame::Love, Frame::Care, Frame::Care, Frame::TrueNorth]
        .into_iter()
        .enumerate()
    {
        let day_date = start + chrono::Days::new(n as u64);
        let mut day = Day::new(day_date);
        let mut written = Entry::new(
            at(&format!("{day_date}T07:00:00-05:00")),
            0,
            "word ".repeat(400),
        );
        written.frame = Some(frame);
        day.entries.push(written);
        day.ratings.energy = Rating::new(3 + (n as u8 % 2));
        days.push(day);
    }
    let mut week = WeeklyTrends::new(Weekday::Mon, 4)
        .compute(&days, 1, date(2026, 11, 22))
        .remove(0);
    assert_eq!(
        summary(&week),
        [
            "16–22 Nov: reflected on 4 of 7 days; 4 entries, 1,600 words.",
            "Love 1 · Care 2 · Vulnerability 0",
            "Also: True north 1",
            "Energy 3.5 (over 4 rated days)",
        ]
    );
    week.commitments = vec![
        CommitmentWeek {
            id: "names".into(),
            title: "Learn names".into(),
            active: true,
            kept: 1,
            missed: 5,
        },
        CommitmentWeek {
            id: "share".into(),
            title: "Share a win".into(),
            active: true,
            kept: 1,
            missed: 0,
        },
    ];
    week.commitments_kept_rate = Some(2.0 / 7.0);
    week.people_connected = 3;
    week.roster_size = 12;
    week.people_connected_share = Some(0.25);
    week.outlook_avg = Some(4.0);
    week.outlook_days = 1;
    let lines = summary(&week);
    assert_eq!(
        lines[3],
        "Energy 3.5 (over 4 rated days), outlook 4.0 (over 1 rated day)"
    );
    // Each due check-in weighs the same: 2 of 7, not the mean of 17% and 100%.
    assert_eq!(
        lines[4],
        "Commitments: 2 of 7 kept (29%) — Learn names 1 of 6; Share a win 1 of 1"
    );
    assert_eq!(lines[5], "People connected with: 3 of 12 (25%)");
    let empty = WeeklyTrends::new(Weekday::Mon, 4)
        .compute(&[], 1, date(2026, 11, 22))
        .remove(0);
    assert_eq!(summary(&empty), ["16–22 Nov: no entries."]);
    assert_eq!(thousands(1_234_567), "1,234,567");
    assert_eq!(thousands(999), "999");
}

/// The review of 16–22 November 2026, Monday weeks, rollover at 4 am.
fn week_of_16_nov() -> ReviewWeek {
    ReviewWeek {
        start: date(2026, 11, 16),
        week_start: Weekday::Mon,
        rollover_hour: 4,
    }
}

/// The review's answers in `day`: (prompt id, text).
fn answers(day: &Day) -> Vec<(String, String)> {
    day.entries
        .iter()
        .filter(|entry| entry.pack.as_deref() == Some(PACK))
        .map(|entry| (entry.prompt.clone().unwrap(), entry.text.clone()))
        .collect()
}

fn pair(prompt: &str, text: &str) -> (String, String) {
    (prompt.to_string(), text.to_string())
}

#[test]
fn saving_a_review_again_changes_its_answers_in_place_and_never_adds_one_twice() {
    let packs = crate::builtin::packs_lenient();
    let prompts = prompts(&packs);
    let review = week_of_16_nov();
    let mut monday = Day::new(date(2026, 11, 23));
    let first = at("2026-11-23T08:00:00+01:00");
    let later = at("2026-11-23T09:00:00+01:00");

    review.put_answer(&mut monday, prompts[0].prompt, "Hallway check-ins.", first);
    review.put_answer(&mut monday, prompts[2].prompt, "Email at lunch.", first);
    let saved = monday.clone();
    // The same review saved again: nothing changes.
    review.put_answer(&mut monday, prompts[0].prompt, "Hallway check-ins.", later);
    review.put_answer(&mut monday, prompts[2].prompt, "Email at lunch.", later);
    assert_eq!(monday, saved);
    // Edited: the same entry holds the new words.
    review.put_answer(
        &mut monday,
        prompts[0].prompt,
        "Hallway check-ins, daily.",
        later,
    );
    assert_eq!(
        answers(&monday),
        vec![
            pair("review-01", "Hallway check-ins, daily."),
            pair("review-03", "Email at lunch.")
        ]
    );
    assert_eq!(monday.entries[0].id, saved.entries[0].id);
    assert_eq!(monday.entries[0].created, first);
    // Emptied: the answer goes.
    review.put_answer(&mut monday, prompts[2].prompt, "", later);
    assert_eq!(
        answers(&monday),
        vec![pair("review-01", "Hallway check-ins, daily.")]
    );

    // Another week's answer to the same question, in the same file, is its own.
    let next = ReviewWeek {
        start: date(2026, 11, 23),
        ..review
    };
    next.put_answer(&mut monday, prompts[0].prompt, "Next week's.", later);
    review.put_answer(&mut monday, prompts[0].prompt, "Hallway check-ins.", later);
    assert_eq!(
        answers(&monday),
        vec![
            pair("review-01", "Hallway check-ins."),
            pair("review-01", "Next week's.")
        ]
    );
}

#[test]
fn a_reopened_review_reads_its_weeks_answers_and_copies_saved_twice_become_one() {
    let packs = crate::builtin::packs_lenient();
    let prompts = prompts(&packs);
    let review = week_of_16_nov();
    let now = at("2026-11-23T08:00:00+01:00");
    // Answered on the pack's Friday, without naming a week ...
    let mut friday = Day::new(date(2026, 11, 20));
    let on_friday = unnamed(
        &friday,
        prompts[1].prompt,
        "Start: a family coffee.",
        "2026-11-20T15:00:00+01:00",
    );
    friday.entries.push(on_friday);
    // ... and on Monday saved twice by an earlier version (the same question, the
    // same week), beside the review of the week before, which is not this one's.
    let mut monday = Day::new(date(2026, 11, 23));
    for text in ["Keep: check-ins.", "Keep: lunch duty."] {
        let answer = entry(&monday, prompts[0].prompt, text.into(), now, review.start);
        monday.entries.push(answer);
    }
    let older = entry(
        &monday,
        prompts[0].prompt,
        "Last month's.".into(),
        now,
        date(2026, 11, 9),
    );
    monday.entries.push(older);

    let written = review.written(&[monday.clone(), friday.clone()]);
    let parts: Vec<(ReviewPart, NaiveDate)> = written.iter().map(|w| (w.part, w.date)).collect();
    assert_eq!(
        parts,
        vec![
            (ReviewPart::Start, date(2026, 11, 20)),
            (ReviewPart::Continue, date(2026, 11, 23)),
            (ReviewPart::Continue, date(2026, 11, 23)),
        ]
    );
    assert_eq!(
        shown_text(&written, ReviewPart::Continue),
        "Keep: check-ins.\n\nKeep: lunch duty."
    );
    assert_eq!(
        shown_text(&written, ReviewPart::Start),
        "Start: a family coffee."
    );
    assert_eq!(shown_text(&written, ReviewPart::Stop), "");

    // Saved again, the two copies become the one answer shown, and the Friday answer
    // is edited where it is kept.
    review.put_answer(
        &mut monday,
        prompts[0].prompt,
        "Keep: check-ins.\n\nKeep: lunch duty.",
        now,
    );
    review.put_answer(
        &mut friday,
        prompts[1].prompt,
        "Start: family coffees.",
        now,
    );
    assert_eq!(
        answers(&monday),
        vec![
            pair("review-01", "Keep: check-ins.\n\nKeep: lunch duty."),
            pair("review-01", "Last month's.")
        ]
    );
    assert_eq!(
        answers(&friday),
        vec![pair("review-02", "Start: family coffees.")]
    );
    assert_eq!(review.written(&[monday, friday]).len(), 2);
}

#[test]
fn an_answer_is_saved_where_it_is_kept_and_copies_on_other_days_are_dropped() {
    let today = date(2026, 11, 24);
    assert_eq!(
        placements(&[], today, "new"),
        vec![(today, "new".to_string())]
    );
    let friday = date(2026, 11, 20);
    let monday = date(2026, 11, 23);
    assert_eq!(
        placements(&[friday, monday, monday], today, "joined"),
        vec![(friday, "joined".to_string()), (monday, String::new())]
    );
}
