//! `truenorth commit show COMMITMENT`: one commitment in full, with a text heatmap of
//! the last twelve weeks (a row per weekday, a column per week).

use std::io::Write;

use chrono::{Datelike, NaiveDate};

use super::describe_day;
use super::words::details;
use crate::commands::when::Context;
use crate::domain::commitment::Commitment;
use crate::domain::streak::{DayMark, HEATMAP_WEEKS, Record};

pub fn show(
    c: &Commitment,
    record: &Record,
    context: Context,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let summary = record.summary(context.today);
    writeln!(out, "{}  [{}]", c.title, c.id)?;
    if !c.why.is_empty() {
        writeln!(out, "Why: {}", c.why)?;
    }
    writeln!(out, "{}", details(c, &summary, context))?;
    let mut dates = Vec::new();
    if let Some(start) = c.start {
        dates.push(format!("from {}", describe_day(start, context.today)));
    }
    if let Some(end) = c.end {
        dates.push(format!("until {}", describe_day(end, context.today)));
    }
    if !c.psel.is_empty() {
        let standards: Vec<String> = c.psel.iter().map(ToString::to_string).collect();
        dates.push(format!("PSEL {}", standards.join(", ")));
    }
    if !dates.is_empty() {
        writeln!(out, "{}", dates.join(" · "))?;
    }
    writeln!(
        out,
        "Best streak {}.",
        summary.unit.count(summary.best_streak)
    )?;
    writeln!(out)?;
    for line in heatmap_lines(&record.heatmap(context.today, HEATMAP_WEEKS)) {
        writeln!(out, "{line}")?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "● kept  ◐ back-filled  ✗ missed  ○ due  · free  - day off  (blank: not yet or not running)"
    )?;
    Ok(())
}

/// The heatmap as text: a header of month names, then a row per weekday, a
/// two-character column per week.
fn heatmap_lines(marks: &[(NaiveDate, DayMark)]) -> Vec<String> {
    let weeks: Vec<&[(NaiveDate, DayMark)]> = marks.chunks(7).collect();
    // A month's name sits over the first week that reaches into it. Names need two
    // columns; when one would overlap the name before it, that earlier name gives way
    // if it labels the first week alone (the tail of a month the window cuts), and
    // otherwise the new name moves one week on.
    let mut labels: Vec<(usize, String)> = Vec::new();
    let (mut pending, mut previous) = (None, None);
    for (index, week) in weeks.iter().enumerate() {
        let Some((last, _)) = week.last() else {
            continue;
        };
        if previous != Some(last.month()) {
            previous = Some(last.month());
            pending = Some(last.format("%b").to_string());
        }
        let Some(name) = pending.take() else {
            continue;
        };
        let position = 2 * index;
        match labels.last() {
            Some((before, _)) if position < before + 4 => {
                if labels.len() == 1 && *before == 0 {
                    labels[0] = (position, name);
                } else {
                    pending = Some(name);
                }
            }
            _ => labels.push((position, name)),
        }
    }
    let mut header: Vec<char> = vec![' '; 2 * weeks.len() + 4];
    for (position, name) in labels {
        for (offset, letter) in name.chars().enumerate() {
            if let Some(cell) = header.get_mut(position + offset) {
                *cell = letter;
            }
        }
    }
    let header: String = header.into_iter().collect();
    let mut lines = vec![format!("     {}", header.trim_end())];
    for row in 0..7 {
        let Some((first, _)) = weeks.first().and_then(|week| week.get(row)) else {
            continue;
        };
        let mut line = format!("{:<5}", first.format("%a"));
        for week in &weeks {
            line.push(week.get(row).map_or(' ', |(_, mark)| symbol(*mark)));
            line.push(' ');
        }
        lines.push(line.trim_end().to_string());
    }
    lines
}

fn symbol(mark: DayMark) -> char {
    match mark {
        DayMark::Kept { backfilled: false } => '●',
        DayMark::Kept { backfilled: true } => '◐',
        DayMark::Missed => '✗',
        DayMark::Due => '○',
        DayMark::Free => '·',
        DayMark::Skipped => '-',
        DayMark::Inactive | DayMark::Future => ' ',
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Days;

    fn marks(first: NaiveDate, weeks: u64) -> Vec<(NaiveDate, DayMark)> {
        (0..weeks * 7)
            .map(|n| (first + Days::new(n), DayMark::Free))
            .collect()
    }

    #[test]
    fn every_month_the_weeks_reach_is_named_whatever_the_week_start() {
        // Weeks from Sunday 20 Sep 2026: the first ends in September, the second in
        // October. October is named over the second week; September's tail gives way.
        let sunday = NaiveDate::from_ymd_opt(2026, 9, 20).unwrap();
        let lines = heatmap_lines(&marks(sunday, 12));
        assert_eq!(lines[0], "       Oct       Nov     Dec", "{lines:#?}");
        assert!(lines[1].starts_with("Sun"));
        // Weeks from Monday 14 Sep 2026: the first two end in September, so both
        // months have room.
        let monday = NaiveDate::from_ymd_opt(2026, 9, 14).unwrap();
        let lines = heatmap_lines(&marks(monday, 12));
        assert_eq!(lines[0], "     Sep Oct     Nov       Dec", "{lines:#?}");
        assert!(lines[1].starts_with("Mon"));
    }
}
