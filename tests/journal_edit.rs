//! The Journal screen, driven key by key and drawn into ratatui's `TestBackend`:
//! what it shows is readable (a tab as spaces, a reversed range refused as the
//! command line refuses it, a long date error whole).

mod common;

use chrono::{DateTime, NaiveDate};
use common::screen::{draw, press, type_text};
use crossterm::event::KeyCode;
use truenorth::clock::FixedClock;
use truenorth::domain::Entry;
use truenorth::store::{Journal, Paths};
use truenorth::ui::app::App;
use truenorth::ui::keymap::Mode;

const MORNING: &str = "2026-11-25T07:30:00+01:00";

struct Fixture {
    _dir: tempfile::TempDir,
    paths: Paths,
}

fn date(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, day).unwrap()
}

/// A journal of two entries, neither in last week (which would offer the weekly
/// review at start): 3 November's and, newest, 10 November's.
fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let paths = Paths {
        data: dir.path().join("data"),
        config: dir.path().join("config"),
    };
    let journal = Journal::open(&paths.data).unwrap();
    for (day, text) in [
        (3, "Hallway talk about the lunch line"),
        (10, "entry with\ttab"),
    ] {
        let created = DateTime::parse_from_rfc3339(&format!("2026-11-{day:02}T08:00:00+01:00"));
        let entry = Entry::new(created.unwrap(), 0, text.to_string());
        journal
            .update_day(date(day), |d| d.entries.push(entry))
            .unwrap();
    }
    Fixture { _dir: dir, paths }
}

fn open(fixture: &Fixture) -> App {
    let mut app = App::open(&fixture.paths, Box::new(FixedClock::at(MORNING))).unwrap();
    app.scan_now();
    app
}

/// The app on Journal, browsing the list.
fn open_journal(fixture: &Fixture) -> App {
    let mut app = open(fixture);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char(']'));
    assert_eq!(app.mode(), Mode::Journal);
    app
}

fn notice(app: &App) -> String {
    app.notice()
        .map(|notice| notice.text.clone())
        .unwrap_or_default()
}

/// Presses `key`, types `text` and Enter: a search or a date, given in one go.
fn give(app: &mut App, key: char, text: &str) {
    press(app, KeyCode::Char(key));
    type_text(app, text);
    press(app, KeyCode::Enter);
}

#[test]
fn a_tab_in_an_entry_shows_as_spaces() {
    let fixture = fixture();
    let app = open_journal(&fixture);
    let screen = draw(&app, 100, 30);
    assert!(screen.contains("│ entry with  tab"), "{screen}");
}

#[test]
fn a_reversed_range_is_refused_as_on_the_command_line() {
    let fixture = fixture();
    let mut app = open_journal(&fixture);
    give(&mut app, 'g', "2026-12-01..2026-11-01");
    assert_eq!(
        notice(&app),
        "2026-12-01 is after 2026-11-01: nothing can match; write the earlier date \
         first: 2026-11-01..2026-12-01"
    );
    let screen = draw(&app, 100, 30);
    assert!(
        screen.contains("2 entries"),
        "the list is as it was:\n{screen}"
    );
}

/// `g` and a date that cannot be read, at `width` x `height`.
fn a_bad_date(width: u16, height: u16) -> String {
    let fixture = fixture();
    let mut app = open_journal(&fixture);
    give(&mut app, 'g', "2026-13-45");
    draw(&app, width, height)
}

#[test]
fn a_long_date_error_is_shown_whole_at_100_columns() {
    let screen = a_bad_date(100, 30);
    assert!(screen.contains("-2w, -3m)"), "{screen}");
}

#[test]
fn a_long_date_error_is_shown_whole_at_60x20() {
    let screen = a_bad_date(60, 20);
    assert!(screen.contains("-2w, -3m)"), "{screen}");
    insta::assert_snapshot!(screen);
}
