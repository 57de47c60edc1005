//! What a listing prints. Each format receives the first page's envelope, then every
//! item in order, and writes to stdout: JSON and NDJSON as they go, the table at the
//! end. Also the table's columns, `--status` and `--sort`, and the lines under a table.

pub mod columns;
pub mod json;
pub mod preview;
pub mod shape;
pub mod summary;
mod table;
pub mod views;

use std::io::Write;

use clap::ValueEnum;

pub use crate::api::paging::Sink;
use crate::domain::resource::Resource;
pub use columns::{Column, DEFAULT_COLUMNS, WIDE_COLUMNS};
pub use table::{Redraw, clip};

/// One task as a key/value view, for `get`.
pub fn details(task: &crate::domain::task::TaskView, color: bool) -> String {
    table::details(task, color)
}

/// How a listing is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Aligned columns for reading
    Table,
    /// One document: {"total_count": N, "tasks": [...]}
    Json,
    /// One task per line, compact
    Ndjson,
}

/// How the table fits its output.
#[derive(Debug, Clone)]
pub struct TableStyle {
    /// Colour the status column.
    pub color: bool,
    /// Truncate names so rows fit this many columns.
    pub width: Option<usize>,
    /// The columns, in order.
    pub columns: Vec<Column>,
    /// Those of `columns` that may be left out to fit the width: the default ones, not
    /// those `--columns` names or `--wide` adds.
    pub droppable: Vec<Column>,
    /// The names DATASET shows for dataset IDs.
    pub dataset_names: std::rc::Rc<std::collections::HashMap<String, String>>,
}

pub fn sink<'a, W: Write + 'a>(
    format: OutputFormat,
    out: W,
    table: TableStyle,
) -> Box<dyn Sink + 'a> {
    let view = table::TaskTable {
        columns: table.columns,
        droppable: table.droppable,
        dataset_names: table.dataset_names,
        dataset: None,
    };
    sink_of(format, out, Box::new(view), table.color, table.width)
}

/// The task table of `style`, drawn in place of the last drawing that `redraw`
/// remembers (`list --watch`): no column narrows while the width does not, only the
/// rows there is room for are written, and the columns left out are not named on
/// stderr but in `redraw`.
pub fn redrawn_table<'a, W: Write + 'a>(
    out: W,
    style: TableStyle,
    redraw: std::rc::Rc<std::cell::RefCell<Redraw>>,
) -> Box<dyn Sink + 'a> {
    let view = table::TaskTable {
        columns: style.columns,
        droppable: style.droppable,
        dataset_names: style.dataset_names,
        dataset: None,
    };
    Box::new(table::TableSink::new(out, Box::new(view), style.color, style.width).redrawn(redraw))
}

/// A sink for the datasets: a table of `columns` (only those in `droppable` may be left
/// out to fit), or JSON as the server wrote it.
pub fn dataset_sink<'a, W: Write + 'a>(
    format: OutputFormat,
    out: W,
    columns: &[views::DatasetColumn],
    droppable: &[views::DatasetColumn],
    color: bool,
    width: Option<usize>,
) -> Box<dyn Sink + 'a> {
    let view = views::dataset_table(columns, droppable);
    sink_of(format, out, Box::new(view), color, width)
}

/// A table of `view`, or JSON and NDJSON as the server wrote the items.
fn sink_of<'a, W: Write + 'a>(
    format: OutputFormat,
    out: W,
    view: Box<dyn table::View + 'a>,
    color: bool,
    width: Option<usize>,
) -> Box<dyn Sink + 'a> {
    match format {
        OutputFormat::Table => Box::new(table::TableSink::new(out, view, color, width)),
        OutputFormat::Json => Box::new(json::JsonSink::new(out)),
        OutputFormat::Ndjson => Box::new(json::NdjsonSink::new(out)),
    }
}

/// A sink for a list of `resource`: tasks with the default columns, other lists with
/// their own.
pub fn sink_for<'a, W: Write + 'a>(
    resource: Resource,
    format: OutputFormat,
    out: W,
    color: bool,
    width: Option<usize>,
) -> Box<dyn Sink + 'a> {
    match views::view_of(resource) {
        Some(view) => sink_of(format, out, Box::new(view), color, width),
        None => sink(
            format,
            out,
            TableStyle {
                color,
                width,
                columns: DEFAULT_COLUMNS.to_vec(),
                droppable: DEFAULT_COLUMNS.to_vec(),
                dataset_names: Default::default(),
            },
        ),
    }
}
