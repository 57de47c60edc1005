//! Shell completions (`completions/`) and man pages (`man/`) are generated from the
//! command-line definitions. This test fails when they are out of date; regenerate with
//! `UPDATE_GENERATED=1 cargo test --test it generated`.

use std::fs;
use std::path::{Path, PathBuf};

use clap::CommandFactory;
use clap_complete::Shell;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn generated() -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    for (shell, name) in [
        (Shell::Bash, "matasks.bash"),
        (Shell::Zsh, "_matasks"),
        (Shell::Fish, "matasks.fish"),
        (Shell::Elvish, "matasks.elv"),
        (Shell::PowerShell, "_matasks.ps1"),
    ] {
        let out = matasks::cli::completion_script(shell).into_bytes();
        files.push((root().join("completions").join(name), out));
    }
    let command = matasks::cli::finish(matasks::cli::Cli::command().disable_help_subcommand(true));
    for (name, page) in man_pages(command) {
        files.push((root().join("man").join(name), page));
    }
    files
}

/// Text as roff: backslashes escaped, and no line read as a request.
fn roff(text: &str) -> String {
    text.lines()
        .map(|line| {
            let line = line.replace('\\', "\\e").replace('-', "\\-");
            if line.starts_with('.') || line.starts_with('\'') {
                format!("\\&{line}\n")
            } else {
                format!("{line}\n")
            }
        })
        .collect()
}

/// A section of tagged paragraphs: (tag, text).
fn tagged(title: &str, items: &[(&str, &str)]) -> String {
    let mut out = format!(".SH \"{title}\"\n");
    for (tag, text) in items {
        out.push_str(&format!(
            ".TP\n\\fB{}\\fR\n{}",
            roff(tag).trim_end(),
            roff(text)
        ));
    }
    out
}

/// Examples: (what it does, the command).
fn examples(items: &[(&str, &str)]) -> String {
    let mut out = String::from(".SH EXAMPLES\n");
    for (what, command) in items {
        out.push_str(&format!(
            ".PP\n{}.RS 4\n.nf\n{}.fi\n.RE\n",
            roff(what),
            roff(command)
        ));
    }
    out
}

const EXIT_STATUS: &[(&str, &str)] = &[
    (
        "0",
        "Success; also when the reader of stdout goes away (matasks list | head -1).",
    ),
    (
        "1",
        "A runtime error: network, timeout, server error (after its retries), malformed or oversized answer, a redirect; wait for an endpoint that has not answered as the API.",
    ),
    (
        "2",
        "A usage error: an unknown flag or value, no dataset given.",
    ),
    (
        "3",
        "A configuration error: config file, profile, region, endpoint, project ID or credentials missing or invalid.",
    ),
    (
        "4",
        "Authentication or permission refused (HTTP 401 or 403).",
    ),
    (
        "5",
        "Not found: a dataset that does not exist (ModelArts.4352, with HTTP 400), a task the dataset does not have (ModelArts.4612), a version, export task or team labeling task it does not have (ModelArts.4353, 4359, 4619), or HTTP 404.",
    ),
    (
        "6",
        "Throttled, after its retries: HTTP 429, or ModelArts.4206, ModelArts.4395, ModelArts.2799 or ModelArts.6101 whatever the status.",
    ),
    ("7", "wait: the task (or, with --kind, the job) failed."),
    (
        "8",
        "wait: the task was stopped (with --kind: the job ended unfinished).",
    ),
    (
        "9",
        "list --all: the listing is incomplete, the pages held fewer tasks than the server's total; what they held is printed.",
    ),
    ("124", "wait: the task was not done before --timeout."),
    (
        "130",
        "wait: interrupted with Ctrl-C (list --watch ends with 0).",
    ),
];

const ENVIRONMENT: &[(&str, &str)] = &[
    (
        "MATASKS_PROFILE, MATASKS_CONFIG, MATASKS_ENDPOINT, MATASKS_REGION, MATASKS_PROJECT_ID",
        "The global options of the same name.",
    ),
    (
        "MATASKS_DATASET",
        "The dataset of list, get, wait and config check.",
    ),
    (
        "MATASKS_AUTH_TOKEN",
        "A ready IAM token, sent as X-Auth-Token.",
    ),
    (
        "MATASKS_CACHE_DIR",
        "Where tokens, looked-up project IDs and what each endpoint's offset counts are cached.",
    ),
    (
        "HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK, HUAWEICLOUD_SDK_SECURITY_TOKEN, HUAWEICLOUD_SDK_PROJECT_ID",
        "The credentials and project of Huawei Cloud's official SDKs.",
    ),
    (
        "HTTPS_PROXY, HTTP_PROXY, ALL_PROXY, NO_PROXY",
        "Proxies, and the hosts that bypass them.",
    ),
    (
        "NO_COLOR, COLUMNS, LINES",
        "No colour; the table's width; the height a --watch on a terminal fits its table to.",
    ),
    (
        "TZ",
        "The time zone times are shown in (the system's without it; --utc shows UTC).",
    ),
];

const FILES: &[(&str, &str)] = &[
    (
        "~/.config/matasks/config.toml",
        "The config file on Linux ($XDG_CONFIG_HOME/matasks/config.toml); ~/Library/Application Support/matasks/config.toml on macOS; %APPDATA%\\matasks\\config\\config.toml on Windows. matasks config path prints it.",
    ),
    (
        "~/.cache/matasks/",
        "Cached password tokens (tokens/, mode 0600), looked-up project IDs (projects/) and what each endpoint's offset counts (offsets/); $XDG_CACHE_HOME/matasks on Linux, or MATASKS_CACHE_DIR.",
    ),
];

/// The sections clap does not write, for the pages that have them.
fn extra_sections(name: &str) -> String {
    match name {
        "matasks" => [
            tagged("EXIT STATUS", EXIT_STATUS),
            tagged("ENVIRONMENT", ENVIRONMENT),
            tagged("FILES", FILES),
            examples(&[
                ("Create a profile, then check it:", "matasks config init\nmatasks config check"),
                ("The running and failed pre-labeling tasks of a dataset:", "matasks list -d OBegCXHxTJ2JHRAZWr0 --type pre-label --status running,failed"),
                ("Every task as JSON, for jq:", "matasks list --all -o json | jq -r '.tasks[] | select(.status == 2) | .task_id'"),
                ("Wait for a task in CI:", "matasks wait \"$TASK_ID\" --timeout 45m --interval 30s"),
            ]),
        ]
        .concat(),
        "matasks-wait" => tagged(
            "EXIT STATUS",
            &[
                ("0", "The task succeeded (with --kind: the job's status says it succeeded: an import completed, a version normal, a team labeling task accepted)."),
                ("7", "The task failed (with --kind: the job failed, a version is in error)."),
                ("8", "The task was stopped (with --kind: the job ended unfinished: a version deleted, an import not-exist)."),
                ("124", "The task was not done before --timeout; it goes on."),
                ("130", "Ctrl-C; the task goes on."),
                ("3, 4, 5", "Settings to fix, refused credentials, a task (or job) that is not there."),
            ],
        ),
        _ => String::new(),
    }
}

/// A command's text after its options, when it is made of sections ("Examples:" and
/// its indented lines), as sections of the page, kept as laid out; and the command
/// without it. Other text stays with the command, for clap's own EXTRA section.
fn after_help_sections(command: clap::Command) -> (clap::Command, String) {
    let text = command
        .get_after_help()
        .map(|text| text.to_string())
        .unwrap_or_default();
    let is_heading = |line: &str| !line.starts_with(' ') && line.ends_with(':');
    if !text.lines().next().is_some_and(is_heading) {
        return (command, String::new());
    }
    let mut out = String::new();
    for line in text.lines() {
        if is_heading(line) {
            if !out.is_empty() {
                out.push_str(".fi\n");
            }
            let title = line.trim_end_matches(':').to_uppercase();
            out.push_str(&format!(".SH \"{title}\"\n.nf\n"));
        } else if line.is_empty() {
            out.push_str(".sp\n");
        } else {
            out.push_str(&roff(line.strip_prefix("  ").unwrap_or(line)));
        }
    }
    out.push_str(".fi\n");
    (command.after_help(None::<&str>), out)
}

/// Every page: clap's sections, ours before VERSION.
fn man_pages(command: clap::Command) -> Vec<(String, Vec<u8>)> {
    let mut pages = Vec::new();
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        pages.extend(man_pages(sub.clone()));
    }
    let (command, after_help) = after_help_sections(command);
    // The footer names the program, not the subcommand.
    let man = clap_mangen::Man::new(command.clone())
        .source(format!("matasks {}", env!("CARGO_PKG_VERSION")));
    let name = command
        .get_display_name()
        .unwrap_or_else(|| command.get_name())
        .to_string();
    let mut page = Vec::new();
    man.render(&mut page).unwrap();
    let mut page = String::from_utf8(page).unwrap();
    let extra = extra_sections(&name) + &after_help;
    match page.find(".SH VERSION") {
        Some(at) => page.insert_str(at, &extra),
        None => page.push_str(&extra),
    }
    pages.push((format!("{name}.1"), page.into_bytes()));
    pages
}

#[test]
fn the_man_pages_render_cleanly() {
    let Ok(status) = std::process::Command::new("groff").arg("-v").output() else {
        return; // no groff here: nothing to render with
    };
    assert!(status.status.success());
    for (path, page) in generated()
        .into_iter()
        .filter(|(p, _)| p.extension().is_some_and(|e| e == "1"))
    {
        let mut child = std::process::Command::new("groff")
            .args(["-man", "-Tutf8", "-ww", "-z"])
            .stdin(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        use std::io::Write;
        child.stdin.take().unwrap().write_all(&page).unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", path.display());
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            "",
            "{} has warnings",
            path.display()
        );
    }
}

#[test]
fn the_top_page_has_exit_status_environment_files_and_examples() {
    let page = generated()
        .into_iter()
        .find(|(p, _)| p.ends_with("man/matasks.1"))
        .expect("the top page");
    let text = String::from_utf8(page.1).unwrap();
    for section in ["EXIT STATUS", "ENVIRONMENT", "FILES", "EXAMPLES"] {
        assert!(
            text.contains(&format!(".SH \"{section}\""))
                || text.contains(&format!(".SH {section}")),
            "{section}"
        );
    }
    assert!(text.contains("\\fB124\\fR"));
}

#[test]
fn the_completions_command_prints_what_is_committed() {
    for (shell, file) in [
        ("bash", "matasks.bash"),
        ("zsh", "_matasks"),
        ("fish", "matasks.fish"),
        ("elvish", "matasks.elv"),
        ("powershell", "_matasks.ps1"),
    ] {
        let out = assert_cmd::Command::cargo_bin("matasks")
            .unwrap()
            .env_clear()
            .args(["completions", shell])
            .output()
            .unwrap();
        assert!(out.status.success());
        // What the generator makes, not the file, which a regeneration may be writing.
        let expected = generated()
            .into_iter()
            .find(|(path, _)| path.ends_with(file))
            .unwrap()
            .1;
        assert_eq!(out.stdout, expected, "{shell}");
    }
}

#[test]
fn definitions_pass_clap_debug_asserts() {
    matasks::cli::Cli::command().debug_assert();
}

/// Where the committed file and the generated one part, as a one-line diff.
fn first_difference(path: &Path, generated: &[u8]) -> String {
    let Ok(committed) = fs::read_to_string(path) else {
        return "missing".to_string();
    };
    let generated = String::from_utf8_lossy(generated);
    let mut committed_lines = committed.lines();
    let mut generated_lines = generated.lines();
    for number in 1.. {
        match (committed_lines.next(), generated_lines.next()) {
            (Some(a), Some(b)) if a == b => continue,
            (None, None) => return "line endings differ".to_string(),
            (a, b) => {
                return format!(
                    "line {number}: -{} +{}",
                    a.unwrap_or("(end)"),
                    b.unwrap_or("(end)")
                );
            }
        }
    }
    unreachable!()
}

#[test]
fn completions_and_man_pages_are_up_to_date() {
    let update = std::env::var_os("UPDATE_GENERATED").is_some();
    let mut stale = Vec::new();
    let files = generated();
    // Files left from a command that no longer exists.
    for dir in ["man", "completions"] {
        for entry in fs::read_dir(root().join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if !files.iter().any(|(p, _)| *p == path) {
                if update {
                    fs::remove_file(&path).unwrap();
                } else {
                    stale.push(format!("{}: no longer generated", path.display()));
                }
            }
        }
    }
    for (path, content) in files {
        if fs::read(&path).ok().as_deref() == Some(&content[..]) {
            continue;
        }
        if update {
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(&path, &content).unwrap();
        } else {
            let name = path
                .strip_prefix(root())
                .unwrap_or(Path::new("?"))
                .display()
                .to_string();
            stale.push(format!("{name}: {}", first_difference(&path, &content)));
        }
    }
    assert!(
        stale.is_empty(),
        "out of date:\n{}\nregenerate with: UPDATE_GENERATED=1 cargo test --test it generated",
        stale.join("\n")
    );
}

#[test]
fn man_page_documents_every_list_flag() {
    let page = generated()
        .into_iter()
        .find(|(p, _)| p.ends_with("matasks-list.1"))
        .expect("a page for matasks list");
    let text = String::from_utf8(page.1).unwrap();
    for flag in [
        "dataset",
        "type",
        "task\\-name",
        "limit",
        "offset",
        "output",
    ] {
        assert!(text.contains(&format!("\\-\\-{flag}")), "{flag}");
    }
}
