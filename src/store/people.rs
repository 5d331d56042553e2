//! `people.toml`: the private roster, and the connection notes that land in the day
//! files. The roster and the notes never leave the machine.

mod import;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::commitments::Moment;
use super::list_file::{self, FORMAT_VERSION};
use super::{Journal, StoreError};
use crate::domain::Problem;
use crate::domain::person::{Connection, Person, Role};

pub use import::{ImportError, ImportReport, MAX_IMPORT_BYTES, RowNote};

/// The file's name in the journal's root.
pub const PEOPLE_FILE: &str = "people.toml";

const HEADER: &str = "# Your roster: the people you want to know well. Private: it never leaves this\n\
# machine. truenorth keeps this file; you may edit it by hand (`truenorth doctor`\n\
# checks it). Connection notes are kept in the day files, under [[connection]].\n\n";

#[derive(Serialize)]
struct FileOut<'a> {
    version: i64,
    #[serde(rename = "person")]
    people: &'a [Person],
}

#[derive(Deserialize)]
struct FileIn {
    version: Option<i64>,
    #[serde(default, rename = "person")]
    people: Vec<Person>,
}

/// The roster of one journal.
#[derive(Debug, Clone)]
pub struct PeopleStore {
    path: PathBuf,
}

impl PeopleStore {
    /// The roster of the journal rooted at `root` (nothing is read yet).
    pub fn open(root: impl AsRef<Path>) -> PeopleStore {
        PeopleStore {
            path: root.as_ref().join(PEOPLE_FILE),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Everyone on the roster, archived people included, in the order they were
    /// added. No file is an empty roster; a file that cannot be read is a
    /// [`StoreError::Malformed`] naming its place.
    pub fn load(&self) -> Result<Vec<Person>, StoreError> {
        let Some(text) = list_file::read_text(&self.path)? else {
            return Ok(Vec::new());
        };
        let file: FileIn = toml::from_str(&text).map_err(|error| {
            StoreError::Malformed(Problem::from_toml(PEOPLE_FILE, &text, &error))
        })?;
        list_file::check_version(PEOPLE_FILE, &text, file.version)?;
        list_file::check_unique_ids(
            PEOPLE_FILE,
            &text,
            file.people.iter().map(|p| p.id.as_str()),
        )?;
        Ok(file.people)
    }

    /// Reads the roster fresh, lets `change` edit it, and writes it back atomically. A
    /// broken file is refused and left as it is.
    pub fn update<R>(&self, change: impl FnOnce(&mut Vec<Person>) -> R) -> Result<R, StoreError> {
        let mut people = self.load()?;
        let result = change(&mut people);
        self.save(&people)?;
        Ok(result)
    }

    /// Adds someone with a fresh id. Returns them as saved.
    pub fn add(&self, name: &str, group: Option<&str>, role: Role) -> Result<Person, StoreError> {
        self.update(|people| {
            let person = Person::new(people, name, group, role);
            people.push(person.clone());
            person
        })
    }

    /// Lets `change` edit the person with this id (to rename, regroup or archive them)
    /// and saves. `Ok(None)` (and nothing written) when there is no such person.
    pub fn modify<R>(
        &self,
        id: &str,
        change: impl FnOnce(&mut Person) -> R,
    ) -> Result<Option<R>, StoreError> {
        let mut people = self.load()?;
        let Some(person) = people.iter_mut().find(|person| person.id == id) else {
            return Ok(None);
        };
        let result = change(person);
        self.save(&people)?;
        Ok(Some(result))
    }

    /// Imports a roster spreadsheet saved as CSV (see [`ImportReport`] for the rules).
    /// Good rows are added in one atomic write at the end; nothing is written when no
    /// row was added, or when the file cannot be used at all.
    pub fn import_csv(&self, bytes: &[u8]) -> Result<ImportReport, ImportError> {
        let rows = import::parse(bytes)?;
        let mut people = self.load()?;
        let report = import::merge(&mut people, rows);
        if !report.added.is_empty() {
            self.save(&people)?;
        }
        Ok(report)
    }

    /// [`PeopleStore::import_csv`] on the file at `path`.
    pub fn import_file(&self, path: &Path) -> Result<ImportReport, ImportError> {
        let size = std::fs::metadata(path).map_err(StoreError::io(path))?.len();
        if size > MAX_IMPORT_BYTES as u64 {
            return Err(ImportError::TooLarge {
                bytes: usize::try_from(size).unwrap_or(usize::MAX),
            });
        }
        let bytes = std::fs::read(path).map_err(StoreError::io(path))?;
        self.import_csv(&bytes)
    }

    fn save(&self, people: &[Person]) -> Result<(), StoreError> {
        let file = FileOut {
            version: FORMAT_VERSION,
            people,
        };
        list_file::write(&self.path, HEADER, &file)
    }
}

/// Why a connection was not logged.
#[derive(Debug, thiserror::Error)]
pub enum LogError {
    #[error("a connection cannot be logged for a day that has not come yet")]
    Future,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Logs a connection with `person` on `date` (`when.today` or earlier) in that day's
/// file. Returns it as saved.
pub fn log_connection(
    journal: &Journal,
    person: &Person,
    date: NaiveDate,
    when: Moment,
    note: &str,
) -> Result<Connection, LogError> {
    if date > when.today {
        return Err(LogError::Future);
    }
    let connection = Connection::new(person.id.clone(), when.now, note);
    journal.update_day(date, |day| day.connections.push(connection.clone()))?;
    Ok(connection)
}

/// Removes a logged connection (the one with this person, time and note) from
/// `date`'s file: an undo. Returns whether one was removed; nothing is written
/// otherwise. Of two alike, one goes.
pub fn remove_connection(
    journal: &Journal,
    date: NaiveDate,
    connection: &Connection,
) -> Result<bool, StoreError> {
    let same = |c: &Connection| {
        c.person == connection.person && c.at == connection.at && c.note == connection.note
    };
    let present = journal
        .load_day(date)?
        .is_some_and(|day| day.connections.iter().any(same));
    if !present {
        return Ok(false);
    }
    journal.update_day(date, |day| {
        if let Some(index) = day.connections.iter().position(same) {
            day.connections.remove(index);
        }
    })?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, FixedOffset};
    use std::fs;

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-25T10:15:00-05:00").unwrap()
    }

    #[test]
    fn the_roster_saves_privately_and_loads_back() {
        let dir = tempfile::tempdir().unwrap();
        let store = PeopleStore::open(dir.path());
        assert!(store.load().unwrap().is_empty());
        let maya = store.add("Maya R.", Some("5B"), Role::Student).unwrap();
        store.add("Maya R.", Some("6A"), Role::Student).unwrap();
        assert_eq!(
            store.modify(&maya.id, |p| p.archived = true).unwrap(),
            Some(())
        );
        let people = store.load().unwrap();
        assert_eq!(people.len(), 2);
        assert!(people[0].archived);
        assert_eq!(people[1].id, "maya-r-2");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(store.path()).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[test]
    fn a_broken_roster_is_located_and_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let store = PeopleStore::open(dir.path());
        let broken = "version = 1\n\n[[person]]\nid = \"a\"\nname = \"A\"\nrole = \"pilot\"\n";
        fs::write(store.path(), broken).unwrap();
        let error = store.load().unwrap_err().to_string();
        assert!(error.starts_with("people.toml:"), "{error}");
        assert!(error.contains("pilot"), "{error}");
        assert!(store.add("B", None, Role::Staff).is_err());
        assert!(store.import_csv(b"name\nC\n").is_err());
        assert_eq!(fs::read_to_string(store.path()).unwrap(), broken);
    }

    #[test]
    fn connections_land_in_the_day_and_can_be_taken_back() {
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::open(dir.path()).unwrap();
        let maya = Person::new(&[], "Maya R.", Some("5B"), Role::Student);
        let today = now().date_naive();
        let logged =
            log_connection(&journal, &maya, today, Moment::at(now()), " robot club ").unwrap();
        assert_eq!(logged.note, "robot club");
        let text = fs::read_to_string(journal.day_path(today)).unwrap();
        assert!(text.contains("[[connection]]") && text.contains("person = \"maya-r\""));
        assert!(matches!(
            log_connection(
                &journal,
                &maya,
                today.succ_opt().unwrap(),
                Moment::at(now()),
                "x"
            ),
            Err(LogError::Future)
        ));
        assert!(remove_connection(&journal, today, &logged).unwrap());
        assert!(!remove_connection(&journal, today, &logged).unwrap());
    }
}
