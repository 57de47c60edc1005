//! The body of CreateTask (`POST .../datasets/{dataset_id}/tasks`): the task type, the
//! model and key-sample switch at the top, and `config` (the reference's
//! SmartTaskConfig), checked against the reference before anything is sent.

use serde_json::{Map, Value, json};

use super::task::TaskType;
use crate::util::text::closest;

/// What a task is started with: settings given one by one, over a `config` given whole.
#[derive(Debug, Clone, Default)]
pub struct StartRequest {
    /// `model_id`, at the top of the body.
    pub model_id: Option<String>,
    /// `collect_key_sample`, at the top of the body.
    pub collect_key_sample: Option<bool>,
    /// `config` as given whole (`--config-json`).
    pub config: Map<String, Value>,
    /// `config` keys given one by one, which must not contradict `config`.
    pub settings: Vec<(&'static str, Value)>,
}

/// The kinds of value a SmartTaskConfig key takes, from the reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    /// One of these strings.
    OneOf(&'static [&'static str]),
    Boolean,
    Integer,
    /// One of these integers.
    IntegerOf(&'static [i64]),
    /// An integer above zero, written as a number or (as the reference's example
    /// does) a string of digits.
    Count,
    /// `min-max`, each between 0 and 1.
    Range,
    Object,
    Array,
}

/// SmartTaskConfig's keys and what each takes, as the reference lists them.
const CONFIG_KEYS: &[(&str, Kind)] = &[
    ("algorithm_type", Kind::OneOf(&["fast", "accurate"])),
    ("ambiguity", Kind::Boolean),
    ("annotation_output", Kind::Text),
    ("collect_rule", Kind::OneOf(&["all"])),
    ("collect_sample", Kind::Boolean),
    ("confidence_scope", Kind::Range),
    ("description", Kind::Text),
    ("engine_name", Kind::Text),
    ("export_format", Kind::IntegerOf(&[1, 2])),
    ("export_params", Kind::Object),
    ("flavor", Kind::Object),
    ("image_brightness", Kind::Boolean),
    ("image_colorfulness", Kind::Boolean),
    ("inf_cluster_id", Kind::Text),
    ("inf_config_list", Kind::Array),
    ("inf_output", Kind::Text),
    ("infer_result_output_dir", Kind::Text),
    ("key_sample_output", Kind::Text),
    ("log_url", Kind::Text),
    ("manifest_path", Kind::Text),
    ("model_id", Kind::Text),
    ("model_name", Kind::Text),
    ("model_parameter", Kind::Text),
    ("model_version", Kind::Text),
    ("n_clusters", Kind::Count),
    ("name", Kind::Text),
    ("output_dir", Kind::Text),
    ("parameters", Kind::Array),
    ("pool_id", Kind::Text),
    ("property", Kind::Text),
    ("req_uri", Kind::Text),
    ("result_type", Kind::IntegerOf(&[0, 1])),
    ("samples", Kind::Array),
    ("stop_time", Kind::Integer),
    ("time", Kind::Text),
    ("train_data_path", Kind::Text),
    ("train_url", Kind::Text),
    (
        "version_format",
        Kind::OneOf(&["Default", "CarbonData", "CSV"]),
    ),
    ("worker_server_num", Kind::Integer),
];

/// The keys of each InfConfig of `inf_config_list`.
const INF_CONFIG_KEYS: &[(&str, Kind)] = &[
    ("envs", Kind::Object),
    ("instance_count", Kind::Count),
    ("model_id", Kind::Text),
    ("specification", Kind::Text),
    ("weight", Kind::Integer),
];

/// What a request says of itself that the reference would refuse; warnings for what it
/// does not know.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Checked {
    pub body: Vec<u8>,
    /// Keys the reference does not list, sent as given.
    pub warnings: Vec<String>,
}

impl StartRequest {
    /// The body that starts a task of `kind`, or what is wrong with the request.
    pub fn body(&self, kind: TaskType) -> Result<Checked, String> {
        if kind == TaskType::AutoDeploy {
            return Err("auto-deploy tasks are not started through this API".to_string());
        }
        let mut config = self.config.clone();
        for (key, value) in &self.settings {
            match config.get(*key) {
                Some(given) if given != value => {
                    return Err(format!(
                        "`{key}` is given twice, as {value} and as {given} in the config JSON: \
                         give it once"
                    ));
                }
                _ => {
                    config.insert(key.to_string(), value.clone());
                }
            }
        }
        let mut warnings = Vec::new();
        check_object(&config, CONFIG_KEYS, "config", &mut warnings)?;
        if let Some(Value::Array(list)) = config.get("inf_config_list") {
            for (n, entry) in list.iter().enumerate() {
                let place = format!("config.inf_config_list[{n}]");
                let Value::Object(entry) = entry else {
                    return Err(format!("{place} must be a JSON object"));
                };
                check_object(entry, INF_CONFIG_KEYS, &place, &mut warnings)?;
            }
        }
        if kind == TaskType::PreLabel
            && self.model_id.as_deref().is_none_or(str::is_empty)
            && !config.contains_key("model_id")
        {
            return Err(
                "a pre-labeling task labels with a model: give its ID with --model-id".to_string(),
            );
        }
        let mut body = Map::new();
        body.insert("task_type".into(), json!(kind.as_api_str()));
        if let Some(model_id) = &self.model_id {
            body.insert("model_id".into(), json!(model_id));
        }
        if let Some(collect) = self.collect_key_sample {
            body.insert("collect_key_sample".into(), json!(collect));
        }
        if !config.is_empty() {
            body.insert("config".into(), Value::Object(config));
        }
        let body = serde_json::to_vec(&Value::Object(body)).expect("JSON values serialize");
        Ok(Checked { body, warnings })
    }
}

/// Check each key of `object` that `keys` knows; name the others in `warnings`.
fn check_object(
    object: &Map<String, Value>,
    keys: &[(&str, Kind)],
    place: &str,
    warnings: &mut Vec<String>,
) -> Result<(), String> {
    for (key, value) in object {
        let Some(&(_, kind)) = keys.iter().find(|(k, _)| k == key) else {
            let guess = closest(key, keys.iter().map(|(k, _)| *k), 0.85)
                .map(|k| format!(" (did you mean `{k}`?)"))
                .unwrap_or_default();
            warnings.push(format!(
                "`{place}.{key}` is not in the API reference{guess}; it is sent as given"
            ));
            continue;
        };
        if value.is_null() {
            continue;
        }
        if !fits(kind, value) {
            return Err(format!(
                "`{place}.{key}` must be {}, not {value}",
                describe(kind)
            ));
        }
    }
    Ok(())
}

fn fits(kind: Kind, value: &Value) -> bool {
    match kind {
        Kind::Text => value.is_string(),
        Kind::OneOf(names) => value.as_str().is_some_and(|v| names.contains(&v)),
        Kind::Boolean => value.is_boolean(),
        Kind::Integer => value.is_i64() || value.is_u64(),
        Kind::IntegerOf(codes) => value.as_i64().is_some_and(|v| codes.contains(&v)),
        Kind::Count => match value {
            Value::Number(n) => n.as_u64().is_some_and(|n| n > 0),
            Value::String(s) => s.parse::<u64>().is_ok_and(|n| n > 0),
            _ => false,
        },
        Kind::Range => value.as_str().is_some_and(is_range),
        Kind::Object => value.is_object(),
        Kind::Array => value.is_array(),
    }
}

/// `0.10-0.90`: two numbers from 0 to 1, the first no larger.
fn is_range(text: &str) -> bool {
    let Some((low, high)) = text.split_once('-') else {
        return false;
    };
    match (low.parse::<f64>(), high.parse::<f64>()) {
        (Ok(low), Ok(high)) => {
            (0.0..=1.0).contains(&low) && (0.0..=1.0).contains(&high) && low <= high
        }
        _ => false,
    }
}

fn describe(kind: Kind) -> String {
    match kind {
        Kind::Text => "a string".to_string(),
        Kind::OneOf(names) => format!("one of {}", names.join(", ")),
        Kind::Boolean => "true or false".to_string(),
        Kind::Integer => "an integer".to_string(),
        Kind::IntegerOf(codes) => {
            let codes: Vec<String> = codes.iter().map(i64::to_string).collect();
            format!("one of {}", codes.join(", "))
        }
        Kind::Count => "a whole number above 0".to_string(),
        Kind::Range => "a range such as \"0.10-0.90\"".to_string(),
        Kind::Object => "a JSON object".to_string(),
        Kind::Array => "a JSON array".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(request: &StartRequest, kind: TaskType) -> Value {
        serde_json::from_slice(&request.body(kind).unwrap().body).unwrap()
    }

    #[test]
    fn the_reference_examples_are_what_the_settings_make() {
        let active = StartRequest {
            collect_key_sample: Some(true),
            settings: vec![("algorithm_type", json!("fast"))],
            ..StartRequest::default()
        };
        assert_eq!(
            body(&active, TaskType::AutoLabel),
            json!({"task_type": "auto-label", "collect_key_sample": true,
                   "config": {"algorithm_type": "fast"}})
        );
        let pre = StartRequest {
            model_id: Some("c4989033-7584-44ee-a180-1c476b810e46".into()),
            collect_key_sample: Some(true),
            settings: vec![(
                "inf_config_list",
                json!([{"specification": "modelarts.vm.cpu.2u", "instance_count": 1}]),
            )],
            ..StartRequest::default()
        };
        assert_eq!(
            body(&pre, TaskType::PreLabel),
            json!({"task_type": "pre-label", "model_id": "c4989033-7584-44ee-a180-1c476b810e46",
                   "collect_key_sample": true, "config": {"inf_config_list": [
                       {"specification": "modelarts.vm.cpu.2u", "instance_count": 1}]}})
        );
        let grouping = StartRequest {
            config: json!({"n_clusters": "2", "ambiguity": false, "image_brightness": false,
                           "image_colorfulness": false, "property": "size", "result_type": 1})
            .as_object()
            .unwrap()
            .clone(),
            ..StartRequest::default()
        };
        let made = body(&grouping, TaskType::AutoGrouping);
        assert_eq!(made["task_type"], "auto-grouping");
        assert_eq!(made["config"]["n_clusters"], "2");
        assert_eq!(made["config"]["result_type"], 1);
        // Nothing is added that was not asked for.
        assert_eq!(
            body(&StartRequest::default(), TaskType::AutoLabel),
            json!({"task_type": "auto-label"})
        );
    }

    #[test]
    fn what_the_reference_refuses_is_refused_here() {
        let refused = |config: Value, kind| {
            StartRequest {
                config: config.as_object().unwrap().clone(),
                ..StartRequest::default()
            }
            .body(kind)
            .unwrap_err()
        };
        let err = refused(json!({"algorithm_type": "slow"}), TaskType::AutoLabel);
        assert_eq!(
            err,
            "`config.algorithm_type` must be one of fast, accurate, not \"slow\""
        );
        for bad in [json!(0), json!(-2), json!("two"), json!(2.5), json!(true)] {
            refused(json!({ "n_clusters": bad }), TaskType::AutoGrouping);
        }
        refused(json!({"result_type": 2}), TaskType::AutoGrouping);
        refused(json!({"ambiguity": "no"}), TaskType::AutoGrouping);
        refused(json!({"confidence_scope": "0.9-0.1"}), TaskType::AutoLabel);
        refused(json!({"confidence_scope": "0.1"}), TaskType::AutoLabel);
        refused(json!({"inf_config_list": {}}), TaskType::AutoLabel);
        let err = refused(
            json!({"inf_config_list": [{"instance_count": 0}]}),
            TaskType::AutoLabel,
        );
        assert!(
            err.starts_with("`config.inf_config_list[0].instance_count`"),
            "{err}"
        );
        refused(json!({"inf_config_list": [1]}), TaskType::AutoLabel);
        // Accepted as the reference allows.
        for good in [
            json!({"confidence_scope": "0.10-0.90"}),
            json!({"n_clusters": 3}),
            json!({"n_clusters": "3"}),
            json!({"model_id": null}),
        ] {
            StartRequest {
                config: good.as_object().unwrap().clone(),
                ..StartRequest::default()
            }
            .body(TaskType::AutoGrouping)
            .unwrap();
        }
    }

    #[test]
    fn pre_labeling_needs_a_model_and_auto_deploy_is_not_started_here() {
        let err = StartRequest::default()
            .body(TaskType::PreLabel)
            .unwrap_err();
        assert!(err.contains("--model-id"), "{err}");
        let in_config = StartRequest {
            config: json!({"model_id": "m"}).as_object().unwrap().clone(),
            ..StartRequest::default()
        };
        assert!(in_config.body(TaskType::PreLabel).is_ok());
        assert!(StartRequest::default().body(TaskType::AutoDeploy).is_err());
    }

    #[test]
    fn a_setting_may_repeat_the_config_but_not_contradict_it() {
        let both = |value: Value| StartRequest {
            config: json!({"name": "a"}).as_object().unwrap().clone(),
            settings: vec![("name", value)],
            ..StartRequest::default()
        };
        assert!(both(json!("a")).body(TaskType::AutoLabel).is_ok());
        let err = both(json!("b")).body(TaskType::AutoLabel).unwrap_err();
        assert!(err.contains("`name` is given twice"), "{err}");
    }

    #[test]
    fn unknown_keys_are_sent_with_a_warning_and_a_guess() {
        let request = StartRequest {
            config: json!({"n_cluster": 2, "brand_new": 1})
                .as_object()
                .unwrap()
                .clone(),
            ..StartRequest::default()
        };
        let checked = request.body(TaskType::AutoGrouping).unwrap();
        assert_eq!(checked.warnings.len(), 2);
        assert!(
            checked
                .warnings
                .iter()
                .any(|w| w.contains("did you mean `n_clusters`"))
        );
        assert!(
            checked
                .warnings
                .iter()
                .any(|w| w.contains("`config.brand_new`") && !w.contains("did you mean"))
        );
        let sent: Value = serde_json::from_slice(&checked.body).unwrap();
        assert_eq!(sent["config"]["n_cluster"], 2);
    }
}
