//! What a table shows of the lists other than tasks: datasets, and the jobs of each
//! [`Kind`] (versions, import and export tasks, team labeling tasks), whose columns
//! their descriptions give. Each column reads its fields of an [`Item`]; codes are
//! named as the API reference names them.

use std::collections::HashMap;
use std::rc::Rc;

use super::table::{Layout, View, outcome_code};
use crate::domain::item::Item;
use crate::domain::kind::{JobColumn, Kind, Show};
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

/// The table of a list other than tasks, with its default columns; none for tasks,
/// whose table is their own.
pub fn view_of(resource: Resource) -> Option<Box<dyn View>> {
    if resource == Resource::DATASETS {
        return Some(Box::new(dataset_table(
            &DATASET_DEFAULT_COLUMNS,
            &DATASET_DEFAULT_COLUMNS,
        )));
    }
    let kind = Kind::ALL.iter().find(|k| k.resource == resource)?;
    let columns = kind.default_columns();
    Some(Box::new(job_table(kind, &columns, &columns, None)))
}

/// The table of jobs of `kind`: `columns` of its description, in their order; of them,
/// only those in `droppable` may be left out to fit a narrow terminal. STATUS is
/// coloured by what the status says of the job. With `datasets` (the names of the
/// datasets by ID), a DATASET column comes first: the dataset each job was listed from.
pub fn job_table(
    kind: &Kind,
    columns: &[&'static JobColumn],
    droppable: &[&'static JobColumn],
    datasets: Option<Rc<HashMap<String, String>>>,
) -> JobTable {
    JobTable {
        kind: *kind,
        droppable: columns.iter().map(|c| droppable.contains(c)).collect(),
        columns: columns.to_vec(),
        datasets,
        dataset: None,
    }
}

/// A table of one kind's jobs.
pub struct JobTable {
    kind: Kind,
    columns: Vec<&'static JobColumn>,
    droppable: Vec<bool>,
    /// The datasets' names, when a DATASET column shows them.
    datasets: Option<Rc<HashMap<String, String>>>,
    /// The dataset the jobs now arriving were listed from.
    dataset: Option<String>,
}

impl View for JobTable {
    fn layout(&self) -> Vec<Layout> {
        let last = self.columns.len();
        // Cut to fit as names are, and given up last.
        let dataset = self.datasets.as_ref().map(|_| Layout {
            header: "DATASET",
            right_aligned: false,
            cut_to_fit: true,
            drop_rank: Some(u8::try_from(last + 1).unwrap_or(u8::MAX)),
            coloured: false,
        });
        let columns = self.columns.iter().map(|c| Layout {
            header: c.header,
            right_aligned: c.right_aligned,
            cut_to_fit: matches!(c.name, "name" | "path" | "description"),
            drop_rank: None,
            coloured: c.show == Show::Status,
        });
        let stay = |c: &Layout| matches!(c.header, "ID" | "STATUS") || c.header.contains("NAME");
        let columns = ranked(columns, &self.droppable, stay);
        dataset.into_iter().chain(columns).collect()
    }

    fn cells(&self, raw: &str, cells: &mut Vec<String>) -> Option<u8> {
        let item = Item::parse(raw);
        if let Some(names) = &self.datasets {
            // Where the job was listed from, else what the job says.
            let id = self
                .dataset
                .clone()
                .unwrap_or_else(|| item.text("dataset_id"));
            cells.push(match names.get(&id) {
                Some(name) => crate::domain::field::show(name),
                None => id,
            });
        }
        cells.extend(self.columns.iter().map(|c| c.show.cell(&self.kind, &item)));
        let status = self.kind.status_of(&item)?;
        Some(outcome_code(status.outcome))
    }

    fn group(&mut self, dataset_id: &str) {
        self.dataset = Some(dataset_id.to_string());
    }
}

/// `columns` with the order they are left out in to fit a narrow terminal: the
/// rightmost first, of those `droppable` says may go, but never one `stays` keeps.
fn ranked(
    columns: impl Iterator<Item = Layout>,
    droppable: &[bool],
    stays: impl Fn(&Layout) -> bool,
) -> Vec<Layout> {
    let last = droppable.len();
    columns
        .zip(droppable)
        .enumerate()
        .map(|(n, (column, &droppable))| Layout {
            drop_rank: (droppable && !stays(&column))
                .then(|| u8::try_from(last - n).unwrap_or(u8::MAX)),
            ..column
        })
        .collect()
}

/// A table of items, by its columns.
pub struct ItemTable {
    columns: Vec<&'static ItemColumn>,
    /// Whether each column may be left out to fit a narrow terminal: not one asked for.
    droppable: Vec<bool>,
}

impl View for ItemTable {
    fn layout(&self) -> Vec<Layout> {
        let columns = self.columns.iter().map(|c| Layout {
            header: c.header,
            right_aligned: c.right_aligned,
            // Names and paths are free text: cut before other columns go.
            cut_to_fit: matches!(c.header, "NAME" | "PATH"),
            drop_rank: None,
            coloured: false,
        });
        ranked(columns, &self.droppable, |c| {
            matches!(c.header, "ID" | "NAME")
        })
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
            let columns = view_of(resource).unwrap().layout();
            assert_eq!(
                header.split_whitespace().collect::<Vec<_>>(),
                columns
                    .iter()
                    .flat_map(|c| c.header.split_whitespace())
                    .collect::<Vec<_>>()
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
