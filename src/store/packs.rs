//! Installed prompt packs: `<journal>/packs/<id>.toml` and `<journal>/packs/state.toml`.
//!
//! Each pack a leader adds is kept as a verbatim copy of the coach's file, so it stays
//! readable. `state.toml` records the leader's progress through each pack they have
//! started, added or built in (an [`Enrollment`]). Loading never stops at a broken
//! file: each problem is reported with its place and the rest still load. Changes
//! refuse to rewrite a broken `state.toml`, so a typo never costs the leader progress.

mod state;

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::StoreError;
use super::atomic;
use crate::builtin;
use crate::domain::enrollment::Enrollment;
use crate::domain::{Pack, PackError, Problem};

pub use state::STATE_FILE;

/// The folder, under the journal's root, that holds installed packs.
pub const PACKS_DIR: &str = "packs";
/// The pack id whose file would be the state file.
const RESERVED_ID: &str = "state";

/// The installed packs of one journal.
#[derive(Debug, Clone)]
pub struct PackStore {
    root: PathBuf,
}

/// What [`PackStore::load`] found: the packs the leader has started (added from a file
/// or built in), each with its progress, and a problem for everything that did not load.
#[derive(Debug, Default)]
pub struct InstalledPacks {
    /// In the order they were started.
    pub packs: Vec<(Pack, Enrollment)>,
    pub problems: Vec<Problem>,
}

impl InstalledPacks {
    pub fn get(&self, id: &str) -> Option<&(Pack, Enrollment)> {
        self.packs.iter().find(|(pack, _)| pack.meta.id == id)
    }
}

/// What adding a pack did.
#[derive(Debug, Clone, PartialEq)]
pub struct AddOutcome {
    pub pack: Pack,
    pub enrollment: Enrollment,
    pub kind: AddKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum AddKind {
    /// New to this journal: it starts on the given date.
    Added,
    /// A newer version replaced an older one; progress is kept.
    Upgraded { from: semver::Version },
    /// The pack had progress but its file was missing or broken; the file is back and
    /// progress is kept.
    Reinstalled,
}

/// Whether a pause or resume changed anything (pausing a paused pack does not).
#[derive(Debug, Clone, PartialEq)]
pub struct Updated {
    pub enrollment: Enrollment,
    pub changed: bool,
}

/// Why a change to the installed packs was refused.
#[derive(Debug, thiserror::Error)]
pub enum PackStoreError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The pack file itself has problems; each names its place.
    #[error("{0}")]
    Invalid(PackError),
    #[error(
        "`{id}` is the id of a built-in pack, which truenorth has already; to add your \
         own version of it, give it another id in its [pack] table"
    )]
    BuiltIn { id: String },
    #[error(
        "`{RESERVED_ID}` cannot be a pack id, because packs/{STATE_FILE} is where truenorth \
         keeps your progress; give the pack another id in its [pack] table"
    )]
    Reserved,
    #[error("{}", not_newer_message(.id, .installed, .offered))]
    NotNewer {
        id: String,
        installed: semver::Version,
        offered: semver::Version,
    },
    #[error("`{id}` is already started (on {started}); nothing was changed")]
    AlreadyStarted { id: String, started: NaiveDate },
    #[error("`{id}` is one of the daily prompts Today always offers; it needs no starting")]
    AlwaysOn { id: String },
    #[error("{}", unknown_message(.id, .installed))]
    Unknown { id: String, installed: Vec<String> },
    #[error(
        "{0}\nNothing was changed: packs/{STATE_FILE} is never rewritten while it has a \
         problem, so your progress is not lost. Fix it in an editor and try again."
    )]
    BrokenState(Problem),
}

fn not_newer_message(id: &str, installed: &semver::Version, offered: &semver::Version) -> String {
    if offered == installed {
        format!(
            "pack `{id}` {installed} is already installed, and this file is version \
             {offered} too; nothing was changed. To update it, raise `version` in the \
             file's [pack] table (e.g. to {}) and add it again",
            semver::Version::new(installed.major, installed.minor, installed.patch + 1)
        )
    } else {
        format!(
            "pack `{id}` {installed} is installed, which is newer than this file's \
             {offered}; nothing was changed. To go back to {offered}, remove the pack \
             first (`truenorth pack remove {id}`), which starts it over"
        )
    }
}

fn unknown_message(id: &str, installed: &[String]) -> String {
    if builtin::is_daily(id) {
        format!(
            "`{id}` is one of the daily prompts Today always offers; it cannot be paused or removed"
        )
    } else if builtin::packs_lenient()
        .iter()
        .any(|pack| pack.meta.id == id)
    {
        format!("built-in pack `{id}` is not started; start it with `truenorth pack add {id}`")
    } else if installed.is_empty() {
        format!("no pack `{id}` is installed; no packs are installed yet")
    } else {
        format!(
            "no pack `{id}` is installed; installed packs: {}",
            installed.join(", ")
        )
    }
}

impl PackStore {
    /// The packs of the journal rooted at `root`. Nothing is created until a pack is
    /// added; then `packs/` is made readable by the owner only.
    pub fn open(root: impl Into<PathBuf>) -> PackStore {
        PackStore { root: root.into() }
    }

    /// `<root>/packs`.
    pub fn dir(&self) -> PathBuf {
        self.root.join(PACKS_DIR)
    }

    /// Where the pack `id` is kept.
    pub fn pack_path(&self, id: &str) -> PathBuf {
        self.dir().join(format!("{id}.toml"))
    }

    fn state_path(&self) -> PathBuf {
        self.dir().join(STATE_FILE)
    }

    /// How a file is named in problems: relative to the journal's root, as `doctor`
    /// names the day files.
    fn display_path(&self, path: &Path) -> String {
        path.strip_prefix(&self.root)
            .unwrap_or(path)
            .display()
            .to_string()
    }

    /// Loads every started pack with its progress. Never fails: a file that cannot be
    /// read or checked becomes a problem, and everything else still loads.
    pub fn load(&self) -> InstalledPacks {
        let state = self.read_state();
        let mut problems = state.problems;

        let mut files = Vec::new();
        if let Err(error) = collect_pack_files(&self.dir(), &mut files) {
            problems.push(Problem::new(
                self.display_path(&self.dir()),
                error.to_string(),
            ));
        }
        files.sort();
        let built_in = builtin::packs_lenient();
        let mut with_file = HashSet::new();
        let mut loaded = Vec::new();
        for path in files {
            let source = self.display_path(&path);
            let stem = file_stem(&path);
            with_file.insert(stem.clone());
            let text = match fs::read_to_string(&path) {
                Ok(text) => text,
                Err(error) => {
                    problems.push(Problem::new(source, error.to_string()));
                    continue;
                }
            };
            let pack = match Pack::parse(&source, &text) {
                Ok(pack) => pack,
                Err(error) => {
                    problems.extend(error.problems);
                    continue;
                }
            };
            if pack.meta.id != stem {
                problems.push(Problem::new(
                    source,
                    format!(
                        "this file holds pack `{id}` but is named {stem}.toml; rename it \
                         to {id}.toml, or add the coach's file again with `truenorth pack add`",
                        id = pack.meta.id
                    ),
                ));
            } else if built_in.iter().any(|known| known.meta.id == stem) {
                problems.push(Problem::new(
                    source,
                    format!(
                        "`{stem}` is the id of a built-in pack, so this copy is not used; \
                         delete the file"
                    ),
                ));
            } else {
                loaded.push(pack);
            }
        }

        let mut packs = Vec::new();
        let state_source = self.display_path(&self.state_path());
        if let Some(entries) = state.entries {
            for enrollment in entries {
                let id = enrollment.pack.clone();
                if let Some(index) = loaded.iter().position(|pack| pack.meta.id == id) {
                    packs.push((loaded.swap_remove(index), enrollment));
                } else if let Some(pack) = built_in.iter().find(|pack| pack.meta.id == id) {
                    packs.push((pack.clone(), enrollment));
                } else if !with_file.contains(&id) {
                    // (A file that is there but broken was reported above.)
                    problems.push(Problem::new(
                        &state_source,
                        format!(
                            "pack `{id}` was added but its file packs/{id}.toml is \
                             missing; add the coach's file again to keep your progress, \
                             or `truenorth pack remove {id}`"
                        ),
                    ));
                }
            }
            for pack in loaded {
                let id = &pack.meta.id;
                if !state.named.contains(id) {
                    problems.push(Problem::new(
                        self.display_path(&self.pack_path(id)),
                        format!(
                            "pack `{id}` is not started: {STATE_FILE} has no entry for it; \
                             add the coach's file again with `truenorth pack add`, or \
                             `truenorth pack remove {id}`"
                        ),
                    ));
                }
            }
        }
        InstalledPacks { packs, problems }
    }

    /// Reads the coach's pack file at `path` and adds it; see [`PackStore::add`].
    pub fn add_file(&self, path: &Path, start: NaiveDate) -> Result<AddOutcome, PackStoreError> {
        let text = fs::read_to_string(path).map_err(StoreError::io(path))?;
        self.add(&path.display().to_string(), &text, start)
    }

    /// Checks a pack (`source` names it in problems), keeps a verbatim copy and starts
    /// it on `start`. A newer version of an installed pack replaces it and keeps the
    /// leader's progress; the same or an older version is refused.
    pub fn add(
        &self,
        source: &str,
        text: &str,
        start: NaiveDate,
    ) -> Result<AddOutcome, PackStoreError> {
        let pack = Pack::parse(source, text).map_err(PackStoreError::Invalid)?;
        let id = pack.meta.id.clone();
        if id == RESERVED_ID {
            return Err(PackStoreError::Reserved);
        }
        if builtin::packs_lenient()
            .iter()
            .any(|known| known.meta.id == id)
        {
            return Err(PackStoreError::BuiltIn { id });
        }
        let mut entries = self.state_for_update()?;
        let offered = pack.meta.version.clone();
        let existing = entries.iter().position(|entry| entry.pack == id);
        let (enrollment, kind) = match existing {
            None => {
                let enrollment = Enrollment::new(&id, offered.to_string(), start);
                entries.push(enrollment.clone());
                (enrollment, AddKind::Added)
            }
            Some(index) => {
                let kind = match self.installed_version(&id) {
                    Some(installed) if offered > installed => AddKind::Upgraded { from: installed },
                    Some(installed) => {
                        return Err(PackStoreError::NotNewer {
                            id,
                            installed,
                            offered,
                        });
                    }
                    None => AddKind::Reinstalled,
                };
                entries[index].version = offered.to_string();
                (entries[index].clone(), kind)
            }
        };
        // The pack file first: if the state write then fails, the pack shows as "not
        // started" and adding it again repairs it; the other order would leave progress
        // pointing at a file that is not there.
        let path = self.pack_path(&id);
        atomic::write_atomic(&path, text.as_bytes()).map_err(StoreError::io(&path))?;
        state::write(&self.state_path(), &entries)?;
        Ok(AddOutcome {
            pack,
            enrollment,
            kind,
        })
    }

    /// Starts the built-in pack `id` on `start`. Built-in packs have no file here; only
    /// their progress is kept.
    pub fn start_builtin(&self, id: &str, start: NaiveDate) -> Result<AddOutcome, PackStoreError> {
        if builtin::is_daily(id) {
            return Err(PackStoreError::AlwaysOn { id: id.to_string() });
        }
        let Some(pack) = builtin::packs_lenient()
            .into_iter()
            .find(|pack| pack.meta.id == id)
        else {
            let entries = self.state_for_update()?;
            return Err(self.unknown(id, &entries));
        };
        let mut entries = self.state_for_update()?;
        if let Some(entry) = entries.iter().find(|entry| entry.pack == id) {
            return Err(PackStoreError::AlreadyStarted {
                id: id.to_string(),
                started: entry.started,
            });
        }
        let enrollment = Enrollment::new(id, pack.meta.version.to_string(), start);
        entries.push(enrollment.clone());
        state::write(&self.state_path(), &entries)?;
        Ok(AddOutcome {
            pack,
            enrollment,
            kind: AddKind::Added,
        })
    }

    /// The version of the installed copy of `id`, if its file is there and valid.
    fn installed_version(&self, id: &str) -> Option<semver::Version> {
        let path = self.pack_path(id);
        let text = fs::read_to_string(&path).ok()?;
        let pack = Pack::parse(&self.display_path(&path), &text).ok()?;
        (pack.meta.id == id).then_some(pack.meta.version)
    }

    /// Pauses pack `id` from `date` on; paused days do not count as pack days.
    pub fn pause(&self, id: &str, date: NaiveDate) -> Result<Updated, PackStoreError> {
        self.update_enrollment(id, |enrollment| {
            let changed = enrollment.paused_since.is_none();
            enrollment.pause(date);
            changed
        })
    }

    /// Resumes pack `id` on `date`, carrying on from the day it was paused on.
    pub fn resume(&self, id: &str, date: NaiveDate) -> Result<Updated, PackStoreError> {
        self.update_enrollment(id, |enrollment| {
            let changed = enrollment.paused_since.is_some();
            enrollment.resume(date);
            changed
        })
    }

    fn update_enrollment(
        &self,
        id: &str,
        change: impl FnOnce(&mut Enrollment) -> bool,
    ) -> Result<Updated, PackStoreError> {
        let mut entries = self.state_for_update()?;
        let Some(enrollment) = entries.iter_mut().find(|entry| entry.pack == id) else {
            return Err(self.unknown(id, &entries));
        };
        let changed = change(enrollment);
        let enrollment = enrollment.clone();
        if changed {
            state::write(&self.state_path(), &entries)?;
        }
        Ok(Updated {
            enrollment,
            changed,
        })
    }

    /// Removes pack `id`: its progress and, for an added pack, its file. Answers written
    /// to its prompts stay in the journal. Returns the progress it had, if any.
    pub fn remove(&self, id: &str) -> Result<Option<Enrollment>, PackStoreError> {
        let mut entries = self.state_for_update()?;
        let index = entries.iter().position(|entry| entry.pack == id);
        // Only a valid id can name a file here: never let an id reach outside packs/.
        let file = is_file_safe_id(id)
            .then(|| self.pack_path(id))
            .filter(|path| path.is_file());
        if index.is_none() && file.is_none() {
            return Err(self.unknown(id, &entries));
        }
        let removed = index.map(|index| entries.remove(index));
        // Progress first: if deleting the file then fails, the file shows as "not
        // started" and can be removed again, and the coach's text is not lost.
        if removed.is_some() {
            state::write(&self.state_path(), &entries)?;
        }
        if let Some(path) = file {
            fs::remove_file(&path).map_err(StoreError::io(&path))?;
        }
        Ok(removed)
    }

    fn unknown(&self, id: &str, entries: &[Enrollment]) -> PackStoreError {
        let mut installed: Vec<String> = entries.iter().map(|entry| entry.pack.clone()).collect();
        let mut files = Vec::new();
        // Best effort: the list only helps the message.
        let _ = collect_pack_files(&self.dir(), &mut files);
        for path in files {
            let stem = file_stem(&path);
            if !installed.contains(&stem) {
                installed.push(stem);
            }
        }
        installed.sort();
        PackStoreError::Unknown {
            id: id.to_string(),
            installed,
        }
    }

    fn read_state(&self) -> state::StateRead {
        let path = self.state_path();
        state::read(&path, &self.display_path(&path))
    }

    /// The progress entries, for a change; refused while the file has any problem, so
    /// that rewriting it never drops what the leader could still fix by hand.
    fn state_for_update(&self) -> Result<Vec<Enrollment>, PackStoreError> {
        let mut state = self.read_state();
        if !state.problems.is_empty() {
            return Err(PackStoreError::BrokenState(state.problems.remove(0)));
        }
        Ok(state.entries.unwrap_or_default())
    }
}

/// `packs/*.toml` except the state file and temp files a killed writer may have left.
fn collect_pack_files(dir: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(error) => return Err(error),
    };
    for entry in entries {
        let path = entry?.path();
        let is_pack = path.is_file()
            && path.extension().is_some_and(|ext| ext == "toml")
            && path.file_name().is_some_and(|name| name != STATE_FILE)
            && !atomic::is_temp_file(&path);
        if is_pack {
            out.push(path);
        }
    }
    Ok(())
}

fn file_stem(path: &Path) -> String {
    path.file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The same alphabet [`Pack::parse`] allows for ids.
fn is_file_safe_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::enrollment::PackStatus;

    fn date(month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, month, day).unwrap()
    }

    fn pack_text(id: &str, version: &str) -> String {
        format!(
            "[pack]\nid = \"{id}\"\ntitle = \"Test {id}\"\nversion = \"{version}\"\ndays = 28\n\n\
             [[prompt]]\nid = \"one\"\nframe = \"love\"\ntext = \"Who did you see today?\"\nday = 1\n"
        )
    }

    fn store() -> (tempfile::TempDir, PackStore) {
        let dir = tempfile::tempdir().unwrap();
        let store = PackStore::open(dir.path());
        (dir, store)
    }

    #[test]
    fn an_added_pack_loads_back_with_its_progress() {
        let (_dir, store) = store();
        let outcome = store
            .add("coach.toml", &pack_text("mine", "1.0.0"), date(11, 1))
            .unwrap();
        assert_eq!(outcome.kind, AddKind::Added);
        let installed = store.load();
        assert!(installed.problems.is_empty(), "{:?}", installed.problems);
        let (pack, enrollment) = installed.get("mine").unwrap();
        assert_eq!(pack.meta.title, "Test mine");
        assert_eq!(enrollment.started, date(11, 1));
        assert_eq!(
            enrollment.status_on(date(11, 9), pack.meta.days),
            PackStatus::Active { day: 9 }
        );
        // A verbatim copy, so the coach's comments and layout survive.
        let copy = fs::read_to_string(store.pack_path("mine")).unwrap();
        assert_eq!(copy, pack_text("mine", "1.0.0"));
    }

    #[test]
    fn a_newer_version_upgrades_in_place_and_keeps_progress() {
        let (_dir, store) = store();
        store
            .add("a.toml", &pack_text("mine", "1.0.0"), date(11, 1))
            .unwrap();
        store.pause("mine", date(11, 5)).unwrap();
        let outcome = store
            .add("b.toml", &pack_text("mine", "1.1.0"), date(12, 1))
            .unwrap();
        assert_eq!(
            outcome.kind,
            AddKind::Upgraded {
                from: semver::Version::new(1, 0, 0)
            }
        );
        assert_eq!(outcome.enrollment.started, date(11, 1));
        assert_eq!(outcome.enrollment.paused_since, Some(date(11, 5)));
        assert_eq!(outcome.enrollment.version, "1.1.0");
        let installed = store.load();
        assert_eq!(installed.packs.len(), 1);
        assert_eq!(installed.packs[0].1.version, "1.1.0");
    }

    #[test]
    fn the_same_or_an_older_version_is_refused_and_changes_nothing() {
        let (_dir, store) = store();
        store
            .add("a.toml", &pack_text("mine", "1.2.0"), date(11, 1))
            .unwrap();
        for older in ["1.2.0", "1.1.9"] {
            let error = store
                .add("b.toml", &pack_text("mine", older), date(12, 1))
                .unwrap_err();
            assert!(matches!(error, PackStoreError::NotNewer { .. }), "{error}");
            let message = error.to_string();
            assert!(
                message.contains("1.2.0") && message.contains(older),
                "{message}"
            );
        }
        let copy = fs::read_to_string(store.pack_path("mine")).unwrap();
        assert!(copy.contains("1.2.0"));
    }

    #[test]
    fn built_in_and_reserved_ids_are_refused() {
        let (_dir, store) = store();
        let error = store
            .add(
                "a.toml",
                &pack_text("courage-6-weeks", "9.0.0"),
                date(11, 1),
            )
            .unwrap_err();
        assert!(matches!(error, PackStoreError::BuiltIn { .. }), "{error}");
        let error = store
            .add("a.toml", &pack_text("state", "1.0.0"), date(11, 1))
            .unwrap_err();
        assert!(matches!(error, PackStoreError::Reserved), "{error}");
        assert!(!store.dir().exists());
    }

    #[test]
    fn an_invalid_pack_is_refused_with_its_problems() {
        let (_dir, store) = store();
        let text = pack_text("mine", "1.0.0").replace("day = 1", "day = 99");
        let Err(PackStoreError::Invalid(error)) = store.add("coach.toml", &text, date(11, 1))
        else {
            panic!("expected an invalid pack");
        };
        assert!(error.to_string().starts_with("coach.toml:"), "{error}");
        assert!(!store.dir().exists());
    }

    #[test]
    fn pause_resume_and_remove() {
        let (_dir, store) = store();
        store
            .add("a.toml", &pack_text("mine", "1.0.0"), date(11, 1))
            .unwrap();
        assert!(store.pause("mine", date(11, 3)).unwrap().changed);
        assert!(!store.pause("mine", date(11, 4)).unwrap().changed);
        let resumed = store.resume("mine", date(11, 10)).unwrap();
        assert!(resumed.changed);
        assert_eq!(resumed.enrollment.day_on(date(11, 10)), Some(3));
        assert!(!store.resume("mine", date(11, 11)).unwrap().changed);

        let removed = store.remove("mine").unwrap();
        assert_eq!(removed.map(|entry| entry.pack), Some("mine".to_string()));
        assert!(!store.pack_path("mine").exists());
        let installed = store.load();
        assert!(installed.packs.is_empty() && installed.problems.is_empty());
    }

    #[test]
    fn an_unknown_id_names_the_installed_ones() {
        let (_dir, store) = store();
        let error = store.pause("nope", date(11, 1)).unwrap_err();
        assert!(error.to_string().contains("no packs are installed yet"));
        store
            .add("a.toml", &pack_text("mine", "1.0.0"), date(11, 1))
            .unwrap();
        for error in [
            store.resume("nope", date(11, 1)).unwrap_err(),
            store.remove("../nope").unwrap_err(),
        ] {
            assert!(matches!(error, PackStoreError::Unknown { .. }));
            assert!(
                error.to_string().contains("installed packs: mine"),
                "{error}"
            );
        }
    }

    #[test]
    fn a_malformed_state_entry_is_a_problem_and_the_others_still_load() {
        let (_dir, store) = store();
        store
            .add("a.toml", &pack_text("one", "1.0.0"), date(11, 1))
            .unwrap();
        store
            .add("b.toml", &pack_text("two", "1.0.0"), date(11, 2))
            .unwrap();
        let state = store.dir().join(STATE_FILE);
        let text = fs::read_to_string(&state).unwrap();
        let broken = text.replacen("2026-11-02", "2026-11-32", 1);
        assert_ne!(text, broken);
        fs::write(&state, &broken).unwrap();

        let installed = store.load();
        assert_eq!(installed.packs.len(), 1);
        assert_eq!(installed.packs[0].0.meta.id, "one");
        assert_eq!(installed.problems.len(), 1, "{:?}", installed.problems);
        let problem = installed.problems[0].to_string();
        let line = broken
            .lines()
            .position(|line| line.contains("2026-11-32"))
            .unwrap()
            + 1;
        assert!(
            problem.starts_with(&format!(
                "packs/state.toml:{line}:11: pack `two`: `started`"
            )),
            "{problem}"
        );

        // Changing anything is refused rather than dropping the broken entry.
        let error = store.pause("one", date(11, 5)).unwrap_err();
        assert!(matches!(error, PackStoreError::BrokenState(_)), "{error}");
        assert_eq!(fs::read_to_string(&state).unwrap(), broken);
    }

    #[test]
    fn a_state_file_that_is_not_toml_is_one_problem() {
        let (_dir, store) = store();
        store
            .add("a.toml", &pack_text("one", "1.0.0"), date(11, 1))
            .unwrap();
        fs::write(store.dir().join(STATE_FILE), "version = 1\n[[pack]\n").unwrap();
        let installed = store.load();
        assert!(installed.packs.is_empty());
        assert_eq!(installed.problems.len(), 1, "{:?}", installed.problems);
        assert!(
            installed.problems[0]
                .to_string()
                .starts_with("packs/state.toml:2:")
        );
    }

    #[test]
    fn a_malformed_pack_file_is_a_problem_and_the_others_still_load() {
        let (_dir, store) = store();
        store
            .add("a.toml", &pack_text("one", "1.0.0"), date(11, 1))
            .unwrap();
        store
            .add("b.toml", &pack_text("two", "1.0.0"), date(11, 1))
            .unwrap();
        fs::write(store.pack_path("two"), "[pack\nid = \"two\"\n").unwrap();
        fs::write(store.pack_path("stray"), pack_text("stray", "1.0.0")).unwrap();
        fs::write(
            store.dir().join("renamed.toml"),
            pack_text("other", "1.0.0"),
        )
        .unwrap();

        let installed = store.load();
        let ids: Vec<&str> = installed
            .packs
            .iter()
            .map(|(pack, _)| pack.meta.id.as_str())
            .collect();
        assert_eq!(ids, ["one"]);
        let problems: Vec<String> = installed.problems.iter().map(ToString::to_string).collect();
        assert_eq!(problems.len(), 3, "{problems:#?}");
        assert!(problems.iter().any(|p| p.starts_with("packs/two.toml:1:")));
        assert!(
            problems
                .iter()
                .any(|p| p.starts_with("packs/stray.toml: pack `stray` is not started"))
        );
        assert!(
            problems
                .iter()
                .any(|p| p.starts_with("packs/renamed.toml: this file holds pack `other`"))
        );
    }

    #[test]
    fn progress_without_a_file_is_a_problem_and_adding_again_restores_it() {
        let (_dir, store) = store();
        store
            .add("a.toml", &pack_text("one", "1.0.0"), date(11, 1))
            .unwrap();
        fs::remove_file(store.pack_path("one")).unwrap();
        let installed = store.load();
        assert!(installed.packs.is_empty());
        assert!(
            installed.problems[0]
                .message
                .contains("packs/one.toml is missing")
        );

        let outcome = store
            .add("a.toml", &pack_text("one", "1.0.0"), date(12, 1))
            .unwrap();
        assert_eq!(outcome.kind, AddKind::Reinstalled);
        assert_eq!(outcome.enrollment.started, date(11, 1));
    }

    #[test]
    fn a_built_in_pack_is_started_with_progress_only() {
        let (_dir, store) = store();
        let outcome = store.start_builtin("courage-6-weeks", date(11, 1)).unwrap();
        assert_eq!(outcome.kind, AddKind::Added);
        assert!(!store.pack_path("courage-6-weeks").exists());
        let installed = store.load();
        assert!(installed.problems.is_empty(), "{:?}", installed.problems);
        let (pack, enrollment) = installed.get("courage-6-weeks").unwrap();
        assert_eq!(pack.meta.days, Some(42));
        assert_eq!(enrollment.started, date(11, 1));

        let again = store
            .start_builtin("courage-6-weeks", date(12, 1))
            .unwrap_err();
        assert!(
            matches!(again, PackStoreError::AlreadyStarted { .. }),
            "{again}"
        );
        let daily = store
            .start_builtin(builtin::DAILY_LCV, date(12, 1))
            .unwrap_err();
        assert!(matches!(daily, PackStoreError::AlwaysOn { .. }), "{daily}");
        let unknown = store
            .start_builtin("no-such-pack", date(12, 1))
            .unwrap_err();
        assert!(
            matches!(unknown, PackStoreError::Unknown { .. }),
            "{unknown}"
        );

        assert!(store.remove("courage-6-weeks").unwrap().is_some());
        assert!(store.load().packs.is_empty());
        let not_started = store.pause("courage-6-weeks", date(12, 1)).unwrap_err();
        assert!(
            not_started
                .to_string()
                .contains("truenorth pack add courage-6-weeks"),
            "{not_started}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn the_folder_and_files_are_private() {
        use std::os::unix::fs::PermissionsExt;
        let (_dir, store) = store();
        store
            .add("a.toml", &pack_text("one", "1.0.0"), date(11, 1))
            .unwrap();
        store.pause("one", date(11, 2)).unwrap();
        let mode = |path: &Path| fs::metadata(path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&store.dir()), 0o700);
        assert_eq!(mode(&store.pack_path("one")), 0o600);
        assert_eq!(mode(&store.dir().join(STATE_FILE)), 0o600);
    }
}
