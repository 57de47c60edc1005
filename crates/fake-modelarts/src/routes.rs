//! Which handler answers a request: the routes as a table of (method, path pattern,
//! handler), walked in order after the signature or token is checked and the test's hook
//! has had its say.

use std::ops::Range;

use crate::signature::percent_decode;
use crate::{
    Action, OffsetMode, Recorded, Reply, Shared, Tasks, created, datasets, iam, jobs, tasks,
};

/// A request matched to a route: what was sent, what the path pattern captured (a
/// `{project}` that is the server's, a `{dataset}` that it has), and the server.
pub(crate) struct Call<'a> {
    pub(crate) req: &'a Recorded,
    pub(crate) shared: &'a Shared,
    captures: Vec<(&'static str, String)>,
}

impl Call<'_> {
    /// The path step that `{name}` of the route's pattern captured, percent-decoded.
    pub(crate) fn capture(&self, name: &str) -> &str {
        self.find(name)
            .unwrap_or_else(|| panic!("the route's pattern has no {{{name}}}"))
    }

    /// The tasks of the `{dataset}` in the path.
    pub(crate) fn tasks(&self) -> &Tasks {
        self.shared.catalog.tasks(self.capture("dataset"))
    }

    /// The positions a paged list serves for `limit` and `offset`, as ListTasks and
    /// ListDatasets read them: `limit` 1 to 100 (10 without), `offset` a page or a record
    /// by [`Setup::offset_mode`](crate::Setup::offset_mode); else the API's refusal.
    pub(crate) fn page_window(&self) -> Result<Range<usize>, Reply> {
        self.page_window_within(10, 100)
    }

    /// The positions a paged list serves for `limit` 1 to `max_limit` (`default_limit`
    /// without) and `offset` a page or a record by
    /// [`Setup::offset_mode`](crate::Setup::offset_mode); else the API's refusal.
    pub(crate) fn page_window_within(
        &self,
        default_limit: usize,
        max_limit: usize,
    ) -> Result<Range<usize>, Reply> {
        let limit = match self.req.param("limit").map(str::parse::<usize>) {
            None => default_limit,
            Some(Ok(l)) if (1..=max_limit).contains(&l) => l,
            Some(_) => {
                return Err(Reply::api_error(
                    400,
                    "ModelArts.4101",
                    "Invalid parameter: limit",
                ));
            }
        };
        let offset = match self.req.param("offset").map(str::parse::<usize>) {
            None => 0,
            Some(Ok(o)) => o,
            Some(Err(_)) => {
                return Err(Reply::api_error(
                    400,
                    "ModelArts.4101",
                    "Invalid parameter: offset",
                ));
            }
        };
        let start = match self.shared.setup.offset_mode {
            OffsetMode::Page => offset.saturating_mul(limit),
            OffsetMode::Record => offset,
        };
        Ok(start..start.saturating_add(limit))
    }

    fn find(&self, name: &str) -> Option<&str> {
        self.captures
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, value)| value.as_str())
    }
}

struct Route {
    method: &'static str,
    /// Literal path steps and `{name}`s, each capturing one step.
    pattern: &'static str,
    handler: fn(&Call) -> Reply,
}

const ROUTES: &[Route] = &[
    Route {
        method: "POST",
        pattern: "/v3/auth/tokens",
        handler: iam::issue_token,
    },
    Route {
        method: "GET",
        pattern: "/v3/projects",
        handler: iam::list_projects,
    },
    Route {
        method: "GET",
        pattern: "/v2/{project}/datasets",
        handler: datasets::list_datasets,
    },
    Route {
        method: "GET",
        pattern: "/v2/{project}/datasets/{dataset}/tasks",
        handler: tasks::list_tasks,
    },
    Route {
        method: "POST",
        pattern: "/v2/{project}/datasets/{dataset}/tasks",
        handler: created::create_task,
    },
    Route {
        method: "GET",
        pattern: "/v2/{project}/datasets/{dataset}/tasks/{task_id}",
        handler: tasks::task_details,
    },
    Route {
        method: "POST",
        pattern: "/v2/{project}/datasets/{dataset}/tasks/{task_id}/stop",
        handler: created::stop_task,
    },
    // A dataset's other jobs: any collection a job list of the setup declares.
    Route {
        method: "GET",
        pattern: "/v2/{project}/datasets/{dataset}/{collection}",
        handler: jobs::list_jobs,
    },
    Route {
        method: "GET",
        pattern: "/v2/{project}/datasets/{dataset}/{collection}/{id}",
        handler: jobs::job_details,
    },
];

impl Route {
    /// What the pattern captures from the path's `steps`, if it matches them.
    fn captures(&self, steps: &[String]) -> Option<Vec<(&'static str, String)>> {
        let pattern: Vec<&'static str> = self.pattern.split('/').collect();
        if pattern.len() != steps.len() {
            return None;
        }
        let mut captures = Vec::new();
        for (part, step) in pattern.into_iter().zip(steps) {
            match part.strip_prefix('{').and_then(|p| p.strip_suffix('}')) {
                Some(name) => captures.push((name, step.clone())),
                None if part == step => {}
                None => return None,
            }
        }
        Some(captures)
    }
}

/// How the server answers `req`.
pub(crate) fn decide(req: &Recorded, shared: &Shared) -> Action {
    if let Err(reason) = &req.signature {
        let code = if req.header("x-auth-token").is_some() {
            "APIGW.0307"
        } else {
            "APIGW.0301"
        };
        return Action::Reply(Reply::api_error(
            401,
            code,
            &format!("Incorrect IAM authentication information: {reason}"),
        ));
    }
    if let Some(hook) = &shared.setup.hook
        && let Some(action) = hook(req, &shared.catalog)
    {
        return action;
    }
    Action::Reply(route(req, shared))
}

/// The answer of the first route that takes `req`, after the checks of what its path
/// names; a method no route takes is refused as the gateway refuses it.
fn route(req: &Recorded, shared: &Shared) -> Reply {
    let steps: Vec<String> = req
        .path
        .split('/')
        .map(|s| percent_decode(s).unwrap_or_default())
        .collect();
    for route in ROUTES.iter().filter(|r| r.method == req.method) {
        let Some(captures) = route.captures(&steps) else {
            continue;
        };
        let call = Call {
            req,
            shared,
            captures,
        };
        // A collection no job list declares is a path the gateway does not know.
        if call
            .find("collection")
            .is_some_and(|c| !jobs::is_declared(&shared.setup.jobs, c))
        {
            continue;
        }
        if call
            .find("project")
            .is_some_and(|p| p != shared.setup.project_id)
        {
            return Reply::api_error(403, "ModelArts.0203", "Invalid project ID in the path");
        }
        if call
            .find("dataset")
            .is_some_and(|d| !shared.catalog.datasets.contains_key(d))
        {
            // A dataset the project does not have: HTTP 400, as the service answers it.
            return Reply::api_error(400, "ModelArts.4352", "Dataset not found.");
        }
        return (route.handler)(&call);
    }
    if req.method != "GET" {
        return Reply::api_error(405, "APIGW.0101", "Method not allowed");
    }
    Reply::api_error(
        404,
        "APIGW.0101",
        "The API does not exist or has not been published in the environment",
    )
}
