//! Today: the day's prompts, each with an answer, and the energy and outlook ratings.
//!
//! The screen owns only what is on it. What is offered comes from
//! [`crate::domain::schedule::todays_offers`]; loading, saving and drafts go through the
//! store via the app. This module turns offers, the saved [`Day`] and a draft into
//! what is shown, and back into entries and drafts.

mod practice;
mod slot;
mod view;

use chrono::{DateTime, FixedOffset, NaiveDate};

pub use practice::{Practice, PracticeRow};
pub use slot::{Origin, Slot};
pub use view::{focus_at, practice_row_at, render};

use crate::domain::schedule::{Offer, prompt_for};
use crate::domain::{Day, Entry, Pack, Prompt, Rating};
use crate::store::DayDraft;

/// What has the focus on Today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Slot(usize),
    Energy,
    Outlook,
    /// The list of commitments due today.
    Practice,
}

/// The state of the Today screen.
pub struct Today {
    pub date: NaiveDate,
    pub slots: Vec<Slot>,
    pub energy: Option<Rating>,
    pub outlook: Option<Rating>,
    saved_energy: Option<Rating>,
    saved_outlook: Option<Rating>,
    pub focus: Focus,
    /// Whether keys go into the focused text area.
    pub writing: bool,
    /// The commitments due today; the app fills it from the streak rules.
    pub practice: Practice,
}

/// What a save should write, built from the screen.
pub struct SaveRequest {
    pub energy: Option<Rating>,
    pub outlook: Option<Rating>,
    /// The ratings as loaded: only a rating changed here is written, so one set
    /// elsewhere meanwhile stays.
    pub saved_energy: Option<Rating>,
    pub saved_outlook: Option<Rating>,
    pub answers: Vec<Answer>,
}

/// One slot's answer, ready to become an entry.
pub struct Answer {
    pub slot: usize,
    pub entry_id: Option<String>,
    pub pack: String,
    pub prompt: Prompt,
    pub text: String,
    pub value: Option<crate::domain::AnswerValue>,
    /// The entry's text as loaded, to tell whether it changed on disk since.
    pub saved_text: String,
}

impl SaveRequest {
    /// Applies the request to a day freshly read from disk, creating or updating one
    /// entry per answer; an answer emptied on purpose removes its entry. Returns the
    /// entry id each slot now has.
    ///
    /// An answer whose entry was changed on disk since it was loaded (by hand, by a
    /// sync) is saved as a new entry beside it instead, and an emptied one leaves it
    /// in place: nothing written elsewhere is lost ([`SaveRequest::kept_both`]).
    pub fn apply(&self, day: &mut Day, now: DateTime<FixedOffset>) -> Vec<(usize, Option<String>)> {
        if self.energy != self.saved_energy {
            day.ratings.energy = self.energy;
        }
        if self.outlook != self.saved_outlook {
            day.ratings.outlook = self.outlook;
        }
        let mut ids = Vec::new();
        for answer in &self.answers {
            let elsewhere = answer.changed_elsewhere(day);
            if answer.text.trim().is_empty() && answer.value.is_none() {
                if let Some(id) = &answer.entry_id
                    && !elsewhere
                {
                    day.entries.retain(|entry| &entry.id != id);
                }
                ids.push((answer.slot, None));
                continue;
            }
            let existing = answer
                .entry_id
                .as_deref()
                .filter(|_| !elsewhere)
                .and_then(|id| day.entry(id))
                .cloned();
            let mut entry = existing.unwrap_or_else(|| Entry {
                id: day.next_entry_id(now),
                ..Entry::new(now, 0, String::new())
            });
            if !answer.pack.is_empty() {
                entry.pack = Some(answer.pack.clone());
            }
            if entry.prompt.is_some() || !answer.pack.is_empty() {
                entry.prompt = Some(answer.prompt.id.clone());
                entry.question = Some(answer.prompt.text.clone());
                entry.frame = Some(answer.prompt.frame.clone());
            }
            entry.text = answer.text.clone();
            entry.value = answer.value;
            ids.push((answer.slot, Some(entry.id.clone())));
            day.upsert(entry);
        }
        ids
    }
}

impl SaveRequest {
    /// The questions of the answers whose entries changed on disk since they were
    /// loaded, in `day` as read fresh: [`SaveRequest::apply`] keeps both versions of
    /// each, and the person should hear of it.
    pub fn kept_both(&self, day: &Day) -> Vec<String> {
        self.answers
            .iter()
            .filter(|answer| answer.changed_elsewhere(day))
            .map(|answer| answer.prompt.text.clone())
            .collect()
    }
}

impl Answer {
    fn changed_elsewhere(&self, day: &Day) -> bool {
        self.entry_id
            .as_deref()
            .and_then(|id| day.entry(id))
            .is_some_and(|entry| {
                crate::domain::merge::would_lose(&entry.text, &self.saved_text, &self.text)
            })
    }
}

impl Today {
    /// Today as it should open: the offers, then what was saved earlier today
    /// (answers nothing offered any more are shown too), then any unsaved draft on top.
    pub fn new(
        date: NaiveDate,
        offers: &[Offer],
        packs: &[Pack],
        saved: Option<&Day>,
        draft: Option<&DayDraft>,
    ) -> Today {
        let title_of = |pack: &str| {
            packs
                .iter()
                .find(|p| p.meta.id == pack)
                .map(|p| p.meta.title.clone())
                .unwrap_or_default()
        };
        let mut slots: Vec<Slot> = offers
            .iter()
            .map(|offer| Slot::from_offer(offer, &title_of(&offer.pack)))
            .collect();
        let mut today = Today {
            date,
            energy: None,
            outlook: None,
            saved_energy: None,
            saved_outlook: None,
            focus: Focus::Slot(0),
            writing: false,
            slots: Vec::new(),
            practice: Practice::default(),
        };
        if let Some(day) = saved {
            today.energy = day.ratings.energy;
            today.outlook = day.ratings.outlook;
            today.saved_energy = day.ratings.energy;
            today.saved_outlook = day.ratings.outlook;
            let mut claimed = vec![false; day.entries.len()];
            // Exact answers first, then a daily slot takes its frame's answer (its
            // prompt may have been swapped with `n`).
            for exact in [true, false] {
                for slot in slots.iter_mut().filter(|slot| slot.entry_id.is_none()) {
                    let found = day.entries.iter().enumerate().find(|(index, entry)| {
                        !claimed[*index]
                            && entry.pack.as_deref() == Some(slot.pack.as_str())
                            && if exact {
                                entry.prompt.as_deref() == Some(slot.prompt.id.as_str())
                            } else {
                                slot.origin == Origin::Daily
                                    && entry.frame.as_ref() == Some(&slot.prompt.frame)
                            }
                    });
                    if let Some((index, entry)) = found {
                        claimed[index] = true;
                        if let Some(prompt) = prompt_of(packs, &slot.pack, entry) {
                            slot.prompt = prompt;
                        }
                        slot.load_saved(entry);
                    }
                }
            }
            for (entry, _) in day
                .entries
                .iter()
                .zip(&claimed)
                .filter(|(_, claimed)| !**claimed)
            {
                let pack = entry.pack.as_deref().unwrap_or("");
                let mut slot = Slot::for_entry(entry, &title_of(pack));
                if let Some(prompt) = prompt_of(packs, pack, entry) {
                    slot.prompt = prompt;
                }
                slots.push(slot);
            }
        }
        if let Some(draft) = draft {
            today.energy = draft.energy.or(today.energy);
            today.outlook = draft.outlook.or(today.outlook);
            for slot_draft in &draft.slots {
                let existing = slots.iter_mut().find(|slot| {
                    slot.key == slot_draft.slot
                        || (slot_draft.entry_id.is_some() && slot.entry_id == slot_draft.entry_id)
                });
                match existing {
                    Some(slot) => {
                        if let Some(prompt) = draft_prompt(packs, slot_draft) {
                            slot.prompt = prompt;
                        }
                        slot.load_draft(slot_draft);
                    }
                    None => {
                        let Some(prompt) = draft_prompt(packs, slot_draft) else {
                            continue;
                        };
                        let pack = slot_draft.pack.clone().unwrap_or_default();
                        let mut slot = Slot::new(
                            slot_draft.slot.clone(),
                            &pack,
                            &title_of(&pack),
                            prompt,
                            Origin::Extra,
                        );
                        slot.load_draft(slot_draft);
                        slots.push(slot);
                    }
                }
            }
        }
        today.slots = slots;
        today.focus = if today.slots.is_empty() {
            Focus::Energy
        } else {
            Focus::Slot(0)
        };
        today.writing = today.slots.first().is_some_and(|slot| !slot.is_measured());
        today.refresh_cursors();
        today
    }

    pub fn is_dirty(&self) -> bool {
        self.energy != self.saved_energy
            || self.outlook != self.saved_outlook
            || self.slots.iter().any(Slot::is_dirty)
    }

    /// The unsaved work, or `None` when everything is saved.
    pub fn draft(&self) -> Option<DayDraft> {
        self.is_dirty().then(|| DayDraft {
            date: self.date,
            energy: self.energy,
            outlook: self.outlook,
            slots: self
                .slots
                .iter()
                .filter(|slot| slot.is_dirty())
                .map(Slot::draft)
                .collect(),
        })
    }

    pub fn save_request(&self) -> SaveRequest {
        SaveRequest {
            energy: self.energy,
            outlook: self.outlook,
            saved_energy: self.saved_energy,
            saved_outlook: self.saved_outlook,
            answers: self
                .slots
                .iter()
                .enumerate()
                .filter(|(_, slot)| {
                    slot.is_dirty() || (slot.entry_id.is_none() && !slot.is_empty())
                })
                .map(|(index, slot)| Answer {
                    slot: index,
                    entry_id: slot.entry_id.clone(),
                    pack: slot.pack.clone(),
                    prompt: slot.prompt.clone(),
                    text: slot.text(),
                    value: slot.value,
                    saved_text: slot.saved_text().to_string(),
                })
                .collect(),
        }
    }

    /// Records that a save landed: what is on screen is now what is on disk.
    pub fn mark_saved(&mut self, ids: &[(usize, Option<String>)]) {
        for (index, id) in ids {
            if let Some(slot) = self.slots.get_mut(*index) {
                slot.mark_saved(id.clone());
            }
        }
        for slot in &mut self.slots {
            slot.mark_saved(slot.entry_id.clone());
        }
        self.saved_energy = self.energy;
        self.saved_outlook = self.outlook;
    }

    fn focus_order(&self) -> Vec<Focus> {
        let practice = (!self.practice.rows.is_empty()).then_some(Focus::Practice);
        (0..self.slots.len())
            .map(Focus::Slot)
            .chain([Focus::Energy, Focus::Outlook])
            .chain(practice)
            .collect()
    }

    /// Puts in the commitments due today. When none is left while the list has the
    /// focus, the focus goes back to the ratings above it.
    pub fn set_practice(&mut self, rows: Vec<PracticeRow>) {
        self.practice.set_rows(rows);
        if self.practice.rows.is_empty() && self.focus == Focus::Practice {
            self.focus_on(Focus::Outlook);
        }
    }

    /// Moves the focus `step` places along the order, wrapping around. Landing on a
    /// text answer starts writing, so Tab goes from answer to answer; a scale, number
    /// or yes/no answer takes its keys first.
    pub fn move_focus(&mut self, step: isize) {
        let order = self.focus_order();
        let at = order
            .iter()
            .position(|focus| *focus == self.focus)
            .unwrap_or(0) as isize;
        let next = (at + step).rem_euclid(order.len() as isize) as usize;
        self.focus_on(order[next]);
    }

    pub fn focus_on(&mut self, focus: Focus) {
        self.focus = focus;
        self.writing = match focus {
            Focus::Slot(index) => self
                .slots
                .get(index)
                .is_some_and(|slot| !slot.is_measured()),
            _ => false,
        };
        self.refresh_cursors();
    }

    pub fn set_writing(&mut self, writing: bool) {
        self.writing = writing && matches!(self.focus, Focus::Slot(_));
        self.refresh_cursors();
    }

    pub fn focused_slot(&mut self) -> Option<&mut Slot> {
        match self.focus {
            Focus::Slot(index) => self.slots.get_mut(index),
            _ => None,
        }
    }

    pub fn focused_slot_ref(&self) -> Option<&Slot> {
        match self.focus {
            Focus::Slot(index) => self.slots.get(index),
            _ => None,
        }
    }

    /// The focused rating, as a place to change it.
    pub fn focused_rating(&mut self) -> Option<&mut Option<Rating>> {
        match self.focus {
            Focus::Energy => Some(&mut self.energy),
            Focus::Outlook => Some(&mut self.outlook),
            Focus::Slot(_) | Focus::Practice => None,
        }
    }

    /// Only the text area being written in shows a cursor.
    fn refresh_cursors(&mut self) {
        let (focus, writing) = (self.focus, self.writing);
        for (index, slot) in self.slots.iter_mut().enumerate() {
            slot.set_cursor_visible(writing && focus == Focus::Slot(index));
        }
    }

    /// Swaps the focused daily prompt for the next in its pool. Refused (with the
    /// reason) when the slot holds an answer, so text never ends up under a question
    /// it did not answer.
    pub fn other_prompt(&mut self, packs: &[Pack]) -> Result<(), &'static str> {
        let date = self.date;
        let Some(slot) = self.focused_slot() else {
            return Err("Move to a prompt first (Tab).");
        };
        if slot.origin != Origin::Daily {
            return Err("Only the two daily prompts can be swapped; / picks any prompt.");
        }
        if !slot.is_empty() {
            return Err("This prompt has an answer; clear it first to pick another.");
        }
        let pack = packs
            .iter()
            .find(|pack| pack.meta.id == slot.pack)
            .ok_or("This prompt's pack is not installed.")?;
        let frame = slot.prompt.frame.clone();
        slot.skip += 1;
        if let Some(prompt) = prompt_for(&pack.prompts, &frame, date, slot.skip) {
            slot.prompt = prompt.clone();
        }
        Ok(())
    }

    /// Adds a prompt chosen in the picker as a new answer, or moves to it when it is
    /// already on the screen.
    pub fn add_picked(&mut self, pack: &Pack, prompt: &Prompt) {
        let existing = self
            .slots
            .iter()
            .position(|slot| slot.pack == pack.meta.id && slot.prompt.id == prompt.id);
        let index = existing.unwrap_or_else(|| {
            let key = format!("picked:{}/{}", pack.meta.id, prompt.id);
            self.slots.push(Slot::new(
                key,
                &pack.meta.id,
                &pack.meta.title,
                prompt.clone(),
                Origin::Extra,
            ));
            self.slots.len() - 1
        });
        self.focus_on(Focus::Slot(index));
    }
}

/// The prompt a saved entry answered: from its pack when still there, otherwise
/// rebuilt from the question kept with the answer.
fn prompt_of(packs: &[Pack], pack: &str, entry: &Entry) -> Option<Prompt> {
    find_prompt(packs, pack, entry.prompt.as_deref()?).or_else(|| {
        Some(Prompt::text(
            entry.prompt.clone()?,
            entry.frame.clone()?,
            entry.question.clone()?,
        ))
    })
}

fn draft_prompt(packs: &[Pack], draft: &crate::store::SlotDraft) -> Option<Prompt> {
    let id = draft.prompt.as_deref()?;
    find_prompt(packs, draft.pack.as_deref().unwrap_or(""), id).or_else(|| {
        Some(Prompt::text(
            id,
            draft.frame.clone()?,
            draft.question.clone()?,
        ))
    })
}

fn find_prompt(packs: &[Pack], pack: &str, id: &str) -> Option<Prompt> {
    packs
        .iter()
        .find(|p| p.meta.id == pack)
        .and_then(|p| p.prompts.iter().find(|prompt| prompt.id == id))
        .cloned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin::{self, DAILY_SLOTS};
    use crate::domain::schedule::todays_offers;
    use crate::domain::{AnswerValue, Frame};

    fn date() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
    }

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-25T07:10:00+01:00").unwrap()
    }

    fn open(packs: &[Pack], saved: Option<&Day>, draft: Option<&DayDraft>) -> Today {
        let daily: Vec<(&Pack, Frame)> = DAILY_SLOTS
            .iter()
            .filter_map(|slot| {
                let pack = packs.iter().find(|p| p.meta.id == slot.pack)?;
                Some((pack, (slot.frame_for)(date())))
            })
            .collect();
        let offers = todays_offers(date(), &daily, &[], &[]);
        Today::new(date(), &offers, packs, saved, draft)
    }

    fn save(today: &mut Today, day: &mut Day) {
        let ids = today.save_request().apply(day, now());
        today.mark_saved(&ids);
    }

    #[test]
    fn opens_with_one_lcv_and_one_true_north_prompt_ready_to_write() {
        let packs = builtin::packs().unwrap();
        let today = open(&packs, None, None);
        assert_eq!(today.slots.len(), 2);
        assert!(Frame::LCV.contains(&today.slots[0].prompt.frame));
        assert_eq!(today.slots[1].prompt.frame, Frame::TrueNorth);
        assert_eq!(today.focus, Focus::Slot(0));
        assert!(today.writing);
        assert!(!today.is_dirty());
    }

    #[test]
    fn saving_then_reopening_shows_the_answer_and_nothing_is_unsaved() {
        let packs = builtin::packs().unwrap();
        let mut today = open(&packs, None, None);
        today.slots[1].set_text("Because of Ms. Okafor.");
        today.energy = Rating::new(4);
        assert_eq!(today.save_request().answers.len(), 1);
        let mut day = Day::new(date());
        save(&mut today, &mut day);
        assert!(!today.is_dirty());
        assert_eq!(day.entries.len(), 1);
        assert_eq!(day.entries[0].frame, Some(Frame::TrueNorth));

        let mut reopened = open(&packs, Some(&day), None);
        assert_eq!(reopened.slots.len(), 2);
        assert_eq!(reopened.slots[1].text(), "Because of Ms. Okafor.");
        assert_eq!(reopened.energy, Rating::new(4));
        assert!(!reopened.is_dirty());

        // Editing and saving again updates the same entry.
        reopened.slots[1].set_text("Because of Ms. Okafor, and #students.");
        save(&mut reopened, &mut day);
        assert_eq!(day.entries.len(), 1);
        assert_eq!(day.entries[0].all_tags(), vec!["students"]);
    }

    #[test]
    fn a_swapped_daily_prompt_comes_back_with_its_answer() {
        let packs = builtin::packs().unwrap();
        let mut today = open(&packs, None, None);
        today.other_prompt(&packs).unwrap();
        let swapped = today.slots[0].prompt.id.clone();
        today.slots[0].set_text("answered the other one");
        let mut day = Day::new(date());
        save(&mut today, &mut day);
        let reopened = open(&packs, Some(&day), None);
        assert_eq!(reopened.slots.len(), 2);
        assert_eq!(reopened.slots[0].prompt.id, swapped);
        assert_eq!(reopened.slots[0].text(), "answered the other one");
    }

    #[test]
    fn a_draft_is_restored_over_the_saved_day() {
        let packs = builtin::packs().unwrap();
        let mut today = open(&packs, None, None);
        today.slots[0].set_text("half a thought");
        today.outlook = Rating::new(2);
        let draft = today.draft().unwrap();
        assert_eq!(draft.slots.len(), 1);
        let restored = open(&packs, None, Some(&draft));
        assert_eq!(restored.slots[0].text(), "half a thought");
        assert_eq!(restored.outlook, Rating::new(2));
        assert!(restored.is_dirty());
    }

    #[test]
    fn picked_prompts_survive_as_drafts_and_as_saved_entries() {
        let packs = builtin::packs().unwrap();
        let soul = packs
            .iter()
            .find(|p| p.meta.id == "leadership-soul-30")
            .unwrap();
        let mut today = open(&packs, None, None);
        today.add_picked(soul, &soul.prompts[3]);
        assert_eq!(today.focus, Focus::Slot(2));
        today.slots[2].set_text("picked and answered");
        let draft = today.draft().unwrap();
        let restored = open(&packs, None, Some(&draft));
        assert_eq!(restored.slots.len(), 3);
        assert_eq!(restored.slots[2].prompt.id, soul.prompts[3].id);

        let mut day = Day::new(date());
        save(&mut today, &mut day);
        let reopened = open(&packs, Some(&day), None);
        assert_eq!(reopened.slots.len(), 3);
        assert_eq!(reopened.slots[2].text(), "picked and answered");
        assert_eq!(reopened.slots[2].pack_title, soul.meta.title);
    }

    #[test]
    fn a_measured_answer_saves_without_text() {
        let packs = builtin::packs().unwrap();
        let courage = packs
            .iter()
            .find(|p| p.meta.id == "courage-6-weeks")
            .unwrap();
        let scale = courage
            .prompts
            .iter()
            .find(|prompt| matches!(prompt.answer, crate::domain::AnswerKind::Scale(_)))
            .unwrap();
        let mut today = open(&packs, None, None);
        today.add_picked(courage, scale);
        // Not writing: the app then gives the keys to the value (Mode::Answer). That
        // the keys really reach it is tested through the app's key handling, in
        // tests/snapshots_today.rs; here the value is set directly.
        assert!(
            !today.writing,
            "a scale is not a text area to write in first"
        );
        today.focused_slot().unwrap().type_digit(3);
        let mut day = Day::new(date());
        save(&mut today, &mut day);
        assert_eq!(day.entries[0].value, Some(AnswerValue::Number(3)));
        assert_eq!(day.entries[0].text, "");
    }

    #[test]
    fn another_prompt_only_for_an_empty_daily_answer() {
        let packs = builtin::packs().unwrap();
        let mut today = open(&packs, None, None);
        let first = today.slots[0].prompt.clone();
        today.other_prompt(&packs).unwrap();
        assert_ne!(today.slots[0].prompt.id, first.id);
        assert_eq!(today.slots[0].prompt.frame, first.frame);
        today.slots[0].set_text("an answer");
        assert!(today.other_prompt(&packs).is_err());
    }

    #[test]
    fn tab_cycles_through_answers_and_ratings() {
        let packs = builtin::packs().unwrap();
        let mut today = open(&packs, None, None);
        let mut seen = Vec::new();
        for _ in 0..4 {
            today.move_focus(1);
            seen.push((today.focus, today.writing));
        }
        assert_eq!(
            seen,
            vec![
                (Focus::Slot(1), true),
                (Focus::Energy, false),
                (Focus::Outlook, false),
                (Focus::Slot(0), true)
            ]
        );
        today.move_focus(-1);
        assert_eq!(today.focus, Focus::Outlook);
    }

    #[test]
    fn tab_reaches_the_commitments_due_and_leaves_them_when_none_are_left() {
        let packs = builtin::packs().unwrap();
        let mut today = open(&packs, None, None);
        today.set_practice(vec![PracticeRow {
            id: "greet".into(),
            title: "Greet three students by name".into(),
            done: false,
            progress: None,
            streak: 0,
            unit: crate::domain::streak::StreakUnit::Days,
        }]);
        today.move_focus(-1);
        assert_eq!((today.focus, today.writing), (Focus::Practice, false));
        today.move_focus(1);
        assert_eq!(today.focus, Focus::Slot(0));
        today.move_focus(-1);
        today.set_practice(Vec::new());
        assert_eq!(today.focus, Focus::Outlook);
        today.move_focus(1);
        assert_eq!(today.focus, Focus::Slot(0), "no empty list to land on");
    }
}
