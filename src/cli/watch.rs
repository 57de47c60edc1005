//! `list --watch`: the listing again every interval, redrawn in place on a terminal,
//! or as a log of what changed.

use std::collections::HashMap;
use std::future::Future;
use std::io::{self, IsTerminal, Write};

use anyhow::{Context, Result};
use serde_json::value::RawValue;

use super::report::is_lasting;
use crate::api::offsets::Offsets;
use crate::api::page::{Page, PageBody};
use crate::api::paging::{self, Outcome, Plan};
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

/// Every task of one listing, kept whole.
#[derive(Default)]
struct Collect(Vec<Box<RawValue>>);

impl Sink for Collect {
    fn begin(&mut self, _: &Page<'_>) -> io::Result<()> {
        Ok(())
    }
    fn item(&mut self, raw: &RawValue) -> io::Result<()> {
        self.0.push(raw.to_owned());
        Ok(())
    }
    fn page_done(&mut self) -> io::Result<()> {
        Ok(())
    }
    fn finish(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Listing again and again, until Ctrl-C (heard from the start, and a success) or,
/// with `--until-done`, until every task is done. `sources` are the listings, `(label,
/// fetch)`: several are merged into one.
pub async fn run<F, Fut>(
    args: &Options<'_>,
    plan: &mut Plan,
    sources: &[(String, F)],
    table_style: output::TableStyle,
    offsets: &mut Offsets,
) -> Result<()>
where
    F: Fn(u64) -> Fut,
    Fut: Future<Output = Result<PageBody>>,
{
    tokio::select! {
        result = watch(args, plan, sources, &table_style, offsets) => result,
        _ = tokio::signal::ctrl_c() => Ok(()),
    }
}

/// One listing of every source, into `sink`.
async fn list_once<F, Fut>(
    plan: &Plan,
    sources: &[(String, F)],
    sink: &mut dyn Sink,
) -> Result<Vec<Outcome>>
where
    F: Fn(u64) -> Fut,
    Fut: Future<Output = Result<PageBody>>,
{
    let progress = Progress::hidden();
    match sources {
        [(_, fetch)] => Ok(vec![paging::run(plan, fetch, sink, &progress).await?]),
        _ => paging::run_merged(plan, sources, sink, &progress).await,
    }
}

async fn watch<F, Fut>(
    args: &Options<'_>,
    plan: &mut Plan,
    sources: &[(String, F)],
    table_style: &output::TableStyle,
    offsets: &mut Offsets,
) -> Result<()>
where
    F: Fn(u64) -> Fut,
    Fut: Future<Output = Result<PageBody>>,
{
    let sort = args
        .sort
        .or((sources.len() > 1).then_some(Sort::NEWEST_FIRST));
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
        let mut listing = Collect::default();
        let outcomes = match list_once(plan, sources, &mut listing).await {
            Ok(outcomes) => outcomes,
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
        // What offsets count, once found out, spares the next listings the finding.
        offsets.learn(&outcomes);
        plan.counting = offsets.counting();
        plan.counting_may_be_stale = offsets.may_be_stale();
        // An incomplete listing costs a watch nothing but a warning: the next may not be.
        let labels: Vec<String> = sources.iter().map(|(label, _)| label.clone()).collect();
        if let Some(message) = incomplete_message(&labels, &outcomes) {
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
                    output::sink(OutputFormat::Table, &mut text, table_style.clone()),
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
                crate::util::clock::now().strftime("%Y-%m-%d %H:%M:%S UTC"),
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
