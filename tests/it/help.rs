//! `--help`: where completion scripts go, the layout of options, and the examples.

use clap::CommandFactory;

use crate::support::*;

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
    walk(&matasks::cli::Cli::command(), &[], &mut out);
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
            assert!(
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
