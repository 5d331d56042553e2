//! The one table of keys. Input, the footer hints and the `?` overlay all read it, so
//! what the screen says a key does is what the key does.

use std::fmt;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;

/// Where the focus is, which decides what a key means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Typing in a text area: printable keys are text.
    Writing,
    /// On Today, moving between prompts.
    Browsing,
    /// On an energy or outlook rating.
    Rating,
    /// On a scale, number or yes/no answer.
    Answer,
    /// The `?` overlay is open.
    Help,
    /// The prompt picker is open: printable keys are the search.
    Picker,
    /// On the Packs screen.
    Packs,
    /// A yes/no question is on screen.
    Confirm,
}

impl Mode {
    pub fn title(self) -> &'static str {
        match self {
            Mode::Writing => "While writing",
            Mode::Browsing => "On a prompt",
            Mode::Rating => "On a rating",
            Mode::Answer => "On a scale, number or yes/no answer",
            Mode::Help => "In this help",
            Mode::Picker => "In the prompt picker",
            Mode::Packs => "On Packs",
            Mode::Confirm => "When asked to confirm",
        }
    }
}

/// A key with its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl Key {
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            modifiers: KeyModifiers::NONE,
        }
    }

    pub const fn char(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            modifiers: KeyModifiers::CONTROL,
        }
    }

    /// Whether a terminal key event is this key. Shift is ignored for characters,
    /// since terminals disagree on reporting it with `?` or `+`.
    pub fn matches(&self, event: &KeyEvent) -> bool {
        let (code, modifiers) = normalise(event);
        code == self.code && modifiers == self.modifiers
    }
}

fn normalise(event: &KeyEvent) -> (KeyCode, KeyModifiers) {
    let mut modifiers =
        event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
    let code = match event.code {
        KeyCode::Char(c) => {
            modifiers.remove(KeyModifiers::SHIFT);
            KeyCode::Char(if modifiers.contains(KeyModifiers::CONTROL) {
                c.to_ascii_lowercase()
            } else {
                c
            })
        }
        KeyCode::BackTab => {
            modifiers.remove(KeyModifiers::SHIFT);
            KeyCode::BackTab
        }
        other => other,
    };
    (code, modifiers)
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            f.write_str("Ctrl-")?;
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            f.write_str("Alt-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) if self.modifiers.contains(KeyModifiers::CONTROL) => {
                write!(f, "{}", c.to_ascii_uppercase())
            }
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::Backspace => f.write_str("Backspace"),
            KeyCode::Delete => f.write_str("Delete"),
            KeyCode::F(n) => write!(f, "F{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// One row of the table: these keys, in these modes, do this.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub keys: &'static [Key],
    /// Empty means every mode.
    pub modes: &'static [Mode],
    pub action: Action,
    /// What it does, in a few words, for the footer and the help.
    pub label: &'static str,
    /// Whether the footer shows it (the help shows every binding).
    pub in_footer: bool,
}

impl Binding {
    pub fn applies_in(&self, mode: Mode) -> bool {
        self.modes.is_empty() || self.modes.contains(&mode)
    }

    /// The keys as one label, e.g. `↑/k`.
    pub fn keys_label(&self) -> String {
        self.keys
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("/")
    }
}

use Mode::{Answer, Browsing, Confirm, Help, Packs, Picker, Rating, Writing};

const NOT_HELP: &[Mode] = &[Writing, Browsing, Rating, Answer];
const MOVING: &[Mode] = &[Browsing, Rating, Answer];
const SCREENS: &[Mode] = &[Browsing, Rating, Answer, Packs];

/// Every key the app knows. Order is the order of the footer and the help.
#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    Binding { keys: &[Key::ctrl('s')], modes: NOT_HELP, action: Action::Save, label: "save", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::Tab)], modes: NOT_HELP, action: Action::FocusNext, label: "next", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::BackTab)], modes: NOT_HELP, action: Action::FocusPrev, label: "previous", in_footer: false },
    Binding { keys: &[Key::plain(KeyCode::Esc)], modes: &[Writing], action: Action::StopEditing, label: "stop writing", in_footer: true },
    Binding { keys: &[Key::ctrl('e')], modes: &[Writing, Browsing], action: Action::ExternalEditor, label: "$EDITOR", in_footer: true },
    Binding { keys: &[Key::ctrl('z')], modes: &[Writing], action: Action::Undo, label: "undo", in_footer: false },
    Binding { keys: &[Key::ctrl('y')], modes: &[Writing], action: Action::Redo, label: "redo", in_footer: false },
    Binding { keys: &[Key::plain(KeyCode::Enter), Key::char('i')], modes: &[Browsing], action: Action::StartEditing, label: "write", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::Enter), Key::char('i')], modes: &[Answer], action: Action::StartEditing, label: "write a note", in_footer: true },
    Binding { keys: &[Key::char('n')], modes: &[Browsing], action: Action::OtherPrompt, label: "another prompt", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::Down), Key::char('j')], modes: MOVING, action: Action::FocusNext, label: "next", in_footer: false },
    Binding { keys: &[Key::plain(KeyCode::Up), Key::char('k')], modes: MOVING, action: Action::FocusPrev, label: "previous", in_footer: false },
    Binding { keys: &[Key::plain(KeyCode::Right), Key::char('l'), Key::char('+')], modes: &[Rating, Answer], action: Action::RatingUp, label: "higher", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::Left), Key::char('h'), Key::char('-')], modes: &[Rating, Answer], action: Action::RatingDown, label: "lower", in_footer: true },
    Binding { keys: &[Key::char('0')], modes: &[Answer], action: Action::AnswerDigit(0), label: "type the answer", in_footer: false },
    Binding { keys: &[Key::char('1')], modes: &[Answer], action: Action::AnswerDigit(1), label: "type the answer", in_footer: false },
    Binding { keys: &[Key::char('2')], modes: &[Answer], action: Action::AnswerDigit(2), label: "type the answer", in_footer: false },
    Binding { keys: &[Key::char('3')], modes: &[Answer], action: Action::AnswerDigit(3), label: "type the answer", in_footer: false },
    Binding { keys: &[Key::char('4')], modes: &[Answer], action: Action::AnswerDigit(4), label: "type the answer", in_footer: false },
    Binding { keys: &[Key::char('5')], modes: &[Answer], action: Action::AnswerDigit(5), label: "type the answer", in_footer: false },
    Binding { keys: &[Key::char('6')], modes: &[Answer], action: Action::AnswerDigit(6), label: "type the answer", in_footer: false },
    Binding { keys: &[Key::char('7')], modes: &[Answer], action: Action::AnswerDigit(7), label: "type the answer", in_footer: false },
    Binding { keys: &[Key::char('8')], modes: &[Answer], action: Action::AnswerDigit(8), label: "type the answer", in_footer: false },
    Binding { keys: &[Key::char('9')], modes: &[Answer], action: Action::AnswerDigit(9), label: "type the answer", in_footer: false },
    Binding { keys: &[Key::char('y')], modes: &[Answer], action: Action::AnswerYes, label: "yes", in_footer: false },
    Binding { keys: &[Key::char('n')], modes: &[Answer], action: Action::AnswerNo, label: "no", in_footer: false },
    Binding { keys: &[Key::plain(KeyCode::Backspace)], modes: &[Answer], action: Action::AnswerErase, label: "erase", in_footer: false },
    Binding { keys: &[Key::char('1')], modes: &[Rating], action: Action::SetRating(1), label: "rate 1 to 5", in_footer: false },
    Binding { keys: &[Key::char('2')], modes: &[Rating], action: Action::SetRating(2), label: "rate 1 to 5", in_footer: false },
    Binding { keys: &[Key::char('3')], modes: &[Rating], action: Action::SetRating(3), label: "rate 1 to 5", in_footer: false },
    Binding { keys: &[Key::char('4')], modes: &[Rating], action: Action::SetRating(4), label: "rate 1 to 5", in_footer: false },
    Binding { keys: &[Key::char('5')], modes: &[Rating], action: Action::SetRating(5), label: "rate 1 to 5", in_footer: false },
    Binding { keys: &[Key::char('0'), Key::plain(KeyCode::Backspace)], modes: &[Rating], action: Action::ClearRating, label: "clear rating", in_footer: false },
    Binding { keys: &[Key::char('/')], modes: MOVING, action: Action::OpenPicker, label: "pick any prompt", in_footer: true },
    Binding { keys: &[Key::char('j'), Key::plain(KeyCode::Down)], modes: &[Packs], action: Action::Down, label: "next pack", in_footer: false },
    Binding { keys: &[Key::char('k'), Key::plain(KeyCode::Up)], modes: &[Packs], action: Action::Up, label: "previous pack", in_footer: false },
    Binding { keys: &[Key::char('s')], modes: &[Packs], action: Action::StartPack, label: "start", in_footer: true },
    Binding { keys: &[Key::char('p')], modes: &[Packs], action: Action::TogglePause, label: "pause/resume", in_footer: true },
    Binding { keys: &[Key::char('x'), Key::plain(KeyCode::Delete)], modes: &[Packs], action: Action::RemovePack, label: "remove", in_footer: true },
    Binding { keys: &[Key::char('y')], modes: &[Confirm], action: Action::Confirm, label: "yes", in_footer: true },
    Binding { keys: &[Key::char('n'), Key::plain(KeyCode::Esc)], modes: &[Confirm], action: Action::Close, label: "no", in_footer: true },
    Binding { keys: &[Key::char(']')], modes: SCREENS, action: Action::NextScreen, label: "next screen", in_footer: true },
    Binding { keys: &[Key::char('[')], modes: SCREENS, action: Action::PrevScreen, label: "previous screen", in_footer: false },
    Binding { keys: &[Key::char('?'), Key::plain(KeyCode::F(1))], modes: SCREENS, action: Action::ShowHelp, label: "help", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::F(1))], modes: &[Writing], action: Action::ShowHelp, label: "help", in_footer: true },
    Binding { keys: &[Key::char('q')], modes: SCREENS, action: Action::Quit, label: "quit", in_footer: true },
    Binding { keys: &[Key::ctrl('c')], modes: &[], action: Action::Quit, label: "quit (drafts kept)", in_footer: false },
    Binding { keys: &[Key::plain(KeyCode::Down), Key::char('j')], modes: &[Help], action: Action::Down, label: "scroll", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::Up), Key::char('k')], modes: &[Help], action: Action::Up, label: "scroll up", in_footer: false },
    Binding { keys: &[Key::plain(KeyCode::Esc), Key::char('?'), Key::char('q')], modes: &[Help], action: Action::Close, label: "close help", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::Enter)], modes: &[Picker], action: Action::Choose, label: "answer it", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::Down), Key::ctrl('n')], modes: &[Picker], action: Action::Down, label: "next", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::Up), Key::ctrl('p')], modes: &[Picker], action: Action::Up, label: "previous", in_footer: false },
    Binding { keys: &[Key::plain(KeyCode::Tab)], modes: &[Picker], action: Action::NextGroup, label: "narrow to a frame", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::BackTab)], modes: &[Picker], action: Action::PrevGroup, label: "previous frame", in_footer: false },
    Binding { keys: &[Key::plain(KeyCode::Esc)], modes: &[Picker], action: Action::Close, label: "close", in_footer: true },
];

/// The action a key asks for in `mode`, if any. In [`Mode::Writing`] an unbound key
/// is text for the editor.
pub fn action_for(mode: Mode, event: &KeyEvent) -> Option<Action> {
    BINDINGS
        .iter()
        .filter(|binding| binding.applies_in(mode))
        .find(|binding| binding.keys.iter().any(|key| key.matches(event)))
        .map(|binding| binding.action)
}

/// The footer's hints for `mode`: `(keys, label)` pairs.
pub fn footer_hints(mode: Mode) -> Vec<(String, &'static str)> {
    BINDINGS
        .iter()
        .filter(|binding| binding.in_footer && binding.applies_in(mode))
        .map(|binding| (binding.keys_label(), binding.label))
        .collect()
}

/// The help's rows for `mode`: bindings that share a label are merged into one row
/// (`1/2/3/4/5  rate 1 to 5`).
pub fn help_rows(mode: Mode) -> Vec<(String, &'static str)> {
    let mut rows: Vec<(String, &'static str)> = Vec::new();
    for binding in BINDINGS.iter().filter(|binding| binding.applies_in(mode)) {
        match rows.iter_mut().find(|(_, label)| *label == binding.label) {
            Some((keys, _)) => {
                keys.push('/');
                keys.push_str(&binding.keys_label());
            }
            None => rows.push((binding.keys_label(), binding.label)),
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn no_key_means_two_things_in_one_mode() {
        for mode in [
            Writing, Browsing, Rating, Answer, Help, Picker, Packs, Confirm,
        ] {
            let mut seen: Vec<Key> = Vec::new();
            for binding in BINDINGS.iter().filter(|b| b.applies_in(mode)) {
                for key in binding.keys {
                    assert!(!seen.contains(key), "{key} is bound twice in {mode:?}");
                    seen.push(*key);
                }
            }
        }
    }

    #[test]
    fn writing_leaves_printable_keys_to_the_text() {
        for c in ['q', '?', 'n', 'j', '1', ' ', 'é'] {
            assert_eq!(
                action_for(Writing, &press(KeyCode::Char(c), KeyModifiers::NONE)),
                None
            );
        }
        let shifted = press(KeyCode::Char('Q'), KeyModifiers::SHIFT);
        assert_eq!(action_for(Writing, &shifted), None);
    }

    #[test]
    fn keys_that_hold_everywhere() {
        for mode in [Writing, Browsing, Rating] {
            let ctrl_s = press(KeyCode::Char('s'), KeyModifiers::CONTROL);
            assert_eq!(action_for(mode, &ctrl_s), Some(Action::Save));
            let tab = press(KeyCode::Tab, KeyModifiers::NONE);
            assert_eq!(action_for(mode, &tab), Some(Action::FocusNext));
            let back_tab = press(KeyCode::BackTab, KeyModifiers::SHIFT);
            assert_eq!(action_for(mode, &back_tab), Some(Action::FocusPrev));
        }
        for mode in [Writing, Browsing, Rating, Help] {
            let ctrl_c = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
            assert_eq!(action_for(mode, &ctrl_c), Some(Action::Quit));
        }
        let question = press(KeyCode::Char('?'), KeyModifiers::SHIFT);
        assert_eq!(action_for(Browsing, &question), Some(Action::ShowHelp));
        let esc = press(KeyCode::Esc, KeyModifiers::NONE);
        assert_eq!(action_for(Writing, &esc), Some(Action::StopEditing));
    }

    #[test]
    fn help_merges_keys_that_share_a_label() {
        let rows = help_rows(Rating);
        let rate = rows
            .iter()
            .find(|(_, label)| *label == "rate 1 to 5")
            .unwrap();
        assert_eq!(rate.0, "1/2/3/4/5");
        assert!(footer_hints(Writing).iter().any(|(keys, _)| keys == "Esc"));
    }
}
