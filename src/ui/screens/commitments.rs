//! Commitments: the practices a leader keeps, with streaks, this week's progress, the
//! kept rate, how long until a streak breaks, and twelve weeks at a glance.

use chrono::NaiveDate;
use ratatui::Frame as TermFrame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Padding, Paragraph, Wrap};

use crate::domain::commitment::{Commitment, CommitmentState};
use crate::domain::streak::{DayMark, Summary};
use crate::ui::theme::Theme;

/// Weeks the heatmap shows.
pub const HEATMAP_WEEKS: usize = 12;

/// Lines each commitment takes in the list: its title, then its figures.
const ROW_LINES: usize = 2;

/// One commitment with its figures for today.
#[derive(Debug, Clone)]
pub struct CommitmentRow {
    pub commitment: Commitment,
    pub summary: Summary,
    pub heatmap: Vec<(NaiveDate, DayMark)>,
    /// For a commitment kept by connection notes: how many different people that
    /// count have one today.
    pub connections_today: Option<usize>,
}

#[derive(Default)]
pub struct CommitmentsScreen {
    pub rows: Vec<CommitmentRow>,
    pub selected: usize,
    /// Whether archived commitments are listed too (`A`).
    pub show_archived: bool,
    /// How many commitments are archived, shown or not.
    pub archived: usize,
}

impl CommitmentsScreen {
    pub fn set_rows(&mut self, rows: Vec<CommitmentRow>) {
        let keep = self.selected_row().map(|row| row.commitment.id.clone());
        self.rows = rows;
        self.selected = keep
            .and_then(|id| self.rows.iter().position(|row| row.commitment.id == id))
            .unwrap_or(0)
            .min(self.rows.len().saturating_sub(1));
    }

    pub fn selected_row(&self) -> Option<&CommitmentRow> {
        self.rows.get(self.selected)
    }

    /// Selects the commitment `id`; false when it is not listed.
    pub fn select(&mut self, id: &str) -> bool {
        match self.rows.iter().position(|row| row.commitment.id == id) {
            Some(row) => {
                self.selected = row;
                true
            }
            None => false,
        }
    }

    pub fn move_selection(&mut self, step: isize) {
        if !self.rows.is_empty() {
            let last = self.rows.len() as isize - 1;
            self.selected = (self.selected as isize + step).clamp(0, last) as usize;
        }
    }

    /// The list panel, the detail panel and the first row the list shows; drawing and
    /// clicks share it.
    fn panels(&self, area: Rect) -> (Rect, Rect, usize) {
        let list_width = (area.width / 2).clamp(34, 64);
        let [list, detail] =
            Layout::horizontal([Constraint::Length(list_width), Constraint::Fill(1)]).areas(area);
        let visible = usize::from(Block::bordered().inner(list).height) / ROW_LINES;
        let first = self.selected.saturating_sub(visible.saturating_sub(1));
        (list, detail, first)
    }

    /// The row drawn at a screen position in `area` (where the screen is drawn).
    pub fn row_at(&self, area: Rect, column: u16, row: u16) -> Option<usize> {
        let (list, _, first) = self.panels(area);
        let inner = Block::bordered().inner(list);
        if !inner.contains(ratatui::layout::Position::new(column, row)) {
            return None;
        }
        let index = first + usize::from(row - inner.y) / ROW_LINES;
        (index < self.rows.len()).then_some(index)
    }

    pub fn render(&self, theme: &Theme, frame: &mut TermFrame, area: Rect) {
        let (list, detail, first) = self.panels(area);
        let block = Block::bordered()
            .border_type(BorderType::Rounded)
            .border_style(theme.border_focus)
            .title(Line::styled(" Commitments ", theme.title))
            .title_bottom(archived_note(self.archived, self.show_archived, theme));
        let inner = block.inner(list);
        frame.render_widget(block, list);
        if self.rows.is_empty() && self.archived > 0 {
            let text = format!(
                "No current commitments. A shows the {} archived; u brings one back. \
                 Or press a to add a new one.",
                self.archived
            );
            frame.render_widget(
                Paragraph::new(Line::styled(text, theme.text)).wrap(Wrap { trim: true }),
                inner,
            );
            return;
        }
        if self.rows.is_empty() {
            let text = vec![
                Line::styled("No commitments yet.", theme.text),
                Line::raw(""),
                Line::styled("Press a to add one here.", theme.text),
                Line::raw(""),
                Line::styled(
                    "Or from the shell, e.g.\n  truenorth commit add \"Learn one new thing about three students\" --cadence daily",
                    theme.muted,
                ),
            ];
            frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: false }), inner);
            return;
        }
        let width = usize::from(inner.width);
        let mut lines = Vec::new();
        for (index, row) in self.rows.iter().enumerate() {
            let selected = index == self.selected;
            let base = if selected {
                theme.selection
            } else {
                theme.text
            };
            let check = if row.summary.checked_today > 0 {
                "[x]"
            } else if row.summary.due_today {
                "[ ]"
            } else {
                " · "
            };
            let title = format!(
                "{}{check} {}",
                if selected { "▸" } else { " " },
                row.commitment.title
            );
            let title: String = title.chars().take(width).collect();
            let pad = width.saturating_sub(title.chars().count());
            lines.push(Line::styled(
                format!("{title}{}", " ".repeat(pad)),
                base.add_modifier(Modifier::BOLD),
            ));
            // Archived goes first, where a narrow list cannot cut it off.
            let (archived, state) = match row.commitment.state {
                CommitmentState::Active => ("", String::new()),
                CommitmentState::Archived => ("archived · ", String::new()),
                other => ("", format!(" · {other}")),
            };
            let facts = format!(
                "     {archived}{} · streak {} · week {}{state}",
                row.commitment.cadence,
                row.summary.unit.count(row.summary.current_streak),
                row.summary.this_week.compact()
            );
            let facts: String = facts.chars().take(width).collect();
            let pad = width.saturating_sub(facts.chars().count());
            lines.push(Line::styled(
                format!("{facts}{}", " ".repeat(pad)),
                base.patch(theme.muted),
            ));
        }
        frame.render_widget(
            Paragraph::new(lines).scroll(((first * ROW_LINES) as u16, 0)),
            inner,
        );
        if let Some(row) = self.selected_row() {
            render_detail(row, theme, frame, detail);
        }
    }
}

/// The line under a list that has archived rows: how to show them, or that they are
/// shown (People's list says it the same way).
pub fn archived_note(archived: usize, shown: bool, theme: &Theme) -> Line<'static> {
    match (archived, shown) {
        (0, _) => Line::default(),
        (_, true) => Line::styled(" A hides archived ", theme.muted),
        (count, false) => Line::styled(format!(" A shows {count} archived "), theme.muted),
    }
    .right_aligned()
}

/// The dates, the standards and the connection goal, when the commitment has them.
fn plan_lines(row: &CommitmentRow, theme: &Theme) -> Vec<Line<'static>> {
    let commitment = &row.commitment;
    let day = |date: NaiveDate| date.format("%-d %b %Y").to_string();
    let mut facts = Vec::new();
    match (commitment.start, commitment.end) {
        (Some(start), Some(end)) => facts.push(format!("{} to {}", day(start), day(end))),
        (Some(start), None) => facts.push(format!("from {}", day(start))),
        (None, Some(end)) => facts.push(format!("until {}", day(end))),
        (None, None) => {}
    }
    if !commitment.psel.is_empty() {
        let standards: Vec<String> = commitment.psel.iter().map(ToString::to_string).collect();
        facts.push(format!("PSEL {}", standards.join(", ")));
    }
    let mut lines = Vec::new();
    if !facts.is_empty() {
        lines.push(Line::styled(facts.join(" · "), theme.muted));
    }
    if let Some(goal) = &commitment.counts_connections {
        let mut text = format!(
            "Kept by itself when you log connections with {} {} in a day",
            goal.per_day,
            goal.whom()
        );
        if let Some(reached) = row.connections_today {
            text.push_str(&format!(" (today {reached} of {})", goal.per_day));
        }
        lines.push(Line::styled(text, theme.text));
    }
    lines
}

fn render_detail(row: &CommitmentRow, theme: &Theme, frame: &mut TermFrame, area: Rect) {
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border)
        .padding(Padding::horizontal(1))
        .title(Line::styled(
            format!(" {} ", row.commitment.title),
            theme.title,
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let summary = &row.summary;
    let mut lines = Vec::new();
    if !row.commitment.why.is_empty() {
        lines.push(Line::styled(
            format!("Why: {}", row.commitment.why),
            theme.text,
        ));
    }
    lines.push(Line::styled(
        format!(
            "{} · {}",
            row.commitment.cadence,
            row.commitment.dimension.label()
        ),
        theme.frame_style(&row.commitment.dimension),
    ));
    lines.extend(plan_lines(row, theme));
    if row.commitment.state == CommitmentState::Archived {
        lines.push(Line::styled(
            "Archived: off your lists and Today. u brings it back.",
            theme.warning,
        ));
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(vec![
        Span::styled("Streak      ", theme.muted),
        Span::styled(
            summary.unit.count(summary.current_streak),
            theme.accent.add_modifier(Modifier::BOLD),
        ),
        Span::styled(
            format!("  (best {})", summary.unit.count(summary.best_streak)),
            theme.muted,
        ),
    ]));
    lines.push(Line::from(vec![
        Span::styled("This week   ", theme.muted),
        Span::styled(summary.this_week.of_goal(), theme.text),
    ]));
    lines.push(Line::from(vec![
        Span::styled("4 weeks     ", theme.muted),
        Span::styled(summary.last_four_weeks.describe(summary.unit), theme.text),
    ]));
    let breaks = match summary.days_until_break {
        Some(0) => "today is the last day to keep the streak".to_string(),
        Some(1) => "1 day left before the streak breaks".to_string(),
        Some(days) => format!("{days} days left before the streak breaks"),
        None => "no streak at stake".to_string(),
    };
    lines.push(Line::from(vec![
        Span::styled("Streak      ", theme.muted),
        Span::styled(breaks, theme.warning),
    ]));
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!("Last {HEATMAP_WEEKS} weeks",),
        theme.title,
    ));
    lines.extend(heatmap_lines(&row.heatmap, theme));
    lines.push(Line::styled(
        "■ kept  □ kept later  ✗ missed  · free  ~ skipped",
        theme.muted,
    ));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

/// Seven rows (weekdays), one column a week, oldest week first.
fn heatmap_lines(marks: &[(NaiveDate, DayMark)], theme: &Theme) -> Vec<Line<'static>> {
    let weeks = marks.len() / 7;
    (0..7)
        .map(|weekday| {
            let mut spans = Vec::new();
            let label = marks
                .get(weekday)
                .map_or(String::new(), |(date, _)| date.format("%a").to_string());
            spans.push(Span::styled(format!("{label:<4}"), theme.muted));
            for week in 0..weeks {
                let Some((_, mark)) = marks.get(week * 7 + weekday) else {
                    continue;
                };
                let (symbol, style) = match mark {
                    DayMark::Kept { backfilled: false } => ("■", theme.success),
                    DayMark::Kept { backfilled: true } => ("□", theme.success),
                    DayMark::Missed => ("✗", theme.error),
                    DayMark::Due => ("○", theme.warning),
                    DayMark::Skipped => ("~", theme.muted),
                    _ => ("·", theme.muted),
                };
                spans.push(Span::styled(format!("{symbol} "), style));
            }
            Line::from(spans)
        })
        .collect()
}
