//! `matasks config`: path, list, show, set, unset, init and check, and the promise that
//! no secret reaches any output, whatever is asked and however verbosely.

use std::fs;

use crate::support::*;
use fake_modelarts::*;

#[test]
fn path_prints_the_file_in_effect_and_says_when_it_is_missing() {
    let sandbox = Sandbox::new();
    let out = sandbox.run(&["config", "path"]);
    assert_ok(&out);
    assert_eq!(stdout_of(&out), format!("{}\n", sandbox.config.display()));
    assert_eq!(stderr_of(&out), "");

    let xdg = tempfile::tempdir().unwrap();
    let out = matasks()
        .env("XDG_CONFIG_HOME", xdg.path())
        .args(["config", "path"])
        .output()
        .unwrap();
    assert_ok(&out);
    let expected = xdg.path().join("matasks/config.toml");
    assert_eq!(stdout_of(&out), format!("{}\n", expected.display()));
    assert_eq!(
        stderr_of(&out),
        format!(
            "{} does not exist yet; `matasks config init` creates it\n",
            expected.display()
        )
    );
}

#[test]
fn list_marks_the_default_and_the_profile_in_effect() {
    let sandbox = Sandbox::new();
    sandbox.write_config("default_profile = \"b\"\n[profiles.a]\n[profiles.b]\n[profiles.c]\n");
    let out = sandbox.run(&["config", "list"]);
    assert_ok(&out);
    assert_eq!(stdout_of(&out), "  a\n* b  (default)\n  c\n");
    let out = sandbox
        .cmd()
        .env("MATASKS_PROFILE", "c")
        .args(["config", "list"])
        .output()
        .unwrap();
    assert_eq!(stdout_of(&out), "  a\n  b  (default)\n* c\n");
    let out = sandbox.run(&["--profile", "x", "config", "list"]);
    assert_ok(&out);
    assert!(stderr_of(&out).contains("the profile in effect, `x`, is not in the file"));
}

#[test]
fn show_gives_every_setting_its_source_and_masks_secrets() {
    let sandbox = Sandbox::with(Setup {
        security_token: Some(TOKEN.into()),
        ..Setup::default()
    });
    let out = sandbox
        .cmd()
        .env("MATASKS_REGION", "cn-east-3")
        .args(["--project-id", "proj-flag", "config", "show"])
        .output()
        .unwrap();
    assert_ok(&out);
    let shown = stdout_of(&out);
    let rows: Vec<Vec<&str>> = shown
        .lines()
        .map(|l| {
            l.splitn(3, "  ")
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .collect()
        })
        .collect();
    let row = |key: &str| {
        let line = shown
            .lines()
            .find(|l| l.starts_with(&format!("{key} ")))
            .unwrap_or_else(|| panic!("{key}:\n{shown}"));
        line.split_whitespace()
            .skip(1)
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert!(rows.len() > 10);
    assert_eq!(row("profile"), "default default");
    assert_eq!(
        row("config_file"),
        format!("{} flag --config", sandbox.config.display())
    );
    // The profile's endpoint loses to a region given by a variable.
    assert_eq!(
        row("endpoint"),
        "https://modelarts.cn-east-3.myhuaweicloud.com derived from region"
    );
    assert_eq!(row("region"), "cn-east-3 env MATASKS_REGION");
    assert_eq!(row("project_id"), "proj-flag flag --project-id");
    assert_eq!(row("dataset_id"), format!("{DATASET} file (dataset_id)"));
    assert_eq!(row("auth"), "aksk derived from the keys set");
    assert_eq!(row("access_key"), format!("{AK} file (access_key)"));
    assert_eq!(row("secret_key"), "**** file (secret_key)");
    assert_eq!(row("security_token"), "**** file (security_token)");
    assert_eq!(row("concurrency"), "8 default");
    assert!(!shown.contains(SK) && !shown.contains(TOKEN));
    assert!(sandbox.requests().is_empty(), "show does not connect");
}

#[test]
fn show_still_shows_what_is_set_when_the_profile_is_incomplete() {
    let sandbox = Sandbox::new();
    sandbox.write_config(&format!(
        "[profiles.default]\nendpoint = \"{}\"\naccess_key = \"{AK}\"\npassword = \"{PASSWORD}\"\n",
        sandbox.server.url()
    ));
    let out = sandbox.run(&["--region", "cn-north-4", "config", "show"]);
    assert_eq!(out.status.code(), Some(3));
    let shown = stdout_of(&out);
    let rows: Vec<String> = shown
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    assert_eq!(
        rows,
        [
            "profile default".to_string(),
            "region cn-north-4 flag --region".to_string(),
            format!("endpoint {} file (endpoint)", sandbox.server.url()),
            format!("access_key {AK} file (access_key)"),
            "password **** file (password)".to_string(),
        ]
    );
    assert!(!shown.contains(PASSWORD));
    assert!(
        stderr_of(&out).starts_with("error: profile `default` of "),
        "{}",
        stderr_of(&out)
    );
    assert!(stderr_of(&out).contains("holds credentials for aksk and password"));
}

#[cfg(unix)]
#[test]
fn show_names_secret_sources_without_running_them() {
    let sandbox = Sandbox::new();
    let witness = sandbox.dir.path().join("ran");
    sandbox.write_config(&format!(
        "[profiles.default]\nendpoint = \"{}\"\nproject_id = \"{PROJECT}\"\nauth = \"password\"\n\
         region = \"{REGION}\"\nusername = \"{USER}\"\ndomain = \"{DOMAIN}\"\n\
         password_command = \"touch {}\"\n",
        sandbox.server.url(),
        witness.display()
    ));
    let out = sandbox.run(&["config", "show"]);
    assert_ok(&out);
    let shown = rows_of(&out);
    assert!(shown.contains("password_command: runs `touch`"), "{shown}");
    assert!(
        shown.contains(&format!(
            "\niam_endpoint https://iam.{REGION}.myhuaweicloud.com derived from region\n"
        )),
        "{shown}"
    );
    assert!(shown.contains("\nauth password file (auth)\n"), "{shown}");
    assert!(!witness.exists());
    let out = sandbox
        .cmd()
        .env("MATASKS_AUTH_TOKEN", AUTH_TOKEN)
        .args(["config", "show"])
        .output()
        .unwrap();
    // The profile names its method, so the variable's token is not used.
    assert!(rows_of(&out).contains("\nauth password file (auth)\n"));
}

#[test]
fn set_keeps_comments_and_layout_and_writes_privately() {
    let sandbox = Sandbox::new();
    let original = "# team settings\ndefault_profile = \"prod\"\n\n[profiles.prod]\n# Beijing\nregion = \"cn-north-4\" # main region\naccess_key = \"AK\"\n\n# staging\n[profiles.stage]\nregion = \"cn-east-3\"\n";
    fs::write(&sandbox.config, original).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&sandbox.config, fs::Permissions::from_mode(0o644)).unwrap();
    }
    let out = sandbox.run(&["config", "set", "region", "cn-north-9"]);
    assert_ok(&out);
    assert_eq!(
        stderr_of(&out),
        format!(
            // Changes that leave the profile unusable are pointed out, not refused:
            // a profile is often built one key at a time.
            "set `region` in profile `prod` of {0}\nprofile `prod` cannot be used yet: \
             `access_key` is set but `secret_key` (or `secret_key_command`, `secret_key_env`) \
             is missing in profile `prod` of {0}\n",
            sandbox.config.display()
        )
    );
    let out = sandbox.run(&["--profile", "stage", "config", "set", "concurrency", "4"]);
    assert_ok(&out);
    let out = sandbox.run(&["--profile", "new", "config", "set", "project_id", "p-new"]);
    assert_ok(&out);
    assert!(
        stderr_of(&out).starts_with("set `project_id` in profile `new` (a new profile) of "),
        "{}",
        stderr_of(&out)
    );
    assert_eq!(
        fs::read_to_string(&sandbox.config).unwrap(),
        "# team settings\ndefault_profile = \"prod\"\n\n[profiles.prod]\n# Beijing\nregion = \"cn-north-9\" # main region\naccess_key = \"AK\"\n\n# staging\n[profiles.stage]\nregion = \"cn-east-3\"\nconcurrency = 4\n\n[profiles.new]\nproject_id = \"p-new\"\n"
    );
    // The file keeps its mode while it holds no secret; a secret makes it private.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = || fs::metadata(&sandbox.config).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(), 0o644);
        let out = sandbox
            .cmd()
            .args(["config", "set", "secret_key"])
            .write_stdin(format!("{SK}\n"))
            .output()
            .unwrap();
        assert_ok(&out);
        assert_eq!(mode(), 0o600);
    }
}

#[test]
fn set_reads_secrets_from_stdin_and_replaces_other_sources() {
    let sandbox = Sandbox::new();
    let out = sandbox
        .cmd()
        .args(["config", "set", "secret_key_env", "OLD_VAR"])
        .output()
        .unwrap();
    assert_ok(&out);
    let out = sandbox
        .cmd()
        .args(["config", "set", "secret_key"])
        .write_stdin(format!("{SK}\n"))
        .output()
        .unwrap();
    assert_ok(&out);
    assert!(stderr_of(&out).contains("removed `secret_key_env`: a secret has one source"));
    assert!(!stderr_of(&out).contains(SK) && stdout_of(&out).is_empty());
    let text = fs::read_to_string(&sandbox.config).unwrap();
    assert!(text.contains(&format!("secret_key = \"{SK}\"")) && !text.contains("OLD_VAR"));
    let out = sandbox
        .cmd()
        .args(["config", "set", "auth_token"])
        .write_stdin("line-one-never-shown\nline-two\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr_of(&out).contains("contains a control character")
            && !stderr_of(&out).contains("never-shown")
    );
    let out = sandbox.run(&["config", "set", "default_profile", "nope"]);
    assert_ok(&out);
    assert!(stderr_of(&out).contains("warning: there is no profile `nope` in "));
    assert!(
        fs::read_to_string(&sandbox.config)
            .unwrap()
            .starts_with("default_profile = \"nope\"\n")
    );
    let out = sandbox.run(&["config", "unset", "default_profile"]);
    assert_eq!(
        stderr_of(&out),
        format!(
            "removed `default_profile` from {}\n",
            sandbox.config.display()
        )
    );
    // The profile still works.
    assert_ok(&sandbox.run(&["list"]));
}

#[test]
fn set_refuses_unknown_keys_and_bad_values() {
    let sandbox = Sandbox::new();
    let before = fs::read_to_string(&sandbox.config).unwrap();
    let out = sandbox.run(&["config", "set", "regon", "x"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr_of(&out).starts_with("error: `regon` is not a config key; did you mean `region`?\n"),
        "{}",
        stderr_of(&out)
    );
    // Swapped arguments put the secret where the key goes: it is not repeated.
    let out = sandbox.run(&[
        "config",
        "set",
        "Xy9-secret-value-never-shown",
        "secret_key",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr_of(&out).starts_with("error: that is not a config key (what was typed is not shown")
    );
    assert!(!stderr_of(&out).contains("never-shown"));
    // A secret is never taken from the command line.
    let out = sandbox.run(&[
        "config",
        "set",
        "secret_key",
        "-looks-like-a-flag-never-shown",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr_of(&out).starts_with(
            "error: not set: a secret on the command line stays in the shell's history"
        ),
        "{}",
        stderr_of(&out)
    );
    assert!(!stderr_of(&out).contains("never-shown"));
    for (key, value, message) in [
        (
            "concurrency",
            "four",
            "error: `concurrency` takes a whole number, not `four`\n",
        ),
        (
            "concurrency",
            "0",
            "error: invalid value for `concurrency`: 0 is out of range: concurrency is 1 to 32\n",
        ),
        (
            "auth",
            "sso",
            "error: invalid value for `auth`: unknown variant `sso`, expected one of `aksk`, `token`, `password`\n",
        ),
    ] {
        let out = sandbox.run(&["config", "set", key, value]);
        assert_eq!(out.status.code(), Some(2), "{key} {value}");
        assert_eq!(stderr_of(&out), message);
    }
    assert_eq!(fs::read_to_string(&sandbox.config).unwrap(), before);
    // A mistyped key makes the file invalid for every command but `unset`.
    let text = fs::read_to_string(&sandbox.config).unwrap();
    sandbox.write_config(&format!("{text}regoin = \"cn-north-4\"\n"));
    assert_eq!(sandbox.run(&["list"]).status.code(), Some(3));
    let out = sandbox.run(&["config", "unset", "regoin"]);
    assert_ok(&out);
    assert_eq!(fs::read_to_string(&sandbox.config).unwrap(), text);
    let out = sandbox.run(&["config", "unset", "dataset_id"]);
    assert_ok(&out);
    assert!(
        !fs::read_to_string(&sandbox.config)
            .unwrap()
            .contains("dataset_id")
    );
    let out = sandbox.run(&["config", "unset", "dataset_id"]);
    assert_ok(&out);
    assert_eq!(
        stderr_of(&out),
        "`dataset_id` is not set in profile `default`\n"
    );
}

#[test]
fn init_from_flags_writes_a_working_profile_and_will_not_overwrite_it() {
    let sandbox = Sandbox::new();
    let config = sandbox.dir.path().join("new/config.toml");
    let init = |extra: &[&str]| {
        let mut cmd = matasks();
        cmd.arg("--config").arg(&config).args([
            "--endpoint",
            &sandbox.server.url(),
            "--project-id",
            PROJECT,
            "config",
            "init",
            "--access-key",
            AK,
            "--secret-key-env",
            "CI_SECRET_KEY",
            "--dataset",
            DATASET,
        ]);
        cmd.args(extra).output().unwrap()
    };
    let out = init(&[]);
    assert_ok(&out);
    assert!(
        stderr_of(&out).starts_with(&format!("wrote profile `default` to {}", config.display()))
    );
    assert_eq!(
        fs::read_to_string(&config).unwrap(),
        format!(
            "[profiles.default]\nendpoint = \"{}\"\nproject_id = \"{PROJECT}\"\ndataset_id = \"{DATASET}\"\n\
             auth = \"aksk\"\naccess_key = \"{AK}\"\nsecret_key_env = \"CI_SECRET_KEY\"\n",
            sandbox.server.url()
        )
    );
    let out = matasks()
        .arg("--config")
        .arg(&config)
        .env("CI_SECRET_KEY", SK)
        .args(["list", "-o", "ndjson"])
        .output()
        .unwrap();
    assert_ok(&out);
    assert_eq!(stdout_of(&out).lines().count(), 6);

    // Exported variables are not copied into the file; flags are.
    let other = sandbox.dir.path().join("other.toml");
    let out = matasks()
        .arg("--config")
        .arg(&other)
        .env("MATASKS_PROJECT_ID", "from-the-environment")
        .args([
            "--region",
            "cn-north-4",
            "config",
            "init",
            "--access-key",
            AK,
        ])
        .args(["--secret-key-command", "pass show sk"])
        .output()
        .unwrap();
    assert_ok(&out);
    let text = fs::read_to_string(&other).unwrap();
    assert!(
        text.contains("region = \"cn-north-4\"") && !text.contains("from-the-environment"),
        "{text}"
    );

    let out = init(&[]);
    assert_eq!(out.status.code(), Some(2));
    assert_stderr_has(&out, "profile `default` already exists in");
    assert_ok(&init(&["--force", "--default"]));
    assert!(
        fs::read_to_string(&config)
            .unwrap()
            .starts_with("default_profile = \"default\"\n")
    );

    let out = matasks()
        .arg("--config")
        .arg(&config)
        .args(["config", "init", "--auth", "password", "--username", "u"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr_of(&out),
        "error: give --region (or --endpoint for another cloud)\n"
    );
    for (flags, message) in [
        (
            &["--auth", "token"][..],
            "error: --auth token needs --auth-token-command or --auth-token-env\n",
        ),
        (
            &[
                "--access-key",
                AK,
                "--secret-key-env",
                "A",
                "--secret-key-command",
                "b",
            ][..],
            "error: give --secret-key-command or --secret-key-env, not both\n",
        ),
    ] {
        let out = matasks()
            .arg("--config")
            .arg(&config)
            .args(["--region", "cn-north-4", "--profile", "x", "config", "init"])
            .args(flags)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert_eq!(stderr_of(&out), message);
    }
}

#[cfg(unix)]
#[test]
fn init_on_a_terminal_asks_and_hides_the_secret() {
    let sandbox = Sandbox::new();
    let config = sandbox.dir.path().join("asked.toml");
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin!("matasks"));
    cmd.env_clear()
        .env("HOME", NO_HOME)
        .arg("--config")
        .arg(&config)
        .args(["config", "init"]);
    let url = sandbox.server.url();
    let run = pty::run_dialog(
        cmd,
        &[
            ("Profile name [default]: ", "lab"),
            ("Region", ""),
            ("ModelArts endpoint URL: ", &url),
            ("IAM endpoint URL", ""),
            ("Project ID", PROJECT),
            ("Default dataset ID", DATASET),
            ("Authentication (aksk, token, password) [aksk]: ", ""),
            ("Access key ID: ", AK),
            ("secret key: type it now", "type"),
            ("secret key (not shown): ", SK),
            ("Make it the default profile? (yes, no) [yes]: ", ""),
        ],
    );
    assert!(run.status.success(), "{}", run.screen);
    assert!(
        !run.screen.contains(SK),
        "the secret was echoed:\n{}",
        run.screen
    );
    assert!(
        run.screen.contains("wrote profile `lab` to "),
        "{}",
        run.screen
    );
    let text = fs::read_to_string(&config).unwrap();
    assert!(text.starts_with("default_profile = \"lab\"\n"), "{text}");
    assert!(text.contains(&format!("secret_key = \"{SK}\"")), "{text}");
    let out = matasks()
        .arg("--config")
        .arg(&config)
        .args(["config", "check"])
        .output()
        .unwrap();
    assert_ok(&out);

    // A password from a command, into a file whose default stays where it was.
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin!("matasks"));
    cmd.env_clear()
        .env("HOME", NO_HOME)
        .env("MATASKS_CACHE_DIR", sandbox.dir.path().join("cache"))
        .arg("--config")
        .arg(&config)
        .args(["config", "init"]);
    let password_command = format!("printf %s {PASSWORD}");
    let run = pty::run_dialog(
        cmd,
        &[
            ("Profile name [default]: ", "iam-user"),
            ("Region", REGION),
            ("Project ID", ""),
            ("Default dataset ID", DATASET),
            (
                "Authentication (aksk, token, password) [aksk]: ",
                "password",
            ),
            ("IAM user name: ", USER),
            ("Account (domain) name: ", DOMAIN),
            ("password: type it now", "command"),
            ("Command that prints the password", &password_command),
            ("Make it the default profile? (yes, no) [no]: ", ""),
        ],
    );
    assert!(run.status.success(), "{}", run.screen);
    assert!(
        run.screen
            .contains("try it with: matasks --profile iam-user config check"),
        "{}",
        run.screen
    );
    let text = fs::read_to_string(&config).unwrap();
    assert!(text.starts_with("default_profile = \"lab\"\n"), "{text}");
    assert!(
        text.ends_with(&format!(
            "[profiles.iam-user]\nregion = \"{REGION}\"\ndataset_id = \"{DATASET}\"\nauth = \"password\"\n\
             username = \"{USER}\"\ndomain = \"{DOMAIN}\"\npassword_command = \"{password_command}\"\n"
        )),
        "{text}"
    );
}

/// `matasks --config CONFIG ARGS...` for a terminal, without colour, with nothing else
/// from the environment.
#[cfg(unix)]
fn init_on_a_terminal(config: &std::path::Path, args: &[&str]) -> std::process::Command {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin!("matasks"));
    cmd.env_clear()
        .env("HOME", NO_HOME)
        .env("NO_COLOR", "1")
        .arg("--config")
        .arg(config)
        .args(args);
    cmd
}

#[cfg(unix)]
#[test]
fn init_on_a_terminal_asks_again_until_each_answer_is_right() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    // The profile named on the command line is not asked for.
    let cmd = init_on_a_terminal(&config, &["--profile", "lab", "config", "init"]);
    let sk_command = format!("printf %s {SK}");
    let run = pty::run_dialog(
        cmd,
        &[
            ("Region, e.g.", "cn-nort-4"),
            ("Region, e.g.", "cn-north-4"),
            ("Project ID", "0123/4567"),
            ("Project ID", PROJECT),
            ("Default dataset ID", ".."),
            ("Default dataset ID", DATASET),
            ("Authentication (aksk, token, password) [aksk]: ", ""),
            ("Access key ID: ", ""),
            ("Access key ID: ", AK),
            ("secret key: type it now", "command"),
            ("Command that prints the secret key", "pass show 'hw/sk"),
            ("Command that prints the secret key", &sk_command),
            ("Make it the default profile? (yes, no) [yes]: ", ""),
        ],
    );
    assert!(run.status.success(), "{}", run.screen);
    assert!(!run.screen.contains("Profile name"), "{}", run.screen);
    for said in [
        "warning: unknown region `cn-nort-4`; did you mean cn-north-4? (to keep `cn-nort-4`, another cloud's region, give it again)",
        "warning: the project ID `0123/4567` from the answer is not an ID",
        "warning: the dataset ID `..` from the answer is not an ID",
        "warning: an answer is needed",
        "warning: the command has a quote that is not closed",
    ] {
        assert!(
            run.screen.contains(said),
            "{said:?} not in:\n{}",
            run.screen
        );
    }
    assert_eq!(
        fs::read_to_string(&config).unwrap(),
        format!(
            "default_profile = \"lab\"\n\n[profiles.lab]\nregion = \"cn-north-4\"\n\
             project_id = \"{PROJECT}\"\ndataset_id = \"{DATASET}\"\nauth = \"aksk\"\n\
             access_key = \"{AK}\"\nsecret_key_command = \"{sk_command}\"\n"
        )
    );
}

#[cfg(unix)]
#[test]
fn init_on_a_terminal_takes_another_clouds_region_with_a_checked_endpoint() {
    let sandbox = Sandbox::new();
    let config = sandbox.dir.path().join("other-cloud.toml");
    let url = sandbox.server.url();
    let cmd = init_on_a_terminal(&config, &["config", "init"]);
    let run = pty::run_dialog(
        cmd,
        &[
            ("Profile name [default]: ", "two words"),
            ("Profile name [default]: ", "otc"),
            // Like a known region: taken once it is given again.
            ("Region, e.g.", "ap-southeast-9"),
            ("Region, e.g.", "ap-southeast-9"),
            ("ModelArts endpoint URL: ", ""),
            ("ModelArts endpoint URL: ", "modelarts.example"),
            ("ModelArts endpoint URL: ", "ftp://modelarts.example"),
            ("ModelArts endpoint URL: ", &url),
            ("IAM endpoint URL", "https://user:pa55@iam.example"),
            ("IAM endpoint URL", &url),
            ("Project ID", PROJECT),
            ("Default dataset ID", ""),
            ("Authentication (aksk, token, password) [aksk]: ", "token"),
            ("IAM token: type it now", "type"),
            ("IAM token (not shown): ", ""),
            ("IAM token (not shown): ", AUTH_TOKEN),
            ("Make it the default profile? (yes, no) [yes]: ", "no"),
        ],
    );
    assert!(run.status.success(), "{}", run.screen);
    assert!(!run.screen.contains(AUTH_TOKEN), "{}", run.screen);
    // The password typed is echoed as typed, and never repeated.
    assert_eq!(run.screen.matches("pa55").count(), 1, "{}", run.screen);
    for said in [
        "warning: `two words` is not a profile name: give one word, without spaces",
        "warning: unknown region `ap-southeast-9`; did you mean ap-southeast-",
        "`ap-southeast-9` is not a region matasks knows",
        "warning: an endpoint is needed without a known region",
        "warning: `modelarts.example` is not a service URL: relative URL without a base",
        "warning: `ftp://modelarts.example` is not a service URL: the scheme must be https (or http)",
        "warning: `https://****@iam.example` is not a service URL: credentials do not belong in the URL",
        "warning: the IAM token is empty",
    ] {
        assert!(
            run.screen.contains(said),
            "{said:?} not in:\n{}",
            run.screen
        );
    }
    assert_eq!(
        fs::read_to_string(&config).unwrap(),
        format!(
            "[profiles.otc]\nregion = \"ap-southeast-9\"\nendpoint = \"{url}\"\n\
             iam_endpoint = \"{url}\"\nproject_id = \"{PROJECT}\"\nauth = \"token\"\n\
             auth_token = \"{AUTH_TOKEN}\"\n"
        )
    );
    let out = matasks()
        .arg("--config")
        .arg(&config)
        .args(["--profile", "otc", "config", "check"])
        .output()
        .unwrap();
    assert_ok(&out);
}

#[cfg(unix)]
#[test]
fn init_on_a_terminal_ended_early_writes_nothing() {
    use std::os::unix::process::ExitStatusExt;
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    // The end of input (Ctrl-D), after a wrong answer.
    let cmd = init_on_a_terminal(&config, &["config", "init"]);
    let run = pty::run_dialog(
        cmd,
        &[
            ("Profile name [default]: ", ""),
            ("Region, e.g.", "cn-nort-4"),
            ("Region, e.g.", "\x04"),
        ],
    );
    assert_eq!(run.status.code(), Some(2), "{}", run.screen);
    assert!(
        run.screen.contains("error: no answer: stdin ended"),
        "{}",
        run.screen
    );
    assert!(!config.exists());
    // Ctrl-C at a question asked again.
    let cmd = init_on_a_terminal(&config, &["--profile", "lab", "config", "init"]);
    let (run, terminal) = pty::interrupt_at(
        cmd,
        &[("Region, e.g.", "cn-north-4"), ("Project ID", "a/b")],
        "Project ID",
    );
    assert_eq!(run.status.signal(), Some(libc::SIGINT), "{}", run.screen);
    assert!(terminal.echo && terminal.canonical);
    assert!(!config.exists());
    // A file that exists is left as it was.
    fake_modelarts::write_private(
        &config,
        "# mine\n[profiles.other]\nregion = \"cn-north-4\"\n",
    );
    let cmd = init_on_a_terminal(&config, &["config", "init"]);
    let (run, _) = pty::interrupt_at(
        cmd,
        &[
            ("Profile name [default]: ", "other"),
            ("Profile name [default]: ", "new"),
        ],
        "Region, e.g.",
    );
    assert_eq!(run.status.signal(), Some(libc::SIGINT), "{}", run.screen);
    assert!(
        run.screen.contains("warning: profile `other` already exists: give another name, or pass --force to replace it"),
        "{}",
        run.screen
    );
    assert_eq!(
        fs::read_to_string(&config).unwrap(),
        "# mine\n[profiles.other]\nregion = \"cn-north-4\"\n"
    );
}

#[test]
fn init_from_flags_checks_each_value_and_writes_nothing_unusable() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    let aksk = ["--access-key", AK, "--secret-key-env", "CI_SK"];
    for (args, message) in [
        (
            &["--region", "cn-nort-4"][..],
            "error: unknown region `cn-nort-4`; did you mean cn-north-4?\n",
        ),
        (
            &["--region", "eu-de"],
            "error: unknown region `eu-de` (`matasks config regions` lists the known ones; for another cloud, set `endpoint` (or --endpoint) to its ModelArts URL)\n",
        ),
        (
            &["--endpoint", "modelarts.example"],
            "error: --endpoint: `modelarts.example` is not a service URL: relative URL without a base\n",
        ),
        (
            &["--region", "cn-north-4", "--project-id", "a/b"],
            "error: the project ID `a/b` from --project-id is not an ID: it contains `/`\n",
        ),
        (&["--region", "cn-north-4", "--project-id", " "], ""),
        (
            &["--region", "cn-north-4", "--profile", "a b"],
            "error: `a b` is not a profile name: give one word, without spaces\n",
        ),
    ] {
        let out = matasks()
            .arg("--config")
            .arg(&config)
            .args(args)
            .args(["config", "init"])
            .args(aksk)
            .output()
            .unwrap();
        if message.is_empty() {
            // A blank value is left out, as before.
            assert_ok(&out);
            fs::remove_file(&config).unwrap();
            continue;
        }
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr_of(&out));
        assert_eq!(stderr_of(&out), message, "{args:?}");
        assert!(!config.exists(), "{args:?}");
    }
    for (args, message) in [
        (
            &["--secret-key-command", "pass show 'hw/sk"][..],
            "error: --secret-key-command: the command has a quote that is not closed\n",
        ),
        (
            &["--secret-key-env", "CI_SK", "--dataset", ".."],
            "error: the dataset ID `..` from --dataset is not an ID: `..` is a step of a path\n",
        ),
    ] {
        let out = matasks()
            .arg("--config")
            .arg(&config)
            .args([
                "--region",
                "cn-north-4",
                "config",
                "init",
                "--access-key",
                AK,
            ])
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert_eq!(stderr_of(&out), message);
        assert!(!config.exists());
    }
    // Another cloud's region, with its endpoint, is taken as it is.
    let out = matasks()
        .arg("--config")
        .arg(&config)
        .args([
            "--region",
            "eu-de",
            "--endpoint",
            "https://modelarts.eu-de.example",
        ])
        .args(["config", "init"])
        .args(aksk)
        .args(["--project-id", PROJECT])
        .output()
        .unwrap();
    assert_ok(&out);
    assert!(
        fs::read_to_string(&config)
            .unwrap()
            .contains("region = \"eu-de\"")
    );
}

#[test]
fn check_reports_success_and_what_it_asked() {
    let sandbox = Sandbox::new();
    let out = sandbox.run(&["config", "check"]);
    assert_ok(&out);
    let text = stdout_of(&out);
    assert!(
        text.starts_with(&format!(
            "profile   default ({})\n",
            sandbox.config.display()
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!("auth      aksk (access key {AK})\n")),
        "{text}"
    );
    assert!(text.contains(&format!("project   {PROJECT}\n")), "{text}");
    assert!(
        text.contains(&format!(
            ": dataset {DATASET} lists 6 tasks; credentials from "
        )),
        "{text}"
    );
    let request = sandbox.requests().pop().unwrap();
    assert_eq!(request.param("limit"), Some("1"));

    // The verdict names where the credentials came from.
    let verdict = |out: &std::process::Output| {
        assert_ok(out);
        let text = stdout_of(out);
        let line = text
            .lines()
            .find(|l| l.starts_with("result "))
            .unwrap_or_default();
        line.split("; credentials from ")
            .nth(1)
            .unwrap_or_default()
            .to_string()
    };
    assert_eq!(verdict(&out), "the config file (`secret_key`)");
    let out = sandbox
        .cmd()
        .env("HUAWEICLOUD_SDK_AK", AK)
        .env("HUAWEICLOUD_SDK_SK", SK)
        .args(["config", "check"])
        .output()
        .unwrap();
    assert_eq!(
        verdict(&out),
        "the variables HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK"
    );
    let profile_with = |secret: &str| {
        format!(
            "[profiles.default]\nendpoint = \"{}\"\nproject_id = \"{PROJECT}\"\n\
             dataset_id = \"{DATASET}\"\naccess_key = \"{AK}\"\n{secret}\n",
            sandbox.server.url()
        )
    };
    sandbox.write_config(&profile_with(&format!(
        "secret_key_command = \"printf %s {SK}\""
    )));
    assert_eq!(
        verdict(&sandbox.run(&["config", "check"])),
        "the command `printf` (`secret_key_command` in the config file)"
    );
    sandbox.write_config(&profile_with("secret_key_env = \"MY_SK\""));
    let out = sandbox
        .cmd()
        .env("MY_SK", SK)
        .args(["config", "check"])
        .output()
        .unwrap();
    assert_eq!(
        verdict(&out),
        "the variable MY_SK (`secret_key_env` in the config file)"
    );
    sandbox.write_config(&password_profile(&sandbox, ""));
    assert_eq!(
        verdict(&sandbox.run(&["config", "check"])),
        "the config file (`password`)"
    );
    sandbox.write_config(&profile(&sandbox, &format!("project_id = \"{PROJECT}\"\n")));
    let out = sandbox
        .cmd()
        .env("MATASKS_AUTH_TOKEN", AUTH_TOKEN)
        .args(["config", "check"])
        .output()
        .unwrap();
    assert_eq!(verdict(&out), "the variable MATASKS_AUTH_TOKEN");
    assert!(!stdout_of(&out).contains(AUTH_TOKEN));
    sandbox.write_config(&profile_with(&format!("secret_key = \"{SK}\"")));

    // Without a dataset, the project's datasets are counted instead.
    sandbox.write_config(
        &fs::read_to_string(&sandbox.config)
            .unwrap()
            .replace(&format!("dataset_id = \"{DATASET}\"\n"), ""),
    );
    let out = sandbox.run(&["config", "test"]);
    assert_ok(&out);
    assert_stdout_has(&out, ": the project has 1 datasets; credentials from ");
    assert_eq!(
        sandbox.requests().pop().unwrap().path,
        format!("/v2/{PROJECT}/datasets")
    );
}

#[test]
fn check_reports_each_failure_with_its_hint_and_exit_code() {
    let sandbox = Sandbox::new();
    let wrong_key = fs::read_to_string(&sandbox.config)
        .unwrap()
        .replace(SK, "wrong-secret-key-never-shown");
    sandbox.write_config(&wrong_key);
    let out = sandbox.run(&["config", "check"]);
    assert_eq!(out.status.code(), Some(4));
    let err = stderr_of(&out);
    assert!(err.contains("error: the check failed with credentials from the config file (`secret_key`): APIGW.0301: Incorrect IAM authentication information: verify aksk signature fail"), "{err}");
    assert!(
        err.contains("hint: check the access key and secret key"),
        "{err}"
    );

    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let closed = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let out = sandbox.run(&["--endpoint", &closed, "config", "check"]);
    assert_eq!(out.status.code(), Some(1));
    assert_stderr_has(&out, "hint: no connection: check the endpoint");

    let out = sandbox.run(&["--project-id", "other-project", "config", "check"]);
    assert_eq!(out.status.code(), Some(4));
    assert_stderr_has(&out, "X-Project-Id does not match");

    // A gateway whose clock says this machine is 20 minutes behind.
    let skewed = Sandbox::with(Setup {
        hook: Some(std::sync::Arc::new(|_: &Recorded, _: &Catalog| {
            let ahead = jiff::Timestamp::now() + jiff::SignedDuration::from_mins(20);
            let mut reply = Reply::api_error(
                401,
                "APIGW.0301",
                "Incorrect IAM authentication information: the X-Sdk-Date is out of range",
            );
            reply.headers.push((
                "date".into(),
                ahead.strftime("%a, %d %b %Y %H:%M:%S GMT").to_string(),
            ));
            Some(Action::Reply(reply))
        })),
        ..Setup::default()
    });
    let out = skewed.run(&["config", "check"]);
    assert_eq!(out.status.code(), Some(4));
    let err = stderr_of(&out);
    // Whole seconds on both sides: a second may tick between the two clocks' readings.
    assert!(
        err.contains("hint: your clock is 20m00s behind the server; signed requests are rejected beyond 15 minutes")
            || err.contains("hint: your clock is 19m59s behind the server; signed requests are rejected beyond 15 minutes"),
        "{err}"
    );
}

/// Every secret the tests use, and what each command may print.
#[test]
fn no_secret_reaches_any_output() {
    let sandbox = Sandbox::with(Setup {
        security_token: Some(TOKEN.into()),
        ..Setup::default()
    });
    let url = sandbox.server.url();
    let secrets = [
        "UrlPassw0rd-never-shown",
        SK,
        TOKEN,
        AUTH_TOKEN,
        PASSWORD,
        "wrong-sk-never-shown",
        "wrong-pw-never-shown",
        "MIIbad-token-never-shown",
    ];
    let common = format!(
        "endpoint = \"{url}\"\niam_endpoint = \"{url}\"\nproject_id = \"{PROJECT}\"\n\
         dataset_id = \"{DATASET}\"\n"
    );
    let user = format!("username = \"{USER}\"\ndomain = \"{DOMAIN}\"\n");
    // For each method a profile whose credentials fail and one whose work, with
    // secrets from the file, commands and variables.
    let profiles = [
        (
            "aksk",
            format!(
                "access_key = \"{AK}\"\nsecret_key = \"wrong-sk-never-shown\"\nsecurity_token = \"{TOKEN}\"\n"
            ),
        ),
        (
            "good-aksk",
            format!(
                "access_key = \"{AK}\"\nsecret_key_command = \"printf %s {SK}\"\nsecurity_token_env = \"STS\"\n"
            ),
        ),
        (
            "token",
            "auth_token = \"MIIbad-token-never-shown\"\n".to_string(),
        ),
        ("good-token", "auth_token_env = \"CI_TOKEN\"\n".to_string()),
        (
            "password",
            format!("{user}password = \"wrong-pw-never-shown\"\n"),
        ),
        ("good-password", format!("{user}password_env = \"PW\"\n")),
    ];
    let text: String = profiles
        .iter()
        .map(|(name, lines)| format!("[profiles.{name}]\n{common}{lines}"))
        .collect();
    // A password in an endpoint URL, however the URL is written.
    let url_password = "UrlPassw0rd-never-shown";
    let userinfo_urls = [
        format!("http://user:{url_password}@127.0.0.1:18095/ok"),
        format!("https://user:{url_password}/x@h.example"),
        format!("user:{url_password}@h.example"),
    ];
    let text = format!(
        "{text}[profiles.userinfo]\nendpoint = \"{}\"\niam_endpoint = \"{}\"\n\
         project_id = \"{PROJECT}\"\naccess_key = \"{AK}\"\nsecret_key_env = \"NOT_SET\"\n",
        userinfo_urls[0], userinfo_urls[1]
    );
    sandbox.write_config(&text);
    let commands: &[&[&str]] = &[
        &["list"],
        &["list", "--all", "-o", "json"],
        &["config", "show"],
        &["config", "check"],
        &["config", "list"],
        &["config", "path"],
        &["config", "set", "concurrency", "4"],
        &["config", "unset", "concurrency"],
    ];
    let run = |args: &[&str], cache: Option<&std::path::Path>| {
        let mut cmd = sandbox.cmd();
        cmd.env("HUAWEICLOUD_SDK_SECURITY_TOKEN", TOKEN)
            .env("STS", TOKEN)
            .env("CI_TOKEN", AUTH_TOKEN)
            .env("PW", PASSWORD)
            .arg("-vv")
            .args(args);
        if let Some(cache) = cache {
            cmd.env("MATASKS_CACHE_DIR", cache);
        }
        let out = cmd.output().unwrap();
        format!("{}{}", stdout_of(&out), stderr_of(&out))
    };
    let mut outputs = Vec::new();
    for (profile, _) in &profiles {
        for command in commands {
            let args: Vec<&str> = ["--profile", profile]
                .iter()
                .chain(command.iter())
                .copied()
                .collect();
            outputs.push((args.join(" "), run(&args, None)));
        }
    }
    outputs.push((
        "config init".into(),
        run(
            &[
                "--profile",
                "scratch",
                "--region",
                "cn-north-4",
                "config",
                "init",
            ],
            None,
        ),
    ));
    // `config show` and `config list` with such a URL from the file, the flag and the
    // variable: the settings do not resolve, so `show` lists them as given.
    let shows: &[&[&str]] = &[&["config", "show"], &["config", "list"]];
    for command in shows {
        let args: Vec<&str> = ["--profile", "userinfo"]
            .iter()
            .chain(*command)
            .copied()
            .collect();
        outputs.push((args.join(" "), run(&args, None)));
        for url in &userinfo_urls {
            let args: Vec<&str> = ["--profile", "good-aksk", "--endpoint", url]
                .iter()
                .chain(*command)
                .copied()
                .collect();
            outputs.push((args.join(" "), run(&args, None)));
            let out = sandbox
                .cmd()
                .env("MATASKS_ENDPOINT", url)
                .args(["-vv", "--profile", "good-aksk"])
                .args(*command)
                .output()
                .unwrap();
            outputs.push((
                format!("MATASKS_ENDPOINT={url} {command:?}"),
                format!("{}{}", stdout_of(&out), stderr_of(&out)),
            ));
        }
    }
    // Nor does a proxy's password, whichever variable names the proxy.
    for var in ["HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"] {
        for command in [&["list"][..], &["config", "show"], &["config", "check"]] {
            let out = sandbox
                .cmd()
                .env(var, format!("http://user:{url_password}@127.0.0.1:9"))
                .args(["-vv", "--retries", "0", "--profile", "good-aksk"])
                .args(command)
                .output()
                .unwrap();
            outputs.push((
                format!("{var} {command:?}"),
                format!("{}{}", stdout_of(&out), stderr_of(&out)),
            ));
        }
    }
    // The rows are there, masked; columns squeezed to one space.
    let shown = |what: &str| -> String {
        let (_, output) = outputs.iter().find(|(w, _)| w == what).unwrap();
        output
            .lines()
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" ") + "\n")
            .collect()
    };
    let masked = "http://****@127.0.0.1:18095/ok";
    let file = shown("--profile userinfo config show");
    assert!(
        file.contains(&format!("\nendpoint {masked} file (endpoint)\n"))
            && file.contains("\niam_endpoint https://****@h.example file (iam_endpoint)\n"),
        "{file}"
    );
    let flag = shown(&format!(
        "--profile good-aksk --endpoint {} config show",
        userinfo_urls[0]
    ));
    assert!(
        flag.contains(&format!("\nendpoint {masked} flag --endpoint\n")),
        "{flag}"
    );
    for (url, masked) in [(0, masked), (2, "****@h.example")] {
        let env = shown(&format!(
            "MATASKS_ENDPOINT={} [\"config\", \"show\"]",
            userinfo_urls[url]
        ));
        assert!(
            env.contains(&format!("\nendpoint {masked} env MATASKS_ENDPOINT\n")),
            "{env}"
        );
    }

    // A token issued now, so that its X-Subject-Token header is in the log, and a
    // response body with it.
    let fresh = sandbox.dir.path().join("fresh-cache");
    let issued_now = run(&["--profile", "good-password", "list"], Some(&fresh));
    assert!(
        issued_now.contains("< x-subject-token: ****\n"),
        "{issued_now}"
    );
    assert!(issued_now.contains("\"tasks\":[{"), "{issued_now}");
    outputs.push(("good-password list, fresh cache".into(), issued_now));
    assert!(
        outputs
            .iter()
            .any(|(_, o)| o.contains(&format!("dataset {DATASET} lists 6 tasks")))
    );

    // The tokens issued are secrets too: they never leave the cache file.
    let issued: Vec<String> = sandbox
        .requests()
        .iter()
        .filter_map(|r| r.header("x-auth-token").map(str::to_string))
        .filter(|t| t.starts_with("MIIissued-"))
        .collect();
    assert!(issued.len() >= 2);
    for (what, output) in &outputs {
        for secret in secrets
            .iter()
            .copied()
            .chain(issued.iter().map(String::as_str))
        {
            assert!(!output.contains(secret), "{what} shows {secret}:\n{output}");
        }
    }
    // Each method worked with the good profile, and failed with the other.
    for (profile, _) in &profiles {
        let (_, output) = outputs
            .iter()
            .find(|(what, _)| *what == format!("--profile {profile} list"))
            .unwrap();
        assert_eq!(
            output.contains("6 of 6 auto-labeling and pre-labeling tasks"),
            profile.starts_with("good-"),
            "{profile}:\n{output}"
        );
    }

    // Help never shows a variable's value (of those that are flags' fallbacks; the
    // credential variables are not flags at all).
    let subcommands: &[&[&str]] = &[
        &[],
        &["list"],
        &["config"],
        &["config", "show"],
        &["config", "set"],
        &["config", "init"],
        &["config", "check"],
    ];
    for sub in subcommands {
        let out = matasks()
            .env("MATASKS_ENDPOINT", format!("https://u:{PASSWORD}@h"))
            .env("MATASKS_PROJECT_ID", "project-from-env")
            .args(*sub)
            .arg("--help")
            .output()
            .unwrap();
        assert_ok(&out);
        assert!(
            !stdout_of(&out).contains(PASSWORD),
            "{sub:?} --help shows the endpoint's password"
        );
    }
}

#[test]
fn a_check_that_fails_names_where_the_credentials_came_from() {
    let sandbox = Sandbox::new();
    sandbox.write_config(&format!(
        "[profiles.default]\nendpoint = \"{}\"\nproject_id = \"{PROJECT}\"\n\
         dataset_id = \"{DATASET}\"\naccess_key = \"{AK}\"\n\
         secret_key_command = \"printf %s wrong-secret\"\n",
        sandbox.server.url()
    ));
    let out = sandbox.run(&["config", "check"]);
    assert_eq!(out.status.code(), Some(4), "{}", stderr_of(&out));
    assert_stderr_has(
        &out,
        "error: the check failed with credentials from the command `printf` \
         (`secret_key_command` in the config file): ",
    );
    assert!(!stderr_of(&out).contains("wrong-secret"));
}
