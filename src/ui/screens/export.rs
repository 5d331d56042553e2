//! Export: the choices of `truenorth export` as a form, a live preview of the document
//! they make, and how many entries go in and how many private ones stay out.
//!
//! This holds the form and draws it; the app builds the document on a worker thread
//! (see `ui::app::export`) and hands each finished one over as a [`Preview`].

use std::cell::Cell;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDate;
use ratatui::Frame as TermFrame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Padding, Paragraph, Wrap};

use crate::domain::Frame;
use crate::domain::dates::parse_date;
use crate::domain::review::thousands;
use crate::exchange::{self, Counts, EmptyRange, ExportFormat, ExportOptions, GroupBy};
use crate::ui::theme::Theme;

/// One line of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    From,
    To,
    Tags,
    Frames,
    Packs,
    GroupBy,
    Names,
    Format,
    File,
}

impl Field {
    pub const ALL: [Field; 9] = [
        Field::From,
        Field::To,
        Field::Tags,
        Field::Frames,
        Field::Packs,
        Field::GroupBy,
        Field::Names,
        Field::Format,
        Field::File,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Field::From => "From",
            Field::To => "To",
            Field::Tags => "Tags",
            Field::Frames => "Frames",
            Field::Packs => "Packs",
            Field::GroupBy => "Group by",
            Field::Names => "Names",
            Field::Format => "Format",
            Field::File => "File",
        }
    }

    /// Typed in.
    pub fn is_text(self) -> bool {
        matches!(self, Field::From | Field::To | Field::File)
    }

    /// Chosen from the journal's tags, the frames or the packs.
    pub fn is_list(self) -> bool {
        matches!(self, Field::Tags | Field::Frames | Field::Packs)
    }

    /// One of a few options, changed with ←/→.
    pub fn is_choice(self) -> bool {
        matches!(self, Field::GroupBy | Field::Names | Field::Format)
    }
}

/// The formats in the order ←/→ walks them.
const FORMATS: [ExportFormat; 4] = [
    ExportFormat::Markdown,
    ExportFormat::Html,
    ExportFormat::Json,
    ExportFormat::Text,
];

/// What a date field says when it cannot be read.
const DATE_HINT: &str = "write 2026-11-24, yesterday, monday or -6w";

/// A finished document, for one set of choices.
#[derive(Debug, Clone)]
pub struct Preview {
    /// Which request it answers: the preview is current when this is the latest.
    pub generation: u64,
    pub format: ExportFormat,
    pub document: String,
    /// Where each line of `document` starts, so drawing a window of a ten-year
    /// document never splits all of it.
    line_starts: Vec<usize>,
    pub counts: Counts,
    pub range: (NaiveDate, NaiveDate),
    /// How long building and rendering it took (on the worker).
    pub took: Duration,
}

impl Preview {
    pub fn new(
        generation: u64,
        format: ExportFormat,
        document: String,
        counts: Counts,
        range: (NaiveDate, NaiveDate),
        took: Duration,
    ) -> Preview {
        let mut line_starts = Vec::with_capacity(document.len() / 48 + 1);
        line_starts.push(0);
        line_starts.extend(memchr::memchr_iter(b'\n', document.as_bytes()).map(|at| at + 1));
        if document.ends_with('\n') {
            line_starts.pop();
        }
        Preview {
            generation,
            format,
            document,
            line_starts,
            counts,
            range,
            took,
        }
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// Line `n`, counted from 0, without its line end.
    pub fn line(&self, n: usize) -> &str {
        let Some(&start) = self.line_starts.get(n) else {
            return "";
        };
        let end = self
            .line_starts
            .get(n + 1)
            .map_or(self.document.len(), |next| next - 1);
        let line = &self.document[start..end];
        let line = line.strip_suffix('\n').unwrap_or(line);
        line.strip_suffix('\r').unwrap_or(line)
    }
}

/// The Export screen's state.
#[derive(Debug)]
pub struct ExportScreen {
    /// The range as typed (`-6w`, `2026-10-01`); empty is open.
    pub from: String,
    pub to: String,
    pub tags: Vec<String>,
    pub frames: Vec<Frame>,
    pub packs: Vec<String>,
    pub group_by: GroupBy,
    pub include_names: bool,
    pub format: ExportFormat,
    /// The file to write, as shown and typed (`~/Documents/...`).
    pub file: String,
    /// The file chosen when the screen opened, which clearing File brings back.
    default_file: String,
    pub field: Field,
    /// While a text field is typed in: what it held before, for Esc.
    pub editing: Option<String>,
    /// Whether ↑/↓ scroll the preview rather than move between fields.
    pub preview_focus: bool,
    /// The first preview line shown.
    pub scroll: usize,
    /// Preview lines that fit, from the last drawing: a page for PageUp/PageDown.
    page: Cell<usize>,
    pub preview: Option<Preview>,
    /// The newest request sent to the worker.
    pub requested: u64,
    /// The choices of that request, so a keystroke that changes nothing asks nothing.
    pub asked: Option<(ExportOptions, ExportFormat)>,
    /// The journal is being read.
    pub loading: bool,
    /// Files that could not be read and are left out, or why nothing could be.
    pub load_note: Option<String>,
    /// `people.toml` cannot be read: names could not be replaced.
    pub roster_unreadable: bool,
    /// A choice that cannot be read; the last good preview stays, dimmed and marked on
    /// hold, and its figures give way to what to fix.
    pub problem: Option<(Field, String)>,
    /// The file that exists, waiting on "y" to replace it.
    pub confirm_replace: Option<PathBuf>,
    /// Write as soon as the preview is current (true: replacing is agreed).
    pub write_waiting: Option<bool>,
    home: Option<PathBuf>,
}

impl ExportScreen {
    /// The form with the settings' defaults, writing to `folder` (the documents
    /// folder, else home) a file named for `today`.
    pub fn new(
        format: ExportFormat,
        include_names: bool,
        folder: &Path,
        home: Option<PathBuf>,
        today: NaiveDate,
    ) -> ExportScreen {
        let file = folder.join(format!("truenorth-export-{today}.{}", format.name()));
        let file = shown_path(&file, home.as_deref());
        ExportScreen {
            from: String::new(),
            to: String::new(),
            tags: Vec::new(),
            frames: Vec::new(),
            packs: Vec::new(),
            group_by: GroupBy::Date,
            include_names,
            format,
            default_file: file.clone(),
            file,
            field: Field::From,
            editing: None,
            preview_focus: false,
            scroll: 0,
            page: Cell::new(20),
            preview: None,
            requested: 0,
            asked: None,
            loading: false,
            load_note: None,
            roster_unreadable: false,
            problem: None,
            confirm_replace: None,
            write_waiting: None,
            home,
        }
    }

    /// The choices as export options, or the field that cannot be read and why.
    pub fn options(&self, today: NaiveDate) -> Result<ExportOptions, (Field, String)> {
        let date = |field: Field, text: &str| {
            let text = text.trim();
            if text.is_empty() {
                return Ok(None);
            }
            parse_date(text, today)
                .map(Some)
                .map_err(|_| (field, DATE_HINT.to_string()))
        };
        let from = date(Field::From, &self.from)?;
        let to = date(Field::To, &self.to)?;
        match exchange::check_range(from, to, today) {
            Ok(()) => {}
            Err(EmptyRange::Backwards { from, .. }) => {
                return Err((Field::To, format!("is before From ({})", short_date(from))));
            }
            Err(EmptyRange::StartsAfterToday { today, .. }) => {
                return Err((
                    Field::From,
                    format!(
                        "is after today ({}), where the range ends when To is empty: \
                         nothing to export. Fill in To to export days ahead",
                        short_date(today)
                    ),
                ));
            }
        }
        Ok(ExportOptions {
            from,
            to,
            tags: self.tags.clone(),
            frames: self.frames.clone(),
            packs: self.packs.clone(),
            group_by: self.group_by,
            include_names: self.include_names,
            title: None,
            author: None,
        })
    }

    /// Whether the preview shows the latest choices.
    pub fn is_current(&self) -> bool {
        !self.loading
            && self
                .preview
                .as_ref()
                .is_some_and(|preview| preview.generation == self.requested)
    }

    pub fn set_preview(&mut self, preview: Preview) {
        self.scroll = self.scroll.min(preview.line_count().saturating_sub(1));
        self.preview = Some(preview);
    }

    /// ↑/↓: the previous or next field, or a line of the preview.
    pub fn move_by(&mut self, step: isize) {
        if self.preview_focus {
            self.scroll_by(step);
            return;
        }
        let at = Field::ALL
            .iter()
            .position(|f| *f == self.field)
            .unwrap_or(0);
        let last = Field::ALL.len() as isize - 1;
        self.field = Field::ALL[(at as isize + step).clamp(0, last) as usize];
    }

    pub fn scroll_by(&mut self, lines: isize) {
        let count = self.preview.as_ref().map_or(0, Preview::line_count);
        let last = count.saturating_sub(1) as isize;
        self.scroll = (self.scroll as isize + lines).clamp(0, last.max(0)) as usize;
    }

    pub fn page(&self) -> isize {
        self.page.get().max(1) as isize
    }

    /// ←/→ on a choice. True when a choice changed.
    pub fn cycle(&mut self, step: isize) -> bool {
        let turn = |at: usize, len: usize| (at as isize + step).rem_euclid(len as isize) as usize;
        match self.field {
            Field::GroupBy => {
                let at = GroupBy::ALL.iter().position(|g| *g == self.group_by);
                self.group_by = GroupBy::ALL[turn(at.unwrap_or(0), GroupBy::ALL.len())];
            }
            Field::Names => self.include_names = !self.include_names,
            Field::Format => {
                let at = FORMATS.iter().position(|f| *f == self.format);
                self.set_format(FORMATS[turn(at.unwrap_or(0), FORMATS.len())]);
            }
            _ => return false,
        }
        true
    }

    /// A new format, and the file's extension with it when it names a format.
    fn set_format(&mut self, format: ExportFormat) {
        self.format = format;
        for file in [&mut self.file, &mut self.default_file] {
            let known = matches!(
                exchange::format_of_file(Path::new(file.as_str())),
                Ok(Some(_))
            );
            if known && let Some(stem) = file.rfind('.') {
                file.truncate(stem + 1);
                file.push_str(format.name());
            }
        }
    }

    /// File was typed: the format follows its extension when it names one (the rule
    /// `export -o` follows, [`exchange::format_of_file`]), so `notes.txt` is written
    /// as text. True when the format changed (the preview is then made again).
    pub fn file_edited(&mut self) -> bool {
        match exchange::format_of_file(Path::new(self.file.trim())) {
            Ok(Some(format)) if format != self.format => {
                self.format = format;
                if let Some(stem) = self.default_file.rfind('.') {
                    self.default_file.truncate(stem + 1);
                    self.default_file.push_str(format.name());
                }
                true
            }
            _ => false,
        }
    }

    /// Starts typing in the selected text field.
    pub fn start_editing(&mut self) {
        if self.field.is_text() {
            self.editing = Some(self.text().to_string());
        }
    }

    /// Esc: the field as it was.
    pub fn cancel_editing(&mut self) {
        if let Some(before) = self.editing.take() {
            *self.text_mut() = before;
        }
    }

    /// The selected text field's text.
    pub fn text(&self) -> &str {
        match self.field {
            Field::From => &self.from,
            Field::To => &self.to,
            _ => &self.file,
        }
    }

    pub fn text_mut(&mut self) -> &mut String {
        match self.field {
            Field::From => &mut self.from,
            Field::To => &mut self.to,
            _ => &mut self.file,
        }
    }

    /// `c`: the selected field back to its start (open range, no filter, the first
    /// file name). True when something changed.
    pub fn clear(&mut self) -> bool {
        let changed = match self.field {
            Field::From => !std::mem::take(&mut self.from).is_empty(),
            Field::To => !std::mem::take(&mut self.to).is_empty(),
            Field::Tags => !std::mem::take(&mut self.tags).is_empty(),
            Field::Frames => !std::mem::take(&mut self.frames).is_empty(),
            Field::Packs => !std::mem::take(&mut self.packs).is_empty(),
            Field::File => {
                std::mem::replace(&mut self.file, self.default_file.clone()) != self.file
            }
            Field::GroupBy | Field::Names | Field::Format => false,
        };
        if changed && self.problem.as_ref().is_some_and(|(f, _)| *f == self.field) {
            self.problem = None;
        }
        changed
    }

    /// Adds `item` to `list`, or takes it out when it is there.
    pub fn toggle<T: PartialEq>(list: &mut Vec<T>, item: T) {
        match list.iter().position(|known| *known == item) {
            Some(at) => {
                list.remove(at);
            }
            None => list.push(item),
        }
    }

    /// The file to write: `~` is the home folder, a relative path is taken from `cwd`.
    pub fn output_path(&self, cwd: &Path) -> Result<PathBuf, String> {
        let text = self.file.trim();
        if text.is_empty() {
            return Err("File is empty: give the export a file name.".to_string());
        }
        match exchange::format_of_file(Path::new(text)) {
            Err(problem) => {
                return Err(format!(
                    "File: {problem}. End it in .md, .html, .json or .txt (or leave the \
                     extension out)."
                ));
            }
            Ok(Some(named)) if named != self.format => {
                return Err(format!(
                    "File ends in .{} but Format is {}: change one of them.",
                    named.name(),
                    self.format.name()
                ));
            }
            Ok(_) => {}
        }
        let path = match (text.strip_prefix("~/"), &self.home) {
            (Some(rest), Some(home)) => home.join(rest),
            _ if text == "~" => return Err("File is your home folder: add a file name.".into()),
            _ => PathBuf::from(text),
        };
        Ok(if path.is_absolute() {
            path
        } else {
            cwd.join(path)
        })
    }

    /// A path as the screen shows it: under home as `~/...`.
    pub fn shown(&self, path: &Path) -> String {
        shown_path(path, self.home.as_deref())
    }

    /// The form's and the preview's areas within the screen's.
    fn areas(area: Rect) -> [Rect; 2] {
        let form_width = (area.width * 2 / 5).clamp(38, 52).min(area.width);
        Layout::horizontal([Constraint::Length(form_width), Constraint::Fill(1)]).areas(area)
    }

    /// The field drawn at (`x`, `y`) when the screen fills `area`.
    pub fn field_at(area: Rect, x: u16, y: u16) -> Option<Field> {
        let [form, _] = Self::areas(area);
        let inside = form.inner(ratatui::layout::Margin::new(1, 1));
        if !inside.contains(ratatui::layout::Position::new(x, y)) {
            return None;
        }
        Field::ALL.get(usize::from(y - inside.y)).copied()
    }

    /// Whether (`x`, `y`) is on the preview.
    pub fn on_preview(area: Rect, x: u16, y: u16) -> bool {
        let [_, preview] = Self::areas(area);
        preview.contains(ratatui::layout::Position::new(x, y))
    }

    /// Draws the form on the left and the preview on the right.
    pub fn render(&self, notes: &[String], theme: &Theme, frame: &mut TermFrame, area: Rect) {
        let [form, preview] = Self::areas(area);
        self.render_form(notes, theme, frame, form);
        self.render_preview(theme, frame, preview);
    }

    fn render_form(&self, notes: &[String], theme: &Theme, frame: &mut TermFrame, area: Rect) {
        let block = Block::bordered()
            .border_type(BorderType::Rounded)
            .border_style(if self.preview_focus {
                theme.border
            } else {
                theme.border_focus
            })
            .padding(Padding::horizontal(1))
            .title(Line::styled(" Export for a mentor meeting ", theme.title));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        // One row per field, never wrapped, so a click finds its field by row.
        let [fields, rest] = Layout::vertical([
            Constraint::Length(Field::ALL.len() as u16),
            Constraint::Fill(1),
        ])
        .areas(inner);
        let value_width = usize::from(inner.width).saturating_sub(12);
        let lines: Vec<Line> = Field::ALL
            .iter()
            .map(|&field| self.field_line(field, value_width, theme))
            .collect();
        frame.render_widget(Paragraph::new(lines), fields);
        let mut lines = vec![Line::raw("")];
        if let Some((field, why)) = &self.problem {
            lines.push(Line::styled(
                format!("✗ {}: {why}", field.label()),
                theme.error,
            ));
        }
        lines.extend(self.summary_lines(theme));
        for note in notes {
            lines.push(Line::styled(format!("ℹ {note}"), theme.muted));
        }
        lines.push(Line::raw(""));
        lines.push(Line::styled(self.hint(), theme.muted));
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), rest);
    }

    fn field_line(&self, field: Field, width: usize, theme: &Theme) -> Line<'static> {
        let selected = !self.preview_focus && field == self.field;
        let mut spans = vec![
            Span::styled(if selected { "▸ " } else { "  " }, theme.accent),
            Span::styled(
                format!("{:<10}", field.label()),
                if selected { theme.title } else { theme.text },
            ),
        ];
        let editing = selected && self.editing.is_some();
        let muted = |text: &str| Span::styled(text.to_string(), theme.muted);
        match field {
            Field::From | Field::To | Field::File => {
                let text = match field {
                    Field::From => &self.from,
                    Field::To => &self.to,
                    _ => &self.file,
                };
                if editing {
                    spans.push(Span::styled(
                        tail(text, width.saturating_sub(1)),
                        theme.text,
                    ));
                    spans.push(Span::styled("▏", theme.accent));
                } else if text.trim().is_empty() {
                    spans.push(muted(match field {
                        Field::From => "the first entry",
                        Field::To => "today",
                        _ => "(none)",
                    }));
                } else if field == Field::File {
                    spans.push(Span::styled(tail(text, width), theme.text));
                } else {
                    spans.push(Span::styled(text.trim().to_string(), theme.text));
                }
            }
            Field::Tags => spans.push(
                self.list_span(
                    self.tags
                        .iter()
                        .map(|tag| format!("#{}", tag.trim_start_matches('#'))),
                    theme,
                ),
            ),
            Field::Frames => {
                spans.push(self.list_span(self.frames.iter().map(Frame::label), theme))
            }
            Field::Packs => spans.push(self.list_span(self.packs.iter().cloned(), theme)),
            Field::GroupBy => {
                for (n, by) in GroupBy::ALL.into_iter().enumerate() {
                    let name = match by {
                        GroupBy::Date => "date",
                        GroupBy::Frame => "frame",
                        GroupBy::Psel => "PSEL",
                    };
                    spans.extend(option(n, name, by == self.group_by, theme));
                }
            }
            Field::Names => spans.push(if self.include_names {
                Span::styled("kept as written", theme.warning)
            } else {
                Span::styled("replaced (Student A…)", theme.text)
            }),
            Field::Format => {
                for (n, format) in FORMATS.into_iter().enumerate() {
                    spans.extend(option(n, format.name(), format == self.format, theme));
                }
            }
        }
        if self.problem.as_ref().is_some_and(|(bad, _)| *bad == field) {
            spans.push(Span::styled(" ✗", theme.error));
        }
        let line = Line::from(spans);
        if selected {
            line.style(theme.selection)
        } else {
            line
        }
    }

    fn list_span(&self, items: impl Iterator<Item = String>, theme: &Theme) -> Span<'static> {
        let items: Vec<String> = items.collect();
        if items.is_empty() {
            Span::styled("all", theme.muted)
        } else {
            Span::styled(items.join(", "), theme.accent)
        }
    }

    /// What goes in, what stays out, the range, and anything in the way.
    fn summary_lines(&self, theme: &Theme) -> Vec<Line<'static>> {
        let mut lines = Vec::new();
        match &self.preview {
            None if self.loading => {
                lines.push(Line::styled("Reading your journal…", theme.muted));
            }
            None => {}
            // The last preview answers other choices: its figures would mislead.
            Some(_) if self.problem.is_some() => {
                if let Some((field, _)) = &self.problem {
                    lines.push(Line::styled(
                        format!("✗ fix {} to see the preview", field.label()),
                        theme.error,
                    ));
                }
            }
            Some(preview) => {
                let counts = preview.counts;
                let updating = if self.is_current() {
                    ""
                } else {
                    "  (updating…)"
                };
                lines.push(Line::from(vec![
                    Span::styled(
                        format!("✓ {} going in", plural(counts.entries, "entry", "entries")),
                        theme.success,
                    ),
                    Span::styled(updating, theme.muted),
                ]));
                lines.push(Line::styled(
                    format!(
                        "⊘ {} private left out",
                        plural(counts.private_left_out, "entry", "entries")
                    ),
                    theme.text,
                ));
                let (from, to) = preview.range;
                lines.push(Line::styled(
                    format!("  {} to {}", short_date(from), short_date(to)),
                    theme.muted,
                ));
            }
        }
        if self.roster_unreadable && !self.include_names {
            lines.push(Line::styled(
                "⚠ people.toml cannot be read, so names cannot be replaced: fix it \
                 (`truenorth doctor`) or keep names to write the file.",
                theme.warning,
            ));
        }
        if let Some(note) = &self.load_note {
            lines.push(Line::styled(format!("⚠ {note}"), theme.warning));
        }
        lines
    }

    /// What the keys do on the selected field.
    fn hint(&self) -> String {
        if self.preview_focus {
            return "↑/↓ and PgUp/PgDn scroll · Tab back to the choices".to_string();
        }
        match self.field {
            Field::From | Field::To if self.editing.is_some() => {
                "A date: 2026-11-24, yesterday, monday, -6w · Ctrl-U clears".to_string()
            }
            Field::File if self.editing.is_some() => {
                "~ is home · Ctrl-U clears · Enter keeps it, Esc puts it back".to_string()
            }
            field if field.is_text() => "Enter to type · c clears".to_string(),
            field if field.is_list() => "Enter adds or removes one · c clears".to_string(),
            _ => "←/→ to choose".to_string(),
        }
    }

    fn render_preview(&self, theme: &Theme, frame: &mut TermFrame, area: Rect) {
        let mut title = vec![Span::styled(" Preview", theme.title)];
        if let (Some(_), Some((field, _))) = (&self.preview, &self.problem) {
            title.push(Span::styled(
                format!(" · on hold until {} is fixed ", field.label()),
                theme.error,
            ));
        } else if let Some(preview) = &self.preview {
            title.push(Span::styled(
                format!(
                    " · {} · line {} of {} ",
                    format_label(preview.format),
                    thousands(self.scroll + 1),
                    thousands(preview.line_count())
                ),
                theme.muted,
            ));
            if !self.is_current() {
                title.push(Span::styled("· updating… ", theme.muted));
            }
        } else {
            title.push(Span::raw(" "));
        }
        let block = Block::bordered()
            .border_type(BorderType::Rounded)
            .border_style(if self.preview_focus {
                theme.border_focus
            } else {
                theme.border
            })
            .title(Line::from(title));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        self.page
            .set(usize::from(inner.height).saturating_sub(1).max(1));
        let Some(preview) = &self.preview else {
            let text = if self.loading {
                "Reading your journal…"
            } else {
                "Nothing to show yet."
            };
            frame.render_widget(Paragraph::new(Line::styled(text, theme.muted)), inner);
            return;
        };
        // Only the lines that can show are laid out; the rest of a long document is
        // never touched while drawing.
        let end = (self.scroll + usize::from(inner.height)).min(preview.line_count());
        let lines: Vec<Line> = (self.scroll..end)
            .map(|n| {
                let (line, _) = crate::ui::widgets::expand_tabs(preview.line(n), 0);
                Line::styled(line, theme.text)
            })
            .collect();
        let style = if self.is_current() && self.problem.is_none() {
            Style::default()
        } else {
            Style::default().add_modifier(Modifier::DIM)
        };
        frame.render_widget(
            Paragraph::new(lines)
                .style(style)
                .wrap(Wrap { trim: false }),
            inner,
        );
    }
}

/// `[md]` for the chosen option, a plain name for the others.
fn option(n: usize, name: &str, chosen: bool, theme: &Theme) -> Vec<Span<'static>> {
    let gap = Span::raw(if n == 0 { "" } else { " " });
    let shown = if chosen {
        Span::styled(
            format!("[{name}]"),
            theme.accent.add_modifier(Modifier::BOLD),
        )
    } else {
        Span::styled(name.to_string(), theme.muted)
    };
    vec![gap, shown]
}

fn format_label(format: ExportFormat) -> &'static str {
    match format {
        ExportFormat::Markdown => "Markdown",
        ExportFormat::Html => "HTML",
        ExportFormat::Json => "JSON",
        ExportFormat::Text => "plain text",
    }
}

/// The end of `text` in at most `width` characters, cut at the front.
fn tail(text: &str, width: usize) -> String {
    let count = text.chars().count();
    if count <= width || width < 2 {
        return text.to_string();
    }
    let kept: String = text.chars().skip(count - (width - 1)).collect();
    format!("…{kept}")
}

fn shown_path(path: &Path, home: Option<&Path>) -> String {
    match home.and_then(|home| path.strip_prefix(home).ok()) {
        Some(rest) if !rest.as_os_str().is_empty() => format!("~/{}", rest.display()),
        _ => path.display().to_string(),
    }
}

fn short_date(date: NaiveDate) -> String {
    date.format("%-d %b %Y").to_string()
}

fn plural(count: usize, one: &str, many: &str) -> String {
    format!(
        "{} {}",
        thousands(count),
        if count == 1 { one } else { many }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
    }

    fn screen() -> ExportScreen {
        ExportScreen::new(
            ExportFormat::Markdown,
            false,
            Path::new("/home/dana/Documents"),
            Some(PathBuf::from("/home/dana")),
            today(),
        )
    }

    #[test]
    fn the_default_file_is_in_the_folder_and_follows_the_format() {
        let mut screen = screen();
        assert_eq!(screen.file, "~/Documents/truenorth-export-2026-11-24.md");
        screen.field = Field::Format;
        assert!(screen.cycle(1));
        assert_eq!(screen.format, ExportFormat::Html);
        assert_eq!(screen.file, "~/Documents/truenorth-export-2026-11-24.html");
        screen.file = "~/notes/for-thursday".to_string();
        screen.cycle(-1);
        assert_eq!(
            screen.file, "~/notes/for-thursday",
            "no extension to change"
        );
        assert_eq!(
            screen.output_path(Path::new("/tmp")).unwrap(),
            PathBuf::from("/home/dana/notes/for-thursday")
        );
        screen.file = "meeting.md".to_string();
        assert_eq!(
            screen.output_path(Path::new("/tmp")).unwrap(),
            PathBuf::from("/tmp/meeting.md")
        );
        screen.field = Field::File;
        assert!(screen.clear());
        assert_eq!(screen.file, "~/Documents/truenorth-export-2026-11-24.md");
    }

    #[test]
    fn the_format_follows_a_typed_file_name_as_on_the_command_line() {
        let mut screen = screen();
        screen.field = Field::Format;
        screen.cycle(2);
        assert_eq!(screen.format, ExportFormat::Json);
        screen.file = "/tmp/x/tui.txt".to_string();
        assert!(screen.file_edited());
        assert_eq!(screen.format, ExportFormat::Text);
        assert_eq!(
            screen.output_path(Path::new("/tmp")).unwrap(),
            PathBuf::from("/tmp/x/tui.txt")
        );
        // Cleared, File comes back in the format chosen.
        screen.field = Field::File;
        screen.clear();
        assert_eq!(screen.file, "~/Documents/truenorth-export-2026-11-24.txt");
        // No extension: the format stays; one that is no format is refused.
        screen.file = "notes".to_string();
        assert!(!screen.file_edited());
        screen.file = "notes.docx".to_string();
        assert!(!screen.file_edited());
        assert_eq!(
            screen.output_path(Path::new("/tmp")).unwrap_err(),
            "File: `.docx` is not an export format: the formats are md, html, json and txt. \
             End it in .md, .html, .json or .txt (or leave the extension out)."
        );
        // A file and format that disagree are never written.
        screen.file = "notes.html".to_string();
        assert_eq!(
            screen.output_path(Path::new("/tmp")).unwrap_err(),
            "File ends in .html but Format is txt: change one of them."
        );
    }

    #[test]
    fn choices_become_options_and_bad_dates_are_named() {
        let mut screen = screen();
        screen.from = "-6w".to_string();
        screen.tags.push("staff".into());
        ExportScreen::toggle(&mut screen.frames, Frame::Courage);
        let options = screen.options(today()).unwrap();
        assert_eq!(options.from, NaiveDate::from_ymd_opt(2026, 10, 13));
        assert_eq!(options.to, None);
        assert_eq!(options.frames, [Frame::Courage]);
        assert!(!options.include_names);
        ExportScreen::toggle(&mut screen.frames, Frame::Courage);
        assert!(screen.frames.is_empty());

        screen.to = "someday".to_string();
        assert_eq!(screen.options(today()).unwrap_err().0, Field::To);
        screen.to = "2026-10-01".to_string();
        let (field, why) = screen.options(today()).unwrap_err();
        assert_eq!(field, Field::To);
        assert!(why.contains("before From"), "{why}");

        // An open range ends today: From after it is refused, not quietly moved.
        screen.from = "2026-11-25".to_string();
        screen.to = String::new();
        let (field, why) = screen.options(today()).unwrap_err();
        assert_eq!(field, Field::From);
        assert_eq!(
            why,
            "is after today (24 Nov 2026), where the range ends when To is empty: nothing \
             to export. Fill in To to export days ahead"
        );
        screen.to = "2026-11-30".to_string();
        assert!(screen.options(today()).is_ok());
    }

    #[test]
    fn editing_can_be_taken_back() {
        let mut screen = screen();
        screen.field = Field::From;
        screen.start_editing();
        screen.text_mut().push_str("-2w");
        screen.cancel_editing();
        assert_eq!(screen.from, "");
        screen.field = Field::Tags;
        screen.start_editing();
        assert!(screen.editing.is_none(), "tags are picked, not typed");
    }

    #[test]
    fn preview_lines_come_from_offsets() {
        let preview = Preview::new(
            1,
            ExportFormat::Text,
            "one\r\ntwo\n\nfour\n".to_string(),
            Counts::default(),
            (today(), today()),
            Duration::ZERO,
        );
        assert_eq!(preview.line_count(), 4);
        let lines: Vec<&str> = (0..5).map(|n| preview.line(n)).collect();
        assert_eq!(lines, ["one", "two", "", "four", ""]);
        let mut screen = screen();
        screen.set_preview(preview);
        screen.preview_focus = true;
        screen.move_by(10);
        assert_eq!(screen.scroll, 3);
        screen.move_by(-1);
        assert_eq!(screen.scroll, 2);
    }

    #[test]
    fn long_paths_keep_their_end() {
        assert_eq!(tail("~/Documents/export.md", 12), "…s/export.md");
        assert_eq!(tail("short", 12), "short");
    }
}
