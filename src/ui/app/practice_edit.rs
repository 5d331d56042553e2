//! Adding, editing and putting away commitments and people from their screens: the
//! forms, the questions asked before archiving, and the writes (through the same
//! stores the CLI uses).

use super::{App, Level, Screen};
use crate::domain::commitment::CommitmentState;
use crate::store::commitments::id_for_title;
use crate::store::{FormDraft, FormKind, PeopleStore};
use crate::ui::action::Action;
use crate::ui::screens::practice_forms::{CommitmentForm, PersonForm};
use crate::ui::widgets::form::Form;

/// The form open over Commitments or People.
pub enum PracticeForm {
    Commitment(CommitmentForm),
    Person(PersonForm),
}

impl PracticeForm {
    pub fn form(&self) -> &Form {
        match self {
            PracticeForm::Commitment(c) => &c.form,
            PracticeForm::Person(p) => &p.form,
        }
    }

    /// Whether it edits something already saved (rather than adding).
    pub fn is_edit(&self) -> bool {
        match self {
            PracticeForm::Commitment(c) => c.editing.is_some(),
            PracticeForm::Person(p) => p.editing.is_some(),
        }
    }

    pub fn form_mut(&mut self) -> &mut Form {
        match self {
            PracticeForm::Commitment(c) => &mut c.form,
            PracticeForm::Person(p) => &mut p.form,
        }
    }

    /// What the drafts file keeps of it: nothing until something was typed.
    pub fn draft(&self) -> Option<FormDraft> {
        let (kind, editing) = match self {
            PracticeForm::Commitment(c) => (FormKind::Commitment, c.editing.clone()),
            PracticeForm::Person(p) => (FormKind::Person, p.editing.clone()),
        };
        let form = self.form();
        form.is_dirty().then(|| FormDraft {
            kind,
            editing,
            fields: form
                .values()
                .into_iter()
                .map(|(label, value)| (label.to_string(), value))
                .collect(),
        })
    }
}

/// A change that cannot be taken back from the screen, waiting for "y".
pub enum PracticeConfirm {
    ArchiveCommitment {
        id: String,
        title: String,
    },
    FinishCommitment {
        id: String,
        title: String,
    },
    ArchivePerson {
        id: String,
        label: String,
    },
    /// Space on Today's list, on a check-off that carries a note.
    TakeBackCheckIn {
        id: String,
        title: String,
        note: String,
    },
    /// `d` on People: a connection note (as logged on `date`) about `label`, and
    /// `when` it was logged, in words.
    TakeBackConnection {
        date: chrono::NaiveDate,
        connection: crate::domain::person::Connection,
        label: String,
        when: String,
    },
}

impl PracticeConfirm {
    pub fn question(&self) -> String {
        match self {
            PracticeConfirm::ArchiveCommitment { title, .. } => format!(
                "Archive “{title}”? It leaves your lists; its check-ins stay in your journal."
            ),
            PracticeConfirm::FinishCommitment { title, .. } => format!(
                "Mark “{title}” done? Today becomes its last day; its streak and check-ins stay."
            ),
            PracticeConfirm::ArchivePerson { label, .. } => format!(
                "Archive {label}? They leave the list and the picker; your notes about them stay."
            ),
            PracticeConfirm::TakeBackCheckIn { title, note, .. } => format!(
                "Take back today's check-off of “{title}”? Its note goes with it: “{}”",
                excerpt(note, 60)
            ),
            PracticeConfirm::TakeBackConnection {
                connection,
                label,
                when,
                ..
            } => format!(
                "Take back the connection with {label} logged {when}? Its note goes with it: “{}”",
                excerpt(&connection.note, 60)
            ),
        }
    }
}

impl App {
    /// The open form as a draft, when it holds unsaved text. Kept with Today's
    /// drafts, so quitting (Ctrl-C, a closed terminal) with a form open loses nothing.
    pub(super) fn form_draft(&self) -> Option<FormDraft> {
        self.practice_form.as_ref().and_then(PracticeForm::draft)
    }

    /// At open: a form left unfinished comes back on its screen, as it was typed. One
    /// that edited something no longer there comes back as a new one. Returns what to
    /// tell the person, or `None` when there was nothing to bring back.
    pub(super) fn reopen_form(&mut self, draft: &FormDraft) -> Option<String> {
        let groups = self.roster_groups();
        let (mut open, screen, lost) = match draft.kind {
            FormKind::Commitment => {
                let found = draft
                    .editing
                    .as_ref()
                    .and_then(|id| self.commitments.iter().find(|c| &c.id == id));
                let form = match found {
                    Some(commitment) => CommitmentForm::edit(commitment, &groups),
                    None => CommitmentForm::new(self.today.date, &groups),
                };
                let lost = draft.editing.is_some() && found.is_none();
                (PracticeForm::Commitment(form), Screen::Commitments, lost)
            }
            FormKind::Person => {
                let found = draft
                    .editing
                    .as_ref()
                    .and_then(|id| self.people.iter().find(|p| &p.id == id));
                let form = match found {
                    Some(person) => PersonForm::edit(person),
                    None => PersonForm::new(None),
                };
                let lost = draft.editing.is_some() && found.is_none();
                (PracticeForm::Person(form), Screen::People, lost)
            }
        };
        open.form_mut().restore(
            draft
                .fields
                .iter()
                .map(|(label, value)| (label.as_str(), value.as_str())),
        );
        if !open.form().is_dirty() {
            return None;
        }
        let what = match draft.kind {
            FormKind::Commitment => "commitment",
            FormKind::Person => "person",
        };
        self.practice_form = Some(open);
        self.show_screen(screen);
        Some(if lost {
            format!(
                "Your unfinished {what} form is back, as a new one: what it edited is gone. \
                 Enter saves it; Esc twice drops it."
            )
        } else {
            format!("Your unfinished {what} form is back. Enter saves it; Esc twice drops it.")
        })
    }

    fn people_store(&self) -> PeopleStore {
        PeopleStore::open(self.journal.root())
    }

    fn roster_groups(&self) -> Vec<String> {
        crate::domain::coverage::groups(&self.people)
    }

    /// `a` on Commitments or People: an empty form.
    pub(super) fn open_new_form(&mut self) {
        self.practice_form = Some(match self.screen {
            Screen::People => {
                PracticeForm::Person(PersonForm::new(self.people_screen.group.as_deref()))
            }
            _ => PracticeForm::Commitment(CommitmentForm::new(
                self.today.date,
                &self.roster_groups(),
            )),
        });
    }

    /// `e` on Commitments or People: the selected one in a form.
    pub(super) fn open_edit_form(&mut self) {
        let form = match self.screen {
            Screen::People => self
                .people_screen
                .selected_person()
                .map(|person| PracticeForm::Person(PersonForm::edit(person))),
            _ => self.commitments_screen.selected_row().map(|row| {
                PracticeForm::Commitment(CommitmentForm::edit(
                    &row.commitment,
                    &self.roster_groups(),
                ))
            }),
        };
        match form {
            Some(form) => self.practice_form = Some(form),
            None => self.tell(Level::Info, "Nothing selected to edit; a adds one."),
        }
    }

    /// Keys while a form is open.
    pub(super) fn update_form(&mut self, action: Action) {
        self.update_open_form(action);
        // A form saved or dropped leaves no draft behind.
        if self.practice_form.is_none() && self.draft_file.form.is_some() {
            self.drafts_stale = true;
        }
    }

    fn update_open_form(&mut self, action: Action) {
        let Some(open) = &mut self.practice_form else {
            return;
        };
        match action {
            Action::FocusNext | Action::Down => open.form_mut().move_focus(1),
            Action::FocusPrev | Action::Up => open.form_mut().move_focus(-1),
            Action::Save => self.save_form(),
            // The first Esc after typing only warns (`may_close` notes it); nothing closes.
            Action::Close if open.form_mut().may_close() => {
                self.practice_form = None;
                self.tell(Level::Info, "Closed the form; nothing was changed.");
            }
            Action::Quit => self.quit = true,
            _ => {}
        }
    }

    fn save_form(&mut self) {
        if let Some(open) = &self.practice_form
            && !open.form().is_dirty()
            && open.is_edit()
        {
            self.practice_form = None;
            self.tell(Level::Info, "Nothing changed.");
            return;
        }
        match self.practice_form.take() {
            Some(PracticeForm::Commitment(form)) => self.save_commitment_form(form),
            Some(PracticeForm::Person(form)) => self.save_person_form(form),
            None => {}
        }
    }

    /// Saves the commitment form, or keeps it open with the problem shown.
    fn save_commitment_form(&mut self, mut form: CommitmentForm) {
        let plan = match form.read(self.today.date) {
            Ok(plan) => plan,
            Err(error) => {
                form.show_error(&error);
                self.practice_form = Some(PracticeForm::Commitment(form));
                return;
            }
        };
        let warnings = plan.warnings(&self.commitments, &self.people, form.editing.as_deref());
        let result = match &form.editing {
            None => {
                let id = id_for_title(&plan.title);
                self.commitment_store
                    .add(plan.into_commitment(id))
                    .map(|saved| Some((saved.id.clone(), saved.title.clone(), how_kept(&saved))))
            }
            Some(id) => self.commitment_store.modify(id, |commitment| {
                plan.apply_to(commitment);
                (
                    commitment.id.clone(),
                    commitment.title.clone(),
                    how_kept(commitment),
                )
            }),
        };
        match result {
            Ok(Some((id, title, kept))) => {
                let message = if form.editing.is_some() {
                    format!("Saved your changes to “{title}”.")
                } else {
                    format!("Added “{title}”, {kept}")
                };
                self.reload_commitments();
                self.commitments_screen.select(&id);
                match warnings.first() {
                    // Saved all the same: the warning is what to look at next.
                    Some(warning) => self.tell(
                        Level::Warning,
                        format!("{message} But {warning}."),
                    ),
                    None => self.tell(Level::Success, message),
                }
            }
            Ok(None) => self.tell(
                Level::Warning,
                "That commitment is no longer in commitments.toml (changed elsewhere?); nothing saved.",
            ),
            Err(error) => {
                // The form stays open so nothing typed is lost.
                self.practice_form = Some(PracticeForm::Commitment(form));
                self.tell(Level::Error, format!("Not saved: {error}"));
            }
        }
    }

    /// Saves the person form, or keeps it open with the problem shown.
    fn save_person_form(&mut self, mut form: PersonForm) {
        let store = self.people_store();
        // Checked against the roster as it is on disk now, not as it was loaded.
        let roster = match store.load() {
            Ok(roster) => roster,
            Err(error) => {
                self.practice_form = Some(PracticeForm::Person(form));
                self.tell(Level::Error, format!("Not saved: {error}"));
                return;
            }
        };
        let details = match form.read(&roster) {
            Ok(details) => details,
            Err(error) => {
                form.show_error(&error);
                self.practice_form = Some(PracticeForm::Person(form));
                return;
            }
        };
        let result = match &form.editing {
            None => store
                .update(|people| {
                    let person = details.into_person(people);
                    people.push(person.clone());
                    person
                })
                .map(Some),
            Some(id) => store.modify(id, |person| {
                details.apply_to(person);
                person.clone()
            }),
        };
        match result {
            Ok(Some(person)) => {
                self.reload_people();
                self.people_screen.select_id(&person.id);
                let shown = self.people_screen.selected_person().map(|p| &p.id) == Some(&person.id);
                let verb = if form.editing.is_some() {
                    "Saved"
                } else {
                    "Added"
                };
                let mut message = format!("{verb} {}.", person.label());
                if !shown && let Some(group) = &self.people_screen.group {
                    message.push_str(&format!(
                        " The list shows group {group} only; t changes the group."
                    ));
                }
                self.tell(Level::Success, message);
            }
            Ok(None) => self.tell(
                Level::Warning,
                "That person is no longer in people.toml (changed elsewhere?); nothing saved.",
            ),
            Err(error) => {
                self.practice_form = Some(PracticeForm::Person(form));
                self.tell(Level::Error, format!("Not saved: {error}"));
            }
        }
    }

    fn reload_people(&mut self) {
        match self.people_store().load() {
            Ok(people) => self.people = people,
            Err(error) => self.tell(Level::Error, error.to_string()),
        }
        self.refresh_practice();
    }

    /// `x` (archive) or `d` (done) on Commitments, `x` on People: asks first.
    pub(super) fn ask_put_away(&mut self, done: bool) {
        let question =
            match self.screen {
                Screen::People => self.people_screen.selected_person().map(|person| {
                    PracticeConfirm::ArchivePerson {
                        id: person.id.clone(),
                        label: person.label(),
                    }
                }),
                _ => self.commitments_screen.selected_row().map(|row| {
                    let (id, title) = (row.commitment.id.clone(), row.commitment.title.clone());
                    if done {
                        PracticeConfirm::FinishCommitment { id, title }
                    } else {
                        PracticeConfirm::ArchiveCommitment { id, title }
                    }
                }),
            };
        match question {
            Some(question) => self.practice_confirm = Some(question),
            None => self.tell(Level::Info, "Nothing selected."),
        }
    }

    /// Keys while an archive or done question is on screen.
    pub(super) fn update_practice_confirm(&mut self, action: Action) {
        match action {
            Action::Confirm => {
                if let Some(question) = self.practice_confirm.take() {
                    self.put_away(question);
                }
            }
            Action::Close => self.practice_confirm = None,
            Action::Quit => self.quit = true,
            _ => {}
        }
    }

    fn put_away(&mut self, question: PracticeConfirm) {
        let today = self.today.date;
        let (state, id, name) = match question {
            PracticeConfirm::TakeBackCheckIn { id, title, .. } => {
                self.take_back_today(&id, &title);
                return;
            }
            PracticeConfirm::TakeBackConnection {
                date,
                connection,
                label,
                ..
            } => {
                self.take_back_connection(date, &connection, &label);
                return;
            }
            PracticeConfirm::ArchivePerson { id, label } => {
                match self
                    .people_store()
                    .modify(&id, |person| person.archived = true)
                {
                    Ok(Some(())) => {
                        self.reload_people();
                        self.tell(
                            Level::Success,
                            format!(
                                "Archived {label}. Their connection notes stay in your journal."
                            ),
                        );
                    }
                    Ok(None) => self.tell(
                        Level::Warning,
                        format!("{label} is no longer on the roster."),
                    ),
                    Err(error) => self.tell(Level::Error, format!("Not archived: {error}")),
                }
                return;
            }
            PracticeConfirm::ArchiveCommitment { id, title } => {
                (CommitmentState::Archived, id, title)
            }
            PracticeConfirm::FinishCommitment { id, title } => (CommitmentState::Done, id, title),
        };
        match self
            .commitment_store
            .modify(&id, |commitment| commitment.change_state(state, today))
        {
            Ok(Some(true)) => {
                self.reload_commitments();
                let message = if state == CommitmentState::Done {
                    format!("Marked “{name}” done. Well kept.")
                } else {
                    format!("Archived “{name}”. Its check-ins stay in your journal.")
                };
                self.tell(Level::Success, message);
            }
            Ok(Some(false)) => self.tell(Level::Info, format!("“{name}” was already {state}.")),
            Ok(None) => self.tell(
                Level::Warning,
                format!("“{name}” is no longer in commitments.toml."),
            ),
            Err(error) => self.tell(Level::Error, format!("Not changed: {error}")),
        }
    }
}

impl App {
    /// `A` on Commitments or People: archived ones are listed too, or hidden again.
    pub(super) fn toggle_archived(&mut self) {
        let (shown, archived, what) = if self.screen == Screen::People {
            let screen = &mut self.people_screen;
            screen.show_archived = !screen.show_archived;
            (screen.show_archived, screen.archived, "people")
        } else {
            let screen = &mut self.commitments_screen;
            screen.show_archived = !screen.show_archived;
            (screen.show_archived, screen.archived, "commitments")
        };
        self.refresh_practice();
        let message = match (shown, archived) {
            (true, 0) => format!("No archived {what} to show."),
            (true, _) => format!("Showing archived {what} too; u brings the selected one back."),
            (false, _) => format!("Archived {what} are hidden again."),
        };
        self.tell(Level::Info, message);
    }

    /// `u` on Commitments or People: brings the selected archived person, or done or
    /// archived commitment, back.
    pub(super) fn unarchive(&mut self) {
        if self.screen == Screen::People {
            let Some(person) = self.people_screen.selected_person().cloned() else {
                self.tell(Level::Info, "Nothing selected.");
                return;
            };
            if !person.archived {
                self.tell(Level::Info, format!("{} is not archived.", person.label()));
                return;
            }
            let roster = match self.people_store().load() {
                Ok(roster) => roster,
                Err(error) => {
                    self.tell(Level::Error, format!("Not changed: {error}"));
                    return;
                }
            };
            if let Some(refusal) = crate::domain::person::restore_refusal(&roster, &person) {
                self.tell(Level::Warning, format!("Not brought back: {refusal}."));
                return;
            }
            match self
                .people_store()
                .modify(&person.id, |p| p.archived = false)
            {
                Ok(Some(())) => {
                    self.reload_people();
                    self.people_screen.select_id(&person.id);
                    self.refresh_timeline();
                    self.tell(
                        Level::Success,
                        format!(
                            "Brought back {}: on the list and in the picker again.",
                            person.label()
                        ),
                    );
                }
                Ok(None) => self.tell(
                    Level::Warning,
                    format!("{} is no longer on the roster.", person.label()),
                ),
                Err(error) => self.tell(Level::Error, format!("Not changed: {error}")),
            }
            return;
        }
        let Some(row) = self.commitments_screen.selected_row() else {
            self.tell(Level::Info, "Nothing selected.");
            return;
        };
        let (id, title) = (row.commitment.id.clone(), row.commitment.title.clone());
        // Done or archived comes back, as `truenorth commit restore` does.
        let state = row.commitment.state;
        if !matches!(state, CommitmentState::Done | CommitmentState::Archived) {
            let hint = if state == CommitmentState::Paused {
                "; p resumes it"
            } else {
                ""
            };
            self.tell(
                Level::Info,
                format!("“{title}” is {state}, not done or archived{hint}."),
            );
            return;
        }
        let today = self.today.date;
        match self
            .commitment_store
            .modify(&id, |c| c.change_state(CommitmentState::Active, today))
        {
            Ok(Some(_)) => {
                self.reload_commitments();
                self.commitments_screen.select(&id);
                let ended = self
                    .commitments
                    .iter()
                    .find(|c| c.id == id)
                    .and_then(|c| c.ended_before(today));
                let message = match ended {
                    Some(end) => format!(
                        "Brought back “{title}”, but its end date ({}) has passed, so it is \
                         not due again; e edits it to set a new end.",
                        end.format("%-d %b %Y")
                    ),
                    None => {
                        format!("Brought back “{title}”: it is active again and on Today when due.")
                    }
                };
                self.tell(Level::Success, message);
            }
            Ok(None) => self.tell(
                Level::Warning,
                format!("“{title}” is no longer in commitments.toml."),
            ),
            Err(error) => self.tell(Level::Error, format!("Not changed: {error}")),
        }
    }
}

/// `text` on one line, cut to `chars` characters with an ellipsis.
pub(super) fn excerpt(text: &str, chars: usize) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= chars {
        line
    } else {
        let cut: String = line.chars().take(chars.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

/// How a new commitment is kept, for the message after adding it.
fn how_kept(commitment: &crate::domain::commitment::Commitment) -> String {
    match &commitment.counts_connections {
        Some(goal) => format!(
            "{}: kept on days you log connections with {} {} (Ctrl-L logs one).",
            commitment.cadence,
            goal.per_day,
            goal.whom()
        ),
        None => format!("{}. Space checks it off.", commitment.cadence),
    }
}
