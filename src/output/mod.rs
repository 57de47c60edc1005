//! Renderers. Each receives the first page's envelope, then every task in order,
//! and writes to stdout: JSON and NDJSON as they go, the table at the end.

pub mod json;
mod table;

/// One task as a key/value view, for `get`.
pub fn details(task: &crate::model::TaskView, color: bool) -> String {
    table::details(task, color)
}

use std::io::{self, Write};

use serde_json::value::RawValue;

use crate::api::Page;
use crate::cli::OutputFormat;

/// How the table fits its output.
#[derive(Debug, Clone, Copy)]
pub struct TableStyle {
    /// Colour the status column.
    pub color: bool,
    /// Truncate names so rows fit this many columns.
    pub width: Option<usize>,
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
