//! What a table shows of the lists other than tasks: datasets, versions, import and
//! export tasks, team labeling tasks. Each column reads its fields of an [`Item`];
//! codes are named as the API reference names them.

use super::table::{Layout, View};
use crate::domain::item::Item;
use crate::domain::resource::Resource;

/// One column: its header, and what it shows of an item.
pub struct ItemColumn {
    pub header: &'static str,
    pub show: fn(&Item) -> String,
    pub right_aligned: bool,
}

const fn column(header: &'static str, show: fn(&Item) -> String) -> ItemColumn {
    ItemColumn {
        header,
        show,
        right_aligned: false,
    }
}

const fn number(header: &'static str, show: fn(&Item) -> String) -> ItemColumn {
    ItemColumn {
        header,
        show,
        right_aligned: true,
    }
}

/// Dataset types, from the dataset list reference.
const DATASET_TYPES: &[(i64, &str)] = &[
    (0, "image classification"),
    (1, "object detection"),
    (3, "image segmentation"),
    (100, "text classification"),
    (101, "named entity recognition"),
    (102, "text triplet"),
    (200, "sound classification"),
    (201, "speech content"),
    (202, "speech paragraph labeling"),
    (400, "table"),
    (600, "video labeling"),
    (900, "custom format"),
];

/// Dataset statuses, from the dataset list reference.
const DATASET_STATUSES: &[(i64, &str)] = &[
    (0, "creating"),
    (1, "normal"),
    (2, "deleting"),
    (3, "deleted"),
    (4, "abnormal"),
    (5, "synchronizing"),
    (6, "releasing"),
    (7, "switching version"),
    (8, "importing"),
];

/// Version statuses, from the version list reference.
const VERSION_STATUSES: &[(i64, &str)] = &[
    (0, "creating"),
    (1, "running"),
    (2, "deleting"),
    (3, "deleted"),
    (4, "error"),
];

/// Team labeling task statuses, from the team labeling task list reference.
const TEAM_TASK_STATUSES: &[(i64, &str)] = &[
    (0, "starting"),
    (1, "running"),
    (2, "accepting"),
    (3, "accepted"),
    (5, "syncing acceptance"),
    (6, "created"),
    (7, "sampling acceptance"),
];

/// A dataset's running tasks, when the answer says (`check_running_task=true`): one or
/// two by ID, more by their number.
fn running(item: &Item) -> String {
    match item.strings("running_tasks_id") {
        Some(ids) if ids.is_empty() => "none".to_string(),
        Some(ids) if ids.len() <= 2 => crate::domain::field::show(&ids.join(", ")),
        Some(ids) => format!("{} tasks", ids.len()),
        None if item.is_true("exist_running_task") => "yes".to_string(),
        None => item.flag("exist_running_task"),
    }
}

/// Every column a dataset table can show, in [`DatasetColumn`]'s order.
const DATASETS: &[ItemColumn] = &[
    column("ID", |i| i.text("dataset_id")),
    column("NAME", |i| i.text("dataset_name")),
    column("TYPE", |i| i.coded("dataset_type", DATASET_TYPES)),
    column("STATUS", |i| i.coded("status", DATASET_STATUSES)),
    number("SAMPLES", |i| {
        i.pair("annotated_sample_count", "total_sample_count")
    }),
    column("RUNNING", running),
    number("AGE", |i| i.age("create_time")),
    column("CREATED", |i| i.time("create_time")),
    column("VERSION", |i| i.text("current_version_name")),
    column("DESCRIPTION", |i| i.text("description")),
];

/// A column of the dataset table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DatasetColumn {
    Id,
    Name,
    Type,
    Status,
    /// Labeled samples of all
    Samples,
    /// The tasks running in the dataset
    Running,
    /// How long ago the dataset was created: 45s, 3m, 2h, 5d
    Age,
    /// When the dataset was created, in the local time zone (or UTC with --utc)
    Created,
    /// The current version's name
    Version,
    Description,
}

/// The dataset columns without `--columns` or `--wide`.
pub const DATASET_DEFAULT_COLUMNS: [DatasetColumn; 7] = [
    DatasetColumn::Id,
    DatasetColumn::Name,
    DatasetColumn::Type,
    DatasetColumn::Status,
    DatasetColumn::Samples,
    DatasetColumn::Running,
    DatasetColumn::Age,
];

/// What `--wide` adds to the dataset table.
pub const DATASET_WIDE_COLUMNS: [DatasetColumn; 3] = [
    DatasetColumn::Created,
    DatasetColumn::Version,
    DatasetColumn::Description,
];

/// The dataset table of `columns`, in their order; of them, only those in `droppable`
/// may be left out to fit a narrow terminal.
pub fn dataset_table(columns: &[DatasetColumn], droppable: &[DatasetColumn]) -> ItemTable {
    ItemTable {
        columns: columns.iter().map(|&c| &DATASETS[c as usize]).collect(),
        droppable: columns.iter().map(|c| droppable.contains(c)).collect(),
    }
}

const IMPORT_TASKS: &[ItemColumn] = &[
    column("ID", |i| i.text("task_id")),
    column("STATUS", |i| i.text("status")),
    column("PATH", |i| i.text("import_path")),
    number("IMPORTED", |i| {
        i.pair("imported_sample_count", "total_sample_count")
    }),
    number("ANNOTATED", |i| i.text("annotated_sample_count")),
    column("CREATED", |i| i.time("create_time")),
    number("ELAPSED", |i| i.text("elapsed_time")),
];

const EXPORT_TASKS: &[ItemColumn] = &[
    column("ID", |i| i.text("task_id")),
    column("STATUS", |i| i.text("status")),
    column("PATH", |i| i.text("path")),
    number("PROGRESS", |i| i.text("progress")),
    number("SAMPLES", |i| {
        i.pair("finished_sample_count", "total_sample_count")
    }),
    column("CREATED", |i| i.time("create_time")),
];

const VERSIONS: &[ItemColumn] = &[
    column("ID", |i| i.text("version_id")),
    column("NAME", |i| i.text("version_name")),
    column("STATUS", |i| i.coded("status", VERSION_STATUSES)),
    number("SAMPLES", |i| {
        i.pair("annotated_sample_count", "total_sample_count")
    }),
    column("CURRENT", |i| i.flag("is_current")),
    column("CREATED", |i| i.time("create_time")),
];

const TEAM_TASKS: &[ItemColumn] = &[
    column("ID", |i| i.text("task_id")),
    column("NAME", |i| i.text("task_name")),
    column("STATUS", |i| i.coded("status", TEAM_TASK_STATUSES)),
    column("CREATED", |i| i.time("create_time")),
    column("UPDATED", |i| i.time("update_time")),
];

/// The table of a list other than tasks; none for tasks, whose table is their own.
pub fn view_of(resource: Resource) -> Option<ItemTable> {
    let columns = match resource {
        Resource::DATASETS => {
            return Some(dataset_table(
                &DATASET_DEFAULT_COLUMNS,
                &DATASET_DEFAULT_COLUMNS,
            ));
        }
        Resource::IMPORT_TASKS => IMPORT_TASKS,
        Resource::EXPORT_TASKS => EXPORT_TASKS,
        Resource::VERSIONS => VERSIONS,
        Resource::TEAM_TASKS => TEAM_TASKS,
        _ => return None,
    };
    Some(ItemTable {
        columns: columns.iter().collect(),
        droppable: vec![true; columns.len()],
    })
}

/// A table of items, by its columns.
pub struct ItemTable {
    columns: Vec<&'static ItemColumn>,
    /// Whether each column may be left out to fit a narrow terminal: not one asked for.
    droppable: Vec<bool>,
}

impl View for ItemTable {
    fn layout(&self) -> Vec<Layout> {
        let last = self.columns.len();
        self.columns
            .iter()
            .zip(&self.droppable)
            .enumerate()
            .map(|(n, (c, &droppable))| Layout {
                header: c.header,
                right_aligned: c.right_aligned,
                // Names and paths are free text: cut before other columns go.
                cut_to_fit: matches!(c.header, "NAME" | "PATH"),
                // The rightmost go first; ID and NAME stay.
                drop_rank: (droppable && !matches!(c.header, "ID" | "NAME"))
                    .then(|| u8::try_from(last - n).unwrap_or(u8::MAX)),
                coloured: false,
            })
            .collect()
    }

    fn cells(&self, raw: &str, cells: &mut Vec<String>) -> Option<u8> {
        let item = Item::parse(raw);
        cells.extend(self.columns.iter().map(|c| (c.show)(&item)));
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::page::Page;
    use crate::output::{OutputFormat, sink_for};

    /// The reference's example of each list, as printed there.
    const EXAMPLES: &[(Resource, &str)] = &[
        (
            Resource::DATASETS,
            include_str!("../../tests/fixtures/api/querying_the_dataset_list.json"),
        ),
        (
            Resource::IMPORT_TASKS,
            include_str!("../../tests/fixtures/api/querying_the_dataset_import_task_list.json"),
        ),
        (
            Resource::EXPORT_TASKS,
            include_str!("../../tests/fixtures/api/querying_the_dataset_export_task_list.json"),
        ),
        (
            Resource::VERSIONS,
            include_str!("../../tests/fixtures/api/querying_the_dataset_version_list.json"),
        ),
        (
            Resource::TEAM_TASKS,
            include_str!(
                "../../tests/fixtures/api/querying_the_team_labeling_task_list_of_a_dataset.json"
            ),
        ),
    ];

    fn render(resource: Resource, example: &str, format: OutputFormat) -> String {
        let page = Page::parse(example.as_bytes(), resource).unwrap();
        let mut out = Vec::new();
        {
            let mut sink = sink_for(resource, format, &mut out, Default::default());
            sink.begin(&page).unwrap();
            for item in &page.items {
                sink.item(item).unwrap();
            }
            sink.page_done().unwrap();
            sink.finish().unwrap();
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn every_list_example_renders_whole_in_every_format() {
        for &(resource, example) in EXAMPLES {
            let expected: serde_json::Value = serde_json::from_str(example).unwrap();
            let items = expected[resource.items_key].as_array().unwrap();
            assert!(!items.is_empty(), "{}", resource.plural);
            // JSON: the same document, every field kept.
            let json: serde_json::Value =
                serde_json::from_str(&render(resource, example, OutputFormat::Json)).unwrap();
            assert_eq!(json, expected, "{}", resource.plural);
            // NDJSON: the items, one a line.
            let lines: Vec<serde_json::Value> = render(resource, example, OutputFormat::Ndjson)
                .lines()
                .map(|l| serde_json::from_str(l).unwrap())
                .collect();
            assert_eq!(&lines, items, "{}", resource.plural);
            // The table: a row per item, every cell filled, as the examples have each
            // value the columns show.
            let table = render(resource, example, OutputFormat::Table);
            let mut lines = table.lines();
            let header = lines.next().unwrap();
            let columns = view_of(resource).unwrap().columns;
            assert_eq!(
                header.split_whitespace().collect::<Vec<_>>(),
                columns.iter().map(|c| c.header).collect::<Vec<_>>()
            );
            for (item, line) in items.iter().zip(lines) {
                let cells = {
                    let mut cells = Vec::new();
                    view_of(resource)
                        .unwrap()
                        .cells(&item.to_string(), &mut cells);
                    cells
                };
                for (column, cell) in columns.iter().zip(&cells) {
                    assert_ne!(cell, "-", "{} {}: {line}", resource.plural, column.header);
                    assert!(line.contains(cell.as_str()), "{cell} in {line}");
                }
            }
            assert_eq!(table.lines().count(), items.len() + 1);
        }
    }

    #[test]
    fn codes_are_named_and_ages_shown() {
        let (resource, example) = EXAMPLES[0];
        let table = render(resource, example, OutputFormat::Table);
        let first = table.lines().nth(1).unwrap();
        assert!(
            first.starts_with("gfghHSokody6AJigS5A  dataset-f9e8"),
            "{first}"
        );
        assert!(first.contains("image classification  normal"), "{first}");
        let age = crate::domain::field::age(&Some("1605690595404".into()));
        assert!(first.ends_with(&format!("  {age}")), "{first}");
    }
}
