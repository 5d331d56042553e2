//! Checks on what an export is asked for, so a typo is named instead of giving an
//! empty document: a frame nobody knows is refused, and a pack no entry answers, or a
//! tag no entry has, is warned about (it may be a pack just added, with nothing
//! written for it yet).

use std::collections::BTreeSet;

use super::Sources;
use crate::domain::Frame;
use crate::domain::index::normalize_tag;
use crate::domain::problem::closest;

/// A frame asked for that is not built in, not declared by a pack and not on any
/// entry: the problem, with the frames there are and the nearest one.
pub fn unknown_frame(sources: &Sources<'_>, frames: &[Frame]) -> Option<String> {
    let mut known: Vec<String> = Frame::BUILT_IN
        .iter()
        .map(|frame| frame.id().to_string())
        .collect();
    let others: BTreeSet<&str> = sources
        .packs
        .iter()
        .flat_map(|pack| pack.prompts.iter().map(|prompt| &prompt.frame))
        .chain(
            sources
                .days
                .iter()
                .flat_map(|day| day.entries.iter().filter_map(|entry| entry.frame.as_ref())),
        )
        .filter(|frame| !frame.is_built_in())
        .map(Frame::id)
        .collect();
    known.extend(others.into_iter().map(str::to_string));
    let unknown = frames
        .iter()
        .find(|frame| !known.iter().any(|id| id == frame.id()))?;
    let hint = closest(unknown.id(), known.iter().map(String::as_str))
        .map(|best| format!(" Did you mean `{best}`?"))
        .unwrap_or_default();
    Some(format!(
        "there is no frame `{}`.{hint} The frames are: {}.",
        unknown.id(),
        known.join(", ")
    ))
}

/// For each pack asked for that no entry in the journal answers (private ones
/// included, so the warning says nothing about them), a warning naming it and the
/// packs that do have entries.
pub fn packs_without_entries(sources: &Sources<'_>, packs: &[String]) -> Vec<String> {
    let answered: BTreeSet<&str> = sources
        .days
        .iter()
        .flat_map(|day| day.entries.iter().filter_map(|entry| entry.pack.as_deref()))
        .collect();
    packs
        .iter()
        .filter(|pack| !answered.contains(pack.as_str()))
        .map(|pack| {
            let installed = sources.packs.iter().any(|known| known.meta.id == *pack);
            let hint = closest(pack, answered.iter().copied())
                .map(|best| format!(" Did you mean `{best}`?"))
                .unwrap_or_default();
            let why = if installed {
                "no entry answers a prompt of it yet"
            } else {
                "no such pack is installed and no entry answers one"
            };
            let list: Vec<&str> = answered.iter().copied().collect();
            let listed = if list.is_empty() {
                String::new()
            } else {
                format!(" Packs with entries: {}.", list.join(", "))
            };
            format!("pack `{pack}`: {why}, so nothing from it is in the export.{hint}{listed}")
        })
        .collect()
}

/// For each tag asked for that no entry in the journal carries (private ones
/// included, as for packs), a warning naming it, with the nearest tag there is.
pub fn tags_without_entries(sources: &Sources<'_>, tags: &[String]) -> Vec<String> {
    let mut wanted: Vec<String> = Vec::new();
    for tag in tags.iter().map(|tag| normalize_tag(tag)) {
        if !wanted.contains(&tag) {
            wanted.push(tag);
        }
    }
    if wanted.is_empty() {
        return Vec::new();
    }
    let known: BTreeSet<String> = sources
        .days
        .iter()
        .flat_map(|day| &day.entries)
        .flat_map(|entry| entry.all_tags())
        .map(|tag| normalize_tag(&tag))
        .collect();
    let mut warnings = Vec::new();
    for tag in wanted {
        if known.contains(&tag) {
            continue;
        }
        let hint = closest(&tag, known.iter().map(String::as_str))
            .map(|best| format!(" Did you mean `#{best}`?"))
            .unwrap_or_default();
        warnings.push(format!(
            "tag `#{tag}`: no entry has it, so nothing is in the export for it.{hint} \
             `truenorth tags` lists the tags there are."
        ));
    }
    warnings
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;
    use crate::domain::{Day, Entry};

    fn journal() -> Vec<Day> {
        let created = DateTime::parse_from_rfc3339("2026-11-10T07:00:00-05:00").unwrap();
        let mut day = Day::new(created.date_naive());
        let mut entry = Entry::new(created, 0, "text".into());
        entry.pack = Some("courage-6-weeks".into());
        entry.frame = Some(Frame::from("listening"));
        day.entries.push(entry);
        vec![day]
    }

    #[test]
    fn an_unknown_frame_is_named_with_the_known_ones() {
        let days = journal();
        let sources = Sources {
            days: &days,
            ..Sources::default()
        };
        assert_eq!(unknown_frame(&sources, &[Frame::Courage]), None);
        // A frame only an entry carries (from a pack since removed) is known.
        assert_eq!(unknown_frame(&sources, &[Frame::from("listening")]), None);
        let problem = unknown_frame(&sources, &[Frame::from("corage")]).unwrap();
        assert!(problem.starts_with("there is no frame `corage`. Did you mean `courage`?"));
        assert!(
            problem.contains("love, care, vulnerability, true-north"),
            "{problem}"
        );
        assert!(problem.ends_with("review, listening."), "{problem}");
        let far = unknown_frame(&sources, &[Frame::from("nosuch")]).unwrap();
        assert!(!far.contains("Did you mean"), "{far}");
    }

    #[test]
    fn a_tag_no_entry_has_is_warned_about() {
        let mut days = journal();
        days[0].entries[0].text = "Hallway chat #staff-meeting".into();
        days[0].entries[0].tags = vec!["parents".into()];
        let sources = Sources {
            days: &days,
            ..Sources::default()
        };
        let asked = |tags: &[&str]| {
            let tags: Vec<String> = tags.iter().map(|tag| tag.to_string()).collect();
            tags_without_entries(&sources, &tags)
        };
        assert!(asked(&["#Staff-Meeting", "parents"]).is_empty());
        assert_eq!(
            asked(&["staff-meetin", "nosuchtag", "nosuchtag"]),
            [
                "tag `#staff-meetin`: no entry has it, so nothing is in the export for it. Did \
                 you mean `#staff-meeting`? `truenorth tags` lists the tags there are.",
                "tag `#nosuchtag`: no entry has it, so nothing is in the export for it. \
                 `truenorth tags` lists the tags there are.",
            ]
        );
    }

    #[test]
    fn a_pack_without_entries_is_warned_about() {
        let days = journal();
        let sources = Sources {
            days: &days,
            ..Sources::default()
        };
        assert!(packs_without_entries(&sources, &["courage-6-weeks".into()]).is_empty());
        let warnings = packs_without_entries(&sources, &["courage-6-week".into()]);
        assert_eq!(
            warnings,
            [
                "pack `courage-6-week`: no such pack is installed and no entry answers one, so \
              nothing from it is in the export. Did you mean `courage-6-weeks`? Packs with \
              entries: courage-6-weeks."
            ]
        );
    }
}
