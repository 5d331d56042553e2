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
        Err(error) => {
            eprintln!("truenorth: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let paths = Paths::resolve(cli.journal).map_err(anyhow::Error::msg)?;
    match cli.command {
        None => {
            let code = truenorth::ui::run(&paths, cli.exit_after_first_frame)?;
            Ok(ExitCode::from(code))
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
            let text = if text == "-" {
                std::io::read_to_string(std::io::stdin().lock())?
            } else {
                text
            };
            let entry = truenorth::commands::journal::NewEntry {
                text,
                tags,
                private,
            };
            truenorth::commands::journal::add(
                &paths,
                entry,
                SystemClock.now(),
                &mut std::io::stdout().lock(),
            )?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::List { filter }) => {
            let out = &mut std::io::stdout().lock();
            truenorth::commands::journal::list(&paths, &filter, SystemClock.today(), out)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Search {
            query,
            limit,
            filter,
        }) => {
            let out = &mut std::io::stdout().lock();
            let query = query.join(" ");
            let today = SystemClock.today();
            truenorth::commands::journal::search(&paths, &query, limit, &filter, today, out)?;
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
        Some(Command::Man) => {
            truenorth::commands::shell::man(&mut std::io::stdout().lock())?;
            Ok(ExitCode::SUCCESS)
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
            let today = SystemClock.today();
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
