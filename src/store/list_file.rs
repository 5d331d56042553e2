//! What `commitments.toml` and `people.toml` share: one TOML file holding a list of
//! records with ids, read whole, checked, and rewritten whole atomically. A file a
//! person broke by hand is reported at its line and column and never overwritten.

use std::collections::HashSet;
use std::io;
use std::path::Path;

use serde::Serialize;

use super::{StoreError, Vault};
use crate::domain::Problem;
use crate::domain::problem::line_column;

/// The format version both files are written in.
pub const FORMAT_VERSION: i64 = 1;

/// The journal's vault for a file in its root, looked up at each use so a journal
/// encrypted meanwhile never gets a plain file.
fn vault(path: &Path) -> Result<Vault, StoreError> {
    Ok(Vault::for_root(path.parent().unwrap_or(Path::new(".")))?)
}

/// The file's text (decrypted in an encrypted journal), or `None` when it does not
/// exist yet (an empty list).
pub fn read_text(path: &Path) -> Result<Option<String>, StoreError> {
    match vault(path)?.read_text(path) {
        Err(StoreError::Io { path, source }) if source.kind() == io::ErrorKind::InvalidData => {
            Err(StoreError::Malformed(Problem::new(
                path.display().to_string(),
                "the file is not UTF-8 text",
            )))
        }
        other => other,
    }
}

/// A problem when the file says a version this build cannot read.
pub fn check_version(source: &str, text: &str, version: Option<i64>) -> Result<(), StoreError> {
    match version {
        None | Some(FORMAT_VERSION) => Ok(()),
        Some(other) => {
            let at = text.find("version").map(|offset| line_column(text, offset));
            Err(StoreError::Malformed(
                Problem::new(
                    source,
                    format!(
                        "this file is format version {other}, but this truenorth reads version \
                         {FORMAT_VERSION}; use the truenorth that wrote it, or a newer one"
                    ),
                )
                .at(at),
            ))
        }
    }
}

/// A problem naming the second record that reuses an id, located at that id in the
/// text when it can be found.
pub fn check_unique_ids<'a>(
    source: &str,
    text: &str,
    ids: impl IntoIterator<Item = &'a str>,
) -> Result<(), StoreError> {
    let mut seen = HashSet::new();
    for id in ids {
        if !seen.insert(id) {
            return Err(StoreError::Malformed(
                Problem::new(
                    source,
                    format!("the id `{id}` is used twice; each needs its own id"),
                )
                .at(second_place(text, id)),
            ));
        }
    }
    Ok(())
}

/// Where `id = "ID"` appears for the second time.
fn second_place(text: &str, id: &str) -> Option<(usize, usize)> {
    let mut found = text.match_indices(id).filter(|(offset, _)| {
        let line_start = text[..*offset].rfind('\n').map_or(0, |n| n + 1);
        let before = text[line_start..*offset]
            .trim_end_matches(['"', '\''])
            .trim_end();
        before.ends_with('=') && before.trim_start().starts_with("id")
    });
    found.nth(1).map(|(offset, _)| line_column(text, offset))
}

/// Writes `header` (comment lines for whoever opens the file) and `value` as TOML,
/// atomically, readable by the owner only and encrypted in an encrypted journal.
pub fn write(path: &Path, header: &str, value: &impl Serialize) -> Result<(), StoreError> {
    let body = toml::to_string(value).map_err(|error| StoreError::Encode {
        path: path.to_path_buf(),
        message: error.to_string(),
    })?;
    let text = format!("{header}{body}");
    vault(path)?.write(path, text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reused_id_is_found_where_it_is_reused() {
        let text = "[[person]]\nid = \"sam\"\nname = \"Sam\"\n\n[[person]]\nid = \"sam\"\n";
        let error = check_unique_ids("people.toml", text, ["sam", "sam"]).unwrap_err();
        assert!(error.to_string().starts_with("people.toml:6:7:"), "{error}");
        assert!(check_unique_ids("people.toml", text, ["sam", "ana"]).is_ok());
    }

    #[test]
    fn a_newer_version_is_refused_with_its_place() {
        let error = check_version("x.toml", "\nversion = 2\n", Some(2)).unwrap_err();
        assert!(error.to_string().starts_with("x.toml:2:1:"), "{error}");
        assert!(check_version("x.toml", "", None).is_ok());
    }
}
