//! The project's datasets: `GET /v2/{project_id}/datasets`.

use anyhow::Result;
use serde_json::value::RawValue;

use crate::api::client::Client;
use crate::api::page::total;
use crate::util::error::Malformed;

/// How many datasets the project has, from a one-dataset page of
/// `GET /v2/{project_id}/datasets`: the cheapest authenticated read without a dataset.
pub async fn count_datasets(client: &Client) -> Result<Option<u64>> {
    #[derive(serde::Deserialize)]
    struct Datasets<'a> {
        #[serde(borrow)]
        total_number: Option<&'a RawValue>,
    }
    let body = client.get(&["datasets"], &[("limit", "1")]).await?;
    let malformed =
        |why: String| Malformed(format!("the list of datasets is not the API's JSON: {why}"));
    let page: Datasets = serde_json::from_slice(&body).map_err(|e| malformed(e.to_string()))?;
    Ok(total("total_number", page.total_number).map_err(malformed)?)
}
