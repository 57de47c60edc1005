//! The projects of the identity service: the region's own project, for a profile
//! without a project ID.

use anyhow::{Context, Result};
use reqwest::Method;
use serde::Deserialize;

use crate::api::client::Authorized;
use crate::domain::id::{Id, IdKind, Origin};
use crate::settings::Endpoint;
use crate::transport::auth::iam::MAX_IAM_BODY;
use crate::transport::http::{Request, Retry};
use crate::transport::url::build_url;
use crate::util::error::ConfigError;

#[derive(Deserialize)]
struct ProjectList {
    projects: Vec<Project>,
}

#[derive(Deserialize)]
struct Project {
    id: String,
    name: Option<String>,
}

/// `GET {iam}/v3/projects?name={region}`: the region's project, which must be one.
pub async fn find_project(authorized: &Authorized, iam: &Endpoint, region: &str) -> Result<Id> {
    let request = Request {
        method: Method::GET,
        url: build_url(iam, &["v3", "projects"], &[("name", region)])?,
        body: None,
        retry: Retry::Idempotent,
        max_body: MAX_IAM_BODY,
    };
    let answer = authorized.send(&request, None).await?;
    let body = authorized.success(answer).map_err(|mut error| {
        if error.status == 403 {
            error.hint = Some(
                "these credentials may not list projects: set `project_id` (IAM console: \
                 My Credentials > Projects)"
                    .to_string(),
            );
        }
        anyhow::Error::new(*error)
    })?;
    let list: ProjectList =
        serde_json::from_slice(&body).context("the answer is not a list of projects")?;
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
