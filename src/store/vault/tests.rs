use std::fs;
use std::path::{Path, PathBuf};

use age::secrecy::SecretString;
use chrono::NaiveDate;

use super::convert::STOP_AFTER;
use super::*;
use crate::domain::{Day, Entry};
use crate::store::journal_cache;
use crate::store::{CommitmentStore, Drafts, Journal};

/// Fast enough for tests; the real work factor is [`WORK_FACTOR`].
const TEST_WORK_FACTOR: u8 = 10;

fn passphrase(text: &str) -> SecretString {
    SecretString::from(text.to_string())
}

fn date(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, day).unwrap()
}

fn write_day(journal: &Journal, day: u32, text: &str) -> Day {
    let created = chrono::DateTime::parse_from_rfc3339("2026-11-20T07:05:00-05:00").unwrap();
    journal
        .update_day(date(day), |on_disk| {
            on_disk.upsert(Entry::new(created, 0, text.to_string()))
        })
        .unwrap()
}

/// A plain journal with three days, a draft and a commitments file.
fn plain_journal(root: &Path) -> Vec<Day> {
    let journal = Journal::open(root).unwrap();
    let days = (20..23)
        .map(|day| write_day(&journal, day, &format!("Met the parent of student {day}")))
        .collect();
    fs::write(root.join("drafts.toml"), "version = 1\n").unwrap();
    fs::write(root.join("commitments.toml"), "version = 1\n").unwrap();
    days
}

fn new_key(text: &str) -> KeySource {
    KeySource::New {
        passphrase: passphrase(text),
        work_factor: TEST_WORK_FACTOR,
    }
}

/// Every file under `root` (cache and lock aside), by its path inside `root`.
fn files(root: &Path) -> Vec<PathBuf> {
    fn walk(dir: &Path, root: &Path, out: &mut Vec<PathBuf>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, root, out);
            } else {
                out.push(path.strip_prefix(root).unwrap().to_path_buf());
            }
        }
    }
    let mut out = Vec::new();
    walk(root, root, &mut out);
    out.retain(|path| !path.starts_with("cache") && !path.ends_with("truenorth.lock"));
    out.sort();
    out
}

/// Whether any file under `root` holds `needle` in the clear.
fn any_file_holds(root: &Path, needle: &str) -> bool {
    fn walk(dir: &Path, needle: &[u8]) -> bool {
        fs::read_dir(dir).unwrap().any(|entry| {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, needle)
            } else {
                let bytes = fs::read(&path).unwrap();
                bytes.windows(needle.len()).any(|window| window == needle)
            }
        })
    }
    walk(root, needle.as_bytes())
}

#[test]
fn an_encrypted_journal_keeps_no_text_in_the_clear_and_reads_back_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let days = plain_journal(root);
    journal_cache::load(&Journal::open(root).unwrap());
    assert!(any_file_holds(root, "parent of student"));

    let converted = encrypt_journal(root, new_key("correct horse"), &mut |_, _| {}).unwrap();
    assert_eq!(converted.converted, 5);
    assert_eq!(state(root).unwrap(), State::Encrypted);
    assert!(!any_file_holds(root, "parent of student"));
    assert!(
        files(root)
            .iter()
            .all(|path| path.to_string_lossy().ends_with(".age"))
    );

    // This process holds the key now: the stores read through it.
    let journal = Journal::open(root).unwrap();
    assert_eq!(journal.scan().days, days);
    assert!(journal.day_path(date(20)).ends_with("2026-11-20.toml.age"));
    let written = write_day(&journal, 23, "Walked the halls with the new teacher");
    assert_eq!(journal.load_day(date(23)).unwrap(), Some(written));
    assert_eq!(Drafts::new(root).load().unwrap().days, vec![]);
    assert_eq!(CommitmentStore::open(root).load().unwrap(), vec![]);

    // The cache is rebuilt encrypted, and read back from.
    let loaded = journal_cache::load(&journal);
    assert_eq!(loaded.days.len(), 4);
    assert!(root.join("cache/journal.bin.age").exists());
    assert!(!root.join("cache/journal.bin").exists());
    assert_eq!(journal_cache::load(&journal).days, loaded.days);
    assert!(!any_file_holds(root, "new teacher"));
}

/// The files must stay readable without truenorth: the key file is an age file for
/// the passphrase, holding an identity in age-keygen's layout, and each journal file
/// is an age file for that identity.
#[test]
fn the_files_are_standard_age_files() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    plain_journal(root);
    encrypt_journal(root, new_key("correct horse"), &mut |_, _| {}).unwrap();

    let key_file = fs::read(root.join(KEY_FILE)).unwrap();
    let scrypt = age::scrypt::Identity::new(passphrase("correct horse"));
    let identity_text = String::from_utf8(age::decrypt(&scrypt, &key_file).unwrap()).unwrap();
    assert!(
        identity_text.contains("# public key: age1"),
        "{identity_text}"
    );
    let identity: age::x25519::Identity = identity_text
        .lines()
        .find(|line| line.starts_with("AGE-SECRET-KEY-1"))
        .unwrap()
        .parse()
        .unwrap();

    let sealed = fs::read(root.join("journal/2026/2026-11-21.toml.age")).unwrap();
    assert!(sealed.starts_with(b"age-encryption.org/v1\n"));
    let day = String::from_utf8(age::decrypt(&identity, &sealed).unwrap()).unwrap();
    assert!(day.contains("Met the parent of student 21"), "{day}");
}

#[test]
fn a_wrong_passphrase_is_refused_and_a_locked_journal_is_not_opened() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    plain_journal(root);
    encrypt_journal(root, new_key("correct horse"), &mut |_, _| {}).unwrap();
    forget(root);

    let refused = Journal::open(root).unwrap_err();
    assert!(refused.to_string().contains("is encrypted"), "{refused}");
    assert!(matches!(
        Vault::unlock(root, &passphrase("correct hose")),
        Err(VaultError::WrongPassphrase)
    ));
    assert!(Journal::open(root).is_err());
    Vault::unlock(root, &passphrase("correct horse")).unwrap();
    assert_eq!(Journal::open(root).unwrap().scan().days.len(), 3);
}

#[test]
fn a_key_is_never_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    plain_journal(root);
    encrypt_journal(root, new_key("first"), &mut |_, _| {}).unwrap();
    let before = fs::read(root.join(KEY_FILE)).unwrap();
    assert!(encrypt_journal(root, new_key("second"), &mut |_, _| {}).is_err());
    assert!(Vault::create(root, &passphrase("second"), TEST_WORK_FACTOR).is_err());
    assert_eq!(fs::read(root.join(KEY_FILE)).unwrap(), before);
}

/// A run stopped at any file leaves every file whole in one form or the other, keeps
/// the journal closed, and the next run finishes the job.
#[test]
fn an_interrupted_encryption_loses_nothing_and_finishes_when_run_again() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let days = plain_journal(root);
    let plain_files = files(root);

    // Stopped after two files, and then killed between writing a third file's
    // encrypted copy and removing its plain one.
    STOP_AFTER.set(Some(2));
    let stopped = encrypt_journal(root, new_key("correct horse"), &mut |_, _| {});
    STOP_AFTER.set(None);
    assert!(stopped.is_err());
    let third = root.join("journal/2026/2026-11-21.toml");
    let vault = Vault::unlock(root, &passphrase("correct horse")).unwrap();
    fs::write(
        sealed_name(&third),
        vault.seal(&fs::read(&third).unwrap()).unwrap(),
    )
    .unwrap();

    assert_eq!(state(root).unwrap(), State::Converting(Direction::Encrypt));
    let closed = Journal::open(root).unwrap_err().to_string();
    assert!(
        closed.contains("truenorth encrypt` was interrupted"),
        "{closed}"
    );
    for plain in &plain_files {
        let path = root.join(plain);
        assert!(
            path.exists() || sealed_name(&path).exists(),
            "{} is in neither form",
            plain.display()
        );
    }

    let resumed = encrypt_journal(root, KeySource::Unlocked(vault), &mut |_, _| {}).unwrap();
    assert_eq!(resumed.converted + resumed.unchanged, 5);
    assert_eq!(resumed.unchanged, 3);
    assert_eq!(state(root).unwrap(), State::Encrypted);
    assert!(!any_file_holds(root, "parent of student"));
    assert_eq!(Journal::open(root).unwrap().scan().days, days);
}

#[test]
fn an_interrupted_decryption_finishes_when_run_again() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    plain_journal(root);
    let plain_files = files(root);
    let before: Vec<Vec<u8>> = plain_files
        .iter()
        .map(|p| fs::read(root.join(p)).unwrap())
        .collect();
    encrypt_journal(root, new_key("correct horse"), &mut |_, _| {}).unwrap();
    let vault = Vault::for_root(root).unwrap();

    STOP_AFTER.set(Some(3));
    assert!(decrypt_journal(root, &vault, &mut |_, _| {}).is_err());
    STOP_AFTER.set(None);
    assert_eq!(state(root).unwrap(), State::Converting(Direction::Decrypt));
    assert!(
        root.join(KEY_FILE).exists(),
        "the key stays while files need it"
    );

    decrypt_journal(root, &vault, &mut |_, _| {}).unwrap();
    assert_eq!(state(root).unwrap(), State::Plain);
    assert_eq!(files(root), plain_files);
    let after: Vec<Vec<u8>> = plain_files
        .iter()
        .map(|p| fs::read(root.join(p)).unwrap())
        .collect();
    assert_eq!(after, before);
}

#[test]
fn copies_that_disagree_are_both_kept_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    plain_journal(root);
    encrypt_journal(root, new_key("correct horse"), &mut |_, _| {}).unwrap();
    // An old plain copy put back by hand beside its encrypted, newer self.
    let stray = root.join("journal/2026/2026-11-20.toml");
    fs::write(&stray, "version = 1\ndate = \"2026-11-20\"\n").unwrap();

    let journal = Journal::open(root).unwrap();
    let problems = journal.scan().problems;
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0].message.contains("not encrypted"),
        "{}",
        problems[0]
    );
    assert!(
        journal_cache::load(&journal).problems[0]
            .message
            .contains("not encrypted")
    );

    let vault = Vault::for_root(root).unwrap();
    let refused = encrypt_journal(root, KeySource::Unlocked(vault), &mut |_, _| {}).unwrap_err();
    assert!(
        refused
            .to_string()
            .contains("2026-11-20.toml: the two copies differ"),
        "{refused}"
    );
    assert!(stray.exists() && sealed_name(&stray).exists());
}

#[test]
fn a_finished_decrypt_without_key_leaves_a_plain_journal() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    plain_journal(root);
    fs::write(root.join(CONVERTING_FILE), "decrypt\n").unwrap();
    finish_without_key(root).unwrap();
    assert_eq!(state(root).unwrap(), State::Plain);

    fs::write(root.join(CONVERTING_FILE), "decrypt\n").unwrap();
    fs::write(root.join("people.toml.age"), b"age-encryption.org/v1\n").unwrap();
    let refused = finish_without_key(root).unwrap_err().to_string();
    assert!(refused.contains("people.toml.age"), "{refused}");
    assert!(root.join(CONVERTING_FILE).exists());
}

#[test]
fn a_damaged_file_is_a_problem_that_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    plain_journal(root);
    encrypt_journal(root, new_key("correct horse"), &mut |_, _| {}).unwrap();
    let path = root.join("journal/2026/2026-11-22.toml.age");
    let mut bytes = fs::read(&path).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 1;
    fs::write(&path, bytes).unwrap();
    let scan = Journal::open(root).unwrap().scan();
    assert_eq!(scan.days.len(), 2);
    let problem = scan.problems[0].to_string();
    assert!(
        problem.starts_with("journal/2026/2026-11-22.toml.age") && problem.contains("damaged"),
        "{problem}"
    );
}
