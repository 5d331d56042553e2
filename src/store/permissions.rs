//! Whether the journal is private on disk: its folders owner-only (0700) and its files
//! owner-only (0600). truenorth creates them so, but a copy restored from a backup or
//! moved with another tool may have lost that; this finds them and says the exact
//! command that fixes each.

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

/// A file or folder others can read (or enter, or write).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loose {
    pub path: PathBuf,
    /// The permission bits as they are, e.g. `0o755`.
    pub mode: u32,
    pub is_dir: bool,
}

impl Loose {
    /// The command that makes it owner-only.
    pub fn fix(&self) -> String {
        let mode = if self.is_dir { "700" } else { "600" };
        format!("chmod {mode} {}", shell_quote(&self.path))
    }
}

impl fmt::Display for Loose {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let who = if self.mode & 0o007 != 0 {
            "anyone on this machine"
        } else {
            "your group"
        };
        let what = if self.is_dir { "folder" } else { "file" };
        write!(
            f,
            "{} ({what}) is open to {who} (mode {:o}); fix: {}",
            self.path.display(),
            self.mode,
            self.fix()
        )
    }
}

/// One command that makes everything under `root` owner-only at once.
pub fn fix_all(root: &Path) -> String {
    format!("chmod -R go= {}", shell_quote(root))
}

/// Every folder and file under `root` (and `root` itself) that is not owner-only.
/// Symbolic links are not followed: where they point is the owner's choice.
pub fn check(root: &Path) -> Vec<Loose> {
    let mut found = Vec::new();
    walk(root, root, true, &mut found);
    found
}

/// [`check`] without the day files: the folders, and the files at the top of the
/// journal. Cheap enough for start-up on a ten-year journal; a copy that lost its
/// permissions has lost them on its folders too, so this still notices it.
pub fn check_quick(root: &Path) -> Vec<Loose> {
    let mut found = Vec::new();
    walk(root, root, false, &mut found);
    found
}

/// Checks `dir`, then its files (all when `deep`, else only the root's) and folders.
fn walk(root: &Path, dir: &Path, deep: bool, found: &mut Vec<Loose>) {
    let Some(mode) = mode_of(dir) else {
        return;
    };
    if mode & 0o077 != 0 {
        found.push(Loose {
            path: dir.to_path_buf(),
            mode,
            is_dir: true,
        });
    }
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|entry| entry.file_name());
    let files_too = deep || dir == root;
    for entry in entries {
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        let path = entry.path();
        if kind.is_dir() {
            walk(root, &path, deep, found);
        } else if kind.is_file()
            && files_too
            && let Some(mode) = mode_of(&path)
            && mode & 0o077 != 0
        {
            found.push(Loose {
                path,
                mode,
                is_dir: false,
            });
        }
    }
}

#[cfg(unix)]
fn mode_of(path: &Path) -> Option<u32> {
    use std::os::unix::fs::PermissionsExt;
    Some(fs::symlink_metadata(path).ok()?.permissions().mode() & 0o777)
}

/// Other systems have no owner-only mode bits to check.
#[cfg(not(unix))]
fn mode_of(_path: &Path) -> Option<u32> {
    None
}

/// `path` as a shell word: as it is when that is safe, else in single quotes (macOS's
/// "Application Support" has a space).
pub fn shell_quote(path: &Path) -> String {
    let text = path.display().to_string();
    let plain = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/._-+,:@%=~".contains(c));
    if plain && !text.starts_with('~') {
        text
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn chmod(path: &Path, mode: u32) {
        fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
    }

    fn private_journal() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let day = dir.path().join("journal/2026/2026-11-25.toml");
        crate::store::atomic::write_atomic(&day, b"x").unwrap();
        crate::store::atomic::write_atomic(&dir.path().join("people.toml"), b"x").unwrap();
        chmod(dir.path(), 0o700);
        dir
    }

    #[test]
    fn a_private_journal_has_nothing_to_report() {
        let dir = private_journal();
        assert_eq!(check(dir.path()), Vec::new());
        assert_eq!(check_quick(dir.path()), Vec::new());
    }

    #[test]
    fn loose_folders_and_files_are_found_with_their_fix() {
        let dir = private_journal();
        let year = dir.path().join("journal/2026");
        let day = year.join("2026-11-25.toml");
        let people = dir.path().join("people.toml");
        chmod(&year, 0o755);
        chmod(&day, 0o644);
        chmod(&people, 0o640);

        let found = check(dir.path());
        let fixes: Vec<String> = found.iter().map(Loose::fix).collect();
        assert_eq!(
            fixes,
            [
                format!("chmod 700 {}", year.display()),
                format!("chmod 600 {}", day.display()),
                format!("chmod 600 {}", people.display()),
            ]
        );
        assert!(
            found[0]
                .to_string()
                .contains("open to anyone on this machine (mode 755)")
        );
        assert!(
            found[2]
                .to_string()
                .contains("open to your group (mode 640)")
        );

        // The quick check skips day files but still sees the folder and the top files.
        let quick: Vec<PathBuf> = check_quick(dir.path())
            .into_iter()
            .map(|l| l.path)
            .collect();
        assert_eq!(quick, [year, people]);
    }

    #[test]
    fn paths_with_spaces_are_quoted_for_the_shell() {
        assert_eq!(shell_quote(Path::new("/home/a/j")), "/home/a/j");
        assert_eq!(
            shell_quote(Path::new("/Users/a/Application Support/it's")),
            r"'/Users/a/Application Support/it'\''s'"
        );
    }
}
