//! The fuzzy person picker's index: typed letters to the people they most likely mean,
//! fast enough to rank a roster of thousands on every keystroke.
//!
//! Each query word must match (skim's fuzzy algorithm) the person's name or group, so
//! `maya 5b` narrows the Mayas to grade 5B. Only the candidates that will be shown pay
//! for match positions; the rest are scored without them.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::person::Person;

/// One person the query matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonMatch {
    /// The person's index in the slice the index was built from.
    pub person: usize,
    pub score: i64,
    /// Character positions in the person's name that matched, for highlighting.
    pub positions: Vec<usize>,
}

/// The current (not archived) people of a roster, prepared for ranking. Build it once
/// when the roster loads or changes, then search it per keystroke.
pub struct PersonIndex {
    candidates: Vec<Candidate>,
    matcher: SkimMatcherV2,
}

struct Candidate {
    person: usize,
    /// `name group`: what a query is matched against.
    haystack: String,
    /// How many characters of `haystack` are the name.
    name_chars: usize,
    /// Lower-case name, to order equal scores alphabetically.
    sort_name: String,
}

impl PersonIndex {
    pub fn new(people: &[Person]) -> PersonIndex {
        let candidates = people
            .iter()
            .enumerate()
            .filter(|(_, person)| !person.archived)
            .map(|(index, person)| {
                let mut haystack = person.name.clone();
                if let Some(group) = &person.group {
                    haystack.push(' ');
                    haystack.push_str(group);
                }
                Candidate {
                    person: index,
                    haystack,
                    name_chars: person.name.chars().count(),
                    sort_name: person.name.to_lowercase(),
                }
            })
            .collect();
        PersonIndex {
            candidates,
            // Lower-case letters match either case; a capital asks for a capital.
            matcher: SkimMatcherV2::default().smart_case(),
        }
    }

    /// How many people can be picked.
    pub fn len(&self) -> usize {
        self.candidates.len()
    }

    pub fn is_empty(&self) -> bool {
        self.candidates.is_empty()
    }

    /// The best `limit` matches for `query`, best first; equal scores in name order.
    /// An empty query lists everyone in name order.
    pub fn search(&self, query: &str, limit: usize) -> Vec<PersonMatch> {
        let words: Vec<&str> = query.split_whitespace().collect();
        let mut scored: Vec<(i64, &Candidate)> = self
            .candidates
            .iter()
            .filter_map(|candidate| {
                let mut total = 0;
                for word in &words {
                    total += self.matcher.fuzzy_match(&candidate.haystack, word)?;
                }
                Some((total, candidate))
            })
            .collect();
        let order = |a: &(i64, &Candidate), b: &(i64, &Candidate)| {
            b.0.cmp(&a.0)
                .then_with(|| a.1.sort_name.cmp(&b.1.sort_name))
                .then(a.1.person.cmp(&b.1.person))
        };
        // Only the shown few need a full sort.
        if scored.len() > limit && limit > 0 {
            scored.select_nth_unstable_by(limit - 1, order);
        }
        scored.truncate(limit);
        scored.sort_unstable_by(order);
        scored
            .into_iter()
            .map(|(score, candidate)| PersonMatch {
                person: candidate.person,
                score,
                positions: self.name_positions(candidate, &words),
            })
            .collect()
    }

    /// Where the query words fell inside the name (matches in the group are not shown).
    fn name_positions(&self, candidate: &Candidate, words: &[&str]) -> Vec<usize> {
        let mut positions: Vec<usize> = words
            .iter()
            .filter_map(|word| self.matcher.fuzzy_indices(&candidate.haystack, word))
            .flat_map(|(_, positions)| positions)
            .filter(|&position| position < candidate.name_chars)
            .collect();
        positions.sort_unstable();
        positions.dedup();
        positions
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::person::Role;

    fn people() -> Vec<Person> {
        let mut people: Vec<Person> = Vec::new();
        for (name, group) in [
            ("Maya Robinson", Some("5B")),
            ("Amaya Lee", Some("6A")),
            ("Marcus Young", None),
            ("Maya Robinson", Some("6A")),
            ("Zed", Some("5B")),
        ] {
            let person = Person::new(&people, name, group, Role::Student);
            people.push(person);
        }
        people[4].archived = true;
        people
    }

    #[test]
    fn ranks_by_fit_and_shows_where_the_name_matched() {
        let people = people();
        let index = PersonIndex::new(&people);
        assert_eq!(index.len(), 4, "archived people are not offered");
        let found = index.search("maya", 10);
        let names: Vec<&str> = found
            .iter()
            .map(|m| people[m.person].name.as_str())
            .collect();
        assert_eq!(names[..2], ["Maya Robinson", "Maya Robinson"]);
        assert!(names.contains(&"Amaya Lee"));
        assert_eq!(found[0].positions, vec![0, 1, 2, 3]);
    }

    #[test]
    fn a_second_word_can_name_the_group() {
        let people = people();
        let index = PersonIndex::new(&people);
        let found = index.search("maya 6a", 10);
        let labels: Vec<String> = found.iter().map(|m| people[m.person].label()).collect();
        assert_eq!(labels[0], "Maya Robinson (6A)");
        assert!(!labels.contains(&"Maya Robinson (5B)".to_string()));
        // A match in the group is not highlighted in the name.
        assert!(
            found[0]
                .positions
                .iter()
                .all(|&p| p < "Maya Robinson".len())
        );
    }

    #[test]
    fn limits_keep_the_best_and_empty_queries_list_by_name() {
        let people = people();
        let index = PersonIndex::new(&people);
        assert_eq!(index.search("maya", 1).len(), 1);
        assert_eq!(index.search("maya", 0).len(), 0);
        let all: Vec<&str> = index
            .search("", 10)
            .iter()
            .map(|m| people[m.person].name.as_str())
            .collect();
        assert_eq!(
            all,
            [
                "Amaya Lee",
                "Marcus Young",
                "Maya Robinson",
                "Maya Robinson"
            ]
        );
        assert!(index.search("qqq", 10).is_empty());
    }
}
