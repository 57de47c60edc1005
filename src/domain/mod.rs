//! What the API deals in, as matasks understands it: tasks and their statuses and
//! types, IDs, the lists the API pages through, what list offsets count. No command
//! line and no HTTP here.

pub mod field;
pub mod id;
pub mod item;
pub mod kind;
pub mod offsets;
pub mod resource;
pub mod start;
pub mod task;
