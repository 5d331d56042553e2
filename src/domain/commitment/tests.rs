//! Cadences, the commitment file format, pauses, skips, check-in rules and lookups.

use super::*;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn commitment(id: &str, title: &str) -> Commitment {
    Commitment::new(id.into(), title.into(), Frame::Love, Cadence::Daily)
}

#[test]
fn cadences_read_and_write_back() {
    for text in ["daily", "3 per week", "weekly on fri"] {
        assert_eq!(text.parse::<Cadence>().unwrap().to_string(), text);
    }
    assert_eq!(
        "Weekly on Monday".parse(),
        Ok(Cadence::WeeklyOn(Weekday::Mon))
    );
    assert!("8 per week".parse::<Cadence>().is_err());
    assert!("fortnightly".parse::<Cadence>().is_err());
}

#[test]
fn a_commitment_survives_toml_with_unknown_keys() {
    let text = r#"
id = "listen"
title = "Listen to a student's story"
dimension = "vulnerability"
cadence = "3 per week"
start = "2026-11-02"
psel = [5, 3]
skips = ["2026-11-26"]
colour = "teal"

[counts_connections]
per_day = 3
role = "student"

[[pause]]
from = "2026-12-21"
until = "2027-01-04"
"#;
    let read: Commitment = toml::from_str(text).unwrap();
    assert_eq!(read.cadence, Cadence::PerWeek(3));
    assert_eq!(read.state, CommitmentState::Active);
    assert_eq!(read.psel, vec![5, 3]);
    assert_eq!(read.extra["colour"].as_str(), Some("teal"));
    assert_eq!(read.counts_connections.as_ref().unwrap().per_day, 3);
    let again: Commitment = toml::from_str(&toml::to_string(&read).unwrap()).unwrap();
    assert_eq!(again, read);
}

#[test]
fn a_bad_cadence_or_standard_is_an_error_worth_reading() {
    let base = "id = \"a\"\ntitle = \"A\"\ndimension = \"love\"\n";
    let error =
        toml::from_str::<Commitment>(&format!("{base}cadence = \"sometimes\"\n")).unwrap_err();
    assert!(error.message().contains("weekly on DAY"), "{error}");
    let error = toml::from_str::<Commitment>(&format!("{base}cadence = \"daily\"\npsel = [11]\n"))
        .unwrap_err();
    assert!(error.message().contains("1 to 10"), "{error}");
    assert!(check_psel(&[1, 10]).is_ok());
    assert!(check_psel(&[0]).is_err());
}

#[test]
fn pauses_cover_the_days_until_resumed() {
    let mut c = commitment("a", "A");
    assert!(c.pause(date(2026, 12, 21)));
    assert!(!c.pause(date(2026, 12, 22)), "already paused");
    assert_eq!(c.paused_since(), Some(date(2026, 12, 21)));
    assert!(
        c.is_day_off(date(2027, 3, 1)),
        "an open pause covers the future"
    );
    assert!(c.resume(date(2027, 1, 4)));
    assert!(c.is_day_off(date(2026, 12, 21)));
    assert!(c.is_day_off(date(2027, 1, 3)));
    assert!(!c.is_day_off(date(2027, 1, 4)), "the day it resumed counts");
    assert!(!c.is_day_off(date(2026, 12, 20)));
    // Paused and resumed the same day: nothing is left of that pause.
    c.pause(date(2027, 2, 1));
    c.resume(date(2027, 2, 1));
    assert_eq!(c.pauses.len(), 1);
}

#[test]
fn state_changes_keep_pauses_and_dates_straight() {
    let mut c = commitment("a", "A");
    assert!(!c.change_state(CommitmentState::Active, date(2026, 11, 1)));
    assert!(c.change_state(CommitmentState::Paused, date(2026, 11, 10)));
    assert_eq!(c.paused_since(), Some(date(2026, 11, 10)));
    assert!(c.change_state(CommitmentState::Done, date(2026, 11, 20)));
    assert_eq!(c.paused_since(), None, "finishing ends the pause");
    assert_eq!(c.pauses[0].until, Some(date(2026, 11, 20)));
    assert_eq!(c.end, Some(date(2026, 11, 20)));
    assert!(!c.change_state(CommitmentState::Paused, date(2026, 11, 25)));
    assert!(c.change_state(CommitmentState::Archived, date(2026, 12, 1)));
    assert_eq!(c.end, Some(date(2026, 11, 20)), "archiving keeps the end");
    // Archived straight from a pause: the pause is closed too.
    let mut c = commitment("b", "B");
    c.end = Some(date(2026, 11, 15));
    c.change_state(CommitmentState::Paused, date(2026, 11, 1));
    c.change_state(CommitmentState::Archived, date(2026, 11, 5));
    assert_eq!(c.paused_since(), None);
    assert_eq!(c.end, Some(date(2026, 11, 15)));
    // A commitment that already ended keeps its end when marked done.
    let mut c = commitment("c", "C");
    c.end = Some(date(2026, 11, 15));
    c.change_state(CommitmentState::Done, date(2026, 11, 20));
    assert_eq!(c.end, Some(date(2026, 11, 15)));
}

#[test]
fn bringing_back_a_finished_commitment_gives_back_the_end_it_had() {
    // Done, archived, then brought back: open-ended again, so due again.
    let mut c = commitment("a", "A");
    c.change_state(CommitmentState::Done, date(2026, 11, 20));
    c.change_state(CommitmentState::Archived, date(2026, 11, 21));
    assert!(c.change_state(CommitmentState::Active, date(2026, 12, 1)));
    assert_eq!(c.end, None);
    assert!(c.in_range(date(2026, 12, 2)));
    let record = crate::domain::streak::Record::new(&c, Weekday::Mon);
    assert!(record.is_due(date(2026, 12, 2)), "on Today when due");
    assert_eq!((c.done_on, c.end_before_done), (None, None));
    // A planned end after the day it was finished comes back as it was.
    let mut c = commitment("b", "B");
    c.end = Some(date(2027, 6, 30));
    c.change_state(CommitmentState::Done, date(2026, 11, 20));
    assert_eq!(c.end, Some(date(2026, 11, 20)));
    c.change_state(CommitmentState::Active, date(2026, 11, 22));
    assert_eq!(c.end, Some(date(2027, 6, 30)));
    // An end edited while it was done is the leader's choice and stays.
    let mut c = commitment("c", "C");
    c.change_state(CommitmentState::Done, date(2026, 11, 20));
    c.end = Some(date(2026, 12, 31));
    c.change_state(CommitmentState::Active, date(2026, 11, 22));
    assert_eq!(c.end, Some(date(2026, 12, 31)));
    // The marker survives the file.
    let mut c = commitment("d", "D");
    c.change_state(CommitmentState::Done, date(2026, 11, 20));
    let text = toml::to_string(&c).unwrap();
    let mut back: Commitment = toml::from_str(&text).unwrap();
    back.change_state(CommitmentState::Active, date(2026, 11, 22));
    assert_eq!(back.end, None, "{text}");
}

#[test]
fn skips_are_kept_sorted_and_once() {
    let mut c = commitment("a", "A");
    assert!(c.skip(date(2026, 11, 27)));
    assert!(c.skip(date(2026, 11, 26)));
    assert!(!c.skip(date(2026, 11, 26)));
    assert_eq!(c.skips, vec![date(2026, 11, 26), date(2026, 11, 27)]);
    assert!(c.unskip(date(2026, 11, 26)));
    assert!(!c.unskip(date(2026, 11, 26)));
}

#[test]
fn check_ins_are_marked_backfilled_when_recorded_later() {
    let at = DateTime::parse_from_rfc3339("2026-11-26T01:30:00-05:00").unwrap();
    let today = date(2026, 11, 25); // still the 25th's journal day at 1:30
    assert!(!CheckIn::new("a", today, today, at, None).backfilled);
    let late = CheckIn::new("a", date(2026, 11, 24), today, at, Some("  ".into()));
    assert!(late.backfilled);
    assert_eq!(late.note, None, "a blank note is no note");
}

#[test]
fn check_ins_are_refused_for_the_future_the_distant_past_and_inactive_commitments() {
    let today = date(2026, 11, 25);
    let mut c = commitment("a", "A");
    c.start = Some(date(2026, 11, 20));
    c.end = Some(date(2026, 12, 31));
    assert_eq!(c.check_in_refusal(today, today), None);
    assert_eq!(c.check_in_refusal(date(2026, 11, 24), today), None);
    assert_eq!(
        c.check_in_refusal(date(2026, 11, 26), today),
        Some(CheckInRefusal::Future)
    );
    assert_eq!(
        c.check_in_refusal(date(2026, 11, 17), today),
        Some(CheckInRefusal::TooLongAgo)
    );
    assert_eq!(
        c.check_in_refusal(date(2026, 11, 19), today),
        Some(CheckInRefusal::BeforeStart(date(2026, 11, 20)))
    );
    assert_eq!(
        c.check_in_refusal(date(2027, 1, 2), date(2027, 1, 2)),
        Some(CheckInRefusal::AfterEnd(date(2026, 12, 31)))
    );
    c.pause(today);
    assert_eq!(
        c.check_in_refusal(today, today),
        Some(CheckInRefusal::NotActive(CommitmentState::Paused))
    );
}

#[test]
fn lookups_take_an_id_or_an_unambiguous_title_prefix() {
    let mut list = vec![
        commitment("listen", "Listen to a student's story"),
        commitment("learn-3", "Learn one thing about three students"),
        commitment("learn-staff", "Learn about a colleague"),
        commitment("old", "Lunch duty chats"),
    ];
    list[3].state = CommitmentState::Archived;
    assert_eq!(find(&list, "listen"), Lookup::Found(&list[0]));
    assert_eq!(find(&list, "Learn one"), Lookup::Found(&list[1]));
    assert_eq!(find(&list, "learn-s"), Lookup::Found(&list[2]));
    assert_eq!(
        find(&list, "LEARN"),
        Lookup::Ambiguous(vec![&list[1], &list[2]])
    );
    assert_eq!(
        find(&list, "l"),
        Lookup::Ambiguous(list[..3].iter().collect())
    );
    // Archived ones are found when nothing else fits.
    assert_eq!(find(&list, "lunch"), Lookup::Found(&list[3]));
    assert_eq!(find(&list, "walk"), Lookup::NotFound);
}

#[test]
fn a_connection_goal_says_who_counts() {
    let goal = |per_day, group: Option<&str>, role| ConnectionGoal {
        per_day,
        group: group.map(str::to_string),
        role,
    };
    assert_eq!(goal(3, None, None).whom(), "different people");
    assert_eq!(goal(1, None, None).whom(), "person");
    assert_eq!(
        goal(3, Some("5B"), Some(Role::Student)).whom(),
        "different students in 5B"
    );
    assert_eq!(
        goal(2, None, Some(Role::Staff)).whom(),
        "different staff members"
    );
    assert_eq!(goal(1, None, Some(Role::Family)).whom(), "family member");
}
