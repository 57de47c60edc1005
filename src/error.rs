//! Error kinds that select an exit code, and the one place errors are reported.

use std::fmt;
use std::io;
use std::process::ExitCode;

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

/// ModelArts' code for a task ID that the dataset does not have (with HTTP 400).
pub const TASK_NOT_FOUND: &str = "ModelArts.4612";

/// The command line asks for something impossible (exit 2).
#[derive(Debug)]
pub struct UsageError(pub String);

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

/// A non-success HTTP answer from the API.
#[derive(Debug)]
pub struct ApiError {
    pub status: u16,
    /// `error_code` (or `code`) from a JSON error body.
    pub code: Option<String>,
    /// `error_msg` (or `message`) from a JSON error body.
    pub message: Option<String>,
    /// Why there is no code or message: the body was empty, HTML or not JSON.
    pub body_note: Option<String>,
    pub request_id: Option<String>,
    /// Seconds the server's clock is ahead of ours, when it told us and it matters.
    pub clock_skew: Option<i64>,
    /// Advice that knows more than the status, e.g. which credentials were used.
    pub hint: Option<String>,
    /// Requests made before giving up: more than one after retries.
    pub attempts: u32,
}

impl ApiError {
    pub fn kind(&self) -> ExitKind {
        match self.status {
            401 | 403 => ExitKind::Auth,
            404 => ExitKind::NotFound,
            400 if self.code.as_deref() == Some(TASK_NOT_FOUND) => ExitKind::NotFound,
            429 => ExitKind::Throttled,
            _ => ExitKind::Runtime,
        }
    }

    /// Advice that fits the status, printed below the error.
    pub fn hint(&self) -> Option<String> {
        if let Some(hint) = &self.hint {
            return Some(hint.clone());
        }
        if self.code.as_deref() == Some(TASK_NOT_FOUND) {
            return Some(
                "check the task ID, and that it belongs to this dataset (`matasks list` shows \
                 the dataset's tasks)"
                    .to_string(),
            );
        }
        let hint = match self.status {
            401 => {
                let mut hint = "check the access key and secret key, the project ID, \
                                and that this machine's clock is right (signatures are \
                                valid for 15 minutes)"
                    .to_string();
                if let Some(skew) = self.clock_skew {
                    let (ahead, secs) = if skew > 0 {
                        ("behind", skew)
                    } else {
                        ("ahead of", -skew)
                    };
                    hint = format!(
                        "your clock is {} {ahead} the server; signed requests are rejected \
                         beyond 15 minutes: fix the clock (NTP), then retry",
                        crate::model::humanize_seconds(secs)
                    );
                }
                hint
            }
            403 => "the credentials are valid but not allowed to read this dataset: check \
                    the IAM permissions for ModelArts in this project and region"
                .to_string(),
            404 => "check the dataset ID, and that the project and region (or endpoint) \
                    are the ones the dataset lives in"
                .to_string(),
            429 => "the API is throttling requests: wait a moment and retry".to_string(),
            _ => return None,
        };
        Some(hint)
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.code, &self.message) {
            (Some(code), Some(msg)) => write!(f, "{code}: {msg}")?,
            (Some(text), None) | (None, Some(text)) => f.write_str(text)?,
            (None, None) => {
                write!(f, "the server answered HTTP {}", self.status)?;
                if let Some(reason) = http_reason(self.status) {
                    write!(f, " {reason}")?;
                }
                if let Some(note) = &self.body_note {
                    write!(f, " with {note}")?;
                }
            }
        }
        write!(f, " (HTTP {}", self.status)?;
        if let Some(id) = &self.request_id {
            write!(f, ", request id {id}")?;
        }
        if self.attempts > 1 {
            write!(f, ", after {} attempts", self.attempts)?;
        }
        f.write_str(")")
    }
}

impl std::error::Error for ApiError {}

fn http_reason(status: u16) -> Option<&'static str> {
    reqwest::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
}

/// Whether trying again later cannot help: refused credentials, something not found,
/// or settings to fix. Anything else (a server error, a network fault, a malformed
/// answer) may pass, so a long wait or watch goes on through it.
pub fn is_lasting(err: &anyhow::Error) -> bool {
    matches!(
        kind_of(err),
        ExitKind::Auth | ExitKind::NotFound | ExitKind::Config | ExitKind::Usage
    )
}

/// The exit kind an error asks for: the first classified cause wins.
pub fn kind_of(err: &anyhow::Error) -> ExitKind {
    for cause in err.chain() {
        if let Some(api) = cause.downcast_ref::<ApiError>() {
            return api.kind();
        }
        if cause.is::<UsageError>() {
            return ExitKind::Usage;
        }
        if cause.is::<ConfigError>() {
            return ExitKind::Config;
        }
        if cause.is::<Incomplete>() {
            return ExitKind::Incomplete;
        }
    }
    ExitKind::Runtime
}

/// Whether the error is only that stdout's reader went away (`| head -1`).
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// Advice for a request that got no answer at all.
fn network_hint(err: &reqwest::Error) -> Option<&'static str> {
    if err.is_connect() {
        Some(
            "no connection: check the endpoint (or region), the network, and any proxy \
             (HTTPS_PROXY, NO_PROXY)",
        )
    } else if err.is_timeout() {
        Some("the server did not answer in time: check the network and any proxy, then retry")
    } else {
        None
    }
}

/// Whether the server's certificate was refused. The TLS error arrives wrapped by the
/// connector in types of its own, so it is recognised by rustls's words for it.
pub fn is_untrusted_certificate(err: &anyhow::Error) -> bool {
    err.chain()
        .any(|cause| cause.to_string().contains("invalid peer certificate"))
}

/// Print the error (and any hint) on stderr and choose the exit status.
pub fn report(err: &anyhow::Error) -> ExitCode {
    if is_broken_pipe(err) {
        return ExitCode::SUCCESS;
    }
    if let Some(Ended(kind)) = err.downcast_ref::<Ended>() {
        return ExitCode::from(*kind as u8);
    }
    crate::term::error(&format!("{err:#}"));
    let untrusted = is_untrusted_certificate(err);
    if untrusted {
        crate::term::hint(
            "the server's certificate is not trusted here: for a private cloud's own CA, \
             pass --ca-bundle FILE.pem (or set `ca_bundle`); --insecure skips the check",
        );
    }
    for cause in err.chain() {
        if let Some(hint) = cause.downcast_ref::<ApiError>().and_then(ApiError::hint) {
            crate::term::hint(&hint);
        }
        if let Some(hint) = cause
            .downcast_ref::<Incomplete>()
            .and_then(|i| i.hint.as_ref())
        {
            crate::term::hint(hint);
        }
        if let Some(hint) = cause
            .downcast_ref::<reqwest::Error>()
            .and_then(network_hint)
            .filter(|_| !untrusted)
        {
            crate::term::hint(hint);
        }
    }
    ExitCode::from(kind_of(err) as u8)
}

#[cfg(test)]
mod tests {
    use super::*;
    use anyhow::Context;

    fn api(status: u16) -> ApiError {
        ApiError {
            status,
            code: Some("ModelArts.4352".into()),
            message: Some("Dataset not found.".into()),
            body_note: None,
            request_id: Some("7c1f0e".into()),
            clock_skew: None,
            hint: None,
            attempts: 1,
        }
    }

    #[test]
    fn api_error_reads_as_one_line() {
        assert_eq!(
            api(404).to_string(),
            "ModelArts.4352: Dataset not found. (HTTP 404, request id 7c1f0e)"
        );
        let bare = ApiError {
            status: 502,
            code: None,
            message: None,
            body_note: Some("an HTML body".into()),
            request_id: None,
            clock_skew: None,
            hint: None,
            attempts: 1,
        };
        assert_eq!(
            bare.to_string(),
            "the server answered HTTP 502 Bad Gateway with an HTML body (HTTP 502)"
        );
    }

    #[test]
    fn statuses_map_to_exit_kinds() {
        for (status, kind) in [
            (401, ExitKind::Auth),
            (403, ExitKind::Auth),
            (404, ExitKind::NotFound),
            (429, ExitKind::Throttled),
            (500, ExitKind::Runtime),
            (400, ExitKind::Runtime),
        ] {
            let err = anyhow::Error::new(api(status)).context("listing tasks");
            assert_eq!(kind_of(&err), kind, "status {status}");
        }
        let usage = anyhow::Error::new(UsageError("x".into()));
        assert_eq!(kind_of(&usage), ExitKind::Usage);
        let short = anyhow::Error::new(Incomplete {
            message: "x".into(),
            hint: None,
        });
        assert_eq!(kind_of(&short), ExitKind::Incomplete);
        assert!(!is_lasting(&short));
        let config = Err::<(), _>(ConfigError("x".into()))
            .context("loading")
            .unwrap_err();
        assert_eq!(kind_of(&config), ExitKind::Config);
        assert_eq!(kind_of(&anyhow::anyhow!("boom")), ExitKind::Runtime);
    }

    #[test]
    fn broken_pipe_is_recognised_through_context() {
        let err = Err::<(), _>(io::Error::from(io::ErrorKind::BrokenPipe))
            .context("writing tasks")
            .unwrap_err();
        assert!(is_broken_pipe(&err));
        assert!(!is_broken_pipe(&anyhow::anyhow!("other")));
    }

    #[test]
    fn clock_skew_turns_the_401_hint_into_a_diagnosis() {
        let mut err = api(401);
        assert!(err.hint().unwrap().contains("clock is right"));
        err.clock_skew = Some(1200);
        assert_eq!(
            err.hint().unwrap(),
            "your clock is 20m00s behind the server; signed requests are rejected beyond 15 minutes: fix the clock (NTP), then retry"
        );
    }
}
