//! `matasks config list`: the profiles, marking the default and the one in effect.

use std::io::{self, Write};

use anyhow::{Context, Result};

use super::file_path;
use crate::settings::{self, Overrides};
use crate::util::term;
use crate::util::text;

pub fn run(overrides: &Overrides) -> Result<()> {
    let loaded = settings::load(overrides.config.as_deref())?;
    let (in_effect, _) = settings::profile_name(overrides, &loaded.file);
    let default = loaded
        .file
        .default_profile
        .clone()
        .unwrap_or_else(|| settings::FALLBACK_PROFILE.to_string());
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
            file_path(overrides)?.display()
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
