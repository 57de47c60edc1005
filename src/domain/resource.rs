//! The lists the API pages through, described by what their answers call things: the
//! array of items, the total, and the field that tells two items apart. Paging, the
//! removal of repeats and the output take such a description, so that any list works
//! as the tasks do.

/// One list of the API.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Resource {
    /// An item in messages: `task`.
    pub singular: &'static str,
    /// The items in messages: `tasks`.
    pub plural: &'static str,
    /// The array of items in an answer: `tasks`.
    pub items_key: &'static str,
    /// The answer's total: `total_count`.
    pub total_key: &'static str,
    /// What tells two items apart: `task_id`.
    pub id_key: &'static str,
}

impl Resource {
    /// `singular` or `plural`, as `n` asks.
    pub fn noun(&self, n: u64) -> &'static str {
        if n == 1 { self.singular } else { self.plural }
    }

    /// A dataset's intelligent tasks (ListTasks).
    pub const TASKS: Resource = Resource {
        singular: "task",
        plural: "tasks",
        items_key: "tasks",
        total_key: "total_count",
        id_key: "task_id",
    };

    /// The project's datasets (ListDatasets).
    pub const DATASETS: Resource = Resource {
        singular: "dataset",
        plural: "datasets",
        items_key: "datasets",
        total_key: "total_number",
        id_key: "dataset_id",
    };

    /// A dataset's import tasks.
    pub const IMPORT_TASKS: Resource = Resource {
        singular: "import task",
        plural: "import tasks",
        items_key: "import_tasks",
        total_key: "total_count",
        id_key: "task_id",
    };

    /// A dataset's export tasks.
    pub const EXPORT_TASKS: Resource = Resource {
        singular: "export task",
        plural: "export tasks",
        items_key: "export_tasks",
        total_key: "total_count",
        id_key: "task_id",
    };

    /// A dataset's versions.
    pub const VERSIONS: Resource = Resource {
        singular: "version",
        plural: "versions",
        items_key: "versions",
        total_key: "total_number",
        id_key: "version_id",
    };

    /// A dataset's team labeling tasks.
    pub const TEAM_TASKS: Resource = Resource {
        singular: "team labeling task",
        plural: "team labeling tasks",
        items_key: "tasks",
        total_key: "count",
        id_key: "task_id",
    };
}
