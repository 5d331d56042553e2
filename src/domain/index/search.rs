//! Running a [`SearchQuery`] against the index: which entries match, in what order,
//! and which characters to highlight.
//!
//! Matching is on folded text (lower case, accents dropped: see `words::fold_into`);
//! highlights are mapped back onto the original characters.
//!
//! Ranking: each part of the query scores how well it matched (a whole word beats the
//! start of a word, which beats the inside of a word, which beats a misspelling; a
//! match in a tag counts a little more and one in the question a little less than one
//! in the entry's own text); an entry's score is the sum over the parts, and among
//! equal scores the newer entry comes first. Scores are coarse on purpose, so recency
//! decides between entries that matched equally well.

use std::cmp::Ordering;
use std::ops::Range;

use memchr::memmem::Finder;

use super::filter::{Filter, normalize_tag};
use super::query::SearchQuery;
use super::words::{FastMap, FoldedText, fold, fold_into, for_each_word, is_word_char, lower_into};
use super::{EntryRef, JournalIndex, NO_ID, Slot};
use crate::domain::search::Query as FuzzyQuery;

/// One entry that matched, with what to highlight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub entry: EntryRef,
    pub score: u32,
    /// Byte ranges in the entry's `text`, sorted and not overlapping; they always fall
    /// on character boundaries, so `&entry.text[range]` is the matched part.
    pub text: Vec<Range<usize>>,
    /// Byte ranges in the entry's `question`, like `text`.
    pub question: Vec<Range<usize>>,
}

/// The best hits and how many entries matched in all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchResults {
    pub hits: Vec<Hit>,
    pub total: usize,
}

/// An entry that matched and its score, without highlights.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scored {
    pub entry: EntryRef,
    pub score: u32,
}

/// The best matches (best first) and how many entries matched in all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ranking {
    pub matches: Vec<Scored>,
    pub total: usize,
}

/// What to highlight in one entry, as byte ranges (see [`Hit`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Highlight {
    pub text: Vec<Range<usize>>,
    pub question: Vec<Range<usize>>,
}

/// How a vocabulary word matched a query term, worst to best.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    /// The term's letters in order (skim's algorithm), for words typed with letters
    /// missing.
    Fuzzy,
    /// One letter wrong, missing, extra or swapped.
    Typo,
    Inside,
    Start,
    Whole,
}

impl Kind {
    fn score(self) -> u16 {
        match self {
            Kind::Whole => 100,
            Kind::Start => 80,
            Kind::Inside => 50,
            Kind::Typo => 40,
            Kind::Fuzzy => 30,
        }
    }
}

const TAG_BONUS: u16 = 10;
const QUESTION_PENALTY: u16 = 10;
const PHRASE_IN_TEXT: u16 = 120;
const PHRASE_IN_QUESTION: u16 = 110;
const TAG_WHOLE: u16 = 110;
const TAG_START: u16 = 90;

/// Shorter terms match only at the start of words: "ma" inside every "grammar" helps
/// no one.
const MIN_INSIDE_CHARS: usize = 3;
/// Misspellings are tried only for terms this long; shorter ones are still being typed.
const MIN_TYPO_CHARS: usize = 4;
/// A typo in the start of a longer word is tried only for terms this long: four letters
/// are one typo away from the start of too many words (`moth` from `math…`).
const MIN_TYPO_START_CHARS: usize = 5;
const MIN_FUZZY_CHARS: usize = 3;

/// A query term and the vocabulary words it matched.
#[derive(Debug)]
struct TermMatch {
    term: String,
    words: FastMap<u32, Kind>,
}

/// A query prepared against an index: run it with any filter, highlight any entry.
pub struct Search<'a> {
    index: &'a JournalIndex,
    query: SearchQuery,
    terms: Vec<TermMatch>,
    phrases: Vec<Finder<'static>>,
    tags: Vec<Finder<'static>>,
    /// The index's tags folded, in its order: what terms and `#tags` are matched with.
    folded_tags: Vec<String>,
}

impl<'a> Search<'a> {
    pub(super) fn new(index: &'a JournalIndex, query: SearchQuery) -> Search<'a> {
        let terms = query
            .terms
            .iter()
            .map(|term| TermMatch {
                term: term.clone(),
                words: match_vocabulary(index, term),
            })
            .collect();
        let phrases = query
            .phrases
            .iter()
            .map(|phrase| Finder::new(phrase.as_bytes()).into_owned())
            .collect();
        let tags = query
            .tags
            .iter()
            .map(|tag| Finder::new(format!("#{tag}").as_bytes()).into_owned())
            .collect();
        let folded_tags = if query.terms.is_empty() && query.tags.is_empty() {
            Vec::new()
        } else {
            index.tags.iter().map(|tag| fold(tag)).collect()
        };
        Search {
            index,
            query,
            terms,
            phrases,
            tags,
            folded_tags,
        }
    }

    pub fn query(&self) -> &SearchQuery {
        &self.query
    }

    /// The entries `filter` allows that match, best first: at most `limit` of them.
    pub fn run(&self, filter: &Filter, limit: usize) -> Ranking {
        let index = self.index;
        let mut keep = index.allowed(filter);
        let mut total = vec![0u32; index.slots.len()];
        for term in &self.terms {
            let scores = self.term_scores(term);
            combine(&mut keep, &mut total, &scores);
        }
        for tag in &self.query.tags {
            let scores = self.tag_scores(tag);
            combine(&mut keep, &mut total, &scores);
        }
        // Phrases last: they read the text, so only entries still in the running.
        if !self.phrases.is_empty() {
            self.score_phrases(&mut keep, &mut total);
        }
        let mut matches: Vec<(u32, u32)> = keep
            .iter()
            .enumerate()
            .filter(|(_, keep)| **keep)
            .map(|(slot, _)| (total[slot], slot as u32))
            .collect();
        let count = matches.len();
        let order = |a: &(u32, u32), b: &(u32, u32)| rank_order(&index.slots, *a, *b);
        if limit < matches.len() {
            if limit == 0 {
                matches.clear();
            } else {
                matches.select_nth_unstable_by(limit - 1, order);
                matches.truncate(limit);
            }
        }
        matches.sort_unstable_by(order);
        Ranking {
            matches: matches
                .into_iter()
                .map(|(score, slot)| {
                    let slot = &index.slots[slot as usize];
                    Scored {
                        entry: EntryRef {
                            date: slot.date,
                            index: slot.index as usize,
                        },
                        score,
                    }
                })
                .collect(),
            total: count,
        }
    }

    /// What to highlight in `entry` for this query (empty if it is not in the index).
    pub fn highlight(&self, entry: EntryRef) -> Highlight {
        let Some(entry) = self.index.entry(entry) else {
            return Highlight::default();
        };
        let mut buffers = HighlightBuffers::default();
        let text = self.ranges_in(&entry.text, &mut buffers);
        let question = entry
            .question
            .as_deref()
            .map(|question| self.ranges_in(question, &mut buffers))
            .unwrap_or_default();
        Highlight { text, question }
    }

    fn ranges_in(&self, text: &str, buffers: &mut HighlightBuffers) -> Vec<Range<usize>> {
        let HighlightBuffers {
            lowered,
            word: folded_word,
            text: folded,
        } = buffers;
        let mut ranges = Vec::new();
        if !self.terms.is_empty() {
            // Word by word as the vocabulary was built: split the lower-cased text
            // (its byte offsets are the original's), then fold each word.
            lower_into(text, lowered);
            for_each_word(lowered, |range| {
                let word = &lowered[range.clone()];
                let ascii = word.is_ascii();
                if !ascii {
                    folded_word.fold(word);
                }
                let word = if ascii { word } else { folded_word.as_str() };
                let Some(id) = self.index.vocab.id(word) else {
                    return;
                };
                for term in &self.terms {
                    if let Some(&kind) = term.words.get(&id) {
                        let part = matched_part(kind, word, &term.term);
                        let part = if ascii {
                            part
                        } else {
                            folded_word.original(part)
                        };
                        ranges.push(range.start + part.start..range.start + part.end);
                    }
                }
            });
        }
        if !self.tags.is_empty() || !self.phrases.is_empty() {
            folded.fold(text);
            let haystack = folded.as_str();
            for (finder, tag) in self.tags.iter().zip(&self.query.tags) {
                for start in finder.find_iter(haystack.as_bytes()) {
                    if starts_tag(haystack, start) {
                        ranges.push(folded.original(start..start + 1 + tag.len()));
                    }
                }
            }
            for finder in &self.phrases {
                let len = finder.needle().len();
                ranges.extend(
                    finder
                        .find_iter(haystack.as_bytes())
                        .map(|at| folded.original(at..at + len)),
                );
            }
        }
        merge(ranges)
    }

    /// Per slot, how well `term` matched its text, question or tags (0: not at all).
    fn term_scores(&self, term: &TermMatch) -> Vec<u16> {
        let index = self.index;
        let mut scores = vec![0u16; index.slots.len()];
        for (&word, &kind) in &term.words {
            let score = kind.score();
            for &slot in index.vocab.postings(word) {
                let best = &mut scores[slot as usize];
                *best = (*best).max(score);
            }
        }
        let question_scores: Vec<u16> = index
            .questions
            .iter()
            .map(|question| {
                question
                    .words
                    .iter()
                    .filter_map(|id| term.words.get(id))
                    .map(|kind| kind.score().saturating_sub(QUESTION_PENALTY))
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        if question_scores.iter().any(|&score| score > 0) {
            for (slot, best) in index.slots.iter().zip(scores.iter_mut()) {
                if slot.question != NO_ID {
                    *best = (*best).max(question_scores[slot.question as usize]);
                }
            }
        }
        let literal = Literal::new(&term.term);
        for (tag, slots) in self.folded_tags.iter().zip(&index.tag_slots) {
            if let Some(kind) = literal.kind(tag) {
                let score = kind.score() + TAG_BONUS;
                for &slot in slots {
                    let best = &mut scores[slot as usize];
                    *best = (*best).max(score);
                }
            }
        }
        scores
    }

    fn score_phrases(&self, keep: &mut [bool], total: &mut [u32]) {
        let index = self.index;
        let mut folded = String::new();
        for (slot_id, slot) in index.slots.iter().enumerate() {
            if !keep[slot_id] {
                continue;
            }
            let Some(entry) = index.entry(EntryRef {
                date: slot.date,
                index: slot.index as usize,
            }) else {
                keep[slot_id] = false;
                continue;
            };
            fold_into(&entry.text, &mut folded);
            let question = match slot.question {
                NO_ID => "",
                id => &*index.questions[id as usize].folded,
            };
            for finder in &self.phrases {
                let score = if finder.find(folded.as_bytes()).is_some() {
                    PHRASE_IN_TEXT
                } else if finder.find(question.as_bytes()).is_some() {
                    PHRASE_IN_QUESTION
                } else {
                    keep[slot_id] = false;
                    break;
                };
                total[slot_id] += u32::from(score);
            }
        }
    }

    /// Per slot, how well the query's `#tag` matched one of the entry's tags.
    fn tag_scores(&self, wanted: &str) -> Vec<u16> {
        let index = self.index;
        let mut scores = vec![0u16; index.slots.len()];
        for (tag, slots) in self.folded_tags.iter().zip(&index.tag_slots) {
            let score = if tag == wanted {
                TAG_WHOLE
            } else if tag.starts_with(wanted) {
                TAG_START
            } else {
                continue;
            };
            for &slot in slots {
                let best = &mut scores[slot as usize];
                *best = (*best).max(score);
            }
        }
        scores
    }
}

/// Buffers reused while highlighting one entry's text and question.
#[derive(Default)]
struct HighlightBuffers {
    lowered: String,
    word: FoldedText,
    text: FoldedText,
}

impl JournalIndex {
    /// Per slot: alive and allowed by `filter`.
    fn allowed(&self, filter: &Filter) -> Vec<bool> {
        let ids_of = |wanted: bool, ids: Vec<u32>| wanted.then_some(ids);
        let frames = ids_of(
            !filter.frames.is_empty(),
            filter
                .frames
                .iter()
                .filter_map(|frame| self.frames.iter().position(|f| f == frame))
                .map(|id| id as u32)
                .collect(),
        );
        let packs = ids_of(
            !filter.packs.is_empty(),
            filter
                .packs
                .iter()
                .filter_map(|pack| self.packs.iter().position(|p| p == pack))
                .map(|id| id as u32)
                .collect(),
        );
        let tagged = (!filter.tags.is_empty()).then(|| {
            let mut tagged = vec![false; self.slots.len()];
            for tag in &filter.tags {
                if let Some(&id) = self.tag_ids.get(normalize_tag(tag).as_str()) {
                    for &slot in &self.tag_slots[id as usize] {
                        tagged[slot as usize] = true;
                    }
                }
            }
            tagged
        });
        self.slots
            .iter()
            .enumerate()
            .map(|(id, slot)| {
                slot.alive
                    && filter.privacy.allows(slot.private)
                    && filter.allows_date(slot.date)
                    && frames.as_ref().is_none_or(|ids| ids.contains(&slot.frame))
                    && packs.as_ref().is_none_or(|ids| ids.contains(&slot.pack))
                    && tagged.as_ref().is_none_or(|tagged| tagged[id])
            })
            .collect()
    }
}

/// Adds one part's scores to the totals; a slot the part did not match drops out.
fn combine(keep: &mut [bool], total: &mut [u32], scores: &[u16]) {
    for ((keep, total), &score) in keep.iter_mut().zip(total.iter_mut()).zip(scores) {
        if score == 0 {
            *keep = false;
        } else {
            *total += u32::from(score);
        }
    }
}

/// Best score first, then the newest entry, then index order (stable for tests).
fn rank_order(slots: &[Slot], a: (u32, u32), b: (u32, u32)) -> Ordering {
    let (sa, sb) = (&slots[a.1 as usize], &slots[b.1 as usize]);
    b.0.cmp(&a.0)
        .then_with(|| sb.date.cmp(&sa.date))
        .then_with(|| sb.created.cmp(&sa.created))
        .then_with(|| a.1.cmp(&b.1))
}

/// The vocabulary words `term` matches: literally (whole word, start, inside), or one
/// typo away (see [`one_typo_from`]), ranked below literal matches. Typos are looked
/// for even when the term is a word somewhere in the journal: in ten years most common
/// misspellings are. Letters in order (`cnvrstn`) are tried only when no word contains
/// the term literally: beside literal matches they would be noise.
fn match_vocabulary(index: &JournalIndex, term: &str) -> FastMap<u32, Kind> {
    let mut matched = FastMap::default();
    let literal = Literal::new(term);
    let mut typos = Typos::new(term);
    for (id, word) in index.vocab.words() {
        if let Some(kind) = literal.kind(word) {
            matched.insert(id, kind);
        } else if typos.is_typo_of(word) {
            matched.insert(id, Kind::Typo);
        }
    }
    let literal = matched.values().any(|&kind| kind > Kind::Typo);
    let chars = &typos.term_chars;
    if !literal && chars.len() >= MIN_FUZZY_CHARS {
        let fuzzy = FuzzyQuery::new(term);
        for (id, word) in index.vocab.words() {
            if !matched.contains_key(&id) && letters_in_order(word, chars, &fuzzy) {
                matched.insert(id, Kind::Fuzzy);
            }
        }
    }
    matched
}

/// A term made ready to be compared literally with every word of the vocabulary.
struct Literal<'a> {
    term: &'a str,
    /// Finds the term inside a word; `None` for terms shorter than
    /// [`MIN_INSIDE_CHARS`]. Built once: `str::contains` would prepare its search
    /// again for every word.
    inside: Option<Finder<'a>>,
}

impl<'a> Literal<'a> {
    fn new(term: &'a str) -> Literal<'a> {
        let long_enough = term.chars().nth(MIN_INSIDE_CHARS - 1).is_some();
        Literal {
            term,
            inside: long_enough.then(|| Finder::new(term.as_bytes())),
        }
    }

    fn kind(&self, word: &str) -> Option<Kind> {
        let term = self.term;
        if word.len() < term.len() {
            None
        } else if word == term {
            Some(Kind::Whole)
        } else if word.starts_with(term) {
            Some(Kind::Start)
        } else if self
            .inside
            .as_ref()
            .is_some_and(|inside| inside.find(word.as_bytes()).is_some())
        {
            Some(Kind::Inside)
        } else {
            None
        }
    }
}

/// A term made ready to be compared with every word of the vocabulary for typos.
struct Typos<'a> {
    term: &'a str,
    term_is_ascii: bool,
    term_chars: Vec<char>,
    /// The word being compared, decoded when it is not ASCII.
    word_chars: Vec<char>,
}

impl<'a> Typos<'a> {
    fn new(term: &'a str) -> Typos<'a> {
        Typos {
            term,
            term_is_ascii: term.is_ascii(),
            term_chars: term.chars().collect(),
            word_chars: Vec::new(),
        }
    }

    /// Called for every word of the vocabulary on every keystroke, so most words are
    /// ruled out by cheap tests before any is decoded or compared in full.
    fn is_typo_of(&mut self, word: &str) -> bool {
        let n = self.term_chars.len();
        // A word has at most as many characters as bytes.
        if n < MIN_TYPO_CHARS || word.len() + 1 < n {
            return false;
        }
        let (term, bytes) = (self.term.as_bytes(), word.as_bytes());
        if self.term_is_ascii && bytes[0].is_ascii() && bytes[1].is_ascii() {
            // One edit leaves one of the first two letters in place or moves it by one.
            let (t, w) = (&term[..2], &bytes[..2]);
            if !(w[0] == t[0] || w[0] == t[1] || w[1] == t[0] || w[1] == t[1]) {
                return false;
            }
            if word.is_ascii() {
                return one_typo_from(term, bytes);
            }
        }
        self.word_chars.clear();
        self.word_chars.extend(word.chars());
        one_typo_from(&self.term_chars, &self.word_chars)
    }
}

/// Whether `term` is one typo away from `word` (see [`within_one_edit`]), or, for
/// longer terms, from the start of `word` ending on the same letter as the term:
/// `convrs` is a typo in `convers…` being typed, while `conv` merely shares its first
/// letters with `cont…` and is not one.
fn one_typo_from<T: PartialEq>(term: &[T], word: &[T]) -> bool {
    let n = term.len();
    if word.len() <= n + 1 && within_one_edit(term, word) {
        return true;
    }
    n >= MIN_TYPO_START_CHARS
        && (n - 1..=n + 1)
            .filter(|&k| k < word.len())
            .any(|k| term.last() == word.get(k - 1) && within_one_edit(term, &word[..k]))
}

/// Whether the term's letters appear in `word` in order (skim's algorithm), for a word
/// typed with letters missing; only words of a plausible length starting with the
/// same letter are tried.
fn letters_in_order(word: &str, term: &[char], fuzzy: &FuzzyQuery) -> bool {
    let n = term.len();
    // Cheap checks first: most of the vocabulary is ruled out without decoding.
    if word.len() + 1 < n || word.len() > 4 * (2 * n + 2) || !word.starts_with(term[0]) {
        return false;
    }
    let len = word.chars().count();
    len >= n && len <= 2 * n + 2 && fuzzy.score(word).is_some()
}

/// Whether `a` becomes `b` by at most one substitution, insertion, deletion or swap of
/// neighbours (optimal string alignment distance <= 1), in linear time.
fn within_one_edit<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    if a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[prefix..], &b[prefix..]);
    match a.len().cmp(&b.len()) {
        Ordering::Equal if a.is_empty() => true,
        Ordering::Equal => {
            a[1..] == b[1..] || (a.len() >= 2 && a[0] == b[1] && a[1] == b[0] && a[2..] == b[2..])
        }
        Ordering::Less => a == &b[1..],
        Ordering::Greater => &a[1..] == b,
    }
}

/// The part of a matched (folded) word to highlight, as a range in it: what was typed
/// for literal matches, the whole word for misspellings.
fn matched_part(kind: Kind, word: &str, term: &str) -> Range<usize> {
    match kind {
        Kind::Start => 0..term.len(),
        Kind::Inside => word
            .find(term)
            .map_or(0..word.len(), |offset| offset..offset + term.len()),
        Kind::Whole | Kind::Typo | Kind::Fuzzy => 0..word.len(),
    }
}

/// Whether the `#` at `at` starts a tag (begins a word), as `tags::extract` reads them.
fn starts_tag(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after_ok = text[at + 1..].chars().next().is_some_and(is_word_char);
    after_ok && before.is_none_or(|p| p.is_whitespace() || "([{\"'".contains(p))
}

/// Sorts ranges and joins overlapping or touching ones.
fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|range| (range.start, range.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for range in ranges {
        match merged.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_edit_covers_typos_but_not_more() {
        let chars = |s: &str| s.chars().collect::<Vec<_>>();
        for (a, b) in [
            ("mother", "mother"),
            ("mothr", "mother"),
            ("mothers", "mother"),
            ("mohter", "mother"),
            ("nother", "mother"),
        ] {
            assert!(within_one_edit(&chars(a), &chars(b)), "{a} {b}");
        }
        for (a, b) in [
            ("mthr", "mother"),
            ("mohtre", "mother"),
            ("father", "mother"),
        ] {
            assert!(!within_one_edit(&chars(a), &chars(b)), "{a} {b}");
        }
    }

    #[test]
    fn a_typo_in_the_start_of_a_word_needs_five_letters_ending_alike() {
        for (term, word) in [
            ("convrs", "conversation"),
            ("mothr", "mothers"),
            ("jordn", "jordan's"),
            ("moth", "math"),
            ("moht", "moth"),
        ] {
            assert!(
                one_typo_from(term.as_bytes(), word.as_bytes()),
                "{term} {word}"
            );
        }
        for (term, word) in [
            ("conv", "contact"),
            ("conv", "conversation"),
            ("moth", "mathematics"),
            ("mothe", "mothballs"),
        ] {
            assert!(
                !one_typo_from(term.as_bytes(), word.as_bytes()),
                "{term} {word}"
            );
        }
    }

    #[test]
    fn the_quick_tests_keep_typos_in_the_first_letters() {
        for (term, word) in [
            ("nother", "mother"),
            ("omther", "mother"),
            ("other", "mother"),
            ("xmother", "mother"),
            // Words the folding leaves letters outside ASCII in.
            ("strase", "straße"),
            ("xtraße", "straße"),
            ("smørbrod", "smørbrød"),
        ] {
            assert!(Typos::new(term).is_typo_of(word), "{term} {word}");
        }
        for (term, word) in [("father", "mother"), ("strasse", "straße"), ("xyz", "xyzw")] {
            assert!(!Typos::new(term).is_typo_of(word), "{term} {word}");
        }
    }

    #[test]
    fn ranges_merge_when_they_touch() {
        assert_eq!(merge(vec![5..8, 0..2, 1..3, 8..9]), vec![0..3, 5..9]);
    }
}
