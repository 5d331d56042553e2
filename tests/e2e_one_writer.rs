//! One writer per journal, end to end: the real binary in pseudo-terminals. A second
//! window opens read-only and says who writes; a command that writes waits a moment,
//! then fails naming the app's pid; text typed where it cannot be saved (a read-only
//! window, a full disk) is kept in the temp folder, said so, and comes back.

#![cfg(unix)]

mod common;

use std::time::Duration;

use common::{Sandbox, keys, today};

const EXIT_TIMEOUT: Duration = Duration::from_secs(10);

fn temp_folder(sandbox: &Sandbox) -> std::path::PathBuf {
    let tmp = sandbox.root().join("tmp");
    std::fs::create_dir_all(&tmp).unwrap();
    tmp
}

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn a_second_window_is_read_only_and_commands_wait_then_name_the_app() {
    let sandbox = Sandbox::new();
    let tmp = temp_folder(&sandbox);
    let mut first = sandbox.launch().env("TMPDIR", &tmp).spawn();
    first.wait_for("True north");
    let pid = first.pid();

    let mut second = sandbox.launch().size(100, 30).env("TMPDIR", &tmp).spawn();
    second.wait_for_all(&["READ-ONLY", &format!("(pid {pid}")]);

    // A command that writes gives up after a moment, naming the app; nothing written.
    let refused = sandbox.run_cli(&["add", "Between meetings."]);
    assert_eq!(refused.status.code(), Some(1), "{}", stderr(&refused));
    let message = stderr(&refused);
    assert!(
        message.contains(&format!("is open in the truenorth app (pid {pid}")),
        "{message}"
    );
    assert!(message.contains("nothing was written"), "{message}");
    assert!(!sandbox.day_file(today()).exists());
    // Commands that only read still run.
    assert!(sandbox.run_cli(&["list"]).status.success());

    // The read-only window refuses to save and says where the text is kept.
    second.send("Typed in the second window.");
    second.send(keys::CTRL_S);
    second.wait_for("Not saved (read-only window)");
    assert!(!sandbox.day_file(today()).exists());
    second.send(keys::CTRL_C);
    second.wait_exit(EXIT_TIMEOUT);
    let said = String::from_utf8_lossy(&second.raw_output()).into_owned();
    assert!(said.contains("your unsaved text is kept in"), "{said}");
    assert!(said.contains(&tmp.display().to_string()), "{said}");

    first.send("From the first window.");
    first.send(keys::CTRL_S);
    first.wait_for("Saved at");
    first.send(keys::CTRL_C);
    first.wait_exit(EXIT_TIMEOUT);

    // The journal is free again: the command runs, and the next window writes and
    // has the second window's text back as a draft.
    let added = sandbox.run_cli(&["add", "Between meetings."]);
    assert!(added.status.success(), "{}", stderr(&added));
    let mut third = sandbox.launch().size(100, 30).env("TMPDIR", &tmp).spawn();
    third.wait_for("Typed in the second window.");
    let screen = third.screen();
    assert!(!screen.contains("READ-ONLY"), "{screen}");
    third.send(keys::CTRL_C);
    third.wait_exit(EXIT_TIMEOUT);
    let day = std::fs::read_to_string(sandbox.day_file(today())).unwrap();
    assert!(day.contains("From the first window."), "{day}");
    assert!(day.contains("Between meetings."), "{day}");
    assert!(!day.contains("Typed in the second window."), "{day}");
}

// Faults are injected in debug builds only.
#[cfg(debug_assertions)]
#[test]
fn a_full_disk_is_named_and_the_text_kept_in_the_temp_folder() {
    let sandbox = Sandbox::new();
    let tmp = temp_folder(&sandbox);
    let mut app = sandbox
        .launch()
        .size(100, 30)
        .env("TMPDIR", &tmp)
        // Debug builds only: every write into the journal fails with ENOSPC.
        .env("TRUENORTH_DEBUG_FULL_DISK", sandbox.data())
        .spawn();
    app.wait_for("True north");
    app.send("Written on a full disk.");
    app.send(keys::CTRL_S);
    let screen = app.wait_for("No space left on device");
    assert!(screen.contains("the disk is full"), "{screen}");
    assert!(screen.contains("kept in"), "{screen}");
    assert!(screen.contains("unsaved"), "{screen}");
    assert!(!sandbox.day_file(today()).exists());
    app.send(keys::CTRL_C);
    app.wait_exit(EXIT_TIMEOUT);
    let kept: Vec<_> = std::fs::read_dir(&tmp)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    let text = std::fs::read_to_string(&kept[0]).unwrap();
    assert!(text.contains("Written on a full disk."), "{text}");
}

#[test]
fn doctor_names_files_others_can_read_with_the_fix() {
    use std::os::unix::fs::PermissionsExt;
    let sandbox = Sandbox::new();
    assert!(sandbox.run_cli(&["add", "Private."]).status.success());
    let healthy = sandbox.run_cli(&["doctor"]);
    assert!(healthy.status.success(), "{}", stderr(&healthy));
    let file = sandbox.day_file(today());
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    std::fs::set_permissions(sandbox.data(), std::fs::Permissions::from_mode(0o755)).unwrap();

    let loose = sandbox.run_cli(&["doctor"]);
    assert_eq!(loose.status.code(), Some(1));
    let report = String::from_utf8_lossy(&loose.stdout).into_owned();
    assert!(
        report.contains(&format!("fix: chmod 700 {}", sandbox.data().display())),
        "{report}"
    );
    assert!(
        report.contains(&format!("fix: chmod 600 {}", file.display())),
        "{report}"
    );
    assert!(
        report.contains(&format!(
            "All at once: chmod -R go= {}",
            sandbox.data().display()
        )),
        "{report}"
    );
    // The summary agrees with the list and the exit code.
    assert!(!report.contains("No problems found"), "{report}");
    assert!(
        report.ends_with("Found: 2 folders or files others can read.\n"),
        "{report}"
    );

    // The app says so at start, with the fix.
    let mut app = sandbox.launch().size(120, 30).spawn();
    let screen = app.wait_for("Others on this machine can read your journal");
    assert!(screen.contains("chmod -R go="), "{screen}");
    app.send(keys::CTRL_C);
    app.wait_exit(EXIT_TIMEOUT);
}
