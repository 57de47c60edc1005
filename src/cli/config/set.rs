//! `matasks config set` and `unset`: one key of the profile, keeping the file's
//! comments and layout.

use anyhow::Result;
use clap::Args;

use super::{file_path, prompt, report_unusable};
use crate::settings::edit::{Editor, Value};
use crate::settings::{self, KeyKind, Overrides};
use crate::util::error::UsageError;
use crate::util::{term, text};

#[derive(Debug, Args)]
pub struct SetArgs {
    /// The key, e.g. region, secret_key_command, default_profile
    #[arg(value_parser = ConfigKey { known_only: true })]
    pub key: String,

    /// The value; for a secret, leave it out (or give `-`) to read it from stdin
    #[arg(allow_hyphen_values = true)]
    pub value: Option<String>,
}

#[derive(Debug, Args)]
pub struct UnsetArgs {
    /// The key to remove (also one the file should not have, to fix a typo)
    #[arg(value_parser = ConfigKey { known_only: false })]
    pub key: String,
}

/// A key of the config file. Unlike clap's own parser for a list of values, an error
/// never repeats what was typed unless it looks like a key: swapped arguments would put
/// a secret there.
#[derive(Clone)]
struct ConfigKey {
    /// Whether only the keys matasks knows are accepted (`unset` takes any, to remove
    /// a mistyped one).
    known_only: bool,
}

impl ConfigKey {
    fn keys() -> impl Iterator<Item = &'static str> {
        crate::settings::TOP_LEVEL_KEYS
            .iter()
            .copied()
            .chain(crate::settings::PROFILE_KEYS.iter().map(|(key, _)| *key))
    }
}

impl clap::builder::TypedValueParser for ConfigKey {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        _arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        let text = value.to_str().unwrap_or_default();
        let looks_like_a_key = !text.is_empty()
            && text.len() <= 32
            && text.bytes().all(|b| b.is_ascii_lowercase() || b == b'_');
        if ConfigKey::keys().any(|k| k == text) || (looks_like_a_key && !self.known_only) {
            return Ok(text.to_string());
        }
        let mut message = if looks_like_a_key {
            format!("`{text}` is not a config key")
        } else {
            "that is not a config key (what was typed is not shown: it may be a secret)".to_string()
        };
        if looks_like_a_key && let Some(close) = text::closest(text, ConfigKey::keys(), 0.8) {
            message.push_str(&format!("; did you mean `{close}`?"));
        }
        message.push_str(&format!(
            "\n\n  keys: {}\n",
            ConfigKey::keys().collect::<Vec<_>>().join(", ")
        ));
        Err(clap::Error::raw(clap::error::ErrorKind::InvalidValue, message).with_cmd(cmd))
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            ConfigKey::keys().map(clap::builder::PossibleValue::new),
        ))
    }
}

/// The profile `set` and `unset` change: `--profile`, else the one in effect.
/// Read from the document being edited, which may not pass every check yet.
fn target_profile(overrides: &Overrides, editor: &Editor) -> String {
    overrides
        .profile
        .clone()
        .or_else(|| editor.default_profile())
        .unwrap_or_else(|| settings::FALLBACK_PROFILE.to_string())
}

pub fn set(overrides: &Overrides, args: &SetArgs) -> Result<()> {
    let path = file_path(overrides)?;
    let kind = settings::key_kind(&args.key);
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
    let profile = target_profile(overrides, &editor);
    let top_level = settings::TOP_LEVEL_KEYS.contains(&args.key.as_str());
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
    report_unusable(overrides, &path, &profile);
    Ok(())
}

pub fn unset(overrides: &Overrides, args: &UnsetArgs) -> Result<()> {
    let path = file_path(overrides)?;
    let mut editor = Editor::open(&path)?;
    let profile = target_profile(overrides, &editor);
    let place = if settings::TOP_LEVEL_KEYS.contains(&args.key.as_str()) {
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
