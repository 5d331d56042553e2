//! Settings as the app lives them: every built-in theme painting Today, NO_COLOR, a
//! broken config.toml, key overrides, the theme picker and the mouse. Drawn into
//! ratatui's `TestBackend`; where colour is the point, the snapshot holds the styles
//! of the buffer, not only its text.

use std::fs;
use std::path::{Path, PathBuf};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};
use truenorth::clock::FixedClock;
use truenorth::store::Paths;
use truenorth::ui::app::{App, Screen};
use truenorth::ui::keymap::Mode;
use truenorth::ui::theme::{ColorSupport, Theme, builtin, load_theme};

const MORNING: &str = "2026-11-25T07:30:00+01:00";

struct Fixture {
    _dir: tempfile::TempDir,
    paths: Paths,
}

impl Fixture {
    fn new() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let paths = Paths {
            data: dir.path().join("data"),
            config: dir.path().join("config"),
        };
        Fixture { _dir: dir, paths }
    }

    fn with_config(text: &str) -> Fixture {
        let fixture = Fixture::new();
        fs::create_dir_all(&fixture.paths.config).unwrap();
        fs::write(fixture.config_file(), text).unwrap();
        fixture
    }

    fn config_file(&self) -> PathBuf {
        self.paths.config.join("config.toml")
    }

    fn open(&self, support: ColorSupport) -> App {
        App::open_with_colors(&self.paths, Box::new(FixedClock::at(MORNING)), support).unwrap()
    }

    /// The app over the demo journal (entries, commitments, people, a running pack),
    /// once the background scan has read it.
    fn open_demo(&self) -> App {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        truenorth::sample::write_demo(&self.paths.data, today).unwrap();
        let mut app = self.open(ColorSupport::TrueColor);
        app.scan_now();
        app
    }
}

fn draw(app: &App, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| app.render(frame)).unwrap();
    terminal.backend().buffer().clone()
}

fn row_text(buffer: &Buffer, y: u16) -> String {
    (0..buffer.area.width)
        .map(|x| buffer[(x, y)].symbol())
        .collect()
}

fn text(buffer: &Buffer) -> String {
    (0..buffer.area.height)
        .map(|y| row_text(buffer, y))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Where `needle` starts on screen, by cells (so wide characters before it count as
/// the columns they take).
fn find(buffer: &Buffer, needle: &str) -> Option<(u16, u16)> {
    let wanted: Vec<String> = needle.chars().map(String::from).collect();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            let fits = wanted.iter().enumerate().all(|(i, c)| {
                let at = x + i as u16;
                at < buffer.area.width && buffer[(at, y)].symbol() == c
            });
            if fits {
                return Some((x, y));
            }
        }
    }
    None
}

/// The row of the selection marker `▸` in the left `width` columns.
fn marker_row(buffer: &Buffer, width: u16) -> Option<u16> {
    (0..buffer.area.height).find(|&y| (0..width).any(|x| buffer[(x, y)].symbol() == "▸"))
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

fn mouse(kind: MouseEventKind, column: u16, row: u16) -> MouseEvent {
    MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    }
}

fn click(app: &mut App, at: (u16, u16), area: Rect) {
    app.handle_mouse(
        mouse(MouseEventKind::Down(MouseButton::Left), at.0, at.1),
        area,
    );
}

fn wheel(app: &mut App, down: bool, at: (u16, u16), area: Rect) {
    let kind = if down {
        MouseEventKind::ScrollDown
    } else {
        MouseEventKind::ScrollUp
    };
    app.handle_mouse(mouse(kind, at.0, at.1), area);
}

fn theme_named(name: &str, support: ColorSupport) -> Theme {
    load_theme(name, Path::new("/nonexistent"), support).unwrap()
}

/// The foreground of the ` truenorth ` badge, drawn in the theme's accent colour.
fn badge_colour(buffer: &Buffer) -> Option<Color> {
    let (x, y) = find(buffer, "truenorth").expect("the badge");
    buffer[(x, y)].style().fg
}

// ------------------------------------------------------------------ themes

#[test]
fn every_built_in_theme_paints_today() {
    for (name, _) in builtin() {
        let fixture = Fixture::with_config(&format!("theme = \"{name}\"\n"));
        let app = fixture.open(ColorSupport::TrueColor);
        let buffer = draw(&app, 100, 30);
        let theme = theme_named(name, ColorSupport::TrueColor);
        assert_eq!(badge_colour(&buffer), theme.accent.fg, "{name}");
        assert!(app.problems().is_empty(), "{name}: {:?}", app.problems());
        insta::assert_snapshot!(format!("today_in_{name}"), format!("{buffer:?}"));
    }
}

#[test]
fn no_color_leaves_every_cell_uncoloured_and_focus_still_visible() {
    // The theme named does not matter: NO_COLOR wins.
    let fixture = Fixture::with_config("theme = \"evening\"\n");
    let app = fixture.open(ColorSupport::NoColor);
    let buffer = draw(&app, 100, 30);
    for cell in buffer.content() {
        assert_eq!(cell.fg, Color::Reset, "{cell:?}");
        assert_eq!(cell.bg, Color::Reset, "{cell:?}");
    }
    let (x, y) = find(&buffer, "truenorth").unwrap();
    assert!(buffer[(x, y)].modifier.contains(Modifier::REVERSED));
    // The focused answer's border is bold; the others are not.
    let (x, y) = find(&buffer, "┏").unwrap();
    assert!(buffer[(x, y)].modifier.contains(Modifier::BOLD));
    let (x, y) = find(&buffer, "╭").unwrap();
    assert!(!buffer[(x, y)].modifier.contains(Modifier::BOLD));
    insta::assert_snapshot!("today_no_color", format!("{buffer:?}"));
}

// ------------------------------------------------------------------ config

#[test]
fn a_bad_setting_is_named_at_its_line_and_only_it_falls_back_to_its_default() {
    let fixture = Fixture::with_config("theme = \"light\"\nweek_start = \"friday\"\n");
    let app = fixture.open(ColorSupport::TrueColor);
    let buffer = draw(&app, 250, 30);
    assert_eq!(
        row_text(&buffer, 1).trim_end(),
        format!(
            "⚠ Setting ignored, its default used (`truenorth config check` lists all): \
             config.toml:2:14: week_start must be \"monday\" or \"sunday\", not `friday`",
        )
    );
    // The good setting is in use: the light theme the file names.
    assert_eq!(
        badge_colour(&buffer),
        theme_named("light", ColorSupport::TrueColor).accent.fg
    );
}

#[test]
fn the_bad_setting_banner_says_where_to_see_them_all_at_80_columns() {
    let fixture = Fixture::with_config(
        "week_start = \"friday\"\nday_rollover_hour = 25\nprompts_per_day = 7\n",
    );
    let app = fixture.open(ColorSupport::TrueColor);
    let buffer = draw(&app, 80, 24);
    let banner = format!("{}{}", row_text(&buffer, 1), row_text(&buffer, 2));
    assert!(
        banner.contains("`truenorth config check` lists all 3"),
        "{banner}"
    );
    insta::assert_snapshot!("bad_setting_banner_80x24", text(&buffer));
}

#[test]
fn a_config_that_is_not_toml_leaves_the_app_on_defaults() {
    let fixture = Fixture::with_config("theme = \"light\"\nweek_start = \"sunday\n");
    let app = fixture.open(ColorSupport::TrueColor);
    let buffer = draw(&app, 250, 30);
    let banner = row_text(&buffer, 1);
    assert!(
        banner.contains("Settings file not used, all defaults"),
        "{banner}"
    );
    assert!(banner.contains(":2:"), "{banner}");
    assert!(
        banner.contains("`truenorth config check` lists all"),
        "{banner}"
    );
    assert_eq!(
        badge_colour(&buffer),
        theme_named("default", ColorSupport::TrueColor).accent.fg
    );
}

#[test]
fn key_overrides_from_config_drive_keys_footer_and_problems() {
    let fixture = Fixture::with_config(
        "[keys]\nsave = \"ctrl-w\"\n# quit cannot be left without a key\n\
         quit = []\n",
    );
    let mut app = fixture.open(ColorSupport::TrueColor);
    let footer = row_text(&draw(&app, 100, 30), 29);
    assert!(footer.contains("Ctrl-W save"), "{footer}");
    assert!(!footer.contains("Ctrl-S"), "{footer}");
    let problems: Vec<String> = app.problems().iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        [format!(
            "{}:4:8: [keys] quit: an empty list would leave no key for quit, which you cannot \
             do without; give it at least one key, or remove the line to keep its defaults",
            fixture.config_file().display()
        )]
    );
    for c in "kept".chars() {
        app.handle_key(key(KeyCode::Char(c)));
    }
    let day = fixture.paths.data.join("journal/2026/2026-11-25.toml");
    app.handle_key(ctrl('s'));
    assert!(!day.exists(), "Ctrl-S was replaced");
    app.handle_key(ctrl('w'));
    assert!(fs::read_to_string(&day).unwrap().contains("kept"));
    // The refused override left quit its default keys.
    app.handle_key(key(KeyCode::Char('q')));
    assert!(!app.should_quit(), "q is text while writing");
    app.handle_key(key(KeyCode::Esc));
    app.handle_key(key(KeyCode::Char('q')));
    assert!(app.should_quit());
}

// ------------------------------------------------------------------ theme picker

#[test]
fn the_theme_picker_previews_puts_back_and_keeps() {
    let settings = "# my settings\nweek_start = \"sunday\"  # school weeks\n";
    let fixture = Fixture::with_config(settings);
    let mut app = fixture.open(ColorSupport::TrueColor);
    let colour_of = |name| theme_named(name, ColorSupport::TrueColor).accent.fg;
    app.handle_key(key(KeyCode::Esc));
    app.handle_key(KeyEvent::new(KeyCode::Char('T'), KeyModifiers::SHIFT));
    assert_eq!(app.mode(), Mode::Themes);
    assert_eq!(badge_colour(&draw(&app, 100, 30)), colour_of("default"));

    // Moving repaints the whole app at once, the answers behind the picker included.
    app.handle_key(key(KeyCode::Down));
    let buffer = draw(&app, 100, 30);
    assert_eq!(badge_colour(&buffer), colour_of("light"));
    let light = theme_named("light", ColorSupport::TrueColor);
    let (x, y) = find(&buffer, "┏").unwrap();
    assert_eq!(buffer[(x, y)].fg, light.border_focus.fg.unwrap());
    insta::assert_snapshot!("theme_picker_on_light", text(&buffer));

    // Esc puts the old theme back and writes nothing.
    app.handle_key(key(KeyCode::Esc));
    assert_eq!(app.mode(), Mode::Browsing);
    assert_eq!(badge_colour(&draw(&app, 100, 30)), colour_of("default"));
    assert_eq!(fs::read_to_string(fixture.config_file()).unwrap(), settings);

    // Enter keeps it, in config.toml, beside what was there.
    app.handle_key(KeyEvent::new(KeyCode::Char('T'), KeyModifiers::SHIFT));
    app.handle_key(key(KeyCode::Char('j')));
    app.handle_key(key(KeyCode::Char('j')));
    app.handle_key(key(KeyCode::Enter));
    assert_eq!(app.mode(), Mode::Browsing);
    assert_eq!(
        fs::read_to_string(fixture.config_file()).unwrap(),
        format!("{settings}theme = \"high-contrast\"\n")
    );
    let notice = app.notice().unwrap().text.clone();
    assert!(
        notice.starts_with("Theme `high-contrast` kept in "),
        "{notice}"
    );
    let again = fixture.open(ColorSupport::TrueColor);
    assert_eq!(
        badge_colour(&draw(&again, 100, 30)),
        colour_of("high-contrast")
    );
}

#[test]
fn keeping_a_theme_replaces_a_bad_theme_and_its_problem() {
    let fixture = Fixture::with_config("theme = \"evning\"\n");
    let mut app = fixture.open(ColorSupport::TrueColor);
    assert_eq!(app.problems().len(), 1);
    app.handle_key(key(KeyCode::Esc));
    app.handle_key(KeyEvent::new(KeyCode::Char('T'), KeyModifiers::NONE));
    // The default theme is in use, so the picker starts there; evening is last.
    app.handle_key(key(KeyCode::Char('j')));
    app.handle_key(key(KeyCode::Char('j')));
    app.handle_key(key(KeyCode::Char('j')));
    app.handle_key(key(KeyCode::Enter));
    assert!(app.problems().is_empty(), "{:?}", app.problems());
    assert_eq!(
        fs::read_to_string(fixture.config_file()).unwrap(),
        "theme = \"evening\"\n"
    );
}

// ------------------------------------------------------------------ mouse

#[test]
fn the_mouse_scrolls_and_clicks_on_every_screen() {
    let fixture = Fixture::new();
    let mut app = fixture.open_demo();
    let area = Rect::new(0, 0, 100, 30);
    let tab = |app: &App, name: &str| {
        let buffer = draw(app, 100, 30);
        let (x, y) = find(&buffer, name).unwrap_or_else(|| panic!("no tab {name}"));
        assert_eq!(y, 0, "{name} is in the header");
        (x, y)
    };

    // Packs: a click on its tab, the wheel moves the selection, a click picks a row.
    let packs = tab(&app, "Packs");
    click(&mut app, packs, area);
    assert_eq!(app.screen(), Screen::Packs);
    let first = marker_row(&draw(&app, 100, 30), 40).unwrap();
    wheel(&mut app, true, (10, first), area);
    let second = marker_row(&draw(&app, 100, 30), 40).unwrap();
    assert!(second > first, "{first} -> {second}");
    click(&mut app, (10, first), area);
    assert_eq!(marker_row(&draw(&app, 100, 30), 40), Some(first));
    // A click on a section heading selects nothing.
    click(&mut app, (10, first - 1), area);
    assert_eq!(marker_row(&draw(&app, 100, 30), 40), Some(first));

    // Commitments: two lines a row.
    let commitments = tab(&app, "Commitments");
    click(&mut app, commitments, area);
    assert_eq!(app.screen(), Screen::Commitments);
    let first = marker_row(&draw(&app, 100, 30), 50).unwrap();
    click(&mut app, (10, first + 3), area);
    assert_eq!(marker_row(&draw(&app, 100, 30), 50), Some(first + 2));
    wheel(&mut app, false, (10, first), area);
    assert_eq!(marker_row(&draw(&app, 100, 30), 50), Some(first));

    // People: one line a row.
    let people = tab(&app, "People");
    click(&mut app, people, area);
    assert_eq!(app.screen(), Screen::People);
    let first = marker_row(&draw(&app, 100, 30), 40).unwrap();
    click(&mut app, (10, first + 2), area);
    assert_eq!(marker_row(&draw(&app, 100, 30), 40), Some(first + 2));
    wheel(&mut app, true, (10, first), area);
    assert_eq!(marker_row(&draw(&app, 100, 30), 40), Some(first + 3));

    // Journal: two lines an entry; the wheel over the list moves through entries.
    let journal = tab(&app, "Journal");
    click(&mut app, journal, area);
    assert_eq!(app.screen(), Screen::Journal);
    let first = marker_row(&draw(&app, 100, 30), 40).unwrap();
    click(&mut app, (10, first + 3), area);
    assert_eq!(marker_row(&draw(&app, 100, 30), 40), Some(first + 2));
    wheel(&mut app, false, (10, first), area);
    assert_eq!(marker_row(&draw(&app, 100, 30), 40), Some(first));
    // The wheel over the entry scrolls it, not the list.
    wheel(&mut app, true, (80, 10), area);
    assert_eq!(marker_row(&draw(&app, 100, 30), 40), Some(first));

    // Today: a click on a rating focuses it; a click on an answer writes in it.
    let today = tab(&app, "Today");
    click(&mut app, today, area);
    assert_eq!(app.screen(), Screen::Today);
    let energy = find(&draw(&app, 100, 30), "Energy").unwrap();
    click(&mut app, energy, area);
    assert_eq!(app.mode(), Mode::Rating);
    click(&mut app, (20, 3), area);
    assert_eq!(app.mode(), Mode::Writing);

    // Help: the wheel scrolls it; clicks on tabs wait until it is closed.
    app.handle_key(key(KeyCode::Esc));
    app.handle_key(key(KeyCode::Char('?')));
    let before = text(&draw(&app, 100, 30));
    wheel(&mut app, true, (50, 15), area);
    assert_ne!(text(&draw(&app, 100, 30)), before);
    click(&mut app, journal, area);
    assert_eq!(app.screen(), Screen::Today);
    app.handle_key(key(KeyCode::Esc));

    // The theme picker: a click on a theme previews it.
    app.handle_key(key(KeyCode::Char('T')));
    let buffer = draw(&app, 100, 30);
    let evening = find(&buffer, "evening").unwrap();
    click(&mut app, evening, area);
    assert_eq!(
        badge_colour(&draw(&app, 100, 30)),
        theme_named("evening", ColorSupport::TrueColor).accent.fg
    );

    // Too small a terminal shows no layout to click on.
    app.handle_key(key(KeyCode::Esc));
    click(&mut app, journal, Rect::new(0, 0, 40, 10));
    assert_eq!(app.screen(), Screen::Today);
}
