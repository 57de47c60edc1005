//! matasks: list the intelligent tasks of Huawei Cloud ModelArts datasets.

mod api;
mod auth;
pub mod cli;
mod client;
mod config;
mod error;
mod list;
mod model;
mod output;
mod paging;
mod progress;
mod regions;
mod term;

use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command};

/// Parse the command line, run the command, and turn any failure into a message on
/// stderr and an exit status.
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version go to stdout and exit 0; usage errors exit 2.
            let _ = e.print();
            return ExitCode::from(e.exit_code() as u8);
        }
    };
    term::init(cli.global.color, cli.global.verbose);
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => return error::report(&anyhow::Error::new(e).context("cannot start")),
    };
    let result = runtime.block_on(async {
        match &cli.command {
            Command::List(args) => list::run(&cli.global, args).await,
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => error::report(&err),
    }
}
