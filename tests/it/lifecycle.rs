//! `start` and `stop`: the first requests that change something. Bodies are signed
//! (the fake server checks the body's hash as the gateway does), a start is sent once,
//! a stop is retried like a read, and `--dry-run` sends nothing.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::json;

use crate::support::*;
use fake_modelarts::*;

/// The POSTs the server saw.
fn posts(sandbox: &Sandbox) -> Vec<Recorded> {
    sandbox
        .requests()
        .into_iter()
        .filter(|r| r.method == "POST")
        .collect()
}

/// A dataset without tasks, where any kind may be started.
fn quiet() -> Setup {
    Setup {
        datasets: std::collections::HashMap::from([(DATASET.to_string(), Tasks::Fixed(vec![]))]),
        ..Setup::default()
    }
}

/// A setup whose POSTs to a path ending in `suffix` are answered with `status` and
/// `code` the first `times` times.
fn failing_posts(suffix: &'static str, times: usize, status: u16, code: &'static str) -> Setup {
    let seen = Arc::new(AtomicUsize::new(0));
    Setup {
        hook: Some(Arc::new(move |req: &Recorded, _: &Catalog| {
            (req.method == "POST"
                && req.path.ends_with(suffix)
                && seen.fetch_add(1, Ordering::SeqCst) < times)
                .then(|| Action::Reply(Reply::api_error(status, code, "Injected.")))
        })),
        ..quiet()
    }
}

#[test]
fn start_prints_only_the_new_task_id_and_sends_the_reference_body_signed() {
    let sandbox = Sandbox::with(quiet());
    let out = sandbox.run(&[
        "start",
        "auto-label",
        "--algorithm",
        "fast",
        "--collect-key-samples",
        "--name",
        "night run",
    ]);
    assert_ok(&out);
    let created = sandbox.server.created_tasks();
    assert_eq!(created.len(), 1);
    assert_eq!(stdout_of(&out), format!("{}\n", created[0].task_id));
    assert_stderr_has(
        &out,
        &format!(
            "started auto-label task {} in dataset {DATASET}",
            created[0].task_id
        ),
    );
    assert_eq!(
        created[0].body,
        json!({"task_type": "auto-label", "collect_key_sample": true,
               "config": {"algorithm_type": "fast", "name": "night run"}})
    );
    let [post] = &posts(&sandbox)[..] else {
        panic!("one POST")
    };
    assert_eq!(post.path, format!("/v2/{PROJECT}/datasets/{DATASET}/tasks"));
    assert_eq!(post.signature, Ok(()));
    assert_eq!(
        post.header("content-type"),
        Some("application/json;charset=utf8")
    );
}

#[test]
fn each_kind_sends_its_own_settings() {
    let sandbox = Sandbox::with(quiet());
    let pre = sandbox.run(&[
        "start",
        "pre-label",
        "--model-id",
        "c4989033-7584-44ee-a180-1c476b810e46",
        "--specification",
        "modelarts.vm.cpu.2u",
    ]);
    assert_ok(&pre);
    let grouping = sandbox.run(&["start", "auto-grouping", "--clusters", "4", "-d", DATASET]);
    assert_ok(&grouping);
    let created = sandbox.server.created_tasks();
    assert_eq!(
        created[0].body,
        json!({"task_type": "pre-label", "model_id": "c4989033-7584-44ee-a180-1c476b810e46",
               "config": {"inf_config_list": [
                   {"specification": "modelarts.vm.cpu.2u", "instance_count": 1}]}})
    );
    assert_eq!(created[0].task_type, 1);
    assert_eq!(
        created[1].body,
        json!({"task_type": "auto-grouping", "config": {"n_clusters": 4}})
    );
    assert_eq!(created[1].task_type, 7);
}

#[test]
fn the_config_json_comes_from_a_file_or_stdin_and_flags_may_not_contradict_it() {
    let sandbox = Sandbox::with(quiet());
    let file = sandbox.dir.path().join("config.json");
    std::fs::write(
        &file,
        r#"{"ambiguity": true, "n_clusters": "3", "result_type": 1}"#,
    )
    .unwrap();
    let from_file = sandbox.run(&[
        "start",
        "auto-grouping",
        "--config-json",
        file.to_str().unwrap(),
        "--name",
        "g",
    ]);
    assert_ok(&from_file);
    let from_stdin = sandbox
        .cmd()
        .args(["start", "auto-label", "--config-json", "-"])
        .write_stdin(r#"{"algorithm_type": "accurate", "confidence_scope": "0.10-0.90"}"#)
        .output()
        .unwrap();
    assert_ok(&from_stdin);
    let created = sandbox.server.created_tasks();
    assert_eq!(
        created[0].body["config"],
        json!({"ambiguity": true, "n_clusters": "3", "result_type": 1, "name": "g"})
    );
    assert_eq!(
        created[1].body["config"],
        json!({"algorithm_type": "accurate", "confidence_scope": "0.10-0.90"})
    );

    let contradicted = sandbox
        .cmd()
        .args([
            "start",
            "auto-grouping",
            "--clusters",
            "2",
            "--config-json",
            "-",
        ])
        .write_stdin(r#"{"n_clusters": 5}"#)
        .output()
        .unwrap();
    assert_eq!(contradicted.status.code(), Some(2));
    assert_stderr_has(&contradicted, "`n_clusters` is given twice");
    assert_eq!(sandbox.server.created_tasks().len(), 2);
}

#[test]
fn what_the_reference_refuses_is_refused_before_anything_is_sent() {
    let sandbox = Sandbox::with(quiet());
    let cases: &[(&[&str], Option<&str>, &str)] = &[
        (&["start", "pre-label"], None, "give its ID with --model-id"),
        (
            &["start", "auto-label", "--config-json", "-"],
            Some(r#"{"algorithm_type": "slow"}"#),
            "`config.algorithm_type` must be one of fast, accurate",
        ),
        (
            &["start", "auto-grouping", "--config-json", "-"],
            Some(r#"{"n_clusters": 0}"#),
            "`config.n_clusters` must be a whole number above 0",
        ),
        (
            &["start", "auto-label", "--config-json", "-"],
            Some("[1, 2]"),
            "must be a JSON object",
        ),
        (
            &["start", "auto-label", "--config-json", "-"],
            Some("{not json"),
            "is not JSON",
        ),
        (
            &[
                "start",
                "auto-label",
                "--config-json",
                "/nonexistent/c.json",
            ],
            None,
            "cannot read the config JSON /nonexistent/c.json",
        ),
        (&["start", "auto-grouping", "--clusters", "0"], None, "0"),
    ];
    for (args, stdin, message) in cases {
        let mut cmd = sandbox.cmd();
        cmd.args(*args);
        if let Some(stdin) = stdin {
            cmd.write_stdin(*stdin);
        }
        let out = cmd.output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr_of(&out));
        assert_stderr_has(&out, message);
    }
    assert!(sandbox.requests().is_empty(), "nothing is sent");

    // A key the reference does not list is sent, with a warning that guesses.
    let out = sandbox
        .cmd()
        .args(["start", "auto-grouping", "--config-json", "-"])
        .write_stdin(r#"{"n_cluster": 2}"#)
        .output()
        .unwrap();
    assert_ok(&out);
    assert_stderr_has(
        &out,
        "`config.n_cluster` is not in the API reference (did you mean `n_clusters`?)",
    );
}

#[test]
fn start_output_json_prints_the_answer() {
    let sandbox = Sandbox::with(quiet());
    let out = sandbox.run(&["start", "auto-label", "-o", "json"]);
    assert_ok(&out);
    let answer: serde_json::Value = serde_json::from_str(&stdout_of(&out)).unwrap();
    assert_eq!(answer["task_id"], sandbox.server.created_tasks()[0].task_id);
}

#[test]
fn start_wait_ends_as_wait_does() {
    let sandbox = Sandbox::with(quiet());
    let out = sandbox.run(&["start", "auto-label", "--wait", "--interval", "1s"]);
    assert_ok(&out);
    let id = sandbox.server.created_tasks()[0].task_id.clone();
    assert_eq!(stdout_of(&out), format!("{id}\n"));
    assert_stderr_has(&out, &format!("task {id}: running 50%"));
    assert_stderr_has(&out, &format!("task {id} succeeded"));

    // A task that fails: exit 7, as `wait` has it; -o json prints the final task only.
    let out = sandbox.run(&[
        "start",
        "auto-grouping",
        "--name",
        "will fail",
        "--wait",
        "--interval",
        "1s",
        "-o",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(7), "{}", stderr_of(&out));
    let last: serde_json::Value = serde_json::from_str(&stdout_of(&out)).unwrap();
    assert_eq!(last["status"], 2);
    assert_eq!(last["task_id"], sandbox.server.created_tasks()[1].task_id);
    assert_stderr_has(&out, "failed: ModelArts.4353");
}

#[test]
fn start_wait_keeps_the_credentials_of_the_start() {
    // The secret comes from a command: the wait after the start does not run it again.
    let sandbox = Sandbox::with(quiet());
    let runs = sandbox.dir.path().join("secret-runs");
    sandbox.write_config(&format!(
        "[profiles.default]\nendpoint = \"{}\"\nproject_id = \"{PROJECT}\"\n\
         dataset_id = \"{DATASET}\"\naccess_key = \"{AK}\"\n\
         secret_key_command = \"sh -c 'echo run >> {} && printf %s {SK}'\"\n",
        sandbox.server.url(),
        runs.display()
    ));
    let out = sandbox.run(&["start", "auto-grouping", "--wait", "--interval", "1s"]);
    assert_ok(&out);
    assert_eq!(std::fs::read_to_string(&runs).unwrap().lines().count(), 1);
}

#[test]
fn a_start_is_sent_once_and_a_failure_after_sending_says_to_look_before_trying_again() {
    let sandbox = Sandbox::with(failing_posts("/tasks", 1, 503, "APIGW.0001"));
    let out = sandbox.run(&["start", "auto-label"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    assert_eq!(posts(&sandbox).len(), 1, "never retried");
    assert_stderr_has(&out, "may have been created all the same");
    assert_stderr_has(
        &out,
        &format!("matasks list -d {DATASET} --type auto-label"),
    );
    assert!(stdout_of(&out).is_empty());

    // Refused outright: nothing was created, and nothing suggests it was.
    let sandbox = Sandbox::with(failing_posts("/tasks", 1, 400, "ModelArts.4101"));
    let out = sandbox.run(&["start", "auto-label"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(posts(&sandbox).len(), 1);
    let stderr = stderr_of(&out);
    assert!(!stderr.contains("may have been created"), "{stderr}");
    assert_stderr_has(&out, "ModelArts.4101");
}

#[test]
fn a_second_auto_labeling_task_is_refused_with_the_running_one_named() {
    let sandbox = Sandbox::with(quiet());
    let first = sandbox.run(&["start", "auto-label", "--name", "first"]);
    assert_ok(&first);
    let id = stdout_of(&first).trim().to_string();
    let second = sandbox.run(&["start", "pre-label", "--model-id", "m1"]);
    assert_eq!(second.status.code(), Some(1), "{}", stderr_of(&second));
    assert_stderr_has(&second, "ModelArts.4386");
    assert_stderr_has(
        &second,
        &format!("auto-label task {id} (\"first\") is running"),
    );
    assert_stderr_has(&second, &format!("matasks stop {id} -d {DATASET}"));
    assert_eq!(sandbox.server.created_tasks().len(), 1);
}

#[test]
fn a_running_task_of_the_dataset_is_named_too() {
    // The example dataset runs a pre-labeling task of its own.
    let sandbox = Sandbox::new();
    let out = sandbox.run(&["start", "auto-label"]);
    assert_eq!(out.status.code(), Some(1));
    assert_stderr_has(&out, "pre-label task nR8kq2LmZc0aVbXy7Tt");
    assert!(sandbox.server.created_tasks().is_empty());
}

#[test]
fn too_many_running_tasks_gets_its_hint() {
    let sandbox = Sandbox::with(Setup {
        max_running_tasks: Some(1),
        ..quiet()
    });
    assert_ok(&sandbox.run(&["start", "auto-grouping"]));
    let out = sandbox.run(&["start", "auto-grouping"]);
    assert_eq!(out.status.code(), Some(1));
    assert_stderr_has(&out, "ModelArts.4409");
    assert_stderr_has(&out, "start more once some are done");
}

#[test]
fn stop_confirms_on_stderr_and_stop_wait_ends_0_once_stopped() {
    let sandbox = Sandbox::with(quiet());
    let id = stdout_of(&sandbox.run(&["start", "auto-grouping"]))
        .trim()
        .to_string();
    let out = sandbox.run(&["stop", &id]);
    assert_ok(&out);
    assert!(stdout_of(&out).is_empty());
    assert_stderr_has(
        &out,
        &format!("asked task {id} of dataset {DATASET} to stop"),
    );
    let stop = posts(&sandbox).pop().unwrap();
    assert_eq!(
        stop.path,
        format!("/v2/{PROJECT}/datasets/{DATASET}/tasks/{id}/stop")
    );
    assert_eq!(stop.signature, Ok(()));
    assert!(sandbox.server.created_tasks()[0].stopped);

    // Being stopped is how `stop --wait` should end: 0, where `wait` says 8.
    let id = stdout_of(&sandbox.run(&["start", "auto-grouping"]))
        .trim()
        .to_string();
    let out = sandbox.run(&["stop", &id, "--wait", "--interval", "1s"]);
    assert_ok(&out);
    assert_stderr_has(&out, &format!("task {id} stopped"));
    let out = sandbox.run(&["wait", &id, "--interval", "1s"]);
    assert_eq!(out.status.code(), Some(8));

    let out = sandbox.run(&["stop", "NoSuchTask000000001"]);
    assert_eq!(out.status.code(), Some(5), "{}", stderr_of(&out));
    assert_stderr_has(&out, "ModelArts.4612");
}

#[test]
fn a_stop_is_retried_like_a_read() {
    let sandbox = Sandbox::with(failing_posts("/stop", 2, 503, "APIGW.0001"));
    let id = stdout_of(&sandbox.run(&["start", "auto-grouping"]))
        .trim()
        .to_string();
    let out = sandbox.run(&["stop", &id]);
    assert_ok(&out);
    let stops = posts(&sandbox)
        .iter()
        .filter(|r| r.path.ends_with("/stop"))
        .count();
    assert_eq!(stops, 3, "two failures, then the stop");
    assert!(sandbox.server.created_tasks()[0].stopped);
}

#[test]
fn dry_run_prints_the_request_and_its_curl_line_and_sends_nothing() {
    let sandbox = Sandbox::new();
    let out = sandbox.run(&["start", "auto-grouping", "--clusters", "2", "--dry-run"]);
    assert_ok(&out);
    assert!(sandbox.requests().is_empty(), "nothing is sent");
    let text = stdout_of(&out);
    let url = format!(
        "{}/v2/{PROJECT}/datasets/{DATASET}/tasks",
        sandbox.server.url()
    );
    assert!(text.starts_with(&format!("POST {url}\n")), "{text}");
    assert!(
        text.contains(&format!("X-Project-Id: {PROJECT}\n")),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "Authorization: SDK-HMAC-SHA256 Access={AK}, SignedHeaders=host;x-project-id;\
             x-sdk-date, Signature=****\n"
        )),
        "{text}"
    );
    assert!(
        text.contains("\n{\"config\":{\"n_clusters\":2},\"task_type\":\"auto-grouping\"}\n"),
        "{text}"
    );
    let curl = text.lines().last().unwrap();
    assert!(
        curl.starts_with(&format!("curl -X POST {url} -H ")),
        "{curl}"
    );
    assert!(curl.ends_with(
        "--data-binary '{\"config\":{\"n_clusters\":2},\"task_type\":\"auto-grouping\"}'"
    ));
    assert!(!text.contains(SK), "the secret key never shows");
    // The real request's signature is not printed either: only its mask.
    assert_eq!(text.matches("Signature=****").count(), 2);

    let out = sandbox.run(&["stop", "Fa1LeDtask000000001", "--dry-run"]);
    assert_ok(&out);
    assert!(sandbox.requests().is_empty());
    let text = stdout_of(&out);
    assert!(
        text.starts_with(&format!(
            "POST {}/v2/{PROJECT}/datasets/{DATASET}/tasks/Fa1LeDtask000000001/stop\n",
            sandbox.server.url()
        )),
        "{text}"
    );
    assert!(
        !text.contains("Content-Type"),
        "no body, no content type: {text}"
    );
}

#[test]
fn dry_run_with_a_token_masks_it_and_asks_no_one() {
    let sandbox = Sandbox::new();
    sandbox.write_config(&format!(
        "[profiles.default]\nendpoint = \"{}\"\ndataset_id = \"{DATASET}\"\nregion = \"{REGION}\"\n\
         iam_endpoint = \"{}\"\nauth = \"password\"\nusername = \"{USER}\"\ndomain = \"{DOMAIN}\"\n\
         password = \"{PASSWORD}\"\n",
        sandbox.server.url(),
        sandbox.server.url()
    ));
    let out = sandbox.run(&["start", "auto-label", "--dry-run"]);
    assert_ok(&out);
    assert!(sandbox.requests().is_empty(), "no token, no project lookup");
    let text = stdout_of(&out);
    assert!(text.contains("X-Auth-Token: ****\n"), "{text}");
    assert!(text.contains("/v2/PROJECT_ID/datasets/"), "{text}");
    assert!(
        text.starts_with("# PROJECT_ID stands for the project ID"),
        "{text}"
    );
    assert!(!text.contains(PASSWORD));
}
