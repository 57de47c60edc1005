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
pub mod help;
pub(crate) mod jobs;
mod kind;
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
pub use completions::script as completion_script;
pub(crate) use report::report;
pub(crate) use wait::WaitOptions;

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
    /// List a dataset's intelligent tasks (auto labeling, pre-labeling, auto grouping, auto
    /// deployment), or with --kind its imports, exports, versions or team labeling tasks
    #[command(visible_alias = "ls", after_help = help::list())]
    List(list::ListArgs),

    /// Show one task (or, with --kind, another job): status, progress, elapsed time and
    /// any error
    #[command(after_help = help::get())]
    Get(get::GetArgs),

    /// List the project's datasets: IDs, names, samples and running tasks
    #[command(visible_alias = "ds", after_help = help::datasets())]
    Datasets(datasets::DatasetsArgs),

    /// Wait until a task (or, with --kind, another job) is done; the exit status says how
    /// it ended (0 succeeded, 7 failed, 8 stopped, 124 timed out)
    #[command(after_help = help::wait())]
    Wait(wait::WaitArgs),

    /// Start an intelligent task in a dataset (auto-label, pre-label, auto-grouping) and
    /// print its ID
    #[command(after_help = help::start())]
    Start(start::StartArgs),

    /// Stop a running task
    #[command(after_help = help::stop())]
    Stop(stop::StopArgs),

    /// Inspect and change the configuration: profiles, credentials, the config file
    #[command(subcommand)]
    Config(config::ConfigCommand),

    /// Print a completion script for a shell, e.g. `matasks completions bash >
    /// ~/.local/share/bash-completion/completions/matasks`
    #[command(after_help = help::completions())]
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
                    | config::ConfigCommand::Profiles
                    | config::ConfigCommand::Show
                    | config::ConfigCommand::Regions
                    | config::ConfigCommand::Check(_)
            ),
        }
    }
}

/// Parse the command line, run the command, and turn any failure into a message on
/// stderr and an exit status.
pub fn run() -> ExitCode {
    let mut cli = match parse() {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version go to stdout and exit 0; usage errors exit 2.
            let _ = e.print();
            return ExitCode::from(e.exit_code() as u8);
        }
    };
    term::init(cli.global.color, cli.global.verbose);
    time::show_in_utc(cli.global.utc);
    if let Command::List(args) = &mut cli.command
        && let Err(e) = args.resolve()
    {
        // A name that is no intelligent task's is told as clap tells a mistake.
        if let Some(e) = e.downcast_ref::<clap::Error>() {
            let _ = e.print();
            return ExitCode::from(e.exit_code() as u8);
        }
        return report::report(&e);
    }
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
            Command::List(args) if args.job.is_some() => jobs::run(&cli.global, args).await,
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

/// The command line as matasks presents it: [`Cli`]'s definitions, each command showing
/// only the global options it has a use for (see [`globals_used`]).
pub fn command() -> clap::Command {
    finish(Cli::command())
}

/// `cmd`, built, with the global options each command has no use for hidden from its
/// help and its completions. They are still accepted there, and change nothing.
pub fn finish(mut cmd: clap::Command) -> clap::Command {
    // Globals reach the commands when the tree is built.
    cmd.build();
    hide_unused_globals(&mut cmd, &mut Vec::new());
    cmd
}

fn hide_unused_globals(cmd: &mut clap::Command, path: &mut Vec<String>) {
    for sub in cmd.get_subcommands_mut() {
        path.push(sub.get_name().to_string());
        let path_names: Vec<&str> = path.iter().map(String::as_str).collect();
        if let Some(used) = globals_used(&path_names) {
            *sub = std::mem::take(sub).mut_args(|arg| {
                let unused = arg.is_global_set() && !used.contains(&arg.get_id().as_str());
                arg.hide(unused)
            });
        }
        hide_unused_globals(sub, path);
        path.pop();
    }
}

/// The global options (by id) the command at `path` has a use for; `None` for all of
/// them, as every command that talks to the API has.
fn globals_used(path: &[&str]) -> Option<&'static [&'static str]> {
    const FILE: &[&str] = &["profile", "config"];
    const SETTINGS: &[&str] = &["profile", "config", "endpoint", "region", "project_id"];
    const SETTINGS_AND_NETWORK: &[&str] = &[
        "profile",
        "config",
        "endpoint",
        "region",
        "project_id",
        "retries",
        "connect_timeout",
        "request_timeout",
        "ca_bundle",
        "insecure",
    ];
    match path {
        ["completions"] | ["config", "regions"] => Some(&[]),
        ["config", "path" | "profiles"] => Some(&["config"]),
        ["config"] | ["config", "list" | "set" | "unset"] => Some(FILE),
        ["config", "init"] => Some(SETTINGS),
        ["config", "show"] => Some(SETTINGS_AND_NETWORK),
        _ => None,
    }
}

/// Parse the command line, noting which settings came from their variables.
fn parse() -> Result<Cli, clap::Error> {
    let matches = command().try_get_matches()?;
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

    #[test]
    fn the_globals_a_command_uses_are_globals() {
        let cmd = command();
        let globals: Vec<&str> = cmd
            .get_arguments()
            .filter(|arg| arg.is_global_set())
            .map(|arg| arg.get_id().as_str())
            .collect();
        let mut paths = vec![vec!["completions"], vec!["config"]];
        for sub in cmd.find_subcommand("config").unwrap().get_subcommands() {
            paths.push(vec!["config", sub.get_name()]);
        }
        for path in paths {
            for id in globals_used(&path).unwrap_or_default() {
                assert!(globals.contains(id), "{path:?}: {id}");
            }
        }
    }
}
