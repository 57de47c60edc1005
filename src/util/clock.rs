//! This machine's clock, as requests are signed with it.

use std::sync::OnceLock;

/// Seconds added to the clock: for tests of clock-skew diagnosis only, since a real
/// skew has to be fixed at its source.
pub const ENV_TEST_CLOCK_OFFSET: &str = "MATASKS_TEST_CLOCK_OFFSET";

/// The largest offset taken: a century either way.
const MAX_OFFSET_SECS: i64 = 100 * 366 * 86_400;

static OFFSET: OnceLock<Result<jiff::SignedDuration, String>> = OnceLock::new();

fn offset() -> &'static Result<jiff::SignedDuration, String> {
    OFFSET.get_or_init(|| {
        let Ok(text) = std::env::var(ENV_TEST_CLOCK_OFFSET) else {
            return Ok(jiff::SignedDuration::ZERO);
        };
        match text.trim().parse::<i64>() {
            Ok(secs) if secs.unsigned_abs() <= MAX_OFFSET_SECS.unsigned_abs() => {
                Ok(jiff::SignedDuration::from_secs(secs))
            }
            _ => Err(format!(
                "{ENV_TEST_CLOCK_OFFSET} must be a whole number of seconds between \
                 -{MAX_OFFSET_SECS} and {MAX_OFFSET_SECS}"
            )),
        }
    })
}

/// Whether the clock's settings can be used; checked once at start-up.
pub fn check() -> Result<(), String> {
    offset().as_ref().map(|_| ()).map_err(Clone::clone)
}

/// Now, by this machine's clock.
pub fn now() -> jiff::Timestamp {
    let now = jiff::Timestamp::now();
    match offset() {
        Ok(offset) => now.checked_add(*offset).unwrap_or(now),
        Err(_) => now,
    }
}
