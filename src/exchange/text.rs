//! The export as plain text: for an email body, a printout from a terminal, or any
//! place that shows text as it is. Entry text is kept exactly as written.

use std::fmt::Write;

use super::model::{Export, medium_date};
use super::trends::{self, rating_cell};

pub(crate) fn render(export: &Export<'_>) -> String {
    let text_size: usize = export
        .days
        .iter()
        .flat_map(|day| &day.entries)
        .map(|entry| entry.text.len() + 120)
        .sum();
    let mut out = String::with_capacity(text_size + 4096);
    underlined(&export.title.to_uppercase(), '=', &mut out);
    let mut facts: Vec<(&str, String)> = Vec::new();
    if let Some(author) = &export.author {
        facts.push(("By", author.clone()));
    }
    facts.push(("Range", export.range_line()));
    facts.push(("Generated", export.generated_line()));
    facts.push((
        "Entries",
        format!("{}, {}", export.counts().entries, export.group_name()),
    ));
    if let Some(selection) = export.selection_line() {
        facts.push(("Selection", selection));
    }
    for (name, value) in facts {
        let _ = writeln!(out, "{:<11}{value}", format!("{name}:"));
    }
    let _ = writeln!(out, "\n{}\n", export.names_line());

    underlined("WEEKLY TRENDS", '-', &mut out);
    let [love, care, vulnerability] = trends::lcv_totals(&export.trends);
    let _ = writeln!(
        out,
        "Entries on love: {love}, care: {care}, vulnerability: {vulnerability}.\n"
    );
    out.push_str("Week of      Days  Love  Care  Vuln.  Energy  Outlook\n");
    for week in &export.trends {
        let _ = writeln!(
            out,
            "{:<11} {:>5} {:>5} {:>5} {:>6} {:>7} {:>8}",
            medium_date(week.week),
            week.reflection_days,
            week.love,
            week.care,
            week.vulnerability,
            rating_cell(week.energy),
            rating_cell(week.outlook),
        );
    }
    out.push('\n');

    underlined("COMMITMENTS", '-', &mut out);
    if export.commitments.is_empty() {
        out.push_str("No commitments ran during this range.\n");
    }
    for report in &export.commitments {
        let commitment = &report.commitment;
        let _ = writeln!(out, "{}", one_line(&commitment.title));
        let _ = writeln!(
            out,
            "  {} · kept {} · current streak {} · best {}",
            commitment.cadence,
            report.rate.describe(report.unit),
            report.unit.count(report.current_streak),
            report.unit.count(report.best_streak),
        );
        if !commitment.why.is_empty() {
            let _ = writeln!(out, "  Why: {}", one_line(&commitment.why));
        }
    }
    out.push('\n');

    underlined(
        &format!("ENTRIES {}", export.group_name().to_uppercase()),
        '-',
        &mut out,
    );
    let sections = export.sections();
    if sections.is_empty() {
        out.push_str("No entries in this range.\n");
    }
    for (n, section) in sections.into_iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        underlined(&section.heading, '~', &mut out);
        for (date, entry) in section.entries {
            let _ = writeln!(out, "{}", one_line(entry.heading()));
            let date = (!export.by_date()).then_some(date);
            let _ = writeln!(out, "{}\n", entry.details(date));
            if !entry.text.trim().is_empty() {
                let _ = writeln!(out, "{}\n", entry.text.trim_end());
            }
        }
    }
    out
}

fn underlined(title: &str, mark: char, out: &mut String) {
    let title = one_line(title);
    let width = title.chars().count();
    let _ = writeln!(out, "{title}");
    out.extend(std::iter::repeat_n(mark, width));
    out.push_str("\n\n");
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
