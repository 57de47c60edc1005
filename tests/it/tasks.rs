//! `get` and `wait`: one task's details, and waiting for a task to be done.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crate::support::*;
use fake_modelarts::*;

/// Polls of the details endpoint the server saw.
fn polls(sandbox: &Sandbox) -> usize {
    sandbox
        .requests()
        .iter()
        .filter(|r| r.path.contains("/tasks/"))
        .count()
}

#[test]
fn get_shows_a_task_as_keys_and_values_or_as_the_servers_json() {
    let sandbox = Sandbox::new();
    // The time as the server wrote it (UTC+08:00), in a zone eight hours east, with its
    // offset.
    let get = |tz: &str, args: &[&str]| {
        let out = sandbox.cmd().env("TZ", tz).args(args).output().unwrap();
        assert_ok(&out);
        stdout_of(&out)
    };
    let shown = |created: &str| {
        format!(
            "ID        Fa1LeDtask000000001\nNAME      weekly relabel\nTYPE      auto-label\n\
             STATUS    failed\nPROGRESS  12.5%\nSAMPLES   20/500\nCREATED   {created}\n\
             ELAPSED   45s\nERROR     ModelArts.4353: Insufficient samples.\n"
        )
    };
    assert_eq!(
        get("CST-8", &["get", "Fa1LeDtask000000001"]),
        shown("2026-11-28 22:10:05 +08:00")
    );
    assert_eq!(
        get("IST-5:30", &["get", "Fa1LeDtask000000001"]),
        shown("2026-11-28 19:40:05 +05:30")
    );
    assert_eq!(
        get("IST-5:30", &["get", "Fa1LeDtask000000001", "--utc"]),
        shown("2026-11-28 14:10:05 +00:00")
    );
    let request = sandbox.requests().pop().unwrap();
    assert_eq!(
        request.path,
        format!("/v2/{PROJECT}/datasets/{DATASET}/tasks/Fa1LeDtask000000001")
    );
    assert_eq!(request.signature, Ok(()));

    let out = sandbox.run(&["get", "14cyxyu6UXaNT3lrPFl", "-o", "json"]);
    assert_ok(&out);
    let shown: serde_json::Value = serde_json::from_str(&stdout_of(&out)).unwrap();
    assert_eq!(shown["task_id"], "14cyxyu6UXaNT3lrPFl");
    assert_eq!(
        shown["result"]["hard_select_tasks"][0]["task_status"],
        "import_dataset_completed"
    );
    assert_eq!(stdout_of(&out).lines().count(), 1);
}

#[test]
fn get_a_missing_task_exits_5() {
    let sandbox = Sandbox::new();
    let out = sandbox.run(&["get", "no-such-task"]);
    assert_eq!(out.status.code(), Some(5));
    let err = stderr_of(&out);
    assert!(
        err.starts_with("error: ModelArts.4612: The task does not exist. (HTTP 400, request id "),
        "{err}"
    );
    assert!(
        err.contains("hint: check the task ID, and that it belongs to this dataset"),
        "{err}"
    );
    assert_eq!(stdout_of(&out), "");
    // A dataset the project does not have: HTTP 400 with its own code and hint.
    let out = sandbox.run(&["get", "x", "-d", "no-such-dataset"]);
    assert_eq!(out.status.code(), Some(5));
    let err = stderr_of(&out);
    assert!(
        err.starts_with("error: ModelArts.4352: Dataset not found. (HTTP 400, request id "),
        "{err}"
    );
    assert!(err.contains("hint: check the dataset ID"), "{err}");
}

#[test]
fn an_error_answered_with_http_200_is_an_error_all_the_same() {
    let sandbox = Sandbox::with(Setup {
        hook: Some(std::sync::Arc::new(|req: &Recorded, _: &Catalog| {
            let body = if req.path.ends_with("/tasks") {
                r#"{"error_code":"ModelArts.4352","error_msg":"Dataset does not exist"}"#
            } else {
                r#"{"error_code":"ModelArts.4612","error_msg":"Task not found","request_id":"r1"}"#
            };
            Some(Action::Reply(Reply::json(200, body)))
        })),
        ..Setup::default()
    });
    let out = sandbox.run(&["get", "abc"]);
    assert_eq!(out.status.code(), Some(5), "{}", stderr_of(&out));
    assert!(
        stderr_of(&out).starts_with("error: ModelArts.4612: Task not found (HTTP 200, request id"),
        "{}",
        stderr_of(&out)
    );
    assert_eq!(stdout_of(&out), "");
    // wait ends at once rather than waiting for a task that is not there.
    let out = sandbox.run(&["wait", "abc", "--timeout", "10m"]);
    assert_eq!(out.status.code(), Some(5), "{}", stderr_of(&out));
    let out = sandbox.run(&["list", "--all"]);
    assert_eq!(out.status.code(), Some(5), "{}", stderr_of(&out));
    assert_stderr_has(&out, "hint: check the dataset ID");
}

fn wait(sandbox: &Sandbox, task: &str, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["wait", task, "--interval", "1s"];
    args.extend_from_slice(extra);
    sandbox.run(&args)
}

#[test]
fn wait_for_a_task_that_succeeds_exits_0_and_logs_each_change() {
    let sandbox = Sandbox::new();
    let out = wait(&sandbox, "moving-succeeded", &[]);
    assert_ok(&out);
    assert_eq!(stdout_of(&out), "");
    let lines: Vec<String> = stderr_of(&out).lines().map(str::to_string).collect();
    assert_eq!(lines.len(), 4, "{lines:?}");
    // `HH:MM:SS task ID: STATUS PROGRESS (after N s)`, one line per change.
    for (line, state) in lines
        .iter()
        .zip(["queued 0%", "running 50%", "succeeded 100%"])
    {
        assert_eq!(line.as_bytes()[2], b':', "{line}");
        assert!(
            line[8..].starts_with(&format!(" task moving-succeeded: {state} (after ")),
            "{line}"
        );
    }
    assert!(
        lines[3].starts_with("task moving-succeeded succeeded (waited "),
        "{lines:?}"
    );
    assert_eq!(polls(&sandbox), 3);
}

#[test]
fn wait_exit_codes_say_how_the_task_ended() {
    let sandbox = Sandbox::new();
    let out = wait(&sandbox, "moving-failed", &[]);
    assert_eq!(out.status.code(), Some(7));
    assert!(
        stderr_of(&out)
            .ends_with("error: task moving-failed failed: ModelArts.4353: Insufficient samples.\n"),
        "{}",
        stderr_of(&out)
    );
    // Stopping is not stopped: the wait goes on to the end.
    let out = wait(&sandbox, "moving-stopped", &[]);
    assert_eq!(out.status.code(), Some(8));
    let err = stderr_of(&out);
    assert!(err.contains("moving-stopped: stopping 10%"), "{err}");
    assert!(
        err.ends_with("error: task moving-stopped was stopped\n"),
        "{err}"
    );

    let started = Instant::now();
    let out = wait(&sandbox, "moving-forever", &["--timeout", "2s"]);
    assert!(started.elapsed() < Duration::from_secs(8));
    assert_eq!(out.status.code(), Some(124));
    assert!(
        stderr_of(&out).ends_with(
            "error: gave up waiting for task moving-forever after 2s, still running at 5%; it goes on (wait longer with --timeout)\n"
        ),
        "{}",
        stderr_of(&out)
    );

    let out = wait(&sandbox, "no-such-task", &[]);
    assert_eq!(out.status.code(), Some(5));
    let out = sandbox.run(&["wait", "x", "--interval", "500ms"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr_of(&out).contains("`500ms` is too short: poll at most once a second"));
}

#[test]
fn wait_prints_the_final_task_or_every_change_on_stdout() {
    let sandbox = Sandbox::new();
    let out = wait(&sandbox, "moving-succeeded", &["-o", "json"]);
    assert_ok(&out);
    let final_task: serde_json::Value = serde_json::from_str(&stdout_of(&out)).unwrap();
    assert_eq!(final_task["status"], 3);

    let sandbox = Sandbox::new();
    let out = wait(&sandbox, "moving-stopped", &["-o", "ndjson"]);
    assert_eq!(out.status.code(), Some(8));
    let statuses: Vec<i64> = stdout_of(&out)
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["status"]
                .as_i64()
                .unwrap()
        })
        .collect();
    assert_eq!(statuses, [1, 4, 5]);
}

#[test]
fn a_passing_fault_does_not_end_the_wait_but_a_refusal_does() {
    // Three 503s in a row, with no retries of the request itself: the wait goes on.
    let polled = Arc::new(AtomicUsize::new(0));
    let count = polled.clone();
    let sandbox = Sandbox::with(Setup {
        hook: Some(Arc::new(move |req: &Recorded, _: &Catalog| {
            let n = count.fetch_add(1, Ordering::SeqCst);
            (req.path.contains("/tasks/") && (1..=3).contains(&n))
                .then(|| Action::Reply(Reply::api_error(503, "APIGW.0000", "Busy.")))
        })),
        ..Setup::default()
    });
    let out = wait(&sandbox, "moving-succeeded", &["--retries", "0"]);
    assert_ok(&out);
    let err = stderr_of(&out);
    assert_eq!(
        err.matches("warning: could not check task moving-succeeded: APIGW.0000: Busy. (HTTP 503")
            .count(),
        3,
        "{err}"
    );
    assert!(err.contains("trying again in 1s"), "{err}");

    let sandbox = Sandbox::new();
    sandbox.write_config(
        &std::fs::read_to_string(&sandbox.config)
            .unwrap()
            .replace(SK, "wrong"),
    );
    let out = wait(&sandbox, "moving-succeeded", &[]);
    assert_eq!(out.status.code(), Some(4));
    assert_eq!(sandbox.requests().len(), 1);
}

#[cfg(unix)]
#[test]
fn on_a_terminal_the_wait_is_one_live_line() {
    let sandbox = Sandbox::new();
    let mut cmd = sandbox.std_cmd();
    cmd.env("TERM", "xterm-256color")
        .args(["wait", "moving-succeeded", "--interval", "1s"]);
    let run = pty::run_on_terminal(cmd, 100);
    assert!(run.status.success(), "{}", run.screen);
    assert!(
        run.screen.contains("task moving-succeeded: running 50%"),
        "{}",
        run.screen
    );
    // Redrawn in place, not a line per change; cleared at the end.
    assert!(
        !run.screen.contains("\n09:") && run.screen.contains('\r'),
        "{:?}",
        run.screen
    );
    assert!(
        run.screen
            .ends_with("task moving-succeeded succeeded (waited 2s)\n"),
        "{:?}",
        run.screen
    );
}

#[test]
fn a_reader_that_goes_away_does_not_change_the_exit_status() {
    let sandbox = Sandbox::new();
    let mut child = sandbox
        .std_cmd()
        .args(["wait", "moving-failed", "--interval", "1s", "-o", "ndjson"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    assert_eq!(child.wait().unwrap().code(), Some(7));
}

#[cfg(unix)]
#[test]
fn ctrl_c_ends_the_wait_at_once_with_130() {
    let sandbox = Sandbox::new();
    let child = sandbox
        .std_cmd()
        .args(["wait", "moving-forever", "--interval", "1s"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Let it poll once.
    let deadline = Instant::now() + Duration::from_secs(10);
    while polls(&sandbox) == 0 {
        assert!(Instant::now() < deadline, "never polled");
        std::thread::sleep(Duration::from_millis(20));
    }
    let interrupted = Instant::now();
    // SAFETY: the child is ours and still running.
    unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGINT) };
    let out = child.wait_with_output().unwrap();
    assert!(interrupted.elapsed() < Duration::from_secs(2));
    assert_eq!(out.status.code(), Some(130));
    assert!(
        stderr_of(&out)
            .ends_with("interrupted: stopped waiting for task moving-forever, which goes on\n"),
        "{}",
        stderr_of(&out)
    );
}

/// A dataset whose listing moves on one step per request: two moving tasks and one
/// that is done from the start.
fn moving_listing() -> Setup {
    let listed = Arc::new(AtomicUsize::new(0));
    Setup {
        hook: Some(Arc::new(move |req: &Recorded, _: &Catalog| {
            if !req.path.ends_with("/tasks") {
                return None;
            }
            let step = listed.fetch_add(1, Ordering::SeqCst);
            let tasks: Vec<String> = ["moving-succeeded", "moving-failed"]
                .iter()
                .map(|id| {
                    let steps = lifecycle(id).unwrap();
                    let (status, progress) = steps[step.min(steps.len() - 1)];
                    format!(r#"{{"task_id":"{id}","type":1,"status":{status},"progress":{progress:.1}}}"#)
                })
                .chain([r#"{"task_id":"done-already","type":1,"status":3,"progress":100.0}"#.to_string()])
                .collect();
            Some(Action::Reply(Reply::json(
                200,
                format!(r#"{{"tasks":[{}],"total_count":3}}"#, tasks.join(",")),
            )))
        })),
        ..Setup::default()
    }
}

#[test]
fn watch_logs_each_task_that_appears_or_changes_until_all_are_done() {
    let sandbox = Sandbox::with(moving_listing());
    let out = sandbox.run(&["list", "--watch", "--until-done", "--interval", "1s"]);
    assert_ok(&out);
    let changes: Vec<(String, i64)> = stdout_of(&out)
        .lines()
        .map(|line| {
            let task: serde_json::Value = serde_json::from_str(line).unwrap();
            (
                task["task_id"].as_str().unwrap().to_string(),
                task["status"].as_i64().unwrap(),
            )
        })
        .collect();
    let expected: Vec<(String, i64)> = [
        ("moving-succeeded", -1),
        ("moving-failed", 0),
        ("done-already", 3),
        ("moving-succeeded", 1),
        ("moving-failed", 1),
        ("moving-succeeded", 3),
        ("moving-failed", 2),
    ]
    .iter()
    .map(|(id, s)| (id.to_string(), *s))
    .collect();
    assert_eq!(changes, expected);
    assert_eq!(sandbox.requests().len(), 3);
    // Said once, not at every listing.
    assert_eq!(
        stderr_of(&out),
        "stdout is not a terminal: --watch prints each task that appears or changes as one \
         NDJSON line\n"
    );
    // Asked for, NDJSON goes without saying.
    let out = sandbox.run(&[
        "list",
        "--watch",
        "--until-done",
        "--interval",
        "1s",
        "-o",
        "ndjson",
    ]);
    assert_ok(&out);
    assert_eq!(stderr_of(&out), "");
    // --until-done belongs to --watch.
    assert_eq!(
        sandbox.run(&["list", "--until-done"]).status.code(),
        Some(2)
    );
    assert_eq!(
        sandbox.run(&["list", "--interval", "2s"]).status.code(),
        Some(2)
    );
}

/// The drawings of a watch on a terminal: what follows each move to the top left.
fn drawings(screen: &str) -> Vec<&str> {
    screen.split("\x1b[H").skip(1).collect()
}

/// A watch of the moving listing until every task is done, a second apart, uncoloured.
const WATCH_UNTIL_DONE: &[&str] = &[
    "list",
    "--watch",
    "--until-done",
    "--interval",
    "1s",
    "--color",
    "never",
];

#[cfg(unix)]
#[test]
fn watch_redraws_the_table_in_place_on_a_terminal() {
    let sandbox = Sandbox::with(moving_listing());
    let mut cmd = sandbox.std_cmd();
    cmd.env("TERM", "xterm-256color").args(WATCH_UNTIL_DONE);
    let run = pty::run_on_terminal(cmd, 120);
    assert!(run.status.success(), "{}", run.screen);
    // Drawn over the last, from the top left: the screen is cleared once, at the start,
    // then each line is cleared to its end and what is below the drawing.
    assert!(run.screen.starts_with("\x1b[H\x1b[2J"), "{:?}", run.screen);
    assert_eq!(run.screen.matches("\x1b[2J").count(), 1, "{:?}", run.screen);
    let drawings = drawings(&run.screen);
    assert_eq!(drawings.len(), 3, "{:?}", run.screen);
    for drawing in &drawings {
        let drawing = drawing.trim_start_matches("\x1b[2J");
        let (lines, after) = drawing.rsplit_once("\x1b[J").unwrap();
        assert!(lines.starts_with("Every 1s: matasks "), "{drawing:?}");
        assert!(lines.lines().all(|l| l.ends_with("\x1b[K")), "{drawing:?}");
        // Within the screen's 40 rows, with nothing left under it but the last note.
        assert!(lines.lines().count() < 40);
        assert!(
            after.is_empty() || after == "every task listed is done\n",
            "{after:?}"
        );
    }
    let last = drawings[2];
    assert!(last.contains("3 tasks\x1b[K\n"), "{last:?}");
    assert!(
        last.ends_with("3 tasks\x1b[K\n\x1b[Jevery task listed is done\n"),
        "{last:?}"
    );
    // The first listing had a task initializing: STATUS keeps that width when every
    // status has grown shorter.
    let header = |drawing: &str| drawing.lines().nth(2).unwrap().to_string();
    assert!(drawings[0].contains("  initializing  "), "{}", drawings[0]);
    assert!(!last.contains("initializing"), "{last}");
    assert_eq!(header(drawings[0]), header(last));
    assert!(
        last.contains("moving-failed     -     pre-label  failed             20%"),
        "{last}"
    );
}

#[cfg(unix)]
#[test]
fn a_watch_shows_the_rows_the_screen_has_room_for() {
    let sandbox = Sandbox::with(moving_listing());
    let mut cmd = sandbox.std_cmd();
    cmd.args(WATCH_UNTIL_DONE);
    // Seven rows: the title, a blank line, the header, two rows for the tasks, the
    // count, and the line the cursor waits on.
    let run = pty::run_on_screen(cmd, 60, 7);
    assert!(run.status.success(), "{}", run.screen);
    let drawn = drawings(&run.screen);
    assert_eq!(drawn.len(), 3, "{:?}", run.screen);
    for drawing in &drawn {
        let (lines, _) = drawing.rsplit_once("\x1b[J").unwrap();
        let lines: Vec<&str> = lines
            .trim_start_matches("\x1b[2J")
            .lines()
            .map(|l| l.trim_end_matches("\x1b[K"))
            .collect();
        assert_eq!(lines.len(), 6, "{lines:#?}");
        assert!(lines[3].starts_with("moving-succeeded  "), "{lines:#?}");
        assert_eq!(lines[4], "... 2 more");
        // Every line cut at the terminal's width, the title too, and the count says
        // which columns the width left out.
        assert!(lines.iter().all(|l| l.chars().count() <= 60), "{lines:#?}");
        assert_eq!(
            lines[5],
            "3 tasks (hidden to fit 60 columns: TYPE, SAMPLES, AGE)"
        );
    }
    // LINES stands for the terminal's height, as COLUMNS for its width.
    let mut cmd = sandbox.std_cmd();
    cmd.env("LINES", "6").args(WATCH_UNTIL_DONE);
    let run = pty::run_on_screen(cmd, 60, 40);
    assert!(run.status.success(), "{}", run.screen);
    let last = *drawings(&run.screen).last().unwrap();
    assert!(last.contains("\n... 3 more\x1b[K\n"), "{last:?}");
}

#[cfg(unix)]
#[test]
fn a_watch_on_a_tiny_screen_draws_no_more_lines_than_it_has() {
    let sandbox = Sandbox::with(moving_listing());
    let mut cmd = sandbox.std_cmd();
    cmd.args(WATCH_UNTIL_DONE)
        .args(["--columns", "id,name,status"]);
    // Three rows: two to draw on, one for the cursor. The title keeps its time.
    let run = pty::run_on_screen(cmd, 40, 3);
    assert!(run.status.success(), "{}", run.screen);
    for drawing in drawings(&run.screen) {
        let (lines, _) = drawing.rsplit_once("\x1b[J").unwrap();
        let lines: Vec<&str> = lines.trim_start_matches("\x1b[2J").lines().collect();
        assert_eq!(lines.len(), 2, "{lines:#?}");
        assert!(lines[0].contains("refreshed "), "{lines:#?}");
    }
}

#[cfg(unix)]
#[test]
fn ctrl_c_ends_a_watch_with_0() {
    let sandbox = Sandbox::new();
    let child = sandbox
        .std_cmd()
        .args(["list", "--watch", "--interval", "1s"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // The second listing has begun: the first one is printed.
    let deadline = Instant::now() + Duration::from_secs(10);
    while sandbox.requests().len() < 2 {
        assert!(Instant::now() < deadline, "never listed twice");
        std::thread::sleep(Duration::from_millis(20));
    }
    // SAFETY: the child is ours and still running.
    unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGINT) };
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout_of(&out).lines().count(), 6, "each task once");
}

#[test]
fn get_refuses_an_answer_that_is_not_a_task_object() {
    for (body, why) in [("[1, 2]", "not a JSON object"), ("<html>", "not JSON")] {
        let sandbox = Sandbox::with(Setup {
            hook: Some(Arc::new(move |req: &Recorded, _: &Catalog| {
                req.path
                    .contains("/tasks/")
                    .then(|| Action::Reply(Reply::json(200, body)))
            })),
            ..Setup::default()
        });
        let out = sandbox.run(&["get", "x", "-o", "json"]);
        assert_eq!(out.status.code(), Some(1));
        assert!(
            stderr_of(&out).starts_with(&format!("error: malformed response for task x: {why}")),
            "{}",
            stderr_of(&out)
        );
        assert_eq!(stdout_of(&out), "");
    }
}

#[test]
fn wait_on_a_task_already_done_ends_on_the_first_poll() {
    for (task, exit) in [
        ("Fa1LeDtask000000001", 7),
        ("Gr0up1ngTask0000001", 8),
        ("14cyxyu6UXaNT3lrPFl", 0),
    ] {
        let sandbox = Sandbox::new();
        let out = wait(&sandbox, task, &[]);
        assert_eq!(out.status.code(), Some(exit), "{task}: {}", stderr_of(&out));
        assert_eq!(polls(&sandbox), 1, "{task}");
    }
}

/// A port on this machine that nothing listens on.
fn closed_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

const NEVER_ANSWERED: &str = "hint: the wait ends early: nothing has answered as the ModelArts API yet, which waiting would not change";

#[test]
fn wait_ends_at_once_when_nothing_listens_at_the_endpoint() {
    let sandbox = Sandbox::new();
    let endpoint = format!("http://127.0.0.1:{}", closed_port());
    let out = wait(
        &sandbox,
        "moving-succeeded",
        &[
            "--endpoint",
            &endpoint,
            "--timeout",
            "10m",
            "--retries",
            "1",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr_of(&out);
    assert!(
        err.starts_with(
            "error: stopped waiting for task moving-succeeded before any answer from the API: \
             gave up after 2 attempts: GET http://127.0.0.1:"
        ),
        "{err}"
    );
    assert!(
        err.contains("\nhint: no connection: check the endpoint"),
        "{err}"
    );
    assert!(err.contains(NEVER_ANSWERED), "{err}");
    assert!(!err.contains("warning:"), "{err}");
    assert!(sandbox.requests().is_empty());
}

/// A server whose task-details answers are `first`, in order, then the usual ones.
fn first_polls(first: Vec<Action>) -> Setup {
    let first = std::sync::Mutex::new(first.into_iter());
    Setup {
        hook: Some(Arc::new(move |req: &Recorded, _: &Catalog| {
            if !req.path.contains("/tasks/") {
                return None;
            }
            first.lock().unwrap().next()
        })),
        ..Setup::default()
    }
}

fn html(status: u16) -> Action {
    let mut reply = Reply::json(status, "<html><body>Sign in</body></html>");
    reply.headers = vec![("content-type".into(), "text/html".into())];
    Action::Reply(reply)
}

#[test]
fn wait_ends_at_once_when_what_answers_is_not_the_api() {
    let mut redirect = Reply::json(302, "");
    redirect
        .headers
        .push(("location".into(), "https://login.example/".into()));
    for (first, why, tries) in [
        (
            html(200),
            "malformed response for task moving-succeeded: not JSON",
            1,
        ),
        (
            Action::Reply(Reply::json(200, "[]")),
            "malformed response for task moving-succeeded: not a JSON object",
            1,
        ),
        (
            Action::Reply(redirect),
            "the server answered HTTP 302 Found with a redirect to https://login.example/",
            1,
        ),
        // An error status is retried first, as any 502 is.
        (
            html(502),
            "the server answered HTTP 502 Bad Gateway with an HTML body",
            2,
        ),
    ] {
        let sandbox = Sandbox::with(first_polls((0..tries).map(|_| clone(&first)).collect()));
        let out = wait(
            &sandbox,
            "moving-succeeded",
            &["--timeout", "10m", "--retries", "1"],
        );
        assert_eq!(out.status.code(), Some(1), "{why}");
        let err = stderr_of(&out);
        assert!(
            err.starts_with(&format!(
                "error: stopped waiting for task moving-succeeded before any answer from the \
                 API: {why}"
            )),
            "{err}"
        );
        assert!(err.contains(NEVER_ANSWERED), "{err}");
        assert_eq!(polls(&sandbox), tries, "{why}");
    }
}

/// The same action again (actions are not `Clone`: only replies are needed here).
fn clone(action: &Action) -> Action {
    let Action::Reply(reply) = action else {
        unreachable!("only replies")
    };
    Action::Reply(Reply {
        status: reply.status,
        headers: reply.headers.clone(),
        body: reply.body.clone(),
    })
}

#[test]
fn before_the_first_answer_a_busy_api_is_still_waited_for() {
    // The gateway's own JSON error, a connection broken after it was made, or a
    // server error with an empty body (a gateway whose service restarts): the
    // service is there, and the wait goes on.
    let sandbox = Sandbox::with(first_polls(vec![
        Action::Reply(Reply::api_error(503, "APIGW.0000", "Busy.")),
        Action::Drop,
        Action::Reply(Reply::json(502, "")),
        Action::Reply(Reply::json(503, " ")),
    ]));
    let out = wait(&sandbox, "moving-succeeded", &["--retries", "0"]);
    assert_ok(&out);
    let err = stderr_of(&out);
    assert_eq!(
        err.matches("warning: could not check task").count(),
        4,
        "{err}"
    );
    assert!(err.contains("APIGW.0000: Busy. (HTTP 503"), "{err}");
    assert!(
        err.contains("HTTP 502 Bad Gateway with an empty body"),
        "{err}"
    );
    assert_eq!(polls(&sandbox), 7);
}

#[test]
fn once_the_task_was_seen_answers_that_are_not_the_api_are_ridden_out() {
    // The first poll answers; then an HTML page, a dropped connection and a 503: each
    // is a warning, and the wait goes on to the task's success.
    let polled = Arc::new(AtomicUsize::new(0));
    let count = polled.clone();
    let sandbox = Sandbox::with(Setup {
        hook: Some(Arc::new(move |req: &Recorded, _: &Catalog| {
            if !req.path.contains("/tasks/") {
                return None;
            }
            match count.fetch_add(1, Ordering::SeqCst) {
                1 => Some(html(200)),
                2 => Some(Action::Drop),
                3 => Some(Action::Reply(Reply::api_error(503, "APIGW.0000", "Busy."))),
                _ => None,
            }
        })),
        ..Setup::default()
    });
    let out = wait(&sandbox, "moving-succeeded", &["--retries", "0"]);
    assert_ok(&out);
    let err = stderr_of(&out);
    assert_eq!(
        err.matches("warning: could not check task").count(),
        3,
        "{err}"
    );
    assert!(
        err.contains("malformed response for task moving-succeeded: not JSON"),
        "{err}"
    );
    assert!(!err.contains("hint:"), "{err}");
    assert_eq!(polls(&sandbox), 6);
}

#[test]
fn once_the_task_was_seen_a_refused_connection_is_ridden_out() {
    use std::io::BufRead;
    // The service goes away after the first answer and comes back on the same port.
    let sandbox = Sandbox::new();
    let port: u16 = sandbox
        .server
        .url()
        .rsplit(':')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let mut child = sandbox
        .std_cmd()
        .args([
            "wait",
            "moving-succeeded",
            "--interval",
            "1s",
            "--retries",
            "0",
            // Ends a child left behind by a failing test.
            "--timeout",
            "50s",
        ])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let (lines, said) = std::sync::mpsc::channel();
    let stderr = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        for line in std::io::BufReader::new(stderr).lines() {
            let _ = lines.send(line.unwrap());
        }
    });
    let Sandbox { dir, server, .. } = sandbox;
    // Only a guard against a hung child: the waits are a few seconds.
    let deadline = Instant::now() + Duration::from_secs(55);
    let mut seen = Vec::new();
    let mut wait_for = |what: &str| loop {
        let line = said
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            .unwrap_or_else(|_| panic!("never said {what:?}: {seen:?}"));
        seen.push(line.clone());
        if line.contains(what) {
            break;
        }
    };
    wait_for("task moving-succeeded: queued 0%");
    drop(server);
    // Two polls fail: the second at the latest finds the port closed.
    wait_for("warning: could not check task moving-succeeded");
    wait_for("warning: could not check task moving-succeeded");
    let back = FakeServer::start(Setup {
        port,
        ..Setup::default()
    });
    let status = child.wait().unwrap();
    reader.join().unwrap();
    let rest: Vec<String> = said.try_iter().collect();
    assert!(status.success(), "{seen:?} {rest:?}");
    assert!(
        rest.last()
            .unwrap()
            .starts_with("task moving-succeeded succeeded"),
        "{rest:?}"
    );
    assert!(
        seen.iter().any(|l| l.contains("client error (Connect)")),
        "refused: {seen:?}"
    );
    assert!(!back.requests().is_empty());
    drop(dir);
}

/// A task whose texts hold a title-setting OSC, a screen clear, C1 controls, bidi
/// overrides and isolates, and zero-width characters.
const HOSTILE_TASK: &str = r#"{"task_id":"hostile","task_name":"a\u001b]0;owned\u0007b\u202ec\u200bd\ufeff","type":1,"status":2,"progress":50,"error_code":"E.1","error_msg":"x\u001b[2Jy\u009bz\u2066w\u2028v","message":"m\u0085n"}"#;

#[test]
fn hostile_task_text_is_shown_escaped_in_get_wait_and_list() {
    let sandbox = Sandbox::with(Setup {
        datasets: std::collections::HashMap::from([(
            DATASET.to_string(),
            Tasks::Fixed(vec![HOSTILE_TASK.to_string()]),
        )]),
        ..Setup::default()
    });
    let name = r"a\x1b]0;owned\x07b\u{202e}c\u{200b}d\u{feff}";
    let error = r"E.1: x\x1b[2Jy\x9bz\u{2066}w v";

    let out = sandbox.run(&["get", "hostile"]);
    assert_ok(&out);
    assert_terminal_safe(&stdout_of(&out));
    assert_stdout_has(&out, &format!("NAME      {name}\n"));
    assert_stdout_has(&out, &format!("ERROR     {error}\n"));
    assert_stdout_has(&out, "MESSAGE   m n\n");

    let out = wait(&sandbox, "hostile", &[]);
    assert_eq!(out.status.code(), Some(7));
    assert_terminal_safe(&stderr_of(&out));
    assert_stderr_has(&out, &format!("error: task hostile failed: {error}\n"));

    let out = sandbox.run(&["list", "--wide"]);
    assert_ok(&out);
    assert_terminal_safe(&stdout_of(&out));
    assert!(stdout_of(&out).contains(name), "{}", stdout_of(&out));
    assert!(stdout_of(&out).contains(error), "{}", stdout_of(&out));

    // JSON stays lossless: the server's escapes, as it wrote them.
    let out = sandbox.run(&["list", "-o", "ndjson"]);
    assert_eq!(stdout_of(&out), format!("{HOSTILE_TASK}\n"));
}

#[test]
fn an_odd_number_costs_one_field_only_in_get_wait_and_list() {
    let odd = r#"{"task_id":"odd","task_name":"big","type":1,"status":3,"progress":100,"annotated_sample_count":38,"total_sample_count":1e400,"elapsed_time":123456789012345678901234567890,"create_time":"2026-11-29 08:00:00"}"#;
    let other = r#"{"task_id":"other","task_name":"small","type":1,"status":1,"progress":-1e400,"create_time":"2026-11-29 09:00:00"}"#;
    // Served as written: the fake server's own lookups cannot read 1e400 either.
    let page = format!(r#"{{"tasks":[{odd},{other}],"total_count":2}}"#);
    let sandbox = Sandbox::with(Setup {
        hook: Some(Arc::new(move |req: &Recorded, _: &Catalog| {
            req.path
                .ends_with("/tasks")
                .then(|| Action::Reply(Reply::json(200, page.clone())))
        })),
        details: std::collections::HashMap::from([("odd".to_string(), odd.to_string())]),
        ..Setup::default()
    });
    let out = sandbox.run(&["get", "odd"]);
    assert_ok(&out);
    assert_eq!(
        stdout_of(&out),
        "ID        odd\nNAME      big\nTYPE      pre-label\nSTATUS    succeeded\nPROGRESS  100%\n\
         SAMPLES   38/1e400\nCREATED   2026-11-29 00:00:00 +00:00\n\
         ELAPSED   123456789012345678901234567890\n"
    );

    let out = wait(&sandbox, "odd", &["--timeout", "5s"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));

    let out = sandbox.run(&["list", "--status", "succeeded", "--columns", "id,status"]);
    assert_ok(&out);
    assert_eq!(stdout_of(&out), "ID   STATUS\nodd  succeeded\n");
    let out = sandbox.run(&["list", "--sort", "-progress", "--columns", "id,progress"]);
    assert_ok(&out);
    assert_eq!(
        stdout_of(&out),
        "ID     PROGRESS\nodd        100%\nother    -1e400\n"
    );
}

#[test]
fn task_and_dataset_ids_that_cannot_be_one_path_step_are_refused_before_any_request() {
    let sandbox = Sandbox::new();
    let refused = |args: &[&str], envs: &[(&str, &str)], message: &str| {
        let out = sandbox
            .cmd()
            .envs(envs.iter().copied())
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr_of(&out));
        assert!(
            stderr_of(&out).starts_with(message),
            "{args:?}: {}",
            stderr_of(&out)
        );
        assert_terminal_safe(&stderr_of(&out));
        assert_eq!(stdout_of(&out), "");
        assert!(sandbox.requests().is_empty(), "{args:?} sent a request");
    };
    for command in ["get", "wait"] {
        refused(
            &[command, ""],
            &[],
            "error: the task ID from the command line is empty\n",
        );
        for (id, why) in [
            ("..", "`..` is a step of a path"),
            (".", "`.` is a step of a path"),
            ("a/b", "it contains `/`"),
            ("a\\b", "it contains `\\`"),
            ("a\u{1b}[2J", "it contains a control character"),
            ("a\u{202e}b", "it contains a control character"),
        ] {
            let shown = id
                .replace('\u{1b}', "\\x1b")
                .replace('\u{202e}', "\\u{202e}");
            refused(
                &[command, id],
                &[],
                &format!(
                    "error: the task ID `{shown}` from the command line is not an ID: {why}\n"
                ),
            );
        }
    }
    // An explicitly empty dataset is an error, not a fall-back to the profile's.
    for args in [
        &["list", "-d", ""][..],
        &["list", "--dataset", " "],
        &["get", "t", "-d", ""],
        &["wait", "t", "-d", ""],
        &["config", "check", "-d", ""],
    ] {
        refused(
            args,
            &[],
            "error: the dataset ID from flag --dataset is empty\n",
        );
    }
    refused(
        &["list"],
        &[("MATASKS_DATASET", "")],
        "error: the dataset ID from env MATASKS_DATASET is empty\n",
    );
    refused(
        &["get", "t"],
        &[("MATASKS_DATASET", "..")],
        "error: the dataset ID `..` from env MATASKS_DATASET is not an ID",
    );
    refused(
        &["list", "-d", "x/../.."],
        &[],
        "error: the dataset ID `x/../..` from flag --dataset is not an ID: it contains `/`",
    );
    let text = std::fs::read_to_string(&sandbox.config).unwrap();
    sandbox.write_config(&text.replace(DATASET, ".."));
    for args in [
        &["list"][..],
        &["get", "t"],
        &["wait", "t"],
        &["config", "check"],
    ] {
        refused(
            args,
            &[],
            "error: the dataset ID `..` from `dataset_id` in profile `default` of ",
        );
    }
}
