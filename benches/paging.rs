//! `cargo bench --bench paging`: how fast `matasks list --all` pages, against the fake
//! ModelArts server the tests use (`crates/fake-modelarts`), serving tasks of the API
//! reference's example size with a fixed latency per request.
//!
//! For each case it runs the release binary with `-o ndjson` into a pipe and reports
//! the wall time, the time to the first NDJSON line and the peak RSS (from wait4), next
//! to the floor `ceil(pages / concurrency) x latency` and to the same listing with
//! `--concurrency 1`, the sequential paging every other client does. Ratios are
//! measured in the same run, so they hold on a noisy machine.
//!
//! It then measures what finding out what the server's `offset` counts costs: a
//! listing with `offset_mode = "auto"` and nothing cached, against the same listing
//! with the mode set, for a server that counts pages and one that counts records, in
//! rounds of latency.
//!
//! BENCH_RUNS=N repeats each timed run N times (default 3) and reports the median;
//! BENCH_MILLION=1 adds a listing of 1,000,000 tasks (about a minute);
//! BENCH_MATASKS=path/to/matasks measures another build instead (e.g. the revision
//! before a change, to put its figures side by side).
//!
//! The server runs in a child process of its own. A process spawned from a large
//! parent is charged the parent's resident memory until it execs (Linux records that in
//! the child's peak RSS), so the measuring process stays small and does nothing else.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

mod support;

use support::Run;

use fake_modelarts::{FakeServer, NO_HOME, OffsetMode, Setup, Tasks, write_private};

/// Set in the server's own process to the number of tasks to serve.
const SERVE: &str = "MATASKS_BENCH_SERVE";
/// Set in the server's own process when its `offset` counts records.
const SERVE_RECORDS: &str = "MATASKS_BENCH_RECORDS";

const LATENCY: Duration = Duration::from_millis(50);
const PAGE: usize = 100;
const DEFAULT_CONCURRENCY: usize = 8;

/// In the server process: serve until stdin closes.
fn serve_until_stdin_closes(tasks: usize, offset_mode: OffsetMode) {
    let mut setup = Setup {
        latency: LATENCY,
        offset_mode,
        ..Setup::default()
    };
    setup
        .datasets
        .insert("bench".into(), Tasks::Generated(tasks));
    let server = FakeServer::start(setup);
    println!("{}", server.url());
    std::io::stdout().flush().unwrap();
    let _ = std::io::stdin().read_to_end(&mut Vec::new());
}

/// A server process for `tasks` tasks and a config file pointing at it.
struct Server {
    process: Child,
    config: PathBuf,
    dir: tempfile::TempDir,
}

impl Server {
    fn start(tasks: usize) -> Server {
        Server::counting(tasks, OffsetMode::Page)
    }

    fn counting(tasks: usize, offset_mode: OffsetMode) -> Server {
        let mut vars = vec![(SERVE, tasks.to_string())];
        if offset_mode == OffsetMode::Record {
            vars.push((SERVE_RECORDS, "1".to_string()));
        }
        let spawned = support::spawn_server(&vars);
        let dir = tempfile::tempdir().unwrap();
        let config = support::server_config(dir.path(), &spawned.url);
        Server {
            process: spawned.process,
            config,
            dir,
        }
    }

    /// A config file of this server's with these lines added.
    fn config_with(&self, name: &str, lines: &str) -> PathBuf {
        let path = self.dir.path().join(name);
        let text = std::fs::read_to_string(&self.config).unwrap();
        write_private(&path, &format!("{text}{lines}"));
        path
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        drop(self.process.stdin.take());
        let _ = self.process.wait();
    }
}

fn list_all(config: &Path, concurrency: usize) -> Run {
    let concurrency = concurrency.to_string();
    list(config, &["--all", "--concurrency", &concurrency])
}

/// `matasks list -d bench -o ndjson` plus `args`, stdout read as fast as it comes,
/// with a cache of its own: nothing is known of the server's offsets.
fn list(config: &Path, args: &[&str]) -> Run {
    let cache = tempfile::tempdir().unwrap();
    let binary = std::env::var_os("BENCH_MATASKS").map_or_else(
        || PathBuf::from(env!("CARGO_BIN_EXE_matasks")),
        PathBuf::from,
    );
    let mut cmd = Command::new(binary);
    cmd.env_clear()
        .env("HOME", NO_HOME)
        .env("MATASKS_CACHE_DIR", cache.path())
        .arg("--config")
        .arg(config)
        .args(["list", "-d", "bench", "-o", "ndjson"])
        .args(args)
        .stderr(Stdio::inherit());
    support::measure(&mut cmd)
}

/// The median run by wall time, and by time to the first line; the highest peak RSS.
fn summarise(mut runs: Vec<Run>) -> Run {
    let peak_rss_kib = runs.iter().map(|r| r.peak_rss_kib).max().unwrap();
    let mid = runs.len() / 2;
    runs.sort_by_key(|r| r.first_line);
    let first_line = runs[mid].first_line;
    runs.sort_by_key(|r| r.wall);
    let median = runs.swap_remove(mid);
    Run {
        first_line,
        peak_rss_kib,
        ..median
    }
}

fn timed(server: &Server, tasks: usize, concurrency: usize, runs: usize) -> Run {
    let results: Vec<Run> = (0..runs)
        .map(|_| list_all(&server.config, concurrency))
        .collect();
    for r in &results {
        assert_eq!(r.lines, tasks, "every task, once");
    }
    summarise(results)
}

fn floor(pages: usize, concurrency: usize) -> Duration {
    LATENCY * pages.div_ceil(concurrency) as u32
}

fn ms(d: Duration) -> String {
    format!("{:.0} ms", d.as_secs_f64() * 1000.0)
}

/// What finding out what `offset` counts costs, against each kind of server.
fn offsets(runs: usize) {
    const TASKS: usize = 5_000;
    let pages = TASKS.div_ceil(PAGE);
    println!(
        "\noffset_mode = \"auto\" with nothing cached, against the mode set: {TASKS} tasks, \
         {pages} pages, --concurrency {DEFAULT_CONCURRENCY}\n"
    );
    println!(
        "{:>8} {:>10} {:>10} {:>8} {:>13}",
        "server", "set", "auto", "ratio", "extra rounds"
    );
    for (mode, name) in [(OffsetMode::Page, "page"), (OffsetMode::Record, "record")] {
        let server = Server::counting(TASKS, mode);
        let set = server.config_with("set.toml", &format!("offset_mode = \"{name}\"\n"));
        let measure = |config: &Path| {
            let results: Vec<Run> = (0..runs)
                .map(|_| list_all(config, DEFAULT_CONCURRENCY))
                .collect();
            for r in &results {
                assert_eq!(r.lines, TASKS, "every task, once");
            }
            summarise(results)
        };
        let known = measure(&set);
        let auto = measure(&server.config);
        println!(
            "{:>8} {:>10} {:>10} {:>7.2}x {:>13.1}",
            name,
            ms(known.wall),
            ms(auto.wall),
            auto.wall.as_secs_f64() / known.wall.as_secs_f64(),
            (auto.wall.as_secs_f64() - known.wall.as_secs_f64()) / LATENCY.as_secs_f64()
        );
    }
}

fn main() {
    if let Some(tasks) = std::env::var(SERVE).ok().and_then(|t| t.parse().ok()) {
        let mode = if std::env::var_os(SERVE_RECORDS).is_some() {
            OffsetMode::Record
        } else {
            OffsetMode::Page
        };
        serve_until_stdin_closes(tasks, mode);
        return;
    }
    let runs: usize = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(3);
    println!(
        "matasks list --all -o ndjson: {PAGE} tasks a page, {} ms a request; median wall \
         time and first line of {runs} runs, highest peak RSS\n",
        LATENCY.as_millis()
    );
    println!(
        "{:>8} {:>6} {:>5} {:>10} {:>10} {:>8} {:>11} {:>9}",
        "tasks", "pages", "conc", "wall", "floor", "/floor", "first line", "peak RSS"
    );
    let mut report = Vec::new();
    let mut one_page_rss = 0;
    let mut sizes = vec![10_000, 20_000, 100_000];
    if std::env::var_os("BENCH_MILLION").is_some() {
        sizes.push(1_000_000);
    }
    for tasks in sizes {
        let server = Server::start(tasks);
        let pages = tasks.div_ceil(PAGE);
        if report.is_empty() {
            let one = list(&server.config, &["--limit", "100"]);
            assert_eq!(one.lines, PAGE);
            one_page_rss = one.peak_rss_kib;
        }
        let runs = if tasks > 100_000 { 1 } else { runs };
        let concurrent = timed(&server, tasks, DEFAULT_CONCURRENCY, runs);
        let row = |conc: usize, r: &Run| {
            println!(
                "{:>8} {:>6} {:>5} {:>10} {:>10} {:>7.2}x {:>11} {:>6.1} MB",
                tasks,
                pages,
                conc,
                ms(r.wall),
                ms(floor(pages, conc)),
                r.wall.as_secs_f64() / floor(pages, conc).as_secs_f64(),
                ms(r.first_line),
                r.peak_rss_kib as f64 / 1024.0
            );
        };
        row(DEFAULT_CONCURRENCY, &concurrent);
        let sequential = if tasks <= 20_000 {
            let r = timed(&server, tasks, 1, 1);
            row(1, &r);
            Some(r)
        } else {
            None
        };
        report.push((tasks, concurrent, sequential));
        drop(server);
    }
    println!();
    for (tasks, concurrent, sequential) in &report {
        if let Some(seq) = sequential {
            println!(
                "{tasks} tasks: --concurrency {DEFAULT_CONCURRENCY} is {:.1}x faster than --concurrency 1",
                seq.wall.as_secs_f64() / concurrent.wall.as_secs_f64()
            );
        }
    }
    let rss = |n: usize| {
        report
            .iter()
            .find(|r| r.0 == n)
            .map(|r| r.1.peak_rss_kib as f64 / 1024.0)
    };
    if let (Some(small), Some(large)) = (rss(10_000), rss(100_000)) {
        println!(
            "peak RSS: {small:.1} MB at 10,000 tasks, {large:.1} MB at 100,000 ({:+.1} MB); \
             one page without --all: {:.1} MB",
            large - small,
            one_page_rss as f64 / 1024.0
        );
    }
    println!(
        "first line: {} after the start, against {} of latency for one page",
        ms(report[0].1.first_line),
        ms(LATENCY)
    );
    offsets(runs);
}
