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
use super::kind::KindChoice;
use super::report::is_lasting;
use crate::api::client::Client;
use crate::api::{jobs, tasks};
use crate::domain::id::Id;
use crate::domain::item::Item;
use crate::domain::kind::{Kind, Outcome as JobOutcome};
use crate::domain::task::{Status, TaskView};
use crate::output::jq::Jq;
use crate::output::json::write_line;
use crate::transport::api_error::never_reached_the_api;
use crate::util::duration::humanize;
use crate::util::error::{Advised, Ended, ExitKind};
use crate::util::term;

#[derive(Debug, Args)]
pub struct WaitArgs {
    /// The task's ID (or the job's, with --kind), as `list` shows it
    pub task_id: String,

    #[command(flatten)]
    pub dataset: DatasetArg,

    /// What the ID names: an intelligent task, or another of the dataset's jobs, whose
    /// statuses end the wait as a task's do (listed below)
    #[arg(short = 'k', long, value_enum, default_value_t, value_name = "KIND")]
    pub kind: KindChoice,

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
        Printed::of_kind(output, jq, None)
    }

    /// [`Printed::of`], `$status` naming the statuses of `kind` (another kind of job).
    pub fn of_kind(output: Option<WaitOutput>, jq: &JqArg, kind: Option<&Kind>) -> Result<Printed> {
        let jq = jq.compile_for(output == Some(WaitOutput::Json), kind)?;
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
    Done(End, String),
    TimedOut(Option<String>),
}

/// How a task or job that is done ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum End {
    Succeeded,
    Failed,
    Stopped,
}

/// What a wait polls: an intelligent task, or a job of another kind, by its
/// description.
#[derive(Debug, Clone, Copy)]
pub enum Subject {
    Task,
    Job(&'static Kind),
}

/// What one answer says of the task or job waited for.
struct Seen {
    /// The status, by its name (or as the server wrote it).
    label: String,
    /// `37.5%`; empty where the kind has no progress.
    progress: String,
    percent: Option<f64>,
    end: Option<End>,
    /// Why it failed, when it says.
    error: Option<String>,
    /// A status the description does not know, as the server wrote it.
    unknown: Option<String>,
}

impl Seen {
    /// `running 37.5%`, `creating`.
    fn state(&self) -> String {
        format!("{} {}", self.label, self.progress)
            .trim_end()
            .to_string()
    }
}

impl Subject {
    /// `task`, `import task`: what is waited for, in messages.
    fn noun(self) -> &'static str {
        match self {
            Subject::Task => "task",
            Subject::Job(kind) => kind.resource.singular,
        }
    }

    async fn fetch(self, client: &Client, dataset: &Id, id: &Id) -> Result<Vec<u8>> {
        match self {
            Subject::Task => tasks::get_task(client, dataset, id).await,
            Subject::Job(kind) => jobs::get_job(client, dataset, kind, id).await,
        }
    }

    fn read(self, text: &str) -> Seen {
        match self {
            Subject::Task => {
                let task = TaskView::parse(text);
                Seen {
                    label: task.status_label(),
                    progress: task.progress(),
                    percent: task.progress_value(),
                    end: task.status().and_then(|status| match status {
                        Status::Succeeded => Some(End::Succeeded),
                        Status::Failed => Some(End::Failed),
                        Status::Stopped => Some(End::Stopped),
                        _ => None,
                    }),
                    error: task.error(),
                    unknown: None,
                }
            }
            Subject::Job(kind) => {
                let item = Item::parse(text);
                let status = kind.status_of(&item);
                let progress = kind.progress(&item).unwrap_or_default();
                Seen {
                    label: kind.status_label(&item),
                    percent: kind
                        .progress_key
                        .and_then(|key| crate::domain::field::number(&item.raw(key))),
                    progress,
                    end: status.and_then(|s| match s.outcome {
                        JobOutcome::Succeeded => Some(End::Succeeded),
                        JobOutcome::Failed => Some(End::Failed),
                        JobOutcome::Stopped => Some(End::Stopped),
                        JobOutcome::Pending | JobOutcome::Running => None,
                    }),
                    error: kind.error(&item),
                    unknown: status
                        .is_none()
                        .then(|| item.text(kind.status_key))
                        .filter(|t| t != crate::domain::field::MISSING),
                }
            }
        }
    }
}

pub async fn run(global: &GlobalArgs, args: &WaitArgs) -> Result<()> {
    let printed = Printed::of_kind(args.output, &args.jq, args.kind.job())?;
    let task_id = context::task_id(&args.task_id)?;
    let context = Context::new(global)?;
    let dataset = context.dataset(&args.dataset)?;
    let subject = match args.kind.job() {
        Some(kind) => Subject::Job(kind),
        None => Subject::Task,
    };
    wait_for(
        Through::Settings(&context),
        subject,
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
    subject: Subject,
    task_id: &Id,
    dataset: &Id,
    options: &WaitOptions,
    printed: &Printed,
    expecting: Expecting,
) -> Result<()> {
    let started = Instant::now();
    let noun = subject.noun();
    let report = Report::new(noun, task_id.as_str(), printed);
    let mut last_seen: Option<String> = None;
    // Connecting (and getting a token) is part of the wait: the deadline and Ctrl-C
    // cover it too.
    let waiting = poll(
        through,
        Target {
            subject,
            id: task_id,
            dataset,
        },
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
                "interrupted: stopped waiting for {noun} {}, which goes on",
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
        Outcome::Done(end, text) => {
            let seen = subject.read(&text);
            // A job's status says more than the outcome: `completed`, `deleted`.
            let status = match subject {
                Subject::Job(_) if seen.label != "succeeded" => format!(" ({})", seen.label),
                _ => String::new(),
            };
            match end {
                End::Succeeded => {
                    term::note(&format!(
                        "{noun} {task_id} succeeded{status} (waited {waited})"
                    ));
                    Ok(())
                }
                End::Failed => {
                    let why = seen.error.map(|e| format!(": {e}")).unwrap_or_default();
                    term::error(&format!("{noun} {task_id} failed{status}{why}"));
                    Err(Ended(ExitKind::TaskFailed).into())
                }
                End::Stopped if expecting == Expecting::Stopped => {
                    term::note(&format!("{noun} {task_id} stopped (waited {waited})"));
                    Ok(())
                }
                End::Stopped => {
                    let ended = match subject {
                        Subject::Task => "was stopped".to_string(),
                        Subject::Job(_) => format!("ended unfinished{status}"),
                    };
                    term::error(&format!("{noun} {task_id} {ended}"));
                    Err(Ended(ExitKind::TaskStopped).into())
                }
            }
        }
        Outcome::TimedOut(text) => {
            let state = text
                .map(|t| subject.read(&t))
                .map(|seen| match seen.progress.as_str() {
                    "" => format!(", still {}", seen.label),
                    progress => format!(", still {} at {progress}", seen.label),
                })
                .unwrap_or_default();
            term::error(&format!(
                "gave up waiting for {noun} {} after {}{state}; it goes on (wait longer with \
                 --timeout)",
                task_id,
                humanize(options.timeout)
            ));
            Err(Ended(ExitKind::TimedOut).into())
        }
    }
}

/// What a wait polls: a task or job, by its ID, in a dataset.
struct Target<'a> {
    subject: Subject,
    id: &'a Id,
    dataset: &'a Id,
}

/// Poll until the task is done. A fault that may pass (a server error, the network)
/// is reported and the next poll goes on; refused credentials or a task that is not
/// there end the wait. Until the API has answered once, so does an endpoint that does
/// not answer as the API at all: waiting until the deadline would not change that.
/// Once it has, anything else is ridden out, a refused connection included (the
/// service may be restarting).
async fn poll(
    through: Through<'_>,
    target: Target<'_>,
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
    let Target {
        subject,
        id: task_id,
        dataset,
    } = target;
    let mut last_change: Option<String> = None;
    let mut answered = false;
    let mut warned_unknown = false;
    loop {
        match subject.fetch(client, dataset, task_id).await {
            Ok(body) => {
                answered = true;
                let text = String::from_utf8_lossy(&body).into_owned();
                let seen = subject.read(&text);
                if let (Some(status), false) = (&seen.unknown, warned_unknown) {
                    report.warn(&format!(
                        "{} {task_id} is in status `{status}`, which matasks does not know: \
                         waiting on as though it were not done",
                        subject.noun()
                    ));
                    warned_unknown = true;
                }
                let change = seen.state();
                if last_change.as_ref() != Some(&change) {
                    report.changed(&seen, &text, started);
                    last_change = Some(change);
                }
                *last_seen = Some(text.clone());
                if let Some(end) = seen.end {
                    return Ok(Outcome::Done(end, text));
                }
            }
            Err(e) if is_lasting(&e) => return Err(e),
            Err(e) if !answered && never_reached_the_api(&e) => {
                return Err(e.context(Advised {
                    message: format!(
                        "stopped waiting for {} {} before any answer from the API",
                        subject.noun(),
                        task_id
                    ),
                    hint: "the wait ends early: nothing has answered as the ModelArts API \
                           yet, which waiting would not change (is the endpoint or region \
                           right? is a proxy answering?)"
                        .to_string(),
                }));
            }
            Err(e) => report.warn(&format!(
                "could not check {} {}: {e:#}; trying again in {}",
                subject.noun(),
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
    noun: &'static str,
    task_id: String,
    stdout_open: Cell<bool>,
}

impl Report {
    fn new(noun: &'static str, task_id: &str, printed: &Printed) -> Report {
        let redraws = io::stderr().is_terminal()
            && term::verbosity() == 0
            && std::env::var_os("TERM").is_none_or(|t| t != "dumb");
        let bar = redraws.then(|| {
            let bar = ProgressBar::with_draw_target(Some(100), ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template(&format!(
                    "{{spinner}} {noun} {{prefix}}: {{msg}} [{{bar:20}}] ({{elapsed}})"
                ))
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
            noun,
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

    fn changed(&self, seen: &Seen, text: &str, started: Instant) {
        if self.ndjson {
            self.print(text);
        }
        let state = seen.state();
        match &self.bar {
            Some(bar) => {
                if let Some(progress) = seen.percent {
                    bar.set_position(progress.clamp(0.0, 100.0) as u64);
                }
                bar.set_message(state);
            }
            None => term::note(&format!(
                "{} {} {}: {state} (after {})",
                crate::util::clock::now().strftime("%H:%M:%S"),
                self.noun,
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
