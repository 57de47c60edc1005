//! Run the binary with stdout and stderr on a pseudo-terminal of a chosen width, so
//! that terminal-only behaviour (colour, fitting the width, progress) can be tested.

use std::fs::File;
use std::io::Read;
use std::os::fd::{FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Command, ExitStatus, Stdio};

pub struct TerminalRun {
    /// Everything written to the terminal, with the terminal's `\r\n` turned back into `\n`.
    pub screen: String,
    /// stdout, when it was a pipe rather than the terminal.
    pub stdout: Vec<u8>,
    /// stderr, when it was a pipe rather than the terminal.
    pub stderr: Vec<u8>,
    pub status: ExitStatus,
}

/// Which of stdout and stderr are on the terminal; the other goes into a pipe.
#[derive(Clone, Copy, PartialEq)]
enum OnTerminal {
    Both,
    Stderr,
    Stdout,
}

/// Rows of the terminals of the tests that do not choose.
const ROWS: u16 = 40;

/// Run `cmd` with stdout and stderr on a new terminal `cols` wide, its controlling
/// terminal.
pub fn run_on_terminal(cmd: Command, cols: u16) -> TerminalRun {
    run(cmd, cols, ROWS, OnTerminal::Both)
}

/// Like [`run_on_terminal`], on a terminal that reports a size of 0x0, as one nobody
/// sized (a serial console, some containers) does.
pub fn run_on_unsized_terminal(cmd: Command) -> TerminalRun {
    run(cmd, 0, 0, OnTerminal::Both)
}

/// Like [`run_on_terminal`], on a terminal of `rows` rows.
pub fn run_on_screen(cmd: Command, cols: u16, rows: u16) -> TerminalRun {
    run(cmd, cols, rows, OnTerminal::Both)
}

/// Like [`run_on_terminal`], but with stdout into a pipe: `matasks ... > file` at a shell.
pub fn run_with_stdout_piped(cmd: Command, cols: u16) -> TerminalRun {
    run(cmd, cols, ROWS, OnTerminal::Stderr)
}

/// Like [`run_on_terminal`], but with stderr into a pipe: `matasks ... 2> file` at a
/// shell, so that what goes to each can be told apart.
pub fn run_with_stderr_piped(cmd: Command, cols: u16) -> TerminalRun {
    run(cmd, cols, ROWS, OnTerminal::Stdout)
}

/// Run `cmd` with stdin, stdout and stderr on a new terminal, answering each question:
/// once the screen shows `expect` (after the previous one), type `answer` and Enter.
pub fn run_dialog(cmd: Command, dialog: &[(&str, &str)]) -> TerminalRun {
    converse(cmd, dialog, None, "\r").0
}

/// Like [`run_dialog`], typing each text as it is, without Enter (a Tab, a Ctrl-C): the
/// last one must end the program.
pub fn run_keys(cmd: Command, keys: &[(&str, &str)]) -> TerminalRun {
    converse(cmd, keys, None, "").0
}

/// How a terminal was left.
pub struct Settings {
    /// Typed characters are echoed.
    pub echo: bool,
    /// Input is read a line at a time, with editing.
    pub canonical: bool,
}

/// Like [`run_dialog`], then once the screen shows `question`, type Ctrl-C instead of
/// an answer. Returns the run and how the terminal was left once the program ended.
pub fn interrupt_at(
    cmd: Command,
    dialog: &[(&str, &str)],
    question: &str,
) -> (TerminalRun, Settings) {
    converse(cmd, dialog, Some(question), "\r")
}

/// Run `cmd` on a new terminal, typing each answer (then `enter`) once the screen shows
/// what comes before it.
fn converse(
    mut cmd: Command,
    dialog: &[(&str, &str)],
    interrupt_at: Option<&str>,
    enter: &str,
) -> (TerminalRun, Settings) {
    use std::io::Write;
    use std::os::fd::AsRawFd;
    use std::sync::{Arc, Mutex};
    let (master, slave) = open(80, ROWS);
    cmd.stdin(Stdio::from(slave.try_clone().unwrap()))
        .stdout(Stdio::from(slave.try_clone().unwrap()))
        .stderr(Stdio::from(slave.try_clone().unwrap()));
    make_controlling(&mut cmd, 2);
    let mut child = cmd.spawn().expect("spawn on a terminal");
    drop(cmd);
    let mut writer = File::from(master.try_clone().unwrap());
    let screen = Arc::new(Mutex::new(Vec::new()));
    let collected = screen.clone();
    let reader = std::thread::spawn(move || {
        let mut master = File::from(master);
        let mut chunk = [0u8; 4096];
        while let Ok(n) = master.read(&mut chunk) {
            if n == 0 {
                break;
            }
            collected.lock().unwrap().extend_from_slice(&chunk[..n]);
        }
    });
    let mut seen = 0;
    let steps = dialog
        .iter()
        .map(|(expect, answer)| (*expect, format!("{answer}{enter}")))
        .chain(interrupt_at.map(|expect| (expect, "\x03".to_string())));
    for (expect, typed) in steps {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        loop {
            let text = String::from_utf8_lossy(&screen.lock().unwrap()).into_owned();
            if let Some(at) = text[seen.min(text.len())..].find(expect) {
                seen += at + expect.len();
                break;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "never asked {expect:?}; the screen shows:\n{text}"
            );
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        if interrupt_at.is_some() {
            // The question is on the screen before the prompt has set the terminal up.
            std::thread::sleep(std::time::Duration::from_millis(200));
        }
        writer.write_all(typed.as_bytes()).unwrap();
    }
    let status = child.wait().unwrap();
    // The terminal outlives the program: how it was left is still there to read.
    let mut settings = std::mem::MaybeUninit::<libc::termios>::uninit();
    // SAFETY: the descriptor is open; tcgetattr fills the termios when it succeeds.
    assert_eq!(
        unsafe { libc::tcgetattr(slave.as_raw_fd(), settings.as_mut_ptr()) },
        0
    );
    // SAFETY: tcgetattr succeeded.
    let settings = unsafe { settings.assume_init() };
    drop(slave);
    drop(writer);
    reader.join().unwrap();
    let bytes = screen.lock().unwrap().clone();
    (
        TerminalRun {
            screen: String::from_utf8_lossy(&bytes).replace("\r\n", "\n"),
            stdout: Vec::new(),
            stderr: Vec::new(),
            status,
        },
        Settings {
            echo: settings.c_lflag & libc::ECHO != 0,
            canonical: settings.c_lflag & libc::ICANON != 0,
        },
    )
}

/// A new pseudo-terminal `cols` wide and `rows` high: (master, slave).
fn open(cols: u16, rows: u16) -> (OwnedFd, OwnedFd) {
    let mut master = -1;
    let mut slave = -1;
    let size = libc::winsize {
        ws_row: rows,
        ws_col: cols,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: openpty writes two new descriptors into the pointers we pass.
    let rc = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            &size,
        )
    };
    assert_eq!(rc, 0, "openpty failed");
    // Close-on-exec, so that the children other tests spawn meanwhile do not inherit the
    // terminal and keep it open after this test's child has ended. The child gets its
    // own copies as stdin, stdout and stderr.
    for fd in [master, slave] {
        // SAFETY: fcntl on a descriptor just opened here.
        assert_eq!(
            unsafe { libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC) },
            0
        );
    }
    // SAFETY: both descriptors were just opened and are owned here alone.
    unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) }
}

/// Make the child's terminal (its descriptor `fd`) its controlling terminal.
fn make_controlling(cmd: &mut Command, fd: i32) {
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        cmd.pre_exec(move || {
            if libc::setsid() < 0 || libc::ioctl(fd, libc::TIOCSCTTY, 0) < 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
}

fn run(mut cmd: Command, cols: u16, rows: u16, on_terminal: OnTerminal) -> TerminalRun {
    let (master, slave) = open(cols, rows);
    cmd.stdin(Stdio::null());
    if on_terminal == OnTerminal::Stdout {
        cmd.stderr(Stdio::piped());
    } else {
        cmd.stderr(Stdio::from(slave.try_clone().unwrap()));
    }
    if on_terminal == OnTerminal::Stderr {
        cmd.stdout(Stdio::piped());
    } else {
        cmd.stdout(Stdio::from(slave.try_clone().unwrap()));
    }
    make_controlling(
        &mut cmd,
        if on_terminal == OnTerminal::Stdout {
            1
        } else {
            2
        },
    );
    let mut child = cmd.spawn().expect("spawn on a terminal");
    drop(slave);
    let read_all = |mut from: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            from.read_to_end(&mut bytes).unwrap();
            bytes
        })
    };
    let piped_out = child.stdout.take().map(|out| read_all(Box::new(out)));
    let piped_err = child.stderr.take().map(|err| read_all(Box::new(err)));
    drop(cmd); // closes the parent's copies of the slave
    let reader = std::thread::spawn(move || {
        let mut master = File::from(master);
        let mut bytes = Vec::new();
        let mut chunk = [0u8; 4096];
        // Reading the master fails with EIO once every slave descriptor is closed.
        while let Ok(n) = master.read(&mut chunk) {
            if n == 0 {
                break;
            }
            bytes.extend_from_slice(&chunk[..n]);
        }
        bytes
    });
    let status = child.wait().unwrap();
    let bytes = reader.join().unwrap();
    TerminalRun {
        screen: String::from_utf8_lossy(&bytes).replace("\r\n", "\n"),
        stdout: piped_out.map(|t| t.join().unwrap()).unwrap_or_default(),
        stderr: piped_err.map(|t| t.join().unwrap()).unwrap_or_default(),
        status,
    }
}
