//! `cargo bench --bench network`: what a `matasks` listing costs over a network with a
//! long round trip, from the start of the process to its exit, in round trips.
//!
//! The fake ModelArts server the tests use (`crates/fake-modelarts`) serves HTTPS with a
//! CA of its own (`net::TestCa`; matasks trusts it through `--ca-bundle`), behind
//! `net::DelayingProxy` on 127.0.0.1, which models the network: every chunk reaches the
//! other side half a round trip after it was sent, and the first bytes of each new
//! connection one round trip later still (the TCP handshake). The server itself answers
//! at once, so what is measured is the round trips a run waits for, plus matasks' own
//! time.
//!
//! Each run is a cold process, as every `matasks` invocation is: it opens its TCP and TLS
//! connections afresh. For each round trip time it reports one page (`list --limit
//! 100`) and `list --all --limit 100 --concurrency 8` of 1, 3, 20 and 100 pages of
//! tasks of the API reference's example size: the wall time, that time in round trips,
//! the physical limit in round trips and the ratio to it. The limit:
//!
//! - one page: 1 (TCP) + 1 (TLS 1.3) + 1 (the request) = 3;
//! - N pages at a concurrency of 8: 1 (TCP) + 1 (TLS 1.3) + ceil(N / 8), the 8
//!   connections opened at once and each round of requests asking for 8 pages.
//!
//! When `curl` is installed, it runs in the same turns as a reference: one page over one
//! connection, and the 20 pages with `--parallel --parallel-immediate --parallel-max 8`
//! (immediate: open the 8 connections at once rather than wait to see whether one could
//! carry every request). curl sends the fake's fixed IAM token, which the fake accepts
//! like a signature. Before the runs, curl's own timings of one connection (its process
//! start left out) check the model: straight to the server, what curl and the server take
//! themselves; through the proxy, TLS ready after 2 round trips, the answer after 3.
//!
//! matasks is measured twice for each listing: a first run, with an empty cache (what
//! the endpoint's `offset` counts is found out on the way, and the listing learns its
//! size from its first page), and a later run, whose cache an earlier one filled, as a
//! user's is kept (the listing's last total is known, so its pages go out at once).
//!
//! BENCH_BASELINE=path/to/matasks adds a column for another build, run in the same turns
//! with a cache kept from run to run, e.g. the revision before a change:
//!
//! ```text
//! git worktree add /tmp/before <rev> && cargo build --release --manifest-path /tmp/before/Cargo.toml
//! BENCH_BASELINE=/tmp/before/target/release/matasks cargo bench --bench network
//! ```
//!
//! BENCH_HTTP2=1 makes the server offer HTTP/2 (ALPN) besides HTTP/1.1.
//! BENCH_RUNS=N runs each case N times (default 5), the cases taking turns so that a
//! noisy moment spreads over all of them, and reports medians; BENCH_RTTS=60,200 sets
//! the round trip times in milliseconds.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

mod support;

use support::Run;

use fake_modelarts::net::{DelayingProxy, TestCa};
use fake_modelarts::{AUTH_TOKEN, FakeServer, NO_HOME, PROJECT, Setup, Tasks};

const PAGE: usize = 100;
const CONCURRENCY: usize = 8;
/// The datasets' sizes in pages; the one-page listing reads the largest.
const ALL_PAGES: [usize; 4] = [1, 3, 20, 100];
/// The listing curl also fetches, page by page.
const CURL_PAGES: usize = 20;

fn dataset(pages: usize) -> String {
    format!("pages{pages}")
}

/// One row of the table: a matasks command line, and curl's counterpart if any.
struct Case {
    name: String,
    args: Vec<String>,
    lines: usize,
    /// The physical limit, in round trips.
    limit: f64,
    curl_urls: Vec<String>,
    /// With an empty cache, and with one an earlier run filled.
    first: Vec<Run>,
    again: Vec<Run>,
    baseline: Vec<Run>,
    curl: Vec<Duration>,
}

/// Everything a run needs: where to connect and what to trust.
struct Network {
    url: String,
    ca_bundle: PathBuf,
    config: PathBuf,
    /// The cache runs keep from one to the next; a first run gets an empty one.
    cache: PathBuf,
    /// Where the empty caches go.
    scratch: PathBuf,
}

/// A build of matasks, and the cache it keeps.
struct Build<'a> {
    binary: &'a Path,
    cache: &'a Path,
}

fn main() {
    let runs: usize = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .filter(|&r| r > 0)
        .unwrap_or(5);
    let rtts: Vec<u64> = std::env::var("BENCH_RTTS")
        .unwrap_or_else(|_| "60,200".into())
        .split(',')
        .map(|ms| {
            ms.trim()
                .parse()
                .expect("BENCH_RTTS: milliseconds, comma-separated")
        })
        .collect();
    let baseline = std::env::var_os("BENCH_BASELINE").map(PathBuf::from);
    let has_curl = Command::new("curl")
        .arg("--version")
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());

    // BENCH_HTTP2=1: the server offers HTTP/2 (ALPN) besides HTTP/1.1.
    let http2 = std::env::var_os("BENCH_HTTP2").is_some_and(|v| v == "1");
    let ca = TestCa::generate();
    let mut setup = Setup {
        tls: Some(if http2 {
            ca.offering_http2()
        } else {
            ca.server.clone()
        }),
        ..Setup::default()
    };
    for pages in ALL_PAGES {
        setup
            .datasets
            .insert(dataset(pages), Tasks::Generated(pages * PAGE));
    }
    let server = FakeServer::start(setup);
    let dir = tempfile::tempdir().unwrap();
    let ca_bundle = dir.path().join("ca.pem");
    std::fs::write(&ca_bundle, &ca.ca_pem).unwrap();

    println!(
        "matasks list -o ndjson, HTTPS ({}) through a proxy that models the round trip; a \
         cold process per run, wall time from spawn to exit, median of {runs} runs",
        if http2 {
            "the server offers HTTP/2"
        } else {
            "HTTP/1.1 only"
        }
    );
    println!(
        "limit, in round trips: one page = 1 (TCP) + 1 (TLS 1.3) + 1 (request) = 3; \
         --all of N pages = 1 (TCP) + 1 (TLS 1.3) + ceil(N/{CONCURRENCY}), \
         {CONCURRENCY} connections opened at once"
    );
    if has_curl {
        let [_, tls, answer] = curl_timings(&server.url(), &ca_bundle, runs);
        println!(
            "curl's own timings of one connection without the proxy (curl and the server \
             themselves, medians of {runs}): TLS ready {}, answer {}",
            ms_precise(tls),
            ms_precise(answer)
        );
    } else {
        println!("curl is not installed: no reference column and no model check");
    }
    let mut tables = Vec::new();
    for rtt_ms in rtts {
        let rtt = Duration::from_millis(rtt_ms);
        let proxy = DelayingProxy::start(server.addr(), rtt);
        let url = format!("https://{}", proxy.addr());
        let config = dir.path().join(format!("config-{rtt_ms}.toml"));
        fake_modelarts::write_private(&config, &fake_modelarts::aksk_profile(&url));
        let network = Network {
            url,
            ca_bundle: ca_bundle.clone(),
            config,
            cache: dir.path().join(format!("cache-{rtt_ms}")),
            scratch: dir.path().join(format!("first-{rtt_ms}")),
        };
        if has_curl {
            model_check(&network, rtt, runs);
        }
        let matasks = Path::new(env!("CARGO_BIN_EXE_matasks"));
        let kept = Build {
            binary: matasks,
            cache: &network.cache,
        };
        let baseline_cache = dir.path().join(format!("baseline-{rtt_ms}"));
        let baseline = baseline.as_deref().map(|binary| Build {
            binary,
            cache: &baseline_cache,
        });
        let mut cases = cases(&network, has_curl);
        // Fill the kept caches, as earlier runs of the same listings would have.
        for case in &cases {
            for build in std::iter::once(&kept).chain(&baseline) {
                run_matasks(build, &network, &case.args, case.lines);
            }
        }
        for turn in 0..runs {
            for (n, case) in cases.iter_mut().enumerate() {
                let empty = network.scratch.join(format!("{turn}-{n}"));
                let first = Build {
                    binary: matasks,
                    cache: &empty,
                };
                case.first
                    .push(run_matasks(&first, &network, &case.args, case.lines));
                case.again
                    .push(run_matasks(&kept, &network, &case.args, case.lines));
                if let Some(baseline) = &baseline {
                    case.baseline
                        .push(run_matasks(baseline, &network, &case.args, case.lines));
                }
                if !case.curl_urls.is_empty() {
                    case.curl
                        .push(run_curl(&network.ca_bundle, &case.curl_urls).0);
                }
            }
        }
        tables.push((rtt, cases));
    }

    println!(
        "\nin round trips (RTTs); first: a first run, with an empty cache; again: a later \
         one, with the cache an earlier run left{}",
        if baseline.is_some() {
            "; baseline: BENCH_BASELINE, its cache kept"
        } else {
            ""
        }
    );
    println!(
        "{:<5} {:<16} {:>6} {:>9} {:>6} {:>9} {:>6} {:>7} {:>9} {:>6} {:>9} {:>6}",
        "rtt",
        "run",
        "limit",
        "first",
        "RTTs",
        "again",
        "RTTs",
        "/limit",
        "baseline",
        "RTTs",
        "curl",
        "RTTs"
    );
    let in_rtts = |times: &[Duration], rtt: &Duration| {
        if times.is_empty() {
            (String::new(), String::new())
        } else {
            let took = median(times);
            (
                ms(took),
                format!("{:.1}", took.as_secs_f64() / rtt.as_secs_f64()),
            )
        }
    };
    for (rtt, cases) in &tables {
        for case in cases {
            let (first, first_rtts) = in_rtts(&walls(&case.first), rtt);
            let (again, again_rtts) = in_rtts(&walls(&case.again), rtt);
            let ratio = median(&walls(&case.again)).as_secs_f64() / rtt.as_secs_f64() / case.limit;
            let (baseline, baseline_rtts) = in_rtts(&walls(&case.baseline), rtt);
            let (curl, curl_rtts) = in_rtts(&case.curl, rtt);
            let row = format!(
                "{:<5} {:<16} {:>6.1} {first:>9} {first_rtts:>6} {again:>9} {again_rtts:>6} \
                 {ratio:>6.2}x {baseline:>9} {baseline_rtts:>6} {curl:>9} {curl_rtts:>6}",
                rtt.as_millis(),
                case.name,
                case.limit,
            );
            println!("{}", row.trim_end());
        }
    }
    // What the runs cost the machine, at the first round trip time (the same runs).
    if let Some((rtt, cases)) = tables.first() {
        println!(
            "\nCPU time (user + system) and peak RSS of the runs at {} ms, medians",
            rtt.as_millis()
        );
        println!(
            "{:<16} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9}",
            "run", "first", "again", "baseline", "first", "again", "baseline"
        );
        let cpu = |runs: &[Run]| {
            if runs.is_empty() {
                String::new()
            } else {
                ms_precise(median(&runs.iter().map(|r| r.cpu).collect::<Vec<_>>()))
            }
        };
        let rss = |runs: &[Run]| {
            let mut kib: Vec<i64> = runs.iter().map(|r| r.peak_rss_kib).collect();
            kib.sort_unstable();
            kib.get(kib.len() / 2)
                .map_or(String::new(), |k| format!("{:.1} MB", *k as f64 / 1024.0))
        };
        for case in cases {
            let row = format!(
                "{:<16} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9}",
                case.name,
                cpu(&case.first),
                cpu(&case.again),
                cpu(&case.baseline),
                rss(&case.first),
                rss(&case.again),
                rss(&case.baseline),
            );
            println!("{}", row.trim_end());
        }
    }
}

fn walls(runs: &[Run]) -> Vec<Duration> {
    runs.iter().map(|r| r.wall).collect()
}

fn cases(network: &Network, has_curl: bool) -> Vec<Case> {
    let largest = *ALL_PAGES.iter().max().unwrap();
    let page_url = |pages: usize, page: usize| {
        format!(
            "{}/v2/{PROJECT}/datasets/{}/tasks?limit={PAGE}&offset={page}",
            network.url,
            dataset(pages)
        )
    };
    let curl = |urls: Vec<String>| if has_curl { urls } else { Vec::new() };
    let mut cases = vec![Case {
        name: "one page".into(),
        args: words(&["-d", &dataset(largest), "--limit", &PAGE.to_string()]),
        lines: PAGE,
        limit: 3.0,
        curl_urls: curl(vec![page_url(largest, 0)]),
        first: Vec::new(),
        again: Vec::new(),
        baseline: Vec::new(),
        curl: Vec::new(),
    }];
    for pages in ALL_PAGES {
        let curl_urls = if pages == CURL_PAGES {
            curl((0..pages).map(|page| page_url(pages, page)).collect())
        } else {
            Vec::new()
        };
        cases.push(Case {
            name: format!("--all {pages} page{}", if pages == 1 { "" } else { "s" }),
            args: words(&[
                "-d",
                &dataset(pages),
                "--all",
                "--limit",
                &PAGE.to_string(),
                "--concurrency",
                &CONCURRENCY.to_string(),
            ]),
            lines: pages * PAGE,
            limit: 2.0 + pages.div_ceil(CONCURRENCY) as f64,
            curl_urls,
            first: Vec::new(),
            again: Vec::new(),
            baseline: Vec::new(),
            curl: Vec::new(),
        });
    }
    cases
}

fn words(args: &[&str]) -> Vec<String> {
    args.iter().map(|a| a.to_string()).collect()
}

/// `matasks list -o ndjson` plus `args` of `build`, as a cold process with the build's
/// cache: spawn to exit, stdout read as it comes.
fn run_matasks(build: &Build, network: &Network, args: &[String], lines: usize) -> Run {
    let mut cmd = Command::new(build.binary);
    cmd.env_clear()
        .env("HOME", NO_HOME)
        .env("MATASKS_CACHE_DIR", build.cache)
        .arg("--config")
        .arg(&network.config)
        .arg("--ca-bundle")
        .arg(&network.ca_bundle)
        .args(["list", "-o", "ndjson"])
        .args(args)
        .stderr(Stdio::inherit());
    let run = support::measure(&mut cmd);
    assert_eq!(run.lines, lines, "matasks {args:?}: every task, once");
    run
}

/// curl fetching `urls` (at most 8 at once), each answer checked to be a 200, as a cold
/// process; and what curl's `--write-out` said of each transfer.
fn run_curl(ca_bundle: &Path, urls: &[String]) -> (Duration, Vec<String>) {
    let mut cmd = Command::new("curl");
    // -q first: no curlrc.
    cmd.env_clear()
        .env("HOME", NO_HOME)
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .args(["-q", "-s", "--no-progress-meter", "--cacert"])
        .arg(ca_bundle)
        .args(["-H", &format!("X-Auth-Token: {AUTH_TOKEN}")])
        .args([
            "-w",
            "%{http_code} %{time_connect} %{time_appconnect} %{time_total}\\n",
        ]);
    if urls.len() > 1 {
        cmd.args([
            "--parallel",
            "--parallel-immediate",
            "--parallel-max",
            &CONCURRENCY.to_string(),
        ]);
    }
    for url in urls {
        cmd.args(["-o", "/dev/null", url]);
    }
    cmd.stdout(Stdio::piped()).stderr(Stdio::inherit());
    let started = Instant::now();
    let out = cmd.output().expect("run curl");
    let took = started.elapsed();
    assert!(out.status.success(), "curl failed: {}", out.status);
    let transfers: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect();
    assert_eq!(transfers.len(), urls.len(), "one line per transfer");
    for transfer in &transfers {
        assert!(transfer.starts_with("200 "), "curl: {transfer}");
    }
    (took, transfers)
}

/// curl's own timings of one connection and one request (its process start left out),
/// medians of `runs`: connected, TLS ready, answer complete.
fn curl_timings(base_url: &str, ca_bundle: &Path, runs: usize) -> [Duration; 3] {
    let url = format!(
        "{base_url}/v2/{PROJECT}/datasets/{}/tasks?limit={PAGE}&offset=0",
        dataset(1)
    );
    let mut timings = [Vec::new(), Vec::new(), Vec::new()];
    for _ in 0..runs {
        let (_, transfers) = run_curl(ca_bundle, std::slice::from_ref(&url));
        let times = transfers[0].split_whitespace().skip(1);
        for (timing, time) in timings.iter_mut().zip(times) {
            timing.push(Duration::from_secs_f64(time.parse().unwrap()));
        }
    }
    timings.map(|times| median(&times))
}

/// curl's timings through the proxy, in round trips, against the model: connected at
/// once (loopback; the proxy charges the handshake to the first bytes), TLS ready after
/// 2, the answer after 3.
fn model_check(network: &Network, rtt: Duration, runs: usize) {
    let [connected, tls, answer] = curl_timings(&network.url, &network.ca_bundle, runs)
        .map(|t| t.as_secs_f64() / rtt.as_secs_f64());
    println!(
        "model check at {} ms, curl's own timings of one connection, in RTTs: connected \
         {connected:.2} (model 0), TLS ready {tls:.2} (model 2), answer {answer:.2} (model 3)",
        rtt.as_millis()
    );
}

fn median(times: &[Duration]) -> Duration {
    let mut sorted = times.to_vec();
    sorted.sort();
    sorted[sorted.len() / 2]
}

fn ms_precise(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn ms(d: Duration) -> String {
    format!("{:.0} ms", d.as_secs_f64() * 1000.0)
}
