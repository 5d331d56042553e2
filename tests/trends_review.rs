//! Trends and the weekly review driven through the app's keys on journals built for
//! the purpose, with a fixed clock: when the review is offered, what putting it off
//! remembers, what saving writes, and where Trends' Enter and `a` lead.

use chrono::{DateTime, NaiveDate};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use truenorth::clock::FixedClock;
use truenorth::domain::{Day, Entry, Frame};
use truenorth::store::{Journal, Paths};
use truenorth::ui::app::{App, Screen};
use truenorth::ui::keymap::Mode;

/// Monday 23 November 2026, the first day of a week (weeks start on Monday).
const MONDAY: &str = "2026-11-23T08:00:00+01:00";

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

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

    fn journal(&self) -> Journal {
        Journal::open(&self.paths.data).unwrap()
    }

    /// An answer on `on`, written in the evening, in `frame`.
    fn write(&self, on: NaiveDate, frame: Frame, text: &str) {
        let created = DateTime::parse_from_rfc3339(&format!("{on}T19:00:00+01:00")).unwrap();
        self.journal()
            .update_day(on, |day: &mut Day| {
                let mut entry = Entry::new(created, day.entries.len(), text.to_string());
                entry.id = day.next_entry_id(created);
                entry.frame = Some(frame);
                day.entries.push(entry);
            })
            .unwrap();
    }

    fn open_at(&self, now: &str) -> App {
        App::open(&self.paths, Box::new(FixedClock::at(now))).unwrap()
    }

    fn day(&self, on: NaiveDate) -> Day {
        self.journal()
            .load_day(on)
            .unwrap()
            .unwrap_or_else(|| Day::new(on))
    }
}

/// Reads the whole journal, as the background scan does.
fn read_journal(app: &mut App) {
    app.scan_now();
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.handle_key(key(KeyCode::Char(c)));
    }
}

fn draw(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| app.render(frame)).unwrap();
    terminal.backend().to_string()
}

/// `w` from Today, leaving the answer being written first (Esc): the review opens.
fn open_review_with_w(app: &mut App) {
    app.handle_key(key(KeyCode::Esc));
    app.handle_key(key(KeyCode::Char('w')));
    assert_eq!(app.mode(), Mode::Review);
}

/// Entries of the weekly-review pack in a day: (prompt id, text).
fn review_entries(day: &Day) -> Vec<(String, String)> {
    day.entries
        .iter()
        .filter(|entry| entry.pack.as_deref() == Some("weekly-review"))
        .map(|entry| (entry.prompt.clone().unwrap_or_default(), entry.text.clone()))
        .collect()
}

/// A journal with reflections last week (16–22 November) and none this week.
fn last_week_written() -> Fixture {
    let fixture = Fixture::new();
    fixture.write(
        date(2026, 11, 17),
        Frame::Love,
        "Asked Maya about her robot.",
    );
    fixture.write(
        date(2026, 11, 19),
        Frame::Care,
        "Moved the reading group to the library.",
    );
    fixture
}

#[test]
fn the_first_open_of_a_new_week_offers_the_review_and_saving_writes_its_answers() {
    let fixture = last_week_written();
    let mut app = fixture.open_at(MONDAY);
    assert_eq!(app.mode(), Mode::Review);
    read_journal(&mut app);
    let screen = draw(&app, 100, 30);
    assert!(screen.contains("looking back on 16–22 Nov"), "{screen}");
    assert!(screen.contains("reflected on 2 of 7 days"), "{screen}");
    assert!(
        screen.contains("Love 1 · Care 1 · Vulnerability 0"),
        "{screen}"
    );

    type_text(&mut app, "Hallway check-ins before first bell.");
    app.handle_key(key(KeyCode::Tab));
    app.handle_key(key(KeyCode::Tab));
    type_text(&mut app, "Answering email during lunch duty.");
    app.handle_key(ctrl('s'));
    assert_eq!(app.mode(), Mode::Writing, "back on Today, ready to write");
    let screen = draw(&app, 100, 30);
    assert!(
        screen.contains("Saved your weekly review (2 of 4 answered)"),
        "{screen}"
    );

    let saved = review_entries(&fixture.day(date(2026, 11, 23)));
    assert_eq!(
        saved,
        vec![
            (
                "review-01".to_string(),
                "Hallway check-ins before first bell.".to_string()
            ),
            (
                "review-03".to_string(),
                "Answering email during lunch duty.".to_string()
            ),
        ]
    );
    // Written, it is not offered again this week ...
    assert_ne!(
        fixture.open_at("2026-11-24T08:00:00+01:00").mode(),
        Mode::Review
    );
    // ... but next week's is.
    fixture.write(
        date(2026, 11, 25),
        Frame::Love,
        "Lunch with the robotics club.",
    );
    assert_eq!(
        fixture.open_at("2026-11-30T08:00:00+01:00").mode(),
        Mode::Review
    );
}

#[test]
fn putting_the_review_off_is_remembered_and_w_still_opens_it() {
    let fixture = last_week_written();
    let mut app = fixture.open_at(MONDAY);
    assert_eq!(app.mode(), Mode::Review);
    app.handle_key(key(KeyCode::Esc));
    assert_ne!(app.mode(), Mode::Review);
    let screen = draw(&app, 100, 30);
    assert!(screen.contains("w opens it whenever you like"), "{screen}");
    let state = std::fs::read_to_string(fixture.paths.data.join("review.toml")).unwrap();
    assert!(state.contains("skipped_week = \"2026-11-16\""), "{state}");
    assert!(review_entries(&fixture.day(date(2026, 11, 23))).is_empty());

    // Not offered again by itself that week, even the next day ...
    let mut app = fixture.open_at("2026-11-25T08:00:00+01:00");
    assert_ne!(app.mode(), Mode::Review);
    // ... but `w` opens it from a browsing screen.
    open_review_with_w(&mut app);
    read_journal(&mut app);
    assert!(draw(&app, 100, 30).contains("looking back on 16–22 Nov"));
}

#[test]
fn a_review_put_off_on_sunday_is_the_one_w_brings_back_and_taking_it_late_counts_for_its_week() {
    // Entries 24–28 November; first opened on Sunday 6 December.
    let fixture = Fixture::new();
    for day in 24..=28 {
        fixture.write(date(2026, 11, day), Frame::Care, "Walked the halls.");
    }
    let sunday = "2026-12-06T10:00:00+01:00";
    let mut app = fixture.open_at(sunday);
    assert_eq!(app.mode(), Mode::Review);
    read_journal(&mut app);
    assert!(draw(&app, 100, 30).contains("looking back on 23–29 Nov"));
    app.handle_key(key(KeyCode::Esc));
    assert_ne!(app.mode(), Mode::Review);

    // `w` brings back the review that was put off, with its figures.
    open_review_with_w(&mut app);
    let screen = draw(&app, 100, 30);
    assert!(screen.contains("looking back on 23–29 Nov"), "{screen}");
    assert!(screen.contains("reflected on 5 of 7 days"), "{screen}");

    // Taken now, it counts for 23–29 November, so the week of Sunday itself is still
    // offered when the next week begins.
    type_text(&mut app, "Walking the halls every morning.");
    app.handle_key(ctrl('s'));
    assert_ne!(app.mode(), Mode::Review);
    fixture.write(
        date(2026, 12, 2),
        Frame::Love,
        "Lunch with the robotics club.",
    );
    let mut app = fixture.open_at("2026-12-07T08:00:00+01:00");
    assert_eq!(app.mode(), Mode::Review);
    read_journal(&mut app);
    assert!(draw(&app, 100, 30).contains("looking back on 30 Nov – 6 Dec"));
}

#[test]
fn leaving_the_review_keeps_what_was_written() {
    let fixture = last_week_written();
    let mut app = fixture.open_at(MONDAY);
    type_text(&mut app, "Walking the lunch line.");
    // Esc with an answer written saves it rather than dropping it.
    app.handle_key(key(KeyCode::Esc));
    assert_ne!(app.mode(), Mode::Review);
    assert_eq!(
        review_entries(&fixture.day(date(2026, 11, 23))),
        vec![(
            "review-01".to_string(),
            "Walking the lunch line.".to_string()
        )]
    );
    // So does quitting from inside it (Today has the answer open: Esc leaves it).
    open_review_with_w(&mut app);
    app.handle_key(key(KeyCode::Tab));
    type_text(&mut app, "Ask the student council to run an assembly.");
    app.handle_key(ctrl('c'));
    assert!(app.should_quit());
    let saved = review_entries(&fixture.day(date(2026, 11, 23)));
    assert_eq!(saved.len(), 2, "{saved:?}");
    assert_eq!(saved[1].0, "review-02");
}

#[test]
fn a_written_review_opens_again_with_its_answers_and_saving_again_edits_them_in_place() {
    let fixture = last_week_written();
    let mut app = fixture.open_at(MONDAY);
    read_journal(&mut app);
    type_text(&mut app, "Hallway check-ins.");
    app.handle_key(key(KeyCode::Tab));
    app.handle_key(key(KeyCode::Tab));
    type_text(&mut app, "Email at lunch.");
    app.handle_key(ctrl('s'));
    assert_ne!(app.mode(), Mode::Review);

    // `w` again (Today has an answer open: Esc leaves it): the same week, with what
    // was written, and a word that it is written.
    open_review_with_w(&mut app);
    let screen = draw(&app, 100, 30);
    assert!(screen.contains("looking back on 16–22 Nov"), "{screen}");
    assert!(screen.contains("Hallway check-ins."), "{screen}");
    assert!(screen.contains("✓ Email at lunch."), "{screen}");
    assert!(
        screen.contains("Your review of 16–22 Nov is written; Ctrl-S saves changes in place."),
        "{screen}"
    );
    assert!(!screen.contains("Write a few honest lines"), "{screen}");

    // Going on writing the first answer and answering the second changes the day
    // file in place: one answer per question.
    type_text(&mut app, " Every day.");
    app.handle_key(key(KeyCode::Tab));
    type_text(&mut app, "A family coffee.");
    app.handle_key(ctrl('s'));
    assert!(
        draw(&app, 100, 30).contains("Saved your weekly review (3 of 4 answered)"),
        "{}",
        draw(&app, 100, 30)
    );
    let monday = date(2026, 11, 23);
    let saved = review_entries(&fixture.day(monday));
    assert_eq!(
        saved,
        vec![
            (
                "review-01".to_string(),
                "Hallway check-ins. Every day.".to_string()
            ),
            ("review-03".to_string(), "Email at lunch.".to_string()),
            ("review-02".to_string(), "A family coffee.".to_string()),
        ]
    );

    // Opened and closed again as it was, or quit from: nothing is written twice.
    open_review_with_w(&mut app);
    app.handle_key(ctrl('s'));
    assert_ne!(app.mode(), Mode::Review);
    assert!(draw(&app, 100, 30).contains("Your review of 16–22 Nov is as it was."));
    open_review_with_w(&mut app);
    app.handle_key(ctrl('c'));
    assert!(app.should_quit());
    assert_eq!(review_entries(&fixture.day(monday)), saved);
}

#[test]
fn no_review_is_offered_for_an_empty_week_or_a_new_journal() {
    let fixture = Fixture::new();
    assert_ne!(fixture.open_at(MONDAY).mode(), Mode::Review);
    // Something two weeks ago, nothing last week: nothing to look back on.
    fixture.write(date(2026, 11, 10), Frame::Love, "A good week.");
    assert_ne!(fixture.open_at(MONDAY).mode(), Mode::Review);
}

/// `]` until Trends is on screen (from a screen that is not taking text).
fn to_trends(app: &mut App) {
    for _ in 0..10 {
        if app.screen() == Screen::Trends {
            return;
        }
        app.handle_key(key(KeyCode::Char(']')));
    }
    panic!("Trends never came on screen");
}

/// The demo journal for Wednesday 25 November 2026, read, on Trends.
fn demo_on_trends() -> (Fixture, App) {
    let fixture = Fixture::new();
    truenorth::sample::write_demo(&fixture.paths.data, date(2026, 11, 25)).unwrap();
    let mut app = fixture.open_at("2026-11-25T07:30:00+01:00");
    read_journal(&mut app);
    app.handle_key(key(KeyCode::Esc));
    to_trends(&mut app);
    (fixture, app)
}

#[test]
fn enter_on_trends_reads_the_week_under_the_cursor_on_journal() {
    let (_fixture, mut app) = demo_on_trends();
    assert_eq!(app.mode(), Mode::Trends);
    app.handle_key(key(KeyCode::Char('h')));
    app.handle_key(key(KeyCode::Left));
    app.handle_key(key(KeyCode::Right));
    app.handle_key(key(KeyCode::Enter));
    assert_eq!(app.screen(), Screen::Journal);
    let screen = draw(&app, 120, 40);
    assert!(screen.contains("The entries of 16–22 Nov"), "{screen}");
    // Only that week is listed: its newest entry first, nothing from this week.
    assert!(
        screen.contains("22 Nov") || screen.contains("21 Nov"),
        "{screen}"
    );
    assert!(!screen.contains("24 Nov"), "{screen}");
}

#[test]
fn acting_on_an_insight_answers_its_prompt_or_opens_its_commitment() {
    let (_fixture, mut app) = demo_on_trends();
    let screen = draw(&app, 160, 48);
    assert!(
        screen.contains("Little room for vulnerability lately"),
        "{screen}"
    );
    // The first insight offers a vulnerability prompt on Today, ready to write.
    app.handle_key(key(KeyCode::Char('a')));
    assert_eq!(app.screen(), Screen::Today);
    assert_eq!(app.mode(), Mode::Writing);
    let screen = draw(&app, 160, 48);
    assert!(screen.contains("Vulnerability"), "{screen}");

    // The slipping commitment opens on Commitments.
    app.handle_key(key(KeyCode::Esc));
    to_trends(&mut app);
    let selected = |app: &App| {
        draw(app, 160, 48)
            .lines()
            .any(|line| line.contains("▸") && line.contains("is slipping"))
    };
    for _ in 0..5 {
        if selected(&app) {
            break;
        }
        app.handle_key(key(KeyCode::Char('j')));
    }
    assert!(selected(&app), "{}", draw(&app, 160, 48));
    app.handle_key(key(KeyCode::Char('a')));
    assert_eq!(app.screen(), Screen::Commitments);
    let screen = draw(&app, 160, 48);
    assert!(
        screen
            .lines()
            .any(|line| line.contains("▸") && line.contains("Learn one new thing")),
        "{screen}"
    );
}
