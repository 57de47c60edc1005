//! `matasks stop`: stop a task, and optionally wait until it has stopped.

use anyhow::{Context as _, Result};
use clap::Args;
use clap::builder::ArgPredicate;

use super::GlobalArgs;
use super::args::{DatasetArg, JqArg};
use super::context::{self, Context};
use super::wait::{self, Expecting, Printed, Through, WaitOptions, WaitOutput};
use crate::api::tasks;
use crate::util::term;

#[derive(Debug, Args)]
pub struct StopArgs {
    /// The task's ID, as `list` shows it
    pub task_id: String,

    #[command(flatten)]
    pub dataset: DatasetArg,

    /// Print the request (credentials masked) and its curl command line instead of
    /// sending it
    #[arg(long)]
    pub dry_run: bool,

    /// Then wait until the task has stopped: exit 0 once it is stopped (or succeeded
    /// before the stop took), 7 if it failed, 124 on --timeout
    #[arg(long, conflicts_with = "dry_run")]
    pub wait: bool,

    #[command(flatten)]
    pub waiting: WaitOptions,

    /// With --wait, print the final task (json) or every change seen (ndjson) on stdout
    #[arg(
        short,
        long,
        value_enum,
        value_name = "FORMAT",
        requires = "wait",
        default_value_if("jq", ArgPredicate::IsPresent, "json")
    )]
    pub output: Option<WaitOutput>,

    /// With --wait, run a jq program on the final task (implies -o json); strings print
    /// raw; $status and $type name the codes
    #[arg(long, value_name = "EXPR", requires = "wait")]
    pub jq: Option<String>,
}

pub async fn run(global: &GlobalArgs, args: &StopArgs) -> Result<()> {
    let jq = JqArg {
        jq: args.jq.clone(),
    };
    let printed = Printed::of(args.output, &jq)?;
    let task_id = context::task_id(&args.task_id)?;
    let context = Context::new(global)?;
    let dataset = context.dataset(&args.dataset)?;
    if args.dry_run {
        return context
            .dry_run(&tasks::stop_path(&dataset, &task_id), None)
            .await;
    }
    let client = context.client(1).await?;
    tasks::stop_task(&client, &dataset, &task_id)
        .await
        .with_context(|| format!("cannot stop task {task_id}"))?;
    term::note(&format!(
        "asked task {task_id} of dataset {dataset} to stop"
    ));
    if !args.wait {
        return Ok(());
    }
    wait::wait_for(
        Through::Client(&client),
        wait::Subject::Task,
        &task_id,
        &dataset,
        &args.waiting,
        &printed,
        Expecting::Stopped,
    )
    .await
}
