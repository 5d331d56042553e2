//! Prompt packs: themed sets of prompts, as coaches write them in TOML.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::{Problem, Prompt};

/// The `[pack]` table: who wrote the pack and what it is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackMeta {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub author: String,
    pub version: String,
    #[serde(default)]
    pub description: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub psel: Vec<u8>,
}

/// A whole pack file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pack {
    pub pack: PackMeta,
    #[serde(default, rename = "prompt")]
    pub prompts: Vec<Prompt>,
}

/// Why a pack could not be used; each problem names the file and place.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", .problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
pub struct PackError {
    pub problems: Vec<Problem>,
}

impl Pack {
    /// Parses and checks a pack. `source` names the file in error messages.
    pub fn parse(source: &str, text: &str) -> Result<Pack, PackError> {
        let pack: Pack = toml::from_str(text).map_err(|error| PackError {
            problems: vec![Problem::from_toml(source, text, &error)],
        })?;
        let problems = pack.check(source, text);
        if problems.is_empty() {
            Ok(pack)
        } else {
            Err(PackError { problems })
        }
    }

    fn check(&self, source: &str, text: &str) -> Vec<Problem> {
        let mut problems = Vec::new();
        let place = |needle: &str| {
            text.find(needle)
                .map(|offset| super::problem::line_column(text, offset))
        };
        if self.pack.id.trim().is_empty() {
            problems.push(Problem::new(source, "the pack needs an id").at(place("[pack]")));
        }
        let mut seen = HashSet::new();
        for prompt in &self.prompts {
            let at = place(&format!("\"{}\"", prompt.id));
            if prompt.id.trim().is_empty() {
                problems.push(Problem::new(source, "a prompt has an empty id").at(at));
            } else if !seen.insert(prompt.id.as_str()) {
                problems.push(
                    Problem::new(source, format!("prompt id `{}` is used twice", prompt.id)).at(at),
                );
            }
            if prompt.text.trim().is_empty() {
                problems.push(
                    Problem::new(source, format!("prompt `{}` has no text", prompt.id)).at(at),
                );
            }
            if let Some(bad) = prompt.psel.iter().find(|n| !(1..=10).contains(*n)) {
                problems.push(
                    Problem::new(
                        source,
                        format!(
                            "prompt `{}`: PSEL standards run from 1 to 10, not {bad}",
                            prompt.id
                        ),
                    )
                    .at(at),
                );
            }
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
[pack]
id = "test"
title = "Test"
version = "1.0.0"

[[prompt]]
id = "a"
frame = "love"
text = "Who?"
psel = [5]
"#;

    #[test]
    fn a_good_pack_parses() {
        let pack = Pack::parse("good.toml", GOOD).unwrap();
        assert_eq!(pack.prompts.len(), 1);
        assert_eq!(pack.prompts[0].frame, super::super::Frame::Love);
    }

    #[test]
    fn duplicate_ids_are_located() {
        let text = format!("{GOOD}\n[[prompt]]\nid = \"a\"\nframe = \"care\"\ntext = \"Again?\"\n");
        let error = Pack::parse("dup.toml", &text).unwrap_err();
        assert_eq!(error.problems.len(), 1);
        assert!(error.problems[0].message.contains("used twice"));
        assert!(error.to_string().starts_with("dup.toml:"));
    }

    #[test]
    fn unknown_keys_name_the_line() {
        let text = GOOD.replace("psel = [5]", "colour = \"red\"");
        let error = Pack::parse("bad.toml", &text).unwrap_err();
        let problem = &error.problems[0];
        assert_eq!(problem.position.map(|(line, _)| line), Some(11));
        assert!(problem.message.contains("colour"), "{problem}");
    }
}
