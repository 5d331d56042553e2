//! `truenorth --demo` end to end: the real binary in a pseudo-terminal opens a
//! generated journal in a temporary folder, never the leader's own, and removes it on
//! quitting.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::{Sandbox, keys};

const EXIT_TIMEOUT: Duration = Duration::from_secs(10);

/// Every file under `dir`, relative to it.
fn files_under(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let relative = path.strip_prefix(dir).unwrap_or(&path);
                found.push(relative.display().to_string());
            }
        }
    }
    found.sort();
    found
}

#[test]
fn the_demo_opens_a_sample_journal_in_a_temp_folder_and_leaves_the_journal_alone() {
    let sandbox = Sandbox::new();
    // The demo's temporary folder lands here, so the test can watch it.
    let temp = sandbox.root().join("tmp");
    std::fs::create_dir_all(&temp).unwrap();

    let mut app = sandbox.launch().arg("--demo").env("TMPDIR", &temp).spawn();
    let screen = app.wait_for("True north");
    // The sample is private like any journal: no warning that others can read it.
    assert!(!screen.contains("Others on this machine"), "{screen}");
    #[cfg(unix)]
    for entry in std::fs::read_dir(&temp).unwrap().flatten() {
        use std::os::unix::fs::PermissionsExt;
        let mode = entry.metadata().unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o700, "{}", entry.path().display());
    }

    // While it runs, the sample journal is in the temporary folder, whole.
    let demo = files_under(&temp);
    let days = demo
        .iter()
        .filter(|file| file.contains("journal/") && file.ends_with(".toml"))
        .count();
    assert!(days > 60, "{} day files: {demo:?}", days);
    for expected in ["commitments.toml", "people.toml", "packs/state.toml"] {
        assert!(
            demo.iter().any(|file| file.ends_with(expected)),
            "no {expected} in {demo:?}"
        );
    }

    app.send(keys::CTRL_C);
    let status = app.wait_exit(EXIT_TIMEOUT);
    assert!(
        status.success(),
        "Ctrl-C should exit cleanly, got {status}; it said: {}",
        String::from_utf8_lossy(&app.raw_output())
            .rsplit("\x1b[?1049l")
            .next()
            .unwrap_or_default()
    );

    // The leader's journal (TRUENORTH_DIR) and home are untouched ...
    assert_eq!(files_under(&sandbox.data()), Vec::<String>::new());
    assert_eq!(files_under(&sandbox.home()), Vec::<String>::new());
    // ... and the sample is gone (removal may trail the exit by a moment).
    let deadline = Instant::now() + Duration::from_secs(5);
    while !files_under(&temp).is_empty() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(files_under(&temp), Vec::<String>::new());
}
