//! Insights: a few plain-language observations drawn from the weekly trends, each with
//! the numbers it stands on and something to do about it.
//!
//! Never invented: every rule below fires only when its figures clear a stated
//! threshold, and its detail quotes those figures. A journal too young or too thin
//! for a rule simply gets no insight from it.

use chrono::NaiveDate;

use super::average::one_decimal;
use super::review::PACK as REVIEW_PACK;
use super::schedule::prompt_for;
use super::trends::{KeptTally, ReflectionStreaks, Run, WeekStats, reflection_dates};
use super::{Day, Frame, Pack};
use crate::builtin::DAILY_LCV;

/// The prompts of the built-in `weekly-review` pack the rules below offer (they have
/// no schedule, so they come up only here and in the prompt picker).
pub mod prompt_ids {
    pub const ENERGY_DOWN: &str = "review-energy-down";
    pub const ENERGY_UP: &str = "review-energy-up";
    pub const OUTLOOK_DOWN: &str = "review-outlook-down";
    pub const OUTLOOK_UP: &str = "review-outlook-up";
    pub const STREAK: &str = "review-streak";
    pub const REFLECTING_LESS: &str = "review-reflecting-less";
    pub const REFLECTING_MORE: &str = "review-reflecting-more";
}

/// Answer `prompt_id` of the weekly-review pack.
fn review_prompt(prompt_id: &str) -> InsightAction {
    InsightAction::AnswerPrompt {
        pack: REVIEW_PACK.to_string(),
        prompt_id: prompt_id.to_string(),
    }
}

/// The weeks insights are read from, ending with the week of `today`: the Trends
/// screen's span. Every caller (Trends, `truenorth stats` whatever its `--weeks`)
/// gives the rules this window, so the same journal says the same things everywhere.
pub const WINDOW_WEEKS: usize = 12;

/// At most this many insights are shown: more would read as noise.
pub const MAX_INSIGHTS: usize = 5;

/// The weeks the love, care and vulnerability balance is judged over.
const NEGLECT_WEEKS: usize = 3;
/// Below this many LCV entries in those weeks a balance says little.
const NEGLECT_MIN_ENTRIES: usize = 6;
/// The least-used dimension must trail the most-used by this many entries ...
const NEGLECT_MIN_GAP: usize = 3;
/// ... and have at most a third of its count.
const NEGLECT_RATIO: usize = 3;

/// A reflection streak is worth mentioning from this many days.
const STREAK_MIN_DAYS: u32 = 3;

/// A commitment's recent weeks are compared with as many weeks before them.
const SLIP_WEEKS: usize = 2;
/// Fewer periods due than this on either side is too little to call a trend.
const SLIP_MIN_DUE: u32 = 2;
/// A single miss is not a slide: the recent weeks must hold at least this many.
const SLIP_MIN_MISSES: u32 = 2;
/// The kept share must fall by at least this much (25 percentage points).
const SLIP_MIN_DROP: f32 = 0.25;

/// Energy and outlook are followed over this many weeks ...
const RATING_WEEKS: usize = 4;
/// ... counting a week only with this many rated days ...
const RATING_MIN_DAYS: usize = 2;
/// ... and call it a trend from this change on the 1-5 scale.
const RATING_MIN_CHANGE: f32 = 0.75;
/// The later weeks' mean must differ from the earlier weeks' by this much, the same way.
const RATING_MIN_HALVES: f32 = 0.5;

/// Reflection frequency compares up to this many whole weeks with as many before.
const FREQUENCY_WEEKS: usize = 4;
/// The change in reflection days must be at least this many days ...
const FREQUENCY_MIN_DAYS: usize = 3;
/// ... and at least this share of the earlier count (30%).
const FREQUENCY_MIN_SHARE: f32 = 0.3;

/// Which rule an insight comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum InsightKind {
    NeglectedDimension,
    ReflectionStreak,
    CommitmentSlipping,
    EnergyTrend,
    OutlookTrend,
    ReflectionFrequency,
}

/// What the leader can do about an insight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InsightAction {
    /// Answer this prompt now.
    AnswerPrompt {
        pack: String,
        prompt_id: String,
    },
    /// Look at this commitment again (its id).
    ReviewCommitment {
        id: String,
    },
    None,
}

/// One observation.
#[derive(Debug, Clone, PartialEq)]
pub struct Insight {
    pub kind: InsightKind,
    /// A few words, e.g. "Little room for vulnerability lately".
    pub title: String,
    /// A sentence with the numbers it stands on.
    pub detail: String,
    /// The figures behind it, label and value, for a table or a chart legend.
    pub evidence: Vec<(String, String)>,
    pub action: InsightAction,
}

/// What the rules read.
#[derive(Debug, Clone, Copy)]
pub struct InsightInputs<'a> {
    /// Weekly trends, oldest first, the last one holding `today`: the
    /// [`WINDOW_WEEKS`] weeks (fewer only when the calendar has no more).
    pub weeks: &'a [WeekStats],
    /// The whole journal, for streaks (any order).
    pub days: &'a [Day],
    pub today: NaiveDate,
    pub rollover_hour: u8,
    /// The packs prompts are offered from; the daily LCV pool is looked up here.
    pub packs: &'a [Pack],
}

/// The insights the data supports, most useful first, at most [`MAX_INSIGHTS`].
pub fn insights(inputs: &InsightInputs) -> Vec<Insight> {
    let lcv_pool = inputs.packs.iter().find(|pack| pack.meta.id == DAILY_LCV);
    let dates = reflection_dates(inputs.days, inputs.rollover_hour);
    let streaks = ReflectionStreaks::compute(&dates, inputs.today);
    [
        neglected_dimension(inputs.weeks, lcv_pool, inputs.today),
        reflection_streak(&streaks),
        commitment_slipping(inputs.weeks),
        rating_trend(inputs.weeks, RatingKind::Energy),
        reflection_frequency(inputs.weeks),
        rating_trend(inputs.weeks, RatingKind::Outlook),
    ]
    .into_iter()
    .flatten()
    .take(MAX_INSIGHTS)
    .collect()
}

/// The last `n` weeks, leaving out a running week that has nothing for the rule yet
/// (on a Monday morning the new week is empty: it says nothing about a trend).
fn last_weeks(
    weeks: &[WeekStats],
    n: usize,
    has_data: impl Fn(&WeekStats) -> bool,
) -> &[WeekStats] {
    let end = match weeks.last() {
        Some(last) if last.is_partial() && !has_data(last) => weeks.len() - 1,
        _ => weeks.len(),
    };
    &weeks[end.saturating_sub(n)..end]
}

/// `1 entry`, `9 entries`.
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn weeks_phrase(n: usize) -> String {
    if n == 1 {
        "this week".to_string()
    } else {
        format!("the last {n} weeks")
    }
}

/// The LCV dimension written about least in the last weeks, when it trails clearly.
pub fn neglected_dimension(
    weeks: &[WeekStats],
    lcv_pool: Option<&Pack>,
    today: NaiveDate,
) -> Option<Insight> {
    let recent = last_weeks(weeks, NEGLECT_WEEKS, |week| week.lcv.total() > 0);
    let mut lcv = super::trends::Lcv::default();
    for week in recent {
        lcv += week.lcv;
    }
    let counts = Frame::LCV.map(|frame| (lcv.get(&frame), frame));
    let (least, frame) = counts.iter().min_by_key(|(n, _)| *n).cloned()?;
    let most = counts.iter().map(|(n, _)| *n).max()?;
    if lcv.total() < NEGLECT_MIN_ENTRIES
        || most - least < NEGLECT_MIN_GAP
        || least * NEGLECT_RATIO > most
    {
        return None;
    }
    let others: Vec<String> = counts
        .iter()
        .filter(|(_, other)| *other != frame)
        .map(|(n, other)| format!("{} in {n}", other.id()))
        .collect();
    let detail = if least == 0 {
        format!(
            "{} appeared in no entry in {}; {}.",
            frame.label(),
            weeks_phrase(recent.len()),
            others.join(" and ")
        )
    } else {
        format!(
            "{} appeared in {} in {}; {}.",
            frame.label(),
            count(least, "entry", "entries"),
            weeks_phrase(recent.len()),
            others.join(" and ")
        )
    };
    let action = lcv_pool
        .and_then(|pack| prompt_for(&pack.prompts, &frame, today, 0))
        .map_or(InsightAction::None, |prompt| InsightAction::AnswerPrompt {
            pack: DAILY_LCV.to_string(),
            prompt_id: prompt.id.clone(),
        });
    Some(Insight {
        kind: InsightKind::NeglectedDimension,
        title: format!("Little room for {} lately", frame.id()),
        detail,
        evidence: counts
            .iter()
            .map(|(n, frame)| (frame.label(), count(*n, "entry", "entries")))
            .collect(),
        action,
    })
}

fn span(run: Run) -> String {
    if run.first == run.last {
        run.first.format("%-d %b %Y").to_string()
    } else {
        format!(
            "{} – {}",
            run.first.format("%-d %b %Y"),
            run.last.format("%-d %b %Y")
        )
    }
}

/// The current run of reflection days, set against the longest.
pub fn reflection_streak(streaks: &ReflectionStreaks) -> Option<Insight> {
    let longest = streaks
        .longest
        .filter(|run| run.days() >= STREAK_MIN_DAYS)?;
    let current = streaks.current;
    let mut evidence = vec![(
        "Longest run".to_string(),
        format!(
            "{} ({})",
            count(longest.days() as usize, "day", "days"),
            span(longest)
        ),
    )];
    let (title, detail) = match current {
        Some(run) if run == longest => (
            format!("{} days in a row: your longest run", run.days()),
            format!(
                "You have reflected {} days in a row, since {}: the longest run in your journal.",
                run.days(),
                run.first.format("%a %-d %b")
            ),
        ),
        Some(run) if run.days() >= STREAK_MIN_DAYS => {
            evidence.insert(
                0,
                (
                    "Current run".to_string(),
                    format!("{} days ({})", run.days(), span(run)),
                ),
            );
            (
                format!("{} days in a row", run.days()),
                format!(
                    "You have reflected {} days in a row, since {}. Your longest run is {} days ({}).",
                    run.days(),
                    run.first.format("%a %-d %b"),
                    longest.days(),
                    span(longest)
                ),
            )
        }
        _ => (
            format!("Your longest run: {} days", longest.days()),
            format!(
                "Your longest run of reflection is {} days in a row ({}).",
                longest.days(),
                span(longest)
            ),
        ),
    };
    Some(Insight {
        kind: InsightKind::ReflectionStreak,
        title,
        detail,
        evidence,
        action: review_prompt(prompt_ids::STREAK),
    })
}

/// Due check-ins of one commitment kept over some weeks.
fn kept_of(weeks: &[WeekStats], id: &str) -> KeptTally {
    KeptTally::of(
        weeks
            .iter()
            .flat_map(|week| &week.commitments)
            .filter(|c| c.id == id),
    )
}

fn percent(share: f32) -> String {
    format!("{}%", (share * 100.0).round() as i64)
}

/// The active commitment whose kept share fell most, when it fell clearly.
pub fn commitment_slipping(weeks: &[WeekStats]) -> Option<Insight> {
    let window = last_weeks(weeks, 2 * SLIP_WEEKS, |week| !week.commitments.is_empty());
    if window.len() < 2 * SLIP_WEEKS {
        return None;
    }
    let (before, recent) = window.split_at(SLIP_WEEKS);
    let mut worst: Option<(f32, Insight)> = None;
    let mut seen: Vec<&str> = Vec::new();
    for c in recent.iter().flat_map(|week| &week.commitments) {
        if !c.active || seen.contains(&c.id.as_str()) {
            continue;
        }
        seen.push(&c.id);
        let earlier = kept_of(before, &c.id);
        let lately = kept_of(recent, &c.id);
        let (kept_then, due_then) = (earlier.kept, earlier.due);
        let (kept_now, due_now) = (lately.kept, lately.due);
        let (Some(then), Some(now)) = (earlier.share(), lately.share()) else {
            continue;
        };
        if due_then < SLIP_MIN_DUE || due_now < SLIP_MIN_DUE || due_now - kept_now < SLIP_MIN_MISSES
        {
            continue;
        }
        let drop = then - now;
        if drop < SLIP_MIN_DROP || worst.as_ref().is_some_and(|(worst, _)| *worst >= drop) {
            continue;
        }
        let insight = Insight {
            kind: InsightKind::CommitmentSlipping,
            title: format!("“{}” is slipping", c.title),
            detail: format!(
                "Kept {kept_now} of {due_now} times in the last {SLIP_WEEKS} weeks, down from \
                 {kept_then} of {due_then} in the {SLIP_WEEKS} weeks before ({} → {}).",
                percent(then),
                percent(now)
            ),
            evidence: vec![
                (
                    format!("{SLIP_WEEKS} weeks before"),
                    format!("{kept_then} of {due_then} ({})", percent(then)),
                ),
                (
                    format!("Last {SLIP_WEEKS} weeks"),
                    format!("{kept_now} of {due_now} ({})", percent(now)),
                ),
            ],
            action: InsightAction::ReviewCommitment { id: c.id.clone() },
        };
        worst = Some((drop, insight));
    }
    worst.map(|(_, insight)| insight)
}

/// Which daily rating a trend follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RatingKind {
    Energy,
    Outlook,
}

impl RatingKind {
    fn of(self, week: &WeekStats) -> Option<f32> {
        let (average, days) = match self {
            RatingKind::Energy => (week.energy_avg, week.energy_days),
            RatingKind::Outlook => (week.outlook_avg, week.outlook_days),
        };
        average.filter(|_| days >= RATING_MIN_DAYS)
    }

    fn word(self) -> &'static str {
        match self {
            RatingKind::Energy => "energy",
            RatingKind::Outlook => "outlook",
        }
    }
}

/// Energy or outlook moving one way over the last four weeks.
pub fn rating_trend(weeks: &[WeekStats], rating: RatingKind) -> Option<Insight> {
    let recent = last_weeks(weeks, RATING_WEEKS, |week| rating.of(week).is_some());
    let values: Vec<(&WeekStats, f32)> = recent
        .iter()
        .filter_map(|week| rating.of(week).map(|value| (week, value)))
        .collect();
    // The first and the last week must both be measured, and most weeks between.
    if recent.len() < RATING_WEEKS
        || values.len() < RATING_WEEKS - 1
        || rating.of(&recent[0]).is_none()
        || rating.of(&recent[RATING_WEEKS - 1]).is_none()
    {
        return None;
    }
    let first = values[0].1;
    let last = values[values.len() - 1].1;
    let change = last - first;
    if change.abs() < RATING_MIN_CHANGE {
        return None;
    }
    // Mostly one way, not a zig-zag between two far ends: at most one step against
    // the change, and the later half of the weeks moved the same way as a whole.
    let against = values
        .windows(2)
        .filter(|pair| (pair[1].1 - pair[0].1) * change < 0.0)
        .count();
    let half = values.len() / 2;
    let mean = |part: &[(&WeekStats, f32)]| {
        part.iter().map(|(_, value)| value).sum::<f32>() / part.len() as f32
    };
    let halves = mean(&values[values.len() - half..]) - mean(&values[..half]);
    if against > 1 || halves * change.signum() < RATING_MIN_HALVES {
        return None;
    }
    let direction = if change > 0.0 { "up" } else { "down" };
    let word = rating.word();
    let series: Vec<String> = values
        .iter()
        .map(|(_, value)| one_decimal(*value))
        .collect();
    let kind = match rating {
        RatingKind::Energy => InsightKind::EnergyTrend,
        RatingKind::Outlook => InsightKind::OutlookTrend,
    };
    let prompt = match (rating, change > 0.0) {
        (RatingKind::Energy, false) => prompt_ids::ENERGY_DOWN,
        (RatingKind::Energy, true) => prompt_ids::ENERGY_UP,
        (RatingKind::Outlook, false) => prompt_ids::OUTLOOK_DOWN,
        (RatingKind::Outlook, true) => prompt_ids::OUTLOOK_UP,
    };
    Some(Insight {
        kind,
        title: format!(
            "{}{} is going {direction}",
            word[..1].to_uppercase(),
            &word[1..]
        ),
        detail: format!(
            "Your average {word} went from {} to {} over the last {RATING_WEEKS} weeks ({} on \
             a 1–5 scale).",
            one_decimal(first),
            one_decimal(last),
            series.join(", ")
        ),
        evidence: values
            .iter()
            .map(|(week, value)| (week.label(), one_decimal(*value)))
            .collect(),
        action: review_prompt(prompt),
    })
}

/// How often the leader reflected in the last whole weeks against the weeks before.
pub fn reflection_frequency(weeks: &[WeekStats]) -> Option<Insight> {
    let whole: Vec<&WeekStats> = weeks.iter().filter(|week| !week.is_partial()).collect();
    let n = FREQUENCY_WEEKS.min(whole.len() / 2);
    if n < 2 {
        return None;
    }
    let (before, recent) = whole[whole.len() - 2 * n..].split_at(n);
    let days = |weeks: &[&WeekStats]| weeks.iter().map(|week| week.reflection_days).sum::<usize>();
    let (then, now) = (days(before), days(recent));
    let change = then.abs_diff(now);
    if change < FREQUENCY_MIN_DAYS || (change as f32) < FREQUENCY_MIN_SHARE * then as f32 {
        return None;
    }
    let (title, direction, prompt) = if now < then {
        ("Reflecting less often", "down", prompt_ids::REFLECTING_LESS)
    } else {
        ("Reflecting more often", "up", prompt_ids::REFLECTING_MORE)
    };
    Some(Insight {
        kind: InsightKind::ReflectionFrequency,
        title: title.to_string(),
        detail: format!(
            "You reflected on {} in the last {n} whole weeks, {direction} from {then} in the \
             {n} weeks before.",
            count(now, "day", "days")
        ),
        evidence: vec![
            (format!("{n} weeks before"), count(then, "day", "days")),
            (format!("Last {n} weeks"), count(now, "day", "days")),
        ],
        action: review_prompt(prompt),
    })
}

#[cfg(test)]
mod tests;
