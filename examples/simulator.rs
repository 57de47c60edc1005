//! A ModelArts simulator: the fake server the tests use, serving a few datasets of
//! realistic tasks, some of which move on while it runs, so that `matasks list`, `get`,
//! `wait` and `list --watch` can be tried, and scripts tested, without a cloud account.
//! Tasks can be started and stopped too; they move on each time they are read. Each
//! dataset has import and export tasks, versions and team labeling tasks as well, the
//! newest of each kind moving on with time like the tasks.
//!
//! ```sh
//! cargo run --example simulator -- --tasks 500 --port 8080
//! matasks --config examples/simulator.toml list --all
//! ```
//!
//! It checks every request's AK/SK signature (the keys of `examples/simulator.toml`)
//! and logs each request on stderr.

use std::time::Duration;

use clap::Parser;
use fake_modelarts::{FakeServer, Setup, simulated};

#[derive(Parser)]
#[command(about = "A ModelArts simulator for matasks: no account, no network")]
struct Args {
    /// Tasks in the dataset of examples/simulator.toml (the others have a few tens each)
    #[arg(long, default_value_t = 500)]
    tasks: usize,

    /// Port on 127.0.0.1
    #[arg(long, default_value_t = 8080)]
    port: u16,

    /// Added to every answer, e.g. 50ms
    #[arg(long, value_parser = matasks::cli::parse_duration)]
    latency: Option<Duration>,

    /// Percent of API requests answered with HTTP 503, to see retries at work
    #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(u64).range(0..=100))]
    fail_percent: u64,

    /// Time between two steps of a moving task, e.g. 3s
    #[arg(long, value_parser = matasks::cli::parse_duration, default_value = "3s")]
    step: Duration,
}

fn main() {
    let args = Args::parse();
    // Said plainly, before the server would fail on it.
    if let Err(e) = std::net::TcpListener::bind(("127.0.0.1", args.port)) {
        eprintln!(
            "error: cannot listen on 127.0.0.1:{}: {e} (choose another with --port)",
            args.port
        );
        std::process::exit(1);
    }
    let setup = Setup {
        latency: args.latency.unwrap_or_default(),
        port: args.port,
        log_requests: true,
        ..simulated::setup(args.tasks, args.step, args.fail_percent)
    };
    let server = FakeServer::start(setup);
    // The example profile points at port 8080; another port needs the endpoint too.
    let endpoint = if args.port == 8080 {
        String::new()
    } else {
        format!(" --endpoint {}", server.url())
    };
    let more: Vec<String> = simulated::MORE_DATASETS
        .iter()
        .map(|(id, name, tasks, _)| format!("{id} ({name}, {tasks} tasks)"))
        .collect();
    eprintln!(
        "ModelArts simulator at {}: dataset {} ({}) with {} tasks, every tenth moving on a \
         step every {}, and {} imports and versions; also {}. Every dataset has import and \
         export tasks, versions and team labeling tasks too.\nTry: matasks --config \
         examples/simulator.toml{endpoint} list --all\nCtrl-C stops it.",
        server.url(),
        simulated::DATASET,
        simulated::DATASET_NAME,
        args.tasks,
        matasks_duration(args.step),
        simulated::MAIN_JOBS,
        more.join(", "),
    );
    loop {
        std::thread::park();
    }
}

fn matasks_duration(d: Duration) -> String {
    jiff::SignedDuration::try_from(d).map_or_else(|_| format!("{d:?}"), |d| format!("{d:#}"))
}
