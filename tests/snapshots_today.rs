//! The Today screen as a person sees it, at the sizes people use, drawn into ratatui's
//! `TestBackend` and compared with reviewed snapshots (`cargo insta review`).

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use truenorth::clock::FixedClock;
use truenorth::store::Paths;
use truenorth::ui::app::App;

const MORNING: &str = "2026-11-25T07:30:00+01:00";

struct Fixture {
    _dir: tempfile::TempDir,
    paths: Paths,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let paths = Paths {
        data: dir.path().join("data"),
        config: dir.path().join("config"),
    };
    Fixture { _dir: dir, paths }
}

fn open(fixture: &Fixture) -> App {
    App::open(&fixture.paths, Box::new(FixedClock::at(MORNING))).unwrap()
}

fn draw(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| app.render(frame)).unwrap();
    terminal.backend().to_string()
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

#[test]
fn first_open_80x24() {
    let fixture = fixture();
    insta::assert_snapshot!(draw(&open(&fixture), 80, 24));
}

#[test]
fn first_open_120x40() {
    let fixture = fixture();
    insta::assert_snapshot!(draw(&open(&fixture), 120, 40));
}

#[test]
fn written_rated_and_saved_80x24() {
    let fixture = fixture();
    let mut app = open(&fixture);
    type_text(
        &mut app,
        "Asked Maya about her robot — she lit up. #students 🎉",
    );
    app.handle_key(key(KeyCode::Tab));
    type_text(&mut app, "Because of Mr. Ito, who saw me before I did.");
    app.handle_key(key(KeyCode::Tab));
    app.handle_key(key(KeyCode::Char('4')));
    app.handle_key(key(KeyCode::Tab));
    app.handle_key(key(KeyCode::Char('3')));
    app.handle_key(ctrl('s'));
    insta::assert_snapshot!(draw(&app, 80, 24));
}

#[test]
fn unsaved_text_120x40() {
    let fixture = fixture();
    let mut app = open(&fixture);
    type_text(
        &mut app,
        "Still thinking about this one…\nSecond line, 先生.",
    );
    insta::assert_snapshot!(draw(&app, 120, 40));
}

/// Three commitments due on the fixture's Wednesday: one daily, checked off today and
/// yesterday; one three times a week, checked on Monday; one kept by connection notes
/// with students, one of three logged today. A paused one is not due.
fn with_commitments_due(fixture: &Fixture) {
    use chrono::{DateTime, NaiveDate};
    use truenorth::domain::Frame;
    use truenorth::domain::commitment::{Cadence, Commitment, ConnectionGoal};
    use truenorth::domain::person::Role;
    use truenorth::store::commitments::{CommitmentStore, Moment, check_in};
    use truenorth::store::people::{PeopleStore, log_connection};

    let day = |d: u32| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    let at = |d: u32| {
        Moment::at(DateTime::parse_from_rfc3339(&format!("2026-11-{d}T07:40:00+01:00")).unwrap())
    };
    let store = CommitmentStore::open(&fixture.paths.data);
    let mut added = Vec::new();
    for (id, title, frame, cadence) in [
        (
            "greet",
            "Greet three students by name at the door",
            Frame::Love,
            Cadence::Daily,
        ),
        (
            "visit",
            "Visit two classrooms and leave a note",
            Frame::Care,
            Cadence::PerWeek(3),
        ),
        (
            "connect",
            "Learn something new about three students",
            Frame::Love,
            Cadence::Daily,
        ),
        (
            "share",
            "Share a mistake at the staff meeting",
            Frame::Vulnerability,
            Cadence::Daily,
        ),
    ] {
        let mut commitment = Commitment::new(id.into(), title.into(), frame, cadence);
        commitment.start = Some(day(2));
        if id == "connect" {
            commitment.counts_connections = Some(ConnectionGoal {
                per_day: 3,
                group: None,
                role: Some(Role::Student),
            });
        }
        if id == "share" {
            commitment.pause(day(20));
        }
        added.push(store.add(commitment).unwrap());
    }
    let journal = truenorth::store::Journal::open(&fixture.paths.data).unwrap();
    check_in(&journal, &added[0], day(24), at(24), None).unwrap();
    check_in(&journal, &added[0], day(25), at(25), None).unwrap();
    check_in(&journal, &added[1], day(23), at(23), None).unwrap();
    let maya = PeopleStore::open(&fixture.paths.data)
        .add("Maya Lopez", Some("Grade 7"), Role::Student)
        .unwrap();
    log_connection(
        &journal,
        &maya,
        day(25),
        at(25),
        "Building a robot for the fair",
    )
    .unwrap();
}

#[test]
fn commitments_due_120x40() {
    let fixture = fixture();
    with_commitments_due(&fixture);
    insta::assert_snapshot!(draw(&open(&fixture), 120, 40));
}

#[test]
fn commitments_due_focused_80x24() {
    let fixture = fixture();
    with_commitments_due(&fixture);
    let mut app = open(&fixture);
    let folded = draw(&app, 80, 24);
    assert!(
        folded.contains("Practising: 1 of 3 done · c to check off"),
        "no room for the list beside two answers: {folded}"
    );
    // Shift-Tab from the first answer goes round to the list.
    app.handle_key(KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT));
    insta::assert_snapshot!(draw(&app, 80, 24));
}

#[test]
fn space_and_enter_on_the_list_check_off_and_take_back() {
    let fixture = fixture();
    with_commitments_due(&fixture);
    let mut app = open(&fixture);
    app.handle_key(KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT));
    app.handle_key(key(KeyCode::Char(' ')));
    assert_eq!(
        app.notice().unwrap().text,
        "Took back today's check-off of “Greet three students by name at the door”."
    );
    assert!(draw(&app, 80, 24).contains("[ ] Greet three students"));
    app.handle_key(key(KeyCode::Down));
    app.handle_key(key(KeyCode::Enter));
    assert!(draw(&app, 80, 24).contains("A note as you check off “Visit two classrooms"));
    type_text(&mut app, "6B: fractions with paper strips");
    app.handle_key(key(KeyCode::Enter));
    assert_eq!(
        app.notice().unwrap().text,
        "Checked off “Visit two classrooms and leave a note” today, with your note."
    );
    let screen = draw(&app, 80, 24);
    assert!(screen.contains("[x] Visit two classrooms"), "{screen}");
    assert!(screen.contains("2 of 3 this week"), "{screen}");
    let day =
        std::fs::read_to_string(fixture.paths.data.join("journal/2026/2026-11-25.toml")).unwrap();
    assert!(day.contains("6B: fractions with paper strips"), "{day}");
    assert!(!day.contains("commitment = \"greet\""), "taken back: {day}");

    // A check-off with a note is taken back only when the leader says yes.
    app.handle_key(key(KeyCode::Char(' ')));
    let screen = draw(&app, 80, 24);
    assert!(
        screen.contains("Take back today's check-off of “Visit two classrooms"),
        "{screen}"
    );
    app.handle_key(key(KeyCode::Char('n')));
    let path = fixture.paths.data.join("journal/2026/2026-11-25.toml");
    let day = std::fs::read_to_string(&path).unwrap();
    assert!(
        day.contains("6B: fractions with paper strips"),
        "kept: {day}"
    );
    assert!(draw(&app, 80, 24).contains("[x] Visit two classrooms"));
    app.handle_key(key(KeyCode::Char(' ')));
    app.handle_key(key(KeyCode::Char('y')));
    assert_eq!(
        app.notice().unwrap().text,
        "Took back today's check-off of “Visit two classrooms and leave a note”."
    );
    let day = std::fs::read_to_string(&path).unwrap();
    assert!(!day.contains("6B: fractions"), "taken back: {day}");
}

#[test]
fn taking_back_a_check_off_with_a_note_asks_first_80x24() {
    let fixture = fixture();
    with_commitments_due(&fixture);
    let mut app = open(&fixture);
    app.handle_key(KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT));
    app.handle_key(key(KeyCode::Down));
    app.handle_key(key(KeyCode::Enter));
    type_text(
        &mut app,
        "6B: fractions with paper strips, and a long thought after it",
    );
    app.handle_key(key(KeyCode::Enter));
    app.handle_key(key(KeyCode::Char(' ')));
    insta::assert_snapshot!(draw(&app, 80, 24));
}

#[test]
fn help_overlay_80x24() {
    let fixture = fixture();
    let mut app = open(&fixture);
    app.handle_key(key(KeyCode::Esc));
    app.handle_key(key(KeyCode::Char('?')));
    insta::assert_snapshot!(draw(&app, 80, 24));
}

#[test]
fn too_small_asks_to_enlarge() {
    let fixture = fixture();
    let screen = draw(&open(&fixture), 50, 12);
    assert!(
        screen.contains("enlarge the terminal to at least 60x18"),
        "{screen}"
    );
    assert!(screen.contains("It is 50x12 now."), "{screen}");
}

#[test]
fn a_malformed_day_file_is_named_on_screen_and_left_alone() {
    let fixture = fixture();
    let path = fixture.paths.data.join("journal/2026/2026-11-25.toml");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let broken = "version = 1\ndate = \"2026-11-25\"\nenergy = \n";
    std::fs::write(&path, broken).unwrap();

    let mut app = open(&fixture);
    type_text(&mut app, "words worth keeping");
    app.handle_key(ctrl('s'));
    let screen = draw(&app, 100, 24);
    assert!(
        screen.contains("journal/2026/2026-11-25.toml:3:"),
        "{screen}"
    );
    assert!(screen.contains("Not saved"), "{screen}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), broken);
    let drafts = std::fs::read_to_string(fixture.paths.data.join("drafts.toml")).unwrap();
    assert!(drafts.contains("words worth keeping"));
}

/// Types `]` `n` times from Today (leaving the text area first, and putting off the
/// weekly review a journal with last week's entries offers on opening).
fn go_to_screen(app: &mut App, n: usize) {
    app.handle_key(key(KeyCode::Esc));
    app.handle_key(key(KeyCode::Esc));
    for _ in 0..n {
        app.handle_key(key(KeyCode::Char(']')));
    }
}

#[test]
fn packs_screen_with_a_running_pack_100x30() {
    let fixture = fixture();
    let store = truenorth::store::PackStore::open(&fixture.paths.data);
    let start = chrono::NaiveDate::from_ymd_opt(2026, 11, 17).unwrap();
    store.start_builtin("courage-6-weeks", start).unwrap();
    let mut app = open(&fixture);
    go_to_screen(&mut app, 1);
    for _ in 0..10 {
        if app.screen() == truenorth::ui::app::Screen::Packs {
            break;
        }
        app.handle_key(key(KeyCode::Char(']')));
    }
    assert_eq!(app.screen(), truenorth::ui::app::Screen::Packs);
    insta::assert_snapshot!(draw(&app, 100, 30));
}

#[test]
fn journal_screen_searching_100x30() {
    let fixture = fixture();
    let journal = truenorth::store::Journal::open(&fixture.paths.data).unwrap();
    let yesterday = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    truenorth::sample::write_sample(
        &journal,
        yesterday,
        truenorth::sample::SampleSize {
            days: 20,
            reflect_percent: 90,
            words_per_entry: 30,
        },
        3,
    )
    .unwrap();
    let mut app = open(&fixture);
    app.scan_now();
    go_to_screen(&mut app, 1);
    app.handle_key(key(KeyCode::Char('/')));
    type_text(&mut app, "robot");
    insta::assert_snapshot!(draw(&app, 100, 30));
}

#[test]
fn a_tag_renamed_from_the_journal_screen_changes_every_day_file() {
    let fixture = fixture();
    let journal = truenorth::store::Journal::open(&fixture.paths.data).unwrap();
    let created = chrono::DateTime::parse_from_rfc3339("2026-11-20T08:00:00+01:00").unwrap();
    for (day, text) in [(20, "Staff meeting went long #staff"), (21, "#Staff lunch")] {
        let date = chrono::NaiveDate::from_ymd_opt(2026, 11, day).unwrap();
        journal
            .update_day(date, |d| {
                d.entries
                    .push(truenorth::domain::Entry::new(created, 0, text.to_string()))
            })
            .unwrap();
    }
    let mut app = open(&fixture);
    app.scan_now();
    go_to_screen(&mut app, 1);
    app.handle_key(key(KeyCode::Char('R')));
    app.handle_key(key(KeyCode::Enter));
    type_text(&mut app, "team");
    let screen = draw(&app, 100, 30);
    assert!(screen.contains("Rename #staff in every entry"), "{screen}");
    app.handle_key(key(KeyCode::Enter));

    let notice = app.notice().expect("the rename is reported");
    assert_eq!(
        notice.text,
        "Renamed #staff to #team in 2 entries on 2 days."
    );
    for day in [20, 21] {
        let date = chrono::NaiveDate::from_ymd_opt(2026, 11, day).unwrap();
        let text = std::fs::read_to_string(journal.day_path(date)).unwrap();
        assert!(text.contains("#team") && !text.contains("#staff") && !text.contains("#Staff"));
    }
}

/// The `c` picker and the Practising list agree on what is due: a weekly one whose
/// day has not come and one with today as a planned skip are not "due"; one whose
/// week back-filling filled is still listed, ticked, when it was checked today.
#[test]
fn the_check_picker_and_the_list_use_one_due_rule() {
    use chrono::{DateTime, NaiveDate};
    use truenorth::domain::Frame;
    use truenorth::domain::commitment::{Cadence, Commitment};
    use truenorth::store::commitments::{CommitmentStore, Moment, check_in};

    let fixture = fixture();
    let day = |d: u32| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    let at = |d: u32| {
        Moment::at(DateTime::parse_from_rfc3339(&format!("2026-11-{d}T07:40:00+01:00")).unwrap())
    };
    let store = CommitmentStore::open(&fixture.paths.data);
    let mut added = Vec::new();
    for (id, title, cadence) in [
        ("walk", "Walk the halls", Cadence::Daily),
        (
            "friday",
            "Friday staff note",
            Cadence::WeeklyOn(chrono::Weekday::Fri),
        ),
        ("rest", "Read with a class", Cadence::Daily),
        ("visit", "Visit classrooms", Cadence::PerWeek(3)),
    ] {
        let mut commitment = Commitment::new(id.into(), title.into(), Frame::Care, cadence);
        commitment.start = Some(day(2));
        if id == "rest" {
            commitment.skip(day(25));
        }
        added.push(store.add(commitment).unwrap());
    }
    let journal = truenorth::store::Journal::open(&fixture.paths.data).unwrap();
    // Checked today, then Monday and Tuesday back-filled: the week has its three.
    check_in(&journal, &added[3], day(25), at(25), None).unwrap();
    check_in(&journal, &added[3], day(23), at(25), None).unwrap();
    check_in(&journal, &added[3], day(24), at(25), None).unwrap();

    let mut app = open(&fixture);
    app.handle_key(key(KeyCode::Esc));
    let screen = draw(&app, 100, 30);
    assert!(screen.contains("[ ] Walk the halls"), "{screen}");
    assert!(
        screen.contains("[x] Visit classrooms"),
        "still listed: {screen}"
    );
    assert!(!screen.contains("Friday staff note"), "{screen}");
    assert!(!screen.contains("Read with a class"), "{screen}");

    app.handle_key(key(KeyCode::Char('c')));
    insta::assert_snapshot!(draw(&app, 100, 30));
}

#[test]
fn help_on_journal_opens_on_journal_keys_100x40() {
    let fixture = fixture();
    let mut app = open(&fixture);
    go_to_screen(&mut app, 1);
    app.handle_key(key(KeyCode::Char('?')));
    let screen = draw(&app, 100, 40);
    for wanted in [
        "On Journal",
        "undo delete",
        "shared/private",
        "clear search and filters",
        "rename a tag",
    ] {
        assert!(screen.contains(wanted), "{wanted} missing:\n{screen}");
    }
    insta::assert_snapshot!(screen);
}

#[test]
fn f1_while_searching_the_journal_opens_the_search_keys_and_esc_goes_back() {
    let fixture = fixture();
    let mut app = open(&fixture);
    app.scan_now();
    go_to_screen(&mut app, 1);
    app.handle_key(key(KeyCode::Char('/')));
    type_text(&mut app, "rob");
    app.handle_key(key(KeyCode::F(1)));
    let screen = draw(&app, 100, 30);
    assert!(screen.contains("While searching the journal"), "{screen}");
    app.handle_key(key(KeyCode::Esc));
    let screen = draw(&app, 100, 30);
    assert!(!screen.contains("While searching the journal"), "{screen}");
    assert_eq!(app.mode(), truenorth::ui::keymap::Mode::JournalSearch);
}

/// The app over a journal of sample entries, loaded.
fn open_with_entries(fixture: &Fixture) -> App {
    let journal = truenorth::store::Journal::open(&fixture.paths.data).unwrap();
    let yesterday = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let size = truenorth::sample::SampleSize {
        days: 20,
        reflect_percent: 90,
        words_per_entry: 30,
    };
    truenorth::sample::write_sample(&journal, yesterday, size, 3).unwrap();
    let mut app = open(fixture);
    app.scan_now();
    app
}

#[test]
fn the_tag_picker_has_its_own_footer_and_shows_counts() {
    let fixture = fixture();
    let mut app = open_with_entries(&fixture);
    go_to_screen(&mut app, 1);
    app.handle_key(key(KeyCode::Char('t')));
    let screen = draw(&app, 100, 30);
    let footer = screen.lines().last().unwrap();
    assert!(footer.contains("Enter choose"), "{footer}");
    assert!(footer.contains("Esc close"), "{footer}");
    assert!(!footer.contains("answer it"), "{footer}");
    assert!(!footer.contains("frame"), "{footer}");
    assert!(
        screen.contains(" entries") || screen.contains(" entry"),
        "{screen}"
    );
    assert!(!screen.contains("tags   "), "{screen}");
}

#[test]
fn the_journal_narrows_to_a_pack_and_clears_again() {
    let fixture = fixture();
    let mut app = open_with_entries(&fixture);
    go_to_screen(&mut app, 1);
    app.handle_key(key(KeyCode::Char('P')));
    let picker = draw(&app, 100, 30);
    assert!(picker.contains("Narrow to a pack"), "{picker}");
    assert!(picker.contains(" entries"), "{picker}");
    app.handle_key(key(KeyCode::Enter));
    let narrowed = draw(&app, 100, 30);
    assert!(narrowed.contains("pack "), "{narrowed}");
    app.handle_key(key(KeyCode::Char('c')));
    let cleared = draw(&app, 100, 30);
    assert!(!cleared.contains("pack daily"), "{cleared}");
}

#[test]
fn home_end_and_g_jump_through_the_journal_and_ctrl_u_clears_the_search() {
    let fixture = fixture();
    let mut app = open_with_entries(&fixture);
    go_to_screen(&mut app, 1);
    let newest = draw(&app, 100, 30);
    app.handle_key(key(KeyCode::End));
    let oldest = draw(&app, 100, 30);
    assert_ne!(newest, oldest, "End moves to the oldest entry");
    app.handle_key(key(KeyCode::Home));
    assert_eq!(draw(&app, 100, 30), newest, "Home comes back to the newest");
    app.handle_key(key(KeyCode::Char('G')));
    assert_eq!(draw(&app, 100, 30), oldest, "G is the oldest too");

    app.handle_key(key(KeyCode::Char('/')));
    type_text(&mut app, "robot");
    assert!(draw(&app, 100, 30).contains("robot"));
    app.handle_key(ctrl('u'));
    let cleared = draw(&app, 100, 30);
    assert!(!cleared.contains("/ robot"), "{cleared}");
    assert_eq!(app.mode(), truenorth::ui::keymap::Mode::JournalSearch);
}

/// Journal with its first entry marked private (`p`), at `width` x `height`.
fn journal_with_a_private_entry(width: u16, height: u16) -> String {
    let fixture = fixture();
    let mut app = open_with_entries(&fixture);
    go_to_screen(&mut app, 1);
    app.handle_key(key(KeyCode::Char('p')));
    draw(&app, width, height)
}

#[test]
fn journal_private_mark_fits_80x24() {
    let screen = journal_with_a_private_entry(80, 24);
    assert!(screen.contains("▸ Tue 24 Nov 2026 private"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn journal_private_mark_fits_100x30() {
    let screen = journal_with_a_private_entry(100, 30);
    assert!(screen.contains("▸ Tue 24 Nov 2026 private"), "{screen}");
    insta::assert_snapshot!(screen);
}

/// Journal's calendar (`h`) at `width` x `height`.
fn journal_calendar(width: u16, height: u16) -> String {
    let fixture = fixture();
    let mut app = open_with_entries(&fixture);
    go_to_screen(&mut app, 1);
    app.handle_key(key(KeyCode::Char('h')));
    draw(&app, width, height)
}

#[test]
fn journal_calendar_fits_80x24() {
    let screen = journal_calendar(80, 24);
    assert!(screen.contains("2026 (May–Dec)"), "{screen}");
    assert!(screen.contains("Tue 24 Nov"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn journal_calendar_fits_100x30() {
    let screen = journal_calendar(100, 30);
    assert!(screen.contains("Tue 24 Nov"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn a_date_error_goes_once_a_later_date_is_found() {
    let fixture = fixture();
    let mut app = open_with_entries(&fixture);
    go_to_screen(&mut app, 1);
    app.handle_key(key(KeyCode::Char('g')));
    type_text(&mut app, "notadate");
    app.handle_key(key(KeyCode::Enter));
    let error = app.notice().map(|notice| notice.text.clone());
    assert!(error.is_some(), "a date that cannot be read is said");
    // Moving through the list leaves the message.
    app.handle_key(key(KeyCode::Char('j')));
    assert_eq!(app.notice().map(|notice| notice.text.clone()), error);
    app.handle_key(key(KeyCode::Char('g')));
    type_text(&mut app, "2026-11-20");
    app.handle_key(key(KeyCode::Enter));
    let screen = draw(&app, 100, 30);
    assert!(app.notice().is_none(), "{screen}");
    assert!(screen.contains("▸ Fri 20 Nov 2026"), "{screen}");
}

#[test]
fn nothing_matching_names_only_what_is_in_force() {
    let fixture = fixture();
    let mut app = open_with_entries(&fixture);
    go_to_screen(&mut app, 1);
    // Private only: the sample has no private entries.
    app.handle_key(key(KeyCode::Char('v')));
    app.handle_key(key(KeyCode::Char('v')));
    let screen = draw(&app, 100, 30);
    assert!(
        screen.contains("Nothing matches. c clears filters."),
        "{screen}"
    );
    app.handle_key(key(KeyCode::Char('c')));
    app.handle_key(key(KeyCode::Char('/')));
    type_text(&mut app, "zzzzqqq");
    let screen = draw(&app, 100, 30);
    assert!(
        screen.contains("Nothing matches. Esc clears the "),
        "{screen}"
    );
    assert!(!screen.contains("c clears filters"), "{screen}");
    app.handle_key(key(KeyCode::Enter));
    let screen = draw(&app, 100, 30);
    assert!(
        screen.contains("Nothing matches. c clears the search."),
        "{screen}"
    );
}

/// A coach's pack with one prompt of each measured kind, every day.
const MEASURED_PACK: &str = include_str!("fixtures/measured-pack.toml");

/// Today with the measured pack running, and the focus moved by Tab from the first
/// answer to the number prompt (after the two daily prompts), as a person would.
fn on_the_number_prompt(fixture: &Fixture) -> App {
    let store = truenorth::store::PackStore::open(&fixture.paths.data);
    let start = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    store
        .add("measured-week.toml", MEASURED_PACK, start)
        .unwrap();
    let mut app = open(fixture);
    app.handle_key(key(KeyCode::Esc));
    app.handle_key(key(KeyCode::Tab));
    app.handle_key(key(KeyCode::Tab));
    app
}

/// The measured prompts' entries in the fixture's day file: (prompt id, value, text).
fn measured_entries(fixture: &Fixture) -> Vec<(String, Option<toml::Value>, String)> {
    let path = fixture.paths.data.join("journal/2026/2026-11-25.toml");
    let day: toml::Table = std::fs::read_to_string(&path).unwrap().parse().unwrap();
    day["entry"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|entry| entry.get("pack").and_then(|p| p.as_str()) == Some("measured-week"))
        .map(|entry| {
            (
                entry["prompt"].as_str().unwrap().to_string(),
                entry.get("value").cloned(),
                entry["text"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

#[test]
fn measured_answers_take_digits_y_n_and_arrows_from_the_keys_and_are_saved() {
    use truenorth::ui::keymap::Mode;
    let fixture = fixture();
    let mut app = on_the_number_prompt(&fixture);
    assert_eq!(
        app.mode(),
        Mode::Answer,
        "on a number prompt, keys are the answer"
    );
    let screen = draw(&app, 100, 40);
    assert!(screen.contains("How many classrooms"), "{screen}");
    assert!(
        screen.contains("write a note"),
        "the footer has the answer's keys: {screen}"
    );

    // The number: digits build it, → and + step up, ← steps down.
    type_text(&mut app, "12");
    app.handle_key(key(KeyCode::Backspace));
    app.handle_key(key(KeyCode::Char('7')));
    assert!(draw(&app, 100, 40).contains("Answer: 17"));
    app.handle_key(key(KeyCode::Backspace));
    app.handle_key(key(KeyCode::Backspace));
    app.handle_key(key(KeyCode::Char('7')));
    app.handle_key(key(KeyCode::Right));
    app.handle_key(key(KeyCode::Char('+')));
    assert!(draw(&app, 100, 40).contains("Answer: 9"));
    app.handle_key(key(KeyCode::Left));
    app.handle_key(key(KeyCode::Char('-')));
    assert!(draw(&app, 100, 40).contains("Answer: 7"));

    // Yes or no.
    app.handle_key(key(KeyCode::Tab));
    assert_eq!(app.mode(), Mode::Answer);
    app.handle_key(key(KeyCode::Char('n')));
    assert!(draw(&app, 100, 40).contains("[no]"));
    app.handle_key(key(KeyCode::Char('y')));
    assert!(draw(&app, 100, 40).contains("[yes]"));

    // The scale: a digit in range picks a point; one outside it is ignored.
    app.handle_key(key(KeyCode::Tab));
    app.handle_key(key(KeyCode::Char('9')));
    assert!(draw(&app, 100, 40).contains("○○○○○ –"));
    app.handle_key(key(KeyCode::Char('4')));
    app.handle_key(key(KeyCode::Right));
    assert!(draw(&app, 100, 40).contains("●●●●● 5"));
    app.handle_key(key(KeyCode::Left));
    assert!(draw(&app, 100, 40).contains("●●●●○ 4"));

    // F1 opens the help on the answer's keys.
    app.handle_key(key(KeyCode::F(1)));
    let help = draw(&app, 100, 40);
    assert!(
        help.contains("On a scale, number or yes/no answer"),
        "{help}"
    );
    assert!(help.contains("type the answer"), "{help}");
    app.handle_key(key(KeyCode::Esc));
    assert_eq!(app.mode(), Mode::Answer);

    // Enter starts a note: now digits are text, and the value stays.
    app.handle_key(key(KeyCode::Enter));
    assert_eq!(app.mode(), Mode::Writing);
    type_text(&mut app, "Calm after 4 weeks");
    app.handle_key(key(KeyCode::Esc));
    assert_eq!(app.mode(), Mode::Answer);
    let screen = draw(&app, 100, 40);
    assert!(screen.contains("Calm after 4 weeks"), "{screen}");
    assert!(screen.contains("●●●●○ 4"), "{screen}");

    app.handle_key(ctrl('s'));
    assert!(draw(&app, 100, 40).contains("Saved at"));
    let int = |n| Some(toml::Value::Integer(n));
    assert_eq!(
        measured_entries(&fixture),
        vec![
            ("visits".to_string(), int(7), String::new()),
            (
                "family-call".to_string(),
                Some(toml::Value::Boolean(true)),
                String::new()
            ),
            ("calm".to_string(), int(4), "Calm after 4 weeks".to_string()),
        ]
    );

    // Opened again (this window gone, as after quitting), the answers are there and
    // saved.
    drop(app);
    let app = open(&fixture);
    let screen = draw(&app, 100, 40);
    for shown in ["Answer: 7", "[yes]", "●●●●○ 4"] {
        assert!(screen.contains(shown), "{shown}: {screen}");
    }
    assert!(!screen.contains("unsaved"), "{screen}");
}

#[test]
fn an_unsaved_measured_answer_comes_back_from_the_draft() {
    let fixture = fixture();
    let mut app = on_the_number_prompt(&fixture);
    app.handle_key(key(KeyCode::Char('5')));
    app.handle_key(key(KeyCode::Tab));
    app.handle_key(key(KeyCode::Char('n')));
    app.flush_drafts();
    drop(app);

    let app = open(&fixture);
    let screen = draw(&app, 100, 40);
    assert!(screen.contains("Answer: 5"), "{screen}");
    assert!(screen.contains("[no]"), "{screen}");
    assert!(screen.contains("unsaved"), "{screen}");
}

#[test]
fn a_focused_measured_prompt_80x24() {
    let fixture = fixture();
    let mut app = on_the_number_prompt(&fixture);
    app.handle_key(key(KeyCode::Tab));
    app.handle_key(key(KeyCode::Tab));
    app.handle_key(key(KeyCode::Char('4')));
    insta::assert_snapshot!(draw(&app, 80, 24));
}
