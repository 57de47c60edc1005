//! `cargo bench --bench table`: the peak memory of `matasks list --all` printing a
//! table, against NDJSON of the same listing in the same run, at 10,000 and 100,000
//! tasks of the API reference's example size from the fake server the tests use
//! (`crates/fake-modelarts`), answering at once.
//!
//! Each case runs the release binary into a pipe (so the table is not fitted to a
//! terminal) and reads the peak RSS from wait4. Besides the plain table it measures
//! the widest rows (`--wide`), the table sorted (`--sort name`) and merged (`--type
//! all`, newest first), which must see every task before the first row, and the
//! project's listing (`-A`), which holds each dataset's tasks until the dataset is
//! listed whole. The tasks of `-A` are those of this dataset and the six of the
//! default one.
//!
//! As in `benches/paging.rs`, the server runs in a child process of its own (this
//! executable again), so that the measuring process stays small.

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};

mod support;

use support::Run;

use fake_modelarts::{FakeServer, NO_HOME, Setup, Tasks};

/// Set in the server's own process to the number of tasks to serve.
const SERVE: &str = "MATASKS_BENCH_SERVE_TABLE";

/// In the server process: serve until stdin closes.
fn serve_until_stdin_closes(tasks: usize) {
    let mut setup = Setup::default();
    setup
        .datasets
        .insert("bench".into(), Tasks::Generated(tasks));
    let server = FakeServer::start(setup);
    println!("{}", server.url());
    std::io::stdout().flush().unwrap();
    let _ = std::io::stdin().read_to_end(&mut Vec::new());
}

/// `matasks list -d bench --all` plus `args`, stdout read as fast as it comes.
fn list(config: &Path, args: &[&str]) -> Run {
    let cache = tempfile::tempdir().unwrap();
    support::measure(
        Command::new(env!("CARGO_BIN_EXE_matasks"))
            .env_clear()
            .env("HOME", NO_HOME)
            .env("MATASKS_CACHE_DIR", cache.path())
            .arg("--config")
            .arg(config)
            .args(["list", "-d", "bench", "--all"])
            .args(args)
            .stderr(Stdio::null()),
    )
}

struct Server {
    process: Child,
    config: std::path::PathBuf,
    _dir: tempfile::TempDir,
}

impl Drop for Server {
    fn drop(&mut self) {
        drop(self.process.stdin.take());
        let _ = self.process.wait();
    }
}

fn main() {
    if let Some(tasks) = std::env::var(SERVE).ok().and_then(|t| t.parse().ok()) {
        serve_until_stdin_closes(tasks);
        return;
    }
    let cases: &[(&str, &[&str], bool)] = &[
        ("ndjson", &["-o", "ndjson"], false),
        ("table", &[], true),
        ("table --wide", &["--wide"], true),
        ("table --sort name", &["--sort", "name"], true),
        ("table --type all", &["--type", "all"], true),
        ("table -A", &["-A"], true),
    ];

    println!("matasks list --all into a pipe: peak RSS of each output, in one run\n");
    println!(
        "{:>8}  {:<18} {:>8} {:>10} {:>10}",
        "tasks", "output", "lines", "wall", "peak RSS"
    );
    let mut peaks = Vec::new();
    for tasks in [10_000usize, 100_000] {
        let spawned = support::spawn_server(&[(SERVE, tasks.to_string())]);
        let dir = tempfile::tempdir().unwrap();
        let server = Server {
            config: support::server_config(dir.path(), &spawned.url),
            process: spawned.process,
            _dir: dir,
        };
        for (name, args, header) in cases {
            let run = list(&server.config, args);
            assert!(
                run.lines >= tasks + usize::from(*header),
                "{name}: every task"
            );
            println!(
                "{:>8}  {:<18} {:>8} {:>7.0} ms {:>7.1} MB",
                tasks,
                name,
                run.lines,
                run.wall.as_secs_f64() * 1000.0,
                run.peak_rss_kib as f64 / 1024.0
            );
            peaks.push((tasks, *name, run.peak_rss_kib));
        }
        drop(server);
    }
    let peak = |tasks: usize, name: &str| {
        peaks
            .iter()
            .find(|p| p.0 == tasks && p.1 == name)
            .map_or(0.0, |p| p.2 as f64 / 1024.0)
    };
    println!();
    for tasks in [10_000, 100_000] {
        println!(
            "{tasks} tasks: table {:.1} MB, ndjson {:.1} MB ({:+.1} MB)",
            peak(tasks, "table"),
            peak(tasks, "ndjson"),
            peak(tasks, "table") - peak(tasks, "ndjson"),
        );
    }
}
