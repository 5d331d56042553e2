//! Settings changed from inside the app: the theme picker, which repaints everything
//! in the theme under its cursor and writes the kept one into config.toml.

use super::{App, Level};
use crate::store::config::{FILE_NAME, save_theme};
use crate::ui::action::Action;
use crate::ui::widgets::theme_picker::ThemePicker;

impl App {
    pub(super) fn open_theme_picker(&mut self) {
        let picker = ThemePicker::open(
            &self.config_dir,
            &self.theme_name,
            &self.theme,
            self.color_support,
        );
        self.theme = picker.preview().clone();
        self.theme_picker = Some(picker);
    }

    /// The picker's keys: moving previews, Choose keeps, Close puts the old theme back.
    pub(super) fn update_theme_picker(&mut self, action: Action) {
        let Some(picker) = &mut self.theme_picker else {
            return;
        };
        match action {
            Action::Up | Action::Down => {
                picker.move_selection(if action == Action::Up { -1 } else { 1 });
                self.theme = picker.preview().clone();
            }
            Action::Choose => self.keep_theme(),
            Action::Close => {
                self.theme = picker.original().clone();
                self.theme_picker = None;
            }
            Action::Quit => self.quit = true,
            _ => {}
        }
    }

    /// Moves the picker to its `index`-th theme and previews it (a click).
    pub(super) fn preview_theme(&mut self, index: usize) {
        if let Some(picker) = &mut self.theme_picker {
            picker.select(index);
            self.theme = picker.preview().clone();
        }
    }

    /// Keeps the highlighted theme and writes it into config.toml. When it cannot be
    /// written the theme still stays for this session, and the message says why.
    fn keep_theme(&mut self) {
        let Some(picker) = &self.theme_picker else {
            return;
        };
        let Some(choice) = picker.selected() else {
            return;
        };
        let name = choice.info.name.clone();
        let Some(theme) = choice.theme.clone() else {
            let why = choice
                .info
                .problem
                .as_ref()
                .map_or_else(String::new, |problem| format!(": {problem}"));
            self.tell(Level::Warning, format!("`{name}` cannot be used{why}"));
            return;
        };
        self.theme_picker = None;
        self.theme = theme;
        self.theme_name = name.clone();
        if let Some(problem) = self.theme_problem.take() {
            self.settings_problems.retain(|known| *known != problem);
        }
        let path = self.config_dir.join(FILE_NAME);
        match save_theme(&path, &name) {
            Ok(()) => self.tell(
                Level::Success,
                format!("Theme `{name}` kept in {}", path.display()),
            ),
            Err(error) => self.tell(
                Level::Warning,
                format!("Theme `{name}` is used until you quit, but not saved: {error}"),
            ),
        }
    }
}
