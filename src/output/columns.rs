//! The table's columns: what each shows of a task, and how it behaves when the
//! terminal is narrow.

use clap::ValueEnum;

use crate::domain::task::{MISSING, TaskView};

/// A column of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Column {
    /// The task's dataset: its name with --all-datasets, else its ID
    Dataset,
    Id,
    Name,
    Type,
    Status,
    Progress,
    Samples,
    /// How long ago the task was created: 45s, 3m, 2h, 5d
    Age,
    /// When the task was created, in the local time zone (or UTC with --utc)
    Created,
    Elapsed,
    /// The model a pre-labeling or deployment task uses
    Model,
    Version,
    /// Samples labeled by the task but not yet confirmed
    Unconfirmed,
    /// The task's error, else its message
    Message,
}

/// The columns without `--columns` or `--wide`.
pub const DEFAULT_COLUMNS: [Column; 8] = [
    Column::Id,
    Column::Name,
    Column::Type,
    Column::Status,
    Column::Progress,
    Column::Samples,
    Column::Age,
    Column::Elapsed,
];

/// What `--wide` adds.
pub const WIDE_COLUMNS: [Column; 5] = [
    Column::Created,
    Column::Model,
    Column::Version,
    Column::Unconfirmed,
    Column::Message,
];

impl Column {
    pub fn header(self) -> &'static str {
        match self {
            Column::Dataset => "DATASET",
            Column::Id => "ID",
            Column::Name => "NAME",
            Column::Type => "TYPE",
            Column::Status => "STATUS",
            Column::Progress => "PROGRESS",
            Column::Samples => "SAMPLES",
            Column::Age => "AGE",
            Column::Created => "CREATED",
            Column::Elapsed => "ELAPSED",
            Column::Model => "MODEL",
            Column::Version => "VERSION",
            Column::Unconfirmed => "UNCONFIRMED",
            Column::Message => "MESSAGE",
        }
    }

    pub fn value(self, task: &TaskView) -> String {
        match self {
            Column::Dataset => task.dataset_id(),
            Column::Id => task.id(),
            Column::Name => task.name(),
            Column::Type => task.type_label(),
            Column::Status => task.status_label(),
            Column::Progress => task.progress(),
            Column::Samples => task.samples(),
            Column::Age => task.age(),
            Column::Created => task.created(),
            Column::Elapsed => task.elapsed(),
            Column::Model => task.model(),
            Column::Version => task.model_version(),
            Column::Unconfirmed => task.unconfirmed(),
            Column::Message => task
                .error()
                .or_else(|| task.message())
                .unwrap_or_else(|| MISSING.to_string()),
        }
    }

    /// The fields of a task the column reads (see [`TaskView::essentials`]).
    pub fn reads(self) -> &'static [&'static str] {
        match self {
            Column::Dataset => &["dataset_id"],
            Column::Id => &["task_id"],
            Column::Name => &["task_name", "config.name"],
            Column::Type => &["type"],
            Column::Status => &["status"],
            Column::Progress => &["progress"],
            Column::Samples => &[
                "annotated_sample_count",
                "total_sample_count",
                "result.annotated_sample_count",
                "result.total_sample_count",
            ],
            Column::Age | Column::Created => &["create_time"],
            Column::Elapsed => &["elapsed_time"],
            Column::Model => &["model_name"],
            Column::Version => &["model_version"],
            Column::Unconfirmed => &["unconfirmed_sample_count"],
            Column::Message => &["error_code", "error_msg", "error_detail", "message"],
        }
    }

    /// Long free text, cut to fit rather than dropped.
    pub fn cut_to_fit(self) -> bool {
        matches!(self, Column::Name | Column::Message | Column::Dataset)
    }

    pub fn right_aligned(self) -> bool {
        matches!(
            self,
            Column::Progress
                | Column::Samples
                | Column::Age
                | Column::Elapsed
                | Column::Unconfirmed
        )
    }

    /// When the terminal is too narrow, lower ranks go first; ID, NAME and STATUS stay.
    /// Only the default columns are ever dropped (a column asked for stays), so the
    /// ranks of the others only order them among themselves.
    pub fn drop_rank(self) -> Option<u8> {
        Some(match self {
            Column::Unconfirmed => 0,
            Column::Version => 1,
            Column::Model => 2,
            Column::Created => 3,
            Column::Samples => 4,
            Column::Age => 5,
            Column::Type => 6,
            // What a task is doing outlasts what kind it is.
            Column::Elapsed => 7,
            Column::Progress => 8,
            // Cut to fit, like NAME, and given up only when nothing else is left to.
            Column::Message => 9,
            // Cut to fit first; given up before the task's own name.
            Column::Dataset => 10,
            Column::Id | Column::Name | Column::Status => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_column_shows_of_what_it_reads_what_it_shows_of_the_task() {
        let task = r#"{"dataset_id":"d","task_id":"a","type":1,"status":2,"progress":12.5,
            "result":{"annotated_sample_count":3,"total_sample_count":9},
            "create_time":"2026-11-29 08:00:00","elapsed_time":45,"model_name":"m",
            "model_version":"1","unconfirmed_sample_count":7,"error_code":"E.1",
            "error_msg":"broke","message":"m","config":{"name":"n","algorithm_type":"fast"},
            "x":[1,2,3]}"#;
        for &column in Column::value_variants() {
            let essentials = TaskView::essentials(task, column.reads()).unwrap();
            assert_eq!(
                column.value(&TaskView::parse(essentials.get())),
                column.value(&TaskView::parse(task)),
                "{column:?}: {essentials}"
            );
            assert_ne!(column.value(&TaskView::parse(task)), MISSING, "{column:?}");
        }
    }
}
