//! Day files: `journal/YYYY/YYYY-MM-DD.toml` under the journal's root.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::StoreError;
use super::atomic::{FolderSyncs, create_private_dir_all};
use super::vault::Vault;
use crate::domain::{Day, Problem};

/// A journal folder on disk.
#[derive(Debug, Clone)]
pub struct Journal {
    root: PathBuf,
    /// How its files are read and written: plain, or through the journal's key.
    vault: Vault,
}

/// Everything that loaded, and a problem for each file that did not.
#[derive(Debug, Default)]
pub struct JournalScan {
    /// Oldest first.
    pub days: Vec<Day>,
    pub problems: Vec<Problem>,
}

impl Journal {
    /// Opens (creating if needed, owner-only) the journal rooted at `root`. An
    /// encrypted journal must have been unlocked in this process first
    /// ([`Vault::unlock`]).
    pub fn open(root: impl Into<PathBuf>) -> Result<Journal, StoreError> {
        let root = root.into();
        create_private_dir_all(&root.join("journal")).map_err(StoreError::io(&root))?;
        let vault = Vault::for_root(&root)?;
        Ok(Journal { root, vault })
    }

    pub fn vault(&self) -> &Vault {
        &self.vault
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The day's file as it is on disk (`.toml.age` in an encrypted journal).
    pub fn day_path(&self, date: NaiveDate) -> PathBuf {
        self.vault.file(&self.plain_day_path(date))
    }

    /// The day's file as a plain journal names it, which is how the vault is asked
    /// for it.
    fn plain_day_path(&self, date: NaiveDate) -> PathBuf {
        self.root
            .join("journal")
            .join(date.format("%Y").to_string())
            .join(format!("{}.toml", date.format("%Y-%m-%d")))
    }

    /// How a file is named in messages: relative to the root when inside it.
    pub fn display_path(&self, path: &Path) -> String {
        path.strip_prefix(&self.root)
            .unwrap_or(path)
            .display()
            .to_string()
    }

    /// The day's file, `None` if nothing was written that day.
    pub fn load_day(&self, date: NaiveDate) -> Result<Option<Day>, StoreError> {
        self.load_file(&self.plain_day_path(date))
    }

    /// The day file a plain journal names `plain`, decrypted and parsed; `None` when
    /// there is no such file.
    pub(super) fn load_file(&self, plain: &Path) -> Result<Option<Day>, StoreError> {
        let Some(text) = self.vault.read_text(plain)? else {
            return Ok(None);
        };
        self.parse_day(plain, &text).map(Some)
    }

    /// Reads a day file's `text`. `path` is the file's plain name: problems name it,
    /// and the date it names must be the date inside. Public for the fuzz targets.
    pub fn parse_day(&self, path: &Path, text: &str) -> Result<Day, StoreError> {
        let source = self.display_path(&self.vault.file(path));
        let day: Day = toml::from_str(text)
            .map_err(|error| StoreError::Malformed(Problem::from_toml(&source, text, &error)))?;
        if let Some(expected) = date_from_file_name(path)
            && expected != day.date
        {
            let at = text
                .find("date")
                .map(|o| crate::domain::problem::line_column(text, o));
            return Err(StoreError::Malformed(
                Problem::new(
                    source,
                    format!(
                        "the file is named for {expected} but says date = {}",
                        day.date
                    ),
                )
                .at(at),
            ));
        }
        Ok(day)
    }

    /// Reads the day fresh from disk, lets `change` edit it, and writes it back
    /// atomically. Reading first means a change never drops what another writer (the
    /// CLI, a second window) saved meanwhile. A malformed file is refused, never
    /// overwritten.
    pub fn update_day(
        &self,
        date: NaiveDate,
        change: impl FnOnce(&mut Day),
    ) -> Result<Day, StoreError> {
        self.update_day_with(date, change, None)
    }

    /// [`Journal::update_day`] for one of many days written together: the year
    /// folders are synced once, by `folders.finish()`, instead of after each file.
    pub fn update_day_batched(
        &self,
        date: NaiveDate,
        change: impl FnOnce(&mut Day),
        folders: &FolderSyncs,
    ) -> Result<Day, StoreError> {
        self.update_day_with(date, change, Some(folders))
    }

    fn update_day_with(
        &self,
        date: NaiveDate,
        change: impl FnOnce(&mut Day),
        folders: Option<&FolderSyncs>,
    ) -> Result<Day, StoreError> {
        let mut day = self.load_day(date)?.unwrap_or_else(|| Day::new(date));
        change(&mut day);
        let path = self.plain_day_path(day.date);
        let text = toml::to_string(&day).map_err(|error| StoreError::Encode {
            path: self.vault.file(&path),
            message: error.to_string(),
        })?;
        match folders {
            None => self.vault.write(&path, text.as_bytes())?,
            Some(folders) => self.vault.write_batched(&path, text.as_bytes(), folders)?,
        }
        Ok(day)
    }

    /// Loads every day file. A file that cannot be read becomes a problem; the rest
    /// still load.
    pub fn scan(&self) -> JournalScan {
        let mut scan = JournalScan::default();
        let mut paths = Vec::new();
        let mut strays = Vec::new();
        if let Err(error) = self.collect_day_files(&mut paths, &mut strays) {
            scan.problems.push(Problem::new(
                self.display_path(&self.root.join("journal")),
                error.to_string(),
            ));
        }
        scan.problems.extend(strays);
        paths.sort();
        for path in paths {
            let loaded = self.load_file(&path).and_then(|day| {
                day.ok_or_else(|| {
                    StoreError::io(self.vault.file(&path))(io::ErrorKind::NotFound.into())
                })
            });
            match loaded {
                Ok(day) => scan.days.push(day),
                Err(StoreError::Malformed(problem)) => scan.problems.push(problem),
                Err(other) => scan.problems.push(Problem::new(
                    self.display_path(&self.vault.file(&path)),
                    other.to_string(),
                )),
            }
        }
        scan.days.sort_by_key(|day| day.date);
        scan
    }
}

impl Journal {
    /// The plain names of the day files in `journal/YYYY/`, skipping temp files a
    /// killed writer may have left. A day file of the other kind (plain in an
    /// encrypted journal, or the reverse) is never read: it becomes a problem that
    /// says what to do.
    fn collect_day_files(
        &self,
        out: &mut Vec<PathBuf>,
        strays: &mut Vec<Problem>,
    ) -> io::Result<()> {
        let years = match fs::read_dir(self.root.join("journal")) {
            Ok(years) => years,
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(()),
            Err(error) => return Err(error),
        };
        for year in years {
            let year = year?.path();
            if !year.is_dir() {
                continue;
            }
            for file in fs::read_dir(&year)? {
                match self.day_file(&file?.path()) {
                    Some(Ok(plain)) => out.push(plain),
                    Some(Err(stray)) => strays.push(stray),
                    None => {}
                }
            }
        }
        Ok(())
    }

    /// What a file found in `journal/YYYY/` is: a day file (by its plain name), a day
    /// file of the other kind that is left unread (the problem saying so), or neither.
    pub(super) fn day_file(&self, on_disk: &Path) -> Option<Result<PathBuf, Problem>> {
        if let Some(plain) = self.vault.plain_name(on_disk) {
            return Some(Ok(plain));
        }
        let reason = self.vault.stray(on_disk)?;
        Some(Err(Problem::new(self.display_path(on_disk), reason)))
    }
}

fn date_from_file_name(path: &Path) -> Option<NaiveDate> {
    let stem = path.file_stem()?.to_str()?;
    NaiveDate::parse_from_str(stem, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Entry, Rating};

    fn date() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
    }

    fn created() -> chrono::DateTime<chrono::FixedOffset> {
        chrono::DateTime::parse_from_rfc3339("2026-11-25T07:05:00-05:00").unwrap()
    }

    #[test]
    fn a_saved_day_loads_back_the_same() {
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::open(dir.path()).unwrap();
        let saved = journal
            .update_day(date(), |day| {
                day.ratings.energy = Rating::new(4);
                day.upsert(Entry::new(created(), 0, "Line one\n\"\"\" and more".into()));
            })
            .unwrap();
        assert_eq!(journal.load_day(date()).unwrap(), Some(saved));
        assert!(
            journal
                .day_path(date())
                .ends_with("journal/2026/2026-11-25.toml")
        );
    }

    #[test]
    fn unknown_keys_survive_a_rewrite() {
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::open(dir.path()).unwrap();
        let path = journal.day_path(date());
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(
            &path,
            "version = 1\ndate = \"2026-11-25\"\nweather = \"snow\"\n\n[ratings]\nenergy = 3\nsleep = 7\n\n\
             [[entry]]\nid = \"x\"\ncreated = \"2026-11-25T07:00:00Z\"\ntext = \"hi\"\nmood = \"calm\"\n",
        )
        .unwrap();
        journal
            .update_day(date(), |day| day.ratings.outlook = Rating::new(2))
            .unwrap();
        let text = fs::read_to_string(&path).unwrap();
        for kept in [
            "weather = \"snow\"",
            "sleep = 7",
            "mood = \"calm\"",
            "outlook = 2",
        ] {
            assert!(text.contains(kept), "{kept} missing from:\n{text}");
        }
    }

    #[test]
    fn a_malformed_day_is_reported_and_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::open(dir.path()).unwrap();
        journal
            .update_day(date().pred_opt().unwrap(), |_| {})
            .unwrap();
        let path = journal.day_path(date());
        let broken = "version = 1\ndate = \"2026-11-25\"\n[ratings]\nenergy = 9\n";
        fs::write(&path, broken).unwrap();

        let scan = journal.scan();
        assert_eq!(scan.days.len(), 1);
        assert_eq!(scan.problems.len(), 1);
        let problem = scan.problems[0].to_string();
        assert!(
            problem.starts_with("journal/2026/2026-11-25.toml:4:"),
            "{problem}"
        );
        assert!(problem.contains("1 to 5"), "{problem}");

        assert!(journal.update_day(date(), |_| {}).is_err());
        assert_eq!(fs::read_to_string(&path).unwrap(), broken);
    }

    #[test]
    fn a_file_whose_date_disagrees_with_its_name_is_a_problem() {
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::open(dir.path()).unwrap();
        let path = journal.day_path(date());
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, "version = 1\ndate = \"2026-11-24\"\n").unwrap();
        let problems = journal.scan().problems;
        assert_eq!(problems.len(), 1);
        assert!(problems[0].message.contains("named for 2026-11-25"));
    }
}
