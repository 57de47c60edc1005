//! `matasks list`: a dataset's tasks, one page, every page, or every kind merged; once
//! or again and again (`--watch`).

use std::cell::Cell;
use std::io::{self, IsTerminal};
use std::rc::Rc;

use anyhow::{Context as _, Result};
use clap::{Args, ValueEnum};

use super::GlobalArgs;
use super::args::{
    ALL_LIMIT, DatasetArg, OutputArgs, PagingArgs, Shaping, SortValues, chosen_columns,
    droppable_columns, listing_progress, parse_interval, split_descending, table_width,
};
use super::context::Context;
use super::kind::{
    JobShape, KindChoice, KindNames, job_columns, job_sort, job_statuses, parse_as, task_values,
};
use crate::api::offsets::Offsets;
use crate::api::page::Page;
use crate::api::paging::{self, Plan};
use crate::api::tasks;
use crate::api::totals::Totals;
use crate::domain::resource::Resource;
use crate::domain::task::{Status, TaskType};
use crate::output::jq::Jq;
use crate::output::json::merged_envelope;
use crate::output::shape::{Shaped, Sort, SortField};
use crate::output::summary::{check_complete, merged_summary, shaping_notes, summary};
use crate::output::{self, Column, OutputFormat, Sink, TableStyle};
use crate::util::error::UsageError;
use crate::util::progress::Progress;
use crate::util::term;

#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub dataset: DatasetArg,

    /// Which of the dataset's jobs to list
    #[arg(short = 'k', long, value_enum, default_value_t, value_name = "KIND")]
    pub kind: KindChoice,

    /// The tasks of every dataset of the project (all pages of each), with a DATASET
    /// column; -o json groups them by dataset
    #[arg(short = 'A', long)]
    pub all_datasets: bool,

    /// Only tasks of this type, or `all` [default: the API's, auto-label and pre-label]
    #[arg(short = 't', long = "type", value_enum, value_name = "TYPE")]
    pub task_type: Option<TypeChoice>,

    /// Only tasks whose name matches NAME (filtered by the server)
    #[arg(short = 'n', long, value_name = "NAME")]
    pub task_name: Option<String>,

    #[command(flatten)]
    pub paging: PagingArgs,

    #[command(flatten)]
    pub output: OutputArgs,

    /// Only tasks in these statuses, comma-separated or repeated: filtered here, over
    /// every page unless --offset picks one (the server's total stays as it is); other
    /// kinds take their own, listed below
    #[arg(
        long = "status",
        id = "status",
        value_parser = KindNames::<Status>::new(),
        value_delimiter = ',',
        value_name = "STATUS"
    )]
    pub status_names: Vec<String>,

    /// The table's columns, in order, comma-separated; other kinds have their own
    #[arg(
        long = "columns",
        id = "columns",
        value_parser = KindNames::<Column>::new(),
        value_delimiter = ',',
        value_name = "COLUMN"
    )]
    pub column_names: Vec<String>,

    /// Add CREATED, MODEL, VERSION, UNCONFIRMED and MESSAGE to the table's columns
    /// (other kinds: CREATED and one or two more)
    #[arg(long)]
    pub wide: bool,

    /// Order by created, name, status, progress or elapsed (other kinds: any of their
    /// columns); -FIELD reverses: sorted here, over every page unless --offset picks
    /// one (ndjson keeps the server's order, as it streams)
    #[arg(
        long = "sort",
        id = "sort",
        value_name = "[-]FIELD",
        value_parser = SortValues { parse: parse_sort_name, values: SORT_VALUES },
        allow_hyphen_values = true,
        hide_possible_values = true
    )]
    pub sort_name: Option<String>,

    /// `--status`, read as intelligent tasks' statuses.
    #[arg(skip)]
    pub status: Vec<Status>,

    /// `--columns`, read as the task table's.
    #[arg(skip)]
    pub columns: Vec<Column>,

    /// `--sort`, read as an order of tasks.
    #[arg(skip)]
    pub sort: Option<Sort>,

    /// `--status`, `--columns` and `--sort` read as another kind's, when `--kind` names one.
    #[arg(skip)]
    pub job: Option<Box<JobShape>>,

    /// List again every --interval until Ctrl-C: on a terminal the table is redrawn in
    /// place; otherwise one NDJSON line per task that appears or changes
    #[arg(long)]
    pub watch: bool,

    /// With --watch, stop once every task listed is done (succeeded, failed, stopped)
    #[arg(long, requires = "watch")]
    pub until_done: bool,

    /// With --watch, the time between listings, at least 1s [default: 5s]
    #[arg(long, value_name = "DURATION", value_parser = parse_interval, requires = "watch")]
    pub interval: Option<std::time::Duration>,
}

impl ListArgs {
    /// Read `--status`, `--columns` and `--sort` as the kind's; refuse what only
    /// intelligent tasks have.
    pub fn resolve(&mut self) -> anyhow::Result<()> {
        let Some(kind) = self.kind.job() else {
            self.paging.check_limit(ALL_LIMIT)?;
            self.status = task_values(&self.status_names, "status")?;
            self.columns = task_values(&self.column_names, "columns")?;
            self.sort = self
                .sort_name
                .as_deref()
                .map(|text| {
                    let parser = SortValues {
                        parse: parse_sort,
                        values: SORT_VALUES,
                    };
                    parse_as(parser, "sort", text)
                })
                .transpose()?;
            return Ok(());
        };
        let only_tasks = [
            (self.task_type.is_some(), "--type"),
            (self.task_name.is_some(), "--task-name"),
        ];
        if let Some((_, flag)) = only_tasks.iter().find(|(given, _)| *given) {
            return Err(UsageError(format!(
                "{flag} selects intelligent tasks: it cannot be used with --kind {}",
                kind.name
            ))
            .into());
        }
        self.paging.check_limit(kind.max_limit)?;
        let columns = job_columns(kind, &self.column_names)?;
        let mut columns = if columns.is_empty() {
            kind.default_columns()
        } else {
            columns
        };
        if self.wide {
            columns.extend(kind.columns.iter().filter(|c| !c.default));
        }
        self.job = Some(Box::new(JobShape {
            kind,
            statuses: job_statuses(kind, &self.status_names)?,
            columns,
            sort: self
                .sort_name
                .as_deref()
                .map(|text| job_sort(kind, text))
                .transpose()?,
        }));
        Ok(())
    }

    /// The queries `--type` asks for: one per type, or one without a type (the API's
    /// default kinds).
    pub fn queries(&self) -> Vec<Option<TaskType>> {
        match self.task_type {
            Some(choice) => choice.types().into_iter().map(Some).collect(),
            None => vec![None],
        }
    }

    /// `--sort`, unless the output streams in the server's order (NDJSON), which a
    /// warning then says.
    pub fn sort_unless_streamed(&self) -> Option<Sort> {
        if self.sort.is_some() && self.output.format == OutputFormat::Ndjson {
            term::warn(
                "--sort is ignored with -o ndjson, which streams tasks in the server's order",
            );
            return None;
        }
        self.sort
    }

    /// The `--jq` program, compiled; refuses the flags `--watch` cannot honour.
    pub fn checked_jq(&self) -> Result<Option<Rc<Jq>>> {
        let jq = self.output.jq.compile_for(
            self.output.format == OutputFormat::Json,
            self.job.as_ref().map(|shape| shape.kind),
        )?;
        if self.watch
            && (jq.is_some() || matches!(self.output.format, OutputFormat::Tsv | OutputFormat::Csv))
        {
            return Err(UsageError(
                "--watch redraws a table on a terminal and prints changes as NDJSON otherwise: \
                 it cannot be used with --jq or -o tsv/csv"
                    .to_string(),
            )
            .into());
        }
        Ok(jq)
    }

    /// Whether `--status` or `--sort` act here, and so need every page (unless
    /// `--offset` picks one).
    pub fn shaping(&self) -> Shaping {
        let sorted = self.sort.is_some() && self.output.format != OutputFormat::Ndjson;
        if sorted || !self.status.is_empty() {
            Shaping::FilterOrSort
        } else {
            Shaping::None
        }
    }

    /// What the summary says of `--status`, `--sort` and `--max-items`: that they
    /// acted on one page only, or that the cap (when the output applied it) was reached.
    pub fn shaping_notes(&self, plan: &Plan, matched: u64) -> Vec<String> {
        let acting: Vec<&str> = [
            (!self.status.is_empty()).then_some("--status"),
            (self.shaping() == Shaping::FilterOrSort && self.sort.is_some()).then_some("--sort"),
        ]
        .into_iter()
        .flatten()
        .collect();
        let cap = self.paging.max_items.filter(|_| plan.max_items.is_none());
        shaping_notes(&acting, plan, cap, matched)
    }
}

/// What `--type` selects: one kind of task, or every kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TypeChoice {
    /// Active learning
    AutoLabel,
    /// Pre-labeling with a chosen model
    PreLabel,
    /// Clustering of unlabeled images
    AutoGrouping,
    /// One-click model deployment
    AutoDeploy,
    /// Every kind: one query per type, merged newest first (ndjson streams pages as
    /// they arrive instead)
    All,
}

impl TypeChoice {
    /// The types to ask the API for, one query each.
    pub fn types(self) -> Vec<TaskType> {
        match self {
            TypeChoice::AutoLabel => vec![TaskType::AutoLabel],
            TypeChoice::PreLabel => vec![TaskType::PreLabel],
            TypeChoice::AutoGrouping => vec![TaskType::AutoGrouping],
            TypeChoice::AutoDeploy => vec![TaskType::AutoDeploy],
            TypeChoice::All => TaskType::ALL.to_vec(),
        }
    }
}

/// What `--sort` takes, for the shells' completions.
const SORT_VALUES: &[&str] = &[
    "created",
    "-created",
    "name",
    "-name",
    "status",
    "-status",
    "progress",
    "-progress",
    "elapsed",
    "-elapsed",
];

/// `--sort`'s value as given: read as an order of tasks, or of another kind's jobs,
/// once `--kind` is known.
fn parse_sort_name(text: &str) -> Result<String, String> {
    Ok(text.to_string())
}

/// `--sort FIELD` or `--sort -FIELD`.
fn parse_sort(text: &str) -> Result<Sort, String> {
    let (descending, name) = split_descending(text);
    let field = SortField::from_str(name, true).map_err(|_| {
        let names: Vec<String> = SortField::value_variants()
            .iter()
            .filter_map(|f| f.to_possible_value().map(|v| v.get_name().to_string()))
            .collect();
        format!(
            "`{text}` is not a sort order: give one of {}, with - before it to reverse",
            names.join(", ")
        )
    })?;
    Ok(Sort { field, descending })
}

pub async fn run(global: &GlobalArgs, args: &ListArgs) -> Result<()> {
    let jq = args.checked_jq()?;
    let context = Context::new(global)?;
    let settings = &context.settings;
    let dataset = context.dataset(&args.dataset)?;
    let types = args.queries();
    let merged = types.len() > 1;
    if merged && args.paging.offset() > 0 {
        return Err(UsageError(
            "--offset cannot be used with --type all: the merged listing has no pages of its \
             own (give one type with --offset, or list every page with --all)"
                .to_string(),
        )
        .into());
    }
    let mut offsets = Offsets::of(settings);
    let mut plan = args.paging.plan(
        Resource::TASKS,
        settings.concurrency,
        &offsets,
        args.shaping(),
    );
    let client = context.client(plan.concurrency).await?;

    let task_name = args.task_name.as_deref().filter(|n| !n.is_empty());
    let sources = tasks::sources(&client, &dataset, &types, task_name, plan.limit);
    let labels = tasks::labels(&types);
    let mut totals = Totals::of(tasks::listings(&client, &dataset, &types, task_name));
    totals.steer(&mut plan);

    let stdout = io::stdout();
    let stdout_is_terminal = stdout.is_terminal();
    if args.watch {
        let style = table_style(global, args, stdout_is_terminal);
        let options = super::watch::Options {
            interval: args.interval,
            until_done: args.until_done,
            statuses: &args.status,
            sort: args.sort.or(merged.then_some(Sort::NEWEST_FIRST)),
            output: args.output.format,
            jobs: None,
        };
        let mut lister = super::watch::Sources {
            plan: &mut plan,
            sources: &sources,
            offsets: &mut offsets,
            totals: &mut totals,
        };
        return super::watch::run(&options, &mut lister, style).await;
    }
    let progress = if plan.all {
        listing_progress(args.output.format, stdout_is_terminal, "pages")
    } else {
        Progress::hidden()
    };
    // A merged listing, newest first unless --sort says otherwise.
    let sort = args
        .sort_unless_streamed()
        .or((merged && args.output.format != OutputFormat::Ndjson).then_some(Sort::NEWEST_FIRST));
    let matched = Rc::new(Cell::new(0));
    let style = table_style(global, args, stdout_is_terminal);
    let mut sink = Shaped::new(
        args.output
            .sink(jq.as_ref(), stdout_is_terminal, |format, out| {
                output::sink(format, out, style)
            }),
        args.status.clone(),
        sort,
        matched.clone(),
    );
    sink.limit_to(args.paging.max_items);
    client.open_ahead(plan.connections_ahead(sources.len()));
    // Returns with the progress bar cleared, so the table can be drawn.
    let outcomes = if merged {
        // Streamed, the output starts before any task; held for sorting, it starts
        // once every type's total is known.
        if sort.is_none() {
            sink.begin(&Page::parse(b"{\"tasks\":[]}", Resource::TASKS)?)
                .context("cannot write to stdout")?;
        }
        let outcomes = paging::run_merged(&plan, &sources, &mut sink, &progress).await?;
        if sort.is_some() {
            let envelope = merged_envelope(&labels, &outcomes);
            sink.begin(&Page::parse(envelope.as_bytes(), Resource::TASKS)?)
                .context("cannot write to stdout")?;
        }
        outcomes
    } else {
        vec![paging::run(&plan, &sources[0].1, &mut sink, &progress).await?]
    };
    sink.finish().context("cannot write to stdout")?;
    offsets.learn(&outcomes);
    totals.learn(&outcomes);

    if args.output.format == OutputFormat::Table {
        let notes = args.shaping_notes(&plan, matched.get());
        let matched = (!args.status.is_empty()).then(|| matched.get());
        term::note(&if merged {
            merged_summary(&labels, &outcomes, &plan, matched, notes)
        } else {
            summary(&outcomes[0], &plan, types[0], matched, notes)
        });
    }
    Ok(check_complete(&labels, &outcomes, "tasks", &offsets)?)
}

pub fn table_style(global: &GlobalArgs, args: &ListArgs, stdout_is_terminal: bool) -> TableStyle {
    TableStyle {
        columns: chosen_columns(
            &args.columns,
            &output::DEFAULT_COLUMNS,
            args.wide,
            &output::WIDE_COLUMNS,
        ),
        droppable: droppable_columns(&args.columns, &output::DEFAULT_COLUMNS),
        dataset_names: Default::default(),
        color: term::use_color(global.color, stdout_is_terminal),
        width: table_width(stdout_is_terminal),
        no_headers: args.output.no_headers,
        verbatim: !stdout_is_terminal,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_names_match_the_value_names() {
        for choice in TypeChoice::value_variants() {
            let name = choice.to_possible_value().unwrap();
            match choice.types()[..] {
                [one] => assert_eq!(name.get_name(), one.as_api_str()),
                ref all => {
                    assert_eq!(name.get_name(), "all");
                    assert_eq!(all, TaskType::ALL);
                }
            }
        }
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
            crate::domain::offsets::OffsetMode::Auto,
            Cache::disabled(),
            "https://x".into(),
        )
    }

    use crate::transport::auth::cache::Cache;

    fn args_plan(args: &ListArgs, profile: Option<u32>, offsets: &Offsets) -> Plan {
        args.paging
            .plan(Resource::TASKS, profile, offsets, args.shaping())
    }

    #[test]
    fn page_size_follows_all_max_items_and_offset() {
        assert_eq!(args_plan(&args(&[]), None, &auto()).limit, 10);
        assert_eq!(args_plan(&args(&["--all"]), None, &auto()).limit, 100);
        assert_eq!(
            args_plan(&args(&["--max-items", "5"]), None, &auto()).limit,
            5
        );
        assert!(args_plan(&args(&["--max-items", "5"]), None, &auto()).all);
        assert_eq!(
            args_plan(&args(&["--max-items", "500"]), None, &auto()).limit,
            100
        );
        // Page 3 means page 3 of 100 tasks, whatever the cap.
        assert_eq!(
            args_plan(&args(&["--max-items", "5", "--offset", "3"]), None, &auto()).limit,
            100
        );
        assert_eq!(
            args_plan(&args(&["--max-items", "5", "--limit", "7"]), None, &auto()).limit,
            7
        );
        assert_eq!(
            args_plan(&args(&["--all"]), Some(3), &auto()).concurrency,
            3
        );
        assert_eq!(
            args_plan(&args(&["--all", "--concurrency", "5"]), Some(3), &auto()).concurrency,
            5
        );
        assert_eq!(args_plan(&args(&["--all"]), None, &auto()).concurrency, 8);
    }
}
