//! For leaders: `pack list` (which packs, how far along) and `pack show` (what is in
//! one).

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use chrono::{NaiveDate, Weekday};

use super::{day_of, length};
use crate::builtin::{is_daily, packs_lenient};
use crate::domain::enrollment::{Enrollment, PackStatus};
use crate::domain::pack::{AnswerKind, Schedule};
use crate::domain::{Pack, Problem};
use crate::store::PackStore;
use crate::store::packs::{PACKS_DIR, STATE_FILE};

/// Width text is wrapped to in `pack show`: readable in any terminal.
const WRAP: usize = 78;

/// One row of `pack list`.
struct Row {
    id: String,
    status: String,
    title: String,
    /// Problems printed under the row (a pack that did not load).
    problems: Vec<String>,
}

/// `pack list`: the built-in packs, then the added ones, each with its status.
pub fn list(store: &PackStore, today: NaiveDate, out: &mut impl Write) -> anyhow::Result<bool> {
    let installed = store.load();
    let builtin = packs_lenient();

    let built_in_rows: Vec<Row> = builtin
        .iter()
        .map(|pack| {
            let enrollment = installed
                .get(&pack.meta.id)
                .map(|(_, enrollment)| enrollment);
            Row {
                id: pack.meta.id.clone(),
                status: status(pack, enrollment, today),
                title: pack.meta.title.clone(),
                problems: Vec::new(),
            }
        })
        .collect();

    let mut added_rows: Vec<Row> = installed
        .packs
        .iter()
        .filter(|(pack, _)| !builtin.iter().any(|known| known.meta.id == pack.meta.id))
        .map(|(pack, enrollment)| Row {
            id: pack.meta.id.clone(),
            status: status(pack, Some(enrollment), today),
            title: format!("{} · {}", pack.meta.title, pack.meta.version),
            problems: Vec::new(),
        })
        .collect();
    let (by_pack, other_problems) = problems_by_pack(&installed.problems);
    for (id, problems) in by_pack {
        added_rows.push(Row {
            id,
            status: "invalid".to_string(),
            title: "(not loaded: fix the file, or `truenorth pack remove` it)".to_string(),
            problems,
        });
    }

    let rows = built_in_rows.iter().chain(&added_rows);
    let id_width = rows
        .clone()
        .map(|row| row.id.chars().count())
        .max()
        .unwrap_or(0);
    let status_width = rows
        .map(|row| row.status.chars().count())
        .max()
        .unwrap_or(0);
    let print = |out: &mut dyn Write, row: &Row| -> std::io::Result<()> {
        writeln!(
            out,
            "  {:id_width$}  {:status_width$}  {}",
            row.id, row.status, row.title
        )?;
        for problem in &row.problems {
            writeln!(out, "      {problem}")?;
        }
        Ok(())
    };

    writeln!(
        out,
        "Built-in packs (start one with `truenorth pack add ID`):"
    )?;
    for row in &built_in_rows {
        print(out, row)?;
    }
    writeln!(out)?;
    if added_rows.is_empty() {
        writeln!(
            out,
            "Added packs: none yet. Add a coach's pack with `truenorth pack add FILE`."
        )?;
    } else {
        writeln!(out, "Added packs:")?;
        for row in &added_rows {
            print(out, row)?;
        }
    }
    if !other_problems.is_empty() {
        writeln!(out)?;
        writeln!(out, "Problems (fix them in an editor):")?;
        for problem in other_problems {
            writeln!(out, "  {problem}")?;
        }
    }
    Ok(true)
}

/// "active, day 9 of 42", "paused, day 9 of 42", "finished, 42 days", "not started"...
fn status(pack: &Pack, enrollment: Option<&Enrollment>, today: NaiveDate) -> String {
    if is_daily(&pack.meta.id) {
        return "always on".to_string();
    }
    let Some(enrollment) = enrollment else {
        return format!("not started, {}", length(pack));
    };
    match enrollment.status_on(today, pack.meta.days) {
        PackStatus::Active { day } => format!("active, {}", day_of(day, pack)),
        PackStatus::Paused { day } => format!("paused, {}", day_of(day, pack)),
        PackStatus::Finished => format!("finished, {}", length(pack)),
        PackStatus::NotStarted => format!("not started, starts {}", enrollment.started),
    }
}

/// Problems of pack files, by the pack id their file is named for; the rest (the state
/// file, the folder) apart.
fn problems_by_pack(problems: &[Problem]) -> (BTreeMap<String, Vec<String>>, Vec<String>) {
    let mut by_pack: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut other = Vec::new();
    for problem in problems {
        let path = Path::new(&problem.source);
        let in_packs = path.parent().is_some_and(|dir| dir == Path::new(PACKS_DIR));
        let is_state = path.file_name().is_some_and(|name| name == STATE_FILE);
        match path.file_stem().and_then(|stem| stem.to_str()) {
            Some(stem) if in_packs && !is_state => by_pack
                .entry(stem.to_string())
                .or_default()
                .push(problem.to_string()),
            _ => other.push(problem.to_string()),
        }
    }
    (by_pack, other)
}

/// `pack show ID`: what the pack is and every prompt with when it comes up.
pub fn show(
    store: &PackStore,
    id: &str,
    today: NaiveDate,
    out: &mut impl Write,
) -> anyhow::Result<bool> {
    let installed = store.load();
    let builtin = packs_lenient();
    let is_builtin = builtin.iter().any(|pack| pack.meta.id == id);
    let found = installed
        .get(id)
        .map(|(pack, enrollment)| (pack, Some(enrollment)))
        .or_else(|| {
            builtin
                .iter()
                .find(|pack| pack.meta.id == id)
                .map(|pack| (pack, None))
        });
    let Some((pack, enrollment)) = found else {
        let (by_pack, _) = problems_by_pack(&installed.problems);
        if let Some(problems) = by_pack.get(id) {
            anyhow::bail!(
                "pack `{id}` is added but its file does not load:\n{}\nFix the file in an \
                 editor, or add the coach's file again",
                problems.join("\n")
            );
        }
        let mut known: Vec<&str> = builtin.iter().map(|pack| pack.meta.id.as_str()).collect();
        known.extend(
            installed
                .packs
                .iter()
                .map(|(pack, _)| pack.meta.id.as_str()),
        );
        known.dedup();
        anyhow::bail!("no pack `{id}`; the packs are: {}", known.join(", "));
    };

    let meta = &pack.meta;
    writeln!(out, "{}", meta.title)?;
    let mut facts = vec![
        format!("{} {}", meta.id, meta.version),
        if is_builtin { "built-in" } else { "added" }.to_string(),
    ];
    if !meta.author.is_empty() {
        facts.push(format!("by {}", meta.author));
    }
    facts.push(length(pack));
    if !meta.psel.is_empty() {
        facts.push(format!("PSEL {}", join_numbers(&meta.psel)));
    }
    writeln!(out, "{}", facts.join(" · "))?;
    let status = match enrollment {
        _ if is_daily(id) => "always on: Today offers one of these prompts every day".to_string(),
        Some(enrollment) => status(pack, Some(enrollment), today),
        None => format!("not started; start it with `truenorth pack add {id}`"),
    };
    writeln!(out, "Status: {status}")?;
    if !meta.description.is_empty() {
        writeln!(out)?;
        for line in textwrap::wrap(&meta.description, WRAP) {
            writeln!(out, "{line}")?;
        }
    }

    writeln!(out)?;
    writeln!(out, "Prompts:")?;
    for prompt in &pack.prompts {
        let when = match prompt.schedule {
            Schedule::Anytime if is_daily(id) => "daily rotation".to_string(),
            schedule => schedule_words(schedule),
        };
        writeln!(out, "  {when} · {}", pack.frame_label(&prompt.frame))?;
        let indent = "    ";
        let wrap = |text: &str| {
            textwrap::fill(
                text,
                textwrap::Options::new(WRAP)
                    .initial_indent(indent)
                    .subsequent_indent(indent),
            )
        };
        writeln!(out, "{}", wrap(&prompt.text))?;
        if let Some(follow_up) = &prompt.follow_up {
            writeln!(out, "{}", wrap(&format!("Then: {follow_up}")))?;
        }
        if let Some(answer) = answer_words(&prompt.answer) {
            writeln!(out, "{indent}Answer: {answer}")?;
        }
    }

    if !pack.commitments.is_empty() {
        writeln!(out)?;
        writeln!(out, "Suggested commitments:")?;
        for commitment in &pack.commitments {
            writeln!(out, "  {} ({})", commitment.title, commitment.cadence)?;
            if !commitment.why.is_empty() {
                let options = textwrap::Options::new(WRAP)
                    .initial_indent("    ")
                    .subsequent_indent("    ");
                writeln!(out, "{}", textwrap::fill(&commitment.why, options))?;
            }
        }
    }
    Ok(true)
}

/// "day 3", "every Friday", "every week", ...
fn schedule_words(schedule: Schedule) -> String {
    match schedule {
        Schedule::Anytime => "no schedule: in the prompt picker".to_string(),
        Schedule::Day(day) => format!("day {day}"),
        Schedule::Weekday(weekday) => format!("every {}", weekday_name(weekday)),
        Schedule::EveryDay => "every day".to_string(),
        Schedule::EveryWeek => "every week".to_string(),
    }
}

fn weekday_name(weekday: Weekday) -> &'static str {
    match weekday {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

/// The kind of answer, in words; `None` for plain text, the usual kind.
fn answer_words(answer: &AnswerKind) -> Option<String> {
    match answer {
        AnswerKind::Text => None,
        AnswerKind::Scale(scale) => Some(format!(
            "a scale from {} ({}) to {} ({})",
            scale.min, scale.low, scale.max, scale.high
        )),
        AnswerKind::Number => Some("a number".to_string()),
        AnswerKind::YesNo => Some("yes or no".to_string()),
    }
}

fn join_numbers(numbers: &[u8]) -> String {
    numbers
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schedules_read_as_words() {
        assert_eq!(schedule_words(Schedule::Day(3)), "day 3");
        assert_eq!(
            schedule_words(Schedule::Weekday(Weekday::Fri)),
            "every Friday"
        );
        assert_eq!(schedule_words(Schedule::EveryWeek), "every week");
    }

    #[test]
    fn pack_file_problems_are_grouped_by_pack() {
        let problems = [
            Problem::new("packs/a.toml", "bad").at(Some((1, 2))),
            Problem::new("packs/state.toml", "worse"),
            Problem::new("packs/a.toml", "again"),
        ];
        let (by_pack, other) = problems_by_pack(&problems);
        assert_eq!(
            by_pack["a"],
            ["packs/a.toml:1:2: bad", "packs/a.toml: again"]
        );
        assert_eq!(other, ["packs/state.toml: worse"]);
    }
}
