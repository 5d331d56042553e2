//! Trends and the weekly review end to end: the real binary in a pseudo-terminal, on a
//! journal with last week written and no review yet, takes the review it is offered,
//! then opens Trends and reads a week from there.

mod common;

use std::time::Duration;

use common::{Sandbox, keys};
use truenorth::sample::{SampleSize, write_sample};
use truenorth::store::{Config, Journal};

const EXIT_TIMEOUT: Duration = Duration::from_secs(10);

#[test]
fn the_weekly_review_is_offered_saved_and_trends_open_a_week() {
    let sandbox = Sandbox::new();
    // The app's today, by the same rule (the default day-rollover hour).
    let today = Config::default().journal_day(chrono::Local::now().naive_local());
    let journal = Journal::open(sandbox.data()).unwrap();
    let size = SampleSize {
        days: 30,
        reflect_percent: 100,
        words_per_entry: 20,
    };
    write_sample(&journal, today.pred_opt().unwrap(), size, 7).unwrap();

    let mut app = sandbox.launch().size(100, 30).spawn();
    // A new week and no review of the last one: the review opens by itself.
    app.wait_for_all(&["Weekly review", "looking back on", "Continue"]);
    app.wait_for("reflected on 7 of 7 days");
    app.send("Hallway walks before first bell");
    app.send(keys::TAB);
    app.send("Office hours for students");
    app.send(keys::CTRL_S);
    app.wait_for("Saved your weekly review (2 of 4 answered)");

    let saved = std::fs::read_to_string(sandbox.day_file(today)).unwrap();
    assert!(saved.contains("pack = \"weekly-review\""), "{saved}");
    assert!(saved.contains("Hallway walks before first bell"), "{saved}");
    assert!(saved.contains("Office hours for students"), "{saved}");

    // Trends: two screens along from Today (leaving its answer first).
    app.esc();
    app.send("]]");
    app.wait_for_all(&["Days reflected", "What stands out", "▲"]);
    // A week back, then its entries on Journal.
    app.send(keys::LEFT);
    app.send(keys::ENTER);
    app.wait_for("The entries of");

    app.send("q");
    let status = app.wait_exit(EXIT_TIMEOUT);
    assert!(status.success(), "q should exit cleanly, got {status}");
}
