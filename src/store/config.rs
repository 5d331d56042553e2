//! The person's settings, `<config dir>/config.toml` (format in `docs/config.md`).
//!
//! Every key has a default, so a missing file, or a missing key, is normal. A file
//! that cannot be used is reported with its line and column, and the app runs on the
//! defaults rather than refusing to start: a typo in a setting must never keep a
//! principal from their journal.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::ops::Range;
use std::path::Path;

use chrono::{Duration, NaiveDate, NaiveDateTime, Weekday};
use serde::Deserialize;
use toml::Spanned;

use crate::domain::Problem;
use crate::domain::keys::KeySpec;
use crate::domain::problem::line_column;
use crate::domain::problem::unknown_key;

/// The config file's name inside the config dir.
pub const FILE_NAME: &str = "config.toml";

/// Everything `config.toml` can set, each key at its default when not written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// The theme's name: a built-in one or one in `<config dir>/themes/`.
    pub theme: String,
    /// The first day of a week for weekly views and streaks: Monday or Sunday.
    pub week_start: Weekday,
    /// An entry written before this hour (0-23) counts for the day before, so a
    /// late-night reflection belongs to the day it reflects on.
    pub day_rollover_hour: u8,
    /// Daily prompts shown on Today: 0 none, 1 love/care/vulnerability only, 2 that
    /// and a true-north prompt. Pack prompts are not counted.
    pub prompts_per_day: u8,
    /// A command line for the external editor, used before `$VISUAL` and `$EDITOR`.
    pub editor: Option<String>,
    /// Whether the app takes the mouse (wheel and clicks). Off, the terminal keeps it,
    /// so text can be selected and copied by dragging as usual.
    pub mouse: bool,
    pub export: ExportDefaults,
    /// Key overrides from `[keys]`, in the order written.
    pub keys: Vec<KeyOverride>,
}

/// The `[export]` table: what an export does when not told otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportDefaults {
    pub format: ExportFormat,
    /// Whether people's names are kept in exports; off, they are replaced by pseudonyms
    /// ("Student A")
    /// so an export can be shared with a coach.
    pub include_names: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Markdown,
    Html,
    Json,
    Text,
}

impl ExportFormat {
    /// The names `format` accepts, the first of each being the one documented.
    const NAMES: &[(ExportFormat, &[&str])] = &[
        (ExportFormat::Markdown, &["md", "markdown"]),
        (ExportFormat::Html, &["html"]),
        (ExportFormat::Json, &["json"]),
        (ExportFormat::Text, &["txt", "text"]),
    ];

    /// The short name, which is also the file extension.
    pub fn name(self) -> &'static str {
        Self::NAMES
            .iter()
            .find(|(format, _)| *format == self)
            .map_or("md", |(_, names)| names[0])
    }

    pub fn from_name(name: &str) -> Option<ExportFormat> {
        let name = name.trim().to_ascii_lowercase();
        Self::NAMES
            .iter()
            .find(|(_, names)| names.contains(&name.as_str()))
            .map(|(format, _)| *format)
    }
}

/// One line of `[keys]`: the keys that replace an action's default keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyOverride {
    /// The action's name as written (`save`, `focus-next`); the keymap knows which
    /// names exist, so it checks them, using `position` to say where a bad one is.
    pub action: String,
    pub keys: Vec<KeySpec>,
    /// Line and column of the action's name in the file.
    pub position: (usize, usize),
    /// Line and column of the value (the list or the single key).
    pub value_position: (usize, usize),
    /// Line and column of each key in `keys`, in the same order.
    pub key_positions: Vec<(usize, usize)>,
}

impl KeyOverride {
    /// A problem about this line of `[keys]` in the file `source`, located at the
    /// action's name: for what only the keymap can judge (an action it does not know,
    /// a key that clashes).
    pub fn problem(&self, source: &str, message: impl Into<String>) -> Problem {
        Problem::new(source, message).at(Some(self.position))
    }

    /// A problem about one of this line's keys (`Some(index)` into `keys`), or about
    /// the value as a whole, located there rather than at the action's name.
    pub fn value_problem(
        &self,
        source: &str,
        key: Option<usize>,
        message: impl Into<String>,
    ) -> Problem {
        let at = key
            .and_then(|index| self.key_positions.get(index).copied())
            .unwrap_or(self.value_position);
        Problem::new(source, message).at(Some(at))
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            theme: "default".to_string(),
            week_start: Weekday::Mon,
            day_rollover_hour: 4,
            prompts_per_day: 2,
            editor: None,
            mouse: true,
            export: ExportDefaults {
                format: ExportFormat::Markdown,
                include_names: false,
            },
            keys: Vec::new(),
        }
    }
}

/// A table as written: each key and value with its place.
type RawTable = BTreeMap<Spanned<String>, Spanned<toml::Value>>;

/// The two tables, read again with their own places (toml keeps none for a nested
/// table's keys when the whole file is read as one map).
#[derive(Debug, Deserialize)]
struct RawTables {
    export: Option<RawTable>,
    keys: Option<RawTable>,
}

/// The top-level keys, for "did you mean".
const TOP_KEYS: &[&str] = &[
    "theme",
    "week_start",
    "day_rollover_hour",
    "prompts_per_day",
    "editor",
    "mouse",
    "export",
    "keys",
];
const EXPORT_KEYS: &[&str] = &["format", "include_names"];

impl Config {
    /// Reads `path`. A missing file gives the defaults and no problem. A file that
    /// cannot be read, or is not TOML, gives the defaults and that problem; otherwise
    /// every setting that can be used is, and each one that cannot is left at its
    /// default with a problem saying why.
    pub fn load(path: &Path) -> (Config, Vec<Problem>) {
        let source = path.display().to_string();
        match fs::read_to_string(path) {
            Ok(text) => Config::read(&source, &text),
            Err(error) if error.kind() == io::ErrorKind::NotFound => {
                (Config::default(), Vec::new())
            }
            Err(error) => {
                let problem = Problem::new(source, format!("cannot read it: {error}"));
                (Config::default(), vec![problem])
            }
        }
    }

    /// Parses a config file; `source` names it in problems. Every problem is
    /// reported at once (never an empty list), each as `file:line:col: message`.
    pub fn parse(source: &str, text: &str) -> Result<Config, Vec<Problem>> {
        let (config, problems) = Config::read(source, text);
        if problems.is_empty() {
            Ok(config)
        } else {
            Err(problems)
        }
    }

    /// The settings in `text` with every usable one applied, and every problem, in
    /// the file's order. A setting with a problem keeps its default.
    pub fn read(source: &str, text: &str) -> (Config, Vec<Problem>) {
        let top: RawTable = match toml::from_str(text) {
            Ok(top) => top,
            Err(error) => {
                return (
                    Config::default(),
                    vec![Problem::from_toml(source, text, &error)],
                );
            }
        };
        let mut check = Check {
            source,
            text,
            problems: Vec::new(),
        };
        let mut config = Config::default();
        let mut tables_wanted = false;

        for (key, value) in &top {
            let span = value.span();
            match (key.get_ref().as_str(), value.get_ref()) {
                ("theme", toml::Value::String(name)) => {
                    let name = name.trim();
                    if name.is_empty() {
                        check.report(
                            span,
                            "theme is empty; write a theme's name, like \"default\"",
                        );
                    } else {
                        config.theme = name.to_string();
                    }
                }
                ("week_start", toml::Value::String(day)) => {
                    match day.trim().to_ascii_lowercase().as_str() {
                        "monday" | "mon" => config.week_start = Weekday::Mon,
                        "sunday" | "sun" => config.week_start = Weekday::Sun,
                        other => check.report(
                            span,
                            format!("week_start must be \"monday\" or \"sunday\", not `{other}`"),
                        ),
                    }
                }
                ("day_rollover_hour", value) => match value.as_integer().map(u8::try_from) {
                    Some(Ok(hour)) if hour <= 23 => config.day_rollover_hour = hour,
                    _ => check.report(
                        span,
                        format!(
                            "day_rollover_hour must be an hour from 0 to 23, not {}",
                            shown(value)
                        ),
                    ),
                },
                ("prompts_per_day", value) => match value.as_integer().map(u8::try_from) {
                    Some(Ok(count)) if count <= 2 => config.prompts_per_day = count,
                    _ => check.report(
                        span,
                        format!(
                            "prompts_per_day must be 0, 1 or 2 (none; love, care or \
                             vulnerability; and true north too), not {}",
                            shown(value)
                        ),
                    ),
                },
                ("editor", toml::Value::String(command)) => {
                    let command = command.trim();
                    if command.is_empty() {
                        check.report(
                            span,
                            "editor is empty; write a command like \"nano\", or remove the line \
                             to use $VISUAL or $EDITOR",
                        );
                    } else {
                        config.editor = Some(command.to_string());
                    }
                }
                ("mouse", toml::Value::Boolean(on)) => config.mouse = *on,
                ("export" | "keys", toml::Value::Table(_)) => tables_wanted = true,
                ("theme" | "week_start" | "editor", value) => check.report(
                    span,
                    format!(
                        "{} must be text in quotes, not {}",
                        key.get_ref(),
                        shown(value)
                    ),
                ),
                ("mouse", value) => check.report(
                    span,
                    format!("mouse must be true or false, not {}", shown(value)),
                ),
                ("export" | "keys", _) => check.report(
                    span,
                    format!(
                        "{0} must be a table: a line `[{0}]` with its settings under it",
                        key.get_ref()
                    ),
                ),
                (unknown, _) => check.report(key.span(), unknown_key(unknown, TOP_KEYS)),
            }
        }

        let tables = if tables_wanted {
            match toml::from_str::<RawTables>(text) {
                Ok(tables) => tables,
                Err(error) => {
                    check
                        .problems
                        .push(Problem::from_toml(source, text, &error));
                    RawTables {
                        export: None,
                        keys: None,
                    }
                }
            }
        } else {
            RawTables {
                export: None,
                keys: None,
            }
        };
        for (key, value) in tables.export.iter().flatten() {
            let span = value.span();
            match (key.get_ref().as_str(), value.get_ref()) {
                ("format", toml::Value::String(name)) => match ExportFormat::from_name(name) {
                    Some(format) => config.export.format = format,
                    None => check.report(
                        span,
                        format!(
                            "export format must be \"md\", \"html\", \"json\" or \"txt\", not `{name}`"
                        ),
                    ),
                },
                ("format", value) => check.report(
                    span,
                    format!(
                        "export format must be \"md\", \"html\", \"json\" or \"txt\" in quotes, \
                         not {}",
                        shown(value)
                    ),
                ),
                ("include_names", toml::Value::Boolean(on)) => config.export.include_names = *on,
                ("include_names", value) => check.report(
                    span,
                    format!("include_names must be true or false, not {}", shown(value)),
                ),
                (unknown, _) => check.report(key.span(), unknown_key(unknown, EXPORT_KEYS)),
            }
        }
        for (action, value) in tables.keys.iter().flatten() {
            if let Some(keys) = check.keys(action.get_ref(), value) {
                config.keys.push(KeyOverride {
                    action: action.get_ref().trim().to_string(),
                    key_positions: keys.iter().map(|(_, at)| line_column(text, *at)).collect(),
                    keys: keys.into_iter().map(|(spec, _)| spec).collect(),
                    position: line_column(text, action.span().start),
                    value_position: line_column(text, value.span().start),
                });
            }
        }
        // The order written, not the map's alphabetical one.
        config.keys.sort_by_key(|line| line.position);
        let mut problems = check.problems;
        problems.sort_by_key(|problem| problem.position);
        (config, problems)
    }

    /// The journal day a moment belongs to: before `day_rollover_hour` it is still
    /// the day before.
    pub fn journal_day(&self, now: NaiveDateTime) -> NaiveDate {
        let hours = i64::from(self.day_rollover_hour);
        (now - Duration::hours(hours)).date()
    }
}

/// The line and column of a top-level key's value in a config file's `text`, for
/// problems found after parsing (a theme that does not exist).
pub fn position_of(text: &str, key: &str) -> Option<(usize, usize)> {
    let table: BTreeMap<String, Spanned<toml::Value>> = toml::from_str(text).ok()?;
    table
        .get(key)
        .map(|value| line_column(text, value.span().start))
}

/// Sets `theme = "<name>"` in the config file at `path`, keeping the rest of the file
/// as the person wrote it: other keys, comments, blank lines and order. A missing file
/// is created holding just that line. A file that is not valid TOML is left untouched
/// and reported, since rewriting it could lose what they meant. The write is atomic,
/// and lands on the real file when `path` is a symlink (settings kept in a dotfiles
/// repository stay linked).
pub fn save_theme(path: &Path, name: &str) -> Result<(), crate::store::StoreError> {
    use crate::store::StoreError;
    let text = match fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) if error.kind() == io::ErrorKind::NotFound => String::new(),
        Err(error) => return Err(StoreError::io(path)(error)),
    };
    let updated = with_top_level_string(&text, "theme", name).map_err(|error| {
        let at = error.span().map(|span| line_column(&text, span.start));
        StoreError::Malformed(
            Problem::new(
                path.display().to_string(),
                format!(
                    "{}; fix it before a theme can be saved in it",
                    error.message().trim()
                ),
            )
            .at(at),
        )
    })?;
    let target = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    crate::store::atomic::write_atomic(&target, updated.as_bytes()).map_err(StoreError::io(&target))
}

/// `text` with the top-level `key` set to the string `value`: replaced in place (a
/// comment after it on the line stays) or, when absent, added after the other
/// top-level keys.
fn with_top_level_string(
    text: &str,
    key: &str,
    value: &str,
) -> Result<String, toml_edit::TomlError> {
    let mut document: toml_edit::DocumentMut = text.parse()?;
    match document
        .get_mut(key)
        .and_then(toml_edit::Item::as_value_mut)
    {
        Some(old) => {
            let decor = old.decor().clone();
            *old = toml_edit::Value::from(value);
            *old.decor_mut() = decor;
        }
        None => {
            document.insert(key, toml_edit::value(value));
        }
    }
    Ok(document.to_string())
}

/// Collects located problems while reading the raw file.
struct Check<'a> {
    source: &'a str,
    text: &'a str,
    problems: Vec<Problem>,
}

impl Check<'_> {
    fn report(&mut self, span: Range<usize>, message: impl Into<String>) {
        let at = Some(line_column(self.text, span.start));
        self.problems
            .push(Problem::new(self.source, message).at(at));
    }

    /// One `[keys]` value: a key string or a list of them, each with the byte offset
    /// where it is written.
    fn keys(
        &mut self,
        action: &str,
        value: &Spanned<toml::Value>,
    ) -> Option<Vec<(KeySpec, usize)>> {
        let one = |check: &mut Self, written: &toml::Value, span: Range<usize>| match written {
            toml::Value::String(key) => match KeySpec::parse(key) {
                Ok(spec) => Some(spec),
                Err(error) => {
                    check.report(span, format!("[keys] {action}: {error}"));
                    None
                }
            },
            _ => {
                check.report(
                    span,
                    format!("[keys] {action}: write each key in quotes, like \"ctrl-s\""),
                );
                None
            }
        };
        match value.get_ref() {
            toml::Value::Array(items) => {
                // toml keeps no place for array items, so each one is found in the
                // array's own text.
                let mut keys = Vec::new();
                let mut all_good = true;
                let array_text = &self.text[value.span()];
                let mut search_from = 0;
                for item in items {
                    let start = match item {
                        toml::Value::String(key) => array_text[search_from..]
                            .find(key.as_str())
                            .map(|found| search_from + found)
                            .map(|found| {
                                search_from = found + key.len();
                                // Point at the opening quote.
                                found.saturating_sub(1)
                            }),
                        _ => None,
                    }
                    .unwrap_or(0);
                    let at = value.span().start + start;
                    match one(self, item, at..at) {
                        Some(spec) => keys.push((spec, at)),
                        None => all_good = false,
                    }
                }
                all_good.then_some(keys)
            }
            single => one(self, single, value.span()).map(|spec| vec![(spec, value.span().start)]),
        }
    }
}

/// A value as it would be written, for "not ..." in a problem.
fn shown(value: &toml::Value) -> String {
    match value {
        toml::Value::String(text) => format!("\"{text}\""),
        toml::Value::Table(_) => "a table".to_string(),
        toml::Value::Array(_) => "a list".to_string(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::keys::Code;

    fn problems(text: &str) -> Vec<String> {
        Config::parse("config.toml", text)
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn an_empty_file_is_all_defaults() {
        let config = Config::parse("config.toml", "").unwrap();
        assert_eq!(config, Config::default());
        assert_eq!(config.theme, "default");
        assert_eq!(config.week_start, Weekday::Mon);
        assert_eq!(config.day_rollover_hour, 4);
        assert_eq!(config.prompts_per_day, 2);
        assert_eq!(config.editor, None);
        assert!(config.mouse);
        assert_eq!(config.export.format, ExportFormat::Markdown);
        assert!(!config.export.include_names);
        assert!(config.keys.is_empty());
    }

    #[test]
    fn a_missing_file_is_defaults_without_a_problem() {
        let dir = tempfile::tempdir().unwrap();
        let (config, problem) = Config::load(&dir.path().join(FILE_NAME));
        assert_eq!(config, Config::default());
        assert!(problem.is_empty());
    }

    #[test]
    fn a_bad_setting_keeps_its_default_and_the_rest_is_used() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        fs::write(
            &path,
            "theme = \"evening\"\nweek_start = \"friday\"\nprompts_per_day = 5\n",
        )
        .unwrap();
        let (config, problems) = Config::load(&path);
        assert_eq!(config.theme, "evening", "the good setting is used");
        assert_eq!(config.week_start, Weekday::Mon);
        assert_eq!(config.prompts_per_day, 2);
        let problems: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            problems,
            [
                format!(
                    "{}:2:14: week_start must be \"monday\" or \"sunday\", not `friday`",
                    path.display()
                ),
                format!(
                    "{}:3:19: prompts_per_day must be 0, 1 or 2 (none; love, care or \
                     vulnerability; and true north too), not 5",
                    path.display()
                ),
            ]
        );
    }

    #[test]
    fn a_file_that_is_not_toml_is_all_defaults() {
        let (config, problems) = Config::read("config.toml", "theme = \"light\nmouse = false\n");
        assert_eq!(config, Config::default());
        assert_eq!(problems.len(), 1);
    }

    #[test]
    fn every_key_is_read() {
        let text = r#"
theme = "evening"
week_start = "Sunday"
day_rollover_hour = 0
prompts_per_day = 1
editor = "code --wait"
mouse = false

[export]
format = "json"
include_names = true

[keys]
save = ["ctrl-s", "ctrl-w"]
quit = "ctrl-q"
"#;
        let config = Config::parse("config.toml", text).unwrap();
        assert_eq!(config.theme, "evening");
        assert_eq!(config.week_start, Weekday::Sun);
        assert_eq!(config.day_rollover_hour, 0);
        assert_eq!(config.prompts_per_day, 1);
        assert_eq!(config.editor.as_deref(), Some("code --wait"));
        assert!(!config.mouse);
        assert_eq!(config.export.format, ExportFormat::Json);
        assert!(config.export.include_names);
        let ctrl = |c| KeySpec {
            ctrl: true,
            ..KeySpec::plain(Code::Char(c))
        };
        assert_eq!(
            config.keys,
            [
                KeyOverride {
                    action: "save".into(),
                    keys: vec![ctrl('s'), ctrl('w')],
                    position: (14, 1),
                    value_position: (14, 8),
                    key_positions: vec![(14, 9), (14, 19)],
                },
                KeyOverride {
                    action: "quit".into(),
                    keys: vec![ctrl('q')],
                    position: (15, 1),
                    value_position: (15, 8),
                    key_positions: vec![(15, 8)],
                },
            ]
        );
    }

    #[test]
    fn unknown_keys_suggest_the_nearest() {
        assert_eq!(
            problems("thme = \"light\"\n"),
            ["config.toml:1:1: unknown key `thme`; did you mean `theme`?"]
        );
        assert_eq!(
            problems("[export]\nformat = \"md\"\ninclude_name = true\n"),
            ["config.toml:3:1: unknown key `include_name`; did you mean `include_names`?"]
        );
    }

    #[test]
    fn error_goldens() {
        let text = "theme = \"\"\nweek_start = \"tuesday\"\nday_rollover_hour = 24\n\
                    prompts_per_day = -1\neditor = \" \"\n\n[export]\nformat = \"pdf\"\n\n\
                    [keys]\nsave = [\"ctrl-s\", \"ctrl-entr\"]\nquit = 3\n";
        assert_eq!(
            problems(text),
            [
                "config.toml:1:9: theme is empty; write a theme's name, like \"default\"",
                "config.toml:2:14: week_start must be \"monday\" or \"sunday\", not `tuesday`",
                "config.toml:3:21: day_rollover_hour must be an hour from 0 to 23, not 24",
                "config.toml:4:19: prompts_per_day must be 0, 1 or 2 (none; love, care or \
                 vulnerability; and true north too), not -1",
                "config.toml:5:10: editor is empty; write a command like \"nano\", or remove \
                 the line to use $VISUAL or $EDITOR",
                "config.toml:8:10: export format must be \"md\", \"html\", \"json\" or \"txt\", \
                 not `pdf`",
                "config.toml:11:19: [keys] save: `ctrl-entr`: unknown key `entr`; did you mean \
                 `enter`?",
                "config.toml:12:8: [keys] quit: write each key in quotes, like \"ctrl-s\"",
            ]
        );
    }

    #[test]
    fn syntax_and_type_errors_are_located() {
        assert_eq!(
            problems("day_rollover_hour = \"4\"\n"),
            ["config.toml:1:21: day_rollover_hour must be an hour from 0 to 23, not \"4\""]
        );
        let unclosed = problems("theme = \"light\n");
        assert_eq!(unclosed.len(), 1);
        assert!(unclosed[0].starts_with("config.toml:1:"), "{unclosed:?}");
    }

    #[test]
    fn values_can_be_located_after_parsing() {
        let text = "# settings\n\ntheme = \"dusk\"\n[export]\nformat = \"md\"\n";
        assert_eq!(position_of(text, "theme"), Some((3, 9)));
        assert_eq!(position_of(text, "editor"), None);
        assert_eq!(position_of("theme = ", "theme"), None);
    }

    #[test]
    fn entries_before_the_rollover_hour_count_for_the_day_before() {
        let at = |day: u32, hour: u32, minute: u32| {
            NaiveDate::from_ymd_opt(2026, 11, day)
                .unwrap()
                .and_hms_opt(hour, minute, 0)
                .unwrap()
        };
        let nov = |day| NaiveDate::from_ymd_opt(2026, 11, day).unwrap();
        let config = Config::default();
        assert_eq!(config.journal_day(at(25, 3, 59)), nov(24));
        assert_eq!(config.journal_day(at(25, 4, 0)), nov(25));
        assert_eq!(config.journal_day(at(25, 23, 59)), nov(25));
        let midnight = Config {
            day_rollover_hour: 0,
            ..Config::default()
        };
        assert_eq!(midnight.journal_day(at(25, 0, 0)), nov(25));
    }

    #[test]
    fn saving_a_theme_keeps_the_rest_of_the_file() {
        let template = include_str!("../commands/config_template.toml");
        let mine = template
            .replace("theme = \"default\"", "theme = \"light\"  # for the office")
            .replace("week_start = \"monday\"", "week_start = \"sunday\"");
        let saved = with_top_level_string(&mine, "theme", "evening").unwrap();
        assert_eq!(
            saved,
            mine.replace("theme = \"light\"", "theme = \"evening\""),
            "only the value changes"
        );
        let config = Config::parse("config.toml", &saved).unwrap();
        assert_eq!(config.theme, "evening");
        assert_eq!(config.week_start, Weekday::Sun);
    }

    #[test]
    fn a_theme_missing_from_the_file_goes_before_the_tables() {
        let text = "# mine\nweek_start = \"sunday\"\n\n[export]\nformat = \"json\"\n";
        let saved = with_top_level_string(text, "theme", "light").unwrap();
        assert_eq!(
            saved,
            "# mine\nweek_start = \"sunday\"\ntheme = \"light\"\n\n[export]\nformat = \"json\"\n"
        );
        assert_eq!(
            with_top_level_string("", "theme", "light").unwrap(),
            "theme = \"light\"\n"
        );
    }

    #[test]
    fn saving_a_theme_creates_the_file_and_refuses_a_broken_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("settings").join(FILE_NAME);
        save_theme(&path, "high-contrast").unwrap();
        assert_eq!(
            fs::read_to_string(&path).unwrap(),
            "theme = \"high-contrast\"\n"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }

        let broken = "theme = \"light\"\nweek_start = \"sunday\n";
        fs::write(&path, broken).unwrap();
        let error = save_theme(&path, "evening").unwrap_err().to_string();
        assert!(
            error.starts_with(&format!("{}:2:", path.display())),
            "{error}"
        );
        assert!(
            error.ends_with("fix it before a theme can be saved in it"),
            "{error}"
        );
        assert_eq!(fs::read_to_string(&path).unwrap(), broken, "left untouched");
    }

    #[cfg(unix)]
    #[test]
    fn saving_a_theme_through_a_symlink_writes_the_linked_file() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("dotfiles-config.toml");
        fs::write(&real, "week_start = \"sunday\"\n").unwrap();
        let link = dir.path().join(FILE_NAME);
        std::os::unix::fs::symlink(&real, &link).unwrap();
        save_theme(&link, "light").unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(
            fs::read_to_string(&real).unwrap(),
            "week_start = \"sunday\"\ntheme = \"light\"\n"
        );
    }
}
