//! A page of a list answer, read without building its items: they stay the server's
//! own JSON text, so output can be lossless.

use std::fmt;

use anyhow::{Context, Result};
use serde::de::{Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;

use serde::de::DeserializeSeed;

use crate::domain::resource::Resource;
use crate::util::text;

/// One page of a list, borrowing from its body. Items and unknown top-level fields are
/// the server's own JSON text, so output can be lossless, and a page costs one
/// allocation for its body however many items it holds.
#[derive(Debug)]
pub struct Page<'a> {
    pub resource: Resource,
    pub items: Vec<&'a RawValue>,
    /// The total (`total_count`, `total_number`, ...) read as a number, when it is one.
    pub total_count: Option<u64>,
    /// The total as the server wrote it.
    pub total_count_raw: Option<&'a RawValue>,
    /// Every other top-level field, in the server's order.
    pub extra: Vec<(String, &'a RawValue)>,
}

impl<'a> Page<'a> {
    /// `body` as a page of `resource`.
    pub fn parse(body: &'a [u8], resource: Resource) -> Result<Page<'a>, serde_json::Error> {
        let mut deserializer = serde_json::Deserializer::from_slice(body);
        let page = PageVisitor {
            resource,
            lifetime: std::marker::PhantomData,
        }
        .deserialize(&mut deserializer)?;
        deserializer.end()?;
        Ok(page)
    }
}

/// A page's body as it arrived; parsed when its turn to be printed comes.
pub struct PageBody {
    bytes: Vec<u8>,
    resource: Resource,
    /// What was asked for, for an error message.
    request: String,
}

impl PageBody {
    pub fn new(bytes: Vec<u8>, resource: Resource, request: String) -> PageBody {
        PageBody {
            bytes,
            resource,
            request,
        }
    }

    pub fn parse(&self) -> Result<Page<'_>> {
        let looks_like_html = self
            .bytes
            .iter()
            .find(|b| !b.is_ascii_whitespace())
            .is_some_and(|&b| b == b'<');
        if looks_like_html {
            anyhow::bail!(
                "malformed response listing {}: an HTML page, not the API's JSON (is a proxy \
                 or a login page answering?)",
                self.request
            );
        }
        Page::parse(&self.bytes, self.resource)
            .with_context(|| format!("malformed response listing {}", self.request))
    }
}

/// Reads a page of one resource: its items array and total by their keys.
struct PageVisitor<'a> {
    resource: Resource,
    lifetime: std::marker::PhantomData<&'a ()>,
}

impl<'de: 'a, 'a> DeserializeSeed<'de> for PageVisitor<'a> {
    type Value = Page<'a>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Page<'a>, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de: 'a, 'a> Visitor<'de> for PageVisitor<'a> {
    type Value = Page<'a>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(
            f,
            "a JSON object with a `{}` array",
            self.resource.items_key
        )
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Page<'a>, A::Error> {
        let Resource {
            items_key,
            total_key,
            ..
        } = self.resource;
        let mut items = None;
        let mut total_count_raw: Option<&RawValue> = None;
        let mut extra = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            if key == items_key {
                let raw: &RawValue = map.next_value()?;
                let list = match raw.get().trim_start().as_bytes().first() {
                    Some(b'[') => serde_json::from_str::<Vec<&RawValue>>(raw.get())
                        .map_err(serde::de::Error::custom)?,
                    _ if raw.get() == "null" => Vec::new(),
                    _ => {
                        return Err(serde::de::Error::custom(format!(
                            "`{items_key}` is {}, not an array",
                            shown(raw)
                        )));
                    }
                };
                items = Some(list);
            } else if key == total_key {
                total_count_raw = Some(map.next_value()?);
            } else {
                extra.push((key, map.next_value()?));
            }
        }
        let Some(items) = items else {
            return Err(serde::de::Error::custom(format!(
                "there is no `{items_key}` array"
            )));
        };
        let total_count = total(total_key, total_count_raw).map_err(serde::de::Error::custom)?;
        Ok(Page {
            resource: self.resource,
            items,
            total_count,
            total_count_raw,
            extra,
        })
    }
}

/// A server value as it may be quoted in an error: short, on one line.
fn shown(raw: &RawValue) -> String {
    let text: String = raw.get().chars().take(40).collect();
    let text = text::clean(&text);
    if raw.get().chars().count() > 40 {
        format!("{text}…")
    } else {
        text.into_owned()
    }
}

/// A total the server sends (`total_count`, `total_number`): a JSON integer from 0
/// up, or none when it is absent or `null`. Anything else, a string of digits, `5.0`
/// or `1e2` included, is not a count: the answer is not the API's.
fn total(key: &str, raw: Option<&RawValue>) -> Result<Option<u64>, String> {
    match raw {
        None => Ok(None),
        Some(raw) if raw.get().trim() == "null" => Ok(None),
        Some(raw) => count_of(raw)
            .map(Some)
            .ok_or_else(|| format!("`{key}` is {}, not a count", shown(raw))),
    }
}

/// A count written as a JSON integer: digits only, and no more than a u64 holds.
fn count_of(raw: &RawValue) -> Option<u64> {
    let text = raw.get().trim();
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tasks_and_extra_fields_keep_the_servers_text() {
        let body = br#"{"tasks" : [ {"a" : 100.0}, {"b":123456789012345678901234567890} ],
            "total_count" : 2, "exist_running_deploy_task" : false, "z": {"k": [1, 2]}}"#;
        let page = Page::parse(body, Resource::TASKS).unwrap();
        assert_eq!(page.items.len(), 2);
        assert!(
            PageBody::new(b"{}".to_vec(), Resource::TASKS, "x".into())
                .parse()
                .is_err()
        );
        assert_eq!(page.items[0].get(), r#"{"a" : 100.0}"#);
        assert_eq!(
            page.items[1].get(),
            r#"{"b":123456789012345678901234567890}"#
        );
        assert_eq!(page.total_count, Some(2));
        let keys: Vec<_> = page.extra.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["exist_running_deploy_task", "z"]);
        assert_eq!(page.extra[1].1.get(), r#"{"k": [1, 2]}"#);
    }

    #[test]
    fn counts_are_json_integers_or_missing() {
        let page = Page::parse(br#"{"total_count":12,"tasks":[]}"#, Resource::TASKS).unwrap();
        assert_eq!(page.total_count, Some(12));
        let page = Page::parse(
            br#"{"total_count" :  18446744073709551615 ,"tasks":[]}"#,
            Resource::TASKS,
        )
        .unwrap();
        assert_eq!(page.total_count, Some(u64::MAX));
        for absent in [r#"{"tasks":null}"#, r#"{"tasks":[],"total_count":null}"#] {
            let page = Page::parse(absent.as_bytes(), Resource::TASKS).unwrap();
            assert!(page.items.is_empty());
            assert_eq!(page.total_count, None);
        }
        // The same rule for every total the server sends.
        for key in ["total_count", "total_number"] {
            for not_a_count in [
                r#""12""#,
                r#"" 12""#,
                r#""""#,
                "12.0",
                "1e2",
                "-0",
                "-5",
                "1e400",
                "18446744073709551616",
                "true",
                "[12]",
                r#"{"n":12}"#,
            ] {
                let raw: &RawValue = serde_json::from_str(not_a_count).unwrap();
                assert_eq!(
                    total(key, Some(raw)),
                    Err(format!("`{key}` is {not_a_count}, not a count")),
                );
            }
        }
        let body = br#"{"tasks":[],"total_count":"5"}"#;
        assert!(
            Page::parse(body, Resource::TASKS)
                .unwrap_err()
                .to_string()
                .starts_with(r#"`total_count` is "5", not a count"#)
        );
    }

    #[test]
    fn hostile_bodies_get_one_clear_line_each() {
        let why = |body: &str| {
            let e = PageBody::new(
                body.as_bytes().to_vec(),
                Resource::TASKS,
                "tasks of dataset d".into(),
            )
            .parse()
            .unwrap_err();
            format!("{e:#}")
        };
        assert_eq!(
            why("  <!DOCTYPE html><html>login</html>"),
            "malformed response listing tasks of dataset d: an HTML page, not the API's JSON (is a proxy or a login page answering?)"
        );
        assert!(
            why(r#"{"total_count": 3}"#)
                .ends_with(": there is no `tasks` array at line 1 column 18"),
            "{}",
            why(r#"{"total_count": 3}"#)
        );
        assert!(why(r#"{"tasks": {"a": 1}}"#).contains(": `tasks` is {\"a\": 1}, not an array"));
        assert!(
            why(r#"{"tasks": [], "total_count": -5}"#)
                .contains(": `total_count` is -5, not a count")
        );
        assert!(
            why(r#"{"tasks": [], "total_count": "many"}"#)
                .contains(": `total_count` is \"many\", not a count")
        );
        let long = format!(r#"{{"tasks": "{}"}}"#, "x".repeat(100));
        assert!(why(&long).contains("xxx…, not an array"), "{}", why(&long));
        assert!(why(r#"{"tasks": [{"a": 1}"#).contains("EOF while parsing"));
        assert!(why("").contains("EOF while parsing a value"));
        // null counts as absent.
        let page = Page::parse(br#"{"tasks": [], "total_count": null}"#, Resource::TASKS).unwrap();
        assert_eq!(page.total_count, None);
    }

    #[test]
    fn a_body_without_tasks_is_malformed() {
        assert!(Page::parse(br#"{"total_count":3}"#, Resource::TASKS).is_err());
        assert!(Page::parse(b"[]", Resource::TASKS).is_err());
        assert!(Page::parse(b"<html>", Resource::TASKS).is_err());
        assert!(Page::parse(br#"{"tasks":{}}"#, Resource::TASKS).is_err());
    }
}
