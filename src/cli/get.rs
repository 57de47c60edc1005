//! `matasks get`: one task's details.

use std::io::{self, BufWriter, IsTerminal, Write};

use anyhow::{Context as _, Result};
use clap::Args;
use clap::builder::ArgPredicate;

use super::GlobalArgs;
use super::args::{DatasetArg, JqArg};
use super::context::{self, Context};
use super::kind::KindChoice;
use crate::api::{jobs, tasks};
use crate::domain::task::TaskView;
use crate::output::jq::write_document;
use crate::output::{self, OutputFormat};
use crate::util::error::UsageError;
use crate::util::term;

#[derive(Debug, Args)]
pub struct GetArgs {
    /// The task's ID (or the job's, with --kind), as `list` shows it
    pub task_id: String,

    #[command(flatten)]
    pub dataset: DatasetArg,

    /// What the ID names: an intelligent task, or another of the dataset's jobs
    #[arg(short = 'k', long, value_enum, default_value_t, value_name = "KIND")]
    pub kind: KindChoice,

    /// Output format: `table` shows keys and values; `json` and `ndjson` the server's
    /// task object, on one line
    #[arg(
        short,
        long,
        value_enum,
        default_value_t = OutputFormat::Table,
        default_value_if("jq", ArgPredicate::IsPresent, "json"),
        value_name = "FORMAT",
        hide_possible_values = true
    )]
    pub output: OutputFormat,

    #[command(flatten)]
    pub jq: JqArg,
}

pub async fn run(global: &GlobalArgs, args: &GetArgs) -> Result<()> {
    let jq = args
        .jq
        .compile_for(args.output == OutputFormat::Json, args.kind.job())?;
    if matches!(args.output, OutputFormat::Tsv | OutputFormat::Csv) {
        return Err(UsageError(
            "get shows one task as keys and values: give -o table, json or ndjson (list has \
             -o tsv and csv)"
                .to_string(),
        )
        .into());
    }
    let task_id = context::task_id(&args.task_id)?;
    let context = Context::new(global)?;
    let dataset = context.dataset(&args.dataset)?;
    let client = context.client(1).await?;
    let body = match args.kind.job() {
        Some(kind) => jobs::get_job(&client, &dataset, kind, &task_id).await?,
        None => tasks::get_task(&client, &dataset, &task_id).await?,
    };
    let text = String::from_utf8_lossy(&body);
    let stdout = io::stdout();
    let color = term::use_color(global.color, stdout.is_terminal());
    let mut out = BufWriter::new(stdout.lock());
    match args.output {
        // Lossless: the server's object, with only the whitespace between tokens gone.
        OutputFormat::Json | OutputFormat::Ndjson => {
            write_document(&mut out, &text, jq.as_deref(), stdout.is_terminal())?;
        }
        OutputFormat::Table => {
            let details = match args.kind.job() {
                Some(kind) => output::job_details(kind, &text, color),
                None => output::details(&TaskView::parse(&text).or_id(&args.task_id), color),
            };
            out.write_all(details.as_bytes())?;
        }
        OutputFormat::Tsv | OutputFormat::Csv => unreachable!("refused before the request"),
    }
    out.flush().context("cannot write to stdout")
}
