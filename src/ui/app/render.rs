//! Drawing the app: the header with the screens, problem and status lines, the
//! screen itself, the footer, and any overlay on top.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{App, Level, MIN_HEIGHT, MIN_WIDTH, Screen};
use crate::ui::screens::today;
use crate::ui::widgets::{footer, help};

/// How much of the header to show; narrow terminals get a compact one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct HeaderLayout {
    badge: bool,
    long_date: bool,
    short_names: bool,
}

impl HeaderLayout {
    const FROM_FULLEST: [HeaderLayout; 4] = [
        HeaderLayout {
            badge: true,
            long_date: true,
            short_names: false,
        },
        HeaderLayout {
            badge: false,
            long_date: true,
            short_names: false,
        },
        HeaderLayout {
            badge: false,
            long_date: false,
            short_names: false,
        },
        HeaderLayout {
            badge: false,
            long_date: false,
            short_names: true,
        },
    ];
}

impl App {
    pub fn render(&self, frame: &mut Frame) {
        let area = frame.area();
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            self.render_too_small(frame, area);
            return;
        }
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
        let problems_height = lines_for(self.problems_text());
        let status_height = lines_for(self.status_text()).max(1);
        let [header, problems, body, status, hints] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(problems_height),
            Constraint::Fill(1),
            Constraint::Length(status_height),
            Constraint::Length(1),
        ])
        .areas(area);
        self.render_header(frame, header);
        self.render_problems(frame, problems);
        match self.screen {
            Screen::Today => today::render(&self.today, &self.theme, frame, body),
            Screen::Journal => {
                self.journal_screen
                    .render(self.index.as_ref(), &self.theme, frame, body)
            }
            Screen::Commitments => self.commitments_screen.render(&self.theme, frame, body),
            Screen::People => self.people_screen.render(&self.theme, frame, body),
            Screen::Packs => self
                .packs_screen
                .render(self.today.date, &self.theme, frame, body),
        }
        self.render_status(frame, status);
        footer::render(&self.keymap, self.mode(), &self.theme, frame, hints);
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
        if self.journal_screen.confirm_delete {
            let question = "Delete this entry? u brings it back until you leave truenorth.";
            crate::ui::widgets::confirm::render(question, &self.theme, frame, area);
        }
        if let Some(id) = &self.confirm_remove {
            let question = format!("Remove “{id}”? What you wrote for it stays in your journal.");
            crate::ui::widgets::confirm::render(&question, &self.theme, frame, area);
        }
        if let Some(scroll) = self.help_scroll {
            help::render(&self.keymap, &self.theme, scroll, frame, area);
        }
    }

    pub(super) fn render_header(&self, frame: &mut Frame, area: Rect) {
        // The fullest header that fits: the badge, the long date and the long save
        // state give way, in that order, before the screen names are shortened.
        let parts = HeaderLayout::FROM_FULLEST
            .iter()
            .map(|layout| (self.header_tabs(*layout), self.header_right(*layout)))
            .find(|(tabs, right)| tabs.width() + right.width() <= usize::from(area.width));
        let (tabs, right) = parts.unwrap_or_else(|| {
            let narrowest = HeaderLayout::FROM_FULLEST[HeaderLayout::FROM_FULLEST.len() - 1];
            (self.header_tabs(narrowest), self.header_right(narrowest))
        });
        frame.render_widget(Paragraph::new(tabs), area);
        frame.render_widget(Paragraph::new(right.right_aligned()), area);
    }

    /// The date and whether today's writing is saved.
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
        let state = if self.today.is_dirty() {
            Span::styled(format!(" · {unsaved} "), self.theme.warning)
        } else if anything_saved {
            Span::styled(format!(" · {saved} "), self.theme.muted)
        } else {
            Span::raw(" ")
        };
        Line::from(vec![date, state])
    }

    fn header_tabs(&self, layout: HeaderLayout) -> Line<'static> {
        let mut spans = Vec::new();
        if layout.badge {
            spans.push(Span::styled(
                " truenorth ",
                self.theme
                    .accent
                    .add_modifier(Modifier::BOLD | Modifier::REVERSED),
            ));
            spans.push(Span::raw(" "));
        }
        for (index, screen) in Screen::ALL.into_iter().enumerate() {
            if index > 0 {
                spans.push(Span::styled(
                    if layout.short_names { " " } else { " │" },
                    self.theme.border,
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
            let title = if layout.short_names && !current {
                screen.short_title()
            } else {
                screen.title()
            };
            spans.push(Span::raw(" "));
            spans.push(Span::styled(title, style));
        }
        Line::from(spans)
    }

    pub(super) fn problems_text(&self) -> Option<String> {
        let problems = self.problems();
        let first = problems.first()?;
        let more = match problems.len() {
            1 => String::new(),
            n => format!(" (+{} more)", n - 1),
        };
        Some(format!(
            "⚠ Not loaded, left untouched: {first}{more} · `truenorth doctor` lists all"
        ))
    }

    pub(super) fn render_problems(&self, frame: &mut Frame, area: Rect) {
        if let Some(text) = self.problems_text() {
            let paragraph =
                Paragraph::new(Line::styled(text, self.theme.warning)).wrap(Wrap { trim: true });
            frame.render_widget(paragraph, area);
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

    pub(super) fn render_status(&self, frame: &mut Frame, area: Rect) {
        let (Some(notice), Some(text)) = (&self.notice, self.status_text()) else {
            return;
        };
        let style = match notice.level {
            Level::Info => self.theme.text,
            Level::Success => self.theme.success,
            Level::Warning => self.theme.warning,
            Level::Error => self.theme.error,
        };
        let paragraph = Paragraph::new(Line::styled(text, style)).wrap(Wrap { trim: false });
        frame.render_widget(paragraph, area);
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
