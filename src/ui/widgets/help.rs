//! The `?` overlay: every key of every mode, read from the keymap.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};

use crate::ui::keymap::{Keymap, Mode};
use crate::ui::theme::Theme;

/// The modes listed, in the order a person meets them. Every mode has a section
/// (a test holds this), so no key is missing from the help.
pub const SECTIONS: [Mode; 27] = [
    Mode::Browsing,
    Mode::Writing,
    Mode::Rating,
    Mode::Answer,
    Mode::Practice,
    Mode::Picker,
    Mode::CommitmentPicker,
    Mode::PersonPicker,
    Mode::Journal,
    Mode::JournalSearch,
    Mode::EntryEdit,
    Mode::DateInput,
    Mode::Calendar,
    Mode::ListPicker,
    Mode::Packs,
    Mode::Commitments,
    Mode::People,
    Mode::PeopleNotes,
    Mode::Form,
    Mode::LineInput,
    Mode::Trends,
    Mode::Review,
    Mode::Export,
    Mode::ExportInput,
    Mode::Themes,
    Mode::Confirm,
    Mode::Help,
];

/// All lines of the help, so the caller can bound scrolling.
pub fn lines(keymap: &Keymap, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for mode in SECTIONS {
        if !lines.is_empty() {
            lines.push(Line::raw(""));
        }
        lines.push(Line::styled(mode.title(), theme.title));
        for (keys, label) in keymap.help_rows(mode) {
            let width = keys.chars().count().max(17) + 1;
            lines.push(Line::from(vec![
                Span::styled(
                    format!("  {keys:<width$}"),
                    theme.accent.add_modifier(Modifier::BOLD),
                ),
                Span::styled(label, theme.text),
            ]));
        }
    }
    lines
}

/// The line where `mode`'s section starts, so the help opens on the keys for where
/// the person is.
pub fn section_start(keymap: &Keymap, mode: Mode) -> u16 {
    let mut line = 0usize;
    for section in SECTIONS {
        if section == mode {
            break;
        }
        line += 2 + keymap.help_rows(section).len();
    }
    line as u16
}

/// Draws the overlay centred over `area`, scrolled down by `scroll` lines.
pub fn render(keymap: &Keymap, theme: &Theme, scroll: u16, frame: &mut Frame, area: Rect) {
    let lines = lines(keymap, theme);
    let height = (lines.len() as u16 + 2).min(area.height);
    let width = 56.min(area.width);
    let popup = area.centered(Constraint::Length(width), Constraint::Length(height));
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border_focus)
        .title(Line::styled(" Keys ", theme.title))
        .title_bottom(Line::styled(" Esc close · ↑↓ scroll ", theme.muted).right_aligned());
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines).block(block).scroll((scroll, 0)),
        popup,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::keymap::ALL_MODES;

    #[test]
    fn every_mode_has_a_section_with_keys() {
        let keymap = Keymap::default();
        for mode in ALL_MODES {
            assert!(SECTIONS.contains(&mode), "{mode:?} has no help section");
            assert!(
                !keymap.help_rows(mode).is_empty(),
                "{mode:?} has no keys in the help"
            );
        }
    }

    #[test]
    fn the_help_opens_on_the_section_asked_for() {
        let keymap = Keymap::default();
        let theme = Theme::default();
        let lines = lines(&keymap, &theme);
        for mode in ALL_MODES {
            let at = usize::from(section_start(&keymap, mode));
            assert_eq!(lines[at].to_string(), mode.title());
        }
    }

    #[test]
    fn every_binding_is_in_the_help() {
        let keymap = Keymap::default();
        for binding in crate::ui::keymap::BINDINGS {
            let modes: Vec<Mode> = if binding.modes.is_empty() {
                ALL_MODES.to_vec()
            } else {
                binding.modes.to_vec()
            };
            for mode in modes {
                assert!(
                    keymap
                        .help_rows(mode)
                        .iter()
                        .any(|(_, label)| *label == binding.label),
                    "{:?} in {mode:?} is not in the help",
                    binding.action
                );
            }
        }
    }
}
