//! Configuration end to end: files, profiles, environment variables and precedence.

use std::path::Path;

use crate::support::*;
use fake_modelarts::*;

fn closed_port_url() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    url
}

#[test]
fn the_example_config_file_works_as_shipped() {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("config.example.toml");
    let text = std::fs::read_to_string(&example).unwrap();
    assert!(text.contains("access_key = \"HPUAEXAMPLEAK0000001\""));
    let sandbox = Sandbox::new(); // uses the same example key pair and project
    let out = matasks()
        .arg("--config")
        .arg(&example)
        .args(["--endpoint", &sandbox.server.url(), "list", "-o", "ndjson"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out).lines().count(), 6);
    let request = sandbox.requests().pop().unwrap();
    // prod is the default profile; its dataset_id and project were used.
    assert!(
        request
            .path
            .ends_with("/datasets/OBegCXHxTJ2JHRAZWr0/tasks")
    );
    assert_eq!(request.header("x-project-id"), Some(PROJECT));
    // Every profile of the example resolves, one for each way to authenticate.
    for (profile, auth) in [
        ("prod", "aksk"),
        ("otc", "aksk"),
        ("ci", "token"),
        ("otc-user", "password"),
    ] {
        let out = matasks()
            .arg("--config")
            .arg(&example)
            .args(["--profile", profile, "config", "show"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{profile}: {}", stderr_of(&out));
        let shown = stdout_of(&out);
        let method = shown.lines().find(|l| l.starts_with("auth ")).unwrap();
        assert!(
            method.split_whitespace().nth(1) == Some(auth),
            "{profile}: {shown}"
        );
    }
}

#[test]
fn sdk_environment_variables_alone_are_enough() {
    let sandbox = Sandbox::new();
    let empty = tempfile::tempdir().unwrap();
    for xdg in [None, Some(empty.path())] {
        let mut cmd = matasks();
        if let Some(dir) = xdg {
            cmd.env("XDG_CONFIG_HOME", dir);
        }
        let out = cmd
            .env("HUAWEICLOUD_SDK_AK", AK)
            .env("HUAWEICLOUD_SDK_SK", SK)
            .env("HUAWEICLOUD_SDK_PROJECT_ID", PROJECT)
            .env("MATASKS_ENDPOINT", sandbox.server.url())
            .env("MATASKS_DATASET", DATASET)
            .args(["list", "-o", "ndjson"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr_of(&out));
        assert_eq!(stderr_of(&out), "");
        assert_eq!(stdout_of(&out).lines().count(), 6);
    }
}

#[test]
fn sdk_credentials_win_over_the_profile() {
    let sandbox = Sandbox::new();
    sandbox.write_config(&format!(
        "[profiles.default]\nendpoint = \"{}\"\nproject_id = \"{PROJECT}\"\ndataset_id = \"{DATASET}\"\n\
         access_key = \"{AK}\"\nsecret_key = \"not-the-right-secret-key\"\n",
        sandbox.server.url()
    ));
    sandbox.cmd().arg("list").assert().code(4);
    sandbox
        .cmd()
        .env("HUAWEICLOUD_SDK_AK", AK)
        .env("HUAWEICLOUD_SDK_SK", SK)
        .arg("list")
        .assert()
        .success();
    let out = sandbox
        .cmd()
        .env("HUAWEICLOUD_SDK_AK", AK)
        .arg("list")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(
        stderr_of(&out),
        "error: HUAWEICLOUD_SDK_AK is set but HUAWEICLOUD_SDK_SK is not: set both, or neither to use the profile\n"
    );
}

#[test]
fn the_default_config_path_follows_xdg_then_home() {
    let sandbox = Sandbox::new();
    let text = std::fs::read_to_string(&sandbox.config).unwrap();
    let place = |root: &Path, sub: &str| {
        let dir = root.join(sub).join("matasks");
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("config.toml");
        std::fs::write(&path, &text).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        }
    };
    let xdg = tempfile::tempdir().unwrap();
    place(xdg.path(), "");
    matasks()
        .env("XDG_CONFIG_HOME", xdg.path())
        .arg("list")
        .assert()
        .success();
    let home = tempfile::tempdir().unwrap();
    place(home.path(), ".config");
    matasks()
        .env("HOME", home.path())
        .arg("list")
        .assert()
        .success();
    // Nothing found: the error says where it looked.
    let nowhere = tempfile::tempdir().unwrap();
    let out = matasks()
        .env("HOME", nowhere.path())
        .arg("list")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let err = stderr_of(&out);
    assert!(
        err.contains(&format!(
            "{}/.config/matasks/config.toml (no such file)",
            nowhere.path().display()
        )),
        "{err}"
    );
}

#[test]
fn config_path_from_flag_or_environment_must_exist() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.toml");
    let out = matasks()
        .arg("--config")
        .arg(&missing)
        .arg("list")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(
        stderr_of(&out),
        format!(
            "error: cannot read config file {}: no such file\n",
            missing.display()
        )
    );
    let out = matasks()
        .env("MATASKS_CONFIG", &missing)
        .arg("list")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));

    let sandbox = Sandbox::new();
    matasks()
        .env("MATASKS_CONFIG", &sandbox.config)
        .arg("list")
        .assert()
        .success();
}

#[test]
fn broken_config_files_name_the_file_line_and_key() {
    let sandbox = Sandbox::new();
    let config = sandbox.config.display().to_string();
    for (text, expected) in [
        (
            "[profiles.default]\nregion = \"cn-north-4\"\nregoin = \"x\"\n",
            format!(
                "error: invalid config file {config}, line 3, column 1: key `profiles.default.regoin`: unknown field `regoin`, expected one of "
            ),
        ),
        (
            "default_profile = \"default\"\n[profiles.default]\nproject_id = 7\n",
            format!(
                "error: invalid config file {config}, line 3, column 14: key `profiles.default.project_id`: invalid type: integer `7`, expected a string"
            ),
        ),
        (
            "[profiles.default\nregion = \"cn-north-4\"\n",
            format!("error: invalid config file {config}, line 1, column "),
        ),
        (
            "[profiles.default]\nsecret_key = \"unterminated\n",
            format!("error: invalid config file {config}, line 2, column "),
        ),
        (
            "profiles = 3\n",
            format!(
                "error: invalid config file {config}, line 1, column 12: key `profiles`: invalid type: integer `3`, expected a map"
            ),
        ),
    ] {
        sandbox.write_config(text);
        let out = sandbox.cmd().arg("list").output().unwrap();
        assert_eq!(out.status.code(), Some(3), "{text}");
        let err = stderr_of(&out);
        assert!(err.starts_with(&expected), "{text}\n{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(!err.contains("unterminated"), "{err}");
    }
    assert!(sandbox.requests().is_empty());
}

#[test]
fn profiles_are_chosen_by_flag_environment_or_default_profile() {
    let sandbox = Sandbox::new();
    let url = sandbox.server.url();
    sandbox.write_config(&format!(
        "default_profile = \"good\"\n\
         [profiles.good]\nendpoint = \"{url}\"\nproject_id = \"{PROJECT}\"\ndataset_id = \"{DATASET}\"\naccess_key = \"{AK}\"\nsecret_key = \"{SK}\"\n\
         [profiles.other]\nendpoint = \"{url}\"\nproject_id = \"{PROJECT}\"\ndataset_id = \"{DATASET}\"\naccess_key = \"{AK}\"\nsecret_key = \"{SK}\"\n\
         [profiles.bad]\nendpoint = \"{url}\"\nproject_id = \"{PROJECT}\"\ndataset_id = \"{DATASET}\"\naccess_key = \"{AK}\"\nsecret_key = \"wrong\"\n"
    ));
    sandbox.cmd().arg("list").assert().success();
    sandbox
        .cmd()
        .args(["--profile", "bad", "list"])
        .assert()
        .code(4);
    sandbox
        .cmd()
        .args(["list", "--profile", "bad"])
        .assert()
        .code(4);
    sandbox
        .cmd()
        .env("MATASKS_PROFILE", "bad")
        .arg("list")
        .assert()
        .code(4);
    sandbox
        .cmd()
        .env("MATASKS_PROFILE", "bad")
        .args(["--profile", "other", "list"])
        .assert()
        .success();
    let out = sandbox.run(&["--profile", "missing", "list"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(
        stderr_of(&out).ends_with("(profiles: bad, good, other)\n"),
        "{}",
        stderr_of(&out)
    );
}

#[test]
fn endpoint_precedence_flag_environment_region_profile() {
    let sandbox = Sandbox::new();
    let good = sandbox.server.url();
    let closed = closed_port_url();
    sandbox.write_config(&format!(
        "[profiles.default]\nendpoint = \"{closed}\"\nproject_id = \"{PROJECT}\"\ndataset_id = \"{DATASET}\"\naccess_key = \"{AK}\"\nsecret_key = \"{SK}\"\n"
    ));
    sandbox.cmd().arg("list").assert().code(1);
    sandbox
        .cmd()
        .env("MATASKS_ENDPOINT", &good)
        .arg("list")
        .assert()
        .success();
    sandbox
        .cmd()
        .env("MATASKS_ENDPOINT", &closed)
        .args(["--endpoint", &good, "list"])
        .assert()
        .success();
    // A region given on the command line or in the environment beats the profile's endpoint...
    let out = sandbox.run(&["--region", "xx-nowhere-1", "list"]);
    assert_eq!(out.status.code(), Some(3));
    let err = stderr_of(&out);
    assert!(
        err.starts_with("error: unknown region `xx-nowhere-1` (`matasks config regions` lists"),
        "{err}"
    );
    sandbox
        .cmd()
        .env("MATASKS_REGION", "xx-nowhere-1")
        .arg("list")
        .assert()
        .code(3);
    // ...but not an endpoint given the same way, or more directly.
    sandbox
        .cmd()
        .env("MATASKS_REGION", "xx-nowhere-1")
        .args(["--endpoint", &good, "list"])
        .assert()
        .success();
    sandbox
        .cmd()
        .env("MATASKS_REGION", "xx-nowhere-1")
        .env("MATASKS_ENDPOINT", &good)
        .arg("list")
        .assert()
        .success();
    // A flag wins over a variable, whichever of the two each gives.
    let out = sandbox
        .cmd()
        .env("MATASKS_ENDPOINT", &good)
        .args(["--region", "xx-nowhere-1", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", stderr_of(&out));
    assert_stderr_has(&out, "unknown region `xx-nowhere-1`");
    let out = sandbox
        .cmd()
        .env("MATASKS_ENDPOINT", &good)
        .args(["--region", "cn-north-4", "config", "show"])
        .output()
        .unwrap();
    assert_ok(&out);
    let rows = rows_of(&out);
    assert!(
        rows.contains(
            "endpoint https://modelarts.cn-north-4.myhuaweicloud.com derived from region\n"
        ) && rows.contains("region cn-north-4 flag --region\n"),
        "{rows}"
    );
    let out = sandbox
        .cmd()
        .env("MATASKS_REGION", "cn-north-4")
        .args(["--endpoint", &good, "config", "show"])
        .output()
        .unwrap();
    assert!(
        rows_of(&out).contains(&format!("endpoint {good} flag --endpoint\n")),
        "{}",
        rows_of(&out)
    );
    let out = sandbox.run(&["--endpoint", "ftp://example", "list"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(
        stderr_of(&out)
            .starts_with("error: invalid endpoint `ftp://example`: the scheme must be https")
    );
}

#[test]
fn project_precedence_flag_environment_sdk_profile() {
    let sandbox = Sandbox::new();
    sandbox.write_config(&format!(
        "[profiles.default]\nendpoint = \"{}\"\nproject_id = \"wrong-profile-project\"\ndataset_id = \"{DATASET}\"\naccess_key = \"{AK}\"\nsecret_key = \"{SK}\"\n",
        sandbox.server.url()
    ));
    sandbox.cmd().arg("list").assert().code(4);
    sandbox
        .cmd()
        .env("HUAWEICLOUD_SDK_PROJECT_ID", PROJECT)
        .arg("list")
        .assert()
        .success();
    sandbox
        .cmd()
        .env("HUAWEICLOUD_SDK_PROJECT_ID", PROJECT)
        .env("MATASKS_PROJECT_ID", "wrong-env-project")
        .arg("list")
        .assert()
        .code(4);
    sandbox
        .cmd()
        .env("MATASKS_PROJECT_ID", "wrong-env-project")
        .args(["--project-id", PROJECT, "list"])
        .assert()
        .success();
    let projects: Vec<String> = sandbox
        .requests()
        .iter()
        .map(|r| r.header("x-project-id").unwrap().to_string())
        .collect();
    assert_eq!(
        projects,
        [
            "wrong-profile-project",
            PROJECT,
            "wrong-env-project",
            PROJECT
        ]
    );
}

#[test]
fn missing_credentials_and_project_are_configuration_errors() {
    let sandbox = Sandbox::new();
    sandbox.write_config(&format!(
        "[profiles.default]\nendpoint = \"{}\"\nproject_id = \"{PROJECT}\"\ndataset_id = \"{DATASET}\"\n",
        sandbox.server.url()
    ));
    let out = sandbox.cmd().arg("list").output().unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr_of(&out).starts_with("error: no credentials: set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK, or MATASKS_AUTH_TOKEN, or in profile `default` of "), "{}", stderr_of(&out));
    sandbox.write_config(&format!(
        "[profiles.default]\nendpoint = \"{}\"\naccess_key = \"{AK}\"\nsecret_key = \"{SK}\"\n",
        sandbox.server.url()
    ));
    let out = sandbox.cmd().arg("list").output().unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr_of(&out).starts_with("error: no project ID"));
    // Nothing set up at all: how to set up first (see a_first_run_says_first_to_run_config_init).
    let out = matasks().arg("list").output().unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(
        stderr_of(&out).contains("\nhint: no endpoint"),
        "{}",
        stderr_of(&out)
    );
    assert!(sandbox.requests().is_empty());
}

#[cfg(unix)]
#[test]
fn a_config_file_readable_by_others_is_pointed_out() {
    use std::os::unix::fs::PermissionsExt;
    let sandbox = Sandbox::new();
    let out = sandbox.cmd().arg("list").output().unwrap();
    assert!(!stderr_of(&out).contains("warning"));
    std::fs::set_permissions(&sandbox.config, std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = sandbox.cmd().arg("list").output().unwrap();
    assert!(out.status.success());
    let err = stderr_of(&out);
    assert!(err.starts_with("warning: "), "{err}");
    assert!(
        err.contains("holds secrets and is open to other users (mode 644); run: chmod 600"),
        "{err}"
    );
    // Every command that reads the settings says so, not only `list`; and a group is
    // other users too.
    std::fs::set_permissions(&sandbox.config, std::fs::Permissions::from_mode(0o640)).unwrap();
    let out = sandbox.run(&["config", "show"]);
    assert!(stderr_of(&out).contains("is open to other users (mode 640)"));
    let out = sandbox.run(&["config", "list"]);
    assert_ok(&out);
    assert!(
        stderr_of(&out).starts_with("warning: ")
            && stderr_of(&out).contains("is open to other users (mode 640)"),
        "{}",
        stderr_of(&out)
    );
    // Said once, also when the settings fail after the file was read.
    sandbox.write_config("[profiles.default]\naccess_key = \"A\"\nsecret_key = \"S\"\n");
    std::fs::set_permissions(&sandbox.config, std::fs::Permissions::from_mode(0o640)).unwrap();
    let out = sandbox.run(&["config", "show"]);
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(
        stderr_of(&out).matches("is open to other users").count(),
        1,
        "{}",
        stderr_of(&out)
    );
    // A file that only says where secrets are holds none.
    sandbox.write_config(&format!(
        "[profiles.default]\nendpoint = \"{}\"\nproject_id = \"{PROJECT}\"\n\
         dataset_id = \"{DATASET}\"\naccess_key = \"{AK}\"\nsecret_key_env = \"MY_SK\"\n",
        sandbox.server.url()
    ));
    std::fs::set_permissions(&sandbox.config, std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = sandbox.cmd().env("MY_SK", SK).arg("list").output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(
        stderr_of(&out),
        "6 of 6 auto-labeling and pre-labeling tasks (--type all lists every kind)\n"
    );
}

#[test]
fn profile_names_and_values_from_the_file_are_shown_escaped() {
    let sandbox = Sandbox::new();
    let hostile = r#"p\u001b]0;owned\u0007\u202e"#;
    sandbox.write_config(&format!(
        "default_profile = \"{hostile}\"\n[profiles.\"{hostile}\"]\n\
         region = \"cn\\u001b[2J\\u200b\"\ndataset_id = \"d\\u009b2J\"\n\
         access_key = \"{AK}\"\nsecret_key = \"{SK}\"\n"
    ));
    let shown = r"p\x1b]0;owned\x07\u{202e}";
    let out = sandbox.run(&["config", "list"]);
    assert_ok(&out);
    assert_terminal_safe(&stdout_of(&out));
    assert_eq!(stdout_of(&out), format!("* {shown}  (default)\n"));

    let out = sandbox.run(&["config", "show"]);
    assert_eq!(out.status.code(), Some(3));
    assert_terminal_safe(&stdout_of(&out));
    assert_terminal_safe(&stderr_of(&out));
    let rows = rows_of(&out);
    assert!(rows.contains(&format!("profile {shown}\n")), "{rows}");
    assert!(
        rows.contains(r"region cn\x1b[2J\u{200b} file (region)"),
        "{rows}"
    );
    assert!(
        rows.contains(r"dataset_id d\x9b2J file (dataset_id)"),
        "{rows}"
    );
    assert!(
        stderr_of(&out).starts_with(r"error: unknown region `cn\x1b[2J\u{200b}`"),
        "{}",
        stderr_of(&out)
    );

    for args in [&["list"][..], &["--profile", "x\u{1b}[2J", "list"]] {
        let out = sandbox.run(args);
        assert_eq!(out.status.code(), Some(3));
        assert_terminal_safe(&stderr_of(&out));
    }
    let out = sandbox.run(&["--profile", "x", "list"]);
    assert_stderr_has(&out, &format!("(profiles: {shown})"));
}

#[test]
fn an_endpoint_with_a_control_character_is_refused_not_cleaned() {
    let sandbox = Sandbox::new();
    let url = sandbox.server.url();
    let refused = |out: std::process::Output, endpoint: &str, from: &str| {
        assert_eq!(out.status.code(), Some(3), "{}", stderr_of(&out));
        let err = stderr_of(&out);
        assert!(
            err.starts_with(&format!("error: invalid {endpoint} `")),
            "{err}"
        );
        assert!(
            err.contains(
                "`: it contains a control or invisible character (a stray line break or tab?) (from "
            ) && err.contains(from),
            "{err}"
        );
        assert_eq!(err.lines().count(), 1, "{err}");
        assert_terminal_safe(&err);
    };
    // The URL parser would drop these and reach the server; they are refused.
    let broken = url.replacen("127.0.0.1", "127.0.\n0.1", 1);
    refused(
        sandbox.run(&["--endpoint", &broken, "list"]),
        "endpoint",
        "(from flag --endpoint)\n",
    );
    let tabbed = format!("{url}\t");
    let out = sandbox
        .cmd()
        .env("MATASKS_ENDPOINT", &tabbed)
        .arg("list")
        .output()
        .unwrap();
    refused(out, "endpoint", "(from env MATASKS_ENDPOINT)\n");
    let text = std::fs::read_to_string(&sandbox.config).unwrap();
    sandbox.write_config(&text.replace(&format!("\"{url}\""), &format!("\"{url}/\\r\\n\"")));
    refused(
        sandbox.run(&["get", "t"]),
        "endpoint",
        "(from `endpoint` in profile `default` of ",
    );
    sandbox.write_config(&format!(
        "[profiles.default]\nendpoint = \"{url}\"\niam_endpoint = \"{url}\\u0085\"\n\
         region = \"{REGION}\"\ndataset_id = \"{DATASET}\"\naccess_key = \"{AK}\"\n\
         secret_key = \"{SK}\"\n"
    ));
    refused(
        sandbox.run(&["config", "check"]),
        "iam_endpoint",
        "(from `iam_endpoint` in profile `default` of ",
    );
    assert!(sandbox.requests().is_empty());
}

#[test]
fn a_mistyped_region_gets_one_line_with_the_region_meant() {
    let out = matasks()
        .env("HUAWEICLOUD_SDK_AK", AK)
        .env("HUAWEICLOUD_SDK_SK", SK)
        .env("HUAWEICLOUD_SDK_PROJECT_ID", PROJECT)
        .args(["--region", "cn-nort-4", "list", "-d", DATASET])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(
        stderr_of(&out),
        "error: unknown region `cn-nort-4`; did you mean cn-north-4?\n"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn config_regions_prints_each_region_and_its_endpoint() {
    let out = matasks().args(["config", "regions"]).output().unwrap();
    assert_ok(&out);
    assert_eq!(stderr_of(&out), "");
    let lines: Vec<Vec<String>> = stdout_of(&out)
        .lines()
        .map(|line| line.split_whitespace().map(str::to_string).collect())
        .collect();
    assert_eq!(lines.len(), 22);
    for line in &lines {
        assert_eq!(line.len(), 2, "{line:?}");
    }
    let endpoint_of = |region: &str| {
        lines
            .iter()
            .find(|line| line[0] == region)
            .map(|line| line[1].clone())
    };
    assert_eq!(
        endpoint_of("cn-north-4").as_deref(),
        Some("https://modelarts.cn-north-4.myhuaweicloud.com")
    );
    assert_eq!(
        endpoint_of("ap-southeast-1").as_deref(),
        Some("https://modelarts.ap-southeast-1.myhuaweicloud.cn")
    );
    // Each region listed is one that works as --region: its endpoint is the one used.
    for line in &lines {
        let out = matasks()
            .env("HUAWEICLOUD_SDK_AK", AK)
            .env("HUAWEICLOUD_SDK_SK", SK)
            .env("HUAWEICLOUD_SDK_PROJECT_ID", PROJECT)
            .args(["--region", &line[0], "config", "show"])
            .output()
            .unwrap();
        assert_ok(&out);
        assert!(
            rows_of(&out).contains(&format!("endpoint {} derived from region", line[1])),
            "{}",
            rows_of(&out)
        );
    }
}

#[test]
fn a_first_run_says_first_to_run_config_init() {
    let xdg = tempfile::tempdir().unwrap();
    let first_run = |args: &[&str], env: &[(&str, &str)]| {
        matasks()
            .env("XDG_CONFIG_HOME", xdg.path())
            .envs(env.iter().copied())
            .args(args)
            .output()
            .unwrap()
    };
    let init = "error: matasks is not set up yet: run `matasks config init` to create a profile";
    for args in [
        &["list"][..],
        &["get", "14cyxyu6UXaNT3lrPFl"],
        &["wait", "14cyxyu6UXaNT3lrPFl"],
        &["datasets"],
        &["start", "auto-label", "--dry-run"],
        &["config", "check"],
        &["config", "show"],
    ] {
        let out = first_run(args, &[]);
        assert_eq!(out.status.code(), Some(3), "{args:?}");
        let err = stderr_of(&out);
        let lines: Vec<&str> = err.lines().collect();
        assert_eq!(lines.len(), 2, "{args:?}:\n{err}");
        assert_eq!(lines[0], init, "{args:?}");
        // Then the ways to give the settings without a file, as before.
        assert!(
            lines[1].starts_with(
                "hint: no endpoint: pass --region or --endpoint, or set MATASKS_REGION or \
                 MATASKS_ENDPOINT, or `region` or `endpoint` in profile `default` of "
            ),
            "{args:?}:\n{err}"
        );
    }
    // Anything set up already (a variable, a flag, a file) gets only what is missing.
    let sdk = [("HUAWEICLOUD_SDK_AK", AK), ("HUAWEICLOUD_SDK_SK", SK)];
    let region = [("MATASKS_REGION", "cn-north-4")];
    for (args, env) in [
        (&["list"][..], &sdk[..]),
        (&["list"], &region[..]),
        (
            &["--endpoint", "https://modelarts.example", "list"],
            &[][..],
        ),
    ] {
        let out = first_run(args, env);
        assert_eq!(out.status.code(), Some(3), "{args:?}");
        let err = stderr_of(&out);
        assert!(!err.contains("config init"), "{args:?} {env:?}:\n{err}");
        assert!(err.starts_with("error: no "), "{args:?} {env:?}:\n{err}");
    }
    std::fs::create_dir(xdg.path().join("matasks")).unwrap();
    fake_modelarts::write_private(&xdg.path().join("matasks/config.toml"), "");
    let out = first_run(&["list"], &[]);
    assert_eq!(out.status.code(), Some(3));
    assert!(
        stderr_of(&out).starts_with("error: no endpoint:"),
        "{}",
        stderr_of(&out)
    );
}
