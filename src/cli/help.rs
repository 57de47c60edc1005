//! Text that `--help` shows after a command's options: each command's examples, and
//! where completion scripts go. Kept together so that a command's text is easy to find
//! and to add to; the man pages are made from the same text.

use clap::builder::styling::Style;

use crate::domain::kind::{Kind, Outcome};
use crate::domain::task::{Status, TaskType};

/// One example: what it does, and the command line, which works as it is (the IDs are
/// those of the documentation and the tests' fake service).
pub struct Example {
    pub what: &'static str,
    pub command: &'static str,
}

const fn example(what: &'static str, command: &'static str) -> Example {
    Example { what, command }
}

pub const LIST_EXAMPLES: &[Example] = &[
    example(
        "One page of the profile's dataset, as a table",
        "matasks list",
    ),
    example(
        "The running and failed pre-labeling tasks of a dataset",
        "matasks list -d OBegCXHxTJ2JHRAZWr0 --type pre-label --status running,failed",
    ),
    example(
        "Every page, newest first, with the model and any error",
        "matasks list --all --wide --sort -created",
    ),
    example(
        "The IDs of the failed tasks, for a script",
        "matasks list -a --jq '.tasks[] | select(.status == $status.failed) | .task_id'",
    ),
    example(
        "Every task of the dataset as CSV, for a spreadsheet",
        "matasks list --all -o csv > tasks.csv",
    ),
    example(
        "What runs anywhere in the project",
        "matasks list -A --status running,queued",
    ),
    example(
        "A log of every change until all tasks are done",
        "matasks list --watch --until-done > changes.ndjson",
    ),
    example(
        "The dataset's versions being published, or that failed",
        "matasks list --kind version --status creating,error",
    ),
    example(
        "Every import task of the project that failed",
        "matasks list -A -k import --status failed --columns id,status,path",
    ),
];

pub const GET_EXAMPLES: &[Example] = &[
    example(
        "One task of the profile's dataset, as keys and values",
        "matasks get 14cyxyu6UXaNT3lrPFl",
    ),
    example(
        "A task of a given dataset, as the server's JSON",
        "matasks get Fa1LeDtask000000001 -d OBegCXHxTJ2JHRAZWr0 -o json",
    ),
    example(
        "An export task: status, progress, samples and path",
        "matasks get --kind export TZMuy7OKbClkGCAc3gb",
    ),
];

pub const WAIT_EXAMPLES: &[Example] = &[
    example(
        "Fail a CI job unless the task succeeds within 45 minutes",
        "matasks wait 14cyxyu6UXaNT3lrPFl --timeout 45m --interval 30s",
    ),
    example(
        "Keep the task as it ended, e.g. as a CI artifact",
        "matasks wait 14cyxyu6UXaNT3lrPFl -o json > task.json",
    ),
    example(
        "Wait until a version is published (exit 0), or is in error (7)",
        "matasks wait --kind version 54IXbeJhfttGpL46lbv --timeout 30m",
    ),
];

pub const DATASETS_EXAMPLES: &[Example] = &[
    example("One page of the project's datasets", "matasks datasets"),
    example("The datasets a task runs in", "matasks datasets --running"),
    example(
        "Every dataset by name, with its samples",
        "matasks datasets --all --sort name --columns id,name,samples",
    ),
    example(
        "The IDs of the datasets whose name matches",
        "matasks ds --name traffic -o ndjson | jq -r .dataset_id",
    ),
];

pub const START_EXAMPLES: &[Example] = &[
    example(
        "Active learning in the profile's dataset; prints the new task's ID",
        "matasks start auto-label --algorithm accurate --name nightly",
    ),
    example(
        "Pre-labeling with a model",
        "matasks start pre-label --model-id c4989033-7584-44ee-a180-1c476b810e46",
    ),
    example(
        "Group the images into 8 clusters, and wait until that is done",
        "matasks start auto-grouping --clusters 8 --wait --timeout 2h",
    ),
    example(
        "The request a start would send, without sending it",
        "matasks start auto-grouping --clusters 8 --dry-run",
    ),
];

pub const STOP_EXAMPLES: &[Example] = &[
    example("Stop a task", "matasks stop nR8kq2LmZc0aVbXy7Tt"),
    example(
        "Stop a task and wait until it has stopped (exit 0)",
        "matasks stop nR8kq2LmZc0aVbXy7Tt --wait --timeout 10m",
    ),
    example(
        "The request a stop would send, without sending it",
        "matasks stop nR8kq2LmZc0aVbXy7Tt --dry-run",
    ),
];

/// Every command's examples, by the command's name.
pub const EXAMPLES: &[(&str, &[Example])] = &[
    ("list", LIST_EXAMPLES),
    ("get", GET_EXAMPLES),
    ("wait", WAIT_EXAMPLES),
    ("datasets", DATASETS_EXAMPLES),
    ("start", START_EXAMPLES),
    ("stop", STOP_EXAMPLES),
];

/// A heading, styled as clap styles its own ("Options:") where help is coloured.
fn heading(text: &str) -> String {
    let style = Style::new().bold().underline();
    format!("{}{text}:{}", style.render(), style.render_reset())
}

/// An "Examples:" section: each example's purpose as a shell comment, then its command.
pub fn examples(examples: &[Example]) -> String {
    let mut text = heading("Examples");
    for (n, example) in examples.iter().enumerate() {
        let gap = if n == 0 { "" } else { "\n" };
        text.push_str(&format!(
            "\n{gap}  # {}\n  {}",
            example.what, example.command
        ));
    }
    text
}

/// `list`'s text after its options: its examples. More sections (a heading line ending
/// in `:`, then lines indented by two spaces) may follow, after a blank line; the man
/// page shows each as a section of its own.
pub fn list() -> String {
    format!(
        "{}\n\n{}\n\n{}",
        examples(LIST_EXAMPLES),
        codes(),
        kinds("Other kinds' statuses (--kind, --status), with wait's exit status when done")
    )
}

/// Each kind's statuses, by its description: those of a job under way, then those of
/// a job that is done, each with the exit status `wait` ends with.
fn kinds(title: &str) -> String {
    let mut text = heading(title);
    let width = Kind::ALL.iter().map(|k| k.name.len()).max().unwrap_or(0);
    for kind in &Kind::ALL {
        let under_way: Vec<&str> = kind
            .statuses
            .iter()
            .filter(|s| !s.outcome.is_done())
            .map(|s| s.name)
            .collect();
        let done: Vec<String> = kind
            .statuses
            .iter()
            .filter_map(|s| {
                let exit = match s.outcome {
                    Outcome::Succeeded => 0,
                    Outcome::Failed => 7,
                    Outcome::Stopped => 8,
                    Outcome::Pending | Outcome::Running => return None,
                };
                Some(format!("{} ({exit})", s.name))
            })
            .collect();
        // Each status a word, wrapped to fit 80 columns under the first.
        let mut words: Vec<String> = Vec::new();
        for (n, name) in under_way.iter().enumerate() {
            let end = if n + 1 == under_way.len() { ";" } else { "," };
            words.push(format!("{name}{end}"));
        }
        words.push("done:".to_string());
        for (n, name) in done.iter().enumerate() {
            let end = if n + 1 == done.len() { "" } else { "," };
            words.push(format!("{name}{end}"));
        }
        let indent = width + 4;
        let mut row = format!("\n  {:width$}  ", kind.name);
        let mut used = indent;
        for word in words {
            if used + 1 + word.len() > 80 && used > indent {
                row.push_str(&format!("\n{:indent$}", ""));
                used = indent;
            } else if used > indent {
                row.push(' ');
                used += 1;
            }
            used += word.len();
            row.push_str(&word);
        }
        text.push_str(&row);
    }
    text
}

/// The status and type codes JSON holds, and their names in `--jq` programs.
fn codes() -> String {
    let statuses: Vec<String> = Status::ALL
        .iter()
        .map(|s| format!("{:>4}  {}", s.code(), s.name()))
        .collect();
    let types: Vec<String> = TaskType::ALL
        .iter()
        .map(|t| format!("{:>4}  {}", t.code(), t.as_api_str()))
        .collect();
    let lines = |lines: &[String]| {
        lines
            .iter()
            .map(|line| format!("  {line}"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    format!(
        "{}\n  JSON's `status`; in --jq, $status.failed is 2 and $status_name[\"2\"] is \
         \"failed\"\n{}\n\n{}\n  JSON's `type`; in --jq, $type[\"pre-label\"] and \
         $type.pre_label are 1\n{}",
        heading("Status codes"),
        lines(&statuses),
        heading("Type codes"),
        lines(&types),
    )
}

pub fn get() -> String {
    examples(GET_EXAMPLES)
}

pub fn wait() -> String {
    format!(
        "{}\n\n{}",
        examples(WAIT_EXAMPLES),
        kinds("Other kinds' statuses, and the exit status when done (--kind)")
    )
}

pub fn datasets() -> String {
    examples(DATASETS_EXAMPLES)
}

pub fn start() -> String {
    examples(START_EXAMPLES)
}

pub fn stop() -> String {
    examples(STOP_EXAMPLES)
}

/// Where each shell's completion script goes, as README.md's install table says.
pub fn completions() -> String {
    format!(
        "{}{}",
        heading("Where the script goes"),
        "
  bash        ~/.local/share/bash-completion/completions/matasks
              (for every user: /usr/share/bash-completion/completions/matasks)
  zsh         a directory in $fpath, e.g. ~/.zfunc/_matasks
              (with fpath+=~/.zfunc before compinit in ~/.zshrc)
  fish        ~/.config/fish/completions/matasks.fish
  powershell  dot-source it from $PROFILE
  elvish      ~/.config/elvish/lib/matasks.elv, then `use matasks`"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_example_fits_an_80_column_terminal() {
        for (name, examples) in EXAMPLES {
            for example in *examples {
                assert!(example.command.starts_with("matasks "), "{name}");
                // Indented, and the purpose behind "# ".
                assert!(example.what.chars().count() + 4 <= 80, "{name}");
                assert!(example.command.chars().count() + 2 <= 80, "{name}");
            }
        }
    }
}
