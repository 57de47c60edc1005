//! Fetching pages: one, or all of them concurrently, printed strictly in page order;
//! and several such listings at once, merged into one output.
//!
//! The first page tells how many tasks there are; the remaining pages are then
//! requested with at most `concurrency` in flight and handed to the output as soon as
//! they and every page before them have arrived, so memory holds at most a window of
//! pages whatever the task count. Tasks may be created or finish while paging: the
//! listing stops at an empty or short page, at a page that only repeats earlier tasks
//! (a server that ignores `offset`), or once the total has been listed; a later page
//! that reports a larger total extends the listing, and no task is printed twice.
//!
//! Whether the server's `offset` counts pages or records is found out on the way when
//! it is not known: the answer to the offset after the first page's tells. Against a
//! server that counts pages that answer is the next page, which a whole listing needs
//! anyway; against one that counts records it repeats the first page shifted by one
//! task, and the listing goes on from there with record offsets.

use std::cell::{Cell, RefCell};
use std::collections::HashSet;
use std::future::Future;
use std::hash::{BuildHasher, BuildHasherDefault, Hasher, RandomState};
use std::io;
use std::ops::RangeInclusive;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{self, Poll};

use anyhow::{Context, Result};
use futures_util::stream::FuturesOrdered;
use futures_util::{Stream, StreamExt};
use serde::Deserializer as _;
use serde::de::{IgnoredAny, MapAccess, Visitor};
use serde_json::value::RawValue;

use crate::api::page::{Page, PageBody};
use crate::domain::offsets::Counting;
use crate::domain::resource::Resource;
use crate::util::progress::Progress;
use crate::util::term;

/// Where a listing's items go: the output, in whatever format.
pub trait Sink {
    /// Called once, before any item, with the first page.
    fn begin(&mut self, first: &Page<'_>) -> io::Result<()>;
    /// The items that follow, up to the next group, are one dataset's (a listing
    /// across datasets).
    fn group(&mut self, _group: &Group<'_>) -> io::Result<()> {
        Ok(())
    }
    fn item(&mut self, raw: &RawValue) -> io::Result<()>;
    /// Called after each page's items, so streaming formats can flush.
    fn page_done(&mut self) -> io::Result<()>;
    fn finish(&mut self) -> io::Result<()>;
    /// Whether more items could change the output: false once a sink that keeps the
    /// first N matching items has them, so that no further page is fetched.
    fn wants_more(&self) -> bool {
        true
    }

    /// Whether the sink keeps every item until `finish` anyway, in a form of its own
    /// (the table: the cells it shows), so that whoever puts the items in another order
    /// need not hold them too: it hands each on as it comes, then says with
    /// [`Sink::reorder`] which to write, in what order.
    fn keeps_items(&self) -> bool {
        false
    }
    /// Write at `finish` only the items at these places of the order they came in, in
    /// this order. Only for a sink that [`Sink::keeps_items`].
    fn reorder(&mut self, _order: Vec<usize>) {}
}

/// One dataset's part of a listing across datasets.
#[derive(Debug, Clone, Copy)]
pub struct Group<'a> {
    pub dataset_id: &'a str,
    /// `dataset_name` as the dataset list wrote it.
    pub name: Option<&'a RawValue>,
    /// The dataset's own total of the tasks asked for.
    pub total: Option<u64>,
    /// Why its tasks could not be listed (or not all of them).
    pub error: Option<&'a str>,
}

/// Every item of a listing, kept whole.
#[derive(Debug, Default)]
pub struct Collected(pub Vec<Box<RawValue>>);

impl Sink for Collected {
    fn begin(&mut self, _: &Page<'_>) -> io::Result<()> {
        Ok(())
    }
    fn item(&mut self, raw: &RawValue) -> io::Result<()> {
        self.0.push(raw.to_owned());
        Ok(())
    }
    fn page_done(&mut self) -> io::Result<()> {
        Ok(())
    }
    fn finish(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Which pages to fetch, of which list.
#[derive(Debug, Clone)]
pub struct Plan {
    pub resource: Resource,
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
    /// What the server's `offset` counts, when that is known; found out when not.
    pub counting: Option<Counting>,
    /// `counting` was found out before rather than set by the user: a page that
    /// shows otherwise corrects it.
    pub counting_may_be_stale: bool,
    /// The total an earlier run saw, for each listing (in the order of the sources):
    /// a whole listing whose offsets are known requests the pages it implies at once,
    /// instead of the first page alone (see [`Listing::head_start`]).
    pub recalled: Vec<Option<u64>>,
}

/// How a listing found out what the server's `offset` counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detection {
    pub counting: Counting,
    /// The answers that showed it, in a sentence.
    pub why: String,
}

/// Tasks the server's total promised that the pages did not hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missing {
    /// Tasks listed from the first page on, by the total.
    pub expected: u64,
    pub count: u64,
    /// Where the pages ran out, in a phrase.
    pub why: String,
}

/// A listing's first page without its tasks: the total and the other top-level
/// fields, as the server wrote them.
#[derive(Debug, Default)]
pub struct Envelope {
    pub total_count: Option<Box<RawValue>>,
    pub extra: Vec<(String, Box<RawValue>)>,
}

/// What a listing printed.
#[derive(Debug, Default)]
pub struct Outcome {
    /// `total_count` of the first page.
    pub total: Option<u64>,
    /// Tasks handed to the output.
    pub printed: u64,
    /// What the offsets sent counted, when that was known.
    pub counting: Option<Counting>,
    /// Found out while listing, and how.
    pub detected: Option<Detection>,
    /// A whole listing that came up short of its total, which did not shrink.
    pub missing: Option<Missing>,
    /// The first page's envelope, for a merged listing (whose output gets one made of
    /// every listing's).
    pub envelope: Option<Envelope>,
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

    /// Connections worth opening while the first page of each of `listings` is on its
    /// way, the first pages' own included: as many as may be in flight, for a whole
    /// listing that learns its size only from that page. One whose recalled total says
    /// it is one page needs none, nor one that requests its pages at once (those
    /// requests open their own).
    pub fn connections_ahead(&self, listings: usize) -> usize {
        let waits_for_its_total = |i: usize| match self.recalled.get(i).copied().flatten() {
            None => true,
            Some(total) => self.counting.is_none() && self.first_round(total).is_some(),
        };
        if self.all && (0..listings).any(waits_for_its_total) {
            self.concurrency
        } else {
            0
        }
    }

    /// The last page a whole listing requests together with its first, when an
    /// earlier run saw `total`: every page that total implies, if more than the first.
    fn first_round(&self, total: u64) -> Option<u64> {
        let last = self.last_page(Some(total));
        (self.all && last > self.first_page).then_some(last)
    }

    /// Tasks from the first page on, of `total`.
    fn expected(&self, total: u64) -> u64 {
        total.saturating_sub(self.first_page.saturating_mul(u64::from(self.limit)))
    }
}

/// Fetch and print the planned pages. `fetch(offset)` gets the answer to one value of
/// the API's `offset`. Warnings about the listing go to stderr at the end, after the
/// progress bar is gone, even when a page fails.
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
    let outcomes = run_all(plan, &[(String::new(), fetch)], sink, progress, false).await?;
    Ok(outcomes
        .into_iter()
        .next()
        .expect("one listing, one outcome"))
}

/// Several listings of the same plan at once, `(label, fetch)` each, into one output:
/// each page's tasks as it arrives, and each task once. The output's `begin` is left
/// to the caller, who makes one envelope of the outcomes' own.
pub async fn run_merged<F, Fut>(
    plan: &Plan,
    sources: &[(String, F)],
    sink: &mut dyn Sink,
    progress: &Progress,
) -> Result<Vec<Outcome>>
where
    F: Fn(u64) -> Fut,
    Fut: Future<Output = Result<PageBody>>,
{
    run_all(plan, sources, sink, progress, true).await
}

/// The listings of `sources` into `sink`: one as [`run`] lists it, several merged as
/// [`run_merged`] does (the output's `begin` then being the caller's).
pub async fn run_sources<F, Fut>(
    plan: &Plan,
    sources: &[(String, F)],
    sink: &mut dyn Sink,
    progress: &Progress,
) -> Result<Vec<Outcome>>
where
    F: Fn(u64) -> Fut,
    Fut: Future<Output = Result<PageBody>>,
{
    match sources {
        [(_, fetch)] => Ok(vec![run(plan, fetch, sink, progress).await?]),
        _ => run_merged(plan, sources, sink, progress).await,
    }
}

async fn run_all<F, Fut>(
    plan: &Plan,
    sources: &[(String, F)],
    sink: &mut dyn Sink,
    progress: &Progress,
    merged: bool,
) -> Result<Vec<Outcome>>
where
    F: Fn(u64) -> Fut,
    Fut: Future<Output = Result<PageBody>>,
{
    let shared = RefCell::new(Shared {
        seen: Fingerprints::new(plan.resource.id_key),
        sink,
        merged,
        printed: 0,
    });
    let mut listings: Vec<Listing> = sources
        .iter()
        .enumerate()
        .map(|(i, (label, _))| Listing::new(plan, label, plan.recalled.get(i).copied().flatten()))
        .collect();
    let result = futures_util::future::try_join_all(
        listings
            .iter_mut()
            .zip(sources)
            .map(|(listing, (_, fetch))| fetch_pages(listing, fetch, &shared, progress)),
    )
    .await;
    progress.clear();
    for listing in &listings {
        for warning in listing.warnings() {
            term::warn(&format!("{}{warning}", listing.prefix()));
        }
    }
    result?;
    Ok(listings.into_iter().map(Listing::outcome).collect())
}

/// What the listings of one command share: the output, and the tasks printed so far,
/// so that a merged listing prints each task once.
struct Shared<'s> {
    seen: Fingerprints,
    sink: &'s mut dyn Sink,
    /// The output's envelope is the caller's to make, from every listing's.
    merged: bool,
    /// Tasks printed by every listing, for the progress bar.
    printed: u64,
}

async fn fetch_pages<F, Fut>(
    listing: &mut Listing<'_>,
    fetch: &F,
    shared: &RefCell<Shared<'_>>,
    progress: &Progress,
) -> Result<()>
where
    F: Fn(u64) -> Fut,
    Fut: Future<Output = Result<PageBody>>,
{
    let plan = listing.plan;
    let first = plan.first_page;
    let prefix = listing.prefix();
    let failed = |n: u64| {
        let prefix = prefix.clone();
        move || format!("{prefix}page {n} failed")
    };

    // Pages `from..=to`, `concurrency` in flight, in page order.
    let pages = |from: u64, to: u64, counting: Counting| {
        Window::new(from..=to, plan.concurrency, move |n| {
            fetch(counting.param(n, plan.limit))
        })
    };
    // Pages requested with the first, and the last of them.
    let mut head = None;

    // The user's first page. Page 0 is offset 0 either way; a later page, when it is
    // not known what offsets count, takes two answers to tell.
    let mut second = None;
    let first_body = match (listing.counting, listing.head_start()) {
        (Some(counting), Some(last)) => {
            let mut arriving = pages(first, last, counting);
            let (_, body) = arriving
                .next()
                .await
                .expect("the range holds the first page");
            head = Some((arriving, last));
            body?
        }
        (Some(counting), None) => fetch(counting.param(first, plan.limit)).await?,
        (None, _) if first == 0 => fetch(0).await?,
        (None, _) => {
            let (a, b) = futures_util::future::join(fetch(first), fetch(first + 1)).await;
            let (a, b) = (a?, b.with_context(failed(first + 1))?);
            let found = {
                let (page_a, page_b) = (a.parse()?, b.parse().with_context(failed(first + 1))?);
                let seen = &shared.borrow().seen;
                listing.detect(
                    first,
                    &seen.all(&page_a),
                    page_a.total_count,
                    &seen.all(&page_b),
                )
            };
            if found == Some(Counting::Records) {
                fetch(Counting::Records.param(first, plan.limit)).await?
            } else {
                second = Some(b);
                a
            }
        }
    };
    let page = first_body.parse()?;
    // Checked at the next page: free, since a whole listing needs that page anyway.
    listing.check_next = plan.all
        && second.is_none()
        && (listing.counting.is_none()
            || (plan.counting_may_be_stale && listing.counting == Some(Counting::Pages)));
    listing
        .begin(&page, shared)
        .context("cannot write to stdout")?;
    let mut more = listing.take(first, &page, shared)?;
    drop(page);
    drop(first_body);
    if !plan.all {
        return Ok(());
    }
    listing.plan_pages(progress);
    progress.page_done(shared.borrow().printed);
    let mut next = first + 1;
    if let Some(body) = second.take().filter(|_| more) {
        let page = body.parse().with_context(failed(next))?;
        more = listing.take(next, &page, shared)?;
        progress.page_done(shared.borrow().printed);
        next += 1;
    }
    // One round per planned range; a page reporting a larger total adds a round, and
    // finding that offsets count records starts the range again with record offsets.
    loop {
        let last = plan.last_page(listing.total_now);
        if !more || next > last {
            break;
        }
        listing.plan_pages(progress);
        let counting = listing.counting.unwrap_or(Counting::Pages);
        // The first round's pages are on their way already; past the total, not wanted.
        let (mut arriving, end) = match head.take() {
            Some((arriving, head_last)) => (arriving, head_last.min(last)),
            None => (pages(next, last, counting), last),
        };
        let mut switched = false;
        while more && let Some((n, body)) = arriving.next().await {
            if n > end {
                break;
            }
            let body = body.with_context(failed(n))?;
            let page = body.parse().with_context(failed(n))?;
            if std::mem::take(&mut listing.check_next) {
                let ids = shared.borrow().seen.all(&page);
                let first_ids = std::mem::take(&mut listing.first_ids);
                let found = listing.detect(n - 1, &first_ids, listing.total_first, &ids);
                if found == Some(Counting::Records) && counting == Counting::Pages {
                    switched = true;
                    break;
                }
            }
            more = listing.take(n, &page, shared)?;
            progress.page_done(shared.borrow().printed);
        }
        // Dropping the stream cancels requests still in flight.
        drop(arriving);
        if switched {
            continue;
        }
        let Some(after) = end.checked_add(1) else {
            break;
        };
        next = after;
    }
    if more {
        listing.stop = Some(Stop::PagesExhausted);
    }
    Ok(())
}

/// Pages in page order, requested at most `concurrency` at a time: a page that
/// arrives frees its place at once, so the next request goes out while the pages
/// before it are still being printed (or awaited). At most twice `concurrency` pages
/// are held, arrived or on their way, so that one slow page cannot make the others
/// pile up.
struct Window<F, Fut: Future> {
    pages: RangeInclusive<u64>,
    fetch: F,
    arriving: FuturesOrdered<Arriving<Fut>>,
    /// Requests on their way, shared with each of them.
    in_flight: Rc<Cell<usize>>,
    concurrency: usize,
}

/// A page on its way, counted among those in flight until it arrives.
struct Arriving<Fut> {
    n: u64,
    page: Pin<Box<Fut>>,
    in_flight: Rc<Cell<usize>>,
}

impl<Fut: Future> Future for Arriving<Fut> {
    type Output = (u64, Fut::Output);

    fn poll(mut self: Pin<&mut Self>, cx: &mut task::Context<'_>) -> Poll<Self::Output> {
        let page = task::ready!(self.page.as_mut().poll(cx));
        self.in_flight.set(self.in_flight.get() - 1);
        Poll::Ready((self.n, page))
    }
}

impl<F, Fut> Window<F, Fut>
where
    F: FnMut(u64) -> Fut,
    Fut: Future,
{
    fn new(pages: RangeInclusive<u64>, concurrency: usize, fetch: F) -> Self {
        Window {
            pages,
            fetch,
            arriving: FuturesOrdered::new(),
            in_flight: Rc::default(),
            concurrency: concurrency.max(1),
        }
    }

    /// Request pages while there is room for them; whether any was.
    fn fill(&mut self) -> bool {
        let mut requested = false;
        while self.in_flight.get() < self.concurrency && self.arriving.len() < 2 * self.concurrency
        {
            let Some(n) = self.pages.next() else {
                break;
            };
            self.in_flight.set(self.in_flight.get() + 1);
            self.arriving.push_back(Arriving {
                n,
                page: Box::pin((self.fetch)(n)),
                in_flight: self.in_flight.clone(),
            });
            requested = true;
        }
        requested
    }
}

impl<F, Fut> Stream for Window<F, Fut>
where
    F: FnMut(u64) -> Fut + Unpin,
    Fut: Future,
{
    type Item = (u64, Fut::Output);

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut task::Context<'_>) -> Poll<Option<Self::Item>> {
        loop {
            self.fill();
            match self.arriving.poll_next_unpin(cx) {
                Poll::Pending => {
                    // Pages arrived behind the one awaited: their places go to the
                    // next requests, which must be polled to be sent.
                    if !self.fill() {
                        return Poll::Pending;
                    }
                }
                done => return done,
            }
        }
    }
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
    /// Names the listing in messages, when there are several.
    label: &'a str,
    counting: Option<Counting>,
    detected: Option<Detection>,
    /// Whether the next page is to show what offsets count.
    check_next: bool,
    /// The first page's tasks, in order, for that check.
    first_ids: Vec<u64>,
    /// Repeats dropped from pages that also held new tasks.
    repeats: u64,
    /// Pages that held the same task more than once, and how many such repeats.
    duplicated_on: Vec<u64>,
    duplicates: u64,
    /// The total an earlier run saw.
    recalled: Option<u64>,
    /// The first page's total.
    total_first: Option<u64>,
    /// The latest total any page reported.
    total_now: Option<u64>,
    /// The largest total any page reported.
    total_max: Option<u64>,
    /// The first total that differed from the first page's.
    total_changed_to: Option<u64>,
    /// A page reported a smaller total than one before it: tasks were deleted.
    shrank: bool,
    stop: Option<Stop>,
    printed: u64,
    /// Pages added to the progress bar's length.
    planned: u64,
    envelope: Option<Envelope>,
}

impl<'a> Listing<'a> {
    fn new(plan: &'a Plan, label: &'a str, recalled: Option<u64>) -> Self {
        Listing {
            plan,
            label,
            // One task a page: both readings ask for the same tasks.
            counting: plan
                .counting
                .or((plan.limit == 1).then_some(Counting::Pages)),
            detected: None,
            check_next: false,
            first_ids: Vec::new(),
            repeats: 0,
            duplicated_on: Vec::new(),
            duplicates: 0,
            recalled,
            total_first: None,
            total_now: None,
            total_max: None,
            total_changed_to: None,
            shrank: false,
            stop: None,
            printed: 0,
            planned: 0,
            envelope: None,
        }
    }

    /// What the listing's items are called, `n` of them.
    fn noun(&self, n: u64) -> &'static str {
        self.plan.resource.noun(n)
    }

    /// `label: ` before a message, when the listing has a label.
    fn prefix(&self) -> String {
        if self.label.is_empty() {
            String::new()
        } else {
            format!("{}: ", self.label)
        }
    }

    /// The last page to request together with the first, when a whole listing is
    /// known from an earlier run to take more than one: every page that total implies,
    /// so that they share the first's round trips instead of waiting for its total
    /// (pages past the end, should the total have shrunk, come back empty). Used only
    /// where offsets are known: finding out needs the first page alone.
    fn head_start(&self) -> Option<u64> {
        self.plan.first_round(self.recalled?)
    }

    /// Take in the first page: its total, and its envelope for the output.
    fn begin(&mut self, first: &Page<'_>, shared: &RefCell<Shared<'_>>) -> std::io::Result<()> {
        let total = self.plan.resource.known_total(first.total_count);
        self.total_first = total;
        self.total_now = total;
        self.total_max = total;
        let mut shared = shared.borrow_mut();
        if self.check_next {
            self.first_ids = shared.seen.all(first);
        }
        if shared.merged {
            self.envelope = Some(Envelope {
                total_count: first.total_count_raw.map(ToOwned::to_owned),
                extra: first
                    .extra
                    .iter()
                    .map(|(k, v)| (k.clone(), (*v).to_owned()))
                    .collect(),
            });
            Ok(())
        } else {
            shared.sink.begin(first)
        }
    }

    /// What offset `n + 1` answered, read as the page after offset `n`'s, tells what
    /// offsets count: the same tasks shifted by one are records, new ones pages.
    /// `a` and `b` are the two answers' task fingerprints, in order.
    fn detect(&mut self, n: u64, a: &[u64], a_total: Option<u64>, b: &[u64]) -> Option<Counting> {
        let limit = u64::from(self.plan.limit);
        let (counting, why) = match a.len() {
            0 => return None,
            1 => {
                // One task: the fingerprints cannot tell; the total can, after page 0.
                let total = a_total.filter(|_| n > 0 && limit > 1)?;
                if total == n + 1 {
                    (
                        Counting::Records,
                        format!("offset {n} returned the last {} of {total}", self.noun(1)),
                    )
                } else if total == n.saturating_mul(limit) + 1 {
                    (
                        Counting::Pages,
                        format!(
                            "offset {n} returned the last {} of {total} at {limit} a page",
                            self.noun(1)
                        ),
                    )
                } else {
                    return None;
                }
            }
            len => {
                let shifted = b.len() >= len - 1 && b[..len - 1] == a[1..];
                let fresh = !b.iter().any(|id| a.contains(id));
                if shifted {
                    (
                        Counting::Records,
                        format!(
                            "offset {} returned tasks 2 to {len} of offset {n}'s answer again, \
                             shifted by one",
                            n + 1
                        ),
                    )
                } else if fresh {
                    (
                        Counting::Pages,
                        format!(
                            "offset {} returned {} {}, none of them in offset {n}'s answer",
                            n + 1,
                            b.len(),
                            self.noun(b.len() as u64)
                        ),
                    )
                } else {
                    return None;
                }
            }
        };
        let word = match counting {
            Counting::Pages => "pages",
            Counting::Records => "records",
        };
        term::debug(1, || {
            format!("{}the server's offset counts {word}: {why}", self.prefix())
        });
        if self.counting != Some(counting) {
            self.detected = Some(Detection { counting, why });
        }
        self.counting = Some(counting);
        Some(counting)
    }

    /// Tell the progress bar about the pages the total now calls for.
    fn plan_pages(&mut self, progress: &Progress) {
        if self.total_now.is_none() {
            return;
        }
        let last = self.plan.last_page(self.total_now);
        let pages = last.saturating_sub(self.plan.first_page).saturating_add(1);
        if pages > self.planned {
            progress.add_pages(pages - self.planned);
            self.planned = pages;
        }
    }

    /// Print page `n`'s new tasks; whether the listing goes on.
    fn take(&mut self, n: u64, page: &Page<'_>, shared: &RefCell<Shared<'_>>) -> Result<bool> {
        if let Some(now) = self.plan.resource.known_total(page.total_count) {
            if self.total_first.is_some_and(|first| first != now) && self.total_changed_to.is_none()
            {
                self.total_changed_to = Some(now);
            }
            if self.total_max.is_some_and(|max| now < max) {
                self.shrank = true;
            }
            self.total_max = self.total_max.max(Some(now));
            self.total_now = Some(now);
        }
        let mut fresh = 0u64;
        let mut repeated = 0u64;
        let mut taken = 0;
        let mut shared = shared.borrow_mut();
        let shared = &mut *shared;
        for raw in &page.items {
            if self.capped() || !shared.sink.wants_more() {
                break;
            }
            taken += 1;
            if !shared.seen.insert(shared.seen.of(raw)) {
                repeated += 1;
                continue;
            }
            shared.sink.item(raw).context("cannot write to stdout")?;
            fresh += 1;
            self.printed += 1;
            shared.printed += 1;
        }
        shared.sink.page_done().context("cannot write to stdout")?;
        // Repeats are rare: only then does it matter which were copies within the page.
        let duplicates = if repeated > 0 {
            let mut on_this_page = shared.seen.all(page);
            on_this_page.truncate(taken);
            on_this_page.sort_unstable();
            on_this_page.dedup();
            (taken - on_this_page.len()) as u64
        } else {
            0
        };
        let repeated = repeated - duplicates;

        let stop = if self.capped() || !shared.sink.wants_more() {
            Some(Stop::Capped)
        } else if page.items.is_empty() {
            Some(Stop::Empty(n))
        } else if fresh == 0 {
            Some(Stop::Repeated(n))
        } else if page.items.len() < self.plan.limit as usize {
            Some(Stop::Short(n, page.items.len()))
        } else if self
            .total_now
            .is_some_and(|total| self.printed >= self.plan.expected(total))
        {
            Some(Stop::Complete)
        } else {
            None
        };
        if stop != Some(Stop::Repeated(n)) {
            self.repeats += repeated;
        }
        if duplicates > 0 {
            self.duplicates += duplicates;
            self.duplicated_on.push(n);
        }
        self.stop = stop;
        Ok(stop.is_none())
    }

    fn capped(&self) -> bool {
        self.plan.max_items.is_some_and(|m| self.printed >= m)
    }

    /// The tasks a whole listing lacks: its total did not shrink, yet the pages held
    /// fewer tasks than it.
    fn missing(&self) -> Option<Missing> {
        if !self.plan.all || self.stop == Some(Stop::Capped) || self.shrank {
            return None;
        }
        let expected = self.plan.expected(self.total_now?);
        if self.printed >= expected {
            return None;
        }
        let limit = self.plan.limit;
        let why = match self.stop {
            Some(Stop::Repeated(n)) => format!(
                "page {n} only repeated {} already listed (does the server ignore `offset`?)",
                self.noun(2)
            ),
            Some(Stop::Empty(n)) => format!("page {n} came back empty"),
            Some(Stop::Short(n, len)) => format!(
                "page {n} came back with {len} {} where {limit} were asked for",
                self.noun(len as u64)
            ),
            _ => format!("the pages the total calls for held fewer {}", self.noun(2)),
        };
        let why = match self.duplicates {
            0 => why,
            n => format!(
                "{why}, and {n} of the {} they held were copies of others",
                self.noun(2)
            ),
        };
        // Repeats of earlier pages are part of why: on their own they would read as
        // tasks moving while listing.
        let why = match self.repeats {
            0 => why,
            n => format!(
                "{why}, and {n} of the {} they held repeated earlier pages",
                self.noun(2)
            ),
        };
        Some(Missing {
            expected,
            count: expected - self.printed,
            why,
        })
    }

    /// What went wrong with the listing and did not lose tasks, each said once.
    fn warnings(&self) -> Vec<String> {
        let mut warnings = Vec::new();
        if self.duplicates > 0 {
            let pages: Vec<String> = self.duplicated_on.iter().map(u64::to_string).collect();
            warnings.push(format!(
                "{} the same {} more than once ({} {} dropped); each {} is printed once",
                match pages[..] {
                    [ref one] => format!("page {one} held"),
                    _ => format!("pages {} held", pages.join(", ")),
                },
                self.noun(1),
                self.duplicates,
                if self.duplicates == 1 {
                    "copy"
                } else {
                    "copies"
                },
                self.noun(1)
            ));
        }
        if !self.plan.all {
            return warnings;
        }
        if let (Some(first), Some(now)) = (self.total_first, self.total_changed_to) {
            warnings.push(format!(
                "the total changed from {first} to {now} while listing (tasks were created \
                 or deleted); the listing holds what the pages held"
            ));
        }
        if self.repeats > 0 && self.missing().is_none() {
            warnings.push(format!(
                "skipped {} {} already listed ({} moved between pages while listing)",
                self.repeats,
                self.noun(self.repeats),
                self.noun(2)
            ));
        }
        warnings
    }

    fn outcome(self) -> Outcome {
        Outcome {
            total: self.total_first,
            printed: self.printed,
            counting: self.counting,
            missing: self.missing(),
            detected: self.detected,
            envelope: self.envelope,
        }
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
    /// The field that tells two items apart.
    id_key: &'static str,
    recent: HashSet<u64, BuildHasherDefault<Passthrough>>,
    older: Vec<u64>,
}

const BATCH: usize = 8192;

impl Fingerprints {
    fn new(id_key: &'static str) -> Self {
        Fingerprints {
            key: RandomState::new(),
            id_key,
            recent: HashSet::with_capacity_and_hasher(BATCH, Default::default()),
            older: Vec::new(),
        }
    }

    fn of(&self, task: &RawValue) -> u64 {
        self.key
            .hash_one(id_of(task, self.id_key).unwrap_or(task.get()))
    }

    /// The fingerprints of a page's tasks, in order, remembering none of them.
    fn all(&self, page: &Page<'_>) -> Vec<u64> {
        page.items.iter().map(|task| self.of(task)).collect()
    }

    /// Whether the task of this fingerprint is new; it is remembered either way.
    fn insert(&mut self, fingerprint: u64) -> bool {
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

/// The field `key` of an item as the server wrote it, whatever its JSON type; none
/// when the item is no object, or the field is missing or `null`.
fn id_of<'a>(item: &'a RawValue, key: &str) -> Option<&'a str> {
    struct Field<'k>(&'k str);

    impl<'de> Visitor<'de> for Field<'_> {
        type Value = Option<&'de RawValue>;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an object")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut found = None;
            while let Some(name) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                if found.is_none() && name == self.0 {
                    found = Some(map.next_value::<&'de RawValue>()?);
                } else {
                    map.next_value::<IgnoredAny>()?;
                }
            }
            Ok(found)
        }
    }

    let mut deserializer = serde_json::Deserializer::from_str(item.get());
    deserializer
        .deserialize_map(Field(key))
        .ok()?
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
pub(crate) mod tests {
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
        fn item(&mut self, raw: &RawValue) -> io::Result<()> {
            self.ids.push(
                id_of(raw, "task_id")
                    .unwrap_or("?")
                    .trim_matches('"')
                    .to_string(),
            );
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
        PageBody::new(
            text.into().into_bytes(),
            Resource::TASKS,
            "a test page".into(),
        )
    }

    pub(crate) fn plan(limit: u32) -> Plan {
        Plan {
            resource: Resource::TASKS,
            first_page: 0,
            limit,
            all: true,
            max_items: None,
            concurrency: 3,
            counting: None,
            counting_may_be_stale: false,
            recalled: Vec::new(),
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
        assert_eq!(outcome.total, Some(95));
        assert_eq!(outcome.printed, 95);
        assert!(outcome.missing.is_none());
        assert_eq!(outcome.counting, Some(Counting::Pages));
        assert_eq!(
            outcome.detected.unwrap().why,
            "offset 1 returned 10 tasks, none of them in offset 0's answer"
        );
    }

    #[test]
    fn one_page_without_all() {
        let mut p = plan(10);
        p.all = false;
        p.first_page = 2;
        p.counting = Some(Counting::Pages);
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
        assert!(outcome.missing.is_none(), "a cap is not a shortfall");
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
        // Tasks were deleted: what the pages held is the listing, and nothing is missing.
        let (_, _, outcome) = list(&plan(10), |n| {
            page(n * 10..(n * 10 + 10).min(35), if n == 0 { 50 } else { 35 })
        });
        assert!(outcome.missing.is_none());
    }

    /// `total` tasks `t0`, `t1`, ... of a server whose offset counts records.
    fn records(total: u64) -> impl Fn(u64) -> PageBody {
        move |offset| page(offset.min(total)..(offset + 10).min(total), total)
    }

    /// The same tasks, of a server whose offset counts pages.
    fn pages(total: u64) -> impl Fn(u64) -> PageBody {
        move |n| page((n * 10).min(total)..(n * 10 + 10).min(total), total)
    }

    #[test]
    fn a_server_counting_records_is_found_out_at_the_second_page() {
        let (got, requested, outcome) = list(&plan(10), records(95));
        assert_eq!(got, ids(0..95), "every task once, in order");
        // Page 0, the first round of page offsets (cancelled once offset 1 shows
        // records), then record offsets.
        assert_eq!(requested[..4], [0, 1, 2, 3]);
        assert_eq!(requested[4..], [10, 20, 30, 40, 50, 60, 70, 80, 90]);
        assert_eq!(outcome.counting, Some(Counting::Records));
        assert_eq!(
            outcome.detected.unwrap().why,
            "offset 1 returned tasks 2 to 10 of offset 0's answer again, shifted by one"
        );
        assert!(outcome.missing.is_none());
    }

    #[test]
    fn a_later_first_page_takes_two_answers_to_tell() {
        let mut p = plan(10);
        p.first_page = 2;
        // Pages: offset 3 is the next page, which the listing uses.
        let (got, requested, outcome) = list(&p, pages(95));
        assert_eq!(got, ids(20..95));
        assert_eq!(requested[..2], [2, 3]);
        assert_eq!(requested.len(), 8, "{requested:?}");
        assert_eq!(outcome.counting, Some(Counting::Pages));
        // Records: page 2 is offset 20.
        let (got, requested, outcome) = list(&p, records(95));
        assert_eq!(got, ids(20..95));
        assert_eq!(requested, [2, 3, 20, 30, 40, 50, 60, 70, 80, 90]);
        assert_eq!(outcome.counting, Some(Counting::Records));
        assert!(outcome.missing.is_none());
        // One page: one request more than the page needs against pages, one round
        // more against records.
        p.all = false;
        let (got, requested, _) = list(&p, pages(95));
        assert_eq!((got, requested), (ids(20..30), vec![2, 3]));
        let (got, requested, _) = list(&p, records(95));
        assert_eq!((got, requested), (ids(20..30), vec![2, 3, 20]));
        // A short answer, shifted by one, is records too: page 1 of 8 tasks is empty.
        p.first_page = 1;
        let (got, requested, outcome) = list(&p, records(8));
        assert_eq!((got, requested), (vec![], vec![1, 2, 10]));
        assert_eq!(outcome.counting, Some(Counting::Records));
    }

    #[test]
    fn a_single_task_answer_is_told_by_the_total() {
        let mut p = plan(10);
        p.first_page = 3;
        p.all = false;
        // Records: offset 3 holds the last of 4 tasks, and page 3 is empty.
        let (got, requested, outcome) = list(&p, records(4));
        assert!(got.is_empty());
        assert_eq!(requested, [3, 4, 30]);
        assert_eq!(outcome.counting, Some(Counting::Records));
        // Pages: page 3 holds the last of 31 tasks.
        let (got, requested, outcome) = list(&p, pages(31));
        assert_eq!((got, requested), (ids(30..31), vec![3, 4]));
        assert_eq!(outcome.counting, Some(Counting::Pages));
        // Neither reading fits the total: nothing is concluded.
        let (_, _, outcome) = list(&p, |n| page(n..n + 1, 500));
        assert_eq!(outcome.counting, None);
        assert!(outcome.detected.is_none());
    }

    #[test]
    fn what_offsets_count_is_known_without_asking_when_it_cannot_matter() {
        // One task a page: both readings ask for the same tasks.
        let mut p = plan(1);
        p.first_page = 2;
        p.all = false;
        let (got, requested, outcome) = list(&p, |n| page(n..n + 1, 50));
        assert_eq!((got, requested), (ids(2..3), vec![2]));
        assert!(outcome.detected.is_none());
        // A first page that holds every task asks for no second.
        let (got, requested, outcome) = list(&plan(10), records(7));
        assert_eq!((got, requested), (ids(0..7), vec![0]));
        assert!(outcome.detected.is_none());
    }

    #[test]
    fn a_cached_reading_is_checked_for_free_and_corrected() {
        let mut p = plan(10);
        p.counting = Some(Counting::Pages);
        p.counting_may_be_stale = true;
        let (got, requested, outcome) = list(&p, records(95));
        assert_eq!(got, ids(0..95));
        assert_eq!(requested[..4], [0, 1, 2, 3]);
        assert_eq!(outcome.counting, Some(Counting::Records));
        assert!(outcome.detected.is_some(), "a correction is news");
        // Confirmed, it is not news.
        let (got, requested, outcome) = list(&p, pages(95));
        assert_eq!(got, ids(0..95));
        assert_eq!(requested, (0..10).collect::<Vec<_>>());
        assert!(outcome.detected.is_none());
        // Cached records are trusted: no page offsets at all.
        p.counting = Some(Counting::Records);
        let (got, requested, _) = list(&p, records(95));
        assert_eq!(got, ids(0..95));
        assert_eq!(requested, [0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
    }

    #[test]
    fn a_reading_the_user_set_is_kept_and_a_short_listing_says_so() {
        let mut p = plan(10);
        p.counting = Some(Counting::Pages);
        let (got, _, outcome) = list(&p, records(95));
        // Each page offset brings one new task.
        assert_eq!(got, ids(0..19));
        assert!(outcome.detected.is_none());
        let missing = outcome.missing.unwrap();
        assert_eq!((missing.expected, missing.count), (95, 76));
        assert_eq!(
            missing.why,
            "the pages the total calls for held fewer tasks, and 81 of the tasks they held \
             repeated earlier pages"
        );
        p.counting = Some(Counting::Records);
        let (got, _, outcome) = list(&p, pages(95));
        assert_eq!(got, ids(0..10));
        let missing = outcome.missing.unwrap();
        assert_eq!((missing.expected, missing.count), (95, 85));
        assert_eq!(missing.why, "page 1 came back empty");
    }

    #[test]
    fn a_total_the_pages_do_not_hold_is_missing_tasks() {
        let (got, _, outcome) = list(&plan(10), |n| {
            page((n * 10).min(95)..(n * 10 + 10).min(95), 120)
        });
        assert_eq!(got, ids(0..95));
        let missing = outcome.missing.unwrap();
        assert_eq!((missing.expected, missing.count), (120, 25));
        assert_eq!(
            missing.why,
            "page 9 came back with 5 tasks where 10 were asked for"
        );
        // From a later first page, the total counts from there.
        let mut p = plan(10);
        p.first_page = 5;
        p.counting = Some(Counting::Pages);
        let (_, _, outcome) = list(&p, |n| page((n * 10).min(95)..(n * 10 + 10).min(95), 120));
        assert_eq!(outcome.missing.unwrap().expected, 70);
        // A capped listing is not missing anything.
        p.max_items = Some(12);
        let (got, _, outcome) = list(&p, |n| page(n * 10..n * 10 + 10, 120));
        assert_eq!(got.len(), 12);
        assert!(outcome.missing.is_none());
        // Nor is one page.
        p.all = false;
        p.max_items = None;
        let (_, _, outcome) = list(&p, |n| page(n * 10..n * 10 + 10, 120));
        assert!(outcome.missing.is_none());
    }

    #[test]
    fn a_grown_total_is_what_counts() {
        // The total grows to 60 at page 3; the pages end at 45.
        let (got, _, outcome) = list(&plan(10), |n| {
            page(
                (n * 10).min(45)..(n * 10 + 10).min(45),
                if n < 3 { 40 } else { 60 },
            )
        });
        assert_eq!(got, ids(0..45));
        assert_eq!(outcome.missing.unwrap().count, 15);
    }

    #[test]
    fn a_server_ignoring_offset_is_missing_tasks() {
        let (got, _, outcome) = list(&plan(10), |_| page(0..10, 1000));
        assert_eq!(got, ids(0..10));
        assert_eq!(outcome.counting, None, "repeats are neither reading");
        let missing = outcome.missing.unwrap();
        assert_eq!(missing.count, 990);
        assert!(
            missing.why.starts_with("page 1 only repeated"),
            "{}",
            missing.why
        );
    }

    #[test]
    fn merged_listings_share_the_output_and_print_each_task_once() {
        let mut sink = Collect::default();
        let requested = RefCell::new(Vec::new());
        let source = |name: &'static str, ids: Vec<u64>| {
            let requested = &requested;
            move |offset: u64| {
                requested.borrow_mut().push((name, offset));
                let on_page: Vec<u64> = ids
                    .iter()
                    .copied()
                    .skip(offset as usize * 10)
                    .take(10)
                    .collect();
                let page = page(on_page, ids.len() as u64);
                async move { Ok(page) }
            }
        };
        let sources = [
            ("a".to_string(), source("a", (0..25).collect())),
            // One task the first source lists too.
            ("b".to_string(), source("b", (24..37).collect())),
        ];
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let outcomes = runtime
            .block_on(run_merged(
                &plan(10),
                &sources,
                &mut sink,
                &Progress::hidden(),
            ))
            .unwrap();
        let mut got = sink.ids.clone();
        got.sort_by_key(|id| id[1..].parse::<u64>().unwrap());
        assert_eq!(got, ids(0..37));
        assert_eq!(outcomes.len(), 2);
        let total_of = |outcome: &Outcome| {
            let envelope = outcome.envelope.as_ref().unwrap();
            envelope.total_count.as_ref().unwrap().get().to_owned()
        };
        assert_eq!(total_of(&outcomes[0]), "25");
        assert_eq!(total_of(&outcomes[1]), "13");
        // Each listing's pages, in its own order.
        let of = |name| -> Vec<u64> {
            requested
                .borrow()
                .iter()
                .filter(|(n, _)| *n == name)
                .map(|(_, o)| *o)
                .collect()
        };
        assert_eq!(of("a"), [0, 1, 2]);
        assert_eq!(of("b"), [0, 1]);
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

    #[test]
    fn copies_within_a_page_are_told_from_repeats_of_earlier_pages() {
        let plan = plan(10);
        let mut sink = Collect::default();
        let shared = RefCell::new(Shared {
            seen: Fingerprints::new("task_id"),
            sink: &mut sink,
            merged: false,
            printed: 0,
        });
        let mut listing = Listing::new(&plan, "", None);
        let body = page([0, 1, 0, 0], 9);
        listing.take(0, &body.parse().unwrap(), &shared).unwrap();
        assert_eq!((listing.duplicates, listing.repeats), (2, 0));
        let body = page([1, 2, 2, 3], 9);
        listing.take(1, &body.parse().unwrap(), &shared).unwrap();
        assert_eq!((listing.duplicates, listing.repeats), (3, 1));
        // A page without copies is not named.
        let body = page([4, 5], 9);
        listing.take(2, &body.parse().unwrap(), &shared).unwrap();
        assert_eq!(listing.duplicated_on, [0, 1]);
        assert_eq!(listing.printed, 6);
        assert_eq!(
            listing.warnings()[0],
            "pages 0, 1 held the same task more than once (3 copies dropped); each task is \
             printed once"
        );
    }

    #[test]
    fn a_failing_page_is_named_and_so_is_its_listing() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        // The second answer of a later first page.
        let mut p = plan(10);
        p.first_page = 2;
        let fetch = |offset: u64| async move {
            if offset == 3 {
                anyhow::bail!("refused")
            }
            Ok(page(offset * 10..offset * 10 + 10, 95))
        };
        let err = runtime
            .block_on(run(&p, fetch, &mut Collect::default(), &Progress::hidden()))
            .unwrap_err();
        assert_eq!(format!("{err:#}"), "page 3 failed: refused");
        // An answer that is no page, likewise.
        let fetch = |offset: u64| async move {
            Ok(match offset {
                3 => body("<html>"),
                _ => page(offset * 10..offset * 10 + 10, 95),
            })
        };
        let err = runtime
            .block_on(run(&p, fetch, &mut Collect::default(), &Progress::hidden()))
            .unwrap_err();
        assert!(
            format!("{err:#}").starts_with("page 3 failed: malformed response listing"),
            "{err:#}"
        );
        // In a merged listing, the listing that failed says who it is.
        let sources = [("a".to_string(), None, 0), ("b".to_string(), Some(1), 100)].map(
            |(label, failing, first)| {
                let fetch = move |n: u64| async move {
                    if Some(n) == failing {
                        anyhow::bail!("refused")
                    }
                    Ok(page(first + n * 10..first + n * 10 + 10, 30))
                };
                (label, fetch)
            },
        );
        let err = runtime
            .block_on(run_merged(
                &plan(10),
                &sources,
                &mut Collect::default(),
                &Progress::hidden(),
            ))
            .unwrap_err();
        assert_eq!(format!("{err:#}"), "b: page 1 failed: refused");
    }

    #[test]
    fn one_task_after_page_0_is_told_by_the_total_only() {
        let p = plan(10);
        let mut listing = Listing::new(&p, "", None);
        // On page 0, one task of one says nothing about offsets.
        assert_eq!(listing.detect(0, &[7], Some(1), &[]), None);
        assert_eq!(
            listing.detect(3, &[7], Some(4), &[]),
            Some(Counting::Records)
        );
        assert_eq!(
            listing.detect(3, &[7], Some(31), &[]),
            Some(Counting::Pages)
        );
        assert_eq!(listing.detect(3, &[7], None, &[]), None);
        // With one task a page, both readings are the same.
        let one = plan(1);
        let mut listing = Listing::new(&one, "", None);
        assert_eq!(listing.detect(3, &[7], Some(4), &[]), None);
    }

    fn task(id: impl std::fmt::Display) -> Box<RawValue> {
        RawValue::from_string(format!("{{\"task_id\":{id}}}")).unwrap()
    }

    #[test]
    fn fingerprints_are_exact_across_batches() {
        let mut f = Fingerprints::new("task_id");
        let n = BATCH * 3 + 5;
        for i in 0..n {
            assert!(f.insert(f.of(&task(i))), "{i} is new");
        }
        for i in (0..n).step_by(97) {
            assert!(!f.insert(f.of(&task(i))), "{i} was seen");
        }
        assert_eq!(f.older.len() + f.recent.len(), n);
        // Every full batch moved into the sorted array; the rest are recent.
        assert_eq!(f.recent.len(), 5);
        assert!(
            f.older.windows(2).all(|w| w[0] < w[1]),
            "sorted, no duplicates"
        );
        assert!(f.insert(f.of(&task(n))));
    }

    #[test]
    fn the_sets_hasher_passes_a_hash_through() {
        let mut hasher = Passthrough::default();
        hasher.write_u64(0x0123_4567_89ab_cdef);
        assert_eq!(hasher.finish(), 0x0123_4567_89ab_cdef);
        let mut hasher = Passthrough::default();
        hasher.write(&[1, 2, 3]);
        assert_eq!(hasher.finish(), 0x01_02_03);
    }

    #[test]
    fn numeric_and_string_ids_differ() {
        let mut f = Fingerprints::new("task_id");
        assert!(f.insert(f.of(&task("\"7\""))));
        assert!(f.insert(f.of(&task(7))));
        assert!(!f.insert(f.of(&task(7))));
    }

    /// Run against `server(offset)` whose answers each take a few turns of the
    /// runtime, logging `>n` when offset `n` is requested and `<n` when it is answered.
    fn list_logged(plan: &Plan, server: impl Fn(u64) -> PageBody) -> (Vec<String>, Vec<String>) {
        let log = RefCell::new(Vec::new());
        let mut sink = Collect::default();
        let fetch = |n: u64| {
            log.borrow_mut().push(format!(">{n}"));
            let page = server(n);
            let log = &log;
            async move {
                for _ in 0..3 {
                    tokio::task::yield_now().await;
                }
                log.borrow_mut().push(format!("<{n}"));
                Ok(page)
            }
        };
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        runtime
            .block_on(run(plan, fetch, &mut sink, &Progress::hidden()))
            .unwrap();
        (sink.ids, log.into_inner())
    }

    /// Where `entry` is in `log`.
    fn at(log: &[String], entry: &str) -> usize {
        log.iter()
            .position(|e| e == entry)
            .unwrap_or_else(|| panic!("{entry} not in {log:?}"))
    }

    fn recalled(total: u64) -> Plan {
        let mut p = plan(10);
        p.counting = Some(Counting::Pages);
        p.recalled = vec![Some(total)];
        p
    }

    #[test]
    fn a_recalled_total_requests_its_pages_with_the_first() {
        let (got, log) = list_logged(&recalled(25), pages(25));
        assert_eq!(got, ids(0..25));
        assert!(at(&log, ">1") < at(&log, "<0"), "{log:?}");
        assert!(at(&log, ">2") < at(&log, "<0"), "{log:?}");
        // Without one, the first page goes alone.
        let mut p = recalled(25);
        p.recalled = Vec::new();
        let (got, log) = list_logged(&p, pages(25));
        assert_eq!(got, ids(0..25));
        assert!(at(&log, ">1") > at(&log, "<0"), "{log:?}");
        // As without: an unknown counting, one page recalled, a listing of one page.
        for p in [
            Plan {
                counting: None,
                ..recalled(25)
            },
            recalled(10),
            Plan {
                all: false,
                ..recalled(25)
            },
        ] {
            let (_, log) = list_logged(&p, pages(25));
            assert_eq!(log[..2], [">0", "<0"], "{p:?}");
        }
    }

    #[test]
    fn a_first_round_keeps_to_the_concurrency_and_the_cap() {
        // The cap of in-flight pages holds from the first request on.
        let (got, log) = list_logged(&recalled(95), pages(95));
        assert_eq!(got, ids(0..95));
        let mut in_flight = 0;
        let mut most = 0;
        for entry in &log {
            in_flight += if entry.starts_with('>') { 1 } else { -1 };
            most = most.max(in_flight);
        }
        assert_eq!(most, 3, "{log:?}");
        assert!(at(&log, ">3") > at(&log, "<0"), "{log:?}");
        // --max-items and --offset bound it as they bound the pages.
        let mut p = recalled(95);
        p.max_items = Some(15);
        let (got, requested, _) = list(&p, pages(95));
        assert_eq!(got, ids(0..15));
        assert_eq!(requested, [0, 1]);
        let mut p = recalled(95);
        p.first_page = 8;
        let (got, log) = list_logged(&p, pages(95));
        assert_eq!(got, ids(80..95));
        assert!(at(&log, ">9") < at(&log, "<8"), "{log:?}");
        assert!(!log.contains(&">10".to_string()), "{log:?}");
    }

    #[test]
    fn a_recalled_total_that_is_wrong_changes_nothing_listed() {
        // Shrunk since: the pages past the end come back empty, and nothing is amiss.
        let (got, requested, outcome) = list(&recalled(95), pages(25));
        assert_eq!(got, ids(0..25));
        // At worst, as many pages past the end as may be in flight.
        assert!(requested.iter().all(|&n| n <= 2 + 3), "{requested:?}");
        assert!(outcome.missing.is_none());
        assert_eq!(outcome.total, Some(25));
        // Grown since: the listing goes on to the new total.
        let (got, requested, outcome) = list(&recalled(25), pages(95));
        assert_eq!(got, ids(0..95));
        assert_eq!(requested, (0..10).collect::<Vec<_>>());
        assert!(outcome.missing.is_none());
        // A cached page reading that is wrong is still found out and corrected.
        let mut p = recalled(95);
        p.counting_may_be_stale = true;
        let (got, _, outcome) = list(&p, records(95));
        assert_eq!(got, ids(0..95));
        assert_eq!(outcome.counting, Some(Counting::Records));
        // The same listing, as it went without a recalled total.
        p.recalled = Vec::new();
        let (without, _, _) = list(&p, records(95));
        assert_eq!(got, without);
    }

    #[test]
    fn a_page_that_arrives_frees_its_place_before_its_turn_and_a_slow_one_holds_at_most_two_windows()
     {
        // Page 0 takes long; the others arrive at once, and are handed on in order.
        let log = RefCell::new(Vec::new());
        let fetch = |n: u64| {
            log.borrow_mut().push(format!(">{n}"));
            let log = &log;
            async move {
                for _ in 0..if n == 0 { 50 } else { 1 } {
                    tokio::task::yield_now().await;
                }
                log.borrow_mut().push(format!("<{n}"));
                n
            }
        };
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let got: Vec<(u64, u64)> = runtime.block_on(Window::new(0..=9, 3, fetch).collect());
        assert_eq!(got, (0..=9).map(|n| (n, n)).collect::<Vec<_>>());
        let log = log.into_inner();
        // Pages 1 and 2 gave their places to 3 and 4, then 5, before page 0 was in;
        // no more, as six pages were then held.
        let zero = at(&log, "<0");
        assert!(at(&log, ">5") < zero, "{log:?}");
        assert!(at(&log, ">6") > zero, "{log:?}");
        let mut in_flight = 0;
        for entry in &log {
            in_flight += if entry.starts_with('>') { 1 } else { -1 };
            assert!(in_flight <= 3, "{log:?}");
        }
    }

    #[test]
    fn connections_are_opened_ahead_for_a_listing_of_unknown_size() {
        let unknown = plan(10);
        assert_eq!(unknown.connections_ahead(1), 3);
        assert_eq!(unknown.connections_ahead(4), 3);
        assert_eq!(
            Plan {
                all: false,
                ..plan(10)
            }
            .connections_ahead(1),
            0
        );
        // Its pages are requested at once, or there is only one.
        assert_eq!(recalled(95).connections_ahead(1), 0);
        assert_eq!(recalled(10).connections_ahead(1), 0);
        let mut one_known = recalled(95);
        one_known.recalled.push(None);
        assert_eq!(one_known.connections_ahead(2), 3);
        // Known to be several pages, but the first goes alone to find out what
        // offsets count.
        let finding_out = Plan {
            counting: None,
            ..recalled(95)
        };
        assert_eq!(finding_out.connections_ahead(1), 3);
        assert_eq!(
            Plan {
                counting: None,
                ..recalled(10)
            }
            .connections_ahead(1),
            0
        );
    }

    #[test]
    fn merged_listings_each_take_their_own_recalled_total() {
        let mut p = recalled(25);
        p.recalled = vec![None, Some(25)];
        let log = RefCell::new(Vec::new());
        let source = |tag: &'static str| {
            let log = &log;
            move |n: u64| {
                log.borrow_mut().push(format!(">{tag}{n}"));
                let body = page(n * 10..(n * 10 + 10).min(25), 25);
                async move {
                    tokio::task::yield_now().await;
                    log.borrow_mut().push(format!("<{tag}{n}"));
                    Ok(body)
                }
            }
        };
        let sources = [
            ("a".to_string(), source("a")),
            ("b".to_string(), source("b")),
        ];
        let mut sink = Collect::default();
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        runtime
            .block_on(run_merged(&p, &sources, &mut sink, &Progress::hidden()))
            .unwrap();
        let log = log.into_inner();
        assert!(at(&log, ">a1") > at(&log, "<a0"), "{log:?}");
        assert!(at(&log, ">b1") < at(&log, "<b0"), "{log:?}");
    }
}
