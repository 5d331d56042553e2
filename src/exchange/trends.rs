//! The weekly trends of an export: how often the leader reflected, the balance of
//! love, care and vulnerability, and how energy and outlook moved.
//!
//! They describe what the export holds (its entries, and the ratings of the days in
//! its range), so a reader sees trends that match the pages, and an exported JSON
//! file, imported elsewhere, gives the same trends again. That is why they are not
//! [`crate::domain::trends`]' figures, which count private entries too (for the
//! leader's own Trends screen) and move small-hours entries to the evening before.

use chrono::{Days, NaiveDate, Weekday};

use super::select::Selection;
use crate::domain::Frame;
use crate::domain::average;
use crate::domain::trends::week_of;

/// One week of the range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct WeekTrend {
    /// The week's first day.
    pub week: NaiveDate,
    /// Days with at least one exported entry.
    pub reflection_days: u32,
    pub love: u32,
    pub care: u32,
    pub vulnerability: u32,
    /// Average energy of the rated days, in tenths (35 is 3.5), rounded as
    /// everywhere else ([`average::tenths`]).
    pub energy: Option<i64>,
    pub outlook: Option<i64>,
}

impl WeekTrend {
    fn new(week: NaiveDate) -> WeekTrend {
        WeekTrend {
            week,
            reflection_days: 0,
            love: 0,
            care: 0,
            vulnerability: 0,
            energy: None,
            outlook: None,
        }
    }
}

/// A week's average rating for a table cell: "3.5" for 35 tenths, "–" for none.
pub(crate) fn rating_cell(tenths: Option<i64>) -> String {
    tenths.map_or_else(|| "–".to_string(), average::tenths_text)
}

/// Sums that become an average.
#[derive(Default)]
struct Mean {
    sum: u32,
    count: u32,
}

impl Mean {
    fn add(&mut self, value: Option<u8>) {
        if let Some(value) = value {
            self.sum += u32::from(value);
            self.count += 1;
        }
    }

    /// In tenths, rounded as Trends and `stats` round it, so every format (and every
    /// screen) prints the same.
    fn tenths(&self) -> Option<i64> {
        (self.count > 0).then(|| average::tenths(f64::from(self.sum) / f64::from(self.count)))
    }
}

/// Every week from the one holding the range's first day to the one holding its last,
/// empty weeks included: a gap is part of the story.
pub(crate) fn weekly(selection: &Selection<'_>, week_start: Weekday) -> Vec<WeekTrend> {
    let first = week_of(selection.from, week_start);
    let last = week_of(selection.to, week_start);
    let mut weeks: Vec<WeekTrend> = Vec::new();
    let mut week = first;
    while week <= last {
        weeks.push(WeekTrend::new(week));
        week = week + Days::new(7);
    }
    let mut means: Vec<(Mean, Mean)> = weeks.iter().map(|_| Default::default()).collect();
    for day in &selection.days {
        let index = ((week_of(day.date(), week_start) - first).num_days() / 7) as usize;
        let Some(trend) = weeks.get_mut(index) else {
            continue;
        };
        if !day.entries.is_empty() {
            trend.reflection_days += 1;
        }
        for entry in &day.entries {
            match entry.frame {
                Some(Frame::Love) => trend.love += 1,
                Some(Frame::Care) => trend.care += 1,
                Some(Frame::Vulnerability) => trend.vulnerability += 1,
                _ => {}
            }
        }
        let (energy, outlook) = &mut means[index];
        energy.add(day.day.ratings.energy.map(|rating| rating.value()));
        outlook.add(day.day.ratings.outlook.map(|rating| rating.value()));
    }
    for (trend, (energy, outlook)) in weeks.iter_mut().zip(&means) {
        trend.energy = energy.tenths();
        trend.outlook = outlook.tenths();
    }
    weeks
}

/// Love, care and vulnerability entries over the whole range.
pub(crate) fn lcv_totals(weeks: &[WeekTrend]) -> [u32; 3] {
    weeks.iter().fold([0; 3], |[love, care, vuln], week| {
        [
            love + week.love,
            care + week.care,
            vuln + week.vulnerability,
        ]
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Day, Entry, Rating};
    use crate::exchange::ExportOptions;
    use crate::exchange::select::select;

    fn date(month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, month, day).unwrap()
    }

    fn day_with(date: NaiveDate, frames: &[Frame], energy: Option<u8>) -> Day {
        let mut day = Day::new(date);
        day.ratings.energy = energy.and_then(Rating::new);
        for (n, frame) in frames.iter().enumerate() {
            let created = date
                .and_hms_opt(7, n as u32, 0)
                .unwrap()
                .and_utc()
                .fixed_offset();
            let mut entry = Entry::new(created, n, "text".into());
            entry.frame = Some(frame.clone());
            day.entries.push(entry);
        }
        day
    }

    #[test]
    fn weeks_count_days_frames_and_average_ratings() {
        // 2026-11-02 is a Monday.
        let days = vec![
            day_with(date(11, 2), &[Frame::Love, Frame::TrueNorth], Some(3)),
            day_with(date(11, 4), &[Frame::Care], Some(4)),
            day_with(date(11, 5), &[], Some(4)),
            day_with(date(11, 18), &[Frame::Vulnerability], None),
        ];
        let options = ExportOptions {
            from: Some(date(11, 1)),
            to: Some(date(11, 20)),
            ..ExportOptions::default()
        };
        let selection = select(&days, &options, date(11, 24));
        let weeks = weekly(&selection, Weekday::Mon);
        let starts: Vec<NaiveDate> = weeks.iter().map(|week| week.week).collect();
        assert_eq!(
            starts,
            [date(10, 26), date(11, 2), date(11, 9), date(11, 16)]
        );
        let second = &weeks[1];
        assert_eq!(second.reflection_days, 2);
        assert_eq!((second.love, second.care, second.vulnerability), (1, 1, 0));
        // (3 + 4 + 4) / 3 = 3.67, shown as 3.7.
        assert_eq!(rating_cell(second.energy), "3.7");
        assert_eq!(rating_cell(None), "–");
        assert_eq!(second.outlook, None);
        assert_eq!(weeks[2], WeekTrend::new(date(11, 9)));
        assert_eq!(lcv_totals(&weeks), [1, 1, 1]);
    }
}
