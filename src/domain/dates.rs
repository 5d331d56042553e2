//! Dates as people type them: `2026-11-24`, `today`, `yesterday`, `last monday`,
//! `-7d`. Always relative to a `today` that is passed in, so every rule can be tested
//! on any date (month ends, leap years, year ends).

use std::fmt;

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

/// Every form [`parse_date`] accepts, for help texts and error messages.
pub const ACCEPTED_FORMS: &str = "YYYY-MM-DD (2026-11-24), today, yesterday, \
     a weekday (monday, last monday, mon: the most recent one before today), \
     or days, weeks or months ago (-7d, -2w, -3m)";

/// A date that could not be read; its message names what was typed and every form
/// that would have worked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    pub input: String,
    pub reason: Option<String>,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot read the date \"{}\"", self.input)?;
        if let Some(reason) = &self.reason {
            write!(f, " ({reason})")?;
        }
        write!(f, "; write {ACCEPTED_FORMS}")
    }
}

impl std::error::Error for DateError {}

/// A range of days whose first day comes after its last: no day can be in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReversedRange {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl ReversedRange {
    /// The refusal, each end after the name it was given by (`--since`), if any.
    pub fn named(&self, from_name: &str, to_name: &str) -> String {
        let name = |name: &str| {
            if name.is_empty() {
                String::new()
            } else {
                format!("{name} ")
            }
        };
        format!(
            "{}{} is after {}{}: nothing can match",
            name(from_name),
            self.from,
            name(to_name),
            self.to
        )
    }
}

impl fmt::Display for ReversedRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.named("", ""))
    }
}

impl std::error::Error for ReversedRange {}

/// Whether the days `from` to `to` (both included; either end may be left open) can
/// hold a day. Refused rather than shown as an empty list, which would look like a
/// journal with nothing in it.
pub fn check_range(from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<(), ReversedRange> {
    match (from, to) {
        (Some(from), Some(to)) if from > to => Err(ReversedRange { from, to }),
        _ => Ok(()),
    }
}

/// Reads a date typed by a person, relative to `today`.
///
/// - `2026-11-24`: that date;
/// - `today`, `yesterday`;
/// - `monday`, `last monday`, `mon`: the most recent Monday strictly before today (on a
///   Monday, that is a week ago: "last monday" never means today);
/// - `-7d`, `-2w`, `-3m`: that many days, weeks or calendar months before today. A month
///   step that lands past the end of a shorter month stops at its last day
///   (`-1m` from 31 March is 28 or 29 February).
///
/// Case and surrounding spaces do not matter.
pub fn parse_date(input: &str, today: NaiveDate) -> Result<NaiveDate, DateError> {
    let error = |reason: Option<&str>| DateError {
        input: input.to_string(),
        reason: reason.map(str::to_string),
    };
    let text = input.trim().to_lowercase();
    if text.is_empty() {
        return Err(error(Some("it is empty")));
    }
    match text.as_str() {
        "today" => return Ok(today),
        "yesterday" => return today.pred_opt().ok_or_else(|| error(None)),
        _ => {}
    }
    if let Some(offset) = text.strip_prefix('-') {
        return parse_offset(offset, today).map_err(|reason| error(Some(reason)));
    }
    let weekday_name = text.strip_prefix("last ").unwrap_or(&text).trim();
    if let Ok(weekday) = weekday_name.parse::<Weekday>() {
        return Ok(most_recent_before(today, weekday));
    }
    if text.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|_| {
            error(Some(
                "not a calendar date in the form YYYY-MM-DD, e.g. 2026-11-24",
            ))
        });
    }
    Err(error(None))
}

/// A day a plan names (a start, an end, a planned day off): `tomorrow`, or anything
/// [`parse_date`] reads. Plans may look ahead, which the other forms, made for looking
/// back at what happened, never do.
pub fn parse_plan_date(input: &str, today: NaiveDate) -> Result<NaiveDate, DateError> {
    if input.trim().eq_ignore_ascii_case("tomorrow") {
        return today.succ_opt().ok_or_else(|| DateError {
            input: input.to_string(),
            reason: Some("there is no day after it".to_string()),
        });
    }
    parse_date(input, today)
}

/// `7d`, `2w`, `3m` (the part after the minus sign).
fn parse_offset(offset: &str, today: NaiveDate) -> Result<NaiveDate, &'static str> {
    let split = offset
        .find(|c: char| !c.is_ascii_digit())
        .ok_or("the number needs a unit: d, w or m, as in -7d")?;
    let (number, unit) = offset.split_at(split);
    let count: u32 = number
        .parse()
        .map_err(|_| "write a whole number before the unit, as in -7d")?;
    let earlier = match unit.trim() {
        "d" | "day" | "days" => today.checked_sub_days(Days::new(count.into())),
        "w" | "week" | "weeks" => today.checked_sub_days(Days::new(u64::from(count) * 7)),
        "m" | "month" | "months" => today.checked_sub_months(Months::new(count)),
        _ => return Err("the unit must be d (days), w (weeks) or m (months)"),
    };
    earlier.ok_or("that is before the earliest date there is")
}

/// The latest `weekday` strictly before `today`.
fn most_recent_before(today: NaiveDate, weekday: Weekday) -> NaiveDate {
    let back = (today.weekday().num_days_from_monday() + 7 - weekday.num_days_from_monday()) % 7;
    let back = if back == 0 { 7 } else { back };
    today - Days::new(back.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// A Tuesday.
    fn today() -> NaiveDate {
        date(2026, 11, 24)
    }

    #[test]
    fn a_range_that_ends_before_it_starts_is_refused() {
        let (early, late) = (date(2026, 11, 1), date(2026, 12, 1));
        assert_eq!(check_range(Some(early), Some(late)), Ok(()));
        assert_eq!(check_range(Some(early), Some(early)), Ok(()));
        assert_eq!(check_range(Some(late), None), Ok(()));
        assert_eq!(check_range(None, Some(early)), Ok(()));
        let reversed = check_range(Some(late), Some(early)).unwrap_err();
        assert_eq!(
            reversed.to_string(),
            "2026-12-01 is after 2026-11-01: nothing can match"
        );
        assert_eq!(
            reversed.named("--since", "--until"),
            "--since 2026-12-01 is after --until 2026-11-01: nothing can match"
        );
    }

    #[test]
    fn calendar_dates_and_words() {
        assert_eq!(parse_date("2026-11-20", today()), Ok(date(2026, 11, 20)));
        assert_eq!(parse_date(" Today ", today()), Ok(today()));
        assert_eq!(parse_date("yesterday", today()), Ok(date(2026, 11, 23)));
        assert_eq!(
            parse_date("yesterday", date(2027, 1, 1)),
            Ok(date(2026, 12, 31))
        );
        assert_eq!(
            parse_date("yesterday", date(2028, 3, 1)),
            Ok(date(2028, 2, 29))
        );
    }

    #[test]
    fn weekdays_are_the_most_recent_one_before_today() {
        assert_eq!(parse_date("monday", today()), Ok(date(2026, 11, 23)));
        assert_eq!(parse_date("last Monday", today()), Ok(date(2026, 11, 23)));
        assert_eq!(parse_date("wed", today()), Ok(date(2026, 11, 18)));
        // On a Tuesday, "tuesday" is a week ago, never today.
        assert_eq!(parse_date("last tuesday", today()), Ok(date(2026, 11, 17)));
        // Across a year end.
        assert_eq!(
            parse_date("last friday", date(2027, 1, 2)),
            Ok(date(2027, 1, 1))
        );
        assert_eq!(
            parse_date("saturday", date(2027, 1, 2)),
            Ok(date(2026, 12, 26))
        );
    }

    #[test]
    fn offsets_in_days_weeks_and_months() {
        assert_eq!(parse_date("-7d", today()), Ok(date(2026, 11, 17)));
        assert_eq!(parse_date("-0d", today()), Ok(today()));
        assert_eq!(parse_date("-2w", today()), Ok(date(2026, 11, 10)));
        assert_eq!(parse_date("-3m", today()), Ok(date(2026, 8, 24)));
        assert_eq!(parse_date("-30d", date(2026, 3, 1)), Ok(date(2026, 1, 30)));
        assert_eq!(parse_date("-1d", date(2026, 1, 1)), Ok(date(2025, 12, 31)));
        assert_eq!(parse_date("-12m", today()), Ok(date(2025, 11, 24)));
    }

    #[test]
    fn a_month_back_from_a_long_month_stops_at_the_shorter_months_end() {
        assert_eq!(parse_date("-1m", date(2026, 3, 31)), Ok(date(2026, 2, 28)));
        assert_eq!(parse_date("-1m", date(2028, 3, 31)), Ok(date(2028, 2, 29)));
        assert_eq!(parse_date("-1m", date(2026, 1, 31)), Ok(date(2025, 12, 31)));
        assert_eq!(parse_date("-6m", date(2026, 8, 31)), Ok(date(2026, 2, 28)));
    }

    #[test]
    fn plans_may_name_tomorrow() {
        assert_eq!(parse_plan_date("Tomorrow", today()), Ok(date(2026, 11, 25)));
        assert_eq!(
            parse_plan_date("tomorrow", date(2026, 12, 31)),
            Ok(date(2027, 1, 1))
        );
        assert_eq!(
            parse_plan_date("2027-06-18", today()),
            Ok(date(2027, 6, 18))
        );
        assert!(parse_date("tomorrow", today()).is_err());
        assert!(parse_plan_date("someday", today()).is_err());
    }

    #[test]
    fn errors_say_what_was_typed_and_what_works() {
        for bad in [
            "",
            "tomorrow-ish",
            "2026-02-30",
            "2026/11/24",
            "-7",
            "-7y",
            "-d",
            "last",
        ] {
            let error = parse_date(bad, today()).unwrap_err().to_string();
            assert!(error.contains(&format!("\"{bad}\"")), "{error}");
            assert!(error.contains("YYYY-MM-DD"), "{error}");
            assert!(error.contains("-7d"), "{error}");
            assert!(error.contains("last monday"), "{error}");
        }
        let error = parse_date("2026-02-30", today()).unwrap_err().to_string();
        assert!(error.contains("not a calendar date"), "{error}");
        let error = parse_date("-7y", today()).unwrap_err().to_string();
        assert!(
            error.contains("d (days), w (weeks) or m (months)"),
            "{error}"
        );
    }
}
