//! Export and import on the ten-year sample journal (6,558 entries, 1.7 million words).
//!
//! `cargo bench --bench exchange`. The journal is generated in memory by
//! `truenorth::sample` with the seed and last day `truenorth dev sample` uses, so
//! these figures and hyperfine's on the real binary describe the same journal. The
//! budgets (issue 7): Markdown or JSON of everything in 60 ms, HTML in 150 ms,
//! reading the sample's jrnl file in 0.5 s. Figures are recorded in
//! `docs/performance.md`.

use std::hint::black_box;

use chrono::{DateTime, FixedOffset, NaiveDate, Weekday};
use criterion::{Criterion, criterion_group, criterion_main};
use truenorth::commands::dev::{SAMPLE_LAST_DAY, SAMPLE_SEED, jrnl_text};
use truenorth::domain::Day;
use truenorth::domain::person::{Person, Role};
use truenorth::exchange::import::{self, ImportFormat};
use truenorth::exchange::{self, ExportContext, ExportFormat, ExportOptions, Sources};
use truenorth::sample::{SampleSize, sample_days};

fn sample() -> Vec<Day> {
    let (year, month, day) = SAMPLE_LAST_DAY;
    let last = NaiveDate::from_ymd_opt(year, month, day).unwrap();
    sample_days(last, SampleSize::TEN_YEARS, SAMPLE_SEED)
}

fn context() -> ExportContext {
    let now: DateTime<FixedOffset> =
        DateTime::parse_from_rfc3339("2026-11-24T18:00:00-05:00").unwrap();
    ExportContext {
        now,
        today: now.date_naive(),
        week_start: Weekday::Mon,
    }
}

/// A roster of 300 made-up names; a few are words the sample text uses, so some
/// replacing happens too.
fn roster() -> Vec<Person> {
    const FIRST: [&str; 20] = [
        "Maya", "Jordan", "Aiden", "Sofia", "Liam", "Ava", "Noah", "Zara", "Omar", "Lena", "Mateo",
        "Priya", "Eli", "Nora", "Kai", "Amara", "Theo", "Iris", "Ravi", "Hope",
    ];
    const LAST: [&str; 15] = [
        "Rodriguez",
        "Lee",
        "Okafor",
        "Alvarez",
        "Nguyen",
        "Smith",
        "Cohen",
        "Patel",
        "Kim",
        "Brown",
        "Garcia",
        "Haddad",
        "Silva",
        "Novak",
        "Story",
    ];
    let mut people = Vec::new();
    for (n, first) in FIRST.iter().enumerate() {
        for last in LAST {
            let name = format!("{first} {last}");
            let role = if n % 5 == 0 {
                Role::Staff
            } else {
                Role::Student
            };
            let person = Person::new(&people, &name, None, role);
            people.push(person);
        }
    }
    people
}

fn bench_export(c: &mut Criterion) {
    let days = sample();
    let people = roster();
    let packs = truenorth::builtin::packs_lenient();
    let context = context();
    let everything = ExportOptions::default();
    let sources = Sources {
        days: &days,
        ..Sources::default()
    };
    for (name, format) in [
        ("md", ExportFormat::Markdown),
        ("json", ExportFormat::Json),
        ("html", ExportFormat::Html),
        ("txt", ExportFormat::Text),
    ] {
        c.bench_function(&format!("export: ten years to {name}"), |b| {
            b.iter(|| {
                let export = exchange::prepare(sources, &everything, &context);
                black_box(export.render(format))
            })
        });
    }
    let with_roster = Sources {
        days: &days,
        people: &people,
        packs: &packs,
        ..Sources::default()
    };
    c.bench_function("export: ten years to md, 300 names replaced", |b| {
        b.iter(|| {
            let export = exchange::prepare(with_roster, &everything, &context);
            black_box(export.render(ExportFormat::Markdown))
        })
    });
    let by_psel = ExportOptions {
        group_by: exchange::GroupBy::Psel,
        ..ExportOptions::default()
    };
    c.bench_function(
        "export: ten years to html by PSEL, 300 names replaced",
        |b| {
            b.iter(|| {
                let export = exchange::prepare(with_roster, &by_psel, &context);
                black_box(export.render(ExportFormat::Html))
            })
        },
    );
    let six_weeks = ExportOptions {
        from: NaiveDate::from_ymd_opt(2026, 10, 13),
        frames: vec![truenorth::domain::Frame::Love],
        ..ExportOptions::default()
    };
    c.bench_function("export: six weeks of love to html (a live preview)", |b| {
        b.iter(|| {
            let export = exchange::prepare(with_roster, &six_weeks, &context);
            black_box(export.render(ExportFormat::Html))
        })
    });
}

fn bench_import(c: &mut Criterion) {
    let days = sample();
    let full = jrnl_text(&days);
    let zone = FixedOffset::west_opt(5 * 3600).unwrap();
    let mut group = c.benchmark_group("import");
    group.sample_size(20);
    // Linear in size: a tenth, half and all of the file, cut at an entry start.
    for share in [10, 50, 100] {
        let cut = if share == 100 {
            full.len()
        } else {
            let at = full.len() * share / 100;
            at + full[at..].find("\n[").map_or(0, |offset| offset + 1)
        };
        let text = &full[..cut];
        group.bench_function(
            format!(
                "jrnl: read and plan {share}% of the sample ({} MB)",
                text.len() >> 20
            ),
            |b| {
                b.iter(|| {
                    let parsed = import::parse(ImportFormat::Jrnl, text, &zone, 4).unwrap();
                    black_box(import::plan(ImportFormat::Jrnl, parsed, &[], &[]))
                })
            },
        );
    }
    // Re-importing into the journal it came from: every entry is a duplicate.
    let context = context();
    let sources = Sources {
        days: &days,
        ..Sources::default()
    };
    let json =
        exchange::prepare(sources, &ExportOptions::default(), &context).render(ExportFormat::Json);
    group.bench_function("json: read and plan ten years against themselves", |b| {
        b.iter(|| {
            let parsed = import::parse(ImportFormat::Json, &json, &zone, 4).unwrap();
            black_box(import::plan(ImportFormat::Json, parsed, &days, &[]))
        })
    });
    group.finish();
}

/// The Export screen on a ten-year journal on disk: what a key costs the UI thread
/// while the document is built on the worker, and how long until the new preview is
/// on screen.
fn bench_export_screen(c: &mut Criterion) {
    use std::time::{Duration, Instant};

    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use truenorth::clock::FixedClock;
    use truenorth::sample::write_sample;
    use truenorth::store::{Journal, Paths};
    use truenorth::ui::app::App;
    use truenorth::ui::keymap::Mode;

    let dir = tempfile::tempdir().unwrap();
    let paths = Paths {
        data: dir.path().join("data"),
        config: dir.path().join("config"),
    };
    let journal = Journal::open(&paths.data).unwrap();
    let (year, month, day) = SAMPLE_LAST_DAY;
    let last = NaiveDate::from_ymd_opt(year, month, day).unwrap();
    write_sample(&journal, last, SampleSize::TEN_YEARS, SAMPLE_SEED).unwrap();
    let clock = FixedClock::at("2026-11-25T07:30:00-05:00");
    let mut app = App::open(&paths, Box::new(clock)).unwrap();
    let press =
        |app: &mut App, code: KeyCode| app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
    for _ in 0..3 {
        if app.mode() != Mode::Browsing {
            press(&mut app, KeyCode::Esc);
        }
    }
    press(&mut app, KeyCode::Char('['));
    assert_eq!(app.mode(), Mode::Export);
    let settle = |app: &mut App| {
        let deadline = Instant::now() + Duration::from_secs(60);
        while !app.export_ready() {
            assert!(Instant::now() < deadline, "no preview");
            app.tick(Instant::now());
            std::thread::yield_now();
        }
    };
    settle(&mut app);
    // To Names: every ←/→ there asks for a new document of all ten years.
    for _ in 0..6 {
        press(&mut app, KeyCode::Down);
    }
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let mut group = c.benchmark_group("export screen (10-year journal)");
    group.sample_size(20);
    group.bench_function("flip a choice and redraw (UI thread)", |b| {
        b.iter(|| {
            press(&mut app, KeyCode::Right);
            app.tick(Instant::now());
            terminal.draw(|frame| app.render(frame)).unwrap();
        })
    });
    settle(&mut app);
    group.bench_function("flip a choice until its preview is drawn (md)", |b| {
        b.iter(|| {
            press(&mut app, KeyCode::Right);
            settle(&mut app);
            terminal.draw(|frame| app.render(frame)).unwrap();
        })
    });
    // HTML, then a page down the preview.
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Right);
    settle(&mut app);
    press(&mut app, KeyCode::Tab);
    group.bench_function("page down the HTML preview and redraw", |b| {
        b.iter(|| {
            press(&mut app, KeyCode::PageDown);
            terminal.draw(|frame| app.render(frame)).unwrap();
        })
    });
    group.finish();
}

criterion_group!(benches, bench_export, bench_import, bench_export_screen);
criterion_main!(benches);
