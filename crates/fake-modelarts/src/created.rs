//! Intelligent tasks started through the API: CreateTask (its checks of the body, of a
//! running auto labeling task and of the project's limit), StopAutoAnnotation, and how a
//! started task moves on, one step each time its details are read.

use std::collections::HashMap;

use serde_json::Value;
use serde_json::value::RawValue;

use crate::routes::Call;
use crate::{Reply, is_running_status, json_string};

/// A task started through CreateTask, as [`FakeServer::created_tasks`] shows it.
///
/// [`FakeServer::created_tasks`]: crate::FakeServer::created_tasks
#[derive(Clone, Debug)]
pub struct CreatedTask {
    pub dataset_id: String,
    pub task_id: String,
    /// The type code: 0 auto-label, 1 pre-label, 7 auto-grouping.
    pub task_type: i64,
    /// `config.name` of the body, when it is a string.
    pub name: Option<String>,
    /// The request's body as sent.
    pub body: Value,
    /// Details answers served so far.
    pub polls: usize,
    /// Whether StopAutoAnnotation stopped it (a task already finished does not stop).
    pub stopped: bool,
}

/// What each details poll of a started task shows, staying at the last: (status,
/// progress).
const SUCCEEDING: [(i64, f64); 3] = [(0, 0.0), (1, 50.0), (3, 100.0)];
/// The same for a task whose `config.name` says "fail".
const FAILING: [(i64, f64); 3] = [(0, 0.0), (1, 50.0), (2, 50.0)];

/// A started task as the server keeps it.
pub(crate) struct Started {
    pub(crate) task: CreatedTask,
    /// The poll that first shows it stopping, once stopped.
    stopped_at_poll: Option<usize>,
    /// `YYYY-MM-DD HH:MM:SS`, UTC, when it was started.
    create_time: String,
    /// The body's `config` as written, for the details.
    config: Option<String>,
    /// The body's `model_id`, for a pre-labeling task's details.
    model_id: Option<String>,
}

impl Started {
    fn steps(&self) -> &'static [(i64, f64)] {
        if self
            .task
            .name
            .as_deref()
            .is_some_and(|n| n.contains("fail"))
        {
            &FAILING
        } else {
            &SUCCEEDING
        }
    }

    /// What poll `n` (from 0) shows: the next step, or once stopped, stopping (4) for
    /// one poll and stopped (5) after, at the progress it had reached.
    fn shown(&self, n: usize) -> (i64, f64) {
        let steps = self.steps();
        let step = |n: usize| steps[n.min(steps.len() - 1)];
        match self.stopped_at_poll {
            Some(stop) if n >= stop => {
                let progress = if stop == 0 { 0.0 } else { step(stop - 1).1 };
                (if n == stop { 4 } else { 5 }, progress)
            }
            _ => step(n),
        }
    }

    /// Its status now, as ListTasks, ListDatasets and CreateTask's checks see it without
    /// moving it on: what its last poll showed (its first step before any), or stopping
    /// as soon as it is stopped.
    pub(crate) fn current(&self) -> (i64, f64) {
        match self.stopped_at_poll {
            Some(stop) if self.task.polls <= stop => self.shown(stop),
            _ => self.shown(self.task.polls.saturating_sub(1)),
        }
    }

    pub(crate) fn is_running(&self) -> bool {
        is_running_status(self.current().0)
    }

    /// Stop it, unless it has finished or was stopped already.
    fn stop(&mut self) {
        if self.stopped_at_poll.is_none() && self.is_running() {
            self.stopped_at_poll = Some(self.task.polls);
            self.task.stopped = true;
        }
    }

    /// Its JSON text showing `(status, progress)`, in the shape of the moving tasks'
    /// details.
    pub(crate) fn text(&self, (status, progress): (i64, f64)) -> String {
        let task = &self.task;
        let mut text = format!(
            r#"{{"dataset_id":{},"task_id":"{}""#,
            json_string(&task.dataset_id),
            task.task_id
        );
        if let Some(name) = &task.name {
            text.push_str(&format!(r#","task_name":{}"#, json_string(name)));
        }
        text.push_str(&format!(
            r#","type":{},"status":{status},"progress":{progress:.1},"create_time":"{}","elapsed_time":{}"#,
            task.task_type,
            self.create_time,
            task.polls * 10
        ));
        if let Some(model_id) = &self.model_id {
            text.push_str(&format!(r#","model_id":{}"#, json_string(model_id)));
        }
        if status == 2 {
            text.push_str(r#","error_code":"ModelArts.4353","error_msg":"Insufficient samples.""#);
        }
        if let Some(config) = &self.config {
            text.push_str(&format!(r#","config":{config}"#));
        }
        text.push('}');
        text
    }

    /// The details answer of its next poll, which moves it on.
    pub(crate) fn poll(&mut self) -> String {
        let shown = self.shown(self.task.polls);
        self.task.polls += 1;
        self.text(shown)
    }
}

fn invalid(what: &str) -> Reply {
    Reply::api_error(400, "ModelArts.4101", &format!("Invalid parameter: {what}"))
}

/// A positive integer, as a JSON integer or a string of digits (the reference's example
/// sends `"2"`).
fn is_positive_count(value: &Value) -> bool {
    match value {
        Value::Number(n) => n.as_u64().is_some_and(|n| n > 0),
        Value::String(s) => {
            !s.is_empty()
                && s.bytes().all(|b| b.is_ascii_digit())
                && s.parse::<u64>().is_ok_and(|n| n > 0)
        }
        _ => false,
    }
}

/// `POST /v2/{project}/datasets/{dataset}/tasks`: CreateTask.
pub(crate) fn create_task(call: &Call) -> Reply {
    let (req, shared) = (call.req, call.shared);
    let dataset_id = call.capture("dataset");
    let Ok(body @ Value::Object(_)) = serde_json::from_slice::<Value>(&req.body) else {
        return invalid("the request body is not a JSON object");
    };
    let task_type = match &body["task_type"] {
        Value::Null => 0,
        Value::String(t) if t == "auto-label" => 0,
        Value::String(t) if t == "pre-label" => 1,
        Value::String(t) if t == "auto-grouping" => 7,
        _ => return invalid("task_type"),
    };
    let config = &body["config"];
    if !matches!(config, Value::Null | Value::Object(_)) {
        return invalid("config");
    }
    let model_id = body["model_id"].as_str().filter(|m| !m.is_empty());
    if task_type == 1 && model_id.is_none() {
        return invalid("model_id");
    }
    if task_type == 7
        && !matches!(&config["n_clusters"], Value::Null)
        && !is_positive_count(&config["n_clusters"])
    {
        return invalid("config.n_clusters");
    }
    // The config as written; the body parsed as JSON above, so this does too.
    let config_text = serde_json::from_slice::<HashMap<String, Box<RawValue>>>(&req.body)
        .ok()
        .and_then(|fields| fields.get("config").map(|c| c.get().to_string()))
        .filter(|_| config.is_object());

    let mut created = shared.created.lock().unwrap();
    if task_type != 7 {
        let own = call.tasks();
        let running_own = !own.is_generated()
            && (0..own.len()).any(|i| {
                let meta = own.meta(i);
                matches!(meta.kind, 0 | 1) && meta.is_running()
            });
        let running_started = created.iter().any(|started| {
            started.task.dataset_id == dataset_id
                && matches!(started.task.task_type, 0 | 1)
                && started.is_running()
        });
        if running_own || running_started {
            return Reply::api_error(501, "ModelArts.4386", "Auto labeling task exist");
        }
    }
    if let Some(max) = shared.setup.max_running_tasks
        && created
            .iter()
            .filter(|started| started.is_running())
            .count()
            >= max
    {
        return Reply::api_error(
            400,
            "ModelArts.4409",
            "Running tasks has exceed the max threshold",
        );
    }
    let task_id = format!("created{:012}", created.len() + 1);
    created.push(Started {
        task: CreatedTask {
            dataset_id: dataset_id.to_string(),
            task_id: task_id.clone(),
            task_type,
            name: config["name"].as_str().map(str::to_string),
            body: body.clone(),
            polls: 0,
            stopped: false,
        },
        stopped_at_poll: None,
        create_time: crate::api_time(jiff::Timestamp::now()),
        config: config_text,
        model_id: model_id.filter(|_| task_type == 1).map(str::to_string),
    });
    Reply::json(200, format!(r#"{{"task_id" : "{task_id}"}}"#))
}

/// The details answer of the task `task_id` started in `dataset_id`, moving it on; `None`
/// when no such task was started there.
pub(crate) fn poll(call: &Call, dataset_id: &str, task_id: &str) -> Option<String> {
    let mut created = call.shared.created.lock().unwrap();
    created
        .iter_mut()
        .find(|s| s.task.dataset_id == dataset_id && s.task.task_id == task_id)
        .map(Started::poll)
}

/// `POST /v2/{project}/datasets/{dataset}/tasks/{task_id}/stop`: StopAutoAnnotation. A
/// task started here stops (unless it has finished); one of the dataset's own is left as
/// it is; the body, if any, is not read.
pub(crate) fn stop_task(call: &Call) -> Reply {
    let dataset_id = call.capture("dataset");
    let task_id = call.capture("task_id");
    let stopped = {
        let mut created = call.shared.created.lock().unwrap();
        created
            .iter_mut()
            .find(|s| s.task.dataset_id == dataset_id && s.task.task_id == task_id)
            .map(Started::stop)
            .is_some()
    };
    if stopped || crate::tasks::exists(call, task_id) {
        return Reply {
            status: 204,
            headers: Vec::new(),
            body: Vec::new(),
        };
    }
    Reply::api_error(400, "ModelArts.4612", "Task not found")
}
