//! The identity service (IAM): tokens issued for a user's password, fixed tokens, and
//! the account's projects by name; and which requests may pass at all.

use std::sync::atomic::Ordering;
use std::time::{SystemTime, UNIX_EPOCH};

use crate::routes::Call;
use crate::{Recorded, Reply, Shared, signature};

fn now_secs() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

/// A token issued here and still valid, a fixed token, or else a valid signature.
pub(crate) fn authenticate(req: &Recorded, shared: &Shared) -> Result<(), String> {
    if req.method == "POST" && req.path == "/v3/auth/tokens" {
        return Ok(()); // the password in the body is checked by the handler
    }
    if let Some(token) = req.header("x-auth-token") {
        if shared.setup.auth_tokens.iter().any(|t| t == token) {
            return Ok(());
        }
        let issued = shared.issued.lock().unwrap();
        return match issued.iter().find(|(t, _, _)| t == token) {
            Some((_, expiry, revoked)) if !revoked && *expiry > now_secs() => Ok(()),
            Some(_) => Err("The token expires.".into()),
            None => Err("The token is invalid.".into()),
        };
    }
    signature::verify(req, &shared.setup)
}

/// `POST /v3/auth/tokens` with the password method.
pub(crate) fn issue_token(call: &Call) -> Reply {
    let (req, shared) = (call.req, call.shared);
    let unauthorized = || {
        Reply::json(
            401,
            r#"{"error":{"code":401,"title":"Unauthorized","message":"The username or password is wrong."}}"#,
        )
    };
    let Ok(body) = serde_json::from_slice::<serde_json::Value>(&req.body) else {
        return Reply::json(
            400,
            r#"{"error":{"code":400,"message":"The request body is not JSON."}}"#,
        );
    };
    let identity = &body["auth"]["identity"];
    let user = &identity["password"]["user"];
    let (Some(name), Some(password), Some(domain)) = (
        user["name"].as_str(),
        user["password"].as_str(),
        user["domain"]["name"].as_str(),
    ) else {
        return unauthorized();
    };
    if identity["methods"] != serde_json::json!(["password"])
        || !shared
            .setup
            .users
            .iter()
            .any(|(n, d, p)| n == name && d == domain && p == password)
    {
        return unauthorized();
    }
    let scope = &body["auth"]["scope"]["project"];
    let project = shared.setup.projects.iter().find(|(n, id)| {
        scope["id"].as_str() == Some(id.as_str()) || scope["name"].as_str() == Some(n.as_str())
    });
    let Some((project_name, project_id)) = project else {
        return Reply::json(
            400,
            r#"{"error":{"code":400,"message":"The project does not exist."}}"#,
        );
    };
    let mut issued = shared.issued.lock().unwrap();
    let token = format!(
        "MIIissued-{}-{}",
        issued.len(),
        shared.served.load(Ordering::SeqCst)
    );
    let expiry = now_secs() + shared.setup.token_lifetime.as_secs() as i64;
    issued.push((token.clone(), expiry, false));
    let expires_at = jiff::Timestamp::from_second(expiry)
        .unwrap()
        .strftime("%Y-%m-%dT%H:%M:%S.000000Z");
    let mut reply = Reply::json(
        201,
        format!(
            r#"{{"token":{{"expires_at":"{expires_at}","methods":["password"],"project":{{"id":"{project_id}","name":"{project_name}","domain":{{"name":"{domain}"}}}},"user":{{"name":"{name}","domain":{{"name":"{domain}"}}}}}}}}"#
        ),
    );
    reply.headers.push(("x-subject-token".into(), token));
    reply
}

/// `GET /v3/projects?name=NAME`.
pub(crate) fn list_projects(call: &Call) -> Reply {
    let projects: Vec<String> = call
        .shared
        .setup
        .projects
        .iter()
        .filter(|(name, _)| call.req.param("name").is_none_or(|n| n == name))
        .map(|(name, id)| format!(r#"{{"id":"{id}","name":"{name}","enabled":true}}"#))
        .collect();
    Reply::json(
        200,
        format!(r#"{{"projects":[{}],"links":{{}}}}"#, projects.join(",")),
    )
}
