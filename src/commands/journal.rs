//! `truenorth add`, `list` and `search`: the journal from the shell, for quick capture
//! between meetings and for scripts.
//!
//! They save and load through the same store as the screens (`Journal::update_day`,
//! the journal cache) and search with the same index, so the shell and the Journal
//! screen always agree. Private entries never appear in `list` or `search` output,
//! plain or JSON, unless `--include-private` is given.

use std::io::{BufWriter, Write};

use anyhow::{Context, bail};
use chrono::{DateTime, FixedOffset, NaiveDate, Timelike};
use serde::Serialize;

use crate::cli::JournalFilterArgs;
use crate::domain::dates::{check_range, parse_date};
use crate::domain::index::{Filter, Privacy, Scored, SearchQuery, normalize_tag};
use crate::domain::{AnswerValue, Entry, EntrySummary, Frame, tags};
use crate::store::commitments::Moment;
use crate::store::journal_cache::{self, Listing};
use crate::store::{Journal, Paths};

/// A quick entry from the command line.
#[derive(Debug, Clone, Default)]
pub struct NewEntry {
    pub text: String,
    /// Explicit tags, with or without `#`.
    pub tags: Vec<String>,
    pub private: bool,
}

/// `truenorth add TEXT [--tag T]... [--private]`: saves a new entry into the journal
/// day of `when` (the same day the app files it under, after the rollover hour) and
/// says which file holds it.
pub fn add(paths: &Paths, new: NewEntry, when: Moment, out: &mut impl Write) -> anyhow::Result<()> {
    let now = when.now;
    let text = new.text.trim_end().to_string();
    if text.trim().is_empty() {
        bail!(
            "nothing to save: the text is empty (write it after `add`, or pipe it in with `add -`)"
        );
    }
    // Tags written as #word in the text are tags already; keep only the others. An
    // explicit tag follows the rule `tags rename` does, so every tag can be renamed.
    let written = tags::extract(&text);
    let mut explicit: Vec<String> = Vec::new();
    for typed in &new.tags {
        let tag = tags::normalize(typed).map_err(|why| {
            anyhow::anyhow!("--tag {why}; give each tag its own --tag. Nothing was saved.")
        })?;
        if !written.contains(&tag) && !explicit.contains(&tag) {
            explicit.push(tag);
        }
    }
    let journal = Journal::open(&paths.data)?;
    let date = when.today;
    journal.update_day(date, |day| {
        let mut entry = Entry::new(now, day.entries.len(), text);
        entry.id = day.next_entry_id(now);
        entry.tags = explicit;
        entry.private = new.private;
        day.upsert(entry);
    })?;
    writeln!(
        out,
        "Saved to {}",
        journal.display_path(&journal.day_path(date))
    )?;
    Ok(())
}

/// `truenorth list [filters]`: entries newest first. `journal` comes from
/// [`load_listing`] with `args.json`.
pub fn list(
    journal: &Listing,
    args: &JournalFilterArgs,
    today: NaiveDate,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let filter = filter_from(args, today)?;
    let ranking = journal.rank(SearchQuery::default(), &filter, usize::MAX);
    print_entries(journal, &ranking.matches, args.json, false, out)
}

/// `truenorth search QUERY [--limit N] [filters]`: the best matches first. `journal`
/// comes from [`load_listing`] with [`search_reads_text`].
pub fn search(
    journal: &Listing,
    query: &str,
    limit: Option<usize>,
    args: &JournalFilterArgs,
    today: NaiveDate,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let filter = filter_from(args, today)?;
    let ranking = journal.rank(
        SearchQuery::parse(query),
        &filter,
        limit.unwrap_or(usize::MAX),
    );
    print_entries(journal, &ranking.matches, args.json, true, out)
}

/// Whether `search` needs the entries' text for `query`: for a quoted phrase, or to
/// print whole entries as JSON.
pub fn search_reads_text(query: &str, args: &JournalFilterArgs) -> bool {
    args.json || SearchQuery::parse(query).reads_text()
}

/// Lets the journal go without freeing it, when the process is about to exit: giving
/// back ten years of entries one string at a time costs more than a search, and the
/// exit frees it all at once. Only for the end of a one-shot command.
pub fn leak_at_exit<T>(journal: T) {
    std::mem::forget(journal);
}

/// The command-line filters as an index [`Filter`]; dates are read relative to
/// `today`. Private entries are left out unless asked for.
pub fn filter_from(args: &JournalFilterArgs, today: NaiveDate) -> anyhow::Result<Filter> {
    let date = |flag: &str, value: &Option<String>| -> anyhow::Result<Option<NaiveDate>> {
        value
            .as_deref()
            .map(|value| parse_date(value, today).with_context(|| format!("--{flag}")))
            .transpose()
    };
    let from = date("since", &args.since)?;
    let to = date("until", &args.until)?;
    if let Err(reversed) = check_range(from, to) {
        bail!(reversed.named("--since", "--until"));
    }
    Ok(Filter {
        from,
        to,
        tags: args.tags.iter().map(|tag| normalize_tag(tag)).collect(),
        frames: args
            .frames
            .iter()
            .map(|frame| Frame::from(frame.trim()))
            .collect(),
        packs: args.packs.clone(),
        privacy: if args.include_private {
            Privacy::All
        } else {
            Privacy::SharedOnly
        },
    })
}

/// The journal as `list` and `search` print it, with each entry's whole text only if
/// `with_text` (JSON output and quoted phrases need it; lines need only summaries).
/// Files that cannot be read are counted on stderr (stdout stays clean for scripts)
/// and the rest is used.
pub fn load_listing(paths: &Paths, with_text: bool) -> anyhow::Result<Listing> {
    let journal = Journal::open(&paths.data)?;
    let listing = journal_cache::load_listing(&journal, with_text);
    report_unreadable(listing.problems.len());
    Ok(listing)
}

fn report_unreadable(count: usize) {
    if count > 0 {
        eprintln!(
            "truenorth: {count} journal file(s) could not be read and are left out; \
             `truenorth doctor` names them"
        );
    }
}

fn print_entries(
    journal: &Listing,
    matches: &[Scored],
    json: bool,
    with_score: bool,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    // Thousands of lines: one write per buffer, not per line.
    let mut out = BufWriter::with_capacity(64 * 1024, out);
    let found = matches
        .iter()
        .filter_map(|scored| Some((scored, journal.entry(scored.entry)?)));
    if json {
        out.write_all(b"[")?;
        for (n, (scored, listed)) in found.enumerate() {
            out.write_all(if n == 0 { b"\n" } else { b",\n" })?;
            let text = listed
                .text
                .context("JSON output needs the journal loaded with entry text")?;
            let record = JsonEntry {
                date: scored.entry.date,
                created: &listed.facts.created,
                id: &listed.facts.id,
                frame: listed.facts.frame.as_ref().map(Frame::id),
                pack: listed.facts.pack.as_deref(),
                prompt: listed.facts.prompt.as_deref(),
                question: listed.facts.question.as_deref(),
                text,
                tags: &listed.summary.tags,
                private: listed.facts.private,
                value: listed.facts.value,
                score: with_score.then_some(scored.score),
            };
            serde_json::to_writer(&mut out, &record)?;
        }
        out.write_all(b"\n]\n")?;
    } else {
        for (scored, listed) in found {
            write_plain_line(&mut out, scored.entry.date, listed.facts, &listed.summary)?;
        }
    }
    out.flush()?;
    Ok(())
}

/// `2026-11-24 07:12  [care] first line of text…  #tags`, private entries marked.
pub fn plain_line(date: NaiveDate, entry: &Entry) -> String {
    let mut line = Vec::new();
    write_plain_line(&mut line, date, entry, &entry.summary())
        .expect("writing to memory cannot fail");
    String::from_utf8(line).expect("the line is built from strings")
}

/// [`plain_line`] written straight to `out`, with a newline, from the entry's facts
/// and its summary (its text may not be loaded): thousands of lines are printed
/// without building a string for each.
fn write_plain_line(
    out: &mut impl Write,
    date: NaiveDate,
    entry: &Entry,
    summary: &EntrySummary,
) -> std::io::Result<()> {
    let frame = entry.frame.as_ref().map_or("note", Frame::id);
    let time = entry.created;
    write!(
        out,
        "{date} {:02}:{:02}  [{frame}] ",
        time.hour(),
        time.minute()
    )?;
    if entry.private {
        out.write_all(b"(private) ")?;
    }
    if let Some(value) = entry.value {
        write!(out, "= {value}  ")?;
    }
    out.write_all(summary.preview.as_bytes())?;
    if !summary.tags.is_empty() {
        out.write_all(b" ")?;
        for tag in &summary.tags {
            out.write_all(b" #")?;
            out.write_all(tag.as_bytes())?;
        }
    }
    out.write_all(b"\n")
}

/// One entry in `--json` output. The layout is part of the scripting interface: add
/// fields, never rename or remove them.
#[derive(Serialize)]
struct JsonEntry<'a> {
    date: NaiveDate,
    created: &'a DateTime<FixedOffset>,
    id: &'a str,
    frame: Option<&'a str>,
    pack: Option<&'a str>,
    prompt: Option<&'a str>,
    question: Option<&'a str>,
    text: &'a str,
    /// Written `#tags` and explicit ones.
    tags: &'a [String],
    private: bool,
    value: Option<AnswerValue>,
    /// Search only: higher is a better match.
    #[serde(skip_serializing_if = "Option::is_none")]
    score: Option<u32>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(text: &str) -> Entry {
        let created = DateTime::parse_from_rfc3339("2026-11-24T07:12:00-05:00").unwrap();
        Entry::new(created, 0, text.into())
    }

    #[test]
    fn plain_lines_show_time_frame_preview_and_tags() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let mut e = entry("Hallway talk #students\nmore");
        e.frame = Some(Frame::Care);
        e.tags = vec!["lunch".into()];
        assert_eq!(
            plain_line(date, &e),
            "2026-11-24 07:12  [care] Hallway talk #students…  #students #lunch\n"
        );
        let mut private = entry("x".repeat(100).as_str());
        private.private = true;
        private.value = Some(AnswerValue::Number(4));
        let line = plain_line(date, &private);
        assert!(
            line.starts_with("2026-11-24 07:12  [note] (private) = 4  xxx"),
            "{line}"
        );
        assert!(line.ends_with("x…\n"), "{line}");
    }

    #[test]
    fn filters_read_relative_dates_and_refuse_an_empty_range() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let args = JournalFilterArgs {
            since: Some("-7d".into()),
            until: Some("yesterday".into()),
            tags: vec!["#Staff".into()],
            ..JournalFilterArgs::default()
        };
        let filter = filter_from(&args, today).unwrap();
        assert_eq!(filter.from, NaiveDate::from_ymd_opt(2026, 11, 17));
        assert_eq!(filter.to, NaiveDate::from_ymd_opt(2026, 11, 23));
        assert_eq!(filter.tags, vec!["staff"]);
        assert_eq!(filter.privacy, Privacy::SharedOnly);

        let backwards = JournalFilterArgs {
            since: Some("today".into()),
            until: Some("-1d".into()),
            ..JournalFilterArgs::default()
        };
        let error = filter_from(&backwards, today).unwrap_err().to_string();
        assert_eq!(
            error,
            "--since 2026-11-24 is after --until 2026-11-23: nothing can match"
        );
        let bad = JournalFilterArgs {
            since: Some("someday".into()),
            ..JournalFilterArgs::default()
        };
        let error = format!("{:#}", filter_from(&bad, today).unwrap_err());
        assert!(
            error.starts_with("--since: cannot read the date \"someday\""),
            "{error}"
        );
    }

    #[test]
    fn an_entry_added_after_midnight_goes_into_the_journal_day_it_closes() {
        let folder = tempfile::tempdir().unwrap();
        let paths = Paths {
            data: folder.path().to_path_buf(),
            config: folder.path().join("config"),
        };
        let now = DateTime::parse_from_rfc3339("2026-12-05T01:39:00-05:00").unwrap();
        let evening = NaiveDate::from_ymd_opt(2026, 12, 4).unwrap();
        let when = Moment {
            now,
            today: evening,
        };
        let new = NewEntry {
            text: "Late thought.".into(),
            ..NewEntry::default()
        };
        let mut out = Vec::new();
        add(&paths, new, when, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "Saved to journal/2026/2026-12-04.toml\n"
        );
        let journal = Journal::open(&paths.data).unwrap();
        let day = journal.load_day(evening).unwrap().unwrap();
        assert_eq!(day.entries[0].text, "Late thought.");
        assert_eq!(day.entries[0].created, now);
    }
}
