//! A config file, whatever the user (or an editor crash) left in it.
#![no_main]

libfuzzer_sys::fuzz_target!(|text: &str| {
    matasks::fuzzing::config(text);
});
