//! HTTP to the services: timeouts, trust, no redirects, a limit on requests in flight,
//! retries by policy, bounded bodies, and `-v` logging with secrets masked.

use std::cell::OnceCell;
use std::future::Future;
use std::sync::Arc;
use std::time::Instant;

use anyhow::{Context, Result};
use reqwest::header::HeaderMap;
use reqwest::{Method, StatusCode, Url};

use crate::settings::Network;
use crate::transport::api_error::{
    ApiError, api_error, is_unresolved_host, is_untrusted_certificate, request_id,
};
use crate::transport::retry::{self, Limiter};
use crate::transport::trust;
use crate::transport::warm::Warming;
use crate::util::duration::humanize;
use crate::util::error::{ConfigError, io_reason};
use crate::util::redact;
use crate::util::term;
use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;

/// Error bodies are short; this bounds what a misbehaving proxy can make us hold.
pub const MAX_ERROR_BODY: usize = 64 * 1024;
/// Requests in flight unless a command sets its own limit.
const MAX_IN_FLIGHT: usize = 64;

tokio::task_local! {
    /// Set while an attempt holds a place among the requests in flight.
    static HOLDS_A_PLACE: ();
}

/// The HTTP client every request goes through: timeouts, trust, no redirects, retries
/// of reads, a limit on requests in flight, and `-v` logging with secrets masked.
#[derive(Clone)]
pub struct Http {
    client: reqwest::Client,
    network: Arc<Network>,
    limiter: Arc<Limiter>,
    warming: Warming,
}

/// One request: what to send where, and how it may be retried.
pub struct Request {
    pub method: Method,
    pub url: Url,
    /// A JSON body.
    pub body: Option<Vec<u8>>,
    pub retry: Retry,
    /// The most a successful answer may hold.
    pub max_body: usize,
}

/// One try of a request: every header it carries (secrets included; the log masks
/// them by name).
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
    /// The body decoded as an error, once asked for: the retries ask, and then the
    /// caller.
    decoded: OnceCell<ApiError>,
}

impl Answer {
    /// The answer as an API error, decoded from its body.
    pub fn error(&self) -> ApiError {
        let mut error = self
            .decoded
            .get_or_init(|| {
                let mut error = api_error(self.status, &self.headers, &self.body);
                if self.body_too_large && !self.status.is_redirection() {
                    error.body_note = Some(format!(
                        "a body larger than {} KiB, which no error of this API is",
                        MAX_ERROR_BODY >> 10
                    ));
                }
                error
            })
            .clone();
        error.attempts = self.attempts;
        error
    }
}

impl Http {
    pub fn new(network: &Network) -> Result<Http> {
        // ring is the one crypto provider compiled in; installing it twice is harmless.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let warming = Warming::default();
        let mut builder = reqwest::Client::builder()
            .connector_layer(warming.clone())
            .user_agent(concat!("matasks/", env!("CARGO_PKG_VERSION")))
            .connect_timeout(network.connect_timeout.value)
            .timeout(network.request_timeout.value)
            // A redirect would carry the token to another host, which the signature
            // does not cover anyway: report it instead of following it.
            .redirect(reqwest::redirect::Policy::none());
        let extra_roots = match &network.ca_bundle {
            Some(bundle) => read_ca_bundle(&bundle.value)?,
            None => Vec::new(),
        };
        if network.insecure.value {
            term::warn(&format!(
                "TLS certificates are not verified ({}): anyone on the way can read and \
                 change what is sent, credentials included",
                network.insecure.source
            ));
            builder = builder.tls_danger_accept_invalid_certs(true);
        } else {
            builder = builder.tls_backend_preconfigured(trust::client_config(extra_roots));
        }
        let client = builder.build().context("cannot set up the HTTP client")?;
        Ok(Http {
            client,
            network: Arc::new(network.clone()),
            limiter: Arc::new(Limiter::new(MAX_IN_FLIGHT)),
            warming,
        })
    }

    /// Open `count` connections to `url`'s server ahead of the requests that will use
    /// them (see [`Warming`]); none is used for anything else.
    pub fn open_ahead(&self, url: &Url, count: usize) {
        if count == 0 {
            return;
        }
        term::debug(1, || {
            format!(
                "opening {count} connections to {} ahead of the pages",
                url.host_str().unwrap_or("?")
            )
        });
        self.warming
            .open(count, || self.client.get(url.clone()).send());
    }

    /// At most `limit` requests in flight (halved for good each time the API throttles).
    pub fn limit_in_flight(&mut self, limit: usize) {
        self.limiter = Arc::new(Limiter::new(limit));
    }

    /// The largest successful answer read.
    pub fn max_body(&self) -> usize {
        (self.network.max_response_mib.value as usize) << 20
    }

    /// One request, sent as `retry` allows. An idempotent one is tried again on a
    /// connection error, a timeout, HTTP 500, 502, 503 or 504, or throttling (HTTP 429,
    /// or a throttling error code whatever its status), after a backoff or the
    /// server's `Retry-After`; one that is never retried is sent once. `attempt`
    /// authenticates and sends the request anew each time, so each try is signed
    /// afresh; what fails before the request is sent ([`Failure::Before`], such as
    /// getting a token) is never tried again. The answer comes back whatever its status.
    pub async fn execute<F, Fut>(&self, retry: Retry, what: &str, mut attempt: F) -> Result<Answer>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<Answer, Failure>>,
    {
        let retries = match retry {
            Retry::Idempotent => self.network.retries.value,
            Retry::Never => 0,
        };
        let mut tried = 0;
        loop {
            let (outcome, window) = if HOLDS_A_PLACE.try_with(|_| ()).is_ok() {
                // Sent while authorizing another request (a token for it), whose place
                // covers it: a place of its own could wait for that one forever.
                (attempt().await, None)
            } else {
                let permit = self.limiter.acquire().await;
                let outcome = HOLDS_A_PLACE.scope((), attempt()).await;
                (outcome, Some(permit.window()))
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
                    if throttled
                        && let Some(window) = window
                        && let Some(now) = self.limiter.halve(window)
                    {
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

    /// The path every request takes, whatever service and credentials: each try gets
    /// its credentials from `credentials` (so that it is signed afresh) and the headers
    /// every request carries, and is sent and retried as the request allows. The
    /// answer comes back whatever its status.
    pub async fn request<C, Fut>(&self, request: &Request, mut credentials: C) -> Result<Answer>
    where
        C: FnMut() -> Fut,
        Fut: Future<Output = Result<Vec<(&'static str, String)>>>,
    {
        self.execute(request.retry, request.url.path(), || {
            let credentials = credentials();
            async move {
                let mut headers = credentials.await.map_err(Failure::Before)?;
                headers.extend(content_headers(request.body.is_some()));
                self.send(Call {
                    method: request.method.clone(),
                    url: request.url.clone(),
                    headers,
                    body: request.body.clone(),
                    max_body: request.max_body,
                })
                .await
                .map_err(Failure::During)
            }
        })
        .await
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
            decoded: OnceCell::new(),
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

/// A server error that may pass (500, 502, 503, 504), unless its code is a known one
/// that says otherwise, such as a dataset that does not exist.
fn is_passing(status: StatusCode, error: &ApiError) -> bool {
    retry::is_retryable(status) && error.known().is_none()
}

/// Worth another try: the request may not have reached the server, or its answer was
/// lost on the way. A certificate that is not trusted, or a name that does not resolve,
/// will be the same a moment later.
fn is_transient(e: &anyhow::Error) -> bool {
    let lasting = is_untrusted_certificate(e) || is_unresolved_host(e);
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

/// The headers every request carries besides its credentials: what it accepts, and
/// what its body is when it has one.
pub fn content_headers(has_body: bool) -> Vec<(&'static str, String)> {
    let mut headers = vec![("Accept", "application/json".to_string())];
    if has_body {
        headers.push(("Content-Type", "application/json;charset=utf8".to_string()));
    }
    headers
}

/// Whether a request may be sent again after a failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Retry {
    /// A read, or a change that is the same done twice: tried again on a fault that
    /// may pass.
    Idempotent,
    /// Sent once: a second try could do again what the first may have done.
    Never,
}

/// Why an attempt at a request failed.
pub enum Failure {
    /// Before the request was sent (getting a token): not to be tried again, as that
    /// could repeat a request that is not a read.
    Before(anyhow::Error),
    /// Sending it or reading the answer.
    During(anyhow::Error),
}

/// The certificates of a PEM file, for `--ca-bundle`.
fn read_ca_bundle(path: &std::path::Path) -> Result<Vec<CertificateDer<'static>>> {
    let pem = std::fs::read(path).map_err(|e| {
        ConfigError(format!(
            "cannot read the CA bundle {}: {}",
            path.display(),
            io_reason(&e)
        ))
    })?;
    let certs = CertificateDer::pem_slice_iter(&pem)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|_| {
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
