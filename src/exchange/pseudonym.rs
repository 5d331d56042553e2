//! Stable pseudonyms for the people on the roster: "Student A", "Staff B", ...
//!
//! Letters are given per role in roster order (the order people were added), so the
//! same student is "Student A" in every export as long as the roster keeps its order,
//! and a mentor can follow one person across meetings without learning who it is.
//!
//! People are found as leaders write them:
//!
//! - the whole name, in any case, with or without the title the roster gives it:
//!   "Maya Rodriguez", "maya rodriguez", "MAYA RODRIGUEZ", "Anand Patel" for "Mr. Anand
//!   Patel" (a name ending in an initial, "Malik J.", also without its full stop);
//! - the first name alone, possessive included, in any case: "Maya", "Maya's", "maya".
//!   A first name that is also an ordinary word ([`NAME_WORDS`]: "Will", "Grace",
//!   "May") is only a name when capitalised: "Will" is a person, "will" is a verb. The
//!   price is that such a word starting a sentence ("Will you come?") is replaced
//!   too: a name left in is worse than a word taken out;
//! - for staff, family and others (not students, whose surname would point at their
//!   family), the surname after a title: "Ms. Ortiz", "Ms Ortiz", "Mr. Ortiz",
//!   "Dr Ortiz", whether the roster says "Maria Ortiz" or "Ms. Ortiz", and the surname
//!   alone when capitalised ("Ortiz", "Patel's"), unless a student has it too;
//! - without regard to accents: "Zoe Alvarez" is "Zoë Álvarez", and the other way round;
//! - a name written as a tag (`#maya`, `#jordan-lee`, in any case) becomes a tag
//!   (`#student-a`).
//!
//! When one spelling stands for several people (two students called Maya, or two
//! people of the same full name), it is not guessed: it becomes all their
//! pseudonyms, "Student A or B" ("Student A or Staff A" across roles), or "one of 5
//! students" when more than three share it, which names nobody. Parts of words stay ("Mayanna"), and names shorter than two letters are
//! left alone: a roster entry "J" would otherwise swallow every lone "j".
//!
//! Why Aho-Corasick: ten years of entries are 1.7 million words and a roster holds
//! hundreds of names; one automaton pass over the text finds every name at once.

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::domain::person::{Person, Role, tidy};

/// Titles written before a surname, without their full stop.
const TITLES: [&str; 8] = ["Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Coach"];

/// Replaces roster names with pseudonyms. Cheap to build; build once per export.
#[derive(Debug, Clone, Default)]
pub struct Pseudonyms {
    /// `None` when there is nothing to replace.
    automaton: Option<AhoCorasick>,
    /// Per pattern, what it stands for.
    patterns: Vec<Pattern>,
    /// "Student A" (or "Student A or B"), as written in text.
    labels: Vec<String>,
    /// "student-a" (or "student-a-or-b"), as written in a tag.
    tag_labels: Vec<String>,
}

#[derive(Debug, Clone, Copy)]
struct Pattern {
    /// Index into `labels`.
    label: usize,
    /// A single word (a first name, a one-word name): only a name when capitalised,
    /// except in a tag.
    word: bool,
}

/// A spelling and everyone it may stand for, while the roster is read.
struct Spelling {
    text: String,
    word: bool,
    people: BTreeSet<usize>,
}

impl Pseudonyms {
    /// Pseudonyms for `people`, given as (name, role) in roster order.
    pub fn new<'a>(people: impl IntoIterator<Item = (&'a str, Role)>) -> Pseudonyms {
        let people: Vec<(String, Role)> = people
            .into_iter()
            .map(|(name, role)| (tidy(name), role))
            .collect();
        // A surname a student has stays out of "Patel" alone: it may be the
        // student's family as much as the member of staff.
        let student_surnames: Vec<String> = people
            .iter()
            .filter(|(_, role)| *role == Role::Student)
            .filter_map(|(name, _)| surname_of(name))
            .map(|surname| fold(surname).to_lowercase())
            .collect();
        let mut next_letter: HashMap<Role, usize> = HashMap::new();
        // Per person: (role word, letters).
        let mut persons: Vec<(&'static str, String)> = Vec::new();
        let mut spellings: Vec<Spelling> = Vec::new();
        let mut by_text: HashMap<String, usize> = HashMap::new();
        for (name, role) in people {
            if letter_count(&name) < 2 {
                continue;
            }
            let number = next_letter.entry(role).or_default();
            let person = persons.len();
            persons.push((role_word(role), letters(*number)));
            *number += 1;
            for (text, word) in ways_of_writing(&name, role, &student_surnames) {
                // The automaton folds ASCII case, and both spellings and text are
                // searched without accents: spellings differing only so are one.
                let key = text.to_ascii_lowercase();
                let at = *by_text.entry(key).or_insert_with(|| {
                    spellings.push(Spelling {
                        text,
                        word,
                        people: BTreeSet::new(),
                    });
                    spellings.len() - 1
                });
                // A spelling that is also someone's whole name of several words is
                // matched in any case; a word only when capitalised.
                spellings[at].word &= word;
                spellings[at].people.insert(person);
            }
        }
        let mut pseudonyms = Pseudonyms::default();
        let mut label_of: HashMap<Vec<usize>, usize> = HashMap::new();
        let mut texts = Vec::with_capacity(spellings.len());
        for spelling in spellings {
            let who: Vec<usize> = spelling.people.into_iter().collect();
            let label = *label_of.entry(who.clone()).or_insert_with(|| {
                let label = label_for(&who, &persons);
                pseudonyms.tag_labels.push(tag_form(&label));
                pseudonyms.labels.push(label);
                pseudonyms.labels.len() - 1
            });
            pseudonyms.patterns.push(Pattern {
                label,
                word: spelling.word,
            });
            texts.push(spelling.text);
        }
        if !texts.is_empty() {
            // A DFA: more memory than the default, but it scans ten years of text
            // several times faster, and a roster of hundreds of names is small.
            pseudonyms.automaton = AhoCorasickBuilder::new()
                .kind(Some(AhoCorasickKind::DFA))
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::Standard)
                .build(&texts)
                .ok();
        }
        pseudonyms
    }

    /// Pseudonyms for the roster, archived people included: their names are still in
    /// older entries.
    pub fn from_roster(people: &[Person]) -> Pseudonyms {
        Pseudonyms::new(
            people
                .iter()
                .map(|person| (person.name.as_str(), person.role)),
        )
    }

    /// Whether any name would be replaced at all.
    pub fn is_empty(&self) -> bool {
        self.automaton.is_none()
    }

    /// `text` with every roster name replaced; borrowed when nothing changed.
    pub fn apply<'a>(&self, text: &'a str) -> Cow<'a, str> {
        self.replace(text, false)
    }

    /// An explicit tag (or an id made like one) with a roster name in it, in tag form:
    /// `maya` -> `student-a`, `lunch-with-jordan-lee` -> `lunch-with-student-b`. Any
    /// case counts here: tags are lowercase.
    pub fn apply_tag<'a>(&self, tag: &'a str) -> Cow<'a, str> {
        self.replace(tag, true)
    }

    fn replace<'a>(&self, text: &'a str, as_tag: bool) -> Cow<'a, str> {
        let Some(automaton) = &self.automaton else {
            return Cow::Borrowed(text);
        };
        // Every place a spelling is found that really is a name there, then the
        // leftmost, longest of those that do not overlap.
        // Accents are folded away ("Zoë" is searched as "Zoe"); the offsets found in
        // the folded text are mapped back to `text`.
        let folded = fold_with_offsets(text);
        let (haystack, offsets) = match &folded {
            Some((haystack, offsets)) => (haystack.as_str(), Some(offsets)),
            None => (text, None),
        };
        let mut found: Vec<(usize, usize, usize)> = automaton
            .find_overlapping_iter(haystack)
            .filter_map(|found| {
                let (start, end) = match offsets {
                    Some(offsets) => (offsets[found.start()], offsets[found.end()]),
                    None => (found.start(), found.end()),
                };
                let pattern = self.patterns[found.pattern().as_usize()];
                let in_tag = as_tag || text[..start].ends_with('#');
                let name_here = is_whole_word(text, start, end)
                    && (in_tag || !pattern.word || !starts_lowercase(&text[start..end]));
                name_here.then_some((start, end, pattern.label))
            })
            .collect();
        if found.is_empty() {
            return Cow::Borrowed(text);
        }
        found.sort_by_key(|&(start, end, _)| (start, std::cmp::Reverse(end)));
        let mut out = String::with_capacity(text.len());
        let mut copied = 0;
        for (start, end, label) in found {
            if start < copied {
                continue;
            }
            out.push_str(&text[copied..start]);
            let in_tag = as_tag || text[..start].ends_with('#');
            let label = if in_tag {
                &self.tag_labels[label]
            } else {
                &self.labels[label]
            };
            out.push_str(label);
            copied = end;
            // "one of 4 students's" reads as "one of 4 students'".
            if !in_tag && label.ends_with('s') {
                for apostrophe in ["'", "’"] {
                    let possessive = format!("{apostrophe}s");
                    if text[end..].starts_with(&possessive)
                        && is_whole_word(text, end + apostrophe.len(), end + possessive.len())
                    {
                        out.push_str(apostrophe);
                        copied = end + possessive.len();
                    }
                }
            }
        }
        out.push_str(&text[copied..]);
        Cow::Owned(out)
    }
}

fn role_word(role: Role) -> &'static str {
    match role {
        Role::Student => "Student",
        Role::Staff => "Staff",
        Role::Family => "Family",
        Role::Other => "Person",
    }
}

/// "Student A" for one person; "Student A or B", "Student A, B or C" or "Student A or
/// Staff B" for a spelling two or three people share, and "one of 5 students" (or "one
/// of 5 people" across roles) for more, where a list of letters would only be noise.
fn label_for(who: &[usize], persons: &[(&'static str, String)]) -> String {
    if who.len() > 3 {
        let role = persons[who[0]].0;
        let same = who.iter().all(|&person| persons[person].0 == role);
        let plural = match role {
            _ if !same => "people",
            "Student" => "students",
            "Staff" => "staff",
            "Family" => "family members",
            _ => "people",
        };
        return format!("one of {} {plural}", who.len());
    }
    let mut parts: Vec<String> = Vec::new();
    let mut last_role = "";
    for &person in who {
        let (role, letters) = &persons[person];
        if *role == last_role {
            parts.push(letters.clone());
        } else {
            parts.push(format!("{role} {letters}"));
            last_role = role;
        }
    }
    match parts.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => parts.concat(),
    }
}

/// "Student A or B" -> "student-a-or-b".
fn tag_form(label: &str) -> String {
    label
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join("-")
        .to_lowercase()
}

/// A, B, ..., Z, AA, AB, ...: as spreadsheet columns, so there is no end to them.
fn letters(number: usize) -> String {
    let mut number = number + 1;
    let mut out = Vec::new();
    while number > 0 {
        let rest = (number - 1) % 26;
        out.push(b'A' + rest as u8);
        number = (number - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).expect("ASCII letters")
}

fn letter_count(text: &str) -> usize {
    text.chars().filter(|c| c.is_alphanumeric()).count()
}

fn is_title(word: &str) -> bool {
    let word = word.trim_end_matches('.');
    TITLES.iter().any(|title| title.eq_ignore_ascii_case(word))
}

/// Words around a name that are not the name: "The Nguyen family" is "Nguyen".
const NOT_NAMES: [&str; 8] = [
    "the",
    "a",
    "an",
    "family",
    "families",
    "parents",
    "household",
    "team",
];

fn is_not_name(word: &str) -> bool {
    NOT_NAMES
        .iter()
        .any(|other| other.eq_ignore_ascii_case(word))
}

/// The words of a roster name that are the name: without the titles before it
/// ("Mr. Anand Patel" is "Anand Patel") and words like "the" and "family" ("The
/// Nguyen family" is "Nguyen").
fn name_words(name: &str) -> Vec<&str> {
    name.split(' ')
        .skip_while(|word| is_title(word))
        .filter(|word| !is_not_name(word))
        .collect()
}

/// The surname of a roster name of two words or more ("Patel" of "Mr. Anand
/// Patel"), if it is one worth looking for.
fn surname_of(name: &str) -> Option<&str> {
    let words = name_words(name);
    let surname = words.last()?.trim_end_matches('.');
    (words.len() >= 2 && letter_count(surname) >= 2 && !is_title(surname)).then_some(surname)
}

/// First names that are also ordinary English words: only a name when capitalised
/// ("Will agreed", not "I will"). Other first names are found in any case.
const NAME_WORDS: &[&str] = &[
    "ace", "amber", "angel", "april", "art", "august", "autumn", "bill", "bob", "brook", "buck",
    "bud", "candy", "carol", "cash", "chase", "chip", "cole", "crystal", "daisy", "dale", "dawn",
    "destiny", "dot", "drew", "duke", "dusty", "earl", "eve", "faith", "frank", "ginger", "glen",
    "grace", "grant", "guy", "harmony", "harry", "hazel", "heather", "holly", "honey", "hope",
    "hunter", "iris", "ivy", "jack", "jade", "jay", "jewel", "joy", "june", "justice", "king",
    "kit", "lane", "lily", "major", "mark", "mason", "max", "may", "mercy", "miles", "misty",
    "nick", "olive", "pat", "patience", "pearl", "peg", "penny", "pepper", "precious", "prince",
    "rain", "ray", "reed", "rich", "river", "rob", "robin", "rocky", "rod", "rose", "ruby",
    "rusty", "sage", "sally", "sandy", "sky", "sol", "star", "sterling", "stone", "storm", "sue",
    "summer", "sunny", "tucker", "violet", "will", "winter", "wren",
];

/// Whether a first name is also a word, and so only a name when capitalised.
fn is_name_word(name: &str) -> bool {
    let name = fold(name).to_lowercase();
    NAME_WORDS.contains(&name.as_str())
}

/// Every way `name` (tidied) is looked for, each with whether it is a word (only a
/// name when capitalised). `student_surnames` (folded, lowercase) are not looked for
/// alone.
fn ways_of_writing(name: &str, role: Role, student_surnames: &[String]) -> Vec<(String, bool)> {
    let all: Vec<&str> = name.split(' ').collect();
    let mut ways: Vec<(String, bool)> = Vec::new();
    let mut add = |text: String, word: bool| {
        for variant in spellings(&text) {
            if !ways.iter().any(|(known, _)| *known == variant) {
                ways.push((variant, word));
            }
        }
    };
    add(name.to_string(), all.len() == 1 && is_name_word(name));
    if all.len() > 1 && name.ends_with('.') {
        // "Malik J." is also written "Malik J".
        add(name.trim_end_matches('.').to_string(), false);
    }
    if all.len() == 1 {
        return ways;
    }
    let words = name_words(name);
    if words.len() >= 2 && words.len() < all.len() {
        // "Mr. Anand Patel" is also written "Anand Patel".
        add(words.join(" "), false);
    }
    match words.as_slice() {
        [] => {}
        [only] => {
            // "Ms. Ortiz" is also "Ortiz", "Coach Dana" also "Dana", "The Nguyen
            // family" also "Nguyen": a surname, so only when capitalised.
            if letter_count(only) >= 2 && !is_title(only) {
                add(only.trim_end_matches('.').to_string(), true);
            }
        }
        [first, ..] => {
            if letter_count(first) >= 2 {
                // A first name: "Malik" of "Malik J.", "Anand" of "Mr. Anand Patel".
                add(first.to_string(), is_name_word(first));
            }
        }
    }
    if role != Role::Student
        && let Some(surname) = surname_of(name)
    {
        // "Patel" and "Patel's" alone, capitalised, for staff and family, unless a
        // student has that surname too.
        let key = fold(surname).to_lowercase();
        if !student_surnames.contains(&key) {
            add(surname.to_string(), true);
        }
    }
    let surname = words.last().map(|last| last.trim_end_matches('.'));
    if role != Role::Student
        && let Some(surname) = surname.filter(|s| letter_count(s) >= 2 && !is_title(s))
    {
        for title in TITLES {
            add(format!("{title}. {surname}"), false);
            add(format!("{title} {surname}"), false);
        }
    }
    ways
}

/// The spellings to search for. The automaton folds ASCII case only, so a name with
/// other letters ("Élodie") is also searched in lower, upper and title case. A name of
/// several words is also searched as a tag would spell it (`jordan-lee`).
fn spellings(name: &str) -> Vec<String> {
    let mut variants = vec![name.to_string()];
    let as_tag = tag_form(name);
    if as_tag.contains('-') {
        variants.push(as_tag);
    }
    if !name.is_ascii() {
        let title: String = name
            .split(' ')
            .map(|word| {
                let mut chars = word.chars();
                match chars.next() {
                    Some(first) => first
                        .to_uppercase()
                        .chain(chars.flat_map(char::to_lowercase))
                        .collect(),
                    None => String::new(),
                }
            })
            .collect::<Vec<_>>()
            .join(" ");
        for variant in [name.to_lowercase(), name.to_uppercase(), title] {
            if !variants.contains(&variant) {
                variants.push(variant);
            }
        }
    }
    // The text is searched with its accents folded away, so the names are too.
    let mut folded: Vec<String> = Vec::with_capacity(variants.len());
    for variant in variants {
        let variant = fold(&variant).into_owned();
        if !folded.contains(&variant) {
            folded.push(variant);
        }
    }
    folded
}

/// Latin letters with accents, and the letter each is read as: "Zoë Álvarez" is
/// found as "Zoe Alvarez" and the other way round.
const FOLD_FROM: &str = "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöøùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĦħĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŁłŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǦǧǨǩǪǫǬǭǰǴǵǸǹǺǻȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳ";
const FOLD_TO: &str = "AAAAAACEEEEIIIINOOOOOOUUUUYaaaaaaceeeeiiiinoooooouuuuyyAaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIJjKkLlLlLlLlNnNnNnOoOoOoRrRrRrSsSsSsSsTtTtUuUuUuUuUuUuWwYyYZzZzZzOoUuAaIiOoUuUuUuUuUuAaAaGgKkOoOojGgNnAaAaAaEeEeIiIiOoOoRrRrUuUuSsTtHhAaEeOoOoOoOoYy";

fn fold_char(c: char) -> char {
    // Every letter in the table is in Latin-1 Supplement to Latin Extended-B.
    if !('\u{C0}'..='\u{24F}').contains(&c) {
        return c;
    }
    FOLD_FROM
        .chars()
        .position(|from| from == c)
        .map_or(c, |at| char::from(FOLD_TO.as_bytes()[at]))
}

/// `text` with its accents folded away; borrowed when there are none.
fn fold(text: &str) -> Cow<'_, str> {
    if text.chars().all(|c| fold_char(c) == c) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().map(fold_char).collect())
    }
}

/// `text` with its accents folded away, and for each byte of it (and its end) the
/// offset in `text` it came from; `None` when nothing is folded.
fn fold_with_offsets(text: &str) -> Option<(String, Vec<usize>)> {
    if text.is_ascii() || text.chars().all(|c| fold_char(c) == c) {
        return None;
    }
    let mut folded = String::with_capacity(text.len());
    let mut offsets = Vec::with_capacity(text.len() + 1);
    for (at, c) in text.char_indices() {
        let c = fold_char(c);
        folded.push(c);
        offsets.extend(std::iter::repeat_n(at, c.len_utf8()));
    }
    offsets.push(text.len());
    Some((folded, offsets))
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    before.is_none_or(|c| !is_word_char(c)) && after.is_none_or(|c| !is_word_char(c))
}

/// "will", not "Will" or "WILL" (nor a name in a script without case).
fn starts_lowercase(found: &str) -> bool {
    found.chars().next().is_some_and(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roster() -> Pseudonyms {
        Pseudonyms::new([
            ("Maya Rodriguez", Role::Student),
            ("Mr. Okafor", Role::Staff),
            ("Élodie Brun", Role::Student),
            ("J", Role::Student),
            ("Ms Lee", Role::Family),
        ])
    }

    fn school() -> Pseudonyms {
        Pseudonyms::new([
            ("Malik J.", Role::Student),
            ("Jonah K.", Role::Student),
            ("Leo M.", Role::Student),
            ("Maria Ortiz", Role::Staff),
            ("Will Turner", Role::Student),
            ("Grace Hopper", Role::Staff),
        ])
    }

    #[test]
    fn whole_names_in_any_case_become_pseudonyms() {
        let names = roster();
        assert_eq!(
            names.apply("maya rodriguez told MR. OKAFOR about Maya's idea"),
            "Student A told Staff A about Student A's idea"
        );
        assert_eq!(
            names.apply("ÉLODIE BRUN and élodie brun"),
            "Student B and Student B"
        );
        assert_eq!(names.apply("Ms Lee came"), "Family A came");
    }

    #[test]
    fn first_names_possessives_and_titled_surnames_become_pseudonyms() {
        let names = school();
        let cases = [
            (
                "Listened to Malik for twenty minutes",
                "Listened to Student A for twenty minutes",
            ),
            ("Leo's grandmother came", "Student C's grandmother came"),
            ("Leo’s grandmother came", "Student C’s grandmother came"),
            (
                "Lunch with Jonah K. and Ms. Ortiz",
                "Lunch with Student B and Staff A",
            ),
            ("Malik J said no", "Student A said no"),
            ("MALIK shouted", "Student A shouted"),
            (
                "Mrs Ortiz, Dr. Ortiz and Maria",
                "Staff A, Staff A and Staff A",
            ),
            ("Élodie", "Élodie"),
        ];
        for (text, expected) in cases {
            assert_eq!(names.apply(text), expected, "{text}");
        }
    }

    #[test]
    fn first_names_that_are_words_stay_in_lowercase() {
        let names = school();
        assert_eq!(
            names.apply("I will say it with grace. Will agreed; Grace did not."),
            "I will say it with grace. Student D agreed; Staff B did not."
        );
        // In a tag, case does not matter.
        assert_eq!(names.apply("#will and #leo"), "#student-d and #student-c");
        assert_eq!(names.apply_tag("malik"), "student-a");
    }

    #[test]
    fn a_name_several_people_share_names_none_of_them() {
        let names = Pseudonyms::new([
            ("Maya Rodriguez", Role::Student),
            ("Maya Chen", Role::Student),
            ("Maya Park", Role::Staff),
            ("Sam Lee", Role::Student),
            ("Sam Lee", Role::Student),
            ("Ana", Role::Family),
            ("Ana Diaz", Role::Student),
        ]);
        assert_eq!(
            names.apply("Maya Chen and Maya Rodriguez, then Maya alone"),
            "Student B and Student A, then Student A, B or Staff A alone"
        );
        assert_eq!(
            names.apply("Sam Lee and Sam"),
            "Student C or D and Student C or D"
        );
        assert_eq!(
            names.apply("Ana and Ana Diaz"),
            "Family A or Student E and Student E"
        );
        assert_eq!(names.apply("#maya"), "#student-a-b-or-staff-a");
        let many = Pseudonyms::new([
            ("Ana Diaz", Role::Student),
            ("Ana Lee", Role::Student),
            ("Ana Park", Role::Student),
            ("Ana Cruz", Role::Student),
        ]);
        assert_eq!(many.apply("Ana's idea"), "one of 4 students' idea");
        assert_eq!(
            many.apply("Ana’s idea, Ana's"),
            "one of 4 students’ idea, one of 4 students'"
        );
        assert_eq!(many.apply("#ana"), "#one-of-4-students");
    }

    #[test]
    fn titles_articles_and_family_words_are_not_names() {
        let names = Pseudonyms::new([
            ("The Nguyen family", Role::Family),
            ("Ms. Ortiz", Role::Staff),
            ("Coach Dana", Role::Staff),
        ]);
        assert_eq!(
            names.apply("The bus was late. The Nguyen family came; Mrs. Nguyen spoke."),
            "The bus was late. Family A came; Family A spoke."
        );
        assert_eq!(
            names.apply("Ortiz and Dana ran it with Coach Dana."),
            "Staff A and Staff B ran it with Staff B."
        );
        assert_eq!(
            names.apply("Ms. and Mr. and Coach"),
            "Ms. and Mr. and Coach"
        );
    }

    #[test]
    fn a_student_surname_after_a_title_is_family_not_the_student() {
        // "Mr. Rodriguez" is more likely Maya's father than Maya: not replaced by her
        // pseudonym (put him on the roster to replace him).
        let names = roster();
        assert_eq!(names.apply("Mr. Rodriguez called"), "Mr. Rodriguez called");
    }

    #[test]
    fn parts_of_words_and_short_names_stay() {
        let names = roster();
        for text in ["Mayanna", "Mayan ruins", "j is a letter", "Xmaya", "maya_2"] {
            assert_eq!(names.apply(text), text, "{text}");
            assert!(matches!(names.apply(text), Cow::Borrowed(_)));
        }
        // A failed match inside a word does not hide a whole name after it.
        assert_eq!(names.apply("Mayanna and Maya"), "Mayanna and Student A");
        // Nor does a longer name that is not whole hide the first name in it.
        assert_eq!(school().apply("Malik Jones came"), "Student A Jones came");
    }

    #[test]
    fn names_in_tags_and_ids_stay_tags() {
        let names = roster();
        assert_eq!(names.apply("lunch with #maya"), "lunch with #student-a");
        assert_eq!(names.apply_tag("maya"), "student-a");
        assert_eq!(names.apply_tag("maya-rodriguez"), "student-a");
        assert_eq!(names.apply("#mr-okafor said"), "#staff-a said");
        assert_eq!(names.apply_tag("staff"), "staff");
        assert_eq!(
            school().apply_tag("lunch-with-jonah-k-and-ms-ortiz"),
            "lunch-with-student-b-and-staff-a"
        );
    }

    #[test]
    fn titled_roster_names_hide_first_names_and_surnames() {
        let names = Pseudonyms::new([
            ("Mr. Anand Patel", Role::Staff),
            ("Mrs. Ruth Ann Kim", Role::Family),
            ("Zoë Álvarez", Role::Student),
            ("Dr Lena Park", Role::Staff),
            ("Sam Park", Role::Student),
        ]);
        let cases = [
            (
                "Anand said hi. Mr. Patel too. Ruth called; Patel's class.",
                "Staff A said hi. Staff A too. Family A called; Staff A's class.",
            ),
            ("anand patel and Anand Patel", "Staff A and Staff A"),
            (
                "Ruth Ann Kim, Kim’s idea, Mrs Kim",
                "Family A, Family A’s idea, Family A",
            ),
            (
                "patel in lowercase is not a surname",
                "patel in lowercase is not a surname",
            ),
            ("Zoe Alvarez and zoe", "Student A and Student A"),
            (
                "ZOË, Zoë's and Álvarez",
                "Student A, Student A's and Álvarez",
            ),
            ("Dr. Park came; Lena too", "Staff B came; Staff B too"),
            // A surname a student shares is not taken for staff when written alone.
            ("Park said so", "Park said so"),
        ];
        for (text, expected) in cases {
            assert_eq!(names.apply(text), expected, "{text}");
        }
    }

    #[test]
    fn accented_text_finds_plain_roster_names() {
        let names = Pseudonyms::new([("Zoe Alvarez", Role::Student), ("Jose", Role::Staff)]);
        assert_eq!(
            names.apply("Zoë Álvarez met José — “José’s idea”."),
            "Student A met Staff A — “Staff A’s idea”."
        );
    }

    #[test]
    fn only_first_names_that_are_words_need_a_capital() {
        let names = Pseudonyms::new([
            ("Maya Rodriguez", Role::Student),
            ("Will Turner", Role::Student),
            ("Rose Diaz", Role::Staff),
            ("Anand", Role::Student),
        ]);
        let cases = [
            ("maya said hi", "Student A said hi"),
            ("talked to anand", "talked to Student C"),
            ("we will plant a rose", "we will plant a rose"),
            ("Will and Rose came", "Student B and Staff A came"),
            ("will turner came", "Student B came"),
        ];
        for (text, expected) in cases {
            assert_eq!(names.apply(text), expected, "{text}");
        }
    }

    #[test]
    fn letters_go_on_past_z() {
        assert_eq!(letters(0), "A");
        assert_eq!(letters(25), "Z");
        assert_eq!(letters(26), "AA");
        assert_eq!(letters(27), "AB");
        assert_eq!(letters(26 * 27), "AAA");
    }

    #[test]
    fn an_empty_roster_changes_nothing() {
        let none = Pseudonyms::new([]);
        assert!(none.is_empty());
        assert!(matches!(none.apply("Maya"), Cow::Borrowed("Maya")));
    }
}
