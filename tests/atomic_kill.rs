//! A writer killed mid-save leaves the old file or the new one, never a broken one.
//!
//! The test runs itself again as a child (the ignored `writer_child` test) that saves
//! the same day over and over, kills it with SIGKILL at varied moments, and checks the
//! file each time.

#![cfg(unix)]

use std::process::{Command, Stdio};
use std::time::Duration;

use chrono::{DateTime, NaiveDate};
use truenorth::domain::Entry;
use truenorth::store::Journal;

const DIR_VAR: &str = "TRUENORTH_KILL_TEST_DIR";
const BODY_LEN: usize = 64 * 1024;

fn date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

/// The text of version `n`: its number, then a body long enough that a write takes a
/// while, so kills land inside writes.
fn version_text(n: u64) -> String {
    format!("{n}:{}", "é".repeat(BODY_LEN / 2))
}

#[test]
#[ignore = "run by killed_writers_never_leave_a_broken_file as its child"]
fn writer_child() {
    let Ok(dir) = std::env::var(DIR_VAR) else {
        return;
    };
    let journal = Journal::open(dir).unwrap();
    let created = DateTime::parse_from_rfc3339("2026-11-25T07:00:00+01:00").unwrap();
    for n in 1.. {
        journal
            .update_day(date(), |day| {
                day.entries.clear();
                day.entries.push(Entry::new(created, 0, version_text(n)));
            })
            .unwrap();
    }
}

#[test]
fn killed_writers_never_leave_a_broken_file() {
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::open(dir.path()).unwrap();
    let mut last_version = 0;
    for round in 0..30u64 {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["writer_child", "--exact", "--ignored", "--test-threads=1"])
            .env(DIR_VAR, dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Varied moments: early (maybe before the first write) to well into the loop.
        std::thread::sleep(Duration::from_millis(5 + (round * 37) % 120));
        child.kill().unwrap();
        child.wait().unwrap();

        let Some(day) = journal.load_day(date()).unwrap_or_else(|error| {
            panic!("round {round}: the day file is broken after a kill: {error}")
        }) else {
            continue;
        };
        assert_eq!(day.entries.len(), 1, "round {round}");
        let text = &day.entries[0].text;
        let (number, _) = text.split_once(':').expect("a version number");
        let n: u64 = number.parse().unwrap();
        assert_eq!(text, &version_text(n), "round {round}: a torn write");
        last_version = last_version.max(n);
        assert!(
            journal.scan().problems.is_empty(),
            "leftover temp files are ignored"
        );
    }
    assert!(last_version > 0, "the child never completed a write");
}
