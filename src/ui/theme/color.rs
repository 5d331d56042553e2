//! Colour values as theme files write them, how many colours the terminal can show,
//! and the nearest colour a smaller palette has.
//!
//! Themes are written in any colour; the terminal decides what is shown. A truecolor
//! terminal gets the colour as written, a 256-colour one the nearest in the xterm
//! cube or grey ramp, a 16-colour one the nearest ANSI colour, and `NO_COLOR` none.

use ratatui::style::Color;

use crate::domain::problem::closest;

/// How many colours the terminal shows, from the environment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ColorSupport {
    /// `NO_COLOR` is set: no colours at all, only bold, reversed and underline.
    NoColor,
    /// The 16 ANSI colours, whose exact shades the terminal's palette decides.
    Ansi16,
    /// The xterm 256-colour palette.
    Ansi256,
    /// Any `#rrggbb`.
    TrueColor,
}

impl ColorSupport {
    /// Decides from environment variables, read through `lookup` so the rule is
    /// testable: `NO_COLOR` (non-empty, see no-color.org) wins; then `COLORTERM` of
    /// `truecolor` or `24bit`; then a `TERM` containing `256color`; else 16 colours,
    /// which every colour terminal has.
    pub fn from_env(lookup: impl Fn(&str) -> Option<String>) -> ColorSupport {
        let set = |name: &str| lookup(name).filter(|value| !value.is_empty());
        if set("NO_COLOR").is_some() {
            return ColorSupport::NoColor;
        }
        if let Some(colorterm) = set("COLORTERM") {
            let colorterm = colorterm.to_ascii_lowercase();
            if colorterm == "truecolor" || colorterm == "24bit" {
                return ColorSupport::TrueColor;
            }
        }
        if set("TERM").is_some_and(|term| term.contains("256color")) {
            return ColorSupport::Ansi256;
        }
        ColorSupport::Ansi16
    }

    /// [`ColorSupport::from_env`] on this process's environment.
    pub fn detect() -> ColorSupport {
        ColorSupport::from_env(|name| std::env::var(name).ok())
    }

    /// The colour this terminal should be sent for `color`. Names and `reset` pass
    /// unchanged (the terminal's palette shows them); with no colour support every
    /// colour becomes `reset`.
    pub fn adapt(self, color: Color) -> Color {
        match self {
            ColorSupport::TrueColor => color,
            ColorSupport::NoColor => Color::Reset,
            ColorSupport::Ansi256 => match color {
                Color::Rgb(r, g, b) => Color::Indexed(nearest_256(r, g, b)),
                other => other,
            },
            ColorSupport::Ansi16 => match color {
                Color::Rgb(r, g, b) => nearest_16(r, g, b),
                Color::Indexed(index) => {
                    let (r, g, b) = rgb_of_index(index);
                    nearest_16(r, g, b)
                }
                other => other,
            },
        }
    }
}

/// The 16 ANSI colours by index, with the names theme files use for them and the
/// shades xterm gives them by default (the reference for "nearest"; a terminal's own
/// palette may differ a little, which is why names are never converted).
const ANSI: [(Color, &str, (u8, u8, u8)); 16] = [
    (Color::Black, "black", (0, 0, 0)),
    (Color::Red, "red", (205, 0, 0)),
    (Color::Green, "green", (0, 205, 0)),
    (Color::Yellow, "yellow", (205, 205, 0)),
    (Color::Blue, "blue", (0, 0, 238)),
    (Color::Magenta, "magenta", (205, 0, 205)),
    (Color::Cyan, "cyan", (0, 205, 205)),
    (Color::Gray, "gray", (229, 229, 229)),
    (Color::DarkGray, "darkgray", (127, 127, 127)),
    (Color::LightRed, "lightred", (255, 0, 0)),
    (Color::LightGreen, "lightgreen", (0, 255, 0)),
    (Color::LightYellow, "lightyellow", (255, 255, 0)),
    (Color::LightBlue, "lightblue", (92, 92, 255)),
    (Color::LightMagenta, "lightmagenta", (255, 0, 255)),
    (Color::LightCyan, "lightcyan", (0, 255, 255)),
    (Color::White, "white", (255, 255, 255)),
];

/// The names a colour value may use, for documentation and "did you mean".
pub fn color_names() -> impl Iterator<Item = &'static str> {
    ANSI.iter().map(|(_, name, _)| *name).chain(["reset"])
}

/// Reads a colour value: an ANSI name (`lightred`; case, `-`, `_` and spaces are
/// ignored, `grey` is `gray`, `bright` is `light`), `reset` (the terminal's own
/// colour), `#rrggbb`, or a 256-colour index `0`-`255`. The error says what was
/// wrong, without the place, which the caller knows.
pub fn parse_color(value: &str) -> Result<Color, String> {
    let trimmed = value.trim();
    if let Some(hex) = trimmed.strip_prefix('#') {
        return parse_hex(hex).ok_or_else(|| {
            format!("`{value}` is not a hex colour; write six hex digits, like \"#ffaf5f\"")
        });
    }
    if !trimmed.is_empty() && trimmed.chars().all(|c| c.is_ascii_digit()) {
        return trimmed
            .parse::<u8>()
            .map(Color::Indexed)
            .map_err(|_| format!("`{value}` is not a 256-colour index; use 0 to 255"));
    }
    let name: String = trimmed
        .chars()
        .filter(|c| !matches!(c, '-' | '_' | ' '))
        .collect::<String>()
        .to_ascii_lowercase()
        .replace("grey", "gray")
        .replace("bright", "light");
    if name == "reset" {
        return Ok(Color::Reset);
    }
    if let Some((color, _, _)) = ANSI.iter().find(|(_, known, _)| *known == name) {
        return Ok(*color);
    }
    Err(match closest(&name, color_names()) {
        Some(best) => format!("`{value}` is not a colour; did you mean `{best}`?"),
        None => format!(
            "`{value}` is not a colour; write an ANSI name (e.g. \"lightred\"), \
             \"#rrggbb\" or a 256-colour index \"0\" to \"255\""
        ),
    })
}

fn parse_hex(hex: &str) -> Option<Color> {
    if hex.len() != 6 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let channel = |at: usize| u8::from_str_radix(&hex[at..at + 2], 16).ok();
    Some(Color::Rgb(channel(0)?, channel(2)?, channel(4)?))
}

/// The six levels of each channel in the xterm 6×6×6 cube (indices 16-231).
const CUBE_LEVELS: [u8; 6] = [0, 95, 135, 175, 215, 255];

/// The red, green and blue of a 256-colour index, as xterm draws it.
pub fn rgb_of_index(index: u8) -> (u8, u8, u8) {
    match index {
        0..=15 => ANSI[usize::from(index)].2,
        16..=231 => {
            let cube = index - 16;
            let level = |n: u8| CUBE_LEVELS[usize::from(n)];
            (level(cube / 36), level(cube / 6 % 6), level(cube % 6))
        }
        232..=255 => {
            let grey = 8 + 10 * (index - 232);
            (grey, grey, grey)
        }
    }
}

/// The nearest colour of the 256-colour palette's fixed part: the 6×6×6 cube or the
/// 24-step grey ramp. The first 16 are left out because terminals redefine them.
pub fn nearest_256(r: u8, g: u8, b: u8) -> u8 {
    let cube_step = |value: u8| {
        // The nearest level: halfway points between 0, 95, 135, ... 255.
        CUBE_LEVELS
            .iter()
            .enumerate()
            .min_by_key(|(_, level)| (i32::from(**level) - i32::from(value)).abs())
            .map_or(0, |(step, _)| step as u8)
    };
    let cube = 16 + 36 * cube_step(r) + 6 * cube_step(g) + cube_step(b);
    // The grey ramp runs 8, 18, ... 238 from index 232.
    let mean = (u16::from(r) + u16::from(g) + u16::from(b)) / 3;
    let grey_step = ((mean.saturating_sub(3)) / 10).min(23) as u8;
    let grey = 232 + grey_step;
    let target = (r, g, b);
    if distance(target, rgb_of_index(grey)) < distance(target, rgb_of_index(cube)) {
        grey
    } else {
        cube
    }
}

/// How far apart a colour's strongest and weakest channels must be for it to count
/// as clearly coloured rather than greyish.
const CHROMATIC: u8 = 64;

/// The nearest of the 16 ANSI colours. A clearly coloured value is only matched
/// with the twelve coloured ones: the ANSI colours are all fully saturated, so by
/// distance alone a soft salmon or a dark teal would turn grey and lose its meaning.
pub fn nearest_16(r: u8, g: u8, b: u8) -> Color {
    let chroma = r.max(g).max(b) - r.min(g).min(b);
    let is_grey = |color: &Color| {
        matches!(
            color,
            Color::Black | Color::DarkGray | Color::Gray | Color::White
        )
    };
    ANSI.iter()
        .filter(|(color, _, _)| chroma < CHROMATIC || !is_grey(color))
        .min_by(|a, b_| distance((r, g, b), a.2).total_cmp(&distance((r, g, b), b_.2)))
        .map_or(Color::Reset, |(color, _, _)| *color)
}

/// A cheap perceptual distance ("redmean": weighted Euclidean RGB, weights shifting
/// with how red the pair is), much closer to what eyes see than plain RGB distance,
/// without the cost and code of a full colour-space conversion.
pub fn distance(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    let mean_red = (f64::from(a.0) + f64::from(b.0)) / 2.0;
    let dr = f64::from(a.0) - f64::from(b.0);
    let dg = f64::from(a.1) - f64::from(b.1);
    let db = f64::from(a.2) - f64::from(b.2);
    (2.0 + mean_red / 256.0) * dr * dr
        + 4.0 * dg * dg
        + (2.0 + (255.0 - mean_red) / 256.0) * db * db
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| value.to_string())
        }
    }

    #[test]
    fn support_from_the_environment() {
        use ColorSupport::*;
        assert_eq!(ColorSupport::from_env(env(&[])), Ansi16);
        assert_eq!(
            ColorSupport::from_env(env(&[("TERM", "xterm-256color")])),
            Ansi256
        );
        assert_eq!(
            ColorSupport::from_env(env(&[("TERM", "xterm"), ("COLORTERM", "truecolor")])),
            TrueColor
        );
        assert_eq!(
            ColorSupport::from_env(env(&[("COLORTERM", "24BIT")])),
            TrueColor
        );
        // COLORTERM=yes says "some colour", not how much.
        assert_eq!(
            ColorSupport::from_env(env(&[("COLORTERM", "yes"), ("TERM", "screen")])),
            Ansi16
        );
        let no_color = [("NO_COLOR", "1"), ("COLORTERM", "truecolor")];
        assert_eq!(ColorSupport::from_env(env(&no_color)), NoColor);
        // An empty NO_COLOR does not count (no-color.org).
        let empty = [("NO_COLOR", ""), ("TERM", "tmux-256color")];
        assert_eq!(ColorSupport::from_env(env(&empty)), Ansi256);
    }

    #[test]
    fn colour_values() {
        assert_eq!(parse_color("lightred"), Ok(Color::LightRed));
        assert_eq!(parse_color("Light-Red"), Ok(Color::LightRed));
        assert_eq!(parse_color("bright_red"), Ok(Color::LightRed));
        assert_eq!(parse_color("dark grey"), Ok(Color::DarkGray));
        assert_eq!(parse_color("reset"), Ok(Color::Reset));
        assert_eq!(parse_color("#7aA2f7"), Ok(Color::Rgb(0x7a, 0xa2, 0xf7)));
        assert_eq!(parse_color("214"), Ok(Color::Indexed(214)));
        assert_eq!(
            parse_color("lightrde"),
            Err("`lightrde` is not a colour; did you mean `lightred`?".to_string())
        );
        assert_eq!(
            parse_color("256"),
            Err("`256` is not a 256-colour index; use 0 to 255".to_string())
        );
        assert!(parse_color("#fff").unwrap_err().contains("six hex digits"));
        assert!(parse_color("rosy").unwrap_err().contains("\"#rrggbb\""));
    }

    #[test]
    fn index_to_rgb_follows_xterm() {
        assert_eq!(rgb_of_index(1), (205, 0, 0));
        assert_eq!(rgb_of_index(16), (0, 0, 0));
        assert_eq!(rgb_of_index(67), (95, 135, 175));
        assert_eq!(rgb_of_index(196), (255, 0, 0));
        assert_eq!(rgb_of_index(231), (255, 255, 255));
        assert_eq!(rgb_of_index(232), (8, 8, 8));
        assert_eq!(rgb_of_index(255), (238, 238, 238));
    }

    #[test]
    fn nearest_in_the_256_palette() {
        // Exact cube and ramp colours map to themselves.
        for index in 16..=255u8 {
            let (r, g, b) = rgb_of_index(index);
            let found = nearest_256(r, g, b);
            assert_eq!(rgb_of_index(found), (r, g, b), "index {index}");
        }
        assert_eq!(nearest_256(0, 0, 0), 16);
        assert_eq!(nearest_256(255, 255, 255), 231);
        // Mid grey is on the ramp (128 = 8 + 10 * 12), not the cube's 102 or 145.
        assert_eq!(nearest_256(128, 128, 128), 244);
        assert_eq!(nearest_256(0x7a, 0xa2, 0xf7), 111);
        // Channels round to the nearest level: 114 is nearer 95 than 135.
        assert_eq!(nearest_256(114, 0, 0), 16 + 36);
        assert_eq!(nearest_256(116, 0, 0), 16 + 72);
        // A warm amber stays warm.
        assert_eq!(nearest_256(0xff, 0xaf, 0x5f), 215);
    }

    #[test]
    fn nearest_of_the_16() {
        assert_eq!(nearest_16(0, 0, 0), Color::Black);
        assert_eq!(nearest_16(255, 255, 255), Color::White);
        assert_eq!(nearest_16(250, 10, 10), Color::LightRed);
        assert_eq!(nearest_16(190, 20, 10), Color::Red);
        assert_eq!(nearest_16(120, 125, 130), Color::DarkGray);
        assert_eq!(nearest_16(20, 30, 200), Color::Blue);
        assert_eq!(nearest_16(0, 180, 190), Color::Cyan);
        // Soft or dark colours keep their hue rather than turning grey.
        assert_eq!(nearest_16(0xff, 0x5f, 0x5f), Color::LightRed);
        assert_eq!(nearest_16(0x00, 0x79, 0x6b), Color::Cyan);
        assert_eq!(nearest_16(0x00, 0x3d, 0x73), Color::Blue);
        // ...while greyish ones are grey.
        assert_eq!(nearest_16(0x9a, 0xa0, 0xa6), Color::DarkGray);
        assert_eq!(nearest_16(0xee, 0xee, 0xe8), Color::Gray);
        // Amber and gold land on yellow, not on a cool colour.
        assert_eq!(nearest_16(0xff, 0xaf, 0x5f), Color::Yellow);
        assert_eq!(nearest_16(0xff, 0xd7, 0x5f), Color::LightYellow);
    }

    #[test]
    fn adapting_to_each_palette() {
        let amber = Color::Rgb(0xff, 0xaf, 0x5f);
        assert_eq!(ColorSupport::TrueColor.adapt(amber), amber);
        assert_eq!(ColorSupport::Ansi256.adapt(amber), Color::Indexed(215));
        assert_eq!(ColorSupport::Ansi16.adapt(amber), Color::Yellow);
        assert_eq!(ColorSupport::NoColor.adapt(amber), Color::Reset);
        // Names and indices are kept where the palette has them.
        assert_eq!(ColorSupport::Ansi16.adapt(Color::Cyan), Color::Cyan);
        assert_eq!(
            ColorSupport::Ansi256.adapt(Color::Indexed(214)),
            Color::Indexed(214)
        );
        assert_eq!(
            ColorSupport::Ansi16.adapt(Color::Indexed(196)),
            Color::LightRed
        );
        assert_eq!(ColorSupport::Ansi16.adapt(Color::Indexed(3)), Color::Yellow);
        assert_eq!(ColorSupport::Ansi16.adapt(Color::Reset), Color::Reset);
    }

    #[test]
    fn distance_weighs_green_most() {
        let black = (0, 0, 0);
        assert!(distance(black, (0, 100, 0)) > distance(black, (100, 0, 0)));
        assert!(distance(black, (0, 100, 0)) > distance(black, (0, 0, 100)));
        assert_eq!(distance((10, 20, 30), (10, 20, 30)), 0.0);
    }
}
