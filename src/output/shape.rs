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
enum Key {
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

/// Passes to `inner` the tasks whose status is one of `statuses` (all when empty), in
/// `sort` order (which holds every task until the end) or as they come; at most
/// `max` of those that pass, when a limit is set.
///
/// Sorted, the tasks are held whole, unless `inner` keeps them itself (the table): it
/// then gets each as it comes, and at the end the order to write them in, and only
/// their keys are held here.
pub struct Shaped<'a> {
    inner: Box<dyn Sink + 'a>,
    statuses: Vec<Status>,
    sort: Option<Sort>,
    /// Tasks held for sorting: the sort key, whether the status filter passes it.
    held: Vec<(Key, bool, Box<RawValue>)>,
    /// The sort key of each task `inner` keeps, and whether the filter passes it.
    keys: Vec<(Key, bool)>,
    /// The dataset of each held task, by index into `groups`, when groups were given.
    held_groups: Vec<usize>,
    groups: Vec<String>,
    matched: Rc<Cell<u64>>,
    max: Option<u64>,
    /// Tasks passed on so far, when not sorting.
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
        Shaped {
            inner,
            statuses,
            sort,
            held: Vec::new(),
            keys: Vec::new(),
            held_groups: Vec::new(),
            groups: Vec::new(),
            matched,
            max: None,
            taken: 0,
        }
    }

    /// Pass on at most `max` tasks of those the filter lets through: the first in
    /// `sort` order, else the first to come.
    pub fn limit_to(&mut self, max: Option<u64>) {
        self.max = max;
    }

    fn passes(&self, task: &TaskView) -> bool {
        self.statuses.is_empty() || task.status().is_some_and(|s| self.statuses.contains(&s))
    }
}

impl Sink for Shaped<'_> {
    fn begin(&mut self, first: &Page<'_>) -> io::Result<()> {
        self.inner.begin(first)
    }

    fn group(&mut self, group: &Group<'_>) -> io::Result<()> {
        if self.sort.is_some() && !self.inner.keeps_items() {
            // Sorted, tasks of every group mix: each keeps its group to be told with it.
            self.groups.push(group.dataset_id.to_string());
            return Ok(());
        }
        self.inner.group(group)
    }

    fn item(&mut self, raw: &RawValue) -> io::Result<()> {
        if let Some(sort) = self.sort {
            let task = TaskView::parse(raw.get());
            let passes = self.passes(&task);
            if self.inner.keeps_items() {
                self.keys.push((sort.key(&task), passes));
                return self.inner.item(raw);
            }
            self.held.push((sort.key(&task), passes, raw.to_owned()));
            if !self.groups.is_empty() {
                self.held_groups.push(self.groups.len() - 1);
            }
            return Ok(());
        }
        if !self.wants_more() {
            return Ok(());
        }
        if !self.statuses.is_empty() && !self.passes(&TaskView::parse(raw.get())) {
            return Ok(());
        }
        self.taken += 1;
        self.matched.set(self.matched.get() + 1);
        self.inner.item(raw)
    }

    fn page_done(&mut self) -> io::Result<()> {
        if self.sort.is_none() {
            self.inner.page_done()?;
        }
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        if let (Some(sort), true) = (self.sort, self.inner.keeps_items()) {
            let keys = std::mem::take(&mut self.keys);
            let mut order: Vec<usize> = (0..keys.len()).collect();
            // Stable: equal keys keep the server's order.
            order.sort_by(|&a, &b| sort.compare(&keys[a].0, &keys[b].0));
            order.retain(|&n| keys[n].1);
            order.truncate(
                self.max
                    .map_or(usize::MAX, |m| usize::try_from(m).unwrap_or(usize::MAX)),
            );
            self.matched.set(self.matched.get() + order.len() as u64);
            self.inner.reorder(order);
            self.inner.page_done()?;
        } else if let Some(sort) = self.sort {
            let held = std::mem::take(&mut self.held);
            let groups = std::mem::take(&mut self.held_groups);
            let mut order: Vec<usize> = (0..held.len()).collect();
            // Stable: equal keys keep the server's order.
            order.sort_by(|&a, &b| sort.compare(&held[a].0, &held[b].0));
            let max = self
                .max
                .map_or(usize::MAX, |m| usize::try_from(m).unwrap_or(usize::MAX));
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
        // Sorted, any task may be among the first.
        self.sort.is_some() || self.max.is_none_or(|max| self.taken < max)
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

/// `--status`, `--sort` and `--max-items` for the jobs of a kind other than
/// intelligent tasks: passes to `inner` the jobs in one of `statuses` (all when
/// empty), in `sort` order (holding them until the end) or as they come, at most `max`
/// of them.
pub struct JobShaped<'a> {
    inner: Box<dyn Sink + 'a>,
    kind: Kind,
    statuses: Vec<&'static JobStatus>,
    sort: Option<JobSort>,
    /// Jobs held for sorting: the key, the job, and its dataset (by index into
    /// `groups`) when groups were given.
    held: Vec<(Option<SortKey>, Box<RawValue>, Option<usize>)>,
    groups: Vec<String>,
    matched: Rc<Cell<u64>>,
    max: Option<u64>,
    taken: u64,
}

impl<'a> JobShaped<'a> {
    /// `matched` counts the jobs that passed the filter.
    pub fn new(
        inner: Box<dyn Sink + 'a>,
        kind: &Kind,
        statuses: Vec<&'static JobStatus>,
        sort: Option<JobSort>,
        matched: Rc<Cell<u64>>,
    ) -> JobShaped<'a> {
        JobShaped {
            inner,
            kind: *kind,
            statuses,
            sort,
            held: Vec::new(),
            groups: Vec::new(),
            matched,
            max: None,
            taken: 0,
        }
    }

    /// Pass on at most `max` jobs of those the filter lets through.
    pub fn limit_to(&mut self, max: Option<u64>) {
        self.max = max;
    }

    fn passes(&self, raw: &RawValue) -> bool {
        self.statuses.is_empty()
            || self
                .kind
                .status_of(&Item::parse(raw.get()))
                .is_some_and(|s| self.statuses.contains(&s))
    }
}

impl Sink for JobShaped<'_> {
    fn begin(&mut self, first: &Page<'_>) -> io::Result<()> {
        self.inner.begin(first)
    }

    fn group(&mut self, group: &Group<'_>) -> io::Result<()> {
        if self.sort.is_some() {
            // Sorted, jobs of every group mix: each keeps its group to be told with it.
            self.groups.push(group.dataset_id.to_string());
            return Ok(());
        }
        self.inner.group(group)
    }

    fn item(&mut self, raw: &RawValue) -> io::Result<()> {
        if !self.wants_more() || !self.passes(raw) {
            return Ok(());
        }
        if let Some(sort) = &self.sort {
            let group = self.groups.len().checked_sub(1);
            self.held.push((sort.key(raw.get()), raw.to_owned(), group));
            return Ok(());
        }
        self.taken += 1;
        self.matched.set(self.matched.get() + 1);
        self.inner.item(raw)
    }

    fn page_done(&mut self) -> io::Result<()> {
        if self.sort.is_none() {
            self.inner.page_done()?;
        }
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        if let Some(sort) = self.sort {
            let mut held = std::mem::take(&mut self.held);
            // Stable: equal keys keep the server's order.
            held.sort_by(|a, b| sort.compare(&a.0, &b.0));
            held.truncate(
                self.max
                    .map_or(usize::MAX, |m| usize::try_from(m).unwrap_or(usize::MAX)),
            );
            self.matched.set(self.matched.get() + held.len() as u64);
            let mut told = None;
            for (_, raw, group) in &held {
                if let Some(n) = *group
                    && told != Some(n)
                {
                    self.inner.group(&Group {
                        dataset_id: &self.groups[n],
                        name: None,
                        total: None,
                        error: None,
                    })?;
                    told = Some(n);
                }
                self.inner.item(raw)?;
            }
            self.inner.page_done()?;
        }
        self.inner.finish()
    }

    fn wants_more(&self) -> bool {
        // Sorted, any job may be among the first.
        self.sort.is_some() || self.max.is_none_or(|max| self.taken < max)
    }
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

    fn shaped_into(
        keeps: bool,
        statuses: Vec<Status>,
        sort: Option<Sort>,
        max: Option<u64>,
    ) -> (Vec<String>, u64) {
        let ids = Rc::new(std::cell::RefCell::new(Vec::new()));
        let matched = Rc::new(Cell::new(0));
        let inner: Box<dyn Sink> = if keeps {
            Box::new(KeptIds {
                kept: Vec::new(),
                order: None,
                written: ids.clone(),
            })
        } else {
            Box::new(Ids(ids.clone()))
        };
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
