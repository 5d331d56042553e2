//! Everything a person can ask the app to do, as one enum. Keys map to these in
//! [`super::keymap`]; [`super::app::App::update`] carries them out.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Keep drafts and leave.
    Quit,
    Save,
    FocusNext,
    FocusPrev,
    StartEditing,
    StopEditing,
    /// Swap the focused prompt for the next one in its pool.
    OtherPrompt,
    /// Hand the focused answer to `$VISUAL` / `$EDITOR`.
    ExternalEditor,
    Undo,
    Redo,
    RatingUp,
    RatingDown,
    SetRating(u8),
    ClearRating,
    /// A digit typed for a scale or number answer.
    AnswerDigit(u8),
    AnswerYes,
    AnswerNo,
    AnswerErase,
    ShowHelp,
    /// Open the prompt picker.
    OpenPicker,
    /// Narrow the picker to the next (or previous) group.
    NextGroup,
    PrevGroup,
    /// Take the highlighted choice.
    Choose,
    /// Close the open overlay (help, picker).
    Close,
    Up,
    Down,
    NextScreen,
    PrevScreen,
    /// Start the selected built-in pack today.
    StartPack,
    /// Pause a running pack, or resume a paused one.
    TogglePause,
    /// Ask to remove the selected pack.
    RemovePack,
    /// Yes to the question on screen.
    Confirm,
    /// Start typing a search.
    Search,
    TogglePrivate,
    /// Ask to delete the selected entry.
    Delete,
    /// Bring back the entry deleted last.
    UndoDelete,
    /// Narrow the list to a tag.
    FilterTag,
    RenameTag,
    /// Walk through: all entries, shared only, private only.
    CyclePrivacy,
    /// Show what was written on this day in earlier years.
    OnThisDay,
    ClearFilters,
    /// Narrow the journal to a frame.
    FilterFrame,
    /// Narrow the journal to the entries of one pack.
    FilterPack,
    /// Ask for a date to go to, or a range to narrow to.
    GoToDate,
    /// Show the year's calendar of reflection days.
    Heatmap,
    Left,
    Right,
    /// Check the selected commitment off today.
    CheckOff,
    /// Check it off for yesterday (back-filled).
    CheckOffYesterday,
    /// Check off with a note.
    CheckOffWithNote,
    /// Mark today a planned skip for the selected commitment.
    SkipDay,
    /// Pick a commitment due today to check off.
    PickCommitment,
    /// Log a connection with someone on the roster.
    LogConnection,
    /// Narrow the roster to a group.
    FilterGroup,
    PageUp,
    PageDown,
    /// To the first (or the last) row of the list.
    First,
    Last,
    /// Empty the line being typed (a search, a date, a note, a picker's search).
    ClearText,
    /// Open the weekly review (Continue, Start, Stop and a true-north question).
    WeeklyReview,
    /// Do what the selected insight on Trends suggests.
    ActOnInsight,
    /// Open the theme picker, which previews each theme on the whole app.
    PickTheme,
    /// Add a commitment or a person, in a form.
    AddNew,
    /// Edit the selected commitment or person, in a form.
    Edit,
    /// Ask to archive the selected commitment or person.
    Archive,
    /// Ask to mark the selected commitment done.
    MarkDone,
    /// Show archived commitments or people in the list too, or hide them again.
    ToggleArchived,
    /// Bring the selected archived commitment or person back.
    Unarchive,
    /// Ask to take back a connection note about the selected person: the one chosen
    /// in their timeline, or on the list the newest.
    TakeBackNote,
}
