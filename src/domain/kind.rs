//! A dataset's jobs other than its intelligent tasks (imports, exports, versions, team
//! labeling tasks), each kind described once, as data: where its list and details
//! are, how its answers page, and what each of its statuses means. Listing, getting
//! and waiting read these descriptions alone, so that a kind more is a description
//! more.

use super::field::{self, MISSING, Raw, Read};
use super::item::Item;
use super::resource::Resource;

/// What a status says of a job's course: whether it is over, and how it ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Not started yet: queued, created.
    Pending,
    /// Under way: running, being deleted.
    Running,
    Succeeded,
    Failed,
    /// Ended without finishing: stopped, deleted, gone.
    Stopped,
}

impl Outcome {
    /// Nothing more will happen to the job.
    pub fn is_done(self) -> bool {
        matches!(
            self,
            Outcome::Succeeded | Outcome::Failed | Outcome::Stopped
        )
    }
}

/// A status as the server writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusValue {
    /// A number: `1`.
    Code(i64),
    /// A string: `"RUNNING"`.
    Text(&'static str),
}

/// One status of a kind: its value, the name matasks shows and takes (`--status`),
/// and what it says of the job.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JobStatus {
    pub value: StatusValue,
    pub name: &'static str,
    pub outcome: Outcome,
}

const fn text(value: &'static str, name: &'static str, outcome: Outcome) -> JobStatus {
    JobStatus {
        value: StatusValue::Text(value),
        name,
        outcome,
    }
}

const fn code(value: i64, name: &'static str, outcome: Outcome) -> JobStatus {
    JobStatus {
        value: StatusValue::Code(value),
        name,
        outcome,
    }
}

/// What a column shows of a job, by the paths of its fields (`sample_stats.accepted`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Show {
    /// The value as one line of text.
    Text(&'static str),
    /// The status, by its name.
    Status,
    /// A percentage: `37.5%`.
    Percent(&'static str),
    /// `done/all`.
    Pair(&'static str, &'static str),
    /// A time, as matasks shows times.
    Time(&'static str),
    /// How long ago a time was.
    Age(&'static str),
    /// A number of seconds: `8m51s`.
    Seconds(&'static str),
    /// A count, as the server wrote it.
    Count(&'static str),
    /// `yes` or `no`.
    Flag(&'static str),
}

impl Show {
    /// The cell of `item`.
    pub fn cell(self, kind: &Kind, item: &Item) -> String {
        match self {
            Show::Text(path) | Show::Count(path) => item.text(path),
            Show::Status => kind.status_label(item),
            Show::Percent(path) => field::percent(&item.raw(path)),
            Show::Pair(done, all) => item.pair(done, all),
            Show::Time(path) => item.time(path),
            Show::Age(path) => item.age(path),
            Show::Seconds(path) => field::seconds(&item.raw(path)),
            Show::Flag(path) => item.flag(path),
        }
    }

    /// Where `item` sorts by this column: a number when the column has one, else its
    /// text; none when it shows nothing.
    pub fn key(self, kind: &Kind, item: &Item) -> Option<SortKey> {
        let number = |path| field::number(&item.raw(path)).map(SortKey::Number);
        match self {
            // The order a job lives through, as the description lists it.
            Show::Status => kind.status_of(item).and_then(|s| {
                let place = kind.statuses.iter().position(|known| known == s)?;
                Some(SortKey::Number(place as f64))
            }),
            Show::Percent(path) | Show::Seconds(path) | Show::Count(path) => number(path),
            Show::Pair(done, _) => number(done),
            // Ages grow as times go back: the youngest first, ascending.
            Show::Time(path) | Show::Age(path) => field::instant(&item.raw(path)).map(|t| {
                let ms = t.as_millisecond() as f64;
                SortKey::Number(if matches!(self, Show::Age(_)) {
                    -ms
                } else {
                    ms
                })
            }),
            Show::Text(_) | Show::Flag(_) => {
                let text = self.cell(kind, item);
                (text != MISSING).then(|| SortKey::Text(text.to_lowercase()))
            }
        }
    }
}

/// A job's place in an order.
#[derive(Debug, Clone, PartialEq, PartialOrd)]
pub enum SortKey {
    Number(f64),
    Text(String),
}

/// One column a kind's table can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JobColumn {
    /// As `--columns` and `--sort` name it: `samples`.
    pub name: &'static str,
    pub header: &'static str,
    pub show: Show,
    /// Shown without `--columns` (else only with `--wide`).
    pub default: bool,
    pub right_aligned: bool,
}

const fn col(name: &'static str, header: &'static str, show: Show) -> JobColumn {
    JobColumn {
        name,
        header,
        show,
        default: true,
        right_aligned: matches!(
            show,
            Show::Percent(_) | Show::Pair(..) | Show::Age(_) | Show::Seconds(_) | Show::Count(_)
        ),
    }
}

const fn wide(name: &'static str, header: &'static str, show: Show) -> JobColumn {
    JobColumn {
        default: false,
        ..col(name, header, show)
    }
}

/// An order of jobs: by a column of their kind, reversed or not.
#[derive(Debug, Clone, Copy)]
pub struct JobSort {
    pub kind: Kind,
    pub column: &'static JobColumn,
    pub descending: bool,
}

impl JobSort {
    /// Where a job sorts; none when the column shows nothing of it (last either way).
    pub fn key(&self, raw: &str) -> Option<SortKey> {
        self.column.show.key(&self.kind, &Item::parse(raw))
    }

    /// `a` against `b`, missing keys last.
    pub fn compare(&self, a: &Option<SortKey>, b: &Option<SortKey>) -> std::cmp::Ordering {
        use std::cmp::Ordering;
        match (a, b) {
            (None, None) => Ordering::Equal,
            (None, _) => Ordering::Greater,
            (_, None) => Ordering::Less,
            (Some(a), Some(b)) => {
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

/// One kind of job of a dataset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kind {
    /// As `--kind` names it: `import`.
    pub name: &'static str,
    /// The list's items, total and ID keys, and its nouns.
    pub resource: Resource,
    /// The path step after `datasets/{dataset_id}`: `import-tasks`; one job is the
    /// step after it.
    pub collection: &'static str,
    /// The largest `limit` the list takes.
    pub max_limit: u32,
    /// The field that holds a job's status.
    pub status_key: &'static str,
    /// Every status the reference names, in the order a job lives through them.
    pub statuses: &'static [JobStatus],
    /// A job's progress in percent, where it has one.
    pub progress_key: Option<&'static str>,
    /// The fields a failed job's reason is in (a code, then a message), as far as it
    /// has them.
    pub error_keys: &'static [&'static str],
    /// Every column the table can show, the default ones among them.
    pub columns: &'static [JobColumn],
}

impl Kind {
    /// The status `item` is in, when it is one the description names.
    pub fn status_of(&self, item: &Item) -> Option<&'static JobStatus> {
        self.status_of_raw(&item.raw(self.status_key))
    }

    fn status_of_raw(&self, raw: &Raw) -> Option<&'static JobStatus> {
        let statuses: &'static [JobStatus] = self.statuses;
        match field::read(raw) {
            Read::Text(text) => statuses
                .iter()
                .find(|s| matches!(s.value, StatusValue::Text(v) if v == text)),
            Read::Number(_) => {
                let code = field::integer(raw)?;
                statuses.iter().find(|s| s.value == StatusValue::Code(code))
            }
            _ => None,
        }
    }

    /// The status's name, or what the server wrote when the description has none.
    pub fn status_label(&self, item: &Item) -> String {
        match self.status_of(item) {
            Some(status) => status.name.to_string(),
            None => item.text(self.status_key),
        }
    }

    /// The status named `name`.
    pub fn status_named(&self, name: &str) -> Option<&'static JobStatus> {
        let statuses: &'static [JobStatus] = self.statuses;
        statuses.iter().find(|s| s.name == name)
    }

    /// The column named `name`.
    pub fn column_named(&self, name: &str) -> Option<&'static JobColumn> {
        let columns: &'static [JobColumn] = self.columns;
        columns.iter().find(|c| c.name == name)
    }

    /// The columns shown without `--columns`.
    pub fn default_columns(&self) -> Vec<&'static JobColumn> {
        let columns: &'static [JobColumn] = self.columns;
        columns.iter().filter(|c| c.default).collect()
    }

    /// The progress of `item`, `37.5%`, where the kind has one.
    pub fn progress(&self, item: &Item) -> Option<String> {
        let key = self.progress_key?;
        Some(field::percent(&item.raw(key))).filter(|p| p != MISSING)
    }

    /// Why a job failed, when it says: `CODE: message`, of those fields it has.
    pub fn error(&self, item: &Item) -> Option<String> {
        let parts: Vec<String> = self
            .error_keys
            .iter()
            .map(|key| item.text(key))
            .filter(|t| t != MISSING)
            .collect();
        (!parts.is_empty()).then(|| parts.join(": "))
    }

    /// The statuses' names, in the description's order.
    pub fn names(&self) -> Vec<&'static str> {
        self.statuses.iter().map(|s| s.name).collect()
    }

    /// `import`, `export`, `version`, `team`: the kinds besides intelligent tasks.
    pub const ALL: [Kind; 4] = [Kind::IMPORT, Kind::EXPORT, Kind::VERSION, Kind::TEAM];

    /// A dataset's import tasks.
    pub const IMPORT: Kind = Kind {
        name: "import",
        resource: Resource::IMPORT_TASKS,
        collection: "import-tasks",
        max_limit: 100,
        status_key: "status",
        statuses: &[
            text("QUEUING", "queuing", Outcome::Pending),
            text("STARTING", "starting", Outcome::Running),
            text("RUNNING", "running", Outcome::Running),
            text("COMPLETED", "completed", Outcome::Succeeded),
            text("FAILED", "failed", Outcome::Failed),
            // The reference says only "not found": the task is gone, and will not end
            // any other way.
            text("NOT_EXIST", "not-exist", Outcome::Stopped),
        ],
        progress_key: None,
        error_keys: &["error_code", "error_msg"],
        columns: &[
            col("id", "ID", Show::Text("task_id")),
            col("status", "STATUS", Show::Status),
            col(
                "imported",
                "IMPORTED",
                Show::Pair("imported_sample_count", "total_sample_count"),
            ),
            col(
                "annotated",
                "ANNOTATED",
                Show::Count("annotated_sample_count"),
            ),
            col("path", "PATH", Show::Text("import_path")),
            col("age", "AGE", Show::Age("create_time")),
            wide("created", "CREATED", Show::Time("create_time")),
            wide("elapsed", "ELAPSED", Show::Seconds("elapsed_time")),
        ],
    };

    /// A dataset's export tasks. The reference names no statuses; its example shows
    /// `SUCCESSED`.
    pub const EXPORT: Kind = Kind {
        name: "export",
        resource: Resource::EXPORT_TASKS,
        collection: "export-tasks",
        max_limit: 100,
        status_key: "status",
        statuses: &[
            text("INIT", "init", Outcome::Pending),
            text("RUNNING", "running", Outcome::Running),
            text("SUCCESSED", "succeeded", Outcome::Succeeded),
            text("FAILED", "failed", Outcome::Failed),
        ],
        progress_key: Some("progress"),
        error_keys: &["error_code", "error_msg"],
        columns: &[
            col("id", "ID", Show::Text("task_id")),
            col("status", "STATUS", Show::Status),
            col("progress", "PROGRESS", Show::Percent("progress")),
            col(
                "samples",
                "SAMPLES",
                Show::Pair("finished_sample_count", "total_sample_count"),
            ),
            col("path", "PATH", Show::Text("path")),
            col("age", "AGE", Show::Age("create_time")),
            wide("created", "CREATED", Show::Time("create_time")),
            wide("updated", "UPDATED", Show::Time("update_time")),
        ],
    };

    /// A dataset's versions: a version being published is a job like the others.
    pub const VERSION: Kind = Kind {
        name: "version",
        resource: Resource::VERSIONS,
        collection: "versions",
        max_limit: 1000,
        status_key: "status",
        statuses: &[
            code(0, "creating", Outcome::Running),
            code(1, "normal", Outcome::Succeeded),
            code(2, "deleting", Outcome::Running),
            code(3, "deleted", Outcome::Stopped),
            code(4, "error", Outcome::Failed),
        ],
        progress_key: None,
        error_keys: &[],
        columns: &[
            col("id", "ID", Show::Text("version_id")),
            col("name", "VERSION NAME", Show::Text("version_name")),
            col("status", "STATUS", Show::Status),
            col(
                "samples",
                "SAMPLES",
                Show::Pair("annotated_sample_count", "total_sample_count"),
            ),
            col("current", "CURRENT", Show::Flag("is_current")),
            col("age", "AGE", Show::Age("create_time")),
            wide("created", "CREATED", Show::Time("create_time")),
            wide("description", "DESCRIPTION", Show::Text("description")),
        ],
    };

    /// A dataset's team labeling tasks. Labeling never fails: a task is accepted in
    /// the end, or rejected and labeled again.
    pub const TEAM: Kind = Kind {
        name: "team",
        resource: Resource::TEAM_TASKS,
        collection: "workforce-tasks",
        max_limit: 1000,
        status_key: "status",
        statuses: &[
            code(6, "created", Outcome::Pending),
            code(0, "starting", Outcome::Pending),
            code(1, "running", Outcome::Running),
            code(4, "rejected", Outcome::Running),
            code(2, "accepting", Outcome::Running),
            code(7, "sampling-acceptance", Outcome::Running),
            code(5, "syncing-acceptance", Outcome::Running),
            code(3, "accepted", Outcome::Succeeded),
        ],
        progress_key: None,
        error_keys: &[],
        columns: &[
            col("id", "ID", Show::Text("task_id")),
            col("name", "NAME", Show::Text("task_name")),
            col("status", "STATUS", Show::Status),
            col(
                "samples",
                "SAMPLES",
                Show::Pair(
                    "sample_stats.accepted_sample_count",
                    "sample_stats.total_sample_count",
                ),
            ),
            col("age", "AGE", Show::Age("create_time")),
            wide("created", "CREATED", Show::Time("create_time")),
            wide("updated", "UPDATED", Show::Time("update_time")),
        ],
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each kind's reference examples: its list, and one job's details.
    fn examples(kind: &Kind) -> [&'static str; 2] {
        match kind.name {
            "import" => [
                include_str!("../../tests/fixtures/api/querying_the_dataset_import_task_list.json"),
                include_str!(
                    "../../tests/fixtures/api/querying_details_about_a_dataset_import_task.json"
                ),
            ],
            "export" => [
                include_str!("../../tests/fixtures/api/querying_the_dataset_export_task_list.json"),
                include_str!(
                    "../../tests/fixtures/api/querying_the_status_of_a_dataset_export_task.json"
                ),
            ],
            "version" => [
                include_str!("../../tests/fixtures/api/querying_the_dataset_version_list.json"),
                include_str!(
                    "../../tests/fixtures/api/querying_details_about_a_dataset_version.json"
                ),
            ],
            "team" => [
                include_str!(
                    "../../tests/fixtures/api/querying_the_team_labeling_task_list_of_a_dataset.json"
                ),
                include_str!(
                    "../../tests/fixtures/api/querying_details_about_a_team_labeling_task.json"
                ),
            ],
            other => unreachable!("no examples for {other}"),
        }
    }

    #[test]
    fn every_example_job_is_in_a_status_its_kind_names() {
        for kind in &Kind::ALL {
            let [list, details] = examples(kind);
            let list: serde_json::Value = serde_json::from_str(list).unwrap();
            let items = list[kind.resource.items_key].as_array().unwrap();
            assert!(list.get(kind.resource.total_key).is_some(), "{}", kind.name);
            let details = Item::parse(details);
            let jobs = items.iter().map(|i| Item::parse(&i.to_string()));
            for job in jobs.chain([details]) {
                assert!(kind.status_of(&job).is_some(), "{}", kind.name);
                assert_ne!(job.text(kind.resource.id_key), MISSING, "{}", kind.name);
            }
        }
    }

    #[test]
    fn names_and_values_are_each_a_kinds_own() {
        for kind in &Kind::ALL {
            for (n, status) in kind.statuses.iter().enumerate() {
                let later = &kind.statuses[n + 1..];
                assert!(
                    later.iter().all(|s| s.name != status.name),
                    "{}",
                    status.name
                );
                assert!(
                    later.iter().all(|s| s.value != status.value),
                    "{}",
                    status.name
                );
                assert!(
                    status
                        .name
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b == b'-'),
                    "{}",
                    status.name
                );
            }
            assert!(
                kind.statuses
                    .iter()
                    .any(|s| s.outcome == Outcome::Succeeded)
            );
            for (n, column) in kind.columns.iter().enumerate() {
                assert!(kind.columns[n + 1..].iter().all(|c| c.name != column.name));
            }
            assert_eq!(kind.columns[0].name, "id");
        }
    }

    #[test]
    fn statuses_are_read_as_written_and_unknown_ones_shown_as_they_are() {
        let import = |status: &str| Item::parse(&format!(r#"{{"status":{status}}}"#));
        let kind = Kind::IMPORT;
        assert_eq!(kind.status_label(&import(r#""COMPLETED""#)), "completed");
        assert_eq!(
            kind.status_of(&import(r#""FAILED""#)).map(|s| s.outcome),
            Some(Outcome::Failed)
        );
        assert_eq!(kind.status_of(&import(r#""PAUSED""#)), None);
        assert_eq!(kind.status_label(&import(r#""PAUSED""#)), "PAUSED");
        assert_eq!(kind.status_label(&import(r#""\u001b[2J""#)), "\\x1b[2J");
        assert_eq!(kind.status_of(&import("3")), None);
        let version = Kind::VERSION;
        assert_eq!(version.status_label(&import("1")), "normal");
        assert_eq!(version.status_label(&import("\"1\"")), "1");
        assert_eq!(version.status_label(&import("9")), "9");
        assert_eq!(
            version.status_of(&import("3")).map(|s| s.outcome),
            Some(Outcome::Stopped)
        );
        assert!(Outcome::Stopped.is_done() && !Outcome::Running.is_done());
    }

    #[test]
    fn columns_show_and_sort_by_their_fields() {
        let kind = Kind::EXPORT;
        let job = Item::parse(
            r#"{"task_id":"e1","status":"RUNNING","progress":37.54,"finished_sample_count":3,
               "total_sample_count":8,"create_time":1606103424662}"#,
        );
        let cell = |name: &str| kind.column_named(name).unwrap().show.cell(&kind, &job);
        assert_eq!(cell("progress"), "37.5%");
        assert_eq!(cell("samples"), "3/8");
        assert_eq!(cell("status"), "running");
        assert_eq!(cell("path"), MISSING);
        let key = |name: &str| kind.column_named(name).unwrap().show.key(&kind, &job);
        assert_eq!(key("progress"), Some(SortKey::Number(37.54)));
        assert_eq!(key("status"), Some(SortKey::Number(1.0)));
        assert_eq!(key("created"), Some(SortKey::Number(1606103424662.0)));
        assert_eq!(key("age"), Some(SortKey::Number(-1606103424662.0)));
        assert_eq!(key("id"), Some(SortKey::Text("e1".into())));
        assert_eq!(key("path"), None);
        let import = Kind::IMPORT;
        let job = Item::parse(r#"{"annotated_sample_count":199,"elapsed_time":120}"#);
        let column = |name: &str| import.column_named(name).unwrap();
        assert_eq!(column("elapsed").show.cell(&import, &job), "2m00s");
        assert!(column("elapsed").right_aligned && column("annotated").right_aligned);
        // Counts sort as numbers: 199 after 99.
        assert_eq!(
            column("annotated").show.key(&import, &job),
            Some(SortKey::Number(199.0))
        );
        let job = Item::parse(r#"{"task_id":"e1","progress":37.54}"#);
        assert_eq!(kind.progress(&job), Some("37.5%".into()));
        assert_eq!(kind.error(&job), None);
        let failed = Item::parse(r#"{"error_code":"ModelArts.4312","error_msg":"no path"}"#);
        assert_eq!(kind.error(&failed), Some("ModelArts.4312: no path".into()));
        assert_eq!(Kind::IMPORT.progress(&job), None);
    }
}
