//! Ranking text against what a person types: fuzzy by default (skim's algorithm),
//! exact phrase when the query is in double quotes.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// One candidate that matched, with where, for highlighting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    /// The candidate's index in the input.
    pub index: usize,
    pub score: i64,
    /// Character positions in the candidate that matched.
    pub positions: Vec<usize>,
}

/// A query, parsed once and used against many candidates.
pub struct Query {
    kind: QueryKind,
    matcher: SkimMatcherV2,
}

enum QueryKind {
    All,
    Fuzzy(String),
    /// Lower-cased phrase, matched as a whole.
    Phrase(String),
}

impl Query {
    pub fn new(text: &str) -> Query {
        let trimmed = text.trim();
        let kind = if trimmed.is_empty() {
            QueryKind::All
        } else if let Some(phrase) = trimmed
            .strip_prefix('"')
            .map(|rest| rest.strip_suffix('"').unwrap_or(rest))
        {
            QueryKind::Phrase(phrase.to_lowercase())
        } else {
            QueryKind::Fuzzy(trimmed.to_string())
        };
        Query {
            kind,
            matcher: SkimMatcherV2::default().smart_case(),
        }
    }

    pub fn is_empty(&self) -> bool {
        matches!(self.kind, QueryKind::All)
    }

    /// The score and matched positions of one candidate, `None` if it does not match.
    pub fn score(&self, candidate: &str) -> Option<(i64, Vec<usize>)> {
        match &self.kind {
            QueryKind::All => Some((0, Vec::new())),
            QueryKind::Fuzzy(query) => self.matcher.fuzzy_indices(candidate, query),
            QueryKind::Phrase(phrase) => phrase_positions(candidate, phrase),
        }
    }

    /// Every matching candidate, best first; ties keep the input order.
    pub fn rank<'a>(&self, candidates: impl IntoIterator<Item = &'a str>) -> Vec<Match> {
        let mut matches: Vec<Match> = candidates
            .into_iter()
            .enumerate()
            .filter_map(|(index, candidate)| {
                let (score, positions) = self.score(candidate)?;
                Some(Match {
                    index,
                    score,
                    positions,
                })
            })
            .collect();
        matches.sort_by(|a, b| b.score.cmp(&a.score).then(a.index.cmp(&b.index)));
        matches
    }
}

/// Case-insensitive phrase search; positions are in characters of `candidate`.
fn phrase_positions(candidate: &str, phrase: &str) -> Option<(i64, Vec<usize>)> {
    if phrase.is_empty() {
        return Some((0, Vec::new()));
    }
    let chars: Vec<char> = candidate.chars().collect();
    let wanted: Vec<char> = phrase.chars().collect();
    let lower: Vec<char> = chars
        .iter()
        .map(|c| c.to_lowercase().next().unwrap_or(*c))
        .collect();
    let start = lower
        .windows(wanted.len())
        .position(|window| window == wanted.as_slice())?;
    // Earlier matches rank a little higher.
    let score = 1000 - start.min(999) as i64;
    Some((score, (start..start + wanted.len()).collect()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fuzzy_ranks_closer_matches_first_and_reports_positions() {
        let candidates = [
            "What did a student teach you this week?",
            "Which conversation with a parent are you putting off?",
            "Who on staff needs a word of thanks?",
        ];
        let matches = Query::new("convers parent").rank(candidates);
        assert_eq!(matches[0].index, 1);
        let first: String = matches[0]
            .positions
            .iter()
            .map(|&p| candidates[1].chars().nth(p).unwrap())
            .collect();
        assert!(first.starts_with("convers"), "{first}");
    }

    #[test]
    fn quotes_ask_for_the_exact_phrase() {
        let candidates = ["the lunch line again", "lunch at the line"];
        let matches = Query::new("\"Lunch Line\"").rank(candidates);
        assert_eq!(matches.len(), 1);
        assert_eq!(matches[0].index, 0);
        assert_eq!(matches[0].positions, (4..14).collect::<Vec<_>>());
    }

    #[test]
    fn an_empty_query_keeps_everything_in_order() {
        let matches = Query::new("  ").rank(["b", "a"]);
        assert_eq!(
            matches.iter().map(|m| m.index).collect::<Vec<_>>(),
            vec![0, 1]
        );
    }

    #[test]
    fn phrases_work_past_multibyte_characters() {
        let matches = Query::new("\"café\"").rank(["Le Café du coin"]);
        assert_eq!(matches[0].positions, vec![3, 4, 5, 6]);
    }
}
