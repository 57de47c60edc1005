//! What changes when stdout or stderr is a terminal: colour, width, messages.
#![cfg(unix)]

use crate::support::pty::run_on_terminal;
use crate::support::*;
use fake_modelarts::*;

fn display_width(line: &str) -> usize {
    // Strip SGR sequences; every other character in the fixtures is one column wide.
    let mut width = 0;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for c in chars.by_ref() {
                if c == 'm' {
                    break;
                }
            }
        } else {
            width += 1;
        }
    }
    width
}

#[test]
fn a_terminal_gets_colour_unless_no_color_or_never() {
    let sandbox = Sandbox::new();
    let mut cmd = sandbox.std_cmd();
    cmd.arg("list");
    let run = run_on_terminal(cmd, 200);
    assert!(run.status.success(), "{}", run.screen);
    assert!(
        run.screen.contains("\x1b[38;5;10msucceeded\x1b[39m"),
        "{:?}",
        run.screen
    );
    assert!(
        run.screen.contains("\x1b[38;5;9mfailed\x1b[39m"),
        "{:?}",
        run.screen
    );
    assert!(
        run.screen.ends_with(
            "6 of 6 auto-labeling and pre-labeling tasks (--type all lists every kind)\n"
        ),
        "{:?}",
        run.screen
    );

    let mut cmd = sandbox.std_cmd();
    cmd.env("NO_COLOR", "1").arg("list");
    let run = run_on_terminal(cmd, 200);
    assert!(run.status.success());
    assert!(!run.screen.contains('\x1b'), "{:?}", run.screen);
    assert!(run.screen.contains("succeeded"));

    // An empty NO_COLOR does not count.
    let mut cmd = sandbox.std_cmd();
    cmd.env("NO_COLOR", "").arg("list");
    assert!(run_on_terminal(cmd, 200).screen.contains('\x1b'));

    let mut cmd = sandbox.std_cmd();
    cmd.args(["--color", "never", "list"]);
    assert!(!run_on_terminal(cmd, 200).screen.contains('\x1b'));
}

#[test]
fn the_table_fits_the_terminal_by_cutting_names() {
    let sandbox = Sandbox::new();
    let wide = {
        let mut cmd = sandbox.std_cmd();
        cmd.args(["--color", "never", "list"]);
        run_on_terminal(cmd, 250).screen
    };
    let widest = wide.lines().map(display_width).max().unwrap();
    let cols = (widest - 3) as u16;
    let mut cmd = sandbox.std_cmd();
    cmd.arg("list");
    let run = run_on_terminal(cmd, cols);
    assert!(run.status.success());
    let table: Vec<&str> = run
        .screen
        .lines()
        .filter(|l| !l.starts_with("6 of 6 "))
        .collect();
    assert_eq!(table.len(), 7, "{}", run.screen);
    for line in &table {
        assert!(
            display_width(line) <= cols as usize,
            "{line:?} exceeds {cols}"
        );
    }
    // The longest name is cut by the three columns missing; the others fit as they are.
    assert!(
        run.screen.contains("5fXxR01TyUoiobq…  pre-label"),
        "{}",
        run.screen
    );
    assert!(
        run.screen.contains("nightly run/ü+~*  pre-label"),
        "{}",
        run.screen
    );
    assert!(run.screen.contains("nR8kq2LmZc0aVbXy7Tt"));
    // No column is dropped while names can still be cut.
    assert!(run.screen.contains("  28h  "), "{}", run.screen);

    // COLUMNS overrides the terminal's own width.
    let mut cmd = sandbox.std_cmd();
    cmd.env("COLUMNS", cols.to_string())
        .args(["--color", "never", "list"]);
    let run = run_on_terminal(cmd, 250);
    assert!(
        run.screen
            .lines()
            .all(|l| display_width(l) <= cols as usize),
        "{}",
        run.screen
    );
    assert!(run.screen.contains('…'));
}

#[test]
fn an_80_column_terminal_drops_columns_rather_than_wrapping() {
    let sandbox = Sandbox::new();
    let mut cmd = sandbox.std_cmd();
    cmd.arg("list");
    let run = run_on_terminal(cmd, 80);
    assert!(run.status.success());
    let lines: Vec<&str> = run.screen.lines().collect();
    assert_eq!(lines.len(), 8, "{}", run.screen);
    for line in &lines {
        assert!(display_width(line) <= 80, "{line:?}");
    }
    let header: Vec<String> = lines[0]
        .split_whitespace()
        .map(|h| h.replace("\x1b[1m", "").replace("\x1b[0m", ""))
        .collect();
    assert_eq!(
        header,
        ["ID", "NAME", "TYPE", "STATUS", "PROGRESS", "ELAPSED"]
    );
    assert!(run.screen.contains("nightly run/ü…"), "{}", run.screen);
}

#[test]
fn plain_http_to_another_host_is_pointed_out() {
    let out = matasks()
        .env("HUAWEICLOUD_SDK_AK", AK)
        .env("HUAWEICLOUD_SDK_SK", SK)
        .env("HUAWEICLOUD_SDK_PROJECT_ID", PROJECT)
        .args([
            "--endpoint",
            "http://modelarts.invalid",
            "list",
            "-d",
            DATASET,
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr_of(&out);
    assert!(
        err.starts_with("warning: the endpoint http://modelarts.invalid is plain http"),
        "{err}"
    );
}

#[test]
fn errors_are_coloured_on_a_terminal_only() {
    let sandbox = Sandbox::new();
    let mut cmd = sandbox.std_cmd();
    cmd.args(["list", "-d", "nope"]);
    let run = run_on_terminal(cmd, 120);
    assert_eq!(run.status.code(), Some(5));
    assert!(
        run.screen
            .starts_with("\x1b[1;31merror\x1b[0m: ModelArts.4352"),
        "{:?}",
        run.screen
    );
    assert!(
        run.screen.contains("\x1b[1;36mhint\x1b[0m: "),
        "{:?}",
        run.screen
    );

    let mut cmd = sandbox.std_cmd();
    cmd.env("NO_COLOR", "1").args(["list", "-d", "nope"]);
    let run = run_on_terminal(cmd, 120);
    assert!(
        run.screen.starts_with("error: ModelArts.4352"),
        "{:?}",
        run.screen
    );
}
