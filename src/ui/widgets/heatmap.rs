//! A calendar heatmap: weeks as columns, weekdays as rows, a mark on each day that
//! holds something. Marks are symbols, not only colour, so they read in any theme.

use std::collections::BTreeSet;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::ui::theme::Theme;

/// The Monday on or before `date`.
fn monday_of(date: NaiveDate) -> NaiveDate {
    date - Days::new(u64::from(date.weekday().num_days_from_monday()))
}

/// Draws the weeks from `first` to `last` (inclusive); `marked` days get `■`, others
/// `·`, days outside the range stay blank; `cursor`, if any, is shown reversed.
pub fn render(
    first: NaiveDate,
    last: NaiveDate,
    marked: &BTreeSet<NaiveDate>,
    cursor: Option<NaiveDate>,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let start = monday_of(first);
    let weeks = ((last - start).num_days() / 7 + 1).max(1) as u64;
    let mut lines = Vec::new();
    // Month initials over the first week of each month.
    let mut header = vec![Span::raw("    ")];
    let mut previous_month = 0;
    for week in 0..weeks {
        // The week's first day in range, so a first week that starts in the month
        // before is labelled with the month shown.
        let monday = (start + Days::new(week * 7)).max(first);
        let label = if monday.month() != previous_month {
            previous_month = monday.month();
            monday
                .format("%b")
                .to_string()
                .chars()
                .next()
                .unwrap_or(' ')
        } else {
            ' '
        };
        header.push(Span::styled(format!("{label} "), theme.muted));
    }
    lines.push(Line::from(header));
    for (row, weekday) in [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ]
    .into_iter()
    .enumerate()
    {
        let mut spans = vec![Span::styled(
            format!("{:<4}", weekday.to_string()),
            theme.muted,
        )];
        for week in 0..weeks {
            let day = start + Days::new(week * 7 + row as u64);
            let (symbol, style) = if day < first || day > last {
                (" ", theme.muted)
            } else if marked.contains(&day) {
                ("■", theme.accent)
            } else {
                ("·", theme.muted)
            };
            let style = if cursor == Some(day) {
                style.add_modifier(Modifier::REVERSED | Modifier::BOLD)
            } else {
                style
            };
            spans.push(Span::styled(symbol, style));
            spans.push(Span::raw(" "));
        }
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// How wide the heatmap of `first..=last` is, in cells.
pub fn width(first: NaiveDate, last: NaiveDate) -> u16 {
    let weeks = ((last - monday_of(first)).num_days() / 7 + 1).max(1) as u16;
    4 + weeks * 2
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    #[test]
    fn marks_days_with_writing_and_shows_the_cursor_day() {
        let date = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
        let marked: BTreeSet<NaiveDate> = [date(11, 2), date(11, 4)].into_iter().collect();
        let (first, last) = (date(11, 2), date(11, 15));
        let mut terminal = Terminal::new(TestBackend::new(width(first, last), 8)).unwrap();
        terminal
            .draw(|frame| {
                let area = frame.area();
                render(
                    first,
                    last,
                    &marked,
                    Some(date(11, 3)),
                    &Theme::default(),
                    frame,
                    area,
                )
            })
            .unwrap();
        let screen = terminal.backend().to_string();
        let rows: Vec<&str> = screen.lines().collect();
        assert!(rows[1].contains("Mon ■ ·"), "{screen}");
        assert!(rows[3].contains("Wed ■ ·"), "{screen}");
        assert!(rows[2].contains("Tue · ·"), "{screen}");
    }
}
