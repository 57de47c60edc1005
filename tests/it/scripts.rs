//! Output for scripts: `-o tsv|csv`, `--no-headers`, `--jq`, and `--status`, `--sort`
//! and `--max-items` acting on every page.

use std::collections::HashMap;

use crate::support::*;
use fake_modelarts::*;

/// Task `i` of [`numbered`]: its status cycles through the codes, and each is an
/// hour older than the one before.
fn status_of(i: usize) -> i64 {
    [-1, 0, 1, 2, 3, 4, 5][i % 7]
}

/// `count` auto-labeling tasks `t0000`, `t0001`, ..., in a dataset of their own.
fn numbered(count: usize) -> Sandbox {
    let tasks = (0..count)
        .map(|i| {
            format!(
                r#"{{"task_id":"t{i:04}","task_name":"task {i}","type":0,"status":{},"create_time":{}}}"#,
                status_of(i),
                1_700_000_000_000u64 - i as u64 * 3_600_000
            )
        })
        .collect();
    let mut setup = Setup::default();
    setup.datasets.insert(DATASET.into(), Tasks::Fixed(tasks));
    Sandbox::with(setup)
}

/// The IDs of `numbered` tasks whose status is one of `statuses`, in order.
fn with_status(count: usize, statuses: &[i64]) -> Vec<String> {
    (0..count)
        .filter(|&i| statuses.contains(&status_of(i)))
        .map(|i| format!("t{i:04}"))
        .collect()
}

/// The lines of stdout: with `--no-headers --columns id`, the IDs listed.
fn lines_of(out: &std::process::Output) -> Vec<String> {
    stdout_of(out).lines().map(str::to_string).collect()
}

/// Tasks whose names hold what CSV and TSV must quote or escape.
const AWKWARD: [(&str, &str); 5] = [
    ("a1", "plain"),
    ("a2", "comma, and \"quotes\""),
    ("a3", "two\nlines\r\nand a tab\there"),
    ("a4", "back\\slash and ünïcödé 日本"),
    ("a5", "  spaces  "),
];

fn awkward() -> Sandbox {
    let tasks = AWKWARD
        .iter()
        .map(|(id, name)| {
            format!(
                r#"{{"task_id":"{id}","task_name":{},"type":0,"status":3}}"#,
                serde_json::Value::from(*name)
            )
        })
        .collect();
    let mut setup = Setup::default();
    setup.datasets.insert(DATASET.into(), Tasks::Fixed(tasks));
    Sandbox::with(setup)
}

#[test]
fn csv_round_trips_names_with_commas_quotes_and_line_breaks() {
    let sandbox = awkward();
    let out = sandbox.run(&["list", "-o", "csv", "--columns", "id,name,status"]);
    assert_ok(&out);
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        ["ID", "NAME", "STATUS"]
    );
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    let expected: Vec<Vec<String>> = AWKWARD
        .iter()
        .map(|(id, name)| vec![id.to_string(), name.to_string(), "succeeded".to_string()])
        .collect();
    assert_eq!(rows, expected);
    // Nothing on stderr for a script to filter out.
    assert_eq!(stderr_of(&out), "");

    let bare = sandbox.run(&["list", "-o", "csv", "--no-headers", "--columns", "id"]);
    assert_ok(&bare);
    assert_eq!(stdout_of(&bare), "a1\na2\na3\na4\na5\n");
}

#[test]
fn tsv_escapes_what_would_split_its_fields_and_lines() {
    let sandbox = awkward();
    let out = sandbox.run(&["list", "-o", "tsv", "--columns", "id,name"]);
    assert_ok(&out);
    let text = stdout_of(&out);
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("ID\tNAME"));
    let unescape = |field: &str| {
        let mut out = String::new();
        let mut chars = field.chars();
        while let Some(c) = chars.next() {
            if c != '\\' {
                out.push(c);
                continue;
            }
            out.push(match chars.next() {
                Some('t') => '\t',
                Some('n') => '\n',
                Some('r') => '\r',
                Some('\\') => '\\',
                other => panic!("unexpected escape {other:?} in {field:?}"),
            });
        }
        out
    };
    let rows: Vec<(String, String)> = lines
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), 2, "{line:?}");
            (unescape(fields[0]), unescape(fields[1]))
        })
        .collect();
    let expected: Vec<(String, String)> = AWKWARD
        .iter()
        .map(|(id, name)| (id.to_string(), name.to_string()))
        .collect();
    assert_eq!(rows, expected);
}

#[test]
fn csv_and_tsv_never_cut_and_keep_the_tables_columns() {
    let long = "x".repeat(400);
    let mut setup = Setup::default();
    setup.datasets.insert(
        DATASET.into(),
        Tasks::Fixed(vec![format!(
            r#"{{"task_id":"long1","task_name":"{long}","type":1,"status":1,"progress":37.5}}"#
        )]),
    );
    let sandbox = Sandbox::with(setup);
    let table = sandbox.run(&["list", "--wide"]);
    assert_ok(&table);
    assert!(
        !stdout_of(&table).contains(&long),
        "the table cuts long names"
    );
    let out = sandbox.run(&["list", "-o", "tsv", "--wide"]);
    assert_ok(&out);
    let text = stdout_of(&out);
    let header: Vec<&str> = text.lines().next().unwrap().split('\t').collect();
    let table_text = stdout_of(&table);
    let table_header: Vec<&str> = table_text
        .lines()
        .next()
        .unwrap()
        .split_whitespace()
        .collect();
    assert_eq!(header, table_header, "the same columns as the table");
    let row: Vec<&str> = text.lines().nth(1).unwrap().split('\t').collect();
    assert_eq!(row[0], "long1");
    assert_eq!(row[1], long);
    assert_eq!(row[3], "running");
    assert_eq!(row[4], "37.5%");
}

#[test]
fn no_headers_drops_the_tables_header_line() {
    let sandbox = numbered(3);
    let out = sandbox.run(&["list", "--no-headers", "--columns", "id,status"]);
    assert_ok(&out);
    assert_eq!(
        stdout_of(&out),
        "t0000  queued\nt0001  initializing\nt0002  running\n"
    );
}

/// What `jq -r '.tasks[] | select(.status == 2) | .task_id'` prints for a listing's
/// JSON: the IDs of the failed tasks, read here from the document itself.
fn failed_ids_of_json(json: &[u8]) -> String {
    let doc: serde_json::Value = serde_json::from_slice(json).unwrap();
    doc["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["status"] == 2)
        .map(|t| format!("{}\n", t["task_id"].as_str().unwrap()))
        .collect()
}

#[test]
fn jq_prints_what_jq_r_prints_of_the_json() {
    let sandbox = numbered(45);
    let json = sandbox.run(&["list", "--all", "-o", "json"]);
    assert_ok(&json);
    let expected = failed_ids_of_json(&json.stdout);
    assert_eq!(expected.lines().count(), 6);
    for program in [
        ".tasks[] | select(.status == 2) | .task_id",
        ".tasks[] | select(.status == $status.failed) | .task_id",
        ".tasks[] | select($status_name[.status | tostring] == \"failed\") | .task_id",
    ] {
        let out = sandbox.run(&["list", "--all", "--jq", program]);
        assert_ok(&out);
        assert_eq!(stdout_of(&out), expected, "{program}");
    }
    // Anything but a string is pretty-printed, as jq does.
    let out = sandbox.run(&[
        "list",
        "--limit",
        "2",
        "--jq",
        "{n: .total_count, ids: [.tasks[].task_id]}",
    ]);
    assert_ok(&out);
    assert_eq!(
        stdout_of(&out),
        "{\n  \"n\": 45,\n  \"ids\": [\n    \"t0000\",\n    \"t0001\"\n  ]\n}\n"
    );
}

#[test]
fn a_bad_jq_program_is_a_usage_error_before_any_request() {
    let sandbox = numbered(3);
    let out = sandbox.run(&["list", "--jq", ".tasks[] | selct(.status == 2)"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr_of(&out),
        "error: --jq: undefined filter `selct` at column 12\n  .tasks[] | selct(.status == 2)\n             ^\n"
    );
    assert_eq!(stdout_of(&out), "");
    assert!(sandbox.requests().is_empty(), "nothing was sent");

    let table = sandbox.run(&["list", "-o", "ndjson", "--jq", "."]);
    assert_eq!(table.status.code(), Some(2));
    assert_stderr_has(&table, "--jq runs on the JSON document");
    let watching = sandbox.run(&["list", "--watch", "--jq", "."]);
    assert_eq!(watching.status.code(), Some(2));
    // A program that fails on the data: its message, and a failure.
    let failing = sandbox.run(&["list", "--jq", ".tasks[0].task_id, (.total_count | .x)"]);
    assert_eq!(failing.status.code(), Some(1));
    assert_eq!(stdout_of(&failing), "t0000\n");
    assert_eq!(
        stderr_of(&failing),
        "error: --jq: cannot index 3 with \"x\"\n"
    );
}

#[test]
fn jq_works_on_every_command_that_prints_json() {
    let sandbox = numbered(4);
    let get = sandbox.run(&["get", "t0002", "--jq", "$status_name[.status | tostring]"]);
    assert_ok(&get);
    assert_eq!(stdout_of(&get), "running\n");

    let datasets = sandbox.run(&["datasets", "--jq", ".datasets[].dataset_id"]);
    assert_ok(&datasets);
    assert_eq!(stdout_of(&datasets), format!("{DATASET}\n"));

    let across = sandbox.run(&[
        "list",
        "-A",
        "--jq",
        ".datasets[] | \"\\(.dataset_id) \\(.tasks | length)\"",
    ]);
    assert_ok(&across);
    assert_eq!(stdout_of(&across), format!("{DATASET} 4\n"));

    let wait = sandbox.run(&["wait", "t0003", "--jq", ".status == $status.failed"]);
    assert_eq!(wait.status.code(), Some(7), "{}", stderr_of(&wait));
    assert_eq!(stdout_of(&wait), "true\n");
}

#[test]
fn a_status_filter_reads_every_page_and_counts_exactly() {
    let count = 95;
    let sandbox = numbered(count);
    let out = sandbox.run(&[
        "list",
        "--status",
        "running,failed",
        "--limit",
        "10",
        "--no-headers",
        "--columns",
        "id",
    ]);
    assert_ok(&out);
    let expected = with_status(count, &[1, 2]);
    assert_eq!(lines_of(&out), expected);
    assert_eq!(
        stderr_of(&out),
        format!(
            "{count} auto-labeling and pre-labeling tasks, {} matching --status (--type all lists every kind)\n",
            expected.len()
        )
    );
    // Every page was read, at the page size given.
    let offsets: Vec<u64> = sandbox.requests().iter().map(|r| r.offset()).collect();
    assert_eq!(offsets.len(), 10);
    assert!(sandbox.requests().iter().all(|r| r.limit() == 10));
}

#[test]
fn a_sort_orders_every_page_not_just_the_first() {
    let count = 25;
    let sandbox = numbered(count);
    for format in ["table", "csv"] {
        let out = sandbox.run(&[
            "list",
            "--sort",
            "created",
            "-o",
            format,
            "--no-headers",
            "--columns",
            "id",
        ]);
        assert_ok(&out);
        // Oldest first: the server lists newest first.
        let expected: Vec<String> = (0..count).rev().map(|i| format!("t{i:04}")).collect();
        assert_eq!(lines_of(&out), expected, "{format}");
    }
}

#[test]
fn max_items_caps_what_passes_the_filter_and_stops_paging() {
    let count = 700;
    let sandbox = numbered(count);
    let out = sandbox.run(&[
        "list",
        "--status",
        "failed",
        "--max-items",
        "3",
        "--limit",
        "10",
        "--concurrency",
        "1",
        "--no-headers",
        "--columns",
        "id",
    ]);
    assert_ok(&out);
    assert_eq!(lines_of(&out), with_status(count, &[2])[..3]);
    assert_stderr_has(&out, "3 matching --status (the first 3: --max-items 3;");
    // The third failed task is on page 2: no page after it is needed, let alone all 70.
    assert!(
        sandbox.requests().len() <= 4,
        "{}",
        sandbox.requests().len()
    );
}

#[test]
fn with_an_offset_a_filter_acts_on_that_page_and_says_so() {
    let count = 95;
    let sandbox = numbered(count);
    let out = sandbox.run(&[
        "list",
        "--status",
        "failed",
        "--offset",
        "2",
        "--limit",
        "10",
        "--no-headers",
        "--columns",
        "id",
    ]);
    assert_ok(&out);
    let page: Vec<String> = (20..30)
        .filter(|&i| status_of(i) == 2)
        .map(|i| format!("t{i:04}"))
        .collect();
    assert_eq!(lines_of(&out), page);
    assert_eq!(
        stderr_of(&out),
        format!(
            "10 of {count} auto-labeling and pre-labeling tasks, 1 matching --status (next page: \
             --offset 3; --status applied to page 2 only; --type all lists every kind)\n"
        )
    );
    // That page, and the next to tell what the server's offsets count: no more.
    assert!(sandbox.requests().len() <= 2);
}

#[test]
fn the_next_page_hint_keeps_the_page_size() {
    let sandbox = numbered(20);
    let out = sandbox.run(&[
        "list",
        "--offset",
        "2",
        "--limit",
        "3",
        "--type",
        "auto-label",
    ]);
    assert_ok(&out);
    assert_eq!(
        stderr_of(&out),
        "3 of 20 auto-label tasks (next page: --offset 3 --limit 3)\n"
    );
}

#[test]
fn a_page_size_over_the_apis_limit_is_explained_in_words() {
    let out = matasks().args(["list", "--limit", "500"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_stderr_has(
        &out,
        "a page holds at most 100 items; to list more, use --all (every page) or --max-items 500",
    );
}

#[test]
fn running_datasets_are_looked_for_on_every_page() {
    let mut setup = Setup {
        datasets: many_datasets(25, 1),
        ..Setup::default()
    };
    // Every fourth dataset has a running task.
    let running: HashMap<String, Tasks> = (0..25)
        .step_by(4)
        .map(|n| {
            let id = many_dataset_id(n);
            let task =
                format!(r#"{{"task_id":"run{n:04}","type":0,"status":1,"dataset_id":"{id}"}}"#);
            (id, Tasks::Fixed(vec![task]))
        })
        .collect();
    setup.datasets.extend(running);
    let sandbox = Sandbox::with(setup);
    let out = sandbox.run(&[
        "datasets",
        "--running",
        "--limit",
        "5",
        "--no-headers",
        "--columns",
        "id",
    ]);
    assert_ok(&out);
    let expected: Vec<String> = (0..25).step_by(4).map(many_dataset_id).collect();
    assert_eq!(lines_of(&out), expected);
    assert!(sandbox.requests().len() >= 5, "every page of 5 was read");
}

#[test]
fn every_format_ends_quietly_when_its_reader_goes_away() {
    use std::io::{BufRead, BufReader, Read};
    use std::process::Stdio;
    let sandbox = numbered(3000);
    for args in [
        &["-o", "csv"][..],
        &["-o", "tsv"],
        &["--jq", ".tasks[].task_id"],
        &["--sort", "name", "-o", "csv"],
    ] {
        let mut child = sandbox
            .std_cmd()
            .args(["list", "--all"])
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut reader = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        assert!(!line.is_empty(), "{args:?}");
        // As `| head -1` does: the reader goes away with most of the output unread.
        drop(reader);
        let status = child.wait().unwrap();
        let mut err = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut err)
            .unwrap();
        assert!(status.success(), "{args:?}: {status:?} {err}");
        assert_eq!(err, "", "{args:?}");
    }
}
