//! The project's datasets: `GET /v2/{project_id}/datasets`.

use anyhow::Result;

use crate::api::client::Client;
use crate::api::page::PageBody;
use crate::domain::resource::Resource;

/// How many datasets the project has, from a one-dataset page of
/// `GET /v2/{project_id}/datasets`: the cheapest authenticated read without a dataset.
pub async fn count_datasets(client: &Client) -> Result<Option<u64>> {
    let body = client.get(&["datasets"], &[("limit", "1")]).await?;
    let page = PageBody::new(body, Resource::DATASETS, "the project's datasets".into());
    Ok(page.parse()?.total_count)
}
