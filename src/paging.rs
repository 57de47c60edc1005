//! Fetching pages: one, or all of them concurrently, printed strictly in page order.
//!
//! The first page tells how many tasks there are; the remaining pages are then
//! requested with at most `concurrency` in flight and handed to the output as soon as
//! they and every page before them have arrived, so memory holds at most a window of
//! pages whatever the task count. Tasks may be created or finish while paging: the
//! listing stops at an empty or short page, at a page that only repeats earlier tasks
//! (a server that ignores `offset`), or once the first page's total has been listed,
//! and a task is not printed twice (see [`RECENT_IDS`]).

use std::collections::{HashSet, VecDeque};
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
    /// The last page worth requesting, given the first page's total.
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

/// Fetch and print the planned pages. `fetch(n)` gets page number `n`.
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
    let first_body = fetch(plan.first_page).await?;
    let first = first_body.parse()?;
    let total = first.total_count;
    let last_page = plan.last_page(total);
    if plan.all && total.is_some() {
        progress.set_pages(last_page.saturating_sub(plan.first_page).saturating_add(1));
    }
    sink.begin(&first).context("cannot write to stdout")?;
    let mut listing = Listing::new(plan, total);
    let mut more = listing.take(plan.first_page, &first, sink)?;
    progress.page_done(listing.outcome.printed);
    drop(first);
    drop(first_body);

    if more && plan.all && plan.first_page < last_page {
        let pages = (plan.first_page + 1)..=last_page;
        let mut arriving = futures_util::stream::iter(pages)
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
        // Dropping the stream here cancels requests still in flight.
    }
    listing.finish();
    Ok(listing.outcome)
}

/// The running state of one listing.
struct Listing<'a> {
    plan: &'a Plan,
    seen: Fingerprints,
    repeats: u64,
    total_changed: bool,
    outcome: Outcome,
}

impl<'a> Listing<'a> {
    fn new(plan: &'a Plan, total: Option<u64>) -> Self {
        Listing {
            plan,
            seen: Fingerprints::default(),
            repeats: 0,
            total_changed: false,
            outcome: Outcome {
                total,
                ..Outcome::default()
            },
        }
    }

    /// Print page `n`'s new tasks; whether the listing goes on.
    fn take(&mut self, n: u64, page: &Page<'_>, sink: &mut dyn Sink) -> Result<bool> {
        self.outcome.pages += 1;
        if let (Some(first), Some(now)) = (self.outcome.total, page.total_count)
            && first != now
            && !self.total_changed
        {
            self.total_changed = true;
            term::warn(&format!(
                "the total changed from {first} to {now} while listing (tasks were created or \
                 deleted); listing what the pages hold"
            ));
        }
        let mut fresh = 0u64;
        let mut repeated = 0u64;
        for raw in &page.tasks {
            if self.capped() {
                break;
            }
            if let Some(id) = task_id(raw)
                && !self.seen.insert(id)
            {
                repeated += 1;
                continue;
            }
            sink.task(raw).context("cannot write to stdout")?;
            fresh += 1;
            self.outcome.printed += 1;
        }
        sink.page_done().context("cannot write to stdout")?;
        self.repeats += repeated;

        if self.capped() {
            self.outcome.capped = true;
            return Ok(false);
        }
        if page.tasks.is_empty() {
            return Ok(false);
        }
        if fresh == 0 && repeated > 0 {
            term::warn(&format!(
                "page {n} only repeated tasks already listed, so the listing stops there; if \
                 the server reads `offset` as a record index, set offset_mode = \"record\" in \
                 the profile"
            ));
            return Ok(false);
        }
        if page.tasks.len() < self.plan.limit as usize {
            return Ok(false);
        }
        if let Some(total) = self.outcome.total
            && self.outcome.printed >= self.expected(total)
        {
            return Ok(false);
        }
        Ok(true)
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

    fn finish(&mut self) {
        if self.repeats > 0 {
            term::warn(&format!(
                "skipped {} {} already listed (tasks moved between pages while listing)",
                self.repeats,
                if self.repeats == 1 { "task" } else { "tasks" }
            ));
        }
        if self.plan.all
            && !self.outcome.capped
            && let Some(total) = self.outcome.total
            && self.outcome.printed < self.expected(total)
            && !self.total_changed
        {
            term::warn(&format!(
                "the listing ended after {} of {} tasks: a page came back short",
                self.outcome.printed,
                self.expected(total)
            ));
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

/// How many of the latest task IDs are remembered to drop repeats: a hundred full
/// pages. A task repeats when tasks created while listing push it onto a later page,
/// so a repeat comes within that many tasks unless as many tasks were created during
/// the listing; remembering only these keeps memory flat at any task count.
const RECENT_IDS: usize = 10_000;

/// The latest task IDs, as keyed 64-bit hashes: eight bytes a task whatever the ID's
/// length, and with a per-run random key no two IDs collide in practice.
struct Fingerprints {
    key: RandomState,
    order: VecDeque<u64>,
    seen: HashSet<u64, BuildHasherDefault<Passthrough>>,
}

impl Default for Fingerprints {
    fn default() -> Self {
        Fingerprints {
            key: RandomState::new(),
            order: VecDeque::with_capacity(RECENT_IDS),
            seen: HashSet::with_capacity_and_hasher(RECENT_IDS + 1, Default::default()),
        }
    }
}

impl Fingerprints {
    /// Whether `id` is new; remembers it, forgetting the oldest beyond the window.
    fn insert(&mut self, id: &str) -> bool {
        let fingerprint = self.key.hash_one(id);
        if !self.seen.insert(fingerprint) {
            return false;
        }
        self.order.push_back(fingerprint);
        if self.order.len() > RECENT_IDS
            && let Some(oldest) = self.order.pop_front()
        {
            self.seen.remove(&oldest);
        }
        true
    }
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
        pages: usize,
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
            self.pages += 1;
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
            _ => page(n * 10 - 1..n * 10 + 9, 41),
        });
        assert_eq!(got.len(), 39);
        assert_eq!(got.iter().collect::<HashSet<_>>().len(), 39);
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
    fn the_first_total_is_the_target_even_if_it_changes() {
        let (got, requested, _) = list(&plan(10), |n| {
            page(n * 10..n * 10 + 10, if n == 0 { 30 } else { 50 })
        });
        assert_eq!(got, ids(0..30));
        assert_eq!(requested, [0, 1, 2]);
    }

    #[test]
    fn tasks_without_ids_are_all_printed() {
        let (got, _, _) = list(&plan(10), |_| {
            body(r#"{"tasks":[{"a":1},{"task_id":null},{"a":1}],"total_count":3}"#)
        });
        assert_eq!(got.len(), 3);
    }

    #[test]
    fn the_window_of_ids_is_bounded() {
        let mut f = Fingerprints::default();
        for i in 0..RECENT_IDS * 3 {
            assert!(f.insert(&i.to_string()));
            assert!(!f.insert(&i.to_string()));
        }
        assert_eq!(f.seen.len(), RECENT_IDS);
        assert_eq!(f.order.len(), RECENT_IDS);
        // The latest are remembered, the oldest forgotten.
        assert!(!f.insert(&(RECENT_IDS * 3 - 1).to_string()));
        assert!(f.insert("0"));
    }

    #[test]
    fn numeric_and_string_ids_differ() {
        let mut f = Fingerprints::default();
        assert!(f.insert("\"7\""));
        assert!(f.insert("7"));
        assert!(!f.insert("7"));
    }
}
