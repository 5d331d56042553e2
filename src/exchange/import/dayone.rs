//! Day One's JSON export (the `.json` file inside the ZIP that "Export > JSON"
//! makes):
//!
//! ```json
//! { "metadata": { "version": "1.0" },
//!   "entries": [ { "uuid": "…", "creationDate": "2026-11-24T12:12:00Z",
//!                  "timeZone": "America/New_York", "text": "Title\n\nBody",
//!                  "tags": ["staff"], "starred": true, … } ] }
//! ```
//!
//! - `creationDate` is UTC; `timeZone` (a zone name) gives the local time and so the
//!   day. Without a zone, the zone passed in is used. A `timeZone` that is not a zone
//!   name is reported in [`Parsed::notes`] and the entry read with `creationDate`'s
//!   own offset if it has one, else in the zone passed in.
//! - `text` is Markdown with punctuation escaped (`Hello\!`); the escapes are undone.
//!   Photos, audio and drawings are not imported: a reference to one becomes
//!   `[photo]`, and an entry with no text at all is reported.
//! - `tags` become explicit tags, `starred` the tag "starred". Other keys (location,
//!   weather, ...) are left out.

use chrono::{DateTime, FixedOffset, Offset, TimeZone, Utc};
use serde_json::Value;

use super::fields::{Field, described, field, fits, optional};
use super::{
    BadRecord, ImportError, Incoming, Parsed, Position, STARRED_TAG, Zone, push_tag, tag_from,
};
use crate::domain::Entry;

/// What a Day One export holds, as the messages say it.
const SHAPE: &str = "a Day One export holds {\"metadata\": ..., \"entries\": [...]}";

const ENTRY_FIELDS: [Field; 5] = [
    field(
        "creationDate",
        "a date and time like \"2026-11-24T12:12:00Z\"",
        fits::<String>,
    ),
    optional(
        "timeZone",
        "a time zone name like \"America/New_York\", or null",
        fits::<Option<String>>,
    ),
    optional("text", "text or null", fits::<Option<String>>),
    optional(
        "tags",
        "a list of tags as text, like [\"staff\"]",
        fits::<Vec<String>>,
    ),
    optional("starred", "true or false", fits::<bool>),
];

#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct DayOneEntry {
    creation_date: String,
    #[serde(default)]
    time_zone: Option<String>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    starred: bool,
}

pub(super) fn parse(text: &str, zone: &dyn Zone) -> Result<Parsed, ImportError> {
    if text.starts_with("PK\u{3}\u{4}") {
        return Err(ImportError(
            "this is a ZIP archive: unzip it and import the .json file inside".to_string(),
        ));
    }
    let document: Value = serde_json::from_str(text.strip_prefix('\u{feff}').unwrap_or(text))
        .map_err(|error| ImportError(format!("not a Day One JSON export: not JSON ({error})")))?;
    if document.get("format").and_then(Value::as_str) == Some(crate::exchange::JSON_FORMAT_NAME) {
        return Err(ImportError(
            "this is a truenorth export, not a Day One one: import it with --from json".to_string(),
        ));
    }
    let entries = match document.get("entries") {
        Some(Value::Array(entries)) => entries,
        Some(other) => {
            return Err(ImportError(format!(
                "not a Day One JSON export: \"entries\" should be a list, not {}; {SHAPE}",
                super::fields::shown(other)
            )));
        }
        None => {
            return Err(ImportError(format!(
                "not a Day One JSON export: it has no \"entries\"; {SHAPE}"
            )));
        }
    };
    let mut parsed = Parsed::default();
    for (index, value) in entries.iter().enumerate() {
        let position = Position::Path(format!("entries[{index}]"));
        match entry(value, zone) {
            Ok((incoming, note)) => {
                if let Some(problem) = note {
                    parsed.notes.push(BadRecord {
                        position: position.clone(),
                        problem,
                    });
                }
                parsed.entries.push(Incoming {
                    position,
                    day: incoming.created.date_naive(),
                    entry: incoming,
                });
            }
            Err(problem) => parsed.bad.push(BadRecord { position, problem }),
        }
    }
    Ok(parsed)
}

/// The entry, and a note when its time zone had to be guessed.
fn entry(value: &Value, zone: &dyn Zone) -> Result<(Entry, Option<String>), String> {
    let raw: DayOneEntry = described(value, "the entry", &ENTRY_FIELDS)?;
    let written = DateTime::parse_from_rfc3339(&raw.creation_date).map_err(|_| {
        format!(
            "cannot read creationDate \"{}\"; Day One writes it as 2026-11-24T12:12:00Z",
            raw.creation_date
        )
    })?;
    let utc: DateTime<Utc> = written.with_timezone(&Utc);
    let (offset, note) = match raw.time_zone.as_deref().map(str::trim) {
        Some(name) if !name.is_empty() && name.parse::<chrono_tz::Tz>().is_err() => {
            // Not a zone: the offset creationDate carries, if it has one, else the
            // zone entries without one are read in. Either way, say so.
            let (offset, how) = if written.offset().local_minus_utc() != 0 {
                (*written.offset(), "its creationDate's own offset")
            } else {
                (
                    zone.offset_for_utc(utc.naive_utc()),
                    "the time zone entries without one are read in",
                )
            };
            let note = format!(
                "timeZone \"{name}\" is not a time zone name; the time was read in {how} \
                 (UTC{offset}), so it is {}",
                utc.with_timezone(&offset).format("%Y-%m-%d %H:%M")
            );
            (offset, Some(note))
        }
        name => (offset_at(utc, name, zone), None),
    };
    let text = plain_text(raw.text.as_deref().unwrap_or_default());
    if text.trim().is_empty() {
        return Err(
            "the entry has no text (photos, audio and drawings are not imported)".to_string(),
        );
    }
    let mut entry = Entry::new(utc.with_timezone(&offset), 0, text);
    for tag in raw.tags.iter().filter_map(|tag| tag_from(tag)) {
        push_tag(&mut entry.tags, tag);
    }
    if raw.starred {
        push_tag(&mut entry.tags, STARRED_TAG.to_string());
    }
    Ok((entry, note))
}

/// The offset at `utc` in the entry's zone, or in `zone` when it has none (an
/// unknown one is dealt with, and reported, by [`entry`]).
fn offset_at(utc: DateTime<Utc>, name: Option<&str>, zone: &dyn Zone) -> FixedOffset {
    match name.and_then(|name| name.parse::<chrono_tz::Tz>().ok()) {
        Some(tz) => tz.offset_from_utc_datetime(&utc.naive_utc()).fix(),
        None => zone.offset_for_utc(utc.naive_utc()),
    }
}

/// Day One's Markdown as the plain text it stands for: backslash escapes undone,
/// media references replaced by `[photo]`.
fn plain_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut rest = markdown;
    while let Some(at) = rest.find(['\\', '!']) {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        if let Some(after) = tail.strip_prefix('\\') {
            match after.chars().next() {
                Some(c) if c.is_ascii_punctuation() => {
                    out.push(c);
                    rest = &after[1..];
                }
                _ => {
                    out.push('\\');
                    rest = after;
                }
            }
        } else if let Some(end) = media_reference(tail) {
            out.push_str("[photo]");
            rest = &tail[end..];
        } else {
            out.push('!');
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    out.trim_end().to_string()
}

/// The length of `![...](dayone-moment:...)` at the start of `text`, if it is one.
fn media_reference(text: &str) -> Option<usize> {
    let after_alt = text.strip_prefix("![")?;
    let close = after_alt.find("](")?;
    let target = &after_alt[close + 2..];
    if !target.starts_with("dayone-moment:") {
        return None;
    }
    let end = target.find(')')?;
    Some(2 + close + 2 + end + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_are_undone_and_media_become_placeholders() {
        assert_eq!(plain_text("Hello\\! A\\-B \\(c\\)"), "Hello! A-B (c)");
        assert_eq!(plain_text("C:\\Users stays"), "C:\\Users stays");
        assert_eq!(
            plain_text("Look!\n![](dayone-moment://1A2B3C)\nnice ![x](https://a)"),
            "Look!\n[photo]\nnice ![x](https://a)"
        );
        assert_eq!(plain_text("trailing \\"), "trailing \\");
    }

    #[test]
    fn zones_give_the_local_day() {
        let utc = DateTime::parse_from_rfc3339("2026-11-25T02:30:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let fallback = FixedOffset::east_opt(3600).unwrap();
        let new_york = offset_at(utc, Some("America/New_York"), &fallback);
        assert_eq!(new_york.local_minus_utc(), -5 * 3600);
        assert_eq!(
            utc.with_timezone(&new_york).date_naive().to_string(),
            "2026-11-24"
        );
        assert_eq!(offset_at(utc, Some("Mars/Olympus"), &fallback), fallback);
        assert_eq!(offset_at(utc, None, &fallback), fallback);
    }
}
