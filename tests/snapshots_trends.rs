//! The Trends screen and the weekly review as a person sees them, on the `--demo`
//! journal for a fixed today, drawn into ratatui's `TestBackend` and compared with
//! reviewed snapshots (`cargo insta review`).

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use truenorth::clock::FixedClock;
use truenorth::store::Paths;
use truenorth::ui::app::App;

/// A Wednesday morning.
const MORNING: &str = "2026-11-25T07:30:00+01:00";

struct Fixture {
    _dir: tempfile::TempDir,
    paths: Paths,
}

/// The demo journal for today, 25 November 2026.
fn demo() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let paths = Paths {
        data: dir.path().join("data"),
        config: dir.path().join("config"),
    };
    let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    truenorth::sample::write_demo(&paths.data, today).unwrap();
    Fixture { _dir: dir, paths }
}

/// The app with the whole journal read.
fn open(fixture: &Fixture) -> App {
    let mut app = App::open(&fixture.paths, Box::new(FixedClock::at(MORNING))).unwrap();
    app.scan_now();
    app
}

fn draw(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| app.render(frame)).unwrap();
    terminal.backend().to_string()
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.handle_key(key(KeyCode::Char(c)));
    }
}

/// From Today (leaving its answer first) to Trends.
fn go_to_trends(app: &mut App) {
    app.handle_key(key(KeyCode::Esc));
    app.handle_key(key(KeyCode::Char(']')));
    app.handle_key(key(KeyCode::Char(']')));
}

#[test]
fn trends_80x24() {
    let fixture = demo();
    let mut app = open(&fixture);
    go_to_trends(&mut app);
    insta::assert_snapshot!(draw(&app, 80, 24));
}

#[test]
fn trends_160x48() {
    let fixture = demo();
    let mut app = open(&fixture);
    go_to_trends(&mut app);
    insta::assert_snapshot!(draw(&app, 160, 48));
}

#[test]
fn trends_a_week_back_with_the_second_insight_open_120x40() {
    let fixture = demo();
    let mut app = open(&fixture);
    go_to_trends(&mut app);
    for _ in 0..3 {
        app.handle_key(key(KeyCode::Left));
    }
    app.handle_key(key(KeyCode::Char('j')));
    insta::assert_snapshot!(draw(&app, 120, 40));
}

#[test]
fn weekly_review_80x24() {
    let fixture = demo();
    let mut app = open(&fixture);
    app.handle_key(key(KeyCode::Esc));
    app.handle_key(key(KeyCode::Char('w')));
    // The demo's review is written: `w` opens it with its answers, to go on writing.
    type_text(&mut app, " And lunch with the robotics club.");
    app.handle_key(key(KeyCode::Tab));
    insta::assert_snapshot!(draw(&app, 80, 24));
}

#[test]
fn weekly_review_120x40() {
    let fixture = demo();
    let mut app = open(&fixture);
    app.handle_key(key(KeyCode::Esc));
    app.handle_key(key(KeyCode::Char('w')));
    insta::assert_snapshot!(draw(&app, 120, 40));
}

/// The demo journal for Sunday 6 December 2026, opened that morning: a date short
/// enough that every screen's full name fits beside it at 80 columns.
fn open_on_sunday() -> (Fixture, App) {
    let dir = tempfile::tempdir().unwrap();
    let paths = Paths {
        data: dir.path().join("data"),
        config: dir.path().join("config"),
    };
    let sunday = NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
    truenorth::sample::write_demo(&paths.data, sunday).unwrap();
    let mut app = App::open(
        &paths,
        Box::new(FixedClock::at("2026-12-06T09:00:00+01:00")),
    )
    .unwrap();
    app.scan_now();
    (Fixture { _dir: dir, paths }, app)
}

#[test]
fn weekly_review_on_a_sunday_80x24_shows_every_figure_and_a_clear_header() {
    let (_fixture, mut app) = open_on_sunday();
    app.handle_key(key(KeyCode::Esc));
    app.handle_key(key(KeyCode::Char('w')));
    let screen = draw(&app, 80, 24);
    assert!(screen.contains("People connected with"), "{screen}");
    assert!(!screen.contains("ExportSun"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn export_on_a_sunday_80x24_keeps_the_date_apart_from_the_screens() {
    let (_fixture, mut app) = open_on_sunday();
    app.handle_key(key(KeyCode::Esc));
    for _ in 0..6 {
        app.handle_key(key(KeyCode::Char(']')));
    }
    let screen = draw(&app, 80, 24);
    let header = screen.lines().next().unwrap();
    assert!(header.contains("Export"), "{header}");
    assert!(!header.contains("ExportSun"), "{header}");
    insta::assert_snapshot!(screen);
}
