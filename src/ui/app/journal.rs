//! The Journal screen's actions: search, filters, editing, marking private, deleting
//! and undoing a delete. Every change goes through the store's one read-modify-write
//! path, then into the in-memory index.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::practice::LineInput;
use super::{App, Level, PickerPurpose, Screen};
use crate::commands::tags::describe;
use crate::domain::dates::check_range;
use crate::domain::index::Privacy;
use crate::domain::{Day, Entry, tags};
use crate::store::StoreError;
use crate::store::tag_rename::rename_tag;
use crate::ui::action::Action;
use crate::ui::screens::journal::{DeleteAsk, Deleted};
use crate::ui::widgets::picker::{Picker, PickerItem};

/// Rows a page key moves.
const PAGE: isize = 15;

/// `1 entry`, `3 entries`.
pub(super) fn entries(count: usize) -> String {
    if count == 1 {
        "1 entry".to_string()
    } else {
        format!("{count} entries")
    }
}

impl App {
    /// Carries out `action` on Journal; false when it is not Journal's to handle. A
    /// message from an earlier command (a date that could not be read, say) goes
    /// once another command is given, so what the status line says is about the
    /// last thing done; moving through the list leaves it.
    pub(super) fn update_journal(&mut self, action: Action) -> bool {
        let moving = matches!(
            action,
            Action::Up
                | Action::Down
                | Action::PageUp
                | Action::PageDown
                | Action::First
                | Action::Last
                | Action::Left
                | Action::Right
        );
        let earlier = if moving { None } else { self.notice.take() };
        let handled = self.journal_action(action);
        if !handled && self.notice.is_none() {
            self.notice = earlier;
        }
        handled
    }

    fn journal_action(&mut self, action: Action) -> bool {
        if self.help_scroll.is_some() || self.picker.is_some() {
            return false;
        }
        if let Some(ask) = self.journal_screen.confirm_delete {
            match (ask, action) {
                (DeleteAsk::Selected, Action::Confirm) => self.delete_selected(),
                (DeleteAsk::Emptied { leaving }, Action::Confirm | Action::Close) => {
                    self.answer_emptied(action == Action::Confirm, leaving)
                }
                (DeleteAsk::Selected, Action::Close) => self.journal_screen.confirm_delete = None,
                _ => return false,
            }
            return true;
        }
        if self.journal_screen.editing.is_some() {
            return self.entry_edit_action(action);
        }
        if self.journal_screen.date_input.is_some() {
            match action {
                Action::Choose => self.go_to_date(),
                Action::Close => self.journal_screen.date_input = None,
                Action::ClearText => self.journal_screen.date_input = Some(String::new()),
                _ => return false,
            }
            return true;
        }
        if self.journal_screen.calendar.is_some() {
            return self.update_calendar(action);
        }
        let Some(index) = &self.index else {
            return false;
        };
        let screen = &mut self.journal_screen;
        match action {
            Action::Up => screen.move_selection(-1, index),
            Action::Down => screen.move_selection(1, index),
            Action::PageUp => screen.move_selection(-PAGE, index),
            Action::PageDown => screen.move_selection(PAGE, index),
            Action::First => screen.move_selection(isize::MIN / 2, index),
            Action::Last => screen.move_selection(isize::MAX / 2, index),
            Action::ClearText => {
                screen.query.clear();
                screen.refresh(index);
            }
            Action::Search => screen.searching = true,
            // Enter in the search box opens the result chosen, as Enter on the list
            // does.
            Action::Choose => {
                screen.searching = false;
                self.open_selected_entry();
            }
            Action::Close => {
                screen.searching = false;
                screen.query.clear();
                screen.refresh(index);
            }
            Action::StartEditing => self.open_selected_entry(),
            Action::TogglePrivate => self.toggle_private(),
            Action::Delete => {
                if screen.selected_ref().is_some() {
                    screen.confirm_delete = Some(DeleteAsk::Selected);
                }
            }
            Action::UndoDelete => self.undo_delete(),
            Action::FilterTag => self.open_tag_picker(TagChoice::Filter),
            Action::RenameTag => self.open_tag_picker(TagChoice::Rename),
            Action::CyclePrivacy => {
                screen.filter.privacy = match screen.filter.privacy {
                    Privacy::All => Privacy::SharedOnly,
                    Privacy::SharedOnly => Privacy::PrivateOnly,
                    Privacy::PrivateOnly => Privacy::All,
                };
                screen.refresh(index);
            }
            Action::OnThisDay => {
                screen.on_this_day = match screen.on_this_day {
                    Some(_) => None,
                    None => Some(self.today.date),
                };
                screen.refresh(index);
                if screen.on_this_day.is_some() && screen.selected_ref().is_none() {
                    self.tell(
                        Level::Info,
                        "Nothing was written on this day in earlier years.",
                    );
                }
            }
            Action::FilterFrame => self.open_frame_picker(),
            Action::FilterPack => self.open_pack_filter_picker(),
            Action::GoToDate => screen.date_input = Some(String::new()),
            Action::Heatmap => {
                let date = screen.selected_ref().map_or(self.today.date, |at| at.date);
                screen.calendar = Some(date);
            }
            // The search too: once its box is left, nothing else clears it.
            Action::ClearFilters => {
                screen.filter = Default::default();
                screen.on_this_day = None;
                screen.query.clear();
                screen.refresh(index);
            }
            _ => return false,
        }
        true
    }

    /// Keys that are text: the search query, the entry being edited, or a date.
    pub(super) fn journal_input(&mut self, event: KeyEvent) {
        if self.journal_screen.editing.is_some() {
            self.type_into_entry(event);
            return;
        }
        let screen = &mut self.journal_screen;
        if let Some(input) = &mut screen.date_input {
            match event.code {
                KeyCode::Char(c) if !event.modifiers.contains(KeyModifiers::CONTROL) => {
                    input.push(c)
                }
                KeyCode::Backspace => {
                    input.pop();
                }
                _ => {}
            }
            return;
        }
        let changed = match event.code {
            KeyCode::Char(c)
                if !event
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                screen.query.push(c);
                true
            }
            KeyCode::Backspace => screen.query.pop().is_some(),
            _ => false,
        };
        if changed && let Some(index) = &self.index {
            screen.refresh(index);
        }
    }

    /// Pasted text on Journal: into the entry being edited, the date being typed or
    /// the search being typed. False when none of them is open.
    pub(super) fn journal_paste(&mut self, text: &str) -> bool {
        if self.journal_screen.editing.is_some() {
            self.paste_into_entry(text);
            return true;
        }
        let screen = &mut self.journal_screen;
        // One line each: a line break in a date or a search means nothing.
        let typed = text.chars().filter(|c| !c.is_control());
        if let Some(input) = &mut screen.date_input {
            input.extend(typed);
        } else if screen.searching {
            screen.query.extend(typed);
            if let Some(index) = &self.index {
                screen.refresh(index);
            }
        } else {
            return false;
        }
        true
    }

    /// Puts a day written to disk into the index and the list.
    pub(super) fn index_day(&mut self, day: Day) {
        if let Some(index) = &mut self.index {
            index.replace_day(day);
            self.journal_screen.refresh(index);
        }
    }

    /// Applies `change` to the day `date` on disk, then refreshes what shows it: the
    /// index, and Today when the day is today.
    pub(super) fn write_entry(
        &mut self,
        date: chrono::NaiveDate,
        change: impl FnOnce(&mut Day),
    ) -> Result<(), StoreError> {
        let day = self.journal.update_day(date, change)?;
        self.index_day(day);
        if date == self.today.date {
            self.rebuild_today();
        }
        Ok(())
    }

    /// [`App::write_entry`], saying so when it could not be written.
    pub(super) fn change_entry(
        &mut self,
        date: chrono::NaiveDate,
        change: impl FnOnce(&mut Day),
    ) -> bool {
        match self.write_entry(date, change) {
            Ok(()) => true,
            Err(error) => {
                self.tell(Level::Error, format!("Not changed: {error}"));
                false
            }
        }
    }

    fn selected_entry(&self) -> Option<(chrono::NaiveDate, Entry)> {
        let at = self.journal_screen.selected_ref()?;
        let entry = self.index.as_ref()?.entry(at)?.clone();
        Some((at.date, entry))
    }

    fn toggle_private(&mut self) {
        let Some((date, entry)) = self.selected_entry() else {
            return;
        };
        let private = !entry.private;
        if self.change_entry(date, |day| {
            if let Some(found) = day.entries.iter_mut().find(|found| found.id == entry.id) {
                found.private = private;
            }
        }) {
            let message = if private {
                "Marked private: it stays on this machine and never goes into an export."
            } else {
                "No longer private: it may go into exports you make."
            };
            self.tell(Level::Success, message);
        }
    }

    fn delete_selected(&mut self) {
        self.journal_screen.confirm_delete = None;
        let Some((date, entry)) = self.selected_entry() else {
            return;
        };
        self.delete_entry(date, &entry.id, None);
    }

    /// Deletes the entry `id` of `date` as it is on disk, kept for `u`, and says what
    /// happened. With `unless_changed_from`, an entry whose text is no longer that
    /// (changed outside truenorth since it was opened) is left as it is: what was
    /// written there is not deleted unseen. False when the day could not be written
    /// (that is said too).
    pub(super) fn delete_entry(
        &mut self,
        date: chrono::NaiveDate,
        id: &str,
        unless_changed_from: Option<&str>,
    ) -> bool {
        let mut removed = None;
        let mut changed_elsewhere = false;
        let written = self.change_entry(date, |day| {
            let Some(at) = day.entries.iter().position(|found| found.id == id) else {
                return;
            };
            if unless_changed_from.is_some_and(|base| day.entries[at].text != base) {
                changed_elsewhere = true;
                return;
            }
            removed = Some((at, day.entries.remove(at)));
        });
        if !written {
            return false;
        }
        match removed {
            Some((position, entry)) => {
                self.journal_screen.undo = Some(Deleted {
                    date,
                    position,
                    entry,
                });
                self.tell(Level::Success, "Deleted. u brings it back.");
            }
            None if changed_elsewhere => self.tell(
                Level::Warning,
                "Not deleted: the entry was changed outside truenorth since you opened it, \
                 and keeps that text.",
            ),
            None => self.tell(
                Level::Info,
                "Already gone: it was deleted outside truenorth.",
            ),
        }
        true
    }

    fn undo_delete(&mut self) {
        let Some(deleted) = self.journal_screen.undo.take() else {
            self.tell(Level::Info, "Nothing to bring back.");
            return;
        };
        let Deleted {
            date,
            position,
            entry,
        } = deleted;
        if self.change_entry(date, |day| {
            if day.entry(&entry.id).is_none() {
                let at = position.min(day.entries.len());
                day.entries.insert(at, entry);
            }
        }) {
            self.tell(Level::Success, "Brought back.");
        }
    }

    /// Every tag of the entries `privacy` allows as a picker item, most used first,
    /// with `detail` (given the tag and its number of entries) beside it; and the tags
    /// in the same order. `None`, said on the status line, while the journal is still
    /// being read or has no such tags.
    pub(super) fn tag_items(
        &mut self,
        privacy: Privacy,
        detail: impl Fn(&str, usize) -> String,
    ) -> Option<(Vec<PickerItem>, Vec<String>)> {
        let Some(index) = &self.index else {
            self.tell(
                Level::Info,
                "The journal is still being read; try again in a moment.",
            );
            return None;
        };
        let counts = index.tag_counts(privacy);
        if counts.is_empty() {
            self.tell(
                Level::Info,
                "No tags yet: write #word in an answer to tag it.",
            );
            return None;
        }
        let items = counts
            .iter()
            .map(|(tag, count)| PickerItem {
                text: format!("#{tag}"),
                detail: detail(tag, *count),
                group: String::new(),
            })
            .collect();
        Some((items, counts.into_iter().map(|(tag, _)| tag).collect()))
    }

    fn open_tag_picker(&mut self, choice: TagChoice) {
        let Some((items, tags)) = self.tag_items(Privacy::All, |_, count| entries(count)) else {
            return;
        };
        self.picker = Some(match choice {
            TagChoice::Filter => (
                Picker::new("Narrow to a tag", items),
                PickerPurpose::Tag(tags),
            ),
            TagChoice::Rename => (
                Picker::new("Rename which tag?", items),
                PickerPurpose::RenameTag(tags),
            ),
        });
    }

    pub(super) fn ask_new_tag_name(&mut self, old: String) {
        self.line_input = Some(LineInput::TagName {
            old,
            text: String::new(),
        });
    }

    /// Renames `old` to what was typed in every day file, then shows the journal as
    /// it now is.
    pub(super) fn rename_tag(&mut self, old: &str, typed: &str) {
        let new = match tags::normalize(typed) {
            Ok(new) if new == old => {
                self.tell(Level::Info, "Same name: nothing renamed.");
                return;
            }
            Ok(new) => new,
            Err(why) => {
                self.tell(Level::Error, why);
                return;
            }
        };
        let report = rename_tag(&self.journal, old, &new);
        for date in &report.days {
            if let Ok(Some(day)) = self.journal.load_day(*date) {
                self.index_day(day);
            }
        }
        if report.days.contains(&self.today.date) {
            self.rebuild_today();
        }
        // A filter on the old name would now show nothing.
        if let Some(tag) = self
            .journal_screen
            .filter
            .tags
            .iter_mut()
            .find(|t| **t == old)
        {
            *tag = new.clone();
        }
        if let Some(index) = &self.index {
            self.journal_screen.refresh(index);
        }
        let level = if report.failures.is_empty() {
            Level::Success
        } else {
            Level::Error
        };
        let summary = describe(&report, old, &new).replace('\n', " ");
        self.tell(level, summary.trim().to_string());
    }

    /// The calendar's keys: move by day or week, Enter shows the day in the list.
    fn update_calendar(&mut self, action: Action) -> bool {
        let Some(cursor) = self.journal_screen.calendar else {
            return false;
        };
        let moved = match action {
            Action::Left => cursor.checked_sub_days(chrono::Days::new(1)),
            Action::Right => cursor.checked_add_days(chrono::Days::new(1)),
            Action::Up => cursor.checked_sub_days(chrono::Days::new(7)),
            Action::Down => cursor.checked_add_days(chrono::Days::new(7)),
            Action::Choose => {
                self.journal_screen.calendar = None;
                self.show_date(cursor);
                return true;
            }
            Action::Close => {
                self.journal_screen.calendar = None;
                return true;
            }
            _ => return false,
        };
        self.journal_screen.calendar = moved.or(Some(cursor));
        true
    }

    /// Reads the typed date or range: a date selects the newest entry on or before
    /// it; `FROM..TO` (either side may be left out) narrows the list.
    fn go_to_date(&mut self) {
        let Some(input) = self.journal_screen.date_input.take() else {
            return;
        };
        let today = self.today.date;
        let parse = |text: &str| -> Result<Option<chrono::NaiveDate>, String> {
            let text = text.trim();
            if text.is_empty() {
                Ok(None)
            } else {
                crate::domain::dates::parse_date(text, today)
                    .map(Some)
                    .map_err(|e| e.to_string())
            }
        };
        if let Some((from, to)) = input.split_once("..") {
            match (parse(from), parse(to)) {
                (Ok(from), Ok(to)) => {
                    // As the command line refuses it: an empty list would look like
                    // nothing was written.
                    if let Err(reversed) = check_range(from, to) {
                        self.tell(
                            Level::Warning,
                            format!(
                                "{reversed}; write the earlier date first: {}..{}",
                                reversed.to, reversed.from
                            ),
                        );
                        return;
                    }
                    self.journal_screen.filter.from = from;
                    self.journal_screen.filter.to = to;
                    if let Some(index) = &self.index {
                        self.journal_screen.refresh(index);
                    }
                }
                (Err(error), _) | (_, Err(error)) => self.tell(Level::Warning, error),
            }
            return;
        }
        match parse(&input) {
            Ok(Some(date)) => self.show_date(date),
            Ok(None) => {}
            Err(error) => self.tell(Level::Warning, error),
        }
    }

    /// Shows every entry from `from` to `to` (both included), newest first: any
    /// search, tag, frame or "on this day" is cleared first.
    pub(super) fn narrow_journal_to(&mut self, from: chrono::NaiveDate, to: chrono::NaiveDate) {
        let screen = &mut self.journal_screen;
        screen.query.clear();
        screen.searching = false;
        screen.on_this_day = None;
        screen.filter = crate::domain::index::Filter {
            from: Some(from),
            to: Some(to),
            ..Default::default()
        };
        if let Some(index) = &self.index {
            screen.refresh(index);
            screen.selected = 0;
            screen.move_selection(0, index);
        }
    }

    /// Selects the newest entry on or before `date`, widening a narrower list first.
    fn show_date(&mut self, date: chrono::NaiveDate) {
        let Some(index) = &self.index else { return };
        let screen = &mut self.journal_screen;
        if !screen.select_date(date, index) {
            screen.query.clear();
            screen.filter = Default::default();
            screen.on_this_day = None;
            screen.refresh(index);
            if !screen.select_date(date, index) {
                self.tell(Level::Info, format!("Nothing written on or before {date}."));
                return;
            }
        }
        let shown = screen.selected_ref().map(|at| at.date);
        if shown != Some(date) {
            self.tell(
                Level::Info,
                format!("Nothing on {date}; showing the entry before it."),
            );
        }
    }

    fn open_frame_picker(&mut self) {
        let frames: Vec<crate::domain::Frame> = crate::domain::Frame::BUILT_IN.to_vec();
        let items = frames
            .iter()
            .map(|frame| PickerItem {
                text: frame.label(),
                detail: String::new(),
                group: String::new(),
            })
            .collect();
        self.picker = Some((
            Picker::new("Narrow to a frame", items),
            PickerPurpose::Frame(frames),
        ));
    }

    pub(super) fn filter_by_frame(&mut self, frame: crate::domain::Frame) {
        let screen = &mut self.journal_screen;
        screen.filter.frames = vec![frame];
        if let Some(index) = &self.index {
            screen.refresh(index);
        }
    }

    /// `P`: the packs that have entries, each with how many.
    fn open_pack_filter_picker(&mut self) {
        let Some(index) = &self.index else { return };
        let counts = index.pack_counts();
        if counts.is_empty() {
            self.tell(
                Level::Info,
                "No entries from a pack yet: start one on the Packs screen.",
            );
            return;
        }
        let items = counts
            .iter()
            .map(|(id, count)| PickerItem {
                text: self
                    .packs
                    .iter()
                    .find(|pack| pack.meta.id == *id)
                    .map_or_else(|| id.clone(), |pack| pack.meta.title.clone()),
                detail: entries(*count),
                group: String::new(),
            })
            .collect();
        let ids = counts.into_iter().map(|(id, _)| id).collect();
        self.picker = Some((
            Picker::new("Narrow to a pack", items),
            PickerPurpose::Pack(ids),
        ));
    }

    pub(super) fn filter_by_pack(&mut self, pack: String) {
        let screen = &mut self.journal_screen;
        screen.filter.packs = vec![pack];
        if let Some(index) = &self.index {
            screen.refresh(index);
        }
    }

    pub(super) fn filter_by_tag(&mut self, tag: String) {
        self.screen = Screen::Journal;
        let screen = &mut self.journal_screen;
        screen.filter.tags = vec![tag];
        if let Some(index) = &self.index {
            screen.refresh(index);
        }
    }
}

/// What the tag picker is for.
#[derive(Clone, Copy)]
enum TagChoice {
    Filter,
    Rename,
}
