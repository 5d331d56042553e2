//! A month of practice from the keyboard, in the real binary: create a commitment and
//! a roster on their screens, check a commitment off from Today or Commitments, log
//! connections from anywhere, and see streaks and connection goals kept.

mod common;

use std::time::Duration;

use common::{Sandbox, keys, today};

const EXIT_TIMEOUT: Duration = Duration::from_secs(10);

fn cli(sandbox: &Sandbox, args: &[&str]) {
    let output = sandbox.run_cli(args);
    assert!(
        output.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Moves from screen `from` to screen `to` with `]`, counting the steps from the
/// order of the screens in the header, so adding a screen does not break the test.
fn go(app: &mut common::Session, from: &str, to: &str) {
    let screen = app.wait_for(to);
    let header = screen.lines().next().unwrap_or_default();
    let names: Vec<&str> = header.split('│').collect();
    let at = |name: &str| {
        names
            .iter()
            .position(|part| part.split_whitespace().any(|word| word == name))
            .unwrap_or_else(|| panic!("no {name} in the header: {header}"))
    };
    let steps = (at(to) + names.len() - at(from)) % names.len();
    app.send(&"]".repeat(steps));
}

#[test]
fn a_commitment_is_checked_off_and_a_connection_logged_from_the_keyboard() {
    let sandbox = Sandbox::new();
    cli(
        &sandbox,
        &[
            "commit",
            "add",
            "Learn one new thing about three students",
            "--cadence",
            "daily",
        ],
    );
    cli(
        &sandbox,
        &["people", "add", "Maya Lopez", "--group", "Grade 7"],
    );

    let mut app = sandbox.launch().size(100, 30).spawn();
    app.wait_for("True north");
    app.esc();
    app.send("c");
    app.wait_for("Check off a commitment");
    app.send(keys::ENTER);
    app.wait_for("Checked off “Learn one new thing about three students” today.");

    app.send("\x0c"); // Ctrl-L
    app.wait_for("Log a connection with");
    app.send("maya");
    app.send(keys::ENTER);
    app.wait_for("What did you learn about Maya Lopez?");
    app.send("Building a robot for the science fair");
    app.send(keys::ENTER);
    app.wait_for("Logged a connection with Maya Lopez.");

    go(&mut app, "Today", "People");
    app.wait_for_all(&["Maya Lopez", "Building a robot for the science fair"]);
    go(&mut app, "People", "Commitments");
    app.wait_for_all(&["[x] Learn one new thing", "streak 1 day"]);
    app.send("q");
    app.wait_exit(EXIT_TIMEOUT);

    let day = std::fs::read_to_string(sandbox.day_file(today())).expect("today's file");
    assert!(day.contains("[[checkin]]"), "{day}");
    assert!(day.contains("[[connection]]"), "{day}");
    assert!(
        day.contains("Building a robot for the science fair"),
        "{day}"
    );
}

#[test]
fn a_commitment_is_created_in_the_tui_checked_off_and_its_streak_shown() {
    let sandbox = Sandbox::new();
    let mut app = sandbox.launch().size(100, 30).spawn();
    app.wait_for("True north");
    app.esc();
    go(&mut app, "Today", "Commitments");
    app.wait_for("No commitments yet");

    app.send("a");
    app.wait_for("New commitment");
    app.send(keys::ENTER);
    app.wait_for("a commitment needs a title");
    app.send("Greet three students by name");
    app.send(keys::TAB);
    app.send("Every student known by name");
    app.send(keys::TAB);
    app.send("l"); // the dimension: Love
    app.send(keys::ENTER);
    app.wait_for("Added “Greet three students by name”, daily. Space checks it off.");
    app.wait_for_all(&["[ ] Greet three students by name", "streak 0 days"]);

    app.send(" ");
    app.wait_for("Checked off “Greet three students by name” today.");
    app.wait_for_all(&[
        "[x] Greet three students by name",
        "streak 1 day",
        "(best 1 day)",
    ]);

    // One Esc never drops what was typed in a form.
    app.send("e");
    app.wait_for("Edit commitment");
    app.send("!");
    app.esc();
    app.wait_for("Esc again leaves without them");
    app.esc();
    app.wait_for("Closed the form; nothing was changed.");

    app.send("q");
    app.wait_exit(EXIT_TIMEOUT);
    let saved = std::fs::read_to_string(sandbox.data().join("commitments.toml")).unwrap();
    assert!(
        saved.contains("title = \"Greet three students by name\""),
        "{saved}"
    );
    assert!(
        saved.contains("why = \"Every student known by name\""),
        "{saved}"
    );
    assert!(saved.contains("dimension = \"love\""), "{saved}");
    let day = std::fs::read_to_string(sandbox.day_file(today())).expect("today's file");
    assert!(
        day.contains("commitment = \"greet-three-students-by-name\""),
        "{day}"
    );
}

#[test]
fn people_added_in_the_tui_keep_a_commitment_by_their_connections() {
    let sandbox = Sandbox::new();
    let mut app = sandbox.launch().size(100, 30).spawn();
    app.wait_for("True north");
    app.esc();
    go(&mut app, "Today", "People");
    app.wait_for("Your roster is empty");
    for name in ["Maya Lopez", "Sam Ortiz"] {
        app.send("a");
        app.wait_for("Add someone to your roster");
        app.send(name);
        app.send(keys::TAB);
        app.send("Grade 7");
        app.send(keys::ENTER);
        app.wait_for(&format!("Added {name} (Grade 7)."));
    }
    app.send("a");
    app.wait_for("Add someone to your roster");
    app.send("Ms Diaz");
    app.send(keys::TAB);
    app.send("Science");
    app.send(keys::TAB);
    app.send("s"); // the role: staff
    app.send(keys::ENTER);
    app.wait_for("Added Ms Diaz (Science).");

    app.send("t");
    app.wait_for("Narrow to a group");
    app.send("grade");
    app.send(keys::ENTER);
    app.wait_for_all(&["(2 people · group Grade 7)", "Maya Lopez (Grade 7)"]);
    assert!(!app.screen().contains("Ms Diaz (Science)"));

    go(&mut app, "People", "Commitments");
    app.wait_for("No commitments yet");
    app.send("a");
    app.wait_for("New commitment");
    app.send("Connect with two students in Grade 7");
    // Round the ends: Shift-Tab three times from the title is "Connections a day".
    app.send(&keys::SHIFT_TAB.repeat(3));
    app.send("2");
    app.send(keys::TAB);
    app.send("Grade 7");
    app.send(keys::TAB);
    app.send("s"); // the role: student
    app.send(keys::ENTER);
    app.wait_for("Added “Connect with two students in Grade 7”");
    app.wait_for_all(&["[ ] Connect with two students", "streak 0 days"]);

    // A connection with a colleague does not count; two students in Grade 7 do.
    for (who, note) in [
        ("diaz", "Planning the robot fair"),
        ("maya", "Building a robot for the science fair"),
        ("sam", "Wants to run the school radio"),
    ] {
        app.send("\x0c"); // Ctrl-L
        app.wait_for("Log a connection with");
        app.send(who);
        app.send(keys::ENTER);
        app.wait_for("What did you learn about");
        app.send(note);
        app.send(keys::ENTER);
        app.wait_for("Logged a connection with");
    }
    app.wait_for_all(&["[x] Connect with two students", "streak 1 day"]);
    app.send("q");
    app.wait_exit(EXIT_TIMEOUT);

    let day = std::fs::read_to_string(sandbox.day_file(today())).expect("today's file");
    assert_eq!(day.matches("[[connection]]").count(), 3, "{day}");
    assert!(
        !day.contains("[[checkin]]"),
        "kept by the notes alone: {day}"
    );
}

#[test]
fn a_commitment_due_today_is_checked_off_from_today_with_space() {
    let sandbox = Sandbox::new();
    cli(
        &sandbox,
        &[
            "commit",
            "add",
            "Greet three students by name",
            "--cadence",
            "daily",
        ],
    );
    let mut app = sandbox.launch().size(100, 30).spawn();
    app.wait_for_all(&["Practising today", "[ ] Greet three students by name"]);
    // Shift-Tab from the first answer goes round to the list of commitments.
    app.send(keys::SHIFT_TAB);
    app.wait_for("▸ [ ] Greet three students by name");
    app.send(" ");
    app.wait_for("Checked off “Greet three students by name” today.");
    app.wait_for_all(&[
        "▸ [x] Greet three students by name",
        "streak 1 day",
        "1 of 1 done",
    ]);
    // Space again takes today's check-off back; a third time checks it again.
    app.send(" ");
    app.wait_for("Took back today's check-off of “Greet three students by name”.");
    app.wait_for("▸ [ ] Greet three students by name");
    app.send(" ");
    app.wait_for("▸ [x] Greet three students by name");
    app.send("q");
    app.wait_exit(EXIT_TIMEOUT);

    let day = std::fs::read_to_string(sandbox.day_file(today())).expect("today's file");
    assert_eq!(day.matches("[[checkin]]").count(), 1, "{day}");
    assert!(
        day.contains("commitment = \"greet-three-students-by-name\""),
        "{day}"
    );
}

#[test]
fn a_check_off_with_a_note_is_taken_back_from_today_only_after_asking() {
    let sandbox = Sandbox::new();
    cli(
        &sandbox,
        &["commit", "add", "Visit a classroom", "--cadence", "daily"],
    );
    cli(
        &sandbox,
        &[
            "commit",
            "check",
            "visit",
            "--note",
            "6B: fractions with paper strips",
        ],
    );
    let mut app = sandbox.launch().size(100, 30).spawn();
    app.wait_for("[x] Visit a classroom");
    app.send(keys::SHIFT_TAB);
    app.wait_for("▸ [x] Visit a classroom");
    app.send(" ");
    app.wait_for("Take back today's check-off of “Visit a classroom”?");
    app.send("n");
    app.wait_for("▸ [x] Visit a classroom");
    let day = std::fs::read_to_string(sandbox.day_file(today())).expect("today's file");
    assert!(
        day.contains("6B: fractions with paper strips"),
        "kept: {day}"
    );
    app.send(" ");
    app.wait_for("note goes with it");
    app.send("y");
    app.wait_for("Took back today's check-off of “Visit a classroom”.");
    app.wait_for("▸ [ ] Visit a classroom");
    app.send("q");
    app.wait_exit(EXIT_TIMEOUT);
    let day = std::fs::read_to_string(sandbox.day_file(today())).unwrap_or_default();
    assert!(!day.contains("[[checkin]]"), "taken back: {day}");
}

#[test]
fn ctrl_c_with_a_form_open_keeps_the_text_for_the_next_start() {
    let sandbox = Sandbox::new();
    let mut app = sandbox.launch().size(100, 30).spawn();
    app.wait_for("True north");
    app.esc();
    go(&mut app, "Today", "Commitments");
    app.wait_for("No commitments yet");
    app.send("a");
    app.wait_for("New commitment");
    app.send("Ask a student group what to keep, start and stop");
    app.send(keys::CTRL_C);
    app.wait_exit(EXIT_TIMEOUT);
    assert!(
        !sandbox.data().join("commitments.toml").exists(),
        "nothing is saved unasked"
    );

    let mut app = sandbox.launch().size(100, 30).spawn();
    app.wait_for_all(&[
        "Your unfinished commitment form is back.",
        "Ask a student group what to keep, start and stop",
    ]);
    app.send(keys::ENTER);
    app.wait_for("Added “Ask a student group what to keep, start and stop”");
    app.send("q");
    app.wait_exit(EXIT_TIMEOUT);
    let saved = std::fs::read_to_string(sandbox.data().join("commitments.toml")).unwrap();
    assert!(
        saved.contains("title = \"Ask a student group what to keep, start and stop\""),
        "{saved}"
    );
    assert!(
        !sandbox.drafts_file().exists(),
        "a saved form leaves no draft"
    );
}

#[test]
fn a_connection_note_logged_by_mistake_is_taken_back_on_people() {
    let sandbox = Sandbox::new();
    cli(
        &sandbox,
        &["people", "add", "Maya Lopez", "--group", "Grade 7"],
    );
    cli(
        &sandbox,
        &[
            "people",
            "log",
            "maya",
            "Building a robot for the science fair",
        ],
    );
    cli(
        &sandbox,
        &["people", "log", "maya", "Meant for Mia: loves chess"],
    );
    let mut app = sandbox.launch().size(100, 30).spawn();
    app.wait_for("True north");
    app.esc();
    go(&mut app, "Today", "People");
    app.wait_for_all(&["Meant for Mia: loves chess", "Tab chooses"]);

    app.send(keys::TAB);
    app.wait_for("1 of 2 · d takes it back");
    app.send("d");
    app.wait_for("Take back the connection with Maya Lopez (Grade 7)");
    app.send("n");
    app.wait_for_absent("Are you sure?");
    app.send("d");
    app.wait_for("Are you sure?");
    app.send("y");
    app.wait_for("Took back the connection with Maya Lopez (Grade 7) for today");
    app.wait_for("1 of 1 · d takes it back");
    app.send("q");
    app.wait_exit(EXIT_TIMEOUT);

    let day = std::fs::read_to_string(sandbox.day_file(today())).expect("today's file");
    assert!(!day.contains("Meant for Mia"), "taken back: {day}");
    assert!(
        day.contains("Building a robot for the science fair"),
        "the other stays: {day}"
    );
}
