//! `--jq EXPR`: a jq program run on the JSON document a command would print, as gh's
//! `--jq` does. Strings are printed raw (as `jq -r` prints them), anything else as
//! jq pretty-prints it. The program is compiled before any request, so a mistake in
//! it costs nothing; jaq runs it.
//!
//! Besides jq's own, the program sees `$status` and `$type` (each kind's name to the
//! code the API writes: `$status.failed` is 2, `$type["pre-label"]` and
//! `$type.pre_label` are 1) and `$status_name` and `$type_name` (a code, as a string,
//! to its name: `$status_name["2"]` is "failed").

use std::cell::RefCell;
use std::io::{self, Write};
use std::rc::Rc;

use jaq_core::load::{Arena, File, Loader};
use jaq_core::{Ctx, Native, Vars, compile, data};
use jaq_json::Val;
use serde_json::value::RawValue;
use unicode_width::UnicodeWidthStr;

use super::Sink;
use crate::api::page::Page;
use crate::api::paging::Group;
use crate::domain::kind::{Kind, StatusValue};
use crate::domain::task::{Status, TaskType};
use crate::util::error::ProgramFailed;
use crate::util::text;

type Data = data::JustLut<Val>;

/// The variables every program sees, in the order their values are given.
const GLOBALS: [&str; 4] = ["$status", "$type", "$status_name", "$type_name"];

/// jq's `@csv` and `@tsv`, which jaq's standard library lacks: an array as a CSV
/// line (strings quoted, quotes doubled) or a TSV line (tab, line feed, carriage
/// return and backslash escaped); numbers and booleans as they read, null as nothing.
const FORMATS: &str = r#"
def matasks_field(string):
  if type == "string" then string
  elif type == "null" then ""
  elif type == "number" or type == "boolean" then tostring
  else error("\(type) (\(tojson | .[:11])...) is not valid in a csv row") end;
def @csv: map(matasks_field("\"" + (split("\"") | join("\"\"")) + "\"")) | join(",");
def @tsv: map(matasks_field(split("\\") | join("\\\\") | split("\t") | join("\\t")
  | split("\n") | join("\\n") | split("\r") | join("\\r"))) | join("\t");
"#;

/// A compiled `--jq` program.
pub struct Jq {
    filter: compile::Filter<Native<Data>>,
    /// The values of [`GLOBALS`].
    globals: Vec<Val>,
}

/// Why a `--jq` program cannot run: its first mistake, and where it is.
#[derive(Debug)]
pub struct JqError {
    pub message: String,
    /// The program, safe to show.
    pub program: String,
    /// The terminal columns of the program before the mistake.
    pub caret: usize,
}

impl Jq {
    /// Parse and compile `code`, with jq's standard filters and the named codes.
    pub fn compile(code: &str) -> Result<Jq, JqError> {
        let formats = jaq_core::load::parse(FORMATS, |p| p.defs())
            .expect("the formats are jq")
            .into_iter();
        let defs = jaq_core::defs()
            .chain(jaq_std::defs())
            .chain(jaq_json::defs())
            .chain(formats);
        let funs = jaq_core::funs()
            .chain(jaq_std::funs())
            .chain(jaq_json::funs());
        let arena = Arena::default();
        let modules = Loader::new(defs)
            .load(&arena, File { code, path: () })
            .map_err(|errors| {
                let found = errors.into_iter().flat_map(|(_, error)| match error {
                    jaq_core::load::Error::Io(io) => io
                        .into_iter()
                        .map(|(at, why)| (at, format!("cannot load: {why}")))
                        .collect::<Vec<_>>(),
                    jaq_core::load::Error::Lex(lex) => lex
                        .into_iter()
                        .map(|(expected, at)| (at, format!("expected {}", expected.as_str())))
                        .collect(),
                    jaq_core::load::Error::Parse(parse) => parse
                        .into_iter()
                        .map(|(expected, at)| {
                            let found = if at.is_empty() {
                                "the end".to_string()
                            } else {
                                format!("`{}`", text::clean(at))
                            };
                            (at, format!("expected {}, found {found}", expected.as_str()))
                        })
                        .collect(),
                });
                mistakes(code, found.collect())
            })?;
        let filter = compile::Compiler::default()
            .with_funs(funs)
            .with_global_vars(GLOBALS)
            .compile(modules)
            .map_err(|errors| {
                let found = errors.into_iter().flat_map(|(_, undefined)| {
                    undefined
                        .into_iter()
                        .map(|(name, kind)| (name, format!("undefined {} `{name}`", kind.as_str())))
                });
                mistakes(code, found.collect())
            })?;
        Ok(Jq {
            filter,
            globals: globals(),
        })
    }

    /// Run the program on `document` (JSON text), writing what it yields to `out`: a
    /// string raw on a line of its own, anything else as pretty JSON. On a terminal,
    /// control and invisible characters in raw strings are shown as escapes.
    pub fn run(&self, document: &[u8], out: &mut dyn Write, on_terminal: bool) -> io::Result<()> {
        let input = jaq_json::read::parse_single(document)
            .map_err(|e| failed(format!("--jq: the JSON to run it on: {e}")))?;
        let ctx = Ctx::<Data>::new(&self.filter.lut, Vars::new(self.globals.clone()));
        let pretty = jaq_json::write::Pp {
            indent: Some("  ".to_string()),
            sep_space: true,
            ..Default::default()
        };
        let mut json = Vec::new();
        for result in self.filter.id.run((ctx, input)) {
            let value = match result {
                Ok(value) => value,
                Err(exception) => match exception.get_err() {
                    Ok(error) => return Err(failed(format!("--jq: {}", shortened(&error)))),
                    Err(exception) => match exception.get_halt() {
                        Ok(0) => break,
                        Ok(code) => {
                            return Err(failed(format!(
                                "--jq: the program halted with status {code}"
                            )));
                        }
                        Err(_) => return Err(failed("--jq: the program broke out".to_string())),
                    },
                },
            };
            match &value {
                Val::TStr(bytes) | Val::BStr(bytes) => {
                    let raw = String::from_utf8_lossy(bytes);
                    if on_terminal {
                        out.write_all(text::clean_lines(&raw).as_bytes())?;
                    } else {
                        out.write_all(raw.as_bytes())?;
                    }
                }
                value => {
                    json.clear();
                    jaq_json::write::write(&mut json, &pretty, 0, value)?;
                    // As matasks' own JSON: strings safe for a terminal.
                    super::json::write_laid_out(&mut &mut *out, &String::from_utf8_lossy(&json))?;
                }
            }
            out.write_all(b"\n")?;
        }
        out.flush()
    }

    /// A sink that hands `inner` a buffer to write its JSON document into, and at the
    /// end runs this program on it, writing to `out`.
    pub fn sink<'a, W: Write + 'a>(
        self: &Rc<Self>,
        out: W,
        on_terminal: bool,
        inner: impl FnOnce(Document) -> Box<dyn Sink + 'a>,
    ) -> Box<dyn Sink + 'a> {
        let document = Document::default();
        Box::new(JqSink {
            inner: inner(document.clone()),
            document,
            jq: self.clone(),
            out,
            on_terminal,
        })
    }
}

/// jaq's message for an error, which quotes the value it failed on whole (the whole
/// document, perhaps): cut to its first [`MESSAGE_CHARS`] characters.
fn shortened(error: &impl std::fmt::Display) -> String {
    let message = error.to_string();
    match message.char_indices().nth(MESSAGE_CHARS) {
        Some((at, _)) => format!("{}…", &message[..at]),
        None => message,
    }
}

/// The most of a failed program's message shown.
const MESSAGE_CHARS: usize = 200;

/// The program's failure, as the I/O error the output gives.
fn failed(message: String) -> io::Error {
    io::Error::other(ProgramFailed(message))
}

/// One JSON document (`json`, the server's text) on stdout: compacted on a line, as
/// `-o json` prints it, or what `jq` makes of it.
pub fn write_document(
    out: &mut dyn Write,
    json: &str,
    jq: Option<&Jq>,
    on_terminal: bool,
) -> io::Result<()> {
    match jq {
        Some(jq) => jq.run(json.as_bytes(), out, on_terminal),
        None => {
            super::json::write_line(&mut &mut *out, json)?;
            out.flush()
        }
    }
}

/// The first of the mistakes `found` in `code` (where, and what), with where it is.
fn mistakes(code: &str, found: Vec<(&str, String)>) -> JqError {
    let (at, why) = found
        .into_iter()
        .next()
        .unwrap_or(("", "cannot be compiled".to_string()));
    let start = if at.is_empty() && !std::ptr::eq(at.as_ptr(), code.as_ptr()) {
        // The end of the program, where it ran out.
        code.len()
    } else {
        jaq_core::load::span(code, at).start.min(code.len())
    };
    let column = code[..start].chars().count() + 1;
    JqError {
        message: format!("--jq: {why} at column {column}"),
        program: text::clean(code).into_owned(),
        caret: text::clean(&code[..start]).width(),
    }
}

/// The values of [`GLOBALS`], from the status and type tables.
impl Jq {
    /// The program with `$status` and `$status_name` naming the statuses of `kind`
    /// rather than those of intelligent tasks: `$status.completed` is `"COMPLETED"` for
    /// imports, `$status.normal` is 1 for versions, and `$status_name["1"]` is
    /// `"normal"`.
    pub fn with_statuses_of(mut self, kind: &Kind) -> Jq {
        let mut by_name = serde_json::Map::new();
        let mut by_value = serde_json::Map::new();
        for status in kind.statuses {
            let (value, key) = match status.value {
                StatusValue::Code(code) => (serde_json::Value::from(code), code.to_string()),
                StatusValue::Text(text) => (serde_json::Value::from(text), text.to_string()),
            };
            by_name.insert(status.name.to_string(), value.clone());
            by_name.insert(status.name.replace('-', "_"), value);
            by_value.insert(key, status.name.into());
        }
        let read = |map: serde_json::Map<String, serde_json::Value>| {
            let json = serde_json::Value::Object(map).to_string();
            jaq_json::read::parse_single(json.as_bytes()).expect("the tables are JSON")
        };
        self.globals[0] = read(by_name);
        self.globals[2] = read(by_value);
        self
    }
}

fn globals() -> Vec<Val> {
    let statuses: Vec<(String, i64)> = Status::ALL
        .iter()
        .map(|s| (s.name().to_string(), s.code()))
        .collect();
    let mut types: Vec<(String, i64)> = Vec::new();
    for t in TaskType::ALL {
        let name = t.as_api_str();
        types.push((name.to_string(), t.code()));
        types.push((name.replace('-', "_"), t.code()));
    }
    let by_name = |pairs: &[(String, i64)]| {
        let members: Vec<String> = pairs
            .iter()
            .map(|(name, code)| format!("{}:{code}", serde_json::Value::from(name.as_str())))
            .collect();
        format!("{{{}}}", members.join(","))
    };
    let by_code = |pairs: &[(String, i64)]| {
        let members: Vec<String> = pairs
            .iter()
            .filter(|(name, _)| !name.contains('_'))
            .map(|(name, code)| format!("\"{code}\":{}", serde_json::Value::from(name.as_str())))
            .collect();
        format!("{{{}}}", members.join(","))
    };
    [
        by_name(&statuses),
        by_name(&types),
        by_code(&statuses),
        by_code(&types),
    ]
    .iter()
    .map(|json| jaq_json::read::parse_single(json.as_bytes()).expect("the tables are JSON"))
    .collect()
}

/// The JSON document a sink writes for a `--jq` program to run on.
#[derive(Clone, Default)]
pub struct Document(Rc<RefCell<Vec<u8>>>);

impl Write for Document {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

struct JqSink<'a, W> {
    inner: Box<dyn Sink + 'a>,
    document: Document,
    jq: Rc<Jq>,
    out: W,
    on_terminal: bool,
}

impl<W: Write> Sink for JqSink<'_, W> {
    fn begin(&mut self, first: &Page<'_>) -> io::Result<()> {
        self.inner.begin(first)
    }

    fn group(&mut self, group: &Group<'_>) -> io::Result<()> {
        self.inner.group(group)
    }

    fn item(&mut self, raw: &RawValue) -> io::Result<()> {
        self.inner.item(raw)
    }

    fn page_done(&mut self) -> io::Result<()> {
        self.inner.page_done()
    }

    fn finish(&mut self) -> io::Result<()> {
        self.inner.finish()?;
        let document = std::mem::take(&mut *self.document.0.borrow_mut());
        self.jq.run(&document, &mut self.out, self.on_terminal)
    }

    fn wants_more(&self) -> bool {
        self.inner.wants_more()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(code: &str, document: &str) -> String {
        let mut out = Vec::new();
        Jq::compile(code)
            .unwrap()
            .run(document.as_bytes(), &mut out, false)
            .unwrap();
        String::from_utf8(out).unwrap()
    }

    const TASKS: &str = r#"{"total_count":3,"tasks":[
        {"task_id":"a","status":2,"type":1},
        {"task_id":"b","status":1,"type":0},
        {"task_id":"c","status":2,"type":0,"name":"x\ty"}]}"#;

    #[test]
    fn strings_print_raw_and_the_rest_as_jq_pretty_prints() {
        assert_eq!(
            run(".tasks[] | select(.status == 2) | .task_id", TASKS),
            "a\nc\n"
        );
        assert_eq!(run(".tasks[2].name", TASKS), "x\ty\n");
        assert_eq!(
            run(".tasks[0], .total_count, [], {}", TASKS),
            "{\n  \"task_id\": \"a\",\n  \"status\": 2,\n  \"type\": 1\n}\n3\n[]\n{}\n"
        );
        assert_eq!(
            run("[.tasks[].task_id]", TASKS),
            "[\n  \"a\",\n  \"b\",\n  \"c\"\n]\n"
        );
    }

    #[test]
    fn csv_and_tsv_formats_are_jqs() {
        let row = r#"["a,\"b\"", 1.5, null, true, "t\tn\nr\rb\\"]"#;
        assert_eq!(
            run("@csv", row),
            "\"a,\"\"b\"\"\",1.5,,true,\"t\tn\nr\rb\\\"\n"
        );
        assert_eq!(
            run("@tsv", row),
            "a,\"b\"\t1.5\t\ttrue\tt\\tn\\nr\\rb\\\\\n"
        );
        let mut out = Vec::new();
        let error = Jq::compile("@csv")
            .unwrap()
            .run(br#"[{"a":1}]"#, &mut out, false)
            .unwrap_err();
        assert!(
            error.to_string().contains("is not valid in a csv row"),
            "{error}"
        );
    }

    #[test]
    fn names_stand_for_codes() {
        assert_eq!(
            run(
                "[.tasks[] | select(.status == $status.failed and .type == $type.auto_label) | .task_id]",
                TASKS
            ),
            "[\n  \"c\"\n]\n"
        );
        assert_eq!(
            run(r#"$type["pre-label"], $type.pre_label"#, TASKS),
            "1\n1\n"
        );
        assert_eq!(
            run(".tasks[] | $status_name[.status | tostring]", TASKS),
            "failed\nrunning\nfailed\n"
        );
        assert_eq!(
            run(r#"$type_name["7"], $status.queued"#, TASKS),
            "auto-grouping\n-1\n"
        );
    }

    #[test]
    fn mistakes_point_at_where_they_are() {
        let error = |code| {
            let e = Jq::compile(code).err().unwrap();
            (e.message, e.program, e.caret)
        };
        let (message, program, caret) = error(".tasks[ | .x");
        assert!(message.starts_with("--jq: expected "), "{message}");
        // The bracket is never closed: the mistake is where the program ends.
        assert_eq!((program.as_str(), caret), (".tasks[ | .x", 12));
        assert_eq!(
            error(".tasks[] | frobnicate"),
            (
                "--jq: undefined filter `frobnicate` at column 12".to_string(),
                ".tasks[] | frobnicate".to_string(),
                11
            )
        );
        assert_eq!(
            error("$nope").0,
            "--jq: undefined variable `$nope` at column 1"
        );
        // Ran out: the caret goes after the end.
        let (message, _, caret) = error(".a |");
        assert!(message.ends_with("at column 5"), "{message}");
        assert_eq!(caret, 4);
        // Wide characters before the mistake move the caret by their width.
        assert_eq!(error("\"日本\" | nope").2, 9);
    }

    #[test]
    fn invisible_characters_become_escapes_outside_raw_strings() {
        let document = "{\"a\":\"x\u{202e}y\u{9b}\"}";
        assert_eq!(run(".", document), "{\n  \"a\": \"x\\u202ey\\u009b\"\n}\n");
        assert_eq!(run(".a", document), "x\u{202e}y\u{9b}\n");
        let mut out = Vec::new();
        Jq::compile(".a")
            .unwrap()
            .run(document.as_bytes(), &mut out, true)
            .unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "x\\u{202e}y\\x9b\n");
    }

    #[test]
    fn a_runtime_error_ends_the_output_with_jq_s_message() {
        let mut out = Vec::new();
        let error = Jq::compile(".tasks[] | .task_id, (.status | .x)")
            .unwrap()
            .run(TASKS.as_bytes(), &mut out, false)
            .unwrap_err();
        assert_eq!(out, b"a\n");
        assert!(
            error.to_string().starts_with("--jq: cannot index"),
            "{error}"
        );
        // A message that quotes a large value is cut.
        let big = format!("{{\"a\":\"{}\"}}", "x".repeat(5000));
        let error = Jq::compile("ltrimstr(1) | .[0]")
            .unwrap()
            .run(big.as_bytes(), &mut Vec::new(), false)
            .unwrap_err()
            .to_string();
        assert!(error.chars().count() <= "--jq: ".len() + 201, "{error}");
        assert!(error.ends_with('…'), "{error}");
    }
}
