//! The ListDatasets API: the project's datasets by page, searched by name, with their
//! running tasks when asked, in the API's own pretty style.

use crate::routes::Call;
use crate::{Reply, Shared, Tasks, json_string};

/// When the first dataset (by ID) was created, in epoch milliseconds; each next one was
/// created an hour earlier, so that the order by ID is also the API's default order,
/// newest first.
const FIRST_CREATED_MS: i64 = 1_764_000_000_000;
const HOUR_MS: i64 = 3_600_000;

/// One dataset as a listing shows it.
struct Dataset<'a> {
    id: &'a str,
    name: String,
    tasks: &'a Tasks,
    /// Its place among all the project's datasets by ID, whatever the query.
    index: usize,
}

impl Dataset<'_> {
    /// The IDs of its tasks that are queued, initializing or running: those started
    /// through CreateTask, newest first, then its own, in its order (as ListTasks lists
    /// them); and whether there is any (a task without an ID counts, unnamed).
    fn running_tasks(&self, shared: &Shared) -> (bool, Vec<String>) {
        let mut ids: Vec<String> = shared
            .created
            .lock()
            .unwrap()
            .iter()
            .rev()
            .filter(|s| s.task.dataset_id == self.id && s.is_running())
            .map(|s| s.task.task_id.clone())
            .collect();
        let mut any = !ids.is_empty();
        // Generated tasks have all finished.
        if !self.tasks.is_generated() {
            for i in 0..self.tasks.len() {
                let meta = self.tasks.meta(i);
                if meta.is_running() {
                    any = true;
                    ids.extend(meta.task_id);
                }
            }
        }
        (any, ids)
    }

    /// Its JSON object, written as the API writes it; with `running` (from
    /// [`Dataset::running_tasks`]) when the query asked for it.
    fn item(&self, running: Option<&(bool, Vec<String>)>) -> String {
        let count = self.tasks.len();
        let total_samples = 100 + 20 * count.min(1000);
        let annotated_samples = total_samples * 3 / 4;
        let create_time = FIRST_CREATED_MS - self.index as i64 * HOUR_MS;
        let mut item = format!(
            "{{\n    \"dataset_id\" : {},\n    \"dataset_name\" : {},\n    \
             \"dataset_type\" : 1,\n    \"status\" : 1,\n    \
             \"create_time\" : {create_time},\n    \"description\" : \"\",\n    \
             \"current_version_name\" : \"V001\",\n    \
             \"total_sample_count\" : {total_samples},\n    \
             \"annotated_sample_count\" : {annotated_samples},\n    \
             \"workspace_id\" : \"0\"",
            json_string(self.id),
            json_string(&self.name),
        );
        if let Some((any, ids)) = running {
            let ids = ids.iter().map(|id| json_string(id)).collect::<Vec<_>>();
            let ids = if ids.is_empty() {
                "[ ]".to_string()
            } else {
                format!("[ {} ]", ids.join(", "))
            };
            item.push_str(&format!(
                ",\n    \"exist_running_task\" : {any},\n    \"running_tasks_id\" : {ids}"
            ));
        }
        item.push_str("\n  }");
        item
    }
}

/// `GET /v2/{project}/datasets`: ListDatasets, by dataset ID (which is also newest
/// first). `search_content` keeps the datasets whose name or ID holds it, whatever the
/// case; `check_running_task=true` adds each dataset's running tasks, and with
/// [`Setup::running_filter`](crate::Setup::running_filter) keeps only the datasets that
/// have one. `total_number` counts what the search and filter keep, up to
/// [`Setup::dataset_total_cap`](crate::Setup::dataset_total_cap).
pub(crate) fn list_datasets(call: &Call) -> Reply {
    let (req, shared) = (call.req, call.shared);
    let window = match call.page_window() {
        Ok(window) => window,
        Err(refusal) => return refusal,
    };
    let check_running = match req.param("check_running_task") {
        None | Some("false") => false,
        Some("true") => true,
        Some(_) => {
            return Reply::api_error(
                400,
                "ModelArts.4101",
                "Invalid parameter: check_running_task",
            );
        }
    };
    let search = req
        .param("search_content")
        .filter(|s| !s.is_empty())
        .map(str::to_lowercase);
    let mut ids: Vec<&String> = shared.catalog.datasets.keys().collect();
    ids.sort();
    let mut listed = Vec::new();
    for (index, id) in ids.into_iter().enumerate() {
        let dataset = Dataset {
            id,
            name: shared
                .setup
                .dataset_names
                .get(id)
                .cloned()
                .unwrap_or_else(|| format!("dataset-{id}")),
            tasks: &shared.catalog.datasets[id],
            index,
        };
        if let Some(search) = &search
            && !dataset.name.to_lowercase().contains(search)
            && !dataset.id.to_lowercase().contains(search)
        {
            continue;
        }
        // Read here only to filter; else only for the datasets of the page.
        let filtering = check_running && shared.setup.running_filter;
        let running = filtering.then(|| dataset.running_tasks(shared));
        if running.as_ref().is_some_and(|(any, _)| !any) {
            continue;
        }
        listed.push((dataset, running));
    }
    let total = listed.len();
    let reported = shared
        .setup
        .dataset_total_cap
        .map_or(total, |cap| total.min(cap));
    let page = window.start.min(total)..window.end.min(total);
    let items: Vec<String> = listed[page]
        .iter()
        .map(|(dataset, running)| {
            let running = match running {
                Some(running) => Some(running.clone()),
                None => check_running.then(|| dataset.running_tasks(shared)),
            };
            dataset.item(running.as_ref())
        })
        .collect();
    let items = if items.is_empty() {
        "[ ]".to_string()
    } else {
        format!("[ {} ]", items.join(", "))
    };
    Reply::json(
        200,
        format!("{{\n  \"datasets\" : {items},\n  \"total_number\" : {reported}\n}}"),
    )
}
