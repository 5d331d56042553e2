//! `packs/state.toml`: how far the leader is in each pack they have started.
//!
//! It is read loosely, entry by entry, so that one bad entry is reported at its place
//! and the others still load; it is written whole, atomically.

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::io;
use std::path::Path;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::domain::Problem;
use crate::domain::enrollment::Enrollment;
use crate::domain::problem::line_column;
use crate::store::{StoreError, atomic};

/// The progress file's name in `packs/`. Its stem is therefore not a usable pack id.
pub const STATE_FILE: &str = "state.toml";
const FORMAT_VERSION: i64 = 1;

const HEADER: &str = "# The packs you have started and how far you are in each.\n\
# truenorth keeps this file; `truenorth pack list` shows it in words.\n\n";

/// `state.toml` as written.
#[derive(Serialize)]
struct StateFile<'a> {
    version: i64,
    #[serde(rename = "pack")]
    packs: &'a [Enrollment],
}

/// `state.toml` as read: each entry kept loose, with the place of each value.
#[derive(Deserialize)]
struct RawState {
    version: Option<Spanned<i64>>,
    #[serde(default)]
    pack: Vec<Spanned<BTreeMap<String, Spanned<toml::Value>>>>,
}

/// What reading `state.toml` found.
#[derive(Debug, Default)]
pub struct StateRead {
    /// `None` when the file as a whole cannot be used.
    pub entries: Option<Vec<Enrollment>>,
    /// Ids named by entries, good or bad, so the pack file of a bad entry is not also
    /// reported as having no entry.
    pub named: HashSet<String>,
    pub problems: Vec<Problem>,
}

/// Reads the state file at `path` (named `source` in problems). A missing file is an
/// empty one: no pack has been started.
pub fn read(path: &Path, source: &str) -> StateRead {
    match fs::read_to_string(path) {
        Ok(text) => parse(source, &text),
        Err(error) if error.kind() == io::ErrorKind::NotFound => StateRead {
            entries: Some(Vec::new()),
            ..StateRead::default()
        },
        Err(error) => StateRead {
            problems: vec![Problem::new(source, error.to_string())],
            ..StateRead::default()
        },
    }
}

/// Replaces the state file at `path` with `entries`, atomically and owner-only.
pub fn write(path: &Path, entries: &[Enrollment]) -> Result<(), StoreError> {
    let file = StateFile {
        version: FORMAT_VERSION,
        packs: entries,
    };
    let body = toml::to_string(&file).map_err(|error| StoreError::Encode {
        path: path.to_path_buf(),
        message: error.to_string(),
    })?;
    let text = format!("{HEADER}{body}");
    atomic::write_atomic(path, text.as_bytes()).map_err(StoreError::io(path))
}

/// Reads `state.toml`'s text, keeping every good entry and locating each bad one.
fn parse(source: &str, text: &str) -> StateRead {
    let mut read = StateRead::default();
    let raw: RawState = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(error) => {
            read.problems.push(Problem::from_toml(source, text, &error));
            return read;
        }
    };
    let at = |offset: usize, message: String| {
        Problem::new(source, message).at(Some(line_column(text, offset)))
    };
    // Written by us, so a missing version is an old hand edit, read as the current one.
    if let Some(version) = &raw.version
        && *version.get_ref() != FORMAT_VERSION
    {
        read.problems.push(at(
            version.span().start,
            format!(
                "this file is format version {}, but this truenorth reads version \
                 {FORMAT_VERSION}; use the truenorth that wrote it, or a newer one",
                version.get_ref()
            ),
        ));
        return read;
    }
    let mut entries: Vec<Enrollment> = Vec::new();
    for spanned in raw.pack {
        let header = spanned.span();
        let fields = spanned.into_inner();
        let id = fields
            .get("pack")
            .and_then(|value| value.get_ref().as_str())
            .map(str::to_string);
        if let Some(id) = &id {
            read.named.insert(id.clone());
        }
        let table: toml::Table = fields
            .iter()
            .map(|(key, value)| (key.clone(), value.get_ref().clone()))
            .collect();
        match toml::Value::Table(table).try_into::<Enrollment>() {
            Ok(enrollment) if entries.iter().any(|seen| seen.pack == enrollment.pack) => {
                read.problems.push(at(
                    header.start,
                    format!(
                        "pack `{}` has two entries; delete one of them",
                        enrollment.pack
                    ),
                ));
            }
            Ok(enrollment) => entries.push(enrollment),
            Err(error) => {
                // serde names the key that failed as "in `key`": point at its value.
                let message = error.to_string();
                let (what, key) = match message.trim().split_once("\nin `") {
                    Some((what, rest)) => (what, rest.split('`').next()),
                    None => (message.trim(), None),
                };
                let offset = key
                    .and_then(|key| fields.get(key))
                    .map_or(header.start, |value| value.span().start);
                let whose = id.map_or_else(
                    || "a [[pack]] entry".to_string(),
                    |id| format!("pack `{id}`"),
                );
                let key = key.map(|key| format!("`{key}`: ")).unwrap_or_default();
                read.problems
                    .push(at(offset, format!("{whose}: {key}{what}")));
            }
        }
    }
    read.entries = Some(entries);
    read
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn entries_round_trip_through_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(STATE_FILE);
        let mut paused =
            Enrollment::new("b", "2.0.0", NaiveDate::from_ymd_opt(2026, 1, 2).unwrap());
        paused.pause(NaiveDate::from_ymd_opt(2026, 1, 5).unwrap());
        let entries = vec![
            Enrollment::new("a", "1.0.0", NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()),
            paused,
        ];
        write(&path, &entries).unwrap();
        let read = read(&path, "state.toml");
        assert!(read.problems.is_empty(), "{:?}", read.problems);
        assert_eq!(read.entries, Some(entries));
    }

    #[test]
    fn a_missing_field_points_at_its_entry() {
        let text = "version = 1\n\n[[pack]]\npack = \"a\"\nversion = \"1.0.0\"\n";
        let read = parse("state.toml", text);
        assert_eq!(read.entries, Some(Vec::new()));
        assert!(read.named.contains("a"));
        assert_eq!(
            read.problems[0].to_string(),
            "state.toml:3:1: pack `a`: missing field `started`"
        );
    }

    #[test]
    fn a_newer_format_is_not_read() {
        let read = parse("state.toml", "version = 2\n");
        assert_eq!(read.entries, None);
        assert!(
            read.problems[0]
                .to_string()
                .starts_with("state.toml:1:11: this file is format version 2")
        );
    }

    #[test]
    fn a_pack_listed_twice_is_a_problem() {
        let entry = "[[pack]]\npack = \"a\"\nversion = \"1.0.0\"\nstarted = \"2026-01-01\"\n";
        let read = parse("state.toml", &format!("version = 1\n{entry}{entry}"));
        assert_eq!(read.entries.map(|entries| entries.len()), Some(1));
        assert_eq!(
            read.problems[0].to_string(),
            "state.toml:6:1: pack `a` has two entries; delete one of them"
        );
    }
}
