//! One field of an item as the server wrote it, read on its own when it is shown: a
//! missing field, a surprising type or a value out of any range (`1e400`) costs that
//! field only, and text is made safe for a terminal.

use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::{Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;

/// One field as the server wrote it: its JSON text, read only when it is shown.
pub type Raw = Option<Box<str>>;

/// Shown where a value is missing.
pub const MISSING: &str = "-";

/// The members of a JSON object whose keys `F` reads, each as its own JSON text, in
/// the server's order; none when `raw` is not an object. Values are not read here,
/// so none can fail.
pub fn members<'a, F: Deserialize<'a>>(raw: &'a str) -> Vec<(F, &'a RawValue)> {
    struct Members<F>(PhantomData<F>);

    impl<'de, F: Deserialize<'de>> Visitor<'de> for Members<F> {
        type Value = Vec<(F, &'de RawValue)>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a JSON object")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut found = Vec::new();
            while let Some(key) = map.next_key::<F>()? {
                found.push((key, map.next_value()?));
            }
            Ok(found)
        }
    }

    serde_json::Deserializer::from_str(raw)
        .deserialize_map(Members(PhantomData))
        .unwrap_or_default()
}

pub fn own(value: &RawValue) -> Raw {
    Some(value.get().into())
}

/// What one field reads as.
pub enum Read<'a> {
    /// Absent, `null`, an empty string, or a string that cannot be read (a lone
    /// surrogate escape).
    Missing,
    Text(String),
    /// A JSON number, as the server wrote it: in range or not.
    Number(&'a str),
    /// `true`, `false`, an array or an object, as the server wrote it.
    Other(&'a str),
}

pub fn read(raw: &Raw) -> Read<'_> {
    let Some(raw) = raw.as_deref() else {
        return Read::Missing;
    };
    match raw.as_bytes().first() {
        Some(b'"') => match serde_json::from_str::<String>(raw) {
            Ok(s) if !s.is_empty() => Read::Text(s),
            _ => Read::Missing,
        },
        Some(b'-' | b'0'..=b'9') => Read::Number(raw),
        _ if raw == "null" => Read::Missing,
        _ => Read::Other(raw),
    }
}

/// A finite number, written as a number or as a string of one.
pub fn number(raw: &Raw) -> Option<f64> {
    let n: f64 = match read(raw) {
        Read::Number(n) => n.parse().ok()?,
        Read::Text(s) => s.trim().parse().ok()?,
        _ => return None,
    };
    n.is_finite().then_some(n)
}

/// An integer in range, written as a number or as a string of one.
pub fn integer(raw: &Raw) -> Option<i64> {
    match read(raw) {
        Read::Number(n) => n.parse().ok(),
        Read::Text(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// A code shown as its name when known, else as the number (or text) the server sent.
pub fn coded(raw: &Raw, name: impl Fn(i64) -> Option<&'static str>) -> String {
    integer(raw)
        .and_then(name)
        .map(str::to_string)
        .unwrap_or_else(|| text(raw))
}

thread_local! {
    /// Whether [`text`] leaves text as the server wrote it, inside [`verbatim`].
    static VERBATIM: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Run `f` with text read as the server wrote it, line breaks and control characters
/// included, rather than made safe for a terminal: for output that quotes or escapes
/// them itself (CSV, TSV) and goes to a file or a pipe, where nothing acts on them.
pub fn verbatim<T>(f: impl FnOnce() -> T) -> T {
    struct Restore(bool);
    impl Drop for Restore {
        fn drop(&mut self) {
            VERBATIM.with(|v| v.set(self.0));
        }
    }
    let _restore = Restore(VERBATIM.with(|v| v.replace(true)));
    f()
}

/// Text from outside, made safe for a terminal unless inside [`verbatim`].
pub fn show(text: &str) -> String {
    if VERBATIM.with(|v| v.get()) {
        text.to_string()
    } else {
        crate::util::text::clean(text).into_owned()
    }
}

/// A value as one line of text, safe for a terminal: a number as the server wrote it.
pub fn text(raw: &Raw) -> String {
    match read(raw) {
        Read::Missing => MISSING.to_string(),
        Read::Text(s) => show(&s),
        Read::Number(n) => n.to_string(),
        Read::Other(other) => show(other),
    }
}

/// A time: epoch milliseconds shown in the local time zone (`TZ`, else the system's),
/// `2020-11-03 15:22:39`, as the tasks' own times read; anything else as the server
/// wrote it.
pub fn time(raw: &Raw) -> String {
    time_in(raw, &local_zone())
}

/// The local time zone, looked up once; UTC when the system names none.
fn local_zone() -> jiff::tz::TimeZone {
    static ZONE: std::sync::OnceLock<jiff::tz::TimeZone> = std::sync::OnceLock::new();
    ZONE.get_or_init(|| jiff::tz::TimeZone::try_system().unwrap_or(jiff::tz::TimeZone::UTC))
        .clone()
}

/// [`time`] in `zone`.
pub fn time_in(raw: &Raw, zone: &jiff::tz::TimeZone) -> String {
    match read(raw) {
        Read::Number(n) => n
            .parse::<i64>()
            .ok()
            .and_then(|ms| jiff::Timestamp::from_millisecond(ms).ok())
            .map(|t| {
                t.to_zoned(zone.clone())
                    .strftime("%Y-%m-%d %H:%M:%S")
                    .to_string()
            })
            .unwrap_or_else(|| n.to_string()),
        _ => text(raw),
    }
}
