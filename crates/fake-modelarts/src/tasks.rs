//! The intelligent tasks of a dataset: ListTasks (paging and filtering like the API),
//! one task's details, and the lifecycle of the tasks that move on as they are polled.

use crate::routes::Call;
use crate::{Reply, Tasks, created};

/// A page's body: the tasks at `indices`, `total`, then `extra` (top-level fields as
/// raw JSON text starting with a comma).
pub(crate) fn page_body(tasks: &Tasks, indices: &[usize], total: usize, extra: &str) -> Vec<u8> {
    page_body_of(indices.iter().map(|&i| tasks.text(i)), total, extra)
}

/// A page's body holding the task texts `texts`, `total`, then `extra`.
fn page_body_of(texts: impl Iterator<Item = String>, total: usize, extra: &str) -> Vec<u8> {
    let mut body = String::from("{\"tasks\" : [ ");
    for (n, text) in texts.enumerate() {
        if n > 0 {
            body.push_str(", ");
        }
        body.push_str(&text);
    }
    body.push_str(&format!(" ], \"total_count\" : {total}{extra} }}"));
    body.into_bytes()
}

/// `GET /v2/{project}/datasets/{dataset}/tasks`: the ListTasks API itself. The tasks
/// started through CreateTask in the dataset come first, newest first, as they are now
/// (listing them does not move them on), then the dataset's own.
pub(crate) fn list_tasks(call: &Call) -> Reply {
    let (req, shared) = (call.req, call.shared);
    let tasks = call.tasks();
    let window = match call.page_window() {
        Ok(window) => window,
        Err(refusal) => return refusal,
    };
    // Without `type` the API lists auto labeling (0 and 1); codes it does not know pass too.
    let wanted: Box<dyn Fn(i64) -> bool> = match req.param("type") {
        None => Box::new(|t| !matches!(t, 7 | 10)),
        Some("auto-label") => Box::new(|t| t == 0),
        Some("pre-label") => Box::new(|t| t == 1),
        Some("auto-grouping") => Box::new(|t| t == 7),
        Some("auto-deploy") => Box::new(|t| t == 10),
        Some(_) => return Reply::api_error(400, "ModelArts.4101", "Invalid parameter: type"),
    };
    let name = req.param("task_name");
    let dataset_id = call.capture("dataset");
    let started: Vec<String> = {
        let created = shared.created.lock().unwrap();
        let in_dataset = created
            .iter()
            .rev()
            .filter(|s| s.task.dataset_id == dataset_id)
            .collect::<Vec<_>>();
        if in_dataset.is_empty()
            && tasks.is_generated()
            && name.is_none()
            && matches!(req.param("type"), None | Some("pre-label"))
        {
            // Generated tasks are all pre-labeling: without a name filter, a page is a range.
            let n = tasks.len();
            let page = window.start.min(n)..window.end.min(n);
            let body = page_body(
                tasks,
                &page.collect::<Vec<_>>(),
                n,
                &shared.catalog.extra_fields,
            );
            return Reply::json(200, body);
        }
        in_dataset
            .into_iter()
            .filter(|s| {
                wanted(s.task.task_type)
                    && name.is_none_or(|n| s.task.name.as_deref().unwrap_or("").contains(n))
            })
            .map(|s| s.text(s.current()))
            .collect()
    };
    let own: Vec<usize> = (0..tasks.len())
        .filter(|&i| {
            let meta = tasks.meta(i);
            wanted(meta.kind) && name.is_none_or(|n| meta.name.contains(n))
        })
        .collect();
    let total = started.len() + own.len();
    let page = window.start.min(total)..window.end.min(total);
    let texts = page.map(|p| match started.get(p) {
        Some(text) => text.clone(),
        None => tasks.text(own[p - started.len()]),
    });
    Reply::json(
        200,
        page_body_of(texts, total, &shared.catalog.extra_fields),
    )
}

/// The statuses (code, progress) a moving task goes through, one per poll, staying at
/// the last: chosen by its ID.
pub fn lifecycle(task_id: &str) -> Option<&'static [(i64, f64)]> {
    Some(match task_id {
        "moving-succeeded" => &[(-1, 0.0), (1, 50.0), (3, 100.0)],
        "moving-failed" => &[(0, 0.0), (1, 20.0), (2, 20.0)],
        "moving-stopped" => &[(1, 10.0), (4, 10.0), (5, 10.0)],
        "moving-forever" => &[(1, 5.0)],
        _ => return None,
    })
}

/// `GET /v2/{project}/datasets/{dataset}/tasks/{task_id}`: the next step of a task
/// started in the dataset through CreateTask, a details answer of
/// [`Setup::details`](crate::Setup::details), a moving task's next step, or a fixture
/// task as it is.
pub(crate) fn task_details(call: &Call) -> Reply {
    let shared = call.shared;
    let tasks = call.tasks();
    let task_id = call.capture("task_id");
    if let Some(text) = created::poll(call, call.capture("dataset"), task_id) {
        return Reply::json(200, text);
    }
    if let Some(text) = shared.setup.details.get(task_id) {
        return Reply::json(200, text.clone());
    }
    if let Some(steps) = lifecycle(task_id) {
        let mut polls = shared.polls.lock().unwrap();
        let poll = polls.entry(task_id.to_string()).or_insert(0);
        let (status, progress) = steps[(*poll).min(steps.len() - 1)];
        *poll += 1;
        let error = if status == 2 {
            r#","error_code":"ModelArts.4353","error_msg":"Insufficient samples.""#
        } else {
            ""
        };
        return Reply::json(
            200,
            format!(
                r#"{{"task_id":"{task_id}","task_name":"moving task","type":1,"status":{status},"progress":{progress:.1},"create_time":"2026-11-29 08:00:00","elapsed_time":{},"message":"step {}"{error}}}"#,
                *poll * 10,
                *poll
            ),
        );
    }
    let found = (0..tasks.len()).map(|i| tasks.text(i)).find(|text| {
        serde_json::from_str::<serde_json::Value>(text)
            .is_ok_and(|v| v["task_id"].as_str() == Some(task_id))
    });
    match found {
        Some(text) => Reply::json(200, text),
        // Not the error table's "Task not found": the tests of matasks expect this text.
        None => Reply::api_error(400, "ModelArts.4612", "The task does not exist."),
    }
}

/// Whether the `{dataset}` of the path has the task `task_id` of its own (a fixture, a
/// moving task or a [`Setup::details`](crate::Setup::details) answer), for
/// StopAutoAnnotation.
pub(crate) fn exists(call: &Call, task_id: &str) -> bool {
    let tasks = call.tasks();
    call.shared.setup.details.contains_key(task_id)
        || lifecycle(task_id).is_some()
        || (0..tasks.len()).any(|i| tasks.meta(i).task_id.as_deref() == Some(task_id))
}
