//! How fast the Trends screen's figures are: twelve weeks of trends and the insights on
//! a ten-year journal, with commitments checked off and a roster of connections
//! across all ten years. A frame is 16 ms; these should be a small part of one.
//!
//! `cargo bench --bench trends`. The journal is the deterministic ten-year sample
//! (`truenorth::sample`), built in memory once per run; the screen benches write it
//! to a temporary folder and open the app on it.

use std::hint::black_box;

use chrono::{DateTime, Days, NaiveDate, Weekday};
use criterion::{Criterion, criterion_group, criterion_main};
use truenorth::builtin;
use truenorth::commands::stats::{StatsOptions, run};
use truenorth::domain::Day;
use truenorth::domain::commitment::{Cadence, CheckIn, Commitment};
use truenorth::domain::insights::{InsightInputs, insights};
use truenorth::domain::person::{Connection, Person, Role};
use truenorth::domain::trends::WeeklyTrends;
use truenorth::domain::{Frame, review};
use truenorth::sample::{SampleSize, sample_days, write_sample};
use truenorth::store::{Journal, Paths};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

/// Three commitments from the first day, checked off most days, and a roster of 300
/// with three connection notes a day, for ten years.
fn with_practice(days: &mut [Day]) -> (Vec<Commitment>, Vec<Person>) {
    let first = days.first().map_or(today(), |day| day.date);
    let commitments: Vec<Commitment> = [
        ("daily", Cadence::Daily),
        ("three", Cadence::PerWeek(3)),
        ("friday", Cadence::WeeklyOn(Weekday::Fri)),
    ]
    .into_iter()
    .map(|(id, cadence)| {
        let mut c = Commitment::new(id.into(), id.into(), Frame::Love, cadence);
        c.start = Some(first);
        c
    })
    .collect();
    let mut people = Vec::new();
    for n in 0..300 {
        let person = Person::new(&people, &format!("Student {n}"), Some("5B"), Role::Student);
        people.push(person);
    }
    for (n, day) in days.iter_mut().enumerate() {
        let at = DateTime::parse_from_rfc3339(&format!("{}T15:00:00-05:00", day.date)).unwrap();
        for (k, commitment) in commitments.iter().enumerate() {
            if (n + k) % 5 != 0 {
                day.checkins
                    .push(CheckIn::new(&commitment.id, day.date, day.date, at, None));
            }
        }
        for k in 0..3 {
            let person = &people[(n * 7 + k * 31) % people.len()];
            day.connections
                .push(Connection::new(&person.id, at, "note"));
        }
    }
    (commitments, people)
}

fn bench_trends(c: &mut Criterion) {
    let mut days = sample_days(today() - Days::new(1), SampleSize::TEN_YEARS, 42);
    let (commitments, people) = with_practice(&mut days);
    let packs = builtin::packs_lenient();
    let trends = WeeklyTrends::new(Weekday::Mon, 4)
        .commitments(&commitments)
        .people(&people);

    let entries_only = WeeklyTrends::new(Weekday::Mon, 4);
    c.bench_function("trends: 12 weeks, entries and ratings only", |b| {
        b.iter(|| black_box(entries_only.compute(black_box(&days), 12, today())))
    });

    c.bench_function("trends: 12 weeks of a 10-year journal", |b| {
        b.iter(|| black_box(trends.compute(black_box(&days), 12, today())))
    });

    let weeks = trends.compute(&days, 12, today());
    c.bench_function("insights: from 12 weeks and 10 years of days", |b| {
        b.iter(|| {
            black_box(insights(&InsightInputs {
                weeks: &weeks,
                days: black_box(&days),
                today: today(),
                rollover_hour: 4,
                packs: &packs,
            }))
        })
    });

    c.bench_function("trends screen: 12 weeks + insights + review due", |b| {
        b.iter(|| {
            let weeks = trends.compute(black_box(&days), 12, today());
            let found = insights(&InsightInputs {
                weeks: &weeks,
                days: &days,
                today: today(),
                rollover_hour: 4,
                packs: &packs,
            });
            let due = review::is_due(
                today(),
                Weekday::Mon,
                review::last_reviewed_week(&days, Weekday::Mon, 4),
            );
            black_box((weeks, found, due))
        })
    });

    c.bench_function("trends: 520 weeks (the whole 10 years)", |b| {
        b.iter(|| black_box(trends.compute(black_box(&days), 520, today())))
    });
}

fn bench_stats_command(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let paths = Paths {
        data: dir.path().join("data"),
        config: dir.path().join("config"),
    };
    let journal = Journal::open(&paths.data).unwrap();
    write_sample(&journal, today() - Days::new(1), SampleSize::TEN_YEARS, 42).unwrap();
    let now = DateTime::parse_from_rfc3339("2026-11-25T09:00:00-05:00").unwrap();
    let options = StatsOptions::default();
    // The first run builds the journal cache; the benchmark measures the usual case.
    run(&paths, &options, now, &mut std::io::sink()).unwrap();
    c.bench_function("stats command: 12 weeks, cached 10-year journal", |b| {
        b.iter(|| run(&paths, &options, now, &mut std::io::sink()).unwrap())
    });
}

/// The Trends screen in the app on the ten-year journal with its commitments and
/// roster: coming onto the screen (the figures are computed then) and drawing a frame
/// at 160x48 (drawing only reads them).
fn bench_trends_screen(c: &mut Criterion) {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use truenorth::clock::FixedClock;
    use truenorth::store::{CommitmentStore, PeopleStore};
    use truenorth::ui::app::{App, Screen};
    use truenorth::ui::keymap::Mode;

    let dir = tempfile::tempdir().unwrap();
    let paths = Paths {
        data: dir.path().join("data"),
        config: dir.path().join("config"),
    };
    let journal = Journal::open(&paths.data).unwrap();
    let mut days = sample_days(today() - Days::new(1), SampleSize::TEN_YEARS, 42);
    let (commitments, people) = with_practice(&mut days);
    for day in &days {
        journal
            .update_day(day.date, |on_disk| *on_disk = day.clone())
            .unwrap();
    }
    CommitmentStore::open(&paths.data)
        .update(|list| list.extend(commitments))
        .unwrap();
    PeopleStore::open(&paths.data)
        .update(|list| list.extend(people))
        .unwrap();

    let clock = FixedClock::at("2026-11-25T09:00:00-05:00");
    let mut app = App::open(&paths, Box::new(clock)).unwrap();
    app.scan_now();
    let press = |app: &mut App, c: char| {
        app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
    };
    // The weekly review is offered (last week has entries and no review): put it
    // off, then leave Today's answer.
    for _ in 0..3 {
        if !matches!(app.mode(), Mode::Review | Mode::Writing) {
            break;
        }
        app.handle_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    }
    for _ in 0..10 {
        if app.screen() == Screen::Trends {
            break;
        }
        press(&mut app, ']');
    }
    assert_eq!(app.screen(), Screen::Trends, "Trends never came on screen");
    c.bench_function("trends screen: coming onto it (10-year journal)", |b| {
        b.iter(|| {
            press(&mut app, '[');
            press(&mut app, ']');
        })
    });
    assert_eq!(app.screen(), Screen::Trends);
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).unwrap();
    c.bench_function(
        "trends screen: one frame at 160x48 (10-year journal)",
        |b| {
            b.iter(|| {
                terminal.draw(|frame| app.render(frame)).unwrap();
            })
        },
    );
}

criterion_group!(
    benches,
    bench_trends,
    bench_stats_command,
    bench_trends_screen
);
criterion_main!(benches);
