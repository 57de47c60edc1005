//! A dataset's other jobs: its import tasks, export tasks, versions and team labeling
//! tasks, each a collection under the dataset (`.../datasets/{dataset}/import-tasks`)
//! listed by page and read one by one. What differs between them (the path step, the
//! keys of the answer, the paging limits, the filters, the refusal of an unknown ID) is
//! data, a [`JobKind`], so that a test can describe a kind of its own without a change
//! here.

use std::time::{Duration, Instant};

use crate::routes::Call;
use crate::{Reply, fixtures, json_string};

/// How the service refuses an ID it does not know in one collection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Refusal {
    pub status: u16,
    pub code: &'static str,
    pub message: &'static str,
}

/// One kind of a dataset's jobs as the API shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct JobKind {
    /// The path step after the dataset: `import-tasks` for
    /// `/v2/{project}/datasets/{dataset}/import-tasks[/{id}]`.
    pub collection: &'static str,
    /// The list answer's key of the jobs.
    pub items_key: &'static str,
    /// The list answer's key of their number.
    pub total_key: &'static str,
    /// The key of a job's ID.
    pub id_key: &'static str,
    /// The key of a job's status, which [`JobKind::job`] sets.
    pub status_key: &'static str,
    /// `limit` without one.
    pub default_limit: usize,
    /// The largest `limit` (the smallest is 1).
    pub max_limit: usize,
    /// The answer to `.../{collection}/{id}` of an ID the dataset does not have.
    pub missing: Refusal,
    /// Integer query parameters of the list that keep only the jobs whose field of the
    /// same name is that number (the versions' `status`, the exports' `export_type`).
    pub filters: &'static [&'static str],
    /// One job's details as the reference shows them: what [`JobKind::job`] starts from.
    pub example: &'static str,
}

impl JobKind {
    /// Import tasks (ListImportTasks, DescribeImportTask). The error table has no code of
    /// its own for an unknown import task, so it is refused as an unknown task ID is,
    /// ModelArts.4612 "Task not found" (the reference's status `NOT_EXIST` reads as a
    /// status of a task the service knows of, not as the answer to an ID it never had).
    pub const IMPORT: JobKind = JobKind {
        collection: "import-tasks",
        items_key: "import_tasks",
        total_key: "total_count",
        id_key: "task_id",
        status_key: "status",
        default_limit: 10,
        max_limit: 100,
        missing: Refusal {
            status: 400,
            code: "ModelArts.4612",
            message: "Task not found",
        },
        filters: &[],
        example: include_str!(
            "../../../tests/fixtures/api/querying_details_about_a_dataset_import_task.json"
        ),
    };

    /// Export tasks (GetExportTasksStatusOfDataset, GetExportTaskStatusOfDataset): an
    /// unknown one is the error table's ModelArts.4359 "Export task does not exist".
    pub const EXPORT: JobKind = JobKind {
        collection: "export-tasks",
        items_key: "export_tasks",
        total_key: "total_count",
        id_key: "task_id",
        status_key: "status",
        default_limit: 10,
        max_limit: 100,
        missing: Refusal {
            status: 400,
            code: "ModelArts.4359",
            message: "Export task does not exist",
        },
        filters: &["export_type"],
        example: include_str!(
            "../../../tests/fixtures/api/querying_the_status_of_a_dataset_export_task.json"
        ),
    };

    /// Dataset versions (ListDatasetVersions, DescribeDatasetVersion): an unknown one is
    /// the error table's ModelArts.4353 "Dataset version does not exist".
    pub const VERSION: JobKind = JobKind {
        collection: "versions",
        items_key: "versions",
        total_key: "total_number",
        id_key: "version_id",
        status_key: "status",
        default_limit: 1000,
        max_limit: 1000,
        missing: Refusal {
            status: 400,
            code: "ModelArts.4353",
            message: "Dataset version does not exist",
        },
        filters: &["status"],
        example: include_str!(
            "../../../tests/fixtures/api/querying_details_about_a_dataset_version.json"
        ),
    };

    /// Team labeling tasks (ListWorkforceTasks, DescribeWorkforceTask): an unknown one
    /// is the error table's ModelArts.4619 "Workforce task does not exist".
    pub const TEAM: JobKind = JobKind {
        collection: "workforce-tasks",
        items_key: "tasks",
        total_key: "count",
        id_key: "task_id",
        status_key: "status",
        default_limit: 1000,
        max_limit: 1000,
        missing: Refusal {
            status: 400,
            code: "ModelArts.4619",
            message: "Workforce task does not exist",
        },
        filters: &[],
        example: include_str!(
            "../../../tests/fixtures/api/querying_details_about_a_team_labeling_task.json"
        ),
    };

    /// The four kinds the API has besides intelligent tasks.
    pub const ALL: [JobKind; 4] = [
        JobKind::IMPORT,
        JobKind::EXPORT,
        JobKind::VERSION,
        JobKind::TEAM,
    ];

    /// A job of this kind: its [`example`](JobKind::example) with the ID `id`, the status
    /// `status` (raw JSON: `"\"RUNNING\""` or `"1"`), and each of `create_time`,
    /// `update_time` and `update_ms` it has set to now (milliseconds since the epoch, as
    /// these APIs write times).
    pub fn job(&self, id: &str, status: &str) -> Job {
        let now = jiff::Timestamp::now().as_millisecond().to_string();
        let mut fields = vec![
            (self.id_key, json_string(id)),
            (self.status_key, status.into()),
        ];
        for key in ["create_time", "update_time", "update_ms"] {
            if fixtures::has_field(self.example, key) {
                fields.push((key, now.clone()));
            }
        }
        Job::new(fixtures::with_fields(self.example, &fields))
    }

    /// A job that moves through `statuses` (raw JSON each), one step each time its
    /// details are read, staying at the last.
    pub fn moving(&self, id: &str, statuses: &[&str]) -> Job {
        assert!(!statuses.is_empty(), "a moving job needs a status");
        let texts = statuses
            .iter()
            .flat_map(|status| self.job(id, status).texts)
            .collect();
        Job { texts, clock: None }
    }
}

/// When a job moves with time rather than as its details are read: step `n` shows from
/// `n * step` after `since`; with `again_after`, once the last has shown that many steps,
/// it starts anew (the simulator's jobs, which `watch` and `wait` see move on).
#[derive(Clone, Copy, Debug)]
pub struct Clock {
    pub since: Instant,
    pub step: Duration,
    pub again_after: Option<usize>,
}

/// One job: the JSON text of each step it goes through.
#[derive(Clone, Debug)]
pub struct Job {
    /// The details answers in turn: the first for the first read, the next for the next,
    /// staying at the last. Lists show the one the last read showed (the first before
    /// any), so that listing does not move a job on.
    pub texts: Vec<String>,
    /// Moves with time instead; reads then do not move it.
    pub clock: Option<Clock>,
}

impl Job {
    /// A job that stays as `text`.
    pub fn new(text: impl Into<String>) -> Job {
        Job {
            texts: vec![text.into()],
            clock: None,
        }
    }

    /// The same job with the top-level field `key` set to `value` (raw JSON) in every
    /// step, replaced where it is, added at the end where it is not.
    pub fn with(mut self, key: &str, value: &str) -> Job {
        for text in &mut self.texts {
            *text = fixtures::with_fields(text, &[(key, value.to_string())]);
        }
        self
    }

    /// The same job with `key` set to `values[n]` (raw JSON) in step `n`: sample counts
    /// or progress that go along with its statuses.
    pub fn with_each(mut self, key: &str, values: &[&str]) -> Job {
        assert_eq!(values.len(), self.texts.len(), "one value of {key} a step");
        for (text, value) in self.texts.iter_mut().zip(values) {
            *text = fixtures::with_fields(text, &[(key, value.to_string())]);
        }
        self
    }

    /// The same job moving with time.
    pub fn on_clock(mut self, clock: Clock) -> Job {
        self.clock = Some(clock);
        self
    }

    /// Its ID, the string under `id_key` of its first step.
    pub(crate) fn id(&self, id_key: &str) -> Option<String> {
        let first: serde_json::Value =
            serde_json::from_str(self.texts.first()?).unwrap_or_default();
        first[id_key].as_str().map(str::to_string)
    }

    /// The step its clock shows now.
    fn step_by_clock(&self, clock: &Clock) -> usize {
        let mut step = (clock.since.elapsed().as_millis() / clock.step.as_millis().max(1)) as usize;
        if let Some(hold) = clock.again_after {
            step %= self.texts.len() + hold;
        }
        step
    }

    /// The step shown after `reads` reads of its details.
    fn step(&self, reads: usize) -> &str {
        let step = match &self.clock {
            Some(clock) => self.step_by_clock(clock),
            None => reads,
        };
        &self.texts[step.min(self.texts.len() - 1)]
    }
}

/// A dataset's jobs of one kind, in the server's order. Several lists of a dataset and
/// collection are served as one, in the setup's order; the first list declaring a
/// collection gives its kind.
#[derive(Clone, Debug)]
pub struct JobList {
    /// A dataset of [`Setup::datasets`](crate::Setup::datasets); another is refused as
    /// an unknown dataset is.
    pub dataset: String,
    pub kind: JobKind,
    pub jobs: Vec<Job>,
}

impl JobList {
    pub fn new(dataset: &str, kind: JobKind, jobs: Vec<Job>) -> JobList {
        JobList {
            dataset: dataset.to_string(),
            kind,
            jobs,
        }
    }

    /// The jobs of the reference's example list of `kind` (`reference_list`, one of
    /// [`fixtures::api_example`]'s pages), as written there.
    pub fn from_example(dataset: &str, kind: JobKind, reference_list: &str) -> JobList {
        let (items, _) = fixtures::listing_parts_of(
            &fixtures::api_example(reference_list),
            kind.items_key,
            kind.total_key,
        );
        JobList::new(dataset, kind, items.into_iter().map(Job::new).collect())
    }
}

/// Reads of each job's details so far, by (dataset, collection, ID).
pub(crate) type Reads = std::collections::HashMap<(String, String, String), usize>;

/// Whether some job list declares `collection`.
pub(crate) fn is_declared(lists: &[JobList], collection: &str) -> bool {
    lists.iter().any(|list| list.kind.collection == collection)
}

/// The kind and jobs of `{collection}` in `{dataset}` of the path: the kind of any list
/// declaring the collection, and the jobs of those of the dataset, in order.
fn jobs_of<'a>(call: &'a Call) -> (JobKind, Vec<&'a Job>) {
    let (dataset, collection) = (call.capture("dataset"), call.capture("collection"));
    let lists = &call.shared.setup.jobs;
    let kind = lists
        .iter()
        .find(|list| list.kind.collection == collection)
        .map(|list| list.kind)
        .expect("the route takes only declared collections");
    let jobs = lists
        .iter()
        .filter(|list| list.dataset == dataset && list.kind.collection == collection)
        .flat_map(|list| &list.jobs)
        .collect();
    (kind, jobs)
}

/// `GET /v2/{project}/datasets/{dataset}/{collection}`: a page of the dataset's jobs of
/// that kind, each as it is now, laid out as the references' examples are: the total
/// first, then the jobs.
pub(crate) fn list_jobs(call: &Call) -> Reply {
    let (kind, jobs) = jobs_of(call);
    let window = match call.page_window_within(kind.default_limit, kind.max_limit) {
        Ok(window) => window,
        Err(refusal) => return refusal,
    };
    let mut wanted = Vec::new();
    for &filter in kind.filters {
        match call.req.param(filter).map(str::parse::<i64>) {
            None => {}
            Some(Ok(value)) => wanted.push((filter, value)),
            Some(Err(_)) => {
                let message = format!("Invalid parameter: {filter}");
                return Reply::api_error(400, "ModelArts.4101", &message);
            }
        }
    }
    let reads = call.shared.job_reads.lock().unwrap();
    let (dataset, collection) = (call.capture("dataset"), call.capture("collection"));
    let now: Vec<&str> = jobs
        .iter()
        .map(|job| {
            // Only a job of several steps moved by reads needs its ID parsed out.
            let moved_by_reads = job.clock.is_none() && job.texts.len() > 1;
            let id = moved_by_reads.then(|| job.id(kind.id_key)).flatten();
            let read = id.map_or(0, |id| {
                reads
                    .get(&(dataset.to_string(), collection.to_string(), id))
                    .copied()
                    .unwrap_or(0)
            });
            job.step(read.saturating_sub(1))
        })
        .filter(|text| {
            wanted.is_empty() || {
                let job: serde_json::Value = serde_json::from_str(text).unwrap_or_default();
                wanted
                    .iter()
                    .all(|&(field, value)| job[field].as_i64() == Some(value))
            }
        })
        .collect();
    let total = now.len();
    let mut body = format!(
        "{{\"{}\" : {total}, \"{}\" : [ ",
        kind.total_key, kind.items_key
    );
    body.push_str(&now[window.start.min(total)..window.end.min(total)].join(", "));
    body.push_str(" ] }");
    Reply::json(200, body)
}

/// `GET /v2/{project}/datasets/{dataset}/{collection}/{id}`: the job's next step (or its
/// clock's), or the kind's refusal of an ID the dataset does not have there.
pub(crate) fn job_details(call: &Call) -> Reply {
    let (kind, jobs) = jobs_of(call);
    let id = call.capture("id");
    let Some(job) = jobs
        .into_iter()
        .find(|job| job.id(kind.id_key).as_deref() == Some(id))
    else {
        return Reply::api_error(kind.missing.status, kind.missing.code, kind.missing.message);
    };
    let mut reads = call.shared.job_reads.lock().unwrap();
    let key = (
        call.capture("dataset").to_string(),
        call.capture("collection").to_string(),
        id.to_string(),
    );
    let read = reads.entry(key).or_insert(0);
    let text = job.step(*read).to_string();
    *read += 1;
    Reply::json(200, text)
}
