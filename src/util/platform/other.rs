//! The side of [`super`] for systems without Unix owners and modes (Windows): nothing
//! to check or keep but the read-only flag, and the console left to the prompt.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::Path;

use super::Doubt;

/// Ownership and permissions are not checked here.
pub fn doubt(_path: &Path, _meta: &fs::Metadata, _owner_too: bool) -> Option<Doubt> {
    None
}

/// There is no mode to show.
pub fn open_to_others(_meta: &fs::Metadata) -> Option<String> {
    None
}

pub fn is_read_only(meta: &fs::Metadata) -> bool {
    meta.permissions().readonly()
}

pub fn special_kind(_kind: &fs::FileType) -> &'static str {
    "not a regular file"
}

pub fn private_file(_options: &mut OpenOptions) {}

pub fn private_dir(_builder: &mut fs::DirBuilder) {}

pub fn lock_file(_options: &mut OpenOptions) {}

pub fn open_no_follow(path: &Path) -> io::Result<File> {
    if fs::symlink_metadata(path)?.file_type().is_symlink() {
        return Err(io::Error::other("a symbolic link"));
    }
    OpenOptions::new().read(true).open(path)
}

pub fn keep(_file: &File, _like: &fs::Metadata, _private: bool) -> io::Result<()> {
    Ok(())
}

pub fn sync_dir(_dir: &Path) {}

/// The console is restored by the prompt itself.
#[derive(Default)]
pub struct EchoGuard;

impl EchoGuard {
    pub fn new() -> EchoGuard {
        EchoGuard
    }

    /// The console's echo is left to the prompt.
    pub fn silence(&self) {}
}

/// Whether stdout is closed now: not known here.
pub fn stdout_closed() -> bool {
    false
}

/// Whether stdout's reader has gone: not known here; a write will tell.
pub fn stdout_reader_gone() -> bool {
    false
}
