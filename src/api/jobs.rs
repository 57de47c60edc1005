//! A dataset's jobs of any [`Kind`]: `GET /v2/{project_id}/datasets/{dataset_id}/
//! {collection}`, one page at a time, and one job's details at `.../{collection}/{id}`.

use anyhow::{Context, Result};
use serde_json::value::RawValue;

use crate::api::client::Client;
use crate::api::page::PageBody;
use crate::api::tasks::PageFuture;
use crate::domain::id::Id;
use crate::domain::kind::Kind;
use crate::util::error::Malformed;

/// Fetch one page of `dataset_id`'s jobs of `kind`: `limit` of them, at the API's
/// `offset`.
pub async fn list_jobs(
    client: &Client,
    dataset_id: &Id,
    kind: &Kind,
    limit: u32,
    offset: u64,
) -> Result<PageBody> {
    let (limit, offset) = (limit.to_string(), offset.to_string());
    let path = ["datasets", dataset_id.as_str(), kind.collection];
    let body = client
        .get(&path, &[("limit", &limit), ("offset", &offset)])
        .await?;
    Ok(PageBody::new(
        body,
        kind.resource,
        format!(
            "{} of dataset {dataset_id} (offset {offset})",
            kind.resource.plural
        ),
    ))
}

/// The name of the listing of `dataset_id`'s jobs of `kind`, under which its total is
/// remembered.
pub fn listing(client: &Client, dataset_id: &Id, kind: &Kind) -> String {
    client.listing(&["datasets", dataset_id.as_str(), kind.collection], &[])
}

/// The listing of `dataset_id`'s jobs of `kind`, `limit` a page, as paging takes it:
/// `(label, fetch)`, where `fetch(offset)` gets the answer to one value of `offset`.
pub fn sources<'a>(
    client: &'a Client,
    dataset_id: &'a Id,
    kind: &'a Kind,
    limit: u32,
) -> Vec<(String, impl Fn(u64) -> PageFuture<'a> + 'a)> {
    let fetch = move |offset: u64| -> PageFuture<'a> {
        Box::pin(async move { list_jobs(client, dataset_id, kind, limit, offset).await })
    };
    vec![(String::new(), fetch)]
}

/// One job's details, as the server wrote them (checked to be a JSON object).
pub async fn get_job(client: &Client, dataset_id: &Id, kind: &Kind, id: &Id) -> Result<Vec<u8>> {
    let path = [
        "datasets",
        dataset_id.as_str(),
        kind.collection,
        id.as_str(),
    ];
    let body = client.get(&path, &[]).await?;
    let malformed = |why: &str| {
        Malformed(format!(
            "malformed response for {} {id}: {why}",
            kind.resource.singular
        ))
    };
    let value: &RawValue = serde_json::from_slice(&body).context(malformed("not JSON"))?;
    if !value.get().starts_with('{') {
        return Err(malformed("not a JSON object").into());
    }
    Ok(body)
}
