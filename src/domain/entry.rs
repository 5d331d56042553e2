//! One written reflection: an answer to a prompt, or a free note.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::Frame;

/// A journal entry as it is kept in a day file.
///
/// `extra` holds keys this version does not know (written by a newer version or by
/// hand), so rewriting the file never drops them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub id: String,
    /// When it was first written, with the writer's UTC offset.
    pub created: DateTime<FixedOffset>,
    /// The pack the prompt came from (`daily-lcv`, a coach's pack id, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pack: Option<String>,
    /// The prompt's id within its pack.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt: Option<String>,
    /// The question as it read when answered, so the entry still makes sense after the
    /// pack changes or is removed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frame: Option<Frame>,
    pub text: String,
    /// The answer to a scale, number or yes/no prompt; `text` is then an optional note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<AnswerValue>,
    /// Tags given explicitly (from the command line, say). Tags written as `#word` in
    /// the text are not repeated here; [`Entry::all_tags`] has both.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Private entries never leave the machine, not even through an export.
    #[serde(default, skip_serializing_if = "is_false")]
    pub private: bool,
    #[serde(flatten)]
    pub extra: toml::Table,
}

/// A measured answer, as it is written in the day file (`value = 4`, `value = true`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum AnswerValue {
    YesNo(bool),
    Number(i64),
}

impl std::fmt::Display for AnswerValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AnswerValue::YesNo(true) => f.write_str("yes"),
            AnswerValue::YesNo(false) => f.write_str("no"),
            AnswerValue::Number(n) => write!(f, "{n}"),
        }
    }
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// How many characters of an entry's first line a one-line listing shows.
pub const PREVIEW_CHARS: usize = 72;

/// What a one-line listing shows of an entry besides its facts: the start of its text
/// and its tags. The journal cache keeps one per entry, so `list` and `search` can
/// print ten years of entries without reading their text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EntrySummary {
    /// The first non-blank line, cut to [`PREVIEW_CHARS`]; `…` says there is more.
    pub preview: String,
    /// As [`Entry::all_tags`] gives them.
    pub tags: Vec<String>,
}

/// The first non-blank line of `text`, cut to [`PREVIEW_CHARS`]; `…` says there is more.
/// Control characters are left out (a tab becomes a space): a preview is printed
/// straight to a terminal, where an escape sequence would change its colours or worse.
fn preview(text: &str) -> String {
    let mut lines = text.lines().map(str::trim).filter(|line| !line.is_empty());
    let first = lines.next().unwrap_or("");
    let mut shown = first
        .chars()
        .filter_map(|c| match c {
            '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .peekable();
    let mut preview: String = shown.by_ref().take(PREVIEW_CHARS).collect();
    if shown.peek().is_some() || lines.next().is_some() {
        preview.push('…');
    }
    preview
}

impl Entry {
    /// The `#tags` in the text, then the explicit ones, without repeats.
    pub fn all_tags(&self) -> Vec<String> {
        let mut tags = super::tags::extract(&self.text);
        for tag in &self.tags {
            if !tags.contains(tag) {
                tags.push(tag.clone());
            }
        }
        tags
    }

    pub fn summary(&self) -> EntrySummary {
        EntrySummary {
            preview: preview(&self.text),
            tags: self.all_tags(),
        }
    }

    /// Renames the tag `old` to `new` (both as [`super::tags::normalize`] gives them)
    /// in the text and the explicit tags. Says whether anything changed.
    pub fn rename_tag(&mut self, old: &str, new: &str) -> bool {
        let mut changed = false;
        if let Some(text) = super::tags::rename(&self.text, old, new) {
            self.text = text;
            changed = true;
        }
        if self.tags.iter().any(|tag| tag.to_lowercase() == old) {
            let mut renamed: Vec<String> = Vec::with_capacity(self.tags.len());
            for tag in self.tags.drain(..) {
                let tag = if tag.to_lowercase() == old {
                    new.to_string()
                } else {
                    tag
                };
                if !renamed.contains(&tag) {
                    renamed.push(tag);
                }
            }
            self.tags = renamed;
            changed = true;
        }
        changed
    }

    /// The id an entry created at `created` gets as the `sequence`th of its day:
    /// `20261110-070000-01`.
    pub fn id_for(created: DateTime<FixedOffset>, sequence: usize) -> String {
        format!("{}-{sequence:02}", created.format("%Y%m%d-%H%M%S"))
    }

    /// A new entry with an id derived from its creation time and a disambiguating
    /// counter (the caller passes how many entries the day already holds).
    pub fn new(created: DateTime<FixedOffset>, sequence: usize, text: String) -> Entry {
        Entry {
            id: Entry::id_for(created, sequence),
            created,
            pack: None,
            prompt: None,
            question: None,
            frame: None,
            text,
            value: None,
            tags: Vec::new(),
            private: false,
            extra: toml::Table::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary_of(text: &str) -> EntrySummary {
        let created = DateTime::parse_from_rfc3339("2026-11-24T07:12:00-05:00").unwrap();
        Entry::new(created, 0, text.into()).summary()
    }

    #[test]
    fn a_preview_is_the_first_line_cut_short_and_safe_for_a_terminal() {
        assert_eq!(
            summary_of("\n  Hallway talk  \nmore").preview,
            "Hallway talk…"
        );
        assert_eq!(summary_of("One line").preview, "One line");
        let long = "é".repeat(PREVIEW_CHARS + 1);
        assert_eq!(
            summary_of(&long).preview,
            format!("{}…", "é".repeat(PREVIEW_CHARS))
        );
        assert_eq!(
            summary_of("red \u{1b}[31mRED\u{1b}[0m, a bell\u{7} and\ta tab").preview,
            "red [31mRED[0m, a bell and a tab"
        );
    }
}
