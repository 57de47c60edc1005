//! The human-readable table: one row per task, sized to the terminal.

use std::io::{self, Write};

use comfy_table::{
    Attribute, Cell, CellAlignment, Color, ColumnConstraint, ContentArrangement, Row, Table,
};
use serde_json::value::RawValue;

use super::{Sink, TableStyle};
use crate::api::Page;
use crate::model::{Status, TaskView};

const HEADERS: [&str; 8] = [
    "ID", "NAME", "TYPE", "STATUS", "PROGRESS", "SAMPLES", "CREATED", "ELAPSED",
];
const NAME_COLUMN: usize = 1;
/// Spaces between columns.
const GAP: u16 = 2;

pub struct TableSink<W> {
    out: W,
    style: TableStyle,
    rows: Vec<TaskView>,
}

impl<W: Write> TableSink<W> {
    pub fn new(out: W, style: TableStyle) -> Self {
        TableSink {
            out,
            style,
            rows: Vec::new(),
        }
    }
}

impl<W: Write> Sink for TableSink<W> {
    fn begin(&mut self, _first: &Page) -> io::Result<()> {
        Ok(())
    }

    fn task(&mut self, raw: &RawValue) -> io::Result<()> {
        self.rows.push(TaskView::parse(raw.get()));
        Ok(())
    }

    fn page_done(&mut self) -> io::Result<()> {
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let text = render(&self.rows, self.style);
        self.out.write_all(text.as_bytes())?;
        self.out.write_all(b"\n")?;
        self.out.flush()
    }
}

fn status_color(status: Option<Status>) -> Option<Color> {
    Some(match status? {
        Status::Succeeded => Color::Green,
        Status::Failed => Color::Red,
        Status::Running => Color::Cyan,
        Status::Queued | Status::Initializing => Color::Blue,
        Status::Stopping | Status::Stopped => Color::Yellow,
    })
}

pub fn render(rows: &[TaskView], style: TableStyle) -> String {
    let mut table = Table::new();
    table.load_style(comfy_table::presets::NOTHING);
    // Styling and width are decided by the caller, never sniffed here.
    table.force_no_tty();
    if style.color {
        table.enforce_styling();
        // Colour the words, not the padding around them.
        table.style_text_only();
    }
    table.set_header(HEADERS.iter().map(|h| {
        let cell = Cell::new(h);
        if style.color {
            cell.add_attribute(Attribute::Bold)
        } else {
            cell
        }
    }));
    for view in rows {
        let mut status = Cell::new(view.status_label());
        if style.color
            && let Some(color) = status_color(view.status())
        {
            status = status.fg(color);
        }
        let mut row = Row::from(vec![
            Cell::new(view.id()),
            Cell::new(view.name()),
            Cell::new(view.type_label()),
            status,
            Cell::new(view.progress()).set_alignment(CellAlignment::Right),
            Cell::new(view.samples()).set_alignment(CellAlignment::Right),
            Cell::new(view.created()),
            Cell::new(view.elapsed()).set_alignment(CellAlignment::Right),
        ]);
        // One line per task: a long name is cut, not wrapped.
        row.max_height(1);
        table.add_row(row);
    }
    let last = HEADERS.len() - 1;
    for (i, column) in table.column_iter_mut().enumerate() {
        column.set_padding((0, if i == last { 0 } else { GAP }));
        if i == NAME_COLUMN {
            // Cut names at any character, not at the last space that fits.
            column.set_delimiter('\0');
        } else {
            column.set_constraint(ColumnConstraint::ContentWidth);
        }
    }
    if let Some(width) = style.width {
        table.set_content_arrangement(ContentArrangement::Dynamic);
        table.set_width(u16::try_from(width).unwrap_or(u16::MAX));
    }
    table.trim_fmt()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn views() -> Vec<TaskView> {
        [
            r#"{"task_id":"14cyxyu6UXaNT3lrPFl","task_name":"a rather long pre-labeling task name","type":1,"status":3,"progress":100.0,"annotated_sample_count":38,"total_sample_count":246,"create_time":"2020-11-03 15:22:39","elapsed_time":531}"#,
            r#"{"task_id":"5QPy73VwnwHi5NqvbcP","type":0,"status":2,"progress":12.5,"create_time":"2020-10-31 16:11:37","elapsed_time":45}"#,
        ]
        .iter()
        .map(|raw| TaskView::parse(raw))
        .collect()
    }

    #[test]
    fn plain_table_is_aligned_and_uncoloured() {
        let text = render(
            &views(),
            TableStyle {
                color: false,
                width: None,
            },
        );
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 3);
        assert!(lines[0].starts_with("ID                   NAME"), "{text}");
        assert!(lines[1].contains("a rather long pre-labeling task name"));
        assert!(lines[1].contains("succeeded"));
        assert!(lines[1].contains("   100%"));
        assert!(lines[1].ends_with("8m51s"));
        assert!(lines[2].contains("failed"));
        assert!(!text.contains('\x1b'));
        assert!(lines.iter().all(|l| !l.ends_with(' ')));
    }

    #[test]
    fn names_are_cut_to_fit_the_width() {
        let wide = render(
            &views(),
            TableStyle {
                color: false,
                width: None,
            },
        );
        let widest = wide.lines().map(|l| l.chars().count()).max().unwrap();
        let width = widest - 15;
        let text = render(
            &views(),
            TableStyle {
                color: false,
                width: Some(width),
            },
        );
        assert_eq!(text.lines().count(), 3, "{text}");
        for line in text.lines() {
            assert!(
                line.chars().count() <= width,
                "{line:?} is wider than {width}"
            );
        }
        assert!(text.contains('…'), "{text}");
        assert!(text.contains("14cyxyu6UXaNT3lrPFl"));
        assert!(text.contains("2020-11-03 15:22:39"));
    }

    #[test]
    fn colour_marks_the_status() {
        let text = render(
            &views(),
            TableStyle {
                color: true,
                width: None,
            },
        );
        assert!(
            text.contains("\x1b[38;5;10msucceeded") || text.contains("\x1b[32msucceeded"),
            "{text:?}"
        );
    }
}
