//! What a leader writes about a commitment: its title, why, frame, cadence, dates,
//! standards and connection goal. `truenorth commit add` and the form on the
//! Commitments screen both read what was typed with the readers here and check the
//! result with [`Plan::check`], so the two accept and refuse the same things.

use chrono::NaiveDate;

use super::{Cadence, Commitment, ConnectionGoal, check_psel};
use crate::domain::Frame;
use crate::domain::dates;
use crate::domain::field::FieldError;
use crate::domain::person::{Role, tidy};

/// The parts of a plan, to say which one a problem is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Title,
    Why,
    Dimension,
    Cadence,
    Start,
    End,
    Psel,
    Connections,
    Group,
    Role,
}

pub type PlanError = FieldError<Field>;

/// The part of a [`Commitment`] its author decides. The rest (id, state, skips,
/// pauses, unknown keys) is kept by the app and never touched by an edit.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub title: String,
    pub why: String,
    pub dimension: Frame,
    pub cadence: Cadence,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub psel: Vec<u8>,
    pub counts_connections: Option<ConnectionGoal>,
}

impl Plan {
    /// The plan of an existing commitment, to edit it.
    pub fn of(commitment: &Commitment) -> Plan {
        Plan {
            title: commitment.title.clone(),
            why: commitment.why.clone(),
            dimension: commitment.dimension.clone(),
            cadence: commitment.cadence,
            start: commitment.start,
            end: commitment.end,
            psel: commitment.psel.clone(),
            counts_connections: commitment.counts_connections.clone(),
        }
    }

    /// The rules every plan meets, checked in the order of the fields so the first
    /// problem named is the first one a person meets.
    pub fn check(&self) -> Result<(), PlanError> {
        if tidy(&self.title).is_empty() {
            return Err(FieldError::new(Field::Title, NO_TITLE));
        }
        check_psel(&self.psel).map_err(|message| FieldError::new(Field::Psel, message))?;
        if let (Some(start), Some(end)) = (self.start, self.end)
            && end < start
        {
            return Err(FieldError::new(
                Field::End,
                format!("the end date, {end}, is before the start, {start}"),
            ));
        }
        if self
            .counts_connections
            .as_ref()
            .is_some_and(|goal| goal.per_day == 0)
        {
            return Err(FieldError::new(
                Field::Connections,
                "a commitment kept by connections needs at least 1 person a day",
            ));
        }
        Ok(())
    }

    /// A new, active commitment with this plan, under `id` (the store makes it unique).
    pub fn into_commitment(self, id: String) -> Commitment {
        let mut commitment =
            Commitment::new(id, String::new(), self.dimension.clone(), self.cadence);
        self.apply_to(&mut commitment);
        commitment
    }

    /// Writes the plan into `commitment`, leaving its id, state, days off and unknown
    /// keys as they are (check-ins refer to the id, so a new title keeps the history).
    pub fn apply_to(self, commitment: &mut Commitment) {
        commitment.title = tidy(&self.title);
        commitment.why = self.why.trim().to_string();
        commitment.dimension = self.dimension;
        commitment.cadence = self.cadence;
        commitment.start = self.start;
        commitment.end = self.end;
        commitment.psel = self.psel;
        commitment.counts_connections = self.counts_connections;
    }
}

const NO_TITLE: &str =
    "a commitment needs a title, e.g. \"Learn one new thing about three students\"";

/// Everything typed into a form for a plan; the frame and role are picked from a
/// list, so they arrive already read.
#[derive(Debug, Clone, Copy)]
pub struct PlanText<'a> {
    pub title: &'a str,
    pub why: &'a str,
    pub dimension: &'a Frame,
    pub cadence: &'a str,
    pub start: &'a str,
    pub end: &'a str,
    pub psel: &'a str,
    pub connections: &'a str,
    pub group: &'a str,
    pub role: Option<Role>,
}

impl PlanText<'_> {
    /// Reads and checks every field, relative to `today` for dates like `tomorrow`.
    pub fn read(&self, today: NaiveDate) -> Result<Plan, PlanError> {
        let plan = Plan {
            title: read_title(self.title)?,
            why: self.why.trim().to_string(),
            dimension: self.dimension.clone(),
            cadence: read_cadence(self.cadence)?,
            start: read_date(self.start, Field::Start, today)?,
            end: read_date(self.end, Field::End, today)?,
            psel: read_psel(self.psel)?,
            counts_connections: read_goal(
                read_per_day(self.connections)?,
                Some(self.group),
                self.role,
            )?,
        };
        plan.check()?;
        Ok(plan)
    }
}

/// A title with its spacing tidied; never empty.
pub fn read_title(text: &str) -> Result<String, PlanError> {
    let title = tidy(text);
    if title.is_empty() {
        return Err(FieldError::new(Field::Title, NO_TITLE));
    }
    Ok(title)
}

/// `daily`, `3 per week`, `weekly on fri`.
pub fn read_cadence(text: &str) -> Result<Cadence, PlanError> {
    if text.trim().is_empty() {
        return Err(FieldError::new(
            Field::Cadence,
            "a commitment needs a cadence: \"daily\", \"N per week\" (e.g. \"3 per week\") \
             or \"weekly on DAY\" (e.g. \"weekly on fri\")",
        ));
    }
    text.parse()
        .map_err(|message| FieldError::new(Field::Cadence, message))
}

/// A start or end date; blank is none. `tomorrow` and dates ahead are fine.
pub fn read_date(
    text: &str,
    field: Field,
    today: NaiveDate,
) -> Result<Option<NaiveDate>, PlanError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let which = if field == Field::End { "end" } else { "start" };
    dates::parse_plan_date(text, today)
        .map(Some)
        .map_err(|error| FieldError::new(field, format!("the {which} date: {error}")))
}

/// PSEL standards as typed: `5`, `5, 3` or `5 3`. Repeats count once; blank is none.
pub fn read_psel(text: &str) -> Result<Vec<u8>, PlanError> {
    let mut standards = Vec::new();
    for word in text
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|word| !word.is_empty())
    {
        let number = word
            .parse::<u8>()
            .ok()
            .filter(|n| (1..=10).contains(n))
            .ok_or_else(|| {
                FieldError::new(
                    Field::Psel,
                    format!("PSEL standards are numbered 1 to 10, not `{word}`"),
                )
            })?;
        if !standards.contains(&number) {
            standards.push(number);
        }
    }
    Ok(standards)
}

/// How many different people a day keep the commitment; blank is none (it is
/// checked off by hand).
pub fn read_per_day(text: &str) -> Result<Option<u8>, PlanError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<u8>() {
        Ok(n) if n > 0 => Ok(Some(n)),
        _ => Err(FieldError::new(
            Field::Connections,
            format!(
                "connections a day is a number of people from 1 to 255, not `{text}` \
                 (leave it blank to check the commitment off by hand)"
            ),
        )),
    }
}

/// The connection goal from its parts. A group or role without a number of people
/// is refused rather than dropped, since it says the leader meant something.
pub fn read_goal(
    per_day: Option<u8>,
    group: Option<&str>,
    role: Option<Role>,
) -> Result<Option<ConnectionGoal>, PlanError> {
    let group = group.map(tidy).filter(|group| !group.is_empty());
    match per_day {
        Some(per_day) => Ok(Some(ConnectionGoal {
            per_day,
            group,
            role,
        })),
        None if group.is_some() || role.is_some() => Err(FieldError::new(
            Field::Connections,
            "a group or role only narrows a commitment kept by connections: give the \
             number of people a day too",
        )),
        None => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Weekday;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn text<'a>(dimension: &'a Frame) -> PlanText<'a> {
        PlanText {
            title: "  Learn one new thing   about three students ",
            why: " Every student known well ",
            dimension,
            cadence: "Weekly on Fri",
            start: "2026-11-25",
            end: "",
            psel: "5, 3 5",
            connections: "",
            group: "",
            role: None,
        }
    }

    #[test]
    fn a_plan_is_read_from_what_was_typed() {
        let love = Frame::Love;
        let plan = text(&love).read(date(2026, 11, 25)).unwrap();
        assert_eq!(plan.title, "Learn one new thing about three students");
        assert_eq!(plan.why, "Every student known well");
        assert_eq!(plan.cadence, Cadence::WeeklyOn(Weekday::Fri));
        assert_eq!(plan.start, Some(date(2026, 11, 25)));
        assert_eq!(plan.end, None);
        assert_eq!(plan.psel, vec![5, 3]);
        assert_eq!(plan.counts_connections, None);
    }

    #[test]
    fn each_problem_names_its_field() {
        let love = Frame::Love;
        let today = date(2026, 11, 25);
        let field = |change: &dyn Fn(&mut PlanText)| {
            let mut typed = text(&love);
            change(&mut typed);
            let error = typed.read(today).unwrap_err();
            (error.field, error.message)
        };
        let (f, message) = field(&|t| t.title = "   ");
        assert_eq!(f, Field::Title);
        assert!(message.contains("needs a title"), "{message}");
        let (f, message) = field(&|t| t.cadence = "fortnightly");
        assert_eq!(f, Field::Cadence);
        assert!(message.contains("weekly on DAY"), "{message}");
        assert_eq!(field(&|t| t.cadence = "").0, Field::Cadence);
        assert_eq!(field(&|t| t.cadence = "9 per week").0, Field::Cadence);
        let (f, message) = field(&|t| t.start = "someday");
        assert_eq!(f, Field::Start);
        assert!(
            message.starts_with("the start date: cannot read"),
            "{message}"
        );
        let (f, message) = field(&|t| t.end = "2026-11-01");
        assert_eq!(f, Field::End);
        assert!(message.contains("before the start"), "{message}");
        let (f, message) = field(&|t| t.psel = "5, 11");
        assert_eq!(f, Field::Psel);
        assert!(message.contains("1 to 10, not `11`"), "{message}");
        assert_eq!(field(&|t| t.psel = "five").0, Field::Psel);
        assert_eq!(field(&|t| t.connections = "0").0, Field::Connections);
        assert_eq!(field(&|t| t.connections = "three").0, Field::Connections);
        assert_eq!(field(&|t| t.group = "5B").0, Field::Connections);
        assert_eq!(
            field(&|t| t.role = Some(Role::Student)).0,
            Field::Connections
        );
    }

    #[test]
    fn blank_dates_are_open_and_tomorrow_may_start_it() {
        let care = Frame::Care;
        let mut typed = text(&care);
        typed.start = "tomorrow";
        typed.end = " ";
        typed.psel = "";
        typed.connections = " 3 ";
        typed.group = "  Grade   7 ";
        typed.role = Some(Role::Student);
        let plan = typed.read(date(2026, 12, 31)).unwrap();
        assert_eq!(plan.start, Some(date(2027, 1, 1)));
        assert_eq!(plan.end, None);
        assert!(plan.psel.is_empty());
        let goal = plan.counts_connections.unwrap();
        assert_eq!(goal.per_day, 3);
        assert_eq!(goal.group.as_deref(), Some("Grade 7"));
        assert_eq!(goal.role, Some(Role::Student));
    }

    #[test]
    fn an_edit_keeps_the_id_state_and_days_off() {
        let mut kept = Commitment::new("walk".into(), "Walk".into(), Frame::Care, Cadence::Daily);
        kept.pause(date(2026, 11, 2));
        kept.skip(date(2026, 11, 30));
        kept.extra.insert("colour".into(), "teal".into());
        let mut plan = Plan::of(&kept);
        assert_eq!(plan.title, "Walk");
        plan.title = "Walk the halls at lunch".into();
        plan.cadence = Cadence::PerWeek(3);
        plan.apply_to(&mut kept);
        assert_eq!(kept.id, "walk");
        assert_eq!(kept.title, "Walk the halls at lunch");
        assert_eq!(kept.cadence, Cadence::PerWeek(3));
        assert_eq!(kept.state, super::super::CommitmentState::Paused);
        assert_eq!(kept.skips, vec![date(2026, 11, 30)]);
        assert_eq!(kept.pauses.len(), 1);
        assert_eq!(kept.extra["colour"].as_str(), Some("teal"));
        let fresh = Plan::of(&kept).into_commitment("walk-2".into());
        assert_eq!(fresh.state, super::super::CommitmentState::Active);
        assert!(fresh.pauses.is_empty() && fresh.skips.is_empty());
        assert_eq!(fresh.title, "Walk the halls at lunch");
    }
}
