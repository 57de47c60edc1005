//! `matasks config regions`: the known regions and their ModelArts endpoints.

use std::io::{self, Write};

use anyhow::{Context, Result};

use crate::settings::regions;

pub fn run() -> Result<()> {
    let known = regions::known();
    let width = known.iter().map(|r| r.len()).max().unwrap_or(0);
    let mut out = io::stdout().lock();
    for region in known {
        let endpoint = regions::endpoint(region).unwrap_or_default();
        writeln!(out, "{region:<width$}  {endpoint}").context("cannot write to stdout")?;
    }
    out.flush().context("cannot write to stdout")
}
