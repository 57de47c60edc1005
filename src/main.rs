use std::process::ExitCode;

fn main() -> ExitCode {
    matasks::run()
}

/// Looks at stdout before the standard library replaces a closed one with /dev/null,
/// so that a command that prints data can refuse a closed stdout.
#[cfg(any(target_os = "linux", target_os = "android", target_os = "macos"))]
#[used]
#[cfg_attr(
    any(target_os = "linux", target_os = "android"),
    unsafe(link_section = ".init_array")
)]
#[cfg_attr(target_os = "macos", unsafe(link_section = "__DATA,__mod_init_func"))]
static LOOK_AT_STDOUT: extern "C" fn() = matasks::look_at_stdout_at_start;
