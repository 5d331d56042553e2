//! docs/people-and-commitments.md shows complete `commitments.toml` and `people.toml`
//! files and a roster CSV; these tests read them with the real loaders, so the docs
//! cannot drift from the formats.

use std::fs;
use std::path::Path;

use truenorth::domain::commitment::{Cadence, CommitmentState};
use truenorth::domain::person::Role;
use truenorth::store::{CommitmentStore, PeopleStore};

fn doc() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/people-and-commitments.md");
    fs::read_to_string(path).expect("docs/people-and-commitments.md")
}

/// The bodies of the fenced blocks of `language`, in order.
fn blocks(markdown: &str, language: &str) -> Vec<String> {
    let fence = format!("```{language}\n");
    markdown
        .split(&fence)
        .skip(1)
        .map(|rest| rest.split("```").next().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn the_commitments_example_loads() {
    let toml = blocks(&doc(), "toml");
    assert_eq!(
        toml.len(),
        2,
        "one commitments.toml and one people.toml example"
    );
    let dir = tempfile::tempdir().unwrap();
    let store = CommitmentStore::open(dir.path());
    fs::write(store.path(), &toml[0]).unwrap();
    let commitments = store.load().unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(commitments.len(), 3);
    assert_eq!(commitments[0].cadence, Cadence::Daily);
    assert_eq!(commitments[0].skips.len(), 2);
    assert!(commitments[0].counts_connections.is_some());
    assert_eq!(commitments[1].state, CommitmentState::Paused);
    assert!(commitments[1].paused_since().is_some());
    assert_eq!(commitments[2].cadence, Cadence::PerWeek(2));
    for commitment in &commitments {
        assert!(commitment.extra.is_empty(), "every key is documented");
    }
    let markdown = doc();
    for key in [
        "`id`",
        "`why`",
        "`dimension`",
        "`cadence`",
        "`psel`",
        "`state`",
        "`skips`",
    ] {
        assert!(markdown.contains(key), "the table should explain {key}");
    }
}

#[test]
fn the_people_example_loads() {
    let toml = blocks(&doc(), "toml");
    let dir = tempfile::tempdir().unwrap();
    let store = PeopleStore::open(dir.path());
    fs::write(store.path(), &toml[1]).unwrap();
    let people = store.load().unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(people.len(), 3);
    assert_eq!(people[1].role, Role::Staff);
    assert!(people[2].archived);
    assert!(people.iter().all(|person| person.extra.is_empty()));
}

#[test]
fn the_roster_example_imports_cleanly() {
    let csv = blocks(&doc(), "csv");
    assert_eq!(csv.len(), 1);
    let dir = tempfile::tempdir().unwrap();
    let store = PeopleStore::open(dir.path());
    let report = store.import_csv(csv[0].as_bytes()).unwrap();
    assert_eq!(report.added.len(), 3);
    assert!(report.problems.is_empty() && report.duplicates.is_empty());
    assert_eq!(report.added[0].name, "Robinson, Maya");
    assert_eq!(report.added[2].role, Role::Staff);
}
