//! `truenorth theme list|check`: which themes there are, and what is wrong with a
//! theme file, line by line.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::cli::ThemeCommand;
use crate::commands::check_files::check_files;
use crate::store::config::{self, Config};
use crate::store::themes::themes_dir;
use crate::ui::theme::{Theme, ThemeSource, list_themes};

/// Runs a `theme` subcommand; returns whether everything was fine.
pub fn run(config_dir: &Path, command: ThemeCommand, out: &mut impl Write) -> anyhow::Result<bool> {
    match command {
        ThemeCommand::List => list(config_dir, out),
        ThemeCommand::Check { files } => check(&files, out),
    }
}

/// `theme list`: every theme, the one in use marked `*`, user themes with their file
/// and any problem. Listing always succeeds; problems are for `theme check` to fail on.
pub fn list(config_dir: &Path, out: &mut impl Write) -> anyhow::Result<bool> {
    let config_path = config_dir.join(config::FILE_NAME);
    let (config, _) = Config::load(&config_path);
    let themes = list_themes(config_dir);
    let width = themes
        .iter()
        .map(|theme| theme.name.chars().count())
        .max()
        .unwrap_or(0);
    for theme in &themes {
        let in_use = theme.name == config.theme && theme.is_usable();
        let marker = if in_use { "*" } else { " " };
        let from = match &theme.source {
            ThemeSource::BuiltIn => "built-in".to_string(),
            ThemeSource::User(path) => format!("yours, {}", path.display()),
        };
        match &theme.problem {
            None => writeln!(
                out,
                "{marker} {name:width$}  {description} ({from})",
                name = theme.name,
                description = theme.description,
            )?,
            Some(problem) => writeln!(
                out,
                "{marker} {name:width$}  cannot be used: {problem}",
                name = theme.name,
            )?,
        }
    }
    writeln!(out)?;
    writeln!(
        out,
        "* is the theme in use. Choose one with theme = \"NAME\" in {}.",
        config_path.display()
    )?;
    writeln!(
        out,
        "Your own themes go in {} (format: docs/themes.md).",
        themes_dir(config_dir).display()
    )?;
    Ok(true)
}

/// `theme check FILE...`: "FILE: ok" for each good file, every problem as
/// `file:line:col: message`. Returns whether every file is good.
pub fn check(files: &[PathBuf], out: &mut impl Write) -> anyhow::Result<bool> {
    check_files(files, out, |source, text| {
        let (meta, _) = Theme::check(source, text)?;
        Ok(vec![format!("ok (theme `{}`)", meta.name)])
    })
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;
    use crate::ui::theme::builtin;

    #[test]
    fn every_built_in_theme_passes_theme_check() {
        let dir = tempfile::tempdir().unwrap();
        let mut files = Vec::new();
        for (name, text) in builtin() {
            let path = dir.path().join(format!("{name}.toml"));
            fs::write(&path, text).unwrap();
            files.push(path);
        }
        let mut out = Vec::new();
        assert!(check(&files, &mut out).unwrap());
        let out = String::from_utf8(out).unwrap();
        for (name, _) in builtin() {
            assert!(
                out.contains(&format!("{name}.toml: ok (theme `{name}`)")),
                "{out}"
            );
        }
    }

    #[test]
    fn a_bad_file_fails_with_located_problems() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mine.toml");
        fs::write(
            &path,
            "[theme]\nname = \"mine\"\n[colors]\ntext = \"rosy\"\n",
        )
        .unwrap();
        let missing = dir.path().join("missing.toml");
        let mut out = Vec::new();
        assert!(!check(&[path.clone(), missing], &mut out).unwrap());
        let out = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = out.lines().collect();
        assert!(lines[0].starts_with(&format!("{}:3:1: [colors] has no colours", path.display())));
        assert!(lines[1].starts_with(&format!("{}:4:8: `rosy` is not a colour", path.display())));
        assert!(lines[2].contains("missing.toml: cannot read it"), "{out}");
    }

    #[test]
    fn the_list_marks_the_theme_in_use() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("config.toml"), "theme = \"evening\"\n").unwrap();
        let mut out = Vec::new();
        list(dir.path(), &mut out).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(out.contains("* evening "), "{out}");
        assert!(out.contains("  default "), "{out}");
    }
}
