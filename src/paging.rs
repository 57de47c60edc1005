//! Fetching pages: one, or all of them concurrently, printed strictly in page order.
//!
//! The first page tells how many tasks there are; the remaining pages are then
//! requested with at most `concurrency` in flight and handed to the output as soon as
//! they and every page before them have arrived, so memory holds at most a window of
//! pages whatever the task count. Tasks may be created or finish while paging: the
//! listing stops at an empty or short page, at a page that only repeats earlier tasks
//! (a server that ignores `offset`), or once the total has been listed; a later page
//! that reports a larger total extends the listing, and no task is printed twice.

use std::collections::HashSet;
use std::future::Future;
use std::hash::{BuildHasher, BuildHasherDefault, Hasher, RandomState};

use anyhow::{Context, Result};
use futures_util::StreamExt;
use serde::Deserialize;
use serde_json::value::RawValue;

use crate::api::{Page, PageBody};
use crate::output::Sink;
use crate::progress::Progress;
use crate::term;

/// Which pages to fetch.
#[derive(Debug, Clone)]
pub struct Plan {
    /// Page number to start from (the user's `--offset`).
    pub first_page: u64,
    /// Page size.
    pub limit: u32,
    /// Fetch every page from `first_page` on, not just that one.
    pub all: bool,
    /// Stop after this many tasks.
    pub max_items: Option<u64>,
    /// Requests in flight at most.
    pub concurrency: usize,
}

/// What a listing printed.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// `total_count` of the first page.
    pub total: Option<u64>,
    /// Tasks handed to the output.
    pub printed: u64,
    /// Pages fetched and used.
    pub pages: u64,
    /// Stopped because `max_items` were printed.
    pub capped: bool,
}

impl Plan {
    /// The last page worth requesting, given a total.
    fn last_page(&self, total: Option<u64>) -> u64 {
        let limit = u64::from(self.limit);
        let by_total = total.map_or(u64::MAX, |t| t.div_ceil(limit).saturating_sub(1));
        let by_cap = self.max_items.map_or(u64::MAX, |m| {
            self.first_page
                .saturating_add(m.div_ceil(limit))
                .saturating_sub(1)
        });
        by_total.min(by_cap)
    }
}

/// Fetch and print the planned pages. `fetch(n)` gets page number `n`. Warnings about
/// the listing go to stderr at the end, after the progress bar is gone, even when a
/// page fails.
pub async fn run<F, Fut>(
    plan: &Plan,
    fetch: F,
    sink: &mut dyn Sink,
    progress: &Progress,
) -> Result<Outcome>
where
    F: Fn(u64) -> Fut,
    Fut: Future<Output = Result<PageBody>>,
{
    let mut listing = Listing::new(plan);
    let result = fetch_pages(&mut listing, &fetch, sink, progress).await;
    progress.clear();
    for warning in listing.warnings() {
        term::warn(&warning);
    }
    result?;
    Ok(listing.outcome)
}

async fn fetch_pages<F, Fut>(
    listing: &mut Listing<'_>,
    fetch: &F,
    sink: &mut dyn Sink,
    progress: &Progress,
) -> Result<()>
where
    F: Fn(u64) -> Fut,
    Fut: Future<Output = Result<PageBody>>,
{
    let plan = listing.plan;
    let first_body = fetch(plan.first_page).await?;
    let first = first_body.parse()?;
    listing.outcome.total = first.total_count;
    listing.total_now = first.total_count;
    sink.begin(&first).context("cannot write to stdout")?;
    let mut more = listing.take(plan.first_page, &first, sink)?;
    drop(first);
    drop(first_body);
    if !plan.all {
        return Ok(());
    }
    let mut next = plan.first_page + 1;
    let mut last = plan.last_page(listing.total_now);
    if listing.total_now.is_some() {
        progress.set_pages(last.saturating_sub(plan.first_page).saturating_add(1));
    }
    progress.page_done(listing.outcome.printed);
    // One round per planned range; a page reporting a larger total adds a round.
    while more && next <= last {
        let mut arriving = futures_util::stream::iter(next..=last)
            .map(|n| {
                let page = fetch(n);
                async move { (n, page.await) }
            })
            .buffered(plan.concurrency.max(1));
        while more && let Some((n, page)) = arriving.next().await {
            let failed = || format!("page {n} failed");
            let body = page.with_context(failed)?;
            let page = body.parse().with_context(failed)?;
            more = listing.take(n, &page, sink)?;
            progress.page_done(listing.outcome.printed);
        }
        // Dropping the stream cancels requests still in flight.
        drop(arriving);
        let Some(after) = last.checked_add(1) else {
            break;
        };
        next = after;
        last = plan.last_page(listing.total_now);
        if more && next <= last {
            progress.set_pages(last.saturating_sub(plan.first_page).saturating_add(1));
        }
    }
    if more {
        listing.stop = Some(Stop::PagesExhausted);
    }
    Ok(())
}

/// Why a listing ended before its planned pages ran out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stop {
    /// `max_items` were printed.
    Capped,
    /// Every task of the total was printed.
    Complete,
    /// Page `n` held no tasks.
    Empty(u64),
    /// Page `n` held fewer tasks than asked for.
    Short(u64, usize),
    /// Page `n` held only tasks already printed.
    Repeated(u64),
    /// The pages the total called for were all fetched.
    PagesExhausted,
}

/// The running state of one listing.
struct Listing<'a> {
    plan: &'a Plan,
    seen: Fingerprints,
    /// Repeats dropped from pages that also held new tasks.
    repeats: u64,
    /// The latest total any page reported.
    total_now: Option<u64>,
    /// The first total that differed from the first page's.
    total_changed_to: Option<u64>,
    stop: Option<Stop>,
    outcome: Outcome,
}

impl<'a> Listing<'a> {
    fn new(plan: &'a Plan) -> Self {
        Listing {
            plan,
            seen: Fingerprints::default(),
            repeats: 0,
            total_now: None,
            total_changed_to: None,
            stop: None,
            outcome: Outcome::default(),
        }
    }

    /// Print page `n`'s new tasks; whether the listing goes on.
    fn take(&mut self, n: u64, page: &Page<'_>, sink: &mut dyn Sink) -> Result<bool> {
        self.outcome.pages += 1;
        if let Some(now) = page.total_count {
            if self.outcome.total.is_some_and(|first| first != now)
                && self.total_changed_to.is_none()
            {
                self.total_changed_to = Some(now);
            }
            self.total_now = Some(now);
        }
        let mut fresh = 0u64;
        let mut repeated = 0u64;
        for raw in &page.tasks {
            if self.capped() {
                break;
            }
            if !self.seen.insert(raw) {
                repeated += 1;
                continue;
            }
            sink.task(raw).context("cannot write to stdout")?;
            fresh += 1;
            self.outcome.printed += 1;
        }
        sink.page_done().context("cannot write to stdout")?;

        let stop = if self.capped() {
            self.outcome.capped = true;
            Some(Stop::Capped)
        } else if page.tasks.is_empty() {
            Some(Stop::Empty(n))
        } else if fresh == 0 {
            Some(Stop::Repeated(n))
        } else if page.tasks.len() < self.plan.limit as usize {
            Some(Stop::Short(n, page.tasks.len()))
        } else if self
            .total_now
            .is_some_and(|total| self.outcome.printed >= self.expected(total))
        {
            Some(Stop::Complete)
        } else {
            None
        };
        if stop != Some(Stop::Repeated(n)) {
            self.repeats += repeated;
        }
        self.stop = stop;
        Ok(stop.is_none())
    }

    fn capped(&self) -> bool {
        self.plan
            .max_items
            .is_some_and(|m| self.outcome.printed >= m)
    }

    /// Tasks from the first page on, of `total`.
    fn expected(&self, total: u64) -> u64 {
        total.saturating_sub(
            self.plan
                .first_page
                .saturating_mul(u64::from(self.plan.limit)),
        )
    }

    /// What went wrong with the listing, if anything, each said once.
    fn warnings(&self) -> Vec<String> {
        let mut warnings = Vec::new();
        if !self.plan.all {
            return warnings;
        }
        if let (Some(first), Some(now)) = (self.outcome.total, self.total_changed_to) {
            warnings.push(format!(
                "the total changed from {first} to {now} while listing (tasks were created \
                 or deleted); the listing holds what the pages held"
            ));
        }
        if self.repeats > 0 {
            warnings.push(format!(
                "skipped {} {} already listed (tasks moved between pages while listing)",
                self.repeats,
                if self.repeats == 1 { "task" } else { "tasks" }
            ));
        }
        let shortfall = self
            .total_now
            .map(|total| self.expected(total))
            .filter(|&expected| self.outcome.printed < expected && self.total_changed_to.is_none());
        match (self.stop, shortfall) {
            (Some(Stop::Repeated(n)), _) => warnings.push(format!(
                "page {n} only repeated tasks already listed, so the listing stops there; if \
                 the server reads `offset` as a record index, set offset_mode = \"record\" in \
                 the profile"
            )),
            (Some(Stop::Empty(n)), Some(expected)) => warnings.push(format!(
                "page {n} came back empty: listed {} of {expected} tasks",
                self.outcome.printed
            )),
            (Some(Stop::Short(n, len)), Some(expected)) => warnings.push(format!(
                "page {n} came back with {len} tasks where {} were asked for: listed {} of \
                 {expected} tasks",
                self.plan.limit, self.outcome.printed
            )),
            (Some(Stop::PagesExhausted), Some(expected)) => warnings.push(format!(
                "the pages held {} of {expected} tasks (tasks moved between pages while \
                 listing)",
                self.outcome.printed
            )),
            _ => {}
        }
        warnings
    }
}

/// Every task printed so far, by a keyed 64-bit hash of its `task_id` as the server
/// wrote it (of the whole task, for one without an ID). With a per-run random key no
/// two IDs collide in practice.
///
/// Exact, and eight bytes a task: the latest hashes sit in a small set, and every
/// `BATCH` of them moves into one sorted array, searched by bisection. A hash set of
/// every task would take two to four times as much.
struct Fingerprints {
    key: RandomState,
    recent: HashSet<u64, BuildHasherDefault<Passthrough>>,
    older: Vec<u64>,
}

const BATCH: usize = 8192;

impl Default for Fingerprints {
    fn default() -> Self {
        Fingerprints {
            key: RandomState::new(),
            recent: HashSet::with_capacity_and_hasher(BATCH, Default::default()),
            older: Vec::new(),
        }
    }
}

impl Fingerprints {
    /// Whether the task is new; it is remembered either way.
    fn insert(&mut self, task: &RawValue) -> bool {
        let fingerprint = self.key.hash_one(task_id(task).unwrap_or(task.get()));
        if self.older.binary_search(&fingerprint).is_ok() || !self.recent.insert(fingerprint) {
            return false;
        }
        if self.recent.len() >= BATCH {
            self.archive();
        }
        true
    }

    /// Merge the recent hashes into the sorted array, in place, from the back.
    fn archive(&mut self) {
        let mut batch: Vec<u64> = self.recent.drain().collect();
        batch.sort_unstable();
        let mut old = self.older.len();
        self.older.reserve_exact(batch.len());
        self.older.resize(old + batch.len(), 0);
        let mut new = batch.len();
        let mut at = self.older.len();
        while new > 0 {
            at -= 1;
            if old > 0 && self.older[old - 1] > batch[new - 1] {
                old -= 1;
                self.older[at] = self.older[old];
            } else {
                new -= 1;
                self.older[at] = batch[new];
            }
        }
    }
}

/// `task_id` as the server wrote it, whatever its JSON type.
fn task_id(raw: &RawValue) -> Option<&str> {
    #[derive(Deserialize)]
    struct IdOnly<'a> {
        #[serde(borrow)]
        task_id: Option<&'a RawValue>,
    }
    serde_json::from_str::<IdOnly>(raw.get())
        .ok()?
        .task_id
        .map(RawValue::get)
        .filter(|id| *id != "null")
}

/// The set's own hasher: its keys are hashes already.
#[derive(Default)]
struct Passthrough(u64);

impl Hasher for Passthrough {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;
    use std::io;

    use super::*;

    /// Records what reaches the output.
    #[derive(Default)]
    struct Collect {
        ids: Vec<String>,
    }

    impl Sink for Collect {
        fn begin(&mut self, _: &Page<'_>) -> io::Result<()> {
            Ok(())
        }
        fn task(&mut self, raw: &RawValue) -> io::Result<()> {
            self.ids
                .push(task_id(raw).unwrap_or("?").trim_matches('"').to_string());
            Ok(())
        }
        fn page_done(&mut self) -> io::Result<()> {
            Ok(())
        }
        fn finish(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    fn page(ids: impl IntoIterator<Item = u64>, total: u64) -> PageBody {
        let tasks: Vec<String> = ids
            .into_iter()
            .map(|i| format!("{{\"task_id\":\"t{i}\"}}"))
            .collect();
        body(format!(
            "{{\"tasks\":[{}],\"total_count\":{total}}}",
            tasks.join(",")
        ))
    }

    fn body(text: impl Into<String>) -> PageBody {
        PageBody::new(text.into().into_bytes(), "a test page".into())
    }

    fn plan(limit: u32) -> Plan {
        Plan {
            first_page: 0,
            limit,
            all: true,
            max_items: None,
            concurrency: 3,
        }
    }

    /// Run against pages made by `server(n)`, recording which pages were requested.
    fn list(plan: &Plan, server: impl Fn(u64) -> PageBody) -> (Vec<String>, Vec<u64>, Outcome) {
        let requested = RefCell::new(Vec::new());
        let mut sink = Collect::default();
        let fetch = |n: u64| {
            requested.borrow_mut().push(n);
            let page = server(n);
            async move { Ok(page) }
        };
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let outcome = runtime
            .block_on(run(plan, fetch, &mut sink, &Progress::hidden()))
            .unwrap();
        (sink.ids, requested.into_inner(), outcome)
    }

    fn ids(range: std::ops::Range<u64>) -> Vec<String> {
        range.map(|i| format!("t{i}")).collect()
    }

    #[test]
    fn every_page_once_in_order() {
        let (got, requested, outcome) =
            list(&plan(10), |n| page(n * 10..(n * 10 + 10).min(95), 95));
        assert_eq!(got, ids(0..95));
        assert_eq!(requested, (0..10).collect::<Vec<_>>());
        assert_eq!(
            outcome,
            Outcome {
                total: Some(95),
                printed: 95,
                pages: 10,
                capped: false
            }
        );
    }

    #[test]
    fn one_page_without_all() {
        let mut p = plan(10);
        p.all = false;
        p.first_page = 2;
        let (got, requested, _) = list(&p, |n| page(n * 10..n * 10 + 10, 95));
        assert_eq!(got, ids(20..30));
        assert_eq!(requested, [2]);
    }

    #[test]
    fn starting_page_and_max_items_bound_the_requests() {
        let mut p = plan(10);
        p.first_page = 3;
        p.max_items = Some(25);
        let (got, requested, outcome) = list(&p, |n| page(n * 10..n * 10 + 10, 1000));
        assert_eq!(got, ids(30..55));
        assert_eq!(requested, [3, 4, 5]);
        assert!(outcome.capped);
    }

    #[test]
    fn a_short_or_empty_page_ends_the_listing() {
        let (got, requested, _) = list(&plan(10), |n| match n {
            2 => page(20..24, 100),
            _ => page(n * 10..n * 10 + 10, 100),
        });
        assert_eq!(got, ids(0..24));
        // Pages already in flight were requested, but nothing after them is used.
        assert!(requested.len() <= 3 + 3, "{requested:?}");
        let (got, _, _) = list(&plan(10), |n| {
            if n == 1 {
                page(0..0, 100)
            } else {
                page(n * 10..n * 10 + 10, 100)
            }
        });
        assert_eq!(got, ids(0..10));
    }

    #[test]
    fn repeats_are_dropped_and_a_wholly_repeated_page_stops() {
        // A task created at the front shifts page 2 by one: its first task repeats.
        let (got, _, outcome) = list(&plan(10), |n| match n {
            0 | 1 => page(n * 10..n * 10 + 10, 40),
            _ => page(n * 10 - 1..(n * 10 + 9).min(41), 41),
        });
        assert_eq!(got, ids(0..41));
        assert_eq!(outcome.total, Some(40));
        // A server that ignores offset returns page 0 forever.
        let (got, requested, _) = list(&plan(10), |_| page(0..10, 1_000_000));
        assert_eq!(got, ids(0..10));
        assert!(requested.len() <= 1 + 3 + 1, "{requested:?}");
    }

    #[test]
    fn without_a_total_pages_go_on_until_one_is_short() {
        let fetch = |n: u64| {
            let body = if n < 4 {
                let tasks: Vec<String> = (n * 5..n * 5 + 5)
                    .map(|i| format!("{{\"task_id\":\"t{i}\"}}"))
                    .collect();
                format!("{{\"tasks\":[{}]}}", tasks.join(","))
            } else {
                "{\"tasks\":[{\"task_id\":\"t20\"}]}".to_string()
            };
            super::tests::body(body)
        };
        let (got, _, outcome) = list(&plan(5), fetch);
        assert_eq!(got, ids(0..21));
        assert_eq!(outcome.total, None);
    }

    #[test]
    fn a_larger_total_on_a_later_page_extends_the_listing() {
        // A task created at the front after page 1: pages 2 on shift by one.
        let (got, requested, _) = list(&plan(10), |n| {
            if n < 2 {
                page(n * 10..n * 10 + 10, 30)
            } else {
                page((n * 10 - 1)..(n * 10 + 9).min(30), 31)
            }
        });
        assert_eq!(got, ids(0..30), "nothing lost, nothing twice");
        assert_eq!(requested, [0, 1, 2, 3]);
    }

    #[test]
    fn a_smaller_total_ends_the_listing_sooner() {
        let (got, requested, _) = list(&plan(10), |n| {
            page(n * 10..n * 10 + 10, if n == 0 { 50 } else { 20 })
        });
        assert_eq!(got, ids(0..20));
        assert!(requested.len() <= 5, "{requested:?}");
    }

    fn raw_tasks(tasks: &str) -> PageBody {
        body(format!("{{\"tasks\":[{tasks}]}}"))
    }

    #[test]
    fn tasks_without_ids_are_told_apart_by_their_content() {
        let (got, _, _) = list(&plan(10), |_| {
            raw_tasks(r#"{"a":1},{"task_id":null,"a":2},{"a":3},{"a":1}"#)
        });
        assert_eq!(got.len(), 3);
    }

    #[test]
    fn id_less_pages_from_a_server_ignoring_offset_without_a_total_stop() {
        let tasks: Vec<String> = (0..10).map(|i| format!("{{\"n\":{i}}}")).collect();
        let tasks = tasks.join(",");
        let (got, requested, outcome) = list(&plan(10), |_| raw_tasks(&tasks));
        assert_eq!(got.len(), 10);
        assert_eq!(outcome.total, None);
        assert!(requested.len() <= 1 + 3 + 1, "{requested:?}");
    }

    fn task(id: impl std::fmt::Display) -> Box<RawValue> {
        RawValue::from_string(format!("{{\"task_id\":{id}}}")).unwrap()
    }

    #[test]
    fn fingerprints_are_exact_across_batches() {
        let mut f = Fingerprints::default();
        let n = BATCH * 3 + 5;
        for i in 0..n {
            assert!(f.insert(&task(i)), "{i} is new");
        }
        for i in (0..n).step_by(97) {
            assert!(!f.insert(&task(i)), "{i} was seen");
        }
        assert_eq!(f.older.len() + f.recent.len(), n);
        assert!(
            f.older.windows(2).all(|w| w[0] < w[1]),
            "sorted, no duplicates"
        );
        assert!(f.insert(&task(n)));
    }

    #[test]
    fn numeric_and_string_ids_differ() {
        let mut f = Fingerprints::default();
        assert!(f.insert(&task("\"7\"")));
        assert!(f.insert(&task(7)));
        assert!(!f.insert(&task(7)));
    }
}
