//! Helpers to run the real binary against the fake ModelArts server of
//! `crates/fake-modelarts`, with an environment of its own, and to read what it printed.

#[cfg(unix)]
pub mod pty;

use std::path::PathBuf;
use std::time::Duration;

use fake_modelarts::{
    AK, DATASET, DOMAIN, FakeServer, NO_HOME, PASSWORD, PROJECT, REGION, Recorded, SK, Setup, USER,
};

/// The time ages (AGE) are counted up to in every run, so that they can be checked
/// exactly: `MATASKS_TEST_NOW`. The fixtures' tasks were created a day or two before.
pub const NOW: &str = "2026-11-30T12:00:00+08:00";

/// The binary with an empty environment: no XDG_*, proxies, NO_COLOR,
/// HUAWEICLOUD_SDK_* or MATASKS_* leak in from the machine running the tests, and
/// HOME points nowhere. Times are shown in UTC (`TZ`), ages counted up to [`NOW`].
pub fn matasks() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("matasks").unwrap();
    cmd.env_clear()
        .env("HOME", NO_HOME)
        .env("TZ", "UTC")
        .env("MATASKS_TEST_NOW", NOW);
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
        fake_modelarts::write_private(&self.config, text);
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
    /// sandbox's config file and nothing else from the environment but [`matasks`]'s
    /// zone and time.
    pub fn std_cmd(&self) -> std::process::Command {
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("matasks"));
        cmd.env_clear()
            .env("HOME", NO_HOME)
            .env("TZ", "UTC")
            .env("MATASKS_TEST_NOW", NOW)
            .env("MATASKS_CACHE_DIR", self.cache_dir())
            .arg("--config")
            .arg(&self.config);
        cmd
    }
}

pub fn stdout_of(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

/// The `task_id` of every NDJSON line on stdout, in order.
pub fn ids_of(stdout: &[u8]) -> Vec<String> {
    String::from_utf8(stdout.to_vec())
        .unwrap()
        .lines()
        .map(|line| {
            let task: serde_json::Value = serde_json::from_str(line).expect("NDJSON line");
            task["task_id"].as_str().unwrap().to_string()
        })
        .collect()
}

/// stderr contains `needle`; else stderr is the failure message.
pub fn assert_stderr_has(out: &std::process::Output, needle: &str) {
    let stderr = stderr_of(out);
    assert!(
        stderr.contains(needle),
        "{needle:?} not in stderr:\n{stderr}"
    );
}

/// stdout contains `needle`; else stdout is the failure message.
pub fn assert_stdout_has(out: &std::process::Output, needle: &str) {
    let stdout = stdout_of(out);
    assert!(
        stdout.contains(needle),
        "{needle:?} not in stdout:\n{stdout}"
    );
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
