//! `#tags` written inside entry text.

/// The tags written in `text` as `#word`, lower-cased, in order of first appearance.
///
/// A tag starts at a `#` that begins a word (so `page#3` and URL fragments are not tags)
/// and runs over letters, digits, `-` and `_` in any script.
pub fn extract(text: &str) -> Vec<String> {
    // Most text has no `#` at all, and what comes before the line of the first `#`
    // cannot hold a tag: skip it without decoding. Starting at a line start reads the
    // same as the whole text, because a line start begins a word either way.
    let Some(first_hash) = memchr::memchr(b'#', text.as_bytes()) else {
        return Vec::new();
    };
    let line_start = text[..first_hash]
        .rfind('\n')
        .map_or(0, |newline| newline + 1);
    extract_from(&text[line_start..])
}

fn extract_from(text: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    let mut previous: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let starts_word = previous.is_none_or(|p| p.is_whitespace() || "([{\"'".contains(p));
        previous = Some(c);
        if c != '#' || !starts_word {
            continue;
        }
        let body_start = start + 1;
        let mut end = body_start;
        while let Some(&(index, next)) = chars.peek() {
            if next.is_alphanumeric() || next == '-' || next == '_' {
                end = index + next.len_utf8();
                previous = Some(next);
                chars.next();
            } else {
                break;
            }
        }
        let tag = text[body_start..end]
            .trim_end_matches(['-', '_'])
            .to_lowercase();
        let has_letter = tag.chars().any(char::is_alphabetic);
        if has_letter && !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::extract;

    #[test]
    fn finds_tags_at_word_starts() {
        assert_eq!(
            extract("Talk with #Students about the #lunch-line. #students again"),
            vec!["students", "lunch-line"]
        );
    }

    #[test]
    fn ignores_fragments_numbers_and_mid_word_hashes() {
        assert!(extract("see https://example.org/page#top and item#3").is_empty());
        assert!(extract("room #12 and # alone").is_empty());
    }

    #[test]
    fn a_tag_after_many_lines_is_found_as_in_the_first_line() {
        let text = "line one\nline two page#3\n  (#care) and #staff\nlast";
        assert_eq!(extract(text), vec!["care", "staff"]);
        assert_eq!(extract("x\n#first"), vec!["first"]);
    }

    #[test]
    fn accepts_any_script() {
        assert_eq!(extract("(#élèves) #先生"), vec!["élèves", "先生"]);
    }
}
