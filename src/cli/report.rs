//! The one place errors are reported: a line on stderr, the hints that fit, and the
//! exit status the error asks for.

use std::process::ExitCode;

use crate::domain::id::BadId;
use crate::transport::api_error::{ApiError, is_untrusted_certificate};
use crate::util::error::{
    Advised, ConfigError, Ended, ExitKind, Incomplete, MistakeIn, NotSetUp, UsageError,
    is_broken_pipe, program_failed,
};
use crate::util::term;

/// Whether trying again later cannot help: refused credentials, something not found,
/// or settings to fix. Anything else (a server error, a network fault, a malformed
/// answer) may pass, so a long wait or watch goes on through it.
pub fn is_lasting(err: &anyhow::Error) -> bool {
    matches!(
        kind_of(err),
        ExitKind::Auth | ExitKind::NotFound | ExitKind::Config | ExitKind::Usage
    )
}

/// The exit kind an error asks for: the first classified cause wins.
pub fn kind_of(err: &anyhow::Error) -> ExitKind {
    for cause in err.chain() {
        if let Some(api) = cause.downcast_ref::<ApiError>() {
            return api.kind();
        }
        if cause.is::<UsageError>() || cause.is::<MistakeIn>() {
            return ExitKind::Usage;
        }
        if let Some(bad) = cause.downcast_ref::<BadId>() {
            return if bad.is_given() {
                ExitKind::Usage
            } else {
                ExitKind::Config
            };
        }
        if cause.is::<ConfigError>() {
            return ExitKind::Config;
        }
        if cause.is::<Incomplete>() {
            return ExitKind::Incomplete;
        }
    }
    ExitKind::Runtime
}

/// Advice for a request that got no answer at all.
fn network_hint(err: &reqwest::Error) -> Option<&'static str> {
    if err.is_connect() {
        Some(
            "no connection: check the endpoint (or region), the network, and any proxy \
             (HTTPS_PROXY, NO_PROXY)",
        )
    } else if err.is_timeout() {
        Some("the server did not answer in time: check the network and any proxy, then retry")
    } else {
        None
    }
}

/// Print the error (and any hint) on stderr and choose the exit status.
pub fn report(err: &anyhow::Error) -> ExitCode {
    if is_broken_pipe(err) {
        return ExitCode::SUCCESS;
    }
    if let Some(Ended(kind)) = err.downcast_ref::<Ended>() {
        return ExitCode::from(*kind as u8);
    }
    if let Some(not_set_up) = err.downcast_ref::<NotSetUp>() {
        // How to set up first, on its own line; then what is missing, and its other ways.
        term::error(&not_set_up.to_string());
        term::hint(&not_set_up.0.to_string());
        return ExitCode::from(kind_of(err) as u8);
    }
    if let Some(failed) = program_failed(err) {
        term::error(&failed.0);
        return ExitCode::from(ExitKind::Runtime as u8);
    }
    term::error(&format!("{err:#}"));
    if let Some(mistake) = err.downcast_ref::<MistakeIn>() {
        term::excerpt(&mistake.text, mistake.caret);
    }
    let untrusted = is_untrusted_certificate(err);
    if untrusted {
        term::hint(
            "the server's certificate is not trusted here: for a private cloud's own CA, \
             pass --ca-bundle FILE.pem (or set `ca_bundle`); --insecure skips the check",
        );
    }
    for cause in err.chain() {
        if let Some(hint) = cause.downcast_ref::<ApiError>().and_then(ApiError::hint) {
            term::hint(&hint);
        }
        if let Some(hint) = cause
            .downcast_ref::<Incomplete>()
            .and_then(|i| i.hint.as_ref())
        {
            term::hint(hint);
        }
        if let Some(hint) = cause
            .downcast_ref::<reqwest::Error>()
            .and_then(network_hint)
            .filter(|_| !untrusted)
        {
            term::hint(hint);
        }
    }
    if let Some(advised) = err.downcast_ref::<Advised>() {
        term::hint(&advised.hint);
    }
    if err
        .chain()
        .filter_map(|cause| cause.downcast_ref::<BadId>())
        .any(|bad| !bad.is_given())
    {
        term::hint(
            "set `project_id` in the profile (or pass --project-id) to use the project's ID \
             without asking for it",
        );
    }
    ExitCode::from(kind_of(err) as u8)
}

#[cfg(test)]
mod tests {
    use super::*;
    use anyhow::Context;

    fn api(status: u16) -> ApiError {
        ApiError::injected(status, "APIGW.0000")
    }

    #[test]
    fn a_known_code_decides_through_any_context() {
        for known in crate::transport::api_error::KNOWN_CODES {
            let mut error = api(400);
            error.code = Some(known.code.to_string());
            let err = anyhow::Error::new(error).context("listing tasks");
            assert_eq!(kind_of(&err), known.kind, "{}", known.code);
        }
    }

    #[test]
    fn statuses_map_to_exit_kinds() {
        for (status, kind) in [
            (401, ExitKind::Auth),
            (403, ExitKind::Auth),
            (404, ExitKind::NotFound),
            (429, ExitKind::Throttled),
            (500, ExitKind::Runtime),
            (400, ExitKind::Runtime),
        ] {
            let err = anyhow::Error::new(api(status)).context("listing tasks");
            assert_eq!(kind_of(&err), kind, "status {status}");
        }
        let usage = anyhow::Error::new(UsageError("x".into()));
        assert_eq!(kind_of(&usage), ExitKind::Usage);
        let short = anyhow::Error::new(Incomplete {
            message: "x".into(),
            hint: None,
        });
        assert_eq!(kind_of(&short), ExitKind::Incomplete);
        assert!(!is_lasting(&short));
        let config = Err::<(), _>(ConfigError("x".into()))
            .context("loading")
            .unwrap_err();
        assert_eq!(kind_of(&config), ExitKind::Config);
        let first_run = anyhow::Error::new(NotSetUp(ConfigError("x".into())));
        assert_eq!(kind_of(&first_run), ExitKind::Config);
        assert_eq!(kind_of(&anyhow::anyhow!("boom")), ExitKind::Runtime);
    }

    #[test]
    fn advice_is_context_that_keeps_the_message() {
        let err = anyhow::Error::new(api(503)).context(Advised {
            message: "stopped waiting".into(),
            hint: "do this".into(),
        });
        assert_eq!(
            format!("{err:#}"),
            "stopped waiting: APIGW.0000: Injected. (HTTP 503, request id 7c1f0e)"
        );
        assert_eq!(err.downcast_ref::<Advised>().unwrap().hint, "do this");
        assert_eq!(kind_of(&err), ExitKind::Runtime);
    }
}
