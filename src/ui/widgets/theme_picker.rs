//! The theme picker: a narrow panel at the side, so the app behind it stays in view
//! and is repainted in whichever theme the cursor is on. The app keeps the chosen
//! theme or, on cancel, the one it had.

use std::path::Path;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Wrap};

use crate::ui::theme::{ColorSupport, Theme, ThemeInfo, ThemeSource, list_themes, load_theme};
use crate::ui::widgets::truncate;

/// One theme on offer, with its styles ready so moving onto it repaints at once.
#[derive(Debug, Clone)]
pub struct ThemeChoice {
    pub info: ThemeInfo,
    /// The theme fitted to the terminal; `None` when it cannot be used.
    pub theme: Option<Theme>,
}

#[derive(Debug, Clone)]
pub struct ThemePicker {
    choices: Vec<ThemeChoice>,
    selected: usize,
    /// The name and theme in force when the picker opened, which cancelling restores.
    original_name: String,
    original: Theme,
    support: ColorSupport,
}

/// The panel's parts, shared by drawing and by the mouse, so a click lands on the row
/// that is drawn there.
struct Areas {
    panel: Rect,
    list: Rect,
    note: Rect,
    /// The first choice drawn in `list`.
    first: usize,
}

/// Lines each choice takes: its name, then its description.
const ROW_HEIGHT: u16 = 2;
/// The panel's width at most; narrower terminals give it half their width.
const WIDTH: u16 = 42;

impl ThemePicker {
    /// Every theme in `config_dir` and built in, fitted to `support`, with the cursor
    /// on `current` (the theme in force, `theme`).
    pub fn open(config_dir: &Path, current: &str, theme: &Theme, support: ColorSupport) -> Self {
        let choices = list_themes(config_dir)
            .into_iter()
            .map(|info| {
                let theme = info
                    .is_usable()
                    .then(|| load_theme(&info.name, config_dir, support).ok())
                    .flatten();
                ThemeChoice { info, theme }
            })
            .collect();
        ThemePicker::new(choices, current, theme.clone(), support)
    }

    /// A picker over `choices` (for tests and callers that already have them).
    pub fn new(
        choices: Vec<ThemeChoice>,
        current: &str,
        original: Theme,
        support: ColorSupport,
    ) -> Self {
        let selected = choices
            .iter()
            .position(|choice| choice.info.name == current && choice.theme.is_some())
            .unwrap_or(0);
        ThemePicker {
            choices,
            selected,
            original_name: current.to_string(),
            original,
            support,
        }
    }

    pub fn choices(&self) -> &[ThemeChoice] {
        &self.choices
    }

    pub fn selected(&self) -> Option<&ThemeChoice> {
        self.choices.get(self.selected)
    }

    pub fn original_name(&self) -> &str {
        &self.original_name
    }

    /// The theme to paint the app in now: the one under the cursor, or the original
    /// while the cursor is on one that cannot be used.
    pub fn preview(&self) -> &Theme {
        self.selected()
            .and_then(|choice| choice.theme.as_ref())
            .unwrap_or(&self.original)
    }

    /// The theme the app had before the picker opened.
    pub fn original(&self) -> &Theme {
        &self.original
    }

    pub fn move_selection(&mut self, step: isize) {
        if let Some(last) = self.choices.len().checked_sub(1) {
            self.selected = (self.selected as isize + step).clamp(0, last as isize) as usize;
        }
    }

    pub fn select(&mut self, index: usize) {
        if index < self.choices.len() {
            self.selected = index;
        }
    }

    /// The choice drawn at a screen position, for a click.
    pub fn choice_at(&self, area: Rect, column: u16, row: u16) -> Option<usize> {
        let areas = self.areas(area);
        let inside = column >= areas.list.x
            && column < areas.list.right()
            && row >= areas.list.y
            && row < areas.list.bottom();
        if !inside {
            return None;
        }
        let index = areas.first + usize::from((row - areas.list.y) / ROW_HEIGHT);
        (index < self.choices.len()).then_some(index)
    }

    /// Whether a screen position is on the panel at all.
    pub fn contains(&self, area: Rect, column: u16, row: u16) -> bool {
        let panel = self.areas(area).panel;
        column >= panel.x && column < panel.right() && row >= panel.y && row < panel.bottom()
    }

    fn note(&self) -> Option<String> {
        if let Some(problem) = self
            .selected()
            .and_then(|choice| choice.info.problem.as_ref())
        {
            return Some(format!("✗ Cannot be used: {problem}"));
        }
        (self.support == ColorSupport::NoColor).then(|| {
            "NO_COLOR is set, so colours stay off; the theme you keep is used where \
             colour is on."
                .to_string()
        })
    }

    fn areas(&self, area: Rect) -> Areas {
        let width = WIDTH.min(area.width / 2).max(area.width.min(24));
        let note_height = if self.note().is_some() { 4 } else { 0 };
        let wanted = self.choices.len() as u16 * ROW_HEIGHT + note_height + 2;
        let height = wanted.min(area.height);
        let panel = Rect {
            x: area.right().saturating_sub(width),
            y: area.y,
            width,
            height,
        };
        let inner = Block::bordered().inner(panel);
        let [list, note] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(note_height)]).areas(inner);
        let visible = usize::from((list.height / ROW_HEIGHT).max(1));
        let first = self.selected.saturating_sub(visible - 1);
        Areas {
            panel,
            list,
            note,
            first,
        }
    }

    /// Draws the panel at the right of `area` in `theme` (the preview, so the panel
    /// shows its own selection colour too).
    pub fn render(&self, theme: &Theme, frame: &mut Frame, area: Rect) {
        let areas = self.areas(area);
        let block = Block::bordered()
            .border_type(BorderType::Rounded)
            .border_style(theme.border_focus)
            .title(Line::styled(" Theme ", theme.title))
            .title_bottom(Line::styled(" Enter keep · Esc put back ", theme.muted).right_aligned());
        frame.render_widget(Clear, areas.panel);
        frame.render_widget(block, areas.panel);
        let width = usize::from(areas.list.width);
        let visible = usize::from(areas.list.height / ROW_HEIGHT);
        let mut lines = Vec::new();
        for (index, choice) in self
            .choices
            .iter()
            .enumerate()
            .skip(areas.first)
            .take(visible)
        {
            let selected = index == self.selected;
            let base = if selected {
                theme.selection
            } else {
                theme.text
            };
            let marker = if selected { "▸ " } else { "  " };
            let in_use = if choice.info.name == self.original_name {
                " ✓ in use"
            } else {
                ""
            };
            let source = match (&choice.info.source, choice.theme.is_some()) {
                (_, false) => "✗ broken",
                (ThemeSource::BuiltIn, true) => "built-in",
                (ThemeSource::User(_), true) => "yours",
            };
            let name = format!("{marker}{}{in_use}", choice.info.name);
            let name = truncate(&name, width.saturating_sub(source.chars().count() + 1));
            let gap = width.saturating_sub(name.chars().count() + source.chars().count());
            lines.push(Line::from(vec![
                Span::styled(
                    format!("{name}{}", " ".repeat(gap)),
                    base.add_modifier(Modifier::BOLD),
                ),
                Span::styled(source, base.patch(theme.muted)),
            ]));
            let about = truncate(
                &format!("  {}", choice.info.description),
                width.saturating_sub(1),
            );
            let pad = width.saturating_sub(about.chars().count());
            lines.push(Line::styled(
                format!("{about}{}", " ".repeat(pad)),
                base.patch(theme.muted),
            ));
        }
        frame.render_widget(Paragraph::new(lines), areas.list);
        if let Some(note) = self.note() {
            frame.render_widget(
                Paragraph::new(Line::styled(note, theme.warning)).wrap(Wrap { trim: true }),
                areas.note,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::theme::builtin;

    fn picker(current: &str, support: ColorSupport) -> ThemePicker {
        ThemePicker::open(
            Path::new("/nonexistent"),
            current,
            &Theme::default(),
            support,
        )
    }

    #[test]
    fn opens_on_the_theme_in_use_and_previews_where_the_cursor_is() {
        let mut picker = picker("light", ColorSupport::TrueColor);
        let names: Vec<&str> = picker
            .choices()
            .iter()
            .map(|choice| choice.info.name.as_str())
            .collect();
        let built_in: Vec<&str> = builtin().into_iter().map(|(name, _)| name).collect();
        assert_eq!(names, built_in);
        assert_eq!(picker.selected().unwrap().info.name, "light");
        let light = load_theme("light", Path::new("/x"), ColorSupport::TrueColor).unwrap();
        assert_eq!(picker.preview(), &light);
        picker.move_selection(1);
        assert_eq!(picker.selected().unwrap().info.name, "high-contrast");
        assert_ne!(picker.preview(), &light);
        picker.move_selection(10);
        assert_eq!(picker.selected().unwrap().info.name, "evening");
        picker.move_selection(-10);
        assert_eq!(picker.selected().unwrap().info.name, "default");
        assert_eq!(picker.original(), &Theme::default());
        assert_eq!(picker.original_name(), "light");
    }

    #[test]
    fn an_unknown_current_theme_starts_at_the_top() {
        let picker = picker("no-such-theme", ColorSupport::TrueColor);
        assert_eq!(picker.selected().unwrap().info.name, "default");
    }

    #[test]
    fn themes_are_fitted_to_the_terminal() {
        let picker = picker("default", ColorSupport::NoColor);
        for choice in picker.choices() {
            assert_eq!(choice.theme.as_ref(), Some(&Theme::monochrome()));
        }
        assert!(picker.note().unwrap().contains("NO_COLOR"));
    }

    #[test]
    fn a_broken_theme_is_listed_but_previews_the_original() {
        let config = tempfile::tempdir().unwrap();
        let dir = crate::store::themes::themes_dir(config.path());
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("mine.toml"), "[theme]\nname = \"mine\"\n").unwrap();
        let original = Theme::default();
        let mut picker =
            ThemePicker::open(config.path(), "evening", &original, ColorSupport::TrueColor);
        assert_eq!(picker.choices()[0].info.name, "mine");
        assert!(picker.choices()[0].theme.is_none());
        picker.select(0);
        assert_eq!(picker.preview(), &original);
        assert!(picker.note().unwrap().starts_with("✗ Cannot be used: "));
    }

    #[test]
    fn clicks_land_on_the_row_drawn_there() {
        let picker = picker("default", ColorSupport::TrueColor);
        let area = Rect::new(0, 0, 100, 30);
        // The panel is at the right: 42 wide, its list inside the border.
        assert_eq!(picker.choice_at(area, 59, 1), Some(0));
        assert_eq!(picker.choice_at(area, 60, 1), Some(0));
        assert_eq!(picker.choice_at(area, 60, 2), Some(0));
        assert_eq!(picker.choice_at(area, 60, 3), Some(1));
        assert_eq!(picker.choice_at(area, 98, 8), Some(3));
        assert_eq!(picker.choice_at(area, 60, 9), None, "the bottom border");
        assert_eq!(picker.choice_at(area, 10, 3), None, "outside the panel");
        assert!(picker.contains(area, 58, 0));
        assert!(!picker.contains(area, 57, 0));
    }
}
