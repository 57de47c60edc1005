//! When and how long to wait before a read is tried again, and how many requests
//! may be in flight once the API has asked us to slow down.

use std::sync::Mutex;
use std::time::Duration;

use reqwest::StatusCode;
use reqwest::header::{HeaderMap, RETRY_AFTER};
use tokio::sync::{Semaphore, SemaphorePermit};

/// The first backoff's ceiling; each retry doubles it.
const BASE: Duration = Duration::from_millis(200);
/// No backoff is longer than this.
const CAP: Duration = Duration::from_secs(20);
/// The longest `Retry-After` honoured.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(60);

/// Server errors that say "not now" rather than "not this": worth another try.
/// Throttling (HTTP 429 or a throttling code) is the API error's to say:
/// [`crate::transport::api_error::ApiError::is_throttled`].
pub fn is_retryable(status: StatusCode) -> bool {
    matches!(status.as_u16(), 500 | 502 | 503 | 504)
}

/// Exponential backoff with full jitter: a random wait between zero and
/// `min(CAP, BASE * 2^retry)`, so that clients that failed together do not retry
/// together.
pub fn backoff(retry: u32) -> Duration {
    let ceiling = BASE.saturating_mul(1u32 << retry.min(16)).min(CAP);
    let millis = ceiling.as_millis() as u64;
    Duration::from_millis(random_u64() % (millis + 1))
}

fn random_u64() -> u64 {
    use ring::rand::SecureRandom;
    let mut bytes = [0u8; 8];
    // The system's generator does not fail in practice; a fixed value only costs jitter.
    let _ = ring::rand::SystemRandom::new().fill(&mut bytes);
    u64::from_le_bytes(bytes)
}

/// `Retry-After` as seconds or as an HTTP date, at most [`MAX_RETRY_AFTER`].
pub fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    let wait = if let Ok(seconds) = value.parse::<u64>() {
        Duration::from_secs(seconds)
    } else {
        let at = jiff::fmt::rfc2822::DateTimeParser::new()
            .parse_timestamp(value)
            .ok()?;
        let ahead = at.duration_since(crate::util::clock::now());
        Duration::try_from(ahead).unwrap_or(Duration::ZERO)
    };
    Some(wait.min(MAX_RETRY_AFTER))
}

/// Requests in flight, at most a target that halves when the API throttles, once per
/// burst: the 429s of requests sent before the last halving do not halve it again.
pub struct Limiter {
    semaphore: Semaphore,
    state: Mutex<State>,
}

struct State {
    target: usize,
    /// Permits that exist, held or not.
    total: usize,
    /// Counts halvings: a request belongs to the window it started in.
    window: u64,
}

pub struct Permit<'a> {
    permit: Option<SemaphorePermit<'a>>,
    limiter: &'a Limiter,
    window: u64,
}

impl Permit<'_> {
    /// The throttling window the request started in.
    pub fn window(&self) -> u64 {
        self.window
    }
}

impl Limiter {
    pub fn new(limit: usize) -> Limiter {
        let limit = limit.max(1);
        Limiter {
            semaphore: Semaphore::new(limit),
            state: Mutex::new(State {
                target: limit,
                total: limit,
                window: 0,
            }),
        }
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        // The state is a few numbers, consistent after every statement.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub async fn acquire(&self) -> Permit<'_> {
        let permit = self
            .semaphore
            .acquire()
            .await
            .expect("the semaphore is never closed");
        let window = self.state().window;
        Permit {
            permit: Some(permit),
            limiter: self,
            window,
        }
    }

    /// Halve the target (to no less than one) for throttling of a request started in
    /// `window`; the new target, if it moved.
    pub fn halve(&self, window: u64) -> Option<usize> {
        let mut state = self.state();
        if window != state.window || state.target == 1 {
            return None;
        }
        state.target /= 2;
        state.window += 1;
        // Permits not held now go at once; held ones as they come back.
        let excess = state.total.saturating_sub(state.target);
        state.total -= self.semaphore.forget_permits(excess);
        Some(state.target)
    }
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        let Some(permit) = self.permit.take() else {
            return;
        };
        let mut state = self.limiter.state();
        if state.total > state.target {
            state.total -= 1;
            permit.forget();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    #[test]
    fn backoff_stays_under_a_doubling_ceiling() {
        for retry in 0..20 {
            let ceiling = BASE.saturating_mul(1 << retry.min(16)).min(CAP);
            for _ in 0..50 {
                assert!(backoff(retry) <= ceiling);
            }
        }
        // Jitter: not every wait is the same.
        let waits: std::collections::HashSet<_> = (0..20).map(|_| backoff(5)).collect();
        assert!(waits.len() > 1);
    }

    #[test]
    fn retry_after_in_seconds_or_as_a_date_capped() {
        let mut headers = HeaderMap::new();
        assert_eq!(retry_after(&headers), None);
        headers.insert(RETRY_AFTER, HeaderValue::from_static("2"));
        assert_eq!(retry_after(&headers), Some(Duration::from_secs(2)));
        headers.insert(RETRY_AFTER, HeaderValue::from_static("3600"));
        assert_eq!(retry_after(&headers), Some(MAX_RETRY_AFTER));
        let at = crate::util::clock::now() + jiff::SignedDuration::from_secs(30);
        let date = jiff::fmt::rfc2822::DateTimePrinter::new()
            .timestamp_to_rfc9110_string(&at)
            .unwrap();
        headers.insert(RETRY_AFTER, HeaderValue::from_str(&date).unwrap());
        let wait = retry_after(&headers).unwrap();
        assert!(
            wait > Duration::from_secs(27) && wait <= Duration::from_secs(30),
            "{wait:?}"
        );
        headers.insert(
            RETRY_AFTER,
            HeaderValue::from_static("Sun, 06 Nov 1994 08:49:37 GMT"),
        );
        assert_eq!(retry_after(&headers), Some(Duration::ZERO));
        headers.insert(RETRY_AFTER, HeaderValue::from_static("soon"));
        assert_eq!(retry_after(&headers), None);
    }

    #[test]
    fn retryable_statuses() {
        for s in [500, 502, 503, 504] {
            assert!(is_retryable(StatusCode::from_u16(s).unwrap()));
        }
        for s in [400, 401, 403, 404, 409, 429, 501] {
            assert!(!is_retryable(StatusCode::from_u16(s).unwrap()));
        }
    }

    #[test]
    fn halving_shrinks_what_is_in_flight_as_permits_return_once_per_burst() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        runtime.block_on(async {
            let limiter = Limiter::new(8);
            let held: Vec<_> =
                futures_util::future::join_all((0..6).map(|_| limiter.acquire())).await;
            let windows: Vec<u64> = held.iter().map(Permit::window).collect();
            // Three 429s of one burst halve once.
            assert_eq!(limiter.halve(windows[0]), Some(4));
            assert_eq!(limiter.halve(windows[1]), None);
            assert_eq!(limiter.halve(windows[2]), None);
            // The two free permits went at once; of the six held, two go on return.
            assert_eq!(limiter.semaphore.available_permits(), 0);
            drop(held);
            assert_eq!(limiter.semaphore.available_permits(), 4);
            // A request started after the halving can halve again.
            let later = limiter.acquire().await;
            let window = later.window();
            drop(later);
            assert_eq!(limiter.halve(window), Some(2));
            let window = limiter.acquire().await.window();
            assert_eq!(limiter.halve(window), Some(1));
            let window = limiter.acquire().await.window();
            assert_eq!(limiter.halve(window), None);
            assert_eq!(limiter.semaphore.available_permits(), 1);
        });
    }
}
