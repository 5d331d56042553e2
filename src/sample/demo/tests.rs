use chrono::{Days, NaiveDate, Weekday};

use super::*;
use crate::domain::insights::{InsightInputs, InsightKind, insights};
use crate::domain::trends::WeeklyTrends;
use crate::store::journal_cache;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn roster() -> Vec<Person> {
    let mut people = Vec::new();
    for (name, group, role) in ROSTER {
        let person = Person::new(&people, name, *group, *role);
        people.push(person);
    }
    people
}

#[test]
fn the_demo_journal_is_written_whole_and_reads_back_clean() {
    let folder = tempfile::tempdir().unwrap();
    let today = date(2026, 11, 25);
    let written = write_demo(folder.path(), today).unwrap();
    assert!(
        written.days >= 7 * DEMO_WEEKS as usize * 3 / 4,
        "{written:?}"
    );
    assert!(written.entries >= 150, "{written:?}");
    assert!(written.private_entries > 0, "{written:?}");
    assert_eq!((written.commitments, written.people), (4, ROSTER.len()));
    assert!(
        written.check_ins > 50 && written.connections > 100,
        "{written:?}"
    );

    let journal = Journal::open(folder.path()).unwrap();
    let scan = journal.scan();
    assert!(scan.problems.is_empty(), "{:?}", scan.problems);
    assert_eq!(scan.days.len(), written.days);
    assert_eq!(
        scan.days.first().unwrap().date,
        today - Days::new(7 * DEMO_WEEKS)
    );
    assert!(
        journal.load_day(today).unwrap().is_none(),
        "today is left for Today"
    );
    assert_eq!(
        CommitmentStore::open(folder.path()).load().unwrap().len(),
        4
    );
    assert_eq!(
        PeopleStore::open(folder.path()).load().unwrap().len(),
        ROSTER.len()
    );
    let packs = PackStore::open(folder.path()).load();
    assert!(packs.problems.is_empty(), "{:?}", packs.problems);
    assert!(packs.get(DEMO_PACK).is_some());
    // The cache reads it back the same.
    assert_eq!(journal_cache::load(&journal).days, scan.days);
}

#[test]
fn the_demo_is_the_same_every_time_for_a_day() {
    let people = roster();
    let today = date(2026, 11, 25);
    assert_eq!(demo_days(today, &people), demo_days(today, &people));
}

#[test]
fn every_day_of_a_week_the_demo_has_insights_and_no_review_waiting() {
    let people = roster();
    let packs = crate::builtin::packs_lenient();
    for offset in 0..7 {
        let today = date(2027, 1, 4) + Days::new(offset);
        let days = demo_days(today, &people);
        let commitments = commitments(today - Days::new(7 * DEMO_WEEKS));
        let weeks = WeeklyTrends::new(Weekday::Mon, 4)
            .commitments(&commitments)
            .people(&people)
            .compute(&days, 12, today);
        let found = insights(&InsightInputs {
            weeks: &weeks,
            days: &days,
            today,
            rollover_hour: 4,
            packs: &packs,
        });
        let kinds: Vec<InsightKind> = found.iter().map(|i| i.kind).collect();
        assert!(found.len() >= 3, "{today}: {kinds:?}");
        assert!(
            kinds.contains(&InsightKind::NeglectedDimension),
            "{today}: {kinds:?}"
        );
        let last = review::last_reviewed_week(&days, Weekday::Mon, 4);
        assert!(
            !review::is_due(today, Weekday::Mon, last),
            "{today}: last review {last:?}"
        );
        // The whole weeks: on a Monday the new week has nothing due yet.
        for week in &weeks[weeks.len() - 5..weeks.len() - 1] {
            assert!(week.commitments_kept_rate.is_some(), "{today}: {week:?}");
            assert!(week.people_connected_share.is_some(), "{today}");
        }
    }
}

#[test]
#[cfg(unix)]
fn the_demo_journal_is_private_from_its_first_file() {
    let folder = demo_folder().unwrap();
    let root = folder.path();
    assert!(
        root.file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("truenorth-demo-")
    );
    assert!(crate::store::permissions::check(root).is_empty());
    write_demo(root, date(2026, 11, 23)).unwrap();
    let loose = crate::store::permissions::check(root);
    assert!(loose.is_empty(), "{loose:?}");
}
