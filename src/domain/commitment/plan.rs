//! What a leader writes about a commitment: its title, why, frame, cadence, dates,
//! standards and connection goal. `truenorth commit add` and the form on the
//! Commitments screen both read what was typed with the readers here and check the
//! result with [`Plan::check`], so the two accept and refuse the same things.

use chrono::NaiveDate;

use super::{Cadence, Commitment, ConnectionGoal, check_psel};
use crate::domain::Frame;
use crate::domain::coverage;
use crate::domain::dates;
use crate::domain::field::FieldError;
use crate::domain::person::{Person, Role, tidy};

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

    /// What the plan allows but its author probably did not mean, to say after saving
    /// (never a refusal): a title another commitment already has in another case
    /// ("T daily" beside "T Daily"), or a connection goal no one on the roster can
    /// meet (a group no current person is in, a role no one there has). `editing` is
    /// the id of the commitment being edited, which does not count as another.
    pub fn warnings(
        &self,
        commitments: &[Commitment],
        people: &[Person],
        editing: Option<&str>,
    ) -> Vec<String> {
        let mut warnings = Vec::new();
        let title = tidy(&self.title).to_lowercase();
        if let Some(twin) = commitments.iter().find(|other| {
            Some(other.id.as_str()) != editing && tidy(&other.title).to_lowercase() == title
        }) {
            warnings.push(format!(
                "another commitment is already called “{}” (`{}`); both are kept, so \
                 check-ins need the id to tell them apart",
                twin.title, twin.id
            ));
        }
        if let Some(goal) = &self.counts_connections
            && let Some(warning) = goal_reach(goal, people)
        {
            warnings.push(warning);
        }
        warnings
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

/// Why no one on the roster can meet `goal`, if no one can: its group holds no
/// current person (naming the groups there are, and the one probably meant when only
/// spacing or punctuation differ), or no one there has its role.
pub fn goal_reach(goal: &ConnectionGoal, people: &[Person]) -> Option<String> {
    let current: Vec<&Person> = people.iter().filter(|person| !person.archived).collect();
    if current.is_empty() {
        return None;
    }
    let in_group: Vec<&Person> = match &goal.group {
        Some(group) => current
            .iter()
            .copied()
            .filter(|person| person.in_group(group))
            .collect(),
        None => current.clone(),
    };
    if let Some(group) = &goal.group
        && in_group.is_empty()
    {
        let groups = coverage::groups(people);
        let squeeze = |text: &str| -> String {
            text.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect()
        };
        let meant = groups.iter().find(|known| squeeze(known) == squeeze(group));
        let listed = if groups.is_empty() {
            "no one on it has a group yet".to_string()
        } else {
            format!("the groups are: {}", groups.join(", "))
        };
        return Some(match meant {
            Some(meant) => format!(
                "no one on the roster is in the group `{group}`; did you mean `{meant}`? \
                 ({listed})"
            ),
            None => format!("no one on the roster is in the group `{group}` yet; {listed}"),
        });
    }
    let role = goal.role?;
    if in_group.iter().any(|person| person.role == role) {
        return None;
    }
    let whom = match &goal.group {
        Some(group) => format!("in {group}"),
        None => "on the roster".to_string(),
    };
    let mut roles: Vec<String> = in_group.iter().map(|p| p.role.to_string()).collect();
    roles.sort();
    roles.dedup();
    Some(format!(
        "no one {whom} has the role {role} yet (their roles: {})",
        roles.join(", ")
    ))
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

    #[test]
    fn a_goal_no_one_can_meet_and_a_title_in_another_case_are_warned_about() {
        let mut people = Vec::new();
        for (name, group, role) in [
            ("Ana", "5A", Role::Student),
            ("Ben", "5B", Role::Student),
            ("Ms Diaz", "5B", Role::Staff),
        ] {
            let person = Person::new(&people, name, Some(group), role);
            people.push(person);
        }
        let goal = |group: Option<&str>, role: Option<Role>| ConnectionGoal {
            per_day: 1,
            group: group.map(String::from),
            role,
        };
        assert_eq!(
            goal_reach(&goal(Some("5a"), Some(Role::Student)), &people),
            None
        );
        assert_eq!(goal_reach(&goal(None, None), &people), None);
        assert_eq!(
            goal_reach(&goal(Some("5 A"), None), &people).unwrap(),
            "no one on the roster is in the group `5 A`; did you mean `5A`? \
             (the groups are: 5A, 5B)"
        );
        assert_eq!(
            goal_reach(&goal(Some("6C"), None), &people).unwrap(),
            "no one on the roster is in the group `6C` yet; the groups are: 5A, 5B"
        );
        assert_eq!(
            goal_reach(&goal(Some("5A"), Some(Role::Staff)), &people).unwrap(),
            "no one in 5A has the role staff yet (their roles: student)"
        );
        assert_eq!(
            goal_reach(&goal(None, Some(Role::Family)), &people).unwrap(),
            "no one on the roster has the role family yet (their roles: staff, student)"
        );
        assert_eq!(
            goal_reach(&goal(Some("6C"), None), &[]),
            None,
            "no roster yet"
        );

        let existing = Commitment::new(
            "t-daily".into(),
            "T Daily".into(),
            Frame::Love,
            Cadence::Daily,
        );
        let mut plan = Plan::of(&existing);
        plan.title = " t   DAILY ".into();
        let warnings = plan.warnings(std::slice::from_ref(&existing), &people, None);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].contains("already called “T Daily” (`t-daily`)"));
        assert!(
            plan.warnings(std::slice::from_ref(&existing), &people, Some("t-daily"))
                .is_empty(),
            "an edit of itself"
        );
        plan.title = "Other".into();
        plan.counts_connections = Some(goal(Some("5 A"), None));
        let warnings = plan.warnings(std::slice::from_ref(&existing), &people, None);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].contains("did you mean `5A`"));
    }
}
