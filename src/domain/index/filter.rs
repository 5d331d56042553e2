//! What a list or search is narrowed to: a date range, tags, frames, packs, privacy.

use chrono::NaiveDate;

use crate::domain::{Entry, Frame};

/// Which entries a list or search shows. Every field narrows the result; within a field
/// any of the listed values will do (`tags: ["staff", "families"]` is entries tagged
/// #staff or #families). The default shows everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// The first day shown (inclusive).
    pub from: Option<NaiveDate>,
    /// The last day shown (inclusive).
    pub to: Option<NaiveDate>,
    /// Tags without `#`, in any case; written `#tags` and explicit tags both count.
    pub tags: Vec<String>,
    pub frames: Vec<Frame>,
    /// Pack ids, e.g. `daily-lcv`.
    pub packs: Vec<String>,
    pub privacy: Privacy,
}

/// Whether private entries are shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Privacy {
    /// Private and shared entries: the leader's own screens.
    #[default]
    All,
    /// Shared entries only: scripting output, exports.
    SharedOnly,
    /// Private entries only.
    PrivateOnly,
}

impl Privacy {
    pub fn allows(self, private: bool) -> bool {
        match self {
            Privacy::All => true,
            Privacy::SharedOnly => !private,
            Privacy::PrivateOnly => private,
        }
    }
}

impl Filter {
    /// Whether the filter lets everything through.
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    pub fn allows_date(&self, date: NaiveDate) -> bool {
        self.from.is_none_or(|from| date >= from) && self.to.is_none_or(|to| date <= to)
    }

    /// Whether `entry`, written on `date`, passes. The index answers the same question
    /// faster from what it keeps; this is for callers holding a plain entry.
    pub fn allows(&self, date: NaiveDate, entry: &Entry) -> bool {
        let tags_ok = self.tags.is_empty() || {
            let tags = entry.all_tags();
            self.tags.iter().any(|wanted| {
                let wanted = normalize_tag(wanted);
                tags.iter().any(|tag| tag.to_lowercase() == wanted)
            })
        };
        self.allows_date(date)
            && self.privacy.allows(entry.private)
            && (self.frames.is_empty()
                || entry
                    .frame
                    .as_ref()
                    .is_some_and(|frame| self.frames.contains(frame)))
            && (self.packs.is_empty()
                || entry
                    .pack
                    .as_ref()
                    .is_some_and(|pack| self.packs.contains(pack)))
            && tags_ok
    }
}

/// A tag as the index keeps it: lower-cased, without a leading `#`.
pub fn normalize_tag(tag: &str) -> String {
    tag.trim().trim_start_matches('#').to_lowercase()
}
