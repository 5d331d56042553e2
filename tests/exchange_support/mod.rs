//! A small fixed journal for the export and import tests: three weeks of entries
//! answering built-in prompts, free notes, a measured answer, private entries, names
//! from the roster in text, questions, tags and commitments, and text with characters
//! every format must escape.

#![allow(dead_code)]

use std::path::Path;

use chrono::{DateTime, FixedOffset, NaiveDate, Weekday};
use truenorth::builtin;
use truenorth::domain::commitment::{Cadence, CheckIn, Commitment, CommitmentState, Pause};
use truenorth::domain::person::{Person, Role};
use truenorth::domain::{AnswerValue, Day, Entry, Frame, Pack, Rating};
use truenorth::exchange::{ExportContext, ExportOptions, Sources};
use truenorth::store::{CommitmentStore, Journal, PeopleStore};

/// Words that appear only in private entries: no export may hold them.
pub const SECRETS: [&str; 3] = [
    "PRIVATE-SENTINEL-ONE",
    "PRIVATE-SENTINEL-TWO",
    "PRIVATE-SENTINEL-THREE",
];

pub fn date(month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, month, day).unwrap()
}

pub fn at(month: u32, day: u32, hour: u32, minute: u32) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(&format!(
        "2026-{month:02}-{day:02}T{hour:02}:{minute:02}:00-05:00"
    ))
    .unwrap()
}

/// The moment the exports are made.
pub fn context() -> ExportContext {
    let now = at(11, 24, 18, 5);
    ExportContext {
        now,
        today: date(11, 24),
        week_start: Weekday::Mon,
    }
}

/// The options the golden files are made with.
pub fn options() -> ExportOptions {
    ExportOptions {
        from: Some(date(11, 2)),
        to: Some(date(11, 22)),
        title: Some("Reflections for my mentor meeting".into()),
        author: Some("Dana Reyes".into()),
        ..ExportOptions::default()
    }
}

pub struct Fixture {
    pub days: Vec<Day>,
    pub commitments: Vec<Commitment>,
    pub people: Vec<Person>,
    pub packs: Vec<Pack>,
}

impl Fixture {
    pub fn sources(&self) -> Sources<'_> {
        Sources {
            days: &self.days,
            commitments: &self.commitments,
            people: &self.people,
            packs: &self.packs,
        }
    }

    /// Writes the fixture into a journal folder, as the app would keep it.
    pub fn write_to(&self, root: &Path) {
        let journal = Journal::open(root).unwrap();
        for day in &self.days {
            journal
                .update_day(day.date, |on_disk| *on_disk = day.clone())
                .unwrap();
        }
        CommitmentStore::open(root)
            .update(|list| *list = self.commitments.clone())
            .unwrap();
        PeopleStore::open(root)
            .update(|list| *list = self.people.clone())
            .unwrap();
    }
}

fn answer(
    packs: &[Pack],
    pack: &str,
    prompt: &str,
    created: DateTime<FixedOffset>,
    text: &str,
) -> Entry {
    let found = packs
        .iter()
        .find(|p| p.meta.id == pack)
        .and_then(|p| p.prompts.iter().find(|q| q.id == prompt))
        .unwrap_or_else(|| panic!("no prompt {pack}/{prompt}"));
    let mut entry = Entry::new(created, 0, text.to_string());
    entry.pack = Some(pack.to_string());
    entry.prompt = Some(prompt.to_string());
    entry.question = Some(found.text.clone());
    entry.frame = Some(found.frame.clone());
    entry
}

fn note(created: DateTime<FixedOffset>, text: &str) -> Entry {
    Entry::new(created, 0, text.to_string())
}

fn day(date: NaiveDate, energy: Option<u8>, outlook: Option<u8>, entries: Vec<Entry>) -> Day {
    let mut day = Day::new(date);
    day.ratings.energy = energy.and_then(Rating::new);
    day.ratings.outlook = outlook.and_then(Rating::new);
    for entry in entries {
        let mut entry = entry;
        entry.id = day.next_entry_id(entry.created);
        day.entries.push(entry);
    }
    day
}

fn check_in(day: &mut Day, commitment: &str) {
    let at = day
        .date
        .and_hms_opt(19, 0, 0)
        .unwrap()
        .and_local_timezone(FixedOffset::west_opt(5 * 3600).unwrap())
        .unwrap();
    day.checkins
        .push(CheckIn::new(commitment, day.date, day.date, at, None));
}

fn person(roster: &[Person], name: &str, role: Role) -> Person {
    Person::new(roster, name, None, role)
}

pub fn fixture() -> Fixture {
    let packs = builtin::packs().unwrap();
    let mut people = Vec::new();
    for (name, role) in [
        ("Maya Rodriguez", Role::Student),
        ("Jordan Lee", Role::Student),
        ("Mr. Okafor", Role::Staff),
        ("Ms. Alvarez", Role::Family),
        ("Élodie Brun", Role::Student),
    ] {
        let new = person(&people, name, role);
        people.push(new);
    }
    let mut archived = person(&people, "Sam Park", Role::Student);
    archived.archived = true;
    people.push(archived);

    let mut private_one = note(
        at(11, 3, 21, 10),
        &format!(
            "{} I am worried about Maya Rodriguez's home situation.",
            SECRETS[0]
        ),
    );
    private_one.private = true;
    let mut private_two = answer(
        &packs,
        "courage-6-weeks",
        "courage-01",
        at(11, 10, 6, 40),
        &format!("{} The talk with Mr. Okafor about his grading.", SECRETS[1]),
    );
    private_two.private = true;
    private_two.tags = vec!["staff".into()];
    let mut private_three = note(at(11, 19, 22, 0), SECRETS[2]);
    private_three.private = true;

    let mut measured = answer(
        &packs,
        "courage-6-weeks",
        "courage-19",
        at(11, 13, 15, 30),
        "Two people disagreed in the meeting.",
    );
    measured.value = Some(AnswerValue::Number(4));
    let mut asked = note(
        at(11, 18, 7, 20),
        "She wants to run the robotics club next year.\nI said yes.",
    );
    asked.question = Some("What did Maya Rodriguez ask of you this week?".into());
    asked.pack = Some("coach-pack".into());
    asked.prompt = Some("ask-01".into());
    asked.frame = Some(Frame::from("listening"));
    let mut yes = answer(
        &packs,
        "courage-6-weeks",
        "courage-20",
        at(11, 20, 15, 0),
        "The first step: I asked for the meeting.",
    );
    yes.value = Some(AnswerValue::YesNo(true));
    let mut tagged = note(
        at(11, 5, 12, 15),
        "Lunch duty: Jordan Lee sat alone again. #students #lunch",
    );
    tagged.tags = vec!["jordan-lee".into(), "duty".into()];

    let mut days = vec![
        day(
            date(11, 2),
            Some(3),
            Some(4),
            vec![
                answer(
                    &packs,
                    "daily-lcv",
                    "love-01",
                    at(11, 2, 7, 5),
                    "Maya Rodriguez is brilliant at fixing the 3D printer.\nNobody on staff knew.\n\nI will tell Mr. Okafor.",
                ),
                answer(
                    &packs,
                    "daily-true-north",
                    "true-north-03",
                    at(11, 2, 7, 12),
                    "Whether to move the <b>reading block</b> & lunch: \"best for learners\" says keep it.",
                ),
            ],
        ),
        day(date(11, 3), Some(2), Some(3), vec![private_one]),
        day(
            date(11, 4),
            Some(4),
            None,
            vec![answer(
                &packs,
                "daily-lcv",
                "care-01",
                at(11, 4, 6, 55),
                "# Labels\n\"The low group\" hides that ÉLODIE BRUN reads every night.\n---\nMore later.",
            )],
        ),
        day(date(11, 5), None, None, vec![tagged]),
        day(date(11, 9), Some(3), Some(3), vec![]),
        day(
            date(11, 10),
            Some(4),
            Some(4),
            vec![
                private_two,
                answer(
                    &packs,
                    "courage-6-weeks",
                    "courage-04",
                    at(11, 10, 7, 0),
                    "\"Your feedback to Ms. Alvarez came across as blame.\" Plain, kind, true.",
                ),
            ],
        ),
        day(
            date(11, 12),
            Some(5),
            Some(4),
            vec![answer(
                &packs,
                "daily-lcv",
                "vulnerability-01",
                at(11, 12, 16, 45),
                "Jordan Lee started to tell me about his brother. I looked at my phone. Tomorrow I will ask again.",
            )],
        ),
        day(date(11, 13), None, None, vec![measured]),
        day(date(11, 18), Some(3), Some(5), vec![asked]),
        day(date(11, 19), None, None, vec![private_three]),
        day(date(11, 20), Some(4), Some(4), vec![yes]),
    ];
    // A day outside the range, to show the range holds.
    days.push(day(
        date(11, 23),
        Some(1),
        Some(1),
        vec![note(at(11, 23, 8, 0), "Outside the range.")],
    ));

    let mut learn = Commitment::new(
        "learn-one-new-thing".into(),
        "Learn one new thing about three students".into(),
        Frame::Love,
        Cadence::Daily,
    );
    learn.start = Some(date(11, 2));
    learn.psel = vec![5];
    learn.why = "Every learner known by name and story".into();
    learn.skips = vec![date(11, 11)];
    let mut lunch = Commitment::new(
        "lunch-with-maya".into(),
        "Lunch with Maya Rodriguez's robotics group".into(),
        Frame::Students,
        Cadence::PerWeek(1),
    );
    lunch.start = Some(date(10, 1));
    // Paused for the week of 9 November: that week neither counts nor breaks it.
    lunch.pauses = vec![Pause {
        from: date(11, 9),
        until: Some(date(11, 16)),
    }];
    let mut hard = Commitment::new(
        "say-one-hard-thing".into(),
        "Say one hard thing kindly and directly".into(),
        Frame::Courage,
        Cadence::WeeklyOn(Weekday::Fri),
    );
    hard.start = Some(date(11, 9));
    let mut old = Commitment::new(
        "old".into(),
        "An archived practice".into(),
        Frame::Care,
        Cadence::Daily,
    );
    old.state = CommitmentState::Archived;
    old.start = Some(date(9, 1));

    for (month, d, id) in [
        (11, 2, "learn-one-new-thing"),
        (11, 3, "learn-one-new-thing"),
        (11, 4, "learn-one-new-thing"),
        (11, 5, "learn-one-new-thing"),
        (11, 9, "learn-one-new-thing"),
        (11, 10, "learn-one-new-thing"),
        (11, 12, "learn-one-new-thing"),
        (11, 13, "learn-one-new-thing"),
        (11, 18, "learn-one-new-thing"),
        (11, 19, "learn-one-new-thing"),
        (11, 20, "learn-one-new-thing"),
        (10, 28, "lunch-with-maya"),
        (11, 5, "lunch-with-maya"),
        (11, 18, "lunch-with-maya"),
        (11, 13, "say-one-hard-thing"),
        (11, 20, "say-one-hard-thing"),
        (11, 4, "old"),
    ] {
        let date = date(month, d);
        match days.iter_mut().find(|day| day.date == date) {
            Some(day) => check_in(day, id),
            None => {
                let mut new = Day::new(date);
                check_in(&mut new, id);
                days.push(new);
            }
        }
    }
    days.sort_by_key(|day| day.date);
    Fixture {
        days,
        commitments: vec![learn, lunch, hard, old],
        people,
        packs,
    }
}
