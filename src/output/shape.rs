//! `--status` and `--sort`: which tasks reach the output, and in what order.

use std::cell::Cell;
use std::cmp::Ordering;
use std::io;
use std::rc::Rc;

use serde_json::value::RawValue;

use super::Sink;
use crate::api::page::Page;
use crate::api::paging::Group;
use crate::domain::item::Item;
use crate::domain::kind::{JobSort, JobStatus, Kind, SortKey};
use crate::domain::task::{Status, TaskView};

/// What `--sort` orders by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SortField {
    Created,
    Name,
    Status,
    Progress,
    Elapsed,
}

/// A field, ascending, or descending when written with a leading `-`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort {
    pub field: SortField,
    pub descending: bool,
}

impl Sort {
    /// Newest first, by creation time.
    pub const NEWEST_FIRST: Sort = Sort {
        field: SortField::Created,
        descending: true,
    };
}

/// A task's place in the order: missing values sort last either way.
#[derive(Debug, PartialEq, PartialOrd)]
pub enum Key {
    Text(String),
    Number(f64),
    Missing,
}

impl Sort {
    /// The fields of a task the order reads (see [`TaskView::essentials`]).
    pub fn reads(self) -> &'static [&'static str] {
        match self.field {
            SortField::Created => &["create_time"],
            SortField::Name => &["task_name", "config.name"],
            SortField::Status => &["status"],
            SortField::Progress => &["progress"],
            SortField::Elapsed => &["elapsed_time"],
        }
    }

    fn key(self, task: &TaskView) -> Key {
        let text = |t: String| {
            if t == crate::domain::task::MISSING {
                Key::Missing
            } else {
                Key::Text(t)
            }
        };
        match self.field {
            // By the moment, whatever zone each time was written in.
            SortField::Created => match task.created_at() {
                Some(at) => Key::Number(at.as_millisecond() as f64),
                None => text(task.created()),
            },
            SortField::Name => text(task.name().to_lowercase()),
            // The order a task lives through, the ends last.
            SortField::Status => match task.status() {
                Some(status) => Key::Number(match status {
                    Status::Queued => 0.0,
                    Status::Initializing => 1.0,
                    Status::Running => 2.0,
                    Status::Stopping => 3.0,
                    Status::Stopped => 4.0,
                    Status::Failed => 5.0,
                    Status::Succeeded => 6.0,
                }),
                None => Key::Missing,
            },
            SortField::Progress => task.progress_value().map_or(Key::Missing, Key::Number),
            SortField::Elapsed => task
                .elapsed_seconds()
                .map_or(Key::Missing, |s| Key::Number(s as f64)),
        }
    }

    fn compare(self, a: &Key, b: &Key) -> Ordering {
        match (a, b) {
            (Key::Missing, Key::Missing) => Ordering::Equal,
            (Key::Missing, _) => Ordering::Greater,
            (_, Key::Missing) => Ordering::Less,
            _ => {
                let order = a.partial_cmp(b).unwrap_or(Ordering::Equal);
                if self.descending {
                    order.reverse()
                } else {
                    order
                }
            }
        }
    }
}

/// Put `tasks` in `sort` order; equal keys keep their order.
pub fn sort_tasks(tasks: &mut Vec<Box<RawValue>>, sort: Sort) {
    let mut keyed: Vec<(Key, Box<RawValue>)> = std::mem::take(tasks)
        .into_iter()
        .map(|raw| (sort.key(&TaskView::parse(raw.get())), raw))
        .collect();
    keyed.sort_by(|a, b| sort.compare(&a.0, &b.0));
    tasks.extend(keyed.into_iter().map(|(_, raw)| raw));
}

/// What [`Shaped`] reads of an item: whether `--status` lets it through, and where
/// `--sort` puts it; intelligent tasks by their view, other jobs by their kind.
pub trait Shape {
    /// An item's place in the order.
    type Key;
    /// Whether an order is asked for.
    fn sorts(&self) -> bool;
    /// Whether a filter is asked for.
    fn filters(&self) -> bool;
    /// The item's key (with an order) and whether the filter lets it through.
    fn read(&self, raw: &RawValue) -> (Option<Self::Key>, bool);
    fn compare(&self, a: &Self::Key, b: &Self::Key) -> Ordering;
}

/// `--status` and `--sort` of intelligent tasks.
pub struct Tasks {
    statuses: Vec<Status>,
    sort: Option<Sort>,
}

impl Shape for Tasks {
    type Key = Key;

    fn sorts(&self) -> bool {
        self.sort.is_some()
    }

    fn filters(&self) -> bool {
        !self.statuses.is_empty()
    }

    fn read(&self, raw: &RawValue) -> (Option<Key>, bool) {
        let task = TaskView::parse(raw.get());
        let passes =
            self.statuses.is_empty() || task.status().is_some_and(|s| self.statuses.contains(&s));
        (self.sort.map(|sort| sort.key(&task)), passes)
    }

    fn compare(&self, a: &Key, b: &Key) -> Ordering {
        self.sort.map_or(Ordering::Equal, |sort| sort.compare(a, b))
    }
}

/// `--status` and `--sort` of another kind's jobs.
pub struct Jobs {
    kind: Kind,
    statuses: Vec<&'static JobStatus>,
    sort: Option<JobSort>,
}

impl Shape for Jobs {
    type Key = Option<SortKey>;

    fn sorts(&self) -> bool {
        self.sort.is_some()
    }

    fn filters(&self) -> bool {
        !self.statuses.is_empty()
    }

    fn read(&self, raw: &RawValue) -> (Option<Option<SortKey>>, bool) {
        let item = Item::parse(raw.get());
        let passes = self.statuses.is_empty()
            || self
                .kind
                .status_of(&item)
                .is_some_and(|s| self.statuses.contains(&s));
        let key = self
            .sort
            .map(|sort| sort.column.show.key(&self.kind, &item));
        (key, passes)
    }

    fn compare(&self, a: &Option<SortKey>, b: &Option<SortKey>) -> Ordering {
        self.sort.map_or(Ordering::Equal, |sort| sort.compare(a, b))
    }
}

/// Passes to `inner` the items (tasks, or another kind's jobs, as `S` reads them) that
/// the status filter lets through (all when there is none), in the order asked for
/// (which holds every item until the end) or as they come; at most `max` of those that
/// pass, when a limit is set.
///
/// Sorted, the items are held whole, unless `inner` keeps them itself (the table): it
/// then gets each as it comes, and at the end the order to write them in, and only
/// their keys are held here.
pub struct Shaped<'a, S: Shape = Tasks> {
    inner: Box<dyn Sink + 'a>,
    shape: S,
    /// Items held for sorting: the sort key, whether the status filter passes it.
    held: Vec<(S::Key, bool, Box<RawValue>)>,
    /// The sort key of each item `inner` keeps, and whether the filter passes it.
    keys: Vec<(S::Key, bool)>,
    /// The dataset of each held item, by index into `groups`, when groups were given.
    held_groups: Vec<usize>,
    groups: Vec<String>,
    matched: Rc<Cell<u64>>,
    max: Option<u64>,
    /// Items passed on so far, when not sorting.
    taken: u64,
}

impl<'a> Shaped<'a> {
    /// `matched` counts the tasks that passed the filter.
    pub fn new(
        inner: Box<dyn Sink + 'a>,
        statuses: Vec<Status>,
        sort: Option<Sort>,
        matched: Rc<Cell<u64>>,
    ) -> Shaped<'a> {
        Shaped::with(inner, Tasks { statuses, sort }, matched)
    }
}

impl<'a> Shaped<'a, Jobs> {
    /// Jobs of `kind`; `matched` counts those that passed the filter.
    pub fn jobs(
        inner: Box<dyn Sink + 'a>,
        kind: &Kind,
        statuses: Vec<&'static JobStatus>,
        sort: Option<JobSort>,
        matched: Rc<Cell<u64>>,
    ) -> Shaped<'a, Jobs> {
        let shape = Jobs {
            kind: *kind,
            statuses,
            sort,
        };
        Shaped::with(inner, shape, matched)
    }
}

impl<'a, S: Shape> Shaped<'a, S> {
    fn with(inner: Box<dyn Sink + 'a>, shape: S, matched: Rc<Cell<u64>>) -> Shaped<'a, S> {
        Shaped {
            inner,
            shape,
            held: Vec::new(),
            keys: Vec::new(),
            held_groups: Vec::new(),
            groups: Vec::new(),
            matched,
            max: None,
            taken: 0,
        }
    }

    /// Pass on at most `max` items of those the filter lets through: the first in
    /// order, else the first to come.
    pub fn limit_to(&mut self, max: Option<u64>) {
        self.max = max;
    }
}

impl<S: Shape> Sink for Shaped<'_, S> {
    fn begin(&mut self, first: &Page<'_>) -> io::Result<()> {
        self.inner.begin(first)
    }

    fn group(&mut self, group: &Group<'_>) -> io::Result<()> {
        if self.shape.sorts() && !self.inner.keeps_items() {
            // Sorted, items of every group mix: each keeps its group to be told with it.
            self.groups.push(group.dataset_id.to_string());
            return Ok(());
        }
        self.inner.group(group)
    }

    fn item(&mut self, raw: &RawValue) -> io::Result<()> {
        if self.shape.sorts() {
            let (key, passes) = self.shape.read(raw);
            let key = key.expect("a key when sorting");
            if self.inner.keeps_items() {
                self.keys.push((key, passes));
                return self.inner.item(raw);
            }
            self.held.push((key, passes, raw.to_owned()));
            if !self.groups.is_empty() {
                self.held_groups.push(self.groups.len() - 1);
            }
            return Ok(());
        }
        if !self.wants_more() {
            return Ok(());
        }
        if self.shape.filters() && !self.shape.read(raw).1 {
            return Ok(());
        }
        self.taken += 1;
        self.matched.set(self.matched.get() + 1);
        self.inner.item(raw)
    }

    fn page_done(&mut self) -> io::Result<()> {
        if !self.shape.sorts() {
            self.inner.page_done()?;
        }
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        let max = self
            .max
            .map_or(usize::MAX, |m| usize::try_from(m).unwrap_or(usize::MAX));
        if self.shape.sorts() && self.inner.keeps_items() {
            let keys = std::mem::take(&mut self.keys);
            let mut order: Vec<usize> = (0..keys.len()).collect();
            // Stable: equal keys keep the server's order.
            order.sort_by(|&a, &b| self.shape.compare(&keys[a].0, &keys[b].0));
            order.retain(|&n| keys[n].1);
            order.truncate(max);
            self.matched.set(self.matched.get() + order.len() as u64);
            self.inner.reorder(order);
            self.inner.page_done()?;
        } else if self.shape.sorts() {
            let held = std::mem::take(&mut self.held);
            let groups = std::mem::take(&mut self.held_groups);
            let mut order: Vec<usize> = (0..held.len()).collect();
            // Stable: equal keys keep the server's order.
            order.sort_by(|&a, &b| self.shape.compare(&held[a].0, &held[b].0));
            let mut told = None;
            for n in order.into_iter().filter(|&n| held[n].1).take(max) {
                if let Some(&group) = groups.get(n)
                    && told != Some(group)
                {
                    self.inner.group(&Group {
                        dataset_id: &self.groups[group],
                        name: None,
                        total: None,
                        error: None,
                    })?;
                    told = Some(group);
                }
                self.matched.set(self.matched.get() + 1);
                self.inner.item(&held[n].2)?;
            }
            self.inner.page_done()?;
        }
        self.inner.finish()
    }

    fn wants_more(&self) -> bool {
        // Sorted, any item may be among the first.
        self.shape.sorts() || self.max.is_none_or(|max| self.taken < max)
    }
}

/// Passes on to `inner` the items `keep` accepts, counting them in `matched`; at most
/// `max` of them, when a limit is set.
pub struct Filtered<'a> {
    inner: Box<dyn Sink + 'a>,
    keep: fn(&str) -> bool,
    matched: Rc<Cell<u64>>,
    max: Option<u64>,
    taken: u64,
}

impl<'a> Filtered<'a> {
    pub fn new(
        inner: Box<dyn Sink + 'a>,
        keep: fn(&str) -> bool,
        matched: Rc<Cell<u64>>,
    ) -> Filtered<'a> {
        Filtered {
            inner,
            keep,
            matched,
            max: None,
            taken: 0,
        }
    }

    /// Pass on at most `max` items of those `keep` accepts.
    pub fn limit_to(&mut self, max: Option<u64>) {
        self.max = max;
    }
}

impl Sink for Filtered<'_> {
    fn begin(&mut self, first: &Page<'_>) -> io::Result<()> {
        self.inner.begin(first)
    }

    fn group(&mut self, group: &Group<'_>) -> io::Result<()> {
        self.inner.group(group)
    }

    fn item(&mut self, raw: &RawValue) -> io::Result<()> {
        if !self.wants_more() || !(self.keep)(raw.get()) {
            return Ok(());
        }
        self.taken += 1;
        self.matched.set(self.matched.get() + 1);
        self.inner.item(raw)
    }

    fn page_done(&mut self) -> io::Result<()> {
        self.inner.page_done()
    }

    fn finish(&mut self) -> io::Result<()> {
        self.inner.finish()
    }

    fn wants_more(&self) -> bool {
        self.max.is_none_or(|max| self.taken < max)
    }
}

/// Put `jobs` in `sort` order; equal keys keep their order.
pub fn sort_jobs(jobs: &mut Vec<Box<RawValue>>, sort: JobSort) {
    let mut keyed: Vec<(Option<SortKey>, Box<RawValue>)> = std::mem::take(jobs)
        .into_iter()
        .map(|raw| (sort.key(raw.get()), raw))
        .collect();
    keyed.sort_by(|a, b| sort.compare(&a.0, &b.0));
    jobs.extend(keyed.into_iter().map(|(_, raw)| raw));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sink that records the task IDs it is given.
    struct Ids(Rc<std::cell::RefCell<Vec<String>>>);

    impl Sink for Ids {
        fn begin(&mut self, _: &Page<'_>) -> io::Result<()> {
            Ok(())
        }
        fn item(&mut self, raw: &RawValue) -> io::Result<()> {
            self.0.borrow_mut().push(TaskView::parse(raw.get()).id());
            Ok(())
        }
        fn page_done(&mut self) -> io::Result<()> {
            Ok(())
        }
        fn finish(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    /// A sink that keeps the task IDs it is given, as the table keeps its rows, and
    /// records them at the end in the order it is told.
    struct KeptIds {
        kept: Vec<String>,
        order: Option<Vec<usize>>,
        written: Rc<std::cell::RefCell<Vec<String>>>,
    }

    impl Sink for KeptIds {
        fn begin(&mut self, _: &Page<'_>) -> io::Result<()> {
            Ok(())
        }
        fn item(&mut self, raw: &RawValue) -> io::Result<()> {
            self.kept.push(TaskView::parse(raw.get()).id());
            Ok(())
        }
        fn page_done(&mut self) -> io::Result<()> {
            Ok(())
        }
        fn finish(&mut self) -> io::Result<()> {
            let order = self.order.take().unwrap_or((0..self.kept.len()).collect());
            let mut written = self.written.borrow_mut();
            written.extend(order.into_iter().map(|n| self.kept[n].clone()));
            Ok(())
        }
        fn keeps_items(&self) -> bool {
            true
        }
        fn reorder(&mut self, order: Vec<usize>) {
            self.order = Some(order);
        }
    }

    fn shaped(statuses: Vec<Status>, sort: Option<Sort>) -> (Vec<String>, u64) {
        shaped_at_most(statuses, sort, None)
    }

    /// What the shaping passes on, the same whether the sink keeps the tasks itself or
    /// not.
    fn shaped_at_most(
        statuses: Vec<Status>,
        sort: Option<Sort>,
        max: Option<u64>,
    ) -> (Vec<String>, u64) {
        let held = shaped_into(false, statuses.clone(), sort, max);
        let kept = shaped_into(true, statuses, sort, max);
        assert_eq!(held, kept, "held and kept by the sink alike");
        held
    }

    /// A sink that writes the IDs of what it is given, keeping the items first (as the
    /// table does) when `keeps`; and what it wrote.
    fn id_sink(keeps: bool) -> (Box<dyn Sink>, Rc<std::cell::RefCell<Vec<String>>>) {
        let ids = Rc::new(std::cell::RefCell::new(Vec::new()));
        let inner: Box<dyn Sink> = if keeps {
            Box::new(KeptIds {
                kept: Vec::new(),
                order: None,
                written: ids.clone(),
            })
        } else {
            Box::new(Ids(ids.clone()))
        };
        (inner, ids)
    }

    fn shaped_into(
        keeps: bool,
        statuses: Vec<Status>,
        sort: Option<Sort>,
        max: Option<u64>,
    ) -> (Vec<String>, u64) {
        let (inner, ids) = id_sink(keeps);
        let matched = Rc::new(Cell::new(0));
        let mut sink = Shaped::new(inner, statuses, sort, matched.clone());
        sink.limit_to(max);
        for task in [
            r#"{"task_id":"a","task_name":"Beta","status":1,"progress":40,"elapsed_time":30,"create_time":"2026-01-02 00:00:00"}"#,
            r#"{"task_id":"b","task_name":"alpha","status":3,"progress":100,"elapsed_time":90,"create_time":"2026-01-01 00:00:00"}"#,
            r#"{"task_id":"c","status":2,"create_time":"2026-01-03 00:00:00"}"#,
            r#"{"task_id":"d","task_name":"gamma","status":1,"progress":10}"#,
        ] {
            let raw = RawValue::from_string(task.to_string()).unwrap();
            sink.item(&raw).unwrap();
            sink.page_done().unwrap();
        }
        sink.finish().unwrap();
        let listed = ids.borrow().clone();
        (listed, matched.get())
    }

    fn by(field: SortField, descending: bool) -> Option<Sort> {
        Some(Sort { field, descending })
    }

    #[test]
    fn filters_by_status_and_counts_the_matches() {
        assert_eq!(
            shaped(vec![], None),
            (vec!["a".into(), "b".into(), "c".into(), "d".into()], 4)
        );
        assert_eq!(
            shaped(vec![Status::Running], None),
            (vec!["a".into(), "d".into()], 2)
        );
        assert_eq!(shaped(vec![Status::Failed, Status::Succeeded], None).1, 2);
        assert_eq!(shaped(vec![Status::Stopped], None), (vec![], 0));
    }

    #[test]
    fn sorts_with_missing_values_last_either_way() {
        let ids = |sort| shaped(vec![], sort).0.concat();
        assert_eq!(ids(by(SortField::Created, false)), "bacd");
        assert_eq!(ids(by(SortField::Created, true)), "cabd");
        assert_eq!(ids(by(SortField::Name, false)), "badc");
        assert_eq!(ids(by(SortField::Progress, true)), "badc");
        assert_eq!(ids(by(SortField::Elapsed, false)), "abcd");
        assert_eq!(ids(by(SortField::Status, false)), "adcb");
        // Filter, then sort.
        assert_eq!(
            shaped(vec![Status::Running], by(SortField::Progress, false))
                .0
                .concat(),
            "da"
        );
    }

    #[test]
    fn at_most_counts_after_the_filter_and_the_sort() {
        let ids = |statuses, sort, max| {
            let (listed, matched) = shaped_at_most(statuses, sort, Some(max));
            (listed.concat(), matched)
        };
        assert_eq!(ids(vec![], None, 2), ("ab".to_string(), 2));
        assert_eq!(ids(vec![], None, 9), ("abcd".to_string(), 4));
        // The running tasks are a and d: both, though b and c come between them.
        assert_eq!(ids(vec![Status::Running], None, 2), ("ad".to_string(), 2));
        assert_eq!(ids(vec![Status::Running], None, 1), ("a".to_string(), 1));
        // Newest first: c, a, b, d; the first two are c and a.
        assert_eq!(
            ids(vec![], by(SortField::Created, true), 2),
            ("ca".to_string(), 2)
        );
        // Newest first, running only: a, then d.
        assert_eq!(
            ids(vec![Status::Running], by(SortField::Created, true), 2),
            ("ad".to_string(), 2)
        );
    }

    #[test]
    fn jobs_are_filtered_and_sorted_by_their_kind_held_or_kept_alike() {
        let kind = Kind::IMPORT;
        let jobs = [
            r#"{"task_id":"a","status":"RUNNING","imported_sample_count":5}"#,
            r#"{"task_id":"b","status":"COMPLETED","imported_sample_count":9}"#,
            r#"{"task_id":"c","status":"PAUSED"}"#,
            r#"{"task_id":"d","status":"COMPLETED","imported_sample_count":2}"#,
        ];
        let run = |keeps: bool, statuses: &[&str], sort: Option<&str>, max: Option<u64>| {
            let (inner, ids) = id_sink(keeps);
            let statuses = statuses
                .iter()
                .map(|name| kind.status_named(name).unwrap())
                .collect();
            let sort = sort.map(|text| {
                let (descending, name) = text
                    .strip_prefix('-')
                    .map_or((false, text), |name| (true, name));
                JobSort {
                    kind,
                    column: kind.column_named(name).unwrap(),
                    descending,
                }
            });
            let matched = Rc::new(Cell::new(0));
            let mut sink = Shaped::jobs(inner, &kind, statuses, sort, matched.clone());
            sink.limit_to(max);
            for job in jobs {
                sink.item(&RawValue::from_string(job.to_string()).unwrap())
                    .unwrap();
            }
            sink.finish().unwrap();
            let listed = ids.borrow().concat();
            (listed, matched.get())
        };
        for keeps in [false, true] {
            assert_eq!(run(keeps, &[], None, None), ("abcd".into(), 4));
            assert_eq!(run(keeps, &["completed"], None, None), ("bd".into(), 2));
            // Missing values last, either way.
            assert_eq!(run(keeps, &[], Some("-imported"), None), ("badc".into(), 4));
            assert_eq!(run(keeps, &[], Some("imported"), None), ("dabc".into(), 4));
            assert_eq!(
                run(keeps, &["completed"], Some("imported"), Some(1)),
                ("d".into(), 1)
            );
            // In the order a job lives through: running, completed; unknown last.
            assert_eq!(run(keeps, &[], Some("status"), None), ("abdc".into(), 4));
        }
    }

    #[test]
    fn wants_no_more_once_it_has_the_first_matches_unless_sorting() {
        let matched = Rc::new(Cell::new(0));
        let ids = Rc::new(std::cell::RefCell::new(Vec::new()));
        let mut sink = Shaped::new(
            Box::new(Ids(ids.clone())),
            vec![Status::Running],
            None,
            matched.clone(),
        );
        sink.limit_to(Some(1));
        let failed = RawValue::from_string(r#"{"task_id":"x","status":2}"#.into()).unwrap();
        let running = RawValue::from_string(r#"{"task_id":"y","status":1}"#.into()).unwrap();
        sink.item(&failed).unwrap();
        assert!(sink.wants_more(), "a task the filter drops does not count");
        sink.item(&running).unwrap();
        assert!(!sink.wants_more());
        sink.item(&running).unwrap();
        assert_eq!(*ids.borrow(), ["y"]);

        let mut sorted = Shaped::new(
            Box::new(Ids(ids.clone())),
            vec![],
            by(SortField::Name, false),
            matched,
        );
        sorted.limit_to(Some(1));
        sorted.item(&running).unwrap();
        sorted.item(&running).unwrap();
        assert!(sorted.wants_more(), "a later task may sort first");

        let mut datasets = Filtered::new(
            Box::new(Ids(ids)),
            |raw| raw.contains("\"status\":1"),
            Rc::default(),
        );
        datasets.limit_to(Some(1));
        datasets.item(&failed).unwrap();
        assert!(datasets.wants_more());
        datasets.item(&running).unwrap();
        assert!(!datasets.wants_more());
    }
}
