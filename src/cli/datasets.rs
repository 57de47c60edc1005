//! `matasks datasets`: the project's datasets, one page or every page.

use std::cell::Cell;
use std::io::{self, IsTerminal};
use std::rc::Rc;

use anyhow::{Context as _, Result};
use clap::{Args, ValueEnum};

use super::GlobalArgs;
use super::args::{
    ALL_LIMIT, OutputArgs, PagingArgs, Shaping, SortValues, chosen_columns, droppable_columns,
    listing_progress, split_descending, table_width,
};
use super::context::Context;
use crate::api::datasets::{self, DatasetOrder, DatasetQuery};
use crate::api::offsets::Offsets;
use crate::api::paging;
use crate::api::totals::Totals;
use crate::domain::item::has_running_task;
use crate::domain::resource::Resource;
use crate::output::shape::Filtered;
use crate::output::summary::{check_complete, page_summary, shaping_notes};
use crate::output::views::{DATASET_DEFAULT_COLUMNS, DATASET_WIDE_COLUMNS, DatasetColumn};
use crate::output::{self, OutputFormat, Sink, TableStyle};
use crate::util::progress::Progress;
use crate::util::term;

#[derive(Debug, Args)]
pub struct DatasetsArgs {
    /// Only datasets whose name matches TEXT (the server's fuzzy search)
    #[arg(short = 'n', long, value_name = "TEXT")]
    pub name: Option<String>,

    /// Only datasets with a task running in them (the server is asked to check each
    /// dataset; the list is then filtered here, over every page unless --offset picks one)
    #[arg(long)]
    pub running: bool,

    #[command(flatten)]
    pub paging: PagingArgs,

    #[command(flatten)]
    pub output: OutputArgs,

    /// The table's columns, in order, comma-separated
    #[arg(long, value_enum, value_delimiter = ',', value_name = "COLUMN")]
    pub columns: Vec<DatasetColumn>,

    /// Add CREATED, VERSION and DESCRIPTION to the table's columns
    #[arg(long)]
    pub wide: bool,

    /// Order by created or name, -FIELD for descending; the server sorts, so the order
    /// holds across pages [default: the server's, newest first]
    #[arg(
        long,
        value_name = "[-]FIELD",
        value_parser = SortValues { parse: parse_order, values: &["created", "-created", "name", "-name"] },
        allow_hyphen_values = true,
        hide_possible_values = true
    )]
    pub sort: Option<(DatasetOrder, bool)>,
}

/// The orders the server can list datasets in.
#[derive(Debug, Clone, Copy, ValueEnum)]
enum OrderName {
    Created,
    Name,
}

/// `--sort FIELD` or `--sort -FIELD`.
fn parse_order(text: &str) -> Result<(DatasetOrder, bool), String> {
    let (descending, name) = split_descending(text);
    match OrderName::from_str(name, true) {
        Ok(OrderName::Created) => Ok((DatasetOrder::Created, descending)),
        Ok(OrderName::Name) => Ok((DatasetOrder::Name, descending)),
        Err(_) => Err(format!(
            "`{text}` is not a dataset order: give created or name, with - before it to reverse"
        )),
    }
}

pub async fn run(global: &GlobalArgs, args: &DatasetsArgs) -> Result<()> {
    let jq = args
        .output
        .jq
        .compile(args.output.format == OutputFormat::Json)?;
    args.paging.check_limit(ALL_LIMIT)?;
    let context = Context::new(global)?;
    let settings = &context.settings;
    let mut offsets = Offsets::of(settings);
    // `--running` filters here; `--sort` is the server's, which holds across pages.
    let shaping = if args.running {
        Shaping::FilterOrSort
    } else {
        Shaping::None
    };
    let mut plan = args
        .paging
        .plan(Resource::DATASETS, settings.concurrency, &offsets, shaping);
    let client = context.client(plan.concurrency).await?;
    let (client, limit) = (&client, plan.limit);
    let query = DatasetQuery {
        limit,
        offset: 0,
        search: args.name.clone().filter(|n| !n.is_empty()),
        // Always asked, so that RUNNING and `--running` have something to read.
        check_running: true,
        order: args.sort,
    };
    let mut totals = Totals::of(vec![datasets::listing(client, &query)]);
    totals.steer(&mut plan);
    let fetch = |offset: u64| {
        let query = DatasetQuery {
            offset,
            ..query.clone()
        };
        async move { datasets::list_datasets(client, &query).await }
    };

    let stdout = io::stdout();
    let on_terminal = stdout.is_terminal();
    let progress = if plan.all {
        listing_progress(args.output.format, on_terminal, "pages")
    } else {
        Progress::hidden()
    };
    let matched = Rc::new(Cell::new(0));
    let style = TableStyle {
        color: term::use_color(global.color, on_terminal),
        width: table_width(on_terminal),
        no_headers: args.output.no_headers,
        verbatim: !on_terminal,
        ..TableStyle::default()
    };
    let columns = chosen_columns(
        &args.columns,
        &DATASET_DEFAULT_COLUMNS,
        args.wide,
        &DATASET_WIDE_COLUMNS,
    );
    let droppable = droppable_columns(&args.columns, &DATASET_DEFAULT_COLUMNS);
    let sink = args.output.sink(jq.as_ref(), on_terminal, |format, out| {
        output::dataset_sink(format, out, &columns, &droppable, &style)
    });
    let mut sink: Box<dyn Sink> = if args.running {
        let mut running = Filtered::new(sink, has_running_task, matched.clone());
        running.limit_to(args.paging.max_items);
        Box::new(running)
    } else {
        sink
    };
    client.open_ahead(plan.connections_ahead(1));
    let outcome = paging::run(&plan, fetch, sink.as_mut(), &progress).await?;
    sink.finish().context("cannot write to stdout")?;
    let outcomes = [outcome];
    offsets.learn(&outcomes);
    totals.learn(&outcomes);
    let [outcome] = outcomes;
    if args.output.format == OutputFormat::Table {
        // Without --running, the pager applies --max-items, and says nothing of it here.
        let acting: &[&str] = if args.running { &["--running"] } else { &[] };
        let cap = args.paging.max_items.filter(|_| args.running);
        let notes = shaping_notes(acting, &plan, cap, matched.get());
        let matched = args
            .running
            .then(|| format!("{} with a running task", matched.get()));
        term::note(&page_summary(&outcome, &plan, "datasets", matched, notes));
    }
    let labels = [String::new()];
    Ok(check_complete(
        &labels,
        std::slice::from_ref(&outcome),
        "datasets",
        &offsets,
    )?)
}
