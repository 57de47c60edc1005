//! `cargo bench --bench project`: what `matasks list -A` (every dataset's tasks in one
//! listing) costs, against the fake ModelArts server the tests use
//! (`crates/fake-modelarts`): 50 datasets of 300 tasks each, a fixed latency per
//! request, the default concurrency and page size.
//!
//! Side by side, in the same run (so the ratios hold on a noisy machine):
//! (a) `matasks list -A -o ndjson`;
//! (b) the same tasks listed dataset by dataset, `matasks list --all -d ID -o ndjson`
//!     for each of the 50 IDs in turn (the sum of their wall times);
//! (c) the floor `ceil(requests / concurrency) x latency`, requests being the pages of
//!     the dataset list plus every dataset's pages.
//! Each row also says how many requests the server saw and how many NDJSON lines were
//! read (15,000 each time, or the bench fails).
//!
//! BENCH_RUNS=N repeats (a) and (b) N times each (default 3) and reports the medians.
//!
//! As in `benches/paging.rs`, the server runs in a child process of its own (this
//! executable again), so that the measuring process stays small. Each line the bench
//! writes to its stdin asks for the number of requests served so far; it ends when
//! its stdin closes.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

mod support;

use fake_modelarts::{FakeServer, NO_HOME, Setup, many_dataset_id, many_datasets};

/// Set in the server's own process.
const SERVE: &str = "MATASKS_BENCH_SERVE_PROJECT";

const LATENCY: Duration = Duration::from_millis(50);
const DATASETS: usize = 50;
const TASKS_EACH: usize = 300;
const PAGE: usize = 100;
const CONCURRENCY: usize = 8;

/// In the server process: serve, answering each line of stdin with the number of
/// requests served so far, until stdin closes.
fn serve() {
    let server = FakeServer::start(Setup {
        latency: LATENCY,
        datasets: many_datasets(DATASETS, TASKS_EACH),
        ..Setup::default()
    });
    let mut out = std::io::stdout();
    writeln!(out, "{}", server.url()).unwrap();
    out.flush().unwrap();
    for line in std::io::stdin().lock().lines() {
        if line.is_err() {
            break;
        }
        writeln!(out, "{}", server.requests().len()).unwrap();
        out.flush().unwrap();
    }
}

/// The server process and a config file pointing at it.
struct Server {
    process: Child,
    ask: Option<ChildStdin>,
    answers: BufReader<ChildStdout>,
    config: PathBuf,
    _dir: tempfile::TempDir,
}

impl Server {
    fn start() -> Server {
        let mut spawned = support::spawn_server(&[(SERVE, "1".to_string())]);
        let dir = tempfile::tempdir().unwrap();
        let config = support::server_config(dir.path(), &spawned.url);
        Server {
            ask: spawned.process.stdin.take(),
            process: spawned.process,
            answers: spawned.answers,
            config,
            _dir: dir,
        }
    }

    /// Requests served so far.
    fn served(&mut self) -> usize {
        let ask = self.ask.as_mut().unwrap();
        writeln!(ask, "count").unwrap();
        ask.flush().unwrap();
        let mut line = String::new();
        self.answers.read_line(&mut line).unwrap();
        line.trim().parse().expect("a count")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        // Closing stdin ends the server.
        drop(self.ask.take());
        let _ = self.process.wait();
    }
}

/// One measurement: wall time, NDJSON lines read, requests the server saw.
#[derive(Clone, Copy)]
struct Run {
    wall: Duration,
    lines: usize,
    requests: usize,
}

/// `matasks -o ndjson` with `args`, stdout read as fast as it comes; its wall time and
/// the lines read.
fn matasks(config: &Path, cache: &Path, args: &[&str]) -> (Duration, usize) {
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_matasks"))
        .env_clear()
        .env("HOME", NO_HOME)
        .env("MATASKS_CACHE_DIR", cache)
        .arg("--config")
        .arg(config)
        .args(args)
        .args(["-o", "ndjson"])
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("run matasks");
    let mut stdout = child.stdout.take().unwrap();
    let mut buf = vec![0u8; 1 << 16];
    let mut lines = 0;
    loop {
        let n = stdout.read(&mut buf).expect("read stdout");
        if n == 0 {
            break;
        }
        lines += buf[..n].iter().filter(|&&b| b == b'\n').count();
    }
    let status = child.wait().unwrap();
    let wall = started.elapsed();
    assert!(status.success(), "matasks {args:?} failed: {status}");
    (wall, lines)
}

/// (a): one `list -A`, with a cache of its own (nothing known of the server's offsets).
fn across(server: &mut Server) -> Run {
    let cache = tempfile::tempdir().unwrap();
    let before = server.served();
    let (wall, lines) = matasks(&server.config, cache.path(), &["list", "-A"]);
    Run {
        wall,
        lines,
        requests: server.served() - before,
    }
}

/// (b): `list --all -d ID` for each dataset in turn, sharing one cache as one user's
/// runs would.
fn one_by_one(server: &mut Server) -> Run {
    let cache = tempfile::tempdir().unwrap();
    let before = server.served();
    let mut total = Run {
        wall: Duration::ZERO,
        lines: 0,
        requests: 0,
    };
    for n in 0..DATASETS {
        let id = many_dataset_id(n);
        let (wall, lines) = matasks(&server.config, cache.path(), &["list", "--all", "-d", &id]);
        total.wall += wall;
        total.lines += lines;
    }
    total.requests = server.served() - before;
    total
}

/// The run of median wall time.
fn median(mut runs: Vec<Run>) -> Run {
    runs.sort_by_key(|r| r.wall);
    runs[runs.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.0} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    if std::env::var_os(SERVE).is_some() {
        serve();
        return;
    }
    let runs: usize = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(3)
        .max(1);
    let expected_lines = DATASETS * TASKS_EACH;
    // One page of datasets, then every dataset's pages.
    let requests = DATASETS.div_ceil(PAGE) + DATASETS * TASKS_EACH.div_ceil(PAGE);
    let floor = LATENCY * requests.div_ceil(CONCURRENCY) as u32;

    let mut server = Server::start();
    let mut a_runs = Vec::new();
    let mut b_runs = Vec::new();
    for _ in 0..runs {
        a_runs.push(across(&mut server));
        b_runs.push(one_by_one(&mut server));
    }
    for r in a_runs.iter().chain(&b_runs) {
        assert_eq!(r.lines, expected_lines, "every task, once");
    }
    let (a, b) = (median(a_runs), median(b_runs));

    println!(
        "{DATASETS} datasets of {TASKS_EACH} tasks, {} ms a request, {PAGE} a page, \
         concurrency {CONCURRENCY}; median of {runs} runs\n",
        LATENCY.as_millis()
    );
    println!("{:<36} {:>10} {:>9} {:>7}", "", "wall", "requests", "lines");
    let row = |name: &str, r: &Run| {
        println!(
            "{name:<36} {:>10} {:>9} {:>7}",
            ms(r.wall),
            r.requests,
            r.lines
        );
    };
    row("(a) list -A", &a);
    row(&format!("(b) list --all -d ID, x{DATASETS} in turn"), &b);
    println!(
        "{:<36} {:>10} {:>9}",
        format!(
            "(c) floor ceil({requests}/{CONCURRENCY}) x {} ms",
            LATENCY.as_millis()
        ),
        ms(floor),
        requests
    );
    println!(
        "\na/floor {:.2}x   b/a {:.1}x",
        a.wall.as_secs_f64() / floor.as_secs_f64(),
        b.wall.as_secs_f64() / a.wall.as_secs_f64()
    );
}
