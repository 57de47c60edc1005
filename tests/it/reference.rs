//! The API reference's own example responses (`tests/fixtures/api/`), served by the fake
//! server: every output format shows all they hold.

use std::collections::HashMap;

use crate::support::*;
use fake_modelarts::fixtures::*;
use fake_modelarts::*;
use serde_json::Value;

/// Every column, in the order `--wide` shows them.
const ALL_COLUMNS: &str =
    "id,name,type,status,progress,samples,age,elapsed,created,model,version,unconfirmed,message";

/// The task fields each column shows (any one of them will do), as JSON pointers.
const SOURCES: [(&str, &[&str]); 13] = [
    ("ID", &["/task_id"]),
    ("NAME", &["/task_name", "/config/name"]),
    ("TYPE", &["/type"]),
    ("STATUS", &["/status"]),
    ("PROGRESS", &["/progress"]),
    (
        "SAMPLES",
        &[
            "/annotated_sample_count",
            "/total_sample_count",
            "/result/annotated_sample_count",
            "/result/total_sample_count",
        ],
    ),
    ("AGE", &["/create_time"]),
    ("ELAPSED", &["/elapsed_time"]),
    ("CREATED", &["/create_time"]),
    ("MODEL", &["/model_name"]),
    ("VERSION", &["/model_version"]),
    ("UNCONFIRMED", &["/unconfirmed_sample_count"]),
    (
        "MESSAGE",
        &["/error_code", "/error_msg", "/error_detail", "/message"],
    ),
];

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

/// A table's rows as header → cell maps. Cells are separated by at least two spaces and
/// hold no two spaces in a row themselves (true of the reference's examples).
fn table_rows(text: &str) -> Vec<HashMap<String, String>> {
    let cells = |line: &str| -> Vec<String> {
        line.split("  ")
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(str::to_string)
            .collect()
    };
    let mut lines = text.lines();
    let header = cells(lines.next().expect("a header"));
    lines
        .map(|line| {
            let row = cells(line);
            assert_eq!(row.len(), header.len(), "{line:?} under {header:?}");
            header.iter().cloned().zip(row).collect()
        })
        .collect()
}

/// No `-` in a column whose fields the task has.
fn assert_shown(row: &HashMap<String, String>, task: &Value, example: &str) {
    for (column, fields) in SOURCES {
        let Some(cell) = row.get(column) else {
            continue;
        };
        let has = fields
            .iter()
            .any(|f| task.pointer(f).is_some_and(|v| !v.is_null()));
        if has {
            assert!(
                cell != "-" && !cell.contains("/-") && !cell.starts_with("-/"),
                "{example}: {column} is {cell:?} but the task has {fields:?}: {row:?}"
            );
        }
    }
}

#[test]
fn the_reference_task_lists_render_fully_in_every_format() {
    for example in TASK_LIST_EXAMPLES {
        let answer = api_example(example);
        let expected = json(&answer);
        let tasks = expected["tasks"].as_array().unwrap();
        assert_eq!(tasks.len(), 2, "{example}");
        let sandbox = Sandbox::with(Setup::listing(&answer));

        // JSON: the whole answer, every task and top-level field, nothing lost.
        let out = sandbox.run(&["list", "-o", "json"]);
        assert_ok(&out);
        let doc = json(&stdout_of(&out));
        for (shown, task) in doc["tasks"].as_array().unwrap().iter().zip(tasks) {
            assert_eq!(shown, task, "{example}");
        }
        assert_eq!(
            doc["exist_running_deploy_task"], expected["exist_running_deploy_task"],
            "{example}"
        );
        assert_eq!(doc, expected, "{example}");
        // Numbers as the server wrote them.
        assert!(stdout_of(&out).contains(r#""progress":100.0"#), "{example}");

        // NDJSON: the tasks, one a line.
        let out = sandbox.run(&["list", "-o", "ndjson"]);
        assert_ok(&out);
        let lines: Vec<Value> = stdout_of(&out).lines().map(json).collect();
        assert_eq!(&lines, tasks, "{example}");

        // The table, wide and with every column chosen: a value wherever the task has one.
        for args in [&["list", "--wide"][..], &["list", "--columns", ALL_COLUMNS]] {
            let out = sandbox.run(args);
            assert_ok(&out);
            let rows = table_rows(&stdout_of(&out));
            assert_eq!(rows.len(), tasks.len(), "{example} {args:?}");
            assert_eq!(rows[0].len(), SOURCES.len(), "{example} {args:?}");
            for (row, task) in rows.iter().zip(tasks) {
                assert_shown(row, task, example);
            }
            let first = &rows[0];
            assert_eq!(first["ID"], "14cyxyu6UXaNT3lrPFl");
            assert_eq!(first["TYPE"], "pre-label");
            assert_eq!(first["SAMPLES"], "38/246");
            assert_eq!(first["ELAPSED"], "8m51s");
            // Written without a zone, in UTC+08:00; shown here in UTC (TZ).
            assert_eq!(first["CREATED"], "2020-11-03 07:22:39 +00:00");
            assert_eq!(first["AGE"], "6y27d");
            assert_eq!(first["MODEL"], "auto-deploy-50041602581620628");
            assert_eq!(first["UNCONFIRMED"], "208");
            assert_eq!(first["MESSAGE"], "prelabel task execute successfully.");
            assert_eq!(rows[1]["TYPE"], "auto-label");
            assert_eq!(rows[1]["STATUS"], "succeeded");
        }
    }
}

/// The ID asked for; the example's answer does not say it.
const ASKED: &str = "Au7oLaBeLtask000001";

#[test]
fn the_reference_details_render_fully() {
    let sandbox = Sandbox::with(Setup {
        details: HashMap::from([(ASKED.to_string(), api_example(TASK_DETAILS_EXAMPLE))]),
        ..Setup::default()
    });
    // Eight hours east of UTC, the time the reference wrote, with its offset.
    let out = sandbox
        .cmd()
        .env("TZ", "CST-8")
        .args(["get", ASKED])
        .output()
        .unwrap();
    assert_ok(&out);
    assert_eq!(
        stdout_of(&out),
        format!(
            "ID        {ASKED}\n\
             NAME      -\n\
             TYPE      auto-label (from config.algorithm_type)\n\
             STATUS    running\n\
             PROGRESS  10%\n\
             SAMPLES   30/49\n\
             CREATED   2020-11-23 11:08:20 +08:00\n\
             ELAPSED   0s\n\
             MESSAGE   Start to export annotations. Export task id is jMZGm2SBp4Ymr2wrhAK\n"
        )
    );
    assert_eq!(
        sandbox.requests().pop().unwrap().path,
        format!("/v2/{PROJECT}/datasets/{DATASET}/tasks/{ASKED}")
    );

    // JSON is the server's object, on one line, with nothing added.
    let out = sandbox.run(&["get", ASKED, "-o", "json"]);
    assert_ok(&out);
    let text = stdout_of(&out);
    assert_eq!(text.lines().count(), 1);
    assert_eq!(json(&text), json(&api_example(TASK_DETAILS_EXAMPLE)));
    assert!(!text.contains("task_id") && !text.contains(r#""type""#));
    assert!(text.contains(r#""progress":10.0"#), "{text}");

    // `wait` names it by the ID asked for too.
    let out = sandbox.run(&["wait", ASKED, "--interval", "1s", "--timeout", "1s"]);
    assert_eq!(out.status.code(), Some(124), "{}", stderr_of(&out));
    let err = stderr_of(&out);
    assert!(
        err.contains(&format!(" task {ASKED}: running 10% (after ")),
        "{err}"
    );
    assert!(
        err.ends_with(&format!(
            "error: gave up waiting for task {ASKED} after 1s, still running at 10%; it goes \
             on (wait longer with --timeout)\n"
        )),
        "{err}"
    );
}

/// Every example response of the reference, by page: (page, its list's items and total
/// keys, or for one object the key that identifies it).
const EXAMPLES: [(&str, Shape); 14] = [
    ("ListTasks", Shape::List("tasks", "total_count")),
    (
        "obtaining_an_auto_labeling_task_list_by_page",
        Shape::List("tasks", "total_count"),
    ),
    (
        "obtaining_details_about_an_auto_labeling_task",
        Shape::One("resource_id"),
    ),
    ("starting_intelligent_tasks", Shape::One("task_id")),
    ("stopping_an_intelligent_task", Shape::Empty),
    (
        "querying_the_dataset_list",
        Shape::List("datasets", "total_number"),
    ),
    (
        "querying_the_dataset_import_task_list",
        Shape::List("import_tasks", "total_count"),
    ),
    (
        "querying_details_about_a_dataset_import_task",
        Shape::One("task_id"),
    ),
    (
        "querying_the_dataset_export_task_list",
        Shape::List("export_tasks", "total_count"),
    ),
    (
        "querying_the_status_of_a_dataset_export_task",
        Shape::One("task_id"),
    ),
    (
        "querying_the_dataset_version_list",
        Shape::List("versions", "total_number"),
    ),
    (
        "querying_details_about_a_dataset_version",
        Shape::One("version_id"),
    ),
    (
        "querying_the_team_labeling_task_list_of_a_dataset",
        Shape::List("tasks", "count"),
    ),
    (
        "querying_details_about_a_team_labeling_task",
        Shape::One("task_id"),
    ),
];

enum Shape {
    /// A page: an array of items and their total.
    List(&'static str, &'static str),
    /// One object, named by this key.
    One(&'static str),
    /// `{ }`, as the reference shows a 204.
    Empty,
}

#[test]
fn every_reference_example_is_here_and_well_formed() {
    let mut files: Vec<String> = std::fs::read_dir(api_examples_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.ends_with(".json"))
        .collect();
    files.sort();
    let mut expected: Vec<String> = EXAMPLES
        .iter()
        .map(|(page, _)| format!("{page}.json"))
        .collect();
    expected.sort();
    assert_eq!(files, expected);

    for (page, shape) in EXAMPLES {
        let text = api_example(page);
        let example = json(&text);
        let object = example
            .as_object()
            .unwrap_or_else(|| panic!("{page}: not an object"));
        match shape {
            Shape::List(items, total) => {
                let list = example[items]
                    .as_array()
                    .unwrap_or_else(|| panic!("{page}: no `{items}` array"));
                assert!(!list.is_empty(), "{page}");
                assert!(list.iter().all(Value::is_object), "{page}");
                assert_eq!(
                    example[total].as_u64(),
                    Some(list.len() as u64),
                    "{page}: `{total}`"
                );
            }
            Shape::One(key) => {
                assert!(example[key].is_string(), "{page}: no `{key}`");
            }
            Shape::Empty => assert!(object.is_empty(), "{page}"),
        }
        assert!(text.ends_with("}\n"), "{page}");
    }
}
