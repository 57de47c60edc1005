//! Questions on the terminal: visible answers on stdin, secrets without echo.

use std::io::{self, BufRead, IsTerminal, Read, Write};

use anyhow::{Context, Result};

use crate::util::error::UsageError;

/// Ask on stderr and read one line; an empty answer takes `default`.
pub fn line(question: &str, default: Option<&str>) -> Result<String> {
    let shown = match default {
        Some(d) if !d.is_empty() => format!("{question} [{d}]: "),
        _ => format!("{question}: "),
    };
    let shown = crate::util::text::clean(&shown);
    let mut stderr = io::stderr().lock();
    let _ = stderr.write_all(shown.as_bytes());
    let _ = stderr.flush();
    let mut answer = String::new();
    let read = io::stdin()
        .lock()
        .read_line(&mut answer)
        .context("cannot read the answer")?;
    if read == 0 {
        return Err(UsageError("no answer: stdin ended".to_string()).into());
    }
    let answer = answer.trim();
    Ok(if answer.is_empty() {
        default.unwrap_or_default().to_string()
    } else {
        answer.to_string()
    })
}

/// Ask until `check` takes the answer (an empty answer takes `default`); each refusal
/// is said, and the question asked again.
pub fn checked(
    question: &str,
    default: Option<&str>,
    mut check: impl FnMut(&str) -> Result<(), String>,
) -> Result<String> {
    loop {
        let answer = line(question, default)?;
        match check(&answer) {
            Ok(()) => return Ok(answer),
            Err(why) => crate::util::term::warn(&why),
        }
    }
}

/// Ask until the answer is one of `choices`.
pub fn choice(question: &str, choices: &[&str], default: &str) -> Result<String> {
    loop {
        let answer = line(
            &format!("{question} ({})", choices.join(", ")),
            Some(default),
        )?;
        if choices.contains(&answer.as_str()) {
            return Ok(answer);
        }
        crate::util::term::warn(&format!("answer one of: {}", choices.join(", ")));
    }
}

/// A secret: typed without echo on a terminal, else all of stdin (a pipe or a file).
pub fn secret(question: &str) -> Result<String> {
    let text = secret_answer(question)?;
    if text.trim().is_empty() {
        return Err(UsageError("the secret is empty".to_string()).into());
    }
    Ok(text)
}

/// What [`secret`] reads, which may be empty.
pub fn secret_answer(question: &str) -> Result<String> {
    let text = if io::stdin().is_terminal() {
        // Echo is off before the question shows, so that nothing typed is echoed, and
        // back on however the prompt ends, Ctrl-C included.
        let echo = crate::util::platform::EchoGuard::new();
        echo.silence();
        let mut stderr = io::stderr().lock();
        let _ = stderr.write_all(crate::util::text::clean(question).as_bytes());
        let _ = stderr.flush();
        drop(stderr);
        rpassword::read_password().context("cannot read the secret from the terminal")?
    } else {
        let mut text = String::new();
        io::stdin()
            .lock()
            .read_to_string(&mut text)
            .context("cannot read the secret from stdin")?;
        text
    };
    Ok(text.trim_end_matches(['\r', '\n']).to_string())
}
