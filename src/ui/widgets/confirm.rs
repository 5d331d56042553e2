//! A yes/no question over the screen.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Clear, Padding, Paragraph, Wrap};

use crate::ui::theme::Theme;

pub fn render(question: &str, theme: &Theme, frame: &mut Frame, area: Rect) {
    let width = 60.min(area.width);
    let popup = area.centered(Constraint::Length(width), Constraint::Length(7));
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.warning)
        .padding(Padding::horizontal(1))
        .title(Line::styled(" Are you sure? ", theme.title));
    let text = vec![
        Line::styled(question.to_string(), theme.text),
        Line::raw(""),
        Line::styled("y yes · n or Esc no", theme.muted),
    ];
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(text).wrap(Wrap { trim: true }).block(block),
        popup,
    );
}

/// A one-line text field with its question, over the screen.
pub fn render_input(prompt: &str, text: &str, theme: &Theme, frame: &mut Frame, area: Rect) {
    let width = 70.min(area.width);
    let popup = area.centered(Constraint::Length(width), Constraint::Length(7));
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border_focus)
        .padding(Padding::horizontal(1));
    let lines = vec![
        Line::styled(prompt.to_string(), theme.title),
        Line::raw(""),
        Line::from(vec![
            ratatui::text::Span::styled(text.to_string(), theme.text),
            ratatui::text::Span::styled("▏", theme.accent),
        ]),
        Line::styled("Enter save · Esc cancel", theme.muted),
    ];
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block),
        popup,
    );
}
