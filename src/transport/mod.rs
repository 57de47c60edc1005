//! Getting requests to the services and answers back: HTTP, retries and the limit on
//! requests in flight, connections opened ahead, credentials (signatures, tokens and their cache), URLs as they
//! are signed, and error answers decoded.

pub mod api_error;
pub mod auth;
pub mod http;
pub mod retry;
pub mod trust;
pub mod url;
pub mod warm;
