//! Packs: the coach packs a leader runs, with progress, what comes next, and pause,
//! resume, start and remove.

use chrono::{Days, NaiveDate};
use ratatui::Frame as TermFrame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Padding, Paragraph, Wrap};

use crate::domain::enrollment::{Enrollment, PackStatus};
use crate::domain::schedule::due_on;
use crate::domain::{Pack, Schedule};
use crate::ui::theme::Theme;
use crate::ui::widgets::truncate;

/// How many days ahead the preview looks.
const PREVIEW_DAYS: u64 = 14;

/// Where a pack stands, as the list shows it.
#[derive(Debug, Clone, PartialEq)]
pub enum RowState {
    Running(PackStatus),
    /// Built in and never started.
    Available,
    /// An installed file that could not be read.
    Invalid(String),
}

/// One line of the list.
#[derive(Debug, Clone)]
pub struct PackRow {
    pub id: String,
    pub title: String,
    pub state: RowState,
    pub pack: Option<Pack>,
    pub enrollment: Option<Enrollment>,
}

impl PackRow {
    fn section(&self) -> &'static str {
        match &self.state {
            RowState::Running(PackStatus::Active { .. }) => "Running",
            RowState::Running(PackStatus::NotStarted) => "Starting later",
            RowState::Running(PackStatus::Paused { .. }) => "Paused",
            RowState::Running(PackStatus::Finished) => "Finished",
            RowState::Available => "Built in, not started",
            RowState::Invalid(_) => "Could not be read",
        }
    }

    fn progress(&self) -> String {
        let length = self.pack.as_ref().and_then(|pack| pack.meta.days);
        let of = |day: u32| match length {
            Some(length) => format!("day {day} of {length}"),
            None => format!("day {day}, ongoing"),
        };
        match &self.state {
            RowState::Running(PackStatus::Active { day }) => of(*day),
            RowState::Running(PackStatus::Paused { day }) => format!("paused, {}", of(*day)),
            RowState::Running(PackStatus::NotStarted) => self
                .enrollment
                .as_ref()
                .map(|e| format!("starts {}", e.started))
                .unwrap_or_default(),
            RowState::Running(PackStatus::Finished) => "finished".to_string(),
            RowState::Available => length
                .map(|l| format!("{l} days"))
                .unwrap_or_else(|| "ongoing".to_string()),
            RowState::Invalid(_) => "invalid".to_string(),
        }
    }

    /// Whether the list offers pausing (running) or resuming (paused).
    pub fn can_pause_or_resume(&self) -> bool {
        matches!(
            self.state,
            RowState::Running(
                PackStatus::Active { .. } | PackStatus::Paused { .. } | PackStatus::NotStarted
            )
        )
    }
}

/// Orders rows by section, then title, so the list reads from what matters now.
fn section_rank(row: &PackRow) -> u8 {
    match &row.state {
        RowState::Running(PackStatus::Active { .. }) => 0,
        RowState::Running(PackStatus::NotStarted) => 1,
        RowState::Running(PackStatus::Paused { .. }) => 2,
        RowState::Invalid(_) => 3,
        RowState::Available => 4,
        RowState::Running(PackStatus::Finished) => 5,
    }
}

/// One line of the pack list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ListLine {
    Gap,
    Heading(&'static str),
    /// The pack at this index of the rows.
    Row(usize),
}

/// The list and detail panels of the screen drawn in `area`.
fn panels(area: Rect) -> [Rect; 2] {
    let list_width = (area.width / 3).clamp(28, 44);
    Layout::horizontal([Constraint::Length(list_width), Constraint::Fill(1)]).areas(area)
}

pub struct PacksScreen {
    pub rows: Vec<PackRow>,
    pub selected: usize,
    /// A removal waiting for "y".
    pub confirming_removal: bool,
}

impl PacksScreen {
    pub fn new(mut rows: Vec<PackRow>) -> PacksScreen {
        rows.sort_by(|a, b| {
            section_rank(a)
                .cmp(&section_rank(b))
                .then(a.title.cmp(&b.title))
        });
        PacksScreen {
            rows,
            selected: 0,
            confirming_removal: false,
        }
    }

    /// Replaces the rows (after a change), keeping the same pack selected.
    pub fn refresh(&mut self, rows: Vec<PackRow>) {
        let id = self.selected_row().map(|row| row.id.clone());
        *self = PacksScreen::new(rows);
        if let Some(id) = id {
            self.selected = self.rows.iter().position(|row| row.id == id).unwrap_or(0);
        }
    }

    pub fn selected_row(&self) -> Option<&PackRow> {
        self.rows.get(self.selected)
    }

    pub fn move_selection(&mut self, step: isize) {
        if !self.rows.is_empty() {
            let last = self.rows.len() as isize - 1;
            self.selected = (self.selected as isize + step).clamp(0, last) as usize;
        }
    }

    pub fn render(&self, today: NaiveDate, theme: &Theme, frame: &mut TermFrame, area: Rect) {
        let [list, detail] = panels(area);
        self.render_list(theme, frame, list);
        self.render_detail(today, theme, frame, detail);
    }

    /// The list as lines: section headings, gaps between sections, and packs.
    fn list_lines(&self) -> Vec<ListLine> {
        let mut lines = Vec::new();
        let mut section = "";
        for (index, row) in self.rows.iter().enumerate() {
            if row.section() != section {
                section = row.section();
                if !lines.is_empty() {
                    lines.push(ListLine::Gap);
                }
                lines.push(ListLine::Heading(section));
            }
            lines.push(ListLine::Row(index));
        }
        lines
    }

    /// How many lines the list is scrolled by, to keep the selection in view.
    fn list_scroll(&self, lines: &[ListLine], height: usize) -> usize {
        let selected_line = lines
            .iter()
            .position(|line| *line == ListLine::Row(self.selected))
            .unwrap_or(0);
        selected_line.saturating_sub(height.saturating_sub(2))
    }

    /// The pack drawn at a screen position in `area` (where the screen is drawn).
    pub fn row_at(&self, area: Rect, column: u16, row: u16) -> Option<usize> {
        let [list, _] = panels(area);
        let inner = Block::bordered().inner(list);
        if !inner.contains(ratatui::layout::Position::new(column, row)) {
            return None;
        }
        let lines = self.list_lines();
        let scroll = self.list_scroll(&lines, usize::from(inner.height));
        match lines.get(scroll + usize::from(row - inner.y)) {
            Some(ListLine::Row(index)) => Some(*index),
            _ => None,
        }
    }

    fn render_list(&self, theme: &Theme, frame: &mut TermFrame, area: Rect) {
        let block = Block::bordered()
            .border_type(BorderType::Rounded)
            .border_style(theme.border_focus)
            .title(Line::styled(" Packs ", theme.title));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let width = usize::from(inner.width);
        let list = self.list_lines();
        let mut lines: Vec<Line> = list
            .iter()
            .map(|line| match *line {
                ListLine::Gap => Line::raw(""),
                ListLine::Heading(section) => {
                    Line::styled(section, theme.muted.add_modifier(Modifier::BOLD))
                }
                ListLine::Row(index) => {
                    let row = &self.rows[index];
                    let selected = index == self.selected;
                    let style = if selected {
                        theme.selection
                    } else {
                        theme.text
                    };
                    let marker = if selected { "▸ " } else { "  " };
                    let progress = row.progress();
                    let room = width.saturating_sub(progress.chars().count() + 3);
                    let title = truncate(&row.title, room);
                    let gap =
                        width.saturating_sub(2 + title.chars().count() + progress.chars().count());
                    Line::from(vec![
                        Span::styled(format!("{marker}{title}{}", " ".repeat(gap)), style),
                        Span::styled(progress, style.patch(theme.muted)),
                    ])
                }
            })
            .collect();
        if lines.is_empty() {
            lines.push(Line::styled("No packs yet.", theme.muted));
        }
        let scroll = self.list_scroll(&list, usize::from(inner.height)) as u16;
        frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), inner);
    }

    fn render_detail(&self, today: NaiveDate, theme: &Theme, frame: &mut TermFrame, area: Rect) {
        let Some(row) = self.selected_row() else {
            let hint = "Add a pack from a coach with `truenorth pack add FILE`.";
            frame.render_widget(Paragraph::new(Line::styled(hint, theme.muted)), area);
            return;
        };
        let block = Block::bordered()
            .border_type(BorderType::Rounded)
            .border_style(theme.border)
            .padding(Padding::horizontal(1))
            .title(Line::styled(format!(" {} ", row.title), theme.title));
        let mut lines: Vec<Line> = Vec::new();
        if let RowState::Invalid(problem) = &row.state {
            lines.push(Line::styled(
                "This pack file could not be read:",
                theme.warning,
            ));
            lines.push(Line::styled(problem.clone(), theme.text));
            lines.push(Line::raw(""));
            lines.push(Line::styled(
                "Fix the file, or check it with `truenorth pack check FILE`; x removes it.",
                theme.muted,
            ));
        } else if let Some(pack) = &row.pack {
            lines.extend(about(pack, row, theme));
            lines.push(Line::raw(""));
            lines.extend(upcoming(pack, row, today, theme));
        }
        frame.render_widget(
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .block(block),
            area,
        );
    }
}

fn about<'a>(pack: &Pack, row: &PackRow, theme: &Theme) -> Vec<Line<'a>> {
    let mut facts = Vec::new();
    if !pack.meta.author.is_empty() {
        facts.push(format!("by {}", pack.meta.author));
    }
    facts.push(format!("version {}", pack.meta.version));
    facts.push(match pack.meta.days {
        Some(days) => format!("{days} days"),
        None => "ongoing".to_string(),
    });
    if !pack.meta.psel.is_empty() {
        let standards: Vec<String> = pack.meta.psel.iter().map(u8::to_string).collect();
        facts.push(format!("PSEL {}", standards.join(", ")));
    }
    facts.push(format!("{} prompts", pack.prompts.len()));
    let mut lines = vec![Line::styled(facts.join(" · "), theme.muted)];
    let status = match row.state {
        RowState::Available => "not started · s starts it today".to_string(),
        _ => row.progress(),
    };
    lines.push(Line::styled(format!("Status: {status}"), theme.accent));
    if !pack.meta.description.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(pack.meta.description.clone(), theme.text));
    }
    lines
}

/// The next two weeks of a running pack, or the opening prompts of one not started.
fn upcoming<'a>(pack: &Pack, row: &PackRow, today: NaiveDate, theme: &Theme) -> Vec<Line<'a>> {
    let mut lines = Vec::new();
    match &row.enrollment {
        Some(enrollment)
            if matches!(
                row.state,
                RowState::Running(PackStatus::Active { .. } | PackStatus::NotStarted)
            ) =>
        {
            lines.push(Line::styled("Coming up", theme.title));
            for ahead in 0..PREVIEW_DAYS {
                let Some(date) = today.checked_add_days(Days::new(ahead)) else {
                    continue;
                };
                for prompt in due_on(pack, enrollment, date) {
                    let when = if ahead == 0 {
                        "Today".to_string()
                    } else {
                        date.format("%a %-d %b").to_string()
                    };
                    lines.push(Line::from(vec![
                        Span::styled(format!("{when:<11}"), theme.accent),
                        Span::styled(
                            format!("{:<13} ", truncate(&pack.frame_label(&prompt.frame), 13)),
                            theme.frame_style(&prompt.frame),
                        ),
                        Span::styled(prompt.text.clone(), theme.text),
                    ]));
                }
            }
            if lines.len() == 1 {
                lines.push(Line::styled("Nothing in the next two weeks.", theme.muted));
            }
        }
        _ => {
            lines.push(Line::styled("Prompts", theme.title));
            for prompt in pack.prompts.iter().take(12) {
                lines.push(Line::from(vec![
                    Span::styled(
                        format!("{:<11}", schedule_label(prompt.schedule)),
                        theme.accent,
                    ),
                    Span::styled(prompt.text.clone(), theme.text),
                ]));
            }
            if pack.prompts.len() > 12 {
                lines.push(Line::styled(
                    format!("… and {} more", pack.prompts.len() - 12),
                    theme.muted,
                ));
            }
        }
    }
    lines
}

/// When a prompt comes up, in a few words.
pub fn schedule_label(schedule: Schedule) -> String {
    match schedule {
        Schedule::Anytime => "any time".to_string(),
        Schedule::Day(day) => format!("day {day}"),
        Schedule::Weekday(day) => format!("every {day}"),
        Schedule::EveryDay => "every day".to_string(),
        Schedule::EveryWeek => "every week".to_string(),
    }
}
