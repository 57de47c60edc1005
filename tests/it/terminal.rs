//! What changes when stdout or stderr is a terminal: colour, width, messages.
#![cfg(unix)]

use crate::support::pty::{run_on_terminal, run_with_stderr_piped};
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
fn color_always_colours_statuses_whatever_no_color_says() {
    let sandbox = Sandbox::new();
    let coloured = |text: &str, status: &str, code: u8| {
        text.contains(&format!("\x1b[38;5;{code}m{status}\x1b[39m"))
    };
    for no_color in ["1", ""] {
        // Into a pipe, where `auto` would not colour.
        let out = sandbox
            .cmd()
            .env("NO_COLOR", no_color)
            .args(["--color", "always", "list"])
            .output()
            .unwrap();
        assert_ok(&out);
        let table = stdout_of(&out);
        assert!(coloured(&table, "succeeded", 10), "{table:?}");
        assert!(coloured(&table, "failed", 9), "{table:?}");
        assert!(coloured(&table, "running", 14), "{table:?}");
        // No escape code wraps nothing.
        assert!(!table.contains("m\x1b["), "{table:?}");
        let out = sandbox
            .cmd()
            .env("NO_COLOR", no_color)
            .args(["--color", "always", "get", "Fa1LeDtask000000001"])
            .output()
            .unwrap();
        assert!(
            coloured(&stdout_of(&out), "failed", 9),
            "{:?}",
            stdout_of(&out)
        );
        // And on a terminal, messages on stderr too.
        let mut cmd = sandbox.std_cmd();
        cmd.env("NO_COLOR", no_color)
            .args(["--color", "always", "list", "-d", "nope"]);
        let run = run_on_terminal(cmd, 120);
        assert!(
            run.screen.starts_with("\x1b[1;31merror\x1b[0m: "),
            "{:?}",
            run.screen
        );
    }
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
    assert!(!run.screen.contains("hidden to fit"), "{}", run.screen);
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

/// The header's words, without their colour.
fn header_of(line: &str) -> Vec<String> {
    line.split_whitespace()
        .map(|h| h.replace("\x1b[1m", "").replace("\x1b[0m", ""))
        .collect()
}

#[test]
fn default_columns_give_way_in_order_and_are_named_on_stderr() {
    let sandbox = Sandbox::new();
    let summary = "6 of 6 auto-labeling and pre-labeling tasks (--type all lists every kind)\n";
    for (cols, header, hidden) in [
        (
            120,
            &[
                "ID", "NAME", "TYPE", "STATUS", "PROGRESS", "SAMPLES", "AGE", "ELAPSED",
            ][..],
            None,
        ),
        (
            80,
            &["ID", "NAME", "TYPE", "STATUS", "PROGRESS", "ELAPSED"][..],
            Some("SAMPLES, AGE"),
        ),
        // TYPE goes before ELAPSED and PROGRESS.
        (
            60,
            &["ID", "NAME", "STATUS", "PROGRESS"][..],
            Some("TYPE, SAMPLES, AGE, ELAPSED"),
        ),
    ] {
        let mut cmd = sandbox.std_cmd();
        cmd.arg("list");
        let run = run_with_stderr_piped(cmd, cols);
        assert!(run.status.success(), "{}", run.screen);
        let lines: Vec<&str> = run.screen.lines().collect();
        assert_eq!(lines.len(), 7, "{}", run.screen);
        for line in &lines {
            assert!(display_width(line) <= cols as usize, "{line:?}");
        }
        assert_eq!(header_of(lines[0]), header, "{cols} columns");
        let stderr = String::from_utf8(run.stderr).unwrap();
        match hidden {
            Some(hidden) => assert_eq!(
                stderr,
                format!(
                    "(hidden to fit {cols} columns: {hidden}; use --columns or COLUMNS=...)\n\
                     {summary}"
                )
            ),
            None => assert_eq!(stderr, summary),
        }
    }
    // COLUMNS decides, when stdout is a terminal.
    let mut cmd = sandbox.std_cmd();
    cmd.env("COLUMNS", "60").arg("list");
    let run = run_with_stderr_piped(cmd, 200);
    assert_eq!(
        header_of(run.screen.lines().next().unwrap()),
        ["ID", "NAME", "STATUS", "PROGRESS"]
    );
    assert_eq!(run.screen.lines().map(display_width).max(), Some(60));
    assert!(run.screen.contains("nightly run/ü+…  "), "{}", run.screen);
}

#[test]
fn columns_asked_for_stay_however_narrow_the_terminal() {
    let sandbox = Sandbox::new();
    // --wide: its columns stay, and every default one that may go, goes.
    let mut cmd = sandbox.std_cmd();
    cmd.args(["--color", "never", "list", "--wide"]);
    let run = run_with_stderr_piped(cmd, 80);
    assert!(run.status.success(), "{}", run.screen);
    let lines: Vec<&str> = run.screen.lines().collect();
    assert_eq!(
        header_of(lines[0]),
        [
            "ID",
            "NAME",
            "STATUS",
            "CREATED",
            "MODEL",
            "VERSION",
            "UNCONFIRMED",
            "MESSAGE"
        ]
    );
    // Wider than the terminal, the names and messages cut to their least.
    assert!(
        lines.iter().all(|l| display_width(l) > 80),
        "{}",
        run.screen
    );
    assert!(
        run.screen.contains("5fXxR01TyUo…  succeeded"),
        "{}",
        run.screen
    );
    assert!(run.screen.contains("ModelArts.4…"), "{}", run.screen);
    assert!(
        String::from_utf8(run.stderr)
            .unwrap()
            .starts_with("(hidden to fit 80 columns: TYPE, PROGRESS, SAMPLES, AGE, ELAPSED; "),
    );
    // Columns named: none goes, and nothing is said.
    let mut cmd = sandbox.std_cmd();
    cmd.args([
        "--color",
        "never",
        "list",
        "--columns",
        "id,name,type,status,progress,samples,age,elapsed,created",
    ]);
    let run = run_with_stderr_piped(cmd, 60);
    assert!(run.status.success(), "{}", run.screen);
    assert_eq!(
        header_of(run.screen.lines().next().unwrap()),
        [
            "ID", "NAME", "TYPE", "STATUS", "PROGRESS", "SAMPLES", "AGE", "ELAPSED", "CREATED"
        ]
    );
    assert!(
        run.screen.contains("2026-11-29 00:00:00 +00:00"),
        "{}",
        run.screen
    );
    assert_eq!(
        String::from_utf8(run.stderr).unwrap(),
        "6 of 6 auto-labeling and pre-labeling tasks (--type all lists every kind)\n"
    );
}

/// A dataset of tasks whose names begin alike.
fn alike_names() -> Sandbox {
    let names = [
        "nightly pre-label 1",
        "nightly pre-label 2",
        "weekly relabel of the cats",
        "weekly relabel of the dogs",
        "defect detection round",
        "short",
    ];
    let tasks = names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            format!(
                r#"{{"task_id":"NaMeS{i:014}","task_name":"{name}","type":1,"status":3,"progress":100.0,"annotated_sample_count":1,"total_sample_count":2,"create_time":"2026-11-30 11:00:00","elapsed_time":60}}"#
            )
        })
        .collect();
    let mut setup = Setup::default();
    setup
        .datasets
        .insert(DATASET.to_string(), Tasks::Fixed(tasks));
    Sandbox::with(setup)
}

#[test]
fn names_cut_alike_keep_their_ends() {
    let sandbox = alike_names();
    let names = |cols: u16| -> Vec<String> {
        let mut cmd = sandbox.std_cmd();
        cmd.args(["--color", "never", "list"]);
        let run = run_with_stderr_piped(cmd, cols);
        assert!(run.status.success(), "{}", run.screen);
        let header = run.screen.lines().next().unwrap();
        // From NAME to the header after it.
        let from = header.find("NAME").unwrap();
        let to = from + 4 + header[from + 4..].find(|c| c != ' ').unwrap();
        run.screen
            .lines()
            .skip(1)
            .map(|line| {
                let chars: Vec<char> = line.chars().collect();
                chars[from..to]
                    .iter()
                    .collect::<String>()
                    .trim_end()
                    .to_string()
            })
            .collect()
    };
    // Room for every name whole.
    assert_eq!(
        names(120),
        [
            "nightly pre-label 1",
            "nightly pre-label 2",
            "weekly relabel of the cats",
            "weekly relabel of the dogs",
            "defect detection round",
            "short",
        ]
    );
    // Cut at the end, pairs would read the same: cut in the middle, their ends (a
    // quarter of the width) kept; a name unlike the others is cut at its end.
    assert_eq!(
        names(80),
        [
            "nightly p…l 1",
            "nightly p…l 2",
            "weekly re…ats",
            "weekly re…ogs",
            "defect detec…",
            "short",
        ]
    );
    // Narrower, fewer columns, so more room for names.
    assert_eq!(
        names(60),
        [
            "nightly pre-l…el 1",
            "nightly pre-l…el 2",
            "weekly relabe…cats",
            "weekly relabe…dogs",
            "defect detection…",
            "short",
        ]
    );
}

#[test]
fn a_terminal_of_no_size_is_of_unknown_width_not_zero() {
    let sandbox = Sandbox::new();
    let piped = sandbox.run(&["--color", "never", "list"]);
    assert_ok(&piped);
    let mut cmd = sandbox.std_cmd();
    cmd.args(["--color", "never", "list"]);
    let run = crate::support::pty::run_on_unsized_terminal(cmd);
    assert!(run.status.success(), "{}", run.screen);
    // Every column and every whole name, as into a pipe: nothing fitted to 0 columns.
    assert_eq!(
        run.screen,
        format!("{}{}", stdout_of(&piped), stderr_of(&piped)),
    );
    assert!(
        run.screen.contains("5fXxR01TyUoiobqNEd9  "),
        "{}",
        run.screen
    );
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
