//! Renaming a tag across the whole journal, one day file at a time.

use chrono::NaiveDate;

use super::{Journal, journal_cache};
use crate::domain::Problem;

/// What a rename did. Each day file is rewritten atomically on its own, so a failure
/// leaves that day as it was and the others renamed; running the rename again
/// finishes the job.
#[derive(Debug, Default)]
pub struct TagRename {
    /// The days whose file was rewritten, oldest first.
    pub days: Vec<NaiveDate>,
    /// How many entries now carry the new tag instead of the old one.
    pub entries: usize,
    /// Days that held the tag but could not be written, with why.
    pub failures: Vec<(NaiveDate, String)>,
    /// Day files that could not be read, so were not looked at.
    pub unreadable: Vec<Problem>,
}

/// Renames tag `old` to `new` (both as `tags::normalize` gives them) in every entry's
/// text and explicit tags. Renaming into a tag that already exists merges the two.
pub fn rename_tag(journal: &Journal, old: &str, new: &str) -> TagRename {
    let scan = journal_cache::load(journal);
    let mut report = TagRename {
        unreadable: scan.problems,
        ..TagRename::default()
    };
    let holding_the_tag = scan.days.iter().filter(|day| {
        day.entries
            .iter()
            .any(|entry| entry.all_tags().iter().any(|tag| tag == old))
    });
    for day in holding_the_tag {
        let mut renamed = 0;
        // update_day reads the file afresh, so an edit made since the scan is kept.
        match journal.update_day(day.date, |fresh| renamed = fresh.rename_tag(old, new)) {
            Ok(_) => {
                report.days.push(day.date);
                report.entries += renamed;
            }
            Err(error) => report.failures.push((day.date, error.to_string())),
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Entry;
    use chrono::DateTime;

    fn entry(text: &str, tags: &[&str]) -> Entry {
        let created = DateTime::parse_from_rfc3339("2026-11-24T08:00:00+01:00").unwrap();
        let mut entry = Entry::new(created, 0, text.to_string());
        entry.tags = tags.iter().map(|tag| tag.to_string()).collect();
        entry
    }

    fn date(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, day).unwrap()
    }

    #[test]
    fn every_day_holding_the_tag_is_rewritten_and_the_others_are_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::open(dir.path()).unwrap();
        let texts = [
            (20, entry("Hallway talk #Staff", &[])),
            (21, entry("No tag here", &["staff", "care"])),
            (22, entry("#staffroom is another tag", &[])),
        ];
        for (day, entry) in texts {
            journal
                .update_day(date(day), |d| d.entries.push(entry))
                .unwrap();
        }
        let untouched = std::fs::read(journal.day_path(date(22))).unwrap();

        let report = rename_tag(&journal, "staff", "team");

        assert_eq!(report.days, vec![date(20), date(21)]);
        assert_eq!(report.entries, 2);
        assert!(report.failures.is_empty() && report.unreadable.is_empty());
        let day20 = journal.load_day(date(20)).unwrap().unwrap();
        assert_eq!(day20.entries[0].text, "Hallway talk #team");
        let day21 = journal.load_day(date(21)).unwrap().unwrap();
        assert_eq!(day21.entries[0].tags, vec!["team", "care"]);
        assert_eq!(
            std::fs::read(journal.day_path(date(22))).unwrap(),
            untouched
        );
    }

    #[test]
    fn a_broken_day_file_is_reported_and_the_rest_are_renamed() {
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::open(dir.path()).unwrap();
        journal
            .update_day(date(20), |d| d.entries.push(entry("#care first", &[])))
            .unwrap();
        let broken = journal.day_path(date(21));
        std::fs::write(&broken, "this is = = not toml").unwrap();

        let report = rename_tag(&journal, "care", "kindness");

        assert_eq!(report.days, vec![date(20)]);
        assert_eq!(report.unreadable.len(), 1);
        assert_eq!(
            std::fs::read_to_string(&broken).unwrap(),
            "this is = = not toml"
        );
    }
}
