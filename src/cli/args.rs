//! The flags every command shares: the global ones, which become the settings'
//! overrides, and `--dataset`.

use std::path::PathBuf;

use clap::Args;

use crate::settings::Overrides;
pub use crate::util::duration::parse_duration;
use crate::util::term::ColorChoice;

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

impl GlobalArgs {
    /// What these flags (or their variables) set over the profile.
    pub fn overrides(&self) -> Overrides {
        Overrides {
            profile: self.profile.clone(),
            config: self.config.clone(),
            endpoint: self.endpoint.clone(),
            region: self.region.clone(),
            project_id: self.project_id.clone(),
            retries: self.retries,
            connect_timeout: self.connect_timeout,
            request_timeout: self.request_timeout,
            ca_bundle: self.ca_bundle.clone(),
            insecure: self.insecure,
            from_env: self.from_env.clone(),
        }
    }
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

/// The dataset a command works on.
#[derive(Debug, Clone, Args)]
pub struct DatasetArg {
    /// Dataset ID [default: the profile's `dataset_id`]
    #[arg(short, long, env = "MATASKS_DATASET", value_name = "ID")]
    pub dataset: Option<String>,
}

/// A poll interval: a duration of at least a second, to spare the API.
pub fn parse_interval(text: &str) -> Result<std::time::Duration, String> {
    let interval = parse_duration(text)?;
    if interval < std::time::Duration::from_secs(1) {
        return Err(format!("`{text}` is too short: poll at most once a second"));
    }
    Ok(interval)
}
