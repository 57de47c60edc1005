//! The simulator's datasets: realistic tasks of every type and status, some of which
//! move on with time. [`DATASET`], the one `examples/simulator.toml` names, has as many
//! tasks as asked; [`MORE_DATASETS`] are a few more, for listing the project's datasets
//! and the tasks of all of them. Shared by `examples/simulator.rs` and its tests.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use crate::{Action, Catalog, Recorded, Reply, Setup, Tasks};

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
        hook: Some(Arc::new(hook)),
        ..Setup::default()
    }
}
