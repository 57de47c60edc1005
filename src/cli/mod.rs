//! The command line: the only code that knows clap. It parses the arguments, turns
//! the global flags into the settings' overrides, runs one command (each in a file of
//! its own, with its arguments) and reports how it ended.

mod across;
mod args;
mod completions;
mod config;
mod context;
mod datasets;
mod get;
mod list;
mod report;
mod start;
mod stop;
mod wait;
mod watch;

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::util::error::ConfigError;
use crate::util::{clock, term, time};
use args::{COMMAND_ENV, GLOBAL_ENV};
pub use args::{GlobalArgs, parse_duration};

/// List, inspect and wait for the intelligent tasks of ModelArts datasets.
///
/// Reads settings and credentials from a TOML profile (`matasks config init`
/// creates one; see also `config.example.toml`) or from the environment
/// variables of Huawei Cloud's official SDKs, authenticates with an access key
/// pair, an IAM token or a password, and prints the tasks as a table, JSON or
/// NDJSON.
#[derive(Debug, Parser)]
#[command(
    name = "matasks",
    version,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List a dataset's intelligent tasks (auto labeling, pre-labeling, auto grouping, auto deployment)
    #[command(visible_alias = "ls")]
    List(list::ListArgs),

    /// Show one task: status, progress, elapsed time and any error
    Get(get::GetArgs),

    /// List the project's datasets: IDs, names, samples and running tasks
    #[command(visible_alias = "ds")]
    Datasets(datasets::DatasetsArgs),

    /// Wait until a task is done; the exit status says how it ended (0 succeeded,
    /// 7 failed, 8 stopped, 124 timed out)
    Wait(wait::WaitArgs),

    /// Start an intelligent task in a dataset (auto-label, pre-label, auto-grouping) and
    /// print its ID
    Start(start::StartArgs),

    /// Stop a running task
    Stop(stop::StopArgs),

    /// Inspect and change the configuration: profiles, credentials, the config file
    #[command(subcommand)]
    Config(config::ConfigCommand),

    /// Print a completion script for a shell, e.g. `matasks completions bash >
    /// /etc/bash_completion.d/matasks`
    Completions(completions::CompletionsArgs),
}

impl Command {
    /// Whether the command writes data to stdout, which must then be open.
    pub fn prints_data(&self) -> bool {
        match self {
            Command::List(_) | Command::Get(_) | Command::Datasets(_) | Command::Completions(_) => {
                true
            }
            Command::Wait(args) => args.output.is_some(),
            Command::Start(_) => true,
            Command::Stop(args) => args.dry_run || args.output.is_some(),
            Command::Config(command) => matches!(
                command,
                config::ConfigCommand::Path
                    | config::ConfigCommand::List
                    | config::ConfigCommand::Show
                    | config::ConfigCommand::Check(_)
            ),
        }
    }
}

/// Parse the command line, run the command, and turn any failure into a message on
/// stderr and an exit status.
pub fn run() -> ExitCode {
    let cli = match parse() {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version go to stdout and exit 0; usage errors exit 2.
            let _ = e.print();
            return ExitCode::from(e.exit_code() as u8);
        }
    };
    term::init(cli.global.color, cli.global.verbose);
    time::show_in_utc(cli.global.utc);
    if let Err(why) = clock::check().and_then(|()| time::check()) {
        return report::report(&ConfigError(why).into());
    }
    if cli.command.prints_data() && !term::stdout_is_open() {
        return report::report(&anyhow::anyhow!(
            "stdout is closed: there is nowhere to print (redirect it to /dev/null to discard)"
        ));
    }
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => return report::report(&anyhow::Error::new(e).context("cannot start")),
    };
    let result = runtime.block_on(async {
        match &cli.command {
            Command::List(args) if args.all_datasets => across::run(&cli.global, args).await,
            Command::List(args) => list::run(&cli.global, args).await,
            Command::Get(args) => get::run(&cli.global, args).await,
            Command::Datasets(args) => datasets::run(&cli.global, args).await,
            Command::Wait(args) => wait::run(&cli.global, args).await,
            Command::Start(args) => start::run(&cli.global, args).await,
            Command::Stop(args) => stop::run(&cli.global, args).await,
            Command::Config(command) => config::run(&cli.global, command).await,
            Command::Completions(args) => completions::run(args),
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => report::report(&err),
    }
}

/// Parse the command line, noting which settings came from their variables.
fn parse() -> Result<Cli, clap::Error> {
    let matches = Cli::command().try_get_matches()?;
    let mut cli = Cli::from_arg_matches(&matches)?;
    // Globals are propagated to the subcommand's matches; look where they were given.
    let mut level = &matches;
    let mut levels = vec![level];
    while let Some((_, sub)) = level.subcommand() {
        levels.push(sub);
        level = sub;
    }
    for (id, var) in GLOBAL_ENV {
        let from_env = levels
            .iter()
            .any(|m| m.value_source(id) == Some(clap::parser::ValueSource::EnvVariable));
        if from_env {
            cli.global.from_env.push(var);
        }
    }
    // A command's own flags are only at its level.
    for (id, var) in COMMAND_ENV {
        let from_env = levels.iter().any(|m| {
            m.ids().any(|given| given.as_str() == *id)
                && m.value_source(id) == Some(clap::parser::ValueSource::EnvVariable)
        });
        if from_env {
            cli.global.from_env.push(var);
        }
    }
    Ok(cli)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn definitions_are_consistent() {
        Cli::command().debug_assert();
    }
}
