//! The ListDatasets API, as much of it as matasks reads: the first dataset and how many
//! there are.

use crate::Reply;
use crate::routes::Call;

/// `GET /v2/{project}/datasets`: the first dataset by ID, and how many there are.
pub(crate) fn list_datasets(call: &Call) -> Reply {
    let datasets = &call.shared.catalog.datasets;
    let first = datasets.keys().min().cloned().unwrap_or_default();
    Reply::json(
        200,
        format!(
            r#"{{"datasets":[{{"dataset_id":"{first}"}}],"total_number":{}}}"#,
            datasets.len()
        ),
    )
}
