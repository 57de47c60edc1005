//! Task data the fake server serves: the API reference's example response, tasks with
//! fields the reference does not document, and generated tasks of the same size; and
//! the reference's example responses as files, `tests/fixtures/api/*.json` of matasks.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;

/// The first task of the reference's example response, exactly as printed there.
const REFERENCE_PRELABEL: &str = r#"{
    "dataset_id" : "OBegCXHxTJ2JHRAZWr0",
    "task_id" : "14cyxyu6UXaNT3lrPFl",
    "type" : 1,
    "create_time" : "2020-11-03 15:22:39",
    "status" : 3,
    "code" : "ModelArts.4996",
    "message" : "prelabel task execute successfully.",
    "elapsed_time" : 531,
    "result" : {
      "service_id" : "ee2ade80-0967-4ef3-b6da-e8c873017b9a",
      "service_name" : "prelabel_infer_1604388201993_xubo_cls_d910_2_993",
      "hard_select_tasks" : [ {
        "id" : "887c4ac6-26c8-4ca3-b07a-cd75e16fdc2d",
        "hard_select_task_id" : "86711ab3-8ceb-4b0e-bd52-8545b184a2a7",
        "dataset_id" : "OBegCXHxTJ2JHRAZWr0",
        "dataset_name" : "xubo_cls_d910_2",
        "task_status" : "import_dataset_completed",
        "time" : 262,
        "create_at" : 0,
        "update_at" : 0
      } ],
      "continuity" : false
    },
    "export_type" : 0,
    "progress" : 100.0,
    "total_sample_count" : 246,
    "annotated_sample_count" : 38,
    "unconfirmed_sample_count" : 208,
    "model_id" : "c717a39f-c64f-45df-a9d3-be9ed79cdcb4",
    "model_name" : "auto-deploy-50041602581620628",
    "model_version" : "0.0.1",
    "config" : {
      "ambiguity" : false,
      "name" : "5fXxR01TyUoiobqNEd9",
      "worker_server_num" : 0,
      "inf_config_list" : [ {
        "model_id" : null,
        "specification" : "modelarts.vm.cpu.2u",
        "weight" : 0,
        "instance_count" : 1,
        "envs" : null
      } ],
      "collect_sample" : false,
      "confidence_scope" : "0.0-0.5",
      "algorithm_type" : "supervisory",
      "image_brightness" : false,
      "image_colorfulness" : false
    }
  }"#;

/// The same task as one NDJSON line: only whitespace between tokens removed.
pub const REFERENCE_PRELABEL_LINE: &str = r#"{"dataset_id":"OBegCXHxTJ2JHRAZWr0","task_id":"14cyxyu6UXaNT3lrPFl","type":1,"create_time":"2020-11-03 15:22:39","status":3,"code":"ModelArts.4996","message":"prelabel task execute successfully.","elapsed_time":531,"result":{"service_id":"ee2ade80-0967-4ef3-b6da-e8c873017b9a","service_name":"prelabel_infer_1604388201993_xubo_cls_d910_2_993","hard_select_tasks":[{"id":"887c4ac6-26c8-4ca3-b07a-cd75e16fdc2d","hard_select_task_id":"86711ab3-8ceb-4b0e-bd52-8545b184a2a7","dataset_id":"OBegCXHxTJ2JHRAZWr0","dataset_name":"xubo_cls_d910_2","task_status":"import_dataset_completed","time":262,"create_at":0,"update_at":0}],"continuity":false},"export_type":0,"progress":100.0,"total_sample_count":246,"annotated_sample_count":38,"unconfirmed_sample_count":208,"model_id":"c717a39f-c64f-45df-a9d3-be9ed79cdcb4","model_name":"auto-deploy-50041602581620628","model_version":"0.0.1","config":{"ambiguity":false,"name":"5fXxR01TyUoiobqNEd9","worker_server_num":0,"inf_config_list":[{"model_id":null,"specification":"modelarts.vm.cpu.2u","weight":0,"instance_count":1,"envs":null}],"collect_sample":false,"confidence_scope":"0.0-0.5","algorithm_type":"supervisory","image_brightness":false,"image_colorfulness":false}}"#;

/// The second task of the reference's example response.
pub const REFERENCE_AUTOLABEL: &str = r#"{
    "dataset_id" : "OBegCXHxTJ2JHRAZWr0",
    "task_id" : "5QPy73VwnwHi5NqvbcP",
    "type" : 0,
    "create_time" : "2020-10-31 16:11:37",
    "status" : 3,
    "code" : "ModelArts.4996",
    "message" : "task executed successfully.",
    "elapsed_time" : 397,
    "result" : {
      "train_job_name" : "BNFURaEyftGNMITaBiv",
      "train_job_id" : "74679",
      "version_id" : "89745",
      "continuity" : false
    },
    "export_type" : 0,
    "progress" : 100.0,
    "total_sample_count" : 246,
    "annotated_sample_count" : 38,
    "unconfirmed_sample_count" : 198,
    "model_name" : "Supervisory",
    "model_version" : "0.0.1",
    "config" : {
      "ambiguity" : false,
      "worker_server_num" : 0,
      "collect_sample" : false,
      "algorithm_type" : "fast",
      "image_brightness" : false,
      "image_colorfulness" : false
    }
  }"#;

/// A running task with a reserved-character name, fields the reference does not
/// document, numbers no float can hold, and string escapes.
const RUNNING_UNDOCUMENTED: &str = r#"{"task_id" : "nR8kq2LmZc0aVbXy7Tt", "task_name" : "nightly run/ü+~*",
    "type" : 1, "status" : 1, "progress" : 37.50, "create_time" : "2026-11-29 08:00:00",
    "elapsed_time" : 7500, "total_sample_count" : 1000, "annotated_sample_count" : 375,
    "x_future_field" : { "nested" : [ 1, 2.50, true, null ] },
    "big_counter" : 123456789012345678901234567890,
    "tiny" : 1.0E-7,
    "note" : "caf\u00e9 \/ \"quoted\" \t tab" }"#;

pub const RUNNING_UNDOCUMENTED_LINE: &str = r#"{"task_id":"nR8kq2LmZc0aVbXy7Tt","task_name":"nightly run/ü+~*","type":1,"status":1,"progress":37.50,"create_time":"2026-11-29 08:00:00","elapsed_time":7500,"total_sample_count":1000,"annotated_sample_count":375,"x_future_field":{"nested":[1,2.50,true,null]},"big_counter":123456789012345678901234567890,"tiny":1.0E-7,"note":"caf\u00e9 \/ \"quoted\" \t tab"}"#;

/// A failed auto-labeling task.
pub const FAILED: &str = r#"{"task_id":"Fa1LeDtask000000001","task_name":"weekly relabel","type":0,"status":2,"progress":12.5,"create_time":"2026-11-28 22:10:05","elapsed_time":45,"total_sample_count":500,"annotated_sample_count":20,"error_code":"ModelArts.4353","error_msg":"Insufficient samples."}"#;

/// A pre-labeling task whose status code this tool does not know.
pub const UNKNOWN_STATUS: &str = r#"{"task_id":"UnKn0wnStatus000001","task_name":"from the future","type":1,"status":9,"create_time":"2026-11-29 09:00:00"}"#;

/// An auto-grouping task (type 7).
const GROUPING: &str = r#"{"task_id":"Gr0up1ngTask0000001","task_name":"cluster cats","type":7,"status":5,"progress":60.0,"create_time":"2026-11-27 10:00:00","elapsed_time":90061}"#;

/// A one-click deployment task (type 10).
pub const DEPLOY: &str = r#"{"task_id":"DepL0yTask000000001","task_name":"deploy v3","type":10,"status":-1,"progress":0.0,"create_time":"2026-11-29 11:00:00","elapsed_time":0}"#;

/// A task with a type code this tool does not know.
pub const UNKNOWN_TYPE: &str = r#"{"task_id":"UnKn0wnType00000001","task_name":"mystery","type":42,"status":0,"create_time":"2026-11-29 11:30:00"}"#;

/// The default dataset's tasks, in the server's order.
pub fn example_tasks() -> Vec<String> {
    [
        REFERENCE_PRELABEL,
        REFERENCE_AUTOLABEL,
        RUNNING_UNDOCUMENTED,
        FAILED,
        UNKNOWN_STATUS,
        GROUPING,
        DEPLOY,
        UNKNOWN_TYPE,
    ]
    .iter()
    .map(|t| t.to_string())
    .collect()
}

/// The ID of generated task `i`.
pub fn generated_id(i: usize) -> String {
    format!("gen{i:016}")
}

/// The ID of task `i` of [`Tasks::GeneratedIn`](crate::Tasks::GeneratedIn) of
/// `dataset_id`: 19 letters and digits, as the service's IDs are, unique across datasets
/// (seven characters of a hash of the dataset ID, then `i` in twelve digits).
pub fn generated_id_in(dataset_id: &str, i: usize) -> String {
    use sha2::{Digest, Sha256};
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    let digest = Sha256::digest(dataset_id.as_bytes());
    let mut hash = u64::from_be_bytes(digest[..8].try_into().expect("eight bytes"));
    let mut id = String::with_capacity(19);
    for _ in 0..7 {
        id.push(ALPHABET[(hash % 62) as usize] as char);
        hash /= 62;
    }
    id.push_str(&format!("{:012}", i % 1_000_000_000_000));
    id
}

/// Task `i` of a generated dataset: the size and shape of the reference's example,
/// compact, with a unique ID.
pub(crate) fn generated_task(i: usize) -> String {
    generated_task_of(super::DATASET, &generated_id(i), i)
}

/// Task `i` of [`Tasks::GeneratedIn`](crate::Tasks::GeneratedIn) of `dataset_id`: as
/// [`generated_task`], but of that dataset and with an ID of [`generated_id_in`].
pub(crate) fn generated_task_in(dataset_id: &str, i: usize) -> String {
    generated_task_of(dataset_id, &generated_id_in(dataset_id, i), i)
}

/// A generated task of `dataset_id` (its own; the hard example import in its `result`
/// stays the reference's) with the ID `id`.
pub(crate) fn generated_task_of(dataset_id: &str, id: &str, i: usize) -> String {
    format!(
        concat!(
            r#"{{"dataset_id":"{dataset_id}","task_id":"{id}","task_name":"task {i}","type":1,"#,
            r#""create_time":"2020-11-03 15:22:39","status":3,"code":"ModelArts.4996","#,
            r#""message":"prelabel task execute successfully.","elapsed_time":{elapsed},"#,
            r#""result":{{"service_id":"ee2ade80-0967-4ef3-b6da-e8c873017b9a","#,
            r#""service_name":"prelabel_infer_1604388201993_xubo_cls_d910_2_993","#,
            r#""hard_select_tasks":[{{"id":"887c4ac6-26c8-4ca3-b07a-cd75e16fdc2d","#,
            r#""hard_select_task_id":"86711ab3-8ceb-4b0e-bd52-8545b184a2a7","#,
            r#""dataset_id":"OBegCXHxTJ2JHRAZWr0","dataset_name":"xubo_cls_d910_2","#,
            r#""task_status":"import_dataset_completed","time":262,"create_at":0,"update_at":0}}],"#,
            r#""continuity":false}},"export_type":0,"progress":100.0,"total_sample_count":246,"#,
            r#""annotated_sample_count":38,"unconfirmed_sample_count":208,"#,
            r#""model_id":"c717a39f-c64f-45df-a9d3-be9ed79cdcb4","#,
            r#""model_name":"auto-deploy-50041602581620628","model_version":"0.0.1","#,
            r#""config":{{"ambiguity":false,"name":"5fXxR01TyUoiobqNEd9","worker_server_num":0,"#,
            r#""inf_config_list":[{{"model_id":null,"specification":"modelarts.vm.cpu.2u","#,
            r#""weight":0,"instance_count":1,"envs":null}}],"collect_sample":false,"#,
            r#""confidence_scope":"0.0-0.5","algorithm_type":"supervisory","#,
            r#""image_brightness":false,"image_colorfulness":false}}}}"#
        ),
        dataset_id = dataset_id,
        id = id,
        i = i,
        elapsed = 500 + i % 1000,
    )
}

/// Where the reference's example responses are kept.
pub fn api_examples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/api")
}

/// The example response of the reference page `name` (`ListTasks` for `ListTasks.rst`),
/// exactly as printed there.
pub fn api_example(name: &str) -> String {
    let path = api_examples_dir().join(format!("{name}.json"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The reference pages whose example is a list of intelligent tasks.
pub const TASK_LIST_EXAMPLES: [&str; 2] =
    ["ListTasks", "obtaining_an_auto_labeling_task_list_by_page"];

/// The reference page whose example is one task's details.
pub const TASK_DETAILS_EXAMPLE: &str = "obtaining_details_about_an_auto_labeling_task";

/// A ListTasks answer's tasks as written, and its top-level fields other than `tasks`
/// and `total_count`, as written and in order.
pub(crate) fn listing_parts(answer: &str) -> (Vec<String>, Vec<(String, String)>) {
    listing_parts_of(answer, "tasks", "total_count")
}

/// A list answer's items (under `items_key`) as written, and its top-level fields other
/// than those and `total_key`, as written and in order.
pub(crate) fn listing_parts_of(
    answer: &str,
    items_key: &str,
    total_key: &str,
) -> (Vec<String>, Vec<(String, String)>) {
    let Fields(fields) = serde_json::from_str(answer).expect("an answer is a JSON object");
    let mut items = Vec::new();
    let mut rest = Vec::new();
    for (key, value) in fields {
        if key == items_key {
            let list: Vec<&RawValue> =
                serde_json::from_str(value.get()).expect("the items are an array");
            items = list.iter().map(|t| t.get().to_string()).collect();
        } else if key != total_key {
            rest.push((key, value.get().to_string()));
        }
    }
    (items, rest)
}

/// Whether the JSON object `text` has the top-level field `key`.
pub(crate) fn has_field(text: &str, key: &str) -> bool {
    serde_json::from_str::<Fields>(text)
        .is_ok_and(|Fields(fields)| fields.iter().any(|(k, _)| k == key))
}

/// The JSON object `text` with each top-level field of `changes` set to its value (raw
/// JSON): replaced where it is, added at the end where it is not; the other fields keep
/// their order and their values. Written compactly, as one line.
pub(crate) fn with_fields(text: &str, changes: &[(&str, String)]) -> String {
    let Fields(fields) = serde_json::from_str(text).expect("a job is a JSON object");
    let mut pairs: Vec<(String, String)> = fields
        .into_iter()
        .map(|(key, value)| (key, value.get().to_string()))
        .collect();
    for (key, value) in changes {
        serde_json::from_str::<&RawValue>(value)
            .unwrap_or_else(|e| panic!("the value of {key} is not JSON: {e}: {value}"));
        match pairs.iter_mut().find(|(k, _)| k == key) {
            Some((_, old)) => *old = value.clone(),
            None => pairs.push((key.to_string(), value.clone())),
        }
    }
    let body: Vec<String> = pairs
        .iter()
        .map(|(key, value)| format!("{}:{value}", serde_json::Value::from(key.as_str())))
        .collect();
    compact(&format!("{{{}}}", body.join(",")))
}

/// The JSON text `text` without whitespace between tokens (strings kept as written).
fn compact(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in text.chars() {
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c.is_ascii_whitespace() {
            continue;
        } else {
            in_string = c == '"';
        }
        out.push(c);
    }
    out
}

/// A JSON object's fields, in order, each value as written.
struct Fields(Vec<(String, Box<RawValue>)>);

impl<'de> Deserialize<'de> for Fields {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct FieldsVisitor;
        impl<'de> Visitor<'de> for FieldsVisitor {
            type Value = Fields;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fields, A::Error> {
                let mut fields = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    fields.push(entry);
                }
                Ok(Fields(fields))
            }
        }
        deserializer.deserialize_map(FieldsVisitor)
    }
}
