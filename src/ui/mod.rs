//! The terminal front end: one event loop over small screens.

pub mod action;
pub mod app;
pub mod external_editor;
mod input;
pub mod keymap;
pub mod screens;
pub mod settings;
pub mod theme;
pub mod tui;
pub mod widgets;

use std::io::Write;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context;
use crossterm::event::Event;

use crate::clock::SystemClock;
use crate::store::Paths;
use app::{App, Effect};
use input::{Heard, Input};

/// How often the loop wakes without input, for autosave and signals.
const TICK: Duration = Duration::from_millis(200);
/// How often it wakes while background work (an export preview) is due, so its result
/// shows within a frame or two rather than at the next tick.
const BUSY_TICK: Duration = Duration::from_millis(16);

/// Opens the TUI on the journal at `paths` and runs until the person quits or a
/// signal asks it to stop. Drafts are written and the terminal restored on every way
/// out: quit, SIGTERM/SIGHUP/SIGINT, an error or a panic.
///
/// Returns the process exit code: 0, or 128 + the signal's number when a signal
/// ended it, as shells expect.
pub fn run(paths: &Paths, exit_after_first_frame: bool) -> anyhow::Result<u8> {
    let mut app = App::open(paths, Box::new(SystemClock))
        .with_context(|| format!("cannot open the journal in {}", paths.data.display()))?;
    app.spawn_scan();
    // Holds the number of the signal that asked us to stop, 0 while none has.
    let stop = Arc::new(AtomicUsize::new(0));
    for signal in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register_usize(signal, Arc::clone(&stop), signal as usize)?;
    }
    tui::install_panic_hook();
    let mut terminal = tui::enter(app.mouse_enabled()).context("cannot set up the terminal")?;
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
        if exit_after_first_frame {
            terminal.draw(|frame| app.render(frame))?;
            return Ok(());
        }
        event_loop(&mut terminal, &mut app, &stop)
    }));
    app.flush_drafts();
    let left = tui::leave();
    // Said after the screen is restored, so it stays in the terminal. Not eprintln:
    // a terminal that has gone cannot be told, and that must not become a panic.
    if let Some(path) = app.rescued_to() {
        let _ = writeln!(
            std::io::stderr(),
            "truenorth: your unsaved text is kept in {}; it comes back as a draft the \
             next time truenorth opens this journal and can write to it.",
            path.display()
        );
    }
    let signal = stop.load(Ordering::Relaxed);
    match outcome {
        // A terminal that went away makes the last draw fail; that is the hang-up,
        // not an error, and the drafts are written above.
        Ok(Err(error)) if signal != 0 || terminal_gone(&error) => {
            let hang_up = signal_hook::consts::SIGHUP as usize;
            Ok(128u8.saturating_add(if signal == 0 { hang_up } else { signal } as u8))
        }
        Ok(result) => {
            result?;
            if signal == 0 {
                left?;
            }
            Ok(if signal == 0 {
                0
            } else {
                128u8.saturating_add(signal as u8)
            })
        }
        Err(panic) => panic::resume_unwind(panic),
    }
}

/// Whether `error` says the terminal is no longer there (its window closed).
fn terminal_gone(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause.downcast_ref::<std::io::Error>().is_some_and(|io| {
            io.raw_os_error() == Some(5) // EIO: the far end of the terminal is closed
                || matches!(
                    io.kind(),
                    std::io::ErrorKind::BrokenPipe | std::io::ErrorKind::UnexpectedEof
                )
        })
    })
}

fn event_loop(terminal: &mut tui::Term, app: &mut App, stop: &AtomicUsize) -> anyhow::Result<()> {
    let input = Input::start().context("cannot read the terminal")?;
    loop {
        terminal.draw(|frame| app.render(frame))?;
        if app.should_quit() || stop.load(Ordering::Relaxed) != 0 {
            return Ok(());
        }
        let wait = if app.export_busy() { BUSY_TICK } else { TICK };
        let mut heard = input.next(wait);
        // Take every queued event before drawing again, so fast typing or an
        // unbracketed paste does not wait a frame per key.
        loop {
            match heard {
                Heard::Event(Event::Key(key)) => app.handle_key(key),
                Heard::Event(Event::Paste(text)) => app.handle_paste(&text),
                Heard::Event(Event::Mouse(mouse)) => {
                    let size = terminal.size()?;
                    app.handle_mouse(mouse, size.into());
                }
                Heard::Event(_) | Heard::Nothing => {}
                Heard::Gone(error) => {
                    return Err(error).context("the terminal went away");
                }
            }
            match input.next_now() {
                Some(event) if !app.should_quit() => heard = Heard::Event(event),
                _ => break,
            }
        }
        app.tick(Instant::now());
        if let Some(Effect::ExternalEditor(text)) = app.take_effect() {
            // A missing editor is found out before leaving the screen, so the message
            // shows in the app, beside the text it kept.
            let result = match external_editor::choose_here(app.editor_setting()) {
                Ok(editor) => {
                    input.pause();
                    tui::leave()?;
                    let result = external_editor::edit(&text, app.data_dir(), &editor);
                    // A fresh terminal redraws everything; asking the terminal to clear
                    // would query the cursor position, which not every terminal answers.
                    *terminal = tui::enter(app.mouse_enabled())?;
                    input.resume();
                    result
                }
                Err(message) => Err(std::io::Error::other(message)),
            };
            app.finish_external_edit(result);
        }
    }
}
