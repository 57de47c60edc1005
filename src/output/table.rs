//! The human-readable table: one row per task, sized to the terminal.

use std::io::{self, Write};

use comfy_table::{
    Attribute, Cell, CellAlignment, Color, ColumnConstraint, ContentArrangement, Row, Table, Width,
};
use serde_json::value::RawValue;
use unicode_width::UnicodeWidthStr;

use super::{Column, Sink, TableStyle};
#[cfg(test)]
use super::{DEFAULT_COLUMNS, WIDE_COLUMNS};
use crate::api::Page;
use crate::model::{Status, TaskView};

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
    fn begin(&mut self, _first: &Page<'_>) -> io::Result<()> {
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
        let text = render(&self.rows, &self.style);
        self.out.write_all(text.as_bytes())?;
        self.out.write_all(b"\n")?;
        self.out.flush()
    }
}

pub(crate) fn status_color(status: Option<Status>) -> Option<Color> {
    Some(match status? {
        Status::Succeeded => Color::Green,
        Status::Failed => Color::Red,
        Status::Running => Color::Cyan,
        Status::Queued | Status::Initializing => Color::Blue,
        Status::Stopping | Status::Stopped => Color::Yellow,
    })
}

/// NAME (and MESSAGE) are cut, but not below this, before columns are dropped.
const NAME_MIN_WIDTH: usize = 12;

/// Which of `columns` fit in `width`, each as wide as its widest cell: the others are
/// dropped in their [`Column::drop_rank`] order. ID, NAME and STATUS always stay.
fn columns_that_fit(columns: &[Column], cells: &[Vec<String>], width: usize) -> Vec<bool> {
    let mut widths: Vec<usize> = columns.iter().map(|c| c.header().width()).collect();
    for row in cells {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    let mut keep = vec![true; columns.len()];
    let needed = |keep: &[bool]| {
        let kept = keep.iter().filter(|&&k| k).count();
        let total: usize = (0..columns.len())
            .filter(|&i| keep[i])
            .map(|i| {
                if columns[i].cut_to_fit() {
                    widths[i].min(NAME_MIN_WIDTH)
                } else {
                    widths[i]
                }
            })
            .sum();
        total + usize::from(GAP) * kept.saturating_sub(1)
    };
    let mut droppable: Vec<usize> = (0..columns.len())
        .filter(|&i| columns[i].drop_rank().is_some())
        .collect();
    droppable.sort_by_key(|&i| columns[i].drop_rank());
    for i in droppable {
        // One column always stays, whatever the width.
        if needed(&keep) <= width || keep.iter().filter(|&&k| k).count() == 1 {
            break;
        }
        keep[i] = false;
    }
    keep
}

/// One task as aligned keys and values, the status coloured as in the table.
pub fn details(task: &TaskView, color: bool) -> String {
    let mut rows = vec![
        ("ID", task.id()),
        ("NAME", task.name()),
        ("TYPE", task.type_detail()),
        ("STATUS", task.status_label()),
        ("PROGRESS", task.progress()),
        ("SAMPLES", task.samples()),
        ("CREATED", task.created()),
        ("ELAPSED", task.elapsed()),
    ];
    if let Some(message) = task.message() {
        rows.push(("MESSAGE", message));
    }
    if let Some(error) = task.error() {
        rows.push(("ERROR", error));
    }
    let mut table = Table::new();
    table.load_style(comfy_table::presets::NOTHING);
    table.force_no_tty();
    if color {
        table.enforce_styling();
        table.style_text_only();
    }
    for (key, value) in rows {
        let mut cell = Cell::new(&value);
        if color
            && key == "STATUS"
            && let Some(c) = status_color(task.status())
        {
            cell = cell.fg(c);
        }
        let key = if color {
            Cell::new(key).add_attribute(comfy_table::Attribute::Bold)
        } else {
            Cell::new(key)
        };
        table.add_row(vec![key, cell]);
    }
    // The table's cells are padded by one space; the view starts at the margin.
    let mut text: String = table
        .lines()
        .map(|line| format!("{}\n", line.strip_prefix(' ').unwrap_or(&line).trim_end()))
        .collect();
    if text.is_empty() {
        text.push('\n');
    }
    text
}

pub fn render(rows: &[TaskView], style: &TableStyle) -> String {
    let columns = &style.columns;
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|v| columns.iter().map(|c| c.value(v)).collect())
        .collect();
    let keep = match style.width {
        Some(width) => columns_that_fit(columns, &cells, width),
        None => vec![true; columns.len()],
    };
    let kept: Vec<usize> = (0..columns.len()).filter(|&i| keep[i]).collect();

    let mut table = Table::new();
    table.load_style(comfy_table::presets::NOTHING);
    // Styling and width are decided by the caller, never sniffed here.
    table.force_no_tty();
    if style.color {
        table.enforce_styling();
        // Colour the words, not the padding around them.
        table.style_text_only();
    }
    let mut header = Row::from(kept.iter().map(|&i| {
        let cell = Cell::new(columns[i].header());
        if style.color {
            cell.add_attribute(Attribute::Bold)
        } else {
            cell
        }
    }));
    header.max_height(1);
    table.set_header(header);
    for (view, row_cells) in rows.iter().zip(&cells) {
        let mut row = Row::from(kept.iter().map(|&i| {
            let mut cell = Cell::new(&row_cells[i]);
            if columns[i].right_aligned() {
                cell = cell.set_alignment(CellAlignment::Right);
            }
            if columns[i] == Column::Status
                && style.color
                && let Some(color) = status_color(view.status())
            {
                cell = cell.fg(color);
            }
            cell
        }));
        // One line per task: a long name is cut, not wrapped.
        row.max_height(1);
        table.add_row(row);
    }
    let last = kept.len() - 1;
    for (position, (column, &i)) in table.column_iter_mut().zip(&kept).enumerate() {
        column.set_padding((0, if position == last { 0 } else { GAP }));
        if columns[i].cut_to_fit() {
            // Cut at any character, not at the last space that fits.
            column.set_delimiter('\0');
            // Never padded wider than its widest text, never cut below the minimum.
            let widest = cells
                .iter()
                .map(|row| row[i].width())
                .chain([columns[i].header().width()])
                .max()
                .unwrap_or(0);
            column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(
                widest.min(NAME_MIN_WIDTH) as u16,
            )));
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

    /// One line per task under the header, none wider than `width`.
    fn assert_lines_fit(text: &str, width: usize) {
        assert_eq!(text.lines().count(), 3, "{text}");
        for line in text.lines() {
            assert!(
                line.chars().count() <= width,
                "{line:?} is wider than {width}"
            );
        }
    }

    fn plain(width: Option<usize>) -> String {
        render(
            &views(),
            &TableStyle {
                color: false,
                width,
                columns: DEFAULT_COLUMNS.to_vec(),
            },
        )
    }

    #[test]
    fn plain_table_is_aligned_and_uncoloured() {
        let text = plain(None);
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
        let wide = plain(None);
        let widest = wide.lines().map(|l| l.chars().count()).max().unwrap();
        let width = widest - 15;
        let text = plain(Some(width));
        assert_lines_fit(&text, width);
        assert!(text.contains('…'), "{text}");
        assert!(text.contains("14cyxyu6UXaNT3lrPFl"));
        assert!(text.contains("2020-11-03 15:22:39"));
    }

    #[test]
    fn narrow_terminals_lose_columns_in_order_never_id_name_or_status() {
        let header = |width| {
            plain(Some(width))
                .lines()
                .next()
                .unwrap()
                .split_whitespace()
                .map(str::to_string)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            header(200),
            DEFAULT_COLUMNS.map(Column::header).map(str::to_string)
        );
        assert_eq!(
            header(80),
            ["ID", "NAME", "TYPE", "STATUS", "PROGRESS", "ELAPSED"]
        );
        assert_eq!(header(60), ["ID", "NAME", "TYPE", "STATUS"]);
        assert_eq!(header(20), ["ID", "NAME", "STATUS"]);
        for width in [80, 60, 50] {
            assert_lines_fit(&plain(Some(width)), width);
        }
    }

    #[test]
    fn chosen_and_wide_columns() {
        let style = |columns: Vec<Column>| TableStyle {
            color: false,
            width: None,
            columns,
        };
        let rows: Vec<TaskView> = [r#"{"task_id":"a","status":2,"model_name":"m1","model_version":"0.0.1","unconfirmed_sample_count":7,"error_code":"E.1","error_msg":"broke","message":"ignored"}"#]
            .iter()
            .map(|r| TaskView::parse(r))
            .collect();
        let text = render(&rows, &style(vec![Column::Status, Column::Id]));
        assert_eq!(text, "STATUS  ID\nfailed  a");
        let wide: Vec<Column> = DEFAULT_COLUMNS
            .iter()
            .chain(&WIDE_COLUMNS)
            .copied()
            .collect();
        let text = render(&rows, &style(wide));
        let last = text.lines().nth(1).unwrap();
        assert!(
            last.ends_with("m1     0.0.1              7  E.1: broke"),
            "{text}"
        );
        // On a narrow terminal the message is cut, and other columns go first.
        let wide: Vec<Column> = DEFAULT_COLUMNS
            .iter()
            .chain(&WIDE_COLUMNS)
            .copied()
            .collect();
        let narrow = render(
            &rows,
            &TableStyle {
                width: Some(70),
                ..style(wide)
            },
        );
        assert!(
            narrow.contains("MESSAGE") && !narrow.contains("UNCONFIRMED"),
            "{narrow}"
        );
        for line in narrow.lines() {
            assert!(line.width() <= 70, "{line:?}");
        }
        // A column chosen alone stays, however narrow the terminal.
        let alone = render(
            &rows,
            &TableStyle {
                width: Some(3),
                ..style(vec![Column::Created])
            },
        );
        assert!(alone.starts_with("CREATED"), "{alone}");
    }

    #[test]
    fn wide_characters_count_double() {
        let rows: Vec<TaskView> =
            [r#"{"task_id":"a","task_name":"日本語のタスク名前です長い","status":3}"#]
                .iter()
                .map(|r| TaskView::parse(r))
                .collect();
        let text = render(
            &rows,
            &TableStyle {
                color: false,
                width: Some(40),
                columns: DEFAULT_COLUMNS.to_vec(),
            },
        );
        for line in text.lines() {
            assert!(line.width() <= 40, "{line:?}");
        }
    }

    #[test]
    fn colour_marks_the_status() {
        let text = render(
            &views(),
            &TableStyle {
                color: true,
                width: None,
                columns: DEFAULT_COLUMNS.to_vec(),
            },
        );
        assert!(
            text.contains("\x1b[38;5;10msucceeded") || text.contains("\x1b[32msucceeded"),
            "{text:?}"
        );
    }
}
