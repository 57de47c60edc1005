//! The ModelArts API and the identity service as matasks uses them: one authorized
//! client, the resources it reads (tasks, datasets, projects), pages and the paging of
//! any list, and what a server's offsets count.

pub mod client;
pub mod datasets;
pub mod jobs;
pub mod offsets;
pub mod page;
pub mod paging;
pub mod preview;
pub mod project;
pub mod projects;
pub mod session;
pub mod tasks;
pub mod totals;
