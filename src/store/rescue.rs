//! Where unsaved text goes when the journal cannot take it: a second window that
//! opened read-only, a full disk, a folder that cannot be written. A drafts file in
//! the system's temp folder, owner-only, named for the journal and the process; the
//! next truenorth that can write the journal takes it back as a draft, so the text
//! is never only in memory.

use std::fs;
use std::path::{Path, PathBuf};

use super::StoreError;
use super::drafts::DraftFile;
use super::vault::Vault;

const PREFIX: &str = "truenorth-rescued-";

/// The rescue files of one journal in one temp folder.
#[derive(Debug, Clone)]
pub struct Rescue {
    dir: PathBuf,
    /// The start of every rescue file name of this journal.
    stem: String,
    /// This one's own name after the stem: the process and the moment it began, so
    /// neither a second window of the same process nor a later process given the same
    /// id ever writes over a rescue file not yet taken back.
    own: String,
    journal: PathBuf,
}

impl Rescue {
    /// Rescue files of the journal at `journal`, kept in `dir` (the temp folder).
    pub fn new(dir: impl Into<PathBuf>, journal: &Path) -> Rescue {
        // The same journal named two ways (relative, through a link) is one journal.
        let journal = fs::canonicalize(journal).unwrap_or_else(|_| journal.to_path_buf());
        // 32 bits tell one person's journals apart, and keep the name short enough
        // to read in a status line.
        let stem = format!(
            "{PREFIX}{:08x}-",
            fnv1a(journal.as_os_str().as_encoded_bytes()) as u32
        );
        let since = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |elapsed| elapsed.as_nanos());
        Rescue {
            dir: dir.into(),
            stem,
            own: format!("{}-{since:x}", std::process::id()),
            journal,
        }
    }

    /// This process's rescue file, as a plain journal names it.
    fn plain_path(&self) -> PathBuf {
        self.dir.join(format!("{}{}.toml", self.stem, self.own))
    }

    /// Writes `drafts` to this process's rescue file (atomically, owner-only, and
    /// encrypted when the journal is), or removes the file when there is nothing left
    /// to keep. Returns where it is.
    pub fn keep(&self, drafts: &DraftFile) -> Result<PathBuf, StoreError> {
        let vault = Vault::for_root(&self.journal)?;
        let plain = self.plain_path();
        if drafts.is_empty() {
            vault.remove(&plain)?;
        } else {
            let text = toml::to_string(drafts).map_err(|error| StoreError::Encode {
                path: vault.file(&plain),
                message: error.to_string(),
            })?;
            vault.write(&plain, text.as_bytes())?;
        }
        Ok(vault.file(&plain))
    }

    /// Reads every rescue file of this journal and merges it into `drafts`. Returns
    /// the files taken, to be removed once `drafts` is safely saved. Files someone
    /// else owns, or that others could have written, are left alone: the temp folder
    /// is shared, and only the journal's owner may put words into it. So are files
    /// that cannot be read, for the person to look at.
    pub fn take_back(&self, drafts: &mut DraftFile) -> Vec<PathBuf> {
        let (Ok(vault), Ok(entries)) = (Vault::for_root(&self.journal), fs::read_dir(&self.dir))
        else {
            return Vec::new();
        };
        let mut found: Vec<(PathBuf, PathBuf)> = entries
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter_map(|on_disk| Some((vault.plain_name(&on_disk)?, on_disk)))
            .filter(|(plain, on_disk)| {
                let name = plain.file_name().and_then(|name| name.to_str());
                name.is_some_and(|name| name.starts_with(&self.stem)) && self.trusted(on_disk)
            })
            .collect();
        found.sort();
        let mut taken = Vec::new();
        for (plain, on_disk) in found {
            let rescued = vault
                .read_text(&plain)
                .ok()
                .flatten()
                .and_then(|text| toml::from_str::<DraftFile>(&text).ok());
            if let Some(rescued) = rescued {
                merge(drafts, rescued);
                taken.push(on_disk);
            }
        }
        taken
    }

    #[cfg(unix)]
    fn trusted(&self, path: &Path) -> bool {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let (Ok(file), Ok(journal)) = (fs::symlink_metadata(path), fs::metadata(&self.journal))
        else {
            return false;
        };
        file.is_file() && file.uid() == journal.uid() && file.permissions().mode() & 0o077 == 0
    }

    #[cfg(not(unix))]
    fn trusted(&self, path: &Path) -> bool {
        path.is_file()
    }
}

/// Adds `other`'s unsaved work to `into` without dropping a word of either: a day,
/// answer or entry edit only one has is taken as it is; when both have text for the
/// same answer or entry, the one that already holds the other wins, and otherwise both
/// are kept, one after the other.
pub fn merge(into: &mut DraftFile, other: DraftFile) {
    // Only one form can be open again; one already kept comes first.
    if into.form.is_none() {
        into.form = other.form;
    }
    for day in other.days {
        let Some(mine) = into.days.iter_mut().find(|mine| mine.date == day.date) else {
            into.set_day(day.date, Some(day));
            continue;
        };
        mine.energy = mine.energy.or(day.energy);
        mine.outlook = mine.outlook.or(day.outlook);
        for slot in day.slots {
            // Matched as Today matches a draft to its answer.
            let same = mine.slots.iter_mut().find(|mine| {
                mine.slot == slot.slot
                    || (slot.entry_id.is_some() && mine.entry_id == slot.entry_id)
            });
            let Some(same) = same else {
                mine.slots.push(slot);
                continue;
            };
            same.value = same.value.or(slot.value);
            keep_both_texts(&mut same.text, slot.text);
        }
    }
    // Edits of the same entry become one; each other entry's edit is kept as it is.
    for entry in other.entries {
        let same = into
            .entries
            .iter_mut()
            .find(|mine| mine.date == entry.date && mine.entry_id == entry.entry_id);
        match same {
            Some(same) => keep_both_texts(&mut same.text, entry.text),
            None => into.entries.push(entry),
        }
    }
}

/// Puts every word of `other` into `text`: the one that already holds the other wins,
/// and otherwise both are kept, one after the other.
fn keep_both_texts(text: &mut String, other: String) {
    if holds(text, &other) {
        return;
    }
    if holds(&other, text) {
        *text = other;
    } else {
        *text = format!("{text}\n\n{other}");
    }
}

/// Whether `text` already holds every word of `other`: the same text, or `other`
/// with more typed after it (a copy kept earlier, then written on). Text that merely
/// appears inside is not enough: "w10" does not hold "w1", nor "Good morning" "Goo".
fn holds(text: &str, other: &str) -> bool {
    let (text, other) = (text.trim(), other.trim());
    match text.strip_prefix(other) {
        Some(rest) => {
            other.is_empty()
                || rest.is_empty()
                || !other.ends_with(char::is_alphanumeric)
                || rest.starts_with(|c: char| !c.is_alphanumeric())
        }
        None => false,
    }
}

/// A fixed hash (unlike the standard one, the same in every run), for file names.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::drafts::{DayDraft, SlotDraft};
    use chrono::NaiveDate;

    fn date(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, day).unwrap()
    }

    fn draft(day: u32, slot: &str, text: &str) -> DraftFile {
        let mut file = DraftFile::default();
        file.set_day(
            date(day),
            Some(DayDraft {
                date: date(day),
                energy: None,
                outlook: None,
                slots: vec![SlotDraft {
                    slot: slot.into(),
                    pack: None,
                    prompt: None,
                    question: None,
                    frame: None,
                    entry_id: None,
                    base: None,
                    value: None,
                    text: text.into(),
                }],
            }),
        );
        file
    }

    fn texts(file: &DraftFile) -> Vec<(NaiveDate, String, String)> {
        file.days
            .iter()
            .flat_map(|day| {
                day.slots
                    .iter()
                    .map(|slot| (day.date, slot.slot.clone(), slot.text.clone()))
            })
            .collect()
    }

    #[test]
    fn a_text_inside_another_word_is_not_taken_as_kept() {
        // Found by the two-window property test: "w1" was dropped as "inside" "w10".
        let mut mine = draft(25, "a", "w10");
        merge(&mut mine, draft(25, "a", "w1"));
        assert_eq!(texts(&mine)[0].2, "w10\n\nw1");
        let mut mine = draft(25, "a", "Good");
        merge(&mut mine, draft(25, "a", "Goodbye for now"));
        assert_eq!(texts(&mine)[0].2, "Good\n\nGoodbye for now");
        // A copy kept earlier and then written on is still one text.
        let mut mine = draft(25, "a", "Good morning.");
        merge(
            &mut mine,
            draft(25, "a", "Good morning. Then the bus duty."),
        );
        assert_eq!(texts(&mine)[0].2, "Good morning. Then the bus duty.");
    }

    #[test]
    fn merging_keeps_every_word_of_both() {
        let mut mine = draft(25, "a", "first thoughts");
        merge(&mut mine, draft(25, "a", "first thoughts, and more"));
        merge(&mut mine, draft(25, "a", "first"));
        merge(&mut mine, draft(25, "a", "written elsewhere"));
        merge(&mut mine, draft(25, "b", "another answer"));
        merge(&mut mine, draft(24, "a", "yesterday"));
        assert_eq!(
            texts(&mine),
            [
                (date(24), "a".into(), "yesterday".into()),
                (
                    date(25),
                    "a".into(),
                    "first thoughts, and more\n\nwritten elsewhere".into()
                ),
                (date(25), "b".into(), "another answer".into()),
            ]
        );
    }

    #[test]
    fn entry_edits_merge_by_entry_and_keep_every_word() {
        use crate::store::drafts::EntryDraft;
        let edit = |id: &str, text: &str| DraftFile {
            entries: vec![EntryDraft {
                date: date(3),
                entry_id: id.into(),
                base: "before".into(),
                text: text.into(),
            }],
            ..DraftFile::default()
        };
        let mut mine = edit("a", "before, and more");
        merge(&mut mine, edit("a", "before, and more still"));
        merge(&mut mine, edit("a", "written elsewhere"));
        merge(&mut mine, edit("b", "another entry"));
        let texts: Vec<(&str, &str)> = mine
            .entries
            .iter()
            .map(|entry| (entry.entry_id.as_str(), entry.text.as_str()))
            .collect();
        assert_eq!(
            texts,
            [
                ("a", "before, and more still\n\nwritten elsewhere"),
                ("b", "another entry")
            ]
        );
    }

    #[test]
    fn a_rescued_draft_is_taken_back_by_its_journal_only() {
        let temp = tempfile::tempdir().unwrap();
        let journal = tempfile::tempdir().unwrap();
        let other = tempfile::tempdir().unwrap();
        let rescue = Rescue::new(temp.path(), journal.path());
        let kept = rescue.keep(&draft(25, "a", "kept safe")).unwrap();
        assert!(kept.starts_with(temp.path()));
        assert!(kept.exists());

        let mut elsewhere = DraftFile::default();
        assert!(
            Rescue::new(temp.path(), other.path())
                .take_back(&mut elsewhere)
                .is_empty()
        );
        assert_eq!(elsewhere, DraftFile::default());

        let mut drafts = DraftFile::default();
        assert_eq!(rescue.take_back(&mut drafts), [kept]);
        assert_eq!(texts(&drafts), [(date(25), "a".into(), "kept safe".into())]);
    }

    #[cfg(unix)]
    #[test]
    fn a_rescue_file_others_could_write_is_not_trusted() {
        use std::os::unix::fs::PermissionsExt;
        let temp = tempfile::tempdir().unwrap();
        let journal = tempfile::tempdir().unwrap();
        let rescue = Rescue::new(temp.path(), journal.path());
        let kept = rescue.keep(&draft(25, "a", "planted?")).unwrap();
        fs::set_permissions(&kept, fs::Permissions::from_mode(0o666)).unwrap();
        assert!(rescue.take_back(&mut DraftFile::default()).is_empty());
    }
}
