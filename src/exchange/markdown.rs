//! The export as CommonMark, for pasting into a shared document or a repository.
//!
//! Only CommonMark and the GitHub table extension are used, so it renders the same on
//! GitHub, in Google Docs' Markdown paste and in most editors. Entry text renders as
//! written: a leader's words are not Markdown, so nothing in them may turn into a
//! heading, a list, a quote, a code block, a link, emphasis or raw HTML. Per
//! CommonMark, the characters that could start such things are escaped with `\`:
//!
//! - anywhere: `\`, `` ` ``, `*`, `_`, `[`, `]`, `<`, `&` before an entity name
//!   (`&amp;`), `~` (strikethrough and fences on GitHub) and `|` (tables);
//! - at the start of a line: `#`, `-`, `+`, `=`, `>`, and the `.` or `)` after a
//!   number ("1." would start a list);
//! - indentation is dropped, since four spaces would make a code block.
//!
//! Single line breaks are kept as hard breaks (two trailing spaces), so a list of
//! thoughts written one per line stays one per line.

use std::fmt::Write;

use super::model::{Export, ExportEntry};
use super::trends::{self, rating_cell};

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
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            super::model::medium_date(week.week),
            week.reflection_days,
            week.love,
            week.care,
            week.vulnerability,
            rating_cell(week.energy),
            rating_cell(week.outlook),
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
            let _ = write!(title, " — *{}*", cell(&commitment.why));
        }
        let _ = writeln!(
            out,
            "| {title} | {} | {} | {} | {} |",
            commitment.cadence,
            report.rate.describe(report.unit),
            report.unit.count(report.current_streak),
            report.unit.count(report.best_streak),
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
    let details = inline(&entry.details(date));
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
        let line = line.trim();
        let rest = escape_line_start(line, out);
        push_escaped(rest, out);
        end_line(&mut lines, out);
    }
}

/// Writes the start of `line` that Markdown would read as a block marker (`# `,
/// `- `, `> `, `1. `...) with it escaped; returns the rest of the line.
fn escape_line_start<'l>(line: &'l str, out: &mut String) -> &'l str {
    match line.as_bytes().first() {
        Some(b'#' | b'-' | b'+' | b'=' | b'>') => {
            out.push('\\');
            out.push_str(&line[..1]);
            &line[1..]
        }
        Some(b'0'..=b'9') => {
            let digits = line.bytes().take_while(u8::is_ascii_digit).count();
            if matches!(line.as_bytes().get(digits), Some(b'.' | b')')) {
                out.push_str(&line[..digits]);
                out.push('\\');
                out.push_str(&line[digits..=digits]);
                &line[digits + 1..]
            } else {
                line
            }
        }
        _ => line,
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

/// The bytes that may start inline Markdown wherever they are (`&` only before an
/// entity name, checked where it is found), as a table: one look per byte.
const INLINE_MARKUP: [bool; 256] = {
    let mut table = [false; 256];
    let mut at = 0;
    let bytes = b"\\`*_[]<&~|";
    while at < bytes.len() {
        table[bytes[at] as usize] = true;
        at += 1;
    }
    table
};

/// Escapes every character that could start inline Markdown; the rest as written.
fn push_escaped(text: &str, out: &mut String) {
    // Copied in slices between the few characters escaped: ten years of text go
    // through here.
    let bytes = text.as_bytes();
    let mut copied = 0;
    let mut from = 0;
    while let Some(found) = bytes[from..]
        .iter()
        .position(|&byte| INLINE_MARKUP[usize::from(byte)])
    {
        let at = from + found;
        from = at + 1;
        // `&` only starts something in an entity (`&amp;`, `&#38;`): "you & me" stays.
        if bytes[at] == b'&'
            && !bytes
                .get(at + 1)
                .is_some_and(|next| next.is_ascii_alphanumeric() || *next == b'#')
        {
            continue;
        }
        out.push_str(&text[copied..at]);
        out.push('\\');
        copied = at;
    }
    out.push_str(&text[copied..]);
}

/// Text for a heading: one line, no inline Markdown, no closing `#`s eaten.
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

/// Text inside a line (a list item, emphasis): one line, no inline Markdown.
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&one_line(text), &mut out);
    out
}

/// Text inside a table cell (`|` is escaped as everywhere).
fn cell(text: &str) -> String {
    inline(text)
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use pulldown_cmark::{Event, Options, Parser, Tag};

    use super::*;

    fn rendered(text: &str) -> String {
        let mut out = String::new();
        block(text, &mut out);
        out
    }

    /// The text a Markdown renderer shows for `markdown`, one line per line, and
    /// whether anything but paragraphs, text and line breaks came out of it.
    fn as_shown(markdown: &str) -> (String, Vec<String>) {
        let mut shown = String::new();
        let mut markup = Vec::new();
        for event in Parser::new_ext(
            markdown,
            Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
        ) {
            match event {
                Event::Text(text) => shown.push_str(&text),
                Event::HardBreak | Event::SoftBreak => shown.push('\n'),
                Event::Start(Tag::Paragraph) => {
                    if !shown.is_empty() {
                        shown.push_str("\n\n");
                    }
                }
                Event::End(_) => {}
                other => markup.push(format!("{other:?}")),
            }
        }
        (shown, markup)
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
        assert_eq!(rendered("- not\n- a list"), "\\- not  \n\\- a list\n");
        assert_eq!(
            rendered("1. first\n12) twelfth"),
            "1\\. first  \n12\\) twelfth\n"
        );
        assert_eq!(rendered("    indented"), "indented\n");
        assert_eq!(rendered("see [x](url)"), "see \\[x\\](url)\n");
        assert_eq!(rendered("2026 was good"), "2026 was good\n");
    }

    #[test]
    fn text_renders_as_written() {
        let cases = [
            "- a dash\n* a star\n+ a plus\n> a quote\n1. one\n2) two",
            "    four spaces in\n\tand a tab",
            "[x](https://example.com) and ![img](a.png) and <https://x.org>",
            "*not emphasis* _nor this_ **nor** `code` ~~struck~~",
            "a | table | row\n| --- | --- |",
            "```\nnot a fence\n```\n~~~",
            "Title\n===\nSub\n---\n***\n___",
            "&amp; stays &copy; as typed, you & me &#38; a\\*backslash\\",
            "<div>html</div> <!-- comment -->",
            "# heading\n## two\n#tag",
        ];
        for text in cases {
            let markdown = rendered(text);
            let (shown, markup) = as_shown(&markdown);
            assert!(
                markup.is_empty(),
                "{text:?} became {markup:?} via {markdown:?}"
            );
            let expected: Vec<String> = text.lines().map(|line| line.trim().to_string()).collect();
            assert_eq!(shown, expected.join("\n"), "{text:?} via {markdown:?}");
        }
    }

    #[test]
    fn headings_and_cells_are_one_safe_line() {
        assert_eq!(heading("Why?\nBecause #"), "Why? Because \\#");
        assert_eq!(heading("#1 goal"), "\\#1 goal");
        assert_eq!(heading("A *bold* [move]"), "A \\*bold\\* \\[move\\]");
        assert_eq!(cell("a | b\nc"), "a \\| b c");
    }
}
