//! `matasks wait`: poll a task until it is done, and say how it ended in the exit status.

use std::cell::Cell;
use std::io::{self, IsTerminal, Write};
use std::rc::Rc;
use std::time::{Duration, Instant};

use anyhow::Result;
use clap::builder::ArgPredicate;
use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::GlobalArgs;
use super::args::{DatasetArg, JqArg, parse_duration, parse_interval};
use super::context::{self, Context};
use super::report::is_lasting;
use crate::api::client::Client;
use crate::api::tasks;
use crate::domain::id::Id;
use crate::domain::task::{Status, TaskView};
use crate::output::jq::Jq;
use crate::output::json::write_line;
use crate::transport::api_error::never_reached_the_api;
use crate::util::duration::humanize;
use crate::util::error::{Advised, Ended, ExitKind};
use crate::util::term;

#[derive(Debug, Args)]
pub struct WaitArgs {
    /// The task's ID, as `list` shows it
    pub task_id: String,

    #[command(flatten)]
    pub dataset: DatasetArg,

    #[command(flatten)]
    pub wait: WaitOptions,

    /// Print the final task (json) or every change seen (ndjson) on stdout
    #[arg(
        short,
        long,
        value_enum,
        value_name = "FORMAT",
        default_value_if("jq", ArgPredicate::IsPresent, "json")
    )]
    pub output: Option<WaitOutput>,

    #[command(flatten)]
    pub jq: JqArg,
}

/// How long to wait, and how often to look: shared by `wait`, `start --wait` and
/// `stop --wait`.
#[derive(Debug, Clone, Args)]
pub struct WaitOptions {
    /// Give up waiting after this long, e.g. 90s, 15m, 2h (exit 124)
    #[arg(long, value_name = "DURATION", value_parser = parse_duration, default_value = "60m")]
    pub timeout: std::time::Duration,

    /// Time between polls while waiting, at least 1s
    #[arg(long, value_name = "DURATION", value_parser = parse_interval, default_value = "10s")]
    pub interval: std::time::Duration,
}

/// What a wait is for: any end, or the end of a task being stopped, where being
/// stopped is success.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expecting {
    AnyEnd,
    Stopped,
}

/// What a wait prints on stdout: the format, and the `--jq` program the final task
/// goes through.
#[derive(Clone, Default)]
pub struct Printed {
    pub output: Option<WaitOutput>,
    pub jq: Option<Rc<Jq>>,
}

impl Printed {
    /// `-o` and `--jq` as given (the program compiled, or a usage error).
    pub fn of(output: Option<WaitOutput>, jq: &JqArg) -> Result<Printed> {
        let jq = jq.compile(output == Some(WaitOutput::Json))?;
        Ok(Printed { output, jq })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum WaitOutput {
    /// The task as it ended, one document
    Json,
    /// One line per change of status or progress, as it is seen
    Ndjson,
}

/// How a wait ended.
enum Outcome {
    Done(Status, String),
    TimedOut(Option<String>),
}

pub async fn run(global: &GlobalArgs, args: &WaitArgs) -> Result<()> {
    let printed = Printed::of(args.output, &args.jq)?;
    let task_id = context::task_id(&args.task_id)?;
    let context = Context::new(global)?;
    let dataset = context.dataset(&args.dataset)?;
    wait_for(
        Through::Settings(&context),
        &task_id,
        &dataset,
        &args.wait,
        &printed,
        Expecting::AnyEnd,
    )
    .await
}

/// Where a wait gets its client: made as part of the wait (under its deadline), or
/// the one a command that has just sent a request already holds, its credentials
/// ready.
pub enum Through<'a> {
    Settings(&'a Context),
    Client(&'a Client),
}

/// Wait for `task_id` of `dataset` to end, reporting as `wait` does; the exit status
/// says how it ended (a stop that was `expecting` is a success).
pub async fn wait_for(
    through: Through<'_>,
    task_id: &Id,
    dataset: &Id,
    options: &WaitOptions,
    printed: &Printed,
    expecting: Expecting,
) -> Result<()> {
    let started = Instant::now();
    let report = Report::new(task_id.as_str(), printed);
    let mut last_seen: Option<String> = None;
    // Connecting (and getting a token) is part of the wait: the deadline and Ctrl-C
    // cover it too.
    let waiting = poll(
        through,
        task_id,
        dataset,
        options.interval,
        &report,
        started,
        &mut last_seen,
    );
    let outcome = tokio::select! {
        // A task that is done wins over a deadline that passes at the same moment.
        biased;
        outcome = waiting => outcome?,
        () = tokio::time::sleep(options.timeout) => Outcome::TimedOut(last_seen.clone()),
        _ = tokio::signal::ctrl_c() => {
            report.clear();
            term::note(&format!(
                "interrupted: stopped waiting for task {}, which goes on",
                task_id
            ));
            return Err(Ended(ExitKind::Interrupted).into());
        }
    };
    report.clear();
    let waited = humanize(Duration::from_secs(started.elapsed().as_secs()));
    let last = match &outcome {
        Outcome::Done(_, text) => Some(text.clone()),
        Outcome::TimedOut(text) => text.clone(),
    };
    if printed.output == Some(WaitOutput::Json)
        && let Some(text) = &last
    {
        report.print_document(text)?;
    }
    match outcome {
        Outcome::Done(status, text) => {
            let task = TaskView::parse(&text);
            match status {
                Status::Succeeded => {
                    term::note(&format!("task {} succeeded (waited {waited})", task_id));
                    Ok(())
                }
                Status::Failed => {
                    let why = task.error().map(|e| format!(": {e}")).unwrap_or_default();
                    term::error(&format!("task {} failed{why}", task_id));
                    Err(Ended(ExitKind::TaskFailed).into())
                }
                _ if expecting == Expecting::Stopped => {
                    term::note(&format!("task {} stopped (waited {waited})", task_id));
                    Ok(())
                }
                _ => {
                    term::error(&format!("task {} was stopped", task_id));
                    Err(Ended(ExitKind::TaskStopped).into())
                }
            }
        }
        Outcome::TimedOut(text) => {
            let state = text
                .map(|t| TaskView::parse(&t))
                .map(|t| format!(", still {} at {}", t.status_label(), t.progress()))
                .unwrap_or_default();
            term::error(&format!(
                "gave up waiting for task {} after {}{state}; it goes on (wait longer with \
                 --timeout)",
                task_id,
                humanize(options.timeout)
            ));
            Err(Ended(ExitKind::TimedOut).into())
        }
    }
}

/// Poll until the task is done. A fault that may pass (a server error, the network)
/// is reported and the next poll goes on; refused credentials or a task that is not
/// there end the wait. Until the API has answered once, so does an endpoint that does
/// not answer as the API at all: waiting until the deadline would not change that.
/// Once it has, anything else is ridden out, a refused connection included (the
/// service may be restarting).
async fn poll(
    through: Through<'_>,
    task_id: &Id,
    dataset: &Id,
    interval: Duration,
    report: &Report,
    started: Instant,
    last_seen: &mut Option<String>,
) -> Result<Outcome> {
    let made;
    let client = match through {
        Through::Client(client) => client,
        Through::Settings(context) => {
            made = context.client(1).await?;
            &made
        }
    };
    let mut last_change: Option<(String, String)> = None;
    let mut answered = false;
    loop {
        match tasks::get_task(client, dataset, task_id).await {
            Ok(body) => {
                answered = true;
                let text = String::from_utf8_lossy(&body).into_owned();
                let task = TaskView::parse(&text);
                let change = (task.status_label(), task.progress());
                if last_change.as_ref() != Some(&change) {
                    report.changed(&task, &text, started);
                    last_change = Some(change);
                }
                *last_seen = Some(text.clone());
                if let Some(status) = task.status().filter(|s| s.is_done()) {
                    return Ok(Outcome::Done(status, text));
                }
            }
            Err(e) if is_lasting(&e) => return Err(e),
            Err(e) if !answered && never_reached_the_api(&e) => {
                return Err(e.context(Advised {
                    message: format!(
                        "stopped waiting for task {} before any answer from the API",
                        task_id
                    ),
                    hint: "the wait ends early: nothing has answered as the ModelArts API \
                           yet, which waiting would not change (is the endpoint or region \
                           right? is a proxy answering?)"
                        .to_string(),
                }));
            }
            Err(e) => report.warn(&format!(
                "could not check task {}: {e:#}; trying again in {}",
                task_id,
                humanize(interval)
            )),
        }
        tokio::time::sleep(interval).await;
    }
}

/// Where changes go: a live line on a terminal, a line per change in a log, and with
/// `-o ndjson` the task itself on stdout. Writing to stdout is best effort: a reader
/// that went away (`| head -1`) must not change what the exit status says.
struct Report {
    bar: Option<ProgressBar>,
    ndjson: bool,
    jq: Option<Rc<Jq>>,
    task_id: String,
    stdout_open: Cell<bool>,
}

impl Report {
    fn new(task_id: &str, printed: &Printed) -> Report {
        let redraws = io::stderr().is_terminal()
            && term::verbosity() == 0
            && std::env::var_os("TERM").is_none_or(|t| t != "dumb");
        let bar = redraws.then(|| {
            let bar = ProgressBar::with_draw_target(Some(100), ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template(
                    "{spinner} task {prefix}: {msg} [{bar:20}] ({elapsed})",
                )
                .expect("a valid template")
                .progress_chars("=> "),
            );
            bar.set_prefix(task_id.to_string());
            bar.enable_steady_tick(Duration::from_millis(120));
            bar
        });
        Report {
            bar,
            ndjson: printed.output == Some(WaitOutput::Ndjson),
            jq: printed.jq.clone(),
            task_id: task_id.to_string(),
            stdout_open: Cell::new(true),
        }
    }

    /// The task on stdout, on one line, while stdout still has a reader.
    fn print(&self, text: &str) {
        if !self.stdout_open.get() {
            return;
        }
        let write = || -> io::Result<()> {
            let mut out = io::stdout().lock();
            write_line(&mut out, text)?;
            out.flush()
        };
        let written = match &self.bar {
            Some(bar) => bar.suspend(write),
            None => write(),
        };
        if written.is_err() {
            self.stdout_open.set(false);
        }
    }

    /// The task as it ended, as one document: the server's text, or what the `--jq`
    /// program makes of it, whose failure is the command's.
    fn print_document(&self, text: &str) -> Result<()> {
        let Some(jq) = &self.jq else {
            self.print(text);
            return Ok(());
        };
        if !self.stdout_open.get() {
            return Ok(());
        }
        let on_terminal = io::stdout().is_terminal();
        let mut out = io::stdout().lock();
        let written = jq.run(text.as_bytes(), &mut out, on_terminal);
        match written {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
            written => Ok(written?),
        }
    }

    fn changed(&self, task: &TaskView, text: &str, started: Instant) {
        if self.ndjson {
            self.print(text);
        }
        let state = format!("{} {}", task.status_label(), task.progress());
        match &self.bar {
            Some(bar) => {
                if let Some(progress) = task.progress_value() {
                    bar.set_position(progress.clamp(0.0, 100.0) as u64);
                }
                bar.set_message(state);
            }
            None => term::note(&format!(
                "{} task {}: {state} (after {})",
                crate::util::clock::now().strftime("%H:%M:%S"),
                self.task_id,
                humanize(Duration::from_secs(started.elapsed().as_secs()))
            )),
        }
    }

    fn warn(&self, message: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| term::warn(message)),
            None => term::warn(message),
        }
    }

    fn clear(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl Drop for Report {
    fn drop(&mut self) {
        // An error ends the wait with the line cleared, not under it.
        self.clear();
    }
}
