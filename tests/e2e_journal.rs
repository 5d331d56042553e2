//! Looking back in the real binary: search the journal while typing, open an entry,
//! edit it, and mark it private so scripts and exports leave it out; an edit cut
//! short (a closed tmux session, SIGTERM, Ctrl-C) is kept as a draft and comes back.

mod common;

use std::time::Duration;

use common::{Sandbox, keys};

const EXIT_TIMEOUT: Duration = Duration::from_secs(10);

fn day_file(date: &str, body: &str) -> String {
    format!("version = 1\ndate = \"{date}\"\n\n{body}")
}

fn seed(sandbox: &Sandbox) {
    sandbox.write(
        "journal/2025/2025-03-04.toml",
        day_file(
            "2025-03-04",
            "[[entry]]\nid = \"a\"\ncreated = \"2025-03-04T07:10:00-05:00\"\ntext = \"Hallway talk about the lunch line #students\"\n",
        )
        .as_bytes(),
    );
    sandbox.write(
        "journal/2025/2025-10-14.toml",
        day_file(
            "2025-10-14",
            "[[entry]]\nid = \"b\"\ncreated = \"2025-10-14T16:40:00-04:00\"\nframe = \"courage\"\n\
             question = \"Which conversation are you putting off?\"\n\
             text = \"Finally called Jordan's mother about the attendance plan.\"\n",
        )
        .as_bytes(),
    );
}

#[test]
fn search_finds_an_entry_while_typing_and_opens_it_for_editing() {
    let sandbox = Sandbox::new();
    seed(&sandbox);

    let mut app = sandbox.launch().size(110, 30).spawn();
    app.wait_for("True north");
    app.esc();
    app.send("]");
    app.wait_for_all(&["2 entries", "Hallway talk"]);
    app.send("/");
    app.send("jordn mother");
    app.wait_for_all(&["1 entry", "Finally called Jordan's mother"]);
    // One Enter opens the result, as the footer says.
    app.send(keys::ENTER);
    app.wait_for("Editing Tue 14 Oct 2025");
    app.send(" She agreed to meet.");
    app.wait_for("agreed to meet.");
    app.esc();
    app.wait_for("Saved the entry of 14 October 2025.");
    app.send("q");
    app.wait_exit(EXIT_TIMEOUT);

    let day = std::fs::read_to_string(sandbox.data().join("journal/2025/2025-10-14.toml")).unwrap();
    assert!(
        day.contains("attendance plan. She agreed to meet."),
        "the edit was not saved:\n{day}"
    );
    assert!(
        day.contains("question = \"Which conversation are you putting off?\""),
        "{day}"
    );
}

#[test]
fn an_entry_marked_private_on_screen_never_reaches_a_script() {
    let sandbox = Sandbox::new();
    seed(&sandbox);

    let mut app = sandbox.launch().size(110, 30).spawn();
    app.wait_for("True north");
    app.esc();
    app.send("]");
    app.wait_for("Finally called Jordan");
    // Newest first: the Jordan entry is selected.
    app.send("p");
    app.wait_for_all(&["private, never exported", "Marked private"]);
    app.send("q");
    app.wait_exit(EXIT_TIMEOUT);

    let listed = sandbox.run_cli(&["list", "--json"]);
    let listed = String::from_utf8_lossy(&listed.stdout);
    assert!(listed.contains("lunch line"), "{listed}");
    assert!(
        !listed.contains("Jordan"),
        "a private entry leaked:\n{listed}"
    );
}

#[test]
fn help_opens_on_the_journal_keys_and_f1_works_while_searching() {
    let sandbox = Sandbox::new();
    seed(&sandbox);

    let mut app = sandbox.launch().size(110, 40).spawn();
    app.wait_for("True north");
    app.esc();
    app.send("]");
    app.wait_for("2 entries");
    app.send("?");
    app.wait_for_all(&[
        "On Journal",
        "undo delete",
        "shared/private",
        "rename a tag",
    ]);
    app.esc();
    app.wait_for_absent("undo delete");
    app.send("/");
    app.send("lunch");
    app.wait_for("1 entry");
    app.send(keys::F1);
    app.wait_for_all(&["While searching the journal", "clear what you typed"]);
    app.esc();
    app.wait_for_absent("While searching the journal");
    // Back in the search, as it was: Ctrl-U empties it.
    app.send(keys::CTRL_U);
    app.wait_for("2 entries");
    app.esc();
    app.send("q");
    app.wait_exit(EXIT_TIMEOUT);
}

/// Opens the Jordan entry (the newest) in the editor and types `added` at its end,
/// then waits until it is on screen: well inside the 2 s autosave, so a draft found
/// afterwards came from what ended the app.
fn start_editing(app: &mut common::Session, added: &str, sandbox: &Sandbox) {
    app.wait_for("True north");
    app.esc();
    app.send("]");
    app.wait_for("Finally called Jordan");
    app.send(keys::ENTER);
    app.wait_for("Editing Tue 14 Oct 2025");
    app.send(added);
    // Its last word: the text may wrap anywhere before it.
    let last_word = added.rsplit(' ').next().unwrap();
    app.wait_for_all(&[last_word, "unsaved changes"]);
    assert!(
        !std::fs::read_to_string(sandbox.drafts_file()).is_ok_and(|d| d.contains(added)),
        "the draft was written before the app was stopped; the test cannot tell the paths apart"
    );
}

fn saved_jordan_entry(sandbox: &Sandbox) -> String {
    std::fs::read_to_string(sandbox.data().join("journal/2025/2025-10-14.toml")).unwrap()
}

#[test]
fn an_entry_edit_cut_short_by_a_hang_up_is_kept_and_comes_back_in_the_editor() {
    let sandbox = Sandbox::new();
    seed(&sandbox);
    let added = " Then the counselor joined";

    let mut app = sandbox.launch().size(110, 30).spawn();
    start_editing(&mut app, added, &sandbox);
    // What `tmux kill-session` sends.
    app.signal("HUP");
    let status = app.wait_exit(EXIT_TIMEOUT);
    assert_eq!(status.exit_code(), 129, "128 + SIGHUP: {status}");
    let drafts = std::fs::read_to_string(sandbox.drafts_file()).expect("drafts.toml written");
    assert!(
        drafts.contains("attendance plan. Then the counselor joined"),
        "drafts.toml lacks the edit:\n{drafts}"
    );
    assert!(
        !saved_jordan_entry(&sandbox).contains(added),
        "an unfinished edit is a draft, not saved"
    );

    // Back, open in the editor, unsaved; Esc saves it.
    let mut app = sandbox.launch().size(110, 30).spawn();
    app.wait_for_all(&[
        "Your unsaved edit of the entry of 14 October 2025 is back.",
        "Editing Tue 14 Oct 2025",
        "counselor joined",
        "unsaved changes",
    ]);
    app.esc();
    app.wait_for("Saved the entry of 14 October 2025.");
    app.send("q");
    app.wait_exit(EXIT_TIMEOUT);
    assert!(
        saved_jordan_entry(&sandbox).contains("attendance plan. Then the counselor joined"),
        "{}",
        saved_jordan_entry(&sandbox)
    );
    assert!(
        !sandbox.drafts_file().exists(),
        "a saved edit leaves no draft"
    );
}

#[test]
fn sigterm_and_ctrl_c_keep_an_entry_edit_as_a_draft() {
    for (how, code) in [("TERM", 143), ("Ctrl-C", 0)] {
        let sandbox = Sandbox::new();
        seed(&sandbox);
        let added = " Words typed just before the end";
        let mut app = sandbox.launch().size(110, 30).spawn();
        start_editing(&mut app, added, &sandbox);
        if how == "Ctrl-C" {
            app.send(keys::CTRL_C);
        } else {
            app.signal(how);
        }
        let status = app.wait_exit(EXIT_TIMEOUT);
        assert!(
            status.signal().is_none(),
            "{how}: handled, not killed: {status}"
        );
        assert_eq!(status.exit_code(), code, "{how}");
        let drafts = std::fs::read_to_string(sandbox.drafts_file())
            .unwrap_or_else(|_| panic!("{how}: drafts.toml written"));
        assert!(
            drafts.contains("attendance plan. Words typed just before the end"),
            "{how}: drafts.toml lacks the edit:\n{drafts}"
        );
    }
}
