//! The one path every authenticated request takes, to the ModelArts API or the
//! identity service: credentials added to each try, sent and retried as the request
//! allows, a rejected token renewed once, and errors decoded.

use anyhow::Result;
use reqwest::{Method, StatusCode, Url};

use crate::domain::id::Id;
use crate::settings::Endpoint;
use crate::transport::api_error::{ApiError, is_error_body};
use crate::transport::auth::Authenticator;
use crate::transport::http::{Answer, Http, Request, Retry};
use crate::transport::url::build_url;

/// Requests with credentials.
pub struct Authorized {
    http: Http,
    auth: Authenticator,
}

impl Authorized {
    pub fn new(http: Http, auth: Authenticator) -> Authorized {
        Authorized { http, auth }
    }

    pub fn http(&self) -> &Http {
        &self.http
    }

    pub fn auth(&self) -> &Authenticator {
        &self.auth
    }

    /// Send `request` with credentials; the answer whatever its status. `project` is
    /// signed as `X-Project-Id` (ModelArts wants it, the identity service does not).
    /// A cached or expired token the service rejects is renewed once, and the request
    /// sent again.
    pub async fn send(&self, request: &Request, project: Option<&str>) -> Result<Answer> {
        let body = request.body.as_deref().unwrap_or_default();
        let mut renewed = false;
        loop {
            // The token of the last try, for a renewal after a 401.
            let used = std::cell::Cell::new(None);
            let answer = self
                .http
                .request(request, || async {
                    let (headers, token) = self
                        .auth
                        .authorize(&request.method, &request.url, body, project)
                        .await?;
                    used.set(Some(token));
                    Ok(headers)
                })
                .await?;
            if answer.status == StatusCode::UNAUTHORIZED
                && !renewed
                && let Some(used) = used.get()
                && self.auth.renew_after_rejection(used).await?
            {
                renewed = true;
                continue;
            }
            return Ok(answer);
        }
    }

    /// The body of a successful answer, or the answer as an error with the advice
    /// that fits these credentials. An error in the API's shape is one whatever its
    /// status, HTTP 200 included.
    pub fn success(&self, answer: Answer) -> Result<Vec<u8>, Box<ApiError>> {
        if answer.status.is_success() && !is_error_body(&answer.body) {
            return Ok(answer.body);
        }
        let mut error = answer.error();
        self.auth.explain(&mut error);
        Err(Box::new(error))
    }
}

/// The ModelArts API of one project.
pub struct Client {
    authorized: Authorized,
    endpoint: Endpoint,
    project_id: Id,
}

impl Client {
    pub fn new(authorized: Authorized, endpoint: Endpoint, project_id: Id) -> Client {
        Client {
            authorized,
            endpoint,
            project_id,
        }
    }

    pub fn project_id(&self) -> &Id {
        &self.project_id
    }

    /// `method {endpoint}/v2/{project_id}/{segments...}?{query}` with an optional JSON
    /// body: the body of a 2xx answer.
    pub async fn call(
        &self,
        method: Method,
        segments: &[&str],
        query: &[(&str, &str)],
        body: Option<Vec<u8>>,
        retry: Retry,
    ) -> Result<Vec<u8>> {
        let request = Request {
            method,
            url: self.url(segments, query)?,
            body,
            retry,
            max_body: self.authorized.http().max_body(),
        };
        let answer = self
            .authorized
            .send(&request, Some(self.project_id.as_str()))
            .await?;
        self.authorized
            .success(answer)
            .map_err(|error| anyhow::Error::new(*error))
    }

    /// `{endpoint}/v2/{project_id}/{segments...}?{query}`.
    fn url(&self, segments: &[&str], query: &[(&str, &str)]) -> Result<Url> {
        let mut path = vec!["v2", self.project_id.as_str()];
        path.extend_from_slice(segments);
        build_url(&self.endpoint, &path, query)
    }

    /// A listing of the project's `segments` by the parameters of its requests,
    /// named as one line of text: the URL of its requests without their paging
    /// (`limit` and `offset`), which does not change what it holds.
    pub fn listing(&self, segments: &[&str], params: &[(&str, String)]) -> String {
        let filters: Vec<(&str, &str)> = params
            .iter()
            .filter(|(key, _)| !matches!(*key, "limit" | "offset"))
            .map(|(key, value)| (*key, value.as_str()))
            .collect();
        self.url(segments, &filters).map_or_else(
            |_| {
                format!(
                    "{}|{}|{}",
                    self.endpoint,
                    self.project_id,
                    segments.join("/")
                )
            },
            |url| url.to_string(),
        )
    }

    /// Open `count` connections to the API ahead of the requests that will need them.
    pub fn open_ahead(&self, count: usize) {
        if let Ok(url) = build_url(&self.endpoint, &[], &[]) {
            self.authorized.http().open_ahead(&url, count);
        }
    }

    /// Get the credentials ready before a request that is sent only once, so that a
    /// failure to get them is told apart from a failure of that request.
    pub async fn prepare(&self) -> Result<()> {
        self.authorized.auth().prepare().await
    }

    /// A read of the project's `segments`.
    pub async fn get(&self, segments: &[&str], query: &[(&str, &str)]) -> Result<Vec<u8>> {
        self.call(Method::GET, segments, query, None, Retry::Idempotent)
            .await
    }
}
