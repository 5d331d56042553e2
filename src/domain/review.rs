//! The weekly review: on the first open of a new week, a look back at last week and
//! four questions (Continue, Start, Stop and one on true north).
//!
//! The questions are the built-in `weekly-review` pack's, so answers saved from the
//! review screen are ordinary entries of that pack (`pack = "weekly-review"`, the
//! prompt's id and frame). No state file is needed: the last review is read back from
//! the journal as the latest entry in the `review` frame, whether it came from this
//! screen or from the pack running on Fridays. Answers saved from the screen also say
//! which week they look back on (`review_week = "2026-11-23"`), so a review put off
//! and taken days later counts for the week it was about.
//!
//! A review holds one answer per question per week ([`ReviewWeek`]): reopened, it
//! shows the answers already written for its week, and saving again changes them
//! where they are kept instead of adding them twice.

use chrono::{DateTime, Datelike, Days, FixedOffset, NaiveDate, Weekday};

use super::average::one_decimal;
use super::trends::{WeekStats, entry_date, week_of};
use super::{Day, Entry, Frame, Pack, Prompt};

/// The built-in pack the review's questions come from.
pub const PACK: &str = "weekly-review";

/// The key, kept with each answer saved from the review screen, naming the first day
/// of the week it looks back on.
pub const WEEK_KEY: &str = "review_week";

/// A review written in the last this-many days of a week looks back on that week
/// (Friday to Sunday, for weeks starting on Monday); earlier, on the week before.
const LATE_DAYS: u32 = 3;

/// The four questions of a review.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewPart {
    Continue,
    Start,
    Stop,
    TrueNorth,
}

impl ReviewPart {
    pub const ALL: [ReviewPart; 4] = [
        ReviewPart::Continue,
        ReviewPart::Start,
        ReviewPart::Stop,
        ReviewPart::TrueNorth,
    ];

    /// The prompt's id in the `weekly-review` pack.
    pub fn prompt_id(self) -> &'static str {
        match self {
            ReviewPart::Continue => "review-01",
            ReviewPart::Start => "review-02",
            ReviewPart::Stop => "review-03",
            ReviewPart::TrueNorth => "review-05",
        }
    }

    /// A short heading: `Continue`, `Start`, `Stop`, `True north`.
    pub fn label(self) -> &'static str {
        match self {
            ReviewPart::Continue => "Continue",
            ReviewPart::Start => "Start",
            ReviewPart::Stop => "Stop",
            ReviewPart::TrueNorth => "True north",
        }
    }
}

/// One question of the review, with the pack prompt it asks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ReviewPrompt<'a> {
    pub part: ReviewPart,
    pub prompt: &'a Prompt,
}

/// The review's questions, in order, from the `weekly-review` pack among `packs`
/// (pass `builtin::packs_lenient()`). Parts whose prompt is missing are left out.
pub fn prompts(packs: &[Pack]) -> Vec<ReviewPrompt<'_>> {
    let Some(pack) = packs.iter().find(|pack| pack.meta.id == PACK) else {
        return Vec::new();
    };
    ReviewPart::ALL
        .iter()
        .filter_map(|&part| {
            let prompt = pack.prompts.iter().find(|p| p.id == part.prompt_id())?;
            Some(ReviewPrompt { part, prompt })
        })
        .collect()
}

/// A review answer as an entry for `day` (its id unique there), ready to save;
/// `week` is the first day of the week it looks back on.
pub fn entry(
    day: &Day,
    prompt: &Prompt,
    text: String,
    created: DateTime<FixedOffset>,
    week: NaiveDate,
) -> Entry {
    let mut entry = Entry::new(created, day.entries.len(), text);
    entry.id = day.next_entry_id(created);
    entry.pack = Some(PACK.to_string());
    entry.prompt = Some(prompt.id.clone());
    entry.question = Some(prompt.text.clone());
    entry.frame = Some(prompt.frame.clone());
    set_review_week(&mut entry, week);
    entry
}

/// The day an answer says its review looks back on (`review_week`), when it says
/// so readably: the first day of that week as it was saved.
pub fn review_week(entry: &Entry) -> Option<NaiveDate> {
    entry.extra.get(WEEK_KEY)?.as_str()?.parse().ok()
}

/// Marks `entry` as an answer to the review of the week starting on `week`.
pub fn set_review_week(entry: &mut Entry, week: NaiveDate) {
    entry
        .extra
        .insert(WEEK_KEY.to_string(), toml::Value::String(week.to_string()));
}

/// The first day of the latest week looked back on by an entry in the `review`
/// frame, if any: the week the entry names (saved from the review screen), or else
/// the week a review written on its journal day looks back on ([`reviewed_week`]).
pub fn last_reviewed_week(
    days: &[Day],
    week_start: Weekday,
    rollover_hour: u8,
) -> Option<NaiveDate> {
    days.iter()
        .flat_map(|day| {
            day.entries
                .iter()
                .filter(|entry| entry.frame == Some(Frame::Review))
                .map(move |entry| looked_back_on(day.date, entry, week_start, rollover_hour))
        })
        .max()
}

/// The first day of the week an entry kept in the file of `file_date` looks back on:
/// the week it names, or else the week a review written on its journal day looks back
/// on.
fn looked_back_on(
    file_date: NaiveDate,
    entry: &Entry,
    week_start: Weekday,
    rollover_hour: u8,
) -> NaiveDate {
    named_week(entry, week_start).unwrap_or_else(|| {
        let date = entry_date(file_date, entry.created, rollover_hour);
        reviewed_week(date, week_start)
    })
}

/// The review of one week, as kept in the journal: the answers of the
/// `weekly-review` pack that look back on it, whether saved from the review screen
/// (naming the week) or answered on the pack's Fridays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReviewWeek {
    /// The first day of the week looked back on.
    pub start: NaiveDate,
    pub week_start: Weekday,
    pub rollover_hour: u8,
}

/// An answer already written in a week's review, and the day file keeping it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub part: ReviewPart,
    pub date: NaiveDate,
    pub text: String,
}

impl ReviewWeek {
    /// Whether `entry`, kept in the file of `date`, answers the question `prompt_id`
    /// of this review.
    fn holds(&self, date: NaiveDate, entry: &Entry, prompt_id: &str) -> bool {
        entry.pack.as_deref() == Some(PACK)
            && entry.prompt.as_deref() == Some(prompt_id)
            && looked_back_on(date, entry, self.week_start, self.rollover_hour) == self.start
    }

    /// The answers written in this review among `days`, oldest first (by day, then
    /// by the moment written).
    pub fn written(&self, days: &[Day]) -> Vec<Written> {
        let mut found: Vec<(NaiveDate, DateTime<FixedOffset>, Written)> = days
            .iter()
            .flat_map(|day| {
                day.entries.iter().filter_map(move |entry| {
                    let part = ReviewPart::ALL
                        .into_iter()
                        .find(|part| self.holds(day.date, entry, part.prompt_id()))?;
                    Some((
                        day.date,
                        entry.created,
                        Written {
                            part,
                            date: day.date,
                            text: entry.text.clone(),
                        },
                    ))
                })
            })
            .collect();
        found.sort_by_key(|(date, created, _)| (*date, *created));
        found.into_iter().map(|(_, _, written)| written).collect()
    }

    /// Puts `text` as the answer to `prompt` into `day`, read fresh from disk: the
    /// answer this review already keeps there is changed in place, or a new entry is
    /// added when there is none. Further copies there (saved twice by an earlier
    /// version) are dropped: the review showed them joined, so their words are in
    /// `text`. An empty text drops the answer. Putting the same answer again changes
    /// nothing, so saving a review twice never adds an answer twice.
    pub fn put_answer(
        &self,
        day: &mut Day,
        prompt: &Prompt,
        text: &str,
        now: DateTime<FixedOffset>,
    ) {
        let date = day.date;
        let mut kept: Option<String> = None;
        day.entries.retain(|entry| {
            if !self.holds(date, entry, &prompt.id) {
                return true;
            }
            if kept.is_none() && !text.is_empty() {
                kept = Some(entry.id.clone());
                return true;
            }
            false
        });
        if text.is_empty() {
            return;
        }
        let existing = kept.and_then(|id| day.entries.iter_mut().find(|entry| entry.id == id));
        match existing {
            Some(answer) => answer.text = text.to_string(),
            None => {
                let answer = entry(day, prompt, text.to_string(), now, self.start);
                day.entries.push(answer);
            }
        }
    }
}

/// The day files an answer is saved into, each with the text it gets there: the one
/// that already keeps it (the earliest, when copies were saved on several days) gets
/// `text`, or `today`'s when none does; the others get nothing, which drops their
/// copies (their words are in `text`, the review having shown them joined).
pub fn placements(kept_in: &[NaiveDate], today: NaiveDate, text: &str) -> Vec<(NaiveDate, String)> {
    let home = kept_in.iter().min().copied().unwrap_or(today);
    let mut places = vec![(home, text.to_string())];
    for date in kept_in {
        if places.iter().all(|(seen, _)| seen != date) {
            places.push((*date, String::new()));
        }
    }
    places
}

/// The text a review shows for a question: its answer, or when copies were saved
/// (by an earlier version), each of them, oldest first, so none is lost from view.
pub fn shown_text(written: &[Written], part: ReviewPart) -> String {
    written
        .iter()
        .filter(|written| written.part == part)
        .map(|written| written.text.trim())
        .filter(|text| !text.is_empty())
        .fold(Vec::<&str>::new(), |mut texts, text| {
            if !texts.contains(&text) {
                texts.push(text);
            }
            texts
        })
        .join("\n\n")
}

/// The week an entry says it looks back on, when it says so readably.
fn named_week(entry: &Entry, week_start: Weekday) -> Option<NaiveDate> {
    review_week(entry).map(|date| week_of(date, week_start))
}

/// The first day of the week a review written on `date` looks back on: that week
/// when written in its last days, the week before otherwise.
pub fn reviewed_week(date: NaiveDate, week_start: Weekday) -> NaiveDate {
    let start = week_of(date, week_start);
    if date.weekday().days_since(week_start) >= 7 - LATE_DAYS {
        start
    } else {
        start - Days::new(7)
    }
}

/// Whether a review of last week is still to be done on `today`, given the latest
/// week reviewed ([`last_reviewed_week`]): the first open of a new week offers it,
/// and it stays due (put off, taken later) until one is written. A review written
/// late last week (the pack's Friday questions) counts.
pub fn is_due(today: NaiveDate, week_start: Weekday, last_reviewed: Option<NaiveDate>) -> bool {
    let last_week = week_of(today, week_start) - Days::new(7);
    last_reviewed.is_none_or(|week| week < last_week)
}

/// The week `w` opens on `today`: the last complete week while its review is still
/// due (offered at start, put off, or never offered), otherwise the week a review
/// written today looks back on ([`reviewed_week`]: this week from its last days on,
/// last week again before that).
pub fn week_to_review(
    today: NaiveDate,
    week_start: Weekday,
    last_reviewed: Option<NaiveDate>,
) -> NaiveDate {
    if is_due(today, week_start, last_reviewed) {
        week_of(today, week_start) - Days::new(7)
    } else {
        reviewed_week(today, week_start)
    }
}

/// [`is_due`], and last week holds something to look back on: a new journal, or one
/// left alone for a while, is not greeted with a review of an empty week.
pub fn should_offer(
    today: NaiveDate,
    week_start: Weekday,
    last_reviewed: Option<NaiveDate>,
    last_week: &WeekStats,
) -> bool {
    is_due(today, week_start, last_reviewed) && last_week.entries > 0
}

/// `12,345`: thousands separated, as people read counts.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// `75%`: a share from 0 to 1 as a whole percentage.
pub fn percent(share: f32) -> String {
    format!("{}%", (share * 100.0).round() as i64)
}

/// Last week in a few lines, for the top of the review.
pub fn summary(week: &WeekStats) -> Vec<String> {
    let mut lines = Vec::new();
    if week.entries == 0 {
        lines.push(format!("{}: no entries.", week.label()));
    } else {
        lines.push(format!(
            "{}: reflected on {} of {} days; {} {}, {} words.",
            week.label(),
            week.reflection_days,
            week.days_counted(),
            week.entries,
            if week.entries == 1 {
                "entry"
            } else {
                "entries"
            },
            thousands(week.words)
        ));
        lines.push(format!(
            "Love {} · Care {} · Vulnerability {}",
            week.lcv.love, week.lcv.care, week.lcv.vulnerability
        ));
        let others: Vec<String> = week
            .frames
            .iter()
            .filter(|(frame, _)| !Frame::LCV.contains(frame))
            .map(|(frame, n)| format!("{} {n}", frame.label()))
            .collect();
        if !others.is_empty() {
            lines.push(format!("Also: {}", others.join(" · ")));
        }
    }
    let rating = |name: &str, average: Option<f32>, days: usize| {
        average.map(|average| {
            format!(
                "{name} {} (over {days} rated {})",
                one_decimal(average),
                if days == 1 { "day" } else { "days" }
            )
        })
    };
    let ratings: Vec<String> = [
        rating("Energy", week.energy_avg, week.energy_days),
        rating("outlook", week.outlook_avg, week.outlook_days),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !ratings.is_empty() {
        let mut line = ratings.join(", ");
        line[..1].make_ascii_uppercase();
        lines.push(line);
    }
    let kept = week.commitments_kept();
    if kept.due > 0 {
        let each: Vec<String> = week
            .commitments
            .iter()
            .map(|c| format!("{} {} of {}", c.title, c.kept, c.due()))
            .collect();
        lines.push(format!(
            "Commitments: {} — {}",
            kept.label(),
            each.join("; ")
        ));
    }
    if let Some(share) = week.people_connected_share {
        lines.push(format!(
            "People connected with: {} of {} ({})",
            week.people_connected,
            week.roster_size,
            percent(share)
        ));
    }
    lines
}

#[cfg(test)]
mod tests;
