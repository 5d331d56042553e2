//! Unsaved text, kept on disk so that a crash, a kill or a closed terminal loses
//! nothing. One small file, `drafts.toml`, rewritten atomically.

use std::fs;
use std::io;
use std::path::PathBuf;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::StoreError;
use super::atomic;
use crate::domain::{AnswerValue, Frame, Problem, Rating};

const DRAFTS_FORMAT_VERSION: u32 = 1;

/// One prompt's unsaved answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SlotDraft {
    /// Which slot of the day it belongs to (the pack id for pack slots).
    pub slot: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pack: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frame: Option<Frame>,
    /// The saved entry this edits, if it was saved before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entry_id: Option<String>,
    /// A scale, number or yes/no answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<AnswerValue>,
    pub text: String,
}

/// A day's unsaved work.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DayDraft {
    pub date: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub energy: Option<Rating>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlook: Option<Rating>,
    #[serde(default, rename = "slot", skip_serializing_if = "Vec::is_empty")]
    pub slots: Vec<SlotDraft>,
}

/// The whole drafts file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DraftFile {
    pub version: u32,
    #[serde(default, rename = "day", skip_serializing_if = "Vec::is_empty")]
    pub days: Vec<DayDraft>,
}

impl Default for DraftFile {
    fn default() -> Self {
        DraftFile {
            version: DRAFTS_FORMAT_VERSION,
            days: Vec::new(),
        }
    }
}

impl DraftFile {
    pub fn day(&self, date: NaiveDate) -> Option<&DayDraft> {
        self.days.iter().find(|day| day.date == date)
    }

    /// Puts `draft` in place of the same date's, or removes that date's when `None`.
    pub fn set_day(&mut self, date: NaiveDate, draft: Option<DayDraft>) {
        self.days.retain(|day| day.date != date);
        self.days.extend(draft);
        self.days.sort_by_key(|day| day.date);
    }
}

/// The drafts file of a journal.
#[derive(Debug, Clone)]
pub struct Drafts {
    path: PathBuf,
}

impl Drafts {
    pub fn new(root: impl Into<PathBuf>) -> Drafts {
        Drafts {
            path: root.into().join("drafts.toml"),
        }
    }

    pub fn path(&self) -> &PathBuf {
        &self.path
    }

    /// Reads the drafts; a missing file is an empty one. A broken file is reported and
    /// left alone (it may hold the only copy of someone's words).
    pub fn load(&self) -> Result<DraftFile, StoreError> {
        let text = match fs::read_to_string(&self.path) {
            Ok(text) => text,
            Err(error) if error.kind() == io::ErrorKind::NotFound => {
                return Ok(DraftFile::default());
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

    /// Renames an unreadable drafts file so nothing overwrites it (it may hold the only
    /// copy of someone's words); returns the name it now has.
    pub fn set_aside(&self) -> String {
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
        let target = self.path.with_extension(format!("broken-{stamp}.toml"));
        match fs::rename(&self.path, &target) {
            Ok(()) => target.display().to_string(),
            Err(_) => self.path.display().to_string(),
        }
    }

    pub fn save(&self, drafts: &DraftFile) -> Result<(), StoreError> {
        if drafts.days.is_empty() {
            return match fs::remove_file(&self.path) {
                Err(error) if error.kind() != io::ErrorKind::NotFound => {
                    Err(StoreError::io(&self.path)(error))
                }
                _ => Ok(()),
            };
        }
        let text = toml::to_string(drafts).map_err(|error| StoreError::Encode {
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
    fn drafts_round_trip_and_empty_drafts_remove_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let drafts = Drafts::new(dir.path());
        assert_eq!(drafts.load().unwrap(), DraftFile::default());
        let date = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let mut file = DraftFile::default();
        file.set_day(
            date,
            Some(DayDraft {
                date,
                energy: Rating::new(2),
                outlook: None,
                slots: vec![SlotDraft {
                    slot: "daily-lcv".into(),
                    pack: Some("daily-lcv".into()),
                    prompt: Some("love-01".into()),
                    question: Some("Who?".into()),
                    frame: Some(Frame::Love),
                    entry_id: None,
                    value: Some(AnswerValue::Number(3)),
                    text: "Ünïcödé ✨ 先生\n\"\"\"".into(),
                }],
            }),
        );
        drafts.save(&file).unwrap();
        assert_eq!(drafts.load().unwrap(), file);
        file.set_day(date, None);
        drafts.save(&file).unwrap();
        assert!(!drafts.path().exists());
    }
}
