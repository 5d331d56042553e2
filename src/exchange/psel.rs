//! The PSEL 2015 standards an entry serves: those of the prompt it answered, as its
//! pack names them. Only the standards' titles are used (their text is licensed
//! without derivatives).

use std::collections::HashMap;

use crate::domain::{Entry, Pack};

/// The ten standards' titles, by number (index 0 is standard 1).
pub const TITLES: [&str; 10] = [
    "Mission, vision and core values",
    "Ethics and professional norms",
    "Equity and cultural responsiveness",
    "Curriculum, instruction and assessment",
    "Community of care and support for students",
    "Professional capacity of school personnel",
    "Professional community for teachers and staff",
    "Meaningful engagement of families and community",
    "Operations and management",
    "School improvement",
];

/// "Standard 3: Equity and cultural responsiveness".
pub fn heading(standard: u8) -> String {
    match TITLES.get(usize::from(standard).wrapping_sub(1)) {
        Some(title) => format!("Standard {standard}: {title}"),
        None => format!("Standard {standard}"),
    }
}

/// Each prompt's standards, by pack id and prompt id.
#[derive(Debug, Clone, Default)]
pub struct PromptStandards {
    by_pack: HashMap<String, HashMap<String, Vec<u8>>>,
}

impl PromptStandards {
    /// From the packs an entry may have come from (built-in and installed). A prompt
    /// without its own `psel` serves no standard in particular: the pack's list says
    /// what the pack as a whole is for, which is too broad to file one answer under.
    pub fn new(packs: &[Pack]) -> PromptStandards {
        let mut by_pack: HashMap<String, HashMap<String, Vec<u8>>> = HashMap::new();
        for pack in packs {
            let prompts = by_pack.entry(pack.meta.id.clone()).or_default();
            for prompt in pack.prompts.iter().filter(|prompt| !prompt.psel.is_empty()) {
                let mut standards = prompt.psel.clone();
                standards.sort_unstable();
                standards.dedup();
                prompts.entry(prompt.id.clone()).or_insert(standards);
            }
        }
        PromptStandards { by_pack }
    }

    /// The standards of the prompt `entry` answered, lowest first; empty for a free
    /// note or a prompt no known pack links to a standard.
    pub fn of(&self, entry: &Entry) -> &[u8] {
        let (Some(pack), Some(prompt)) = (&entry.pack, &entry.prompt) else {
            return &[];
        };
        self.by_pack
            .get(pack)
            .and_then(|prompts| prompts.get(prompt))
            .map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin;

    #[test]
    fn built_in_prompts_name_their_standards() {
        let standards = PromptStandards::new(&builtin::packs_lenient());
        let created = chrono::DateTime::parse_from_rfc3339("2026-11-24T07:00:00Z").unwrap();
        let mut entry = Entry::new(created, 0, "answer".into());
        assert!(standards.of(&entry).is_empty());
        entry.pack = Some("daily-lcv".into());
        entry.prompt = Some("love-01".into());
        assert_eq!(standards.of(&entry), [3, 5]);
        entry.prompt = Some("no-such-prompt".into());
        assert!(standards.of(&entry).is_empty());
    }

    #[test]
    fn headings_carry_the_title() {
        assert_eq!(heading(3), "Standard 3: Equity and cultural responsiveness");
        assert_eq!(heading(10), "Standard 10: School improvement");
        assert_eq!(heading(11), "Standard 11");
        assert_eq!(heading(0), "Standard 0");
    }
}
