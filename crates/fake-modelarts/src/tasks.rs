//! The intelligent tasks of a dataset: ListTasks (paging and filtering like the API),
//! one task's details, and the lifecycle of the tasks that move on as they are polled.

use crate::routes::Call;
use crate::{OffsetMode, Reply, Tasks};

/// A page's body: the tasks at `indices`, `total`, then `extra` (top-level fields as
/// raw JSON text starting with a comma).
pub(crate) fn page_body(tasks: &Tasks, indices: &[usize], total: usize, extra: &str) -> Vec<u8> {
    let mut body = String::from("{\"tasks\" : [ ");
    for (n, &i) in indices.iter().enumerate() {
        if n > 0 {
            body.push_str(", ");
        }
        body.push_str(&tasks.text(i));
    }
    body.push_str(&format!(" ], \"total_count\" : {total}{extra} }}"));
    body.into_bytes()
}

/// `GET /v2/{project}/datasets/{dataset}/tasks`: the ListTasks API itself.
pub(crate) fn list_tasks(call: &Call) -> Reply {
    let (req, shared) = (call.req, call.shared);
    let tasks = call.tasks();
    let limit = match req.param("limit").map(str::parse::<usize>) {
        None => 10,
        Some(Ok(l)) if (1..=100).contains(&l) => l,
        Some(_) => return Reply::api_error(400, "ModelArts.4101", "Invalid parameter: limit"),
    };
    let offset = match req.param("offset").map(str::parse::<usize>) {
        None => 0,
        Some(Ok(o)) => o,
        Some(Err(_)) => {
            return Reply::api_error(400, "ModelArts.4101", "Invalid parameter: offset");
        }
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
    let start = match shared.setup.offset_mode {
        OffsetMode::Page => offset.saturating_mul(limit),
        OffsetMode::Record => offset,
    };
    // Generated tasks are all pre-labeling: without a name filter, a page is a range.
    let selected: Vec<usize> = match (tasks, req.param("type"), name) {
        (Tasks::Generated(n), None | Some("pre-label"), None) => {
            let page = start.min(*n)..start.saturating_add(limit).min(*n);
            let body = page_body(
                tasks,
                &page.collect::<Vec<_>>(),
                *n,
                &shared.catalog.extra_fields,
            );
            return Reply::json(200, body);
        }
        _ => (0..tasks.len())
            .filter(|&i| {
                let (kind, task_name) = tasks.meta(i);
                wanted(kind) && name.is_none_or(|n| task_name.contains(n))
            })
            .collect(),
    };
    let end = start.saturating_add(limit).min(selected.len());
    let page = if start < end {
        &selected[start..end]
    } else {
        &[][..]
    };
    Reply::json(
        200,
        page_body(tasks, page, selected.len(), &shared.catalog.extra_fields),
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

/// `GET /v2/{project}/datasets/{dataset}/tasks/{task_id}`: a details answer of
/// [`Setup::details`](crate::Setup::details), a fixture task as it is, or a moving
/// task's next step.
pub(crate) fn task_details(call: &Call) -> Reply {
    let shared = call.shared;
    let tasks = call.tasks();
    let task_id = call.capture("task_id");
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
        None => Reply::api_error(400, "ModelArts.4612", "The task does not exist."),
    }
}
