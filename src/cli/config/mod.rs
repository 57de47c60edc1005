//! `matasks config`: where the file is, its profiles, the settings in effect, and
//! changes to them; a command per file.

mod check;
mod init;
mod list;
mod path;
mod profiles;
mod prompt;
mod regions;
mod set;
mod show;

use anyhow::Result;
use clap::Subcommand;

use crate::cli::GlobalArgs;
use crate::settings::{self, Overrides};
use crate::util::error::ConfigError;
use crate::util::term;

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print the config file's path (and say on stderr if it does not exist yet)
    Path,

    /// List the profiles, marking the default and the one in effect
    List,

    /// Print the profile names, one a line: what completion scripts offer after
    /// --profile
    #[command(hide = true)]
    Profiles,

    /// Show the settings in effect and where each comes from; secrets are masked
    Show,

    /// List the known regions, each with its ModelArts endpoint (another cloud's region
    /// needs `endpoint` set)
    Regions,

    /// Set one key of the profile (creating file and profile as needed), keeping the
    /// file's comments and layout
    #[command(
        after_help = "A secret (secret_key, security_token, auth_token, password) is \
        read from stdin, without echo on a terminal, and never taken from the command line, \
        where it would stay in the shell's history. Setting one source of a secret (KEY, \
        KEY_command, KEY_env) removes the others."
    )]
    Set(set::SetArgs),

    /// Remove one key from the profile
    Unset(set::UnsetArgs),

    /// Create a profile: interactively on a terminal, or from flags
    Init(Box<init::InitArgs>),

    /// Make one cheap authenticated request and report whether the settings work: one
    /// task of the dataset, or without a dataset, one dataset of the project
    #[command(visible_alias = "test")]
    Check(check::CheckArgs),
}

pub async fn run(global: &GlobalArgs, command: &ConfigCommand) -> Result<()> {
    let overrides = &global.overrides();
    match command {
        ConfigCommand::Path => path::run(overrides),
        ConfigCommand::List => list::run(overrides),
        ConfigCommand::Profiles => profiles::run(overrides),
        ConfigCommand::Show => show::run(overrides),
        ConfigCommand::Regions => regions::run(),
        ConfigCommand::Set(args) => set::set(overrides, args),
        ConfigCommand::Unset(args) => set::unset(overrides, args),
        ConfigCommand::Init(args) => init::run(overrides, args),
        ConfigCommand::Check(args) => check::run(overrides, args).await,
    }
}

/// The file `config` commands read and write.
fn file_path(overrides: &Overrides) -> Result<std::path::PathBuf, ConfigError> {
    settings::path_in_effect(overrides).ok_or_else(|| {
        ConfigError(
            "this platform has no config directory: pass --config PATH or set MATASKS_CONFIG"
                .to_string(),
        )
    })
}

/// After a change, say whether the profile can be used, without running any command
/// or connecting.
pub(super) fn report_unusable(overrides: &Overrides, path: &std::path::Path, profile: &str) {
    let mut check = overrides.clone();
    check.config = Some(path.to_path_buf());
    check.profile = Some(profile.to_string());
    if let Err(e) = settings::resolve_quietly(&check, &settings::process_env) {
        term::note(&format!("profile `{profile}` cannot be used yet: {e}"));
    }
}
