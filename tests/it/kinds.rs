//! `--kind`: a dataset's import and export tasks, versions and team labeling tasks,
//! listed, shown and waited for as intelligent tasks are, each by its own keys,
//! statuses and columns. The tests are tables over the four kinds.

use crate::support::*;
use fake_modelarts::*;

/// One kind, as a test drives it: its `--kind` name, its fake description, and
/// statuses of each outcome as the server writes them and as matasks names them.
struct Case {
    name: &'static str,
    fake: JobKind,
    /// A status of a job under way.
    running: (&'static str, &'static str),
    /// A status of a job that succeeded.
    succeeded: (&'static str, &'static str),
    /// A status of a job that failed, where the kind has one.
    failed: Option<(&'static str, &'static str)>,
    /// The table's header, by the kind's default columns.
    header: &'static str,
    /// The reference's example list, as the fake serves it.
    example: &'static str,
}

const CASES: [Case; 4] = [
    Case {
        name: "import",
        fake: JobKind::IMPORT,
        running: ("\"RUNNING\"", "running"),
        succeeded: ("\"COMPLETED\"", "completed"),
        failed: Some(("\"FAILED\"", "failed")),
        header: "ID STATUS IMPORTED ANNOTATED PATH AGE",
        example: "querying_the_dataset_import_task_list",
    },
    Case {
        name: "export",
        fake: JobKind::EXPORT,
        running: ("\"RUNNING\"", "running"),
        succeeded: ("\"SUCCESSED\"", "succeeded"),
        failed: Some(("\"FAILED\"", "failed")),
        header: "ID STATUS PROGRESS SAMPLES PATH AGE",
        example: "querying_the_dataset_export_task_list",
    },
    Case {
        name: "version",
        fake: JobKind::VERSION,
        running: ("0", "creating"),
        succeeded: ("1", "normal"),
        failed: Some(("4", "error")),
        header: "ID VERSION NAME STATUS SAMPLES CURRENT AGE",
        example: "querying_the_dataset_version_list",
    },
    Case {
        // A team labeling task never fails: it is accepted, or rejected and relabeled.
        name: "team",
        fake: JobKind::TEAM,
        running: ("1", "running"),
        succeeded: ("3", "accepted"),
        failed: None,
        header: "ID NAME STATUS SAMPLES AGE",
        example: "querying_the_team_labeling_task_list_of_a_dataset",
    },
];

/// A sandbox whose dataset has `jobs` of the case's kind.
fn with_jobs(case: &Case, jobs: Vec<Job>) -> Sandbox {
    with_jobs_counting(case, jobs, OffsetMode::Page)
}

fn with_jobs_counting(case: &Case, jobs: Vec<Job>, offset_mode: OffsetMode) -> Sandbox {
    Sandbox::with(Setup {
        jobs: vec![JobList::new(DATASET, case.fake, jobs)],
        offset_mode,
        ..Setup::default()
    })
}

/// `n` jobs of the case's kind, `j00`, `j01`, ..., alternately running and succeeded.
fn numbered(case: &Case, n: usize) -> Vec<Job> {
    (0..n)
        .map(|i| {
            let status = if i % 2 == 0 {
                case.running.0
            } else {
                case.succeeded.0
            };
            case.fake.job(&format!("j{i:02}"), status)
        })
        .collect()
}

/// The IDs of the NDJSON lines on stdout, read by the case's ID key.
fn ids(case: &Case, out: &std::process::Output) -> Vec<String> {
    stdout_of(out)
        .lines()
        .map(|line| {
            let job: serde_json::Value = serde_json::from_str(line).expect("NDJSON line");
            job[case.fake.id_key].as_str().unwrap().to_string()
        })
        .collect()
}

fn names(range: std::ops::Range<usize>) -> Vec<String> {
    range.map(|i| format!("j{i:02}")).collect()
}

/// The list requests the server saw: (limit, offset) each.
fn pages_asked(sandbox: &Sandbox, case: &Case) -> Vec<(String, String)> {
    let path = format!("/v2/{PROJECT}/datasets/{DATASET}/{}", case.fake.collection);
    sandbox
        .requests()
        .into_iter()
        .filter(|r| r.path == path)
        .map(|r| (r.params["limit"].clone(), r.params["offset"].clone()))
        .collect()
}

#[test]
fn kinds_list_one_page_or_every_page_by_their_own_keys() {
    for case in &CASES {
        let sandbox = with_jobs(case, numbered(case, 25));
        let out = sandbox.run(&["list", "--kind", case.name, "-o", "ndjson"]);
        assert_ok(&out);
        assert_eq!(ids(case, &out), names(0..10), "{}", case.name);
        assert_eq!(
            pages_asked(&sandbox, case),
            [("10".into(), "0".into())],
            "{}",
            case.name
        );
        // Page 2 of 10.
        let out = sandbox.run(&["list", "-k", case.name, "--offset", "2", "-o", "ndjson"]);
        assert_eq!(ids(case, &out), names(20..25), "{}", case.name);

        // Every page, by pages or by records, found out on the way.
        for (mode, counting) in [(OffsetMode::Page, "pages"), (OffsetMode::Record, "records")] {
            let sandbox = with_jobs_counting(case, numbered(case, 25), mode);
            let out = sandbox.run(&[
                "list", "--kind", case.name, "--all", "--limit", "7", "-o", "ndjson",
            ]);
            assert_ok(&out);
            assert_eq!(ids(case, &out), names(0..25), "{} {counting}", case.name);
        }

        // --all asks for the kind's largest pages.
        let sandbox = with_jobs(case, numbered(case, 25));
        let out = sandbox.run(&["list", "--kind", case.name, "--all"]);
        assert_ok(&out);
        let largest = case.fake.max_limit.to_string();
        assert_eq!(
            pages_asked(&sandbox, case),
            [(largest, "0".into())],
            "{}",
            case.name
        );
        assert_eq!(
            stderr_of(&out),
            format!("25 {}\n", plural(case)),
            "{}",
            case.name
        );
    }
}

/// What the summary calls the case's jobs.
fn plural(case: &Case) -> &'static str {
    match case.name {
        "import" => "import tasks",
        "export" => "export tasks",
        "version" => "versions",
        _ => "team labeling tasks",
    }
}

#[test]
fn a_page_size_beyond_a_kinds_largest_is_refused_before_asking() {
    for (case, allowed) in CASES.iter().zip([false, false, true, true]) {
        let out = matasks()
            .args(["list", "--kind", case.name, "--limit", "1000"])
            .output()
            .unwrap();
        if allowed {
            // No usage error: it goes on to look for settings.
            assert_ne!(out.status.code(), Some(2), "{}", case.name);
        } else {
            assert_eq!(out.status.code(), Some(2), "{}", case.name);
            assert_stderr_has(&out, "a page holds at most 100 items");
        }
    }
}

#[test]
fn json_is_the_servers_own_and_the_table_shows_each_kinds_columns() {
    for case in &CASES {
        let sandbox = Sandbox::with(Setup {
            jobs: vec![JobList::from_example(DATASET, case.fake, case.example)],
            ..Setup::default()
        });
        let out = sandbox.run(&["list", "--kind", case.name, "-o", "json"]);
        assert_ok(&out);
        let printed: serde_json::Value = serde_json::from_str(&stdout_of(&out)).unwrap();
        let reference: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(format!(
                "{}/tests/fixtures/api/{}.json",
                env!("CARGO_MANIFEST_DIR"),
                case.example
            ))
            .unwrap(),
        )
        .unwrap();
        assert_eq!(printed, reference, "{}", case.name);

        let out = sandbox.run(&["list", "--kind", case.name]);
        assert_ok(&out);
        let table = stdout_of(&out);
        let mut lines = table.lines();
        let header: Vec<&str> = lines.next().unwrap().split_whitespace().collect();
        assert_eq!(header.join(" "), case.header, "{}", case.name);
        let items = reference[case.fake.items_key].as_array().unwrap();
        for (item, line) in items.iter().zip(lines) {
            let id = item[case.fake.id_key].as_str().unwrap();
            assert!(line.starts_with(id), "{line}");
            let status = item[case.fake.status_key].to_string();
            let named = [case.running, case.succeeded]
                .into_iter()
                .find(|(raw, _)| *raw == status)
                .map(|(_, name)| name)
                .expect("the examples' statuses are among the cases'");
            assert!(
                line.contains(&format!("  {named}  ")),
                "{}: {line}",
                case.name
            );
        }
        assert_eq!(table.lines().count(), items.len() + 1, "{table}");
    }
}

#[test]
fn the_status_is_coloured_by_what_it_says_of_the_job() {
    for case in &CASES {
        let sandbox = with_jobs(
            case,
            vec![
                case.fake.job("ok", case.succeeded.0),
                case.fake.job("on", case.running.0),
            ],
        );
        let out = sandbox.run(&["--color", "always", "list", "--kind", case.name]);
        assert_ok(&out);
        let table = stdout_of(&out);
        assert!(
            table.contains(&format!("\x1b[38;5;10m{}\x1b[39m", case.succeeded.1)),
            "{table:?}"
        );
        assert!(
            table.contains(&format!("\x1b[38;5;14m{}\x1b[39m", case.running.1)),
            "{table:?}"
        );
    }
}

#[test]
fn status_filters_by_the_kinds_names_and_refuses_others_with_the_closest() {
    for case in &CASES {
        let sandbox = with_jobs(case, numbered(case, 25));
        let out = sandbox.run(&[
            "list",
            "--kind",
            case.name,
            "--status",
            case.succeeded.1,
            "-o",
            "ndjson",
        ]);
        assert_ok(&out);
        let odd: Vec<String> = (0..25)
            .filter(|i| i % 2 == 1)
            .map(|i| format!("j{i:02}"))
            .collect();
        assert_eq!(ids(case, &out), odd, "{}", case.name);

        let out = sandbox.run(&["list", "--kind", case.name, "--status", case.running.1]);
        assert_ok(&out);
        assert_stderr_has(&out, "13 matching --status");

        // Another kind's name, or a task's, is a usage error that lists this kind's.
        let out = sandbox.run(&["list", "--kind", case.name, "--status", "stopped"]);
        assert_eq!(out.status.code(), Some(2), "{}", case.name);
        let err = stderr_of(&out);
        assert!(
            err.starts_with(&format!(
                "error: `stopped` is not a status of {}",
                plural(case)
            )),
            "{err}"
        );
        assert!(err.contains(case.succeeded.1), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    }
    // A typo gets the closest name.
    let out = matasks()
        .args(["list", "--kind", "import", "--status", "complted"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_stderr_has(&out, "(did you mean `completed`?)");
}

#[test]
fn sort_columns_tsv_csv_and_jq_work_for_every_kind() {
    for case in &CASES {
        let sandbox = with_jobs(case, numbered(case, 5));
        let out = sandbox.run(&[
            "list",
            "--kind",
            case.name,
            "--sort",
            "-id",
            "--columns",
            "id,status",
            "-o",
            "csv",
        ]);
        assert_ok(&out);
        assert_eq!(
            stdout_of(&out),
            format!(
                "ID,STATUS\nj04,{r}\nj03,{s}\nj02,{r}\nj01,{s}\nj00,{r}\n",
                r = case.running.1,
                s = case.succeeded.1
            ),
            "{}",
            case.name
        );
        let out = sandbox.run(&[
            "list",
            "-k",
            case.name,
            "--sort",
            "status",
            "--columns",
            "status,id",
            "-o",
            "tsv",
            "--no-headers",
        ]);
        assert_ok(&out);
        let rows: Vec<String> = stdout_of(&out).lines().map(str::to_string).collect();
        let (r, s) = (case.running.1, case.succeeded.1);
        assert_eq!(
            rows,
            [
                format!("{r}\tj00"),
                format!("{r}\tj02"),
                format!("{r}\tj04"),
                format!("{s}\tj01"),
                format!("{s}\tj03"),
            ],
            "{}",
            case.name
        );
        let program = format!(".{}[].{}", case.fake.items_key, case.fake.id_key);
        let out = sandbox.run(&["list", "--kind", case.name, "--jq", &program]);
        assert_ok(&out);
        assert_eq!(
            stdout_of(&out),
            "j00\nj01\nj02\nj03\nj04\n",
            "{}",
            case.name
        );

        // $status names the kind's own statuses.
        let program = format!(
            ".{}[] | select(.{} == $status.{}) | .{}",
            case.fake.items_key, case.fake.status_key, case.succeeded.1, case.fake.id_key
        );
        let out = sandbox.run(&["list", "--kind", case.name, "--jq", &program]);
        assert_ok(&out);
        assert_eq!(stdout_of(&out), "j01\nj03\n", "{}", case.name);
        let program = format!(".{} | $status_name[tostring]", case.fake.status_key);
        let out = sandbox.run(&["get", "--kind", case.name, "j01", "--jq", &program]);
        assert_ok(&out);
        assert_eq!(stdout_of(&out), format!("{}\n", case.succeeded.1));

        // A column another kind has, or a task's, is not this kind's.
        let out = sandbox.run(&["list", "--kind", case.name, "--columns", "type"]);
        assert_eq!(out.status.code(), Some(2), "{}", case.name);
        assert_stderr_has(&out, "`type` is not a column of the");
    }
}

#[test]
fn options_of_intelligent_tasks_only_are_usage_errors_with_another_kind() {
    for args in [
        &["list", "--kind", "version", "--type", "auto-label"][..],
        &["list", "--kind", "export", "--task-name", "x"],
    ] {
        let out = matasks().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = stderr_of(&out);
        assert!(err.contains("cannot be used with --kind"), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    }
    // And the other way: a kind's own names are not a task's, which clap lists.
    let out = matasks()
        .args(["list", "--status", "completed"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_stderr_has(
        &out,
        "error: invalid value 'completed' for '--status <STATUS>'\n  [possible values: queued,",
    );
}

#[test]
fn get_shows_a_job_by_its_kinds_path_as_keys_and_values_or_as_json() {
    for case in &CASES {
        let job = case.fake.job("j01", case.succeeded.0);
        let text = job.texts[0].clone();
        let sandbox = with_jobs(case, vec![job]);
        let out = sandbox.run(&["get", "--kind", case.name, "j01"]);
        assert_ok(&out);
        let shown = stdout_of(&out);
        assert!(shown.starts_with("ID "), "{shown}");
        let status_row = shown.lines().find(|l| l.starts_with("STATUS")).unwrap();
        assert_eq!(
            status_row.split_whitespace().nth(1),
            Some(case.succeeded.1),
            "{shown}"
        );
        let request = sandbox.requests().pop().unwrap();
        assert_eq!(
            request.path,
            format!(
                "/v2/{PROJECT}/datasets/{DATASET}/{}/j01",
                case.fake.collection
            )
        );
        let out = sandbox.run(&["get", "-k", case.name, "j01", "-o", "json"]);
        assert_ok(&out);
        let printed: serde_json::Value = serde_json::from_str(&stdout_of(&out)).unwrap();
        let served: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(printed, served, "{}", case.name);
    }
}

#[test]
fn a_missing_job_exits_5_for_get_and_wait() {
    for case in &CASES {
        let sandbox = with_jobs(case, numbered(case, 1));
        for command in ["get", "wait"] {
            let out = sandbox.run(&[command, "--kind", case.name, "nosuchjob"]);
            assert_eq!(out.status.code(), Some(5), "{command} {}", case.name);
            assert_stderr_has(&out, case.fake.missing.code);
        }
    }
}

#[test]
fn wait_ends_with_the_kinds_outcome() {
    for case in &CASES {
        let moving = case
            .fake
            .moving("j01", &[case.running.0, case.running.0, case.succeeded.0]);
        let sandbox = with_jobs(case, vec![moving]);
        let out = sandbox.run(&["wait", "--kind", case.name, "j01", "--interval", "1s"]);
        assert_ok(&out);
        let err = stderr_of(&out);
        assert!(err.contains(&format!("j01: {}", case.running.1)), "{err}");
        let ended = match case.succeeded.1 {
            "succeeded" => "j01 succeeded (waited".to_string(),
            name => format!("j01 succeeded ({name}) (waited"),
        };
        assert!(err.contains(&ended), "{err}");
        if let Some(failed) = case.failed {
            let moving = case.fake.moving("j02", &[case.running.0, failed.0]);
            let sandbox = with_jobs(case, vec![moving]);
            let out = sandbox.run(&[
                "wait",
                "--kind",
                case.name,
                "j02",
                "--interval",
                "1s",
                "-o",
                "json",
            ]);
            assert_eq!(out.status.code(), Some(7), "{}", case.name);
            assert_stderr_has(&out, &format!("j02 failed ({})", failed.1));
            let last: serde_json::Value = serde_json::from_str(&stdout_of(&out)).unwrap();
            assert_eq!(
                last[case.fake.status_key].to_string(),
                failed.0,
                "{}",
                case.name
            );
        }
    }
}

#[test]
fn a_job_deleted_or_gone_exits_8_and_an_unknown_status_is_waited_through() {
    for (case, gone, name) in [
        (&CASES[0], "\"NOT_EXIST\"", "not-exist"),
        (&CASES[2], "3", "deleted"),
    ] {
        let sandbox = with_jobs(case, vec![case.fake.moving("j01", &[case.running.0, gone])]);
        let out = sandbox.run(&["wait", "-k", case.name, "j01", "--interval", "1s"]);
        assert_eq!(out.status.code(), Some(8), "{}", case.name);
        assert_stderr_has(&out, &format!("j01 ended unfinished ({name})"));
    }
    let case = &CASES[0];
    let sandbox = with_jobs(
        case,
        vec![
            case.fake
                .moving("j01", &["\"PAUSED\"", "\"PAUSED\"", case.succeeded.0]),
        ],
    );
    let out = sandbox.run(&["wait", "-k", "import", "j01", "--interval", "1s"]);
    assert_ok(&out);
    let err = stderr_of(&out);
    assert_eq!(
        err.matches("is in status `PAUSED`, which matasks does not know")
            .count(),
        1,
        "{err}"
    );
    assert!(err.contains("j01: PAUSED (after"), "{err}");
}

#[test]
fn wait_gives_up_at_the_timeout_saying_where_the_job_was() {
    let case = &CASES[1];
    let sandbox = with_jobs(
        case,
        vec![
            case.fake
                .job("j01", case.running.0)
                .with("progress", "42.0"),
        ],
    );
    let out = sandbox.run(&[
        "wait",
        "--kind",
        "export",
        "j01",
        "--interval",
        "1s",
        "--timeout",
        "2s",
    ]);
    assert_eq!(out.status.code(), Some(124));
    assert_stderr_has(
        &out,
        "gave up waiting for export task j01 after 2s, still running at 42%",
    );
}

/// The datasets of the listings across datasets: (ID, name), with their jobs' counts.
const SOME_DATASETS: [(&str, &str, usize); 3] = [
    ("KiNdSdAtAsEt0000001", "alpha", 3),
    ("KiNdSdAtAsEt0000002", "beta", 0),
    ("KiNdSdAtAsEt0000003", "gamma", 12),
];

/// Every dataset of [`SOME_DATASETS`] with its jobs of the case's kind: `d1-j00`, ...,
/// alternately running and succeeded.
fn across(case: &Case) -> Sandbox {
    let mut setup = Setup::default();
    setup.jobs.clear();
    setup.datasets.clear();
    setup.dataset_names.clear();
    for (n, (id, name, count)) in SOME_DATASETS.iter().enumerate() {
        setup
            .datasets
            .insert(id.to_string(), Tasks::Fixed(Vec::new()));
        setup.dataset_names.insert(id.to_string(), name.to_string());
        let jobs = numbered(case, *count)
            .into_iter()
            .zip(0..)
            .map(|(job, i)| job.with(case.fake.id_key, &format!("\"d{n}-j{i:02}\"")))
            .collect();
        setup.jobs.push(JobList::new(id, case.fake, jobs));
    }
    Sandbox::with(setup)
}

#[test]
fn list_all_datasets_lists_each_datasets_jobs_of_a_kind() {
    for case in &CASES {
        let sandbox = across(case);
        let out = sandbox.run(&["list", "-A", "--kind", case.name, "-o", "ndjson"]);
        assert_ok(&out);
        let mut expected = names(0..3)
            .into_iter()
            .map(|id| format!("d0-{id}"))
            .collect::<Vec<_>>();
        expected.extend(names(0..12).into_iter().map(|id| format!("d2-{id}")));
        assert_eq!(ids(case, &out), expected, "{}", case.name);
        // Every page of each dataset's collection, in the kind's largest pages.
        let asked: Vec<String> = sandbox
            .requests()
            .iter()
            .filter(|r| r.path.ends_with(case.fake.collection))
            .map(|r| r.params["limit"].clone())
            .collect();
        assert_eq!(asked, vec![case.fake.max_limit.to_string(); 3]);

        // The table names each job's dataset, and the summary counts them all.
        let out = sandbox.run(&[
            "list",
            "-A",
            "-k",
            case.name,
            "--status",
            case.succeeded.1,
            "--columns",
            "id,status",
        ]);
        assert_ok(&out);
        let table = stdout_of(&out);
        let mut lines = table.lines();
        assert_eq!(
            lines.next().unwrap().split_whitespace().collect::<Vec<_>>(),
            ["DATASET", "ID", "STATUS"]
        );
        let first: Vec<&str> = lines.next().unwrap().split_whitespace().collect();
        assert_eq!(first, ["alpha", "d0-j01", case.succeeded.1]);
        assert!(table.contains("gamma    d2-j11"), "{table}");
        assert_eq!(table.lines().count(), 1 + 1 + 6, "{table}");
        assert_eq!(
            stderr_of(&out),
            format!("15 {} in 3 datasets, 7 matching --status\n", plural(case))
        );

        // Sorted as one list, each row still naming its dataset.
        let out = sandbox.run(&[
            "list",
            "-A",
            "-k",
            case.name,
            "--sort",
            "-id",
            "--columns",
            "id",
            "-o",
            "csv",
        ]);
        assert_ok(&out);
        let csv = stdout_of(&out);
        let rows: Vec<&str> = csv.lines().skip(1).take(2).collect();
        assert_eq!(rows, ["gamma,d2-j11", "gamma,d2-j10"], "{}", case.name);

        // JSON keeps each dataset's jobs together, under the kind's own key.
        let out = sandbox.run(&["list", "-A", "-k", case.name, "-o", "json"]);
        assert_ok(&out);
        let document: serde_json::Value = serde_json::from_str(&stdout_of(&out)).unwrap();
        let groups = document["datasets"].as_array().unwrap();
        assert_eq!(groups.len(), 3);
        assert_eq!(groups[2]["dataset_name"], "gamma");
        assert_eq!(groups[2][case.fake.items_key].as_array().unwrap().len(), 12);
        assert_eq!(document["total_count"], 15);
    }
}

#[test]
fn watch_logs_each_job_that_appears_or_changes_until_all_are_done() {
    for case in &CASES {
        let clock = Clock {
            since: std::time::Instant::now(),
            step: std::time::Duration::from_millis(1500),
            again_after: None,
        };
        let sandbox = with_jobs(
            case,
            vec![
                case.fake
                    .moving("on", &[case.running.0, case.succeeded.0])
                    .on_clock(clock),
                case.fake.job("ok", case.succeeded.0),
            ],
        );
        let out = sandbox.run(&[
            "list",
            "-k",
            case.name,
            "--watch",
            "--until-done",
            "--interval",
            "1s",
            "-o",
            "ndjson",
        ]);
        assert_ok(&out);
        let changes: Vec<String> = stdout_of(&out)
            .lines()
            .map(|line| {
                let job: serde_json::Value = serde_json::from_str(line).unwrap();
                format!(
                    "{} {}",
                    job[case.fake.id_key].as_str().unwrap(),
                    job[case.fake.status_key]
                )
            })
            .collect();
        let (running, succeeded) = (case.running.0, case.succeeded.0);
        assert_eq!(
            changes,
            [
                format!("on {running}"),
                format!("ok {succeeded}"),
                format!("on {succeeded}"),
            ],
            "{}",
            case.name
        );
        assert_eq!(stderr_of(&out), "", "{}", case.name);
    }
}

#[cfg(unix)]
#[test]
fn watch_redraws_a_kinds_table_in_place_on_a_terminal() {
    let case = &CASES[2];
    let sandbox = with_jobs(
        case,
        vec![
            case.fake
                .moving("on", &[case.running.0, case.succeeded.0])
                .on_clock(Clock {
                    since: std::time::Instant::now(),
                    step: std::time::Duration::from_millis(1500),
                    again_after: None,
                }),
            case.fake.job("ok", case.succeeded.0),
        ],
    );
    let mut cmd = sandbox.std_cmd();
    cmd.env("TERM", "xterm-256color").args([
        "list",
        "--kind",
        "version",
        "--watch",
        "--until-done",
        "--interval",
        "1s",
        "--color",
        "never",
    ]);
    let run = pty::run_on_terminal(cmd, 120);
    assert!(run.status.success(), "{}", run.screen);
    let drawings: Vec<&str> = run.screen.split("\x1b[H").skip(1).collect();
    assert!(drawings.len() >= 2, "{:?}", run.screen);
    assert!(drawings[0].contains("  creating  "), "{}", drawings[0]);
    let last = drawings.last().unwrap();
    let header = last.lines().nth(2).unwrap();
    assert!(header.starts_with("ID "), "{last:?}");
    assert!(header.contains("VERSION NAME  STATUS"), "{last:?}");
    assert!(
        last.ends_with("2 versions\x1b[K\n\x1b[Jevery version listed is done\n"),
        "{last:?}"
    );
}

/// A kind the command line has no name for, described to the fake server...
const REVIEWS: JobKind = JobKind {
    collection: "review-jobs",
    items_key: "reviews",
    total_key: "review_total",
    id_key: "review_id",
    status_key: "state",
    default_limit: 5,
    max_limit: 7,
    missing: Refusal {
        status: 404,
        code: "APIGW.0101",
        message: "The API does not exist or has not been published",
    },
    filters: &[],
    example: r#"{"review_id":"x","state":"WAITING","done_percent":0,"create_time":1606114833874}"#,
};

/// ... and to matasks, which knows it by this description alone.
static REVIEW_KIND: matasks::jobs::Kind = {
    use matasks::jobs::{JobColumn, JobStatus, Kind, Outcome, Resource, Show, StatusValue};
    Kind {
        name: "review",
        resource: Resource {
            singular: "review",
            plural: "reviews",
            items_key: "reviews",
            total_key: "review_total",
            id_key: "review_id",
            total_cap: None,
        },
        collection: "review-jobs",
        max_limit: 7,
        status_key: "state",
        statuses: &[
            JobStatus {
                value: StatusValue::Text("WAITING"),
                name: "waiting",
                outcome: Outcome::Pending,
            },
            JobStatus {
                value: StatusValue::Text("REVIEWING"),
                name: "reviewing",
                outcome: Outcome::Running,
            },
            JobStatus {
                value: StatusValue::Text("APPROVED"),
                name: "approved",
                outcome: Outcome::Succeeded,
            },
            JobStatus {
                value: StatusValue::Text("REJECTED"),
                name: "rejected",
                outcome: Outcome::Failed,
            },
        ],
        progress_key: Some("done_percent"),
        error_keys: &["why"],
        columns: &[JobColumn {
            name: "id",
            header: "ID",
            show: Show::Text("review_id"),
            default: true,
            right_aligned: false,
        }],
    }
};

#[test]
fn a_made_up_kind_is_listed_read_and_waited_for_by_its_description_alone() {
    use std::process::ExitCode;
    use std::time::Duration;

    let mut jobs: Vec<Job> = (0..17)
        .map(|i| REVIEWS.job(&format!("r{i:02}"), "\"APPROVED\""))
        .collect();
    jobs.push(REVIEWS.moving("mv", &["\"WAITING\"", "\"REVIEWING\"", "\"APPROVED\""]));
    jobs.push(
        REVIEWS
            .moving("bad", &["\"REVIEWING\"", "\"REJECTED\""])
            .with("why", "\"blurry\""),
    );
    let served: Vec<String> = jobs.iter().map(|j| j.texts[0].clone()).collect();
    let sandbox = Sandbox::with(Setup {
        jobs: vec![JobList::new(DATASET, REVIEWS, jobs)],
        offset_mode: OffsetMode::Record,
        ..Setup::default()
    });
    // What offsets count is set, so that nothing is found out and kept in a cache.
    sandbox.write_config(&format!(
        "[profiles.default]\nendpoint = \"{}\"\nproject_id = \"{PROJECT}\"\n\
         dataset_id = \"{DATASET}\"\naccess_key = \"{AK}\"\nsecret_key = \"{SK}\"\n\
         offset_mode = \"record\"\n",
        sandbox.server.url()
    ));
    let cli = <matasks::cli::Cli as clap::Parser>::try_parse_from([
        "matasks".as_ref(),
        "--config".as_ref(),
        sandbox.config.as_os_str(),
        "list".as_ref(),
    ])
    .unwrap();
    let global = &cli.global;

    // Every page, by the description's keys and largest page.
    let listed = matasks::jobs::list(global, None, &REVIEW_KIND, 7).unwrap();
    assert_eq!(listed, served);
    let mut pages: Vec<(String, String)> = sandbox
        .requests()
        .iter()
        .map(|r| (r.params["limit"].clone(), r.params["offset"].clone()))
        .collect();
    // Asked for at once, they may arrive in any order.
    pages.sort_by_key(|(_, offset)| offset.parse::<u64>().unwrap());
    assert_eq!(
        pages,
        [
            ("7".to_string(), "0".to_string()),
            ("7".into(), "7".into()),
            ("7".into(), "14".into())
        ]
    );

    let one = matasks::jobs::get(global, None, &REVIEW_KIND, "r03").unwrap();
    assert_eq!(one, served[3]);
    assert_eq!(
        sandbox.requests().last().unwrap().path,
        format!("/v2/{PROJECT}/datasets/{DATASET}/review-jobs/r03")
    );

    let second = Duration::from_secs(1);
    let minute = Duration::from_secs(60);
    assert_eq!(
        matasks::jobs::wait(global, None, &REVIEW_KIND, "mv", second, minute),
        Ok(())
    );
    assert_eq!(
        matasks::jobs::wait(global, None, &REVIEW_KIND, "bad", second, minute),
        Err(ExitCode::from(7))
    );
    assert_eq!(
        matasks::jobs::wait(global, None, &REVIEW_KIND, "nope", second, minute),
        Err(ExitCode::from(5))
    );
    assert_eq!(
        matasks::jobs::get(global, None, &REVIEW_KIND, "nope"),
        Err(ExitCode::from(5))
    );
}

#[cfg(unix)]
#[test]
fn a_watch_across_datasets_names_each_jobs_dataset() {
    // Versions do not say which dataset they are of: the listing does.
    let case = &CASES[2];
    let mut setup = Setup::default();
    setup.datasets.clear();
    for (id, name, count) in SOME_DATASETS {
        setup
            .datasets
            .insert(id.to_string(), Tasks::Fixed(Vec::new()));
        setup.dataset_names.insert(id.to_string(), name.to_string());
        let jobs = (0..count)
            .map(|i| case.fake.job(&format!("{name}-v{i}"), case.succeeded.0))
            .collect();
        setup.jobs.push(JobList::new(id, case.fake, jobs));
    }
    let sandbox = Sandbox::with(setup);
    let mut cmd = sandbox.std_cmd();
    cmd.env("TERM", "xterm-256color").args([
        "list",
        "-A",
        "--kind",
        "version",
        "--columns",
        "id",
        "--watch",
        "--until-done",
        "--color",
        "never",
    ]);
    let run = pty::run_on_terminal(cmd, 120);
    assert!(run.status.success(), "{}", run.screen);
    let rows: Vec<Vec<&str>> = run
        .screen
        .lines()
        .map(|l| l.trim_end_matches("\x1b[K").split_whitespace().collect())
        .filter(|words: &Vec<&str>| words.len() == 2 && words[1].contains("-v"))
        .collect();
    assert_eq!(rows.len(), 15, "{}", run.screen);
    for row in rows {
        assert!(row[1].starts_with(&format!("{}-", row[0])), "{row:?}");
    }
}

#[test]
fn a_kinds_whole_listing_opens_its_connections_ahead_and_then_recalls_its_total() {
    let case = &CASES[0];
    let sandbox = with_jobs(case, numbered(case, 25));
    let list = || {
        sandbox.run(&[
            "list",
            "-k",
            "import",
            "--all",
            "--limit",
            "7",
            "-o",
            "ndjson",
            "--concurrency",
            "5",
        ])
    };
    let out = list();
    assert_ok(&out);
    assert_eq!(ids(case, &out), names(0..25));
    assert_eq!(sandbox.server.connections_accepted(), 5);
    // The next run knows the four pages: all of them at once, and not the first alone.
    let before = sandbox.requests().len();
    let again = list();
    assert_eq!(again.stdout, out.stdout);
    let second = &sandbox.requests()[before..];
    assert_eq!(second.len(), 4);
    assert!(second.iter().all(|r| r.limit() == 7));
    assert_eq!(sandbox.server.connections_accepted(), 5 + 4);
}
