//! Semantic styles: screens ask for "the love colour" or "muted text", never for a
//! colour by name, so a theme file can restyle everything.

use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

use crate::domain::{Frame, Problem};

const DEFAULT_THEME: (&str, &str) = (
    "<built-in>/themes/default.toml",
    include_str!("../../themes/default.toml"),
);

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

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeFile {
    #[allow(dead_code)]
    theme: ThemeMeta,
    colors: Colors,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct ThemeMeta {
    name: String,
    #[serde(default)]
    description: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Colors {
    text: String,
    muted: String,
    accent: String,
    title: String,
    border: String,
    border_focus: String,
    love: String,
    care: String,
    vulnerability: String,
    true_north: String,
    frame: String,
    success: String,
    warning: String,
    error: String,
    selection: String,
}

impl Theme {
    /// Parses a theme file; `source` names it in errors.
    pub fn parse(source: &str, text: &str) -> Result<Theme, Problem> {
        let file: ThemeFile =
            toml::from_str(text).map_err(|error| Problem::from_toml(source, text, &error))?;
        let c = &file.colors;
        let color = |value: &str| {
            Color::from_str(value).map_err(|_| {
                let at = text
                    .find(&format!("\"{value}\""))
                    .map(|offset| crate::domain::problem::line_column(text, offset));
                Problem::new(
                    source,
                    format!("`{value}` is not a colour name, #hex or 0-255 index"),
                )
                .at(at)
            })
        };
        let fg = |value: &str| color(value).map(|color| Style::new().fg(color));
        Ok(Theme {
            text: fg(&c.text)?,
            muted: fg(&c.muted)?,
            accent: fg(&c.accent)?,
            title: fg(&c.title)?.add_modifier(Modifier::BOLD),
            border: fg(&c.border)?,
            border_focus: fg(&c.border_focus)?,
            love: fg(&c.love)?,
            care: fg(&c.care)?,
            vulnerability: fg(&c.vulnerability)?,
            true_north: fg(&c.true_north)?,
            frame: fg(&c.frame)?,
            success: fg(&c.success)?,
            warning: fg(&c.warning)?,
            error: fg(&c.error)?,
            selection: Style::new().bg(color(&c.selection)?),
        })
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
    fn default() -> Self {
        let (source, text) = DEFAULT_THEME;
        Theme::parse(source, text).unwrap_or_else(|problem| {
            // A test guards the built-in theme; should it ever break, a plain
            // theme beats refusing to start.
            debug_assert!(false, "{problem}");
            let plain = Style::new();
            Theme {
                text: plain,
                muted: plain,
                accent: plain,
                title: plain.add_modifier(Modifier::BOLD),
                border: plain,
                border_focus: plain.add_modifier(Modifier::BOLD),
                love: plain,
                care: plain,
                vulnerability: plain,
                true_north: plain,
                frame: plain,
                success: plain,
                warning: plain,
                error: plain,
                selection: plain.add_modifier(Modifier::REVERSED),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_theme_parses() {
        let (source, text) = DEFAULT_THEME;
        Theme::parse(source, text).unwrap();
    }

    #[test]
    fn a_bad_colour_names_its_line() {
        let (_, text) = DEFAULT_THEME;
        let broken = text.replace("love = \"lightred\"", "love = \"rosy\"");
        let problem = Theme::parse("mine.toml", &broken).unwrap_err();
        assert!(problem.to_string().starts_with("mine.toml:"), "{problem}");
        assert!(problem.message.contains("rosy"));
        assert!(problem.position.is_some());
    }
}
