//! Authentication: AK/SK request signing, IAM tokens (given, or issued for a password
//! and cached), and what `-vv` may show of them.

pub mod cache;
pub mod iam;
mod signer;

use std::fmt;

use anyhow::{Context, Result};
use reqwest::{Method, Url};
use secrecy::{ExposeSecret, SecretString};

pub use signer::{SignedRequest, canonical_query, encode, sha256_hex, sign};

use crate::domain::id::{Id, IdKind, Origin};
use crate::settings::Endpoint;
use crate::settings::{AuthSettings, EnvLookup, Secret, Settings};
use crate::transport::api_error::ApiError;
use crate::transport::http::Http;
use crate::util::term;
use cache::{Cache, CachedToken};
use iam::Scope;

/// A cached token this close to its expiry is not worth starting a run with: it could
/// expire mid-listing. Once in use, a token serves until it expires or is rejected.
const RENEW_BEFORE_EXPIRY: jiff::SignedDuration = jiff::SignedDuration::from_mins(5);

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

/// Which token a request carried, so that a rejection renews that one only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Used(Option<u64>);

/// Adds the credentials to each request.
pub enum Authenticator {
    AkSk(Credentials),
    /// A token given by the user: sent as is, never renewed.
    Token {
        token: SecretString,
        origin: String,
    },
    Password(Box<PasswordAuth>),
}

impl Authenticator {
    /// Fetch the secrets the method needs now (a password only when a token must be
    /// issued) and set up the method.
    pub fn new(
        settings: &Settings,
        http: Http,
        cache: Cache,
        env: EnvLookup<'_>,
    ) -> Result<Authenticator> {
        Ok(match &settings.auth {
            AuthSettings::AkSk {
                access_key,
                secret_key,
                security_token,
            } => Authenticator::AkSk(Credentials {
                access_key: access_key.value.clone(),
                secret_key: secret_key.reveal(env)?,
                security_token: security_token.as_ref().map(|t| t.reveal(env)).transpose()?,
            }),
            AuthSettings::Token { token } => Authenticator::Token {
                token: token.reveal(env)?,
                origin: token.describe(),
            },
            AuthSettings::Password {
                username,
                domain,
                password,
            } => {
                let iam = settings
                    .iam_endpoint
                    .as_ref()
                    .context("password authentication needs an IAM endpoint")?
                    .value
                    .clone();
                let scope = match (&settings.project_id, &settings.region) {
                    (Some(id), _) => Scope::ProjectId(id.value.clone()),
                    (None, Some(region)) => Scope::ProjectName(region.value.clone()),
                    (None, None) => anyhow::bail!("a password token needs a project or a region"),
                };
                let fingerprint = sha256_hex(
                    format!("{iam}\n{}\n{}\n{scope}", domain.value, username.value).as_bytes(),
                );
                Authenticator::Password(Box::new(PasswordAuth {
                    http,
                    iam,
                    username: username.value.clone(),
                    domain: domain.value.clone(),
                    password: password.clone(),
                    scope,
                    cache,
                    profile: settings.profile.clone(),
                    fingerprint,
                    state: tokio::sync::Mutex::new(TokenState::default()),
                }))
            }
        })
    }

    /// The headers that authenticate one request. `project` is signed as X-Project-Id
    /// when given (ModelArts wants it; the identity service does not).
    pub async fn authorize(
        &self,
        method: &Method,
        url: &Url,
        body: &[u8],
        project: Option<&str>,
    ) -> Result<(Vec<(&'static str, String)>, Used)> {
        match self {
            Authenticator::AkSk(credentials) => Ok((
                sign_headers(credentials, method, url, body, project),
                Used(None),
            )),
            Authenticator::Token { token, .. } => Ok((
                vec![("X-Auth-Token", token.expose_secret().to_string())],
                Used(None),
            )),
            Authenticator::Password(password) => {
                let (token, generation) = password.token().await?;
                Ok((
                    vec![("X-Auth-Token", token.expose_secret().to_string())],
                    Used(Some(generation)),
                ))
            }
        }
    }

    /// Get what requests will need before the first is sent (a password's token), so
    /// that a failure to get it cannot be taken for a failure of a request that was
    /// sent.
    pub async fn prepare(&self) -> Result<()> {
        match self {
            Authenticator::Password(password) => password.token().await.map(|_| ()),
            _ => Ok(()),
        }
    }

    /// After a 401: whether a renewed token is worth one more try. Only a cached
    /// token is renewed, once per run.
    pub async fn renew_after_rejection(&self, used: Used) -> Result<bool> {
        match (self, used.0) {
            (Authenticator::Password(password), Some(generation)) => {
                password.renew(generation).await
            }
            _ => Ok(false),
        }
    }

    /// The project a password token is scoped to, issuing the token if need be.
    pub async fn token_project(&self) -> Result<Option<Id>> {
        let Authenticator::Password(password) = self else {
            return Ok(None);
        };
        password.token().await?;
        let state = password.state.lock().await;
        let Some(held) = &state.held else {
            return Ok(None);
        };
        let origin = if held.from_cache {
            format!("the cached token of profile `{}`", password.profile)
        } else {
            format!("the token from the identity service at {}", password.iam)
        };
        let id = held.project_id.as_deref();
        Ok(id
            .map(|id| Id::new(IdKind::Project, id, Origin::Service(origin)))
            .transpose()?)
    }

    /// What identifies these credentials in the project cache: never a secret itself.
    pub fn identity(&self) -> String {
        match self {
            Authenticator::AkSk(c) => Authenticator::aksk_identity(&c.access_key),
            Authenticator::Token { token, .. } => Authenticator::token_identity(token),
            Authenticator::Password(p) => Authenticator::password_identity(&p.username, &p.domain),
        }
    }

    pub fn aksk_identity(access_key: &str) -> String {
        format!("aksk {access_key}")
    }

    pub fn token_identity(token: &SecretString) -> String {
        format!("token {}", sha256_hex(token.expose_secret().as_bytes()))
    }

    pub fn password_identity(username: &str, domain: &str) -> String {
        format!("password {username}@{domain}")
    }

    /// Replace the generic advice for a rejection with what fits these credentials.
    pub fn explain(&self, error: &mut ApiError) {
        if error.status != 401 || error.hint.is_some() {
            return;
        }
        match self {
            Authenticator::AkSk(_) => {}
            Authenticator::Token { origin, .. } => {
                error.hint = Some(format!(
                    "the IAM token from {origin} was rejected: tokens expire 24 hours after \
                     they are issued and are valid for one project; get a new one"
                ));
            }
            Authenticator::Password(p) => {
                error.hint = Some(format!(
                    "the IAM token of {}@{} was rejected even when new: check that the user \
                     may use ModelArts in this project",
                    p.username, p.domain
                ));
            }
        }
    }
}

/// SDK-HMAC-SHA256 headers for a request to `url`.
fn sign_headers(
    credentials: &Credentials,
    method: &Method,
    url: &Url,
    body: &[u8],
    project: Option<&str>,
) -> Vec<(&'static str, String)> {
    let host = match (url.host_str(), url.port()) {
        (Some(host), Some(port)) => format!("{host}:{port}"),
        (Some(host), None) => host.to_string(),
        (None, _) => String::new(),
    };
    let sdk_date = crate::util::clock::now()
        .strftime("%Y%m%dT%H%M%SZ")
        .to_string();
    let mut headers: Vec<(&'static str, String)> =
        vec![("Host", host), ("X-Sdk-Date", sdk_date.clone())];
    if let Some(project) = project {
        headers.push(("X-Project-Id", project.to_string()));
    }
    if let Some(token) = &credentials.security_token {
        headers.push(("X-Security-Token", token.expose_secret().to_string()));
    }
    let signed: Vec<(&str, &str)> = headers.iter().map(|(n, v)| (*n, v.as_str())).collect();
    let request = SignedRequest {
        method: method.as_str(),
        path: url.path(),
        query: url.query().unwrap_or(""),
        headers: &signed,
        body,
    };
    let authorization = sign(credentials, &request, &sdk_date);
    term::debug_lines(2, || {
        let mut lines = vec!["canonical request:".to_string()];
        for line in request.canonical_request().lines() {
            if line.starts_with("x-security-token:") {
                lines.push("  x-security-token:****".to_string());
            } else {
                lines.push(format!("  {line}"));
            }
        }
        lines.push("string to sign:".to_string());
        for line in request.string_to_sign(&sdk_date).lines() {
            lines.push(format!("  {line}"));
        }
        lines
    });
    headers.push(("Authorization", authorization));
    headers
}

/// Password authentication: a token from the cache, else from the identity service.
pub struct PasswordAuth {
    http: Http,
    iam: Endpoint,
    username: String,
    domain: String,
    password: Secret,
    scope: Scope,
    cache: Cache,
    profile: String,
    fingerprint: String,
    state: tokio::sync::Mutex<TokenState>,
}

#[derive(Default)]
struct TokenState {
    held: Option<Held>,
    /// Counts tokens taken into use, so that concurrent rejections renew once.
    generation: u64,
}

struct Held {
    token: SecretString,
    expires_at: jiff::Timestamp,
    project_id: Option<String>,
    from_cache: bool,
}

impl Held {
    /// Worth starting a run with.
    fn fresh_enough(&self) -> bool {
        crate::util::clock::now() + RENEW_BEFORE_EXPIRY < self.expires_at
    }

    /// Past its expiry by this machine's clock.
    fn expired(&self) -> bool {
        crate::util::clock::now() >= self.expires_at
    }

    /// Still to be used. A token issued in this run is used until the API rejects it:
    /// the service's clock decides, and a short lifetime or a skewed clock here must
    /// not get a token for every request.
    fn usable(&self) -> bool {
        !self.from_cache || !self.expired()
    }
}

impl PasswordAuth {
    /// The token to use, and its generation.
    async fn token(&self) -> Result<(SecretString, u64)> {
        let mut state = self.state.lock().await;
        if let Some(held) = &state.held
            && held.usable()
        {
            return Ok((held.token.clone(), state.generation));
        }
        let cached = self
            .cache
            .load_token(&self.profile, &self.fingerprint)
            .map(|c| Held {
                token: c.token,
                expires_at: c.expires_at,
                project_id: c.project_id,
                from_cache: true,
            })
            .filter(Held::fresh_enough);
        let held = match cached {
            Some(held) => {
                term::debug(1, || {
                    format!("using the cached token of profile `{}`", self.profile)
                });
                held
            }
            None => self.issue().await?,
        };
        let token = held.token.clone();
        state.held = Some(held);
        state.generation += 1;
        Ok((token, state.generation))
    }

    /// A new token from the identity service, cached for the next runs.
    async fn issue(&self) -> Result<Held> {
        // Revealed only now: a cached token spares the password command. The command may
        // wait for a passphrase, so it runs off the thread the requests in flight use.
        let secret = self.password.clone();
        let password =
            tokio::task::spawn_blocking(move || secret.reveal(&crate::settings::process_env))
                .await
                .context("the password command did not finish")??;
        let issued = iam::issue_token(
            &self.http,
            &self.iam,
            &self.username,
            &self.domain,
            &password,
            &self.scope,
        )
        .await
        .with_context(|| format!("cannot get a token from {}", self.iam))?;
        self.cache.store_token(
            &self.profile,
            &CachedToken {
                fingerprint: self.fingerprint.clone(),
                token: issued.token.clone(),
                expires_at: issued.expires_at,
                project_id: issued.project_id.clone(),
            },
        );
        Ok(Held {
            token: issued.token,
            expires_at: issued.expires_at,
            project_id: issued.project_id,
            from_cache: false,
        })
    }

    /// After the API rejected the token of `generation`: whether to try again with
    /// another. A cached token, or one past its expiry, is replaced once per
    /// rejection; a token issued in this run and not expired was refused for another
    /// reason, which a new one would not change.
    async fn renew(&self, generation: u64) -> Result<bool> {
        let mut state = self.state.lock().await;
        if state.generation != generation {
            // Another request renewed it already: try the new one.
            return Ok(true);
        }
        let worth_renewing = state
            .held
            .as_ref()
            .is_some_and(|h| h.from_cache || h.expired());
        if !worth_renewing {
            return Ok(false);
        }
        term::debug(1, || {
            "the token was rejected; getting a new one".to_string()
        });
        self.cache.forget_token(&self.profile);
        let held = self.issue().await?;
        state.held = Some(held);
        state.generation += 1;
        Ok(true)
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
