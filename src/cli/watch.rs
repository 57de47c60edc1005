//! `list --watch`: the listing again every interval, redrawn in place on a terminal,
//! or as a log of what changed.

use std::collections::HashMap;
use std::future::Future;
use std::io::{self, IsTerminal, Write};

use anyhow::{Context, Result};
use serde_json::value::RawValue;

use super::report::is_lasting;
use crate::api::offsets::Offsets;
use crate::api::page::PageBody;
use crate::api::paging::{self, Collected, Plan};
use crate::domain::task::{Status, TaskView};
use crate::output::json::write_line;
use crate::output::shape::{Shaped, Sort};
use crate::output::summary::incomplete_message;
use crate::output::{self, OutputFormat, Sink};
use crate::util::duration::humanize;
use crate::util::progress::Progress;
use crate::util::term;

/// How a watch lists and shows: what `list` was asked.
pub struct Options<'a> {
    pub interval: Option<std::time::Duration>,
    pub until_done: bool,
    /// `--status`: only these are shown.
    pub statuses: &'a [Status],
    pub sort: Option<Sort>,
    pub output: OutputFormat,
}

/// Between listings unless `--interval` says otherwise.
const DEFAULT_INTERVAL: std::time::Duration = std::time::Duration::from_secs(5);

/// What a watch lists each round.
pub trait Lister {
    /// List once into `sink`; what the listing lacks, when it came up short.
    async fn list_once(&mut self, sink: &mut dyn Sink) -> Result<Option<String>>;

    /// The table's style for what the last listing found.
    fn style(&self, base: &output::TableStyle) -> output::TableStyle {
        base.clone()
    }
}

/// A dataset's listings, `(label, fetch)` each: several are merged into one.
pub struct Sources<'a, F> {
    pub plan: &'a mut Plan,
    pub sources: &'a [(String, F)],
    pub offsets: &'a mut Offsets,
}

impl<F, Fut> Lister for Sources<'_, F>
where
    F: Fn(u64) -> Fut,
    Fut: Future<Output = Result<PageBody>>,
{
    async fn list_once(&mut self, sink: &mut dyn Sink) -> Result<Option<String>> {
        let progress = Progress::hidden();
        let outcomes = paging::run_sources(self.plan, self.sources, sink, &progress).await?;
        // What offsets count, once found out, spares the next listings the finding.
        self.offsets.learn(&outcomes);
        self.offsets.steer(self.plan);
        let labels: Vec<String> = self.sources.iter().map(|(l, _)| l.clone()).collect();
        Ok(incomplete_message(&labels, &outcomes))
    }
}

/// Listing again and again, until Ctrl-C (heard from the start, and a success) or,
/// with `--until-done`, until every task is done.
pub async fn run(
    args: &Options<'_>,
    lister: &mut impl Lister,
    table_style: output::TableStyle,
) -> Result<()> {
    tokio::select! {
        result = watch(args, lister, &table_style) => result,
        _ = tokio::signal::ctrl_c() => Ok(()),
    }
}

async fn watch(
    args: &Options<'_>,
    lister: &mut impl Lister,
    table_style: &output::TableStyle,
) -> Result<()> {
    let sort = args.sort;
    let interval = args.interval.unwrap_or(DEFAULT_INTERVAL);
    let on_terminal = io::stdout().is_terminal();
    let mut seen: HashMap<String, (String, String)> = HashMap::new();
    let command = std::env::args_os()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join(" ");
    let command = crate::util::text::clean(&command);
    loop {
        let mut listing = Collected::default();
        let incomplete = match lister.list_once(&mut listing).await {
            Ok(incomplete) => incomplete,
            Err(e) => {
                // A fault that may pass costs one listing, not the watch.
                if is_lasting(&e) {
                    return Err(e);
                }
                term::warn(&format!(
                    "listing failed: {e:#}; trying again in {}",
                    humanize(interval)
                ));
                if !pause(interval).await {
                    return Ok(());
                }
                continue;
            }
        };
        // An incomplete listing costs a watch nothing but a warning: the next may not be.
        if let Some(message) = incomplete {
            term::warn(&message);
        }
        let listed: Vec<(TaskView, Box<RawValue>)> = listing
            .0
            .into_iter()
            .map(|raw| (TaskView::parse(raw.get()), raw))
            .collect();
        // Done means every task listed, whatever --status shows, and at least one.
        let all_done = !listed.is_empty()
            && listed
                .iter()
                .all(|(task, _)| task.status().is_some_and(Status::is_done));
        let tasks: Vec<(TaskView, Box<RawValue>)> = listed
            .into_iter()
            .filter(|(task, _)| {
                args.statuses.is_empty()
                    || task.status().is_some_and(|s| args.statuses.contains(&s))
            })
            .collect();
        if on_terminal && args.output == OutputFormat::Table {
            let mut text = Vec::new();
            {
                let mut sink = Shaped::new(
                    output::sink(OutputFormat::Table, &mut text, lister.style(table_style)),
                    Vec::new(),
                    sort,
                    Default::default(),
                );
                for (_, raw) in &tasks {
                    sink.item(raw)?;
                }
                sink.finish()?;
            }
            let mut out = io::stdout().lock();
            // Home and clear, as watch(1) does, then the listing.
            write!(
                out,
                "\x1b[H\x1b[2JEvery {}: matasks {command}    refreshed {}\n\n",
                humanize(interval),
                crate::util::time::show(crate::util::clock::now()),
            )?;
            out.write_all(&text)?;
            writeln!(out, "{} tasks", tasks.len())?;
            out.flush().context("cannot write to stdout")?;
        } else {
            // A log: one line per task that appeared or changed status or progress.
            let mut out = io::stdout().lock();
            for (task, raw) in &tasks {
                let state = (task.status_label(), task.progress());
                if seen.get(&task.id()) != Some(&state) {
                    write_line(&mut out, raw.get())?;
                    seen.insert(task.id(), state);
                }
            }
            out.flush().context("cannot write to stdout")?;
        }
        if args.until_done && all_done {
            if on_terminal {
                term::note("every task listed is done");
            }
            return Ok(());
        }
        if !pause(interval).await {
            return Ok(());
        }
    }
}

/// Wait for the next listing; whether anyone still reads what the watch prints. A
/// watch with nothing new to say would not notice its reader leave by writing.
async fn pause(interval: std::time::Duration) -> bool {
    const LOOK_EVERY: std::time::Duration = std::time::Duration::from_millis(200);
    let until = tokio::time::Instant::now() + interval;
    loop {
        if term::stdout_reader_gone() {
            return false;
        }
        let now = tokio::time::Instant::now();
        if now >= until {
            return true;
        }
        tokio::time::sleep(LOOK_EVERY.min(until - now)).await;
    }
}
