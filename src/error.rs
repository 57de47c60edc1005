//! Error kinds that select an exit code, and the one place errors are reported.

use std::fmt;
use std::io;
use std::process::ExitCode;

use crate::id::BadId;

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

/// A ModelArts error code whose meaning decides more than its HTTP status does.
#[derive(Debug)]
pub struct KnownCode {
    pub code: &'static str,
    /// What it means, after the official error table.
    pub meaning: &'static str,
    /// The exit status it selects; [`ExitKind::Throttled`] also makes a read retried.
    pub kind: ExitKind,
    pub hint: &'static str,
}

const DATASET_HINT: &str = "check the dataset ID, and that the project and region (or endpoint) \
                            are the ones the dataset lives in";
const TASK_HINT: &str = "check the task ID, and that it belongs to this dataset (`matasks list` \
                         shows the dataset's tasks)";
const THROTTLED_HINT: &str = "the API is throttling requests: wait a moment and retry";

/// The ModelArts error codes matasks knows, whatever HTTP status they come with: the
/// service answers a missing dataset with 400, and throttles with 429 or other statuses.
pub const KNOWN_CODES: &[KnownCode] = &[
    KnownCode {
        code: "ModelArts.4352",
        meaning: "dataset does not exist",
        kind: ExitKind::NotFound,
        hint: DATASET_HINT,
    },
    KnownCode {
        code: "ModelArts.4612",
        meaning: "task not found",
        kind: ExitKind::NotFound,
        hint: TASK_HINT,
    },
    KnownCode {
        code: "ModelArts.2799",
        meaning: "too many requests",
        kind: ExitKind::Throttled,
        hint: THROTTLED_HINT,
    },
    KnownCode {
        code: "ModelArts.4206",
        meaning: "too many requests",
        kind: ExitKind::Throttled,
        hint: THROTTLED_HINT,
    },
    KnownCode {
        code: "ModelArts.4395",
        meaning: "too many dataset or labeling-task requests",
        kind: ExitKind::Throttled,
        hint: "too many dataset or labeling-task requests in a short time: wait a moment \
               and retry",
    },
    KnownCode {
        code: "ModelArts.6101",
        meaning: "the system is busy",
        kind: ExitKind::Throttled,
        hint: "the service is busy: wait a moment and retry",
    },
    KnownCode {
        code: "ModelArts.4385",
        meaning: "an auto deploy task is already running",
        kind: ExitKind::Runtime,
        hint: "the dataset already runs an auto deploy task: start another once it is done \
               (`matasks list --status running`)",
    },
    KnownCode {
        code: "ModelArts.4386",
        meaning: "an auto labeling task is already running",
        kind: ExitKind::Runtime,
        hint: "the dataset already runs an auto labeling task: start another once it is \
               done (`matasks list --status running`)",
    },
    KnownCode {
        code: "ModelArts.4387",
        meaning: "a pre-labeling task is already running",
        kind: ExitKind::Runtime,
        hint: "the dataset already runs a pre-labeling task: start another once it is done \
               (`matasks list --status running`)",
    },
    KnownCode {
        code: "ModelArts.4409",
        meaning: "running tasks over the limit",
        kind: ExitKind::Runtime,
        hint: "the dataset runs as many tasks as it may: start more once some are done \
               (`matasks list --status running`)",
    },
];

/// The row of [`KNOWN_CODES`] for `code`.
pub fn known_code(code: &str) -> Option<&'static KnownCode> {
    KNOWN_CODES.iter().find(|known| known.code == code)
}

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
    /// The row of [`KNOWN_CODES`] for this answer's error code.
    pub fn known(&self) -> Option<&'static KnownCode> {
        self.code.as_deref().and_then(known_code)
    }

    /// The error code decides when it is a known one; else the HTTP status.
    pub fn kind(&self) -> ExitKind {
        if let Some(known) = self.known() {
            return known.kind;
        }
        match self.status {
            401 | 403 => ExitKind::Auth,
            404 => ExitKind::NotFound,
            429 => ExitKind::Throttled,
            _ => ExitKind::Runtime,
        }
    }

    /// Whether the answer is in the API's own shape: a JSON error with a code or a
    /// message. A redirect, or an HTML, empty or other body, came from something else.
    pub fn is_the_apis(&self) -> bool {
        self.code.is_some() || self.message.is_some()
    }

    /// The API asks us to slow down: HTTP 429 or a throttling code, whatever its
    /// status. Such a read is tried again, with fewer requests in flight.
    pub fn is_throttled(&self) -> bool {
        self.kind() == ExitKind::Throttled
    }

    /// Advice that fits the code or the status, printed below the error.
    pub fn hint(&self) -> Option<String> {
        if let Some(hint) = &self.hint {
            return Some(hint.clone());
        }
        if let Some(known) = self.known() {
            return Some(known.hint.to_string());
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
            404 => DATASET_HINT.to_string(),
            429 => THROTTLED_HINT.to_string(),
            _ => return None,
        };
        Some(hint)
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.code, &self.message) {
            (Some(code), Some(msg)) => write!(f, "{code}: {msg}")?,
            // A code without a message: what the code means, when it is a known one.
            (Some(code), None) => match self.known() {
                Some(known) => write!(f, "{code} ({})", known.meaning)?,
                None => f.write_str(code)?,
            },
            (None, Some(text)) => f.write_str(text)?,
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
        if let Some(bad) = cause.downcast_ref::<BadId>() {
            return if bad.is_given() {
                ExitKind::Usage
            } else {
                ExitKind::Config
            };
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

/// Whether the endpoint's host name did not resolve. The resolver's error arrives
/// wrapped by the connector, so it is recognised by hyper's words for it.
pub fn is_unresolved_host(err: &anyhow::Error) -> bool {
    err.chain()
        .any(|cause| cause.to_string().contains("dns error"))
}

/// Whether a failure shows that the API was never reached, in a way that trying again
/// would not change: nothing listens at the endpoint (connection refused or
/// unreachable), its host name does not resolve, its certificate is not trusted, or
/// what answered is not the API (an HTML, empty or other non-JSON body, JSON that is
/// not the API's, a redirect). A timeout, a connection broken after it was made, or an
/// error in the API's own JSON (a 503 of the gateway) may pass.
pub fn never_reached_the_api(err: &anyhow::Error) -> bool {
    if is_untrusted_certificate(err)
        || is_unresolved_host(err)
        || err.downcast_ref::<Malformed>().is_some()
    {
        return true;
    }
    err.chain().any(|cause| {
        if let Some(api) = cause.downcast_ref::<ApiError>() {
            return !api.is_the_apis();
        }
        cause
            .downcast_ref::<reqwest::Error>()
            .is_some_and(|e| e.is_connect() && !e.is_timeout())
    })
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
    if let Some(advised) = err.downcast_ref::<Advised>() {
        crate::term::hint(&advised.hint);
    }
    if err
        .chain()
        .filter_map(|cause| cause.downcast_ref::<BadId>())
        .any(|bad| !bad.is_given())
    {
        crate::term::hint(
            "set `project_id` in the profile (or pass --project-id) to use the project's ID \
             without asking for it",
        );
    }
    ExitCode::from(kind_of(err) as u8)
}

#[cfg(test)]
mod tests {
    use super::*;
    use anyhow::Context;

    fn api(status: u16) -> ApiError {
        coded(status, "APIGW.0000")
    }

    fn coded(status: u16, code: &str) -> ApiError {
        ApiError {
            status,
            code: Some(code.into()),
            message: Some("Injected.".into()),
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
            "APIGW.0000: Injected. (HTTP 404, request id 7c1f0e)"
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
        // A code alone says what it means when it is a known one.
        let mut code_only = coded(400, "ModelArts.4352");
        code_only.message = None;
        code_only.request_id = None;
        assert_eq!(
            code_only.to_string(),
            "ModelArts.4352 (dataset does not exist) (HTTP 400)"
        );
        code_only.code = Some("X.1".into());
        assert_eq!(code_only.to_string(), "X.1 (HTTP 400)");
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
    fn every_known_code_selects_its_kind_and_hint_whatever_the_status() {
        for known in KNOWN_CODES {
            assert!(known.code.starts_with("ModelArts."), "{}", known.code);
            assert!(!known.meaning.is_empty() && !known.hint.is_empty());
            assert!(!known.hint.contains("  "), "{}", known.hint);
            for status in [400, 403, 404, 429, 500, 501, 503] {
                let error = coded(status, known.code);
                assert_eq!(error.kind(), known.kind, "{} with {status}", known.code);
                assert_eq!(error.hint().as_deref(), Some(known.hint), "{}", known.code);
                assert_eq!(
                    error.is_throttled(),
                    known.kind == ExitKind::Throttled,
                    "{}",
                    known.code
                );
                let err = anyhow::Error::new(error).context("listing tasks");
                assert_eq!(kind_of(&err), known.kind);
            }
        }
        let codes: std::collections::HashSet<_> = KNOWN_CODES.iter().map(|k| k.code).collect();
        assert_eq!(codes.len(), KNOWN_CODES.len(), "one row per code");
    }

    #[test]
    fn the_rows_that_matter_say_what_they_should() {
        let kind = |code: &str| known_code(code).map(|k| k.kind);
        assert_eq!(kind("ModelArts.4352"), Some(ExitKind::NotFound));
        assert_eq!(kind("ModelArts.4612"), Some(ExitKind::NotFound));
        for throttling in [
            "ModelArts.4206",
            "ModelArts.4395",
            "ModelArts.2799",
            "ModelArts.6101",
        ] {
            assert_eq!(kind(throttling), Some(ExitKind::Throttled), "{throttling}");
        }
        for running in [
            "ModelArts.4385",
            "ModelArts.4386",
            "ModelArts.4387",
            "ModelArts.4409",
        ] {
            assert_eq!(kind(running), Some(ExitKind::Runtime), "{running}");
        }
        assert_eq!(kind("ModelArts.4101"), None);
        // A missing dataset gets the hint a 404 gets; a missing task its own.
        assert_eq!(coded(400, "ModelArts.4352").hint(), api(404).hint());
        assert!(
            coded(400, "ModelArts.4612")
                .hint()
                .unwrap()
                .starts_with("check the task ID")
        );
        assert!(
            coded(501, "ModelArts.4386")
                .hint()
                .unwrap()
                .contains("already runs an auto labeling task")
        );
        assert!(
            coded(400, "ModelArts.4409")
                .hint()
                .unwrap()
                .contains("as many tasks as it may")
        );
        // Unknown codes fall back on the status.
        assert!(api(429).is_throttled());
        assert!(!api(503).is_throttled());
        assert!(!coded(429, "ModelArts.4352").is_throttled());
        assert_eq!(api(400).hint(), None);
        // Advice that knows more (which credentials were used) still wins.
        let mut explained = coded(400, "ModelArts.4352");
        explained.hint = Some("own".into());
        assert_eq!(explained.hint().as_deref(), Some("own"));
    }

    #[test]
    fn the_readme_lists_every_known_code_as_the_table_has_it() {
        let readme = include_str!("../README.md");
        for known in KNOWN_CODES {
            let row = format!(
                "| `{}` | {} | {} | {} |",
                known.code, known.meaning, known.kind as u8, known.hint
            );
            assert!(readme.contains(&row), "README.md lacks the row\n{row}");
        }
        let rows = readme
            .lines()
            .filter(|l| l.starts_with("| `ModelArts."))
            .count();
        assert_eq!(
            rows,
            KNOWN_CODES.len(),
            "README.md has rows of unknown codes"
        );
    }

    /// The error of a GET of `url` by a bare client that waits at most `timeout`.
    fn failed_get(url: String, timeout: std::time::Duration) -> anyhow::Error {
        let _ = rustls::crypto::ring::default_provider().install_default();
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let error = runtime.block_on(async {
            let client = reqwest::Client::builder().timeout(timeout).build().unwrap();
            client.get(url).send().await.unwrap_err()
        });
        anyhow::Error::new(error)
            .context("GET failed")
            .context("gave up after 2 attempts")
    }

    #[test]
    fn what_counts_as_never_reaching_the_api() {
        use std::net::TcpListener;
        use std::time::Duration;
        let long = Duration::from_secs(30);
        // Nothing listens: refused.
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let refused = failed_get(format!("http://127.0.0.1:{port}/"), long);
        assert!(never_reached_the_api(&refused), "{refused:#}");
        // Connected, then the connection broke without an answer: it may pass.
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let hang_up = std::thread::spawn(move || drop(listener.accept()));
        let broken = failed_get(format!("http://{addr}/"), long);
        hang_up.join().unwrap();
        assert!(!never_reached_the_api(&broken), "{broken:#}");
        // Connected (the backlog accepts), and no answer in time: it may pass.
        let silent = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = silent.local_addr().unwrap();
        let timed_out = failed_get(format!("http://{addr}/"), Duration::from_millis(100));
        assert!(!never_reached_the_api(&timed_out), "{timed_out:#}");
        drop(silent);

        let answer = |status: u16, code: Option<&str>, note: Option<&str>| {
            let mut error = coded(status, code.unwrap_or(""));
            error.code = code.map(str::to_string);
            error.message = code.map(|_| "Injected.".to_string());
            error.body_note = note.map(str::to_string);
            anyhow::Error::new(error).context("listing tasks")
        };
        // What answered is not the API.
        for note in [
            "an HTML body, not the API's JSON",
            "a non-JSON body: upstream down",
            "a JSON body without an error code",
            "an empty body",
            "a redirect to https://login.example/, which is not followed",
        ] {
            assert!(
                never_reached_the_api(&answer(502, None, Some(note))),
                "{note}"
            );
            assert!(
                never_reached_the_api(&answer(400, None, Some(note))),
                "{note}"
            );
        }
        // The API itself, busy or refusing: not this.
        assert!(!never_reached_the_api(&answer(
            503,
            Some("APIGW.0000"),
            None
        )));
        assert!(!never_reached_the_api(&answer(
            429,
            Some("ModelArts.4206"),
            None
        )));
        assert!(!never_reached_the_api(&answer(
            500,
            Some("ModelArts.0010"),
            None
        )));
        // A success that is not the API's JSON, found through any context.
        let not_json = serde_json::from_str::<serde_json::Value>("<html>")
            .context(Malformed("malformed response for task x: not JSON".into()))
            .context("polling")
            .unwrap_err();
        assert!(never_reached_the_api(&not_json));
        let not_object = anyhow::Error::new(Malformed(
            "malformed response for task x: not a JSON object".into(),
        ));
        assert!(never_reached_the_api(&not_object));
        // A name that does not resolve, a certificate that is not trusted.
        let dns = anyhow::anyhow!("dns error: failed to lookup address information")
            .context("GET failed");
        assert!(never_reached_the_api(&dns));
        assert!(is_unresolved_host(&dns));
        let tls = anyhow::anyhow!("invalid peer certificate: UnknownIssuer").context("GET failed");
        assert!(never_reached_the_api(&tls));
        // Anything else is not known to be lasting.
        assert!(!never_reached_the_api(&anyhow::anyhow!("boom")));
    }

    #[test]
    fn advice_is_context_that_keeps_the_message() {
        let err = anyhow::Error::new(api(503)).context(Advised {
            message: "stopped waiting".into(),
            hint: "do this".into(),
        });
        assert_eq!(
            format!("{err:#}"),
            "stopped waiting: APIGW.0000: Injected. (HTTP 503, request id 7c1f0e)"
        );
        assert_eq!(err.downcast_ref::<Advised>().unwrap().hint, "do this");
        assert_eq!(kind_of(&err), ExitKind::Runtime);
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
