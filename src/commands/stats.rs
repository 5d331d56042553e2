//! `truenorth stats [--week DATE] [--weeks N] [--json]`: the Trends screen's figures
//! as a plain table or JSON, for scripts, with the insights below.
//!
//! Private entries are counted (only figures are printed, never a word of them), so
//! the numbers match the Trends screen.

use std::collections::BTreeMap;
use std::io::Write;

use anyhow::bail;
use chrono::{DateTime, FixedOffset, NaiveDate, Weekday};
use serde::Serialize;

use crate::builtin;
use crate::domain::average;
use crate::domain::commitment::Commitment;
use crate::domain::dates::parse_date;
use crate::domain::insights::{
    Insight, InsightAction, InsightInputs, InsightKind, WINDOW_WEEKS, insights,
};
use crate::domain::person::Person;
use crate::domain::review;
use crate::domain::trends::{WeekStats, WeeklyTrends, week_of};
use crate::store::config::{self, Config};
use crate::store::{CommitmentStore, Journal, Paths, PeopleStore, StoreError, journal_cache};

/// Weeks shown when none are asked for: the Trends screen's span.
pub const DEFAULT_WEEKS: usize = 12;
/// The most weeks one run prints: ten years.
pub const MAX_WEEKS: usize = 522;

/// What `truenorth stats` was asked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StatsOptions {
    /// A date in the last week to show (default: today), as typed.
    pub week: Option<String>,
    /// How many weeks, ending with that one (default: 12, or 1 with `week`).
    pub weeks: Option<usize>,
    pub json: bool,
}

/// Prints the stats of the journal in `paths` as of `now`.
pub fn run(
    paths: &Paths,
    options: &StatsOptions,
    now: DateTime<FixedOffset>,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let (config, problems) = Config::load(&paths.config.join(config::FILE_NAME));
    for problem in problems {
        eprintln!("truenorth: setting ignored, its default used instead: {problem}");
    }
    let today = config.journal_day(now.naive_local());
    let (week, weeks) = span(options, today, config.week_start)?;

    let journal = Journal::open(&paths.data)?;
    let scan = journal_cache::load(&journal);
    if !scan.problems.is_empty() {
        eprintln!(
            "truenorth: {} journal file(s) could not be read and are left out; \
             `truenorth doctor` names them",
            scan.problems.len()
        );
    }
    let commitments: Vec<Commitment> = or_warn(CommitmentStore::open(&paths.data).load());
    let people: Vec<Person> = or_warn(PeopleStore::open(&paths.data).load());

    let trends = WeeklyTrends::new(config.week_start, config.day_rollover_hour)
        .commitments(&commitments)
        .people(&people);
    // Judged as seen today whichever week ends the window, so a past week reads the
    // same here as on the Trends screen.
    let stats = trends.compute_to_week(&scan.days, weeks, week, today);
    // The last day counted: the week's last, or today in the current week.
    let ending = stats.last().map_or(today, |week| week.through);
    // The insights read the Trends screen's window whatever `--weeks` prints, so
    // `--weeks 3` says what `--weeks 12` and the screen say.
    let wider;
    let window: &[WeekStats] = if stats.len() >= WINDOW_WEEKS {
        &stats[stats.len() - WINDOW_WEEKS..]
    } else {
        wider = trends.compute_to_week(&scan.days, WINDOW_WEEKS, week, today);
        &wider
    };
    let packs = builtin::packs_lenient();
    let found = insights(&InsightInputs {
        weeks: window,
        days: &scan.days,
        today: ending,
        rollover_hour: config.day_rollover_hour,
        packs: &packs,
    });
    if options.json {
        let report = JsonReport {
            today,
            week_start: weekday_name(config.week_start),
            day_rollover_hour: config.day_rollover_hour,
            weeks: stats.iter().map(JsonWeek::from).collect(),
            insights_from: window.first().map_or(ending, |week| week.start),
            insights_through: ending,
            insights: found.iter().map(JsonInsight::from).collect(),
        };
        serde_json::to_writer_pretty(&mut *out, &report)?;
        writeln!(out)?;
    } else {
        write_table(&stats, window, &found, out)?;
    }
    Ok(())
}

/// A day in the last week to show (today unless `--week`) and how many weeks, from
/// the options.
fn span(
    options: &StatsOptions,
    today: NaiveDate,
    week_start: Weekday,
) -> anyhow::Result<(NaiveDate, usize)> {
    let weeks = options.weeks.unwrap_or(if options.week.is_some() {
        1
    } else {
        DEFAULT_WEEKS
    });
    if !(1..=MAX_WEEKS).contains(&weeks) {
        bail!("--weeks must be from 1 to {MAX_WEEKS}, not {weeks}");
    }
    let Some(text) = &options.week else {
        return Ok((today, weeks));
    };
    let date = parse_date(text, today).map_err(|error| anyhow::anyhow!("--week: {error}"))?;
    if week_of(date, week_start) > week_of(today, week_start) {
        bail!("--week {date} is in a week that has not begun yet (today is {today})");
    }
    Ok((date, weeks))
}

/// A list that cannot be read is left out with a note on stderr: the journal's own
/// figures are still worth printing.
fn or_warn<T>(loaded: Result<Vec<T>, StoreError>) -> Vec<T> {
    loaded.unwrap_or_else(|error| {
        eprintln!("truenorth: {error}; its figures are left out (`truenorth doctor` says more)");
        Vec::new()
    })
}

fn weekday_name(day: Weekday) -> &'static str {
    if day == Weekday::Sun {
        "sunday"
    } else {
        "monday"
    }
}

fn one_decimal(value: Option<f32>) -> String {
    value.map_or_else(|| "-".to_string(), average::one_decimal)
}

fn percent(value: Option<f32>) -> String {
    value.map_or_else(|| "-".to_string(), review::percent)
}

/// One row a week, a `-` for a figure with no data, then the insights with the weeks
/// they were read from (`window`, which may reach further back than the rows).
fn write_table(
    stats: &[WeekStats],
    window: &[WeekStats],
    found: &[Insight],
    out: &mut impl Write,
) -> anyhow::Result<()> {
    writeln!(
        out,
        "{:<11} {:>4} {:>7} {:>7} {:>4} {:>4} {:>4} {:>6} {:>7} {:>5} {:>6}",
        "week",
        "days",
        "entries",
        "words",
        "love",
        "care",
        "vuln",
        "energy",
        "outlook",
        "kept",
        "people"
    )?;
    for week in stats {
        let mark = if week.is_partial() { "*" } else { "" };
        writeln!(
            out,
            "{:<11} {:>4} {:>7} {:>7} {:>4} {:>4} {:>4} {:>6} {:>7} {:>5} {:>6}",
            format!("{}{mark}", week.start),
            week.reflection_days,
            week.entries,
            week.words,
            week.lcv.love,
            week.lcv.care,
            week.lcv.vulnerability,
            one_decimal(week.energy_avg),
            one_decimal(week.outlook_avg),
            percent(week.commitments_kept_rate),
            percent(week.people_connected_share),
        )?;
    }
    if let Some(running) = stats.last().filter(|week| week.is_partial()) {
        writeln!(
            out,
            "* still running: counted up to {}.",
            running.through.format("%a %-d %b %Y")
        )?;
    }
    if !found.is_empty() {
        writeln!(out)?;
        match (window.first(), window.last()) {
            (Some(first), Some(last)) => writeln!(
                out,
                "What stands out in the {} weeks {} to {}:",
                window.len(),
                first.start,
                last.through
            )?,
            _ => writeln!(out, "What stands out:")?,
        }
        for insight in found {
            writeln!(out, "- {}. {}", insight.title, insight.detail)?;
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct JsonReport<'a> {
    today: NaiveDate,
    week_start: &'static str,
    day_rollover_hour: u8,
    weeks: Vec<JsonWeek<'a>>,
    /// The first and last day the insights were read from: the Trends screen's
    /// twelve weeks, whatever `weeks` holds.
    insights_from: NaiveDate,
    insights_through: NaiveDate,
    insights: Vec<JsonInsight<'a>>,
}

#[derive(Serialize)]
struct JsonLcv {
    love: usize,
    care: usize,
    vulnerability: usize,
}

#[derive(Serialize)]
struct JsonCommitment<'a> {
    id: &'a str,
    title: &'a str,
    kept: u32,
    missed: u32,
}

#[derive(Serialize)]
struct JsonMeasure<'a> {
    pack: &'a str,
    prompt: &'a str,
    question: Option<&'a str>,
    count: usize,
    average: f32,
    yes_no: bool,
}

/// A week as scripts read it: shares from 0 to 1, `null` where there is no data.
#[derive(Serialize)]
struct JsonWeek<'a> {
    start: NaiveDate,
    end: NaiveDate,
    through: NaiveDate,
    partial: bool,
    reflection_days: usize,
    entries: usize,
    words: usize,
    lcv: JsonLcv,
    frames: BTreeMap<&'a str, usize>,
    energy_avg: Option<f32>,
    energy_days: usize,
    outlook_avg: Option<f32>,
    outlook_days: usize,
    /// `commitments_kept / commitments_due`: the share of due check-ins kept.
    commitments_kept_rate: Option<f32>,
    commitments_kept: u32,
    commitments_due: u32,
    commitments: Vec<JsonCommitment<'a>>,
    people_connected: usize,
    roster_size: usize,
    people_connected_share: Option<f32>,
    measures: Vec<JsonMeasure<'a>>,
}

impl<'a> From<&'a WeekStats> for JsonWeek<'a> {
    fn from(week: &'a WeekStats) -> Self {
        JsonWeek {
            start: week.start,
            end: week.end,
            through: week.through,
            partial: week.is_partial(),
            reflection_days: week.reflection_days,
            entries: week.entries,
            words: week.words,
            lcv: JsonLcv {
                love: week.lcv.love,
                care: week.lcv.care,
                vulnerability: week.lcv.vulnerability,
            },
            frames: week
                .frames
                .iter()
                .map(|(frame, n)| (frame.id(), *n))
                .collect(),
            energy_avg: week.energy_avg,
            energy_days: week.energy_days,
            outlook_avg: week.outlook_avg,
            outlook_days: week.outlook_days,
            commitments_kept_rate: week.commitments_kept_rate,
            commitments_kept: week.commitments_kept().kept,
            commitments_due: week.commitments_kept().due,
            commitments: week
                .commitments
                .iter()
                .map(|c| JsonCommitment {
                    id: &c.id,
                    title: &c.title,
                    kept: c.kept,
                    missed: c.missed,
                })
                .collect(),
            people_connected: week.people_connected,
            roster_size: week.roster_size,
            people_connected_share: week.people_connected_share,
            measures: week
                .measures
                .iter()
                .map(|m| JsonMeasure {
                    pack: &m.pack,
                    prompt: &m.prompt,
                    question: m.question.as_deref(),
                    count: m.count,
                    average: m.average,
                    yes_no: m.yes_no,
                })
                .collect(),
        }
    }
}

#[derive(Serialize)]
struct JsonEvidence<'a> {
    label: &'a str,
    value: &'a str,
}

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
enum JsonAction<'a> {
    AnswerPrompt { pack: &'a str, prompt: &'a str },
    ReviewCommitment { id: &'a str },
}

#[derive(Serialize)]
struct JsonInsight<'a> {
    kind: &'static str,
    title: &'a str,
    detail: &'a str,
    evidence: Vec<JsonEvidence<'a>>,
    action: Option<JsonAction<'a>>,
}

fn kind_name(kind: InsightKind) -> &'static str {
    match kind {
        InsightKind::NeglectedDimension => "neglected-dimension",
        InsightKind::ReflectionStreak => "reflection-streak",
        InsightKind::CommitmentSlipping => "commitment-slipping",
        InsightKind::EnergyTrend => "energy-trend",
        InsightKind::OutlookTrend => "outlook-trend",
        InsightKind::ReflectionFrequency => "reflection-frequency",
    }
}

impl<'a> From<&'a Insight> for JsonInsight<'a> {
    fn from(insight: &'a Insight) -> Self {
        JsonInsight {
            kind: kind_name(insight.kind),
            title: &insight.title,
            detail: &insight.detail,
            evidence: insight
                .evidence
                .iter()
                .map(|(label, value)| JsonEvidence { label, value })
                .collect(),
            action: match &insight.action {
                InsightAction::AnswerPrompt { pack, prompt_id } => Some(JsonAction::AnswerPrompt {
                    pack,
                    prompt: prompt_id,
                }),
                InsightAction::ReviewCommitment { id } => Some(JsonAction::ReviewCommitment { id }),
                InsightAction::None => None,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn options(week: Option<&str>, weeks: Option<usize>) -> StatsOptions {
        StatsOptions {
            week: week.map(str::to_string),
            weeks,
            json: false,
        }
    }

    #[test]
    fn the_span_ends_today_or_in_the_week_asked_for() {
        let today = date(2026, 11, 25);
        let mon = Weekday::Mon;
        assert_eq!(span(&options(None, None), today, mon).unwrap(), (today, 12));
        assert_eq!(
            span(&options(None, Some(4)), today, mon).unwrap(),
            (today, 4)
        );
        assert_eq!(
            span(&options(Some("2026-11-10"), None), today, mon).unwrap(),
            (date(2026, 11, 10), 1)
        );
        assert_eq!(
            span(&options(Some("-2w"), Some(3)), today, mon).unwrap(),
            (date(2026, 11, 11), 3)
        );
        assert_eq!(
            span(&options(Some("today"), None), today, mon).unwrap(),
            (today, 1)
        );
        // Sunday weeks: Sunday 29 November begins the week after today's (22 to 28).
        assert!(span(&options(Some("2026-11-29"), None), today, Weekday::Sun).is_err());
        assert!(span(&options(Some("2026-11-28"), None), today, Weekday::Sun).is_ok());
        let error = span(&options(Some("2026-12-07"), None), today, mon).unwrap_err();
        assert!(error.to_string().contains("has not begun"), "{error}");
        let error = span(&options(Some("soon"), None), today, mon).unwrap_err();
        assert!(error.to_string().starts_with("--week: "), "{error}");
        assert!(span(&options(None, Some(0)), today, mon).is_err());
        assert!(span(&options(None, Some(MAX_WEEKS + 1)), today, mon).is_err());
    }
}
