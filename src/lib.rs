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
