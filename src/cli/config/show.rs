//! `matasks config show`: the settings in effect and where each comes from, secrets
//! masked.

use std::io::{self, Write};

use anyhow::{Context, Result};

use crate::cli::context::resolve_settings;
use crate::settings::{self, AuthSettings, KeyKind, Overrides, Secret, Settings, Source};
use crate::util::redact::{self, MASK};
use crate::util::{term, text};

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
    let value = match settings::key_kind(&key) {
        Some(KeyKind::Url) => redact::url(&value),
        Some(KeyKind::Command) => format!("runs {}", settings::program_name(&value)),
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

pub fn run(overrides: &Overrides) -> Result<()> {
    match resolve_settings(overrides) {
        Ok(settings) => print_rows(&show_rows(overrides, &settings)),
        Err(e) => {
            // What is set still helps to find what is wrong or missing.
            print_rows(&raw_rows(overrides))?;
            Err(e)
        }
    }
}

/// The settings as given, unresolved: the flags, the variables and the profile's keys.
fn raw_rows(overrides: &Overrides) -> Vec<Row> {
    // Read again after the settings failed: its warnings were given then.
    let loaded = term::without_warnings(|| settings::load(overrides.config.as_deref()));
    let Ok(loaded) = loaded else {
        return Vec::new();
    };
    let (profile, _) = settings::profile_name(overrides, &loaded.file);
    let mut rows = vec![row("profile", &profile, "")];
    for (key, value, flag, var) in [
        (
            "endpoint",
            &overrides.endpoint,
            "--endpoint",
            "MATASKS_ENDPOINT",
        ),
        ("region", &overrides.region, "--region", "MATASKS_REGION"),
        (
            "project_id",
            &overrides.project_id,
            "--project-id",
            "MATASKS_PROJECT_ID",
        ),
    ] {
        if let Some(value) = value {
            rows.push(row(key, value, settings::flag_source(overrides, flag, var)));
        }
    }
    for (key, var, secret) in [
        ("project_id", settings::ENV_PROJECT_ID, false),
        ("access_key", settings::ENV_AK, false),
        ("secret_key", settings::ENV_SK, true),
        ("security_token", settings::ENV_SECURITY_TOKEN, true),
        ("auth_token", settings::ENV_AUTH_TOKEN, true),
    ] {
        if let Some(value) = settings::process_env(var) {
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
            _ if settings::key_kind(key) == Some(KeyKind::Secret) => MASK.to_string(),
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

fn show_rows(overrides: &Overrides, s: &Settings) -> Vec<Row> {
    let config_source = match overrides.config {
        None => Source::Default,
        Some(_) => settings::flag_source(overrides, "--config", "MATASKS_CONFIG"),
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
        None if s.auth.method() == settings::AuthMethod::Password => rows.push(row(
            "project_id",
            "-",
            "from the token, scoped to the region's project",
        )),
        None => match crate::api::session::cached_project(s) {
            Some(id) => rows.push(row("project_id", id, "cache (looked up from the region)")),
            None => rows.push(row(
                "project_id",
                "-",
                "looked up from the region at first use",
            )),
        },
    }
    let dataset = settings::process_env("MATASKS_DATASET")
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
    let offsets = crate::api::offsets::Offsets::of(s);
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
            settings::DEFAULT_CONCURRENCY.to_string(),
            Source::Default,
        )),
    }
    let net = &s.network;
    let duration = crate::util::duration::humanize;
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
