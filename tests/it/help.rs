//! `--help`: where completion scripts go, the layout of options, and the examples.

use crate::support::*;
use fake_modelarts::{DATASET, JobKind, JobList};

/// The paths (with a `/` and naming matasks) in `text`, each without the quoting
/// around it.
fn script_paths(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || matches!(c, '`' | '(' | ')' | ',' | '|'))
        .filter(|word| word.contains('/') && word.contains("matasks"))
        .map(|word| word.trim_end_matches([':', '.']).to_string())
        .collect()
}

#[test]
fn completions_help_and_the_readme_name_the_same_places() {
    let out = matasks().args(["completions", "--help"]).output().unwrap();
    assert_ok(&out);
    let help = stdout_of(&out);
    let readme = include_str!("../../README.md");
    let table: String = readme
        .lines()
        .skip_while(|line| !line.starts_with("| shell | file | where it goes |"))
        .take_while(|line| line.starts_with('|'))
        .map(|line| line.rsplit('|').nth(1).unwrap_or_default().to_string() + "\n")
        .collect();
    let in_readme = script_paths(&table);
    // What the command says of itself: its first paragraph, and where scripts go.
    let about = help.split("\n\n").next().unwrap();
    let places = &help[help
        .find("Where the script goes:")
        .expect("a list of places")..];
    let in_help = script_paths(&format!("{about}\n{places}"));
    assert!(
        in_readme.contains(&"~/.local/share/bash-completion/completions/matasks".to_string()),
        "{table}"
    );
    for path in &in_readme {
        assert!(in_help.contains(path), "{path} is not in the help:\n{help}");
    }
    for path in &in_help {
        assert!(
            in_readme.contains(path),
            "{path} is not in README.md:\n{table}"
        );
    }
}

/// Every command's path below `matasks`, e.g. `["config", "set"]`.
fn command_paths() -> Vec<Vec<String>> {
    fn walk(cmd: &clap::Command, path: &[String], out: &mut Vec<Vec<String>>) {
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            let mut path = path.to_vec();
            path.push(sub.get_name().to_string());
            out.push(path.clone());
            walk(sub, &path, out);
        }
    }
    let mut out = vec![Vec::new()];
    walk(&matasks::cli::command(), &[], &mut out);
    out
}

fn help_of(path: &[String], env: &[(&str, &str)]) -> String {
    let out = matasks()
        .envs(env.iter().copied())
        .args(path)
        .arg("--help")
        .output()
        .unwrap();
    assert_ok(&out);
    stdout_of(&out)
}

#[test]
fn help_names_each_variable_without_a_value() {
    let set = [
        ("MATASKS_PROFILE", "staging-from-env"),
        ("MATASKS_REGION", "la-north-2"),
        ("MATASKS_PROJECT_ID", "project-from-env"),
        ("MATASKS_DATASET", "dataset-from-env"),
        ("MATASKS_CONFIG", "/srv/from-env.toml"),
    ];
    for path in command_paths() {
        for env in [&[][..], &set[..]] {
            let help = help_of(&path, env);
            assert_eq!(
                help.contains("--profile <NAME>"),
                help.contains("[env: MATASKS_PROFILE]"),
                "{path:?} {env:?}:\n{help}"
            );
            assert!(!help.contains("=]"), "{path:?} {env:?}:\n{help}");
            for (_, value) in env {
                assert!(!help.contains(value), "{path:?} shows {value}:\n{help}");
            }
        }
    }
    let help = help_of(&["list".to_string()], &[]);
    assert!(help.contains("[env: MATASKS_DATASET]"), "{help}");
}

/// `help`'s option names (`--profile`, `-d, --dataset`) under `heading`, up to the next
/// heading.
fn options_under(help: &str, heading: &str) -> Vec<String> {
    help.lines()
        .skip_while(|line| *line != heading)
        .skip(1)
        .take_while(|line| line.is_empty() || line.starts_with(' '))
        .filter_map(|line| {
            let line = line.trim_start();
            line.starts_with('-').then(|| {
                line.split([' ', '.'])
                    .find(|word| word.starts_with("--"))
                    .unwrap_or(line)
                    .to_string()
            })
        })
        .collect()
}

const GLOBAL_OPTIONS: [&str; 13] = [
    "--profile",
    "--config",
    "--endpoint",
    "--region",
    "--project-id",
    "--color",
    "--verbose",
    "--retries",
    "--connect-timeout",
    "--request-timeout",
    "--ca-bundle",
    "--insecure",
    "--version",
];

#[test]
fn a_commands_options_come_first_then_the_global_ones_under_their_heading() {
    for command in ["list", "get", "datasets", "wait", "stop"] {
        let help = help_of(&[command.to_string()], &[]);
        let options = help.find("\nOptions:\n").expect("Options");
        let globals = help.find("\nGlobal options:\n").expect("Global options");
        assert!(options < globals, "{command}:\n{help}");
        let own = options_under(&help, "Options:");
        let global = options_under(&help, "Global options:");
        assert!(own.contains(&"--help".to_string()), "{command}: {own:?}");
        for flag in GLOBAL_OPTIONS.iter().filter(|f| **f != "--version") {
            assert!(
                global.contains(&flag.to_string()),
                "{command}: {flag} in {global:?}"
            );
            assert!(
                !own.contains(&flag.to_string()),
                "{command}: {flag} in {own:?}"
            );
        }
    }
    let list = help_of(&["list".to_string()], &[]);
    assert!(options_under(&list, "Options:").contains(&"--dataset".to_string()));
    assert!(!options_under(&list, "Global options:").contains(&"--dataset".to_string()));
}

#[test]
fn config_commands_show_only_the_global_options_they_use() {
    for (path, shown) in [
        (&["config", "set"][..], &["--profile", "--config"][..]),
        (&["config", "unset"], &["--profile", "--config"]),
        (&["config", "list"], &["--profile", "--config"]),
        (&["config", "path"], &["--config"]),
        (&["completions"], &[]),
        (
            &["config", "init"],
            &[
                "--profile",
                "--config",
                "--endpoint",
                "--region",
                "--project-id",
            ],
        ),
    ] {
        let path: Vec<String> = path.iter().map(|p| p.to_string()).collect();
        let help = help_of(&path, &[]);
        let global = options_under(&help, "Global options:");
        assert_eq!(global, shown, "{path:?}:\n{help}");
        for flag in GLOBAL_OPTIONS
            .iter()
            .filter(|f| !shown.contains(f) && **f != "--version")
        {
            assert!(!help.contains(flag), "{path:?} shows {flag}:\n{help}");
        }
    }
    // config show and check report the network settings; check uses them.
    for command in ["show", "check"] {
        let help = help_of(&["config".to_string(), command.to_string()], &[]);
        assert!(help.contains("--request-timeout"), "{command}:\n{help}");
    }
    // What is hidden is still accepted, as before, and changes nothing there.
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    let out = matasks()
        .arg("--config")
        .arg(&config)
        .args(["--retries", "2", "config", "path", "--insecure"])
        .output()
        .unwrap();
    assert_ok(&out);
    assert_eq!(stdout_of(&out), format!("{}\n", config.display()));
}

/// Whether `program` can be run here.
fn installed(program: &str) -> bool {
    std::process::Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|out| out.status.success())
}

#[test]
fn every_example_is_in_its_help_and_works_as_written() {
    let bin_dir = assert_cmd::cargo::cargo_bin("matasks")
        .parent()
        .unwrap()
        .to_path_buf();
    let has_jq = installed("jq");
    for (name, examples) in matasks::cli::help::EXAMPLES {
        let help = help_of(&[name.to_string()], &[]);
        for example in *examples {
            assert!(help.contains(example.command), "{name}:\n{help}");
            assert!(help.contains(example.what), "{name}:\n{help}");
            let command = example.command;
            // The words before any pipe or redirection (which stand apart in examples).
            let words: Vec<String> = shlex::split(command)
                .unwrap()
                .into_iter()
                .take_while(|w| w != "|" && w != ">")
                .collect();
            assert_eq!(words[0], "matasks", "{command}");
            if let Err(e) = matasks::cli::command().try_get_matches_from(&words) {
                panic!("{command}: {e}");
            }
            // What runs until a task ends is only parsed: the fake service's running
            // task never does.
            let waits = words.iter().any(|w| w == "--watch" || w == "--wait");
            if waits || (command.contains("| jq") && !has_jq) {
                continue;
            }
            // A dataset without tasks, where any kind may be started.
            let sandbox = if *name == "start" {
                Sandbox::with(fake_modelarts::Setup {
                    datasets: std::collections::HashMap::from([(
                        fake_modelarts::DATASET.to_string(),
                        fake_modelarts::Tasks::Fixed(vec![]),
                    )]),
                    ..fake_modelarts::Setup::default()
                })
            } else {
                // The dataset's other jobs: the references' examples of each kind.
                let jobs = [
                    (JobKind::IMPORT, "querying_the_dataset_import_task_list"),
                    (JobKind::EXPORT, "querying_the_dataset_export_task_list"),
                    (JobKind::VERSION, "querying_the_dataset_version_list"),
                    (
                        JobKind::TEAM,
                        "querying_the_team_labeling_task_list_of_a_dataset",
                    ),
                ];
                Sandbox::with(fake_modelarts::Setup {
                    jobs: jobs
                        .into_iter()
                        .map(|(kind, list)| JobList::from_example(DATASET, kind, list))
                        .collect(),
                    ..fake_modelarts::Setup::default()
                })
            };
            // As written, pipes and redirections included, with this build as `matasks`.
            let out = std::process::Command::new("bash")
                .args(["-o", "pipefail", "-c", command])
                .current_dir(sandbox.dir.path())
                .env_clear()
                .env("PATH", format!("{}:/usr/bin:/bin", bin_dir.display()))
                .env("HOME", fake_modelarts::NO_HOME)
                .env("MATASKS_CONFIG", &sandbox.config)
                .env("MATASKS_CACHE_DIR", sandbox.cache_dir())
                .output()
                .unwrap();
            assert_ok(&out);
        }
    }
}
