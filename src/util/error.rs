//! Error kinds that select an exit status, and the errors any layer may raise:
//! usage, configuration, an incomplete listing, advice to show with an error.

use std::fmt;
use std::io;

/// Exit statuses, as documented in README.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitKind {
    Runtime = 1,
    Usage = 2,
    Config = 3,
    Auth = 4,
    NotFound = 5,
    Throttled = 6,
    /// `wait`: the task failed.
    TaskFailed = 7,
    /// `wait`: the task was stopped.
    TaskStopped = 8,
    /// `list --all`: the pages held fewer tasks than the server's total (what they
    /// held was printed).
    Incomplete = 9,
    /// `wait`: the task was not done in time, as `timeout(1)` says it.
    TimedOut = 124,
    /// Ctrl-C, as a shell reports SIGINT.
    Interrupted = 130,
}

/// How a command ended when that is not success but not an error of matasks either:
/// `wait` reporting a failed task. The message has been said; only the status is left.
#[derive(Debug)]
pub struct Ended(pub ExitKind);

impl fmt::Display for Ended {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ended with status {}", self.0 as u8)
    }
}

impl std::error::Error for Ended {}

/// The command line asks for something impossible (exit 2).
#[derive(Debug)]
pub struct UsageError(pub String);

/// A mistake in a piece of text the command line gave, such as a `--jq` program
/// (exit 2): shown as the message, then the text with a caret under the mistake.
#[derive(Debug)]
pub struct MistakeIn {
    pub message: String,
    /// The text, safe to show.
    pub text: String,
    /// The terminal columns of the text before the mistake.
    pub caret: usize,
}

impl fmt::Display for MistakeIn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for MistakeIn {}

/// The configuration or the credentials are missing or wrong (exit 3).
#[derive(Debug)]
pub struct ConfigError(pub String);

/// A whole listing that holds fewer tasks than the server said it has (exit 9).
#[derive(Debug)]
pub struct Incomplete {
    pub message: String,
    /// What may explain it, and what to do.
    pub hint: Option<String>,
}

impl fmt::Display for Incomplete {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Incomplete {}

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}
impl std::error::Error for ConfigError {}

/// Settings that failed where nothing is set up at all (a first run): what to run to
/// set up is said first, then what is missing (the source).
#[derive(Debug)]
pub struct NotSetUp(pub ConfigError);

impl fmt::Display for NotSetUp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("matasks is not set up yet: run `matasks config init` to create a profile")
    }
}

impl std::error::Error for NotSetUp {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.0)
    }
}

/// Context for an answer of success that is not what the API sends: not JSON, or JSON
/// of another shape. Found again with `downcast_ref`, through any context above it.
#[derive(Debug)]
pub struct Malformed(pub String);

impl fmt::Display for Malformed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Malformed {}

/// Context that brings advice of its own, printed as a hint below the error's.
#[derive(Debug)]
pub struct Advised {
    pub message: String,
    pub hint: String,
}

impl fmt::Display for Advised {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// Whether the error is only that stdout's reader went away (`| head -1`).
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// A `--jq` program that failed on the data (exit 1). It reaches the output's
/// caller inside an I/O error, so it is found in the chain and told on its own, not as
/// a failure to write.
#[derive(Debug)]
pub struct ProgramFailed(pub String);

impl fmt::Display for ProgramFailed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ProgramFailed {}

/// The failed program in `err`'s chain, if any.
pub fn program_failed(err: &anyhow::Error) -> Option<&ProgramFailed> {
    err.chain().find_map(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .and_then(|e| e.get_ref())
            .and_then(|inner| inner.downcast_ref::<ProgramFailed>())
            .or_else(|| cause.downcast_ref::<ProgramFailed>())
    })
}

/// What went wrong with a file, said briefly.
pub fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use anyhow::Context;

    #[test]
    fn broken_pipe_is_recognised_through_context() {
        let err = Err::<(), _>(io::Error::from(io::ErrorKind::BrokenPipe))
            .context("writing tasks")
            .unwrap_err();
        assert!(is_broken_pipe(&err));
        assert!(!is_broken_pipe(&anyhow::anyhow!("other")));
    }
}
