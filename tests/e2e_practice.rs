//! A month of practice from the keyboard, in the real binary: check a commitment off
//! from Today and log a connection with a student from anywhere.

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

    app.send("]]]");
    app.wait_for_all(&["Maya Lopez", "Building a robot for the science fair"]);
    app.send("[");
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
