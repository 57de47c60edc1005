//! CSV and TSV: the table's columns, one line per item, for spreadsheets and `cut`,
//! `awk` or `sort`. Nothing is cut or dropped to fit, and each row is written as it
//! comes, so memory does not grow with the listing.
//!
//! CSV quotes as RFC 4180 does (a field holding a comma, a quote or a line break is
//! put in quotes, quotes doubled). TSV cannot quote, so a field's tab, line break,
//! carriage return and backslash are written `\t`, `\n`, `\r` and `\\`, as jq's `@tsv`
//! and PostgreSQL's text format write them. Lines end with `\n` in both.
//!
//! Piped or redirected, fields are the server's own text. On a terminal they are made
//! safe for it, as in the table.

use std::io::{self, Write};

use serde_json::value::RawValue;

use super::Sink;
use super::table::View;
use crate::api::page::Page;
use crate::api::paging::Group;
use crate::domain::field;

/// Which of the two.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delimiter {
    Csv,
    Tsv,
}

pub struct DelimitedSink<'v, W: Write> {
    out: Writer<W>,
    view: Box<dyn View + 'v>,
    /// The header line is still to be written.
    headers: bool,
    /// Fields as the server wrote them (see [`field::verbatim`]).
    verbatim: bool,
    cells: Vec<String>,
}

/// Where the lines go: CSV through a writer that quotes, TSV as it is.
enum Writer<W: Write> {
    Csv(Box<csv::Writer<W>>),
    Tsv(W, String),
}

impl<'v, W: Write> DelimitedSink<'v, W> {
    pub fn new(
        out: W,
        view: Box<dyn View + 'v>,
        delimiter: Delimiter,
        headers: bool,
        verbatim: bool,
    ) -> Self {
        let out = match delimiter {
            Delimiter::Csv => Writer::Csv(Box::new(
                csv::WriterBuilder::new()
                    .terminator(csv::Terminator::Any(b'\n'))
                    .from_writer(out),
            )),
            Delimiter::Tsv => Writer::Tsv(out, String::new()),
        };
        DelimitedSink {
            out,
            view,
            headers,
            verbatim,
            cells: Vec::new(),
        }
    }

    fn write_headers(&mut self) -> io::Result<()> {
        if std::mem::take(&mut self.headers) {
            let headers: Vec<String> = self
                .view
                .layout()
                .iter()
                .map(|c| c.header.to_string())
                .collect();
            self.out.row(&headers)?;
        }
        Ok(())
    }
}

impl<W: Write> Writer<W> {
    fn row(&mut self, cells: &[String]) -> io::Result<()> {
        match self {
            Writer::Csv(csv) => csv.write_record(cells).map_err(io_error),
            Writer::Tsv(out, line) => {
                line.clear();
                for (n, cell) in cells.iter().enumerate() {
                    if n > 0 {
                        line.push('\t');
                    }
                    escape_tsv(cell, line);
                }
                line.push('\n');
                out.write_all(line.as_bytes())
            }
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Writer::Csv(csv) => csv.flush(),
            Writer::Tsv(out, _) => out.flush(),
        }
    }
}

/// The writer's error as the I/O error it is, so that a reader gone away (a broken
/// pipe) is told as one.
fn io_error(error: csv::Error) -> io::Error {
    match error.into_kind() {
        csv::ErrorKind::Io(error) => error,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// `cell` onto `line`, its tabs, line breaks and backslashes escaped.
fn escape_tsv(cell: &str, line: &mut String) {
    for c in cell.chars() {
        match c {
            '\t' => line.push_str("\\t"),
            '\n' => line.push_str("\\n"),
            '\r' => line.push_str("\\r"),
            '\\' => line.push_str("\\\\"),
            c => line.push(c),
        }
    }
}

impl<W: Write> Sink for DelimitedSink<'_, W> {
    fn begin(&mut self, _first: &Page<'_>) -> io::Result<()> {
        Ok(())
    }

    fn group(&mut self, group: &Group<'_>) -> io::Result<()> {
        self.view.group(group.dataset_id);
        Ok(())
    }

    fn item(&mut self, raw: &RawValue) -> io::Result<()> {
        self.write_headers()?;
        self.cells.clear();
        if self.verbatim {
            field::verbatim(|| self.view.cells(raw.get(), &mut self.cells));
        } else {
            self.view.cells(raw.get(), &mut self.cells);
        }
        self.out.row(&self.cells)
    }

    fn page_done(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    fn finish(&mut self) -> io::Result<()> {
        // The header line, even of an empty listing, tells a reader the columns.
        self.write_headers()?;
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::Column;
    use crate::output::table::TaskTable;

    fn render(delimiter: Delimiter, headers: bool, verbatim: bool, tasks: &[&str]) -> String {
        let mut out = Vec::new();
        {
            let view = TaskTable::new(vec![Column::Id, Column::Name, Column::Status]);
            let mut sink =
                DelimitedSink::new(&mut out, Box::new(view), delimiter, headers, verbatim);
            for task in tasks {
                let raw = RawValue::from_string(task.to_string()).unwrap();
                sink.item(&raw).unwrap();
            }
            sink.finish().unwrap();
        }
        String::from_utf8(out).unwrap()
    }

    const AWKWARD: &str = r#"{"task_id":"t1","task_name":"a, \"b\"\nc\td\\e","status":1}"#;

    #[test]
    fn csv_quotes_what_needs_it() {
        assert_eq!(
            render(
                Delimiter::Csv,
                true,
                true,
                &[AWKWARD, r#"{"task_id":"t2"}"#]
            ),
            "ID,NAME,STATUS\nt1,\"a, \"\"b\"\"\nc\td\\e\",running\nt2,-,-\n"
        );
    }

    #[test]
    fn tsv_escapes_what_would_split_fields_or_lines() {
        assert_eq!(
            render(Delimiter::Tsv, false, true, &[AWKWARD]),
            "t1\ta, \"b\"\\nc\\td\\\\e\trunning\n"
        );
    }

    #[test]
    fn on_a_terminal_fields_are_made_safe() {
        let task = r#"{"task_id":"t1","task_name":"x\u001b[2Jy\nz"}"#;
        // The escape the terminal is shown is itself escaped, as any backslash is.
        assert_eq!(
            render(Delimiter::Tsv, false, false, &[task]),
            "t1\tx\\\\x1b[2Jy z\t-\n"
        );
        assert_eq!(
            render(Delimiter::Tsv, false, true, &[task]),
            "t1\tx\u{1b}[2Jy\\nz\t-\n"
        );
    }

    #[test]
    fn a_reader_gone_away_is_a_broken_pipe() {
        struct Gone;
        impl Write for Gone {
            fn write(&mut self, _: &[u8]) -> io::Result<usize> {
                Err(io::ErrorKind::BrokenPipe.into())
            }
            fn flush(&mut self) -> io::Result<()> {
                Err(io::ErrorKind::BrokenPipe.into())
            }
        }
        for delimiter in [Delimiter::Csv, Delimiter::Tsv] {
            let view = TaskTable::new(vec![Column::Id]);
            let mut sink = DelimitedSink::new(Gone, Box::new(view), delimiter, true, true);
            let raw = RawValue::from_string(AWKWARD.to_string()).unwrap();
            // The CSV writer buffers: the error comes when it writes through.
            let error = (0..10_000)
                .find_map(|_| sink.item(&raw).err())
                .or_else(|| sink.finish().err())
                .expect("the write fails");
            assert_eq!(error.kind(), io::ErrorKind::BrokenPipe, "{delimiter:?}");
        }
    }

    #[test]
    fn an_empty_listing_still_has_its_header_unless_told_not_to() {
        assert_eq!(render(Delimiter::Csv, true, true, &[]), "ID,NAME,STATUS\n");
        assert_eq!(render(Delimiter::Tsv, false, true, &[]), "");
    }
}
