//! Mouse input, all of it here: the wheel scrolls what is under the pointer, a click
//! on a tab opens that screen, a click on a list row selects it, a click on an answer
//! or a rating on Today focuses it. Positions are matched against the layout the
//! frame is drawn with, recomputed for the terminal's size, so drawing keeps no state
//! for the mouse. Where a key does the same, the wheel goes through that key's action.

use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};
use ratatui_textarea::CursorMove;

use super::{App, MIN_HEIGHT, MIN_WIDTH, Screen};
use crate::ui::action::Action;
use crate::ui::keymap::Mode;
use crate::ui::screens::today::{self, Focus};

/// Lines one notch of the wheel moves text.
const WHEEL_LINES: i32 = 3;

impl App {
    /// One mouse event on a terminal of size `area`.
    pub fn handle_mouse(&mut self, event: MouseEvent, area: Rect) {
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            return;
        }
        let at = Position::new(event.column, event.row);
        match event.kind {
            MouseEventKind::ScrollDown => self.wheel(1, at, area),
            MouseEventKind::ScrollUp => self.wheel(-1, at, area),
            MouseEventKind::Down(MouseButton::Left) => self.click(at, area),
            _ => {}
        }
    }

    fn wheel(&mut self, step: i32, at: Position, area: Rect) {
        let body = self.frame_areas(area).body;
        let along = if step < 0 { Action::Up } else { Action::Down };
        match self.mode() {
            Mode::Help
            | Mode::Picker
            | Mode::PersonPicker
            | Mode::CommitmentPicker
            | Mode::ListPicker
            | Mode::Themes
            | Mode::Calendar
            | Mode::JournalSearch
            | Mode::Commitments
            | Mode::People
            | Mode::PeopleNotes
            | Mode::Packs
            | Mode::Practice
            | Mode::Trends => self.update(along),
            Mode::Journal => {
                if self.journal_screen.on_entry(body, at.x, at.y) {
                    if let Some(index) = &self.index {
                        self.journal_screen
                            .scroll_entry(step * WHEEL_LINES, index, body);
                    }
                } else {
                    self.update(along);
                }
            }
            Mode::EntryEdit => {
                if let Some(editing) = &mut self.journal_screen.editing {
                    move_lines(&mut editing.editor, step);
                }
            }
            Mode::Writing | Mode::Browsing | Mode::Rating | Mode::Answer => {
                let under = today::focus_at(&self.today, &self.theme, body, at.x, at.y);
                let focused_text = self
                    .today
                    .focused_slot_ref()
                    .is_some_and(|slot| !slot.is_measured());
                if under == Some(self.today.focus) && focused_text {
                    if let Some(slot) = self.today.focused_slot() {
                        move_lines(&mut slot.editor, step);
                    }
                } else {
                    self.update(if step < 0 {
                        Action::FocusPrev
                    } else {
                        Action::FocusNext
                    });
                }
            }
            Mode::Export => self.export_wheel(step as isize * WHEEL_LINES as isize, at, body),
            // A question or a line being typed holds the screen until it is answered.
            Mode::Confirm
            | Mode::LineInput
            | Mode::DateInput
            | Mode::Review
            | Mode::Form
            | Mode::ExportInput => {}
        }
    }

    fn click(&mut self, at: Position, area: Rect) {
        let areas = self.frame_areas(area);
        match self.mode() {
            Mode::Themes => {
                let index = self
                    .theme_picker
                    .as_ref()
                    .and_then(|picker| picker.choice_at(areas.body, at.x, at.y));
                if let Some(index) = index {
                    self.preview_theme(index);
                }
                return;
            }
            // An overlay, or text being typed, has the screen until it is closed.
            Mode::Help
            | Mode::Picker
            | Mode::PersonPicker
            | Mode::CommitmentPicker
            | Mode::ListPicker
            | Mode::Confirm
            | Mode::LineInput
            | Mode::DateInput
            | Mode::Calendar
            | Mode::EntryEdit
            | Mode::Review
            | Mode::Form
            | Mode::ExportInput => return,
            Mode::Writing
            | Mode::Browsing
            | Mode::Rating
            | Mode::Answer
            | Mode::Practice
            | Mode::Journal
            | Mode::JournalSearch
            | Mode::Commitments
            | Mode::People
            | Mode::PeopleNotes
            | Mode::Packs
            | Mode::Trends
            | Mode::Export => {}
        }
        if areas.header.contains(at) {
            if let Some(screen) = self.tab_at(area.width, at.x) {
                self.show_screen(screen);
            }
            return;
        }
        let body = areas.body;
        if !body.contains(at) {
            return;
        }
        match self.screen {
            Screen::Today => {
                if let Some(row) = today::practice_row_at(&self.today, body, at.x, at.y) {
                    self.today.practice.selected = row;
                }
                if let Some(focus) = today::focus_at(&self.today, &self.theme, body, at.x, at.y)
                    && focus != self.today.focus
                {
                    self.today.focus_on(focus);
                } else if matches!(self.today.focus, Focus::Slot(_)) {
                    self.today.set_writing(true);
                }
            }
            Screen::Journal => {
                if let (Some(row), Some(index)) =
                    (self.journal_screen.row_at(body, at.x, at.y), &self.index)
                {
                    let step = row as isize - self.journal_screen.selected as isize;
                    self.journal_screen.move_selection(step, index);
                }
            }
            Screen::Commitments => {
                if let Some(row) = self.commitments_screen.row_at(body, at.x, at.y) {
                    self.commitments_screen.selected = row;
                }
            }
            Screen::People => {
                if let Some(row) = self.people_screen.row_at(body, at.x, at.y) {
                    self.people_screen.selected = row;
                    self.people_screen.notes_focus = false;
                    self.refresh_timeline();
                } else if let Some(note) = self.people_screen.note_at(body, at.x, at.y) {
                    self.people_screen.notes_focus = true;
                    self.people_screen.note_selected = note;
                }
            }
            Screen::Packs => {
                if let Some(row) = self.packs_screen.row_at(body, at.x, at.y) {
                    self.packs_screen.selected = row;
                }
            }
            // Charts and insights: the wheel moves through the insights; a click has
            // no one row to land on.
            Screen::Trends => {}
            Screen::Export => self.export_click(at, body),
        }
    }
}

/// Moves a text area's cursor a wheel notch up or down; its view follows.
fn move_lines(editor: &mut ratatui_textarea::TextArea<'static>, step: i32) {
    let direction = if step < 0 {
        CursorMove::Up
    } else {
        CursorMove::Down
    };
    for _ in 0..WHEEL_LINES {
        editor.move_cursor(direction);
    }
}
