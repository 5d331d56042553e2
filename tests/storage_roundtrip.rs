//! Whatever a person writes survives a save and a load exactly: odd Unicode, control
//! characters, and text that looks like TOML itself.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};
use proptest::prelude::*;
use truenorth::domain::{Day, Entry, Frame, Rating};
use truenorth::store::Journal;

/// Text that has broken naive TOML writers.
const HOSTILE: &[&str] = &[
    "\"\"\"",
    "'''",
    "\"\"\"\n'''\n\\",
    "line one\r\nline two\rthree",
    "[[entry]]\nid = \"fake\"",
    "tab\there\u{0}nul\u{7f}del",
    "emoji 🎉 family 👨‍👩‍👧 flag 🇫🇮",
    "combining é (e\u{301}) and CJK 先生 and RTL مرحبا",
    "\u{feff}bom and \u{2028}line separator",
    "",
    "   ",
];

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "\\PC{0,80}",
        prop::sample::select(HOSTILE).prop_map(str::to_string),
    ]
}

fn created() -> impl Strategy<Value = DateTime<FixedOffset>> {
    (0i64..4_000_000_000, -12i32..=14).prop_map(|(seconds, hours)| {
        FixedOffset::east_opt(hours * 3600)
            .unwrap()
            .timestamp_opt(seconds, 0)
            .unwrap()
    })
}

fn entry() -> impl Strategy<Value = Entry> {
    (
        created(),
        text(),
        prop::option::of(text()),
        prop::option::of("[a-z-]{1,20}"),
        prop::collection::vec("\\PC{1,12}", 0..4),
        any::<bool>(),
        text(),
    )
        .prop_map(
            |(created, body, question, frame, tags, private, id)| Entry {
                id,
                pack: Some("daily-lcv".into()),
                prompt: Some("love-01".into()),
                question,
                frame: frame.map(Frame::from),
                tags,
                private,
                ..Entry::new(created, 0, body)
            },
        )
}

fn day() -> impl Strategy<Value = Day> {
    (
        prop::option::of(1u8..=5),
        prop::option::of(1u8..=5),
        prop::collection::vec(entry(), 0..5),
    )
        .prop_map(|(energy, outlook, entries)| {
            let mut day = Day::new(NaiveDate::from_ymd_opt(2026, 2, 28).unwrap());
            day.ratings.energy = energy.and_then(Rating::new);
            day.ratings.outlook = outlook.and_then(Rating::new);
            day.entries = entries;
            day
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_day_survives_write_then_read(day in day()) {
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::open(dir.path()).unwrap();
        journal.update_day(day.date, |on_disk| *on_disk = day.clone()).unwrap();
        let loaded = journal.load_day(day.date).unwrap();
        prop_assert_eq!(loaded, Some(day));
    }
}

#[test]
fn every_hostile_sample_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::open(dir.path()).unwrap();
    let date = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let when = DateTime::parse_from_rfc3339("2026-11-25T06:45:00-08:00").unwrap();
    let mut day = Day::new(date);
    for (n, sample) in HOSTILE.iter().enumerate() {
        let mut entry = Entry::new(when, n, sample.to_string());
        entry.question = Some(sample.to_string());
        day.entries.push(entry);
    }
    journal
        .update_day(date, |on_disk| *on_disk = day.clone())
        .unwrap();
    assert_eq!(journal.load_day(date).unwrap(), Some(day));
}

/// Every file under `root` and its bytes, the lock file aside (taking the journal's
/// lock is not a change to it).
fn snapshot(root: &std::path::Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    let mut folders = vec![root.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if !path.ends_with("truenorth.lock") {
                let bytes = std::fs::read(&path).unwrap();
                files.push((path.strip_prefix(root).unwrap().to_path_buf(), bytes));
            }
        }
    }
    files.sort();
    files
}

proptest! {
    // Each case makes a key and converts every file twice, with fsyncs.
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Encrypting a journal and decrypting it again gives back every file byte for
    /// byte, and in between the same days read back through the key.
    #[test]
    fn any_journal_survives_encrypt_then_decrypt(
        days in prop::collection::vec(day(), 1..5),
        roster in prop::collection::vec(any::<u8>(), 0..300),
        draft in text(),
    ) {
        use truenorth::store::vault::{self, KeySource, Vault};
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let journal = Journal::open(root).unwrap();
        let mut written = Vec::new();
        for (n, mut day) in days.into_iter().enumerate() {
            day.date = NaiveDate::from_ymd_opt(2016, 1, 1).unwrap() + chrono::Days::new(n as u64 * 400);
            written.push(journal.update_day(day.date, |on_disk| *on_disk = day.clone()).unwrap());
        }
        std::fs::write(root.join("people.toml"), &roster).unwrap();
        std::fs::write(root.join("drafts.toml"), draft.as_bytes()).unwrap();
        let before = snapshot(root);

        let passphrase = age::secrecy::SecretString::from("any journal".to_string());
        let key = KeySource::New { passphrase, work_factor: 10 };
        vault::encrypt_journal(root, key, &mut |_, _| {}).unwrap();
        let encrypted = snapshot(root);
        prop_assert!(encrypted.iter().all(|(path, _)| path.to_string_lossy().ends_with(".age")));
        prop_assert_eq!(Journal::open(root).unwrap().scan().days, written);

        let vault = Vault::for_root(root).unwrap();
        vault::decrypt_journal(root, &vault, &mut |_, _| {}).unwrap();
        prop_assert_eq!(snapshot(root), before);
    }
}
