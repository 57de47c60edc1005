//! Where a secret comes from: the file itself, a command, or an environment variable.
//!
//! A secret is only fetched when a request needs it, so a cached token spares the
//! password command (and the passphrase prompt it may show).

use std::fmt;
use std::process::{Command, Stdio};

use secrecy::{ExposeSecret, SecretString};

use super::EnvLookup;
use crate::util::error::ConfigError;

#[derive(Clone)]
pub enum SecretSource {
    /// The value itself, from the file or from a variable matasks reads.
    Value(SecretString),
    /// `<key>_command`: a program and its arguments, run without a shell.
    Command(String),
    /// `<key>_env`: the name of a variable holding the value.
    Env(String),
}

/// A secret of one profile key, such as `secret_key`, and where to get it.
#[derive(Clone)]
pub struct Secret {
    /// The key it is for, e.g. `secret_key`.
    pub key: &'static str,
    pub source: SecretSource,
    /// Where the source was configured, e.g. "profile `p` of /etc/m.toml" or
    /// "HUAWEICLOUD_SDK_SK".
    pub origin: String,
    /// Whether the source is a key of the config file (else a variable matasks reads).
    pub in_file: bool,
}

// Written by hand so that no secret can reach a log through `{:?}`.
impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Secret({} from {})", self.key, self.describe())
    }
}

impl Secret {
    /// A value given directly, as by an environment variable the SDKs define.
    pub fn value(key: &'static str, value: SecretString, origin: impl Into<String>) -> Secret {
        Secret {
            key,
            source: SecretSource::Value(value),
            origin: origin.into(),
            in_file: false,
        }
    }

    /// The profile's source for `key`, from `key`, `key_command` or `key_env`, of
    /// which at most one may be set.
    pub fn from_profile(
        key: &'static str,
        value: Option<SecretString>,
        command: Option<String>,
        env: Option<String>,
        where_: &str,
    ) -> Result<Option<Secret>, ConfigError> {
        let mut given: Vec<(String, SecretSource)> = Vec::new();
        if let Some(value) = value {
            given.push((key.to_string(), SecretSource::Value(value)));
        }
        if let Some(command) = command {
            given.push((format!("{key}_command"), SecretSource::Command(command)));
        }
        if let Some(var) = env {
            given.push((format!("{key}_env"), SecretSource::Env(var)));
        }
        if given.len() > 1 {
            let names: Vec<String> = given.iter().map(|(n, _)| format!("`{n}`")).collect();
            return Err(ConfigError(format!(
                "`{key}` has more than one source in {where_} ({}): keep one",
                names.join(", ")
            )));
        }
        Ok(given.pop().map(|(_, source)| Secret {
            key,
            source,
            origin: where_.to_string(),
            in_file: true,
        }))
    }

    /// The setting that provides the secret, for messages and `config show`.
    pub fn describe(&self) -> String {
        if !self.in_file {
            return self.origin.clone();
        }
        match &self.source {
            SecretSource::Value(_) => format!("`{}` in {}", self.key, self.origin),
            SecretSource::Command(command) => {
                let program = program_name(command);
                format!("`{}_command` (runs {program}) in {}", self.key, self.origin)
            }
            SecretSource::Env(var) => {
                format!("`{}_env` (variable {var}) in {}", self.key, self.origin)
            }
        }
    }

    /// The source in a few words, for `config show`: "env HUAWEICLOUD_SDK_SK",
    /// "file (secret_key_command: runs `pass`)".
    pub fn short_source(&self) -> String {
        if !self.in_file {
            return format!("env {}", self.origin);
        }
        match &self.source {
            SecretSource::Value(_) => format!("file ({})", self.key),
            SecretSource::Command(command) => {
                format!(
                    "file ({}_command: runs {})",
                    self.key,
                    program_name(command)
                )
            }
            SecretSource::Env(var) => format!("file ({}_env: {var})", self.key),
        }
    }

    /// Fetch the value: trimmed, never empty, and without control characters (it may
    /// travel in a header). Errors name the key and the source, never the value.
    pub fn reveal(&self, env: EnvLookup<'_>) -> Result<SecretString, ConfigError> {
        let key = self.key;
        let origin = &self.origin;
        let raw: SecretString = match &self.source {
            SecretSource::Value(value) => value.clone(),
            SecretSource::Env(var) => env(var).map(SecretString::from).ok_or_else(|| {
                ConfigError(format!(
                    "`{key}_env` in {origin} names {var}, which is not set or empty"
                ))
            })?,
            SecretSource::Command(command) => run_command(key, command, origin)?,
        };
        let trimmed = raw.expose_secret().trim();
        if trimmed.is_empty() {
            return Err(ConfigError(format!(
                "{} gave an empty {key}",
                self.describe()
            )));
        }
        if trimmed.chars().any(char::is_control) {
            return Err(ConfigError(format!(
                "the {key} from {} contains a control character (more than one line?)",
                self.describe()
            )));
        }
        Ok(SecretString::from(trimmed.to_string()))
    }
}

/// The program a command line runs, for messages (its arguments may say too much).
pub fn program_name(command: &str) -> String {
    shlex::split(command)
        .and_then(|argv| argv.into_iter().next())
        .map(|p| format!("`{p}`"))
        .unwrap_or_else(|| "a command".to_string())
}

/// Run `<key>_command` without a shell: stdin and stderr stay the user's (for a
/// passphrase prompt), stdout is the secret.
fn run_command(key: &str, command: &str, origin: &str) -> Result<SecretString, ConfigError> {
    let setting = format!("`{key}_command` in {origin}");
    let argv = shlex::split(command).ok_or_else(|| {
        ConfigError(format!(
            "{setting} cannot be split into words (an unclosed quote?)"
        ))
    })?;
    let Some((program, args)) = argv.split_first() else {
        return Err(ConfigError(format!("{setting} is empty")));
    };
    let output = Command::new(program)
        .args(args)
        .stdin(Stdio::inherit())
        .stderr(Stdio::inherit())
        .stdout(Stdio::piped())
        .output()
        .map_err(|e| {
            let reason = match e.kind() {
                std::io::ErrorKind::NotFound => "no such program".to_string(),
                std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
                _ => e.to_string(),
            };
            ConfigError(format!("{setting}: cannot run `{program}`: {reason}"))
        })?;
    if !output.status.success() {
        let how = match output.status.code() {
            Some(code) => format!("exited with status {code}"),
            None => "was killed by a signal".to_string(),
        };
        return Err(ConfigError(format!("{setting}: `{program}` {how}")));
    }
    let text = String::from_utf8(output.stdout).map_err(|_| {
        ConfigError(format!(
            "{setting}: `{program}` printed something not UTF-8"
        ))
    })?;
    Ok(SecretString::from(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_env(_: &str) -> Option<String> {
        None
    }

    fn source(key: &'static str, source: SecretSource) -> Secret {
        Secret {
            key,
            source,
            origin: "profile `p`".into(),
            in_file: true,
        }
    }

    #[test]
    fn one_source_per_secret() {
        let err = Secret::from_profile(
            "password",
            Some("pw".into()),
            Some("pass show x".into()),
            None,
            "profile `p`",
        )
        .unwrap_err()
        .0;
        assert_eq!(
            err,
            "`password` has more than one source in profile `p` (`password`, `password_command`): keep one"
        );
        assert!(
            Secret::from_profile("password", None, None, None, "p")
                .unwrap()
                .is_none()
        );
    }

    #[cfg(unix)]
    #[test]
    fn commands_run_without_a_shell_and_are_trimmed() {
        let s = source(
            "secret_key",
            SecretSource::Command("printf '%s\\n' 'sk with  spaces'".into()),
        );
        assert_eq!(
            s.reveal(&no_env).unwrap().expose_secret(),
            "sk with  spaces"
        );
        // `$HOME` would be expanded by a shell.
        let s = source("secret_key", SecretSource::Command("echo $HOME".into()));
        assert_eq!(s.reveal(&no_env).unwrap().expose_secret(), "$HOME");
    }

    #[cfg(unix)]
    #[test]
    fn command_failures_name_the_key_never_the_output() {
        let s = source(
            "password",
            SecretSource::Command("sh -c 'echo hunter2-secret; exit 3'".into()),
        );
        let err = s.reveal(&no_env).unwrap_err().0;
        assert_eq!(
            err,
            "`password_command` in profile `p`: `sh` exited with status 3"
        );
        let s = source("password", SecretSource::Command("true".into()));
        let err = s.reveal(&no_env).unwrap_err().0;
        assert_eq!(
            err,
            "`password_command` (runs `true`) in profile `p` gave an empty password"
        );
        let s = source(
            "password",
            SecretSource::Command("/nonexistent/matasks-helper".into()),
        );
        let err = s.reveal(&no_env).unwrap_err().0;
        assert!(err.ends_with("cannot run `/nonexistent/matasks-helper`: no such program"));
        let s = source("password", SecretSource::Command("pass 'show".into()));
        assert!(s.reveal(&no_env).unwrap_err().0.contains("unclosed quote"));
        let s = source(
            "auth_token",
            SecretSource::Command("printf 'a-secret\\nb-secret'".into()),
        );
        let err = s.reveal(&no_env).unwrap_err().0;
        assert!(
            err.contains("control character") && !err.contains("a-secret"),
            "{err}"
        );
    }

    #[test]
    fn variables_are_read_and_must_be_set() {
        let env = |name: &str| (name == "MY_SK").then(|| " sk-from-env \n".to_string());
        let s = source("secret_key", SecretSource::Env("MY_SK".into()));
        assert_eq!(s.reveal(&env).unwrap().expose_secret(), "sk-from-env");
        let s = source("secret_key", SecretSource::Env("OTHER".into()));
        assert_eq!(
            s.reveal(&env).unwrap_err().0,
            "`secret_key_env` in profile `p` names OTHER, which is not set or empty"
        );
        assert!(!format!("{s:?}").contains("sk-from-env"));
    }
}
