//! `matasks config profiles`: the config file's profile names, one a line, for the
//! completion scripts to offer after `--profile`.

use std::io::{self, Write};

use anyhow::{Context, Result};

use crate::settings::{self, Overrides};
use crate::util::text;

pub fn run(overrides: &Overrides) -> Result<()> {
    let loaded = settings::load(overrides.config.as_deref())?;
    let mut out = io::stdout().lock();
    for name in loaded.file.profiles.keys() {
        writeln!(out, "{}", text::clean(name)).context("cannot write to stdout")?;
    }
    out.flush().context("cannot write to stdout")
}
