//! A fake ModelArts API for the integration tests, and helpers to run the real binary
//! against it.
//!
//! The server speaks real HTTP/1.1 on 127.0.0.1 with an ephemeral port. It recomputes
//! every request's SDK-HMAC-SHA256 signature with its own code (hmac and sha2, not the
//! signer under test) and answers 401 as the gateway does when it does not match. It
//! pages like the API, answers errors in the API's shape, records every request, counts
//! requests in flight, and can delay, fail or drop any request through a hook.
//!
//! It also plays the identity service (IAM): it issues tokens for a user's password
//! (with an expiry, and revocable to stand for a token expired early), accepts them
//! and fixed tokens as X-Auth-Token, and lists projects by name.

#![allow(dead_code)] // each test binary uses a different part of this module

pub mod fixtures;
pub mod net;
#[cfg(unix)]
pub mod pty;
pub mod simulated;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use bytes::Bytes;
use hmac::{Hmac, KeyInit, Mac};
use http_body_util::Full;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response};
use hyper_util::rt::TokioIo;
use sha2::{Digest, Sha256};

pub const AK: &str = "HPUAEXAMPLEAK0000001";
pub const SK: &str = "s3cr3tSKexample0000000000000000000000000";
pub const PROJECT: &str = "0123456789abcdef0123456789abcdef";
pub const DATASET: &str = "OBegCXHxTJ2JHRAZWr0";
pub const TOKEN: &str = "tmp-security-token-EXAMPLE";
/// The region whose project is [`PROJECT`].
pub const REGION: &str = "cn-north-4";
/// An IAM user of the fake account.
pub const USER: &str = "ops-user";
pub const DOMAIN: &str = "acme-account";
pub const PASSWORD: &str = "pa55word-EXAMPLE-never-shown";
/// A ready IAM token the fake server accepts.
pub const AUTH_TOKEN: &str = "MIIstatic-auth-token-EXAMPLE-never-shown";

/// How long the gateway accepts a signature's `X-Sdk-Date` either side of its clock.
const DATE_TOLERANCE_SECS: i64 = 15 * 60;

/// What a dataset holds, in the server's order.
#[derive(Clone)]
pub enum Tasks {
    /// Literal JSON texts, served as written (whitespace and all).
    Fixed(Vec<String>),
    /// `count` tasks from [`fixtures::generated_task`], made on demand.
    Generated(usize),
    /// `count` tasks made by a function at each request, so that they can change with
    /// time (the simulator's).
    Live(usize, Arc<dyn Fn(usize) -> String + Send + Sync>),
}

impl Tasks {
    pub fn len(&self) -> usize {
        match self {
            Tasks::Fixed(t) => t.len(),
            Tasks::Generated(n) | Tasks::Live(n, _) => *n,
        }
    }

    pub fn text(&self, i: usize) -> String {
        match self {
            Tasks::Fixed(t) => t[i].clone(),
            Tasks::Generated(_) => fixtures::generated_task(i),
            Tasks::Live(_, make) => make(i),
        }
    }

    /// (type code, task name) of task `i`, for the server's filters.
    fn meta(&self, i: usize) -> (i64, String) {
        match self {
            Tasks::Fixed(_) | Tasks::Live(..) => {
                let v: serde_json::Value =
                    serde_json::from_str(&self.text(i)).expect("fixture is JSON");
                let kind = v["type"].as_i64().unwrap_or(-1);
                let name = v["task_name"].as_str().unwrap_or("").to_string();
                (kind, name)
            }
            Tasks::Generated(_) => (1, format!("task {i}")),
        }
    }
}

/// How `offset` is read: a page index (the reference) or a record index.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum OffsetMode {
    Page,
    Record,
}

pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn json(status: u16, body: impl Into<Vec<u8>>) -> Reply {
        Reply {
            status,
            headers: vec![("content-type".into(), "application/json".into())],
            body: body.into(),
        }
    }

    /// An error in the API's shape.
    pub fn api_error(status: u16, code: &str, message: &str) -> Reply {
        Reply::json(
            status,
            format!(r#"{{"error_code":"{code}","error_msg":"{message}"}}"#),
        )
    }
}

pub enum Action {
    Reply(Reply),
    /// Wait this long (on top of the server's latency), then act.
    Delay(Duration, Box<Action>),
    /// Close the connection without answering.
    Drop,
    /// Announce the whole body (Content-Length) but send only its first `n` bytes,
    /// then break the connection.
    Truncate(Reply, usize),
    /// Send the body in chunks of `chunk` bytes, `pause` apart.
    Trickle(Reply, usize, Duration),
    /// A 200 with a body of `len` bytes, made as it is sent: `{"tasks":[` and spaces.
    Huge(usize),
}

/// Consulted for every correctly signed request before the normal handling.
pub type Hook = Arc<dyn Fn(&Recorded, &Catalog) -> Option<Action> + Send + Sync>;

pub struct Setup {
    pub access_key: String,
    pub secret_key: String,
    pub security_token: Option<String>,
    pub project_id: String,
    pub datasets: HashMap<String, Tasks>,
    /// Top-level fields after `total_count`, as raw JSON text starting with a comma.
    pub extra_fields: String,
    pub offset_mode: OffsetMode,
    /// Added to every answer.
    pub latency: Duration,
    pub hook: Option<Hook>,
    /// IAM users: (name, domain, password).
    pub users: Vec<(String, String, String)>,
    /// IAM projects: (name, id).
    pub projects: Vec<(String, String)>,
    /// Tokens accepted as they are.
    pub auth_tokens: Vec<String>,
    /// How long an issued token lasts.
    pub token_lifetime: Duration,
    /// Serve https with this configuration (see [`net::TestCa`]).
    pub tls: Option<Arc<rustls::ServerConfig>>,
    /// The port to listen on; 0 for any free one.
    pub port: u16,
    /// Log each request and its answer on stderr.
    pub log_requests: bool,
    /// Details answers by task ID, served as written by `GET .../tasks/{task_id}` of any
    /// dataset, before the dataset's own tasks are looked at.
    pub details: HashMap<String, String>,
}

impl Default for Setup {
    fn default() -> Setup {
        Setup {
            access_key: AK.into(),
            secret_key: SK.into(),
            security_token: None,
            project_id: PROJECT.into(),
            datasets: HashMap::from([(
                DATASET.to_string(),
                Tasks::Fixed(fixtures::example_tasks()),
            )]),
            extra_fields: r#", "exist_running_deploy_task" : false"#.into(),
            offset_mode: OffsetMode::Page,
            latency: Duration::ZERO,
            hook: None,
            users: vec![(USER.into(), DOMAIN.into(), PASSWORD.into())],
            projects: vec![(REGION.into(), PROJECT.into())],
            auth_tokens: vec![AUTH_TOKEN.into()],
            token_lifetime: Duration::from_secs(24 * 3600),
            tls: None,
            port: 0,
            log_requests: false,
            details: HashMap::new(),
        }
    }
}

impl Setup {
    /// A server whose dataset [`DATASET`] answers ListTasks with `answer`'s tasks, as
    /// written, and its other top-level fields (an example response of the reference).
    pub fn listing(answer: &str) -> Setup {
        let (tasks, fields) = fixtures::listing_parts(answer);
        let extra_fields = fields
            .iter()
            .map(|(key, value)| format!(", {} : {value}", serde_json::to_string(key).unwrap()))
            .collect();
        Setup {
            datasets: HashMap::from([(DATASET.to_string(), Tasks::Fixed(tasks))]),
            extra_fields,
            ..Setup::default()
        }
    }
}

/// One request as the server saw it.
#[derive(Clone, Debug)]
pub struct Recorded {
    pub method: String,
    /// Path exactly as received.
    pub path: String,
    /// Query exactly as received.
    pub query: String,
    /// Header names lowercased, values as received.
    pub headers: Vec<(String, String)>,
    /// Decoded query parameters.
    pub params: HashMap<String, String>,
    pub body: Vec<u8>,
    /// Requests in flight when this one arrived, itself included.
    pub in_flight: usize,
    /// `Ok` when the signature or the token was accepted (or none was needed).
    pub signature: Result<(), String>,
}

impl Recorded {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn param(&self, name: &str) -> Option<&str> {
        self.params.get(name).map(String::as_str)
    }

    pub fn offset(&self) -> u64 {
        self.param("offset").map_or(0, |o| o.parse().unwrap())
    }

    pub fn limit(&self) -> u64 {
        self.param("limit").map_or(10, |o| o.parse().unwrap())
    }
}

/// The datasets, for hooks that build their own pages.
pub struct Catalog {
    datasets: HashMap<String, Tasks>,
    extra_fields: String,
}

impl Catalog {
    pub fn tasks(&self, dataset: &str) -> &Tasks {
        &self.datasets[dataset]
    }

    /// A 200 body holding tasks `start..start+len` of `dataset` (clipped) and `total`.
    pub fn page(&self, dataset: &str, start: usize, len: usize, total: usize) -> Reply {
        let tasks = self.tasks(dataset);
        let end = (start + len).min(tasks.len());
        let indices: Vec<usize> = (start.min(end)..end).collect();
        Reply::json(200, page_body(tasks, &indices, total, &self.extra_fields))
    }
}

fn page_body(tasks: &Tasks, indices: &[usize], total: usize, extra: &str) -> Vec<u8> {
    let mut body = String::from("{\"tasks\" : [ ");
    for (n, &i) in indices.iter().enumerate() {
        if n > 0 {
            body.push_str(", ");
        }
        body.push_str(&tasks.text(i));
    }
    body.push_str(&format!(" ], \"total_count\" : {total}{extra} }}"));
    body.into_bytes()
}

struct Shared {
    setup: Setup,
    catalog: Catalog,
    /// Tokens issued: (token, expiry as Unix seconds, revoked).
    issued: Mutex<Vec<(String, i64, bool)>>,
    /// Polls of each moving task so far.
    polls: Mutex<HashMap<String, usize>>,
    log: Mutex<Vec<Recorded>>,
    in_flight: AtomicUsize,
    max_in_flight: AtomicUsize,
    served: AtomicUsize,
}

pub struct FakeServer {
    addr: SocketAddr,
    shared: Arc<Shared>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl FakeServer {
    pub fn start(mut setup: Setup) -> FakeServer {
        let catalog = Catalog {
            datasets: std::mem::take(&mut setup.datasets),
            extra_fields: setup.extra_fields.clone(),
        };
        let shared = Arc::new(Shared {
            setup,
            catalog,
            log: Mutex::new(Vec::new()),
            issued: Mutex::new(Vec::new()),
            polls: Mutex::new(HashMap::new()),
            in_flight: AtomicUsize::new(0),
            max_in_flight: AtomicUsize::new(0),
            served: AtomicUsize::new(0),
        });
        let port = shared.setup.port;
        let listener = std::net::TcpListener::bind(("127.0.0.1", port))
            .unwrap_or_else(|e| panic!("bind 127.0.0.1:{port}: {e}"));
        listener.set_nonblocking(true).unwrap();
        let addr = listener.local_addr().unwrap();
        let (stop, mut stopped) = tokio::sync::oneshot::channel::<()>();
        let serving = shared.clone();
        let thread = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener).unwrap();
                loop {
                    tokio::select! {
                        _ = &mut stopped => break,
                        accepted = listener.accept() => {
                            let Ok((stream, _)) = accepted else { continue };
                            let shared = serving.clone();
                            tokio::spawn(async move {
                                let tls = shared.setup.tls.clone();
                                let service = service_fn(move |req| handle(req, shared.clone()));
                                let http = http1::Builder::new();
                                match tls {
                                    None => {
                                        let _ = http.serve_connection(TokioIo::new(stream), service).await;
                                    }
                                    Some(config) => {
                                        let acceptor = tokio_rustls::TlsAcceptor::from(config);
                                        // A client that does not trust us hangs up here.
                                        if let Ok(stream) = acceptor.accept(stream).await {
                                            let _ = http.serve_connection(TokioIo::new(stream), service).await;
                                        }
                                    }
                                }
                            });
                        }
                    }
                }
            });
            runtime.shutdown_timeout(Duration::from_millis(100));
        });
        FakeServer {
            addr,
            shared,
            stop: Some(stop),
            thread: Some(thread),
        }
    }

    pub fn url(&self) -> String {
        let scheme = if self.shared.setup.tls.is_some() {
            "https"
        } else {
            "http"
        };
        format!("{scheme}://{}", self.addr)
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.shared.log.lock().unwrap().clone()
    }

    pub fn max_in_flight(&self) -> usize {
        self.shared.max_in_flight.load(Ordering::SeqCst)
    }

    /// Make every token issued so far invalid, as if it had expired early.
    pub fn revoke_tokens(&self) {
        for token in self.shared.issued.lock().unwrap().iter_mut() {
            token.2 = true;
        }
    }

    /// Requests that asked for a token.
    pub fn token_requests(&self) -> usize {
        self.requests()
            .iter()
            .filter(|r| r.method == "POST" && r.path == "/v3/auth/tokens")
            .count()
    }
}

impl Drop for FakeServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Counts a request in flight for as long as it lives.
struct Flight<'a>(&'a Shared);

impl<'a> Flight<'a> {
    fn enter(shared: &'a Shared) -> Flight<'a> {
        let now = shared.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
        shared.max_in_flight.fetch_max(now, Ordering::SeqCst);
        Flight(shared)
    }
}

impl Drop for Flight<'_> {
    fn drop(&mut self) {
        self.0.in_flight.fetch_sub(1, Ordering::SeqCst);
    }
}

type BoxError = Box<dyn std::error::Error + Send + Sync>;

type Body = http_body_util::combinators::BoxBody<Bytes, BoxError>;

fn full(bytes: Vec<u8>) -> Body {
    use http_body_util::BodyExt;
    Full::new(Bytes::from(bytes))
        .map_err(|never| match never {})
        .boxed()
}

/// A body of `chunks`, each after `pause`, then `end` (an error breaks the connection).
fn streamed(chunks: Vec<Bytes>, pause: Duration, end: Option<BoxError>) -> Body {
    use http_body_util::BodyExt;
    let items = chunks
        .into_iter()
        .map(Ok)
        .chain(end.map(Err))
        .collect::<Vec<Result<Bytes, BoxError>>>();
    let stream = futures_util::stream::unfold(items.into_iter(), move |mut items| async move {
        let item = items.next()?;
        if !pause.is_zero() {
            tokio::time::sleep(pause).await;
        }
        Some((item.map(hyper::body::Frame::data), items))
    });
    http_body_util::StreamBody::new(stream).boxed()
}

/// `len` bytes of a page that never ends, made a chunk at a time as they are sent.
fn huge(len: usize) -> Body {
    use http_body_util::BodyExt;
    const CHUNK: usize = 1 << 16;
    let head = Bytes::from_static(b"{\"tasks\":[");
    let spaces = Bytes::from(vec![b' '; CHUNK]);
    let stream = futures_util::stream::unfold(0usize, move |sent| {
        let (head, spaces) = (head.clone(), spaces.clone());
        async move {
            if sent >= len {
                return None;
            }
            let chunk = if sent == 0 {
                head
            } else {
                spaces.slice(..CHUNK.min(len - sent))
            };
            let next = sent + chunk.len();
            Some((Ok::<_, BoxError>(hyper::body::Frame::data(chunk)), next))
        }
    });
    http_body_util::StreamBody::new(stream).boxed()
}

async fn handle(req: Request<Incoming>, shared: Arc<Shared>) -> Result<Response<Body>, BoxError> {
    let _flight = Flight::enter(&shared);
    let serial = shared.served.fetch_add(1, Ordering::SeqCst);
    let recorded = record(req, &shared).await;
    let mut action = decide(&recorded, &shared);
    if shared.setup.log_requests {
        let answer = match &action {
            Action::Reply(reply) => reply.status.to_string(),
            Action::Delay(..) => "delayed".to_string(),
            _ => "a fault".to_string(),
        };
        let query = if recorded.query.is_empty() {
            String::new()
        } else {
            format!("?{}", recorded.query)
        };
        let auth = match (&recorded.signature, recorded.header("x-auth-token")) {
            (Err(reason), _) => format!(" (refused: {reason})"),
            (Ok(()), Some(_)) => " (token)".to_string(),
            (Ok(()), None) if recorded.header("authorization").is_some() => " (signed)".to_string(),
            _ => String::new(),
        };
        eprintln!(
            "{} {}{query} -> {answer}{auth}",
            recorded.method, recorded.path
        );
    }
    shared.log.lock().unwrap().push(recorded);
    let mut delay = shared.setup.latency;
    while let Action::Delay(extra, then) = action {
        delay += extra;
        action = *then;
    }
    if !delay.is_zero() {
        tokio::time::sleep(delay).await;
    }
    let head = |reply: &Reply| {
        let mut response = Response::builder()
            .status(reply.status)
            .header("x-request-id", format!("req-{serial:08}"));
        for (name, value) in &reply.headers {
            response = response.header(name, value);
        }
        response
    };
    match action {
        Action::Reply(reply) => Ok(head(&reply).body(full(reply.body))?),
        Action::Drop => Err("dropped on purpose".into()),
        Action::Truncate(reply, sent) => {
            let part = Bytes::from(reply.body[..sent.min(reply.body.len())].to_vec());
            Ok(head(&reply)
                .header("content-length", reply.body.len())
                // The pause lets the head and the part go out before the connection breaks.
                .body(streamed(
                    vec![part],
                    Duration::from_millis(50),
                    Some("cut off on purpose".into()),
                ))?)
        }
        Action::Trickle(reply, chunk, pause) => {
            let chunks = reply
                .body
                .chunks(chunk.max(1))
                .map(|c| Bytes::from(c.to_vec()))
                .collect();
            Ok(head(&reply)
                .header("content-length", reply.body.len())
                .body(streamed(chunks, pause, None))?)
        }
        Action::Huge(len) => Ok(Response::builder()
            .status(200)
            .header("content-type", "application/json")
            .header("content-length", len)
            .body(huge(len))?),
        Action::Delay(..) => unreachable!(),
    }
}

async fn record(req: Request<Incoming>, shared: &Shared) -> Recorded {
    use http_body_util::BodyExt;
    let (req, body) = req.into_parts();
    let body = body
        .collect()
        .await
        .map(|b| b.to_bytes().to_vec())
        .unwrap_or_default();
    let path = req.uri.path().to_string();
    let query = req.uri.query().unwrap_or("").to_string();
    let headers: Vec<(String, String)> = req
        .headers
        .iter()
        .map(|(n, v)| {
            (
                n.as_str().to_ascii_lowercase(),
                String::from_utf8_lossy(v.as_bytes()).into_owned(),
            )
        })
        .collect();
    let params = parse_query(&query)
        .unwrap_or_default()
        .into_iter()
        .collect();
    let mut recorded = Recorded {
        method: req.method.to_string(),
        path,
        query,
        headers,
        params,
        body,
        in_flight: shared.in_flight.load(Ordering::SeqCst),
        signature: Ok(()),
    };
    recorded.signature = authenticate(&recorded, shared);
    recorded
}

fn now_secs() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

/// A token issued here and still valid, a fixed token, or else a valid signature.
fn authenticate(req: &Recorded, shared: &Shared) -> Result<(), String> {
    if req.method == "POST" && req.path == "/v3/auth/tokens" {
        return Ok(()); // the password in the body is checked by the handler
    }
    if let Some(token) = req.header("x-auth-token") {
        if shared.setup.auth_tokens.iter().any(|t| t == token) {
            return Ok(());
        }
        let issued = shared.issued.lock().unwrap();
        return match issued.iter().find(|(t, _, _)| t == token) {
            Some((_, expiry, revoked)) if !revoked && *expiry > now_secs() => Ok(()),
            Some(_) => Err("The token expires.".into()),
            None => Err("The token is invalid.".into()),
        };
    }
    verify(req, &shared.setup)
}

/// `POST /v3/auth/tokens` with the password method.
fn issue_token(req: &Recorded, shared: &Shared) -> Reply {
    let unauthorized = || {
        Reply::json(
            401,
            r#"{"error":{"code":401,"title":"Unauthorized","message":"The username or password is wrong."}}"#,
        )
    };
    let Ok(body) = serde_json::from_slice::<serde_json::Value>(&req.body) else {
        return Reply::json(
            400,
            r#"{"error":{"code":400,"message":"The request body is not JSON."}}"#,
        );
    };
    let identity = &body["auth"]["identity"];
    let user = &identity["password"]["user"];
    let (Some(name), Some(password), Some(domain)) = (
        user["name"].as_str(),
        user["password"].as_str(),
        user["domain"]["name"].as_str(),
    ) else {
        return unauthorized();
    };
    if identity["methods"] != serde_json::json!(["password"])
        || !shared
            .setup
            .users
            .iter()
            .any(|(n, d, p)| n == name && d == domain && p == password)
    {
        return unauthorized();
    }
    let scope = &body["auth"]["scope"]["project"];
    let project = shared.setup.projects.iter().find(|(n, id)| {
        scope["id"].as_str() == Some(id.as_str()) || scope["name"].as_str() == Some(n.as_str())
    });
    let Some((project_name, project_id)) = project else {
        return Reply::json(
            400,
            r#"{"error":{"code":400,"message":"The project does not exist."}}"#,
        );
    };
    let mut issued = shared.issued.lock().unwrap();
    let token = format!(
        "MIIissued-{}-{}",
        issued.len(),
        shared.served.load(Ordering::SeqCst)
    );
    let expiry = now_secs() + shared.setup.token_lifetime.as_secs() as i64;
    issued.push((token.clone(), expiry, false));
    let expires_at = jiff::Timestamp::from_second(expiry)
        .unwrap()
        .strftime("%Y-%m-%dT%H:%M:%S.000000Z");
    let mut reply = Reply::json(
        201,
        format!(
            r#"{{"token":{{"expires_at":"{expires_at}","methods":["password"],"project":{{"id":"{project_id}","name":"{project_name}","domain":{{"name":"{domain}"}}}},"user":{{"name":"{name}","domain":{{"name":"{domain}"}}}}}}}}"#
        ),
    );
    reply.headers.push(("x-subject-token".into(), token));
    reply
}

/// `GET /v3/projects?name=NAME`.
fn list_projects(req: &Recorded, shared: &Shared) -> Reply {
    let projects: Vec<String> = shared
        .setup
        .projects
        .iter()
        .filter(|(name, _)| req.param("name").is_none_or(|n| n == name))
        .map(|(name, id)| format!(r#"{{"id":"{id}","name":"{name}","enabled":true}}"#))
        .collect();
    Reply::json(
        200,
        format!(r#"{{"projects":[{}],"links":{{}}}}"#, projects.join(",")),
    )
}

fn decide(req: &Recorded, shared: &Shared) -> Action {
    let setup = &shared.setup;
    if let Err(reason) = &req.signature {
        let code = if req.header("x-auth-token").is_some() {
            "APIGW.0307"
        } else {
            "APIGW.0301"
        };
        return Action::Reply(Reply::api_error(
            401,
            code,
            &format!("Incorrect IAM authentication information: {reason}"),
        ));
    }
    if let Some(hook) = &setup.hook
        && let Some(action) = hook(req, &shared.catalog)
    {
        return action;
    }
    match (req.method.as_str(), req.path.as_str()) {
        ("POST", "/v3/auth/tokens") => Action::Reply(issue_token(req, shared)),
        ("GET", "/v3/projects") => Action::Reply(list_projects(req, shared)),
        _ => Action::Reply(list_tasks(req, shared)),
    }
}

/// A dataset the project does not have: HTTP 400, as the service answers it.
fn dataset_not_found() -> Reply {
    Reply::api_error(400, "ModelArts.4352", "Dataset not found.")
}

/// The ListTasks API itself.
fn list_tasks(req: &Recorded, shared: &Shared) -> Reply {
    let setup = &shared.setup;
    if req.method != "GET" {
        return Reply::api_error(405, "APIGW.0101", "Method not allowed");
    }
    let segments: Vec<String> = req
        .path
        .split('/')
        .map(|s| percent_decode(s).unwrap_or_default())
        .collect();
    if let ["", "v2", project, "datasets"] =
        segments.iter().map(String::as_str).collect::<Vec<_>>()[..]
    {
        if project != setup.project_id {
            return Reply::api_error(403, "ModelArts.0203", "Invalid project ID in the path");
        }
        let first = shared
            .catalog
            .datasets
            .keys()
            .min()
            .cloned()
            .unwrap_or_default();
        return Reply::json(
            200,
            format!(
                r#"{{"datasets":[{{"dataset_id":"{first}"}}],"total_number":{}}}"#,
                shared.catalog.datasets.len()
            ),
        );
    }
    if let ["", "v2", project, "datasets", dataset, "tasks", task_id] =
        segments.iter().map(String::as_str).collect::<Vec<_>>()[..]
    {
        if project != setup.project_id {
            return Reply::api_error(403, "ModelArts.0203", "Invalid project ID in the path");
        }
        let Some(tasks) = shared.catalog.datasets.get(dataset) else {
            return dataset_not_found();
        };
        return task_details(tasks, task_id, shared);
    }
    let ["", "v2", project, "datasets", dataset, "tasks"] =
        segments.iter().map(String::as_str).collect::<Vec<_>>()[..]
    else {
        return Reply::api_error(
            404,
            "APIGW.0101",
            "The API does not exist or has not been published in the environment",
        );
    };
    if project != setup.project_id {
        return Reply::api_error(403, "ModelArts.0203", "Invalid project ID in the path");
    }
    let Some(tasks) = shared.catalog.datasets.get(dataset) else {
        return dataset_not_found();
    };
    let limit = match req.param("limit").map(str::parse::<usize>) {
        None => 10,
        Some(Ok(l)) if (1..=100).contains(&l) => l,
        Some(_) => return Reply::api_error(400, "ModelArts.4101", "Invalid parameter: limit"),
    };
    let offset = match req.param("offset").map(str::parse::<usize>) {
        None => 0,
        Some(Ok(o)) => o,
        Some(Err(_)) => {
            return Reply::api_error(400, "ModelArts.4101", "Invalid parameter: offset");
        }
    };
    // Without `type` the API lists auto labeling (0 and 1); codes it does not know pass too.
    let wanted: Box<dyn Fn(i64) -> bool> = match req.param("type") {
        None => Box::new(|t| !matches!(t, 7 | 10)),
        Some("auto-label") => Box::new(|t| t == 0),
        Some("pre-label") => Box::new(|t| t == 1),
        Some("auto-grouping") => Box::new(|t| t == 7),
        Some("auto-deploy") => Box::new(|t| t == 10),
        Some(_) => return Reply::api_error(400, "ModelArts.4101", "Invalid parameter: type"),
    };
    let name = req.param("task_name");
    let start = match setup.offset_mode {
        OffsetMode::Page => offset.saturating_mul(limit),
        OffsetMode::Record => offset,
    };
    // Generated tasks are all pre-labeling: without a name filter, a page is a range.
    let selected: Vec<usize> = match (tasks, req.param("type"), name) {
        (Tasks::Generated(n), None | Some("pre-label"), None) => {
            let page = start.min(*n)..start.saturating_add(limit).min(*n);
            let body = page_body(
                tasks,
                &page.collect::<Vec<_>>(),
                *n,
                &shared.catalog.extra_fields,
            );
            return Reply::json(200, body);
        }
        _ => (0..tasks.len())
            .filter(|&i| {
                let (kind, task_name) = tasks.meta(i);
                wanted(kind) && name.is_none_or(|n| task_name.contains(n))
            })
            .collect(),
    };
    let end = start.saturating_add(limit).min(selected.len());
    let page = if start < end {
        &selected[start..end]
    } else {
        &[][..]
    };
    Reply::json(
        200,
        page_body(tasks, page, selected.len(), &shared.catalog.extra_fields),
    )
}

/// The statuses (code, progress) a moving task goes through, one per poll, staying at
/// the last: chosen by its ID.
pub fn lifecycle(task_id: &str) -> Option<&'static [(i64, f64)]> {
    Some(match task_id {
        "moving-succeeded" => &[(-1, 0.0), (1, 50.0), (3, 100.0)],
        "moving-failed" => &[(0, 0.0), (1, 20.0), (2, 20.0)],
        "moving-stopped" => &[(1, 10.0), (4, 10.0), (5, 10.0)],
        "moving-forever" => &[(1, 5.0)],
        _ => return None,
    })
}

/// `GET .../tasks/{task_id}`: a details answer of [`Setup::details`], a fixture task as
/// it is, or a moving task's next step.
fn task_details(tasks: &Tasks, task_id: &str, shared: &Shared) -> Reply {
    if let Some(text) = shared.setup.details.get(task_id) {
        return Reply::json(200, text.clone());
    }
    if let Some(steps) = lifecycle(task_id) {
        let mut polls = shared.polls.lock().unwrap();
        let poll = polls.entry(task_id.to_string()).or_insert(0);
        let (status, progress) = steps[(*poll).min(steps.len() - 1)];
        *poll += 1;
        let error = if status == 2 {
            r#","error_code":"ModelArts.4353","error_msg":"Insufficient samples.""#
        } else {
            ""
        };
        return Reply::json(
            200,
            format!(
                r#"{{"task_id":"{task_id}","task_name":"moving task","type":1,"status":{status},"progress":{progress:.1},"create_time":"2026-11-29 08:00:00","elapsed_time":{},"message":"step {}"{error}}}"#,
                *poll * 10,
                *poll
            ),
        );
    }
    let found = (0..tasks.len()).map(|i| tasks.text(i)).find(|text| {
        serde_json::from_str::<serde_json::Value>(text)
            .is_ok_and(|v| v["task_id"].as_str() == Some(task_id))
    });
    match found {
        Some(text) => Reply::json(200, text),
        None => Reply::api_error(400, "ModelArts.4612", "The task does not exist."),
    }
}

// ---- signature verification, independent of the signer under test ----

fn is_unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~')
}

pub fn percent_encode(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if is_unreserved(b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

pub fn percent_decode(text: &str) -> Result<String, String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3).ok_or("truncated escape")?;
            out.push(u8::from_str_radix(hex, 16).map_err(|_| "bad escape")?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| "escape is not UTF-8".to_string())
}

fn parse_query(query: &str) -> Result<Vec<(String, String)>, String> {
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            Ok((percent_decode(k)?, percent_decode(v)?))
        })
        .collect()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The signature the gateway expects. `headers` are (lowercase name, value) pairs.
pub fn expected_signature(
    secret_key: &str,
    method: &str,
    path: &str,
    query: &str,
    headers: &[(String, String)],
    sdk_date: &str,
) -> Result<String, String> {
    let mut uri = String::new();
    for (n, segment) in path.split('/').enumerate() {
        if n > 0 {
            uri.push('/');
        }
        uri.push_str(&percent_encode(&percent_decode(segment)?));
    }
    if !uri.ends_with('/') {
        uri.push('/');
    }
    let mut pairs = parse_query(query)?;
    pairs.sort();
    let canonical_query = pairs
        .iter()
        .map(|(k, v)| format!("{}={}", percent_encode(k), percent_encode(v)))
        .collect::<Vec<_>>()
        .join("&");
    let mut sorted = headers.to_vec();
    sorted.sort();
    let canonical_headers: String = sorted
        .iter()
        .map(|(n, v)| format!("{n}:{}\n", v.trim()))
        .collect();
    let signed_names = sorted
        .iter()
        .map(|(n, _)| n.as_str())
        .collect::<Vec<_>>()
        .join(";");
    let canonical_request = format!(
        "{method}\n{uri}\n{canonical_query}\n{canonical_headers}\n{signed_names}\n{}",
        hex(&Sha256::digest(b""))
    );
    let string_to_sign = format!(
        "SDK-HMAC-SHA256\n{sdk_date}\n{}",
        hex(&Sha256::digest(canonical_request.as_bytes()))
    );
    let mut mac = Hmac::<Sha256>::new_from_slice(secret_key.as_bytes()).unwrap();
    mac.update(string_to_sign.as_bytes());
    Ok(hex(&mac.finalize().into_bytes()))
}

fn verify(req: &Recorded, setup: &Setup) -> Result<(), String> {
    let auth = req
        .header("authorization")
        .ok_or("no Authorization header")?;
    let rest = auth
        .strip_prefix("SDK-HMAC-SHA256 ")
        .ok_or("Authorization is not SDK-HMAC-SHA256")?;
    let mut fields = HashMap::new();
    for part in rest.split(", ") {
        let (k, v) = part.split_once('=').ok_or("malformed Authorization")?;
        fields.insert(k, v);
    }
    let (Some(access), Some(signed), Some(signature)) = (
        fields.get("Access"),
        fields.get("SignedHeaders"),
        fields.get("Signature"),
    ) else {
        return Err("malformed Authorization".into());
    };
    if *access != setup.access_key {
        return Err("the access key is unknown".into());
    }
    let names: Vec<&str> = signed.split(';').collect();
    // The identity service is global: no project header there.
    let iam = req.path.starts_with("/v3/");
    let mut required = if iam {
        vec!["host", "x-sdk-date"]
    } else {
        vec!["host", "x-project-id", "x-sdk-date"]
    };
    if setup.security_token.is_some() {
        required.push("x-security-token");
    }
    for name in &required {
        if !names.contains(name) {
            return Err(format!("{name} is not signed"));
        }
    }
    if names.len() != required.len() {
        return Err(format!("unexpected signed headers {signed}"));
    }
    let mut headers = Vec::new();
    for name in &names {
        let value = req
            .header(name)
            .ok_or_else(|| format!("signed header {name} is missing"))?;
        headers.push((name.to_string(), value.to_string()));
    }
    if !iam && req.header("x-project-id") != Some(setup.project_id.as_str()) {
        return Err("X-Project-Id does not match the project".into());
    }
    if let Some(token) = &setup.security_token
        && req.header("x-security-token") != Some(token.as_str())
    {
        return Err("the security token is invalid".into());
    }
    let date = req.header("x-sdk-date").unwrap();
    check_date(date)?;
    let expected = expected_signature(
        &setup.secret_key,
        &req.method,
        &req.path,
        &req.query,
        &headers,
        date,
    )?;
    if expected != *signature {
        return Err("verify aksk signature fail".into());
    }
    // The gateway signs what it receives; we also insist the client sent the canonical form.
    let mut pairs = parse_query(&req.query)?;
    pairs.sort();
    let canonical: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{}={}", percent_encode(k), percent_encode(v)))
        .collect();
    if req.query != canonical.join("&") {
        return Err(format!("query {:?} is not in canonical form", req.query));
    }
    Ok(())
}

/// `YYYYMMDDTHHMMSSZ` within the gateway's tolerance of now.
fn check_date(date: &str) -> Result<(), String> {
    let bad = || format!("X-Sdk-Date {date:?} is malformed");
    if date.len() != 16 || &date[8..9] != "T" || !date.ends_with('Z') {
        return Err(bad());
    }
    let num = |r: std::ops::Range<usize>| date[r].parse::<i64>().map_err(|_| bad());
    let (y, m, d) = (num(0..4)?, num(4..6)?, num(6..8)?);
    let (hh, mm, ss) = (num(9..11)?, num(11..13)?, num(13..15)?);
    // Days from the civil date (proleptic Gregorian), for comparison with the clock.
    let (y2, m2) = if m <= 2 { (y - 1, m + 9) } else { (y, m - 3) };
    let era = y2.div_euclid(400);
    let yoe = y2 - era * 400;
    let doy = (153 * m2 + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    let signed_at = days * 86_400 + hh * 3600 + mm * 60 + ss;
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    if (now - signed_at).abs() > DATE_TOLERANCE_SECS {
        return Err("the signature has expired (X-Sdk-Date is out of range)".into());
    }
    Ok(())
}

// ---- running the binary ----

/// A home directory that does not exist. Without HOME, the platform would fall back
/// to the account's real home and its real config file.
pub const NO_HOME: &str = "/nonexistent/matasks-test-home";

/// The binary with an empty environment: no XDG_*, proxies, NO_COLOR,
/// HUAWEICLOUD_SDK_* or MATASKS_* leak in from the machine running the tests, and
/// HOME points nowhere.
pub fn matasks() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("matasks").unwrap();
    cmd.env_clear().env("HOME", NO_HOME);
    cmd.timeout(Duration::from_secs(60));
    cmd
}

/// A fake server plus a private directory with a config file pointing at it.
pub struct Sandbox {
    pub dir: tempfile::TempDir,
    pub server: FakeServer,
    pub config: PathBuf,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        Sandbox::with(Setup::default())
    }

    pub fn with(setup: Setup) -> Sandbox {
        let token = setup.security_token.clone();
        let server = FakeServer::start(setup);
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("config.toml");
        let sandbox = Sandbox {
            dir,
            server,
            config,
        };
        let mut text = format!(
            "[profiles.default]\nendpoint = \"{}\"\nproject_id = \"{PROJECT}\"\n\
             dataset_id = \"{DATASET}\"\naccess_key = \"{AK}\"\nsecret_key = \"{SK}\"\n",
            sandbox.server.url()
        );
        if let Some(token) = token {
            text.push_str(&format!("security_token = \"{token}\"\n"));
        }
        sandbox.write_config(&text);
        sandbox
    }

    /// Replace the config file (private to its owner, as it should be).
    pub fn write_config(&self, text: &str) {
        std::fs::write(&self.config, text).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&self.config, std::fs::Permissions::from_mode(0o600)).unwrap();
        }
    }

    /// The binary, using this sandbox's config file and cache directory.
    pub fn cmd(&self) -> assert_cmd::Command {
        let mut cmd = matasks();
        cmd.env("MATASKS_CACHE_DIR", self.cache_dir())
            .arg("--config")
            .arg(&self.config);
        cmd
    }

    pub fn cache_dir(&self) -> PathBuf {
        self.dir.path().join("cache")
    }

    /// Run the binary with these arguments and this sandbox's config file.
    pub fn run(&self, args: &[&str]) -> std::process::Output {
        self.cmd().args(args).output().unwrap()
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.server.requests()
    }

    /// The binary as a plain `std` command (for terminals and pipes), with this
    /// sandbox's config file and nothing else from the environment.
    pub fn std_cmd(&self) -> std::process::Command {
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("matasks"));
        cmd.env_clear()
            .env("HOME", NO_HOME)
            .env("MATASKS_CACHE_DIR", self.cache_dir())
            .arg("--config")
            .arg(&self.config);
        cmd
    }
}

pub fn stdout_of(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

/// The command succeeded; else its status, stdout and stderr are the failure message.
pub fn assert_ok(out: &std::process::Output) {
    assert!(
        out.status.success(),
        "status {:?}\nstdout:\n{}\nstderr:\n{}",
        out.status,
        stdout_of(out),
        stderr_of(out)
    );
}

/// A profile for the sandbox's server (API and IAM) with these extra lines, and no
/// project unless the lines give one.
pub fn profile(sandbox: &Sandbox, lines: &str) -> String {
    format!(
        "[profiles.default]\nendpoint = \"{url}\"\niam_endpoint = \"{url}\"\nregion = \"{REGION}\"\n\
         dataset_id = \"{DATASET}\"\n{lines}",
        url = sandbox.server.url()
    )
}

/// A profile of the sandbox's IAM user, with its password in the file.
pub fn password_profile(sandbox: &Sandbox, extra: &str) -> String {
    profile(
        sandbox,
        &format!(
            "project_id = \"{PROJECT}\"\nusername = \"{USER}\"\ndomain = \"{DOMAIN}\"\n\
             password = \"{PASSWORD}\"\n{extra}"
        ),
    )
}

/// `config show`'s rows with their columns' padding squeezed to one space.
pub fn rows_of(output: &std::process::Output) -> String {
    stdout_of(output)
        .lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" ") + "\n")
        .collect()
}

pub fn stderr_of(output: &std::process::Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// Fails when `text` holds a character a terminal would act on, or one that hides or
/// reorders the text around it: a control character other than a line feed, a line or
/// paragraph separator, a bidi control, or a zero-width character.
pub fn assert_terminal_safe(text: &str) {
    for c in text.chars() {
        let hidden = (c.is_control() && c != '\n')
            || matches!(
                c,
                '\u{061c}'
                    | '\u{200b}'..='\u{200f}'
                    | '\u{2028}'..='\u{202e}'
                    | '\u{2066}'..='\u{2069}'
                    | '\u{feff}'
            );
        assert!(!hidden, "{c:?} in {text:?}");
    }
}
