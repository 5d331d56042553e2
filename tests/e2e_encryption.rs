//! Encryption in the real binary: a person encrypts their journal, starts truenorth
//! again, types the passphrase (a wrong one first) and reads yesterday's entry; a
//! script gives the passphrase in TRUENORTH_PASSPHRASE.

mod common;

use std::path::Path;
use std::time::Duration;

use common::{Sandbox, keys};

const EXIT_TIMEOUT: Duration = Duration::from_secs(20);
const PASSPHRASE: &str = "lunch duty at 7:40";
const YESTERDAY_TEXT: &str = "Listened to Amara about the exam worries";

fn seed_yesterday(sandbox: &Sandbox) -> chrono::NaiveDate {
    let yesterday = common::today().pred_opt().unwrap();
    let date = yesterday.format("%Y-%m-%d");
    sandbox.write(
        &common::day_file_relative(yesterday),
        format!(
            "version = 1\ndate = \"{date}\"\n\n[[entry]]\nid = \"y\"\n\
             created = \"{date}T07:10:00-05:00\"\ntext = \"{YESTERDAY_TEXT}\"\n"
        )
        .as_bytes(),
    );
    yesterday
}

/// Waits for the `n`th passphrase prompt, so what is typed next goes to it (typed
/// before it, the terminal would still echo it).
fn wait_for_prompt(app: &common::Session, n: usize) {
    app.wait_until(&format!("passphrase prompt {n}"), |screen| {
        screen.matches("Passphrase for the journal in").count() == n
    });
}

/// Whether any file in the journal folder holds `needle` as it is.
fn any_file_holds(dir: &Path, needle: &str) -> bool {
    std::fs::read_dir(dir).unwrap().any(|entry| {
        let path = entry.unwrap().path();
        if path.is_dir() {
            any_file_holds(&path, needle)
        } else {
            let bytes = std::fs::read(&path).unwrap();
            bytes
                .windows(needle.len())
                .any(|window| window == needle.as_bytes())
        }
    })
}

#[test]
fn an_encrypted_journal_opens_with_its_passphrase_and_shows_yesterday() {
    let sandbox = Sandbox::new();
    let yesterday = seed_yesterday(&sandbox);

    // `truenorth encrypt`, typed at a terminal: a new passphrase, twice.
    let mut encrypt = sandbox.launch().arg("encrypt").spawn();
    encrypt.wait_for("New passphrase for the journal:");
    encrypt.send(&format!("{PASSPHRASE}\r"));
    encrypt.wait_until("the second prompt", |screen| {
        screen.trim_end().ends_with("The same passphrase again:")
    });
    encrypt.send(&format!("{PASSPHRASE}\r"));
    encrypt.wait_for("Encrypted the journal");
    assert!(encrypt.wait_exit(EXIT_TIMEOUT).success());

    let day_file = sandbox.day_file(yesterday);
    assert!(!day_file.exists(), "the plain day file is still there");
    assert!(Path::new(&format!("{}.age", day_file.display())).exists());
    assert!(!any_file_holds(&sandbox.data(), "Amara"));

    // Restarted: asked for the passphrase before the app draws; a wrong one is
    // refused with a clear message and asked again.
    let mut app = sandbox.launch().size(110, 30).spawn();
    wait_for_prompt(&app, 1);
    app.send("lunch duty at 7:45\r");
    app.wait_for("That passphrase does not open this journal. Try again (2 tries left).");
    wait_for_prompt(&app, 2);
    app.send(&format!("{PASSPHRASE}\r"));
    app.wait_for("True north");
    app.esc();
    app.send("]");
    app.wait_for(YESTERDAY_TEXT);
    app.send("q");
    assert!(app.wait_exit(EXIT_TIMEOUT).success());

    // Never echoed, and nothing in the clear was left behind (cache, drafts).
    let shown = String::from_utf8_lossy(&app.raw_output()).into_owned();
    assert!(!shown.contains(PASSPHRASE), "the passphrase was echoed");
    assert!(!any_file_holds(&sandbox.data(), "Amara"));
    assert!(!any_file_holds(&sandbox.data(), PASSPHRASE));
}

#[test]
fn scripts_give_the_passphrase_in_the_environment() {
    let sandbox = Sandbox::new();
    seed_yesterday(&sandbox);

    let mut encrypt = sandbox
        .launch()
        .env("TRUENORTH_PASSPHRASE", PASSPHRASE)
        .arg("encrypt")
        .spawn();
    let done = encrypt.wait_for("Encrypted the journal");
    assert!(encrypt.wait_exit(EXIT_TIMEOUT).success());
    // Nothing is asked, so nothing says "Choose a passphrase"; the warning stays.
    assert!(!done.contains("Choose a passphrase"), "{done}");
    assert!(
        done.contains("Using the passphrase in TRUENORTH_PASSPHRASE. Without it"),
        "{done}"
    );

    let mut list = sandbox
        .launch()
        .env("TRUENORTH_PASSPHRASE", PASSPHRASE)
        .arg("list")
        .spawn();
    list.wait_for(YESTERDAY_TEXT);
    assert!(list.wait_exit(EXIT_TIMEOUT).success());

    let mut wrong = sandbox
        .launch()
        .env("TRUENORTH_PASSPHRASE", "not it")
        .arg("list")
        .spawn();
    wrong.wait_for("TRUENORTH_PASSPHRASE does not open the journal");
    assert!(!wrong.wait_exit(EXIT_TIMEOUT).success());

    // Without a terminal or the variable, a command says what to do rather than hang.
    let output = sandbox.run_cli(&["list"]);
    assert!(!output.status.success());
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(message.contains("TRUENORTH_PASSPHRASE"), "{message}");

    let mut decrypt = sandbox
        .launch()
        .env("TRUENORTH_PASSPHRASE", PASSPHRASE)
        .arg("decrypt")
        .spawn();
    decrypt.wait_for("Decrypted the journal");
    assert!(decrypt.wait_exit(EXIT_TIMEOUT).success());
    assert!(any_file_holds(&sandbox.data(), "Amara"));
    assert!(!sandbox.data().join("key.age").exists());
}

#[test]
fn a_wrong_passphrase_three_times_leaves_the_journal_locked() {
    let sandbox = Sandbox::new();
    seed_yesterday(&sandbox);
    let mut encrypt = sandbox
        .launch()
        .env("TRUENORTH_PASSPHRASE", PASSPHRASE)
        .arg("encrypt")
        .spawn();
    encrypt.wait_for("Encrypted the journal");
    assert!(encrypt.wait_exit(EXIT_TIMEOUT).success());

    let mut app = sandbox.start();
    for (n, left) in [(1, "2 tries left"), (2, "1 try left")] {
        wait_for_prompt(&app, n);
        app.send("wrong\r");
        app.wait_for(left);
    }
    wait_for_prompt(&app, 3);
    app.send(&format!("wrong{}", keys::ENTER));
    app.wait_for("3 wrong passphrases");
    assert!(!app.wait_exit(EXIT_TIMEOUT).success());
}

#[test]
fn ctrl_c_at_the_passphrase_prompt_leaves_the_terminal_echoing() {
    let sandbox = Sandbox::new();
    seed_yesterday(&sandbox);
    let mut encrypt = sandbox
        .launch()
        .env("TRUENORTH_PASSPHRASE", PASSPHRASE)
        .arg("encrypt")
        .spawn();
    encrypt.wait_for("Encrypted the journal");
    assert!(encrypt.wait_exit(EXIT_TIMEOUT).success());

    let mut app = sandbox.launch().size(110, 30).spawn();
    wait_for_prompt(&app, 1);
    // Enter alone is asked again and costs no try.
    app.send("\r");
    app.wait_for("Type the journal's passphrase, then Enter (Ctrl-C leaves).");
    wait_for_prompt(&app, 2);
    // While it asks, what is typed is not shown (the check sees the difference).
    let deadline = std::time::Instant::now() + EXIT_TIMEOUT;
    while app.echoes() {
        assert!(
            std::time::Instant::now() < deadline,
            "echo stayed on at the prompt"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    app.send("half typed");
    app.send(keys::CTRL_C);
    let status = app.wait_exit(EXIT_TIMEOUT);
    assert_eq!(status.exit_code(), 130, "{status:?}");
    let screen = app.screen();
    assert!(
        screen.contains("stopped at the passphrase prompt"),
        "{screen}"
    );
    assert!(!screen.contains("does not open"), "{screen}");
    assert!(app.echoes(), "Ctrl-C left the terminal without echo");
}
