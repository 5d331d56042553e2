//! On People, choosing one of the selected person's connection notes (Tab) and taking
//! it back (`d`, after asking), through the store function `truenorth people unlog`
//! uses, with the same words.

use chrono::NaiveDate;

use super::practice_edit::{PracticeConfirm, excerpt};
use super::{App, Level};
use crate::commands::people::{gone_meanwhile, took_back};
use crate::commands::when::describe_day;
use crate::domain::person::Connection;
use crate::store::people::remove_connection;
use crate::ui::action::Action;

impl App {
    /// Keys while a note is being chosen; false when not theirs.
    pub(super) fn update_people_notes(&mut self, action: Action) -> bool {
        match action {
            Action::Up => self.people_screen.move_note(-1),
            Action::Down => self.people_screen.move_note(1),
            Action::FocusNext | Action::FocusPrev | Action::Close => {
                self.people_screen.notes_focus = false;
            }
            Action::TakeBackNote => self.ask_take_back_note(),
            _ => return false,
        }
        true
    }

    /// Tab on People: the focus goes to the selected person's notes, the newest
    /// chosen. False (and why, said) when there is none to choose.
    pub(super) fn focus_notes(&mut self) -> bool {
        let screen = &self.people_screen;
        let Some(person) = screen.selected_person() else {
            self.tell(Level::Info, "No one selected.");
            return false;
        };
        if screen.timeline.is_empty() {
            let message = format!(
                "No connection notes about {} yet; Enter logs one.",
                person.label()
            );
            self.tell(Level::Info, message);
            return false;
        }
        self.people_screen.notes_focus = true;
        self.people_screen.note_selected = 0;
        true
    }

    /// `d` on People: asks before taking back the chosen note. On the list it is the
    /// newest, and the focus moves to it, so the timeline shows which.
    pub(super) fn ask_take_back_note(&mut self) {
        if !self.people_screen.notes_focus && !self.focus_notes() {
            return;
        }
        let screen = &self.people_screen;
        let (Some(person), Some((date, connection))) =
            (screen.selected_person(), screen.selected_note())
        else {
            return;
        };
        let when = format!(
            "{} at {}",
            describe_day(*date, self.today.date),
            connection.at.format("%H:%M")
        );
        self.practice_confirm = Some(PracticeConfirm::TakeBackConnection {
            date: *date,
            connection: connection.clone(),
            label: person.label(),
            when,
        });
    }

    /// "y" to taking back a note: it leaves its day's file in one atomic write, and
    /// the figures follow. A note no longer there (the day changed meanwhile) is left
    /// alone, as `people unlog` leaves it, and the screen shows the day as it is now.
    pub(super) fn take_back_connection(
        &mut self,
        date: NaiveDate,
        connection: &Connection,
        label: &str,
    ) {
        let day_words = describe_day(date, self.today.date);
        match remove_connection(&self.journal, date, connection) {
            Ok(true) => {
                self.reload_day(date);
                let message = took_back(label, &day_words, &excerpt(&connection.note, 60));
                self.tell(Level::Success, message);
            }
            Ok(false) => {
                self.reload_day(date);
                let message = format!("Not taken back: {}.", gone_meanwhile(&day_words));
                self.tell(Level::Warning, message);
            }
            Err(error) => self.tell(Level::Error, format!("Not taken back: {error}")),
        }
    }
}
