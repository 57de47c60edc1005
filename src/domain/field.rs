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

/// A percentage to a tenth, `100%`, `37.5%`; as written when it is no number.
pub fn percent(raw: &Raw) -> String {
    match number(raw) {
        Some(p) => {
            let rounded = (p * 10.0).round() / 10.0;
            if rounded.fract() == 0.0 {
                format!("{rounded:.0}%")
            } else {
                format!("{rounded:.1}%")
            }
        }
        None => text(raw),
    }
}

/// A number of seconds, humanised: `8m51s`; as written when it is no such number.
pub fn seconds(raw: &Raw) -> String {
    match integer(raw) {
        Some(secs) if secs >= 0 => crate::util::duration::humanize_seconds(secs),
        _ => text(raw),
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

/// The offset of the times the API writes without a zone (a task's `create_time`,
/// `2020-11-03 15:22:39`): UTC+08:00, China Standard Time. The reference's own example
/// says so: its task created at `2020-11-03 15:22:39` started an inference service 42
/// seconds later, named with that moment in epoch milliseconds, 1604388201993, which is
/// 07:23:21 UTC.
pub const API_OFFSET_HOURS: i8 = 8;

/// The moment a time field stands for: epoch milliseconds (as the dataset lists write
/// times), a time with its offset (RFC 3339), or a date and time without a zone
/// (`2020-11-03 15:22:39`, as a task's `create_time` is written), in
/// [`API_OFFSET_HOURS`]; none for anything else.
pub fn instant(raw: &Raw) -> Option<jiff::Timestamp> {
    match read(raw) {
        Read::Number(n) => jiff::Timestamp::from_millisecond(n.parse().ok()?).ok(),
        Read::Text(s) => {
            let s = s.trim();
            if let Ok(at) = s.parse::<jiff::Timestamp>() {
                return Some(at);
            }
            let civil = jiff::civil::DateTime::strptime("%Y-%m-%d %H:%M:%S", s).ok()?;
            let zone = jiff::tz::TimeZone::fixed(jiff::tz::offset(API_OFFSET_HOURS));
            civil.to_zoned(zone).ok().map(|at| at.timestamp())
        }
        _ => None,
    }
}

/// A time as matasks shows times ([`crate::util::time::show`]):
/// `2020-11-03 15:22:39 +08:00` in the local zone, or in UTC with `--utc`; anything
/// that is not a time as the server wrote it.
pub fn time(raw: &Raw) -> String {
    match instant(raw) {
        Some(at) => crate::util::time::show(at),
        None => text(raw),
    }
}

/// How long ago a time was, `45s`, `3m`, `5d` ([`crate::util::time::age`]); `-` when
/// it is not a time.
pub fn age(raw: &Raw) -> String {
    match instant(raw) {
        Some(at) => crate::util::time::age(at, crate::util::time::now()),
        None => MISSING.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(json: &str) -> Raw {
        Some(json.into())
    }

    #[test]
    fn times_without_a_zone_are_the_apis_utc_plus_8() {
        let utc = |json: &str| instant(&raw(json)).map(|t| t.to_string());
        // The reference's example task and the service it started 42 s later.
        assert_eq!(
            utc(r#""2020-11-03 15:22:39""#).as_deref(),
            Some("2020-11-03T07:22:39Z")
        );
        assert_eq!(
            utc("1604388201993").as_deref(),
            Some("2020-11-03T07:23:21.993Z")
        );
        assert_eq!(
            utc(r#""2020-11-03T15:22:39+01:00""#).as_deref(),
            Some("2020-11-03T14:22:39Z")
        );
        for odd in [
            r#""yesterday""#,
            r#""2020-11-03""#,
            r#""2020-13-03 15:22:39""#,
            "1e400",
            "123456789012345678901234567890",
            "null",
            "true",
        ] {
            assert_eq!(utc(odd), None, "{odd}");
            assert_eq!(age(&raw(odd)), MISSING, "{odd}");
        }
        assert_eq!(time(&raw(r#""yesterday""#)), "yesterday");
        assert_eq!(time(&raw("1e400")), "1e400");
    }
}
