//! `matasks list`: fetch a dataset's tasks and render them.

use std::cell::Cell;
use std::io::{self, BufWriter, IsTerminal};
use std::rc::Rc;

use anyhow::{Context, Result};

use crate::api::{self, ListQuery};
use crate::cli::{GlobalArgs, ListArgs, OutputFormat};
use crate::config;
use crate::error::UsageError;
use crate::output::shape::Shaped;
use crate::output::{self, Sink, TableStyle};
use crate::paging::{self, Outcome, Plan};
use crate::progress::Progress;
use crate::session;
use crate::term;

/// The API's own default page size.
const DEFAULT_LIMIT: u32 = 10;
/// The page size for `--all`: the API's largest, for the fewest requests.
const ALL_LIMIT: u32 = 100;
/// Pages in flight with `--all` unless `--concurrency` or the profile says otherwise.
pub const DEFAULT_CONCURRENCY: u32 = 8;

pub async fn run(global: &GlobalArgs, args: &ListArgs) -> Result<()> {
    let settings = config::resolve(global, &config::process_env)?;
    let dataset = resolve_dataset(args.dataset.as_deref(), settings.dataset_id.as_deref())?;
    let offset_mode = settings.offset_mode.unwrap_or_default();
    let plan = plan(args, settings.concurrency);
    let client = session::client_for(&settings, plan.concurrency).await?;

    let base = ListQuery {
        limit: plan.limit,
        offset: 0,
        task_type: args.task_type,
        task_name: args.task_name.clone().filter(|n| !n.is_empty()),
    };
    let (client, dataset, base) = (&client, dataset.as_str(), &base);
    let fetch = |page: u64| {
        let query = ListQuery {
            offset: offset_mode.param(page, base.limit),
            ..base.clone()
        };
        async move { api::list_tasks(client, dataset, &query).await }
    };

    let stdout = io::stdout();
    let stdout_is_terminal = stdout.is_terminal();
    if args.watch {
        let style = table_style(global, args, stdout_is_terminal);
        return crate::watch::run(args, &plan, fetch, style).await;
    }
    // Streamed JSON on the same terminal is its own progress report.
    let progress = if plan.all
        && term::verbosity() == 0
        && (args.output == OutputFormat::Table || !stdout_is_terminal)
    {
        Progress::on_stderr()
    } else {
        Progress::hidden()
    };
    let sort = match args.sort {
        Some(_) if args.output == OutputFormat::Ndjson => {
            term::warn(
                "--sort is ignored with -o ndjson, which streams tasks in the server's order",
            );
            None
        }
        sort => sort,
    };
    let matched = Rc::new(Cell::new(0));
    let mut sink = Shaped::new(
        output::sink(
            args.output,
            BufWriter::new(stdout.lock()),
            table_style(global, args, stdout_is_terminal),
        ),
        args.status.clone(),
        sort,
        matched.clone(),
    );
    // Returns with the progress bar cleared, so the table can be drawn.
    let outcome = paging::run(&plan, fetch, &mut sink, &progress).await?;
    sink.finish().context("cannot write to stdout")?;

    if args.output == OutputFormat::Table {
        let mut line = summary(&outcome, &plan);
        if !args.status.is_empty() {
            line.push_str(&format!(", {} matching --status", matched.get()));
        }
        term::note(&line);
    }
    Ok(())
}

/// Page size, start, cap and concurrency from the flags and the profile.
fn plan(args: &ListArgs, profile_concurrency: Option<u32>) -> Plan {
    let all = args.all || args.max_items.is_some();
    let limit = args.limit.unwrap_or(match args.max_items {
        // From the first page, no bigger pages than the cap needs. Further on, the
        // page size must stay put: `--offset` counts pages of that size.
        Some(cap) if args.offset == 0 => u32::try_from(cap).unwrap_or(ALL_LIMIT).min(ALL_LIMIT),
        _ if all => ALL_LIMIT,
        _ => DEFAULT_LIMIT,
    });
    let concurrency = args
        .concurrency
        .or(profile_concurrency)
        .unwrap_or(DEFAULT_CONCURRENCY);
    Plan {
        first_page: u64::from(args.offset),
        limit,
        all,
        max_items: args.max_items,
        concurrency: concurrency as usize,
    }
}

fn table_style(global: &GlobalArgs, args: &ListArgs, stdout_is_terminal: bool) -> TableStyle {
    let mut columns = if args.columns.is_empty() {
        output::DEFAULT_COLUMNS.to_vec()
    } else {
        args.columns.clone()
    };
    if args.wide {
        for column in output::WIDE_COLUMNS {
            if !columns.contains(&column) {
                columns.push(column);
            }
        }
    }
    TableStyle {
        columns,
        color: term::use_color(global.color, stdout_is_terminal),
        width: if stdout_is_terminal {
            term::terminal_width()
        } else {
            None
        },
    }
}

/// `--dataset`, else `MATASKS_DATASET` (clap reads both), else the profile's `dataset_id`.
pub(crate) fn resolve_dataset(
    flag_or_env: Option<&str>,
    profile: Option<&str>,
) -> Result<String, UsageError> {
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
fn summary(outcome: &Outcome, plan: &Plan) -> String {
    let shown = outcome.printed;
    let Some(total) = outcome.total else {
        return format!("{shown} tasks");
    };
    if plan.all {
        // More than the first page's total when tasks were created while listing.
        return if shown >= total {
            format!("{shown} tasks")
        } else {
            format!("{shown} of {total} tasks")
        };
    }
    let limit = u64::from(plan.limit);
    let offset = plan.first_page;
    let pages = total.div_ceil(limit);
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
    if offset + 1 < pages {
        line.push_str(&format!(" (next page: --offset {})", offset + 1));
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one_page(printed: u64, total: Option<u64>, limit: u32, offset: u64) -> String {
        let outcome = Outcome {
            total,
            printed,
            pages: 1,
            capped: false,
        };
        let plan = Plan {
            first_page: offset,
            limit,
            all: false,
            max_items: None,
            concurrency: 8,
        };
        summary(&outcome, &plan)
    }

    #[test]
    fn summary_points_to_the_next_page() {
        assert_eq!(
            one_page(10, Some(246), 10, 0),
            "10 of 246 tasks (next page: --offset 1)"
        );
        assert_eq!(one_page(6, Some(246), 10, 24), "6 of 246 tasks");
        assert_eq!(one_page(2, Some(2), 10, 0), "2 of 2 tasks");
        assert_eq!(one_page(0, Some(0), 10, 0), "no tasks found");
        assert_eq!(
            one_page(0, Some(246), 10, 30),
            "no tasks on page 30: 246 tasks fill pages 0 to 24 at --limit 10"
        );
        assert_eq!(one_page(3, None, 10, 0), "3 tasks");
    }

    #[test]
    fn summary_of_a_whole_listing() {
        let plan = Plan {
            first_page: 0,
            limit: 100,
            all: true,
            max_items: None,
            concurrency: 8,
        };
        let outcome = |printed, capped| Outcome {
            total: Some(246),
            printed,
            pages: 3,
            capped,
        };
        assert_eq!(summary(&outcome(246, false), &plan), "246 tasks");
        assert_eq!(summary(&outcome(100, true), &plan), "100 of 246 tasks");
        assert_eq!(summary(&outcome(247, false), &plan), "247 tasks");
    }

    fn args(extra: &[&str]) -> ListArgs {
        use clap::Parser;
        let argv = ["matasks", "list"].into_iter().chain(extra.iter().copied());
        match crate::cli::Cli::try_parse_from(argv).unwrap().command {
            crate::cli::Command::List(args) => args,
            _ => unreachable!("parsed a list command"),
        }
    }

    #[test]
    fn page_size_follows_all_max_items_and_offset() {
        assert_eq!(plan(&args(&[]), None).limit, 10);
        assert_eq!(plan(&args(&["--all"]), None).limit, 100);
        assert_eq!(plan(&args(&["--max-items", "5"]), None).limit, 5);
        assert!(plan(&args(&["--max-items", "5"]), None).all);
        assert_eq!(plan(&args(&["--max-items", "500"]), None).limit, 100);
        // Page 3 means page 3 of 100 tasks, whatever the cap.
        assert_eq!(
            plan(&args(&["--max-items", "5", "--offset", "3"]), None).limit,
            100
        );
        assert_eq!(
            plan(&args(&["--max-items", "5", "--limit", "7"]), None).limit,
            7
        );
        assert_eq!(plan(&args(&["--all"]), Some(3)).concurrency, 3);
        assert_eq!(
            plan(&args(&["--all", "--concurrency", "5"]), Some(3)).concurrency,
            5
        );
        assert_eq!(plan(&args(&["--all"]), None).concurrency, 8);
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
