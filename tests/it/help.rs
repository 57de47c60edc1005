//! `--help`: where completion scripts go, the layout of options, and the examples.

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
