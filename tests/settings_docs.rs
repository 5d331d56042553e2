//! docs/themes.md and docs/config.md describe formats people write by hand; these
//! tests keep them true: their complete examples parse, and every role and key is
//! described.

use std::fs;
use std::path::Path;

use truenorth::store::Config;
use truenorth::ui::theme::{ROLES, Theme, builtin};

fn read_doc(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("docs")
        .join(name);
    fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// The ```toml block after the `## A complete example` heading.
fn complete_example(markdown: &str) -> String {
    let section = markdown
        .split_once("## A complete example")
        .expect("a `## A complete example` section")
        .1;
    let block = section
        .split_once("```toml\n")
        .expect("a ```toml block in the complete example")
        .1;
    block
        .split_once("\n```")
        .expect("the block is closed")
        .0
        .to_string()
        + "\n"
}

#[test]
fn the_theme_example_parses_and_is_the_evening_theme() {
    let example = complete_example(&read_doc("themes.md"));
    let theme = Theme::parse("docs/themes.md", &example).unwrap_or_else(|p| panic!("{p}"));
    let (_, evening) = builtin()
        .into_iter()
        .find(|(name, _)| *name == "evening")
        .unwrap();
    assert_eq!(theme, Theme::parse("evening", evening).unwrap());
}

#[test]
fn every_theme_role_is_described_as_in_the_code() {
    let docs = read_doc("themes.md");
    for (role, what) in ROLES {
        let row = format!("| `{role}` | {what} |");
        assert!(
            docs.contains(&row),
            "docs/themes.md should have the row: {row}"
        );
    }
    for (name, _) in builtin() {
        assert!(docs.contains(&format!("| `{name}` |")), "{name}");
    }
}

#[test]
fn the_config_example_parses_and_sets_every_key() {
    let example = complete_example(&read_doc("config.md"));
    let config = Config::parse("docs/config.md", &example).unwrap_or_else(|problems| {
        panic!("{}", problems[0]);
    });
    let defaults = Config::default();
    // The example shows real changes, not the defaults again.
    assert_ne!(config.theme, defaults.theme);
    assert_ne!(config.week_start, defaults.week_start);
    assert_ne!(config.day_rollover_hour, defaults.day_rollover_hour);
    assert!(config.editor.is_some());
    assert_ne!(config.export.format, defaults.export.format);
    assert!(!config.keys.is_empty());
}

#[test]
fn every_config_key_is_in_the_table() {
    let docs = read_doc("config.md");
    for key in [
        "| `theme` | `\"default\"` |",
        "| `week_start` | `\"monday\"` |",
        "| `day_rollover_hour` | `4` |",
        "| `prompts_per_day` | `2` |",
        "| `editor` | not set |",
        "| `mouse` | `true` |",
        "| `[export]` `format` | `\"md\"` |",
        "| `[export]` `include_names` | `false` |",
        "| `[keys]` | none |",
    ] {
        assert!(
            docs.contains(key),
            "docs/config.md should have the row {key}"
        );
    }
    let defaults = Config::default();
    assert_eq!(defaults.theme, "default");
    assert_eq!(defaults.day_rollover_hour, 4);
    assert_eq!(defaults.prompts_per_day, 2);
    assert_eq!(defaults.export.format.name(), "md");
}

/// docs/config.md lists every action `[keys]` accepts, as the keymap has them. Run
/// with `UPDATE_DOCS=1` to rewrite the table from the keymap after changing keys.
#[test]
fn every_action_is_listed_in_the_config_docs() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/config.md");
    let docs = read_doc("config.md");
    let begin = "<!-- actions: generated from src/ui/keymap.rs -->\n";
    let end = "<!-- end of actions -->";
    let (before, rest) = docs
        .split_once(begin)
        .expect("docs/config.md marks where the action table goes");
    let (_, after) = rest.split_once(end).expect("the action table is closed");
    let table = truenorth::ui::keymap::actions_table();
    let wanted = format!("{before}{begin}{table}{end}{after}");
    if std::env::var_os("UPDATE_DOCS").is_some() {
        fs::write(&path, &wanted).unwrap();
    }
    for name in truenorth::ui::keymap::action_names() {
        assert!(
            docs.contains(&format!("| `{name}` |")),
            "docs/config.md misses the action `{name}`; run this test with UPDATE_DOCS=1"
        );
    }
    assert!(
        docs == wanted,
        "docs/config.md's action table is not the keymap's; run this test with UPDATE_DOCS=1"
    );
}
