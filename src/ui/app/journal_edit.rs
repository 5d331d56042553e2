//! Editing an entry on the Journal screen. What is typed there is unsaved work just
//! as Today's answers are: `keep_unsaved` keeps it in the drafts file on a pause in
//! typing, on quit (Ctrl-C too), on SIGTERM or SIGHUP and after a panic, and it comes
//! back in the editor at the next start. An entry whose text was all taken out is not
//! saved blank: the person is asked whether to delete it.

use crossterm::event::KeyEvent;

use super::writer::explain;
use super::{App, Level, Screen, undo_or_redo};
use crate::domain::merge::{Edited, edit_text};
use crate::store::EntryDraft;
use crate::ui::action::Action;
use crate::ui::screens::journal::{DeleteAsk, EntryEditor};

impl App {
    /// Opens the selected entry in the editor (Enter or `e` on the list, Enter in the
    /// search box).
    pub(super) fn open_selected_entry(&mut self) {
        let Some(at) = self.journal_screen.selected_ref() else {
            return;
        };
        // Enter in the search box is not refused up front as `e` is (it also only
        // leaves the box): a read-only window says why here.
        if !self.may_write() {
            return;
        }
        if let Some(entry) = self.index.as_ref().and_then(|index| index.entry(at)) {
            self.journal_screen.editing = Some(EntryEditor::new(at.date, entry));
        }
    }

    /// The editor's own actions; false when `action` is not one of them.
    pub(super) fn entry_edit_action(&mut self, action: Action) -> bool {
        match action {
            Action::Save => self.finish_edit(false),
            Action::StopEditing => self.finish_edit(true),
            Action::Undo | Action::Redo => {
                if let Some(editing) = &mut self.journal_screen.editing
                    && undo_or_redo(&mut editing.editor, action)
                {
                    self.note_edit();
                }
            }
            _ => return false,
        }
        true
    }

    /// A key typed into the entry being edited.
    pub(super) fn type_into_entry(&mut self, event: KeyEvent) {
        if let Some(editing) = &mut self.journal_screen.editing
            && editing.editor.input(event)
        {
            self.note_edit();
        }
    }

    /// Pasted text, into the entry being edited.
    pub(super) fn paste_into_entry(&mut self, text: &str) {
        if let Some(editing) = &mut self.journal_screen.editing {
            editing
                .editor
                .insert_str(text.replace("\r\n", "\n").replace('\r', "\n"));
            self.note_edit();
        }
    }

    /// Ctrl-S (`leaving` false) or Esc: saves the edit, then on Esc closes the
    /// editor. An emptied entry asks first whether to delete it.
    fn finish_edit(&mut self, leaving: bool) {
        let Some(editing) = &self.journal_screen.editing else {
            return;
        };
        if editing.is_emptied() {
            self.journal_screen.confirm_delete = Some(DeleteAsk::Emptied { leaving });
            return;
        }
        if self.save_edit() && leaving {
            self.journal_screen.editing = None;
        }
    }

    /// Writes the edited text into its entry; true when it is saved (or there was
    /// nothing to save). On failure the editor stays open and the text is kept as a
    /// draft.
    fn save_edit(&mut self) -> bool {
        let Some(editing) = &self.journal_screen.editing else {
            return true;
        };
        if !editing.is_changed() {
            return true;
        }
        let (date, id, text, base) = (
            editing.date,
            editing.entry_id.clone(),
            editing.text(),
            editing.original.clone(),
        );
        let now = self.clock.now();
        let mut edited = Edited::Updated;
        let written = self.write_entry(date, |day| {
            edited = edit_text(day, &id, &base, &text, now);
        });
        if let Err(error) = written {
            let kept = self.keep_unsaved();
            self.tell(
                Level::Error,
                format!("Not saved: {}. {kept}", explain(&error)),
            );
            return false;
        }
        if let Some(editing) = &mut self.journal_screen.editing {
            editing.original = text;
            if let Edited::KeptBoth(new_id) | Edited::Recreated(new_id) = &edited {
                editing.entry_id = new_id.clone();
            }
        }
        // Saved: its draft goes.
        self.flush_drafts();
        let day = date.format("%-d %B %Y");
        let message = match edited {
            Edited::Updated => format!("Saved the entry of {day}."),
            Edited::KeptBoth(_) => format!(
                "Saved as a new entry of {day}: this one had also been changed outside \
                 truenorth, so both versions are kept."
            ),
            Edited::Recreated(_) => format!(
                "Saved as a new entry of {day}: the entry had been deleted outside truenorth."
            ),
        };
        self.tell(Level::Success, message);
        true
    }

    /// The answer to "This entry is now empty. Delete it?": yes deletes the entry
    /// (`u` brings it back) and closes the editor; no keeps the entry's old text,
    /// closing the editor when Esc asked and putting the old text back in it when
    /// Ctrl-S did.
    pub(super) fn answer_emptied(&mut self, delete: bool, leaving: bool) {
        self.journal_screen.confirm_delete = None;
        let Some(editing) = &mut self.journal_screen.editing else {
            return;
        };
        let (date, id, base) = (
            editing.date,
            editing.entry_id.clone(),
            editing.original.clone(),
        );
        if !delete {
            if leaving {
                self.journal_screen.editing = None;
            } else {
                editing.set_text(&base);
            }
            self.flush_drafts();
            self.tell(Level::Info, "Not deleted: the entry keeps its old text.");
            return;
        }
        // Whatever was found on disk, the emptied text has nothing left to keep; only
        // a day that could not be written leaves the editor open.
        if self.delete_entry(date, &id, Some(&base)) {
            self.journal_screen.editing = None;
            self.flush_drafts();
        }
    }

    /// Every unsaved entry edit: the one open in the editor, and any brought back at
    /// start that could not be saved then.
    pub(super) fn entry_drafts(&self) -> Vec<EntryDraft> {
        self.entry_drafts_held
            .iter()
            .cloned()
            .chain(
                self.journal_screen
                    .editing
                    .as_ref()
                    .and_then(EntryEditor::draft),
            )
            .collect()
    }

    /// At open, for the window that writes: an entry edit left unsaved comes back in
    /// the editor on Journal, as it was typed. Any other (there are more only when
    /// several windows' drafts were merged, and one editor shows one) is saved into
    /// its entry, as Today's drafts of earlier days are saved into their days; one
    /// that cannot be stays a draft. Returns what to tell the person.
    pub(super) fn reopen_entry_drafts(&mut self) -> Vec<String> {
        let mut drafts = std::mem::take(&mut self.draft_file.entries).into_iter();
        let Some(first) = drafts.next() else {
            return Vec::new();
        };
        // In the editor before anything else is written, so a draft written meanwhile
        // still holds it.
        self.journal_screen.editing = Some(EntryEditor::restore(&first));
        let mut notices = Vec::new();
        for draft in drafts {
            let now = self.clock.now();
            let date = draft.date;
            let written = self.write_entry(date, |day| {
                edit_text(day, &draft.entry_id, &draft.base, &draft.text, now);
            });
            match written {
                Ok(()) => notices.push(format!(
                    "An unsaved edit of an entry of {date} was saved to that entry."
                )),
                Err(error) => {
                    notices.push(format!(
                        "An unsaved edit of an entry of {date} is kept as a draft: {}",
                        explain(&error)
                    ));
                    self.entry_drafts_held.push(draft);
                }
            }
        }
        // A form brought back is in front already: it takes every key until closed.
        if self.practice_form.is_none() {
            self.show_screen(Screen::Journal);
        }
        notices.push(format!(
            "Your unsaved edit of the entry of {} is back. Esc saves it.",
            first.date.format("%-d %B %Y")
        ));
        notices
    }
}
