//! From settings to a ready client: credentials fetched, a token at hand when the
//! method needs one, and the project known (discovered from the region if need be).

use anyhow::{Context, Result};

use crate::api::client::{Authorized, Client};
use crate::api::projects::find_project;
use crate::domain::id::{Id, IdKind, Origin};
use crate::settings::{self, AuthSettings, SecretSource, Settings};
use crate::transport::auth::Authenticator;
use crate::transport::auth::cache::Cache;
use crate::transport::http::Http;
use crate::util::term;

/// A client for these settings.
/// At most `in_flight` requests at once (halved each time the API throttles).
pub async fn client_for(settings: &Settings, in_flight: usize) -> Result<Client> {
    // The project given is checked before anything is sent, a token request included.
    let given = settings
        .project_id
        .as_ref()
        .map(|id| {
            let origin = id.source.place(&settings.where_);
            Id::new(IdKind::Project, &id.value, Origin::Given(origin))
        })
        .transpose()?;
    let mut http = Http::new(&settings.network)?;
    http.limit_in_flight(in_flight);
    let cache = Cache::from_env(&settings::process_env);
    let auth = Authenticator::new(
        settings,
        http.clone(),
        cache.clone(),
        &settings::process_env,
    )?;
    let authorized = Authorized::new(http, auth);
    let project_id = match given {
        Some(id) => id,
        None => match authorized.auth().token_project().await? {
            Some(id) => id,
            None => discover_project(settings, &authorized, &cache).await?,
        },
    };
    Ok(Client::new(
        authorized,
        settings.endpoint.value.clone(),
        project_id,
    ))
}

/// The key under which a discovered project is cached.
fn project_cache_key(settings: &Settings, identity: &str) -> Option<String> {
    let iam = settings.iam_endpoint.as_ref()?;
    let region = settings.region.as_ref()?;
    Some(format!("{}\n{}\n{identity}", iam.value, region.value))
}

/// The project named after the region, as the official SDKs find it: from the cache,
/// else from the identity service.
async fn discover_project(
    settings: &Settings,
    authorized: &Authorized,
    cache: &Cache,
) -> Result<Id> {
    let auth = authorized.auth();
    let (Some(iam), Some(region), Some(key)) = (
        &settings.iam_endpoint,
        &settings.region,
        project_cache_key(settings, &auth.identity()),
    ) else {
        anyhow::bail!("no project ID, and no region to look one up");
    };
    if let Some(id) = cache.load_project(&key) {
        let origin = format!("the cached lookup of region {}", region.value);
        let id = Id::new(IdKind::Project, &id, Origin::Service(origin))?;
        term::debug(1, || {
            format!("project {id} of region {} from the cache", region.value)
        });
        return Ok(id);
    }
    let id = find_project(authorized, &iam.value, &region.value)
        .await
        .with_context(|| {
            format!(
                "cannot look up the project of region {} (set `project_id` in {} to skip this)",
                region.value, settings.where_
            )
        })?;
    term::debug(1, || format!("project {id} is region {}'s", region.value));
    cache.store_project(&key, id.as_str());
    Ok(id)
}

/// The cached project of these settings, if one was discovered before. For
/// `config show`, which neither connects nor runs secret commands.
pub fn cached_project(settings: &Settings) -> Option<String> {
    let identity = match &settings.auth {
        AuthSettings::AkSk { access_key, .. } => Authenticator::aksk_identity(&access_key.value),
        AuthSettings::Password {
            username, domain, ..
        } => Authenticator::password_identity(&username.value, &domain.value),
        AuthSettings::Token { token } => match token.source {
            SecretSource::Command(_) => return None,
            _ => Authenticator::token_identity(&token.reveal(&settings::process_env).ok()?),
        },
    };
    let cache = Cache::from_env(&settings::process_env);
    cache.load_project(&project_cache_key(settings, &identity)?)
}
