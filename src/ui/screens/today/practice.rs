//! "Practising today": the commitments due today, under the answers, each with its
//! check box and streak. When the answers need the room it folds to one summary line;
//! with the focus it opens again, so the list is there when it is being used.

use ratatui::Frame as TermFrame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::domain::commitment::{Cadence, Commitment};
use crate::domain::streak::{StreakUnit, Summary};
use crate::ui::theme::Theme;
use crate::ui::widgets::truncate;

/// Commitments shown at once before the list scrolls.
pub const MAX_ROWS: usize = 6;

/// One commitment due today, as Today lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PracticeRow {
    pub id: String,
    pub title: String,
    /// Today counts as kept: checked off, or its connection goal met.
    pub done: bool,
    /// How far today or this week has got, in words ("1 of 3 people today").
    pub progress: Option<String>,
    pub streak: u32,
    pub unit: StreakUnit,
}

impl PracticeRow {
    /// The row for `commitment` when it is due today (by the streak rules, which keep a
    /// day already checked off on the list, ticked); `None` when nothing is asked of
    /// it today. `connections_today` is how many people counting for its connection
    /// goal have a note today.
    pub fn due(
        commitment: &Commitment,
        summary: &Summary,
        connections_today: Option<usize>,
    ) -> Option<PracticeRow> {
        if !summary.due_today {
            return None;
        }
        let progress = match (&commitment.counts_connections, commitment.cadence) {
            (Some(goal), _) => Some(format!(
                "{} of {} {} today",
                connections_today.unwrap_or(0),
                goal.per_day,
                if goal.per_day == 1 {
                    "person"
                } else {
                    "people"
                }
            )),
            (None, Cadence::PerWeek(_)) => {
                Some(format!("{} this week", summary.this_week.of_goal()))
            }
            (None, _) => None,
        };
        Some(PracticeRow {
            id: commitment.id.clone(),
            title: commitment.title.clone(),
            done: summary.checked_today > 0,
            progress,
            streak: summary.current_streak,
            unit: summary.unit,
        })
    }
}

/// The list and which commitment is selected in it.
#[derive(Debug, Clone, Default)]
pub struct Practice {
    pub rows: Vec<PracticeRow>,
    pub selected: usize,
}

impl Practice {
    /// Replaces the rows, keeping the same commitment selected when it is still due.
    pub fn set_rows(&mut self, rows: Vec<PracticeRow>) {
        let keep = self.selected_row().map(|row| row.id.clone());
        self.rows = rows;
        self.selected = keep
            .and_then(|id| self.rows.iter().position(|row| row.id == id))
            .unwrap_or(self.selected)
            .min(self.rows.len().saturating_sub(1));
    }

    pub fn selected_row(&self) -> Option<&PracticeRow> {
        self.rows.get(self.selected)
    }

    pub fn move_selection(&mut self, step: isize) {
        if !self.rows.is_empty() {
            let last = self.rows.len() as isize - 1;
            self.selected = (self.selected as isize + step).clamp(0, last) as usize;
        }
    }

    fn done(&self) -> usize {
        self.rows.iter().filter(|row| row.done).count()
    }

    /// Lines the whole list takes, box included.
    pub fn full_height(&self) -> u16 {
        if self.rows.is_empty() {
            0
        } else {
            self.rows.len().min(MAX_ROWS) as u16 + 2
        }
    }

    /// The first row shown in a box `height` lines high, keeping the selection in view.
    fn first_shown(&self, height: u16) -> usize {
        let visible = usize::from(height.saturating_sub(2)).max(1);
        self.selected.saturating_sub(visible - 1)
    }

    /// The row drawn at screen line `row` of the panel drawn in `area`, for a click.
    pub fn row_at(&self, area: Rect, row: u16) -> Option<usize> {
        if area.height < 3 || row <= area.y || row >= area.bottom().saturating_sub(1) {
            return None;
        }
        let index = self.first_shown(area.height) + usize::from(row - area.y - 1);
        (index < self.rows.len()).then_some(index)
    }

    /// Draws the list in `area`: boxed when there is room for it, otherwise one line.
    pub fn render(&self, focused: bool, theme: &Theme, frame: &mut TermFrame, area: Rect) {
        if self.rows.is_empty() || area.height == 0 {
            return;
        }
        if area.height < 3 {
            let line = if focused {
                self.selected_row().map_or_else(Line::default, |row| {
                    row_line(row, true, theme, usize::from(area.width))
                })
            } else {
                self.summary_line(theme)
            };
            frame.render_widget(Paragraph::new(line), area);
            return;
        }
        let count = format!(" {} of {} done ", self.done(), self.rows.len());
        let block = theme
            .panel(focused)
            .title(Line::from(vec![
                Span::raw(" "),
                Span::styled("Practising today", theme.title.add_modifier(Modifier::BOLD)),
                Span::raw(" "),
            ]))
            .title(Line::styled(count, theme.muted).right_aligned());
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let width = usize::from(inner.width);
        let lines: Vec<Line> = self
            .rows
            .iter()
            .enumerate()
            .skip(self.first_shown(area.height))
            .take(usize::from(inner.height))
            .map(|(index, row)| row_line(row, focused && index == self.selected, theme, width))
            .collect();
        frame.render_widget(Paragraph::new(lines), inner);
    }

    /// The folded panel: how many are done, and how to check one off.
    fn summary_line(&self, theme: &Theme) -> Line<'static> {
        let done = self.done();
        let total = self.rows.len();
        let (text, style) = if done == total {
            (format!("all {total} done ✓"), theme.success)
        } else {
            (format!("{done} of {total} done"), theme.text)
        };
        Line::from(vec![
            Span::raw("  "),
            Span::styled("Practising: ", theme.title),
            Span::styled(text, style),
            Span::styled(" · c to check off", theme.muted),
        ])
    }
}

/// One commitment's line: `▸ [x] title · progress`, its streak at the right edge.
/// The box says the state in symbols, so nothing rests on colour; on a narrow line the
/// title is cut first, then the progress and the streak give way.
fn row_line(row: &PracticeRow, selected: bool, theme: &Theme, width: usize) -> Line<'static> {
    let base = if selected {
        theme.selection
    } else {
        Style::default()
    };
    let marker = if selected { "▸ " } else { "  " };
    let (check, check_style) = if row.done {
        ("[x]", theme.success.add_modifier(Modifier::BOLD))
    } else {
        ("[ ]", theme.text.add_modifier(Modifier::BOLD))
    };
    let mut progress = row
        .progress
        .as_ref()
        .map(|text| format!(" · {text}"))
        .unwrap_or_default();
    let mut streak = format!("streak {}", row.unit.count(row.streak));
    let fixed = |progress: &str, streak: &str| {
        marker.chars().count() + check.len() + 1 + progress.chars().count() + streak.len() + 2
    };
    // The title keeps at least a few letters: the progress, then the streak, go first.
    const TITLE_MIN: usize = 12;
    if fixed(&progress, &streak) + TITLE_MIN > width {
        progress.clear();
    }
    if fixed(&progress, &streak) + TITLE_MIN > width {
        streak.clear();
    }
    let room = width.saturating_sub(fixed(&progress, &streak));
    let title = truncate(&row.title, room);
    // Two columns of `fixed` are the least gap before the streak.
    let used = fixed(&progress, &streak) - 2 + title.chars().count();
    let gap = width.saturating_sub(used);
    Line::from(vec![
        Span::styled(marker, base.patch(theme.accent)),
        Span::styled(check, base.patch(check_style)),
        Span::styled(" ", base),
        Span::styled(title, base.patch(theme.text)),
        Span::styled(progress, base.patch(theme.muted)),
        Span::styled(" ".repeat(gap), base),
        Span::styled(streak, base.patch(theme.muted)),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: &str, done: bool) -> PracticeRow {
        PracticeRow {
            id: id.to_string(),
            title: format!("Practice {id}"),
            done,
            progress: None,
            streak: 2,
            unit: StreakUnit::Days,
        }
    }

    fn text(line: &Line) -> String {
        line.spans
            .iter()
            .map(|span| span.content.as_ref())
            .collect()
    }

    #[test]
    fn the_selection_follows_its_commitment_when_the_list_changes() {
        let mut practice = Practice::default();
        practice.set_rows(vec![row("a", false), row("b", false), row("c", false)]);
        practice.move_selection(2);
        assert_eq!(practice.selected_row().unwrap().id, "c");
        practice.set_rows(vec![row("c", true), row("a", false)]);
        assert_eq!(practice.selected_row().unwrap().id, "c");
        practice.set_rows(vec![row("a", false)]);
        assert_eq!(practice.selected, 0);
        practice.set_rows(Vec::new());
        assert!(practice.selected_row().is_none());
        assert_eq!(practice.full_height(), 0);
    }

    #[test]
    fn a_row_says_its_state_in_symbols_and_fits_its_width() {
        let theme = Theme::default();
        let mut long = row("a", true);
        long.title = "Learn one new thing about three students every single day".into();
        long.progress = Some("1 of 3 people today".into());
        for width in [30, 50, 76, 116] {
            let line = row_line(&long, true, &theme, width);
            let shown = text(&line);
            assert!(shown.contains("[x]"), "{shown}");
            assert!(shown.chars().count() <= width, "{width}: {shown}");
        }
        let wide = text(&row_line(&long, false, &theme, 116));
        assert!(wide.contains("1 of 3 people today") && wide.ends_with("streak 2 days"));
        assert!(text(&row_line(&row("b", false), false, &theme, 60)).contains("[ ]"));
    }

    #[test]
    fn the_summary_counts_what_is_done() {
        let theme = Theme::default();
        let mut practice = Practice::default();
        practice.set_rows(vec![row("a", true), row("b", false), row("c", true)]);
        assert_eq!(
            text(&practice.summary_line(&theme)),
            "  Practising: 2 of 3 done · c to check off"
        );
        practice.set_rows(vec![row("a", true)]);
        assert!(text(&practice.summary_line(&theme)).contains("all 1 done ✓"));
    }
}
