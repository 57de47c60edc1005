//! `--dry-run`: the request a command would send, with its headers and body, worked
//! out without sending anything (no token is asked for, no project looked up).

use anyhow::Result;
use reqwest::{Method, Url};

use crate::api::session;
use crate::domain::id::{Id, IdKind, Origin};
use crate::settings::{self, AuthSettings, Settings};
use crate::transport::auth::Authenticator;
use crate::transport::auth::cache::Cache;
use crate::transport::http::{Http, content_headers};
use crate::transport::url::build_url;
use crate::util::redact;

/// A request as it would be sent, secrets masked.
pub struct Preview {
    pub method: Method,
    pub url: Url,
    /// Name and value as they may be shown: credentials masked.
    pub headers: Vec<(String, String)>,
    pub body: Option<Vec<u8>>,
    /// What could not be known without sending something.
    pub notes: Vec<String>,
}

/// Stands for a project ID that only the identity service could tell.
const PROJECT_PLACEHOLDER: &str = "PROJECT_ID";

/// The request `method {endpoint}/v2/{project_id}/{segments...}` with `body` that
/// these settings would send. `segments` come after the project, as for
/// `Client::call`.
pub async fn preview(
    settings: &Settings,
    method: Method,
    segments: &[&str],
    body: Option<Vec<u8>>,
) -> Result<Preview> {
    let mut notes = Vec::new();
    let project = match &settings.project_id {
        Some(id) => {
            let origin = id.source.place(&settings.where_);
            Id::new(IdKind::Project, &id.value, Origin::Given(origin))?
                .as_str()
                .to_string()
        }
        None => match session::cached_project(settings) {
            Some(id) => id,
            None => {
                notes.push(format!(
                    "{PROJECT_PLACEHOLDER} stands for the project ID, which would be looked up \
                     from the region first"
                ));
                PROJECT_PLACEHOLDER.to_string()
            }
        },
    };
    let mut path = vec!["v2", project.as_str()];
    path.extend_from_slice(segments);
    let url = build_url(&settings.endpoint.value, &path, &[])?;
    let payload = body.as_deref().unwrap_or_default();
    let credentials: Vec<(&'static str, String)> = match &settings.auth {
        // Signed here as it would be when sent: nothing leaves the machine.
        AuthSettings::AkSk { .. } => {
            let http = Http::new(&settings.network)?;
            let cache = Cache::from_env(&settings::process_env);
            let auth = Authenticator::new(settings, http, cache, &settings::process_env)?;
            auth.authorize(&method, &url, payload, Some(&project))
                .await?
                .0
        }
        AuthSettings::Token { .. } => vec![("X-Auth-Token", redact::MASK.to_string())],
        AuthSettings::Password { username, .. } => {
            notes.push(format!(
                "the token would be one issued for user {} (from the cache, else asked of \
                 the identity service)",
                username.value
            ));
            vec![("X-Auth-Token", redact::MASK.to_string())]
        }
    };
    let mut headers: Vec<(String, String)> = credentials
        .iter()
        .map(|(name, value)| (name.to_string(), redact::header(name, value)))
        .collect();
    headers.extend(
        content_headers(body.is_some())
            .into_iter()
            .map(|(name, value)| (name.to_string(), value)),
    );
    Ok(Preview {
        method,
        url,
        headers,
        body,
        notes,
    })
}
