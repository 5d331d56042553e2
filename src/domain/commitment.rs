//! Commitments: small, concrete practices a leader checks off.

use std::fmt;
use std::str::FromStr;

use chrono::Weekday;

/// How often a commitment is meant to be kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cadence {
    Daily,
    /// N check-ins in a week, on any days.
    PerWeek(u8),
    /// Once a week, on this day.
    WeeklyOn(Weekday),
}

impl FromStr for Cadence {
    type Err = String;

    /// Reads `daily`, `3 per week` or `weekly on fri` (any case, full day names too).
    fn from_str(value: &str) -> Result<Self, Self::Err> {
        let normal = value.trim().to_ascii_lowercase();
        let words: Vec<&str> = normal.split_whitespace().collect();
        let bad = || {
            format!(
                "cadence `{value}` is not one of \"daily\", \"N per week\" (e.g. \"3 per week\") \
                 or \"weekly on DAY\" (e.g. \"weekly on fri\")"
            )
        };
        match words.as_slice() {
            ["daily"] => Ok(Cadence::Daily),
            [count, "per", "week"]
            | [count, "times", "per", "week"]
            | [count, "x", "per", "week"] => match count.parse::<u8>() {
                Ok(n @ 1..=7) => Ok(Cadence::PerWeek(n)),
                _ => Err(format!("cadence `{value}`: a week holds 1 to 7 check-ins")),
            },
            ["weekly", "on", day] => day
                .parse::<Weekday>()
                .map(Cadence::WeeklyOn)
                .map_err(|_| bad()),
            _ => Err(bad()),
        }
    }
}

impl fmt::Display for Cadence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Cadence::Daily => f.write_str("daily"),
            Cadence::PerWeek(n) => write!(f, "{n} per week"),
            Cadence::WeeklyOn(day) => {
                write!(f, "weekly on {}", day.to_string().to_ascii_lowercase())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cadences_read_and_write_back() {
        for text in ["daily", "3 per week", "weekly on fri"] {
            assert_eq!(text.parse::<Cadence>().unwrap().to_string(), text);
        }
        assert_eq!(
            "Weekly on Monday".parse(),
            Ok(Cadence::WeeklyOn(Weekday::Mon))
        );
        assert!("8 per week".parse::<Cadence>().is_err());
        assert!("fortnightly".parse::<Cadence>().is_err());
    }
}
