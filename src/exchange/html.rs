//! The export as one self-contained HTML file: open it in any browser, print it or
//! save it as PDF. Styles are inline (with print rules: each part starts on a new
//! page), charts are inline SVG, and there are no scripts, links, images or fonts from
//! elsewhere: the file shows the same offline, years from now. All text is escaped.

use std::fmt::Write;

use super::model::{Export, ExportEntry, medium_date};
use super::svg;
use super::trends;

const STYLE: &str = "\
:root{--ink:#1f2328;--muted:#59636e;--rule:#d1d9e0;--accent:#1f6feb;\
--love:#c2410c;--care:#15803d;--vulnerability:#7c3aed;--energy:#b45309;--outlook:#0e7490}\
*{box-sizing:border-box}\
body{margin:0 auto;max-width:46rem;padding:2rem 1.25rem 4rem;color:var(--ink);\
font:1rem/1.55 Georgia,'Times New Roman',serif;background:#fff}\
h1,h2,h3,h4{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;line-height:1.25}\
h1{font-size:2rem;margin:0 0 1rem}\
h2{font-size:1.45rem;margin:2.5rem 0 1rem;padding-bottom:.3rem;border-bottom:1px solid var(--rule)}\
h3{font-size:1.15rem;margin:2rem 0 .75rem}\
h4{font-size:1rem;margin:1.25rem 0 .25rem}\
.title-page dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0 0 1rem}\
.title-page dt{font-weight:bold;font-family:system-ui,sans-serif}\
.title-page dd{margin:0}\
.note,.details,figcaption{color:var(--muted);font-size:.9rem}\
.details{margin:0 0 .5rem;font-family:system-ui,sans-serif}\
.entry{margin:0 0 1.5rem}\
.entry p{margin:.4rem 0}\
figure{margin:1rem 0 1.5rem}\
.chart{width:100%;height:auto;display:block}\
.chart .grid{stroke:var(--rule);stroke-width:1}\
.chart .axis{fill:var(--muted);font:11px system-ui,sans-serif}\
.chart .bar{fill:var(--accent)}\
.chart .love{fill:var(--love)}.chart .care{fill:var(--care)}\
.chart .vulnerability{fill:var(--vulnerability)}\
.chart polyline{fill:none;stroke-width:2}\
.chart polyline.energy{stroke:var(--energy)}.chart polyline.outlook{stroke:var(--outlook)}\
.chart circle.energy{fill:var(--energy)}.chart circle.outlook{fill:var(--outlook)}\
.key-energy{color:var(--energy);font-weight:bold}.key-outlook{color:var(--outlook);font-weight:bold}\
table{border-collapse:collapse;width:100%;font:.9rem/1.4 system-ui,sans-serif;margin:0 0 1rem}\
th,td{border-bottom:1px solid var(--rule);padding:.3rem .5rem;text-align:left;vertical-align:top}\
td.n,th.n{text-align:right}\
.why{display:block;color:var(--muted);font-style:italic}\
@page{margin:18mm 16mm}\
@media print{\
body{max-width:none;padding:0;font-size:11pt}\
.part{break-before:page}\
.group.paged~.group.paged{break-before:page}\
.entry,figure,tr{break-inside:avoid}\
h2,h3,h4{break-after:avoid}\
}";

pub(crate) fn render(export: &Export<'_>) -> String {
    let text_size: usize = export
        .days
        .iter()
        .flat_map(|day| &day.entries)
        .map(|entry| entry.text.len() + 260)
        .sum();
    let mut out = String::with_capacity(text_size + 16_384 + export.trends.len() * 400);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"truenorth\">\n<title>{}</title>\n\
         <style>{STYLE}</style>\n</head>\n<body>\n",
        escape(&export.title)
    );
    title_page(export, &mut out);
    trends_part(export, &mut out);
    commitments_part(export, &mut out);
    entries_part(export, &mut out);
    out.push_str("</body>\n</html>\n");
    out
}

fn title_page(export: &Export<'_>, out: &mut String) {
    let _ = writeln!(
        out,
        "<header class=\"title-page\">\n<h1>{}</h1>\n<dl>",
        escape(&export.title)
    );
    let mut fact = |name: &str, value: &str| {
        let _ = writeln!(out, "<dt>{name}</dt><dd>{}</dd>", escape(value));
    };
    if let Some(author) = &export.author {
        fact("By", author);
    }
    fact("Range", &export.range_line());
    fact("Generated", &export.generated_line());
    fact(
        "Entries",
        &format!("{}, {}", export.counts().entries, export.group_name()),
    );
    if let Some(selection) = export.selection_line() {
        fact("Selection", &selection);
    }
    let _ = writeln!(
        out,
        "</dl>\n<p class=\"note\">{}</p>\n</header>",
        escape(export.names_line())
    );
}

fn trends_part(export: &Export<'_>, out: &mut String) {
    out.push_str("<section class=\"part trends\">\n<h2>Weekly trends</h2>\n");
    let totals = trends::lcv_totals(&export.trends);
    let _ = writeln!(
        out,
        "<figure>{}<figcaption>Entries on love: {}, care: {}, vulnerability: {}.</figcaption></figure>",
        svg::lcv_balance(totals),
        totals[0],
        totals[1],
        totals[2]
    );
    let _ = writeln!(
        out,
        "<figure>{}<figcaption>Days with a reflection, per week.</figcaption></figure>",
        svg::reflection_days(&export.trends)
    );
    let _ = writeln!(
        out,
        "<figure>{}<figcaption>Average <span class=\"key-energy\">energy</span> and \
         <span class=\"key-outlook\">outlook</span> per week, from 1 (low) to 5 \
         (high).</figcaption></figure>",
        svg::energy_outlook(&export.trends)
    );
    out.push_str(
        "<table>\n<thead><tr><th>Week of</th><th class=\"n\">Reflection days</th>\
         <th class=\"n\">Love</th><th class=\"n\">Care</th><th class=\"n\">Vulnerability</th>\
         <th class=\"n\">Energy</th><th class=\"n\">Outlook</th></tr></thead>\n<tbody>\n",
    );
    for week in &export.trends {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>\
             <td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>\
             <td class=\"n\">{}</td></tr>",
            escape(&medium_date(week.week)),
            week.reflection_days,
            week.love,
            week.care,
            week.vulnerability,
            trends::rating_cell(week.energy),
            trends::rating_cell(week.outlook),
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

fn commitments_part(export: &Export<'_>, out: &mut String) {
    out.push_str("<section class=\"part commitments\">\n<h2>Commitments</h2>\n");
    if export.commitments.is_empty() {
        out.push_str("<p>No commitments ran during this range.</p>\n</section>\n");
        return;
    }
    out.push_str(
        "<table>\n<thead><tr><th>Commitment</th><th>Cadence</th><th>Kept</th>\
         <th>Current streak</th><th>Best streak</th></tr></thead>\n<tbody>\n",
    );
    for report in &export.commitments {
        let commitment = &report.commitment;
        let _ = write!(out, "<tr><td>{}", escape(&commitment.title));
        if !commitment.why.is_empty() {
            let _ = write!(
                out,
                "<span class=\"why\">{}</span>",
                escape(&commitment.why)
            );
        }
        let _ = writeln!(
            out,
            "</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&commitment.cadence.to_string()),
            escape(&report.rate.describe(report.unit)),
            report.unit.count(report.current_streak),
            report.unit.count(report.best_streak),
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

fn entries_part(export: &Export<'_>, out: &mut String) {
    let _ = writeln!(
        out,
        "<section class=\"part entries\">\n<h2>Entries {}</h2>",
        export.group_name()
    );
    let sections = export.sections();
    if sections.is_empty() {
        out.push_str("<p>No entries in this range.</p>\n");
    }
    // A page per group suits a few groups (frames, standards), not hundreds of days;
    // the first group stays on the page of the part's heading (see STYLE).
    let paged = if export.by_date() { "" } else { " paged" };
    for section in sections {
        let _ = writeln!(
            out,
            "<section class=\"group{paged}\">\n<h3>{}</h3>",
            escape(&section.heading)
        );
        for (date, entry) in section.entries {
            entry_article(entry, (!export.by_date()).then_some(date), out);
        }
        out.push_str("</section>\n");
    }
    out.push_str("</section>\n");
}

fn entry_article(entry: &ExportEntry<'_>, date: Option<chrono::NaiveDate>, out: &mut String) {
    let _ = write!(
        out,
        "<article class=\"entry\">\n<h4>{}</h4>\n<p class=\"details\">{}</p>\n",
        escape(entry.heading()),
        escape(&entry.details(date))
    );
    paragraphs(&entry.text, out);
    out.push_str("</article>\n");
}

/// Paragraphs at blank lines, line breaks within them kept.
fn paragraphs(text: &str, out: &mut String) {
    for paragraph in text.trim().split("\n\n") {
        let paragraph = paragraph.trim_matches('\n');
        if paragraph.trim().is_empty() {
            continue;
        }
        out.push_str("<p>");
        for (n, line) in paragraph.lines().enumerate() {
            if n > 0 {
                out.push_str("<br>\n");
            }
            push_escaped(line.trim_end(), out);
        }
        out.push_str("</p>\n");
    }
}

fn push_escaped(text: &str, out: &mut String) {
    // A byte scan: the five characters are ASCII, so they never split a character,
    // and text is copied in slices between them.
    let mut copied = 0;
    for (at, byte) in text.bytes().enumerate() {
        let replacement = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&text[copied..at]);
        out.push_str(replacement);
        copied = at + 1;
    }
    out.push_str(&text[copied..]);
}

/// Text made safe for HTML content and attribute values.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    push_escaped(text, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn everything_that_could_be_markup_is_escaped() {
        assert_eq!(
            escape("<script>alert('x & \"y\"')</script>"),
            "&lt;script&gt;alert(&#39;x &amp; &quot;y&quot;&#39;)&lt;/script&gt;"
        );
        assert_eq!(escape("élève → ok"), "élève → ok");
    }

    #[test]
    fn paragraphs_and_line_breaks() {
        let mut out = String::new();
        paragraphs("one\ntwo\n\n\nthree <b>\n", &mut out);
        assert_eq!(out, "<p>one<br>\ntwo</p>\n<p>three &lt;b&gt;</p>\n");
    }
}
