//! `commitments.toml`: the leader's commitments, and the check-ins that land in the
//! day files. The TUI and the CLI both change them through here.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::list_file::{self, FORMAT_VERSION};
use super::{Journal, StoreError};
use crate::domain::Problem;
use crate::domain::commitment::{CheckIn, CheckInRefusal, Commitment};
use crate::domain::slug;

/// The file's name in the journal's root.
pub const COMMITMENTS_FILE: &str = "commitments.toml";

const HEADER: &str = "# Your commitments: small practices you check off. truenorth keeps this file;\n\
# you may edit it by hand (`truenorth doctor` checks it). Check-ins are kept in the\n\
# day files, under [[checkin]].\n\n";

#[derive(Serialize)]
struct FileOut<'a> {
    version: i64,
    #[serde(rename = "commitment")]
    commitments: &'a [Commitment],
}

#[derive(Deserialize)]
struct FileIn {
    version: Option<i64>,
    #[serde(default, rename = "commitment")]
    commitments: Vec<Commitment>,
}

/// The commitments of one journal.
#[derive(Debug, Clone)]
pub struct CommitmentStore {
    path: PathBuf,
}

impl CommitmentStore {
    /// The store of the journal rooted at `root` (nothing is read yet).
    pub fn open(root: impl AsRef<Path>) -> CommitmentStore {
        CommitmentStore {
            path: root.as_ref().join(COMMITMENTS_FILE),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Every commitment, in the order they were added. No file is an empty list; a
    /// file that cannot be read is a [`StoreError::Malformed`] naming its place.
    pub fn load(&self) -> Result<Vec<Commitment>, StoreError> {
        let Some(text) = list_file::read_text(&self.path)? else {
            return Ok(Vec::new());
        };
        let file: FileIn = toml::from_str(&text).map_err(|error| {
            StoreError::Malformed(Problem::from_toml(COMMITMENTS_FILE, &text, &error))
        })?;
        list_file::check_version(COMMITMENTS_FILE, &text, file.version)?;
        list_file::check_unique_ids(
            COMMITMENTS_FILE,
            &text,
            file.commitments.iter().map(|c| c.id.as_str()),
        )?;
        Ok(file.commitments)
    }

    /// Reads the file fresh, lets `change` edit the list, and writes it back
    /// atomically. A broken file is refused and left as it is.
    pub fn update<R>(
        &self,
        change: impl FnOnce(&mut Vec<Commitment>) -> R,
    ) -> Result<R, StoreError> {
        let mut commitments = self.load()?;
        let result = change(&mut commitments);
        self.save(&commitments)?;
        Ok(result)
    }

    /// Adds `commitment`; its id gets a number (`-2`) if another has it already.
    /// Returns it as saved.
    pub fn add(&self, mut commitment: Commitment) -> Result<Commitment, StoreError> {
        self.update(|commitments| {
            let mut ids = slug::Ids::new(commitments.iter().map(|c| c.id.as_str()));
            commitment.id = ids.claim(std::mem::take(&mut commitment.id));
            commitments.push(commitment.clone());
            commitment
        })
    }

    /// Lets `change` edit the commitment with this id and saves it. `Ok(None)` (and
    /// nothing written) when there is no such commitment.
    pub fn modify<R>(
        &self,
        id: &str,
        change: impl FnOnce(&mut Commitment) -> R,
    ) -> Result<Option<R>, StoreError> {
        let mut commitments = self.load()?;
        let Some(commitment) = commitments.iter_mut().find(|c| c.id == id) else {
            return Ok(None);
        };
        let result = change(commitment);
        self.save(&commitments)?;
        Ok(Some(result))
    }

    fn save(&self, commitments: &[Commitment]) -> Result<(), StoreError> {
        let file = FileOut {
            version: FORMAT_VERSION,
            commitments,
        };
        list_file::write(&self.path, HEADER, &file)
    }
}

/// A fresh id for a commitment titled `title`.
pub fn id_for_title(title: &str) -> String {
    slug::slug(title, "commitment")
}

/// What a check-in did.
#[derive(Debug, Clone, PartialEq)]
pub enum CheckInOutcome {
    /// A new check-in was saved in the day file.
    Added(CheckIn),
    /// The day was already checked off (and only one counts): the note, if one was
    /// given, was added to that check-in.
    NoteAdded(CheckIn),
    /// The day was already checked off and there was no note to add.
    AlreadyChecked(CheckIn),
}

/// Why a check-in was not saved.
#[derive(Debug, thiserror::Error)]
pub enum CheckInError {
    #[error("{0}")]
    Refused(CheckInRefusal),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// When a change is made: the moment, and the journal day it belongs to (which may
/// differ from the moment's date just after midnight, see `Config::journal_day`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moment {
    pub now: DateTime<FixedOffset>,
    pub today: NaiveDate,
}

impl Moment {
    /// A moment whose journal day is its calendar date.
    pub fn at(now: DateTime<FixedOffset>) -> Moment {
        Moment {
            now,
            today: now.date_naive(),
        }
    }
}

/// Checks `commitment` off for `date` (`when.today` or an earlier day, then marked
/// back-filled), in that day's file. For a commitment that counts one check-in a day
/// (daily, weekly on DAY), a second check-in only adds its note to the first;
/// "N per week" counts each one.
pub fn check_in(
    journal: &Journal,
    commitment: &Commitment,
    date: NaiveDate,
    when: Moment,
    note: Option<String>,
) -> Result<CheckInOutcome, CheckInError> {
    if let Some(refusal) = commitment.check_in_refusal(date, when.today) {
        return Err(CheckInError::Refused(refusal));
    }
    let fresh = CheckIn::new(commitment.id.clone(), date, when.today, when.now, note);
    let once_a_day = !commitment.counts_each_check_in();
    let mut outcome = CheckInOutcome::Added(fresh.clone());
    journal.update_day(date, |day| {
        let earlier = day
            .checkins
            .iter_mut()
            .rfind(|check_in| check_in.commitment == commitment.id);
        match earlier {
            Some(earlier) if once_a_day => {
                outcome = match fresh.note {
                    Some(note) => {
                        earlier.note = Some(match earlier.note.take() {
                            Some(old) => format!("{old}\n{note}"),
                            None => note,
                        });
                        CheckInOutcome::NoteAdded(earlier.clone())
                    }
                    None => CheckInOutcome::AlreadyChecked(earlier.clone()),
                };
            }
            _ => day.checkins.push(fresh),
        }
    })?;
    Ok(outcome)
}

/// Takes back the latest check-in of `commitment` (an id) for `date`. Returns it, or
/// `None` when there was none (and then nothing is written).
pub fn uncheck(
    journal: &Journal,
    commitment: &str,
    date: NaiveDate,
) -> Result<Option<CheckIn>, StoreError> {
    let has_one = journal
        .load_day(date)?
        .is_some_and(|day| day.checkins.iter().any(|c| c.commitment == commitment));
    if !has_one {
        return Ok(None);
    }
    let mut removed = None;
    journal.update_day(date, |day| {
        if let Some(last) = day
            .checkins
            .iter()
            .rposition(|c| c.commitment == commitment)
        {
            removed = Some(day.checkins.remove(last));
        }
    })?;
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Frame;
    use crate::domain::commitment::{Cadence, CommitmentState};
    use std::fs;

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-25T07:30:00-05:00").unwrap()
    }

    fn when() -> Moment {
        Moment::at(now())
    }

    fn listen() -> Commitment {
        let mut c = Commitment::new(
            id_for_title("Listen to a student's story"),
            "Listen to a student's story".into(),
            Frame::Love,
            Cadence::Daily,
        );
        c.start = Some(now().date_naive());
        c
    }

    #[test]
    fn commitments_save_privately_and_load_back() {
        let dir = tempfile::tempdir().unwrap();
        let store = CommitmentStore::open(dir.path());
        assert!(store.load().unwrap().is_empty());
        let first = store.add(listen()).unwrap();
        let second = store.add(listen()).unwrap();
        assert_eq!(first.id, "listen-to-a-student-s-story");
        assert_eq!(second.id, "listen-to-a-student-s-story-2");
        let paused = store
            .modify(&second.id, |c| c.pause(now().date_naive()))
            .unwrap();
        assert_eq!(paused, Some(true));
        assert_eq!(store.modify("nope", |_| ()).unwrap(), None);
        let loaded = store.load().unwrap();
        assert_eq!(loaded.len(), 2);
        assert_eq!(loaded[1].state, CommitmentState::Paused);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(store.path()).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[test]
    fn a_broken_file_is_located_and_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let store = CommitmentStore::open(dir.path());
        let broken = "version = 1\n\n[[commitment]]\nid = \"a\"\ntitle = \"A\"\n\
                      dimension = \"love\"\ncadence = \"daily\"\n\n[[commitment]]\nid = \"b\"\n\
                      title = \"B\"\ndimension = \"care\"\ncadence = \"now and then\"\n";
        fs::write(store.path(), broken).unwrap();
        let error = store.load().unwrap_err().to_string();
        assert!(error.starts_with("commitments.toml:"), "{error}");
        assert!(error.contains("weekly on DAY"), "{error}");
        assert!(store.add(listen()).is_err());
        assert_eq!(fs::read_to_string(store.path()).unwrap(), broken);

        let syntax = "[[commitment]\nid = \"a\"\n";
        fs::write(store.path(), syntax).unwrap();
        let error = store.load().unwrap_err().to_string();
        assert!(error.starts_with("commitments.toml:1:"), "{error}");

        let twice = "[[commitment]]\nid = \"a\"\ntitle = \"A\"\ndimension = \"love\"\n\
                     cadence = \"daily\"\n[[commitment]]\nid = \"a\"\ntitle = \"B\"\n\
                     dimension = \"love\"\ncadence = \"daily\"\n";
        fs::write(store.path(), twice).unwrap();
        let error = store.load().unwrap_err().to_string();
        assert!(error.starts_with("commitments.toml:7:7:"), "{error}");
    }

    #[test]
    fn check_ins_land_in_the_day_they_count_for() {
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::open(dir.path()).unwrap();
        let mut c = listen();
        c.start = Some(now().date_naive().pred_opt().unwrap());
        let today = now().date_naive();
        let yesterday = today.pred_opt().unwrap();

        let added = check_in(&journal, &c, today, when(), None).unwrap();
        assert!(matches!(added, CheckInOutcome::Added(ref ci) if !ci.backfilled));
        let again = check_in(&journal, &c, today, when(), None).unwrap();
        assert!(matches!(again, CheckInOutcome::AlreadyChecked(_)));
        let noted = check_in(&journal, &c, today, when(), Some("Maya's robot".into())).unwrap();
        assert!(matches!(noted, CheckInOutcome::NoteAdded(ref ci)
            if ci.note.as_deref() == Some("Maya's robot")));
        assert_eq!(journal.load_day(today).unwrap().unwrap().checkins.len(), 1);

        let late = check_in(&journal, &c, yesterday, when(), None).unwrap();
        assert!(matches!(late, CheckInOutcome::Added(ref ci) if ci.backfilled));
        let text = fs::read_to_string(journal.day_path(yesterday)).unwrap();
        assert!(
            text.contains("[[checkin]]") && text.contains("backfilled = true"),
            "{text}"
        );

        let refused = check_in(&journal, &c, today.succ_opt().unwrap(), when(), None);
        assert!(matches!(
            refused,
            Err(CheckInError::Refused(CheckInRefusal::Future))
        ));

        assert!(uncheck(&journal, &c.id, today).unwrap().is_some());
        assert!(uncheck(&journal, &c.id, today).unwrap().is_none());
        assert!(
            journal
                .load_day(today)
                .unwrap()
                .unwrap()
                .checkins
                .is_empty()
        );
    }

    #[test]
    fn n_per_week_counts_every_check_in_of_a_day() {
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::open(dir.path()).unwrap();
        let mut c = listen();
        c.cadence = Cadence::PerWeek(3);
        let today = now().date_naive();
        check_in(&journal, &c, today, when(), None).unwrap();
        check_in(&journal, &c, today, when(), Some("second visit".into())).unwrap();
        assert_eq!(journal.load_day(today).unwrap().unwrap().checkins.len(), 2);
    }
}
