//! The one table of keys. Input, the footer hints and the `?` overlay all read it, so
//! what the screen says a key does is what the key does.

use std::fmt;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;

/// Where the focus is, which decides what a key means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Typing in a text area: printable keys are text.
    Writing,
    /// On Today, moving between prompts.
    Browsing,
    /// On an energy or outlook rating.
    Rating,
    /// On a scale, number or yes/no answer.
    Answer,
    /// The `?` overlay is open.
    Help,
    /// The prompt picker is open: printable keys are the search.
    Picker,
    /// On the Packs screen.
    Packs,
    /// A yes/no question is on screen.
    Confirm,
    /// On Journal, moving through entries.
    Journal,
    /// Typing a Journal search: printable keys are the query.
    JournalSearch,
    /// Editing a past entry: printable keys are text.
    EntryEdit,
    /// Typing a date or a range: printable keys are text.
    DateInput,
    /// The calendar of reflection days is open.
    Calendar,
    /// On Commitments.
    Commitments,
    /// On People.
    People,
    /// On People, choosing among the selected person's connection notes.
    PeopleNotes,
    /// Typing a one-line note: printable keys are text.
    LineInput,
    /// On Trends: a week cursor and the insights.
    Trends,
    /// Writing the weekly review: printable keys are text.
    Review,
    /// The theme picker is open: moving through it repaints the app in that theme.
    Themes,
    /// A form (a commitment, a person) is open: printable keys are text.
    Form,
    /// On Export, moving through the choices or the preview.
    Export,
    /// Typing a date or a file name on Export: printable keys are text.
    ExportInput,
    /// On Today's list of the commitments due today.
    Practice,
    /// The person picker (Ctrl-L) is open: printable keys are the search.
    PersonPicker,
    /// The commitment picker (`c` on Today) is open: printable keys are the search.
    CommitmentPicker,
    /// A list picker (a tag, a frame, a group, a pack) is open: printable keys are
    /// the search.
    ListPicker,
}

impl Mode {
    pub fn title(self) -> &'static str {
        match self {
            Mode::Writing => "While writing",
            Mode::Browsing => "On a prompt",
            Mode::Rating => "On a rating",
            Mode::Answer => "On a scale, number or yes/no answer",
            Mode::Help => "In this help",
            Mode::Picker => "In the prompt picker",
            Mode::Packs => "On Packs",
            Mode::Confirm => "When asked to confirm",
            Mode::Journal => "On Journal",
            Mode::JournalSearch => "While searching the journal",
            Mode::EntryEdit => "While editing an entry",
            Mode::DateInput => "While typing a date",
            Mode::Calendar => "In the calendar",
            Mode::Commitments => "On Commitments",
            Mode::People => "On People",
            Mode::PeopleNotes => "On a person's connection notes",
            Mode::LineInput => "While typing a note",
            Mode::Trends => "On Trends",
            Mode::Review => "In the weekly review",
            Mode::Themes => "In the theme picker",
            Mode::Form => "In a form",
            Mode::Export => "On Export",
            Mode::ExportInput => "While typing an export choice",
            Mode::Practice => "On today's commitments",
            Mode::PersonPicker => "In the person picker",
            Mode::CommitmentPicker => "In the commitment picker",
            Mode::ListPicker => "In a tag, frame, group or pack picker",
        }
    }

    /// Whether a picker is open, whose printable keys are its search.
    pub fn is_picker(self) -> bool {
        matches!(
            self,
            Mode::Picker | Mode::PersonPicker | Mode::CommitmentPicker | Mode::ListPicker
        )
    }
}

/// A key with its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl Key {
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            modifiers: KeyModifiers::NONE,
        }
    }

    pub const fn char(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            modifiers: KeyModifiers::CONTROL,
        }
    }

    /// Whether a terminal key event is this key. Shift is ignored for characters,
    /// since terminals disagree on reporting it with `?` or `+`.
    pub fn matches(&self, event: &KeyEvent) -> bool {
        let (code, modifiers) = normalise(event);
        code == self.code && modifiers == self.modifiers
    }
}

fn normalise(event: &KeyEvent) -> (KeyCode, KeyModifiers) {
    let mut modifiers =
        event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
    let code = match event.code {
        KeyCode::Char(c) => {
            modifiers.remove(KeyModifiers::SHIFT);
            KeyCode::Char(if modifiers.contains(KeyModifiers::CONTROL) {
                c.to_ascii_lowercase()
            } else {
                c
            })
        }
        KeyCode::BackTab => {
            modifiers.remove(KeyModifiers::SHIFT);
            KeyCode::BackTab
        }
        other => other,
    };
    (code, modifiers)
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            f.write_str("Ctrl-")?;
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            f.write_str("Alt-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) if self.modifiers.contains(KeyModifiers::CONTROL) => {
                write!(f, "{}", c.to_ascii_uppercase())
            }
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::Backspace => f.write_str("Backspace"),
            KeyCode::Delete => f.write_str("Delete"),
            KeyCode::F(n) => write!(f, "F{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// One row of the table: these keys, in these modes, do this.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub keys: &'static [Key],
    /// Empty means every mode.
    pub modes: &'static [Mode],
    pub action: Action,
    /// What it does, in a few words, for the footer and the help.
    pub label: &'static str,
    /// Whether the footer shows it (the help shows every binding).
    pub in_footer: bool,
}

impl Binding {
    pub fn applies_in(&self, mode: Mode) -> bool {
        self.modes.is_empty() || self.modes.contains(&mode)
    }

    /// The keys as one label, e.g. `↑/k`.
    pub fn keys_label(&self) -> String {
        self.keys
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("/")
    }
}

use Mode::{
    Answer, Browsing, Calendar, Commitments, Confirm, DateInput, EntryEdit, Help, Journal,
    JournalSearch, LineInput, Packs, People, Picker, Rating, Review, Trends, Writing,
};
use Mode::{CommitmentPicker, Export, ExportInput, ListPicker, PeopleNotes, PersonPicker};

const PICKERS: &[Mode] = &[Picker, PersonPicker, CommitmentPicker, ListPicker];
/// Modes that are not a screen's own but may still ask for help with F1 alone,
/// since `?` may be text there.
const F1_ONLY: &[Mode] = &[
    Writing,
    Review,
    Mode::Form,
    JournalSearch,
    EntryEdit,
    DateInput,
    LineInput,
    ExportInput,
    Confirm,
    Picker,
    PersonPicker,
    CommitmentPicker,
    ListPicker,
];
const HELP_TOO: &[Mode] = &[
    Mode::Practice,
    Browsing,
    Rating,
    Answer,
    Packs,
    Journal,
    Commitments,
    People,
    PeopleNotes,
    Trends,
    Export,
    Calendar,
    Mode::Themes,
];

const NOT_HELP: &[Mode] = &[Writing, Browsing, Rating, Answer, Mode::Practice];
const MOVING: &[Mode] = &[Browsing, Rating, Answer];
const SCREENS: &[Mode] = &[
    Mode::Practice,
    Browsing,
    Rating,
    Answer,
    Packs,
    Journal,
    Commitments,
    People,
    PeopleNotes,
    Trends,
    Export,
];

/// Every key the app knows. Order is the order of the footer and the help.
#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    Binding { keys: &[Key::ctrl('s')], modes: NOT_HELP, action: Action::Save, label: "save", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::Tab)], modes: NOT_HELP, action: Action::FocusNext, label: "next", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::BackTab)], modes: NOT_HELP, action: Action::FocusPrev, label: "previous", in_footer: false },
    Binding { keys: &[Key::plain(KeyCode::Esc)], modes: &[Writing], action: Action::StopEditing, label: "stop writing", in_footer: true },
    Binding { keys: &[Key::ctrl('e')], modes: &[Writing, Browsing], action: Action::ExternalEditor, label: "$EDITOR", in_footer: true },
    Binding { keys: &[Key::ctrl('e')], modes: &[Answer], action: Action::ExternalEditor, label: "$EDITOR", in_footer: false },
    Binding { keys: &[Key::ctrl('z')], modes: &[Writing], action: Action::Undo, label: "undo", in_footer: false },
    Binding { keys: &[Key::ctrl('y')], modes: &[Writing], action: Action::Redo, label: "redo", in_footer: false },
    Binding { keys: &[Key::plain(KeyCode::Enter), Key::char('i')], modes: &[Browsing], action: Action::StartEditing, label: "write", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::Enter), Key::char('i')], modes: &[Answer], action: Action::StartEditing, label: "write a note", in_footer: true },
    Binding { keys: &[Key::char('n')], modes: &[Browsing], action: Action::OtherPrompt, label: "another prompt", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::Down), Key::char('j')], modes: MOVING, action: Action::FocusNext, label: "next", in_footer: false },
    Binding { keys: &[Key::plain(KeyCode::Up), Key::char('k')], modes: MOVING, action: Action::FocusPrev, label: "previous", in_footer: false },
    Binding { keys: &[Key::plain(KeyCode::Right), Key::char('l'), Key::char('+')], modes: &[Rating, Answer], action: Action::RatingUp, label: "higher", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::Left), Key::char('h'), Key::char('-')], modes: &[Rating, Answer], action: Action::RatingDown, label: "lower", in_footer: true },
    Binding { keys: &[Key::char('0')], modes: &[Answer], action: Action::AnswerDigit(0), label: "type the answer", in_footer: false },
    Binding { keys: &[Key::char('1')], modes: &[Answer], action: Action::AnswerDigit(1), label: "type the answer", in_footer: false },
    Binding { keys: &[Key::char('2')], modes: &[Answer], action: Action::AnswerDigit(2), label: "type the answer", in_footer: false },
    Binding { keys: &[Key::char('3')], modes: &[Answer], action: Action::AnswerDigit(3), label: "type the answer", in_footer: false },
    Binding { keys: &[Key::char('4')], modes: &[Answer], action: Action::AnswerDigit(4), label: "type the answer", in_footer: false },
    Binding { keys: &[Key::char('5')], modes: &[Answer], action: Action::AnswerDigit(5), label: "type the answer", in_footer: false },
    Binding { keys: &[Key::char('6')], modes: &[Answer], action: Action::AnswerDigit(6), label: "type the answer", in_footer: false },
    Binding { keys: &[Key::char('7')], modes: &[Answer], action: Action::AnswerDigit(7), label: "type the answer", in_footer: false },
    Binding { keys: &[Key::char('8')], modes: &[Answer], action: Action::AnswerDigit(8), label: "type the answer", in_footer: false },
    Binding { keys: &[Key::char('9')], modes: &[Answer], action: Action::AnswerDigit(9), label: "type the answer", in_footer: false },
    Binding { keys: &[Key::char('y')], modes: &[Answer], action: Action::AnswerYes, label: "yes", in_footer: false },
    Binding { keys: &[Key::char('n')], modes: &[Answer], action: Action::AnswerNo, label: "no", in_footer: false },
    Binding { keys: &[Key::plain(KeyCode::Backspace)], modes: &[Answer], action: Action::AnswerErase, label: "erase", in_footer: false },
    Binding { keys: &[Key::char('1')], modes: &[Rating], action: Action::SetRating(1), label: "rate 1 to 5", in_footer: false },
    Binding { keys: &[Key::char('2')], modes: &[Rating], action: Action::SetRating(2), label: "rate 1 to 5", in_footer: false },
    Binding { keys: &[Key::char('3')], modes: &[Rating], action: Action::SetRating(3), label: "rate 1 to 5", in_footer: false },
    Binding { keys: &[Key::char('4')], modes: &[Rating], action: Action::SetRating(4), label: "rate 1 to 5", in_footer: false },
    Binding { keys: &[Key::char('5')], modes: &[Rating], action: Action::SetRating(5), label: "rate 1 to 5", in_footer: false },
    Binding { keys: &[Key::char('0'), Key::plain(KeyCode::Backspace)], modes: &[Rating], action: Action::ClearRating, label: "clear rating", in_footer: false },
    Binding { keys: &[Key::char('/')], modes: MOVING, action: Action::OpenPicker, label: "pick any prompt", in_footer: true },
    Binding { keys: &[Key::char('j'), Key::plain(KeyCode::Down)], modes: &[Packs], action: Action::Down, label: "next pack", in_footer: false },
    Binding { keys: &[Key::char('k'), Key::plain(KeyCode::Up)], modes: &[Packs], action: Action::Up, label: "previous pack", in_footer: false },
    Binding { keys: &[Key::char('s')], modes: &[Packs], action: Action::StartPack, label: "start", in_footer: true },
    Binding { keys: &[Key::char('p')], modes: &[Packs], action: Action::TogglePause, label: "pause/resume", in_footer: true },
    Binding { keys: &[Key::char('x'), Key::plain(KeyCode::Delete)], modes: &[Packs], action: Action::RemovePack, label: "remove", in_footer: true },
    Binding { keys: &[Key::char('j'), Key::plain(KeyCode::Down)], modes: &[Journal], action: Action::Down, label: "next entry", in_footer: false },
    Binding { keys: &[Key::char('k'), Key::plain(KeyCode::Up)], modes: &[Journal], action: Action::Up, label: "previous entry", in_footer: false },
    Binding { keys: &[Key::plain(KeyCode::PageDown)], modes: &[Journal], action: Action::PageDown, label: "page down", in_footer: false },
    Binding { keys: &[Key::plain(KeyCode::PageUp)], modes: &[Journal], action: Action::PageUp, label: "page up", in_footer: false },
    Binding { keys: &[Key::plain(KeyCode::Home)], modes: &[Journal], action: Action::First, label: "newest entry", in_footer: false },
    Binding { keys: &[Key::plain(KeyCode::End), Key::char('G')], modes: &[Journal], action: Action::Last, label: "oldest entry", in_footer: false },
    Binding { keys: &[Key::char('/')], modes: &[Journal], action: Action::Search, label: "search", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::Enter), Key::char('e')], modes: &[Journal], action: Action::StartEditing, label: "edit", in_footer: true },
    Binding { keys: &[Key::char('p')], modes: &[Journal], action: Action::TogglePrivate, label: "private", in_footer: true },
    Binding { keys: &[Key::char('x'), Key::plain(KeyCode::Delete)], modes: &[Journal], action: Action::Delete, label: "delete", in_footer: false },
    Binding { keys: &[Key::char('u')], modes: &[Journal], action: Action::UndoDelete, label: "undo delete", in_footer: false },
    Binding { keys: &[Key::char('t')], modes: &[Journal], action: Action::FilterTag, label: "tag", in_footer: true },
    Binding { keys: &[Key::char('R')], modes: &[Journal], action: Action::RenameTag, label: "rename a tag", in_footer: false },
    Binding { keys: &[Key::char('v')], modes: &[Journal], action: Action::CyclePrivacy, label: "shared/private", in_footer: false },
    Binding { keys: &[Key::char('o')], modes: &[Journal], action: Action::OnThisDay, label: "on this day", in_footer: true },
    Binding { keys: &[Key::char('c')], modes: &[Journal], action: Action::ClearFilters, label: "clear search and filters", in_footer: false },
    Binding { keys: &[Key::char('f')], modes: &[Journal], action: Action::FilterFrame, label: "frame", in_footer: false },
    Binding { keys: &[Key::char('P')], modes: &[Journal], action: Action::FilterPack, label: "pack", in_footer: false },
    Binding { keys: &[Key::char('g')], modes: &[Journal], action: Action::GoToDate, label: "go to date or range", in_footer: true },
    Binding { keys: &[Key::char('h')], modes: &[Journal], action: Action::Heatmap, label: "calendar", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::Enter)], modes: &[DateInput], action: Action::Choose, label: "go", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::Esc)], modes: &[DateInput], action: Action::Close, label: "cancel", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::Left), Key::char('h')], modes: &[Calendar], action: Action::Left, label: "day before", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::Right), Key::char('l')], modes: &[Calendar], action: Action::Right, label: "day after", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::Up), Key::char('k')], modes: &[Calendar], action: Action::Up, label: "week before", in_footer: false },
    Binding { keys: &[Key::plain(KeyCode::Down), Key::char('j')], modes: &[Calendar], action: Action::Down, label: "week after", in_footer: false },
    Binding { keys: &[Key::plain(KeyCode::Enter)], modes: &[Calendar], action: Action::Choose, label: "show that day", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::Esc), Key::char('q')], modes: &[Calendar], action: Action::Close, label: "close", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::Enter)], modes: &[JournalSearch], action: Action::Choose, label: "open", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::Down)], modes: &[JournalSearch], action: Action::Down, label: "next result", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::Up)], modes: &[JournalSearch], action: Action::Up, label: "previous result", in_footer: false },
    Binding { keys: &[Key::plain(KeyCode::Esc)], modes: &[JournalSearch], action: Action::Close, label: "clear search", in_footer: true },
    Binding { keys: &[Key::ctrl('u')], modes: &[JournalSearch, DateInput, LineInput, Picker, PersonPicker, CommitmentPicker, ListPicker], action: Action::ClearText, label: "clear what you typed", in_footer: false },
    Binding { keys: &[Key::ctrl('s')], modes: &[EntryEdit], action: Action::Save, label: "save", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::Esc)], modes: &[EntryEdit], action: Action::StopEditing, label: "done (saves)", in_footer: true },
    Binding { keys: &[Key::ctrl('z')], modes: &[EntryEdit], action: Action::Undo, label: "undo", in_footer: true },
    Binding { keys: &[Key::ctrl('y')], modes: &[EntryEdit], action: Action::Redo, label: "redo", in_footer: false },
    Binding { keys: &[Key::char(' ')], modes: &[Mode::Practice], action: Action::CheckOff, label: "check off / undo", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::Enter)], modes: &[Mode::Practice], action: Action::CheckOffWithNote, label: "with a note", in_footer: true },
    Binding { keys: &[Key::char('j'), Key::plain(KeyCode::Down)], modes: &[Mode::Practice], action: Action::Down, label: "next commitment", in_footer: false },
    Binding { keys: &[Key::char('k'), Key::plain(KeyCode::Up)], modes: &[Mode::Practice], action: Action::Up, label: "previous commitment", in_footer: false },
    Binding { keys: &[Key::char('c')], modes: &[Mode::Practice], action: Action::PickCommitment, label: "pick one to check off", in_footer: false },
    Binding { keys: &[Key::char('c')], modes: MOVING, action: Action::PickCommitment, label: "check off", in_footer: true },
    Binding { keys: &[Key::ctrl('l')], modes: &[Writing, Browsing, Rating, Answer, Mode::Practice, Packs, Journal, Commitments, People, PeopleNotes], action: Action::LogConnection, label: "log a connection", in_footer: false },
    Binding { keys: &[Key::char('j'), Key::plain(KeyCode::Down)], modes: &[Commitments, People], action: Action::Down, label: "next", in_footer: false },
    Binding { keys: &[Key::char('k'), Key::plain(KeyCode::Up)], modes: &[Commitments, People], action: Action::Up, label: "previous", in_footer: false },
    Binding { keys: &[Key::char(' ')], modes: &[Commitments], action: Action::CheckOff, label: "check off", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::Enter)], modes: &[Commitments], action: Action::CheckOffWithNote, label: "with a note", in_footer: true },
    Binding { keys: &[Key::char('b')], modes: &[Commitments], action: Action::CheckOffYesterday, label: "for yesterday", in_footer: true },
    Binding { keys: &[Key::char('p')], modes: &[Commitments], action: Action::TogglePause, label: "pause/resume", in_footer: false },
    Binding { keys: &[Key::char('s')], modes: &[Commitments], action: Action::SkipDay, label: "planned skip today", in_footer: false },
    Binding { keys: &[Key::plain(KeyCode::Enter), Key::char('l')], modes: &[People], action: Action::LogConnection, label: "log a connection", in_footer: true },
    Binding { keys: &[Key::char('t')], modes: &[People], action: Action::FilterGroup, label: "group", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::Tab)], modes: &[People], action: Action::FocusNext, label: "choose a note", in_footer: false },
    Binding { keys: &[Key::plain(KeyCode::BackTab)], modes: &[People], action: Action::FocusPrev, label: "choose a note", in_footer: false },
    Binding { keys: &[Key::char('d')], modes: &[People], action: Action::TakeBackNote, label: "take back the newest note", in_footer: false },
    Binding { keys: &[Key::char('j'), Key::plain(KeyCode::Down)], modes: &[PeopleNotes], action: Action::Down, label: "older note", in_footer: false },
    Binding { keys: &[Key::char('k'), Key::plain(KeyCode::Up)], modes: &[PeopleNotes], action: Action::Up, label: "newer note", in_footer: false },
    Binding { keys: &[Key::char('d')], modes: &[PeopleNotes], action: Action::TakeBackNote, label: "take back this note", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::Esc)], modes: &[PeopleNotes], action: Action::Close, label: "back to the list", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::Tab)], modes: &[PeopleNotes], action: Action::FocusNext, label: "back to the list", in_footer: false },
    Binding { keys: &[Key::plain(KeyCode::BackTab)], modes: &[PeopleNotes], action: Action::FocusPrev, label: "back to the list", in_footer: false },
    Binding { keys: &[Key::plain(KeyCode::Enter), Key::char('l')], modes: &[PeopleNotes], action: Action::LogConnection, label: "log a connection", in_footer: false },
    Binding { keys: &[Key::char('a')], modes: &[Commitments, People], action: Action::AddNew, label: "new", in_footer: true },
    Binding { keys: &[Key::char('e')], modes: &[Commitments, People], action: Action::Edit, label: "edit", in_footer: false },
    Binding { keys: &[Key::char('x'), Key::plain(KeyCode::Delete)], modes: &[Commitments, People], action: Action::Archive, label: "archive", in_footer: false },
    Binding { keys: &[Key::char('d')], modes: &[Commitments], action: Action::MarkDone, label: "mark done", in_footer: false },
    Binding { keys: &[Key::char('A')], modes: &[Commitments, People], action: Action::ToggleArchived, label: "show/hide archived", in_footer: false },
    Binding { keys: &[Key::char('u')], modes: &[Commitments, People], action: Action::Unarchive, label: "unarchive", in_footer: false },
    Binding { keys: &[Key::plain(KeyCode::Enter), Key::ctrl('s')], modes: &[Mode::Form], action: Action::Save, label: "save", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::Tab), Key::plain(KeyCode::Down)], modes: &[Mode::Form], action: Action::FocusNext, label: "next field", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::BackTab), Key::plain(KeyCode::Up)], modes: &[Mode::Form], action: Action::FocusPrev, label: "previous field", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::Esc)], modes: &[Mode::Form], action: Action::Close, label: "cancel", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::Enter)], modes: &[LineInput], action: Action::Choose, label: "save", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::Esc)], modes: &[LineInput], action: Action::Close, label: "cancel", in_footer: true },
    Binding { keys: &[Key::char('y')], modes: &[Confirm], action: Action::Confirm, label: "yes", in_footer: true },
    Binding { keys: &[Key::char('n'), Key::plain(KeyCode::Esc)], modes: &[Confirm], action: Action::Close, label: "no", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::Left), Key::char('h')], modes: &[Trends], action: Action::Left, label: "earlier week", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::Right), Key::char('l')], modes: &[Trends], action: Action::Right, label: "later week", in_footer: false },
    Binding { keys: &[Key::plain(KeyCode::Enter)], modes: &[Trends], action: Action::Choose, label: "read that week", in_footer: true },
    Binding { keys: &[Key::char('j'), Key::plain(KeyCode::Down)], modes: &[Trends], action: Action::Down, label: "next insight", in_footer: false },
    Binding { keys: &[Key::char('k'), Key::plain(KeyCode::Up)], modes: &[Trends], action: Action::Up, label: "previous insight", in_footer: false },
    Binding { keys: &[Key::char('a')], modes: &[Trends], action: Action::ActOnInsight, label: "act on insight", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::Tab)], modes: &[Trends], action: Action::FocusNext, label: "next chart", in_footer: false },
    Binding { keys: &[Key::plain(KeyCode::BackTab)], modes: &[Trends], action: Action::FocusPrev, label: "previous chart", in_footer: false },
    Binding { keys: &[Key::char('w')], modes: SCREENS, action: Action::WeeklyReview, label: "weekly review", in_footer: false },
    Binding { keys: &[Key::plain(KeyCode::Tab)], modes: &[Review], action: Action::FocusNext, label: "next question", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::BackTab)], modes: &[Review], action: Action::FocusPrev, label: "previous question", in_footer: false },
    Binding { keys: &[Key::ctrl('s')], modes: &[Review], action: Action::Save, label: "save the review", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::Esc)], modes: &[Review], action: Action::Close, label: "later (what you wrote is saved)", in_footer: true },
    Binding { keys: &[Key::ctrl('z')], modes: &[Review], action: Action::Undo, label: "undo", in_footer: false },
    Binding { keys: &[Key::ctrl('y')], modes: &[Review], action: Action::Redo, label: "redo", in_footer: false },
    Binding { keys: &[Key::char('T')], modes: SCREENS, action: Action::PickTheme, label: "theme", in_footer: false },
    Binding { keys: &[Key::plain(KeyCode::Down), Key::char('j')], modes: &[Mode::Themes], action: Action::Down, label: "next theme", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::Up), Key::char('k')], modes: &[Mode::Themes], action: Action::Up, label: "previous theme", in_footer: false },
    Binding { keys: &[Key::plain(KeyCode::Enter)], modes: &[Mode::Themes], action: Action::Choose, label: "keep this theme", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::Esc), Key::char('q')], modes: &[Mode::Themes], action: Action::Close, label: "put the old theme back", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::Down), Key::char('j')], modes: &[Export], action: Action::Down, label: "next choice (or scroll)", in_footer: false },
    Binding { keys: &[Key::plain(KeyCode::Up), Key::char('k')], modes: &[Export], action: Action::Up, label: "previous choice (or scroll)", in_footer: false },
    Binding { keys: &[Key::plain(KeyCode::Enter)], modes: &[Export], action: Action::StartEditing, label: "change", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::Right), Key::char('l')], modes: &[Export], action: Action::Right, label: "next option", in_footer: false },
    Binding { keys: &[Key::plain(KeyCode::Left), Key::char('h')], modes: &[Export], action: Action::Left, label: "previous option", in_footer: false },
    Binding { keys: &[Key::char('c'), Key::plain(KeyCode::Backspace), Key::plain(KeyCode::Delete)], modes: &[Export], action: Action::ClearFilters, label: "clear the choice", in_footer: false },
    Binding { keys: &[Key::plain(KeyCode::Tab)], modes: &[Export], action: Action::FocusNext, label: "preview/choices", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::BackTab)], modes: &[Export], action: Action::FocusPrev, label: "choices/preview", in_footer: false },
    Binding { keys: &[Key::plain(KeyCode::PageDown)], modes: &[Export], action: Action::PageDown, label: "preview page down", in_footer: false },
    Binding { keys: &[Key::plain(KeyCode::PageUp)], modes: &[Export], action: Action::PageUp, label: "preview page up", in_footer: false },
    Binding { keys: &[Key::ctrl('s')], modes: &[Export], action: Action::Save, label: "write the file", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::Enter)], modes: &[ExportInput], action: Action::Choose, label: "done", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::Esc)], modes: &[ExportInput], action: Action::Close, label: "put it back", in_footer: true },
    Binding { keys: &[Key::char(']')], modes: SCREENS, action: Action::NextScreen, label: "next screen", in_footer: true },
    Binding { keys: &[Key::char('[')], modes: SCREENS, action: Action::PrevScreen, label: "previous screen", in_footer: false },
    Binding { keys: &[Key::char('?'), Key::plain(KeyCode::F(1))], modes: HELP_TOO, action: Action::ShowHelp, label: "help", in_footer: true },
    Binding { keys: &[Key::char('q')], modes: SCREENS, action: Action::Quit, label: "quit", in_footer: true },
    Binding { keys: &[Key::ctrl('c')], modes: &[], action: Action::Quit, label: "quit (drafts kept)", in_footer: false },
    Binding { keys: &[Key::plain(KeyCode::Down), Key::char('j')], modes: &[Help], action: Action::Down, label: "scroll", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::Up), Key::char('k')], modes: &[Help], action: Action::Up, label: "scroll up", in_footer: false },
    Binding { keys: &[Key::plain(KeyCode::Esc), Key::char('?'), Key::char('q')], modes: &[Help], action: Action::Close, label: "close help", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::Enter)], modes: &[Picker], action: Action::Choose, label: "answer it", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::Enter)], modes: &[PersonPicker], action: Action::Choose, label: "log a connection", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::Enter)], modes: &[CommitmentPicker], action: Action::Choose, label: "check it off", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::Enter)], modes: &[ListPicker], action: Action::Choose, label: "choose", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::Down), Key::ctrl('n')], modes: PICKERS, action: Action::Down, label: "next", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::Up), Key::ctrl('p')], modes: PICKERS, action: Action::Up, label: "previous", in_footer: false },
    Binding { keys: &[Key::plain(KeyCode::Tab)], modes: &[Picker], action: Action::NextGroup, label: "narrow to a frame", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::Tab)], modes: &[PersonPicker], action: Action::NextGroup, label: "narrow to a group", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::Tab)], modes: &[CommitmentPicker], action: Action::NextGroup, label: "due / done today", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::BackTab)], modes: &[Picker], action: Action::PrevGroup, label: "previous frame", in_footer: false },
    Binding { keys: &[Key::plain(KeyCode::BackTab)], modes: &[PersonPicker], action: Action::PrevGroup, label: "previous group", in_footer: false },
    Binding { keys: &[Key::plain(KeyCode::Esc)], modes: PICKERS, action: Action::Close, label: "close", in_footer: true },
    Binding { keys: &[Key::plain(KeyCode::F(1))], modes: F1_ONLY, action: Action::ShowHelp, label: "help", in_footer: true },
];

/// The keys in force: the table above, with a person's overrides from their config.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<LiveBinding>,
}

#[derive(Debug, Clone)]
struct LiveBinding {
    keys: Vec<Key>,
    modes: &'static [Mode],
    action: Action,
    label: &'static str,
    in_footer: bool,
}

impl LiveBinding {
    fn applies_in(&self, mode: Mode) -> bool {
        self.modes.is_empty() || self.modes.contains(&mode)
    }

    fn keys_label(&self) -> String {
        self.keys
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("/")
    }
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap {
            bindings: BINDINGS
                .iter()
                .map(|binding| LiveBinding {
                    keys: binding.keys.to_vec(),
                    modes: binding.modes,
                    action: binding.action,
                    label: binding.label,
                    in_footer: binding.in_footer,
                })
                .collect(),
        }
    }
}

/// The name an action has in the config's `[keys]` table: its variant in kebab
/// case, with any number after it (`save`, `focus-next`, `set-rating-3`).
pub fn action_name(action: Action) -> String {
    let debug = format!("{action:?}");
    let mut name = String::new();
    for c in debug.chars() {
        if c.is_ascii_uppercase() {
            if !name.is_empty() {
                name.push('-');
            }
            name.push(c.to_ascii_lowercase());
        } else if c.is_ascii_alphanumeric() {
            if c.is_ascii_digit() && !name.ends_with('-') {
                name.push('-');
            }
            name.push(c);
        }
    }
    name
}

/// Every action name the config may use, in table order.
pub fn action_names() -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for binding in BINDINGS {
        let name = action_name(binding.action);
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

/// A key as `config.toml` spells it (`ctrl-s`, `shift-tab`, `pagedown`, `?`).
pub fn config_spelling(key: &Key) -> String {
    let mut spelled = String::new();
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        spelled.push_str("ctrl-");
    }
    if key.modifiers.contains(KeyModifiers::ALT) {
        spelled.push_str("alt-");
    }
    if key.modifiers.contains(KeyModifiers::SHIFT) {
        spelled.push_str("shift-");
    }
    let name = match key.code {
        KeyCode::Char(' ') => "space".to_string(),
        KeyCode::Char('-') => "minus".to_string(),
        KeyCode::Char('+') => "plus".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Tab => "tab".to_string(),
        KeyCode::BackTab => "shift-tab".to_string(),
        KeyCode::Esc => "esc".to_string(),
        KeyCode::Enter => "enter".to_string(),
        KeyCode::Up => "up".to_string(),
        KeyCode::Down => "down".to_string(),
        KeyCode::Left => "left".to_string(),
        KeyCode::Right => "right".to_string(),
        KeyCode::Backspace => "backspace".to_string(),
        KeyCode::Delete => "delete".to_string(),
        KeyCode::Insert => "insert".to_string(),
        KeyCode::Home => "home".to_string(),
        KeyCode::End => "end".to_string(),
        KeyCode::PageUp => "pageup".to_string(),
        KeyCode::PageDown => "pagedown".to_string(),
        KeyCode::F(n) => format!("f{n}"),
        other => format!("{other:?}").to_lowercase(),
    };
    spelled.push_str(&name);
    spelled
}

/// The table of every action for docs/config.md: its name, its default keys as
/// config.toml spells them, and what it does where. A test keeps the docs equal to it.
pub fn actions_table() -> String {
    let mut table = String::from("| Action | Default keys | What it does |\n|---|---|---|\n");
    for name in action_names() {
        let mut keys: Vec<String> = Vec::new();
        let mut labels: Vec<&str> = Vec::new();
        for binding in BINDINGS.iter().filter(|b| action_name(b.action) == name) {
            for key in binding.keys {
                let spelled = format!("`{}`", config_spelling(key));
                if !keys.contains(&spelled) {
                    keys.push(spelled);
                }
            }
            if !labels.contains(&binding.label) {
                labels.push(binding.label);
            }
        }
        table.push_str(&format!(
            "| `{name}` | {} | {} |\n",
            keys.join(" "),
            labels.join("; ").replace('|', "\\|")
        ));
    }
    table
}

/// Modes where unmodified printable keys are text, not commands.
const TEXT_MODES: [Mode; 12] = [
    Mode::Writing,
    Mode::Picker,
    Mode::PersonPicker,
    Mode::CommitmentPicker,
    Mode::ListPicker,
    Mode::JournalSearch,
    Mode::EntryEdit,
    Mode::DateInput,
    Mode::LineInput,
    Mode::Review,
    Mode::Form,
    Mode::ExportInput,
];

fn is_plain_printable(key: &Key) -> bool {
    matches!(key.code, KeyCode::Char(_))
        && !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
}

/// Ctrl-C quits in every mode whatever `[keys]` says: a way out that no override can
/// take away, so a config can never lock a person in.
pub const SAFETY_EXIT: Key = Key::ctrl('c');

/// Actions a person cannot do without: `[keys]` may move them, never leave them keyless.
const ESSENTIAL: &[&str] = &["quit", "show-help", "close", "stop-editing"];

/// Where in a `[keys]` line a refusal points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// The action's name.
    Name,
    /// The value as a whole.
    Value,
    /// One key of the value, by its index.
    Key(usize),
}

/// Why an override was refused, and where in its line the fault is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub place: Place,
    pub message: String,
}

impl Refusal {
    fn new(place: Place, message: impl Into<String>) -> Refusal {
        Refusal {
            place,
            message: message.into(),
        }
    }
}

impl Keymap {
    /// The default keys with `overrides` (action name → keys) applied, in order. An
    /// override that cannot be used is left out, with a message saying why.
    pub fn with_overrides(overrides: &[(String, Vec<Key>)]) -> (Keymap, Vec<String>) {
        let mut keymap = Keymap::default();
        let mut problems = Vec::new();
        for (name, keys) in overrides {
            match keymap.apply_override(name, keys) {
                Ok(next) => keymap = next,
                Err(refused) => problems.push(format!("[keys] {name}: {}", refused.message)),
            }
        }
        (keymap, problems)
    }

    /// This keymap with one override applied: `keys` replace the keys of the action
    /// `name` everywhere it is offered. Each place keeps what it could take before: a
    /// plain character goes only where nobody is typing (as the defaults do), and
    /// Ctrl-C stays on quit. Refused, with the reason: an unknown action, no key left
    /// for an action in a place where it was offered (a place where one is typing,
    /// or an empty list for an action one cannot do without), or a key another
    /// action already has in the same place.
    pub fn apply_override(&self, name: &str, keys: &[Key]) -> Result<Keymap, Refusal> {
        let names = action_names();
        if !names.iter().any(|known| known == name) {
            let hint = match crate::domain::problem::closest(name, names.iter().map(String::as_str))
            {
                Some(best) => format!("did you mean `{best}`? (docs/config.md lists every action)"),
                None => format!("the actions are {}", names.join(", ")),
            };
            return Err(Refusal::new(Place::Name, format!("no such action; {hint}")));
        }
        if keys.is_empty() && ESSENTIAL.contains(&name) {
            return Err(Refusal::new(
                Place::Value,
                format!(
                    "an empty list would leave no key for {name}, which you cannot do \
                     without; give it at least one key, or remove the line to keep its defaults"
                ),
            ));
        }
        if let Some(index) = keys.iter().position(|key| *key == SAFETY_EXIT)
            && name != "quit"
        {
            return Err(Refusal::new(
                Place::Key(index),
                format!(
                    "`{SAFETY_EXIT}` always quits (the way out that cannot be changed); \
                     choose another key"
                ),
            ));
        }
        let mut wanted: Vec<Key> = Vec::new();
        for key in keys {
            if !wanted.contains(key) {
                wanted.push(*key);
            }
        }
        let mut next = self.clone();
        for binding in next
            .bindings
            .iter_mut()
            .filter(|b| action_name(b.action) == name)
        {
            let typing = ALL_MODES
                .into_iter()
                .find(|mode| binding.applies_in(*mode) && TEXT_MODES.contains(mode));
            let mut usable: Vec<Key> = wanted
                .iter()
                .copied()
                .filter(|key| typing.is_none() || !is_plain_printable(key))
                .collect();
            if name == "quit" && binding.modes.is_empty() && !usable.contains(&SAFETY_EXIT) {
                usable.push(SAFETY_EXIT);
            }
            if usable.is_empty() && !keys.is_empty() {
                let index = keys.iter().position(is_plain_printable).unwrap_or(0);
                let mode = typing.map_or("", |mode| mode.title());
                return Err(Refusal::new(
                    Place::Key(index),
                    format!(
                        "`{}` would be typed as text {}, where {name} is offered too; \
                         add a key with ctrl- or alt-, or a named key like f2, for there",
                        keys[index],
                        mode.to_lowercase()
                    ),
                ));
            }
            binding.keys = usable;
        }
        match next.clash_with(name) {
            Some((mode, key, other)) => {
                let index = keys.iter().position(|k| *k == key).unwrap_or(0);
                let other = action_name(other);
                Err(Refusal::new(
                    Place::Key(index),
                    format!(
                        "`{key}` already does {other} {}; choose another key, or give \
                         {other} other keys on a line above this one",
                        mode.title().to_lowercase()
                    ),
                ))
            }
            None => Ok(next),
        }
    }

    /// A key of the action `name` that another action also has in the same mode:
    /// the mode, the key and that other action.
    fn clash_with(&self, name: &str) -> Option<(Mode, Key, Action)> {
        for mode in ALL_MODES {
            let live: Vec<&LiveBinding> = self
                .bindings
                .iter()
                .filter(|b| b.applies_in(mode))
                .collect();
            for mine in live.iter().filter(|b| action_name(b.action) == name) {
                for key in &mine.keys {
                    if let Some(other) = live
                        .iter()
                        .find(|b| b.action != mine.action && b.keys.contains(key))
                    {
                        return Some((mode, *key, other.action));
                    }
                }
            }
        }
        None
    }

    /// A key bound to two different actions in one mode, if any.
    #[cfg(test)]
    fn first_clash(&self) -> Option<(Mode, Key)> {
        for mode in ALL_MODES {
            let live: Vec<&LiveBinding> = self
                .bindings
                .iter()
                .filter(|b| b.applies_in(mode))
                .collect();
            for (at, binding) in live.iter().enumerate() {
                for key in &binding.keys {
                    if live[..at]
                        .iter()
                        .any(|b| b.action != binding.action && b.keys.contains(key))
                    {
                        return Some((mode, *key));
                    }
                }
            }
        }
        None
    }

    /// The action a key asks for in `mode`, if any. In the text modes an unbound key
    /// is text.
    pub fn action_for(&self, mode: Mode, event: &KeyEvent) -> Option<Action> {
        if SAFETY_EXIT.matches(event) {
            return Some(Action::Quit);
        }
        self.bindings
            .iter()
            .filter(|binding| binding.applies_in(mode))
            .find(|binding| binding.keys.iter().any(|key| key.matches(event)))
            .map(|binding| binding.action)
    }

    /// The footer's hints for `mode`: `(keys, label)` pairs.
    pub fn footer_hints(&self, mode: Mode) -> Vec<(String, &'static str)> {
        self.bindings
            .iter()
            .filter(|binding| {
                binding.in_footer && binding.applies_in(mode) && !binding.keys.is_empty()
            })
            .map(|binding| (binding.keys_label(), binding.label))
            .collect()
    }

    /// The help's rows for `mode`: bindings that share a label are merged into one
    /// row, and a run of digits reads as a range (`1–5  rate 1 to 5`).
    pub fn help_rows(&self, mode: Mode) -> Vec<(String, &'static str)> {
        let mut rows: Vec<(Vec<Key>, &'static str, Action)> = Vec::new();
        for binding in self
            .bindings
            .iter()
            .filter(|binding| binding.applies_in(mode))
        {
            // A key an earlier row already gives this action (an override can put
            // one key on two bindings of an action) is not listed twice.
            let keys: Vec<Key> = binding
                .keys
                .iter()
                .copied()
                .filter(|key| {
                    !rows
                        .iter()
                        .any(|(keys, _, action)| *action == binding.action && keys.contains(key))
                })
                .collect();
            if keys.is_empty() {
                continue;
            }
            match rows
                .iter_mut()
                .find(|(_, label, _)| *label == binding.label)
            {
                Some((row_keys, _, _)) => row_keys.extend(keys),
                None => rows.push((keys, binding.label, binding.action)),
            }
        }
        rows.into_iter()
            .map(|(keys, label, _)| (keys_text(&keys), label))
            .collect()
    }
}

/// Keys as one readable label: `↑/k`, and a run of three or more digits as `0–9`.
fn keys_text(keys: &[Key]) -> String {
    let digit = |key: &Key| match key.code {
        KeyCode::Char(c) if key.modifiers.is_empty() => c.to_digit(10),
        _ => None,
    };
    let mut parts: Vec<String> = Vec::new();
    let mut at = 0;
    while at < keys.len() {
        let mut end = at;
        if let Some(first) = digit(&keys[at]) {
            while end + 1 < keys.len()
                && digit(&keys[end + 1]) == Some(first + (end + 1 - at) as u32)
            {
                end += 1;
            }
        }
        if end - at >= 2 {
            parts.push(format!("{}–{}", keys[at], keys[end]));
        } else {
            end = at;
            parts.push(keys[at].to_string());
        }
        at = end + 1;
    }
    parts.join("/")
}

/// A key as config.toml wrote it, as the terminal reports it.
pub fn key_from_spec(spec: &crate::domain::keys::KeySpec) -> Key {
    use crate::domain::keys::Code;
    let code = match spec.code {
        Code::Char(c) => KeyCode::Char(c),
        Code::F(n) => KeyCode::F(n),
        Code::Enter => KeyCode::Enter,
        Code::Esc => KeyCode::Esc,
        Code::Tab if spec.shift => KeyCode::BackTab,
        Code::Tab => KeyCode::Tab,
        Code::Backspace => KeyCode::Backspace,
        Code::Delete => KeyCode::Delete,
        Code::Insert => KeyCode::Insert,
        Code::Home => KeyCode::Home,
        Code::End => KeyCode::End,
        Code::PageUp => KeyCode::PageUp,
        Code::PageDown => KeyCode::PageDown,
        Code::Up => KeyCode::Up,
        Code::Down => KeyCode::Down,
        Code::Left => KeyCode::Left,
        Code::Right => KeyCode::Right,
    };
    let mut modifiers = KeyModifiers::NONE;
    if spec.ctrl {
        modifiers |= KeyModifiers::CONTROL;
    }
    if spec.alt {
        modifiers |= KeyModifiers::ALT;
    }
    if spec.shift && !matches!(spec.code, Code::Char(_) | Code::Tab) {
        modifiers |= KeyModifiers::SHIFT;
    }
    Key { code, modifiers }
}

/// The keymap with the config's `[keys]` overrides applied, and a problem for each
/// one refused, located at its line in the file `source`. The app and `truenorth
/// config check` both call this, so the check accepts exactly what the app does.
pub fn from_config(
    config: &crate::store::config::Config,
    source: &str,
) -> (Keymap, Vec<crate::domain::Problem>) {
    let mut problems = Vec::new();
    let mut keymap = Keymap::default();
    for entry in &config.keys {
        let keys: Vec<Key> = entry.keys.iter().map(key_from_spec).collect();
        match keymap.apply_override(&entry.action, &keys) {
            Ok(next) => keymap = next,
            Err(refused) => {
                let message = format!("[keys] {}: {}", entry.action, refused.message);
                problems.push(match refused.place {
                    Place::Name => entry.problem(source, message),
                    Place::Value => entry.value_problem(source, None, message),
                    Place::Key(index) => entry.value_problem(source, Some(index), message),
                });
            }
        }
    }
    (keymap, problems)
}

/// Every mode, for checks that must hold in each.
pub const ALL_MODES: [Mode; 27] = [
    Writing,
    Browsing,
    Rating,
    Answer,
    Help,
    Picker,
    Packs,
    Confirm,
    Journal,
    JournalSearch,
    EntryEdit,
    DateInput,
    Calendar,
    Commitments,
    People,
    PeopleNotes,
    LineInput,
    Trends,
    Review,
    Mode::Themes,
    Mode::Form,
    Export,
    ExportInput,
    Mode::Practice,
    PersonPicker,
    CommitmentPicker,
    ListPicker,
];

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    fn action_for(mode: Mode, event: &KeyEvent) -> Option<Action> {
        Keymap::default().action_for(mode, event)
    }

    #[test]
    fn no_key_means_two_things_in_one_mode() {
        assert_eq!(Keymap::default().first_clash(), None);
    }

    #[test]
    fn action_names_read_as_config_keys() {
        assert_eq!(action_name(Action::Save), "save");
        assert_eq!(action_name(Action::FocusNext), "focus-next");
        assert_eq!(action_name(Action::SetRating(3)), "set-rating-3");
        assert!(action_names().contains(&"open-picker".to_string()));
    }

    #[test]
    fn overrides_replace_keys_and_bad_ones_are_explained() {
        let overrides = vec![
            ("save".to_string(), vec![Key::ctrl('w')]),
            ("focus-next".to_string(), vec![Key::char('x')]),
            ("sav".to_string(), vec![Key::ctrl('q')]),
            ("open-picker".to_string(), vec![Key::char('?')]),
        ];
        let (keymap, problems) = Keymap::with_overrides(&overrides);
        let ctrl_w = press(KeyCode::Char('w'), KeyModifiers::CONTROL);
        assert_eq!(keymap.action_for(Writing, &ctrl_w), Some(Action::Save));
        let ctrl_s = press(KeyCode::Char('s'), KeyModifiers::CONTROL);
        assert_eq!(keymap.action_for(Writing, &ctrl_s), None);
        assert!(
            keymap
                .footer_hints(Writing)
                .iter()
                .any(|(keys, label)| keys == "Ctrl-W" && *label == "save")
        );
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(
            problems[0].contains("`x` would be typed as text while writing"),
            "{}",
            problems[0]
        );
        assert!(
            problems[1].contains("did you mean `save`"),
            "{}",
            problems[1]
        );
        assert!(
            problems[2].contains("`?` already does show-help on a prompt"),
            "{}",
            problems[2]
        );
        // A refused override leaves the default in place.
        let tab = press(KeyCode::Tab, KeyModifiers::NONE);
        assert_eq!(keymap.action_for(Writing, &tab), Some(Action::FocusNext));
    }

    fn accepted(name: &str, keys: &[Key]) -> Keymap {
        Keymap::default()
            .apply_override(name, keys)
            .unwrap_or_else(|refused| panic!("{name} = {keys:?}: {}", refused.message))
    }

    fn refused(name: &str, keys: &[Key]) -> Refusal {
        match Keymap::default().apply_override(name, keys) {
            Ok(_) => panic!("{name} = {keys:?} was accepted"),
            Err(refusal) => refusal,
        }
    }

    #[test]
    fn an_action_may_be_given_its_own_default_keys() {
        let tab = Key::plain(KeyCode::Tab);
        let keymap = accepted("focus-next", &[tab]);
        for mode in [Writing, Browsing, Mode::Form, Review, Trends, Export] {
            assert_eq!(
                keymap.action_for(mode, &press(KeyCode::Tab, KeyModifiers::NONE)),
                Some(Action::FocusNext),
                "{mode:?}"
            );
        }
        accepted("quit", &[Key::ctrl('c')]);
        accepted("quit", &[Key::char('q'), Key::ctrl('c')]);
        // The docs' complete example.
        accepted("focus-next", &[tab, Key::ctrl('n')]);
        accepted("save", &[Key::ctrl('s'), Key::ctrl('w')]);
    }

    #[test]
    fn quit_can_have_any_free_key_and_ctrl_c_still_quits() {
        let ctrl_c = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
        for key in [
            Key::ctrl('q'),
            Key::ctrl('x'),
            Key {
                code: KeyCode::Char('q'),
                modifiers: KeyModifiers::ALT,
            },
            Key::plain(KeyCode::F(10)),
        ] {
            let keymap = accepted("quit", &[key]);
            let event = KeyEvent::new(key.code, key.modifiers);
            for mode in [Writing, Browsing, Journal, Help, Mode::Form] {
                assert_eq!(keymap.action_for(mode, &event), Some(Action::Quit), "{key}");
                assert_eq!(keymap.action_for(mode, &ctrl_c), Some(Action::Quit));
            }
            let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
            assert_eq!(keymap.action_for(Browsing, &q), None, "q is replaced");
            // The help lists the new key once, and Ctrl-C beside it.
            let rows = keymap.help_rows(Browsing);
            let quit: Vec<&String> = rows
                .iter()
                .filter(|(_, label)| label.starts_with("quit"))
                .map(|(keys, _)| keys)
                .collect();
            assert_eq!(quit, [&key.to_string(), &"Ctrl-C".to_string()], "{rows:?}");
        }
        // A letter for quit is bound only where nobody types, as `q` is.
        let keymap = accepted("quit", &[Key::char('Q')]);
        let capital = press(KeyCode::Char('Q'), KeyModifiers::SHIFT);
        assert_eq!(keymap.action_for(Journal, &capital), Some(Action::Quit));
        assert_eq!(keymap.action_for(Writing, &capital), None);
        assert_eq!(keymap.action_for(Writing, &ctrl_c), Some(Action::Quit));
    }

    #[test]
    fn a_key_may_be_added_while_keeping_a_default_letter() {
        let f2 = Key::plain(KeyCode::F(2));
        let keymap = accepted("show-help", &[Key::char('?'), f2]);
        let question = press(KeyCode::Char('?'), KeyModifiers::NONE);
        let f2_event = press(KeyCode::F(2), KeyModifiers::NONE);
        assert_eq!(
            keymap.action_for(Browsing, &question),
            Some(Action::ShowHelp)
        );
        assert_eq!(
            keymap.action_for(Browsing, &f2_event),
            Some(Action::ShowHelp)
        );
        assert_eq!(keymap.action_for(Writing, &question), None, "typed as text");
        assert_eq!(
            keymap.action_for(Writing, &f2_event),
            Some(Action::ShowHelp)
        );
        let f1 = press(KeyCode::F(1), KeyModifiers::NONE);
        assert_eq!(keymap.action_for(Writing, &f1), None, "F1 is replaced");
    }

    #[test]
    fn only_letters_for_an_action_offered_while_typing_is_refused() {
        let refusal = refused("show-help", &[Key::char('?')]);
        assert_eq!(refusal.place, Place::Key(0));
        assert!(
            refusal
                .message
                .contains("`?` would be typed as text while writing"),
            "{}",
            refusal.message
        );
    }

    #[test]
    fn a_clash_names_the_action_that_has_the_key() {
        let refusal = refused("next-screen", &[Key::ctrl('n'), Key::plain(KeyCode::Tab)]);
        assert_eq!(refusal.place, Place::Key(1));
        assert!(
            refusal
                .message
                .starts_with("`Tab` already does focus-next on a prompt"),
            "{}",
            refusal.message
        );
    }

    #[test]
    fn nobody_can_be_locked_in() {
        for name in ["quit", "show-help", "close", "stop-editing"] {
            let refusal = refused(name, &[]);
            assert_eq!(refusal.place, Place::Value);
            assert!(
                refusal.message.contains("empty list"),
                "{}",
                refusal.message
            );
        }
        // Any other action may be left without keys.
        accepted("delete", &[]);
        // Ctrl-C belongs to quit alone.
        let refusal = refused("save", &[Key::ctrl('c')]);
        assert!(
            refusal.message.contains("always quits"),
            "{}",
            refusal.message
        );
        // Whatever was accepted, Ctrl-C quits in every mode.
        let (keymap, _) = Keymap::with_overrides(&[
            ("quit".to_string(), vec![Key::plain(KeyCode::F(10))]),
            ("close".to_string(), vec![Key::ctrl('g')]),
        ]);
        let ctrl_c = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
        for mode in ALL_MODES {
            assert_eq!(
                keymap.action_for(mode, &ctrl_c),
                Some(Action::Quit),
                "{mode:?}"
            );
        }
    }

    #[test]
    fn writing_leaves_printable_keys_to_the_text() {
        for c in ['q', '?', 'n', 'j', '1', ' ', 'é'] {
            assert_eq!(
                action_for(Writing, &press(KeyCode::Char(c), KeyModifiers::NONE)),
                None
            );
        }
        let shifted = press(KeyCode::Char('Q'), KeyModifiers::SHIFT);
        assert_eq!(action_for(Writing, &shifted), None);
    }

    #[test]
    fn keys_that_hold_everywhere() {
        for mode in [Writing, Browsing, Rating] {
            let ctrl_s = press(KeyCode::Char('s'), KeyModifiers::CONTROL);
            assert_eq!(action_for(mode, &ctrl_s), Some(Action::Save));
            let tab = press(KeyCode::Tab, KeyModifiers::NONE);
            assert_eq!(action_for(mode, &tab), Some(Action::FocusNext));
            let back_tab = press(KeyCode::BackTab, KeyModifiers::SHIFT);
            assert_eq!(action_for(mode, &back_tab), Some(Action::FocusPrev));
        }
        for mode in [Writing, Browsing, Rating, Help] {
            let ctrl_c = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
            assert_eq!(action_for(mode, &ctrl_c), Some(Action::Quit));
        }
        let question = press(KeyCode::Char('?'), KeyModifiers::SHIFT);
        assert_eq!(action_for(Browsing, &question), Some(Action::ShowHelp));
        let esc = press(KeyCode::Esc, KeyModifiers::NONE);
        assert_eq!(action_for(Writing, &esc), Some(Action::StopEditing));
    }

    #[test]
    fn every_default_key_spelled_for_config_parses_back_to_itself() {
        for binding in BINDINGS {
            for key in binding.keys {
                let spelled = config_spelling(key);
                let spec = crate::domain::keys::KeySpec::parse(&spelled)
                    .unwrap_or_else(|error| panic!("{spelled}: {error}"));
                assert_eq!(key_from_spec(&spec), *key, "{spelled}");
            }
        }
    }

    #[test]
    fn help_merges_keys_that_share_a_label() {
        let rows = Keymap::default().help_rows(Rating);
        let rate = rows
            .iter()
            .find(|(_, label)| *label == "rate 1 to 5")
            .unwrap();
        assert_eq!(rate.0, "1–5");
        let rows = Keymap::default().help_rows(Answer);
        let digits = rows
            .iter()
            .find(|(_, label)| *label == "type the answer")
            .unwrap();
        assert_eq!(digits.0, "0–9");
        assert!(
            Keymap::default()
                .footer_hints(Writing)
                .iter()
                .any(|(keys, _)| keys == "Esc")
        );
    }
}
