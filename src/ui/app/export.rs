//! The Export screen's work: the journal is read and the document built on a worker
//! thread, so typing a date or flipping a choice never waits for ten years of text
//! (an HTML export of everything takes longer than a frame); the file is written
//! through the store's atomic helpers, and an existing file only when "y" says so.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::time::Instant;

use super::{App, Level, PickerPurpose, Screen};
use crate::domain::Frame;
use crate::domain::index::Privacy;
use crate::exchange::{self, ExportContext, ExportFormat, ExportOptions, LoadedSources};
use crate::store::atomic::{write_atomic, write_atomic_new};
use crate::ui::action::Action;
use crate::ui::screens::export::{ExportScreen, Field, Preview};
use crate::ui::widgets::picker::{Picker, PickerItem};

/// One document to build.
struct Request {
    generation: u64,
    options: ExportOptions,
    format: ExportFormat,
    context: ExportContext,
}

enum Job {
    /// Read the journal again (it may have changed since the screen was last open).
    Load,
    Render(Request),
}

enum Reply {
    Loaded {
        problems: usize,
        roster_unreadable: bool,
    },
    Failed(String),
    Rendered(Preview),
}

/// The thread that reads the journal and builds documents. It ends when the app
/// drops it (its job channel closes).
pub(super) struct ExportWorker {
    jobs: Sender<Job>,
    replies: Receiver<Reply>,
}

impl ExportWorker {
    fn spawn(root: PathBuf) -> io::Result<ExportWorker> {
        let (jobs, job_receiver) = mpsc::channel();
        let (reply_sender, replies) = mpsc::channel();
        std::thread::Builder::new()
            .name("export".into())
            .spawn(move || work(&root, &job_receiver, &reply_sender))?;
        Ok(ExportWorker { jobs, replies })
    }
}

fn work(root: &Path, jobs: &Receiver<Job>, replies: &Sender<Reply>) {
    let mut loaded: Option<LoadedSources> = None;
    let mut last: Option<Request> = None;
    while let Ok(first) = jobs.recv() {
        // Only the newest request matters: choices typed while a document was being
        // built make the ones before them stale.
        let mut reload = false;
        let mut render = None;
        for job in std::iter::once(first).chain(jobs.try_iter()) {
            match job {
                Job::Load => reload = true,
                Job::Render(request) => render = Some(request),
            }
        }
        if reload {
            let reply = match LoadedSources::load(root) {
                Ok(sources) => {
                    let reply = Reply::Loaded {
                        problems: sources.problems.len(),
                        roster_unreadable: sources.roster_unreadable(),
                    };
                    loaded = Some(sources);
                    reply
                }
                Err(error) => Reply::Failed(error.to_string()),
            };
            if replies.send(reply).is_err() {
                return;
            }
            render = render.or(last.take());
        }
        let Some(request) = render else { continue };
        let Some(sources) = &loaded else {
            last = Some(request);
            continue;
        };
        let started = Instant::now();
        let export = exchange::prepare(sources.sources(), &request.options, &request.context);
        let document = export.render(request.format);
        let preview = Preview::new(
            request.generation,
            request.format,
            document,
            export.counts(),
            export.range(),
            started.elapsed(),
        );
        if replies.send(Reply::Rendered(preview)).is_err() {
            return;
        }
        last = Some(request);
    }
}

/// The folder an export goes to unless the person types another: their documents
/// folder, else their home, else where truenorth was started.
pub(super) fn default_folder() -> (PathBuf, Option<PathBuf>) {
    let dirs = directories::UserDirs::new();
    let home = dirs.as_ref().map(|dirs| dirs.home_dir().to_path_buf());
    let documents = dirs
        .as_ref()
        .and_then(|dirs| dirs.document_dir())
        .filter(|dir| dir.is_dir())
        .map(Path::to_path_buf);
    let folder = documents
        .or_else(|| home.clone())
        .unwrap_or_else(|| PathBuf::from("."));
    (folder, home)
}

impl App {
    /// The screen was opened: read the journal again (it may have changed) and build
    /// the document for the current choices.
    pub(super) fn enter_export(&mut self) {
        if self.export_worker.is_none() {
            match ExportWorker::spawn(self.journal.root().to_path_buf()) {
                Ok(worker) => self.export_worker = Some(worker),
                Err(error) => {
                    self.tell(Level::Error, format!("The export cannot start: {error}"));
                    return;
                }
            }
        }
        if let Some(worker) = &self.export_worker
            && worker.jobs.send(Job::Load).is_ok()
        {
            self.export_screen.loading = true;
        }
        self.request_export(true);
    }

    /// Asks the worker for the document of the current choices, unless they are what
    /// was asked last (`force` asks anyway, after the journal is read again). A choice
    /// that cannot be read is marked and the last good preview stays.
    pub(super) fn request_export(&mut self, force: bool) {
        let screen = &mut self.export_screen;
        let options = match screen.options(self.today.date) {
            Ok(options) => options,
            Err(problem) => {
                screen.problem = Some(problem);
                return;
            }
        };
        screen.problem = None;
        let wanted = (options, screen.format);
        if !force && screen.asked.as_ref() == Some(&wanted) {
            return;
        }
        let Some(worker) = &self.export_worker else {
            return;
        };
        screen.requested += 1;
        let request = Request {
            generation: screen.requested,
            options: wanted.0.clone(),
            format: wanted.1,
            context: ExportContext {
                now: self.clock.now(),
                today: self.today.date,
                week_start: self.week_start,
            },
        };
        screen.asked = Some(wanted);
        if worker.jobs.send(Job::Render(request)).is_err() {
            self.worker_stopped();
        }
    }

    /// Takes what the worker finished; writes the file if it was waiting for it.
    pub(super) fn poll_export(&mut self) {
        let Some(worker) = &self.export_worker else {
            return;
        };
        let mut stopped = false;
        let screen = &mut self.export_screen;
        loop {
            match worker.replies.try_recv() {
                Ok(Reply::Loaded {
                    problems,
                    roster_unreadable,
                }) => {
                    screen.loading = false;
                    screen.roster_unreadable = roster_unreadable;
                    screen.load_note = (problems > 0).then(|| {
                        format!(
                            "{problems} journal file(s) could not be read and are left out; \
                             `truenorth doctor` names them."
                        )
                    });
                }
                Ok(Reply::Failed(why)) => {
                    screen.loading = false;
                    screen.load_note = Some(format!("The journal could not be read: {why}"));
                }
                Ok(Reply::Rendered(preview)) => screen.set_preview(preview),
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    stopped = true;
                    break;
                }
            }
        }
        if stopped {
            self.worker_stopped();
            return;
        }
        if self.export_screen.is_current()
            && let Some(replace) = self.export_screen.write_waiting.take()
        {
            self.write_export(replace);
        }
    }

    fn worker_stopped(&mut self) {
        self.export_worker = None;
        self.export_screen.loading = false;
        self.export_screen.write_waiting = None;
        self.tell(
            Level::Error,
            "The export stopped unexpectedly; nothing was written. Open Export again to retry.",
        );
    }

    /// Whether work for the Export screen is under way, so the event loop looks for
    /// its result sooner than its usual tick.
    pub fn export_busy(&self) -> bool {
        self.export_worker.is_some()
            && (self.export_screen.loading || !self.export_screen.is_current())
            && self.export_screen.problem.is_none()
    }

    /// Whether the Export screen shows the document of its current choices.
    pub fn export_ready(&self) -> bool {
        self.export_screen.is_current()
    }

    /// The Export screen's keys; false when not theirs.
    pub(super) fn update_export(&mut self, action: Action) -> bool {
        if self.help_scroll.is_some() || self.picker.is_some() {
            return false;
        }
        if self.export_screen.confirm_replace.is_some() {
            match action {
                Action::Confirm => {
                    self.export_screen.confirm_replace = None;
                    self.write_export(true);
                }
                Action::Close => {
                    if let Some(path) = self.export_screen.confirm_replace.take() {
                        let shown = self.export_screen.shown(&path);
                        self.tell(
                            Level::Info,
                            format!("Not written: {shown} is as it was. Change File to keep both."),
                        );
                    }
                }
                _ => return false,
            }
            return true;
        }
        let screen = &mut self.export_screen;
        if screen.editing.is_some() {
            match action {
                Action::Choose => {
                    screen.editing = None;
                    if screen.field == Field::File && screen.file_edited() {
                        self.request_export(false);
                    }
                }
                Action::Close => {
                    screen.cancel_editing();
                    self.request_export(false);
                }
                _ => return false,
            }
            return true;
        }
        // The form's keys do nothing while the preview has the focus (rather than
        // fall through to Today's meaning of them).
        let on_form = !screen.preview_focus;
        match action {
            Action::Up => screen.move_by(-1),
            Action::Down => screen.move_by(1),
            Action::PageUp => screen.scroll_by(-screen.page()),
            Action::PageDown => screen.scroll_by(screen.page()),
            Action::FocusNext | Action::FocusPrev => screen.preview_focus = !screen.preview_focus,
            Action::Left | Action::Right | Action::StartEditing | Action::ClearFilters
                if !on_form => {}
            Action::Left | Action::Right => {
                if screen.cycle(if action == Action::Right { 1 } else { -1 }) {
                    self.request_export(false);
                }
            }
            Action::StartEditing => match screen.field {
                Field::Tags => self.open_export_tag_picker(),
                Field::Frames => self.open_export_frame_picker(),
                Field::Packs => self.open_export_pack_picker(),
                field if field.is_choice() => {
                    screen.cycle(1);
                    self.request_export(false);
                }
                _ => screen.start_editing(),
            },
            Action::ClearFilters => {
                if screen.clear() {
                    self.request_export(false);
                }
            }
            Action::Save => self.write_export(false),
            _ => return false,
        }
        true
    }

    /// The mouse wheel: over the preview it scrolls, over the form it moves the
    /// selection.
    pub(super) fn export_wheel(
        &mut self,
        lines: isize,
        at: ratatui::layout::Position,
        body: ratatui::layout::Rect,
    ) {
        let screen = &mut self.export_screen;
        if ExportScreen::on_preview(body, at.x, at.y) {
            screen.scroll_by(lines);
        } else if !screen.preview_focus {
            screen.move_by(lines.signum());
        }
    }

    /// A click on a field selects it; a click on the preview gives it the focus.
    pub(super) fn export_click(
        &mut self,
        at: ratatui::layout::Position,
        body: ratatui::layout::Rect,
    ) {
        let screen = &mut self.export_screen;
        if let Some(field) = ExportScreen::field_at(body, at.x, at.y) {
            screen.preview_focus = false;
            screen.field = field;
        } else if ExportScreen::on_preview(body, at.x, at.y) {
            screen.preview_focus = true;
        }
    }

    /// A key typed into the field being edited.
    pub(super) fn export_input(&mut self, event: crossterm::event::KeyEvent) {
        use crossterm::event::{KeyCode, KeyModifiers};
        let text = self.export_screen.text_mut();
        let control = event.modifiers.contains(KeyModifiers::CONTROL);
        match event.code {
            // The shell's erasing keys, as in every form: Ctrl-U clears the field
            // (typing always goes at its end), Ctrl-W takes the last word.
            KeyCode::Char('u') if control => text.clear(),
            KeyCode::Char('w') if control => {
                let kept = text.trim_end().len();
                let start = text[..kept]
                    .rfind(|c: char| c.is_whitespace() || c == '/')
                    .map_or(0, |at| at + 1);
                text.truncate(start);
            }
            KeyCode::Char(c) if !control => text.push(c),
            KeyCode::Backspace => {
                text.pop();
            }
            _ => return,
        }
        self.request_export(false);
    }

    /// Pasted text goes into the field being edited, on one line.
    pub(super) fn export_paste(&mut self, pasted: &str) {
        let text = self.export_screen.text_mut();
        text.extend(pasted.chars().filter(|c| !c.is_control()));
        self.request_export(false);
    }

    fn open_export_tag_picker(&mut self) {
        let chosen = self.export_screen.tags.clone();
        // Private entries never go into an export: their tags are no choice here.
        let Some((items, tags)) = self.tag_items(Privacy::SharedOnly, |tag, count| {
            chosen_or(
                chosen.iter().any(|known| known == tag),
                super::journal::entries(count),
            )
        }) else {
            return;
        };
        self.picker = Some((
            Picker::new("Add a tag to the export (or take one out)", items),
            PickerPurpose::ExportTag(tags),
        ));
    }

    fn open_export_frame_picker(&mut self) {
        let mut frames: Vec<(Frame, String)> = Frame::BUILT_IN
            .iter()
            .map(|frame| (frame.clone(), frame.label()))
            .collect();
        // A pack's own frames too, by the names the pack gives them.
        for pack in &self.packs {
            for prompt in &pack.prompts {
                if !frames.iter().any(|(known, _)| *known == prompt.frame) {
                    frames.push((prompt.frame.clone(), pack.frame_label(&prompt.frame)));
                }
            }
        }
        let chosen = &self.export_screen.frames;
        let items = frames
            .iter()
            .map(|(frame, label)| PickerItem {
                text: label.clone(),
                detail: chosen_or(chosen.contains(frame), String::new()),
                group: String::new(),
            })
            .collect();
        self.picker = Some((
            Picker::new("Add a frame to the export (or take one out)", items),
            PickerPurpose::ExportFrame(frames.into_iter().map(|(frame, _)| frame).collect()),
        ));
    }

    fn open_export_pack_picker(&mut self) {
        let chosen = &self.export_screen.packs;
        let items = self
            .packs
            .iter()
            .map(|pack| PickerItem {
                text: pack.meta.title.clone(),
                detail: chosen_or(chosen.contains(&pack.meta.id), pack.meta.id.clone()),
                group: String::new(),
            })
            .collect();
        let ids = self.packs.iter().map(|pack| pack.meta.id.clone()).collect();
        self.picker = Some((
            Picker::new("Add a pack to the export (or take one out)", items),
            PickerPurpose::ExportPack(ids),
        ));
    }

    /// A tag, frame or pack picked for the export: in if it was out, out if it was in.
    pub(super) fn export_picked(&mut self, purpose: PickerPurpose, chosen: usize) {
        let screen = &mut self.export_screen;
        match purpose {
            PickerPurpose::ExportTag(mut tags) if chosen < tags.len() => {
                ExportScreen::toggle(&mut screen.tags, tags.swap_remove(chosen));
            }
            PickerPurpose::ExportFrame(mut frames) if chosen < frames.len() => {
                ExportScreen::toggle(&mut screen.frames, frames.swap_remove(chosen));
            }
            PickerPurpose::ExportPack(mut packs) if chosen < packs.len() => {
                ExportScreen::toggle(&mut screen.packs, packs.swap_remove(chosen));
            }
            _ => return,
        }
        self.request_export(false);
    }

    /// Writes the previewed document to the chosen file: a new file at once, an
    /// existing one only after "y" (`replace`). While the document for the current
    /// choices is still being built, the write waits for it, so what is written is
    /// what the preview shows.
    fn write_export(&mut self, replace: bool) {
        let screen = &self.export_screen;
        if let Some((field, why)) = &screen.problem {
            let message = format!("Not written: fix {} first ({why}).", field.label());
            self.tell(Level::Warning, message);
            return;
        }
        if screen.roster_unreadable && !screen.include_names {
            self.tell(
                Level::Error,
                "Not written: people.toml cannot be read, so names cannot be replaced. Fix it \
                 (`truenorth doctor` names the problem) or choose Names: kept as written.",
            );
            return;
        }
        if !screen.is_current() {
            if self.export_worker.is_none() {
                self.tell(Level::Error, "Nothing to write yet: open Export again.");
                return;
            }
            self.export_screen.write_waiting = Some(replace);
            self.tell(
                Level::Info,
                "The export is being prepared; it is written as soon as it is ready.",
            );
            return;
        }
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        let path = match screen.output_path(&cwd) {
            Ok(path) if path.is_dir() => {
                let shown = screen.shown(&path);
                self.tell(
                    Level::Warning,
                    format!("Not written: {shown} is a folder; add a file name to File."),
                );
                return;
            }
            Ok(path) => {
                if let Some(folder) = exchange::missing_folder(&path) {
                    let shown = screen.shown(folder);
                    self.tell(
                        Level::Warning,
                        format!(
                            "Not written: there is no folder {shown}. Create it first, or \
                             change File (Ctrl-U clears it) to a folder that exists."
                        ),
                    );
                    return;
                }
                path
            }
            Err(why) => {
                self.tell(Level::Warning, format!("Not written: {why}"));
                return;
            }
        };
        let Some(preview) = &screen.preview else {
            return;
        };
        let bytes = preview.document.as_bytes();
        let result = if replace {
            write_atomic(&path, bytes)
        } else {
            write_atomic_new(&path, bytes)
        };
        let shown = screen.shown(&path);
        match result {
            Ok(()) => {
                let counts = preview.counts;
                let message = format!(
                    "Wrote {} {} ({} private left out) to {shown}",
                    counts.entries,
                    if counts.entries == 1 {
                        "entry"
                    } else {
                        "entries"
                    },
                    counts.private_left_out
                );
                self.tell(Level::Success, message);
            }
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists && !replace => {
                self.export_screen.confirm_replace = Some(path);
                self.notice = None;
            }
            Err(error) => self.tell(Level::Error, format!("Not written to {shown}: {error}")),
        }
    }

    /// The question over the screen while a replace waits on "y".
    pub(super) fn export_confirm_question(&self) -> Option<String> {
        let path = self.export_screen.confirm_replace.as_ref()?;
        Some(format!(
            "{} already exists. Replace it with this export?",
            self.export_screen.shown(path)
        ))
    }

    /// Notes for the form that depend on the rest of the app.
    pub(super) fn export_notes(&self) -> Vec<String> {
        let mut notes = Vec::new();
        if self.today.is_dirty() {
            notes.push("Unsaved answers on Today are not in it until saved.".to_string());
        }
        notes
    }

    /// Whether the screen is Export and a field is being typed in.
    pub(super) fn export_typing(&self) -> bool {
        self.screen == Screen::Export && self.export_screen.editing.is_some()
    }
}

fn chosen_or(chosen: bool, otherwise: String) -> String {
    if chosen {
        "✓ in the export; Enter takes it out".to_string()
    } else {
        otherwise
    }
}
