//! Unsaved text, kept on disk so that a crash, a kill or a closed terminal loses
//! nothing. One small file, `drafts.toml`, rewritten atomically.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::StoreError;
use super::vault::Vault;
use crate::domain::{AnswerValue, Frame, Problem, Rating};

const DRAFTS_FORMAT_VERSION: u32 = 1;
/// The drafts file's name in the journal's root.
pub const DRAFTS_FILE: &str = "drafts.toml";

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
    /// That entry's text when this draft began. If the entry holds other text by the
    /// time the draft comes back (another window saved, the file was edited), the
    /// draft is added to it rather than put in its place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<String>,
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

/// What an unfinished form was adding or editing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FormKind {
    Commitment,
    Person,
}

/// A commitment or person form left open with unsaved text (truenorth was quit, or
/// stopped, with it on screen); it opens again as it was.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FormDraft {
    pub kind: FormKind,
    /// The id of the commitment or person it edits; none when adding.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub editing: Option<String>,
    /// Each field's value as shown, by the field's label (labels outlast field order).
    pub fields: std::collections::BTreeMap<String, String>,
}

/// An entry opened on the Journal screen and changed, not yet saved (truenorth was
/// quit, stopped or hung up on with it open); it opens again in the editor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntryDraft {
    pub date: NaiveDate,
    /// The entry it edits.
    pub entry_id: String,
    /// The entry's text when the edit began. If the entry holds other text by the time
    /// the draft is saved, both versions are kept, as for any edit.
    pub base: String,
    pub text: String,
}

/// The whole drafts file. Each kind of draft has a default, so a file written before
/// a kind existed still loads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DraftFile {
    pub version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<FormDraft>,
    #[serde(default, rename = "day", skip_serializing_if = "Vec::is_empty")]
    pub days: Vec<DayDraft>,
    /// Journal entries being edited. More than one only when drafts of several
    /// windows were merged (see `rescue`).
    #[serde(default, rename = "entry", skip_serializing_if = "Vec::is_empty")]
    pub entries: Vec<EntryDraft>,
}

impl Default for DraftFile {
    fn default() -> Self {
        DraftFile {
            version: DRAFTS_FORMAT_VERSION,
            form: None,
            days: Vec::new(),
            entries: Vec::new(),
        }
    }
}

impl DraftFile {
    /// Whether it keeps nothing at all (then no file is needed).
    pub fn is_empty(&self) -> bool {
        self.days.is_empty() && self.form.is_none() && self.entries.is_empty()
    }

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
            path: root.into().join(DRAFTS_FILE),
        }
    }

    pub fn path(&self) -> &PathBuf {
        &self.path
    }

    /// The journal's vault, looked up at each use: drafts are written every few
    /// seconds, and a journal encrypted meanwhile must not get a plain draft.
    fn vault(&self) -> Result<Vault, StoreError> {
        let root = self.path.parent().unwrap_or(Path::new("."));
        Ok(Vault::for_root(root)?)
    }

    /// Reads the drafts; a missing file is an empty one. A broken file is reported and
    /// left alone (it may hold the only copy of someone's words).
    pub fn load(&self) -> Result<DraftFile, StoreError> {
        let vault = self.vault()?;
        let Some(text) = vault.read_text(&self.path)? else {
            return Ok(DraftFile::default());
        };
        toml::from_str(&text).map_err(|error| {
            StoreError::Malformed(Problem::from_toml(
                vault.file(&self.path).display().to_string(),
                &text,
                &error,
            ))
        })
    }

    /// Renames an unreadable drafts file so nothing overwrites it (it may hold the only
    /// copy of someone's words); returns the name it now has.
    pub fn set_aside(&self) -> String {
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
        // Kept in the journal's form: an encrypted draft stays encrypted.
        let vault = self.vault().unwrap_or_default();
        let source = vault.file(&self.path);
        let target = vault.file(&self.path.with_extension(format!("broken-{stamp}.toml")));
        match fs::rename(&source, &target) {
            Ok(()) => target.display().to_string(),
            Err(_) => source.display().to_string(),
        }
    }

    pub fn save(&self, drafts: &DraftFile) -> Result<(), StoreError> {
        let vault = self.vault()?;
        if drafts.is_empty() {
            return vault.remove(&self.path);
        }
        let text = toml::to_string(drafts).map_err(|error| StoreError::Encode {
            path: self.path.clone(),
            message: error.to_string(),
        })?;
        vault.write(&self.path, text.as_bytes())
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
                    base: None,
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

    #[test]
    fn an_unfinished_form_is_kept_beside_the_days() {
        let dir = tempfile::tempdir().unwrap();
        let drafts = Drafts::new(dir.path());
        let date = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let mut file = DraftFile {
            form: Some(FormDraft {
                kind: FormKind::Commitment,
                editing: Some("greet".into()),
                fields: [
                    ("Title", "Greet \"three\" students ✨"),
                    ("PSEL standards", "5"),
                ]
                .into_iter()
                .map(|(label, value)| (label.to_string(), value.to_string()))
                .collect(),
            }),
            ..DraftFile::default()
        };
        drafts.save(&file).unwrap();
        assert_eq!(drafts.load().unwrap(), file);
        file.set_day(
            date,
            Some(DayDraft {
                date,
                energy: Rating::new(3),
                outlook: None,
                slots: Vec::new(),
            }),
        );
        drafts.save(&file).unwrap();
        assert_eq!(drafts.load().unwrap(), file);
        file.days.clear();
        file.form = None;
        assert!(file.is_empty());
        drafts.save(&file).unwrap();
        assert!(!drafts.path().exists());
    }

    #[test]
    fn an_entry_edit_is_kept_and_a_file_from_before_entry_drafts_still_loads() {
        let dir = tempfile::tempdir().unwrap();
        let drafts = Drafts::new(dir.path());
        let date = NaiveDate::from_ymd_opt(2026, 11, 3).unwrap();
        let file = DraftFile {
            entries: vec![EntryDraft {
                date,
                entry_id: "20261103-0710-a1".into(),
                base: "Hallway talk".into(),
                text: "Hallway talk,\tthen \"more\" ✨".into(),
            }],
            ..DraftFile::default()
        };
        drafts.save(&file).unwrap();
        assert!(!file.is_empty());
        assert_eq!(drafts.load().unwrap(), file);

        // As truenorth wrote it before entry edits were kept.
        let old = "version = 1\n\n[[day]]\ndate = \"2026-11-25\"\n\n\
                   [[day.slot]]\nslot = \"daily-lcv\"\ntext = \"kept\"\n";
        std::fs::write(drafts.path(), old).unwrap();
        let loaded = drafts.load().unwrap();
        assert!(loaded.entries.is_empty());
        assert_eq!(loaded.days[0].slots[0].text, "kept");
    }
}
