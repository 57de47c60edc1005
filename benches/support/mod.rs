//! What the benches share: the fake server run in a process of its own (this bench's
//! own executable, told by variables what to serve), and a config file pointing at it.
//!
//! A process spawned from a large parent is charged the parent's resident memory until
//! it execs (Linux records that in the child's peak RSS), so the measuring process
//! stays small and the server lives elsewhere.

// Each bench uses the part it needs.
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, Stdio};

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
