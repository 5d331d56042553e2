//! One writer per journal, seen from the app. The first window holds the journal's
//! lock for as long as it is open; a second one opens read-only, says so in a banner
//! and refuses every write, so it can never overwrite what the first one saved.
//!
//! Text that cannot go into the journal (typed in a read-only window, or when the
//! disk is full or the folder cannot be written) stays on screen and is kept in a
//! rescue file in the temp folder; the next window that can write takes it back as a
//! draft.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::{App, Level, Screen};
use crate::store::lock::{JournalLock, LockError, ReadOnly};
use crate::store::rescue::Rescue;
use crate::store::writable::{self, Unwritable};
use crate::store::{DraftFile, StoreError, permissions};
use crate::ui::action::Action;
use crate::ui::keymap::Mode;

/// Where unsaved text went.
pub(super) enum Kept {
    Nothing,
    Drafts,
    Rescue(PathBuf),
    /// Not on disk at all, and why.
    Nowhere(String),
}

impl fmt::Display for Kept {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Kept::Nothing => Ok(()),
            Kept::Drafts => f.write_str("Your text is kept as a draft."),
            Kept::Rescue(path) => write!(f, "Your text is kept in {}.", path.display()),
            Kept::Nowhere(why) => write!(
                f,
                "Your text could not be kept on disk anywhere ({why}); it stays on screen \
                 only: copy it somewhere before you quit."
            ),
        }
    }
}

/// Whether this window may write the journal.
pub(super) enum Access {
    /// It holds the journal's lock, until the app is dropped.
    Writer { _lock: JournalLock },
    /// It may not, why (another truenorth writes, or the folder cannot be written)
    /// and what to do about it. The guard makes the store refuse writes, whichever
    /// code asks.
    ReadOnly {
        reason: String,
        fix: String,
        _guard: ReadOnly,
    },
}

impl Access {
    pub(super) fn open(root: &Path) -> Access {
        match JournalLock::try_acquire(root, "the truenorth app") {
            // A lock file left from before the folder lost its write permission still
            // locks: ask the folder itself, so the banner says so before any typing.
            Ok(lock) => match writable::probe(root)
                .err()
                .and_then(|error| Unwritable::from_io(root, &error))
            {
                Some(unwritable) => {
                    drop(lock);
                    Access::ReadOnly {
                        reason: unwritable.reason(),
                        fix: format!("Fix: {}, then open truenorth again.", unwritable.fix()),
                        _guard: ReadOnly::new(root),
                    }
                }
                None => Access::Writer { _lock: lock },
            },
            Err(LockError::Held { holder, .. }) => Access::ReadOnly {
                reason: format!("{holder} is writing this journal"),
                fix: "To write here, quit it and open this window again.".to_string(),
                _guard: ReadOnly::new(root),
            },
            Err(LockError::Store(error)) => {
                let (reason, fix) = match Unwritable::from_error(root, &error) {
                    Some(unwritable) => (
                        unwritable.reason(),
                        format!("Fix: {}, then open truenorth again.", unwritable.fix()),
                    ),
                    None => (
                        format!("the journal's lock could not be taken ({error})"),
                        "Check the journal folder, then open truenorth again.".to_string(),
                    ),
                };
                Access::ReadOnly {
                    reason,
                    fix,
                    _guard: ReadOnly::new(root),
                }
            }
        }
    }

    pub(super) fn is_writer(&self) -> bool {
        matches!(self, Access::Writer { .. })
    }
}

/// A store error as a person reads it: what happened, and for the failures a person
/// can act on (a full disk, a read-only folder), what to do.
/// Kept short: it shares the status line with where the text went.
pub(super) fn explain(error: &StoreError) -> String {
    let StoreError::Io { source, .. } = error else {
        return error.to_string();
    };
    match source.kind() {
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => {
            format!("{source}; the disk is full: free some space, then save again")
        }
        io::ErrorKind::ReadOnlyFilesystem | io::ErrorKind::PermissionDenied => {
            format!("{source}; the journal folder cannot be written")
        }
        _ => error.to_string(),
    }
}

impl App {
    /// Why this window cannot write, for the banner; `None` when it can.
    pub fn read_only(&self) -> Option<&str> {
        match &self.access {
            Access::Writer { .. } => None,
            Access::ReadOnly { reason, .. } => Some(reason),
        }
    }

    /// What to do so this window can write; `None` when it can.
    fn read_only_fix(&self) -> Option<&str> {
        match &self.access {
            Access::Writer { .. } => None,
            Access::ReadOnly { fix, .. } => Some(fix),
        }
    }

    /// Where this window's unsaved text is kept outside the journal, if it is.
    pub fn rescued_to(&self) -> Option<&Path> {
        self.kept_in.as_deref()
    }

    /// Keeps rescue files in `dir` rather than the system's temp folder (tests).
    pub fn keep_rescues_in(&mut self, dir: &Path) {
        self.rescue = Rescue::new(dir, self.journal.root());
    }

    /// Asked before every write: true when this window may write. When it may not,
    /// it says so and keeps today's unsaved text in the rescue file.
    pub(super) fn may_write(&mut self) -> bool {
        if self.access.is_writer() {
            return true;
        }
        // The banner says why; the status line says where the text went.
        let kept = self.keep_in_rescue();
        let text = format!("Not saved (read-only window). {kept}");
        self.tell(Level::Warning, text.trim_end());
        false
    }

    /// Whether `action`, asked for where the person is, would write the journal, or
    /// start something that ends in a write (an entry editor, a note to type): a
    /// read-only window refuses those up front rather than after the typing. Writes
    /// not listed here are still refused, by the store (see [`ReadOnly`]).
    pub(super) fn writes(&self, action: Action) -> bool {
        use Action as A;
        let mode = self.mode();
        if matches!(
            mode,
            Mode::Help
                | Mode::Picker
                | Mode::PersonPicker
                | Mode::CommitmentPicker
                | Mode::ListPicker
                | Mode::LineInput
                | Mode::Confirm
        ) {
            return false;
        }
        match (self.screen, action) {
            // An export is written outside the journal: a read-only window may too.
            (Screen::Export, A::Save) => false,
            (_, A::Save | A::LogConnection | A::PickCommitment) => true,
            (
                Screen::Journal,
                A::StartEditing | A::TogglePrivate | A::Delete | A::UndoDelete | A::RenameTag,
            ) => mode == Mode::Journal,
            (
                Screen::Commitments,
                A::CheckOff
                | A::CheckOffYesterday
                | A::CheckOffWithNote
                | A::TogglePause
                | A::SkipDay,
            ) => true,
            (
                Screen::Commitments | Screen::People,
                A::AddNew | A::Edit | A::Archive | A::MarkDone | A::Unarchive,
            ) => true,
            (Screen::People, A::TakeBackNote) => true,
            (Screen::Today, A::CheckOff | A::CheckOffWithNote) => mode == Mode::Practice,
            (Screen::Packs, A::StartPack | A::TogglePause | A::RemovePack) => true,
            _ => false,
        }
    }

    /// Puts all of this window's unsaved work into `file`, in place of what it held
    /// of this window's: Today's answers and ratings, an open form, entries being
    /// edited on Journal. The one list of what counts as unsaved, for the drafts file
    /// and the rescue file alike.
    fn record_unsaved(&self, file: &mut DraftFile) {
        file.set_day(self.today.date, self.today.draft());
        file.form = self.form_draft();
        file.entries = self.entry_drafts();
    }

    /// Whether something typed on Today or on Journal is not saved yet (the header
    /// says so).
    pub(super) fn has_unsaved(&self) -> bool {
        self.today.is_dirty() || !self.entry_drafts().is_empty()
    }

    /// Keeps all unsaved work: in the drafts file when this window writes and can,
    /// else in the rescue file. Says where.
    pub(super) fn keep_unsaved(&mut self) -> Kept {
        let mut file = std::mem::take(&mut self.draft_file);
        self.record_unsaved(&mut file);
        self.draft_file = file;
        // Until the next edit, so a failure is not retried (and told) on every tick.
        self.drafts_stale = false;
        if !self.access.is_writer() {
            return self.keep_in_rescue();
        }
        match self.drafts.save(&self.draft_file) {
            Ok(()) => {
                if self.kept_in.take().is_some() {
                    // An empty rescue removes the file; if that fails it is only a copy.
                    let _ = self.rescue.keep(&DraftFile::default());
                }
                Kept::Drafts
            }
            Err(error) => {
                let kept = self.keep_in_rescue();
                self.tell(
                    Level::Error,
                    format!(
                        "Could not keep a draft in the journal: {}. {kept}",
                        explain(&error)
                    ),
                );
                kept
            }
        }
    }

    /// Writes all unsaved work to the rescue file, or removes the file when all is
    /// saved.
    fn keep_in_rescue(&mut self) -> Kept {
        let mut unsaved = DraftFile::default();
        self.record_unsaved(&mut unsaved);
        let kept = match self.rescue.keep(&unsaved) {
            Ok(_) if unsaved.is_empty() => Kept::Nothing,
            Ok(path) => Kept::Rescue(path),
            Err(error) => Kept::Nowhere(explain(&error)),
        };
        self.kept_in = match &kept {
            Kept::Rescue(path) => Some(path.clone()),
            _ => None,
        };
        kept
    }

    /// At open, for the window that writes: text rescued by earlier windows comes
    /// back as drafts, and the rescue files go once the drafts file holds it.
    pub(super) fn take_back_rescued(&mut self, taken: Vec<PathBuf>) {
        if taken.is_empty() {
            return;
        }
        if let Err(error) = self.drafts.save(&self.draft_file) {
            self.tell(
                Level::Error,
                format!(
                    "Text kept in {} could not be brought back: {}",
                    taken[0].display(),
                    explain(&error)
                ),
            );
            return;
        }
        for path in &taken {
            let _ = std::fs::remove_file(path);
        }
        self.tell(
            Level::Info,
            "Text you wrote while this journal could not be saved is back as a draft.",
        );
    }

    /// At open: the journal's folders (and its top files) that others can read; the
    /// background scan adds the files inside once it has looked (see `tick`).
    pub(super) fn report_loose_permissions(&mut self) {
        self.loose = permissions::check_quick(self.journal.root());
    }

    /// The standing warning about what others can read, with the one command that
    /// fixes it all (`truenorth doctor` lists each with its own); `None` when all is
    /// owner-only. It has its own line, so a broken file's warning does not hide it
    /// and the next message on the status line does not replace it.
    pub(super) fn permissions_text(&self) -> Option<String> {
        let first = self.loose.first()?;
        let more = match self.loose.len() {
            1 => String::new(),
            n => format!(" and {} more", n - 1),
        };
        // Inside the journal, named from its folder, as the broken-file line does.
        let root = self.journal.root();
        let shown = if first.path == root {
            root.display().to_string()
        } else {
            self.journal.display_path(&first.path)
        };
        Some(format!(
            "⚠ Others on this machine can read your journal: {shown}{more} (mode {:o}). \
             Fix: {} · `truenorth doctor` lists each",
            first.mode,
            permissions::fix_all(root)
        ))
    }

    pub(super) fn banner_text(&self) -> Option<String> {
        let reason = self.read_only()?;
        let fix = self.read_only_fix().unwrap_or_default();
        Some(format!(" READ-ONLY · {reason}. {fix} "))
    }

    /// Draws the read-only banner at the top of `area`; returns what is left below.
    pub(super) fn render_banner(&self, frame: &mut Frame, area: Rect) -> Rect {
        let Some(text) = self.banner_text() else {
            return area;
        };
        let height = if text.chars().count() > usize::from(area.width) {
            2
        } else {
            1
        }
        .min(area.height);
        let (banner, rest) = (
            Rect { height, ..area },
            Rect {
                y: area.y + height,
                height: area.height - height,
                ..area
            },
        );
        let style = self
            .theme
            .warning
            .add_modifier(Modifier::BOLD | Modifier::REVERSED);
        frame.render_widget(
            Paragraph::new(Line::styled(text, style)).wrap(Wrap { trim: true }),
            banner,
        );
        rest
    }
}
