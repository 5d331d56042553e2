//! Atomic, private writes: a reader (or a crash) sees the old file or the new one, never
//! half of either.

pub mod fault;

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Mode of every directory the app creates: the owner only.
pub const PRIVATE_DIR_MODE: u32 = 0o700;
/// Mode of every file the app writes: the owner only.
pub const PRIVATE_FILE_MODE: u32 = 0o600;

/// Creates `dir` and its missing parents, each new one readable by the owner only.
pub fn create_private_dir_all(dir: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(PRIVATE_DIR_MODE);
    }
    builder.create(dir)
}

/// Replaces `path` with `bytes`: temp file in the same folder, fsync, rename over the
/// target, fsync the folder. On any error the target is untouched and the temp file is
/// removed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = replace(path, bytes)?;
    sync_dir(&dir)
}

/// Like [`write_atomic`], but the folder's fsync waits in `folders` until
/// [`FolderSyncs::finish`]. Readers and a crash still see the old file or the new one;
/// until `finish`, a crash may bring back the old one. For many files written into
/// a few folders (an import of years of days), where one fsync a folder replaces one
/// a file.
pub fn write_atomic_batched(path: &Path, bytes: &[u8], folders: &FolderSyncs) -> io::Result<()> {
    let dir = replace(path, bytes)?;
    folders.add(dir);
    Ok(())
}

/// Folders whose renames still wait for their fsync, see [`write_atomic_batched`].
#[derive(Debug, Default)]
pub struct FolderSyncs {
    folders: std::sync::Mutex<std::collections::BTreeSet<PathBuf>>,
}

impl FolderSyncs {
    fn add(&self, dir: PathBuf) {
        self.folders
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(dir);
    }

    /// Makes every rename so far durable: each folder synced once.
    pub fn finish(self) -> io::Result<()> {
        let folders = self
            .folders
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        folders.iter().try_for_each(|dir| sync_dir(dir))
    }
}

/// The temp file written and synced, then renamed over `path`; returns the folder
/// whose fsync makes the rename durable.
fn replace(path: &Path, bytes: &[u8]) -> io::Result<PathBuf> {
    let dir = path
        .parent()
        .filter(|parent| !parent.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    create_private_dir_all(dir)?;
    let temp = temp_path_beside(path);
    let result = write_and_sync(&temp, bytes).and_then(|()| fs::rename(&temp, path));
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result?;
    Ok(dir.to_path_buf())
}

/// Like [`write_atomic`], but never replaces a file: when `path` exists, or appears
/// while the temp file is written, it fails with [`io::ErrorKind::AlreadyExists`] and
/// leaves that file alone. For files written among a person's own (an export in their
/// documents), where replacing one must be asked first.
pub fn write_atomic_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path
        .parent()
        .filter(|parent| !parent.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    create_private_dir_all(dir)?;
    let temp = temp_path_beside(path);
    if let Err(error) = write_and_sync(&temp, bytes) {
        let _ = fs::remove_file(&temp);
        return Err(error);
    }
    // A hard link fails when the name is taken, where a rename would replace the file.
    let result = match fs::hard_link(&temp, path) {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == io::ErrorKind::AlreadyExists => Err(error),
        // File systems without hard links (FAT, some network shares): look, then rename.
        Err(_) if fs::symlink_metadata(path).is_ok() => {
            Err(io::Error::from(io::ErrorKind::AlreadyExists))
        }
        Err(_) => fs::rename(&temp, path),
    };
    // Gone already after a rename; the link's second name otherwise.
    let _ = fs::remove_file(&temp);
    result?;
    sync_dir(dir)
}

/// A temp name in the target's folder, hidden and unique to this process and call so
/// two writers never share one.
fn temp_path_beside(path: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let unique = COUNTER.fetch_add(1, Ordering::Relaxed);
    path.with_file_name(format!(".{name}.{}.{unique}.tmp", std::process::id()))
}

fn write_and_sync(temp: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(PRIVATE_FILE_MODE);
    }
    super::lock::check_write(temp)?;
    fault::before_create(temp)?;
    let mut file = options.open(temp)?;
    fault::write_all(temp, &mut file, bytes)?;
    file.sync_all()
}

/// Makes the rename itself durable. Not every platform can open a folder; there the
/// rename is as durable as the OS makes it.
fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// True for the temp files [`write_atomic`] leaves only if it is killed mid-write.
pub fn is_temp_file(path: &Path) -> bool {
    path.file_name()
        .and_then(|name| name.to_str())
        .is_some_and(|name| name.starts_with('.') && name.ends_with(".tmp"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_replace_and_leave_no_temp_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested/day.toml");
        write_atomic(&path, b"old").unwrap();
        write_atomic(&path, b"new").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new");
        let names: Vec<_> = fs::read_dir(path.parent().unwrap()).unwrap().collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn a_new_file_is_written_once_and_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("export.md");
        write_atomic_new(&path, b"first").unwrap();
        let error = write_atomic_new(&path, b"second").unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read(&path).unwrap(), b"first");
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "no temp file left behind");
    }

    #[cfg(unix)]
    #[test]
    fn files_and_new_folders_are_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a/b/file.toml");
        write_atomic(&path, b"x").unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(&dir.path().join("a")), 0o700);
        assert_eq!(mode(&dir.path().join("a/b")), 0o700);
    }

    #[test]
    fn a_failed_write_leaves_the_target_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("day.toml");
        write_atomic(&path, b"old").unwrap();
        // Renaming a file over a non-empty directory fails, after the temp is written.
        let blocker = dir.path().join("blocked");
        fs::create_dir_all(blocker.join("inside")).unwrap();
        assert!(write_atomic(&blocker, b"new").is_err());
        assert_eq!(fs::read(&path).unwrap(), b"old");
        let leftovers = fs::read_dir(dir.path())
            .unwrap()
            .filter(|e| is_temp_file(&e.as_ref().unwrap().path()))
            .count();
        assert_eq!(leftovers, 0);
    }

    #[test]
    fn batched_writes_land_at_once_and_each_folder_is_synced_once() {
        let dir = tempfile::tempdir().unwrap();
        let folders = FolderSyncs::default();
        for (year, day) in [("2025", "a"), ("2025", "b"), ("2026", "c")] {
            let path = dir.path().join(year).join(format!("{day}.toml"));
            write_atomic_batched(&path, day.as_bytes(), &folders).unwrap();
            // Readers see the new file before the folders are synced.
            assert_eq!(fs::read(&path).unwrap(), day.as_bytes());
        }
        let waiting: Vec<PathBuf> = folders.folders.lock().unwrap().iter().cloned().collect();
        assert_eq!(
            waiting,
            vec![dir.path().join("2025"), dir.path().join("2026")]
        );
        folders.finish().unwrap();
        let leftovers = fs::read_dir(dir.path().join("2025"))
            .unwrap()
            .filter(|e| is_temp_file(&e.as_ref().unwrap().path()))
            .count();
        assert_eq!(leftovers, 0);
    }
}
