//! A typed, forgiving view of one task, for the table. JSON output never goes through
//! this: it passes the server's text through untouched.

use serde::Deserialize;

pub use super::field::MISSING;
use super::field::{
    Raw, Read, age, coded, instant, integer, members, number, own, read, text, time,
};

/// The task fields the table shows. Each is kept as the server's own JSON text and
/// read on its own, so a missing field, a surprising type or a value out of any
/// range (`1e400`) costs that field only, never the task.
#[derive(Debug, Default)]
pub struct TaskView {
    task_id: Raw,
    dataset_id: Raw,
    task_name: Raw,
    kind: Raw,
    status: Raw,
    progress: Raw,
    annotated_sample_count: Raw,
    total_sample_count: Raw,
    create_time: Raw,
    elapsed_time: Raw,
    model_name: Raw,
    model_version: Raw,
    unconfirmed_sample_count: Raw,
    message: Raw,
    error_code: Raw,
    error_msg: Raw,
    error_detail: Raw,
    /// The details answer counts samples under `result`, not at the top.
    result_annotated_sample_count: Raw,
    result_total_sample_count: Raw,
    /// `config.algorithm_type`, which implies a type the details answer leaves out.
    algorithm_type: Raw,
    /// `config.name`, which the reference calls the task's name too.
    config_name: Raw,
}

/// The keys of a task the view reads.
#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "snake_case")]
enum Field {
    TaskId,
    DatasetId,
    TaskName,
    #[serde(rename = "type")]
    Kind,
    Status,
    Progress,
    AnnotatedSampleCount,
    TotalSampleCount,
    CreateTime,
    ElapsedTime,
    ModelName,
    ModelVersion,
    UnconfirmedSampleCount,
    Message,
    ErrorCode,
    ErrorMsg,
    ErrorDetail,
    Result,
    Config,
    #[serde(other)]
    Other,
}

/// The keys of a task's `result` the view reads.
#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "snake_case")]
enum ResultField {
    AnnotatedSampleCount,
    TotalSampleCount,
    #[serde(other)]
    Other,
}

/// The keys of a task's `config` the view reads.
#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "snake_case")]
enum ConfigField {
    AlgorithmType,
    Name,
    #[serde(other)]
    Other,
}

/// Status codes, from the task-details API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Status {
    Queued,
    Initializing,
    Running,
    Failed,
    Succeeded,
    Stopping,
    Stopped,
}

impl Status {
    pub const ALL: [Status; 7] = [
        Status::Queued,
        Status::Initializing,
        Status::Running,
        Status::Failed,
        Status::Succeeded,
        Status::Stopping,
        Status::Stopped,
    ];

    /// The code the API writes for the status.
    pub fn code(self) -> i64 {
        match self {
            Status::Queued => -1,
            Status::Initializing => 0,
            Status::Running => 1,
            Status::Failed => 2,
            Status::Succeeded => 3,
            Status::Stopping => 4,
            Status::Stopped => 5,
        }
    }

    pub fn from_code(code: i64) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Succeeded, failed or stopped: nothing more will happen to the task.
    pub fn is_done(self) -> bool {
        matches!(self, Status::Succeeded | Status::Failed | Status::Stopped)
    }

    pub fn name(self) -> &'static str {
        match self {
            Status::Queued => "queued",
            Status::Initializing => "initializing",
            Status::Running => "running",
            Status::Failed => "failed",
            Status::Succeeded => "succeeded",
            Status::Stopping => "stopping",
            Status::Stopped => "stopped",
        }
    }
}

/// The kinds of task, as the API's `type` filter names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaskType {
    /// Active learning.
    AutoLabel,
    /// Pre-labeling with a chosen model.
    PreLabel,
    /// Clustering of unlabeled images.
    AutoGrouping,
    /// One-click model deployment.
    AutoDeploy,
}

impl TaskType {
    pub const ALL: [TaskType; 4] = [
        TaskType::AutoLabel,
        TaskType::PreLabel,
        TaskType::AutoGrouping,
        TaskType::AutoDeploy,
    ];

    /// The type of a task's `type` code.
    pub fn from_code(code: i64) -> Option<TaskType> {
        TaskType::ALL.into_iter().find(|t| t.code() == code)
    }

    /// The code a task's `type` holds.
    pub fn code(self) -> i64 {
        match self {
            TaskType::AutoLabel => 0,
            TaskType::PreLabel => 1,
            TaskType::AutoGrouping => 7,
            TaskType::AutoDeploy => 10,
        }
    }

    pub fn as_api_str(self) -> &'static str {
        match self {
            TaskType::AutoLabel => "auto-label",
            TaskType::PreLabel => "pre-label",
            TaskType::AutoGrouping => "auto-grouping",
            TaskType::AutoDeploy => "auto-deploy",
        }
    }
}

/// A type code's name: 0 and 1 from the API reference, 7 and 10 from the dataset
/// API's running-task codes.
pub fn type_name(code: i64) -> Option<&'static str> {
    TaskType::from_code(code).map(TaskType::as_api_str)
}

/// Where an inferred type comes from, as `get` shows it.
pub const INFERRED_TYPE_SOURCE: &str = "config.algorithm_type";

impl TaskView {
    /// Read the fields the table needs, each on its own; anything that is not a JSON
    /// object is an empty view. A key given twice counts as its last value.
    pub fn parse(raw: &str) -> TaskView {
        let mut view = TaskView::default();
        for (field, value) in members::<Field>(raw) {
            let slot = match field {
                Field::TaskId => &mut view.task_id,
                Field::DatasetId => &mut view.dataset_id,
                Field::TaskName => &mut view.task_name,
                Field::Kind => &mut view.kind,
                Field::Status => &mut view.status,
                Field::Progress => &mut view.progress,
                Field::AnnotatedSampleCount => &mut view.annotated_sample_count,
                Field::TotalSampleCount => &mut view.total_sample_count,
                Field::CreateTime => &mut view.create_time,
                Field::ElapsedTime => &mut view.elapsed_time,
                Field::ModelName => &mut view.model_name,
                Field::ModelVersion => &mut view.model_version,
                Field::UnconfirmedSampleCount => &mut view.unconfirmed_sample_count,
                Field::Message => &mut view.message,
                Field::ErrorCode => &mut view.error_code,
                Field::ErrorMsg => &mut view.error_msg,
                Field::ErrorDetail => &mut view.error_detail,
                Field::Result => {
                    view.result_annotated_sample_count = None;
                    view.result_total_sample_count = None;
                    for (field, value) in members::<ResultField>(value.get()) {
                        match field {
                            ResultField::AnnotatedSampleCount => {
                                view.result_annotated_sample_count = own(value);
                            }
                            ResultField::TotalSampleCount => {
                                view.result_total_sample_count = own(value);
                            }
                            ResultField::Other => {}
                        }
                    }
                    continue;
                }
                Field::Config => {
                    view.algorithm_type = None;
                    view.config_name = None;
                    for (field, value) in members::<ConfigField>(value.get()) {
                        match field {
                            ConfigField::AlgorithmType => view.algorithm_type = own(value),
                            ConfigField::Name => view.config_name = own(value),
                            ConfigField::Other => {}
                        }
                    }
                    continue;
                }
                Field::Other => continue,
            };
            *slot = own(value);
        }
        view
    }

    /// The members of a task named by `fields` (`task_name`, or `config.name` for one
    /// inside another), as the server wrote them, in their order, and nothing else; none
    /// for what is not an object. What the view reads of those fields is what it reads of
    /// the whole task, for a fraction of its size: for a listing that holds many tasks
    /// before it shows them. [`TaskView::FIELDS`] are all the fields the view reads.
    pub fn essentials(raw: &str, fields: &[&str]) -> Option<Box<serde_json::value::RawValue>> {
        /// The members of `raw` named by `fields`, as an object (`{}` for anything else
        /// when `nested`, as the view reads `result` and `config`).
        fn reduced(raw: &str, fields: &[&str], nested: bool) -> Option<String> {
            if !raw.trim_start().starts_with('{') {
                return nested.then(|| "{}".to_string());
            }
            let mut out = String::from("{");
            for (key, value) in members::<String>(raw) {
                let inner: Vec<&str> = fields
                    .iter()
                    .filter_map(|f| f.strip_prefix(key.as_str())?.strip_prefix('.'))
                    .collect();
                let value = if !inner.is_empty() {
                    reduced(value.get(), &inner, true)?
                } else if fields.contains(&key.as_str()) {
                    value.get().to_string()
                } else {
                    continue;
                };
                if out.len() > 1 {
                    out.push(',');
                }
                out.push_str(&serde_json::to_string(&key).ok()?);
                out.push(':');
                out.push_str(&value);
            }
            out.push('}');
            Some(out)
        }
        let text = reduced(raw, fields, false)?;
        serde_json::value::RawValue::from_string(text).ok()
    }

    /// Every field the view reads.
    pub const FIELDS: &[&str] = &[
        "task_id",
        "dataset_id",
        "task_name",
        "type",
        "status",
        "progress",
        "annotated_sample_count",
        "total_sample_count",
        "create_time",
        "elapsed_time",
        "model_name",
        "model_version",
        "unconfirmed_sample_count",
        "message",
        "error_code",
        "error_msg",
        "error_detail",
        "result.annotated_sample_count",
        "result.total_sample_count",
        "config.algorithm_type",
        "config.name",
    ];

    pub fn id(&self) -> String {
        text(&self.task_id)
    }

    /// The dataset the task belongs to, as the task says.
    pub fn dataset_id(&self) -> String {
        text(&self.dataset_id)
    }

    /// The task asked for by `task_id`: an answer that does not say its ID (the
    /// reference's details example has only `resource_id`) shows the ID asked for.
    pub fn or_id(mut self, task_id: &str) -> TaskView {
        if self.id() == MISSING {
            self.task_id = serde_json::to_string(task_id).ok().map(Into::into);
        }
        self
    }

    /// `task_name`, else `config.name`, which the reference also calls the task's name.
    pub fn name(&self) -> String {
        match text(&self.task_name) {
            name if name == MISSING => text(&self.config_name),
            name => name,
        }
    }

    /// The type the task's `type` says.
    pub fn type_label(&self) -> String {
        coded(&self.kind, type_name)
    }

    /// The type a task without `type` must be (the details answer has none):
    /// `auto-label` when `config.algorithm_type` is `fast` or `accurate`, the
    /// algorithm types of active learning; nothing else is taken as a sign.
    pub fn inferred_type(&self) -> Option<&'static str> {
        if self.type_label() != MISSING {
            return None;
        }
        match read(&self.algorithm_type) {
            Read::Text(s) if s == "fast" || s == "accurate" => type_name(0),
            _ => None,
        }
    }

    /// The type, or the inferred one marked as such: `auto-label (from
    /// config.algorithm_type)`.
    pub fn type_detail(&self) -> String {
        match self.inferred_type() {
            Some(kind) => format!("{kind} (from {INFERRED_TYPE_SOURCE})"),
            None => self.type_label(),
        }
    }

    pub fn status(&self) -> Option<Status> {
        integer(&self.status).and_then(Status::from_code)
    }

    pub fn status_label(&self) -> String {
        coded(&self.status, |code| {
            Status::from_code(code).map(Status::name)
        })
    }

    /// `100%`, `37.5%`.
    pub fn progress(&self) -> String {
        super::field::percent(&self.progress)
    }

    /// `annotated/total`: the task's own counts, or when it has neither, those of its
    /// `result` (where the details answer has them).
    pub fn samples(&self) -> String {
        let mut annotated = text(&self.annotated_sample_count);
        let mut total = text(&self.total_sample_count);
        if annotated == MISSING && total == MISSING {
            annotated = text(&self.result_annotated_sample_count);
            total = text(&self.result_total_sample_count);
        }
        if annotated == MISSING && total == MISSING {
            MISSING.to_string()
        } else {
            format!("{annotated}/{total}")
        }
    }

    /// The creation time as matasks shows times, `2020-11-03 15:22:39 +08:00` (see
    /// [`super::field::instant`] for what it is read as); as the server wrote it when
    /// it is no time.
    pub fn created(&self) -> String {
        time(&self.create_time)
    }

    /// The moment the task was created, for sorting.
    pub fn created_at(&self) -> Option<jiff::Timestamp> {
        instant(&self.create_time)
    }

    /// How long ago the task was created: `45s`, `3m`, `5d`.
    pub fn age(&self) -> String {
        age(&self.create_time)
    }

    pub fn model(&self) -> String {
        text(&self.model_name)
    }

    pub fn model_version(&self) -> String {
        text(&self.model_version)
    }

    pub fn unconfirmed(&self) -> String {
        text(&self.unconfirmed_sample_count)
    }

    /// The server's message about the task, if any.
    pub fn message(&self) -> Option<String> {
        Some(text(&self.message)).filter(|m| m != MISSING)
    }

    /// `CODE: message (detail)`, when the task reports an error.
    pub fn error(&self) -> Option<String> {
        let parts: Vec<String> = [&self.error_code, &self.error_msg, &self.error_detail]
            .into_iter()
            .map(text)
            .filter(|t| t != MISSING)
            .collect();
        match parts.len() {
            0 => None,
            1 => Some(parts[0].clone()),
            _ => Some(format!("{}: {}", parts[0], parts[1..].join(" "))),
        }
    }

    /// Progress as a number, for sorting.
    pub fn progress_value(&self) -> Option<f64> {
        number(&self.progress)
    }

    /// Elapsed seconds, for sorting.
    pub fn elapsed_seconds(&self) -> Option<i64> {
        integer(&self.elapsed_time)
    }

    /// Elapsed seconds, humanised: `8m51s`.
    pub fn elapsed(&self) -> String {
        super::field::seconds(&self.elapsed_time)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXAMPLE: &str = r#"{"dataset_id":"OBegCXHxTJ2JHRAZWr0","task_id":"14cyxyu6UXaNT3lrPFl",
        "type":1,"create_time":"2020-11-03 15:22:39","status":3,"elapsed_time":531,
        "progress":100.0,"total_sample_count":246,"annotated_sample_count":38,
        "task_name":"nightly","config":{"name":"x"}}"#;

    #[test]
    fn the_reference_example_reads_as_expected() {
        let t = TaskView::parse(EXAMPLE);
        assert_eq!(t.id(), "14cyxyu6UXaNT3lrPFl");
        assert_eq!(t.name(), "nightly");
        assert_eq!(t.type_label(), "pre-label");
        assert_eq!(t.status_label(), "succeeded");
        assert_eq!(t.progress(), "100%");
        assert_eq!(t.samples(), "38/246");
        assert_eq!(
            t.created_at().map(|at| at.to_string()).as_deref(),
            Some("2020-11-03T07:22:39Z")
        );
        assert_eq!(t.elapsed(), "8m51s");
    }

    /// The reference's details example: no `task_id`, no `type`, samples in `result`.
    const DETAILS: &str =
        include_str!("../../tests/fixtures/api/obtaining_details_about_an_auto_labeling_task.json");

    #[test]
    fn the_details_example_shows_the_id_asked_for_its_samples_and_its_type() {
        let t = TaskView::parse(DETAILS);
        assert_eq!(t.id(), MISSING);
        assert_eq!(t.type_label(), MISSING);
        assert_eq!(t.samples(), "30/49");
        assert_eq!(t.inferred_type(), Some("auto-label"));
        assert_eq!(t.type_detail(), "auto-label (from config.algorithm_type)");
        assert_eq!(t.status_label(), "running");
        assert_eq!(t.progress(), "10%");
        assert_eq!(t.or_id("XGrRZuCV1qmMxnsmD5u").id(), "XGrRZuCV1qmMxnsmD5u");
    }

    #[test]
    fn the_id_asked_for_only_stands_in_for_a_missing_one() {
        let own = TaskView::parse(r#"{"task_id":"own"}"#).or_id("asked");
        assert_eq!(own.id(), "own");
        for answer in [r#"{}"#, r#"{"task_id":null}"#, r#"{"task_id":""}"#, "[1]"] {
            assert_eq!(
                TaskView::parse(answer).or_id("asked").id(),
                "asked",
                "{answer}"
            );
        }
        // Cleaned like anything else shown.
        assert_eq!(TaskView::parse("{}").or_id("a\x1b[2Jb").id(), "a\\x1b[2Jb");
    }

    #[test]
    fn samples_come_from_the_result_only_when_the_task_has_neither_count() {
        let samples = |raw: &str| TaskView::parse(raw).samples();
        let result = r#""result":{"annotated_sample_count":30,"total_sample_count":49}"#;
        assert_eq!(samples(&format!("{{{result}}}")), "30/49");
        assert_eq!(
            samples(&format!(
                r#"{{"annotated_sample_count":38,"total_sample_count":246,{result}}}"#
            )),
            "38/246"
        );
        // One count of the task's own is not mixed with the result's.
        assert_eq!(
            samples(&format!(r#"{{"annotated_sample_count":3,{result}}}"#)),
            "3/-"
        );
        assert_eq!(
            samples(&format!(
                r#"{{"annotated_sample_count":null,"total_sample_count":null,{result}}}"#
            )),
            "30/49"
        );
        assert_eq!(samples(r#"{"result":{"total_sample_count":49}}"#), "-/49");
        assert_eq!(samples(r#"{"result":{"train_job_id":"74679"}}"#), MISSING);
    }

    #[test]
    fn only_the_algorithm_types_of_active_learning_imply_a_type() {
        let view = |raw: &str| TaskView::parse(raw);
        for algorithm in ["fast", "accurate"] {
            let t = view(&format!(
                r#"{{"config":{{"algorithm_type":"{algorithm}"}}}}"#
            ));
            assert_eq!(t.inferred_type(), Some("auto-label"), "{algorithm}");
            assert_eq!(t.type_label(), MISSING);
        }
        let t = view(r#"{"type":null,"config":{"algorithm_type":"accurate"}}"#);
        assert_eq!(t.type_detail(), "auto-label (from config.algorithm_type)");
        // Anything else implies nothing.
        for config in [
            r#"{"algorithm_type":"supervisory"}"#,
            r#"{"algorithm_type":"Fast"}"#,
            r#"{"algorithm_type":" fast"}"#,
            r#"{"algorithm_type":""}"#,
            r#"{"algorithm_type":0}"#,
            r#"{"algorithm_type":["fast"]}"#,
            r#"{"name":"fast"}"#,
            r#"{}"#,
            r#""fast""#,
        ] {
            let t = view(&format!(r#"{{"config":{config}}}"#));
            assert_eq!(t.inferred_type(), None, "{config}");
            assert_eq!(t.type_detail(), MISSING, "{config}");
        }
        // A type the task states is never second-guessed.
        for kind in ["1", "42", r#""pre""#] {
            let t = view(&format!(
                r#"{{"type":{kind},"config":{{"algorithm_type":"fast"}}}}"#
            ));
            assert_eq!(t.inferred_type(), None, "{kind}");
            assert_eq!(t.type_detail(), t.type_label());
        }
    }

    #[test]
    fn an_odd_result_or_config_costs_nothing_else() {
        for odd in ["null", "[1, {\"a\": [2]}]", "\"text\"", "7", "-1.5", "true"] {
            let t = TaskView::parse(&format!(
                r#"{{"task_id":"a","result":{odd},"config":{odd},"status":3}}"#
            ));
            assert_eq!(t.id(), "a", "{odd}");
            assert_eq!(t.status_label(), "succeeded", "{odd}");
            assert_eq!(t.samples(), MISSING, "{odd}");
            assert_eq!(t.inferred_type(), None, "{odd}");
        }
        let t =
            TaskView::parse(r#"{"result":{"total_sample_count":"49","x":{"y":[]}},"task_id":"b"}"#);
        assert_eq!((t.id().as_str(), t.samples().as_str()), ("b", "-/49"));
    }

    /// Every field the view reads, to be spoiled one at a time.
    const FIELDS: &[(&str, &str)] = &[
        ("task_id", r#""14cyxyu6UXaNT3lrPFl""#),
        ("task_name", r#""nightly""#),
        ("type", "1"),
        ("status", "3"),
        ("progress", "37.5"),
        ("annotated_sample_count", "38"),
        ("total_sample_count", "246"),
        ("create_time", r#""2020-11-03 15:22:39""#),
        ("elapsed_time", "531"),
        ("model_name", r#""m1""#),
        ("model_version", r#""0.0.1""#),
        ("unconfirmed_sample_count", "7"),
        ("message", r#""ok""#),
        ("error_code", r#""E.1""#),
        ("error_msg", r#""broke""#),
        ("error_detail", r#""here""#),
        (
            "result",
            r#"{"annotated_sample_count":30,"total_sample_count":49}"#,
        ),
        ("config", r#"{"algorithm_type":"fast"}"#),
    ];

    /// Values no field should have: out of range, too large, of another type, unreadable.
    const ODD: &[&str] = &[
        "1e400",
        "-1e400",
        "123456789012345678901234567890",
        "-123456789012345678901234567890",
        r#""text""#,
        r#""1e400""#,
        r#""\ud800""#,
        "true",
        "null",
        "[]",
        r#"[1e400, "x"]"#,
        r#"{"a":[1e400,{"b":-1e400}],"c":"\u001b"}"#,
    ];

    /// What each reading shows, with the fields it reads.
    fn readings(t: &TaskView) -> Vec<(&'static [&'static str], String)> {
        vec![
            (&["task_id"], t.id()),
            (&["task_name"], t.name()),
            (&["type"], t.type_label()),
            (&["type", "config"], t.type_detail()),
            (&["type", "config"], format!("{:?}", t.inferred_type())),
            (&["status"], t.status_label()),
            (&["status"], format!("{:?}", t.status())),
            (&["progress"], t.progress()),
            (&["progress"], format!("{:?}", t.progress_value())),
            (
                &["annotated_sample_count", "total_sample_count", "result"],
                t.samples(),
            ),
            (&["create_time"], t.created()),
            (&["create_time"], t.age()),
            (&["create_time"], format!("{:?}", t.created_at())),
            (&["elapsed_time"], t.elapsed()),
            (&["elapsed_time"], format!("{:?}", t.elapsed_seconds())),
            (&["model_name"], t.model()),
            (&["model_version"], t.model_version()),
            (&["unconfirmed_sample_count"], t.unconfirmed()),
            (&["message"], format!("{:?}", t.message())),
            (
                &["error_code", "error_msg", "error_detail"],
                format!("{:?}", t.error()),
            ),
        ]
    }

    fn object(fields: &[(&str, &str)]) -> String {
        let members: Vec<String> = fields.iter().map(|(k, v)| format!("{k:?}:{v}")).collect();
        format!("{{{}}}", members.join(","))
    }

    #[test]
    fn the_essentials_of_a_task_read_as_the_task() {
        let whole = |raw: &str| {
            let essentials = TaskView::essentials(raw, TaskView::FIELDS).unwrap();
            assert!(essentials.get().len() <= raw.len(), "{essentials}");
            (
                readings(&TaskView::parse(raw)),
                readings(&TaskView::parse(essentials.get())),
            )
        };
        let (a, b) = whole(&object(FIELDS));
        assert_eq!(a, b);
        let (a, b) = whole(DETAILS);
        assert_eq!(a, b);
        for (i, _) in FIELDS.iter().enumerate() {
            for odd in ODD {
                let mut fields = FIELDS.to_vec();
                fields[i].1 = odd;
                let (a, b) = whole(&object(&fields));
                assert_eq!(a, b, "{odd}");
            }
        }
        // Keys given twice, escaped keys, and what the view never reads.
        let raw = r#"{"status":1,"x":{"big":[1,2,3]},"task\u005fid":"a","status":3,"result":{"annotated_sample_count":1,"train":"long"},"result":7}"#;
        let (a, b) = whole(raw);
        assert_eq!(a, b);
        assert_eq!(
            TaskView::essentials(raw, TaskView::FIELDS).unwrap().get(),
            r#"{"status":1,"task_id":"a","status":3,"result":{"annotated_sample_count":1},"result":{}}"#
        );
        assert_eq!(
            TaskView::essentials(raw, &["status", "result.train"])
                .unwrap()
                .get(),
            r#"{"status":1,"status":3,"result":{"train":"long"},"result":{}}"#
        );
        assert!(TaskView::essentials("[1]", TaskView::FIELDS).is_none());
    }

    #[test]
    fn one_odd_field_costs_that_field_only() {
        let expected = readings(&TaskView::parse(&object(FIELDS)));
        assert_eq!(expected[5].1, "succeeded");
        assert_eq!(expected[9].1, "38/246");
        for (i, (key, _)) in FIELDS.iter().enumerate() {
            for odd in ODD {
                let mut fields = FIELDS.to_vec();
                fields[i].1 = odd;
                let raw = object(&fields);
                let got = readings(&TaskView::parse(&raw));
                for ((reads, want), (_, got)) in expected.iter().zip(&got) {
                    if !reads.contains(key) {
                        assert_eq!(got, want, "{raw}");
                    }
                }
            }
        }
    }

    #[test]
    fn an_odd_value_shows_as_written_or_as_missing() {
        let view = |field: &str, value: &str| TaskView::parse(&format!(r#"{{"{field}":{value}}}"#));
        assert_eq!(view("total_sample_count", "1e400").samples(), "-/1e400");
        assert_eq!(view("status", "1e400").status_label(), "1e400");
        assert_eq!(view("status", "1e400").status(), None);
        assert_eq!(view("status", r#""3""#).status(), Some(Status::Succeeded));
        for odd in ["1e400", "-1e400"] {
            assert_eq!(view("progress", odd).progress(), odd);
            assert_eq!(view("progress", odd).progress_value(), None);
            assert_eq!(view("create_time", odd).created(), odd);
        }
        assert_eq!(view("progress", r#""inf""#).progress(), "inf");
        let huge = "123456789012345678901234567890";
        assert_eq!(view("elapsed_time", huge).elapsed(), huge);
        assert_eq!(view("elapsed_time", huge).elapsed_seconds(), None);
        assert_eq!(view("task_id", huge).id(), huge);
        assert_eq!(view("task_name", r#""\ud800""#).name(), MISSING);
        assert_eq!(
            view("task_name", r#"{"a" : [1, "\u001b"]}"#).name(),
            r#"{"a" : [1, "\u001b"]}"#
        );
        // Inside `result` and `config`, each member is read on its own too.
        let t = TaskView::parse(
            r#"{"status":3,"result":{"annotated_sample_count":30,"total_sample_count":1e400},
                "config":{"algorithm_type":-1e400}}"#,
        );
        assert_eq!(t.samples(), "30/1e400");
        assert_eq!(t.inferred_type(), None);
        assert_eq!(t.status(), Some(Status::Succeeded));
        // A key given twice counts as its last value, and costs nothing else.
        let t = TaskView::parse(r#"{"status":1,"task_id":"a","status":3}"#);
        assert_eq!(
            (t.status(), t.id().as_str()),
            (Some(Status::Succeeded), "a")
        );
    }

    #[test]
    fn unknown_codes_show_as_numbers() {
        let t = TaskView::parse(r#"{"type":42,"status":9}"#);
        assert_eq!(t.type_label(), "42");
        assert_eq!(t.status_label(), "9");
        assert_eq!(t.status(), None);
    }

    #[test]
    fn missing_or_odd_fields_never_fail() {
        let t = TaskView::parse("{}");
        for shown in [
            t.id(),
            t.name(),
            t.type_label(),
            t.status_label(),
            t.progress(),
            t.samples(),
            t.created(),
            t.elapsed(),
        ] {
            assert_eq!(shown, MISSING);
        }
        let t = TaskView::parse(
            r#"{"task_id":7,"progress":"37.54","elapsed_time":"x","type":"1","annotated_sample_count":3}"#,
        );
        assert_eq!(t.id(), "7");
        assert_eq!(t.progress(), "37.5%");
        assert_eq!(t.elapsed(), "x");
        assert_eq!(t.type_label(), "pre-label");
        assert_eq!(t.samples(), "3/-");
        let t = TaskView::parse("[1,2]");
        assert_eq!(t.id(), MISSING);
    }

    #[test]
    fn all_known_codes_have_names() {
        let names: Vec<_> = (-1..=5)
            .map(|c| Status::from_code(c).unwrap().name())
            .collect();
        assert_eq!(
            names,
            [
                "queued",
                "initializing",
                "running",
                "failed",
                "succeeded",
                "stopping",
                "stopped"
            ]
        );
        assert_eq!(
            [0, 1, 7, 10].map(|c| type_name(c).unwrap()),
            ["auto-label", "pre-label", "auto-grouping", "auto-deploy"]
        );
    }

    #[test]
    fn epoch_milliseconds_are_the_same_moment() {
        let t = TaskView::parse(r#"{"create_time":1604388159000}"#);
        let written = TaskView::parse(r#"{"create_time":"2020-11-03 15:22:39"}"#);
        assert!(t.created_at().is_some());
        assert_eq!(t.created_at(), written.created_at());
        assert_eq!(t.created(), written.created());
    }
}
