//! The config file as something others may touch: what `config set` and `config init`
//! write to, who else could have written what is read, writers taking turns, echo at a
//! secret prompt, and the cache held to the same rules.
//!
//! The tests that need another user's files (made with chown to nobody) run as root
//! only, and say so when they are skipped.
#![cfg(unix)]

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use crate::support::*;
use fake_modelarts::*;

const NOBODY: u32 = 65534;

fn is_root() -> bool {
    // SAFETY: geteuid cannot fail.
    unsafe { libc::geteuid() == 0 }
}

fn skipped(test: &str) -> bool {
    if !is_root() {
        eprintln!("{test}: skipped, it needs root to make files of another user");
    }
    !is_root()
}

fn chmod(path: &Path, mode: u32) {
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

fn chown(path: &Path, uid: u32, gid: u32) {
    std::os::unix::fs::lchown(path, Some(uid), Some(gid)).unwrap();
}

/// All that "left untouched" covers: what it is, its bytes (for a regular file), its
/// owner, group, mode, inode and modification time.
#[derive(Debug, PartialEq)]
struct State {
    kind: fs::FileType,
    bytes: Option<Vec<u8>>,
    ids: (u32, u32),
    mode: u32,
    inode: u64,
    modified: (i64, i64),
}

fn state(path: &Path) -> State {
    let meta = fs::symlink_metadata(path).unwrap();
    State {
        kind: meta.file_type(),
        bytes: meta.is_file().then(|| fs::read(path).unwrap()),
        ids: (meta.uid(), meta.gid()),
        mode: meta.mode(),
        inode: meta.ino(),
        modified: (meta.mtime(), meta.mtime_nsec()),
    }
}

fn run(config: &Path, args: &[&str]) -> std::process::Output {
    matasks()
        .arg("--config")
        .arg(config)
        .args(args)
        .output()
        .unwrap()
}

/// Every command that changes the file, as it would change `path`.
const CHANGES: &[&[&str]] = &[
    &["config", "set", "region", "cn-north-4"],
    &["config", "unset", "region"],
    &[
        "--region",
        "cn-north-4",
        "config",
        "init",
        "--access-key",
        AK,
        "--secret-key-env",
        "HW_SK",
    ],
];

/// Each change is refused with exit 3 and this message, and leaves `path` as it was.
fn assert_refused(config: &Path, untouched: &Path, message: &str) {
    let before = state(untouched);
    for args in CHANGES {
        let out = run(config, args);
        assert_eq!(out.status.code(), Some(3), "{args:?}: {}", stderr_of(&out));
        assert_eq!(stderr_of(&out), format!("error: {message}\n"), "{args:?}");
        assert_eq!(state(untouched), before, "{args:?}");
    }
}

#[test]
fn only_a_regular_file_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo");
    let c_path = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid path; mkfifo only creates the node.
    assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0);
    let subdir = dir.path().join("a-dir");
    fs::create_dir(&subdir).unwrap();
    let mut cases = vec![(fifo, "a named pipe"), (subdir, "a directory")];
    if is_root() {
        // A character device like /dev/null (1, 3): what `MATASKS_CONFIG=/dev/null` is.
        let null = dir.path().join("null");
        let c_path = std::ffi::CString::new(null.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: a valid path; mknod only creates the node.
        let made =
            unsafe { libc::mknod(c_path.as_ptr(), libc::S_IFCHR | 0o666, libc::makedev(1, 3)) };
        assert_eq!(made, 0);
        cases.push((null, "a character device"));
    }
    for (path, kind) in &cases {
        assert_refused(
            path,
            path,
            &format!(
                "cannot change config file {}: it is {kind}, not a regular file; matasks \
                 writes only to a regular file (or creates one)",
                path.display()
            ),
        );
        // Refused before anything is created beside it.
        let mut lock = path.as_os_str().to_owned();
        lock.push(".lock");
        assert!(
            !std::path::Path::new(&lock).exists(),
            "{lock:?} was created"
        );
        // Through a link, the message says where it leads.
        let link = dir.path().join("link.toml");
        let _ = fs::remove_file(&link);
        std::os::unix::fs::symlink(path, &link).unwrap();
        assert_refused(
            &link,
            path,
            &format!(
                "cannot change config file {}: it leads to {}, which is {kind}, not a regular \
                 file; matasks writes only to a regular file (or creates one)",
                link.display(),
                path.display()
            ),
        );
    }
}

#[test]
fn every_link_is_followed_and_none_is_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("dotfiles/matasks.toml");
    fs::create_dir(dir.path().join("dotfiles")).unwrap();
    fs::write(&real, "[profiles.default]\nregion = \"cn-north-1\"\n").unwrap();
    chmod(&real, 0o600);
    let middle = dir.path().join("middle.toml");
    std::os::unix::fs::symlink("dotfiles/matasks.toml", &middle).unwrap();
    let first = dir.path().join("config.toml");
    std::os::unix::fs::symlink(&middle, &first).unwrap();
    let out = run(&first, &["config", "set", "region", "cn-north-4"]);
    assert_ok(&out);
    for link in [&first, &middle] {
        assert!(fs::symlink_metadata(link).unwrap().is_symlink(), "{link:?}");
    }
    assert_eq!(
        fs::read_to_string(&real).unwrap(),
        "[profiles.default]\nregion = \"cn-north-4\"\n"
    );
    // A loop of links is an error, not a hang, and nothing is written.
    let a = dir.path().join("a.toml");
    std::os::unix::fs::symlink("b.toml", &a).unwrap();
    std::os::unix::fs::symlink("a.toml", dir.path().join("b.toml")).unwrap();
    let out = run(&a, &["config", "set", "region", "cn-north-4"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr_of(&out).contains("(a loop?)"), "{}", stderr_of(&out));
}

#[test]
fn a_read_only_file_is_refused_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    fs::write(&path, "[profiles.default]\nregion = \"cn-north-1\"\n").unwrap();
    chmod(&path, 0o444);
    assert_refused(
        &path,
        &path,
        &format!(
            "cannot change config file {0}: it is read-only; to change it anyway, first run: \
             chmod u+w {0}",
            path.display()
        ),
    );
}

#[test]
fn a_change_keeps_the_owner_group_and_mode() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    fs::write(&path, "[profiles.default]\nregion = \"cn-north-1\"\n").unwrap();
    chmod(&path, 0o640);
    let owner = if is_root() {
        // Another user's file, changed by root, stays the other user's.
        chown(&path, NOBODY, NOBODY);
        (NOBODY, NOBODY)
    } else {
        let meta = fs::metadata(&path).unwrap();
        (meta.uid(), meta.gid())
    };
    let out = run(&path, &["config", "set", "region", "cn-north-4"]);
    assert_ok(&out);
    let meta = fs::metadata(&path).unwrap();
    assert_eq!(
        ((meta.uid(), meta.gid()), meta.mode() & 0o7777),
        (owner, 0o640)
    );
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        "[profiles.default]\nregion = \"cn-north-4\"\n"
    );
    // A secret in it takes away what the group may do.
    let out = matasks()
        .arg("--config")
        .arg(&path)
        .args(["config", "set", "secret_key"])
        .write_stdin(format!("{SK}\n"))
        .output()
        .unwrap();
    assert_ok(&out);
    let meta = fs::metadata(&path).unwrap();
    assert_eq!(
        ((meta.uid(), meta.gid()), meta.mode() & 0o7777),
        (owner, 0o600)
    );
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        2,
        "the file and its lock"
    );
}

#[test]
fn parallel_changes_are_all_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    let writers: Vec<_> = (0..20)
        .map(|i| {
            let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin!("matasks"));
            cmd.env_clear()
                .env("HOME", NO_HOME)
                .arg("--config")
                .arg(&path)
                .args(["--profile", &format!("p{i}"), "config", "set", "region"])
                .arg("cn-north-4")
                .stderr(std::process::Stdio::null());
            cmd.spawn().unwrap()
        })
        .collect();
    for mut writer in writers {
        assert!(writer.wait().unwrap().success());
    }
    let text = fs::read_to_string(&path).unwrap();
    let kept = (0..20)
        .filter(|i| text.contains(&format!("[profiles.p{i}]\nregion = \"cn-north-4\"\n")))
        .count();
    assert_eq!(kept, 20, "{text}");
}

#[test]
fn a_writer_waits_while_another_holds_the_lock() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    // Another matasks in the middle of a change.
    let lock = fs::File::create(dir.path().join("config.toml.lock")).unwrap();
    lock.lock().unwrap();
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin!("matasks"));
    let mut writer = cmd
        .env_clear()
        .env("HOME", NO_HOME)
        .arg("--config")
        .arg(&path)
        .args(["config", "set", "region", "cn-north-4"])
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(500));
    assert!(writer.try_wait().unwrap().is_none(), "it waits its turn");
    assert!(!path.exists());
    drop(lock);
    assert!(writer.wait().unwrap().success());
    assert!(fs::read_to_string(&path).unwrap().contains("cn-north-4"));
}

/// A config file that runs `touch WITNESS` when a command reads its settings.
fn commanding_config(dir: &Path, witness: &Path) -> PathBuf {
    let path = dir.join("config.toml");
    fs::write(
        &path,
        format!(
            "[profiles.default]\nregion = \"cn-north-4\"\nproject_id = \"{PROJECT}\"\n\
             access_key = \"{AK}\"\nsecret_key_command = \"touch {}\"\n",
            witness.display()
        ),
    )
    .unwrap();
    chmod(&path, 0o600);
    path
}

/// Reading commands refuse the file with exit 3 and a message ending in `fix`, and
/// run nothing.
fn assert_distrusted(config: &Path, witness: &Path, problem: &str, fix: &str) {
    for args in [
        &["list", "--dataset", DATASET][..],
        &["config", "show"],
        &["config", "check"],
        &["config", "list"],
    ] {
        let out = run(config, args);
        assert_eq!(out.status.code(), Some(3), "{args:?}: {}", stderr_of(&out));
        let err = stderr_of(&out);
        assert!(
            err.starts_with(&format!(
                "error: not using config file {}: ",
                config.display()
            )),
            "{args:?}: {err}"
        );
        assert!(
            err.contains(problem) && err.ends_with(&format!("; run: {fix}\n")),
            "{args:?}: {err}"
        );
        assert!(!witness.exists(), "{args:?} ran the command");
    }
}

#[test]
fn a_file_others_can_write_runs_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let witness = dir.path().join("ran");
    let path = commanding_config(dir.path(), &witness);
    chmod(&path, 0o646);
    assert_distrusted(
        &path,
        &witness,
        "it can be changed by any user (mode 646), so its settings and the commands it runs \
         could be someone else's",
        &format!("chmod o-w {}", path.display()),
    );
    // Nor is it changed: the fix is to make it private first.
    let before = state(&path);
    let out = run(&path, &["config", "set", "region", "cn-east-3"]);
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(
        stderr_of(&out),
        format!(
            "error: cannot change config file {0}: it can be changed by any user (mode 646); \
             first run: chmod o-w {0}\n",
            path.display()
        )
    );
    assert_eq!(state(&path), before);
    // A directory others can write is as bad, unless it is sticky like /tmp.
    chmod(&path, 0o600);
    chmod(dir.path(), 0o757);
    assert_distrusted(
        &path,
        &witness,
        &format!(
            "its directory {} can be changed by any user (mode 757)",
            dir.path().display()
        ),
        &format!("chmod o-w {}", dir.path().display()),
    );
    chmod(dir.path(), 0o1777);
    let out = run(&path, &["config", "show"]);
    assert_ok(&out);
    assert!(!witness.exists(), "show runs no command");
    chmod(dir.path(), 0o700);
    // An empty file sets nothing and runs nothing, whoever may write it:
    // `MATASKS_CONFIG=/dev/null` (mode 666) still means no settings.
    let sandbox = Sandbox::new();
    let out = matasks()
        .env("MATASKS_CONFIG", "/dev/null")
        .env("HUAWEICLOUD_SDK_AK", AK)
        .env("HUAWEICLOUD_SDK_SK", SK)
        .env("HUAWEICLOUD_SDK_PROJECT_ID", PROJECT)
        .env("MATASKS_ENDPOINT", sandbox.server.url())
        .args(["list", "--dataset", DATASET, "-o", "ndjson"])
        .output()
        .unwrap();
    assert_ok(&out);
    assert_eq!(stdout_of(&out).lines().count(), 6);
    assert_eq!(stderr_of(&out), "");
}

#[test]
fn a_file_of_another_user_or_group_runs_nothing() {
    if skipped("a_file_of_another_user_or_group_runs_nothing") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let witness = dir.path().join("ran");
    let path = commanding_config(dir.path(), &witness);
    // Another user's file, however private.
    chown(&path, NOBODY, NOBODY);
    assert_distrusted(
        &path,
        &witness,
        "it is owned by user nobody, not by user root",
        &format!("chown root {}", path.display()),
    );
    // A group with members other than the user may not write it...
    chown(&path, 0, NOBODY);
    chmod(&path, 0o660);
    assert_distrusted(
        &path,
        &witness,
        "it can be changed by the members of group nogroup (mode 660)",
        &format!("chmod g-w {}", path.display()),
    );
    // ...the user's private group may (root's group, named root, lists no one else).
    chown(&path, 0, 0);
    let out = run(&path, &["config", "show"]);
    assert_ok(&out);
    // A link in another user's directory could be pointed anywhere.
    let theirs = dir.path().join("theirs");
    fs::create_dir(&theirs).unwrap();
    chmod(&path, 0o600);
    let link = theirs.join("config.toml");
    std::os::unix::fs::symlink(&path, &link).unwrap();
    chown(&theirs, NOBODY, NOBODY);
    let out = run(&link, &["list", "--dataset", DATASET]);
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(
        stderr_of(&out),
        format!(
            "error: not using config file {}: its directory {1} is owned by user nobody, not \
             by user root, so its settings and the commands it runs could be someone else's; \
             run: chown root {1}\n",
            link.display(),
            theirs.display()
        )
    );
    assert!(!witness.exists());
}

/// Interrupting a secret prompt leaves the terminal echoing, as it was.
#[test]
fn ctrl_c_at_a_secret_prompt_gives_the_echo_back() {
    use std::os::unix::process::ExitStatusExt;
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    let base = || {
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin!("matasks"));
        cmd.env_clear()
            .env("HOME", NO_HOME)
            .arg("--config")
            .arg(&config);
        cmd
    };
    let mut set = base();
    set.args(["config", "set", "secret_key"]);
    let (run, terminal) = pty::interrupt_at(set, &[], "secret_key: ");
    assert_eq!(run.status.signal(), Some(libc::SIGINT), "{}", run.screen);
    assert!(terminal.echo && terminal.canonical, "{}", run.screen);
    let mut init = base();
    init.args(["config", "init"]);
    let (run, terminal) = pty::interrupt_at(
        init,
        &[
            ("Profile name [default]: ", ""),
            ("Region", REGION),
            ("Project ID", PROJECT),
            ("Default dataset ID", ""),
            ("Authentication (aksk, token, password) [aksk]: ", ""),
            ("Access key ID: ", AK),
            ("secret key: type it now", "type"),
        ],
        "secret key (not shown): ",
    );
    assert_eq!(run.status.signal(), Some(libc::SIGINT), "{}", run.screen);
    assert!(terminal.echo && terminal.canonical, "{}", run.screen);
    assert!(!config.exists());
}

/// A token cached by a first run, then handed to another user: not used, replaced.
#[test]
fn a_cache_file_or_directory_of_another_user_is_ignored_and_replaced() {
    if skipped("a_cache_file_or_directory_of_another_user_is_ignored_and_replaced") {
        return;
    }
    let sandbox = Sandbox::new();
    sandbox.write_config(&password_profile(&sandbox, ""));
    assert_ok(&sandbox.run(&["list"]));
    assert_eq!(sandbox.server.token_requests(), 1);
    let tokens = sandbox.cache_dir().join("tokens");
    let token_file = fs::read_dir(&tokens)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();

    chown(&token_file, NOBODY, NOBODY);
    let out = sandbox.run(&["list"]);
    assert_ok(&out);
    assert_eq!(sandbox.server.token_requests(), 2, "a new token was issued");
    assert!(
        stderr_of(&out).starts_with(&format!(
            "warning: ignoring {} in the cache: it is owned by user nobody, not by user root; \
             it is replaced when the cache is next written\n",
            token_file.display()
        )),
        "{}",
        stderr_of(&out)
    );
    assert_eq!(fs::metadata(&token_file).unwrap().uid(), 0, "replaced");

    // The token directory, a link to another user's directory.
    let elsewhere = sandbox.dir.path().join("elsewhere");
    fs::rename(&tokens, &elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, &tokens).unwrap();
    chown(&elsewhere, NOBODY, NOBODY);
    let planted = elsewhere.join(token_file.file_name().unwrap());
    let before = state(&planted);
    let out = sandbox.run(&["list"]);
    assert_ok(&out);
    assert_eq!(sandbox.server.token_requests(), 3, "a new token was issued");
    assert!(
        stderr_of(&out).starts_with(&format!(
            "warning: ignoring {} in the cache: it is a symbolic link; it is replaced when the \
             cache is next written\n",
            tokens.display()
        )),
        "{}",
        stderr_of(&out)
    );
    assert!(fs::symlink_metadata(&tokens).unwrap().is_dir());
    assert_eq!(state(&planted), before);
    assert_eq!(fs::read_dir(&elsewhere).unwrap().count(), 1);
    // The next run uses what it cached.
    let out = sandbox.run(&["list"]);
    assert_ok(&out);
    assert_eq!(sandbox.server.token_requests(), 3);
}
