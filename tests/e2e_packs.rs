//! A coach's pack, added from the command line, shows up on Today and on Packs in the
//! real binary, and its answers are saved with the pack and prompt they answer.

mod common;

use std::time::Duration;

use common::{Sandbox, keys, today};

const EXIT_TIMEOUT: Duration = Duration::from_secs(10);

const PACK: &str = r#"
[pack]
id = "hallway-week"
title = "Hallway week"
author = "A coach"
version = "1.0.0"
days = 7

[[prompt]]
id = "walk-01"
day = 1
frame = "students"
text = "Which student did you greet by name in the hallway this morning?"

[[prompt]]
id = "walk-02"
day = 2
frame = "students"
text = "Whose name did you have to ask for today?"
"#;

fn add_pack(sandbox: &Sandbox) {
    let file = sandbox.write("hallway-week.toml", PACK.as_bytes());
    let output = sandbox.run_cli(&["pack", "add", file.to_str().unwrap()]);
    assert!(
        output.status.success(),
        "pack add failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn an_added_pack_offers_its_prompt_on_today_and_the_answer_keeps_its_source() {
    let sandbox = Sandbox::new();
    add_pack(&sandbox);

    let mut app = sandbox.launch().size(100, 40).spawn();
    app.wait_for_all(&["Hallway week", "greet by name in the hallway"]);
    app.send(keys::TAB);
    app.send(keys::TAB);
    app.wait_for("Students · Hallway week · writing");
    app.send("Greeted Amara and Luis by name.");
    app.send(keys::CTRL_S);
    app.wait_for("Saved at");
    app.send(keys::CTRL_C);
    app.wait_exit(EXIT_TIMEOUT);

    let day = std::fs::read_to_string(sandbox.day_file(today())).expect("the day file");
    let entry = day
        .split("[[entry]]")
        .find(|entry| entry.contains("Greeted Amara"))
        .unwrap_or_else(|| panic!("no entry with the answer:\n{day}"));
    assert!(entry.contains("pack = \"hallway-week\""), "{entry}");
    assert!(entry.contains("prompt = \"walk-01\""), "{entry}");
    assert!(entry.contains("frame = \"students\""), "{entry}");
}

#[test]
fn the_packs_screen_shows_progress_and_pauses_with_a_key() {
    let sandbox = Sandbox::new();
    add_pack(&sandbox);

    let mut app = sandbox.launch().size(100, 30).spawn();
    app.wait_for("True north");
    app.esc();
    // Packs sits just before Export, the last screen.
    app.send("[");
    app.send("[");
    app.wait_for_all(&["Running", "Hallway week", "day 1 of 7", "Coming up"]);
    app.send("p");
    app.wait_for_all(&["Paused", "Paused “Hallway week”."]);
    app.send("q");
    app.wait_exit(EXIT_TIMEOUT);

    let listed = sandbox.run_cli(&["pack", "list"]);
    let listed = String::from_utf8_lossy(&listed.stdout);
    assert!(
        listed
            .lines()
            .any(|line| line.contains("hallway-week") && line.contains("paused")),
        "{listed}"
    );

    // Paused packs offer nothing on Today.
    let app = sandbox.launch().size(100, 40).spawn();
    app.wait_for("True north");
    app.wait_for_absent("greet by name in the hallway");
}
