//! The tasks of every dataset of the project: the datasets listed (every page), then
//! each dataset's tasks (every page), several datasets at once under the client's one
//! cap on requests in flight, handed over in a stable order: datasets in the order the
//! dataset list gave them, each dataset's tasks in the server's order.

use anyhow::Result;
use futures_util::{Stream, StreamExt};
use serde_json::value::RawValue;

use crate::api::client::Client;
use crate::api::datasets::{self, DatasetQuery};
use crate::api::paging::{self, Collected, Outcome, Plan};
use crate::api::{jobs, tasks};
use crate::domain::id::{Id, IdKind, Origin};
use crate::domain::kind::Kind;
use crate::domain::resource::Resource;
use crate::domain::task::TaskType;
use crate::util::progress::Progress;
use crate::util::term;

/// A dataset of the dataset list.
#[derive(Debug)]
pub struct Dataset {
    pub id: Id,
    /// `dataset_name` as the list wrote it.
    pub name_raw: Option<Box<RawValue>>,
    /// The name to show: the ID when the dataset has none.
    pub name: String,
}

/// Every dataset of the project, and how the listing went. `plan` is the dataset
/// list's (every page).
pub async fn all_datasets(
    client: &Client,
    plan: &Plan,
    progress: &Progress,
) -> Result<(Vec<Dataset>, Outcome)> {
    let limit = plan.limit;
    let fetch = |offset: u64| async move {
        let query = DatasetQuery {
            limit,
            offset,
            ..DatasetQuery::default()
        };
        datasets::list_datasets(client, &query).await
    };
    let mut collected = Collected::default();
    let outcome = paging::run(plan, fetch, &mut collected, progress).await?;
    /// The two fields read of each dataset, the rest skipped.
    #[derive(serde::Deserialize)]
    struct Listed {
        dataset_id: String,
        dataset_name: Option<Box<RawValue>>,
    }
    let mut found = Vec::with_capacity(collected.0.len());
    for raw in collected.0 {
        let Ok(Listed {
            dataset_id,
            dataset_name: name_raw,
        }) = serde_json::from_str(raw.get())
        else {
            term::warn("the dataset list holds a dataset without an ID; it is left out");
            continue;
        };
        let origin = Origin::Service("the dataset list".to_string());
        let id = match Id::new(IdKind::Dataset, &dataset_id, origin) {
            Ok(id) => id,
            Err(e) => {
                term::warn(&format!("{e}; the dataset is left out"));
                continue;
            }
        };
        let name = name_raw
            .as_ref()
            .and_then(|raw| serde_json::from_str::<String>(raw.get()).ok())
            .filter(|name| !name.is_empty())
            .unwrap_or_else(|| id.to_string());
        found.push(Dataset { id, name_raw, name });
    }
    Ok((found, outcome))
}

/// One dataset's tasks, whole, and how their listings went; or why they could not be
/// listed (what was listed before the failure is dropped: a dataset is shown whole or
/// not at all).
pub struct DatasetTasks {
    pub dataset: Dataset,
    pub tasks: Vec<Box<RawValue>>,
    /// One per type asked for.
    pub outcomes: Vec<Outcome>,
    pub error: Option<anyhow::Error>,
}

/// What is kept of each task while its dataset is listed: the whole of it, or only
/// what the output reads of it.
pub type Keep<'k> = dyn Fn(&RawValue) -> Box<RawValue> + 'k;

/// Each task whole.
pub fn whole(task: &RawValue) -> Box<RawValue> {
    task.to_owned()
}

/// Every item of a listing, as `keep` keeps it.
struct Kept<'k> {
    items: Vec<Box<RawValue>>,
    keep: &'k Keep<'k>,
}

impl paging::Sink for Kept<'_> {
    fn begin(&mut self, _: &crate::api::page::Page<'_>) -> std::io::Result<()> {
        Ok(())
    }
    fn item(&mut self, raw: &RawValue) -> std::io::Result<()> {
        self.items.push((self.keep)(raw));
        Ok(())
    }
    fn page_done(&mut self) -> std::io::Result<()> {
        Ok(())
    }
    fn finish(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// What is listed of each dataset: its intelligent tasks of `types` (merged when
/// several) named `task_name`, or its jobs of another kind.
#[derive(Debug, Clone, Copy)]
pub enum Listed<'a> {
    Tasks {
        types: &'a [Option<TaskType>],
        task_name: Option<&'a str>,
    },
    Jobs(&'a Kind),
}

/// The tasks (or jobs) of each of `datasets` in turn, `plan.concurrency` datasets
/// listed at once: every page of what `listed` says, each item as `keep` keeps it.
pub fn tasks_of_each<'a>(
    client: &'a Client,
    datasets: Vec<Dataset>,
    listed: Listed<'a>,
    plan: &'a Plan,
    keep: &'a Keep<'a>,
) -> impl Stream<Item = DatasetTasks> + 'a {
    futures_util::stream::iter(datasets)
        .map(move |dataset| async move {
            let mut collected = Kept {
                items: Vec::new(),
                keep,
            };
            let progress = Progress::hidden();
            let outcomes = match listed {
                Listed::Tasks { types, task_name } => {
                    let sources = tasks::sources(client, &dataset.id, types, task_name, plan.limit);
                    paging::run_sources(plan, &sources, &mut collected, &progress).await
                }
                Listed::Jobs(kind) => {
                    let sources = jobs::sources(client, &dataset.id, kind, plan.limit);
                    paging::run_sources(plan, &sources, &mut collected, &progress).await
                }
            };
            match outcomes {
                Ok(outcomes) => DatasetTasks {
                    dataset,
                    tasks: collected.items,
                    outcomes,
                    error: None,
                },
                Err(error) => DatasetTasks {
                    dataset,
                    tasks: Vec::new(),
                    outcomes: Vec::new(),
                    error: Some(error),
                },
            }
        })
        .buffered(plan.concurrency.max(1))
}

/// The plan of one dataset's task listing, from the flags' plan: every page, from the
/// first, with the page size and concurrency asked for.
pub fn tasks_plan(plan: &Plan) -> Plan {
    Plan {
        resource: Resource::TASKS,
        first_page: 0,
        all: true,
        // The cap applies to the whole output, not to each dataset.
        max_items: None,
        ..plan.clone()
    }
}
