//! What goes into an export: the days of the range, the entries that pass the filters,
//! and never a private entry, whatever the options say.

use chrono::NaiveDate;

use super::ExportOptions;
use crate::domain::index::{Filter, Privacy, normalize_tag};
use crate::domain::{Day, Entry};

/// How many entries an export holds, and how many private ones it left out (entries
/// that matched every filter but are private).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub entries: usize,
    pub private_left_out: usize,
}

/// A day of the range as the export sees it: its selected entries, oldest first.
/// Days with ratings but no selected entry are kept too: the trends read them.
#[derive(Debug, Clone)]
pub(crate) struct SelectedDay<'a> {
    pub day: &'a Day,
    pub entries: Vec<&'a Entry>,
}

impl SelectedDay<'_> {
    pub fn date(&self) -> NaiveDate {
        self.day.date
    }
}

/// The chosen days, oldest first, and the range they were chosen from.
#[derive(Debug, Clone)]
pub(crate) struct Selection<'a> {
    pub days: Vec<SelectedDay<'a>>,
    pub counts: Counts,
    /// The range the document covers: the options' dates, or the first chosen day
    /// and `today` when they are open.
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// The index filter for the options, letting private entries through so they can be
/// counted; [`select`] then drops them.
fn filter_for(options: &ExportOptions, to: NaiveDate) -> Filter {
    Filter {
        from: options.from,
        to: Some(to),
        tags: options.tags.iter().map(|tag| normalize_tag(tag)).collect(),
        frames: options.frames.clone(),
        packs: options.packs.clone(),
        privacy: Privacy::All,
    }
}

/// The entries of `day` that pass `filter`, oldest first, and the count of private
/// ones that would have passed.
fn choose<'a>(day: &'a Day, filter: &Filter, plain: bool) -> (Vec<&'a Entry>, usize) {
    let mut chosen = Vec::new();
    let mut private = 0;
    for entry in &day.entries {
        // Without tag, frame or pack filters, the day's date was already checked.
        if !plain && !filter.allows(day.date, entry) {
            continue;
        }
        if entry.private {
            private += 1;
        } else {
            chosen.push(entry);
        }
    }
    chosen.sort_by_key(|entry| entry.created);
    (chosen, private)
}

/// Chooses the days and entries of an export. `today` closes an open range.
pub(crate) fn select<'a>(
    days: &'a [Day],
    options: &ExportOptions,
    today: NaiveDate,
) -> Selection<'a> {
    let to = options.to.unwrap_or(today);
    let filter = filter_for(options, to);
    let plain = filter.tags.is_empty() && filter.frames.is_empty() && filter.packs.is_empty();
    let mut counts = Counts::default();
    let mut chosen = Vec::new();
    for day in days.iter().filter(|day| filter.allows_date(day.date)) {
        let (entries, private) = choose(day, &filter, plain);
        counts.entries += entries.len();
        counts.private_left_out += private;
        let rated = day.ratings.energy.is_some() || day.ratings.outlook.is_some();
        if !entries.is_empty() || rated {
            chosen.push(SelectedDay { day, entries });
        }
    }
    chosen.sort_by_key(SelectedDay::date);
    // Two loaded copies of one day cannot both be right; keep the first.
    chosen.dedup_by_key(|selected| selected.date());
    let from = options
        .from
        .or_else(|| chosen.first().map(SelectedDay::date))
        .unwrap_or(to)
        .min(to);
    Selection {
        days: chosen,
        counts,
        from,
        to,
    }
}

/// The counts of an export with these options, without building it: for a screen
/// that shows them as the options change.
pub fn count(days: &[Day], options: &ExportOptions, today: NaiveDate) -> Counts {
    select(days, options, today).counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Frame, Rating};

    fn date(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, day).unwrap()
    }

    fn entry(day: u32, hour: u32, text: &str, private: bool) -> Entry {
        let created = chrono::DateTime::parse_from_rfc3339(&format!(
            "2026-11-{day:02}T{hour:02}:00:00-05:00"
        ))
        .unwrap();
        let mut entry = Entry::new(created, hour as usize, text.to_string());
        entry.private = private;
        entry
    }

    fn journal() -> Vec<Day> {
        let mut first = Day::new(date(2));
        first.entries.push(entry(2, 9, "later #staff", false));
        first.entries.push(entry(2, 7, "early", false));
        first.entries.push(entry(2, 8, "secret #staff", true));
        let mut rated = Day::new(date(3));
        rated.ratings.energy = Rating::new(4);
        let mut framed = Day::new(date(5));
        let mut love = entry(5, 7, "a student", false);
        love.frame = Some(Frame::Love);
        framed.entries.push(love);
        framed.entries.push(entry(5, 8, "private love", true));
        framed.entries[1].frame = Some(Frame::Love);
        vec![framed, rated, first]
    }

    #[test]
    fn private_entries_never_go_in_but_are_counted() {
        let days = journal();
        let selection = select(&days, &ExportOptions::default(), date(24));
        assert_eq!(
            selection.counts,
            Counts {
                entries: 3,
                private_left_out: 2
            }
        );
        let texts: Vec<&str> = selection
            .days
            .iter()
            .flat_map(|day| day.entries.iter().map(|entry| entry.text.as_str()))
            .collect();
        assert_eq!(texts, ["early", "later #staff", "a student"]);
        assert_eq!((selection.from, selection.to), (date(2), date(24)));
        // The rated day stays for the trends.
        assert_eq!(selection.days.len(), 3);
    }

    #[test]
    fn filters_narrow_entries_and_private_counts_alike() {
        let days = journal();
        let by_tag = ExportOptions {
            tags: vec!["#Staff".into()],
            ..ExportOptions::default()
        };
        assert_eq!(
            count(&days, &by_tag, date(24)),
            Counts {
                entries: 1,
                private_left_out: 1
            }
        );
        let by_frame = ExportOptions {
            frames: vec![Frame::Love],
            from: Some(date(4)),
            ..ExportOptions::default()
        };
        let selection = select(&days, &by_frame, date(24));
        assert_eq!(
            selection.counts,
            Counts {
                entries: 1,
                private_left_out: 1
            }
        );
        assert_eq!(selection.from, date(4));
    }

    #[test]
    fn days_after_today_wait_unless_asked_for() {
        let days = journal();
        let selection = select(&days, &ExportOptions::default(), date(4));
        assert_eq!(selection.counts.entries, 2);
        assert_eq!(selection.to, date(4));
    }
}
