//! A problem found in a file a person wrote or edited, located by line and column so
//! they can fix it.

use std::fmt;

/// What went wrong, where. Displays as `file:line:column: message`, the shape editors
/// and terminals recognise as a jump target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file as the person would name it (a path, or `<built-in>/...`).
    pub source: String,
    /// 1-based line and column, when the problem has a place.
    pub position: Option<(usize, usize)>,
    pub message: String,
}

impl Problem {
    pub fn new(source: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem {
            source: source.into(),
            position: None,
            message: message.into(),
        }
    }

    pub fn at(mut self, position: Option<(usize, usize)>) -> Problem {
        self.position = position;
        self
    }

    /// A problem from a TOML parse or decode error, located in `text`. Serde's
    /// "unknown field" becomes [`unknown_key`], with the likely meant key.
    pub fn from_toml(source: impl Into<String>, text: &str, error: &toml::de::Error) -> Problem {
        let position = error.span().map(|span| line_column(text, span.start));
        let message = error.message().trim();
        let message = serde_unknown_field(message)
            .map(|(key, choices)| unknown_key(key, &choices))
            .unwrap_or_else(|| message.to_string());
        Problem::new(source, message).at(position)
    }
}

/// The key and the expected keys of serde's "unknown field `x`, expected one of `a`,
/// `b`" (or "expected `a`").
fn serde_unknown_field(message: &str) -> Option<(&str, Vec<&str>)> {
    let (key, expected) = message.strip_prefix("unknown field `")?.split_once('`')?;
    Some((key, expected.split('`').skip(1).step_by(2).collect()))
}

/// "unknown key `colour`; did you mean `color`?", or the keys there are.
pub fn unknown_key(key: &str, choices: &[&str]) -> String {
    match closest(key, choices.iter().copied()) {
        Some(best) => format!("unknown key `{key}`; did you mean `{best}`?"),
        None => format!("unknown key `{key}`; the keys are {}", choices.join(", ")),
    }
}

/// The choice closest to a mistyped `word`, if one is close enough to be a typo.
pub fn closest<'a>(word: &str, choices: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    choices
        .map(|choice| (strsim::jaro_winkler(word, choice), choice))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, choice)| choice)
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some((line, column)) => {
                write!(f, "{}:{line}:{column}: {}", self.source, self.message)
            }
            None => write!(f, "{}: {}", self.source, self.message),
        }
    }
}

impl std::error::Error for Problem {}

/// The 1-based line and column (in characters) of a byte offset in `text`.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters_not_bytes() {
        let text = "a = 1\nb = \"é\" x\n";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 6), (2, 1));
        let x = text.find('x').unwrap();
        assert_eq!(line_column(text, x), (2, 9));
        assert_eq!(line_column(text, 10_000), (3, 1));
    }

    #[test]
    fn toml_errors_carry_their_place() {
        let text = "version = 1\ndate = \n";
        let error = toml::from_str::<toml::Table>(text).unwrap_err();
        let problem = Problem::from_toml("day.toml", text, &error);
        assert_eq!(problem.position.map(|(line, _)| line), Some(2));
        assert!(problem.to_string().starts_with("day.toml:2:"));
    }

    #[test]
    fn an_unknown_key_names_the_key_meant_or_the_keys_there_are() {
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Pack {
            title: String,
            author: Option<String>,
        }
        let problem = |text: &str| {
            let error = toml::from_str::<Pack>(text).unwrap_err();
            Problem::from_toml("pack.toml", text, &error).to_string()
        };
        assert_eq!(
            problem("title = \"A\"\nauthr = \"B\"\n"),
            "pack.toml:2:1: unknown key `authr`; did you mean `author`?"
        );
        assert_eq!(
            problem("title = \"A\"\ncolour = 3\n"),
            "pack.toml:2:1: unknown key `colour`; the keys are title, author"
        );
    }
}
