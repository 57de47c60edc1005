//! The identity service (IAM): tokens for a user's password, and a region's project.

use anyhow::{Context, Result};
use reqwest::{Method, StatusCode};
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use crate::client::{Call, Endpoint, Failure, Http, build_url};
use crate::error::ConfigError;
use crate::id::{Id, IdKind, Origin};

use super::Authenticator;

/// Token answers carry no catalog (`nocatalog=true`); this is ample.
const MAX_IAM_BODY: usize = 4 * 1024 * 1024;

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

#[derive(Deserialize)]
struct ProjectList {
    projects: Vec<Project>,
}

#[derive(Deserialize)]
struct Project {
    id: String,
    name: Option<String>,
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
    let answer = http
        .send(Call {
            method: Method::POST,
            url,
            headers: vec![
                ("Content-Type", "application/json;charset=utf8".to_string()),
                ("Accept", "application/json".to_string()),
            ],
            body: Some(body.to_string().into_bytes()),
            max_body: MAX_IAM_BODY,
        })
        .await?;
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
        .unwrap_or_else(|| crate::clock::now() + jiff::SignedDuration::from_hours(24));
    Ok(Issued {
        token,
        expires_at,
        project_id: info.token.project.map(|p| p.id),
    })
}

/// `GET {iam}/v3/projects?name={region}`: the region's project, which must be one.
pub async fn find_project(
    http: &Http,
    iam: &Endpoint,
    region: &str,
    auth: &Authenticator,
) -> Result<Id> {
    let url = build_url(iam, &["v3", "projects"], &[("name", region)])?;
    let answer = http
        .read("the project lookup", || async {
            let (mut headers, _) = auth
                .authorize(&Method::GET, &url, b"", None)
                .await
                .map_err(Failure::Before)?;
            headers.push(("Accept", "application/json".to_string()));
            http.send(Call {
                method: Method::GET,
                url: url.clone(),
                headers,
                body: None,
                max_body: MAX_IAM_BODY,
            })
            .await
            .map_err(Failure::During)
        })
        .await?;
    if !answer.status.is_success() {
        let mut error = answer.error();
        auth.explain(&mut error);
        if error.status == 403 {
            error.hint = Some(
                "these credentials may not list projects: set `project_id` (IAM console: \
                 My Credentials > Projects)"
                    .to_string(),
            );
        }
        return Err(error.into());
    }
    let list: ProjectList =
        serde_json::from_slice(&answer.body).context("the answer is not a list of projects")?;
    match &list.projects[..] {
        [one] => {
            let origin = Origin::Service(format!("the identity service at {iam}"));
            Ok(Id::new(IdKind::Project, &one.id, origin)?)
        }
        [] => Err(ConfigError(format!(
            "no project named `{region}` is visible to these credentials at {iam}: set \
             `project_id`"
        ))
        .into()),
        several => {
            let found: Vec<String> = several
                .iter()
                .map(|p| format!("{} ({})", p.id, p.name.as_deref().unwrap_or("no name")))
                .collect();
            Err(ConfigError(format!(
                "{} projects are named `{region}` at {iam}: {}; set `project_id` to one",
                several.len(),
                found.join(", ")
            ))
            .into())
        }
    }
}
