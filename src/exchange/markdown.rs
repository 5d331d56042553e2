//! The export as CommonMark, for pasting into a shared document or a repository.
//!
//! Only CommonMark and the GitHub table extension are used, so it renders the same on
//! GitHub, in Google Docs' Markdown paste and in most editors. Entry text is kept as
//! written (a leader's `*emphasis*` and `- lists` still work), with three exceptions
//! that would break the document's outline: raw HTML (`<` is escaped), lines starting
//! with `#` (they would become headings), and lines of only `-`, `=`, `*` or `_`
//! (they would turn the line above into a heading or draw a rule). Single line breaks
//! are kept as hard breaks (two trailing spaces), so a list of thoughts stays a list.

use std::fmt::Write;

use super::commitments::{describe_rate, periods};
use super::model::{Export, ExportEntry};
use super::trends::{self, tenths};

pub(crate) fn render(export: &Export<'_>) -> String {
    let text_size: usize = export
        .days
        .iter()
        .flat_map(|day| &day.entries)
        .map(|entry| entry.text.len() + 160)
        .sum();
    let mut out = String::with_capacity(text_size + 4096);
    title_block(export, &mut out);
    trends_section(export, &mut out);
    commitments_section(export, &mut out);
    entries_section(export, &mut out);
    out
}

fn title_block(export: &Export<'_>, out: &mut String) {
    let _ = writeln!(out, "# {}\n", heading(&export.title));
    if let Some(author) = &export.author {
        let _ = writeln!(out, "- **By:** {}", inline(author));
    }
    let _ = writeln!(out, "- **Range:** {}", export.range_line());
    let _ = writeln!(out, "- **Generated:** {}", export.generated_line());
    let _ = writeln!(
        out,
        "- **Entries:** {}, {}",
        export.counts().entries,
        export.group_name()
    );
    if let Some(selection) = export.selection_line() {
        let _ = writeln!(out, "- **Selection:** {}", inline(&selection));
    }
    let _ = writeln!(out, "\n{}\n", export.names_line());
}

fn trends_section(export: &Export<'_>, out: &mut String) {
    out.push_str("## Weekly trends\n\n");
    let [love, care, vulnerability] = trends::lcv_totals(&export.trends);
    let _ = writeln!(
        out,
        "Entries on love: {love}, care: {care}, vulnerability: {vulnerability}.\n"
    );
    out.push_str(
        "| Week of | Reflection days | Love | Care | Vulnerability | Energy | Outlook |\n\
         | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n",
    );
    for week in &export.trends {
        let rating = |value: Option<u32>| value.map_or_else(|| "–".to_string(), tenths);
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            super::model::medium_date(week.week),
            week.reflection_days,
            week.love,
            week.care,
            week.vulnerability,
            rating(week.energy),
            rating(week.outlook),
        );
    }
    out.push('\n');
}

fn commitments_section(export: &Export<'_>, out: &mut String) {
    out.push_str("## Commitments\n\n");
    if export.commitments.is_empty() {
        out.push_str("No commitments ran during this range.\n\n");
        return;
    }
    out.push_str(
        "| Commitment | Cadence | Kept | Current streak | Best streak |\n\
         | --- | --- | --- | --- | --- |\n",
    );
    for report in &export.commitments {
        let commitment = &report.commitment;
        let mut title = cell(&commitment.title);
        if !commitment.why.is_empty() {
            let _ = write!(title, " — *{}*", cell(&commitment.why).replace('*', "\\*"));
        }
        let _ = writeln!(
            out,
            "| {title} | {} | {} | {} | {} |",
            commitment.cadence,
            describe_rate(report.rate, report.unit),
            periods(report.current_streak, report.unit),
            periods(report.best_streak, report.unit),
        );
    }
    out.push('\n');
}

fn entries_section(export: &Export<'_>, out: &mut String) {
    let _ = writeln!(out, "## Entries {}\n", export.group_name());
    let sections = export.sections();
    if sections.is_empty() {
        out.push_str("No entries in this range.\n");
        return;
    }
    for section in sections {
        let _ = writeln!(out, "### {}\n", heading(&section.heading));
        for (date, entry) in section.entries {
            let shown_date = (!export.by_date()).then_some(date);
            entry_block(entry, shown_date, out);
        }
    }
}

fn entry_block(entry: &ExportEntry<'_>, date: Option<chrono::NaiveDate>, out: &mut String) {
    let _ = writeln!(out, "#### {}\n", heading(entry.heading()));
    let details = inline(&entry.details(date)).replace('*', "\\*");
    let _ = writeln!(out, "*{details}*\n");
    if !entry.text.trim().is_empty() {
        block(&entry.text, out);
        out.push('\n');
    }
}

/// Entry text as Markdown paragraphs; see the module notes for what is escaped.
fn block(text: &str, out: &mut String) {
    let mut lines = text.trim_end().lines().peekable();
    while let Some(line) = lines.next() {
        let line = line.trim_end();
        if is_rule_like(line) {
            out.push('\\');
        } else if line.trim_start().starts_with('#') {
            out.push_str(&line[..line.len() - line.trim_start().len()]);
            out.push('\\');
            push_escaped(line.trim_start(), out);
            end_line(&mut lines, out);
            continue;
        }
        push_escaped(line, out);
        end_line(&mut lines, out);
    }
}

/// A hard break before a following line of the same paragraph, a plain line end
/// otherwise.
fn end_line<'t>(lines: &mut std::iter::Peekable<impl Iterator<Item = &'t str>>, out: &mut String) {
    let continues = lines.peek().is_some_and(|next| !next.trim().is_empty());
    let blank_here = out.ends_with('\n') || out.is_empty();
    if continues && !blank_here {
        out.push_str("  ");
    }
    out.push('\n');
}

/// Lines that Markdown would read as a rule or a heading underline.
fn is_rule_like(line: &str) -> bool {
    let trimmed = line.trim();
    !trimmed.is_empty()
        && trimmed
            .chars()
            .all(|c| matches!(c, '-' | '=' | '*' | '_' | ' '))
}

/// Escapes the start of raw HTML; everything else stays as written.
fn push_escaped(text: &str, out: &mut String) {
    // Copied in slices between the rare `<`: ten years of text go through here.
    let mut copied = 0;
    for at in memchr::memchr_iter(b'<', text.as_bytes()) {
        out.push_str(&text[copied..at]);
        out.push('\\');
        copied = at;
    }
    out.push_str(&text[copied..]);
}

/// Text for a heading: one line, no raw HTML, no closing `#`s eaten.
fn heading(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&one_line(text), &mut out);
    if out.starts_with('#') {
        out.insert(0, '\\');
    }
    if out.ends_with('#') {
        out.insert(out.len() - 1, '\\');
    }
    out
}

/// Text inside a line (a list item, emphasis): one line, no raw HTML.
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&one_line(text), &mut out);
    out
}

/// Text inside a table cell: also no `|`.
fn cell(text: &str) -> String {
    inline(text).replace('|', "\\|")
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rendered(text: &str) -> String {
        let mut out = String::new();
        block(text, &mut out);
        out
    }

    #[test]
    fn line_breaks_stay_and_paragraphs_stay_apart() {
        assert_eq!(rendered("one\ntwo\n\nthree"), "one  \ntwo\n\nthree\n");
    }

    #[test]
    fn outline_breaking_lines_are_escaped() {
        assert_eq!(rendered("# not a heading"), "\\# not a heading\n");
        assert_eq!(rendered("text\n---"), "text  \n\\---\n");
        assert_eq!(rendered("a <b>tag</b>"), "a \\<b>tag\\</b>\n");
        assert_eq!(rendered("#students were kind"), "\\#students were kind\n");
        assert_eq!(rendered("- a list\n- stays"), "- a list  \n- stays\n");
    }

    #[test]
    fn headings_and_cells_are_one_safe_line() {
        assert_eq!(heading("Why?\nBecause #"), "Why? Because \\#");
        assert_eq!(heading("#1 goal"), "\\#1 goal");
        assert_eq!(cell("a | b\nc"), "a \\| b c");
    }
}
