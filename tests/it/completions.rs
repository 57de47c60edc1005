//! The completion scripts in the shells themselves, where installed: profile names
//! from the config file after --profile, regions after --region, and a value inside a
//! comma-separated list. Each test says nothing (and passes) where its shell is absent.
#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::*;

fn installed(shell: &str) -> bool {
    Command::new(shell)
        .args(["-c", "exit 0"])
        .output()
        .is_ok_and(|out| out.status.success())
}

/// A directory with a config file of three profiles, and the script for `shell`.
struct Setup {
    dir: tempfile::TempDir,
    config: PathBuf,
}

impl Setup {
    fn new() -> Setup {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("config.toml");
        fake_modelarts::write_private(
            &config,
            "default_profile = \"prod\"\n[profiles.prod]\nregion = \"cn-north-4\"\n\
             [profiles.staging]\nregion = \"cn-north-4\"\n[profiles.lab-2]\n",
        );
        Setup { dir, config }
    }

    fn script(&self, shell: &str, file: &str) -> PathBuf {
        let out = matasks().args(["completions", shell]).output().unwrap();
        assert_ok(&out);
        let path = self.dir.path().join(file);
        std::fs::write(&path, &out.stdout).unwrap();
        path
    }

    /// A shell with this build of matasks first on PATH, and nothing else from the
    /// environment.
    fn shell(&self, shell: &str) -> Command {
        let mut cmd = Command::new(shell);
        cmd.env_clear()
            .env("PATH", format!("{}:/usr/bin:/bin", bin_dir().display()))
            .env("HOME", self.dir.path())
            .env("TERM", "dumb")
            .current_dir(self.dir.path());
        cmd
    }
}

fn bin_dir() -> PathBuf {
    assert_cmd::cargo::cargo_bin("matasks")
        .parent()
        .unwrap()
        .to_path_buf()
}

fn bash_completions(setup: &Setup, script: &Path, words: &str, env: &[(&str, &str)]) -> String {
    let out = setup
        .shell("bash")
        .envs(env.iter().copied())
        .arg("-c")
        .arg(format!(
            "source {}\nCOMP_WORDS=({words})\nCOMP_CWORD=$((${{#COMP_WORDS[@]}} - 1))\n\
             _matasks_more \"${{COMP_WORDS[0]}}\" \"${{COMP_WORDS[COMP_CWORD]}}\" \
             \"${{COMP_WORDS[COMP_CWORD-1]}}\"\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"",
            script.display()
        ))
        .output()
        .unwrap();
    assert_ok(&out);
    stdout_of(&out)
}

#[test]
fn bash_completes_profiles_regions_and_values_in_lists() {
    if !installed("bash") {
        return;
    }
    let setup = Setup::new();
    let script = setup.script("bash", "matasks.bash");
    let config = setup.config.display().to_string();
    let complete = |words: &str| bash_completions(&setup, &script, words, &[]);
    assert_eq!(
        complete(&format!("matasks --config {config} list --profile ''")),
        "lab-2\nprod\nstaging\n"
    );
    // Sort orders, either way, not file names.
    assert_eq!(complete("matasks list --sort pro"), "progress\n");
    assert_eq!(complete("matasks datasets --sort na"), "name\n");
    assert_eq!(
        complete(&format!("matasks --config = {config} get --profile st")),
        "staging\n"
    );
    // The variable, exported (bash leaves one given for the command alone out).
    assert_eq!(
        bash_completions(
            &setup,
            &script,
            "matasks wait --profile p",
            &[("MATASKS_CONFIG", &config)]
        ),
        "prod\n"
    );
    assert_eq!(
        complete("matasks --region cn-north-1"),
        "cn-north-1\ncn-north-11\ncn-north-12\n"
    );
    assert_eq!(
        complete("matasks list --status running,fa"),
        "running,failed\n"
    );
    assert_eq!(
        complete("matasks ls --status queued,running,s"),
        "queued,running,succeeded\nqueued,running,stopping\nqueued,running,stopped\n"
    );
    assert_eq!(complete("matasks list --columns id,na"), "id,name\n");
    assert_eq!(complete("matasks ds --columns id,sa"), "id,samples\n");
    // What clap's script did is still done.
    assert_eq!(complete("matasks list --status fa"), "failed\n");
    assert_eq!(complete("matasks list --stat"), "--status\n");
}

#[test]
fn fish_completes_profiles_regions_and_values_in_lists() {
    if !installed("fish") {
        return;
    }
    let setup = Setup::new();
    let script = setup.script("fish", "matasks.fish");
    let config = setup.config.display().to_string();
    let complete = |line: &str| {
        let out = setup
            .shell("fish")
            .args(["--no-config", "-c"])
            .arg(format!("source {}; complete -C '{line}'", script.display()))
            .output()
            .unwrap();
        assert_ok(&out);
        // Each candidate, without its description.
        stdout_of(&out)
            .lines()
            .map(|l| l.split('\t').next().unwrap().to_string() + "\n")
            .collect::<String>()
    };
    assert_eq!(
        complete(&format!("matasks --config {config} list --profile ")),
        "lab-2\nprod\nstaging\n"
    );
    assert_eq!(
        complete(&format!("MATASKS_CONFIG={config} matasks get --profile st")),
        "staging\n"
    );
    assert_eq!(
        complete("matasks --region cn-north-1"),
        "cn-north-1\ncn-north-11\ncn-north-12\n"
    );
    assert_eq!(
        complete("matasks list --status running,fa"),
        "running,failed\n"
    );
    assert_eq!(complete("matasks ds --columns id,sa"), "id,samples\n");
    assert_eq!(complete("matasks list --status fa"), "failed\n");
}

#[test]
fn zsh_completes_profiles_regions_and_values_in_lists() {
    if !installed("zsh") {
        return;
    }
    let setup = Setup::new();
    let functions = setup.dir.path().join("functions");
    std::fs::create_dir(&functions).unwrap();
    let script = setup.script("zsh", "functions/_matasks");
    assert!(script.exists());
    std::fs::write(
        setup.dir.path().join(".zshrc"),
        format!(
            "PS1='ready> '\nfpath=({} $fpath)\nautoload -U compinit\ncompinit -u\n",
            functions.display()
        ),
    )
    .unwrap();
    let config = setup.config.display().to_string();
    let mut cmd = setup.shell("zsh");
    cmd.env("ZDOTDIR", setup.dir.path()).arg("-i");
    // Each line typed, completed with Tab, then cleared with Ctrl-U for the next.
    let run = pty::run_keys(
        cmd,
        &[
            (
                "ready> ",
                &format!("matasks --config {config} list --profile \t"),
            ),
            ("staging", "\x15matasks list --status running,fa\t"),
            ("running,failed,", "\x15matasks --region cn-north-1\t"),
            ("cn-north-12", "\x15matasks ds --columns id,sa\t"),
            ("id,samples,", "\x15exit\r"),
        ],
    );
    assert!(run.status.success(), "{}", run.screen);
    assert!(run.screen.contains("lab-2"), "{}", run.screen);
    assert!(run.screen.contains("prod"), "{}", run.screen);
}
