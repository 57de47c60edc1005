//! The project's datasets end to end: `matasks datasets`, and `matasks list -A`, the
//! tasks of every dataset in one listing.

use std::collections::HashMap;
use std::process::Output;
use std::sync::Arc;

use crate::support::*;
use fake_modelarts::fixtures::*;
use fake_modelarts::*;

// The fake lists datasets by ID; the first was created at 1764000000000 ms
// (2025-11-24 16:00:00 UTC), each next one an hour earlier.
const CATS: &str = "dsA0000000000000001";
const DOGS: &str = "dsB0000000000000002";
const BIRDS: &str = "dsC0000000000000003";
const FISH: &str = "dsD0000000000000004";

/// Four named datasets: 3 tasks running, 1, none, and 2.
fn named_setup() -> Setup {
    let fixed = |tasks: &[&str]| Tasks::Fixed(tasks.iter().map(|t| t.to_string()).collect());
    Setup {
        datasets: HashMap::from([
            (CATS.to_string(), Tasks::Fixed(example_tasks())),
            (
                DOGS.to_string(),
                fixed(&[RUNNING_UNDOCUMENTED_LINE, FAILED]),
            ),
            (BIRDS.to_string(), fixed(&[FAILED])),
            (FISH.to_string(), fixed(&[DEPLOY, UNKNOWN_TYPE])),
        ]),
        dataset_names: HashMap::from([
            (CATS.to_string(), "cats".to_string()),
            (DOGS.to_string(), "dogs".to_string()),
            (BIRDS.to_string(), "birds".to_string()),
            (FISH.to_string(), "fish".to_string()),
        ]),
        ..Setup::default()
    }
}

/// Dataset `index` of [`named_setup`] as the fake writes it, compacted, with its
/// running tasks (`check_running_task=true`).
fn dataset_line(index: usize, id: &str, name: &str, tasks: usize, running: &[&str]) -> String {
    let total = 100 + 20 * tasks;
    let ids: Vec<String> = running.iter().map(|id| format!("\"{id}\"")).collect();
    format!(
        r#"{{"dataset_id":"{id}","dataset_name":"{name}","dataset_type":1,"status":1,"create_time":{},"description":"","current_version_name":"V001","total_sample_count":{total},"annotated_sample_count":{},"workspace_id":"0","exist_running_task":{},"running_tasks_id":[{}]}}"#,
        1_764_000_000_000i64 - index as i64 * 3_600_000,
        total * 3 / 4,
        !running.is_empty(),
        ids.join(",")
    )
}

fn named_lines() -> Vec<String> {
    vec![
        dataset_line(
            0,
            CATS,
            "cats",
            8,
            &[
                "nR8kq2LmZc0aVbXy7Tt",
                "DepL0yTask000000001",
                "UnKn0wnType00000001",
            ],
        ),
        dataset_line(1, DOGS, "dogs", 2, &["nR8kq2LmZc0aVbXy7Tt"]),
        dataset_line(2, BIRDS, "birds", 1, &[]),
        dataset_line(
            3,
            FISH,
            "fish",
            2,
            &["DepL0yTask000000001", "UnKn0wnType00000001"],
        ),
    ]
}

fn run_tz(sandbox: &Sandbox, tz: &str, args: &[&str]) -> Output {
    let out = sandbox.cmd().env("TZ", tz).args(args).output().unwrap();
    assert_ok(&out);
    out
}

/// A run that must succeed, in UTC.
fn ok(sandbox: &Sandbox, args: &[&str]) -> Output {
    run_tz(sandbox, "UTC", args)
}

/// The JSON document on stdout.
fn doc_of(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The `task_id`s of a JSON array of tasks.
fn task_ids(tasks: &serde_json::Value) -> Vec<&str> {
    let tasks = tasks.as_array().unwrap();
    tasks
        .iter()
        .map(|t| t["task_id"].as_str().unwrap())
        .collect()
}

/// Every ListDatasets request: signed, of this project.
fn dataset_requests(sandbox: &Sandbox) -> Vec<Recorded> {
    let listed: Vec<Recorded> = sandbox
        .requests()
        .into_iter()
        .filter(|r| r.path == format!("/v2/{PROJECT}/datasets"))
        .collect();
    for r in &listed {
        assert_eq!((r.method.as_str(), &r.signature), ("GET", &Ok(())));
    }
    listed
}

#[test]
fn datasets_table_shows_running_tasks_and_created_in_the_local_zone() {
    let sandbox = Sandbox::with(named_setup());
    let table = |last: &str, values: [&str; 4]| {
        format!(
            "\
ID                   NAME   TYPE              STATUS  SAMPLES  RUNNING                                   {last}
dsA0000000000000001  cats   object detection  normal  195/260  3 tasks                                   {}
dsB0000000000000002  dogs   object detection  normal  105/140  nR8kq2LmZc0aVbXy7Tt                       {}
dsC0000000000000003  birds  object detection  normal   90/120  none                                      {}
dsD0000000000000004  fish   object detection  normal  105/140  DepL0yTask000000001, UnKn0wnType00000001  {}
",
            values[0], values[1], values[2], values[3]
        )
    };
    // How long ago, counted up to NOW (2026-11-30 04:00:00 UTC): a year and 5 days.
    let out = ok(&sandbox, &["datasets"]);
    assert_eq!(stdout_of(&out), table("AGE", ["370d"; 4]));
    assert_eq!(stderr_of(&out), "4 of 4 datasets\n");
    let created = [
        "id", "name", "type", "status", "samples", "running", "created",
    ]
    .join(",");
    let out = ok(&sandbox, &["datasets", "--columns", &created]);
    let utc = [
        "2025-11-24 16:00:00 +00:00",
        "2025-11-24 15:00:00 +00:00",
        "2025-11-24 14:00:00 +00:00",
        "2025-11-24 13:00:00 +00:00",
    ];
    assert_eq!(stdout_of(&out), table("CREATED", utc));
    // POSIX zones, which need no time zone database: eight hours east, five west.
    let out = run_tz(&sandbox, "UTC-8", &["ds", "--columns", &created]);
    let east = [
        "2025-11-25 00:00:00 +08:00",
        "2025-11-24 23:00:00 +08:00",
        "2025-11-24 22:00:00 +08:00",
        "2025-11-24 21:00:00 +08:00",
    ];
    assert_eq!(stdout_of(&out), table("CREATED", east));
    let out = run_tz(&sandbox, "EST5", &["datasets", "--columns", &created]);
    let west = [
        "2025-11-24 11:00:00 -05:00",
        "2025-11-24 10:00:00 -05:00",
        "2025-11-24 09:00:00 -05:00",
        "2025-11-24 08:00:00 -05:00",
    ];
    assert_eq!(stdout_of(&out), table("CREATED", west));
    // --utc, whatever the zone.
    let out = run_tz(
        &sandbox,
        "EST5",
        &["--utc", "datasets", "--columns", &created],
    );
    assert_eq!(stdout_of(&out), table("CREATED", utc));
    // --wide adds CREATED after the default columns.
    let out = run_tz(&sandbox, "UTC-8", &["datasets", "--wide"]);
    let header: Vec<String> = stdout_of(&out)
        .lines()
        .next()
        .unwrap()
        .split_whitespace()
        .map(str::to_string)
        .collect();
    assert_eq!(
        header,
        [
            "ID",
            "NAME",
            "TYPE",
            "STATUS",
            "SAMPLES",
            "RUNNING",
            "AGE",
            "CREATED",
            "VERSION",
            "DESCRIPTION"
        ]
    );
    assert_stdout_has(&out, "370d  2025-11-25 00:00:00 +08:00  V001");
    let requests = dataset_requests(&sandbox);
    assert_eq!(requests.len(), 6);
    for r in &requests {
        assert_eq!(r.query, "check_running_task=true&limit=10&offset=0");
    }
}

#[test]
fn datasets_json_and_ndjson_are_the_servers_datasets_losslessly() {
    let sandbox = Sandbox::with(named_setup());
    let out = ok(&sandbox, &["datasets", "-o", "ndjson"]);
    assert_eq!(stderr_of(&out), "");
    assert_eq!(stdout_of(&out), named_lines().join("\n") + "\n");

    let out = ok(&sandbox, &["datasets", "-o", "json"]);
    assert_eq!(stderr_of(&out), "");
    let doc: serde_json::Value = doc_of(&out);
    let datasets: Vec<serde_json::Value> = named_lines()
        .iter()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(
        doc,
        serde_json::json!({"datasets": datasets, "total_number": 4})
    );
    // Each dataset written as the server wrote it, whitespace aside.
    for line in named_lines() {
        assert_stdout_has(&out, &line);
    }
}

#[test]
fn datasets_name_running_and_sort_are_sent_and_applied() {
    let sandbox = Sandbox::with(named_setup());
    let out = ok(&sandbox, &["datasets", "--name", "dog", "-o", "ndjson"]);
    assert_eq!(stdout_of(&out), named_lines()[1].clone() + "\n");
    let sent = dataset_requests(&sandbox);
    assert_eq!(sent.last().unwrap().param("search_content"), Some("dog"));

    // Whether or not the server itself keeps only the datasets with a running task.
    let expected = [0, 1, 3].map(|i| named_lines()[i].clone()).join("\n") + "\n";
    let mut tables = Vec::new();
    for (running_filter, footer) in [
        (false, "4 datasets, 3 with a running task\n"),
        (true, "3 datasets, 3 with a running task\n"),
    ] {
        let sandbox = Sandbox::with(Setup {
            running_filter,
            ..named_setup()
        });
        let out = ok(&sandbox, &["datasets", "--running", "-o", "ndjson"]);
        assert_eq!(stdout_of(&out), expected, "running_filter {running_filter}");
        let out = ok(&sandbox, &["datasets", "--running"]);
        assert_eq!(stderr_of(&out), footer);
        let rows: Vec<String> = stdout_of(&out).lines().map(str::to_string).collect();
        assert_eq!(rows.len(), 4, "{rows:?}");
        assert!(!rows.iter().any(|row| row.contains(BIRDS)));
        tables.push(rows);
        for r in dataset_requests(&sandbox) {
            assert_eq!(r.param("check_running_task"), Some("true"));
        }
    }
    assert_eq!(tables[0], tables[1]);

    ok(&sandbox, &["datasets", "--sort", "-name"]);
    ok(&sandbox, &["datasets", "--sort", "created"]);
    let sent = dataset_requests(&sandbox);
    let [.., by_name, by_created] = &sent[..] else {
        panic!("{sent:?}")
    };
    assert_eq!(
        (by_name.param("sort_by"), by_name.param("order")),
        (Some("dataset_name"), Some("desc"))
    );
    assert_eq!(
        (by_created.param("sort_by"), by_created.param("order")),
        (Some("create_time"), Some("asc"))
    );
    let out = sandbox.run(&["datasets", "--sort", "size"]);
    assert_eq!(out.status.code(), Some(2));
}

/// The `dataset_id` of every NDJSON line.
fn dataset_ids_of(out: &Output) -> Vec<String> {
    stdout_of(out)
        .lines()
        .map(|line| {
            let value: serde_json::Value = serde_json::from_str(line).unwrap();
            value["dataset_id"].as_str().unwrap().to_string()
        })
        .collect()
}

#[test]
fn datasets_all_lists_every_dataset_once_even_when_the_total_says_100() {
    let every: Vec<String> = (0..250).map(many_dataset_id).collect();
    for (cap, offset_mode) in [
        (None, OffsetMode::Page),
        (Some(100), OffsetMode::Page),
        (None, OffsetMode::Record),
        (Some(100), OffsetMode::Record),
    ] {
        let sandbox = Sandbox::with(Setup {
            datasets: many_datasets(250, 1),
            dataset_total_cap: cap,
            offset_mode,
            ..Setup::default()
        });
        let out = ok(&sandbox, &["datasets", "--all", "-o", "ndjson"]);
        assert_eq!(dataset_ids_of(&out), every, "total cap {cap:?}");
        let sent = dataset_requests(&sandbox);
        assert!(sent.iter().all(|r| r.limit() == 100));
        // The last page is short: the server was asked for the whole of it.
        let asked = |start: u64| {
            sent.iter().any(|r| match offset_mode {
                OffsetMode::Page => r.offset() == start / 100,
                OffsetMode::Record => r.offset() == start,
            })
        };
        assert!(asked(0) && asked(100) && asked(200), "{sent:?}");
        // The table says how many, not "of 100".
        let out = ok(&sandbox, &["datasets", "--all"]);
        assert_eq!(stdout_of(&out).lines().count(), 251);
        assert_stderr_has(&out, "250 datasets\n");
    }
}

/// Task `n` of `dataset`: type `kind`, status `status`, created `n` hours before
/// 2026-11-29 23:00, so that each dataset's tasks are newest first.
fn task(dataset: &str, n: usize, kind: i64, status: i64) -> String {
    let created = jiff::civil::datetime(2026, 11, 29, 23, 0, 0, 0)
        - jiff::SignedDuration::from_hours(n as i64);
    format!(
        r#"{{"dataset_id":"{dataset}","task_id":"{}-{n:03}","task_name":"{} {n}","type":{kind},"status":{status},"progress":100.0,"create_time":"{}","elapsed_time":{}}}"#,
        &dataset[..5],
        &dataset[..5],
        created.strftime("%Y-%m-%d %H:%M:%S"),
        60 + n
    )
}

// Listed in this order: named, named "", unnamed, named; 3, 120 (two pages), 0 and 5
// auto-labeling and pre-labeling tasks, besides grouping tasks only `--type all` lists.
const FOUR: [&str; 4] = [
    "fourA00000000000001",
    "fourB00000000000002",
    "fourC00000000000003",
    "fourD00000000000004",
];

fn four_setup() -> Setup {
    let tasks = |id: &str, kinds: &[(i64, i64)]| {
        let tasks = kinds
            .iter()
            .enumerate()
            .map(|(n, &(kind, status))| task(id, n, kind, status))
            .collect();
        (id.to_string(), Tasks::Fixed(tasks))
    };
    let b: Vec<(i64, i64)> = (0..121)
        .map(|n| {
            if n == 7 {
                (7, 3)
            } else {
                ((n % 2) as i64, 2 + (n % 2) as i64)
            }
        })
        .collect();
    Setup {
        datasets: HashMap::from([
            tasks(FOUR[0], &[(1, 3), (7, 5), (0, 2), (1, 3)]),
            tasks(FOUR[1], &b),
            tasks(FOUR[2], &[]),
            tasks(FOUR[3], &[(0, 3), (1, 3), (1, 5), (0, 3), (1, 3)]),
        ]),
        dataset_names: HashMap::from([
            (FOUR[0].to_string(), "alpha".to_string()),
            (FOUR[1].to_string(), String::new()),
            (FOUR[3].to_string(), "delta".to_string()),
        ]),
        ..Setup::default()
    }
}

#[test]
fn list_all_datasets_is_each_datasets_listing_in_dataset_order() {
    let sandbox = Sandbox::with(four_setup());
    let mut each = String::new();
    let mut counts = Vec::new();
    for id in FOUR {
        let out = ok(&sandbox, &["list", "--all", "-d", id, "-o", "ndjson"]);
        counts.push(stdout_of(&out).lines().count());
        each.push_str(&stdout_of(&out));
    }
    assert_eq!(counts, [3, 120, 0, 5]);
    let before = sandbox.requests().len();
    let out = ok(&sandbox, &["list", "-A", "-o", "ndjson"]);
    assert_eq!(stderr_of(&out), "");
    assert_eq!(stdout_of(&out), each);
    // The dataset list, then every page of every dataset's tasks, once each.
    let mut sent: Vec<String> = sandbox.requests()[before..]
        .iter()
        .map(|r| {
            assert_eq!(r.signature, Ok(()));
            format!("{}?{}", r.path, r.query)
        })
        .collect();
    sent.sort();
    let base = format!("/v2/{PROJECT}/datasets");
    let mut expected = vec![format!("{base}?limit=100&offset=0")];
    for id in FOUR {
        expected.push(format!("{base}/{id}/tasks?limit=100&offset=0"));
    }
    expected.push(format!("{base}/{}/tasks?limit=100&offset=1", FOUR[1]));
    expected.sort();
    assert_eq!(sent, expected);

    // The table: the dataset's name first, its ID when it has none.
    let out = ok(&sandbox, &["list", "-A"]);
    let table = stdout_of(&out);
    let mut lines = table.lines();
    assert!(lines.next().unwrap().starts_with("DATASET "), "{table}");
    let shown: Vec<&str> = lines.map(|row| row.split(' ').next().unwrap()).collect();
    let mut names = vec!["alpha"; 3];
    names.extend(vec![FOUR[1]; 120]);
    names.extend(vec!["delta"; 5]);
    assert_eq!(shown, names);
    assert_eq!(
        stderr_of(&out),
        "128 tasks in 4 datasets (auto-labeling and pre-labeling tasks; --type all lists \
         every kind)\n"
    );

    // The document: each dataset's tasks and total, and the sum.
    let out = ok(&sandbox, &["list", "-A", "-o", "json"]);
    let doc: serde_json::Value = doc_of(&out);
    let tasks_of = |text: &str| -> Vec<serde_json::Value> {
        text.lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    };
    let mut start = 0;
    let mut groups = Vec::new();
    let names = ["alpha", "", "dataset-fourC00000000000003", "delta"];
    for ((id, name), count) in FOUR.iter().zip(names).zip(&counts) {
        let lines: Vec<&str> = each.lines().skip(start).take(*count).collect();
        start += count;
        groups.push(serde_json::json!({
            "dataset_id": id, "dataset_name": name, "total_count": count,
            "tasks": tasks_of(&lines.join("\n")),
        }));
    }
    assert_eq!(
        doc,
        serde_json::json!({"datasets": groups, "total_count": 128})
    );
}

#[test]
fn dataset_column_names_the_dataset_listed_even_when_its_tasks_do_not_say() {
    // Tasks of the reference's shape without `dataset_id`, and one that names another.
    let fixed = |tasks: &[&str]| Tasks::Fixed(tasks.iter().map(|t| t.to_string()).collect());
    let sandbox = Sandbox::with(Setup {
        datasets: HashMap::from([
            (CATS.to_string(), fixed(&[FAILED])),
            (DOGS.to_string(), fixed(&[REFERENCE_PRELABEL_LINE])),
        ]),
        dataset_names: HashMap::from([
            (CATS.to_string(), "cats".to_string()),
            (DOGS.to_string(), "dogs".to_string()),
        ]),
        ..Setup::default()
    });
    let out = ok(&sandbox, &["list", "-A", "--columns", "dataset,id"]);
    assert_eq!(
        stdout_of(&out),
        "DATASET  ID\ncats     Fa1LeDtask000000001\ndogs     14cyxyu6UXaNT3lrPFl\n"
    );
    // Sorted, each row still names the dataset it was listed from, in the table (which
    // keeps its rows and is told the order) and in CSV (whose rows are held here).
    for format in ["table", "csv"] {
        let out = ok(
            &sandbox,
            &[
                "list",
                "-A",
                "--columns",
                "dataset,id",
                "--sort",
                "-name",
                "--no-headers",
                "-o",
                format,
            ],
        );
        let rows: Vec<String> = stdout_of(&out)
            .lines()
            .map(|l| {
                l.split([' ', ','])
                    .filter(|w| !w.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        assert_eq!(
            rows,
            ["cats Fa1LeDtask000000001", "dogs 14cyxyu6UXaNT3lrPFl"],
            "{format}"
        );
    }
}

#[test]
fn list_all_datasets_pages_every_dataset_under_one_concurrency_cap() {
    let sandbox = Sandbox::with(Setup {
        datasets: many_datasets(250, 3),
        ..Setup::default()
    });
    let out = ok(
        &sandbox,
        &["list", "-A", "-o", "ndjson", "--concurrency", "4"],
    );
    let expected: Vec<String> = (0..250)
        .flat_map(|n| (0..3).map(move |i| generated_id_in(&many_dataset_id(n), i)))
        .collect();
    assert_eq!(ids_of(&out.stdout), expected);
    assert!(
        sandbox.server.max_in_flight() <= 4,
        "{}",
        sandbox.server.max_in_flight()
    );
    let sent = dataset_requests(&sandbox);
    for page in 0..3 {
        assert!(
            sent.iter().any(|r| r.offset() == page),
            "page {page}: {sent:?}"
        );
    }
    let mut task_lists: Vec<String> = sandbox
        .requests()
        .iter()
        .filter(|r| r.path.ends_with("/tasks"))
        .map(|r| {
            assert_eq!(
                (r.signature.clone(), r.query.as_str()),
                (Ok(()), "limit=100&offset=0")
            );
            r.path.clone()
        })
        .collect();
    task_lists.sort();
    let every: Vec<String> = (0..250)
        .map(|n| format!("/v2/{PROJECT}/datasets/{}/tasks", many_dataset_id(n)))
        .collect();
    assert_eq!(task_lists, every, "each dataset's tasks asked for once");
}

#[test]
fn a_failing_dataset_is_named_and_the_others_are_still_listed() {
    let broken = [many_dataset_id(1), many_dataset_id(3)];
    let hook_broken = broken.clone();
    let sandbox = Sandbox::with(Setup {
        datasets: many_datasets(5, 2),
        hook: Some(Arc::new(move |r: &Recorded, _: &Catalog| {
            let answer = |(status, code, message)| {
                Some(Action::Reply(Reply::api_error(status, code, message)))
            };
            match r.path.split('/').nth(4) {
                Some(id) if id == hook_broken[0] => answer((403, "ModelArts.0203", "Forbidden")),
                Some(id) if id == hook_broken[1] => answer((500, "ModelArts.0001", "Broken")),
                _ => None,
            }
        })),
        ..Setup::default()
    });
    let good: Vec<String> = [0, 2, 4]
        .iter()
        .flat_map(|&n| (0..2).map(move |i| generated_id_in(&many_dataset_id(n), i)))
        .collect();
    let message = format!(
        "error: incomplete listing: the tasks of 2 of 5 datasets could not all be listed: \
         dataset {0} (dataset-{0}), dataset {1} (dataset-{1})\n",
        broken[0], broken[1]
    );
    let out = sandbox.run(&["--retries", "0", "list", "-A", "-o", "ndjson"]);
    assert_eq!(out.status.code(), Some(9), "{}", stderr_of(&out));
    assert_eq!(ids_of(&out.stdout), good);
    for id in &broken {
        assert_stderr_has(
            &out,
            &format!("warning: dataset {id} (dataset-{id}): ModelArts.0"),
        );
    }
    assert_stderr_has(&out, "ModelArts.0203: Forbidden (HTTP 403");
    assert_stderr_has(&out, "ModelArts.0001: Broken (HTTP 500");
    assert_stderr_has(&out, &message);

    let out = sandbox.run(&["--retries", "0", "list", "-A", "-o", "json"]);
    assert_eq!(out.status.code(), Some(9));
    let doc: serde_json::Value = doc_of(&out);
    let groups = doc["datasets"].as_array().unwrap();
    assert_eq!(groups.len(), 5);
    for (n, group) in groups.iter().enumerate() {
        assert_eq!(group["dataset_id"], many_dataset_id(n));
        let error = group.get("matasks_error").and_then(|e| e.as_str());
        if n == 1 || n == 3 {
            assert!(error.unwrap().contains("ModelArts.0"), "{group}");
            assert_eq!(group["tasks"], serde_json::json!([]));
        } else {
            assert_eq!(error, None, "{group}");
            assert_eq!(group["tasks"].as_array().unwrap().len(), 2);
        }
    }
    assert_eq!(doc["total_count"], 6);
    assert_stderr_has(&out, &message);
}

#[test]
fn type_status_max_items_and_sort_work_across_datasets() {
    let sandbox = Sandbox::with(four_setup());
    // Every kind: the grouping tasks too, each dataset's newest first.
    let out = ok(&sandbox, &["list", "-A", "--type", "all", "-o", "json"]);
    let doc: serde_json::Value = doc_of(&out);
    let totals: Vec<&serde_json::Value> = doc["datasets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| &g["total_count"])
        .collect();
    assert_eq!(totals, [4, 121, 0, 5]);
    assert_eq!(doc["total_count"], 130);
    assert_eq!(
        task_ids(&doc["datasets"][0]["tasks"]),
        ["fourA-000", "fourA-001", "fourA-002", "fourA-003"]
    );
    let mut types: Vec<String> = sandbox
        .requests()
        .iter()
        .filter(|r| r.path.ends_with(&format!("/{}/tasks", FOUR[0])))
        .map(|r| r.param("type").unwrap().to_string())
        .collect();
    types.sort();
    assert_eq!(
        types,
        ["auto-deploy", "auto-grouping", "auto-label", "pre-label"]
    );

    // --status filters here: failed tasks only, of alpha and of the unnamed dataset.
    let out = ok(
        &sandbox,
        &["list", "-A", "--status", "failed", "-o", "ndjson"],
    );
    let ids = ids_of(&out.stdout);
    assert_eq!(ids.len(), 1 + 61, "{ids:?}");
    assert_eq!(ids[0], "fourA-002");
    let out = ok(&sandbox, &["list", "-A", "--status", "stopped"]);
    assert_eq!(stdout_of(&out).lines().count(), 2);
    assert_stderr_has(&out, "128 tasks in 4 datasets, 1 matching --status");

    // --max-items: that many, from the first datasets, with fewer requests.
    let full = {
        let before = sandbox.requests().len();
        ok(&sandbox, &["list", "-A", "-o", "ndjson"]);
        sandbox.requests().len() - before
    };
    let before = sandbox.requests().len();
    let out = ok(
        &sandbox,
        &[
            "list",
            "-A",
            "--max-items",
            "2",
            "--concurrency",
            "1",
            "-o",
            "ndjson",
        ],
    );
    assert_eq!(ids_of(&out.stdout), ["fourA-000", "fourA-002"]);
    let capped = sandbox.requests().len() - before;
    assert!(
        capped < full,
        "{capped} requests, {full} without --max-items"
    );

    // --sort: the table as a whole; the document within each dataset.
    let out = ok(
        &sandbox,
        &["list", "-A", "--sort", "created", "--columns", "id"],
    );
    let table = stdout_of(&out);
    let rows: Vec<&str> = table.lines().skip(1).map(str::trim_end).collect();
    assert_eq!(rows.len(), 128);
    assert_eq!(&rows[..3], ["fourB-120", "fourB-119", "fourB-118"]);
    let out = ok(&sandbox, &["list", "-A", "--sort", "created", "-o", "json"]);
    let doc: serde_json::Value = doc_of(&out);
    assert_eq!(
        task_ids(&doc["datasets"][3]["tasks"]),
        [
            "fourD-004",
            "fourD-003",
            "fourD-002",
            "fourD-001",
            "fourD-000"
        ]
    );

    // --offset has no meaning across datasets.
    let before = sandbox.requests().len();
    let out = sandbox.run(&["list", "-A", "--offset", "1"]);
    assert_eq!(out.status.code(), Some(2));
    assert_stderr_has(&out, "--offset cannot be used with --all-datasets");
    assert_eq!(sandbox.requests().len(), before, "nothing sent");
}

#[test]
fn a_piped_watch_across_datasets_logs_each_task_once_and_ends_when_all_are_done() {
    let sandbox = Sandbox::with(Setup {
        datasets: many_datasets(3, 2),
        ..Setup::default()
    });
    let listed = ok(&sandbox, &["list", "-A", "-o", "ndjson"]);
    let before = sandbox.requests().len();
    let watch = "list -A --watch --until-done --interval 1s -o ndjson";
    let out = ok(&sandbox, &watch.split(' ').collect::<Vec<_>>());
    assert_eq!(stderr_of(&out), "");
    assert_eq!(stdout_of(&out), stdout_of(&listed));
    // One round: the dataset list, then each dataset's tasks.
    let round = &sandbox.requests()[before..];
    assert_eq!(round.len(), 4, "{round:?}");
    assert!(round[0].path.ends_with("/datasets"), "{round:?}");
}

/// The words of a table's header, and what went to stderr, on a terminal `cols` wide.
#[cfg(unix)]
fn on_terminal(sandbox: &Sandbox, cols: u16, args: &[&str]) -> (Vec<String>, String, String) {
    let mut cmd = sandbox.std_cmd();
    cmd.args(["--color", "never"]).args(args);
    let run = crate::support::pty::run_with_stderr_piped(cmd, cols);
    assert!(run.status.success(), "{}", run.screen);
    let header = run
        .screen
        .lines()
        .next()
        .unwrap()
        .split_whitespace()
        .map(str::to_string)
        .collect();
    (header, run.screen, String::from_utf8(run.stderr).unwrap())
}

#[cfg(unix)]
#[test]
fn the_datasets_table_fits_the_terminal_but_keeps_what_was_asked_for() {
    let sandbox = Sandbox::with(named_setup());
    let note = |cols: u16, hidden: &str| {
        format!("(hidden to fit {cols} columns: {hidden}; use --columns or COLUMNS=...)\n")
    };
    // Room for all.
    let (header, _, err) = on_terminal(&sandbox, 120, &["datasets"]);
    assert_eq!(
        header,
        ["ID", "NAME", "TYPE", "STATUS", "SAMPLES", "RUNNING", "AGE"]
    );
    assert_eq!(err, "4 of 4 datasets\n");
    // The rightmost go first.
    let (header, screen, err) = on_terminal(&sandbox, 80, &["datasets"]);
    assert_eq!(header, ["ID", "NAME", "TYPE", "STATUS", "SAMPLES"]);
    assert!(screen.lines().all(|l| l.chars().count() <= 80), "{screen}");
    assert_eq!(err, note(80, "RUNNING, AGE") + "4 of 4 datasets\n");
    let (header, _, err) = on_terminal(&sandbox, 60, &["datasets"]);
    assert_eq!(header, ["ID", "NAME", "TYPE", "STATUS"]);
    assert_eq!(err, note(60, "SAMPLES, RUNNING, AGE") + "4 of 4 datasets\n");
    // Named, or added by --wide: they stay, wider than the terminal.
    let (header, screen, err) = on_terminal(
        &sandbox,
        60,
        &["datasets", "--columns", "id,name,running,created"],
    );
    assert_eq!(header, ["ID", "NAME", "RUNNING", "CREATED"]);
    assert!(
        screen.contains("DepL0yTask000000001, UnKn0wnType00000001  2025-11-24 13:00:00 +00:00"),
        "{screen}"
    );
    assert_eq!(err, "4 of 4 datasets\n");
    let (header, _, err) = on_terminal(&sandbox, 80, &["datasets", "--wide"]);
    assert_eq!(header, ["ID", "NAME", "CREATED", "VERSION", "DESCRIPTION"]);
    assert_eq!(
        err,
        note(80, "TYPE, STATUS, SAMPLES, RUNNING, AGE") + "4 of 4 datasets\n"
    );
}

#[cfg(unix)]
#[test]
fn the_project_table_gives_up_its_dataset_column_last() {
    let sandbox = Sandbox::with(named_setup());
    let (header, screen, err) = on_terminal(&sandbox, 120, &["list", "-A"]);
    assert_eq!(
        header,
        [
            "DATASET", "ID", "NAME", "TYPE", "STATUS", "PROGRESS", "SAMPLES", "AGE", "ELAPSED"
        ]
    );
    assert!(!err.contains("hidden"), "{err}");
    assert!(screen.contains("cats     14cyxyu6UXaNT3lrPFl"), "{screen}");
    let (header, _, err) = on_terminal(&sandbox, 80, &["list", "-A"]);
    assert_eq!(
        header,
        ["DATASET", "ID", "NAME", "STATUS", "PROGRESS", "ELAPSED"]
    );
    assert!(
        err.starts_with(
            "(hidden to fit 80 columns: TYPE, SAMPLES, AGE; use --columns or COLUMNS=...)\n"
        ),
        "{err}"
    );
    let (header, _, err) = on_terminal(&sandbox, 60, &["list", "-A"]);
    assert_eq!(header, ["DATASET", "ID", "NAME", "STATUS"]);
    assert!(
        err.starts_with(
            "(hidden to fit 60 columns: TYPE, PROGRESS, SAMPLES, AGE, ELAPSED; use --columns"
        ),
        "{err}"
    );
    // Named, DATASET stays too.
    let (header, _, err) = on_terminal(
        &sandbox,
        40,
        &["list", "-A", "--columns", "dataset,id,name,age"],
    );
    assert_eq!(header, ["DATASET", "ID", "NAME", "AGE"]);
    assert!(!err.contains("hidden"), "{err}");
}

#[test]
fn datasets_all_requests_the_pages_an_earlier_run_saw_at_once() {
    let sandbox = Sandbox::with(Setup {
        datasets: many_datasets(250, 1),
        latency: std::time::Duration::from_millis(60),
        ..Setup::default()
    });
    let first = ok(&sandbox, &["datasets", "--all", "-o", "ndjson"]);
    let before = dataset_requests(&sandbox);
    // The first run reads page 0 alone; the second has all three in flight at once.
    assert_eq!(before.iter().map(|r| r.in_flight).max(), Some(2));
    let again = ok(&sandbox, &["datasets", "--all", "-o", "ndjson"]);
    assert_eq!(again.stdout, first.stdout);
    let after = dataset_requests(&sandbox);
    let second = &after[before.len()..];
    assert_eq!(second.len(), 3);
    assert_eq!(second.iter().map(|r| r.in_flight).max(), Some(3));
    // The total holds whatever the page size: at 50 a page, five pages at once.
    let smaller = ok(
        &sandbox,
        &["datasets", "--all", "--limit", "50", "-o", "ndjson"],
    );
    assert_eq!(smaller.stdout, first.stdout);
    let third = &dataset_requests(&sandbox)[after.len()..];
    assert_eq!(third.len(), 5);
    assert_eq!(third.iter().map(|r| r.in_flight).max(), Some(5));
    // A search is a listing of its own, whose first page goes alone.
    let searched = ok(
        &sandbox,
        &["datasets", "--all", "--name", "MaNy", "-o", "ndjson"],
    );
    assert_eq!(searched.stdout, first.stdout);
    let fourth = &dataset_requests(&sandbox)[after.len() + 5..];
    assert_eq!(fourth[0].in_flight, 1);
    assert_eq!(fourth.iter().map(|r| r.in_flight).max(), Some(2));
}

#[test]
fn list_a_opens_the_datasets_connections_while_the_dataset_list_is_on_its_way() {
    let sandbox = Sandbox::with(Setup {
        latency: std::time::Duration::from_millis(60),
        ..four_setup()
    });
    let out = ok(
        &sandbox,
        &["list", "-A", "-o", "ndjson", "--concurrency", "6"],
    );
    assert_eq!(stdout_of(&out).lines().count(), 3 + 120 + 5);
    // As many connections as may be in flight, opened at the start (the listing itself
    // has at most four requests in flight, one a dataset), and the datasets' pages
    // found them ready.
    assert_eq!(sandbox.server.connections_accepted(), 6);
    let mut used: Vec<usize> = sandbox.requests().iter().map(|r| r.connection).collect();
    used.sort_unstable();
    used.dedup();
    assert!(used.len() >= 3, "{used:?}");
}
