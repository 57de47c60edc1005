//! A dataset's intelligent tasks: `GET /v2/{project_id}/datasets/{dataset_id}/tasks`,
//! one page at a time, one task's details, and starting and stopping one.

use std::future::Future;
use std::pin::Pin;

use anyhow::{Context, Result};
use reqwest::Method;
use serde_json::value::RawValue;

use crate::api::client::Client;
use crate::api::page::PageBody;
use crate::domain::id::{Id, IdKind, Origin};
use crate::domain::resource::Resource;
use crate::domain::task::TaskType;
use crate::transport::http::Retry;
use crate::util::error::Malformed;

/// The query of one ListTasks request.
#[derive(Debug, Clone)]
pub struct ListQuery {
    pub limit: u32,
    /// The `offset` parameter exactly as the API receives it.
    pub offset: u64,
    pub task_type: Option<TaskType>,
    pub task_name: Option<String>,
}

impl ListQuery {
    fn params(&self) -> Vec<(&'static str, String)> {
        let mut params = vec![
            ("limit", self.limit.to_string()),
            ("offset", self.offset.to_string()),
        ];
        params.extend(filters(self.task_type, self.task_name.as_deref()));
        params
    }
}

/// The parameters that choose which tasks a listing holds.
fn filters(task_type: Option<TaskType>, task_name: Option<&str>) -> Vec<(&'static str, String)> {
    let mut params = Vec::new();
    if let Some(t) = task_type {
        params.push(("type", t.as_api_str().to_string()));
    }
    if let Some(name) = task_name {
        params.push(("task_name", name.to_string()));
    }
    params
}

/// What each listing of [`sources`] holds, as one line of text: where its totals are
/// remembered.
pub fn listings(
    client: &Client,
    dataset_id: &Id,
    types: &[Option<TaskType>],
    task_name: Option<&str>,
) -> Vec<String> {
    types
        .iter()
        .map(|&task_type| client.listing(&tasks_path(dataset_id), &filters(task_type, task_name)))
        .collect()
}

/// Fetch one page of a dataset's tasks.
pub async fn list_tasks(client: &Client, dataset_id: &Id, query: &ListQuery) -> Result<PageBody> {
    let params = query.params();
    let pairs: Vec<(&str, &str)> = params.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let body = client.get(&tasks_path(dataset_id), &pairs).await?;
    Ok(PageBody::new(
        body,
        Resource::TASKS,
        format!("tasks of dataset {dataset_id} (offset {})", query.offset),
    ))
}

/// The label of each listing of `types` in messages: the type's name when several
/// are merged, none for a listing of its own.
pub fn labels(types: &[Option<TaskType>]) -> Vec<String> {
    types
        .iter()
        .map(|task_type| match task_type {
            Some(t) if types.len() > 1 => t.as_api_str().to_string(),
            _ => String::new(),
        })
        .collect()
}

/// A page on its way, boxed so that the listings of several types are of one type.
pub type PageFuture<'a> = Pin<Box<dyn Future<Output = Result<PageBody>> + 'a>>;

/// The listings of `dataset_id`'s tasks of each of `types` (none: the API's default)
/// named like `task_name`, `limit` a page, as paging takes them: `(label, fetch)`,
/// where `fetch(offset)` gets the answer to one value of the API's `offset`.
pub fn sources<'a>(
    client: &'a Client,
    dataset_id: &'a Id,
    types: &[Option<TaskType>],
    task_name: Option<&'a str>,
    limit: u32,
) -> Vec<(String, impl Fn(u64) -> PageFuture<'a> + 'a)> {
    labels(types)
        .into_iter()
        .zip(types.iter().copied())
        .map(move |(label, task_type)| {
            let fetch = move |offset: u64| -> PageFuture<'a> {
                Box::pin(async move {
                    let query = ListQuery {
                        limit,
                        offset,
                        task_type,
                        task_name: task_name.map(str::to_string),
                    };
                    list_tasks(client, dataset_id, &query).await
                })
            };
            (label, fetch)
        })
        .collect()
}

/// One task's details: `GET /v2/{project_id}/datasets/{dataset_id}/tasks/{task_id}`.
pub async fn get_task(client: &Client, dataset_id: &Id, task_id: &Id) -> Result<Vec<u8>> {
    let segments = ["datasets", dataset_id.as_str(), "tasks", task_id.as_str()];
    let body = client.get(&segments, &[]).await?;
    // The object itself is shown as the server wrote it; it only has to be one. Checked
    // without building it: callers read the fields they need.
    let malformed = |why: &str| Malformed(format!("malformed response for task {task_id}: {why}"));
    let value: &RawValue = serde_json::from_slice(&body).context(malformed("not JSON"))?;
    if !value.get().starts_with('{') {
        return Err(malformed("not a JSON object").into());
    }
    Ok(body)
}

/// The path of a dataset's task list, where tasks are started.
pub fn tasks_path(dataset_id: &Id) -> [&str; 3] {
    ["datasets", dataset_id.as_str(), "tasks"]
}

/// The path that stops a task.
pub fn stop_path<'a>(dataset_id: &'a Id, task_id: &'a Id) -> [&'a str; 5] {
    [
        "datasets",
        dataset_id.as_str(),
        "tasks",
        task_id.as_str(),
        "stop",
    ]
}

/// Start a task: `POST .../datasets/{dataset_id}/tasks` with `body`, sent once (a
/// second try could start a second task). The answer as the server wrote it.
pub async fn create_task(client: &Client, dataset_id: &Id, body: Vec<u8>) -> Result<Vec<u8>> {
    client
        .call(
            Method::POST,
            &tasks_path(dataset_id),
            &[],
            Some(body),
            Retry::Never,
        )
        .await
}

/// The `task_id` of CreateTask's answer, checked as an ID.
pub fn created_task_id(answer: &[u8]) -> Result<Id> {
    #[derive(serde::Deserialize)]
    struct Created {
        task_id: String,
    }
    let created: Created = serde_json::from_slice(answer).map_err(|e| {
        Malformed(format!(
            "malformed answer to starting a task: no task ID ({e})"
        ))
    })?;
    Ok(Id::new(
        IdKind::Task,
        &created.task_id,
        Origin::Service("the answer to starting a task".to_string()),
    )?)
}

/// Stop a task: `POST .../tasks/{task_id}/stop`. Stopping twice is stopping once, so
/// it is retried as a read is.
pub async fn stop_task(client: &Client, dataset_id: &Id, task_id: &Id) -> Result<()> {
    client
        .call(
            Method::POST,
            &stop_path(dataset_id, task_id),
            &[],
            None,
            Retry::Idempotent,
        )
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_parameters() {
        let q = ListQuery {
            limit: 10,
            offset: 0,
            task_type: Some(TaskType::PreLabel),
            task_name: Some("a b".into()),
        };
        assert_eq!(
            q.params(),
            [
                ("limit", "10".to_string()),
                ("offset", "0".to_string()),
                ("type", "pre-label".to_string()),
                ("task_name", "a b".to_string())
            ]
        );
    }
}
