//! `cargo bench --bench auth`: what each way of authenticating costs a one-page
//! `matasks list`, from start to exit, against the fake server the tests use
//! (`crates/fake-modelarts`) answering at once, so that what is measured is matasks
//! itself.
//!
//! Each case runs the release binary BENCH_RUNS times (default 40), the cases taking
//! turns so that a noisy moment spreads over all of them, and reports the median and
//! its ratio to AK/SK signing with the key in the file, measured in the same run.

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use fake_modelarts::{
    AK, AUTH_TOKEN, DATASET, DOMAIN, FakeServer, NO_HOME, PASSWORD, PROJECT, REGION, SK, Setup,
    USER, write_private,
};

struct Case {
    name: &'static str,
    config: PathBuf,
    /// Each case has its own, so that one case's emptying is not another's loss.
    cache: PathBuf,
    /// Emptied before each run: the cost of a token or project fetched every time.
    fresh_cache: bool,
    times: Vec<Duration>,
}

fn main() {
    let runs: usize = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(40);
    let server = FakeServer::start(Setup::default());
    let dir = tempfile::tempdir().unwrap();
    let url = server.url();
    let base = format!(
        "[profiles.default]\nendpoint = \"{url}\"\niam_endpoint = \"{url}\"\nregion = \"{REGION}\"\n\
         dataset_id = \"{DATASET}\"\n"
    );
    let project = format!("project_id = \"{PROJECT}\"\n");
    let aksk = format!("access_key = \"{AK}\"\nsecret_key = \"{SK}\"\n");
    let password =
        format!("username = \"{USER}\"\ndomain = \"{DOMAIN}\"\npassword = \"{PASSWORD}\"\n");
    let cases = [
        ("aksk, key in the file", format!("{project}{aksk}"), false),
        (
            "aksk, key from secret_key_command",
            format!("{project}access_key = \"{AK}\"\nsecret_key_command = \"printf %s {SK}\"\n"),
            false,
        ),
        ("aksk, project looked up, cached", aksk.clone(), false),
        ("aksk, project looked up every run", aksk, true),
        (
            "token",
            format!("{project}auth_token = \"{AUTH_TOKEN}\"\n"),
            false,
        ),
        (
            "password, token cached",
            format!("{project}{password}"),
            false,
        ),
        (
            "password, token issued every run",
            format!("{project}{password}"),
            true,
        ),
    ];
    let mut cases: Vec<Case> = cases
        .into_iter()
        .enumerate()
        .map(|(i, (name, lines, fresh_cache))| {
            let config = dir.path().join(format!("case{i}.toml"));
            write_private(&config, &format!("{base}{lines}"));
            Case {
                name,
                config,
                cache: dir.path().join(format!("cache{i}")),
                fresh_cache,
                times: Vec::new(),
            }
        })
        .collect();
    let run = |case: &Case| {
        if case.fresh_cache {
            let _ = std::fs::remove_dir_all(&case.cache);
        }
        let started = Instant::now();
        let out = Command::new(env!("CARGO_BIN_EXE_matasks"))
            .env_clear()
            .env("HOME", NO_HOME)
            .env("MATASKS_CACHE_DIR", &case.cache)
            .arg("--config")
            .arg(&case.config)
            .args(["list", "-o", "ndjson"])
            .output()
            .expect("run matasks");
        let elapsed = started.elapsed();
        assert!(
            out.status.success(),
            "{}: {}",
            case.name,
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(out.stdout.iter().filter(|&&b| b == b'\n').count(), 6);
        elapsed
    };
    // One unmeasured round fills the caches the cached cases rely on.
    for case in &cases {
        run(case);
    }
    for _ in 0..runs {
        for case in cases.iter_mut() {
            let elapsed = run(case);
            case.times.push(elapsed);
        }
    }
    let median = |case: &Case| {
        let mut times = case.times.clone();
        times.sort();
        times[times.len() / 2]
    };
    let baseline = median(&cases[0]);
    println!("matasks list (one page, server answering at once): median of {runs} runs\n");
    println!("{:<36} {:>9} {:>8}", "case", "median", "ratio");
    for case in &cases {
        let m = median(case);
        println!(
            "{:<36} {:>6.2} ms {:>7.2}x",
            case.name,
            m.as_secs_f64() * 1000.0,
            m.as_secs_f64() / baseline.as_secs_f64()
        );
    }
    let requests = server.requests();
    let issued = requests
        .iter()
        .filter(|r| r.path == "/v3/auth/tokens")
        .count();
    let lookups = requests.iter().filter(|r| r.path == "/v3/projects").count();
    println!(
        "\nIAM requests: {issued} tokens issued, {lookups} project lookups, for {} runs of each case",
        runs + 1
    );
}
