//! Profiles from the TOML config file, merged with flags and environment variables.
//!
//! Precedence for every setting: flag > environment > profile > default.

pub mod edit;
mod endpoint;
mod file;
pub mod regions;
mod secret;

use std::fmt;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::time::Duration;

use secrecy::SecretString;

pub use file::{
    AuthMethod, ConfigFile, KeyKind, PROFILE_KEYS, Profile, TOP_LEVEL_KEYS, key_kind, parse,
};
pub use secret::{Secret, SecretSource, program_name};

pub use endpoint::Endpoint;

use crate::domain::offsets::OffsetMode;
use crate::util::error::{ConfigError, io_reason};
use crate::util::platform;
use crate::util::redact;

/// What the command line, or the variables that stand for its flags, sets over the
/// profile: plain values, so that settings know nothing of how they were given.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub profile: Option<String>,
    /// The config file.
    pub config: Option<PathBuf>,
    pub endpoint: Option<String>,
    pub region: Option<String>,
    pub project_id: Option<String>,
    pub retries: Option<u32>,
    pub connect_timeout: Option<Duration>,
    pub request_timeout: Option<Duration>,
    pub ca_bundle: Option<PathBuf>,
    pub insecure: bool,
    /// The variables (of those standing for the values above) whose values came from
    /// the environment rather than the command line, for `config show`.
    pub from_env: Vec<&'static str>,
}

/// The profile used when neither `--profile` nor `default_profile` names one.
pub const FALLBACK_PROFILE: &str = "default";

/// Huawei Cloud SDK variables that carry credentials and the project.
pub const ENV_AK: &str = "HUAWEICLOUD_SDK_AK";
pub const ENV_SK: &str = "HUAWEICLOUD_SDK_SK";
pub const ENV_SECURITY_TOKEN: &str = "HUAWEICLOUD_SDK_SECURITY_TOKEN";
pub const ENV_PROJECT_ID: &str = "HUAWEICLOUD_SDK_PROJECT_ID";
/// A ready IAM token; read here rather than by clap so that it has no flag to leak from.
pub const ENV_AUTH_TOKEN: &str = "MATASKS_AUTH_TOKEN";

/// Where a setting's value came from, as `config show` reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A command-line flag, e.g. `--region`.
    Flag(&'static str),
    /// An environment variable.
    Env(&'static str),
    /// A key of the selected profile.
    File(&'static str),
    /// Worked out from another setting, e.g. the endpoint from the region.
    Derived(&'static str),
    Default,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Flag(flag) => write!(f, "flag {flag}"),
            Source::Env(var) => write!(f, "env {var}"),
            Source::File(key) => write!(f, "file ({key})"),
            Source::Derived(from) => write!(f, "derived from {from}"),
            Source::Default => f.write_str("default"),
        }
    }
}

impl Source {
    /// Where a value came from, in a message: `flag --endpoint`, `env MATASKS_REGION`,
    /// or for the file, the key and the profile: "`endpoint` in profile `p` of /path".
    pub fn place(&self, where_: &str) -> String {
        match self {
            Source::File(key) => format!("`{key}` in {where_}"),
            other => other.to_string(),
        }
    }
}

/// A value and where it came from.
#[derive(Debug, Clone)]
pub struct Sourced<T> {
    pub value: T,
    pub source: Source,
}

impl<T> Sourced<T> {
    fn new(value: T, source: Source) -> Sourced<T> {
        Sourced { value, source }
    }
}

/// The credentials of one authentication method, with secrets still at their source.
#[derive(Debug)]
pub enum AuthSettings {
    AkSk {
        access_key: Sourced<String>,
        secret_key: Secret,
        security_token: Option<Secret>,
    },
    Token {
        token: Secret,
    },
    Password {
        username: Sourced<String>,
        domain: Sourced<String>,
        password: Secret,
    },
}

impl AuthSettings {
    pub fn method(&self) -> AuthMethod {
        match self {
            AuthSettings::AkSk { .. } => AuthMethod::Aksk,
            AuthSettings::Token { .. } => AuthMethod::Token,
            AuthSettings::Password { .. } => AuthMethod::Password,
        }
    }
}

/// Retries unless `--retries` or the profile says otherwise.
pub const DEFAULT_RETRIES: u32 = 3;
/// Pages in flight with `--all` unless `--concurrency` or the profile says otherwise.
pub const DEFAULT_CONCURRENCY: u32 = 8;
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
pub const DEFAULT_REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// A page holds at most 100 tasks; no honest answer of this API comes near this.
pub const DEFAULT_MAX_RESPONSE_MIB: u32 = 64;

/// How requests travel: retries, timeouts, trust, and the largest answer read.
#[derive(Debug, Clone)]
pub struct Network {
    pub retries: Sourced<u32>,
    pub connect_timeout: Sourced<Duration>,
    pub request_timeout: Sourced<Duration>,
    /// Extra CA certificates (PEM) to trust.
    pub ca_bundle: Option<Sourced<PathBuf>>,
    pub insecure: Sourced<bool>,
    pub max_response_mib: Sourced<u32>,
}

impl Network {
    /// Flags, else the profile, else the defaults. A relative `ca_bundle` in the file is
    /// relative to the file.
    fn resolve(overrides: &Overrides, profile: &Profile, file: Option<&Path>) -> Network {
        fn pick<T>(
            flag: Option<T>,
            flag_name: &'static str,
            file: Option<T>,
            key: &'static str,
            default: T,
        ) -> Sourced<T> {
            match (flag, file) {
                (Some(v), _) => Sourced::new(v, Source::Flag(flag_name)),
                (None, Some(v)) => Sourced::new(v, Source::File(key)),
                (None, None) => Sourced::new(default, Source::Default),
            }
        }
        let ca_bundle = match (&overrides.ca_bundle, &profile.ca_bundle) {
            (Some(path), _) => Some(Sourced::new(path.clone(), Source::Flag("--ca-bundle"))),
            (None, Some(path)) => {
                let base = file.and_then(Path::parent).unwrap_or(Path::new(""));
                Some(Sourced::new(base.join(path), Source::File("ca_bundle")))
            }
            (None, None) => None,
        };
        Network {
            retries: pick(
                overrides.retries,
                "--retries",
                profile.retries,
                "retries",
                DEFAULT_RETRIES,
            ),
            connect_timeout: pick(
                overrides.connect_timeout,
                "--connect-timeout",
                profile.connect_timeout,
                "connect_timeout",
                DEFAULT_CONNECT_TIMEOUT,
            ),
            request_timeout: pick(
                overrides.request_timeout,
                "--request-timeout",
                profile.request_timeout,
                "request_timeout",
                DEFAULT_REQUEST_TIMEOUT,
            ),
            ca_bundle,
            insecure: pick(
                overrides.insecure.then_some(true),
                "--insecure",
                profile.insecure,
                "insecure",
                false,
            ),
            max_response_mib: pick(
                None,
                "",
                profile.max_response_mib,
                "max_response_mib",
                DEFAULT_MAX_RESPONSE_MIB,
            ),
        }
    }
}

/// Everything a command needs to talk to the API.
#[derive(Debug)]
pub struct Settings {
    /// The selected profile's name, also when the file does not have it.
    pub profile: String,
    pub profile_source: Source,
    /// The config file read, if there was one.
    pub config_path: Option<PathBuf>,
    pub endpoint: Sourced<Endpoint>,
    pub region: Option<Sourced<String>>,
    /// Identity service, for tokens and project discovery; none without a region.
    pub iam_endpoint: Option<Sourced<Endpoint>>,
    /// None when it is to be discovered from the region.
    pub project_id: Option<Sourced<String>>,
    /// The profile's `dataset_id`, the last fallback for `--dataset`.
    pub dataset_id: Option<String>,
    pub auth: AuthSettings,
    /// `File("auth")` when the profile names the method, else why it was chosen.
    pub auth_source: Source,
    /// The profile's `offset_mode`; the default applies without one.
    pub offset_mode: Option<OffsetMode>,
    /// The profile's `concurrency`, the fallback for `--concurrency`.
    pub concurrency: Option<u32>,
    /// Describes the profile in messages: "profile `p` of /path".
    pub where_: String,
    pub network: Network,
}

/// `<config dir>/matasks/config.toml`, where the platform has a config dir.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "matasks")
        .map(|dirs| dirs.config_dir().join("config.toml"))
}

/// The config file path in effect: `--config` / `MATASKS_CONFIG`, else the default.
pub fn path_in_effect(overrides: &Overrides) -> Option<PathBuf> {
    overrides.config.clone().or_else(default_path)
}

/// The config file, read and checked, and where it came from.
pub struct Loaded {
    /// The file read; None when there was none to read.
    pub path: Option<PathBuf>,
    pub file: ConfigFile,
}

/// The config file at `explicit`, else at the default path (where it may be missing),
/// with a warning when it holds secrets others can read.
pub fn load(explicit: Option<&Path>) -> Result<Loaded, ConfigError> {
    let (path, required) = match explicit {
        Some(path) => (path.to_path_buf(), true),
        None => match default_path() {
            Some(path) => (path, false),
            None => {
                return Ok(Loaded {
                    path: None,
                    file: ConfigFile::default(),
                });
            }
        },
    };
    let read = fs::File::open(&path).and_then(|mut file| {
        // What was opened, whatever the path leads to by then.
        let meta = file.metadata()?;
        let mut text = String::new();
        file.read_to_string(&mut text)?;
        Ok((text, meta))
    });
    let (text, meta) = match read {
        Ok(read) => read,
        Err(e) if e.kind() == io::ErrorKind::NotFound && !required => {
            return Ok(Loaded {
                path: None,
                file: ConfigFile::default(),
            });
        }
        Err(e) => {
            return Err(ConfigError(format!(
                "cannot read config file {}: {}",
                path.display(),
                io_reason(&e)
            )));
        }
    };
    // An empty file (`/dev/null`) sets nothing and runs nothing: nothing to trust.
    if !text.trim().is_empty() {
        check_trusted(&path, &meta)?;
    }
    let file = parse(&path, &text)?;
    let loaded = Loaded {
        path: Some(path),
        file,
    };
    warn_if_secrets_readable_by_others(&loaded);
    Ok(loaded)
}

/// Like ssh, refuse a config file that someone other than the user (or root) could
/// have written, since its settings decide where credentials go and its `*_command`
/// keys run programs: a file, or the directory of the file or of any link leading to
/// it, that is owned by another user, or that others, or a group other than the user's
/// private group, can write. See [`platform::doubt`].
fn check_trusted(path: &Path, meta: &fs::Metadata) -> Result<(), ConfigError> {
    let refuse = |what: String, doubt: platform::Doubt| {
        ConfigError(format!(
            "not using config file {}: {what} {}, so its settings and the commands it runs \
             could be someone else's; run: {}",
            path.display(),
            doubt.problem,
            doubt.fix
        ))
    };
    if let Some(doubt) = platform::doubt(path, meta, true) {
        return Err(refuse("it".to_string(), doubt));
    }
    let chain = platform::link_chain(path).map_err(|e| {
        ConfigError(format!(
            "cannot read config file {}: {}",
            path.display(),
            io_reason(&e)
        ))
    })?;
    let mut dirs: Vec<PathBuf> = chain.iter().map(|p| platform::dir_of(p)).collect();
    dirs.dedup();
    for dir in dirs {
        if let Ok(meta) = fs::metadata(&dir)
            && let Some(doubt) = platform::doubt(&dir, &meta, true)
        {
            return Err(refuse(format!("its directory {}", dir.display()), doubt));
        }
    }
    Ok(())
}

/// Reads one environment variable; empty values count as unset.
pub type EnvLookup<'a> = &'a dyn Fn(&str) -> Option<String>;

pub fn process_env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// The profile name in effect and why: `--profile`, else `default_profile`, else "default".
pub fn profile_name(overrides: &Overrides, file: &ConfigFile) -> (String, Option<&'static str>) {
    match (&overrides.profile, &file.default_profile) {
        (Some(name), _) => (name.clone(), Some("--profile or MATASKS_PROFILE")),
        (None, Some(name)) => (name.clone(), Some("default_profile")),
        (None, None) => (FALLBACK_PROFILE.to_string(), None),
    }
}

/// Whether nothing at all is set up: no config file where one is looked for, and no
/// setting or credential given by a flag or a variable. A command that needs settings
/// then says first how to set up.
pub fn nothing_set_up(overrides: &Overrides, env: EnvLookup<'_>) -> bool {
    let Overrides {
        profile: _,
        config,
        endpoint,
        region,
        project_id,
        ..
    } = overrides;
    let no_file = config.is_none() && default_path().is_none_or(|path| !path.exists());
    let nothing_given = endpoint.is_none() && region.is_none() && project_id.is_none();
    let no_credentials = [ENV_AK, ENV_SK, ENV_AUTH_TOKEN, ENV_PROJECT_ID]
        .iter()
        .all(|var| env(var).is_none());
    no_file && nothing_given && no_credentials
}

/// Where an override came from: the command line, or the variable that stands for it.
pub fn flag_source(overrides: &Overrides, flag: &'static str, env_var: &'static str) -> Source {
    if overrides.from_env.contains(&env_var) {
        Source::Env(env_var)
    } else {
        Source::Flag(flag)
    }
}

/// Merge flags (with their `MATASKS_*` fallbacks, which clap has applied), the
/// environment variables and the selected profile.
pub fn resolve(overrides: &Overrides, env: EnvLookup<'_>) -> Result<Settings, ConfigError> {
    let mut loaded = load(overrides.config.as_deref())?;
    let (profile_name, profile) = select_profile(&mut loaded, overrides)?;
    let where_ = describe_profile(&loaded, &profile_name);

    let flag = |name, env_var| flag_source(overrides, name, env_var);
    let profile_source = match (&overrides.profile, &loaded.file.default_profile) {
        (Some(_), _) => flag("--profile", "MATASKS_PROFILE"),
        (None, Some(_)) => Source::File("default_profile"),
        (None, None) => Source::Default,
    };

    let region = if let Some(region) = non_empty(overrides.region.clone()) {
        Some(Sourced::new(region, flag("--region", "MATASKS_REGION")))
    } else {
        non_empty(profile.region.clone()).map(|r| Sourced::new(r, Source::File("region")))
    };
    let endpoint_setting = if let Some(url) = non_empty(overrides.endpoint.clone()) {
        Some(Sourced::new(url, flag("--endpoint", "MATASKS_ENDPOINT")))
    } else {
        non_empty(profile.endpoint.clone()).map(|u| Sourced::new(u, Source::File("endpoint")))
    };
    let endpoint = resolve_endpoint(endpoint_setting, region.as_ref(), &where_)?;
    let iam_endpoint =
        resolve_iam_endpoint(non_empty(profile.iam_endpoint.clone()), &region, &where_)?;

    // Given on the command line or in MATASKS_PROJECT_ID, even empty: an empty ID is
    // refused, not passed over. Trimmed; checked as an ID where it is used
    // (`session::client_for`).
    let project_id = if let Some(id) = overrides.project_id.clone() {
        Some(Sourced::new(id, flag("--project-id", "MATASKS_PROJECT_ID")))
    } else if let Some(id) = env(ENV_PROJECT_ID) {
        Some(Sourced::new(id, Source::Env(ENV_PROJECT_ID)))
    } else {
        non_empty(profile.project_id.clone()).map(|id| Sourced::new(id, Source::File("project_id")))
    }
    .map(|id| Sourced::new(id.value.trim().to_string(), id.source));

    let (auth, auth_source) = resolve_auth(&profile, &where_, env)?;
    match (&auth, &project_id, &iam_endpoint) {
        (AuthSettings::Password { .. }, _, None) => {
            return Err(ConfigError(format!(
                "password authentication needs the identity service: set `iam_endpoint`, \
                 or a Huawei Cloud `region` (for https://iam.REGION.myhuaweicloud.com), \
                 in {where_}"
            )));
        }
        (AuthSettings::Password { .. }, None, _) if region.is_none() => {
            return Err(ConfigError(format!(
                "a password token is scoped to a project: set `project_id`, or `region` to \
                 use the region's project, in {where_}"
            )));
        }
        (_, None, _) if region.is_none() || iam_endpoint.is_none() => {
            let lookup = if region.is_some() {
                " (or `iam_endpoint`, to look up the region's project)"
            } else {
                " (or a `region`, to look the project up)"
            };
            return Err(ConfigError(format!(
                "no project ID: pass --project-id, or set MATASKS_PROJECT_ID or \
                 {ENV_PROJECT_ID}, or `project_id` in {where_}{lookup}"
            )));
        }
        _ => {}
    }

    let network = Network::resolve(overrides, &profile, loaded.path.as_deref());
    Ok(Settings {
        network,
        profile: profile_name,
        profile_source,
        config_path: loaded.path,
        endpoint,
        region,
        iam_endpoint,
        project_id,
        dataset_id: non_empty(profile.dataset_id),
        auth,
        auth_source,
        offset_mode: profile.offset_mode,
        concurrency: profile.concurrency,
        where_,
    })
}

/// [`resolve`] without its warnings, to check settings on the side.
pub fn resolve_quietly(overrides: &Overrides, env: EnvLookup<'_>) -> Result<Settings, ConfigError> {
    crate::util::term::without_warnings(|| resolve(overrides, env))
}

fn non_empty(value: Option<String>) -> Option<String> {
    value.filter(|v| !v.trim().is_empty())
}

/// Take the chosen profile out of the file. Only the implicit "default" may be absent
/// (environment-only setups have no file).
fn select_profile(
    loaded: &mut Loaded,
    overrides: &Overrides,
) -> Result<(String, Profile), ConfigError> {
    let (name, source) = profile_name(overrides, &loaded.file);
    if let Some(profile) = loaded.file.profiles.remove(&name) {
        return Ok((name, profile));
    }
    let Some(source) = source else {
        return Ok((name, Profile::default()));
    };
    let location = match &loaded.path {
        Some(path) => format!("in {}", path.display()),
        None => "because there is no config file".to_string(),
    };
    let available: Vec<&str> = loaded.file.profiles.keys().map(String::as_str).collect();
    let listing = if available.is_empty() {
        String::new()
    } else {
        format!(" (profiles: {})", available.join(", "))
    };
    Err(ConfigError(format!(
        "profile `{name}` (from {source}) not found {location}{listing}"
    )))
}

fn describe_profile(loaded: &Loaded, name: &str) -> String {
    match (&loaded.path, default_path()) {
        (Some(path), _) => format!("profile `{name}` of {}", path.display()),
        (None, Some(path)) => format!("profile `{name}` of {} (no such file)", path.display()),
        (None, None) => format!("profile `{name}` of a file given with --config"),
    }
}

/// How directly a setting was given: the command line over the environment over the
/// file.
fn rank(source: &Source) -> u8 {
    match source {
        Source::Flag(_) => 3,
        Source::Env(_) => 2,
        Source::File(_) => 1,
        Source::Derived(_) | Source::Default => 0,
    }
}

/// An endpoint wins over a region given at the same level; a region given at a higher
/// level (a flag over a variable or the file, a variable over the file) wins over the
/// endpoint.
fn resolve_endpoint(
    endpoint: Option<Sourced<String>>,
    region: Option<&Sourced<String>>,
    where_: &str,
) -> Result<Sourced<Endpoint>, ConfigError> {
    let chosen = match (endpoint, region) {
        (Some(url), Some(region)) if rank(&region.source) > rank(&url.source) => {
            Sourced::new(region_endpoint(&region.value)?, Source::Derived("region"))
        }
        (Some(url), _) => url,
        (None, Some(region)) => {
            Sourced::new(region_endpoint(&region.value)?, Source::Derived("region"))
        }
        (None, None) => {
            return Err(ConfigError(format!(
                "no endpoint: pass --region or --endpoint, or set MATASKS_REGION or \
                 MATASKS_ENDPOINT, or `region` or `endpoint` in {where_}"
            )));
        }
    };
    let endpoint = Endpoint::parse(&chosen.value).map_err(|reason| {
        ConfigError(format!(
            "invalid endpoint `{}`: {reason} (from {})",
            redact::url(&chosen.value),
            chosen.source.place(where_)
        ))
    })?;
    if endpoint.is_plain_http_to_another_host() {
        crate::util::term::warn(&format!(
            "the endpoint {endpoint} is plain http: requests, and any token, travel \
             unencrypted"
        ));
    }
    Ok(Sourced::new(endpoint, chosen.source))
}

fn region_endpoint(region: &str) -> Result<String, ConfigError> {
    regions::endpoint(region).ok_or_else(|| ConfigError(regions::unknown(region)))
}

/// `iam_endpoint`, else `https://iam.{region}.myhuaweicloud.com` for a known region.
/// As for the endpoint, a region given at a higher level than the profile's
/// `iam_endpoint` wins, so that ModelArts and IAM stay in one cloud.
fn resolve_iam_endpoint(
    explicit: Option<String>,
    region: &Option<Sourced<String>>,
    where_: &str,
) -> Result<Option<Sourced<Endpoint>>, ConfigError> {
    let derived = || {
        region
            .as_ref()
            .and_then(|r| regions::iam_endpoint(&r.value))
            .map(|url| (url, Source::Derived("region")))
    };
    let chosen = match (explicit, region) {
        // Another cloud's region derives nothing: the profile's endpoint stands then.
        (Some(url), Some(region)) if rank(&region.source) > rank(&Source::File("iam_endpoint")) => {
            derived().or(Some((url, Source::File("iam_endpoint"))))
        }
        (Some(url), _) => Some((url, Source::File("iam_endpoint"))),
        (None, _) => derived(),
    };
    let Some((url, source)) = chosen else {
        return Ok(None);
    };
    let endpoint = Endpoint::parse(&url).map_err(|reason| {
        ConfigError(format!(
            "invalid iam_endpoint `{}`: {reason} (from {})",
            redact::url(&url),
            source.place(where_)
        ))
    })?;
    if endpoint.is_plain_http_to_another_host() {
        crate::util::term::warn(&format!(
            "the IAM endpoint {endpoint} is plain http: a password or token sent there \
             travels unencrypted"
        ));
    }
    Ok(Some(Sourced::new(endpoint, source)))
}

/// Which credentials the profile's secrets, one source each, amount to.
struct ProfileSecrets {
    secret_key: Option<Secret>,
    security_token: Option<Secret>,
    auth_token: Option<Secret>,
    password: Option<Secret>,
}

fn profile_secrets(profile: &Profile, where_: &str) -> Result<ProfileSecrets, ConfigError> {
    let p = profile;
    Ok(ProfileSecrets {
        secret_key: Secret::from_profile(
            "secret_key",
            p.secret_key.clone(),
            p.secret_key_command.clone(),
            p.secret_key_env.clone(),
            where_,
        )?,
        security_token: Secret::from_profile(
            "security_token",
            p.security_token.clone(),
            p.security_token_command.clone(),
            p.security_token_env.clone(),
            where_,
        )?,
        auth_token: Secret::from_profile(
            "auth_token",
            p.auth_token.clone(),
            p.auth_token_command.clone(),
            p.auth_token_env.clone(),
            where_,
        )?,
        password: Secret::from_profile(
            "password",
            p.password.clone(),
            p.password_command.clone(),
            p.password_env.clone(),
            where_,
        )?,
    })
}

/// The method: the profile's `auth`; else credentials in the environment (the SDK key
/// pair, then MATASKS_AUTH_TOKEN); else the one kind of credentials the profile holds.
fn resolve_auth(
    profile: &Profile,
    where_: &str,
    env: EnvLookup<'_>,
) -> Result<(AuthSettings, Source), ConfigError> {
    let secrets = profile_secrets(profile, where_)?;
    let env_token = env(ENV_AUTH_TOKEN);
    let has_aksk = profile.access_key.is_some() || secrets.secret_key.is_some();
    let has_token = secrets.auth_token.is_some();
    let has_password = profile.username.is_some() || secrets.password.is_some();

    let (method, source) = if let Some(method) = profile.auth {
        // The profile's choice stands; say so when the environment offers another.
        let ignored = |what: &str| {
            crate::util::term::warn(&format!(
                "{what} ignored: {where_} sets auth = \"{}\"",
                method.name()
            ));
        };
        if method != AuthMethod::Aksk && (env(ENV_AK).is_some() || env(ENV_SK).is_some()) {
            ignored(&format!("{ENV_AK} and {ENV_SK} are"));
        }
        if method != AuthMethod::Token && env_token.is_some() {
            ignored(&format!("{ENV_AUTH_TOKEN} is"));
        }
        (method, Source::File("auth"))
    } else if env_key_pair(env)?.is_some() {
        if env_token.is_some() {
            crate::util::term::warn(&format!(
                "{ENV_AUTH_TOKEN} is ignored: {ENV_AK} and {ENV_SK} are set, and an access \
                 key pair comes first"
            ));
        }
        (AuthMethod::Aksk, Source::Env(ENV_AK))
    } else if env_token.is_some() {
        (AuthMethod::Token, Source::Env(ENV_AUTH_TOKEN))
    } else {
        let present: Vec<AuthMethod> = [
            (has_aksk, AuthMethod::Aksk),
            (has_token, AuthMethod::Token),
            (has_password, AuthMethod::Password),
        ]
        .into_iter()
        .filter_map(|(present, method)| present.then_some(method))
        .collect();
        match present[..] {
            [method] => (method, Source::Derived("the keys set")),
            [] => {
                return Err(ConfigError(format!(
                    "no credentials: set {ENV_AK} and {ENV_SK}, or {ENV_AUTH_TOKEN}, or in \
                     {where_}: `access_key` and `secret_key`, or `auth_token`, or \
                     `username`, `domain` and `password`"
                )));
            }
            _ => {
                let names: Vec<&str> = present.iter().map(|m| m.name()).collect();
                return Err(ConfigError(format!(
                    "{where_} holds credentials for {}: set `auth` to the one to use",
                    names.join(" and ")
                )));
            }
        }
    };

    let settings = match method {
        AuthMethod::Aksk => aksk_settings(profile, secrets, env_key_pair(env)?, where_, env)?,
        AuthMethod::Token => {
            let token = match env_token {
                Some(token) => Secret::value("auth_token", token.into(), ENV_AUTH_TOKEN),
                None => secrets.auth_token.ok_or_else(|| {
                    ConfigError(format!(
                        "`auth = \"token\"` needs a token: set {ENV_AUTH_TOKEN}, or \
                         `auth_token` (or `auth_token_command`, `auth_token_env`) in {where_}"
                    ))
                })?,
            };
            AuthSettings::Token { token }
        }
        AuthMethod::Password => {
            let missing = |key: &str| {
                ConfigError(format!(
                    "`auth = \"password\"` needs `username`, `domain` and `password` (or \
                     `password_command`, `password_env`); `{key}` is missing in {where_}"
                ))
            };
            // Sent to IAM and part of the token cache's key: stray spaces would matter.
            let username = non_empty(profile.username.clone())
                .ok_or_else(|| missing("username"))?
                .trim()
                .to_string();
            let domain = non_empty(profile.domain.clone())
                .ok_or_else(|| missing("domain"))?
                .trim()
                .to_string();
            let password = secrets.password.ok_or_else(|| missing("password"))?;
            AuthSettings::Password {
                username: Sourced::new(username, Source::File("username")),
                domain: Sourced::new(domain, Source::File("domain")),
                password,
            }
        }
    };
    Ok((settings, source))
}

/// The SDK's key pair, when both halves are set; one half alone is an error.
fn env_key_pair(env: EnvLookup<'_>) -> Result<Option<(String, SecretString)>, ConfigError> {
    match (env(ENV_AK), env(ENV_SK)) {
        (Some(ak), Some(sk)) => Ok(Some((header_value(&ak, ENV_AK)?, sk.into()))),
        (Some(_), None) => Err(ConfigError(format!(
            "{ENV_AK} is set but {ENV_SK} is not: set both, or neither to use the profile"
        ))),
        (None, Some(_)) => Err(ConfigError(format!(
            "{ENV_SK} is set but {ENV_AK} is not: set both, or neither to use the profile"
        ))),
        (None, None) => Ok(None),
    }
}

/// The SDK variables win over the profile, and a key pair always comes whole from one
/// place: a security token from one source never signs with a key from the other.
fn aksk_settings(
    profile: &Profile,
    secrets: ProfileSecrets,
    env_pair: Option<(String, SecretString)>,
    where_: &str,
    env: EnvLookup<'_>,
) -> Result<AuthSettings, ConfigError> {
    if let Some((access_key, secret_key)) = env_pair {
        let security_token = env(ENV_SECURITY_TOKEN)
            .map(|t| Secret::value("security_token", t.into(), ENV_SECURITY_TOKEN));
        return Ok(AuthSettings::AkSk {
            access_key: Sourced::new(access_key, Source::Env(ENV_AK)),
            secret_key: Secret::value("secret_key", secret_key, ENV_SK),
            security_token,
        });
    }
    match (non_empty(profile.access_key.clone()), secrets.secret_key) {
        (Some(access_key), Some(secret_key)) => {
            if env(ENV_SECURITY_TOKEN).is_some() {
                crate::util::term::warn(&format!(
                    "{ENV_SECURITY_TOKEN} is ignored: it belongs with {ENV_AK} and {ENV_SK}, \
                     and the access key comes from {where_}"
                ));
            }
            Ok(AuthSettings::AkSk {
                access_key: Sourced::new(
                    header_value(&access_key, &format!("`access_key` in {where_}"))?,
                    Source::File("access_key"),
                ),
                secret_key,
                security_token: secrets.security_token,
            })
        }
        (Some(_), None) => Err(ConfigError(format!(
            "`access_key` is set but `secret_key` (or `secret_key_command`, \
             `secret_key_env`) is missing in {where_}"
        ))),
        (None, Some(_)) => Err(ConfigError(format!(
            "`secret_key` is set but `access_key` is missing in {where_}"
        ))),
        (None, None) => Err(ConfigError(format!(
            "no access key: set {ENV_AK} and {ENV_SK}, or `access_key` and `secret_key` \
             in {where_}"
        ))),
    }
}

/// A value sent in a header, trimmed. It is never shown: it may be a secret.
fn header_value(value: &str, source: &str) -> Result<String, ConfigError> {
    let value = value.trim();
    if value.chars().any(char::is_control) {
        return Err(ConfigError(format!(
            "{source} contains a control character (a stray newline?)"
        )));
    }
    Ok(value.to_string())
}

/// Like ssh, point out secrets stored in a file that others can read.
fn warn_if_secrets_readable_by_others(loaded: &Loaded) {
    if let Some(path) = &loaded.path
        && loaded
            .file
            .profiles
            .values()
            .any(Profile::holds_plain_secret)
        && let Some(mode) = fs::metadata(path)
            .ok()
            .as_ref()
            .and_then(platform::open_to_others)
    {
        crate::util::term::warn(&format!(
            "{} holds secrets and is open to other users ({mode}); run: chmod 600 {}",
            path.display(),
            path.display()
        ));
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    fn overrides(config: &Path) -> Overrides {
        Overrides {
            config: Some(config.to_path_buf()),
            ..Overrides::default()
        }
    }

    /// (access key, secret key, security token) of AK/SK settings, revealed.
    fn aksk(s: &Settings, env: EnvLookup<'_>) -> (String, String, Option<String>) {
        use secrecy::ExposeSecret;
        let AuthSettings::AkSk {
            access_key,
            secret_key,
            security_token,
        } = &s.auth
        else {
            panic!("not aksk: {:?}", s.auth);
        };
        (
            access_key.value.clone(),
            secret_key.reveal(env).unwrap().expose_secret().to_string(),
            security_token
                .as_ref()
                .map(|t| t.reveal(env).unwrap().expose_secret().to_string()),
        )
    }

    fn file(text: &str) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        fs::write(&path, text).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
        }
        (dir, path)
    }

    fn no_env(_: &str) -> Option<String> {
        None
    }

    #[test]
    fn the_example_file_is_valid_and_complete() {
        let path = Path::new("config.example.toml");
        let parsed = parse(path, include_str!("../../config.example.toml")).unwrap();
        assert_eq!(parsed.default_profile.as_deref(), Some("prod"));
        let prod = &parsed.profiles["prod"];
        assert_eq!(prod.region.as_deref(), Some("cn-north-4"));
        assert!(prod.project_id.is_some() && prod.dataset_id.is_some());
        assert!(prod.access_key.is_some() && prod.secret_key.is_some());
        assert!(parsed.profiles["otc"].endpoint.is_some());
        // Every key a profile accepts is documented in the example.
        let text = include_str!("../../config.example.toml");
        for key in TOP_LEVEL_KEYS
            .iter()
            .chain(PROFILE_KEYS.iter().map(|(key, _)| key))
        {
            assert!(
                text.contains(&format!("\n{key} = ")) || text.contains(&format!("# {key} = ")),
                "{key}"
            );
        }
    }

    const FULL: &str = "default_profile = \"p\"\n[profiles.p]\nregion = \"cn-north-4\"\nproject_id = \"proj-p\"\n\
        dataset_id = \"ds-p\"\naccess_key = \"AKP\"\nsecret_key = \"SKP\"\n\
        [profiles.q]\nendpoint = \"https://q.example:8443/x\"\nregion = \"cn-north-1\"\nproject_id = \"proj-q\"\naccess_key = \"AKQ\"\nsecret_key = \"SKQ\"\nsecurity_token = \"TQ\"\n";

    #[test]
    fn default_profile_and_region_endpoint() {
        let (_dir, path) = file(FULL);
        let s = resolve(&overrides(&path), &no_env).unwrap();
        assert_eq!(
            s.endpoint.value.to_string(),
            "https://modelarts.cn-north-4.myhuaweicloud.com"
        );
        assert_eq!(s.project_id.as_ref().unwrap().value, "proj-p");
        assert_eq!(s.dataset_id.as_deref(), Some("ds-p"));
        assert_eq!(aksk(&s, &no_env), ("AKP".into(), "SKP".into(), None));
        assert_eq!(s.endpoint.source, Source::Derived("region"));
        assert_eq!(s.profile_source, Source::File("default_profile"));
    }

    #[test]
    fn profile_endpoint_wins_over_its_region_and_flags_win_over_both() {
        let (_dir, path) = file(FULL);
        let mut g = overrides(&path);
        g.profile = Some("q".into());
        let s = resolve(&g, &no_env).unwrap();
        assert_eq!(s.endpoint.value.to_string(), "https://q.example:8443/x");
        assert_eq!(aksk(&s, &no_env).2.as_deref(), Some("TQ"));
        assert_eq!(s.endpoint.source, Source::File("endpoint"));
        g.region = Some("ap-southeast-1".into());
        let s = resolve(&g, &no_env).unwrap();
        assert_eq!(
            s.endpoint.value.to_string(),
            "https://modelarts.ap-southeast-1.myhuaweicloud.cn"
        );
        g.endpoint = Some("http://127.0.0.1:9".into());
        g.project_id = Some("proj-flag".into());
        let s = resolve(&g, &no_env).unwrap();
        assert_eq!(s.endpoint.value.to_string(), "http://127.0.0.1:9");
        assert_eq!(s.project_id.as_ref().unwrap().value, "proj-flag");
    }

    #[test]
    fn a_region_flag_wins_over_an_endpoint_variable_and_a_variable_over_the_file() {
        let (_dir, path) = file(FULL);
        let mut g = overrides(&path);
        g.profile = Some("q".into());
        g.endpoint = Some("http://127.0.0.1:9".into());
        g.region = Some("cn-east-3".into());
        // --region, MATASKS_ENDPOINT: the flag wins.
        g.from_env = vec!["MATASKS_ENDPOINT"];
        let s = resolve(&g, &no_env).unwrap();
        assert_eq!(
            s.endpoint.value.to_string(),
            "https://modelarts.cn-east-3.myhuaweicloud.com"
        );
        assert_eq!(s.endpoint.source, Source::Derived("region"));
        assert_eq!(s.region.unwrap().source, Source::Flag("--region"));
        // MATASKS_REGION, --endpoint: the flag wins.
        g.from_env = vec!["MATASKS_REGION"];
        let s = resolve(&g, &no_env).unwrap();
        assert_eq!(s.endpoint.value.to_string(), "http://127.0.0.1:9");
        assert_eq!(s.endpoint.source, Source::Flag("--endpoint"));
        // Both variables, or both flags: the endpoint, as in the file.
        for from_env in [vec!["MATASKS_REGION", "MATASKS_ENDPOINT"], vec![]] {
            g.from_env = from_env;
            let s = resolve(&g, &no_env).unwrap();
            assert_eq!(s.endpoint.value.to_string(), "http://127.0.0.1:9");
        }
        // MATASKS_REGION over the file's endpoint.
        g.endpoint = None;
        g.from_env = vec!["MATASKS_REGION"];
        let s = resolve(&g, &no_env).unwrap();
        assert_eq!(s.endpoint.source, Source::Derived("region"));
        assert_eq!(s.region.unwrap().source, Source::Env("MATASKS_REGION"));
    }

    #[test]
    fn sdk_environment_wins_over_the_profile_as_a_whole() {
        let (_dir, path) = file(FULL);
        let mut g = overrides(&path);
        g.profile = Some("q".into());
        let env = |name: &str| match name {
            ENV_AK => Some("AKENV".to_string()),
            ENV_SK => Some("SKENV".to_string()),
            ENV_PROJECT_ID => Some("proj-env".to_string()),
            _ => None,
        };
        let s = resolve(&g, &env).unwrap();
        // The profile's token belongs to the profile's key, not to the environment's.
        assert_eq!(aksk(&s, &env), ("AKENV".into(), "SKENV".into(), None));
        assert_eq!(s.project_id.as_ref().unwrap().value, "proj-env");
        let half = |name: &str| (name == ENV_AK).then(|| "AKENV".to_string());
        let err = resolve(&g, &half).unwrap_err().0;
        assert!(
            err.contains("HUAWEICLOUD_SDK_AK is set but HUAWEICLOUD_SDK_SK is not"),
            "{err}"
        );
    }

    #[test]
    fn missing_pieces_are_named() {
        let (_dir, path) = file("[profiles.default]\nregion = \"cn-north-4\"\n");
        let s = resolve(&overrides(&path), &no_env).unwrap_err().0;
        assert!(s.starts_with("no credentials"), "{s}");
        let (_dir, path) = file(
            "[profiles.default]\nendpoint = \"https://h\"\naccess_key = \"A\"\nsecret_key = \"S\"\n",
        );
        let err = resolve(&overrides(&path), &no_env).unwrap_err().0;
        assert!(err.starts_with("no project ID"), "{err}");
        let (_dir, path) =
            file("[profiles.default]\nregion = \"cn-north-4\"\nproject_id = \"p\"\n");
        let err = resolve(&overrides(&path), &no_env).unwrap_err().0;
        assert!(err.starts_with("no credentials: set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK, or MATASKS_AUTH_TOKEN, or in profile `default` of"), "{err}");
        let (_dir, path) = file("[profiles.default]\nproject_id = \"p\"\n");
        let err = resolve(&overrides(&path), &no_env).unwrap_err().0;
        assert!(err.starts_with("no endpoint"), "{err}");
        let (_dir, path) = file("[profiles.default]\nregion = \"eu-de\"\n");
        let err = resolve(&overrides(&path), &no_env).unwrap_err().0;
        assert!(err.starts_with("unknown region `eu-de` ("), "{err}");
        let (_dir, path) = file("[profiles.default]\nregion = \"cn-nort-4\"\n");
        let err = resolve(&overrides(&path), &no_env).unwrap_err().0;
        assert_eq!(err, "unknown region `cn-nort-4`; did you mean cn-north-4?");
        let (_dir, path) = file("[profiles.default]\nendpoint = \"modelarts.example\"\n");
        let err = resolve(&overrides(&path), &no_env).unwrap_err().0;
        assert!(
            err.starts_with("invalid endpoint `modelarts.example`"),
            "{err}"
        );
    }

    #[test]
    fn a_named_profile_must_exist() {
        let (_dir, path) = file(FULL);
        let mut g = overrides(&path);
        g.profile = Some("nope".into());
        let err = resolve(&g, &no_env).unwrap_err().0;
        assert!(
            err.starts_with("profile `nope` (from --profile or MATASKS_PROFILE) not found in "),
            "{err}"
        );
        assert!(err.ends_with("(profiles: p, q)"), "{err}");
        let (_dir, path) = file("default_profile = \"gone\"\n");
        let err = resolve(&overrides(&path), &no_env).unwrap_err().0;
        assert!(
            err.starts_with("profile `gone` (from default_profile) not found"),
            "{err}"
        );
    }

    #[test]
    fn header_values_are_trimmed_and_checked_without_showing_them() {
        let (_dir, path) = file(
            "[profiles.default]\nendpoint = \"https://h\"\nproject_id = \" p \"\n\
             access_key = \" AK \"\nsecret_key = \"SK\"\nsecurity_token = \"TOK \"\n",
        );
        let s = resolve(&overrides(&path), &no_env).unwrap();
        assert_eq!(s.project_id.as_ref().unwrap().value, "p");
        assert_eq!(
            aksk(&s, &no_env),
            ("AK".into(), "SK".into(), Some("TOK".into()))
        );
        let env = |name: &str| match name {
            ENV_AK => Some("AK".to_string()),
            ENV_SK => Some("SK".to_string()),
            ENV_SECURITY_TOKEN => Some("TOK\nSECRET".to_string()),
            _ => None,
        };
        let s = resolve(&overrides(&path), &env).unwrap();
        let AuthSettings::AkSk { security_token, .. } = &s.auth else {
            panic!()
        };
        let err = security_token.as_ref().unwrap().reveal(&env).unwrap_err().0;
        assert_eq!(
            err,
            "the security_token from HUAWEICLOUD_SDK_SECURITY_TOKEN contains a control character (more than one line?)"
        );
    }

    #[test]
    fn the_iam_endpoint_is_derived_only_for_known_regions_and_follows_the_region() {
        let password = "auth = \"password\"\nusername = \"u\"\ndomain = \"d\"\npassword = \"p\"\n";
        // Another cloud's region derives no Huawei Cloud IAM host to send a password to.
        let (_dir, path) = file(&format!(
            "[profiles.default]\nendpoint = \"https://modelarts.eu-de.otc.example\"\nregion = \"eu-de\"\n{password}"
        ));
        let err = resolve(&overrides(&path), &no_env).unwrap_err().0;
        assert!(
            err.starts_with(
                "password authentication needs the identity service: set `iam_endpoint`"
            ),
            "{err}"
        );
        let (_dir, path) = file(&format!(
            "[profiles.default]\nregion = \"cn-north-4\"\niam_endpoint = \"https://iam.example\"\n{password}"
        ));
        let s = resolve(&overrides(&path), &no_env).unwrap();
        let iam = s.iam_endpoint.unwrap();
        assert_eq!(iam.value.to_string(), "https://iam.example");
        assert_eq!(iam.source, Source::File("iam_endpoint"));
        // A region flag moves ModelArts and IAM together.
        let mut g = overrides(&path);
        g.region = Some("cn-east-3".into());
        let s = resolve(&g, &no_env).unwrap();
        assert_eq!(
            s.iam_endpoint.unwrap().value.to_string(),
            "https://iam.cn-east-3.myhuaweicloud.com"
        );
        // Without a project, the token is scoped by region, which must be known to IAM.
        let (_dir, path) = file(
            "[profiles.default]\nendpoint = \"https://h\"\naccess_key = \"A\"\nsecret_key = \"S\"\nregion = \"eu-de\"\n",
        );
        let err = resolve(&overrides(&path), &no_env).unwrap_err().0;
        assert!(
            err.ends_with("(or `iam_endpoint`, to look up the region's project)"),
            "{err}"
        );
    }

    #[test]
    fn a_named_method_ignores_credentials_of_other_methods_in_the_environment() {
        let (_dir, path) = file(
            "[profiles.default]\nregion = \"cn-north-4\"\nproject_id = \"p\"\nauth = \"token\"\nauth_token = \"T\"\n",
        );
        // Half an SDK pair would be an error for an access key profile, not for this one.
        let env = |name: &str| (name == ENV_AK).then(|| "AK".to_string());
        let s = resolve(&overrides(&path), &env).unwrap();
        assert_eq!(s.auth.method(), AuthMethod::Token);
        assert_eq!(s.auth_source, Source::File("auth"));
        let env = |name: &str| (name == ENV_AUTH_TOKEN).then(|| "ENVTOKEN".to_string());
        let (_dir, path) = file(
            "[profiles.default]\nregion = \"cn-north-4\"\nproject_id = \"p\"\naccess_key = \"A\"\nsecret_key = \"S\"\n",
        );
        // Without `auth`, the variable wins over the profile's keys.
        let s = resolve(&overrides(&path), &env).unwrap();
        assert_eq!(s.auth.method(), AuthMethod::Token);
        assert_eq!(s.auth_source, Source::Env(ENV_AUTH_TOKEN));
    }

    #[test]
    fn endpoint_passwords_are_not_shown() {
        let (_dir, path) = file("[profiles.default]\nendpoint = \"https://u:PASSW0RD@h\"\n");
        let err = resolve(&overrides(&path), &no_env).unwrap_err().0;
        assert!(!err.contains("PASSW0RD"), "{err}");
    }

    #[test]
    fn an_explicit_config_file_must_exist() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing.toml");
        let err = resolve(&overrides(&path), &no_env).unwrap_err().0;
        assert_eq!(
            err,
            format!("cannot read config file {}: no such file", path.display())
        );
    }
}
