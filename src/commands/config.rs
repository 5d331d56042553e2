//! `truenorth config init|path|check`: write a settings file to start from, say where
//! it lives, and say what is wrong with one, line by line.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, anyhow};

use crate::cli::ConfigCommand;
use crate::store::atomic::create_private_dir_all;
use crate::store::config;
#[cfg(test)]
use crate::store::config::Config;
use crate::ui::settings;
use crate::ui::theme::ColorSupport;

/// The file `config init` writes: every key at its default, each explained.
pub const TEMPLATE: &str = include_str!("config_template.toml");

/// Runs a `config` subcommand; returns whether everything was fine.
pub fn run(
    config_dir: &Path,
    command: ConfigCommand,
    out: &mut impl Write,
) -> anyhow::Result<bool> {
    match command {
        ConfigCommand::Init => init(config_dir, out),
        ConfigCommand::Path => {
            writeln!(out, "{}", config_dir.join(config::FILE_NAME).display())?;
            Ok(true)
        }
        ConfigCommand::Check { file } => check(config_dir, file.as_deref(), out),
    }
}

/// `config init`: writes [`TEMPLATE`] to the config file, never over an existing one.
pub fn init(config_dir: &Path, out: &mut impl Write) -> anyhow::Result<bool> {
    let path = config_dir.join(config::FILE_NAME);
    create_private_dir_all(config_dir)
        .with_context(|| format!("could not create {}", config_dir.display()))?;
    let mut options = OpenOptions::new();
    // create_new: settings someone already has are never overwritten, not even by a race.
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(crate::store::atomic::PRIVATE_FILE_MODE);
    }
    let mut file = options.open(&path).map_err(|error| match error.kind() {
        io::ErrorKind::AlreadyExists => anyhow!(
            "{} already exists, so nothing was written; edit it, or check it with \
             `truenorth config check`",
            path.display()
        ),
        _ => anyhow!(error).context(format!("could not create {}", path.display())),
    })?;
    file.write_all(TEMPLATE.as_bytes())
        .and_then(|()| file.sync_all())
        .with_context(|| format!("could not write {}", path.display()))?;
    writeln!(
        out,
        "Wrote {}. Every setting is at its default; edit it in any text editor, then \
         check it with `truenorth config check`.",
        path.display()
    )?;
    Ok(true)
}

/// `config check [FILE]`: the config file (or FILE) with every problem as
/// `file:line:col: message`, including a theme that does not exist. No config file at
/// all is fine: truenorth runs on the defaults.
pub fn check(config_dir: &Path, file: Option<&Path>, out: &mut impl Write) -> anyhow::Result<bool> {
    let path: PathBuf = file.map_or_else(|| config_dir.join(config::FILE_NAME), Path::to_path_buf);
    let source = path.display().to_string();
    let text = match fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) if file.is_none() && error.kind() == io::ErrorKind::NotFound => {
            writeln!(
                out,
                "{source}: no config file, so truenorth uses the defaults; \
                 `truenorth config init` writes one to edit"
            )?;
            return Ok(true);
        }
        Err(error) => {
            writeln!(out, "{source}: cannot read it: {error}")?;
            return Ok(false);
        }
    };
    // The very reading the app does: what is fine here is what the app accepts.
    let settings = settings::read(&source, &text, config_dir, ColorSupport::TrueColor);
    for problem in &settings.problems {
        writeln!(out, "{problem}")?;
    }
    let all_good = settings.problems.is_empty();
    if all_good {
        writeln!(out, "{source}: ok")?;
    }
    Ok(all_good)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_template_sets_every_key_to_its_default() {
        let config = Config::parse("template", TEMPLATE).unwrap_or_else(|problems| {
            panic!("{}", problems[0]);
        });
        assert_eq!(config, Config::default());
        // Every key is in it, commented or not, so the file documents them all.
        for key in [
            "theme =",
            "week_start =",
            "day_rollover_hour =",
            "prompts_per_day =",
            "editor =",
            "mouse =",
            "[export]",
            "format =",
            "include_names =",
            "[keys]",
        ] {
            assert!(TEMPLATE.contains(key), "{key}");
        }
        // The commented examples are valid too.
        let uncommented = TEMPLATE
            .replace("# editor =", "editor =")
            .replace("# save =", "save =")
            .replace("# focus-next =", "focus-next =");
        let config = Config::parse("template", &uncommented).unwrap();
        assert_eq!(config.keys.len(), 2);
        // And the keymap takes them, as `config check` would.
        let (_, refused) = crate::ui::keymap::from_config(&config, "template");
        assert!(refused.is_empty(), "{refused:?}");
        assert_eq!(config.editor.as_deref(), Some("nano"));
    }

    #[test]
    fn init_writes_once_and_never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let config_dir = dir.path().join("truenorth");
        let mut out = Vec::new();
        assert!(init(&config_dir, &mut out).unwrap());
        let path = config_dir.join(config::FILE_NAME);
        assert_eq!(fs::read_to_string(&path).unwrap(), TEMPLATE);
        fs::write(&path, "theme = \"light\"\n").unwrap();
        let error = init(&config_dir, &mut out).unwrap_err().to_string();
        assert!(
            error.contains("already exists, so nothing was written"),
            "{error}"
        );
        assert_eq!(fs::read_to_string(&path).unwrap(), "theme = \"light\"\n");
    }

    #[cfg(unix)]
    #[test]
    fn the_written_file_is_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        init(dir.path(), &mut Vec::new()).unwrap();
        let mode = fs::metadata(dir.path().join(config::FILE_NAME))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    #[test]
    fn check_reports_an_unknown_theme_where_it_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(config::FILE_NAME);
        fs::write(&path, "# mine\ntheme = \"evning\"\n").unwrap();
        let mut out = Vec::new();
        assert!(!check(dir.path(), None, &mut out).unwrap());
        assert_eq!(
            String::from_utf8(out).unwrap(),
            format!(
                "{}:2:9: there is no theme `evning`; did you mean `evening`? \
                 (`truenorth theme list` shows them all)\n",
                path.display()
            )
        );
    }

    #[test]
    fn check_reports_unknown_actions_and_the_theme_together() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(config::FILE_NAME);
        fs::write(&path, "theme = \"nope\"\n[keys]\nsav = \"ctrl-s\"\n").unwrap();
        let mut out = Vec::new();
        assert!(!check(dir.path(), None, &mut out).unwrap());
        let out = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines[0],
            format!(
                "{}:3:1: [keys] sav: no such action; did you mean `save`? \
                 (docs/config.md lists every action)",
                path.display()
            )
        );
        assert!(lines[1].contains(":1:9: there is no theme `nope`"), "{out}");
        assert_eq!(lines.len(), 2);
    }

    fn check_text(text: &str) -> (bool, Vec<String>) {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join(config::FILE_NAME), text).unwrap();
        let mut out = Vec::new();
        let fine = check(dir.path(), None, &mut out).unwrap();
        let prefix = format!("{}:", dir.path().join(config::FILE_NAME).display());
        let lines = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|line| line.replace(&prefix, ""))
            .collect();
        (fine, lines)
    }

    #[test]
    fn check_refuses_the_key_overrides_the_app_refuses() {
        let (fine, lines) = check_text("[keys]\nnext-screen = [\"tab\", \"ctrl-n\"]\nquit = []\n");
        assert!(!fine);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(
            lines[0].starts_with("2:16: [keys] next-screen: `Tab` already does focus-next"),
            "{lines:?}"
        );
        assert!(
            lines[1].starts_with("3:8: [keys] quit: an empty list would leave no key"),
            "{lines:?}"
        );
    }

    #[test]
    fn check_lists_every_problem_at_once() {
        let (fine, lines) = check_text(
            "week_start = \"tuesday\"\nday_rollover_hour = 25\nprompts_per_day = \"two\"\ncolour = \"red\"\n",
        );
        assert!(!fine);
        assert_eq!(
            lines,
            [
                "1:14: week_start must be \"monday\" or \"sunday\", not `tuesday`",
                "2:21: day_rollover_hour must be an hour from 0 to 23, not 25",
                "3:19: prompts_per_day must be 0, 1 or 2 (none; love, care or vulnerability; \
                 and true north too), not \"two\"",
                "4:1: unknown key `colour`; the keys are theme, week_start, day_rollover_hour, \
                 prompts_per_day, editor, mouse, export, keys",
            ]
        );
    }

    #[test]
    fn check_without_a_file_is_fine() {
        let dir = tempfile::tempdir().unwrap();
        let mut out = Vec::new();
        assert!(check(dir.path(), None, &mut out).unwrap());
        assert!(
            String::from_utf8(out)
                .unwrap()
                .contains("uses the defaults")
        );
        let mut out = Vec::new();
        let missing = dir.path().join("other.toml");
        assert!(!check(dir.path(), Some(&missing), &mut out).unwrap());
    }
}
