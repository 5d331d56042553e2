//! How fast the roster and commitment rules answer at the scale: the person
//! picker on every keystroke over 2,000 people (the budget is one 16 ms frame),
//! coverage over 2,000 people and five years of connections, and streaks for ten
//! commitments over ten years.
//!
//! `cargo bench --bench people`. Everything is generated in memory, deterministically.

use std::hint::black_box;

use chrono::{DateTime, Days, FixedOffset, NaiveDate, Weekday};
use criterion::{Criterion, criterion_group, criterion_main};
use truenorth::domain::Day;
use truenorth::domain::Frame;
use truenorth::domain::commitment::{Cadence, CheckIn, Commitment, ConnectionGoal};
use truenorth::domain::coverage::{LastConnections, coverage};
use truenorth::domain::person::{Connection, Person, Role};
use truenorth::domain::person_index::PersonIndex;
use truenorth::domain::slug::Ids;
use truenorth::domain::streak::Record;

const FIRST: [&str; 40] = [
    "Maya", "Liam", "Ava", "Noah", "Sofia", "Mateo", "Amara", "Kenji", "Zara", "Elijah", "Priya",
    "Diego", "Chloe", "Omar", "Isla", "Lucas", "Aaliyah", "Hiro", "Nia", "Ezra", "Fatima", "Leo",
    "Grace", "Kofi", "Mia", "Arjun", "Lena", "Theo", "Yara", "Samuel", "Ines", "Jonah", "Leila",
    "Marco", "Ruby", "Tariq", "Hana", "Felix", "Ada", "Caleb",
];
const LAST: [&str; 50] = [
    "Robinson", "Garcia", "Nguyen", "Okafor", "Smith", "Patel", "Kim", "Haddad", "Silva",
    "Johnson", "Cohen", "Mensah", "Rossi", "Tanaka", "Ali", "Brown", "Dubois", "Lopez", "Novak",
    "Chen", "Walker", "Murphy", "Singh", "Ivanova", "Mbeki", "Costa", "Larsen", "Yilmaz", "Ortiz",
    "Hughes", "Sato", "Khan", "Moreau", "Reyes", "Fischer", "Osei", "Park", "Baker", "Ahmed",
    "Rivera", "Schmidt", "Diaz", "Kowalski", "Evans", "Bakr", "Nakamura", "Alvarez", "Owens",
    "Petrov", "Wright",
];

/// A small deterministic generator (xorshift), so every run measures the same data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

fn at(date: NaiveDate) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(&format!("{date}T10:00:00-05:00")).unwrap()
}

/// 2,000 students and staff in grades and teams.
fn roster(size: usize) -> Vec<Person> {
    let mut rng = Rng(0x5eed_cafe);
    let mut ids = Ids::default();
    (0..size)
        .map(|n| {
            let name = format!(
                "{} {}",
                FIRST[rng.below(FIRST.len())],
                LAST[rng.below(LAST.len())]
            );
            let (group, role) = if n % 20 == 0 {
                ("Staff".to_string(), Role::Staff)
            } else {
                (
                    format!("{}{}", n % 12 + 1, ["A", "B", "C"][n % 3]),
                    Role::Student,
                )
            };
            Person::with_ids(&mut ids, &name, Some(&group), role)
        })
        .collect()
}

/// Days from `first` to today, each with `per_day` connections to random people.
fn connection_days(people: &[Person], years: u64, per_day: usize) -> Vec<Day> {
    let mut rng = Rng(0xdec0_de42);
    let first = today() - Days::new(365 * years);
    first
        .iter_days()
        .take_while(|date| *date <= today())
        .map(|date| {
            let mut day = Day::new(date);
            for _ in 0..per_day {
                let person = &people[rng.below(people.len())];
                day.connections.push(Connection::new(
                    person.id.clone(),
                    at(date),
                    "asked about the robot",
                ));
            }
            day
        })
        .collect()
}

fn bench_picker(c: &mut Criterion) {
    let people = roster(2_000);
    c.bench_function("people: build the picker index (2,000 people)", |b| {
        b.iter(|| black_box(PersonIndex::new(black_box(&people))))
    });
    let index = PersonIndex::new(&people);
    // Typing "maya rob 5" one key at a time: each keystroke re-ranks everyone.
    let typed = "maya rob 5";
    let prefixes: Vec<&str> = (1..=typed.len()).map(|n| &typed[..n]).collect();
    c.bench_function(
        "people: picker, one keystroke (2,000 people, top 20)",
        |b| {
            let mut next = 0;
            b.iter(|| {
                let query = prefixes[next % prefixes.len()];
                next += 1;
                black_box(index.search(black_box(query), 20))
            })
        },
    );
    c.bench_function(
        "people: picker, typing 10 keys (2,000 people, top 20)",
        |b| {
            b.iter(|| {
                for query in &prefixes {
                    black_box(index.search(black_box(query), 20));
                }
            })
        },
    );
}

fn bench_coverage(c: &mut Criterion) {
    let people = roster(2_000);
    let days = connection_days(&people, 5, 10);
    let count: usize = days.iter().map(|day| day.connections.len()).sum();
    c.bench_function(
        &format!("people: coverage from {count} connections over 5 years (2,000 people)"),
        |b| {
            b.iter(|| {
                let last = LastConnections::from_days(black_box(&days));
                black_box(coverage(&people, &last, today(), None).percent_30())
            })
        },
    );
    let last = LastConnections::from_days(&days);
    c.bench_function(
        "people: coverage of one group, last connections known",
        |b| b.iter(|| black_box(coverage(&people, &last, today(), Some("5B")).percent_7())),
    );
}

fn bench_streaks(c: &mut Criterion) {
    let cadences = [
        "daily",
        "daily",
        "daily",
        "3 per week",
        "2 per week",
        "5 per week",
        "weekly on mon",
        "weekly on fri",
        "weekly on sun",
        "daily",
    ];
    let start = today() - Days::new(3_652);
    let mut commitments: Vec<Commitment> = cadences
        .iter()
        .enumerate()
        .map(|(n, cadence)| {
            let mut commitment = Commitment::new(
                format!("c{n}"),
                format!("Commitment {n}"),
                Frame::Love,
                cadence.parse::<Cadence>().unwrap(),
            );
            commitment.start = Some(start);
            // A holiday every 40 days: skips are looked up on every day too.
            commitment.skips = start.iter_days().step_by(40).take(92).collect();
            commitment
        })
        .collect();
    commitments[9].counts_connections = Some(ConnectionGoal {
        per_day: 3,
        group: None,
        role: Some(Role::Student),
    });
    let people = roster(2_000);
    let mut days = connection_days(&people, 10, 4);
    let mut rng = Rng(0xfeed_f00d);
    for day in &mut days {
        for commitment in &commitments[..9] {
            // Kept about four days in five.
            if rng.below(5) != 0 {
                day.checkins.push(CheckIn::new(
                    commitment.id.clone(),
                    day.date,
                    day.date,
                    at(day.date),
                    None,
                ));
            }
        }
    }
    c.bench_function(
        "commitments: every figure for 10 commitments over 10 years",
        |b| {
            b.iter(|| {
                let records = Record::all_from_days(&commitments, &days, &people, Weekday::Mon);
                for record in &records {
                    black_box(record.summary(today()));
                    black_box(record.heatmap(today(), 12));
                }
            })
        },
    );
    c.bench_function(
        "commitments: build the records of 10 commitments from 10 years of days",
        |b| {
            b.iter(|| {
                black_box(Record::all_from_days(
                    &commitments,
                    &days,
                    &people,
                    Weekday::Mon,
                ))
            })
        },
    );
    let records: Vec<Record> = commitments
        .iter()
        .map(|commitment| Record::from_days(commitment, &days, &people, Weekday::Mon))
        .collect();
    c.bench_function(
        "commitments: figures only, records built (10 commitments, 10 years)",
        |b| {
            b.iter(|| {
                for record in &records {
                    black_box(record.summary(today()));
                }
            })
        },
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench_picker, bench_coverage, bench_streaks
}
criterion_main!(benches);
