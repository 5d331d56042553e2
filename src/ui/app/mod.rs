//! The app: state, `update(action)` and `render`. Input arrives as key events, becomes
//! an [`Action`] through the keymap, and changes state here; drawing reads state only.

mod export;
mod journal;
mod journal_edit;
mod mouse;
mod packs;
mod people_notes;
mod practice;
mod practice_edit;
mod render;
mod settings;
mod trends;
mod writer;

pub use practice::LineInput;

use packs::{all_packs, pack_rows};

use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use chrono::{NaiveDate, Timelike};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::builtin;
use crate::clock::Clock;
use crate::domain::enrollment::Enrollment;
use crate::domain::index::JournalIndex;
use crate::domain::{Pack, Problem, Rating};
use crate::store::permissions::Loose;
use crate::store::{DraftFile, Drafts, Journal, JournalScan, PackStore, Paths, StoreError};
use crate::ui::action::Action;
use crate::ui::keymap::{Keymap, Mode};
use crate::ui::screens::journal::JournalScreen;
use crate::ui::screens::packs::PacksScreen;
use crate::ui::screens::today::{self, Slot, Today};
use crate::ui::theme::Theme;
use crate::ui::widgets::help;
use crate::ui::widgets::picker::{Picker, PickerItem};

/// The smallest terminal the layout works in.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 18;

/// How long typing must pause before the draft is written to disk.
pub const AUTOSAVE_IDLE: Duration = Duration::from_secs(2);

/// A one-line message under the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub level: Level,
    /// The screen it was told on: leaving that screen puts it away, unless it is an
    /// error. `None` for one about the whole app (the greeting, what was found at
    /// start), which stays until another takes its place.
    pub screen: Option<Screen>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Info,
    Success,
    Warning,
    Error,
}

/// The screens, in the order `]` walks through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Today,
    Journal,
    Trends,
    Commitments,
    People,
    Packs,
    Export,
}

impl Screen {
    const ALL: [Screen; 7] = [
        Screen::Today,
        Screen::Journal,
        Screen::Trends,
        Screen::Commitments,
        Screen::People,
        Screen::Packs,
        Screen::Export,
    ];

    fn title(self) -> &'static str {
        match self {
            Screen::Today => "Today",
            Screen::Journal => "Journal",
            Screen::Trends => "Trends",
            Screen::Commitments => "Commitments",
            Screen::People => "People",
            Screen::Packs => "Packs",
            Screen::Export => "Export",
        }
    }

    /// A name for a crowded header.
    fn short_title(self) -> &'static str {
        match self {
            Screen::Commitments => "Commit.",
            other => other.title(),
        }
    }
}

/// What an open picker is choosing.
pub enum PickerPurpose {
    /// A prompt to answer on Today: the (pack, prompt) index of each item.
    Prompt(Vec<(usize, usize)>),
    /// A tag to narrow the journal to: the tag of each item.
    Tag(Vec<String>),
    /// A tag to rename across the journal.
    RenameTag(Vec<String>),
    /// A frame to narrow the journal to.
    Frame(Vec<crate::domain::Frame>),
    /// A pack to narrow the journal to: its id.
    Pack(Vec<String>),
    /// A commitment to check off: their ids.
    Commitment(Vec<String>),
    /// A person to log a connection with: their ids.
    Person(Vec<String>),
    /// A roster group to narrow People to.
    Group(Vec<String>),
    /// A tag, frame or pack to add to the export or take out of it.
    ExportTag(Vec<String>),
    ExportFrame(Vec<crate::domain::Frame>),
    ExportPack(Vec<String>),
}

impl PickerPurpose {
    /// The mode whose keys (and footer) this picker has.
    fn mode(&self) -> Mode {
        match self {
            PickerPurpose::Prompt(_) => Mode::Picker,
            PickerPurpose::Person(_) => Mode::PersonPicker,
            PickerPurpose::Commitment(_) => Mode::CommitmentPicker,
            PickerPurpose::Tag(_)
            | PickerPurpose::RenameTag(_)
            | PickerPurpose::Frame(_)
            | PickerPurpose::Pack(_)
            | PickerPurpose::Group(_)
            | PickerPurpose::ExportTag(_)
            | PickerPurpose::ExportFrame(_)
            | PickerPurpose::ExportPack(_) => Mode::ListPicker,
        }
    }
}

/// Work the event loop must do outside the app, because it needs the terminal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Suspend the screen, let `$VISUAL`/`$EDITOR` edit this text, hand it back.
    ExternalEditor(String),
}

pub struct App {
    journal: Journal,
    pack_store: PackStore,
    enrollments: Vec<Enrollment>,
    /// Problems of installed packs, kept apart so a reload replaces them.
    pack_problems: Vec<Problem>,
    screen: Screen,
    packs_screen: PacksScreen,
    /// The pack a removal is waiting on "y" for.
    confirm_remove: Option<String>,
    drafts: Drafts,
    draft_file: DraftFile,
    packs: Vec<Pack>,
    clock: Box<dyn Clock + Send>,
    theme: Theme,
    keymap: Keymap,
    /// The settings folder: config.toml and the person's own themes.
    config_dir: std::path::PathBuf,
    /// The name of the theme in force, as config.toml would name it.
    theme_name: String,
    /// What the terminal can show, to fit a theme picked while running.
    color_support: crate::ui::theme::ColorSupport,
    /// Why the configured theme could not be used; shown until another is kept.
    theme_problem: Option<Problem>,
    theme_picker: Option<crate::ui::widgets::theme_picker::ThemePicker>,
    /// The `editor` setting, tried before `$VISUAL` and `$EDITOR`.
    editor: Option<String>,
    /// Whether the app takes the mouse (the `mouse` setting).
    mouse: bool,
    pub today: Today,
    /// Today's file exists but is broken: saving would overwrite it, so it is refused.
    today_blocked: bool,
    help_scroll: Option<u16>,
    picker: Option<(Picker, PickerPurpose)>,
    commitment_store: crate::store::commitments::CommitmentStore,
    commitments: Vec<crate::domain::commitment::Commitment>,
    people: Vec<crate::domain::person::Person>,
    week_start: chrono::Weekday,
    /// How many of the standing daily prompts Today shows (from the config).
    prompts_per_day: u8,
    commitments_screen: crate::ui::screens::commitments::CommitmentsScreen,
    people_screen: crate::ui::screens::people::PeopleScreen,
    /// A one-line note being typed.
    line_input: Option<LineInput>,
    /// A commitment or person being added or edited.
    practice_form: Option<practice_edit::PracticeForm>,
    /// An archive (or done) waiting for "y".
    practice_confirm: Option<practice_edit::PracticeConfirm>,
    /// The whole journal, once the background scan has read it.
    index: Option<JournalIndex>,
    journal_screen: JournalScreen,
    notice: Option<Notice>,
    problems: Vec<Problem>,
    /// Settings that could not be used (each left at its default), kept apart: the
    /// rest of config.toml is in use, and `config check` is what lists them.
    settings_problems: Vec<Problem>,
    /// config.toml is not TOML at all, so every setting is at its default.
    settings_ignored: bool,
    scan: Option<Receiver<Scanned>>,
    /// Folders and files of the journal that others can read: the folders at open,
    /// every file too once the background scan is done.
    loose: Vec<Loose>,
    last_edit: Option<Instant>,
    drafts_stale: bool,
    effect: Option<Effect>,
    quit: bool,
    /// Whether this window may write the journal (see `writer`).
    access: writer::Access,
    /// Where unsaved text goes when the journal cannot take it.
    rescue: crate::store::rescue::Rescue,
    /// The rescue file holding this window's unsaved text, while it holds some.
    kept_in: Option<std::path::PathBuf>,
    /// Entry edits brought back at start that could not be saved then (see
    /// `reopen_entry_drafts`): kept with the drafts until a later start saves them.
    entry_drafts_held: Vec<crate::store::EntryDraft>,
    trends_screen: crate::ui::screens::trends::TrendsScreen,
    export_screen: crate::ui::screens::export::ExportScreen,
    /// Builds the Export screen's document, from the first time it is opened.
    export_worker: Option<export::ExportWorker>,
    /// The weekly review, while it is open.
    review: Option<crate::ui::screens::review::ReviewScreen>,
    /// Before this hour a moment still counts for the day before (from the config).
    rollover_hour: u8,
    review_state_store: crate::store::review_state::ReviewStateStore,
    /// Which week's review was put off.
    review_state: crate::store::review_state::ReviewState,
}

impl App {
    /// Opens the journal at `paths` for the clock's today: restores any unsaved draft and
    /// files drafts left from earlier days into their days.
    pub fn open(paths: &Paths, clock: Box<dyn Clock + Send>) -> Result<App, StoreError> {
        App::open_with_colors(paths, clock, crate::ui::theme::ColorSupport::detect())
    }

    /// [`App::open`] for a terminal that shows `support` colours, whatever the
    /// environment says (snapshot tests pin it).
    pub fn open_with_colors(
        paths: &Paths,
        clock: Box<dyn Clock + Send>,
        support: crate::ui::theme::ColorSupport,
    ) -> Result<App, StoreError> {
        let journal = Journal::open(&paths.data)?;
        let access = writer::Access::open(&paths.data);
        let drafts = Drafts::new(&paths.data);
        let mut problems = Vec::new();
        let mut notices = Vec::new();
        let builtin_packs = builtin::packs().unwrap_or_else(|error| {
            problems.extend(error.problems);
            Vec::new()
        });
        let pack_store = PackStore::open(&paths.data);
        let installed = pack_store.load();
        let packs = all_packs(&builtin_packs, &installed);
        let enrollments: Vec<Enrollment> = installed.packs.iter().map(|(_, e)| e.clone()).collect();
        let mut draft_file = match drafts.load() {
            Ok(file) => file,
            // A read-only window leaves the file where it is: it writes nothing.
            Err(StoreError::Malformed(problem)) if !access.is_writer() => {
                problems.push(problem);
                DraftFile::default()
            }
            Err(StoreError::Malformed(problem)) => {
                let kept = drafts.set_aside();
                problems.push(problem);
                notices.push(format!(
                    "The drafts file could not be read; it was kept as {kept}."
                ));
                DraftFile::default()
            }
            Err(other) => return Err(other),
        };
        let rescue = crate::store::rescue::Rescue::new(std::env::temp_dir(), &paths.data);
        let rescued = if access.is_writer() {
            rescue.take_back(&mut draft_file)
        } else {
            Vec::new()
        };
        // The same reading `truenorth config check` does, so what it calls fine is
        // what the app takes.
        let crate::ui::settings::Settings {
            config,
            keymap,
            theme,
            theme_name,
            theme_problem,
            problems: settings_problems,
            file_ignored: settings_ignored,
        } = crate::ui::settings::load(&paths.config, support);
        let date = config.journal_day(clock.now().naive_local());
        let (saved, today_blocked) = match journal.load_day(date) {
            Ok(day) => (day, false),
            Err(StoreError::Malformed(problem)) => {
                problems.push(problem);
                (None, true)
            }
            Err(other) => return Err(other),
        };
        let recent = recent_days(&journal, date);
        let offers = offers_for(date, &packs, &enrollments, &recent, config.prompts_per_day);
        let today = Today::new(date, &offers, &packs, saved.as_ref(), draft_file.day(date));
        let packs_screen = PacksScreen::new(pack_rows(date, &builtin_packs, &installed));
        let commitment_store = crate::store::commitments::CommitmentStore::open(&paths.data);
        let people_store = crate::store::people::PeopleStore::open(&paths.data);
        let commitments = commitment_store.load().unwrap_or_else(|error| {
            problems.push(store_problem(error));
            Vec::new()
        });
        let people = people_store.load().unwrap_or_else(|error| {
            problems.push(store_problem(error));
            Vec::new()
        });
        let review_state_store = crate::store::review_state::ReviewStateStore::open(&paths.data);
        let review_state = review_state_store.load().unwrap_or_else(|error| {
            problems.push(store_problem(error));
            Default::default()
        });
        let mut app = App {
            journal,
            pack_store,
            enrollments,
            pack_problems: installed.problems,
            screen: Screen::Today,
            packs_screen,
            confirm_remove: None,
            drafts,
            draft_file,
            packs,
            clock,
            theme,
            keymap,
            config_dir: paths.config.clone(),
            theme_name,
            color_support: support,
            theme_problem,
            theme_picker: None,
            editor: config.editor.clone(),
            mouse: config.mouse,
            today,
            today_blocked,
            help_scroll: None,
            picker: None,
            index: None,
            journal_screen: JournalScreen::default(),
            commitment_store,
            commitments,
            people,
            week_start: config.week_start,
            prompts_per_day: config.prompts_per_day,
            commitments_screen: Default::default(),
            people_screen: Default::default(),
            line_input: None,
            practice_form: None,
            practice_confirm: None,
            notice: None,
            problems,
            settings_problems,
            settings_ignored,
            scan: None,
            loose: Vec::new(),
            last_edit: None,
            drafts_stale: false,
            effect: None,
            quit: false,
            access,
            rescue,
            kept_in: None,
            entry_drafts_held: Vec::new(),
            trends_screen: Default::default(),
            export_screen: {
                let (folder, home) = export::default_folder();
                crate::ui::screens::export::ExportScreen::new(
                    config.export.format,
                    config.export.include_names,
                    &folder,
                    home,
                    date,
                )
            },
            export_worker: None,
            review: None,
            rollover_hour: config.day_rollover_hour,
            review_state_store,
            review_state,
        };
        // Only the window that writes brings a form back: only it can save it. Before
        // any draft is written again, which keeps the open form's text.
        let form_back = app
            .draft_file
            .form
            .clone()
            .filter(|_| app.access.is_writer())
            .and_then(|draft| app.reopen_form(&draft));
        let mut entry_back = Vec::new();
        if app.access.is_writer() {
            // After the form, so a draft written meanwhile keeps the form's text.
            entry_back = app.reopen_entry_drafts();
            app.file_earlier_drafts(&mut notices);
        }
        app.refresh_practice();
        if app.today.is_dirty() {
            notices.push("Your unsaved answers from earlier were restored.".to_string());
        }
        // The last is shown: what is back on the screen in front.
        notices.extend(entry_back);
        notices.extend(form_back);
        let offered = app.offer_review();
        let text = notices.pop().unwrap_or_else(|| {
            if offered {
                trends::REVIEW_OFFERED.to_string()
            } else {
                greeting(app.clock.now().hour(), app.today.slots.len())
            }
        });
        app.notice = Some(Notice {
            text,
            level: Level::Info,
            screen: None,
        });
        app.take_back_rescued(rescued);
        app.report_loose_permissions();
        Ok(app)
    }

    /// Drafts from an earlier day can no longer be finished on Today, so they are
    /// saved into their own day rather than lost or left waiting.
    fn file_earlier_drafts(&mut self, notices: &mut Vec<String>) {
        let today = self.today.date;
        let earlier: Vec<NaiveDate> = self
            .draft_file
            .days
            .iter()
            .map(|day| day.date)
            .filter(|date| *date < today)
            .collect();
        for date in earlier {
            let Some(draft) = self.draft_file.day(date).cloned() else {
                continue;
            };
            let now = self.clock.now();
            let packs = &self.packs;
            let result = self.journal.update_day(date, |day| {
                let screen = Today::new(date, &[], packs, Some(day), Some(&draft));
                screen.save_request().apply(day, now);
            });
            match result {
                Ok(_) => {
                    self.draft_file.set_day(date, None);
                    self.drafts_stale = true;
                    notices.push(format!(
                        "Unsaved answers from {date} were saved to that day."
                    ));
                }
                Err(error) => notices.push(format!("A draft from {date} is kept: {error}")),
            }
        }
        if self.drafts_stale {
            self.flush_drafts();
        }
    }

    /// Reads the whole journal on a background thread, so problems in old files are
    /// reported without slowing the first frame; [`App::tick`] takes it in.
    pub fn spawn_scan(&mut self) {
        let (sender, receiver) = mpsc::channel();
        let journal = self.journal.clone();
        std::thread::spawn(move || {
            let _ = sender.send(scan_journal(&journal));
        });
        self.scan = Some(receiver);
    }

    /// Reads the whole journal here and now and takes it in, as the background scan
    /// would: for benches and tests that need the journal before the next step.
    pub fn scan_now(&mut self) {
        self.scan = None;
        let scanned = scan_journal(&self.journal);
        self.take_scan(scanned);
    }

    fn take_scan(&mut self, (scan, index, loose): Scanned) {
        self.loose = loose;
        self.journal_screen.refresh(&index);
        self.journal_screen.select_editing(&index);
        self.index = Some(index);
        self.refresh_practice();
        self.refresh_trends();
        for problem in scan.problems {
            if !self.problems.contains(&problem) {
                self.problems.push(problem);
            }
        }
    }

    /// Whether the background scan has delivered the journal index.
    pub fn journal_ready(&self) -> bool {
        self.index.is_some()
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    pub fn take_effect(&mut self) -> Option<Effect> {
        self.effect.take()
    }

    pub fn notice(&self) -> Option<&Notice> {
        self.notice.as_ref()
    }

    /// Everything that could not be read or used: journal files, drafts, packs,
    /// settings.
    pub fn problems(&self) -> Vec<&Problem> {
        self.problems
            .iter()
            .chain(&self.pack_problems)
            .chain(&self.settings_problems)
            .collect()
    }

    pub fn screen(&self) -> Screen {
        self.screen
    }

    /// The `editor` setting, for the external editor.
    pub fn editor_setting(&self) -> Option<&str> {
        self.editor.as_deref()
    }

    /// Whether to turn on mouse reporting (the `mouse` setting).
    pub fn mouse_enabled(&self) -> bool {
        self.mouse
    }

    pub fn data_dir(&self) -> &std::path::Path {
        self.journal.root()
    }

    /// The mode that decides what keys mean right now.
    pub fn mode(&self) -> Mode {
        if self.help_scroll.is_some() {
            Mode::Help
        } else if self.theme_picker.is_some() {
            Mode::Themes
        } else if self.confirm_remove.is_some()
            || self.journal_screen.confirm_delete.is_some()
            || self.practice_confirm.is_some()
            || self.export_screen.confirm_replace.is_some()
        {
            Mode::Confirm
        } else if let Some((_, purpose)) = &self.picker {
            purpose.mode()
        } else if self.line_input.is_some() {
            Mode::LineInput
        } else if self.practice_form.is_some() {
            Mode::Form
        } else if self.review.is_some() {
            Mode::Review
        } else if self.screen == Screen::Trends {
            Mode::Trends
        } else if self.screen == Screen::Export {
            if self.export_screen.editing.is_some() {
                Mode::ExportInput
            } else {
                Mode::Export
            }
        } else if self.screen == Screen::Commitments {
            Mode::Commitments
        } else if self.screen == Screen::People {
            if self.people_screen.notes_focus {
                Mode::PeopleNotes
            } else {
                Mode::People
            }
        } else if self.screen == Screen::Packs {
            Mode::Packs
        } else if self.screen == Screen::Journal {
            if self.journal_screen.editing.is_some() {
                Mode::EntryEdit
            } else if self.journal_screen.date_input.is_some() {
                Mode::DateInput
            } else if self.journal_screen.calendar.is_some() {
                Mode::Calendar
            } else if self.journal_screen.searching {
                Mode::JournalSearch
            } else {
                Mode::Journal
            }
        } else if matches!(
            self.today.focus,
            today::Focus::Energy | today::Focus::Outlook
        ) {
            Mode::Rating
        } else if self.today.focus == today::Focus::Practice {
            Mode::Practice
        } else if self.today.writing {
            Mode::Writing
        } else if self.today.focused_slot_ref().is_some_and(Slot::is_measured) {
            // A scale, number or yes/no answer takes its digits, y/n and ←/→ before
            // any note (Enter starts one).
            Mode::Answer
        } else {
            Mode::Browsing
        }
    }

    pub fn handle_key(&mut self, event: KeyEvent) {
        if event.kind == KeyEventKind::Release {
            return;
        }
        // Debug builds only: a way for the end-to-end tests to prove that a panic
        // restores the terminal and keeps the draft.
        #[cfg(debug_assertions)]
        if event.code == KeyCode::F(12) && std::env::var_os("TRUENORTH_DEBUG_PANIC").is_some() {
            panic!("deliberate panic (TRUENORTH_DEBUG_PANIC)");
        }
        let mode = self.mode();
        if let Some(action) = self.keymap.action_for(mode, &event) {
            self.update(action);
        } else if mode == Mode::LineInput {
            if let Some(input) = &mut self.line_input {
                match event.code {
                    KeyCode::Char(c) if !event.modifiers.contains(KeyModifiers::CONTROL) => {
                        input.text_mut().push(c)
                    }
                    KeyCode::Backspace => {
                        input.text_mut().pop();
                    }
                    _ => {}
                }
            }
        } else if matches!(
            mode,
            Mode::JournalSearch | Mode::EntryEdit | Mode::DateInput
        ) {
            self.journal_input(event);
        } else if mode == Mode::Review {
            self.review_input(event);
        } else if mode == Mode::ExportInput {
            self.export_input(event);
        } else if mode == Mode::Form {
            if let Some(open) = &mut self.practice_form
                && open.form_mut().key(&event)
            {
                self.note_edit();
            }
        } else if mode.is_picker()
            && let Some((picker, _)) = &mut self.picker
        {
            match event.code {
                KeyCode::Char(c) if !event.modifiers.contains(KeyModifiers::CONTROL) => {
                    picker.type_char(c)
                }
                KeyCode::Backspace => picker.backspace(),
                _ => {}
            }
        } else if mode == Mode::Writing
            && let Some(slot) = self.today.focused_slot()
            && slot.editor.input(event)
        {
            self.note_edit();
        }
    }

    /// Pasted text goes into the focused answer as one edit.
    pub fn handle_paste(&mut self, text: &str) {
        if self.help_scroll.is_some() {
            return;
        }
        if let Some(input) = &mut self.line_input {
            input
                .text_mut()
                .extend(text.chars().filter(|c| !c.is_control()));
            return;
        }
        if let Some((picker, _)) = &mut self.picker {
            text.chars()
                .filter(|c| !c.is_control())
                .for_each(|c| picker.type_char(c));
            return;
        }
        if self.review.is_some() {
            self.review_paste(text);
            return;
        }
        if self.export_typing() {
            self.export_paste(text);
            return;
        }
        if let Some(open) = &mut self.practice_form {
            open.form_mut().paste(text);
            self.note_edit();
            return;
        }
        if self.screen == Screen::Journal && self.journal_paste(text) {
            return;
        }
        self.today.set_writing(true);
        if let Some(slot) = self.today.focused_slot() {
            slot.editor
                .insert_str(text.replace("\r\n", "\n").replace('\r', "\n"));
            self.note_edit();
        }
    }

    pub fn update(&mut self, action: Action) {
        // The help sits over everything: while it is open it takes every key, and it
        // opens from anywhere on the keys for where the person is.
        if self.help_scroll.is_some() {
            self.update_help(action);
            return;
        }
        if action == Action::ShowHelp {
            self.help_scroll = Some(help::section_start(&self.keymap, self.mode()));
            return;
        }
        if self.read_only().is_some() && self.writes(action) {
            self.may_write();
            return;
        }
        if self.theme_picker.is_some() && self.help_scroll.is_none() {
            self.update_theme_picker(action);
            return;
        }
        if self.help_scroll.is_none() && self.practice_confirm.is_some() {
            self.update_practice_confirm(action);
            return;
        }
        if self.help_scroll.is_none() && self.line_input.is_none() && self.practice_form.is_some() {
            self.update_form(action);
            return;
        }
        if self.line_input.is_some() && self.help_scroll.is_none() {
            match action {
                Action::Choose => self.finish_line_input(),
                Action::Close => self.line_input = None,
                Action::ClearText => {
                    if let Some(input) = &mut self.line_input {
                        input.text_mut().clear();
                    }
                }
                Action::Quit => self.quit = true,
                _ => {}
            }
            return;
        }
        if self.review.is_some() && self.help_scroll.is_none() && self.update_review(action) {
            return;
        }
        if self.screen == Screen::Journal && self.update_journal(action) {
            return;
        }
        if self.screen == Screen::Export && self.update_export(action) {
            return;
        }
        if self.screen == Screen::Trends
            && self.help_scroll.is_none()
            && self.picker.is_none()
            && self.update_trends(action)
        {
            return;
        }
        if self.mode() == Mode::PeopleNotes && self.update_people_notes(action) {
            return;
        }
        if matches!(self.screen, Screen::Commitments | Screen::People)
            && self.help_scroll.is_none()
            && self.picker.is_none()
            && self.update_practice(action)
        {
            return;
        }
        if self.mode() == Mode::Practice && self.update_today_practice(action) {
            return;
        }
        match action {
            Action::Quit => self.quit = true,
            Action::Save => self.save(),
            Action::FocusNext => self.today.move_focus(1),
            Action::FocusPrev => self.today.move_focus(-1),
            Action::StartEditing => self.today.set_writing(true),
            Action::StopEditing => self.today.set_writing(false),
            Action::OtherPrompt => match self.today.other_prompt(&self.packs) {
                Ok(()) => self.notice = None,
                Err(reason) => self.tell(Level::Warning, reason),
            },
            Action::ExternalEditor => {
                if let Some(slot) = self.today.focused_slot() {
                    self.effect = Some(Effect::ExternalEditor(slot.text()));
                }
            }
            Action::Undo | Action::Redo => {
                if let Some(slot) = self.today.focused_slot()
                    && undo_or_redo(&mut slot.editor, action)
                {
                    self.note_edit();
                }
            }
            Action::AnswerDigit(_)
            | Action::AnswerYes
            | Action::AnswerNo
            | Action::AnswerErase
            | Action::RatingUp
            | Action::RatingDown
                if self.mode() == Mode::Answer =>
            {
                if let Some(slot) = self.today.focused_slot() {
                    match action {
                        Action::AnswerDigit(digit) => slot.type_digit(digit),
                        Action::AnswerYes => slot.set_yes_no(true),
                        Action::AnswerNo => slot.set_yes_no(false),
                        Action::AnswerErase => slot.erase_value(),
                        Action::RatingUp => slot.step_value(true),
                        _ => slot.step_value(false),
                    }
                    self.note_edit();
                }
            }
            Action::AnswerDigit(_) | Action::AnswerYes | Action::AnswerNo | Action::AnswerErase => {
            }
            Action::RatingUp | Action::RatingDown | Action::SetRating(_) | Action::ClearRating => {
                if let Some(rating) = self.today.focused_rating() {
                    *rating = match action {
                        Action::RatingUp => Some(rating.map_or(Rating::LOWEST, Rating::up)),
                        Action::RatingDown => rating.map(Rating::down),
                        Action::SetRating(value) => Rating::new(value),
                        _ => None,
                    };
                    self.note_edit();
                }
            }
            Action::ShowHelp => {}
            Action::OpenPicker => self.open_picker(),
            Action::NextGroup | Action::PrevGroup => {
                if let Some((picker, _)) = &mut self.picker {
                    picker.cycle_group(action == Action::NextGroup);
                }
            }
            Action::Choose => self.choose_picked(),
            Action::ClearText => {
                if let Some((picker, _)) = &mut self.picker {
                    picker.clear_query();
                }
            }
            Action::Close => {
                self.picker = None;
                self.confirm_remove = None;
            }
            // Journal's own actions are handled above while it is on screen.
            Action::Search
            | Action::TogglePrivate
            | Action::Delete
            | Action::UndoDelete
            | Action::FilterTag
            | Action::RenameTag
            | Action::CyclePrivacy
            | Action::OnThisDay
            | Action::ClearFilters
            | Action::PageUp
            | Action::PageDown
            | Action::First
            | Action::Last
            | Action::FilterFrame
            | Action::FilterPack
            | Action::GoToDate
            | Action::Heatmap
            | Action::Left
            | Action::Right
            | Action::CheckOff
            | Action::CheckOffYesterday
            | Action::CheckOffWithNote
            | Action::SkipDay
            | Action::ActOnInsight
            | Action::AddNew
            | Action::Edit
            | Action::Archive
            | Action::MarkDone
            | Action::FilterGroup
            | Action::ToggleArchived
            | Action::Unarchive
            | Action::TakeBackNote => {}
            Action::WeeklyReview => self.open_review(),
            Action::PickCommitment => self.open_check_picker(),
            Action::PickTheme => self.open_theme_picker(),
            Action::LogConnection => self.open_person_picker(),
            Action::NextScreen | Action::PrevScreen => {
                let at = Screen::ALL
                    .iter()
                    .position(|screen| *screen == self.screen)
                    .unwrap_or(0);
                let step = if action == Action::NextScreen {
                    1
                } else {
                    Screen::ALL.len() - 1
                };
                self.show_screen(Screen::ALL[(at + step) % Screen::ALL.len()]);
            }
            Action::StartPack => self.start_pack(),
            Action::TogglePause => self.toggle_pause(),
            Action::RemovePack => self.ask_remove(),
            Action::Confirm => self.remove_confirmed(),
            Action::Up | Action::Down => {
                let step = if action == Action::Up { -1 } else { 1 };
                if let Some((picker, _)) = &mut self.picker {
                    picker.move_selection(step);
                } else if self.screen == Screen::Packs {
                    self.packs_screen.move_selection(step);
                }
            }
        }
    }

    /// Keys while the help is open: scroll it, close it, or quit.
    fn update_help(&mut self, action: Action) {
        let Some(scroll) = self.help_scroll else {
            return;
        };
        match action {
            Action::Close | Action::ShowHelp => self.help_scroll = None,
            Action::Up | Action::Down => {
                let step = if action == Action::Up { -1 } else { 1 };
                let last = help::lines(&self.keymap, &self.theme)
                    .len()
                    .saturating_sub(1) as i32;
                self.help_scroll = Some((i32::from(scroll) + step).clamp(0, last) as u16);
            }
            Action::Quit => self.quit = true,
            _ => {}
        }
    }

    /// Brings `screen` to the front (from `]`/`[` or a click on its tab).
    fn show_screen(&mut self, screen: Screen) {
        let leaving = self.screen;
        // What was said about the screen being left ("Not written: …") no longer
        // applies to the one coming up; an error stays until it is read.
        if screen != leaving
            && self.notice.as_ref().is_some_and(|notice| {
                notice.screen == Some(leaving) && notice.level != Level::Error
            })
        {
            self.notice = None;
        }
        // People opens on its list again, not on a note chosen before.
        if leaving == Screen::People {
            self.people_screen.notes_focus = false;
        }
        // The new screen is in front before it is filled, so what filling it says is
        // said on it.
        self.screen = screen;
        // Trends are computed as they come on screen, never while drawing.
        if screen == Screen::Trends && leaving != Screen::Trends {
            self.refresh_trends();
        }
        // The journal is read again each time Export opens: it may have changed.
        if screen == Screen::Export && leaving != Screen::Export {
            self.enter_export();
        }
    }

    /// Commitments' and People's own keys; false when not theirs.
    fn update_practice(&mut self, action: Action) -> bool {
        match (self.screen, action) {
            (Screen::Commitments, Action::Up) => self.commitments_screen.move_selection(-1),
            (Screen::Commitments, Action::Down) => self.commitments_screen.move_selection(1),
            (Screen::Commitments, Action::CheckOff) => self.check_selected(0),
            (Screen::Commitments, Action::CheckOffYesterday) => self.check_selected(1),
            (Screen::Commitments, Action::CheckOffWithNote) => {
                if let Some(row) = self.commitments_screen.selected_row() {
                    self.ask_check_note(row.commitment.id.clone());
                }
            }
            (Screen::Commitments, Action::TogglePause) => self.toggle_commitment_pause(),
            (Screen::Commitments, Action::SkipDay) => self.skip_today(),
            (Screen::People, Action::Up | Action::Down) => {
                let step = if action == Action::Up { -1 } else { 1 };
                self.people_screen.move_selection(step);
                self.refresh_timeline();
            }
            (Screen::People, Action::LogConnection) => {
                match self.people_screen.selected_person().map(|p| p.id.clone()) {
                    Some(id) => self.ask_connection_note(id),
                    None => self.open_person_picker(),
                }
            }
            (Screen::People, Action::FilterGroup) => self.open_group_picker(),
            (Screen::People, Action::FocusNext | Action::FocusPrev) => {
                self.focus_notes();
            }
            (Screen::People, Action::TakeBackNote) => self.ask_take_back_note(),
            (Screen::Commitments | Screen::People, Action::AddNew) => self.open_new_form(),
            (Screen::Commitments | Screen::People, Action::Edit) => self.open_edit_form(),
            (Screen::Commitments | Screen::People, Action::Archive) => self.ask_put_away(false),
            (Screen::Commitments, Action::MarkDone) => self.ask_put_away(true),
            (Screen::Commitments | Screen::People, Action::ToggleArchived) => {
                self.toggle_archived()
            }
            (Screen::Commitments | Screen::People, Action::Unarchive) => self.unarchive(),
            _ => return false,
        }
        true
    }

    /// Opens the picker over every prompt of every pack.
    fn open_picker(&mut self) {
        let mut items = Vec::new();
        let mut places = Vec::new();
        for (pack_index, pack) in self.packs.iter().enumerate() {
            for (prompt_index, prompt) in pack.prompts.iter().enumerate() {
                items.push(PickerItem {
                    text: prompt.text.clone(),
                    detail: pack.meta.title.clone(),
                    group: pack.frame_label(&prompt.frame),
                });
                places.push((pack_index, prompt_index));
            }
        }
        self.picker = Some((
            Picker::new("Pick any prompt", items),
            PickerPurpose::Prompt(places),
        ));
    }

    /// Adds the picked prompt to Today and starts answering it.
    fn choose_picked(&mut self) {
        let Some((picker, purpose)) = self.picker.take() else {
            return;
        };
        let Some(chosen) = picker.chosen() else {
            self.tell(Level::Info, "Nothing matches; Esc closes the picker.");
            self.picker = Some((picker, purpose));
            return;
        };
        let places = match purpose {
            PickerPurpose::Prompt(places) => places,
            PickerPurpose::Tag(tags) => {
                self.filter_by_tag(tags[chosen].clone());
                return;
            }
            PickerPurpose::RenameTag(tags) => {
                self.ask_new_tag_name(tags[chosen].clone());
                return;
            }
            PickerPurpose::Frame(frames) => {
                self.filter_by_frame(frames[chosen].clone());
                return;
            }
            PickerPurpose::Pack(packs) => {
                self.filter_by_pack(packs[chosen].clone());
                return;
            }
            PickerPurpose::Commitment(ids) => {
                let today = self.today.date;
                self.check_off(&ids[chosen], today, None);
                return;
            }
            PickerPurpose::Person(ids) => {
                self.ask_connection_note(ids[chosen].clone());
                return;
            }
            PickerPurpose::Group(groups) => {
                self.filter_group(groups[chosen].clone());
                return;
            }
            purpose @ (PickerPurpose::ExportTag(_)
            | PickerPurpose::ExportFrame(_)
            | PickerPurpose::ExportPack(_)) => {
                self.export_picked(purpose, chosen);
                return;
            }
        };
        let Some(&(pack_index, prompt_index)) = places.get(chosen) else {
            return;
        };
        let pack = &self.packs[pack_index];
        let prompt = &pack.prompts[prompt_index];
        self.today.add_picked(pack, prompt);
        self.notice = None;
    }

    /// The text came back from the external editor (or the editor failed).
    pub fn finish_external_edit(&mut self, result: std::io::Result<String>) {
        match result {
            Ok(text) => {
                if let Some(slot) = self.today.focused_slot() {
                    let text = text.strip_suffix('\n').unwrap_or(&text).to_string();
                    if text != slot.text() {
                        slot.set_text(&text);
                        self.note_edit();
                    }
                }
                self.today.set_writing(true);
            }
            Err(error) => self.tell(
                Level::Error,
                format!("The editor did not run: {error}. Your answer is as it was."),
            ),
        }
    }

    fn note_edit(&mut self) {
        self.last_edit = Some(Instant::now());
        self.drafts_stale = true;
    }

    fn tell(&mut self, level: Level, text: impl Into<String>) {
        self.notice = Some(Notice {
            text: text.into(),
            level,
            screen: Some(self.screen),
        });
    }

    /// Timers: writes the draft once typing has paused, and picks up the background
    /// scan's problems.
    pub fn tick(&mut self, now: Instant) {
        let idle = self
            .last_edit
            .is_none_or(|last| now.duration_since(last) >= AUTOSAVE_IDLE);
        if self.drafts_stale && idle {
            self.flush_drafts();
        }
        if let Some(receiver) = &self.scan
            && let Ok(scanned) = receiver.try_recv()
        {
            self.scan = None;
            self.take_scan(scanned);
        }
        self.poll_export();
    }

    /// Writes unsaved work to the drafts file (or removes today's draft when all is
    /// saved). Called on a pause in typing, on quit, on a signal and after a panic.
    /// A read-only window, or one whose drafts file cannot be written, keeps them in
    /// its rescue file instead.
    pub fn flush_drafts(&mut self) {
        self.keep_unsaved();
    }

    fn save(&mut self) {
        if !self.may_write() {
            return;
        }
        if self.today_blocked {
            self.flush_drafts();
            let path = self
                .journal
                .display_path(&self.journal.day_path(self.today.date));
            self.tell(
                Level::Error,
                format!(
                    "Not saved: {path} has a problem (see above). Your text is kept as a draft."
                ),
            );
            return;
        }
        let request = self.today.save_request();
        if !self.today.is_dirty() && request.answers.is_empty() {
            self.tell(Level::Info, "Nothing new to save.");
            return;
        }
        let now = self.clock.now();
        let mut ids = Vec::new();
        let mut kept_both = Vec::new();
        let result = self.journal.update_day(self.today.date, |day| {
            kept_both = request.kept_both(day);
            ids = request.apply(day, now);
        });
        match result {
            Ok(day) => {
                self.today.mark_saved(&ids);
                self.flush_drafts();
                self.index_day(day);
                let path = self
                    .journal
                    .display_path(&self.journal.day_path(self.today.date));
                let both = match kept_both.first() {
                    Some(question) => format!(
                        "; your answer to “{question}” had also been changed outside \
                         truenorth, so both versions are kept"
                    ),
                    None => String::new(),
                };
                self.tell(
                    Level::Success,
                    format!("Saved at {} to {path}{both}", now.format("%H:%M")),
                );
            }
            Err(error) => {
                let kept = self.keep_unsaved();
                self.tell(
                    Level::Error,
                    format!("Not saved: {}. {kept}", writer::explain(&error)),
                );
            }
        }
    }
}

/// Ctrl-Z (`Action::Undo`) or Ctrl-Y in a text editor; true when it changed the text,
/// which is then unsaved work to keep.
fn undo_or_redo(editor: &mut ratatui_textarea::TextArea<'_>, action: Action) -> bool {
    if action == Action::Undo {
        editor.undo()
    } else {
        editor.redo()
    }
}

/// A store error as a problem to show (a malformed file keeps its place).
fn store_problem(error: StoreError) -> Problem {
    match error {
        StoreError::Malformed(problem) => problem,
        other => Problem::new("truenorth", other.to_string()),
    }
}

/// The day files of the week before `date`: enough to tell which scheduled prompts
/// of the last days are still unanswered. Unreadable files are skipped here; the
/// background scan reports them.
fn recent_days(journal: &Journal, date: NaiveDate) -> Vec<crate::domain::Day> {
    (0..=crate::domain::schedule::MISSED_LOOK_BACK)
        .filter_map(|back| date.checked_sub_days(chrono::Days::new(back)))
        .filter_map(|day| journal.load_day(day).ok().flatten())
        .collect()
}

/// What Today offers on `date` from the standing daily pools and the running packs.
fn offers_for(
    date: NaiveDate,
    packs: &[Pack],
    enrollments: &[crate::domain::enrollment::Enrollment],
    recent: &[crate::domain::Day],
    prompts_per_day: u8,
) -> Vec<crate::domain::schedule::Offer> {
    let daily: Vec<(&Pack, crate::domain::Frame)> = builtin::DAILY_SLOTS
        .iter()
        .take(usize::from(prompts_per_day))
        .filter_map(|slot| {
            let pack = packs.iter().find(|pack| pack.meta.id == slot.pack)?;
            Some((pack, (slot.frame_for)(date)))
        })
        .collect();
    let enrolled: Vec<(&Pack, &crate::domain::enrollment::Enrollment)> = enrollments
        .iter()
        .filter_map(|enrollment| {
            let pack = packs.iter().find(|pack| pack.meta.id == enrollment.pack)?;
            Some((pack, enrollment))
        })
        .collect();
    crate::domain::schedule::todays_offers(date, &daily, &enrolled, recent)
}

/// A short hello for the status line, by the time of day.
fn greeting(hour: u32, questions: usize) -> String {
    let part = match hour {
        4..=11 => "Good morning",
        12..=17 => "Good afternoon",
        _ => "Good evening",
    };
    let count = match questions {
        0 => return format!("{part}. Nothing is asked today; how are your energy and outlook?"),
        1 => "One question".to_string(),
        2 => "Two questions".to_string(),
        3 => "Three questions".to_string(),
        n => format!("{n} questions"),
    };
    format!("{part}. {count} for today; a few honest lines are enough.")
}

/// What a scan of the whole journal brings: its problems, the index and what others
/// can read.
type Scanned = (JournalScan, JournalIndex, Vec<Loose>);

fn scan_journal(journal: &Journal) -> Scanned {
    // The index comes back whole from the cache: rebuilding it from the days would
    // cost more than the whole load.
    let crate::store::journal_cache::LoadedJournal { index, problems } =
        crate::store::journal_cache::load_index(journal);
    let scan = JournalScan {
        days: Vec::new(),
        problems,
    };
    // Every day file's permissions too, off the first frame's path.
    let loose = crate::store::permissions::check(journal.root());
    (scan, index, loose)
}
