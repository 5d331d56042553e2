//! What a person types into search, taken apart once per keystroke.

use super::filter::normalize_tag;
use super::words::{fold, for_each_word, lower};

/// A parsed search: every part must match (AND). Case and accents never matter: `zoe`
/// finds `Zoë` and `Zoë` finds `zoe`, in words, phrases and tags alike.
///
/// - plain words are matched against the words of entry text, questions and tags:
///   whole word, then start of a word, then inside a word, then (ranked below all of
///   those) words one typo away (`mothr` finds `mother`, `jordn` finds `Jordan's`), even
///   when the typo is itself a word somewhere in the journal; when no word of the
///   journal contains a term literally, its letters in order are tried too (`cnvrstn`);
/// - `"quoted words"` must appear exactly as typed (case and accents aside),
///   punctuation included; an unclosed quote runs to the end, so results update while
///   the phrase is typed;
/// - `#tag` keeps entries with a tag starting with `tag`;
/// - a query of symbols only (`🎉`, `--`) looks for them as typed, each like a quoted
///   phrase; beside words, lone symbols are left out (`jordan & mother`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchQuery {
    /// Folded words (see `words::fold_into`).
    pub(super) terms: Vec<String>,
    /// Folded phrases.
    pub(super) phrases: Vec<String>,
    /// Folded tags without `#`.
    pub(super) tags: Vec<String>,
}

impl SearchQuery {
    pub fn parse(text: &str) -> SearchQuery {
        let mut query = SearchQuery::default();
        let mut symbols = Vec::new();
        let mut rest = text;
        while let Some((plain, after)) = rest.split_once('"') {
            query.add_plain(plain, &mut symbols);
            let (phrase, tail) = after.split_once('"').unwrap_or((after, ""));
            query.add_phrase(phrase);
            rest = tail;
        }
        query.add_plain(rest, &mut symbols);
        if query.is_empty() {
            // Otherwise `🎉` would be an empty query, which lists every entry.
            for token in symbols {
                query.add_phrase(token);
            }
        }
        query
    }

    /// Whether nothing was typed: every entry (that the filter allows) matches.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty() && self.phrases.is_empty() && self.tags.is_empty()
    }

    /// Whether answering needs the entries' text: a quoted phrase is looked for in the
    /// text itself, while words and tags are answered from the index alone.
    pub fn reads_text(&self) -> bool {
        !self.phrases.is_empty()
    }

    fn add_phrase(&mut self, phrase: &str) {
        let phrase = fold(phrase.trim());
        if !phrase.is_empty() {
            self.phrases.push(phrase);
        }
    }

    /// Adds the words and tags of `plain`; tokens with neither go to `symbols`.
    fn add_plain<'a>(&mut self, plain: &'a str, symbols: &mut Vec<&'a str>) {
        for token in plain.split_whitespace() {
            let found = self.terms.len() + self.tags.len();
            if token.starts_with('#') {
                let tag = normalize_tag(token);
                let tag =
                    tag.trim_end_matches(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_'));
                let tag = fold(tag);
                if !tag.is_empty() {
                    self.tags.push(tag);
                }
            } else {
                let lowered = lower(token);
                for_each_word(&lowered, |range| {
                    let term = fold(&lowered[range]);
                    if !term.is_empty() {
                        self.terms.push(term);
                    }
                });
            }
            if self.terms.len() + self.tags.len() == found {
                symbols.push(token);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_phrases_and_tags() {
        let query = SearchQuery::parse("Jordan's \"Lunch Line\" #Staff mother,");
        assert_eq!(query.terms, vec!["jordan's", "mother"]);
        assert_eq!(query.phrases, vec!["lunch line"]);
        assert_eq!(query.tags, vec!["staff"]);
    }

    #[test]
    fn an_unclosed_quote_runs_to_the_end() {
        let query = SearchQuery::parse("robot \"science fa");
        assert_eq!(query.terms, vec!["robot"]);
        assert_eq!(query.phrases, vec!["science fa"]);
    }

    #[test]
    fn blank_parts_are_ignored() {
        assert!(SearchQuery::parse("  \"\" \" ").is_empty());
        assert!(SearchQuery::parse(" \t ").is_empty());
    }

    #[test]
    fn case_and_accents_are_folded_everywhere() {
        let query = SearchQuery::parse("ZOË \"Naïve Résumé\" #Élèves");
        assert_eq!(query.terms, vec!["zoe"]);
        assert_eq!(query.phrases, vec!["naive resume"]);
        assert_eq!(query.tags, vec!["eleves"]);
    }

    #[test]
    fn symbols_alone_are_looked_for_as_typed() {
        let query = SearchQuery::parse("🎉 --");
        assert_eq!(query.phrases, vec!["🎉", "--"]);
        assert!(query.terms.is_empty() && query.tags.is_empty());
        assert_eq!(SearchQuery::parse("#").phrases, vec!["#"]);
        // Beside a word, a lone symbol is left out rather than required.
        let query = SearchQuery::parse("jordan & mother");
        assert_eq!(query.terms, vec!["jordan", "mother"]);
        assert!(query.phrases.is_empty());
    }
}
