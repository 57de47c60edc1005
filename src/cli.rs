//! Command-line definitions. Everything a user can type is declared here.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// List the intelligent tasks of a ModelArts dataset.
///
/// Reads credentials and defaults from a TOML profile
/// (see `config.example.toml`) or from the environment variables of
/// Huawei Cloud's official SDKs, signs requests with AK/SK and prints
/// the tasks as a table, JSON or NDJSON.
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

#[derive(Debug, Args)]
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

    /// Report requests on stderr; -vv adds headers and the signed canonical request
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
}

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
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Dataset ID [default: the profile's `dataset_id`]
    #[arg(short, long, env = "MATASKS_DATASET", value_name = "ID")]
    pub dataset: Option<String>,

    /// Only tasks of this type [default: the API's, auto-label and pre-label]
    #[arg(short = 't', long = "type", value_enum, value_name = "TYPE")]
    pub task_type: Option<TaskType>,

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
}

/// The API's `type` filter values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TaskType {
    /// Active learning
    AutoLabel,
    /// Pre-labeling with a chosen model
    PreLabel,
    /// Clustering of unlabeled images
    AutoGrouping,
    /// One-click model deployment
    AutoDeploy,
}

impl TaskType {
    pub fn as_api_str(self) -> &'static str {
        match self {
            TaskType::AutoLabel => "auto-label",
            TaskType::PreLabel => "pre-label",
            TaskType::AutoGrouping => "auto-grouping",
            TaskType::AutoDeploy => "auto-deploy",
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
        for t in TaskType::value_variants() {
            let name = t.to_possible_value().unwrap();
            assert_eq!(name.get_name(), t.as_api_str());
        }
    }
}
