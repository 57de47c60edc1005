//! The simulator's datasets: realistic tasks of every type and status, some of which
//! move on with time. [`DATASET`], the one `examples/simulator.toml` names, has as many
//! tasks as asked; [`MORE_DATASETS`] are a few more, for listing the project's datasets
//! and the tasks of all of them. Each dataset has import and export tasks, versions and
//! team labeling tasks too ([`jobs`]). Shared by `examples/simulator.rs` and its tests.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use crate::{Action, Catalog, Clock, Job, JobKind, JobList, Recorded, Reply, Setup, Tasks};

/// The dataset `examples/simulator.toml` names.
pub const DATASET: &str = "SiMuLaTeDdAtAsEt0001";

/// [`DATASET`]'s name.
pub const DATASET_NAME: &str = "warehouse-pallets";

/// The simulator's other datasets: (ID, name, tasks, whether its tasks have all settled).
/// A settled dataset has no task queued or running, so that an auto labeling task can
/// be started in it (CreateTask refuses while one runs).
pub const MORE_DATASETS: [(&str, &str, usize, bool); 4] = [
    ("SiMuLaTeDdAtAsEt0002", "traffic-signs", 48, false),
    ("SiMuLaTeDdAtAsEt0003", "defects-line-2", 36, true),
    ("SiMuLaTeDdAtAsEt0004", "retail-shelves", 64, false),
    ("SiMuLaTeDdAtAsEt0005", "xray-triage", 21, true),
];

/// Which of the simulator's datasets a task belongs to, for its IDs and statuses.
struct Owner {
    dataset_id: &'static str,
    /// The ID of its task `i`.
    task_id: fn(usize, usize) -> String,
    /// The dataset's place: 0 for [`DATASET`], n for the nth of [`MORE_DATASETS`].
    number: usize,
    /// No task queued or running, and none moving on.
    settled: bool,
}

/// [`DATASET`]'s task IDs, `sim` then sixteen digits.
fn main_task_id(_: usize, i: usize) -> String {
    format!("sim{i:016}")
}

/// The other datasets' task IDs: `s`, the dataset's number in two digits, then sixteen
/// digits, so that no two datasets share one.
fn more_task_id(number: usize, i: usize) -> String {
    format!("s{number:02}{i:016}")
}

const NAMES: &[&str] = &[
    "nightly pre-label",
    "weekly relabel",
    "defect detection round",
    "cluster new images",
    "deploy model v",
    "active learning batch",
];

/// Task `i` of `owner` as the API would describe it `elapsed` into the simulation.
/// Every tenth task moves on: queued, initializing, running 10% to 90%, then done
/// (most succeed; some fail; some are stopped on the way). A settled dataset's have all
/// ended: most succeeded, some failed, some were stopped.
fn task(
    owner: &Owner,
    i: usize,
    started: jiff::Timestamp,
    elapsed: Duration,
    step: Duration,
) -> String {
    // Each dataset starts its round of kinds and names elsewhere ([`DATASET`] at the start).
    let turn = i + owner.number;
    let kind = [1, 0, 1, 7, 10, 0][turn % 6];
    let name = format!("{} {}", NAMES[turn % NAMES.len()], i / NAMES.len() + 1);
    // Half an hour apart, the first created as the simulator started.
    let created = crate::api_time(started - jiff::SignedDuration::from_mins(30 * i as i64));
    let total = 200 + (i * 37) % 1800;
    let (status, progress, elapsed_time) = if owner.settled {
        match (i + owner.number) % 7 {
            0..=4 => (3, 100.0, 240 + i as u64 % 400),
            5 => (2, 30.0, 95),
            _ => (5, 55.0, 420),
        }
    } else if i.is_multiple_of(10) {
        // Round and round: eleven steps to the end, which holds for four, then anew.
        let step = ((elapsed.as_millis() / step.as_millis().max(1)) as usize + i / 10 % 4) % 15;
        match step {
            0 => (-1, 0.0, 0),
            1 => (0, 0.0, 5),
            s @ 2..=10 => (1, (s - 1) as f64 * 10.0, s as u64 * 30),
            _ if i % 30 == 10 => (2, 70.0, 280),
            11 if i % 50 == 20 => (4, 40.0, 160),
            _ if i % 50 == 20 => (5, 40.0, 170),
            _ => (3, 100.0, 330),
        }
    } else {
        match i % 9 {
            0..=2 => (3, 100.0, 300 + i as u64 % 500),
            3 => (2, 12.5, 45),
            4 => (5, 60.0, 900),
            5 => (1, (i % 90) as f64 + 5.0, 1200),
            6 => (0, 0.0, 3),
            7 => (4, 35.0, 610),
            _ => (-1, 0.0, 0),
        }
    };
    let annotated = (total as f64 * progress / 100.0) as usize;
    let error = if status == 2 {
        r#","error_code":"ModelArts.4353","error_msg":"Insufficient samples to train the model.""#
    } else {
        ""
    };
    let model = if kind == 1 || kind == 10 {
        format!(
            r#","model_name":"resnet50-{}","model_version":"0.0.{}""#,
            i % 4,
            i % 9 + 1
        )
    } else {
        String::new()
    };
    format!(
        r#"{{"dataset_id":"{}","task_id":"{}","task_name":"{name}","type":{kind},"status":{status},"progress":{progress:.1},"create_time":"{created}","elapsed_time":{elapsed_time},"total_sample_count":{total},"annotated_sample_count":{annotated},"unconfirmed_sample_count":{}{model}{error}}}"#,
        owner.dataset_id,
        (owner.task_id)(owner.number, i),
        total / 10
    )
}

/// A server of `tasks` simulated tasks in [`DATASET`] and those of [`MORE_DATASETS`],
/// the moving ones taking `step` per step, and `fail_percent` of the API's requests
/// answered with HTTP 503.
pub fn setup(tasks: usize, step: Duration, fail_percent: u64) -> Setup {
    // Made first: the tasks' clock starts once the server is nearly ready.
    let jobs = jobs(step);
    let started = Instant::now();
    let started_at = jiff::Timestamp::now();
    let live = move |owner: Owner, count: usize| {
        let make = move |i: usize| task(&owner, i, started_at, started.elapsed(), step);
        Tasks::Live(count, Arc::new(make))
    };
    let mut datasets = HashMap::from([(
        DATASET.to_string(),
        live(
            Owner {
                dataset_id: DATASET,
                task_id: main_task_id,
                number: 0,
                settled: false,
            },
            tasks,
        ),
    )]);
    let mut dataset_names = HashMap::from([(DATASET.to_string(), DATASET_NAME.to_string())]);
    for (n, (dataset_id, name, count, settled)) in MORE_DATASETS.into_iter().enumerate() {
        let owner = Owner {
            dataset_id,
            task_id: more_task_id,
            number: n + 1,
            settled,
        };
        datasets.insert(dataset_id.to_string(), live(owner, count));
        dataset_names.insert(dataset_id.to_string(), name.to_string());
    }
    let served = Arc::new(AtomicU64::new(0));
    let hook = move |req: &Recorded, _: &Catalog| {
        let n = served.fetch_add(1, Ordering::SeqCst);
        (req.path.starts_with("/v2/") && (n * 37 + 11) % 100 < fail_percent)
            .then(|| Action::Reply(Reply::api_error(503, "APIGW.0001", "Simulated: try again.")))
    };
    Setup {
        datasets,
        dataset_names,
        jobs,
        hook: Some(Arc::new(hook)),
        ..Setup::default()
    }
}

/// How many imports and versions [`DATASET`] has: enough that listing all of them takes
/// several pages (imports are served at most 100 a page).
pub const MAIN_JOBS: usize = 250;

/// The simulator's datasets' other jobs: for [`DATASET`], [`MAIN_JOBS`] imports and
/// versions, a dozen exports and six team labeling tasks; for each of [`MORE_DATASETS`],
/// a handful of each. The newest of each kind in a dataset that has not settled moves
/// through its statuses a `step` at a time and round again (so that `watch` and `wait`
/// see it move); a settled dataset's jobs have all ended.
pub fn jobs(step: Duration) -> Vec<JobList> {
    let started = Instant::now();
    let now = jiff::Timestamp::now();
    let mut lists = Vec::new();
    let datasets = std::iter::once((DATASET, 0, false)).chain(
        MORE_DATASETS
            .iter()
            .enumerate()
            .map(|(n, &(id, _, _, settled))| (id, n + 1, settled)),
    );
    for (dataset_id, number, settled) in datasets {
        let place = JobPlace {
            dataset_id,
            number,
            settled,
            now,
            clock: Clock {
                since: started,
                step,
                again_after: Some(4),
            },
        };
        let (imports, exports, versions, team) = if number == 0 {
            (MAIN_JOBS, 12, MAIN_JOBS, 6)
        } else {
            (5 + number, 3, 4 + number, 2)
        };
        lists.push(JobList::new(
            dataset_id,
            JobKind::IMPORT,
            (0..imports).map(|i| import_job(&place, i)).collect(),
        ));
        lists.push(JobList::new(
            dataset_id,
            JobKind::EXPORT,
            (0..exports).map(|i| export_job(&place, i)).collect(),
        ));
        lists.push(JobList::new(
            dataset_id,
            JobKind::VERSION,
            (0..versions)
                .map(|i| version_job(&place, i, versions))
                .collect(),
        ));
        lists.push(JobList::new(
            dataset_id,
            JobKind::TEAM,
            (0..team).map(|i| team_job(&place, i)).collect(),
        ));
    }
    lists
}

/// Where a simulated job lives, and when.
struct JobPlace {
    dataset_id: &'static str,
    /// 0 for [`DATASET`], n for the nth of [`MORE_DATASETS`].
    number: usize,
    settled: bool,
    /// When the simulator started: job `i` of a kind was created `i` spells before.
    now: jiff::Timestamp,
    clock: Clock,
}

impl JobPlace {
    /// Whether job `i` moves with time: the newest of each kind, where not settled.
    fn moves(&self, i: usize) -> bool {
        i == 0 && !self.settled
    }

    /// Milliseconds since the epoch, `hours` before the simulator started.
    fn millis_before(&self, hours: usize) -> String {
        self.millis_after(hours, 0)
    }

    /// Milliseconds since the epoch, `minutes` after `hours` before the simulator
    /// started, or then if sooner: when a job created then was last updated.
    fn millis_after(&self, hours: usize, minutes: usize) -> String {
        let at = self.now - jiff::SignedDuration::from_hours(hours as i64)
            + jiff::SignedDuration::from_mins(minutes as i64);
        at.min(self.now).as_millisecond().to_string()
    }
}

/// The texts of `values`, each a JSON number.
fn numbers(values: &[usize]) -> Vec<String> {
    values.iter().map(usize::to_string).collect()
}

fn strs(values: &[String]) -> Vec<&str> {
    values.iter().map(String::as_str).collect()
}

/// Import `i`: `{dataset}_import` then five digits, as the service's import IDs begin
/// with their dataset's; six hours apart. Most completed, every seventh failed, one
/// running; the newest moves.
fn import_job(place: &JobPlace, i: usize) -> Job {
    let kind = JobKind::IMPORT;
    let id = format!("{}_import{i:05}", place.dataset_id);
    let total = 40 + (i * 53) % 960;
    let job = if place.moves(i) {
        let steps = [
            "QUEUING",
            "STARTING",
            "RUNNING",
            "RUNNING",
            "RUNNING",
            "COMPLETED",
        ];
        let statuses: Vec<String> = steps.iter().map(|s| format!("\"{s}\"")).collect();
        let imported = numbers(&[0, 0, total / 4, total / 2, total * 3 / 4, total]);
        let elapsed = numbers(&[0, 2, 30, 60, 90, 120]);
        kind.moving(&id, &strs(&statuses))
            .with_each("imported_sample_count", &strs(&imported))
            .with_each("elapsed_time", &strs(&elapsed))
            .on_clock(place.clock)
    } else {
        let (status, imported) = match i % 7 {
            3 => ("FAILED", total / 3),
            _ if i == 1 && !place.settled => ("RUNNING", total / 2),
            _ => ("COMPLETED", total),
        };
        let job = kind
            .job(&id, &format!("\"{status}\""))
            .with("imported_sample_count", &imported.to_string())
            .with("elapsed_time", &(20 + i % 300).to_string());
        if status == "FAILED" {
            job.with("error_code", r#""ModelArts.4312""#)
                .with("error_msg", r#""OBS path does not exist""#)
        } else {
            job
        }
    };
    job.with("dataset_id", &crate::json_string(place.dataset_id))
        .with(
            "import_path",
            &format!("\"obs://sim-bucket/{}/batch-{i:05}/\"", place.dataset_id),
        )
        .with("total_sample_count", &total.to_string())
        .with("annotated_sample_count", &(total / 5).to_string())
        .with("create_time", &place.millis_before(6 * i))
        .with("update_ms", &place.millis_after(6 * i, 2))
}

/// Export `i`: `exp`, the dataset's number in two digits, then fourteen digits; a day
/// apart. Most succeeded, one running, the sixth failed; the newest moves.
fn export_job(place: &JobPlace, i: usize) -> Job {
    let kind = JobKind::EXPORT;
    let id = format!("exp{:02}{i:014}", place.number);
    let total = 100 + (i * 71) % 900;
    let job = if place.moves(i) {
        let statuses = [
            r#""INIT""#,
            r#""RUNNING""#,
            r#""RUNNING""#,
            r#""RUNNING""#,
            r#""SUCCESSED""#,
        ];
        kind.moving(&id, &statuses)
            .with_each("progress", &["0.0", "25.0", "50.0", "75.0", "100.0"])
            .with_each(
                "finished_sample_count",
                &strs(&numbers(&[0, total / 4, total / 2, total * 3 / 4, total])),
            )
            .on_clock(place.clock)
    } else {
        let (status, progress) = match i {
            1 if !place.settled => ("RUNNING", 40.0),
            5 => ("FAILED", 10.0),
            _ => ("SUCCESSED", 100.0),
        };
        let job = kind
            .job(&id, &format!("\"{status}\""))
            .with("progress", &format!("{progress:.1}"))
            .with(
                "finished_sample_count",
                &((total as f64 * progress / 100.0) as usize).to_string(),
            );
        if status == "FAILED" {
            job.with("error_code", r#""ModelArts.4401""#)
                .with("error_msg", r#""Failed to export data.""#)
        } else {
            job
        }
    };
    job.with(
        "path",
        &format!("\"/sim-bucket/exports/{}/{i:03}/\"", place.dataset_id),
    )
    .with("total_sample_count", &total.to_string())
    .with("create_time", &place.millis_before(24 * i))
    .with("update_time", &place.millis_after(24 * i, 5))
}

/// Version `i` of `count`, newest first: `ver`, the dataset's number in two digits, then
/// fourteen digits, named `V` and its number counting from the oldest; twelve hours
/// apart. Where not settled, the newest is being created and moves on to normal, and one
/// is being deleted; the second newest is the current one; one has failed.
fn version_job(place: &JobPlace, i: usize, count: usize) -> Job {
    let kind = JobKind::VERSION;
    let id = |i: usize| format!("ver{:02}{i:014}", place.number);
    let name = format!("V{:03}", count - i);
    let total = 500 + i * 3;
    let job = if place.moves(i) {
        kind.moving(&id(i), &["0", "0", "0", "1"])
            .on_clock(place.clock)
    } else {
        let status = match i {
            4 => 4,
            7 if !place.settled => 2,
            _ => 1,
        };
        kind.job(&id(i), &status.to_string())
    };
    let paths = format!("/sim-bucket/{}/annotation/{name}/", place.dataset_id);
    let job = job
        .with("version_name", &crate::json_string(&name))
        .with("is_current", if i == 1 { "true" } else { "false" })
        .with("total_sample_count", &total.to_string())
        .with("annotated_sample_count", &(total * 9 / 10).to_string())
        .with(
            "manifest_path",
            &crate::json_string(&format!("{paths}{name}.manifest")),
        )
        .with("data_path", &crate::json_string(&format!("{paths}data/")))
        .with("create_time", &place.millis_before(12 * i));
    if i + 1 < count {
        job.with("previous_version_id", &crate::json_string(&id(i + 1)))
    } else {
        job
    }
}

/// Team labeling task `i`: `team`, the dataset's number in two digits, then thirteen
/// digits; two days apart. Running, accepted, rejected, in acceptance sampling; the
/// newest goes from created to accepted.
fn team_job(place: &JobPlace, i: usize) -> Job {
    let kind = JobKind::TEAM;
    let id = format!("team{:02}{i:013}", place.number);
    let total = 300 + i * 40;
    let stats = |accepted: usize| {
        format!(
            r#"{{"total_sample_count":{total},"unannotated_sample_count":{},"unreviewed_sample_count":0,"uncheck_sample_count":0,"sampled_sample_count":0,"rejected_sample_count":0,"accepted_sample_count":{accepted},"auto_annotation_sample_count":0}}"#,
            total - accepted
        )
    };
    let job = if place.moves(i) {
        let accepted = [0, 0, total / 3, total * 2 / 3, total, total];
        let stats: Vec<String> = accepted.iter().map(|&a| stats(a)).collect();
        kind.moving(&id, &["6", "0", "1", "1", "2", "3"])
            .with_each("sample_stats", &strs(&stats))
            .on_clock(place.clock)
    } else {
        let (status, accepted) = match i % 4 {
            1 if !place.settled => (1, total / 2),
            2 => (4, total / 4),
            3 if !place.settled => (7, total * 9 / 10),
            _ => (3, total),
        };
        kind.job(&id, &status.to_string())
            .with("sample_stats", &stats(accepted))
    };
    job.with("dataset_id", &crate::json_string(place.dataset_id))
        .with("task_name", &format!("\"team-round-{}\"", i + 1))
        .with("create_time", &place.millis_before(48 * i))
        .with("update_time", &place.millis_after(48 * i, 90))
}
