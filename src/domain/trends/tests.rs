use chrono::{DateTime, Datelike, Days, NaiveDate, Weekday};

use super::*;
use crate::domain::commitment::{Cadence, CheckIn, Commitment};
use crate::domain::person::{Connection, Person, Role};
use crate::domain::streak::PeriodStatus;
use crate::domain::{AnswerValue, Day, Entry, Frame, Rating};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn at(rfc3339: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(rfc3339).unwrap()
}

fn entry(created: &str, frame: Option<Frame>, text: &str) -> Entry {
    let mut entry = Entry::new(at(created), 0, text.to_string());
    entry.frame = frame;
    entry
}

/// A day file holding these entries.
fn day(file_date: NaiveDate, entries: Vec<Entry>) -> Day {
    let mut day = Day::new(file_date);
    for (n, mut entry) in entries.into_iter().enumerate() {
        entry.id = format!("{}-{n:02}", entry.id);
        day.entries.push(entry);
    }
    day
}

fn rated(file_date: NaiveDate, energy: u8, outlook: u8) -> Day {
    let mut day = Day::new(file_date);
    day.ratings.energy = Rating::new(energy);
    day.ratings.outlook = Rating::new(outlook);
    day
}

#[test]
fn weeks_start_on_monday_or_sunday_across_year_ends() {
    // Thursday 31 December 2026.
    let new_years_eve = date(2026, 12, 31);
    assert_eq!(week_of(new_years_eve, Weekday::Mon), date(2026, 12, 28));
    assert_eq!(week_of(new_years_eve, Weekday::Sun), date(2026, 12, 27));
    assert_eq!(week_of(date(2027, 1, 3), Weekday::Mon), date(2026, 12, 28));
    assert_eq!(week_of(date(2027, 1, 3), Weekday::Sun), date(2027, 1, 3));
    // A week start is its own week.
    assert_eq!(
        week_of(date(2026, 11, 23), Weekday::Mon),
        date(2026, 11, 23)
    );
    assert_eq!(
        week_of(date(2026, 11, 22), Weekday::Sun),
        date(2026, 11, 22)
    );
    assert_eq!(
        week_of(date(2026, 11, 22), Weekday::Mon),
        date(2026, 11, 16)
    );
}

#[test]
fn iso_week_53_of_2026_is_one_ordinary_week() {
    let start = week_of(date(2027, 1, 1), Weekday::Mon);
    assert_eq!(start.iso_week().week(), 53, "2026 has 53 ISO weeks");
    let days = vec![
        day(
            date(2026, 12, 28),
            vec![entry("2026-12-28T07:00:00-05:00", Some(Frame::Love), "one")],
        ),
        day(
            date(2026, 12, 31),
            vec![entry("2026-12-31T07:00:00-05:00", Some(Frame::Care), "two")],
        ),
        day(
            date(2027, 1, 1),
            vec![entry(
                "2027-01-01T07:00:00-05:00",
                Some(Frame::Care),
                "three",
            )],
        ),
        day(
            date(2027, 1, 3),
            vec![entry("2027-01-03T21:00:00-05:00", None, "four")],
        ),
        day(
            date(2027, 1, 4),
            vec![entry("2027-01-04T07:00:00-05:00", None, "five")],
        ),
    ];
    let weeks = WeeklyTrends::new(Weekday::Mon, 4).compute(&days, 12, date(2027, 1, 10));
    assert_eq!(weeks.len(), 12);
    for pair in weeks.windows(2) {
        assert_eq!(pair[1].start - pair[0].start, chrono::Duration::days(7));
        assert_eq!(pair[0].end - pair[0].start, chrono::Duration::days(6));
    }
    let week_53 = weeks.iter().find(|week| week.start == start).unwrap();
    assert_eq!(week_53.label(), "28 Dec – 3 Jan");
    assert_eq!((week_53.entries, week_53.reflection_days), (4, 4));
    assert_eq!(
        week_53.lcv,
        Lcv {
            love: 1,
            care: 2,
            vulnerability: 0
        }
    );
    let next = weeks
        .iter()
        .find(|week| week.start == date(2027, 1, 4))
        .unwrap();
    assert_eq!(next.entries, 1);
    assert_eq!(next.label(), "4–10 Jan");
}

#[test]
fn the_rollover_hour_moves_small_hours_entries_to_the_evening_before() {
    assert_eq!(
        effective_date(at("2026-11-24T01:00:00-05:00"), 4),
        date(2026, 11, 23)
    );
    assert_eq!(
        effective_date(at("2026-11-24T03:59:59-05:00"), 4),
        date(2026, 11, 23)
    );
    assert_eq!(
        effective_date(at("2026-11-24T04:00:00-05:00"), 4),
        date(2026, 11, 24)
    );
    assert_eq!(
        effective_date(at("2026-11-24T01:00:00-05:00"), 0),
        date(2026, 11, 24)
    );
    // Local time as written decides, not UTC: 23:30 in New York is the next UTC day.
    assert_eq!(
        effective_date(at("2026-11-24T23:30:00-05:00"), 4),
        date(2026, 11, 24)
    );
    assert_eq!(
        effective_date(at("2027-01-01T02:00:00+01:00"), 4),
        date(2026, 12, 31)
    );

    // In a file: small hours of the file's own date move back; anything else stays.
    let monday = date(2026, 11, 23);
    assert_eq!(
        entry_date(monday, at("2026-11-23T01:30:00-05:00"), 4),
        date(2026, 11, 22)
    );
    assert_eq!(
        entry_date(monday, at("2026-11-23T01:30:00-05:00"), 0),
        monday
    );
    // Filed under the evening already (the app applied the rollover when saving).
    assert_eq!(
        entry_date(date(2026, 11, 22), at("2026-11-23T01:30:00-05:00"), 4),
        date(2026, 11, 22)
    );
    // Back-filled days later: it stays where it was filed.
    assert_eq!(
        entry_date(date(2026, 11, 20), at("2026-11-23T01:30:00-05:00"), 4),
        date(2026, 11, 20)
    );
}

#[test]
fn a_one_am_entry_on_monday_counts_for_the_week_before() {
    let monday = date(2026, 11, 23);
    let days = vec![day(
        monday,
        vec![entry(
            "2026-11-23T01:00:00-05:00",
            Some(Frame::Love),
            "late",
        )],
    )];
    let with_rollover = WeeklyTrends::new(Weekday::Mon, 4).compute(&days, 2, monday);
    assert_eq!(with_rollover[0].start, date(2026, 11, 16));
    assert_eq!((with_rollover[0].entries, with_rollover[1].entries), (1, 0));
    let without = WeeklyTrends::new(Weekday::Mon, 0).compute(&days, 2, monday);
    assert_eq!((without[0].entries, without[1].entries), (0, 1));
    // A Saturday 1 am entry with Sunday weeks stays in the same week (Friday evening).
    let saturday = date(2026, 11, 28);
    let days = vec![day(
        saturday,
        vec![entry("2026-11-28T01:00:00-05:00", None, "late")],
    )];
    let sunday_weeks = WeeklyTrends::new(Weekday::Sun, 4).compute(&days, 1, saturday);
    assert_eq!(sunday_weeks[0].start, date(2026, 11, 22));
    assert_eq!(sunday_weeks[0].entries, 1);
}

#[test]
fn a_small_hours_entry_in_the_file_after_today_counts_for_today() {
    let today = date(2026, 11, 29); // a Sunday: the week's last day
    let days = vec![day(
        date(2026, 11, 30),
        vec![entry("2026-11-30T00:30:00-05:00", None, "late")],
    )];
    let weeks = WeeklyTrends::new(Weekday::Mon, 4).compute(&days, 1, today);
    assert_eq!((weeks[0].entries, weeks[0].reflection_days), (1, 1));
}

#[test]
fn daylight_saving_changes_do_not_move_entries_between_weeks() {
    // US clocks fall back on Sunday 1 November 2026 and spring forward on Sunday 8
    // March 2026. Each entry is bucketed by the local date it was written on.
    let days = vec![
        day(
            date(2026, 11, 1),
            vec![
                entry("2026-11-01T01:30:00-04:00", None, "before the change"),
                entry("2026-11-01T01:30:00-05:00", None, "after the change"),
                entry("2026-11-01T23:30:00-05:00", None, "Sunday night"),
            ],
        ),
        day(
            date(2026, 11, 2),
            vec![entry("2026-11-02T00:30:00-05:00", None, "small hours")],
        ),
        day(
            date(2026, 3, 8),
            vec![entry("2026-03-08T23:59:00-04:00", None, "spring")],
        ),
    ];
    let trends = WeeklyTrends::new(Weekday::Mon, 4);
    let autumn = trends.compute(&days, 2, date(2026, 11, 8));
    assert_eq!(autumn[0].start, date(2026, 10, 26));
    // The two 1:30 entries count for Saturday 31 October; Sunday night and the small
    // hours of Monday for Sunday: all in the week of 26 October.
    assert_eq!((autumn[0].entries, autumn[0].reflection_days), (4, 2));
    assert_eq!(autumn[1].entries, 0);
    let spring = trends.compute(&days, 1, date(2026, 3, 8));
    assert_eq!((spring[0].start, spring[0].entries), (date(2026, 3, 2), 1));
    // With Sunday weeks, Sunday night 1 November opens the week of 1 November.
    let sunday = WeeklyTrends::new(Weekday::Sun, 0).compute(&days, 2, date(2026, 11, 7));
    assert_eq!(sunday[1].start, date(2026, 11, 1));
    assert_eq!((sunday[0].entries, sunday[1].entries), (0, 4));
}

#[test]
fn a_running_week_counts_only_up_to_today() {
    let wednesday = date(2026, 11, 25);
    let days = vec![
        day(
            date(2026, 11, 24),
            vec![entry("2026-11-24T07:00:00-05:00", None, "a b c")],
        ),
        day(
            date(2026, 11, 27),
            vec![entry("2026-11-27T07:00:00-05:00", None, "future")],
        ),
    ];
    let weeks = WeeklyTrends::new(Weekday::Mon, 4).compute(&days, 1, wednesday);
    let week = &weeks[0];
    assert!(week.is_partial());
    assert_eq!(
        (week.through, week.end, week.days_counted()),
        (wednesday, date(2026, 11, 29), 3)
    );
    assert_eq!((week.entries, week.words), (1, 3));
    assert!(
        WeeklyTrends::new(Weekday::Mon, 4)
            .compute(&days, 0, wednesday)
            .is_empty()
    );
}

#[test]
fn counts_words_frames_ratings_and_measures() {
    let monday = date(2026, 11, 16);
    let mut private = entry(
        "2026-11-16T07:05:00-05:00",
        Some(Frame::Vulnerability),
        "I was wrong #staff",
    );
    private.private = true;
    let mut scale = entry("2026-11-17T07:00:00-05:00", Some(Frame::Review), "");
    scale.pack = Some("weekly-review".into());
    scale.prompt = Some("review-06".into());
    scale.question = Some("How much energy?".into());
    scale.value = Some(AnswerValue::Number(4));
    let mut scale2 = scale.clone();
    scale2.value = Some(AnswerValue::Number(1));
    let mut yes = entry("2026-11-18T07:00:00-05:00", None, "");
    yes.pack = Some("coach".into());
    yes.prompt = Some("asked".into());
    yes.value = Some(AnswerValue::YesNo(true));
    let mut no = yes.clone();
    no.value = Some(AnswerValue::YesNo(false));
    let mut third_yes = yes.clone();
    third_yes.value = Some(AnswerValue::YesNo(true));
    let mut first = rated(monday, 4, 3);
    first.entries = day(
        monday,
        vec![
            entry(
                "2026-11-16T07:00:00-05:00",
                Some(Frame::Love),
                "one two  three\nfour",
            ),
            private,
            entry(
                "2026-11-16T07:10:00-05:00",
                Some(Frame::TrueNorth),
                "why I teach",
            ),
            // An empty shell is not a reflection.
            entry("2026-11-16T07:20:00-05:00", Some(Frame::Care), "   "),
        ],
    )
    .entries;
    let mut second = rated(date(2026, 11, 17), 2, 5);
    second.entries = day(date(2026, 11, 17), vec![scale, scale2]).entries;
    let mut only_energy = Day::new(date(2026, 11, 18));
    only_energy.ratings.energy = Rating::new(3);
    only_energy.entries = day(date(2026, 11, 18), vec![yes, no, third_yes]).entries;
    let days = vec![first, second, only_energy];

    let week = &WeeklyTrends::new(Weekday::Mon, 4).compute(&days, 1, date(2026, 11, 22))[0];
    assert_eq!(week.entries, 8);
    assert_eq!(week.reflection_days, 3);
    assert_eq!(week.words, 4 + 4 + 3);
    assert_eq!(
        week.lcv,
        Lcv {
            love: 1,
            care: 0,
            vulnerability: 1
        }
    );
    assert_eq!(week.frames.get(&Frame::TrueNorth), Some(&1));
    assert_eq!(week.frames.get(&Frame::Review), Some(&2));
    assert_eq!(week.frames.get(&Frame::Care), None);
    assert_eq!((week.energy_avg, week.energy_days), (Some(3.0), 3));
    assert_eq!((week.outlook_avg, week.outlook_days), (Some(4.0), 2));
    assert_eq!(week.commitments_kept_rate, None);
    assert_eq!(week.people_connected_share, None);
    assert_eq!(week.measures.len(), 2);
    let asked = &week.measures[0];
    assert_eq!(
        (asked.pack.as_str(), asked.count, asked.yes_no),
        ("coach", 3, true)
    );
    assert!((asked.average - 2.0 / 3.0).abs() < 1e-6);
    let energy = &week.measures[1];
    assert_eq!(
        (energy.prompt.as_str(), energy.count, energy.average),
        ("review-06", 2, 2.5)
    );
    assert_eq!(energy.question.as_deref(), Some("How much energy?"));
}

fn commitment(id: &str, cadence: Cadence, start: NaiveDate) -> Commitment {
    let mut c = Commitment::new(
        id.into(),
        format!("Title of {id}"),
        Frame::Students,
        cadence,
    );
    c.start = Some(start);
    c
}

fn checked(days: &mut Vec<Day>, id: &str, dates: &[NaiveDate]) {
    for &date in dates {
        let at = at(&format!("{date}T16:00:00-05:00"));
        let check_in = CheckIn::new(id, date, date, at, None);
        match days.iter_mut().find(|day| day.date == date) {
            Some(day) => day.checkins.push(check_in),
            None => {
                let mut day = Day::new(date);
                day.checkins.push(check_in);
                days.push(day);
            }
        }
    }
}

#[test]
fn commitments_kept_rate_is_the_share_of_due_check_ins_kept() {
    let monday = date(2026, 11, 16);
    let daily = commitment("daily", Cadence::Daily, monday);
    let weekly = commitment("weekly", Cadence::WeeklyOn(Weekday::Fri), monday);
    let mut unused = commitment("later", Cadence::Daily, date(2027, 1, 1));
    unused.state = CommitmentState::Paused;
    let mut days = Vec::new();
    // Daily kept 5 of 7 days; the weekly one kept in week one, missed in week two.
    let week_one: Vec<NaiveDate> = (0..5).map(|n| monday + Days::new(n)).collect();
    checked(&mut days, "daily", &week_one);
    checked(&mut days, "weekly", &[date(2026, 11, 20)]);
    let commitments = [daily, weekly, unused];
    // Seen on Wednesday of week two: its days so far count, today is still open.
    let today = date(2026, 11, 25);
    let weeks = WeeklyTrends::new(Weekday::Mon, 4)
        .commitments(&commitments)
        .compute(&days, 2, today);
    let first = &weeks[0];
    assert_eq!(first.commitments.len(), 2, "the paused one had nothing due");
    assert_eq!(
        (first.commitments[0].kept, first.commitments[0].missed),
        (5, 2)
    );
    assert_eq!(
        (first.commitments[1].kept, first.commitments[1].missed),
        (1, 0)
    );
    // 6 of the 8 check-ins due were kept: each due check-in weighs the same, not each
    // commitment (the mean of 5/7 and 1/1 would say 86%).
    assert_eq!(first.commitments_kept(), KeptTally { kept: 6, due: 8 });
    let rate = first.commitments_kept_rate.unwrap();
    assert!((rate - 6.0 / 8.0).abs() < 1e-6, "{rate}");
    assert_eq!(first.commitments_kept().label(), "6 of 8 kept (75%)");
    let second = &weeks[1];
    // Monday and Tuesday missed, Wednesday open; Friday has not come.
    assert_eq!(second.commitments.len(), 1);
    assert_eq!(
        (second.commitments[0].kept, second.commitments[0].missed),
        (0, 2)
    );
    assert_eq!(second.commitments_kept_rate, Some(0.0));
    assert_eq!(second.commitments_kept().label(), "0 of 2 kept (0%)");
}

#[test]
fn the_demo_week_reads_three_of_eight_not_the_mean_of_rates() {
    // The weekly review that said 72%: 1 of 6, 1 of 1 and 1 of 1.
    let week = |id: &str, kept, missed| CommitmentWeek {
        id: id.into(),
        title: id.into(),
        active: true,
        kept,
        missed,
    };
    let weeks = [week("learn", 1, 5), week("share", 1, 0), week("css", 1, 0)];
    let tally = KeptTally::of(&weeks);
    assert_eq!(tally, KeptTally { kept: 3, due: 8 });
    assert_eq!(tally.label(), "3 of 8 kept (38%)");
    assert_eq!(KeptTally::default().label(), "nothing due");
    assert_eq!(KeptTally::default().share(), None);
}

#[test]
fn an_n_per_week_week_asks_for_n_check_ins() {
    let monday = date(2026, 11, 9);
    let three = commitment("three", Cadence::PerWeek(3), monday);
    let mut days = Vec::new();
    // Week one: two of three (missed once); week two: four (kept, the fourth counts
    // for nothing more); week three is still running with one so far.
    checked(&mut days, "three", &[monday, date(2026, 11, 11)]);
    checked(
        &mut days,
        "three",
        &[16, 17, 18, 19].map(|d| date(2026, 11, d)),
    );
    checked(&mut days, "three", &[date(2026, 11, 23)]);
    let commitments = [three];
    let weeks = WeeklyTrends::new(Weekday::Mon, 4)
        .commitments(&commitments)
        .compute(&days, 3, date(2026, 11, 25));
    let figures = |week: &WeekStats| {
        week.commitments
            .iter()
            .map(|c| (c.kept, c.missed))
            .collect::<Vec<_>>()
    };
    assert_eq!(figures(&weeks[0]), vec![(2, 1)]);
    assert_eq!(weeks[0].commitments_kept().label(), "2 of 3 kept (67%)");
    assert_eq!(figures(&weeks[1]), vec![(3, 0)]);
    assert_eq!(
        figures(&weeks[2]),
        vec![],
        "a running week is not judged yet"
    );
    assert_eq!(weeks[2].commitments_kept_rate, None);
}

#[test]
fn people_share_counts_each_person_on_the_roster_once() {
    let mut people = Vec::new();
    for name in ["Ana", "Ben", "Cleo", "Dev"] {
        let person = Person::new(&people, name, None, Role::Student);
        people.push(person);
    }
    people[3].archived = true;
    let mut days = vec![Day::new(date(2026, 11, 16)), Day::new(date(2026, 11, 17))];
    let note = |person: &str| Connection::new(person, at("2026-11-16T12:00:00-05:00"), "hi");
    days[0].connections = vec![note("ana"), note("ana"), note("dev"), note("gone")];
    days[1].connections = vec![note("ben"), note("ana")];
    let weeks =
        WeeklyTrends::new(Weekday::Mon, 4)
            .people(&people)
            .compute(&days, 1, date(2026, 11, 22));
    assert_eq!((weeks[0].people_connected, weeks[0].roster_size), (2, 3));
    assert!((weeks[0].people_connected_share.unwrap() - 2.0 / 3.0).abs() < 1e-6);
    let empty: [Person; 0] = [];
    let none =
        WeeklyTrends::new(Weekday::Mon, 4)
            .people(&empty)
            .compute(&days, 1, date(2026, 11, 22));
    assert_eq!(none[0].people_connected_share, None);
}

#[test]
fn streaks_reach_yesterday_and_the_longest_is_the_latest_of_equals() {
    let today = date(2026, 11, 25);
    let dates: std::collections::BTreeSet<NaiveDate> = [
        date(2026, 11, 1),
        date(2026, 11, 2),
        date(2026, 11, 3),
        date(2026, 11, 10),
        date(2026, 11, 11),
        date(2026, 11, 12),
        date(2026, 11, 23),
        date(2026, 11, 24),
        date(2026, 11, 30), // after today: ignored
    ]
    .into_iter()
    .collect();
    let streaks = ReflectionStreaks::compute(&dates, today);
    let current = streaks.current.unwrap();
    assert_eq!((current.first, current.days()), (date(2026, 11, 23), 2));
    let longest = streaks.longest.unwrap();
    assert_eq!(
        (longest.first, longest.last),
        (date(2026, 11, 10), date(2026, 11, 12))
    );
    // Two days without writing break it.
    let later = ReflectionStreaks::compute(&dates, date(2026, 11, 26));
    assert_eq!(later.current, None);
    assert_eq!(
        ReflectionStreaks::compute(&Default::default(), today),
        ReflectionStreaks::default()
    );
}

#[test]
fn reflection_dates_follow_the_rollover() {
    let days = vec![day(
        date(2026, 11, 24),
        vec![
            entry("2026-11-24T01:00:00-05:00", None, "late"),
            entry("2026-11-24T08:00:00-05:00", None, "morning"),
            entry("2026-11-24T09:00:00-05:00", None, " "),
        ],
    )];
    let dates: Vec<NaiveDate> = reflection_dates(&days, 4).into_iter().collect();
    assert_eq!(dates, [date(2026, 11, 23), date(2026, 11, 24)]);
}

#[test]
fn ten_years_of_sample_agree_with_a_direct_count() {
    let today = date(2026, 11, 25);
    let days = crate::sample::sample_days(today, crate::sample::SampleSize::TEN_YEARS, 7);
    let weeks = WeeklyTrends::new(Weekday::Mon, 4).compute(&days, 12, today);
    let first = weeks[0].start;
    let direct = days
        .iter()
        .filter(|day| day.date >= first && day.date <= today)
        .flat_map(|day| &day.entries)
        .count();
    assert_eq!(weeks.iter().map(|week| week.entries).sum::<usize>(), direct);
    assert!(weeks.iter().all(|week| week.energy_avg.is_some()));
}

#[test]
fn a_commitment_without_a_start_counts_from_its_first_check_in_even_long_before() {
    let mut open_ended = commitment("open", Cadence::Daily, date(2026, 1, 1));
    open_ended.start = None;
    let mut days = Vec::new();
    checked(&mut days, "open", &[date(2026, 9, 1)]);
    let commitments = [open_ended.clone()];
    let today = date(2026, 11, 22);
    let weeks = WeeklyTrends::new(Weekday::Mon, 4)
        .commitments(&commitments)
        .compute(&days, 1, today);
    // Nothing checked in the week, and it counted since September: six misses (today,
    // Sunday, is still open).
    assert_eq!(
        (weeks[0].commitments[0].kept, weeks[0].commitments[0].missed),
        (0, 6)
    );
    // The same as the streak rules say over the whole history.
    let record = Record::from_days(&open_ended, &days, &[], Weekday::Mon);
    let missed = date(2026, 11, 16)
        .iter_days()
        .take(7)
        .filter(|day| record.status_on(*day, today) == PeriodStatus::Missed)
        .count();
    assert_eq!(missed, 6);
}

#[test]
fn words_are_counted_as_split_whitespace_counts_them() {
    for text in [
        "",
        "   ",
        "one",
        " one  two\tthree\nfour\r\nfive ",
        "tab\x0bvertical\x0cfeed",
        "café au lait — ça va",
        "no\u{a0}break\u{2003}em space",
    ] {
        assert_eq!(
            word_count(text),
            text.split_whitespace().count(),
            "{text:?}"
        );
    }
}

#[test]
fn a_past_week_reads_the_same_whichever_week_ends_the_window() {
    // The week of Monday 16 November, seen on Wednesday 25th: a 3-per-week practice
    // checked twice (missed once), a daily one checked every day but Sunday 22nd.
    let monday = date(2026, 11, 16);
    let sunday = date(2026, 11, 22);
    let today = date(2026, 11, 25);
    let three = commitment("three", Cadence::PerWeek(3), date(2026, 11, 9));
    let daily = commitment("daily", Cadence::Daily, date(2026, 11, 9));
    let mut days = Vec::new();
    checked(&mut days, "three", &[monday, date(2026, 11, 18)]);
    let but_sunday: Vec<NaiveDate> = monday.iter_days().take(6).collect();
    checked(&mut days, "daily", &but_sunday);
    let commitments = [three, daily];
    let trends = WeeklyTrends::new(Weekday::Mon, 4).commitments(&commitments);
    let figures = |week: &WeekStats| {
        week.commitments
            .iter()
            .map(|c| (c.id.clone(), c.kept, c.missed))
            .collect::<Vec<_>>()
    };
    let expected = vec![("three".to_string(), 2, 1), ("daily".to_string(), 6, 1)];

    let to_today = trends.compute(&days, 2, today);
    assert_eq!(to_today[0].start, monday);
    assert_eq!(figures(&to_today[0]), expected);
    // The window ends with that week (as `stats --week` and the weekly review ask):
    // its Sunday and the week itself are over today, so they are judged too.
    for asked in [monday, date(2026, 11, 19), sunday] {
        let ending_there = trends.compute_to_week(&days, 2, asked, today);
        assert_eq!(ending_there[1].start, monday);
        assert_eq!(ending_there[1].through, sunday, "a past week counts whole");
        assert!(!ending_there[1].is_partial());
        assert_eq!(figures(&ending_there[1]), expected, "asked for {asked}");
        assert_eq!(
            ending_there[1].commitments_kept(),
            to_today[0].commitments_kept()
        );
        // The week before reads the same in both windows too.
        assert_eq!(ending_there[0], trends.compute(&days, 3, today)[0]);
    }
    // Seen on that Sunday itself, the week and the day are still open.
    let on_sunday = trends.compute(&days, 1, sunday);
    assert_eq!(figures(&on_sunday[0]), vec![("daily".to_string(), 6, 0)]);
    // The week holding today, or a later one, counts up to today.
    let current = trends.compute_to_week(&days, 1, date(2026, 12, 30), today);
    assert_eq!(
        (current[0].start, current[0].through),
        (date(2026, 11, 23), today)
    );
}

#[test]
fn a_window_ending_with_a_past_sunday_week_ends_on_saturday() {
    // Sunday weeks: the week of Tuesday 10 November runs 8 to 14 November.
    let weeks = WeeklyTrends::new(Weekday::Sun, 4).compute_to_week(
        &[],
        1,
        date(2026, 11, 10),
        date(2026, 11, 25),
    );
    assert_eq!(
        (weeks[0].start, weeks[0].through),
        (date(2026, 11, 8), date(2026, 11, 14))
    );
}
