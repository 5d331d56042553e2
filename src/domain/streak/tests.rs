//! The streak and rate rules, cadence by cadence, at the calendar's edges: months and
//! years that split a week, a Sunday week start, ISO week 53 of 2026, leap days,
//! planned skips, pauses and back-filled check-ins.
//!
//! November 2026 for reference: Mon 23, Tue 24, Wed 25, Thu 26, Fri 27, Sat 28, Sun 29,
//! Mon 30. Mon 28 Dec 2026 to Sun 3 Jan 2027 is ISO week 2026-W53.

use chrono::{DateTime, Datelike, NaiveDate, Weekday};

use super::*;
use crate::domain::commitment::ConnectionGoal;
use crate::domain::person::{Connection, Role};
use crate::domain::{Day, Frame};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn nov(d: u32) -> NaiveDate {
    date(2026, 11, d)
}

fn commitment(cadence: &str, start: NaiveDate) -> Commitment {
    let mut c = Commitment::new(
        "c".into(),
        "C".into(),
        Frame::Love,
        cadence.parse().unwrap(),
    );
    c.start = Some(start);
    c
}

/// A record with one check-in on each of `days` (a day may repeat).
fn record(c: &Commitment, week_start: Weekday, days: &[NaiveDate]) -> Record {
    let mut record = Record::new(c, week_start);
    for day in days {
        record.add_check_in(*day, false);
    }
    record
}

fn range(first: NaiveDate, last: NaiveDate) -> Vec<NaiveDate> {
    first.iter_days().take_while(|d| *d <= last).collect()
}

// ---------------------------------------------------------------- daily

#[test]
fn daily_streaks_count_days_and_today_stays_open_until_it_ends() {
    let c = commitment("daily", nov(1));
    let r = record(&c, Weekday::Mon, &range(nov(20), nov(24)));
    // Today (25th) is not checked yet: the streak stands, and today is the last chance.
    assert_eq!(r.current_streak(nov(25)), 5);
    assert_eq!(r.streak_deadline(nov(25)), Some(nov(25)));
    assert_eq!(r.days_until_streak_breaks(nov(25)), Some(0));
    // A day later, the 25th was missed.
    assert_eq!(r.current_streak(nov(26)), 0);
    assert_eq!(r.days_until_streak_breaks(nov(26)), None);
    assert_eq!(r.best_streak(nov(26)), 5);

    let r = record(&c, Weekday::Mon, &range(nov(20), nov(25)));
    assert_eq!(r.current_streak(nov(25)), 6);
    assert_eq!(r.days_until_streak_breaks(nov(25)), Some(1), "tomorrow");
}

#[test]
fn a_missed_day_breaks_a_daily_streak_and_the_best_is_remembered() {
    let c = commitment("daily", nov(1));
    let mut days = range(nov(2), nov(9)); // 8 days
    days.extend(range(nov(11), nov(13))); // 10th missed
    days.extend(range(nov(15), nov(18))); // 14th missed
    let r = record(&c, Weekday::Mon, &days);
    assert_eq!(r.current_streak(nov(18)), 4);
    assert_eq!(r.best_streak(nov(18)), 8);
    // 1st missed too: 15 kept of 18 due.
    assert_eq!(
        r.kept_rate(nov(18), 52),
        Rate {
            kept: 15,
            missed: 3
        }
    );
}

#[test]
fn planned_skips_neither_count_nor_break_a_daily_streak() {
    let mut c = commitment("daily", nov(1));
    c.skip(nov(22));
    c.skip(nov(25));
    let r = record(&c, Weekday::Mon, &[nov(20), nov(21), nov(23), nov(24)]);
    assert_eq!(r.current_streak(nov(24)), 4);
    // Today is a planned skip: nothing is at risk until tomorrow.
    assert_eq!(r.current_streak(nov(25)), 4);
    assert!(!r.is_due(nov(25)));
    assert_eq!(r.streak_deadline(nov(25)), Some(nov(26)));
    assert_eq!(r.kept_rate(nov(25), 1), Rate { kept: 2, missed: 0 });
    // Kept beats skipped: a check-in on a skip day counts.
    let r = record(&c, Weekday::Mon, &[nov(21), nov(22), nov(23)]);
    assert_eq!(r.current_streak(nov(23)), 3);
}

#[test]
fn daily_streaks_run_across_month_year_and_leap_day_ends() {
    let c = commitment("daily", date(2026, 1, 1));
    let r = record(
        &c,
        Weekday::Mon,
        &range(date(2026, 1, 30), date(2026, 2, 2)),
    );
    assert_eq!(r.current_streak(date(2026, 2, 2)), 4);
    let r = record(
        &c,
        Weekday::Mon,
        &range(date(2026, 12, 30), date(2027, 1, 2)),
    );
    assert_eq!(r.current_streak(date(2027, 1, 2)), 4);
    assert_eq!(r.streak_deadline(date(2027, 1, 2)), Some(date(2027, 1, 3)));
    let c = commitment("daily", date(2028, 2, 1));
    let r = record(&c, Weekday::Mon, &[date(2028, 2, 28), date(2028, 2, 29)]);
    assert_eq!(r.current_streak(date(2028, 3, 1)), 2, "the leap day counts");
    let r = record(&c, Weekday::Mon, &[date(2028, 2, 28), date(2028, 3, 1)]);
    assert_eq!(
        r.current_streak(date(2028, 3, 1)),
        1,
        "the leap day was missed"
    );
}

#[test]
fn backfilled_check_ins_count_and_are_marked() {
    let c = commitment("daily", nov(1));
    let mut r = record(&c, Weekday::Mon, &[nov(23)]);
    r.add_check_in(nov(24), true);
    assert_eq!(r.current_streak(nov(25)), 2);
    let marks: HashMap<NaiveDate, DayMark> = r.heatmap(nov(25), 1).into_iter().collect();
    assert_eq!(marks[&nov(23)], DayMark::Kept { backfilled: false });
    assert_eq!(marks[&nov(24)], DayMark::Kept { backfilled: true });
    assert_eq!(marks[&nov(25)], DayMark::Due);
}

#[test]
fn paused_days_do_not_break_a_streak_and_a_paused_streak_cannot_break() {
    let mut c = commitment("daily", nov(1));
    c.pause(nov(21));
    let paused = record(&c, Weekday::Mon, &range(nov(18), nov(20)));
    assert_eq!(paused.current_streak(nov(25)), 3);
    assert_eq!(
        paused.streak_deadline(nov(25)),
        None,
        "paused: nothing at risk"
    );
    assert!(!paused.is_due(nov(25)));
    c.resume(nov(24));
    let r = record(&c, Weekday::Mon, &[nov(18), nov(19), nov(20), nov(24)]);
    assert_eq!(r.current_streak(nov(24)), 4);
    let marks: HashMap<NaiveDate, DayMark> = r.heatmap(nov(24), 1).into_iter().collect();
    assert_eq!(marks[&nov(23)], DayMark::Skipped);
}

#[test]
fn days_before_the_start_and_after_the_end_ask_nothing() {
    let mut c = commitment("daily", nov(20));
    c.end = Some(nov(24));
    let r = record(&c, Weekday::Mon, &range(nov(20), nov(24)));
    assert_eq!(
        r.current_streak(nov(30)),
        5,
        "a finished commitment keeps its streak"
    );
    assert_eq!(
        r.streak_deadline(nov(24)),
        None,
        "nothing is asked after the end"
    );
    assert!(!r.is_due(nov(19)));
    assert!(!r.is_due(nov(25)));
    let marks: HashMap<NaiveDate, DayMark> = r.heatmap(nov(25), 2).into_iter().collect();
    assert_eq!(marks[&nov(19)], DayMark::Inactive);
    assert_eq!(marks[&nov(25)], DayMark::Inactive);
    assert_eq!(r.kept_rate(nov(30), 4), Rate { kept: 5, missed: 0 });
}

#[test]
fn without_a_start_date_it_counts_from_the_first_check_in() {
    let mut c = commitment("daily", nov(1));
    c.start = None;
    let r = record(&c, Weekday::Mon, &[nov(23), nov(24)]);
    assert_eq!(r.kept_rate(nov(24), 4), Rate { kept: 2, missed: 0 });
    assert_eq!(r.current_streak(nov(25)), 2);
    let nothing = record(&c, Weekday::Mon, &[]);
    assert_eq!(nothing.current_streak(nov(25)), 0);
    assert_eq!(nothing.best_streak(nov(25)), 0);
    assert!(nothing.is_due(nov(25)));
}

#[test]
fn daily_week_progress_counts_days() {
    let mut c = commitment("daily", nov(1));
    c.skip(nov(28));
    c.skip(nov(29));
    let r = record(&c, Weekday::Mon, &[nov(23), nov(24), nov(24)]);
    assert_eq!(
        r.kept_this_week(nov(25)),
        WeekProgress {
            kept: 2,
            required: 5
        }
    );
    // This week so far: two kept, today still open.
    assert_eq!(r.kept_rate(nov(25), 1), Rate { kept: 2, missed: 0 });
    // Over four weeks: 2 of the 23 days due since the 2nd.
    assert_eq!(r.summary(nov(25)).last_four_weeks.percent(), Some(9));
}

// ---------------------------------------------------------------- N per week

#[test]
fn n_per_week_is_kept_by_n_check_ins_on_any_days() {
    let c = commitment("3 per week", nov(2));
    // Week of 2nd: 3 on three days. Week of 9th: 3 with two on one day. Week of 16th:
    // 2 only. Week of 23rd (current): 1 so far.
    let r = record(
        &c,
        Weekday::Mon,
        &[
            nov(2),
            nov(4),
            nov(8),
            nov(10),
            nov(10),
            nov(13),
            nov(17),
            nov(19),
            nov(24),
        ],
    );
    assert_eq!(r.unit(), StreakUnit::Weeks);
    assert_eq!(r.status_on(nov(10), nov(25)), PeriodStatus::Kept);
    assert_eq!(r.status_on(nov(17), nov(25)), PeriodStatus::Missed);
    assert_eq!(r.status_on(nov(25), nov(25)), PeriodStatus::Open);
    assert_eq!(r.current_streak(nov(25)), 0);
    assert_eq!(r.best_streak(nov(25)), 2);
    assert_eq!(r.kept_rate(nov(25), 4), Rate { kept: 2, missed: 1 });
    assert_eq!(
        r.kept_this_week(nov(25)),
        WeekProgress {
            kept: 1,
            required: 3
        }
    );
}

#[test]
fn the_current_week_is_not_broken_until_it_ends() {
    let c = commitment("3 per week", nov(2));
    let mut days = vec![nov(2), nov(3), nov(4), nov(9), nov(11), nov(13)];
    days.extend([nov(16), nov(17), nov(18), nov(26)]);
    let r = record(&c, Weekday::Mon, &days);
    // Thursday of the fourth week, one of three: the three kept weeks still stand.
    assert_eq!(r.current_streak(nov(26)), 3);
    assert_eq!(r.streak_deadline(nov(26)), Some(nov(29)), "Sunday");
    assert_eq!(r.days_until_streak_breaks(nov(26)), Some(3));
    assert_eq!(r.current_streak(nov(29)), 3);
    // Monday after: the week ended one short.
    assert_eq!(r.current_streak(nov(30)), 0);
    // Two more that week would have kept it.
    let mut kept = days.clone();
    kept.extend([nov(28), nov(29)]);
    let r = record(&c, Weekday::Mon, &kept);
    assert_eq!(r.current_streak(nov(29)), 4);
    assert_eq!(r.streak_deadline(nov(29)), Some(date(2026, 12, 6)));
}

#[test]
fn the_week_start_decides_which_week_a_sunday_belongs_to() {
    let c = commitment("3 per week", nov(1));
    let days = [nov(22), nov(23), nov(24)]; // Sun, Mon, Tue
    let monday = record(&c, Weekday::Mon, &days);
    let sunday = record(&c, Weekday::Sun, &days);
    assert_eq!(monday.week_of(nov(22)), nov(16));
    assert_eq!(sunday.week_of(nov(22)), nov(22));
    assert_eq!(monday.kept_this_week(nov(24)).kept, 2);
    assert_eq!(sunday.kept_this_week(nov(24)).kept, 3);
    assert_eq!(sunday.status_on(nov(24), nov(24)), PeriodStatus::Kept);
    assert_eq!(monday.status_on(nov(24), nov(24)), PeriodStatus::Open);
    // Sunday-start weeks end on Saturday.
    assert_eq!(monday.heatmap(nov(24), 1).last().unwrap().0, nov(29));
    assert_eq!(sunday.heatmap(nov(24), 1).last().unwrap().0, nov(28));
    assert_eq!(sunday.heatmap(nov(24), 1)[0].0.weekday(), Weekday::Sun);
}

#[test]
fn weeks_split_by_a_month_or_a_year_are_one_week_including_iso_week_53() {
    let c = commitment("3 per week", nov(2));
    // Mon 30 Nov - Sun 6 Dec: two days in November, one in December.
    let r = record(
        &c,
        Weekday::Mon,
        &[nov(30), date(2026, 12, 1), date(2026, 12, 6)],
    );
    assert_eq!(r.status_on(nov(30), date(2026, 12, 7)), PeriodStatus::Kept);

    // 2026 has 53 ISO weeks: W52 (21-27 Dec), W53 (28 Dec - 3 Jan), then 2027-W01.
    assert_eq!(date(2026, 12, 28).iso_week().week(), 53);
    let days = [
        date(2026, 12, 21),
        date(2026, 12, 23),
        date(2026, 12, 24),
        date(2026, 12, 29), // W53: two in 2026 and one in 2027
        date(2026, 12, 31),
        date(2027, 1, 2),
        date(2027, 1, 4), // 2027-W01
        date(2027, 1, 5),
        date(2027, 1, 6),
    ];
    let r = record(&c, Weekday::Mon, &days);
    assert_eq!(r.week_of(date(2027, 1, 3)), date(2026, 12, 28));
    assert_eq!(r.current_streak(date(2027, 1, 6)), 3);
    assert_eq!(
        r.kept_rate(date(2027, 1, 6), 3),
        Rate { kept: 3, missed: 0 }
    );
    // With Sunday weeks the same check-ins fall differently: 27 Dec - 2 Jan holds
    // three, but 20-26 Dec and 3-9 Jan hold three each too.
    let r = record(&c, Weekday::Sun, &days);
    assert_eq!(r.week_of(date(2027, 1, 2)), date(2026, 12, 27));
    assert_eq!(r.current_streak(date(2027, 1, 6)), 3);
    // A week missing one: broken across the year end.
    let r = record(&c, Weekday::Mon, &[date(2026, 12, 29), date(2027, 1, 2)]);
    assert_eq!(
        r.status_on(date(2027, 1, 1), date(2027, 1, 4)),
        PeriodStatus::Missed
    );
}

#[test]
fn days_off_lower_what_a_week_asks_and_an_all_off_week_asks_nothing() {
    let mut c = commitment("3 per week", nov(2));
    // Thanksgiving break: Wed 25 to Sun 29 off, two days left in the week.
    for day in range(nov(25), nov(29)) {
        c.skip(day);
    }
    // The whole week of the 9th off.
    for day in range(nov(9), nov(15)) {
        c.skip(day);
    }
    let days = [
        nov(2),
        nov(3),
        nov(4),
        nov(16),
        nov(17),
        nov(18),
        nov(23),
        nov(24),
    ];
    let r = record(&c, Weekday::Mon, &days);
    assert_eq!(
        r.kept_this_week(nov(24)),
        WeekProgress {
            kept: 2,
            required: 2
        }
    );
    assert_eq!(r.status_on(nov(12), nov(30)), PeriodStatus::Off);
    assert_eq!(r.current_streak(nov(30)), 3);
    assert_eq!(r.kept_rate(nov(30), 5), Rate { kept: 3, missed: 0 });
    let marks: HashMap<NaiveDate, DayMark> = r.heatmap(nov(30), 5).into_iter().collect();
    assert_eq!(marks[&nov(26)], DayMark::Skipped);
    assert_eq!(marks[&nov(19)], DayMark::Free);
}

#[test]
fn n_per_week_stays_on_todays_list_until_the_week_has_enough() {
    let c = commitment("2 per week", nov(2));
    let r = record(&c, Weekday::Mon, &[nov(23), nov(25)]);
    assert!(r.is_due(nov(23)), "a day checked off stays listed, ticked");
    assert!(r.is_due(nov(25)));
    assert!(!r.is_due(nov(26)), "the week has its two");
    let r = record(&c, Weekday::Mon, &[nov(23)]);
    assert!(r.is_due(nov(24)));
    assert_eq!(r.checked_on(nov(23)), 1);
}

#[test]
fn a_day_checked_off_stays_listed_when_back_filling_fills_the_week() {
    // 3 per week: checked today (Wednesday), then Monday, Tuesday and another
    // day back-filled: the week is full, but today's check-off is still there to see.
    let c = commitment("3 per week", nov(2));
    let mut r = record(&c, Weekday::Mon, &[nov(25)]);
    for day in [nov(23), nov(24), nov(24)] {
        r.add_check_in(day, true);
    }
    assert!(r.is_due(nov(25)), "checked today: stays listed, ticked");
    assert!(!r.is_due(nov(26)), "the week has its three");
    // A check-off on a planned skip counts ("kept beats off") and is listed too.
    let mut c = commitment("daily", nov(2));
    c.skips.push(nov(25));
    assert!(!record(&c, Weekday::Mon, &[]).is_due(nov(25)));
    assert!(record(&c, Weekday::Mon, &[nov(25)]).is_due(nov(25)));
}

// ---------------------------------------------------------------- weekly on DAY

#[test]
fn weekly_on_a_day_is_kept_by_a_check_in_that_week_and_due_from_that_day() {
    let c = commitment("weekly on fri", nov(2));
    // Fri 6th, Thu 12th (early), nothing the week of the 16th, Fri 27th.
    let r = record(&c, Weekday::Mon, &[nov(6), nov(12)]);
    assert_eq!(r.current_streak(nov(13)), 2);
    assert_eq!(
        r.current_streak(nov(23)),
        0,
        "the week of the 16th was missed"
    );
    assert_eq!(r.best_streak(nov(23)), 2);
    assert!(!r.is_due(nov(26)), "Thursday: not yet");
    assert!(r.is_due(nov(27)), "Friday");
    assert!(r.is_due(nov(28)), "Saturday: still owed");
    let r = record(&c, Weekday::Mon, &[nov(6), nov(12), nov(20), nov(27)]);
    assert!(!r.is_due(nov(28)), "kept on Friday");
    assert!(r.is_due(nov(27)), "the day it was kept stays listed");
    assert_eq!(r.current_streak(nov(28)), 4);
    assert_eq!(r.streak_deadline(nov(28)), Some(date(2026, 12, 6)));
    assert_eq!(
        r.kept_this_week(nov(28)),
        WeekProgress {
            kept: 1,
            required: 1
        }
    );
}

#[test]
fn weekly_on_a_day_keeps_its_streak_open_through_the_week() {
    let c = commitment("weekly on mon", nov(2));
    let r = record(&c, Weekday::Mon, &[nov(2), nov(9), nov(16)]);
    // Wednesday 25th, Monday 23rd passed unchecked: the week is open until Sunday.
    assert_eq!(r.current_streak(nov(25)), 3);
    assert_eq!(r.days_until_streak_breaks(nov(25)), Some(4));
    let marks: HashMap<NaiveDate, DayMark> = r.heatmap(nov(25), 2).into_iter().collect();
    assert_eq!(marks[&nov(23)], DayMark::Due);
    assert_eq!(marks[&nov(24)], DayMark::Free);
    assert_eq!(marks[&nov(16)], DayMark::Kept { backfilled: false });
    let r = record(&c, Weekday::Mon, &[nov(2), nov(9)]);
    let marks: HashMap<NaiveDate, DayMark> = r.heatmap(nov(25), 2).into_iter().collect();
    assert_eq!(marks[&nov(16)], DayMark::Missed);
}

#[test]
fn weekly_on_sunday_depends_on_the_week_start() {
    let c = commitment("weekly on sun", nov(1));
    let days = [nov(15), nov(22)];
    // Monday weeks end on Sunday; Sunday weeks begin with it.
    let monday = record(&c, Weekday::Mon, &days);
    let sunday = record(&c, Weekday::Sun, &days);
    assert_eq!(monday.current_streak(nov(28)), 2);
    assert_eq!(sunday.current_streak(nov(28)), 2);
    assert!(monday.is_due(nov(29)));
    assert!(!monday.is_due(nov(28)));
    assert!(
        !sunday.is_due(nov(28)),
        "this week began with the 22nd, kept"
    );
    assert!(sunday.is_due(nov(29)), "a new week begins on Sunday");
    let kept_sat = record(&c, Weekday::Sun, &[nov(15), nov(21)]);
    assert_eq!(kept_sat.status_on(nov(15), nov(28)), PeriodStatus::Kept);
}

#[test]
fn a_skipped_due_day_takes_the_week_off() {
    let mut c = commitment("weekly on fri", nov(2));
    c.skip(nov(20));
    let r = record(&c, Weekday::Mon, &[nov(6), nov(13), nov(27)]);
    assert_eq!(r.status_on(nov(20), nov(28)), PeriodStatus::Off);
    assert_eq!(r.current_streak(nov(28)), 3);
    assert!(!r.is_due(nov(21)));
}

// ---------------------------------------------------------------- connections

fn day_with_connections(date: NaiveDate, people: &[&str]) -> Day {
    let mut day = Day::new(date);
    let at = DateTime::parse_from_rfc3339(&format!("{date}T10:00:00-05:00")).unwrap();
    for person in people {
        day.connections.push(Connection::new(*person, at, "note"));
    }
    day
}

#[test]
fn a_connection_goal_keeps_a_day_with_enough_different_people() {
    let mut c = commitment("daily", nov(23));
    c.counts_connections = Some(ConnectionGoal {
        per_day: 3,
        group: None,
        role: Some(Role::Student),
    });
    let mut people = Vec::new();
    for (name, role) in [
        ("Ana", Role::Student),
        ("Ben", Role::Student),
        ("Cleo", Role::Student),
        ("Ms Diaz", Role::Staff),
    ] {
        let person = Person::new(&people, name, None, role);
        people.push(person);
    }
    let days = [
        day_with_connections(nov(23), &["ana", "ben", "cleo"]),
        day_with_connections(nov(24), &["ana", "ana", "ben", "ms-diaz"]),
        day_with_connections(nov(25), &["cleo", "ben", "ana", "ana"]),
    ];
    let r = Record::from_days(&c, &days, &people, Weekday::Mon);
    assert_eq!(r.checked_on(nov(23)), 1);
    assert_eq!(r.checked_on(nov(24)), 0, "two students and a colleague");
    assert_eq!(r.current_streak(nov(25)), 1);
    c.counts_connections = Some(ConnectionGoal {
        per_day: 3,
        group: None,
        role: None,
    });
    let r = Record::from_days(&c, &days, &people, Weekday::Mon);
    assert_eq!(r.current_streak(nov(25)), 3, "anyone counts without a role");
}

#[test]
fn connections_count_only_from_the_start_to_the_end_and_not_while_paused() {
    // Added on the 20th, with a month of connection notes already in the journal.
    let mut c = commitment("daily", nov(20));
    c.counts_connections = Some(ConnectionGoal {
        per_day: 1,
        group: None,
        role: None,
    });
    c.end = Some(nov(28));
    c.pauses.push(Pause {
        from: nov(23),
        until: Some(nov(24)),
    });
    c.skips.push(nov(26));
    let days: Vec<Day> = range(nov(1), nov(30))
        .into_iter()
        .map(|d| day_with_connections(d, &["ana"]))
        .collect();
    let r = Record::from_days(&c, &days, &[], Weekday::Mon);
    assert_eq!(r.checked_on(nov(19)), 0, "before the start");
    assert_eq!(r.checked_on(nov(20)), 1);
    assert_eq!(r.checked_on(nov(23)), 0, "paused");
    assert_eq!(
        r.checked_on(nov(26)),
        1,
        "a planned skip takes them, as a check-in"
    );
    assert_eq!(r.checked_on(nov(29)), 0, "after the end");
    // On its first day (notes up to then): one day kept, nothing before it counted.
    let r = Record::from_days(&c, &days[..20], &[], Weekday::Mon);
    assert_eq!(r.current_streak(nov(20)), 1);
    assert_eq!(r.best_streak(nov(20)), 1);
    assert_eq!(r.kept_rate(nov(20), 4), Rate { kept: 1, missed: 0 });
    assert_eq!(
        r.kept_this_week(nov(20)),
        WeekProgress {
            kept: 1,
            required: 3
        },
        "Mon 16th to Thu 19th are before the start"
    );
    let heat = r.heatmap(nov(20), 2);
    assert!(
        heat.iter()
            .filter(|(d, _)| *d < nov(20))
            .all(|(_, mark)| *mark == DayMark::Inactive),
        "{heat:?}"
    );
    // The streak runs over the pause; the end stops it.
    let r = Record::from_days(&c, &days, &[], Weekday::Mon);
    assert_eq!(r.current_streak(nov(28)), 8);
    assert_eq!(r.kept_rate(nov(30), 4), Rate { kept: 8, missed: 0 });
    // The same history, piece by piece, follows the same rule.
    let mut by_hand = Record::new(&c, Weekday::Mon);
    by_hand.add_connection_day(nov(10));
    by_hand.add_connection_day(nov(23));
    by_hand.add_connection_day(nov(29));
    assert_eq!(by_hand.checked_on(nov(10)) + by_hand.checked_on(nov(23)), 0);
    assert_eq!(by_hand.checked_on(nov(29)), 0);
}

#[test]
fn from_days_counts_only_this_commitments_check_ins() {
    let c = commitment("2 per week", nov(2));
    let at = DateTime::parse_from_rfc3339("2026-11-24T10:00:00-05:00").unwrap();
    let mut day = Day::new(nov(24));
    day.checkins.push(crate::domain::commitment::CheckIn::new(
        "c",
        nov(24),
        nov(24),
        at,
        None,
    ));
    day.checkins.push(crate::domain::commitment::CheckIn::new(
        "c",
        nov(24),
        nov(24),
        at,
        None,
    ));
    day.checkins.push(crate::domain::commitment::CheckIn::new(
        "other",
        nov(24),
        nov(24),
        at,
        None,
    ));
    let r = Record::from_days(&c, [&day], &[], Weekday::Mon);
    assert_eq!(r.checked_on(nov(24)), 2);
    assert_eq!(r.status_on(nov(24), nov(24)), PeriodStatus::Kept);
    let mut other = commitment("daily", nov(2));
    other.id = "other".into();
    let both = Record::all_from_days(&[c, other], [&day], &[], Weekday::Mon);
    assert_eq!(both[0].checked_on(nov(24)), 2);
    assert_eq!(both[1].checked_on(nov(24)), 1);
}

// ---------------------------------------------------------------- heatmap and summary

#[test]
fn the_heatmap_covers_whole_weeks_ending_with_this_one() {
    let c = commitment("daily", nov(1));
    let r = record(&c, Weekday::Mon, &[nov(24)]);
    let map = r.heatmap(nov(25), HEATMAP_WEEKS);
    assert_eq!(map.len(), 84);
    assert_eq!(map[0].0.weekday(), Weekday::Mon);
    assert_eq!(map[0].0, date(2026, 9, 7));
    assert_eq!(map[83].0, nov(29));
    let marks: HashMap<NaiveDate, DayMark> = map.into_iter().collect();
    assert_eq!(marks[&date(2026, 10, 31)], DayMark::Inactive);
    assert_eq!(marks[&nov(23)], DayMark::Missed);
    assert_eq!(marks[&nov(25)], DayMark::Due);
    assert_eq!(marks[&nov(26)], DayMark::Future);
}

#[test]
fn a_summary_gathers_every_figure() {
    let c = commitment("daily", nov(20));
    let r = record(&c, Weekday::Mon, &range(nov(20), nov(25)));
    let summary = r.summary(nov(25));
    assert_eq!(summary.current_streak, 6);
    assert_eq!(summary.best_streak, 6);
    assert_eq!(summary.unit, StreakUnit::Days);
    assert_eq!(summary.days_until_break, Some(1));
    assert!(summary.due_today);
    assert_eq!(summary.checked_today, 1);
    assert_eq!(summary.last_four_weeks.percent(), Some(100));
    assert_eq!(Rate::default().percent(), None);
}

#[test]
fn ten_years_of_history_compute_without_fuss() {
    let c = commitment("daily", date(2016, 1, 1));
    // Every fiftieth day missed: runs of 49.
    let days: Vec<NaiveDate> = range(date(2016, 1, 1), date(2025, 12, 31))
        .into_iter()
        .filter(|d| (*d - date(2016, 1, 1)).num_days() % 50 != 49)
        .collect();
    let r = record(&c, Weekday::Mon, &days);
    assert_eq!(r.best_streak(date(2025, 12, 31)), 49);
    assert!(r.current_streak(date(2025, 12, 31)) > 0);
}

#[test]
fn a_week_with_more_than_its_goal_says_so_plainly() {
    let words = |kept, required| WeekProgress { kept, required }.of_goal();
    assert_eq!(words(2, 3), "2 of 3");
    assert_eq!(words(3, 3), "3 of 3");
    assert_eq!(words(4, 3), "4 (goal 3)");
    assert_eq!(words(0, 0), "nothing due");
    assert_eq!(words(1, 0), "1 (nothing was due)");
    let compact = |kept, required| WeekProgress { kept, required }.compact();
    assert_eq!(compact(2, 3), "2/3");
    assert_eq!(compact(2, 1), "2 (goal 1)");
    assert_eq!(compact(0, 0), "0/0");
    assert_eq!(compact(1, 0), "1 (none due)");
    // Four check-ins on a "3 per week" week.
    let c = commitment("3 per week", nov(2));
    let r = record(&c, Weekday::Mon, &[nov(23), nov(24), nov(25), nov(25)]);
    assert_eq!(r.kept_this_week(nov(25)).of_goal(), "4 (goal 3)");
}

#[test]
fn a_commitments_own_figures_say_their_unit() {
    assert_eq!(StreakUnit::Days.count(1), "1 day");
    assert_eq!(StreakUnit::Weeks.count(3), "3 weeks");
    assert_eq!(
        Rate {
            kept: 12,
            missed: 2
        }
        .describe(StreakUnit::Days),
        "12 of 14 days (86%)"
    );
    assert_eq!(
        Rate { kept: 1, missed: 0 }.describe(StreakUnit::Weeks),
        "1 of 1 week (100%)"
    );
    assert_eq!(
        Rate::default().describe(StreakUnit::Days),
        "nothing due yet"
    );
}
