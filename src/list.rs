//! `matasks list`: fetch a dataset's tasks and render them.

use std::cell::Cell;
use std::io::{self, BufWriter, IsTerminal};
use std::rc::Rc;

use anyhow::{Context, Result};

use crate::api::{self, ListQuery, Page};
use crate::auth::cache::Cache;
use crate::cli::{GlobalArgs, ListArgs, OutputFormat, Sort};
use crate::config::{self, Settings};
use crate::error::{Incomplete, UsageError};
use crate::id::{BadId, Id, IdKind, Origin};
use crate::model::{Counting, TaskType};
use crate::offsets::Offsets;
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
/// The field of a merged listing's JSON that keeps each type's own total.
pub const TOTALS_BY_TYPE: &str = "matasks_total_count_by_type";

pub async fn run(global: &GlobalArgs, args: &ListArgs) -> Result<()> {
    let settings = config::resolve(global, &config::process_env)?;
    let dataset = resolve_dataset(global, args.dataset.as_deref(), &settings)?;
    let types: Vec<Option<TaskType>> = match args.task_type {
        Some(choice) => choice.types().into_iter().map(Some).collect(),
        None => vec![None],
    };
    let merged = types.len() > 1;
    if merged && args.offset > 0 {
        return Err(UsageError(
            "--offset cannot be used with --type all: the merged listing has no pages of its \
             own (give one type with --offset, or list every page with --all)"
                .to_string(),
        )
        .into());
    }
    let mut offsets = Offsets::resolve(
        settings.offset_mode.unwrap_or_default(),
        Cache::from_env(&config::process_env),
        settings.endpoint.value.to_string(),
    );
    let mut plan = plan(args, settings.concurrency, &offsets);
    let client = session::client_for(&settings, plan.concurrency).await?;

    let task_name = args.task_name.clone().filter(|n| !n.is_empty());
    let (client, dataset, limit) = (&client, &dataset, plan.limit);
    let sources: Vec<_> = types
        .iter()
        .map(|&task_type| {
            let label = match task_type {
                Some(t) if merged => t.as_api_str().to_string(),
                _ => String::new(),
            };
            let task_name = task_name.clone();
            let fetch = move |offset: u64| {
                let query = ListQuery {
                    limit,
                    offset,
                    task_type,
                    task_name: task_name.clone(),
                };
                async move { api::list_tasks(client, dataset, &query).await }
            };
            (label, fetch)
        })
        .collect();

    let stdout = io::stdout();
    let stdout_is_terminal = stdout.is_terminal();
    if args.watch {
        let style = table_style(global, args, stdout_is_terminal);
        return crate::watch::run(args, &mut plan, &sources, style, &mut offsets).await;
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
        // A merged listing, newest first unless --sort says otherwise.
        None if merged && args.output != OutputFormat::Ndjson => Some(Sort::NEWEST_FIRST),
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
    let outcomes = if merged {
        sink.limit_to(args.max_items);
        // Streamed, the output starts before any task; held for sorting, it starts
        // once every type's total is known.
        if sort.is_none() {
            sink.begin(&Page::parse(b"{\"tasks\":[]}")?)
                .context("cannot write to stdout")?;
        }
        let outcomes = paging::run_merged(&plan, &sources, &mut sink, &progress).await?;
        if sort.is_some() {
            let envelope = merged_envelope(&sources, &outcomes);
            sink.begin(&Page::parse(envelope.as_bytes())?)
                .context("cannot write to stdout")?;
        }
        outcomes
    } else {
        vec![paging::run(&plan, &sources[0].1, &mut sink, &progress).await?]
    };
    sink.finish().context("cannot write to stdout")?;
    offsets.learn(&outcomes);

    if args.output == OutputFormat::Table {
        let matched = (!args.status.is_empty()).then(|| matched.get());
        term::note(&if merged {
            merged_summary(&sources, &outcomes, &plan, matched)
        } else {
            summary(&outcomes[0], &plan, types[0], matched)
        });
    }
    incomplete(&sources, &outcomes, &offsets)
}

/// The error of a whole listing that came up short of its total: what it printed
/// stays printed.
fn incomplete<F>(sources: &[(String, F)], outcomes: &[Outcome], offsets: &Offsets) -> Result<()> {
    let short: Vec<(&str, &Outcome, &paging::Missing)> = sources
        .iter()
        .zip(outcomes)
        .filter_map(|((label, _), o)| Some((label.as_str(), o, o.missing.as_ref()?)))
        .collect();
    let missing: u64 = short.iter().map(|(_, _, m)| m.count).sum();
    let message = match short[..] {
        [] => return Ok(()),
        [(label, outcome, m)] => {
            let label = if label.is_empty() {
                String::new()
            } else {
                format!("{label} ")
            };
            format!(
                "incomplete listing: {} of {} {label}tasks, {missing} missing: {}",
                outcome.printed, m.expected, m.why
            )
        }
        _ => {
            let parts: Vec<String> = short
                .iter()
                .map(|(label, o, m)| format!("{label} {} of {}: {}", o.printed, m.expected, m.why))
                .collect();
            format!(
                "incomplete listing: {missing} tasks missing ({})",
                parts.join("; ")
            )
        }
    };
    Err(Incomplete {
        message,
        hint: Some(offsets.advice()),
    }
    .into())
}

/// One envelope for a merged listing: the sum of the types' totals, the first
/// page's other fields (each once, as the first type that had it wrote it), and each
/// type's own total under [`TOTALS_BY_TYPE`].
fn merged_envelope<F>(sources: &[(String, F)], outcomes: &[Outcome]) -> String {
    let mut text = String::from("{\"tasks\":[],\"total_count\":");
    let totals: Vec<u64> = outcomes.iter().filter_map(|o| o.total).collect();
    if totals.is_empty() {
        text.push_str("null");
    } else {
        text.push_str(&totals.iter().sum::<u64>().to_string());
    }
    let mut keys = std::collections::HashSet::new();
    for envelope in outcomes.iter().filter_map(|o| o.envelope.as_ref()) {
        for (key, value) in &envelope.extra {
            if key != TOTALS_BY_TYPE && keys.insert(key.as_str()) {
                text.push(',');
                text.push_str(&serde_json::to_string(key).expect("a string serializes"));
                text.push(':');
                text.push_str(value.get());
            }
        }
    }
    text.push_str(&format!(",\"{TOTALS_BY_TYPE}\":{{"));
    for (n, ((label, _), outcome)) in sources.iter().zip(outcomes).enumerate() {
        if n > 0 {
            text.push(',');
        }
        let total = outcome
            .envelope
            .as_ref()
            .and_then(|e| e.total_count.as_ref())
            .map_or("null", |raw| raw.get());
        text.push_str(&format!("\"{label}\":{total}"));
    }
    text.push_str("}}");
    text
}

/// Page size, start, cap and concurrency from the flags and the profile.
fn plan(args: &ListArgs, profile_concurrency: Option<u32>, offsets: &Offsets) -> Plan {
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
        counting: offsets.counting(),
        counting_may_be_stale: offsets.may_be_stale(),
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

/// The dataset: `--dataset`, else `MATASKS_DATASET` (clap reads both), else the
/// profile's `dataset_id`, checked as an ID wherever it comes from.
pub(crate) fn resolve_dataset(
    global: &GlobalArgs,
    given: Option<&str>,
    settings: &Settings,
) -> Result<Id> {
    dataset_in_effect(global, given, settings)?.ok_or_else(|| {
        UsageError(
            "no dataset: pass --dataset ID, or set MATASKS_DATASET, or set `dataset_id` in \
             the profile"
                .to_string(),
        )
        .into()
    })
}

/// The dataset as [`resolve_dataset`] finds it, or none when none is set.
pub(crate) fn dataset_in_effect(
    global: &GlobalArgs,
    given: Option<&str>,
    settings: &Settings,
) -> Result<Option<Id>, BadId> {
    choose_dataset(
        given.map(|d| {
            let source = config::flag_source(global, "--dataset", "MATASKS_DATASET");
            (d, source.to_string())
        }),
        settings
            .dataset_id
            .as_deref()
            .map(|d| (d, format!("`dataset_id` in {}", settings.where_))),
    )
}

/// The flag or variable when given, even empty (which is an error, not a fall-back to
/// the profile), else the profile's: each with where it came from.
fn choose_dataset(
    given: Option<(&str, String)>,
    profile: Option<(&str, String)>,
) -> Result<Option<Id>, BadId> {
    given
        .or(profile)
        .map(|(text, origin)| Id::new(IdKind::Dataset, text, Origin::Given(origin)))
        .transpose()
}

/// The line under the table, on stderr: `10 of 246 pre-label tasks (next page:
/// --offset 1)`, and how many of them `--status` let through. Without a type, it
/// says which kinds the API listed.
fn summary(
    outcome: &Outcome,
    plan: &Plan,
    task_type: Option<TaskType>,
    matched: Option<u64>,
) -> String {
    let shown = outcome.printed;
    let noun = match task_type {
        Some(t) => format!("{} tasks", t.as_api_str()),
        None => "auto-labeling and pre-labeling tasks".to_string(),
    };
    let mut notes = Vec::new();
    let mut line = match outcome.total {
        None if shown == 0 => format!("no {noun} found"),
        None => format!("{shown} {noun}"),
        Some(0) if shown == 0 => format!("no {noun} found"),
        // More than the first page's total when tasks were created while listing.
        Some(total) if plan.all && shown >= total => format!("{shown} {noun}"),
        Some(total) if plan.all => format!("{shown} of {total} {noun}"),
        Some(total) if shown == 0 => {
            let limit = u64::from(plan.limit);
            format!(
                "no {noun} on page {}: {total} tasks fill pages 0 to {} at --limit {limit}",
                plan.first_page,
                total.div_ceil(limit) - 1
            )
        }
        Some(total) => {
            let next = plan.first_page + 1;
            if next < total.div_ceil(u64::from(plan.limit)) {
                notes.push(match outcome.counting {
                    Some(Counting::Records) => format!(
                        "next page: --offset {next}, which asks for offset {}",
                        Counting::Records.param(next, plan.limit)
                    ),
                    _ => format!("next page: --offset {next}"),
                });
            }
            format!("{shown} of {total} {noun}")
        }
    };
    if let Some(matched) = matched {
        line.push_str(&format!(", {matched} matching --status"));
    }
    if task_type.is_none() {
        notes.push("--type all lists every kind".to_string());
    }
    if notes.is_empty() {
        line
    } else {
        format!("{line} ({})", notes.join("; "))
    }
}

/// The line under a merged table: every type's count, `57 tasks: auto-label 30,
/// pre-label 24, ...`.
fn merged_summary<F>(
    sources: &[(String, F)],
    outcomes: &[Outcome],
    plan: &Plan,
    matched: Option<u64>,
) -> String {
    let shown: u64 = outcomes.iter().map(|o| o.printed).sum();
    let total: u64 = outcomes.iter().filter_map(|o| o.total).sum();
    let whole = outcomes
        .iter()
        .all(|o| o.total.is_none_or(|t| o.printed >= t));
    let parts: Vec<String> = sources
        .iter()
        .zip(outcomes)
        .map(|((label, _), o)| match o.total {
            Some(t) if o.printed < t => format!("{label} {} of {t}", o.printed),
            _ => format!("{label} {}", o.printed),
        })
        .collect();
    let head = if whole {
        format!("{shown} tasks")
    } else {
        format!("{shown} of {total} tasks")
    };
    let matched = matched
        .map(|m| format!(", {m} matching --status"))
        .unwrap_or_default();
    let tail = if whole || plan.all {
        ""
    } else {
        " (--all lists every one)"
    };
    format!("{head}: {}{matched}{tail}", parts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan_of(offset: u64, limit: u32, all: bool) -> Plan {
        Plan {
            first_page: offset,
            limit,
            all,
            max_items: None,
            concurrency: 8,
            counting: None,
            counting_may_be_stale: false,
        }
    }

    fn outcome(printed: u64, total: Option<u64>) -> Outcome {
        Outcome {
            total,
            printed,
            ..Outcome::default()
        }
    }

    fn one_page(printed: u64, total: Option<u64>, limit: u32, offset: u64) -> String {
        summary(
            &outcome(printed, total),
            &plan_of(offset, limit, false),
            Some(TaskType::PreLabel),
            None,
        )
    }

    #[test]
    fn summary_points_to_the_next_page() {
        assert_eq!(
            one_page(10, Some(246), 10, 0),
            "10 of 246 pre-label tasks (next page: --offset 1)"
        );
        assert_eq!(one_page(6, Some(246), 10, 24), "6 of 246 pre-label tasks");
        assert_eq!(one_page(2, Some(2), 10, 0), "2 of 2 pre-label tasks");
        assert_eq!(one_page(0, Some(0), 10, 0), "no pre-label tasks found");
        assert_eq!(
            one_page(0, Some(246), 10, 30),
            "no pre-label tasks on page 30: 246 tasks fill pages 0 to 24 at --limit 10"
        );
        assert_eq!(one_page(3, None, 10, 0), "3 pre-label tasks");
        // Against a server whose offset counts records, the offset sent too.
        let records = Outcome {
            counting: Some(Counting::Records),
            ..outcome(10, Some(246))
        };
        assert_eq!(
            summary(
                &records,
                &plan_of(2, 10, false),
                Some(TaskType::PreLabel),
                None
            ),
            "10 of 246 pre-label tasks (next page: --offset 3, which asks for offset 30)"
        );
    }

    #[test]
    fn without_a_type_the_summary_says_which_kinds_were_listed() {
        assert_eq!(
            summary(
                &outcome(10, Some(246)),
                &plan_of(0, 10, false),
                None,
                Some(3)
            ),
            "10 of 246 auto-labeling and pre-labeling tasks, 3 matching --status (next page: \
             --offset 1; --type all lists every kind)"
        );
        assert_eq!(
            summary(&outcome(0, Some(0)), &plan_of(0, 10, true), None, None),
            "no auto-labeling and pre-labeling tasks found (--type all lists every kind)"
        );
    }

    #[test]
    fn summary_of_a_whole_listing() {
        let plan = plan_of(0, 100, true);
        assert_eq!(
            summary(
                &outcome(246, Some(246)),
                &plan,
                Some(TaskType::AutoLabel),
                None
            ),
            "246 auto-label tasks"
        );
        assert_eq!(
            summary(
                &outcome(100, Some(246)),
                &plan,
                Some(TaskType::AutoLabel),
                None
            ),
            "100 of 246 auto-label tasks"
        );
        assert_eq!(
            summary(
                &outcome(247, Some(246)),
                &plan,
                Some(TaskType::AutoLabel),
                None
            ),
            "247 auto-label tasks"
        );
    }

    #[test]
    fn summary_of_a_merged_listing() {
        let sources: Vec<(String, ())> = ["auto-label", "pre-label", "auto-grouping"]
            .iter()
            .map(|l| (l.to_string(), ()))
            .collect();
        let whole = [
            outcome(30, Some(30)),
            outcome(24, Some(24)),
            outcome(2, None),
        ];
        assert_eq!(
            merged_summary(&sources, &whole, &plan_of(0, 100, true), None),
            "56 tasks: auto-label 30, pre-label 24, auto-grouping 2"
        );
        let first_pages = [
            outcome(10, Some(30)),
            outcome(10, Some(24)),
            outcome(2, Some(2)),
        ];
        assert_eq!(
            merged_summary(&sources, &first_pages, &plan_of(0, 10, false), Some(4)),
            "22 of 56 tasks: auto-label 10 of 30, pre-label 10 of 24, auto-grouping 2, 4 \
             matching --status (--all lists every one)"
        );
    }

    fn args(extra: &[&str]) -> ListArgs {
        use clap::Parser;
        let argv = ["matasks", "list"].into_iter().chain(extra.iter().copied());
        match crate::cli::Cli::try_parse_from(argv).unwrap().command {
            crate::cli::Command::List(args) => args,
            _ => unreachable!("parsed a list command"),
        }
    }

    fn auto() -> Offsets {
        Offsets::resolve(
            crate::model::OffsetMode::Auto,
            Cache::disabled(),
            "https://x".into(),
        )
    }

    #[test]
    fn page_size_follows_all_max_items_and_offset() {
        assert_eq!(plan(&args(&[]), None, &auto()).limit, 10);
        assert_eq!(plan(&args(&["--all"]), None, &auto()).limit, 100);
        assert_eq!(plan(&args(&["--max-items", "5"]), None, &auto()).limit, 5);
        assert!(plan(&args(&["--max-items", "5"]), None, &auto()).all);
        assert_eq!(
            plan(&args(&["--max-items", "500"]), None, &auto()).limit,
            100
        );
        // Page 3 means page 3 of 100 tasks, whatever the cap.
        assert_eq!(
            plan(&args(&["--max-items", "5", "--offset", "3"]), None, &auto()).limit,
            100
        );
        assert_eq!(
            plan(&args(&["--max-items", "5", "--limit", "7"]), None, &auto()).limit,
            7
        );
        assert_eq!(plan(&args(&["--all"]), Some(3), &auto()).concurrency, 3);
        assert_eq!(
            plan(&args(&["--all", "--concurrency", "5"]), Some(3), &auto()).concurrency,
            5
        );
        assert_eq!(plan(&args(&["--all"]), None, &auto()).concurrency, 8);
    }

    #[test]
    fn dataset_precedence_and_checks() {
        let flag = |d| Some((d, "flag --dataset".to_string()));
        let profile = |d| Some((d, "`dataset_id` in profile `p`".to_string()));
        let chosen = |given, from_profile| {
            choose_dataset(given, from_profile).map(|id| id.map(|id| id.to_string()))
        };
        assert_eq!(
            chosen(flag("a"), profile("b")).unwrap().as_deref(),
            Some("a")
        );
        assert_eq!(chosen(None, profile("b")).unwrap().as_deref(), Some("b"));
        assert_eq!(chosen(None, None).unwrap(), None);
        // Given empty or blank, it is an error naming the flag: never the profile's.
        for blank in ["", " "] {
            assert_eq!(
                chosen(flag(blank), profile("b")).unwrap_err().to_string(),
                "the dataset ID from flag --dataset is empty"
            );
        }
        for bad in [".", "..", "a/b", "a\\b", "a\nb"] {
            assert!(
                chosen(flag(bad), profile("b")).unwrap_err().is_given(),
                "{bad}"
            );
            let err = chosen(None, profile(bad)).unwrap_err().to_string();
            assert!(err.contains("from `dataset_id` in profile `p`"), "{err}");
        }
    }
}
