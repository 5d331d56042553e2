//! For coaches: `pack new` writes a pack to start from, `pack check` says what is wrong
//! with one, line by line.

use std::fs::OpenOptions;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, anyhow};

use super::{is_builtin, length, plural};
use crate::builtin::{is_daily, packs_lenient};
use crate::commands::check_files::check_files;
use crate::domain::Pack;

/// The commented pack `pack new` writes: complete and valid, so a coach edits from a
/// pack that works.
pub const TEMPLATE: &str = include_str!("../pack_template.toml");

/// The id the template uses until a coach picks one.
const TEMPLATE_ID: &str = "my-pack";

/// How many prompt ids a note names before it says "and N more".
const NOTE_IDS: usize = 5;

/// `pack new [FILE]`: the template to standard output, or into a new file.
pub fn new(file: Option<&Path>, out: &mut impl Write) -> anyhow::Result<bool> {
    let Some(path) = file else {
        out.write_all(TEMPLATE.as_bytes())?;
        return Ok(true);
    };
    let text = template_for(path);
    // create_new: a coach's existing pack is never overwritten, not even by a race.
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|error| match error.kind() {
            io::ErrorKind::AlreadyExists => anyhow!(
                "{} already exists, so nothing was written; choose another name, or delete \
                 the file first",
                path.display()
            ),
            _ => anyhow!(error).context(format!("could not create {}", path.display())),
        })?;
    file.write_all(text.as_bytes())
        .with_context(|| format!("could not write {}", path.display()))?;
    writeln!(
        out,
        "Wrote {shown}. Edit it in any text editor, then check it with \
         `truenorth pack check {shown}`.",
        shown = path.display()
    )?;
    Ok(true)
}

/// The template with its id taken from the file's name (`courage-lite.toml` gives
/// `courage-lite`) when that name makes a valid id of the coach's own.
fn template_for(path: &Path) -> String {
    let Some(stem) = path.file_stem().and_then(|stem| stem.to_str()) else {
        return TEMPLATE.to_string();
    };
    let named = TEMPLATE.replacen(
        &format!("id = \"{TEMPLATE_ID}\""),
        &format!("id = \"{stem}\""),
        1,
    );
    let usable = stem != "state" && !is_builtin(stem) && Pack::parse(stem, &named).is_ok();
    if usable { named } else { TEMPLATE.to_string() }
}

/// `pack check FILE...`: "FILE: ok (...)" for each good file, every problem as
/// `file:line:col: message`. Returns whether every file is good.
pub fn check(files: &[PathBuf], out: &mut impl Write) -> anyhow::Result<bool> {
    check_files(files, out, |source, text| {
        let pack = Pack::parse(source, text).map_err(|error| error.problems)?;
        let count = pack.prompts.len();
        let summary = format!("ok ({count} prompt{}, {})", plural(count), length(&pack));
        let notes = notes(&pack).into_iter().map(|note| format!("note: {note}"));
        Ok(std::iter::once(summary).chain(notes).collect())
    })
}

/// Things about a valid pack a coach may not have meant.
fn notes(pack: &Pack) -> Vec<String> {
    let mut notes = Vec::new();
    let id = &pack.meta.id;
    let builtin = packs_lenient();
    let is_builtin_file = builtin.iter().any(|known| known == pack);
    if id == "state" {
        notes.push(
            "the id `state` is reserved for truenorth's own packs/state.toml, so leaders \
             cannot add this pack; give it another id"
                .to_string(),
        );
    } else if !is_builtin_file && builtin.iter().any(|known| &known.meta.id == id) {
        notes.push(format!(
            "`{id}` is the id of a built-in pack, so leaders cannot add this file; give \
             your version an id of its own"
        ));
    }
    // The daily pools are unscheduled on purpose: Today draws from them every day.
    if !is_daily(id) {
        let unscheduled: Vec<&str> = pack.unscheduled().map(|p| p.id.as_str()).collect();
        if let Some(note) = unscheduled_note(&unscheduled) {
            notes.push(note);
        }
    }
    notes
}

fn unscheduled_note(ids: &[&str]) -> Option<String> {
    let quoted = |ids: &[&str]| {
        ids.iter()
            .map(|id| format!("`{id}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match ids {
        [] => None,
        [one] => Some(format!(
            "prompt `{one}` has no day, weekday or every, so it is offered only in the \
             prompt picker"
        )),
        many => {
            let named = if many.len() > NOTE_IDS {
                format!(
                    "{} and {} more",
                    quoted(&many[..NOTE_IDS]),
                    many.len() - NOTE_IDS
                )
            } else {
                quoted(many)
            };
            Some(format!(
                "{} prompts have no day, weekday or every, so they are offered only in the \
                 prompt picker: {named}",
                many.len()
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_template_is_a_valid_pack() {
        let pack = Pack::parse("template.toml", TEMPLATE).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(pack.meta.id, TEMPLATE_ID);
        assert!(!is_builtin(&pack.meta.id));
    }

    #[test]
    fn the_template_takes_its_id_from_a_usable_file_name() {
        let id_of = |name: &str| {
            Pack::parse(name, &template_for(Path::new(name)))
                .unwrap()
                .meta
                .id
        };
        assert_eq!(id_of("courage-lite.toml"), "courage-lite");
        assert_eq!(id_of("dir/My Pack.toml"), TEMPLATE_ID);
        assert_eq!(id_of("courage-6-weeks.toml"), TEMPLATE_ID);
        assert_eq!(id_of("state.toml"), TEMPLATE_ID);
    }

    #[test]
    fn unscheduled_notes_name_a_few_ids() {
        assert_eq!(unscheduled_note(&[]), None);
        assert!(
            unscheduled_note(&["a"])
                .unwrap()
                .starts_with("prompt `a` has")
        );
        let many = ["a", "b", "c", "d", "e", "f", "g"];
        assert!(
            unscheduled_note(&many)
                .unwrap()
                .ends_with("`a`, `b`, `c`, `d`, `e` and 2 more")
        );
    }
}
