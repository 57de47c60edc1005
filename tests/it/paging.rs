//! `list --all`: concurrent, ordered, streaming paging against the fake server.

use std::io::{BufRead, BufReader, Read};
use std::process::Stdio;
use std::sync::Arc;
use std::time::Duration;

use crate::support::*;
use fake_modelarts::fixtures::generated_id;
use fake_modelarts::*;

const BIG: &str = "big";

fn setup(tasks: usize) -> Setup {
    let mut setup = Setup::default();
    setup.datasets.insert(BIG.into(), Tasks::Generated(tasks));
    setup
}

fn serving(tasks: usize, latency_ms: u64) -> Sandbox {
    Sandbox::with(Setup {
        latency: Duration::from_millis(latency_ms),
        ..setup(tasks)
    })
}

/// A sandbox whose server answers every page through `hook(page number, limit, catalog)`.
fn hooked(
    tasks: usize,
    hook: impl Fn(u64, u64, &Catalog) -> Option<Action> + Send + Sync + 'static,
) -> Sandbox {
    let hook: Hook = Arc::new(move |req, catalog| hook(req.offset(), req.limit(), catalog));
    Sandbox::with(Setup {
        hook: Some(hook),
        ..setup(tasks)
    })
}

/// Page `page` as the server would normally answer it, out of `total` tasks.
fn regular(catalog: &Catalog, page: u64, limit: u64, total: usize) -> Action {
    Action::Reply(catalog.page(BIG, (page * limit) as usize, limit as usize, total))
}

/// A sandbox whose page `again` comes back as page `as_page` did.
fn replaying(tasks: usize, again: u64, as_page: u64) -> Sandbox {
    hooked(tasks, move |page, limit, catalog| {
        let page = if page == again { as_page } else { page };
        Some(regular(catalog, page, limit, tasks))
    })
}

/// The one file the offset-mode cache holds.
fn offsets_cache_file(sandbox: &Sandbox) -> std::path::PathBuf {
    let mut entries = std::fs::read_dir(sandbox.cache_dir().join("offsets")).unwrap();
    entries.next().unwrap().unwrap().path()
}

fn generated(range: std::ops::Range<usize>) -> Vec<String> {
    range.map(generated_id).collect()
}

fn list_all(sandbox: &Sandbox, extra: &[&str]) -> std::process::Output {
    sandbox
        .cmd()
        .args(["list", "-d", BIG, "--all", "-o", "ndjson"])
        .args(extra)
        .output()
        .unwrap()
}

#[test]
fn every_task_once_in_order_each_request_signed() {
    let sandbox = serving(1234, 5);
    let out = list_all(&sandbox, &[]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(stderr_of(&out), "");
    assert_eq!(ids_of(&out.stdout), generated(0..1234));
    let requests = sandbox.requests();
    assert_eq!(requests.len(), 13);
    let mut offsets: Vec<u64> = requests.iter().map(|r| r.offset()).collect();
    offsets.sort();
    assert_eq!(offsets, (0..13).collect::<Vec<_>>());
    for request in &requests {
        assert_eq!(request.signature, Ok(()));
        assert_eq!(request.limit(), 100);
    }
    // Each request carries its own signature over its own query.
    let mut signatures: Vec<&str> = requests
        .iter()
        .map(|r| r.header("authorization").unwrap())
        .collect();
    signatures.sort();
    signatures.dedup();
    assert_eq!(signatures.len(), 13);
}

#[test]
fn concurrency_never_exceeds_the_cap_and_reaches_it() {
    for (args, cap) in [
        (&[][..], 8),
        (&["--concurrency", "3"][..], 3),
        (&["--concurrency", "1"][..], 1),
        (&["--concurrency", "32"][..], 32),
    ] {
        let sandbox = serving(4000, 40);
        let out = list_all(&sandbox, args);
        assert!(out.status.success(), "{}", stderr_of(&out));
        assert_eq!(ids_of(&out.stdout).len(), 4000);
        assert_eq!(sandbox.server.max_in_flight(), cap, "{args:?}");
    }
}

#[test]
fn concurrency_from_the_profile_and_bad_values() {
    let sandbox = serving(1000, 40);
    let text = std::fs::read_to_string(&sandbox.config).unwrap();
    sandbox.write_config(&format!("{text}concurrency = 2\n"));
    let out = list_all(&sandbox, &[]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(sandbox.server.max_in_flight(), 2);
    let out = list_all(&sandbox, &["--concurrency", "4"]);
    assert!(out.status.success());
    assert_eq!(sandbox.server.max_in_flight(), 4);

    for bad in ["0", "33", "many"] {
        let out = list_all(&sandbox, &["--concurrency", bad]);
        assert_eq!(out.status.code(), Some(2), "{bad}");
    }
    sandbox.write_config(&format!("{text}concurrency = 40\n"));
    let out = list_all(&sandbox, &[]);
    assert_eq!(out.status.code(), Some(3));
    assert_stderr_has(
        &out,
        "key `profiles.default.concurrency`: 40 is out of range",
    );
}

#[test]
fn limit_sets_the_page_size_and_offset_the_first_page() {
    let sandbox = serving(250, 0);
    let out = list_all(&sandbox, &["--limit", "7"]);
    assert_eq!(ids_of(&out.stdout), generated(0..250));
    assert_eq!(sandbox.requests().len(), 36);
    assert!(sandbox.requests().iter().all(|r| r.limit() == 7));

    let sandbox = serving(250, 0);
    let out = list_all(&sandbox, &["--offset", "1"]);
    assert!(out.status.success());
    assert_eq!(stderr_of(&out), "");
    assert_eq!(ids_of(&out.stdout), generated(100..250));
    let mut offsets: Vec<u64> = sandbox.requests().iter().map(|r| r.offset()).collect();
    offsets.sort();
    assert_eq!(offsets, [1, 2]);
}

#[test]
fn max_items_caps_the_listing_and_implies_all() {
    let sandbox = serving(1000, 0);
    let out = list_all(&sandbox, &["--max-items", "250"]);
    assert_eq!(ids_of(&out.stdout), generated(0..250));
    assert_eq!(sandbox.requests().len(), 3);
    assert_eq!(stderr_of(&out), "");

    let sandbox = serving(1000, 0);
    let out = sandbox.run(&["list", "-d", BIG, "--max-items", "5", "-o", "ndjson"]);
    assert_eq!(ids_of(&out.stdout), generated(0..5));
    let requests = sandbox.requests();
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].query, "limit=5&offset=0");

    let out = sandbox.run(&["list", "-d", BIG, "--max-items", "150", "--limit", "40"]);
    assert!(out.status.success());
    assert_eq!(stdout_of(&out).lines().count(), 151);
    assert_eq!(
        stderr_of(&out),
        "150 of 1000 auto-labeling and pre-labeling tasks (--type all lists every kind)\n"
    );

    for bad in ["0", "-3", "x"] {
        let out = sandbox.run(&["list", "--max-items", bad]);
        assert_eq!(out.status.code(), Some(2), "{bad}");
    }
}

#[test]
fn record_offsets_are_sent_when_the_profile_asks() {
    let sandbox = Sandbox::with(Setup {
        offset_mode: OffsetMode::Record,
        ..setup(450)
    });
    let text = std::fs::read_to_string(&sandbox.config).unwrap();
    sandbox.write_config(&format!("{text}offset_mode = \"record\"\n"));
    let out = list_all(&sandbox, &[]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(stderr_of(&out), "");
    assert_eq!(ids_of(&out.stdout), generated(0..450));
    let mut offsets: Vec<u64> = sandbox.requests().iter().map(|r| r.offset()).collect();
    offsets.sort();
    assert_eq!(offsets, [0, 100, 200, 300, 400]);
    // A single page too: --offset stays a page number.
    let out = sandbox.run(&[
        "list", "-d", BIG, "--offset", "2", "--limit", "10", "-o", "ndjson",
    ]);
    assert_eq!(ids_of(&out.stdout), generated(20..30));
    assert_eq!(
        sandbox.requests().pop().unwrap().query,
        "limit=10&offset=20"
    );
}

/// The listing ended with exit 9, naming how many tasks are missing and why.
fn assert_incomplete(out: &std::process::Output, listed: usize, of: usize, why: &str) {
    assert_eq!(out.status.code(), Some(9), "{}", stderr_of(out));
    assert_eq!(
        ids_of(&out.stdout).len(),
        listed,
        "what the pages held is printed"
    );
    let err = stderr_of(out);
    let line = format!(
        "error: incomplete listing: {listed} of {of} tasks, {} missing: {why}\n",
        of - listed
    );
    assert!(err.contains(&line), "{err}\nwanted: {line}");
    assert!(err.contains("\nhint: "), "{err}");
}

#[test]
fn auto_finds_out_what_offset_counts_and_remembers_it() {
    for (server, expected) in [(OffsetMode::Page, "pages"), (OffsetMode::Record, "records")] {
        let sandbox = Sandbox::with(Setup {
            offset_mode: server,
            ..setup(500)
        });
        let out = list_all(&sandbox, &["-v"]);
        assert!(out.status.success(), "{}", stderr_of(&out));
        assert_eq!(ids_of(&out.stdout), generated(0..500), "every task once");
        let err = stderr_of(&out);
        assert!(!err.contains("warning"), "{err}");
        assert!(
            err.contains(&format!(
                "the server's offset counts {expected}: offset 1 returned"
            )),
            "{err}"
        );
        assert!(err.contains("remembered for http://127.0.0.1:"), "{err}");
        let first: Vec<u64> = sandbox.requests().iter().map(|r| r.offset()).collect();
        match server {
            // Nothing beyond the pages needed.
            OffsetMode::Page => {
                let mut sorted = first.clone();
                sorted.sort();
                assert_eq!(sorted, [0, 1, 2, 3, 4]);
            }
            // One round of page offsets, cancelled by what offset 1 showed, then
            // record offsets.
            OffsetMode::Record => {
                let records: Vec<u64> = first.iter().copied().filter(|&o| o >= 100).collect();
                let mut records_sorted = records.clone();
                records_sorted.sort();
                assert_eq!(records_sorted, [100, 200, 300, 400]);
                assert!(first.len() <= 1 + 4 + 4, "{first:?}");
            }
        }
        // The second run asks no question: the cache knows.
        let out = list_all(&sandbox, &[]);
        assert!(out.status.success(), "{}", stderr_of(&out));
        assert_eq!(ids_of(&out.stdout), generated(0..500));
        let mut second: Vec<u64> = sandbox.requests()[first.len()..]
            .iter()
            .map(|r| r.offset())
            .collect();
        second.sort();
        let step = if server == OffsetMode::Page { 1 } else { 100 };
        assert_eq!(second, [0, step, 2 * step, 3 * step, 4 * step]);
        // A single later page, one request.
        let before = sandbox.requests().len();
        let out = sandbox.run(&["list", "-d", BIG, "--offset", "3", "-o", "ndjson"]);
        assert_eq!(ids_of(&out.stdout), generated(30..40));
        assert_eq!(sandbox.requests().len(), before + 1);
        let cached = std::fs::read_dir(sandbox.cache_dir().join("offsets"))
            .unwrap()
            .count();
        assert_eq!(cached, 1);
        // config show says what is in effect, and where it came from.
        let out = sandbox.run(&["config", "show"]);
        let rows = rows_of(&out);
        let mode = if server == OffsetMode::Page {
            "page"
        } else {
            "record"
        };
        assert!(
            rows.contains(&format!("offset_mode auto: {mode} found out ")),
            "{rows}"
        );
    }
}

#[test]
fn a_later_page_without_knowing_costs_one_request_or_one_round() {
    for (server, queries) in [
        (
            OffsetMode::Page,
            vec!["limit=10&offset=3", "limit=10&offset=4"],
        ),
        (
            OffsetMode::Record,
            vec![
                "limit=10&offset=3",
                "limit=10&offset=30",
                "limit=10&offset=4",
            ],
        ),
    ] {
        let sandbox = Sandbox::with(Setup {
            offset_mode: server,
            ..setup(500)
        });
        let out = sandbox.run(&["list", "-d", BIG, "--offset", "3", "--limit", "10"]);
        assert!(out.status.success(), "{}", stderr_of(&out));
        assert_stdout_has(&out, &generated_id(30));
        assert!(!stdout_of(&out).contains(&generated_id(40)));
        let mut sent: Vec<String> = sandbox.requests().iter().map(|r| r.query.clone()).collect();
        sent.sort();
        assert_eq!(sent, queries);
        let hint = if server == OffsetMode::Page {
            "(next page: --offset 4;"
        } else {
            "(next page: --offset 4, which asks for offset 40;"
        };
        assert!(stderr_of(&out).contains(hint), "{}", stderr_of(&out));
    }
}

#[test]
fn a_stale_cache_is_corrected_or_forgotten() {
    let sandbox = Sandbox::with(Setup {
        offset_mode: OffsetMode::Record,
        ..setup(300)
    });
    // An earlier run against another server left "pages": the second page shows
    // otherwise, at no cost, and the listing goes on with record offsets.
    let out = list_all(&sandbox, &[]);
    assert!(out.status.success());
    let cache = offsets_cache_file(&sandbox);
    let text = std::fs::read_to_string(&cache).unwrap();
    std::fs::write(&cache, text.replace("records", "pages")).unwrap();
    let out = list_all(&sandbox, &[]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(ids_of(&out.stdout), generated(0..300));
    assert!(std::fs::read_to_string(&cache).unwrap().contains("records"));

    // "records" left for a server that counts pages: the listing comes up short, says
    // so, and forgets it; the next run finds out.
    let sandbox = Sandbox::with(setup(300));
    let out = list_all(&sandbox, &[]);
    assert!(out.status.success());
    let cache = offsets_cache_file(&sandbox);
    let text = std::fs::read_to_string(&cache).unwrap();
    std::fs::write(&cache, text.replace("pages", "records")).unwrap();
    let out = list_all(&sandbox, &[]);
    assert_incomplete(&out, 100, 300, "page 1 came back empty");
    assert_stderr_has(&out, "that is forgotten now");
    assert!(!cache.exists());
    let out = list_all(&sandbox, &[]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(ids_of(&out.stdout), generated(0..300));
}

#[test]
fn a_mode_set_in_the_profile_is_kept_and_a_wrong_one_is_no_silent_success() {
    for (server, set, listed, why) in [
        (
            OffsetMode::Record,
            "page",
            104,
            "the pages the total calls for held fewer tasks, and 396 of the tasks they held \
             repeated earlier pages",
        ),
        (OffsetMode::Page, "record", 100, "page 1 came back empty"),
    ] {
        let sandbox = Sandbox::with(Setup {
            offset_mode: server,
            ..setup(500)
        });
        let text = std::fs::read_to_string(&sandbox.config).unwrap();
        sandbox.write_config(&format!("{text}offset_mode = \"{set}\"\n"));
        let out = list_all(&sandbox, &[]);
        let ids = ids_of(&out.stdout);
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), ids.len(), "a task printed twice");
        assert_incomplete(&out, listed, 500, why);
        assert_stderr_has(
            &out,
            &format!("hint: the profile sets offset_mode = \"{set}\""),
        );
        assert!(!sandbox.cache_dir().join("offsets").exists());
    }
}

#[test]
fn a_server_that_ignores_offset_does_not_loop() {
    let sandbox = hooked(100_000, |_, limit, catalog| {
        Some(Action::Reply(catalog.page(BIG, 0, limit as usize, 100_000)))
    });
    let out = list_all(&sandbox, &[]);
    assert_incomplete(
        &out,
        100,
        100_000,
        "page 1 only repeated tasks already listed (does the server ignore `offset`?)",
    );
    assert_eq!(ids_of(&out.stdout), generated(0..100));
    // The first page, then at most one window of pages in flight.
    assert!(
        sandbox.requests().len() <= 1 + 8 + 1,
        "{}",
        sandbox.requests().len()
    );
}

#[test]
fn a_total_that_overstates_the_tasks_exits_9_with_what_there_is() {
    let sandbox = hooked(450, |page, limit, catalog| {
        Some(Action::Reply(catalog.page(
            BIG,
            (page * limit) as usize,
            limit as usize,
            600,
        )))
    });
    let out = list_all(&sandbox, &[]);
    assert_eq!(ids_of(&out.stdout), generated(0..450));
    assert_incomplete(
        &out,
        450,
        600,
        "page 4 came back with 50 tasks where 100 were asked for",
    );
    // The table and JSON print what there is too.
    let out = sandbox.run(&["list", "-d", BIG, "--all", "-o", "json"]);
    assert_eq!(out.status.code(), Some(9));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["tasks"].as_array().unwrap().len(), 450);
    assert_eq!(doc["total_count"], 600);
    let out = sandbox.run(&["list", "-d", BIG, "--all"]);
    assert_eq!(out.status.code(), Some(9));
    assert_eq!(stdout_of(&out).lines().count(), 451);
    // A cap is not a shortfall, and neither is one page.
    let out = list_all(&sandbox, &["--max-items", "300"]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    let out = sandbox.run(&["list", "-d", BIG, "--offset", "4", "--limit", "100"]);
    assert!(out.status.success(), "{}", stderr_of(&out));
}

#[test]
fn a_wholly_repeated_page_stops_and_a_shifted_page_drops_its_repeats() {
    // Page 3 repeats page 2.
    let sandbox = replaying(1000, 3, 2);
    let out = list_all(&sandbox, &[]);
    assert_eq!(ids_of(&out.stdout), generated(0..300));
    assert_incomplete(
        &out,
        300,
        1000,
        "page 3 only repeated tasks already listed (does the server ignore `offset`?)",
    );

    // A task created at the front while listing shifts pages 2 on by one.
    let sandbox = hooked(1000, |page, limit, catalog| {
        let start = (page * limit) as usize;
        let (start, total) = if page >= 2 {
            (start - 1, 1001)
        } else {
            (start, 1000)
        };
        Some(Action::Reply(catalog.page(
            BIG,
            start,
            limit as usize,
            total,
        )))
    });
    let out = list_all(&sandbox, &[]);
    let ids = ids_of(&out.stdout);
    assert_eq!(
        ids,
        generated(0..1000),
        "the larger total extends the listing"
    );
    // The task created at the front came after page 0 was listed: it is missing.
    assert_incomplete(
        &out,
        1000,
        1001,
        "page 10 came back with 1 task where 100 were asked for, and 1 of the tasks they \
         held repeated earlier pages",
    );
    let mut offsets: Vec<u64> = sandbox.requests().iter().map(|r| r.offset()).collect();
    offsets.sort();
    assert_eq!(offsets, (0..11).collect::<Vec<_>>());
    let err = stderr_of(&out);
    assert!(
        err.contains("warning: the total changed from 1000 to 1001"),
        "{err}"
    );
    // The repeat is part of why the listing is incomplete, not a warning of its own.
    assert!(!err.contains("warning: skipped"), "{err}");
    assert_eq!(
        err.matches("total changed").count(),
        1,
        "warned once: {err}"
    );
}

#[test]
fn a_shift_with_an_unchanged_total_is_reported() {
    // One task created at the front and one deleted at the end after page 1.
    let sandbox = hooked(1000, |page, limit, catalog| {
        let start = (page * limit) as usize;
        let start = if page >= 2 { start - 1 } else { start };
        let len = (limit as usize).min(999 - start.min(999));
        Some(Action::Reply(catalog.page(BIG, start, len, 1000)))
    });
    let out = list_all(&sandbox, &[]);
    let ids = ids_of(&out.stdout);
    assert_eq!(ids, generated(0..999));
    assert_incomplete(
        &out,
        999,
        1000,
        "the pages the total calls for held fewer tasks, and 1 of the tasks they held \
         repeated earlier pages",
    );
    assert!(
        stderr_of(&out).starts_with("error: incomplete listing"),
        "{}",
        stderr_of(&out)
    );
}

#[test]
fn pages_print_in_order_whatever_order_they_arrive_in() {
    // Early pages are the slowest to answer.
    let sandbox = hooked(1000, |page, limit, catalog| {
        let delay = Duration::from_millis(40 * (10 - page.min(10)));
        Some(Action::Delay(
            delay,
            Box::new(regular(catalog, page, limit, 1000)),
        ))
    });
    let out = list_all(&sandbox, &["--concurrency", "10"]);
    assert!(out.status.success());
    assert_eq!(ids_of(&out.stdout), generated(0..1000));
}

#[test]
fn every_request_is_signed_when_it_is_sent() {
    let sandbox = serving(500, 600);
    let out = list_all(&sandbox, &["--concurrency", "2"]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    let date_of = |page: u64| {
        let requests = sandbox.requests();
        let request = requests.iter().find(|r| r.offset() == page).unwrap();
        request.header("x-sdk-date").unwrap().to_string()
    };
    // Page 4 waits for a slot more than a second after page 0 was sent.
    assert!(date_of(4) > date_of(0), "{} {}", date_of(4), date_of(0));
}

#[test]
fn json_streams_before_the_last_page_arrives() {
    let sandbox = serving(2000, 100);
    let mut child = sandbox
        .std_cmd()
        .args([
            "list",
            "-d",
            BIG,
            "--all",
            "-o",
            "json",
            "--concurrency",
            "1",
        ])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut reader = BufReader::new(child.stdout.take().unwrap());
    let mut head = String::new();
    for _ in 0..4 {
        reader.read_line(&mut head).unwrap();
    }
    assert!(
        head.starts_with("{\n  \"total_count\": 2000,\n  \"tasks\": [\n    {"),
        "{head}"
    );
    assert!(child.try_wait().unwrap().is_none(), "still listing");
    assert!(
        sandbox.requests().len() < 20,
        "{}",
        sandbox.requests().len()
    );
    let mut rest = String::new();
    reader.read_to_string(&mut rest).unwrap();
    assert!(child.wait().unwrap().success());
    let doc: serde_json::Value = serde_json::from_str(&(head + &rest)).unwrap();
    assert_eq!(doc["tasks"].as_array().unwrap().len(), 2000);
}

#[test]
fn a_page_repeating_one_from_far_back_is_dropped() {
    // Page 40 comes back as page 5 did, 3,500 tasks earlier.
    let sandbox = replaying(6000, 40, 5);
    let out = list_all(&sandbox, &[]);
    assert_eq!(ids_of(&out.stdout), generated(0..4000));
    assert_incomplete(
        &out,
        4000,
        6000,
        "page 40 only repeated tasks already listed (does the server ignore `offset`?)",
    );
}

#[test]
fn short_and_empty_pages_end_the_listing() {
    // Tasks deleted while listing: page 4 is short, nothing after it is used.
    let sandbox = hooked(1000, |page, limit, catalog| {
        let len = if page == 4 { 30 } else { limit as usize };
        let reply = if page > 4 {
            catalog.page(BIG, 0, 0, 1000)
        } else {
            catalog.page(BIG, (page * limit) as usize, len, 1000)
        };
        Some(Action::Reply(reply))
    });
    let out = list_all(&sandbox, &[]);
    assert_eq!(ids_of(&out.stdout), generated(0..430));
    assert_incomplete(
        &out,
        430,
        1000,
        "page 4 came back with 30 tasks where 100 were asked for",
    );

    let sandbox = hooked(1000, |page, limit, catalog| {
        let len = if page >= 3 { 0 } else { limit as usize };
        Some(Action::Reply(catalog.page(
            BIG,
            (page * limit) as usize,
            len,
            1000,
        )))
    });
    let out = list_all(&sandbox, &[]);
    assert_eq!(ids_of(&out.stdout), generated(0..300));
    assert_incomplete(&out, 300, 1000, "page 3 came back empty");

    // A total that shrinks: the pages hold less, the listing stops at the empty one.
    let sandbox = hooked(1000, |page, limit, catalog| {
        let total = if page == 0 { 1000 } else { 420 };
        let start = (page * limit) as usize;
        let len = (limit as usize).min(420usize.saturating_sub(start));
        Some(Action::Reply(catalog.page(BIG, start, len, total)))
    });
    let out = list_all(&sandbox, &[]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(ids_of(&out.stdout), generated(0..420));
    assert_eq!(
        stderr_of(&out),
        "warning: the total changed from 1000 to 420 while listing (tasks were created or \
         deleted); the listing holds what the pages held\n"
    );
}

#[test]
fn a_failing_page_ends_the_listing_with_its_error_after_earlier_pages() {
    for (status, code, expected_exit) in [
        (500, "ModelArts.0010", 1),
        (404, "ModelArts.4352", 5),
        (429, "APIGW.0308", 6),
        (403, "ModelArts.0203", 4),
    ] {
        let sandbox = hooked(2000, move |page, limit, catalog| {
            Some(if page == 4 {
                Action::Reply(Reply::api_error(status, code, "Injected."))
            } else {
                regular(catalog, page, limit, 2000)
            })
        });
        let out = list_all(&sandbox, &["--retries", "0"]);
        assert_eq!(out.status.code(), Some(expected_exit), "{status}");
        assert_eq!(ids_of(&out.stdout), generated(0..400), "{status}");
        let err = stderr_of(&out);
        assert!(
            err.starts_with(&format!(
                "error: page 4 failed: {code}: Injected. (HTTP {status}, request id req-"
            )),
            "{err}"
        );
    }
    // A dropped connection is a runtime error too.
    let sandbox = hooked(2000, |page, limit, catalog| {
        Some(if page == 2 {
            Action::Drop
        } else {
            regular(catalog, page, limit, 2000)
        })
    });
    let out = list_all(&sandbox, &["--retries", "0"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(ids_of(&out.stdout), generated(0..200));
    assert!(
        stderr_of(&out).starts_with("error: page 2 failed: GET "),
        "{}",
        stderr_of(&out)
    );
}

#[test]
fn json_streams_one_document_and_the_table_renders_at_the_end() {
    let sandbox = serving(345, 0);
    let out = sandbox.run(&["list", "-d", BIG, "--all", "-o", "json"]);
    assert!(out.status.success());
    let stdout = stdout_of(&out);
    assert!(stdout.starts_with("{\n  \"total_count\": 345,\n  \"tasks\": [\n    {"));
    assert!(stdout.ends_with("}\n  ],\n  \"exist_running_deploy_task\": false\n}\n"));
    let doc: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let ids: Vec<&str> = doc["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["task_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, generated(0..345));

    let out = sandbox.run(&["list", "-d", BIG, "--all"]);
    assert!(out.status.success());
    let stdout = stdout_of(&out);
    assert_eq!(stdout.lines().count(), 346);
    assert!(
        stdout
            .lines()
            .nth(345)
            .unwrap()
            .starts_with(&generated_id(344))
    );
    assert_eq!(
        stderr_of(&out),
        "345 auto-labeling and pre-labeling tasks (--type all lists every kind)\n"
    );
}

#[test]
fn closing_the_pipe_while_pages_are_in_flight_ends_quietly() {
    let sandbox = serving(20_000, 100);
    let mut child = sandbox
        .std_cmd()
        .args(["list", "-d", BIG, "--all", "-o", "ndjson"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut reader = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    reader.read_line(&mut line).unwrap();
    assert!(line.contains(&generated_id(0)));
    drop(reader);
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{:?}", out.status);
    assert_eq!(stderr_of(&out), "");
    // It stopped with most of the 200 pages never requested.
    assert!(
        sandbox.requests().len() < 50,
        "{}",
        sandbox.requests().len()
    );
}

/// The binary for a terminal that can redraw: one whose TERM is known.
#[cfg(unix)]
fn on_terminal(sandbox: &Sandbox, args: &[&str]) -> std::process::Command {
    let mut cmd = sandbox.std_cmd();
    cmd.env("TERM", "xterm-256color").args(args);
    cmd
}

#[cfg(unix)]
#[test]
fn progress_shows_on_a_terminal_only_and_is_cleared() {
    use crate::support::pty::{run_on_terminal, run_with_stdout_piped};
    let sandbox = serving(3000, 60);

    // stderr on a terminal, stdout into a file: progress on the terminal.
    let cmd = on_terminal(
        &sandbox,
        &[
            "list",
            "-d",
            BIG,
            "--all",
            "-o",
            "ndjson",
            "--concurrency",
            "2",
        ],
    );
    let run = run_with_stdout_piped(cmd, 100);
    assert!(run.status.success(), "{}", run.screen);
    assert!(run.screen.contains("/30 pages, "), "{:?}", run.screen);
    assert!(run.screen.contains(" tasks"), "{:?}", run.screen);
    assert_eq!(ids_of(&run.stdout).len(), 3000);

    // The table on the terminal: the bar is erased before the table is drawn.
    let cmd = on_terminal(
        &sandbox,
        &[
            "--color",
            "never",
            "list",
            "-d",
            BIG,
            "--all",
            "--concurrency",
            "2",
        ],
    );
    let run = run_on_terminal(cmd, 200);
    assert!(run.status.success());
    let bar = run.screen.find("/30 pages").expect("a progress bar");
    let table = run.screen.find("ID  ").expect("the table");
    assert!(bar < table);
    let erase = run.screen[bar..table]
        .rfind("\x1b[")
        .expect("the bar is erased");
    assert!(bar + erase < table);
    assert!(
        run.screen
            .ends_with("3000 auto-labeling and pre-labeling tasks (--type all lists every kind)\n"),
        "{:?}",
        &run.screen[run.screen.len() - 40..]
    );

    // NDJSON on the terminal is its own progress: no bar in the way of the lines.
    let cmd = on_terminal(
        &sandbox,
        &[
            "list",
            "-d",
            BIG,
            "--all",
            "-o",
            "ndjson",
            "--max-items",
            "400",
        ],
    );
    let run = run_on_terminal(cmd, 200);
    assert!(!run.screen.contains("pages"), "{:?}", &run.screen[..200]);

    // Warnings wait until the bar is gone.
    let shifted = hooked(3000, |page, limit, catalog| {
        let start = (page * limit) as usize;
        let (start, total) = if page >= 2 {
            (start - 1, 3001)
        } else {
            (start, 3000)
        };
        Some(Action::Delay(
            Duration::from_millis(30),
            Box::new(Action::Reply(catalog.page(
                BIG,
                start,
                limit as usize,
                total,
            ))),
        ))
    });
    let cmd = on_terminal(
        &shifted,
        &[
            "list",
            "-d",
            BIG,
            "--all",
            "-o",
            "ndjson",
            "--concurrency",
            "2",
        ],
    );
    let run = run_with_stdout_piped(cmd, 100);
    assert!(run.screen.contains("pages, "), "{:?}", run.screen);
    let warning = run.screen.find("the total changed").expect("the warning");
    for line in run.screen.split(['\n', '\r']) {
        assert!(
            !(line.contains("pages, ") && line.contains("warning")),
            "{line:?}"
        );
    }
    assert!(warning > run.screen.rfind("pages, ").unwrap());

    // A terminal that cannot redraw (TERM unset or dumb) gets no bar either.
    let mut cmd = sandbox.std_cmd();
    cmd.env("TERM", "dumb").args([
        "list",
        "-d",
        BIG,
        "--all",
        "-o",
        "ndjson",
        "--max-items",
        "400",
    ]);
    let run = run_with_stdout_piped(cmd, 100);
    assert_eq!(run.screen, "");
}

/// The most requests any of `requests` found in flight, itself included.
fn most_in_flight(requests: &[Recorded]) -> usize {
    requests.iter().map(|r| r.in_flight).max().unwrap_or(0)
}

#[test]
fn a_second_run_requests_the_pages_it_knows_of_with_the_first() {
    // 4 pages of 100: the first run sends page 0 alone, then the other three at once.
    let sandbox = serving(350, 60);
    let out = list_all(&sandbox, &[]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(ids_of(&out.stdout), generated(0..350));
    let first = sandbox.requests();
    assert_eq!(first.len(), 4);
    assert_eq!(most_in_flight(&first), 3);
    assert!(sandbox.cache_dir().join("totals").is_dir());
    // The next run knows the total: all four go together, and it prints the same.
    let again = list_all(&sandbox, &[]);
    assert!(again.status.success(), "{}", stderr_of(&again));
    assert_eq!(again.stdout, out.stdout);
    let second = &sandbox.requests()[first.len()..];
    let mut offsets: Vec<u64> = second.iter().map(Recorded::offset).collect();
    offsets.sort();
    assert_eq!(offsets, [0, 1, 2, 3]);
    assert_eq!(most_in_flight(second), 4);
    // Never more than the cap, even in the first round.
    let capped = list_all(&sandbox, &["--concurrency", "2"]);
    assert_eq!(capped.stdout, out.stdout);
    assert_eq!(most_in_flight(&sandbox.requests()[first.len() + 4..]), 2);
    // A filter is another listing, with a total of its own: its first page goes alone.
    let before = sandbox.requests().len();
    let out = sandbox.run(&[
        "list",
        "-d",
        BIG,
        "--all",
        "--task-name",
        "x",
        "-o",
        "ndjson",
    ]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(most_in_flight(&sandbox.requests()[before..]), 1);
}
