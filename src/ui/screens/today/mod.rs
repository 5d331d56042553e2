//! Today: the day's prompts, each with a text area, and the energy and outlook ratings.
//!
//! The screen owns only what is on it. Loading, saving and drafts go through the
//! [`crate::store`] via the app; this module turns a saved [`Day`] plus a draft into
//! what is shown, and back into entries and drafts.

use chrono::{DateTime, FixedOffset, NaiveDate};
use ratatui::Frame as TermFrame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Padding, Paragraph};
use ratatui_textarea::{TextArea, WrapMode};

use crate::builtin::DAILY_SLOTS;
use crate::domain::schedule::prompt_for;
use crate::domain::{Day, Entry, Frame, Pack, Prompt, Rating, tags};
use crate::store::{DayDraft, SlotDraft};
use crate::ui::theme::Theme;

/// One prompt on Today with its answer.
pub struct Slot {
    /// The pack the slot draws from; also names the slot in drafts.
    pub pack: String,
    pub prompt: Prompt,
    /// How far the "another prompt" key has moved along the pool.
    pub skip: usize,
    pub editor: TextArea<'static>,
    /// The saved entry this answer updates, once saved.
    pub entry_id: Option<String>,
    /// The text as last saved, to tell unsaved changes.
    pub saved_text: String,
}

impl Slot {
    fn new(pack: &str, prompt: Prompt, skip: usize) -> Slot {
        Slot {
            pack: pack.to_string(),
            prompt,
            skip,
            editor: new_editor(""),
            entry_id: None,
            saved_text: String::new(),
        }
    }

    pub fn text(&self) -> String {
        self.editor.lines().join("\n")
    }

    pub fn is_dirty(&self) -> bool {
        self.text() != self.saved_text
    }

    pub fn set_text(&mut self, text: &str) {
        let style = self.editor.cursor_style();
        self.editor = new_editor(text);
        self.editor.set_cursor_style(style);
    }

    fn draft(&self) -> SlotDraft {
        SlotDraft {
            slot: self.pack.clone(),
            pack: Some(self.pack.clone()),
            prompt: Some(self.prompt.id.clone()),
            question: Some(self.prompt.text.clone()),
            frame: Some(self.prompt.frame.clone()),
            entry_id: self.entry_id.clone(),
            text: self.text(),
        }
    }
}

fn new_editor(text: &str) -> TextArea<'static> {
    let mut editor = TextArea::new(text.split('\n').map(str::to_string).collect());
    editor.set_wrap_mode(WrapMode::WordOrGlyph);
    editor.set_cursor_line_style(Style::new());
    editor.set_placeholder_text("Write your answer here…");
    editor.move_cursor(ratatui_textarea::CursorMove::Bottom);
    editor.move_cursor(ratatui_textarea::CursorMove::End);
    editor
}

/// What has the focus on Today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Slot(usize),
    Energy,
    Outlook,
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
}

/// What a save should write, built from the screen.
pub struct SaveRequest {
    pub energy: Option<Rating>,
    pub outlook: Option<Rating>,
    pub answers: Vec<Answer>,
}

/// One slot's answer, ready to become an entry.
pub struct Answer {
    pub slot: usize,
    pub entry_id: Option<String>,
    pub pack: String,
    pub prompt: Prompt,
    pub text: String,
}

impl SaveRequest {
    /// Applies the request to a day freshly read from disk, creating or updating one
    /// entry per answer; an answer emptied on purpose removes its entry. Returns the
    /// entry id each slot now has.
    pub fn apply(&self, day: &mut Day, now: DateTime<FixedOffset>) -> Vec<(usize, Option<String>)> {
        day.ratings.energy = self.energy;
        day.ratings.outlook = self.outlook;
        let mut ids = Vec::new();
        for answer in &self.answers {
            if answer.text.trim().is_empty() {
                if let Some(id) = &answer.entry_id {
                    day.entries.retain(|entry| &entry.id != id);
                }
                ids.push((answer.slot, None));
                continue;
            }
            let existing = answer
                .entry_id
                .as_deref()
                .and_then(|id| day.entry(id))
                .cloned();
            let mut entry = existing.unwrap_or_else(|| {
                let id = day.next_entry_id(now);
                Entry {
                    id,
                    ..Entry::new(now, 0, String::new())
                }
            });
            entry.pack = Some(answer.pack.clone());
            entry.prompt = Some(answer.prompt.id.clone());
            entry.question = Some(answer.prompt.text.clone());
            entry.frame = Some(answer.prompt.frame.clone());
            entry.text = answer.text.clone();
            entry.tags = tags::extract(&answer.text);
            ids.push((answer.slot, Some(entry.id.clone())));
            day.upsert(entry);
        }
        ids
    }
}

impl Today {
    /// Today as it should open: the day's scheduled prompts, then what was saved
    /// earlier today, then any unsaved draft on top.
    pub fn new(
        date: NaiveDate,
        packs: &[Pack],
        saved: Option<&Day>,
        draft: Option<&DayDraft>,
    ) -> Today {
        let mut slots: Vec<Slot> = DAILY_SLOTS
            .iter()
            .filter_map(|daily| {
                let pack = packs.iter().find(|pack| pack.meta.id == daily.pack)?;
                let prompt = prompt_for(&pack.prompts, &(daily.frame_for)(date), date, 0)?;
                Some(Slot::new(daily.pack, prompt.clone(), 0))
            })
            .collect();
        let mut today = Today {
            date,
            energy: None,
            outlook: None,
            saved_energy: None,
            saved_outlook: None,
            focus: Focus::Slot(0),
            writing: true,
            slots: Vec::new(),
        };
        if let Some(day) = saved {
            today.energy = day.ratings.energy;
            today.outlook = day.ratings.outlook;
            today.saved_energy = day.ratings.energy;
            today.saved_outlook = day.ratings.outlook;
            for slot in &mut slots {
                if let Some(entry) = day.latest_from_pack(&slot.pack) {
                    slot.prompt = prompt_of(
                        packs,
                        &slot.pack,
                        entry.prompt.as_deref(),
                        entry.question.as_deref(),
                        entry.frame.as_ref(),
                    )
                    .unwrap_or_else(|| slot.prompt.clone());
                    slot.set_text(&entry.text);
                    slot.saved_text = entry.text.clone();
                    slot.entry_id = Some(entry.id.clone());
                }
            }
        }
        if let Some(draft) = draft {
            today.energy = draft.energy.or(today.energy);
            today.outlook = draft.outlook.or(today.outlook);
            for slot_draft in &draft.slots {
                if let Some(slot) = slots.iter_mut().find(|slot| slot.pack == slot_draft.slot) {
                    if let Some(prompt) = prompt_of(
                        packs,
                        &slot.pack,
                        slot_draft.prompt.as_deref(),
                        slot_draft.question.as_deref(),
                        slot_draft.frame.as_ref(),
                    ) {
                        slot.prompt = prompt;
                    }
                    slot.entry_id = slot_draft.entry_id.clone().or(slot.entry_id.take());
                    slot.set_text(&slot_draft.text);
                }
            }
        }
        today.slots = slots;
        if today.slots.is_empty() {
            today.focus = Focus::Energy;
            today.writing = false;
        }
        today.refresh_cursor_styles();
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
            answers: self
                .slots
                .iter()
                .enumerate()
                .filter(|(_, slot)| {
                    slot.is_dirty() || (slot.entry_id.is_none() && !slot.text().trim().is_empty())
                })
                .map(|(index, slot)| Answer {
                    slot: index,
                    entry_id: slot.entry_id.clone(),
                    pack: slot.pack.clone(),
                    prompt: slot.prompt.clone(),
                    text: slot.text(),
                })
                .collect(),
        }
    }

    /// Records that a save landed: what is on screen is now what is on disk.
    pub fn mark_saved(&mut self, ids: &[(usize, Option<String>)]) {
        for (index, id) in ids {
            if let Some(slot) = self.slots.get_mut(*index) {
                slot.entry_id = id.clone();
            }
        }
        for slot in &mut self.slots {
            slot.saved_text = slot.text();
        }
        self.saved_energy = self.energy;
        self.saved_outlook = self.outlook;
    }

    fn focus_order(&self) -> Vec<Focus> {
        (0..self.slots.len())
            .map(Focus::Slot)
            .chain([Focus::Energy, Focus::Outlook])
            .collect()
    }

    /// Moves the focus `step` places along the order, wrapping around. Landing on a
    /// text area starts writing, so Tab goes from answer to answer.
    pub fn move_focus(&mut self, step: isize) {
        let order = self.focus_order();
        let at = order
            .iter()
            .position(|focus| *focus == self.focus)
            .unwrap_or(0) as isize;
        let next = (at + step).rem_euclid(order.len() as isize) as usize;
        self.focus = order[next];
        self.writing = matches!(self.focus, Focus::Slot(_));
        self.refresh_cursor_styles();
    }

    pub fn set_writing(&mut self, writing: bool) {
        self.writing = writing && matches!(self.focus, Focus::Slot(_));
        self.refresh_cursor_styles();
    }

    pub fn focused_slot(&mut self) -> Option<&mut Slot> {
        match self.focus {
            Focus::Slot(index) => self.slots.get_mut(index),
            _ => None,
        }
    }

    /// The focused rating, as a place to change it.
    pub fn focused_rating(&mut self) -> Option<&mut Option<Rating>> {
        match self.focus {
            Focus::Energy => Some(&mut self.energy),
            Focus::Outlook => Some(&mut self.outlook),
            Focus::Slot(_) => None,
        }
    }

    /// Only the text area being written in shows a cursor.
    fn refresh_cursor_styles(&mut self) {
        let (focus, writing) = (self.focus, self.writing);
        for (index, slot) in self.slots.iter_mut().enumerate() {
            let active = writing && focus == Focus::Slot(index);
            let style = if active {
                Style::new().add_modifier(Modifier::REVERSED)
            } else {
                Style::new()
            };
            slot.editor.set_cursor_style(style);
        }
    }

    /// Swaps the focused slot's prompt for the next in its pool. Refused (with the
    /// reason) when the slot holds an answer, so text never ends up under a question
    /// it did not answer.
    pub fn other_prompt(&mut self, packs: &[Pack]) -> Result<(), &'static str> {
        let date = self.date;
        let Some(slot) = self.focused_slot() else {
            return Err("Move to a prompt first (Tab).");
        };
        if !slot.text().trim().is_empty() {
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
}

/// The prompt an entry or draft answered: from its pack when still there, otherwise
/// rebuilt from the question kept with the answer.
fn prompt_of(
    packs: &[Pack],
    pack: &str,
    id: Option<&str>,
    question: Option<&str>,
    frame: Option<&Frame>,
) -> Option<Prompt> {
    let id = id?;
    packs
        .iter()
        .find(|p| p.meta.id == pack)
        .and_then(|p| p.prompts.iter().find(|prompt| prompt.id == id))
        .cloned()
        .or_else(|| Some(Prompt::text(id, frame?.clone(), question?)))
}

/// The space the slots are drawn in, shared between them.
pub fn render(today: &Today, theme: &Theme, frame: &mut TermFrame, area: Rect) {
    let [slots_area, ratings_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    let rows = Layout::vertical(today.slots.iter().map(|_| Constraint::Fill(1))).split(slots_area);
    for (index, (slot, row)) in today.slots.iter().zip(rows.iter()).enumerate() {
        render_slot(today, index, slot, theme, frame, *row);
    }
    render_ratings(today, theme, frame, ratings_area);
}

fn render_slot(
    today: &Today,
    index: usize,
    slot: &Slot,
    theme: &Theme,
    frame: &mut TermFrame,
    area: Rect,
) {
    let focused = today.focus == Focus::Slot(index);
    let frame_style = theme.frame_style(&slot.prompt.frame);
    let mut title = vec![
        Span::raw(" "),
        Span::styled(
            slot.prompt.frame.label(),
            frame_style.add_modifier(Modifier::BOLD),
        ),
        Span::raw(" "),
    ];
    if focused && today.writing {
        title.push(Span::styled("· writing ", theme.muted));
    }
    let status = if slot.is_dirty() {
        Span::styled(" unsaved ", theme.warning)
    } else if slot.entry_id.is_some() {
        Span::styled(" saved ✓ ", theme.success)
    } else {
        Span::raw("")
    };
    let block = Block::bordered()
        .padding(Padding::horizontal(1))
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Rounded
        })
        .border_style(if focused {
            theme.border_focus
        } else {
            theme.border
        })
        .title(Line::from(title))
        .title(Line::from(status).right_aligned());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.width == 0 || inner.height == 0 {
        return;
    }

    let width = usize::from(inner.width);
    let editor_min = 2u16;
    let question_room = usize::from(inner.height.saturating_sub(editor_min).max(1));
    let mut lines: Vec<Line> = wrap(&slot.prompt.text, width)
        .into_iter()
        .map(|line| Line::styled(line, theme.title))
        .collect();
    truncate_lines(&mut lines, question_room);
    if let Some(follow_up) = &slot.prompt.follow_up {
        let follow: Vec<Line> = wrap(follow_up, width)
            .into_iter()
            .map(|line| Line::styled(line, theme.muted.add_modifier(Modifier::ITALIC)))
            .collect();
        // The follow-up only shows when the answer keeps room for three lines.
        if lines.len() + follow.len() + 3 <= usize::from(inner.height) {
            lines.extend(follow);
        }
    }
    // A blank line between question and answer, when the answer keeps three lines.
    if lines.len() + 4 <= usize::from(inner.height) {
        lines.push(Line::raw(""));
    }
    let question_height = lines.len() as u16;
    let [question_area, editor_area] =
        Layout::vertical([Constraint::Length(question_height), Constraint::Fill(1)]).areas(inner);
    frame.render_widget(Paragraph::new(lines), question_area);
    frame.render_widget(&slot.editor, editor_area);
}

fn render_ratings(today: &Today, theme: &Theme, frame: &mut TermFrame, area: Rect) {
    let mut spans = Vec::new();
    for (focus, label, rating) in [
        (Focus::Energy, "Energy", today.energy),
        (Focus::Outlook, "Outlook", today.outlook),
    ] {
        let focused = today.focus == focus;
        let marker = if focused { "▸ " } else { "  " };
        let label_style = if focused {
            theme
                .accent
                .add_modifier(Modifier::BOLD | Modifier::REVERSED)
        } else {
            theme.text
        };
        spans.push(Span::styled(marker, theme.accent));
        spans.push(Span::styled(format!("{label} "), label_style));
        let value = rating.map_or(0, Rating::value);
        let dots: String = (Rating::MIN..=Rating::MAX)
            .map(|n| if n <= value { '●' } else { '○' })
            .collect();
        spans.push(Span::styled(dots, theme.accent));
        let number = rating.map_or_else(|| " –/5".to_string(), |r| format!(" {r}/5"));
        spans.push(Span::styled(number, theme.muted));
        spans.push(Span::raw("    "));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn wrap(text: &str, width: usize) -> Vec<String> {
    textwrap::wrap(text, width.max(1))
        .into_iter()
        .map(|line| line.into_owned())
        .collect()
}

/// Keeps at most `max` lines, marking a cut with an ellipsis.
fn truncate_lines(lines: &mut Vec<Line>, max: usize) {
    if lines.len() > max {
        lines.truncate(max);
        if let Some(last) = lines.last_mut() {
            last.spans.push(Span::raw("…"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin;

    fn date() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
    }

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-25T07:10:00+01:00").unwrap()
    }

    #[test]
    fn opens_with_one_lcv_and_one_true_north_prompt_ready_to_write() {
        let packs = builtin::packs().unwrap();
        let today = Today::new(date(), &packs, None, None);
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
        let mut today = Today::new(date(), &packs, None, None);
        today.slots[1].set_text("Because of Ms. Okafor.");
        today.energy = Rating::new(4);
        let request = today.save_request();
        assert_eq!(request.answers.len(), 1);
        let mut day = Day::new(date());
        let ids = request.apply(&mut day, now());
        today.mark_saved(&ids);
        assert!(!today.is_dirty());
        assert_eq!(day.entries.len(), 1);
        assert_eq!(day.entries[0].frame, Some(Frame::TrueNorth));

        let reopened = Today::new(date(), &packs, Some(&day), None);
        assert_eq!(reopened.slots[1].text(), "Because of Ms. Okafor.");
        assert_eq!(reopened.energy, Rating::new(4));
        assert!(!reopened.is_dirty());

        // Editing and saving again updates the same entry.
        let mut again = reopened;
        again.slots[1].set_text("Because of Ms. Okafor, and #students.");
        let ids = again.save_request().apply(&mut day, now());
        again.mark_saved(&ids);
        assert_eq!(day.entries.len(), 1);
        assert_eq!(day.entries[0].tags, vec!["students"]);
    }

    #[test]
    fn a_draft_is_restored_over_the_saved_day() {
        let packs = builtin::packs().unwrap();
        let mut today = Today::new(date(), &packs, None, None);
        today.slots[0].set_text("half a thought");
        today.outlook = Rating::new(2);
        let draft = today.draft().unwrap();
        assert_eq!(draft.slots.len(), 1);
        let restored = Today::new(date(), &packs, None, Some(&draft));
        assert_eq!(restored.slots[0].text(), "half a thought");
        assert_eq!(restored.outlook, Rating::new(2));
        assert!(restored.is_dirty());
    }

    #[test]
    fn another_prompt_only_for_an_empty_answer() {
        let packs = builtin::packs().unwrap();
        let mut today = Today::new(date(), &packs, None, None);
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
        let mut today = Today::new(date(), &packs, None, None);
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
}
