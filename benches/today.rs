//! How fast Today opens and answers keys, on a ten-year journal.
//!
//! `cargo bench --bench today`. The journal is generated once per run into a temp
//! folder by `truenorth::sample` (deterministic).

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use truenorth::clock::FixedClock;
use truenorth::sample::{SampleSize, write_sample};
use truenorth::store::{Journal, Paths};
use truenorth::ui::app::App;

fn ten_year_journal() -> (tempfile::TempDir, Paths) {
    let dir = tempfile::tempdir().unwrap();
    let paths = Paths {
        data: dir.path().join("data"),
        config: dir.path().join("config"),
    };
    let journal = Journal::open(&paths.data).unwrap();
    let yesterday = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    write_sample(&journal, yesterday, SampleSize::TEN_YEARS, 42).unwrap();
    (dir, paths)
}

fn clock() -> Box<FixedClock> {
    Box::new(FixedClock::at("2026-11-25T07:30:00-05:00"))
}

fn bench_today(c: &mut Criterion) {
    let (_dir, paths) = ten_year_journal();
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();

    c.bench_function(
        "today: open and draw the first frame (10-year journal)",
        |b| {
            b.iter(|| {
                let app = App::open(&paths, clock()).unwrap();
                terminal.draw(|frame| app.render(frame)).unwrap();
                black_box(&app);
            })
        },
    );

    let mut app = App::open(&paths, clock()).unwrap();
    c.bench_function("today: one typed key and redraw", |b| {
        b.iter(|| {
            app.handle_key(KeyEvent::new(KeyCode::Char('a'), KeyModifiers::NONE));
            terminal.draw(|frame| app.render(frame)).unwrap();
        })
    });

    let journal = Journal::open(&paths.data).unwrap();
    c.bench_function("journal: scan every day file (background, 10 years)", |b| {
        b.iter(|| black_box(journal.scan()))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench_today
}
criterion_main!(benches);
