//! The human-readable table: one row per task, sized to the terminal.
//!
//! Rows are kept as their cells' text only, each cut to [`MAX_CELL_WIDTH`] as it
//! arrives, in one string for all of them: memory grows with what is shown, not with
//! the tasks' JSON, and time is linear in it. Whoever orders the rows (`--sort`) holds
//! no task of its own: it says at the end which rows to write in what order. The table
//! is written line by line at the end, once every column's width is known.
//!
//! Fitted to a width, the table first cuts its free text (names, messages) down to
//! [`NAME_MIN_WIDTH`], then leaves out default columns in their
//! [`Layout::drop_rank`] order, naming them on stderr; a column asked for stays, and the
//! table is then wider than the terminal. Names cut alike though they differ are cut in
//! the middle instead, to keep their ends, or else the column widens until they differ.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, RandomState};
use std::io::{self, Write};
use std::rc::Rc;

use comfy_table::Color;
use serde_json::value::RawValue;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

#[cfg(test)]
use super::TableStyle;
use super::{Column, Sink};
#[cfg(test)]
use super::{DEFAULT_COLUMNS, WIDE_COLUMNS};
use crate::api::page::Page;
use crate::api::paging::Group;
use crate::domain::kind::Outcome;
use crate::domain::task::{Status, TaskView};

/// Spaces between columns.
const GAP: usize = 2;
/// The most terminal columns one cell takes, even where nothing is cut to fit: a
/// longer value is cut with `…`.
pub const MAX_CELL_WIDTH: usize = 256;
/// Ends each cell in [`Rows::text`]; cells hold no control characters.
const CELL_END: char = '\u{1f}';

/// How one column of a table behaves.
#[derive(Debug, Clone, Copy)]
pub struct Layout {
    pub header: &'static str,
    pub right_aligned: bool,
    /// Long free text, cut to fit rather than dropped.
    pub cut_to_fit: bool,
    /// When the terminal is too narrow, lower ranks go first; none stays.
    pub drop_rank: Option<u8>,
    /// Coloured by the item's status.
    pub coloured: bool,
}

/// What a table shows of its items.
pub trait View {
    /// The columns, in order.
    fn layout(&self) -> Vec<Layout>;
    /// One item's cells, in column order, onto `cells`; the colour of its status, as
    /// a 256-colour code, if it has one.
    fn cells(&self, raw: &str, cells: &mut Vec<String>) -> Option<u8>;

    /// The items that follow are dataset `dataset_id`'s.
    fn group(&mut self, _dataset_id: &str) {}
}

/// The task table: the columns chosen of [`Column`], and the names of the datasets
/// its tasks may belong to (DATASET shows the ID of any other).
pub struct TaskTable {
    pub columns: Vec<Column>,
    /// Those of `columns` that may be left out to fit the width.
    pub droppable: Vec<Column>,
    pub dataset_names: std::rc::Rc<std::collections::HashMap<String, String>>,
    /// The dataset the tasks now arriving were listed from, when a listing says.
    pub dataset: Option<String>,
}

impl TaskTable {
    #[cfg(test)]
    pub fn new(columns: Vec<Column>) -> TaskTable {
        TaskTable {
            droppable: columns.clone(),
            columns,
            dataset_names: Default::default(),
            dataset: None,
        }
    }
}

impl View for TaskTable {
    fn layout(&self) -> Vec<Layout> {
        self.columns
            .iter()
            .map(|&c| Layout {
                header: c.header(),
                right_aligned: c.right_aligned(),
                cut_to_fit: c.cut_to_fit(),
                drop_rank: c.drop_rank().filter(|_| self.droppable.contains(&c)),
                coloured: c == Column::Status,
            })
            .collect()
    }

    fn cells(&self, raw: &str, cells: &mut Vec<String>) -> Option<u8> {
        let task = TaskView::parse(raw);
        cells.extend(self.columns.iter().map(|&c| match c {
            Column::Dataset => {
                // Where the task was listed from, else what the task says.
                let id = self.dataset.clone().unwrap_or_else(|| task.dataset_id());
                match self.dataset_names.get(&id) {
                    Some(name) => crate::domain::field::show(name),
                    None => id,
                }
            }
            c => c.value(&task),
        }));
        status_color(task.status()).map(ansi_code)
    }

    fn group(&mut self, dataset_id: &str) {
        self.dataset = Some(dataset_id.to_string());
    }
}

/// What a table drawn again and again in place (`list --watch`) keeps from one
/// drawing to the next, and what the last drawing left out.
#[derive(Debug, Default)]
pub struct Redraw {
    /// The lines the rows may take, `... N more` included; none: every row.
    pub room: Option<usize>,
    /// Rows the last drawing left out for want of room.
    pub more: usize,
    /// Columns the last drawing left out to fit.
    pub hidden: Vec<&'static str>,
    /// Each column's widest cell so far, which its width never goes below.
    widest: Vec<usize>,
    /// Each column's width in the last drawing (0 when left out).
    shown: Vec<usize>,
    /// The width the last drawing was fitted to.
    fitted_to: Option<usize>,
}

pub struct TableSink<'v, W> {
    out: W,
    view: Box<dyn View + 'v>,
    layout: Vec<Layout>,
    /// Colour the status column.
    color: bool,
    /// Cut and drop columns so that rows fit this many terminal columns.
    width: Option<usize>,
    /// Write the header line.
    headers: bool,
    rows: Rows,
    /// One item's cells, kept to spare an allocation per row.
    cells: Vec<String>,
    /// The rows to write, by their place in arrival order, when an order was given.
    order: Option<Vec<usize>>,
    /// Set for a table drawn again and again; else columns left out are named on stderr.
    redraw: Option<Rc<RefCell<Redraw>>>,
}

/// The cells of every row, in arrival order.
#[derive(Default)]
struct Rows {
    /// Every cell, each followed by [`CELL_END`].
    text: String,
    /// Where each row starts in `text`.
    starts: Vec<usize>,
    /// Each row's status colour.
    colors: Vec<Option<u8>>,
}

impl Rows {
    fn len(&self) -> usize {
        self.starts.len()
    }

    /// Row `n`'s cells onto `cells`.
    fn cells<'r>(&'r self, n: usize, cells: &mut Vec<&'r str>) {
        let end = self.starts.get(n + 1).copied().unwrap_or(self.text.len());
        cells.clear();
        cells.extend(self.text[self.starts[n]..end].split_terminator(CELL_END));
    }

    /// Column `column`'s cell of each of the rows `order` names.
    fn column<'r>(
        &'r self,
        order: &'r [usize],
        column: usize,
    ) -> impl Iterator<Item = &'r str> + Clone {
        order.iter().map(move |&n| {
            let end = self.starts.get(n + 1).copied().unwrap_or(self.text.len());
            self.text[self.starts[n]..end]
                .split_terminator(CELL_END)
                .nth(column)
                .unwrap_or("")
        })
    }
}

impl<'v, W: Write> TableSink<'v, W> {
    pub fn new(out: W, view: Box<dyn View + 'v>, color: bool, width: Option<usize>) -> Self {
        let layout = view.layout();
        TableSink {
            out,
            view,
            layout,
            color,
            width,
            headers: true,
            rows: Rows::default(),
            cells: Vec::new(),
            order: None,
            redraw: None,
        }
    }

    /// No header line (`--no-headers`).
    pub fn without_headers(mut self) -> Self {
        self.headers = false;
        self
    }

    fn look(&self) -> Look {
        Look {
            color: self.color,
            width: self.width,
            headers: self.headers,
        }
    }

    /// A table drawn in place of the last drawing that `redraw` remembers.
    pub fn redrawn(mut self, redraw: Rc<RefCell<Redraw>>) -> Self {
        self.redraw = Some(redraw);
        self
    }
}

impl<W: Write> Sink for TableSink<'_, W> {
    fn begin(&mut self, _first: &Page<'_>) -> io::Result<()> {
        Ok(())
    }

    fn group(&mut self, group: &Group<'_>) -> io::Result<()> {
        self.view.group(group.dataset_id);
        Ok(())
    }

    fn item(&mut self, raw: &RawValue) -> io::Result<()> {
        self.cells.clear();
        let color = self.view.cells(raw.get(), &mut self.cells);
        let rows = &mut self.rows;
        rows.starts.push(rows.text.len());
        rows.colors.push(color);
        for value in &self.cells {
            rows.text.push_str(&cut(value, MAX_CELL_WIDTH).0);
            rows.text.push(CELL_END);
        }
        Ok(())
    }

    fn page_done(&mut self) -> io::Result<()> {
        Ok(())
    }

    fn keeps_items(&self) -> bool {
        true
    }

    fn reorder(&mut self, order: Vec<usize>) {
        self.order = Some(order);
    }

    fn finish(&mut self) -> io::Result<()> {
        let order = self
            .order
            .take()
            .unwrap_or_else(|| (0..self.rows.len()).collect());
        let look = self.look();
        let hidden = match &self.redraw {
            Some(redraw) => {
                let mut redraw = redraw.borrow_mut();
                let hidden = write_table(
                    &mut self.out,
                    &self.rows,
                    &order,
                    &self.layout,
                    look,
                    Some(&mut redraw),
                )?;
                redraw.hidden = hidden;
                Vec::new()
            }
            None => write_table(&mut self.out, &self.rows, &order, &self.layout, look, None)?,
        };
        self.out.flush()?;
        if let (false, Some(width)) = (hidden.is_empty(), self.width) {
            crate::util::term::note(&hidden_note(&hidden, width));
        }
        Ok(())
    }
}

/// The note that names the columns left out to fit `width`.
fn hidden_note(hidden: &[&str], width: usize) -> String {
    format!(
        "(hidden to fit {width} columns: {}; use --columns or COLUMNS=...)",
        hidden.join(", ")
    )
}

/// `line` cut hard at `width` terminal columns, as watch(1) does: escape sequences
/// (colour) take no room, and colour is reset after a cut.
pub fn clip(line: &str, width: usize) -> std::borrow::Cow<'_, str> {
    let mut used = 0;
    let mut chars = line.char_indices();
    while let Some((at, c)) = chars.next() {
        if c == '\x1b' {
            // CSI: parameters, then one final byte.
            chars
                .by_ref()
                .find(|&(_, c)| ('@'..='~').contains(&c) && c != '[');
            continue;
        }
        let w = c.width().unwrap_or(0);
        if used + w > width {
            let mut kept = line[..at].to_string();
            if kept.contains('\x1b') {
                kept.push_str("\x1b[0m");
            }
            return kept.into();
        }
        used += w;
    }
    line.into()
}

/// `text` cut to at most `max` terminal columns, with `…` where it was cut; and its
/// width. Looks at no more of `text` than it keeps.
pub fn cut(text: &str, max: usize) -> (std::borrow::Cow<'_, str>, usize) {
    let mut width = 0;
    for (at, c) in text.char_indices() {
        let w = c.width().unwrap_or(0);
        if width + w > max {
            let (kept, kept_width) = head(&text[..at], max.saturating_sub(1));
            return (format!("{kept}…").into(), kept_width + 1);
        }
        width += w;
    }
    (text.into(), width)
}

/// The longest start of `text` at most `max` terminal columns wide, less the spaces it
/// ends with (an ellipsis follows it), and its width.
fn head(text: &str, max: usize) -> (&str, usize) {
    let mut width = 0;
    for (at, c) in text.char_indices() {
        let w = c.width().unwrap_or(0);
        if width + w > max {
            let kept = text[..at].trim_end_matches(' ');
            return (kept, width - (at - kept.len()));
        }
        width += w;
    }
    (text, width)
}

/// The longest end of `text` at most `max` terminal columns wide, and its width.
fn tail(text: &str, max: usize) -> (&str, usize) {
    let mut width = 0;
    for (at, c) in text.char_indices().rev() {
        let w = c.width().unwrap_or(0);
        if width + w > max {
            return (&text[at + c.len_utf8()..], width);
        }
        width += w;
    }
    (text, width)
}

/// `text` cut in the middle to at most `max` columns, its last `end` columns kept:
/// `nightly pre-…el 3`; and its width.
fn cut_middle(text: &str, max: usize, end: usize) -> (String, usize) {
    let (last, last_width) = tail(text, end);
    let (first, first_width) = head(text, max.saturating_sub(last_width + 1));
    (format!("{first}…{last}"), first_width + 1 + last_width)
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

/// The colour of a job's status, as a 256-colour code: as a task's that says the same.
pub(crate) fn outcome_code(outcome: Outcome) -> u8 {
    ansi_code(match outcome {
        Outcome::Succeeded => Color::Green,
        Outcome::Failed => Color::Red,
        Outcome::Running => Color::Cyan,
        Outcome::Pending => Color::Blue,
        Outcome::Stopped => Color::Yellow,
    })
}

/// The 256-colour code a terminal shows `color` with, as the `get` view writes it.
fn ansi_code(color: Color) -> u8 {
    match color {
        Color::Green => 10,
        Color::Red => 9,
        Color::Cyan => 14,
        Color::Blue => 12,
        _ => 11,
    }
}

/// NAME (and MESSAGE) are cut, but not below this, before columns are dropped.
const NAME_MIN_WIDTH: usize = 12;

/// Which of `columns` fit in `width`, each as wide as its widest cell (`widths`): the
/// others are dropped in their [`Layout::drop_rank`] order. Those without a rank
/// (ID, NAME and STATUS of tasks, and any column asked for) always stay.
fn columns_that_fit(columns: &[Layout], widths: &[usize], width: usize) -> Vec<bool> {
    let mut keep = vec![true; columns.len()];
    let needed = |keep: &[bool]| {
        let kept = keep.iter().filter(|&&k| k).count();
        let total: usize = (0..columns.len())
            .filter(|&i| keep[i])
            .map(|i| {
                if columns[i].cut_to_fit {
                    widths[i].min(NAME_MIN_WIDTH)
                } else {
                    widths[i]
                }
            })
            .sum();
        total + GAP * kept.saturating_sub(1)
    };
    let mut droppable: Vec<usize> = (0..columns.len())
        .filter(|&i| columns[i].drop_rank.is_some())
        .collect();
    droppable.sort_by_key(|&i| columns[i].drop_rank);
    for i in droppable {
        // One column always stays, whatever the width.
        if needed(&keep) <= width || keep.iter().filter(|&&k| k).count() == 1 {
            break;
        }
        keep[i] = false;
    }
    keep
}

/// The width of each kept column: its widest cell, except that the columns cut to fit
/// share what `width` leaves them, each its widest cell or an equal share of the rest,
/// and never less than [`NAME_MIN_WIDTH`] (or its widest cell, if narrower).
fn column_widths(
    columns: &[Layout],
    widths: &[usize],
    kept: &[usize],
    width: Option<usize>,
) -> Vec<usize> {
    let mut out: Vec<usize> = kept.iter().map(|&i| widths[i]).collect();
    let Some(width) = width else {
        return out;
    };
    let fixed: usize = kept
        .iter()
        .filter(|&&i| !columns[i].cut_to_fit)
        .map(|&i| widths[i])
        .sum::<usize>()
        + GAP * kept.len().saturating_sub(1);
    let mut cut: Vec<usize> = (0..kept.len())
        .filter(|&k| columns[kept[k]].cut_to_fit)
        .collect();
    // The narrowest first, so that what they do not need goes to the others.
    cut.sort_by_key(|&k| out[k]);
    let mut left = width.saturating_sub(fixed);
    for (n, &k) in cut.iter().enumerate() {
        let share = left / (cut.len() - n);
        let natural = out[k];
        out[k] = natural.min(share).max(natural.min(NAME_MIN_WIDTH));
        left = left.saturating_sub(out[k]);
    }
    out
}

/// How the cells of one column cut to fit are shown: each cut at its end to `width`,
/// but for those listed, which would then read the same as a different cell.
struct Cuts {
    width: usize,
    /// What each of those cells shows instead, and its width.
    instead: HashMap<String, (String, usize)>,
}

/// How to cut `cells` to `width` so that cells that differ still differ: cells cut
/// alike at the end are cut in the middle instead, keeping their ends, when that tells
/// them apart; else the column widens until their beginnings do.
fn distinct_cuts<'r, I>(cells: I, width: usize) -> Cuts
where
    I: Iterator<Item = &'r str> + Clone,
{
    let hasher = RandomState::new();
    let mut width = width;
    'widths: loop {
        // Each cell that is cut, by a hash of what it shows: a hash of what it is, and
        // whether another cell shows the same.
        let mut shown: HashMap<u64, (u64, bool)> = HashMap::new();
        for cell in cells.clone().filter(|cell| cell.width() > width) {
            let cut_hash = hasher.hash_one(cut(cell, width).0);
            let cell_hash = hasher.hash_one(cell);
            let seen = shown.entry(cut_hash).or_insert((cell_hash, false));
            seen.1 |= seen.0 != cell_hash;
        }
        shown.retain(|_, (_, alike)| *alike);
        if shown.is_empty() {
            return Cuts {
                width,
                instead: HashMap::new(),
            };
        }
        // The cells that are cut alike, grouped by what they would show.
        let mut groups: HashMap<u64, (Vec<&str>, HashSet<&str>)> = HashMap::new();
        for cell in cells.clone().filter(|cell| cell.width() > width) {
            let cut_hash = hasher.hash_one(cut(cell, width).0);
            if shown.contains_key(&cut_hash) {
                let (group, seen) = groups.entry(cut_hash).or_default();
                if seen.insert(cell) {
                    group.push(cell);
                }
            }
        }
        let mut instead = HashMap::new();
        let mut widen_to = width;
        for (group, _) in groups.values() {
            match ends_that_differ(group, width) {
                Some(end) => instead.extend(
                    group
                        .iter()
                        .map(|&cell| (cell.to_string(), cut_middle(cell, width, end))),
                ),
                None => widen_to = widen_to.max(starts_that_differ(group, width)),
            }
        }
        if widen_to > width {
            width = widen_to;
            continue 'widths;
        }
        return Cuts { width, instead };
    }
}

/// The fewest columns of their ends, from a quarter of `width` up, that tell `group`
/// apart when each is cut in the middle to `width`; none when no such cut does. The
/// cells of a group begin alike, so their ends alone tell them apart.
fn ends_that_differ(group: &[&str], width: usize) -> Option<usize> {
    let differ = |end: usize| {
        let mut seen = HashSet::new();
        group.iter().all(|cell| seen.insert(tail(cell, end).0))
    };
    // At least one column of the beginning stays, and the ellipsis.
    let (low, high) = ((width.saturating_sub(1) / 4).max(1), width.checked_sub(2)?);
    if low > high || !differ(high) {
        return None;
    }
    // Ends that differ go on differing when longer: the first end that does.
    Some(first_that_differs(low, high, differ))
}

/// The narrowest width above `width` at which `group`, cut at the end, differ.
fn starts_that_differ(group: &[&str], width: usize) -> usize {
    let differ = |width: usize| {
        let mut seen = HashSet::new();
        group.iter().all(|cell| seen.insert(cut(cell, width).0))
    };
    let widest = group.iter().map(|cell| cell.width()).max().unwrap_or(width);
    first_that_differs(width + 1, widest.max(width + 1), differ)
}

/// The least width in `low..=high` at which `differ` holds, where it holds of every
/// width above one it holds of (and of `high`, or `high` is the answer).
fn first_that_differs(mut low: usize, mut high: usize, differ: impl Fn(usize) -> bool) -> usize {
    while low < high {
        let mid = (low + high) / 2;
        if differ(mid) {
            high = mid;
        } else {
            low = mid + 1;
        }
    }
    low
}

/// How a table is written: coloured or not, fitted to a width or not, with its header
/// line or without.
#[derive(Debug, Clone, Copy)]
struct Look {
    color: bool,
    width: Option<usize>,
    headers: bool,
}

/// The table, a line at a time: the header, then each row of `order`; the headers of
/// the columns left out to fit. A table redrawn remembers its widths in `redraw`, and
/// writes only the rows it has room for.
fn write_table(
    out: &mut impl Write,
    rows: &Rows,
    order: &[usize],
    columns: &[Layout],
    look: Look,
    mut redraw: Option<&mut Redraw>,
) -> io::Result<Vec<&'static str>> {
    let Look {
        color,
        width,
        headers,
    } = look;
    if order.is_empty() {
        if let Some(redraw) = redraw {
            redraw.more = 0;
        }
        return Ok(Vec::new());
    }
    // Each column's widest cell, its header included, of the rows written.
    let mut widest: Vec<usize> = columns.iter().map(|c| c.header.width()).collect();
    let mut cells: Vec<&str> = Vec::with_capacity(columns.len());
    for &n in order {
        rows.cells(n, &mut cells);
        for (widest, cell) in widest.iter_mut().zip(&cells) {
            *widest = (*widest).max(cell.width());
        }
    }
    if let Some(redraw) = redraw.as_deref_mut() {
        // A narrower terminal starts afresh; otherwise no column narrows.
        if redraw.widest.len() != columns.len() || width < redraw.fitted_to {
            redraw.widest = vec![0; columns.len()];
            redraw.shown = vec![0; columns.len()];
        }
        for (widest, before) in widest.iter_mut().zip(&mut redraw.widest) {
            *widest = (*widest).max(*before);
            *before = *widest;
        }
        redraw.fitted_to = width;
    }
    let keep = match width {
        Some(width) => columns_that_fit(columns, &widest, width),
        None => vec![true; columns.len()],
    };
    let kept: Vec<usize> = (0..columns.len()).filter(|&i| keep[i]).collect();
    let hidden = (0..columns.len())
        .filter(|&i| !keep[i])
        .map(|i| columns[i].header)
        .collect();
    let mut widths = column_widths(columns, &widest, &kept, width);
    if let (Some(redraw), Some(width)) = (redraw.as_deref_mut(), width) {
        // Columns cut to fit keep the width they had, where the terminal has room.
        let mut total = widths.iter().sum::<usize>() + GAP * kept.len().saturating_sub(1);
        for (k, &i) in kept.iter().enumerate() {
            let before = redraw.shown[i].min(widest[i]);
            if before > widths[k] && total + (before - widths[k]) <= width {
                total += before - widths[k];
                widths[k] = before;
            }
        }
    }
    let cuts: Vec<Option<Cuts>> = kept
        .iter()
        .enumerate()
        .map(|(k, &i)| {
            (columns[i].cut_to_fit && widths[k] < widest[i])
                .then(|| distinct_cuts(rows.column(order, i), widths[k]))
        })
        .collect();
    for (width, cuts) in widths.iter_mut().zip(&cuts) {
        if let Some(cuts) = cuts {
            *width = cuts.width;
        }
    }
    if let Some(redraw) = redraw.as_deref_mut() {
        redraw.shown = vec![0; columns.len()];
        for (k, &i) in kept.iter().enumerate() {
            redraw.shown[i] = widths[k];
        }
    }
    let mut line = String::new();
    let lines = Lines {
        kept: &kept,
        widths: &widths,
        cuts: &cuts,
        columns,
        color,
    };
    if headers {
        lines.write(out, &mut line, |i| (columns[i].header, None), true)?;
    }
    // The rows there is room for: all of them, or all but the line that counts the rest.
    let room = redraw.as_deref().and_then(|r| r.room);
    let shown = match room {
        Some(room) if order.len() > room => room.saturating_sub(1),
        _ => order.len(),
    };
    for &n in &order[..shown] {
        rows.cells(n, &mut cells);
        let fg = rows.colors[n];
        lines.write(
            out,
            &mut line,
            |i| (cells[i], fg.filter(|_| columns[i].coloured)),
            false,
        )?;
    }
    if let Some(redraw) = redraw {
        redraw.more = order.len() - shown;
        if redraw.more > 0 {
            writeln!(out, "... {} more", redraw.more)?;
        }
    }
    Ok(hidden)
}

/// How the lines of one table are laid out.
struct Lines<'a> {
    kept: &'a [usize],
    widths: &'a [usize],
    /// How each kept column cut to fit shows its cells.
    cuts: &'a [Option<Cuts>],
    columns: &'a [Layout],
    color: bool,
}

impl Lines<'_> {
    /// One line of the table: each kept column's cell, cut to its width and padded
    /// (text only is coloured, not the padding), and no spaces at the end.
    fn write<'c>(
        &self,
        out: &mut impl Write,
        line: &mut String,
        cell: impl Fn(usize) -> (&'c str, Option<u8>),
        header: bool,
    ) -> io::Result<()> {
        line.clear();
        for (k, &i) in self.kept.iter().enumerate() {
            let (text, fg) = cell(i);
            let instead = match &self.cuts[k] {
                Some(cuts) if !header => cuts.instead.get(text),
                _ => None,
            };
            let (text, used) = match instead {
                Some((text, used)) => (text.as_str().into(), *used),
                None => cut(text, self.widths[k]),
            };
            let pad = self.widths[k].saturating_sub(used);
            let right = self.columns[i].right_aligned && !header;
            if right {
                line.extend(std::iter::repeat_n(' ', pad));
            }
            match (self.color, header, fg) {
                (true, true, _) => line.push_str(&format!("\x1b[1m{text}\x1b[0m")),
                (true, false, Some(code)) => {
                    line.push_str(&format!("\x1b[38;5;{code}m{text}\x1b[39m"))
                }
                _ => line.push_str(&text),
            }
            if !right {
                line.extend(std::iter::repeat_n(' ', pad));
            }
            if k + 1 < self.kept.len() {
                line.extend(std::iter::repeat_n(' ', GAP));
            }
        }
        out.write_all(line.trim_end().as_bytes())?;
        out.write_all(b"\n")
    }
}

/// One task as aligned keys and values, the status coloured as in the table. Written
/// a line at a time, in time linear in the values, whatever their length.
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
    key_values(&rows, status_color(task.status()).map(ansi_code), color)
}

/// Rows of keys and values, aligned; STATUS's value in the colour `status` names.
pub fn key_values(rows: &[(&str, String)], status: Option<u8>, color: bool) -> String {
    let width = rows.iter().map(|(key, _)| key.len()).max().unwrap_or(0);
    let mut text = String::new();
    for &(key, ref value) in rows {
        let pad = " ".repeat(width - key.len() + GAP);
        match (color, key, status) {
            (true, "STATUS", Some(code)) => text.push_str(&format!(
                "\x1b[1m{key}\x1b[0m{pad}\x1b[38;5;{code}m{value}\x1b[39m"
            )),
            (true, _, _) => text.push_str(&format!("\x1b[1m{key}\x1b[0m{pad}{value}")),
            (false, _, _) => text.push_str(&format!("{key}{pad}{value}")),
        }
        let end = text.trim_end_matches(' ').len();
        text.truncate(end);
        text.push('\n');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn views() -> Vec<&'static str> {
        vec![
            r#"{"task_id":"14cyxyu6UXaNT3lrPFl","task_name":"a rather long pre-labeling task name","type":1,"status":3,"progress":100.0,"annotated_sample_count":38,"total_sample_count":246,"create_time":"2020-11-03 15:22:39","elapsed_time":531}"#,
            r#"{"task_id":"5QPy73VwnwHi5NqvbcP","type":0,"status":2,"progress":12.5,"create_time":"2020-10-31 16:11:37","elapsed_time":45}"#,
        ]
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

    /// The table of `rows` as `list` writes it, without its last newline.
    fn render(rows: &[&str], style: &TableStyle) -> String {
        let mut out = Vec::new();
        let mut sink = TableSink::new(
            &mut out,
            Box::new(TaskTable {
                droppable: style.droppable.clone(),
                ..TaskTable::new(style.columns.clone())
            }),
            style.color,
            style.width,
        );
        for row in rows {
            sink.item(&RawValue::from_string(row.to_string()).unwrap())
                .unwrap();
        }
        sink.finish().unwrap();
        let text = String::from_utf8(out).unwrap();
        text.strip_suffix('\n').unwrap_or(&text).to_string()
    }

    fn plain(width: Option<usize>) -> String {
        render(
            &views(),
            &TableStyle {
                color: false,
                width,
                columns: DEFAULT_COLUMNS.to_vec(),
                droppable: DEFAULT_COLUMNS.to_vec(),
                ..Default::default()
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
        assert!(text.contains("  AGE  "), "{text}");
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
        // TYPE goes before ELAPSED and PROGRESS.
        assert_eq!(header(60), ["ID", "NAME", "STATUS", "PROGRESS"]);
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
            droppable: columns.clone(),
            columns,
            ..Default::default()
        };
        let rows = [
            r#"{"task_id":"a","status":2,"model_name":"m1","model_version":"0.0.1","unconfirmed_sample_count":7,"error_code":"E.1","error_msg":"broke","message":"ignored"}"#,
        ];
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
        let rows = [r#"{"task_id":"a","task_name":"日本語のタスク名前です長い","status":3}"#];
        let text = render(
            &rows,
            &TableStyle {
                color: false,
                width: Some(40),
                columns: DEFAULT_COLUMNS.to_vec(),
                droppable: DEFAULT_COLUMNS.to_vec(),
                ..Default::default()
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
                droppable: DEFAULT_COLUMNS.to_vec(),
                ..Default::default()
            },
        );
        assert!(
            text.contains("\x1b[38;5;10msucceeded") || text.contains("\x1b[32msucceeded"),
            "{text:?}"
        );
    }

    #[test]
    fn lines_are_clipped_without_counting_colour() {
        assert_eq!(clip("abcdef", 4), "abcd");
        assert_eq!(clip("abc", 4), "abc");
        assert_eq!(clip("日本語", 5), "日本");
        assert_eq!(
            clip("\x1b[1mID\x1b[0m  \x1b[38;5;10mrunning\x1b[39m", 7),
            "\x1b[1mID\x1b[0m  \x1b[38;5;10mrun\x1b[0m"
        );
        assert_eq!(clip("\x1b[1mID\x1b[0m", 2), "\x1b[1mID\x1b[0m");
    }

    #[test]
    fn cells_are_cut_to_a_width_with_an_ellipsis() {
        assert_eq!(cut("abcdef", 6), ("abcdef".into(), 6));
        assert_eq!(cut("abcdefg", 6), ("abcde…".into(), 6));
        assert_eq!(cut("日本語です", 6), ("日本…".into(), 5));
        assert_eq!(cut("日本語です", 7), ("日本語…".into(), 7));
        assert_eq!(cut("ab", 1), ("…".into(), 1));
        assert_eq!(cut("ab  cd", 5), ("ab…".into(), 3));
        assert_eq!(cut("", 0), ("".into(), 0));
    }

    #[test]
    fn a_table_told_an_order_writes_those_rows_only_as_wide_as_they_need() {
        let mut out = Vec::new();
        let mut sink = TableSink::new(
            &mut out,
            Box::new(TaskTable::new(vec![Column::Id, Column::Name])),
            false,
            None,
        );
        assert!(sink.keeps_items());
        for (id, name) in [("a", "first"), ("b", "a much longer name"), ("c", "third")] {
            let raw = format!(r#"{{"task_id":"{id}","task_name":"{name}"}}"#);
            sink.item(&RawValue::from_string(raw).unwrap()).unwrap();
        }
        sink.reorder(vec![2, 0]);
        sink.finish().unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "ID  NAME\nc   third\na   first\n"
        );
    }

    #[test]
    fn a_huge_value_costs_one_cell() {
        let name = "n".repeat(1_000_000);
        let raw = format!(r#"{{"task_id":"a","task_name":"{name}","status":3}}"#);
        let mut out = Vec::new();
        let style = TableStyle {
            color: false,
            width: None,
            columns: DEFAULT_COLUMNS.to_vec(),
            droppable: DEFAULT_COLUMNS.to_vec(),
            ..Default::default()
        };
        let mut sink = TableSink::new(
            &mut out,
            Box::new(TaskTable::new(style.columns)),
            style.color,
            style.width,
        );
        for _ in 0..10 {
            sink.item(&RawValue::from_string(raw.clone()).unwrap())
                .unwrap();
        }
        // What is kept of ten million characters of names: ten cells of the widest.
        assert!(
            sink.rows.text.len() < 10 * (MAX_CELL_WIDTH + 100),
            "{}",
            sink.rows.text.len()
        );
        sink.finish().unwrap();
        let text = String::from_utf8(out).unwrap();
        let row = text.lines().nth(1).unwrap();
        assert!(row.contains(&format!("{}…", "n".repeat(MAX_CELL_WIDTH - 1))));
        assert!(!row.contains(&"n".repeat(MAX_CELL_WIDTH)));
    }

    #[test]
    fn columns_cut_to_fit_share_what_is_left() {
        let columns = TaskTable::new(vec![Column::Id, Column::Name, Column::Message]).layout();
        // ID 5 wide, NAME 40, MESSAGE 8: 5 + 2 + NAME + 2 + MESSAGE in 40 columns.
        let widths = column_widths(&columns, &[5, 40, 8], &[0, 1, 2], Some(40));
        assert_eq!(widths, [5, 23, 8], "the short message keeps its width");
        let widths = column_widths(&columns, &[5, 40, 30], &[0, 1, 2], Some(40));
        assert_eq!(widths, [5, 16, 15], "an equal share each");
        // Never below the minimum, even when that is wider than the terminal.
        let widths = column_widths(&columns, &[5, 40, 30], &[0, 1, 2], Some(20));
        assert_eq!(widths, [5, NAME_MIN_WIDTH, NAME_MIN_WIDTH]);
        // Without a width, every column as wide as its widest cell.
        assert_eq!(
            column_widths(&columns, &[5, 40, 30], &[0, 2], None),
            [5, 30]
        );
    }

    #[test]
    fn details_keep_long_values_whole_without_padding_the_rest() {
        let name = "n".repeat(100_000);
        let task = TaskView::parse(&format!(
            r#"{{"task_id":"a","task_name":"{name}","status":3}}"#
        ));
        let text = details(&task, false);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "ID        a");
        assert_eq!(lines[1].len(), "NAME      ".len() + name.len());
        assert_eq!(lines[3], "STATUS    succeeded");
        let coloured = details(&task, true);
        assert!(
            coloured.contains("\x1b[1mSTATUS\x1b[0m    \x1b[38;5;10msucceeded\x1b[39m"),
            "{coloured:?}"
        );
    }

    fn cuts_of(cells: &[&str], width: usize) -> (usize, Vec<String>) {
        let cuts = distinct_cuts(cells.iter().copied(), width);
        let shown = cells
            .iter()
            .map(|cell| match cuts.instead.get(*cell) {
                Some((text, _)) => text.clone(),
                None => cut(cell, cuts.width).0.into_owned(),
            })
            .collect();
        (cuts.width, shown)
    }

    #[test]
    fn names_cut_alike_are_cut_in_the_middle_or_widened() {
        // Cut at the end, these read the same; their ends tell them apart.
        let (width, shown) = cuts_of(
            &[
                "nightly pre-label 3",
                "nightly pre-label 4",
                "weekly",
                "nightly pre-label 3",
            ],
            17,
        );
        assert_eq!(width, 17);
        assert_eq!(
            shown,
            [
                "nightly pre-…el 3",
                "nightly pre-…el 4",
                "weekly",
                "nightly pre-…el 3"
            ]
        );
        // Names that differ when cut at the end stay cut at the end.
        let (width, shown) = cuts_of(&["alpha one", "beta two", "alpha one"], 5);
        assert_eq!(
            (width, shown),
            (5, vec!["alph…".into(), "beta…".into(), "alph…".into()])
        );
        // A longer end when a quarter of the width is not enough.
        let (_, shown) = cuts_of(
            &["nightly pre-label 1 ended", "nightly pre-label 2 ended"],
            17,
        );
        assert_eq!(shown, ["nightly p…1 ended", "nightly p…2 ended"]);
        // Only the middle differs: the column widens until the beginnings differ.
        let (width, shown) = cuts_of(
            &["run 1 of the nightly batch", "run 2 of the nightly batch"],
            5,
        );
        assert_eq!((width, shown), (6, vec!["run 1…".into(), "run 2…".into()]));
        // Wide characters count double, at either end.
        let (_, shown) = cuts_of(&["日本語のタスク一", "日本語のタスク二"], 9);
        assert!(shown[0] != shown[1], "{shown:?}");
        assert!(shown.iter().all(|s| s.width() <= 9), "{shown:?}");
    }

    #[test]
    fn columns_asked_for_stay_and_the_table_grows_wider() {
        let rows = [
            r#"{"task_id":"a","task_name":"a rather long pre-labeling task name","status":2,"model_name":"m1","model_version":"0.0.1","error_msg":"broke"}"#,
        ];
        let columns: Vec<Column> = DEFAULT_COLUMNS
            .iter()
            .chain(&WIDE_COLUMNS)
            .copied()
            .collect();
        let text = render(
            &rows,
            &TableStyle {
                color: false,
                width: Some(60),
                columns,
                droppable: DEFAULT_COLUMNS.to_vec(),
                ..Default::default()
            },
        );
        let header: Vec<&str> = text.lines().next().unwrap().split_whitespace().collect();
        assert_eq!(
            header,
            [
                "ID",
                "NAME",
                "STATUS",
                "CREATED",
                "MODEL",
                "VERSION",
                "UNCONFIRMED",
                "MESSAGE"
            ],
            "{text}"
        );
        // Names and messages are cut to their least, and no further.
        assert!(text.contains("a rather lo…  failed"), "{text}");
        assert!(text.lines().nth(1).unwrap().width() > 60, "{text}");
    }

    #[test]
    fn a_redrawn_table_keeps_its_widths_and_counts_what_has_no_room() {
        let draw = |rows: &[String], width: usize, redraw: &Rc<RefCell<Redraw>>| {
            let mut out = Vec::new();
            let mut sink = TableSink::new(
                &mut out,
                Box::new(TaskTable::new(vec![
                    Column::Id,
                    Column::Name,
                    Column::Status,
                ])),
                false,
                Some(width),
            )
            .redrawn(redraw.clone());
            for row in rows {
                sink.item(&RawValue::from_string(row.clone()).unwrap())
                    .unwrap();
            }
            sink.finish().unwrap();
            String::from_utf8(out).unwrap()
        };
        let task = |id: &str, name: &str, status: u8| {
            format!(r#"{{"task_id":"{id}","task_name":"{name}","status":{status}}}"#)
        };
        let redraw = Rc::new(RefCell::new(Redraw {
            room: Some(3),
            ..Redraw::default()
        }));
        let first = [task("a", "a long name of a task", 1), task("b", "short", 3)];
        assert_eq!(
            draw(&first, 80, &redraw),
            "ID  NAME                   STATUS\na   a long name of a task  running\nb   short                  succeeded\n"
        );
        assert_eq!(redraw.borrow().more, 0);
        // The long name is gone and the statuses are short: nothing narrows.
        let second = [
            task("b", "short", 1),
            task("c", "x", 1),
            task("d", "y", 1),
            task("e", "z", 1),
        ];
        assert_eq!(
            draw(&second, 80, &redraw),
            "ID  NAME                   STATUS\nb   short                  running\nc   x                      running\n... 2 more\n"
        );
        assert_eq!(redraw.borrow().more, 2);
        // A narrower terminal starts afresh.
        assert_eq!(
            draw(&second[..1], 40, &redraw),
            "ID  NAME   STATUS\nb   short  running\n"
        );
        assert_eq!(redraw.borrow().more, 0);
    }
}
