//! Where the journal and the configuration live.

use std::path::PathBuf;

use directories::ProjectDirs;

/// The folders the app uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    /// The journal's root: `journal/`, `drafts.toml`, `packs/` ...
    pub data: PathBuf,
    /// Settings and the user's themes.
    pub config: PathBuf,
}

impl Paths {
    /// The platform's folders (e.g. `~/.local/share/truenorth` and `~/.config/truenorth`
    /// on Linux), with the journal moved to `journal` when one is given.
    pub fn resolve(journal: Option<PathBuf>) -> Result<Paths, String> {
        let dirs = ProjectDirs::from("org", "truenorth", "truenorth");
        match (journal, dirs) {
            (Some(data), Some(dirs)) => Ok(Paths {
                data,
                config: dirs.config_dir().to_path_buf(),
            }),
            // No home folder: keep the settings beside the journal that was named.
            (Some(data), None) => Ok(Paths {
                config: data.join("config"),
                data,
            }),
            (None, Some(dirs)) => Ok(Paths {
                data: dirs.data_dir().to_path_buf(),
                config: dirs.config_dir().to_path_buf(),
            }),
            (None, None) => Err("cannot find a home folder for the journal; \
                 pass --journal DIR or set TRUENORTH_DIR"
                .to_string()),
        }
    }
}
