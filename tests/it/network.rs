//! The network at its worst: retries, throttling, timeouts, hostile and broken answers,
//! private CAs, proxies and skewed clocks.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crate::support::*;
use fake_modelarts::net::{FullBacklog, Proxy, TestCa};
use fake_modelarts::*;

/// Two tries ran out the `which` timeout of 300ms, and the error says how to raise it.
fn assert_timed_out(out: &std::process::Output, which: &str) -> String {
    assert_eq!(out.status.code(), Some(1));
    let err = stderr_of(out);
    assert!(
        err.starts_with("error: gave up after 2 attempts: GET http://"),
        "{err}"
    );
    let expected = format!(
        "the {which} timeout of 300ms ran out (raise it with --{which}-timeout or `{which}_timeout`)"
    );
    assert!(err.contains(&expected), "{err}");
    err
}

/// The API's requests (not IAM's) the server saw.
fn api_requests(sandbox: &Sandbox) -> Vec<Recorded> {
    sandbox
        .requests()
        .into_iter()
        .filter(|r| r.path.starts_with("/v2/"))
        .collect()
}

/// A server whose first answers are `first`, in order; then the API as usual.
fn first_answers(first: Vec<Action>) -> Setup {
    let first = std::sync::Mutex::new(first.into_iter());
    Setup {
        hook: Some(Arc::new(move |req: &Recorded, _: &Catalog| {
            if !req.path.starts_with("/v2/") {
                return None;
            }
            first.lock().unwrap().next()
        })),
        ..Setup::default()
    }
}

fn status(code: u16) -> Action {
    Action::Reply(Reply::api_error(code, "APIGW.0000", "Injected."))
}

#[test]
fn two_503s_then_success_takes_three_requests_each_signed_afresh() {
    let sandbox = Sandbox::with(first_answers(vec![status(503), status(503)]));
    let out = sandbox.run(&["-v", "list", "-o", "ndjson"]);
    assert_ok(&out);
    assert_eq!(stdout_of(&out).lines().count(), 6);
    let requests = api_requests(&sandbox);
    assert_eq!(requests.len(), 3);
    assert!(requests.iter().all(|r| r.signature.is_ok()));
    let err = stderr_of(&out);
    assert!(err.contains("retry 1 of 3 for /v2/"), "{err}");
    assert!(err.contains("retry 2 of 3 for /v2/"), "{err}");
    assert!(err.contains(": HTTP 503 Service Unavailable"), "{err}");
    // Without -v, a retry that worked is no news.
    let sandbox = Sandbox::with(first_answers(vec![status(503)]));
    let out = sandbox.run(&["list", "-o", "ndjson"]);
    assert_ok(&out);
    assert_eq!(stderr_of(&out), "");
}

#[test]
fn retry_after_is_honoured_and_each_try_has_its_own_date() {
    let mut throttled = Reply::api_error(
        429,
        "APIGW.0308",
        "The throttling threshold has been reached.",
    );
    throttled.headers.push(("retry-after".into(), "1".into()));
    let sandbox = Sandbox::with(first_answers(vec![Action::Reply(throttled)]));
    let started = Instant::now();
    let out = sandbox.run(&["-v", "list"]);
    let elapsed = started.elapsed();
    assert_ok(&out);
    assert!(elapsed >= Duration::from_secs(1), "{elapsed:?}");
    assert_stderr_has(&out, "in 1000 ms: HTTP 429 Too Many Requests");
    let requests = api_requests(&sandbox);
    assert_eq!(requests.len(), 2);
    assert_ne!(
        requests[0].header("x-sdk-date"),
        requests[1].header("x-sdk-date")
    );
    assert_ne!(
        requests[0].header("authorization"),
        requests[1].header("authorization")
    );
}

#[test]
fn four_503s_exhaust_three_retries_and_name_the_last_status() {
    let sandbox = Sandbox::with(first_answers((0..4).map(|_| status(503)).collect()));
    let out = sandbox.run(&["--retries", "3", "list"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr_of(&out);
    assert!(
        err.starts_with(
            "error: APIGW.0000: Injected. (HTTP 503, request id req-00000003, after 4 attempts)\n"
        ),
        "{err}"
    );
    assert_eq!(api_requests(&sandbox).len(), 4);
    assert_eq!(stdout_of(&out), "");
}

#[test]
fn client_errors_are_never_retried_and_retries_0_tries_once() {
    for code in [400, 401, 403, 404] {
        let sandbox = Sandbox::with(first_answers(vec![status(code)]));
        let out = sandbox.run(&["list"]);
        assert!(!out.status.success());
        assert_eq!(api_requests(&sandbox).len(), 1, "{code}");
    }
    // A signature the gateway refuses is a 401 too: never a second try.
    let sandbox = Sandbox::new();
    sandbox.write_config(
        &std::fs::read_to_string(&sandbox.config)
            .unwrap()
            .replace(SK, "wrong"),
    );
    assert_eq!(sandbox.run(&["list"]).status.code(), Some(4));
    assert_eq!(sandbox.requests().len(), 1);

    let sandbox = Sandbox::with(first_answers(vec![status(503)]));
    let out = sandbox.run(&["--retries", "0", "list"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(api_requests(&sandbox).len(), 1);
    // The profile's `retries` too.
    let sandbox = Sandbox::with(first_answers(vec![status(502), status(502)]));
    let text = std::fs::read_to_string(&sandbox.config).unwrap();
    sandbox.write_config(&format!("{text}retries = 1\n"));
    assert_eq!(sandbox.run(&["list"]).status.code(), Some(1));
    assert_eq!(api_requests(&sandbox).len(), 2);
}

fn coded(status: u16, code: &str) -> Action {
    Action::Reply(Reply::api_error(status, code, "Injected."))
}

#[test]
fn throttling_codes_are_retried_whatever_their_status() {
    for (status, code) in [
        (429, "ModelArts.4206"),
        (400, "ModelArts.4206"),
        (500, "ModelArts.4395"),
        (429, "ModelArts.2799"),
        (503, "ModelArts.6101"),
    ] {
        let sandbox = Sandbox::with(first_answers(vec![coded(status, code)]));
        let out = sandbox.run(&["-v", "list", "-o", "ndjson"]);
        assert_ok(&out);
        assert_eq!(stdout_of(&out).lines().count(), 6, "{code}");
        assert_eq!(api_requests(&sandbox).len(), 2, "{status} {code}");
        let err = stderr_of(&out);
        assert!(
            err.contains("retry 1 of 3 for /v2/") && err.contains(&format!("({code})")),
            "{err}"
        );
    }
}

#[test]
fn throttling_codes_that_outlast_the_retries_exit_6() {
    let sandbox = Sandbox::with(first_answers(
        (0..3).map(|_| coded(400, "ModelArts.4206")).collect(),
    ));
    let out = sandbox.run(&["--retries", "2", "list"]);
    assert_eq!(out.status.code(), Some(6));
    let err = stderr_of(&out);
    assert!(
        err.starts_with(
            "error: ModelArts.4206: Injected. (HTTP 400, request id req-00000002, after 3 attempts)\n\
             hint: the API is throttling requests: wait a moment and retry\n"
        ),
        "{err}"
    );
    assert_eq!(api_requests(&sandbox).len(), 3);
    assert_eq!(stdout_of(&out), "");
}

#[test]
fn codes_that_are_not_throttling_are_not_retried_whatever_their_status() {
    for (status, code, exit) in [
        (501, "ModelArts.4386", 1),
        (400, "ModelArts.4409", 1),
        (501, "ModelArts.4385", 1),
        (503, "ModelArts.4352", 5),
        (429, "ModelArts.4612", 5),
    ] {
        let sandbox = Sandbox::with(first_answers(vec![coded(status, code)]));
        let out = sandbox.run(&["list"]);
        assert_eq!(out.status.code(), Some(exit), "{status} {code}");
        assert_eq!(api_requests(&sandbox).len(), 1, "{status} {code}");
        assert_eq!(stderr_of(&out).lines().count(), 2, "{}", stderr_of(&out));
        assert!(stderr_of(&out).contains("\nhint: "), "{}", stderr_of(&out));
    }
    // A 501 without a known code is not retried either.
    let sandbox = Sandbox::with(first_answers(vec![status(501)]));
    assert_eq!(sandbox.run(&["list"]).status.code(), Some(1));
    assert_eq!(api_requests(&sandbox).len(), 1);
}

#[test]
fn dropped_connections_and_cut_bodies_are_retried() {
    let page = |c: &Catalog| c.page(DATASET, 0, 10, 6);
    let served = Arc::new(AtomicUsize::new(0));
    let count = served.clone();
    let sandbox = Sandbox::with(Setup {
        hook: Some(Arc::new(move |_: &Recorded, c: &Catalog| {
            match count.fetch_add(1, Ordering::SeqCst) {
                0 => Some(Action::Drop),
                1 => Some(Action::Truncate(page(c), 100)),
                _ => None,
            }
        })),
        ..Setup::default()
    });
    let out = sandbox.run(&["-v", "list", "-o", "ndjson"]);
    assert_ok(&out);
    assert_eq!(stdout_of(&out).lines().count(), 6);
    assert_eq!(served.load(Ordering::SeqCst), 3);

    // A body that is always cut off: an error that says so, and nothing on stdout.
    let sandbox = Sandbox::with(Setup {
        hook: Some(Arc::new(move |_: &Recorded, c: &Catalog| {
            Some(Action::Truncate(page(c), 100))
        })),
        ..Setup::default()
    });
    let out = sandbox.run(&["--retries", "1", "list", "-o", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr_of(&out);
    assert!(
        err.starts_with("error: gave up after 2 attempts: reading the answer to GET http://"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(stdout_of(&out), "");
}

#[test]
fn a_429_halves_the_pages_in_flight_for_the_rest_of_the_run() {
    // A throttling code does it whatever its status, as a 429 does.
    for (status, code) in [(429, "APIGW.0308"), (400, "ModelArts.4395")] {
        halves_the_pages_in_flight(status, code);
    }
}

fn halves_the_pages_in_flight(status: u16, code: &'static str) {
    let throttled_once = Arc::new(AtomicUsize::new(0));
    let flag = throttled_once.clone();
    let mut setup = Setup {
        latency: Duration::from_millis(40),
        hook: Some(Arc::new(move |req: &Recorded, c: &Catalog| {
            let page = req.offset() as usize;
            // Three pages in flight together are throttled: one burst, one halving.
            if (3..=5).contains(&page) && flag.fetch_add(1, Ordering::SeqCst) < 3 {
                let mut reply = Reply::api_error(status, code, "Slow down.");
                reply.headers.push(("retry-after".into(), "0".into()));
                return Some(Action::Reply(reply));
            }
            Some(Action::Reply(c.page("big", page * 100, 100, 6000)))
        })),
        ..Setup::default()
    };
    setup.datasets.insert("big".into(), Tasks::Generated(6000));
    let sandbox = Sandbox::with(setup);
    let out = sandbox.run(&[
        "-v",
        "list",
        "-d",
        "big",
        "--all",
        "--concurrency",
        "8",
        "-o",
        "ndjson",
    ]);
    assert_ok(&out);
    assert_eq!(stdout_of(&out).lines().count(), 6000);
    let err = stderr_of(&out);
    assert!(
        err.contains("throttled: at most 4 requests in flight from now on"),
        "{err}"
    );
    assert!(!err.contains("at most 2"), "{err}");
    let requests = api_requests(&sandbox);
    assert_eq!(requests.len(), 63);
    let before = requests.iter().take(10).map(|r| r.in_flight).max().unwrap();
    assert!(before > 4, "{before}");
    // Once the permits held at the 429 are back, no more than 4 at a time.
    let after = requests.iter().skip(30).map(|r| r.in_flight).max().unwrap();
    assert!(after <= 4, "{after}");
}

#[test]
fn a_server_that_never_answers_runs_out_the_request_timeout() {
    let sandbox = Sandbox::with(Setup {
        hook: Some(Arc::new(|_: &Recorded, _: &Catalog| {
            Some(Action::Delay(
                Duration::from_secs(30),
                Box::new(Action::Drop),
            ))
        })),
        ..Setup::default()
    });
    let started = Instant::now();
    let out = sandbox.run(&["--request-timeout", "300ms", "--retries", "1", "list"]);
    assert!(started.elapsed() < Duration::from_secs(10));
    let err = assert_timed_out(&out, "request");
    assert!(
        err.contains("hint: the server did not answer in time"),
        "{err}"
    );
    assert_eq!(sandbox.requests().len(), 2);

    // A body that trickles in counts against the same timeout; the profile sets it.
    let sandbox = Sandbox::with(Setup {
        hook: Some(Arc::new(|_: &Recorded, c: &Catalog| {
            Some(Action::Trickle(
                c.page(DATASET, 0, 10, 6),
                200,
                Duration::from_millis(100),
            ))
        })),
        ..Setup::default()
    });
    let text = std::fs::read_to_string(&sandbox.config).unwrap();
    sandbox.write_config(&format!("{text}request_timeout = \"500ms\"\nretries = 0\n"));
    let out = sandbox.run(&["list"]);
    assert_eq!(out.status.code(), Some(1));
    assert_stderr_has(&out, "the request timeout of 500ms ran out");
}

#[test]
fn a_host_that_never_accepts_runs_out_the_connect_timeout() {
    let sandbox = Sandbox::new();
    let full = FullBacklog::open();
    let started = Instant::now();
    let out = sandbox.run(&[
        "--endpoint",
        &format!("http://{}", full.addr),
        "--connect-timeout",
        "300ms",
        "--retries",
        "1",
        "list",
    ]);
    assert!(started.elapsed() < Duration::from_secs(10));
    assert_timed_out(&out, "connect");
}

#[test]
fn the_token_request_is_never_sent_twice() {
    // A POST is not a read: a token request that fails on the way is not repeated.
    let sandbox = Sandbox::with(Setup {
        hook: Some(Arc::new(|req: &Recorded, _: &Catalog| {
            (req.path == "/v3/auth/tokens").then_some(Action::Drop)
        })),
        ..Setup::default()
    });
    sandbox.write_config(&password_profile(&sandbox, ""));
    let out = sandbox.run(&["list"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(sandbox.server.token_requests(), 1);
    let err = stderr_of(&out);
    assert!(
        err.starts_with("error: cannot get a token from http://"),
        "{err}"
    );
    assert!(!err.contains("attempts"), "{err}");
}

#[test]
fn durations_need_a_unit() {
    let sandbox = Sandbox::new();
    let out = sandbox.run(&["--request-timeout", "30", "list"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr_of(&out)
            .contains("`30` is not a duration: give a number and a unit, e.g. 500ms, 10s, 2m"),
        "{}",
        stderr_of(&out)
    );
    let out = sandbox.run(&["--connect-timeout", "0s", "list"]);
    assert_eq!(out.status.code(), Some(2));
    let text = std::fs::read_to_string(&sandbox.config).unwrap();
    sandbox.write_config(&format!("{text}connect_timeout = \"soon\"\n"));
    let out = sandbox.run(&["list"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(
        stderr_of(&out)
            .contains("key `profiles.default.connect_timeout`: `soon` is not a duration"),
        "{}",
        stderr_of(&out)
    );
    assert!(sandbox.requests().is_empty());
}

#[test]
fn hostile_200_answers_are_one_clear_line_and_nothing_on_stdout() {
    for (body, expected) in [
        (
            "<html><body>Sign in</body></html>",
            "an HTML page, not the API's JSON",
        ),
        ("{\"tasks\": [", "EOF while parsing"),
        ("not json at all", "expected ident"),
        ("{\"total_count\": 2}", "there is no `tasks` array"),
        (
            "{\"tasks\": \"none\", \"total_count\": 0}",
            "`tasks` is \"none\", not an array",
        ),
        (
            "{\"tasks\": [], \"total_count\": -1}",
            "`total_count` is -1, not a count",
        ),
        (
            "{\"tasks\": [], \"total_count\": \"lots\"}",
            "`total_count` is \"lots\", not a count",
        ),
        // A count is a JSON integer, never a string of digits or a float.
        (
            "{\"tasks\": [], \"total_count\": \"5\"}",
            "`total_count` is \"5\", not a count",
        ),
        (
            "{\"tasks\": [], \"total_count\": 5.0}",
            "`total_count` is 5.0, not a count",
        ),
        (
            "{\"tasks\": [], \"total_count\": 1e2}",
            "`total_count` is 1e2, not a count",
        ),
    ] {
        let sandbox = Sandbox::with(Setup {
            hook: Some(Arc::new(move |_: &Recorded, _: &Catalog| {
                Some(Action::Reply(Reply::json(200, body)))
            })),
            ..Setup::default()
        });
        for format in ["table", "json", "ndjson"] {
            let out = sandbox.run(&["list", "--all", "-o", format]);
            assert_eq!(out.status.code(), Some(1), "{body}");
            let err = stderr_of(&out);
            assert!(
                err.starts_with("error: malformed response listing tasks of dataset"),
                "{err}"
            );
            assert!(err.contains(expected), "{body}: {err}");
            assert_eq!(err.lines().count(), 1, "{err}");
            assert_eq!(stdout_of(&out), "", "{body}");
        }
    }
}

#[test]
fn gzip_answers_are_decoded() {
    use std::io::Write;
    let plain = Sandbox::with(Setup {
        hook: Some(Arc::new(|_: &Recorded, c: &Catalog| {
            Some(Action::Reply(c.page(DATASET, 0, 10, 8)))
        })),
        ..Setup::default()
    });
    let expected = stdout_of(&plain.run(&["list", "-o", "json"]));
    assert!(expected.contains("\"total_count\": 8"));
    let sandbox = Sandbox::with(Setup {
        hook: Some(Arc::new(|req: &Recorded, c: &Catalog| {
            assert!(
                req.header("accept-encoding")
                    .is_some_and(|e| e.contains("gzip"))
            );
            let mut reply = c.page(DATASET, 0, 10, 8);
            let mut encoder =
                flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            encoder.write_all(&reply.body).unwrap();
            reply.body = encoder.finish().unwrap();
            reply
                .headers
                .push(("content-encoding".into(), "gzip".into()));
            Some(Action::Reply(reply))
        })),
        ..Setup::default()
    });
    let out = sandbox.run(&["list", "-o", "json"]);
    assert_ok(&out);
    assert_eq!(stdout_of(&out), expected);
}

#[test]
fn an_answer_over_the_size_limit_is_refused_not_held() {
    let sandbox = Sandbox::with(first_answers(vec![Action::Huge(100 << 20)]));
    let out = sandbox.run(&["list", "-o", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr_of(&out);
    assert!(
        err.contains("is larger than 64 MiB, which no answer of this API is (the limit is `max_response_mib` in the profile)"),
        "{err}"
    );
    assert_eq!(stdout_of(&out), "");
    assert_eq!(api_requests(&sandbox).len(), 1, "not retried");
    // The limit is the profile's to set.
    let sandbox = Sandbox::with(first_answers(vec![Action::Huge(3 << 20)]));
    let text = std::fs::read_to_string(&sandbox.config).unwrap();
    sandbox.write_config(&format!("{text}max_response_mib = 2\n"));
    let out = sandbox.run(&["list"]);
    assert_stderr_has(&out, "is larger than 2 MiB");
}

#[test]
fn an_error_body_over_its_limit_is_reported_as_too_large() {
    let mut reply = Reply::json(
        400,
        format!(r#"{{"error_msg":"{}"}}"#, "x".repeat(100 << 10)),
    );
    reply.headers.clear();
    let sandbox = Sandbox::with(first_answers(vec![Action::Reply(reply)]));
    let out = sandbox.run(&["list"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr_of(&out);
    assert!(
        err.contains(
            "error: the server answered HTTP 400 Bad Request with a body larger than 64 KiB, \
             which no error of this API is (HTTP 400"
        ),
        "{err}"
    );
    assert!(!err.contains("empty"), "{err}");
}

#[test]
fn a_redirect_to_another_host_is_reported_and_not_followed() {
    let elsewhere = FakeServer::start(Setup::default());
    let target = format!(
        "{}/v2/{PROJECT}/datasets/{DATASET}/tasks",
        elsewhere.url().replace("127.0.0.1", "localhost")
    );
    let mut redirect = Reply::json(302, "");
    redirect.headers.push(("location".into(), target.clone()));
    let sandbox = Sandbox::with(first_answers(vec![Action::Reply(redirect)]));
    let out = sandbox.run(&["list"]);
    assert_eq!(out.status.code(), Some(1));
    assert_stderr_has(
        &out,
        &format!("with a redirect to {target}, which is not followed"),
    );
    assert!(
        elsewhere.requests().is_empty(),
        "no credentials went elsewhere"
    );
}

#[test]
fn a_signature_rejected_for_its_time_names_the_clock_difference() {
    let sandbox = Sandbox::new();
    // 17m32s ahead: beyond the gateway's 15 minutes.
    let out = sandbox
        .cmd()
        .env("MATASKS_TEST_CLOCK_OFFSET", "1052")
        .arg("list")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4));
    let err = stderr_of(&out);
    assert!(err.contains("the signature has expired"), "{err}");
    let named = ["17m31s", "17m32s", "17m33s"].iter().any(|d| {
        err.contains(&format!(
            "hint: your clock is {d} ahead of the server; signed requests are rejected beyond 15 minutes"
        ))
    });
    assert!(named, "{err}");
    assert_eq!(sandbox.requests().len(), 1, "a 401 is not retried");
    // Within the tolerance, a skew is no problem at all.
    let out = sandbox
        .cmd()
        .env("MATASKS_TEST_CLOCK_OFFSET", "-600")
        .arg("list")
        .output()
        .unwrap();
    assert_ok(&out);
    // An offset no clock can have is an error, not a crash; nothing is sent.
    for offset in ["9223372036854775807", "-9223372036854775808", "soon"] {
        let before = sandbox.requests().len();
        let out = sandbox
            .cmd()
            .env("MATASKS_TEST_CLOCK_OFFSET", offset)
            .arg("list")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(3), "{offset}");
        assert!(
            stderr_of(&out).starts_with(
                "error: MATASKS_TEST_CLOCK_OFFSET must be a whole number of seconds between"
            ),
            "{}",
            stderr_of(&out)
        );
        assert_eq!(sandbox.requests().len(), before);
    }
}

#[test]
fn a_private_ca_is_trusted_only_when_given() {
    let ca = TestCa::generate();
    let sandbox = Sandbox::with(Setup {
        tls: Some(ca.server.clone()),
        ..Setup::default()
    });
    assert!(sandbox.server.url().starts_with("https://127.0.0.1:"));
    // An untrusted certificate stays untrusted: no retries.
    let started = Instant::now();
    let out = sandbox.run(&["list"]);
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(out.status.code(), Some(1));
    let err = stderr_of(&out);
    assert!(!err.contains("attempts"), "{err}");
    assert!(err.contains("hint: the server's certificate is not trusted here: for a private cloud's own CA, pass --ca-bundle"), "{err}");
    assert!(!err.contains("hint: no connection"), "{err}");
    assert!(sandbox.requests().is_empty());

    let bundle = sandbox.dir.path().join("ca.pem");
    std::fs::write(&bundle, &ca.ca_pem).unwrap();
    let out = sandbox
        .cmd()
        .arg("--ca-bundle")
        .arg(&bundle)
        .args(["list", "-o", "ndjson"])
        .output()
        .unwrap();
    assert_ok(&out);
    assert_eq!(stdout_of(&out).lines().count(), 6);
    assert_eq!(stderr_of(&out), "");

    // In the profile, relative to the config file.
    let text = std::fs::read_to_string(&sandbox.config).unwrap();
    sandbox.write_config(&format!("{text}ca_bundle = \"ca.pem\"\n"));
    assert_ok(&sandbox.run(&["list"]));
    sandbox.write_config(&text);

    let out = sandbox.run(&["--insecure", "list"]);
    assert_ok(&out);
    assert!(
        stderr_of(&out).starts_with("warning: TLS certificates are not verified (flag --insecure)"),
        "{}",
        stderr_of(&out)
    );
    sandbox.write_config(&format!("{text}insecure = true\n"));
    let out = sandbox.run(&["list"]);
    assert_ok(&out);
    assert!(
        stderr_of(&out).starts_with("warning: TLS certificates are not verified (file (insecure))"),
        "{}",
        stderr_of(&out)
    );
    sandbox.write_config(&text);

    let not_pem = sandbox.dir.path().join("junk.pem");
    std::fs::write(&not_pem, "not a certificate").unwrap();
    let out = sandbox
        .cmd()
        .arg("--ca-bundle")
        .arg(&not_pem)
        .arg("list")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(
        stderr_of(&out).contains("holds no certificate")
            || stderr_of(&out).contains("is not a PEM file"),
        "{}",
        stderr_of(&out)
    );
}

#[test]
fn proxies_from_the_environment_are_used_and_no_proxy_is_honoured() {
    let proxy = Proxy::start();
    let sandbox = Sandbox::new();
    let out = sandbox
        .cmd()
        .env("HTTP_PROXY", proxy.url())
        .args(["list", "-o", "ndjson"])
        .output()
        .unwrap();
    assert_ok(&out);
    assert_eq!(stdout_of(&out).lines().count(), 6);
    let log = proxy.log();
    assert_eq!(log.len(), 1);
    assert!(
        log[0].starts_with(&format!("GET {}/v2/{PROJECT}/", sandbox.server.url())),
        "{log:?}"
    );
    assert_eq!(
        sandbox.requests()[0].signature,
        Ok(()),
        "the proxy changes nothing signed"
    );

    let out = sandbox
        .cmd()
        .env("HTTP_PROXY", proxy.url())
        .env("NO_PROXY", "127.0.0.1")
        .arg("list")
        .output()
        .unwrap();
    assert_ok(&out);
    assert_eq!(proxy.log().len(), 1, "bypassed");

    // https through a CONNECT tunnel, the certificate checked end to end.
    let ca = TestCa::generate();
    let secure = Sandbox::with(Setup {
        tls: Some(ca.server.clone()),
        ..Setup::default()
    });
    let bundle = secure.dir.path().join("ca.pem");
    std::fs::write(&bundle, &ca.ca_pem).unwrap();
    let out = secure
        .cmd()
        .env("HTTPS_PROXY", proxy.url())
        .arg("--ca-bundle")
        .arg(&bundle)
        .arg("list")
        .output()
        .unwrap();
    assert_ok(&out);
    let port = secure.server.url().rsplit(':').next().unwrap().to_string();
    assert_eq!(
        proxy.log().last().unwrap(),
        &format!("CONNECT 127.0.0.1:{port} HTTP/1.1")
    );
}

#[test]
fn a_total_that_is_a_string_is_refused_on_one_page_and_by_config_check() {
    let sandbox = Sandbox::with(Setup {
        hook: Some(Arc::new(|req: &Recorded, _: &Catalog| {
            let body = if req.path.ends_with("/datasets") {
                r#"{"datasets":[],"total_number":"5"}"#
            } else {
                r#"{"tasks":[],"total_count":"5"}"#
            };
            Some(Action::Reply(Reply::json(200, body)))
        })),
        ..Setup::default()
    });
    let out = sandbox.run(&["list"]);
    assert_eq!(out.status.code(), Some(1));
    assert_stderr_has(&out, "`total_count` is \"5\", not a count");
    let out = sandbox.run(&["config", "check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr_of(&out).contains("`total_count` is \"5\", not a count"));
    let text = std::fs::read_to_string(&sandbox.config).unwrap();
    sandbox.write_config(&text.replace(&format!("dataset_id = \"{DATASET}\"\n"), ""));
    let out = sandbox.run(&["config", "check"]);
    assert_eq!(out.status.code(), Some(1));
    assert_stderr_has(
        &out,
        "error: malformed response listing the project's datasets (offset 0): `total_number` is \"5\", not a count",
    );
}

#[test]
fn http2_when_the_server_offers_it_all_pages_on_one_connection() {
    let ca = TestCa::generate();
    for (offered, version) in [(true, "HTTP/2.0"), (false, "HTTP/1.1")] {
        let mut setup = Setup {
            tls: Some(if offered {
                ca.offering_http2()
            } else {
                ca.server.clone()
            }),
            ..Setup::default()
        };
        setup.datasets.insert("big".into(), Tasks::Generated(2_000));
        let sandbox = Sandbox::with(setup);
        let bundle = sandbox.dir.path().join("ca.pem");
        std::fs::write(&bundle, &ca.ca_pem).unwrap();
        let out = sandbox
            .cmd()
            .arg("--ca-bundle")
            .arg(&bundle)
            .args(["list", "-d", "big", "--all", "-o", "ndjson"])
            .args(["--concurrency", "8"])
            .output()
            .unwrap();
        assert_ok(&out);
        assert_eq!(stdout_of(&out).lines().count(), 2_000);
        let requests = sandbox.requests();
        assert_eq!(requests.len(), 20);
        // Signed over HTTP/2 too, where the host is `:authority`.
        assert!(requests.iter().all(|r| r.signature == Ok(())));
        assert!(requests.iter().all(|r| r.version == version), "{version}");
        let mut connections: Vec<usize> = requests.iter().map(|r| r.connection).collect();
        connections.sort_unstable();
        connections.dedup();
        if offered {
            // Every page a stream of one connection, at most 8 at a time.
            assert_eq!(connections.len(), 1, "{connections:?}");
            assert!(sandbox.server.max_in_flight() <= 8);
        } else {
            assert!(connections.len() > 1, "{connections:?}");
        }
    }
}

/// A sandbox serving `setup` over HTTPS (HTTP/1.1 only), and the CA bundle to trust.
fn over_tls(mut setup: Setup) -> (Sandbox, std::path::PathBuf) {
    let ca = TestCa::generate();
    setup.tls = Some(ca.server.clone());
    let sandbox = Sandbox::with(setup);
    let bundle = sandbox.dir.path().join("ca.pem");
    std::fs::write(&bundle, &ca.ca_pem).unwrap();
    (sandbox, bundle)
}

#[test]
fn connections_for_the_later_pages_are_opened_while_the_first_is_on_its_way() {
    let mut setup = Setup {
        latency: Duration::from_millis(80),
        ..Setup::default()
    };
    setup.datasets.insert("big".into(), Tasks::Generated(350));
    setup.datasets.insert("small".into(), Tasks::Generated(5));
    let (sandbox, bundle) = over_tls(setup);
    let list = |dataset: &str| {
        sandbox
            .cmd()
            .arg("--ca-bundle")
            .arg(&bundle)
            .args([
                "list",
                "-d",
                dataset,
                "--all",
                "-o",
                "ndjson",
                "--concurrency",
                "4",
            ])
            .output()
            .unwrap()
    };
    // Four pages: the first goes alone, and the three after it on connections opened
    // meanwhile; none of those carried anything else.
    let out = list("big");
    assert_ok(&out);
    assert_eq!(stdout_of(&out).lines().count(), 350);
    let requests = sandbox.requests();
    assert_eq!(requests.len(), 4);
    assert!(requests.iter().all(|r| r.signature == Ok(())));
    assert_eq!(
        sandbox.server.connections_accepted(),
        4,
        "{}",
        stderr_of(&out)
    );
    let mut connections: Vec<usize> = requests.iter().map(|r| r.connection).collect();
    connections.sort_unstable();
    connections.dedup();
    assert!(connections.len() >= 3, "{connections:?}");
    // The cost when the first page is the last: three connections closed unused.
    let out = list("small");
    assert_ok(&out);
    assert_eq!(stdout_of(&out).lines().count(), 5);
    assert_eq!(sandbox.requests().len(), 5);
    assert_eq!(sandbox.server.connections_accepted(), 8);
    // A listing of one page opens nothing ahead.
    let out = sandbox
        .cmd()
        .arg("--ca-bundle")
        .arg(&bundle)
        .args(["list", "-d", "big", "-o", "ndjson"])
        .output()
        .unwrap();
    assert_ok(&out);
    assert_eq!(sandbox.server.connections_accepted(), 9);
}

#[test]
fn later_connections_of_a_run_resume_its_first_tls_session() {
    // Each answer closes its connection, so each page opens one.
    let hook: Hook = Arc::new(|req, catalog| {
        let mut reply = catalog.page("big", req.offset() as usize * 10, 10, 30);
        reply.headers.push(("connection".into(), "close".into()));
        Some(Action::Reply(reply))
    });
    let mut setup = Setup {
        hook: Some(hook),
        ..Setup::default()
    };
    setup.datasets.insert("big".into(), Tasks::Generated(30));
    let (sandbox, bundle) = over_tls(setup);
    let out = sandbox
        .cmd()
        .arg("--ca-bundle")
        .arg(&bundle)
        .args([
            "list", "-d", "big", "--all", "--limit", "10", "-o", "ndjson",
        ])
        .args(["--concurrency", "1"])
        .output()
        .unwrap();
    assert_ok(&out);
    assert_eq!(stdout_of(&out).lines().count(), 30);
    let requests = sandbox.requests();
    let resumed: Vec<(usize, bool)> = requests.iter().map(|r| (r.connection, r.resumed)).collect();
    assert_eq!(resumed, [(0, false), (1, true), (2, true)]);
}
