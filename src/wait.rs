//! `matasks wait`: poll a task until it is done, and say how it ended in the exit status.

use std::io::{self, IsTerminal, Write};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::api;
use crate::cli::{GlobalArgs, WaitArgs, WaitOutput};
use crate::client::humanize;
use crate::config;
use crate::error::{Ended, ExitKind};
use crate::list::resolve_dataset;
use crate::model::{Status, TaskView};
use crate::output::json::write_compact;
use crate::session;
use crate::term;

/// How a wait ended.
enum Outcome {
    Done(Status, String),
    TimedOut(Option<String>),
}

pub async fn run(global: &GlobalArgs, args: &WaitArgs) -> Result<()> {
    let settings = config::resolve(global, &config::process_env)?;
    let dataset = resolve_dataset(args.dataset.as_deref(), settings.dataset_id.as_deref())?;
    let client = session::client_for(&settings, 1).await?;
    let started = Instant::now();
    let report = Report::new(&args.task_id, args.output);
    let mut last_seen: Option<String> = None;

    let poll = async {
        let mut last_change: Option<(String, String)> = None;
        loop {
            let body = api::get_task(&client, &dataset, &args.task_id).await?;
            let text = String::from_utf8_lossy(&body).into_owned();
            let task = TaskView::parse(&text);
            let change = (task.status_label(), task.progress());
            if last_change.as_ref() != Some(&change) {
                report.changed(&task, &text, started)?;
                last_change = Some(change);
            }
            last_seen = Some(text.clone());
            if let Some(status @ (Status::Succeeded | Status::Failed | Status::Stopped)) =
                task.status()
            {
                return Ok::<_, anyhow::Error>(Outcome::Done(status, text));
            }
            tokio::time::sleep(args.interval).await;
        }
    };
    let deadline = tokio::time::sleep(args.timeout);
    let outcome = tokio::select! {
        outcome = poll => outcome?,
        () = deadline => Outcome::TimedOut(last_seen.clone()),
        _ = tokio::signal::ctrl_c() => {
            report.clear();
            term::note(&format!(
                "interrupted: stopped waiting for task {}, which goes on",
                args.task_id
            ));
            return Err(Ended(ExitKind::Interrupted).into());
        }
    };
    report.clear();
    let waited = humanize(Duration::from_secs(started.elapsed().as_secs()));
    match outcome {
        Outcome::Done(status, text) => {
            if args.output == Some(WaitOutput::Json) {
                let mut out = io::stdout().lock();
                write_compact(&mut out, &text)?;
                writeln!(out).context("cannot write to stdout")?;
            }
            let task = TaskView::parse(&text);
            match status {
                Status::Succeeded => {
                    term::note(&format!(
                        "task {} succeeded (waited {waited})",
                        args.task_id
                    ));
                    Ok(())
                }
                Status::Failed => {
                    let why = task.error().map(|e| format!(": {e}")).unwrap_or_default();
                    term::error(&format!("task {} failed{why}", args.task_id));
                    Err(Ended(ExitKind::TaskFailed).into())
                }
                _ => {
                    term::error(&format!("task {} was stopped", args.task_id));
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
                args.task_id,
                humanize(args.timeout)
            ));
            Err(Ended(ExitKind::TimedOut).into())
        }
    }
}

/// Where changes go: a live line on a terminal, a line per change in a log, and with
/// `-o ndjson` the task itself on stdout.
struct Report {
    bar: Option<ProgressBar>,
    ndjson: bool,
    task_id: String,
}

impl Report {
    fn new(task_id: &str, output: Option<WaitOutput>) -> Report {
        let bar = (io::stderr().is_terminal() && term::verbosity() == 0).then(|| {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template("{spinner} task {prefix}: {msg} ({elapsed})")
                    .expect("a valid template"),
            );
            bar.set_prefix(task_id.to_string());
            bar.enable_steady_tick(Duration::from_millis(120));
            bar
        });
        // A terminal that cannot redraw (TERM=dumb) gets the log lines instead.
        let bar = bar.filter(|bar| !bar.is_hidden());
        Report {
            bar,
            ndjson: output == Some(WaitOutput::Ndjson),
            task_id: task_id.to_string(),
        }
    }

    fn changed(&self, task: &TaskView, text: &str, started: Instant) -> Result<()> {
        if self.ndjson {
            let mut out = io::stdout().lock();
            write_compact(&mut out, text)?;
            writeln!(out)?;
            out.flush().context("cannot write to stdout")?;
        }
        let state = format!("{} {}", task.status_label(), task.progress());
        match &self.bar {
            Some(bar) => bar.set_message(state),
            None => term::note(&format!(
                "{} task {}: {state} (after {})",
                crate::clock::now().strftime("%H:%M:%S"),
                self.task_id,
                humanize(Duration::from_secs(started.elapsed().as_secs()))
            )),
        }
        Ok(())
    }

    fn clear(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
