//! Tokens of the identity service (IAM) for a user's password.

use anyhow::{Context, Result};
use reqwest::{Method, StatusCode};
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use crate::settings::Endpoint;
use crate::transport::http::{Http, Request, Retry};
use crate::transport::url::build_url;

/// Token answers carry no catalog (`nocatalog=true`), and project lists are short:
/// this is ample.
pub const MAX_IAM_BODY: usize = 4 * 1024 * 1024;

/// What a password token is scoped to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    ProjectId(String),
    /// The region's own project, which has the region's name.
    ProjectName(String),
}

impl std::fmt::Display for Scope {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Scope::ProjectId(id) => write!(f, "project id {id}"),
            Scope::ProjectName(name) => write!(f, "project name {name}"),
        }
    }
}

/// A token fresh from the identity service.
pub struct Issued {
    pub token: SecretString,
    pub expires_at: jiff::Timestamp,
    pub project_id: Option<String>,
}

#[derive(Deserialize)]
struct TokenBody {
    token: TokenInfo,
}

#[derive(Deserialize)]
struct TokenInfo {
    expires_at: Option<String>,
    project: Option<ProjectRef>,
}

#[derive(Deserialize)]
struct ProjectRef {
    id: String,
}

/// `POST {iam}/v3/auth/tokens` with the password method. The token is the
/// `X-Subject-Token` header; it lasts 24 hours unless the body says otherwise.
pub async fn issue_token(
    http: &Http,
    iam: &Endpoint,
    username: &str,
    domain: &str,
    password: &SecretString,
    scope: &Scope,
) -> Result<Issued> {
    let url = build_url(iam, &["v3", "auth", "tokens"], &[("nocatalog", "true")])?;
    let project = match scope {
        Scope::ProjectId(id) => serde_json::json!({ "id": id }),
        Scope::ProjectName(name) => serde_json::json!({ "name": name }),
    };
    let body = serde_json::json!({
        "auth": {
            "identity": {
                "methods": ["password"],
                "password": {
                    "user": {
                        "name": username,
                        "password": password.expose_secret(),
                        "domain": { "name": domain }
                    }
                }
            },
            "scope": { "project": project }
        }
    });
    // The password is the credential: nothing to authorize, and never sent twice.
    let request = Request {
        method: Method::POST,
        url,
        body: Some(body.to_string().into_bytes()),
        retry: Retry::Never,
        max_body: MAX_IAM_BODY,
    };
    let answer = http.request(&request, || async { Ok(Vec::new()) }).await?;
    if !answer.status.is_success() {
        let mut error = answer.error();
        if matches!(
            answer.status,
            StatusCode::UNAUTHORIZED | StatusCode::BAD_REQUEST
        ) {
            error.hint = Some(format!(
                "check `username` ({username}), `domain` ({domain}) and the password; \
                 the token is scoped to {scope}, which the user must be able to access"
            ));
        }
        return Err(error.into());
    }
    let token = answer
        .headers
        .get("x-subject-token")
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .context("the answer has no X-Subject-Token header, which holds the token")?;
    let token = SecretString::from(token.to_string());
    let info: TokenBody = serde_json::from_slice(&answer.body)
        .context("the answer's body is not a token description")?;
    let expires_at = info
        .token
        .expires_at
        .and_then(|t| t.parse::<jiff::Timestamp>().ok())
        .unwrap_or_else(|| crate::util::clock::now() + jiff::SignedDuration::from_hours(24));
    Ok(Issued {
        token,
        expires_at,
        project_id: info.token.project.map(|p| p.id),
    })
}
