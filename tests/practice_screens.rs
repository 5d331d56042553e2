//! Adding, editing and putting away commitments and people from their screens, driven
//! key by key through the app, with reviewed snapshots of the forms (`TestBackend`
//! and `insta`; `cargo insta review`).

mod common;

use chrono::DateTime;
use common::screen::{ctrl, draw, press, type_text};
use crossterm::event::{KeyCode, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use truenorth::clock::{Clock, FixedClock};
use truenorth::domain::Frame;
use truenorth::domain::commitment::{Cadence, Commitment, CommitmentState, ConnectionGoal};
use truenorth::domain::person::{Person, Role};
use truenorth::store::commitments::Moment;
use truenorth::store::people::{log_connection, remove_connection};
use truenorth::store::{CommitmentStore, Journal, Paths, PeopleStore};
use truenorth::ui::app::{App, Screen};
use truenorth::ui::keymap::Mode;

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

impl Fixture {
    fn commitments(&self) -> CommitmentStore {
        CommitmentStore::open(&self.paths.data)
    }

    fn people(&self) -> PeopleStore {
        PeopleStore::open(&self.paths.data)
    }

    fn open_on(&self, screen: Screen) -> App {
        let mut app = App::open(&self.paths, Box::new(FixedClock::at(MORNING))).unwrap();
        press(&mut app, KeyCode::Esc);
        for _ in 0..10 {
            if app.screen() == screen {
                return app;
            }
            press(&mut app, KeyCode::Char(']'));
        }
        panic!("never reached {screen:?}");
    }
}

/// Moves the focus `n` fields on with Tab.
fn tab(app: &mut App, n: usize) {
    for _ in 0..n {
        press(app, KeyCode::Tab);
    }
}

fn status(app: &App) -> String {
    app.notice().map(|n| n.text.clone()).unwrap_or_default()
}

#[test]
fn new_commitment_form_with_a_problem_100x30() {
    let fixture = fixture();
    let mut app = fixture.open_on(Screen::Commitments);
    press(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "Greet three students by name at the door");
    tab(&mut app, 3);
    ctrl(&mut app, 'u');
    type_text(&mut app, "fortnightly");
    press(&mut app, KeyCode::Enter);
    insta::assert_snapshot!(draw(&app, 100, 30));
    assert!(
        !fixture.commitments().path().exists(),
        "nothing is written while the form has a problem"
    );
}

#[test]
fn editing_a_commitment_kept_by_connections_100x30() {
    let fixture = fixture();
    let mut kept = Commitment::new(
        "connect-with-students".into(),
        "Connect with three students".into(),
        Frame::Love,
        Cadence::Daily,
    );
    kept.why = "Every student known well by an adult".into();
    kept.start = Some(chrono::NaiveDate::from_ymd_opt(2026, 11, 2).unwrap());
    kept.psel = vec![5];
    kept.counts_connections = Some(ConnectionGoal {
        per_day: 3,
        group: Some("Grade 7".into()),
        role: Some(Role::Student),
    });
    fixture.commitments().add(kept).unwrap();
    fixture
        .people()
        .add("Maya Lopez", Some("Grade 7"), Role::Student)
        .unwrap();
    let mut app = fixture.open_on(Screen::Commitments);
    press(&mut app, KeyCode::Char('e'));
    tab(&mut app, 7);
    insta::assert_snapshot!(draw(&app, 100, 30));
}

#[test]
fn the_form_saves_a_group_no_one_is_in_and_says_which_was_probably_meant() {
    let fixture = fixture();
    let mut kept = Commitment::new(
        "connect".into(),
        "Connect".into(),
        Frame::Love,
        Cadence::Daily,
    );
    kept.start = Some(chrono::NaiveDate::from_ymd_opt(2026, 11, 2).unwrap());
    kept.counts_connections = Some(ConnectionGoal {
        per_day: 1,
        group: Some("Grade 7".into()),
        role: None,
    });
    fixture.commitments().add(kept).unwrap();
    fixture
        .people()
        .add("Maya Lopez", Some("Grade 7"), Role::Student)
        .unwrap();
    let mut app = fixture.open_on(Screen::Commitments);
    press(&mut app, KeyCode::Char('e'));
    tab(&mut app, 8);
    ctrl(&mut app, 'u');
    type_text(&mut app, "grade-7");
    ctrl(&mut app, 's');
    assert_eq!(
        status(&app),
        "Saved your changes to “Connect”. But no one on the roster is in the group \
         `grade-7`; did you mean `Grade 7`? (the groups are: Grade 7)."
    );
    let saved = fixture.commitments().load().unwrap();
    let goal = saved[0].counts_connections.as_ref().unwrap();
    assert_eq!(goal.group.as_deref(), Some("grade-7"), "saved all the same");
}

#[test]
fn a_name_ending_in_a_period_ends_the_sentence_once() {
    let fixture = fixture();
    fixture
        .people()
        .add("Maya R.", None, Role::Student)
        .unwrap();
    let mut app = fixture.open_on(Screen::People);
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "robot club");
    press(&mut app, KeyCode::Enter);
    assert_eq!(status(&app), "Logged a connection with Maya R.");
}

#[test]
fn a_commitment_added_from_the_form_is_saved_and_listed_100x30() {
    let fixture = fixture();
    let mut app = fixture.open_on(Screen::Commitments);
    press(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "Share something of myself at the staff meeting");
    tab(&mut app, 1);
    type_text(&mut app, "Staff see that it is safe to be a learner");
    tab(&mut app, 1);
    type_text(&mut app, "v");
    tab(&mut app, 1);
    ctrl(&mut app, 'u');
    type_text(&mut app, "weekly on mon");
    tab(&mut app, 2);
    type_text(&mut app, "2027-06-18");
    tab(&mut app, 1);
    type_text(&mut app, "6, 7");
    ctrl(&mut app, 's');
    assert_eq!(
        status(&app),
        "Added “Share something of myself at the staff meeting”, weekly on mon. Space checks it off."
    );
    let saved = fixture.commitments().load().unwrap();
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].id, "share-something-of-myself-at-the-staff");
    assert_eq!(saved[0].dimension, Frame::Vulnerability);
    assert_eq!(saved[0].psel, vec![6, 7]);
    assert_eq!(
        saved[0].end.map(|d| d.to_string()).as_deref(),
        Some("2027-06-18")
    );
    insta::assert_snapshot!(draw(&app, 100, 30));
}

#[test]
fn an_edit_keeps_the_id_and_history_and_esc_asks_before_dropping_changes() {
    let fixture = fixture();
    let mut walk = Commitment::new("walk".into(), "Walk".into(), Frame::Care, Cadence::Daily);
    walk.skips = vec![chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()];
    fixture.commitments().add(walk).unwrap();
    let mut app = fixture.open_on(Screen::Commitments);

    press(&mut app, KeyCode::Char('e'));
    type_text(&mut app, " the halls");
    press(&mut app, KeyCode::Esc);
    assert!(
        draw(&app, 100, 30).contains("Esc again leaves without them"),
        "the first Esc only warns"
    );
    press(&mut app, KeyCode::Esc);
    assert_eq!(status(&app), "Closed the form; nothing was changed.");
    assert_eq!(fixture.commitments().load().unwrap()[0].title, "Walk");
    let written = std::fs::metadata(fixture.commitments().path())
        .unwrap()
        .modified()
        .unwrap();
    press(&mut app, KeyCode::Char('e'));
    press(&mut app, KeyCode::Enter);
    assert_eq!(status(&app), "Nothing changed.");
    let after = std::fs::metadata(fixture.commitments().path())
        .unwrap()
        .modified()
        .unwrap();
    assert_eq!(written, after, "an unchanged form writes nothing");

    press(&mut app, KeyCode::Char('e'));
    type_text(&mut app, " the halls at lunch");
    tab(&mut app, 3);
    ctrl(&mut app, 'u');
    type_text(&mut app, "3 per week");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        status(&app),
        "Saved your changes to “Walk the halls at lunch”."
    );
    let saved = fixture.commitments().load().unwrap();
    assert_eq!(saved[0].id, "walk", "check-ins refer to the id");
    assert_eq!(saved[0].cadence, Cadence::PerWeek(3));
    assert_eq!(saved[0].skips.len(), 1, "planned days off are kept");
}

#[test]
fn archive_and_done_ask_first_and_no_keeps_everything() {
    let fixture = fixture();
    for title in ["Walk", "Read"] {
        let id = title.to_lowercase();
        let c = Commitment::new(id, title.into(), Frame::Care, Cadence::Daily);
        fixture.commitments().add(c).unwrap();
    }
    let mut app = fixture.open_on(Screen::Commitments);
    press(&mut app, KeyCode::Char('x'));
    assert!(draw(&app, 100, 30).contains("Archive “Walk”?"));
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(
        fixture.commitments().load().unwrap()[0].state,
        CommitmentState::Active
    );
    press(&mut app, KeyCode::Char('x'));
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(
        fixture.commitments().load().unwrap()[0].state,
        CommitmentState::Archived
    );
    assert_eq!(
        status(&app),
        "Archived “Walk”. Its check-ins stay in your journal."
    );
    assert!(
        !draw(&app, 100, 30).contains("] Walk"),
        "archived: off the list"
    );

    press(&mut app, KeyCode::Char('d'));
    press(&mut app, KeyCode::Char('y'));
    let read = &fixture.commitments().load().unwrap()[1];
    assert_eq!(read.state, CommitmentState::Done);
    assert_eq!(
        read.end.map(|d| d.to_string()).as_deref(),
        Some("2026-11-25")
    );
}

#[test]
fn people_form_80x24() {
    let fixture = fixture();
    fixture
        .people()
        .add("Maya Lopez", Some("Grade 7"), Role::Student)
        .unwrap();
    let mut app = fixture.open_on(Screen::People);
    press(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "maya  lopez");
    tab(&mut app, 1);
    type_text(&mut app, "grade 7");
    press(&mut app, KeyCode::Enter);
    insta::assert_snapshot!(draw(&app, 80, 24));
    assert_eq!(
        fixture.people().load().unwrap().len(),
        1,
        "a twin is refused"
    );
}

#[test]
fn adding_someone_archived_points_to_bringing_them_back_80x24() {
    let fixture = fixture();
    let people = fixture.people();
    let maya = people
        .add("Maya Lopez", Some("Grade 7"), Role::Student)
        .unwrap();
    people.modify(&maya.id, |p| p.archived = true).unwrap();
    let mut app = fixture.open_on(Screen::People);
    press(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "Maya Lopez");
    tab(&mut app, 1);
    type_text(&mut app, "Grade 7");
    press(&mut app, KeyCode::Enter);
    insta::assert_snapshot!(draw(&app, 80, 24));
    assert_eq!(fixture.people().load().unwrap().len(), 1, "not added twice");
}

#[test]
fn people_are_added_edited_and_archived_from_the_people_screen() {
    let fixture = fixture();
    let mut app = fixture.open_on(Screen::People);
    press(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "Ms Diaz");
    tab(&mut app, 1);
    type_text(&mut app, "Science");
    tab(&mut app, 1);
    type_text(&mut app, "s"); // student -> staff
    tab(&mut app, 1);
    type_text(&mut app, "Leads the robotics club");
    press(&mut app, KeyCode::Enter);
    assert_eq!(status(&app), "Added Ms Diaz (Science).");
    let roster = fixture.people().load().unwrap();
    assert_eq!(roster[0].role, Role::Staff);
    assert_eq!(roster[0].note, "Leads the robotics club");

    press(&mut app, KeyCode::Char('e'));
    ctrl(&mut app, 'u');
    type_text(&mut app, "R. Diaz");
    press(&mut app, KeyCode::Enter);
    let roster = fixture.people().load().unwrap();
    assert_eq!(
        (roster[0].id.as_str(), roster[0].name.as_str()),
        ("ms-diaz", "R. Diaz")
    );
    assert!(draw(&app, 100, 30).contains("R. Diaz (Science)"));

    press(&mut app, KeyCode::Char('x'));
    assert!(draw(&app, 100, 30).contains("Archive R. Diaz (Science)?"));
    press(&mut app, KeyCode::Char('y'));
    assert!(fixture.people().load().unwrap()[0].archived);
    let screen = draw(&app, 100, 30);
    assert!(
        screen.contains("No one current here."),
        "off the list: {screen}"
    );
    assert!(screen.contains("A shows 1 archived"), "{screen}");

    // A shows the archived too; u brings the selected one back.
    press(&mut app, KeyCode::Char('A'));
    let screen = draw(&app, 100, 30);
    assert!(screen.contains("R. Diaz (Science)"), "{screen}");
    assert!(screen.contains("archived: u brings them back"), "{screen}");
    assert!(screen.contains("A hides archived"), "{screen}");
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(
        status(&app),
        "Brought back R. Diaz (Science): on the list and in the picker again."
    );
    assert!(!fixture.people().load().unwrap()[0].archived);
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(status(&app), "R. Diaz (Science) is not archived.");
    press(&mut app, KeyCode::Char('A'));
    assert!(
        draw(&app, 100, 30).contains("R. Diaz (Science)"),
        "current again"
    );
}

#[test]
fn someone_archived_is_not_brought_back_beside_their_double() {
    let fixture = fixture();
    let people = fixture.people();
    let first = people.add("Mr Diaz", Some("Maths"), Role::Staff).unwrap();
    people.modify(&first.id, |p| p.archived = true).unwrap();
    // Added again before adding was refused: now one archived, one current.
    people.add("Mr Diaz", Some("Maths"), Role::Staff).unwrap();
    let mut app = fixture.open_on(Screen::People);
    press(&mut app, KeyCode::Char('A'));
    press(&mut app, KeyCode::Char('u'));
    if status(&app).contains("is not archived") {
        press(&mut app, KeyCode::Char('j'));
        press(&mut app, KeyCode::Char('u'));
    }
    assert_eq!(
        status(&app),
        "Not brought back: Mr Diaz (Maths) cannot be brought back while Mr Diaz (Maths) \
         (as mr-diaz-2) is on the roster: the two could not be told apart. Edit one of \
         them first, e.g. add a distinguishing initial or change the group."
    );
    let roster = fixture.people().load().unwrap();
    assert_eq!(roster.iter().filter(|p| !p.archived).count(), 1);
}

#[test]
fn archived_commitments_are_shown_on_request_and_brought_back() {
    let fixture = fixture();
    for title in ["Walk", "Read"] {
        let mut c = Commitment::new(
            title.to_lowercase(),
            title.into(),
            Frame::Care,
            Cadence::Daily,
        );
        c.start = Some(chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap());
        fixture.commitments().add(c).unwrap();
    }
    fixture
        .commitments()
        .modify("walk", |c| {
            c.change_state(CommitmentState::Archived, c.start.unwrap())
        })
        .unwrap();
    let mut app = fixture.open_on(Screen::Commitments);
    let screen = draw(&app, 100, 30);
    assert!(!screen.contains("Walk"), "{screen}");
    assert!(screen.contains("A shows 1 archived"), "{screen}");

    press(&mut app, KeyCode::Char('A'));
    assert_eq!(
        status(&app),
        "Showing archived commitments too; u brings the selected one back."
    );
    press(&mut app, KeyCode::Char('k'));
    let screen = draw(&app, 100, 30);
    assert!(screen.contains("archived · daily"), "{screen}");
    assert!(
        screen.contains("Archived: off your lists and Today."),
        "{screen}"
    );
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(
        status(&app),
        "Brought back “Walk”: it is active again and on Today when due."
    );
    assert_eq!(
        fixture.commitments().load().unwrap()[0].state,
        CommitmentState::Active
    );
    press(&mut app, KeyCode::Char('A'));
    let screen = draw(&app, 100, 30);
    assert!(
        screen.contains("[ ] Walk"),
        "listed and due again: {screen}"
    );
    assert!(!screen.contains("archived"), "{screen}");
}

#[test]
fn a_finished_commitment_brought_back_is_due_again() {
    let fixture = fixture();
    let day = |d| chrono::NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    let mut c = Commitment::new("walk".into(), "Walk".into(), Frame::Care, Cadence::Daily);
    c.start = Some(day(2));
    fixture.commitments().add(c).unwrap();
    // Marked done on the 20th (which made the 20th its last day), then archived.
    fixture
        .commitments()
        .modify("walk", |c| {
            c.change_state(CommitmentState::Done, day(20));
            c.change_state(CommitmentState::Archived, day(21));
        })
        .unwrap();
    let mut app = fixture.open_on(Screen::Commitments);
    press(&mut app, KeyCode::Char('A'));
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(
        status(&app),
        "Brought back “Walk”: it is active again and on Today when due."
    );
    let walk = &fixture.commitments().load().unwrap()[0];
    assert_eq!((walk.state, walk.end), (CommitmentState::Active, None));
    press(&mut app, KeyCode::Char('A'));
    let screen = draw(&app, 100, 30);
    assert!(screen.contains("[ ] Walk"), "due again: {screen}");
}

#[test]
fn u_brings_back_a_commitment_marked_done_without_archiving_it() {
    let fixture = fixture();
    let day = |d| chrono::NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    for (id, title) in [("walk", "Walk"), ("read", "Read")] {
        let mut c = Commitment::new(id.into(), title.into(), Frame::Care, Cadence::Daily);
        c.start = Some(day(2));
        fixture.commitments().add(c).unwrap();
    }
    fixture
        .commitments()
        .modify("walk", |c| c.change_state(CommitmentState::Done, day(20)))
        .unwrap();
    let mut app = fixture.open_on(Screen::Commitments);
    let screen = draw(&app, 100, 30);
    assert!(screen.contains("▸ ·  Walk"), "selected: {screen}");
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(status(&app), "“Read” is active, not done or archived.");
    press(&mut app, KeyCode::Char('k'));
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(
        status(&app),
        "Brought back “Walk”: it is active again and on Today when due."
    );
    let walk = &fixture.commitments().load().unwrap()[0];
    assert_eq!((walk.state, walk.end), (CommitmentState::Active, None));
}

#[test]
fn a_commitment_brought_back_after_its_planned_end_says_so() {
    let fixture = fixture();
    let day = |d| chrono::NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    let mut c = Commitment::new("walk".into(), "Walk".into(), Frame::Care, Cadence::Daily);
    c.start = Some(day(2));
    c.end = Some(day(15));
    c.state = CommitmentState::Archived;
    fixture.commitments().add(c).unwrap();
    let mut app = fixture.open_on(Screen::Commitments);
    press(&mut app, KeyCode::Char('A'));
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(
        status(&app),
        "Brought back “Walk”, but its end date (15 Nov 2026) has passed, so it is not \
         due again; e edits it to set a new end."
    );
}

#[test]
fn quitting_with_a_form_open_keeps_its_text_for_next_time() {
    let fixture = fixture();
    let mut app = fixture.open_on(Screen::Commitments);
    press(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "Greet three students by name");
    tab(&mut app, 2);
    type_text(&mut app, "v"); // the dimension: Vulnerability
    ctrl(&mut app, 'c');
    assert!(app.should_quit());
    // What the event loop does on the way out.
    app.flush_drafts();
    // Only one window writes a journal: this one closes, as the process would.
    drop(app);
    assert!(
        !fixture.commitments().path().exists(),
        "nothing saved unasked"
    );

    let mut again = App::open(&fixture.paths, Box::new(FixedClock::at(MORNING))).unwrap();
    assert_eq!(again.screen(), Screen::Commitments);
    assert_eq!(
        status(&again),
        "Your unfinished commitment form is back. Enter saves it; Esc twice drops it."
    );
    let screen = draw(&again, 100, 30);
    assert!(screen.contains("Greet three students by name"), "{screen}");
    press(&mut again, KeyCode::Enter);
    let saved = fixture.commitments().load().unwrap();
    assert_eq!(saved[0].title, "Greet three students by name");
    assert_eq!(saved[0].dimension, Frame::Vulnerability);
    again.flush_drafts();
    drop(again);
    let reopened = App::open(&fixture.paths, Box::new(FixedClock::at(MORNING))).unwrap();
    assert_eq!(reopened.screen(), Screen::Today, "a saved form is not kept");
}

#[test]
fn person_picker_80x24() {
    let fixture = fixture();
    let people = fixture.people();
    people.add("Sam Lee", Some("5C"), Role::Student).unwrap();
    people.add("Sam Ortiz", Some("5B"), Role::Student).unwrap();
    people.add("Dana Park", None, Role::Family).unwrap();
    people.add("Ms Diaz", Some("Science"), Role::Staff).unwrap();
    let mut app = fixture.open_on(Screen::Today);
    ctrl(&mut app, 'l');
    let screen = draw(&app, 80, 24);
    let footer = screen.lines().last().unwrap();
    assert!(footer.contains("Enter log a connection"), "{footer}");
    assert!(footer.contains("Tab narrow to a group"), "{footer}");
    assert!(!footer.contains("frame"), "{footer}");
    // No group is a blank column, never the role.
    let dana = screen
        .lines()
        .find(|line| line.contains("Dana Park"))
        .unwrap();
    assert!(dana.contains("│           Dana Park"), "{dana}");
    insta::assert_snapshot!(screen);

    // Tab walks the groups in order, roles are not groups: 5B, 5C, Science, all.
    press(&mut app, KeyCode::Tab);
    assert!(draw(&app, 80, 24).contains("showing: 5B"));
    press(&mut app, KeyCode::Tab);
    assert!(draw(&app, 80, 24).contains("showing: 5C"));
    press(&mut app, KeyCode::Tab);
    assert!(draw(&app, 80, 24).contains("showing: Science"));
    press(&mut app, KeyCode::Tab);
    assert!(draw(&app, 80, 24).contains("showing: all"));

    // A name and a group, as `people log "sam 5c"` takes them.
    type_text(&mut app, "sam 5c");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "asked about the science fair");
    press(&mut app, KeyCode::Enter);
    assert_eq!(status(&app), "Logged a connection with Sam Lee.");

    // The group picker on People: each group with how many are in it.
    let mut app = fixture.open_on(Screen::People);
    press(&mut app, KeyCode::Char('t'));
    let screen = draw(&app, 80, 24);
    let row = |name: &str| {
        screen
            .lines()
            .find(|line| line.contains(name))
            .unwrap_or_else(|| panic!("{name}:\n{screen}"))
            .to_string()
    };
    assert!(row("everyone").contains("everyone  4 people"), "{screen}");
    assert!(row("5B").contains("5B  1 person"), "{screen}");
    assert!(!screen.contains("groups "), "{screen}");
    let footer = screen.lines().last().unwrap();
    assert!(footer.contains("Enter choose"), "{footer}");
}

/// Maya Lopez (Grade 7) with notes logged at these times of today (and yesterday,
/// with `-`), in this order.
fn maya_with_notes(fixture: &Fixture, notes: &[(&str, &str)]) -> Person {
    let maya = fixture
        .people()
        .add("Maya Lopez", Some("Grade 7"), Role::Student)
        .unwrap();
    let journal = Journal::open(&fixture.paths.data).unwrap();
    for (time, note) in notes {
        let (days_back, time) = match time.strip_prefix('-') {
            Some(time) => (1, time),
            None => (0, *time),
        };
        let now = DateTime::parse_from_rfc3339(&format!("2026-11-25T{time}:00+01:00")).unwrap();
        let date = now.date_naive() - chrono::Days::new(days_back);
        let moment = Moment {
            now: now - chrono::Duration::days(days_back as i64),
            today: now.date_naive(),
        };
        log_connection(&journal, &maya, date, moment, note).unwrap();
    }
    maya
}

/// The connection notes in the day file `days_back` days before today.
fn notes_on_file(fixture: &Fixture, days_back: u64) -> Vec<String> {
    let date = FixedClock::at(MORNING).now().date_naive() - chrono::Days::new(days_back);
    Journal::open(&fixture.paths.data)
        .unwrap()
        .load_day(date)
        .unwrap()
        .map(|day| day.connections.into_iter().map(|c| c.note).collect())
        .unwrap_or_default()
}

/// People at 100x30, checked to say Maya was last connected with `since` and the
/// 7-day share is `share`.
fn people_figures(app: &App, since: &str, share: &str) -> String {
    let screen = draw(app, 100, 30);
    let maya = screen
        .lines()
        .find(|line| line.contains("▸ Maya Lopez"))
        .unwrap_or_else(|| panic!("Maya is not selected:\n{screen}"));
    assert!(maya.contains(&format!("{since}││")), "{screen}");
    let header = format!("Connected with {share} in the last 7 days");
    assert!(screen.contains(&header), "{screen}");
    screen
}

#[test]
fn a_connection_note_is_chosen_and_taken_back_after_asking() {
    let fixture = fixture();
    maya_with_notes(
        &fixture,
        &[
            ("-16:00", "Asked about the chess club"),
            ("07:00", "Building a robot for the science fair"),
            ("07:10", "Wants to read more graphic novels"),
        ],
    );
    let mut app = fixture.open_on(Screen::People);
    let screen = people_figures(&app, "today", "100%");
    assert!(
        screen.contains("d takes back the newest · Tab chooses"),
        "{screen}"
    );

    // Tab chooses among the notes, newest first; j and k move the choice.
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.mode(), Mode::PeopleNotes);
    let screen = draw(&app, 100, 30);
    assert!(screen.contains("│ ▸ Wed 25 Nov 2026 · 07:10"), "{screen}");
    assert!(screen.contains("1 of 3 · d takes it back"), "{screen}");
    let footer = screen.lines().last().unwrap();
    assert!(footer.contains("d take back this note"), "{footer}");
    assert!(footer.contains("Esc back to the list"), "{footer}");
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('j'));
    let screen = draw(&app, 100, 30);
    assert!(screen.contains("▸ Tue 24 Nov 2026 · 16:00"), "{screen}");
    press(&mut app, KeyCode::Char('k'));

    // d asks first; n keeps the note.
    press(&mut app, KeyCode::Char('d'));
    let screen = draw(&app, 100, 30);
    assert!(
        screen.contains("Take back the connection with Maya Lopez (Grade 7)"),
        "{screen}"
    );
    assert!(screen.contains("logged today at 07:00?"), "{screen}");
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.mode(), Mode::PeopleNotes, "the choice stays");
    assert_eq!(notes_on_file(&fixture, 0).len(), 2, "nothing taken back");

    // y takes it back from the day's file; the rest stay.
    press(&mut app, KeyCode::Char('d'));
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(
        status(&app),
        "Took back the connection with Maya Lopez (Grade 7) for today: “Building a robot \
         for the science fair”."
    );
    assert_eq!(
        notes_on_file(&fixture, 0),
        ["Wants to read more graphic novels"]
    );
    assert_eq!(notes_on_file(&fixture, 1), ["Asked about the chess club"]);
    let screen = draw(&app, 100, 30);
    assert!(!screen.contains("│   Building a robot"), "{screen}");
    // The choice moves on to the next older note.
    assert!(screen.contains("▸ Tue 24 Nov 2026 · 16:00"), "{screen}");
    assert!(screen.contains("2 of 2 · d takes it back"), "{screen}");

    // Back on the list, d takes back the newest, after asking, and the figures follow.
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::People);
    press(&mut app, KeyCode::Char('d'));
    assert!(draw(&app, 100, 30).contains("logged today at 07:10?"));
    press(&mut app, KeyCode::Char('y'));
    assert!(notes_on_file(&fixture, 0).is_empty());
    people_figures(&app, "yesterday", "100%");
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('d'));
    press(&mut app, KeyCode::Char('y'));
    assert!(notes_on_file(&fixture, 1).is_empty());
    let screen = people_figures(&app, "never", "0%");
    assert!(screen.contains("No connection notes yet."), "{screen}");
    assert_eq!(app.mode(), Mode::People, "no note left to choose");
    press(&mut app, KeyCode::Char('d'));
    assert_eq!(
        status(&app),
        "No connection notes about Maya Lopez (Grade 7) yet; Enter logs one."
    );
}

#[test]
fn a_note_gone_from_its_day_meanwhile_is_not_taken_back_twice() {
    let fixture = fixture();
    let maya = maya_with_notes(
        &fixture,
        &[
            ("07:00", "Building a robot for the science fair"),
            ("07:10", "Building a robot for the science fair"),
        ],
    );
    let mut app = fixture.open_on(Screen::People);
    press(&mut app, KeyCode::Char('d'));
    // Meanwhile the shell takes the same note back (`people unlog --index 2`).
    let journal = Journal::open(&fixture.paths.data).unwrap();
    let today = FixedClock::at(MORNING).now().date_naive();
    let newest = journal.load_day(today).unwrap().unwrap().connections[1].clone();
    assert_eq!(newest.person, maya.id);
    assert!(remove_connection(&journal, today, &newest).unwrap());
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(
        status(&app),
        "Not taken back: the note was no longer in today's file (changed meanwhile?); \
         nothing changed."
    );
    assert_eq!(notes_on_file(&fixture, 0).len(), 1, "the other one stays");
    let screen = draw(&app, 100, 30);
    assert!(
        screen.contains("1 of 1 · d takes it back"),
        "as on disk now: {screen}"
    );
}

#[test]
fn choosing_a_note_80x24() {
    let fixture = fixture();
    maya_with_notes(
        &fixture,
        &[
            (
                "-08:05",
                "Said hello at the gate; first week back after the flu",
            ),
            (
                "-12:20",
                "Lunch with the robotics team: she explained the gear ratios",
            ),
            (
                "-15:30",
                "Asked about the chess club; she plays with her grandfather on Sundays",
            ),
            (
                "06:40",
                "Building a robot for the science fair with two friends from 7B",
            ),
            ("07:00", "Mixed her up with Mia: this one was about Mia"),
            ("07:10", "Wants to read more graphic novels"),
        ],
    );
    let mut app = fixture.open_on(Screen::People);
    press(&mut app, KeyCode::Tab);
    for _ in 0..5 {
        press(&mut app, KeyCode::Down);
    }
    // The oldest note is below the panel's end: the timeline scrolls to it.
    let screen = draw(&app, 80, 24);
    assert!(screen.contains("▸ Tue 24 Nov 2026 · 08:05"), "{screen}");
    assert!(!screen.contains("student · Grade 7"), "scrolled: {screen}");
    insta::assert_snapshot!(screen);
    for _ in 0..4 {
        press(&mut app, KeyCode::Up);
    }
    press(&mut app, KeyCode::Char('d'));
    insta::assert_snapshot!("choosing_a_note_80x24_asked", draw(&app, 80, 24));

    // A click on a note chooses it; a click on the list goes back to it.
    press(&mut app, KeyCode::Char('n'));
    press(&mut app, KeyCode::Esc);
    let screen = draw(&app, 80, 24);
    let row = screen
        .lines()
        .position(|line| line.contains("two friends from 7B"))
        .unwrap();
    let area = ratatui::layout::Rect::new(0, 0, 80, 24);
    let click = |app: &mut App, column: u16, row: usize| {
        app.handle_mouse(
            MouseEvent {
                kind: MouseEventKind::Down(MouseButton::Left),
                column,
                row: row as u16,
                modifiers: KeyModifiers::NONE,
            },
            area,
        )
    };
    click(&mut app, 50, row);
    assert_eq!(app.mode(), Mode::PeopleNotes);
    assert!(draw(&app, 80, 24).contains("3 of 6 · d takes it back"));
    click(&mut app, 10, 3);
    assert_eq!(app.mode(), Mode::People);
}
