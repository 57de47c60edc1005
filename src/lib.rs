//! matasks: list the intelligent tasks of Huawei Cloud ModelArts datasets.

mod api;
mod auth;
pub mod cli;
mod client;
mod clock;
mod config;
mod configure;
mod error;
mod get;
mod id;
mod list;
#[doc(hidden)]
pub mod model;
mod offsets;
mod output;
mod paging;
mod platform;
mod progress;
mod regions;
mod retry;
mod session;
mod term;
mod text;
mod wait;
mod watch;

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

use crate::cli::{COMMAND_ENV, Cli, Command, GLOBAL_ENV};

/// Called by the binary before `main`: see [`term::look_at_stdout_at_start`].
#[doc(hidden)]
pub extern "C" fn look_at_stdout_at_start() {
    term::look_at_stdout_at_start();
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
    if let Err(why) = clock::check() {
        return error::report(&error::ConfigError(why).into());
    }
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => return error::report(&anyhow::Error::new(e).context("cannot start")),
    };
    if cli.command.prints_data() && !term::stdout_is_open() {
        return error::report(&anyhow::anyhow!(
            "stdout is closed: there is nowhere to print (redirect it to /dev/null to discard)"
        ));
    }
    let result = runtime.block_on(async {
        match &cli.command {
            Command::List(args) => list::run(&cli.global, args).await,
            Command::Get(args) => get::run(&cli.global, args).await,
            Command::Wait(args) => wait::run(&cli.global, args).await,
            Command::Config(command) => configure::run(&cli.global, command).await,
            Command::Completions(args) => completions(args.shell),
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => error::report(&err),
    }
}

/// The completion script for `shell`, on stdout: the same as the files in
/// `completions/`.
fn completions(shell: clap_complete::Shell) -> anyhow::Result<()> {
    use std::io::Write;
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "matasks", &mut script);
    let mut out = std::io::stdout().lock();
    out.write_all(&script)?;
    out.flush()?;
    Ok(())
}

/// Parse the command line, noting which global settings came from their variables.
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

/// Entry points for the fuzz targets under `fuzz/`, not an interface of the crate.
#[doc(hidden)]
pub mod fuzzing {
    use crate::cli::OutputFormat;
    use crate::output::{self, TableStyle};

    /// A page as `list` reads it, then written out in every format, the table at a
    /// narrow width: nothing in an answer may make matasks panic.
    pub fn page(body: &[u8]) {
        let body = crate::api::PageBody::new(body.to_vec(), "fuzz".into());
        let Ok(page) = body.parse() else {
            return;
        };
        for format in [
            OutputFormat::Table,
            OutputFormat::Json,
            OutputFormat::Ndjson,
        ] {
            let style = TableStyle {
                color: true,
                width: Some(40),
                columns: output::DEFAULT_COLUMNS
                    .iter()
                    .chain(&output::WIDE_COLUMNS)
                    .copied()
                    .collect(),
            };
            let mut sink = output::sink(format, std::io::sink(), style);
            let _ = sink.begin(&page);
            for task in &page.tasks {
                let _ = sink.task(task);
            }
            let _ = sink.page_done();
            let _ = sink.finish();
        }
    }

    /// An error answer, with the same bytes as its `Date` and `Retry-After` headers:
    /// decoded into the one line (and hint) a user sees.
    pub fn error_answer(body: &[u8]) {
        use reqwest::header::{DATE, HeaderMap, HeaderValue, RETRY_AFTER};
        let mut headers = HeaderMap::new();
        if let Ok(value) = HeaderValue::from_bytes(&body[..body.len().min(64)]) {
            headers.insert(DATE, value.clone());
            headers.insert(RETRY_AFTER, value);
        }
        for status in [400, 401, 429, 503] {
            let status = reqwest::StatusCode::from_u16(status).expect("a valid status");
            let error = crate::client::api_error(status, &headers, body);
            let _ = error.to_string();
            let _ = error.hint();
        }
        let _ = crate::retry::retry_after(&headers);
    }

    /// A config file as every command reads it, and as `config set` edits it.
    pub fn config(text: &str) {
        let _ = crate::config::parse(std::path::Path::new("fuzz.toml"), text);
        let _ = crate::config::edit::check_document(text);
    }
}
