//! `matasks list`: fetch a dataset's tasks and render them.

use std::io::{self, BufWriter, IsTerminal};

use anyhow::{Context, Result};

use crate::api::{self, ListQuery, Page};
use crate::cli::{GlobalArgs, ListArgs, OutputFormat};
use crate::client::Client;
use crate::config;
use crate::error::UsageError;
use crate::output::{self, TableStyle};
use crate::term;

/// The API's own default page size.
const DEFAULT_LIMIT: u32 = 10;

pub async fn run(global: &GlobalArgs, args: &ListArgs) -> Result<()> {
    let settings = config::resolve(global, &config::process_env)?;
    let dataset = resolve_dataset(args.dataset.as_deref(), settings.dataset_id.as_deref())?;
    let client = Client::new(settings.endpoint, settings.project_id, settings.credentials)?;

    let limit = args.limit.unwrap_or(DEFAULT_LIMIT);
    let query = ListQuery {
        limit,
        offset: u64::from(args.offset),
        task_type: args.task_type,
        task_name: args.task_name.clone().filter(|n| !n.is_empty()),
    };
    let page = api::list_tasks(&client, &dataset, &query).await?;

    let stdout = io::stdout();
    let style = table_style(global, stdout.is_terminal());
    let mut sink = output::sink(args.output, BufWriter::new(stdout.lock()), style);
    let mut write = || -> io::Result<()> {
        sink.begin(&page)?;
        for task in &page.tasks {
            sink.task(task)?;
        }
        sink.page_done()?;
        sink.finish()
    };
    write().context("cannot write to stdout")?;

    if args.output == OutputFormat::Table {
        term::note(&page_summary(&page, limit, args.offset));
    }
    Ok(())
}

fn table_style(global: &GlobalArgs, stdout_is_terminal: bool) -> TableStyle {
    TableStyle {
        color: term::use_color(global.color, stdout_is_terminal),
        width: if stdout_is_terminal {
            term::terminal_width()
        } else {
            None
        },
    }
}

/// `--dataset`, else `MATASKS_DATASET` (clap reads both), else the profile's `dataset_id`.
fn resolve_dataset(flag_or_env: Option<&str>, profile: Option<&str>) -> Result<String, UsageError> {
    let dataset = flag_or_env
        .filter(|d| !d.trim().is_empty())
        .or(profile)
        .ok_or_else(|| {
            UsageError(
                "no dataset: pass --dataset ID, or set MATASKS_DATASET, or set `dataset_id` \
                 in the profile"
                    .to_string(),
            )
        })?;
    // These would be read as path steps, not as a dataset ID.
    if matches!(dataset, "." | "..") {
        return Err(UsageError(format!("`{dataset}` is not a dataset ID")));
    }
    Ok(dataset.to_string())
}

/// The line under the table, on stderr: `10 of 246 tasks (next page: --offset 1)`.
fn page_summary(page: &Page, limit: u32, offset: u32) -> String {
    let shown = page.tasks.len();
    let Some(total) = page.total_count else {
        return format!("{shown} tasks");
    };
    let pages = total.div_ceil(u64::from(limit));
    if shown == 0 {
        return if total == 0 {
            "no tasks found".to_string()
        } else {
            format!(
                "no tasks on page {offset}: {total} tasks fill pages 0 to {} at --limit {limit}",
                pages - 1
            )
        };
    }
    let mut line = format!("{shown} of {total} tasks");
    if u64::from(offset) + 1 < pages {
        line.push_str(&format!(" (next page: --offset {})", offset + 1));
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(tasks: usize, total: Option<u64>) -> Page {
        let tasks: Vec<String> = (0..tasks)
            .map(|i| format!("{{\"task_id\":\"t{i}\"}}"))
            .collect();
        let total = total
            .map(|t| format!(",\"total_count\":{t}"))
            .unwrap_or_default();
        Page::parse(format!("{{\"tasks\":[{}]{total}}}", tasks.join(",")).as_bytes()).unwrap()
    }

    #[test]
    fn summary_points_to_the_next_page() {
        assert_eq!(
            page_summary(&page(10, Some(246)), 10, 0),
            "10 of 246 tasks (next page: --offset 1)"
        );
        assert_eq!(page_summary(&page(6, Some(246)), 10, 24), "6 of 246 tasks");
        assert_eq!(page_summary(&page(2, Some(2)), 10, 0), "2 of 2 tasks");
        assert_eq!(page_summary(&page(0, Some(0)), 10, 0), "no tasks found");
        assert_eq!(
            page_summary(&page(0, Some(246)), 10, 30),
            "no tasks on page 30: 246 tasks fill pages 0 to 24 at --limit 10"
        );
        assert_eq!(page_summary(&page(3, None), 10, 0), "3 tasks");
    }

    #[test]
    fn dataset_precedence_and_checks() {
        assert_eq!(resolve_dataset(Some("a"), Some("b")).unwrap(), "a");
        assert_eq!(resolve_dataset(None, Some("b")).unwrap(), "b");
        assert_eq!(resolve_dataset(Some(" "), Some("b")).unwrap(), "b");
        let missing = resolve_dataset(None, None).unwrap_err().to_string();
        assert!(
            missing.contains("--dataset")
                && missing.contains("MATASKS_DATASET")
                && missing.contains("dataset_id")
        );
        assert!(resolve_dataset(Some(".."), None).is_err());
    }
}
