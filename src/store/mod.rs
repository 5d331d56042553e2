//! The only code that touches the disk. Everything the app keeps is a plain file the
//! user owns, written atomically and readable by the owner only.

pub mod atomic;
pub mod commitments;
pub mod config;
pub mod drafts;
pub mod journal;
pub mod journal_cache;
mod list_file;
pub mod lock;
pub mod packs;
pub mod paths;
pub mod people;
pub mod permissions;
pub mod rescue;
pub mod review_state;
pub mod tag_rename;
pub mod themes;
pub mod vault;
pub mod writable;

use std::path::PathBuf;

use crate::domain::Problem;

pub use commitments::CommitmentStore;
pub use config::Config;
pub use drafts::{DayDraft, DraftFile, Drafts, EntryDraft, FormDraft, FormKind, SlotDraft};
pub use journal::{Journal, JournalScan};
pub use packs::{AddKind, AddOutcome, InstalledPacks, PackStore, PackStoreError};
pub use paths::Paths;
pub use people::PeopleStore;
pub use vault::Vault;

/// What can go wrong when reading or writing the journal.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}: {source}", .path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A file a person can fix by hand; it is never overwritten while broken.
    #[error("{0}")]
    Malformed(Problem),
    #[error("could not write {}: {message}", .path.display())]
    Encode { path: PathBuf, message: String },
    /// The journal is encrypted and its key is not at hand, or a conversion is
    /// unfinished.
    #[error(transparent)]
    Vault(#[from] vault::VaultError),
}

impl StoreError {
    pub fn io(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> StoreError {
        let path = path.into();
        move |source| StoreError::Io { path, source }
    }
}
