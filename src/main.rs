use std::process::ExitCode;

use clap::Parser;
use truenorth::cli::{Cli, Command};
use truenorth::clock::{Clock, SystemClock};
use truenorth::store::Paths;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        // Output piped into `head` or a pager that quit early is not a failure.
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        // Ctrl-C at the passphrase prompt: the terminal is back as it was; exit the
        // way an interrupted program does.
        Err(error) if is_interrupted(&error) => {
            eprintln!("truenorth: {}", truenorth::commands::describe_error(&error));
            ExitCode::from(130)
        }
        Err(error) => {
            eprintln!("truenorth: {}", truenorth::commands::describe_error(&error));
            ExitCode::FAILURE
        }
    }
}

/// Whether the command reads or writes journal text, so an encrypted journal must be
/// unlocked first. Settings, themes, packs, shell helpers and the sample writer do
/// not; `encrypt` and `decrypt` ask for themselves.
fn needs_passphrase(command: Option<&Command>) -> bool {
    !matches!(
        command,
        Some(
            Command::Theme { .. }
                | Command::Config { .. }
                | Command::Completions { .. }
                | Command::Man { .. }
                | Command::Pack { .. }
                | Command::Dev { .. }
                | Command::Encrypt
                | Command::Decrypt
        )
    )
}

fn is_interrupted(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::Interrupted)
    })
}

/// Whether the error is the reader of our output going away (`| head`): a JSON
/// writer wraps it in its own error, so both are looked through.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == BrokenPipe)
            || cause
                .downcast_ref::<serde_json::Error>()
                .is_some_and(|json| json.io_error_kind() == Some(BrokenPipe))
    })
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    if cli.demo {
        if cli.command.is_some() {
            anyhow::bail!("--demo opens the app on a sample journal; it takes no command");
        }
        return run_demo(cli.exit_after_first_frame);
    }
    let paths = Paths::resolve(cli.journal).map_err(anyhow::Error::msg)?;
    // Held until the command is done; taken first, so a busy journal fails before
    // anything is asked.
    let _lock = match &cli.command {
        Some(command) => truenorth::commands::lock::hold_for(&paths, command)?,
        None => None,
    };
    if needs_passphrase(cli.command.as_ref()) {
        // Asked once, before the app takes the terminal or a command prints anything.
        let mut asker = truenorth::commands::encryption::asker();
        truenorth::commands::encryption::unlock_journal(&paths, asker.as_mut())?;
    }
    match cli.command {
        None => {
            let code = truenorth::ui::run(&paths, cli.exit_after_first_frame)?;
            Ok(ExitCode::from(code))
        }
        Some(Command::Encrypt) => {
            let mut asker = truenorth::commands::encryption::asker();
            let out = &mut std::io::stdout().lock();
            truenorth::commands::encryption::encrypt(&paths, asker.as_mut(), out)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Decrypt) => {
            let mut asker = truenorth::commands::encryption::asker();
            let out = &mut std::io::stdout().lock();
            truenorth::commands::encryption::decrypt(&paths, asker.as_mut(), out)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Doctor) => {
            let healthy = truenorth::commands::doctor(&paths, &mut std::io::stdout().lock())?;
            Ok(if healthy {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        Some(Command::Add {
            text,
            tags,
            private,
        }) => {
            let text = if text == ["-"] {
                std::io::read_to_string(std::io::stdin().lock())?
            } else {
                text.join(" ")
            };
            let entry = truenorth::commands::journal::NewEntry {
                text,
                tags,
                private,
            };
            let when = truenorth::commands::when::Context::load(&paths, SystemClock.now());
            truenorth::commands::journal::add(
                &paths,
                entry,
                when.moment(),
                &mut std::io::stdout().lock(),
            )?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::List { filter }) => {
            use truenorth::commands::journal;
            let listing = journal::load_listing(&paths, filter.json)?;
            let out = &mut std::io::stdout().lock();
            let listed = journal::list(&listing, &filter, journal_today(&paths), out);
            journal::leak_at_exit(listing);
            listed?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Search {
            query,
            limit,
            filter,
        }) => {
            use truenorth::commands::journal;
            let query = query.join(" ");
            let listing =
                journal::load_listing(&paths, journal::search_reads_text(&query, &filter))?;
            let out = &mut std::io::stdout().lock();
            let today = journal_today(&paths);
            let found = journal::search(&listing, &query, limit, &filter, today, out);
            journal::leak_at_exit(listing);
            found?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Tags {
            command,
            json,
            include_private,
        }) => {
            use truenorth::commands::{journal, tags};
            let out = &mut std::io::stdout().lock();
            match command {
                None => {
                    let listing = journal::load_listing(&paths, false)?;
                    let listed = tags::list(&listing, json, include_private, out);
                    journal::leak_at_exit(listing);
                    listed?;
                }
                Some(truenorth::cli::TagsCommand::Rename { old, new }) => {
                    if !tags::rename(&paths, &old, &new, out)? {
                        return Ok(ExitCode::from(1));
                    }
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Stats { week, weeks, json }) => {
            let options = truenorth::commands::stats::StatsOptions { week, weeks, json };
            let out = &mut std::io::stdout().lock();
            truenorth::commands::stats::run(&paths, &options, SystemClock.now(), out)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Theme { command }) => {
            let out = &mut std::io::stdout().lock();
            let ok = truenorth::commands::theme::run(&paths.config, command, out)?;
            Ok(if ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        Some(Command::Config { command }) => {
            let out = &mut std::io::stdout().lock();
            let ok = truenorth::commands::config::run(&paths.config, command, out)?;
            Ok(if ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        Some(Command::Completions { shell }) => {
            truenorth::commands::shell::completions(shell, &mut std::io::stdout().lock())?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Man { dir }) => {
            let out = &mut std::io::stdout().lock();
            match dir {
                Some(dir) => truenorth::commands::shell::man_pages(&dir, out)?,
                None => truenorth::commands::shell::man(out)?,
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Export(args)) => {
            let context = truenorth::commands::when::Context::load(&paths, SystemClock.now());
            truenorth::commands::export::run(
                &paths,
                &args,
                context,
                &mut std::io::stdout().lock(),
                &mut std::io::stderr().lock(),
            )?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Import(args)) => {
            let out = &mut std::io::stdout().lock();
            let ok = truenorth::commands::import::run(&paths, &args, out)?;
            Ok(if ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        Some(Command::Dev { command }) => {
            truenorth::commands::dev::run(command, &mut std::io::stdout().lock())?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Commit { command }) => {
            let context = truenorth::commands::when::Context::load(&paths, SystemClock.now());
            let out = &mut std::io::stdout().lock();
            let ok = truenorth::commands::commit::run(&paths, command, context, out)?;
            Ok(if ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        Some(Command::People { command }) => {
            let context = truenorth::commands::when::Context::load(&paths, SystemClock.now());
            let out = &mut std::io::stdout().lock();
            let ok = truenorth::commands::people::run(&paths, command, context, out)?;
            Ok(if ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        Some(Command::Pack { command }) => {
            // The one read of the clock for pack commands: "today" for starts, pauses
            // and progress.
            let today = journal_today(&paths);
            let ok = truenorth::commands::pack::run(
                &paths,
                command,
                today,
                &mut std::io::stdout().lock(),
            )?;
            Ok(if ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
    }
}

/// Today's journal day for a command: the app's rule (before the rollover hour it is
/// still yesterday), so the shell and the screens always mean the same day.
fn journal_today(paths: &Paths) -> chrono::NaiveDate {
    truenorth::commands::when::Context::load(paths, SystemClock.now()).today
}

/// `truenorth --demo`: the app on a generated sample journal in a fresh temporary
/// folder, never the user's journal (`--journal` and `TRUENORTH_DIR` are ignored). The
/// folder is removed when the app returns, signals included (they end the loop).
fn run_demo(exit_after_first_frame: bool) -> anyhow::Result<ExitCode> {
    let folder = truenorth::sample::demo_folder()?;
    let paths = Paths {
        data: folder.path().to_path_buf(),
        config: folder.path().join("config"),
    };
    // The demo runs on the default settings, so its journal day follows their rollover.
    let today = truenorth::store::Config::default().journal_day(SystemClock.now().naive_local());
    truenorth::sample::write_demo(&paths.data, today)?;
    let code = truenorth::ui::run(&paths, exit_after_first_frame)?;
    truenorth::sample::remove_demo_folder(folder)?;
    Ok(ExitCode::from(code))
}
