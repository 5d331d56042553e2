//! `truenorth commit show COMMITMENT`: one commitment in full, with a text heatmap of
//! the last twelve weeks (a row per weekday, a column per week).

use std::io::Write;

use chrono::{Datelike, NaiveDate};

use super::describe_day;
use super::words::{count, details};
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
        count(summary.best_streak, summary.unit)
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
    // A month's name sits over the first week that reaches into it, when the name
    // before it has left room.
    let mut header: Vec<char> = vec![' '; 2 * weeks.len() + 4];
    let (mut free_from, mut previous) = (0, None);
    for (index, week) in weeks.iter().enumerate() {
        let Some((last, _)) = week.last() else {
            continue;
        };
        let position = 2 * index;
        if previous != Some(last.month()) && position >= free_from {
            for (offset, letter) in last.format("%b").to_string().chars().enumerate() {
                header[position + offset] = letter;
            }
            free_from = position + 4;
        }
        previous = Some(last.month());
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
