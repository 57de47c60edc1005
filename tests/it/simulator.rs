//! The simulator's dataset, through the real binary: every type and status, signatures
//! checked, and tasks that move on with time.

use std::time::Duration;

use crate::support::*;
use fake_modelarts::*;

fn simulator(tasks: usize, step: Duration, fail_percent: u64) -> Sandbox {
    let sandbox = Sandbox::with(simulated::setup(tasks, step, fail_percent));
    sandbox.write_config(&format!(
        "[profiles.default]\nendpoint = \"{}\"\nproject_id = \"{PROJECT}\"\ndataset_id = \"{}\"\n\
         access_key = \"{AK}\"\nsecret_key = \"{SK}\"\n",
        sandbox.server.url(),
        simulated::DATASET
    ));
    sandbox
}

#[test]
fn the_simulated_dataset_has_every_type_and_status() {
    let sandbox = simulator(120, Duration::from_secs(60), 0);
    let out = sandbox.run(&["list", "--all", "-o", "json"]);
    assert_ok(&out);
    let doc: serde_json::Value = serde_json::from_str(&stdout_of(&out)).unwrap();
    // Auto labeling (types 0 and 1) unless a type is asked for, as the API does.
    assert_eq!(doc["total_count"], 80);
    let mut statuses = std::collections::BTreeSet::new();
    for kind in ["auto-label", "pre-label", "auto-grouping", "auto-deploy"] {
        let out = sandbox.run(&["list", "--all", "--type", kind, "-o", "ndjson"]);
        assert_ok(&out);
        assert!(stdout_of(&out).lines().count() >= 20, "{kind}");
        for line in stdout_of(&out).lines() {
            let task: serde_json::Value = serde_json::from_str(line).unwrap();
            statuses.insert(task["status"].as_i64().unwrap());
        }
    }
    assert_eq!(
        statuses.into_iter().collect::<Vec<_>>(),
        [-1, 0, 1, 2, 3, 4, 5]
    );
    // Signatures are checked.
    let text = std::fs::read_to_string(&sandbox.config)
        .unwrap()
        .replace(SK, "wrong");
    sandbox.write_config(&text);
    assert_eq!(sandbox.run(&["list"]).status.code(), Some(4));
}

#[test]
fn a_moving_task_can_be_waited_for_and_retries_ride_out_faults() {
    // Task 30 moves on every 200ms and starts three steps in: done in about 2s.
    let sandbox = simulator(40, Duration::from_millis(200), 20);
    let out = sandbox.run(&["wait", "sim0000000000000030", "--interval", "1s"]);
    assert_ok(&out);
    assert_stderr_has(&out, "task sim0000000000000030 succeeded");
    let out = sandbox.run(&["get", "sim0000000000000010", "-o", "json"]);
    assert_ok(&out);
    let task: serde_json::Value = serde_json::from_str(&stdout_of(&out)).unwrap();
    assert_eq!(task["error_code"], "ModelArts.4353");
}

#[test]
fn the_example_profile_works_as_checked_out() {
    let sandbox = simulator(60, Duration::from_secs(60), 0);
    let example = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/simulator.toml");
    // As git checks it out: readable by all. It holds no secret, so no warning.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let copy = sandbox.dir.path().join("simulator.toml");
        std::fs::copy(&example, &copy).unwrap();
        std::fs::set_permissions(&copy, std::fs::Permissions::from_mode(0o644)).unwrap();
        let out = matasks()
            .arg("--config")
            .arg(&copy)
            .args(["--endpoint", &sandbox.server.url(), "list", "--all"])
            .output()
            .unwrap();
        assert_ok(&out);
        assert_eq!(
            stderr_of(&out),
            "40 auto-labeling and pre-labeling tasks (--type all lists every kind)\n"
        );
    }
    let out = matasks()
        .arg("--config")
        .arg(&example)
        .args(["--endpoint", &sandbox.server.url(), "list", "-o", "ndjson"])
        .output()
        .unwrap();
    assert_ok(&out);
    assert_eq!(stdout_of(&out).lines().count(), 10);
}
