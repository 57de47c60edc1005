//! An error answer (body, `Date`, `Retry-After`), whatever the gateway or a proxy sends.
#![no_main]

libfuzzer_sys::fuzz_target!(|body: &[u8]| {
    matasks::fuzzing::error_answer(body);
});
