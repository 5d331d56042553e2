//! A fuzzy picker: type to filter, Tab to narrow to a group, Enter to choose. Results
//! are ranked on every keystroke with matched characters highlighted.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};

use crate::domain::search::{Match, Query};
use crate::ui::theme::Theme;
use crate::ui::widgets::truncate;

/// One thing to pick.
#[derive(Debug, Clone)]
pub struct PickerItem {
    /// What is matched and shown.
    pub text: String,
    /// Shown after the text, muted (a count, where it comes from).
    pub detail: String,
    /// The group Tab narrows to (a frame, a roster group), shown in the first column.
    /// Empty: in no group, and the column is left blank.
    pub group: String,
}

pub struct Picker {
    title: String,
    items: Vec<PickerItem>,
    groups: Vec<String>,
    /// `None`: every group.
    group: Option<usize>,
    query: String,
    results: Vec<Match>,
    selected: usize,
    /// Whether typing also matches the group ("sam 5c" finds Sam in 5C).
    search_groups: bool,
    /// What to type, under the list.
    hint: &'static str,
}

impl Picker {
    pub fn new(title: impl Into<String>, items: Vec<PickerItem>) -> Picker {
        let mut groups: Vec<String> = Vec::new();
        for item in &items {
            if !item.group.is_empty() && !groups.contains(&item.group) {
                groups.push(item.group.clone());
            }
        }
        let mut picker = Picker {
            title: title.into(),
            items,
            groups,
            group: None,
            query: String::new(),
            results: Vec::new(),
            selected: 0,
            search_groups: false,
            hint: "type to search",
        };
        picker.refresh();
        picker
    }

    /// Tab walks the groups in alphabetical order (as `people list` shows them)
    /// rather than in the order the items came.
    pub fn sorted_groups(mut self) -> Picker {
        self.groups.sort_by_key(|group| group.to_lowercase());
        self
    }

    /// What to type, shown under the list ("type to search" unless told).
    pub fn with_hint(mut self, hint: &'static str) -> Picker {
        self.hint = hint;
        self
    }

    /// Typing matches the group too, after the text: "sam 5c" finds Sam in 5C.
    pub fn searching_groups(mut self) -> Picker {
        self.search_groups = true;
        self.refresh();
        self
    }

    fn refresh(&mut self) {
        let group = self.group.map(|index| self.groups[index].as_str());
        let query = Query::new(&self.query);
        let in_group: Vec<usize> = (0..self.items.len())
            .filter(|&index| group.is_none_or(|group| self.items[index].group == group))
            .collect();
        let haystacks: Vec<String> = in_group
            .iter()
            .map(|&index| {
                let item = &self.items[index];
                if self.search_groups && !item.group.is_empty() {
                    format!("{} {}", item.text, item.group)
                } else {
                    item.text.clone()
                }
            })
            .collect();
        let ranked = query.rank(haystacks.iter().map(String::as_str));
        // Skim's matching is generous; far weaker matches than the best are noise.
        let floor = ranked.first().map_or(0, |best| best.score / 3);
        self.results = ranked
            .into_iter()
            .filter(|found| found.score >= floor)
            .map(|found| Match {
                index: in_group[found.index],
                ..found
            })
            .collect();
        self.selected = 0;
    }

    pub fn query(&self) -> &str {
        &self.query
    }

    pub fn type_char(&mut self, c: char) {
        self.query.push(c);
        self.refresh();
    }

    /// Empties the search (Ctrl-U).
    pub fn clear_query(&mut self) {
        self.query.clear();
        self.refresh();
    }

    pub fn backspace(&mut self) {
        self.query.pop();
        self.refresh();
    }

    /// Narrows to the next group (after the last: all groups again).
    pub fn cycle_group(&mut self, forward: bool) {
        let count = self.groups.len();
        self.group = match (self.group, forward) {
            (None, true) => (count > 0).then_some(0),
            (None, false) => count.checked_sub(1),
            (Some(index), true) => (index + 1 < count).then_some(index + 1),
            (Some(index), false) => index.checked_sub(1),
        };
        self.refresh();
    }

    pub fn move_selection(&mut self, step: isize) {
        if self.results.is_empty() {
            return;
        }
        let last = self.results.len() as isize - 1;
        self.selected = (self.selected as isize + step).clamp(0, last) as usize;
    }

    /// The index (in the items given) of the highlighted result.
    pub fn chosen(&self) -> Option<usize> {
        self.results.get(self.selected).map(|found| found.index)
    }

    pub fn result_count(&self) -> usize {
        self.results.len()
    }

    pub fn render(&self, theme: &Theme, frame: &mut Frame, area: Rect) {
        let width = (area.width * 9 / 10).max(area.width.min(40));
        let height = (area.height * 8 / 10).max(area.height.min(10));
        let popup = area.centered(Constraint::Length(width), Constraint::Length(height));
        let group = self
            .group
            .map_or("all", |index| self.groups[index].as_str());
        let block = Block::bordered()
            .border_type(BorderType::Rounded)
            .border_style(theme.border_focus)
            .title(Line::styled(format!(" {} ", self.title), theme.title))
            .title_bottom(
                // The keys are in the footer, read from the keymap.
                Line::styled(format!(" {} ", self.hint), theme.muted).right_aligned(),
            );
        let inner = block.inner(popup);
        frame.render_widget(Clear, popup);
        frame.render_widget(block, popup);
        let [input, filter, list, preview] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(4),
        ])
        .areas(inner);
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(" / ", theme.accent.add_modifier(Modifier::BOLD)),
                Span::styled(self.query.clone(), theme.text),
                Span::styled("▏", theme.accent),
            ])),
            input,
        );
        frame.render_widget(
            Paragraph::new(Line::styled(
                format!(
                    " {} of {} · showing: {group}",
                    self.results.len(),
                    self.items.len()
                ),
                theme.muted,
            )),
            filter,
        );
        let column = self
            .items
            .iter()
            .map(|item| item.group.chars().count())
            .max()
            .unwrap_or(0)
            .min(14);
        let rows = usize::from(list.height);
        // Keep the selection in view.
        let first = self.selected.saturating_sub(rows.saturating_sub(1));
        let lines: Vec<Line> = self
            .results
            .iter()
            .enumerate()
            .skip(first)
            .take(rows)
            .map(|(row, found)| self.result_line(found, row == self.selected, column, theme))
            .collect();
        frame.render_widget(Paragraph::new(lines), list);
        self.render_preview(theme, frame, preview);
    }

    /// The highlighted item in full, since list rows are cut to the width.
    fn render_preview(&self, theme: &Theme, frame: &mut Frame, area: Rect) {
        let Some(item) = self.chosen().map(|index| &self.items[index]) else {
            return;
        };
        let block = Block::new()
            .borders(ratatui::widgets::Borders::TOP)
            .border_style(theme.border);
        let about: Vec<&str> = [item.group.as_str(), item.detail.as_str()]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect();
        let text = vec![
            Line::styled(item.text.clone(), theme.text),
            Line::styled(about.join(" · "), theme.muted),
        ];
        frame.render_widget(
            Paragraph::new(text)
                .wrap(ratatui::widgets::Wrap { trim: true })
                .block(block),
            area,
        );
    }

    fn result_line(
        &self,
        found: &Match,
        selected: bool,
        column: usize,
        theme: &Theme,
    ) -> Line<'static> {
        let item = &self.items[found.index];
        let base = if selected {
            theme.selection
        } else {
            theme.text
        };
        let mut spans = vec![Span::styled(if selected { " ▸ " } else { "   " }, base)];
        if column > 0 {
            spans.push(Span::styled(
                format!("{:<column$} ", truncate(&item.group, column)),
                base.patch(theme.muted),
            ));
        }
        for (position, c) in item.text.chars().enumerate() {
            let style = if found.positions.contains(&position) {
                base.patch(theme.accent)
                    .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
            } else {
                base
            };
            spans.push(Span::styled(c.to_string(), style));
        }
        if !item.detail.is_empty() {
            spans.push(Span::styled(
                format!("  {}", item.detail),
                base.patch(theme.muted),
            ));
        }
        Line::from(spans)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items() -> Vec<PickerItem> {
        [
            ("Who needs thanks?", "staff"),
            ("Which student surprised you?", "students"),
            ("Who surprised you on staff?", "staff"),
        ]
        .into_iter()
        .map(|(text, group)| PickerItem {
            text: text.into(),
            detail: String::new(),
            group: group.into(),
        })
        .collect()
    }

    #[test]
    fn typing_narrows_and_tab_filters_by_group() {
        let mut picker = Picker::new("Prompts", items());
        assert_eq!(picker.result_count(), 3);
        for c in "surpr".chars() {
            picker.type_char(c);
        }
        assert_eq!(picker.result_count(), 2);
        picker.cycle_group(true); // staff
        assert_eq!(picker.result_count(), 1);
        assert_eq!(picker.chosen(), Some(2));
        picker.cycle_group(true); // students
        assert_eq!(picker.chosen(), Some(1));
        picker.cycle_group(true); // all again
        assert_eq!(picker.result_count(), 2);
        picker.backspace();
        assert_eq!(picker.query(), "surp");
    }

    #[test]
    fn a_group_typed_after_the_name_narrows_and_blank_groups_are_not_tabbed_to() {
        let people = [("Sam Lee", "5C"), ("Sam Ortiz", "5B"), ("Ada Kim", "")]
            .into_iter()
            .map(|(name, group)| PickerItem {
                text: name.into(),
                detail: String::new(),
                group: group.into(),
            })
            .collect();
        let mut picker = Picker::new("People", people)
            .sorted_groups()
            .searching_groups();
        for c in "sam 5c".chars() {
            picker.type_char(c);
        }
        assert_eq!(picker.chosen(), Some(0));
        for _ in 0.."sam 5c".len() {
            picker.backspace();
        }
        picker.cycle_group(true);
        assert_eq!(picker.chosen(), Some(1), "5B comes before 5C");
        picker.cycle_group(true);
        assert_eq!(picker.chosen(), Some(0));
        picker.cycle_group(true);
        assert_eq!(picker.result_count(), 3, "then everyone again");
    }

    #[test]
    fn selection_stays_within_results() {
        let mut picker = Picker::new("Prompts", items());
        picker.move_selection(10);
        assert_eq!(picker.chosen(), Some(2));
        picker.move_selection(-10);
        assert_eq!(picker.chosen(), Some(0));
    }
}
