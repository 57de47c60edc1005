//! Times as matasks shows them: in the local time zone (`TZ`, else the system's) with
//! its offset, `2026-11-30 14:07:15 +08:00`, or in UTC with `--utc`; and ages, `45s`,
//! `3m`, `2h`, `5d`, counted up to now.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

use jiff::Timestamp;
use jiff::tz::TimeZone;

/// For tests only: the time ages are counted up to (RFC 3339), so that a test can
/// check them exactly. Requests are still signed with the real clock.
pub const ENV_TEST_NOW: &str = "MATASKS_TEST_NOW";

static IN_UTC: AtomicBool = AtomicBool::new(false);

/// Show times in UTC rather than the local time zone (`--utc`). Called once, first.
pub fn show_in_utc(utc: bool) {
    IN_UTC.store(utc, Ordering::Relaxed);
}

/// The zone times are shown in.
pub fn zone() -> TimeZone {
    if IN_UTC.load(Ordering::Relaxed) {
        return TimeZone::UTC;
    }
    static LOCAL: OnceLock<TimeZone> = OnceLock::new();
    LOCAL
        .get_or_init(|| TimeZone::try_system().unwrap_or(TimeZone::UTC))
        .clone()
}

/// `at` in the zone times are shown in: `2026-11-30 14:07:15 +08:00`.
pub fn show(at: Timestamp) -> String {
    show_in(at, zone())
}

/// `at` in `zone`: `2026-11-30 14:07:15 +08:00`.
pub fn show_in(at: Timestamp, zone: TimeZone) -> String {
    at.to_zoned(zone)
        .strftime("%Y-%m-%d %H:%M:%S %:z")
        .to_string()
}

static TEST_NOW: OnceLock<Result<Option<Timestamp>, String>> = OnceLock::new();

fn test_now() -> &'static Result<Option<Timestamp>, String> {
    TEST_NOW.get_or_init(|| match std::env::var(ENV_TEST_NOW) {
        Err(_) => Ok(None),
        Ok(text) => text.trim().parse::<Timestamp>().map(Some).map_err(|_| {
            format!("{ENV_TEST_NOW} must be a time with its offset, e.g. 2026-11-30T14:07:15+08:00")
        }),
    })
}

/// Whether the settings of this module can be used; checked once at start-up.
pub fn check() -> Result<(), String> {
    test_now().as_ref().map(|_| ()).map_err(Clone::clone)
}

/// Now, as ages count up to it.
pub fn now() -> Timestamp {
    match test_now() {
        Ok(Some(now)) => *now,
        _ => Timestamp::now(),
    }
}

/// How long ago `at` was, as kubectl shows ages: `45s` up to two minutes, `7m30s` up
/// to ten, `45m` up to three hours, `5h20m` up to eight, `30h` up to two days, `3d5h`
/// up to eight, `200d` up to two years, then `3y12d`, `9y`. A time ahead of now (a
/// clock or a zone that is off) is shown the same way with a `-`; within a second it
/// is `0s`.
pub fn age(at: Timestamp, now: Timestamp) -> String {
    let seconds = now.as_second() - at.as_second();
    match seconds {
        ..-1 => format!("-{}", age_of(seconds.unsigned_abs())),
        -1 => "0s".to_string(),
        s => age_of(s.unsigned_abs()),
    }
}

fn age_of(seconds: u64) -> String {
    let minutes = seconds / 60;
    let hours = minutes / 60;
    let days = hours / 24;
    let with = |big: u64, big_unit: &str, small: u64, small_unit: &str| {
        if small == 0 {
            format!("{big}{big_unit}")
        } else {
            format!("{big}{big_unit}{small}{small_unit}")
        }
    };
    if seconds < 120 {
        format!("{seconds}s")
    } else if minutes < 10 {
        with(minutes, "m", seconds % 60, "s")
    } else if minutes < 180 {
        format!("{minutes}m")
    } else if hours < 8 {
        with(hours, "h", minutes % 60, "m")
    } else if hours < 48 {
        format!("{hours}h")
    } else if hours < 24 * 8 {
        with(days, "d", hours % 24, "h")
    } else if hours < 24 * 365 * 2 {
        format!("{days}d")
    } else if hours < 24 * 365 * 8 {
        with(days / 365, "y", days % 365, "d")
    } else {
        format!("{}y", days / 365)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_follow_kubectls_rules() {
        let now: Timestamp = "2026-11-30T12:00:00Z".parse().unwrap();
        let ago = |secs: i64| age(now - jiff::SignedDuration::from_secs(secs), now);
        let cases = [
            (0, "0s"),
            (45, "45s"),
            (119, "119s"),
            (120, "2m"),
            (7 * 60 + 30, "7m30s"),
            (10 * 60 + 59, "10m"),
            (179 * 60, "179m"),
            (3 * 3600, "3h"),
            (5 * 3600 + 20 * 60 + 9, "5h20m"),
            (8 * 3600, "8h"),
            (47 * 3600 + 59 * 60, "47h"),
            (48 * 3600, "2d"),
            (3 * 86_400 + 5 * 3600 + 59, "3d5h"),
            (8 * 86_400, "8d"),
            (729 * 86_400, "729d"),
            (730 * 86_400, "2y"),
            (3 * 365 * 86_400 + 12 * 86_400, "3y12d"),
            (9 * 365 * 86_400, "9y"),
            (-1, "0s"),
            (-8 * 3600, "-8h"),
        ];
        for (secs, shown) in cases {
            assert_eq!(ago(secs), shown, "{secs}s ago");
        }
    }

    #[test]
    fn times_show_their_offset() {
        let at: Timestamp = "2026-11-30T06:07:15Z".parse().unwrap();
        assert_eq!(show_in(at, TimeZone::UTC), "2026-11-30 06:07:15 +00:00");
        let east = TimeZone::fixed(jiff::tz::offset(8));
        assert_eq!(show_in(at, east), "2026-11-30 14:07:15 +08:00");
        let india = TimeZone::posix("IST-5:30").unwrap();
        assert_eq!(show_in(at, india), "2026-11-30 11:37:15 +05:30");
    }
}
