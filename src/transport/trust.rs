//! Which servers are trusted: the system's root certificates, and a CA bundle's. The
//! system's are read from disk (on Linux, a file and a directory of a few hundred),
//! which takes a few milliseconds; they are needed only once a server has presented
//! its certificate, a round trip and more into its first connection. So they are read
//! on a thread of their own while that connection is opened, instead of before it.

use std::sync::{Arc, Mutex, OnceLock};
use std::thread::JoinHandle;

use rustls::DigitallySignedStruct;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{CryptoProvider, WebPkiSupportedAlgorithms};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls_platform_verifier::Verifier;

/// TLS as matasks speaks it: 1.3 or 1.2, HTTP/2 or HTTP/1.1 as the server prefers, and
/// the platform's verification (by the system's roots and `extra_roots`), whose roots
/// are read in the background from now on.
pub fn client_config(extra_roots: Vec<CertificateDer<'static>>) -> rustls::ClientConfig {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let verifier = Deferred::start(extra_roots, provider.clone());
    let mut config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("ring supports TLS 1.3 and 1.2")
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(verifier))
        .with_no_client_auth();
    config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    config
}

/// The platform's verifier, once its roots are read.
#[derive(Debug)]
struct Deferred {
    /// The signature algorithms, which need no roots.
    algorithms: WebPkiSupportedAlgorithms,
    reading: Mutex<Option<JoinHandle<Result<Verifier, rustls::Error>>>>,
    read: OnceLock<Result<Verifier, rustls::Error>>,
}

impl Deferred {
    fn start(extra_roots: Vec<CertificateDer<'static>>, provider: Arc<CryptoProvider>) -> Self {
        let algorithms = provider.signature_verification_algorithms;
        let reading = std::thread::spawn(move || {
            if extra_roots.is_empty() {
                Verifier::new(provider)
            } else {
                Verifier::new_with_extra_roots(extra_roots, provider)
            }
        });
        Deferred {
            algorithms,
            reading: Mutex::new(Some(reading)),
            read: OnceLock::new(),
        }
    }

    /// The verifier, waiting for its roots if they are still being read.
    fn verifier(&self) -> Result<&Verifier, rustls::Error> {
        let read = self.read.get_or_init(|| {
            let reading = self
                .reading
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .take();
            reading.and_then(|r| r.join().ok()).unwrap_or_else(|| {
                Err(rustls::Error::General(
                    "the system's root certificates could not be read".into(),
                ))
            })
        });
        read.as_ref().map_err(Clone::clone)
    }
}

impl ServerCertVerifier for Deferred {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        self.verifier()?.verify_server_cert(
            end_entity,
            intermediates,
            server_name,
            ocsp_response,
            now,
        )
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(message, cert, dss, &self.algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(message, cert, dss, &self.algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.algorithms.supported_schemes()
    }
}
