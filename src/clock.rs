//! This machine's clock, as requests are signed with it.

use std::sync::OnceLock;

/// Seconds added to the clock: for tests of clock-skew diagnosis only, since a real
/// skew has to be fixed at its source.
pub const ENV_TEST_CLOCK_OFFSET: &str = "MATASKS_TEST_CLOCK_OFFSET";

static OFFSET: OnceLock<jiff::SignedDuration> = OnceLock::new();

/// Now, by this machine's clock.
pub fn now() -> jiff::Timestamp {
    let offset = *OFFSET.get_or_init(|| {
        std::env::var(ENV_TEST_CLOCK_OFFSET)
            .ok()
            .and_then(|s| s.trim().parse::<i64>().ok())
            .map_or(jiff::SignedDuration::ZERO, jiff::SignedDuration::from_secs)
    });
    jiff::Timestamp::now() + offset
}
