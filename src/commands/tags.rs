//! `truenorth tags` and `truenorth tags rename OLD NEW`.

use std::io::Write;

use anyhow::bail;

use crate::domain::index::Privacy;
use crate::domain::tags;
use crate::store::journal_cache::Listing;
use crate::store::tag_rename::{TagRename, rename_tag};
use crate::store::{Journal, Paths};

/// Every tag with its number of entries, most used first: `12  #staff` lines, or a
/// JSON array of `{"tag": ..., "entries": ...}`. Like `list`, it leaves private
/// entries out (their tags too) unless `include_private`.
pub fn list(
    journal: &Listing,
    json: bool,
    include_private: bool,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let privacy = if include_private {
        Privacy::All
    } else {
        Privacy::SharedOnly
    };
    let counts = journal.tag_counts(privacy);
    if json {
        let records: Vec<serde_json::Value> = counts
            .iter()
            .map(|(tag, entries)| serde_json::json!({ "tag": tag, "entries": entries }))
            .collect();
        serde_json::to_writer_pretty(&mut *out, &records)?;
        writeln!(out)?;
        return Ok(());
    }
    if counts.is_empty() {
        writeln!(out, "No tags yet: write #word in an entry to tag it.")?;
        return Ok(());
    }
    let width = counts[0].1.to_string().len();
    for (tag, entries) in counts {
        writeln!(out, "{entries:>width$}  #{tag}")?;
    }
    Ok(())
}

/// Renames a tag across the journal and says what changed. Fails (non-zero exit)
/// when a day holding the tag could not be rewritten, so scripts notice; returns
/// `false` when no entry had the tag (nothing to rename, also a non-zero exit).
pub fn rename(paths: &Paths, old: &str, new: &str, out: &mut impl Write) -> anyhow::Result<bool> {
    let (old, new) = (
        tags::normalize(old).map_err(anyhow::Error::msg)?,
        tags::normalize(new).map_err(anyhow::Error::msg)?,
    );
    if old == new {
        bail!("#{old} and #{new} are the same tag: nothing to rename");
    }
    let journal = Journal::open(&paths.data)?;
    let report = rename_tag(&journal, &old, &new);
    write!(out, "{}", describe(&report, &old, &new))?;
    if !report.failures.is_empty() {
        bail!(
            "{} day(s) still hold #{old}; fix what is named above and run the rename again",
            report.failures.len()
        );
    }
    Ok(report.entries > 0)
}

/// The report in words, for the shell and (its first line) the app's status line.
pub fn describe(report: &TagRename, old: &str, new: &str) -> String {
    let mut text = match (report.entries, report.days.len()) {
        (0, _) if report.failures.is_empty() => format!("No entry is tagged #{old}.\n"),
        (entries, days) => format!(
            "Renamed #{old} to #{new} in {entries} {} on {days} {}.\n",
            if entries == 1 { "entry" } else { "entries" },
            if days == 1 { "day" } else { "days" },
        ),
    };
    for (date, why) in &report.failures {
        text.push_str(&format!("Not renamed on {date}: {why}\n"));
    }
    if !report.unreadable.is_empty() {
        text.push_str(&format!(
            "{} file(s) could not be read and were not looked at; `truenorth doctor` names them.\n",
            report.unreadable.len()
        ));
    }
    text
}
