//! The key-hint line at the bottom of every screen, read from the keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::ui::keymap::{Keymap, Mode};
use crate::ui::theme::Theme;

/// Draws the hints for `mode`, as many as fit, in keymap order.
pub fn render(keymap: &Keymap, mode: Mode, theme: &Theme, frame: &mut Frame, area: Rect) {
    let mut spans = Vec::new();
    let mut used = 0usize;
    for (keys, label) in keymap.footer_hints(mode) {
        let width = keys.chars().count() + label.chars().count() + 3;
        if used + width > usize::from(area.width) {
            break;
        }
        used += width;
        spans.push(Span::raw(" "));
        spans.push(Span::styled(
            keys,
            theme.accent.add_modifier(Modifier::BOLD),
        ));
        spans.push(Span::raw(" "));
        spans.push(Span::styled(label, theme.muted));
        spans.push(Span::raw(" "));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
