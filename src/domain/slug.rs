//! Short, stable ids made from what a person typed: `Learn about 3 students` becomes
//! `learn-about-3-students`. Commitments and people are named by these ids in files
//! and on the command line, so they are readable and never change when the title or
//! name is edited later.

/// The longest id made from a title, in characters (a suffix may follow).
const MAX_LEN: usize = 40;

/// Lower-case letters and digits from `text`, runs of anything else turned into one
/// `-`, cut at a word boundary near [`MAX_LEN`]. Letters outside ASCII are kept (a
/// roster may be in any script); an id made of nothing usable is `fallback`.
pub fn slug(text: &str, fallback: &str) -> String {
    let mut id = String::new();
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
    {
        let word = word.to_lowercase();
        let len = id.chars().count();
        if len > 0 && len + 1 + word.chars().count() > MAX_LEN {
            break;
        }
        if len > 0 {
            id.push('-');
        }
        id.extend(word.chars().take(MAX_LEN));
    }
    if id.is_empty() {
        fallback.to_string()
    } else {
        id
    }
}

/// `base`, or `base-2`, `base-3` ... whichever is not taken.
pub fn unique(base: String, taken: impl Fn(&str) -> bool) -> String {
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .expect("an unbounded range always yields a free id")
}

/// Hands out unique ids quickly, however many share a base (a roster of thousands
/// imported at once, a hundred students called Sam).
#[derive(Debug, Clone, Default)]
pub struct Ids {
    taken: std::collections::HashSet<String>,
    /// The next number to try after each base, so `sam-2` ... `sam-100` are not
    /// searched again for the 101st Sam.
    next: std::collections::HashMap<String, u32>,
}

impl Ids {
    /// Knows `taken` as used.
    pub fn new<'a>(taken: impl IntoIterator<Item = &'a str>) -> Ids {
        Ids {
            taken: taken.into_iter().map(str::to_string).collect(),
            next: std::collections::HashMap::new(),
        }
    }

    /// `base`, or `base-N` with the smallest free N from 2, now marked as used.
    pub fn claim(&mut self, base: String) -> String {
        let id = if self.taken.contains(&base) {
            let mut n = self.next.get(&base).copied().unwrap_or(2);
            while self.taken.contains(&format!("{base}-{n}")) {
                n += 1;
            }
            self.next.insert(base.clone(), n + 1);
            format!("{base}-{n}")
        } else {
            base
        };
        self.taken.insert(id.clone());
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lower_case_words_joined_by_dashes() {
        assert_eq!(
            slug("Learn ONE new thing about 3 students!", "x"),
            "learn-one-new-thing-about-3-students"
        );
        assert_eq!(slug("  M.R.  ", "x"), "m-r");
        assert_eq!(slug("Zoë Ünal", "x"), "zoë-ünal");
        assert_eq!(slug("!!!", "person"), "person");
    }

    #[test]
    fn long_titles_are_cut_at_a_word() {
        let id = slug(
            "A Continue-Start-Stop conversation with a student group every single week",
            "x",
        );
        assert!(id.chars().count() <= MAX_LEN, "{id}");
        assert!(id.starts_with("a-continue-start-stop-conversation"), "{id}");
        assert!(!id.ends_with('-'));
    }

    #[test]
    fn unique_ids_get_a_number() {
        let taken = ["maya", "maya-2"];
        assert_eq!(unique("maya".into(), |id| taken.contains(&id)), "maya-3");
        assert_eq!(unique("sam".into(), |id| taken.contains(&id)), "sam");
        let mut ids = Ids::new(taken);
        assert_eq!(ids.claim("maya".into()), "maya-3");
        assert_eq!(ids.claim("maya".into()), "maya-4");
        assert_eq!(ids.claim("sam".into()), "sam");
        assert_eq!(ids.claim("sam".into()), "sam-2");
    }
}
