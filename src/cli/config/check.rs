//! `matasks config check`: one cheap authenticated request, and a plain report.

use std::io::{self, Write};
use std::time::Instant;

use anyhow::{Context, Result};
use clap::Args;

use crate::api::datasets::count_datasets;
use crate::api::session;
use crate::api::tasks::{ListQuery, list_tasks};
use crate::cli::args::DatasetArg;
use crate::cli::context::{dataset_in_effect, resolve_settings};
use crate::settings::{self, AuthSettings, Overrides, SecretSource};
use crate::util::error::ExitKind;

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub dataset: DatasetArg,
}

pub async fn run(overrides: &Overrides, args: &CheckArgs) -> Result<()> {
    let settings = resolve_settings(overrides)?;
    let dataset = dataset_in_effect(overrides, args.dataset.dataset.as_deref(), &settings)?;
    let mut out = io::stdout().lock();
    let mut say = |label: &str, text: String| -> Result<()> {
        let text = crate::util::text::clean(&text);
        writeln!(out, "{label:<9} {text}").context("cannot write to stdout")
    };
    say(
        "profile",
        match &settings.config_path {
            Some(path) => format!("{} ({})", settings.profile, path.display()),
            None => format!("{} (no config file)", settings.profile),
        },
    )?;
    say("endpoint", settings.endpoint.value.to_string())?;
    let who = match &settings.auth {
        AuthSettings::AkSk { access_key, .. } => format!("access key {}", access_key.value),
        AuthSettings::Token { token } => format!("token from {}", token.short_source()),
        AuthSettings::Password {
            username, domain, ..
        } => format!("user {}@{}", username.value, domain.value),
    };
    say("auth", format!("{} ({who})", settings.auth.method().name()))?;

    let started = Instant::now();
    // Credentials refused: say where they came from, as a check that passes does.
    let failed = |error: anyhow::Error| {
        if crate::cli::report::kind_of(&error) == ExitKind::Auth {
            error.context(format!(
                "the check failed with credentials from {}",
                credentials_from(&settings.auth)
            ))
        } else {
            error
        }
    };
    let client = session::client_for(&settings, 1).await.map_err(failed)?;
    say("project", client.project_id().to_string())?;
    let result = async {
        Ok::<_, anyhow::Error>(match &dataset {
            Some(dataset) => {
                let query = ListQuery {
                    limit: 1,
                    offset: 0,
                    task_type: None,
                    task_name: None,
                };
                let page = list_tasks(&client, dataset, &query).await?;
                let total = page.parse()?.total_count;
                match total {
                    Some(n) => format!("dataset {dataset} lists {n} tasks"),
                    None => format!("dataset {dataset} can be listed"),
                }
            }
            None => match count_datasets(&client).await? {
                Some(n) => format!("the project has {n} datasets"),
                None => "the project's datasets can be listed".to_string(),
            },
        })
    }
    .await
    .map_err(failed)?;
    say(
        "result",
        format!(
            "ok in {} ms: {result}; credentials from {}",
            started.elapsed().as_millis(),
            credentials_from(&settings.auth)
        ),
    )?;
    Ok(())
}

/// Where the credentials that worked came from: the config file, a command it runs, or
/// which variable.
fn credentials_from(auth: &AuthSettings) -> String {
    let secret = match auth {
        AuthSettings::AkSk { secret_key, .. } => secret_key,
        AuthSettings::Token { token } => token,
        AuthSettings::Password { password, .. } => password,
    };
    let key = secret.key;
    match (&secret.source, auth) {
        // The SDK's key pair comes whole from the environment.
        (_, AuthSettings::AkSk { .. }) if !secret.in_file => {
            format!(
                "the variables {} and {}",
                settings::ENV_AK,
                settings::ENV_SK
            )
        }
        _ if !secret.in_file => format!("the variable {}", secret.origin),
        (SecretSource::Value(_), _) => format!("the config file (`{key}`)"),
        (SecretSource::Command(command), _) => format!(
            "the command {} (`{key}_command` in the config file)",
            settings::program_name(command)
        ),
        (SecretSource::Env(var), _) => {
            format!("the variable {var} (`{key}_env` in the config file)")
        }
    }
}
