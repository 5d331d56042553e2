//! `truenorth config|theme|completions|man` as a person runs them: the real binary,
//! with HOME and the XDG folders pointed at a scratch directory so the settings it
//! reads and writes are the test's own.

mod common;

use std::fs;
use std::path::Path;

use common::cli::{Scratch, stderr, stdout};
use truenorth::commands::config::TEMPLATE;
use truenorth::ui::theme::builtin;

/// No journal is named, as a person setting truenorth up runs it: the settings and
/// the journal are where the platform keeps them, inside the scratch folder.
fn scratch_home() -> Scratch {
    Scratch::new().without_journal_argument()
}

fn shown(path: &Path) -> String {
    path.display().to_string()
}

// ------------------------------------------------------------------ config

#[test]
fn config_path_names_the_file_in_the_settings_folder() {
    let home = scratch_home();
    let output = home.run(&["config", "path"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        format!("{}\n", shown(&home.settings_file()))
    );
}

#[test]
fn config_check_without_a_file_says_the_defaults_are_used() {
    let home = scratch_home();
    let output = home.run(&["config", "check"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stdout(&output),
        format!(
            "{}: no config file, so truenorth uses the defaults; `truenorth config init` \
             writes one to edit\n",
            shown(&home.settings_file())
        )
    );
}

#[test]
fn config_init_writes_the_template_once() {
    let home = scratch_home();
    let output = home.run(&["config", "init"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).starts_with(&format!("Wrote {}.", shown(&home.settings_file()))));
    assert_eq!(fs::read_to_string(home.settings_file()).unwrap(), TEMPLATE);

    let checked = home.run(&["config", "check"]);
    assert_eq!(checked.status.code(), Some(0));
    assert_eq!(
        stdout(&checked),
        format!("{}: ok\n", shown(&home.settings_file()))
    );

    fs::write(home.settings_file(), "theme = \"light\"\n").unwrap();
    let again = home.run(&["config", "init"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stderr(&again).contains("already exists, so nothing was written"),
        "{}",
        stderr(&again)
    );
    assert_eq!(
        fs::read_to_string(home.settings_file()).unwrap(),
        "theme = \"light\"\n"
    );
}

#[test]
fn config_check_names_every_problem_by_line_and_column() {
    let home = scratch_home();
    let file = home.write("settings.toml", "thme = \"light\"\n");
    let output = home.run(&["config", "check", "settings.toml"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout(&output),
        "settings.toml:1:1: unknown key `thme`; did you mean `theme`?\n"
    );

    fs::write(
        &file,
        "week_start = \"friday\"\nday_rollover_hour = 25\n[keys]\nsave = \"ctrl-entr\"\n",
    )
    .unwrap();
    let output = home.run(&["config", "check", "settings.toml"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout(&output),
        "settings.toml:1:14: week_start must be \"monday\" or \"sunday\", not `friday`\n\
         settings.toml:2:21: day_rollover_hour must be an hour from 0 to 23, not 25\n\
         settings.toml:4:8: [keys] save: `ctrl-entr`: unknown key `entr`; did you mean `enter`?\n"
    );
}

#[test]
fn config_check_and_doctor_refuse_what_the_app_refuses() {
    let home = scratch_home();
    home.write(
        "config/truenorth/config.toml",
        "[keys]\nnext-screen = [\"ctrl-n\", \"tab\"]\nquit = []\n",
    );
    let output = home.run(&["config", "check"]);
    assert_eq!(output.status.code(), Some(1));
    let file = shown(&home.settings_file());
    assert_eq!(
        stdout(&output),
        format!(
            "{file}:2:26: [keys] next-screen: `Tab` already does focus-next on a prompt; \
             choose another key, or give focus-next other keys on a line above this one\n\
             {file}:3:8: [keys] quit: an empty list would leave no key for quit, which you \
             cannot do without; give it at least one key, or remove the line to keep its defaults\n"
        )
    );
    let doctor = home.run(&["doctor"]);
    let report = stdout(&doctor);
    assert_ne!(doctor.status.code(), Some(0), "{report}");
    assert!(!report.contains("No problems found"), "{report}");
    assert!(
        report.contains(&format!("{file}:3:8: [keys] quit:")),
        "{report}"
    );
}

#[test]
fn config_check_finds_a_theme_that_does_not_exist() {
    let home = scratch_home();
    fs::create_dir_all(home.settings_dir()).unwrap();
    fs::write(home.settings_file(), "theme = \"evenig\"\n").unwrap();
    let output = home.run(&["config", "check"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout(&output),
        format!(
            "{}:1:9: there is no theme `evenig`; did you mean `evening`? \
             (`truenorth theme list` shows them all)\n",
            shown(&home.settings_file())
        )
    );
}

// ------------------------------------------------------------------ themes

#[test]
fn theme_list_shows_built_in_and_own_themes() {
    let home = scratch_home();
    let (_, light) = builtin()[1];
    let own = home.settings_dir().join("themes").join("paper.toml");
    fs::create_dir_all(own.parent().unwrap()).unwrap();
    fs::write(&own, light.replace("name = \"light\"", "name = \"paper\"")).unwrap();
    fs::write(home.settings_file(), "theme = \"paper\"\n").unwrap();

    let output = home.run(&["theme", "list"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(
        out.starts_with(&format!(
            "* paper          Dark ink for terminals with a light background. (yours, {})\n",
            shown(&own)
        )),
        "{out}"
    );
    for (name, _) in builtin() {
        assert!(out.contains(&format!("  {name} ")), "{name}: {out}");
    }
    assert!(out.contains("(built-in)"));

    let checked = home.run(&["config", "check"]);
    assert_eq!(checked.status.code(), Some(0), "{}", stdout(&checked));
}

#[test]
fn theme_check_passes_every_built_in_theme() {
    let home = scratch_home();
    let mut args = vec!["theme".to_string(), "check".to_string()];
    for (name, text) in builtin() {
        home.write(&format!("{name}.toml"), text);
        args.push(format!("{name}.toml"));
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = home.run(&args);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert_eq!(
        stdout(&output),
        "default.toml: ok (theme `default`)\n\
         light.toml: ok (theme `light`)\n\
         high-contrast.toml: ok (theme `high-contrast`)\n\
         evening.toml: ok (theme `evening`)\n"
    );
}

#[test]
fn theme_check_fails_with_located_problems() {
    let home = scratch_home();
    let (_, default) = builtin()[0];
    home.write(
        "mine.toml",
        &default
            .replace("name = \"default\"", "name = \"mine\"")
            .replace("care = \"lightgreen\"", "cair = \"lightgreen\"")
            .replace("error = \"lightred\"", "error = \"#ff00\""),
    );
    let output = home.run(&["theme", "check", "mine.toml"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout(&output),
        "mine.toml:8:1: [colors] has no colour for `care`; every role needs a colour\n\
         mine.toml:16:1: unknown role `cair`; did you mean `care`?\n\
         mine.toml:22:9: `#ff00` is not a hex colour; write six hex digits, like \"#ffaf5f\"\n"
    );
}

// ------------------------------------------------------------------ completions and man

#[test]
fn completions_are_printed_for_each_shell() {
    let home = scratch_home();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let output = home.run(&["completions", shell]);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{shell}: {}",
            stderr(&output)
        );
        let script = stdout(&output);
        assert!(script.contains("truenorth"), "{shell}");
        assert!(script.contains("config"), "{shell}");
    }
    let unknown = home.run(&["completions", "tcsh"]);
    assert_eq!(unknown.status.code(), Some(2));
}

#[test]
fn man_prints_a_roff_page() {
    let home = scratch_home();
    let output = home.run(&["man"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let page = stdout(&output);
    assert!(page.contains(".TH truenorth"), "{page}");
    assert!(page.contains("completions"));
}

/// The ```toml block after docs/config.md's `## A complete example` heading.
fn config_docs_example() -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/config.md");
    let docs = fs::read_to_string(path).unwrap();
    let section = docs.split_once("## A complete example").unwrap().1;
    let block = section.split_once("```toml\n").unwrap().1;
    block.split_once("\n```").unwrap().0.to_string() + "\n"
}

#[test]
fn the_docs_complete_example_passes_config_check() {
    let home = scratch_home();
    home.write("example.toml", &config_docs_example());
    let output = home.run(&["config", "check", "example.toml"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
}

#[test]
fn keys_overrides_people_write_pass_config_check() {
    let home = scratch_home();
    home.write(
        "keys.toml",
        "[keys]\nfocus-next = [\"tab\"]\nshow-help = [\"?\", \"f2\"]\nquit = [\"q\", \"ctrl-c\"]\n",
    );
    let output = home.run(&["config", "check", "keys.toml"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    for quit in ["ctrl-q", "ctrl-x", "alt-q", "f10"] {
        home.write("quit.toml", &format!("[keys]\nquit = \"{quit}\"\n"));
        let output = home.run(&["config", "check", "quit.toml"]);
        assert_eq!(output.status.code(), Some(0), "{quit}: {}", stdout(&output));
    }
}
