//! `matasks list` end to end: the real binary against the fake ModelArts server.

use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::sync::Arc;

use crate::support::*;
use fake_modelarts::fixtures::*;
use fake_modelarts::*;

/// The default dataset's table; ages counted up to [`NOW`], its creation times written
/// in UTC+08:00.
const TABLE: &str = "\
ID                   NAME                 TYPE        STATUS        PROGRESS  SAMPLES   AGE    ELAPSED
14cyxyu6UXaNT3lrPFl  5fXxR01TyUoiobqNEd9  pre-label   succeeded         100%    38/246  6y27d    8m51s
5QPy73VwnwHi5NqvbcP  -                    auto-label  succeeded         100%    38/246  6y30d    6m37s
nR8kq2LmZc0aVbXy7Tt  nightly run/ü+~*     pre-label   running          37.5%  375/1000    28h    2h05m
Fa1LeDtask000000001  weekly relabel       auto-label  failed           12.5%    20/500    37h      45s
UnKn0wnStatus000001  from the future      pre-label   9                    -         -    27h        -
UnKn0wnType00000001  mystery              42          initializing         -         -    24h        -
";

#[test]
fn table_is_the_default_output() {
    let sandbox = Sandbox::new();
    let out = sandbox.cmd().arg("list").output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out), TABLE);
    assert_eq!(
        stderr_of(&out),
        "6 of 6 auto-labeling and pre-labeling tasks (--type all lists every kind)\n"
    );
    let requests = sandbox.requests();
    assert_eq!(requests.len(), 1);
    let request = &requests[0];
    assert_eq!(request.method, "GET");
    assert_eq!(
        request.path,
        format!("/v2/{PROJECT}/datasets/{DATASET}/tasks")
    );
    assert_eq!(request.query, "limit=10&offset=0");
    assert_eq!(request.signature, Ok(()));
}

#[test]
fn ndjson_is_lossless_one_task_per_line() {
    let sandbox = Sandbox::new();
    let out = sandbox.run(&["list", "-o", "ndjson"]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(stderr_of(&out), "");
    let stdout = stdout_of(&out);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 6);
    assert_eq!(lines[0], REFERENCE_PRELABEL_LINE);
    assert_eq!(lines[2], RUNNING_UNDOCUMENTED_LINE);
    assert_eq!(lines[3], FAILED);
    assert_eq!(lines[5], UNKNOWN_TYPE);
    for line in &lines {
        serde_json::from_str::<serde_json::Value>(line).expect("each line is JSON");
    }
    assert!(stdout.ends_with("}\n"));
}

#[test]
fn json_is_one_document_with_the_servers_fields() {
    let sandbox = Sandbox::new();
    let out = sandbox.run(&["list", "--output", "json"]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(stderr_of(&out), "");
    let expected = format!(
        "{{\n  \"total_count\": 6,\n  \"tasks\": [\n    {},\n    {},\n    {},\n    {},\n    {},\n    {}\n  ],\n  \"exist_running_deploy_task\": false\n}}\n",
        REFERENCE_PRELABEL_LINE,
        compact(REFERENCE_AUTOLABEL),
        RUNNING_UNDOCUMENTED_LINE,
        FAILED,
        UNKNOWN_STATUS,
        UNKNOWN_TYPE
    );
    assert_eq!(stdout_of(&out), expected);
    let doc: serde_json::Value = serde_json::from_str(&stdout_of(&out)).unwrap();
    assert_eq!(doc["tasks"].as_array().unwrap().len(), 6);
}

/// Whitespace outside strings removed, for fixtures with no whitespace inside strings
/// that matters (checked by the exact lines above).
fn compact(json: &str) -> String {
    let value: serde_json::Value = serde_json::from_str(json).unwrap();
    let mut out = String::new();
    let mut in_string = false;
    let mut escaped = false;
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&out).unwrap(),
        value
    );
    out
}

#[test]
fn every_type_filter_is_sent_and_applied() {
    let sandbox = Sandbox::new();
    for (flag, query, id) in [
        ("auto-label", "type=auto-label", "5QPy73VwnwHi5NqvbcP"),
        ("pre-label", "type=pre-label", "14cyxyu6UXaNT3lrPFl"),
        ("auto-grouping", "type=auto-grouping", "Gr0up1ngTask0000001"),
        ("auto-deploy", "type=auto-deploy", "DepL0yTask000000001"),
    ] {
        for short in [false, true] {
            let option = if short { "-t" } else { "--type" };
            let out = sandbox.run(&["list", option, flag, "-o", "ndjson"]);
            assert!(out.status.success(), "{}", stderr_of(&out));
            let stdout = stdout_of(&out);
            assert!(stdout.contains(id), "{flag}: {stdout}");
            let last = sandbox.requests().pop().unwrap();
            assert_eq!(last.query, format!("limit=10&offset=0&{query}"));
        }
    }
    let out = sandbox.run(&["list", "-t", "auto-grouping"]);
    assert_stdout_has(&out, "auto-grouping  stopped");
    assert!(stdout_of(&out).contains("1d01h"));
    let out = sandbox.run(&["list", "-t", "auto-deploy"]);
    assert_stdout_has(&out, "auto-deploy  queued");
}

#[test]
fn unknown_type_is_a_usage_error_without_a_request() {
    let sandbox = Sandbox::new();
    let out = sandbox.run(&["list", "-t", "prelabel"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr_of(&out).contains("pre-label"), "{}", stderr_of(&out));
    assert!(sandbox.requests().is_empty());
}

#[test]
fn task_names_with_unicode_and_reserved_characters_are_signed_and_sent_exactly() {
    let sandbox = Sandbox::new();
    for option in ["-n", "--task-name"] {
        let out = sandbox.run(&[
            "list",
            option,
            "nightly run/ü+~*",
            "--limit",
            "100",
            "--offset",
            "0",
            "-o",
            "ndjson",
        ]);
        assert!(out.status.success(), "{}", stderr_of(&out));
        assert_eq!(stdout_of(&out), format!("{RUNNING_UNDOCUMENTED_LINE}\n"));
        let request = sandbox.requests().pop().unwrap();
        assert_eq!(
            request.query,
            "limit=100&offset=0&task_name=nightly%20run%2F%C3%BC%2B~%2A"
        );
        assert_eq!(request.param("task_name"), Some("nightly run/ü+~*"));
        assert_eq!(request.signature, Ok(()));
    }
    // Characters that URL libraries like to rewrite.
    for name in [
        "a&b=c",
        "100% #1",
        "quote\"'<>",
        "tab\there",
        "日本語 タスク",
        "semi;colon,comma",
    ] {
        let out = sandbox.run(&["list", "-n", name]);
        assert!(out.status.success(), "{name}: {}", stderr_of(&out));
        let request = sandbox.requests().pop().unwrap();
        assert_eq!(request.param("task_name"), Some(name));
        assert_eq!(request.signature, Ok(()), "{name}");
    }
}

#[test]
fn limit_and_offset_choose_the_page() {
    let sandbox = Sandbox::new();
    let out = sandbox.run(&["list", "--limit", "2", "--offset", "1", "-o", "ndjson"]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    let ids = ids_of(&out.stdout);
    assert_eq!(ids, ["nR8kq2LmZc0aVbXy7Tt", "Fa1LeDtask000000001"]);
    // Page 1, and offset 2 to tell what offsets count, sent together.
    let mut queries: Vec<String> = sandbox.requests().iter().map(|r| r.query.clone()).collect();
    queries.sort();
    assert_eq!(queries, ["limit=2&offset=1", "limit=2&offset=2"]);

    let out = sandbox.run(&["list", "--limit", "2", "--offset", "1"]);
    assert_eq!(
        stderr_of(&out),
        "2 of 6 auto-labeling and pre-labeling tasks (next page: --offset 2 --limit 2; --type all lists every kind)\n"
    );
    let out = sandbox.run(&["list", "--limit", "4", "--offset", "1"]);
    assert_eq!(
        stderr_of(&out),
        "2 of 6 auto-labeling and pre-labeling tasks (--type all lists every kind)\n"
    );
    let out = sandbox.run(&["list", "--limit", "4", "--offset", "7"]);
    assert!(out.status.success());
    assert_eq!(stdout_of(&out), "");
    assert_eq!(
        stderr_of(&out),
        "no auto-labeling and pre-labeling tasks on page 7: 6 tasks fill pages 0 to 1 at --limit 4 (--type all lists every kind)\n"
    );
    for limit in ["1", "100"] {
        let out = sandbox.run(&["list", "--limit", limit]);
        assert!(out.status.success());
    }
}

#[test]
fn bad_numbers_are_usage_errors_and_send_nothing() {
    let sandbox = Sandbox::new();
    for args in [
        &["--limit", "0"][..],
        &["--limit", "101"],
        &["--limit", "ten"],
        &["--limit", "-1"],
        &["--limit", ""],
        &["--offset", "-1"],
        &["--offset", "x"],
        &["--offset", "1.5"],
        &["--offset", "99999999999999999999"],
        &["--output", "yaml"],
        &["--color", "sometimes"],
    ] {
        let out = sandbox.cmd().arg("list").args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr_of(&out));
        assert!(stderr_of(&out).contains("error"), "{args:?}");
        assert_eq!(stdout_of(&out), "");
    }
    assert!(sandbox.requests().is_empty());
}

#[test]
fn empty_dataset_prints_nothing_on_stdout() {
    let mut setup = Setup::default();
    setup.datasets.insert("empty".into(), Tasks::Fixed(vec![]));
    let sandbox = Sandbox::with(setup);
    let out = sandbox.run(&["list", "-d", "empty"]);
    assert!(out.status.success());
    assert_eq!(stdout_of(&out), "");
    assert_eq!(
        stderr_of(&out),
        "no auto-labeling and pre-labeling tasks found (--type all lists every kind)\n"
    );
    let out = sandbox.run(&["list", "-d", "empty", "-o", "json"]);
    assert_eq!(
        stdout_of(&out),
        "{\n  \"total_count\": 0,\n  \"tasks\": [],\n  \"exist_running_deploy_task\": false\n}\n"
    );
    let out = sandbox.run(&["list", "-d", "empty", "-o", "ndjson"]);
    assert_eq!(stdout_of(&out), "");
}

#[test]
fn dataset_comes_from_flag_then_environment_then_profile() {
    let mut setup = Setup::default();
    setup
        .datasets
        .insert("from-env".into(), Tasks::Fixed(vec![FAILED.into()]));
    setup
        .datasets
        .insert("from-flag".into(), Tasks::Fixed(vec![DEPLOY.into()]));
    let sandbox = Sandbox::with(setup);
    let path_of = |sandbox: &Sandbox| sandbox.requests().pop().unwrap().path;

    sandbox.cmd().arg("list").assert().success();
    assert!(path_of(&sandbox).contains(&format!("/datasets/{DATASET}/")));
    sandbox
        .cmd()
        .env("MATASKS_DATASET", "from-env")
        .arg("list")
        .assert()
        .success();
    assert!(path_of(&sandbox).contains("/datasets/from-env/"));
    for flag in ["-d", "--dataset"] {
        sandbox
            .cmd()
            .env("MATASKS_DATASET", "from-env")
            .args(["list", flag, "from-flag"])
            .assert()
            .success();
        assert!(path_of(&sandbox).contains("/datasets/from-flag/"));
    }
}

#[test]
fn missing_dataset_names_all_three_sources() {
    let sandbox = Sandbox::new();
    sandbox.write_config(&format!(
        "[profiles.default]\nendpoint = \"{}\"\nproject_id = \"{PROJECT}\"\naccess_key = \"{AK}\"\nsecret_key = \"{SK}\"\n",
        sandbox.server.url()
    ));
    let out = sandbox.cmd().arg("list").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_of(&out);
    assert!(err.starts_with("error: no dataset"), "{err}");
    for source in ["--dataset", "MATASKS_DATASET", "dataset_id"] {
        assert!(err.contains(source), "{err}");
    }
    assert!(sandbox.requests().is_empty());
}

#[test]
fn unknown_dataset_exits_5_with_the_api_error() {
    // The service answers a dataset it does not have with HTTP 400 and its code.
    let sandbox = Sandbox::new();
    let out = sandbox.run(&["list", "-d", "nope"]);
    assert_eq!(out.status.code(), Some(5));
    let err = stderr_of(&out);
    assert_eq!(
        err,
        "error: ModelArts.4352: Dataset not found. (HTTP 400, request id req-00000000)\n\
         hint: check the dataset ID, and that the project and region (or endpoint) are the \
         ones the dataset lives in\n"
    );
    assert_eq!(stdout_of(&out), "");
    assert_eq!(sandbox.requests().len(), 1, "not retried");
}

#[test]
fn wrong_secret_key_exits_4_once_without_retrying() {
    let sandbox = Sandbox::new();
    let out = sandbox
        .cmd()
        .env("HUAWEICLOUD_SDK_AK", AK)
        .env(
            "HUAWEICLOUD_SDK_SK",
            "wrong-secret-key-0000000000000000000000",
        )
        .arg("list")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4));
    let err = stderr_of(&out);
    assert!(
        err.starts_with("error: APIGW.0301: Incorrect IAM authentication information: verify aksk signature fail (HTTP 401, request id "),
        "{err}"
    );
    assert!(
        err.contains("hint: check the access key and secret key"),
        "{err}"
    );
    assert!(!err.contains("wrong-secret-key"));
    assert_eq!(sandbox.requests().len(), 1, "a 401 is never retried");
}

#[test]
fn a_403_is_never_retried() {
    let sandbox = Sandbox::with(reply_with(
        403,
        r#"{"error_code":"ModelArts.0203","error_msg":"Forbidden."}"#,
        "application/json",
    ));
    sandbox.cmd().args(["list", "--all"]).assert().code(4);
    assert_eq!(sandbox.requests().len(), 1);
}

#[test]
fn redirects_are_reported_and_never_followed() {
    let elsewhere = FakeServer::start(Setup {
        security_token: Some(TOKEN.into()),
        ..Setup::default()
    });
    let location = format!("{}/v2/{PROJECT}/datasets/{DATASET}/tasks", elsewhere.url());
    let hook: Hook = Arc::new(move |_, _| {
        let mut reply = Reply::json(302, "");
        reply.headers.push(("location".into(), location.clone()));
        Some(Action::Reply(reply))
    });
    let sandbox = Sandbox::with(Setup {
        security_token: Some(TOKEN.into()),
        hook: Some(hook),
        ..Setup::default()
    });
    let out = sandbox.cmd().arg("list").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr_of(&out);
    assert!(
        err.starts_with(
            "error: the server answered HTTP 302 Found with a redirect to http://127.0.0.1:"
        ),
        "{err}"
    );
    assert!(
        elsewhere.requests().is_empty(),
        "the token went to another host"
    );
    assert_eq!(stdout_of(&out), "");
}

fn reply_with(status: u16, body: &'static str, content_type: &'static str) -> Setup {
    let hook: Hook = Arc::new(move |_, _| {
        let mut reply = Reply::json(status, body);
        reply.headers = vec![("content-type".into(), content_type.into())];
        Some(Action::Reply(reply))
    });
    Setup {
        hook: Some(hook),
        ..Setup::default()
    }
}

#[test]
fn each_error_status_has_its_exit_code() {
    for (status, body, code, expected) in [
        (
            403,
            r#"{"error_code":"ModelArts.0203","error_msg":"Forbidden."}"#,
            4,
            "error: ModelArts.0203: Forbidden. (HTTP 403, request id req-00000000)",
        ),
        (
            404,
            r#"{"code":"ModelArts.4352","message":"Dataset not found."}"#,
            5,
            "error: ModelArts.4352: Dataset not found. (HTTP 404, request id req-00000000)",
        ),
        (
            404,
            r#"{"error_code":"APIGW.0101","error_msg":"The API does not exist."}"#,
            5,
            "error: APIGW.0101: The API does not exist. (HTTP 404, request id req-00000000)",
        ),
        (
            400,
            r#"{"error_code":"ModelArts.4352","error_msg":"Dataset not found."}"#,
            5,
            "error: ModelArts.4352: Dataset not found. (HTTP 400, request id req-00000000)",
        ),
        (
            501,
            r#"{"error_code":"ModelArts.4386","error_msg":"Auto labeling task exist."}"#,
            1,
            "error: ModelArts.4386: Auto labeling task exist. (HTTP 501, request id req-00000000)",
        ),
        (
            429,
            r#"{"error_code":"APIGW.0308","error_msg":"The throttling threshold has been reached.","request_id":"body-id"}"#,
            6,
            "error: APIGW.0308: The throttling threshold has been reached. (HTTP 429, request id req-00000000)",
        ),
        (
            500,
            r#"{"error_code":"ModelArts.0010","error_msg":"Internal error."}"#,
            1,
            "error: ModelArts.0010: Internal error. (HTTP 500, request id req-00000000)",
        ),
        (
            400,
            r#"{"error_code":"ModelArts.4101","error_msg":"Invalid parameter."}"#,
            1,
            "error: ModelArts.4101: Invalid parameter. (HTTP 400, request id req-00000000)",
        ),
    ] {
        let sandbox = Sandbox::with(reply_with(status, body, "application/json"));
        // One try: retries are tested on their own.
        let out = sandbox.run(&["--retries", "0", "list"]);
        assert_eq!(out.status.code(), Some(code), "{status}");
        let err = stderr_of(&out);
        assert_eq!(err.lines().next().unwrap(), expected);
        assert_eq!(stdout_of(&out), "");
    }
}

#[test]
fn non_json_error_bodies_still_explain_themselves() {
    let sandbox = Sandbox::with(reply_with(
        502,
        "<html><body>Bad Gateway</body></html>",
        "text/html",
    ));
    let out = sandbox.run(&["--retries", "0", "list"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr_of(&out);
    assert!(
        err.starts_with("error: the server answered HTTP 502 Bad Gateway with an HTML body"),
        "{err}"
    );
    assert!(err.contains("(HTTP 502, request id req-00000000)"), "{err}");

    let sandbox = Sandbox::with(reply_with(503, "upstream overloaded\n", "text/plain"));
    let out = sandbox.run(&["--retries", "0", "list"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr_of(&out).contains("a non-JSON body: upstream overloaded"));

    let sandbox = Sandbox::with(reply_with(404, "", "text/plain"));
    let out = sandbox.cmd().arg("list").output().unwrap();
    assert_eq!(out.status.code(), Some(5));
    assert!(stderr_of(&out).contains("HTTP 404 Not Found with an empty body"));
}

#[test]
fn malformed_success_bodies_exit_1() {
    for body in [
        "<html>maintenance</html>",
        r#"{"total_count": 3}"#,
        r#"{"tasks": [{"task_id": "x"}"#,
        "[]",
    ] {
        let sandbox = Sandbox::with(reply_with(200, body, "application/json"));
        for format in ["table", "json", "ndjson"] {
            let out = sandbox.run(&["list", "-o", format]);
            assert_eq!(out.status.code(), Some(1), "{body}");
            let err = stderr_of(&out);
            assert!(
                err.starts_with("error: malformed response listing tasks of dataset"),
                "{err}"
            );
            assert_eq!(stdout_of(&out), "");
        }
    }
}

#[test]
fn network_failures_exit_1_with_the_cause() {
    let sandbox = Sandbox::with(Setup {
        hook: Some(Arc::new(|_, _| Some(Action::Drop))),
        ..Setup::default()
    });
    let out = sandbox.run(&["--retries", "0", "list"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr_of(&out);
    assert!(err.starts_with("error: GET http://127.0.0.1:"), "{err}");
    assert!(
        !err.contains("panicked") && !err.contains("Error {"),
        "{err}"
    );

    // A port nothing listens on.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", closed.local_addr().unwrap());
    drop(closed);
    let out = sandbox.run(&["--endpoint", &url, "list"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr_of(&out);
    assert!(err.contains("onnection refused"), "{err}");
}

#[test]
fn security_tokens_are_signed_and_sent() {
    let sandbox = Sandbox::with(Setup {
        security_token: Some(TOKEN.into()),
        ..Setup::default()
    });
    let out = sandbox.run(&["list", "-o", "ndjson"]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    let request = sandbox.requests().pop().unwrap();
    assert_eq!(request.header("x-security-token"), Some(TOKEN));
    assert!(
        request
            .header("authorization")
            .unwrap()
            .contains("SignedHeaders=host;x-project-id;x-sdk-date;x-security-token,")
    );

    // The same temporary credentials from the SDK's environment variables.
    let out = matasks()
        .env("HUAWEICLOUD_SDK_AK", AK)
        .env("HUAWEICLOUD_SDK_SK", SK)
        .env("HUAWEICLOUD_SDK_SECURITY_TOKEN", TOKEN)
        .env("HUAWEICLOUD_SDK_PROJECT_ID", PROJECT)
        .env("MATASKS_ENDPOINT", sandbox.server.url())
        .env("MATASKS_DATASET", DATASET)
        .arg("list")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));

    // Without the token the gateway refuses.
    let out = matasks()
        .env("HUAWEICLOUD_SDK_AK", AK)
        .env("HUAWEICLOUD_SDK_SK", SK)
        .env("HUAWEICLOUD_SDK_PROJECT_ID", PROJECT)
        .env("MATASKS_ENDPOINT", sandbox.server.url())
        .env("MATASKS_DATASET", DATASET)
        .arg("list")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4));
}

#[test]
fn host_header_carries_the_port() {
    let sandbox = Sandbox::new();
    sandbox.cmd().arg("list").assert().success();
    let request = sandbox.requests().pop().unwrap();
    let url = sandbox.server.url();
    assert_eq!(request.header("host"), url.strip_prefix("http://"));
    let date = request.header("x-sdk-date").unwrap();
    assert_eq!(date.len(), 16);
    assert!(date.ends_with('Z') && date.as_bytes()[8] == b'T');
    assert_eq!(request.header("x-project-id"), Some(PROJECT));
}

#[test]
fn endpoint_with_a_path_prefix_is_signed_over_the_whole_path() {
    let hook: Hook = Arc::new(|req, catalog| {
        req.path
            .strip_prefix("/gateway/modelarts")
            .map(|_| Action::Reply(catalog.page(DATASET, 0, 1, 1)))
    });
    let sandbox = Sandbox::with(Setup {
        hook: Some(hook),
        ..Setup::default()
    });
    let endpoint = format!("{}/gateway/modelarts/", sandbox.server.url());
    let out = sandbox.run(&["--endpoint", &endpoint, "list", "-o", "ndjson"]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out), format!("{REFERENCE_PRELABEL_LINE}\n"));
    let request = sandbox.requests().pop().unwrap();
    assert_eq!(
        request.path,
        format!("/gateway/modelarts/v2/{PROJECT}/datasets/{DATASET}/tasks")
    );
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let sandbox = Sandbox::new();
    let out = sandbox.cmd().arg("list").output().unwrap();
    assert!(!stdout_of(&out).contains('\x1b'));
    let out = sandbox.run(&["--color", "never", "list"]);
    assert!(!stdout_of(&out).contains('\x1b'));
    let out = sandbox.run(&["--color", "always", "list"]);
    let stdout = stdout_of(&out);
    assert!(stdout.contains("\x1b["), "{stdout:?}");
    assert!(stdout.contains("succeeded\x1b[39m"), "{stdout:?}");
    // An explicit choice beats NO_COLOR; JSON is never coloured.
    let out = sandbox
        .cmd()
        .env("NO_COLOR", "1")
        .args(["--color", "always", "list"])
        .output()
        .unwrap();
    assert!(stdout_of(&out).contains("\x1b["));
    let out = sandbox.run(&["--color", "always", "list", "-o", "json"]);
    assert!(!stdout_of(&out).contains('\x1b'));
    // Errors on stderr are coloured only when asked, too.
    let out = sandbox.run(&["--color", "always", "list", "-d", "nope"]);
    assert!(stderr_of(&out).starts_with("\x1b[1;31merror\x1b[0m: ModelArts.4352"));
    let out = sandbox.run(&["list", "-d", "nope"]);
    assert!(stderr_of(&out).starts_with("error: ModelArts.4352"));
}

#[test]
fn verbose_reports_requests_on_stderr_only() {
    let sandbox = Sandbox::with(Setup {
        security_token: Some(TOKEN.into()),
        ..Setup::default()
    });
    let quiet = sandbox.run(&["list", "-o", "ndjson"]);
    let out = sandbox.run(&["-v", "list", "-o", "ndjson"]);
    assert!(out.status.success());
    assert_eq!(out.stdout, quiet.stdout);
    let err = stderr_of(&out);
    assert!(
        err.contains(&format!(
            "> GET {}/v2/{PROJECT}/datasets/{DATASET}/tasks?limit=10&offset=0",
            sandbox.server.url()
        )),
        "{err}"
    );
    assert!(err.contains("< 200 OK in "), "{err}");
    assert!(err.contains("request id req-"), "{err}");
    assert!(!err.contains("canonical request"));

    let out = sandbox.run(&["list", "-vv", "-o", "ndjson"]);
    let err = stderr_of(&out);
    assert!(err.contains("canonical request:\n  GET\n"), "{err}");
    assert!(err.contains("> X-Security-Token: ****"), "{err}");
    assert!(err.contains("x-security-token:****"), "{err}");
    assert!(err.contains(", Signature=****\n"), "{err}");
    assert!(!err.contains(TOKEN), "{err}");
    assert!(!err.contains(SK), "{err}");
}

#[test]
fn secrets_never_reach_any_output() {
    let secret_sk = "S3cretNeverShown00000000000000000000000";
    let secret_token = "TokenNeverShown-abcdef";
    let sandbox = Sandbox::new();
    // A token with stray spaces is still recognised as the token in -vv output.
    let padded = format!("  {secret_token} ");
    let out = sandbox
        .cmd()
        .env("HUAWEICLOUD_SDK_AK", AK)
        .env("HUAWEICLOUD_SDK_SK", SK)
        .env("HUAWEICLOUD_SDK_SECURITY_TOKEN", &padded)
        .args(["-vv", "list"])
        .output()
        .unwrap();
    assert_stderr_has(&out, "x-security-token:****");
    assert!(!stderr_of(&out).contains(secret_token));
    // A value that cannot go in a header is named, not shown.
    let out = sandbox
        .cmd()
        .env("HUAWEICLOUD_SDK_AK", AK)
        .env("HUAWEICLOUD_SDK_SK", SK)
        .env(
            "HUAWEICLOUD_SDK_SECURITY_TOKEN",
            format!("{secret_token}\nmore"),
        )
        .arg("list")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(
        stderr_of(&out),
        "error: the security_token from HUAWEICLOUD_SDK_SECURITY_TOKEN contains a control character (more than one line?)\n"
    );
    // A password in the endpoint is hidden in errors and in --help.
    let out = sandbox
        .cmd()
        .env("MATASKS_ENDPOINT", "ftp://user:EndpointPassw0rd@host")
        .args(["list"])
        .output()
        .unwrap();
    assert!(
        stderr_of(&out).starts_with("error: invalid endpoint `ftp://****@host`"),
        "{}",
        stderr_of(&out)
    );
    let out = sandbox
        .cmd()
        .env("MATASKS_ENDPOINT", "https://user:EndpointPassw0rd@host")
        .arg("--help")
        .output()
        .unwrap();
    assert!(!stdout_of(&out).contains("EndpointPassw0rd"));
    let runs = [
        vec!["-vv", "list"],
        vec!["-vv", "list", "-o", "json"],
        vec!["-vv", "list", "-d", "nope"],
        vec!["--help"],
        vec!["list", "--help"],
        vec!["--endpoint", "ftp://x", "list"],
    ];
    for args in runs {
        let out = sandbox
            .cmd()
            .env("HUAWEICLOUD_SDK_AK", AK)
            .env("HUAWEICLOUD_SDK_SK", secret_sk)
            .env("HUAWEICLOUD_SDK_SECURITY_TOKEN", secret_token)
            .args(&args)
            .output()
            .unwrap();
        for text in [stdout_of(&out), stderr_of(&out)] {
            assert!(!text.contains(secret_sk), "{args:?}: {text}");
            assert!(!text.contains(secret_token), "{args:?}: {text}");
        }
    }
}

/// Run with stdout into a pipe that is closed after the first line.
fn first_line_then_close(
    sandbox: &Sandbox,
    args: &[&str],
) -> (String, std::process::ExitStatus, String) {
    let mut child = sandbox
        .std_cmd()
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut reader = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    reader.read_line(&mut line).unwrap();
    drop(reader);
    let out = child.wait_with_output().unwrap();
    (line, out.status, stderr_of(&out))
}

#[test]
fn a_closed_pipe_ends_quietly_with_status_0() {
    let mut setup = Setup::default();
    setup.datasets.insert("big".into(), Tasks::Generated(500));
    let sandbox = Sandbox::with(setup);
    for format in ["ndjson", "json"] {
        let (line, status, err) = first_line_then_close(
            &sandbox,
            &["list", "-d", "big", "--limit", "100", "-o", format],
        );
        assert!(!line.is_empty());
        assert!(status.success(), "{format}: {status:?} {err}");
        assert_eq!(err, "", "{format}");
    }
}

#[test]
fn help_and_version() {
    let out = matasks().arg("--help").output().unwrap();
    assert!(out.status.success());
    let help = stdout_of(&out);
    for flag in [
        "--profile",
        "--config",
        "--endpoint",
        "--region",
        "--project-id",
        "--color",
        "--verbose",
        "list",
    ] {
        assert!(help.contains(flag), "{flag}");
    }
    let out = matasks().args(["list", "--help"]).output().unwrap();
    let help = stdout_of(&out);
    for flag in [
        "--dataset",
        "--type",
        "--task-name",
        "--limit",
        "--offset",
        "--output",
        "MATASKS_DATASET",
    ] {
        assert!(help.contains(flag), "{flag}");
    }
    let out = matasks().arg("--version").output().unwrap();
    assert_eq!(
        stdout_of(&out),
        format!("matasks {}\n", env!("CARGO_PKG_VERSION"))
    );
    let out = matasks().output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// The fake server's own verifier reproduces the vectors computed with Huawei's
/// official Python SDK, so its verdicts on the binary's requests can be trusted.
#[test]
fn the_servers_verifier_reproduces_the_sdk_vectors() {
    let path = format!("/v2/{PROJECT}/datasets/{DATASET}/tasks");
    let mut headers = vec![
        (
            "host".to_string(),
            "modelarts.cn-north-4.myhuaweicloud.com".to_string(),
        ),
        ("x-project-id".to_string(), PROJECT.to_string()),
        ("x-sdk-date".to_string(), "20261129T120000Z".to_string()),
    ];
    let sig = expected_signature(
        SK,
        "GET",
        &path,
        "limit=10&offset=0&type=pre-label",
        &headers,
        "20261129T120000Z",
        b"",
    )
    .unwrap();
    assert_eq!(
        sig,
        "2597f28bd5d9fae37a90eba789592bd7063ebd6aea7801e8203e9380c555baf2"
    );
    headers.push(("x-security-token".to_string(), TOKEN.to_string()));
    let sig = expected_signature(
        SK,
        "GET",
        &path,
        "limit=100&offset=2&task_name=nightly%20run%2F%C3%BC%2B~%2A",
        &headers,
        "20261129T120000Z",
        b"",
    )
    .unwrap();
    assert_eq!(
        sig,
        "0004cc6c0736f7481552d36d25e48a171ef1a3336f851296a53ac59004897a3d"
    );
}

#[test]
fn status_filters_keep_the_servers_total() {
    let sandbox = Sandbox::new();
    let out = sandbox.run(&["list", "--status", "failed"]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    let text = stdout_of(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines[1].starts_with("Fa1LeDtask000000001"));
    assert_eq!(
        stderr_of(&out),
        "6 auto-labeling and pre-labeling tasks, 1 matching --status (--type all lists every kind)\n"
    );

    let out = sandbox.run(&[
        "list",
        "--status",
        "running,queued",
        "--status",
        "succeeded",
        "-o",
        "json",
    ]);
    let doc: serde_json::Value = serde_json::from_str(&stdout_of(&out)).unwrap();
    assert_eq!(doc["total_count"], 6, "the server's total");
    let ids: Vec<&str> = doc["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["task_id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "14cyxyu6UXaNT3lrPFl",
            "5QPy73VwnwHi5NqvbcP",
            "nR8kq2LmZc0aVbXy7Tt"
        ]
    );

    // With --all too: the JSON total is the server's, the summary counts the matches.
    let out = sandbox.run(&["list", "--all", "--status", "failed", "-o", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&stdout_of(&out)).unwrap();
    assert_eq!(
        (
            doc["total_count"].as_i64(),
            doc["tasks"].as_array().unwrap().len()
        ),
        (Some(6), 1)
    );
    let out = sandbox.run(&["list", "--all", "--status", "failed"]);
    assert_eq!(
        stderr_of(&out),
        "6 auto-labeling and pre-labeling tasks, 1 matching --status (--type all lists every kind)\n"
    );
    let out = sandbox.run(&["list", "--columns", "id,size"]);
    assert_eq!(out.status.code(), Some(2));
    assert_stderr_has(
        &out,
        "[possible values: dataset, id, name, type, status, progress, samples, age, created, elapsed, model, version, unconfirmed, message]",
    );
    let out = sandbox.run(&["list", "--status", "done"]);
    assert_eq!(out.status.code(), Some(2));
    assert_stderr_has(
        &out,
        "[possible values: queued, initializing, running, failed, succeeded, stopping, stopped]",
    );
    assert_eq!(sandbox.requests().len(), 4);
}

#[test]
fn columns_wide_and_sort() {
    let sandbox = Sandbox::new();
    // Newest first.
    let out = sandbox.run(&["list", "--columns", "status,id", "--sort", "-created"]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(
        stdout_of(&out),
        "STATUS        ID\ninitializing  UnKn0wnType00000001\n9             UnKn0wnStatus000001\n\
         running       nR8kq2LmZc0aVbXy7Tt\nfailed        Fa1LeDtask000000001\n\
         succeeded     14cyxyu6UXaNT3lrPFl\nsucceeded     5QPy73VwnwHi5NqvbcP\n"
    );
    let out = sandbox.run(&["list", "--wide", "--sort", "name", "-o", "table"]);
    let text = stdout_of(&out);
    let header: Vec<&str> = text.lines().next().unwrap().split_whitespace().collect();
    assert_eq!(
        header,
        [
            "ID",
            "NAME",
            "TYPE",
            "STATUS",
            "PROGRESS",
            "SAMPLES",
            "AGE",
            "ELAPSED",
            "CREATED",
            "MODEL",
            "VERSION",
            "UNCONFIRMED",
            "MESSAGE"
        ]
    );
    assert!(
        text.contains("auto-deploy-50041602581620628  0.0.1"),
        "{text}"
    );
    // By name, case aside (the reference's task is named in its config); the task
    // without one last.
    let names: Vec<&str> = text
        .lines()
        .skip(1)
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "14cyxyu6UXaNT3lrPFl",
            "UnKn0wnStatus000001",
            "UnKn0wnType00000001",
            "nR8kq2LmZc0aVbXy7Tt",
            "Fa1LeDtask000000001",
            "5QPy73VwnwHi5NqvbcP"
        ]
    );
    assert!(
        text.contains("ModelArts.4353: Insufficient samples."),
        "{text}"
    );
    // JSON sorted too; NDJSON streams in the server's order and says so.
    let out = sandbox.run(&["list", "--sort", "progress", "-o", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&stdout_of(&out)).unwrap();
    let progress: Vec<f64> = doc["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|t| t["progress"].as_f64())
        .collect();
    assert_eq!(progress, [12.5, 37.5, 100.0, 100.0]);
    let plain = stdout_of(&sandbox.run(&["list", "-o", "ndjson"]));
    let out = sandbox.run(&["list", "--sort", "progress", "-o", "ndjson"]);
    assert_eq!(stdout_of(&out), plain);
    assert_eq!(
        stderr_of(&out),
        "warning: --sort is ignored with -o ndjson, which streams tasks in the server's order\n"
    );
    let out = sandbox.run(&["list", "--sort", "size"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr_of(&out).contains("`size` is not a sort order: give one of created, name, status, progress, elapsed, with - before it to reverse"), "{}", stderr_of(&out));
}

/// A dataset of every kind: `(type code, count)` tasks each, created an hour apart,
/// the kinds interleaved in time, each kind listed newest first as the API does.
fn every_kind(kinds: &[(i64, usize)]) -> Vec<String> {
    let mut tasks = Vec::new();
    for (k, &(code, count)) in kinds.iter().enumerate() {
        for i in 0..count {
            // Hours before 2026-11-29 23:00, so that kinds interleave.
            let hours_ago = i * kinds.len() + k;
            let stamp = jiff::civil::datetime(2026, 11, 29, 23, 0, 0, 0)
                - jiff::SignedDuration::from_hours(hours_ago as i64);
            tasks.push(format!(
                r#"{{"task_id":"kind{code}-{i:02}","task_name":"task {i} of kind {code}","type":{code},"status":3,"progress":100.0,"create_time":"{}","elapsed_time":60}}"#,
                stamp.strftime("%Y-%m-%d %H:%M:%S")
            ));
        }
    }
    tasks
}

const KINDS: &[(i64, usize)] = &[(0, 7), (1, 12), (7, 3), (10, 2)];

fn kinds_sandbox() -> Sandbox {
    let mut setup = Setup::default();
    setup
        .datasets
        .insert("kinds".into(), Tasks::Fixed(every_kind(KINDS)));
    Sandbox::with(setup)
}

fn created_of(task: &serde_json::Value) -> String {
    task["create_time"].as_str().unwrap().to_string()
}

#[test]
fn type_all_lists_every_kind_once_newest_first_with_the_sum_as_total() {
    let sandbox = kinds_sandbox();
    let out = sandbox.run(&[
        "list", "-d", "kinds", "--type", "all", "--all", "-o", "json",
    ]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(stderr_of(&out), "");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let tasks = doc["tasks"].as_array().unwrap();
    let mut ids: Vec<&str> = tasks
        .iter()
        .map(|t| t["task_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 24);
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 24, "each task once");
    let created: Vec<String> = tasks.iter().map(created_of).collect();
    let mut newest_first = created.clone();
    newest_first.sort_by(|a, b| b.cmp(a));
    assert_eq!(created, newest_first);
    assert_eq!(doc["total_count"], 24);
    assert_eq!(
        doc["matasks_total_count_by_type"],
        serde_json::json!({"auto-label": 7, "pre-label": 12, "auto-grouping": 3, "auto-deploy": 2})
    );
    assert_eq!(doc["exist_running_deploy_task"], false);
    // One query per type, each once (a page of 100 holds each kind).
    let mut types: Vec<String> = sandbox
        .requests()
        .iter()
        .map(|r| r.param("type").unwrap().to_string())
        .collect();
    types.sort();
    assert_eq!(
        types,
        ["auto-deploy", "auto-grouping", "auto-label", "pre-label"]
    );

    // The table: the same order, and every kind's count below it.
    let out = sandbox.run(&["list", "-d", "kinds", "-t", "all", "--all"]);
    assert!(out.status.success());
    let table = stdout_of(&out);
    let rows: Vec<&str> = table.lines().skip(1).collect();
    assert_eq!(rows.len(), 24);
    assert!(rows[0].starts_with("kind0-00 "), "{}", rows[0]);
    assert_eq!(
        stderr_of(&out),
        "24 tasks: auto-label 7, pre-label 12, auto-grouping 3, auto-deploy 2\n"
    );
    // --sort still decides when given.
    let out = sandbox.run(&[
        "list", "-d", "kinds", "-t", "all", "--all", "-o", "json", "--sort", "created",
    ]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let created: Vec<String> = doc["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .map(created_of)
        .collect();
    let mut oldest_first = created.clone();
    oldest_first.sort();
    assert_eq!(created, oldest_first);
}

#[test]
fn type_all_pages_every_kind_concurrently_under_one_cap() {
    let mut setup = Setup {
        latency: std::time::Duration::from_millis(30),
        ..Setup::default()
    };
    setup.datasets.insert(
        "kinds".into(),
        Tasks::Fixed(every_kind(&[(0, 70), (1, 120), (7, 30), (10, 20)])),
    );
    let sandbox = Sandbox::with(setup);
    let out = sandbox.run(&[
        "list",
        "-d",
        "kinds",
        "-t",
        "all",
        "--all",
        "--limit",
        "10",
        "--concurrency",
        "3",
        "-o",
        "ndjson",
    ]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    let mut ids = ids_of(&out.stdout);
    assert_eq!(ids.len(), 240);
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 240);
    assert_eq!(sandbox.server.max_in_flight(), 3);
    let requests = sandbox.requests();
    for (kind, pages) in [
        ("auto-label", 7),
        ("pre-label", 12),
        ("auto-grouping", 3),
        ("auto-deploy", 2),
    ] {
        let of_kind = requests
            .iter()
            .filter(|r| r.param("type") == Some(kind))
            .count();
        assert_eq!(of_kind, pages, "{kind}");
    }
}

#[test]
fn type_all_without_all_shows_each_kinds_first_page() {
    let sandbox = kinds_sandbox();
    let out = sandbox.run(&["list", "-d", "kinds", "-t", "all", "--limit", "5"]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out).lines().count(), 1 + 5 + 5 + 3 + 2);
    assert_eq!(
        stderr_of(&out),
        "15 of 24 tasks: auto-label 5 of 7, pre-label 5 of 12, auto-grouping 3, auto-deploy 2 \
         (--all lists every one)\n"
    );
    // At most N, the newest of the kinds' first pages.
    let out = sandbox.run(&[
        "list",
        "-d",
        "kinds",
        "-t",
        "all",
        "--max-items",
        "4",
        "-o",
        "json",
    ]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let created: Vec<String> = doc["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .map(created_of)
        .collect();
    assert_eq!(created.len(), 4);
    let all = every_kind(KINDS);
    let mut newest: Vec<String> = all
        .iter()
        .map(|t| created_of(&serde_json::from_str(t).unwrap()))
        .collect();
    newest.sort_by(|a, b| b.cmp(a));
    assert_eq!(created, newest[..4]);
    // Pages of a merged listing do not exist.
    let out = sandbox.run(&["list", "-d", "kinds", "-t", "all", "--offset", "1"]);
    assert_eq!(out.status.code(), Some(2));
    assert_stderr_has(&out, "--offset cannot be used with --type all");
}

#[test]
fn type_all_is_incomplete_when_one_kind_comes_up_short() {
    let mut setup = Setup {
        hook: Some(Arc::new(|req: &Recorded, _: &Catalog| {
            // Auto grouping says 5 tasks but has 3.
            (req.param("type") == Some("auto-grouping")).then(|| {
                Action::Reply(Reply::json(
                    200,
                    r#"{"tasks":[{"task_id":"g1","type":7,"create_time":"2026-01-01 00:00:00"},{"task_id":"g2","type":7,"create_time":"2026-01-01 00:00:01"},{"task_id":"g3","type":7,"create_time":"2026-01-01 00:00:02"}],"total_count":5}"#,
                ))
            })
        })),
        ..Setup::default()
    };
    setup
        .datasets
        .insert("kinds".into(), Tasks::Fixed(every_kind(KINDS)));
    let sandbox = Sandbox::with(setup);
    let out = sandbox.run(&["list", "-d", "kinds", "-t", "all", "--all", "-o", "ndjson"]);
    assert_eq!(out.status.code(), Some(9), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out).lines().count(), 7 + 12 + 3 + 2);
    assert_stderr_has(
        &out,
        "error: incomplete listing: 3 of 5 auto-grouping tasks, 2 missing: page 0 came back \
             with 3 tasks where 100 were asked for",
    );
}

#[test]
fn type_all_in_a_watch_logs_every_kind() {
    let sandbox = kinds_sandbox();
    let out = sandbox.run(&[
        "list",
        "-d",
        "kinds",
        "-t",
        "all",
        "--watch",
        "--until-done",
        "--interval",
        "1s",
    ]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    let mut ids = ids_of(&out.stdout);
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 7 + 10 + 3 + 2, "the first page of every kind");
}

#[test]
fn a_task_twice_on_one_page_is_printed_once_with_a_warning() {
    let mut setup = Setup::default();
    let tasks = example_tasks();
    let doubled = vec![
        tasks[0].clone(),
        tasks[1].clone(),
        tasks[0].clone(),
        tasks[0].clone(),
    ];
    setup.datasets.insert("twice".into(), Tasks::Fixed(doubled));
    let sandbox = Sandbox::with(setup);
    let warning = "warning: page 0 held the same task more than once (2 copies dropped); \
                   each task is printed once\n";
    let out = sandbox.run(&["list", "-d", "twice", "-o", "ndjson"]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out).lines().count(), 2);
    assert_eq!(stderr_of(&out), warning);
    // The server's total counts the copies: a whole listing says what it lacks.
    let out = sandbox.run(&["list", "-d", "twice", "--all", "-o", "ndjson"]);
    assert_eq!(out.status.code(), Some(9));
    assert_eq!(stdout_of(&out).lines().count(), 2);
    let err = stderr_of(&out);
    assert!(err.starts_with(warning), "{err}");
    assert!(
        err.contains(
            "error: incomplete listing: 2 of 4 tasks, 2 missing: page 0 came back with 4 tasks \
             where 100 were asked for, and 2 of the tasks they held were copies of others\n"
        ),
        "{err}"
    );
}

#[test]
fn a_watch_ends_quietly_when_its_reader_goes_away_between_changes() {
    // Every task is done: after the first listing the watch has nothing new to print.
    let sandbox = Sandbox::new();
    let mut child = sandbox
        .std_cmd()
        .args(["list", "--watch", "--interval", "1s", "-o", "ndjson"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut reader = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    reader.read_line(&mut line).unwrap();
    assert!(line.contains("task_id"), "{line}");
    drop(reader);
    // It must end by itself; give it far longer than it needs before calling it stuck.
    let mut waited = 0;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if waited >= 300 {
            child.kill().unwrap();
            panic!("the watch went on with nobody reading");
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
        waited += 1;
    };
    assert!(status.success(), "{status:?}");
    let mut err = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
    assert_eq!(err, "");
}

#[test]
fn a_closed_stdout_is_an_error_and_a_full_one_too() {
    let sandbox = Sandbox::new();
    let binary = assert_cmd::cargo::cargo_bin("matasks");
    let run = |redirect: &str, args: &str| {
        std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("exec \"$0\" --config \"$1\" {args} {redirect}"))
            .arg(&binary)
            .arg(&sandbox.config)
            .env_clear()
            .env("HOME", NO_HOME)
            .env("MATASKS_CACHE_DIR", sandbox.cache_dir())
            .output()
            .unwrap()
    };
    for args in ["list -o json", "get 14cyxyu6UXaNT3lrPFl", "config show"] {
        let out = run(">&-", args);
        assert_eq!(out.status.code(), Some(1), "{args}");
        assert!(
            stderr_of(&out).starts_with("error: stdout is closed: there is nowhere to print"),
            "{args}: {}",
            stderr_of(&out)
        );
    }
    let requests = sandbox.requests().len();
    assert_eq!(requests, 0, "nothing is asked when nothing can be printed");
    if std::path::Path::new("/dev/full").exists() {
        let out = run("> /dev/full", "list -o json");
        assert_eq!(out.status.code(), Some(1));
        assert_stderr_has(&out, "No space left on device");
    }
    // A command that prints nothing on stdout does not mind.
    let out = run(">&-", "config set concurrency 4");
    assert!(out.status.success(), "{}", stderr_of(&out));
}

#[test]
fn a_response_header_with_c1_controls_is_shown_escaped_at_vv() {
    let sandbox = Sandbox::with(Setup {
        hook: Some(std::sync::Arc::new(|_: &Recorded, catalog: &Catalog| {
            let mut reply = catalog.page(DATASET, 0, 10, 6);
            // CSI and OSC as C1 characters, in UTF-8 (obs-text to HTTP).
            reply
                .headers
                .push(("x-note".into(), "a\u{9b}2Jb\u{9d}0;owned\u{9c}".into()));
            Some(Action::Reply(reply))
        })),
        ..Setup::default()
    });
    let out = sandbox.run(&["-vv", "list", "-o", "ndjson"]);
    assert_ok(&out);
    let err = stderr_of(&out);
    assert_terminal_safe(&err);
    assert!(err.contains(r"< x-note: a\x9b2Jb\x9d0;owned\x9c"), "{err}");
}
