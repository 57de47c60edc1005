use std::process::ExitCode;

fn main() -> ExitCode {
    matasks::run()
}
