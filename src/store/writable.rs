//! A journal folder that cannot be written (its permissions, or a read-only disk),
//! said once and plainly, with the fix: the app's read-only banner, the write
//! commands and `truenorth doctor` all word it the same way.

use std::io;
use std::path::{Path, PathBuf};

use super::StoreError;
use super::permissions::shell_quote;

/// Why the journal folder at `root` cannot be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unwritable {
    pub root: PathBuf,
    /// The disk is mounted read-only; otherwise the folder's permissions refuse.
    pub read_only_disk: bool,
}

impl Unwritable {
    /// When `error` says the folder (or a file in it) cannot be written, which way.
    pub fn from_error(root: &Path, error: &StoreError) -> Option<Unwritable> {
        let StoreError::Io { source, .. } = error else {
            return None;
        };
        Unwritable::from_io(root, source)
    }

    pub fn from_io(root: &Path, error: &io::Error) -> Option<Unwritable> {
        let read_only_disk = match error.kind() {
            io::ErrorKind::PermissionDenied => false,
            io::ErrorKind::ReadOnlyFilesystem => true,
            _ => return None,
        };
        Some(Unwritable {
            root: root.to_path_buf(),
            read_only_disk,
        })
    }

    /// `the journal folder cannot be written (permission denied)`.
    pub fn reason(&self) -> String {
        self.reason_naming("")
    }

    /// The reason with the folder's path after `folder`.
    fn reason_naming(&self, path: &str) -> String {
        if self.read_only_disk {
            format!("the journal folder{path} is on a read-only disk")
        } else {
            format!("the journal folder{path} cannot be written (permission denied)")
        }
    }

    /// What to do, as a phrase: `chmod 700 /home/me/.local/share/truenorth`.
    pub fn fix(&self) -> String {
        if self.read_only_disk {
            "make that disk writable, or move the journal to one that is".to_string()
        } else {
            format!("chmod 700 {}", shell_quote(&self.root))
        }
    }

    /// For a command that was about to write.
    pub fn for_command(&self) -> String {
        format!(
            "{}, so nothing was written. Fix: {}, then run the command again",
            self.reason_naming(&format!(" {}", self.root.display())),
            self.fix()
        )
    }
}

/// Whether a file can be made in the journal folder at `root`: makes an empty one
/// and removes it at once. For `truenorth doctor` and at start; `Ok` when `root` does not exist
/// yet (the first save makes it).
pub fn probe(root: &Path) -> io::Result<()> {
    if !root.is_dir() {
        return Ok(());
    }
    let file = tempfile::Builder::new()
        .prefix(".truenorth-probe-")
        .tempfile_in(root)?;
    file.close()
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;

    #[test]
    fn permission_denied_names_the_folder_once_with_the_chmod() {
        let root = Path::new("/tmp/x");
        let denied = StoreError::io(root.join("truenorth.lock"))(io::Error::from(
            io::ErrorKind::PermissionDenied,
        ));
        let unwritable = Unwritable::from_error(root, &denied).unwrap();
        assert_eq!(
            unwritable.for_command(),
            "the journal folder /tmp/x cannot be written (permission denied), so nothing \
             was written. Fix: chmod 700 /tmp/x, then run the command again"
        );
        let quoted = Unwritable::from_io(
            Path::new("/home/me/Application Support/truenorth"),
            &io::Error::from(io::ErrorKind::PermissionDenied),
        )
        .unwrap();
        assert_eq!(
            quoted.fix(),
            "chmod 700 '/home/me/Application Support/truenorth'"
        );
    }

    #[test]
    fn a_read_only_disk_says_so_and_other_errors_are_not_this() {
        let root = Path::new("/media/usb/journal");
        let read_only =
            Unwritable::from_io(root, &io::Error::from(io::ErrorKind::ReadOnlyFilesystem)).unwrap();
        assert_eq!(
            read_only.reason(),
            "the journal folder is on a read-only disk"
        );
        assert!(read_only.fix().contains("make that disk writable"));
        assert_eq!(
            Unwritable::from_io(root, &io::Error::from(io::ErrorKind::NotFound)),
            None
        );
    }

    #[test]
    fn the_probe_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        probe(dir.path()).unwrap();
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
        probe(&dir.path().join("not yet")).unwrap();
    }
}
