//! The words `commit` commands print: streak figures, weeks, days.

use chrono::{NaiveDate, Weekday};

use super::describe_day;
use crate::commands::when::Context;
use crate::domain::commitment::{Commitment, CommitmentState};
use crate::domain::streak::{Summary, WeekProgress};

/// `daily · love · streak 4 days, best 9 · this week 3 of 5 · last 4 weeks 23 of 28 days
/// (82%) · ...`
pub fn details(c: &Commitment, summary: &Summary, context: Context) -> String {
    let mut parts = vec![c.cadence.to_string(), c.dimension.to_string()];
    match c.state {
        CommitmentState::Active => {}
        CommitmentState::Paused => parts.push(match c.paused_since() {
            Some(since) => format!("paused since {}", describe_day(since, context.today)),
            None => "paused".to_string(),
        }),
        other => parts.push(other.to_string()),
    }
    parts.push(format!(
        "streak {}, best {}",
        summary.unit.count(summary.current_streak),
        summary.best_streak
    ));
    parts.push(week_progress(summary.this_week));
    parts.push(format!(
        "last 4 weeks {}",
        summary.last_four_weeks.describe(summary.unit)
    ));
    if let Some(deadline) = summary.deadline {
        parts.push(format!("keep it by {}", by_day(deadline, context.today)));
    }
    parts.join(" · ")
}

/// After a check-in: `Streak: 5 days (best 9). This week 3 of 5. Keep it going by
/// tomorrow.`
pub fn streak_sentence(summary: &Summary, today: NaiveDate) -> String {
    let mut sentences = Vec::new();
    if summary.current_streak > 0 {
        sentences.push(format!(
            "Streak: {} (best {}).",
            summary.unit.count(summary.current_streak),
            summary.best_streak
        ));
    }
    sentences.push(format!(
        "{}.",
        capitalized(&week_progress(summary.this_week))
    ));
    if let Some(deadline) = summary.deadline {
        sentences.push(format!("Keep it going by {}.", by_day(deadline, today)));
    }
    sentences.join(" ")
}

/// "this week 3 of 5", "this week 4 (goal 3)", or what a week that asks nothing has.
pub fn week_progress(week: WeekProgress) -> String {
    match (week.kept, week.required) {
        (0, 0) => "nothing due this week".to_string(),
        _ => format!("this week {}", week.of_goal()),
    }
}

/// "today", "tomorrow", "Sun 29 Nov".
pub fn by_day(date: NaiveDate, today: NaiveDate) -> String {
    match (date - today).num_days() {
        0 => "today".to_string(),
        1 => "tomorrow".to_string(),
        _ => date.format("%a %-d %b").to_string(),
    }
}

pub fn weekday_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Sun => "Sunday",
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
    }
}

pub fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
