//! Encryption at rest on a ten-year journal: what opening it costs (scrypt, once per
//! process), and what reading every day file through the key costs next to the same
//! journal in plain files.
//!
//! `cargo bench --bench vault`. Figures are recorded in `docs/performance.md`.

use std::hint::black_box;

use age::secrecy::SecretString;
use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use truenorth::sample::{SampleSize, write_sample};
use truenorth::store::vault::{self, KeySource, Vault};
use truenorth::store::{Journal, journal_cache};

fn passphrase() -> SecretString {
    SecretString::from("a bench passphrase".to_string())
}

fn bench_vault(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("data");
    let last = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    write_sample(
        &Journal::open(&root).unwrap(),
        last,
        SampleSize::TEN_YEARS,
        42,
    )
    .unwrap();
    let key = KeySource::New {
        passphrase: passphrase(),
        work_factor: vault::WORK_FACTOR,
    };
    vault::encrypt_journal(&root, key, &mut |_, _| {}).unwrap();

    let mut group = c.benchmark_group("vault");
    group.sample_size(10);
    group.bench_function("unlock: scrypt at the shipped work factor", |b| {
        b.iter(|| black_box(Vault::unlock(&root, &passphrase()).unwrap()))
    });
    group.finish();

    let journal = Journal::open(&root).unwrap();
    let day = journal
        .vault()
        .read(&root.join("journal/2026/2026-11-24.toml"));
    let plain = day.unwrap().unwrap().to_vec();
    let sealed = journal.vault().seal(&plain).unwrap();
    c.bench_function("vault: seal one day file", |b| {
        b.iter(|| black_box(journal.vault().seal(&plain).unwrap()))
    });
    c.bench_function("vault: unseal one day file", |b| {
        b.iter(|| black_box(journal.vault().unseal(&sealed).unwrap()))
    });

    let mut group = c.benchmark_group("vault");
    group.sample_size(10);
    group.bench_function("encrypted: parse every day file (Journal::scan)", |b| {
        b.iter(|| black_box(journal.scan()))
    });
    group.finish();
    journal_cache::load_index(&journal);
    c.bench_function(
        "vault: encrypted, load and index through the cache (unchanged files)",
        |b| b.iter(|| black_box(journal_cache::load_index(&journal))),
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench_vault
}
criterion_main!(benches);
