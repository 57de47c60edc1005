//! The config file's shape, and parsing with errors that name the file, line and key.

use std::collections::BTreeMap;
use std::path::Path;

use secrecy::SecretString;
use serde::Deserialize;

use crate::domain::offsets::OffsetMode;
use crate::util::error::ConfigError;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    pub default_profile: Option<String>,
    #[serde(default)]
    pub profiles: BTreeMap<String, Profile>,
}

/// How requests are authenticated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum AuthMethod {
    /// Access key and secret key (SDK-HMAC-SHA256 signature), optionally temporary
    Aksk,
    /// A ready IAM token, sent as X-Auth-Token
    Token,
    /// IAM user name and password, exchanged for a token that is cached
    Password,
}

impl AuthMethod {
    pub fn name(self) -> &'static str {
        match self {
            AuthMethod::Aksk => "aksk",
            AuthMethod::Token => "token",
            AuthMethod::Password => "password",
        }
    }
}

/// One `[profiles.NAME]` table. Every key is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub auth: Option<AuthMethod>,
    pub region: Option<String>,
    pub endpoint: Option<String>,
    pub iam_endpoint: Option<String>,
    pub project_id: Option<String>,
    pub dataset_id: Option<String>,
    pub access_key: Option<String>,
    pub secret_key: Option<SecretString>,
    pub secret_key_command: Option<String>,
    pub secret_key_env: Option<String>,
    pub security_token: Option<SecretString>,
    pub security_token_command: Option<String>,
    pub security_token_env: Option<String>,
    pub auth_token: Option<SecretString>,
    pub auth_token_command: Option<String>,
    pub auth_token_env: Option<String>,
    pub username: Option<String>,
    pub domain: Option<String>,
    pub password: Option<SecretString>,
    pub password_command: Option<String>,
    pub password_env: Option<String>,
    pub offset_mode: Option<OffsetMode>,
    #[serde(default, deserialize_with = "concurrency")]
    pub concurrency: Option<u32>,
    #[serde(default, deserialize_with = "retries")]
    pub retries: Option<u32>,
    #[serde(default, deserialize_with = "duration")]
    pub connect_timeout: Option<std::time::Duration>,
    #[serde(default, deserialize_with = "duration")]
    pub request_timeout: Option<std::time::Duration>,
    pub ca_bundle: Option<std::path::PathBuf>,
    pub insecure: Option<bool>,
    #[serde(default, deserialize_with = "max_response_mib")]
    pub max_response_mib: Option<u32>,
}

fn retries<'de, D: serde::Deserializer<'de>>(de: D) -> Result<Option<u32>, D::Error> {
    let value = u32::deserialize(de)?;
    if value <= 10 {
        Ok(Some(value))
    } else {
        Err(serde::de::Error::custom(format!(
            "{value} is out of range: retries is 0 to 10"
        )))
    }
}

fn max_response_mib<'de, D: serde::Deserializer<'de>>(de: D) -> Result<Option<u32>, D::Error> {
    let value = u32::deserialize(de)?;
    if (1..=4096).contains(&value) {
        Ok(Some(value))
    } else {
        Err(serde::de::Error::custom(format!(
            "{value} is out of range: max_response_mib is 1 to 4096"
        )))
    }
}

fn duration<'de, D: serde::Deserializer<'de>>(
    de: D,
) -> Result<Option<std::time::Duration>, D::Error> {
    let text = String::deserialize(de)?;
    crate::util::duration::parse_duration(&text)
        .map(Some)
        .map_err(serde::de::Error::custom)
}

/// The secrets a profile can hold, each of which may come from a command or a variable.
pub const SECRET_KEYS: &[&str] = &["secret_key", "security_token", "auth_token", "password"];

/// What a value of a profile key looks like, for `config set`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyKind {
    Text,
    /// A URL: it may carry a user name and password (`https://user:pw@host`), so it is
    /// shown with them masked.
    Url,
    /// A command that prints a secret: its arguments may hold one (`printf %s SECRET`),
    /// so only its program is shown.
    Command,
    Secret,
    Integer,
    Bool,
}

/// Every key a profile accepts, in the order `config show` lists them.
pub const PROFILE_KEYS: &[(&str, KeyKind)] = &[
    ("auth", KeyKind::Text),
    ("region", KeyKind::Text),
    ("endpoint", KeyKind::Url),
    ("iam_endpoint", KeyKind::Url),
    ("project_id", KeyKind::Text),
    ("dataset_id", KeyKind::Text),
    ("access_key", KeyKind::Text),
    ("secret_key", KeyKind::Secret),
    ("secret_key_command", KeyKind::Command),
    ("secret_key_env", KeyKind::Text),
    ("security_token", KeyKind::Secret),
    ("security_token_command", KeyKind::Command),
    ("security_token_env", KeyKind::Text),
    ("auth_token", KeyKind::Secret),
    ("auth_token_command", KeyKind::Command),
    ("auth_token_env", KeyKind::Text),
    ("username", KeyKind::Text),
    ("domain", KeyKind::Text),
    ("password", KeyKind::Secret),
    ("password_command", KeyKind::Command),
    ("password_env", KeyKind::Text),
    ("offset_mode", KeyKind::Text),
    ("concurrency", KeyKind::Integer),
    ("retries", KeyKind::Integer),
    ("connect_timeout", KeyKind::Text),
    ("request_timeout", KeyKind::Text),
    ("ca_bundle", KeyKind::Text),
    ("insecure", KeyKind::Bool),
    ("max_response_mib", KeyKind::Integer),
];

/// The one key outside the profiles.
pub const TOP_LEVEL_KEYS: &[&str] = &["default_profile"];

pub fn key_kind(key: &str) -> Option<KeyKind> {
    PROFILE_KEYS
        .iter()
        .find(|(name, _)| *name == key)
        .map(|(_, kind)| *kind)
}

impl Profile {
    /// Whether the profile stores a secret value itself (rather than a way to get one).
    pub fn holds_plain_secret(&self) -> bool {
        self.secret_key.is_some()
            || self.security_token.is_some()
            || self.auth_token.is_some()
            || self.password.is_some()
    }
}

/// Check one value as the parser would read it under a profile: `toml_value` is TOML
/// text, e.g. `"token"` or `4`. The reason never quotes a secret.
pub fn check_profile_value(key: &str, toml_value: &str) -> Result<(), String> {
    let text = format!("{key} = {toml_value}\n");
    let de = toml::Deserializer::parse(&text).map_err(|e| e.message().trim_end().to_string())?;
    Profile::deserialize(de).map(|_| ()).map_err(|e| {
        if SECRET_KEYS.contains(&key) {
            "must be a string".to_string()
        } else {
            e.message().trim_end().to_string()
        }
    })
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

/// Parse the file, turning any error into one that names the file, line and key.
pub fn parse(path: &Path, text: &str) -> Result<ConfigFile, ConfigError> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_profile_field_is_a_listed_key() {
        // A key missing from PROFILE_KEYS could not be set with `config set`; one listed
        // but unknown to the parser would be refused by it.
        for (key, kind) in PROFILE_KEYS {
            let value = match kind {
                KeyKind::Integer => "4".to_string(),
                KeyKind::Bool => "true".to_string(),
                _ if key.ends_with("_timeout") => "\"10s\"".to_string(),
                _ if *key == "auth" => "\"token\"".to_string(),
                _ if *key == "offset_mode" => "\"page\"".to_string(),
                _ => "\"x\"".to_string(),
            };
            parse(Path::new("c"), &format!("[profiles.a]\n{key} = {value}\n"))
                .unwrap_or_else(|e| panic!("{key}: {e}"));
        }
        for key in SECRET_KEYS {
            assert_eq!(key_kind(key), Some(KeyKind::Secret));
            assert_eq!(key_kind(&format!("{key}_command")), Some(KeyKind::Command));
            assert!(key_kind(&format!("{key}_env")).is_some());
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
        let err = parse(path, "[profiles.a]\nauth = \"sso\"\n").unwrap_err().0;
        assert!(
            err.contains("unknown variant `sso`, expected one of `aksk`, `token`, `password`"),
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
        assert!(err.starts_with("invalid config file c.toml, line 2, column 15: key `profiles.a.offset_mode`: unknown variant `rows`, expected one of `auto`, `page`, `record`"), "{err}");
    }

    #[test]
    fn secret_values_are_never_quoted_in_errors() {
        for key in SECRET_KEYS {
            for value in ["123456789", "[\"tok-secret-123456789\"]"] {
                let err = parse(
                    Path::new("c.toml"),
                    &format!("[profiles.a]\n{key} = {value}\n"),
                )
                .unwrap_err()
                .0;
                assert!(
                    err.contains(&format!("key `profiles.a.{key}`: must be a string")),
                    "{err}"
                );
                assert!(!err.contains("123456789"), "{err}");
            }
        }
    }

    #[test]
    fn line_and_column_count_characters() {
        assert_eq!(line_and_column("ab\ncdé\nf", 0), (1, 1));
        assert_eq!(line_and_column("ab\ncdé\nf", 3), (2, 1));
        assert_eq!(line_and_column("ab\ncdé\nf", 8), (3, 1));
        assert_eq!(line_and_column("ab\ncdé\nf", 6), (2, 3));
    }
}
