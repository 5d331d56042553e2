//! Drawing the app: the header with the screens, problem and status lines, the
//! screen itself, the footer, and any overlay on top.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{App, Level, MIN_HEIGHT, MIN_WIDTH, Screen};

/// The parts of a frame, top to bottom.
pub(super) struct FrameAreas {
    pub header: Rect,
    pub problems: Rect,
    pub body: Rect,
    pub status: Rect,
    pub hints: Rect,
}
use crate::domain::Problem;
use crate::ui::screens::today;
use crate::ui::widgets::{footer, help};

/// The fewest blank columns between the screens' names and the date, so "Export"
/// never runs into "Sun 6 Dec 2026".
const HEADER_GAP: usize = 2;

/// How much of the header to show; narrow terminals get a compact one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct HeaderLayout {
    badge: bool,
    long_date: bool,
    tabs: Tabs,
}

/// How the screens are named in the header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tabs {
    Full,
    /// Other screens by short names.
    Short,
    /// Only the screen on show, and where it is among them.
    CurrentOnly,
}

impl HeaderLayout {
    const FROM_FULLEST: [HeaderLayout; 6] = [
        HeaderLayout::new(true, true, Tabs::Full),
        HeaderLayout::new(false, true, Tabs::Full),
        HeaderLayout::new(false, true, Tabs::Short),
        HeaderLayout::new(false, false, Tabs::Short),
        HeaderLayout::new(false, true, Tabs::CurrentOnly),
        HeaderLayout::new(false, false, Tabs::CurrentOnly),
    ];

    const fn new(badge: bool, long_date: bool, tabs: Tabs) -> HeaderLayout {
        HeaderLayout {
            badge,
            long_date,
            tabs,
        }
    }
}

impl App {
    pub fn render(&self, frame: &mut Frame) {
        let area = frame.area();
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            self.render_too_small(frame, area);
            return;
        }
        let FrameAreas {
            header,
            problems,
            body,
            status,
            hints,
        } = self.frame_areas(area);
        self.render_header(frame, header);
        self.render_problems(frame, problems);
        match self.screen {
            // The weekly review takes the body while it is open, over any screen.
            _ if self.review.is_some() => {
                if let Some(review) = &self.review {
                    review.render(&self.theme, frame, body);
                }
            }
            Screen::Today => today::render(&self.today, &self.theme, frame, body),
            Screen::Journal => {
                self.journal_screen
                    .render(self.index.as_ref(), &self.theme, frame, body)
            }
            Screen::Trends => self.trends_screen.render(&self.theme, frame, body),
            Screen::Commitments => self.commitments_screen.render(&self.theme, frame, body),
            Screen::People => self.people_screen.render(&self.theme, frame, body),
            Screen::Packs => self
                .packs_screen
                .render(self.today.date, &self.theme, frame, body),
            Screen::Export => {
                self.export_screen
                    .render(&self.export_notes(), &self.theme, frame, body)
            }
        }
        self.render_status(frame, status);
        footer::render(&self.keymap, self.mode(), &self.theme, frame, hints);
        if let Some(open) = &self.practice_form {
            open.form().render(&self.theme, frame, body);
        }
        if let Some((picker, _)) = &self.picker {
            picker.render(&self.theme, frame, area);
        }
        if let Some(input) = &self.line_input {
            crate::ui::widgets::confirm::render_input(
                &input.prompt(),
                input.text(),
                &self.theme,
                frame,
                area,
            );
        }
        if let Some(ask) = self.journal_screen.confirm_delete {
            crate::ui::widgets::confirm::render(ask.question(), &self.theme, frame, area);
        }
        if let Some(id) = &self.confirm_remove {
            let question = format!("Remove “{id}”? What you wrote for it stays in your journal.");
            crate::ui::widgets::confirm::render(&question, &self.theme, frame, area);
        }
        if let Some(question) = self.export_confirm_question() {
            crate::ui::widgets::confirm::render(&question, &self.theme, frame, area);
        }
        if let Some(question) = &self.practice_confirm {
            crate::ui::widgets::confirm::render(&question.question(), &self.theme, frame, area);
        }
        if let Some(picker) = &self.theme_picker {
            picker.render(&self.theme, frame, body);
        }
        if let Some(scroll) = self.help_scroll {
            help::render(&self.keymap, &self.theme, scroll, frame, area);
        }
    }

    /// Where each part of the frame goes in `area`; drawing and the mouse both ask,
    /// so a click lands on what is drawn there.
    pub(super) fn frame_areas(&self, area: Rect) -> FrameAreas {
        // Long messages take a second line rather than being cut off.
        let lines_for = |text: Option<String>| {
            text.map_or(0, |text| {
                if text.chars().count() > usize::from(area.width) {
                    2
                } else {
                    1
                }
            })
        };
        let problems_height = lines_for(self.problems_text())
            + lines_for(self.banner_text())
            + lines_for(self.permissions_text());
        // The status line takes the rows its message needs, up to a third of the
        // screen, so a long message is read whole rather than cut off.
        let most = (area.height / 3).max(2);
        let status_height = (self.status_lines(area.width).len() as u16).clamp(1, most);
        let [header, problems, body, status, hints] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(problems_height),
            Constraint::Fill(1),
            Constraint::Length(status_height),
            Constraint::Length(1),
        ])
        .areas(area);
        FrameAreas {
            header,
            problems,
            body,
            status,
            hints,
        }
    }

    pub(super) fn render_header(&self, frame: &mut Frame, area: Rect) {
        let layout = self.header_layout(area.width);
        frame.render_widget(Paragraph::new(self.header_tabs(layout)), area);
        frame.render_widget(
            Paragraph::new(self.header_right(layout).right_aligned()),
            area,
        );
    }

    /// The fullest header that fits with a gap between the last screen's name and the
    /// date: the badge gives way first, then the screen names shorten, then the date
    /// and the save state.
    fn header_layout(&self, width: u16) -> HeaderLayout {
        HeaderLayout::FROM_FULLEST
            .iter()
            .copied()
            .find(|layout| {
                self.header_tabs(*layout).width() + HEADER_GAP + self.header_right(*layout).width()
                    <= usize::from(width)
            })
            .unwrap_or(HeaderLayout::FROM_FULLEST[HeaderLayout::FROM_FULLEST.len() - 1])
    }

    /// The screen whose tab is drawn at `column` of a header `width` wide, for a click.
    pub(super) fn tab_at(&self, width: u16, column: u16) -> Option<Screen> {
        let mut start = 0usize;
        for (screen, span) in self.header_tab_spans(self.header_layout(width)) {
            let end = start + span.width();
            if (start..end).contains(&usize::from(column)) {
                return screen;
            }
            start = end;
        }
        None
    }

    fn header_tabs(&self, layout: HeaderLayout) -> Line<'static> {
        Line::from(
            self.header_tab_spans(layout)
                .into_iter()
                .map(|(_, span)| span)
                .collect::<Vec<_>>(),
        )
    }

    /// The date and whether what was written is saved.
    fn header_right(&self, layout: HeaderLayout) -> Line<'static> {
        let anything_saved = self.today.slots.iter().any(|slot| slot.entry_id.is_some());
        let (date_format, unsaved, saved) = if layout.long_date {
            ("%a %-d %b %Y", "● unsaved changes", "✓ all saved")
        } else {
            ("%-d %b", "● unsaved", "✓ saved")
        };
        let date = Span::styled(
            self.today.date.format(date_format).to_string(),
            self.theme.text,
        );
        let state = if self.has_unsaved() {
            Span::styled(format!(" · {unsaved} "), self.theme.warning)
        } else if anything_saved {
            Span::styled(format!(" · {saved} "), self.theme.muted)
        } else {
            Span::raw(" ")
        };
        Line::from(vec![date, state])
    }

    /// The header's left part, each span with the screen whose tab it is drawn in.
    fn header_tab_spans(&self, layout: HeaderLayout) -> Vec<(Option<Screen>, Span<'static>)> {
        let mut spans = Vec::new();
        if layout.badge {
            spans.push((
                None,
                Span::styled(
                    " truenorth ",
                    self.theme
                        .accent
                        .add_modifier(Modifier::BOLD | Modifier::REVERSED),
                ),
            ));
            spans.push((None, Span::raw(" ")));
        }
        if layout.tabs == Tabs::CurrentOnly {
            let at = Screen::ALL
                .iter()
                .position(|s| *s == self.screen)
                .unwrap_or(0);
            let style = self.theme.title.add_modifier(Modifier::UNDERLINED);
            spans.push((None, Span::raw(" ")));
            spans.push((Some(self.screen), Span::styled(self.screen.title(), style)));
            let place = format!("  {} of {}", at + 1, Screen::ALL.len());
            spans.push((None, Span::styled(place, self.theme.muted)));
            return spans;
        }
        let short = layout.tabs == Tabs::Short;
        for (index, screen) in Screen::ALL.into_iter().enumerate() {
            if index > 0 {
                spans.push((
                    None,
                    Span::styled(if short { " " } else { " │" }, self.theme.border),
                ));
            }
            let current = screen == self.screen;
            let style = if current {
                self.theme.title.add_modifier(Modifier::UNDERLINED)
            } else {
                self.theme.muted
            };
            // The current screen keeps its full name, so the header always says where
            // the person is.
            let title = if short && !current {
                screen.short_title()
            } else {
                screen.title()
            };
            spans.push((Some(screen), Span::raw(" ")));
            spans.push((Some(screen), Span::styled(title, style)));
        }
        spans
    }

    pub(super) fn problems_text(&self) -> Option<String> {
        let files: Vec<&Problem> = self.problems.iter().chain(&self.pack_problems).collect();
        let settings = &self.settings_problems;
        // How many there are goes with the pointer, so a long line cannot cut it off.
        let all = |n: usize| match n {
            1 => "lists all".to_string(),
            n => format!("lists all {n}"),
        };
        // Files that could not be read matter most: what is in them is not on screen.
        // Where to see them all comes first, so a long path never pushes it out.
        if let Some(first) = files.first() {
            return Some(format!(
                "⚠ Not loaded, left untouched (`truenorth doctor` {}): {first}",
                all(files.len() + settings.len())
            ));
        }
        let first = settings.first()?;
        // The settings file is named, not its whole path: the check knows where it is.
        let mut shown = first.clone();
        if let Some(name) = std::path::Path::new(&first.source).file_name() {
            shown.source = name.to_string_lossy().into_owned();
        }
        let what = if self.settings_ignored {
            "Settings file not used, all defaults"
        } else {
            "Setting ignored, its default used"
        };
        Some(format!(
            "⚠ {what} (`truenorth config check` {}): {shown}",
            all(settings.len())
        ))
    }

    /// The banner, then a line (or two) for each standing warning: files that could
    /// not be read, then what others can read.
    pub(super) fn render_problems(&self, frame: &mut Frame, area: Rect) {
        let mut area = self.render_banner(frame, area);
        for text in [self.problems_text(), self.permissions_text()]
            .into_iter()
            .flatten()
        {
            let lines = if text.chars().count() > usize::from(area.width) {
                2
            } else {
                1
            };
            let height = lines.min(area.height);
            let paragraph =
                Paragraph::new(Line::styled(text, self.theme.warning)).wrap(Wrap { trim: true });
            frame.render_widget(paragraph, Rect { height, ..area });
            area.y += height;
            area.height -= height;
        }
    }

    pub(super) fn status_text(&self) -> Option<String> {
        let notice = self.notice.as_ref()?;
        let symbol = match notice.level {
            Level::Info => "ℹ",
            Level::Success => "✓",
            Level::Warning => "⚠",
            Level::Error => "✗",
        };
        Some(format!(" {symbol} {}", notice.text))
    }

    /// The status message wrapped to `width`: laying out the frame and drawing it
    /// share these rows, so the room given is the room needed.
    fn status_lines(&self, width: u16) -> Vec<String> {
        self.status_text().map_or_else(Vec::new, |text| {
            // Broken at spaces only, as the rest of the screen wraps: never inside
            // "YYYY-MM-DD" or "-7d".
            let options = textwrap::Options::new(usize::from(width).max(1))
                .word_splitter(textwrap::WordSplitter::NoHyphenation);
            textwrap::wrap(&text, options)
                .into_iter()
                .map(std::borrow::Cow::into_owned)
                .collect()
        })
    }

    pub(super) fn render_status(&self, frame: &mut Frame, area: Rect) {
        let Some(notice) = &self.notice else {
            return;
        };
        let style = match notice.level {
            Level::Info => self.theme.text,
            Level::Success => self.theme.success,
            Level::Warning => self.theme.warning,
            Level::Error => self.theme.error,
        };
        let lines: Vec<Line> = self
            .status_lines(area.width)
            .into_iter()
            .map(|line| Line::styled(line, style))
            .collect();
        frame.render_widget(Paragraph::new(lines), area);
    }

    pub(super) fn render_too_small(&self, frame: &mut Frame, area: Rect) {
        let text = vec![
            Line::styled("truenorth", self.theme.title),
            Line::raw(""),
            Line::raw(format!(
                "Please enlarge the terminal to at least {MIN_WIDTH}x{MIN_HEIGHT}."
            )),
            Line::styled(
                format!("It is {}x{} now.", area.width, area.height),
                self.theme.muted,
            ),
            Line::raw(""),
            Line::styled("Ctrl-C quits; your text is kept.", self.theme.muted),
        ];
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
    }
}
