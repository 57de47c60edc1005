//! Credentials and request signing.

mod signer;

use std::fmt;

use secrecy::SecretString;

pub use signer::{SignedRequest, canonical_query, encode, sign};

/// An access key pair, with a security token when the pair is temporary.
pub struct Credentials {
    pub access_key: String,
    pub secret_key: SecretString,
    pub security_token: Option<SecretString>,
}

// Written by hand so that no secret can reach a log through `{:?}`.
impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("access_key", &self.access_key)
            .field("secret_key", &"<redacted>")
            .field(
                "security_token",
                &self.security_token.as_ref().map(|_| "<redacted>"),
            )
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_output_hides_secrets() {
        let creds = Credentials {
            access_key: "AK123".into(),
            secret_key: "very-secret-sk".into(),
            security_token: Some("very-secret-token".into()),
        };
        let shown = format!("{creds:?}");
        assert!(shown.contains("AK123"));
        assert!(!shown.contains("very-secret"));
    }
}
