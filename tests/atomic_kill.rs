//! A writer killed mid-save leaves the old file or the new one, never a broken one,
//! and never a lock that outlives it.
//!
//! The test runs itself again as a child (the ignored `writer_child` test) that holds
//! the journal's lock, as every writer does, and saves a day file and the drafts file
//! over and over, reporting each save it finished. It is killed with SIGKILL at a
//! random moment, 200 times; after each kill every file must parse and hold exactly
//! the last version the child reported or the one it was writing, and the lock must
//! be free again. The random moments come from a seed printed at the start, so a
//! failure can be replayed with `TRUENORTH_KILL_SEED=...`.

#![cfg(unix)]

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate};
use truenorth::domain::Entry;
use truenorth::store::lock::JournalLock;
use truenorth::store::{DayDraft, DraftFile, Drafts, Journal, SlotDraft};

const DIR_VAR: &str = "TRUENORTH_KILL_TEST_DIR";
const SEED_VAR: &str = "TRUENORTH_KILL_SEED";
const KILLS: u64 = 200;
const BODY_LEN: usize = 64 * 1024;
/// Kills land up to this long after the save the parent waits for.
const LONGEST_WAIT_MICROS: u64 = 10_000;

fn date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

/// The text of version `n`: its number, then a body long enough that a write takes a
/// while, so kills land inside writes.
fn version_text(n: u64) -> String {
    format!("{n}:{}", "é".repeat(BODY_LEN / 2))
}

/// The version a text holds, checking that it is whole.
fn version_of(text: &str, what: &str, round: u64) -> u64 {
    let (number, _) = text
        .split_once(':')
        .unwrap_or_else(|| panic!("round {round}: {what} holds no version"));
    let n: u64 = number.parse().unwrap();
    assert!(text == version_text(n), "round {round}: {what} is torn");
    n
}

fn drafts_with(n: u64) -> DraftFile {
    let mut file = DraftFile::default();
    file.set_day(
        date(),
        Some(DayDraft {
            date: date(),
            energy: None,
            outlook: None,
            slots: vec![SlotDraft {
                slot: "daily-lcv".into(),
                pack: None,
                prompt: None,
                question: None,
                frame: None,
                entry_id: None,
                base: None,
                value: None,
                text: version_text(n),
            }],
        }),
    );
    file
}

/// The versions on disk now: (day file, drafts file), 0 for a file not written yet.
fn versions_on_disk(journal: &Journal, drafts: &Drafts, round: u64) -> (u64, u64) {
    let day = journal
        .load_day(date())
        .unwrap_or_else(|error| panic!("round {round}: the day file is broken: {error}"))
        .map_or(0, |day| {
            assert_eq!(day.entries.len(), 1, "round {round}");
            version_of(&day.entries[0].text, "the day file", round)
        });
    let draft = drafts
        .load()
        .unwrap_or_else(|error| panic!("round {round}: the drafts file is broken: {error}"));
    let draft = draft.days.first().map_or(0, |day| {
        version_of(&day.slots[0].text, "the drafts file", round)
    });
    (day, draft)
}

#[test]
#[ignore = "run by killed_writers_never_leave_a_broken_file as its child"]
fn writer_child() {
    use std::io::Write;
    let Ok(dir) = std::env::var(DIR_VAR) else {
        return;
    };
    let dir = std::path::PathBuf::from(dir);
    let _lock = JournalLock::try_acquire(&dir, "the kill test's writer").unwrap();
    let journal = Journal::open(&dir).unwrap();
    let drafts = Drafts::new(&dir);
    let (mut day, mut draft) = versions_on_disk(&journal, &drafts, 0);
    let created = DateTime::parse_from_rfc3339("2026-11-25T07:00:00+01:00").unwrap();
    let mut out = std::io::stdout().lock();
    loop {
        day += 1;
        journal
            .update_day(date(), |saved| {
                saved.entries.clear();
                saved
                    .entries
                    .push(Entry::new(created, 0, version_text(day)));
            })
            .unwrap();
        writeln!(out, "saved day {day}").unwrap();
        out.flush().unwrap();
        draft += 1;
        drafts.save(&drafts_with(draft)).unwrap();
        writeln!(out, "saved drafts {draft}").unwrap();
        out.flush().unwrap();
    }
}

/// Temp files left in the journal by writers killed mid-write.
fn temp_files(root: &std::path::Path) -> usize {
    let mut count = 0;
    let mut folders = vec![root.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(folder).unwrap().map(Result::unwrap) {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else if truenorth::store::atomic::is_temp_file(&path) {
                count += 1;
            }
        }
    }
    count
}

/// A small random number generator (xorshift), so the moments can be replayed.
struct Moments(u64);

impl Moments {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn killed_writers_never_leave_a_broken_file() {
    let seed = std::env::var(SEED_VAR)
        .ok()
        .and_then(|seed| seed.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
                | 1
        });
    eprintln!("{SEED_VAR}={seed}");
    let mut moments = Moments(seed);
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::open(dir.path()).unwrap();
    let drafts = Drafts::new(dir.path());
    let (mut day, mut draft) = (0, 0);
    let started = Instant::now();
    // How many kills came halfway through writing a temp file (it is left behind),
    // and how many between a rename and its report.
    let (mut kills_mid_write, mut kills_after_a_rename, mut temps_before) = (0, 0, 0);
    for round in 1..=KILLS {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "writer_child",
                "--exact",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(DIR_VAR, dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // The child's reports, read on a thread so a full pipe never stalls it.
        let (sender, reports) = mpsc::channel();
        let stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                // The first shares its line with the test runner's "test writer_child ...".
                if let Some((_, report)) = line.split_once("saved ") {
                    let _ = sender.send(report.to_string());
                }
            }
        });
        // Wait for one to three finished saves (so kills land in either file's
        // writes), then kill at a random moment after that.
        let waited: Vec<String> = (0..=moments.next() % 3)
            .map(|_| {
                reports
                    .recv_timeout(Duration::from_secs(30))
                    .expect("the child saves")
            })
            .collect();
        std::thread::sleep(Duration::from_micros(moments.next() % LONGEST_WAIT_MICROS));
        child.kill().unwrap();
        child.wait().unwrap();
        reader.join().unwrap();

        // The last save of each file the child finished: the file holds that version
        // or the next one (written when the kill came), nothing else.
        let (mut done_day, mut done_draft) = (day, draft);
        for report in waited.into_iter().chain(reports.try_iter()) {
            let (file, n) = report.split_once(' ').unwrap();
            let n: u64 = n.parse().unwrap();
            match file {
                "day" => done_day = n,
                _ => done_draft = n,
            }
        }
        let (now_day, now_draft) = versions_on_disk(&journal, &drafts, round);
        assert!(
            now_day == done_day || now_day == done_day + 1,
            "round {round}: the day file holds version {now_day}, after {done_day} was saved"
        );
        assert!(
            now_draft == done_draft || now_draft == done_draft + 1,
            "round {round}: the drafts file holds version {now_draft}, after {done_draft} was saved"
        );
        if now_day == done_day + 1 || now_draft == done_draft + 1 {
            kills_after_a_rename += 1;
        }
        let temps = temp_files(dir.path());
        if temps > temps_before {
            kills_mid_write += 1;
        }
        temps_before = temps;
        (day, draft) = (now_day, now_draft);

        assert!(
            journal.scan().problems.is_empty(),
            "round {round}: leftover temp files are ignored"
        );
        // The kill freed the lock: no writer is ever locked out by a dead one.
        drop(
            JournalLock::try_acquire(dir.path(), "the kill test").unwrap_or_else(|error| {
                panic!("round {round}: the lock outlived its holder: {error}")
            }),
        );
    }
    eprintln!(
        "{KILLS} kills in {:.1?}: {day} day saves, {draft} drafts saves; \
         {kills_mid_write} kills came mid-write, {kills_after_a_rename} between a rename \
         and its report",
        started.elapsed()
    );
    assert!(day >= KILLS, "every child finished a save");
}
