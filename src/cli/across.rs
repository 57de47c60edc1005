//! `matasks list --all-datasets`: the tasks of every dataset of the project, in one
//! listing. A dataset that fails is reported and the others go on; the exit status
//! then says the listing is incomplete, naming the datasets.

use std::cell::Cell;
use std::collections::HashMap;
use std::io::{self, IsTerminal};
use std::rc::Rc;

use anyhow::{Context as _, Result};
use futures_util::StreamExt;
use serde_json::value::RawValue;

use super::GlobalArgs;
use super::args::{ALL_LIMIT, listing_progress};
use super::context::Context;
use super::list::{ListArgs, table_style};
use crate::api::offsets::Offsets;
use crate::api::page::Page;
use crate::api::paging::{Group, Plan};
use crate::api::project::{self, DatasetTasks, Listed};
use crate::api::tasks;
use crate::domain::resource::Resource;
use crate::domain::task::TaskView;
use crate::output::json::GroupedJsonSink;
use crate::output::shape::{Shaped, Sort, sort_jobs, sort_tasks};
use crate::output::summary::{incomplete_message, shaping_notes};
use crate::output::{self, Column, OutputFormat, Sink};
use crate::util::error::{Incomplete, UsageError};
use crate::util::progress::Progress;
use crate::util::term;

pub async fn run(global: &GlobalArgs, args: &ListArgs) -> Result<()> {
    let jq = args.checked_jq()?;
    let context = Context::new(global)?;
    if args.paging.offset.is_some() {
        return Err(UsageError(
            "--offset cannot be used with --all-datasets, which lists every page of every \
             dataset"
                .to_string(),
        )
        .into());
    }
    let settings = &context.settings;
    let mut offsets = Offsets::of(settings);
    let concurrency = args.paging.concurrency(settings.concurrency);
    let datasets_plan = Plan {
        resource: Resource::DATASETS,
        first_page: 0,
        limit: ALL_LIMIT,
        all: true,
        max_items: None,
        concurrency,
        counting: offsets.counting(),
        counting_may_be_stale: offsets.may_be_stale(),
        recalled: Vec::new(),
    };
    let types = args.queries();
    let job = args.job.as_deref();
    let labels = match job {
        Some(_) => vec![String::new()],
        None => tasks::labels(&types),
    };
    let task_name = args.task_name.as_deref().filter(|n| !n.is_empty());
    let what = match job {
        Some(shape) => Listed::Jobs(shape.kind),
        None => Listed::Tasks {
            types: &types,
            task_name,
        },
    };
    let mut plan = project::tasks_plan(&datasets_plan);
    if let Some(shape) = job {
        plan.resource = shape.kind.resource;
    }
    let largest = job.map_or(ALL_LIMIT, |shape| shape.kind.max_limit);
    plan.limit = args.paging.limit.unwrap_or(largest);
    let on_terminal = io::stdout().is_terminal();
    let mut style = match job {
        Some(_) => super::jobs::job_style(global, args, on_terminal),
        None => table_style(global, args, on_terminal),
    };
    if args.columns.is_empty() && job.is_none() {
        style.columns.insert(0, Column::Dataset);
        style.droppable.push(Column::Dataset);
    }
    let client = context.client(concurrency).await?;
    if args.watch {
        let options = super::watch::Options {
            interval: args.interval,
            until_done: args.until_done,
            statuses: &args.status,
            sort: args.sort,
            output: args.output.format,
            jobs: job,
        };
        let mut lister = Watched {
            client: &client,
            datasets_plan,
            plan,
            listed: what,
            labels: &labels,
            offsets: &mut offsets,
            names: Rc::default(),
        };
        return super::watch::run(&options, &mut lister, style).await;
    }

    let bar = |unit| listing_progress(args.output.format, on_terminal, unit);
    // Each dataset's tasks follow the dataset list: their connections can be opened
    // while it is on its way.
    client.open_ahead(concurrency);
    let (datasets, listed) = {
        let progress = bar("pages of datasets");
        project::all_datasets(&client, &datasets_plan, &progress).await?
    };
    let progress = bar("datasets");
    offsets.learn(std::slice::from_ref(&listed));
    offsets.steer(&mut plan);
    progress.add_pages(datasets.len() as u64);
    let dataset_count = datasets.len();

    style.dataset_names = Rc::new(names_of(&datasets));
    let sort = args.sort_unless_streamed();
    let job_sort = job.and_then(|shape| shape.sort);
    if job_sort.is_some() && args.output.format == OutputFormat::Ndjson {
        term::warn("--sort is ignored with -o ndjson, which streams in the server's order");
    }
    // Each dataset's kinds merged newest first, as `list --type all` shows one dataset's.
    let merged_order = (types.len() > 1 && job.is_none()).then_some(Sort::NEWEST_FIRST);
    // A table reads a few fields of each task: a dataset's tasks, held until it is
    // listed whole, are held as no more than those.
    let mut reads: Vec<&str> = vec!["status"];
    reads.extend(
        style
            .columns
            .iter()
            // DATASET shows the dataset each task was listed from, not what it says.
            .filter(|&&c| c != Column::Dataset)
            .flat_map(|c| c.reads()),
    );
    reads.extend(sort.into_iter().chain(merged_order).flat_map(|s| s.reads()));
    // JSON keeps each dataset's tasks together, in a document of its own shape.
    let droppable = job.map(|shape| {
        if args.column_names.is_empty() {
            shape.kind.default_columns()
        } else {
            Vec::new()
        }
    });
    let inner = args.output.sink(jq.as_ref(), on_terminal, |format, out| {
        match (format, job) {
            (OutputFormat::Json, None) => Box::new(GroupedJsonSink::new(out)),
            (OutputFormat::Json, Some(shape)) => {
                Box::new(GroupedJsonSink::of(out, shape.kind.resource.items_key))
            }
            (format, None) => output::sink(format, out, style),
            (format, Some(shape)) => {
                let droppable = droppable.as_deref().unwrap_or_default();
                let columns = (&shape.columns[..], droppable);
                output::job_sink(shape.kind, format, out, columns, true, &style)
            }
        }
    });
    let (shaped_sort, group_sort) = match args.output.format {
        // The table is one list: sorted as a whole when asked.
        OutputFormat::Table | OutputFormat::Tsv | OutputFormat::Csv => {
            (sort, merged_order.filter(|_| sort.is_none()))
        }
        // The document keeps each dataset's tasks together: sorted within each.
        OutputFormat::Json => (None, sort.or(merged_order)),
        OutputFormat::Ndjson => (None, None),
    };
    let job_sorts = match args.output.format {
        OutputFormat::Table | OutputFormat::Tsv | OutputFormat::Csv => (job_sort, None),
        OutputFormat::Json => (None, job_sort),
        OutputFormat::Ndjson => (None, None),
    };
    let matched = Rc::new(Cell::new(0));
    let mut sink: Box<dyn Sink> = match job {
        None => {
            let mut shaped = Shaped::new(inner, args.status.clone(), shaped_sort, matched.clone());
            shaped.limit_to(args.paging.max_items);
            Box::new(shaped)
        }
        Some(shape) => {
            let mut shaped = Shaped::jobs(
                inner,
                shape.kind,
                shape.statuses.clone(),
                job_sorts.0,
                matched.clone(),
            );
            shaped.limit_to(args.paging.max_items);
            Box::new(shaped)
        }
    };
    let resource = job.map_or(Resource::TASKS, |shape| shape.kind.resource);
    let empty = format!("{{\"{}\":[]}}", resource.items_key);
    sink.begin(&Page::parse(empty.as_bytes(), resource)?)
        .context("cannot write to stdout")?;

    let essentials = |task: &RawValue| {
        TaskView::essentials(task.get(), &reads).unwrap_or_else(|| task.to_owned())
    };
    // The table's columns read a few fields; JSON keeps the server's text whole.
    let keep: &project::Keep<'_> = if args.output.format.is_tabular() && job.is_none() {
        &essentials
    } else {
        &project::whole
    };
    let mut each = std::pin::pin!(project::tasks_of_each(&client, datasets, what, &plan, keep));
    let mut failures: Vec<String> = Vec::new();
    let mut handed = 0u64;
    let mut datasets_done = 0;
    // Without a sort, the output holds the first --max-items as they come: the
    // datasets after those are not listed at all.
    let early_stop = shaped_sort.is_none() && job_sorts.0.is_none();
    while let Some(DatasetTasks {
        dataset,
        mut tasks,
        outcomes,
        error,
    }) = each.next().await
    {
        datasets_done += 1;
        let problem = problem(error.as_ref(), &labels, &outcomes);
        if let Some(problem) = &problem {
            progress.suspend(|| term::warn(&format!("{}: {problem}", named(&dataset))));
            failures.push(named(&dataset));
        }
        // Known when every listing of the dataset knew its own; none for a failure.
        let total = (!outcomes.is_empty())
            .then(|| outcomes.iter().map(|o| o.total).sum::<Option<u64>>())
            .flatten();
        sink.group(&Group {
            dataset_id: dataset.id.as_str(),
            name: dataset.name_raw.as_deref(),
            total,
            error: problem.as_deref(),
        })
        .context("cannot write to stdout")?;
        if let Some(sort) = group_sort {
            sort_tasks(&mut tasks, sort);
        }
        if let Some(sort) = job_sorts.1 {
            sort_jobs(&mut tasks, sort);
        }
        for task in &tasks {
            sink.item(task).context("cannot write to stdout")?;
            handed += 1;
        }
        sink.page_done().context("cannot write to stdout")?;
        progress.page_done(handed);
        if early_stop && !sink.wants_more() {
            break;
        }
    }
    progress.clear();
    sink.finish().context("cannot write to stdout")?;

    let filtered = match job {
        Some(shape) => !shape.statuses.is_empty(),
        None => !args.status.is_empty(),
    };
    // Tasks printed, or read when a filter printed only some of them.
    let shown = if !filtered { matched.get() } else { handed };
    if args.output.format == OutputFormat::Table {
        let noun = resource.noun(shown);
        let of = if datasets_done == dataset_count {
            String::new()
        } else {
            format!("{datasets_done} of ")
        };
        let mut line = format!("{shown} {noun} in {of}{dataset_count} datasets");
        if filtered {
            line.push_str(&format!(", {} matching --status", matched.get()));
        }
        let mut notes = shaping_notes(&[], &plan, args.paging.max_items, matched.get());
        if args.task_type.is_none() && job.is_none() {
            notes.push("auto-labeling and pre-labeling tasks; --type all lists every kind".into());
        }
        if !notes.is_empty() {
            line.push_str(&format!(" ({})", notes.join("; ")));
        }
        term::note(&line);
    }
    match failed(&failures, dataset_count, resource.plural) {
        None => Ok(()),
        Some(message) => Err(Incomplete {
            message,
            hint: Some("the warnings above say why for each; the others were listed".to_string()),
        }
        .into()),
    }
}

/// `dataset ID (name)`, for messages.
fn named(dataset: &project::Dataset) -> String {
    format!(
        "dataset {} ({})",
        dataset.id,
        crate::util::text::clean(&dataset.name)
    )
}

/// Why a dataset's tasks are not all listed: its listing failed, or came up short.
fn problem(
    error: Option<&anyhow::Error>,
    labels: &[String],
    outcomes: &[crate::api::paging::Outcome],
) -> Option<String> {
    let problem = match error {
        Some(e) => format!("{e:#}"),
        None => incomplete_message(labels, outcomes)?,
    };
    Some(crate::util::text::clean(&problem).into_owned())
}

/// The message of a listing some of whose `failures` (of `count` datasets) failed;
/// what was listed: `plural`.
fn failed(failures: &[String], count: usize, plural: &str) -> Option<String> {
    (!failures.is_empty()).then(|| {
        format!(
            "incomplete listing: the {plural} of {} of {count} datasets could not all be \
             listed: {}",
            failures.len(),
            failures.join(", ")
        )
    })
}

/// `--watch --all-datasets`: every round lists the datasets again, then their tasks.
struct Watched<'a> {
    client: &'a crate::api::client::Client,
    datasets_plan: Plan,
    plan: Plan,
    listed: Listed<'a>,
    labels: &'a [String],
    offsets: &'a mut Offsets,
    /// The names of the datasets the last round found.
    names: Rc<HashMap<String, String>>,
}

impl super::watch::Lister for Watched<'_> {
    async fn list_once(&mut self, sink: &mut dyn Sink) -> Result<Option<String>> {
        let hidden = Progress::hidden();
        let (datasets, listed) =
            project::all_datasets(self.client, &self.datasets_plan, &hidden).await?;
        self.offsets.learn(std::slice::from_ref(&listed));
        self.offsets.steer(&mut self.plan);
        self.names = Rc::new(names_of(&datasets));
        let count = datasets.len();
        let mut failures = Vec::new();
        let mut each = std::pin::pin!(project::tasks_of_each(
            self.client,
            datasets,
            self.listed,
            &self.plan,
            &project::whole
        ));
        while let Some(listed) = each.next().await {
            let problem = problem(listed.error.as_ref(), self.labels, &listed.outcomes);
            if let Some(problem) = &problem {
                term::warn(&format!("{}: {problem}", named(&listed.dataset)));
                failures.push(named(&listed.dataset));
            }
            sink.group(&Group {
                dataset_id: listed.dataset.id.as_str(),
                name: listed.dataset.name_raw.as_deref(),
                total: None,
                error: problem.as_deref(),
            })?;
            for task in &listed.tasks {
                sink.item(task)?;
            }
        }
        let plural = match self.listed {
            Listed::Jobs(kind) => kind.resource.plural,
            Listed::Tasks { .. } => "tasks",
        };
        Ok(failed(&failures, count, plural))
    }

    fn style(&self, base: &output::TableStyle) -> output::TableStyle {
        output::TableStyle {
            dataset_names: self.names.clone(),
            ..base.clone()
        }
    }
}

/// Each dataset's name by its ID.
fn names_of(datasets: &[project::Dataset]) -> HashMap<String, String> {
    datasets
        .iter()
        .map(|d| (d.id.to_string(), d.name.clone()))
        .collect()
}
