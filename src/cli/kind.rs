//! `--kind`: which of a dataset's jobs a command deals with, and the flags whose values
//! are that kind's own (`--status`, `--columns`, `--sort`): parsed as names first,
//! then read as the kind's once it is known.

use std::marker::PhantomData;

use clap::ValueEnum;
use clap::builder::{EnumValueParser, PossibleValue, TypedValueParser};

use crate::domain::kind::{JobColumn, JobSort, JobStatus, Kind};
use crate::util::error::UsageError;

/// What `--kind` selects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum KindChoice {
    /// Intelligent tasks: auto-labeling, pre-labeling, auto-grouping, auto-deployment
    #[default]
    Intelligent,
    /// Import tasks: data imported into the dataset
    Import,
    /// Export tasks: the dataset exported to storage or to a new dataset
    Export,
    /// Dataset versions, published from the labeled data
    Version,
    /// Team labeling tasks
    Team,
}

impl KindChoice {
    /// The description of the kind; none for intelligent tasks, which have their own
    /// code path.
    pub fn job(self) -> Option<&'static Kind> {
        let kind = match self {
            KindChoice::Intelligent => return None,
            KindChoice::Import => &Kind::IMPORT,
            KindChoice::Export => &Kind::EXPORT,
            KindChoice::Version => &Kind::VERSION,
            KindChoice::Team => &Kind::TEAM,
        };
        Some(kind)
    }
}

/// A value of a flag whose names depend on `--kind`: taken as written, and read once
/// the kind is known (a mistake is then shown as clap shows one, for intelligent
/// tasks). Help and the shells offer `T`'s names, those of intelligent tasks.
#[derive(Clone)]
pub struct KindNames<T>(PhantomData<T>);

impl<T> KindNames<T> {
    pub const fn new() -> KindNames<T> {
        KindNames(PhantomData)
    }
}

/// The column names of a kind.
pub fn column_names(kind: &Kind) -> Vec<&'static str> {
    kind.columns.iter().map(|c| c.name).collect()
}

impl<T: ValueEnum + Clone + Send + Sync + 'static> TypedValueParser for KindNames<T> {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        clap::builder::StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(
            T::value_variants()
                .iter()
                .filter_map(ValueEnum::to_possible_value),
        ))
    }
}

/// `value` parsed by `parser` as `list`'s argument `arg_id` is: a mistake is the error
/// clap gives for it.
pub fn parse_as<P: TypedValueParser>(
    parser: P,
    arg_id: &str,
    value: &str,
) -> Result<P::Value, clap::Error> {
    let cmd = super::command();
    let list = cmd.find_subcommand("list").expect("the list command");
    let arg = list
        .get_arguments()
        .find(|a| a.get_id() == arg_id)
        .expect("an argument of list");
    parser.parse_ref(list, Some(arg), std::ffi::OsStr::new(value))
}

/// Intelligent tasks' values of the names given to `list`'s `arg_id`, each read as
/// `T` names it.
pub fn task_values<T: ValueEnum + Clone + Send + Sync + 'static>(
    names: &[String],
    arg_id: &str,
) -> Result<Vec<T>, clap::Error> {
    names
        .iter()
        .map(|name| parse_as(EnumValueParser::<T>::new(), arg_id, name))
        .collect()
}

/// `name` read as one of `names`, or a usage error that names them all (and the one
/// most like it): `flag` says what was given.
fn one_of<'a>(
    name: &str,
    names: impl IntoIterator<Item = &'a str> + Clone,
    what: &str,
) -> Result<&'a str, UsageError> {
    if let Some(found) = names.clone().into_iter().find(|n| *n == name) {
        return Ok(found);
    }
    let all: Vec<&str> = names.clone().into_iter().collect();
    let close = crate::util::text::closest(name, names, 0.8)
        .map(|c| format!(" (did you mean `{c}`?)"))
        .unwrap_or_default();
    Err(UsageError(format!(
        "`{}` is not {what}{close}: give one of {}",
        crate::util::text::clean(name),
        all.join(", ")
    )))
}

/// `kind`'s statuses of `names`.
pub fn job_statuses(kind: &Kind, names: &[String]) -> Result<Vec<&'static JobStatus>, UsageError> {
    let what = format!("a status of {}", kind.resource.plural);
    names
        .iter()
        .map(|name| {
            let name = one_of(name, kind.names(), &what)?;
            Ok(kind.status_named(name).expect("a status of the kind"))
        })
        .collect()
}

/// `kind`'s columns of `names`.
pub fn job_columns(kind: &Kind, names: &[String]) -> Result<Vec<&'static JobColumn>, UsageError> {
    let what = format!("a column of the {} table", kind.resource.singular);
    names
        .iter()
        .map(|name| {
            let name = one_of(name, column_names(kind), &what)?;
            Ok(kind.column_named(name).expect("a column of the kind"))
        })
        .collect()
}

/// What `list --kind` shows of another kind's jobs: `--status`, `--columns` and
/// `--sort` read as its own.
#[derive(Debug, Clone)]
pub struct JobShape {
    pub kind: &'static Kind,
    pub statuses: Vec<&'static JobStatus>,
    pub columns: Vec<&'static JobColumn>,
    pub sort: Option<JobSort>,
}

/// `--sort [-]NAME` for `kind`: NAME any of its columns.
pub fn job_sort(kind: &Kind, text: &str) -> Result<JobSort, UsageError> {
    let (descending, name) = super::args::split_descending(text);
    let what = format!(
        "a column of the {} table to sort by",
        kind.resource.singular
    );
    let name = one_of(name, column_names(kind), &what)?;
    Ok(JobSort {
        kind: *kind,
        column: kind.column_named(name).expect("a column of the kind"),
        descending,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_choice_but_intelligent_is_a_kind_of_that_name() {
        for choice in KindChoice::value_variants() {
            let name = choice.to_possible_value().unwrap();
            match choice.job() {
                Some(kind) => assert_eq!(kind.name, name.get_name()),
                None => assert_eq!(*choice, KindChoice::Intelligent),
            }
        }
        let described: Vec<&str> = KindChoice::value_variants()
            .iter()
            .filter_map(|c| c.job().map(|k| k.name))
            .collect();
        assert_eq!(
            described,
            Kind::ALL.iter().map(|k| k.name).collect::<Vec<_>>()
        );
    }

    #[test]
    fn names_are_a_kinds_own_with_the_closest_offered() {
        let names = |n: &[&str]| n.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let statuses = job_statuses(&Kind::IMPORT, &names(&["completed", "failed"])).unwrap();
        assert_eq!(statuses[0].name, "completed");
        let err = job_statuses(&Kind::IMPORT, &names(&["complted"]))
            .unwrap_err()
            .0;
        assert_eq!(
            err,
            "`complted` is not a status of import tasks (did you mean `completed`?): give one \
             of queuing, starting, running, completed, failed, not-exist"
        );
        let err = job_statuses(&Kind::VERSION, &names(&["succeeded"]))
            .unwrap_err()
            .0;
        assert!(
            err.starts_with("`succeeded` is not a status of versions: give"),
            "{err}"
        );
        let statuses = task_values::<crate::domain::task::Status>(&names(&["failed"]), "status");
        assert_eq!(statuses.unwrap(), [crate::domain::task::Status::Failed]);
        let err = task_values::<crate::domain::task::Status>(&names(&["runing"]), "status")
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("error: invalid value 'runing' for '--status <STATUS>'"),
            "{err}"
        );
        assert!(
            err.contains("[possible values: queued, initializing, running,"),
            "{err}"
        );
        assert!(job_columns(&Kind::TEAM, &names(&["id", "samples"])).is_ok());
        assert!(job_columns(&Kind::TEAM, &names(&["path"])).is_err());
        let sort = job_sort(&Kind::EXPORT, "-progress").unwrap();
        assert!(sort.descending && sort.column.name == "progress");
        assert!(job_sort(&Kind::EXPORT, "elapsed").is_err());
    }
}
