//! One writer per journal: an advisory lock on `truenorth.lock` in the journal folder.
//!
//! The app holds the lock for as long as it is open; the commands that write (`add`,
//! `commit check`, `pack add` ...) hold it while they run. A second app window finds
//! it taken and opens read-only; a command waits a moment and then gives up, naming
//! who holds it. The lock belongs to the open file, so the system releases it when its
//! holder ends in any way, a kill or a crash included: it can never go stale. The
//! file's text (who holds it, since when) only serves the messages.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use super::StoreError;
use super::atomic::{PRIVATE_FILE_MODE, create_private_dir_all};

/// The lock file's name in the journal folder.
pub const LOCK_FILE: &str = "truenorth.lock";

/// How often [`JournalLock::acquire_within`] tries again while it waits.
const RETRY: Duration = Duration::from_millis(25);

/// The journal's write lock, held until dropped.
#[derive(Debug)]
pub struct JournalLock {
    // Never read: holding the open file is what holds the lock.
    _file: File,
    root: PathBuf,
}

impl Drop for JournalLock {
    fn drop(&mut self) {
        let mut held = registry(&HELD);
        if let Some(at) = held.iter().position(|root| *root == self.root) {
            held.remove(at);
        }
    }
}

/// Journals whose lock this process holds, and journals it opened read-only. Every
/// atomic write asks [`check_write`], so a read-only window cannot write its journal
/// whatever code path tries, while tests that open both kinds of window in one
/// process still write through the one that holds the lock.
static HELD: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
static READ_ONLY: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn registry(list: &'static Mutex<Vec<PathBuf>>) -> MutexGuard<'static, Vec<PathBuf>> {
    // Only pushed to and removed from, so a panic elsewhere cannot leave it half-done.
    list.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// While alive, writes into the journal at its root fail unless this process holds
/// the journal's lock.
#[derive(Debug)]
pub struct ReadOnly {
    root: PathBuf,
}

impl ReadOnly {
    pub fn new(root: &Path) -> ReadOnly {
        let root = root.to_path_buf();
        registry(&READ_ONLY).push(root.clone());
        ReadOnly { root }
    }
}

impl Drop for ReadOnly {
    fn drop(&mut self) {
        let mut read_only = registry(&READ_ONLY);
        if let Some(at) = read_only.iter().position(|root| *root == self.root) {
            read_only.remove(at);
        }
    }
}

/// Refuses a write to `path` inside a journal this process opened read-only (and
/// does not hold the lock of).
pub fn check_write(path: &Path) -> io::Result<()> {
    let read_only = registry(&READ_ONLY);
    if read_only.is_empty() {
        return Ok(());
    }
    let held = registry(&HELD);
    let refused = read_only
        .iter()
        .any(|root| path.starts_with(root) && !held.contains(root));
    if refused {
        return Err(io::Error::new(
            io::ErrorKind::ResourceBusy,
            "this window is read-only: another truenorth is writing this journal",
        ));
    }
    Ok(())
}

/// Who holds the lock, as its holder wrote it down.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Holder {
    pub pid: Option<u32>,
    /// What holds it: "the truenorth app", "truenorth add" ...
    pub what: Option<String>,
    /// When it was taken, as local `HH:MM` of that day.
    pub since: Option<String>,
}

impl std::fmt::Display for Holder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.what.as_deref().unwrap_or("another truenorth"))?;
        match (self.pid, &self.since) {
            (Some(pid), Some(since)) => write!(f, " (pid {pid}, since {since})"),
            (Some(pid), None) => write!(f, " (pid {pid})"),
            (None, Some(since)) => write!(f, " (since {since})"),
            (None, None) => Ok(()),
        }
    }
}

/// Why the lock could not be had.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Someone else writes this journal.
    #[error("the journal in {} is open in {holder}", .root.display())]
    Held { root: PathBuf, holder: Holder },
    /// The lock file cannot be created: the folder cannot be written at all.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl JournalLock {
    /// Takes the lock of the journal at `root` if it is free, and writes down `what`
    /// holds it. Never waits.
    pub fn try_acquire(root: &Path, what: &str) -> Result<JournalLock, LockError> {
        create_private_dir_all(root).map_err(StoreError::io(root))?;
        let path = lock_path(root);
        let mut file = open(&path)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                return Err(LockError::Held {
                    root: root.to_path_buf(),
                    holder: read_holder(&mut file),
                });
            }
            Err(TryLockError::Error(error)) => return Err(StoreError::io(&path)(error).into()),
        }
        // Best effort: a lock file opened read-only still locks, it just cannot say
        // who holds it.
        let _ = write_holder(&mut file, what);
        registry(&HELD).push(root.to_path_buf());
        Ok(JournalLock {
            _file: file,
            root: root.to_path_buf(),
        })
    }

    /// Like [`JournalLock::try_acquire`], but waits up to `patience` for the holder
    /// to finish, for commands that would otherwise fail just because another one is
    /// halfway through a save.
    pub fn acquire_within(
        root: &Path,
        what: &str,
        patience: Duration,
    ) -> Result<JournalLock, LockError> {
        let deadline = Instant::now() + patience;
        loop {
            match JournalLock::try_acquire(root, what) {
                Err(LockError::Held { .. }) if Instant::now() < deadline => {
                    std::thread::sleep(RETRY);
                }
                other => return other,
            }
        }
    }
}

/// The lock file of the journal at `root`.
pub fn lock_path(root: &Path) -> PathBuf {
    root.join(LOCK_FILE)
}

/// Opens the lock file for writing (creating it owner-only), or for reading when it
/// belongs to someone else: either can hold the lock.
fn open(path: &Path) -> Result<File, StoreError> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(PRIVATE_FILE_MODE);
    }
    match options.open(path) {
        Ok(file) => Ok(file),
        Err(error) if error.kind() == io::ErrorKind::PermissionDenied && path.exists() => {
            File::open(path).map_err(StoreError::io(path))
        }
        Err(error) => Err(StoreError::io(path)(error)),
    }
}

fn write_holder(file: &mut File, what: &str) -> io::Result<()> {
    let since = chrono::Local::now().format("%H:%M");
    let text = format!(
        "pid = {}\nwhat = {}\nsince = \"{since}\"\n",
        std::process::id(),
        toml::Value::from(what)
    );
    file.set_len(0)?;
    file.rewind()?;
    file.write_all(text.as_bytes())
}

/// What the holder wrote; anything unreadable (it may be halfway through writing it)
/// is left out rather than guessed.
fn read_holder(file: &mut File) -> Holder {
    let mut text = String::new();
    if file
        .rewind()
        .and_then(|()| file.read_to_string(&mut text))
        .is_err()
    {
        return Holder::default();
    }
    let Ok(table) = text.parse::<toml::Table>() else {
        return Holder::default();
    };
    let string = |key: &str| table.get(key).and_then(|v| v.as_str()).map(str::to_string);
    Holder {
        pid: table
            .get("pid")
            .and_then(|v| v.as_integer())
            .and_then(|pid| u32::try_from(pid).ok()),
        what: string("what"),
        since: string("since"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_taker_is_refused_and_told_who_holds_it() {
        let dir = tempfile::tempdir().unwrap();
        let held = JournalLock::try_acquire(dir.path(), "the truenorth app").unwrap();
        let refused = JournalLock::try_acquire(dir.path(), "truenorth add").unwrap_err();
        let LockError::Held { holder, .. } = &refused else {
            panic!("expected the lock to be held, got {refused}");
        };
        assert_eq!(holder.pid, Some(std::process::id()));
        assert_eq!(holder.what.as_deref(), Some("the truenorth app"));
        let message = refused.to_string();
        assert!(
            message.contains(&format!("the truenorth app (pid {}", std::process::id())),
            "{message}"
        );
        drop(held);
        JournalLock::try_acquire(dir.path(), "truenorth add").unwrap();
    }

    #[test]
    fn a_waiting_taker_gets_the_lock_once_it_is_let_go() {
        let dir = tempfile::tempdir().unwrap();
        let held = JournalLock::try_acquire(dir.path(), "truenorth add").unwrap();
        let root = dir.path().to_path_buf();
        let waiter = std::thread::spawn(move || {
            JournalLock::acquire_within(&root, "truenorth pack add", Duration::from_secs(10))
        });
        std::thread::sleep(RETRY * 3);
        drop(held);
        assert!(waiter.join().unwrap().is_ok());
    }

    #[test]
    fn waiting_gives_up_after_the_patience_runs_out() {
        let dir = tempfile::tempdir().unwrap();
        let _held = JournalLock::try_acquire(dir.path(), "the truenorth app").unwrap();
        let result = JournalLock::acquire_within(dir.path(), "truenorth add", RETRY * 2);
        assert!(matches!(result, Err(LockError::Held { .. })));
    }

    #[test]
    fn a_read_only_journal_refuses_writes_unless_its_lock_is_held_here() {
        let dir = tempfile::tempdir().unwrap();
        let day = dir.path().join("journal/2026/2026-11-25.toml");
        let elsewhere = tempfile::tempdir().unwrap();
        let read_only = ReadOnly::new(dir.path());
        let refused = crate::store::atomic::write_atomic(&day, b"x").unwrap_err();
        assert!(refused.to_string().contains("read-only"), "{refused}");
        assert!(!day.exists());
        crate::store::atomic::write_atomic(&elsewhere.path().join("f"), b"x").unwrap();

        let lock = JournalLock::try_acquire(dir.path(), "the truenorth app").unwrap();
        crate::store::atomic::write_atomic(&day, b"x").unwrap();
        drop(lock);
        assert!(crate::store::atomic::write_atomic(&day, b"y").is_err());
        drop(read_only);
        crate::store::atomic::write_atomic(&day, b"y").unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn the_lock_file_is_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let _held = JournalLock::try_acquire(&dir.path().join("new"), "x").unwrap();
        let mode = std::fs::metadata(lock_path(&dir.path().join("new")))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}
