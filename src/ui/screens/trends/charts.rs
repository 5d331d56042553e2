//! The Trends charts. Each one marks the week under the cursor with a `▲` (or, on the
//! line charts, a vertical rule) and names its series in words or letters, so nothing
//! is told by colour alone. When twelve weeks do not fit, the weeks around the cursor
//! are shown.

use std::ops::Range;

use ratatui::Frame as TermFrame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Axis, Bar, BarChart, BarGroup, Block, BorderType, Chart as LineChart, Dataset, GraphType,
    Paragraph, Sparkline, Wrap,
};

use super::Chart;
use crate::domain::average::one_decimal;
use crate::domain::review::{percent, thousands};
use crate::domain::trends::WeekStats;
use crate::ui::theme::Theme;

/// The widest a bar gets; wider bars say nothing more.
const MAX_BAR_WIDTH: u16 = 8;

/// What every chart needs to draw.
pub(super) struct View<'a> {
    pub weeks: &'a [WeekStats],
    pub cursor: usize,
    pub theme: &'a Theme,
    pub focused: bool,
}

/// How the weeks are laid across a width: each week's bars, the gap between weeks,
/// and which weeks fit.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Columns {
    bar_width: u16,
    /// Columns one week's bars take.
    week_width: u16,
    gap: u16,
    shown: Range<usize>,
}

impl Columns {
    /// `per_week` bars a week, as wide as `width` allows, keeping the cursor in view.
    fn fit(width: u16, total: usize, per_week: u16, cursor: usize) -> Columns {
        let gap = 1;
        let total_u16 = total.max(1) as u16;
        let bar_width =
            (((width + gap) / total_u16).saturating_sub(gap) / per_week).clamp(1, MAX_BAR_WIDTH);
        let week_width = bar_width * per_week;
        let fits = usize::from((width + gap) / (week_width + gap)).clamp(1, total.max(1));
        let end = (cursor + 1).max(fits).min(total);
        Columns {
            bar_width,
            week_width,
            gap,
            shown: end.saturating_sub(fits)..end,
        }
    }

    /// The column of the middle of week `index`'s bars, from the left edge.
    fn middle(&self, index: usize) -> u16 {
        (index - self.shown.start) as u16 * (self.week_width + self.gap) + self.week_width / 2
    }

    /// The columns the shown weeks take, gaps between them included.
    fn used(&self) -> u16 {
        let weeks = self.shown.len() as u16;
        weeks * self.week_width + weeks.saturating_sub(1) * self.gap
    }

    /// `area` narrowed to the weeks, centred in it.
    fn centre(&self, area: Rect) -> Rect {
        let used = self.used().min(area.width);
        Rect {
            x: area.x + (area.width - used) / 2,
            width: used,
            ..area
        }
    }

    /// A label for a week under bars this wide: `16 Nov`, `16`, or nothing.
    fn label(&self, week: &WeekStats) -> String {
        if self.week_width >= 6 {
            week.start.format("%-d %b").to_string()
        } else if self.week_width >= 2 {
            week.start.format("%-d").to_string()
        } else {
            String::new()
        }
    }
}

impl View<'_> {
    pub(super) fn render(&self, chart: Chart, frame: &mut TermFrame, area: Rect) {
        match chart {
            Chart::Days => self.days(frame, area),
            Chart::Lcv => self.lcv(frame, area),
            Chart::Kept => self.kept(frame, area),
            Chart::Ratings => self.ratings(frame, area),
            Chart::Words => self.words(frame, area),
            Chart::People => self.people(frame, area),
        }
    }

    fn selected(&self) -> Option<&WeekStats> {
        self.weeks.get(self.cursor)
    }

    fn block(&self, title: String) -> Block<'static> {
        Block::bordered()
            .border_type(BorderType::Rounded)
            .border_style(if self.focused {
                self.theme.border_focus
            } else {
                self.theme.border
            })
            .title(Line::styled(title, self.theme.title))
    }

    /// Draws the block and returns its inside.
    fn frame_with(&self, title: String, frame: &mut TermFrame, area: Rect) -> Rect {
        let block = self.block(title);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        inner
    }

    fn message(&self, text: &str, frame: &mut TermFrame, area: Rect) {
        let paragraph = Paragraph::new(Line::styled(text.to_string(), self.theme.muted))
            .wrap(Wrap { trim: true });
        frame.render_widget(paragraph, area);
    }

    /// The `▲` under the cursor's week, on the last row of `area`.
    fn cursor_row(&self, columns: &Columns, frame: &mut TermFrame, area: Rect) {
        if area.height == 0 || !columns.shown.contains(&self.cursor) {
            return;
        }
        let x = area.x + columns.middle(self.cursor);
        if x < area.right() {
            let at = Rect::new(x, area.bottom() - 1, 1, 1);
            frame.render_widget(
                Paragraph::new(Span::styled(
                    "▲",
                    self.theme.accent.add_modifier(Modifier::BOLD),
                )),
                at,
            );
        }
    }

    /// One bar a week, `value` of it, written on the bar as `text`.
    fn single_bars(
        &self,
        title: String,
        max: u64,
        value: impl Fn(&WeekStats) -> (u64, String),
        frame: &mut TermFrame,
        area: Rect,
    ) {
        let inner = self.frame_with(title, frame, area);
        if inner.height < 3 {
            return;
        }
        let columns = Columns::fit(inner.width, self.weeks.len(), 1, self.cursor);
        let inner = columns.centre(inner);
        let bars: Vec<Bar> = columns
            .shown
            .clone()
            .map(|index| {
                let week = &self.weeks[index];
                let (value, text) = value(week);
                let text = if text.chars().count() as u16 > columns.bar_width {
                    value.to_string()
                } else {
                    text
                };
                let style = if index == self.cursor {
                    self.theme.title
                } else {
                    self.theme.accent
                };
                Bar::default()
                    .value(value)
                    .text_value(text)
                    .label(Line::raw(columns.label(week)))
                    .style(style)
                    .value_style(style.add_modifier(Modifier::REVERSED))
            })
            .collect();
        let chart = BarChart::default()
            .data(BarGroup::default().bars(&bars))
            .bar_width(columns.bar_width)
            .bar_gap(columns.gap)
            .max(max)
            .label_style(self.theme.muted);
        let bars_area = Rect {
            height: inner.height - 1,
            ..inner
        };
        frame.render_widget(chart, bars_area);
        self.cursor_row(&columns, frame, inner);
    }

    fn days(&self, frame: &mut TermFrame, area: Rect) {
        let title = match self.selected() {
            Some(week) => format!(
                " Days reflected, of 7 · ▲ {} of {} ",
                week.reflection_days,
                week.days_counted()
            ),
            None => " Days reflected, of 7 ".to_string(),
        };
        self.single_bars(
            title,
            7,
            |week| {
                let days = week.reflection_days as u64;
                (days, days.to_string())
            },
            frame,
            area,
        );
    }

    fn people(&self, frame: &mut TermFrame, area: Rect) {
        let roster = self
            .weeks
            .iter()
            .map(|week| week.roster_size)
            .max()
            .unwrap_or(0);
        let title = match self.selected() {
            Some(week) if roster > 0 => format!(
                " People reached, % of roster · ▲ {} of {} ",
                week.people_connected, week.roster_size
            ),
            _ => " People reached, % of roster ".to_string(),
        };
        if roster == 0 {
            let inner = self.frame_with(title, frame, area);
            self.message(
                "No roster yet: `truenorth people add NAME` or `people import roster.csv`.",
                frame,
                inner,
            );
            return;
        }
        self.single_bars(
            title,
            100,
            |week| match week.people_connected_share {
                Some(share) => {
                    let value = (share * 100.0).round() as u64;
                    (value, percent(share))
                }
                None => (0, String::new()),
            },
            frame,
            area,
        );
    }

    /// Love, care and vulnerability entries a week: three bars lettered L, C and V.
    fn lcv(&self, frame: &mut TermFrame, area: Rect) {
        let title = match self.selected() {
            Some(week) => format!(
                " Love, care, vulnerability · ▲ {} · {} · {} ",
                week.lcv.love, week.lcv.care, week.lcv.vulnerability
            ),
            None => " Love, care, vulnerability ".to_string(),
        };
        let block = self.block(title).title_bottom(Line::styled(
            " entries: L love · C care · V vulnerability ",
            self.theme.muted,
        ));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        if inner.height < 4 {
            return;
        }
        let columns = Columns::fit(inner.width, self.weeks.len(), 3, self.cursor);
        let inner = columns.centre(inner);
        let theme = self.theme;
        // A count on a bar one column wide would read as part of its neighbours'.
        let counts = columns.bar_width >= 2;
        let groups: Vec<BarGroup> = columns
            .shown
            .clone()
            .map(|index| {
                let week = &self.weeks[index];
                let bar = |letter: &'static str, value: usize, style: Style| {
                    let text = if counts {
                        value.to_string()
                    } else {
                        String::new()
                    };
                    Bar::default()
                        .value(value as u64)
                        .text_value(text)
                        .label(Line::raw(letter))
                        .style(style)
                        .value_style(style.add_modifier(Modifier::REVERSED))
                };
                let label = if index == self.cursor {
                    Line::styled(columns.label(week), theme.title)
                } else {
                    Line::raw(columns.label(week))
                };
                BarGroup::default().label(label).bars(&[
                    bar("L", week.lcv.love, theme.love),
                    bar("C", week.lcv.care, theme.care),
                    bar("V", week.lcv.vulnerability, theme.vulnerability),
                ])
            })
            .collect();
        let mut chart = BarChart::default()
            .bar_width(columns.bar_width)
            .bar_gap(0)
            .group_gap(columns.gap)
            .label_style(theme.muted);
        for group in groups {
            chart = chart.data(group);
        }
        let bars_area = Rect {
            height: inner.height - 1,
            ..inner
        };
        frame.render_widget(chart, bars_area);
        self.cursor_row(&columns, frame, inner);
    }

    /// A line chart over the twelve weeks with a rule at the cursor's week.
    /// `key` names the series by their marks, on the bottom border (a legend box
    /// would hide the lines in a small chart).
    fn lines(&self, spec: LineSpec, frame: &mut TermFrame, area: Rect) {
        let LineSpec {
            title,
            key,
            series,
            bounds,
            y_labels,
        } = spec;
        let last = self.weeks.len().saturating_sub(1).max(1) as f64;
        let rule = vec![
            (self.cursor as f64, bounds[0]),
            (self.cursor as f64, bounds[1]),
        ];
        let mut datasets = vec![
            Dataset::default()
                .data(&rule)
                .graph_type(GraphType::Line)
                .marker(Marker::Braille)
                .style(self.theme.muted),
        ];
        for line in &series {
            datasets.push(
                Dataset::default()
                    .data(&line.points)
                    .graph_type(GraphType::Line)
                    .marker(line.marker)
                    .style(line.style),
            );
        }
        let x_labels: Vec<Line> = match (self.weeks.first(), self.weeks.last()) {
            (Some(first), Some(last)) => vec![
                Line::raw(first.start.format("%-d %b").to_string()),
                Line::raw(last.start.format("%-d %b").to_string()),
            ],
            _ => Vec::new(),
        };
        let mut block = self.block(title);
        if !key.is_empty() {
            block = block.title_bottom(Line::styled(format!(" {key} "), self.theme.muted));
        }
        let chart = LineChart::new(datasets)
            .block(block)
            .x_axis(
                Axis::default()
                    .bounds([0.0, last])
                    .labels(x_labels)
                    .style(self.theme.muted),
            )
            .y_axis(
                Axis::default()
                    .bounds(bounds)
                    .labels(y_labels.into_iter().map(Line::raw).collect::<Vec<_>>())
                    .style(self.theme.muted),
            );
        frame.render_widget(chart, area);
    }

    fn kept(&self, frame: &mut TermFrame, area: Rect) {
        let points: Vec<(f64, f64)> = self
            .weeks
            .iter()
            .enumerate()
            .filter_map(|(n, week)| {
                week.commitments_kept_rate
                    .map(|rate| (n as f64, f64::from(rate) * 100.0))
            })
            .collect();
        let at_cursor = self.selected().map_or_else(
            || "nothing due".to_string(),
            |week| week.commitments_kept().label(),
        );
        let title = format!(" Kept % · ▲ {at_cursor} ");
        if points.is_empty() {
            let inner = self.frame_with(title, frame, area);
            self.message(
                "No commitment was due in these weeks. `truenorth commit add` starts one.",
                frame,
                inner,
            );
            return;
        }
        let spec = LineSpec {
            title,
            key: "",
            series: vec![Series {
                marker: Marker::Braille,
                style: self.theme.success,
                points,
            }],
            bounds: [0.0, 100.0],
            y_labels: vec!["0".into(), "50".into(), "100".into()],
        };
        self.lines(spec, frame, area);
    }

    fn ratings(&self, frame: &mut TermFrame, area: Rect) {
        let series = |value: fn(&WeekStats) -> Option<f32>| -> Vec<(f64, f64)> {
            self.weeks
                .iter()
                .enumerate()
                .filter_map(|(n, week)| value(week).map(|v| (n as f64, f64::from(v))))
                .collect()
        };
        let energy = series(|week| week.energy_avg);
        let outlook = series(|week| week.outlook_avg);
        let one = |value: Option<f32>| value.map_or_else(|| "–".to_string(), one_decimal);
        let title = match self.selected() {
            Some(week) => format!(
                " Energy, outlook · ▲ {}, {} ",
                one(week.energy_avg),
                one(week.outlook_avg)
            ),
            None => " Energy, outlook ".to_string(),
        };
        if energy.is_empty() && outlook.is_empty() {
            let inner = self.frame_with(title, frame, area);
            self.message("No energy or outlook rated in these weeks.", frame, inner);
            return;
        }
        let spec = LineSpec {
            title,
            key: "energy: line · outlook: • dots",
            series: vec![
                Series {
                    marker: Marker::Braille,
                    style: self.theme.warning,
                    points: energy,
                },
                Series {
                    marker: Marker::Dot,
                    style: self.theme.accent,
                    points: outlook,
                },
            ],
            bounds: [1.0, 5.0],
            y_labels: vec!["1".into(), "3".into(), "5".into()],
        };
        self.lines(spec, frame, area);
    }

    fn words(&self, frame: &mut TermFrame, area: Rect) {
        let total: usize = self.weeks.iter().map(|week| week.words).sum();
        let title = match self.selected() {
            Some(week) => format!(
                " Words written · ▲ {} · {} in {} weeks ",
                thousands(week.words),
                thousands(total),
                self.weeks.len()
            ),
            None => " Words written ".to_string(),
        };
        let inner = self.frame_with(title, frame, area);
        if inner.height < 2 {
            return;
        }
        let columns = Columns::fit(inner.width, self.weeks.len(), 1, self.cursor);
        let inner = columns.centre(inner);
        // Each week as wide as its bars on the other charts, gap included.
        let mut data: Vec<u64> = Vec::new();
        for index in columns.shown.clone() {
            let words = self.weeks[index].words as u64;
            data.extend(std::iter::repeat_n(words, usize::from(columns.week_width)));
            if index + 1 < columns.shown.end {
                data.extend(std::iter::repeat_n(0, usize::from(columns.gap)));
            }
        }
        let max = self
            .weeks
            .iter()
            .map(|week| week.words as u64)
            .max()
            .unwrap_or(0);
        let sparkline = Sparkline::default()
            .data(&data)
            .max(max.max(1))
            .style(self.theme.accent);
        let line_area = Rect {
            height: inner.height - 1,
            ..inner
        };
        frame.render_widget(sparkline, line_area);
        self.cursor_row(&columns, frame, inner);
    }
}

/// What one line chart shows: its title, a key naming the series by their
/// marks, the series and the value range with its labels.
struct LineSpec {
    title: String,
    key: &'static str,
    series: Vec<Series>,
    bounds: [f64; 2],
    y_labels: Vec<String>,
}

/// One plotted series: its mark (so it reads without colour), style and points.
struct Series {
    marker: Marker,
    style: Style,
    points: Vec<(f64, f64)>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twelve_weeks_share_the_width_and_the_cursor_stays_in_view() {
        // Wide: bars six columns wide with a gap, all twelve weeks.
        let wide = Columns::fit(94, 12, 1, 11);
        assert_eq!((wide.bar_width, wide.shown.clone()), (6, 0..12));
        assert_eq!(wide.middle(11), 11 * 7 + 3);
        // Three bars a week in a narrow panel: one column each, the latest weeks.
        let narrow = Columns::fit(42, 12, 3, 11);
        assert_eq!((narrow.bar_width, narrow.week_width), (1, 3));
        assert_eq!(narrow.shown, 2..12);
        // The cursor on an early week pulls the window back.
        assert_eq!(Columns::fit(42, 12, 3, 0).shown, 0..10);
        assert_eq!(Columns::fit(42, 12, 3, 5).shown, 0..10);
        assert_eq!(Columns::fit(42, 12, 3, 10).shown, 1..11);
        // Never a zero-width bar, even in no room at all.
        let none = Columns::fit(0, 12, 3, 11);
        assert_eq!((none.bar_width, none.shown), (1, 11..12));
    }
}
