//! A dataset's intelligent tasks: `GET /v2/{project_id}/datasets/{dataset_id}/tasks`,
//! one page at a time, and one task's details.

use anyhow::{Context, Result};
use serde_json::value::RawValue;

use crate::api::client::Client;
use crate::api::page::PageBody;
use crate::domain::id::Id;
use crate::domain::resource::Resource;
use crate::domain::task::TaskType;
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
        if let Some(t) = self.task_type {
            params.push(("type", t.as_api_str().to_string()));
        }
        if let Some(name) = &self.task_name {
            params.push(("task_name", name.clone()));
        }
        params
    }
}

/// Fetch one page of a dataset's tasks.
pub async fn list_tasks(client: &Client, dataset_id: &Id, query: &ListQuery) -> Result<PageBody> {
    let params = query.params();
    let pairs: Vec<(&str, &str)> = params.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let segments = ["datasets", dataset_id.as_str(), "tasks"];
    let body = client.get(&segments, &pairs).await?;
    Ok(PageBody::new(
        body,
        Resource::TASKS,
        format!("tasks of dataset {dataset_id} (offset {})", query.offset),
    ))
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
