//! `matasks get`: one task's details.

use std::io::{self, BufWriter, IsTerminal, Write};

use anyhow::{Context, Result};

use crate::api;
use crate::cli::{GetArgs, GlobalArgs, OutputFormat};
use crate::config;
use crate::id::{Id, IdKind, Origin};
use crate::list::resolve_dataset;
use crate::model::TaskView;
use crate::output::{self, json::write_line};
use crate::session;
use crate::term;

/// Where the task ID of `get` and `wait` comes from, as messages name it.
pub const TASK_ID_ORIGIN: &str = "the command line";

pub async fn run(global: &GlobalArgs, args: &GetArgs) -> Result<()> {
    let task_id = Id::new(
        IdKind::Task,
        &args.task_id,
        Origin::Given(TASK_ID_ORIGIN.into()),
    )?;
    let settings = config::resolve(global, &config::process_env)?;
    let dataset = resolve_dataset(global, args.dataset.as_deref(), &settings)?;
    let client = session::client_for(&settings, 1).await?;
    let body = api::get_task(&client, &dataset, &task_id).await?;
    let text = String::from_utf8_lossy(&body);
    let stdout = io::stdout();
    let color = term::use_color(global.color, stdout.is_terminal());
    let mut out = BufWriter::new(stdout.lock());
    match args.output {
        // Lossless: the server's object, with only the whitespace between tokens gone.
        OutputFormat::Json | OutputFormat::Ndjson => {
            write_line(&mut out, &text)?;
        }
        OutputFormat::Table => {
            let task = TaskView::parse(&text).or_id(&args.task_id);
            out.write_all(output::details(&task, color).as_bytes())?;
        }
    }
    out.flush().context("cannot write to stdout")
}
