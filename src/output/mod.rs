//! Renderers. Each receives the first page's envelope, then every task in order,
//! and writes to stdout: JSON and NDJSON as they go, the table at the end.

pub mod json;
pub mod shape;
mod table;

/// One task as a key/value view, for `get`.
pub fn details(task: &crate::model::TaskView, color: bool) -> String {
    table::details(task, color)
}

use std::io::{self, Write};

use serde_json::value::RawValue;

use crate::api::Page;
use crate::cli::OutputFormat;

pub use crate::cli::Column;

/// How the table fits its output.
#[derive(Debug, Clone)]
pub struct TableStyle {
    /// Colour the status column.
    pub color: bool,
    /// Truncate names so rows fit this many columns.
    pub width: Option<usize>,
    /// The columns, in order.
    pub columns: Vec<Column>,
}

/// The columns without `--columns` or `--wide`.
pub const DEFAULT_COLUMNS: [Column; 8] = [
    Column::Id,
    Column::Name,
    Column::Type,
    Column::Status,
    Column::Progress,
    Column::Samples,
    Column::Created,
    Column::Elapsed,
];

/// What `--wide` adds.
pub const WIDE_COLUMNS: [Column; 4] = [
    Column::Model,
    Column::Version,
    Column::Unconfirmed,
    Column::Message,
];

impl Column {
    pub fn header(self) -> &'static str {
        match self {
            Column::Id => "ID",
            Column::Name => "NAME",
            Column::Type => "TYPE",
            Column::Status => "STATUS",
            Column::Progress => "PROGRESS",
            Column::Samples => "SAMPLES",
            Column::Created => "CREATED",
            Column::Elapsed => "ELAPSED",
            Column::Model => "MODEL",
            Column::Version => "VERSION",
            Column::Unconfirmed => "UNCONFIRMED",
            Column::Message => "MESSAGE",
        }
    }

    pub fn value(self, task: &crate::model::TaskView) -> String {
        match self {
            Column::Id => task.id(),
            Column::Name => task.name(),
            Column::Type => task.type_label(),
            Column::Status => task.status_label(),
            Column::Progress => task.progress(),
            Column::Samples => task.samples(),
            Column::Created => task.created(),
            Column::Elapsed => task.elapsed(),
            Column::Model => task.model(),
            Column::Version => task.model_version(),
            Column::Unconfirmed => task.unconfirmed(),
            Column::Message => task
                .error()
                .or_else(|| task.message())
                .unwrap_or_else(|| crate::model::MISSING.to_string()),
        }
    }

    /// Long free text, cut to fit rather than dropped.
    pub fn cut_to_fit(self) -> bool {
        matches!(self, Column::Name | Column::Message)
    }

    pub fn right_aligned(self) -> bool {
        matches!(
            self,
            Column::Progress | Column::Samples | Column::Elapsed | Column::Unconfirmed
        )
    }

    /// When the terminal is too narrow, lower ranks go first; ID, NAME and STATUS stay.
    pub fn drop_rank(self) -> Option<u8> {
        Some(match self {
            Column::Unconfirmed => 0,
            Column::Version => 1,
            Column::Model => 2,
            Column::Created => 3,
            Column::Samples => 4,
            Column::Elapsed => 5,
            Column::Progress => 6,
            Column::Type => 7,
            // Cut to fit, like NAME, and given up only when nothing else is left to.
            Column::Message => 8,
            Column::Id | Column::Name | Column::Status => return None,
        })
    }
}

pub trait Sink {
    /// Called once, before any task, with the first page.
    fn begin(&mut self, first: &Page<'_>) -> io::Result<()>;
    fn task(&mut self, raw: &RawValue) -> io::Result<()>;
    /// Called after each page's tasks, so streaming formats can flush.
    fn page_done(&mut self) -> io::Result<()>;
    fn finish(&mut self) -> io::Result<()>;
}

pub fn sink<'a, W: Write + 'a>(
    format: OutputFormat,
    out: W,
    table: TableStyle,
) -> Box<dyn Sink + 'a> {
    match format {
        OutputFormat::Table => Box::new(table::TableSink::new(out, table)),
        OutputFormat::Json => Box::new(json::JsonSink::new(out)),
        OutputFormat::Ndjson => Box::new(json::NdjsonSink::new(out)),
    }
}
