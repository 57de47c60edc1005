//! `matasks config path`: the config file's path.

use std::io::{self, Write};

use anyhow::{Context, Result};

use super::file_path;
use crate::settings::Overrides;
use crate::util::term;

pub fn run(overrides: &Overrides) -> Result<()> {
    let path = file_path(overrides)?;
    let mut out = io::stdout().lock();
    writeln!(out, "{}", path.display()).context("cannot write to stdout")?;
    if !path.exists() {
        term::note(&format!(
            "{} does not exist yet; `matasks config init` creates it",
            path.display()
        ));
    }
    Ok(())
}
