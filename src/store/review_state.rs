//! Which weekly review was put off, so the app offers a review once a week and does
//! not ask again after "later". One small file, `review.toml`, in the journal folder.
//!
//! Reviews that were written need no record here: they are entries in the journal
//! (see `domain::review::last_review`).

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{StoreError, atomic};
use crate::domain::Problem;

pub const FILE_NAME: &str = "review.toml";

/// What is remembered about the weekly review.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewState {
    /// The first day of the week whose review was put off; it is not offered again
    /// by itself (`w` still opens it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skipped_week: Option<NaiveDate>,
}

/// The review state file of a journal.
#[derive(Debug, Clone)]
pub struct ReviewStateStore {
    path: PathBuf,
}

impl ReviewStateStore {
    pub fn open(root: &Path) -> ReviewStateStore {
        ReviewStateStore {
            path: root.join(FILE_NAME),
        }
    }

    /// The state; a missing file is the default. A broken file is reported, not
    /// replaced: [`ReviewStateStore::save`] refuses to overwrite it.
    pub fn load(&self) -> Result<ReviewState, StoreError> {
        let text = match fs::read_to_string(&self.path) {
            Ok(text) => text,
            Err(error) if error.kind() == io::ErrorKind::NotFound => {
                return Ok(ReviewState::default());
            }
            Err(error) => return Err(StoreError::io(&self.path)(error)),
        };
        toml::from_str(&text).map_err(|error| {
            StoreError::Malformed(Problem::from_toml(
                self.path.display().to_string(),
                &text,
                &error,
            ))
        })
    }

    /// Writes `state` atomically, unless the file on disk cannot be read (a person
    /// may be fixing it by hand).
    pub fn save(&self, state: &ReviewState) -> Result<(), StoreError> {
        self.load()?;
        let text = toml::to_string(state).map_err(|error| StoreError::Encode {
            path: self.path.clone(),
            message: error.to_string(),
        })?;
        atomic::write_atomic(&self.path, text.as_bytes()).map_err(StoreError::io(&self.path))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_skipped_week_survives_a_reload_and_a_broken_file_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let store = ReviewStateStore::open(dir.path());
        assert_eq!(store.load().unwrap(), ReviewState::default());
        let week = NaiveDate::from_ymd_opt(2026, 11, 16).unwrap();
        let state = ReviewState {
            skipped_week: Some(week),
        };
        store.save(&state).unwrap();
        assert_eq!(store.load().unwrap(), state);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(dir.path().join(FILE_NAME))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }

        let broken = "skipped_week = \"not a date\"\n";
        fs::write(dir.path().join(FILE_NAME), broken).unwrap();
        let error = store.load().unwrap_err().to_string();
        assert!(error.contains("review.toml:1:"), "{error}");
        assert!(store.save(&ReviewState::default()).is_err());
        assert_eq!(
            fs::read_to_string(dir.path().join(FILE_NAME)).unwrap(),
            broken
        );
    }
}
