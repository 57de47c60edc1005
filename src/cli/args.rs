//! The flags every command shares: the global ones, which become the settings'
//! overrides, and `--dataset`.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::rc::Rc;

use clap::Args;
use clap::builder::ArgPredicate;

use crate::api::offsets::Offsets;
use crate::api::paging::Plan;
use crate::domain::kind::Kind;
use crate::domain::resource::{DEFAULT_PAGE_SIZE, Resource};
use crate::output::jq::Jq;
use crate::output::{OutputFormat, Sink};
use crate::settings::{self, Overrides};
pub use crate::util::duration::parse_duration;
use crate::util::error::{MistakeIn, UsageError};
use crate::util::progress::Progress;
use crate::util::term::{self, ColorChoice};

/// Every flag read from a variable hides its value in `--help`: clap would write
/// `[env: NAME=VALUE]`, and `[env: NAME=]` for a variable that is not set, which reads
/// as set to nothing; and a value (an endpoint with a password) is no business of help.
#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// Profile to use from the config file [default: the file's `default_profile`, else "default"]
    #[arg(
        long,
        global = true,
        env = "MATASKS_PROFILE",
        hide_env_values = true,
        value_name = "NAME"
    )]
    pub profile: Option<String>,

    /// Config file [default: <config dir>/matasks/config.toml]
    #[arg(
        long,
        global = true,
        env = "MATASKS_CONFIG",
        hide_env_values = true,
        value_name = "PATH"
    )]
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

    /// Region whose ModelArts endpoint to use, e.g. cn-north-4 (`matasks config regions`
    /// lists them)
    #[arg(
        long,
        global = true,
        env = "MATASKS_REGION",
        hide_env_values = true,
        value_name = "REGION"
    )]
    pub region: Option<String>,

    /// Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)
    #[arg(
        long,
        global = true,
        env = "MATASKS_PROJECT_ID",
        hide_env_values = true,
        value_name = "ID"
    )]
    pub project_id: Option<String>,

    /// When to colour output; `auto` colours a terminal unless NO_COLOR is set
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// Show times in UTC rather than in the local time zone (TZ, else the system's)
    #[arg(long, global = true)]
    pub utc: bool,

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
    #[arg(
        short,
        long,
        env = "MATASKS_DATASET",
        hide_env_values = true,
        value_name = "ID"
    )]
    pub dataset: Option<String>,
}

/// How a listing prints: its format, its header line, and a `--jq` program.
#[derive(Debug, Clone, Args)]
pub struct OutputArgs {
    /// Output format
    #[arg(
        short = 'o',
        long = "output",
        value_enum,
        default_value_t = OutputFormat::Table,
        default_value_if("jq", ArgPredicate::IsPresent, "json"),
        value_name = "FORMAT"
    )]
    pub format: OutputFormat,

    /// Print no header line (table, tsv, csv)
    #[arg(long)]
    pub no_headers: bool,

    #[command(flatten)]
    pub jq: JqArg,
}

impl OutputArgs {
    /// Where a listing prints to stdout: through `make`'s sink of the format asked
    /// for, or, for a `--jq` program, of JSON into the document the program runs on.
    pub fn sink<'a>(
        &self,
        jq: Option<&Rc<Jq>>,
        on_terminal: bool,
        make: impl FnOnce(OutputFormat, Box<dyn Write + 'a>) -> Box<dyn Sink + 'a>,
    ) -> Box<dyn Sink + 'a> {
        let out = BufWriter::new(io::stdout().lock());
        match jq {
            Some(jq) => jq.sink(out, on_terminal, |document| {
                make(OutputFormat::Json, Box::new(document))
            }),
            None => make(self.format, Box::new(out)),
        }
    }
}

/// `--jq EXPR`, on every command that prints JSON.
#[derive(Debug, Clone, Args)]
pub struct JqArg {
    /// Run a jq program on the JSON document this prints (implies -o json); strings
    /// print raw; $status and $type name the codes (`matasks list --help` lists them)
    #[arg(long, value_name = "EXPR")]
    pub jq: Option<String>,
}

impl JqArg {
    /// The program, compiled before anything is sent: a mistake in it is a usage
    /// error. `json` says whether the command's output is JSON (`--jq` sets `-o json`
    /// unless another format was asked for).
    pub fn compile(&self, json: bool) -> anyhow::Result<Option<Rc<Jq>>> {
        self.compile_for(json, None)
    }

    /// [`JqArg::compile`], with `$status` naming the statuses of `kind` when it is
    /// another kind of job than intelligent tasks.
    pub fn compile_for(&self, json: bool, kind: Option<&Kind>) -> anyhow::Result<Option<Rc<Jq>>> {
        let Some(code) = &self.jq else {
            return Ok(None);
        };
        if !json {
            return Err(UsageError(
                "--jq runs on the JSON document: give -o json, or no -o".to_string(),
            )
            .into());
        }
        match Jq::compile(code) {
            Ok(jq) => Ok(Some(Rc::new(match kind {
                Some(kind) => jq.with_statuses_of(kind),
                None => jq,
            }))),
            Err(e) => Err(MistakeIn {
                message: e.message,
                text: e.program,
                caret: e.caret,
            }
            .into()),
        }
    }
}

/// A poll interval: a duration of at least a second, to spare the API.
pub fn parse_interval(text: &str) -> Result<std::time::Duration, String> {
    let interval = parse_duration(text)?;
    if interval < std::time::Duration::from_secs(1) {
        return Err(format!("`{text}` is too short: poll at most once a second"));
    }
    Ok(interval)
}

/// Which pages of a list to fetch: the flags every listing command shares.
#[derive(Debug, Clone, Args)]
pub struct PagingArgs {
    /// Items per page, 1 to 100 (1000 for list --kind version or team) [default: 10;
    /// the largest with --all, --status or --sort]
    #[arg(long, value_name = "N", value_parser = parse_limit)]
    pub limit: Option<u32>,

    /// Page to show (with --all: to start from), counting from 0; --status and --sort
    /// then act on that page only [default: 0]
    #[arg(long, value_name = "N")]
    pub offset: Option<u32>,

    /// Fetch every page, concurrently, printing in order
    #[arg(short, long)]
    pub all: bool,

    /// Stop after N items, of those a filter keeps (implies --all)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub max_items: Option<u64>,

    /// Pages requested at once with --all, 1 to 32 [default: the profile's `concurrency`, else 8]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=32))]
    pub concurrency: Option<u32>,
}

/// The page size for `--all`: the API's largest, for the fewest requests.
pub const ALL_LIMIT: u32 = 100;

/// The largest page any list takes: its own largest is checked once the list is known.
const LARGEST_LIMIT: u32 = 1000;

/// `--limit N`: a page size some list of the API takes, 1 to [`LARGEST_LIMIT`].
fn parse_limit(text: &str) -> Result<u32, String> {
    let limit: u32 = text
        .parse()
        .map_err(|_| format!("`{text}` is not a number of items per page"))?;
    match limit {
        0 => Err("a page holds at least 1 item".to_string()),
        n => check_limit(n, LARGEST_LIMIT).map(|()| n),
    }
}

/// A page of `limit` items, of a list that takes at most `max`.
fn check_limit(limit: u32, max: u32) -> Result<(), String> {
    if limit > max {
        return Err(format!(
            "a page holds at most {max} items; to list more, use --all (every page) or \
             --max-items {limit}"
        ));
    }
    Ok(())
}

/// What a listing's output does with what it is given, which decides how much of the
/// list it needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shaping {
    /// Everything is printed as it comes.
    None,
    /// A filter or a sort acts here: without `--offset`, on every page.
    FilterOrSort,
}

impl PagingArgs {
    /// `--limit`, checked against the largest page of the list: `max`.
    pub fn check_limit(&self, max: u32) -> Result<(), UsageError> {
        match self.limit {
            Some(limit) => check_limit(limit, max).map_err(UsageError),
            None => Ok(()),
        }
    }

    /// The page the user asked for, 0 when none.
    pub fn offset(&self) -> u32 {
        self.offset.unwrap_or(0)
    }

    /// Page size, start, cap and concurrency of a listing of `resource`, from the flags
    /// and the profile. A filter or a sort without `--offset` reads every page (as
    /// `--all` does), and `--max-items` is then left to the output, which counts what
    /// passes the filter.
    pub fn plan(
        &self,
        resource: Resource,
        profile_concurrency: Option<u32>,
        offsets: &Offsets,
        shaping: Shaping,
    ) -> Plan {
        self.plan_up_to(ALL_LIMIT, resource, profile_concurrency, offsets, shaping)
    }

    /// [`PagingArgs::plan`] of a list whose pages hold up to `largest` items (the page
    /// size of a listing of every page).
    pub fn plan_up_to(
        &self,
        largest: u32,
        resource: Resource,
        profile_concurrency: Option<u32>,
        offsets: &Offsets,
        shaping: Shaping,
    ) -> Plan {
        let shaped = shaping == Shaping::FilterOrSort;
        let all = self.all || self.max_items.is_some() || (shaped && self.offset.is_none());
        let limit = self.limit.unwrap_or(match self.max_items {
            // From the first page, no bigger pages than the cap needs. Further on, the
            // page size must stay put: `--offset` counts pages of that size.
            Some(cap) if self.offset() == 0 && !shaped => {
                u32::try_from(cap).unwrap_or(largest).min(largest)
            }
            _ if all => largest,
            _ => DEFAULT_PAGE_SIZE,
        });
        Plan {
            resource,
            first_page: u64::from(self.offset()),
            limit,
            all,
            max_items: self.max_items.filter(|_| !shaped),
            concurrency: self.concurrency(profile_concurrency),
            counting: offsets.counting(),
            counting_may_be_stale: offsets.may_be_stale(),
            recalled: Vec::new(),
        }
    }

    /// Requests at once: the flag's, else the profile's, else the default.
    pub fn concurrency(&self, profile_concurrency: Option<u32>) -> usize {
        self.concurrency
            .or(profile_concurrency)
            .unwrap_or(settings::DEFAULT_CONCURRENCY) as usize
    }
}

/// The progress bar of a listing of many pages (or datasets), counting `unit`: none
/// with `-v`, whose report of each request stands in for it, nor for JSON streamed to
/// the terminal the bar would share, which is its own report of progress.
pub fn listing_progress(
    output: OutputFormat,
    stdout_is_terminal: bool,
    unit: &'static str,
) -> Progress {
    if term::verbosity() == 0 && (output == OutputFormat::Table || !stdout_is_terminal) {
        Progress::counting(unit)
    } else {
        Progress::hidden()
    }
}

/// A table's columns: those `--columns` gave, else `default`; then, with `--wide`,
/// each of `wide` not there yet.
pub fn chosen_columns<T: Copy + PartialEq>(
    given: &[T],
    default: &[T],
    wide: bool,
    wide_columns: &[T],
) -> Vec<T> {
    let mut columns = if given.is_empty() {
        default.to_vec()
    } else {
        given.to_vec()
    };
    if wide {
        for &column in wide_columns {
            if !columns.contains(&column) {
                columns.push(column);
            }
        }
    }
    columns
}

/// The columns of a table that may be left out to fit a narrow terminal: the default
/// ones, when `--columns` named none. A column named, or added by `--wide`, stays.
pub fn droppable_columns<T: Copy>(given: &[T], default: &[T]) -> Vec<T> {
    if given.is_empty() {
        default.to_vec()
    } else {
        Vec::new()
    }
}

/// The width a table is fitted to: the terminal's, when stdout is one.
pub fn table_width(stdout_is_terminal: bool) -> Option<usize> {
    if stdout_is_terminal {
        term::terminal_width()
    } else {
        None
    }
}

/// A `--sort` value parsed by `parse`, whose `values` (`FIELD` and `-FIELD` for each
/// field) the shells' completions offer.
#[derive(Clone)]
pub struct SortValues<T> {
    pub parse: fn(&str) -> Result<T, String>,
    pub values: &'static [&'static str],
}

impl<T: Clone + Send + Sync + 'static> clap::builder::TypedValueParser for SortValues<T> {
    type Value = T;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<T, clap::Error> {
        self.parse.parse_ref(cmd, arg, value)
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            self.values
                .iter()
                .map(|value| clap::builder::PossibleValue::new(*value)),
        ))
    }
}

/// `-FIELD` or `FIELD` of a `--sort`: whether descending, and the field's name.
pub fn split_descending(text: &str) -> (bool, &str) {
    match text.strip_prefix('-') {
        Some(name) => (true, name),
        None => (false, text),
    }
}
