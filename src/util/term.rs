//! Terminal decisions (colour, width) and the messages matasks writes to stderr.
//!
//! stdout carries data only; everything here goes to stderr, and a failed write
//! to stderr is ignored because there is nowhere left to report it. Every message is
//! made safe for the terminal here ([`text::clean`]), whatever it quotes: errors,
//! warnings, hints, notes and each line of `-v` output stay one line each.

use std::io::{self, IsTerminal, Write};
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};

use crate::util::{platform, text};

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

static VERBOSITY: AtomicU8 = AtomicU8::new(0);
/// Set while settings are checked on the side, whose warnings were already given.
static QUIET: AtomicBool = AtomicBool::new(false);
static STDERR_COLOR: AtomicBool = AtomicBool::new(false);

/// Record the user's choices for everything written to stderr. Called once, first.
pub fn init(color: ColorChoice, verbosity: u8) {
    VERBOSITY.store(verbosity, Ordering::Relaxed);
    STDERR_COLOR.store(
        use_color(color, io::stderr().is_terminal()),
        Ordering::Relaxed,
    );
}

pub fn verbosity() -> u8 {
    VERBOSITY.load(Ordering::Relaxed)
}

/// Whether to colour a stream, given the user's choice.
pub fn use_color(choice: ColorChoice, is_terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => is_terminal && !no_color_requested(),
    }
}

/// NO_COLOR (https://no-color.org): any non-empty value disables colour.
fn no_color_requested() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

fn label(color: bool, sgr: &str, label: &str) -> String {
    if color {
        format!("\x1b[{sgr}m{label}\x1b[0m")
    } else {
        label.to_string()
    }
}

fn prefixed(sgr: &str, name: &str, message: &str) {
    let color = STDERR_COLOR.load(Ordering::Relaxed);
    emit(&format!(
        "{}: {}",
        label(color, sgr, name),
        text::clean(message)
    ));
}

fn emit(line: &str) {
    let _ = writeln!(io::stderr().lock(), "{line}");
}

pub fn error(message: &str) {
    prefixed("1;31", "error", message);
}

pub fn warn(message: &str) {
    if !QUIET.load(Ordering::Relaxed) {
        prefixed("1;33", "warning", message);
    }
}

/// Run `f` without printing its warnings.
pub fn without_warnings<T>(f: impl FnOnce() -> T) -> T {
    let was = QUIET.swap(true, Ordering::Relaxed);
    let result = f();
    QUIET.store(was, Ordering::Relaxed);
    result
}

pub fn hint(message: &str) {
    prefixed("1;36", "hint", message);
}

/// A piece of the command line under an error, and a caret under `caret` columns in.
pub fn excerpt(text: &str, caret: usize) {
    emit(&format!("  {}", text::clean(text)));
    emit(&format!("  {}^", " ".repeat(caret)));
}

/// A plain informational line, such as the table's page summary.
pub fn note(message: &str) {
    emit(&text::clean(message));
}

/// A diagnostic line shown at `-v` (level 1) or `-vv` (level 2).
pub fn debug(level: u8, message: impl FnOnce() -> String) {
    if verbosity() >= level {
        emit(&text::clean(&message()));
    }
}

/// Diagnostic lines shown together at `-v` (level 1) or `-vv` (level 2): each stays
/// one line, whatever it quotes.
pub fn debug_lines(level: u8, lines: impl FnOnce() -> Vec<String>) {
    if verbosity() >= level {
        let lines: Vec<_> = lines()
            .iter()
            .map(|l| text::clean(l).into_owned())
            .collect();
        emit(&lines.join("\n"));
    }
}

/// Set when stdout was closed as the process started.
static STDOUT_CLOSED_AT_START: AtomicBool = AtomicBool::new(false);

/// Note whether stdout is closed; called before `main`, since the standard library
/// opens /dev/null in place of a closed stdout, where whatever is printed is lost
/// without a word.
pub fn look_at_stdout_at_start() {
    STDOUT_CLOSED_AT_START.store(platform::stdout_closed(), Ordering::Relaxed);
}

/// Whether stdout is open, for a command that prints data to ask before it starts.
pub fn stdout_is_open() -> bool {
    !STDOUT_CLOSED_AT_START.load(Ordering::Relaxed)
}

/// `text` on stdout, flushed at once: a script may read it before the command ends.
pub fn print(text: &str) -> io::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()
}

/// Whether stdout is a pipe (or socket) whose reader has gone. A write would fail
/// with a broken pipe; this tells a command that writes nothing for a while, such as
/// a watch with no news, without writing.
pub fn stdout_reader_gone() -> bool {
    platform::stdout_reader_gone()
}

/// Width available for the table: `COLUMNS` if set, else the terminal's. A terminal
/// that reports no size (0x0, as a serial console or a pseudo-terminal nobody sized
/// does) has an unknown width, not a width of 0.
pub fn terminal_width() -> Option<usize> {
    if let Some(cols) = size_from_env("COLUMNS") {
        return Some(cols);
    }
    let probe = comfy_table::Table::new();
    probe.width().map(usize::from).filter(|&cols| cols > 0)
}

/// A size the variable `var` gives (`COLUMNS`, `LINES`): a count above 0.
fn size_from_env(var: &str) -> Option<usize> {
    std::env::var(var)
        .ok()
        .and_then(|n| n.trim().parse::<usize>().ok())
        .filter(|&n| n > 0)
}

/// Lines available for a screen drawn in place: `LINES` if set, else the terminal's.
pub fn terminal_height() -> Option<usize> {
    if let Some(lines) = size_from_env("LINES") {
        return Some(lines);
    }
    crossterm::terminal::size()
        .ok()
        .map(|(_, rows)| usize::from(rows))
        .filter(|&rows| rows > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explicit_choices_ignore_the_terminal() {
        assert!(use_color(ColorChoice::Always, false));
        assert!(!use_color(ColorChoice::Never, true));
        assert!(!use_color(ColorChoice::Auto, false));
    }

    #[test]
    fn labels_are_plain_without_colour() {
        assert_eq!(label(false, "1;31", "error"), "error");
        assert_eq!(label(true, "1;31", "error"), "\x1b[1;31merror\x1b[0m");
    }
}
