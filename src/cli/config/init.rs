//! `matasks config init`: a new profile, from questions on a terminal or from flags.

use std::io::{self, IsTerminal};

use anyhow::Result;
use clap::Args;

use super::prompt;
use crate::domain::id::{Id, IdKind, Origin};
use crate::settings::edit::{Editor, Peek, Value};
use crate::settings::regions;
use crate::settings::{self, AuthMethod, Endpoint, Overrides};
use crate::util::error::UsageError;
use crate::util::{redact, term, text};

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
    if let Some(name) = &overrides.profile {
        check_profile_name(name).map_err(UsageError)?;
        if before.has_profile(name) && !args.force {
            return Err(UsageError(format!(
                "profile `{name}` already exists in {}; pass --force to replace it",
                path.display()
            ))
            .into());
        }
    }
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
    // Each value checked as the settings will read it: nothing unusable is written.
    let checked =
        |flag: &str, value: &Option<String>, check: fn(&str) -> Result<(), String>| match value
            .as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
        {
            Some(value) => check(value).map_err(|why| UsageError(format!("{flag}: {why}"))),
            None => Ok(()),
        };
    if let (Some(region), None) = (region.as_deref(), &endpoint) {
        check_known_region(region.trim()).map_err(UsageError)?;
    }
    checked("--endpoint", &endpoint, check_url)?;
    checked("--iam-endpoint", &args.iam_endpoint, check_url)?;
    for (kind, flag, id) in [
        (IdKind::Project, "--project-id", &project_id),
        (IdKind::Dataset, "--dataset", &args.dataset),
    ] {
        if let Some(id) = id.as_deref().map(str::trim).filter(|id| !id.is_empty()) {
            check_id(kind, id, flag).map_err(UsageError)?;
        }
    }
    for (flag, command) in [
        ("--secret-key-command", &args.secret_key_command),
        ("--security-token-command", &args.security_token_command),
        ("--auth-token-command", &args.auth_token_command),
        ("--password-command", &args.password_command),
    ] {
        checked(flag, command, check_command)?;
    }
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

/// One word, without spaces or control characters: `what` names it in the refusal.
fn check_word(text: &str, what: &str) -> Result<(), String> {
    if text.is_empty()
        || text
            .chars()
            .any(|c| c.is_whitespace() || text::is_hidden(c))
    {
        return Err(format!(
            "`{}` is not {what}: give one word, without spaces",
            text::clean(text)
        ));
    }
    Ok(())
}

/// A profile name, as `--profile` takes it.
fn check_profile_name(name: &str) -> Result<(), String> {
    check_word(name, "a profile name")
}

/// A region with a ModelArts endpoint; a typo of one is named.
fn check_known_region(region: &str) -> Result<(), String> {
    match regions::endpoint(region) {
        Some(_) => Ok(()),
        None => Err(regions::unknown(region)),
    }
}

/// A service's URL, as the settings read it.
fn check_url(url: &str) -> Result<(), String> {
    Endpoint::parse(url)
        .map(|_| ())
        .map_err(|why| format!("`{}` is not a service URL: {why}", redact::url(url)))
}

/// An ID, as a request's path takes it; `origin` names where it was given.
fn check_id(kind: IdKind, text: &str, origin: &str) -> Result<(), String> {
    Id::new(kind, text, Origin::Given(origin.to_string()))
        .map(|_| ())
        .map_err(|bad| bad.to_string())
}

fn check_project_id(text: &str) -> Result<(), String> {
    check_id(IdKind::Project, text, "the answer")
}

fn check_dataset_id(text: &str) -> Result<(), String> {
    check_id(IdKind::Dataset, text, "the answer")
}

/// A command line that a secret's `_command` key can run: words, quotes closed.
fn check_command(command: &str) -> Result<(), String> {
    match shlex::split(command) {
        Some(words) if !words.is_empty() => Ok(()),
        Some(_) => Err("the command is empty".to_string()),
        None => Err("the command has a quote that is not closed".to_string()),
    }
}

/// Something, anything: an access key, a user or account name.
fn check_given(text: &str) -> Result<(), String> {
    if text.is_empty() {
        return Err("an answer is needed".to_string());
    }
    Ok(())
}

/// An optional answer: empty, or one that passes `check`.
fn optional(check: fn(&str) -> Result<(), String>) -> impl FnMut(&str) -> Result<(), String> {
    move |answer| {
        if answer.is_empty() {
            Ok(())
        } else {
            check(answer)
        }
    }
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
        let command = prompt::checked(
            &format!("Command that prints the {what} (e.g. pass show hw/{key})"),
            None,
            check_command,
        )?;
        entries.push((command_key, command));
    } else {
        let secret = loop {
            let secret = prompt::secret_answer(&format!("{what} (not shown): "))?;
            if !secret.trim().is_empty() {
                break secret;
            }
            term::warn(&format!("the {what} is empty: type it, or Ctrl-C to stop"));
        };
        entries.push((key, secret));
    }
    Ok(())
}

/// The profile from questions, with the flags as defaults. Each answer is checked as it
/// is given, and asked again while it is wrong; Ctrl-C, or the end of input, stops
/// before anything is written.
fn ask(overrides: &Overrides, args: &InitArgs, editor: &Peek) -> Result<(String, Entries, bool)> {
    let named = overrides
        .profile
        .clone()
        .filter(|_| !overrides.from_env.contains(&"MATASKS_PROFILE"));
    let profile = match named {
        // Named on the command line, and checked already.
        Some(name) => name,
        None => prompt::checked(
            "Profile name",
            Some(
                overrides
                    .profile
                    .as_deref()
                    .unwrap_or(settings::FALLBACK_PROFILE),
            ),
            |name| {
                check_profile_name(name)?;
                if editor.has_profile(name) && !args.force {
                    return Err(format!(
                        "profile `{name}` already exists: give another name, or pass --force \
                         to replace it"
                    ));
                }
                Ok(())
            },
        )?,
    };
    let mut entries = Entries::new();
    // A region matasks does not know is taken as another cloud's when it is no typo of
    // a known one, or when it is given again after the typo was pointed out.
    let mut doubted: Option<String> = None;
    let region = prompt::checked(
        "Region, e.g. cn-north-4 (leave empty to give an endpoint URL)",
        overrides.region.as_deref(),
        |region| {
            if region.is_empty() || regions::endpoint(region).is_some() {
                return Ok(());
            }
            check_word(region, "a region")?;
            match regions::closest(region) {
                Some(_) if doubted.as_deref() != Some(region) => {
                    doubted = Some(region.to_string());
                    Err(format!(
                        "{} (to keep `{region}`, another cloud's region, give it again)",
                        regions::unknown(region)
                    ))
                }
                _ => Ok(()),
            }
        },
    )?;
    let known_region = regions::endpoint(&region).is_some();
    if !region.is_empty() {
        entries.push(("region", region.clone()));
    }
    if !known_region {
        if !region.is_empty() {
            term::note(&format!(
                "`{region}` is not a region matasks knows (`matasks config regions` lists \
                 them): give its cloud's ModelArts endpoint"
            ));
        }
        let endpoint = prompt::checked(
            "ModelArts endpoint URL",
            overrides.endpoint.as_deref(),
            |url| {
                if url.is_empty() {
                    return Err("an endpoint is needed without a known region".to_string());
                }
                check_url(url)
            },
        )?;
        entries.push(("endpoint", endpoint));
        let iam = prompt::checked(
            "IAM endpoint URL (empty: derived from the region)",
            None,
            optional(check_url),
        )?;
        if !iam.is_empty() {
            entries.push(("iam_endpoint", iam));
        }
    }
    let project = prompt::checked(
        "Project ID (empty: look it up from the region)",
        overrides.project_id.as_deref(),
        optional(check_project_id),
    )?;
    if !project.is_empty() {
        entries.push(("project_id", project));
    }
    let dataset = prompt::checked(
        "Default dataset ID (optional)",
        None,
        optional(check_dataset_id),
    )?;
    if !dataset.is_empty() {
        entries.push(("dataset_id", dataset));
    }
    let method = prompt::choice("Authentication", &["aksk", "token", "password"], "aksk")?;
    entries.push(("auth", method.clone()));
    match method.as_str() {
        "aksk" => {
            let ak = prompt::checked("Access key ID", None, check_given)?;
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
            let user = prompt::checked("IAM user name", None, check_given)?;
            let domain = prompt::checked("Account (domain) name", None, check_given)?;
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
