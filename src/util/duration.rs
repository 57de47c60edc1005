//! Durations as people write and read them: `500ms`, `10s`, `2m`, `8m51s`.

use std::time::Duration;

/// A positive duration with a unit: `500ms`, `10s`, `2m`, `1h30m`.
pub fn parse_duration(text: &str) -> Result<std::time::Duration, String> {
    let parsed: jiff::SignedDuration = text.trim().parse().map_err(|_| {
        format!("`{text}` is not a duration: give a number and a unit, e.g. 500ms, 10s, 2m")
    })?;
    if parsed.is_negative() || parsed.is_zero() {
        return Err(format!("`{text}` is not a positive duration"));
    }
    std::time::Duration::try_from(parsed).map_err(|_| format!("`{text}` is out of range"))
}

/// `2s`, `500ms`, `1m 30s`.
pub fn humanize(d: Duration) -> String {
    jiff::SignedDuration::try_from(d)
        .map(|d| format!("{d:#}"))
        .unwrap_or_else(|_| format!("{d:?}"))
}

/// `45s`, `8m51s`, `2h05m`, `3d04h`.
pub fn humanize_seconds(secs: i64) -> String {
    let (d, h, m, s) = (secs / 86_400, secs / 3600 % 24, secs / 60 % 60, secs % 60);
    if d > 0 {
        format!("{d}d{h:02}h")
    } else if h > 0 {
        format!("{h}h{m:02}m")
    } else if m > 0 {
        format!("{m}m{s:02}s")
    } else {
        format!("{s}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_are_humanised() {
        assert_eq!(humanize_seconds(0), "0s");
        assert_eq!(humanize_seconds(531), "8m51s");
        assert_eq!(humanize_seconds(7500), "2h05m");
        assert_eq!(humanize_seconds(273_600), "3d04h");
    }

    #[test]
    fn durations_are_parsed_with_a_unit_and_positive() {
        assert_eq!(parse_duration("500ms"), Ok(Duration::from_millis(500)));
        assert_eq!(parse_duration(" 1h30m "), Ok(Duration::from_secs(5400)));
        assert!(
            parse_duration("10")
                .unwrap_err()
                .contains("give a number and a unit")
        );
        assert!(
            parse_duration("0s")
                .unwrap_err()
                .contains("not a positive duration")
        );
        assert!(parse_duration("-5s").is_err());
        assert_eq!(humanize(Duration::from_secs(90)), "1m 30s");
    }
}
