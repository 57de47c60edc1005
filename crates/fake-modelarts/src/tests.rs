//! The server's own checks of what the tests of matasks lean on least directly: the
//! pages of ListDatasets, starting and stopping tasks, bodies in signatures, and the
//! proxy that delays like a network. Most go straight to the routes; a few go through a
//! real connection.

use std::collections::HashMap;
use std::io::{Read, Write};

use serde_json::Value;

use crate::signature::parse_query;
use crate::*;

fn request(method: &str, target: &str, body: &str) -> Recorded {
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    Recorded {
        method: method.into(),
        path: path.into(),
        query: query.into(),
        headers: Vec::new(),
        params: parse_query(query).unwrap().into_iter().collect(),
        body: body.as_bytes().to_vec(),
        in_flight: 1,
        signature: Ok(()),
        version: "HTTP/1.1".into(),
        connection: 0,
        accepted: 1,
        resumed: false,
    }
}

/// The answer of `shared` to a request already authenticated.
fn answer(shared: &Shared, method: &str, target: &str, body: &str) -> Reply {
    match routes::decide(&request(method, target, body), shared) {
        Action::Reply(reply) => reply,
        _ => panic!("{method} {target}: not a plain answer"),
    }
}

fn json(reply: &Reply) -> Value {
    serde_json::from_slice(&reply.body)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&reply.body)))
}

/// `(status, error_code)` of an answer.
fn refusal(reply: &Reply) -> (u16, String) {
    (
        reply.status,
        json(reply)["error_code"].as_str().unwrap_or("").to_string(),
    )
}

fn datasets_path(query: &str) -> String {
    format!("/v2/{PROJECT}/datasets?{query}")
}

fn tasks_path(dataset: &str) -> String {
    format!("/v2/{PROJECT}/datasets/{dataset}/tasks")
}

fn listed_ids(reply: &Reply) -> Vec<String> {
    json(reply)["datasets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["dataset_id"].as_str().unwrap().to_string())
        .collect()
}

/// A server of datasets without tasks, and of [`DATASET`] with the example tasks.
fn with_empty(names: &[&str]) -> Setup {
    let mut setup = Setup::default();
    for name in names {
        setup
            .datasets
            .insert(name.to_string(), Tasks::Fixed(Vec::new()));
    }
    setup
}

fn create(shared: &Shared, dataset: &str, body: &str) -> Reply {
    answer(shared, "POST", &tasks_path(dataset), body)
}

fn created_id(reply: &Reply) -> String {
    assert_eq!(
        reply.status,
        200,
        "{}",
        String::from_utf8_lossy(&reply.body)
    );
    json(reply)["task_id"].as_str().unwrap().to_string()
}

fn poll(shared: &Shared, dataset: &str, task_id: &str) -> Value {
    let reply = answer(
        shared,
        "GET",
        &format!("{}/{task_id}", tasks_path(dataset)),
        "",
    );
    assert_eq!(reply.status, 200);
    json(&reply)
}

fn statuses(shared: &Shared, dataset: &str, task_id: &str, polls: usize) -> Vec<i64> {
    (0..polls)
        .map(|_| poll(shared, dataset, task_id)["status"].as_i64().unwrap())
        .collect()
}

fn stop(shared: &Shared, dataset: &str, task_id: &str) -> Reply {
    answer(
        shared,
        "POST",
        &format!("{}/{task_id}/stop", tasks_path(dataset)),
        "",
    )
}

#[test]
fn datasets_page_by_page_or_by_record() {
    let setup = Setup {
        datasets: many_datasets(25, 3),
        ..Setup::default()
    };
    let shared = Shared::new(setup);
    let reply = answer(&shared, "GET", &datasets_path("limit=10&offset=1"), "");
    assert_eq!(reply.status, 200);
    assert_eq!(
        listed_ids(&reply),
        (10..20).map(many_dataset_id).collect::<Vec<_>>()
    );
    let page = json(&reply);
    assert_eq!(page["total_number"], 25);
    // Newest first, an hour apart, the first by ID the newest.
    assert_eq!(
        page["datasets"][0]["create_time"],
        1_764_000_000_000i64 - 10 * 3_600_000
    );
    assert_eq!(
        page["datasets"][1]["create_time"],
        1_764_000_000_000i64 - 11 * 3_600_000
    );
    assert_eq!(
        page["datasets"][0]["dataset_name"],
        "dataset-MaNyDaTaSeT00000010"
    );
    assert!(page["datasets"][0].get("exist_running_task").is_none());
    // Past the end: an empty page, the same total.
    let reply = answer(&shared, "GET", &datasets_path("limit=10&offset=3"), "");
    assert_eq!(listed_ids(&reply), Vec::<String>::new());
    assert_eq!(json(&reply)["total_number"], 25);
    // Without limit: ten.
    assert_eq!(
        listed_ids(&answer(&shared, "GET", &datasets_path(""), "")).len(),
        10
    );
    for query in ["limit=0", "limit=101", "limit=x", "offset=-1"] {
        let reply = answer(&shared, "GET", &datasets_path(query), "");
        assert_eq!(refusal(&reply), (400, "ModelArts.4101".into()), "{query}");
    }

    let shared = Shared::new(Setup {
        datasets: many_datasets(25, 3),
        offset_mode: OffsetMode::Record,
        ..Setup::default()
    });
    let reply = answer(&shared, "GET", &datasets_path("limit=3&offset=5"), "");
    assert_eq!(
        listed_ids(&reply),
        (5..8).map(many_dataset_id).collect::<Vec<_>>()
    );
}

#[test]
fn a_dataset_is_written_as_the_api_writes_it() {
    let shared = Shared::new(Setup::default());
    let reply = answer(&shared, "GET", &datasets_path("limit=1"), "");
    let text = String::from_utf8(reply.body.clone()).unwrap();
    assert!(
        text.contains(&format!("\"dataset_id\" : \"{DATASET}\"")),
        "{text}"
    );
    let page = json(&reply);
    assert_eq!(page["total_number"], 1);
    let dataset = &page["datasets"][0];
    for (key, value) in [
        ("dataset_name", Value::from(format!("dataset-{DATASET}"))),
        ("dataset_type", 1.into()),
        ("status", 1.into()),
        ("current_version_name", "V001".into()),
        ("create_time", 1_764_000_000_000i64.into()),
        ("description", "".into()),
        ("workspace_id", "0".into()),
    ] {
        assert_eq!(dataset[key], value, "{key}");
    }
    assert!(
        dataset["total_sample_count"].as_u64().unwrap()
            >= dataset["annotated_sample_count"].as_u64().unwrap()
    );
    assert!(dataset.get("running_tasks_id").is_none());

    // The example tasks that are queued, initializing or running, in their order.
    let reply = answer(
        &shared,
        "GET",
        &datasets_path("check_running_task=true"),
        "",
    );
    let dataset = &json(&reply)["datasets"][0];
    assert_eq!(dataset["exist_running_task"], true);
    assert_eq!(
        dataset["running_tasks_id"],
        serde_json::json!([
            "nR8kq2LmZc0aVbXy7Tt",
            "DepL0yTask000000001",
            "UnKn0wnType00000001"
        ])
    );
    let reply = answer(
        &shared,
        "GET",
        &datasets_path("check_running_task=maybe"),
        "",
    );
    assert_eq!(refusal(&reply), (400, "ModelArts.4101".into()));
}

#[test]
fn datasets_are_searched_by_name_or_id_whatever_the_case() {
    let mut setup = with_empty(&[
        "aaaaTrafficCam00001",
        "bbbbbbbbbbbbbbbbbb2",
        "ccccccccccccccccc3",
    ]);
    setup.dataset_names = HashMap::from([
        ("aaaaTrafficCam00001".to_string(), "cameras".to_string()),
        (
            "bbbbbbbbbbbbbbbbbb2".to_string(),
            "Traffic-Signs".to_string(),
        ),
    ]);
    let shared = Shared::new(setup);
    let reply = answer(&shared, "GET", &datasets_path("search_content=traffic"), "");
    assert_eq!(
        listed_ids(&reply),
        ["aaaaTrafficCam00001", "bbbbbbbbbbbbbbbbbb2"]
    );
    assert_eq!(json(&reply)["total_number"], 2);
    assert_eq!(json(&reply)["datasets"][1]["dataset_name"], "Traffic-Signs");
    let reply = answer(
        &shared,
        "GET",
        &datasets_path("search_content=dataset-C"),
        "",
    );
    assert_eq!(listed_ids(&reply), ["ccccccccccccccccc3"]);
    // Offsets count what the search keeps.
    let reply = answer(
        &shared,
        "GET",
        &datasets_path("limit=1&offset=1&search_content=TRAFFIC"),
        "",
    );
    assert_eq!(listed_ids(&reply), ["bbbbbbbbbbbbbbbbbb2"]);
    assert_eq!(json(&reply)["total_number"], 2);
}

#[test]
fn the_running_filter_and_the_cap_are_readings_to_choose() {
    let mut setup = with_empty(&["empty"]);
    setup.datasets.extend(many_datasets(3, 5));
    let plain = Shared::new(setup);
    let reply = answer(&plain, "GET", &datasets_path("check_running_task=true"), "");
    assert_eq!(json(&reply)["total_number"], 5);
    assert_eq!(json(&reply)["datasets"][0]["exist_running_task"], false);
    assert_eq!(
        json(&reply)["datasets"][0]["running_tasks_id"],
        serde_json::json!([])
    );

    let mut setup = with_empty(&["empty"]);
    setup.datasets.extend(many_datasets(3, 5));
    setup.running_filter = true;
    let filtering = Shared::new(setup);
    let reply = answer(
        &filtering,
        "GET",
        &datasets_path("check_running_task=true"),
        "",
    );
    assert_eq!(listed_ids(&reply), [DATASET]);
    assert_eq!(json(&reply)["total_number"], 1);
    // A task started in a dataset makes it one with a running task.
    let task_id = created_id(&create(
        &filtering,
        "empty",
        r#"{"task_type":"auto-grouping"}"#,
    ));
    let reply = answer(
        &filtering,
        "GET",
        &datasets_path("check_running_task=true"),
        "",
    );
    assert_eq!(listed_ids(&reply), [DATASET, "empty"]);
    assert_eq!(
        json(&reply)["datasets"][1]["running_tasks_id"],
        serde_json::json!([task_id])
    );
    // Without asking for running tasks, nothing is filtered.
    let reply = answer(&filtering, "GET", &datasets_path(""), "");
    assert_eq!(json(&reply)["total_number"], 5);

    let capped = Shared::new(Setup {
        datasets: many_datasets(120, 1),
        dataset_total_cap: Some(100),
        ..Setup::default()
    });
    let reply = answer(&capped, "GET", &datasets_path("limit=10&offset=11"), "");
    assert_eq!(json(&reply)["total_number"], 100);
    assert_eq!(
        listed_ids(&reply),
        (110..120).map(many_dataset_id).collect::<Vec<_>>()
    );
    let reply = answer(
        &capped,
        "GET",
        &datasets_path("search_content=MaNyDaTaSeT0000000"),
        "",
    );
    assert_eq!(json(&reply)["total_number"], 10);
}

#[test]
fn a_started_task_moves_on_as_it_is_read() {
    let shared = Shared::new(with_empty(&["empty"]));
    let body = r#"{"task_type" : "auto-label", "config" : { "name" : "nightly", "algorithm_type" : "fast" }}"#;
    let reply = create(&shared, "empty", body);
    assert_eq!(
        String::from_utf8_lossy(&reply.body),
        r#"{"task_id" : "created000000000001"}"#
    );
    let task_id = created_id(&reply);
    assert_eq!(task_id.len(), 19);
    assert!(task_id.bytes().all(|b| b.is_ascii_alphanumeric()));

    let first = poll(&shared, "empty", &task_id);
    assert_eq!(first["task_id"], task_id.as_str());
    assert_eq!(first["dataset_id"], "empty");
    assert_eq!(first["task_name"], "nightly");
    assert_eq!(first["type"], 0);
    assert_eq!(first["status"], 0);
    assert_eq!(first["progress"], 0.0);
    assert_eq!(
        first["config"],
        serde_json::json!({"name": "nightly", "algorithm_type": "fast"})
    );
    assert_eq!(first["create_time"].as_str().unwrap().len(), 19);
    let second = poll(&shared, "empty", &task_id);
    assert_eq!(
        (second["status"].as_i64(), second["progress"].as_f64()),
        (Some(1), Some(50.0))
    );
    // Listing shows it as the last poll did, and does not move it on.
    for _ in 0..2 {
        let page = json(&answer(&shared, "GET", &tasks_path("empty"), ""));
        assert_eq!(page["total_count"], 1);
        assert_eq!(page["tasks"][0]["status"], 1);
    }
    assert_eq!(statuses(&shared, "empty", &task_id, 3), [3, 3, 3]);
    assert_eq!(poll(&shared, "empty", &task_id)["progress"], 100.0);
    // Another dataset does not have it.
    let reply = answer(
        &shared,
        "GET",
        &format!("{}/{task_id}", tasks_path(DATASET)),
        "",
    );
    assert_eq!(refusal(&reply), (400, "ModelArts.4612".into()));

    let failing = created_id(&create(
        &shared,
        "empty",
        r#"{"task_type":"pre-label","model_id":"m-1","config":{"name":"bound to fail"}}"#,
    ));
    assert_eq!(statuses(&shared, "empty", &failing, 2), [0, 1]);
    let failed = poll(&shared, "empty", &failing);
    assert_eq!(failed["status"], 2);
    assert_eq!(failed["error_code"], "ModelArts.4353");
    assert_eq!(failed["error_msg"], "Insufficient samples.");
    assert_eq!(failed["model_id"], "m-1");
    assert_eq!(failed["type"], 1);

    // Without a config: no name, no config.
    let grouping = created_id(&create(
        &shared,
        "empty",
        r#"{"task_type":"auto-grouping"}"#,
    ));
    let details = poll(&shared, "empty", &grouping);
    assert_eq!(details["type"], 7);
    assert!(details.get("task_name").is_none() && details.get("config").is_none());
}

#[test]
fn a_stopped_task_is_stopping_then_stopped() {
    let shared = Shared::new(with_empty(&["empty"]));
    let task_id = created_id(&create(&shared, "empty", "{}"));
    assert_eq!(statuses(&shared, "empty", &task_id, 2), [0, 1]);
    let reply = stop(&shared, "empty", &task_id);
    assert_eq!((reply.status, reply.body.len()), (204, 0));
    // Listed as stopping at once.
    let page = json(&answer(&shared, "GET", &tasks_path("empty"), ""));
    assert_eq!(page["tasks"][0]["status"], 4);
    assert_eq!(statuses(&shared, "empty", &task_id, 3), [4, 5, 5]);
    assert_eq!(poll(&shared, "empty", &task_id)["progress"], 50.0);
    assert_eq!(stop(&shared, "empty", &task_id).status, 204);
    assert_eq!(statuses(&shared, "empty", &task_id, 1), [5]);

    // Finished: stopping changes nothing.
    let done = created_id(&create(&shared, "empty", "{}"));
    assert_eq!(statuses(&shared, "empty", &done, 3), [0, 1, 3]);
    assert_eq!(stop(&shared, "empty", &done).status, 204);
    assert_eq!(statuses(&shared, "empty", &done, 1), [3]);
    let created = shared.created.lock().unwrap();
    assert!(created[0].task.stopped && !created[1].task.stopped);
    drop(created);

    // Stopped before it was ever read.
    let early = created_id(&create(&shared, "empty", "{}"));
    assert_eq!(stop(&shared, "empty", &early).status, 204);
    assert_eq!(statuses(&shared, "empty", &early, 2), [4, 5]);

    // The dataset's own tasks, fixtures and moving ones, stop as they are; a body is fine.
    for task_id in [
        "Fa1LeDtask000000001",
        "nR8kq2LmZc0aVbXy7Tt",
        "moving-forever",
    ] {
        let reply = answer(
            &shared,
            "POST",
            &format!("{}/{task_id}/stop", tasks_path(DATASET)),
            "{\"ignored\":true}",
        );
        assert_eq!(reply.status, 204, "{task_id}");
    }
    let reply = stop(&shared, DATASET, "NoSuchTask000000001");
    assert_eq!(refusal(&reply), (400, "ModelArts.4612".into()));
    assert_eq!(json(&reply)["error_msg"], "Task not found");
    let reply = stop(&shared, "nowhere", &task_id);
    assert_eq!(refusal(&reply), (400, "ModelArts.4352".into()));
}

#[test]
fn one_auto_labeling_task_runs_at_a_time_in_a_dataset() {
    let shared = Shared::new(with_empty(&["empty"]));
    // The example dataset has a pre-labeling task running.
    let reply = create(&shared, DATASET, r#"{"task_type":"auto-label"}"#);
    assert_eq!(refusal(&reply), (501, "ModelArts.4386".into()));
    assert_eq!(json(&reply)["error_msg"], "Auto labeling task exist");
    created_id(&create(
        &shared,
        DATASET,
        r#"{"task_type":"auto-grouping"}"#,
    ));

    let first = created_id(&create(&shared, "empty", "{}"));
    let reply = create(
        &shared,
        "empty",
        r#"{"task_type":"pre-label","model_id":"m"}"#,
    );
    assert_eq!(refusal(&reply), (501, "ModelArts.4386".into()));
    // Grouping is not auto labeling.
    created_id(&create(
        &shared,
        "empty",
        r#"{"task_type":"auto-grouping"}"#,
    ));
    assert_eq!(stop(&shared, "empty", &first).status, 204);
    created_id(&create(
        &shared,
        "empty",
        r#"{"task_type":"pre-label","model_id":"m"}"#,
    ));
}

#[test]
fn the_project_runs_at_most_so_many_started_tasks() {
    let mut setup = with_empty(&["one", "two"]);
    setup.max_running_tasks = Some(2);
    let shared = Shared::new(setup);
    let first = created_id(&create(&shared, "one", "{}"));
    created_id(&create(&shared, "two", "{}"));
    let reply = create(&shared, "two", r#"{"task_type":"auto-grouping"}"#);
    assert_eq!(refusal(&reply), (400, "ModelArts.4409".into()));
    assert_eq!(
        json(&reply)["error_msg"],
        "Running tasks has exceed the max threshold"
    );
    assert_eq!(statuses(&shared, "one", &first, 3), [0, 1, 3]);
    created_id(&create(&shared, "two", r#"{"task_type":"auto-grouping"}"#));
}

#[test]
fn create_task_refuses_what_the_reference_does_not_allow() {
    let shared = Shared::new(with_empty(&["empty"]));
    for (body, what) in [
        ("not json", "request body"),
        ("[1]", "request body"),
        (r#"{"task_type":"auto-deploy"}"#, "task_type"),
        (r#"{"task_type":7}"#, "task_type"),
        (r#"{"task_type":"pre-label"}"#, "model_id"),
        (r#"{"task_type":"pre-label","model_id":""}"#, "model_id"),
        (
            r#"{"task_type":"pre-label","config":{"model_id":"m"}}"#,
            "model_id",
        ),
        (r#"{"config":"fast"}"#, "config"),
        (
            r#"{"task_type":"auto-grouping","config":{"n_clusters":"0"}}"#,
            "n_clusters",
        ),
        (
            r#"{"task_type":"auto-grouping","config":{"n_clusters":"two"}}"#,
            "n_clusters",
        ),
        (
            r#"{"task_type":"auto-grouping","config":{"n_clusters":-1}}"#,
            "n_clusters",
        ),
        (
            r#"{"task_type":"auto-grouping","config":{"n_clusters":2.5}}"#,
            "n_clusters",
        ),
        (
            r#"{"task_type":"auto-grouping","config":{"n_clusters":true}}"#,
            "n_clusters",
        ),
    ] {
        let reply = create(&shared, "empty", body);
        assert_eq!(refusal(&reply), (400, "ModelArts.4101".into()), "{body}");
        let message = json(&reply)["error_msg"].as_str().unwrap().to_string();
        assert!(message.contains(what), "{body}: {message}");
    }
    for body in [
        r#"{"task_type":"auto-grouping","config":{"n_clusters":"2","ambiguity":false}}"#,
        r#"{"task_type":"auto-grouping","config":{"n_clusters":3}}"#,
    ] {
        created_id(&create(&shared, "empty", body));
    }
    let reply = create(&shared, "nowhere", "{}");
    assert_eq!(refusal(&reply), (400, "ModelArts.4352".into()));
    assert!(shared.created.lock().unwrap().len() == 2);
}

#[test]
fn started_tasks_are_listed_first_and_filtered_like_the_rest() {
    let shared = Shared::new(with_empty(&["empty"]));
    let labeling = created_id(&create(
        &shared,
        "empty",
        r#"{"task_type":"auto-label","config":{"name":"nightly relabel"}}"#,
    ));
    let grouping = created_id(&create(
        &shared,
        "empty",
        r#"{"task_type":"auto-grouping","config":{"name":"cluster"}}"#,
    ));
    let ids = |query: &str| {
        let page = json(&answer(
            &shared,
            "GET",
            &format!("{}?{query}", tasks_path("empty")),
            "",
        ));
        let ids: Vec<String> = page["tasks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["task_id"].as_str().unwrap().to_string())
            .collect();
        (ids, page["total_count"].as_u64().unwrap())
    };
    assert_eq!(ids(""), (vec![labeling.clone()], 1));
    assert_eq!(ids("type=auto-grouping"), (vec![grouping.clone()], 1));
    assert_eq!(
        ids("type=auto-label&task_name=relabel"),
        (vec![labeling.clone()], 1)
    );
    assert_eq!(ids("task_name=cluster"), (vec![], 0));

    // Before a generated dataset's own, newest first, across pages.
    let mut setup = Setup::default();
    setup.datasets.insert("big".into(), Tasks::Generated(30));
    setup.offset_mode = OffsetMode::Record;
    let shared = Shared::new(setup);
    let older = created_id(&create(&shared, "big", r#"{"task_type":"auto-grouping"}"#));
    let newer = created_id(&create(&shared, "big", "{}"));
    let page = json(&answer(
        &shared,
        "GET",
        &format!("{}?limit=3", tasks_path("big")),
        "",
    ));
    assert_eq!(page["total_count"], 31);
    assert_eq!(page["tasks"][0]["task_id"], newer.as_str());
    assert_eq!(
        page["tasks"][1]["task_id"],
        fixtures::generated_id(0).as_str()
    );
    let page = json(&answer(
        &shared,
        "GET",
        &format!("{}?limit=2&type=auto-grouping", tasks_path("big")),
        "",
    ));
    assert_eq!(page["tasks"][0]["task_id"], older.as_str());
    assert_eq!(page["total_count"], 1);
    let page = json(&answer(
        &shared,
        "GET",
        &format!("{}?limit=5&offset=29", tasks_path("big")),
        "",
    ));
    assert_eq!(page["tasks"].as_array().unwrap().len(), 2);
    assert_eq!(
        page["tasks"][1]["task_id"],
        fixtures::generated_id(29).as_str()
    );
    assert!(
        shared
            .created
            .lock()
            .unwrap()
            .iter()
            .all(|s| s.task.polls == 0)
    );
}

#[test]
fn many_datasets_have_tasks_of_their_own() {
    let datasets = many_datasets(12, 40);
    let mut ids: Vec<&String> = datasets.keys().collect();
    ids.sort();
    assert_eq!(
        ids,
        (0..12)
            .map(many_dataset_id)
            .collect::<Vec<_>>()
            .iter()
            .collect::<Vec<_>>()
    );
    let mut task_ids = std::collections::HashSet::new();
    for (dataset_id, tasks) in &datasets {
        assert_eq!(dataset_id.len(), 19);
        assert!(dataset_id.bytes().all(|b| b.is_ascii_alphanumeric()));
        for i in 0..tasks.len() {
            let task: Value = serde_json::from_str(&tasks.text(i)).unwrap();
            assert_eq!(task["dataset_id"], dataset_id.as_str());
            let task_id = task["task_id"].as_str().unwrap().to_string();
            assert_eq!(task_id.len(), 19);
            assert!(task_id.bytes().all(|b| b.is_ascii_alphanumeric()));
            assert_eq!(tasks.meta(i).task_id.as_deref(), Some(task_id.as_str()));
            assert!(task_ids.insert(task_id));
        }
    }
    // The plain generated tasks are as they were.
    assert_eq!(
        fixtures::generated_task(3),
        fixtures::generated_task_of(DATASET, "gen0000000000000003", 3)
    );
    assert!(
        fixtures::generated_task(3)
            .starts_with(r#"{"dataset_id":"OBegCXHxTJ2JHRAZWr0","task_id":"gen0000000000000003","#)
    );

    // A page of them is a range, as of plain generated tasks.
    let shared = Shared::new(Setup {
        datasets,
        ..Setup::default()
    });
    let page = json(&answer(
        &shared,
        "GET",
        &format!("{}?limit=5&offset=2", tasks_path(&many_dataset_id(4))),
        "",
    ));
    assert_eq!(page["total_count"], 40);
    assert_eq!(
        page["tasks"][0]["task_id"],
        fixtures::generated_id_in(&many_dataset_id(4), 10).as_str()
    );
}

#[test]
fn the_simulator_has_more_datasets_and_the_first_as_it_was() {
    let setup = simulated::setup(30, std::time::Duration::from_secs(60), 0);
    assert_eq!(setup.datasets.len(), 1 + simulated::MORE_DATASETS.len());
    let first: Value = serde_json::from_str(&setup.datasets[simulated::DATASET].text(7)).unwrap();
    assert_eq!(first["task_id"], "sim0000000000000007");
    assert_eq!(first["dataset_id"], simulated::DATASET);
    assert_eq!(first["task_name"], "weekly relabel 2");
    let mut task_ids = std::collections::HashSet::new();
    for (dataset_id, tasks) in &setup.datasets {
        assert!(setup.dataset_names.contains_key(dataset_id));
        for i in 0..tasks.len() {
            let meta = tasks.meta(i);
            assert!(task_ids.insert(meta.task_id.unwrap()));
        }
    }
    // A settled dataset lets an auto labeling task start.
    let (settled, ..) = simulated::MORE_DATASETS
        .iter()
        .find(|(.., settled)| *settled)
        .unwrap();
    let shared = Shared::new(Setup {
        hook: None,
        ..setup
    });
    created_id(&create(&shared, settled, "{}"));
}

#[test]
fn a_signature_covers_the_body() {
    let setup = Setup::default();
    let date = jiff::Timestamp::now()
        .strftime("%Y%m%dT%H%M%SZ")
        .to_string();
    let path = tasks_path(DATASET);
    let body = r#"{"task_type":"auto-grouping"}"#;
    let headers = vec![
        ("host".to_string(), "127.0.0.1:1".to_string()),
        ("x-project-id".to_string(), PROJECT.to_string()),
        ("x-sdk-date".to_string(), date.clone()),
    ];
    let signed = |over: &str| {
        let signature =
            expected_signature(SK, "POST", &path, "", &headers, &date, over.as_bytes()).unwrap();
        let mut req = request("POST", &path, body);
        req.headers = headers.clone();
        req.headers.push((
            "authorization".into(),
            format!(
                "SDK-HMAC-SHA256 Access={AK}, SignedHeaders=host;x-project-id;x-sdk-date, Signature={signature}"
            ),
        ));
        req
    };
    assert_eq!(signature::verify(&signed(body), &setup), Ok(()));
    assert_eq!(
        signature::verify(&signed(r#"{"task_type":"auto-label"}"#), &setup),
        Err("verify aksk signature fail".to_string())
    );
    assert_eq!(
        signature::verify(&signed(""), &setup),
        Err("verify aksk signature fail".to_string())
    );
}

/// Send `method path` with `body`, signed over `signed_body`, on a connection of its own;
/// the answer's status and body.
fn exchange(
    server: &FakeServer,
    method: &str,
    path: &str,
    body: &str,
    signed_body: &str,
) -> (u16, String) {
    let host = server.url().trim_start_matches("http://").to_string();
    let date = jiff::Timestamp::now()
        .strftime("%Y%m%dT%H%M%SZ")
        .to_string();
    let headers = vec![
        ("host".to_string(), host.clone()),
        ("x-project-id".to_string(), PROJECT.to_string()),
        ("x-sdk-date".to_string(), date.clone()),
    ];
    let signature = expected_signature(
        SK,
        method,
        path,
        "",
        &headers,
        &date,
        signed_body.as_bytes(),
    )
    .unwrap();
    let mut stream = std::net::TcpStream::connect(&host).unwrap();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: {host}\r\nX-Project-Id: {PROJECT}\r\nX-Sdk-Date: {date}\r\n\
         Authorization: SDK-HMAC-SHA256 Access={AK}, SignedHeaders=host;x-project-id;x-sdk-date, Signature={signature}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    let status = answer[9..12].parse().unwrap();
    let (_, body) = answer.split_once("\r\n\r\n").unwrap();
    (status, body.to_string())
}

#[test]
fn started_and_stopped_through_a_real_connection() {
    let server = FakeServer::start(with_empty(&["empty"]));
    let path = tasks_path("empty");
    let body = r#"{"task_type":"auto-label","config":{"name":"over the wire"}}"#;
    let (status, answer) = exchange(&server, "POST", &path, body, "{}");
    assert_eq!(status, 401, "{answer}");
    assert!(answer.contains("APIGW.0301"), "{answer}");
    assert!(server.created_tasks().is_empty());
    let (status, answer) = exchange(&server, "POST", &path, body, body);
    assert_eq!(status, 200, "{answer}");
    let task_id = serde_json::from_str::<Value>(&answer).unwrap()["task_id"]
        .as_str()
        .unwrap()
        .to_string();
    let (status, answer) = exchange(&server, "POST", &format!("{path}/{task_id}/stop"), "", "");
    assert_eq!((status, answer.as_str()), (204, ""));
    let created = server.created_tasks();
    assert_eq!(created.len(), 1);
    let task = &created[0];
    assert_eq!(
        (
            task.dataset_id.as_str(),
            task.task_id.as_str(),
            task.task_type
        ),
        ("empty", task_id.as_str(), 0)
    );
    assert_eq!(task.name.as_deref(), Some("over the wire"));
    assert_eq!(task.body, serde_json::from_str::<Value>(body).unwrap());
    assert!(task.stopped);
    assert_eq!(task.polls, 0);
}

#[test]
fn the_network_takes_half_a_round_trip_and_a_handshake_first() {
    use crate::net::Schedule;
    use std::time::Duration;
    let ms = Duration::from_millis;
    let start = std::time::Instant::now();
    let rtt = ms(100);
    let mut up = Schedule::client_to_server(rtt);
    // The first bytes wait for the handshake: 1 round trip, then half of one.
    assert_eq!(up.due(start), start + ms(150));
    // Bytes sent meanwhile cannot overtake them.
    assert_eq!(up.due(start + ms(10)), start + ms(150));
    assert_eq!(up.due(start + ms(200)), start + ms(250));
    let mut down = Schedule::server_to_client(rtt);
    assert_eq!(down.due(start + ms(150)), start + ms(200));
    assert_eq!(down.due(start + ms(160)), start + ms(210));
}

/// Through the delaying proxy to an echo server: every byte back intact and in order,
/// the end of the stream passed on both ways, and the first answer no sooner than the
/// model allows (a lower bound: the proxy's waits never end early, however slow the
/// machine).
#[test]
fn the_delaying_proxy_carries_every_byte_in_order_never_early() {
    use std::time::{Duration, Instant};
    let echo = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let upstream = echo.local_addr().unwrap();
    let echoing = std::thread::spawn(move || {
        let (mut conn, _) = echo.accept().unwrap();
        let mut back = conn.try_clone().unwrap();
        std::io::copy(&mut conn, &mut back).unwrap();
        // The client's end came through: end ours.
        back.shutdown(std::net::Shutdown::Write).unwrap();
    });
    let rtt = Duration::from_millis(40);
    let proxy = net::DelayingProxy::start(upstream, rtt);
    let mut client = std::net::TcpStream::connect(proxy.addr()).unwrap();
    let mut reader = client.try_clone().unwrap();
    let sent: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
    let started = Instant::now();
    let reading = std::thread::spawn(move || {
        let mut first = [0u8; 1];
        reader.read_exact(&mut first).unwrap();
        let first_back = started.elapsed();
        let mut rest = Vec::new();
        reader.read_to_end(&mut rest).unwrap();
        let mut received = first.to_vec();
        received.extend(rest);
        (first_back, received)
    });
    for chunk in sent.chunks(7_000) {
        client.write_all(chunk).unwrap();
    }
    client.shutdown(std::net::Shutdown::Write).unwrap();
    let (first_back, received) = reading.join().unwrap();
    echoing.join().unwrap();
    assert!(received == sent, "the bytes came back changed");
    // Handshake (1 round trip), there and back (1 more).
    assert!(
        first_back >= 2 * rtt,
        "the first byte came back after {first_back:?}"
    );
}

fn jobs_path(dataset: &str, collection: &str, query: &str) -> String {
    format!("/v2/{PROJECT}/datasets/{dataset}/{collection}?{query}")
}

/// `count` jobs of `kind` in [`DATASET`], job `n` with the ID `{collection}-{n:03}`.
fn with_jobs(kind: JobKind, count: usize, offset_mode: OffsetMode) -> Shared {
    let jobs = (0..count)
        .map(|n| kind.job(&format!("{}-{n:03}", kind.collection), "1"))
        .collect();
    Shared::new(Setup {
        jobs: vec![JobList::new(DATASET, kind, jobs)],
        offset_mode,
        ..Setup::default()
    })
}

/// The IDs of a list answer of `kind`.
fn job_ids(kind: &JobKind, reply: &Reply) -> Vec<String> {
    assert_eq!(
        reply.status,
        200,
        "{}",
        String::from_utf8_lossy(&reply.body)
    );
    json(reply)[kind.items_key]
        .as_array()
        .unwrap_or_else(|| panic!("no {} in the answer", kind.items_key))
        .iter()
        .map(|job| job[kind.id_key].as_str().unwrap().to_string())
        .collect()
}

fn ids_of(kind: &JobKind, range: std::ops::Range<usize>) -> Vec<String> {
    range
        .map(|n| format!("{}-{n:03}", kind.collection))
        .collect()
}

/// The details answer of `id` of `kind` in [`DATASET`].
fn read_job(shared: &Shared, kind: &JobKind, id: &str) -> Reply {
    let path = format!("/v2/{PROJECT}/datasets/{DATASET}/{}/{id}", kind.collection);
    answer(shared, "GET", &path, "")
}

#[test]
fn every_kind_pages_by_page_or_by_record_with_its_own_keys() {
    for kind in JobKind::ALL {
        let shared = with_jobs(kind, 25, OffsetMode::Page);
        let reply = answer(
            &shared,
            "GET",
            &jobs_path(DATASET, kind.collection, "limit=10&offset=1"),
            "",
        );
        assert_eq!(
            job_ids(&kind, &reply),
            ids_of(&kind, 10..20),
            "{}",
            kind.collection
        );
        assert_eq!(json(&reply)[kind.total_key], 25, "{}", kind.collection);
        // The total first, as the references' examples have it.
        let body = String::from_utf8(reply.body.clone()).unwrap();
        assert!(
            body.starts_with(&format!("{{\"{}\"", kind.total_key)),
            "{body}"
        );
        let reply = answer(
            &shared,
            "GET",
            &jobs_path(DATASET, kind.collection, "limit=10&offset=2"),
            "",
        );
        assert_eq!(
            job_ids(&kind, &reply),
            ids_of(&kind, 20..25),
            "{}",
            kind.collection
        );
        // Past the end: none, the same total.
        let reply = answer(
            &shared,
            "GET",
            &jobs_path(DATASET, kind.collection, "limit=10&offset=3"),
            "",
        );
        assert_eq!(job_ids(&kind, &reply), Vec::<String>::new());
        assert_eq!(json(&reply)[kind.total_key], 25);

        let shared = with_jobs(kind, 25, OffsetMode::Record);
        let reply = answer(
            &shared,
            "GET",
            &jobs_path(DATASET, kind.collection, "limit=3&offset=5"),
            "",
        );
        assert_eq!(
            job_ids(&kind, &reply),
            ids_of(&kind, 5..8),
            "{}",
            kind.collection
        );
        let reply = answer(
            &shared,
            "GET",
            &jobs_path(DATASET, kind.collection, "limit=3&offset=8"),
            "",
        );
        assert_eq!(
            job_ids(&kind, &reply),
            ids_of(&kind, 8..11),
            "{}",
            kind.collection
        );
    }
}

#[test]
fn limits_are_each_kinds_own() {
    // (kind, default, largest) as the references give them.
    for (kind, default, max) in [
        (JobKind::IMPORT, 10, 100),
        (JobKind::EXPORT, 10, 100),
        (JobKind::VERSION, 1000, 1000),
        (JobKind::TEAM, 1000, 1000),
    ] {
        let shared = with_jobs(kind, 1001, OffsetMode::Page);
        let path = |query: &str| jobs_path(DATASET, kind.collection, query);
        assert_eq!(
            job_ids(&kind, &answer(&shared, "GET", &path(""), "")).len(),
            default
        );
        assert_eq!(
            job_ids(
                &kind,
                &answer(&shared, "GET", &path(&format!("limit={max}")), "")
            )
            .len(),
            max
        );
        assert_eq!(
            job_ids(&kind, &answer(&shared, "GET", &path("limit=1"), "")).len(),
            1
        );
        for query in [
            format!("limit={}", max + 1),
            "limit=0".into(),
            "limit=x".into(),
            "offset=-1".into(),
        ] {
            let reply = answer(&shared, "GET", &path(&query), "");
            assert_eq!(
                refusal(&reply),
                (400, "ModelArts.4101".into()),
                "{} {query}",
                kind.collection
            );
        }
    }
}

#[test]
fn a_job_is_read_by_its_id_and_an_unknown_one_refused_as_its_kind_is() {
    for (kind, code) in [
        (JobKind::IMPORT, "ModelArts.4612"),
        (JobKind::EXPORT, "ModelArts.4359"),
        (JobKind::VERSION, "ModelArts.4353"),
        (JobKind::TEAM, "ModelArts.4619"),
    ] {
        let shared = with_jobs(kind, 3, OffsetMode::Page);
        let id = format!("{}-001", kind.collection);
        let reply = read_job(&shared, &kind, &id);
        assert_eq!(reply.status, 200);
        let job = json(&reply);
        assert_eq!(job[kind.id_key], id.as_str());
        assert_eq!(job[kind.status_key], 1);
        let reply = read_job(&shared, &kind, "NoSuchJob0000000001");
        assert_eq!(refusal(&reply), (400, code.into()), "{}", kind.collection);
        // Another dataset's job is not this one's.
        let path = format!(
            "/v2/{PROJECT}/datasets/OtherDataset/{}/{id}",
            kind.collection
        );
        let shared = Shared::new(Setup {
            jobs: vec![JobList::new("OtherDataset", kind, vec![kind.job(&id, "1")])],
            ..with_empty(&["OtherDataset"])
        });
        assert_eq!(answer(&shared, "GET", &path, "").status, 200);
        let reply = read_job(&shared, &kind, &id);
        assert_eq!(refusal(&reply), (400, code.into()), "{}", kind.collection);
    }
}

#[test]
fn a_job_of_a_kind_is_made_from_its_reference_example() {
    let before = jiff::Timestamp::now().as_millisecond();
    let job = JobKind::IMPORT
        .job("imp1", r#""RUNNING""#)
        .with("total_sample_count", "500");
    let after = jiff::Timestamp::now().as_millisecond();
    let [text] = job.texts.as_slice() else {
        panic!("one step")
    };
    let value: Value = serde_json::from_str(text).unwrap();
    assert_eq!(value["task_id"], "imp1");
    assert_eq!(value["status"], "RUNNING");
    assert_eq!(value["total_sample_count"], 500);
    assert_eq!(value["import_path"], "obs://test-obs/daoLu_images/animals/");
    for key in ["create_time", "update_ms"] {
        let time = value[key].as_i64().unwrap();
        assert!((before..=after).contains(&time), "{key} {time}");
    }
    // Its fields in the reference's order, the ones set where they were.
    let at = |key: &str| text.find(&format!("\"{key}\":")).unwrap();
    assert!(at("status") < at("task_id"));
    assert!(at("task_id") < at("dataset_id"));
    assert!(at("create_time") < at("elapsed_time"));

    let version: Value = serde_json::from_str(&JobKind::VERSION.job("v1", "0").texts[0]).unwrap();
    assert_eq!(
        (version["version_id"].as_str(), version["status"].as_i64()),
        (Some("v1"), Some(0))
    );
    assert_eq!(version["version_name"], "V002");
    let team: Value = serde_json::from_str(&JobKind::TEAM.job("t1", "3").texts[0]).unwrap();
    assert_eq!(
        (team["task_id"].as_str(), team["status"].as_i64()),
        (Some("t1"), Some(3))
    );
    let export: Value =
        serde_json::from_str(&JobKind::EXPORT.job("e1", r#""FAILED""#).texts[0]).unwrap();
    assert_eq!(export["task_id"], "e1");
    assert_eq!(export["status"], "FAILED");
    assert!(export["update_time"].as_i64().unwrap() >= before);
}

#[test]
fn a_moving_job_moves_on_as_its_details_are_read_not_as_it_is_listed() {
    let kind = JobKind::IMPORT;
    let moving = kind
        .moving(
            "imp-moving",
            &[r#""QUEUING""#, r#""RUNNING""#, r#""COMPLETED""#],
        )
        .with_each("imported_sample_count", &["0", "10", "20"]);
    let shared = Shared::new(Setup {
        jobs: vec![JobList::new(
            DATASET,
            kind,
            vec![kind.job("imp-still", r#""FAILED""#), moving],
        )],
        ..Setup::default()
    });
    let listed = |shared: &Shared| -> Vec<Value> {
        let reply = answer(shared, "GET", &jobs_path(DATASET, kind.collection, ""), "");
        json(&reply)["import_tasks"].as_array().unwrap().clone()
    };
    let read = |shared: &Shared| json(&read_job(shared, &kind, "imp-moving"));
    // Listed as it first is, however often.
    for _ in 0..2 {
        let jobs = listed(&shared);
        assert_eq!(jobs[1]["status"], "QUEUING");
        assert_eq!(jobs[0]["status"], "FAILED");
    }
    let mut seen = Vec::new();
    for _ in 0..4 {
        let job = read(&shared);
        seen.push((
            job["status"].as_str().unwrap().to_string(),
            job["imported_sample_count"].as_i64().unwrap(),
        ));
        // The list shows what the last read showed.
        assert_eq!(listed(&shared)[1]["status"], job["status"]);
    }
    let step = |s: &str, n| (s.to_string(), n);
    assert_eq!(
        seen,
        [
            step("QUEUING", 0),
            step("RUNNING", 10),
            step("COMPLETED", 20),
            step("COMPLETED", 20)
        ]
    );
    // Reading one job moves no other.
    assert_eq!(
        json(&read_job(&shared, &kind, "imp-still"))["status"],
        "FAILED"
    );
}

#[test]
fn a_job_on_a_clock_moves_with_time_and_starts_anew() {
    let step = std::time::Duration::from_secs(10);
    let at = |ago: u64, again_after| {
        let clock = Clock {
            since: std::time::Instant::now() - std::time::Duration::from_secs(ago),
            step,
            again_after,
        };
        let job = JobKind::VERSION
            .moving("v-clock", &["0", "0", "1"])
            .with_each("version_name", &["\"a\"", "\"b\"", "\"c\""])
            .on_clock(clock);
        let shared = Shared::new(Setup {
            jobs: vec![JobList::new(DATASET, JobKind::VERSION, vec![job])],
            ..Setup::default()
        });
        let listed = json(&answer(
            &shared,
            "GET",
            &jobs_path(DATASET, "versions", ""),
            "",
        ));
        let read = json(&read_job(&shared, &JobKind::VERSION, "v-clock"));
        // Reading does not move it: the clock does.
        assert_eq!(read, json(&read_job(&shared, &JobKind::VERSION, "v-clock")));
        assert_eq!(listed["versions"][0], read);
        read["version_name"].as_str().unwrap().to_string()
    };
    assert_eq!(at(5, None), "a");
    assert_eq!(at(15, None), "b");
    assert_eq!(at(25, None), "c");
    assert_eq!(at(95, None), "c");
    // Held for two steps after the last, then anew.
    assert_eq!(at(35, Some(2)), "c");
    assert_eq!(at(45, Some(2)), "c");
    assert_eq!(at(55, Some(2)), "a");
    assert_eq!(at(65, Some(2)), "b");
}

#[test]
fn the_reference_examples_are_served_as_written() {
    for (kind, list_page) in [
        (JobKind::IMPORT, "querying_the_dataset_import_task_list"),
        (JobKind::EXPORT, "querying_the_dataset_export_task_list"),
        (JobKind::VERSION, "querying_the_dataset_version_list"),
        (
            JobKind::TEAM,
            "querying_the_team_labeling_task_list_of_a_dataset",
        ),
    ] {
        let shared = Shared::new(Setup {
            jobs: vec![JobList::from_example(DATASET, kind, list_page)],
            ..Setup::default()
        });
        let reply = answer(&shared, "GET", &jobs_path(DATASET, kind.collection, ""), "");
        let example: Value = serde_json::from_str(&fixtures::api_example(list_page)).unwrap();
        assert_eq!(json(&reply), example, "{list_page}");
    }
}

#[test]
fn a_made_up_kind_is_served_from_its_description_alone() {
    let rounds = JobKind {
        collection: "annotation-rounds",
        items_key: "rounds",
        total_key: "round_total",
        id_key: "round_id",
        status_key: "phase",
        default_limit: 2,
        max_limit: 3,
        missing: Refusal {
            status: 404,
            code: "Rounds.0404",
            message: "No such round",
        },
        filters: &["size"],
        example: r#"{"round_id":"r0","phase":"planned","size":7}"#,
    };
    let jobs = vec![
        rounds.job("r1", r#""done""#),
        rounds.moving("r2", &[r#""planned""#, r#""labeling""#]),
        rounds.job("r3", r#""done""#).with("size", "9"),
        rounds.job("r4", r#""done""#),
    ];
    let shared = Shared::new(Setup {
        jobs: vec![JobList::new(DATASET, rounds, jobs)],
        ..Setup::default()
    });
    let reply = answer(
        &shared,
        "GET",
        &jobs_path(DATASET, "annotation-rounds", "offset=1"),
        "",
    );
    assert_eq!(job_ids(&rounds, &reply), ["r3", "r4"]);
    assert_eq!(json(&reply)["round_total"], 4);
    assert_eq!(json(&reply)["rounds"][1]["size"], 7);
    let reply = answer(
        &shared,
        "GET",
        &jobs_path(DATASET, "annotation-rounds", "size=9"),
        "",
    );
    assert_eq!(job_ids(&rounds, &reply), ["r3"]);
    assert_eq!(json(&reply)["round_total"], 1);
    let reply = answer(
        &shared,
        "GET",
        &jobs_path(DATASET, "annotation-rounds", "limit=4"),
        "",
    );
    assert_eq!(refusal(&reply), (400, "ModelArts.4101".into()));
    let phases: Vec<Value> = (0..3)
        .map(|_| json(&read_job(&shared, &rounds, "r2"))["phase"].clone())
        .collect();
    assert_eq!(phases, ["planned", "labeling", "labeling"]);
    assert_eq!(
        refusal(&read_job(&shared, &rounds, "r9")),
        (404, "Rounds.0404".into())
    );
}

#[test]
fn what_is_not_there_is_refused_as_the_service_refuses_it() {
    let kind = JobKind::EXPORT;
    let shared = Shared::new(Setup {
        jobs: vec![JobList::new(
            DATASET,
            kind,
            vec![kind.job("e1", r#""INIT""#)],
        )],
        ..with_empty(&["EmptyDataset"])
    });
    // A collection no list declares: a path the gateway does not know.
    for collection in ["versions", "import-tasks", "nonsense"] {
        let reply = answer(&shared, "GET", &jobs_path(DATASET, collection, ""), "");
        assert_eq!(refusal(&reply), (404, "APIGW.0101".into()), "{collection}");
        let reply = answer(
            &shared,
            "GET",
            &format!("/v2/{PROJECT}/datasets/{DATASET}/{collection}/x1"),
            "",
        );
        assert_eq!(refusal(&reply), (404, "APIGW.0101".into()), "{collection}");
    }
    // A declared one in a dataset the project does not have.
    let reply = answer(
        &shared,
        "GET",
        &jobs_path("NoSuchDataset", "export-tasks", ""),
        "",
    );
    assert_eq!(refusal(&reply), (400, "ModelArts.4352".into()));
    let reply = answer(
        &shared,
        "GET",
        &format!("/v2/{PROJECT}/datasets/NoSuchDataset/export-tasks/e1"),
        "",
    );
    assert_eq!(refusal(&reply), (400, "ModelArts.4352".into()));
    // In a dataset without a list of it: none.
    let reply = answer(
        &shared,
        "GET",
        &jobs_path("EmptyDataset", "export-tasks", ""),
        "",
    );
    assert_eq!(job_ids(&kind, &reply), Vec::<String>::new());
    assert_eq!(json(&reply)["total_count"], 0);
    // Another project.
    let reply = answer(
        &shared,
        "GET",
        "/v2/ffffffffffffffffffffffffffffffff/datasets/OBegCXHxTJ2JHRAZWr0/export-tasks",
        "",
    );
    assert_eq!(refusal(&reply).0, 403);
}

#[test]
fn the_simulator_has_every_kind_of_job_in_every_dataset() {
    // A step of an hour: the moving jobs show their first step.
    let setup = simulated::setup(30, std::time::Duration::from_secs(3600), 0);
    let dataset_ids: Vec<String> = setup.datasets.keys().cloned().collect();
    let shared = Shared::new(Setup {
        hook: None,
        ..setup
    });
    let mut ids = std::collections::HashSet::new();
    for dataset in &dataset_ids {
        for kind in JobKind::ALL {
            let page = json(&answer(
                &shared,
                "GET",
                &jobs_path(dataset, kind.collection, "limit=100"),
                "",
            ));
            let jobs = page[kind.items_key].as_array().unwrap();
            assert!(jobs.len() >= 2, "{dataset} {}", kind.collection);
            for job in jobs {
                assert!(
                    ids.insert(job[kind.id_key].as_str().unwrap().to_string()),
                    "{job}"
                );
                let id = job[kind.id_key].as_str().unwrap();
                let path = format!("/v2/{PROJECT}/datasets/{dataset}/{}/{id}", kind.collection);
                assert_eq!(json(&answer(&shared, "GET", &path, "")), *job);
            }
        }
    }
    // The first dataset's imports and versions take several pages.
    let main = simulated::DATASET;
    for (kind, page_size) in [(JobKind::IMPORT, 100), (JobKind::VERSION, 100)] {
        let query = format!("limit={page_size}&offset=2");
        let page = json(&answer(
            &shared,
            "GET",
            &jobs_path(main, kind.collection, &query),
            "",
        ));
        assert_eq!(page[kind.total_key], simulated::MAIN_JOBS);
        assert_eq!(
            page[kind.items_key].as_array().unwrap().len(),
            simulated::MAIN_JOBS - 200
        );
    }
    // Every status a table would show, the newest of each kind at its first step.
    let statuses = |kind: JobKind| -> std::collections::BTreeSet<String> {
        let page = json(&answer(
            &shared,
            "GET",
            &jobs_path(main, kind.collection, ""),
            "",
        ));
        page[kind.items_key]
            .as_array()
            .unwrap()
            .iter()
            .map(|job| job[kind.status_key].to_string())
            .collect()
    };
    let newest = |kind: JobKind| {
        let page = json(&answer(
            &shared,
            "GET",
            &jobs_path(main, kind.collection, "limit=1"),
            "",
        ));
        page[kind.items_key][0][kind.status_key].to_string()
    };
    assert_eq!(
        statuses(JobKind::IMPORT),
        ["\"COMPLETED\"", "\"FAILED\"", "\"QUEUING\"", "\"RUNNING\""]
            .map(String::from)
            .into()
    );
    assert_eq!(newest(JobKind::IMPORT), "\"QUEUING\"");
    assert_eq!(
        statuses(JobKind::EXPORT),
        ["\"FAILED\"", "\"INIT\"", "\"RUNNING\"", "\"SUCCESSED\""]
            .map(String::from)
            .into()
    );
    assert_eq!(
        statuses(JobKind::VERSION),
        ["0", "1", "2", "4"].map(String::from).into()
    );
    assert_eq!(newest(JobKind::VERSION), "0");
    assert_eq!(
        statuses(JobKind::TEAM),
        ["1", "3", "4", "6", "7"].map(String::from).into()
    );
    let import = json(&answer(
        &shared,
        "GET",
        &jobs_path(main, "import-tasks", "limit=1"),
        "",
    ));
    assert_eq!(
        import["import_tasks"][0]["task_id"],
        format!("{main}_import00000")
    );
    assert_eq!(import["import_tasks"][0]["dataset_id"], main);
}

#[test]
fn the_simulators_newest_jobs_move_with_time() {
    // A step of 1ms: a second in, each moving job has gone round more than once, so
    // that its statuses seen over a few reads a few milliseconds apart differ.
    let step = std::time::Duration::from_millis(1);
    let shared = Shared::new(Setup {
        hook: None,
        ..simulated::setup(30, step, 0)
    });
    for kind in JobKind::ALL {
        let mut seen = std::collections::BTreeSet::new();
        for _ in 0..200 {
            let page = json(&answer(
                &shared,
                "GET",
                &jobs_path(simulated::DATASET, kind.collection, "limit=1"),
                "",
            ));
            seen.insert(page[kind.items_key][0][kind.status_key].to_string());
            std::thread::sleep(step);
        }
        assert!(seen.len() >= 2, "{}: {seen:?}", kind.collection);
    }
}

#[test]
fn versions_are_filtered_by_status_and_exports_by_type() {
    let versions = vec![
        JobKind::VERSION.job("v3", "0"),
        JobKind::VERSION.job("v2", "4"),
        JobKind::VERSION.job("v1", "1"),
        JobKind::VERSION.moving("v0", &["0", "1"]),
    ];
    let exports = vec![
        JobKind::EXPORT
            .job("e2", r#""RUNNING""#)
            .with("export_type", "0"),
        JobKind::EXPORT.job("e1", r#""SUCCESSED""#),
    ];
    let shared = Shared::new(Setup {
        jobs: vec![
            JobList::new(DATASET, JobKind::VERSION, versions),
            JobList::new(DATASET, JobKind::EXPORT, exports),
        ],
        ..Setup::default()
    });
    let versions_paged = |query: &str| {
        let reply = answer(&shared, "GET", &jobs_path(DATASET, "versions", query), "");
        let total = json(&reply)["total_number"].as_u64().unwrap() as usize;
        (job_ids(&JobKind::VERSION, &reply), total)
    };
    let versions = |query: &str| {
        let (ids, total) = versions_paged(query);
        assert_eq!(total, ids.len(), "{query}");
        ids
    };
    assert_eq!(
        versions_paged("status=0&limit=1&offset=1"),
        (vec!["v0".to_string()], 2)
    );
    assert_eq!(versions(""), ["v3", "v2", "v1", "v0"]);
    assert_eq!(versions("status=0"), ["v3", "v0"]);
    assert_eq!(versions("status=3"), Vec::<String>::new());
    // As it is now: a moving version read once is still creating, then normal.
    read_job(&shared, &JobKind::VERSION, "v0");
    assert_eq!(versions("status=1"), ["v1"]);
    read_job(&shared, &JobKind::VERSION, "v0");
    assert_eq!(versions("status=1"), ["v1", "v0"]);
    let reply = answer(
        &shared,
        "GET",
        &jobs_path(DATASET, "versions", "status=x"),
        "",
    );
    assert_eq!(refusal(&reply), (400, "ModelArts.4101".into()));

    let exports = |query: &str| {
        let reply = answer(
            &shared,
            "GET",
            &jobs_path(DATASET, "export-tasks", query),
            "",
        );
        job_ids(&JobKind::EXPORT, &reply)
    };
    // The reference's example is of type 3.
    assert_eq!(exports("export_type=3"), ["e1"]);
    assert_eq!(exports("export_type=0"), ["e2"]);
    assert_eq!(exports(""), ["e2", "e1"]);
    // Not a filter of exports.
    assert_eq!(exports("status=1"), ["e2", "e1"]);
}

#[test]
fn a_changed_job_is_one_line_its_strings_as_written() {
    let job = Job::new(
        "{ \"id\" : \"j1\",\n  \"note\" : \"a \\\" b  { c\\\\\" ,\n  \"nested\" : { \"k\" : [ 1, 2 ] } }",
    )
    .with("status", "\"RUNNING\"");
    assert_eq!(
        job.texts[0],
        r#"{"id":"j1","note":"a \" b  { c\\","nested":{"k":[1,2]},"status":"RUNNING"}"#
    );
}
