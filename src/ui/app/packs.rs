//! The Packs screen's actions: start, pause, resume and remove, and keeping Today in
//! step when the running packs change.

use chrono::NaiveDate;

use super::{App, Level, offers_for, recent_days};
use crate::builtin;
use crate::domain::Pack;
use crate::store::InstalledPacks;
use crate::ui::screens::packs::{PackRow, RowState};
use crate::ui::screens::today::{self, Today};

impl App {
    pub(super) fn start_pack(&mut self) {
        let Some(row) = self.packs_screen.selected_row() else {
            return;
        };
        if row.state != RowState::Available {
            let message = match row.state {
                RowState::Invalid(_) => "This pack cannot be read; fix its file first.",
                _ => "This pack is started already; p pauses or resumes it.",
            };
            self.tell(Level::Info, message);
            return;
        }
        let id = row.id.clone();
        match self.pack_store.start_builtin(&id, self.today.date) {
            Ok(outcome) => {
                let days = outcome
                    .pack
                    .meta
                    .days
                    .map_or(String::new(), |d| format!(", {d} days"));
                self.reload_packs();
                self.tell(
                    Level::Success,
                    format!(
                        "Started “{}” today{days}. Its prompts appear on Today.",
                        outcome.pack.meta.title
                    ),
                );
            }
            Err(error) => self.tell(Level::Error, error.to_string()),
        }
    }

    pub(super) fn toggle_pause(&mut self) {
        let Some(row) = self.packs_screen.selected_row() else {
            return;
        };
        if !row.can_pause_or_resume() {
            self.tell(Level::Info, "Only a started pack can be paused or resumed.");
            return;
        }
        let (id, title) = (row.id.clone(), row.title.clone());
        let paused = matches!(
            row.state,
            RowState::Running(crate::domain::enrollment::PackStatus::Paused { .. })
        );
        let date = self.today.date;
        let result = if paused {
            self.pack_store.resume(&id, date)
        } else {
            self.pack_store.pause(&id, date)
        };
        match result {
            Ok(_) => {
                self.reload_packs();
                let verb = if paused { "Resumed" } else { "Paused" };
                self.tell(Level::Success, format!("{verb} “{title}”."));
            }
            Err(error) => self.tell(Level::Error, error.to_string()),
        }
    }

    pub(super) fn ask_remove(&mut self) {
        match self.packs_screen.selected_row() {
            Some(row) if row.state != RowState::Available && !row.id.is_empty() => {
                self.confirm_remove = Some(row.id.clone());
            }
            Some(_) => self.tell(
                Level::Info,
                "Built-in packs that are not started have nothing to remove.",
            ),
            None => {}
        }
    }

    pub(super) fn remove_confirmed(&mut self) {
        let Some(id) = self.confirm_remove.take() else {
            return;
        };
        match self.pack_store.remove(&id) {
            Ok(_) => {
                self.reload_packs();
                self.tell(
                    Level::Success,
                    format!("Removed “{id}”. What you wrote for it stays in your journal."),
                );
            }
            Err(error) => self.tell(Level::Error, error.to_string()),
        }
    }

    /// Reads the installed packs again after a change, and rebuilds Today from the
    /// saved day plus a fresh draft, so nothing typed is lost while its prompts change.
    pub(super) fn reload_packs(&mut self) {
        let builtin_packs = builtin::packs_lenient();
        let installed = self.pack_store.load();
        self.packs = all_packs(&builtin_packs, &installed);
        self.enrollments = installed.packs.iter().map(|(_, e)| e.clone()).collect();
        let date = self.today.date;
        self.packs_screen
            .refresh(pack_rows(date, &builtin_packs, &installed));
        self.pack_problems = installed.problems;
        self.rebuild_today();
    }

    /// Builds Today again from what is on disk plus a fresh draft (the running packs
    /// or the day's file changed), keeping the focus; nothing typed is lost.
    pub(super) fn rebuild_today(&mut self) {
        if self.today_blocked {
            return;
        }
        let date = self.today.date;
        self.flush_drafts();
        let saved = self.journal.load_day(date).ok().flatten();
        let recent = recent_days(&self.journal, date);
        let offers = offers_for(
            date,
            &self.packs,
            &self.enrollments,
            &recent,
            self.prompts_per_day,
        );
        let (focus, writing) = (self.today.focus, self.today.writing);
        let practice = std::mem::take(&mut self.today.practice);
        self.today = Today::new(
            date,
            &offers,
            &self.packs,
            saved.as_ref(),
            self.draft_file.day(date),
        );
        // The commitments due do not change with the packs: they stay as they were.
        self.today.practice = practice;
        if let today::Focus::Slot(index) = focus
            && index < self.today.slots.len()
        {
            self.today.focus_on(focus);
        }
        self.today.set_writing(writing && self.today.writing);
    }
}

/// Every pack prompts can come from: the built-in ones, then the installed ones that
/// are not built in.
pub(super) fn all_packs(builtin_packs: &[Pack], installed: &InstalledPacks) -> Vec<Pack> {
    let mut packs = builtin_packs.to_vec();
    for (pack, _) in &installed.packs {
        if !packs.iter().any(|known| known.meta.id == pack.meta.id) {
            packs.push(pack.clone());
        }
    }
    packs
}

/// The Packs screen's list: started packs with their status, built-in coach packs not
/// started yet, and installed files that could not be read.
pub(super) fn pack_rows(
    date: NaiveDate,
    builtin_packs: &[Pack],
    installed: &InstalledPacks,
) -> Vec<PackRow> {
    let mut rows: Vec<PackRow> = installed
        .packs
        .iter()
        .map(|(pack, enrollment)| PackRow {
            id: pack.meta.id.clone(),
            title: pack.meta.title.clone(),
            state: RowState::Running(enrollment.status_on(date, pack.meta.days)),
            pack: Some(pack.clone()),
            enrollment: Some(enrollment.clone()),
        })
        .collect();
    for pack in builtin_packs {
        if !builtin::is_daily(&pack.meta.id) && installed.get(&pack.meta.id).is_none() {
            rows.push(PackRow {
                id: pack.meta.id.clone(),
                title: pack.meta.title.clone(),
                state: RowState::Available,
                pack: Some(pack.clone()),
                enrollment: None,
            });
        }
    }
    for problem in &installed.problems {
        let path = std::path::Path::new(&problem.source);
        let id = path
            .file_stem()
            .and_then(|stem| stem.to_str())
            .filter(|stem| *stem != "state")
            .unwrap_or_default()
            .to_string();
        rows.push(PackRow {
            id,
            title: path.file_name().map_or_else(
                || problem.source.clone(),
                |name| name.to_string_lossy().into_owned(),
            ),
            state: RowState::Invalid(problem.to_string()),
            pack: None,
            enrollment: None,
        });
    }
    rows
}
