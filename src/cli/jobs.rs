//! `matasks list --kind K`: a dataset's jobs of a kind other than intelligent tasks
//! (imports, exports, versions, team labeling tasks), one page or every page, once or
//! again and again; every kind through the same code, by its description.

use std::cell::Cell;
use std::io::{self, IsTerminal};
use std::rc::Rc;

use anyhow::{Context as _, Result};

use super::GlobalArgs;
use super::args::{DatasetArg, PagingArgs, Shaping, listing_progress, table_width};
use super::context::Context;
use super::list::ListArgs;
use super::wait::{Expecting, Printed, Subject, Through, WaitOptions};
use crate::api::jobs;
use crate::api::offsets::Offsets;
use crate::api::paging::{self, Collected};
use crate::api::totals::Totals;
use crate::domain::kind::Kind;
use crate::output::shape::Shaped;
use crate::output::summary::{check_complete, page_summary, shaping_notes};
use crate::output::{self, OutputFormat, TableStyle};
use crate::util::progress::Progress;
use crate::util::term;

pub async fn run(global: &GlobalArgs, args: &ListArgs) -> Result<()> {
    let shape = args.job.as_ref().expect("a kind's listing");
    let kind = shape.kind;
    let jq = args.checked_jq()?;
    let context = Context::new(global)?;
    let settings = &context.settings;
    let dataset = context.dataset(&args.dataset)?;
    let mut offsets = Offsets::of_list(settings, kind.collection);
    let sort = shape
        .sort
        .filter(|_| args.output.format != OutputFormat::Ndjson);
    if shape.sort.is_some() && sort.is_none() {
        term::warn(&format!(
            "--sort is ignored with -o ndjson, which streams {} in the server's order",
            kind.resource.plural
        ));
    }
    let shaping = if sort.is_some() || !shape.statuses.is_empty() {
        Shaping::FilterOrSort
    } else {
        Shaping::None
    };
    let mut plan = args.paging.plan_up_to(
        kind.max_limit,
        kind.resource,
        settings.concurrency,
        &offsets,
        shaping,
    );
    let client = context.client(plan.concurrency).await?;
    let sources = jobs::sources(&client, &dataset, kind, plan.limit);
    let mut totals = Totals::of(vec![jobs::listing(&client, &dataset, kind)]);
    totals.steer(&mut plan);

    let stdout_is_terminal = io::stdout().is_terminal();
    let style = job_style(global, args, stdout_is_terminal);
    if args.watch {
        let options = super::watch::Options {
            interval: args.interval,
            until_done: args.until_done,
            statuses: &[],
            sort: None,
            output: args.output.format,
            jobs: Some(shape),
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
    let matched = Rc::new(Cell::new(0));
    // The default columns, when --columns named none; a column named or added stays.
    let droppable = if args.column_names.is_empty() {
        kind.default_columns()
    } else {
        Vec::new()
    };
    let inner = args
        .output
        .sink(jq.as_ref(), stdout_is_terminal, |format, out| {
            let columns = (&shape.columns[..], &droppable[..]);
            output::job_sink(kind, format, out, columns, false, &style)
        });
    let mut sink = Shaped::jobs(inner, kind, shape.statuses.clone(), sort, matched.clone());
    if shaping == Shaping::FilterOrSort {
        sink.limit_to(args.paging.max_items);
    }
    client.open_ahead(plan.connections_ahead(sources.len()));
    let outcome = paging::run(&plan, &sources[0].1, &mut sink, &progress).await?;
    paging::Sink::finish(&mut sink).context("cannot write to stdout")?;
    let outcomes = [outcome];
    offsets.learn(&outcomes);
    totals.learn(&outcomes);
    let [outcome] = outcomes;
    if args.output.format == OutputFormat::Table {
        let acting: Vec<&str> = [
            (!shape.statuses.is_empty()).then_some("--status"),
            (shaping == Shaping::FilterOrSort && sort.is_some()).then_some("--sort"),
        ]
        .into_iter()
        .flatten()
        .collect();
        let cap = args.paging.max_items.filter(|_| plan.max_items.is_none());
        let notes = shaping_notes(&acting, &plan, cap, matched.get());
        let matched =
            (!shape.statuses.is_empty()).then(|| format!("{} matching --status", matched.get()));
        term::note(&page_summary(
            &outcome,
            &plan,
            kind.resource.plural,
            matched,
            notes,
        ));
    }
    let labels = [String::new()];
    Ok(check_complete(
        &labels,
        std::slice::from_ref(&outcome),
        kind.resource.plural,
        &offsets,
    )?)
}

/// The table's style for a kind's jobs: its columns are the shape's own.
pub fn job_style(global: &GlobalArgs, args: &ListArgs, stdout_is_terminal: bool) -> TableStyle {
    TableStyle {
        color: term::use_color(global.color, stdout_is_terminal),
        width: table_width(stdout_is_terminal),
        no_headers: args.output.no_headers,
        verbatim: !stdout_is_terminal,
        ..TableStyle::default()
    }
}

/// Every job of `kind` of `dataset` (the profile's when none), each as the server wrote
/// it: every page, `limit` a page, as `list --kind --all` pages them.
pub async fn all_jobs(
    global: &GlobalArgs,
    dataset: Option<&str>,
    kind: &Kind,
    limit: u32,
) -> Result<Vec<String>> {
    let context = Context::new(global)?;
    let dataset = context.dataset(&DatasetArg {
        dataset: dataset.map(str::to_string),
    })?;
    let mut offsets = Offsets::of_list(&context.settings, kind.collection);
    let paging = PagingArgs {
        limit: Some(limit),
        offset: None,
        all: true,
        max_items: None,
        concurrency: None,
    };
    let plan = paging.plan_up_to(
        kind.max_limit,
        kind.resource,
        context.settings.concurrency,
        &offsets,
        Shaping::None,
    );
    let client = context.client(plan.concurrency).await?;
    let sources = jobs::sources(&client, &dataset, kind, plan.limit);
    let mut collected = Collected::default();
    let outcome = paging::run(&plan, &sources[0].1, &mut collected, &Progress::hidden()).await?;
    let outcomes = [outcome];
    offsets.learn(&outcomes);
    check_complete(&[String::new()], &outcomes, kind.resource.plural, &offsets)?;
    Ok(collected
        .0
        .iter()
        .map(|raw| raw.get().to_string())
        .collect())
}

/// One job of `kind`, as the server wrote it, as `get --kind` reads it.
pub async fn one_job(
    global: &GlobalArgs,
    dataset: Option<&str>,
    kind: &Kind,
    id: &str,
) -> Result<String> {
    let context = Context::new(global)?;
    let dataset = context.dataset(&DatasetArg {
        dataset: dataset.map(str::to_string),
    })?;
    let id = super::context::task_id(id)?;
    let client = context.client(1).await?;
    let body = jobs::get_job(&client, &dataset, kind, &id).await?;
    Ok(String::from_utf8_lossy(&body).into_owned())
}

/// Wait for a job of `kind` as `wait --kind` does: the error says how it ended when
/// that was not a success.
pub async fn wait_for_job(
    global: &GlobalArgs,
    dataset: Option<&str>,
    kind: &'static Kind,
    id: &str,
    options: &WaitOptions,
) -> Result<()> {
    let context = Context::new(global)?;
    let dataset = context.dataset(&DatasetArg {
        dataset: dataset.map(str::to_string),
    })?;
    let id = super::context::task_id(id)?;
    super::wait::wait_for(
        Through::Settings(&context),
        Subject::Job(kind),
        &id,
        &dataset,
        options,
        &Printed::default(),
        Expecting::AnyEnd,
    )
    .await
}
