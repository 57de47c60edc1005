//! Command-line definitions. Everything a user can type is declared here.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::model::TaskType;

/// List, inspect and wait for the intelligent tasks of ModelArts datasets.
///
/// Reads settings and credentials from a TOML profile (`matasks config init`
/// creates one; see also `config.example.toml`) or from the environment
/// variables of Huawei Cloud's official SDKs, authenticates with an access key
/// pair, an IAM token or a password, and prints the tasks as a table, JSON or
/// NDJSON.
#[derive(Debug, Parser)]
#[command(
    name = "matasks",
    version,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Args)]
pub struct GlobalArgs {
    /// Profile to use from the config file [default: the file's `default_profile`, else "default"]
    #[arg(long, global = true, env = "MATASKS_PROFILE", value_name = "NAME")]
    pub profile: Option<String>,

    /// Config file [default: <config dir>/matasks/config.toml]
    #[arg(long, global = true, env = "MATASKS_CONFIG", value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)
    #[arg(
        long,
        global = true,
        env = "MATASKS_ENDPOINT",
        hide_env_values = true,
        value_name = "URL"
    )]
    pub endpoint: Option<String>,

    /// Region whose ModelArts endpoint to use, e.g. cn-north-4
    #[arg(long, global = true, env = "MATASKS_REGION", value_name = "REGION")]
    pub region: Option<String>,

    /// Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)
    #[arg(long, global = true, env = "MATASKS_PROJECT_ID", value_name = "ID")]
    pub project_id: Option<String>,

    /// When to colour output; `auto` colours a terminal unless NO_COLOR is set
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// Report requests on stderr; -vv adds headers, bodies and the signed canonical
    /// request, with secrets masked
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,

    /// Retries of a read that failed on the way (connection error, timeout, throttling,
    /// HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile's `retries`, else 3]
    #[arg(long, global = true, value_name = "N", value_parser = clap::value_parser!(u32).range(0..=10))]
    pub retries: Option<u32>,

    /// Time allowed to connect, e.g. 500ms, 10s [default: the profile's, else 10s]
    #[arg(long, global = true, value_name = "DURATION", value_parser = parse_duration)]
    pub connect_timeout: Option<std::time::Duration>,

    /// Time allowed for each request, from sending it to the answer's last byte, e.g.
    /// 30s, 2m [default: the profile's, else 30s]
    #[arg(long, global = true, value_name = "DURATION", value_parser = parse_duration)]
    pub request_timeout: Option<std::time::Duration>,

    /// PEM file of CA certificates to trust besides the system's (private clouds)
    #[arg(long, global = true, value_name = "PATH")]
    pub ca_bundle: Option<PathBuf>,

    /// Do not verify TLS certificates (a warning says so on every run)
    #[arg(long, global = true)]
    pub insecure: bool,

    /// The variables (of those above, and of [`COMMAND_ENV`]) whose values came from the
    /// environment rather than the command line, for `config show` and messages.
    #[arg(skip)]
    pub from_env: Vec<&'static str>,
}

/// A positive duration with a unit: `500ms`, `10s`, `2m`, `1h30m`.
pub fn parse_duration(text: &str) -> Result<std::time::Duration, String> {
    let parsed: jiff::SignedDuration = text.trim().parse().map_err(|_| {
        format!("`{text}` is not a duration: give a number and a unit, e.g. 500ms, 10s, 2m")
    })?;
    if parsed.is_negative() || parsed.is_zero() {
        return Err(format!("`{text}` is not a positive duration"));
    }
    std::time::Duration::try_from(parsed).map_err(|_| format!("`{text}` is out of range"))
}

/// The global flags that fall back to a variable: (argument id, variable).
pub const GLOBAL_ENV: &[(&str, &str)] = &[
    ("profile", "MATASKS_PROFILE"),
    ("config", "MATASKS_CONFIG"),
    ("endpoint", "MATASKS_ENDPOINT"),
    ("region", "MATASKS_REGION"),
    ("project_id", "MATASKS_PROJECT_ID"),
];

/// The flags of commands that fall back to a variable: (argument id, variable).
pub const COMMAND_ENV: &[(&str, &str)] = &[("dataset", "MATASKS_DATASET")];

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List a dataset's intelligent tasks (auto labeling, pre-labeling, auto grouping, auto deployment)
    #[command(visible_alias = "ls")]
    List(ListArgs),

    /// Show one task: status, progress, elapsed time and any error
    Get(GetArgs),

    /// Wait until a task is done; the exit status says how it ended (0 succeeded,
    /// 7 failed, 8 stopped, 124 timed out)
    Wait(WaitArgs),

    /// Inspect and change the configuration: profiles, credentials, the config file
    #[command(subcommand)]
    Config(ConfigCommand),

    /// Print a completion script for a shell, e.g. `matasks completions bash >
    /// /etc/bash_completion.d/matasks`
    Completions(CompletionsArgs),
}

impl Command {
    /// Whether the command writes data to stdout, which must then be open.
    pub fn prints_data(&self) -> bool {
        match self {
            Command::List(_) | Command::Get(_) | Command::Completions(_) => true,
            Command::Wait(args) => args.output.is_some(),
            Command::Config(command) => matches!(
                command,
                ConfigCommand::Path
                    | ConfigCommand::List
                    | ConfigCommand::Show
                    | ConfigCommand::Check(_)
            ),
        }
    }
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct GetArgs {
    /// The task's ID, as `list` shows it
    pub task_id: String,

    /// Dataset ID [default: the profile's `dataset_id`]
    #[arg(short, long, env = "MATASKS_DATASET", value_name = "ID")]
    pub dataset: Option<String>,

    /// Output format: `table` shows keys and values; `json` and `ndjson` the server's
    /// task object, on one line
    #[arg(
        short,
        long,
        value_enum,
        default_value_t = OutputFormat::Table,
        value_name = "FORMAT",
        hide_possible_values = true
    )]
    pub output: OutputFormat,
}

#[derive(Debug, Args)]
pub struct WaitArgs {
    /// The task's ID, as `list` shows it
    pub task_id: String,

    /// Dataset ID [default: the profile's `dataset_id`]
    #[arg(short, long, env = "MATASKS_DATASET", value_name = "ID")]
    pub dataset: Option<String>,

    /// Give up after this long, e.g. 90s, 15m, 2h (exit 124)
    #[arg(long, value_name = "DURATION", value_parser = parse_duration, default_value = "60m")]
    pub timeout: std::time::Duration,

    /// Time between polls, at least 1s
    #[arg(long, value_name = "DURATION", value_parser = parse_interval, default_value = "10s")]
    pub interval: std::time::Duration,

    /// Print the final task (json) or every change seen (ndjson) on stdout
    #[arg(short, long, value_enum, value_name = "FORMAT")]
    pub output: Option<WaitOutput>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum WaitOutput {
    /// The task as it ended, one document
    Json,
    /// One line per change of status or progress, as it is seen
    Ndjson,
}

/// A poll interval: a duration of at least a second, to spare the API.
fn parse_interval(text: &str) -> Result<std::time::Duration, String> {
    let interval = parse_duration(text)?;
    if interval < std::time::Duration::from_secs(1) {
        return Err(format!("`{text}` is too short: poll at most once a second"));
    }
    Ok(interval)
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print the config file's path (and say on stderr if it does not exist yet)
    Path,

    /// List the profiles, marking the default and the one in effect
    List,

    /// Show the settings in effect and where each comes from; secrets are masked
    Show,

    /// Set one key of the profile (creating file and profile as needed), keeping the
    /// file's comments and layout
    #[command(
        after_help = "A secret (secret_key, security_token, auth_token, password) is \
        read from stdin, without echo on a terminal, and never taken from the command line, \
        where it would stay in the shell's history. Setting one source of a secret (KEY, \
        KEY_command, KEY_env) removes the others."
    )]
    Set(SetArgs),

    /// Remove one key from the profile
    Unset(UnsetArgs),

    /// Create a profile: interactively on a terminal, or from flags
    Init(Box<InitArgs>),

    /// Make one cheap authenticated request and report whether the settings work
    #[command(visible_alias = "test")]
    Check(CheckArgs),
}

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
        crate::config::TOP_LEVEL_KEYS
            .iter()
            .copied()
            .chain(crate::config::PROFILE_KEYS.iter().map(|(key, _)| *key))
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
        if looks_like_a_key
            && let Some(close) = ConfigKey::keys()
                .map(|k| (strsim::jaro_winkler(k, text), k))
                .filter(|(score, _)| *score > 0.8)
                .max_by(|a, b| a.0.total_cmp(&b.0))
        {
            message.push_str(&format!("; did you mean `{}`?", close.1));
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

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Authentication method [default: aksk]
    #[arg(long, value_enum, value_name = "METHOD")]
    pub auth: Option<crate::config::AuthMethod>,

    /// Access key ID (with --secret-key-command or --secret-key-env)
    #[arg(long, value_name = "AK")]
    pub access_key: Option<String>,

    /// Command that prints the secret key, e.g. "pass show hw/sk"
    #[arg(long, value_name = "COMMAND")]
    pub secret_key_command: Option<String>,

    /// Variable that holds the secret key
    #[arg(long, value_name = "VAR")]
    pub secret_key_env: Option<String>,

    /// Command that prints the security token of temporary credentials
    #[arg(long, value_name = "COMMAND")]
    pub security_token_command: Option<String>,

    /// Variable that holds the security token of temporary credentials
    #[arg(long, value_name = "VAR")]
    pub security_token_env: Option<String>,

    /// Command that prints an IAM token (with --auth token)
    #[arg(long, value_name = "COMMAND")]
    pub auth_token_command: Option<String>,

    /// Variable that holds an IAM token (with --auth token)
    #[arg(long, value_name = "VAR")]
    pub auth_token_env: Option<String>,

    /// IAM user name (with --auth password)
    #[arg(long, value_name = "NAME")]
    pub username: Option<String>,

    /// Account (domain) name of the IAM user (with --auth password)
    #[arg(long, value_name = "NAME")]
    pub domain: Option<String>,

    /// Command that prints the user's password (with --auth password)
    #[arg(long, value_name = "COMMAND")]
    pub password_command: Option<String>,

    /// Variable that holds the user's password (with --auth password)
    #[arg(long, value_name = "VAR")]
    pub password_env: Option<String>,

    /// Identity service URL [default: https://iam.REGION.myhuaweicloud.com]
    #[arg(long, value_name = "URL")]
    pub iam_endpoint: Option<String>,

    /// Dataset that `list` shows by default
    #[arg(long, value_name = "ID")]
    pub dataset: Option<String>,

    /// Make this profile the file's default_profile
    #[arg(long = "default")]
    pub make_default: bool,

    /// Replace the profile if it exists
    #[arg(long)]
    pub force: bool,
}

impl InitArgs {
    /// Whether any of the profile's values were given as flags.
    pub fn has_values(&self) -> bool {
        self.auth.is_some()
            || [
                &self.access_key,
                &self.secret_key_command,
                &self.secret_key_env,
                &self.security_token_command,
                &self.security_token_env,
                &self.auth_token_command,
                &self.auth_token_env,
                &self.username,
                &self.domain,
                &self.password_command,
                &self.password_env,
                &self.iam_endpoint,
                &self.dataset,
            ]
            .iter()
            .any(|v| v.is_some())
    }
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Dataset to list one task of [default: the profile's `dataset_id`; without one,
    /// one dataset of the project is listed]
    #[arg(short, long, env = "MATASKS_DATASET", value_name = "ID")]
    pub dataset: Option<String>,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Dataset ID [default: the profile's `dataset_id`]
    #[arg(short, long, env = "MATASKS_DATASET", value_name = "ID")]
    pub dataset: Option<String>,

    /// Only tasks of this type, or `all` [default: the API's, auto-label and pre-label]
    #[arg(short = 't', long = "type", value_enum, value_name = "TYPE")]
    pub task_type: Option<TypeChoice>,

    /// Only tasks whose name matches NAME (filtered by the server)
    #[arg(short = 'n', long, value_name = "NAME")]
    pub task_name: Option<String>,

    /// Tasks per page, 1 to 100 [default: 10; 100 with --all]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=100))]
    pub limit: Option<u32>,

    /// Page to show (with --all: to start from), counting from 0
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub offset: u32,

    /// Fetch every page, concurrently, printing in order
    #[arg(short, long)]
    pub all: bool,

    /// Stop after N tasks (implies --all)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub max_items: Option<u64>,

    /// Pages requested at once with --all, 1 to 32 [default: the profile's `concurrency`, else 8]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=32))]
    pub concurrency: Option<u32>,

    /// Output format
    #[arg(short, long, value_enum, default_value_t = OutputFormat::Table, value_name = "FORMAT")]
    pub output: OutputFormat,

    /// Only tasks in these statuses, comma-separated or repeated (filtered here; the
    /// server's total stays as it is)
    #[arg(long, value_enum, value_delimiter = ',', value_name = "STATUS")]
    pub status: Vec<crate::model::Status>,

    /// The table's columns, in order, comma-separated
    #[arg(long, value_enum, value_delimiter = ',', value_name = "COLUMN")]
    pub columns: Vec<Column>,

    /// Add MODEL, VERSION, UNCONFIRMED and MESSAGE to the table's columns
    #[arg(long)]
    pub wide: bool,

    /// Order by created, name, status, progress or elapsed; -FIELD reverses (table and
    /// json; ndjson keeps the server's order, as it streams)
    #[arg(long, value_name = "[-]FIELD", value_parser = parse_sort, allow_hyphen_values = true)]
    pub sort: Option<Sort>,

    /// List again every --interval until Ctrl-C: on a terminal the table is redrawn in
    /// place; otherwise one NDJSON line per task that appears or changes
    #[arg(long)]
    pub watch: bool,

    /// With --watch, stop once every task listed is done (succeeded, failed, stopped)
    #[arg(long, requires = "watch")]
    pub until_done: bool,

    /// With --watch, the time between listings, at least 1s [default: 5s]
    #[arg(long, value_name = "DURATION", value_parser = parse_interval, requires = "watch")]
    pub interval: Option<std::time::Duration>,
}

/// A column of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Column {
    Id,
    Name,
    Type,
    Status,
    Progress,
    Samples,
    Created,
    Elapsed,
    /// The model a pre-labeling or deployment task uses
    Model,
    Version,
    /// Samples labeled by the task but not yet confirmed
    Unconfirmed,
    /// The task's error, else its message
    Message,
}

/// What `--sort` orders by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortField {
    Created,
    Name,
    Status,
    Progress,
    Elapsed,
}

/// A field, ascending, or descending when written with a leading `-`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort {
    pub field: SortField,
    pub descending: bool,
}

impl Sort {
    /// Newest first, by creation time.
    pub const NEWEST_FIRST: Sort = Sort {
        field: SortField::Created,
        descending: true,
    };
}

/// `FIELD` or `-FIELD`.
fn parse_sort(text: &str) -> Result<Sort, String> {
    let (descending, name) = match text.strip_prefix('-') {
        Some(name) => (true, name),
        None => (false, text),
    };
    let field = SortField::from_str(name, true).map_err(|_| {
        let names: Vec<String> = SortField::value_variants()
            .iter()
            .filter_map(|f| f.to_possible_value().map(|v| v.get_name().to_string()))
            .collect();
        format!(
            "`{text}` is not a sort order: give one of {}, with - before it to reverse",
            names.join(", ")
        )
    })?;
    Ok(Sort { field, descending })
}

/// What `--type` selects: one kind of task, or every kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TypeChoice {
    /// Active learning
    AutoLabel,
    /// Pre-labeling with a chosen model
    PreLabel,
    /// Clustering of unlabeled images
    AutoGrouping,
    /// One-click model deployment
    AutoDeploy,
    /// Every kind: one query per type, merged newest first (ndjson streams pages as
    /// they arrive instead)
    All,
}

impl TypeChoice {
    /// The types to ask the API for, one query each.
    pub fn types(self) -> Vec<TaskType> {
        match self {
            TypeChoice::AutoLabel => vec![TaskType::AutoLabel],
            TypeChoice::PreLabel => vec![TaskType::PreLabel],
            TypeChoice::AutoGrouping => vec![TaskType::AutoGrouping],
            TypeChoice::AutoDeploy => vec![TaskType::AutoDeploy],
            TypeChoice::All => TaskType::ALL.to_vec(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Aligned columns for reading
    Table,
    /// One document: {"total_count": N, "tasks": [...]}
    Json,
    /// One task per line, compact
    Ndjson,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn definitions_are_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn api_names_match_the_value_names() {
        for choice in TypeChoice::value_variants() {
            let name = choice.to_possible_value().unwrap();
            match choice.types()[..] {
                [one] => assert_eq!(name.get_name(), one.as_api_str()),
                ref all => {
                    assert_eq!(name.get_name(), "all");
                    assert_eq!(all, TaskType::ALL);
                }
            }
        }
    }
}
