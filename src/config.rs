//! Profiles from the TOML config file, merged with flags and environment variables.
//!
//! Precedence for every setting: flag > environment > profile > default.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use crate::api::OffsetMode;
use crate::auth::Credentials;
use crate::cli::GlobalArgs;
use crate::client::Endpoint;
use crate::error::ConfigError;
use crate::regions;

/// The profile used when neither `--profile` nor `default_profile` names one.
const FALLBACK_PROFILE: &str = "default";

/// Huawei Cloud SDK variables that carry credentials and the project.
pub const ENV_AK: &str = "HUAWEICLOUD_SDK_AK";
pub const ENV_SK: &str = "HUAWEICLOUD_SDK_SK";
pub const ENV_SECURITY_TOKEN: &str = "HUAWEICLOUD_SDK_SECURITY_TOKEN";
pub const ENV_PROJECT_ID: &str = "HUAWEICLOUD_SDK_PROJECT_ID";

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    default_profile: Option<String>,
    #[serde(default)]
    profiles: BTreeMap<String, Profile>,
}

/// One `[profiles.NAME]` table. Every key is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    region: Option<String>,
    endpoint: Option<String>,
    project_id: Option<String>,
    dataset_id: Option<String>,
    access_key: Option<String>,
    secret_key: Option<SecretString>,
    security_token: Option<SecretString>,
    offset_mode: Option<OffsetMode>,
    #[serde(default, deserialize_with = "concurrency")]
    concurrency: Option<u32>,
}

/// The range `--concurrency` accepts, checked here so the file's error names the line.
pub const CONCURRENCY_RANGE: std::ops::RangeInclusive<u32> = 1..=32;

fn concurrency<'de, D: serde::Deserializer<'de>>(de: D) -> Result<Option<u32>, D::Error> {
    let value = u32::deserialize(de)?;
    if CONCURRENCY_RANGE.contains(&value) {
        Ok(Some(value))
    } else {
        Err(serde::de::Error::custom(format!(
            "{value} is out of range: concurrency is 1 to 32"
        )))
    }
}

/// Keys whose values must never be echoed, even in an error about their type.
const SECRET_KEYS: &[&str] = &["secret_key", "security_token"];

/// Everything a command needs to talk to the API.
#[derive(Debug)]
pub struct Settings {
    pub endpoint: Endpoint,
    pub project_id: String,
    pub credentials: Credentials,
    /// The profile's `dataset_id`, the last fallback for `--dataset`.
    pub dataset_id: Option<String>,
    pub offset_mode: OffsetMode,
    /// The profile's `concurrency`, the fallback for `--concurrency`.
    pub concurrency: Option<u32>,
}

/// `<config dir>/matasks/config.toml`, where the platform has a config dir.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "matasks")
        .map(|dirs| dirs.config_dir().join("config.toml"))
}

/// The config file, read and checked, and where it came from.
struct Loaded {
    path: Option<PathBuf>,
    file: ConfigFile,
}

fn load(explicit: Option<&Path>) -> Result<Loaded, ConfigError> {
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
    let text = match fs::read_to_string(&path) {
        Ok(text) => text,
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
    let file = parse(&path, &text)?;
    Ok(Loaded {
        path: Some(path),
        file,
    })
}

fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

/// Parse the file, turning any error into one that names the file, line and key.
fn parse(path: &Path, text: &str) -> Result<ConfigFile, ConfigError> {
    let located = |span: Option<std::ops::Range<usize>>| match span {
        Some(span) => {
            let (line, column) = line_and_column(text, span.start);
            format!("{}, line {line}, column {column}", path.display())
        }
        None => path.display().to_string(),
    };
    let deserializer = toml::Deserializer::parse(text).map_err(|e| {
        ConfigError(format!(
            "invalid config file {}: {}",
            located(e.span()),
            e.message().trim_end()
        ))
    })?;
    serde_path_to_error::deserialize(deserializer).map_err(|e| {
        let key = e.path().to_string();
        let last = key.rsplit('.').next().unwrap_or_default();
        let message = if SECRET_KEYS.contains(&last) {
            "must be a string".to_string()
        } else {
            e.inner().message().trim_end().to_string()
        };
        ConfigError(format!(
            "invalid config file {}: key `{key}`: {message}",
            located(e.inner().span())
        ))
    })
}

fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[..end];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, column)
}

/// Reads one environment variable; empty values count as unset.
pub type EnvLookup<'a> = &'a dyn Fn(&str) -> Option<String>;

pub fn process_env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// Merge flags (with their `MATASKS_*` fallbacks, which clap has applied), the SDK
/// environment variables and the selected profile.
pub fn resolve(global: &GlobalArgs, env: EnvLookup<'_>) -> Result<Settings, ConfigError> {
    let mut loaded = load(global.config.as_deref())?;
    let (profile_name, profile) = select_profile(&mut loaded, global.profile.as_deref())?;
    let where_ = describe_profile(&loaded, &profile_name);

    let endpoint = resolve_endpoint(global, &profile, &where_)?;
    let (project_id, source) = if let Some(id) = non_empty(global.project_id.clone()) {
        (id, "--project-id or MATASKS_PROJECT_ID".to_string())
    } else if let Some(id) = env(ENV_PROJECT_ID) {
        (id, ENV_PROJECT_ID.to_string())
    } else if let Some(id) = non_empty(profile.project_id) {
        (id, format!("`project_id` in {where_}"))
    } else {
        return Err(ConfigError(format!(
            "no project ID: pass --project-id, or set MATASKS_PROJECT_ID or \
             {ENV_PROJECT_ID}, or `project_id` in {where_}"
        )));
    };
    let project_id = header_value(&project_id, &source)?;
    // These would be read as path steps, not as a project.
    if matches!(project_id.as_str(), "." | "..") {
        return Err(ConfigError(format!("{source} is not a project ID")));
    }
    let profile_credentials = ProfileCredentials {
        access_key: non_empty(profile.access_key),
        secret_key: profile.secret_key,
        security_token: profile.security_token,
    };
    let credentials = resolve_credentials(&loaded, &where_, profile_credentials, env)?;

    Ok(Settings {
        endpoint,
        project_id,
        credentials,
        dataset_id: non_empty(profile.dataset_id),
        offset_mode: profile.offset_mode.unwrap_or_default(),
        concurrency: profile.concurrency,
    })
}

fn non_empty(value: Option<String>) -> Option<String> {
    value.filter(|v| !v.trim().is_empty())
}

/// Take the chosen profile out of the file: `--profile`, else `default_profile`, else
/// "default", which alone may be absent (environment-only setups have no file).
fn select_profile(
    loaded: &mut Loaded,
    requested: Option<&str>,
) -> Result<(String, Profile), ConfigError> {
    let (name, source) = match (requested, &loaded.file.default_profile) {
        (Some(name), _) => (name.to_string(), Some("--profile or MATASKS_PROFILE")),
        (None, Some(name)) => (name.clone(), Some("default_profile")),
        (None, None) => (FALLBACK_PROFILE.to_string(), None),
    };
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

fn resolve_endpoint(
    global: &GlobalArgs,
    profile: &Profile,
    where_: &str,
) -> Result<Endpoint, ConfigError> {
    let from_region = |region: &str| {
        regions::endpoint(region).ok_or_else(|| {
            ConfigError(format!(
                "unknown region `{region}`; known regions: {}. For another cloud, set \
                 `endpoint` (or --endpoint) to its ModelArts URL",
                regions::known().join(", ")
            ))
        })
    };
    let url = if let Some(url) = non_empty(global.endpoint.clone()) {
        url
    } else if let Some(region) = non_empty(global.region.clone()) {
        from_region(&region)?
    } else if let Some(url) = non_empty(profile.endpoint.clone()) {
        url
    } else if let Some(region) = non_empty(profile.region.clone()) {
        from_region(&region)?
    } else {
        return Err(ConfigError(format!(
            "no endpoint: pass --region or --endpoint, or set MATASKS_REGION or \
             MATASKS_ENDPOINT, or `region` or `endpoint` in {where_}"
        )));
    };
    let endpoint = Endpoint::parse(&url).map_err(|reason| {
        ConfigError(format!(
            "invalid endpoint `{}`: {reason}",
            without_userinfo(&url)
        ))
    })?;
    if endpoint.is_plain_http_to_another_host() {
        crate::term::warn(&format!(
            "the endpoint {endpoint} is plain http: requests, and any security token, \
             travel unencrypted"
        ));
    }
    Ok(endpoint)
}

/// A URL as it may be shown: any `user:password@` replaced.
fn without_userinfo(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            format!("{}://***{}", &url[..scheme_end], &url[at..])
        }
        _ => url.to_string(),
    }
}

/// Credentials as the profile holds them.
struct ProfileCredentials {
    access_key: Option<String>,
    secret_key: Option<SecretString>,
    security_token: Option<SecretString>,
}

/// The SDK variables win over the profile, and a key pair always comes whole from one
/// place: a security token from one source never signs with a key from the other.
fn resolve_credentials(
    loaded: &Loaded,
    where_: &str,
    profile: ProfileCredentials,
    env: EnvLookup<'_>,
) -> Result<Credentials, ConfigError> {
    match (env(ENV_AK), env(ENV_SK)) {
        (Some(access_key), Some(secret_key)) => {
            let token = env(ENV_SECURITY_TOKEN)
                .map(|t| header_value(&t, ENV_SECURITY_TOKEN))
                .transpose()?;
            return Ok(Credentials {
                access_key: header_value(&access_key, ENV_AK)?,
                secret_key: secret_key.into(),
                security_token: token.map(Into::into),
            });
        }
        (Some(_), None) => {
            return Err(ConfigError(format!(
                "{ENV_AK} is set but {ENV_SK} is not: set both, or neither to use the profile"
            )));
        }
        (None, Some(_)) => {
            return Err(ConfigError(format!(
                "{ENV_SK} is set but {ENV_AK} is not: set both, or neither to use the profile"
            )));
        }
        (None, None) => {}
    }
    match (profile.access_key, profile.secret_key) {
        (Some(access_key), Some(secret_key)) => {
            if env(ENV_SECURITY_TOKEN).is_some() {
                crate::term::warn(&format!(
                    "{ENV_SECURITY_TOKEN} is ignored: it belongs with {ENV_AK} and {ENV_SK}, \
                     and the access key comes from {where_}"
                ));
            }
            warn_if_readable_by_others(loaded);
            let token = profile
                .security_token
                .map(|t| header_value(t.expose_secret(), &format!("`security_token` in {where_}")))
                .transpose()?;
            Ok(Credentials {
                access_key: header_value(&access_key, &format!("`access_key` in {where_}"))?,
                secret_key,
                security_token: token.map(Into::into),
            })
        }
        (Some(_), None) => Err(ConfigError(format!(
            "`access_key` is set but `secret_key` is missing in {where_}"
        ))),
        (None, Some(_)) => Err(ConfigError(format!(
            "`secret_key` is set but `access_key` is missing in {where_}"
        ))),
        (None, None) => Err(ConfigError(format!(
            "no credentials: set {ENV_AK} and {ENV_SK}, or `access_key` and `secret_key` \
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

/// Like ssh, point out a secret key stored in a file that others can read.
fn warn_if_readable_by_others(loaded: &Loaded) {
    #[cfg(unix)]
    if let Some(path) = &loaded.path {
        use std::os::unix::fs::PermissionsExt;
        if let Ok(meta) = fs::metadata(path) {
            let mode = meta.permissions().mode() & 0o777;
            if mode & 0o077 != 0 {
                crate::term::warn(&format!(
                    "{} holds a secret key and is readable by others (mode {mode:o}); \
                     run: chmod 600 {}",
                    path.display(),
                    path.display()
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::ColorChoice;

    fn global(config: &Path) -> GlobalArgs {
        GlobalArgs {
            profile: None,
            config: Some(config.to_path_buf()),
            endpoint: None,
            region: None,
            project_id: None,
            color: ColorChoice::Never,
            verbose: 0,
        }
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
        let parsed = parse(path, include_str!("../config.example.toml")).unwrap();
        assert_eq!(parsed.default_profile.as_deref(), Some("prod"));
        let prod = &parsed.profiles["prod"];
        assert_eq!(prod.region.as_deref(), Some("cn-north-4"));
        assert!(prod.project_id.is_some() && prod.dataset_id.is_some());
        assert!(prod.access_key.is_some() && prod.secret_key.is_some());
        assert!(parsed.profiles["otc"].endpoint.is_some());
        // Every key a profile accepts is documented in the example.
        let text = include_str!("../config.example.toml");
        for key in [
            "default_profile",
            "offset_mode",
            "concurrency",
            "region",
            "endpoint",
            "project_id",
            "dataset_id",
            "access_key",
            "secret_key",
            "security_token",
        ] {
            assert!(
                text.contains(&format!("\n{key} = ")) || text.contains(&format!("# {key} = ")),
                "{key}"
            );
        }
    }

    #[test]
    fn errors_name_file_line_and_key() {
        let path = Path::new("/etc/m.toml");
        let err = parse(path, "[profiles.a]\nregion = \"x\"\nregon = \"y\"\n")
            .unwrap_err()
            .0;
        assert!(err.starts_with("invalid config file /etc/m.toml, line 3, column 1: key `profiles.a.regon`: unknown field `regon`"), "{err}");
        let err = parse(path, "[profiles.a]\n\nproject_id = 42\n")
            .unwrap_err()
            .0;
        assert_eq!(
            err,
            "invalid config file /etc/m.toml, line 3, column 14: key `profiles.a.project_id`: invalid type: integer `42`, expected a string"
        );
        let err = parse(path, "default_profile = \"a\"\n[profiles.a\n")
            .unwrap_err()
            .0;
        assert!(
            err.starts_with("invalid config file /etc/m.toml, line 2, column "),
            "{err}"
        );
        let err = parse(path, "profile = 1\n").unwrap_err().0;
        assert!(
            err.contains("line 1, column 1: key `profile`: unknown field"),
            "{err}"
        );
    }

    #[test]
    fn paging_keys_are_checked() {
        let path = Path::new("c.toml");
        let ok = parse(
            path,
            "[profiles.a]\noffset_mode = \"record\"\nconcurrency = 32\n",
        )
        .unwrap();
        assert_eq!(ok.profiles["a"].offset_mode, Some(OffsetMode::Record));
        assert_eq!(ok.profiles["a"].concurrency, Some(32));
        let err = parse(path, "[profiles.a]\nconcurrency = 0\n")
            .unwrap_err()
            .0;
        assert_eq!(
            err,
            "invalid config file c.toml, line 2, column 15: key `profiles.a.concurrency`: 0 is out of range: concurrency is 1 to 32"
        );
        let err = parse(path, "[profiles.a]\nconcurrency = 33\n")
            .unwrap_err()
            .0;
        assert!(err.contains("33 is out of range"), "{err}");
        let err = parse(path, "[profiles.a]\noffset_mode = \"rows\"\n")
            .unwrap_err()
            .0;
        assert!(err.starts_with("invalid config file c.toml, line 2, column 15: key `profiles.a.offset_mode`: unknown variant `rows`, expected `page` or `record`"), "{err}");
    }

    #[test]
    fn secret_values_are_never_quoted_in_errors() {
        let err = parse(
            Path::new("c.toml"),
            "[profiles.a]\nsecret_key = 123456789\n",
        )
        .unwrap_err()
        .0;
        assert!(
            err.contains("key `profiles.a.secret_key`: must be a string"),
            "{err}"
        );
        assert!(!err.contains("123456789"));
        let err = parse(
            Path::new("c.toml"),
            "[profiles.a]\nsecurity_token = [\"tok-secret\"]\n",
        )
        .unwrap_err()
        .0;
        assert!(!err.contains("tok-secret"), "{err}");
    }

    #[test]
    fn line_and_column_count_characters() {
        assert_eq!(line_and_column("ab\ncdé\nf", 0), (1, 1));
        assert_eq!(line_and_column("ab\ncdé\nf", 3), (2, 1));
        assert_eq!(line_and_column("ab\ncdé\nf", 8), (3, 1));
        assert_eq!(line_and_column("ab\ncdé\nf", 6), (2, 3));
    }

    const FULL: &str = "default_profile = \"p\"\n[profiles.p]\nregion = \"cn-north-4\"\nproject_id = \"proj-p\"\n\
        dataset_id = \"ds-p\"\naccess_key = \"AKP\"\nsecret_key = \"SKP\"\n\
        [profiles.q]\nendpoint = \"https://q.example:8443/x\"\nregion = \"cn-north-1\"\nproject_id = \"proj-q\"\naccess_key = \"AKQ\"\nsecret_key = \"SKQ\"\nsecurity_token = \"TQ\"\n";

    #[test]
    fn default_profile_and_region_endpoint() {
        let (_dir, path) = file(FULL);
        let s = resolve(&global(&path), &no_env).unwrap();
        assert_eq!(
            s.endpoint.to_string(),
            "https://modelarts.cn-north-4.myhuaweicloud.com"
        );
        assert_eq!(s.project_id, "proj-p");
        assert_eq!(s.dataset_id.as_deref(), Some("ds-p"));
        assert_eq!(s.credentials.access_key, "AKP");
        assert_eq!(s.credentials.secret_key.expose_secret(), "SKP");
        assert!(s.credentials.security_token.is_none());
    }

    #[test]
    fn profile_endpoint_wins_over_its_region_and_flags_win_over_both() {
        let (_dir, path) = file(FULL);
        let mut g = global(&path);
        g.profile = Some("q".into());
        let s = resolve(&g, &no_env).unwrap();
        assert_eq!(s.endpoint.to_string(), "https://q.example:8443/x");
        assert_eq!(s.credentials.security_token.unwrap().expose_secret(), "TQ");
        g.region = Some("ap-southeast-1".into());
        let s = resolve(&g, &no_env).unwrap();
        assert_eq!(
            s.endpoint.to_string(),
            "https://modelarts.ap-southeast-1.myhuaweicloud.cn"
        );
        g.endpoint = Some("http://127.0.0.1:9".into());
        g.project_id = Some("proj-flag".into());
        let s = resolve(&g, &no_env).unwrap();
        assert_eq!(s.endpoint.to_string(), "http://127.0.0.1:9");
        assert_eq!(s.project_id, "proj-flag");
    }

    #[test]
    fn sdk_environment_wins_over_the_profile_as_a_whole() {
        let (_dir, path) = file(FULL);
        let mut g = global(&path);
        g.profile = Some("q".into());
        let env = |name: &str| match name {
            ENV_AK => Some("AKENV".to_string()),
            ENV_SK => Some("SKENV".to_string()),
            ENV_PROJECT_ID => Some("proj-env".to_string()),
            _ => None,
        };
        let s = resolve(&g, &env).unwrap();
        assert_eq!(s.credentials.access_key, "AKENV");
        assert_eq!(s.credentials.secret_key.expose_secret(), "SKENV");
        // The profile's token belongs to the profile's key, not to the environment's.
        assert!(s.credentials.security_token.is_none());
        assert_eq!(s.project_id, "proj-env");
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
        let err = resolve(&global(&path), &no_env).unwrap_err().0;
        assert!(err.starts_with("no project ID"), "{err}");
        let (_dir, path) =
            file("[profiles.default]\nregion = \"cn-north-4\"\nproject_id = \"p\"\n");
        let err = resolve(&global(&path), &no_env).unwrap_err().0;
        assert!(err.starts_with("no credentials: set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK, or `access_key` and `secret_key` in profile `default` of"), "{err}");
        let (_dir, path) = file("[profiles.default]\nproject_id = \"p\"\n");
        let err = resolve(&global(&path), &no_env).unwrap_err().0;
        assert!(err.starts_with("no endpoint"), "{err}");
        let (_dir, path) = file("[profiles.default]\nregion = \"eu-de\"\n");
        let err = resolve(&global(&path), &no_env).unwrap_err().0;
        assert!(
            err.starts_with("unknown region `eu-de`; known regions: af-north-1, af-south-1,"),
            "{err}"
        );
        assert!(err.contains("cn-north-4") && err.contains("me-east-1"));
        let (_dir, path) = file("[profiles.default]\nendpoint = \"modelarts.example\"\n");
        let err = resolve(&global(&path), &no_env).unwrap_err().0;
        assert!(
            err.starts_with("invalid endpoint `modelarts.example`"),
            "{err}"
        );
    }

    #[test]
    fn a_named_profile_must_exist() {
        let (_dir, path) = file(FULL);
        let mut g = global(&path);
        g.profile = Some("nope".into());
        let err = resolve(&g, &no_env).unwrap_err().0;
        assert!(
            err.starts_with("profile `nope` (from --profile or MATASKS_PROFILE) not found in "),
            "{err}"
        );
        assert!(err.ends_with("(profiles: p, q)"), "{err}");
        let (_dir, path) = file("default_profile = \"gone\"\n");
        let err = resolve(&global(&path), &no_env).unwrap_err().0;
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
        let s = resolve(&global(&path), &no_env).unwrap();
        assert_eq!(s.project_id, "p");
        assert_eq!(s.credentials.access_key, "AK");
        assert_eq!(s.credentials.security_token.unwrap().expose_secret(), "TOK");
        let env = |name: &str| match name {
            ENV_AK => Some("AK".to_string()),
            ENV_SK => Some("SK".to_string()),
            ENV_SECURITY_TOKEN => Some("TOK\nSECRET".to_string()),
            _ => None,
        };
        let err = resolve(&global(&path), &env).unwrap_err().0;
        assert_eq!(
            err,
            "HUAWEICLOUD_SDK_SECURITY_TOKEN contains a control character (a stray newline?)"
        );
        let mut g = global(&path);
        g.project_id = Some("..".into());
        assert!(
            resolve(&g, &no_env)
                .unwrap_err()
                .0
                .contains("is not a project ID")
        );
    }

    #[test]
    fn endpoint_passwords_are_not_shown() {
        assert_eq!(
            without_userinfo("https://u:pw@h.example/x"),
            "https://***@h.example/x"
        );
        assert_eq!(without_userinfo("https://h.example"), "https://h.example");
        let (_dir, path) = file("[profiles.default]\nendpoint = \"https://u:PASSW0RD@h\"\n");
        let err = resolve(&global(&path), &no_env).unwrap_err().0;
        assert!(!err.contains("PASSW0RD"), "{err}");
    }

    #[test]
    fn an_explicit_config_file_must_exist() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing.toml");
        let err = resolve(&global(&path), &no_env).unwrap_err().0;
        assert_eq!(
            err,
            format!("cannot read config file {}: no such file", path.display())
        );
    }
}
