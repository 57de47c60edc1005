//! What a command that talks to the API starts with: the settings in effect, the
//! dataset it works on, and a client.

use anyhow::{Context as _, Result};
use reqwest::Method;

use super::GlobalArgs;
use super::args::DatasetArg;
use crate::api::client::Client;
use crate::api::preview::preview;
use crate::api::session;
use crate::domain::id::{BadId, Id, IdKind, Origin};
use crate::output::preview::render;
use crate::settings::{self, Overrides, Settings};
use crate::util::error::{NotSetUp, UsageError};
use crate::util::term;

/// The settings of one run, and where they came from.
pub struct Context {
    pub overrides: Overrides,
    pub settings: Settings,
}

impl Context {
    pub fn new(global: &GlobalArgs) -> Result<Context> {
        let overrides = global.overrides();
        let settings = resolve_settings(&overrides)?;
        Ok(Context {
            overrides,
            settings,
        })
    }

    /// The dataset, which the command needs.
    pub fn dataset(&self, arg: &DatasetArg) -> Result<Id> {
        resolve_dataset(&self.overrides, arg.dataset.as_deref(), &self.settings)
    }

    /// A client of the project, with at most `in_flight` requests at once.
    pub async fn client(&self, in_flight: usize) -> Result<Client> {
        session::client_for(&self.settings, in_flight).await
    }

    /// `--dry-run`: print the POST to the project's `segments` with `body` that these
    /// settings would send, and send nothing.
    pub async fn dry_run(&self, segments: &[&str], body: Option<Vec<u8>>) -> Result<()> {
        let request = preview(&self.settings, Method::POST, segments, body).await?;
        term::print(&render(&request)).context("cannot write to stdout")
    }
}

/// The settings in effect. Where nothing is set up at all, the error says first how to
/// set up, then what is missing.
pub fn resolve_settings(overrides: &Overrides) -> Result<Settings> {
    settings::resolve(overrides, &settings::process_env).map_err(|e| {
        if settings::nothing_set_up(overrides, &settings::process_env) {
            NotSetUp(e).into()
        } else {
            e.into()
        }
    })
}

/// A task ID given on the command line, checked before anything is sent.
pub fn task_id(text: &str) -> Result<Id, BadId> {
    Id::new(
        IdKind::Task,
        text,
        Origin::Given("the command line".to_string()),
    )
}

/// The dataset: `--dataset`, else `MATASKS_DATASET` (clap reads both), else the
/// profile's `dataset_id`, checked as an ID wherever it comes from.
pub fn resolve_dataset(
    overrides: &Overrides,
    given: Option<&str>,
    settings: &Settings,
) -> Result<Id> {
    dataset_in_effect(overrides, given, settings)?.ok_or_else(|| {
        UsageError(
            "no dataset: pass --dataset ID, or set MATASKS_DATASET, or set `dataset_id` in \
             the profile"
                .to_string(),
        )
        .into()
    })
}

/// The dataset as [`resolve_dataset`] finds it, or none when none is set.
pub fn dataset_in_effect(
    overrides: &Overrides,
    given: Option<&str>,
    settings: &Settings,
) -> Result<Option<Id>, BadId> {
    choose_dataset(
        given.map(|d| {
            let source = settings::flag_source(overrides, "--dataset", "MATASKS_DATASET");
            (d, source.to_string())
        }),
        settings
            .dataset_id
            .as_deref()
            .map(|d| (d, format!("`dataset_id` in {}", settings.where_))),
    )
}

/// The flag or variable when given, even empty (which is an error, not a fall-back to
/// the profile), else the profile's: each with where it came from.
fn choose_dataset(
    given: Option<(&str, String)>,
    profile: Option<(&str, String)>,
) -> Result<Option<Id>, BadId> {
    given
        .or(profile)
        .map(|(text, origin)| Id::new(IdKind::Dataset, text, Origin::Given(origin)))
        .transpose()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dataset_precedence_and_checks() {
        let flag = |d| Some((d, "flag --dataset".to_string()));
        let profile = |d| Some((d, "`dataset_id` in profile `p`".to_string()));
        let chosen = |given, from_profile| {
            choose_dataset(given, from_profile).map(|id| id.map(|id| id.to_string()))
        };
        assert_eq!(
            chosen(flag("a"), profile("b")).unwrap().as_deref(),
            Some("a")
        );
        assert_eq!(chosen(None, profile("b")).unwrap().as_deref(), Some("b"));
        assert_eq!(chosen(None, None).unwrap(), None);
        // Given empty or blank, it is an error naming the flag: never the profile's.
        for blank in ["", " "] {
            assert_eq!(
                chosen(flag(blank), profile("b")).unwrap_err().to_string(),
                "the dataset ID from flag --dataset is empty"
            );
        }
        for bad in [".", "..", "a/b", "a\\b", "a\nb"] {
            assert!(
                chosen(flag(bad), profile("b")).unwrap_err().is_given(),
                "{bad}"
            );
            let err = chosen(None, profile(bad)).unwrap_err().to_string();
            assert!(err.contains("from `dataset_id` in profile `p`"), "{err}");
        }
    }
}
