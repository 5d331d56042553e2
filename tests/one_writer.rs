//! One writer per journal, and nothing lost when the journal cannot be written: a
//! second window opens read-only and never overwrites the first; a full disk or a
//! read-only folder keeps the text on screen and in a rescue file; an entry changed
//! on disk meanwhile keeps both versions. Driven through the app as keys arrive.

use std::fs;
use std::path::{Path, PathBuf};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use truenorth::clock::FixedClock;
use truenorth::domain::Day;
#[cfg(debug_assertions)]
use truenorth::store::atomic::fault::{self, Fault};
use truenorth::store::rescue::Rescue;
use truenorth::store::{DraftFile, Drafts, Journal, Paths};
use truenorth::ui::app::App;

const MORNING: &str = "2026-11-25T07:30:00+01:00";

struct Fixture {
    dir: tempfile::TempDir,
    paths: Paths,
}

impl Fixture {
    fn new() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let paths = Paths {
            data: dir.path().join("data"),
            config: dir.path().join("config"),
        };
        Fixture { dir, paths }
    }

    fn open(&self) -> App {
        App::open(&self.paths, Box::new(FixedClock::at(MORNING))).unwrap()
    }

    fn day(&self) -> Option<Day> {
        let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        Journal::open(&self.paths.data)
            .unwrap()
            .load_day(date)
            .unwrap()
    }

    fn day_path(&self) -> PathBuf {
        self.paths.data.join("journal/2026/2026-11-25.toml")
    }

    fn texts(&self) -> Vec<String> {
        self.day()
            .map(|day| day.entries.into_iter().map(|e| e.text).collect())
            .unwrap_or_default()
    }

    /// What rescue files in the temp folder hold for this journal (left in place).
    fn rescued(&self) -> DraftFile {
        let mut drafts = DraftFile::default();
        Rescue::new(std::env::temp_dir(), &self.paths.data).take_back(&mut drafts);
        drafts
    }

    fn remove_rescues(&self) {
        let taken = Rescue::new(std::env::temp_dir(), &self.paths.data)
            .take_back(&mut DraftFile::default());
        for path in taken {
            let _ = fs::remove_file(path);
        }
    }
}

fn draw(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    terminal.draw(|frame| app.render(frame)).unwrap();
    terminal.backend().to_string()
}

fn ctrl_s(app: &mut App) {
    app.handle_key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
}

/// Puts `text` at the end of the answer in slot `slot`, as a paste.
fn write(app: &mut App, slot: usize, text: &str) {
    app.today.focus = truenorth::ui::screens::today::Focus::Slot(slot);
    app.handle_paste(text);
}

fn notice(app: &App) -> String {
    app.notice().map(|n| n.text.clone()).unwrap_or_default()
}

fn draft_texts(drafts: &DraftFile) -> Vec<String> {
    drafts
        .days
        .iter()
        .flat_map(|day| day.slots.iter().map(|slot| slot.text.clone()))
        .collect()
}

#[test]
fn a_second_window_is_read_only_and_never_writes() {
    let fixture = Fixture::new();
    let mut first = fixture.open();
    assert_eq!(first.read_only(), None);
    write(&mut first, 0, "From the first window.");
    ctrl_s(&mut first);
    first.flush_drafts();
    let day_before = fs::read(fixture.day_path()).unwrap();

    let mut second = fixture.open();
    let reason = second.read_only().expect("the second window is read-only");
    assert!(
        reason.contains(&format!("the truenorth app (pid {}", std::process::id())),
        "{reason}"
    );
    let screen = draw(&second);
    assert!(screen.contains("READ-ONLY"), "{screen}");

    write(&mut second, 1, "From the second window.");
    ctrl_s(&mut second);
    let told = notice(&second);
    assert!(told.starts_with("Not saved (read-only window)"), "{told}");
    let kept = second
        .rescued_to()
        .expect("kept in a rescue file")
        .to_path_buf();
    assert!(told.contains(&kept.display().to_string()), "{told}");
    assert!(kept.starts_with(std::env::temp_dir()));
    assert_private(&kept);
    second.flush_drafts();

    // Nothing of the second window reached the journal, drafts included.
    assert_eq!(fs::read(fixture.day_path()).unwrap(), day_before);
    assert!(!fixture.paths.data.join("drafts.toml").exists());
    assert_eq!(draft_texts(&fixture.rescued()), ["From the second window."]);

    // Writes that do not go through Ctrl-S are refused too: starting a pack.
    while second.screen() != truenorth::ui::app::Screen::Packs {
        second.update(truenorth::ui::action::Action::NextScreen);
    }
    let packs_before = fs::read_dir(&fixture.paths.data).unwrap().count();
    second.update(truenorth::ui::action::Action::StartPack);
    assert!(notice(&second).starts_with("Not saved (read-only window)"));
    assert_eq!(
        fs::read_dir(&fixture.paths.data).unwrap().count(),
        packs_before
    );

    // The first window still writes, and its save is all there.
    write(&mut first, 0, " More.");
    ctrl_s(&mut first);
    assert_eq!(fixture.texts(), ["From the first window. More."]);

    // The next window that can write takes the second window's text back as a draft.
    drop(first);
    drop(second);
    let third = fixture.open();
    assert_eq!(third.read_only(), None);
    assert!(
        third.today.slots[1]
            .text()
            .contains("From the second window.")
    );
    assert!(!kept.exists(), "the rescue file is taken back");
    assert_eq!(
        draft_texts(&Drafts::new(&fixture.paths.data).load().unwrap()),
        ["From the second window."]
    );
}

// Faults are injected in debug builds only.
#[cfg(debug_assertions)]
#[test]
fn a_full_disk_keeps_the_text_on_screen_and_in_a_rescue_file() {
    let fixture = Fixture::new();
    let mut app = fixture.open();
    write(&mut app, 0, "Saved before the disk filled.");
    ctrl_s(&mut app);
    let saved = fs::read(fixture.day_path()).unwrap();

    fault::inject(&fixture.paths.data, Fault::DiskFull);
    write(&mut app, 0, " Written while it was full.");
    ctrl_s(&mut app);
    let told = notice(&app);
    fault::clear(&fixture.paths.data);

    assert!(told.starts_with("Not saved:"), "{told}");
    assert!(told.contains("No space left on device"), "{told}");
    assert!(told.contains("the disk is full: free some space"), "{told}");
    let kept = app.rescued_to().expect("a rescue file").to_path_buf();
    assert!(told.contains(&kept.display().to_string()), "{told}");
    // Nothing truncated, no temp file left, the text still on screen and unsaved.
    assert_eq!(fs::read(fixture.day_path()).unwrap(), saved);
    assert_eq!(
        fs::read_dir(fixture.day_path().parent().unwrap())
            .unwrap()
            .count(),
        1
    );
    assert_eq!(
        app.today.slots[0].text(),
        "Saved before the disk filled. Written while it was full."
    );
    assert!(app.today.is_dirty());
    assert_eq!(
        draft_texts(&fixture.rescued()),
        ["Saved before the disk filled. Written while it was full."]
    );

    // Space again: the save goes through and the rescue file is no longer needed.
    ctrl_s(&mut app);
    assert!(notice(&app).starts_with("Saved at"), "{}", notice(&app));
    assert_eq!(
        fixture.texts(),
        ["Saved before the disk filled. Written while it was full."]
    );
    assert_eq!(app.rescued_to(), None);
    assert!(!kept.exists());
}

// Faults are injected in debug builds only.
#[cfg(debug_assertions)]
#[test]
fn a_read_only_folder_is_a_clear_error_and_loses_nothing() {
    let fixture = Fixture::new();
    let mut app = fixture.open();
    fault::inject(&fixture.paths.data, Fault::ReadOnly);
    write(&mut app, 0, "Typed on a read-only disk.");
    ctrl_s(&mut app);
    let told = notice(&app);
    fault::clear(&fixture.paths.data);
    assert!(told.contains("Read-only file system"), "{told}");
    assert!(
        told.contains("the journal folder cannot be written"),
        "{told}"
    );
    assert!(fixture.day().is_none());
    assert_eq!(
        draft_texts(&fixture.rescued()),
        ["Typed on a read-only disk."]
    );
    // Autosave while it stays read-only keeps the rescue file up to date.
    fault::inject(&fixture.paths.data, Fault::ReadOnly);
    write(&mut app, 0, " And more.");
    app.flush_drafts();
    fault::clear(&fixture.paths.data);
    assert_eq!(
        draft_texts(&fixture.rescued()),
        ["Typed on a read-only disk. And more."]
    );
    fixture.remove_rescues();
}

/// The same with a folder the system really refuses to write, where it can: root
/// writes anywhere, so there the simulated failure above stands in for it.
#[cfg(unix)]
#[test]
fn a_folder_without_write_permission_loses_nothing() {
    use std::os::unix::fs::PermissionsExt;
    let fixture = Fixture::new();
    let mut app = fixture.open();
    write(&mut app, 0, "First.");
    ctrl_s(&mut app);
    let year = fixture.day_path().parent().unwrap().to_path_buf();
    fs::set_permissions(&year, fs::Permissions::from_mode(0o500)).unwrap();
    let probe = year.join("probe");
    if fs::write(&probe, b"").is_ok() {
        let _ = fs::remove_file(&probe);
        fs::set_permissions(&year, fs::Permissions::from_mode(0o700)).unwrap();
        eprintln!("running as root: permissions do not stop writes; skipped");
        return;
    }
    write(&mut app, 0, " Second.");
    ctrl_s(&mut app);
    let told = notice(&app);
    fs::set_permissions(&year, fs::Permissions::from_mode(0o700)).unwrap();
    assert!(told.contains("Permission denied"), "{told}");
    assert_eq!(fixture.texts(), ["First."]);
    assert_eq!(app.today.slots[0].text(), "First. Second.");
    ctrl_s(&mut app);
    assert_eq!(fixture.texts(), ["First. Second."]);
}

#[test]
fn an_answer_changed_on_disk_meanwhile_keeps_both_versions() {
    let fixture = Fixture::new();
    let mut app = fixture.open();
    write(&mut app, 0, "Mine.");
    ctrl_s(&mut app);
    // Someone edits the file by hand (or a sync brings another machine's version).
    let path = fixture.day_path();
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, text.replace("Mine.", "Edited by hand.")).unwrap();

    write(&mut app, 0, " And more of mine.");
    ctrl_s(&mut app);
    assert!(
        notice(&app).contains("both versions are kept"),
        "{}",
        notice(&app)
    );
    let mut texts = fixture.texts();
    texts.sort();
    assert_eq!(texts, ["Edited by hand.", "Mine. And more of mine."]);
}

#[test]
fn a_rating_set_elsewhere_is_not_undone_by_saving_an_answer() {
    let fixture = Fixture::new();
    let mut app = fixture.open();
    write(&mut app, 0, "An answer.");
    ctrl_s(&mut app);
    let path = fixture.day_path();
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, format!("{text}\n[ratings]\nenergy = 4\n")).unwrap();
    write(&mut app, 0, " More.");
    ctrl_s(&mut app);
    let day = fixture.day().unwrap();
    assert_eq!(day.ratings.energy, truenorth::domain::Rating::new(4));
}

/// What the property test does with its two windows.
#[derive(Debug, Clone)]
enum Op {
    Write {
        second: bool,
        slot: usize,
    },
    Save {
        second: bool,
    },
    /// Close the window (as quitting does) and open it again.
    Reopen {
        second: bool,
    },
    /// Close both, and open the second first: the roles swap.
    Swap,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (any::<bool>(), 0..2usize).prop_map(|(second, slot)| Op::Write { second, slot }),
        3 => any::<bool>().prop_map(|second| Op::Save { second }),
        1 => any::<bool>().prop_map(|second| Op::Reopen { second }),
        1 => Just(Op::Swap),
    ]
}

fn close(app: Option<App>) {
    if let Some(mut app) = app {
        app.flush_drafts();
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Two windows on one journal, typing, saving, closing and reopening in any
    /// order: every save of the window that writes is on disk as saved (the other
    /// never overwrites it), and every word typed in either is still somewhere: on
    /// disk, in the drafts, in a rescue file or on a screen.
    #[test]
    fn a_second_window_never_loses_a_write_of_the_first(ops in prop::collection::vec(op(), 1..14)) {
        let fixture = Fixture::new();
        let mut windows = [Some(fixture.open()), Some(fixture.open())];
        let mut saved: [Option<String>; 2] = [None, None];
        let mut typed = Vec::new();
        for (step, op) in ops.iter().enumerate() {
            match *op {
                Op::Write { second, slot } => {
                    let word = format!("w{step}");
                    typed.push(word.clone());
                    let app = windows[usize::from(second)].as_mut().unwrap();
                    write(app, slot, &format!(" {word}"));
                }
                Op::Save { second } => {
                    let app = windows[usize::from(second)].as_mut().unwrap();
                    let writer = app.read_only().is_none();
                    let texts: Vec<String> = app.today.slots.iter().map(|s| s.text()).collect();
                    let before = fs::read(fixture.day_path()).ok();
                    ctrl_s(app);
                    if writer {
                        for (slot, text) in texts.into_iter().enumerate().take(2) {
                            if !text.trim().is_empty() {
                                saved[slot] = Some(text);
                            }
                        }
                    } else {
                        prop_assert_eq!(fs::read(fixture.day_path()).ok(), before);
                    }
                }
                Op::Reopen { second } => {
                    close(windows[usize::from(second)].take());
                    windows[usize::from(second)] = Some(fixture.open());
                }
                Op::Swap => {
                    close(windows[0].take());
                    close(windows[1].take());
                    windows[1] = Some(fixture.open());
                    windows[0] = Some(fixture.open());
                }
            }
            let writers = windows.iter().flatten().filter(|app| app.read_only().is_none()).count();
            prop_assert_eq!(writers, 1, "exactly one window writes");
        }

        // Every save of a writing window is on disk as it was saved.
        let on_disk = fixture.texts();
        for text in saved.iter().flatten() {
            prop_assert!(on_disk.contains(text), "{:?} lost; on disk: {:?}", text, on_disk);
        }
        // Every word typed is still somewhere.
        let mut everywhere = on_disk.join("\n");
        for app in windows.iter().flatten() {
            for slot in &app.today.slots {
                everywhere.push_str(&slot.text());
            }
        }
        if let Ok(drafts) = Drafts::new(&fixture.paths.data).load() {
            everywhere.push_str(&draft_texts(&drafts).join("\n"));
        }
        everywhere.push_str(&draft_texts(&fixture.rescued()).join("\n"));
        for word in &typed {
            prop_assert!(
                everywhere.split(|c: char| !c.is_alphanumeric()).any(|w| w == word),
                "{} was lost", word
            );
        }
        drop(windows);
        fixture.remove_rescues();
        drop(fixture.dir);
    }
}

fn assert_private(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{}", path.display());
    }
}

/// A loose file deep in a private folder is found once the journal has been read,
/// and its warning stands on its own line beside a broken file's, both kept while
/// the status line changes.
#[cfg(unix)]
#[test]
fn loose_permissions_and_a_broken_file_are_both_shown() {
    use std::os::unix::fs::PermissionsExt;
    let fixture = Fixture::new();
    let mut app = fixture.open();
    write(&mut app, 0, "Kept private.");
    ctrl_s(&mut app);
    drop(app);
    let loose = fixture.day_path();
    fs::set_permissions(&loose, fs::Permissions::from_mode(0o644)).unwrap();
    let broken = fixture.paths.data.join("journal/2026/2026-11-20.toml");
    fs::write(&broken, "[[entry]\n").unwrap();
    fs::set_permissions(&broken, fs::Permissions::from_mode(0o600)).unwrap();

    let mut app = fixture.open();
    app.spawn_scan();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while !app.journal_ready() {
        assert!(
            std::time::Instant::now() < deadline,
            "the journal never loaded"
        );
        app.tick(std::time::Instant::now());
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let screen = draw(&app);
    assert!(screen.contains("Not loaded, left untouched"), "{screen}");
    assert!(screen.contains("2026-11-20.toml"), "{screen}");
    assert!(
        screen.contains("Others on this machine can read your journal"),
        "{screen}"
    );
    assert!(screen.contains("2026-11-25.toml (mode 644)"), "{screen}");
    assert!(screen.contains("Fix: chmod"), "{screen}");
    // A message on the status line does not take the warning's place.
    write(&mut app, 0, " More.");
    ctrl_s(&mut app);
    let screen = draw(&app);
    assert!(
        screen.contains("Others on this machine can read your journal"),
        "{screen}"
    );
}
