//! The forms of the Commitments and People screens: which fields they have, what
//! they start with, and how what was typed becomes a domain value. Reading goes
//! through the same domain readers as `truenorth commit add` and `people add`.

use chrono::NaiveDate;

use crate::domain::Frame;
use crate::domain::commitment::Commitment;
use crate::domain::commitment::plan::{Field, Plan, PlanError, PlanText};
use crate::domain::field::FieldError;
use crate::domain::person::{Person, PersonDetails, PersonField, Role};
use crate::ui::widgets::form::{Form, FormField, Input};

/// The commitment form's fields, in order on screen.
const COMMITMENT_FIELDS: [Field; 10] = [
    Field::Title,
    Field::Why,
    Field::Dimension,
    Field::Cadence,
    Field::Start,
    Field::End,
    Field::Psel,
    Field::Connections,
    Field::Group,
    Field::Role,
];

fn at(field: Field) -> usize {
    COMMITMENT_FIELDS
        .iter()
        .position(|f| *f == field)
        .expect("every field is on the form")
}

/// "anyone" first: a connection goal need not name a role.
const ANY_ROLE: &str = "anyone";

/// A new commitment, or an edit of the one with id `editing`.
#[derive(Debug, Clone)]
pub struct CommitmentForm {
    pub editing: Option<String>,
    pub form: Form,
    /// The frames the dimension field offers, in the order of its options.
    frames: Vec<Frame>,
}

impl CommitmentForm {
    /// An empty form for a new commitment, starting `today`. `groups` are the
    /// roster's groups, offered as examples for the connection goal.
    pub fn new(today: NaiveDate, groups: &[String]) -> CommitmentForm {
        let plan = Plan {
            title: String::new(),
            why: String::new(),
            dimension: Frame::TrueNorth,
            cadence: crate::domain::commitment::Cadence::Daily,
            start: Some(today),
            end: None,
            psel: Vec::new(),
            counts_connections: None,
        };
        CommitmentForm::with_plan("New commitment", None, &plan, groups)
    }

    /// A form holding `commitment` as it is.
    pub fn edit(commitment: &Commitment, groups: &[String]) -> CommitmentForm {
        CommitmentForm::with_plan(
            "Edit commitment",
            Some(commitment.id.clone()),
            &Plan::of(commitment),
            groups,
        )
    }

    fn with_plan(
        title: &str,
        editing: Option<String>,
        plan: &Plan,
        groups: &[String],
    ) -> CommitmentForm {
        let mut frames = Frame::BUILT_IN.to_vec();
        if !frames.contains(&plan.dimension) {
            frames.push(plan.dimension.clone());
        }
        let frame_at = frames
            .iter()
            .position(|frame| *frame == plan.dimension)
            .unwrap_or(0);
        let goal = plan.counts_connections.as_ref();
        let mut roles = vec![ANY_ROLE.to_string()];
        roles.extend(Role::ALL.iter().map(ToString::to_string));
        let role_at = goal
            .and_then(|goal| goal.role)
            .and_then(|role| Role::ALL.iter().position(|r| *r == role))
            .map_or(0, |index| index + 1);
        let date = |date: Option<NaiveDate>| date.map(|d| d.to_string()).unwrap_or_default();
        let group_hint = match groups {
            [] => "Count only people in this group (blank: any group).".to_string(),
            _ => {
                let shown: Vec<&str> = groups.iter().take(6).map(String::as_str).collect();
                let more = if groups.len() > 6 { ", …" } else { "" };
                format!(
                    "Count only people in this group, e.g. {}{more} (blank: any group).",
                    shown.join(", ")
                )
            }
        };
        let field = |field: Field| -> FormField {
            match field {
                Field::Title => FormField::new(
                    "Title",
                    "The practice, in your words: small, concrete, something you can check off.",
                    Input::text(plan.title.clone()),
                ),
                Field::Why => FormField::new(
                    "Why",
                    "A line linking it to your true north (may be blank).",
                    Input::text(plan.why.clone()),
                ),
                Field::Dimension => FormField::new(
                    "Dimension",
                    "The frame it serves: ←/→, Space or a first letter to choose.",
                    Input::choice(frames.iter().map(Frame::label).collect(), frame_at),
                ),
                Field::Cadence => FormField::new(
                    "Cadence",
                    "daily · N per week (1 to 7, e.g. 3 per week) · weekly on DAY (e.g. weekly on fri)",
                    Input::text(plan.cadence.to_string()),
                ),
                Field::Start => FormField::new(
                    "Starts",
                    "The first day it counts: 2026-12-01, today, tomorrow. Blank: from its first check-in.",
                    Input::text(date(plan.start)),
                ),
                Field::End => FormField::new(
                    "Ends",
                    "The last day it counts, e.g. 2027-06-18. Blank: no end.",
                    Input::text(date(plan.end)),
                ),
                Field::Psel => FormField::new(
                    "PSEL standards",
                    "The PSEL 2015 standards it serves, 1 to 10, e.g. 5, 6 (may be blank).",
                    Input::text(
                        plan.psel
                            .iter()
                            .map(ToString::to_string)
                            .collect::<Vec<_>>()
                            .join(", "),
                    ),
                ),
                Field::Connections => FormField::new(
                    "Connections a day",
                    "Kept by itself on days you log connection notes about this many different \
                     people. Blank: you check it off yourself.",
                    Input::text(goal.map(|g| g.per_day.to_string()).unwrap_or_default()),
                ),
                Field::Group => FormField::new(
                    "… in group",
                    group_hint.clone(),
                    Input::text(goal.and_then(|g| g.group.clone()).unwrap_or_default()),
                ),
                Field::Role => FormField::new(
                    "… with role",
                    "Count only people of this role: ←/→ or Space to choose.",
                    Input::choice(roles.clone(), role_at),
                ),
            }
        };
        let fields = COMMITMENT_FIELDS.iter().map(|f| field(*f)).collect();
        CommitmentForm {
            editing,
            form: Form::new(title, fields),
            frames,
        }
    }

    /// What was typed, read and checked by the domain's rules.
    pub fn read(&self, today: NaiveDate) -> Result<Plan, PlanError> {
        let form = &self.form;
        let role = match form.choice(at(Field::Role)) {
            0 => None,
            n => Role::ALL.get(n - 1).copied(),
        };
        PlanText {
            title: form.value(at(Field::Title)),
            why: form.value(at(Field::Why)),
            dimension: &self.frames[form.choice(at(Field::Dimension))],
            cadence: form.value(at(Field::Cadence)),
            start: form.value(at(Field::Start)),
            end: form.value(at(Field::End)),
            psel: form.value(at(Field::Psel)),
            connections: form.value(at(Field::Connections)),
            group: form.value(at(Field::Group)),
            role,
        }
        .read(today)
    }

    /// Shows a problem at the field it is about.
    pub fn show_error(&mut self, error: &PlanError) {
        self.form.set_error(at(error.field), error.message.clone());
    }
}

/// The person form's fields, in order on screen.
const PERSON_FIELDS: [PersonField; 4] = [
    PersonField::Name,
    PersonField::Group,
    PersonField::Role,
    PersonField::Note,
];

fn person_at(field: PersonField) -> usize {
    PERSON_FIELDS
        .iter()
        .position(|f| *f == field)
        .expect("every field is on the form")
}

/// Someone new on the roster, or an edit of the person with id `editing`.
#[derive(Debug, Clone)]
pub struct PersonForm {
    pub editing: Option<String>,
    pub form: Form,
}

impl PersonForm {
    /// An empty form; the group starts as `group` (the one the list is narrowed to).
    pub fn new(group: Option<&str>) -> PersonForm {
        let details = PersonDetails {
            name: String::new(),
            group: group.map(str::to_string),
            role: Role::Student,
            note: String::new(),
        };
        PersonForm::with_details("Add someone to your roster", None, &details)
    }

    pub fn edit(person: &Person) -> PersonForm {
        PersonForm::with_details(
            &format!("Edit {}", person.name),
            Some(person.id.clone()),
            &PersonDetails::of(person),
        )
    }

    fn with_details(title: &str, editing: Option<String>, details: &PersonDetails) -> PersonForm {
        let role_at = Role::ALL
            .iter()
            .position(|role| *role == details.role)
            .unwrap_or(0);
        let fields = PERSON_FIELDS
            .iter()
            .map(|field| match field {
                PersonField::Name => FormField::new(
                    "Name",
                    "A full name, a pseudonym or initials: whatever you are comfortable keeping.",
                    Input::text(details.name.clone()),
                ),
                PersonField::Group => FormField::new(
                    "Group",
                    "A grade, an advisory, a team (may be blank).",
                    Input::text(details.group.clone().unwrap_or_default()),
                ),
                PersonField::Role => FormField::new(
                    "Role",
                    "student, staff, family or other: ←/→, Space or a first letter.",
                    Input::choice(Role::ALL.iter().map(ToString::to_string).collect(), role_at),
                ),
                PersonField::Note => FormField::new(
                    "Note",
                    "Something to remember about them (may be blank).",
                    Input::text(details.note.clone()),
                ),
            })
            .collect();
        PersonForm {
            editing,
            form: Form::new(title, fields),
        }
    }

    /// What was typed, read and checked against `roster`.
    pub fn read(&self, roster: &[Person]) -> Result<PersonDetails, FieldError<PersonField>> {
        let form = &self.form;
        PersonDetails::read(
            form.value(person_at(PersonField::Name)),
            form.value(person_at(PersonField::Group)),
            Role::ALL[form.choice(person_at(PersonField::Role))],
            form.value(person_at(PersonField::Note)),
            roster,
            self.editing.as_deref(),
        )
    }

    pub fn show_error(&mut self, error: &FieldError<PersonField>) {
        self.form
            .set_error(person_at(error.field), error.message.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::commitment::{Cadence, ConnectionGoal};
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn type_into(form: &mut Form, index: usize, text: &str) {
        form.set_focus(index);
        form.key(&KeyEvent::new(KeyCode::End, KeyModifiers::NONE));
        for _ in 0..form.value(index).chars().count() {
            form.key(&KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE));
        }
        for c in text.chars() {
            form.key(&KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        }
    }

    #[test]
    fn a_new_commitment_starts_today_and_needs_a_title() {
        let today = date(2026, 11, 25);
        let mut new = CommitmentForm::new(today, &[]);
        assert_eq!(new.form.value(at(Field::Start)), "2026-11-25");
        assert_eq!(new.form.value(at(Field::Cadence)), "daily");
        let error = new.read(today).unwrap_err();
        assert_eq!(error.field, Field::Title);
        new.show_error(&error);
        assert_eq!(new.form.focus(), at(Field::Title));

        type_into(&mut new.form, at(Field::Title), "Greet students by name");
        type_into(&mut new.form, at(Field::Cadence), "3 per week");
        new.form.set_focus(at(Field::Dimension));
        new.form
            .key(&KeyEvent::new(KeyCode::Char('l'), KeyModifiers::NONE));
        let plan = new.read(today).unwrap();
        assert_eq!(plan.title, "Greet students by name");
        assert_eq!(plan.cadence, Cadence::PerWeek(3));
        assert_eq!(plan.dimension, Frame::Love);
        assert_eq!(plan.start, Some(today));
        assert_eq!(plan.counts_connections, None);
    }

    #[test]
    fn an_edit_shows_the_commitment_and_reads_it_back_unchanged() {
        let mut kept = Commitment::new(
            "connect".into(),
            "Connect with three students".into(),
            Frame::Other("advisory".into()),
            Cadence::WeeklyOn(chrono::Weekday::Fri),
        );
        kept.why = "Every student known".into();
        kept.start = Some(date(2026, 11, 2));
        kept.end = Some(date(2027, 6, 18));
        kept.psel = vec![5, 3];
        kept.counts_connections = Some(ConnectionGoal {
            per_day: 3,
            group: Some("5B".into()),
            role: Some(Role::Student),
        });
        let form = CommitmentForm::edit(&kept, &["5B".to_string()]);
        assert_eq!(form.editing.as_deref(), Some("connect"));
        assert_eq!(form.form.value(at(Field::Dimension)), "Advisory");
        assert_eq!(form.form.value(at(Field::Psel)), "5, 3");
        assert_eq!(form.form.value(at(Field::Role)), "student");
        assert!(!form.form.is_dirty());
        assert_eq!(form.read(date(2026, 11, 25)).unwrap(), Plan::of(&kept));
    }

    #[test]
    fn problems_land_on_their_field() {
        let today = date(2026, 11, 25);
        let mut new = CommitmentForm::new(today, &[]);
        type_into(&mut new.form, at(Field::Title), "Walk");
        type_into(&mut new.form, at(Field::End), "2026-11-01");
        let error = new.read(today).unwrap_err();
        assert_eq!(error.field, Field::End);
        type_into(&mut new.form, at(Field::End), "");
        type_into(&mut new.form, at(Field::Group), "5B");
        assert_eq!(new.read(today).unwrap_err().field, Field::Connections);
        type_into(&mut new.form, at(Field::Connections), "2");
        let goal = new.read(today).unwrap().counts_connections.unwrap();
        assert_eq!((goal.per_day, goal.group.as_deref()), (2, Some("5B")));
    }

    #[test]
    fn the_person_form_reads_details_and_refuses_a_twin() {
        let roster = vec![Person::new(&[], "Maya R.", Some("5B"), Role::Student)];
        let mut new = PersonForm::new(Some("5B"));
        assert_eq!(new.form.value(person_at(PersonField::Group)), "5B");
        type_into(&mut new.form, person_at(PersonField::Name), "maya r.");
        let error = new.read(&roster).unwrap_err();
        assert!(error.message.contains("already on the roster"), "{error}");
        new.show_error(&error);
        assert_eq!(new.form.focus(), person_at(PersonField::Name));
        type_into(&mut new.form, person_at(PersonField::Name), "Ms Diaz");
        new.form.set_focus(person_at(PersonField::Role));
        new.form
            .key(&KeyEvent::new(KeyCode::Char('s'), KeyModifiers::NONE));
        let details = new.read(&roster).unwrap();
        assert_eq!(details.name, "Ms Diaz");
        assert_eq!(details.role, Role::Staff);

        let edit = PersonForm::edit(&roster[0]);
        assert_eq!(edit.read(&roster).unwrap(), PersonDetails::of(&roster[0]));
    }
}
