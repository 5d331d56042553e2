//! `#tags` written inside entry text.

use std::ops::Range;

/// The tags written in `text` as `#word`, lower-cased, in order of first appearance.
///
/// A tag starts at a `#` that begins a word (so `page#3` and URL fragments are not tags)
/// and runs over letters, digits, `-` and `_` in any script.
pub fn extract(text: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for (_, tag) in occurrences(text) {
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    tags
}

/// `text` with every `#old` tag written as `#new` (both without `#`, `old` in lower
/// case), or `None` when `old` is not in it. Only whole tags change: renaming `staff`
/// leaves `#staffroom` alone.
pub fn rename(text: &str, old: &str, new: &str) -> Option<String> {
    let mut renamed = String::with_capacity(text.len());
    let mut copied = 0;
    for (body, tag) in occurrences(text) {
        if tag == old {
            renamed.push_str(&text[copied..body.start]);
            renamed.push_str(new);
            copied = body.end;
        }
    }
    if copied == 0 {
        return None;
    }
    renamed.push_str(&text[copied..]);
    Some(renamed)
}

/// A tag as a person types it (`#Staff`, ` staff `) in the form tags are kept, or
/// why it cannot be one.
pub fn normalize(typed: &str) -> Result<String, String> {
    let bare = typed.trim().trim_start_matches('#');
    match extract(&format!("#{bare}")).as_slice() {
        [tag] if tag.chars().count() == bare.chars().count() => Ok(tag.clone()),
        _ => Err(format!(
            "“{}” cannot be a tag: use letters, digits, - and _ (at least one letter)",
            typed.trim()
        )),
    }
}

/// Each `#tag` in `text`: the byte range of its name (after `#`, as written) and the
/// name in lower case.
fn occurrences(text: &str) -> Vec<(Range<usize>, String)> {
    // Most text has no `#` at all, and what comes before the line of the first `#`
    // cannot hold a tag: skip it without decoding. Starting at a line start reads the
    // same as the whole text, because a line start begins a word either way.
    let Some(first_hash) = memchr::memchr(b'#', text.as_bytes()) else {
        return Vec::new();
    };
    let line_start = text[..first_hash]
        .rfind('\n')
        .map_or(0, |newline| newline + 1);
    let mut found = Vec::new();
    let mut previous: Option<char> = None;
    let mut chars = text[line_start..].char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let starts_word = previous.is_none_or(|p| p.is_whitespace() || "([{\"'".contains(p));
        previous = Some(c);
        if c != '#' || !starts_word {
            continue;
        }
        let body_start = line_start + start + 1;
        let mut end = body_start;
        while let Some(&(index, next)) = chars.peek() {
            if next.is_alphanumeric() || next == '-' || next == '_' {
                end = line_start + index + next.len_utf8();
                previous = Some(next);
                chars.next();
            } else {
                break;
            }
        }
        let name = text[body_start..end].trim_end_matches(['-', '_']);
        if name.chars().any(char::is_alphabetic) {
            found.push((body_start..body_start + name.len(), name.to_lowercase()));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::{extract, normalize, rename};

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

    #[test]
    fn renaming_changes_whole_tags_only_and_keeps_the_rest() {
        let text = "Lunch with #Staff (#staff-room too) and #staff. #staffroom stays";
        assert_eq!(
            rename(text, "staff", "team").as_deref(),
            Some("Lunch with #team (#staff-room too) and #team. #staffroom stays")
        );
        assert_eq!(rename("no tags here, page#staff", "staff", "team"), None);
    }

    #[test]
    fn renaming_works_after_other_lines_and_in_any_script() {
        let text = "first line\nsecond #Élèves and #élèves\nthird";
        assert_eq!(
            rename(text, "élèves", "students").as_deref(),
            Some("first line\nsecond #students and #students\nthird")
        );
    }

    #[test]
    fn a_typed_tag_is_normalized_or_refused_with_why() {
        assert_eq!(normalize(" #Staff ").unwrap(), "staff");
        assert_eq!(normalize("lunch-line").unwrap(), "lunch-line");
        assert!(normalize("two words").unwrap_err().contains("two words"));
        assert!(normalize("#12").is_err());
        assert!(normalize("").is_err());
    }
}
