//! The project's datasets: `GET /v2/{project_id}/datasets`, one page at a time.

use anyhow::Result;

use crate::api::client::Client;
use crate::api::page::PageBody;
use crate::domain::resource::Resource;

/// The order the server lists datasets in: by `sort_by`, `order`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatasetOrder {
    Created,
    Name,
}

/// The query of one ListDatasets request.
#[derive(Debug, Clone, Default)]
pub struct DatasetQuery {
    pub limit: u32,
    /// The `offset` parameter exactly as the API receives it.
    pub offset: u64,
    /// `search_content`: the server's fuzzy search.
    pub search: Option<String>,
    /// `check_running_task=true`: each dataset says which tasks run in it.
    pub check_running: bool,
    /// `sort_by` and `order` (descending when true); the server's default when none.
    pub order: Option<(DatasetOrder, bool)>,
}

impl DatasetQuery {
    fn params(&self) -> Vec<(&'static str, String)> {
        let mut params = vec![
            ("limit", self.limit.to_string()),
            ("offset", self.offset.to_string()),
        ];
        if let Some(search) = &self.search {
            params.push(("search_content", search.clone()));
        }
        if self.check_running {
            params.push(("check_running_task", "true".to_string()));
        }
        if let Some((by, descending)) = self.order {
            let by = match by {
                DatasetOrder::Created => "create_time",
                DatasetOrder::Name => "dataset_name",
            };
            params.push(("sort_by", by.to_string()));
            params.push(("order", if descending { "desc" } else { "asc" }.to_string()));
        }
        params
    }
}

/// What a listing by `query` holds (its paging aside), as one line of text: where its
/// total is remembered.
pub fn listing(client: &Client, query: &DatasetQuery) -> String {
    client.listing(&["datasets"], &query.params())
}

/// Fetch one page of the project's datasets.
pub async fn list_datasets(client: &Client, query: &DatasetQuery) -> Result<PageBody> {
    let params = query.params();
    let pairs: Vec<(&str, &str)> = params.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let body = client.get(&["datasets"], &pairs).await?;
    Ok(PageBody::new(
        body,
        Resource::DATASETS,
        format!("the project's datasets (offset {})", query.offset),
    ))
}

/// How many datasets the project has, from a one-dataset page: the cheapest
/// authenticated read without a dataset.
pub async fn count_datasets(client: &Client) -> Result<Option<u64>> {
    let query = DatasetQuery {
        limit: 1,
        ..DatasetQuery::default()
    };
    let page = list_datasets(client, &query).await?;
    Ok(page.parse()?.total_count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_parameters() {
        let query = DatasetQuery {
            limit: 100,
            offset: 2,
            search: Some("signs".into()),
            check_running: true,
            order: Some((DatasetOrder::Name, false)),
        };
        assert_eq!(
            query.params(),
            [
                ("limit", "100".to_string()),
                ("offset", "2".to_string()),
                ("search_content", "signs".to_string()),
                ("check_running_task", "true".to_string()),
                ("sort_by", "dataset_name".to_string()),
                ("order", "asc".to_string()),
            ]
        );
        let plain = DatasetQuery {
            limit: 10,
            ..DatasetQuery::default()
        };
        assert_eq!(
            plain.params(),
            [("limit", "10".to_string()), ("offset", "0".to_string())]
        );
        let newest = DatasetQuery {
            limit: 10,
            order: Some((DatasetOrder::Created, true)),
            ..DatasetQuery::default()
        };
        assert!(
            newest
                .params()
                .contains(&("sort_by", "create_time".to_string()))
        );
        assert!(newest.params().contains(&("order", "desc".to_string())));
    }
}
