//! Commitments and people: checking practices off, logging connections, and keeping
//! the Commitments and People screens and Today's list in step with the day files.

use chrono::{Days, NaiveDate};

use super::practice_edit::PracticeConfirm;
use super::{App, Level, PickerPurpose, Screen};
use crate::domain::Day;
use crate::domain::commitment::CommitmentState;
use crate::domain::coverage::{LastConnections, coverage, timeline};
use crate::domain::streak::{Record, goal_progress};
use crate::store::commitments::{CheckInOutcome, Moment, check_in, uncheck};
use crate::store::people::log_connection;
use crate::ui::action::Action;
use crate::ui::screens::commitments::{CommitmentRow, HEATMAP_WEEKS};
use crate::ui::screens::people::PersonRow;
use crate::ui::screens::today::PracticeRow;
use crate::ui::widgets::picker::{Picker, PickerItem};

/// A one-line text the app asks for, and what it is for.
pub enum LineInput {
    /// A note for a check-in of this commitment (its id and title).
    CheckNote {
        commitment: String,
        title: String,
        text: String,
    },
    /// A connection note about this person (id).
    ConnectionNote {
        person: String,
        name: String,
        text: String,
    },
    /// A new name for a tag.
    TagName { old: String, text: String },
}

impl LineInput {
    pub fn text_mut(&mut self) -> &mut String {
        match self {
            LineInput::CheckNote { text, .. }
            | LineInput::ConnectionNote { text, .. }
            | LineInput::TagName { text, .. } => text,
        }
    }

    pub fn prompt(&self) -> String {
        match self {
            LineInput::CheckNote { title, .. } => {
                format!("A note as you check off “{title}” (Enter checks it off; may be empty):")
            }
            LineInput::ConnectionNote { name, .. } => {
                format!("What did you learn about {name}? (Enter saves)")
            }
            LineInput::TagName { old, .. } => {
                format!("Rename #{old} in every entry to (Enter renames, Esc keeps it):")
            }
        }
    }

    pub fn text(&self) -> &str {
        match self {
            LineInput::CheckNote { text, .. }
            | LineInput::ConnectionNote { text, .. }
            | LineInput::TagName { text, .. } => text,
        }
    }
}

impl App {
    /// Runs `work` on the days the figures are computed from: the whole journal once
    /// it is loaded, until then the last weeks read at start. The index is lent, not
    /// copied: ten years of days are too many to clone on every check-off.
    fn with_practice_days<R>(&mut self, work: impl FnOnce(&mut App, &[Day]) -> R) -> R {
        let index = self.index.take();
        let recent: Vec<Day>;
        let days = match &index {
            Some(index) => index.days(),
            None => {
                let today = self.today.date;
                recent = (0..7 * HEATMAP_WEEKS as u64)
                    .filter_map(|back| today.checked_sub_days(Days::new(back)))
                    .filter_map(|date| self.journal.load_day(date).ok().flatten())
                    .collect();
                &recent
            }
        };
        let result = work(self, days);
        self.index = index;
        result
    }

    /// Recomputes the commitments' figures, the roster's coverage and the selected
    /// person's timeline.
    pub(super) fn refresh_practice(&mut self) {
        self.with_practice_days(|app, days| app.refresh_practice_from(days));
    }

    fn refresh_practice_from(&mut self, days: &[Day]) {
        let today = self.today.date;
        let with_archived = self.commitments_screen.show_archived;
        let shown: Vec<_> = self
            .commitments
            .iter()
            .filter(|c| with_archived || c.state != CommitmentState::Archived)
            .cloned()
            .collect();
        self.commitments_screen.archived = self
            .commitments
            .iter()
            .filter(|c| c.state == CommitmentState::Archived)
            .count();
        let records = Record::all_from_days(&shown, days, &self.people, self.week_start);
        let today_file = days.iter().rev().find(|day| day.date == today);
        let rows = shown
            .into_iter()
            .zip(records)
            .map(|(commitment, record)| CommitmentRow {
                summary: record.summary(today),
                heatmap: record.heatmap(today, HEATMAP_WEEKS),
                connections_today: commitment
                    .counts_connections
                    .as_ref()
                    .map(|goal| today_file.map_or(0, |day| goal_progress(goal, day, &self.people))),
                commitment,
            })
            .collect();
        self.commitments_screen.set_rows(rows);
        let due = self
            .commitments_screen
            .rows
            .iter()
            .filter_map(|row| {
                PracticeRow::due(&row.commitment, &row.summary, row.connections_today)
            })
            .collect();
        self.today.set_practice(due);

        let last = LastConnections::from_days(days);
        let group = self.people_screen.group.clone();
        let found = coverage(&self.people, &last, today, group.as_deref());
        let keep = self.people_screen.selected_person().map(|p| p.id.clone());
        let screen = &mut self.people_screen;
        screen.within_7 = found.within_7;
        screen.within_30 = found.within_30;
        screen.total = found.total();
        screen.rows = found
            .people
            .iter()
            .map(|line| PersonRow {
                person: line.person.clone(),
                last: line.last,
                days_since: line.days_since,
            })
            .collect();
        // Archived people come after everyone current, by name, and count in no share.
        let mut archived: Vec<PersonRow> = self
            .people
            .iter()
            .filter(|person| person.archived)
            .filter(|person| group.as_deref().is_none_or(|group| person.in_group(group)))
            .map(|person| {
                let last = last.last_connected(&person.id);
                PersonRow {
                    person: person.clone(),
                    last,
                    days_since: last.map(|date| (today - date).num_days().max(0)),
                }
            })
            .collect();
        screen.archived = archived.len();
        if screen.show_archived {
            archived.sort_by_cached_key(|row| row.person.name.to_lowercase());
            screen.rows.extend(archived);
        }
        screen.selected = keep
            .and_then(|id| screen.rows.iter().position(|row| row.person.id == id))
            .unwrap_or(0)
            .min(screen.rows.len().saturating_sub(1));
        self.refresh_timeline_from(days);
    }

    fn refresh_timeline_from(&mut self, days: &[Day]) {
        let screen = &mut self.people_screen;
        // The chosen note stays chosen where it moved; one gone leaves the choice on
        // the note after it.
        let chosen = screen.selected_note().cloned();
        screen.timeline = match screen.selected_person() {
            Some(person) => timeline(days, &person.id)
                .into_iter()
                .map(|(date, connection)| (date, connection.clone()))
                .collect(),
            None => Vec::new(),
        };
        if let Some(at) = chosen.and_then(|chosen| {
            screen.timeline.iter().position(|(date, connection)| {
                *date == chosen.0
                    && connection.at == chosen.1.at
                    && connection.note == chosen.1.note
            })
        }) {
            screen.note_selected = at;
        }
        screen.keep_note_in_range();
    }

    pub(super) fn refresh_timeline(&mut self) {
        self.with_practice_days(|app, days| app.refresh_timeline_from(days));
    }

    fn moment(&self) -> Moment {
        Moment {
            now: self.clock.now(),
            today: self.today.date,
        }
    }

    /// Checks the commitment `id` off for `date` (today, or yesterday back-filled).
    pub(super) fn check_off(&mut self, id: &str, date: NaiveDate, note: Option<String>) {
        let Some(commitment) = self.commitments.iter().find(|c| c.id == id).cloned() else {
            return;
        };
        let noted = if note.is_some() {
            ", with your note"
        } else {
            ""
        };
        match check_in(&self.journal, &commitment, date, self.moment(), note) {
            Ok(outcome) => {
                let when = if date == self.today.date {
                    "today".to_string()
                } else {
                    format!("for {}", date.format("%A"))
                };
                let message = match outcome {
                    CheckInOutcome::Added(_) => {
                        format!("Checked off “{}” {when}{noted}.", commitment.title)
                    }
                    CheckInOutcome::NoteAdded(_) => "Added the note to the check-in.".to_string(),
                    CheckInOutcome::AlreadyChecked(_) => {
                        format!("“{}” was already checked off {when}.", commitment.title)
                    }
                };
                self.reload_day(date);
                self.tell(Level::Success, message);
            }
            Err(error) => self.tell(Level::Warning, error.to_string()),
        }
    }

    /// After a write to `date`'s file: the index, the figures and Today. A file no
    /// longer there leaves the index too.
    pub(super) fn reload_day(&mut self, date: NaiveDate) {
        if let Some(index) = &mut self.index {
            let changed = match self.journal.load_day(date) {
                Ok(Some(day)) => {
                    index.replace_day(day);
                    true
                }
                Ok(None) => index.remove_day(date).is_some(),
                Err(_) => false,
            };
            if changed {
                self.journal_screen.refresh(index);
            }
        }
        self.refresh_practice();
    }

    /// Space on Commitments: check the selected practice off today (again: note only).
    pub(super) fn check_selected(&mut self, days_back: u64) {
        let Some(row) = self.commitments_screen.selected_row() else {
            self.tell(Level::Info, "No commitment selected.");
            return;
        };
        let id = row.commitment.id.clone();
        let Some(date) = self.today.date.checked_sub_days(Days::new(days_back)) else {
            return;
        };
        self.check_off(&id, date, None);
    }

    /// Asks for a note, then checks the commitment `id` off today with it.
    pub(super) fn ask_check_note(&mut self, id: String) {
        let Some(commitment) = self.commitments.iter().find(|c| c.id == id) else {
            return;
        };
        self.line_input = Some(LineInput::CheckNote {
            title: commitment.title.clone(),
            commitment: id,
            text: String::new(),
        });
    }

    /// Keys on Today's list of commitments; false when not its.
    pub(super) fn update_today_practice(&mut self, action: Action) -> bool {
        let selected = self.today.practice.selected_row().map(|row| row.id.clone());
        match action {
            Action::Up => self.today.practice.move_selection(-1),
            Action::Down => self.today.practice.move_selection(1),
            Action::CheckOff => {
                if let Some(id) = selected {
                    self.toggle_today(&id);
                }
            }
            Action::CheckOffWithNote => {
                if let Some(id) = selected {
                    self.ask_check_note(id);
                }
            }
            _ => return false,
        }
        true
    }

    /// Space on Today's list: checks the commitment `id` off today, or takes today's
    /// check-off back (only today's: earlier days are changed on Commitments or with
    /// `truenorth commit`). A check-off with a note is taken back only when the
    /// leader says yes, since the note goes with it.
    fn toggle_today(&mut self, id: &str) {
        let today = self.today.date;
        let done = self
            .today
            .practice
            .rows
            .iter()
            .any(|row| row.id == id && row.done);
        if !done {
            self.check_off(id, today, None);
            return;
        }
        let title = self
            .commitments
            .iter()
            .find(|c| c.id == id)
            .map_or_else(|| id.to_string(), |c| c.title.clone());
        // The check-in `uncheck` would take: the latest of the day.
        let note = match self.journal.load_day(today) {
            Ok(day) => day.and_then(|day| {
                day.checkins
                    .iter()
                    .rev()
                    .find(|c| c.commitment == id)
                    .and_then(|c| c.note.clone())
            }),
            Err(error) => {
                self.tell(Level::Error, format!("Not changed: {error}"));
                return;
            }
        };
        if let Some(note) = note {
            self.practice_confirm = Some(PracticeConfirm::TakeBackCheckIn {
                id: id.to_string(),
                title,
                note,
            });
            return;
        }
        self.take_back_today(id, &title);
    }

    /// Takes back today's latest check-in of the commitment `id`.
    pub(super) fn take_back_today(&mut self, id: &str, title: &str) {
        let today = self.today.date;
        match uncheck(&self.journal, id, today) {
            Ok(Some(_)) => {
                self.reload_day(today);
                self.tell(
                    Level::Success,
                    format!("Took back today's check-off of “{title}”."),
                );
            }
            // Nothing was checked by hand: the connection notes keep the day.
            Ok(None) => self.tell(
                Level::Info,
                format!(
                    "“{title}” is kept today by your connection notes; there is no check-off to take back."
                ),
            ),
            Err(error) => self.tell(Level::Error, format!("Not changed: {error}")),
        }
    }

    /// Pauses an active commitment or resumes a paused one.
    pub(super) fn toggle_commitment_pause(&mut self) {
        let Some(row) = self.commitments_screen.selected_row() else {
            return;
        };
        let (id, title) = (row.commitment.id.clone(), row.commitment.title.clone());
        let today = self.today.date;
        let result = self.commitment_store.modify(&id, |commitment| {
            if commitment.state == CommitmentState::Paused {
                commitment.resume(today);
                "Resumed"
            } else {
                commitment.pause(today);
                "Paused"
            }
        });
        match result {
            Ok(Some(verb)) => {
                self.reload_commitments();
                self.tell(
                    Level::Success,
                    format!("{verb} “{title}”; paused days never break a streak."),
                );
            }
            Ok(None) => {}
            Err(error) => self.tell(Level::Error, error.to_string()),
        }
    }

    /// Marks today a planned skip (a holiday, a sick day): it does not break a streak.
    pub(super) fn skip_today(&mut self) {
        let Some(row) = self.commitments_screen.selected_row() else {
            return;
        };
        let (id, title) = (row.commitment.id.clone(), row.commitment.title.clone());
        let today = self.today.date;
        match self
            .commitment_store
            .modify(&id, |commitment| commitment.skip(today))
        {
            Ok(Some(true)) => {
                self.reload_commitments();
                self.tell(
                    Level::Success,
                    format!("Today is a planned skip for “{title}”."),
                );
            }
            Ok(_) => self.tell(Level::Info, "Today was already a planned skip."),
            Err(error) => self.tell(Level::Error, error.to_string()),
        }
    }

    pub(super) fn reload_commitments(&mut self) {
        match self.commitment_store.load() {
            Ok(commitments) => self.commitments = commitments,
            Err(error) => self.tell(Level::Error, error.to_string()),
        }
        self.refresh_practice();
    }

    /// `c` on Today: a picker of the active practices, those due today (by the rule
    /// Today's list uses) first, then those done today, then the rest; Enter checks
    /// one off.
    pub(super) fn open_check_picker(&mut self) {
        let mut due: Vec<&CommitmentRow> = self
            .commitments_screen
            .rows
            .iter()
            .filter(|row| row.commitment.state == CommitmentState::Active)
            .collect();
        due.sort_by_key(|row| picker_group(row).0);
        if due.is_empty() {
            self.tell(
                Level::Info,
                "No commitments yet: a on the Commitments screen adds one (or `truenorth commit add`).",
            );
            return;
        }
        let items = due
            .iter()
            .map(|row| PickerItem {
                text: row.commitment.title.clone(),
                detail: format!(
                    "{} · this week {}",
                    row.commitment.cadence,
                    row.summary.this_week.compact()
                ),
                group: picker_group(row).1.to_string(),
            })
            .collect();
        let ids = due.iter().map(|row| row.commitment.id.clone()).collect();
        self.picker = Some((
            Picker::new("Check off a commitment", items),
            PickerPurpose::Commitment(ids),
        ));
    }

    /// Ctrl-L from anywhere: pick a person, then write what you learned.
    pub(super) fn open_person_picker(&mut self) {
        if self.people.is_empty() {
            self.tell(
                Level::Info,
                "Your roster is empty: a on the People screen adds someone (or `truenorth people import roster.csv`).",
            );
            return;
        }
        let current: Vec<&crate::domain::person::Person> =
            self.people.iter().filter(|p| !p.archived).collect();
        let items = current
            .iter()
            .map(|person| PickerItem {
                text: person.name.clone(),
                detail: person.role.to_string(),
                group: person.group.clone().unwrap_or_default(),
            })
            .collect();
        let ids = current.iter().map(|person| person.id.clone()).collect();
        self.picker = Some((
            Picker::new("Log a connection with…", items)
                .sorted_groups()
                .searching_groups()
                // As `truenorth people log` takes a person.
                .with_hint("type a name, and the group to tell two apart: sam 5c"),
            PickerPurpose::Person(ids),
        ));
    }

    pub(super) fn ask_connection_note(&mut self, person_id: String) {
        let Some(person) = self.people.iter().find(|p| p.id == person_id) else {
            return;
        };
        self.line_input = Some(LineInput::ConnectionNote {
            person: person.id.clone(),
            name: person.name.clone(),
            text: String::new(),
        });
    }

    /// Enter on the one-line input.
    pub(super) fn finish_line_input(&mut self) {
        let Some(input) = self.line_input.take() else {
            return;
        };
        match input {
            LineInput::TagName { old, text } => self.rename_tag(&old, &text),
            LineInput::CheckNote {
                commitment, text, ..
            } => {
                let note = Some(text.trim().to_string()).filter(|note| !note.is_empty());
                self.check_off(&commitment, self.today.date, note);
            }
            LineInput::ConnectionNote { person, name, text } => {
                let note = text.trim();
                if note.is_empty() {
                    self.tell(Level::Info, "Nothing logged: the note was empty.");
                    return;
                }
                let Some(found) = self.people.iter().find(|p| p.id == person).cloned() else {
                    return;
                };
                match log_connection(&self.journal, &found, self.today.date, self.moment(), note) {
                    Ok(_) => {
                        self.reload_day(self.today.date);
                        // "Maya R." ends the sentence itself.
                        let stop = if name.ends_with('.') { "" } else { "." };
                        self.tell(
                            Level::Success,
                            format!("Logged a connection with {name}{stop}"),
                        );
                    }
                    Err(error) => self.tell(Level::Error, error.to_string()),
                }
            }
        }
    }

    /// `t` on People: narrow to a group (or all again).
    pub(super) fn open_group_picker(&mut self) {
        let mut groups = crate::domain::coverage::groups(&self.people);
        if groups.is_empty() {
            self.tell(Level::Info, "No groups on the roster.");
            return;
        }
        groups.insert(0, "everyone".to_string());
        let current: Vec<&crate::domain::person::Person> =
            self.people.iter().filter(|p| !p.archived).collect();
        let items = groups
            .iter()
            .map(|group| {
                let count = if group == "everyone" {
                    current.len()
                } else {
                    current
                        .iter()
                        .filter(|p| {
                            p.group
                                .as_ref()
                                .is_some_and(|g| g.to_lowercase() == group.to_lowercase())
                        })
                        .count()
                };
                PickerItem {
                    text: group.clone(),
                    detail: if count == 1 {
                        "1 person".to_string()
                    } else {
                        format!("{count} people")
                    },
                    group: String::new(),
                }
            })
            .collect();
        self.picker = Some((
            Picker::new("Narrow to a group", items),
            PickerPurpose::Group(groups),
        ));
    }

    pub(super) fn filter_group(&mut self, group: String) {
        self.screen = Screen::People;
        let message = if group == "everyone" {
            "Showing everyone on the roster.".to_string()
        } else {
            format!("Showing group {group} only; t again to change or show everyone.")
        };
        self.people_screen.group = (group != "everyone").then_some(group);
        self.people_screen.selected = 0;
        self.refresh_practice();
        self.tell(Level::Info, message);
    }
}

/// Where a commitment goes in the `c` picker: its rank and group.
fn picker_group(row: &CommitmentRow) -> (u8, &'static str) {
    if row.summary.checked_today > 0 {
        (1, "done today")
    } else if row.summary.due_today {
        (0, "due")
    } else {
        (2, "not due today")
    }
}
