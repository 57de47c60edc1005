//! HTTP to the ModelArts API and the identity service, with API errors decoded.

use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use reqwest::header::{DATE, HeaderMap};
use reqwest::{Method, StatusCode, Url};

use crate::auth::{self, Authenticator, redact};
use crate::config::Network;
use crate::error::{ApiError, ConfigError};
use crate::id::Id;
use crate::retry::{self, Limiter};
use crate::term;
use crate::text;

/// Error bodies are short; this bounds what a misbehaving proxy can make us hold.
const MAX_ERROR_BODY: usize = 64 * 1024;
/// Requests in flight unless a command sets its own limit.
const MAX_IN_FLIGHT: usize = 64;
/// Longest server error message shown.
const MAX_MESSAGE_CHARS: usize = 500;
/// Below this the gateway does not reject a signature for its date, so it is not news.
const NOTABLE_CLOCK_SKEW_SECS: i64 = 5 * 60;

/// A ModelArts API base URL: scheme, host, optional port and optional path prefix.
#[derive(Debug, Clone)]
pub struct Endpoint {
    url: Url,
}

impl Endpoint {
    /// A URL with a control character anywhere in it, even at an end, is refused: the
    /// URL parser would drop a tab or a line break without a word.
    pub fn parse(text: &str) -> Result<Endpoint, String> {
        if text.chars().any(text::is_hidden) {
            return Err(
                "it contains a control or invisible character (a stray line break or tab?)".into(),
            );
        }
        let url = Url::parse(text.trim()).map_err(|e| e.to_string())?;
        if !matches!(url.scheme(), "https" | "http") {
            return Err("the scheme must be https (or http)".into());
        }
        if url.host_str().is_none_or(str::is_empty) {
            return Err("there is no host".into());
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err("credentials do not belong in the URL".into());
        }
        if url.query().is_some() || url.fragment().is_some() {
            return Err("a query or fragment is not allowed".into());
        }
        Ok(Endpoint { url })
    }

    /// The `Host` header: the host, plus `:port` when the port is not the scheme's default.
    pub fn host_header(&self) -> String {
        let host = self.url.host_str().unwrap_or_default();
        match self.url.port() {
            Some(port) => format!("{host}:{port}"),
            None => host.to_string(),
        }
    }

    /// Plain http to anything but this machine.
    pub fn is_plain_http_to_another_host(&self) -> bool {
        let host = self.url.host_str().unwrap_or_default();
        let local = host.eq_ignore_ascii_case("localhost")
            || host
                .trim_start_matches('[')
                .trim_end_matches(']')
                .parse::<std::net::IpAddr>()
                .is_ok_and(|ip| ip.is_loopback());
        self.url.scheme() == "http" && !local
    }

    /// The path prefix without its trailing slash: "" for a bare host.
    fn path_prefix(&self) -> &str {
        self.url.path().trim_end_matches('/')
    }
}

impl std::fmt::Display for Endpoint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}://{}{}",
            self.url.scheme(),
            self.host_header(),
            self.path_prefix()
        )
    }
}

/// The HTTP client every request goes through: timeouts, trust, no redirects, retries
/// of reads, a limit on requests in flight, and `-v` logging with secrets masked.
#[derive(Clone)]
pub struct Http {
    client: reqwest::Client,
    network: Arc<Network>,
    limiter: Arc<Limiter>,
}

/// One request: every header it carries (secrets included; the log masks them by name).
pub struct Call {
    pub method: Method,
    pub url: Url,
    pub headers: Vec<(&'static str, String)>,
    pub body: Option<Vec<u8>>,
    /// The most a successful answer may hold.
    pub max_body: usize,
}

/// A complete answer: any status, the headers, and the body.
pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
    /// The body of an error answer was larger than [`MAX_ERROR_BODY`], and not kept.
    pub body_too_large: bool,
    /// How many requests it took.
    pub attempts: u32,
}

impl Answer {
    /// The answer as an API error, decoded from its body.
    pub fn error(&self) -> ApiError {
        let mut error = api_error(self.status, &self.headers, &self.body);
        if self.body_too_large && !self.status.is_redirection() {
            error.body_note = Some(format!(
                "a body larger than {} KiB, which no error of this API is",
                MAX_ERROR_BODY >> 10
            ));
        }
        error.attempts = self.attempts;
        error
    }
}

impl Http {
    pub fn new(network: &Network) -> Result<Http> {
        // ring is the one crypto provider compiled in; installing it twice is harmless.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let mut builder = reqwest::Client::builder()
            .user_agent(concat!("matasks/", env!("CARGO_PKG_VERSION")))
            .connect_timeout(network.connect_timeout.value)
            .timeout(network.request_timeout.value)
            // A redirect would carry the token to another host, which the signature
            // does not cover anyway: report it instead of following it.
            .redirect(reqwest::redirect::Policy::none())
            .http1_only();
        if let Some(bundle) = &network.ca_bundle {
            builder = builder.tls_certs_merge(read_ca_bundle(&bundle.value)?);
        }
        if network.insecure.value {
            term::warn(&format!(
                "TLS certificates are not verified ({}): anyone on the way can read and \
                 change what is sent, credentials included",
                network.insecure.source
            ));
            builder = builder.tls_danger_accept_invalid_certs(true);
        }
        let client = builder.build().context("cannot set up the HTTP client")?;
        Ok(Http {
            client,
            network: Arc::new(network.clone()),
            limiter: Arc::new(Limiter::new(MAX_IN_FLIGHT)),
        })
    }

    /// At most `limit` requests in flight (halved for good each time the API throttles).
    pub fn limit_in_flight(&mut self, limit: usize) {
        self.limiter = Arc::new(Limiter::new(limit));
    }

    /// The largest successful answer read.
    pub fn max_body(&self) -> usize {
        (self.network.max_response_mib.value as usize) << 20
    }

    /// A read, tried again on a connection error, a timeout, HTTP 500, 502, 503 or 504,
    /// or throttling (HTTP 429, or a throttling error code whatever its status), after
    /// a backoff or the server's `Retry-After`. `attempt` authenticates and sends the
    /// request anew each time, so each try is signed afresh; what fails before the
    /// request is sent ([`Failure::Before`], such as getting a token) is never tried
    /// again.
    pub async fn read<F, Fut>(&self, what: &str, mut attempt: F) -> Result<Answer>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<Answer, Failure>>,
    {
        let retries = self.network.retries.value;
        let mut tried = 0;
        loop {
            let (outcome, window) = {
                let permit = self.limiter.acquire().await;
                (attempt().await, permit.window())
            };
            tried += 1;
            let outcome = match outcome {
                Ok(answer) => Ok(answer),
                Err(Failure::Before(e)) => return Err(e),
                Err(Failure::During(e)) => Err(e),
            };
            let (reason, wait) = match &outcome {
                Ok(answer) if !answer.status.is_success() => {
                    let error = answer.error();
                    let throttled = error.is_throttled();
                    if !throttled && !is_passing(answer.status, &error) {
                        return counted(outcome, tried, false);
                    }
                    if throttled && let Some(now) = self.limiter.halve(window) {
                        term::debug(1, || {
                            format!("throttled: at most {now} requests in flight from now on")
                        });
                    }
                    let code = error.code.map(|c| format!(" ({c})")).unwrap_or_default();
                    (
                        format!("HTTP {}{code}", answer.status),
                        retry::retry_after(&answer.headers),
                    )
                }
                Err(e) if is_transient(e) => (format!("{e:#}"), None),
                _ => return counted(outcome, tried, false),
            };
            if tried > retries {
                return counted(outcome, tried, true);
            }
            let wait = wait.unwrap_or_else(|| retry::backoff(tried - 1));
            term::debug(1, || {
                format!(
                    "retry {tried} of {retries} for {what} in {} ms: {reason}",
                    wait.as_millis()
                )
            });
            tokio::time::sleep(wait).await;
        }
    }

    /// Send `call` and read the answer, whatever its status. Only a failure to talk to
    /// the server at all, or an oversized success, is an error here.
    pub async fn send(&self, call: Call) -> Result<Answer> {
        let Call {
            method,
            url,
            headers,
            body,
            max_body,
        } = call;
        term::debug(1, || format!("> {method} {url}"));
        term::debug_lines(2, || {
            let mut lines: Vec<String> = headers
                .iter()
                .map(|(name, value)| format!("> {name}: {}", redact::header(name, value)))
                .collect();
            if let Some(body) = &body {
                lines.push(format!("> {}", redact::body(body)));
            }
            lines
        });
        let mut builder = self.client.request(method.clone(), url.clone());
        for (name, value) in &headers {
            let mut value = reqwest::header::HeaderValue::from_str(value)
                .with_context(|| format!("the {name} header cannot hold its value"))?;
            // Keeps secret values out of HTTP/2 header tables and debug output.
            value.set_sensitive(redact::is_secret_header(name));
            builder = builder.header(*name, value);
        }
        if let Some(body) = body {
            builder = builder.body(body);
        }
        let started = Instant::now();
        let response = builder
            .send()
            .await
            .map_err(|e| self.transport_error(e))
            .with_context(|| format!("{method} {url} failed"))?;
        let status = response.status();
        let headers = response.headers().clone();
        term::debug(1, || {
            format!(
                "< {} in {} ms{}",
                status,
                started.elapsed().as_millis(),
                request_id(&headers)
                    .map(|id| format!(", request id {id}"))
                    .unwrap_or_default()
            )
        });
        let mut body_too_large = false;
        let body = if status.is_success() {
            let body = read_body(response, max_body)
                .await
                .map_err(|e| self.transport_error(e))
                .with_context(|| format!("reading the answer to {method} {url} failed"))?;
            let Some(body) = body else {
                anyhow::bail!(
                    "the answer to {method} {url} is larger than {} MiB, which no answer of \
                     this API is (the limit is `max_response_mib` in the profile)",
                    max_body >> 20
                );
            };
            body
        } else {
            // The status says what went wrong; a body cut short or too long only loses
            // detail.
            match read_body(response, MAX_ERROR_BODY).await {
                Ok(Some(body)) => body,
                Ok(None) => {
                    body_too_large = true;
                    Vec::new()
                }
                Err(_) => Vec::new(),
            }
        };
        term::debug_lines(2, || {
            let mut lines: Vec<String> = headers
                .iter()
                .map(|(name, value)| {
                    let value = String::from_utf8_lossy(value.as_bytes());
                    format!("< {name}: {}", redact::header(name.as_str(), &value))
                })
                .collect();
            lines.push(format!("< {}", redact::body(&body)));
            lines
        });
        Ok(Answer {
            status,
            headers,
            body,
            body_too_large,
            attempts: 1,
        })
    }

    /// A transport failure, said plainly: which timeout fired and how to raise it.
    fn transport_error(&self, e: reqwest::Error) -> anyhow::Error {
        let e = e.without_url();
        let timeout = if e.is_timeout() && e.is_connect() {
            Some((
                "connect",
                "--connect-timeout",
                "connect_timeout",
                &self.network.connect_timeout,
            ))
        } else if e.is_timeout() {
            Some((
                "request",
                "--request-timeout",
                "request_timeout",
                &self.network.request_timeout,
            ))
        } else {
            None
        };
        match timeout {
            Some((which, flag, key, limit)) => anyhow::Error::new(e).context(format!(
                "the {which} timeout of {} ran out (raise it with {flag} or `{key}`)",
                humanize(limit.value)
            )),
            None => anyhow::Error::new(e),
        }
    }
}

/// `2s`, `500ms`, `1m 30s`.
pub fn humanize(d: Duration) -> String {
    jiff::SignedDuration::try_from(d)
        .map(|d| format!("{d:#}"))
        .unwrap_or_else(|_| format!("{d:?}"))
}

/// A server error that may pass (500, 502, 503, 504), unless its code is a known one
/// that says otherwise, such as a dataset that does not exist.
fn is_passing(status: StatusCode, error: &ApiError) -> bool {
    retry::is_retryable(status) && error.known().is_none()
}

/// Worth another try: the request may not have reached the server, or its answer was
/// lost on the way. A certificate that is not trusted, or a name that does not resolve,
/// will be the same a moment later.
fn is_transient(e: &anyhow::Error) -> bool {
    let lasting = crate::error::is_untrusted_certificate(e) || crate::error::is_unresolved_host(e);
    !lasting
        && e.chain()
            .filter_map(|c| c.downcast_ref::<reqwest::Error>())
            .any(|e| {
                e.is_connect() || e.is_timeout() || e.is_request() || e.is_body() || e.is_decode()
            })
}

/// The last outcome, saying how many tries it took: an answer carries the count into
/// its error; a failure says whether the retries ran out or it could not be retried.
fn counted(outcome: Result<Answer>, tried: u32, exhausted: bool) -> Result<Answer> {
    match outcome {
        Ok(answer) => Ok(Answer {
            attempts: tried,
            ..answer
        }),
        Err(e) if tried == 1 => Err(e),
        Err(e) if exhausted => Err(e.context(format!("gave up after {tried} attempts"))),
        Err(e) => Err(e.context(format!("failed on attempt {tried}"))),
    }
}

/// Why an attempt at a read failed.
pub enum Failure {
    /// Before the request was sent (getting a token): not to be tried again, as that
    /// could repeat a request that is not a read.
    Before(anyhow::Error),
    /// Sending it or reading the answer.
    During(anyhow::Error),
}

/// The certificates of a PEM file, for `--ca-bundle`.
fn read_ca_bundle(path: &std::path::Path) -> Result<Vec<reqwest::Certificate>> {
    let pem = std::fs::read(path).map_err(|e| {
        ConfigError(format!(
            "cannot read the CA bundle {}: {}",
            path.display(),
            crate::config::io_reason(&e)
        ))
    })?;
    let certs = reqwest::Certificate::from_pem_bundle(&pem).map_err(|_| {
        ConfigError(format!(
            "the CA bundle {} is not a PEM file of certificates",
            path.display()
        ))
    })?;
    if certs.is_empty() {
        return Err(ConfigError(format!(
            "the CA bundle {} holds no certificate",
            path.display()
        ))
        .into());
    }
    Ok(certs)
}

/// `{endpoint}/{segments...}?{query}`, each segment and the query encoded exactly as
/// they are signed.
pub fn build_url(endpoint: &Endpoint, segments: &[&str], query: &[(&str, &str)]) -> Result<Url> {
    let mut path = endpoint.path_prefix().to_string();
    for segment in segments {
        path.push('/');
        path.push_str(&auth::encode(segment));
    }
    let query = auth::canonical_query(query);
    let mut url = format!(
        "{}://{}{path}",
        endpoint.url.scheme(),
        endpoint.host_header()
    );
    if !query.is_empty() {
        url.push('?');
        url.push_str(&query);
    }
    // Every character of path and query is unreserved or %XX, which Url leaves alone,
    // so the bytes on the wire are the bytes that were signed.
    let url = Url::parse(&url).with_context(|| format!("cannot build a URL from {url}"))?;
    debug_assert_eq!(url.query().unwrap_or(""), query);
    Ok(url)
}

/// The ModelArts API of one project, with its authentication.
pub struct Client {
    http: Http,
    endpoint: Endpoint,
    project_id: Id,
    auth: Authenticator,
}

impl Client {
    pub fn new(http: Http, endpoint: Endpoint, project_id: Id, auth: Authenticator) -> Client {
        Client {
            http,
            endpoint,
            project_id,
            auth,
        }
    }

    pub fn project_id(&self) -> &str {
        self.project_id.as_str()
    }

    /// GET `{endpoint}/{segments...}?{query}`, authenticated, returning the body of a
    /// 2xx answer. A cached token the API rejects is renewed once.
    pub async fn get(&self, segments: &[&str], query: &[(&str, &str)]) -> Result<Vec<u8>> {
        let url = build_url(&self.endpoint, segments, query)?;
        let mut renewed = false;
        loop {
            // The token of the last try, for a renewal after a 401.
            let used = std::cell::Cell::new(None);
            let answer = self
                .http
                .read(url.path(), || async {
                    let (mut headers, token) = self
                        .auth
                        .authorize(&Method::GET, &url, b"", Some(self.project_id.as_str()))
                        .await
                        .map_err(Failure::Before)?;
                    used.set(Some(token));
                    headers.push(("Accept", "application/json".to_string()));
                    self.http
                        .send(Call {
                            method: Method::GET,
                            url: url.clone(),
                            headers,
                            body: None,
                            max_body: self.http.max_body(),
                        })
                        .await
                        .map_err(Failure::During)
                })
                .await?;
            if answer.status.is_success() {
                return Ok(answer.body);
            }
            if answer.status == StatusCode::UNAUTHORIZED
                && !renewed
                && let Some(used) = used.get()
                && self.auth.renew_after_rejection(used).await?
            {
                renewed = true;
                continue;
            }
            let mut error = answer.error();
            self.auth.explain(&mut error);
            return Err(error.into());
        }
    }
}

/// Read a body, stopping once it exceeds `cap` bytes.
/// Read a body of at most `cap` bytes; `None` when it is larger, which an announced
/// length says before anything is read. Memory never holds more than `cap + 1` bytes.
async fn read_body(
    mut response: reqwest::Response,
    cap: usize,
) -> reqwest::Result<Option<Vec<u8>>> {
    let announced = response.content_length();
    if announced.is_some_and(|n| n > cap as u64) {
        return Ok(None);
    }
    // One allocation of the announced size, not a series of doublings.
    let mut body = Vec::with_capacity(announced.map_or(0, |n| n as usize));
    while let Some(chunk) = response.chunk().await? {
        let take = chunk.len().min(cap + 1 - body.len());
        if body.len() + take > body.capacity() {
            // Doubling, but never past the cap.
            let want = (body.capacity() * 2).max(body.len() + take).min(cap + 1);
            body.reserve_exact(want - body.len());
        }
        body.extend_from_slice(&chunk[..take]);
        if body.len() > cap {
            return Ok(None);
        }
    }
    Ok(Some(body))
}

fn request_id(headers: &HeaderMap) -> Option<String> {
    headers
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .filter(|v| !v.is_empty())
        .map(str::to_string)
}

/// Decode an error answer: JSON `error_code`/`error_msg` (or `code`/`message`), or a
/// description of whatever else the body was.
pub(crate) fn api_error(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> ApiError {
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

fn describe_body(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let text = text.trim();
    if text.is_empty() {
        return "an empty body".into();
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
    Some(server.as_second() - crate::clock::now().as_second())
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    #[test]
    fn endpoints_keep_non_default_ports_and_prefixes() {
        let e = Endpoint::parse("https://modelarts.cn-north-4.myhuaweicloud.com/").unwrap();
        assert_eq!(e.host_header(), "modelarts.cn-north-4.myhuaweicloud.com");
        assert_eq!(e.path_prefix(), "");
        let e = Endpoint::parse("http://127.0.0.1:8080/gw/modelarts/").unwrap();
        assert_eq!(e.host_header(), "127.0.0.1:8080");
        assert_eq!(e.path_prefix(), "/gw/modelarts");
        assert_eq!(e.to_string(), "http://127.0.0.1:8080/gw/modelarts");
        let e = Endpoint::parse("https://h.example:443").unwrap();
        assert_eq!(e.host_header(), "h.example");
        assert!(!e.is_plain_http_to_another_host());
        for local in ["http://127.0.0.1:9", "http://localhost", "http://[::1]:80"] {
            assert!(
                !Endpoint::parse(local)
                    .unwrap()
                    .is_plain_http_to_another_host()
            );
        }
        assert!(
            Endpoint::parse("http://modelarts.example")
                .unwrap()
                .is_plain_http_to_another_host()
        );
    }

    #[test]
    fn endpoints_reject_what_cannot_be_signed() {
        for bad in [
            "ftp://h",
            "modelarts.cn-north-4",
            "https://u:p@h",
            "https://h/?x=1",
            "",
        ] {
            assert!(Endpoint::parse(bad).is_err(), "{bad}");
        }
        // The URL parser would drop these; they are refused instead.
        for bad in [
            "https://modelarts.example\n",
            "https://modelarts.\r\nexample",
            "https://model\tarts.example",
            "\thttps://modelarts.example",
            "https://modelarts.example/pre\u{1b}[2Jfix",
            "https://modelarts.example/\u{85}",
            "https://modelarts.example/\u{202e}",
        ] {
            assert_eq!(
                Endpoint::parse(bad).unwrap_err(),
                "it contains a control or invisible character (a stray line break or tab?)",
                "{bad:?}"
            );
        }
        assert!(Endpoint::parse("  https://modelarts.example  ").is_ok());
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

    mod properties {
        use super::*;
        use percent_encoding::percent_decode_str;
        use proptest::prelude::*;

        fn decode(text: &str) -> String {
            percent_decode_str(text).decode_utf8().unwrap().into_owned()
        }

        fn pairs() -> impl Strategy<Value = Vec<(String, String)>> {
            proptest::collection::vec((any::<String>(), any::<String>()), 0..8)
        }

        proptest! {
            /// Any names and values, in any order, give one canonical query, which
            /// holds them all, escaped to unreserved characters and %XX.
            #[test]
            fn the_canonical_query_ignores_order_and_loses_nothing(
                (original, shuffled) in pairs().prop_flat_map(|p| (Just(p.clone()), Just(p).prop_shuffle()))
            ) {
                let canonical = |p: &[(String, String)]| -> String {
                    let refs: Vec<(&str, &str)> = p.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
                    auth::canonical_query(&refs)
                };
                let query = canonical(&original);
                prop_assert_eq!(&query, &canonical(&shuffled));
                prop_assert!(query.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.~%=&".contains(&b)));
                let mut expected = original.clone();
                expected.sort();
                let decoded: Vec<(String, String)> = if query.is_empty() {
                    Vec::new()
                } else {
                    query
                        .split('&')
                        .map(|pair| {
                            let (k, v) = pair.split_once('=').unwrap();
                            (decode(k), decode(v))
                        })
                        .collect()
                };
                prop_assert_eq!(decoded, expected);
            }

            /// The URL a request goes to carries exactly the query that was signed,
            /// and path segments that decode to the ones asked for.
            #[test]
            fn the_query_sent_is_the_query_signed(
                name in any::<String>(),
                // `.` and `..` are path steps, which `list` refuses as dataset IDs.
                dataset in "[^/]{1,20}".prop_filter("a path step", |d| d != "." && d != ".."),
                pairs in pairs(),
            ) {
                let endpoint = Endpoint::parse("https://modelarts.example:8443/prefix").unwrap();
                let mut query: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
                query.push(("task_name", name.as_str()));
                let url = build_url(&endpoint, &["v2", "p", "datasets", &dataset, "tasks"], &query).unwrap();
                let signed = auth::canonical_query(&query);
                prop_assert_eq!(url.query().unwrap_or(""), signed.as_str());
                let segments: Vec<String> = url.path().split('/').map(decode).collect();
                prop_assert_eq!(segments, ["", "prefix", "v2", "p", "datasets", dataset.as_str(), "tasks"]);
            }
        }
    }
}
