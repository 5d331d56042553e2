//! People: the private roster, longest-waiting first, with how much of it the leader
//! connected with lately, and each person's timeline of connection notes.

use chrono::NaiveDate;
use ratatui::Frame as TermFrame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Padding, Paragraph, Wrap};

use crate::domain::person::{Connection, Person};
use crate::ui::theme::Theme;

/// One person's line.
#[derive(Debug, Clone)]
pub struct PersonRow {
    pub person: Person,
    pub last: Option<NaiveDate>,
    pub days_since: Option<i64>,
}

#[derive(Default)]
pub struct PeopleScreen {
    pub rows: Vec<PersonRow>,
    pub selected: usize,
    /// Shown in the header: connected with in 7 and 30 days, of how many.
    pub within_7: usize,
    pub within_30: usize,
    pub total: usize,
    /// The group the list is narrowed to.
    pub group: Option<String>,
    /// The selected person's connections, newest first.
    pub timeline: Vec<(NaiveDate, Connection)>,
    /// Whether archived people are listed too (`A`), after everyone current.
    pub show_archived: bool,
    /// How many archived people the group holds, shown or not.
    pub archived: usize,
}

impl PeopleScreen {
    pub fn selected_person(&self) -> Option<&Person> {
        self.rows.get(self.selected).map(|row| &row.person)
    }

    /// Selects the person with this id, if the list shows them.
    pub fn select_id(&mut self, id: &str) {
        if let Some(index) = self.rows.iter().position(|row| row.person.id == id) {
            self.selected = index;
        }
    }

    pub fn move_selection(&mut self, step: isize) {
        if !self.rows.is_empty() {
            let last = self.rows.len() as isize - 1;
            self.selected = (self.selected as isize + step).clamp(0, last) as usize;
        }
    }

    /// The summary bar, the list panel, the timeline panel and the first row the list
    /// shows; drawing and clicks share it.
    fn panels(&self, area: Rect) -> (Rect, Rect, Rect, usize) {
        let [bar, body] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
        let list_width = (body.width * 2 / 5).clamp(30, 56);
        let [list, detail] =
            Layout::horizontal([Constraint::Length(list_width), Constraint::Fill(1)]).areas(body);
        let height = usize::from(Block::bordered().inner(list).height);
        let first = self.selected.saturating_sub(height.saturating_sub(1));
        (bar, list, detail, first)
    }

    /// The row drawn at a screen position in `area` (where the screen is drawn).
    pub fn row_at(&self, area: Rect, column: u16, row: u16) -> Option<usize> {
        let (_, list, _, first) = self.panels(area);
        let inner = Block::bordered().inner(list);
        if !inner.contains(ratatui::layout::Position::new(column, row)) {
            return None;
        }
        let index = first + usize::from(row - inner.y);
        (index < self.rows.len()).then_some(index)
    }

    pub fn render(&self, theme: &Theme, frame: &mut TermFrame, area: Rect) {
        let (bar, list, detail, first) = self.panels(area);
        let percent = |part: usize| {
            (part * 100 + self.total / 2)
                .checked_div(self.total)
                .unwrap_or(0)
        };
        let group = self
            .group
            .as_ref()
            .map_or(String::new(), |group| format!(" · group {group}"));
        let header = format!(
            " Connected with {}% in the last 7 days, {}% in 30 ({} {}{group})",
            percent(self.within_7),
            percent(self.within_30),
            self.total,
            if self.total == 1 { "person" } else { "people" }
        );
        frame.render_widget(Paragraph::new(Line::styled(header, theme.accent)), bar);
        let block = Block::bordered()
            .border_type(BorderType::Rounded)
            .border_style(theme.border_focus)
            .title(Line::styled(" People, longest waiting first ", theme.title))
            .title_bottom(crate::ui::screens::commitments::archived_note(
                self.archived,
                self.show_archived,
                theme,
            ));
        let inner = block.inner(list);
        frame.render_widget(block, list);
        if self.rows.is_empty() {
            let text = if self.archived > 0 {
                "No one current here. A shows the archived; u brings someone back. \
                 Press a to add someone."
            } else {
                "Your roster is empty. Press a to add someone, or import a spreadsheet \
                 with `truenorth people import roster.csv`."
            };
            frame.render_widget(
                Paragraph::new(Line::styled(text, theme.muted)).wrap(Wrap { trim: true }),
                inner,
            );
            return;
        }
        let width = usize::from(inner.width);
        let height = usize::from(inner.height);
        let lines: Vec<Line> = self
            .rows
            .iter()
            .enumerate()
            .skip(first)
            .take(height)
            .map(|(index, row)| {
                let selected = index == self.selected;
                let base = if selected {
                    theme.selection
                } else {
                    theme.text
                };
                // The detail beside says when they were last connected with.
                let since = match row.days_since {
                    _ if row.person.archived => "archived".to_string(),
                    None => "never".to_string(),
                    Some(0) => "today".to_string(),
                    Some(1) => "yesterday".to_string(),
                    Some(days) => format!("{days} days ago"),
                };
                let name = format!(
                    "{}{}",
                    if selected { "▸ " } else { "  " },
                    row.person.label()
                );
                let name: String = name
                    .chars()
                    .take(width.saturating_sub(since.len() + 1))
                    .collect();
                let gap = width.saturating_sub(name.chars().count() + since.chars().count());
                Line::from(vec![
                    Span::styled(format!("{name}{}", " ".repeat(gap)), base),
                    Span::styled(since, base.patch(theme.muted)),
                ])
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), inner);
        self.render_timeline(theme, frame, detail);
    }

    fn render_timeline(&self, theme: &Theme, frame: &mut TermFrame, area: Rect) {
        let Some(person) = self.selected_person() else {
            return;
        };
        let block = Block::bordered()
            .border_type(BorderType::Rounded)
            .border_style(theme.border)
            .padding(Padding::horizontal(1))
            .title(Line::styled(format!(" {} ", person.name), theme.title));
        let mut lines = Vec::new();
        let mut facts = vec![person.role.to_string()];
        if let Some(group) = &person.group {
            facts.push(group.clone());
        }
        if person.archived {
            facts.push("archived: u brings them back".to_string());
        }
        lines.push(Line::styled(facts.join(" · "), theme.muted));
        if !person.note.is_empty() {
            lines.push(Line::styled(person.note.clone(), theme.text));
        }
        lines.push(Line::raw(""));
        if self.timeline.is_empty() {
            lines.push(Line::styled(
                "No connection notes yet. Enter logs one.",
                theme.muted,
            ));
        }
        for (date, connection) in &self.timeline {
            lines.push(Line::styled(
                date.format("%a %-d %b %Y").to_string(),
                theme.accent.add_modifier(Modifier::BOLD),
            ));
            lines.push(Line::styled(connection.note.clone(), theme.text));
        }
        frame.render_widget(
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .block(block),
            area,
        );
    }
}
