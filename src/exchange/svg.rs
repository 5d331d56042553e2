//! Charts for the HTML export, as inline SVG: no scripts, no external files, and they
//! print as sharply as the text. Each chart has a text title and a table beside it in
//! the document, so nothing is only in the picture.

use std::fmt::Write;

use super::html::escape;
use super::model::medium_date;
use super::trends::WeekTrend;

const WIDTH: f64 = 720.0;
const HEIGHT: f64 = 180.0;
const LEFT: f64 = 36.0;
const RIGHT: f64 = 8.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 28.0;

fn plot_width() -> f64 {
    WIDTH - LEFT - RIGHT
}

fn plot_height() -> f64 {
    HEIGHT - TOP - BOTTOM
}

fn open(out: &mut String, label: &str) {
    let _ = write!(
        out,
        "<svg class=\"chart\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\" \
         aria-label=\"{label}\"><title>{label}</title>",
        label = escape(label)
    );
}

/// Horizontal grid lines and their labels, for values `0..=max` in `steps`.
fn grid(out: &mut String, min: f64, max: f64, steps: &[f64]) {
    for &value in steps {
        let y = y_of(value, min, max);
        let _ = write!(
            out,
            "<line class=\"grid\" x1=\"{LEFT}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\"/>\
             <text class=\"axis\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{value}</text>",
            WIDTH - RIGHT,
            LEFT - 6.0,
            y + 4.0,
        );
    }
}

fn y_of(value: f64, min: f64, max: f64) -> f64 {
    TOP + plot_height() * (1.0 - (value - min) / (max - min))
}

/// Week labels under the plot: the first, the last, and a few between.
fn week_labels(out: &mut String, weeks: &[WeekTrend]) {
    let count = weeks.len();
    if count == 0 {
        return;
    }
    let step = count.div_ceil(6).max(1);
    for (index, week) in weeks.iter().enumerate() {
        if index % step != 0 && index != count - 1 {
            continue;
        }
        if index != count - 1 && count - 1 - index < step / 2 {
            continue;
        }
        let x = LEFT + plot_width() * (index as f64 + 0.5) / count as f64;
        let _ = write!(
            out,
            "<text class=\"axis\" x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
            HEIGHT - 8.0,
            escape(&medium_date(week.week))
        );
    }
}

/// Bars: days with a reflection, per week (0 to 7).
pub(crate) fn reflection_days(weeks: &[WeekTrend]) -> String {
    let mut out = String::with_capacity(256 + weeks.len() * 160);
    open(&mut out, "Reflection days per week");
    grid(&mut out, 0.0, 7.0, &[0.0, 7.0]);
    let slot = plot_width() / weeks.len().max(1) as f64;
    let bar = (slot * 0.7).max(0.5);
    for (index, week) in weeks.iter().enumerate() {
        let days = f64::from(week.reflection_days.min(7));
        let top = y_of(days, 0.0, 7.0);
        let x = LEFT + slot * index as f64 + (slot - bar) / 2.0;
        let _ = write!(
            out,
            "<rect class=\"bar\" x=\"{x:.2}\" y=\"{top:.1}\" width=\"{bar:.2}\" height=\"{:.1}\">\
             <title>Week of {}: {} day(s)</title></rect>",
            y_of(0.0, 0.0, 7.0) - top,
            escape(&medium_date(week.week)),
            week.reflection_days
        );
    }
    week_labels(&mut out, weeks);
    out.push_str("</svg>");
    out
}

/// Two lines, energy and outlook, on the 1-5 scale; weeks without ratings break the
/// line rather than pretending a value.
pub(crate) fn energy_outlook(weeks: &[WeekTrend]) -> String {
    let mut out = String::with_capacity(512 + weeks.len() * 40);
    open(&mut out, "Average energy and outlook per week, 1 to 5");
    grid(&mut out, 1.0, 5.0, &[1.0, 3.0, 5.0]);
    let count = weeks.len().max(1) as f64;
    type Series = (&'static str, fn(&WeekTrend) -> Option<i64>);
    let series: [Series; 2] = [
        ("energy", |week| week.energy),
        ("outlook", |week| week.outlook),
    ];
    for (class, value_of) in series {
        let mut run: Vec<(f64, f64)> = Vec::new();
        let mut runs = Vec::new();
        for (index, week) in weeks.iter().enumerate() {
            match value_of(week) {
                Some(value) => {
                    let x = LEFT + plot_width() * (index as f64 + 0.5) / count;
                    run.push((x, y_of(value as f64 / 10.0, 1.0, 5.0)));
                }
                None if !run.is_empty() => runs.push(std::mem::take(&mut run)),
                None => {}
            }
        }
        if !run.is_empty() {
            runs.push(run);
        }
        for run in runs {
            if let [(x, y)] = run.as_slice() {
                let _ = write!(
                    out,
                    "<circle class=\"{class}\" cx=\"{x:.2}\" cy=\"{y:.1}\" r=\"2.5\"/>"
                );
                continue;
            }
            let _ = write!(out, "<polyline class=\"{class}\" points=\"");
            for (n, (x, y)) in run.iter().enumerate() {
                if n > 0 {
                    out.push(' ');
                }
                let _ = write!(out, "{x:.2},{y:.1}");
            }
            out.push_str("\"/>");
        }
    }
    week_labels(&mut out, weeks);
    out.push_str("</svg>");
    out
}

/// Three bars: love, care and vulnerability entries over the range.
pub(crate) fn lcv_balance(totals: [u32; 3]) -> String {
    let mut out = String::with_capacity(1024);
    let _ = write!(
        out,
        "<svg class=\"chart lcv\" viewBox=\"0 0 {WIDTH} 96\" role=\"img\" \
         aria-label=\"Entries on love, care and vulnerability\">\
         <title>Entries on love, care and vulnerability</title>"
    );
    let most = totals.iter().copied().max().unwrap_or(0).max(1);
    let names = ["Love", "Care", "Vulnerability"];
    let classes = ["love", "care", "vulnerability"];
    for (row, ((name, class), total)) in names.iter().zip(classes).zip(totals).enumerate() {
        let y = 8.0 + row as f64 * 28.0;
        let width = (WIDTH - 160.0) * f64::from(total) / f64::from(most);
        let _ = write!(
            out,
            "<text class=\"axis\" x=\"110\" y=\"{:.1}\" text-anchor=\"end\">{name}</text>\
             <rect class=\"{class}\" x=\"118\" y=\"{y:.1}\" width=\"{width:.1}\" height=\"18\"/>\
             <text class=\"axis\" x=\"{:.1}\" y=\"{:.1}\">{total}</text>",
            y + 13.0,
            118.0 + width + 6.0,
            y + 13.0,
        );
    }
    out.push_str("</svg>");
    out
}
