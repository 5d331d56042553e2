//! `truenorth dev ...` (hidden): helpers for measuring truenorth, not for users.
//!
//! `dev sample DIR [--jrnl FILE]` writes the deterministic ten-year sample journal so
//! that `hyperfine` can time the real binary on it, and the same entries in jrnl's
//! plain-text format so jrnl can be timed on the same journal (see
//! `docs/performance.md`).

use std::fmt::Write as _;
use std::io::Write;
use std::path::Path;

use anyhow::Context;
use chrono::NaiveDate;

use crate::cli::DevCommand;
use crate::domain::Day;
use crate::sample::{SampleSize, sample_days};
use crate::store::Journal;

/// The sample's last day and seed: the same as the benches use, so figures from
/// `cargo bench` and from `hyperfine` on `dev sample` describe the same journal.
pub const SAMPLE_LAST_DAY: (i32, u32, u32) = (2026, 11, 24);
pub const SAMPLE_SEED: u64 = 42;

pub fn run(command: DevCommand, out: &mut impl Write) -> anyhow::Result<()> {
    match command {
        DevCommand::Sample { dir, jrnl } => sample(&dir, jrnl.as_deref(), out),
    }
}

fn sample(dir: &Path, jrnl: Option<&Path>, out: &mut impl Write) -> anyhow::Result<()> {
    let (year, month, day) = SAMPLE_LAST_DAY;
    let last = NaiveDate::from_ymd_opt(year, month, day).expect("a valid date");
    let days = sample_days(last, SampleSize::TEN_YEARS, SAMPLE_SEED);
    let journal = Journal::open(dir)?;
    for day in &days {
        journal.update_day(day.date, |on_disk| *on_disk = day.clone())?;
    }
    let entries: usize = days.iter().map(|day| day.entries.len()).sum();
    let words: usize = days
        .iter()
        .flat_map(|day| &day.entries)
        .map(|entry| entry.text.split_whitespace().count())
        .sum();
    writeln!(
        out,
        "Wrote {} days, {entries} entries, {words} words to {}",
        days.len(),
        dir.display()
    )?;
    if let Some(file) = jrnl {
        std::fs::write(file, jrnl_text(&days))
            .with_context(|| format!("cannot write {}", file.display()))?;
        writeln!(out, "Wrote the same entries for jrnl to {}", file.display())?;
    }
    Ok(())
}

/// The days in jrnl's plain-text format, oldest first:
/// `[YYYY-MM-DD HH:MM] Title\nBody\n\n` per entry. The title is the question the entry
/// answers (or the first line of a free note) and the body is the text, with `#tags`
/// written as jrnl's `@tags` and explicit tags appended. Read it with jrnl's
/// `timeformat: "%Y-%m-%d %H:%M"`.
pub fn jrnl_text(days: &[Day]) -> String {
    let mut text = String::new();
    for day in days {
        for entry in &day.entries {
            let stamp = entry.created.format("%Y-%m-%d %H:%M");
            let body = to_jrnl_tags(&entry.text);
            let (title, body) = match &entry.question {
                Some(question) => (question.as_str(), body.as_str()),
                None => body.split_once('\n').unwrap_or((body.as_str(), "")),
            };
            let _ = write!(text, "[{stamp}] {}", title.trim());
            if !body.trim().is_empty() {
                let _ = write!(text, "\n{}", body.trim_end());
            }
            for tag in &entry.tags {
                let _ = write!(text, " @{tag}");
            }
            text.push_str("\n\n");
        }
    }
    text
}

/// `#tag` -> `@tag` where `#` starts a word, as [`crate::domain::tags::extract`] reads
/// tags, so jrnl finds the same tags truenorth does.
fn to_jrnl_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut previous: Option<char> = None;
    for c in text.chars() {
        let starts_word = previous.is_none_or(|p| p.is_whitespace() || "([{\"'".contains(p));
        out.push(if c == '#' && starts_word { '@' } else { c });
        previous = Some(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Entry;

    #[test]
    fn jrnl_entries_have_a_stamp_title_body_and_at_tags() {
        let created = chrono::DateTime::parse_from_rfc3339("2026-11-24T07:12:00-05:00").unwrap();
        let mut day = Day::new(created.date_naive());
        let mut answer = Entry::new(created, 0, "We talked.\n#students were kind".into());
        answer.question = Some("Who surprised you?".into());
        answer.tags = vec!["lunch".into()];
        day.entries.push(answer);
        day.entries
            .push(Entry::new(created, 1, "Quick note\nsee page#3".into()));
        assert_eq!(
            jrnl_text(&[day]),
            "[2026-11-24 07:12] Who surprised you?\nWe talked.\n@students were kind @lunch\n\n\
             [2026-11-24 07:12] Quick note\nsee page#3\n\n"
        );
    }
}
