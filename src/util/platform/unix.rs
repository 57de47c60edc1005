//! The Unix side of [`super`]: owners, groups and modes, `O_NOFOLLOW`, and termios.

use std::ffi::{CStr, c_char, c_int};
use std::fs::{self, File, OpenOptions};
use std::io;
use std::mem::MaybeUninit;
use std::os::fd::AsRawFd;
use std::os::unix::fs::{DirBuilderExt, FileTypeExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::Path;
use std::sync::atomic::{AtomicI32, AtomicPtr, Ordering};

use super::Doubt;

fn euid() -> u32 {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() }
}

/// An account, as the password database has it.
struct User {
    name: String,
    gid: u32,
}

/// A group, as the group database has it.
struct Group {
    name: String,
    members: Vec<String>,
}

/// Call a `get*_r` function with a buffer that grows until the entry fits.
fn with_buffer<T>(mut call: impl FnMut(&mut [c_char]) -> Result<Option<T>, c_int>) -> Option<T> {
    let mut buffer = vec![0 as c_char; 1024];
    loop {
        match call(&mut buffer) {
            Err(libc::ERANGE) if buffer.len() < 1 << 20 => {
                let longer = buffer.len() * 2;
                buffer.resize(longer, 0);
            }
            Ok(found) => return found,
            Err(_) => return None,
        }
    }
}

/// # Safety
/// `text` is null or a NUL-terminated string.
unsafe fn text_of(text: *const c_char) -> String {
    if text.is_null() {
        return String::new();
    }
    // SAFETY: the caller passes a NUL-terminated string.
    unsafe { CStr::from_ptr(text) }
        .to_string_lossy()
        .into_owned()
}

fn user(uid: u32) -> Option<User> {
    with_buffer(|buffer| {
        // SAFETY: all-zero is a valid passwd (null pointers, zero ids).
        let mut entry: libc::passwd = unsafe { std::mem::zeroed() };
        let mut found: *mut libc::passwd = std::ptr::null_mut();
        // SAFETY: every pointer is valid for the call; the strings found point into
        // `buffer`, which outlives their use below.
        let rc = unsafe {
            libc::getpwuid_r(
                uid,
                &mut entry,
                buffer.as_mut_ptr(),
                buffer.len(),
                &mut found,
            )
        };
        if rc != 0 {
            return Err(rc);
        }
        if found.is_null() {
            return Ok(None);
        }
        Ok(Some(User {
            // SAFETY: getpwuid_r filled the entry with NUL-terminated strings.
            name: unsafe { text_of(entry.pw_name) },
            gid: entry.pw_gid,
        }))
    })
}

fn group(gid: u32) -> Option<Group> {
    with_buffer(|buffer| {
        // SAFETY: all-zero is a valid group (null pointers, zero id).
        let mut entry: libc::group = unsafe { std::mem::zeroed() };
        let mut found: *mut libc::group = std::ptr::null_mut();
        // SAFETY: as for getpwuid_r.
        let rc = unsafe {
            libc::getgrgid_r(
                gid,
                &mut entry,
                buffer.as_mut_ptr(),
                buffer.len(),
                &mut found,
            )
        };
        if rc != 0 {
            return Err(rc);
        }
        if found.is_null() {
            return Ok(None);
        }
        let mut members = Vec::new();
        let mut member = entry.gr_mem;
        // SAFETY: gr_mem is a null-terminated array of NUL-terminated strings.
        unsafe {
            while !member.is_null() && !(*member).is_null() {
                members.push(text_of(*member));
                member = member.add(1);
            }
        }
        Ok(Some(Group {
            // SAFETY: getgrgid_r filled the entry with NUL-terminated strings.
            name: unsafe { text_of(entry.gr_name) },
            members,
        }))
    })
}

fn user_name(uid: u32) -> String {
    user(uid).map_or_else(|| uid.to_string(), |u| u.name)
}

fn who(uid: u32) -> String {
    match user(uid) {
        Some(user) => format!("user {}", user.name),
        None => format!("uid {uid}"),
    }
}

/// The user's private group: the user's primary group, named after the user, listing
/// no other member. Only the user can be in it, so it may write the user's files.
fn is_private_group(user: &User, gid: u32, group: &Group) -> bool {
    gid == user.gid && group.name == user.name && group.members.iter().all(|m| *m == user.name)
}

/// Who besides the user (and root) could change `path`, whose metadata is `meta`:
/// an owner other than the user or root (when `owner_too`), write permission for
/// others, or for a group other than the user's private group. A directory with the
/// sticky bit (`/tmp`) lets others change only their own entries, so its write
/// permissions are no doubt.
pub fn doubt(path: &Path, meta: &fs::Metadata, owner_too: bool) -> Option<Doubt> {
    let me = euid();
    if owner_too && meta.uid() != me && meta.uid() != 0 {
        return Some(Doubt {
            problem: format!("is owned by {}, not by {}", who(meta.uid()), who(me)),
            fix: format!("chown {} {}", user_name(me), path.display()),
        });
    }
    let mode = meta.mode() & 0o7777;
    if meta.is_dir() && mode & 0o1000 != 0 {
        return None;
    }
    let by_others = mode & 0o002 != 0;
    let by_group = mode & 0o020 != 0
        && !matches!(
            (user(me), group(meta.gid())),
            (Some(user), Some(group)) if is_private_group(&user, meta.gid(), &group)
        );
    let (problem, whose) = match (by_others, by_group) {
        (false, false) => return None,
        (true, _) => (
            format!("can be changed by any user (mode {mode:o})"),
            if by_group { "go" } else { "o" },
        ),
        (false, true) => (
            format!(
                "can be changed by the members of group {} (mode {mode:o})",
                group(meta.gid()).map_or_else(|| meta.gid().to_string(), |g| g.name)
            ),
            "g",
        ),
    };
    Some(Doubt {
        problem,
        fix: format!("chmod {whose}-w {}", path.display()),
    })
}

/// The mode of a file its group or others may read or write, for a warning: "mode 644".
pub fn open_to_others(meta: &fs::Metadata) -> Option<String> {
    let mode = meta.mode() & 0o777;
    (mode & 0o077 != 0).then(|| format!("mode {mode:o}"))
}

/// A file its owner may not write: replacing it would override that.
pub fn is_read_only(meta: &fs::Metadata) -> bool {
    meta.mode() & 0o200 == 0
}

pub fn special_kind(kind: &fs::FileType) -> &'static str {
    if kind.is_char_device() {
        "a character device"
    } else if kind.is_block_device() {
        "a block device"
    } else if kind.is_fifo() {
        "a named pipe"
    } else if kind.is_socket() {
        "a socket"
    } else {
        "not a regular file"
    }
}

pub fn private_file(options: &mut OpenOptions) {
    options.mode(0o600);
}

pub fn private_dir(builder: &mut fs::DirBuilder) {
    builder.mode(0o700);
}

/// A lock file holds nothing; readable by all, so that whoever owns the config file
/// can lock it when root created the lock file.
pub fn lock_file(options: &mut OpenOptions) {
    options.mode(0o644).custom_flags(libc::O_NOFOLLOW);
}

pub fn open_no_follow(path: &Path) -> io::Result<File> {
    OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(path)
}

/// Give `file` the owner, group and mode of `like` (less the group's and others'
/// permissions when `private`), or fail: a file that changed hands would lock its
/// owner out.
pub fn keep(file: &File, like: &fs::Metadata, private: bool) -> io::Result<()> {
    let mine = file.metadata()?;
    if (mine.uid(), mine.gid()) != (like.uid(), like.gid()) {
        std::os::unix::fs::fchown(file, Some(like.uid()), Some(like.gid())).map_err(|e| {
            io::Error::other(format!(
                "cannot give the new file the owner and group of the old one ({}, group {}): {}",
                who(like.uid()),
                group(like.gid()).map_or_else(|| like.gid().to_string(), |g| g.name),
                io::Error::from(e.kind())
            ))
        })?;
    }
    let mut mode = like.mode() & 0o777;
    if private {
        mode &= 0o600;
    }
    file.set_permissions(fs::Permissions::from_mode(mode))
}

/// Make a rename in `dir` durable.
pub fn sync_dir(dir: &Path) {
    if let Ok(dir) = File::open(dir) {
        let _ = dir.sync_all();
    }
}

/// The terminal's settings to put back, for the signal handler: the terminal's file
/// descriptor and its settings before the prompt.
static TTY: AtomicI32 = AtomicI32::new(-1);
static SAVED: AtomicPtr<libc::termios> = AtomicPtr::new(std::ptr::null_mut());

/// Signals that end the process while a prompt has echo off.
const FATAL: [c_int; 4] = [libc::SIGINT, libc::SIGTERM, libc::SIGHUP, libc::SIGQUIT];

/// While alive, a signal that ends the process (Ctrl-C, `kill`, a closed terminal)
/// first puts the terminal's settings back as they were when it was made; and so does
/// dropping it. The prompt turns echo off and raises SIGINT itself on Ctrl-C, before
/// it could restore anything.
pub struct EchoGuard {
    tty: Option<File>,
    previous: Vec<(c_int, libc::sigaction)>,
}

impl EchoGuard {
    pub fn new() -> EchoGuard {
        let mut guard = EchoGuard {
            tty: None,
            previous: Vec::new(),
        };
        let Ok(tty) = OpenOptions::new().read(true).write(true).open("/dev/tty") else {
            return guard;
        };
        let mut settings = MaybeUninit::<libc::termios>::uninit();
        // SAFETY: the descriptor is open; tcgetattr fills the termios when it succeeds.
        if unsafe { libc::tcgetattr(tty.as_raw_fd(), settings.as_mut_ptr()) } != 0 {
            return guard;
        }
        // Leaked, a few bytes a prompt: a handler may read it at any moment.
        // SAFETY: tcgetattr succeeded, so the termios is initialised.
        let saved: &'static mut libc::termios =
            Box::leak(Box::new(unsafe { settings.assume_init() }));
        TTY.store(tty.as_raw_fd(), Ordering::SeqCst);
        SAVED.store(saved, Ordering::SeqCst);
        guard.tty = Some(tty);
        for signal in FATAL {
            // SAFETY: all-zero is a valid sigaction to fill in; the pointers are valid.
            unsafe {
                let mut old: libc::sigaction = std::mem::zeroed();
                if libc::sigaction(signal, std::ptr::null(), &mut old) != 0
                    || old.sa_sigaction == libc::SIG_IGN
                {
                    // An ignored signal (nohup) stays ignored.
                    continue;
                }
                let mut action: libc::sigaction = std::mem::zeroed();
                action.sa_sigaction = restore_then_die as extern "C" fn(c_int) as usize;
                libc::sigemptyset(&mut action.sa_mask);
                if libc::sigaction(signal, &action, std::ptr::null_mut()) == 0 {
                    guard.previous.push((signal, old));
                }
            }
        }
        guard
    }
}

impl EchoGuard {
    /// Stop echoing what is typed, before the question is shown: a fast typist (or a
    /// program answering) would otherwise see the start of a secret echoed.
    pub fn silence(&self) {
        let Some(tty) = &self.tty else {
            return;
        };
        let mut settings = MaybeUninit::<libc::termios>::uninit();
        // SAFETY: the descriptor is open; tcgetattr fills the termios when it succeeds,
        // and tcsetattr reads the one it filled.
        unsafe {
            if libc::tcgetattr(tty.as_raw_fd(), settings.as_mut_ptr()) == 0 {
                let mut settings = settings.assume_init();
                settings.c_lflag &= !libc::ECHO;
                libc::tcsetattr(tty.as_raw_fd(), libc::TCSANOW, &settings);
            }
        }
    }
}

impl Default for EchoGuard {
    fn default() -> EchoGuard {
        EchoGuard::new()
    }
}

impl Drop for EchoGuard {
    fn drop(&mut self) {
        if self.tty.is_none() {
            return;
        }
        restore_terminal();
        for (signal, old) in self.previous.drain(..) {
            // SAFETY: `old` is the action sigaction reported for this signal.
            unsafe { libc::sigaction(signal, &old, std::ptr::null_mut()) };
        }
        SAVED.store(std::ptr::null_mut(), Ordering::SeqCst);
        TTY.store(-1, Ordering::SeqCst);
    }
}

/// Async-signal-safe: two atomic loads and tcsetattr.
fn restore_terminal() {
    let saved = SAVED.load(Ordering::SeqCst);
    let tty = TTY.load(Ordering::SeqCst);
    if !saved.is_null() && tty >= 0 {
        // SAFETY: `saved` points to a leaked termios that is never freed.
        unsafe { libc::tcsetattr(tty, libc::TCSANOW, saved) };
    }
}

extern "C" fn restore_then_die(signal: c_int) {
    restore_terminal();
    // SAFETY: signal and raise are async-signal-safe; with the default action back,
    // the signal ends the process as it would have without the handler.
    unsafe {
        libc::signal(signal, libc::SIG_DFL);
        libc::raise(signal);
    }
}

/// Whether stdout is closed now.
pub fn stdout_closed() -> bool {
    // SAFETY: F_GETFD reads the descriptor's flags and changes nothing.
    unsafe { libc::fcntl(libc::STDOUT_FILENO, libc::F_GETFD) == -1 }
}

/// Whether stdout is a pipe (or socket) whose reader has gone: poll says so without
/// writing.
pub fn stdout_reader_gone() -> bool {
    let mut stdout = libc::pollfd {
        fd: libc::STDOUT_FILENO,
        events: 0,
        revents: 0,
    };
    // SAFETY: one valid pollfd, and no waiting.
    let ready = unsafe { libc::poll(&mut stdout, 1, 0) };
    ready > 0 && stdout.revents & (libc::POLLERR | libc::POLLHUP) != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(name: &str, gid: u32) -> User {
        User {
            name: name.into(),
            gid,
        }
    }

    fn group(name: &str, members: &[&str]) -> Group {
        Group {
            name: name.into(),
            members: members.iter().map(|m| m.to_string()).collect(),
        }
    }

    #[test]
    fn only_a_private_group_may_write() {
        let me = user("ana", 1000);
        assert!(is_private_group(&me, 1000, &group("ana", &[])));
        assert!(is_private_group(&me, 1000, &group("ana", &["ana"])));
        assert!(!is_private_group(&me, 1000, &group("ana", &["ana", "bob"])));
        assert!(!is_private_group(&me, 1000, &group("staff", &[])));
        // Named after the user, but not the user's primary group.
        assert!(!is_private_group(&me, 1001, &group("ana", &[])));
    }

    #[test]
    fn the_modes_that_let_others_write_are_doubted() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        fs::write(&path, "").unwrap();
        let doubt_at = |mode: u32| {
            fs::set_permissions(&path, fs::Permissions::from_mode(mode)).unwrap();
            doubt(&path, &fs::metadata(&path).unwrap(), true)
        };
        assert_eq!(doubt_at(0o600), None);
        assert_eq!(doubt_at(0o644), None);
        let d = doubt_at(0o646).unwrap();
        assert_eq!(d.problem, "can be changed by any user (mode 646)");
        assert_eq!(d.fix, format!("chmod o-w {}", path.display()));
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o1777)).unwrap();
        assert_eq!(
            doubt(dir.path(), &fs::metadata(dir.path()).unwrap(), true),
            None
        );
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o777)).unwrap();
        assert!(doubt(dir.path(), &fs::metadata(dir.path()).unwrap(), true).is_some());
    }
}
