//! The integration tests: one binary, a module per area, each running the real
//! `matasks` binary against the fake ModelArts server of `crates/fake-modelarts`.

mod auth;
mod completions;
mod config;
mod config_files;
mod configure;
mod generated;
mod help;
mod kinds;
mod lifecycle;
mod list;
mod network;
mod paging;
mod project;
mod reference;
mod scripts;
mod simulator;
mod support;
mod tasks;
mod terminal;
