//! People: the private roster, longest-waiting first, with how much of it the leader
//! connected with lately, and each person's timeline of connection notes, where one
//! may be chosen (Tab) to take it back.

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
    /// Whether the focus is on the timeline, choosing a note, rather than the list.
    pub notes_focus: bool,
    /// The chosen note in `timeline`, while the focus is there.
    pub note_selected: usize,
}

/// What a line of the timeline panel shows, so drawing and clicks read one layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Row {
    /// Role, group, archived.
    Facts,
    /// The person's own note from the roster.
    About,
    Blank,
    /// "No connection notes yet."
    NoNotes,
    /// The day and time of the note at this place in the timeline.
    When(usize),
    /// A line of the text of that note.
    Text(usize),
}

/// Columns kept left of each note for the marker of the chosen one.
const GUTTER: usize = 2;

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

    /// The note chosen in the timeline (its day and the note), while the focus is there.
    pub fn selected_note(&self) -> Option<&(NaiveDate, Connection)> {
        self.notes_focus
            .then(|| self.timeline.get(self.note_selected))
            .flatten()
    }

    /// Moves the choice among the notes (down is older).
    pub fn move_note(&mut self, step: isize) {
        if !self.timeline.is_empty() {
            let last = self.timeline.len() as isize - 1;
            self.note_selected = (self.note_selected as isize + step).clamp(0, last) as usize;
        }
    }

    /// Keeps the chosen note within the timeline after it changed; with no note left,
    /// the focus goes back to the list.
    pub fn keep_note_in_range(&mut self) {
        if self.timeline.is_empty() {
            self.notes_focus = false;
            self.note_selected = 0;
        } else {
            self.note_selected = self.note_selected.min(self.timeline.len() - 1);
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

    /// The note drawn at a screen position in `area`, if any.
    pub fn note_at(&self, area: Rect, column: u16, row: u16) -> Option<usize> {
        let (_, _, detail, _) = self.panels(area);
        let person = self.selected_person()?;
        let inner = timeline_block().inner(detail);
        if !inner.contains(ratatui::layout::Position::new(column, row)) {
            return None;
        }
        let rows = self.timeline_rows(person, usize::from(inner.width));
        let scroll = self.timeline_scroll(&rows, usize::from(inner.height));
        match rows.get(scroll + usize::from(row - inner.y))?.1 {
            Row::When(note) | Row::Text(note) => Some(note),
            _ => None,
        }
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
            .border_style(if self.notes_focus {
                theme.border
            } else {
                theme.border_focus
            })
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
                // With the focus on the notes, the person they are about stays marked
                // (▸, bold) but is not lit as the focus is.
                let base = match (selected, self.notes_focus) {
                    (true, false) => theme.selection,
                    (true, true) => theme.text.add_modifier(Modifier::BOLD),
                    (false, _) => theme.text,
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

    /// The timeline panel's lines at `width` (inside the padding): what each says
    /// and what it is.
    fn timeline_rows(&self, person: &Person, width: usize) -> Vec<(String, Row)> {
        let mut rows = Vec::new();
        let wrapped = |rows: &mut Vec<(String, Row)>, text: &str, width: usize, row| {
            for line in textwrap::wrap(text, width.max(1)) {
                rows.push((line.into_owned(), row));
            }
        };
        let mut facts = vec![person.role.to_string()];
        if let Some(group) = &person.group {
            facts.push(group.clone());
        }
        if person.archived {
            facts.push("archived: u brings them back".to_string());
        }
        wrapped(&mut rows, &facts.join(" · "), width, Row::Facts);
        if !person.note.is_empty() {
            wrapped(&mut rows, &person.note, width, Row::About);
        }
        rows.push((String::new(), Row::Blank));
        if self.timeline.is_empty() {
            wrapped(
                &mut rows,
                "No connection notes yet. Enter logs one.",
                width,
                Row::NoNotes,
            );
        }
        let text_width = width.saturating_sub(GUTTER);
        for (at, (date, connection)) in self.timeline.iter().enumerate() {
            let when = format!(
                "{} · {}",
                date.format("%a %-d %b %Y"),
                connection.at.format("%H:%M")
            );
            wrapped(&mut rows, &when, text_width, Row::When(at));
            for line in connection.note.lines() {
                wrapped(&mut rows, line, text_width, Row::Text(at));
            }
        }
        rows
    }

    /// The first line of the timeline shown: the top, unless the chosen note would
    /// be below the panel's `height` lines.
    fn timeline_scroll(&self, rows: &[(String, Row)], height: usize) -> usize {
        if !self.notes_focus {
            return 0;
        }
        let chosen =
            |row: &Row| matches!(row, Row::When(n) | Row::Text(n) if *n == self.note_selected);
        let (Some(start), Some(end)) = (
            rows.iter().position(|(_, row)| chosen(row)),
            rows.iter().rposition(|(_, row)| chosen(row)),
        ) else {
            return 0;
        };
        (end + 1).saturating_sub(height).min(start)
    }

    fn render_timeline(&self, theme: &Theme, frame: &mut TermFrame, area: Rect) {
        let Some(person) = self.selected_person() else {
            return;
        };
        let mut block = timeline_block()
            .border_style(if self.notes_focus {
                theme.border_focus
            } else {
                theme.border
            })
            .title(Line::styled(format!(" {} ", person.name), theme.title));
        if let Some(hint) = self.timeline_hint(usize::from(area.width).saturating_sub(2)) {
            block = block.title_bottom(Line::styled(hint, theme.muted).right_aligned());
        }
        let inner = block.inner(area);
        let width = usize::from(inner.width);
        let rows = self.timeline_rows(person, width);
        let scroll = self.timeline_scroll(&rows, usize::from(inner.height));
        let lines: Vec<Line> = rows
            .into_iter()
            .skip(scroll)
            .take(usize::from(inner.height))
            .map(|(text, row)| match row {
                Row::Facts | Row::NoNotes => Line::styled(text, theme.muted),
                Row::About => Line::styled(text, theme.text),
                Row::Blank => Line::raw(""),
                Row::When(at) | Row::Text(at) => {
                    let chosen = self.notes_focus && at == self.note_selected;
                    // The chosen note reads as the selected row of a list does.
                    let style = match (chosen, row) {
                        (true, Row::When(_)) => theme.selection.add_modifier(Modifier::BOLD),
                        (true, _) => theme.selection,
                        (false, Row::When(_)) => theme.accent.add_modifier(Modifier::BOLD),
                        (false, _) => theme.text,
                    };
                    let marker = if chosen && matches!(row, Row::When(_)) {
                        "▸ "
                    } else {
                        "  "
                    };
                    let body = format!("{marker}{text}");
                    let pad = if chosen {
                        width.saturating_sub(Span::raw(body.as_str()).width())
                    } else {
                        0
                    };
                    Line::styled(format!("{body}{}", " ".repeat(pad)), style)
                }
            })
            .collect();
        frame.render_widget(Paragraph::new(lines).block(block), area);
    }

    /// Under the timeline, in `width` columns: which note is chosen and what to do
    /// with it, or how to choose one.
    fn timeline_hint(&self, width: usize) -> Option<String> {
        let count = self.timeline.len();
        let (long, short) = match (count, self.notes_focus) {
            (0, _) => return None,
            (_, true) => {
                let at = self.note_selected + 1;
                (
                    format!(" {at} of {count} · d takes it back "),
                    format!(" {at} of {count} "),
                )
            }
            (_, false) => (
                " d takes back the newest · Tab chooses ".to_string(),
                " Tab chooses a note ".to_string(),
            ),
        };
        Some(if long.chars().count() <= width {
            long
        } else {
            short
        })
    }
}

/// The timeline panel's frame, without its colours and title.
fn timeline_block() -> Block<'static> {
    Block::bordered()
        .border_type(BorderType::Rounded)
        .padding(Padding::horizontal(1))
}
