//! Shell completions (`completions/`) and man pages (`man/`) are generated from the
//! command-line definitions. This test fails when they are out of date; regenerate with
//! `UPDATE_GENERATED=1 cargo test --test generated`.

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
        let mut out = Vec::new();
        clap_complete::generate(
            shell,
            &mut matasks::cli::Cli::command(),
            "matasks",
            &mut out,
        );
        files.push((root().join("completions").join(name), out));
    }
    let dir = tempfile::tempdir().unwrap();
    clap_mangen::generate_to(matasks::cli::Cli::command(), dir.path()).unwrap();
    let mut pages: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    pages.sort();
    for page in pages {
        let name = page.file_name().unwrap().to_owned();
        files.push((root().join("man").join(name), fs::read(&page).unwrap()));
    }
    files
}

#[test]
fn completions_and_man_pages_are_up_to_date() {
    let update = std::env::var_os("UPDATE_GENERATED").is_some();
    let mut stale = Vec::new();
    for (path, content) in generated() {
        if fs::read(&path).ok().as_deref() == Some(&content[..]) {
            continue;
        }
        if update {
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(&path, &content).unwrap();
        } else {
            stale.push(
                path.strip_prefix(root())
                    .unwrap_or(Path::new("?"))
                    .display()
                    .to_string(),
            );
        }
    }
    assert!(
        stale.is_empty(),
        "out of date: {stale:?}; run UPDATE_GENERATED=1 cargo test --test generated"
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
