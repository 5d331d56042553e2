//! The person's settings as the app uses them: `config.toml` read, its `[keys]`
//! applied to the keymap and its theme loaded. The app, `truenorth config check` and
//! `truenorth doctor` all read settings through here, so what the check calls fine is
//! exactly what the app accepts, and every problem is listed at once.

use std::fs;
use std::io;
use std::path::Path;

use crate::domain::Problem;
use crate::store::config::{self, Config};
use crate::ui::keymap::{self, Keymap};
use crate::ui::theme::{ColorSupport, Theme, load_theme};

/// Settings ready to use: each setting with a problem is left at its default.
pub struct Settings {
    pub config: Config,
    pub keymap: Keymap,
    pub theme: Theme,
    /// The theme in force, as config.toml would name it.
    pub theme_name: String,
    /// Why the configured theme could not be used, if it could not.
    pub theme_problem: Option<Problem>,
    /// Every problem, the file's own first in its order, then a theme file's.
    pub problems: Vec<Problem>,
    /// The file is not TOML at all, so none of it is in use.
    pub file_ignored: bool,
}

/// Reads `<config_dir>/config.toml`. No file at all is the defaults, no problem.
pub fn load(config_dir: &Path, support: ColorSupport) -> Settings {
    let path = config_dir.join(config::FILE_NAME);
    let source = path.display().to_string();
    match fs::read_to_string(&path) {
        Ok(text) => read(&source, &text, config_dir, support),
        Err(error) if error.kind() == io::ErrorKind::NotFound => {
            read(&source, "", config_dir, support)
        }
        Err(error) => {
            let mut settings = read(&source, "", config_dir, support);
            settings.file_ignored = true;
            settings
                .problems
                .insert(0, Problem::new(source, format!("cannot read it: {error}")));
            settings
        }
    }
}

/// Reads settings from `text` (the file `source`), looking themes up in
/// `config_dir` as the app would.
pub fn read(source: &str, text: &str, config_dir: &Path, support: ColorSupport) -> Settings {
    let (config, mut problems) = Config::read(source, text);
    let file_ignored = text.parse::<toml::Table>().is_err();
    let (keymap, key_problems) = keymap::from_config(&config, source);
    problems.extend(key_problems);
    problems.sort_by_key(|problem| problem.position);
    let (theme, theme_name, theme_problem) = match load_theme(&config.theme, config_dir, support) {
        Ok(theme) => (theme, config.theme.clone(), None),
        Err(mut problem) => {
            // An unknown name is this file's problem, on its `theme` line; a broken
            // theme file's problem names that file already.
            if problem.source == config_dir.join(config::FILE_NAME).display().to_string() {
                problem.source = source.to_string();
                problem.position = config::position_of(text, "theme");
            }
            problems.push(problem.clone());
            (
                Theme::default().for_support(support),
                Config::default().theme,
                Some(problem),
            )
        }
    };
    Settings {
        config,
        keymap,
        theme,
        theme_name,
        theme_problem,
        problems,
        file_ignored,
    }
}
