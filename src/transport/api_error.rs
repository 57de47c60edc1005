//! Error answers of the service, its gateway and the identity service: decoded into one
//! line and a hint, with the ModelArts error codes whose meaning decides more than their
//! HTTP status does (for retries and exit statuses); and which failures show that the
//! service was never reached.

use std::fmt;

use reqwest::StatusCode;
use reqwest::header::{DATE, HeaderMap};

use crate::transport::retry::is_retryable;
use crate::util::duration::humanize_seconds;
use crate::util::error::{ExitKind, Malformed};
use crate::util::text;

/// Longest server error message shown.
const MAX_MESSAGE_CHARS: usize = 500;
/// Below this the gateway does not reject a signature for its date, so it is not news.
const NOTABLE_CLOCK_SKEW_SECS: i64 = 5 * 60;

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
        code: "ModelArts.4353",
        meaning: "dataset version does not exist",
        kind: ExitKind::NotFound,
        hint: "check the version ID, and that it belongs to this dataset (`matasks list \
               --kind version` shows the dataset's versions)",
    },
    KnownCode {
        code: "ModelArts.4359",
        meaning: "export task does not exist",
        kind: ExitKind::NotFound,
        hint: "check the export task ID, and that it belongs to this dataset (`matasks \
               list --kind export` shows the dataset's export tasks)",
    },
    KnownCode {
        code: "ModelArts.4619",
        meaning: "team labeling task does not exist",
        kind: ExitKind::NotFound,
        hint: "check the team labeling task ID, and that it belongs to this dataset \
               (`matasks list --kind team` shows the dataset's team labeling tasks)",
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

/// A non-success HTTP answer from the API.
#[derive(Debug, Clone)]
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
    /// An error as the fake answers of the tests make it: this status and code, a
    /// message and a request ID.
    #[cfg(test)]
    pub fn injected(status: u16, code: &str) -> ApiError {
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

    /// "Not now" with nothing in the body: what a gateway answers while the service
    /// behind it restarts or sheds load. Unlike an HTML page, it points at no wrong
    /// endpoint.
    pub fn is_unavailable_without_words(&self) -> bool {
        let not_now =
            self.status == 429 || StatusCode::from_u16(self.status).is_ok_and(is_retryable);
        not_now && self.body_note.as_deref() == Some(EMPTY_BODY)
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
                        humanize_seconds(secs)
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
            return !api.is_the_apis() && !api.is_unavailable_without_words();
        }
        cause
            .downcast_ref::<reqwest::Error>()
            .is_some_and(|e| e.is_connect() && !e.is_timeout())
    })
}

/// Whether a request that failed may all the same have been carried out: it was sent,
/// and what came back does not say it was refused. A timeout, a connection broken
/// after the request went out, or HTTP 500, 502, 503 or 504 say nothing of what the
/// service did; an answer of the API refusing it (4xx, 501) or a failure to connect
/// does.
pub fn may_have_been_carried_out(err: &anyhow::Error) -> bool {
    if never_reached_the_api(err) {
        return false;
    }
    if let Some(api) = err.chain().find_map(|c| c.downcast_ref::<ApiError>()) {
        return matches!(api.status, 500 | 502 | 503 | 504)
            && api.code.as_deref().and_then(known_code).is_none();
    }
    err.chain()
        .any(|cause| cause.downcast_ref::<reqwest::Error>().is_some())
}

/// Whether the server's certificate was refused. The TLS error arrives wrapped by the
/// connector in types of its own, so it is recognised by rustls's words for it.
pub fn is_untrusted_certificate(err: &anyhow::Error) -> bool {
    err.chain()
        .any(|cause| cause.to_string().contains("invalid peer certificate"))
}

pub(crate) fn request_id(headers: &HeaderMap) -> Option<String> {
    headers
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .filter(|v| !v.is_empty())
        .map(str::to_string)
}

/// Whether a successful answer's body is in fact an error of the API: an object of
/// error fields only, `error_code` among them, as a gateway may answer with HTTP 200.
/// Such an answer is an error like any other, decided by its code.
pub fn is_error_body(body: &[u8]) -> bool {
    struct ErrorFieldsOnly;

    impl<'de> serde::de::Visitor<'de> for ErrorFieldsOnly {
        type Value = bool;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an object")
        }

        fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
            let mut code = false;
            while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                match &*key {
                    "error_code" => code = true,
                    "error_msg" | "error_message" | "request_id" => {}
                    _ => return Ok(false),
                }
                map.next_value::<serde::de::IgnoredAny>()?;
            }
            Ok(code)
        }
    }

    // An error body is short; a page of items is not worth reading for it.
    body.len() <= MAX_ERROR_BODY_CHECKED
        && body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
        && serde::Deserializer::deserialize_map(
            &mut serde_json::Deserializer::from_slice(body),
            ErrorFieldsOnly,
        )
        .unwrap_or(false)
}

/// The longest successful body that [`is_error_body`] looks into.
const MAX_ERROR_BODY_CHECKED: usize = 64 * 1024;

/// Decode an error answer: JSON `error_code`/`error_msg` (or `code`/`message`), or a
/// description of whatever else the body was.
pub fn api_error(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> ApiError {
    let mut error = ApiError {
        status: status.as_u16(),
        code: None,
        message: None,
        body_note: None,
        request_id: request_id(headers),
        clock_skew: None,
        hint: None,
        attempts: 1,
    };
    let text = |v: &serde_json::Value| match v {
        serde_json::Value::String(s) if !s.trim().is_empty() => Some(one_line(s.trim())),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    };
    match serde_json::from_slice::<serde_json::Value>(body) {
        Ok(serde_json::Value::Object(mut fields)) => {
            // The identity service nests its error: {"error": {"code": 401, "message": ...}}.
            if let Some(serde_json::Value::Object(inner)) = fields.remove("error") {
                fields.extend(inner);
            }
            let pick = |names: &[&str]| names.iter().find_map(|n| fields.get(*n).and_then(text));
            error.code = pick(&["error_code", "code"]);
            error.message = pick(&["error_msg", "message", "error_message"]);
            if error.request_id.is_none() {
                error.request_id = pick(&["request_id"]);
            }
            if error.code.is_none() && error.message.is_none() {
                error.body_note = Some("a JSON body without an error code".into());
            }
        }
        _ => error.body_note = Some(describe_body(body)),
    }
    if status.is_redirection() {
        let target = headers
            .get(reqwest::header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .map(one_line)
            .unwrap_or_else(|| "nowhere".to_string());
        error.body_note = Some(format!(
            "a redirect to {target}, which is not followed (set the endpoint to where the \
             API really is)"
        ));
        error.code = None;
        error.message = None;
    }
    if status == StatusCode::UNAUTHORIZED {
        // When the gateway says the signature's time is out, any skew is the cause;
        // otherwise only a large one is worth a mention.
        let expired = matches!(error.code.as_deref(), Some("APIG.0301" | "APIGW.0301"))
            && error.message.as_deref().is_some_and(|m| {
                let m = m.to_ascii_lowercase();
                m.contains("expire") || m.contains("x-sdk-date") || m.contains("time")
            });
        // The Date header has whole seconds: below a minute, a skew is noise.
        let notable = if expired { 60 } else { NOTABLE_CLOCK_SKEW_SECS };
        error.clock_skew = clock_skew(headers).filter(|s| s.abs() >= notable);
    }
    error
}

const EMPTY_BODY: &str = "an empty body";

fn describe_body(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let text = text.trim();
    if text.is_empty() {
        return EMPTY_BODY.into();
    }
    if text.starts_with('<') {
        return "an HTML body, not the API's JSON (is the endpoint right, or is a proxy \
                answering?)"
            .into();
    }
    format!("a non-JSON body: {}", one_line(text))
}

/// Server text made safe for one line of a terminal ([`text::clean`]), and not too
/// long.
fn one_line(text: &str) -> String {
    let line = text::clean(text);
    let mut line: String = line.chars().take(MAX_MESSAGE_CHARS).collect();
    if text.chars().nth(MAX_MESSAGE_CHARS).is_some() {
        line.push('…');
    }
    line
}

/// Seconds by which the server's `Date` is ahead of this machine's clock.
fn clock_skew(headers: &HeaderMap) -> Option<i64> {
    let date = headers.get(DATE)?.to_str().ok()?;
    let server = jiff::fmt::rfc2822::DateTimeParser::new()
        .parse_timestamp(date)
        .ok()?;
    Some(server.as_second() - crate::util::clock::now().as_second())
}

#[cfg(test)]
mod tests {
    use super::*;
    use anyhow::Context;
    use reqwest::header::HeaderValue;

    fn api(status: u16) -> ApiError {
        coded(status, "APIGW.0000")
    }

    fn coded(status: u16, code: &str) -> ApiError {
        ApiError::injected(status, code)
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
        let readme = include_str!("../../README.md");
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
        // What was sent may have been done unless the failure says it was not.
        assert!(!may_have_been_carried_out(&refused));
        assert!(may_have_been_carried_out(&broken));
        assert!(may_have_been_carried_out(&timed_out));
        let sent = |status: u16, code: &str| {
            let mut error = coded(status, code);
            error.message = Some("Injected.".to_string());
            anyhow::Error::new(error).context("starting a task")
        };
        for status in [500, 502, 503, 504] {
            assert!(
                may_have_been_carried_out(&sent(status, "APIGW.0001")),
                "{status}"
            );
            let mut empty = coded(status, "");
            empty.code = None;
            empty.message = None;
            empty.body_note = Some(EMPTY_BODY.to_string());
            assert!(
                may_have_been_carried_out(&anyhow::Error::new(empty)),
                "{status}"
            );
        }
        for (status, code) in [
            (400, "ModelArts.4101"),
            (401, "APIGW.0301"),
            (429, "ModelArts.4206"),
            (501, "ModelArts.4386"),
            (503, "ModelArts.6101"),
        ] {
            assert!(!may_have_been_carried_out(&sent(status, code)), "{code}");
        }
        assert!(!may_have_been_carried_out(&anyhow::anyhow!("no token")));

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
        // An empty body says nothing of where it came from: "not now" is waited for,
        // any other status is not the API.
        for status in [429, 500, 502, 503, 504] {
            let empty = answer(status, None, Some(EMPTY_BODY));
            assert!(!never_reached_the_api(&empty), "{status}");
        }
        for status in [400, 404, 501] {
            let empty = answer(status, None, Some(EMPTY_BODY));
            assert!(never_reached_the_api(&empty), "{status}");
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
    fn clock_skew_turns_the_401_hint_into_a_diagnosis() {
        let mut err = api(401);
        assert!(err.hint().unwrap().contains("clock is right"));
        err.clock_skew = Some(1200);
        assert_eq!(
            err.hint().unwrap(),
            "your clock is 20m00s behind the server; signed requests are rejected beyond 15 minutes: fix the clock (NTP), then retry"
        );
    }
    #[test]
    fn error_bodies_in_both_spellings() {
        let mut headers = HeaderMap::new();
        headers.insert("x-request-id", HeaderValue::from_static("rid-1"));
        let e = api_error(
            StatusCode::NOT_FOUND,
            &headers,
            br#"{"error_code":"ModelArts.4352","error_msg":"Dataset not found."}"#,
        );
        assert_eq!(
            e.to_string(),
            "ModelArts.4352: Dataset not found. (HTTP 404, request id rid-1)"
        );
        let e = api_error(
            StatusCode::FORBIDDEN,
            &HeaderMap::new(),
            br#"{"code":"APIGW.0302","message":"denied","request_id":"rid-2"}"#,
        );
        assert_eq!(
            e.to_string(),
            "APIGW.0302: denied (HTTP 403, request id rid-2)"
        );
    }

    #[test]
    fn non_json_bodies_are_described() {
        let e = api_error(
            StatusCode::BAD_GATEWAY,
            &HeaderMap::new(),
            b"<html>bad</html>",
        );
        assert!(
            e.to_string()
                .starts_with("the server answered HTTP 502 Bad Gateway with an HTML body")
        );
        let e = api_error(
            StatusCode::SERVICE_UNAVAILABLE,
            &HeaderMap::new(),
            b"try\nlater",
        );
        assert!(e.to_string().contains("a non-JSON body: try later"));
        let e = api_error(StatusCode::INTERNAL_SERVER_ERROR, &HeaderMap::new(), b"");
        assert!(e.to_string().contains("an empty body (HTTP 500)"));
    }

    #[test]
    fn server_text_cannot_break_the_line_or_the_terminal() {
        let e = api_error(
            StatusCode::BAD_REQUEST,
            &HeaderMap::new(),
            br#"{"error_code":"X.1","error_msg":"bad\nthing \u001b[31mred"}"#,
        );
        assert_eq!(e.to_string(), "X.1: bad thing \\x1b[31mred (HTTP 400)");
        let long = format!(r#"{{"error_msg":"{}"}}"#, "x".repeat(2000));
        let e = api_error(StatusCode::BAD_REQUEST, &HeaderMap::new(), long.as_bytes());
        assert_eq!(e.message.unwrap().chars().count(), MAX_MESSAGE_CHARS + 1);
    }

    #[test]
    fn redirects_are_reported_not_followed() {
        let mut headers = HeaderMap::new();
        headers.insert(
            reqwest::header::LOCATION,
            HeaderValue::from_static("https://elsewhere.example/x"),
        );
        let e = api_error(StatusCode::FOUND, &headers, b"");
        assert!(e.to_string().starts_with("the server answered HTTP 302 Found with a redirect to https://elsewhere.example/x, which is not followed"), "{e}");
    }

    #[test]
    fn skew_is_measured_from_the_date_header() {
        let mut headers = HeaderMap::new();
        let ahead = jiff::Timestamp::now() + jiff::SignedDuration::from_secs(3600);
        let date = jiff::fmt::rfc2822::DateTimePrinter::new()
            .timestamp_to_rfc9110_string(&ahead)
            .unwrap();
        headers.insert(DATE, HeaderValue::from_str(&date).unwrap());
        let skew = clock_skew(&headers).unwrap();
        assert!((3598..=3601).contains(&skew), "{skew}");
        let e = api_error(StatusCode::UNAUTHORIZED, &headers, b"{}");
        assert!(e.clock_skew.is_some());
    }

    #[test]
    fn an_error_may_come_with_a_success_status() {
        assert!(is_error_body(
            br#" {"error_code":"ModelArts.4612","error_msg":"Task not found"}"#
        ));
        assert!(is_error_body(br#"{"error_code":"X.1","request_id":"r"}"#));
        // A task that failed carries an error code among its own fields.
        assert!(!is_error_body(
            br#"{"task_id":"t","status":2,"error_code":"ModelArts.4353","error_msg":"x"}"#
        ));
        assert!(!is_error_body(br#"{"error_msg":"no code"}"#));
        assert!(!is_error_body(br#"{"tasks":[],"total_count":0}"#));
        assert!(!is_error_body(b"[1]"));
        assert!(!is_error_body(b"not json"));
    }
}
