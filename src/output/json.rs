//! JSON and NDJSON, written from the server's own text so nothing is lost: numbers,
//! string escapes, key order and unknown fields all pass through byte for byte; only
//! whitespace between tokens is dropped, and characters a terminal would act on are
//! written as the escapes that mean them.

use std::io::{self, Write};

use serde_json::value::RawValue;

use super::Sink;
use crate::api::page::Page;
use crate::api::paging::{Group, Outcome};
use crate::util::text;

/// The field of a merged listing's JSON that keeps each type's own total.
pub const TOTALS_BY_TYPE: &str = "matasks_total_count_by_type";

/// One JSON value on a line of its own, compacted: an NDJSON line.
pub fn write_line(out: &mut impl Write, json: &str) -> io::Result<()> {
    write_compact(out, json)?;
    out.write_all(b"\n")
}

/// Write valid JSON text without the whitespace between its tokens. Inside strings,
/// characters a terminal would act on or hide (C1 and DEL controls, bidi and
/// zero-width characters, line separators; C0 controls cannot stand raw in JSON) are
/// written as `\u` escapes, which mean the same to any JSON reader.
pub fn write_compact(out: &mut impl Write, json: &str) -> io::Result<()> {
    write_safe(out, json, true)
}

/// Write valid JSON text as it is laid out, its strings made safe as
/// [`write_compact`] makes them.
pub fn write_laid_out(out: &mut impl Write, json: &str) -> io::Result<()> {
    write_safe(out, json, false)
}

/// JSON text with the characters a terminal acts on escaped inside its strings, and
/// the whitespace between its tokens dropped when `compact`.
fn write_safe(out: &mut impl Write, json: &str, compact: bool) -> io::Result<()> {
    let bytes = json.as_bytes();
    let mut start = 0;
    let mut in_string = false;
    let mut escaped = false;
    for (i, &b) in bytes.iter().enumerate() {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            } else if (b >= 0x7f)
                && json.is_char_boundary(i)
                && let Some(c) = json[i..].chars().next().filter(|&c| text::is_hidden(c))
            {
                out.write_all(&bytes[start..i])?;
                for unit in c.encode_utf16(&mut [0; 2]) {
                    write!(out, "\\u{unit:04x}")?;
                }
                start = i + c.len_utf8();
            }
        } else if b == b'"' {
            in_string = true;
        } else if compact && matches!(b, b' ' | b'\n' | b'\r' | b'\t') {
            if start < i {
                out.write_all(&bytes[start..i])?;
            }
            start = i + 1;
        }
    }
    out.write_all(&bytes[start..])
}

/// The next element of an array, `written` of them before it: on a line of its own,
/// after `indent`, compacted.
fn write_element(
    out: &mut impl Write,
    written: &mut usize,
    indent: &str,
    raw: &RawValue,
) -> io::Result<()> {
    let separator = if *written == 0 { "\n" } else { ",\n" };
    out.write_all(separator.as_bytes())?;
    out.write_all(indent.as_bytes())?;
    write_compact(out, raw.get())?;
    *written += 1;
    Ok(())
}

/// One task per line.
pub struct NdjsonSink<W> {
    out: W,
}

impl<W: Write> NdjsonSink<W> {
    pub fn new(out: W) -> Self {
        NdjsonSink { out }
    }
}

impl<W: Write> Sink for NdjsonSink<W> {
    fn begin(&mut self, _first: &Page<'_>) -> io::Result<()> {
        Ok(())
    }

    fn item(&mut self, raw: &RawValue) -> io::Result<()> {
        write_line(&mut self.out, raw.get())
    }

    fn page_done(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// `{"total_count": N, "tasks": [...], <other fields>}`, one task per line, streamed.
pub struct JsonSink<W> {
    out: W,
    items: usize,
    /// The first page's other top-level fields, written after the array.
    trailer: Vec<(String, Box<RawValue>)>,
}

impl<W: Write> JsonSink<W> {
    pub fn new(out: W) -> Self {
        JsonSink {
            out,
            items: 0,
            trailer: Vec::new(),
        }
    }
}

impl<W: Write> Sink for JsonSink<W> {
    fn begin(&mut self, first: &Page<'_>) -> io::Result<()> {
        // The resource's own keys: `{"total_count": N, "tasks": [` for tasks.
        self.out.write_all(b"{\n  ")?;
        serde_json::to_writer(&mut self.out, first.resource.total_key)?;
        self.out.write_all(b": ")?;
        match &first.total_count_raw {
            Some(raw) => write_compact(&mut self.out, raw.get())?,
            None => self.out.write_all(b"null")?,
        }
        self.out.write_all(b",\n  ")?;
        serde_json::to_writer(&mut self.out, first.resource.items_key)?;
        self.out.write_all(b": [")?;
        self.trailer = first
            .extra
            .iter()
            .map(|(k, v)| (k.clone(), (*v).to_owned()))
            .collect();
        Ok(())
    }

    fn item(&mut self, raw: &RawValue) -> io::Result<()> {
        write_element(&mut self.out, &mut self.items, "    ", raw)
    }

    fn page_done(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    fn finish(&mut self) -> io::Result<()> {
        if self.items > 0 {
            self.out.write_all(b"\n  ")?;
        }
        self.out.write_all(b"]")?;
        for (key, value) in &self.trailer {
            self.out.write_all(b",\n  ")?;
            serde_json::to_writer(&mut self.out, key)?;
            self.out.write_all(b": ")?;
            write_compact(&mut self.out, value.get())?;
        }
        self.out.write_all(b"\n}\n")?;
        self.out.flush()
    }
}

/// The tasks (or other jobs) of every dataset, grouped: `{"datasets": [{"dataset_id":
/// ..., "dataset_name": ..., "total_count": N, "tasks": [...]}, ...], "total_count": N}`, the
/// last the sum of the datasets' totals. A dataset whose tasks could not all be listed
/// also has `"matasks_error"`, saying why.
pub struct GroupedJsonSink<W> {
    out: W,
    /// What each dataset's items are called: `tasks`, `import_tasks`.
    items_key: &'static str,
    /// Groups begun, and items in the open one.
    groups: usize,
    items: usize,
    total: u64,
}

impl<W: Write> GroupedJsonSink<W> {
    pub fn new(out: W) -> Self {
        GroupedJsonSink::of(out, "tasks")
    }

    /// Each dataset's items under `items_key`, as its list calls them.
    pub fn of(out: W, items_key: &'static str) -> Self {
        GroupedJsonSink {
            out,
            items_key,
            groups: 0,
            items: 0,
            total: 0,
        }
    }

    fn close_group(&mut self) -> io::Result<()> {
        if self.groups > 0 {
            if self.items > 0 {
                self.out.write_all(b"\n      ")?;
            }
            self.out.write_all(b"]}")?;
        }
        Ok(())
    }
}

impl<W: Write> Sink for GroupedJsonSink<W> {
    fn begin(&mut self, _first: &Page<'_>) -> io::Result<()> {
        self.out.write_all(b"{\n  \"datasets\": [")
    }

    fn group(&mut self, group: &Group<'_>) -> io::Result<()> {
        self.close_group()?;
        self.out.write_all(if self.groups == 0 {
            b"\n    "
        } else {
            b",\n    "
        })?;
        self.out.write_all(b"{\"dataset_id\": ")?;
        serde_json::to_writer(&mut self.out, group.dataset_id)?;
        self.out.write_all(b", \"dataset_name\": ")?;
        match group.name {
            Some(name) => write_compact(&mut self.out, name.get())?,
            None => self.out.write_all(b"null")?,
        }
        self.out.write_all(b", \"total_count\": ")?;
        match group.total {
            Some(total) => {
                self.total += total;
                write!(self.out, "{total}")?;
            }
            None => self.out.write_all(b"null")?,
        }
        if let Some(error) = group.error {
            self.out.write_all(b", \"matasks_error\": ")?;
            serde_json::to_writer(&mut self.out, &text::clean(error))?;
        }
        write!(self.out, ", \"{}\": [", self.items_key)?;
        self.groups += 1;
        self.items = 0;
        Ok(())
    }

    fn item(&mut self, raw: &RawValue) -> io::Result<()> {
        write_element(&mut self.out, &mut self.items, "        ", raw)
    }

    fn page_done(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    fn finish(&mut self) -> io::Result<()> {
        self.close_group()?;
        if self.groups > 0 {
            self.out.write_all(b"\n  ")?;
        }
        write!(self.out, "],\n  \"total_count\": {}\n}}\n", self.total)?;
        self.out.flush()
    }
}

/// One envelope for a merged listing: the sum of the types' totals, the first
/// page's other fields (each once, as the first type that had it wrote it), and each
/// type's own total under [`TOTALS_BY_TYPE`].
pub fn merged_envelope(labels: &[String], outcomes: &[Outcome]) -> String {
    let mut text = String::from("{\"tasks\":[],\"total_count\":");
    let totals: Vec<u64> = outcomes.iter().filter_map(|o| o.total).collect();
    if totals.is_empty() {
        text.push_str("null");
    } else {
        text.push_str(&totals.iter().sum::<u64>().to_string());
    }
    let mut keys = std::collections::HashSet::new();
    for envelope in outcomes.iter().filter_map(|o| o.envelope.as_ref()) {
        for (key, value) in &envelope.extra {
            if key != TOTALS_BY_TYPE && keys.insert(key.as_str()) {
                text.push(',');
                text.push_str(&serde_json::to_string(key).expect("a string serializes"));
                text.push(':');
                text.push_str(value.get());
            }
        }
    }
    text.push_str(&format!(",\"{TOTALS_BY_TYPE}\":{{"));
    for (n, (label, outcome)) in labels.iter().zip(outcomes).enumerate() {
        if n > 0 {
            text.push(',');
        }
        let total = outcome
            .envelope
            .as_ref()
            .and_then(|e| e.total_count.as_ref())
            .map_or("null", |raw| raw.get());
        text.push_str(&format!("\"{label}\":{total}"));
    }
    text.push_str("}}");
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::resource::Resource;

    fn compact(json: &str) -> String {
        let mut out = Vec::new();
        write_compact(&mut out, json).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn whitespace_inside_strings_survives() {
        assert_eq!(
            compact("{ \"a b\" : [ 1 ,\n\t2.50 ] , \"c\" : \"x \\\" y\\\\\" ,\"d\":\"\\u00fc \" }"),
            "{\"a b\":[1,2.50],\"c\":\"x \\\" y\\\\\",\"d\":\"\\u00fc \"}"
        );
    }

    #[test]
    fn numbers_pass_through_unchanged() {
        assert_eq!(
            compact("[100.0, 123456789012345678901234567890, 1E+400, -0.0]"),
            "[100.0,123456789012345678901234567890,1E+400,-0.0]"
        );
    }

    #[test]
    fn the_reference_examples_compact_losslessly() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/api");
        let squeezed = |s: &str| s.split_ascii_whitespace().collect::<String>();
        let mut examples = 0;
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "json") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let out = compact(&text);
            let name = path.display();
            // The same values, strings whitespace and all ...
            assert_eq!(
                serde_json::from_str::<serde_json::Value>(&out).unwrap(),
                serde_json::from_str::<serde_json::Value>(&text).unwrap(),
                "{name}"
            );
            // ... written the same (numbers, escapes, key order), on one line.
            assert_eq!(squeezed(&out), squeezed(&text), "{name}");
            assert!(!out.contains('\n'), "{name}");
            examples += 1;
        }
        assert_eq!(
            examples,
            14,
            "the reference's examples in {}",
            dir.display()
        );
    }

    fn render(sink: &mut dyn Sink, body: &str) {
        let page = Page::parse(body.as_bytes(), Resource::TASKS).unwrap();
        sink.begin(&page).unwrap();
        for t in &page.items {
            sink.item(t).unwrap();
        }
        sink.page_done().unwrap();
        sink.finish().unwrap();
    }

    #[test]
    fn json_document_layout() {
        let mut out = Vec::new();
        render(
            &mut JsonSink::new(&mut out),
            r#"{"tasks": [{"id" : 1}, {"id": 2}], "total_count" : 7, "more": {"x" : true}}"#,
        );
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "{\n  \"total_count\": 7,\n  \"tasks\": [\n    {\"id\":1},\n    {\"id\":2}\n  ],\n  \"more\": {\"x\":true}\n}\n"
        );
        let mut out = Vec::new();
        render(&mut JsonSink::new(&mut out), r#"{"tasks": []}"#);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "{\n  \"total_count\": null,\n  \"tasks\": []\n}\n"
        );
    }

    #[test]
    fn ndjson_is_one_compact_task_per_line() {
        let mut out = Vec::new();
        render(
            &mut NdjsonSink::new(&mut out),
            r#"{"tasks": [{"id" : 1}, {"id": "a b"}], "total_count": 2}"#,
        );
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "{\"id\":1}\n{\"id\":\"a b\"}\n"
        );
    }

    #[test]
    fn characters_a_terminal_acts_on_become_escapes_in_strings_only() {
        // C1 CSI, DEL, a bidi override, a zero-width space, a tag character.
        let raw = "{\"name\":\"a\u{9b}2Jb\u{7f}c\u{202e}d\u{200b}e\u{e0041}f\",\"n\":1}";
        let written = compact(raw);
        assert_eq!(
            written,
            r#"{"name":"a\u009b2Jb\u007fc\u202ed\u200be\udb40\udc41f","n":1}"#
        );
        // The same string to a JSON reader.
        let read = |text: &str| serde_json::from_str::<serde_json::Value>(text).unwrap();
        assert_eq!(read(&written), read(raw));
        // Other text, escapes and non-ASCII letters, passes as it is.
        assert_eq!(
            compact(r#"["日本語 ü", "\u001b"]"#),
            r#"["日本語 ü","\u001b"]"#
        );
    }
}
