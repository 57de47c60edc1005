//! The lists the API pages through, described by what their answers call things: the
//! array of items, the total, and the field that tells two items apart. Paging, the
//! removal of repeats and the output take such a description, so that any list works
//! as the tasks do.

/// The page size the lists use when asked for none.
pub const DEFAULT_PAGE_SIZE: u32 = 10;

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
    /// A total the reference says the server never reports more than: a total of
    /// this much may stand for more, so the listing goes on until the pages run out.
    pub total_cap: Option<u64>,
}

impl Resource {
    /// `singular` or `plural`, as `n` asks.
    pub fn noun(&self, n: u64) -> &'static str {
        if n == 1 { self.singular } else { self.plural }
    }

    /// A page's total as a count to plan by: none when it is the cap, which only
    /// says "at least this many" (a total above the cap shows the cap does not hold).
    pub fn known_total(&self, total: Option<u64>) -> Option<u64> {
        total.filter(|&t| self.total_cap != Some(t))
    }

    /// A dataset's intelligent tasks (ListTasks).
    pub const TASKS: Resource = Resource {
        singular: "task",
        plural: "tasks",
        items_key: "tasks",
        total_key: "total_count",
        id_key: "task_id",
        total_cap: None,
    };

    /// The project's datasets (ListDatasets), whose reference says `total_number`
    /// "cannot exceed 100".
    pub const DATASETS: Resource = Resource {
        singular: "dataset",
        plural: "datasets",
        items_key: "datasets",
        total_key: "total_number",
        id_key: "dataset_id",
        total_cap: Some(100),
    };

    /// A dataset's import tasks.
    pub const IMPORT_TASKS: Resource = Resource {
        singular: "import task",
        plural: "import tasks",
        items_key: "import_tasks",
        total_key: "total_count",
        id_key: "task_id",
        total_cap: None,
    };

    /// A dataset's export tasks.
    pub const EXPORT_TASKS: Resource = Resource {
        singular: "export task",
        plural: "export tasks",
        items_key: "export_tasks",
        total_key: "total_count",
        id_key: "task_id",
        total_cap: None,
    };

    /// A dataset's versions.
    pub const VERSIONS: Resource = Resource {
        singular: "version",
        plural: "versions",
        items_key: "versions",
        total_key: "total_number",
        id_key: "version_id",
        total_cap: None,
    };

    /// A dataset's team labeling tasks.
    pub const TEAM_TASKS: Resource = Resource {
        singular: "team labeling task",
        plural: "team labeling tasks",
        items_key: "tasks",
        total_key: "count",
        id_key: "task_id",
        total_cap: None,
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_total_at_the_cap_is_no_count() {
        assert_eq!(Resource::DATASETS.known_total(Some(99)), Some(99));
        assert_eq!(Resource::DATASETS.known_total(Some(100)), None);
        assert_eq!(Resource::DATASETS.known_total(None), None);
        assert_eq!(Resource::DATASETS.known_total(Some(250)), Some(250));
        assert_eq!(Resource::TASKS.known_total(Some(100)), Some(100));
        assert_eq!(Resource::TASKS.known_total(Some(u64::MAX)), Some(u64::MAX));
    }
}
