//! `list --watch`: the listing again every interval, redrawn in place on a terminal,
//! or as a log of what changed.
//!
//! On a terminal each listing is drawn over the last, from the top left corner, each
//! line cleared to its end and the screen below it cleared, as watch(1) does: nothing
//! scrolls, so the scrollback keeps what was there before the watch. Every line is cut
//! at the terminal's width, the table keeps the rows that fit the screen (then says
//! how many more there are), and its columns do not narrow from one drawing to the
//! next unless the terminal does.

use std::cell::RefCell;
use std::collections::HashMap;
use std::future::Future;
use std::io::{self, IsTerminal, Write};
use std::rc::Rc;

use anyhow::{Context, Result};
use serde_json::value::RawValue;

use super::kind::JobShape;
use super::report::is_lasting;
use crate::api::offsets::Offsets;
use crate::api::page::Page;
use crate::api::page::PageBody;
use crate::api::paging::{self, Group, Plan};
use crate::api::totals::Totals;
use crate::domain::item::Item;
use crate::domain::task::{Status, TaskView};
use crate::output::json::write_line;
use crate::output::shape::{Shaped, Sort};
use crate::output::summary::incomplete_message;
use crate::output::{self, OutputFormat, Redraw, Sink, clip};
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
    /// Another kind's jobs, rather than intelligent tasks: what `--status`, `--sort`
    /// and `--columns` said of them.
    pub jobs: Option<&'a JobShape>,
}

/// What a watch reads of each item it lists.
struct Seen {
    id: String,
    /// The status and progress, whose change the log reports.
    state: (String, String),
    done: bool,
    /// Whether `--status` shows it.
    shown: bool,
}

impl Options<'_> {
    fn read(&self, raw: &str) -> Seen {
        match self.jobs {
            None => {
                let task = TaskView::parse(raw);
                Seen {
                    id: task.id(),
                    state: (task.status_label(), task.progress()),
                    done: task.status().is_some_and(Status::is_done),
                    shown: self.statuses.is_empty()
                        || task.status().is_some_and(|s| self.statuses.contains(&s)),
                }
            }
            Some(shape) => {
                let kind = shape.kind;
                let item = Item::parse(raw);
                let status = kind.status_of(&item);
                Seen {
                    id: item.text(kind.resource.id_key),
                    state: (
                        kind.status_label(&item),
                        kind.progress(&item).unwrap_or_default(),
                    ),
                    done: status.is_some_and(|s| s.outcome.is_done()),
                    shown: shape.statuses.is_empty()
                        || status.is_some_and(|s| shape.statuses.contains(&s)),
                }
            }
        }
    }

    /// What is listed, in messages: `tasks`, `import tasks`.
    fn plural(&self) -> &'static str {
        self.jobs
            .map_or("tasks", |shape| shape.kind.resource.plural)
    }

    /// One of what is listed, in messages: `task`, `import task`.
    fn singular(&self) -> &'static str {
        self.jobs
            .map_or("task", |shape| shape.kind.resource.singular)
    }

    /// The table of a drawing, into `text`.
    fn table<'a>(
        &self,
        text: &'a mut Vec<u8>,
        style: output::TableStyle,
        redraw: Rc<RefCell<Redraw>>,
    ) -> Box<dyn Sink + 'a> {
        match self.jobs {
            None => Box::new(Shaped::new(
                output::redrawn_table(text, style, redraw),
                Vec::new(),
                self.sort,
                Default::default(),
            )),
            Some(shape) => Box::new(Shaped::jobs(
                output::redrawn_jobs(shape.kind, text, &shape.columns, style, redraw),
                shape.kind,
                Vec::new(),
                shape.sort,
                Default::default(),
            )),
        }
    }
}

/// What one listing found: each item whole, with the dataset it was listed from when
/// the listing said (across datasets).
#[derive(Default)]
struct Listing {
    items: Vec<(Option<Rc<str>>, Box<RawValue>)>,
    dataset: Option<Rc<str>>,
}

impl Sink for Listing {
    fn begin(&mut self, _: &Page<'_>) -> io::Result<()> {
        Ok(())
    }
    fn group(&mut self, group: &Group<'_>) -> io::Result<()> {
        self.dataset = Some(group.dataset_id.into());
        Ok(())
    }
    fn item(&mut self, raw: &RawValue) -> io::Result<()> {
        self.items.push((self.dataset.clone(), raw.to_owned()));
        Ok(())
    }
    fn page_done(&mut self) -> io::Result<()> {
        Ok(())
    }
    fn finish(&mut self) -> io::Result<()> {
        Ok(())
    }
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
    pub totals: &'a mut Totals,
}

impl<F, Fut> Lister for Sources<'_, F>
where
    F: Fn(u64) -> Fut,
    Fut: Future<Output = Result<PageBody>>,
{
    async fn list_once(&mut self, sink: &mut dyn Sink) -> Result<Option<String>> {
        let progress = Progress::hidden();
        let outcomes = paging::run_sources(self.plan, self.sources, sink, &progress).await?;
        // What offsets count, once found out, spares the next listings the finding; the
        // totals let them request their pages at once.
        self.offsets.learn(&outcomes);
        self.offsets.steer(self.plan);
        self.totals.learn(&outcomes);
        self.totals.steer(self.plan);
        let labels: Vec<String> = self.sources.iter().map(|(l, _)| l.clone()).collect();
        Ok(incomplete_message(&labels, &outcomes))
    }
}

/// A watch's title line: what runs, then when it last did, four spaces apart; on a
/// narrow screen, what runs is cut (with `…`) so that the time stays.
fn title(what: &str, when: &str, width: Option<usize>) -> String {
    use unicode_width::UnicodeWidthStr;
    const GAP: &str = "    ";
    let Some(width) = width else {
        return format!("{what}{GAP}{when}");
    };
    let room = width.saturating_sub(when.width() + GAP.len());
    if what.width() > room && room < 2 {
        return when.to_string();
    }
    format!("{}{GAP}{when}", output::cut(what, room).0)
}

/// The lines of a drawing besides the table's rows: the title, a blank line, the
/// table's header, the count under it, and the line the cursor waits on, where
/// warnings go.
const LINES_AROUND_ROWS: usize = 5;

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
    let interval = args.interval.unwrap_or(DEFAULT_INTERVAL);
    let on_terminal = io::stdout().is_terminal();
    let drawing = on_terminal && args.output == OutputFormat::Table;
    if !drawing && args.output != OutputFormat::Ndjson {
        let one = args.singular();
        term::note(&if args.output == OutputFormat::Table {
            format!(
                "stdout is not a terminal: --watch prints each {one} that appears or changes \
                 as one NDJSON line"
            )
        } else {
            format!("--watch -o json prints each {one} that appears or changes as one NDJSON line")
        });
    }
    let redraw = Rc::new(RefCell::new(Redraw::default()));
    let mut drawn = false;
    let mut seen: HashMap<String, (String, String)> = HashMap::new();
    let command = std::env::args_os()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join(" ");
    let command = crate::util::text::clean(&command);
    loop {
        let mut listing = Listing::default();
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
        let listed: Vec<(Seen, Option<Rc<str>>, Box<RawValue>)> = listing
            .items
            .into_iter()
            .map(|(dataset, raw)| (args.read(raw.get()), dataset, raw))
            .collect();
        // Done means every item listed, whatever --status shows, and at least one.
        let all_done = !listed.is_empty() && listed.iter().all(|(seen, ..)| seen.done);
        let tasks: Vec<(Seen, Option<Rc<str>>, Box<RawValue>)> =
            listed.into_iter().filter(|(seen, ..)| seen.shown).collect();
        if drawing {
            let width = super::args::table_width(true);
            let height = term::terminal_height();
            redraw.borrow_mut().room = height.map(|h| h.saturating_sub(LINES_AROUND_ROWS).max(1));
            let mut text = Vec::new();
            {
                let style = output::TableStyle {
                    width,
                    ..lister.style(table_style)
                };
                let mut sink = args.table(&mut text, style, redraw.clone());
                let mut told: Option<&Rc<str>> = None;
                for (_, dataset, raw) in &tasks {
                    // Each item's dataset, where the listing said, for DATASET.
                    if let Some(dataset) = dataset
                        && told != Some(dataset)
                    {
                        sink.group(&Group {
                            dataset_id: dataset,
                            name: None,
                            total: None,
                            error: None,
                        })?;
                        told = Some(dataset);
                    }
                    sink.item(raw)?;
                }
                sink.finish()?;
            }
            let mut count = format!("{} {}", tasks.len(), args.plural());
            let hidden = &redraw.borrow().hidden;
            if let (false, Some(width)) = (hidden.is_empty(), width) {
                count.push_str(&format!(
                    " (hidden to fit {width} columns: {})",
                    hidden.join(", ")
                ));
            }
            let title = title(
                &format!("Every {}: matasks {command}", humanize(interval)),
                &format!(
                    "refreshed {}",
                    crate::util::time::show(crate::util::clock::now())
                ),
                width,
            );
            let text = String::from_utf8_lossy(&text);
            // No more lines than the screen has, less the one the cursor waits on: a
            // frame that scrolled would no longer be drawn in place.
            let screen = height.map_or(usize::MAX, |h| h.saturating_sub(1).max(1));
            let lines = [title.as_str(), ""]
                .into_iter()
                .chain(text.lines())
                .chain([count.as_str()])
                .take(screen);
            let mut frame = String::new();
            // Home, or the first time, home and clear the screen, as watch(1) does.
            frame.push_str(if drawn { "\x1b[H" } else { "\x1b[H\x1b[2J" });
            for line in lines {
                let line = match width {
                    Some(width) => clip(line, width),
                    None => line.into(),
                };
                frame.push_str(&line);
                // The rest of the line, and then of the screen, is what was drawn before.
                frame.push_str("\x1b[K\n");
            }
            frame.push_str("\x1b[J");
            let mut out = io::stdout().lock();
            out.write_all(frame.as_bytes())?;
            out.flush().context("cannot write to stdout")?;
            drawn = true;
        } else {
            // A log: one line per task that appeared or changed status or progress.
            let mut out = io::stdout().lock();
            for (item, _, raw) in tasks {
                if seen.get(&item.id) != Some(&item.state) {
                    write_line(&mut out, raw.get())?;
                    seen.insert(item.id, item.state);
                }
            }
            out.flush().context("cannot write to stdout")?;
        }
        if args.until_done && all_done {
            if on_terminal {
                term::note(&format!("every {} listed is done", args.singular()));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_keeps_the_time_and_cuts_what_runs() {
        let what = "Every 5s: matasks list --watch --status running";
        let when = "refreshed 2026-11-30 14:07:15 +08:00";
        assert_eq!(title(what, when, None), format!("{what}    {when}"));
        assert_eq!(title(what, when, Some(200)), format!("{what}    {when}"));
        let cut = title(what, when, Some(60));
        assert_eq!(cut, format!("Every 5s: matasks l…    {when}"));
        assert_eq!(unicode_width::UnicodeWidthStr::width(cut.as_str()), 60);
        assert_eq!(title(what, when, Some(20)), when);
    }
}
