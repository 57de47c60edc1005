//! What the benches share: the fake server run in a process of its own (this bench's
//! own executable, told by variables what to serve), and a config file pointing at it.
//!
//! A process spawned from a large parent is charged the parent's resident memory until
//! it execs (Linux records that in the child's peak RSS), so the measuring process
//! stays small and the server lives elsewhere.

// Each bench uses the part it needs.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

/// A server process: the child, its stdout after the URL it printed first, and that
/// URL. Closing its stdin ends it.
pub struct Spawned {
    pub process: Child,
    pub answers: BufReader<ChildStdout>,
    pub url: String,
}

/// Start this executable again with `vars` set, as the server they describe.
pub fn spawn_server(vars: &[(&str, String)]) -> Spawned {
    let mut command = Command::new(std::env::current_exe().unwrap());
    for (name, value) in vars {
        command.env(name, value);
    }
    let mut process = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("start the server process");
    let mut answers = BufReader::new(process.stdout.take().unwrap());
    let mut url = String::new();
    answers.read_line(&mut url).unwrap();
    Spawned {
        process,
        answers,
        url: url.trim().to_string(),
    }
}

/// `config.toml` in `dir`: the AK/SK profile of the server at `url`.
pub fn server_config(dir: &Path, url: &str) -> PathBuf {
    let config = dir.join("config.toml");
    fake_modelarts::write_private(&config, &fake_modelarts::aksk_profile(url));
    config
}

/// One run of matasks: its wall time, when its first line came, its peak RSS and the
/// lines it printed.
pub struct Run {
    pub wall: Duration,
    pub first_line: Duration,
    pub peak_rss_kib: i64,
    /// User and system CPU time.
    pub cpu: Duration,
    pub lines: usize,
}

/// Run `cmd` with stdout into a pipe read as fast as it comes, until it exits (which
/// must be with status 0).
pub fn measure(cmd: &mut Command) -> Run {
    let started = Instant::now();
    // Reaped by wait4 below, which also reports the peak RSS.
    #[allow(clippy::zombie_processes)]
    let mut child = cmd.stdout(Stdio::piped()).spawn().expect("run matasks");
    let mut stdout = child.stdout.take().unwrap();
    let mut first_line = None;
    let mut lines = 0;
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = stdout.read(&mut buf).expect("read stdout");
        if n == 0 {
            break;
        }
        let newlines = buf[..n].iter().filter(|&&b| b == b'\n').count();
        if newlines > 0 && first_line.is_none() {
            first_line = Some(started.elapsed());
        }
        lines += newlines;
    }
    let (status, rusage) = wait4(child.id() as libc::pid_t);
    let wall = started.elapsed();
    assert!(status == 0, "matasks failed with wait status {status}");
    Run {
        wall,
        first_line: first_line.unwrap_or(wall),
        peak_rss_kib: rusage.ru_maxrss,
        cpu: cpu_time(&rusage.ru_utime) + cpu_time(&rusage.ru_stime),
        lines,
    }
}

fn cpu_time(time: &libc::timeval) -> Duration {
    Duration::from_secs(time.tv_sec as u64) + Duration::from_micros(time.tv_usec as u64)
}

fn wait4(pid: libc::pid_t) -> (i32, libc::rusage) {
    let mut status = 0;
    // SAFETY: rusage is plain data that wait4 fills in.
    let mut rusage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: pid is our own child, not yet waited for.
    let rc = unsafe { libc::wait4(pid, &mut status, 0, &mut rusage) };
    assert_eq!(rc, pid, "wait4 failed");
    (status, rusage)
}
