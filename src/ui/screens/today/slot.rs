//! One prompt on Today with its answer: the text area, and for scale, number and
//! yes/no prompts the measured value.

use chrono::NaiveDate;
use ratatui::style::Style;
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use crate::domain::schedule::Offer;
use crate::domain::{AnswerKind, AnswerValue, Entry, Frame, Prompt};
use crate::store::SlotDraft;

/// Where a slot came from, which decides how it is matched with saved answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A standing daily prompt (LCV or true north); `n` may swap it.
    Daily,
    /// Scheduled by a running pack, maybe carried over from an earlier day.
    Scheduled { missed_from: Option<NaiveDate> },
    /// Chosen in the prompt picker, or found already answered today.
    Extra,
}

pub struct Slot {
    /// Names the slot in drafts, stable across restarts.
    pub key: String,
    pub pack: String,
    /// The pack's title, shown beside the frame.
    pub pack_title: String,
    pub prompt: Prompt,
    pub origin: Origin,
    /// How far the "another prompt" key has moved along a daily pool.
    pub skip: usize,
    pub editor: TextArea<'static>,
    pub value: Option<AnswerValue>,
    /// The saved entry this answer updates, once saved.
    pub entry_id: Option<String>,
    saved_text: String,
    saved_value: Option<AnswerValue>,
}

impl Slot {
    pub fn from_offer(offer: &Offer, pack_title: &str) -> Slot {
        let key = if offer.daily {
            offer.pack.clone()
        } else {
            format!("{}/{}", offer.pack, offer.prompt.id)
        };
        let origin = if offer.daily {
            Origin::Daily
        } else {
            Origin::Scheduled {
                missed_from: offer.missed_from,
            }
        };
        Slot::new(key, &offer.pack, pack_title, offer.prompt.clone(), origin)
    }

    pub fn new(key: String, pack: &str, pack_title: &str, prompt: Prompt, origin: Origin) -> Slot {
        Slot {
            key,
            pack: pack.to_string(),
            pack_title: pack_title.to_string(),
            prompt,
            origin,
            skip: 0,
            editor: new_editor("", placeholder(&AnswerKind::Text)),
            value: None,
            entry_id: None,
            saved_text: String::new(),
            saved_value: None,
        }
        .with_placeholder()
    }

    fn with_placeholder(mut self) -> Slot {
        self.editor = new_editor("", placeholder(&self.prompt.answer));
        self
    }

    /// A slot for an entry saved today that no offer claims (a picked prompt, a
    /// quick note from the command line).
    pub fn for_entry(entry: &Entry, pack_title: &str) -> Slot {
        let prompt = Prompt::text(
            entry.prompt.clone().unwrap_or_else(|| "note".to_string()),
            entry
                .frame
                .clone()
                .unwrap_or(Frame::Other("note".to_string())),
            entry.question.clone().unwrap_or_else(|| "Note".to_string()),
        );
        let mut slot = Slot::new(
            format!("entry:{}", entry.id),
            entry.pack.as_deref().unwrap_or(""),
            pack_title,
            prompt,
            Origin::Extra,
        );
        slot.load_saved(entry);
        slot
    }

    pub fn text(&self) -> String {
        self.editor.lines().join("\n")
    }

    pub fn is_empty(&self) -> bool {
        self.text().trim().is_empty() && self.value.is_none()
    }

    pub fn is_dirty(&self) -> bool {
        self.value != self.saved_value || self.text() != self.saved_text
    }

    /// Whether the slot asks for a value besides the text.
    pub fn is_measured(&self) -> bool {
        !matches!(self.prompt.answer, AnswerKind::Text)
    }

    pub fn set_text(&mut self, text: &str) {
        let cursor_style = self.editor.cursor_style();
        self.editor = new_editor(text, placeholder(&self.prompt.answer));
        self.editor.set_cursor_style(cursor_style);
    }

    /// Shows a saved entry as the slot's saved state.
    pub fn load_saved(&mut self, entry: &Entry) {
        self.set_text(&entry.text);
        self.value = entry.value;
        self.saved_text = entry.text.clone();
        self.saved_value = entry.value;
        self.entry_id = Some(entry.id.clone());
    }

    /// Puts a draft's unsaved work over what is shown.
    /// Puts a draft on top of what was saved. A draft begun from other text than the
    /// saved entry now holds (it was written before that entry was saved, or the
    /// entry changed since) is joined to it, so neither is lost.
    pub fn load_draft(&mut self, draft: &SlotDraft) {
        let stale = self.entry_id.is_some()
            && match (&draft.entry_id, &draft.base) {
                (None, _) => true,
                (Some(_), Some(base)) => *base != self.saved_text,
                // Drafts from before bases were kept: trusted, as they always were.
                (Some(_), None) => false,
            };
        if stale {
            let joined = join_texts(&self.text(), &draft.text);
            self.set_text(&joined);
        } else {
            self.set_text(&draft.text);
        }
        self.value = draft.value;
        if draft.entry_id.is_some() {
            self.entry_id = draft.entry_id.clone();
        }
    }

    /// The text as last loaded or saved.
    pub fn saved_text(&self) -> &str {
        &self.saved_text
    }

    pub fn mark_saved(&mut self, entry_id: Option<String>) {
        self.entry_id = entry_id;
        self.saved_text = self.text();
        self.saved_value = self.value;
    }

    pub fn draft(&self) -> SlotDraft {
        SlotDraft {
            slot: self.key.clone(),
            pack: Some(self.pack.clone()),
            prompt: Some(self.prompt.id.clone()),
            question: Some(self.prompt.text.clone()),
            frame: Some(self.prompt.frame.clone()),
            entry_id: self.entry_id.clone(),
            base: self.entry_id.as_ref().map(|_| self.saved_text.clone()),
            value: self.value,
            text: self.text(),
        }
    }

    /// One step up or down a scale or number; starts a scale at its low end.
    pub fn step_value(&mut self, up: bool) {
        self.value = match (&self.prompt.answer, self.value) {
            (AnswerKind::Scale(scale), Some(AnswerValue::Number(n))) => {
                let next = if up { n + 1 } else { n - 1 };
                Some(AnswerValue::Number(next.clamp(scale.min, scale.max)))
            }
            (AnswerKind::Scale(scale), _) => {
                Some(AnswerValue::Number(if up { scale.min } else { scale.max }))
            }
            (AnswerKind::Number, Some(AnswerValue::Number(n))) => {
                Some(AnswerValue::Number(if up {
                    n.saturating_add(1)
                } else {
                    n.saturating_sub(1).max(0)
                }))
            }
            (AnswerKind::Number, _) => Some(AnswerValue::Number(0)),
            (AnswerKind::YesNo, Some(AnswerValue::YesNo(yes))) => Some(AnswerValue::YesNo(!yes)),
            (AnswerKind::YesNo, _) => Some(AnswerValue::YesNo(up)),
            (AnswerKind::Text, value) => value,
        };
    }

    /// A typed digit: picks a scale point, or extends a number.
    pub fn type_digit(&mut self, digit: u8) {
        let digit = i64::from(digit);
        self.value = match (&self.prompt.answer, self.value) {
            (AnswerKind::Scale(scale), value) => {
                if (scale.min..=scale.max).contains(&digit) {
                    Some(AnswerValue::Number(digit))
                } else {
                    value
                }
            }
            (AnswerKind::Number, Some(AnswerValue::Number(n))) => Some(AnswerValue::Number(
                n.saturating_mul(10).saturating_add(digit).min(999_999),
            )),
            (AnswerKind::Number, _) => Some(AnswerValue::Number(digit)),
            (_, value) => value,
        };
    }

    pub fn set_yes_no(&mut self, yes: bool) {
        if self.prompt.answer == AnswerKind::YesNo {
            self.value = Some(AnswerValue::YesNo(yes));
        }
    }

    /// Backspace on a value: drops a number's last digit, clears anything else.
    pub fn erase_value(&mut self) {
        self.value = match (&self.prompt.answer, self.value) {
            (AnswerKind::Number, Some(AnswerValue::Number(n))) if n >= 10 => {
                Some(AnswerValue::Number(n / 10))
            }
            _ => None,
        };
    }

    pub fn set_cursor_visible(&mut self, visible: bool) {
        let style = if visible {
            Style::new().add_modifier(ratatui::style::Modifier::REVERSED)
        } else {
            Style::new()
        };
        self.editor.set_cursor_style(style);
    }
}

fn placeholder(kind: &AnswerKind) -> &'static str {
    match kind {
        AnswerKind::Text => "Write your answer here…",
        _ => "A note, if you like…",
    }
}

fn new_editor(text: &str, placeholder: &str) -> TextArea<'static> {
    let mut editor = TextArea::new(text.split('\n').map(str::to_string).collect());
    editor.set_wrap_mode(WrapMode::WordOrGlyph);
    editor.set_cursor_line_style(Style::new());
    editor.set_placeholder_text(placeholder);
    // Dim rather than the widget's own grey: no colour of its own, so it suits every
    // theme and NO_COLOR.
    editor.set_placeholder_style(Style::new().add_modifier(ratatui::style::Modifier::DIM));
    editor.move_cursor(CursorMove::Bottom);
    editor.move_cursor(CursorMove::End);
    editor
}

/// Two versions of one answer as one text without losing either: the one that
/// already holds the other, or both, one after the other.
fn join_texts(saved: &str, draft: &str) -> String {
    if draft.contains(saved) {
        draft.to_string()
    } else if saved.contains(draft) {
        saved.to_string()
    } else {
        format!("{saved}\n\n{draft}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::pack::Scale;

    fn measured(answer: AnswerKind) -> Slot {
        let mut prompt = Prompt::text("p", Frame::Staff, "How safe?");
        prompt.answer = answer;
        Slot::new("k".into(), "pack", "Pack", prompt, Origin::Extra)
    }

    #[test]
    fn a_scale_takes_digits_in_range_and_steps_within_it() {
        let mut slot = measured(AnswerKind::Scale(Scale {
            min: 1,
            max: 5,
            low: "quiet".into(),
            high: "open".into(),
        }));
        slot.type_digit(7);
        assert_eq!(slot.value, None);
        slot.type_digit(4);
        assert_eq!(slot.value, Some(AnswerValue::Number(4)));
        slot.step_value(true);
        slot.step_value(true);
        assert_eq!(slot.value, Some(AnswerValue::Number(5)));
        assert!(slot.is_dirty());
        slot.erase_value();
        assert_eq!(slot.value, None);
    }

    #[test]
    fn a_number_builds_from_digits() {
        let mut slot = measured(AnswerKind::Number);
        slot.type_digit(1);
        slot.type_digit(2);
        assert_eq!(slot.value, Some(AnswerValue::Number(12)));
        slot.erase_value();
        assert_eq!(slot.value, Some(AnswerValue::Number(1)));
    }

    #[test]
    fn yes_no_answers() {
        let mut slot = measured(AnswerKind::YesNo);
        slot.set_yes_no(false);
        assert_eq!(slot.value, Some(AnswerValue::YesNo(false)));
        slot.step_value(true);
        assert_eq!(slot.value, Some(AnswerValue::YesNo(true)));
    }
}
