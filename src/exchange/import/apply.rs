//! Writing an import plan: new commitments first, then each day through
//! [`Journal::update_day`], the one write path (atomic, owner-only, a broken day file
//! refused rather than overwritten).
//!
//! Why several writers: each day file is made durable with its own fsync, which takes
//! milliseconds on a real disk. Ten years of days written one after another wait
//! through thousands of them; written from a handful of threads the waits overlap.
//! Days are independent files, so the order does not matter. The year folders, whose
//! fsync makes each rename durable, are synced once at the end rather than once a day.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::{FixedOffset, NaiveDate, TimeZone};

use super::plan::{DayPlan, Fingerprint, ImportPlan};
use crate::domain::Day;
use crate::domain::commitment::CheckIn;
use crate::store::atomic::FolderSyncs;
use crate::store::{CommitmentStore, Journal, StoreError};

/// Threads writing day files at once.
const WRITERS: usize = 16;

/// What was written. Each count says what it counts: a day that only got check-ins
/// or ratings is not among the days that got entries.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ApplyReport {
    pub entries: usize,
    /// Days that got at least one entry.
    pub entry_days: usize,
    /// Days whose ratings were set.
    pub ratings: usize,
    pub check_ins: usize,
    /// Days that got at least one check-in.
    pub check_in_days: usize,
    pub commitments: usize,
    /// Entries found in their day by the time it was written (another window saved
    /// them meanwhile): left out like any duplicate.
    pub late_duplicates: usize,
    /// Days or files that could not be written, with why; the rest were written.
    pub failures: Vec<String>,
}

/// Writes `plan` into `journal` (and its commitments into `commitments`).
pub fn apply(plan: &ImportPlan, journal: &Journal, commitments: &CommitmentStore) -> ApplyReport {
    let mut report = ApplyReport::default();
    if !plan.commitments.is_empty() {
        let added = commitments.update(|list| {
            let mut added = 0;
            for commitment in &plan.commitments {
                if list.iter().all(|known| known.id != commitment.id) {
                    list.push(commitment.clone());
                    added += 1;
                }
            }
            added
        });
        match added {
            Ok(added) => report.commitments = added,
            Err(error) => report.failures.push(error.to_string()),
        }
    }

    let days: Vec<(&NaiveDate, &DayPlan)> = plan.days.iter().collect();
    let next = AtomicUsize::new(0);
    let results = Mutex::new(Vec::with_capacity(days.len()));
    let folders = FolderSyncs::default();
    std::thread::scope(|scope| {
        for _ in 0..WRITERS.min(days.len()) {
            scope.spawn(|| {
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(&(date, day_plan)) = days.get(index) else {
                        break;
                    };
                    let result = write_day(journal, *date, day_plan, &folders);
                    results
                        .lock()
                        .expect("a writer panicked")
                        .push((*date, result));
                }
            });
        }
    });
    if let Err(error) = folders.finish() {
        report.failures.push(format!(
            "the journal's year folders could not be synced to disk ({error}); the days \
             are written, but a crash now could lose some of them"
        ));
    }
    let mut results = results.into_inner().expect("a writer panicked");
    results.sort_by_key(|(date, _)| *date);
    for (date, result) in results {
        match result {
            Ok(written) => {
                report.entry_days += usize::from(written.entries > 0);
                report.check_in_days += usize::from(written.check_ins > 0);
                report.entries += written.entries;
                report.late_duplicates += written.duplicates;
                report.ratings += usize::from(written.rated);
                report.check_ins += written.check_ins;
            }
            Err(error) => report.failures.push(format!("{date}: {error}")),
        }
    }
    report
}

#[derive(Default)]
struct Written {
    entries: usize,
    duplicates: usize,
    rated: bool,
    check_ins: usize,
}

fn write_day(
    journal: &Journal,
    date: NaiveDate,
    plan: &DayPlan,
    folders: &FolderSyncs,
) -> Result<Written, StoreError> {
    let mut written = Written::default();
    journal.update_day_batched(date, |day| add_to_day(day, plan, &mut written), folders)?;
    Ok(written)
}

fn add_to_day(day: &mut Day, plan: &DayPlan, written: &mut Written) {
    let mut seen: Vec<Fingerprint> = day.entries.iter().map(Fingerprint::of).collect();
    for incoming in &plan.entries {
        let fingerprint = Fingerprint::of(&incoming.entry);
        if seen.contains(&fingerprint) {
            written.duplicates += 1;
            continue;
        }
        seen.push(fingerprint);
        let mut entry = incoming.entry.clone();
        if entry.id.trim().is_empty() || day.entry(&entry.id).is_some() {
            entry.id = day.next_entry_id(entry.created);
        }
        day.entries.push(entry);
        written.entries += 1;
    }
    if day.ratings.energy.is_none() && plan.energy.is_some() {
        day.ratings.energy = plan.energy;
        written.rated = true;
    }
    if day.ratings.outlook.is_none() && plan.outlook.is_some() {
        day.ratings.outlook = plan.outlook;
        written.rated = true;
    }
    for planned in &plan.check_ins {
        let commitment = &planned.commitment;
        let already = day
            .checkins
            .iter()
            .filter(|check_in| &check_in.commitment == commitment)
            .count();
        // Noon of the day, in UTC: the moment a check-in was recorded is not in the
        // file it came from, and noon keeps it on its day in any zone near ours.
        let at = FixedOffset::east_opt(0)
            .expect("UTC is an offset")
            .from_local_datetime(&day.date.and_hms_opt(12, 0, 0).expect("noon exists"))
            .single()
            .expect("UTC has no gaps");
        for _ in already..planned.total as usize {
            day.checkins.push(CheckIn::new(
                commitment.clone(),
                day.date,
                day.date,
                at,
                None,
            ));
            written.check_ins += 1;
        }
    }
}
