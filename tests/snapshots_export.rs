//! The Export screen on the fixed export journal (`tests/exchange_support`): drawn into
//! ratatui's `TestBackend` and compared with reviewed snapshots, and driven key by key
//! to write, refuse to replace, and replace a file.

mod exchange_support;

use std::path::Path;
use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use truenorth::clock::FixedClock;
use truenorth::exchange::{self, ExportFormat, LoadedSources};
use truenorth::store::Paths;
use truenorth::ui::app::App;
use truenorth::ui::keymap::Mode;

use exchange_support::{SECRETS, context, fixture, options};

/// The moment of `exchange_support::context()`.
const EVENING: &str = "2026-11-24T18:05:00-05:00";

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
        fixture().write_to(&paths.data);
        Fixture { _dir: dir, paths }
    }

    fn folder(&self) -> &Path {
        self._dir.path()
    }
}

fn draw(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| app.render(frame)).unwrap();
    terminal.backend().to_string()
}

fn key(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn save(app: &mut App) {
    app.handle_key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

/// Lets the worker finish the document for the current choices.
fn settle(app: &mut App) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while !app.export_ready() {
        assert!(
            Instant::now() < deadline,
            "the export preview never came:\n{}",
            draw(app, 100, 30)
        );
        app.tick(Instant::now());
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Types into a text field: Enter, the old text erased, the new text, Enter.
fn set_field(app: &mut App, text: &str) {
    key(app, KeyCode::Enter);
    for _ in 0..200 {
        key(app, KeyCode::Backspace);
    }
    type_text(app, text);
    key(app, KeyCode::Enter);
}

/// Export, the last screen (one step back from Today), with the fixture's range and
/// `file` as the file.
fn open_export(fixture: &Fixture, file: &str) -> App {
    let mut app = App::open(&fixture.paths, Box::new(FixedClock::at(EVENING))).unwrap();
    // Out of the weekly review the evening may open with, and out of the answer.
    for _ in 0..3 {
        if app.mode() != Mode::Browsing {
            key(&mut app, KeyCode::Esc);
        }
    }
    key(&mut app, KeyCode::Char('['));
    assert_eq!(app.mode(), Mode::Export, "{}", draw(&app, 100, 30));
    set_field(&mut app, "2026-11-02"); // From
    key(&mut app, KeyCode::Down);
    set_field(&mut app, "2026-11-22"); // To
    for _ in 0..7 {
        key(&mut app, KeyCode::Down);
    }
    set_field(&mut app, file); // File
    settle(&mut app);
    app
}

#[test]
fn export_screen_with_a_range_100x30() {
    let fixture = Fixture::new();
    let app = open_export(&fixture, "~/mentor/for-thursday.md");
    insta::assert_snapshot!(draw(&app, 100, 30));
}

#[test]
fn export_screen_html_grouped_by_standard_80x24() {
    let fixture = Fixture::new();
    let mut app = open_export(&fixture, "~/mentor/for-thursday.md");
    for _ in 0..3 {
        key(&mut app, KeyCode::Up); // Group by
    }
    key(&mut app, KeyCode::Left); // date -> psel
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Down); // Format
    key(&mut app, KeyCode::Right); // md -> html
    settle(&mut app);
    // Past the style sheet, to the title page.
    key(&mut app, KeyCode::Tab);
    for _ in 0..10 {
        key(&mut app, KeyCode::Down);
    }
    insta::assert_snapshot!(draw(&app, 80, 24));
}

#[test]
fn a_bad_date_puts_the_preview_on_hold_until_it_is_fixed() {
    let fixture = Fixture::new();
    let mut app = open_export(&fixture, "~/x.md");
    for _ in 0..8 {
        key(&mut app, KeyCode::Up); // From
    }
    key(&mut app, KeyCode::Enter);
    type_text(&mut app, "x");
    let screen = draw(&app, 100, 30);
    assert!(screen.contains("✗ From: write 2026-11-24"), "{screen}");
    // The last preview's figures answer other choices: they give way to what to fix.
    assert!(screen.contains("✗ fix From to see the preview"), "{screen}");
    assert!(screen.contains("on hold until From is fixed"), "{screen}");
    assert!(!screen.contains("going in"), "{screen}");
    // Esc puts the date back, and the mark goes.
    key(&mut app, KeyCode::Esc);
    settle(&mut app);
    let screen = draw(&app, 100, 30);
    assert!(!screen.contains('✗'), "{screen}");
}

#[test]
fn the_file_is_the_preview_and_is_replaced_only_after_yes() {
    let fixture = Fixture::new();
    std::fs::create_dir(fixture.folder().join("out")).unwrap();
    let file = fixture.folder().join("out/meeting.md");
    let mut app = open_export(&fixture, &file.display().to_string());
    save(&mut app);
    let screen = draw(&app, 100, 30);
    assert!(
        screen.contains("Wrote 9 entries (3 private left out)"),
        "{screen}"
    );

    // What the CLI writes for the same choices, at the same moment.
    let loaded = LoadedSources::load(&fixture.paths.data).unwrap();
    let expected = exchange::prepare(
        loaded.sources(),
        &truenorth::exchange::ExportOptions {
            title: None,
            author: None,
            ..options()
        },
        &context(),
    )
    .render(ExportFormat::Markdown);
    let written = std::fs::read_to_string(&file).unwrap();
    assert_eq!(written, expected);
    for secret in SECRETS {
        assert!(!written.contains(secret));
    }

    // Again: the file exists, so it asks; "n" leaves it alone.
    std::fs::write(&file, "my own notes").unwrap();
    save(&mut app);
    let screen = draw(&app, 100, 30);
    assert!(screen.contains("already exists"), "{screen}");
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "my own notes");
    assert!(draw(&app, 100, 30).contains("Not written"));

    // "y" replaces it.
    save(&mut app);
    key(&mut app, KeyCode::Char('y'));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), expected);
}

#[test]
fn tags_are_picked_and_narrow_the_counts() {
    let fixture = Fixture::new();
    let mut app = open_export(&fixture, "~/x.md");
    // The picker lists tags once the journal index is read.
    app.scan_now();
    for _ in 0..6 {
        key(&mut app, KeyCode::Up); // Tags
    }
    key(&mut app, KeyCode::Enter);
    type_text(&mut app, "#lunch");
    key(&mut app, KeyCode::Enter);
    settle(&mut app);
    let screen = draw(&app, 100, 30);
    assert!(screen.contains("#lunch"), "{screen}");
    assert!(screen.contains("1 entry going in"), "{screen}");
    assert!(screen.contains("0 entries private left out"), "{screen}");
    // Picking it again takes it out.
    key(&mut app, KeyCode::Enter);
    type_text(&mut app, "#lunch");
    key(&mut app, KeyCode::Enter);
    settle(&mut app);
    assert!(draw(&app, 100, 30).contains("9 entries going in"));
}

#[test]
fn ctrl_u_clears_the_file_and_a_missing_folder_is_refused_not_made() {
    let fixture = Fixture::new();
    let mut app = open_export(&fixture, "~/truenorth-export-2026-11-24.md");
    // File is selected: Ctrl-U empties it, so what is typed is the whole path.
    key(&mut app, KeyCode::Enter);
    app.handle_key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
    let missing = fixture.folder().join("mentor/meeting.md");
    type_text(&mut app, &missing.display().to_string());
    key(&mut app, KeyCode::Enter);
    settle(&mut app);
    save(&mut app);
    let screen = draw(&app, 100, 30);
    assert!(
        screen.contains("Not written: there is no folder"),
        "{screen}"
    );
    assert!(
        !fixture.folder().join("mentor").exists(),
        "no folder is made"
    );

    // Once the folder is there, the same choice writes exactly that file.
    std::fs::create_dir(fixture.folder().join("mentor")).unwrap();
    save(&mut app);
    assert!(
        draw(&app, 100, 30).contains("Wrote 9 entries"),
        "{}",
        draw(&app, 100, 30)
    );
    assert!(missing.is_file());

    // Ctrl-W takes back the last part of the path.
    key(&mut app, KeyCode::Enter);
    app.handle_key(KeyEvent::new(KeyCode::Char('w'), KeyModifiers::CONTROL));
    type_text(&mut app, "other.md");
    key(&mut app, KeyCode::Enter);
    settle(&mut app);
    save(&mut app);
    assert!(fixture.folder().join("mentor/other.md").is_file());
}

#[test]
fn changing_another_choice_while_to_is_wrong_shows_no_stale_figures() {
    let fixture = Fixture::new();
    let mut app = open_export(&fixture, "~/x.md");
    for _ in 0..7 {
        key(&mut app, KeyCode::Up); // To
    }
    set_field(&mut app, "nonsense");
    for _ in 0..4 {
        key(&mut app, KeyCode::Down); // Group by
    }
    key(&mut app, KeyCode::Right); // date -> frame
    let screen = draw(&app, 100, 30);
    assert!(screen.contains("✗ To: write 2026-11-24"), "{screen}");
    assert!(screen.contains("✗ fix To to see the preview"), "{screen}");
    assert!(screen.contains("on hold until To is fixed"), "{screen}");
    assert!(!screen.contains("going in"), "{screen}");
    // Fixed, the preview comes back for every choice made meanwhile.
    for _ in 0..4 {
        key(&mut app, KeyCode::Up); // To
    }
    set_field(&mut app, "2026-11-22");
    settle(&mut app);
    let screen = draw(&app, 100, 30);
    assert!(!screen.contains('✗'), "{screen}");
    assert!(screen.contains("9 entries going in"), "{screen}");
    assert!(!screen.contains("on hold"), "{screen}");
}

#[test]
fn what_export_said_goes_when_another_screen_comes_up() {
    let fixture = Fixture::new();
    std::fs::create_dir(fixture.folder().join("out")).unwrap();
    let file = fixture.folder().join("out/meeting.md");
    std::fs::write(&file, "my own notes").unwrap();
    let mut app = open_export(&fixture, &file.display().to_string());
    save(&mut app);
    key(&mut app, KeyCode::Char('n'));
    assert!(draw(&app, 100, 30).contains("Not written"));
    key(&mut app, KeyCode::Char(']')); // Today
    assert_ne!(app.mode(), Mode::Export);
    let screen = draw(&app, 100, 30);
    assert!(!screen.contains("Not written"), "{screen}");
}
