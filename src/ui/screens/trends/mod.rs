//! Trends: the last twelve weeks at a glance. Charts of reflection days, the love, care
//! and vulnerability balance, commitments kept, energy and outlook, words written and
//! people reached; a week cursor with that week's figures in words; and the insights,
//! each with the numbers it stands on and something to do about it.
//!
//! The screen only draws: the figures are computed by the app when the journal is
//! read or changes (see `app/trends.rs`), never while drawing.

mod charts;

use ratatui::Frame as TermFrame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Padding, Paragraph, Wrap};

use crate::domain::insights::Insight;
use crate::domain::review::{percent, thousands};
use crate::domain::trends::WeekStats;
use crate::domain::{Frame, average};
use crate::ui::theme::Theme;

/// How many weeks the screen shows: the weeks the insights are read from.
pub const WEEKS: usize = crate::domain::insights::WINDOW_WEEKS;

/// From this width the charts sit beside a side panel and every chart is shown.
const WIDE: u16 = 120;

/// The charts, in the order Tab walks through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chart {
    Days,
    Lcv,
    Kept,
    Ratings,
    Words,
    People,
}

impl Chart {
    pub const ALL: [Chart; 6] = [
        Chart::Days,
        Chart::Lcv,
        Chart::Kept,
        Chart::Ratings,
        Chart::Words,
        Chart::People,
    ];

    /// The rows a chart wants, borders included.
    fn height(self) -> u16 {
        match self {
            Chart::Days | Chart::People => 8,
            Chart::Lcv => 9,
            Chart::Kept | Chart::Ratings => 10,
            Chart::Words => 6,
        }
    }
}

/// An insight with what its action is, in words (`None`: nothing to do but notice).
#[derive(Debug, Clone, PartialEq)]
pub struct InsightRow {
    pub insight: Insight,
    pub action: Option<String>,
}

#[derive(Debug, Default)]
pub struct TrendsScreen {
    /// Oldest first; the last one holds today.
    weeks: Vec<WeekStats>,
    insights: Vec<InsightRow>,
    /// The week under the cursor (index into the weeks).
    cursor: usize,
    /// The selected insight.
    selected: usize,
    /// The chart with the focus (index into [`Chart::ALL`]): shown first when not all fit.
    chart: usize,
    /// The figures have been computed at least once (the journal has been read).
    loaded: bool,
}

impl TrendsScreen {
    /// New figures. The cursor stays on the same week when it is still shown (on the
    /// latest week otherwise), the selection on the same insight when it is still there.
    pub fn set(&mut self, weeks: Vec<WeekStats>, insights: Vec<InsightRow>) {
        let week = self.selected_week().map(|week| week.start);
        let kind = self.selected_insight().map(|row| row.insight.kind);
        self.cursor = week
            .and_then(|start| weeks.iter().position(|week| week.start == start))
            .unwrap_or(weeks.len().saturating_sub(1));
        self.selected = kind
            .and_then(|kind| insights.iter().position(|row| row.insight.kind == kind))
            .unwrap_or(0);
        self.weeks = weeks;
        self.insights = insights;
        self.loaded = true;
    }

    pub fn is_loaded(&self) -> bool {
        self.loaded
    }

    pub fn weeks(&self) -> &[WeekStats] {
        &self.weeks
    }

    pub fn selected_week(&self) -> Option<&WeekStats> {
        self.weeks.get(self.cursor)
    }

    pub fn selected_insight(&self) -> Option<&InsightRow> {
        self.insights.get(self.selected)
    }

    /// Moves the week cursor; false when it is already at that end.
    pub fn move_cursor(&mut self, step: isize) -> bool {
        let last = self.weeks.len().saturating_sub(1) as isize;
        let next = (self.cursor as isize + step).clamp(0, last) as usize;
        let moved = next != self.cursor;
        self.cursor = next;
        moved
    }

    pub fn move_insight(&mut self, step: isize) {
        let last = self.insights.len().saturating_sub(1) as isize;
        self.selected = (self.selected as isize + step).clamp(0, last) as usize;
    }

    /// Gives the focus to the next (or previous) chart.
    pub fn cycle_chart(&mut self, forward: bool) {
        let count = Chart::ALL.len();
        self.chart = (self.chart + if forward { 1 } else { count - 1 }) % count;
    }

    pub fn render(&self, theme: &Theme, frame: &mut TermFrame, area: Rect) {
        if !self.loaded {
            let text = Paragraph::new(Line::styled("Reading your journal…", theme.muted))
                .block(panel(" Trends ", theme, true));
            frame.render_widget(text, area);
            return;
        }
        let wide = area.width >= WIDE;
        if wide {
            let side = (area.width * 2 / 5).clamp(44, 64);
            let [charts, side] =
                Layout::horizontal([Constraint::Fill(1), Constraint::Length(side)]).areas(area);
            let inner_width = usize::from(side.width.saturating_sub(4));
            let detail_height =
                (self.week_lines(true, inner_width).len() as u16 + 2).min(side.height / 2);
            let [detail, insights] =
                Layout::vertical([Constraint::Length(detail_height), Constraint::Fill(1)])
                    .areas(side);
            self.render_charts(theme, frame, charts, true);
            self.render_week(theme, frame, detail, true);
            self.render_insights(theme, frame, insights);
        } else {
            let insights_height = (area.height * 2 / 5).clamp(6, 16);
            let [top, insights] =
                Layout::vertical([Constraint::Fill(1), Constraint::Length(insights_height)])
                    .areas(area);
            let side = (area.width * 9 / 20).clamp(30, 40);
            let [charts, detail] =
                Layout::horizontal([Constraint::Fill(1), Constraint::Length(side)]).areas(top);
            self.render_charts(theme, frame, charts, false);
            self.render_week(theme, frame, detail, false);
            self.render_insights(theme, frame, insights);
        }
    }

    /// Every chart when they all fit; otherwise the focused one and those after it, as
    /// many as fit (Tab brings the others).
    fn render_charts(&self, theme: &Theme, frame: &mut TermFrame, area: Rect, wide: bool) {
        // Side by side when wide: commitments kept beside energy and outlook.
        let rows: Vec<Vec<Chart>> = if wide {
            vec![
                vec![Chart::Days],
                vec![Chart::Lcv],
                vec![Chart::Kept, Chart::Ratings],
                vec![Chart::Words],
                vec![Chart::People],
            ]
        } else {
            Chart::ALL.iter().map(|chart| vec![*chart]).collect()
        };
        let height = |row: &Vec<Chart>| row.iter().map(|c| c.height()).max().unwrap_or(0);
        let focused = Chart::ALL[self.chart];
        let all: u16 = rows.iter().map(height).sum();
        let shown: Vec<Vec<Chart>> = if all <= area.height {
            rows
        } else {
            let first = rows
                .iter()
                .position(|row| row.contains(&focused))
                .unwrap_or(0);
            let mut used = 0;
            let mut shown = Vec::new();
            for row in rows.iter().cycle().skip(first).take(rows.len()) {
                if !shown.is_empty() && used + height(row) > area.height {
                    break;
                }
                used += height(row);
                shown.push(row.clone());
            }
            shown
        };
        let count = shown.len();
        let constraints = shown.iter().enumerate().map(|(n, row)| {
            if n + 1 == count {
                Constraint::Fill(1)
            } else {
                Constraint::Length(height(row))
            }
        });
        let areas = Layout::vertical(constraints).split(area);
        for (row, row_area) in shown.iter().zip(areas.iter()) {
            let cells =
                Layout::horizontal(row.iter().map(|_| Constraint::Fill(1))).split(*row_area);
            for (chart, cell) in row.iter().zip(cells.iter()) {
                let view = charts::View {
                    weeks: &self.weeks,
                    cursor: self.cursor,
                    theme,
                    focused: *chart == focused,
                };
                view.render(*chart, frame, *cell);
            }
        }
    }

    /// The selected week in words: the figures the charts draw, as numbers. Each
    /// line fits `width`.
    fn week_lines(&self, wide: bool, width: usize) -> Vec<Line<'static>> {
        let Some(week) = self.selected_week() else {
            return Vec::new();
        };
        let mut lines = Vec::new();
        let row = |key: &str, value: String| Line::raw(fit(&format!("{key:<13}{value}"), width));
        lines.push(row(
            "Reflected",
            format!(
                "{} of {} {}",
                week.reflection_days,
                week.days_counted(),
                if week.days_counted() == 1 {
                    "day"
                } else {
                    "days"
                }
            ),
        ));
        lines.push(row(
            "Entries",
            format!("{} · {} words", week.entries, thousands(week.words)),
        ));
        let lcv = format!(
            "Love {} · Care {} · Vulnerability {}",
            week.lcv.love, week.lcv.care, week.lcv.vulnerability
        );
        let lcv = if lcv.chars().count() <= width {
            lcv
        } else {
            format!(
                "Love {} · Care {} · Vuln. {}",
                week.lcv.love, week.lcv.care, week.lcv.vulnerability
            )
        };
        lines.push(Line::raw(fit(&lcv, width)));
        if wide {
            let others: Vec<String> = week
                .frames
                .iter()
                .filter(|(frame, _)| !Frame::LCV.contains(frame))
                .map(|(frame, n)| format!("{} {n}", frame.label()))
                .collect();
            if !others.is_empty() {
                lines.push(Line::raw(fit(
                    &format!("Also: {}", others.join(" · ")),
                    width,
                )));
            }
        }
        let rating = |average: Option<f32>, days: usize| match average {
            Some(average) => format!(
                "{} ({days} rated {})",
                average::one_decimal(average),
                if days == 1 { "day" } else { "days" }
            ),
            None => "not rated".to_string(),
        };
        lines.push(row("Energy", rating(week.energy_avg, week.energy_days)));
        lines.push(row("Outlook", rating(week.outlook_avg, week.outlook_days)));
        lines.push(row("Commitments", week.commitments_kept().label()));
        if wide {
            for commitment in &week.commitments {
                // The figures stay whole; a long title gives way.
                let figures = format!(" · {} of {}", commitment.kept, commitment.due());
                let room = width.saturating_sub(2 + figures.chars().count());
                lines.push(Line::raw(format!(
                    "  {}{figures}",
                    fit(&commitment.title, room)
                )));
            }
        }
        lines.push(row(
            "People",
            match week.people_connected_share {
                Some(share) => format!(
                    "{} of {} ({})",
                    week.people_connected,
                    week.roster_size,
                    percent(share)
                ),
                None => "no roster".to_string(),
            },
        ));
        lines
    }

    fn render_week(&self, theme: &Theme, frame: &mut TermFrame, area: Rect, wide: bool) {
        let Some(week) = self.selected_week() else {
            return;
        };
        let title = if week.is_partial() {
            format!(" ▲ {} · so far ", week.label())
        } else {
            format!(" ▲ {} ", week.label())
        };
        let block = panel(&title, theme, false);
        let width = usize::from(block.inner(area).width);
        let lines: Vec<Line> = self
            .week_lines(wide, width)
            .into_iter()
            .map(|line| line.style(theme.text))
            .collect();
        frame.render_widget(
            Paragraph::new(lines)
                .block(block)
                .wrap(Wrap { trim: false }),
            area,
        );
    }

    /// The insights, the selected one opened up: what it says, the figures behind it
    /// and what `a` does.
    fn render_insights(&self, theme: &Theme, frame: &mut TermFrame, area: Rect) {
        let block = panel(" What stands out ", theme, false);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        if self.insights.is_empty() {
            let text = vec![
                Line::styled("Nothing stands out yet.", theme.text),
                Line::styled(
                    "Insights appear once a few weeks hold reflections, ratings or check-ins.",
                    theme.muted,
                ),
            ];
            frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: false }), inner);
            return;
        }
        let width = usize::from(inner.width.max(1));
        let mut lines: Vec<Line> = Vec::new();
        let mut selected_span = (0, 0);
        for (n, row) in self.insights.iter().enumerate() {
            let selected = n == self.selected;
            let start = lines.len();
            let marker = if selected { "▸ " } else { "  " };
            let style = if selected {
                theme.title.add_modifier(Modifier::BOLD)
            } else {
                theme.text
            };
            let title = format!("{}. {}", n + 1, row.insight.title);
            let indent = width.saturating_sub(4).max(8);
            if selected {
                for (k, part) in textwrap::wrap(&title, width.saturating_sub(2).max(8))
                    .into_iter()
                    .enumerate()
                {
                    let marker = if k == 0 { marker } else { "  " };
                    lines.push(Line::from(vec![
                        Span::styled(marker, theme.accent),
                        Span::styled(part.into_owned(), style),
                    ]));
                }
                for part in textwrap::wrap(&row.insight.detail, indent) {
                    lines.push(Line::styled(format!("    {part}"), theme.text));
                }
                let evidence: Vec<String> = row
                    .insight
                    .evidence
                    .iter()
                    .map(|(label, value)| format!("{label}: {value}"))
                    .collect();
                if inner.height as usize > self.insights.len() + 6 && !evidence.is_empty() {
                    for part in textwrap::wrap(&evidence.join(" · "), indent) {
                        lines.push(Line::styled(format!("    {part}"), theme.muted));
                    }
                }
                if let Some(action) = &row.action {
                    // `a` first, then what it does, wrapped under itself.
                    let text = format!("a {action}");
                    for (k, part) in textwrap::wrap(&text, indent).into_iter().enumerate() {
                        let part = part.into_owned();
                        if k == 0 {
                            let rest = part.strip_prefix('a').unwrap_or(&part).to_string();
                            lines.push(Line::from(vec![
                                Span::raw("    "),
                                Span::styled("a", theme.accent.add_modifier(Modifier::BOLD)),
                                Span::styled(rest, theme.accent),
                            ]));
                        } else {
                            lines.push(Line::styled(format!("    {part}"), theme.accent));
                        }
                    }
                }
                selected_span = (start, lines.len());
            } else {
                lines.push(Line::from(vec![
                    Span::styled(marker, theme.accent),
                    Span::styled(fit(&title, width.saturating_sub(2)), style),
                ]));
            }
        }
        // Scroll so the opened insight is whole on screen.
        let height = usize::from(inner.height);
        let offset = if selected_span.1 > height {
            (selected_span.1 - height).min(selected_span.0)
        } else {
            0
        };
        frame.render_widget(Paragraph::new(lines).scroll((offset as u16, 0)), inner);
    }
}

/// A rounded panel with a title.
fn panel<'a>(title: &str, theme: &Theme, focused: bool) -> Block<'a> {
    Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(if focused {
            theme.border_focus
        } else {
            theme.border
        })
        .padding(Padding::horizontal(1))
        .title(Line::styled(title.to_string(), theme.title))
}

/// `text`, cut to `width` characters with an ellipsis when it is longer.
fn fit(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(width.saturating_sub(1)).collect();
    cut.push('…');
    cut
}
