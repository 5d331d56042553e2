//! Semantic styles: screens ask for "the love colour" or "muted text", never for a
//! colour by name, so a theme file can restyle everything.
//!
//! A theme file (`themes/*.toml`, format in `docs/themes.md`) maps each role to a
//! colour. [`Theme::check`] reads one and locates every problem; [`catalog`] finds
//! themes by name among the built-in ones and the person's own; [`color`] fits the
//! colours to what the terminal can show.

pub mod catalog;
pub mod color;

use std::collections::BTreeMap;

use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::{Block, BorderType, Padding};
use serde::Deserialize;
use toml::Spanned;

use crate::domain::problem::closest;
use crate::domain::problem::line_column;
use crate::domain::{Frame, Problem};

pub use catalog::{ThemeInfo, ThemeSource, builtin, list_themes, load_theme};
pub use color::ColorSupport;

#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub text: Style,
    pub muted: Style,
    pub accent: Style,
    pub title: Style,
    pub border: Style,
    pub border_focus: Style,
    pub love: Style,
    pub care: Style,
    pub vulnerability: Style,
    pub true_north: Style,
    pub frame: Style,
    pub success: Style,
    pub warning: Style,
    pub error: Style,
    pub selection: Style,
}

/// Every role a theme sets, with what it styles (for `docs/themes.md`, whose test
/// checks that each is described). All are required except `selection_text`.
pub const ROLES: &[(&str, &str)] = &[
    ("text", "answers, prompts and ordinary text"),
    ("muted", "hints, the footer, dates and other quiet text"),
    (
        "accent",
        "highlights: tags, search matches, rating dots, statuses",
    ),
    ("title", "screen and panel titles (always bold)"),
    ("border", "panel borders"),
    ("border_focus", "the border of the panel that has the focus"),
    ("love", "the label of love prompts"),
    ("care", "the label of care prompts"),
    ("vulnerability", "the label of vulnerability prompts"),
    ("true_north", "the label of true-north prompts"),
    ("frame", "the label of a pack's own frames"),
    ("success", "\"saved\" and other good news"),
    ("warning", "unsaved changes and things to look at"),
    ("error", "problems"),
    ("selection", "the background of the selected row in lists"),
    (
        "selection_text",
        "optional: the text colour on the selected row (default: the row's own)",
    ),
];

/// Roles a theme may leave out.
const OPTIONAL_ROLES: &[&str] = &["selection_text"];

/// The theme file as written, every value kept with its place for error messages.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTheme {
    theme: Spanned<RawMeta>,
    colors: Spanned<BTreeMap<Spanned<String>, Spanned<toml::Value>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMeta {
    name: Spanned<String>,
    #[serde(default)]
    description: String,
}

/// What a theme file says about itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemeMeta {
    pub name: String,
    pub description: String,
}

impl Theme {
    /// A bordered, padded panel whose border shows whether it has the focus: thick in
    /// the focus colour when it does, rounded and quiet when not.
    pub fn panel(&self, focused: bool) -> Block<'static> {
        let (kind, style) = if focused {
            (BorderType::Thick, self.border_focus)
        } else {
            (BorderType::Rounded, self.border)
        };
        Block::bordered()
            .padding(Padding::horizontal(1))
            .border_type(kind)
            .border_style(style)
    }

    /// Parses a theme file; `source` names it in errors. The first problem, located
    /// as `file:line:col`; [`Theme::check`] gives them all.
    pub fn parse(source: &str, text: &str) -> Result<Theme, Problem> {
        Theme::check(source, text)
            .map(|(_, theme)| theme)
            .map_err(|mut problems| problems.remove(0))
    }

    /// Parses a theme file and reports every problem at once (never an empty list).
    pub fn check(source: &str, text: &str) -> Result<(ThemeMeta, Theme), Vec<Problem>> {
        let raw: RawTheme =
            toml::from_str(text).map_err(|error| vec![Problem::from_toml(source, text, &error)])?;
        let at = |span: std::ops::Range<usize>| Some(line_column(text, span.start));
        let mut problems = Vec::new();

        let name = raw.theme.get_ref().name.get_ref().trim().to_string();
        if !is_valid_name(&name) {
            problems.push(
                Problem::new(
                    source,
                    format!(
                        "theme name `{name}` should be letters, digits, `-` or `_` \
                         (e.g. \"evening\"), since config.toml names it"
                    ),
                )
                .at(at(raw.theme.get_ref().name.span())),
            );
        }

        let mut colors: BTreeMap<&str, Color> = BTreeMap::new();
        let known = || ROLES.iter().map(|(role, _)| *role);
        for (role, value) in raw.colors.get_ref() {
            let role_name = role.get_ref().as_str();
            if !known().any(|known| known == role_name) {
                let hint = match closest(role_name, known()) {
                    Some(best) => format!("did you mean `{best}`?"),
                    None => format!("the roles are {}", known().collect::<Vec<_>>().join(", ")),
                };
                problems.push(
                    Problem::new(source, format!("unknown role `{role_name}`; {hint}"))
                        .at(at(role.span())),
                );
                continue;
            }
            let parsed = match value.get_ref() {
                toml::Value::String(written) => color::parse_color(written),
                toml::Value::Integer(index) => u8::try_from(*index)
                    .map(Color::Indexed)
                    .map_err(|_| format!("`{index}` is not a 256-colour index; use 0 to 255")),
                _ => Err(format!(
                    "`{role_name}` needs a colour in quotes, like \"lightred\" or \"#ffaf5f\""
                )),
            };
            match parsed {
                Ok(color) => {
                    colors.insert(role_name, color);
                }
                Err(message) => {
                    problems.push(Problem::new(source, message).at(at(value.span())));
                }
            }
        }
        let missing: Vec<&str> = known()
            .filter(|role| !OPTIONAL_ROLES.contains(role))
            .filter(|role| {
                !raw.colors
                    .get_ref()
                    .keys()
                    .any(|written| written.get_ref() == role)
            })
            .collect();
        if !missing.is_empty() {
            problems.push(
                Problem::new(
                    source,
                    format!(
                        "[colors] has no {} for {}; every role needs a colour",
                        if missing.len() == 1 {
                            "colour"
                        } else {
                            "colours"
                        },
                        missing
                            .iter()
                            .map(|role| format!("`{role}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                )
                .at(at(raw.colors.span())),
            );
        }
        if !problems.is_empty() {
            // In the file's order, as a person reads it (the roles came sorted).
            problems.sort_by_key(|problem| problem.position);
            return Err(problems);
        }

        let fg = |role: &str| Style::new().fg(colors[role]);
        let mut selection = Style::new().bg(colors["selection"]);
        if let Some(text) = colors.get("selection_text") {
            selection = selection.fg(*text);
        }
        let theme = Theme {
            text: fg("text"),
            muted: fg("muted"),
            accent: fg("accent"),
            title: fg("title").add_modifier(Modifier::BOLD),
            border: fg("border"),
            border_focus: fg("border_focus"),
            love: fg("love"),
            care: fg("care"),
            vulnerability: fg("vulnerability"),
            true_north: fg("true_north"),
            frame: fg("frame"),
            success: fg("success"),
            warning: fg("warning"),
            error: fg("error"),
            selection,
        };
        let meta = ThemeMeta {
            name,
            description: raw.theme.into_inner().description.trim().to_string(),
        };
        Ok((meta, theme))
    }

    /// The theme with no colour at all, for `NO_COLOR`: focus, selection, titles and
    /// problems stay visible through bold, reversed and underline alone.
    pub fn monochrome() -> Theme {
        let plain = Style::new();
        let bold = plain.add_modifier(Modifier::BOLD);
        Theme {
            text: plain,
            muted: plain,
            accent: bold,
            title: bold,
            border: plain,
            border_focus: bold,
            love: plain,
            care: plain,
            vulnerability: plain,
            true_north: plain,
            frame: plain,
            success: plain,
            warning: bold,
            error: bold.add_modifier(Modifier::UNDERLINED),
            selection: plain.add_modifier(Modifier::REVERSED),
        }
    }

    /// The theme as this terminal can show it: nearest colours for 256 or 16, and
    /// [`Theme::monochrome`] for `NO_COLOR`.
    pub fn for_support(&self, support: ColorSupport) -> Theme {
        if support == ColorSupport::NoColor {
            return Theme::monochrome();
        }
        let fit = |style: Style| Style {
            fg: style.fg.map(|color| support.adapt(color)),
            bg: style.bg.map(|color| support.adapt(color)),
            ..style
        };
        Theme {
            text: fit(self.text),
            muted: fit(self.muted),
            accent: fit(self.accent),
            title: fit(self.title),
            border: fit(self.border),
            border_focus: fit(self.border_focus),
            love: fit(self.love),
            care: fit(self.care),
            vulnerability: fit(self.vulnerability),
            true_north: fit(self.true_north),
            frame: fit(self.frame),
            success: fit(self.success),
            warning: fit(self.warning),
            error: fit(self.error),
            selection: fit(self.selection),
        }
    }

    /// Every style with its role's name, for tests and previews.
    pub fn styles(&self) -> [(&'static str, Style); 15] {
        [
            ("text", self.text),
            ("muted", self.muted),
            ("accent", self.accent),
            ("title", self.title),
            ("border", self.border),
            ("border_focus", self.border_focus),
            ("love", self.love),
            ("care", self.care),
            ("vulnerability", self.vulnerability),
            ("true_north", self.true_north),
            ("frame", self.frame),
            ("success", self.success),
            ("warning", self.warning),
            ("error", self.error),
            ("selection", self.selection),
        ]
    }

    /// The colour of a frame's label. Never the only sign of the frame: its name is
    /// always written beside it.
    pub fn frame_style(&self, frame: &Frame) -> Style {
        match frame {
            Frame::Love => self.love,
            Frame::Care => self.care,
            Frame::Vulnerability => self.vulnerability,
            Frame::TrueNorth => self.true_north,
            _ => self.frame,
        }
    }
}

impl Default for Theme {
    /// The built-in `default` theme in full colour.
    fn default() -> Self {
        let (name, text) = catalog::BUILT_IN[0];
        Theme::parse(&catalog::builtin_source(name), text).unwrap_or_else(|problem| {
            // A test guards the built-in theme; should it ever break, a plain
            // theme beats refusing to start.
            debug_assert!(false, "{problem}");
            Theme::monochrome()
        })
    }
}

fn is_valid_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    const DEFAULT: &str = include_str!("../../themes/default.toml");

    fn problems(text: &str) -> Vec<String> {
        Theme::check("mine.toml", text)
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn the_default_theme_keeps_its_colours() {
        let theme = Theme::default();
        assert_eq!(theme.love, Style::new().fg(Color::LightRed));
        assert_eq!(
            theme.title,
            Style::new()
                .fg(Color::LightCyan)
                .add_modifier(Modifier::BOLD)
        );
        assert_eq!(theme.selection, Style::new().bg(Color::Blue));
        assert_eq!(theme.text, Style::new().fg(Color::Reset));
    }

    #[test]
    fn a_bad_colour_is_located_with_a_suggestion() {
        let broken = DEFAULT.replace("love = \"lightred\"", "love = \"ligthred\"");
        assert_eq!(
            problems(&broken),
            ["mine.toml:15:8: `ligthred` is not a colour; did you mean `lightred`?"]
        );
    }

    #[test]
    fn an_unknown_role_suggests_the_nearest() {
        let broken = DEFAULT.replace("care =", "cair =");
        assert_eq!(
            problems(&broken),
            [
                "mine.toml:8:1: [colors] has no colour for `care`; every role needs a colour",
                "mine.toml:16:1: unknown role `cair`; did you mean `care`?",
            ]
        );
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let broken = DEFAULT
            .replace("muted = \"darkgray\"", "muted = \"#12345\"")
            .replace("accent = \"cyan\"", "accent = 300")
            .replace("title = \"lightcyan\"", "title = true")
            .replace("name = \"default\"", "name = \"my theme\"");
        assert_eq!(
            problems(&broken),
            [
                "mine.toml:5:8: theme name `my theme` should be letters, digits, `-` or `_` \
                 (e.g. \"evening\"), since config.toml names it",
                "mine.toml:10:9: `#12345` is not a hex colour; write six hex digits, like \"#ffaf5f\"",
                "mine.toml:11:10: `300` is not a 256-colour index; use 0 to 255",
                "mine.toml:12:9: `title` needs a colour in quotes, like \"lightred\" or \"#ffaf5f\"",
            ]
        );
    }

    #[test]
    fn unknown_tables_and_syntax_errors_are_located() {
        let extra = format!("{DEFAULT}\n[colours]\ntext = \"red\"\n");
        assert_eq!(
            problems(&extra),
            ["mine.toml:25:2: unknown key `colours`; did you mean `colors`?"]
        );
        let unclosed = DEFAULT.replace("love = \"lightred\"", "love = \"lightred");
        let found = problems(&unclosed);
        assert_eq!(found.len(), 1);
        assert!(found[0].starts_with("mine.toml:15:"), "{found:?}");
    }

    #[test]
    fn a_256_colour_index_may_be_a_number_or_a_string() {
        let text = DEFAULT
            .replace("love = \"lightred\"", "love = 203")
            .replace("care = \"lightgreen\"", "care = \"114\"");
        let theme = Theme::parse("mine.toml", &text).unwrap();
        assert_eq!(theme.love, Style::new().fg(Color::Indexed(203)));
        assert_eq!(theme.care, Style::new().fg(Color::Indexed(114)));
    }

    #[test]
    fn selection_text_is_optional() {
        let text = DEFAULT.replace(
            "selection = \"blue\"",
            "selection = \"white\"\nselection_text = \"black\"",
        );
        let theme = Theme::parse("mine.toml", &text).unwrap();
        assert_eq!(
            theme.selection,
            Style::new().bg(Color::White).fg(Color::Black)
        );
    }

    #[test]
    fn no_color_leaves_no_colour_but_keeps_focus_and_selection_visible() {
        let theme = Theme::default().for_support(ColorSupport::NoColor);
        for (role, style) in theme.styles() {
            assert_eq!(style.fg, None, "{role}");
            assert_eq!(style.bg, None, "{role}");
        }
        assert!(theme.selection.add_modifier.contains(Modifier::REVERSED));
        assert!(theme.border_focus.add_modifier.contains(Modifier::BOLD));
        assert_ne!(theme.border_focus, theme.border);
        assert_ne!(theme.selection, theme.text);
    }

    #[test]
    fn downgrading_keeps_modifiers_and_names() {
        let text = DEFAULT.replace("title = \"lightcyan\"", "title = \"#ffaf5f\"");
        let theme = Theme::parse("mine.toml", &text).unwrap();
        let fitted = theme.for_support(ColorSupport::Ansi256);
        assert_eq!(
            fitted.title,
            Style::new()
                .fg(Color::Indexed(215))
                .add_modifier(Modifier::BOLD)
        );
        assert_eq!(fitted.love, theme.love);
        assert_eq!(theme.for_support(ColorSupport::TrueColor), theme);
    }
}
