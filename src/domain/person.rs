//! The private roster: the students, staff and families a leader wants to know well,
//! and the connection notes logged about them.
//!
//! A [`Person`] is kept in `people.toml`; each [`Connection`] in the day file of the
//! day it happened. Coverage (who has not been seen lately) is in
//! [`super::coverage`]; the fuzzy picker in [`super::person_index`].

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::commitment::Lookup;
use super::field::FieldError;
use super::slug;

/// How the leader knows a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    #[default]
    Student,
    Staff,
    Family,
    Other,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Student, Role::Staff, Role::Family, Role::Other];
}

impl FromStr for Role {
    type Err = String;

    /// Reads a role as a roster spreadsheet may spell it: `student`, `Staff`,
    /// `teacher`, `parent` ... (any case, singular or plural).
    fn from_str(value: &str) -> Result<Self, Self::Err> {
        let normal = value.trim().to_lowercase();
        let word = normal.strip_suffix('s').unwrap_or(&normal);
        match word {
            "student" | "pupil" | "learner" => Ok(Role::Student),
            "staff" | "teacher" | "colleague" | "adult" | "employee" => Ok(Role::Staff),
            "family" | "familie" | "parent" | "guardian" | "caregiver" => Ok(Role::Family),
            "other" => Ok(Role::Other),
            _ => Err(format!(
                "role `{}` is not one of student, staff, family or other",
                value.trim()
            )),
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Role::Student => "student",
            Role::Staff => "staff",
            Role::Family => "family",
            Role::Other => "other",
        })
    }
}

/// Someone on the roster, as kept in `people.toml`.
///
/// `name` is whatever the leader chooses to write: a full name, a pseudonym or
/// initials. `extra` keeps keys this version does not know.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Person {
    /// Stable, made from the name when the person was added; connections refer to it.
    pub id: String,
    pub name: String,
    /// A grade, an advisory, a team: whatever the leader groups people by.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    #[serde(default)]
    pub role: Role,
    #[serde(default, skip_serializing_if = "is_false")]
    pub archived: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(flatten)]
    pub extra: toml::Table,
}

fn is_false(value: &bool) -> bool {
    !*value
}

impl Person {
    /// A new person with an id not yet used in `roster`. Spaces in the name and group
    /// are tidied; an empty group is no group.
    pub fn new(roster: &[Person], name: &str, group: Option<&str>, role: Role) -> Person {
        let mut ids = slug::Ids::new(roster.iter().map(|person| person.id.as_str()));
        Person::with_ids(&mut ids, name, group, role)
    }

    /// [`Person::new`] for many people at once: `ids` knows the ids already used.
    pub fn with_ids(ids: &mut slug::Ids, name: &str, group: Option<&str>, role: Role) -> Person {
        let name = tidy(name);
        let id = ids.claim(slug::slug(&name, "person"));
        Person {
            id,
            name,
            group: group.map(tidy).filter(|group| !group.is_empty()),
            role,
            archived: false,
            note: String::new(),
            extra: toml::Table::new(),
        }
    }

    /// Whether the person is in `group` (any case, spacing ignored).
    pub fn in_group(&self, group: &str) -> bool {
        self.group
            .as_deref()
            .is_some_and(|own| same_words(own, group))
    }

    /// `Maya R. (5B)`: the name with its group, to tell two of a name apart.
    pub fn label(&self) -> String {
        match &self.group {
            Some(group) => format!("{} ({group})", self.name),
            None => self.name.clone(),
        }
    }

    /// Whether this is the same person as one named `name` in `group`: the rule that
    /// finds duplicates on import. The same name in another group is someone else (two
    /// Mayas in two grades are two students).
    pub fn is_same_as(&self, name: &str, group: Option<&str>) -> bool {
        same_words(&self.name, name)
            && match (self.group.as_deref(), group) {
                (Some(own), Some(other)) => same_words(own, other),
                (None, None) => true,
                (None, Some(other)) | (Some(other), None) => other.trim().is_empty(),
            }
    }
}

/// The parts of a person record, to say which one a problem is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PersonField {
    Name,
    Group,
    Role,
    Note,
}

/// What the leader writes about someone: `truenorth people add` and the People
/// screen's form read it through [`PersonDetails::read`], so both refuse the same
/// things. The id and the archived flag are the app's, never changed by an edit.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonDetails {
    pub name: String,
    pub group: Option<String>,
    pub role: Role,
    pub note: String,
}

impl PersonDetails {
    /// The details of someone already on the roster, to edit them.
    pub fn of(person: &Person) -> PersonDetails {
        PersonDetails {
            name: person.name.clone(),
            group: person.group.clone(),
            role: person.role,
            note: person.note.clone(),
        }
    }

    /// Tidies what was typed and checks it against `roster`: a name is needed, and no
    /// one else on the roster (archived people aside) may have the same name in the
    /// same group, since the two could not be told apart. `editing` is the id of the
    /// person being edited, who may keep their own name.
    pub fn read(
        name: &str,
        group: &str,
        role: Role,
        note: &str,
        roster: &[Person],
        editing: Option<&str>,
    ) -> Result<PersonDetails, FieldError<PersonField>> {
        let name = tidy(name);
        if name.is_empty() {
            return Err(FieldError::new(
                PersonField::Name,
                "a person needs a name: a full name, a pseudonym or initials",
            ));
        }
        let group = Some(tidy(group)).filter(|group| !group.is_empty());
        if let Some(same) = roster.iter().find(|person| {
            !person.archived
                && Some(person.id.as_str()) != editing
                && person.is_same_as(&name, group.as_deref())
        }) {
            return Err(FieldError::new(
                PersonField::Name,
                format!(
                    "{} is already on the roster (as {}); a different group or a \
                     distinguishing initial tells two people apart",
                    same.label(),
                    same.id
                ),
            ));
        }
        if editing.is_none()
            && let Some(archived) = roster
                .iter()
                .find(|person| person.archived && person.is_same_as(&name, group.as_deref()))
        {
            return Err(FieldError::new(
                PersonField::Name,
                format!(
                    "{} is archived (as {}); bring them back instead, so their notes stay \
                     together: A then u on People, or `truenorth people restore {}`. \
                     Someone else? Add an initial or another group",
                    archived.label(),
                    archived.id,
                    archived.id
                ),
            ));
        }
        Ok(PersonDetails {
            name,
            group,
            role,
            note: note.trim().to_string(),
        })
    }

    /// Someone new with these details and an id not yet used in `roster`.
    pub fn into_person(self, roster: &[Person]) -> Person {
        let mut person = Person::new(roster, &self.name, self.group.as_deref(), self.role);
        person.note = self.note;
        person
    }

    /// Writes the details into `person`, keeping their id (connection notes refer to
    /// it) and everything else.
    pub fn apply_to(self, person: &mut Person) {
        person.name = self.name;
        person.group = self.group;
        person.role = self.role;
        person.note = self.note;
    }
}

/// Spaces trimmed and runs of whitespace made one space.
pub fn tidy(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Equal ignoring case and spacing.
pub fn same_words(a: &str, b: &str) -> bool {
    let mut a = a.split_whitespace();
    let mut b = b.split_whitespace();
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if x.to_lowercase() == y.to_lowercase() => {}
            _ => return false,
        }
    }
}

/// A quick note about time spent with someone, kept in the day file of the day it
/// happened (`[[connection]]`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Connection {
    /// The person's id.
    pub person: String,
    /// When it was logged, with the writer's UTC offset.
    pub at: DateTime<FixedOffset>,
    pub note: String,
    #[serde(flatten)]
    pub extra: toml::Table,
}

impl Connection {
    pub fn new(person: impl Into<String>, at: DateTime<FixedOffset>, note: &str) -> Connection {
        Connection {
            person: person.into(),
            at,
            note: note.trim().to_string(),
            extra: toml::Table::new(),
        }
    }
}

/// Finds the one person a typed query means, for commands that act on a person
/// without a picker (`people log maya "..."`). In order, the first rule that fits
/// anyone decides:
///
/// 1. the exact id, unless it is also the exact name of someone else (`sam` when
///    two people are called Sam): then it is ambiguous, as `Sam` is;
/// 2. the exact name, any case (two people of that name are ambiguous);
/// 3. every word of the query is a word of the name or group (`maya 5b`);
/// 4. every word of the query starts a word of the name or group (`rob`);
/// 5. a fuzzy match of the query, as in the picker.
///
/// Archived people are left out. Several fits are [`Lookup::Ambiguous`] (the best
/// fuzzy matches first, at most 10), so a note never lands on the wrong person.
pub fn find<'a>(people: &'a [Person], query: &str) -> Lookup<&'a Person> {
    find_among(people, query, false, true)
}

/// What to type to pick `person` out of `people` by [`find`]: the id when that finds
/// them alone, else the name and group (`sam 5b`), else the id after all.
pub fn pick_text(people: &[Person], person: &Person) -> String {
    let alone =
        |text: &str| matches!(find(people, text), Lookup::Found(found) if found.id == person.id);
    if alone(&person.id) {
        return person.id.clone();
    }
    if let Some(group) = &person.group {
        let text = format!("{} {}", person.name, group).to_lowercase();
        if alone(&text) {
            return text;
        }
    }
    person.id.clone()
}

/// [`find`] without its last, fuzzy step: the query names the person.
pub fn find_named<'a>(people: &'a [Person], query: &str) -> Lookup<&'a Person> {
    find_among(people, query, false, false)
}

/// [`find_named`] among the archived people only, to bring them back or look them up.
pub fn find_archived<'a>(people: &'a [Person], query: &str) -> Lookup<&'a Person> {
    find_among(people, query, true, false)
}

/// Why `person` (archived) cannot be brought back, if they cannot: someone current
/// has the same name and group, and the two could not be told apart.
pub fn restore_refusal(roster: &[Person], person: &Person) -> Option<String> {
    let same = roster.iter().find(|other| {
        !other.archived
            && other.id != person.id
            && other.is_same_as(&person.name, person.group.as_deref())
    })?;
    Some(format!(
        "{} cannot be brought back while {} (as {}) is on the roster: the two could not \
         be told apart. Edit one of them first, e.g. add a distinguishing initial or \
         change the group",
        person.label(),
        same.label(),
        same.id
    ))
}

fn find_among<'a>(
    people: &'a [Person],
    query: &str,
    archived: bool,
    fuzzy: bool,
) -> Lookup<&'a Person> {
    let current = || {
        people
            .iter()
            .filter(move |person| person.archived == archived)
    };
    let query = query.trim();
    let decide = |fits: Vec<&'a Person>| match fits.len() {
        0 => None,
        1 => Some(Lookup::Found(fits[0])),
        _ => Some(Lookup::Ambiguous(fits)),
    };
    if let Some(person) = current().find(|person| person.id == query) {
        // `sam` is Sam (5B)'s id and the name of Sam (5C) too: which one is meant must
        // not hang on the case it was typed in (`Sam` would be ambiguous).
        let mut fits = vec![person];
        fits.extend(
            current().filter(|other| other.id != person.id && same_words(&other.name, query)),
        );
        return decide(fits).unwrap_or(Lookup::NotFound);
    }
    let exact = current()
        .filter(|person| same_words(&person.name, query))
        .collect();
    if let Some(lookup) = decide(exact) {
        return lookup;
    }
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    if words.is_empty() {
        return Lookup::NotFound;
    }
    let own_words = |person: &Person| -> Vec<String> {
        word_starts(&person.name)
            .chain(person.group.iter().flat_map(|group| word_starts(group)))
            .collect()
    };
    let whole = current()
        .filter(|person| {
            let own = own_words(person);
            words.iter().all(|word| own.contains(word))
        })
        .collect();
    if let Some(lookup) = decide(whole) {
        return lookup;
    }
    let starts = current()
        .filter(|person| {
            let own = own_words(person);
            words
                .iter()
                .all(|word| own.iter().any(|own| own.starts_with(word.as_str())))
        })
        .collect();
    if let Some(lookup) = decide(starts) {
        return lookup;
    }
    if !fuzzy {
        return Lookup::NotFound;
    }
    let index = super::person_index::PersonIndex::new(people);
    let fuzzy = index
        .search(query, 10)
        .into_iter()
        .map(|found| &people[found.person])
        .collect();
    decide(fuzzy).unwrap_or(Lookup::NotFound)
}

/// The lower-case words of `text`, split at spaces and punctuation.
fn word_starts(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roster(names: &[(&str, Option<&str>)]) -> Vec<Person> {
        let mut people = Vec::new();
        for (name, group) in names {
            let person = Person::new(&people, name, *group, Role::Student);
            people.push(person);
        }
        people
    }

    #[test]
    fn roles_read_as_spreadsheets_spell_them() {
        assert_eq!("Students".parse(), Ok(Role::Student));
        assert_eq!(" teacher ".parse(), Ok(Role::Staff));
        assert_eq!("Parents".parse(), Ok(Role::Family));
        assert_eq!("families".parse(), Ok(Role::Family));
        assert!("coach".parse::<Role>().is_err());
        for role in Role::ALL {
            assert_eq!(role.to_string().parse(), Ok(role));
        }
    }

    #[test]
    fn new_people_get_unique_ids_and_tidy_names() {
        let people = roster(&[
            ("  Maya   R. ", Some(" 5B ")),
            ("Maya R.", Some("")),
            ("M.R.", None),
        ]);
        assert_eq!(people[0].name, "Maya R.");
        assert_eq!(people[0].group.as_deref(), Some("5B"));
        assert_eq!(people[0].id, "maya-r");
        assert_eq!(people[1].id, "maya-r-2");
        assert_eq!(people[1].group, None);
        assert_eq!(people[2].id, "m-r");
        assert!(people[0].in_group("5b"));
        assert_eq!(people[0].label(), "Maya R. (5B)");
    }

    #[test]
    fn details_need_a_name_that_tells_the_person_apart() {
        let people = roster(&[("Maya R.", Some("5B")), ("Sam", None)]);
        let read = |name: &str, group: &str, editing: Option<&str>| {
            PersonDetails::read(name, group, Role::Staff, " ", &people, editing)
        };
        let error = read("  ", "5B", None).unwrap_err();
        assert_eq!(error.field, PersonField::Name);
        assert!(error.message.contains("needs a name"), "{error}");
        let error = read("maya  r.", " 5b ", None).unwrap_err();
        assert!(
            error
                .message
                .starts_with("Maya R. (5B) is already on the roster (as maya-r)"),
            "{error}"
        );
        // Editing Maya herself, or a Maya in another group, is fine.
        let same = read("Maya R.", "5b", Some("maya-r")).unwrap();
        assert_eq!(same.group.as_deref(), Some("5b"));
        assert_eq!(same.note, "");
        assert!(read("Maya R.", "6A", None).is_ok());
        // Sam cannot be renamed into Maya's place.
        assert!(read("Maya R.", "5B", Some("sam")).is_err());

        let mut sam = people[1].clone();
        let details = PersonDetails::read(
            "  Sam   O. ",
            "",
            Role::Family,
            " dad ",
            &people,
            Some("sam"),
        )
        .unwrap();
        details.apply_to(&mut sam);
        assert_eq!((sam.id.as_str(), sam.name.as_str()), ("sam", "Sam O."));
        assert_eq!(
            (sam.group, sam.role, sam.note.as_str()),
            (None, Role::Family, "dad")
        );
        let new = PersonDetails::of(&people[0]).into_person(&people);
        assert_eq!(new.id, "maya-r-2");
    }

    #[test]
    fn an_archived_person_is_brought_back_rather_than_added_twice() {
        let mut people = roster(&[("Mr Diaz", Some("Maths"))]);
        people[0].archived = true;
        let error = PersonDetails::read("mr diaz", "maths", Role::Staff, "", &people, None)
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("Mr Diaz (Maths) is archived (as mr-diaz)"),
            "{error}"
        );
        assert!(
            error.contains("truenorth people restore mr-diaz"),
            "{error}"
        );
        // Another group is someone else; editing the archived one keeps their name.
        assert!(PersonDetails::read("Mr Diaz", "Science", Role::Staff, "", &people, None).is_ok());
        assert!(
            PersonDetails::read(
                "Mr Diaz",
                "Maths",
                Role::Staff,
                "",
                &people,
                Some("mr-diaz")
            )
            .is_ok()
        );
        assert_eq!(restore_refusal(&people, &people[0]), None);
        // Someone current with the same name and group (added before this rule, or
        // by hand): bringing the archived one back is refused.
        let mut twin = Person::new(&people, "Mr  Diaz", Some("maths"), Role::Staff);
        twin.id = "mr-diaz-2".into();
        people.push(twin);
        let refusal = restore_refusal(&people, &people[0]).unwrap();
        assert!(
            refusal.starts_with(
                "Mr Diaz (Maths) cannot be brought back while Mr Diaz (maths) (as mr-diaz-2) \
                 is on the roster"
            ),
            "{refusal}"
        );
        assert_eq!(
            restore_refusal(&people, &people[1]),
            None,
            "not the same id"
        );
    }

    #[test]
    fn archived_people_are_found_apart_from_current_ones() {
        let mut people = roster(&[("Mr Diaz", Some("Maths")), ("Ana", None)]);
        people[0].archived = true;
        assert_eq!(find(&people, "diaz"), Lookup::NotFound);
        assert!(matches!(find_archived(&people, "diaz"), Lookup::Found(p) if p.id == "mr-diaz"));
        assert!(matches!(
            find_archived(&people, "mr-diaz"),
            Lookup::Found(_)
        ));
        assert_eq!(find_archived(&people, "ana"), Lookup::NotFound);
        // "mr diaz" is a fuzzy fit for "Mario Diaz", but names the archived one.
        people.push(Person::new(
            &people,
            "Mario Diaz",
            Some("7C"),
            Role::Student,
        ));
        assert!(matches!(find(&people, "mr diaz"), Lookup::Found(p) if p.name == "Mario Diaz"));
        assert_eq!(find_named(&people, "mr diaz"), Lookup::NotFound);
        assert!(matches!(
            find_named(&people, "mario diaz"),
            Lookup::Found(_)
        ));
    }

    #[test]
    fn the_same_name_in_another_group_is_someone_else() {
        let people = roster(&[("Maya R.", Some("5B")), ("Sam", None)]);
        assert!(people[0].is_same_as("maya  r.", Some("5b")));
        assert!(!people[0].is_same_as("Maya R.", Some("6A")));
        assert!(!people[0].is_same_as("Maya R.", None));
        assert!(people[1].is_same_as("SAM", Some(" ")));
    }

    #[test]
    fn a_connection_round_trips_and_keeps_unknown_keys() {
        let text = "person = \"maya-r\"\nat = \"2026-11-25T10:15:00-05:00\"\n\
                    note = \"building a robot\"\nplace = \"library\"\n";
        let connection: Connection = toml::from_str(text).unwrap();
        assert_eq!(connection.extra["place"].as_str(), Some("library"));
        let again: Connection = toml::from_str(&toml::to_string(&connection).unwrap()).unwrap();
        assert_eq!(again, connection);
    }

    #[test]
    fn find_prefers_ids_then_names_then_word_starts_then_fuzzy() {
        let mut people = roster(&[
            ("Maya Robinson", Some("5B")),
            ("Maya Lee", Some("6A")),
            ("Mayank Shah", Some("5B")),
            ("Sam Ortiz", Some("Staff")),
            ("Sam", Some("7C")),
            ("Old Name", None),
        ]);
        people[5].archived = true;
        let name = |lookup: Lookup<&Person>| match lookup {
            Lookup::Found(person) => person.name.clone(),
            other => panic!("{other:?}"),
        };
        assert_eq!(name(find(&people, "maya-lee")), "Maya Lee");
        assert_eq!(name(find(&people, "sam")), "Sam", "the exact name wins");
        assert_eq!(name(find(&people, "maya 5b")), "Maya Robinson");
        assert_eq!(name(find(&people, "rob")), "Maya Robinson");
        assert_eq!(name(find(&people, "mayan")), "Mayank Shah");
        assert_eq!(name(find(&people, "mylee")), "Maya Lee", "fuzzy");
        match find(&people, "maya") {
            Lookup::Ambiguous(fits) => {
                let names: Vec<&str> = fits.iter().map(|p| p.name.as_str()).collect();
                assert_eq!(names, ["Maya Robinson", "Maya Lee"], "whole words first");
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(find(&people, "old name"), Lookup::NotFound, "archived");
        assert_eq!(pick_text(&people, &people[0]), "maya-robinson");
        assert_eq!(find(&people, "zz"), Lookup::NotFound);
        assert_eq!(find(&people, "  "), Lookup::NotFound);
    }

    #[test]
    fn an_id_that_is_also_someone_elses_name_is_ambiguous_in_any_case() {
        let people = roster(&[("Sam", Some("5B")), ("Sam", Some("5C")), ("Ana", None)]);
        assert_eq!(
            (people[0].id.as_str(), people[1].id.as_str()),
            ("sam", "sam-2")
        );
        for query in ["sam", "Sam", "SAM", " sam "] {
            match find(&people, query) {
                Lookup::Ambiguous(fits) => {
                    let ids: Vec<&str> = fits.iter().map(|p| p.id.as_str()).collect();
                    assert_eq!(ids, ["sam", "sam-2"], "{query}");
                }
                other => panic!("{query}: {other:?}"),
            }
        }
        let id = |lookup: Lookup<&Person>| match lookup {
            Lookup::Found(person) => person.id.clone(),
            other => panic!("{other:?}"),
        };
        assert_eq!(id(find(&people, "sam-2")), "sam-2");
        assert_eq!(id(find(&people, "sam 5b")), "sam");
        assert_eq!(id(find(&people, "ana")), "ana", "an id alone still wins");
        // What to type for each: the id cannot pick Sam (5B), the group can.
        assert_eq!(pick_text(&people, &people[0]), "sam 5b");
        assert_eq!(pick_text(&people, &people[1]), "sam-2");
    }
}
