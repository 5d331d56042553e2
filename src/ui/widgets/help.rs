//! The `?` overlay: every key of every mode, read from the keymap.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};

use crate::ui::keymap::{Keymap, Mode};
use crate::ui::theme::Theme;

/// The modes listed, in the order a person meets them.
const SECTIONS: [Mode; 11] = [
    Mode::Writing,
    Mode::Browsing,
    Mode::Rating,
    Mode::Answer,
    Mode::Practice,
    Mode::Commitments,
    Mode::People,
    Mode::Form,
    Mode::Trends,
    Mode::Review,
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
            lines.push(Line::from(vec![
                Span::styled(
                    format!("  {keys:<18}"),
                    theme.accent.add_modifier(Modifier::BOLD),
                ),
                Span::styled(label, theme.text),
            ]));
        }
    }
    lines
}

/// Draws the overlay centred over `area`, scrolled down by `scroll` lines.
pub fn render(keymap: &Keymap, theme: &Theme, scroll: u16, frame: &mut Frame, area: Rect) {
    let lines = lines(keymap, theme);
    let height = (lines.len() as u16 + 2).min(area.height);
    let width = 56.min(area.width);
    let [popup] = Layout::vertical([Constraint::Length(height)])
        .flex(Flex::Center)
        .areas(area);
    let [popup] = Layout::horizontal([Constraint::Length(width)])
        .flex(Flex::Center)
        .areas(popup);
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
