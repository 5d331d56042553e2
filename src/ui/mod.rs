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
use std::sync::atomic::{AtomicBool, Ordering};
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
pub fn run(paths: &Paths, exit_after_first_frame: bool) -> anyhow::Result<()> {
    let mut app = App::open(paths, Box::new(SystemClock))
        .with_context(|| format!("cannot open the journal in {}", paths.data.display()))?;
    app.spawn_scan();
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
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
        Ok(result) => result.and(left.map_err(Into::into)),
        Err(panic) => panic::resume_unwind(panic),
    }
}

fn event_loop(terminal: &mut tui::Term, app: &mut App, stop: &AtomicBool) -> anyhow::Result<()> {
    loop {
        terminal.draw(|frame| app.render(frame))?;
        if app.should_quit() || stop.load(Ordering::Relaxed) {
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
            *terminal = tui::enter()?;
            terminal.clear()?;
            app.finish_external_edit(result);
        }
    }
}
