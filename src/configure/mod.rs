//! `matasks config`: where the file is, its profiles, the settings in effect, and
//! changes to them.

mod check;
mod init;
mod prompt;

use std::io::{self, Write};

use anyhow::{Context, Result};

use crate::auth::redact::{self, MASK};
use crate::cli::{ConfigCommand, GlobalArgs, SetArgs, UnsetArgs};
use crate::config::edit::{Editor, Value};
use crate::config::{self, AuthSettings, KeyKind, Secret, Settings, Source};
use crate::error::{ConfigError, UsageError};
use crate::term;
use crate::text;

pub async fn run(global: &GlobalArgs, command: &ConfigCommand) -> Result<()> {
    match command {
        ConfigCommand::Path => path(global),
        ConfigCommand::List => list(global),
        ConfigCommand::Show => show(global),
        ConfigCommand::Set(args) => set(global, args),
        ConfigCommand::Unset(args) => unset(global, args),
        ConfigCommand::Init(args) => init::run(global, args),
        ConfigCommand::Check(args) => check::run(global, args).await,
    }
}

/// The file `config` commands read and write.
fn file_path(global: &GlobalArgs) -> Result<std::path::PathBuf, ConfigError> {
    config::path_in_effect(global).ok_or_else(|| {
        ConfigError(
            "this platform has no config directory: pass --config PATH or set MATASKS_CONFIG"
                .to_string(),
        )
    })
}

fn path(global: &GlobalArgs) -> Result<()> {
    let path = file_path(global)?;
    let mut out = io::stdout().lock();
    writeln!(out, "{}", path.display()).context("cannot write to stdout")?;
    if !path.exists() {
        term::note(&format!(
            "{} does not exist yet; `matasks config init` creates it",
            path.display()
        ));
    }
    Ok(())
}

fn list(global: &GlobalArgs) -> Result<()> {
    let loaded = config::load(global.config.as_deref())?;
    let (in_effect, _) = config::profile_name(global, &loaded.file);
    let default = loaded
        .file
        .default_profile
        .clone()
        .unwrap_or_else(|| config::FALLBACK_PROFILE.to_string());
    let mut out = io::stdout().lock();
    for name in loaded.file.profiles.keys() {
        let marker = if *name == in_effect { '*' } else { ' ' };
        let note = if *name == default { "  (default)" } else { "" };
        let name = text::clean(name);
        writeln!(out, "{marker} {name}{note}").context("cannot write to stdout")?;
    }
    match &loaded.path {
        None => term::note(&format!(
            "no config file at {}; `matasks config init` creates one",
            file_path(global)?.display()
        )),
        Some(path) if loaded.file.profiles.is_empty() => {
            term::note(&format!("{} has no profiles", path.display()));
        }
        Some(_) if !loaded.file.profiles.contains_key(&in_effect) => term::note(&format!(
            "the profile in effect, `{in_effect}`, is not in the file: settings come from \
             flags and the environment"
        )),
        Some(_) => {}
    }
    Ok(())
}

/// One row of `config show`, made safe for the terminal.
struct Row {
    key: String,
    value: String,
    source: String,
}

/// A row. Whatever it came from, a URL shows no password, and a secret's command only
/// its program.
fn row(key: impl Into<String>, value: impl Into<String>, source: impl ToString) -> Row {
    let key = key.into();
    let value = value.into();
    let value = match config::key_kind(&key) {
        Some(KeyKind::Url) => redact::url(&value),
        Some(KeyKind::Command) => format!("runs {}", config::program_name(&value)),
        _ => value,
    };
    let clean = |s: &str| text::clean(s).into_owned();
    Row {
        key: clean(&key),
        value: clean(&value),
        source: clean(&source.to_string()),
    }
}

fn secret_row(key: &'static str, secret: &Secret) -> Row {
    row(key, MASK, secret.short_source())
}

fn show(global: &GlobalArgs) -> Result<()> {
    match config::resolve(global, &config::process_env) {
        Ok(settings) => print_rows(&show_rows(global, &settings)),
        Err(e) => {
            // What is set still helps to find what is wrong or missing.
            print_rows(&raw_rows(global))?;
            Err(e.into())
        }
    }
}

/// The settings as given, unresolved: the flags, the variables and the profile's keys.
fn raw_rows(global: &GlobalArgs) -> Vec<Row> {
    let Ok(loaded) = config::load(global.config.as_deref()) else {
        return Vec::new();
    };
    let (profile, _) = config::profile_name(global, &loaded.file);
    let mut rows = vec![row("profile", &profile, "")];
    for (key, value, flag, var) in [
        (
            "endpoint",
            &global.endpoint,
            "--endpoint",
            "MATASKS_ENDPOINT",
        ),
        ("region", &global.region, "--region", "MATASKS_REGION"),
        (
            "project_id",
            &global.project_id,
            "--project-id",
            "MATASKS_PROJECT_ID",
        ),
    ] {
        if let Some(value) = value {
            rows.push(row(key, value, config::flag_source(global, flag, var)));
        }
    }
    for (key, var, secret) in [
        ("project_id", config::ENV_PROJECT_ID, false),
        ("access_key", config::ENV_AK, false),
        ("secret_key", config::ENV_SK, true),
        ("security_token", config::ENV_SECURITY_TOKEN, true),
        ("auth_token", config::ENV_AUTH_TOKEN, true),
    ] {
        if let Some(value) = config::process_env(var) {
            let shown = if secret { MASK.to_string() } else { value };
            rows.push(row(key, shown, Source::Env(var)));
        }
    }
    let doc = loaded
        .path
        .as_ref()
        .and_then(|path| std::fs::read_to_string(path).ok())
        .and_then(|text| text.parse::<toml_edit::DocumentMut>().ok());
    let keys = doc
        .as_ref()
        .and_then(|d| d.get("profiles")?.get(&profile)?.as_table_like());
    for (key, item) in keys.into_iter().flat_map(|t| t.iter()) {
        let shown = match item.as_value() {
            _ if config::key_kind(key) == Some(KeyKind::Secret) => MASK.to_string(),
            Some(value) => value
                .as_str()
                .map_or_else(|| value.to_string().trim().to_string(), str::to_string),
            None => "(a table)".to_string(),
        };
        rows.push(row(key, shown, format!("file ({key})")));
    }
    rows
}

fn print_rows(rows: &[Row]) -> Result<()> {
    let width = rows.iter().map(|r| r.key.len()).max().unwrap_or(0);
    let value_width = rows
        .iter()
        .map(|r| r.value.chars().count())
        .max()
        .unwrap_or(0)
        .min(64);
    let mut out = io::stdout().lock();
    for r in rows {
        let line = format!("{:width$}  {:value_width$}  {}", r.key, r.value, r.source);
        writeln!(out, "{}", line.trim_end()).context("cannot write to stdout")?;
    }
    Ok(())
}

fn show_rows(global: &GlobalArgs, s: &Settings) -> Vec<Row> {
    let config_source = match global.config {
        None => Source::Default,
        Some(_) => config::flag_source(global, "--config", "MATASKS_CONFIG"),
    };
    let mut rows = vec![
        row("profile", &s.profile, &s.profile_source),
        row(
            "config_file",
            s.config_path
                .as_ref()
                .map_or_else(|| "(none)".to_string(), |p| p.display().to_string()),
            config_source,
        ),
        row("endpoint", s.endpoint.value.to_string(), &s.endpoint.source),
    ];
    match &s.region {
        Some(region) => rows.push(row("region", &region.value, &region.source)),
        None => rows.push(row("region", "-", "not set")),
    }
    if let Some(iam) = &s.iam_endpoint {
        rows.push(row("iam_endpoint", iam.value.to_string(), &iam.source));
    }
    match &s.project_id {
        Some(id) => rows.push(row("project_id", &id.value, &id.source)),
        // The token names its project: no lookup is made.
        None if s.auth.method() == config::AuthMethod::Password => rows.push(row(
            "project_id",
            "-",
            "from the token, scoped to the region's project",
        )),
        None => match crate::session::cached_project(s) {
            Some(id) => rows.push(row("project_id", id, "cache (looked up from the region)")),
            None => rows.push(row(
                "project_id",
                "-",
                "looked up from the region at first use",
            )),
        },
    }
    let dataset = config::process_env("MATASKS_DATASET")
        .map(|d| (d, "env MATASKS_DATASET".to_string()))
        .or_else(|| {
            s.dataset_id
                .clone()
                .map(|d| (d, "file (dataset_id)".to_string()))
        });
    match dataset {
        Some((d, source)) => rows.push(row("dataset_id", d, source)),
        None => rows.push(row("dataset_id", "-", "not set (pass --dataset)")),
    }
    rows.push(row("auth", s.auth.method().name(), &s.auth_source));
    match &s.auth {
        AuthSettings::AkSk {
            access_key,
            secret_key,
            security_token,
        } => {
            rows.push(row("access_key", &access_key.value, &access_key.source));
            rows.push(secret_row("secret_key", secret_key));
            if let Some(token) = security_token {
                rows.push(secret_row("security_token", token));
            }
        }
        AuthSettings::Token { token } => rows.push(secret_row("auth_token", token)),
        AuthSettings::Password {
            username,
            domain,
            password,
        } => {
            rows.push(row("username", &username.value, &username.source));
            rows.push(row("domain", &domain.value, &domain.source));
            rows.push(secret_row("password", password));
        }
    }
    let offsets = crate::offsets::Offsets::resolve(
        s.offset_mode.unwrap_or_default(),
        crate::auth::cache::Cache::from_env(&config::process_env),
        s.endpoint.value.to_string(),
    );
    let (mode, source) = offsets.describe();
    rows.push(row("offset_mode", mode, source));
    match s.concurrency {
        Some(n) => rows.push(row(
            "concurrency",
            n.to_string(),
            Source::File("concurrency"),
        )),
        None => rows.push(row(
            "concurrency",
            crate::list::DEFAULT_CONCURRENCY.to_string(),
            Source::Default,
        )),
    }
    let net = &s.network;
    let duration = crate::client::humanize;
    rows.push(row(
        "retries",
        net.retries.value.to_string(),
        &net.retries.source,
    ));
    rows.push(row(
        "connect_timeout",
        duration(net.connect_timeout.value),
        &net.connect_timeout.source,
    ));
    rows.push(row(
        "request_timeout",
        duration(net.request_timeout.value),
        &net.request_timeout.source,
    ));
    match &net.ca_bundle {
        Some(bundle) => rows.push(row(
            "ca_bundle",
            bundle.value.display().to_string(),
            &bundle.source,
        )),
        None => rows.push(row("ca_bundle", "-", "system roots only")),
    }
    rows.push(row(
        "insecure",
        net.insecure.value.to_string(),
        &net.insecure.source,
    ));
    rows.push(row(
        "max_response_mib",
        net.max_response_mib.value.to_string(),
        &net.max_response_mib.source,
    ));
    rows
}

/// The profile `set` and `unset` change: `--profile`, else the one in effect.
/// Read from the document being edited, which may not pass every check yet.
fn target_profile(global: &GlobalArgs, editor: &Editor) -> String {
    global
        .profile
        .clone()
        .or_else(|| editor.default_profile())
        .unwrap_or_else(|| config::FALLBACK_PROFILE.to_string())
}

fn set(global: &GlobalArgs, args: &SetArgs) -> Result<()> {
    let path = file_path(global)?;
    let kind = config::key_kind(&args.key);
    let text = match (&args.value, kind) {
        (Some(v), Some(KeyKind::Secret)) if v != "-" => {
            return Err(UsageError(format!(
                "not set: a secret on the command line stays in the shell's history and \
                 shows in `ps`; leave out the value to type it without echo, or pipe it \
                 in: matasks config set {} < FILE",
                args.key
            ))
            .into());
        }
        (_, Some(KeyKind::Secret)) => prompt::secret(&format!("{}: ", args.key))?,
        (Some(v), _) => v.clone(),
        (None, _) => {
            return Err(UsageError(format!("give a value for `{}`", args.key)).into());
        }
    };
    if kind == Some(KeyKind::Secret) && text.trim().chars().any(char::is_control) {
        return Err(UsageError(format!(
            "not set: the {} contains a control character (more than one line?)",
            args.key
        ))
        .into());
    }
    let value = Value::for_key(&args.key, &text)?;
    let mut editor = Editor::open(&path)?;
    let profile = target_profile(global, &editor);
    let top_level = config::TOP_LEVEL_KEYS.contains(&args.key.as_str());
    let new_profile = !top_level && !editor.has_profile(&profile);
    let removed = editor.set(&profile, &args.key, &value)?;
    editor.save()?;
    if top_level {
        term::note(&format!("set `{}` in {}", args.key, path.display()));
        if let Value::Text(name) = &value
            && !editor.has_profile(name)
        {
            term::warn(&format!(
                "there is no profile `{name}` in {} yet",
                path.display()
            ));
        }
        return Ok(());
    }
    let new = if new_profile { " (a new profile)" } else { "" };
    term::note(&format!(
        "set `{}` in profile `{profile}`{new} of {}",
        args.key,
        path.display()
    ));
    for key in removed {
        term::note(&format!("removed `{key}`: a secret has one source"));
    }
    report_unusable(global, &path, &profile);
    Ok(())
}

/// After a change, say whether the profile can be used, without running any command
/// or connecting.
pub(super) fn report_unusable(global: &GlobalArgs, path: &std::path::Path, profile: &str) {
    let mut check = global.clone();
    check.config = Some(path.to_path_buf());
    check.profile = Some(profile.to_string());
    if let Err(e) = config::resolve_quietly(&check, &config::process_env) {
        term::note(&format!("profile `{profile}` cannot be used yet: {e}"));
    }
}

fn unset(global: &GlobalArgs, args: &UnsetArgs) -> Result<()> {
    let path = file_path(global)?;
    let mut editor = Editor::open(&path)?;
    let profile = target_profile(global, &editor);
    let place = if config::TOP_LEVEL_KEYS.contains(&args.key.as_str()) {
        path.display().to_string()
    } else {
        format!("profile `{profile}`")
    };
    if editor.unset(&profile, &args.key) {
        editor.save()?;
        term::note(&format!("removed `{}` from {place}", args.key));
    } else {
        term::note(&format!("`{}` is not set in {place}", args.key));
    }
    Ok(())
}
