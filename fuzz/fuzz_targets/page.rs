//! An answer to ListTasks, whatever the server (or a proxy) sends.
#![no_main]

libfuzzer_sys::fuzz_target!(|body: &[u8]| {
    matasks::fuzzing::page(body);
});
