//! Authentication end to end: IAM tokens, passwords exchanged for cached tokens,
//! project discovery, and secrets from commands and variables.

use crate::support::*;
use fake_modelarts::*;

fn listed(out: &std::process::Output) -> usize {
    stdout_of(out).lines().count()
}

#[test]
fn a_token_from_the_profile_is_sent_as_x_auth_token_without_a_signature() {
    let sandbox = Sandbox::new();
    sandbox.write_config(&profile(
        &sandbox,
        &format!("project_id = \"{PROJECT}\"\nauth_token = \"{AUTH_TOKEN}\"\n"),
    ));
    let out = sandbox.run(&["list", "-o", "ndjson"]);
    assert_ok(&out);
    assert_eq!(listed(&out), 6);
    let requests = sandbox.requests();
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].header("x-auth-token"), Some(AUTH_TOKEN));
    assert_eq!(requests[0].header("authorization"), None);
    assert_eq!(requests[0].header("x-sdk-date"), None);
}

#[test]
fn matasks_auth_token_alone_is_enough() {
    let sandbox = Sandbox::new();
    let out = matasks()
        .env("MATASKS_AUTH_TOKEN", AUTH_TOKEN)
        .env("MATASKS_ENDPOINT", sandbox.server.url())
        .env("MATASKS_PROJECT_ID", PROJECT)
        .env("MATASKS_DATASET", DATASET)
        .args(["list", "-o", "ndjson"])
        .output()
        .unwrap();
    assert_ok(&out);
    assert_eq!(listed(&out), 6);
    assert_eq!(stderr_of(&out), "");
}

#[test]
fn a_rejected_token_is_not_retried_and_says_why() {
    let sandbox = Sandbox::new();
    sandbox.write_config(&profile(
        &sandbox,
        &format!("project_id = \"{PROJECT}\"\nauth_token = \"MIIexpired-token-never-shown\"\n"),
    ));
    let out = sandbox.run(&["list"]);
    assert_eq!(out.status.code(), Some(4));
    let err = stderr_of(&out);
    assert!(err.starts_with("error: APIGW.0307: "), "{err}");
    assert!(
        err.contains("hint: the IAM token from `auth_token` in profile `default` of "),
        "{err}"
    );
    assert!(err.contains("expire 24 hours after"), "{err}");
    assert!(!err.contains("never-shown"), "{err}");
    assert_eq!(sandbox.requests().len(), 1);
}

#[test]
fn a_password_token_is_issued_once_cached_privately_and_reused() {
    let sandbox = Sandbox::new();
    sandbox.write_config(&password_profile(&sandbox, ""));
    let out = sandbox.run(&["list", "-o", "ndjson"]);
    assert_ok(&out);
    assert_eq!(listed(&out), 6);
    assert_eq!(sandbox.server.token_requests(), 1);
    let requests = sandbox.requests();
    let issue = &requests[0];
    assert_eq!(issue.path, "/v3/auth/tokens");
    assert_eq!(issue.param("nocatalog"), Some("true"));
    let body: serde_json::Value = serde_json::from_slice(&issue.body).unwrap();
    assert_eq!(body["auth"]["scope"]["project"]["id"], PROJECT);
    let token = requests[1].header("x-auth-token").unwrap().to_string();
    assert!(token.starts_with("MIIissued-"));

    // The cache holds the token, for this user only, and nothing else does.
    let tokens = sandbox.cache_dir().join("tokens");
    let files: Vec<_> = std::fs::read_dir(&tokens)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1);
    let cached = std::fs::read_to_string(&files[0]).unwrap();
    assert!(cached.contains(&token) && !cached.contains(PASSWORD));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&files[0]).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    assert!(!stdout_of(&out).contains(&token) && !stderr_of(&out).contains(&token));

    let out = sandbox.run(&["list", "-o", "ndjson"]);
    assert_ok(&out);
    assert_eq!(
        sandbox.server.token_requests(),
        1,
        "the cached token was reused"
    );
    assert_eq!(
        sandbox.requests().last().unwrap().header("x-auth-token"),
        Some(token.as_str())
    );
}

#[test]
fn a_token_is_reused_until_five_minutes_before_it_expires() {
    // Tokens of 4 minutes are inside the margin from the start; of 6, outside it.
    for (minutes, issued) in [(4, 2), (6, 1)] {
        let sandbox = Sandbox::with(Setup {
            token_lifetime: std::time::Duration::from_secs(minutes * 60),
            ..Setup::default()
        });
        sandbox.write_config(&password_profile(&sandbox, ""));
        for _ in 0..2 {
            assert_ok(&sandbox.run(&["list"]));
        }
        assert_eq!(sandbox.server.token_requests(), issued, "{minutes} minutes");
    }
}

#[test]
fn a_token_of_a_short_life_serves_the_whole_run() {
    // Inside the renewal margin from the start: one token all the same, and the
    // password command runs once.
    let mut setup = Setup {
        token_lifetime: std::time::Duration::from_secs(60),
        ..Setup::default()
    };
    setup.datasets.insert("many".into(), Tasks::Generated(150));
    let sandbox = Sandbox::with(setup);
    let runs = sandbox.dir.path().join("password-runs");
    sandbox.write_config(&profile(
        &sandbox,
        &format!(
            "project_id = \"{PROJECT}\"\nusername = \"{USER}\"\ndomain = \"{DOMAIN}\"\n\
             password_command = \"sh -c 'echo run >> {} && echo {PASSWORD}'\"\n",
            runs.display()
        ),
    ));
    let out = sandbox.run(&[
        "list", "-d", "many", "--all", "--limit", "10", "-o", "ndjson",
    ]);
    assert_ok(&out);
    assert_eq!(listed(&out), 150);
    assert_eq!(sandbox.server.token_requests(), 1);
    assert_eq!(std::fs::read_to_string(&runs).unwrap().lines().count(), 1);
}

#[test]
fn a_token_that_expires_during_a_run_is_replaced() {
    // A token of one second: the next poll's request is rejected as expired, and a
    // new token is issued for it.
    let sandbox = Sandbox::with(Setup {
        token_lifetime: std::time::Duration::from_secs(1),
        ..Setup::default()
    });
    sandbox.write_config(&password_profile(&sandbox, ""));
    let out = sandbox.run(&["wait", "moving-succeeded", "--interval", "1s"]);
    assert_ok(&out);
    let issued = sandbox.server.token_requests();
    // One more token for each poll that found the last one expired, never two.
    let polls = sandbox
        .requests()
        .iter()
        .filter(|r| r.path.ends_with("/moving-succeeded") && r.signature.is_ok())
        .count();
    assert_eq!(polls, 3);
    assert!(
        (2..=3).contains(&issued),
        "{issued} tokens for {polls} polls"
    );
    // Each token served until the API said it had expired.
    let rejected = sandbox
        .requests()
        .iter()
        .filter(|r| r.path.ends_with("/moving-succeeded") && r.signature.is_err())
        .count();
    assert_eq!(rejected, issued - 1);
}

#[test]
fn a_cached_token_the_api_rejects_is_replaced_once() {
    let sandbox = Sandbox::new();
    sandbox.write_config(&password_profile(&sandbox, ""));
    assert_ok(&sandbox.run(&["list"]));
    sandbox.server.revoke_tokens();
    let out = sandbox.run(&["list", "--all", "-o", "ndjson"]);
    assert_ok(&out);
    assert_eq!(listed(&out), 6);
    assert_eq!(sandbox.server.token_requests(), 2);
    // The new token is cached for the next run.
    assert_ok(&sandbox.run(&["list"]));
    assert_eq!(sandbox.server.token_requests(), 2);
}

#[test]
fn a_fresh_token_that_is_rejected_ends_the_run() {
    // Every token is rejected at once: a renewal would not help twice.
    let sandbox = Sandbox::with(Setup {
        token_lifetime: std::time::Duration::from_secs(6 * 60),
        hook: Some(std::sync::Arc::new(|req: &Recorded, _: &Catalog| {
            req.path.starts_with("/v2/").then(|| {
                Action::Reply(Reply::api_error(
                    401,
                    "APIGW.0307",
                    "The token must be updated.",
                ))
            })
        })),
        ..Setup::default()
    });
    sandbox.write_config(&password_profile(&sandbox, ""));
    let out = sandbox.run(&["list"]);
    assert_eq!(out.status.code(), Some(4));
    assert_eq!(sandbox.server.token_requests(), 1);
    let err = stderr_of(&out);
    assert!(
        err.contains("hint: the IAM token of ops-user@acme-account was rejected even when new"),
        "{err}"
    );
    // With a cached token: one renewal, then the error.
    let out = sandbox.run(&["list"]);
    assert_eq!(out.status.code(), Some(4));
    assert_eq!(sandbox.server.token_requests(), 2);
}

#[test]
fn a_wrong_password_is_an_auth_error_that_never_shows_it() {
    let sandbox = Sandbox::new();
    let text = password_profile(&sandbox, "").replace(PASSWORD, "wrong-pa55-never-shown");
    sandbox.write_config(&text);
    let out = sandbox.run(&["-vv", "list"]);
    assert_eq!(out.status.code(), Some(4));
    let err = stderr_of(&out);
    assert!(
        err.contains(&format!(
            "error: cannot get a token from {}: 401: The username or password is wrong.",
            sandbox.server.url()
        )),
        "{err}"
    );
    assert!(
        err.contains("hint: check `username` (ops-user), `domain` (acme-account) and the password"),
        "{err}"
    );
    assert!(err.contains("\"password\":\"****\""), "{err}");
    assert!(!err.contains("wrong-pa55"), "{err}");
    assert!(stdout_of(&out).is_empty());
}

#[test]
fn without_a_project_id_a_password_token_is_scoped_by_region() {
    let sandbox = Sandbox::new();
    let text = password_profile(&sandbox, "").replace(&format!("project_id = \"{PROJECT}\"\n"), "");
    sandbox.write_config(&text);
    let out = sandbox.run(&["list", "-o", "ndjson"]);
    assert_ok(&out);
    let requests = sandbox.requests();
    let body: serde_json::Value = serde_json::from_slice(&requests[0].body).unwrap();
    assert_eq!(
        body["auth"]["scope"]["project"],
        serde_json::json!({ "name": REGION })
    );
    assert!(requests[1].path.starts_with(&format!("/v2/{PROJECT}/")));
    assert_eq!(requests.len(), 2, "no project lookup: the token names it");
}

#[test]
fn the_project_is_looked_up_from_the_region_once_and_cached() {
    let sandbox = Sandbox::new();
    sandbox.write_config(&profile(
        &sandbox,
        &format!("access_key = \"{AK}\"\nsecret_key = \"{SK}\"\n"),
    ));
    let out = sandbox.run(&["list", "-o", "ndjson"]);
    assert_ok(&out);
    let requests = sandbox.requests();
    assert_eq!(requests[0].path, "/v3/projects");
    assert_eq!(requests[0].query, format!("name={REGION}"));
    assert_eq!(requests[0].signature, Ok(()));
    assert_eq!(requests[0].header("x-project-id"), None);
    assert_eq!(requests[1].header("x-project-id"), Some(PROJECT));
    assert_ok(&sandbox.run(&["list"]));
    let lookups = sandbox
        .requests()
        .iter()
        .filter(|r| r.path == "/v3/projects")
        .count();
    assert_eq!(lookups, 1);
    // `config show` reports the cached project without asking the server.
    let out = sandbox.run(&["config", "show"]);
    assert_ok(&out);
    assert!(
        rows_of(&out).contains(&format!(
            "\nproject_id {PROJECT} cache (looked up from the region)\n"
        )),
        "{}",
        rows_of(&out)
    );
}

#[test]
fn a_region_with_no_project_or_several_is_a_clear_error() {
    for (projects, expected) in [
        (
            vec![],
            "no project named `cn-north-4` is visible to these credentials at",
        ),
        (
            vec![
                (REGION.to_string(), "p1".to_string()),
                (REGION.to_string(), "p2".to_string()),
            ],
            "2 projects are named `cn-north-4` at",
        ),
    ] {
        let several = projects.len() == 2;
        let sandbox = Sandbox::with(Setup {
            projects,
            ..Setup::default()
        });
        sandbox.write_config(&profile(
            &sandbox,
            &format!("access_key = \"{AK}\"\nsecret_key = \"{SK}\"\n"),
        ));
        let out = sandbox.run(&["list"]);
        assert_eq!(out.status.code(), Some(3));
        let err = stderr_of(&out);
        assert!(
            err.starts_with("error: cannot look up the project of region cn-north-4 (set `project_id` in profile `default` of "),
            "{err}"
        );
        assert!(err.contains(expected), "{err}");
        if several {
            assert!(
                err.contains("p1 (cn-north-4), p2 (cn-north-4); set `project_id` to one"),
                "{err}"
            );
        }
        assert_eq!(sandbox.requests().len(), 1);
    }
}

#[cfg(unix)]
#[test]
fn secrets_come_from_commands_run_without_a_shell() {
    let sandbox = Sandbox::new();
    let counter = sandbox.dir.path().join("runs");
    sandbox.write_config(&password_profile(&sandbox, "").replace(
        &format!("password = \"{PASSWORD}\""),
        &format!(
            "password_command = \"sh -c 'echo run >> {}; printf \\\"%s\\\\n\\\" {PASSWORD}'\"",
            counter.display()
        ),
    ));
    assert_ok(&sandbox.run(&["list"]));
    assert_ok(&sandbox.run(&["list"]));
    // The second run had a cached token, so the command (a passphrase prompt,
    // perhaps) did not run again.
    assert_eq!(std::fs::read_to_string(&counter).unwrap(), "run\n");

    sandbox.write_config(&profile(
        &sandbox,
        &format!(
            "project_id = \"{PROJECT}\"\naccess_key = \"{AK}\"\nsecret_key_command = \"printf %s {SK}\"\n"
        ),
    ));
    assert_ok(&sandbox.run(&["list"]));
}

#[cfg(unix)]
#[test]
fn no_shell_expands_what_a_secret_command_says() {
    // Through a shell, `$NOT_EXPANDED` would become an empty secret key.
    let sandbox = Sandbox::with(Setup {
        secret_key: "$NOT_EXPANDED".into(),
        ..Setup::default()
    });
    sandbox.write_config(&profile(
        &sandbox,
        &format!("project_id = \"{PROJECT}\"\naccess_key = \"{AK}\"\nsecret_key_command = \"printf %s $NOT_EXPANDED\"\n"),
    ));
    let out = sandbox
        .cmd()
        .env("NOT_EXPANDED", "x")
        .arg("list")
        .output()
        .unwrap();
    assert_ok(&out);
}

#[cfg(unix)]
#[test]
fn tokens_and_security_tokens_come_from_commands_and_variables_too() {
    let sandbox = Sandbox::with(Setup {
        security_token: Some(TOKEN.into()),
        ..Setup::default()
    });
    for source in [
        format!("security_token_command = \"printf %s {TOKEN}\""),
        "security_token_env = \"STS_TOKEN\"".to_string(),
    ] {
        sandbox.write_config(&profile(
            &sandbox,
            &format!("project_id = \"{PROJECT}\"\naccess_key = \"{AK}\"\nsecret_key = \"{SK}\"\n{source}\n"),
        ));
        let out = sandbox
            .cmd()
            .env("STS_TOKEN", TOKEN)
            .arg("list")
            .output()
            .unwrap();
        assert_ok(&out);
        assert_eq!(
            sandbox
                .requests()
                .last()
                .unwrap()
                .header("x-security-token"),
            Some(TOKEN)
        );
    }
    for source in [
        format!("auth_token_command = \"printf %s {AUTH_TOKEN}\""),
        "auth_token_env = \"CI_TOKEN\"".to_string(),
    ] {
        sandbox.write_config(&profile(
            &sandbox,
            &format!("project_id = \"{PROJECT}\"\n{source}\n"),
        ));
        let out = sandbox
            .cmd()
            .env("CI_TOKEN", AUTH_TOKEN)
            .arg("list")
            .output()
            .unwrap();
        assert_ok(&out);
        assert_eq!(
            sandbox.requests().last().unwrap().header("x-auth-token"),
            Some(AUTH_TOKEN)
        );
    }
}

#[test]
fn a_token_looks_up_the_project_with_itself() {
    let sandbox = Sandbox::new();
    sandbox.write_config(&profile(
        &sandbox,
        &format!("auth_token = \"{AUTH_TOKEN}\"\n"),
    ));
    let out = sandbox.run(&["list", "-o", "ndjson"]);
    assert_ok(&out);
    let requests = sandbox.requests();
    assert_eq!(requests[0].path, "/v3/projects");
    assert_eq!(requests[0].header("x-auth-token"), Some(AUTH_TOKEN));
    assert_eq!(requests[0].header("authorization"), None);
    assert!(requests[1].path.starts_with(&format!("/v2/{PROJECT}/")));
}

#[cfg(unix)]
#[test]
fn failing_secret_commands_name_the_key_not_the_output() {
    let sandbox = Sandbox::new();
    for (command, expected) in [
        (
            "sh -c 'echo leaked-output-never-shown; exit 7'",
            "error: `secret_key_command` in profile `default` of",
        ),
        ("true", "gave an empty secret_key"),
        (
            "/nonexistent/vault-helper get sk",
            "cannot run `/nonexistent/vault-helper`: no such program",
        ),
    ] {
        sandbox.write_config(&profile(
            &sandbox,
            &format!("project_id = \"{PROJECT}\"\naccess_key = \"{AK}\"\nsecret_key_command = \"{command}\"\n"),
        ));
        let out = sandbox.run(&["list"]);
        assert_eq!(out.status.code(), Some(3), "{command}");
        let err = stderr_of(&out);
        assert!(err.contains(expected), "{err}");
        assert!(!err.contains("leaked-output"), "{err}");
        if command.ends_with("exit 7'") {
            assert!(err.ends_with(": `sh` exited with status 7\n"), "{err}");
        }
    }
    assert!(sandbox.requests().is_empty());
}

#[test]
fn secrets_come_from_named_variables() {
    let sandbox = Sandbox::new();
    sandbox.write_config(&profile(
        &sandbox,
        &format!(
            "project_id = \"{PROJECT}\"\naccess_key = \"{AK}\"\nsecret_key_env = \"VAULT_SK\"\n"
        ),
    ));
    let out = sandbox
        .cmd()
        .env("VAULT_SK", SK)
        .arg("list")
        .output()
        .unwrap();
    assert_ok(&out);
    let out = sandbox.run(&["list"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(
        stderr_of(&out).contains("`secret_key_env` in profile `default` of ")
            && stderr_of(&out).ends_with("names VAULT_SK, which is not set or empty\n"),
        "{}",
        stderr_of(&out)
    );
}

#[test]
fn two_sources_for_one_secret_or_two_methods_are_config_errors() {
    let sandbox = Sandbox::new();
    sandbox.write_config(&profile(
        &sandbox,
        &format!(
            "project_id = \"{PROJECT}\"\naccess_key = \"{AK}\"\nsecret_key = \"{SK}\"\nsecret_key_env = \"X\"\n"
        ),
    ));
    let out = sandbox.run(&["list"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(
        stderr_of(&out)
            .starts_with("error: `secret_key` has more than one source in profile `default` of "),
        "{}",
        stderr_of(&out)
    );
    assert!(!stderr_of(&out).contains(SK));
    sandbox.write_config(&password_profile(
        &sandbox,
        &format!("access_key = \"{AK}\"\nsecret_key = \"{SK}\"\n"),
    ));
    let out = sandbox.run(&["list"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(
        stderr_of(&out)
            .ends_with("holds credentials for aksk and password: set `auth` to the one to use\n"),
        "{}",
        stderr_of(&out)
    );
    // Naming the method settles it.
    sandbox.write_config(&password_profile(
        &sandbox,
        &format!("auth = \"password\"\naccess_key = \"{AK}\"\nsecret_key = \"{SK}\"\n"),
    ));
    assert_ok(&sandbox.run(&["list"]));
    assert_eq!(sandbox.server.token_requests(), 1);
}

#[test]
fn a_profile_that_names_its_method_says_which_variables_it_ignores() {
    let sandbox = Sandbox::new();
    sandbox.write_config(&password_profile(&sandbox, "auth = \"password\"\n"));
    let out = sandbox
        .cmd()
        .env("MATASKS_AUTH_TOKEN", AUTH_TOKEN)
        .env("HUAWEICLOUD_SDK_AK", AK)
        .args(["list", "-o", "ndjson"])
        .output()
        .unwrap();
    assert_ok(&out);
    let err = stderr_of(&out);
    assert!(
        err.contains(
            "warning: HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK are ignored: profile `default` of "
        ),
        "{err}"
    );
    assert!(
        err.contains("warning: MATASKS_AUTH_TOKEN is ignored: profile `default` of "),
        "{err}"
    );
    assert!(err.contains("sets auth = \"password\""), "{err}");
    assert!(!err.contains(AUTH_TOKEN));
    assert_eq!(sandbox.server.token_requests(), 1);
}

#[test]
fn an_unwritable_cache_costs_a_warning_not_the_run() {
    let sandbox = Sandbox::new();
    sandbox.write_config(&password_profile(&sandbox, ""));
    let blocker = sandbox.dir.path().join("not-a-dir");
    std::fs::write(&blocker, "").unwrap();
    let out = sandbox
        .cmd()
        .env("MATASKS_CACHE_DIR", blocker.join("cache"))
        .args(["list", "-o", "ndjson"])
        .output()
        .unwrap();
    assert_ok(&out);
    assert_eq!(listed(&out), 6);
    let err = stderr_of(&out);
    assert!(
        err.starts_with("warning: cannot cache the token in "),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn project_names_and_ids_from_the_identity_service_are_shown_escaped() {
    let sandbox = Sandbox::with(Setup {
        hook: Some(std::sync::Arc::new(|req: &Recorded, _: &Catalog| {
            (req.path == "/v3/projects").then(|| {
                Action::Reply(Reply::json(
                    200,
                    r#"{"projects":[{"id":"p\u001b]0;owned\u0007","name":"cn-north-4\u001b[2J"},
                        {"id":"q\u202e1","name":"cn\u200b-north-4\u009b"}]}"#,
                ))
            })
        })),
        ..Setup::default()
    });
    sandbox.write_config(&profile(
        &sandbox,
        &format!("access_key = \"{AK}\"\nsecret_key = \"{SK}\"\n"),
    ));
    for args in [&["list"][..], &["-v", "list"], &["config", "check"]] {
        let out = sandbox.run(args);
        assert_eq!(out.status.code(), Some(3), "{args:?}");
        assert_terminal_safe(&stdout_of(&out));
        assert_terminal_safe(&stderr_of(&out));
        assert!(
            stderr_of(&out).contains(
                r"2 projects are named `cn-north-4` at http://127.0.0.1:"
            ) && stderr_of(&out).contains(
                r": p\x1b]0;owned\x07 (cn-north-4\x1b[2J), q\u{202e}1 (cn\u{200b}-north-4\x9b); set `project_id` to one"
            ),
            "{args:?}: {}",
            stderr_of(&out)
        );
    }
}

#[test]
fn project_ids_that_cannot_be_one_path_step_are_refused_wherever_they_come_from() {
    // Given by the user: a usage error, and nothing is sent.
    let sandbox = Sandbox::new();
    for (args, envs, message) in [
        (
            &["--project-id", "..", "list"][..],
            &[][..],
            "error: the project ID `..` from flag --project-id is not an ID: `..` is a step of a path\n",
        ),
        (
            &["--project-id", "", "get", "t"],
            &[],
            "error: the project ID from flag --project-id is empty\n",
        ),
        (
            &["wait", "t"],
            &[("MATASKS_PROJECT_ID", "")],
            "error: the project ID from env MATASKS_PROJECT_ID is empty\n",
        ),
        (
            &["config", "check"],
            &[("HUAWEICLOUD_SDK_PROJECT_ID", "p/q")],
            "error: the project ID `p/q` from env HUAWEICLOUD_SDK_PROJECT_ID is not an ID: it contains `/`\n",
        ),
    ] {
        let out = sandbox
            .cmd()
            .envs(envs.iter().copied())
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr_of(&out));
        assert_eq!(stderr_of(&out), message, "{args:?}");
        assert!(sandbox.requests().is_empty());
    }
    let text = std::fs::read_to_string(&sandbox.config).unwrap();
    sandbox.write_config(&text.replace(PROJECT, "."));
    let out = sandbox.run(&["list"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr_of(&out)
            .starts_with("error: the project ID `.` from `project_id` in profile `default` of "),
        "{}",
        stderr_of(&out)
    );
    assert!(sandbox.requests().is_empty());

    // From the identity service or the cache: an error naming it, and nothing is sent
    // to ModelArts.
    let sandbox = Sandbox::with(Setup {
        projects: vec![(REGION.to_string(), "..".to_string())],
        ..Setup::default()
    });
    let aksk = profile(
        &sandbox,
        &format!("access_key = \"{AK}\"\nsecret_key = \"{SK}\"\n"),
    );
    sandbox.write_config(&aksk);
    let out = sandbox.run(&["list"]);
    assert_eq!(out.status.code(), Some(3));
    let err = stderr_of(&out);
    assert!(
        err.contains(&format!(
            "the project ID `..` from the identity service at {} is not an ID",
            sandbox.server.url()
        )),
        "{err}"
    );
    assert!(
        err.contains("hint: set `project_id` in the profile"),
        "{err}"
    );
    let paths: Vec<String> = sandbox.requests().iter().map(|r| r.path.clone()).collect();
    assert_eq!(paths, ["/v3/projects"]);

    sandbox.write_config(
        &password_profile(&sandbox, "").replace(&format!("project_id = \"{PROJECT}\"\n"), ""),
    );
    let out = sandbox.run(&["get", "t"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(
        stderr_of(&out)
            .contains("the project ID `..` from the token from the identity service at "),
        "{}",
        stderr_of(&out)
    );
    assert!(
        sandbox
            .requests()
            .iter()
            .all(|r| r.path.starts_with("/v3/"))
    );
    // The cached token names the same project: refused as coming from the cache.
    let out = sandbox.run(&["get", "t"]);
    assert_eq!(out.status.code(), Some(3));
    assert_stderr_has(
        &out,
        "the project ID `..` from the cached token of profile `default` is not an ID",
    );
    assert!(
        sandbox
            .requests()
            .iter()
            .all(|r| r.path.starts_with("/v3/"))
    );

    // A project cached by an earlier lookup, changed since.
    let sandbox = Sandbox::new();
    sandbox.write_config(&profile(
        &sandbox,
        &format!("access_key = \"{AK}\"\nsecret_key = \"{SK}\"\n"),
    ));
    assert_ok(&sandbox.run(&["list"]));
    let cached = std::fs::read_dir(sandbox.cache_dir().join("projects"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let text = std::fs::read_to_string(&cached).unwrap();
    std::fs::write(&cached, text.replace(PROJECT, "..")).unwrap();
    let before = sandbox.requests().len();
    let out = sandbox.run(&["list"]);
    assert_eq!(out.status.code(), Some(3));
    assert_stderr_has(
        &out,
        "the project ID `..` from the cached lookup of region cn-north-4 is not an ID",
    );
    assert_eq!(sandbox.requests().len(), before, "nothing sent");
}
