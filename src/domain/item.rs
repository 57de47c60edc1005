//! Any item of a list (a dataset, a version, an import or export task, a team
//! labeling task), read a field at a time for a table: each field on its own, by a
//! path such as `total_sample_count` or `sample_stats.accepted`.

use serde_json::value::RawValue;

use super::field::{self, MISSING, Raw, Read, read};

/// An item's top-level fields, each as the server's own JSON text.
#[derive(Debug, Default)]
pub struct Item {
    fields: Vec<(String, Box<str>)>,
}

impl Item {
    /// Read the item's fields; anything that is no object is an item without any.
    pub fn parse(raw: &str) -> Item {
        let fields = field::members::<String>(raw)
            .into_iter()
            .map(|(key, value): (String, &RawValue)| (key, value.get().into()))
            .collect();
        Item { fields }
    }

    /// The value at `path`, a field name or names joined by dots, as its JSON text.
    pub fn raw(&self, path: &str) -> Raw {
        let mut steps = path.split('.');
        let first = steps.next()?;
        let mut value: Box<str> = self
            .fields
            .iter()
            .find(|(key, _)| key == first)
            .map(|(_, value)| value.clone())?;
        for step in steps {
            value = field::members::<String>(&value)
                .into_iter()
                .find(|(key, _)| key == step)
                .map(|(_, inner)| inner.get().into())?;
        }
        Some(value)
    }

    /// One line of text for a cell; `-` where there is nothing.
    pub fn text(&self, path: &str) -> String {
        field::text(&self.raw(path))
    }

    /// A code by its name in `names`, else as written.
    pub fn coded(&self, path: &str, names: &[(i64, &'static str)]) -> String {
        field::coded(&self.raw(path), |code| {
            names.iter().find(|(c, _)| *c == code).map(|(_, n)| *n)
        })
    }

    /// A time, as matasks shows times: `2020-11-18 17:09:55 +08:00`.
    pub fn time(&self, path: &str) -> String {
        field::time(&self.raw(path))
    }

    /// How long ago a time was: `45s`, `3m`, `5d`.
    pub fn age(&self, path: &str) -> String {
        field::age(&self.raw(path))
    }

    /// `done/all`, as SAMPLES shows `annotated/total`; `-` when neither is there.
    pub fn pair(&self, done: &str, all: &str) -> String {
        let (done, all) = (self.text(done), self.text(all));
        if done == MISSING && all == MISSING {
            MISSING.to_string()
        } else {
            format!("{done}/{all}")
        }
    }

    /// The strings of an array (other elements skipped); none when it is no array.
    pub fn strings(&self, path: &str) -> Option<Vec<String>> {
        match read(&self.raw(path)) {
            Read::Other(array) if array.starts_with('[') => {
                let items = serde_json::from_str::<Vec<&RawValue>>(array).ok()?;
                Some(
                    items
                        .into_iter()
                        .filter_map(|item| serde_json::from_str::<String>(item.get()).ok())
                        .collect(),
                )
            }
            _ => None,
        }
    }

    /// Whether the field is the JSON value `true`.
    pub fn is_true(&self, path: &str) -> bool {
        self.raw(path).as_deref() == Some("true")
    }

    /// `yes` or `no` for a boolean.
    pub fn flag(&self, path: &str) -> String {
        match self.raw(path).as_deref() {
            Some("true") => "yes".to_string(),
            Some("false") => "no".to_string(),
            _ => self.text(path),
        }
    }
}

/// Whether a dataset of the dataset list has a task running (`exist_running_task`, or
/// any `running_tasks_id`): the answer says so only when asked to check.
pub fn has_running_task(dataset: &str) -> bool {
    let item = Item::parse(dataset);
    item.is_true("exist_running_task")
        || item
            .strings("running_tasks_id")
            .is_some_and(|ids| !ids.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_read_by_path_each_on_its_own() {
        let item = Item::parse(
            r#"{"id":"a","n":1e400,"stats":{"done":3,"all":"7"},"ids":["x","y"],"on":true,
               "when":1605690595404,"name":"a\u001b[2Jb","empty":""}"#,
        );
        assert_eq!(item.text("id"), "a");
        assert_eq!(item.text("n"), "1e400");
        assert_eq!(item.pair("stats.done", "stats.all"), "3/7");
        assert_eq!(item.pair("stats.none", "nothing"), MISSING);
        assert_eq!(item.flag("on"), "yes");
        assert_eq!(
            field::instant(&item.raw("when")).map(|t| t.to_string()),
            Some("2020-11-18T09:09:55.404Z".to_string())
        );
        assert_eq!(field::instant(&item.raw("id")), None);
        assert_eq!(item.time("id"), "a");
        assert_eq!(item.age("id"), MISSING);
        assert_eq!(item.strings("ids"), Some(vec!["x".into(), "y".into()]));
        assert_eq!(item.strings("id"), None);
        assert!(item.is_true("on"));
        assert!(!item.is_true("id"));
        assert!(has_running_task(r#"{"exist_running_task":true}"#));
        assert!(has_running_task(r#"{"running_tasks_id":["a"]}"#));
        assert!(!has_running_task(
            r#"{"exist_running_task":false,"running_tasks_id":[]}"#
        ));
        assert!(!has_running_task(r#"{"dataset_id":"a"}"#));
        assert_eq!(item.text("name"), "a\\x1b[2Jb");
        assert_eq!(item.text("empty"), MISSING);
        assert_eq!(item.text("stats.done.deeper"), MISSING);
        assert_eq!(item.coded("stats.done", &[(3, "three")]), "three");
        assert_eq!(item.coded("stats.all", &[(3, "three")]), "7");
        assert_eq!(Item::parse("[1]").text("id"), MISSING);
    }
}
