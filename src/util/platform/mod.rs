//! What the operating system decides, in one place: who besides the user could change
//! a file or a directory, keeping a file's owner and mode when it is replaced, advisory
//! locks, files that must not be reached through a link, the terminal's echo while a
//! secret is typed, and whether stdout is still there.
//!
//! Unix (`unix.rs`) does all of it. Elsewhere (`other.rs`: Windows) files have no
//! owner and mode to check or keep, and the console is left to the prompt; what holds
//! everywhere is in this file: links are followed to the end, only regular files are
//! replaced, a replacement is atomic, and writers take turns under a lock file.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

#[cfg(not(unix))]
mod other;
#[cfg(unix)]
mod unix;

#[cfg(not(unix))]
use other as imp;
#[cfg(unix)]
use unix as imp;

pub use imp::{EchoGuard, doubt, is_read_only, open_to_others, stdout_closed, stdout_reader_gone};

/// Why a file or directory could have been changed by someone other than the user,
/// and the command that fixes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Doubt {
    /// e.g. "can be changed by any user (mode 666)", "is owned by user nobody".
    pub problem: String,
    /// e.g. "chmod go-w /etc/m.toml".
    pub fix: String,
}

/// Links followed at most, as the kernel allows.
const MAX_LINKS: usize = 40;

/// `path`, then each path its symbolic links lead to, until one that is not a link or
/// does not exist yet (a dangling link names the file to create). Relative links are
/// relative to the directory of the link.
pub fn link_chain(path: &Path) -> io::Result<Vec<PathBuf>> {
    let mut chain = vec![path.to_path_buf()];
    loop {
        let current = chain.last().expect("the chain starts with the path");
        match fs::symlink_metadata(current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                if chain.len() > MAX_LINKS {
                    return Err(io::Error::other(format!(
                        "more than {MAX_LINKS} symbolic links in a row (a loop?)"
                    )));
                }
                let link = fs::read_link(current)?;
                let next = dir_of(current).join(link);
                chain.push(next);
            }
            Ok(_) => return Ok(chain),
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(chain),
            Err(e) => return Err(e),
        }
    }
}

/// What `path` names once every link is followed: the file to read or replace.
pub fn final_target(path: &Path) -> io::Result<PathBuf> {
    Ok(link_chain(path)?.pop().expect("never empty"))
}

/// The directory holding `path`: `.` for a bare file name.
pub fn dir_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// What a file is, in words, for a refusal: "a character device", "a directory".
pub fn kind_of(meta: &fs::Metadata) -> &'static str {
    let kind = meta.file_type();
    if kind.is_file() {
        "a regular file"
    } else if kind.is_dir() {
        "a directory"
    } else if kind.is_symlink() {
        "a symbolic link"
    } else {
        imp::special_kind(&kind)
    }
}

/// Create a directory (and its parents) that only its owner can enter.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    imp::private_dir(&mut builder);
    builder.create(dir)
}

/// Open `path` for reading only if it is not a symbolic link, without waiting on a
/// FIFO that nobody writes.
pub fn open_no_follow(path: &Path) -> io::Result<File> {
    imp::open_no_follow(path)
}

/// Replace `path` atomically with `bytes`: written to a new file in the same
/// directory, then renamed over it, so a reader sees the old file or the new one,
/// never a part. A link at `path` is replaced, never followed. The new file is
/// created readable by its owner only; with `like`, the file it replaces, it then
/// takes that file's owner, group and mode, less the group's and others' permissions
/// when `private` (it holds a secret).
pub fn replace(
    path: &Path,
    bytes: &[u8],
    like: Option<&fs::Metadata>,
    private: bool,
) -> io::Result<()> {
    let dir = dir_of(path);
    let name = path
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    let mut attempt = 0u32;
    loop {
        // Unique per process and moment, so a stale file from a crash is never in the way.
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let temp = dir.join(format!(
            ".{name}.{}-{nanos}-{attempt}.tmp",
            std::process::id()
        ));
        let mut options = fs::OpenOptions::new();
        options.write(true).create_new(true);
        imp::private_file(&mut options);
        let mut file = match options.open(&temp) {
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt < 8 => {
                attempt += 1;
                continue;
            }
            other => other?,
        };
        let written = file
            .write_all(bytes)
            .and_then(|()| match like {
                Some(like) => imp::keep(&file, like, private),
                None => Ok(()),
            })
            .and_then(|()| file.sync_all())
            .and_then(|()| fs::rename(&temp, path));
        if written.is_err() {
            let _ = fs::remove_file(&temp);
        } else {
            imp::sync_dir(&dir);
        }
        return written;
    }
}

/// An advisory lock on a file beside the one it protects, held until dropped.
#[derive(Debug)]
pub struct Lock {
    _file: File,
}

/// The lock file of `target`: `<target>.lock`, beside it.
pub fn lock_path(target: &Path) -> PathBuf {
    let mut name = target
        .file_name()
        .map_or_else(|| "file".into(), std::ffi::OsStr::to_os_string);
    name.push(".lock");
    dir_of(target).join(name)
}

/// Take the lock of `target` (see [`lock_path`]), waiting up to `patience` for
/// whoever holds it; then fail with [`io::ErrorKind::TimedOut`]. The lock file is left
/// in place: removing it would let two writers lock two different files.
pub fn lock(target: &Path, patience: Duration) -> io::Result<Lock> {
    let path = lock_path(target);
    let file = match open_no_follow(&path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            let mut options = fs::OpenOptions::new();
            options.write(true).create(true).truncate(false);
            imp::lock_file(&mut options);
            options.open(&path)?
        }
        Err(e) => return Err(e),
    };
    if !file.metadata()?.is_file() {
        return Err(io::Error::other(format!(
            "{} is not a regular file",
            path.display()
        )));
    }
    let started = Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(Lock { _file: file }),
            Err(fs::TryLockError::WouldBlock) if started.elapsed() < patience => {
                std::thread::sleep(Duration::from_millis(10));
            }
            Err(fs::TryLockError::WouldBlock) => {
                return Err(io::Error::new(
                    io::ErrorKind::TimedOut,
                    format!(
                        "{} stayed locked for {}s",
                        path.display(),
                        patience.as_secs()
                    ),
                ));
            }
            Err(fs::TryLockError::Error(e)) => return Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn chains_of_links_are_followed_to_the_end() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.toml");
        fs::write(&real, "").unwrap();
        std::os::unix::fs::symlink("middle", dir.path().join("first")).unwrap();
        std::os::unix::fs::symlink(&real, dir.path().join("middle")).unwrap();
        assert_eq!(final_target(&dir.path().join("first")).unwrap(), real);
        // A dangling link names the file to create.
        std::os::unix::fs::symlink("sub/new.toml", dir.path().join("dangling")).unwrap();
        assert_eq!(
            final_target(&dir.path().join("dangling")).unwrap(),
            dir.path().join("sub/new.toml")
        );
        std::os::unix::fs::symlink("loop-b", dir.path().join("loop-a")).unwrap();
        std::os::unix::fs::symlink("loop-a", dir.path().join("loop-b")).unwrap();
        let err = final_target(&dir.path().join("loop-a")).unwrap_err();
        assert!(err.to_string().contains("a loop?"), "{err}");
        assert_eq!(dir_of(Path::new("c.toml")), Path::new("."));
    }

    #[cfg(unix)]
    #[test]
    fn replacing_never_follows_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        fs::write(&victim, "keep").unwrap();
        let planted = dir.path().join("token.json");
        std::os::unix::fs::symlink(&victim, &planted).unwrap();
        replace(&planted, b"secret", None, true).unwrap();
        assert_eq!(fs::read_to_string(&victim).unwrap(), "keep");
        assert!(!fs::symlink_metadata(&planted).unwrap().is_symlink());
        assert!(open_no_follow(&victim).is_ok());
        std::os::unix::fs::symlink(&victim, planted.with_extension("link")).unwrap();
        assert!(open_no_follow(&planted.with_extension("link")).is_err());
    }

    #[test]
    fn a_lock_waits_its_turn_then_gives_up() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("config.toml");
        let held = lock(&target, Duration::ZERO).unwrap();
        assert_eq!(lock_path(&target), dir.path().join("config.toml.lock"));
        assert!(lock_path(&target).is_file());
        let err = lock(&target, Duration::from_millis(50)).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::TimedOut);
        let waiter = std::thread::spawn(move || lock(&target, Duration::from_secs(10)));
        std::thread::sleep(Duration::from_millis(50));
        drop(held);
        assert!(waiter.join().unwrap().is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn a_replacement_keeps_the_owner_and_mode_less_what_a_secret_forbids() {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.toml");
        fs::write(&path, "old").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
        let like = fs::metadata(&path).unwrap();
        replace(&path, b"new", Some(&like), false).unwrap();
        let meta = fs::metadata(&path).unwrap();
        assert_eq!((meta.mode() & 0o7777, meta.uid()), (0o644, like.uid()));
        replace(&path, b"secret", Some(&meta), true).unwrap();
        assert_eq!(fs::metadata(&path).unwrap().mode() & 0o7777, 0o600);
        // A new file is its owner's alone.
        let fresh = dir.path().join("fresh");
        replace(&fresh, b"x", None, false).unwrap();
        assert_eq!(fs::metadata(&fresh).unwrap().mode() & 0o7777, 0o600);
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            2,
            "no temp file left"
        );
    }
}
