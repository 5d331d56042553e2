//! jrnl's plain-text journal, as jrnl writes it:
//!
//! ```text
//! [2026-11-24 07:12] Title line, up to the first sentence end *
//! The body, any number of lines, with @tags anywhere.
//!
//! [2026-11-24 18:40] The next entry
//! ```
//!
//! - An entry starts with a line beginning `[TIME] ` where TIME is in jrnl's
//!   `timeformat`: its default since jrnl 2 is `%F %r` (`2026-11-24 07:12:00 AM`);
//!   the common `%Y-%m-%d %H:%M` is read too, with or without seconds.
//!   Journals from jrnl 1.x have no brackets (`2026-11-24 07:12 Title`); a file is
//!   read in that form when its first dated line is.
//! - A title line ending in `*` marks a starred entry (the `*` is not kept; the tag
//!   "starred" is added).
//! - Tags are words starting with `@` after a space or at a line start, as jrnl reads
//!   them; they are kept lower-cased as explicit tags, and the text keeps them as
//!   written.
//! - Times carry no offset: they are read in the zone passed in.
//!
//! A line that looks like the start of an entry but whose time cannot be read
//! (`[2026-02-30 07:00]`) is a bad record: that entry is left out, named by its line.
//! A bracketed line that is not a time at all (`[aside] ...`) is body text, as for
//! jrnl.

use chrono::{NaiveDate, NaiveDateTime};
use memchr::memchr_iter;

use super::{BadRecord, Incoming, Parsed, Position, STARRED_TAG, Zone, push_tag, tag_from};
use crate::domain::Entry;

/// The time formats tried: jrnl's default (`%F %r`), then the 24-hour ones journals
/// are often set to.
const TIME_FORMATS: &[&str] = &[
    "%Y-%m-%d %I:%M:%S %p",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %I:%M %p",
];

/// The length of a legacy (unbracketed) timestamp: `2026-11-24 07:12`.
const LEGACY_STAMP: usize = 16;

/// An entry being read: where it started, its time and title, and where its body
/// lines are in the source.
struct Open<'t> {
    line: usize,
    time: NaiveDateTime,
    title: &'t str,
    body_start: usize,
}

pub(super) fn parse(text: &str, zone: &dyn Zone) -> Parsed {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // jrnl 2 and later bracket every time; jrnl 1 never did. The first line that
    // starts with a date in either form tells which this file is.
    let bracketed = text
        .lines()
        .find_map(|line| match line.strip_prefix('[') {
            Some(inner) if looks_like_date(inner) => Some(true),
            _ if looks_like_date(line) => Some(false),
            _ => None,
        })
        .unwrap_or(true);
    let mut parsed = Parsed::default();
    let mut open: Option<Open<'_>> = None;
    // After a bad entry start, its lines are skipped up to the next good start.
    let mut skipping = false;
    let mut preamble: Option<usize> = None;
    let mut line_number = 0;
    let mut line_start = 0;
    while line_start < text.len() {
        line_number += 1;
        let line_end = text[line_start..]
            .find('\n')
            .map_or(text.len(), |offset| line_start + offset);
        let next_start = (line_end + 1).min(text.len());
        let line = text[line_start..line_end].trim_end_matches('\r');
        match entry_start(line, bracketed) {
            Start::Entry { time, title } => {
                if let Some(done) = open.take() {
                    let body = &text[done.body_start..line_start];
                    finish(done, body, zone, &mut parsed);
                }
                open = Some(Open {
                    line: line_number,
                    time,
                    title,
                    body_start: next_start,
                });
                skipping = false;
            }
            Start::Bad(stamp) => {
                if let Some(done) = open.take() {
                    let body = &text[done.body_start..line_start];
                    finish(done, body, zone, &mut parsed);
                }
                parsed.bad.push(BadRecord {
                    position: Position::Line(line_number),
                    problem: format!(
                        "cannot read the time \"{stamp}\"; jrnl writes it as \
                         [2026-11-24 07:12:00 AM] or [2026-11-24 07:12]; this entry is left out"
                    ),
                });
                skipping = true;
            }
            Start::No => {
                if open.is_none() && !skipping && preamble.is_none() && !line.trim().is_empty() {
                    preamble = Some(line_number);
                }
            }
        }
        line_start = if line_end == text.len() {
            text.len()
        } else {
            next_start
        };
    }
    if let Some(done) = open.take() {
        let body = &text[done.body_start.min(text.len())..];
        finish(done, body, zone, &mut parsed);
    }
    if let Some(line) = preamble {
        parsed.bad.insert(
            0,
            BadRecord {
                position: Position::Line(line),
                problem: "text before the first entry, with no [YYYY-MM-DD HH:MM] line above \
                          it; it is left out"
                    .to_string(),
            },
        );
    }
    parsed
}

enum Start<'t> {
    Entry {
        time: NaiveDateTime,
        title: &'t str,
    },
    /// Looks like an entry start, but its time cannot be read.
    Bad(&'t str),
    No,
}

fn entry_start(line: &str, bracketed: bool) -> Start<'_> {
    if bracketed {
        let Some(rest) = line.strip_prefix('[') else {
            return Start::No;
        };
        let Some(close) = rest.find(']') else {
            return Start::No;
        };
        let (stamp, after) = (&rest[..close], &rest[close + 1..]);
        let title = match after.strip_prefix(' ') {
            Some(title) => title,
            None if after.is_empty() => "",
            None => return Start::No,
        };
        return match parse_time(stamp) {
            Some(time) => Start::Entry { time, title },
            None if looks_like_date(stamp) => Start::Bad(stamp),
            None => Start::No,
        };
    }
    if !looks_like_date(line) {
        return Start::No;
    }
    let split = line
        .char_indices()
        .nth(LEGACY_STAMP)
        .map_or(line.len(), |(at, _)| at);
    let (stamp, after) = line.split_at(split);
    match (parse_time(stamp), after.strip_prefix(' ')) {
        (Some(time), Some(title)) => Start::Entry { time, title },
        (Some(time), None) if after.is_empty() => Start::Entry { time, title: "" },
        _ => Start::Bad(stamp.trim()),
    }
}

/// `YYYY-MM-DD` at the start (the date part may still be impossible, like 02-30).
fn looks_like_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() >= 10
        && bytes[..4].iter().all(u8::is_ascii_digit)
        && bytes[4] == b'-'
        && bytes[5..7].iter().all(u8::is_ascii_digit)
        && bytes[7] == b'-'
        && bytes[8..10].iter().all(u8::is_ascii_digit)
}

fn parse_time(stamp: &str) -> Option<NaiveDateTime> {
    let stamp = stamp.trim();
    TIME_FORMATS
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(stamp, format).ok())
        .or_else(|| {
            // A journal kept with a date-only timeformat.
            NaiveDate::parse_from_str(stamp, "%Y-%m-%d")
                .ok()
                .and_then(|date| date.and_hms_opt(0, 0, 0))
        })
}

fn finish(open: Open<'_>, body: &str, zone: &dyn Zone, parsed: &mut Parsed) {
    let mut title = open.title.trim();
    let starred = title.ends_with('*');
    if starred {
        title = title.trim_end_matches(['*', ' ']);
    }
    let body = body.trim_end();
    let body = body.trim_start_matches(['\n', '\r']);
    let mut text = String::with_capacity(title.len() + 1 + body.len());
    text.push_str(title);
    if !body.is_empty() {
        text.push('\n');
        text.push_str(body);
    }
    let mut tags = Vec::new();
    at_tags(&text, &mut tags);
    if starred {
        push_tag(&mut tags, STARRED_TAG.to_string());
    }
    let offset = zone.offset_for_local(open.time);
    let created = open
        .time
        .and_local_timezone(offset)
        .single()
        .expect("a fixed offset maps every local time once");
    let mut entry = Entry::new(created, 0, text);
    entry.tags = tags;
    parsed.entries.push(Incoming {
        position: Position::Line(open.line),
        day: open.time.date(),
        entry,
    });
}

/// jrnl's tags: `@` at a word start, then letters, digits and `-+*#/_`.
fn at_tags(text: &str, tags: &mut Vec<String>) {
    let bytes = text.as_bytes();
    for at in memchr_iter(b'@', bytes) {
        let starts_word = text[..at]
            .chars()
            .next_back()
            .is_none_or(char::is_whitespace);
        if !starts_word {
            continue;
        }
        let rest = &text[at + 1..];
        let end = rest
            .char_indices()
            .find(|&(_, c)| !(c.is_alphanumeric() || "-+*#/_".contains(c)))
            .map_or(rest.len(), |(end, _)| end);
        if let Some(tag) = tag_from(&rest[..end]) {
            push_tag(tags, tag);
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::FixedOffset;

    use super::*;

    fn zone() -> FixedOffset {
        FixedOffset::west_opt(5 * 3600).unwrap()
    }

    #[test]
    fn entries_titles_bodies_tags_and_stars() {
        let text = "[2026-11-24 07:12] Lunch with the robotics team. *\n\
                    They want @families at the fair.\n@Staff-meeting next\n\n\
                    [2026-11-24 18:40] Quiet day\n";
        let parsed = parse(text, &zone());
        assert!(parsed.bad.is_empty(), "{:?}", parsed.bad);
        let [first, second] = parsed.entries.as_slice() else {
            panic!("{:?}", parsed.entries);
        };
        assert_eq!(first.position, Position::Line(1));
        assert_eq!(
            first.entry.text,
            "Lunch with the robotics team.\nThey want @families at the fair.\n@Staff-meeting next"
        );
        assert_eq!(first.entry.tags, ["families", "staff-meeting", "starred"]);
        assert_eq!(
            first.entry.created.to_rfc3339(),
            "2026-11-24T07:12:00-05:00"
        );
        assert_eq!(second.position, Position::Line(5));
        assert_eq!(second.entry.text, "Quiet day");
        assert!(second.entry.tags.is_empty());
        assert_eq!(second.entry.frame, None);
    }

    #[test]
    fn bad_times_and_stray_text_are_named_by_line() {
        let text = "stray words\n[2026-02-30 07:00] Impossible day\nlost body\n\
                    [aside] goes with it\n[2026-03-01 07:00] Good\n[note] body line\n";
        let parsed = parse(text, &zone());
        let lines: Vec<String> = parsed.bad.iter().map(ToString::to_string).collect();
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(lines[0].starts_with("line 1: text before the first entry"));
        assert!(lines[1].starts_with("line 2: cannot read the time \"2026-02-30 07:00\""));
        assert_eq!(parsed.entries.len(), 1);
        assert_eq!(parsed.entries[0].entry.text, "Good\n[note] body line");
        assert_eq!(parsed.entries[0].position, Position::Line(5));
    }

    #[test]
    fn jrnl_1_journals_without_brackets() {
        let text = "2013-05-17 11:39 This entry has tags! @work\nBody\n\n2013-06-17 20:38 Next\n";
        let parsed = parse(text, &zone());
        assert_eq!(parsed.entries.len(), 2);
        assert_eq!(
            parsed.entries[0].entry.text,
            "This entry has tags! @work\nBody"
        );
        assert_eq!(parsed.entries[0].entry.tags, ["work"]);
        assert_eq!(
            parsed.entries[1].day,
            NaiveDate::from_ymd_opt(2013, 6, 17).unwrap()
        );
    }

    #[test]
    fn email_addresses_and_mid_word_ats_are_not_tags() {
        let mut tags = Vec::new();
        at_tags("write to a@b.org about @lunch, (@not)", &mut tags);
        assert_eq!(tags, ["lunch"]);
    }
}
