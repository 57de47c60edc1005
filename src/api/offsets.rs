//! What the server's `offset` counts for a listing: as the profile says, as found out
//! before for the endpoint (kept in the cache), or to be found out while listing.

use crate::api::paging::{Outcome, Plan};
use crate::domain::offsets::{Counting, OffsetMode};
use crate::settings::{self, Settings};
use crate::transport::auth::cache::Cache;
use crate::util::term;

/// Where what `offset` counts comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Source {
    /// `offset_mode = "page"` or `"record"`.
    Configured,
    /// Found out by an earlier listing against the same endpoint.
    Cached { detected_at: jiff::Timestamp },
    /// `auto`, and nothing known yet: the listing finds out.
    Unknown,
}

pub struct Offsets {
    mode: OffsetMode,
    counting: Option<Counting>,
    source: Source,
    cache: Cache,
    endpoint: String,
    /// A cached answer was dropped after a listing came up short with it.
    forgotten: bool,
}

impl Offsets {
    /// For `mode` against `endpoint`, with what the cache knows of it.
    pub fn resolve(mode: OffsetMode, cache: Cache, endpoint: String) -> Offsets {
        let (counting, source) = match mode.counting() {
            Some(counting) => (Some(counting), Source::Configured),
            None => match cache.load_counting(&endpoint) {
                Some(cached) => {
                    term::debug(1, || {
                        format!(
                            "the server's offset counts {} (found out {}, remembered in {})",
                            words(cached.counting),
                            cached.detected_at.strftime("%Y-%m-%d %H:%M UTC"),
                            cached.path.display()
                        )
                    });
                    (
                        Some(cached.counting),
                        Source::Cached {
                            detected_at: cached.detected_at,
                        },
                    )
                }
                None => (None, Source::Unknown),
            },
        };
        Offsets {
            mode,
            counting,
            source,
            cache,
            endpoint,
            forgotten: false,
        }
    }

    /// For the profile's `offset_mode` against its endpoint, with what this user's
    /// cache knows of it.
    pub fn of(settings: &Settings) -> Offsets {
        Offsets::resolve(
            settings.offset_mode.unwrap_or_default(),
            Cache::from_env(&settings::process_env),
            settings.endpoint.value.to_string(),
        )
    }

    /// For the profile's `offset_mode` against its endpoint's list `collection`: each
    /// list of the API may count its own way, so each is found out (and remembered)
    /// on its own.
    pub fn of_list(settings: &Settings, collection: &str) -> Offsets {
        Offsets::resolve(
            settings.offset_mode.unwrap_or_default(),
            Cache::from_env(&settings::process_env),
            format!("{} {collection}", settings.endpoint.value),
        )
    }

    /// Have `plan` page with what is known now of what offsets count.
    pub fn steer(&self, plan: &mut Plan) {
        plan.counting = self.counting();
        plan.counting_may_be_stale = self.may_be_stale();
    }

    /// What offsets count, when that is known before listing.
    pub fn counting(&self) -> Option<Counting> {
        self.counting
    }

    /// Known from an earlier run, so what a page shows may correct it.
    pub fn may_be_stale(&self) -> bool {
        matches!(self.source, Source::Cached { .. })
    }

    /// Take in what listings found out: what they detected is remembered for the
    /// endpoint; a cached answer that a listing came up short with is forgotten.
    pub fn learn(&mut self, outcomes: &[Outcome]) {
        if self.source == Source::Configured {
            return;
        }
        if outcomes.iter().any(|o| o.missing.is_some()) {
            // What a short listing found out is not worth keeping either.
            if self.may_be_stale() {
                self.cache.forget_counting(&self.endpoint);
                self.counting = None;
                self.source = Source::Unknown;
                self.forgotten = true;
            }
            return;
        }
        let found: Vec<Counting> = outcomes
            .iter()
            .filter_map(|o| o.detected.as_ref().map(|d| d.counting))
            .collect();
        // Listings that disagree (tasks moving while they looked) settle nothing.
        if let Some(&counting) = found.first()
            && found.iter().all(|&c| c == counting)
        {
            self.cache.store_counting(&self.endpoint, counting);
            term::debug(1, || {
                format!(
                    "remembered for {}: its offset counts {}",
                    self.endpoint,
                    words(counting)
                )
            });
            self.counting = Some(counting);
            self.source = Source::Cached {
                detected_at: crate::util::clock::now(),
            };
        }
    }

    /// For a listing that came up short: what about offsets may explain it, and what
    /// to do.
    pub fn advice(&self) -> String {
        match (&self.source, self.counting) {
            (Source::Configured, Some(counting)) => format!(
                "the profile sets offset_mode = \"{}\": if this server's offset counts {} \
                 instead, remove it (or set \"auto\") to let matasks find out",
                self.mode.name(),
                words(match counting {
                    Counting::Pages => Counting::Records,
                    Counting::Records => Counting::Pages,
                })
            ),
            _ if self.forgotten => "what this endpoint's offset counts was remembered from \
                                    an earlier run; that is forgotten now, and the next run \
                                    finds out again"
                .to_string(),
            _ => "tasks may have moved between pages while listing: run it again".to_string(),
        }
    }

    /// `config show`'s value and source for `offset_mode`.
    pub fn describe(&self) -> (String, String) {
        match (&self.source, self.counting) {
            (Source::Configured, _) => (self.mode.name().to_string(), "file (offset_mode)".into()),
            (Source::Cached { detected_at }, Some(counting)) => (
                format!("auto: {}", counting.mode().name()),
                format!(
                    "found out {}, cached for this endpoint",
                    detected_at.strftime("%Y-%m-%d %H:%M UTC")
                ),
            ),
            _ => (
                "auto".to_string(),
                "default (found out by the first listing that needs it)".into(),
            ),
        }
    }
}

fn words(counting: Counting) -> &'static str {
    match counting {
        Counting::Pages => "pages",
        Counting::Records => "records",
    }
}
