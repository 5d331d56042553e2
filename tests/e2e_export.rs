//! Export from the Export screen in the real binary, as a leader would the evening
//! before a mentor meeting: choose the range, read the counts, write the file, and
//! find none of the private entries' text in it.

mod common;
mod exchange_support;

use std::time::Duration;

use common::{Sandbox, keys};
use exchange_support::SECRETS;

const EXIT_TIMEOUT: Duration = Duration::from_secs(10);

#[test]
fn an_export_written_from_the_export_screen_holds_no_private_text() {
    let sandbox = Sandbox::new();
    exchange_support::fixture().write_to(&sandbox.data());

    let mut app = sandbox.launch().size(100, 30).spawn();
    app.wait_for("True north");
    // Out of the weekly review, when the day opens with it, and out of the answer.
    app.esc();
    app.esc();
    app.send("[");
    app.wait_for_all(&["Export for a mentor meeting", "entries going in"]);

    app.send(keys::ENTER);
    app.send("2026-11-02");
    app.send(keys::ENTER);
    app.send("j");
    app.send(keys::ENTER);
    app.send("2026-11-22");
    app.send(keys::ENTER);
    app.wait_for_all(&[
        "9 entries going in",
        "3 entries private left out",
        "- **Range:** 2 Nov 2026 to 22 Nov 2026",
    ]);

    app.send(keys::CTRL_S);
    app.wait_for("Wrote 9 entries (3 private left out) to ~/truenorth-export-");
    let written: Vec<_> = std::fs::read_dir(sandbox.home())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            path.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("truenorth-export-")
        })
        .collect();
    let [file] = written.as_slice() else {
        panic!("one export in the home folder: {written:?}");
    };
    assert_eq!(file.extension().unwrap(), "md");
    let text = std::fs::read_to_string(file).unwrap();
    assert!(text.starts_with("# Leadership reflections\n"), "{text}");
    assert!(text.contains("Student A is brilliant"), "{text}");
    for secret in SECRETS {
        assert!(!text.contains(secret), "{secret} in the export:\n{text}");
    }
    assert!(!text.contains("Maya"), "names are replaced:\n{text}");

    // Writing again asks before replacing the file; "n" leaves it as it is.
    std::fs::write(file, "notes of my own").unwrap();
    app.send(keys::CTRL_S);
    app.wait_for_all(&["truenorth-export-", "already exists. Replace", "y yes"]);
    app.send("n");
    app.wait_for("Not written");
    assert_eq!(std::fs::read_to_string(file).unwrap(), "notes of my own");

    app.send("q");
    app.wait_exit(EXIT_TIMEOUT);
}
