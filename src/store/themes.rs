//! Reading the person's own theme files from `<config dir>/themes/`. Parsing them is
//! the theme module's job; this only finds and reads them.

use std::fs;
use std::path::{Path, PathBuf};

use crate::domain::Problem;

/// One `*.toml` file in the themes folder, read or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserThemeFile {
    pub path: PathBuf,
    /// The text, or why it could not be read.
    pub text: Result<String, Problem>,
}

/// The folder user themes live in.
pub fn themes_dir(config_dir: &Path) -> PathBuf {
    config_dir.join("themes")
}

/// Every `*.toml` file in `<config_dir>/themes/`, sorted by file name so which of two
/// same-named themes wins does not depend on the file system's order. A missing
/// folder is no themes, not a problem.
pub fn read_user_themes(config_dir: &Path) -> Vec<UserThemeFile> {
    let dir = themes_dir(config_dir);
    let Ok(entries) = fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml") && path.is_file())
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let text = fs::read_to_string(&path).map_err(|error| {
                Problem::new(
                    path.display().to_string(),
                    format!("cannot read it: {error}"),
                )
            });
            UserThemeFile { path, text }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_toml_files_in_name_order_and_no_folder_is_no_themes() {
        let config = tempfile::tempdir().unwrap();
        assert!(read_user_themes(config.path()).is_empty());
        let dir = themes_dir(config.path());
        fs::create_dir_all(dir.join("nested.toml")).unwrap();
        fs::write(dir.join("b.toml"), "b").unwrap();
        fs::write(dir.join("a.toml"), "a").unwrap();
        fs::write(dir.join("notes.txt"), "not a theme").unwrap();
        let found = read_user_themes(config.path());
        let names: Vec<_> = found
            .iter()
            .map(|file| {
                file.path
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        assert_eq!(names, ["a.toml", "b.toml"]);
        assert_eq!(found[0].text, Ok("a".to_string()));
    }
}
