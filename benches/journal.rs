//! The journal index and the scripting commands on a ten-year journal.
//!
//! `cargo bench --bench journal`. The journal is generated once per run into a temp
//! folder by `truenorth::sample` (deterministic: the same journal as `truenorth dev
//! sample` writes for hyperfine). Figures are recorded in `docs/performance.md`.

use std::fs::File;
use std::hint::black_box;
use std::time::{Duration, SystemTime};

use chrono::NaiveDate;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use truenorth::cli::JournalFilterArgs;
use truenorth::commands::journal;
use truenorth::domain::index::{Filter, JournalIndex, Privacy};
use truenorth::sample::{SampleSize, write_sample};
use truenorth::store::{Journal, Paths, journal_cache};

fn ten_year_journal() -> (tempfile::TempDir, Paths) {
    let dir = tempfile::tempdir().unwrap();
    let paths = Paths {
        data: dir.path().join("data"),
        config: dir.path().join("config"),
    };
    let journal = Journal::open(&paths.data).unwrap();
    write_sample(
        &journal,
        today().pred_opt().unwrap(),
        SampleSize::TEN_YEARS,
        42,
    )
    .unwrap();
    age_day_files(&journal);
    (dir, paths)
}

/// Sets every day file's modification time an hour back, as on any morning after the
/// evening's writing. Files written within the last two seconds are distrusted and
/// read again, so without this a run of only the later benches (a filter) starts
/// before the cache has settled.
fn age_day_files(journal: &Journal) {
    let an_hour_ago = SystemTime::now() - Duration::from_secs(3600);
    for day in journal.scan().days {
        let file = File::options()
            .write(true)
            .open(journal.day_path(day.date))
            .unwrap();
        file.set_modified(an_hour_ago).unwrap();
    }
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

fn bench_journal(c: &mut Criterion) {
    let (_dir, paths) = ten_year_journal();
    let journal = Journal::open(&paths.data).unwrap();
    let days = journal.scan().days;

    c.bench_function("journal: parse every day file (Journal::scan)", |b| {
        b.iter(|| black_box(journal.scan()))
    });
    // Warm the cache once, as any earlier run of the app would have.
    journal_cache::load_index(&journal);
    c.bench_function(
        "journal: load and index through the cache (unchanged files)",
        |b| b.iter(|| black_box(journal_cache::load_index(&journal))),
    );

    c.bench_function("index: build from ten years of days", |b| {
        b.iter_batched(
            || days.clone(),
            |days| black_box(JournalIndex::new(days)),
            BatchSize::LargeInput,
        )
    });

    let index = JournalIndex::new(days);
    let filter = Filter::default();
    // What a person types, one keystroke at a time, ending in each query below; the
    // screen asks for a page of hits with highlights.
    for (name, query) in [
        ("one word", "conversation"),
        ("word being typed", "conv"),
        ("two words", "conversation mother"),
        ("typo", "convarsation"),
        ("quoted phrase", "\"the student\""),
        ("word + tag", "courage #staff"),
    ] {
        c.bench_function(&format!("index: search keystroke, {name} ({query})"), |b| {
            b.iter(|| black_box(index.search(query, &filter, 50)))
        });
    }
    let shared = Filter {
        privacy: Privacy::SharedOnly,
        tags: vec!["staff".into()],
        ..Filter::default()
    };
    c.bench_function("index: search keystroke, two words within #staff", |b| {
        b.iter(|| black_box(index.search("hope trust", &shared, 50)))
    });

    let list_args = JournalFilterArgs::default();
    // What the commands below read: summaries, the text left in the cache (the day
    // files are long older than the two seconds a fresh write is distrusted).
    assert!(!journal_cache::load_listing(&journal, false).has_text());
    // End to end as the commands run: load through the cache, filter, print.
    c.bench_function("cli in-process: list (all entries)", |b| {
        b.iter(|| {
            let listing = journal::load_listing(&paths, false).unwrap();
            journal::list(&listing, &list_args, today(), &mut std::io::sink()).unwrap()
        })
    });
    let tag_args = JournalFilterArgs {
        tags: vec!["staff".into()],
        ..JournalFilterArgs::default()
    };
    c.bench_function("cli in-process: list --tag staff", |b| {
        b.iter(|| {
            let listing = journal::load_listing(&paths, false).unwrap();
            journal::list(&listing, &tag_args, today(), &mut std::io::sink()).unwrap()
        })
    });
    c.bench_function("cli in-process: search conversation mother", |b| {
        b.iter(|| {
            let listing = journal::load_listing(&paths, false).unwrap();
            journal::search(
                &listing,
                "conversation mother",
                None,
                &list_args,
                today(),
                &mut std::io::sink(),
            )
            .unwrap()
        })
    });
    let json_args = JournalFilterArgs {
        json: true,
        ..JournalFilterArgs::default()
    };
    c.bench_function("cli in-process: list --json (whole text)", |b| {
        b.iter(|| {
            let listing = journal::load_listing(&paths, true).unwrap();
            journal::list(&listing, &json_args, today(), &mut std::io::sink()).unwrap()
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench_journal
}
criterion_main!(benches);
