//! Themes by name: the built-in ones embedded in the binary and the person's own in
//! `<config dir>/themes/`, where a theme of the same name shadows the built-in one.

use std::path::{Path, PathBuf};

use super::{ColorSupport, Theme};
use crate::domain::Problem;
use crate::domain::problem::closest;
use crate::store::config::FILE_NAME as CONFIG_FILE;
use crate::store::themes::{UserThemeFile, read_user_themes};

/// The built-in themes as `(name, file text)`, `default` first.
pub(super) const BUILT_IN: [(&str, &str); 4] = [
    ("default", include_str!("../../../themes/default.toml")),
    ("light", include_str!("../../../themes/light.toml")),
    (
        "high-contrast",
        include_str!("../../../themes/high-contrast.toml"),
    ),
    ("evening", include_str!("../../../themes/evening.toml")),
];

/// The built-in themes as `(name, file text)`, `default` first.
pub fn builtin() -> Vec<(&'static str, &'static str)> {
    BUILT_IN.to_vec()
}

/// How a built-in theme is named in problems.
pub fn builtin_source(name: &str) -> String {
    format!("<built-in>/themes/{name}.toml")
}

/// Where a theme comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ThemeSource {
    BuiltIn,
    User(PathBuf),
}

/// One theme for `theme list` and the theme picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemeInfo {
    /// The `name` in its `[theme]` table; for a file too broken to say, its file name.
    pub name: String,
    pub description: String,
    pub source: ThemeSource,
    /// Why the theme cannot be used, if it cannot.
    pub problem: Option<Problem>,
}

impl ThemeInfo {
    pub fn is_usable(&self) -> bool {
        self.problem.is_none()
    }
}

/// Every theme, the person's own first (in file-name order), then the built-in ones
/// that none of theirs shadows. A broken user file is listed with its problem, and a
/// second file claiming a name already taken gets a problem of its own.
pub fn list_themes(config_dir: &Path) -> Vec<ThemeInfo> {
    let mut themes: Vec<ThemeInfo> = Vec::new();
    for file in read_user_themes(config_dir) {
        let mut info = user_info(&file);
        let taken_by = themes.iter().find_map(|known| match &known.source {
            ThemeSource::User(path) if known.name == info.name => Some(path.clone()),
            _ => None,
        });
        if let (Some(first_path), None) = (taken_by, &info.problem) {
            info.problem = Some(Problem::new(
                file.path.display().to_string(),
                format!(
                    "{} already names a theme `{}`, so this file is not used; give it \
                     another name",
                    first_path.display(),
                    info.name
                ),
            ));
        }
        themes.push(info);
    }
    for (name, text) in BUILT_IN {
        if themes
            .iter()
            .any(|theme| theme.name == name && theme.is_usable())
        {
            continue;
        }
        let checked = Theme::check(&builtin_source(name), text);
        themes.push(ThemeInfo {
            name: name.to_string(),
            description: checked
                .as_ref()
                .map(|(meta, _)| meta.description.clone())
                .unwrap_or_default(),
            source: ThemeSource::BuiltIn,
            problem: checked.err().map(|mut problems| problems.remove(0)),
        });
    }
    themes
}

fn user_info(file: &UserThemeFile) -> ThemeInfo {
    let source = file.path.display().to_string();
    let stem = file
        .path
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default();
    let checked = file
        .text
        .clone()
        .map_err(|problem| vec![problem])
        .and_then(|text| Theme::check(&source, &text));
    match checked {
        Ok((meta, _)) => ThemeInfo {
            name: meta.name,
            description: meta.description,
            source: ThemeSource::User(file.path.clone()),
            problem: None,
        },
        Err(mut problems) => ThemeInfo {
            name: stem,
            description: String::new(),
            source: ThemeSource::User(file.path.clone()),
            problem: Some(problems.remove(0)),
        },
    }
}

/// The theme called `name`, fitted to `support`: the person's own if one of their
/// files has that name, else the built-in one. A user file with that name that cannot
/// be used is an error, not a silent fallback, so the person learns why their colours
/// did not appear. An unknown name is an error naming `config.toml` (where the name
/// was written) with the nearest known name.
pub fn load_theme(name: &str, config_dir: &Path, support: ColorSupport) -> Result<Theme, Problem> {
    let user_files = read_user_themes(config_dir);
    let mut names: Vec<String> = Vec::new();
    for file in &user_files {
        let source = file.path.display().to_string();
        let Ok(text) = &file.text else { continue };
        if let Ok((meta, theme)) = Theme::check(&source, text) {
            if meta.name == name {
                return Ok(theme.for_support(support));
            }
            names.push(meta.name);
        }
    }
    // A broken file named after the theme is most likely the theme the person meant.
    if let Some(file) = user_files
        .iter()
        .find(|file| file.path.file_stem().is_some_and(|stem| stem == name))
    {
        let info = user_info(file);
        if let Some(problem) = info.problem {
            return Err(problem);
        }
        return Err(Problem::new(
            file.path.display().to_string(),
            format!(
                "this file is named after the theme `{name}` but its [theme] name is `{}`; \
                 change one so they match",
                info.name
            ),
        ));
    }
    if let Some((builtin_name, text)) = BUILT_IN.iter().find(|(known, _)| *known == name) {
        return Theme::parse(&builtin_source(builtin_name), text)
            .map(|theme| theme.for_support(support));
    }
    names.extend(BUILT_IN.iter().map(|(known, _)| known.to_string()));
    let hint = match closest(name, names.iter().map(String::as_str)) {
        Some(best) => format!("did you mean `{best}`?"),
        None => format!("the themes are {}", names.join(", ")),
    };
    Err(Problem::new(
        config_dir.join(CONFIG_FILE).display().to_string(),
        format!("there is no theme `{name}`; {hint} (`truenorth theme list` shows them all)"),
    ))
}

#[cfg(test)]
mod tests {
    use std::fs;

    use ratatui::style::{Color, Style};

    use super::*;
    use crate::store::themes::themes_dir;
    use crate::ui::theme::color;

    fn config_with(files: &[(&str, &str)]) -> tempfile::TempDir {
        let config = tempfile::tempdir().unwrap();
        let dir = themes_dir(config.path());
        fs::create_dir_all(&dir).unwrap();
        for (name, text) in files {
            fs::write(dir.join(name), text).unwrap();
        }
        config
    }

    fn renamed(theme: &str, name: &str) -> String {
        let (_, text) = BUILT_IN.iter().find(|(known, _)| *known == theme).unwrap();
        text.replace(
            &format!("name = \"{theme}\""),
            &format!("name = \"{name}\""),
        )
    }

    /// A whole theme named `broken` with one bad colour, on line 15.
    fn broken() -> String {
        renamed("default", "broken").replace("love = \"lightred\"", "love = \"rosy\"")
    }

    #[test]
    fn every_built_in_theme_parses_and_is_named_as_listed() {
        for (name, text) in builtin() {
            let (meta, theme) = Theme::check(&builtin_source(name), text)
                .unwrap_or_else(|problems| panic!("{}", problems[0]));
            assert_eq!(meta.name, name);
            assert!(!meta.description.is_empty(), "{name} has no description");
            for support in [
                ColorSupport::NoColor,
                ColorSupport::Ansi16,
                ColorSupport::Ansi256,
                ColorSupport::TrueColor,
            ] {
                let fitted = load_theme(name, Path::new("/nonexistent"), support).unwrap();
                assert_eq!(fitted, theme.for_support(support), "{name} {support:?}");
            }
        }
    }

    #[test]
    fn the_evening_theme_has_no_blue_light() {
        let (_, text) = BUILT_IN[3];
        let theme = Theme::parse("evening", text).unwrap();
        for (role, style) in theme.styles() {
            for color in [style.fg, style.bg].into_iter().flatten() {
                let Color::Rgb(r, g, b) = color else {
                    panic!("{role}: evening colours are exact, not the terminal's {color:?}");
                };
                // Warm: blue well under red, and never the strongest channel.
                assert!(u16::from(b) * 10 <= u16::from(r) * 6, "{role}: {color:?}");
                assert!(b <= g, "{role}: {color:?}");
            }
        }
        // Still warm on a 16-colour terminal: no blue, cyan or magenta.
        let fitted = theme.for_support(ColorSupport::Ansi16);
        for (role, style) in fitted.styles() {
            for color in [style.fg, style.bg].into_iter().flatten() {
                assert!(
                    !matches!(
                        color,
                        Color::Blue
                            | Color::LightBlue
                            | Color::Cyan
                            | Color::LightCyan
                            | Color::Magenta
                            | Color::LightMagenta
                    ),
                    "{role}: {color:?}"
                );
            }
        }
    }

    #[test]
    fn the_frames_differ_in_every_built_in_theme_and_palette() {
        for (name, text) in builtin() {
            let theme = Theme::parse(name, text).unwrap();
            for support in [ColorSupport::Ansi256, ColorSupport::TrueColor] {
                let fitted = theme.for_support(support);
                let frames = [
                    fitted.love,
                    fitted.care,
                    fitted.vulnerability,
                    fitted.true_north,
                ];
                for (i, a) in frames.iter().enumerate() {
                    for b in &frames[i + 1..] {
                        assert_ne!(a, b, "{name} {support:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn frame_colours_stay_colours_on_16_colour_terminals() {
        for (name, text) in builtin() {
            let fitted = Theme::parse(name, text)
                .unwrap()
                .for_support(ColorSupport::Ansi16);
            for style in [
                fitted.love,
                fitted.care,
                fitted.vulnerability,
                fitted.true_north,
            ] {
                let color = style.fg.unwrap();
                assert!(
                    !matches!(
                        color,
                        Color::Black | Color::DarkGray | Color::Gray | Color::White | Color::Reset
                    ),
                    "{name}: {color:?}"
                );
            }
            assert_ne!(fitted.muted, fitted.accent, "{name}");
            assert_ne!(fitted.border, fitted.border_focus, "{name}");
        }
    }

    #[test]
    fn a_user_theme_shadows_the_built_in_one() {
        let mine = renamed("evening", "default");
        let config = config_with(&[("my-default.toml", &mine)]);
        let theme = load_theme("default", config.path(), ColorSupport::TrueColor).unwrap();
        assert_eq!(theme, Theme::parse("x", &mine).unwrap());
        let list = list_themes(config.path());
        let defaults: Vec<_> = list
            .iter()
            .filter(|theme| theme.name == "default")
            .collect();
        assert_eq!(defaults.len(), 1);
        assert_eq!(
            defaults[0].source,
            ThemeSource::User(themes_dir(config.path()).join("my-default.toml"))
        );
        assert_eq!(list.len(), 4);
    }

    #[test]
    fn listing_names_broken_and_duplicate_files() {
        let config = config_with(&[
            ("a.toml", &renamed("light", "paper")),
            ("b.toml", &renamed("light", "paper")),
            ("broken.toml", &broken()),
        ]);
        let list = list_themes(config.path());
        let names: Vec<&str> = list.iter().map(|theme| theme.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "paper",
                "paper",
                "broken",
                "default",
                "light",
                "high-contrast",
                "evening"
            ]
        );
        assert!(list[0].is_usable());
        let dir = themes_dir(config.path());
        assert_eq!(
            list[1].problem.as_ref().unwrap().to_string(),
            format!(
                "{}: {} already names a theme `paper`, so this file is not used; give it \
                 another name",
                dir.join("b.toml").display(),
                dir.join("a.toml").display()
            )
        );
        assert!(
            list[2]
                .problem
                .as_ref()
                .unwrap()
                .to_string()
                .contains("broken.toml:15:8: `rosy` is not a colour")
        );
    }

    #[test]
    fn loading_explains_what_went_wrong() {
        let config = config_with(&[
            ("broken.toml", &broken()),
            ("sunset.toml", &renamed("evening", "dusk")),
        ]);
        let dir = themes_dir(config.path());
        let load = |name| load_theme(name, config.path(), ColorSupport::TrueColor);
        let broken = load("broken").unwrap_err().to_string();
        assert!(broken.starts_with(&format!("{}:15:8:", dir.join("broken.toml").display())));
        assert_eq!(
            load("sunset").unwrap_err().to_string(),
            format!(
                "{}: this file is named after the theme `sunset` but its [theme] name is \
                 `dusk`; change one so they match",
                dir.join("sunset.toml").display()
            )
        );
        assert_eq!(
            load("evning").unwrap_err().to_string(),
            format!(
                "{}: there is no theme `evning`; did you mean `evening`? \
                 (`truenorth theme list` shows them all)",
                config.path().join("config.toml").display()
            )
        );
        assert!(load("dusk").is_ok());
    }

    #[test]
    fn no_color_theme_has_no_colour_whatever_the_name() {
        for (name, _) in builtin() {
            let theme = load_theme(name, Path::new("/nonexistent"), ColorSupport::NoColor).unwrap();
            assert_eq!(theme, Theme::monochrome());
            for (_, style) in theme.styles() {
                assert_eq!((style.fg, style.bg), (None, None));
            }
        }
        assert_ne!(Theme::monochrome().selection, Style::new());
        // The colour module's palette names are what the docs list.
        assert!(color::color_names().any(|name| name == "darkgray"));
    }
}
