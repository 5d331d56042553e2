//! The `--demo` journal: sixteen weeks of a principal's reflections, ratings,
//! commitments with their check-ins, a roster with connection notes, a running pack and
//! weekly reviews, so a newcomer sees every screen alive. Deterministic for a given
//! `today`, and written in plain words rather than the benches' word salad.
//!
//! The story has a shape the Trends screen and the insights can find: a busy last
//! month (energy down, fewer days written, a commitment slipping) and vulnerability
//! prompts left unanswered lately.

use std::path::Path;

use chrono::{DateTime, Datelike, Days, FixedOffset, NaiveDate, TimeZone, Weekday};

use super::Random;
use crate::builtin::{self, DAILY_SLOTS};
use crate::domain::commitment::{Cadence, CheckIn, Commitment, ConnectionGoal};
use crate::domain::enrollment::Enrollment;
use crate::domain::person::{Connection, Person, Role};
use crate::domain::schedule::{due_on, prompt_for};
use crate::domain::{AnswerKind, AnswerValue, Day, Entry, Frame, Pack, Prompt, Rating, review};
use crate::store::{CommitmentStore, Journal, PackStore, PackStoreError, PeopleStore, StoreError};

/// How many weeks of history the demo holds.
pub const DEMO_WEEKS: u64 = 16;
/// The built-in pack the demo has running, and how many days ago it was started.
pub const DEMO_PACK: &str = "leadership-soul-30";
const PACK_STARTED_DAYS_AGO: u64 = 11;
/// The last four weeks are the busy stretch.
const BUSY_DAYS: u64 = 28;
/// For the last three weeks the vulnerability questions go unanswered.
const VULNERABLE_DAYS: u64 = 21;
/// For the last ten days learning about students slips.
const SLIP_DAYS: u64 = 10;
const SEED: u64 = 2026;

/// Why the demo journal could not be written.
#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Pack(#[from] PackStoreError),
}

/// What [`write_demo`] wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoJournal {
    pub days: usize,
    pub entries: usize,
    pub private_entries: usize,
    pub commitments: usize,
    pub check_ins: usize,
    pub people: usize,
    pub connections: usize,
}

const LOVE: &[&str] = &[
    "Sat with Amara at lunch; she is teaching herself to draw comics and lit up showing me her panels.",
    "Learned that Jonah walks his little sister to school before his own bus. No wonder he is late on Mondays.",
    "Asked three students in the hallway what they are proud of this week. One said finishing a book for the first time.",
    "Noticed Priya is quiet since the seating change. Asked her about it and she told me plenty.",
    "The robotics club stayed past five. I learned more about their robot than about any test score this term.",
    "Leo's grandmother came to the art show. He introduced me as \"the one who knows my name\".",
    "Made a list of students I could not say one thing about. Nine names. That is my work for the week.",
];

const CARE: &[&str] = &[
    "Talked with the fifth-grade team about giving Sam a choice board instead of another intervention group.",
    "We almost put Maya in the reading group by her score again. Asked her what she likes to read first.",
    "Rearranged the library hour so the students who ride the late bus are not always the ones who miss it.",
    "Ms. Ortiz tried letting students pick how to show their learning on the fractions unit. Fewer labels, more voice.",
    "Pushed back in the data meeting when we started sorting kids into colours. Asked for one story per student instead.",
    "The counselor and I mapped which students have no adult they would go to. Four so far. Each gets one now.",
    "Built the schedule around two students' afternoon therapy instead of the other way round.",
];

const VULNERABILITY: &[&str] = &[
    "Told the staff I got the new duty rota wrong and asked them to help me fix it. The room relaxed.",
    "Shared at the staff meeting why I nearly left teaching in my third year. Two people stayed after to talk.",
    "A student asked if I was ever bad at school. I told her the truth about algebra.",
    "Admitted to the leadership team that I avoid the hard conversation with the parent group. Said it out loud at last.",
    "Listened to Malik for twenty minutes without fixing anything. Hard for me. He said thank you at the end.",
    "Asked the teachers for honest feedback on my walkthroughs. Some of it stung, most of it was fair.",
];

const TRUE_NORTH: &[&str] = &[
    "I became a teacher because of Mr. Adeyemi, who noticed I was hungry and never made a fuss. That is still the job.",
    "Best interest of the learner: the bus schedule decision is simple when I ask it that way.",
    "Today felt like compliance all day. Tomorrow I will start in classrooms before the inbox.",
    "True to students, true to staff, true to myself. Today I managed two of three, and I know which one slipped.",
    "Remembered why I came into this when the kindergartners read to the board members.",
    "I want this school to be a place where every adult knows every child by name and by story.",
    "The lone hero thing again. Gave the attendance project to the team that cares most about it.",
];

const REVIEW: [&[&str]; 4] = [
    &[
        "Morning walks through classrooms before email. They set the tone for the whole day.",
        "Lunch with a different table each day. The students expect me now.",
    ],
    &[
        "Start a Continue-Start-Stop circle with the student council.",
        "Start closing each staff meeting with one student story.",
    ],
    &[
        "Stop answering email during the first hour. Nothing there cannot wait.",
        "Stop running the data meeting myself; let the team lead it.",
    ],
    &[
        "Kneeling to read with Jonah during the fire drill wait. That is the leader I meant to be.",
        "Telling the staff I was wrong about the rota. Honest and lighter afterwards.",
    ],
];

const NOTES: &[&str] = &[
    "Talked about the comic she is drawing.",
    "Checked in after the hard week at home.",
    "He showed me the science fair plan.",
    "Walked to the bus together; talked about soccer.",
    "Asked how the new seat is working.",
    "Thanked her for the idea in the team meeting.",
    "Quick call about the field trip; they want to help.",
];

fn pick<'a>(random: &mut Random, items: &[&'a str]) -> &'a str {
    items[random.below(items.len() as u64) as usize]
}

fn text_for(frame: &Frame, random: &mut Random) -> String {
    let bank = match frame {
        Frame::Love => LOVE,
        Frame::Care => CARE,
        Frame::Vulnerability => VULNERABILITY,
        _ => TRUE_NORTH,
    };
    let mut text = pick(random, bank).to_string();
    if random.below(3) == 0 {
        text.push(' ');
        text.push_str(pick(
            random,
            &["#students", "#staff", "#families", "#wins", "#courage"],
        ));
    }
    text
}

/// The roster: students in two groups, staff and a family.
const ROSTER: &[(&str, Option<&str>, Role)] = &[
    ("Amara O.", Some("5B"), Role::Student),
    ("Jonah K.", Some("5B"), Role::Student),
    ("Priya S.", Some("5B"), Role::Student),
    ("Sam T.", Some("5B"), Role::Student),
    ("Leo M.", Some("6A"), Role::Student),
    ("Maya R.", Some("6A"), Role::Student),
    ("Malik J.", Some("6A"), Role::Student),
    ("Rosa L.", Some("6A"), Role::Student),
    ("Eli W.", Some("6A"), Role::Student),
    ("Ms. Ortiz", Some("Grade 5 team"), Role::Staff),
    ("Mr. Chen", Some("Grade 6 team"), Role::Staff),
    ("Ms. Baptiste", Some("Counseling"), Role::Staff),
    ("Coach Dana", None, Role::Staff),
    ("The Nguyen family", None, Role::Family),
];

fn commitments(first: NaiveDate) -> Vec<Commitment> {
    let mut learn = Commitment::new(
        "learn-one-thing".into(),
        "Learn one new thing about three students".into(),
        Frame::Love,
        Cadence::Daily,
    );
    learn.why = "Every child should be known by at least one adult here.".into();
    learn.psel = vec![5];
    let mut share = Commitment::new(
        "share-at-staff-meeting".into(),
        "Share something personal at the staff meeting".into(),
        Frame::Vulnerability,
        Cadence::WeeklyOn(Weekday::Tue),
    );
    share.why = "If I open up, the staff will feel they can too.".into();
    share.psel = vec![7];
    let mut connect = Commitment::new(
        "connect-with-students".into(),
        "Connect with three students a day, four days a week".into(),
        Frame::Students,
        Cadence::PerWeek(4),
    );
    connect.counts_connections = Some(ConnectionGoal {
        per_day: 3,
        group: None,
        role: Some(Role::Student),
    });
    let mut css = Commitment::new(
        "continue-start-stop".into(),
        "Continue-Start-Stop conversation with a student group".into(),
        Frame::Students,
        Cadence::PerWeek(1),
    );
    css.psel = vec![10];
    for commitment in [&mut learn, &mut share, &mut connect, &mut css] {
        commitment.start = Some(first);
    }
    vec![learn, share, connect, css]
}

fn at(date: NaiveDate, minutes: u32) -> DateTime<FixedOffset> {
    let offset = FixedOffset::west_opt(5 * 3600).expect("a valid offset");
    let time = date
        .and_hms_opt(minutes / 60 % 24, minutes % 60, 0)
        .expect("a valid time");
    offset
        .from_local_datetime(&time)
        .single()
        .expect("a fixed offset has no gaps")
}

fn answer(
    day: &Day,
    pack: &str,
    prompt: &Prompt,
    created: DateTime<FixedOffset>,
    text: String,
) -> Entry {
    let mut entry = Entry::new(created, day.entries.len(), text);
    entry.id = day.next_entry_id(created);
    entry.pack = Some(pack.to_string());
    entry.prompt = Some(prompt.id.clone());
    entry.question = Some(prompt.text.clone());
    entry.frame = Some(prompt.frame.clone());
    entry
}

/// Builds the demo's days in memory (oldest first): everything before `today`.
pub fn demo_days(today: NaiveDate, people: &[Person]) -> Vec<Day> {
    let packs = builtin::packs_lenient();
    let find = |id: &str| packs.iter().find(|pack| pack.meta.id == id);
    let soul = find(DEMO_PACK);
    let enrollment = Enrollment::new(DEMO_PACK, "1.0.0", today - Days::new(PACK_STARTED_DAYS_AGO));
    let mut random = Random(SEED);
    let first = today - Days::new(7 * DEMO_WEEKS);
    let busy_from = today - Days::new(BUSY_DAYS);
    let vulnerable_until = today - Days::new(VULNERABLE_DAYS);
    let students: Vec<&Person> = people.iter().filter(|p| p.role == Role::Student).collect();
    let mut days = Vec::new();
    for date in first.iter_days().take_while(|date| *date < today) {
        let busy = date >= busy_from;
        let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
        let mut day = Day::new(date);
        let chance = match (busy, weekend) {
            (_, true) => 35,
            (false, false) => 92,
            (true, false) => 62,
        };
        // The last few days are a fresh run, so there is a streak to see.
        let writes = date >= today - Days::new(4) || random.below(100) < chance;
        if writes {
            let drift = if busy {
                ((date - busy_from).num_days() / 9) as u8
            } else {
                0
            };
            let energy = (4 + random.below(2) as u8).saturating_sub(drift).max(1);
            day.ratings.energy = Rating::new(energy.min(5));
            day.ratings.outlook = Rating::new(3 + random.below(3) as u8);
            let morning = 6 * 60 + 30 + random.below(90) as u32;
            for (index, slot) in DAILY_SLOTS.iter().enumerate() {
                let Some(pack) = find(slot.pack) else {
                    continue;
                };
                let frame = (slot.frame_for)(date);
                // Lately the vulnerability questions are the ones left unanswered.
                if frame == Frame::Vulnerability && date >= vulnerable_until {
                    continue;
                }
                let Some(prompt) = prompt_for(&pack.prompts, &frame, date, 0) else {
                    continue;
                };
                let created = at(date, morning + 7 * index as u32);
                let mut entry = answer(
                    &day,
                    slot.pack,
                    prompt,
                    created,
                    text_for(&frame, &mut random),
                );
                entry.private = random.below(8) == 0;
                day.entries.push(entry);
            }
        }
        if let Some(soul) = soul {
            answer_pack(&mut day, soul, &enrollment, today, &mut random);
        }
        if !weekend {
            connect(&mut day, &students, people, busy, &mut random);
        }
        check_in(&mut day, date >= today - Days::new(SLIP_DAYS), &mut random);
        if (date.weekday() == Weekday::Fri && random.below(6) != 0) || date == last_friday(today) {
            write_review(&mut day, &packs, &mut random);
        }
        if !day.entries.is_empty() || !day.checkins.is_empty() || !day.connections.is_empty() {
            days.push(day);
        }
    }
    add_late_night_entry(&mut days, today);
    days
}

/// The Friday of the last whole week before `today`'s (weeks start on Monday, the
/// default), whose review is written so the demo opens on Today, not on a review.
fn last_friday(today: NaiveDate) -> NaiveDate {
    crate::domain::trends::week_of(today, Weekday::Mon) - Days::new(3)
}

/// The pack's prompts for the day, answered; the last two days are left for Today to
/// carry over ("from Tuesday").
fn answer_pack(
    day: &mut Day,
    pack: &Pack,
    enrollment: &Enrollment,
    today: NaiveDate,
    random: &mut Random,
) {
    if day.date >= today - Days::new(2) {
        return;
    }
    for prompt in due_on(pack, enrollment, day.date) {
        if prompt.frame == Frame::Vulnerability && day.date >= today - Days::new(VULNERABLE_DAYS) {
            continue;
        }
        let created = at(day.date, 20 * 60 + random.below(60) as u32);
        let text = text_for(&prompt.frame, random);
        let entry = answer(day, &pack.meta.id, prompt, created, text);
        day.entries.push(entry);
    }
}

/// Connection notes with one to four people, mostly students.
fn connect(
    day: &mut Day,
    students: &[&Person],
    people: &[Person],
    busy: bool,
    random: &mut Random,
) {
    let count = if busy {
        random.below(4)
    } else {
        2 + random.below(3)
    };
    for n in 0..count {
        let person = if n < 3 && !students.is_empty() {
            students[random.below(students.len() as u64) as usize]
        } else {
            &people[random.below(people.len() as u64) as usize]
        };
        if day.connections.iter().any(|c| c.person == person.id) {
            continue;
        }
        let created = at(day.date, 10 * 60 + 40 * n as u32);
        day.connections.push(Connection::new(
            person.id.clone(),
            created,
            pick(random, NOTES),
        ));
    }
}

/// Check-ins: learning about students slips in the last days; the staff-meeting
/// share happens most Tuesdays; a Continue-Start-Stop conversation most weeks.
fn check_in(day: &mut Day, slipping: bool, random: &mut Random) {
    let date = day.date;
    let mut check = |id: &str, minutes: u32| {
        day.checkins
            .push(CheckIn::new(id, date, date, at(date, minutes), None));
    };
    if random.below(100) < if slipping { 30 } else { 90 } {
        check("learn-one-thing", 15 * 60);
    }
    if date.weekday() == Weekday::Tue && random.below(5) != 0 {
        check("share-at-staff-meeting", 16 * 60);
    }
    if date.weekday() == Weekday::Thu && random.below(4) != 0 {
        check("continue-start-stop", 14 * 60);
    }
}

/// The weekly review on a Friday afternoon: Continue, Start, Stop, true north and an
/// energy rating for next week.
fn write_review(day: &mut Day, packs: &[Pack], random: &mut Random) {
    for (n, question) in review::prompts(packs).into_iter().enumerate() {
        let text = pick(random, REVIEW[n % REVIEW.len()]).to_string();
        let created = at(day.date, 15 * 60 + 30 + 3 * n as u32);
        let week = review::reviewed_week(day.date, Weekday::Mon);
        let entry = review::entry(day, question.prompt, text, created, week);
        day.entries.push(entry);
    }
    let energy = packs
        .iter()
        .find(|pack| pack.meta.id == review::PACK)
        .and_then(|pack| {
            pack.prompts
                .iter()
                .find(|p| matches!(p.answer, AnswerKind::Scale(_)))
        });
    if let Some(prompt) = energy {
        let created = at(day.date, 15 * 60 + 45);
        let mut entry = answer(day, review::PACK, prompt, created, String::new());
        entry.value = Some(AnswerValue::Number(2 + random.below(4) as i64));
        day.entries.push(entry);
    }
}

/// One reflection written after midnight, kept in the evening's file as the app does
/// with the default rollover hour.
fn add_late_night_entry(days: &mut [Day], today: NaiveDate) {
    let evening = today - Days::new(9);
    if let Some(day) = days.iter_mut().find(|day| day.date == evening) {
        let created = at(evening + Days::new(1), 40);
        let mut entry = Entry::new(created, day.entries.len(), String::new());
        entry.id = day.next_entry_id(created);
        entry.text =
            "Could not sleep after the parent meeting. Writing it down: I listened more than I \
                      defended, and that was right. #courage"
                .to_string();
        entry.frame = Some(Frame::Courage);
        day.entries.push(entry);
    }
}

/// A fresh, empty folder for the demo journal in the temp dir, owner-only (0700) like
/// any journal, so the demo does not open with a warning that others can read it.
/// Removed when the returned value is dropped.
pub fn demo_folder() -> std::io::Result<tempfile::TempDir> {
    let mut builder = tempfile::Builder::new();
    builder.prefix("truenorth-demo-");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o700));
    }
    builder.tempdir()
}

/// Removes the demo's folder once the app has closed. The app's background scan may
/// still be writing the journal cache there as it closes (likelier on a busy machine),
/// and a folder in which a file appears cannot be removed; so removal is tried again
/// for up to two seconds before it fails.
pub fn remove_demo_folder(folder: tempfile::TempDir) -> std::io::Result<()> {
    let path = folder.keep();
    let mut tries = 0;
    loop {
        match std::fs::remove_dir_all(&path) {
            Ok(()) => return Ok(()),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            Err(_) if tries < 40 => {
                tries += 1;
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            Err(error) => return Err(error),
        }
    }
}

/// Writes the demo journal into the journal root `root` (which should be empty): day
/// files, commitments, the roster and a running pack, for a journal whose today is
/// `today` (left unwritten, for Today to ask).
pub fn write_demo(root: &Path, today: NaiveDate) -> Result<DemoJournal, DemoError> {
    let journal = Journal::open(root)?;
    let people = PeopleStore::open(root).update(|people| {
        for (name, group, role) in ROSTER {
            let person = Person::new(people, name, *group, *role);
            people.push(person);
        }
        people.clone()
    })?;
    let first = today - Days::new(7 * DEMO_WEEKS);
    let commitments = commitments(first);
    let count = commitments.len();
    CommitmentStore::open(root).update(|list| list.extend(commitments))?;
    let days = demo_days(today, &people);
    for day in &days {
        journal.update_day(day.date, |on_disk| *on_disk = day.clone())?;
    }
    PackStore::open(root).start_builtin(DEMO_PACK, today - Days::new(PACK_STARTED_DAYS_AGO))?;
    let entries = days.iter().flat_map(|day| &day.entries);
    Ok(DemoJournal {
        days: days.len(),
        entries: entries.clone().count(),
        private_entries: entries.filter(|entry| entry.private).count(),
        commitments: count,
        check_ins: days.iter().map(|day| day.checkins.len()).sum(),
        people: people.len(),
        connections: days.iter().map(|day| day.connections.len()).sum(),
    })
}

#[cfg(test)]
mod tests;
