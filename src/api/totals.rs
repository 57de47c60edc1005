//! The totals earlier runs saw, per listing (endpoint, project, dataset and query), so
//! that a whole listing can request at once the pages it will likely need (see
//! [`Plan::recalled`]). Kept in the cache; a wrong one costs at most a round of empty
//! pages, and is replaced by what the listing sees.

use crate::api::paging::{Outcome, Plan};
use crate::settings;
use crate::transport::auth::cache::Cache;

pub struct Totals {
    cache: Cache,
    /// Each listing's name in the cache, in the order of its sources.
    listings: Vec<String>,
    /// What each was last seen to hold.
    known: Vec<Option<u64>>,
}

impl Totals {
    /// The totals of `listings` as this user's cache has them.
    pub fn of(listings: Vec<String>) -> Totals {
        Totals::in_cache(Cache::from_env(&settings::process_env), listings)
    }

    fn in_cache(cache: Cache, listings: Vec<String>) -> Totals {
        let known = listings.iter().map(|l| cache.load_total(l)).collect();
        Totals {
            cache,
            listings,
            known,
        }
    }

    /// Have `plan` start from what is known of the totals.
    pub fn steer(&self, plan: &mut Plan) {
        plan.recalled.clone_from(&self.known);
    }

    /// Remember the totals the listings' first pages reported.
    pub fn learn(&mut self, outcomes: &[Outcome]) {
        for ((listing, known), outcome) in self.listings.iter().zip(&mut self.known).zip(outcomes) {
            if let Some(total) = outcome.total
                && *known != Some(total)
            {
                self.cache.store_total(listing, total);
                *known = Some(total);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_one_run_sees_steers_the_next() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::at(dir.path().to_path_buf());
        let names = || vec!["a".to_string(), "b".to_string()];
        let mut plan = crate::api::paging::tests::plan(10);
        let mut first = Totals::in_cache(cache.clone(), names());
        first.steer(&mut plan);
        assert_eq!(plan.recalled, [None, None]);
        let seen = |total| Outcome {
            total,
            ..Outcome::default()
        };
        first.learn(&[seen(Some(250)), seen(None)]);
        first.steer(&mut plan);
        assert_eq!(plan.recalled, [Some(250), None]);
        let mut next = Totals::in_cache(cache, names());
        next.steer(&mut plan);
        assert_eq!(plan.recalled, [Some(250), None]);
        next.learn(&[seen(Some(3)), seen(Some(7))]);
        next.steer(&mut plan);
        assert_eq!(plan.recalled, [Some(3), Some(7)]);
    }
}
