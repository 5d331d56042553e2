//! Coverage: who on the roster the leader has connected with lately, and who is
//! waiting longest. Pure: the days and `today` are passed in.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::Day;
use super::person::{Connection, Person};

/// The last day each person was connected with, by person id. Build it once from the
/// loaded days (one pass over every connection), then ask it as often as needed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LastConnections {
    last: HashMap<String, NaiveDate>,
}

impl LastConnections {
    pub fn from_days<'a>(days: impl IntoIterator<Item = &'a Day>) -> LastConnections {
        let mut last = LastConnections::default();
        for day in days {
            for connection in &day.connections {
                last.record(&connection.person, day.date);
            }
        }
        last
    }

    /// Notes a connection with `person` on `date` (an earlier date changes nothing).
    pub fn record(&mut self, person: &str, date: NaiveDate) {
        match self.last.get_mut(person) {
            Some(last) => *last = (*last).max(date),
            None => {
                self.last.insert(person.to_string(), date);
            }
        }
    }

    /// The last day `person` (an id) was connected with, if ever.
    pub fn last_connected(&self, person: &str) -> Option<NaiveDate> {
        self.last.get(person).copied()
    }
}

/// One person's line in the coverage list.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonCoverage<'a> {
    pub person: &'a Person,
    pub last: Option<NaiveDate>,
    /// Whole days since the last connection (0 = today); `None` if never.
    pub days_since: Option<i64>,
}

/// The roster (or one group of it) by how long each person has waited, with the
/// share connected with recently.
#[derive(Debug, Clone, PartialEq)]
pub struct Coverage<'a> {
    /// Never connected first, then the longest since; ties in name order.
    pub people: Vec<PersonCoverage<'a>>,
    /// Connected with in the last 7 days (today and the six before it).
    pub within_7: usize,
    /// Connected with in the last 30 days (today and the 29 before it).
    pub within_30: usize,
}

impl Coverage<'_> {
    /// How many people it covers.
    pub fn total(&self) -> usize {
        self.people.len()
    }

    /// Whole-number percentage of the roster connected with in the last 7 days.
    pub fn percent_7(&self) -> u32 {
        percent(self.within_7, self.total())
    }

    /// Whole-number percentage of the roster connected with in the last 30 days.
    pub fn percent_30(&self) -> u32 {
        percent(self.within_30, self.total())
    }
}

/// Rounded to the nearest whole percent, but never 100 unless everyone was reached and
/// never 0 unless no one was: "100%" should mean everyone.
fn percent(part: usize, whole: usize) -> u32 {
    if whole == 0 || part == 0 {
        return 0;
    }
    if part >= whole {
        return 100;
    }
    let rounded = ((part as f64 * 100.0) / whole as f64).round() as u32;
    rounded.clamp(1, 99)
}

/// The coverage of the current (not archived) people, in `group` when one is given
/// (any case). People connected with after `today` (a clock set wrong) count as today.
pub fn coverage<'a>(
    people: &'a [Person],
    last: &LastConnections,
    today: NaiveDate,
    group: Option<&str>,
) -> Coverage<'a> {
    let mut lines: Vec<PersonCoverage<'a>> = people
        .iter()
        .filter(|person| !person.archived)
        .filter(|person| group.is_none_or(|group| person.in_group(group)))
        .map(|person| {
            let last = last.last_connected(&person.id);
            PersonCoverage {
                person,
                last,
                days_since: last.map(|date| (today - date).num_days().max(0)),
            }
        })
        .collect();
    // `None` (never) sorts before any date: they have waited longest.
    lines.sort_by_cached_key(|line| (line.last, line.person.name.to_lowercase()));
    let within = |days: i64| {
        lines
            .iter()
            .filter(|line| line.days_since.is_some_and(|since| since < days))
            .count()
    };
    Coverage {
        within_7: within(7),
        within_30: within(30),
        people: lines,
    }
}

/// Every connection with `person` (an id), newest first, with its day. Two logged
/// in the same minute come in the reverse of the order they were logged (the day
/// file's order), so the newest is always first.
pub fn timeline<'a>(
    days: impl IntoIterator<Item = &'a Day>,
    person: &str,
) -> Vec<(NaiveDate, &'a Connection)> {
    let mut found: Vec<(NaiveDate, &Connection)> = days
        .into_iter()
        .flat_map(|day| {
            day.connections
                .iter()
                .filter(|connection| connection.person == person)
                .map(move |connection| (day.date, connection))
        })
        .collect();
    // Latest in the files first, so the stable sort keeps ties that way round.
    found.reverse();
    found.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.at.cmp(&a.1.at)));
    found
}

/// The groups in use among current people, each once (first spelling wins), sorted.
pub fn groups(people: &[Person]) -> Vec<String> {
    let mut seen: HashMap<String, String> = HashMap::new();
    for person in people.iter().filter(|person| !person.archived) {
        if let Some(group) = &person.group {
            seen.entry(group.to_lowercase())
                .or_insert_with(|| group.clone());
        }
    }
    let mut groups: Vec<String> = seen.into_values().collect();
    groups.sort_by_key(|group| group.to_lowercase());
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::person::Role;
    use chrono::DateTime;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn roster() -> Vec<Person> {
        let mut people: Vec<Person> = Vec::new();
        for (name, group) in [
            ("Ana", Some("5B")),
            ("Ben", Some("5B")),
            ("Cleo", Some("6A")),
            ("Dev", None),
            ("Eli", Some("6a")),
        ] {
            let person = Person::new(&people, name, group, Role::Student);
            people.push(person);
        }
        people
    }

    fn day_with(date: NaiveDate, people: &[&str]) -> Day {
        let mut day = Day::new(date);
        let at = DateTime::parse_from_rfc3339(&format!("{date}T12:00:00-05:00")).unwrap();
        for person in people {
            day.connections.push(Connection::new(*person, at, "note"));
        }
        day
    }

    #[test]
    fn the_longest_waiting_come_first_and_shares_count_the_window() {
        let today = date(2026, 11, 25);
        let days = [
            day_with(date(2026, 10, 1), &["ana", "ben"]),
            day_with(date(2026, 10, 27), &["cleo"]), // 29 days ago: inside 30
            day_with(date(2026, 10, 26), &["dev"]),  // 30 days ago: outside
            day_with(date(2026, 11, 19), &["ben"]),  // 6 days ago: inside 7
            day_with(date(2026, 11, 18), &["dev"]),  // 7 days ago: outside 7
        ];
        let last = LastConnections::from_days(&days);
        assert_eq!(last.last_connected("ben"), Some(date(2026, 11, 19)));
        let people = roster();
        let coverage = coverage(&people, &last, today, None);
        let order: Vec<&str> = coverage
            .people
            .iter()
            .map(|l| l.person.name.as_str())
            .collect();
        assert_eq!(order, ["Eli", "Ana", "Cleo", "Dev", "Ben"]);
        assert_eq!(coverage.people[0].days_since, None);
        assert_eq!(coverage.people[1].days_since, Some(55));
        assert_eq!(coverage.within_7, 1);
        assert_eq!(coverage.within_30, 3);
        assert_eq!((coverage.percent_7(), coverage.percent_30()), (20, 60));
    }

    #[test]
    fn a_group_filter_ignores_case_and_archived_people_drop_out() {
        let mut people = roster();
        people[2].archived = true;
        let last = LastConnections::default();
        let sixth = coverage(&people, &last, date(2026, 11, 25), Some("6A"));
        let names: Vec<&str> = sixth
            .people
            .iter()
            .map(|l| l.person.name.as_str())
            .collect();
        assert_eq!(names, ["Eli"]);
        assert_eq!(groups(&people), ["5B", "6a"]);
    }

    #[test]
    fn percentages_only_say_all_or_none_when_true() {
        assert_eq!(percent(0, 0), 0);
        assert_eq!(percent(1, 2000), 1);
        assert_eq!(percent(1999, 2000), 99);
        assert_eq!(percent(2000, 2000), 100);
        assert_eq!(percent(1, 3), 33);
    }

    #[test]
    fn a_timeline_is_newest_first() {
        let days = [
            day_with(date(2026, 11, 1), &["ana"]),
            day_with(date(2026, 11, 20), &["ana", "ben"]),
        ];
        let dates: Vec<NaiveDate> = timeline(&days, "ana").iter().map(|(d, _)| *d).collect();
        assert_eq!(dates, [date(2026, 11, 20), date(2026, 11, 1)]);
    }

    #[test]
    fn of_two_notes_logged_in_one_minute_the_later_comes_first() {
        let mut day = day_with(date(2026, 11, 20), &["ana", "ana"]);
        day.connections[0].note = "first".into();
        day.connections[1].note = "second".into();
        let notes: Vec<&str> = timeline([&day], "ana")
            .iter()
            .map(|(_, c)| c.note.as_str())
            .collect();
        assert_eq!(notes, ["second", "first"]);
    }
}
