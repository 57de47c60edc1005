//! `matasks start`: start an intelligent task in a dataset, and optionally wait for it.

use std::io::{self, IsTerminal, Read};
use std::path::PathBuf;

use anyhow::{Context as _, Result};
use clap::builder::ArgPredicate;
use clap::{Args, Subcommand, ValueEnum};
use serde_json::{Map, Value, json};

use super::GlobalArgs;
use super::args::{DatasetArg, JqArg};
use super::context::Context;
use super::wait::{self, Expecting, Printed, Through, WaitOptions, WaitOutput};
use crate::api::client::Client;
use crate::api::tasks::{self, ListQuery};
use crate::domain::id::Id;
use crate::domain::start::StartRequest;
use crate::domain::task::{Status, TaskType, TaskView};
use crate::output::jq::write_document;
use crate::transport::api_error::{ApiError, may_have_been_carried_out};
use crate::util::error::{Advised, UsageError, io_reason};
use crate::util::term;

#[derive(Debug, Args)]
pub struct StartArgs {
    #[command(subcommand)]
    pub kind: StartKind,
}

#[derive(Debug, Subcommand)]
pub enum StartKind {
    /// Active learning: train on the labeled samples, then label the others
    AutoLabel(AutoLabelArgs),
    /// Pre-labeling: label the samples with a model you choose
    PreLabel(PreLabelArgs),
    /// Auto grouping: cluster the unlabeled images
    AutoGrouping(AutoGroupingArgs),
}

#[derive(Debug, Args)]
pub struct AutoLabelArgs {
    /// fast trains on labeled samples only; accurate also uses unlabeled ones
    #[arg(long, value_enum, value_name = "ALGORITHM")]
    pub algorithm: Option<Algorithm>,

    #[command(flatten)]
    pub common: StartCommon,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Algorithm {
    Fast,
    Accurate,
}

#[derive(Debug, Args)]
pub struct PreLabelArgs {
    /// The model that labels the samples (required, here or in the config JSON)
    #[arg(long, value_name = "ID")]
    pub model_id: Option<String>,

    /// Resource specification of the inference service, e.g. modelarts.vm.cpu.2u
    #[arg(long, value_name = "SPEC")]
    pub specification: Option<String>,

    /// Instances of the inference service [default: 1 with --specification]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..), requires = "specification")]
    pub instances: Option<u32>,

    #[command(flatten)]
    pub common: StartCommon,
}

#[derive(Debug, Args)]
pub struct AutoGroupingArgs {
    /// Number of groups to cluster the images into
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub clusters: Option<u32>,

    #[command(flatten)]
    pub common: StartCommon,
}

/// What every kind of task is started with.
#[derive(Debug, Args)]
pub struct StartCommon {
    #[command(flatten)]
    pub dataset: DatasetArg,

    /// The task's name (`config.name`)
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,

    /// The task's description (`config.description`)
    #[arg(long, value_name = "TEXT")]
    pub description: Option<String>,

    /// Collect key samples (`collect_key_sample`)
    #[arg(long)]
    pub collect_key_samples: bool,

    /// The rest of the task's `config` as a JSON object, from FILE or - for stdin;
    /// checked against the API reference, flags may repeat but not contradict it
    #[arg(long, value_name = "FILE")]
    pub config_json: Option<PathBuf>,

    /// Print the request (credentials masked) and its curl command line instead of
    /// sending it
    #[arg(long)]
    pub dry_run: bool,

    /// Then wait until the task is done, as `matasks wait` does: same output, same exit
    /// status (0 succeeded, 7 failed, 8 stopped, 124 timed out)
    #[arg(long, conflicts_with = "dry_run")]
    pub wait: bool,

    #[command(flatten)]
    pub waiting: WaitOptions,

    /// Print the answer (json, ndjson: one line) instead of the task ID; with --wait, as
    /// `wait -o` does
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

impl StartArgs {
    fn parts(&self) -> (TaskType, &StartCommon) {
        match &self.kind {
            StartKind::AutoLabel(a) => (TaskType::AutoLabel, &a.common),
            StartKind::PreLabel(a) => (TaskType::PreLabel, &a.common),
            StartKind::AutoGrouping(a) => (TaskType::AutoGrouping, &a.common),
        }
    }

    /// The request the flags and the config JSON make.
    fn request(&self) -> Result<StartRequest> {
        let (_, common) = self.parts();
        let mut request = StartRequest {
            collect_key_sample: common.collect_key_samples.then_some(true),
            config: match &common.config_json {
                Some(path) => read_config(path)?,
                None => Map::new(),
            },
            ..StartRequest::default()
        };
        let settings = &mut request.settings;
        if let Some(name) = &common.name {
            settings.push(("name", json!(name)));
        }
        if let Some(description) = &common.description {
            settings.push(("description", json!(description)));
        }
        match &self.kind {
            StartKind::AutoLabel(a) => {
                if let Some(algorithm) = a.algorithm {
                    let name = match algorithm {
                        Algorithm::Fast => "fast",
                        Algorithm::Accurate => "accurate",
                    };
                    settings.push(("algorithm_type", json!(name)));
                }
            }
            StartKind::PreLabel(a) => {
                request.model_id = a.model_id.clone();
                if let Some(specification) = &a.specification {
                    settings.push((
                        "inf_config_list",
                        json!([{
                            "specification": specification,
                            "instance_count": a.instances.unwrap_or(1),
                        }]),
                    ));
                }
            }
            StartKind::AutoGrouping(a) => {
                if let Some(clusters) = a.clusters {
                    settings.push(("n_clusters", json!(clusters)));
                }
            }
        }
        Ok(request)
    }
}

/// The JSON object of `--config-json`, from a file or stdin.
fn read_config(path: &std::path::Path) -> Result<Map<String, Value>> {
    let (text, place) = if path.as_os_str() == "-" {
        let mut text = String::new();
        io::stdin()
            .read_to_string(&mut text)
            .context("cannot read the config JSON from stdin")?;
        (text, "stdin".to_string())
    } else {
        let text = std::fs::read_to_string(path).map_err(|e| {
            UsageError(format!(
                "cannot read the config JSON {}: {}",
                path.display(),
                io_reason(&e)
            ))
        })?;
        (text, path.display().to_string())
    };
    match serde_json::from_str::<Value>(&text) {
        Ok(Value::Object(config)) => Ok(config),
        Ok(_) => Err(UsageError(format!(
            "the config JSON from {place} must be a JSON object, the task's `config`"
        ))
        .into()),
        Err(e) => Err(UsageError(format!("the config JSON from {place} is not JSON: {e}")).into()),
    }
}

pub async fn run(global: &GlobalArgs, args: &StartArgs) -> Result<()> {
    let (kind, common) = args.parts();
    let printed = Printed::of(common.output, &common.jq)?;
    let checked = args.request()?.body(kind).map_err(UsageError)?;
    for warning in &checked.warnings {
        term::warn(warning);
    }
    let context = Context::new(global)?;
    let dataset = context.dataset(&common.dataset)?;
    if common.dry_run {
        return context
            .dry_run(&tasks::tasks_path(&dataset), Some(checked.body))
            .await;
    }
    let client = context.client(1).await?;
    client.prepare().await?;
    let answer = match tasks::create_task(&client, &dataset, checked.body).await {
        Ok(answer) => answer,
        Err(e) => return Err(explain_failure(e, &client, &dataset, kind).await),
    };
    let task_id = tasks::created_task_id(&answer)?;
    term::note(&format!(
        "started {} task {task_id} in dataset {dataset}",
        kind.as_api_str()
    ));
    match (common.output, common.wait) {
        (Some(_), false) => {
            let text = String::from_utf8_lossy(&answer);
            let on_terminal = io::stdout().is_terminal();
            let mut out = io::stdout().lock();
            write_document(&mut out, &text, printed.jq.as_deref(), on_terminal)
                .context("cannot write to stdout")?;
        }
        // With `--wait -o`, the wait's output says it all.
        (Some(_), true) => {}
        (None, _) => term::print(&format!("{task_id}\n")).context("cannot write to stdout")?,
    }
    if !common.wait {
        return Ok(());
    }
    wait::wait_for(
        Through::Client(&client),
        wait::Subject::Task,
        &task_id,
        &dataset,
        &common.waiting,
        &printed,
        Expecting::AnyEnd,
    )
    .await
}

/// A failed start, with what to do next: a task that may exist all the same is to be
/// looked for before starting another, and an auto-labeling task already running is
/// named when the dataset shows it.
async fn explain_failure(
    error: anyhow::Error,
    client: &Client,
    dataset: &Id,
    kind: TaskType,
) -> anyhow::Error {
    if may_have_been_carried_out(&error) {
        return error.context(Advised {
            message: format!("starting the {} task may have failed", kind.as_api_str()),
            hint: format!(
                "the request was sent, and the task may have been created all the same; it is \
                 not sent again: check `matasks list -d {dataset} --type {}` before starting \
                 it again",
                kind.as_api_str()
            ),
        });
    }
    let already_running = error
        .chain()
        .filter_map(|c| c.downcast_ref::<ApiError>())
        .any(|api| api.code.as_deref() == Some("ModelArts.4386"));
    if already_running && let Some((running, id)) = running_auto_labeling(client, dataset).await {
        return error.context(Advised {
            message: format!("cannot start the {} task", kind.as_api_str()),
            hint: format!(
                "{running} is running in dataset {dataset}: wait for it (`matasks wait {id} \
                 -d {dataset}`) or stop it (`matasks stop {id} -d {dataset}`) first"
            ),
        });
    }
    error.context(format!("cannot start the {} task", kind.as_api_str()))
}

/// The auto-labeling task running in `dataset`, described (`auto-label task ID
/// ("name")`) and by its ID, when its first page of auto-labeling tasks shows one.
async fn running_auto_labeling(client: &Client, dataset: &Id) -> Option<(String, String)> {
    let query = ListQuery {
        limit: 100,
        offset: 0,
        // Without a type the API lists exactly the auto-labeling kinds.
        task_type: None,
        task_name: None,
    };
    let body = tasks::list_tasks(client, dataset, &query).await.ok()?;
    let page = body.parse().ok()?;
    page.items.iter().find_map(|raw| {
        let task = TaskView::parse(raw.get());
        let running = matches!(
            task.status(),
            Some(Status::Queued | Status::Initializing | Status::Running)
        );
        running.then(|| {
            let described = format!(
                "{} task {} ({:?})",
                task.type_label(),
                task.id(),
                task.name()
            );
            (described, task.id())
        })
    })
}
