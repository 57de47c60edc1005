//! Helpers every layer may use, which know nothing of ModelArts: the terminal and
//! messages on stderr, text made safe to show, durations, the clock, times and ages as
//! shown, errors that pick an exit status, secrets masked in text, files and the
//! platform.

pub mod clock;
pub mod duration;
pub mod error;
pub mod platform;
pub mod progress;
pub mod redact;
pub mod term;
pub mod text;
pub mod time;
