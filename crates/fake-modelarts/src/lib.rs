//! A fake ModelArts API for the tests, benches and simulator of matasks.
//!
//! The server speaks real HTTP/1.1 on 127.0.0.1 with an ephemeral port. It recomputes
//! every request's SDK-HMAC-SHA256 signature, over its body too, with its own code (hmac
//! and sha2, not the signer under test) and answers 401 as the gateway does when it does
//! not match. It
//! pages like the API, answers errors in the API's shape, records every request, counts
//! requests in flight, and can delay, fail or drop any request through a hook.
//!
//! It also plays the identity service (IAM): it issues tokens for a user's password
//! (with an expiry, and revocable to stand for a token expired early), accepts them
//! and fixed tokens as X-Auth-Token, and lists projects by name.
//!
//! Each request goes through [`routes`]: authentication, the test's hook, then the first
//! route of the table whose method and path pattern match.
//!
//! Besides reading (ListDatasets, ListTasks, a task's details) it starts and stops
//! intelligent tasks (CreateTask, StopAutoAnnotation): a started task is kept in
//! memory, moves on one step each time its details are read, and is listed with the
//! dataset's own tasks; [`FakeServer::created_tasks`] shows them to the test.
//!
//! A dataset's other jobs (import and export tasks, versions, team labeling tasks) are
//! lists of JSON texts described by a [`JobKind`] in [`Setup::jobs`]: paged and read
//! one by one like the API's, a job moving on as its details are read or with time.

mod created;
mod datasets;
mod faults;
pub mod fixtures;
mod iam;
mod jobs;
pub mod net;
mod routes;
mod signature;
pub mod simulated;
mod tasks;
#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use hyper::body::Incoming;
use hyper::service::service_fn;
use hyper::{Request, Response};
use hyper_util::rt::{TokioExecutor, TokioIo};
use hyper_util::server::conn::auto;

pub use created::CreatedTask;
pub use faults::Action;
pub use jobs::{Clock, Job, JobKind, JobList, Refusal};
pub use signature::expected_signature;
pub use tasks::lifecycle;

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

/// A home directory that does not exist, for running matasks against the server. Without
/// HOME, the platform would fall back to the account's real home and its real config
/// file.
pub const NO_HOME: &str = "/nonexistent/matasks-test-home";

/// What a dataset holds, in the server's order.
#[derive(Clone)]
pub enum Tasks {
    /// Literal JSON texts, served as written (whitespace and all).
    Fixed(Vec<String>),
    /// `count` tasks of the reference's example size, each with an ID of
    /// [`fixtures::generated_id`], made on demand. Every such task says it belongs to
    /// [`DATASET`] and the IDs are the same in every dataset of this kind: for several
    /// datasets whose tasks must not collide, see [`Tasks::GeneratedIn`].
    Generated(usize),
    /// `count` tasks like [`Tasks::Generated`]'s, but of the dataset `dataset_id`: each
    /// says so in its `dataset_id`, and its ID, [`fixtures::generated_id_in`], is unique
    /// across datasets, so that a client gathering several datasets' tasks by ID sees
    /// no collision. [`many_datasets`] makes datasets of these.
    GeneratedIn { dataset_id: String, count: usize },
    /// `count` tasks made by a function at each request, so that they can change with
    /// time (the simulator's).
    Live(usize, Arc<dyn Fn(usize) -> String + Send + Sync>),
}

/// What the server's filters and checks read of a task.
pub(crate) struct TaskMeta {
    /// The type code; -1 when the task has none.
    pub(crate) kind: i64,
    /// The name; empty when the task has none.
    pub(crate) name: String,
    pub(crate) status: Option<i64>,
    pub(crate) task_id: Option<String>,
}

impl TaskMeta {
    /// Queued, initializing or running: what ListDatasets' `running_tasks_id` and
    /// CreateTask's checks count.
    pub(crate) fn is_running(&self) -> bool {
        self.status.is_some_and(is_running_status)
    }
}

/// Queued (-1), initializing (0) or running (1).
pub(crate) fn is_running_status(status: i64) -> bool {
    matches!(status, -1..=1)
}

impl Tasks {
    pub(crate) fn len(&self) -> usize {
        match self {
            Tasks::Fixed(t) => t.len(),
            Tasks::Generated(n) | Tasks::Live(n, _) => *n,
            Tasks::GeneratedIn { count, .. } => *count,
        }
    }

    pub(crate) fn text(&self, i: usize) -> String {
        match self {
            Tasks::Fixed(t) => t[i].clone(),
            Tasks::Generated(_) => fixtures::generated_task(i),
            Tasks::GeneratedIn { dataset_id, .. } => fixtures::generated_task_in(dataset_id, i),
            Tasks::Live(_, make) => make(i),
        }
    }

    /// Whether every task is a finished pre-labeling task named `task {i}`, so that
    /// pages and checks need not read them.
    pub(crate) fn is_generated(&self) -> bool {
        matches!(self, Tasks::Generated(_) | Tasks::GeneratedIn { .. })
    }

    /// What the server's filters and checks read of task `i`. A text that is not JSON
    /// (a test's hostile fixture) has no type, name, status or ID rather than stopping
    /// the server.
    pub(crate) fn meta(&self, i: usize) -> TaskMeta {
        match self {
            Tasks::Fixed(_) | Tasks::Live(..) => {
                let v: serde_json::Value = serde_json::from_str(&self.text(i)).unwrap_or_default();
                TaskMeta {
                    kind: v["type"].as_i64().unwrap_or(-1),
                    name: v["task_name"].as_str().unwrap_or("").to_string(),
                    status: v["status"].as_i64(),
                    task_id: v["task_id"].as_str().map(str::to_string),
                }
            }
            Tasks::Generated(_) => TaskMeta {
                kind: 1,
                name: format!("task {i}"),
                status: Some(3),
                task_id: Some(fixtures::generated_id(i)),
            },
            Tasks::GeneratedIn { dataset_id, .. } => TaskMeta {
                kind: 1,
                name: format!("task {i}"),
                status: Some(3),
                task_id: Some(fixtures::generated_id_in(dataset_id, i)),
            },
        }
    }
}

/// A moment as the API writes a task's `create_time`: `2020-11-03 15:22:39`, without a
/// zone, in China Standard Time (UTC+08:00), as the reference's example is written.
pub fn api_time(at: jiff::Timestamp) -> String {
    at.to_zoned_datetime(jiff::tz::TimeZone::fixed(jiff::tz::offset(8)))
        .strftime("%Y-%m-%d %H:%M:%S")
        .to_string()
}

/// `text` as a JSON string.
pub(crate) fn json_string(text: &str) -> String {
    serde_json::Value::from(text).to_string()
}

/// A profile of the fake server at `url` with its project and access keys: the
/// config of a bench or test that needs nothing else.
pub fn aksk_profile(url: &str) -> String {
    format!(
        "[profiles.default]\nendpoint = \"{url}\"\nproject_id = \"{PROJECT}\"\n\
         access_key = \"{AK}\"\nsecret_key = \"{SK}\"\n"
    )
}

/// Write `text` to `path`, readable by its owner only, as matasks wants a config file
/// that holds secrets.
pub fn write_private(path: &std::path::Path, text: &str) {
    std::fs::write(path, text).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
}

/// The ID of dataset `n` of [`many_datasets`]: 19 letters and digits, as the service's
/// IDs are, ordered as `n` is.
pub fn many_dataset_id(n: usize) -> String {
    format!("MaNyDaTaSeT{n:08}")
}

/// `count` datasets of `tasks_each` tasks, for a project with many datasets: dataset
/// `n` is [`many_dataset_id`]`(n)` (so ListDatasets, which orders by ID, lists them in
/// the order made, newest first) holding [`Tasks::GeneratedIn`], whose task IDs are
/// unique across datasets. Add them to a setup's with
/// `setup.datasets.extend(many_datasets(..))`, or replace its datasets with them.
pub fn many_datasets(count: usize, tasks_each: usize) -> HashMap<String, Tasks> {
    (0..count)
        .map(|n| {
            let dataset_id = many_dataset_id(n);
            let tasks = Tasks::GeneratedIn {
                dataset_id: dataset_id.clone(),
                count: tasks_each,
            };
            (dataset_id, tasks)
        })
        .collect()
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
    /// Dataset names by dataset ID, for ListDatasets; a dataset without one is named
    /// `dataset-<its ID>`.
    pub dataset_names: HashMap<String, String>,
    /// How ListDatasets reads `check_running_task=true`: only as "say which tasks run"
    /// (false, the plain reading of the reference), or also as "list only the datasets
    /// with a running task" (true), which the reference's wording allows too.
    pub running_filter: bool,
    /// ListDatasets reports at most this many as `total_number` (the reference says the
    /// total "cannot exceed 100"), while its pages still serve every dataset. `None`
    /// reports the true count.
    pub dataset_total_cap: Option<usize>,
    /// CreateTask refuses with ModelArts.4409 once the project has this many tasks it
    /// started still queued, initializing or running. `None` sets no limit.
    pub max_running_tasks: Option<usize>,
    /// The datasets' other jobs (imports, exports, versions, team labeling tasks, or a
    /// kind a test describes), served under `/v2/{project}/datasets/{dataset}/{collection}`
    /// for every collection some list declares; a dataset without a list of a declared
    /// kind has none of it.
    pub jobs: Vec<JobList>,
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
            dataset_names: HashMap::new(),
            running_filter: false,
            dataset_total_cap: None,
            max_running_tasks: None,
            jobs: Vec::new(),
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
            .map(|(key, value)| format!(", {} : {value}", json_string(key)))
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
    /// The HTTP version it came in: `HTTP/1.1` or `HTTP/2.0`.
    pub version: String,
    /// Which connection it came on, counting from 0 in the order accepted.
    pub connection: usize,
    /// Connections accepted when it arrived, its own included.
    pub accepted: usize,
    /// Its connection's TLS handshake resumed an earlier session.
    pub resumed: bool,
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
    pub(crate) fn tasks(&self, dataset: &str) -> &Tasks {
        &self.datasets[dataset]
    }

    /// A 200 body holding tasks `start..start+len` of `dataset` (clipped) and `total`.
    pub fn page(&self, dataset: &str, start: usize, len: usize, total: usize) -> Reply {
        let tasks = self.tasks(dataset);
        let end = (start + len).min(tasks.len());
        let indices: Vec<usize> = (start.min(end)..end).collect();
        Reply::json(
            200,
            tasks::page_body(tasks, &indices, total, &self.extra_fields),
        )
    }
}

/// The server's state, shared by the requests it serves.
struct Shared {
    setup: Setup,
    catalog: Catalog,
    /// Tokens issued: (token, expiry as Unix seconds, revoked).
    issued: Mutex<Vec<(String, i64, bool)>>,
    /// Polls of each moving task so far.
    polls: Mutex<HashMap<String, usize>>,
    /// Tasks started by CreateTask, in the order started.
    created: Mutex<Vec<created::Started>>,
    /// Reads of each job's details so far.
    job_reads: Mutex<jobs::Reads>,
    log: Mutex<Vec<Recorded>>,
    in_flight: AtomicUsize,
    max_in_flight: AtomicUsize,
    served: AtomicUsize,
    /// Connections accepted so far.
    connections: AtomicUsize,
}

pub struct FakeServer {
    addr: SocketAddr,
    shared: Arc<Shared>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Shared {
    fn new(mut setup: Setup) -> Shared {
        let catalog = Catalog {
            datasets: std::mem::take(&mut setup.datasets),
            extra_fields: setup.extra_fields.clone(),
        };
        Shared {
            setup,
            catalog,
            log: Mutex::new(Vec::new()),
            issued: Mutex::new(Vec::new()),
            polls: Mutex::new(HashMap::new()),
            created: Mutex::new(Vec::new()),
            job_reads: Mutex::new(HashMap::new()),
            in_flight: AtomicUsize::new(0),
            max_in_flight: AtomicUsize::new(0),
            served: AtomicUsize::new(0),
            connections: AtomicUsize::new(0),
        }
    }
}

impl FakeServer {
    pub fn start(setup: Setup) -> FakeServer {
        let shared = Arc::new(Shared::new(setup));
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
                            let connection = shared.connections.fetch_add(1, Ordering::SeqCst);
                            tokio::spawn(async move {
                                let tls = shared.setup.tls.clone();
                                let serve = |resumed: bool| {
                                    let link = Link { id: connection, resumed };
                                    service_fn(move |req| handle(req, shared.clone(), link))
                                };
                                // HTTP/1.1, or HTTP/2 where TLS agreed on it (ALPN).
                                let http = auto::Builder::new(TokioExecutor::new());
                                match tls {
                                    None => {
                                        let _ = http.serve_connection(TokioIo::new(stream), serve(false)).await;
                                    }
                                    Some(config) => {
                                        let acceptor = tokio_rustls::TlsAcceptor::from(config);
                                        // A client that does not trust us hangs up here.
                                        if let Ok(stream) = acceptor.accept(stream).await {
                                            let resumed = stream.get_ref().1.handshake_kind()
                                                == Some(rustls::HandshakeKind::Resumed);
                                            let _ = http.serve_connection(TokioIo::new(stream), serve(resumed)).await;
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

    /// The address it listens on, for a proxy to stand in front of it.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.shared.log.lock().unwrap().clone()
    }

    /// Connections accepted so far, whether or not a request came on them.
    pub fn connections_accepted(&self) -> usize {
        self.shared.connections.load(Ordering::SeqCst)
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

    /// The tasks started through CreateTask so far, in the order started, as they are
    /// now.
    pub fn created_tasks(&self) -> Vec<CreatedTask> {
        self.shared
            .created
            .lock()
            .unwrap()
            .iter()
            .map(|started| started.task.clone())
            .collect()
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

/// The connection a request came on.
#[derive(Debug, Clone, Copy)]
struct Link {
    /// Counting from 0 in the order accepted.
    id: usize,
    /// Its TLS handshake resumed an earlier session.
    resumed: bool,
}

async fn handle(
    req: Request<Incoming>,
    shared: Arc<Shared>,
    link: Link,
) -> Result<Response<faults::Body>, faults::BoxError> {
    let _flight = Flight::enter(&shared);
    let serial = shared.served.fetch_add(1, Ordering::SeqCst);
    let recorded = record(req, &shared, link).await;
    let mut action = routes::decide(&recorded, &shared);
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
    action.respond(&format!("req-{serial:08}"))
}

async fn record(req: Request<Incoming>, shared: &Shared, link: Link) -> Recorded {
    use http_body_util::BodyExt;
    let (req, body) = req.into_parts();
    let body = body
        .collect()
        .await
        .map(|b| b.to_bytes().to_vec())
        .unwrap_or_default();
    let path = req.uri.path().to_string();
    let query = req.uri.query().unwrap_or("").to_string();
    let mut headers: Vec<(String, String)> = req
        .headers
        .iter()
        .map(|(n, v)| {
            (
                n.as_str().to_ascii_lowercase(),
                String::from_utf8_lossy(v.as_bytes()).into_owned(),
            )
        })
        .collect();
    // HTTP/2 names the host in `:authority`, which stands for `Host` in a signature.
    if !headers.iter().any(|(n, _)| n == "host")
        && let Some(authority) = req.uri.authority()
    {
        headers.push(("host".to_string(), authority.to_string()));
    }
    let params = signature::parse_query(&query)
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
        version: format!("{:?}", req.version),
        connection: link.id,
        accepted: shared.connections.load(Ordering::SeqCst),
        resumed: link.resumed,
    };
    recorded.signature = iam::authenticate(&recorded, shared);
    recorded
}
