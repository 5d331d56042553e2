//! The terminal front end: one event loop over small screens.

pub mod action;
pub mod app;
pub mod external_editor;
pub mod keymap;
pub mod screens;
pub mod theme;
pub mod tui;
pub mod widgets;

use std::panic::{self, AssertUnwindSafe};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context;
use crossterm::event::{self, Event};

use crate::clock::SystemClock;
use crate::store::Paths;
use app::{App, Effect};

/// How often the loop wakes without input, for autosave and signals.
const TICK: Duration = Duration::from_millis(200);

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
    let mut terminal = tui::enter().context("cannot set up the terminal")?;
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
        if exit_after_first_frame {
            terminal.draw(|frame| app.render(frame))?;
            return Ok(());
        }
        event_loop(&mut terminal, &mut app, &stop)
    }));
    app.flush_drafts();
    let left = tui::leave();
    match outcome {
        Ok(result) => {
            result?;
            left?;
            let signal = stop.load(Ordering::Relaxed);
            Ok(if signal == 0 {
                0
            } else {
                128u8.saturating_add(signal as u8)
            })
        }
        Err(panic) => panic::resume_unwind(panic),
    }
}

fn event_loop(terminal: &mut tui::Term, app: &mut App, stop: &AtomicUsize) -> anyhow::Result<()> {
    loop {
        terminal.draw(|frame| app.render(frame))?;
        if app.should_quit() || stop.load(Ordering::Relaxed) != 0 {
            return Ok(());
        }
        if event::poll(TICK)? {
            // Take every queued event before drawing again, so fast typing or an
            // unbracketed paste does not wait a frame per key.
            loop {
                match event::read()? {
                    Event::Key(key) => app.handle_key(key),
                    Event::Paste(text) => app.handle_paste(&text),
                    _ => {}
                }
                if app.should_quit() || !event::poll(Duration::ZERO)? {
                    break;
                }
            }
        }
        app.tick(Instant::now());
        if let Some(Effect::ExternalEditor(text)) = app.take_effect() {
            tui::leave()?;
            let result = external_editor::edit(&text, app.data_dir());
            // A fresh terminal redraws everything; asking the terminal to clear would
            // query the cursor position, which not every terminal answers.
            *terminal = tui::enter()?;
            app.finish_external_edit(result);
        }
    }
}
