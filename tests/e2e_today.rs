//! End-to-end tests of the Today screen: the real binary in a pseudo-terminal, driven
//! by keys, checked by what the screen shows and what lands on disk.

mod common;

use std::time::Duration;

use common::{LEAVE_ALTERNATE_SCREEN, Sandbox, keys, today};

const EXIT_TIMEOUT: Duration = Duration::from_secs(10);

/// The malformed day file from the brief: a rating out of range on line 4.
const MALFORMED_RELATIVE: &str = "journal/2026/2026-11-20.toml";
const MALFORMED: &[u8] = b"version = 1\ndate = \"2026-11-20\"\n[ratings]\nenergy = 9\n";

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle)
}

fn read_toml(path: &std::path::Path) -> toml::Table {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()));
    text.parse()
        .unwrap_or_else(|error| panic!("{} is not TOML: {error}\n{text}", path.display()))
}

#[test]
fn an_answer_and_a_rating_are_saved_to_the_day_file_and_shown_again_on_the_next_start() {
    let sandbox = Sandbox::new();
    let date = today();
    let answer = "Élodie's café talk — merci 🌱, ça va";

    let mut app = sandbox.start();
    // The header names today's local date, e.g. "Wednesday 25 November 2026".
    app.wait_for(&common::header_date(date));
    app.wait_for("True north");
    // The first answer box has the cursor: typing goes straight in.
    app.send(answer);
    app.wait_for(answer);
    app.send(keys::TAB); // the True north answer
    app.send(keys::TAB); // Energy
    app.send("4");
    // Four dots on Energy; Outlook untouched.
    app.wait_for_all(&["Energy ●●●●○ 4/5", "Outlook ○○○○○ –/5"]);
    app.send(keys::CTRL_S);
    let relative = common::day_file_relative(date);
    app.wait_for_all(&["Saved at ", &format!(" to {relative}"), "saved ✓"]);
    // On a rating, not writing: q quits.
    app.send("q");
    let status = app.wait_exit(EXIT_TIMEOUT);
    assert!(status.success(), "q should exit cleanly, got {status}");
    assert!(contains(&app.raw_output(), LEAVE_ALTERNATE_SCREEN));

    let day = read_toml(&sandbox.day_file(date));
    assert_eq!(day["ratings"]["energy"].as_integer(), Some(4), "{day:#?}");
    assert!(
        day["ratings"].get("outlook").is_none(),
        "outlook was never set: {day:#?}"
    );
    let entries = day["entry"].as_array().expect("[[entry]] tables");
    assert_eq!(entries.len(), 1, "only one answer was written: {day:#?}");
    assert_eq!(entries[0]["text"].as_str(), Some(answer));
    assert!(
        !std::fs::read_to_string(sandbox.drafts_file()).is_ok_and(|drafts| drafts.contains(answer)),
        "a saved answer must not linger as a draft"
    );

    let app = sandbox.start();
    let screen = app.wait_for_all(&[answer, "Energy ●●●●○ 4/5", "saved ✓"]);
    assert!(
        !screen.contains("restored"),
        "a saved answer is not a restored draft:\n{screen}"
    );
}

#[test]
fn a_malformed_day_file_is_reported_and_left_byte_for_byte_untouched() {
    let sandbox = Sandbox::new();
    let path = sandbox.write(MALFORMED_RELATIVE, MALFORMED);

    let mut app = sandbox.start();
    app.wait_for("True north");
    // Names the file and the line of the bad rating.
    app.wait_for("⚠ Not loaded, left untouched (`truenorth doctor` lists all)");
    app.wait_for(&format!("{MALFORMED_RELATIVE}:4:"));
    // Save something today, so the app writes to the journal while the bad file sits
    // there.
    app.send("A good day");
    app.send(keys::CTRL_S);
    app.wait_for("Saved at");
    app.send(keys::CTRL_C);
    assert!(app.wait_exit(EXIT_TIMEOUT).success());

    assert_eq!(
        std::fs::read(&path).expect("the malformed file is still there"),
        MALFORMED,
        "the malformed file was modified"
    );
    let neighbours: Vec<_> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.starts_with("2026-11-20"))
        .collect();
    assert_eq!(
        neighbours,
        ["2026-11-20.toml"],
        "no copies or backups beside it"
    );
}

#[test]
fn sigterm_keeps_unsaved_text_as_a_draft_restores_the_terminal_and_the_draft_comes_back() {
    let sandbox = Sandbox::new();
    let answer = "Half a thought, not saved yet ✍";

    let mut app = sandbox.start();
    app.wait_for("True north");
    app.send(answer);
    app.wait_for(answer);
    // Well inside the 2 s autosave: whatever is in drafts.toml next came from SIGTERM.
    assert!(
        !std::fs::read_to_string(sandbox.drafts_file()).is_ok_and(|drafts| drafts.contains(answer)),
        "the draft was written before the signal; the test cannot tell the paths apart"
    );
    app.signal("TERM");
    let status = app.wait_exit(EXIT_TIMEOUT);
    assert!(
        status.signal().is_none(),
        "SIGTERM should be handled, not kill the process: {status}"
    );
    assert_eq!(status.exit_code(), 143, "128 + SIGTERM, as shells expect");
    assert!(
        contains(&app.raw_output(), LEAVE_ALTERNATE_SCREEN),
        "the terminal was not restored (no ESC[?1049l)"
    );
    let drafts = std::fs::read_to_string(sandbox.drafts_file()).expect("drafts.toml written");
    assert!(
        drafts.contains(answer),
        "drafts.toml lacks the answer:\n{drafts}"
    );
    assert!(
        !sandbox.day_file(today()).exists(),
        "nothing was saved, so there is no day file"
    );

    let app = sandbox.start();
    app.wait_for_all(&[answer, "Your unsaved answers from earlier were restored."]);
}

#[test]
fn a_panic_restores_the_terminal_and_keeps_the_draft() {
    let sandbox = Sandbox::new();
    let answer = "Words typed just before a crash";

    let mut app = sandbox.launch().env("TRUENORTH_DEBUG_PANIC", "1").spawn();
    app.wait_for("True north");
    app.send(answer);
    app.wait_for(answer);
    app.send("\x1b[24~"); // F12: the debug build's deliberate panic
    let status = app.wait_exit(EXIT_TIMEOUT);
    assert_eq!(
        status.exit_code(),
        101,
        "a panic exits with Rust's panic code"
    );
    let output = String::from_utf8_lossy(&app.raw_output()).into_owned();
    let restored = output
        .find("\x1b[?1049l")
        .expect("the terminal was not restored (no ESC[?1049l)");
    let message = output
        .find("deliberate panic")
        .expect("the panic message is printed");
    assert!(
        restored < message,
        "the terminal must be restored before the message prints, so it is readable"
    );
    let drafts = std::fs::read_to_string(sandbox.drafts_file()).expect("drafts.toml written");
    assert!(
        drafts.contains(answer),
        "drafts.toml lacks the answer:\n{drafts}"
    );

    let app = sandbox.start();
    app.wait_for_all(&[answer, "Your unsaved answers from earlier were restored."]);
}

#[test]
fn ctrl_e_round_trips_the_answer_through_the_editor() {
    let sandbox = Sandbox::new();
    let editor = sandbox.script(
        "append-editor.sh",
        r#"printf '\nAppended by the editor\n' >> "$1""#,
    );

    let mut app = sandbox.launch().env("EDITOR", &editor).spawn();
    app.wait_for("True north");
    app.send("Typed before");
    app.wait_for("Typed before");
    app.send(keys::CTRL_E);
    let screen = app.wait_for("Appended by the editor");
    let lines: Vec<&str> = screen.lines().collect();
    let typed = lines
        .iter()
        .position(|line| line.contains("Typed before"))
        .unwrap_or_else(|| panic!("the typed text is gone:\n{screen}"));
    assert!(
        lines[typed + 1].contains("Appended by the editor"),
        "the editor's line should follow the typed one:\n{screen}"
    );
    assert!(
        !lines[typed].contains("Appended"),
        "the two lines were run together:\n{screen}"
    );
    // The edited text is the answer: it is what Ctrl-S saves.
    app.send(keys::CTRL_S);
    app.wait_for("Saved at");
    app.send(keys::CTRL_C);
    assert!(app.wait_exit(EXIT_TIMEOUT).success());
    let day = read_toml(&sandbox.day_file(today()));
    let text = day["entry"][0]["text"].as_str().expect("an answer");
    assert!(
        text.starts_with("Typed before\nAppended by the editor"),
        "saved {text:?}"
    );
    let leftovers: Vec<_> = std::fs::read_dir(sandbox.data())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.starts_with(".edit-"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "editor temp files left: {leftovers:?}"
    );
}

#[test]
fn a_too_small_terminal_asks_to_be_enlarged_and_the_screen_returns_when_it_is() {
    let sandbox = Sandbox::new();
    let mut app = sandbox.launch().size(50, 15).spawn();
    let screen = app.wait_for("Please enlarge the terminal to at least 60x18.");
    assert!(!screen.contains("True north"), "{screen}");

    app.resize(80, 24);
    let date = common::header_date(today());
    let screen = app.wait_for_all(&[&date, "True north", "Energy", "Outlook"]);
    assert!(!screen.contains("Please enlarge"), "{screen}");

    app.resize(59, 24);
    app.wait_for("Please enlarge the terminal");
    app.resize(60, 18);
    app.wait_for_absent("Please enlarge the terminal");
    app.wait_for_all(&[&date, "True north"]);
}

#[test]
fn question_mark_opens_the_key_help_and_esc_closes_it() {
    let sandbox = Sandbox::new();
    let mut app = sandbox.start();
    app.wait_for("True north");

    // Inside the text area, ? is just a character.
    app.send("Why?");
    let screen = app.wait_for("Why?");
    assert!(
        !screen.contains("While writing") && !screen.contains("Keys"),
        "{screen}"
    );
    app.esc();
    app.send("?");
    app.wait_for_all(&["Keys", "While writing"]);
    app.esc();
    app.wait_for_absent("While writing");

    app.send("q");
    let status = app.wait_exit(EXIT_TIMEOUT);
    assert!(status.success(), "{status}");
    assert!(contains(&app.raw_output(), LEAVE_ALTERNATE_SCREEN));
}

#[test]
fn the_command_line_documents_itself_and_rejects_unknown_flags() {
    let sandbox = Sandbox::new();

    let help = sandbox.run_cli(&["--help"]);
    assert!(help.status.success(), "{help:?}");
    assert!(String::from_utf8_lossy(&help.stdout).contains("--journal"));

    let version = sandbox.run_cli(&["--version"]);
    assert!(version.status.success(), "{version:?}");
    assert_eq!(
        String::from_utf8_lossy(&version.stdout).trim(),
        "truenorth 0.1.0"
    );

    let unknown = sandbox.run_cli(&["--no-such-flag"]);
    assert_eq!(unknown.status.code(), Some(2), "{unknown:?}");
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("--no-such-flag"));
}

#[test]
fn doctor_names_a_malformed_file_and_exits_1() {
    let sandbox = Sandbox::new();

    let healthy = sandbox.run_cli(&["doctor"]);
    assert_eq!(healthy.status.code(), Some(0), "{healthy:?}");

    let path = sandbox.write(MALFORMED_RELATIVE, MALFORMED);
    let sick = sandbox.run_cli(&["doctor"]);
    assert_eq!(sick.status.code(), Some(1), "{sick:?}");
    let report = String::from_utf8_lossy(&sick.stdout);
    assert!(
        report.contains("2026-11-20.toml:4"),
        "doctor should name the file and line:\n{report}"
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        MALFORMED,
        "doctor modified the file"
    );
}

#[test]
fn measured_answers_take_their_keys_and_land_in_the_day_file_as_values() {
    let sandbox = Sandbox::new();
    let pack = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/measured-pack.toml"
    );
    let added = sandbox.run_cli(&["pack", "add", pack]);
    assert!(
        added.status.success(),
        "pack add failed: {}",
        String::from_utf8_lossy(&added.stderr)
    );

    let mut app = sandbox.launch().size(100, 40).spawn();
    app.wait_for("How many classrooms did you visit today?");
    app.esc();
    app.send(keys::TAB); // the True north answer
    app.send(keys::TAB); // the number
    app.wait_for("Enter/i write a note");
    app.send("7");
    app.send(keys::RIGHT);
    app.send("+");
    app.wait_for("Answer: 9");
    app.send(keys::LEFT);
    app.send("-");
    app.wait_for("Answer: 7");
    app.send(keys::TAB); // yes or no
    app.send("y");
    app.wait_for("Answer: [yes]");
    app.send(keys::TAB); // the scale
    app.send("4");
    app.wait_for("●●●●○ 4");
    app.send(keys::ENTER); // a note, where digits are text
    app.wait_for("Staff · Measured week · writing");
    app.send("Calm after 4 weeks");
    app.wait_for("Calm after 4 weeks");
    app.esc();
    app.send(keys::CTRL_S);
    app.wait_for("Saved at");
    app.send("q");
    assert!(app.wait_exit(EXIT_TIMEOUT).success());

    let day = read_toml(&sandbox.day_file(today()));
    let entries = day["entry"].as_array().expect("[[entry]] tables");
    let answer = |prompt: &str| {
        entries
            .iter()
            .find(|entry| entry["prompt"].as_str() == Some(prompt))
            .unwrap_or_else(|| panic!("no answer to {prompt}: {day:#?}"))
    };
    assert_eq!(answer("visits")["value"].as_integer(), Some(7), "{day:#?}");
    assert_eq!(
        answer("family-call")["value"].as_bool(),
        Some(true),
        "{day:#?}"
    );
    assert_eq!(answer("calm")["value"].as_integer(), Some(4), "{day:#?}");
    assert_eq!(answer("calm")["text"].as_str(), Some("Calm after 4 weeks"));
    assert_eq!(entries.len(), 3, "only the measured answers: {day:#?}");

    let app = sandbox.launch().size(100, 40).spawn();
    app.wait_for_all(&["Answer: 7", "Answer: [yes]", "●●●●○ 4", "saved ✓"]);
}
