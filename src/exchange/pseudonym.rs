//! Stable pseudonyms for the people on the roster: "Student A", "Staff B", ...
//!
//! Letters are given per role in roster order (the order people were added), so the
//! same student is "Student A" in every export as long as the roster keeps its order,
//! and a mentor can follow one person across meetings without learning who it is.
//!
//! Only whole names are replaced, in any case: "maya rodriguez" and "MAYA RODRIGUEZ"
//! are, "Mayanna" is not. A name written as a tag (`#maya`) becomes a tag
//! (`#student-a`). Names shorter than two letters are left alone: a roster entry "J"
//! would otherwise swallow every lone "j".
//!
//! Why Aho-Corasick: ten years of entries are 1.7 million words and a roster holds
//! hundreds of names; one automaton pass over the text finds every name at once.

use std::borrow::Cow;
use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Input, MatchKind};

use crate::domain::person::{Person, Role, tidy};

/// Replaces roster names with pseudonyms. Cheap to build; build once per export.
#[derive(Debug, Clone, Default)]
pub struct Pseudonyms {
    /// `None` when there is nothing to replace.
    automaton: Option<AhoCorasick>,
    /// Per pattern, the index of its pseudonym in `labels`.
    pattern_label: Vec<usize>,
    /// "Student A", as written in text.
    labels: Vec<String>,
    /// "student-a", as written in a tag.
    tag_labels: Vec<String>,
}

impl Pseudonyms {
    /// Pseudonyms for `people`, given as (name, role) in roster order.
    pub fn new<'a>(people: impl IntoIterator<Item = (&'a str, Role)>) -> Pseudonyms {
        let mut next_letter: HashMap<Role, usize> = HashMap::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut pseudonyms = Pseudonyms::default();
        for (name, role) in people {
            let name = tidy(name);
            if name.chars().filter(|c| c.is_alphanumeric()).count() < 2 {
                continue;
            }
            // Two people of one name cannot be told apart in the text: the first one's
            // pseudonym stands for both.
            let key = name.to_lowercase();
            if seen.contains_key(&key) {
                continue;
            }
            let number = next_letter.entry(role).or_default();
            let label = format!("{} {}", role_word(role), letters(*number));
            *number += 1;
            let index = pseudonyms.labels.len();
            seen.insert(key, index);
            pseudonyms
                .tag_labels
                .push(label.to_lowercase().replace(' ', "-"));
            pseudonyms.labels.push(label);
            for variant in spellings(&name) {
                if !patterns.contains(&variant) {
                    patterns.push(variant);
                    pseudonyms.pattern_label.push(index);
                }
            }
        }
        if !patterns.is_empty() {
            // A DFA: more memory than the default, but it scans ten years of text
            // several times faster, and a roster of hundreds of names is small.
            pseudonyms.automaton = AhoCorasickBuilder::new()
                .kind(Some(AhoCorasickKind::DFA))
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                .build(&patterns)
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

    /// `text` with every whole roster name replaced; borrowed when nothing changed.
    pub fn apply<'a>(&self, text: &'a str) -> Cow<'a, str> {
        let Some(automaton) = &self.automaton else {
            return Cow::Borrowed(text);
        };
        let mut out = String::new();
        let mut copied = 0;
        let mut at = 0;
        while at < text.len() {
            let Some(found) = automaton.find(Input::new(text).span(at..text.len())) else {
                break;
            };
            let (start, end) = (found.start(), found.end());
            if !is_whole_word(text, start, end) {
                // A name inside a longer word; a whole name may still start further on.
                at = next_char(text, start);
                continue;
            }
            let label = self.pattern_label[found.pattern().as_usize()];
            out.push_str(&text[copied..start]);
            let in_tag = text[..start].ends_with('#');
            out.push_str(if in_tag {
                &self.tag_labels[label]
            } else {
                &self.labels[label]
            });
            copied = end;
            at = end;
        }
        if copied == 0 {
            return Cow::Borrowed(text);
        }
        out.push_str(&text[copied..]);
        Cow::Owned(out)
    }

    /// An explicit tag with a roster name in it, in tag form (`maya` -> `student-a`).
    pub fn apply_tag<'a>(&self, tag: &'a str) -> Cow<'a, str> {
        match self.apply(tag) {
            Cow::Borrowed(tag) => Cow::Borrowed(tag),
            Cow::Owned(changed) => Cow::Owned(changed.to_lowercase().replace(' ', "-")),
        }
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

/// The spellings to search for. The automaton folds ASCII case only, so a name with
/// other letters ("Élodie") is also searched in lower, upper and title case. A name of
/// several words is also searched as a tag would spell it (`jordan-lee`).
fn spellings(name: &str) -> Vec<String> {
    let mut variants = vec![name.to_string()];
    let as_tag = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join("-")
        .to_lowercase();
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
    variants
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    before.is_none_or(|c| !is_word_char(c)) && after.is_none_or(|c| !is_word_char(c))
}

fn next_char(text: &str, at: usize) -> usize {
    text[at..]
        .chars()
        .next()
        .map_or(text.len(), |c| at + c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roster() -> Pseudonyms {
        Pseudonyms::new([
            ("Maya Rodriguez", Role::Student),
            ("Mr. Okafor", Role::Staff),
            ("Maya", Role::Student),
            ("Élodie Brun", Role::Student),
            ("J", Role::Student),
            ("Ms Lee", Role::Family),
        ])
    }

    #[test]
    fn whole_names_in_any_case_become_pseudonyms() {
        let names = roster();
        assert_eq!(
            names.apply("maya rodriguez told MR. OKAFOR about Maya's idea"),
            "Student A told Staff A about Student B's idea"
        );
        assert_eq!(
            names.apply("ÉLODIE BRUN and élodie brun"),
            "Student C and Student C"
        );
        assert_eq!(names.apply("Ms Lee came"), "Family A came");
    }

    #[test]
    fn parts_of_words_and_short_names_stay() {
        let names = roster();
        for text in ["Mayanna", "Mayan ruins", "j is a letter", "Xmaya", "maya_2"] {
            assert_eq!(names.apply(text), text, "{text}");
            assert!(matches!(names.apply(text), Cow::Borrowed(_)));
        }
        // A failed match inside a word does not hide a whole name after it.
        assert_eq!(names.apply("Mayanna and Maya"), "Mayanna and Student B");
    }

    #[test]
    fn names_in_tags_stay_tags() {
        let names = roster();
        assert_eq!(names.apply("lunch with #maya"), "lunch with #student-b");
        assert_eq!(names.apply_tag("maya"), "student-b");
        assert_eq!(names.apply_tag("maya-rodriguez"), "student-a");
        assert_eq!(names.apply("#mr-okafor said"), "#staff-a said");
        assert_eq!(names.apply_tag("staff"), "staff");
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
