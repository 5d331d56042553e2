//! The Journal screen, driven key by key and drawn into ratatui's `TestBackend`:
//! an entry edit is unsaved work like Today's answers (kept as a draft, shown in the
//! header, back at the next start), an emptied entry asks before it is deleted, and
//! Enter in the search box opens the result and `c` clears the search; and what the
//! screen shows is readable (a tab as spaces, a reversed range refused as the command
//! line refuses it, a long date error whole).

mod common;

use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate};
use common::screen::{ctrl, draw, press, type_text};
use crossterm::event::KeyCode;
use truenorth::clock::FixedClock;
use truenorth::domain::Entry;
use truenorth::store::{Drafts, Journal, Paths};
use truenorth::ui::app::{AUTOSAVE_IDLE, App, Screen};
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

/// The texts of the entries of `day` on disk.
fn texts(fixture: &Fixture, day: u32) -> Vec<String> {
    Journal::open(&fixture.paths.data)
        .unwrap()
        .load_day(date(day))
        .unwrap()
        .map(|day| day.entries.into_iter().map(|entry| entry.text).collect())
        .unwrap_or_default()
}

fn drafts_file(fixture: &Fixture) -> Option<String> {
    std::fs::read_to_string(Drafts::new(&fixture.paths.data).path()).ok()
}

/// Presses `key`, types `text` and Enter: a search or a date, given in one go.
fn give(app: &mut App, key: char, text: &str) {
    press(app, KeyCode::Char(key));
    type_text(app, text);
    press(app, KeyCode::Enter);
}

fn assert_shows(screen: &str, texts: &[&str]) {
    for text in texts {
        assert!(screen.contains(text), "{text:?} missing:\n{screen}");
    }
}

/// The app with 3 November's entry open and `text` typed at its end.
fn an_edit_typed(fixture: &Fixture, text: &str) -> App {
    let mut app = open_journal(fixture);
    edit_the_older_entry(&mut app);
    type_text(&mut app, text);
    app
}

/// The app with 3 November's entry open and all its text taken out.
fn an_emptied_entry(fixture: &Fixture) -> App {
    let mut app = open_journal(fixture);
    edit_the_older_entry(&mut app);
    empty_the_editor(&mut app);
    app
}

/// Takes every character out of the entry being edited, as Backspace would.
fn empty_the_editor(app: &mut App) {
    for _ in 0.."Hallway talk about the lunch line".len() {
        press(app, KeyCode::Backspace);
    }
}

/// Selects 3 November's entry (the second) and opens it in the editor.
fn edit_the_older_entry(app: &mut App) {
    press(app, KeyCode::Char('j'));
    press(app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::EntryEdit);
}

#[test]
fn an_unsaved_entry_edit_is_kept_as_a_draft_shown_in_the_header_and_back_at_the_next_start() {
    let fixture = fixture();
    let mut app = an_edit_typed(&fixture, ", then the bus duty");
    // The header says what the editor's title says.
    let screen = draw(&app, 100, 30);
    assert_shows(
        &screen,
        &["● unsaved changes", "Editing Tue 3 Nov 2026 · unsaved"],
    );
    assert!(!screen.contains("all saved"), "{screen}");

    // A pause in typing writes the draft, as on Today.
    assert_eq!(drafts_file(&fixture), None);
    app.tick(Instant::now() + AUTOSAVE_IDLE + Duration::from_millis(10));
    let drafts = drafts_file(&fixture).expect("drafts.toml written on a pause");
    assert!(drafts.contains("[[entry]]"), "{drafts}");
    assert!(
        drafts.contains("Hallway talk about the lunch line, then the bus duty"),
        "{drafts}"
    );
    assert_eq!(texts(&fixture, 3), ["Hallway talk about the lunch line"]);

    // Typed on after the pause, then Ctrl-C: quitting keeps the latest text too (the
    // event loop writes the drafts on every way out).
    type_text(&mut app, " again");
    ctrl(&mut app, 'c');
    assert!(app.should_quit());
    app.flush_drafts();
    drop(app);
    let drafts = drafts_file(&fixture).unwrap();
    assert!(drafts.contains("the bus duty again"), "{drafts}");

    // The next start opens the editor on Journal with the text as it was typed.
    let mut app = open(&fixture);
    assert_eq!(app.screen(), Screen::Journal);
    assert_eq!(app.mode(), Mode::EntryEdit);
    assert_eq!(
        notice(&app),
        "Your unsaved edit of the entry of 3 November 2026 is back. Esc saves it."
    );
    // The list shows which entry it is.
    assert_shows(
        &draw(&app, 120, 30),
        &[
            "lunch line, then the bus duty again",
            "▸ Tue 3 Nov 2026",
            "● unsaved changes",
        ],
    );

    // Esc saves it into its entry, and the draft goes.
    press(&mut app, KeyCode::Esc);
    assert_eq!(
        texts(&fixture, 3),
        ["Hallway talk about the lunch line, then the bus duty again"]
    );
    assert_eq!(drafts_file(&fixture), None);
    assert!(!draw(&app, 100, 30).contains("unsaved"));
}

#[test]
fn ctrl_z_on_an_edit_brought_back_goes_back_to_the_saved_text() {
    let fixture = fixture();
    let mut app = an_edit_typed(&fixture, "!");
    app.flush_drafts();
    drop(app);
    let mut app = open(&fixture);
    assert!(draw(&app, 100, 30).contains("lunch line!"));
    // Taking the typing back until nothing is left to take back.
    for _ in 0..3 {
        ctrl(&mut app, 'z');
    }
    let screen = draw(&app, 100, 30);
    assert!(screen.contains("lunch line"), "{screen}");
    assert!(!screen.contains("lunch line!"), "{screen}");
    assert!(!screen.contains("unsaved"), "{screen}");
}

#[test]
fn leaving_an_emptied_entry_asks_to_delete_it_and_no_keeps_its_old_text() {
    let fixture = fixture();
    let mut app = an_emptied_entry(&fixture);
    assert!(draw(&app, 80, 24).contains("unsaved"));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::Confirm);
    insta::assert_snapshot!(draw(&app, 80, 24));

    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.mode(), Mode::Journal);
    assert_eq!(notice(&app), "Not deleted: the entry keeps its old text.");
    assert_eq!(texts(&fixture, 3), ["Hallway talk about the lunch line"]);
    assert_eq!(drafts_file(&fixture), None);

    // Ctrl-S asks too; no puts the old text back in the editor, which stays open.
    press(&mut app, KeyCode::Enter);
    empty_the_editor(&mut app);
    ctrl(&mut app, 's');
    assert_eq!(app.mode(), Mode::Confirm);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::EntryEdit);
    let screen = draw(&app, 100, 30);
    assert!(
        screen.contains("Hallway talk about the lunch line"),
        "{screen}"
    );
    assert!(!screen.contains("unsaved"), "{screen}");
    assert_eq!(texts(&fixture, 3), ["Hallway talk about the lunch line"]);
}

#[test]
fn yes_deletes_the_emptied_entry_and_u_brings_it_back() {
    let fixture = fixture();
    let mut app = an_emptied_entry(&fixture);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(app.mode(), Mode::Journal);
    assert_eq!(notice(&app), "Deleted. u brings it back.");
    assert!(texts(&fixture, 3).is_empty(), "no blank entry is left");
    assert_eq!(drafts_file(&fixture), None);
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(texts(&fixture, 3), ["Hallway talk about the lunch line"]);
}

#[test]
fn an_emptied_entry_changed_outside_meanwhile_is_not_deleted() {
    let fixture = fixture();
    let mut app = an_emptied_entry(&fixture);
    Journal::open(&fixture.paths.data)
        .unwrap()
        .update_day(date(3), |day| {
            day.entries[0].text = "Changed in another editor".into()
        })
        .unwrap();
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('y'));
    assert!(notice(&app).starts_with("Not deleted"), "{}", notice(&app));
    assert_eq!(texts(&fixture, 3), ["Changed in another editor"]);
    assert_eq!(app.mode(), Mode::Journal);
}

#[test]
fn enter_in_the_search_box_opens_the_result_and_c_clears_the_search() {
    let fixture = fixture();
    let mut app = open_journal(&fixture);
    give(&mut app, '/', "lunch");
    assert_eq!(app.mode(), Mode::EntryEdit, "one Enter opens the result");
    assert!(draw(&app, 100, 30).contains("Editing Tue 3 Nov 2026"));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::Journal);
    assert!(draw(&app, 100, 30).contains("/ lunch  1 entry"));

    press(&mut app, KeyCode::Char('v')); // a filter too: shared entries only
    press(&mut app, KeyCode::Char('c'));
    let screen = draw(&app, 100, 30);
    assert!(screen.contains("/ search  2 entries"), "{screen}");
    assert!(!screen.contains("shared only"), "{screen}");
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
