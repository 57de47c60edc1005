//! What the API deals in, as matasks understands it: tasks and their statuses and
//! types, IDs, what list offsets count. No command line and no HTTP here.

pub mod id;
pub mod offsets;
pub mod task;
