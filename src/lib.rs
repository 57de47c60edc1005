//! matasks: list the intelligent tasks of Huawei Cloud ModelArts datasets.
//!
//! The crate is layered; each layer uses only the ones before it:
//!
//! - [`util`]: helpers that know nothing of ModelArts (terminal, text, durations,
//!   clock, errors that pick an exit status, files and the platform);
//! - `domain`: what the API deals in (tasks, statuses, types, IDs, offsets);
//! - `settings`: profiles, flags' overrides and the environment, merged;
//! - `transport`: HTTP, retries, credentials and error answers;
//! - `api`: the one authorized client, the resources, paging;
//! - `output`: formats, columns, summaries;
//! - [`cli`]: the command line, the only code that knows clap.

pub mod cli;

mod api;
mod domain;
mod output;
mod settings;
mod transport;
#[doc(hidden)]
pub mod util;

#[cfg(test)]
mod layers;

use std::process::ExitCode;

/// Parse the command line, run the command, and turn any failure into a message on
/// stderr and an exit status.
pub fn run() -> ExitCode {
    cli::run()
}

/// A dataset's jobs of any kind, described as data, and the functions `list --kind`,
/// `get --kind` and `wait --kind` are made of: a kind the command line has no name for
/// is listed, read and waited for by its description alone. Each function reads the
/// settings as the command line gives them ([`cli::GlobalArgs`]) and blocks until it is
/// done; a failure is reported on stderr as a command's would be, and given as the exit
/// status the command would end with.
pub mod jobs {
    use std::process::ExitCode;
    use std::time::Duration;

    use crate::cli::GlobalArgs;
    pub use crate::domain::kind::{JobColumn, JobStatus, Kind, Outcome, Show, StatusValue};
    pub use crate::domain::resource::Resource;

    fn block_on<T>(
        work: impl std::future::Future<Output = anyhow::Result<T>>,
    ) -> Result<T, ExitCode> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| crate::cli::report(&anyhow::Error::new(e).context("cannot start")))?;
        runtime.block_on(work).map_err(|e| crate::cli::report(&e))
    }

    /// Every job of `kind` in `dataset` (the profile's when none), as the server wrote
    /// each: every page, `limit` a page.
    pub fn list(
        global: &GlobalArgs,
        dataset: Option<&str>,
        kind: &Kind,
        limit: u32,
    ) -> Result<Vec<String>, ExitCode> {
        block_on(crate::cli::jobs::all_jobs(global, dataset, kind, limit))
    }

    /// One job of `kind`, as the server wrote it.
    pub fn get(
        global: &GlobalArgs,
        dataset: Option<&str>,
        kind: &Kind,
        id: &str,
    ) -> Result<String, ExitCode> {
        block_on(crate::cli::jobs::one_job(global, dataset, kind, id))
    }

    /// Poll a job of `kind` every `interval` until its status says it is done, for at
    /// most `timeout`: success, or the exit status `wait` ends with (7 failed, 8
    /// stopped or deleted, 124 timed out, 5 not there).
    pub fn wait(
        global: &GlobalArgs,
        dataset: Option<&str>,
        kind: &'static Kind,
        id: &str,
        interval: Duration,
        timeout: Duration,
    ) -> Result<(), ExitCode> {
        let options = crate::cli::WaitOptions { timeout, interval };
        block_on(crate::cli::jobs::wait_for_job(
            global, dataset, kind, id, &options,
        ))
    }
}

/// Called by the binary before `main`: see [`util::term::look_at_stdout_at_start`].
#[doc(hidden)]
pub extern "C" fn look_at_stdout_at_start() {
    util::term::look_at_stdout_at_start();
}

/// Entry points for the fuzz targets under `fuzz/`, not an interface of the crate.
#[doc(hidden)]
pub mod fuzzing {
    use crate::domain::resource::Resource;
    use crate::output::{self, OutputFormat, TableStyle};
    use clap::ValueEnum;

    /// A page as `list` reads it (and as a page of each other list), then written
    /// out in every format, the table at a narrow width: nothing in an answer may make
    /// matasks panic.
    pub fn page(body: &[u8]) {
        for resource in [
            Resource::TASKS,
            Resource::DATASETS,
            Resource::IMPORT_TASKS,
            Resource::EXPORT_TASKS,
            Resource::VERSIONS,
            Resource::TEAM_TASKS,
        ] {
            let body = crate::api::page::PageBody::new(body.to_vec(), resource, "fuzz".into());
            let Ok(page) = body.parse() else {
                continue;
            };
            let style = TableStyle {
                color: true,
                width: Some(40),
                columns: output::DEFAULT_COLUMNS
                    .iter()
                    .chain(&output::WIDE_COLUMNS)
                    .copied()
                    .collect(),
                droppable: output::DEFAULT_COLUMNS.to_vec(),
                ..TableStyle::default()
            };
            for format in OutputFormat::value_variants() {
                let mut sink = if resource == Resource::TASKS {
                    output::sink(*format, std::io::sink(), style.clone())
                } else {
                    output::sink_for(resource, *format, std::io::sink(), style.clone())
                };
                let _ = sink.begin(&page);
                for item in &page.items {
                    let _ = sink.item(item);
                }
                let _ = sink.page_done();
                let _ = sink.finish();
            }
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
            let error = crate::transport::api_error::api_error(status, &headers, body);
            let _ = error.to_string();
            let _ = error.hint();
        }
        let _ = crate::transport::retry::retry_after(&headers);
    }

    /// A config file as every command reads it, and as `config set` edits it.
    pub fn config(text: &str) {
        let _ = crate::settings::parse(std::path::Path::new("fuzz.toml"), text);
        let _ = crate::settings::edit::check_document(text);
    }
}
