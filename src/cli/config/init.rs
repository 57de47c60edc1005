//! `matasks config init`: a new profile, from questions on a terminal or from flags.

use std::io::{self, IsTerminal};

use anyhow::Result;
use clap::Args;

use super::prompt;
use crate::settings::edit::{Editor, Peek, Value};
use crate::settings::regions;
use crate::settings::{self, AuthMethod, Overrides};
use crate::util::error::UsageError;
use crate::util::term;

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Authentication method [default: aksk]
    #[arg(long, value_enum, value_name = "METHOD")]
    pub auth: Option<crate::settings::AuthMethod>,

    /// Access key ID (with --secret-key-command or --secret-key-env)
    #[arg(long, value_name = "AK")]
    pub access_key: Option<String>,

    /// Command that prints the secret key, e.g. "pass show hw/sk"
    #[arg(long, value_name = "COMMAND")]
    pub secret_key_command: Option<String>,

    /// Variable that holds the secret key
    #[arg(long, value_name = "VAR")]
    pub secret_key_env: Option<String>,

    /// Command that prints the security token of temporary credentials
    #[arg(long, value_name = "COMMAND")]
    pub security_token_command: Option<String>,

    /// Variable that holds the security token of temporary credentials
    #[arg(long, value_name = "VAR")]
    pub security_token_env: Option<String>,

    /// Command that prints an IAM token (with --auth token)
    #[arg(long, value_name = "COMMAND")]
    pub auth_token_command: Option<String>,

    /// Variable that holds an IAM token (with --auth token)
    #[arg(long, value_name = "VAR")]
    pub auth_token_env: Option<String>,

    /// IAM user name (with --auth password)
    #[arg(long, value_name = "NAME")]
    pub username: Option<String>,

    /// Account (domain) name of the IAM user (with --auth password)
    #[arg(long, value_name = "NAME")]
    pub domain: Option<String>,

    /// Command that prints the user's password (with --auth password)
    #[arg(long, value_name = "COMMAND")]
    pub password_command: Option<String>,

    /// Variable that holds the user's password (with --auth password)
    #[arg(long, value_name = "VAR")]
    pub password_env: Option<String>,

    /// Identity service URL [default: https://iam.REGION.myhuaweicloud.com]
    #[arg(long, value_name = "URL")]
    pub iam_endpoint: Option<String>,

    /// Dataset that `list` shows by default
    #[arg(long, value_name = "ID")]
    pub dataset: Option<String>,

    /// Make this profile the file's default_profile
    #[arg(long = "default")]
    pub make_default: bool,

    /// Replace the profile if it exists
    #[arg(long)]
    pub force: bool,
}

impl InitArgs {
    /// Whether any of the profile's values were given as flags.
    pub fn has_values(&self) -> bool {
        self.auth.is_some()
            || [
                &self.access_key,
                &self.secret_key_command,
                &self.secret_key_env,
                &self.security_token_command,
                &self.security_token_env,
                &self.auth_token_command,
                &self.auth_token_env,
                &self.username,
                &self.domain,
                &self.password_command,
                &self.password_env,
                &self.iam_endpoint,
                &self.dataset,
            ]
            .iter()
            .any(|v| v.is_some())
    }
}

pub fn run(overrides: &Overrides, args: &InitArgs) -> Result<()> {
    let path = super::file_path(overrides)?;
    // Checked before any question; locked only once the answers are in.
    let before = Editor::peek(&path)?;
    let interactive = !args.has_values() && io::stdin().is_terminal();
    let (profile, entries, make_default) = if interactive {
        ask(overrides, args, &before)?
    } else {
        let profile = overrides
            .profile
            .clone()
            .unwrap_or_else(|| settings::FALLBACK_PROFILE.to_string());
        (profile, from_flags(overrides, args)?, args.make_default)
    };
    let mut editor = Editor::open(&path)?;
    if editor.has_profile(&profile) && !args.force {
        return Err(UsageError(format!(
            "profile `{profile}` already exists in {}; pass --force to replace it",
            path.display()
        ))
        .into());
    }
    let entries: Vec<(&str, Value)> = entries
        .iter()
        .map(|(k, v)| (*k, Value::Text(v.clone())))
        .collect();
    editor.replace_profile(&profile, &entries)?;
    if make_default {
        editor.set(&profile, "default_profile", &Value::Text(profile.clone()))?;
    }
    editor.save()?;
    let in_effect = match editor.default_profile() {
        Some(default) => default == profile,
        None => profile == settings::FALLBACK_PROFILE,
    };
    term::note(&format!(
        "wrote profile `{profile}` to {}; try it with: matasks{} config check",
        path.display(),
        if in_effect {
            String::new()
        } else {
            format!(" --profile {profile}")
        }
    ));
    super::report_unusable(overrides, &path, &profile);
    if entries.iter().any(|(k, _)| *k == "access_key")
        && !entries.iter().any(|(k, _)| k.starts_with("secret_key"))
    {
        term::hint(&format!(
            "the profile has no secret key yet: run `matasks --profile {profile} config set \
             secret_key` (it reads the key without echoing it)"
        ));
    }
    Ok(())
}

type Entries = Vec<(&'static str, String)>;

fn push(entries: &mut Entries, key: &'static str, value: &Option<String>) {
    if let Some(value) = value.as_ref().filter(|v| !v.trim().is_empty()) {
        entries.push((key, value.trim().to_string()));
    }
}

/// A overrides flag's value, unless it came from its variable: exported variables do not
/// belong in the file.
fn flag(overrides: &Overrides, value: &Option<String>, var: &str) -> Option<String> {
    value.clone().filter(|_| !overrides.from_env.contains(&var))
}

/// The profile the flags describe.
fn from_flags(overrides: &Overrides, args: &InitArgs) -> Result<Entries> {
    let region = flag(overrides, &overrides.region, "MATASKS_REGION");
    let endpoint = flag(overrides, &overrides.endpoint, "MATASKS_ENDPOINT");
    let project_id = flag(overrides, &overrides.project_id, "MATASKS_PROJECT_ID");
    if region.is_none() && endpoint.is_none() {
        return Err(UsageError("give --region (or --endpoint for another cloud)".into()).into());
    }
    let method = match args.auth {
        Some(method) => method,
        None if args.access_key.is_some() => AuthMethod::Aksk,
        None if args.auth_token_command.is_some() || args.auth_token_env.is_some() => {
            AuthMethod::Token
        }
        None if args.username.is_some() => AuthMethod::Password,
        None => {
            return Err(UsageError(
                "give credentials: --access-key with --secret-key-command or \
                 --secret-key-env; or --auth token with --auth-token-command or \
                 --auth-token-env; or --auth password with --username, --domain and \
                 --password-command or --password-env"
                    .into(),
            )
            .into());
        }
    };
    let mut entries = Entries::new();
    push(&mut entries, "region", &region);
    push(&mut entries, "endpoint", &endpoint);
    push(&mut entries, "iam_endpoint", &args.iam_endpoint);
    push(&mut entries, "project_id", &project_id);
    push(&mut entries, "dataset_id", &args.dataset);
    entries.push(("auth", method.name().to_string()));
    match method {
        AuthMethod::Aksk => {
            if args.access_key.is_none() {
                return Err(UsageError("--auth aksk needs --access-key".into()).into());
            }
            push(&mut entries, "access_key", &args.access_key);
            let key = ("secret_key_command", &args.secret_key_command);
            secret_flags(
                &mut entries,
                key,
                ("secret_key_env", &args.secret_key_env),
                None,
            )?;
            let token = ("security_token_command", &args.security_token_command);
            let env = ("security_token_env", &args.security_token_env);
            secret_flags(&mut entries, token, env, None)?;
        }
        AuthMethod::Token => {
            let command = ("auth_token_command", &args.auth_token_command);
            let env = ("auth_token_env", &args.auth_token_env);
            secret_flags(&mut entries, command, env, Some("--auth token"))?;
        }
        AuthMethod::Password => {
            if args.username.is_none() || args.domain.is_none() {
                return Err(
                    UsageError("--auth password needs --username and --domain".into()).into(),
                );
            }
            push(&mut entries, "username", &args.username);
            push(&mut entries, "domain", &args.domain);
            let command = ("password_command", &args.password_command);
            let env = ("password_env", &args.password_env);
            secret_flags(&mut entries, command, env, Some("--auth password"))?;
        }
    }
    Ok(entries)
}

/// A secret's `_command` or `_env` flag, at most one; `needed_by` names the method
/// that cannot do without one.
fn secret_flags(
    entries: &mut Entries,
    command: (&'static str, &Option<String>),
    env: (&'static str, &Option<String>),
    needed_by: Option<&str>,
) -> Result<()> {
    let flag = |key: &str| format!("--{}", key.replace('_', "-"));
    match (command.1, env.1, needed_by) {
        (Some(_), Some(_), _) => {
            return Err(UsageError(format!(
                "give {} or {}, not both",
                flag(command.0),
                flag(env.0)
            ))
            .into());
        }
        (None, None, Some(method)) => {
            return Err(UsageError(format!(
                "{method} needs {} or {}",
                flag(command.0),
                flag(env.0)
            ))
            .into());
        }
        _ => {}
    }
    push(entries, command.0, command.1);
    push(entries, env.0, env.1);
    Ok(())
}

/// Ask for a secret's source: typed (stored in the file), or a command.
fn ask_secret(
    entries: &mut Entries,
    key: &'static str,
    command_key: &'static str,
    what: &str,
) -> Result<()> {
    let how = prompt::choice(
        &format!("{what}: type it now (stored in the file), or give a command that prints it"),
        &["type", "command"],
        "type",
    )?;
    if how == "command" {
        let command = prompt::line(
            &format!("Command that prints the {what} (e.g. pass show hw/{key})"),
            None,
        )?;
        if command.is_empty() {
            return Err(UsageError(format!("no command given for the {what}")).into());
        }
        entries.push((command_key, command));
    } else {
        entries.push((key, prompt::secret(&format!("{what} (not shown): "))?));
    }
    Ok(())
}

/// The profile from questions, with the flags as defaults.
fn ask(overrides: &Overrides, args: &InitArgs, editor: &Peek) -> Result<(String, Entries, bool)> {
    let profile = prompt::line(
        "Profile name",
        Some(
            overrides
                .profile
                .as_deref()
                .unwrap_or(settings::FALLBACK_PROFILE),
        ),
    )?;
    if editor.has_profile(&profile) && !args.force {
        return Err(UsageError(format!(
            "profile `{profile}` already exists; pass --force to replace it"
        ))
        .into());
    }
    let mut entries = Entries::new();
    let region = prompt::line(
        "Region, e.g. cn-north-4 (leave empty to give an endpoint URL)",
        overrides.region.as_deref(),
    )?;
    let mut known_region = false;
    if !region.is_empty() {
        known_region = regions::endpoint(&region).is_some();
        entries.push(("region", region.clone()));
    }
    if region.is_empty() || !known_region {
        let endpoint = prompt::line("ModelArts endpoint URL", overrides.endpoint.as_deref())?;
        if endpoint.is_empty() {
            return Err(UsageError("a region or an endpoint is needed".into()).into());
        }
        entries.push(("endpoint", endpoint));
        let iam = prompt::line("IAM endpoint URL (empty: derived from the region)", None)?;
        if !iam.is_empty() {
            entries.push(("iam_endpoint", iam));
        }
    }
    let project = prompt::line(
        "Project ID (empty: look it up from the region)",
        overrides.project_id.as_deref(),
    )?;
    if !project.is_empty() {
        entries.push(("project_id", project));
    }
    let dataset = prompt::line("Default dataset ID (optional)", None)?;
    if !dataset.is_empty() {
        entries.push(("dataset_id", dataset));
    }
    let method = prompt::choice("Authentication", &["aksk", "token", "password"], "aksk")?;
    entries.push(("auth", method.clone()));
    match method.as_str() {
        "aksk" => {
            let ak = prompt::line("Access key ID", None)?;
            if ak.is_empty() {
                return Err(UsageError("an access key is needed".into()).into());
            }
            entries.push(("access_key", ak));
            ask_secret(
                &mut entries,
                "secret_key",
                "secret_key_command",
                "secret key",
            )?;
        }
        "token" => ask_secret(
            &mut entries,
            "auth_token",
            "auth_token_command",
            "IAM token",
        )?,
        _ => {
            let user = prompt::line("IAM user name", None)?;
            let domain = prompt::line("Account (domain) name", None)?;
            if user.is_empty() || domain.is_empty() {
                return Err(UsageError("a user name and an account name are needed".into()).into());
            }
            entries.push(("username", user));
            entries.push(("domain", domain));
            ask_secret(&mut entries, "password", "password_command", "password")?;
        }
    }
    // Moving the default away from an existing profile is a choice to make, not a default.
    let suggested = match editor.default_profile() {
        Some(current) if current != profile => "no",
        _ => "yes",
    };
    let make_default = args.make_default
        || prompt::choice("Make it the default profile?", &["yes", "no"], suggested)? == "yes";
    Ok((profile, entries, make_default))
}
