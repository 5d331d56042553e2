//! Saving an edit without losing an edit made elsewhere meanwhile. Every save reads
//! the day fresh from disk, so entries and fields that only one side touched merge by
//! themselves; what is left is the same entry's text changed on both sides (the file
//! edited by hand, or synced from another machine, while an answer was open here).
//! Then neither version is dropped: the one on disk stays, and this one is saved
//! beside it as an entry of its own.

use chrono::{DateTime, FixedOffset};

use super::{Day, Entry};

/// Whether writing `ours` over `theirs` (the text on disk now) would lose an edit:
/// the text changed on disk since `base` (the text the edit started from), and not to
/// what this edit says.
pub fn would_lose(theirs: &str, base: &str, ours: &str) -> bool {
    theirs != base && theirs != ours
}

/// What saving an entry's edited text did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edited {
    /// The entry holds the new text.
    Updated,
    /// The entry was changed elsewhere since the edit began: it is left as it is, and
    /// the new text became this new entry beside it.
    KeptBoth(String),
    /// The entry is no longer in the day (deleted elsewhere): the new text became
    /// this new entry, rather than being dropped with it.
    Recreated(String),
}

/// Saves the edit of entry `id` from `base` to `text` into `day`, read fresh from
/// disk, keeping both versions when the entry changed on disk since.
pub fn edit_text(
    day: &mut Day,
    id: &str,
    base: &str,
    text: &str,
    now: DateTime<FixedOffset>,
) -> Edited {
    let Some(entry) = day.entries.iter_mut().find(|entry| entry.id == id) else {
        let entry = Entry {
            id: day.next_entry_id(now),
            ..Entry::new(now, day.entries.len(), text.to_string())
        };
        let new_id = entry.id.clone();
        day.entries.push(entry);
        return Edited::Recreated(new_id);
    };
    if !would_lose(&entry.text, base, text) {
        entry.text = text.to_string();
        return Edited::Updated;
    }
    let copy = entry.clone();
    let copy = Entry {
        id: day.next_entry_id(now),
        created: now,
        text: text.to_string(),
        ..copy
    };
    let new_id = copy.id.clone();
    day.entries.push(copy);
    Edited::KeptBoth(new_id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-25T09:00:00+01:00").unwrap()
    }

    fn day_with(text: &str) -> (Day, String) {
        let mut day = Day::new(NaiveDate::from_ymd_opt(2026, 11, 25).unwrap());
        let created = DateTime::parse_from_rfc3339("2026-11-25T07:00:00+01:00").unwrap();
        let entry = Entry::new(created, 0, text.to_string());
        let id = entry.id.clone();
        day.entries.push(entry);
        (day, id)
    }

    #[test]
    fn an_edit_of_an_unchanged_entry_replaces_its_text() {
        let (mut day, id) = day_with("before");
        assert_eq!(
            edit_text(&mut day, &id, "before", "after", now()),
            Edited::Updated
        );
        assert_eq!(day.entries.len(), 1);
        assert_eq!(day.entries[0].text, "after");
    }

    #[test]
    fn an_entry_changed_elsewhere_keeps_both_versions() {
        let (mut day, id) = day_with("changed by hand");
        let outcome = edit_text(&mut day, &id, "before", "changed here", now());
        let Edited::KeptBoth(new_id) = outcome else {
            panic!("expected both kept, got {outcome:?}");
        };
        assert_eq!(day.entry(&id).unwrap().text, "changed by hand");
        assert_eq!(day.entry(&new_id).unwrap().text, "changed here");
        // Both sides making the same change is no conflict.
        let (mut day, id) = day_with("same");
        assert_eq!(
            edit_text(&mut day, &id, "before", "same", now()),
            Edited::Updated
        );
        assert_eq!(day.entries.len(), 1);
    }

    #[test]
    fn an_entry_deleted_elsewhere_gets_the_edit_as_a_new_entry() {
        let (mut day, _) = day_with("x");
        let outcome = edit_text(&mut day, "gone", "x", "y", now());
        let Edited::Recreated(new_id) = outcome else {
            panic!("expected a new entry, got {outcome:?}");
        };
        assert_eq!(day.entries.len(), 2);
        assert_eq!(day.entry(&new_id).unwrap().text, "y");
    }
}
