//! What a listing prints. Each format receives the first page's envelope, then every
//! item in order, and writes to stdout: JSON and NDJSON as they go, the table at the
//! end. Also the table's columns, `--status` and `--sort`, and the lines under a table.

pub mod columns;
mod delimited;
pub mod jq;
pub mod json;
pub mod preview;
pub mod shape;
pub mod summary;
mod table;
pub mod views;

use std::io::Write;

use clap::ValueEnum;

pub use crate::api::paging::Sink;
use crate::domain::kind::{JobColumn, Kind};
use crate::domain::resource::Resource;
pub use columns::{Column, DEFAULT_COLUMNS, WIDE_COLUMNS};
pub use table::{Redraw, clip, cut};

/// One task as a key/value view, for `get`.
pub fn details(task: &crate::domain::task::TaskView, color: bool) -> String {
    table::details(task, color)
}

/// How a listing is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Aligned columns for reading
    Table,
    /// One document: the server's answer, with every page's items in one array
    Json,
    /// One task per line, compact
    Ndjson,
    /// The table's columns as tab-separated values, nothing cut; tabs, line breaks
    /// and backslashes in a value written as \t, \n, \r, \\
    Tsv,
    /// The table's columns as comma-separated values (RFC 4180 quoting), nothing cut
    Csv,
}

impl OutputFormat {
    /// Whether the output is one line per item with the table's columns.
    pub fn is_tabular(self) -> bool {
        matches!(
            self,
            OutputFormat::Table | OutputFormat::Tsv | OutputFormat::Csv
        )
    }
}

/// How the table fits its output (and what CSV and TSV share with it).
#[derive(Debug, Clone, Default)]
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
    /// No header line (`--no-headers`), for the table, CSV and TSV.
    pub no_headers: bool,
    /// CSV and TSV fields as the server wrote them: they go to a file or a pipe.
    pub verbatim: bool,
}

pub fn sink<'a, W: Write + 'a>(
    format: OutputFormat,
    out: W,
    table: TableStyle,
) -> Box<dyn Sink + 'a> {
    let view = table::TaskTable {
        columns: table.columns.clone(),
        droppable: table.droppable.clone(),
        dataset_names: table.dataset_names.clone(),
        dataset: None,
    };
    sink_of(format, out, Box::new(view), &table)
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
    style: &TableStyle,
) -> Box<dyn Sink + 'a> {
    let view = views::dataset_table(columns, droppable);
    sink_of(format, out, Box::new(view), style)
}

/// A sink for jobs of `kind`: a table of `columns` of its description (only those in
/// `droppable` may be left out to fit), or JSON as the server wrote it. Across
/// datasets (`across`), the table's first column is DATASET, each dataset by its name
/// in `style`.
pub fn job_sink<'a, W: Write + 'a>(
    kind: &Kind,
    format: OutputFormat,
    out: W,
    (columns, droppable): (&[&'static JobColumn], &[&'static JobColumn]),
    across: bool,
    style: &TableStyle,
) -> Box<dyn Sink + 'a> {
    let names = across.then(|| style.dataset_names.clone());
    let view = views::job_table(kind, columns, droppable, names);
    sink_of(format, out, Box::new(view), style)
}

/// A table drawn again and again in place, as [`redrawn_table`] draws tasks, of jobs
/// of `kind`.
pub fn redrawn_jobs<'a, W: Write + 'a>(
    kind: &Kind,
    out: W,
    columns: &[&'static JobColumn],
    style: TableStyle,
    redraw: std::rc::Rc<std::cell::RefCell<Redraw>>,
) -> Box<dyn Sink + 'a> {
    // Across datasets, the names are those of the datasets the last listing found.
    let names = (!style.dataset_names.is_empty()).then(|| style.dataset_names.clone());
    let view = views::job_table(kind, columns, columns, names);
    Box::new(table::TableSink::new(out, Box::new(view), style.color, style.width).redrawn(redraw))
}

/// One job as aligned keys and values, for `get`: every column of its kind's table,
/// then why it failed, when it says.
pub fn job_details(kind: &Kind, raw: &str, color: bool) -> String {
    let item = crate::domain::item::Item::parse(raw);
    let mut rows: Vec<(&str, String)> = kind
        .columns
        .iter()
        .map(|c| (c.header, c.show.cell(kind, &item)))
        .collect();
    if let Some(error) = kind.error(&item) {
        rows.push(("ERROR", error));
    }
    let status = kind
        .status_of(&item)
        .map(|s| table::outcome_code(s.outcome));
    table::key_values(&rows, status, color)
}

/// A table of `view`, or JSON and NDJSON as the server wrote the items.
fn sink_of<'a, W: Write + 'a>(
    format: OutputFormat,
    out: W,
    view: Box<dyn table::View + 'a>,
    style: &TableStyle,
) -> Box<dyn Sink + 'a> {
    let delimiter = match format {
        OutputFormat::Table => {
            let table = table::TableSink::new(out, view, style.color, style.width);
            return if style.no_headers {
                Box::new(table.without_headers())
            } else {
                Box::new(table)
            };
        }
        OutputFormat::Json => return Box::new(json::JsonSink::new(out)),
        OutputFormat::Ndjson => return Box::new(json::NdjsonSink::new(out)),
        OutputFormat::Tsv => delimited::Delimiter::Tsv,
        OutputFormat::Csv => delimited::Delimiter::Csv,
    };
    let headers = !style.no_headers;
    Box::new(delimited::DelimitedSink::new(
        out,
        view,
        delimiter,
        headers,
        style.verbatim,
    ))
}

/// A sink for a list of `resource`: tasks with the default columns, other lists with
/// their own.
pub fn sink_for<'a, W: Write + 'a>(
    resource: Resource,
    format: OutputFormat,
    out: W,
    style: TableStyle,
) -> Box<dyn Sink + 'a> {
    match views::view_of(resource) {
        Some(view) => sink_of(format, out, view, &style),
        None => sink(format, out, style),
    }
}
