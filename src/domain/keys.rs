//! Key strings as people write them in `config.toml` (`"ctrl-s"`, `"shift-tab"`,
//! `"f1"`, `"?"`), parsed into a [`KeySpec`].
//!
//! Pure and terminal-neutral on purpose: the UI maps a [`KeySpec`] to its terminal
//! library's key type, so the rules for writing keys are testable without a terminal.

use std::fmt;

use super::problem::closest;

/// A key as a person wrote it: a key and the modifiers held with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeySpec {
    pub code: Code,
    pub ctrl: bool,
    pub alt: bool,
    /// Only ever set for non-character keys (`shift-tab`, `shift-up`): a shifted
    /// letter is written as the capital letter itself, which is what terminals send.
    pub shift: bool,
}

/// Which key, without modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Code {
    /// A printable character; `Char(' ')` is the space bar.
    Char(char),
    /// A function key, `F(1)` to `F(24)`.
    F(u8),
    Enter,
    Esc,
    Tab,
    Backspace,
    Delete,
    Insert,
    Home,
    End,
    PageUp,
    PageDown,
    Up,
    Down,
    Left,
    Right,
}

/// A key string that names no key. Displays as ``"`ctrl-entr`: unknown key `entr`;
/// did you mean `enter`?"``, so it can be put after a file and line as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyError {
    /// The whole string as written.
    pub key: String,
    pub message: String,
}

impl fmt::Display for KeyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}`: {}", self.key, self.message)
    }
}

impl std::error::Error for KeyError {}

/// Named keys and the names they may be written with; the first name is the one
/// [`KeySpec`]'s `Display` writes.
const NAMED: &[(Code, &[&str])] = &[
    (Code::Enter, &["enter", "return", "ret"]),
    (Code::Esc, &["esc", "escape"]),
    (Code::Tab, &["tab"]),
    (Code::Backspace, &["backspace", "bs"]),
    (Code::Delete, &["delete", "del"]),
    (Code::Insert, &["insert", "ins"]),
    (Code::Home, &["home"]),
    (Code::End, &["end"]),
    (Code::PageUp, &["pageup", "pgup"]),
    (Code::PageDown, &["pagedown", "pgdn", "pgdown"]),
    (Code::Up, &["up"]),
    (Code::Down, &["down"]),
    (Code::Left, &["left"]),
    (Code::Right, &["right"]),
    (Code::Char(' '), &["space"]),
    // Characters that are awkward inside a key string, by name.
    (Code::Char('-'), &["minus"]),
    (Code::Char('+'), &["plus"]),
];

const HIGHEST_F_KEY: u8 = 24;

impl KeySpec {
    /// A plain key, no modifiers.
    pub const fn plain(code: Code) -> KeySpec {
        KeySpec {
            code,
            ctrl: false,
            alt: false,
            shift: false,
        }
    }

    /// Parses `ctrl-s`, `Ctrl+S`, `alt-enter`, `shift-tab` (or `backtab`), `f5`, `space`,
    /// `?`, `G`. Modifiers (`ctrl`/`control`, `alt`/`meta`/`option`, `shift`) come
    /// first, joined by `-` or `+`; names are case-insensitive, single characters are
    /// taken as written (`G` is shift-g), except that `ctrl-S` is `ctrl-s` because
    /// terminals cannot tell the two apart.
    pub fn parse(text: &str) -> Result<KeySpec, KeyError> {
        let error = |message: String| KeyError {
            key: text.to_string(),
            message,
        };
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Err(error("an empty key; write one like \"ctrl-s\"".to_string()));
        }
        let (mut ctrl, mut alt, mut shift) = (false, false, false);
        let mut rest = trimmed;
        while let Some((modifier, after)) = split_modifier(rest) {
            let flag = match modifier {
                Modifier::Ctrl => &mut ctrl,
                Modifier::Alt => &mut alt,
                Modifier::Shift => &mut shift,
            };
            if *flag {
                return Err(error(format!("`{}` is written twice", modifier.name())));
            }
            *flag = true;
            rest = after;
        }
        if rest.is_empty() {
            return Err(error(
                "names modifiers but no key; add one, e.g. \"ctrl-s\"".to_string(),
            ));
        }
        let mut code = if rest.eq_ignore_ascii_case("backtab") {
            // What some terminals and other programs' configs call shift-tab.
            shift = true;
            Code::Tab
        } else {
            code_for(rest).map_err(error)?
        };
        if let Code::Char(c) = code {
            if shift {
                // A terminal sends shift-g as `G`; asking for shift with a non-letter
                // (shift-1) depends on the keyboard layout, so the character itself is
                // the only unambiguous way to write it.
                if !c.is_alphabetic() {
                    return Err(error(format!(
                        "shift with `{c}` depends on the keyboard; write the character \
                         shift gives instead (e.g. \"?\" rather than \"shift-/\")"
                    )));
                }
                code = Code::Char(c.to_uppercase().next().unwrap_or(c));
                shift = false;
            }
            if ctrl {
                code = Code::Char(c.to_ascii_lowercase());
            }
        }
        Ok(KeySpec {
            code,
            ctrl,
            alt,
            shift,
        })
    }
}

#[derive(Clone, Copy)]
enum Modifier {
    Ctrl,
    Alt,
    Shift,
}

impl Modifier {
    fn name(self) -> &'static str {
        match self {
            Modifier::Ctrl => "ctrl",
            Modifier::Alt => "alt",
            Modifier::Shift => "shift",
        }
    }
}

/// Splits a leading `ctrl-` (or `ctrl+`, any case) off `text`. A lone `-` or `+`
/// after a modifier is the key itself (`ctrl--`), so a separator needs something
/// after it.
fn split_modifier(text: &str) -> Option<(Modifier, &str)> {
    let (word, rest) = text.split_once(['-', '+'])?;
    let modifier = match word.to_ascii_lowercase().as_str() {
        "ctrl" | "control" => Modifier::Ctrl,
        "alt" | "meta" | "option" | "opt" => Modifier::Alt,
        "shift" => Modifier::Shift,
        _ => return None,
    };
    Some((modifier, rest))
}

fn code_for(name: &str) -> Result<Code, String> {
    let mut chars = name.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return Ok(Code::Char(c));
    }
    let lower = name.to_ascii_lowercase();
    if let Some((code, _)) = NAMED
        .iter()
        .find(|(_, names)| names.contains(&lower.as_str()))
    {
        return Ok(*code);
    }
    if let Some(number) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
        return if (1..=HIGHEST_F_KEY).contains(&number) {
            Ok(Code::F(number))
        } else {
            Err(format!(
                "there is no key F{number}; function keys go from F1 to F{HIGHEST_F_KEY}"
            ))
        };
    }
    let known = NAMED.iter().flat_map(|(_, names)| names.iter().copied());
    Err(match closest(&lower, known) {
        Some(best) => format!("unknown key `{name}`; did you mean `{best}`?"),
        None => format!(
            "unknown key `{name}`; write one character (\"k\", \"?\"), a name ({}) or f1 to f{HIGHEST_F_KEY}",
            NAMED
                .iter()
                .map(|(_, names)| names[0])
                .collect::<Vec<_>>()
                .join(", ")
        ),
    })
}

impl fmt::Display for KeySpec {
    /// The canonical string: lower-case names, modifiers in the order ctrl, alt,
    /// shift (`ctrl-alt-delete`), which [`KeySpec::parse`] reads back as the same key.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("ctrl-")?;
        }
        if self.alt {
            f.write_str("alt-")?;
        }
        if self.shift {
            f.write_str("shift-")?;
        }
        if let Some((_, names)) = NAMED.iter().find(|(code, _)| *code == self.code) {
            return f.write_str(names[0]);
        }
        match self.code {
            Code::Char(c) => write!(f, "{c}"),
            Code::F(n) => write!(f, "f{n}"),
            // Every other code is in NAMED.
            other => write!(f, "{other:?}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: Code, ctrl: bool, alt: bool, shift: bool) -> KeySpec {
        KeySpec {
            code,
            ctrl,
            alt,
            shift,
        }
    }

    fn parse(text: &str) -> KeySpec {
        KeySpec::parse(text).unwrap_or_else(|error| panic!("{error}"))
    }

    fn message(text: &str) -> String {
        KeySpec::parse(text).unwrap_err().to_string()
    }

    #[test]
    fn modifiers_any_case_and_either_separator() {
        let ctrl_s = key(Code::Char('s'), true, false, false);
        for text in ["ctrl-s", "Ctrl+S", "CTRL-s", "control-s", " ctrl-s "] {
            assert_eq!(parse(text), ctrl_s, "{text}");
        }
        assert_eq!(
            parse("ctrl-alt-delete"),
            key(Code::Delete, true, true, false)
        );
        assert_eq!(parse("alt+Enter"), key(Code::Enter, false, true, false));
        assert_eq!(parse("meta-x"), key(Code::Char('x'), false, true, false));
    }

    #[test]
    fn named_keys_and_function_keys() {
        assert_eq!(parse("tab"), KeySpec::plain(Code::Tab));
        assert_eq!(parse("shift-tab"), key(Code::Tab, false, false, true));
        assert_eq!(parse("BackTab"), parse("shift-tab"));
        assert_eq!(parse("Esc"), KeySpec::plain(Code::Esc));
        assert_eq!(parse("escape"), KeySpec::plain(Code::Esc));
        assert_eq!(parse("return"), KeySpec::plain(Code::Enter));
        assert_eq!(parse("space"), KeySpec::plain(Code::Char(' ')));
        assert_eq!(parse("PgDn"), KeySpec::plain(Code::PageDown));
        assert_eq!(parse("f1"), KeySpec::plain(Code::F(1)));
        assert_eq!(parse("F12"), KeySpec::plain(Code::F(12)));
        assert_eq!(parse("shift-up"), key(Code::Up, false, false, true));
    }

    #[test]
    fn single_characters_are_taken_as_written() {
        assert_eq!(parse("?"), KeySpec::plain(Code::Char('?')));
        assert_eq!(parse("G"), KeySpec::plain(Code::Char('G')));
        assert_eq!(parse("é"), KeySpec::plain(Code::Char('é')));
        // A lone separator character is the key itself.
        assert_eq!(parse("-"), KeySpec::plain(Code::Char('-')));
        assert_eq!(parse("+"), KeySpec::plain(Code::Char('+')));
        assert_eq!(parse("ctrl--"), key(Code::Char('-'), true, false, false));
        assert_eq!(parse("ctrl-+"), key(Code::Char('+'), true, false, false));
        assert_eq!(parse("minus"), KeySpec::plain(Code::Char('-')));
        assert_eq!(parse("s"), KeySpec::plain(Code::Char('s')));
    }

    #[test]
    fn shift_with_a_letter_is_the_capital_and_ctrl_ignores_case() {
        assert_eq!(parse("shift-g"), parse("G"));
        assert_eq!(parse("ctrl-S"), parse("ctrl-s"));
        assert_eq!(
            parse("ctrl-shift-s"),
            key(Code::Char('s'), true, false, false)
        );
        assert_eq!(parse("alt-S"), key(Code::Char('S'), false, true, false));
    }

    #[test]
    fn errors_name_the_bad_key() {
        assert_eq!(
            message("ctrl-entr"),
            "`ctrl-entr`: unknown key `entr`; did you mean `enter`?"
        );
        assert_eq!(message(""), "``: an empty key; write one like \"ctrl-s\"");
        assert_eq!(
            message("ctrl-"),
            "`ctrl-`: names modifiers but no key; add one, e.g. \"ctrl-s\""
        );
        assert_eq!(
            message("ctrl-ctrl-s"),
            "`ctrl-ctrl-s`: `ctrl` is written twice"
        );
        assert_eq!(
            message("f25"),
            "`f25`: there is no key F25; function keys go from F1 to F24"
        );
        assert!(message("shift-1").contains("depends on the keyboard"));
        assert!(message("hyper-x").starts_with("`hyper-x`: unknown key `hyper-x`; write one"));
    }

    #[test]
    fn display_reads_back_as_the_same_key() {
        for text in [
            "ctrl-s",
            "shift-tab",
            "alt-enter",
            "f5",
            "space",
            "?",
            "G",
            "ctrl--",
            "+",
            "ctrl-alt-delete",
            "pageup",
            "é",
            "shift-left",
            "esc",
            "backspace",
        ] {
            let parsed = parse(text);
            let shown = parsed.to_string();
            assert_eq!(parse(&shown), parsed, "{text} -> {shown}");
        }
        assert_eq!(parse("Ctrl+PgDn").to_string(), "ctrl-pagedown");
        assert_eq!(parse("-").to_string(), "minus");
    }
}
