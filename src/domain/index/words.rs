//! Words as the index sees them: how text is split into words and lower-cased, and the
//! vocabulary of every distinct word with the entries that use it.

use std::collections::HashMap;
use std::io::Read;
use std::ops::Range;

use crate::binary::{Reader, Writer};

/// A fast hash for short keys (words); the index hashes every word of the journal once
/// when it is built, and SipHash's resistance to crafted keys is not needed for text
/// the user wrote themselves.
pub(super) type FastMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

/// Lower-cases `text` into `out` without changing any character's length in bytes, so
/// a byte range found in the lower-cased text is the same range in `text`.
///
/// The few characters whose lower case has another length (the Turkish `İ`, the Kelvin
/// sign) are kept as they are: they then match only as typed, and highlights stay
/// exact.
pub(crate) fn lower_into(text: &str, out: &mut String) {
    out.clear();
    if text.is_ascii() {
        out.push_str(text);
        out.make_ascii_lowercase();
        return;
    }
    out.extend(text.chars().map(lower_char));
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

/// Calls `each` with the byte range of every word in `text`.
///
/// A word is a run of letters, digits and `_`, in any script. An apostrophe between two
/// such characters belongs to the word, so `Jordan's` is one word (and `jordan` finds
/// it as a prefix); `-`, `#`, spaces and other punctuation separate words.
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
            (c.is_alphanumeric(), c.len_utf8())
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

/// Every distinct lower-cased word of the journal, with the entries (slots) that use
/// it. Slots are appended in increasing order, so each posting list stays sorted.
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

    /// The id of a lower-cased word, if the journal uses it.
    pub fn id(&self, word: &str) -> Option<u32> {
        self.ids.get(word).copied()
    }

    /// The id of a lower-cased word, adding it if new.
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

    /// The distinct word ids of `text`, sorted; `buffer` is reused between calls to
    /// save allocations.
    pub fn intern_text(&mut self, text: &str, buffer: &mut String, ids: &mut Vec<u32>) {
        ids.clear();
        lower_into(text, buffer);
        let lowered = std::mem::take(buffer);
        for_each_word(&lowered, |range| ids.push(self.intern(&lowered[range])));
        *buffer = lowered;
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
}
