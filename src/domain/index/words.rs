//! Words as the index sees them: how text is split into words, lower-cased and folded
//! for matching, and the vocabulary of every distinct folded word with the entries
//! that use it.

use std::collections::HashMap;
use std::io::Read;
use std::ops::Range;

use unicode_normalization::char::decompose_canonical;

use crate::binary::{Reader, Writer};

/// A fast hash for short keys (words); the index hashes every word of the journal once
/// when it is built, and SipHash's resistance to crafted keys is not needed for text
/// the user wrote themselves.
pub(super) type FastMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

/// Lower-cases `text` into `out` without changing any character's length in bytes, so
/// a byte range found in the lower-cased text is the same range in `text`.
///
/// The few characters whose lower case has another length (the Turkish `İ`, the Kelvin
/// sign) are kept as they are here; [`fold_into`] lower-cases them for matching.
pub(crate) fn lower_into(text: &str, out: &mut String) {
    map_chars_into(text, out, |c, out| out.push(lower_char(c)));
}

/// Writes `text` into `out`, lower-casing ASCII in one pass (most text) and giving the
/// other characters to `map`.
fn map_chars_into(text: &str, out: &mut String, mut map: impl FnMut(char, &mut String)) {
    out.clear();
    if text.is_ascii() {
        out.push_str(text);
        out.make_ascii_lowercase();
        return;
    }
    for c in text.chars() {
        map(c, out);
    }
}

/// [`lower_into`] as a new string.
pub(crate) fn lower(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    lower_into(text, &mut out);
    out
}

fn lower_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(single), None) if single.len_utf8() == c.len_utf8() => single,
        _ => c,
    }
}

/// Folds `text` for matching into `out`: lower case, with accents dropped (see
/// [`is_accent`]), so `Zoë`, `ZOE` and `zoe` all fold to `zoe`. Byte lengths may
/// change: [`FoldedText`] maps a match back onto the original.
pub(crate) fn fold_into(text: &str, out: &mut String) {
    map_chars_into(text, out, |c, out| fold_char(c, |folded| out.push(folded)));
}

/// [`fold_into`] as a new string.
pub(crate) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

fn fold_char(c: char, mut push: impl FnMut(char)) {
    if c.is_ascii() {
        push(c.to_ascii_lowercase());
        return;
    }
    for lower in c.to_lowercase().filter(|&lower| !is_accent(lower)) {
        let mut accented = false;
        decompose_canonical(lower, |part| accented |= is_accent(part));
        if accented {
            decompose_canonical(lower, |part| {
                if !is_accent(part) {
                    push(part);
                }
            });
        } else {
            // Kept whole: a canonical decomposition without accents (a Korean syllable
            // into its letters) would change what the character is.
            push(lower);
        }
    }
}

/// The combining diacritical marks (U+0300 to U+036F): the accents of Latin, Greek and
/// Cyrillic letters, which a person leaves out when typing a search. Marks of other
/// scripts (Devanagari vowel signs, the Japanese voicing marks) are kept: without them
/// the word is another word.
fn is_accent(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}')
}

/// Text folded for matching (see [`fold_into`]) that remembers where each folded byte
/// came from, so a match found in it is highlighted on the original characters.
#[derive(Debug, Default)]
pub(super) struct FoldedText {
    folded: String,
    /// Per byte of `folded`, the start of the original character it came from; empty
    /// when every byte stayed in place (ASCII text).
    origins: Vec<u32>,
    original_len: usize,
}

impl FoldedText {
    pub fn fold(&mut self, original: &str) {
        self.original_len = original.len();
        self.origins.clear();
        if original.is_ascii() {
            fold_into(original, &mut self.folded);
            return;
        }
        self.folded.clear();
        let (folded, origins) = (&mut self.folded, &mut self.origins);
        for (at, c) in original.char_indices() {
            fold_char(c, |part| {
                folded.push(part);
                origins.resize(folded.len(), at as u32);
            });
        }
    }

    pub fn as_str(&self) -> &str {
        &self.folded
    }

    /// The range of the original text that `range` of the folded text came from: whole
    /// characters, with any accents that followed the last one.
    pub fn original(&self, range: Range<usize>) -> Range<usize> {
        if self.origins.is_empty() {
            return range;
        }
        let origin = |at: usize| {
            self.origins
                .get(at)
                .map_or(self.original_len, |&origin| origin as usize)
        };
        let start = origin(range.start);
        if range.is_empty() {
            return start..start;
        }
        let last = self.origins[range.end - 1];
        let end = self.origins[range.end..]
            .iter()
            .find(|&&origin| origin > last)
            .map_or(self.original_len, |&origin| origin as usize);
        start..end
    }
}

/// Calls `each` with the byte range of every word in `text`.
///
/// A word is a run of letters, digits and `_`, in any script, with the accents on them.
/// An apostrophe between two such characters belongs to the word, so `Jordan's` is one
/// word (and `jordan` finds it as a prefix); `-`, `#`, spaces and other punctuation
/// separate words.
pub(crate) fn for_each_word(text: &str, mut each: impl FnMut(Range<usize>)) {
    let bytes = text.as_bytes();
    let mut start: Option<usize> = None;
    let mut index = 0;
    while index < bytes.len() {
        let byte = bytes[index];
        // ASCII is most text; decode a character only when it is not.
        let (is_word, width) = if byte.is_ascii() {
            (byte.is_ascii_alphanumeric() || byte == b'_', 1)
        } else {
            let c = text[index..].chars().next().expect("a char at a boundary");
            // An accent typed as a mark of its own (decomposed text) belongs to the
            // letter before it.
            let is_word = c.is_alphanumeric() || (start.is_some() && is_accent(c));
            (is_word, c.len_utf8())
        };
        if is_word {
            start.get_or_insert(index);
        } else if let Some(word_start) = start {
            let joins = is_apostrophe(&text[index..]) && next_is_word(text, index + width);
            if !joins {
                each(word_start..index);
                start = None;
            }
        }
        index += width;
    }
    if let Some(word_start) = start {
        each(word_start..bytes.len());
    }
}

fn is_apostrophe(rest: &str) -> bool {
    rest.starts_with('\'') || rest.starts_with('\u{2019}')
}

fn next_is_word(text: &str, at: usize) -> bool {
    text[at..]
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() || c == '_')
}

/// Whether `c` can continue a word (for checking the edges of a match).
pub(super) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Buffers reused while indexing, to spare allocations per entry.
#[derive(Debug, Default)]
pub(super) struct Scratch {
    lowered: String,
    folded: String,
    /// What [`Vocabulary::intern_text`] found.
    pub ids: Vec<u32>,
}

/// Every distinct folded word of the journal (see [`fold_into`]: `Zoë` and `zoe` are one
/// word here), with the entries (slots) that use it. Slots are appended in increasing
/// order, so each posting list stays sorted.
#[derive(Debug, Default)]
pub(super) struct Vocabulary {
    words: Vec<Box<str>>,
    ids: FastMap<Box<str>, u32>,
    postings: Vec<Vec<u32>>,
}

impl Vocabulary {
    pub fn words(&self) -> impl Iterator<Item = (u32, &str)> {
        self.words
            .iter()
            .enumerate()
            .map(|(id, word)| (id as u32, &**word))
    }

    /// The id of a folded word, if the journal uses it.
    pub fn id(&self, word: &str) -> Option<u32> {
        self.ids.get(word).copied()
    }

    /// The id of a folded word, adding it if new.
    pub fn intern(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.words.len() as u32;
        self.words.push(word.into());
        self.ids.insert(word.into(), id);
        self.postings.push(Vec::new());
        id
    }

    pub fn postings(&self, id: u32) -> &[u32] {
        &self.postings[id as usize]
    }

    /// Records that `slot` uses each of `ids` (distinct ids; `slot` larger than any
    /// slot recorded before).
    pub fn add_slot(&mut self, slot: u32, ids: &[u32]) {
        for &id in ids {
            self.postings[id as usize].push(slot);
        }
    }

    /// The distinct word ids of `text`, sorted, in `scratch.ids`.
    pub fn intern_text(&mut self, text: &str, scratch: &mut Scratch) {
        let Scratch {
            lowered,
            folded,
            ids,
        } = scratch;
        ids.clear();
        lower_into(text, lowered);
        for_each_word(lowered, |range| {
            let word = &lowered[range];
            // A lower-cased ASCII word is already folded.
            let word = if word.is_ascii() {
                word
            } else {
                fold_into(word, folded);
                folded.as_str()
            };
            // Empty when the word was a lone accent that counts as a letter (U+0345).
            if !word.is_empty() {
                ids.push(self.intern(word));
            }
        });
        ids.sort_unstable();
        ids.dedup();
    }

    /// The words and their posting lists, for a cache (see `snapshot.rs`).
    pub fn write(&self, out: &mut Writer) {
        out.length(self.words.len());
        for (word, postings) in self.words.iter().zip(&self.postings) {
            out.str(word);
            out.u32s(postings);
        }
    }

    /// What [`Vocabulary::write`] wrote; `None` if malformed or if a posting names a
    /// slot at or past `slots`.
    pub fn read(input: &mut Reader<impl Read>, slots: u32) -> Option<Vocabulary> {
        let count = input.length(8)?;
        let mut vocabulary = Vocabulary {
            words: Vec::with_capacity(count),
            ids: FastMap::default(),
            postings: Vec::with_capacity(count),
        };
        vocabulary.ids.reserve(count);
        for id in 0..count as u32 {
            let word: Box<str> = input.string()?.into();
            let postings = input.u32s()?;
            if postings.iter().any(|&slot| slot >= slots)
                || vocabulary.ids.insert(word.clone(), id).is_some()
            {
                return None;
            }
            vocabulary.words.push(word);
            vocabulary.postings.push(postings);
        }
        Some(vocabulary)
    }

    /// Bytes held, roughly: for the memory budget in tests and docs.
    pub fn heap_bytes(&self) -> usize {
        let words: usize = self.words.iter().map(|word| word.len() * 2 + 40).sum();
        let postings: usize = self
            .postings
            .iter()
            .map(|list| list.capacity() * 4 + 24)
            .sum();
        words + postings
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        for_each_word(text, |range| out.push(&text[range]));
        out
    }

    #[test]
    fn words_split_on_punctuation_and_keep_inner_apostrophes() {
        assert_eq!(
            words("Jordan's mother, re-read #staff notes' end"),
            vec!["Jordan's", "mother", "re", "read", "staff", "notes", "end"]
        );
        assert_eq!(
            words("élèves d’école 先生 x_y"),
            vec!["élèves", "d’école", "先生", "x_y"]
        );
        assert!(words(" -- ").is_empty());
    }

    #[test]
    fn lowering_keeps_byte_offsets() {
        for text in [
            "Hello WORLD",
            "ÉCOLE Élèves",
            "İstanbul K",
            "straße STRASSE",
        ] {
            let lowered = lower(text);
            assert_eq!(lowered.len(), text.len(), "{text}");
            for (a, b) in text.char_indices().zip(lowered.char_indices()) {
                assert_eq!(a.0, b.0);
            }
        }
        assert_eq!(lower("ÉCOLE Élèves"), "école élèves");
    }

    #[test]
    fn folding_drops_case_and_accents_only() {
        assert_eq!(
            fold("ÉCOLE Zoë naïve İstanbul Ångström ŒUVRE"),
            "ecole zoe naive istanbul angstrom œuvre"
        );
        assert_eq!(fold("Cafe\u{301}"), "cafe");
        // Marks that make another word, and letters of their own, are kept.
        for kept in ["한국어", "がぎ", "हिंदी", "straße", "øl"] {
            assert_eq!(fold(kept), kept);
        }
    }

    #[test]
    fn folded_ranges_map_back_onto_whole_original_characters() {
        let mut folded = FoldedText::default();
        let text = "Zoë Cafe\u{301}s!";
        folded.fold(text);
        assert_eq!(folded.as_str(), "zoe cafes!");
        let original = |range: Range<usize>| &text[folded.original(range)];
        assert_eq!(original(0..3), "Zoë");
        assert_eq!(original(2..3), "ë");
        assert_eq!(original(4..8), "Cafe\u{301}");
        assert_eq!(original(4..9), "Cafe\u{301}s");
        assert_eq!(original(9..10), "!");
        folded.fold("plain ASCII");
        assert_eq!(folded.as_str(), "plain ascii");
        assert_eq!(folded.original(6..11), 6..11);
    }
}
